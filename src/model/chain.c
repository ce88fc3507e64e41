/* The causal graph: pathway links, reachability searches, and the analysis the rules share. */
#include "model/chain.h"

#include <string.h>

#include "base/alloc.h"
#include "model/internal.h"

/* A causal or black-box link that the pathways follow: step to step, resolved, not feedback, not backward, not a loop.
 */
int chain_is_pathway(const rc_link *l)
{
	return !l->column && l->resolved && l->kind != RC_LINK_FEEDBACK && l->from_step != l->to_step &&
	       l->to_level >= l->from_level;
}

void chain_spread(const rc_model *m, unsigned char *mark, size_t *queue, int backwards)
{
	size_t head = 0, tail = 0;
	size_t i;

	for (i = 0; i < m->steps.len; i++)
		if (mark[i])
			queue[tail++] = i;
	while (head < tail) {
		size_t n, k;
		const size_t *links =
		        backwards ? rc_model_links_in(m, queue[head], &n) : rc_model_links_out(m, queue[head], &n);

		head++;
		for (k = 0; k < n; k++) {
			const rc_link *l = LINK(m, links[k]);
			size_t next = backwards ? l->from_step : l->to_step;

			if (chain_is_pathway(l) && !mark[next]) {
				mark[next] = 1;
				queue[tail++] = next;
			}
		}
	}
}

int chain_analyse(struct chain_analysis *a, const rc_model *m)
{
	size_t n = m->steps.len;
	size_t *queue = rc_malloc(n * sizeof(size_t));
	size_t i;

	a->linked = rc_calloc(n, 1);
	a->reaches_outcome = rc_calloc(n, 1);
	a->reached = rc_calloc(n, 1);
	if (!queue || !a->linked || !a->reaches_outcome || !a->reached) {
		rc_free(queue);
		return RC_ENOMEM;
	}
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);

		if (l->column)
			continue;
		if (l->from_step != RC_NONE)
			a->linked[l->from_step] = 1;
		if (l->to_step != RC_NONE)
			a->linked[l->to_step] = 1;
	}
	for (i = 0; i < n; i++) {
		rc_level level = STEP(m, i)->level;

		a->reaches_outcome[i] = level == RC_LEVEL_OUTCOME;
		a->reached[i] = level == RC_LEVEL_INPUT || level == RC_LEVEL_ACTIVITY;
	}
	chain_spread(m, a->reaches_outcome, queue, 1);
	chain_spread(m, a->reached, queue, 0);
	rc_free(queue);
	return 0;
}

void chain_analysis_free(struct chain_analysis *a)
{
	rc_free(a->linked);
	rc_free(a->reaches_outcome);
	rc_free(a->reached);
	memset(a, 0, sizeof(*a));
}
