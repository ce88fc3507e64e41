/*
 * libFuzzer target: the exports. A model that loads is written as CSV,
 * Markdown and Kumu JSON, each checked for what it must never hold, and the
 * CSV, imported and exported again, survives a second round byte for byte.
 */
#include <stddef.h>
#include <stdint.h>

#include "base/alloc.h"
#include "fuzz_common.h"

FUZZ_INITIALIZE

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long live = rc_alloc_live();
	rc_model *model = NULL;
	rc_buffer out = { 0 };
	rc_error err;
	int rc;

	memset(&err, 0, sizeof(err));
	rc = rc_model_load_memory(&model, fuzz_context, "fuzz.xml", (const char *)data, size, &err);
	if (rc != 0) {
		fuzz_check_error(rc, &err);
	} else {
		fuzz_export("markdown", model, &out);
		fuzz_export("kumu", model, &out);
		fuzz_check_round_trip(model, 0);
		rc_model_free(&model);
	}
	rc_buffer_free(&out);
	FUZZ_CHECK(rc_alloc_live() == live, "every library allocation is freed");
	return 0;
}
