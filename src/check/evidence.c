/* Assumption, risk and evidence rules: what each link rests on, and how well the story is evidenced. */
#include <stdio.h>

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

void check_evidence_gap(struct checker *c)
{
	const rc_model *m = c->m;
	size_t i;

	for (i = 0; i < m->steps.len; i++)
		if (STEP(m, i)->evidence.count == 0)
			report(c, STEP(m, i)->loc, RC_OWNER_STEP, i, "no evidence for step '%s'", STEP(m, i)->id);
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);
		char what[300];

		/* Feedback links are outside the pathways, so their evidence is not a gap in the story. */
		if (!l->resolved || l->kind == RC_LINK_FEEDBACK || l->evidence.count > 0)
			continue;
		describe(m, RC_OWNER_LINK, i, what, sizeof(what));
		report(c, l->loc, RC_OWNER_LINK, i, "no evidence for %s", what);
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

void check_weakest_link(struct checker *c)
{
	const rc_model *m = c->m;
	size_t i;

	for (i = 0; i < c->confidence->story_count; i++) {
		const rc_story *s = &c->confidence->stories[i];
		const rc_step *outcome = STEP(m, s->outcome);
		char what[300];

		if (!s->reached)
			continue;
		describe(m, s->weakest, s->weakest_index, what, sizeof(what));
		report(c, owner_loc(m, s->weakest, s->weakest_index), s->weakest, s->weakest_index,
		       "outcome '%s': confidence %s%s; the weakest element of its strongest pathway is %s (%s)",
		       outcome->id, rc_rating_name(s->confidence), s->column_level ? " (column level)" : "", what,
		       s->confidence ? rc_rating_name(s->confidence) : "no evidence");
	}
}

void check_unowned_step(struct checker *c)
{
	size_t i;

	if (c->m->partners.len == 0)
		return;
	for (i = 0; i < c->m->steps.len; i++) {
		const rc_step *s = STEP(c->m, i);

		if ((!s->partners || !*s->partners) && s->level != RC_LEVEL_OUTCOME)
			report(c, s->loc, RC_OWNER_STEP, i, "no partner is named as owning step '%s'", s->id);
	}
}
