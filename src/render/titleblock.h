/* The diagram's title block (what is drawn and what is left out) and its key node (legend, assumptions and risks). */
#ifndef RC_RENDER_TITLEBLOCK_H
#define RC_RENDER_TITLEBLOCK_H

#include "render/builder.h"

/*
 * The graph label: the model's title; how many of the model's steps and
 * links are drawn, naming the links left out and why; the findings about the
 * whole model and the influences on it. `steps` and `links` are those drawn.
 */
void titleblock_add(struct builder *b, size_t steps, size_t links);

/*
 * The node "key" beside the chain (after the final outcomes: to their right
 * when the levels run left to right, below them from top to bottom): the
 * legend and, as `in->key` asks, the assumptions and risks marked on drawn
 * steps and links. Call after the level headers exist.
 */
void titleblock_add_key(struct builder *b);

#endif
