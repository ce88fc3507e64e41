/* The contribution-story rules (RC050-RC058): Mayne's criteria for a credible story, as checks. */
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "check/internal.h"
#include "model/internal.h"

void check_no_question(struct checker *c)
{
	if (!c->m->question && c->m->steps.len > 0)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the model states no evaluation question: which outcomes, and how sure the answer must be");
}

/* The number of items in `r` (into the model's evidence) that show occurrence here. */
static size_t occurrence_count(const rc_model *m, rc_range r)
{
	size_t i, n = 0;

	for (i = r.first; i < r.first + r.count; i++)
		n += (size_t)rc_evidence_occurred(MODEL_AT(m, evidence, const rc_evidence, i));
	return n;
}

/* The practice or outcome steps whose only evidence is general: one finding for each level, at the first. */
void check_general_evidence_only(struct checker *c)
{
	rc_level level;

	for (level = RC_LEVEL_PRACTICE; level <= RC_LEVEL_OUTCOME && !c->status; level++) {
		rc_buffer names = { 0 };
		size_t first = RC_NONE, count = step_group(c, level, rc_step_general_only, &names, &first);

		if (count == 1)
			report(c, STEP(c->m, first)->loc, RC_OWNER_STEP, first,
			       "step '%s' has only general evidence: it matters in general, not shown here",
			       STEP(c->m, first)->id);
		else if (count > 1)
			report(c, STEP(c->m, first)->loc, RC_OWNER_STEP, first,
			       "%zu %s steps have only general evidence: it matters in general, not shown here: %s",
			       count, rc_level_name(level), names.data);
		rc_buffer_free(&names);
	}
}

void check_no_implementation_evidence(struct checker *c)
{
	const rc_model *m = c->m;
	size_t count, i, shown = 0;
	const size_t *acts = rc_model_level_steps(m, RC_LEVEL_ACTIVITY, &count);

	for (i = 0; i < count; i++)
		shown += occurrence_count(m, STEP(m, acts[i])->evidence) > 0;
	if (count == 0)
		return;
	if (shown == 0 && count > 1) {
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "none of the %zu activities has evidence that it was carried out", count);
		return;
	}
	for (i = 0; i < count; i++)
		if (occurrence_count(m, STEP(m, acts[i])->evidence) == 0)
			report(c, STEP(m, acts[i])->loc, RC_OWNER_STEP, acts[i],
			       "no evidence that activity '%s' was carried out", STEP(m, acts[i])->id);
}

void check_influence_not_assessed(struct checker *c)
{
	const rc_model *m = c->m;
	size_t i, assessed = 0;

	for (i = 0; i < m->influences.len; i++)
		assessed += rc_influence_assessed(MODEL_AT(m, influences, const rc_influence, i)) != 0;
	if (m->influences.len == 0 || assessed == m->influences.len)
		return;
	if (assessed == 0 && m->influences.len > 1) {
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE, "none of the %zu influences is assessed", m->influences.len);
		return;
	}
	for (i = 0; i < m->influences.len; i++) {
		const rc_influence *inf = MODEL_AT(m, influences, const rc_influence, i);

		if (!rc_influence_assessed(inf))
			report(c, inf->loc, RC_OWNER_MODEL, RC_NONE, "influence%s%s%s is named but not assessed",
			       inf->id ? " '" : "", inf->id ? inf->id : "", inf->id ? "'" : "");
	}
}

/* Words that claim attribution rather than contribution (normalised, matched as whole words). */
static const char *const attribution_phrases[] = {
	"caused", "due to", "as a result of", "attributable to", "attributed to", "because of", NULL,
};

/* The attribution phrase in `text`, or NULL; `b` holds the normalised copy (NULL text: none). */
static const char *attribution_in(struct checker *c, rc_buffer *b, const char *text)
{
	const char *norm;

	if (!text)
		return NULL;
	norm = normalised(b, text);
	if (!norm) {
		c->status = RC_ENOMEM;
		return NULL;
	}
	return first_phrase(norm, attribution_phrases);
}

/* Reports supporting evidence in `r` whose summary claims attribution; `what` names its owner. */
static void attribution_in_evidence(struct checker *c, rc_buffer *b, rc_range r, const char *what)
{
	size_t i;

	for (i = r.first; i < r.first + r.count && !c->status; i++) {
		const rc_evidence *v = MODEL_AT(c->m, evidence, const rc_evidence, i);
		const char *p = v->direction == RC_EVIDENCE_SUPPORTS ? attribution_in(c, b, v->summary) : NULL;

		if (p)
			report(c, v->loc, v->owner, v->owner_index,
			       "evidence for %s claims attribution (\"%s\"): say what the partnership contributed",
			       what, p);
	}
}

void check_attribution_language(struct checker *c)
{
	const rc_model *m = c->m;
	rc_buffer b = { 0 };
	char what[300];
	size_t i;

	for (i = 0; i < m->steps.len && !c->status; i++) {
		const rc_step *s = STEP(m, i);
		const char *p;

		if (s->level < RC_LEVEL_PRACTICE)
			continue;
		p = attribution_in(c, &b, s->title);
		if (p)
			report(c, s->loc, RC_OWNER_STEP, i,
			       "step '%s' claims attribution (\"%s\"): say what the partnership contributed", s->id, p);
		/* The owner's name only for evidence to look at: most steps and links have none. */
		if (s->evidence.count == 0)
			continue;
		snprintf(what, sizeof(what), "step '%s'", s->id);
		attribution_in_evidence(c, &b, s->evidence, what);
	}
	for (i = 0; i < m->links.len && !c->status; i++) {
		const rc_link *l = LINK(m, i);

		if (l->to_level < RC_LEVEL_PRACTICE || l->kind == RC_LINK_FEEDBACK || l->evidence.count == 0)
			continue;
		link_name(l, what, sizeof(what));
		attribution_in_evidence(c, &b, l->evidence, what);
	}
	rc_buffer_free(&b);
}

/* Words of a step about reflecting on and reassessing the work (normalised, whole words). */
static const char *const learning_phrases[] = {
	"reflect",   "reflection", "reflective", "review",    "reviews", "reviewed",
	"reviewing", "reassess",   "reassessed", "learning",  "learn",   "lessons",
	"evaluate",  "evaluation", "evaluated",  "oversight", NULL,
};

void check_no_learning_loop(struct checker *c)
{
	const rc_model *m = c->m;
	rc_buffer b = { 0 };
	size_t i;
	int found = 0;

	for (i = 0; i < m->links.len && !found; i++)
		found = LINK(m, i)->kind == RC_LINK_FEEDBACK;
	for (i = 0; i < m->steps.len && !found; i++) {
		const char *title = normalised(&b, STEP(m, i)->title);

		if (!title) {
			c->status = RC_ENOMEM;
			break;
		}
		found = first_phrase(title, learning_phrases) != NULL;
	}
	rc_buffer_free(&b);
	if (!found && !c->status && m->steps.len > 0)
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "no feedback link and no step about reflecting on or reassessing the work");
}

/* Nonzero when `r` holds supporting stakeholder evidence. */
static int has_stakeholder(const rc_model *m, rc_range r)
{
	size_t i;

	for (i = r.first; i < r.first + r.count; i++) {
		const rc_evidence *v = MODEL_AT(m, evidence, const rc_evidence, i);

		if (v->kind == RC_EVIDENCE_STAKEHOLDER && v->direction == RC_EVIDENCE_SUPPORTS)
			return 1;
	}
	return 0;
}

void check_no_user_evidence(struct checker *c)
{
	const rc_model *m = c->m;
	size_t i;

	if (m->evidence.len == 0)
		return; /* no evidence at all is RC023's finding */
	for (i = 0; i < m->steps.len; i++)
		if (STEP(m, i)->level >= RC_LEVEL_PRACTICE && has_stakeholder(m, STEP(m, i)->evidence))
			return;
	for (i = 0; i < m->links.len; i++)
		if (LINK(m, i)->to_level >= RC_LEVEL_PRACTICE && has_stakeholder(m, LINK(m, i)->evidence))
			return;
	report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
	       "no practice or outcome step has evidence from the people the services are for");
}

/* Nonzero when a step leading straight into outcome `o` (or, columns-only, any step below it) has an indicator. */
static int has_milestone(const rc_model *m, size_t o)
{
	size_t count, i;

	if (columns_only(m)) {
		for (i = 0; i < m->steps.len; i++)
			if (STEP(m, i)->level > RC_LEVEL_ACTIVITY && STEP(m, i)->level < RC_LEVEL_OUTCOME &&
			    STEP(m, i)->indicators.count > 0)
				return 1;
		return 0;
	}
	{
		const size_t *in = rc_model_links_in(m, o, &count);

		for (i = 0; i < count; i++) {
			const rc_link *l = LINK(m, in[i]);

			if (chain_is_pathway(l) && STEP(m, l->from_step)->indicators.count > 0)
				return 1;
		}
	}
	return 0;
}

void check_outcome_no_milestone(struct checker *c)
{
	const rc_model *m = c->m;
	size_t count, i, bare = 0;
	const size_t *outs = rc_model_level_steps(m, RC_LEVEL_OUTCOME, &count);

	for (i = 0; i < count; i++)
		bare += !STEP(m, outs[i])->timeframe && !has_milestone(m, outs[i]);
	if (bare == 0)
		return;
	if (bare == count && count > 1) {
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "none of the %zu outcomes has a timeframe or an indicator on the step before it", count);
		return;
	}
	for (i = 0; i < count; i++)
		if (!STEP(m, outs[i])->timeframe && !has_milestone(m, outs[i]))
			report(c, STEP(m, outs[i])->loc, RC_OWNER_STEP, outs[i],
			       "outcome '%s' has no timeframe and no indicator on the step before it",
			       STEP(m, outs[i])->id);
}

/* Words about effects outside the intended chain (normalised, whole words). */
static const char *const side_effect_phrases[] = {
	"unintended", "unintentional", "side effect", "side effects", "adverse",    "displacement", "displace",
	"displaced",  "leakage",       "knock on",    "perverse",     "unexpected", "unforeseen",   NULL,
};

/* Nonzero when `text` names an effect outside the chain; `b` holds the normalised copy. */
static int names_side_effect(struct checker *c, rc_buffer *b, const char *text)
{
	const char *norm;

	if (!text)
		return 0;
	norm = normalised(b, text);
	if (!norm) {
		c->status = RC_ENOMEM;
		return 0;
	}
	return first_phrase(norm, side_effect_phrases) != NULL;
}

void check_no_unintended_effects(struct checker *c)
{
	const rc_model *m = c->m;
	rc_buffer b = { 0 };
	size_t i;
	int found = 0;

	for (i = 0; i < m->steps.len && !found; i++)
		found = STEP(m, i)->effect != RC_EFFECT_INTENDED || names_side_effect(c, &b, STEP(m, i)->title);
	for (i = 0; i < m->risks.len && !found; i++)
		found = names_side_effect(c, &b, MODEL_AT(m, risks, const rc_risk, i)->statement);
	for (i = 0; i < m->influences.len && !found; i++)
		found = names_side_effect(c, &b, MODEL_AT(m, influences, const rc_influence, i)->text);
	rc_buffer_free(&b);
	if (!found && !c->status && m->steps.len > 0)
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "no step, risk or influence is about effects outside the intended chain");
}
