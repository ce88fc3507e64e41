/* Authoring and interop: model templates, logic-model tables out and in, and diffs between model versions. */
#ifndef RCHAIN_INTEROP_H
#define RCHAIN_INTEROP_H

#include "rchain/check.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- templates ---- */

/** Number of model templates, and the name of the i-th ("blank", "partnership", "columns"; static storage). */
RC_API size_t rc_template_count(void);
RC_API const char *rc_template_name(size_t i);

/** The model text of the template called `name`, or NULL; static storage, `*len` receives its length. */
RC_API const char *rc_template_text(const char *name, size_t *len);

/* ---- tables out ---- */

/** One export back-end: its name, the file extension of its output, and the function. */
typedef struct rc_exporter {
	const char *name;
	const char *extension;
	/** Appends `model` (with counts from `findings`, which may be NULL) to `out`; 0 or RC_ENOMEM. */
	int (*write)(rc_buffer *out, const rc_model *model, const rc_findings *findings, rc_error *err);
} rc_exporter;

/** The exporter called `name` ("csv", "markdown", "kumu"), or NULL. */
RC_API const rc_exporter *rc_exporter_find(const char *name);

/* ---- tables in ---- */

/**
 * Reads the logic-model table in CSV at `path` ("-" is standard input; the
 * size limit is the context's) and appends a columns-only model in XML to
 * `out` (caller-owned). Fails with RC_EIO, RC_ELIMIT, RC_ENOMEM, or
 * RC_EINVALID with `FILE:LINE:COL` and one message in `err` (docs/interop.md).
 */
RC_API int rc_import_csv(rc_buffer *out, rc_context *ctx, const char *path, rc_error *err);

/** As rc_import_csv(), from `len` bytes at `data`; `name` is the file name used in messages. */
RC_API int rc_import_csv_memory(rc_buffer *out, const char *name, const char *data, size_t len, rc_error *err);

/* ---- diffs ---- */

/** One field that differs; values are NULL when absent. */
typedef struct rc_field_change {
	const char *name;
	const char *old_value;
	const char *new_value;
} rc_field_change;

/** An element added, removed or changed between two versions, matched by its id (docs/interop.md). */
typedef struct rc_change {
	rc_change_kind kind;
	const char *element; /* "model", "partner", "strand", "step", "link", "columnLink", "assumption", ... */
	const char *key;     /* the id, or what identifies an element that has none */
	int by_id;           /* nonzero when `key` is the element's id */
	rc_loc old_loc;      /* line 0 when added */
	rc_loc new_loc;      /* line 0 when removed */
	const rc_field_change *fields; /* the changed fields, for RC_CHANGE_CHANGED */
	size_t field_count;
} rc_change;

/** A finding present in one version only: introduced (in the new one) or fixed (gone from it). */
typedef struct rc_finding_change {
	int introduced;
	const rc_finding *finding; /* borrowed from the findings given to rc_diff_new() */
} rc_finding_change;

/** The confidence of one outcome's contribution story in each version; NULL where the outcome is absent. */
typedef struct rc_outcome_change {
	const char *id;
	const char *old_confidence; /* "none", "low", "medium", "high", "unreached" or NULL */
	const char *new_confidence;
	rc_loc old_loc;
	rc_loc new_loc;
} rc_outcome_change;

/** The differences between two checked versions of a model; opaque, caller-owned. */
typedef struct rc_diff rc_diff;

/**
 * Compares two checked versions of a model. The caller owns `*out` (free
 * with rc_diff_free()); it borrows from both models and findings, which must
 * outlive it. Fails with RC_ENOMEM.
 */
RC_API int rc_diff_new(rc_diff **out, const rc_model *old_model, const rc_findings *old_findings,
                       const rc_model *new_model, const rc_findings *new_findings, rc_error *err);

/** Frees the diff and sets `*diff` to NULL; NULL is allowed. */
RC_API void rc_diff_free(rc_diff **diff);

/** Nonzero when the versions have no differences: no change, no finding change, no confidence change. */
RC_API int rc_diff_equal(const rc_diff *d);

RC_API size_t rc_diff_change_count(const rc_diff *d);
RC_API const rc_change *rc_diff_change(const rc_diff *d, size_t i);
RC_API size_t rc_diff_finding_count(const rc_diff *d);
RC_API const rc_finding_change *rc_diff_finding(const rc_diff *d, size_t i);
/** Every outcome of either version: those of the new one in order, then those removed. */
RC_API size_t rc_diff_outcome_count(const rc_diff *d);
RC_API const rc_outcome_change *rc_diff_outcome(const rc_diff *d, size_t i);

/**
 * Appends the diff to `out` as "text" (one located line per difference) or
 * "json" (docs/interop.md). Returns 0, RC_ENOMEM, or RC_EARG for another format.
 */
RC_API int rc_diff_format(rc_buffer *out, const rc_diff *d, const char *format, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
