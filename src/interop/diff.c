/* Semantic diffs between two checked versions of a model, matched by ids (docs/interop.md). */
#include <stdarg.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buffer.h"
#include "base/error.h"
#include "base/idmap.h"
#include "interop/backends.h"
#include "model/elements.h"

#define MAX_FIELDS 8

/* The fields compared (in this order) per element of the format; elements with none are not compared. */
static const char *const fields_of[E_COUNT][MAX_FIELDS] = {
	[E_MODEL] = { "id", "title", "description", "source", "formation" },
	[E_PARTNER] = { "sector", "role", "name" },
	[E_STRAND] = { "name" },
	[E_STEP] = { "level", "strand", "partners", "ref", "confidence", "title", "description", "indicators" },
	[E_LINK] = { "from", "to", "kind" },
	[E_COLUMN_LINK] = { "from", "to", "kind" },
	[E_ASSUMPTION] = { "on", "ref", "status", "text" },
	[E_RISK] = { "on", "ref", "likelihood", "impact", "statement", "mitigation" },
	[E_EVIDENCE] = { "on", "direction", "strength", "kind", "cite", "summary" },
	[E_INFLUENCE] = { "on", "kind", "text" },
};

/* One element of one version, with its fields as text. */
struct item {
	enum element element;
	const char *key;
	int by_id;
	const char *match; /* key and occurrence: unique among its version's elements of its kind */
	rc_loc loc;
	const char *values[MAX_FIELDS];
};

/* One version: its elements by match, its findings by code and message, and its confidence. */
struct side {
	const rc_model *m;
	const rc_findings *f;
	const rc_confidence *c;
	struct item *items;
	size_t count;
	size_t cap;
	struct idmap items_by_match[E_COUNT]; /* per element, by key: no copy of the model's ids */
	const char **finding_matches;         /* per finding; NULL when silenced */
	struct idmap findings_by_match;
};

struct rc_diff {
	struct arena arena;
	rc_buffer scratch;
	struct side old_side;
	struct side new_side;
	rc_change *changes;
	size_t change_count;
	size_t change_cap;
	rc_finding_change *findings;
	size_t finding_count;
	size_t finding_cap;
	rc_outcome_change *outcomes;
	size_t outcome_count;
	size_t outcome_cap;
};

/* Formats into the diff's arena; NULL when memory runs out. */
static const char *__attribute__((format(printf, 2, 3))) text_of(rc_diff *d, const char *fmt, ...)
{
	va_list ap;
	int rc;

	d->scratch.len = 0;
	va_start(ap, fmt);
	rc = buffer_vprintf(&d->scratch, fmt, ap);
	va_end(ap);
	return rc ? NULL : arena_strndup(&d->arena, d->scratch.data, d->scratch.len);
}

static struct item *add_item(struct side *s, enum element element, const char *key, int by_id, rc_loc loc)
{
	struct item *it;

	if (rc_grow((void **)&s->items, &s->cap, s->count + 1, sizeof(*s->items)))
		return NULL;
	it = &s->items[s->count++];
	memset(it, 0, sizeof(*it));
	it->element = element;
	it->key = key;
	it->by_id = by_id;
	it->loc = loc;
	return it;
}

/* A link is known by its id, or else by its ends. */
static const char *link_key(rc_diff *d, const rc_link *l)
{
	return l->id ? l->id : text_of(d, "%s -> %s", l->from, l->to);
}

/* What an annotation is about, as text: "model", "step 'x'", "link 'a -> b'". */
static const char *owner_of(rc_diff *d, const rc_model *m, rc_owner_kind owner, size_t index)
{
	const rc_link *l;
	const char *key;

	if (owner == RC_OWNER_MODEL)
		return "model";
	if (owner == RC_OWNER_STEP)
		return text_of(d, "step '%s'", rc_model_step(m, index)->id);
	l = rc_model_link(m, index);
	key = link_key(d, l);
	return key ? text_of(d, "%s '%s'", l->column ? "columnLink" : "link", key) : NULL;
}

/* An annotation is known by its id, or else by what it is about and its text. */
static struct item *add_annotation(rc_diff *d, struct side *s, enum element element, const char *id, const char *on,
                                   const char *text, rc_loc loc)
{
	const char *key = id ? id : text_of(d, "on %s: \"%s\"", on, text);

	return key ? add_item(s, element, key, id != NULL, loc) : NULL;
}

static const char *indicators_of(rc_diff *d, const rc_model *m, const rc_step *s)
{
	size_t i;

	if (s->indicators.count == 0)
		return NULL;
	d->scratch.len = 0;
	for (i = 0; i < s->indicators.count; i++)
		if ((i && buffer_puts(&d->scratch, " | ")) ||
		    buffer_puts(&d->scratch, rc_model_indicator(m, s->indicators.first + i)->text))
			return NULL;
	return arena_strndup(&d->arena, d->scratch.data, d->scratch.len);
}

static int add_steps(rc_diff *d, struct side *s)
{
	const rc_model *m = s->m;
	size_t i;

	for (i = 0; i < rc_model_step_count(m); i++) {
		const rc_step *st = rc_model_step(m, i);
		struct item *it = add_item(s, E_STEP, st->id, 1, st->loc);

		if (!it)
			return -1;
		it->values[0] = rc_level_name(st->level);
		it->values[1] = st->strand;
		it->values[2] = st->partners;
		it->values[3] = st->ref;
		it->values[4] = st->confidence == RC_RATING_NONE ? NULL : rc_rating_name(st->confidence);
		it->values[5] = st->title;
		it->values[6] = st->description;
		it->values[7] = indicators_of(d, m, st);
		if (st->indicators.count && !it->values[7])
			return -1;
	}
	return 0;
}

static int add_links(rc_diff *d, struct side *s)
{
	size_t i;

	for (i = 0; i < rc_model_link_count(s->m); i++) {
		const rc_link *l = rc_model_link(s->m, i);
		const char *key = link_key(d, l);
		struct item *it =
		        key ? add_item(s, l->column ? E_COLUMN_LINK : E_LINK, key, l->id != NULL, l->loc) : NULL;

		if (!it)
			return -1;
		it->values[0] = l->from;
		it->values[1] = l->to;
		it->values[2] = rc_link_kind_name(l->kind);
	}
	return 0;
}

static int add_annotations(rc_diff *d, struct side *s)
{
	const rc_model *m = s->m;
	struct item *it;
	const char *on;
	size_t i;

	for (i = 0; i < rc_model_assumption_count(m); i++) {
		const rc_assumption *a = rc_model_assumption(m, i);

		if (!(on = owner_of(d, m, a->owner, a->owner_index)) ||
		    !(it = add_annotation(d, s, E_ASSUMPTION, a->id, on, a->text, a->loc)))
			return -1;
		it->values[0] = on;
		it->values[1] = a->ref;
		it->values[2] = rc_assumption_status_name(a->status);
		it->values[3] = a->text;
	}
	for (i = 0; i < rc_model_risk_count(m); i++) {
		const rc_risk *r = rc_model_risk(m, i);

		if (!(on = owner_of(d, m, r->owner, r->owner_index)) ||
		    !(it = add_annotation(d, s, E_RISK, r->id, on, r->statement, r->loc)))
			return -1;
		it->values[0] = on;
		it->values[1] = r->ref;
		it->values[2] = rc_rating_name(r->likelihood);
		it->values[3] = rc_rating_name(r->impact);
		it->values[4] = r->statement;
		it->values[5] = r->mitigation;
	}
	for (i = 0; i < rc_model_evidence_count(m); i++) {
		const rc_evidence *e = rc_model_evidence(m, i);

		if (!(on = owner_of(d, m, e->owner, e->owner_index)) ||
		    !(it = add_annotation(d, s, E_EVIDENCE, e->id, on, e->summary, e->loc)))
			return -1;
		it->values[0] = on;
		it->values[1] = rc_direction_name(e->direction);
		it->values[2] = rc_strength_name(e->strength);
		it->values[3] = rc_evidence_kind_name(e->kind);
		it->values[4] = e->cite;
		it->values[5] = e->summary;
	}
	for (i = 0; i < rc_model_influence_count(m); i++) {
		const rc_influence *x = rc_model_influence(m, i);

		on = x->on ? text_of(d, "step '%s'", x->on) : "model";
		if (!on || !(it = add_annotation(d, s, E_INFLUENCE, x->id, on, x->text, x->loc)))
			return -1;
		it->values[0] = on;
		it->values[1] = rc_influence_kind_name(x->kind);
		it->values[2] = x->text;
	}
	return 0;
}

/* Every element of one version, in the order of the format's elements. */
static int collect(rc_diff *d, struct side *s)
{
	const rc_model *m = s->m;
	struct item *it;
	size_t i;

	/* Sized once: growing by doubling would hold up to twice the items, and both copies while it moves them. */
	s->cap = 1 + rc_model_partner_count(m) + rc_model_strand_count(m) + rc_model_step_count(m) +
	         rc_model_link_count(m) + rc_model_assumption_count(m) + rc_model_risk_count(m) +
	         rc_model_evidence_count(m) + rc_model_influence_count(m);
	s->items = rc_malloc(s->cap * sizeof(*s->items));
	if (!s->items)
		return -1;
	it = add_item(s, E_MODEL, "", 0, rc_model_loc(m)); /* one per version: no key */
	if (!it)
		return -1;
	it->values[0] = rc_model_id(m);
	it->values[1] = rc_model_title(m);
	it->values[2] = rc_model_description(m);
	it->values[3] = rc_model_source(m);
	it->values[4] = rc_model_has_partnership(m) ? rc_formation_name(rc_model_formation(m)) : NULL;
	for (i = 0; i < rc_model_partner_count(m); i++) {
		const rc_partner *p = rc_model_partner(m, i);

		if (!(it = add_item(s, E_PARTNER, p->id, 1, p->loc)))
			return -1;
		it->values[0] = rc_sector_name(p->sector);
		it->values[1] = rc_role_name(p->role);
		it->values[2] = p->name;
	}
	for (i = 0; i < rc_model_strand_count(m); i++) {
		const rc_strand *st = rc_model_strand(m, i);

		if (!(it = add_item(s, E_STRAND, st->id, 1, st->loc)))
			return -1;
		it->values[0] = st->name;
	}
	return add_steps(d, s) || add_links(d, s) || add_annotations(d, s) ? -1 : 0;
}

/* Stores `base` in `map` for `value`, made unique by the number of its occurrence ("#2", "#3"...). */
static const char *put_unique(rc_diff *d, struct idmap *map, const char *base, size_t value)
{
	const char *match = base;
	size_t n = 1;

	while (match && idmap_put(map, match, value) != RC_NONE)
		match = text_of(d, "%s#%zu", base, ++n);
	return match;
}

static int index_side(rc_diff *d, struct side *s)
{
	size_t i, e, per[E_COUNT] = { 0 }, n = rc_findings_count(s->f);

	if (collect(d, s) || idmap_init(&s->findings_by_match, n))
		return -1;
	for (i = 0; i < s->count; i++)
		per[s->items[i].element]++;
	for (e = 0; e < E_COUNT; e++)
		if (idmap_init(&s->items_by_match[e], per[e]))
			return -1;
	for (i = 0; i < s->count; i++) {
		struct item *it = &s->items[i];

		if (!(it->match = put_unique(d, &s->items_by_match[it->element], it->key, i)))
			return -1;
	}
	s->finding_matches = arena_alloc(&d->arena, (n ? n : 1) * sizeof(*s->finding_matches));
	if (!s->finding_matches)
		return -1;
	for (i = 0; i < n; i++) {
		const rc_finding *f = rc_findings_at(s->f, i);
		const char *base;

		s->finding_matches[i] = NULL;
		if (f->suppressed)
			continue;
		base = text_of(d, "%s\x1f%s", f->rule->code, f->message);
		if (!base || !(s->finding_matches[i] = put_unique(d, &s->findings_by_match, base, i)))
			return -1;
	}
	return 0;
}

static int values_differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

static rc_change *add_change(rc_diff *d, rc_change_kind kind, const struct item *it)
{
	rc_change *c;

	if (rc_grow((void **)&d->changes, &d->change_cap, d->change_count + 1, sizeof(*d->changes)))
		return NULL;
	c = &d->changes[d->change_count++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->element = element_names[it->element];
	c->key = it->key;
	c->by_id = it->by_id;
	return c;
}

/* The fields that differ between two matched elements, as a change (none when they are alike). */
static int compare_items(rc_diff *d, const struct item *was, const struct item *now)
{
	rc_field_change fields[MAX_FIELDS];
	size_t i, n = 0;
	rc_change *c;
	rc_field_change *kept;

	for (i = 0; i < MAX_FIELDS && fields_of[now->element][i]; i++)
		if (values_differ(was->values[i], now->values[i]))
			fields[n++] = (rc_field_change){ fields_of[now->element][i], was->values[i], now->values[i] };
	if (n == 0)
		return 0;
	kept = arena_alloc(&d->arena, n * sizeof(*kept));
	if (!kept || !(c = add_change(d, RC_CHANGE_CHANGED, now)))
		return -1;
	memcpy(kept, fields, n * sizeof(*kept));
	c->old_loc = was->loc;
	c->new_loc = now->loc;
	c->fields = kept;
	c->field_count = n;
	return 0;
}

/* Per kind of element: those removed (in old order), then those added or changed (in new order). */
static int compare_elements(rc_diff *d)
{
	const struct side *o = &d->old_side, *n = &d->new_side;
	size_t e, i, j;
	rc_change *c;

	for (e = 0; e < E_COUNT; e++) {
		if (!fields_of[e][0])
			continue;
		for (i = 0; i < o->count; i++)
			if (o->items[i].element == e &&
			    idmap_get(&n->items_by_match[e], o->items[i].match) == RC_NONE) {
				if (!(c = add_change(d, RC_CHANGE_REMOVED, &o->items[i])))
					return -1;
				c->old_loc = o->items[i].loc;
			}
		for (i = 0; i < n->count; i++) {
			if (n->items[i].element != e)
				continue;
			j = idmap_get(&o->items_by_match[e], n->items[i].match);
			if (j != RC_NONE) {
				if (compare_items(d, &o->items[j], &n->items[i]))
					return -1;
			} else {
				if (!(c = add_change(d, RC_CHANGE_ADDED, &n->items[i])))
					return -1;
				c->new_loc = n->items[i].loc;
			}
		}
	}
	return 0;
}

/* Findings of `from` (by code and message) that `to` does not have. */
static int compare_findings(rc_diff *d, const struct side *from, const struct side *to, int introduced)
{
	size_t i;

	for (i = 0; i < rc_findings_count(from->f); i++) {
		const char *match = from->finding_matches[i];

		if (!match || idmap_get(&to->findings_by_match, match) != RC_NONE)
			continue;
		if (rc_grow((void **)&d->findings, &d->finding_cap, d->finding_count + 1, sizeof(*d->findings)))
			return -1;
		d->findings[d->finding_count++] = (rc_finding_change){ introduced, rc_findings_at(from->f, i) };
	}
	return 0;
}

static const char *story_confidence(const rc_story *s)
{
	return s->reached ? rc_rating_name(s->confidence) : "unreached";
}

/* The story of the outcome step called `id` in one version, or NULL. */
static const rc_story *story_of(const struct side *s, const char *id)
{
	const rc_step *step = rc_model_find_step(s->m, id);
	size_t i;

	for (i = 0; step && i < rc_confidence_story_count(s->c); i++)
		if (rc_confidence_story(s->c, i)->outcome == step->index)
			return rc_confidence_story(s->c, i);
	return NULL;
}

static int add_outcome(rc_diff *d, const struct side *s, const rc_story *story, int in_new)
{
	const rc_step *step = rc_model_step(s->m, story->outcome);
	const struct side *other = in_new ? &d->old_side : &d->new_side;
	const rc_story *match = story_of(other, step->id);
	rc_outcome_change *o;

	if (!in_new && match)
		return 0; /* listed with the new version's outcomes */
	if (rc_grow((void **)&d->outcomes, &d->outcome_cap, d->outcome_count + 1, sizeof(*d->outcomes)))
		return -1;
	o = &d->outcomes[d->outcome_count++];
	memset(o, 0, sizeof(*o));
	o->id = step->id;
	if (in_new) {
		o->new_confidence = story_confidence(story);
		o->new_loc = step->loc;
		if (match) {
			o->old_confidence = story_confidence(match);
			o->old_loc = rc_model_step(other->m, match->outcome)->loc;
		}
	} else {
		o->old_confidence = story_confidence(story);
		o->old_loc = step->loc;
	}
	return 0;
}

static int compare_outcomes(rc_diff *d)
{
	size_t i;

	for (i = 0; i < rc_confidence_story_count(d->new_side.c); i++)
		if (add_outcome(d, &d->new_side, rc_confidence_story(d->new_side.c, i), 1))
			return -1;
	for (i = 0; i < rc_confidence_story_count(d->old_side.c); i++)
		if (add_outcome(d, &d->old_side, rc_confidence_story(d->old_side.c, i), 0))
			return -1;
	return 0;
}

int rc_diff_new(rc_diff **out, const rc_model *old_model, const rc_findings *old_findings,
                const rc_confidence *old_confidence, const rc_model *new_model, const rc_findings *new_findings,
                const rc_confidence *new_confidence, rc_error *err)
{
	rc_diff *d = rc_calloc(1, sizeof(*d));

	*out = NULL;
	if (!d)
		return error_set(err, RC_ENOMEM, "out of memory comparing models");
	d->old_side.m = old_model;
	d->old_side.f = old_findings;
	d->old_side.c = old_confidence;
	d->new_side.m = new_model;
	d->new_side.f = new_findings;
	d->new_side.c = new_confidence;
	if (index_side(d, &d->old_side) || index_side(d, &d->new_side) || compare_elements(d) ||
	    compare_findings(d, &d->old_side, &d->new_side, 0) || compare_findings(d, &d->new_side, &d->old_side, 1) ||
	    compare_outcomes(d)) {
		rc_diff_free(&d);
		return error_set(err, RC_ENOMEM, "out of memory comparing models");
	}
	*out = d;
	return 0;
}

static void free_side(struct side *s)
{
	size_t e;

	rc_free(s->items);
	for (e = 0; e < E_COUNT; e++)
		idmap_free(&s->items_by_match[e]);
	idmap_free(&s->findings_by_match);
}

void rc_diff_free(rc_diff **diff)
{
	rc_diff *d = *diff;

	if (!d)
		return;
	free_side(&d->old_side);
	free_side(&d->new_side);
	rc_free(d->changes);
	rc_free(d->findings);
	rc_free(d->outcomes);
	rc_buffer_free(&d->scratch);
	arena_free(&d->arena);
	rc_free(d);
	*diff = NULL;
}

static int outcome_changed(const rc_outcome_change *o)
{
	return values_differ(o->old_confidence, o->new_confidence);
}

int rc_diff_equal(const rc_diff *d)
{
	size_t i;

	for (i = 0; i < d->outcome_count; i++)
		if (outcome_changed(&d->outcomes[i]))
			return 0;
	return d->change_count == 0 && d->finding_count == 0;
}

size_t rc_diff_change_count(const rc_diff *d)
{
	return d->change_count;
}

const rc_change *rc_diff_change(const rc_diff *d, size_t i)
{
	return &d->changes[i];
}

size_t rc_diff_finding_count(const rc_diff *d)
{
	return d->finding_count;
}

const rc_finding_change *rc_diff_finding(const rc_diff *d, size_t i)
{
	return &d->findings[i];
}

size_t rc_diff_outcome_count(const rc_diff *d)
{
	return d->outcome_count;
}

const rc_outcome_change *rc_diff_outcome(const rc_diff *d, size_t i)
{
	return &d->outcomes[i];
}

/* ---- text: one line per difference, located in the old file, the new one, or both ---- */

static int text_loc(rc_buffer *out, rc_loc loc)
{
	return loc.line ? buffer_printf(out, "%s:%u:%u: ", loc.file, (unsigned)loc.line, (unsigned)loc.column) : 0;
}

static int text_value(rc_buffer *out, const char *value)
{
	return value ? buffer_printf(out, "\"%s\"", value) : buffer_puts(out, "(none)");
}

static int text_change(rc_buffer *out, const rc_change *c)
{
	size_t i;
	int failed = text_loc(out, c->old_loc) || text_loc(out, c->new_loc) || buffer_puts(out, c->element) ||
	             (c->by_id  ? buffer_printf(out, " '%s'", c->key)
	              : *c->key ? buffer_printf(out, " %s", c->key)
	                        : 0) ||
	             buffer_printf(out, " %s", rc_change_kind_name(c->kind));

	for (i = 0; i < c->field_count && !failed; i++)
		failed = buffer_printf(out, "%s%s ", i ? "; " : ": ", c->fields[i].name) ||
		         text_value(out, c->fields[i].old_value) || buffer_puts(out, " -> ") ||
		         text_value(out, c->fields[i].new_value);
	return failed || buffer_puts(out, "\n");
}

static int text_finding(rc_buffer *out, const rc_finding_change *fc)
{
	const rc_finding *f = fc->finding;

	return text_loc(out, f->loc) ||
	       buffer_printf(out, "%s: %s: %s [%s %s]\n", fc->introduced ? "introduced" : "fixed",
	                     rc_severity_name(f->severity), f->message, f->rule->code, f->rule->slug);
}

static int text_outcome(rc_buffer *out, const rc_outcome_change *o)
{
	return text_loc(out, o->old_loc) || text_loc(out, o->new_loc) ||
	       buffer_printf(out, "outcome '%s' confidence: %s -> %s\n", o->id,
	                     o->old_confidence ? o->old_confidence : "(absent)",
	                     o->new_confidence ? o->new_confidence : "(absent)");
}

static int text_lines(rc_buffer *out, const rc_diff *d)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < d->change_count && !failed; i++)
		failed = text_change(out, &d->changes[i]);
	for (i = 0; i < d->finding_count && !failed; i++)
		failed = text_finding(out, &d->findings[i]);
	for (i = 0; i < d->outcome_count && !failed; i++)
		failed = outcome_changed(&d->outcomes[i]) && text_outcome(out, &d->outcomes[i]);
	return failed;
}

/* ---- JSON ---- */

static int json_loc(rc_buffer *out, const char *name, rc_loc loc)
{
	return loc.line ? buffer_printf(out, ", \"%s\": {\"line\": %u, \"column\": %u}", name, (unsigned)loc.line,
	                                (unsigned)loc.column)
	                : buffer_printf(out, ", \"%s\": null", name);
}

static int json_change(rc_buffer *out, const rc_change *c, int first)
{
	size_t i;
	int failed = buffer_printf(out, "%s\n    {\"change\": \"%s\", \"element\": \"%s\", \"key\": ", first ? "" : ",",
	                           rc_change_kind_name(c->kind), c->element) ||
	             buffer_json_string(out, c->key) ||
	             buffer_printf(out, ", \"byId\": %s", c->by_id ? "true" : "false") ||
	             json_loc(out, "old", c->old_loc) || json_loc(out, "new", c->new_loc) ||
	             buffer_puts(out, ", \"fields\": [");

	for (i = 0; i < c->field_count && !failed; i++)
		failed = buffer_printf(out, "%s{\"name\": \"%s\", \"old\": ", i ? ", " : "", c->fields[i].name) ||
		         buffer_json_string(out, c->fields[i].old_value) || buffer_puts(out, ", \"new\": ") ||
		         buffer_json_string(out, c->fields[i].new_value) || buffer_puts(out, "}");
	return failed || buffer_puts(out, "]}");
}

static int json_finding(rc_buffer *out, const rc_finding_change *fc, int first)
{
	const rc_finding *f = fc->finding;

	return buffer_printf(out, "%s\n    {\"change\": \"%s\", \"file\": ", first ? "" : ",",
	                     fc->introduced ? "introduced" : "fixed") ||
	       buffer_json_string(out, f->loc.file) ||
	       buffer_printf(
	               out,
	               ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"code\": \"%s\", \"slug\": \"%s\", "
	               "\"message\": ",
	               (unsigned)f->loc.line, (unsigned)f->loc.column, rc_severity_name(f->severity), f->rule->code,
	               f->rule->slug) ||
	       buffer_json_string(out, f->message) || buffer_puts(out, "}");
}

static int json_outcome(rc_buffer *out, const rc_outcome_change *o, int first)
{
	return buffer_printf(out, "%s\n    {\"id\": ", first ? "" : ",") || buffer_json_string(out, o->id) ||
	       buffer_puts(out, ", \"old\": ") || buffer_json_string(out, o->old_confidence) ||
	       buffer_puts(out, ", \"new\": ") || buffer_json_string(out, o->new_confidence) ||
	       buffer_printf(out, ", \"changed\": %s}", outcome_changed(o) ? "true" : "false");
}

static int json_document(rc_buffer *out, const rc_diff *d)
{
	size_t i;
	int failed = buffer_puts(out, "{\"old\": ") || buffer_json_string(out, rc_model_file(d->old_side.m)) ||
	             buffer_puts(out, ", \"new\": ") || buffer_json_string(out, rc_model_file(d->new_side.m)) ||
	             buffer_printf(out, ", \"equal\": %s,\n  \"changes\": [", rc_diff_equal(d) ? "true" : "false");

	for (i = 0; i < d->change_count && !failed; i++)
		failed = json_change(out, &d->changes[i], i == 0);
	failed = failed || buffer_puts(out, "\n  ],\n  \"findings\": [");
	for (i = 0; i < d->finding_count && !failed; i++)
		failed = json_finding(out, &d->findings[i], i == 0);
	failed = failed || buffer_puts(out, "\n  ],\n  \"outcomes\": [");
	for (i = 0; i < d->outcome_count && !failed; i++)
		failed = json_outcome(out, &d->outcomes[i], i == 0);
	return failed || buffer_puts(out, "\n  ]\n}\n");
}

int diff_text(rc_buffer *out, const rc_diff *d, rc_error *err)
{
	return text_lines(out, d) ? error_set(err, RC_ENOMEM, "out of memory writing the diff") : 0;
}

int diff_json(rc_buffer *out, const rc_diff *d, rc_error *err)
{
	return json_document(out, d) ? error_set(err, RC_ENOMEM, "out of memory writing the diff") : 0;
}
