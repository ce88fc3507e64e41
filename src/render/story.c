/* The report's story section: for each outcome, criteria (a)-(d) of a credible contribution story, then a verdict. */
#include "render/story.h"

#include <string.h>

#include "base/alloc.h"
#include "model/internal.h"

/* What the story of one outcome holds, counted along its strongest pathway. */
struct tally {
	size_t elements;      /* steps and links on the pathway */
	size_t holds;         /* assumptions on them that hold */
	size_t doubtful;      /* ... that are doubtful */
	size_t untested;      /* ... not yet tested */
	size_t challenge;     /* challenging evidence items on them */
	int implemented;      /* the pathway's first step has evidence that it occurred */
	size_t results;       /* steps after the first */
	size_t observed;      /* of them, with evidence that they occurred here */
	size_t general;       /* of them, with only evidence that they matter in general */
	size_t first_unshown; /* the first step after the first without occurrence evidence, or RC_NONE */
	size_t influences, assessed;
	size_t first_unassessed; /* influence index, or RC_NONE */
};

static void count_element(const rc_model *m, struct tally *t, rc_range assumptions, rc_range evidence, int *occurs)
{
	size_t i;

	t->elements++;
	for (i = assumptions.first; i < assumptions.first + assumptions.count; i++) {
		rc_assumption_status st = MODEL_AT(m, assumptions, const rc_assumption, i)->status;

		t->holds += st == RC_ASSUMPTION_HOLDS;
		t->doubtful += st == RC_ASSUMPTION_DOUBTFUL;
		t->untested += st == RC_ASSUMPTION_UNTESTED;
	}
	*occurs = 0;
	for (i = evidence.first; i < evidence.first + evidence.count; i++) {
		const rc_evidence *v = MODEL_AT(m, evidence, const rc_evidence, i);
		rc_evidence_of of = rc_evidence_shows(v);

		if (v->direction == RC_EVIDENCE_CHALLENGES)
			t->challenge++;
		else if (of != RC_EVIDENCE_OF_MECHANISM)
			*occurs = 1;
	}
}

static void count_step(const rc_model *m, struct tally *t, size_t step, int first)
{
	const rc_step *s = STEP(m, step);
	int occurs;

	count_element(m, t, s->assumptions, s->evidence, &occurs);
	if (first) {
		t->implemented = occurs;
		return;
	}
	t->results++;
	t->observed += (size_t)occurs;
	t->general += !occurs && s->evidence.count > 0;
	if (!occurs && t->first_unshown == RC_NONE)
		t->first_unshown = step;
}

/* Influences on the whole chain or on a step of the pathway (`on` marks those steps). */
static void count_influences(const rc_model *m, struct tally *t, const unsigned char *on)
{
	size_t i;

	for (i = 0; i < m->influences.len; i++) {
		const rc_influence *inf = MODEL_AT(m, influences, const rc_influence, i);

		if (inf->on_step != RC_NONE && !on[inf->on_step])
			continue;
		t->influences++;
		if (rc_influence_assessed(inf))
			t->assessed++;
		else if (t->first_unassessed == RC_NONE)
			t->first_unassessed = i;
	}
}

static const char *verdict(const struct tally *t)
{
	if (t->doubtful > 0 || t->challenge > 0)
		return "challenged";
	if (t->implemented && t->observed == t->results && t->influences > 0 && t->assessed == t->influences)
		return "credible";
	return "plausible but unevidenced";
}

static int put_step(rc_buffer *out, const rc_model *m, size_t step)
{
	return buffer_xml_text(out, STEP(m, step)->title) || buffer_puts(out, " (") ||
	       buffer_xml_text(out, STEP(m, step)->id) || buffer_puts(out, ")");
}

/* The next piece of evidence to seek (contribution analysis step 5). */
static int next_evidence(rc_buffer *out, const rc_model *m, const struct tally *t, size_t first_step)
{
	int rc = buffer_puts(out, "<li>Next evidence to seek: ");

	if (!rc && !t->implemented)
		rc = buffer_puts(out, "evidence that ") || put_step(out, m, first_step) ||
		     buffer_puts(out, " was carried out");
	else if (!rc && t->first_unshown != RC_NONE)
		rc = buffer_puts(out, "evidence that ") || put_step(out, m, t->first_unshown) ||
		     buffer_puts(out, " happened here");
	else if (!rc && t->first_unassessed != RC_NONE)
		rc = buffer_puts(out, "an assessment of the influence \"") ||
		     buffer_xml_text(out, MODEL_AT(m, influences, const rc_influence, t->first_unassessed)->text) ||
		     buffer_puts(out, "\"");
	else if (!rc && t->doubtful)
		rc = buffer_puts(out, "evidence that settles the doubtful assumptions");
	else if (!rc)
		rc = buffer_puts(out, "more evidence on the weakest element of the pathway");
	return rc || buffer_puts(out, ".</li>");
}

static int one_story(rc_buffer *out, const rc_model *m, const rc_confidence *c, size_t i, unsigned char *on,
                     size_t *path)
{
	const rc_story *s = rc_confidence_story(c, i);
	struct tally t = { 0 };
	size_t k, first;
	int rc;

	t.first_unshown = RC_NONE;
	t.first_unassessed = RC_NONE;
	rc = buffer_puts(out, "<h3>") || put_step(out, m, s->outcome) || buffer_puts(out, "</h3>");
	if (rc || !s->reached)
		return rc ||
		       buffer_puts(out, "<p>Verdict: <strong>no story</strong>: no pathway from an input or activity "
		                        "reaches this outcome.</p>");
	/* The links, then the steps (a column link has no steps of its own: rc_confidence_story_path). */
	rc_confidence_story_path(c, m, i, path, path + s->path_length);
	first = path[s->path_length];
	memset(on, 0, m->steps.len);
	count_step(m, &t, first, 1);
	on[first] = 1;
	for (k = 0; k < s->path_length; k++) {
		const rc_link *l = LINK(m, path[k]);
		int occurs;

		count_element(m, &t, l->assumptions, l->evidence, &occurs);
		count_step(m, &t, path[s->path_length + k + 1], 0);
		on[path[s->path_length + k + 1]] = 1;
	}
	count_influences(m, &t, on);
	rc = buffer_printf(out, "<ul><li>(a) Theory of change: a pathway of %zu steps and links from ", t.elements) ||
	     put_step(out, m, first) ||
	     buffer_printf(out, "; its assumptions: %zu hold, %zu doubtful, %zu untested.</li>", t.holds, t.doubtful,
	                   t.untested) ||
	     buffer_puts(out, t.implemented
	                              ? "<li>(b) Implementation: evidence shows the first step was carried out.</li>"
	                              : "<li>(b) Implementation: nothing shows the first step was carried out.</li>") ||
	     buffer_printf(
	             out,
	             "<li>(c) Results: %zu of %zu later steps shown to have happened here; %zu matter in general, "
	             "not shown here; %zu challenging items of evidence.</li>",
	             t.observed, t.results, t.general, t.challenge) ||
	     buffer_printf(out, "<li>(d) Other influences: %zu named, %zu assessed.</li>", t.influences, t.assessed);
	if (!rc)
		rc = next_evidence(out, m, &t, first);
	return rc || buffer_printf(out, "</ul><p>Verdict: <strong class=\"verdict\">%s</strong>.</p>", verdict(&t));
}

/*
 * Marks in `shown` the stories a report of at most `limit` tells: those of
 * the outcomes at the latest level first, in the model's order.
 */
static void choose(const rc_model *m, const rc_confidence *c, size_t limit, unsigned char *shown)
{
	size_t i, n = rc_confidence_story_count(c), told = 0;
	int level;

	for (level = RC_LEVEL_COUNT - 1; level >= 0 && told < limit; level--)
		for (i = 0; i < n && told < limit; i++)
			if (STEP(m, rc_confidence_story(c, i)->outcome)->level == (rc_level)level) {
				shown[i] = 1;
				told++;
			}
}

int story_html(rc_buffer *out, const rc_model *m, const rc_confidence *c, size_t limit)
{
	size_t i, n = rc_confidence_story_count(c);
	unsigned char *on = rc_malloc(m->steps.len + 1), *shown = rc_calloc(n + 1, 1);
	size_t *path = rc_malloc((2 * m->links.len + 1) * sizeof(*path));
	int rc = !on || !path || !shown;

	if (!rc) {
		choose(m, c, limit, shown);
		rc = buffer_puts(out,
		                 "<section id=\"story\"><h2>The contribution story, by criterion</h2>\n"
		                 "<p>For each outcome, the four criteria of a credible contribution story (Mayne 2008, "
		                 "ILAC Brief 16) along its strongest pathway, a verdict and the next evidence to seek "
		                 "(docs/rules.md, RC050-RC058).</p>");
	}
	for (i = 0; !rc && i < n; i++)
		rc = shown[i] ? one_story(out, m, c, i, on, path) : 0;
	if (!rc && n > limit)
		rc = buffer_printf(out,
		                   "<p class=\"muted\">The stories of %zu more outcomes: <code>rchain report "
		                   "--full</code> tells them all.</p>",
		                   n - limit);
	if (!rc)
		rc = buffer_puts(out, "</section>\n");
	rc_free(on);
	rc_free(shown);
	rc_free(path);
	return rc ? RC_ENOMEM : 0;
}
