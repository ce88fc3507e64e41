/* The diagram back-end: builds the chain as a cgraph graph and renders it through gvc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "alloc.h"
#include "buffer.h"
#include "error.h"
#include "idmap.h"
#include "vec.h"
#include "model_internal.h"
#include "rchain/render.h"

enum { WRAP_COLUMNS = 28 };

static char graphviz_message[512];

/* Graphviz hands its messages here instead of printing them; it may send a message in pieces. */
static int keep_graphviz_message(char *text)
{
	size_t used = strlen(graphviz_message);

	snprintf(graphviz_message + used, sizeof(graphviz_message) - used, "%s", text);
	return 0;
}

/*
 * Object ids in creation order. cgraph orders subgraphs by id, and by default
 * a named object's id is the address of its name, so the DOT text (and the
 * order dot stacks clusters in) would follow the allocator. Here a named
 * object gets the next even number and an anonymous one the next odd number,
 * as in cgraph. (Declining to map names would also number them in order, but
 * cgraph 2.42 never frees its own name map, so every render would leak.)
 */
struct id_state {
	Agraph_t *g;         /* names are its refcounted strings: cgraph reads their header */
	struct idmap ids;    /* name -> index into `by_index` */
	struct vec by_index; /* const char *, in creation order */
	IDTYPE anonymous;
};

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	struct id_state *st = rc_calloc(1, sizeof(*st));

	(void)disc;
	if (st) {
		st->g = g;
		st->anonymous = 1;
	}
	return st;
}

/* The parameter types are cgraph's Agiddisc_t.map. */
/* cppcheck-suppress constParameter */
static long ids_map(void *state, int objtype, char *str, /* NOLINT(readability-non-const-parameter) */
                    IDTYPE *id, int createflag)
{
	struct id_state *st = state;
	const char **slot;
	char *copy;
	size_t i;

	(void)objtype;
	if (!st) /* its allocation failed in ids_open: cgraph then fails to open the graph */
		return 0;
	if (!str) {
		*id = st->anonymous;
		st->anonymous += 2;
		return 1;
	}
	i = idmap_get(&st->ids, str);
	if (i != RC_NONE) {
		*id = (IDTYPE)(i + 1) * 2;
		return 1;
	}
	if (!createflag || idmap_reserve(&st->ids, st->by_index.len + 1) != 0)
		return 0;
	copy = agstrdup(st->g, str); /* freed with the graph's string table */
	slot = copy ? vec_push(&st->by_index, sizeof(*slot)) : NULL;
	if (!slot)
		return 0;
	*slot = copy;
	idmap_put(&st->ids, copy, st->by_index.len - 1);
	*id = (IDTYPE)st->by_index.len * 2;
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 1;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	struct id_state *st = state;

	(void)objtype;
	if (!st || id % 2 != 0 || id == 0 || id / 2 > st->by_index.len)
		return NULL;
	return (char *)((const char **)st->by_index.data)[id / 2 - 1];
}

static void ids_close(void *state)
{
	struct id_state *st = state;

	if (!st)
		return;
	idmap_free(&st->ids);
	vec_free(&st->by_index);
	rc_free(st);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t creation_order_ids = { ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register };
static Agdisc_t graph_discipline = { &AgMemDisc, &creation_order_ids, &AgIoDisc };

/* One gvc context per process: Graphviz crashed when a second one was created after freeing the first. */
static GVC_t *graphviz(void)
{
	static GVC_t *gvc;

	if (!gvc) {
		agseterrf(keep_graphviz_message);
		gvc = gvContext();
	}
	return gvc;
}

/* Appends `s` escaped for an HTML-like label: markup characters and the backslash escapes of Graphviz. */
static int escape_html(rc_buffer *out, const char *s, size_t len)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < len && !rc; i++) {
		switch (s[i]) {
		case '&': rc = buffer_puts(out, "&amp;"); break;
		case '<': rc = buffer_puts(out, "&lt;"); break;
		case '>': rc = buffer_puts(out, "&gt;"); break;
		case '"': rc = buffer_puts(out, "&quot;"); break;
		/* Graphviz decodes entities and then expands \N, \G...: only a doubled backslash stays one. */
		case '\\': rc = buffer_puts(out, "\\\\"); break;
		default: rc = buffer_append(out, s + i, 1); break;
		}
	}
	return rc;
}

static size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Byte length of the first `chars` characters of `s`. */
static size_t utf8_prefix(const char *s, size_t chars)
{
	size_t i = 0;

	while (s[i] && chars > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

/* Appends `text` escaped and wrapped at word boundaries to `width` characters, lines joined by <BR/>. */
static int wrap_html(rc_buffer *out, const char *text, size_t width)
{
	size_t line = 0;
	int rc = 0;

	while (*text && !rc) {
		size_t word = strcspn(text, " ");
		size_t chars = utf8_length(text, word);

		if (line > 0 && line + 1 + chars > width) {
			rc = buffer_puts(out, "<BR/>");
			line = 0;
		} else if (line > 0) {
			rc = buffer_puts(out, " ");
			line++;
		}
		while (!rc && chars > width) { /* a word longer than a line is split */
			size_t cut = utf8_prefix(text, width);

			rc = escape_html(out, text, cut);
			if (!rc)
				rc = buffer_puts(out, "<BR/>");
			text += cut;
			word -= cut;
			chars -= width;
		}
		if (!rc)
			rc = escape_html(out, text, word);
		line += chars;
		text += word;
		text += strspn(text, " ");
	}
	return rc;
}

/*
 * Escapes a plain (non-HTML) Graphviz string such as a tooltip: only the
 * backslash is special, and a tooltip is unescaped twice (once as a string,
 * once for \N and friends), so each backslash becomes four.
 */
static int escape_plain(rc_buffer *out, const char *s)
{
	int rc = 0;

	for (; *s && !rc; s++)
		rc = *s == '\\'  ? buffer_puts(out, "\\\\\\\\")
		     : *s == '&' ? buffer_puts(out, "&amp;") /* Graphviz keeps "&lt;" and friends as entities */
		                 : buffer_append(out, s, 1);
	return rc;
}

struct builder {
	Agraph_t *g;
	const rc_render_input *in;
	rc_buffer scratch;
	Agnode_t **step_nodes;
	Agnode_t *level_nodes[RC_LEVEL_COUNT];
	int failed;
};

static void set(struct builder *b, void *obj, const char *name, const char *value)
{
	if (agsafeset(obj, (char *)name, (char *)value, "") != 0)
		b->failed = 1;
}

static void set_html(struct builder *b, void *obj, const char *name, const char *html)
{
	char *s = agstrdup_html(b->g, (char *)html);

	if (!s) {
		b->failed = 1;
		return;
	}
	set(b, obj, name, s);
	agstrfree(b->g, s);
}

static void set_plain(struct builder *b, void *obj, const char *name, const char *text)
{
	b->scratch.len = 0;
	if (escape_plain(&b->scratch, text) != 0) {
		b->failed = 1;
		return;
	}
	set(b, obj, name, b->scratch.data ? b->scratch.data : "");
}

static void declare_defaults(Agraph_t *g, rc_layout_direction direction)
{
	agattr(g, AGRAPH, "rankdir", direction == RC_LAYOUT_TB ? "TB" : "LR");
	agattr(g, AGRAPH, "newrank", "true");
	agattr(g, AGRAPH, "nodesep", "0.3");
	agattr(g, AGRAPH, "ranksep", "0.6");
	agattr(g, AGRAPH, "fontname", "DejaVu Sans");
	agattr(g, AGRAPH, "labelloc", "t");
	agattr(g, AGRAPH, "labeljust", "l");
	agattr(g, AGRAPH, "label", "");
	agattr(g, AGRAPH, "rank", "");
	agattr(g, AGRAPH, "style", "");
	agattr(g, AGRAPH, "color", "black");
	agattr(g, AGRAPH, "bgcolor", "");
	agattr(g, AGNODE, "shape", "box");
	agattr(g, AGNODE, "style", "rounded,filled");
	agattr(g, AGNODE, "fillcolor", "white");
	agattr(g, AGNODE, "color", "#555555");
	agattr(g, AGNODE, "penwidth", "1");
	agattr(g, AGNODE, "fontname", "DejaVu Sans");
	agattr(g, AGNODE, "fontsize", "11");
	agattr(g, AGNODE, "margin", "0.1,0.05");
	agattr(g, AGNODE, "label", "\\N");
	agattr(g, AGNODE, "tooltip", "");
	agattr(g, AGNODE, "id", "");
	agattr(g, AGEDGE, "style", "solid");
	agattr(g, AGEDGE, "constraint", "true");
	agattr(g, AGEDGE, "weight", "1");
	agattr(g, AGEDGE, "color", "#333333");
	agattr(g, AGEDGE, "penwidth", "1");
	agattr(g, AGEDGE, "arrowhead", "normal");
	agattr(g, AGEDGE, "tooltip", "");
	agattr(g, AGEDGE, "id", "");
}

/* Appends `text` in bold, wrapped at `width`, to the scratch buffer (emptied first). */
static const char *bold_label(struct builder *b, const char *text, size_t width)
{
	b->scratch.len = 0;
	if (buffer_puts(&b->scratch, "<B>") || wrap_html(&b->scratch, text, width) ||
	    buffer_puts(&b->scratch, "</B>")) {
		b->failed = 1;
		return NULL;
	}
	return b->scratch.data;
}

static void add_invisible_edge(struct builder *b, Agnode_t *from, Agnode_t *to, const char *weight)
{
	Agedge_t *e = agedge(b->g, from, to, NULL, 1);

	set(b, e, "style", "invis");
	if (weight)
		set(b, e, "weight", weight);
}

/* Creates a node in the root graph and places it in `parent`. */
static Agnode_t *new_node(struct builder *b, Agraph_t *parent, const char *name)
{
	Agnode_t *n = agnode(b->g, (char *)name, 1);

	if (n && parent != b->g)
		n = agsubnode(parent, n, 1);
	if (!n)
		b->failed = 1;
	return n;
}

static void add_level_headers(struct builder *b)
{
	rc_level level;
	char name[32];

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		Agnode_t *n;

		snprintf(name, sizeof(name), "level_%s", rc_level_id(level));
		n = agnode(b->g, name, 1);
		b->level_nodes[level] = n;
		if (!bold_label(b, rc_level_title(level), 18))
			return;
		set_html(b, n, "label", b->scratch.data);
		set(b, n, "style", "filled");
		set(b, n, "fillcolor", "#e8e8e8");
		set(b, n, "color", "#e8e8e8");
		set(b, n, "id", name);
		if (level > 0)
			add_invisible_edge(b, b->level_nodes[level - 1], n, "100");
	}
}

static void add_step(struct builder *b, Agraph_t *parent, const rc_step *s)
{
	const rc_findings *f = b->in->findings;
	size_t count = f ? rc_findings_count_step(f, s->index, RC_SEVERITY_WARNING) : 0;
	char name[32];
	Agnode_t *n;

	snprintf(name, sizeof(name), "s%zu", s->index);
	n = new_node(b, parent, name);
	b->step_nodes[s->index] = n;
	b->scratch.len = 0;
	if (buffer_puts(&b->scratch, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\"><TR><TD>") ||
	    wrap_html(&b->scratch, s->title, WRAP_COLUMNS) || buffer_puts(&b->scratch, "</TD></TR>") ||
	    (count &&
	     buffer_printf(&b->scratch,
	                   "<TR><TD BGCOLOR=\"#E69F00\"><FONT POINT-SIZE=\"9\">! %zu finding%s</FONT></TD></TR>", count,
	                   count == 1 ? "" : "s")) ||
	    buffer_puts(&b->scratch, "</TABLE>")) {
		b->failed = 1;
		return;
	}
	set_html(b, n, "label", b->scratch.data);
	set_plain(b, n, "tooltip", s->title);
	b->scratch.len = 0;
	if (buffer_printf(&b->scratch, "step-%s", s->id)) {
		b->failed = 1;
		return;
	}
	set(b, n, "id", b->scratch.data);
	if (count) {
		set(b, n, "penwidth", "2.5");
		set(b, n, "color", "#D55E00");
	}
}

/* One row (cluster) of a stranded model: a label node in the rows column, then the steps. */
static void add_row(struct builder *b, const char *id, const char *title, size_t strand, Agraph_t *rows)
{
	const rc_model *m = b->in->model;
	char name[48];
	const char *label;
	Agraph_t *cluster;
	Agnode_t *head;
	rc_level level;
	size_t i;

	snprintf(name, sizeof(name), "cluster_row_%s", id);
	cluster = agsubg(b->g, name, 1);
	set(b, cluster, "style", "rounded");
	set(b, cluster, "color", "#999999");
	set(b, cluster, "label", "");
	snprintf(name, sizeof(name), "row_%s", id);
	head = new_node(b, cluster, name);
	agsubnode(rows, head, 1);
	label = bold_label(b, title, 24);
	if (!label)
		return;
	set_html(b, head, "label", label);
	set(b, head, "shape", "plaintext");
	set(b, head, "style", "");
	set(b, head, "id", name);
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t n;
		const size_t *steps = rc_model_steps_in(m, level, strand, &n);

		for (i = 0; i < n; i++)
			add_step(b, cluster, MODEL_AT(m, steps, rc_step, steps[i]));
	}
}

static size_t unstranded_steps(const rc_model *m)
{
	size_t n = 0, count;
	rc_level level;

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		rc_model_steps_in(m, level, RC_NONE, &count);
		n += count;
	}
	return n;
}

/* The header row: the level headers and the corner above the row labels, in one borderless cluster. */
static void add_header_row(struct builder *b, Agraph_t *rows)
{
	Agraph_t *headers = agsubg(b->g, "cluster_levels", 1);
	Agnode_t *corner = new_node(b, headers, "rows");
	rc_level level;

	set(b, headers, "style", "invis");
	set(b, headers, "label", "");
	set(b, corner, "label", "");
	set(b, corner, "style", "invis");
	agsubnode(rows, corner, 1);
	for (level = 0; level < RC_LEVEL_COUNT; level++)
		agsubnode(headers, b->level_nodes[level], 1);
	add_invisible_edge(b, corner, b->level_nodes[0], "100");
}

/*
 * Strands are rows (columns with --direction TB): one cluster per strand with
 * its label in a column of row labels before the inputs, and a row for steps
 * without a strand. dot stacks clusters in the order they are created, the
 * first at the bottom when the ranks run left to right, so for LR the rows
 * are created from the last up to the header row.
 */
static void add_rows(struct builder *b)
{
	const rc_model *m = b->in->model;
	Agraph_t *rows = agsubg(b->g, "rank_rows", 1);
	size_t count = m->strands.len + 2, i;
	int reverse = b->in->direction == RC_LAYOUT_LR;

	set(b, rows, "rank", "same");
	for (i = 0; i < count && !b->failed; i++) {
		size_t row = reverse ? count - 1 - i : i; /* 0: headers, 1..n: strands, n + 1: no strand */

		if (row == 0) {
			add_level_headers(b);
			add_header_row(b, rows);
		} else if (row <= m->strands.len) {
			char id[32];

			snprintf(id, sizeof(id), "%zu", row - 1);
			add_row(b, id, MODEL_AT(m, strands, rc_strand, row - 1)->name, row - 1, rows);
		} else if (unstranded_steps(m) > 0) {
			add_row(b, "none", "No strand", RC_NONE, rows);
		}
	}
}

/* Without strands the steps are free, and invisible flat edges keep each header above its column. */
static void add_free_steps(struct builder *b)
{
	const rc_model *m = b->in->model;
	rc_level level;
	size_t i;

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t n;
		const size_t *steps = rc_model_steps_at(m, level, &n);

		for (i = 0; i < n; i++) {
			add_step(b, b->g, MODEL_AT(m, steps, rc_step, steps[i]));
			add_invisible_edge(b, b->level_nodes[level], b->step_nodes[steps[i]], NULL);
		}
	}
}

/* Each level's steps share a rank with its header: the columns. */
static void add_steps(struct builder *b)
{
	const rc_model *m = b->in->model;
	rc_level level;
	size_t i;
	char name[48];

	if (m->strands.len) {
		add_rows(b);
	} else {
		add_level_headers(b);
		add_free_steps(b);
	}
	for (level = 0; level < RC_LEVEL_COUNT && !b->failed; level++) {
		size_t n;
		const size_t *steps = rc_model_steps_at(m, level, &n);
		Agraph_t *rank;

		snprintf(name, sizeof(name), "rank_%s", rc_level_id(level));
		rank = agsubg(b->g, name, 1);
		set(b, rank, "rank", "same");
		agsubnode(rank, b->level_nodes[level], 1);
		for (i = 0; i < n; i++)
			agsubnode(rank, b->step_nodes[steps[i]], 1);
	}
}

static void add_links(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;
	char name[32];

	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = MODEL_AT(m, links, rc_link, i);
		Agnode_t *from, *to;
		Agedge_t *e;

		if (!l->resolved)
			continue;
		from = l->column ? b->level_nodes[l->from_level] : b->step_nodes[l->from_step];
		to = l->column ? b->level_nodes[l->to_level] : b->step_nodes[l->to_step];
		e = agedge(b->g, from, to, NULL, 1);
		snprintf(name, sizeof(name), "link-%zu", i);
		set(b, e, "id", name);
		if (l->kind == RC_LINK_FEEDBACK)
			set(b, e, "style", "dashed");
		/* Only forward causal links may shape the columns. */
		if (l->kind == RC_LINK_FEEDBACK || l->to_level <= l->from_level)
			set(b, e, "constraint", "false");
		if (l->column) {
			set(b, e, "penwidth", "3");
			set(b, e, "color", "#0072B2");
		}
	}
}

int rc_diagram_fits(const rc_model *m, size_t max_steps, size_t max_links, rc_error *err)
{
	size_t steps = max_steps ? max_steps : RC_RENDER_MAX_STEPS;
	size_t links = max_links ? max_links : RC_RENDER_MAX_LINKS;

	if (m->steps.len > steps)
		return error_set_at(err, RC_ELIMIT, m->file, 0, 0,
		                    "%zu steps is over the diagram limit of %zu (layout would take too long); raise it "
		                    "with --max-steps",
		                    m->steps.len, steps);
	if (m->links.len > links)
		return error_set_at(err, RC_ELIMIT, m->file, 0, 0,
		                    "%zu links is over the diagram limit of %zu (layout would take too long); raise it "
		                    "with --max-links",
		                    m->links.len, links);
	return 0;
}

/* Builds the graph of `in` into `*out` (caller closes it with agclose); 0 or a negative rc_status. */
static int build_graph(Agraph_t **out, const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	struct builder b;
	int rc;

	*out = NULL;
	rc = rc_diagram_fits(m, in->max_steps, in->max_links, err);
	if (rc != 0)
		return rc;
	graphviz_message[0] = '\0';
	memset(&b, 0, sizeof(b));
	b.in = in;
	b.step_nodes = rc_calloc(m->steps.len, sizeof(Agnode_t *));
	b.g = agopen("rchain", Agdirected, &graph_discipline);
	if (!b.step_nodes || !b.g) {
		b.failed = 1;
		goto done;
	}
	declare_defaults(b.g, in->direction);
	/*
	 * Crossing minimisation and network simplex have no bound of their own: 300
	 * steps with 2,991 crossing links took 14 s. On a big graph, cap their
	 * iterations (a plainer layout, in a few seconds).
	 */
	if (m->steps.len + m->links.len > 1000) {
		agattr(b.g, AGRAPH, "mclimit", "0.01");
		agattr(b.g, AGRAPH, "nslimit", "1");
		agattr(b.g, AGRAPH, "nslimit1", "1");
	}
	if (!bold_label(&b, m->title, 90))
		goto done;
	set_html(&b, b.g, "label", b.scratch.data);
	add_steps(&b);
	if (!b.failed)
		add_links(&b);
done:
	rc_free(b.step_nodes);
	rc_buffer_free(&b.scratch);
	if (b.failed) {
		if (b.g)
			agclose(b.g);
		return error_set(err, RC_ENOMEM, "out of memory building the diagram");
	}
	*out = b.g;
	return 0;
}

static int render_dot(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	Agraph_t *g;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int rc = build_graph(&g, in, err);

	if (rc != 0)
		return rc;
	mem = open_memstream(&text, &len);
	if (!mem || agwrite(g, mem) != 0 || fclose(mem) != 0 || buffer_append(out, text, len) != 0)
		rc = error_set(err, RC_ENOMEM, "out of memory writing DOT");
	free(text);
	agclose(g);
	return rc;
}

static int render_with_graphviz(rc_buffer *out, const rc_render_input *in, const char *format, rc_error *err)
{
	GVC_t *gvc = graphviz();
	Agraph_t *g;
	char *data = NULL;
	unsigned int len = 0;
	int rc = 0;

	if (!gvc)
		return error_set(err, RC_ENOMEM, "cannot start Graphviz");
	rc = build_graph(&g, in, err);
	if (rc != 0)
		return rc;
	if (gvLayout(gvc, g, "dot") != 0) {
		rc = error_set(err, RC_ERENDER, "Graphviz could not lay out the diagram: %s", graphviz_message);
	} else {
		/* On failure gvRenderData leaves `data` stale: it is freed only after success. */
		if (gvRenderData(gvc, g, format, &data, &len) != 0) {
			rc = error_set(err, RC_ERENDER, "Graphviz could not render %s: %s", format, graphviz_message);
		} else {
			if (buffer_append(out, data, len) != 0)
				rc = error_set(err, RC_ENOMEM, "out of memory rendering %s", format);
			gvFreeRenderData(data);
		}
		gvFreeLayout(gvc, g);
	}
	agclose(g);
	return rc;
}

static int render_svg(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	return render_with_graphviz(out, in, "svg", err);
}

static int render_png(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	return render_with_graphviz(out, in, "png", err);
}

static int render_pdf(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	return render_with_graphviz(out, in, "pdf", err);
}

static const rc_renderer diagram_renderers[] = {
	{ "svg", "svg", render_svg },
	{ "png", "png", render_png },
	{ "pdf", "pdf", render_pdf },
	{ "dot", "dot", render_dot },
};

size_t rc_diagram_renderer_count(void)
{
	return sizeof(diagram_renderers) / sizeof(diagram_renderers[0]);
}

const rc_renderer *rc_diagram_renderer_at(size_t i)
{
	return i < rc_diagram_renderer_count() ? &diagram_renderers[i] : NULL;
}

const rc_renderer *rc_diagram_renderer(const char *name)
{
	size_t i;

	for (i = 0; i < rc_diagram_renderer_count(); i++)
		if (strcmp(diagram_renderers[i].name, name) == 0)
			return &diagram_renderers[i];
	return NULL;
}
