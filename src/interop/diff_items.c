/* The elements of one version of a model as items with their fields as text, for the diff to match. */
#include <stdarg.h>
#include <string.h>

#include "base/alloc.h"
#include "interop/diff_internal.h"

const char *const diff_fields_of[E_COUNT][MAX_FIELDS] = {
	[E_MODEL] = { "id", "title", "description", "source", "formation", "version", "status", "goal", "context" },
	[E_PARTNER] = { "sector", "role", "name" },
	[E_STRAND_GROUP] = { "name" },
	[E_STRAND] = { "name", "group" },
	[E_COLUMN] = { "level", "name" },
	[E_STEP] = { "level", "strand", "partners", "ref", "confidence", "title", "description", "indicators", "column",
	             "effect", "timeframe" },
	[E_LINK] = { "from", "to", "kind" },
	[E_COLUMN_LINK] = { "from", "to", "kind" },
	[E_ASSUMPTION] = { "on", "ref", "status", "text" },
	[E_RISK] = { "on", "ref", "likelihood", "impact", "statement", "mitigation" },
	[E_EVIDENCE] = { "on", "direction", "strength", "kind", "cite", "summary" },
	[E_INFLUENCE] = { "on", "kind", "text" },
};

const char *diff_text_of(rc_diff *d, const char *fmt, ...)
{
	va_list ap;
	int rc;

	d->scratch.len = 0;
	va_start(ap, fmt);
	rc = buffer_vprintf(&d->scratch, fmt, ap);
	va_end(ap);
	return rc ? NULL : arena_strndup(&d->arena, d->scratch.data, d->scratch.len);
}

/* A link is known by its id, or else by its ends. */
static int link_key(rc_buffer *out, const rc_link *l)
{
	return l->id ? buffer_puts(out, l->id) : buffer_printf(out, "%s -> %s", l->from, l->to);
}

/* What an annotation is about, as text into `out` (emptied first): "model", "step 'x'", "link 'a -> b'". */
static int owner_text(rc_buffer *out, const rc_model *m, rc_owner_kind owner, size_t index)
{
	const rc_link *l;

	out->len = 0;
	if (owner == RC_OWNER_MODEL)
		return buffer_puts(out, "model");
	if (owner == RC_OWNER_STEP)
		return buffer_printf(out, "step '%s'", rc_model_step(m, index)->id);
	l = rc_model_link(m, index);
	return buffer_printf(out, "%s '", l->column ? "columnLink" : "link") || link_key(out, l) ||
	       buffer_puts(out, "'");
}

static int influence_owner(rc_buffer *out, const rc_influence *x)
{
	out->len = 0;
	return x->on ? buffer_printf(out, "step '%s'", x->on) : buffer_puts(out, "model");
}

static int indicators_text(rc_buffer *out, const rc_model *m, const rc_step *s)
{
	size_t i;

	out->len = 0;
	for (i = 0; i < s->indicators.count; i++)
		if ((i && buffer_puts(out, " | ")) ||
		    buffer_puts(out, rc_model_indicator(m, s->indicators.first + i)->text))
			return -1;
	return 0;
}

static void add_item(struct side *s, enum element element, size_t index, int by_id)
{
	struct item *it = &s->items[s->count++];

	it->index = (uint32_t)index;
	it->element = (unsigned char)element;
	it->by_id = (unsigned char)by_id;
}

int diff_collect(struct side *s)
{
	const rc_model *m = s->m;
	size_t i, n = 1 + rc_model_partner_count(m) + rc_model_strand_group_count(m) + rc_model_strand_count(m) +
	              rc_model_column_count(m) + rc_model_step_count(m) + rc_model_link_count(m) +
	              rc_model_assumption_count(m) + rc_model_risk_count(m) + rc_model_evidence_count(m) +
	              rc_model_influence_count(m);

	s->items = rc_malloc(n * sizeof(*s->items));
	if (!s->items || n >= DIFF_UNMATCHED)
		return -1;
	add_item(s, E_MODEL, 0, 0); /* one per version: no key */
	for (i = 0; i < rc_model_partner_count(m); i++)
		add_item(s, E_PARTNER, i, 1);
	for (i = 0; i < rc_model_strand_group_count(m); i++)
		add_item(s, E_STRAND_GROUP, i, 1);
	for (i = 0; i < rc_model_strand_count(m); i++)
		add_item(s, E_STRAND, i, 1);
	for (i = 0; i < rc_model_column_count(m); i++)
		add_item(s, E_COLUMN, i, 1);
	for (i = 0; i < rc_model_step_count(m); i++)
		add_item(s, E_STEP, i, 1);
	for (i = 0; i < rc_model_link_count(m); i++)
		add_item(s, rc_model_link(m, i)->column ? E_COLUMN_LINK : E_LINK, i, rc_model_link(m, i)->id != NULL);
	for (i = 0; i < rc_model_assumption_count(m); i++)
		add_item(s, E_ASSUMPTION, i, rc_model_assumption(m, i)->id != NULL);
	for (i = 0; i < rc_model_risk_count(m); i++)
		add_item(s, E_RISK, i, rc_model_risk(m, i)->id != NULL);
	for (i = 0; i < rc_model_evidence_count(m); i++)
		add_item(s, E_EVIDENCE, i, rc_model_evidence(m, i)->id != NULL);
	for (i = 0; i < rc_model_influence_count(m); i++)
		add_item(s, E_INFLUENCE, i, rc_model_influence(m, i)->id != NULL);
	return 0;
}

/* What an annotation is about and says: its owner (kind and index, or a step id for an influence) and text. */
struct about {
	rc_owner_kind owner;
	size_t index;
	const char *step; /* an influence's step, by id */
	const char *text;
};

static struct about about_of(const rc_model *m, const struct item *it)
{
	const rc_assumption *a;
	const rc_risk *r;
	const rc_evidence *e;
	const rc_influence *x;

	switch ((enum element)it->element) {
	case E_ASSUMPTION:
		a = rc_model_assumption(m, it->index);
		return (struct about){ a->owner, a->owner_index, NULL, a->text };
	case E_RISK:
		r = rc_model_risk(m, it->index);
		return (struct about){ r->owner, r->owner_index, NULL, r->statement };
	case E_EVIDENCE:
		e = rc_model_evidence(m, it->index);
		return (struct about){ e->owner, e->owner_index, NULL, e->summary };
	default:
		x = rc_model_influence(m, it->index);
		return (struct about){ x->on ? RC_OWNER_STEP : RC_OWNER_MODEL, RC_NONE, x->on, x->text };
	}
}

/* The id of a by-id item, borrowed from the model. */
static const char *id_of(const rc_model *m, const struct item *it)
{
	switch ((enum element)it->element) {
	case E_PARTNER: return rc_model_partner(m, it->index)->id;
	case E_STRAND_GROUP: return rc_model_strand_group(m, it->index)->id;
	case E_STRAND: return rc_model_strand(m, it->index)->id;
	case E_COLUMN: return rc_model_column(m, it->index)->id;
	case E_STEP: return rc_model_step(m, it->index)->id;
	case E_LINK:
	case E_COLUMN_LINK: return rc_model_link(m, it->index)->id;
	case E_ASSUMPTION: return rc_model_assumption(m, it->index)->id;
	case E_RISK: return rc_model_risk(m, it->index)->id;
	case E_EVIDENCE: return rc_model_evidence(m, it->index)->id;
	case E_INFLUENCE: return rc_model_influence(m, it->index)->id;
	default: return "";
	}
}

static int link_compare(const rc_link *a, const rc_link *b)
{
	int c = (a->id != NULL) - (b->id != NULL);

	if (c || a->id)
		return c ? c : strcmp(a->id, b->id);
	c = strcmp(a->from, b->from);
	return c ? c : strcmp(a->to, b->to);
}

static int owner_compare(const rc_model *ma, const struct about *a, const rc_model *mb, const struct about *b)
{
	const rc_link *la, *lb;
	int c = (int)a->owner - (int)b->owner;

	if (c || a->owner == RC_OWNER_MODEL)
		return c;
	if (a->owner == RC_OWNER_STEP)
		return strcmp(a->step ? a->step : rc_model_step(ma, a->index)->id,
		              b->step ? b->step : rc_model_step(mb, b->index)->id);
	la = rc_model_link(ma, a->index);
	lb = rc_model_link(mb, b->index);
	c = la->column - lb->column;
	return c ? c : link_compare(la, lb);
}

int diff_compare(const struct side *sa, const struct item *a, const struct side *sb, const struct item *b)
{
	struct about x, y;
	int c = (int)a->element - (int)b->element;

	if (!c)
		c = (int)a->by_id - (int)b->by_id;
	if (c || a->element == E_MODEL)
		return c;
	if (a->by_id)
		return strcmp(id_of(sa->m, a), id_of(sb->m, b));
	if (a->element == E_LINK || a->element == E_COLUMN_LINK)
		return link_compare(rc_model_link(sa->m, a->index), rc_model_link(sb->m, b->index));
	x = about_of(sa->m, a);
	y = about_of(sb->m, b);
	c = owner_compare(sa->m, &x, sb->m, &y);
	return c ? c : strcmp(x.text, y.text);
}

const char *diff_key(rc_diff *d, struct side *s, const struct item *it)
{
	struct about a;

	if (it->by_id || it->element == E_MODEL)
		return id_of(s->m, it);
	if (it->element == E_LINK || it->element == E_COLUMN_LINK) {
		const rc_link *l = rc_model_link(s->m, it->index);

		return diff_text_of(d, "%s -> %s", l->from, l->to);
	}
	a = about_of(s->m, it);
	if (it->element == E_INFLUENCE ? influence_owner(&s->field, rc_model_influence(s->m, it->index))
	                               : owner_text(&s->field, s->m, a.owner, a.index))
		return NULL;
	return diff_text_of(d, "on %s: \"%s\"", s->field.data, a.text);
}

static int step_values(struct side *s, const rc_step *st, const char *v[MAX_FIELDS])
{
	v[0] = rc_level_name(st->level);
	v[1] = st->strand;
	v[2] = st->partners;
	v[3] = st->ref;
	v[4] = st->confidence == RC_RATING_NONE ? NULL : rc_rating_name(st->confidence);
	v[5] = st->title;
	v[6] = st->description;
	v[7] = NULL;
	if (st->indicators.count) {
		if (indicators_text(&s->field, s->m, st))
			return -1;
		v[7] = s->field.data;
	}
	v[8] = st->column;
	v[9] = rc_effect_name(st->effect);
	v[10] = st->timeframe;
	return 0;
}

static void model_values(const rc_model *m, const char *v[MAX_FIELDS])
{
	v[0] = rc_model_id(m);
	v[1] = rc_model_title(m);
	v[2] = rc_model_description(m);
	v[3] = rc_model_source(m);
	v[4] = rc_model_has_partnership(m) ? rc_formation_name(rc_model_formation(m)) : NULL;
	v[5] = rc_model_version(m);
	v[6] = rc_model_status_of(m) == RC_MODEL_STATUS_NONE ? NULL : rc_model_status_name(rc_model_status_of(m));
	v[7] = rc_model_goal(m);
	v[8] = rc_model_context(m);
}

/* The annotations' fields: what they are about first. */
static int annotation_values(struct side *s, const struct item *it, const char *v[MAX_FIELDS])
{
	const rc_model *m = s->m;

	if (it->element == E_ASSUMPTION) {
		const rc_assumption *a = rc_model_assumption(m, it->index);

		v[1] = a->ref;
		v[2] = rc_assumption_status_name(a->status);
		v[3] = a->text;
		return owner_text(&s->field, m, a->owner, a->owner_index);
	}
	if (it->element == E_RISK) {
		const rc_risk *r = rc_model_risk(m, it->index);

		v[1] = r->ref;
		v[2] = rc_rating_name(r->likelihood);
		v[3] = rc_rating_name(r->impact);
		v[4] = r->statement;
		v[5] = r->mitigation;
		return owner_text(&s->field, m, r->owner, r->owner_index);
	}
	if (it->element == E_EVIDENCE) {
		const rc_evidence *e = rc_model_evidence(m, it->index);

		v[1] = rc_direction_name(e->direction);
		v[2] = rc_strength_name(e->strength);
		v[3] = rc_evidence_kind_name(e->kind);
		v[4] = e->cite;
		v[5] = e->summary;
		return owner_text(&s->field, m, e->owner, e->owner_index);
	}
	v[1] = rc_influence_kind_name(rc_model_influence(m, it->index)->kind);
	v[2] = rc_model_influence(m, it->index)->text;
	return influence_owner(&s->field, rc_model_influence(m, it->index));
}

int diff_values(struct side *s, const struct item *it, const char *v[MAX_FIELDS])
{
	const rc_model *m = s->m;
	size_t i;

	for (i = 0; i < MAX_FIELDS; i++)
		v[i] = NULL;
	switch ((enum element)it->element) {
	case E_MODEL: model_values(m, v); return 0;
	case E_PARTNER:
		v[0] = rc_sector_name(rc_model_partner(m, it->index)->sector);
		v[1] = rc_role_name(rc_model_partner(m, it->index)->role);
		v[2] = rc_model_partner(m, it->index)->name;
		return 0;
	case E_STRAND_GROUP: v[0] = rc_model_strand_group(m, it->index)->name; return 0;
	case E_STRAND:
		v[0] = rc_model_strand(m, it->index)->name;
		v[1] = rc_model_strand(m, it->index)->group;
		return 0;
	case E_COLUMN:
		v[0] = rc_level_name(rc_model_column(m, it->index)->level);
		v[1] = rc_model_column(m, it->index)->name;
		return 0;
	case E_STEP: return step_values(s, rc_model_step(m, it->index), v);
	case E_LINK:
	case E_COLUMN_LINK:
		v[0] = rc_model_link(m, it->index)->from;
		v[1] = rc_model_link(m, it->index)->to;
		v[2] = rc_link_kind_name(rc_model_link(m, it->index)->kind);
		return 0;
	default:
		if (annotation_values(s, it, v))
			return -1;
		v[0] = s->field.data;
		return 0;
	}
}

rc_loc diff_loc(const struct side *s, const struct item *it)
{
	const rc_model *m = s->m;

	switch ((enum element)it->element) {
	case E_MODEL: return rc_model_loc(m);
	case E_PARTNER: return rc_model_partner(m, it->index)->loc;
	case E_STRAND_GROUP: return rc_model_strand_group(m, it->index)->loc;
	case E_STRAND: return rc_model_strand(m, it->index)->loc;
	case E_COLUMN: return rc_model_column(m, it->index)->loc;
	case E_STEP: return rc_model_step(m, it->index)->loc;
	case E_LINK:
	case E_COLUMN_LINK: return rc_model_link(m, it->index)->loc;
	case E_ASSUMPTION: return rc_model_assumption(m, it->index)->loc;
	case E_RISK: return rc_model_risk(m, it->index)->loc;
	case E_EVIDENCE: return rc_model_evidence(m, it->index)->loc;
	default: return rc_model_influence(m, it->index)->loc;
	}
}

size_t diff_story_index(const struct side *s, const char *id)
{
	const rc_step *step = rc_model_find_step(s->m, id);
	size_t i;

	for (i = 0; step && i < rc_confidence_story_count(s->c); i++)
		if (rc_confidence_story(s->c, i)->outcome == step->index)
			return i;
	return RC_NONE;
}
