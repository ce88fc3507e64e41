/* Logic rules after Mayne and Bennett: leaps between levels, reach before change, outcome wording. */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buffer.h"
#include "check/confidence.h"
#include "check/internal.h"
#include "base/idmap.h"
#include "model/internal.h"

static int is_leap_to_outcome(const rc_link *l)
{
	return l->to_level == RC_LEVEL_OUTCOME && l->from_level <= RC_LEVEL_ACTIVITY;
}

/* Nonzero for a link RC012 judges: resolved, causal, and not a miracle leap (RC013). */
static int may_skip(const rc_link *l)
{
	return l->resolved && l->kind == RC_LINK_CAUSAL && !is_leap_to_outcome(l);
}

static int level_used(const rc_model *m, rc_level level)
{
	size_t n;

	rc_model_level_steps(m, level, &n);
	return n > 0;
}

/*
 * Only causal links leap or skip: a black-box link (format 1.1) claims, on
 * evidence, a contribution whose steps the model does not spell out. Only
 * levels at which the model has a step count as skipped: the levels it leaves
 * out altogether are RC034's one note.
 */
void check_level_skip(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);
		char name[300];
		int skipped = 0, level;

		if (!may_skip(l))
			continue;
		for (level = (int)l->from_level + 1; level < (int)l->to_level; level++)
			skipped += level_used(c->m, (rc_level)level);
		if (!skipped)
			continue;
		link_name(l, name, sizeof(name));
		report(c, l->loc, RC_OWNER_LINK, i, "%s skips %d level%s", name, skipped, skipped == 1 ? "" : "s");
	}
}

/* What the story takes for granted at each level a model leaves out (RC034); NULL: other rules cover it. */
static const char *const assumed_at[] = {
	[RC_LEVEL_INPUT] = "resources are in place",
	[RC_LEVEL_ACTIVITY] = NULL,
	[RC_LEVEL_ENGAGEMENT] = "people are reached and involved",
	[RC_LEVEL_REACTION] = "they respond well",
	[RC_LEVEL_KNOWLEDGE] = "they learn or change their minds",
	[RC_LEVEL_PRACTICE] = "they change what they do",
	[RC_LEVEL_OUTCOME] = NULL,
};

/*
 * The levels left out that a link crosses (so where RC012 made no skip), once
 * for the model; a level no link crosses changes nothing in the story.
 */
void check_levels_left_out(struct checker *c)
{
	unsigned char crossed[RC_LEVEL_OUTCOME + 1] = { 0 };
	char levels[200] = "", assumed[400] = "";
	size_t left = 0, lused = 0, aused = 0, i;
	int level;

	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);

		for (level = (int)l->from_level + 1; may_skip(l) && level < (int)l->to_level; level++)
			crossed[level] = 1;
	}
	for (level = RC_LEVEL_INPUT; level <= RC_LEVEL_OUTCOME; level++) {
		int n;

		if (!crossed[level] || !assumed_at[level] || level_used(c->m, (rc_level)level))
			continue;
		n = snprintf(levels + lused, sizeof(levels) - lused, "%s%s", left ? ", " : "",
		             rc_level_name((rc_level)level));
		lused += n > 0 ? (size_t)n : 0;
		n = snprintf(assumed + aused, sizeof(assumed) - aused, "%s%s", left ? "; " : "", assumed_at[level]);
		aused += n > 0 ? (size_t)n : 0;
		left++;
	}
	if (left)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the model has no step at level%s %s: links across %s are not level skips, but the story takes "
		       "for granted, without showing it, that %s",
		       left == 1 ? "" : "s", levels, left == 1 ? "it" : "them", assumed);
}

void check_miracle_leap(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);
		char name[300];

		if (!l->resolved || l->kind != RC_LINK_CAUSAL || !is_leap_to_outcome(l))
			continue;
		link_name(l, name, sizeof(name));
		report(c, l->loc, RC_OWNER_LINK, i,
		       "%s leaps straight to a final outcome: the steps between are missing", name);
	}
}

static int is_change_level(rc_level level)
{
	return level == RC_LEVEL_KNOWLEDGE || level == RC_LEVEL_PRACTICE;
}

/*
 * Knowledge and practice change needs people reached first. Only the first
 * unreached change step of each pathway is reported, not every step after it.
 */
void check_reach_before_knowledge(struct checker *c)
{
	const rc_model *m = c->m;
	const struct chain_graph *g = &c->confidence->graph;
	size_t n = m->steps.len, i, engaged;
	unsigned char *reached = rc_calloc(g->nodes + 1, 1);
	size_t *queue = rc_malloc(g->nodes * sizeof(size_t) + 1);

	if (!reached || !queue) {
		c->status = RC_ENOMEM;
		goto done;
	}
	rc_model_level_steps(m, RC_LEVEL_ENGAGEMENT, &engaged);
	for (i = 0; i < n; i++)
		reached[i] = STEP(m, i)->level == RC_LEVEL_ENGAGEMENT;
	if (columns_only(m)) {
		/* Without step links, only the level itself can be missing: one finding. */
		for (i = 0; i < n && !engaged; i++) {
			if (is_change_level(STEP(m, i)->level)) {
				report(c, STEP(m, i)->loc, RC_OWNER_STEP, i,
				       "'%s' is a %s change, but the model has no engagement step", STEP(m, i)->id,
				       rc_level_name(STEP(m, i)->level));
				break;
			}
		}
		goto done;
	}
	chain_spread(g, reached, queue, 0);
	for (i = 0; i < n; i++) {
		const rc_step *s = STEP(m, i);
		size_t count, k;
		const struct chain_arc *in;
		int follows_unreached = 0;

		/* A step with no links at all is RC006's one finding. */
		if (!is_change_level(s->level) || reached[i] || !c->chain.linked[i])
			continue;
		in = chain_arcs(g, i, 1, &count);
		for (k = 0; k < count; k++)
			follows_unreached |=
			        is_change_level(chain_node_level(g, m, in[k].node)) && !reached[in[k].node];
		if (!follows_unreached)
			report(c, s->loc, RC_OWNER_STEP, i,
			       "no engagement step leads to '%s' (%s change): who is reached before it changes?", s->id,
			       rc_level_name(s->level));
	}
done:
	rc_free(reached);
	rc_free(queue);
}

/*
 * First words that mark an activity or output rather than an outcome:
 * activity verbs in their usual forms (listed in docs/rules.md).
 */
static const char *const activity_words[] = {
	"agree",       "agrees",       "agreed",      "agreeing",     "build",         "builds",     "built",
	"building",    "commission",   "commissions", "commissioned", "commissioning", "create",     "creates",
	"created",     "creating",     "deliver",     "delivers",     "delivered",     "delivering", "design",
	"designs",     "designed",     "designing",   "develop",      "develops",      "developed",  "developing",
	"establish",   "establishes",  "established", "establishing", "hold",          "holds",      "held",
	"holding",     "host",         "hosts",       "hosted",       "hosting",       "implement",  "implements",
	"implemented", "implementing", "launch",      "launches",     "launched",      "launching",  "organise",
	"organises",   "organised",    "organising",  "organize",     "organizes",     "organized",  "organizing",
	"plan",        "plans",        "planned",     "planning",     "prepare",       "prepares",   "prepared",
	"preparing",   "produce",      "produces",    "produced",     "producing",     "provide",    "provides",
	"provided",    "providing",    "publish",     "publishes",    "published",     "publishing", "run",
	"runs",        "ran",          "running",     "set",          "sets",          "setting",    "train",
	"trains",      "trained",      "training",    "write",        "writes",        "wrote",      "written",
	"writing",     NULL,
};

/*
 * Phrases naming partnership process or outputs, matched as whole words: the
 * 2009 briefing notes' "working well together or producing a strategy"
 * (evidence-base entry briefing2009.outcome.1), services received or
 * provided, and the partnership set up as an end (cook2015.s52.1).
 */
static const char *const output_phrases[] = {
	"working together",
	"work together",
	"working well together",
	"partnership working",
	"a strategy",
	"the strategy",
	"action plan",
	"receive",
	"receives",
	"is provided",
	"are provided",
	"have a plan",
	"has a plan",
	"partnership is established",
	"is established",
	"meetings held",
	"meetings are held",
	NULL,
};

uint32_t first_letters(const char *const *list)
{
	uint32_t bits = 0;

	for (; *list; list++)
		bits |= 1u << ((*list)[0] & 31);
	return bits;
}

/* Nonzero when the words at `w` (normalised) start with the whole words of `phrase`. */
static int at_phrase(const char *w, const char *phrase)
{
	size_t i;

	for (i = 0; phrase[i]; i++)
		if (w[i] != phrase[i])
			return 0;
	return w[i] == '\0' || w[i] == ' ';
}

const char *first_phrase(const char *text, const char *const *phrases)
{
	/* Most words of a text start no phrase. */
	uint32_t starts = first_letters(phrases);
	size_t best = RC_NONE, k;
	const char *w = text;

	for (;;) {
		if (starts & 1u << (*w & 31))
			for (k = 0; k < best && phrases[k]; k++)
				if (at_phrase(w, phrases[k]))
					best = k;
		w = strchr(w, ' ');
		if (!w)
			break;
		w++;
	}
	return best == RC_NONE ? NULL : phrases[best];
}

const char *normalised(rc_buffer *b, const char *text)
{
	size_t n = 0;
	char *out;
	const char *p;
	int space = 0;

	b->len = 0;
	if (buffer_append(b, text, strlen(text) + 1))
		return NULL;
	/* In place: a space is written only where at least one character was dropped. */
	out = b->data;
	/* ASCII by hand, as isalnum() and tolower() are in the C locale the library runs in, without the calls. */
	for (p = out; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		/* Unsigned differences test a range in one comparison. */
		unsigned char lower = (unsigned char)(ch | ((unsigned char)(ch - 'A') < 26) << 5);

		if ((unsigned char)(lower - 'a') < 26 || (unsigned char)(ch - '0') < 10 || ch >= 0x80) {
			if (space)
				out[n++] = ' ';
			space = 0;
			out[n++] = (char)lower;
		} else {
			space = n > 0;
		}
	}
	out[n] = '\0';
	b->len = n;
	return out;
}

void check_outcome_wording(struct checker *c)
{
	size_t count, i, k;
	const size_t *outcomes = rc_model_level_steps(c->m, RC_LEVEL_OUTCOME, &count);
	rc_buffer title_buffer = { 0 };

	for (i = 0; i < count && !c->status; i++) {
		const rc_step *s = STEP(c->m, outcomes[i]);
		const char *title = normalised(&title_buffer, s->title);
		const char *why = NULL;
		size_t first;

		if (!title) {
			c->status = RC_ENOMEM;
			break;
		}
		first = strcspn(title, " ");
		for (k = 0; activity_words[k] && !why; k++)
			if (strlen(activity_words[k]) == first && strncmp(title, activity_words[k], first) == 0)
				why = "it starts with an activity verb";
		if (!why && first_phrase(title, output_phrases))
			why = "it names partnership process or an output";
		if (why)
			report(c, s->loc, RC_OWNER_STEP, s->index,
			       "outcome '%s' reads as an activity or output (%s): say what difference it makes", s->id,
			       why);
	}
	rc_buffer_free(&title_buffer);
}

void check_duplicate_statement(struct checker *c)
{
	const rc_model *m = c->m;
	struct arena keys = { 0 };
	rc_buffer scratch = { 0 };
	struct idmap seen = { 0 };
	size_t i;

	if (idmap_init(&seen, m->steps.len)) {
		c->status = RC_ENOMEM;
		return;
	}
	for (i = 0; i < m->steps.len && !c->status; i++) {
		const rc_step *s = STEP(m, i);
		const char *key;
		size_t first;

		key = normalised(&scratch, s->title);
		key = key ? arena_strndup(&keys, key, scratch.len) : NULL;
		if (!key) {
			c->status = RC_ENOMEM;
			break;
		}
		first = idmap_put(&seen, key, i);
		if (first != RC_NONE && !repeated_step(m, i))
			report(c, s->loc, RC_OWNER_STEP, i, "step '%s' repeats the statement of step '%s' (line %lu)",
			       s->id, STEP(m, first)->id, (unsigned long)STEP(m, first)->loc.line);
	}
	idmap_free(&seen);
	rc_buffer_free(&scratch);
	arena_free(&keys);
}

static int needs_indicator(const rc_step *s)
{
	return s->level == RC_LEVEL_OUTCOME || s->level == RC_LEVEL_PRACTICE;
}

static int lacks_indicator(const rc_model *m, const rc_step *s)
{
	(void)m;
	return s->indicators.count == 0;
}

/* The steps of one level without an indicator: one finding, at the first. */
static void report_without_indicator(struct checker *c, rc_level level)
{
	rc_buffer names = { 0 };
	size_t first = RC_NONE, count = step_group(c, level, lacks_indicator, &names, &first);

	if (count == 1)
		report(c, STEP(c->m, first)->loc, RC_OWNER_STEP, first, "%s '%s' has no indicator",
		       rc_level_name(level), STEP(c->m, first)->id);
	else if (count > 1)
		report(c, STEP(c->m, first)->loc, RC_OWNER_STEP, first, "%zu %s steps have no indicator: %s", count,
		       rc_level_name(level), names.data);
	rc_buffer_free(&names);
}

/* A model with no indicator at all gets one finding for it, not one per level. */
void check_missing_indicator(struct checker *c)
{
	size_t i, needing = 0, without = 0;

	for (i = 0; i < c->m->steps.len; i++) {
		needing += needs_indicator(STEP(c->m, i));
		without += needs_indicator(STEP(c->m, i)) && STEP(c->m, i)->indicators.count == 0;
	}
	if (needing > 1 && without == needing) {
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the model has no indicator: none of its %zu outcome and practice steps says how the change "
		       "would be seen",
		       needing);
		return;
	}
	report_without_indicator(c, RC_LEVEL_PRACTICE);
	report_without_indicator(c, RC_LEVEL_OUTCOME);
}

void check_forward_feedback(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);

		char name[300];

		if (!l->resolved || l->kind != RC_LINK_FEEDBACK || l->to_level <= l->from_level)
			continue;
		link_name(l, name, sizeof(name));
		report(c, l->loc, RC_OWNER_LINK, i,
		       "%s is declared feedback but goes forward, so it is left out of every pathway", name);
	}
}

void check_adverse_unmitigated(struct checker *c)
{
	size_t i, k;

	for (i = 0; i < c->m->steps.len; i++) {
		const rc_step *s = STEP(c->m, i);
		int mitigated = 0;

		if (s->effect != RC_EFFECT_ADVERSE)
			continue;
		for (k = s->risks.first; k < s->risks.first + s->risks.count; k++)
			mitigated |= MODEL_AT(c->m, risks, rc_risk, k)->mitigation != NULL;
		if (!mitigated)
			report(c, s->loc, RC_OWNER_STEP, i, "adverse effect '%s' has %s", s->id,
			       s->risks.count ? "no risk with a mitigation" : "no risk attached");
	}
}
