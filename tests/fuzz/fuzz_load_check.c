/*
 * libFuzzer target: the model loader, the checker with the default evidence
 * base, and the three findings formats (text, JSON, SARIF).
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rc_findings *findings;
	rc_model *model = fuzz_load_and_check(data, size, 1, &findings);

	rc_findings_free(&findings);
	rc_model_free(&model);
	return 0;
}
