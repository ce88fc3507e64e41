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
	return l->id ? l->id : diff_text_of(d, "%s -> %s", l->from, l->to);
}

/* What an annotation is about, as text: "model", "step 'x'", "link 'a -> b'". */
static const char *owner_of(rc_diff *d, const rc_model *m, rc_owner_kind owner, size_t index)
{
	const rc_link *l;
	const char *key;

	if (owner == RC_OWNER_MODEL)
		return "model";
	if (owner == RC_OWNER_STEP)
		return diff_text_of(d, "step '%s'", rc_model_step(m, index)->id);
	l = rc_model_link(m, index);
	key = link_key(d, l);
	return key ? diff_text_of(d, "%s '%s'", l->column ? "columnLink" : "link", key) : NULL;
}

/* An annotation is known by its id, or else by what it is about and its text. */
static struct item *add_annotation(rc_diff *d, struct side *s, enum element element, const char *id, const char *on,
                                   const char *text, rc_loc loc)
{
	const char *key = id ? id : diff_text_of(d, "on %s: \"%s\"", on, text);

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
		it->values[8] = st->column;
		it->values[9] = rc_effect_name(st->effect);
		it->values[10] = st->timeframe;
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

		on = x->on ? diff_text_of(d, "step '%s'", x->on) : "model";
		if (!on || !(it = add_annotation(d, s, E_INFLUENCE, x->id, on, x->text, x->loc)))
			return -1;
		it->values[0] = on;
		it->values[1] = rc_influence_kind_name(x->kind);
		it->values[2] = x->text;
	}
	return 0;
}

int diff_collect(rc_diff *d, struct side *s)
{
	const rc_model *m = s->m;
	struct item *it = add_item(s, E_MODEL, "", 0, rc_model_loc(m)); /* one per version: no key */
	size_t i;

	if (!it)
		return -1;
	it->values[0] = rc_model_id(m);
	it->values[1] = rc_model_title(m);
	it->values[2] = rc_model_description(m);
	it->values[3] = rc_model_source(m);
	it->values[4] = rc_model_has_partnership(m) ? rc_formation_name(rc_model_formation(m)) : NULL;
	it->values[5] = rc_model_version(m);
	it->values[6] =
	        rc_model_status_of(m) == RC_MODEL_STATUS_NONE ? NULL : rc_model_status_name(rc_model_status_of(m));
	it->values[7] = rc_model_goal(m);
	it->values[8] = rc_model_context(m);
	for (i = 0; i < rc_model_partner_count(m); i++) {
		const rc_partner *p = rc_model_partner(m, i);

		if (!(it = add_item(s, E_PARTNER, p->id, 1, p->loc)))
			return -1;
		it->values[0] = rc_sector_name(p->sector);
		it->values[1] = rc_role_name(p->role);
		it->values[2] = p->name;
	}
	for (i = 0; i < rc_model_strand_group_count(m); i++) {
		const rc_strand_group *g = rc_model_strand_group(m, i);

		if (!(it = add_item(s, E_STRAND_GROUP, g->id, 1, g->loc)))
			return -1;
		it->values[0] = g->name;
	}
	for (i = 0; i < rc_model_strand_count(m); i++) {
		const rc_strand *st = rc_model_strand(m, i);

		if (!(it = add_item(s, E_STRAND, st->id, 1, st->loc)))
			return -1;
		it->values[0] = st->name;
		it->values[1] = st->group;
	}
	for (i = 0; i < rc_model_column_count(m); i++) {
		const rc_column *c = rc_model_column(m, i);

		if (!(it = add_item(s, E_COLUMN, c->id, 1, c->loc)))
			return -1;
		it->values[0] = rc_level_name(c->level);
		it->values[1] = c->name;
	}
	return add_steps(d, s) || add_links(d, s) || add_annotations(d, s) ? -1 : 0;
}
