/* Which steps and links a diagram draws (the focus and the size limits). */
#ifndef RC_RENDER_SELECTION_H
#define RC_RENDER_SELECTION_H

#include "rchain/render.h"

/* Nonzero when link `l` is drawn: both ends resolve and, for a step link, both steps are in `keep`. */
int selection_link_kept(const rc_link *l, const unsigned char *keep);

/*
 * The steps `in` draws, one byte each (all, or the focus and every step on a
 * pathway into it), with how many steps and links that draws, when they are
 * within the limits of `in`. Caller-owned (rc_free); NULL with the reason in `err`.
 */
unsigned char *selection_of(const rc_render_input *in, size_t *steps, size_t *links, rc_error *err);

#endif
