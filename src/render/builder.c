/* The graph builder's state and the calls that build with it, remembering a failure instead of returning it. */
#include <stdarg.h>

#include "base/buffer.h"
#include "render/builder.h"
#include "render/graphviz.h"

void builder_set(struct builder *b, void *obj, const char *name, const char *value)
{
	if (!obj || agsafeset(obj, (char *)name, (char *)value, "") != 0)
		b->failed = 1;
}

/* Sets an HTML-like label from the scratch buffer. */
void builder_set_html(struct builder *b, void *obj, const char *name)
{
	char *s = b->failed ? NULL : agstrdup_html(b->g, b->scratch.data ? b->scratch.data : "");

	if (!s) {
		b->failed = 1;
		return;
	}
	builder_set(b, obj, name, s);
	agstrfree(b->g, s);
}

void builder_set_plain(struct builder *b, void *obj, const char *name, const char *text)
{
	b->scratch.len = 0;
	if (graphviz_escape_plain(&b->scratch, text) != 0) {
		b->failed = 1;
		return;
	}
	builder_set(b, obj, name, b->scratch.data ? b->scratch.data : "");
}

/* Appends to the scratch buffer; a failure is remembered. */
void builder_put(struct builder *b, const char *s)
{
	if (!b->failed && buffer_puts(&b->scratch, s) != 0)
		b->failed = 1;
}

void builder_putf(struct builder *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!b->failed && buffer_vprintf(&b->scratch, fmt, ap) != 0)
		b->failed = 1;
	va_end(ap);
}

void builder_put_wrapped(struct builder *b, const char *text, size_t width, size_t max_lines)
{
	if (!b->failed && graphviz_wrap_html(&b->scratch, text, width, max_lines) != 0)
		b->failed = 1;
}

/* An anonymous edge; NULL (and the build failed) when it, or either end, could not be made. */
Agedge_t *builder_edge(struct builder *b, Agnode_t *from, Agnode_t *to)
{
	Agedge_t *e = from && to ? agedge(b->g, from, to, NULL, 1) : NULL;

	if (!e)
		b->failed = 1;
	return e;
}

/* A subgraph of `parent`; NULL (and the build failed) when it could not be made under its name. */
Agraph_t *builder_subgraph(struct builder *b, Agraph_t *parent, const char *name)
{
	Agraph_t *g = agsubg(parent, (char *)name, 1);

	if (!graphviz_named(g)) {
		b->failed = 1;
		return NULL;
	}
	return g;
}

void builder_invisible_edge(struct builder *b, Agnode_t *from, Agnode_t *to, const char *weight)
{
	Agedge_t *e = builder_edge(b, from, to);

	if (!e)
		return;
	builder_set(b, e, "style", "invis");
	if (weight)
		builder_set(b, e, "weight", weight);
}

/* Creates a node in the root graph and places it in `parent`. */
Agnode_t *builder_node(struct builder *b, Agraph_t *parent, const char *name)
{
	Agnode_t *n = agnode(b->g, (char *)name, 1);

	if (!graphviz_named(n))
		n = NULL;
	if (n && parent != b->g)
		n = agsubnode(parent, n, 1);
	if (!n)
		b->failed = 1;
	return n;
}

/* Replaces the scratch buffer with `text` in bold, wrapped at `width`. */
void builder_bold_label(struct builder *b, const char *text, size_t width)
{
	b->scratch.len = 0;
	builder_put(b, "<B>");
	builder_put_wrapped(b, text, width, 0);
	builder_put(b, "</B>");
}
