/* Confidence on hand-worked examples (docs/confidence.md): ratings, widest paths, weakest elements. */
#include <string.h>

#include "common.h"

/* Rates a model's evidence; the caller frees the confidence and the model. */
static rc_confidence *rate(const rc_model *m)
{
	rc_confidence *c = NULL;
	rc_error err = { 0 };

	CU_ASSERT_EQUAL_FATAL(rc_confidence_new(&c, m, &err), 0);
	return c;
}

static size_t step_index(const rc_model *m, const char *id)
{
	const rc_step *s = rc_model_find_step(m, id);

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	return s->index;
}

static size_t link_index(const rc_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < rc_model_link_count(m); i++)
		if (rc_model_link(m, i)->id && strcmp(rc_model_link(m, i)->id, id) == 0)
			return i;
	CU_FAIL_FATAL("no link with that id");
	return RC_NONE;
}

static void test_worked_example(void)
{
	rc_model *m = test_load(TEST_DATA "confidence/worked.xml");
	rc_confidence *c = rate(m);
	const rc_story *s;
	size_t path[2];

	CU_ASSERT_EQUAL(rc_confidence_step(c, step_index(m, "A")), RC_RATING_HIGH);
	CU_ASSERT_EQUAL(rc_confidence_step(c, step_index(m, "E")), RC_RATING_MEDIUM);
	CU_ASSERT_EQUAL(rc_confidence_step(c, step_index(m, "O")), RC_RATING_LOW);
	CU_ASSERT_EQUAL(rc_confidence_link(c, link_index(m, "link1")), RC_RATING_MEDIUM);
	CU_ASSERT_EQUAL(rc_confidence_link(c, link_index(m, "link2")), RC_RATING_NONE);
	CU_ASSERT_EQUAL_FATAL(rc_confidence_story_count(c), 1);
	s = rc_confidence_story(c, 0);
	CU_ASSERT_EQUAL(s->outcome, step_index(m, "O"));
	CU_ASSERT_TRUE(s->reached);
	CU_ASSERT_EQUAL(s->confidence, RC_RATING_NONE);
	CU_ASSERT_EQUAL(s->weakest, RC_OWNER_LINK);
	CU_ASSERT_EQUAL(s->weakest_index, link_index(m, "link2"));
	CU_ASSERT_EQUAL_FATAL(s->path_length, 2);
	rc_confidence_story_path(c, m, 0, path);
	CU_ASSERT_EQUAL(path[0], link_index(m, "link1"));
	CU_ASSERT_EQUAL(path[1], link_index(m, "link2"));
	rc_confidence_free(&c);
	rc_model_free(&m);
}

static void test_worked_example_evidenced(void)
{
	rc_model *m = test_load(TEST_DATA "confidence/worked-evidenced.xml");
	rc_confidence *c = rate(m);
	const rc_story *s = rc_confidence_story(c, 0);

	CU_ASSERT_EQUAL(s->confidence, RC_RATING_LOW);
	CU_ASSERT_EQUAL(s->weakest, RC_OWNER_STEP);
	CU_ASSERT_EQUAL(s->weakest_index, step_index(m, "O"));
	rc_confidence_free(&c);
	rc_model_free(&m);
}

/* The same link, moderate evidence (medium): an assumption that holds raises it, a doubtful one caps it. */
static void test_assumption_status(void)
{
	const char *files[] = { TEST_DATA "confidence/status-holds.xml", TEST_DATA "confidence/status-doubtful.xml" };
	const rc_rating expected[] = { RC_RATING_HIGH, RC_RATING_LOW };
	size_t i;

	for (i = 0; i < 2; i++) {
		rc_model *m = test_load(files[i]);
		rc_confidence *c = rate(m);

		CU_ASSERT_EQUAL(rc_confidence_link(c, link_index(m, "link1")), expected[i]);
		rc_confidence_free(&c);
		rc_model_free(&m);
	}
}

static void test_widest_of_two_paths(void)
{
	rc_model *m = test_load(TEST_DATA "confidence/two-paths.xml");
	rc_confidence *c = rate(m);
	const rc_story *o, *u;
	size_t path[2];

	CU_ASSERT_EQUAL_FATAL(rc_confidence_story_count(c), 2);
	o = rc_confidence_story(c, 0);
	u = rc_confidence_story(c, 1);
	CU_ASSERT_EQUAL(o->confidence, RC_RATING_MEDIUM);
	CU_ASSERT_EQUAL(o->weakest, RC_OWNER_STEP);
	CU_ASSERT_EQUAL(o->weakest_index, step_index(m, "I"));
	CU_ASSERT_EQUAL_FATAL(o->path_length, 2);
	rc_confidence_story_path(c, m, 0, path);
	CU_ASSERT_EQUAL(path[0], link_index(m, "a"));
	CU_ASSERT_EQUAL(path[1], link_index(m, "b"));
	CU_ASSERT_EQUAL(u->outcome, step_index(m, "U"));
	CU_ASSERT_FALSE(u->reached);
	CU_ASSERT_EQUAL(u->confidence, RC_RATING_NONE);
	CU_ASSERT_EQUAL(u->weakest, RC_OWNER_MODEL);
	CU_ASSERT_EQUAL(u->weakest_index, RC_NONE);
	CU_ASSERT_EQUAL(u->path_length, 0);
	rc_confidence_free(&c);
	rc_model_free(&m);
}

static void test_rating_names(void)
{
	CU_ASSERT_STRING_EQUAL(rc_rating_name(RC_RATING_NONE), "none");
	CU_ASSERT_STRING_EQUAL(rc_rating_name(RC_RATING_LOW), "low");
	CU_ASSERT_STRING_EQUAL(rc_rating_name(RC_RATING_MEDIUM), "medium");
	CU_ASSERT_STRING_EQUAL(rc_rating_name(RC_RATING_HIGH), "high");
}

/* Finds the gaps of a model, failing the test on error. */
static rc_gaps *gaps_of(const rc_model *m, const rc_confidence *c)
{
	rc_gaps *g = NULL;
	rc_error err = { 0 };

	CU_ASSERT_EQUAL_FATAL(rc_gaps_new(&g, m, c, &err), 0);
	return g;
}

/* The worked example: one strong study on link 2 raises O from none to low; nothing else raises it. */
static void test_gap_worked_example(void)
{
	rc_model *m = test_load(TEST_DATA "confidence/worked.xml");
	rc_confidence *c = rate(m);
	rc_gaps *g = gaps_of(m, c);
	const rc_gap *gap;

	CU_ASSERT_EQUAL_FATAL(rc_gaps_count(g), 1);
	gap = rc_gaps_at(g, 0);
	CU_ASSERT_EQUAL(gap->owner, RC_OWNER_LINK);
	CU_ASSERT_EQUAL(gap->index, link_index(m, "link2"));
	CU_ASSERT_EQUAL(gap->rating, RC_RATING_NONE);
	CU_ASSERT_EQUAL(gap->raised, RC_RATING_HIGH);
	CU_ASSERT_EQUAL(gap->outcomes, 1);
	CU_ASSERT_EQUAL(gap->gain, 1);
	CU_ASSERT_EQUAL(rc_gaps_effects(g, 0)[0].story, 0);
	CU_ASSERT_EQUAL(rc_gaps_effects(g, 0)[0].after, RC_RATING_LOW);
	CU_ASSERT_PTR_NULL(rc_gaps_at(g, 1));
	rc_gaps_free(&g);
	CU_ASSERT_PTR_NULL(g);
	rc_confidence_free(&c);
	rc_model_free(&m);
}

/* Gaps come most gain first, each with the outcomes it raises. */
static void test_gaps_ordered_by_gain(void)
{
	rc_model *m = test_load(TEST_DATA "confidence/gaps.xml");
	rc_confidence *c = rate(m);
	rc_gaps *g = gaps_of(m, c);
	const rc_gap_effect *effects;

	CU_ASSERT_EQUAL_FATAL(rc_gaps_count(g), 2);
	CU_ASSERT_EQUAL(rc_gaps_at(g, 0)->index, link_index(m, "l1"));
	CU_ASSERT_EQUAL(rc_gaps_at(g, 0)->gain, 4);
	CU_ASSERT_EQUAL_FATAL(rc_gaps_at(g, 0)->outcomes, 2);
	effects = rc_gaps_effects(g, 0);
	CU_ASSERT_EQUAL(rc_confidence_story(c, effects[0].story)->outcome, step_index(m, "O1"));
	CU_ASSERT_EQUAL(effects[0].after, RC_RATING_MEDIUM);
	CU_ASSERT_EQUAL(rc_confidence_story(c, effects[1].story)->outcome, step_index(m, "O2"));
	CU_ASSERT_EQUAL(effects[1].after, RC_RATING_MEDIUM);
	CU_ASSERT_EQUAL(rc_gaps_at(g, 1)->index, link_index(m, "l4"));
	CU_ASSERT_EQUAL(rc_gaps_at(g, 1)->rating, RC_RATING_LOW);
	CU_ASSERT_EQUAL(rc_gaps_at(g, 1)->gain, 2);
	CU_ASSERT_EQUAL(rc_gaps_effects(g, 1)[0].after, RC_RATING_HIGH);
	rc_gaps_free(&g);
	rc_confidence_free(&c);
	rc_model_free(&m);
}

static CU_TestInfo tests[] = {
	{ "worked_example", test_worked_example },
	{ "worked_example_evidenced", test_worked_example_evidenced },
	{ "widest_of_two_paths", test_widest_of_two_paths },
	{ "assumption_status", test_assumption_status },
	{ "rating_names", test_rating_names },
	{ "gap_worked_example", test_gap_worked_example },
	{ "gaps_ordered_by_gain", test_gaps_ordered_by_gain },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("confidence", tests);
}
