/* Builds the chain as a cgraph graph: level headers, steps in rows or columns, links, title, legend and key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/error.h"
#include "model/internal.h"
#include "render/builder.h"
#include "render/graph.h"
#include "render/graphviz.h"
#include "render/pages.h"
#include "render/selection.h"
#include "render/style.h"
#include "render/titleblock.h"

/* On a strand page, row labels wrap at PAGE_ROW_WRAP characters (step titles: PAGES_WRAP, render/pages.h). */
enum { PAGE_ROW_WRAP = 12 };

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
	agattr(g, AGRAPH, "fillcolor", "");
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

/*
 * Whether a level has a header: always, except on a strand page, where a
 * level with no step or stub drawn is left out to fit A4 (so are the column
 * links into and out of it: selection_link_kept).
 */
static int level_shown(const struct builder *b, rc_level level)
{
	return b->in->view != RC_VIEW_STRAND || selection_level_drawn(b->in->model, level, b->keep);
}

/*
 * The node at the head of sub-column `sub` of `level`'s column: its header
 * for the first; for another, an invisible point after it in the header row
 * (NULL when the column has no such sub-column).
 */
static Agnode_t *column_head(const struct builder *b, rc_level level, size_t sub)
{
	char name[48];

	if (sub == 0)
		return b->level_nodes[level];
	snprintf(name, sizeof(name), "level_%s_%zu", rc_level_name(level), sub);
	return agnode(b->g, name, 0);
}

/*
 * The header of each level shown, and the head of each further sub-column of
 * its column, kept in order by heavy invisible edges; a level left out has a NULL node.
 */
static void add_level_headers(struct builder *b)
{
	Agnode_t *prev = NULL;
	rc_level level;
	char name[48];

	for (level = 0; level < RC_LEVEL_COUNT && !b->failed; level++) {
		Agnode_t *n;
		size_t sub;

		b->level_nodes[level] = NULL;
		if (!level_shown(b, level))
			continue;
		snprintf(name, sizeof(name), "level_%s", rc_level_name(level));
		n = builder_node(b, b->g, name);
		b->level_nodes[level] = n;
		if (!n)
			return;
		builder_bold_label(b, rc_level_title(level), b->in->view == RC_VIEW_STRAND ? 12 : 18);
		builder_set_html(b, n, "label");
		if (b->in->view == RC_VIEW_STRAND)
			builder_set(b, n, "fontsize", "9");
		builder_set(b, n, "style", "filled");
		builder_set(b, n, "fillcolor", "#E8E8E8");
		builder_set(b, n, "color", "#E8E8E8");
		builder_set(b, n, "id", name);
		for (sub = 0; sub < b->folds[level] && !b->failed; sub++) {
			if (sub) {
				snprintf(name, sizeof(name), "level_%s_%zu", rc_level_name(level), sub);
				n = builder_node(b, b->g, name);
				builder_set(b, n, "shape", "point");
				builder_set(b, n, "style", "invis");
				builder_set(b, n, "width", "0.01");
			}
			if (prev)
				builder_invisible_edge(b, prev, n, "100");
			prev = n;
		}
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

/*
 * The strand whose row draws step `s`: its first strand that a strand focus
 * or page selects, or else its first strand that exists (RC_NONE: none).
 */
static size_t home_strand(const struct builder *b, const rc_step *s)
{
	return selection_home(b->in->model, b->strand_mask, s);
}

/* Where step titles wrap: narrower on a strand page, which must fit A4 (docs/diagrams.md). */
static size_t step_wrap(const struct builder *b)
{
	return b->in->view == RC_VIEW_STRAND ? PAGES_WRAP : RC_RENDER_WRAP;
}

/* The text mark of an unintended or adverse step. */
static void put_effect(struct builder *b, const rc_step *s)
{
	if (s->effect != RC_EFFECT_INTENDED)
		builder_putf(b, "<TR><TD><FONT POINT-SIZE=\"9\"><B>%s</B></FONT></TD></TR>",
		             s->effect == RC_EFFECT_ADVERSE ? "⚠ adverse effect" : "◇ unintended effect");
}

/* Under a practice or outcome step whose evidence is all general research: what RC051 says. */
static void put_general_only(struct builder *b, const rc_step *s)
{
	if (rc_step_general_only(b->in->model, s))
		builder_put(b, "<TR><TD><FONT POINT-SIZE=\"9\">◌ matters in general, not shown here</FONT></TD></TR>");
}

/* "also in: ..." under a step of several strands, naming those it is not drawn in. */
static void put_also_in(struct builder *b, const rc_step *s)
{
	const rc_model *m = b->in->model;
	size_t home = home_strand(b, s), shown = 0, i;

	for (i = s->strands.first; i < s->strands.first + s->strands.count; i++) {
		size_t k = MODEL_AT(m, memberships, rc_membership, i)->strand_index;

		if (k == RC_NONE || k == home)
			continue;
		/* Two strands named, each on a line of its own, then how many more; on a strand page only how many. */
		if (shown < 2 && b->in->view != RC_VIEW_STRAND) {
			builder_put(b, shown ? "<BR/>" : "<TR><TD><FONT POINT-SIZE=\"9\">↔ also in: ");
			builder_put_wrapped(b, MODEL_AT(m, strands, rc_strand, k)->name, step_wrap(b), 1);
		}
		shown++;
	}
	if (shown && b->in->view == RC_VIEW_STRAND)
		builder_putf(b, "<TR><TD><FONT POINT-SIZE=\"9\">↔ %zu other strand%s", shown, shown == 1 ? "" : "s");
	else if (shown > 2)
		builder_putf(b, "<BR/>and %zu more", shown - 2);
	if (shown)
		builder_put(b, "</FONT></TD></TR>");
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
	selection_finding_counts(b->in, 1, s->index, count);
	b->scratch.len = 0;
	builder_put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD>");
	builder_put_wrapped(b, s->title, step_wrap(b), RC_RENDER_TITLE_LINES);
	builder_put(b, "</TD></TR>");
	put_effect(b, s);
	put_general_only(b, s);
	put_also_in(b, s);
	put_annotations(b, rating, s->evidence.count, s->assumptions, s->risks, weakest, count);
	builder_put(b, "</TABLE>");
	builder_set_html(b, n, "label");
	builder_set_plain(b, n, "tooltip", s->title);
	b->scratch.len = 0;
	builder_putf(b, "step-%s", s->id);
	if (!b->failed)
		builder_set(b, n, "id", b->scratch.data);
	if (b->confidence)
		builder_set(b, n, "fillcolor", style_of_rating(rating)->fill);
	/* An unintended or adverse effect has cut corners instead of round ones (and its text mark). */
	builder_set(b, n, "style",
	            style_of_step(s->effect != RC_EFFECT_INTENDED, b->confidence && rating == RC_RATING_NONE));
	if (count[0] + count[1]) {
		builder_set(b, n, "penwidth", "3");
		builder_set(b, n, "color", STYLE_ERROR_COLOR);
	} else if (weakest) {
		builder_set(b, n, "penwidth", "3");
		builder_set(b, n, "color", "#000000");
	}
}

/* Whether the row of `strand` draws step `step`: drawn whole, and that strand is its home. */
static int in_row(const struct builder *b, size_t step, size_t strand)
{
	return b->keep[step] == SELECT_STEP && home_strand(b, STEP(b->in->model, step)) == strand;
}

/*
 * A strand page's columns too tall for its frame are folded: each row's
 * column is cut, in order and evened out, into as few sub-columns of at most
 * `most` steps as it needs, `most` chosen for the best estimated fit
 * (pages_fit; `links` are those drawn). Records each step's sub-column and, per level, the
 * most sub-columns of any row. With --direction TB nothing is folded. -1
 * when out of memory.
 */
static int fold_columns(struct builder *b, size_t links)
{
	const rc_model *m = b->in->model;
	size_t slots = m->strands.len + 1, best, slot, i, n;
	rc_level level;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		b->folds[level] = 1;
	if (b->in->view != RC_VIEW_STRAND || b->in->direction == RC_LAYOUT_TB)
		return 0; /* the estimate is of columns left to right */
	b->sub_column = rc_calloc(m->steps.len + 1, sizeof(size_t));
	if (!b->sub_column || pages_fit(b->in, b->keep, b->strand_mask, links, &best, NULL) < 0)
		return -1;
	for (slot = 0; slot < slots; slot++) {
		size_t strand = slot < m->strands.len ? slot : RC_NONE;

		for (level = 0; level < RC_LEVEL_COUNT; level++) {
			const size_t *steps = rc_model_strand_members(m, level, strand, &n);
			size_t count = 0, k = 0, folds;

			for (i = 0; i < n; i++)
				count += in_row(b, steps[i], strand) != 0;
			folds = pages_folds(count, best);
			for (i = 0; i < n; i++)
				if (in_row(b, steps[i], strand))
					b->sub_column[steps[i]] = k++ * folds / count;
			if (folds > b->folds[level])
				b->folds[level] = folds;
		}
	}
	return 0;
}

/* The sub-column of step `step` within its level's column (0 unless folded). */
static size_t sub_column(const struct builder *b, size_t step)
{
	return b->sub_column ? b->sub_column[step] : 0;
}

/* Whether the row of `strand` draws anything. */
static int row_drawn(const struct builder *b, size_t strand)
{
	rc_level level;
	size_t i, n;

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		const size_t *steps = rc_model_strand_members(b->in->model, level, strand, &n);

		for (i = 0; i < n; i++)
			if (in_row(b, steps[i], strand))
				return 1;
	}
	return 0;
}

static struct overview_cell *overview_cell(const struct builder *b, size_t strand, rc_level level)
{
	return b->cells + selection_overview_slot(b->in->model, strand, level);
}

static Agnode_t *overview_node(const struct builder *b, size_t strand, rc_level level)
{
	return b->cell_nodes[selection_overview_slot(b->in->model, strand, level)];
}

/* The overview's boxes (selection_overview()) and room for a node each. -1 when out of memory. */
static int overview_count(struct builder *b)
{
	const rc_model *m = b->in->model;

	b->cells = selection_overview(b->in);
	b->cell_nodes = rc_calloc((m->strands.len + 1) * RC_LEVEL_COUNT, sizeof(Agnode_t *));
	return b->cells && b->cell_nodes ? 0 : -1;
}

static int overview_has_row(const struct builder *b, size_t strand)
{
	rc_level level;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		if (overview_cell(b, strand, level)->steps)
			return 1;
	return 0;
}

/* The box of `strand` at `level`, in `parent`: its step count, lowest confidence and findings. */
static void overview_add_cell(struct builder *b, Agraph_t *parent, size_t strand, rc_level level)
{
	struct overview_cell *c = overview_cell(b, strand, level);
	rc_rating rating = c->rated ? c->lowest : RC_RATING_NONE;
	static const rc_range none = { 0, 0 };
	char name[64];
	Agnode_t *node;

	if (!c->steps)
		return;
	snprintf(name, sizeof(name), "cell_%zu_%s", strand == RC_NONE ? b->in->model->strands.len : strand,
	         rc_level_name(level));
	node = builder_node(b, parent, name);
	b->cell_nodes[selection_overview_slot(b->in->model, strand, level)] = node;
	if (!node)
		return;
	b->scratch.len = 0;
	builder_putf(b,
	             "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD><B>%zu "
	             "step%s</B></TD></TR>",
	             c->steps, c->steps == 1 ? "" : "s");
	if (b->confidence)
		builder_put(b, "<TR><TD><FONT POINT-SIZE=\"9\">lowest:</FONT></TD></TR>");
	put_annotations(b, rating, 0, none, none, 0, c->count);
	builder_put(b, "</TABLE>");
	builder_set_html(b, node, "label");
	builder_set(b, node, "id", name);
	if (b->confidence)
		builder_set(b, node, "fillcolor", style_of_rating(rating)->fill);
	builder_set(b, node, "style", style_of_step(0, b->confidence && rating == RC_RATING_NONE));
	if (c->count[0] + c->count[1]) {
		builder_set(b, node, "penwidth", "3");
		builder_set(b, node, "color", STYLE_ERROR_COLOR);
	}
}

/* A pathway link of the overview: from one box to another. */
struct overview_arrow {
	size_t from, to; /* box indices */
};

static int compare_arrows(const void *x, const void *y)
{
	const struct overview_arrow *a = x, *c = y;

	if (a->from != c->from)
		return a->from < c->from ? -1 : 1;
	return a->to < c->to ? -1 : a->to > c->to;
}

/* One arrow for each pair of boxes that causal or black-box links join, labelled with how many. */
static void overview_add_arrows(struct builder *b)
{
	const rc_model *m = b->in->model;
	struct overview_arrow *arrows = rc_malloc((m->links.len + 1) * sizeof(struct overview_arrow));
	size_t n = 0, i, j;

	if (!arrows) {
		b->failed = 1;
		return;
	}
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);

		if (l->resolved && !l->column && l->kind != RC_LINK_FEEDBACK) {
			struct overview_cell *from =
			        overview_cell(b, STEP(m, l->from_step)->strand_index, l->from_level);
			struct overview_cell *to = overview_cell(b, STEP(m, l->to_step)->strand_index, l->to_level);

			if (from != to) {
				arrows[n].from = (size_t)(from - b->cells);
				arrows[n++].to = (size_t)(to - b->cells);
			}
		}
	}
	qsort(arrows, n, sizeof(*arrows), compare_arrows);
	for (i = 0; i < n && !b->failed; i = j) {
		Agedge_t *e;
		char label[32];

		for (j = i; j < n && compare_arrows(&arrows[i], &arrows[j]) == 0; j++)
			;
		e = builder_edge(b, b->cell_nodes[arrows[i].from], b->cell_nodes[arrows[i].to]);
		if (!e)
			break;
		snprintf(label, sizeof(label), "%zu link%s", j - i, j - i == 1 ? "" : "s");
		builder_set(b, e, arrows[i].from % RC_LEVEL_COUNT == arrows[i].to % RC_LEVEL_COUNT ? "xlabel" : "label",
		            label);
		if (arrows[i].to % RC_LEVEL_COUNT <= arrows[i].from % RC_LEVEL_COUNT)
			builder_set(b, e, "constraint", "false");
	}
	rc_free(arrows);
}

/*
 * Position `i` of `n` in creation order. dot stacks clusters (and starts a
 * rank's nodes) in the order they are created, the first at the bottom when
 * the ranks run left to right: there rows and stubs are created last first,
 * so that they read top to bottom.
 */
static size_t creation_order(const struct builder *b, size_t i, size_t n)
{
	return b->in->direction == RC_LAYOUT_LR ? n - 1 - i : i;
}

/*
 * Keeps step `next` after `prev` (both drawn, in one column) in reading
 * order, top to bottom or left to right: an invisible flat edge, which dot
 * draws from left to right before it turns the picture for --direction LR,
 * bottom to top.
 */
static void keep_after(struct builder *b, Agnode_t *prev, Agnode_t *next)
{
	int lr = b->in->direction == RC_LAYOUT_LR;

	if (prev)
		builder_invisible_edge(b, lr ? next : prev, lr ? prev : next, NULL);
}

/*
 * Keeps step `step`, just drawn, after `*prev`, the step before it in source
 * order in sub-column `*sub` (none when `step` opens the next sub-column),
 * and makes it `*prev`.
 */
static void keep_in_column(struct builder *b, Agnode_t **prev, size_t *sub, size_t step)
{
	if (sub_column(b, step) != *sub) { /* the top of the next sub-column */
		*sub = sub_column(b, step);
		*prev = NULL;
	}
	keep_after(b, *prev, b->step_nodes[step]);
	*prev = b->step_nodes[step];
}

/*
 * A cluster of `parent` holding a node `head_name` that also sits in `rows`
 * (the column before the inputs); NULL (and the build failed) when either could not be made.
 */
static Agraph_t *row_cluster(struct builder *b, Agraph_t *parent, const char *cluster_name, const char *head_name,
                             Agraph_t *rows, Agnode_t **head)
{
	Agraph_t *cluster = builder_subgraph(b, parent, cluster_name);

	*head = cluster ? builder_node(b, cluster, head_name) : NULL;
	if (!*head || !agsubnode(rows, *head, 1)) {
		b->failed = 1;
		return NULL;
	}
	return cluster;
}

/* The steps (or, in the overview, the box) of one level of the row of `strand`, in source order. */
static void add_row_level(struct builder *b, Agraph_t *cluster, size_t strand, rc_level level)
{
	const rc_model *m = b->in->model;
	size_t n, i;
	const size_t *steps = rc_model_strand_members(b->in->model, level, strand, &n);
	Agnode_t *prev = NULL;
	size_t sub = 0;

	if (b->cells) {
		overview_add_cell(b, cluster, strand, level);
		return;
	}
	for (i = 0; i < n && !b->failed; i++)
		if (in_row(b, steps[i], strand)) {
			add_step(b, cluster, STEP(m, steps[i]));
			keep_in_column(b, &prev, &sub, steps[i]);
		}
}

/* The strand group of `strand` (RC_NONE: none, or no strand). */
static size_t group_of(const rc_model *m, size_t strand)
{
	return strand == RC_NONE ? RC_NONE : MODEL_AT(m, strands, rc_strand, strand)->group_index;
}

/* The cluster of strand group `group` (made on first use), labelled with its title, or the root graph for RC_NONE. */
static Agraph_t *group_cluster(struct builder *b, size_t group)
{
	const rc_strand_group *g;
	Agraph_t *cluster;
	char name[48];

	if (group == RC_NONE)
		return b->g;
	g = MODEL_AT(b->in->model, strand_groups, rc_strand_group, group);
	snprintf(name, sizeof(name), "cluster_group_%zu", group);
	cluster = builder_subgraph(b, b->g, name);
	if (!cluster)
		return NULL;
	builder_set(b, cluster, "style", "rounded,filled");
	builder_set(b, cluster, "fillcolor", "#EDEDED");
	builder_set(b, cluster, "color", "#666666");
	b->scratch.len = 0;
	builder_put(b, "<B>Strand group: ");
	builder_put_wrapped(b, g->name, 80, 1);
	builder_put(b, "</B>");
	builder_set_html(b, cluster, "label");
	return cluster;
}

/* One row (cluster) of a stranded model: a label node in the rows column, then the steps. */
static void add_row(struct builder *b, const char *id, const char *title, size_t strand, Agraph_t *rows)
{
	const rc_model *m = b->in->model;
	size_t group = group_of(m, strand);
	char cluster_name[48], name[48];
	Agraph_t *cluster, *parent;
	Agnode_t *head;
	rc_level level;

	if (b->cells ? !overview_has_row(b, strand) : !row_drawn(b, strand))
		return;
	parent = group_cluster(b, group);
	snprintf(cluster_name, sizeof(cluster_name), "cluster_row_%s", id);
	snprintf(name, sizeof(name), "row_%s", id);
	cluster = parent ? row_cluster(b, parent, cluster_name, name, rows, &head) : NULL;
	if (!cluster)
		return;
	builder_set(b, cluster, "style", "rounded,filled");
	builder_set(b, cluster, "fillcolor", "#FFFFFF");
	builder_set(b, cluster, "color", "#999999");
	builder_set(b, cluster, "label", "");
	builder_bold_label(b, title, b->in->view == RC_VIEW_STRAND ? PAGE_ROW_WRAP : 24);
	builder_set_html(b, head, "label");
	/* One width for every row label, so the rows start in line. */
	builder_set(b, head, "width", b->in->view == RC_VIEW_STRAND ? "0.8" : "2.6");
	builder_set(b, head, "shape", "plaintext");
	builder_set(b, head, "style", "");
	builder_set(b, head, "id", name);
	for (level = 0; level < RC_LEVEL_COUNT; level++)
		add_row_level(b, cluster, strand, level);
}

/* The header row: the level headers and the corner above the row labels, in one borderless cluster. */
static void add_header_row(struct builder *b, Agraph_t *rows)
{
	Agnode_t *corner;
	Agraph_t *headers = row_cluster(b, b->g, "cluster_levels", "rows", rows, &corner);
	rc_level level;
	size_t sub;

	if (!headers)
		return;
	builder_set(b, headers, "style", "invis");
	builder_set(b, headers, "label", "");
	builder_set(b, corner, "label", "");
	builder_set(b, corner, "style", "invis");
	for (level = 0; level < RC_LEVEL_COUNT; level++)
		for (sub = 0; b->level_nodes[level] && sub < b->folds[level]; sub++)
			if (!agsubnode(headers, column_head(b, level, sub), 1))
				b->failed = 1;
	for (level = 0; level < RC_LEVEL_COUNT && !b->level_nodes[level]; level++)
		;
	if (level < RC_LEVEL_COUNT)
		builder_invisible_edge(b, corner, b->level_nodes[level], "100");
}

/*
 * The rows in reading order into `order`: the strands of each strand group
 * in turn (group order, then strand order), the strands in no group, then
 * RC_NONE for the steps without a strand. Returns how many (strands + 1).
 */
static size_t row_order(const rc_model *m, size_t *order)
{
	size_t n = 0, g, i;

	for (g = 0; g <= m->strand_groups.len; g++)
		for (i = 0; i < m->strands.len; i++)
			if (MODEL_AT(m, strands, rc_strand, i)->group_index == (g < m->strand_groups.len ? g : RC_NONE))
				order[n++] = i;
	order[n++] = RC_NONE;
	return n;
}

static void reverse(size_t *a, size_t from, size_t to)
{
	for (; from + 1 < to; from++, to--) {
		size_t t = a[from];

		a[from] = a[to - 1];
		a[to - 1] = t;
	}
}

/*
 * Puts the `n` rows of `order` in the order they are created. dot stacks
 * top-level clusters the first at the bottom when the ranks run left to
 * right (the first at the left from top to bottom), and the clusters inside
 * a cluster the other way: so the rows are reversed left to right, and each
 * strand group's run of rows is reversed in either direction.
 */
static void creation_sequence(const struct builder *b, size_t *order, size_t n)
{
	const rc_model *m = b->in->model;
	size_t i, j;

	if (b->in->direction == RC_LAYOUT_LR)
		reverse(order, 0, n);
	for (i = 0; i < n; i = j) {
		for (j = i + 1;
		     j < n && group_of(m, order[i]) != RC_NONE && group_of(m, order[j]) == group_of(m, order[i]); j++)
			;
		reverse(order, i, j);
	}
}

/*
 * Strands are rows (columns with --direction TB): one cluster per strand,
 * inside its strand group's cluster, with its label in a column of row labels
 * before the inputs, and a row for steps without a strand; the header row first.
 */
static void add_rows(struct builder *b)
{
	const rc_model *m = b->in->model;
	Agraph_t *rows = builder_subgraph(b, b->g, "rank_rows");
	size_t *order = rc_malloc((m->strands.len + 1) * sizeof(size_t));
	size_t count, i;
	int lr = b->in->direction == RC_LAYOUT_LR;

	if (!rows || !order) {
		rc_free(order);
		b->failed = 1;
		return;
	}
	builder_set(b, rows, "rank", "same");
	count = row_order(m, order);
	creation_sequence(b, order, count);
	for (i = 0; i <= count && !b->failed; i++) {
		size_t row = lr ? i : i - 1; /* the header row is created last left to right, first top to bottom */
		char id[32];

		if (row == count || row == (size_t)-1) {
			add_level_headers(b);
			if (!b->failed)
				add_header_row(b, rows);
		} else if (order[row] != RC_NONE) {
			snprintf(id, sizeof(id), "%zu", order[row]);
			add_row(b, id, MODEL_AT(m, strands, rc_strand, order[row])->name, order[row], rows);
		} else {
			add_row(b, "none", "No strand", RC_NONE, rows);
		}
	}
	rc_free(order);
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
		Agnode_t *prev = NULL;
		size_t sub = 0;

		if (b->cells) {
			overview_add_cell(b, b->g, RC_NONE, level);
			if (overview_node(b, RC_NONE, level))
				builder_invisible_edge(b, b->level_nodes[level], overview_node(b, RC_NONE, level),
				                       NULL);
			continue;
		}
		for (i = 0; i < n && !b->failed; i++)
			if (b->keep[steps[i]] == SELECT_STEP) {
				add_step(b, b->g, STEP(m, steps[i]));
				builder_invisible_edge(b, b->level_nodes[level], b->step_nodes[steps[i]], NULL);
				keep_in_column(b, &prev, &sub, steps[i]);
			}
	}
}

/*
 * A step of another strand (or of the page's strand, at a level the page
 * leaves to another) that a strand page's step links to or from, drawn small
 * and dashed without a fill, naming its strand: an entry or exit stub.
 */
static void add_stub(struct builder *b, const rc_step *s)
{
	const rc_model *m = b->in->model;
	char name[32];
	Agnode_t *n;

	snprintf(name, sizeof(name), "s%zu", s->index);
	n = builder_node(b, b->g, name);
	b->step_nodes[s->index] = n;
	if (!n)
		return;
	b->scratch.len = 0;
	builder_put(b, "<I>");
	builder_put_wrapped(
	        b, s->strand_index == RC_NONE ? "No strand" : MODEL_AT(m, strands, rc_strand, s->strand_index)->name,
	        PAGES_WRAP, 1);
	builder_put(b, ":</I><BR/>");
	builder_put_wrapped(b, s->title, PAGES_WRAP, 2);
	builder_set_html(b, n, "label");
	builder_set_plain(b, n, "tooltip", s->title);
	builder_set(b, n, "style", "rounded,dashed");
	builder_set(b, n, "color", "#777777");
	b->scratch.len = 0;
	builder_putf(b, "stub-%s", s->id);
	if (!b->failed)
		builder_set(b, n, "id", b->scratch.data);
}

static void add_stubs(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;

	for (i = 0; i < m->steps.len && !b->failed; i++) {
		size_t step = creation_order(b, i, m->steps.len);

		if (b->keep[step] == SELECT_STUB)
			add_stub(b, STEP(m, step));
	}
}

/* The node drawn for step `step` or, in the overview, for the box of its level in its row; NULL when none. */
static Agnode_t *level_member(const struct builder *b, size_t step)
{
	const rc_step *s = STEP(b->in->model, step);

	if (b->cells)
		return overview_node(b, home_strand(b, s), s->level);
	return b->keep[step] ? b->step_nodes[step] : NULL;
}

/*
 * Puts `node` in sub-column `sub` of `level`: the first is `rank`, its
 * header's; another is the rank of that sub-column's head (made on first use).
 */
static void add_to_column(struct builder *b, Agraph_t *rank, rc_level level, Agnode_t *node, size_t sub)
{
	Agraph_t *g = rank;

	if (sub) {
		char name[48];

		snprintf(name, sizeof(name), "rank_%s_%zu", rc_level_name(level), sub);
		g = builder_subgraph(b, b->g, name);
		if (!g || !agsubnode(g, column_head(b, level, sub), 1)) {
			b->failed = 1;
			return;
		}
		builder_set(b, g, "rank", "same");
	}
	if (!agsubnode(g, node, 1))
		b->failed = 1;
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
	add_stubs(b);
	for (level = 0; level < RC_LEVEL_COUNT && !b->failed; level++) {
		size_t n;
		const size_t *steps = rc_model_level_steps(m, level, &n);
		Agraph_t *rank;

		if (!b->level_nodes[level])
			continue; /* a level a strand page leaves out: nothing is drawn there */
		snprintf(name, sizeof(name), "rank_%s", rc_level_name(level));
		rank = builder_subgraph(b, b->g, name);
		if (!rank || !agsubnode(rank, b->level_nodes[level], 1)) {
			b->failed = 1;
			return;
		}
		builder_set(b, rank, "rank", "same");
		for (i = 0; i < n; i++) {
			Agnode_t *node = level_member(b, steps[i]);

			if (node)
				add_to_column(b, rank, level, node, sub_column(b, steps[i]));
		}
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
	selection_finding_counts(b->in, 0, l->index, count);
	if (!l->column && (b->keep[l->from_step] == SELECT_STUB || b->keep[l->to_step] == SELECT_STUB)) {
		builder_set(b, e, "color", "#777777"); /* to or from a stub: the page's edge, drawn plainly */
		return;
	}
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
	 * them costs more than the layout (docs/diagrams.md). On a strand page a
	 * column link is the chain's, labelled there: its label would widen every
	 * column beyond A4.
	 */
	if (b->big || (l->column && b->in->view == RC_VIEW_STRAND) ||
	    (rating == RC_RATING_NONE && !weakest && count[0] + count[1] == 0 &&
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

	/* The overview draws column links as they are, and step links as arrows between its boxes. */
	for (i = 0; i < m->links.len && !b->failed; i++)
		if (selection_link_kept(b->in, LINK(m, i), b->keep) && (!b->cells || LINK(m, i)->column))
			add_link(b, LINK(m, i));
	if (b->cells && !b->failed)
		overview_add_arrows(b);
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

		if (b->keep[s->outcome] != SELECT_STEP || s->weakest_index == RC_NONE)
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
	b.strand_mask = selection_strand_id(in) ? rc_malloc(m->strands.len + 1) : NULL;
	if (b.strand_mask)
		selection_strands(m, selection_strand_id(in), b.strand_mask);
	b.g = graphviz_open(m->title);
	if (!b.step_nodes || (selection_strand_id(in) && !b.strand_mask) || !graphviz_named(b.g) ||
	    count_weakest(&b) != 0 || (in->view == RC_VIEW_OVERVIEW && overview_count(&b) != 0) ||
	    fold_columns(&b, links) != 0) {
		b.failed = 1;
		goto done;
	}
	declare_defaults(b.g, in->direction);
	if (in->view == RC_VIEW_STRAND) { /* a page: closer together, to fit A4 (docs/diagrams.md) */
		agattr(b.g, AGRAPH, "nodesep", "0.06");
		agattr(b.g, AGRAPH, "ranksep", "0.2");
		agattr(b.g, AGRAPH, "fontsize", "10");
		agattr(b.g, AGNODE, "fontsize", "10");
		agattr(b.g, AGNODE, "margin", "0.05,0.03");
	}
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
	rc_free(b.sub_column);
	rc_free(b.strand_mask);
	rc_free(b.cells);
	rc_free(b.cell_nodes);
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
