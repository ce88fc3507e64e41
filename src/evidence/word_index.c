/* Content words and the inverted index behind RC033: each statement meets only the entries sharing a word. */
#include "evidence/word_index.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/vec.h"

/* Sorted, for bsearch(). */
static const char *const stopwords[] = {
	"about", "all",   "and",  "are",   "been",  "but",  "can",   "does",  "for",     "from",
	"has",   "have",  "into", "its",   "more",  "not",  "other", "our",   "than",    "that",
	"the",   "their", "them", "there", "these", "they", "this",  "those", "through", "was",
	"were",  "what",  "when", "where", "which", "who",  "will",  "with",  "within",  "would",
};

enum { SUGGEST_MIN_SHARED = 2 };

static int compare_words(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_stopword(const char *w)
{
	return bsearch(&w, stopwords, sizeof(stopwords) / sizeof(stopwords[0]), sizeof(stopwords[0]), compare_words) !=
	       NULL;
}

void words_clear(struct words *ws)
{
	ws->n = 0;
	ws->text_len = 0;
}

int words_add(struct words *ws, const char *text)
{
	void *grown = ws->text;

	/* Each word takes at most its letters and a NUL: never more than the text and its NUL. */
	if (rc_grow(&grown, &ws->text_cap, ws->text_len + strlen(text) + 1, 1) != 0)
		return RC_ENOMEM;
	ws->text = grown;
	while (*text) {
		char *word = ws->text + ws->text_len;
		size_t len = 0;

		while (*text && !isalnum((unsigned char)*text))
			text++;
		while (isalnum((unsigned char)text[len]))
			len++;
		if (len >= 3) {
			size_t i;

			for (i = 0; i < len; i++)
				word[i] = (char)tolower((unsigned char)text[i]);
			word[len] = '\0';
			if (!is_stopword(word)) {
				ws->text_len += len + 1;
				ws->n++;
			}
		}
		text += len;
	}
	grown = ws->w;
	if (rc_grow(&grown, &ws->w_cap, ws->n, sizeof(*ws->w)) != 0)
		return RC_ENOMEM;
	ws->w = grown;
	return 0;
}

void words_finish(struct words *ws)
{
	size_t i, at, n = 0;

	/* The words lie end to end in `text`; words_add() made room for a pointer to each. */
	for (i = 0, at = 0; i < ws->n; i++) {
		ws->w[i] = ws->text + at;
		at += strlen(ws->w[i]) + 1;
	}
	if (ws->n)
		qsort(ws->w, ws->n, sizeof(*ws->w), compare_words);
	for (i = 0; i < ws->n; i++)
		if (n == 0 || strcmp(ws->w[n - 1], ws->w[i]) != 0)
			ws->w[n++] = ws->w[i];
	ws->n = n;
}

void words_free(struct words *ws)
{
	rc_free(ws->text);
	rc_free(ws->w);
	memset(ws, 0, sizeof(*ws));
}

/* One use of a word by an entry, while the index is built. */
struct use {
	size_t word;
	size_t entry;
};

/* The number of `word`, adding it to the vocabulary when new; RC_NONE on failure. */
static size_t word_number(struct word_index *ix, const char *word)
{
	size_t number = idmap_get(&ix->vocabulary, word);
	char *copy;

	if (number != RC_NONE)
		return number;
	copy = arena_strndup(&ix->strings, word, strlen(word));
	if (!copy || idmap_reserve(&ix->vocabulary, ix->vocabulary.count + 1) != 0)
		return RC_NONE;
	number = ix->vocabulary.count;
	idmap_put(&ix->vocabulary, copy, number);
	return number;
}

static int add_use(struct word_index *ix, struct vec *uses, const char *word, size_t entry)
{
	struct use *u = vec_push(uses, sizeof(*u));

	if (!u)
		return RC_ENOMEM;
	u->word = word_number(ix, word);
	u->entry = entry;
	return u->word == RC_NONE ? RC_ENOMEM : 0;
}

/* Every (word, entry) use, entries ascending, and the word count of each entry. */
static int collect_uses(struct word_index *ix, const rc_entry *entries, struct vec *uses)
{
	struct words ws = { 0 };
	size_t i, k;
	int rc = 0;

	for (i = 0; i < ix->entry_count && rc == 0; i++) {
		const rc_entry *e = &entries[i];

		words_clear(&ws);
		if (words_add(&ws, e->text) != 0 || (e->keywords && words_add(&ws, e->keywords) != 0)) {
			rc = RC_ENOMEM;
			break;
		}
		words_finish(&ws);
		ix->kind[i] = e->kind;
		ix->word_count[i] = ws.n;
		for (k = 0; k < ws.n && rc == 0; k++)
			rc = add_use(ix, uses, ws.w[k], i);
	}
	words_free(&ws);
	return rc;
}

int word_index_build(struct word_index *ix, const rc_entry *entries, size_t count)
{
	size_t words, i;
	struct vec uses = { 0 };
	const struct use *u;
	int rc = RC_ENOMEM;

	memset(ix, 0, sizeof(*ix));
	ix->entry_count = count;
	ix->kind = rc_calloc(count, sizeof(*ix->kind));
	ix->word_count = rc_calloc(count, sizeof(*ix->word_count));
	if (!ix->kind || !ix->word_count || idmap_init(&ix->vocabulary, 256) != 0 ||
	    collect_uses(ix, entries, &uses) != 0)
		goto done;
	words = ix->vocabulary.count;
	ix->first = rc_calloc(words + 1, sizeof(*ix->first));
	ix->entries = rc_calloc(uses.len, sizeof(*ix->entries));
	if (!ix->first || !ix->entries)
		goto done;
	/* A counting sort by word, stable, so each word's entries stay ascending. */
	u = uses.data;
	for (i = 0; i < uses.len; i++)
		ix->first[u[i].word + 1]++;
	for (i = 0; i < words; i++)
		ix->first[i + 1] += ix->first[i];
	for (i = 0; i < uses.len; i++)
		ix->entries[ix->first[u[i].word]++] = u[i].entry;
	/* Each offset has moved to the end of its word, which is where the next word starts. */
	memmove(ix->first + 1, ix->first, words * sizeof(*ix->first));
	ix->first[0] = 0;
	rc = 0;
done:
	vec_free(&uses);
	if (rc != 0)
		word_index_free(ix);
	return rc;
}

void word_index_free(struct word_index *ix)
{
	arena_free(&ix->strings);
	idmap_free(&ix->vocabulary);
	rc_free(ix->first);
	rc_free(ix->entries);
	rc_free(ix->word_count);
	rc_free(ix->kind);
	memset(ix, 0, sizeof(*ix));
}

int word_tally_init(struct word_tally *t, const struct word_index *ix)
{
	t->shared = rc_calloc(ix->entry_count, sizeof(*t->shared));
	t->touched = rc_calloc(ix->entry_count, sizeof(*t->touched));
	if (t->shared && t->touched)
		return 0;
	word_tally_free(t);
	return RC_ENOMEM;
}

void word_tally_free(struct word_tally *t)
{
	rc_free(t->shared);
	rc_free(t->touched);
	memset(t, 0, sizeof(*t));
}

size_t word_index_best(const struct word_index *ix, struct word_tally *t, rc_entry_kind kind, const struct words *said)
{
	size_t best = RC_NONE, best_shared = 0, touched = 0, i, k;

	for (i = 0; i < said->n; i++) {
		size_t word = idmap_get(&ix->vocabulary, said->w[i]);

		for (k = word == RC_NONE ? 0 : ix->first[word]; word != RC_NONE && k < ix->first[word + 1]; k++)
			if (t->shared[ix->entries[k]]++ == 0)
				t->touched[touched++] = ix->entries[k];
	}
	for (i = 0; i < touched; i++) {
		size_t e = t->touched[i], shared = t->shared[e];
		size_t smaller = said->n < ix->word_count[e] ? said->n : ix->word_count[e];

		t->shared[e] = 0;
		if (ix->kind[e] != kind)
			continue;
		/* At least half of the shorter statement's words, and at least two; the first entry wins a tie. */
		if (shared >= SUGGEST_MIN_SHARED && shared * 2 >= smaller &&
		    (shared > best_shared || (shared == best_shared && e < best))) {
			best = e;
			best_shared = shared;
		}
	}
	return best;
}
