/* Confidence from evidence: per step and link, and per outcome along its strongest pathway. */
#ifndef RC_CONFIDENCE_H
#define RC_CONFIDENCE_H

#include "model/chain.h"
#include "rchain/confidence.h"

struct rc_confidence {
	rc_rating *steps;  /* per step */
	rc_rating *links;  /* per link */
	rc_story *stories; /* one per outcome step, in document order */
	size_t story_count;
	struct chain_graph graph; /* the pathway graph the ratings follow */
	size_t *via;  /* per node: the link its strongest pathway arrives by, RC_NONE for a source or unreached */
	size_t *from; /* per node: the node it arrives from on that pathway */
};

/* Computes everything in time and memory linear in the model. 0 or RC_ENOMEM. */
int confidence_compute(struct rc_confidence *c, const rc_model *m);
void confidence_free(struct rc_confidence *c);

#endif
