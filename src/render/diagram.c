/* The diagram back-end: builds the chain as a cgraph graph and renders it through gvc. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "model/chain.h"
#include "base/error.h"
#include "base/idmap.h"
#include "base/vec.h"
#include "model/internal.h"
#include "rchain/render.h"

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
 * A name that cannot be recorded for want of memory is not declined either:
 * the object gets an odd id, which the builder takes for the failure it is
 * (named_ok). The state also keeps dot's fill subgraph (see close_graph).
 */
struct id_state {
	Agraph_t *g;         /* names are its refcounted strings: cgraph reads their header */
	struct idmap ids;    /* name -> index into `by_index` */
	struct vec by_index; /* const char *, in creation order */
	IDTYPE anonymous;
	Agraph_t *fill;    /* the subgraph named FILL_SUBGRAPH, from its creation until it is closed */
	size_t fill_attrs; /* how many graph attributes there were when it was created */
};

/* The subgraph dot puts the nodes in that fill a cluster's empty ranks when newrank=true (Graphviz 2.42). */
#define FILL_SUBGRAPH "_new_rank"

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
	if (!createflag)
		return 0;
	/* The copy is freed with the graph's string table. */
	copy = idmap_reserve(&st->ids, st->by_index.len + 1) == 0 ? agstrdup(st->g, str) : NULL;
	slot = copy ? vec_push(&st->by_index, sizeof(*slot)) : NULL;
	if (!slot) {
		if (copy)
			agstrfree(st->g, copy);
		*id = st->anonymous;
		st->anonymous += 2;
		return 1;
	}
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
	struct id_state *st = state;

	if (st && st->fill && objtype == AGRAPH && AGID(st->fill) == id)
		st->fill = NULL;
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

static size_t graph_attributes(Agraph_t *g)
{
	Agsym_t *sym = NULL;
	size_t n = 0;

	while ((sym = agnxtattr(g, AGRAPH, sym)) != NULL)
		n++;
	return n;
}

static void ids_register(void *state, int objtype, void *obj)
{
	struct id_state *st = state;
	const char *name;

	if (!st || objtype != AGRAPH)
		return;
	name = ids_print(st, objtype, AGID((Agraph_t *)obj));
	if (name && strcmp(name, FILL_SUBGRAPH) == 0) {
		st->fill = obj;
		st->fill_attrs = graph_attributes(st->g);
	}
}

static Agiddisc_t creation_order_ids = { ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register };
static Agdisc_t graph_discipline = { &AgMemDisc, &creation_order_ids, &AgIoDisc };

/*
 * Closes a graph. After layout, dot takes its fill subgraph out of the root's
 * list of subgraphs (agdelsubg) without closing it, and the subgraph's
 * attribute dictionaries still view the root's: agclose(root) then stops half
 * way and the whole graph leaks, 4 of the library's allocations with it.
 * Closing the fill subgraph first ends those views. A graph attribute declared
 * after the subgraph was unlinked would be missing from its attribute record,
 * and closing it would read past the record's end (declare_defaults
 * declares the one gvLayout adds); then the graph is left to leak instead.
 */
static void close_graph(Agraph_t *g)
{
	struct id_state *st = g->clos->state.id;

	if (st && st->fill && graph_attributes(g) == st->fill_attrs)
		agclose(st->fill);
	agclose(g);
}

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
	static const char *const escapes[ESCAPE_TABLE_SIZE] = {
		['&'] = "&amp;",
		['<'] = "&lt;",
		['>'] = "&gt;",
		['"'] = "&quot;",
		/* Graphviz decodes entities and then expands \N, \G...: only a doubled backslash stays one. */
		['\\'] = "\\\\",
	};

	return buffer_escape(out, s, len, escapes);
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

/*
 * Appends `text` escaped and wrapped at word boundaries to `width` characters,
 * lines joined by <BR/>. With `max_lines` (0: no limit) the text is cut after
 * that many lines and ends in an ellipsis. Text with nothing to show (empty,
 * or only spaces) gives one space: Graphviz rejects an empty <B></B>,
 * <FONT></FONT> or label, and then draws the object's name instead.
 */
static int wrap_html(rc_buffer *out, const char *text, size_t width, size_t max_lines)
{
	size_t line = 0, lines = 1;
	int rc = 0;

	text += strspn(text, " ");
	if (!*text)
		return buffer_puts(out, " ");
	while (*text && !rc) {
		size_t word = strcspn(text, " ");
		size_t chars = utf8_length(text, word);

		if (line > 0 && line + 1 + chars > width) {
			if (lines == max_lines)
				return buffer_puts(out, " …");
			rc = buffer_puts(out, "<BR/>");
			lines++;
			line = 0;
		} else if (line > 0) {
			rc = buffer_puts(out, " ");
			line++;
		}
		while (!rc && chars > width) { /* a word longer than a line is split */
			size_t cut = utf8_prefix(text, width);

			rc = escape_html(out, text, cut);
			if (!rc && lines == max_lines)
				return buffer_puts(out, "…");
			if (!rc)
				rc = buffer_puts(out, "<BR/>");
			lines++;
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
	static const char *const escapes[ESCAPE_TABLE_SIZE] = {
		['\\'] = "\\\\\\\\", ['&'] = "&amp;", /* Graphviz keeps "&lt;" and friends as entities */
	};

	return buffer_escape(out, s, strlen(s), escapes);
}

/*
 * How confidence is drawn (docs/diagrams.md): Okabe-Ito colours, a tint of
 * each for step fills, and a text mark, so colour is never the only signal.
 */
static const struct {
	const char *fill;
	const char *line;
	const char *mark;
	const char *name;
	const char *penwidth;
} confidence_style[] = {
	[RC_RATING_NONE] = { "#FFFFFF", "#999999", "○○○", "unrated", "1" },
	[RC_RATING_LOW] = { "#F0D7E5", "#CC79A7", "●○○", "low", "1.5" },
	[RC_RATING_MEDIUM] = { "#F8E2B3", "#E69F00", "●●○", "medium", "2" },
	[RC_RATING_HIGH] = { "#B3E2D5", "#009E73", "●●●", "high", "2.5" },
};

#define FINDINGS_COLOR "#D55E00"
#define WARNINGS_COLOR "#F0E442"
#define COLUMN_COLOR "#0072B2"

enum { KEY_WRAP = 70 };

struct builder {
	Agraph_t *g;
	const rc_render_input *in;
	const rc_findings *findings; /* NULL when nothing is annotated */
	const unsigned char *keep;   /* per step: drawn */
	rc_buffer scratch;           /* one attribute value at a time */
	Agnode_t **step_nodes;
	Agnode_t *level_nodes[RC_LEVEL_COUNT];
	size_t *weakest_steps; /* per step: stories whose weakest element it is */
	size_t *weakest_links; /* per link */
	int big;               /* over 1,000 steps and links: capped layout iterations, no link labels */
	int failed;
};

/*
 * Whether cgraph made `obj` under its name: the id discipline numbers names
 * 2, 4, 6...; an odd id, or 0 (no discipline state), means it could not
 * record the name.
 */
static int named_ok(const void *obj)
{
	return obj && AGID(obj) != 0 && AGID(obj) % 2 == 0;
}

static void set(struct builder *b, void *obj, const char *name, const char *value)
{
	if (!obj || agsafeset(obj, (char *)name, (char *)value, "") != 0)
		b->failed = 1;
}

/* Sets an HTML-like label from the scratch buffer. */
static void set_html(struct builder *b, void *obj, const char *name)
{
	char *s = b->failed ? NULL : agstrdup_html(b->g, b->scratch.data ? b->scratch.data : "");

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

/* Appends to the scratch buffer; a failure is remembered. */
static void put(struct builder *b, const char *s)
{
	if (!b->failed && buffer_puts(&b->scratch, s) != 0)
		b->failed = 1;
}

static void putf(struct builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct builder *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!b->failed && buffer_vprintf(&b->scratch, fmt, ap) != 0)
		b->failed = 1;
	va_end(ap);
}

static void put_wrapped(struct builder *b, const char *text, size_t width, size_t max_lines)
{
	if (!b->failed && wrap_html(&b->scratch, text, width, max_lines) != 0)
		b->failed = 1;
}

static void declare_defaults(Agraph_t *g, rc_layout_direction direction)
{
	agattr(g, AGRAPH, "rankdir", (char *)rc_layout_direction_name(direction)); /* cgraph copies it */
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
	agattr(g, AGRAPH, "bb", ""); /* gvLayout sets it after dot has made its fill subgraph (see close_graph) */
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
	agattr(g, AGEDGE, "label", "");
	agattr(g, AGEDGE, "xlabel", "");
	agattr(g, AGEDGE, "fontname", "DejaVu Sans");
	agattr(g, AGEDGE, "fontsize", "9");
	agattr(g, AGEDGE, "tooltip", "");
	agattr(g, AGEDGE, "id", "");
}

/* An anonymous edge; NULL (and the build failed) when it, or either end, could not be made. */
static Agedge_t *new_edge(struct builder *b, Agnode_t *from, Agnode_t *to)
{
	Agedge_t *e = from && to ? agedge(b->g, from, to, NULL, 1) : NULL;

	if (!e)
		b->failed = 1;
	return e;
}

/* A subgraph of the root graph; NULL (and the build failed) when it could not be made under its name. */
static Agraph_t *new_subgraph(struct builder *b, const char *name)
{
	Agraph_t *g = agsubg(b->g, (char *)name, 1);

	if (!named_ok(g)) {
		b->failed = 1;
		return NULL;
	}
	return g;
}

static void add_invisible_edge(struct builder *b, Agnode_t *from, Agnode_t *to, const char *weight)
{
	Agedge_t *e = new_edge(b, from, to);

	if (!e)
		return;
	set(b, e, "style", "invis");
	if (weight)
		set(b, e, "weight", weight);
}

/* Creates a node in the root graph and places it in `parent`. */
static Agnode_t *new_node(struct builder *b, Agraph_t *parent, const char *name)
{
	Agnode_t *n = agnode(b->g, (char *)name, 1);

	if (!named_ok(n))
		n = NULL;
	if (n && parent != b->g)
		n = agsubnode(parent, n, 1);
	if (!n)
		b->failed = 1;
	return n;
}

/* Replaces the scratch buffer with `text` in bold, wrapped at `width`. */
static void bold_label(struct builder *b, const char *text, size_t width)
{
	b->scratch.len = 0;
	put(b, "<B>");
	put_wrapped(b, text, width, 0);
	put(b, "</B>");
}

static void add_level_headers(struct builder *b)
{
	rc_level level;
	char name[32];

	for (level = 0; level < RC_LEVEL_COUNT && !b->failed; level++) {
		Agnode_t *n;

		snprintf(name, sizeof(name), "level_%s", rc_level_name(level));
		n = new_node(b, b->g, name);
		b->level_nodes[level] = n;
		if (!n)
			return;
		bold_label(b, rc_level_title(level), 18);
		set_html(b, n, "label");
		set(b, n, "style", "filled");
		set(b, n, "fillcolor", "#E8E8E8");
		set(b, n, "color", "#E8E8E8");
		set(b, n, "id", name);
		if (level > 0)
			add_invisible_edge(b, b->level_nodes[level - 1], n, "100");
	}
}

/* Appends the markers of a range of assumptions ("A3 A4") or risks to the scratch buffer. */
static void put_markers(struct builder *b, char letter, rc_range r)
{
	size_t i;

	for (i = r.first; i < r.first + r.count; i++)
		putf(b, " %c%zu", letter, i + 1);
}

/*
 * The annotation rows under a title: confidence mark, evidence count and
 * markers; the weakest-link mark; the findings badge. `count` are the
 * element's errors and warnings.
 */
static void put_annotations(struct builder *b, rc_rating rating, size_t evidence, rc_range assumptions, rc_range risks,
                            size_t weakest, const size_t count[2])
{
	const rc_render_input *in = b->in;

	if (b->findings) {
		putf(b, "<TR><TD><FONT POINT-SIZE=\"9\">%s %s", confidence_style[rating].mark,
		     confidence_style[rating].name);
		if (!in->hide_evidence && evidence)
			putf(b, " · E%zu", evidence);
		put(b, "</FONT></TD></TR>");
	}
	if (!in->hide_evidence && assumptions.count + risks.count) {
		put(b, "<TR><TD><FONT POINT-SIZE=\"9\">");
		put_markers(b, 'A', assumptions);
		put_markers(b, 'R', risks);
		put(b, "</FONT></TD></TR>");
	}
	if (weakest)
		putf(b, "<TR><TD><FONT POINT-SIZE=\"9\"><B>◆ weakest link (%zu outcome%s)</B></FONT></TD></TR>",
		     weakest, weakest == 1 ? "" : "s");
	if (count[0] + count[1]) {
		putf(b, "<TR><TD BGCOLOR=\"%s\"><FONT POINT-SIZE=\"9\" COLOR=\"%s\">",
		     count[0] ? FINDINGS_COLOR : WARNINGS_COLOR, count[0] ? "#FFFFFF" : "#000000");
		if (count[0])
			putf(b, "✖ %zu error%s", count[0], count[0] == 1 ? "" : "s");
		if (count[1])
			putf(b, "%s▲ %zu warning%s", count[0] ? " · " : "", count[1], count[1] == 1 ? "" : "s");
		put(b, "</FONT></TD></TR>");
	}
}

/* Errors and warnings (not silenced) about a step or a link, when findings are drawn. */
static void finding_counts(const struct builder *b, int is_step, size_t index, size_t count[2])
{
	size_t (*of)(const rc_findings *, size_t, rc_severity) =
	        is_step ? rc_findings_count_step : rc_findings_count_link;

	count[0] = count[1] = 0;
	if (!b->findings || b->in->no_findings)
		return;
	count[0] = of(b->findings, index, RC_SEVERITY_ERROR);
	count[1] = of(b->findings, index, RC_SEVERITY_WARNING) - count[0];
}

static void add_step(struct builder *b, Agraph_t *parent, const rc_step *s)
{
	rc_rating rating = b->findings ? rc_findings_step_confidence(b->findings, s->index) : RC_RATING_NONE;
	size_t weakest = b->weakest_steps ? b->weakest_steps[s->index] : 0;
	size_t count[2];
	char name[32];
	Agnode_t *n;

	snprintf(name, sizeof(name), "s%zu", s->index);
	n = new_node(b, parent, name);
	b->step_nodes[s->index] = n;
	if (!n)
		return;
	finding_counts(b, 1, s->index, count);
	b->scratch.len = 0;
	put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD>");
	put_wrapped(b, s->title, RC_RENDER_WRAP, RC_RENDER_TITLE_LINES);
	put(b, "</TD></TR>");
	put_annotations(b, rating, s->evidence.count, s->assumptions, s->risks, weakest, count);
	put(b, "</TABLE>");
	set_html(b, n, "label");
	set_plain(b, n, "tooltip", s->title);
	b->scratch.len = 0;
	putf(b, "step-%s", s->id);
	if (!b->failed)
		set(b, n, "id", b->scratch.data);
	if (b->findings) {
		set(b, n, "fillcolor", confidence_style[rating].fill);
		if (rating == RC_RATING_NONE)
			set(b, n, "style", "rounded,filled,dashed");
	}
	if (count[0] + count[1]) {
		set(b, n, "penwidth", "3");
		set(b, n, "color", FINDINGS_COLOR);
	} else if (weakest) {
		set(b, n, "penwidth", "3");
		set(b, n, "color", "#000000");
	}
}

/* Steps of `level` in `strand` that are drawn. */
static size_t kept_in(const struct builder *b, rc_level level, size_t strand)
{
	size_t n, i, kept = 0;
	const size_t *steps = rc_model_steps_in(b->in->model, level, strand, &n);

	for (i = 0; i < n; i++)
		kept += b->keep[steps[i]];
	return kept;
}

/* One row (cluster) of a stranded model: a label node in the rows column, then the steps. */
static void add_row(struct builder *b, const char *id, const char *title, size_t strand, Agraph_t *rows)
{
	const rc_model *m = b->in->model;
	char name[48];
	Agraph_t *cluster;
	Agnode_t *head;
	rc_level level;
	size_t i, kept = 0;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		kept += kept_in(b, level, strand);
	if (kept == 0)
		return;
	snprintf(name, sizeof(name), "cluster_row_%s", id);
	cluster = new_subgraph(b, name);
	snprintf(name, sizeof(name), "row_%s", id);
	head = cluster ? new_node(b, cluster, name) : NULL;
	if (!head || !agsubnode(rows, head, 1)) {
		b->failed = 1;
		return;
	}
	set(b, cluster, "style", "rounded");
	set(b, cluster, "color", "#999999");
	set(b, cluster, "label", "");
	bold_label(b, title, 24);
	set_html(b, head, "label");
	set(b, head, "shape", "plaintext");
	set(b, head, "style", "");
	set(b, head, "id", name);
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t n;
		const size_t *steps = rc_model_steps_in(m, level, strand, &n);

		for (i = 0; i < n && !b->failed; i++)
			if (b->keep[steps[i]])
				add_step(b, cluster, STEP(m, steps[i]));
	}
}

/* The header row: the level headers and the corner above the row labels, in one borderless cluster. */
static void add_header_row(struct builder *b, Agraph_t *rows)
{
	Agraph_t *headers = new_subgraph(b, "cluster_levels");
	Agnode_t *corner = headers ? new_node(b, headers, "rows") : NULL;
	rc_level level;

	if (!corner || !agsubnode(rows, corner, 1)) {
		b->failed = 1;
		return;
	}
	set(b, headers, "style", "invis");
	set(b, headers, "label", "");
	set(b, corner, "label", "");
	set(b, corner, "style", "invis");
	for (level = 0; level < RC_LEVEL_COUNT; level++)
		if (!agsubnode(headers, b->level_nodes[level], 1))
			b->failed = 1;
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
	Agraph_t *rows = new_subgraph(b, "rank_rows");
	size_t count = m->strands.len + 2, i;
	int reverse = b->in->direction == RC_LAYOUT_LR;

	if (!rows) {
		b->failed = 1;
		return;
	}
	set(b, rows, "rank", "same");
	for (i = 0; i < count && !b->failed; i++) {
		size_t row = reverse ? count - 1 - i : i; /* 0: headers, 1..n: strands, n + 1: no strand */

		if (row == 0) {
			add_level_headers(b);
			if (!b->failed)
				add_header_row(b, rows);
		} else if (row <= m->strands.len) {
			char id[32];

			snprintf(id, sizeof(id), "%zu", row - 1);
			add_row(b, id, MODEL_AT(m, strands, rc_strand, row - 1)->name, row - 1, rows);
		} else {
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

		for (i = 0; i < n && !b->failed; i++)
			if (b->keep[steps[i]]) {
				add_step(b, b->g, STEP(m, steps[i]));
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

		snprintf(name, sizeof(name), "rank_%s", rc_level_name(level));
		rank = new_subgraph(b, name);
		if (!rank || !agsubnode(rank, b->level_nodes[level], 1)) {
			b->failed = 1;
			return;
		}
		set(b, rank, "rank", "same");
		for (i = 0; i < n; i++)
			if (b->keep[steps[i]] && !agsubnode(rank, b->step_nodes[steps[i]], 1))
				b->failed = 1;
	}
}

/* Nonzero when link `l` is drawn: both ends resolve and, for a step link, both steps are drawn. */
static int link_kept(const rc_link *l, const unsigned char *keep)
{
	return l->resolved && (l->column || (keep[l->from_step] && keep[l->to_step]));
}

static void add_link(struct builder *b, const rc_link *l)
{
	rc_rating rating = b->findings ? rc_findings_link_confidence(b->findings, l->index) : RC_RATING_NONE;
	size_t weakest = b->weakest_links ? b->weakest_links[l->index] : 0;
	Agnode_t *from = l->column ? b->level_nodes[l->from_level] : b->step_nodes[l->from_step];
	Agnode_t *to = l->column ? b->level_nodes[l->to_level] : b->step_nodes[l->to_step];
	Agedge_t *e = new_edge(b, from, to);
	size_t count[2];
	char name[32];

	if (!e)
		return;
	snprintf(name, sizeof(name), "link-%zu", l->index);
	set(b, e, "id", name);
	if (l->kind == RC_LINK_FEEDBACK)
		set(b, e, "style", "dashed");
	if (l->kind == RC_LINK_BLACK_BOX) { /* a claimed contribution whose steps are not drawn */
		set(b, e, "style", "dotted");
		set(b, e, "arrowhead", "onormal");
	}
	/* Only forward causal links may shape the columns. */
	if (l->kind == RC_LINK_FEEDBACK || l->to_level <= l->from_level)
		set(b, e, "constraint", "false");
	if (l->column) {
		set(b, e, "penwidth", "3");
		set(b, e, "color", COLUMN_COLOR);
		return;
	}
	finding_counts(b, 0, l->index, count);
	if (b->findings) {
		set(b, e, "color", confidence_style[rating].line);
		set(b, e, "penwidth", weakest ? "4" : confidence_style[rating].penwidth);
	}
	/*
	 * A label only where there is something to say: an unrated plain link stays
	 * a thin grey line. A big graph has no link labels: placing thousands of
	 * them costs more than the layout (docs/diagrams.md).
	 */
	if (b->big || (rating == RC_RATING_NONE && !weakest && count[0] + count[1] == 0 &&
	               (b->in->hide_evidence || l->assumptions.count + l->risks.count == 0)))
		return;
	b->scratch.len = 0;
	put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
	put_annotations(b, rating, l->evidence.count, l->assumptions, l->risks, weakest, count);
	put(b, "</TABLE>");
	/* dot 2.42 corrupts its heap laying out a labelled edge within one rank: such a label is placed afterwards. */
	set_html(b, e, l->from_level == l->to_level ? "xlabel" : "label");
}

static void add_links(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;

	for (i = 0; i < m->links.len && !b->failed; i++)
		if (link_kept(LINK(m, i), b->keep))
			add_link(b, LINK(m, i));
}

/* Counts, per step and per link, the outcome stories whose weakest element it is. */
static int count_weakest(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;

	if (!b->findings)
		return 0;
	b->weakest_steps = rc_calloc(m->steps.len + 1, sizeof(size_t));
	b->weakest_links = rc_calloc(m->links.len + 1, sizeof(size_t));
	if (!b->weakest_steps || !b->weakest_links)
		return -1;
	for (i = 0; i < rc_findings_story_count(b->findings); i++) {
		const rc_story *s = rc_findings_story(b->findings, i);

		if (!b->keep[s->outcome] || s->weakest_index == RC_NONE)
			continue;
		if (s->weakest == RC_OWNER_STEP)
			b->weakest_steps[s->weakest_index]++;
		else
			b->weakest_links[s->weakest_index]++;
	}
	return 0;
}

/* Nonzero when the owner of a step or link annotation is drawn. */
static int owner_drawn(const struct builder *b, rc_owner_kind owner, size_t index)
{
	return owner == RC_OWNER_STEP ? b->keep[index]
	                              : owner == RC_OWNER_LINK && link_kept(LINK(b->in->model, index), b->keep);
}

/* One marker of the key, by its position among the assumptions and then the risks. */
static void put_key_entry(struct builder *b, size_t i)
{
	const rc_model *m = b->in->model;
	int risk = i >= m->assumptions.len;
	size_t at = risk ? i - m->assumptions.len : i;

	putf(b, "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><B>%c%zu</B></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">",
	     risk ? 'R' : 'A', at + 1);
	put_wrapped(b,
	            risk ? MODEL_AT(m, risks, rc_risk, at)->statement
	                 : MODEL_AT(m, assumptions, rc_assumption, at)->text,
	            KEY_WRAP, 0);
	put(b, "</TD>");
}

/*
 * The key: the full text of every assumption and risk marked on a drawn step
 * or link (those about the whole model are in the report), in up to three
 * columns filled top to bottom.
 */
static void put_key(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t total = m->assumptions.len + m->risks.len, n = 0, i, row, col, columns, rows;
	size_t *shown = rc_malloc(total * sizeof(size_t) + 1);

	if (!shown) {
		b->failed = 1;
		return;
	}
	for (i = 0; i < total; i++) {
		const rc_assumption *a = i < m->assumptions.len ? MODEL_AT(m, assumptions, rc_assumption, i) : NULL;
		const rc_risk *r = a ? NULL : MODEL_AT(m, risks, rc_risk, i - m->assumptions.len);

		if (a ? owner_drawn(b, a->owner, a->owner_index) : owner_drawn(b, r->owner, r->owner_index))
			shown[n++] = i;
	}
	columns = n > 24 ? 3 : n > 8 ? 2 : 1;
	rows = (n + columns - 1) / columns;
	if (n)
		putf(b,
		     "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">"
		     "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%zu\"><B>Key: assumptions (A) and risks (R)</B></TD></TR>",
		     2 * columns);
	for (row = 0; row < rows; row++) {
		put(b, "<TR>");
		for (col = 0; col < columns && col * rows + row < n; col++)
			put_key_entry(b, shown[col * rows + row]);
		put(b, "</TR>");
	}
	if (n)
		put(b, "</TABLE></TD></TR>");
	rc_free(shown);
}

static void put_legend(struct builder *b)
{
	put(b, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
	       "CELLPADDING=\"3\">");
	if (b->findings) {
		int r;

		put(b, "<TR><TD ALIGN=\"LEFT\"><B>Confidence</B></TD>");
		for (r = RC_RATING_HIGH; r >= RC_RATING_NONE; r--)
			putf(b, "<TD BGCOLOR=\"%s\">%s %s</TD>", confidence_style[r].fill, confidence_style[r].mark,
			     confidence_style[r].name);
		put(b, "<TD ALIGN=\"LEFT\">unrated: dashed border, no evidence</TD></TR>");
	}
	put(b, "<TR><TD ALIGN=\"LEFT\"><B>Links</B></TD><TD>solid: causal</TD><TD>dashed: feedback</TD>"
	       "<TD><FONT COLOR=\"" COLUMN_COLOR "\"><B>thick blue</B></FONT>: column link</TD>");
	put(b, b->findings ? "<TD COLSPAN=\"2\" ALIGN=\"LEFT\">colour and mark: link confidence</TD></TR>" : "</TR>");
	if (b->findings && !b->in->no_findings)
		put(b, "<TR><TD ALIGN=\"LEFT\"><B>Findings</B></TD><TD BGCOLOR=\"" FINDINGS_COLOR
		       "\"><FONT COLOR=\"#FFFFFF\">✖ errors</FONT></TD><TD BGCOLOR=\"" WARNINGS_COLOR
		       "\">▲ warnings</TD><TD COLSPAN=\"3\" ALIGN=\"LEFT\">thick vermillion border: has "
		       "findings</TD></TR>");
	if (b->findings)
		put(b, "<TR><TD ALIGN=\"LEFT\"><B>Stories</B></TD><TD COLSPAN=\"5\" ALIGN=\"LEFT\">◆ weakest link: the "
		       "weakest step or link on an outcome's strongest pathway (thick black)</TD></TR>");
	if (!b->in->hide_evidence)
		put(b, "<TR><TD ALIGN=\"LEFT\"><B>Evidence</B></TD><TD COLSPAN=\"5\" ALIGN=\"LEFT\">E2: two pieces of "
		       "evidence; A1, R1: assumptions and risks (see the key)</TD></TR>");
	put(b, "</TABLE></TD></TR>");
}

/* The graph label: title, what is drawn, legend and key. */
static void add_title(struct builder *b, size_t steps, size_t links)
{
	const rc_model *m = b->in->model;

	b->scratch.len = 0;
	put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
	       "<FONT POINT-SIZE=\"20\"><B>");
	put_wrapped(b, m->title, 80, 0);
	putf(b, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\">%zu step%s, %zu link%s", steps, steps == 1 ? "" : "s",
	     links, links == 1 ? "" : "s");
	if (b->in->focus)
		putf(b, ": the pathways into step '%s'", b->in->focus);
	put(b, "</TD></TR>");
	put_legend(b);
	if (!b->in->hide_evidence)
		put_key(b);
	put(b, "</TABLE>");
	set_html(b, b->g, "label");
}

/* Which steps a diagram draws, one byte each: all, or the focus and every step on a pathway into it; NULL on failure.
 */
static unsigned char *select_steps(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	const rc_step *focus = in->focus ? rc_model_find_step(m, in->focus) : NULL;
	unsigned char *keep;
	size_t *queue;

	if (in->focus && !focus) {
		error_set_at(err, RC_EARG, m->file, 0, 0, "there is no step '%s' to focus on", in->focus);
		return NULL;
	}
	keep = rc_malloc(m->steps.len + 1);
	queue = focus ? rc_malloc(m->steps.len * sizeof(size_t)) : NULL;
	if (!keep || (focus && !queue)) {
		rc_free(keep);
		error_set(err, RC_ENOMEM, "out of memory selecting the steps to draw");
		return NULL;
	}
	memset(keep, !focus, m->steps.len);
	if (focus) {
		keep[focus->index] = 1;
		chain_spread(m, keep, queue, 1);
		rc_free(queue);
	}
	return keep;
}

/* Counts what `keep` draws and refuses a diagram over the limits of `in`. */
static int within_limits(const rc_render_input *in, const unsigned char *keep, size_t *steps, size_t *links,
                         rc_error *err)
{
	const rc_model *m = in->model;
	size_t max_steps = in->max_steps ? in->max_steps : RC_RENDER_MAX_STEPS;
	size_t max_links = in->max_links ? in->max_links : RC_RENDER_MAX_LINKS;
	size_t i;

	*steps = *links = 0;
	for (i = 0; i < m->steps.len; i++)
		*steps += keep[i];
	for (i = 0; i < m->links.len; i++)
		*links += link_kept(LINK(m, i), keep) != 0;
	if (*steps > max_steps)
		return error_set_at(
		        err, RC_ELIMIT, m->file, 0, 0,
		        "%zu steps is over the diagram limit of %zu (layout would take too long); draw part "
		        "of the model with --focus STEP, or raise the limit with --max-steps",
		        *steps, max_steps);
	if (*links > max_links)
		return error_set_at(
		        err, RC_ELIMIT, m->file, 0, 0,
		        "%zu links is over the diagram limit of %zu (layout would take too long); draw part "
		        "of the model with --focus STEP, or raise the limit with --max-links",
		        *links, max_links);
	return 0;
}

/* The steps to draw (see select_steps) when they are within the limits; NULL with the reason in `err`. */
static unsigned char *selection(const rc_render_input *in, size_t *steps, size_t *links, rc_error *err)
{
	unsigned char *keep = select_steps(in, err);

	if (!keep)
		return NULL;
	if (within_limits(in, keep, steps, links, err) != 0) {
		rc_free(keep);
		return NULL;
	}
	return keep;
}

int rc_diagram_fits(const rc_render_input *in, rc_error *err)
{
	size_t steps, links;
	unsigned char *keep = selection(in, &steps, &links, err);

	if (!keep)
		return err->status;
	rc_free(keep);
	return 0;
}

/* Builds the graph of `in` (the caller closes it with close_graph); NULL with the reason in `err`. */
static Agraph_t *build_graph(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	unsigned char *keep;
	struct builder b;
	size_t steps, links;

	keep = selection(in, &steps, &links, err);
	if (!keep)
		return NULL;
	graphviz_message[0] = '\0';
	memset(&b, 0, sizeof(b));
	b.in = in;
	b.findings = in->findings;
	b.keep = keep;
	b.step_nodes = rc_calloc(m->steps.len + 1, sizeof(Agnode_t *));
	b.g = agopen("rchain", Agdirected, &graph_discipline);
	if (!b.step_nodes || !named_ok(b.g) || count_weakest(&b) != 0) {
		b.failed = 1;
		goto done;
	}
	declare_defaults(b.g, in->direction);
	/*
	 * Crossing minimisation and network simplex have no bound of their own: 300
	 * steps with 2,991 crossing links took 14 s. On a big graph, cap their
	 * iterations (a plainer layout, in a few seconds).
	 */
	b.big = steps + links > 1000;
	if (b.big) {
		agattr(b.g, AGRAPH, "mclimit", "0.01");
		agattr(b.g, AGRAPH, "nslimit", "1");
		agattr(b.g, AGRAPH, "nslimit1", "1");
	}
	add_title(&b, steps, links);
	if (!b.failed)
		add_steps(&b);
	if (!b.failed)
		add_links(&b);
done:
	rc_free(keep);
	rc_free(b.step_nodes);
	rc_free(b.weakest_steps);
	rc_free(b.weakest_links);
	rc_buffer_free(&b.scratch);
	if (b.failed) {
		if (b.g)
			close_graph(b.g);
		error_set(err, RC_ENOMEM, "out of memory building the diagram");
		return NULL;
	}
	return b.g;
}

static int render_dot(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	Agraph_t *g = build_graph(in, err);
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
	close_graph(g);
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
	g = build_graph(in, err);
	if (!g)
		return err->status;
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
	close_graph(g);
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
