/* "Did you mean": the closest of a set of known words to a misspelt one, by edit distance. */
#include <string.h>

#include "rchain/common.h"

/* Words longer than this get no suggestion: the distance table stays on the stack. */
#define LONGEST 128

static unsigned char fold(char ch)
{
	unsigned char u = (unsigned char)ch;

	return u >= 'A' && u <= 'Z' ? (unsigned char)(u - 'A' + 'a') : u;
}

static size_t smallest(size_t a, size_t b)
{
	return a < b ? a : b;
}

/*
 * Optimal string alignment distance between `a` and `b` (lengths `la`, `lb`):
 * the fewest single-byte insertions, deletions, substitutions and swaps of two
 * neighbours, ASCII letters compared without case. Three rows of the table are
 * kept: the swap looks two rows back.
 */
static size_t distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t rows[3][LONGEST + 1];
	size_t i, j;

	for (j = 0; j <= lb; j++)
		rows[0][j] = j;
	for (i = 1; i <= la; i++) {
		size_t *row = rows[i % 3], *up = rows[(i - 1) % 3], *up2 = rows[(i + 1) % 3];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = fold(a[i - 1]) != fold(b[j - 1]);

			row[j] = smallest(smallest(up[j] + 1, row[j - 1] + 1), up[j - 1] + cost);
			if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
				row[j] = smallest(row[j], up2[j - 2] + 1);
		}
	}
	return rows[la % 3][lb];
}

void rc_suggestion_init(rc_suggestion *s, const char *word)
{
	size_t len = strlen(word);

	s->word = word;
	s->best = NULL;
	/* At most two edits, and no more than a third of the word (at least one): "ab" is not a typo of "cd". */
	s->distance = len > LONGEST ? 0 : smallest(RC_SUGGEST_MAX_EDITS, len < 3 ? 1 : len / 3) + 1;
}

void rc_suggestion_offer(rc_suggestion *s, const char *candidate)
{
	size_t la = strlen(s->word), lb = strlen(candidate), d;

	if (s->distance == 0 || lb > LONGEST || (la > lb ? la - lb : lb - la) >= s->distance)
		return;
	d = distance(s->word, la, candidate, lb);
	if (d < s->distance) {
		s->distance = d;
		s->best = candidate;
	}
}
