/* Confidence: evidence weights per step and link, a widest-path search per outcome, and the evidence gaps. */
#include "check/confidence.h"

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

/* The net weight of the evidence in `evidence`: supporting items add, challenging ones subtract. */
static int net_weight(const rc_model *m, rc_range evidence)
{
	int net = 0;
	size_t i;

	for (i = evidence.first; i < evidence.first + evidence.count; i++) {
		const rc_evidence *e = MODEL_AT(m, evidence, rc_evidence, i);

		net += e->direction == RC_EVIDENCE_SUPPORTS ? weight(e->strength) : -weight(e->strength);
	}
	return net;
}

static rc_rating rating_of_net(int net)
{
	return net >= 3 ? RC_RATING_HIGH : net == 2 ? RC_RATING_MEDIUM : RC_RATING_LOW;
}

/* Rates evidence by its net weight (docs/confidence.md). */
static rc_rating confidence_of_evidence(const rc_model *m, rc_range evidence)
{
	return evidence.count == 0 ? RC_RATING_NONE : rating_of_net(net_weight(m, evidence));
}

struct search {
	const rc_model *m;
	const struct rc_confidence *c;
	int *best;   /* per step: bottleneck of the strongest pathway reaching it, -1 if none */
	size_t *via; /* per step: the link it was first reached by, RC_NONE for a source */
	size_t *queue;
};

/*
 * Widest paths by thresholds: at threshold t, every step reachable from a
 * source through steps and links rated at least t is reached at t, unless a
 * higher threshold reached it first. Four passes over the graph: linear.
 */
static void widest_paths(struct search *s)
{
	const rc_model *m = s->m;
	size_t n = m->steps.len;
	int t;
	size_t i;

	for (i = 0; i < n; i++) {
		s->best[i] = -1;
		s->via[i] = RC_NONE;
	}
	for (t = RC_RATING_HIGH; t >= RC_RATING_NONE; t--) {
		size_t head = 0, tail = 0;

		for (i = 0; i < n; i++) {
			rc_level level = MODEL_AT(m, steps, rc_step, i)->level;
			int source = level == RC_LEVEL_INPUT || level == RC_LEVEL_ACTIVITY;

			if (s->best[i] < 0 && source && (int)s->c->steps[i] >= t)
				s->best[i] = t;
			if (s->best[i] >= 0)
				s->queue[tail++] = i;
		}
		while (head < tail) {
			size_t count, k;
			const size_t *out = rc_model_links_out(m, s->queue[head++], &count);

			for (k = 0; k < count; k++) {
				const rc_link *l = MODEL_AT(m, links, rc_link, out[k]);

				if (!chain_is_pathway(l) || s->best[l->to_step] >= 0 || (int)s->c->links[out[k]] < t ||
				    (int)s->c->steps[l->to_step] < t)
					continue;
				s->best[l->to_step] = t;
				s->via[l->to_step] = out[k];
				s->queue[tail++] = l->to_step;
			}
		}
	}
}

/* Per step, for each rating: the first element of its strongest pathway rated exactly that, and the pathway's length.
 */
struct along {
	rc_owner_kind kind[RC_RATING_HIGH + 1];
	size_t index[RC_RATING_HIGH + 1];
	size_t length;
};

static void note_first(struct along *a, rc_rating rating, rc_owner_kind kind, size_t index)
{
	if (a->index[rating] == RC_NONE) {
		a->kind[rating] = kind;
		a->index[rating] = index;
	}
}

/*
 * Fills `along` for every reached step, parents before children (the pathways
 * form a tree through `via`): each step takes its parent's table and adds the
 * link it arrives by, then itself. Linear, where walking every outcome's
 * pathway would be quadratic (a chain of 50,000 steps has 7,000 outcomes at
 * the end of pathways of 46,000 links).
 */
static void walk_pathways(struct search *s, struct along *along)
{
	const rc_model *m = s->m;
	size_t n = m->steps.len, head, tail = 0, i;
	int t;

	for (i = 0; i < n; i++)
		if (s->best[i] >= 0 && s->via[i] == RC_NONE)
			s->queue[tail++] = i;
	for (head = 0; head < tail; head++) {
		size_t v = s->queue[head], count, k;
		const size_t *out = rc_model_links_out(m, v, &count);
		struct along *a = &along[v];

		if (s->via[v] == RC_NONE) {
			for (t = 0; t <= RC_RATING_HIGH; t++)
				a->index[t] = RC_NONE;
			a->length = 0;
		} else {
			size_t l = s->via[v];

			*a = along[MODEL_AT(m, links, rc_link, l)->from_step];
			a->length++;
			note_first(a, s->c->links[l], RC_OWNER_LINK, l);
		}
		note_first(a, s->c->steps[v], RC_OWNER_STEP, v);
		for (k = 0; k < count; k++)
			if (s->via[MODEL_AT(m, links, rc_link, out[k])->to_step] == out[k])
				s->queue[tail++] = MODEL_AT(m, links, rc_link, out[k])->to_step;
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
	if (!story->reached)
		return;
	story->confidence = (rc_rating)s->best[v];
	story->weakest = along[v].kind[story->confidence];
	story->weakest_index = along[v].index[story->confidence];
	story->last_link = s->via[v];
	story->path_length = along[v].length;
}

int confidence_compute(struct rc_confidence *c, const rc_model *m)
{
	struct search s = { m, c, NULL, NULL, NULL };
	struct along *along = NULL;
	size_t n = m->steps.len, i, outcomes;
	int rc = RC_ENOMEM;

	memset(c, 0, sizeof(*c));
	rc_model_level_steps(m, RC_LEVEL_OUTCOME, &outcomes);
	c->steps = rc_calloc(n, sizeof(*c->steps));
	c->links = rc_calloc(m->links.len, sizeof(*c->links));
	c->stories = rc_calloc(outcomes, sizeof(*c->stories));
	s.best = rc_malloc(n * sizeof(int));
	s.via = rc_malloc(n * sizeof(size_t));
	s.queue = rc_malloc(n * sizeof(size_t));
	along = rc_malloc(n * sizeof(*along));
	if (!c->steps || !c->links || !c->stories || !s.best || !s.via || !s.queue || (n && !along))
		goto done;
	for (i = 0; i < n; i++)
		c->steps[i] = confidence_of_evidence(m, MODEL_AT(m, steps, rc_step, i)->evidence);
	for (i = 0; i < m->links.len; i++)
		c->links[i] = confidence_of_evidence(m, MODEL_AT(m, links, rc_link, i)->evidence);
	widest_paths(&s);
	/* Outcomes in document order (rc_model_level_steps groups them by strand). */
	for (i = 0; i < n; i++)
		if (MODEL_AT(m, steps, rc_step, i)->level == RC_LEVEL_OUTCOME)
			c->stories[c->story_count++].outcome = i;
	walk_pathways(&s, along);
	for (i = 0; i < c->story_count; i++)
		tell_story(&s, &c->stories[i], along);
	c->via = s.via;
	s.via = NULL;
	rc = 0;
done:
	rc_free(along);
	rc_free(s.best);
	rc_free(s.via);
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

void rc_confidence_story_path(const rc_confidence *c, const rc_model *m, size_t i, size_t *out)
{
	const rc_story *s = rc_confidence_story(c, i);
	size_t k, link;

	if (!s)
		return;
	for (k = s->path_length, link = s->last_link; k-- > 0 && link != RC_NONE;
	     link = c->via[rc_model_link(m, link)->from_step])
		out[k] = link;
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
 * Tries one more strong supporting item on element `index` (a step when
 * `is_step`): reruns the widest-path search with its raised rating and records
 * a gap when some outcome's confidence rises.
 */
static int try_gap(rc_gaps *g, struct search *s, const rc_confidence *c, int is_step, size_t index, rc_rating *slot,
                   rc_range evidence)
{
	rc_rating now = *slot;
	rc_rating raised = rating_of_net(net_weight(s->m, evidence) + weight(RC_STRENGTH_STRONG));
	struct gap_item *item;
	size_t k, first = g->effects.len;

	if (raised <= now)
		return 0;
	*slot = raised;
	widest_paths(s);
	*slot = now;
	for (k = 0; k < c->story_count; k++) {
		const rc_story *story = &c->stories[k];
		rc_gap_effect *effect;

		if (!story->reached || s->best[story->outcome] <= (int)story->confidence)
			continue;
		effect = vec_push(&g->effects, sizeof(*effect));
		if (!effect)
			return RC_ENOMEM;
		effect->story = k;
		effect->after = (rc_rating)s->best[story->outcome];
	}
	if (g->effects.len == first)
		return 0;
	item = vec_push(&g->items, sizeof(*item));
	if (!item)
		return RC_ENOMEM;
	item->gap.owner = is_step ? RC_OWNER_STEP : RC_OWNER_LINK;
	item->gap.index = index;
	item->gap.rating = now;
	item->gap.raised = raised;
	item->gap.outcomes = g->effects.len - first;
	item->gap.gain = 0;
	item->first = first;
	for (k = first; k < g->effects.len; k++) {
		const rc_gap_effect *effect = (const rc_gap_effect *)g->effects.data + k;

		item->gap.gain += effect->after - c->stories[effect->story].confidence;
	}
	return 0;
}

int rc_gaps_new(rc_gaps **out, const rc_model *m, const rc_confidence *c, rc_error *err)
{
	struct rc_confidence trial = { 0 };
	struct search s = { m, &trial, NULL, NULL, NULL };
	size_t n = m->steps.len, links = m->links.len, i;
	rc_gaps *g = rc_calloc(1, sizeof(*g));
	int rc = RC_ENOMEM;

	*out = NULL;
	trial.steps = rc_malloc(n * sizeof(*trial.steps) + 1);
	trial.links = rc_malloc(links * sizeof(*trial.links) + 1);
	s.best = rc_malloc(n * sizeof(int) + 1);
	s.via = rc_malloc(n * sizeof(size_t) + 1);
	s.queue = rc_malloc(n * sizeof(size_t) + 1);
	if (!g || !trial.steps || !trial.links || !s.best || !s.via || !s.queue)
		goto done;
	memcpy(trial.steps, c->steps, n * sizeof(*trial.steps));
	memcpy(trial.links, c->links, links * sizeof(*trial.links));
	rc = 0;
	for (i = 0; i < n && !rc; i++)
		rc = try_gap(g, &s, c, 1, i, &trial.steps[i], STEP(m, i)->evidence);
	for (i = 0; i < links && !rc; i++)
		if (chain_is_pathway(LINK(m, i)))
			rc = try_gap(g, &s, c, 0, i, &trial.links[i], LINK(m, i)->evidence);
	if (!rc && g->items.len)
		qsort(g->items.data, g->items.len, sizeof(struct gap_item), compare_gaps);
done:
	rc_free(trial.steps);
	rc_free(trial.links);
	rc_free(s.best);
	rc_free(s.via);
	rc_free(s.queue);
	if (rc) {
		rc_gaps_free(&g);
		return error_set(err, RC_ENOMEM, "out of memory finding evidence gaps");
	}
	*out = g;
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
