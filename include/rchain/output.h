/* The output registry: every back-end of every command (diagrams, report, findings, exports, diffs) in one table. */
#ifndef RCHAIN_OUTPUT_H
#define RCHAIN_OUTPUT_H

#include "rchain/check.h"
#include "rchain/diff.h"
#include "rchain/render.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One checked file for a findings report: the model, its findings and confidence, or the error that stopped it. */
typedef struct rc_checked {
	const char *file;                /* as given on the command line */
	const rc_model *model;           /* NULL when the file could not be processed */
	const rc_findings *findings;     /* NULL when the file could not be processed */
	const rc_confidence *confidence; /* NULL when the file could not be processed */
	const rc_error *error;           /* why it could not, or NULL */
	const rc_problems *problems;     /* when it could not because of problems in the file, every one, or NULL */
} rc_checked;

/**
 * What any back-end writes from; every pointer is borrowed. A back-end reads
 * the member its command names: `view` for "render", "report" and "export",
 * `files` for "check", `diff` for "diff".
 */
typedef struct rc_output_input {
	const rc_render_input *view; /* the model, its findings, the evidence base and the drawing options */
	const rc_checked *files;     /* the files of a check run, `file_count` of them */
	size_t file_count;
	const rc_diff *diff; /* two checked versions compared */
	/* The text findings of "check" show this severity and above (zero: all); JSON and SARIF keep every one. */
	rc_severity min_severity;
} rc_output_input;

/** What a back-end needs, as flags in rc_output.needs. */
enum rc_output_need {
	RC_OUTPUT_MODEL = 1,      /* a loaded model */
	RC_OUTPUT_FINDINGS = 2,   /* the model's findings (rc_check_run); optional for an export: counts only */
	RC_OUTPUT_CONFIDENCE = 4, /* the contribution stories of the findings: outcome confidence */
	RC_OUTPUT_LAYOUT = 8      /* a Graphviz layout: bounded by rc_diagram_fits() */
};

/** One back-end: one entry of the registry, static storage. */
typedef struct rc_output {
	const char *name;              /* the --format name, unique within its command */
	const char *command;           /* "render", "report", "check", "export" or "diff" */
	const char *const *extensions; /* file name extensions without the dot, NULL-terminated */
	const char *media_type;        /* "image/svg+xml", "text/csv", ... */
	unsigned needs;                /* rc_output_need flags */
	const char *summary;           /* a few words for help texts: "SARIF 2.1.0" */
	/**
	 * Writes the output of `in` to `sink` (with `user`), as it goes or in one
	 * piece; returns 0, RC_ENOMEM, RC_ELIMIT, RC_ERENDER, RC_EARG (an input
	 * the back-end needs is missing) or the sink's failure, with the message
	 * in `err`. The sink may have had part of the output when it fails.
	 */
	int (*write)(rc_sink sink, void *user, const rc_output_input *in, rc_error *err);
} rc_output;

/** Number of back-ends, and the i-th in table order (NULL past the end); each command's default comes first. */
RC_API size_t rc_output_count(void);
RC_API const rc_output *rc_output_at(size_t i);

/** The back-end of `command` called `name`, or, when `name` is NULL, the command's default; NULL if none. */
RC_API const rc_output *rc_output_find(const char *command, const char *name);

/** The back-end of `command` that writes files ending in ".`extension`" (ASCII case ignored), or NULL. */
RC_API const rc_output *rc_output_for_extension(const char *command, const char *extension);

/** Nonzero when `output` writes files ending in ".`extension`" (ASCII case ignored). */
RC_API int rc_output_has_extension(const rc_output *output, const char *extension);

#ifdef __cplusplus
}
#endif

#endif
