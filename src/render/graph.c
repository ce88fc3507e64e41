/* Builds the chain as a cgraph graph: level headers, steps in rows or columns, links, title, legend and key. */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/error.h"
#include "model/internal.h"
#include "render/builder.h"
#include "render/graph.h"
#include "render/graphviz.h"
#include "render/selection.h"
#include "render/style.h"
#include "render/titleblock.h"

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
	agattr(g, AGRAPH, "bb", ""); /* gvLayout sets it after dot has made its fill subgraph (see graphviz_close) */
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
	agattr(g, AGNODE, "width", "0.75");
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

static void add_level_headers(struct builder *b)
{
	rc_level level;
	char name[32];

	for (level = 0; level < RC_LEVEL_COUNT && !b->failed; level++) {
		Agnode_t *n;

		snprintf(name, sizeof(name), "level_%s", rc_level_name(level));
		n = builder_node(b, b->g, name);
		b->level_nodes[level] = n;
		if (!n)
			return;
		builder_bold_label(b, rc_level_title(level), 18);
		builder_set_html(b, n, "label");
		builder_set(b, n, "style", "filled");
		builder_set(b, n, "fillcolor", "#E8E8E8");
		builder_set(b, n, "color", "#E8E8E8");
		builder_set(b, n, "id", name);
		if (level > 0)
			builder_invisible_edge(b, b->level_nodes[level - 1], n, "100");
	}
}

/* Appends the markers of a range of assumptions ("A3 A4") or risks to the scratch buffer. */
static void put_markers(struct builder *b, char letter, rc_range r)
{
	size_t i;

	for (i = r.first; i < r.first + r.count; i++)
		builder_putf(b, " %c%zu", letter, i + 1);
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

	if (b->confidence) {
		builder_putf(b, "<TR><TD><FONT POINT-SIZE=\"9\">%s %s", style_of_rating(rating)->mark,
		             style_of_rating(rating)->name);
		if (!in->hide_evidence && evidence)
			builder_putf(b, " · E%zu", evidence);
		builder_put(b, "</FONT></TD></TR>");
	}
	if (!in->hide_evidence && assumptions.count + risks.count) {
		builder_put(b, "<TR><TD><FONT POINT-SIZE=\"9\">");
		put_markers(b, 'A', assumptions);
		put_markers(b, 'R', risks);
		builder_put(b, "</FONT></TD></TR>");
	}
	if (weakest)
		builder_putf(b, "<TR><TD><FONT POINT-SIZE=\"9\"><B>◆ weakest link (%zu outcome%s)</B></FONT></TD></TR>",
		             weakest, weakest == 1 ? "" : "s");
	if (count[0] + count[1]) {
		builder_putf(b, "<TR><TD BGCOLOR=\"%s\"><FONT POINT-SIZE=\"9\" COLOR=\"%s\">",
		             count[0] ? STYLE_ERROR_COLOR : STYLE_WARNING_COLOR, count[0] ? "#FFFFFF" : "#000000");
		if (count[0])
			builder_putf(b, "✖ %zu error%s", count[0], count[0] == 1 ? "" : "s");
		if (count[1])
			builder_putf(b, "%s▲ %zu warning%s", count[0] ? " · " : "", count[1], count[1] == 1 ? "" : "s");
		builder_put(b, "</FONT></TD></TR>");
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
	rc_rating rating = b->confidence ? rc_confidence_step(b->confidence, s->index) : RC_RATING_NONE;
	size_t weakest = b->weakest_steps ? b->weakest_steps[s->index] : 0;
	size_t count[2];
	char name[32];
	Agnode_t *n;

	snprintf(name, sizeof(name), "s%zu", s->index);
	n = builder_node(b, parent, name);
	b->step_nodes[s->index] = n;
	if (!n)
		return;
	finding_counts(b, 1, s->index, count);
	b->scratch.len = 0;
	builder_put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD>");
	builder_put_wrapped(b, s->title, RC_RENDER_WRAP, RC_RENDER_TITLE_LINES);
	builder_put(b, "</TD></TR>");
	put_annotations(b, rating, s->evidence.count, s->assumptions, s->risks, weakest, count);
	builder_put(b, "</TABLE>");
	builder_set_html(b, n, "label");
	builder_set_plain(b, n, "tooltip", s->title);
	b->scratch.len = 0;
	builder_putf(b, "step-%s", s->id);
	if (!b->failed)
		builder_set(b, n, "id", b->scratch.data);
	if (b->confidence) {
		builder_set(b, n, "fillcolor", style_of_rating(rating)->fill);
		if (rating == RC_RATING_NONE)
			builder_set(b, n, "style", "rounded,filled,dashed");
	}
	if (count[0] + count[1]) {
		builder_set(b, n, "penwidth", "3");
		builder_set(b, n, "color", STYLE_ERROR_COLOR);
	} else if (weakest) {
		builder_set(b, n, "penwidth", "3");
		builder_set(b, n, "color", "#000000");
	}
}

/* Steps of `level` in `strand` that are drawn. */
static size_t kept_in(const struct builder *b, rc_level level, size_t strand)
{
	size_t n, i, kept = 0;
	const size_t *steps = rc_model_strand_steps(b->in->model, level, strand, &n);

	for (i = 0; i < n; i++)
		kept += b->keep[steps[i]];
	return kept;
}

/*
 * A cluster holding a node `head_name` that also sits in `rows` (the column
 * before the inputs); NULL (and the build failed) when either could not be made.
 */
static Agraph_t *row_cluster(struct builder *b, const char *cluster_name, const char *head_name, Agraph_t *rows,
                             Agnode_t **head)
{
	Agraph_t *cluster = builder_subgraph(b, cluster_name);

	*head = cluster ? builder_node(b, cluster, head_name) : NULL;
	if (!*head || !agsubnode(rows, *head, 1)) {
		b->failed = 1;
		return NULL;
	}
	return cluster;
}

/* One row (cluster) of a stranded model: a label node in the rows column, then the steps. */
static void add_row(struct builder *b, const char *id, const char *title, size_t strand, Agraph_t *rows)
{
	const rc_model *m = b->in->model;
	char cluster_name[48], name[48];
	Agraph_t *cluster;
	Agnode_t *head;
	rc_level level;
	size_t i, kept = 0;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		kept += kept_in(b, level, strand);
	if (kept == 0)
		return;
	snprintf(cluster_name, sizeof(cluster_name), "cluster_row_%s", id);
	snprintf(name, sizeof(name), "row_%s", id);
	cluster = row_cluster(b, cluster_name, name, rows, &head);
	if (!cluster)
		return;
	builder_set(b, cluster, "style", "rounded");
	builder_set(b, cluster, "color", "#999999");
	builder_set(b, cluster, "label", "");
	builder_bold_label(b, title, 24);
	builder_set_html(b, head, "label");
	/* One width for every row label, so the rows start in line. */
	builder_set(b, head, "width", "2.6");
	builder_set(b, head, "shape", "plaintext");
	builder_set(b, head, "style", "");
	builder_set(b, head, "id", name);
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t n;
		const size_t *steps = rc_model_strand_steps(m, level, strand, &n);

		for (i = 0; i < n && !b->failed; i++)
			if (b->keep[steps[i]])
				add_step(b, cluster, STEP(m, steps[i]));
	}
}

/* The header row: the level headers and the corner above the row labels, in one borderless cluster. */
static void add_header_row(struct builder *b, Agraph_t *rows)
{
	Agnode_t *corner;
	Agraph_t *headers = row_cluster(b, "cluster_levels", "rows", rows, &corner);
	rc_level level;

	if (!headers)
		return;
	builder_set(b, headers, "style", "invis");
	builder_set(b, headers, "label", "");
	builder_set(b, corner, "label", "");
	builder_set(b, corner, "style", "invis");
	for (level = 0; level < RC_LEVEL_COUNT; level++)
		if (!agsubnode(headers, b->level_nodes[level], 1))
			b->failed = 1;
	builder_invisible_edge(b, corner, b->level_nodes[0], "100");
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
	Agraph_t *rows = builder_subgraph(b, "rank_rows");
	size_t count = m->strands.len + 2, i;
	int reverse = b->in->direction == RC_LAYOUT_LR;

	if (!rows) {
		b->failed = 1;
		return;
	}
	builder_set(b, rows, "rank", "same");
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
		const size_t *steps = rc_model_level_steps(m, level, &n);

		for (i = 0; i < n && !b->failed; i++)
			if (b->keep[steps[i]]) {
				add_step(b, b->g, STEP(m, steps[i]));
				builder_invisible_edge(b, b->level_nodes[level], b->step_nodes[steps[i]], NULL);
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
		const size_t *steps = rc_model_level_steps(m, level, &n);
		Agraph_t *rank;

		snprintf(name, sizeof(name), "rank_%s", rc_level_name(level));
		rank = builder_subgraph(b, name);
		if (!rank || !agsubnode(rank, b->level_nodes[level], 1)) {
			b->failed = 1;
			return;
		}
		builder_set(b, rank, "rank", "same");
		for (i = 0; i < n; i++)
			if (b->keep[steps[i]] && !agsubnode(rank, b->step_nodes[steps[i]], 1))
				b->failed = 1;
	}
}

static void add_link(struct builder *b, const rc_link *l)
{
	rc_rating rating = b->confidence ? rc_confidence_link(b->confidence, l->index) : RC_RATING_NONE;
	size_t weakest = b->weakest_links ? b->weakest_links[l->index] : 0;
	Agnode_t *from = l->column ? b->level_nodes[l->from_level] : b->step_nodes[l->from_step];
	Agnode_t *to = l->column ? b->level_nodes[l->to_level] : b->step_nodes[l->to_step];
	Agedge_t *e = builder_edge(b, from, to);
	size_t count[2];
	char name[32];

	if (!e)
		return;
	snprintf(name, sizeof(name), "link-%zu", l->index);
	builder_set(b, e, "id", name);
	if (l->kind == RC_LINK_FEEDBACK)
		builder_set(b, e, "style", "dashed");
	if (l->kind == RC_LINK_BLACK_BOX) { /* a claimed contribution whose steps are not drawn */
		builder_set(b, e, "style", "dotted");
		builder_set(b, e, "arrowhead", "onormal");
	}
	/* Only forward causal links may shape the columns. */
	if (l->kind == RC_LINK_FEEDBACK || l->to_level <= l->from_level)
		builder_set(b, e, "constraint", "false");
	finding_counts(b, 0, l->index, count);
	if (l->column) {
		builder_set(b, e, "penwidth", "3");
		builder_set(b, e, "color", STYLE_COLUMN_COLOR);
	} else if (b->confidence) {
		builder_set(b, e, "color", style_of_rating(rating)->line);
		builder_set(b, e, "penwidth", weakest ? "4" : style_of_rating(rating)->penwidth);
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
	builder_put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
	put_annotations(b, rating, l->evidence.count, l->assumptions, l->risks, weakest, count);
	builder_put(b, "</TABLE>");
	/* dot 2.42 corrupts its heap laying out a labelled edge within one rank: such a label is placed afterwards. */
	builder_set_html(b, e, l->from_level == l->to_level ? "xlabel" : "label");
}

static void add_links(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;

	for (i = 0; i < m->links.len && !b->failed; i++)
		if (selection_link_kept(LINK(m, i), b->keep))
			add_link(b, LINK(m, i));
}

/* Counts, per step and per link, the outcome stories whose weakest element it is. */
static int count_weakest(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;

	if (!b->confidence)
		return 0;
	b->weakest_steps = rc_calloc(m->steps.len + 1, sizeof(size_t));
	b->weakest_links = rc_calloc(m->links.len + 1, sizeof(size_t));
	if (!b->weakest_steps || !b->weakest_links)
		return -1;
	for (i = 0; i < rc_confidence_story_count(b->confidence); i++) {
		const rc_story *s = rc_confidence_story(b->confidence, i);

		if (!b->keep[s->outcome] || s->weakest_index == RC_NONE)
			continue;
		if (s->weakest == RC_OWNER_STEP)
			b->weakest_steps[s->weakest_index]++;
		else
			b->weakest_links[s->weakest_index]++;
	}
	return 0;
}

/* Builds the graph of `in` (the caller closes it with graphviz_close); NULL with the reason in `err`. */
Agraph_t *graph_build(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	unsigned char *keep;
	struct builder b;
	size_t steps, links;

	keep = selection_of(in, &steps, &links, err);
	if (!keep)
		return NULL;
	memset(&b, 0, sizeof(b));
	b.in = in;
	b.findings = in->findings;
	b.confidence = in->confidence;
	b.keep = keep;
	b.step_nodes = rc_calloc(m->steps.len + 1, sizeof(Agnode_t *));
	b.g = graphviz_open(m->title);
	if (!b.step_nodes || !graphviz_named(b.g) || count_weakest(&b) != 0) {
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
	titleblock_add(&b, steps, links);
	if (!b.failed)
		add_steps(&b);
	if (!b.failed)
		titleblock_add_key(&b);
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
			graphviz_close(b.g);
		error_set(err, RC_ENOMEM, "out of memory building the diagram");
		return NULL;
	}
	return b.g;
}
