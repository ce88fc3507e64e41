/*
 * libFuzzer target: the model loader, the checker with the default evidence
 * base, and the three findings formats (text, JSON, SARIF).
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

FUZZ_INITIALIZE

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rc_findings *findings;
	rc_model *model = fuzz_load_and_check(data, size, 1, &findings);

	rc_findings_free(&findings);
	rc_model_free(&model);
	return 0;
}
