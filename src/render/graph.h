/* Builds the diagram of a model as a cgraph graph, ready for layout or for writing as DOT. */
#ifndef RC_RENDER_GRAPH_H
#define RC_RENDER_GRAPH_H

#include <graphviz/cgraph.h>

#include "rchain/render.h"

/*
 * The graph of `in` (its selection, annotations, title, legend and key).
 * Caller-owned: close it with graphviz_close. NULL with the reason in `err`.
 */
Agraph_t *graph_build(const rc_render_input *in, rc_error *err);

#endif
