/* Content words and the inverted word index of rule RC033, against a plain scan of every entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "evidence/word_index.h"

static char *joined(const struct words *ws)
{
	static char out[4096];
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < ws->n && n < sizeof(out); i++)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", i ? " " : "", ws->w[i]);
	return out;
}

static void test_words(void)
{
	struct words ws = { 0 };

	CU_ASSERT_EQUAL(words_add(&ws, "The Partners' shared UNDERSTANDING of outcomes, and outcomes; a bc 2016"), 0);
	words_finish(&ws);
	CU_ASSERT_STRING_EQUAL(joined(&ws), "2016 outcomes partners shared understanding");
	/* The storage is reused, and words of several texts are pooled. */
	words_clear(&ws);
	CU_ASSERT_EQUAL(words_add(&ws, "zeta alpha"), 0);
	CU_ASSERT_EQUAL(words_add(&ws, "alpha-beta, caf\xc3\xa9"), 0);
	words_finish(&ws);
	CU_ASSERT_STRING_EQUAL(joined(&ws), "alpha beta caf zeta");
	words_clear(&ws);
	words_finish(&ws);
	CU_ASSERT_EQUAL(ws.n, 0);
	words_free(&ws);
}

static void test_stopwords(void)
{
	struct words ws = { 0 };

	/* Every stopword, so a table out of order for bsearch() shows as a word left in. */
	CU_ASSERT_EQUAL(words_add(&ws, "about all and are been but can does for from has have into its more not other "
	                               "our than that the their them there these they this those through was were "
	                               "what when where which who will with within would Within ABOUT"),
	                0);
	words_finish(&ws);
	CU_ASSERT_STRING_EQUAL(joined(&ws), "");
	words_free(&ws);
}

/* The rule as first written: every entry of `kind` scanned, its words compared with the statement's. */
static size_t scan_best(const rc_evidence_base *eb, rc_entry_kind kind, const struct words *said)
{
	size_t best = RC_NONE, best_shared = 0, i, a, b;
	struct words ew = { 0 };

	for (i = 0; i < rc_evidence_base_entry_count(eb); i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, i);
		size_t shared = 0, smaller;

		if (e->kind != kind)
			continue;
		words_clear(&ew);
		CU_ASSERT_EQUAL(words_add(&ew, e->text), 0);
		if (e->keywords)
			CU_ASSERT_EQUAL(words_add(&ew, e->keywords), 0);
		words_finish(&ew);
		for (a = 0; a < said->n; a++)
			for (b = 0; b < ew.n; b++)
				shared += strcmp(said->w[a], ew.w[b]) == 0;
		smaller = said->n < ew.n ? said->n : ew.n;
		if (shared >= 2 && shared * 2 >= smaller && shared > best_shared) {
			best = i;
			best_shared = shared;
		}
	}
	words_free(&ew);
	return best;
}

static void expect_same(const rc_evidence_base *eb, struct word_tally *t, rc_entry_kind kind, const char *text,
                        size_t *found)
{
	const struct word_index *ix = evidence_word_index(eb);
	struct words said = { 0 };
	size_t fast, slow;

	CU_ASSERT_EQUAL_FATAL(words_add(&said, text), 0);
	words_finish(&said);
	fast = word_index_best(ix, t, kind, &said);
	slow = scan_best(eb, kind, &said);
	if (fast != slow)
		TEST_FAIL("'%s' (%s): the index gives entry %zu, a scan %zu", text, rc_entry_kind_name(kind), fast,
		          slow);
	*found += fast != RC_NONE;
	words_free(&said);
}

/* Every entry's text, and the halves of neighbouring entries glued together, as statements of every kind. */
static void test_index_matches_scan(void)
{
	const rc_evidence_base *eb = test_evidence_base();
	size_t n = rc_evidence_base_entry_count(eb), found = 0, i;
	struct word_tally t;
	int kind;

	CU_ASSERT_EQUAL_FATAL(word_tally_init(&t, evidence_word_index(eb)), 0);
	for (i = 0; i < n; i++) {
		const char *a = rc_evidence_base_entry(eb, i)->text, *b = rc_evidence_base_entry(eb, (i + 1) % n)->text;
		char glued[8192];

		snprintf(glued, sizeof(glued), "%.*s %s", (int)(strlen(a) / 2), a, b + strlen(b) / 2);
		for (kind = RC_ENTRY_ASSUMPTION; kind <= RC_ENTRY_AGREEMENT; kind++) {
			expect_same(eb, &t, (rc_entry_kind)kind, a, &found);
			expect_same(eb, &t, (rc_entry_kind)kind, glued, &found);
		}
	}
	expect_same(eb, &t, RC_ENTRY_ASSUMPTION, "words that no entry uses: zyzzyva quokka", &found);
	/* Exactly half of the shorter list: two of the four words of "There are shared understandings of final
	 * outcomes". */
	i = found;
	expect_same(eb, &t, RC_ENTRY_ASSUMPTION, "final outcomes zyzzyva quokka", &found);
	CU_ASSERT_EQUAL(found, i + 1);
	/* The comparison means something only if matches were found. */
	CU_ASSERT(found >= n);
	word_tally_free(&t);
}

static CU_TestInfo tests[] = {
	{ "content words: lower-cased, sorted, unique", test_words },
	{ "every stopword is left out", test_stopwords },
	{ "the index finds what a scan finds", test_index_matches_scan },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("word_index", tests);
}
