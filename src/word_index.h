/* Content words of statements and an inverted index of them over the evidence base, for rule RC033. */
#ifndef RC_WORD_INDEX_H
#define RC_WORD_INDEX_H

#include "arena.h"
#include "idmap.h"
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

/* Which entries of an evidence base use each content word. */
struct word_index {
	const rc_evidence_base *eb; /* borrowed */
	struct arena strings;       /* the words, the keys of `vocabulary` */
	struct idmap vocabulary;    /* word -> its number */
	size_t *first;              /* per word number, offset into `entries`; one more at the end */
	size_t *entries;            /* entry indices using each word, ascending */
	size_t *word_count;         /* per entry, its number of content words (text and keywords) */
	size_t *shared;             /* per entry, scratch for word_index_best(): zero between calls */
	size_t *touched;            /* scratch: the entries whose `shared` is not zero */
};

/* Indexes the text and keywords of every entry of `eb`, which must outlive `ix`; 0 or RC_ENOMEM. */
int word_index_build(struct word_index *ix, const rc_evidence_base *eb);
void word_index_free(struct word_index *ix);

/*
 * The entry of `kind` sharing the most content words with `said` (finished),
 * the first in the base on a tie, among those sharing at least two words and
 * at least half of the shorter word list's; RC_NONE when there is none.
 */
size_t word_index_best(struct word_index *ix, rc_entry_kind kind, const struct words *said);

#endif
