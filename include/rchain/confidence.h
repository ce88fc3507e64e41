/* Confidence from evidence: per step and link, each outcome's contribution story, and the evidence gaps. */
#ifndef RCHAIN_CONFIDENCE_H
#define RCHAIN_CONFIDENCE_H

#include "rchain/model.h"

#ifdef __cplusplus
extern "C" {
#endif

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
	size_t path_length;    /* links on that pathway (rc_confidence_story_path gives them) */
	int column_level;      /* nonzero when that pathway follows a column link: a column-level story */
} rc_story;

/** The confidence of one model: ratings of its steps and links, and its stories; opaque, caller-owned. */
typedef struct rc_confidence rc_confidence;

/**
 * Rates the evidence on every step and link of `m` (docs/confidence.md) and
 * tells each outcome's story, in time and memory linear in the model. The
 * caller owns `*out` (free with rc_confidence_free()); `m` must outlive it.
 * Fails with RC_ENOMEM.
 */
RC_API int rc_confidence_new(rc_confidence **out, const rc_model *m, rc_error *err);

/** Frees the confidence and sets `*confidence` to NULL; NULL is allowed. */
RC_API void rc_confidence_free(rc_confidence **confidence);

/** The confidence computed from the evidence on a step or link (RC_RATING_NONE: no evidence). */
RC_API rc_rating rc_confidence_step(const rc_confidence *c, size_t step);
RC_API rc_rating rc_confidence_link(const rc_confidence *c, size_t link);

/** Number of stories (one per outcome step, in document order), and the i-th (borrowed), or NULL. */
RC_API size_t rc_confidence_story_count(const rc_confidence *c);
RC_API const rc_story *rc_confidence_story(const rc_confidence *c, size_t i);

/**
 * Writes the strongest pathway of story `i` of model `m` to `links` (room for
 * its path_length entries) as link indices, source first, and, unless `steps`
 * is NULL, its steps to `steps` (room for path_length + 1): the step before
 * each link, then the outcome. A column link on a column-level pathway stands
 * between the step before it and the step after it, as an item link does.
 * Pathways share their beginnings, so they are not stored one by one: that is
 * quadratic.
 */
RC_API void rc_confidence_story_path(const rc_confidence *c, const rc_model *m, size_t i, size_t *links, size_t *steps);

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

/** The evidence gaps of a model, most gain first; opaque, caller-owned. */
typedef struct rc_gaps rc_gaps;

/**
 * Finds the evidence gaps of `m` from its confidence `c` (which must come
 * from `m`). Ordered by gain, then by outcomes raised, steps before links,
 * then document order. Incremental: one reachability pass per rating
 * threshold, not one search per candidate (src/check/confidence.c proves it
 * gives what rerunning the search would). The caller owns `*out` (free with
 * rc_gaps_free()).
 * Fails with RC_ENOMEM.
 */
RC_API int rc_gaps_new(rc_gaps **out, const rc_model *m, const rc_confidence *c, rc_error *err);
RC_API void rc_gaps_free(rc_gaps **gaps);
RC_API size_t rc_gaps_count(const rc_gaps *g);
RC_API const rc_gap *rc_gaps_at(const rc_gaps *g, size_t i);
/** The outcomes gap `i` would raise (its `outcomes` of them, in story order); borrowed. */
RC_API const rc_gap_effect *rc_gaps_effects(const rc_gaps *g, size_t i);

#ifdef __cplusplus
}
#endif

#endif
