/*
 * libFuzzer target: the evidence-base loader. Each input is added as a user's
 * evidence base on top of the embedded default one. There is no in-memory
 * API (only rc_evidence_base_add(path)), so the bytes go through one
 * temporary file per process: in $TMPDIR when set, else in /dev/shm when
 * there is one (memory: rewriting a file on a disk file system cost a tenth
 * of the time), else in /tmp.
 *
 * Every input starts from the default base: a refused file must add nothing
 * (the API's contract, checked here through the entry count), so the base is
 * only rebuilt after a file that loaded. An accepted file is then exercised:
 * every entry's citations are formatted, its conditions evaluated against a
 * fixed model, and the model checked against the extended base.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

static const char fixed_model[] =
        "<model xmlns='urn:rchain:model:1' id='m' version='1'><title>Fixed</title>"
        "<partnership formation='voluntary'><partner id='p1' sector='public'>A</partner>"
        "<partner id='p2' sector='third'>B</partner></partnership>"
        "<strand id='s1'>One</strand>"
        "<step id='a' level='activity' strand='s1' ref='cook2015.d1.activity.1'><title>Act</title></step>"
        "<step id='e' level='engagement' strand='s1'><title>Reach</title></step>"
        "<step id='o' level='outcome'><title>Better lives</title></step>"
        "<link from='a' to='e'><assumption ref='cook2015.t1.a1'>It holds</assumption></link>"
        "<link from='e' to='o'/></model>";

static char path[64];
static size_t default_count;
static rc_model *model;

static void write_file(const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	FUZZ_CHECK(fd >= 0, "the temporary file opens");
	while (size > 0) {
		ssize_t n = write(fd, data, size);

		FUZZ_CHECK(n > 0, "the temporary file is written");
		data += n;
		size -= (size_t)n;
	}
	FUZZ_CHECK(close(fd) == 0, "the temporary file closes");
}

static void remove_file(void)
{
	unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("TMPDIR");
	struct stat st;
	rc_error err;

	(void)argc;
	(void)argv;
	fuzz_setup();
	default_count = rc_evidence_base_entry_count(fuzz_evidence);
	if (!dir || !*dir || strlen(dir) > 32)
		dir = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	snprintf(path, sizeof(path), "%s/rchain-fuzz-%ld.xml", dir, (long)getpid());
	atexit(remove_file);
	memset(&err, 0, sizeof(err));
	if (rc_model_load_memory(&model, fuzz_context, "fixed.xml", fixed_model, sizeof(fixed_model) - 1, &err) != 0) {
		fprintf(stderr, "fuzz set-up failed: %s\n", err.message);
		abort();
	}
	return 0;
}

static void exercise(void)
{
	rc_check_options opts = { NULL, 0, NULL };
	rc_findings *findings = NULL;
	rc_buffer out = { 0 };
	rc_error err;
	size_t i, k;

	for (i = 0; i < rc_evidence_base_entry_count(fuzz_evidence); i++) {
		const rc_entry *e = rc_evidence_base_entry(fuzz_evidence, i);

		FUZZ_CHECK(e && e->id && e->text, "an entry has an id and a text");
		FUZZ_CHECK(rc_evidence_base_find_entry(fuzz_evidence, e->id) == e, "an entry is found by its id");
		FUZZ_CHECK(strlen(rc_entry_kind_name(e->kind)) > 0, "an entry has a kind");
		for (k = 0; k < e->cite_count; k++) {
			FUZZ_CHECK(rc_evidence_base_find_source(fuzz_evidence, e->cites[k].source) != NULL,
			           "a cite names a loaded source");
			out.len = 0;
			FUZZ_CHECK(rc_cite_format(&out, fuzz_evidence, &e->cites[k]) == 0, "a cite formats");
		}
		(void)rc_entry_applies(e, model);
	}
	rc_buffer_free(&out);
	opts.evidence = fuzz_evidence;
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(rc_check_run(&findings, model, &opts, &err) == 0, "checking against the extended base succeeds");
	fuzz_check_findings(model, findings, (const uint8_t *)fixed_model, sizeof(fixed_model) - 1);
	fuzz_format_findings(model, findings, NULL);
	rc_findings_free(&findings);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rc_error err;
	int rc;

	write_file(data, size);
	memset(&err, 0, sizeof(err));
	rc = rc_evidence_base_add(fuzz_evidence, fuzz_context, path, &err);
	if (rc != 0) {
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(rc_evidence_base_entry_count(fuzz_evidence) == default_count, "a refused file adds nothing");
		return 0;
	}
	exercise();
	/* Back to the default base for the next input. */
	rc_evidence_base_free(&fuzz_evidence);
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(rc_evidence_base_new(&fuzz_evidence, fuzz_context, &err) == 0, "the default base reloads");
	return 0;
}
