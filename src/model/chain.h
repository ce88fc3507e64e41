/* The causal graph of a model: which links the pathways follow, and searches along them. */
#ifndef RC_CHAIN_H
#define RC_CHAIN_H

#include "rchain/model.h"

/* Facts about the causal graph, computed once before the rules run. */
struct chain_analysis {
	unsigned char *linked;          /* per step: named by any step-level link */
	unsigned char *reaches_outcome; /* per step: a causal path leads to an outcome */
	unsigned char *reached;         /* per step: reached from an input or activity */
};

/*
 * Nonzero for a link the causal pathways follow: step to step, resolved,
 * causal or black-box (not feedback), not a self-link, and not back to an
 * earlier level.
 */
int chain_is_pathway(const rc_link *l);

/*
 * Marks every step reachable along pathways from the steps already marked in
 * `mark` (one byte per step), forwards or (with `backwards`) against the
 * links. `queue` has room for one index per step.
 */
void chain_spread(const rc_model *m, unsigned char *mark, size_t *queue, int backwards);

int chain_analyse(struct chain_analysis *a, const rc_model *m);
void chain_analysis_free(struct chain_analysis *a);

#endif
