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

/* Walks the strongest pathway back from the outcome; names its first element rated at the bottleneck. */
static int tell_story(struct search *s, rc_story *story, struct arena *arena)
{
	const rc_model *m = s->m;
	size_t v = story->outcome, len = 0, i;
	size_t *path;

	story->reached = s->best[v] >= 0;
	story->weakest = RC_OWNER_MODEL;
	story->weakest_index = RC_NONE;
	if (!story->reached)
		return 0;
	story->confidence = (rc_rating)s->best[v];
	for (v = story->outcome; s->via[v] != RC_NONE; v = MODEL_AT(m, links, rc_link, s->via[v])->from_step)
		len++;
	path = arena_alloc(arena, (len ? len : 1) * sizeof(size_t));
	if (!path)
		return RC_ENOMEM;
	for (i = len, v = story->outcome; i-- > 0; v = MODEL_AT(m, links, rc_link, s->via[v])->from_step)
		path[i] = s->via[v];
	story->path = path;
	story->path_length = len;
	/* Source first: its first step, then each link and the step it leads to. */
	v = len ? MODEL_AT(m, links, rc_link, path[0])->from_step : story->outcome;
	if (s->c->steps[v] == story->confidence) {
		story->weakest = RC_OWNER_STEP;
		story->weakest_index = v;
		return 0;
	}
	for (i = 0; i < len; i++) {
		size_t to = MODEL_AT(m, links, rc_link, path[i])->to_step;

		if (s->c->links[path[i]] == story->confidence) {
			story->weakest = RC_OWNER_LINK;
			story->weakest_index = path[i];
			return 0;
		}
		if (s->c->steps[to] == story->confidence) {
			story->weakest = RC_OWNER_STEP;
			story->weakest_index = to;
			return 0;
		}
	}
	return 0;
}

int confidence_compute(struct confidence *c, const rc_model *m, struct arena *arena)
{
	struct search s = { m, c, NULL, NULL, NULL };
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
	if (!c->steps || !c->links || !c->stories || !s.best || !s.via || !s.queue)
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
	rc = 0;
	for (i = 0; i < c->story_count && !rc; i++)
		rc = tell_story(&s, &c->stories[i], arena);
done:
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
	memset(c, 0, sizeof(*c));
}
