/* The graph builder: its state, and the calls that build with it and remember a failure instead of returning it. */
#ifndef RC_RENDER_BUILDER_H
#define RC_RENDER_BUILDER_H

#include <graphviz/cgraph.h>

#include "rchain/render.h"

/* What graph_build (graph.c) keeps while it builds; every pointer is borrowed or freed by graph_build. */
struct builder {
	Agraph_t *g;
	const rc_render_input *in;
	const rc_findings *findings;     /* NULL when nothing is annotated */
	const rc_confidence *confidence; /* NULL when nothing is rated */
	const unsigned char *keep;       /* per step: drawn (SELECT_STEP), as a stub (SELECT_STUB) or not (0) */
	unsigned char *strand_mask;      /* per strand: selected by a strand focus or page (a step's row); or NULL */
	struct overview_cell *cells;     /* the overview's boxes, one per strand slot and level; or NULL */
	Agnode_t **cell_nodes;           /* the node of each box drawn */
	rc_buffer scratch;               /* one attribute value at a time */
	Agnode_t **step_nodes;
	Agnode_t *level_nodes[RC_LEVEL_COUNT];
	size_t folds[RC_LEVEL_COUNT]; /* per level: the sub-columns its column is folded into (1: not folded) */
	size_t *sub_column;           /* per step: its sub-column within its level's column; or NULL */
	size_t *weakest_steps;        /* per step: stories whose weakest element it is */
	size_t *weakest_links;        /* per link */
	int big;                      /* over 1,000 steps and links: capped layout iterations, no link labels */
	int failed;
};

/* Sets attribute `name` of `obj` (NULL: the build failed). */
void builder_set(struct builder *b, void *obj, const char *name, const char *value);
/* Sets an HTML-like label from the scratch buffer. */
void builder_set_html(struct builder *b, void *obj, const char *name);
/* Sets a plain string attribute (a tooltip) to `text`, escaped. */
void builder_set_plain(struct builder *b, void *obj, const char *name, const char *text);

/* Append to the scratch buffer: text as it is, formatted, or wrapped and escaped (graphviz_wrap_html). */
void builder_put(struct builder *b, const char *s);
void builder_putf(struct builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void builder_put_wrapped(struct builder *b, const char *text, size_t width, size_t max_lines);
/* Replaces the scratch buffer with `text` in bold, wrapped at `width`. */
void builder_bold_label(struct builder *b, const char *text, size_t width);

/* An anonymous edge; NULL (and the build failed) when it, or either end, could not be made. */
Agedge_t *builder_edge(struct builder *b, Agnode_t *from, Agnode_t *to);
/* An invisible edge, with `weight` when not NULL. */
void builder_invisible_edge(struct builder *b, Agnode_t *from, Agnode_t *to, const char *weight);
/* A subgraph of `parent`; NULL (and the build failed) when it could not be made under its name. */
Agraph_t *builder_subgraph(struct builder *b, Agraph_t *parent, const char *name);
/* Creates a node in the root graph and places it in `parent`; NULL (and the build failed) on failure. */
Agnode_t *builder_node(struct builder *b, Agraph_t *parent, const char *name);

#endif
