/* The checker: the rule catalogue and the findings it produces for a model. */
#ifndef RCHAIN_CHECK_H
#define RCHAIN_CHECK_H

#include "rchain/evidence.h"
#include "rchain/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of rules in the catalogue: the checker's RC rules, then the loader's RS rules (docs/rules.md). */
RC_API size_t rc_rule_count(void);
/** The i-th rule in catalogue order (i < rc_rule_count()). */
RC_API const rc_rule *rc_rule_at(size_t i);
/** The rule with this code ("RC001") or slug ("duplicate-id"), or NULL. */
RC_API const rc_rule *rc_rule_find(const char *code_or_slug);

/** The findings of one check, sorted by place then code; opaque, caller-owned. */
typedef struct rc_findings rc_findings;

/** Options for rc_check_run(); zero-initialise for the defaults. */
typedef struct rc_check_options {
	const char *const *disabled; /* rule codes or slugs to skip, or NULL */
	size_t disabled_count;
	const rc_evidence_base *evidence; /* checked against when set (borrowed) */
} rc_check_options;

/**
 * Runs every rule of the catalogue over `model` and collects all findings.
 * The caller owns `*out` (free with rc_findings_free()); it borrows from
 * `model`, which must outlive it. Fails with RC_ENOMEM or RC_EARG (an
 * unknown rule in `opts->disabled`).
 */
RC_API int rc_check_run(rc_findings **out, const rc_model *model, const rc_check_options *opts, rc_error *err);

/** Frees the findings and sets `*findings` to NULL; NULL is allowed. */
RC_API void rc_findings_free(rc_findings **findings);

RC_API size_t rc_findings_count(const rc_findings *f);
RC_API const rc_finding *rc_findings_at(const rc_findings *f, size_t i);
/** Number of findings of `severity` that are not silenced. */
RC_API size_t rc_findings_count_severity(const rc_findings *f, rc_severity severity);
/** Findings (not silenced) of `at_least` severity or worse about step `step`, and about link `link`. */
RC_API size_t rc_findings_count_step(const rc_findings *f, size_t step, rc_severity at_least);
RC_API size_t rc_findings_count_link(const rc_findings *f, size_t link, rc_severity at_least);

/**
 * The assumptions and risks of `eb` that apply to `model` and that it does
 * not address (RC030 to RC032), most relevant first: high priority, then
 * entries about one of the model's levels, then base order (docs/rules.md).
 * Their entry indices into `out` (room for rc_evidence_base_entry_count(eb)),
 * their number into `*count`. Fails with RC_ENOMEM.
 */
RC_API int rc_evidence_unaddressed(const rc_model *model, const rc_evidence_base *eb, size_t *out, size_t *count,
                                   rc_error *err);

/**
 * Appends one finding to `out` in the one diagnostic format:
 * `FILE:LINE:COL: SEVERITY: MESSAGE [CODE slug]` and a `  hint: ...` line,
 * each ending in a newline. Returns 0 or RC_ENOMEM.
 */
RC_API int rc_finding_format(rc_buffer *out, const rc_finding *finding);

#ifdef __cplusplus
}
#endif

#endif
