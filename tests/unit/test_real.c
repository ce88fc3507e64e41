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

static CU_TestInfo tests[] = {
	{ "every published model loads and gives its golden findings", test_corpus_findings },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("real", tests);
}
