/* Content words of statements and an inverted index of them over the evidence base, for rule RC033. */
#ifndef RC_WORD_INDEX_H
#define RC_WORD_INDEX_H

#include "base/arena.h"
#include "base/idmap.h"
#include "rchain/evidence.h"

/*
 * The content words of a text (docs/rules.md): runs of letters and digits of
 * three or more, lower-cased, common words left out; sorted and unique after
 * words_finish(). The storage is reused from one text to the next.
 */
struct words {
	char *text;     /* the words, each NUL-terminated */
	const char **w; /* into `text` */
	size_t n;
	size_t text_len, text_cap, w_cap;
};

/* Empties `ws`, keeping its storage. */
void words_clear(struct words *ws);
/* Adds the content words of `text`; 0 or RC_ENOMEM. */
int words_add(struct words *ws, const char *text);
/* Sorts the words and drops repeats. */
void words_finish(struct words *ws);
void words_free(struct words *ws);

/*
 * Which entries of an evidence base use each content word. Every evidence
 * base keeps one of its entries (evidence_word_index()), built when a file is
 * added and never changed by a look-up, so checks share it.
 */
struct word_index {
	size_t entry_count;
	rc_entry_kind *kind;     /* per entry, its kind */
	struct arena strings;    /* the words, the keys of `vocabulary` */
	struct idmap vocabulary; /* word -> its number */
	size_t *first;           /* per word number, offset into `entries`; one more at the end */
	size_t *entries;         /* entry indices using each word, ascending */
	size_t *word_count;      /* per entry, its number of content words (text and keywords) */
};

/* Indexes the text and keywords of the `count` entries at `entries` (they may be freed after); 0 or RC_ENOMEM. */
int word_index_build(struct word_index *ix, const rc_entry *entries, size_t count);
void word_index_free(struct word_index *ix);

/* The index of the entries of `eb` (implemented with the evidence base). */
const struct word_index *evidence_word_index(const rc_evidence_base *eb);

/* A caller's scratch for word_index_best(), one count per entry of an index. */
struct word_tally {
	size_t *shared;  /* per entry, the words it shares with the statement; zero between look-ups */
	size_t *touched; /* the entries whose `shared` is not zero */
};

/* Sizes `t` for `ix`; 0 or RC_ENOMEM. */
int word_tally_init(struct word_tally *t, const struct word_index *ix);
void word_tally_free(struct word_tally *t);

/*
 * The entry of `kind` sharing the most content words with `said` (finished),
 * the first in the base on a tie, among those sharing at least two words and
 * at least half of the shorter word list's; RC_NONE when there is none.
 */
size_t word_index_best(const struct word_index *ix, struct word_tally *t, rc_entry_kind kind, const struct words *said);

#endif
