/* The diagram back-ends (SVG, PNG, PDF, DOT): the graph of graph.c, laid out and rendered through gvc. */
#include <stdio.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/error.h"
#include "render/graph.h"
#include "render/graphviz.h"
#include "render/selection.h"
#include "render/backends.h"

int rc_diagram_fits(const rc_render_input *in, rc_error *err)
{
	size_t steps, links;
	unsigned char *keep = selection_of(in, &steps, &links, err);

	if (!keep)
		return err->status;
	rc_free(keep);
	return 0;
}

int diagram_dot(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	Agraph_t *g = graph_build(in, err);
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int rc = 0;

	if (!g)
		return err->status;
	mem = open_memstream(&text, &len);
	if (!mem || agwrite(g, mem) != 0 || fclose(mem) != 0 || buffer_append(out, text, len) != 0)
		rc = error_set(err, RC_ENOMEM, "out of memory writing DOT");
	free(text);
	graphviz_close(g);
	return rc;
}

static int render_with_graphviz(rc_buffer *out, const rc_render_input *in, const char *format, rc_error *err)
{
	GVC_t *gvc = graphviz_context();
	Agraph_t *g;
	char *data = NULL;
	unsigned int len = 0;
	int rc = 0;

	if (!gvc)
		return error_set(err, RC_ENOMEM, "cannot start Graphviz");
	g = graph_build(in, err);
	if (!g)
		return err->status;
	if (gvLayout(gvc, g, "dot") != 0) {
		rc = error_set(err, RC_ERENDER, "Graphviz could not lay out the diagram: %s", graphviz_message());
	} else {
		/* On failure gvRenderData leaves `data` stale: it is freed only after success. */
		if (gvRenderData(gvc, g, format, &data, &len) != 0) {
			rc = error_set(err, RC_ERENDER, "Graphviz could not render %s: %s", format, graphviz_message());
		} else {
			if (buffer_append(out, data, len) != 0)
				rc = error_set(err, RC_ENOMEM, "out of memory rendering %s", format);
			gvFreeRenderData(data);
		}
		gvFreeLayout(gvc, g);
	}
	graphviz_close(g);
	return rc;
}

int diagram_svg(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	return render_with_graphviz(out, in, "svg", err);
}

int diagram_png(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	return render_with_graphviz(out, in, "png", err);
}

int diagram_pdf(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	return render_with_graphviz(out, in, "pdf", err);
}
