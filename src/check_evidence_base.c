/* Rules against the evidence base: unknown refs, applicable entries not addressed, suggested refs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "buffer.h"
#include "check_internal.h"
#include "idmap.h"
#include "model_internal.h"

void check_unknown_ref(struct checker *c)
{
	const rc_model *m = c->m;
	size_t i;

	if (!c->evidence)
		return;
	for (i = 0; i < m->assumptions.len; i++) {
		const rc_assumption *a = MODEL_AT(m, assumptions, rc_assumption, i);

		if (a->ref && !rc_evidence_base_find(c->evidence, a->ref))
			report(c, a->loc, a->owner, a->owner_index,
			       "assumption refers to unknown evidence-base entry '%s'", a->ref);
	}
	for (i = 0; i < m->risks.len; i++) {
		const rc_risk *r = MODEL_AT(m, risks, rc_risk, i);

		if (r->ref && !rc_evidence_base_find(c->evidence, r->ref))
			report(c, r->loc, r->owner, r->owner_index, "risk refers to unknown evidence-base entry '%s'",
			       r->ref);
	}
	for (i = 0; i < m->steps.len; i++)
		if (STEP(m, i)->ref && !rc_evidence_base_find(c->evidence, STEP(m, i)->ref))
			report(c, STEP(m, i)->loc, RC_OWNER_STEP, i,
			       "step '%s' refers to unknown evidence-base entry '%s'", STEP(m, i)->id, STEP(m, i)->ref);
}

/* Every ref the model makes, from assumptions, risks and steps. */
static int collect_refs(const rc_model *m, struct idmap *refs)
{
	size_t i;

	if (idmap_init(refs, m->assumptions.len + m->risks.len + m->steps.len) != 0)
		return RC_ENOMEM;
	for (i = 0; i < m->assumptions.len; i++)
		if (MODEL_AT(m, assumptions, rc_assumption, i)->ref)
			idmap_put(refs, MODEL_AT(m, assumptions, rc_assumption, i)->ref, i);
	for (i = 0; i < m->risks.len; i++)
		if (MODEL_AT(m, risks, rc_risk, i)->ref)
			idmap_put(refs, MODEL_AT(m, risks, rc_risk, i)->ref, i);
	for (i = 0; i < m->steps.len; i++)
		if (STEP(m, i)->ref)
			idmap_put(refs, STEP(m, i)->ref, i);
	return 0;
}

/* The earliest step of each level in the file, where missing entries about that level are reported. */
static void first_steps(const rc_model *m, const rc_step *first[RC_LEVEL_COUNT])
{
	size_t i;
	int level;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		first[level] = NULL;
	for (i = m->steps.len; i-- > 0;)
		first[STEP(m, i)->level] = STEP(m, i);
}

/*
 * Reports applicable entries of `kind` that nothing in the model refers to:
 * those with an applicability condition when `conditional`, the others when not.
 */
static void report_unaddressed(struct checker *c, int any_kind, rc_entry_kind kind, int conditional)
{
	const rc_model *m = c->m;
	const rc_step *first[RC_LEVEL_COUNT];
	struct idmap refs = { 0 };
	rc_buffer cite = { 0 };
	size_t i;

	if (!c->evidence)
		return;
	first_steps(m, first);
	if (collect_refs(m, &refs) != 0) {
		c->status = RC_ENOMEM;
		return;
	}
	for (i = 0; i < rc_evidence_base_count(c->evidence) && !c->status; i++) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, i);
		const rc_step *at = e->whole_model ? NULL : first[e->level];

		if ((any_kind ? (e->kind != RC_ENTRY_ASSUMPTION && e->kind != RC_ENTRY_RISK) : e->kind != kind) ||
		    (e->condition_count > 0) != conditional || idmap_get(&refs, e->id) != RC_NONE ||
		    (!e->whole_model && !at) || !rc_entry_applies(e, m))
			continue;
		cite.len = 0;
		if (rc_cite_format(&cite, c->evidence, &e->cites[0]) != 0) {
			c->status = RC_ENOMEM;
			break;
		}
		report(c, at ? at->loc : m->loc, at ? RC_OWNER_STEP : RC_OWNER_MODEL, at ? at->index : RC_NONE,
		       "%s %s '%s' is not addressed: \"%s\" (%s)",
		       conditional ? "this partnership's" : "evidence-based", rc_entry_kind_name(e->kind), e->id,
		       e->text, cite.data);
	}
	rc_buffer_free(&cite);
	idmap_free(&refs);
}

void check_unaddressed_assumption(struct checker *c)
{
	report_unaddressed(c, 0, RC_ENTRY_ASSUMPTION, 0);
}

void check_unaddressed_risk(struct checker *c)
{
	report_unaddressed(c, 0, RC_ENTRY_RISK, 0);
}

void check_triggered_entry(struct checker *c)
{
	report_unaddressed(c, 1, RC_ENTRY_ASSUMPTION, 1);
}

/* ---- suggested refs: word overlap (docs/rules.md) ---- */

/* Sorted, for bsearch. */
static const char *const stopwords[] = {
	"about", "all",   "and",  "are",   "been",  "but",  "can",   "does",  "for",     "from",
	"has",   "have",  "into", "its",   "more",  "not",  "other", "our",   "than",    "that",
	"the",   "their", "them", "there", "these", "they", "this",  "those", "through", "was",
	"were",  "what",  "when", "where", "which", "who",  "will",  "with",  "within",  "would",
};

struct words {
	const char **w; /* sorted, unique */
	size_t n;
};

static int compare_words(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_stopword(const char *w)
{
	return bsearch(&w, stopwords, sizeof(stopwords) / sizeof(stopwords[0]), sizeof(stopwords[0]), compare_words) !=
	       NULL;
}

/* The content words of `text` (lower-case, three letters or more, no stopwords), sorted and unique. */
static int words_of(struct arena *a, const char *text, struct words *out)
{
	size_t cap = strlen(text) / 2 + 1, n = 0, i;
	const char **w = arena_alloc(a, cap * sizeof(*w));

	if (!w)
		return RC_ENOMEM;
	while (*text) {
		size_t len = 0;
		char *word;

		while (*text && !isalnum((unsigned char)*text))
			text++;
		while (isalnum((unsigned char)text[len]))
			len++;
		if (len < 3) {
			text += len;
			continue;
		}
		word = arena_strndup(a, text, len);
		if (!word)
			return RC_ENOMEM;
		for (i = 0; i < len; i++)
			word[i] = (char)tolower((unsigned char)word[i]);
		if (!is_stopword(word) && n < cap)
			w[n++] = word;
		text += len;
	}
	qsort(w, n, sizeof(*w), compare_words);
	for (i = 0, out->n = 0; i < n; i++)
		if (out->n == 0 || strcmp(w[out->n - 1], w[i]) != 0)
			w[out->n++] = w[i];
	out->w = w;
	return 0;
}

static size_t shared_words(const struct words *a, const struct words *b)
{
	size_t i = 0, k = 0, n = 0;

	while (i < a->n && k < b->n) {
		int d = strcmp(a->w[i], b->w[k]);

		n += d == 0;
		i += d <= 0;
		k += d >= 0;
	}
	return n;
}

enum { SUGGEST_MIN_SHARED = 2 };

/* The entry of `kind` whose words best cover the statement's, if it shares enough; else RC_NONE. */
static size_t best_entry(const struct words *entries, const rc_evidence_base *eb, rc_entry_kind kind,
                         const struct words *said)
{
	size_t best = RC_NONE, best_shared = 0, i;

	for (i = 0; i < rc_evidence_base_count(eb); i++) {
		size_t shared, smaller = said->n < entries[i].n ? said->n : entries[i].n;

		if (rc_evidence_base_entry(eb, i)->kind != kind)
			continue;
		shared = shared_words(said, &entries[i]);
		/* At least half of the shorter statement's words, and at least two. */
		if (shared >= SUGGEST_MIN_SHARED && shared * 2 >= smaller && shared > best_shared) {
			best = i;
			best_shared = shared;
		}
	}
	return best;
}

static void suggest(struct checker *c, struct arena *a, const struct words *entries, rc_entry_kind kind,
                    const char *text, rc_loc loc, rc_owner_kind owner, size_t index)
{
	struct words said;
	size_t best;

	if (words_of(a, text, &said) != 0) {
		c->status = RC_ENOMEM;
		return;
	}
	best = best_entry(entries, c->evidence, kind, &said);
	if (best != RC_NONE) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, best);

		report(c, loc, owner, index,
		       "%s resembles evidence-base entry '%s' (\"%s\"): add ref=\"%s\" if it makes the same point",
		       kind == RC_ENTRY_RISK ? "risk" : "assumption", e->id, e->text, e->id);
	}
}

/* Whether the model has a statement of `kind` (assumption or risk) without a ref: only they get suggestions. */
static int unreferenced(const rc_model *m, rc_entry_kind kind)
{
	size_t i;

	if (kind == RC_ENTRY_ASSUMPTION) {
		for (i = 0; i < m->assumptions.len; i++)
			if (!MODEL_AT(m, assumptions, rc_assumption, i)->ref)
				return 1;
	} else {
		for (i = 0; i < m->risks.len; i++)
			if (!MODEL_AT(m, risks, rc_risk, i)->ref)
				return 1;
	}
	return 0;
}

/* Tokenises only the entries of the kinds the model has statements without a ref of (best_entry skips the rest). */
void check_suggest_ref(struct checker *c)
{
	const rc_model *m = c->m;
	struct arena a = { 0 };
	struct words *entries;
	size_t n, i;
	int assumptions, risks;

	if (!c->evidence)
		return;
	assumptions = unreferenced(m, RC_ENTRY_ASSUMPTION);
	risks = unreferenced(m, RC_ENTRY_RISK);
	if (!assumptions && !risks)
		return;
	n = rc_evidence_base_count(c->evidence);
	entries = arena_alloc(&a, (n ? n : 1) * sizeof(*entries));
	for (i = 0; entries && i < n && !c->status; i++) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, i);
		size_t len;
		char *all;

		entries[i].w = NULL;
		entries[i].n = 0;
		if (!(e->kind == RC_ENTRY_ASSUMPTION && assumptions) && !(e->kind == RC_ENTRY_RISK && risks))
			continue;
		len = strlen(e->text) + (e->keywords ? strlen(e->keywords) : 0) + 2;
		all = arena_alloc(&a, len);
		if (!all) {
			c->status = RC_ENOMEM;
			break;
		}
		snprintf(all, len, "%s %s", e->text, e->keywords ? e->keywords : "");
		if (words_of(&a, all, &entries[i]) != 0)
			c->status = RC_ENOMEM;
	}
	if (!entries)
		c->status = RC_ENOMEM;
	for (i = 0; i < m->assumptions.len && !c->status; i++) {
		const rc_assumption *x = MODEL_AT(m, assumptions, rc_assumption, i);

		if (!x->ref)
			suggest(c, &a, entries, RC_ENTRY_ASSUMPTION, x->text, x->loc, x->owner, x->owner_index);
	}
	for (i = 0; i < m->risks.len && !c->status; i++) {
		const rc_risk *x = MODEL_AT(m, risks, rc_risk, i);

		if (!x->ref)
			suggest(c, &a, entries, RC_ENTRY_RISK, x->statement, x->loc, x->owner, x->owner_index);
	}
	arena_free(&a);
}
