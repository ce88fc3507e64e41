/* Confidence: evidence weights per step and link, widest paths per outcome, and the incremental gap search. */
#include "check/confidence.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model/chain.h"
#include "base/error.h"
#include "model/internal.h"
#include "base/vec.h"

static int weight(rc_strength strength)
{
	return strength == RC_STRENGTH_STRONG ? 3 : strength == RC_STRENGTH_MODERATE ? 2 : 1;
}

/*
 * The net weight of the evidence in `evidence`: supporting items add,
 * challenging ones subtract. `graded` is set when a supporting item is graded
 * moderate or strong.
 */
static int net_weight(const rc_model *m, rc_range evidence, int *graded)
{
	int net = 0;
	size_t i;

	*graded = 0;
	for (i = evidence.first; i < evidence.first + evidence.count; i++) {
		const rc_evidence *e = MODEL_AT(m, evidence, rc_evidence, i);

		if (e->direction == RC_EVIDENCE_SUPPORTS) {
			net += weight(e->strength);
			*graded |= weight(e->strength) > 1;
		} else {
			net -= weight(e->strength);
		}
	}
	return net;
}

/* Ungraded or weak support alone is capped at medium, however many items there are (docs/confidence.md). */
static rc_rating rating_of_net(int net, int graded)
{
	rc_rating r = net >= 3 ? RC_RATING_HIGH : net == 2 ? RC_RATING_MEDIUM : RC_RATING_LOW;

	return r == RC_RATING_HIGH && !graded ? RC_RATING_MEDIUM : r;
}

/* Rates evidence by its net weight (docs/confidence.md). */
static rc_rating confidence_of_evidence(const rc_model *m, rc_range evidence)
{
	int graded;
	int net = net_weight(m, evidence, &graded);

	return evidence.count == 0 ? RC_RATING_NONE : rating_of_net(net, graded);
}

/* The rating of a node: its step's, or for a hub its column link's. */
static rc_rating node_rating(const struct rc_confidence *c, size_t v)
{
	return v < c->graph.steps ? c->steps[v] : c->links[c->graph.hub_link[v - c->graph.steps]];
}

/* The rating an arc adds: its item link's; the arcs of a hub add nothing, the hub carries its column link's. */
static rc_rating arc_rating(const rc_model *m, const struct rc_confidence *c, const struct chain_arc *arc)
{
	return MODEL_AT(m, links, rc_link, arc->link)->column ? RC_RATING_HIGH : c->links[arc->link];
}

static int is_source(const rc_model *m, const struct chain_graph *g, size_t v)
{
	rc_level level = chain_node_level(g, m, v);

	return v < g->steps && (level == RC_LEVEL_INPUT || level == RC_LEVEL_ACTIVITY);
}

/*
 * The rating `r` of a step or link after the status of its own assumptions (docs/confidence.md):
 * a doubtful one caps it at low; otherwise one that holds raises it a level (none to low).
 */
static rc_rating with_assumptions(const rc_model *m, rc_rating r, rc_range assumptions)
{
	int holds = 0;
	size_t i;

	for (i = assumptions.first; i < assumptions.first + assumptions.count; i++) {
		rc_assumption_status st = MODEL_AT(m, assumptions, rc_assumption, i)->status;

		if (st == RC_ASSUMPTION_DOUBTFUL)
			return r > RC_RATING_LOW ? RC_RATING_LOW : r;
		holds |= st == RC_ASSUMPTION_HOLDS;
	}
	return holds && r < RC_RATING_HIGH ? (rc_rating)(r + 1) : r;
}

struct search {
	const rc_model *m;
	const struct rc_confidence *c;
	int *best;    /* per node: bottleneck of the strongest pathway reaching it, -1 if none */
	size_t *via;  /* per node: the link it was first reached by, RC_NONE for a source */
	size_t *from; /* per node: the node it was first reached from */
	size_t *queue;
};

/* A causal link that jumps over a level: a shortcut the pathway search takes only when nothing else reaches. */
static int skips_level(const rc_link *l)
{
	return l->kind == RC_LINK_CAUSAL && l->to_level >= l->from_level + 2;
}

/*
 * Reaches at threshold t what the queued nodes lead to through nodes and
 * arcs rated at least t: first without level-skipping links, then with them,
 * so that of two equally strong pathways the one through every level is kept.
 */
static void spread(struct search *s, int t, size_t tail)
{
	const struct chain_graph *g = &s->c->graph;
	int shortcuts;

	for (shortcuts = 0; shortcuts < 2; shortcuts++) {
		size_t head;

		for (head = 0; head < tail; head++) {
			size_t v = s->queue[head], count, k;
			const struct chain_arc *out = chain_arcs(g, v, 0, &count);

			for (k = 0; k < count; k++) {
				size_t w = out[k].node;

				if ((skips_level(MODEL_AT(s->m, links, rc_link, out[k].link)) && !shortcuts) ||
				    s->best[w] >= 0 || (int)arc_rating(s->m, s->c, &out[k]) < t ||
				    (int)node_rating(s->c, w) < t)
					continue;
				s->best[w] = t;
				s->via[w] = out[k].link;
				s->from[w] = v;
				s->queue[tail++] = w;
			}
		}
	}
}

/*
 * Widest paths by thresholds: at threshold t, every node reachable from a
 * source through nodes and arcs rated at least t is reached at t, unless a
 * higher threshold reached it first. Four passes over the graph: linear.
 */
static void widest_paths(struct search *s)
{
	const struct chain_graph *g = &s->c->graph;
	int t;
	size_t i;

	for (i = 0; i < g->nodes; i++) {
		s->best[i] = -1;
		s->via[i] = RC_NONE;
		s->from[i] = RC_NONE;
	}
	for (t = RC_RATING_HIGH; t >= RC_RATING_NONE; t--) {
		size_t tail = 0;

		for (i = 0; i < g->nodes; i++) {
			if (s->best[i] < 0 && is_source(s->m, g, i) && (int)node_rating(s->c, i) >= t)
				s->best[i] = t;
			if (s->best[i] >= 0)
				s->queue[tail++] = i;
		}
		spread(s, t, tail);
	}
}

/*
 * Per node, for each rating: the first element of its strongest pathway rated
 * exactly that, the pathway's length in links, and whether it follows a
 * column link.
 */
struct along {
	uint32_t index[RC_RATING_HIGH + 1]; /* ALONG_NONE until one is found; 32 bits, like the model's ranges */
	uint32_t length;
	unsigned char kind[RC_RATING_HIGH + 1]; /* rc_owner_kind */
	unsigned char column;
};

enum { ALONG_NONE = UINT32_MAX };

static void note_first(struct along *a, rc_rating rating, rc_owner_kind kind, size_t index)
{
	if (a->index[rating] == ALONG_NONE) {
		a->kind[rating] = (unsigned char)kind;
		a->index[rating] = (uint32_t)index;
	}
}

/*
 * Fills `along` for every reached node, parents before children (the pathways
 * form a tree through `from`): each node takes its parent's table and adds the
 * item link it arrives by, then itself (a hub is its column link, counted as
 * one link). Linear, where walking every outcome's pathway would be quadratic
 * (a chain of 50,000 steps has 7,000 outcomes at the end of pathways of 46,000
 * links).
 */
static void walk_pathways(struct search *s, struct along *along)
{
	const struct chain_graph *g = &s->c->graph;
	size_t head, tail = 0, i;
	int t;

	for (i = 0; i < g->nodes; i++)
		if (s->best[i] >= 0 && s->from[i] == RC_NONE)
			s->queue[tail++] = i;
	for (head = 0; head < tail; head++) {
		size_t v = s->queue[head], count, k;
		const struct chain_arc *out = chain_arcs(g, v, 0, &count);
		struct along *a = &along[v];

		if (s->from[v] == RC_NONE) {
			for (t = 0; t <= RC_RATING_HIGH; t++)
				a->index[t] = ALONG_NONE;
			a->length = 0;
			a->column = 0;
		} else {
			*a = along[s->from[v]];
			if (!MODEL_AT(s->m, links, rc_link, s->via[v])->column) {
				a->length++;
				note_first(a, s->c->links[s->via[v]], RC_OWNER_LINK, s->via[v]);
			}
		}
		if (v < g->steps) {
			note_first(a, s->c->steps[v], RC_OWNER_STEP, v);
		} else {
			a->length++;
			a->column = 1;
			note_first(a, node_rating(s->c, v), RC_OWNER_LINK, g->hub_link[v - g->steps]);
		}
		for (k = 0; k < count; k++)
			if (s->from[out[k].node] == v && s->via[out[k].node] == out[k].link)
				s->queue[tail++] = out[k].node;
	}
}

/* The outcome's rating and the first element of its strongest pathway rated at the bottleneck. */
static void tell_story(const struct search *s, rc_story *story, const struct along *along)
{
	size_t v = story->outcome;

	story->reached = s->best[v] >= 0;
	story->weakest = RC_OWNER_MODEL;
	story->weakest_index = RC_NONE;
	story->last_link = RC_NONE;
	story->path_length = 0;
	story->column_level = 0;
	if (!story->reached)
		return;
	story->confidence = (rc_rating)s->best[v];
	story->weakest = (rc_owner_kind)along[v].kind[story->confidence];
	story->weakest_index =
	        along[v].index[story->confidence] == ALONG_NONE ? RC_NONE : along[v].index[story->confidence];
	story->last_link = s->via[v];
	story->path_length = along[v].length;
	story->column_level = along[v].column;
}

int confidence_compute(struct rc_confidence *c, const rc_model *m)
{
	struct search s = { m, c, NULL, NULL, NULL, NULL };
	struct along *along = NULL;
	size_t n = m->steps.len, i, outcomes, nodes;
	int rc = RC_ENOMEM;

	memset(c, 0, sizeof(*c));
	if (chain_graph_build(&c->graph, m) != 0)
		return RC_ENOMEM;
	nodes = c->graph.nodes;
	rc_model_level_steps(m, RC_LEVEL_OUTCOME, &outcomes);
	c->steps = rc_calloc(n, sizeof(*c->steps));
	c->links = rc_calloc(m->links.len, sizeof(*c->links));
	c->stories = rc_calloc(outcomes, sizeof(*c->stories));
	s.best = rc_malloc(nodes * sizeof(int) + 1);
	s.via = rc_malloc(nodes * sizeof(size_t) + 1);
	s.from = rc_malloc(nodes * sizeof(size_t) + 1);
	s.queue = rc_malloc(nodes * sizeof(size_t) + 1);
	along = rc_malloc(nodes * sizeof(*along) + 1);
	if (!c->steps || !c->links || !c->stories || !s.best || !s.via || !s.from || !s.queue || !along)
		goto done;
	for (i = 0; i < n; i++) {
		const rc_step *st = MODEL_AT(m, steps, rc_step, i);

		c->steps[i] = with_assumptions(m, confidence_of_evidence(m, st->evidence), st->assumptions);
	}
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = MODEL_AT(m, links, rc_link, i);

		c->links[i] = with_assumptions(m, confidence_of_evidence(m, l->evidence), l->assumptions);
	}
	widest_paths(&s);
	/* Outcomes in document order (rc_model_level_steps groups them by strand). */
	for (i = 0; i < n; i++)
		if (MODEL_AT(m, steps, rc_step, i)->level == RC_LEVEL_OUTCOME)
			c->stories[c->story_count++].outcome = i;
	walk_pathways(&s, along);
	for (i = 0; i < c->story_count; i++)
		tell_story(&s, &c->stories[i], along);
	c->via = s.via;
	c->from = s.from;
	s.via = s.from = NULL;
	rc = 0;
done:
	rc_free(along);
	rc_free(s.best);
	rc_free(s.via);
	rc_free(s.from);
	rc_free(s.queue);
	if (rc)
		confidence_free(c);
	return rc;
}

void confidence_free(struct rc_confidence *c)
{
	rc_free(c->steps);
	rc_free(c->links);
	rc_free(c->stories);
	rc_free(c->via);
	rc_free(c->from);
	chain_graph_free(&c->graph);
	memset(c, 0, sizeof(*c));
}

int rc_confidence_new(rc_confidence **out, const rc_model *m, rc_error *err)
{
	rc_confidence *c = rc_calloc(1, sizeof(*c));

	*out = NULL;
	if (!c || confidence_compute(c, m) != 0) {
		rc_free(c);
		return error_set(err, RC_ENOMEM, "out of memory rating the evidence");
	}
	*out = c;
	return 0;
}

void rc_confidence_free(rc_confidence **confidence)
{
	if (!confidence || !*confidence)
		return;
	confidence_free(*confidence);
	rc_free(*confidence);
	*confidence = NULL;
}

rc_rating rc_confidence_step(const rc_confidence *c, size_t step)
{
	return c->steps[step];
}

rc_rating rc_confidence_link(const rc_confidence *c, size_t link)
{
	return c->links[link];
}

size_t rc_confidence_story_count(const rc_confidence *c)
{
	return c->story_count;
}

const rc_story *rc_confidence_story(const rc_confidence *c, size_t i)
{
	return i < c->story_count ? &c->stories[i] : NULL;
}

void rc_confidence_story_path(const rc_confidence *c, const rc_model *m, size_t i, size_t *links, size_t *steps)
{
	const rc_story *s = rc_confidence_story(c, i);
	size_t k, v;

	(void)m;
	if (!s || !s->reached)
		return;
	if (steps)
		steps[s->path_length] = s->outcome;
	/* Back from the outcome; a hub's two arcs are one column link. */
	for (k = s->path_length, v = s->outcome; k-- > 0;) {
		links[k] = c->via[v];
		v = c->from[v];
		if (v >= c->graph.steps)
			v = c->from[v];
		if (steps)
			steps[k] = v;
	}
}

/* ---- evidence gaps ---- */

struct gap_item {
	rc_gap gap;   /* first: rc_gaps_at() hands out its address */
	size_t first; /* its effects in rc_gaps.effects */
};

struct rc_gaps {
	struct vec items;   /* struct gap_item */
	struct vec effects; /* rc_gap_effect */
};

static int compare_gaps(const void *pa, const void *pb)
{
	const rc_gap *a = pa, *b = pb;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	if (a->outcomes != b->outcomes)
		return a->outcomes > b->outcomes ? -1 : 1;
	if (a->owner != b->owner)
		return a->owner == RC_OWNER_STEP ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * The gap search, incremental. Write r(e) for the rating of step or link e,
 * best(o) for the confidence of outcome o, and G_t for the pathway graph cut
 * down to the steps and links rated at least t. best(o) >= t exactly when
 * G_t has a path from a source rated at least t to o (that is widest_paths()).
 * Let F_t be the steps so reached: F_t is closed under G_t's links.
 *
 * Raise one element x from r(x) to r'(x) > r(x). A path through x has a
 * bottleneck of at least t exactly when its other elements are all rated at
 * least t and t <= r'(x), so the raised best'(o) is the greatest t <= r'(x)
 * for which such a path reaches o, or best(o) if that is more. Only t above
 * r(x) can give more than best(o): with r(x) >= t the same path is in G_t and
 * best(o) >= t already. Cutting such a path at x (its first and last visits)
 * gives a prefix from a source to x and a suffix from x to o:
 *
 * - the prefix, all but x rated at least t, exists iff x is a source step, or
 *   x is a step with a pathway link rated at least t from a step of F_t, or
 *   x is a link leaving a step of F_t ("x is entered at t");
 * - the suffix, all but x rated at least t, leads from x's entry step e (the
 *   step x, or the link x's target, which must be rated at least t) along
 *   G_t. If it meets a step of F_t, o is in F_t (F_t is closed) and so
 *   best(o) >= t: nothing gained. So the outcomes gained at t are those that
 *   the steps of G_t outside F_t, walked from e, reach: R_t(e).
 *
 * Hence best'(o) = the greatest t in (r(x), r'(x)] with x entered at t and o
 * in R_t(e), else best(o): what widest_paths() on the raised ratings gives,
 * without running it per element. F_t costs one pass per threshold; R_t(e)
 * is walked once per threshold and entry step and kept, shared by the
 * element's step and every link into it.
 */
enum { THRESHOLDS = RC_RATING_HIGH + 1 };

struct reach {
	size_t first, count; /* into gap_search.found; count RC_NONE: not yet walked */
};

struct gap_search {
	const rc_model *m;
	const rc_confidence *c;
	const int *best;                 /* per step, from widest_paths() */
	struct reach *reach[THRESHOLDS]; /* per threshold, per step: R_t(step) */
	struct vec found;                /* size_t: story indices, R_t lists back to back */
	size_t *story_of;                /* per step: its story, RC_NONE if not an outcome */
	size_t *stamp;                   /* per step: the last walk or gap that marked it */
	size_t stamps;
	size_t *stack;
	rc_rating *after; /* per story: what the gap being tried raises it to, RC_RATING_NONE when nothing */
};

static int in_f(const struct gap_search *g, size_t step, int t)
{
	return g->best[step] >= t;
}

static int entered_node(const struct gap_search *g, size_t v, int t)
{
	size_t count, k;
	const struct chain_arc *in = chain_arcs(&g->c->graph, v, 1, &count);

	if (is_source(g->m, &g->c->graph, v))
		return 1;
	for (k = 0; k < count; k++)
		if ((int)arc_rating(g->m, g->c, &in[k]) >= t && in_f(g, in[k].node, t))
			return 1;
	return 0;
}

/* Walks R_t(e) (e outside F_t) once, keeping the outcomes it finds; returns it or NULL on RC_ENOMEM. */
static const struct reach *reach_of(struct gap_search *g, size_t e, int t)
{
	struct reach *r = &g->reach[t][e];
	size_t top = 0, stamp = ++g->stamps;

	if (r->count != RC_NONE)
		return r;
	r->first = g->found.len;
	g->stamp[e] = stamp;
	g->stack[top++] = e;
	while (top) {
		size_t v = g->stack[--top], count, k;
		const struct chain_arc *out = chain_arcs(&g->c->graph, v, 0, &count);

		if (g->story_of[v] != RC_NONE) {
			size_t *slot = vec_push(&g->found, sizeof(*slot));

			if (!slot)
				return NULL;
			*slot = g->story_of[v];
		}
		for (k = 0; k < count; k++) {
			size_t w = out[k].node;

			if ((int)arc_rating(g->m, g->c, &out[k]) < t || (int)node_rating(g->c, w) < t ||
			    in_f(g, w, t) || g->stamp[w] == stamp)
				continue;
			g->stamp[w] = stamp;
			g->stack[top++] = w;
		}
	}
	r->count = g->found.len - r->first;
	return r;
}

static int compare_effects(const void *pa, const void *pb)
{
	const rc_gap_effect *a = pa, *b = pb;

	return a->story < b->story ? -1 : a->story > b->story;
}

/*
 * Records an element as a gap when one more strong supporting item on its
 * evidence raises an outcome, by the thresholds above, highest first. The
 * element is node `entry` (a step, or a hub for its column link) when `is_node`,
 * else item link `index` into node `entry`.
 */
static int try_gap(rc_gaps *gaps, struct gap_search *g, int is_node, size_t index, size_t entry, rc_range evidence,
                   rc_range assumptions)
{
	const struct chain_graph *graph = &g->c->graph;
	rc_rating now = is_node ? node_rating(g->c, entry) : g->c->links[index];
	int graded;
	rc_rating raised = with_assumptions(
	        g->m, rating_of_net(net_weight(g->m, evidence, &graded) + weight(RC_STRENGTH_STRONG), 1), assumptions);
	size_t first = gaps->effects.len, k;
	struct gap_item *item;
	int t;

	if (raised <= now)
		return 0;
	for (t = (int)raised; t > (int)now; t--) {
		const struct reach *r;
		int entered = is_node ? entered_node(g, entry, t)
		                      : in_f(g, LINK(g->m, index)->from_step, t) && (int)node_rating(g->c, entry) >= t;

		if (!entered || in_f(g, entry, t))
			continue;
		r = reach_of(g, entry, t);
		if (!r)
			return RC_ENOMEM;
		for (k = r->first; k < r->first + r->count; k++) {
			size_t story = ((const size_t *)g->found.data)[k];
			rc_gap_effect *effect;

			if (g->after[story] != RC_RATING_NONE)
				continue;
			effect = vec_push(&gaps->effects, sizeof(*effect));
			if (!effect)
				return RC_ENOMEM;
			effect->story = story;
			effect->after = (rc_rating)t;
			g->after[story] = effect->after;
		}
	}
	if (gaps->effects.len == first)
		return 0;
	item = vec_push(&gaps->items, sizeof(*item));
	if (!item)
		return RC_ENOMEM;
	item->gap.owner = is_node && entry < graph->steps ? RC_OWNER_STEP : RC_OWNER_LINK;
	item->gap.index = !is_node ? index : entry < graph->steps ? entry : graph->hub_link[entry - graph->steps];
	item->gap.rating = now;
	item->gap.raised = raised;
	item->gap.outcomes = gaps->effects.len - first;
	item->gap.gain = 0;
	item->first = first;
	for (k = first; k < gaps->effects.len; k++) {
		rc_gap_effect *effect = (rc_gap_effect *)gaps->effects.data + k;

		item->gap.gain += effect->after - g->c->stories[effect->story].confidence;
		g->after[effect->story] = RC_RATING_NONE;
	}
	qsort((rc_gap_effect *)gaps->effects.data + first, item->gap.outcomes, sizeof(rc_gap_effect), compare_effects);
	return 0;
}

/* Everything the search needs but the reach lists: best per node by widest_paths(), the story of each outcome. */
static int gap_search_init(struct gap_search *g, int **best)
{
	struct search s = { g->m, g->c, NULL, NULL, NULL, NULL };
	size_t n = g->c->graph.nodes, i;
	int t;

	*best = rc_malloc(n * sizeof(int) + 1);
	s.best = *best;
	s.via = rc_malloc(n * sizeof(size_t) + 1);
	s.from = rc_malloc(n * sizeof(size_t) + 1);
	s.queue = rc_malloc(n * sizeof(size_t) + 1);
	g->story_of = rc_malloc(n * sizeof(size_t) + 1);
	g->stamp = rc_calloc(n + 1, sizeof(size_t));
	g->stack = rc_malloc(n * sizeof(size_t) + 1);
	g->after = rc_calloc(g->c->story_count + 1, sizeof(*g->after));
	for (t = 0; t < THRESHOLDS; t++)
		g->reach[t] = rc_malloc(n * sizeof(struct reach) + 1);
	for (t = 0; t < THRESHOLDS; t++)
		if (!g->reach[t])
			break;
	if (!s.best || !s.via || !s.from || !s.queue || !g->story_of || !g->stamp || !g->stack || !g->after ||
	    t < THRESHOLDS) {
		rc_free(s.via);
		rc_free(s.from);
		rc_free(s.queue);
		return RC_ENOMEM;
	}
	widest_paths(&s);
	rc_free(s.via);
	rc_free(s.from);
	rc_free(s.queue);
	g->best = s.best;
	for (i = 0; i < n; i++) {
		g->story_of[i] = RC_NONE;
		for (t = 0; t < THRESHOLDS; t++)
			g->reach[t][i].count = RC_NONE;
	}
	for (i = 0; i < g->c->story_count; i++)
		if (g->c->stories[i].reached)
			g->story_of[g->c->stories[i].outcome] = i;
	return 0;
}

int rc_gaps_new(rc_gaps **out, const rc_model *m, const rc_confidence *c, rc_error *err)
{
	struct gap_search g = { m, c, NULL, { NULL }, { NULL, 0, 0 }, NULL, NULL, 0, NULL, NULL };
	int *best = NULL;
	size_t i;
	int t, rc;
	rc_gaps *gaps = rc_calloc(1, sizeof(*gaps));

	*out = NULL;
	rc = gaps ? gap_search_init(&g, &best) : RC_ENOMEM;
	for (i = 0; i < c->graph.nodes && !rc; i++) {
		int step = i < c->graph.steps;
		const rc_link *hub = step ? NULL : LINK(m, c->graph.hub_link[i - c->graph.steps]);

		rc = try_gap(gaps, &g, 1, i, i, step ? STEP(m, i)->evidence : hub->evidence,
		             step ? STEP(m, i)->assumptions : hub->assumptions);
	}
	for (i = 0; i < m->links.len && !rc; i++)
		if (chain_is_pathway(LINK(m, i)))
			rc = try_gap(gaps, &g, 0, i, LINK(m, i)->to_step, LINK(m, i)->evidence,
			             LINK(m, i)->assumptions);
	if (!rc && gaps->items.len)
		qsort(gaps->items.data, gaps->items.len, sizeof(struct gap_item), compare_gaps);
	rc_free(best);
	for (t = 0; t < THRESHOLDS; t++)
		rc_free(g.reach[t]);
	vec_free(&g.found);
	rc_free(g.story_of);
	rc_free(g.stamp);
	rc_free(g.stack);
	rc_free(g.after);
	if (rc) {
		rc_gaps_free(&gaps);
		return error_set(err, RC_ENOMEM, "out of memory finding evidence gaps");
	}
	*out = gaps;
	return 0;
}

void rc_gaps_free(rc_gaps **gaps)
{
	if (!gaps || !*gaps)
		return;
	vec_free(&(*gaps)->items);
	vec_free(&(*gaps)->effects);
	rc_free(*gaps);
	*gaps = NULL;
}

size_t rc_gaps_count(const rc_gaps *g)
{
	return g->items.len;
}

const rc_gap *rc_gaps_at(const rc_gaps *g, size_t i)
{
	return i < g->items.len ? &((const struct gap_item *)g->items.data)[i].gap : NULL;
}

const rc_gap_effect *rc_gaps_effects(const rc_gaps *g, size_t i)
{
	return i < g->items.len
	               ? (const rc_gap_effect *)g->effects.data + ((const struct gap_item *)g->items.data)[i].first
	               : NULL;
}
