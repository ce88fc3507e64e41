/* How big a strand page prints, estimated without a layout: to fold its columns and to cut a model into pages. */
#ifndef RC_RENDER_PAGES_H
#define RC_RENDER_PAGES_H

#include "rchain/render.h"

/* On a strand page, step titles wrap at this many characters (RC_RENDER_WRAP elsewhere: docs/diagrams.md). */
enum { PAGES_WRAP = 14 };

/* How many sub-columns of at most `most` steps a column of `n` steps is folded into. */
size_t pages_folds(size_t n, size_t most);

/*
 * The estimated scale (at most 1) that fits the printed frame of the strand
 * page `in` draws: the steps `keep` marks (selection_of), in the rows of the
 * strands in `mask` (a step's home), each as many lines high as its label
 * (with `in`'s ratings and findings), `links` of the model's links drawn,
 * its columns folded into sub-columns of at most `*most` steps, `*most`
 * chosen for the best fit (the largest of equals, so a page that fits is not
 * folded). `lines_of`, when not NULL, keeps each step's label lines once
 * counted (0: not yet) for the next estimate of the same input. -1 when out
 * of memory.
 */
double pages_fit(const rc_render_input *in, const unsigned char *keep, const unsigned char *mask, size_t links,
                 size_t *most, size_t *lines_of);

#endif
