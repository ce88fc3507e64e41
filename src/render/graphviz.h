/* Talking to Graphviz 2.42: graphs with creation-order ids, closing them, the one context, label escaping. */
#ifndef RC_RENDER_GRAPHVIZ_H
#define RC_RENDER_GRAPHVIZ_H

#include <stddef.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "rchain/common.h"

/*
 * Opens an empty directed graph named `name` (the SVG's <title>) whose objects are numbered in creation order
 * (so DOT text and cluster stacking do not follow the allocator) and clears
 * the last Graphviz message. NULL when out of memory; close it with graphviz_close.
 */
Agraph_t *graphviz_open(const char *name);

/* Whether cgraph made `obj` (from a graph of graphviz_open) under its name; 0 when it could not record the name. */
int graphviz_named(const void *obj);

/* Closes a graph of graphviz_open, laid out or not, without the leak dot's fill subgraph would cause. */
void graphviz_close(Agraph_t *g);

/* The process's one gvc context, created on first use (a second one crashed Graphviz); NULL when it cannot start. */
GVC_t *graphviz_context(void);

/* What Graphviz last said (its errors are kept here, never printed), since the last graphviz_open. */
const char *graphviz_message(void);

/*
 * Appends `text` escaped for an HTML-like label and wrapped at word
 * boundaries to `width` characters, lines joined by <BR/>; with `max_lines`
 * (0: no limit) cut after that many lines with an ellipsis. Returns 0 or RC_ENOMEM.
 */
int graphviz_wrap_html(rc_buffer *out, const char *text, size_t width, size_t max_lines);

/* Appends `s` escaped for a plain Graphviz string such as a tooltip. Returns 0 or RC_ENOMEM. */
int graphviz_escape_plain(rc_buffer *out, const char *s);

#endif
