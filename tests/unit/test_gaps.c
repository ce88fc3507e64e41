/*
 * The incremental evidence-gap search against the plain one it replaced: for
 * every step and link, rerun a widest-path search with that element raised by
 * one strong supporting item. Both must find the same gaps, effects and order
 * on every fixture that loads and on random models (cycles, feedback,
 * challenging evidence).
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "model/chain.h"
#include "model/internal.h"

/* The rating of `evidence` with `extra` more weight (docs/confidence.md), as the library rates it. */
static int rating_with(const rc_model *m, rc_range evidence, rc_range assumptions, int extra)
{
	int net = extra, rating, doubtful = 0, holds = 0;
	size_t i;

	if (evidence.count == 0 && extra == 0)
		return RC_RATING_NONE;
	for (i = evidence.first; i < evidence.first + evidence.count; i++) {
		const rc_evidence *e = MODEL_AT(m, evidence, rc_evidence, i);
		int w = e->strength == RC_STRENGTH_STRONG ? 3 : e->strength == RC_STRENGTH_MODERATE ? 2 : 1;

		net += e->direction == RC_EVIDENCE_SUPPORTS ? w : -w;
	}
	rating = net >= 3 ? RC_RATING_HIGH : net == 2 ? RC_RATING_MEDIUM : RC_RATING_LOW;
	/* The assumptions' status (docs/confidence.md): doubtful caps at low, else holds raises a level. */
	for (i = assumptions.first; i < assumptions.first + assumptions.count; i++) {
		doubtful |= MODEL_AT(m, assumptions, rc_assumption, i)->status == RC_ASSUMPTION_DOUBTFUL;
		holds |= MODEL_AT(m, assumptions, rc_assumption, i)->status == RC_ASSUMPTION_HOLDS;
	}
	if (doubtful)
		return rating < RC_RATING_LOW ? rating : RC_RATING_LOW;
	return holds && rating < RC_RATING_HIGH ? rating + 1 : rating;
}

/* Nonzero when step `v` has a pathway item link towards (or, `in`, from) a step at `level`. */
static int item_link_with(const rc_model *m, size_t v, rc_level level, int in)
{
	size_t i;

	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);

		if (chain_is_pathway(l) &&
		    (in ? l->to_step == v && l->from_level == level : l->from_step == v && l->to_level == level))
			return 1;
	}
	return 0;
}

/* Nonzero for the column links that join steps (docs/rules.md): the first forward one of each pair of levels. */
static int joins(const rc_model *m, size_t i)
{
	const rc_link *l = LINK(m, i);
	size_t k;

	if (!l->column || !l->resolved || l->kind == RC_LINK_FEEDBACK || l->to_level <= l->from_level)
		return 0;
	for (k = 0; k < i; k++)
		if (LINK(m, k)->column && LINK(m, k)->resolved && LINK(m, k)->kind != RC_LINK_FEEDBACK &&
		    LINK(m, k)->from_level == l->from_level && LINK(m, k)->to_level == l->to_level)
			return 0;
	return 1;
}

/* Relaxes one pathway from step `from` through element rating `link` to step `to`; returns 1 on a change. */
static int relax(const int *steps, int *best, size_t from, int link, size_t to)
{
	int via = best[from];

	if (via < 0)
		return 0;
	via = via < link ? via : link;
	via = via < steps[to] ? via : steps[to];
	if (via <= best[to])
		return 0;
	best[to] = via;
	return 1;
}

/* Widest paths by relaxation until nothing changes: best[v] = max over pathways of their weakest element. */
static void reference_widest(const rc_model *m, const int *steps, const int *links, int *best)
{
	size_t i;
	int changed = 1;

	for (i = 0; i < m->steps.len; i++) {
		rc_level level = STEP(m, i)->level;

		best[i] = level == RC_LEVEL_INPUT || level == RC_LEVEL_ACTIVITY ? steps[i] : -1;
	}
	while (changed) {
		changed = 0;
		for (i = 0; i < m->links.len; i++) {
			const rc_link *l = LINK(m, i);
			size_t s, t;

			/* A link that is no pathway may be unresolved: its ends are then RC_NONE. */
			if (chain_is_pathway(l))
				changed |= relax(steps, best, l->from_step, links[i], l->to_step);
			if (!joins(m, i))
				continue;
			/* A column link joins every pair of steps of its levels with no item link in its direction. */
			for (s = 0; s < m->steps.len; s++)
				for (t = 0; t < m->steps.len; t++)
					if (STEP(m, s)->level == l->from_level && STEP(m, t)->level == l->to_level &&
					    !item_link_with(m, s, l->to_level, 0) &&
					    !item_link_with(m, t, l->from_level, 1))
						changed |= relax(steps, best, s, links[i], t);
		}
	}
}

/* Checks the one element `*slot` (step or link `index`) against gap list `g`; returns 1 when it is a gap. */
static int check_element(const rc_model *m, const rc_confidence *c, const rc_gaps *g, int *steps, int *links, int *best,
                         int is_step, size_t index, int *slot, rc_range evidence, rc_range assumptions)
{
	int now = *slot, raised = rating_with(m, evidence, assumptions, 3);
	size_t i, k, outcomes = 0, gain = 0;
	const rc_gap *gap = NULL;
	const rc_gap_effect *effects = NULL;

	for (i = 0; i < rc_gaps_count(g); i++)
		if (rc_gaps_at(g, i)->owner == (is_step ? RC_OWNER_STEP : RC_OWNER_LINK) &&
		    rc_gaps_at(g, i)->index == index) {
			gap = rc_gaps_at(g, i);
			effects = rc_gaps_effects(g, i);
		}
	if (raised <= now) {
		if (gap)
			TEST_FAIL("%s %zu cannot be raised but is a gap", is_step ? "step" : "link", index);
		return 0;
	}
	*slot = raised;
	reference_widest(m, steps, links, best);
	*slot = now;
	for (k = 0; k < rc_confidence_story_count(c); k++) {
		const rc_story *story = rc_confidence_story(c, k);

		if (!story->reached || best[story->outcome] <= (int)story->confidence)
			continue;
		if (!gap || outcomes >= gap->outcomes || effects[outcomes].story != k ||
		    (int)effects[outcomes].after != best[story->outcome]) {
			TEST_FAIL("%s %zu: story %zu should rise to %d", is_step ? "step" : "link", index, k,
			          best[story->outcome]);
			return gap != NULL;
		}
		outcomes++;
		gain += (size_t)best[story->outcome] - story->confidence;
	}
	if (gap &&
	    (gap->outcomes != outcomes || gap->gain != gain || (int)gap->rating != now || (int)gap->raised != raised))
		TEST_FAIL("%s %zu: gap of %zu outcomes, gain %zu, %d to %d; expected %zu, %zu, %d to %d",
		          is_step ? "step" : "link", index, gap->outcomes, gap->gain, gap->rating, gap->raised,
		          outcomes, gain, now, raised);
	return outcomes > 0;
}

/* Compares the two searches on `m`; returns how many gaps the reference found. */
static size_t compare_searches(const rc_model *m, const char *name)
{
	rc_confidence *c = NULL;
	rc_gaps *g = NULL;
	rc_error err = { 0 };
	size_t n = m->steps.len, i, found = 0;
	int *steps = calloc(n + 1, sizeof(int)), *best = calloc(n + 1, sizeof(int));
	int *links = calloc(m->links.len + 1, sizeof(int));

	CU_ASSERT_FATAL(steps && best && links);
	CU_ASSERT_EQUAL_FATAL(rc_confidence_new(&c, m, &err), 0);
	CU_ASSERT_EQUAL_FATAL(rc_gaps_new(&g, m, c, &err), 0);
	for (i = 0; i < n; i++)
		steps[i] = rc_confidence_step(c, i);
	for (i = 0; i < m->links.len; i++)
		links[i] = rc_confidence_link(c, i);
	for (i = 0; i < n; i++)
		found += check_element(m, c, g, steps, links, best, 1, i, &steps[i], STEP(m, i)->evidence,
		                       STEP(m, i)->assumptions);
	for (i = 0; i < m->links.len; i++)
		if (chain_is_pathway(LINK(m, i)) || joins(m, i))
			found += check_element(m, c, g, steps, links, best, 0, i, &links[i], LINK(m, i)->evidence,
			                       LINK(m, i)->assumptions);
	if (found != rc_gaps_count(g))
		TEST_FAIL("%s: %zu gaps, the reference finds %zu", name, rc_gaps_count(g), found);
	for (i = 1; i < rc_gaps_count(g); i++) {
		const rc_gap *a = rc_gaps_at(g, i - 1), *b = rc_gaps_at(g, i);

		if (a->gain < b->gain || (a->gain == b->gain && a->outcomes < b->outcomes))
			TEST_FAIL("%s: gap %zu out of order", name, i);
	}
	rc_gaps_free(&g);
	rc_confidence_free(&c);
	free(steps);
	free(best);
	free(links);
	return found;
}

static void test_every_fixture(void)
{
	static const char *const patterns[] = { "models/*.xml", "tests/data/*/*.xml", "tests/real/*.xml" };
	size_t p, i, loaded = 0, gaps = 0;

	for (p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++) {
		glob_t found;

		if (glob(patterns[p], 0, NULL, &found) != 0)
			continue;
		for (i = 0; i < found.gl_pathc; i++) {
			rc_model *m = NULL;
			rc_error err = { 0 };

			if (rc_model_load(&m, test_context(), found.gl_pathv[i], &err) != 0)
				continue;
			gaps += compare_searches(m, found.gl_pathv[i]);
			loaded++;
			rc_model_free(&m);
		}
		globfree(&found);
	}
	/* The fixtures must really be there, and give gaps to compare. */
	CU_ASSERT(loaded >= 80);
	CU_ASSERT(gaps >= 5);
}

static unsigned long random_state;

static unsigned random_below(unsigned n)
{
	random_state = random_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(random_state >> 33) % n;
}

/* Appends 0 to 3 evidence items of random strength and direction. */
static void random_evidence(FILE *f)
{
	static const char *const strengths[] = { "weak", "moderate", "strong" };
	unsigned k, items = random_below(4);

	for (k = 0; k < items; k++)
		fprintf(f,
		        "<evidence strength=\"%s\" kind=\"research\"%s><cite>c</cite><summary>s</summary></evidence>",
		        strengths[random_below(3)], random_below(5) == 0 ? " direction=\"challenges\"" : "");
}

/* A random model of `steps` steps at rising levels and about `per_step` links per step, some of them feedback. */
static rc_model *random_model(unsigned steps, unsigned per_step)
{
	static const char *const levels[] = { "input",     "activity", "engagement", "reaction",
		                              "knowledge", "practice", "outcome" };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	unsigned i, k;
	rc_model *m = NULL;
	rc_error err = { 0 };

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("<model xmlns=\"urn:rchain:model:1\" id=\"random\" version=\"1\"><title>Random</title>", f);
	for (i = 0; i < steps; i++) {
		fprintf(f, "<step id=\"s%u\" level=\"%s\"><title>Step %u</title>", i, levels[i * 7 / steps], i);
		random_evidence(f);
		fputs("</step>", f);
	}
	for (i = 0; i < steps * per_step; i++) {
		unsigned from = random_below(steps), to = random_below(steps);

		if (from == to)
			continue;
		if (to < from && random_below(3) != 0)
			k = from, from = to, to = k;
		fprintf(f, "<link id=\"l%u\" from=\"s%u\" to=\"s%u\"%s>", i, from, to,
		        to < from && random_below(2) ? " kind=\"feedback\"" : "");
		random_evidence(f);
		fputs("</link>", f);
	}
	fputs("</model>", f);
	fclose(f);
	if (rc_model_load_memory(&m, test_context(), "random.xml", text, len, &err) != 0)
		TEST_FAIL("random model does not load: %s", err.message);
	free(text);
	return m;
}

static void test_random_models(void)
{
	unsigned seed, gaps = 0;

	for (seed = 1; seed <= 60; seed++) {
		rc_model *m;

		random_state = seed;
		m = random_model(20 + random_below(300), 1 + random_below(3));
		CU_ASSERT_PTR_NOT_NULL_FATAL(m);
		gaps += (unsigned)compare_searches(m, "random model");
		rc_model_free(&m);
	}
	CU_ASSERT(gaps >= 100);
}

static CU_TestInfo tests[] = {
	{ "every_fixture", test_every_fixture },
	{ "random_models", test_random_models },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("gaps", tests);
}
