/* The checker: the rule catalogue and the findings it produces for a model. */
#ifndef RCHAIN_CHECK_H
#define RCHAIN_CHECK_H

#include "rchain/evidence.h"
#include "rchain/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One entry of the rule catalogue (static storage). Codes are permanent. */
typedef struct rc_rule {
	const char *code; /* "RC001" */
	const char *slug; /* "duplicate-id" */
	rc_severity severity;
	const char *summary;     /* one line */
	const char *explanation; /* a paragraph: why it matters */
	const char *source;      /* where the rule comes from */
	const char *hint;        /* how to fix a finding */
} rc_rule;

/** Number of rules in the catalogue. */
RC_API size_t rc_rule_count(void);
/** The i-th rule in catalogue order (i < rc_rule_count()). */
RC_API const rc_rule *rc_rule_at(size_t i);
/** The rule with this code ("RC001") or slug ("duplicate-id"), or NULL. */
RC_API const rc_rule *rc_rule_find(const char *code_or_slug);

/** One finding of the checker; borrowed from its rc_findings. */
typedef struct rc_finding {
	const rc_rule *rule;
	rc_severity severity;
	rc_loc loc;
	const char *message;
	const char *suppressed; /* the stated reason when silenced, else NULL */
	rc_owner_kind owner;    /* what the finding is about */
	size_t owner_index;     /* step or link index; RC_NONE for the model */
} rc_finding;

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

/** The confidence computed from the evidence on a step or link (RC_RATING_NONE: no evidence). */
RC_API rc_rating rc_findings_step_confidence(const rc_findings *f, size_t step);
RC_API rc_rating rc_findings_link_confidence(const rc_findings *f, size_t link);

/**
 * The contribution story of one outcome: the confidence of its strongest
 * pathway (as strong as its weakest step or link, feedback links left out)
 * and that weakest element, where new evidence is most needed.
 */
typedef struct rc_story {
	size_t outcome;        /* step index of the outcome */
	int reached;           /* nonzero when a pathway from an input or activity leads here */
	rc_rating confidence;  /* of the strongest pathway; RC_RATING_NONE when unreached */
	rc_owner_kind weakest; /* RC_OWNER_STEP or RC_OWNER_LINK; RC_OWNER_MODEL when unreached */
	size_t weakest_index;  /* step or link index, or RC_NONE */
	size_t last_link;      /* the link into the outcome on that pathway; RC_NONE when unreached or a source */
	size_t path_length;    /* links on that pathway (rc_findings_story_path gives them) */
} rc_story;

/** Number of stories (one per outcome step, in document order), and the i-th. */
RC_API size_t rc_findings_story_count(const rc_findings *f);
RC_API const rc_story *rc_findings_story(const rc_findings *f, size_t i);

/**
 * Writes the strongest pathway of story `i` of model `m` to `out` (room for
 * its path_length entries) as link indices, source first. Pathways share
 * their beginnings, so they are not stored one by one: that is quadratic.
 */
RC_API void rc_findings_story_path(const rc_findings *f, const rc_model *m, size_t i, size_t *out);

/**
 * An evidence gap: a step or link where one more strong supporting item
 * (weight 3, docs/confidence.md) would raise the confidence of at least one
 * outcome.
 */
typedef struct rc_gap {
	rc_owner_kind owner; /* RC_OWNER_STEP or RC_OWNER_LINK */
	size_t index;        /* step or link index */
	rc_rating rating;    /* its rating now */
	rc_rating raised;    /* its rating with that item */
	size_t outcomes;     /* how many outcomes it would raise */
	size_t gain;         /* rating levels gained, summed over those outcomes */
} rc_gap;

/** One outcome a gap would raise: the story's index and its confidence after. */
typedef struct rc_gap_effect {
	size_t story;
	rc_rating after;
} rc_gap_effect;

/** The evidence gaps of a checked model, most gain first; opaque, caller-owned. */
typedef struct rc_gaps rc_gaps;

/**
 * Finds the evidence gaps of `m` from its findings `f` (which must come from
 * checking `m`). Ordered by gain, then by outcomes raised, steps before
 * links, then document order. Costs one widest-path search per step and link
 * rated below high. The caller owns `*out` (free with rc_gaps_free()).
 * Fails with RC_ENOMEM.
 */
RC_API int rc_gaps_find(rc_gaps **out, const rc_model *m, const rc_findings *f, rc_error *err);
RC_API void rc_gaps_free(rc_gaps **gaps);
RC_API size_t rc_gaps_count(const rc_gaps *g);
RC_API const rc_gap *rc_gaps_at(const rc_gaps *g, size_t i);
/** The outcomes gap `i` would raise (its `outcomes` of them, in story order); borrowed. */
RC_API const rc_gap_effect *rc_gaps_effects(const rc_gaps *g, size_t i);

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
