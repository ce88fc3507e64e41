/* Confidence: evidence weights per step and link, and a widest-path search per outcome. */
#include "confidence.h"

#include <string.h>

#include "alloc.h"
#include "chain.h"
#include "model_internal.h"

const char *rc_rating_name(rc_rating rating)
{
	static const char *const names[] = { "none", "low", "medium", "high" };

	return names[rating];
}

static int weight(rc_strength strength)
{
	return strength == RC_STRENGTH_STRONG ? 3 : strength == RC_STRENGTH_MODERATE ? 2 : 1;
}

/* Rates evidence: the net weight of supporting minus challenging items (docs/confidence.md). */
static rc_rating confidence_of_evidence(const rc_model *m, rc_range evidence)
{
	int net = 0;
	size_t i;

	if (evidence.count == 0)
		return RC_RATING_NONE;
	for (i = evidence.first; i < evidence.first + evidence.count; i++) {
		const rc_evidence *e = MODEL_AT(m, evidence, rc_evidence, i);

		net += e->direction == RC_EVIDENCE_SUPPORTS ? weight(e->strength) : -weight(e->strength);
	}
	return net >= 3 ? RC_RATING_HIGH : net == 2 ? RC_RATING_MEDIUM : RC_RATING_LOW;
}

struct search {
	const rc_model *m;
	const struct confidence *c;
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

int confidence_compute(struct confidence *c, const rc_model *m)
{
	struct search s = { m, c, NULL, NULL, NULL };
	struct along *along = NULL;
	size_t n = m->steps.len, i, outcomes;
	int rc = RC_ENOMEM;

	memset(c, 0, sizeof(*c));
	rc_model_steps_at(m, RC_LEVEL_OUTCOME, &outcomes);
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
	/* Outcomes in document order (rc_model_steps_at groups them by strand). */
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

void confidence_free(struct confidence *c)
{
	rc_free(c->steps);
	rc_free(c->links);
	rc_free(c->stories);
	rc_free(c->via);
	memset(c, 0, sizeof(*c));
}
