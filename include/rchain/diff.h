/* Diffs between two checked versions of a model (written out by the "diff" back-ends of rchain/output.h). */
#ifndef RCHAIN_DIFF_H
#define RCHAIN_DIFF_H

#include "rchain/check.h"
#include "rchain/confidence.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/**
 * Whether the contribution story was revised (contribution analysis step 6):
 * revised when an assumption's status changed or an assumption was added or
 * removed; not revised when only evidence changed; unchanged when neither.
 */
typedef struct rc_story_revision {
	rc_revision verdict;
	size_t evidence_added;
	size_t evidence_removed;
	size_t evidence_changed;
	size_t statuses_changed; /* assumptions in both versions whose status differs */
	size_t assumptions_added;
	size_t assumptions_removed;
} rc_story_revision;

/** An assumption marked doubtful on the strongest pathway of an outcome of the new version. */
typedef struct rc_doubtful_on_path {
	const char *outcome;    /* the outcome's id */
	const char *assumption; /* its key, as in rc_change */
	int by_id;              /* nonzero when `assumption` is its id */
	int still;  /* nonzero when it was doubtful on that outcome's strongest pathway in the old version too */
	rc_loc loc; /* in the new file */
} rc_doubtful_on_path;

/** The differences between two checked versions of a model; opaque, caller-owned. */
typedef struct rc_diff rc_diff;

/**
 * Compares two checked versions of a model, each given by its model, findings
 * and confidence. The caller owns `*out` (free with rc_diff_free()); it
 * borrows from all six, which must outlive it. Fails with RC_ENOMEM.
 */
RC_API int rc_diff_new(rc_diff **out, const rc_model *old_model, const rc_findings *old_findings,
                       const rc_confidence *old_confidence, const rc_model *new_model, const rc_findings *new_findings,
                       const rc_confidence *new_confidence, rc_error *err);

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
/** Whether the story was revised (borrowed). */
RC_API const rc_story_revision *rc_diff_revision(const rc_diff *d);
/** The doubtful assumptions on strongest pathways of the new version: per outcome in order, source first. */
RC_API size_t rc_diff_doubtful_count(const rc_diff *d);
RC_API const rc_doubtful_on_path *rc_diff_doubtful(const rc_diff *d, size_t i);

#ifdef __cplusplus
}
#endif

#endif
