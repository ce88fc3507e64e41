/*
 * The corpus of published logic models (tests/real): every model loads, and its
 * findings against the default evidence base equal its golden file, so that a
 * change to a rule shows on real models that no one on the team wrote.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "common.h"
#include "model/chain.h"
#include "model/internal.h"

#define CORPUS "tests/real"

/* The findings of `m` as `rchain check` prints them, then one line counting each severity. */
static char *findings_text(const rc_model *m)
{
	rc_check_options opts = { .evidence = test_evidence_base() };
	rc_findings *f = NULL;
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	size_t i;

	CU_ASSERT_FATAL(rc_check_run(&f, m, &opts, &err) == 0);
	for (i = 0; i < rc_findings_count(f); i++)
		if (!rc_findings_at(f, i)->suppressed)
			CU_ASSERT_FATAL(rc_finding_format(&out, rc_findings_at(f, i)) == 0);
	CU_ASSERT_FATAL(buffer_printf(&out, "%zu errors, %zu warnings, %zu notes\n",
	                              rc_findings_count_severity(f, RC_SEVERITY_ERROR),
	                              rc_findings_count_severity(f, RC_SEVERITY_WARNING),
	                              rc_findings_count_severity(f, RC_SEVERITY_NOTE)) == 0);
	rc_findings_free(&f);
	return out.data;
}

static int is_model(const char *name)
{
	size_t len = strlen(name);

	return len > 4 && strcmp(name + len - 4, ".xml") == 0;
}

static void test_corpus_findings(void)
{
	DIR *dir = opendir(test_source_path(CORPUS));
	const struct dirent *e;
	size_t models = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[512], golden[512];
		rc_model *m;
		char *text;
		size_t len = strlen(e->d_name);

		if (!is_model(e->d_name))
			continue;
		models++;
		snprintf(path, sizeof(path), CORPUS "/%s", e->d_name);
		snprintf(golden, sizeof(golden), TEST_GOLDEN "text/real/%.*s.txt", (int)(len - 4), e->d_name);
		m = test_load(path);
		if (!m)
			continue;
		text = findings_text(m);
		if (!test_golden(golden, text, strlen(text)))
			TEST_FAIL("the findings of %s differ from %s", path, golden);
		free(text);
		rc_model_free(&m);
	}
	closedir(dir);
	/* The issue asks for at least eight published models. */
	CU_ASSERT(models >= 8);
}

/* Nonzero when the model's column links lead from the input or activity level to the outcome level. */
static int columns_reach_outcomes(const rc_model *m)
{
	int reach[RC_LEVEL_OUTCOME + 1] = { 0 }, changed = 1;
	size_t i;

	reach[RC_LEVEL_INPUT] = reach[RC_LEVEL_ACTIVITY] = 1;
	while (changed) {
		changed = 0;
		for (i = 0; i < m->links.len; i++) {
			const rc_link *l = LINK(m, i);

			if (l->column && l->resolved && l->kind != RC_LINK_FEEDBACK && reach[l->from_level] &&
			    !reach[l->to_level])
				changed = reach[l->to_level] = 1;
		}
	}
	return reach[RC_LEVEL_OUTCOME];
}

/* Nonzero when `evidence` has a supporting item graded moderate or strong. */
static int graded_support(const rc_model *m, rc_range evidence)
{
	size_t i;

	for (i = evidence.first; i < evidence.first + evidence.count; i++) {
		const rc_evidence *e = MODEL_AT(m, evidence, rc_evidence, i);

		if (e->direction == RC_EVIDENCE_SUPPORTS &&
		    (e->strength == RC_STRENGTH_MODERATE || e->strength == RC_STRENGTH_STRONG))
			return 1;
	}
	return 0;
}

/* The acceptance of issue 16 on one published model. */
static void check_acceptance(const rc_model *m, const char *path)
{
	rc_check_options opts = { .evidence = test_evidence_base() };
	rc_findings *f = NULL;
	rc_confidence *c = NULL;
	struct chain_graph g;
	rc_error err = { 0 };
	size_t i, n;
	int level;

	CU_ASSERT_FATAL(rc_check_run(&f, m, &opts, &err) == 0);
	CU_ASSERT_FATAL(rc_confidence_new(&c, m, &err) == 0);
	CU_ASSERT_FATAL(chain_graph_build(&g, m) == 0);
	for (i = 0; i < rc_findings_count(f); i++) {
		const rc_finding *x = rc_findings_at(f, i);
		int used = 0;

		/* No orphan warning for a step joined by a column arrow. */
		if (strcmp(x->rule->code, "RC006") == 0 &&
		    (chain_arcs(&g, x->owner_index, 0, &n), n) + (chain_arcs(&g, x->owner_index, 1, &n), n) > 0)
			TEST_FAIL("%s: orphan warning for step %zu, which a column link joins", path, x->owner_index);
		if (strcmp(x->rule->code, "RC012") != 0)
			continue;
		/* No level skip over only levels the model leaves out. */
		for (level = (int)LINK(m, x->owner_index)->from_level + 1;
		     level < (int)LINK(m, x->owner_index)->to_level; level++)
			used += (rc_model_level_steps(m, (rc_level)level, &n), n > 0);
		if (!used)
			TEST_FAIL("%s: level skip over unused levels only: %s", path, x->message);
	}
	for (i = 0; i < rc_confidence_story_count(c); i++) {
		const rc_story *s = rc_confidence_story(c, i);

		/* Every intended outcome reached (at column level when there are only column links) and rated. */
		if (columns_reach_outcomes(m) && STEP(m, s->outcome)->effect == RC_EFFECT_INTENDED &&
		    (!s->reached || (rc_model_step_link_count(m) == 0 && !s->column_level)))
			TEST_FAIL("%s: outcome %s is not reached at column level", path, STEP(m, s->outcome)->id);
	}
	/* No element, so no outcome, rated high from ungraded or weak evidence alone. */
	for (i = 0; i < m->steps.len; i++)
		if (rc_confidence_step(c, i) == RC_RATING_HIGH && !graded_support(m, STEP(m, i)->evidence))
			TEST_FAIL("%s: step %s rated high on ungraded or weak evidence", path, STEP(m, i)->id);
	for (i = 0; i < m->links.len; i++)
		if (rc_confidence_link(c, i) == RC_RATING_HIGH && !graded_support(m, LINK(m, i)->evidence))
			TEST_FAIL("%s: link %zu rated high on ungraded or weak evidence", path, i);
	chain_graph_free(&g);
	rc_confidence_free(&c);
	rc_findings_free(&f);
}

static void test_corpus_acceptance(void)
{
	DIR *dir = opendir(test_source_path(CORPUS));
	const struct dirent *e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[512];
		rc_model *m;

		if (!is_model(e->d_name))
			continue;
		snprintf(path, sizeof(path), CORPUS "/%s", e->d_name);
		m = test_load(path);
		if (!m)
			continue;
		check_acceptance(m, path);
		rc_model_free(&m);
	}
	closedir(dir);
}

static CU_TestInfo tests[] = {
	{ "every published model loads and gives its golden findings", test_corpus_findings },
	{ "issue 16 acceptance: column links, level skips, column-level stories, ungraded evidence",
	  test_corpus_acceptance },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("real", tests);
}
