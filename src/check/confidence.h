/* Confidence from evidence: per step and link, and per outcome along its strongest pathway. */
#ifndef RC_CONFIDENCE_H
#define RC_CONFIDENCE_H

#include "base/arena.h"
#include "rchain/check.h"

struct confidence {
	rc_rating *steps;  /* per step */
	rc_rating *links;  /* per link */
	rc_story *stories; /* one per outcome step, in document order */
	size_t story_count;
	size_t *via; /* per step: the link its strongest pathway arrives by, RC_NONE for a source or unreached */
};

/* Computes everything in time and memory linear in the model. 0 or RC_ENOMEM. */
int confidence_compute(struct confidence *c, const rc_model *m);
void confidence_free(struct confidence *c);

#endif
