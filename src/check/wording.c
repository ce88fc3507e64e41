/* Wording rules: placeholders and open questions, and outputs that are worded as outcomes. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "check/internal.h"
#include "model/internal.h"

/* Placeholder words, matched whole and ignoring case (docs/rules.md). */
static const char *const placeholder_words[] = { "tbc", "tbd", "tba", "todo", "fixme", "xxx", NULL };

/*
 * Nonzero when the `len` letters at `word` are one of `list`, ignoring case.
 * The first letters are compared before anything else (ASCII letters differ
 * in case only in bit 0x20): most words of a title start no word of a list.
 */
static int word_in(const char *const *list, const char *word, size_t len)
{
	int first = word[0] | 0x20;
	size_t k;

	for (k = 0; list[k]; k++)
		if ((list[k][0] | 0x20) == first && strlen(list[k]) == len && strncasecmp(list[k], word, len) == 0)
			return 1;
	return 0;
}

/*
 * What makes `text` an open question or placeholder: "a question mark", "a
 * placeholder", or NULL; `starts` holds the first letters of the placeholder words.
 */
static const char *open_question(const char *text, uint32_t starts)
{
	const char *p = text;

	if (strchr(text, '?'))
		return "a question mark";
	if (strchr(text, '[') && strchr(strchr(text, '['), ']'))
		return "a bracketed placeholder";
	while (*p) {
		size_t len;

		while (*p && !isalpha((unsigned char)*p))
			p++;
		for (len = 0; isalpha((unsigned char)p[len]); len++)
			;
		if (len && (starts >> (*p & 31) & 1) && word_in(placeholder_words, p, len))
			return "a placeholder word";
		p += len;
	}
	return NULL;
}

void check_open_question(struct checker *c)
{
	const rc_model *m = c->m;
	const uint32_t starts = first_letters(placeholder_words);
	const char *why;
	size_t i;

	for (i = 0; i < m->steps.len; i++)
		if ((why = open_question(STEP(m, i)->title, starts)) != NULL)
			report(c, STEP(m, i)->loc, RC_OWNER_STEP, i,
			       "the title of step '%s' is an open question or placeholder (%s): say what the step is",
			       STEP(m, i)->id, why);
	for (i = 0; i < m->assumptions.len; i++) {
		const rc_assumption *a = MODEL_AT(m, assumptions, rc_assumption, i);

		if ((why = open_question(a->text, starts)) != NULL)
			report(c, a->loc, a->owner, a->owner_index,
			       "an assumption is an open question or placeholder (%s): state what is assumed", why);
	}
	for (i = 0; i < m->risks.len; i++) {
		const rc_risk *r = MODEL_AT(m, risks, rc_risk, i);

		if ((why = open_question(r->statement, starts)) != NULL)
			report(c, r->loc, r->owner, r->owner_index,
			       "a risk is an open question or placeholder (%s): state what could go wrong", why);
	}
}

/* Words that name a change, as the first word of a title (docs/rules.md). */
static const char *const change_first[] = { "improved",  "improvement", "increased", "increase", "reduced",
	                                    "reduction", "decreased",   "better",    "greater",  "enhanced",
	                                    "higher",    "fewer",       NULL };

/* Words that say a change was achieved, as the last word of a title. */
static const char *const change_last[] = { "earned",    "attained", "achieved", "gained", "increased",
	                                   "decreased", "reduced",  "improved", NULL };

void check_output_wording(struct checker *c)
{
	size_t count, i;
	const size_t *outputs = rc_model_level_steps(c->m, RC_LEVEL_ENGAGEMENT, &count);

	for (i = 0; i < count; i++) {
		const rc_step *s = STEP(c->m, outputs[i]);
		const char *t = s->title, *end = t + strlen(t), *last;
		size_t first;

		while (*t && !isalpha((unsigned char)*t))
			t++;
		while (end > t && !isalpha((unsigned char)end[-1]))
			end--;
		for (last = end; last > t && isalpha((unsigned char)last[-1]); last--)
			;
		for (first = 0; isalpha((unsigned char)t[first]); first++)
			;
		if (word_in(change_first, t, first) || word_in(change_last, last, (size_t)(end - last)))
			report(c, s->loc, RC_OWNER_STEP, outputs[i],
			       "output '%s' reads as an outcome (it names a change achieved): say who is reached or "
			       "what "
			       "is delivered, and move the change to a later level",
			       s->id);
	}
}
