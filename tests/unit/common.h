/* Shared test support: a TAP-reporting CUnit runner, fixture paths, golden files, loading and checking. */
#ifndef RC_TEST_COMMON_H
#define RC_TEST_COMMON_H

#include <CUnit/CUnit.h>

#include "rchain/rchain.h"

/* Fixtures and golden files (one folder per back-end), relative to the source root. */
#define TEST_DATA "tests/data/"
#define TEST_GOLDEN "tests/golden/"

/*
 * Registers `tests` as one suite, runs it from the source root (the working
 * directory becomes $RCHAIN_SOURCE_DIR) and prints TAP. Returns the exit
 * status for main(): 0 only when every test passed.
 */
int test_main(const char *suite, CU_TestInfo *tests);

/* Fails the running test with a formatted message (use TEST_FAIL, which adds the place). */
void test_fail_at(const char *file, unsigned int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#define TEST_FAIL(...) test_fail_at(__FILE__, __LINE__, __VA_ARGS__)

/* The path of `rel` inside the source tree (the working directory during tests). */
const char *test_source_path(const char *rel);

/* The process-wide context the tests load with (created on first use). */
rc_context *test_context(void);

/* The default evidence base, loaded on first use and freed by test_main(). */
rc_evidence_base *test_evidence_base(void);

/* Loads a model from the source tree, failing the test (and returning NULL) if it does not load. */
rc_model *test_load(const char *rel);

/* Every unsilenced finding of `m` in the diagnostic format (caller frees). */
char *test_findings_text(const rc_model *m);

/*
 * Compares `len` bytes with the golden file `rel`. With RCHAIN_UPDATE_GOLDEN=1
 * in the environment the golden file is rewritten instead. On a mismatch the
 * actual output is saved beside the build as `<basename>.actual` and 0 is
 * returned; 1 on a match. ($RCHAIN_BUILD_DIR holds the .actual files.)
 */
int test_golden(const char *rel, const char *data, size_t len);

/* Reads a whole file from the source tree (caller frees), or NULL. */
char *test_read(const char *rel, size_t *len);

#endif
