/* Test support shared by every suite: TAP output for meson, fixtures, golden files. */
#include "common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/Basic.h>

static unsigned int tap_number;
static rc_context *shared_context;
static rc_evidence_base *shared_evidence;

static void on_test_complete(const CU_pTest test, const CU_pSuite suite, const CU_pFailureRecord failure)
{
	(void)suite;
	tap_number++;
	if (!failure) {
		printf("ok %u - %s\n", tap_number, test->pName);
		return;
	}
	printf("not ok %u - %s\n", tap_number, test->pName);
	for (CU_pFailureRecord f = failure; f; f = f->pNext)
		printf("#   %s:%u: %s\n", f->strFileName ? f->strFileName : "?", f->uiLineNumber,
		       f->strCondition ? f->strCondition : "");
}

int test_main(const char *suite, CU_TestInfo *tests)
{
	CU_SuiteInfo suites[] = {
		{ (char *)suite, NULL, NULL, NULL, NULL, tests },
		CU_SUITE_INFO_NULL,
	};
	const char *root = getenv("RCHAIN_SOURCE_DIR");
	unsigned int failed;
	int status;

	/* Tests run from the source root, so fixtures load by relative path and findings print relative paths. */
	if (!root || chdir(root) != 0) {
		printf("Bail out! cannot change to the source directory (RCHAIN_SOURCE_DIR)\n");
		return 1;
	}
	if (CU_initialize_registry() != CUE_SUCCESS || CU_register_suites(suites) != CUE_SUCCESS) {
		printf("Bail out! cannot set up CUnit: %s\n", CU_get_error_msg());
		return 1;
	}
	CU_set_test_complete_handler(on_test_complete);
	CU_basic_set_mode(CU_BRM_SILENT);
	CU_run_all_tests();
	/* CU_basic_run_tests() reports success even when tests fail: count failures ourselves. */
	failed = CU_get_number_of_tests_failed();
	status = failed || CU_get_number_of_failures() ? 1 : 0;
	printf("1..%u\n", tap_number);
	CU_cleanup_registry();
	rc_evidence_base_free(&shared_evidence);
	rc_context_free(&shared_context);
	return status;
}

void test_fail_at(const char *file, unsigned int line, const char *fmt, ...)
{
	char message[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	CU_assertImplementation(CU_FALSE, line, message, file, "", CU_FALSE);
}

const char *test_source_path(const char *rel)
{
	return rel; /* test_main() made the source root the working directory */
}

rc_context *test_context(void)
{
	rc_error err = { 0 };

	if (!shared_context && rc_context_new(&shared_context, &err) != 0) {
		fprintf(stderr, "cannot create context: %s\n", err.message);
		abort();
	}
	return shared_context;
}

char *test_read(const char *rel, size_t *len)
{
	FILE *f = fopen(test_source_path(rel), "rb");
	char *data = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		data = malloc((size_t)size + 1);
		if (data && fread(data, 1, (size_t)size, f) == (size_t)size) {
			data[size] = '\0';
			*len = (size_t)size;
		} else {
			free(data);
			data = NULL;
		}
	}
	fclose(f);
	return data;
}

rc_evidence_base *test_evidence_base(void)
{
	rc_error err = { 0 };

	if (!shared_evidence && rc_evidence_base_new(&shared_evidence, test_context(), &err) != 0) {
		fprintf(stderr, "the default evidence base does not load: %s\n", err.message);
		abort();
	}
	return shared_evidence;
}

rc_model *test_load(const char *rel)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	if (rc_model_load(&m, test_context(), test_source_path(rel), &err) != 0) {
		char line[2200];

		rc_error_format(&err, line, sizeof(line));
		fprintf(stderr, "unexpected load failure: %s\n", line);
	}
	CU_ASSERT_PTR_NOT_NULL(m);
	return m;
}

char *test_findings_text(const rc_model *m)
{
	rc_findings *f = NULL;
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	size_t i;

	if (rc_check_run(&f, m, NULL, &err) != 0)
		return NULL;
	for (i = 0; i < rc_findings_count(f); i++)
		if (!rc_findings_at(f, i)->suppressed)
			rc_finding_format(&out, rc_findings_at(f, i));
	rc_findings_free(&f);
	if (!out.data)
		return calloc(1, 1);
	return out.data;
}

int test_golden(const char *rel, const char *data, size_t len)
{
	const char *update = getenv("RCHAIN_UPDATE_GOLDEN");
	const char *base = strrchr(rel, '/');
	size_t golden_len = 0;
	char *golden;
	char actual[4096];
	FILE *f;
	int same;

	if (update && strcmp(update, "1") == 0) {
		f = fopen(test_source_path(rel), "wb");
		if (!f)
			return 0;
		fwrite(data, 1, len, f);
		return fclose(f) == 0;
	}
	golden = test_read(rel, &golden_len);
	same = golden && golden_len == len && memcmp(golden, data, len) == 0;
	free(golden);
	if (!same) {
		snprintf(actual, sizeof(actual), "%s/%s.actual",
		         getenv("RCHAIN_BUILD_DIR") ? getenv("RCHAIN_BUILD_DIR") : "/tmp", base ? base + 1 : rel);
		f = fopen(actual, "wb");
		if (f) {
			fwrite(data, 1, len, f);
			fclose(f);
		}
		fprintf(stderr, "golden mismatch: %s (actual output saved as %s; RCHAIN_UPDATE_GOLDEN=1 updates)\n",
		        rel, actual);
	}
	return same;
}
