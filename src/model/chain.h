/* The causal graph of a model: which links the pathways follow, and searches along them. */
#ifndef RC_CHAIN_H
#define RC_CHAIN_H

#include "rchain/model.h"

/*
 * The pathway graph. Nodes [0, steps) are the steps. A column link joins the
 * steps of its two levels that have no item link in its direction (docs/rules.md,
 * "Column links"): rather than an arc for every pair, it gets one node of its
 * own, a hub, at [steps, nodes), with an arc from each such step of its first
 * level and an arc to each such step of its second. Only the first column link
 * of each pair of levels makes a hub, so the graph stays linear in the model.
 */
struct chain_arc {
	size_t node; /* the other end */
	size_t link; /* the link it stands for: an item link, or the hub's column link */
};

struct chain_graph {
	size_t steps, nodes;
	size_t *hub_link;             /* per hub: its column link */
	size_t *out_first, *in_first; /* per node, and one past the last: offsets into out and in */
	struct chain_arc *out, *in;
};

/*
 * Nonzero for a link the causal pathways follow: step to step, resolved,
 * causal or black-box (not feedback), not a self-link, and not back to an
 * earlier level.
 */
int chain_is_pathway(const rc_link *l);

int chain_graph_build(struct chain_graph *g, const rc_model *m);
void chain_graph_free(struct chain_graph *g);

/* The arcs leaving (or, with `backwards`, entering) `node`. */
const struct chain_arc *chain_arcs(const struct chain_graph *g, size_t node, int backwards, size_t *count);

/* The level of a node: its step's, or for a hub the first level of its column link. */
rc_level chain_node_level(const struct chain_graph *g, const rc_model *m, size_t node);

/*
 * Marks every node reachable along pathways from the nodes already marked in
 * `mark` (one byte per node), forwards or (with `backwards`) against the
 * arcs. `queue` has room for one index per node.
 */
void chain_spread(const struct chain_graph *g, unsigned char *mark, size_t *queue, int backwards);

/* Facts about the causal graph, computed once before the rules run. */
struct chain_analysis {
	unsigned char *linked;          /* per step: named by an item link, or joined by a column link */
	unsigned char *reaches_outcome; /* per node: a pathway leads to an outcome */
	unsigned char *reached;         /* per node: reached from an input or activity */
};

int chain_analyse(struct chain_analysis *a, const rc_model *m, const struct chain_graph *g);
void chain_analysis_free(struct chain_analysis *a);

#endif
