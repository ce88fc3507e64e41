/* Assumption, risk and evidence rules: what each link rests on, and how well the story is evidenced. */
#include <stdio.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "check/internal.h"
#include "check/confidence.h"
#include "model/internal.h"

/* "link 'a' -> 'b'" or "step 'a'", for messages about either kind of element. */
static void describe(const rc_model *m, rc_owner_kind owner, size_t index, char *out, size_t size)
{
	if (owner == RC_OWNER_STEP) {
		snprintf(out, size, "step '%s'", STEP(m, index)->id);
	} else if (owner == RC_OWNER_LINK) {
		link_name(LINK(m, index), out, size);
	} else {
		snprintf(out, size, "the model");
	}
}

static rc_loc owner_loc(const rc_model *m, rc_owner_kind owner, size_t index)
{
	return owner == RC_OWNER_STEP ? STEP(m, index)->loc : owner == RC_OWNER_LINK ? LINK(m, index)->loc : m->loc;
}

void check_link_without_assumption(struct checker *c)
{
	size_t i;

	/* A model with no assumption at all gets one finding for it (RC041), not one per link. */
	if (c->m->assumptions.len == 0)
		return;
	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);
		char what[300];

		if (!l->resolved || l->kind == RC_LINK_FEEDBACK || l->assumptions.count > 0)
			continue;
		describe(c->m, RC_OWNER_LINK, i, what, sizeof(what));
		report(c, l->loc, RC_OWNER_LINK, i, "%s states no assumption", what);
	}
}

void check_unmitigated_risk(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->risks.len; i++) {
		const rc_risk *r = MODEL_AT(c->m, risks, rc_risk, i);
		char what[300];

		if (r->mitigation || (r->likelihood != RC_RATING_HIGH && r->impact != RC_RATING_HIGH))
			continue;
		describe(c->m, r->owner, r->owner_index, what, sizeof(what));
		report(c, r->loc, r->owner, r->owner_index,
		       "risk to %s with %s likelihood and %s impact has no mitigation", what,
		       rc_rating_name(r->likelihood), rc_rating_name(r->impact));
	}
}

void check_doubtful_assumption(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->assumptions.len; i++) {
		const rc_assumption *a = MODEL_AT(c->m, assumptions, rc_assumption, i);
		char what[300];

		if (a->status != RC_ASSUMPTION_DOUBTFUL)
			continue;
		describe(c->m, a->owner, a->owner_index, what, sizeof(what));
		report(c, a->loc, a->owner, a->owner_index, "%s rests on an assumption marked doubtful", what);
	}
}

void check_no_influence(struct checker *c)
{
	if (c->m->influences.len == 0 && c->m->steps.len > 0)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE, "no external influence or rival explanation is named");
}

/* Nonzero when no step and no link of the model has evidence. */
static int no_evidence_at_all(const rc_model *m)
{
	size_t i;

	for (i = 0; i < m->evidence.len; i++) {
		rc_owner_kind owner = MODEL_AT(m, evidence, rc_evidence, i)->owner;

		if (owner == RC_OWNER_STEP || owner == RC_OWNER_LINK)
			return 0;
	}
	return 1;
}

/* Nonzero when step `i` is an evidence gap: not an input (a resource is put in, not shown to happen). */
static int step_gap(const rc_model *m, size_t i)
{
	return STEP(m, i)->level != RC_LEVEL_INPUT && STEP(m, i)->evidence.count == 0;
}

/* Nonzero when link `i` is a gap: a causal or black-box link without evidence (feedback is outside the story). */
static int link_gap(const rc_model *m, size_t i)
{
	const rc_link *l = LINK(m, i);

	return l->resolved && l->kind != RC_LINK_FEEDBACK && l->evidence.count == 0;
}

/* The gaps of one group, the steps of one level or the links from one level to another, in file order. */
struct gap_group {
	size_t first, count;
	rc_buffer names; /* the first GROUP_NAMES of them, separated by ", " */
};

/* Adds step or link `i` to its group `g`; 0 or RC_ENOMEM. */
static int add_gap(const rc_model *m, rc_owner_kind owner, size_t i, struct gap_group *g)
{
	const char *comma = g->count > 0 ? ", " : "";
	int rc = 0;

	if (g->count++ == 0)
		g->first = i;
	if (g->count <= GROUP_NAMES)
		rc = owner == RC_OWNER_STEP
		             ? buffer_printf(&g->names, "%s'%s'", comma, STEP(m, i)->id)
		             : buffer_printf(&g->names, "%s'%s' -> '%s'", comma, LINK(m, i)->from, LINK(m, i)->to);
	return rc ? RC_ENOMEM : 0;
}

/*
 * One finding per group of gaps: the steps of one level, or the links from
 * one level to another, at the first of them in the file, naming them all
 * (up to GROUP_NAMES). Returns 0 or RC_ENOMEM.
 */
static int report_gap_group(struct checker *c, rc_owner_kind owner, int from, int to, struct gap_group *g)
{
	const rc_model *m = c->m;
	size_t first = g->first, count = g->count;

	if (count > GROUP_NAMES && buffer_printf(&g->names, " and %zu more", count - GROUP_NAMES) != 0)
		return RC_ENOMEM;
	if (count == 1 && owner == RC_OWNER_STEP) {
		report(c, STEP(m, first)->loc, owner, first, "no evidence for step '%s'", STEP(m, first)->id);
	} else if (count == 1) {
		char what[300];

		describe(m, owner, first, what, sizeof(what));
		report(c, LINK(m, first)->loc, owner, first, "no evidence for %s", what);
	} else if (count > 1 && owner == RC_OWNER_STEP) {
		report(c, STEP(m, first)->loc, owner, first, "no evidence for the %zu %s steps %s", count,
		       rc_level_name((rc_level)from), g->names.data);
	} else if (count > 1) {
		report(c, LINK(m, first)->loc, owner, first, "no evidence for the %zu links from %s to %s: %s", count,
		       rc_level_name((rc_level)from), rc_level_name((rc_level)to), g->names.data);
	}
	return 0;
}

void check_evidence_gap(struct checker *c)
{
	const rc_model *m = c->m;
	/* One pass over the steps and one over the links fill the groups; they are reported level by level. */
	struct gap_group steps[RC_LEVEL_COUNT] = { 0 }, links[RC_LEVEL_COUNT][RC_LEVEL_COUNT] = { 0 };
	size_t i;
	int from, to, rc = 0;

	if (m->steps.len == 0)
		return;
	if (no_evidence_at_all(m)) {
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the model has no evidence: none of its %zu step%s and %zu link%s has any", m->steps.len,
		       m->steps.len == 1 ? "" : "s", m->links.len, m->links.len == 1 ? "" : "s");
		return;
	}
	for (i = 0; i < m->steps.len && !rc; i++)
		if (step_gap(m, i))
			rc = add_gap(m, RC_OWNER_STEP, i, &steps[STEP(m, i)->level]);
	for (i = 0; i < m->links.len && !rc; i++)
		if (link_gap(m, i))
			rc = add_gap(m, RC_OWNER_LINK, i, &links[LINK(m, i)->from_level][LINK(m, i)->to_level]);
	for (from = 0; from < RC_LEVEL_COUNT && !rc && !c->status; from++) {
		rc = report_gap_group(c, RC_OWNER_STEP, from, from, &steps[from]);
		for (to = 0; to < RC_LEVEL_COUNT && !rc && !c->status; to++)
			rc = report_gap_group(c, RC_OWNER_LINK, from, to, &links[from][to]);
	}
	if (rc)
		c->status = RC_ENOMEM;
	for (from = 0; from < RC_LEVEL_COUNT; from++) {
		rc_buffer_free(&steps[from].names);
		for (to = 0; to < RC_LEVEL_COUNT; to++)
			rc_buffer_free(&links[from][to].names);
	}
}

void check_evidence_without_cite(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->evidence.len; i++) {
		const rc_evidence *e = MODEL_AT(c->m, evidence, rc_evidence, i);
		char what[300];

		if (e->cite)
			continue;
		describe(c->m, e->owner, e->owner_index, what, sizeof(what));
		report(c, e->loc, e->owner, e->owner_index, "evidence for %s has no citation", what);
	}
}

void check_challenged(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->evidence.len; i++) {
		const rc_evidence *e = MODEL_AT(c->m, evidence, rc_evidence, i);
		char what[300];

		if (e->direction != RC_EVIDENCE_CHALLENGES)
			continue;
		describe(c->m, e->owner, e->owner_index, what, sizeof(what));
		report(c, e->loc, e->owner, e->owner_index, "%s is challenged by %s evidence", what,
		       rc_strength_name(e->strength));
	}
}

void check_overstated_confidence(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->steps.len; i++) {
		const rc_step *s = STEP(c->m, i);
		rc_rating computed = c->confidence->steps[i];

		if (s->confidence > computed)
			report(c, s->loc, RC_OWNER_STEP, i, "step '%s' is rated %s confidence, but %s", s->id,
			       rc_rating_name(s->confidence),
			       computed ? (computed == RC_RATING_LOW ? "its evidence supports only low"
			                                             : "its evidence supports only medium")
			                : "it has no evidence");
	}
}

/* The rating of a step or link. */
static rc_rating rating_of(const struct checker *c, rc_owner_kind owner, size_t index)
{
	return owner == RC_OWNER_STEP ? c->confidence->steps[index] : c->confidence->links[index];
}

/*
 * Names every element of story `i`'s strongest pathway rated at its
 * confidence (the tied weakest), source first, into `out`; sets `*first` to
 * the owner and index of the first. Returns how many, or 0 on failure.
 */
static size_t tied_weakest(struct checker *c, size_t i, rc_buffer *out, rc_owner_kind *owner, size_t *index)
{
	const rc_model *m = c->m;
	const rc_story *s = &c->confidence->stories[i];
	size_t *path = rc_malloc((2 * s->path_length + 1) * sizeof(*path));
	size_t count = 0, k;
	int rc = 0;

	if (!path)
		return 0;
	rc_confidence_story_path((const rc_confidence *)c->confidence, m, i, path, path + s->path_length);
	/* Elements in pathway order: the source step, then each link and the step it leads to. */
	for (k = 0; k <= s->path_length && !rc; k++) {
		size_t step = path[s->path_length + k];
		int part;

		for (part = k == 0 ? 1 : 0; part < 2 && !rc; part++) {
			rc_owner_kind kind = part ? RC_OWNER_STEP : RC_OWNER_LINK;
			size_t at = part ? step : path[k - 1];
			char what[300];

			if (rating_of(c, kind, at) != s->confidence)
				continue;
			if (count++ == 0) {
				*owner = kind;
				*index = at;
			}
			describe(m, kind, at, what, sizeof(what));
			if (count <= GROUP_NAMES)
				rc = buffer_printf(out, "%s%s", count > 1 ? ", " : "", what);
		}
	}
	rc_free(path);
	if (!rc && count > GROUP_NAMES)
		rc = buffer_printf(out, " and %zu more", count - GROUP_NAMES);
	return rc ? 0 : count;
}

/* One finding for the outcomes whose every pathway has a step or link without evidence. */
static void report_unrated(struct checker *c)
{
	const rc_model *m = c->m;
	rc_buffer names = { 0 };
	size_t count = 0, first = RC_NONE, i;
	int rc = 0;

	for (i = 0; i < c->confidence->story_count && !rc; i++) {
		const rc_story *s = &c->confidence->stories[i];

		if (!s->reached || s->confidence != RC_RATING_NONE)
			continue;
		if (first == RC_NONE)
			first = s->outcome;
		rc = buffer_printf(&names, "%s'%s'", count++ ? ", " : "", STEP(m, s->outcome)->id);
	}
	if (rc)
		c->status = RC_ENOMEM;
	else if (count == 1)
		report(c, STEP(m, first)->loc, RC_OWNER_STEP, first,
		       "outcome %s has no evidenced pathway: every pathway to it has a step or link without evidence, "
		       "so its story has no evidence yet",
		       names.data);
	else if (count > 1)
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "%zu outcomes have no evidenced pathway: every pathway to %s has a step or link without "
		       "evidence, so their stories have no evidence yet",
		       count, names.data);
	rc_buffer_free(&names);
}

/* Said of a story whose pathway runs through a column link. */
static const char *level_note(const rc_story *s)
{
	return s->column_level ? " (column level)" : "";
}

void check_weakest_link(struct checker *c)
{
	const rc_model *m = c->m;
	rc_buffer tied = { 0 };
	size_t i;

	/* Without any evidence RC023 says so once; an element's rating then tells nothing. */
	if (no_evidence_at_all(m))
		return;
	report_unrated(c);
	for (i = 0; i < c->confidence->story_count && !c->status; i++) {
		const rc_story *s = &c->confidence->stories[i];
		rc_owner_kind owner = RC_OWNER_MODEL;
		size_t index = RC_NONE, count;

		if (!s->reached || s->confidence == RC_RATING_NONE)
			continue;
		tied.len = 0;
		count = tied_weakest(c, i, &tied, &owner, &index);
		if (count == 0) {
			c->status = RC_ENOMEM;
			break;
		}
		if (count == 2 * s->path_length + 1)
			report(c, STEP(m, s->outcome)->loc, RC_OWNER_STEP, s->outcome,
			       "outcome '%s': confidence %s%s; every step and link of its strongest pathway is rated "
			       "%s",
			       STEP(m, s->outcome)->id, rc_rating_name(s->confidence), level_note(s),
			       rc_rating_name(s->confidence));
		else
			report(c, owner_loc(m, owner, index), owner, index,
			       "outcome '%s': confidence %s%s; the weakest %s of its strongest pathway %s %s (%s)",
			       STEP(m, s->outcome)->id, rc_rating_name(s->confidence), level_note(s),
			       count == 1 ? "element" : "elements", count == 1 ? "is" : "are", tied.data,
			       rc_rating_name(s->confidence));
	}
	rc_buffer_free(&tied);
}

void check_unowned_step(struct checker *c)
{
	size_t owned = 0, steps = 0, i;

	if (c->m->partners.len == 0)
		return;
	for (i = 0; i < c->m->steps.len; i++) {
		if (STEP(c->m, i)->level == RC_LEVEL_OUTCOME)
			continue;
		steps++;
		owned += STEP(c->m, i)->partners && *STEP(c->m, i)->partners;
	}
	/* Most steps without an owner: one finding for the model; the exceptions are reported when few. */
	if (steps - owned > 1 && owned * 2 < steps) {
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "%zu of the %zu steps (outcomes apart) name no partner as owning them", steps - owned, steps);
		return;
	}
	for (i = 0; i < c->m->steps.len; i++) {
		const rc_step *s = STEP(c->m, i);

		if ((!s->partners || !*s->partners) && s->level != RC_LEVEL_OUTCOME)
			report(c, s->loc, RC_OWNER_STEP, i, "no partner is named as owning step '%s'", s->id);
	}
}

void check_no_assumption(struct checker *c)
{
	if (c->m->assumptions.len == 0 && c->m->steps.len > 0)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the model states no assumption: no step or link says what must hold for it to lead on");
}

void check_no_risk(struct checker *c)
{
	if (c->m->risks.len == 0 && c->m->steps.len > 0)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE, "the model names no risk to any step or link");
}
