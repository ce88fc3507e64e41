/* What the libFuzzer targets share: one context and default evidence base per process, and the contract checks. */
#ifndef RC_FUZZ_COMMON_H
#define RC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rchain/rchain.h"

/* Aborts (a crash libFuzzer reports) when `cond` fails: the library broke its contract. */
#define FUZZ_CHECK(cond, what)                                                                           \
	do {                                                                                             \
		if (!(cond)) {                                                                           \
			fprintf(stderr, "fuzz contract broken: %s (%s:%d)\n", what, __FILE__, __LINE__); \
			abort();                                                                         \
		}                                                                                        \
	} while (0)

/* The context and the default evidence base every input of a target shares (fuzz_setup). */
extern rc_context *fuzz_context;
extern rc_evidence_base *fuzz_evidence;

/* Creates fuzz_context and fuzz_evidence; aborts when it cannot. */
void fuzz_setup(void);

/* A failed call must say why: a negative rc_status in the return value and in err, and a one-line message. */
void fuzz_check_error(int rc, const rc_error *err);

/* Nonzero when `text` is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
int fuzz_valid_utf8(const char *text, size_t len);

/* Nonzero when `text` is one JSON value (RFC 8259), nested at most 64 deep. */
int fuzz_valid_json(const char *text, size_t len);

/*
 * Loads `data`, checks it against the default evidence base and, when
 * `format` is nonzero, formats the findings (or the load error), checking
 * every contract on the way. Returns the model, or NULL when it does not
 * load; the caller frees the model and `*findings` (NULL when there is no
 * model).
 */
rc_model *fuzz_load_and_check(const uint8_t *data, size_t size, int format, rc_findings **findings);

/* Checks what the findings of `m` (loaded from `data`) promise about themselves and the model. */
void fuzz_check_findings(const rc_model *m, const rc_findings *f, const uint8_t *data, size_t size);

/* Formats `findings` (or the load error when `model` is NULL) in every findings format, and checks each report. */
void fuzz_format_findings(const rc_model *model, const rc_findings *findings, const rc_error *load_err);

/*
 * Writes `model` with the export back-end `name` ("csv", "markdown", "kumu")
 * into `out` (emptied first), without findings; checks that it succeeds, is
 * valid UTF-8 and, per format, cannot be taken for a formula, link, image,
 * HTML or anything but JSON.
 */
void fuzz_export(const char *name, const rc_model *model, rc_buffer *out);

/*
 * Imports the CSV table `csv` (`len` bytes) and loads the model it gives.
 * Returns that model, or NULL (having checked the error) when the import
 * refuses the table. An imported table always loads.
 */
rc_model *fuzz_import(const char *csv, size_t len);

/*
 * The round trip: the CSV export of `model`, imported and exported again,
 * gives the same bytes a second time; the first time too when `imported`
 * (the model came from a table, so nothing a table cannot hold is lost)
 * and no step is joined from several strands' rows.
 */
void fuzz_check_round_trip(const rc_model *model, int imported);

/* The libFuzzer entry points every target defines. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The initialiser of a target that needs no set-up but fuzz_setup(). */
#define FUZZ_INITIALIZE                                   \
	int LLVMFuzzerInitialize(int *argc, char ***argv) \
	{                                                 \
		(void)argc;                               \
		(void)argv;                               \
		fuzz_setup();                             \
		return 0;                                 \
	}

#endif
