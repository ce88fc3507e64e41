/* Which steps and links a diagram draws (the focus and the size limits). */
#ifndef RC_RENDER_SELECTION_H
#define RC_RENDER_SELECTION_H

#include "rchain/render.h"

/* What a diagram draws of a step: nothing (0), the step, or a stub (a step of another strand on a strand page). */
enum { SELECT_STEP = 1, SELECT_STUB = 2 };

/*
 * Sets `mask` (one byte per strand) to the strands `id` names: a strand, or
 * every strand of a strand group. -1 when `id` names neither.
 */
int selection_strands(const rc_model *m, const char *id, unsigned char *mask);

/* The strand or strand group id a strand focus or strand page selects by, or NULL. */
const char *selection_strand_id(const rc_render_input *in);

/* Nonzero when link `l` is drawn: both ends resolve and, for a step link, both steps are in `keep`, not both as stubs.
 */
int selection_link_kept(const rc_link *l, const unsigned char *keep);

/*
 * The steps `in` draws, one byte each (SELECT_STEP or SELECT_STUB: see select_steps), with how many steps and links
 * that draws, when they are within the limits of `in`. Caller-owned (rc_free); NULL with the reason in `err`.
 */
unsigned char *selection_of(const rc_render_input *in, size_t *steps, size_t *links, rc_error *err);

#endif
