/* Loads a model file: the model's element handlers on top of the safe XML reader. */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "model/context.h"
#include "base/error.h"
#include "base/file.h"
#include "model/internal.h"
#include "rchain/schema.h"
#include "data/embedded.h"
#include "model/elements.h"
#include "model/xml_read.h"

/* Per kind of text in model/elements.def: whether the loader keeps it, and whether empty text means absent. */
#define KEPT_NONE 0ul
#define KEPT_TEXT 1ul
#define KEPT_OPTIONAL_TEXT 1ul
#define EMPTY_IS_ABSENT_NONE 0ul
#define EMPTY_IS_ABSENT_TEXT 0ul
#define EMPTY_IS_ABSENT_OPTIONAL_TEXT 1ul

/* Elements whose text the model keeps, a bit each. */
static const unsigned long text_elems = 0
#define ELEMENT(constant, name, text) | KEPT_##text << (constant)
#include "model/elements.def"
#undef ELEMENT
        ;

/* Elements whose text is optional: left empty, it is absent. */
static const unsigned long optional_text = 0
#define ELEMENT(constant, name, text) | EMPTY_IS_ABSENT_##text << (constant)
#include "model/elements.def"
#undef ELEMENT
        ;

_Static_assert(E_COUNT <= 32, "an element mask is an unsigned long");

/* Who an annotation belongs to: the element it sits in. */
static void owner_of(const rc_model *m, enum element parent, rc_owner_kind *kind, size_t *index)
{

	if (parent == E_STEP) {
		*kind = RC_OWNER_STEP;
		*index = m->steps.len - 1;
	} else if (parent == E_LINK || parent == E_COLUMN_LINK) {
		*kind = RC_OWNER_LINK;
		*index = m->links.len - 1;
	} else {
		*kind = RC_OWNER_MODEL;
		*index = RC_NONE;
	}
}

static void begin_ranges(rc_model *m, rc_range *assumptions, rc_range *risks, rc_range *evidence,
                         rc_range *suppressions)
{
	assumptions->first = m->assumptions.len;
	risks->first = m->risks.len;
	evidence->first = m->evidence.len;
	suppressions->first = m->suppressions.len;
}

static void end_ranges(const rc_model *m, rc_range *assumptions, rc_range *risks, rc_range *evidence,
                       rc_range *suppressions)
{
	assumptions->count = m->assumptions.len - assumptions->first;
	risks->count = m->risks.len - risks->first;
	evidence->count = m->evidence.len - evidence->first;
	suppressions->count = m->suppressions.len - suppressions->first;
}

/* Stops the load when a version="1" file uses `what`, a feature of format 1.1. */
static void need_v11(struct xml_reader *r, rc_loc loc, const char *what)
{
	char message[160];

	if (((const rc_model *)xml_user(r))->v11)
		return;
	snprintf(message, sizeof(message), "%s needs format 1.1, but the model says version=\"1\"", what);
	xml_problem(r, RS_NEEDS_V11, loc, message);
}

/* One membership per strand id in the step's `strand` list (folded: ids are one space apart). */
static void add_memberships(struct xml_reader *r, rc_model *m, rc_step *s)
{
	const char *p = s->strand;

	s->strands.first = m->memberships.len;
	while (p && *p) {
		size_t len = strcspn(p, " ");
		const char *id = arena_strndup(&m->arena, p, len);
		rc_membership *ms = id ? xml_push(r, &m->memberships, sizeof(*ms)) : NULL;

		if (!ms) {
			if (!id)
				xml_fail_nomem(r);
			return;
		}
		*ms = (rc_membership){ s->index, id, RC_NONE };
		p += len + (p[len] == ' ');
	}
	s->strands.count = m->memberships.len - s->strands.first;
	if (s->strands.count > 1)
		need_v11(r, s->loc, "a list of strands in 'strand'");
}

/* Resolves the step's column, declared before any step, and holds its level to the column's. */
static void resolve_column(struct xml_reader *r, rc_model *m, rc_step *s)
{
	const rc_column *c;
	char message[400];

	s->column_index = RC_NONE;
	if (!s->column)
		return;
	need_v11(r, s->loc, "attribute 'column'");
	if (model_index_columns(m)) {
		xml_fail_nomem(r);
		return;
	}
	s->column_index = idmap_get(&m->column_ids, s->column);
	if (s->column_index == RC_NONE)
		return; /* reported by RC002, like any unknown id */
	c = MODEL_AT(m, columns, const rc_column, s->column_index);
	if (c->level == s->level)
		return;
	snprintf(message, sizeof(message), "step '%.64s' is at level '%s' but its column '%.64s' is at level '%s'",
	         s->id, level_names[s->level], c->id, level_names[c->level]);
	xml_problem(r, RS_COLUMN_LEVEL, s->loc, message);
}

static void start_step(struct xml_reader *r, rc_loc loc, const xmlChar **atts, int n)
{
	rc_model *m = xml_user(r);
	rc_step *s = xml_push(r, &m->steps, sizeof(*s));
	int effect;

	if (!s)
		return;
	s->index = m->steps.len - 1;
	s->id = xml_attr_text(r, atts, n, "id");
	s->level = (rc_level)xml_attr_enum(atts, n, "level", level_names, 0);
	s->ref = xml_attr_text(r, atts, n, "ref");
	s->strand = xml_attr_text(r, atts, n, "strand");
	s->strand_index = RC_NONE;
	s->partners = xml_attr_text(r, atts, n, "partners");
	s->confidence = (rc_rating)xml_attr_enum(atts, n, "confidence", rating_names, RC_RATING_NONE);
	s->column = xml_attr_text(r, atts, n, "column");
	effect = xml_attr_enum(atts, n, "effect", effect_names, -1);
	s->effect = effect < 0 ? RC_EFFECT_INTENDED : (rc_effect)effect;
	s->timeframe = xml_attr_text(r, atts, n, "timeframe");
	s->loc = loc;
	if (effect >= 0)
		need_v11(r, loc, "attribute 'effect'");
	if (s->timeframe)
		need_v11(r, loc, "attribute 'timeframe'");
	add_memberships(r, m, s);
	resolve_column(r, m, s);
	s->indicators.first = m->indicators.len;
	begin_ranges(m, &s->assumptions, &s->risks, &s->evidence, &s->suppressions);
}

static void start_link(struct xml_reader *r, rc_loc loc, const xmlChar **atts, int n, int column)
{
	rc_model *m = xml_user(r);
	rc_link *k = xml_push(r, &m->links, sizeof(*k));

	if (!k)
		return;
	k->index = m->links.len - 1;
	k->id = xml_attr_text(r, atts, n, "id");
	k->column = column;
	k->from = xml_attr_text(r, atts, n, "from");
	k->to = xml_attr_text(r, atts, n, "to");
	k->from_step = RC_NONE;
	k->to_step = RC_NONE;
	if (column) {
		k->from_level = (rc_level)xml_attr_enum(atts, n, "from", level_names, 0);
		k->to_level = (rc_level)xml_attr_enum(atts, n, "to", level_names, 0);
	}
	k->kind = (rc_link_kind)xml_attr_enum(atts, n, "kind", link_kind_names, RC_LINK_CAUSAL);
	k->loc = loc;
	if (k->kind == RC_LINK_BLACK_BOX)
		need_v11(r, loc, "kind=\"black-box\"");
	begin_ranges(m, &k->assumptions, &k->risks, &k->evidence, &k->suppressions);
}

static void start_annotation(struct xml_reader *r, enum element e, enum element parent, rc_loc loc,
                             const xmlChar **atts, int n)
{
	rc_model *m = xml_user(r);
	rc_owner_kind kind;
	size_t index;

	owner_of(m, parent, &kind, &index);
	if (e == E_ASSUMPTION) {
		rc_assumption *a = xml_push(r, &m->assumptions, sizeof(*a));

		if (!a)
			return;
		a->id = xml_attr_text(r, atts, n, "id");
		a->ref = xml_attr_text(r, atts, n, "ref");
		a->status = (rc_assumption_status)xml_attr_enum(atts, n, "status", assumption_status_names,
		                                                RC_ASSUMPTION_UNTESTED);
		a->owner = kind;
		a->owner_index = index;
		a->loc = loc;
	} else if (e == E_RISK) {
		rc_risk *rk = xml_push(r, &m->risks, sizeof(*rk));

		if (!rk)
			return;
		rk->id = xml_attr_text(r, atts, n, "id");
		rk->ref = xml_attr_text(r, atts, n, "ref");
		rk->likelihood = (rc_rating)xml_attr_enum(atts, n, "likelihood", rating_names, RC_RATING_MEDIUM);
		rk->impact = (rc_rating)xml_attr_enum(atts, n, "impact", rating_names, RC_RATING_MEDIUM);
		rk->owner = kind;
		rk->owner_index = index;
		rk->loc = loc;
	} else if (e == E_EVIDENCE) {
		rc_evidence *v = xml_push(r, &m->evidence, sizeof(*v));

		if (!v)
			return;
		v->id = xml_attr_text(r, atts, n, "id");
		v->direction = (rc_direction)xml_attr_enum(atts, n, "direction", direction_names, RC_EVIDENCE_SUPPORTS);
		v->strength = (rc_strength)xml_attr_enum(atts, n, "strength", strength_names, RC_STRENGTH_UNGRADED);
		v->kind = (rc_evidence_kind)xml_attr_enum(atts, n, "kind", evidence_kind_names, RC_EVIDENCE_RESEARCH);
		v->of = (rc_evidence_of)xml_attr_enum(atts, n, "of", evidence_of_names, RC_EVIDENCE_OF_UNSTATED);
		v->owner = kind;
		v->owner_index = index;
		v->loc = loc;
		if (v->strength == RC_STRENGTH_UNGRADED)
			need_v11(r, loc, "<evidence> without 'strength'");
		if (v->of != RC_EVIDENCE_OF_UNSTATED)
			need_v11(r, loc, "attribute 'of'");
	} else {
		rc_suppression *s = xml_push(r, &m->suppressions, sizeof(*s));

		if (!s)
			return;
		s->rule = xml_attr_text(r, atts, n, "rule");
		s->reason = xml_attr_text(r, atts, n, "reason");
		s->owner = kind;
		s->owner_index = index;
		s->loc = loc;
	}
}

static void start_element(struct xml_reader *r, enum element e, enum element parent, rc_loc loc, const xmlChar **atts,
                          int n)
{
	rc_model *m = xml_user(r);

	switch (e) {
	case E_MODEL:
		m->id = xml_attr_text(r, atts, n, "id");
		m->version = xml_attr_text(r, atts, n, "version");
		m->v11 = m->version && strcmp(m->version, "1.1") == 0;
		m->status = (rc_model_status)xml_attr_enum(atts, n, "status", model_status_names, RC_MODEL_STATUS_NONE);
		m->loc = loc;
		if (m->status != RC_MODEL_STATUS_NONE)
			need_v11(r, loc, "attribute 'status'");
		break;
	case E_GOAL: need_v11(r, loc, "<goal>"); break;
	case E_CONTEXT: need_v11(r, loc, "<context>"); break;
	case E_QUESTION:
		m->question_outcomes = xml_attr_text(r, atts, n, "outcomes");
		m->question_certainty = (rc_rating)xml_attr_enum(atts, n, "certainty", rating_names, RC_RATING_NONE);
		m->question_loc = loc;
		need_v11(r, loc, "<question>");
		break;
	case E_STRAND_GROUP: {
		rc_strand_group *g = xml_push(r, &m->strand_groups, sizeof(*g));

		if (!g)
			return;
		g->id = xml_attr_text(r, atts, n, "id");
		g->loc = loc;
		need_v11(r, loc, "<strandGroup>");
		break;
	}
	case E_COLUMN: {
		rc_column *c = xml_push(r, &m->columns, sizeof(*c));

		if (!c)
			return;
		c->id = xml_attr_text(r, atts, n, "id");
		c->level = (rc_level)xml_attr_enum(atts, n, "level", level_names, 0);
		c->loc = loc;
		need_v11(r, loc, "<column>");
		break;
	}
	case E_PARTNERSHIP:
		m->has_partnership = 1;
		m->formation = (rc_formation)xml_attr_enum(atts, n, "formation", formation_names, RC_FORMATION_UNKNOWN);
		break;
	case E_PARTNER: {
		rc_partner *p = xml_push(r, &m->partners, sizeof(*p));

		if (!p)
			return;
		p->id = xml_attr_text(r, atts, n, "id");
		p->sector = (rc_sector)xml_attr_enum(atts, n, "sector", sector_names, RC_SECTOR_PUBLIC);
		p->role = (rc_role)xml_attr_enum(atts, n, "role", role_names, RC_ROLE_MEMBER);
		p->loc = loc;
		break;
	}
	case E_STRAND: {
		rc_strand *s = xml_push(r, &m->strands, sizeof(*s));

		if (!s)
			return;
		s->id = xml_attr_text(r, atts, n, "id");
		s->group = xml_attr_text(r, atts, n, "group");
		s->group_index = RC_NONE;
		s->loc = loc;
		if (s->group)
			need_v11(r, loc, "attribute 'group'");
		break;
	}
	case E_STEP: start_step(r, loc, atts, n); break;
	case E_INDICATOR: {
		rc_indicator *ind = xml_push(r, &m->indicators, sizeof(*ind));

		if (!ind)
			return;
		ind->step = m->steps.len - 1;
		ind->loc = loc;
		break;
	}
	case E_LINK:
	case E_COLUMN_LINK: start_link(r, loc, atts, n, e == E_COLUMN_LINK); break;
	case E_ASSUMPTION:
	case E_RISK:
	case E_EVIDENCE:
	case E_SUPPRESS: start_annotation(r, e, parent, loc, atts, n); break;
	case E_INFLUENCE: {
		rc_influence *inf = xml_push(r, &m->influences, sizeof(*inf));

		if (!inf)
			return;
		inf->id = xml_attr_text(r, atts, n, "id");
		inf->on = xml_attr_text(r, atts, n, "on");
		inf->on_step = RC_NONE;
		inf->kind =
		        (rc_influence_kind)xml_attr_enum(atts, n, "kind", influence_kind_names, RC_INFLUENCE_EXTERNAL);
		inf->ref = xml_attr_text(r, atts, n, "ref");
		inf->size = (rc_rating)xml_attr_enum(atts, n, "size", rating_names, RC_RATING_NONE);
		inf->direction = (rc_influence_direction)xml_attr_enum(atts, n, "direction", influence_direction_names,
		                                                       RC_INFLUENCE_NOT_ASSESSED);
		inf->assessment = xml_attr_text(r, atts, n, "assessment");
		inf->loc = loc;
		if (inf->ref || rc_influence_assessed(inf))
			need_v11(r, loc, inf->ref ? "attribute 'ref'" : "an assessment of an influence");
		break;
	}
	default: break;
	}
}

/* Stores the finished text of element `e` (whose parent is `parent`) in its field. */
static void store_text(rc_model *m, enum element e, enum element parent, const char *text)
{

	switch (e) {
	case E_TITLE:
	case E_DESCRIPTION:
		if (parent == E_STEP) {
			rc_step *s = MODEL_AT(m, steps, rc_step, m->steps.len - 1);

			*(e == E_TITLE ? &s->title : &s->description) = text;
		} else {
			*(e == E_TITLE ? &m->title : &m->description) = text;
		}
		break;
	case E_SOURCE: m->source = text; break;
	case E_GOAL: m->goal = text; break;
	case E_CONTEXT: m->context = text; break;
	case E_QUESTION: m->question = text; break;
	case E_STRAND_GROUP: MODEL_AT(m, strand_groups, rc_strand_group, m->strand_groups.len - 1)->name = text; break;
	case E_COLUMN: MODEL_AT(m, columns, rc_column, m->columns.len - 1)->name = text; break;
	case E_PARTNER: MODEL_AT(m, partners, rc_partner, m->partners.len - 1)->name = text; break;
	case E_STRAND: MODEL_AT(m, strands, rc_strand, m->strands.len - 1)->name = text; break;
	case E_INDICATOR: MODEL_AT(m, indicators, rc_indicator, m->indicators.len - 1)->text = text; break;
	case E_ASSUMPTION: MODEL_AT(m, assumptions, rc_assumption, m->assumptions.len - 1)->text = text; break;
	case E_STATEMENT: MODEL_AT(m, risks, rc_risk, m->risks.len - 1)->statement = text; break;
	case E_MITIGATION: MODEL_AT(m, risks, rc_risk, m->risks.len - 1)->mitigation = text; break;
	case E_CITE: MODEL_AT(m, evidence, rc_evidence, m->evidence.len - 1)->cite = text; break;
	case E_SUMMARY: MODEL_AT(m, evidence, rc_evidence, m->evidence.len - 1)->summary = text; break;
	case E_INFLUENCE: MODEL_AT(m, influences, rc_influence, m->influences.len - 1)->text = text; break;
	default: break;
	}
}

static void on_start(struct xml_reader *r, int elem, int parent, rc_loc loc, const xmlChar **atts, int natts)
{
	start_element(r, (enum element)elem, (enum element)parent, loc, atts, natts);
}

static void on_end(struct xml_reader *r, int elem, int parent, const char *text)
{
	rc_model *m = xml_user(r);

	if (text) {
		/* Optional text left empty is absent: "optional text is NULL when absent" (model.h). */
		if (*text || !(optional_text & 1ul << elem))
			store_text(m, (enum element)elem, (enum element)parent, text);
	} else if (elem == E_STEP) {
		rc_step *s = MODEL_AT(m, steps, rc_step, m->steps.len - 1);

		s->indicators.count = m->indicators.len - s->indicators.first;
		end_ranges(m, &s->assumptions, &s->risks, &s->evidence, &s->suppressions);
	} else if (elem == E_LINK || elem == E_COLUMN_LINK) {
		rc_link *k = MODEL_AT(m, links, rc_link, m->links.len - 1);

		end_ranges(m, &k->assumptions, &k->risks, &k->evidence, &k->suppressions);
	}
}

static const struct xml_format model_format = {
	"model", RC_MODEL_NAMESPACE, element_names, (const char *)rc_embedded_model_xsd, text_elems, on_start, on_end,
};

/* Hands the problems of a failed load to the caller who asked for them, or frees them. */
static void hand_over(rc_problems **out, rc_problems *p)
{
	if (out && rc_problems_count(p) > 0)
		*out = p;
	else
		rc_problems_free(&p);
}

/*
 * Loads `len` bytes named `name`; with `release`, the pages of `data` may be
 * given back to the system as it is parsed.
 */
static int load(rc_model **out, rc_problems **problems, rc_context *ctx, const char *name, const char *data, size_t len,
                int release, rc_error *err)
{
	rc_model *m = model_new(name);
	rc_problems *p = m ? problems_new(name) : NULL;
	int rc;

	*out = NULL;
	if (!p) {
		rc_model_free(&m);
		return error_set_at(err, RC_ENOMEM, name, 0, 0, "out of memory while loading");
	}
	rc = xml_read(&model_format, ctx->model_schema, m->file, data, len, release, &m->arena, m, p, err);
	if (rc == 0 && model_index(m) != 0)
		rc = error_set_at(err, RC_ENOMEM, name, 0, 0, "out of memory while indexing the model");
	hand_over(rc != 0 && rc != RC_ENOMEM ? problems : NULL, p);
	if (rc != 0) {
		rc_model_free(&m);
		return rc;
	}
	*out = m;
	return 0;
}

int rc_model_load_memory_problems(rc_model **out, rc_problems **problems, rc_context *ctx, const char *name,
                                  const char *data, size_t len, rc_error *err)
{
	*out = NULL;
	if (problems)
		*problems = NULL;
	if (len > ctx->limits.max_file_bytes)
		return error_set_at(err, RC_ELIMIT, name, 0, 0,
		                    "file is %zu bytes, over the limit of %zu bytes (raise it with --max-file-size)",
		                    len, ctx->limits.max_file_bytes);
	return load(out, problems, ctx, name, data, len, 0, err);
}

int rc_model_load_memory(rc_model **out, rc_context *ctx, const char *name, const char *data, size_t len, rc_error *err)
{
	return rc_model_load_memory_problems(out, NULL, ctx, name, data, len, err);
}

int rc_model_load_problems(rc_model **out, rc_problems **problems, rc_context *ctx, const char *path, rc_error *err)
{
	char *data;
	size_t len;
	int rc;

	*out = NULL;
	if (problems)
		*problems = NULL;
	rc = file_read(&data, &len, path, "a model file", ctx->limits.max_file_bytes, err);
	if (rc != 0)
		return rc;
	rc = load(out, problems, ctx, strcmp(path, "-") == 0 ? "<stdin>" : path, data, len, 1, err);
	rc_free(data);
	return rc;
}

int rc_model_load(rc_model **out, rc_context *ctx, const char *path, rc_error *err)
{
	return rc_model_load_problems(out, NULL, ctx, path, err);
}
