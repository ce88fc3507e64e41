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
	rc_check_options opts = { NULL, 0, NULL };
	rc_findings *findings = NULL;
	rc_model *model = NULL;
	rc_error err;
	int rc;

	memset(&err, 0, sizeof(err));
	rc = rc_model_load_memory(&model, fuzz_context, "fuzz.xml", (const char *)data, size, &err);
	if (rc != 0) {
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(model == NULL, "a failed load leaves *out NULL");
		fuzz_format_findings(NULL, NULL, &err);
		return 0;
	}
	FUZZ_CHECK(model != NULL, "a load that succeeds gives a model");
	opts.evidence = fuzz_evidence;
	rc = rc_check_run(&findings, model, &opts, &err);
	FUZZ_CHECK(rc == 0 && findings != NULL, "checking a loaded model succeeds");
	fuzz_check_findings(model, findings, data, size);
	fuzz_format_findings(model, findings, NULL);
	rc_findings_free(&findings);
	rc_model_free(&model);
	return 0;
}
