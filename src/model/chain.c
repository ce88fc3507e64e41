/* The causal graph: pathway links, column-link hubs, reachability searches, and the analysis the rules share. */
#include "model/chain.h"

#include <string.h>

#include "base/alloc.h"
#include "model/internal.h"

int chain_is_pathway(const rc_link *l)
{
	return !l->column && l->resolved && l->kind != RC_LINK_FEEDBACK && l->from_step != l->to_step &&
	       l->to_level >= l->from_level;
}

/* A column link that joins steps: resolved, not feedback, forward. */
static int joins_columns(const rc_link *l)
{
	return l->column && l->resolved && l->kind != RC_LINK_FEEDBACK && l->to_level > l->from_level;
}

/* Nonzero when step `v` has a pathway item link to (or, `backwards`, from) a step at `level`. */
static int has_item_link(const rc_model *m, size_t v, rc_level level, int backwards)
{
	size_t n, k;
	const size_t *links = backwards ? rc_model_links_in(m, v, &n) : rc_model_links_out(m, v, &n);

	for (k = 0; k < n; k++) {
		const rc_link *l = LINK(m, links[k]);

		if (chain_is_pathway(l) && (backwards ? l->from_level : l->to_level) == level)
			return 1;
	}
	return 0;
}

struct arc_list {
	size_t *from, *to, *link;
	size_t len;
};

static void add_arc(struct arc_list *a, size_t from, size_t to, size_t link)
{
	if (a->from) {
		a->from[a->len] = from;
		a->to[a->len] = to;
		a->link[a->len] = link;
	}
	a->len++;
}

/*
 * Lists every arc into `a` (or only counts them while a->from is NULL), and
 * the hubs into g->hub_link (when set); returns the number of hubs.
 */
static size_t list_arcs(struct chain_graph *g, const rc_model *m, struct arc_list *a)
{
	unsigned char used[RC_LEVEL_OUTCOME + 1][RC_LEVEL_OUTCOME + 1] = { { 0 } };
	size_t hubs = 0, i, k;

	for (i = 0; i < m->links.len; i++)
		if (chain_is_pathway(LINK(m, i)))
			add_arc(a, LINK(m, i)->from_step, LINK(m, i)->to_step, i);
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);
		size_t nfrom, nto, sources = 0, targets = 0, hub = g->steps + hubs;
		const size_t *from, *to;

		if (!joins_columns(l) || used[l->from_level][l->to_level])
			continue;
		used[l->from_level][l->to_level] = 1;
		from = rc_model_level_steps(m, l->from_level, &nfrom);
		to = rc_model_level_steps(m, l->to_level, &nto);
		for (k = 0; k < nfrom; k++)
			sources += !has_item_link(m, from[k], l->to_level, 0);
		for (k = 0; k < nto; k++)
			targets += !has_item_link(m, to[k], l->from_level, 1);
		if (!sources || !targets)
			continue;
		for (k = 0; k < nfrom; k++)
			if (!has_item_link(m, from[k], l->to_level, 0))
				add_arc(a, from[k], hub, i);
		for (k = 0; k < nto; k++)
			if (!has_item_link(m, to[k], l->from_level, 1))
				add_arc(a, hub, to[k], i);
		if (g->hub_link)
			g->hub_link[hubs] = i;
		hubs++;
	}
	return hubs;
}

/* Sorts the arcs into per-node lists by `key` (their start for out, their end for in). */
static void bucket(const struct chain_graph *g, const struct arc_list *a, const size_t *key, const size_t *other,
                   size_t *first, struct chain_arc *arcs)
{
	size_t i;

	for (i = 0; i < a->len; i++)
		first[key[i] + 1]++;
	for (i = 0; i < g->nodes; i++)
		first[i + 1] += first[i];
	for (i = 0; i < a->len; i++) {
		size_t at = first[key[i]]++;

		arcs[at].node = other[i];
		arcs[at].link = a->link[i];
	}
	for (i = g->nodes; i > 0; i--)
		first[i] = first[i - 1];
	first[0] = 0;
}

int chain_graph_build(struct chain_graph *g, const rc_model *m)
{
	struct arc_list a = { NULL, NULL, NULL, 0 };
	size_t hubs;

	memset(g, 0, sizeof(*g));
	g->steps = m->steps.len;
	hubs = list_arcs(g, m, &a);
	g->nodes = g->steps + hubs;
	g->hub_link = rc_malloc(hubs * sizeof(size_t) + 1);
	a.from = rc_malloc(a.len * sizeof(size_t) + 1);
	a.to = rc_malloc(a.len * sizeof(size_t) + 1);
	a.link = rc_malloc(a.len * sizeof(size_t) + 1);
	g->out_first = rc_calloc(g->nodes + 1, sizeof(size_t));
	g->in_first = rc_calloc(g->nodes + 1, sizeof(size_t));
	g->out = rc_malloc(a.len * sizeof(struct chain_arc) + 1);
	g->in = rc_malloc(a.len * sizeof(struct chain_arc) + 1);
	if (!g->hub_link || !a.from || !a.to || !a.link || !g->out_first || !g->in_first || !g->out || !g->in) {
		rc_free(a.from);
		rc_free(a.to);
		rc_free(a.link);
		chain_graph_free(g);
		return RC_ENOMEM;
	}
	a.len = 0;
	list_arcs(g, m, &a);
	bucket(g, &a, a.from, a.to, g->out_first, g->out);
	bucket(g, &a, a.to, a.from, g->in_first, g->in);
	rc_free(a.from);
	rc_free(a.to);
	rc_free(a.link);
	return 0;
}

void chain_graph_free(struct chain_graph *g)
{
	rc_free(g->hub_link);
	rc_free(g->out_first);
	rc_free(g->in_first);
	rc_free(g->out);
	rc_free(g->in);
	memset(g, 0, sizeof(*g));
}

const struct chain_arc *chain_arcs(const struct chain_graph *g, size_t node, int backwards, size_t *count)
{
	const size_t *first = backwards ? g->in_first : g->out_first;

	*count = first[node + 1] - first[node];
	return (backwards ? g->in : g->out) + first[node];
}

rc_level chain_node_level(const struct chain_graph *g, const rc_model *m, size_t node)
{
	return node < g->steps ? STEP(m, node)->level : LINK(m, g->hub_link[node - g->steps])->from_level;
}

void chain_spread(const struct chain_graph *g, unsigned char *mark, size_t *queue, int backwards)
{
	size_t head = 0, tail = 0;
	size_t i;

	for (i = 0; i < g->nodes; i++)
		if (mark[i])
			queue[tail++] = i;
	while (head < tail) {
		size_t n, k;
		const struct chain_arc *arcs = chain_arcs(g, queue[head++], backwards, &n);

		for (k = 0; k < n; k++) {
			if (!mark[arcs[k].node]) {
				mark[arcs[k].node] = 1;
				queue[tail++] = arcs[k].node;
			}
		}
	}
}

int chain_analyse(struct chain_analysis *a, const rc_model *m, const struct chain_graph *g)
{
	size_t n = g->nodes;
	size_t *queue = rc_malloc(n * sizeof(size_t) + 1);
	size_t i;

	a->linked = rc_calloc(m->steps.len + 1, 1);
	a->reaches_outcome = rc_calloc(n + 1, 1);
	a->reached = rc_calloc(n + 1, 1);
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
	for (i = 0; i < m->steps.len; i++) {
		rc_level level = STEP(m, i)->level;
		size_t nout, nin;

		chain_arcs(g, i, 0, &nout);
		chain_arcs(g, i, 1, &nin);
		a->linked[i] |= nout + nin > 0;
		a->reaches_outcome[i] = level == RC_LEVEL_OUTCOME;
		a->reached[i] = level == RC_LEVEL_INPUT || level == RC_LEVEL_ACTIVITY;
	}
	chain_spread(g, a->reaches_outcome, queue, 1);
	chain_spread(g, a->reached, queue, 0);
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
