/*
 * libFuzzer target: the CSV import. A refused table says why; an accepted
 * one loads as a model, and its CSV export survives import and export again
 * byte for byte.
 */
#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"
#include "fuzz_common.h"

FUZZ_INITIALIZE

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long live = rc_alloc_live();
	rc_model *model = fuzz_import((const char *)data, size);

	if (model) {
		fuzz_check_round_trip(model, 1);
		rc_model_free(&model);
	}
	FUZZ_CHECK(rc_alloc_live() == live, "every library allocation is freed");
	return 0;
}
