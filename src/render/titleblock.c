/* The title block (title, what is drawn and what is left out) and the key node (legend, assumptions and risks). */
#include <string.h>

#include "base/alloc.h"
#include "model/internal.h"
#include "render/selection.h"
#include "render/style.h"
#include "render/titleblock.h"

/*
 * The full key wraps a statement at KEY_WRAP characters; the short key cuts it
 * to one line of KEY_SHORT. The title block names up to LEFT_OUT_NAMED links
 * left out, model findings and influences, each cut to one line of NOTE_WIDTH.
 */
enum { KEY_WRAP = 70, KEY_SHORT = 40, LEFT_OUT_NAMED = 5, NOTE_WIDTH = 90 };

/* One row of the title block: `head` in bold, then the text the caller appends, then "</TD></TR>". */
static void open_row(struct builder *b, const char *head)
{
	builder_putf(b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>%s</B>", head);
}

/* Link `l` and why it is not drawn: an end that does not resolve, or an end the focus leaves out. */
static void put_left_out_link(struct builder *b, const rc_link *l)
{
	builder_put(b, "<BR/>• ");
	builder_put_wrapped(b, l->from, NOTE_WIDTH, 1);
	builder_put(b, " → ");
	builder_put_wrapped(b, l->to, NOTE_WIDTH, 1);
	builder_putf(b, " (line %u): ", (unsigned)l->loc.line);
	if (l->resolved) {
		builder_put(b, "outside the focus");
	} else if (l->column) {
		builder_put(b, "no such level");
	} else {
		builder_put(b, "no step '");
		builder_put_wrapped(b, l->from_step == RC_NONE ? l->from : l->to, NOTE_WIDTH, 1);
		builder_put(b, "'");
	}
}

/*
 * "Not drawn: N links" and the first few of them, when the diagram leaves
 * links out; on a page of every step at some levels, which must fit A4, only
 * their number.
 */
static void put_left_out(struct builder *b, size_t links)
{
	const rc_model *m = b->in->model;
	size_t left_out = m->links.len - links, named = 0, i;
	int levels_page = selection_levels_page(b->in);

	if (!left_out)
		return;
	builder_putf(
	        b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT COLOR=\"%s\"><B>Not drawn: %zu link%s</B></FONT>%s",
	        STYLE_ERROR_COLOR, left_out, left_out == 1 ? "" : "s",
	        levels_page ? ", of steps at other levels (on the other pages) or unresolved (see the report)" : "");
	for (i = 0; i < m->links.len && !levels_page && named < LEFT_OUT_NAMED; i++)
		if (!selection_link_kept(b->in, LINK(m, i), b->keep)) {
			put_left_out_link(b, LINK(m, i));
			named++;
		}
	if (left_out > named && !levels_page)
		builder_putf(b, "<BR/>… and %zu more (see the report)", left_out - named);
	builder_put(b, "</TD></TR>");
}

/* How many findings the title block may name: none without findings or with --no-findings. */
static size_t findings_named(const struct builder *b)
{
	return b->findings && !b->in->no_findings ? rc_findings_count(b->findings) : 0;
}

/* Nonzero for an error or warning about the whole model, not silenced: the title block names it. */
static int about_model(const rc_finding *f)
{
	return f->owner == RC_OWNER_MODEL && !f->suppressed && f->severity != RC_SEVERITY_NOTE;
}

/* The errors and warnings about the whole model, each on one line. */
static void put_model_findings(struct builder *b)
{
	size_t i, n = findings_named(b), shown = 0;

	for (i = 0; i < n; i++) {
		const rc_finding *f = rc_findings_at(b->findings, i);

		if (!about_model(f))
			continue;
		if (shown++ == 0)
			open_row(b, "About the whole model:");
		builder_putf(b, "<BR/>%s ", f->severity == RC_SEVERITY_ERROR ? "✖" : "▲");
		builder_put_wrapped(b, f->message, NOTE_WIDTH, 1);
		builder_putf(b, " [%s]", f->rule->code);
	}
	if (shown)
		builder_put(b, "</TD></TR>");
}

/* The external influences and rival explanations, each on one line with the step it bears on. */
static void put_influences(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t i;

	if (!m->influences.len)
		return;
	open_row(b, "Influences:");
	for (i = 0; i < m->influences.len; i++) {
		const rc_influence *x = MODEL_AT(m, influences, rc_influence, i);

		builder_putf(b, "<BR/>%s%s", x->kind == RC_INFLUENCE_RIVAL ? "rival" : "external",
		             x->on ? " on " : ": ");
		if (x->on) {
			builder_put_wrapped(b, x->on, NOTE_WIDTH, 1);
			builder_put(b, ": ");
		}
		builder_put_wrapped(b, x->text, NOTE_WIDTH, 1);
	}
	builder_put(b, "</TD></TR>");
}

/*
 * A strand page, which must fit A4, counts what is about the whole model and
 * leaves it to the overview and the full diagram.
 */
static void put_about_model_count(struct builder *b)
{
	size_t i, n = findings_named(b), findings = 0, influences = b->in->model->influences.len;

	for (i = 0; i < n; i++)
		findings += about_model(rc_findings_at(b->findings, i));
	if (findings || influences)
		builder_putf(b,
		             "<TR><TD ALIGN=\"LEFT\">About the whole model: %zu finding%s and %zu influence%s, "
		             "on the overview</TD></TR>",
		             findings, findings == 1 ? "" : "s", influences, influences == 1 ? "" : "s");
}

/* What part or view of the model is drawn, after the counts. */
static void put_view(struct builder *b)
{
	const rc_model *m = b->in->model;
	const char *id = selection_strand_id(b->in);
	const rc_strand *strand = NULL;
	const rc_strand_group *group = NULL;
	unsigned levels = b->in->view == RC_VIEW_STRAND ? b->in->view_levels : 0;
	size_t stubs = 0, i;

	if (id)
		selection_find(m, id, &strand, &group);
	for (i = 0; i < m->steps.len; i++)
		stubs += b->keep[i] == SELECT_STUB;
	if (b->cells)
		builder_put(b, m->strands.len ? ": overview, one box per strand and level (a step in several strands "
		                                "counts in its first)"
		                              : ": overview, one box per level");
	else if (!id && b->in->focus)
		builder_put(b, ": the pathways into step '");
	else if (id) /* on a page, on the same line: it must fit A4 */
		builder_putf(b, "%sthe steps of strand %s'", b->in->view == RC_VIEW_STRAND ? ": " : ":<BR/>",
		             strand ? "" : "group ");
	if (id || b->in->focus) {
		builder_put_wrapped(b, id ? (strand ? strand->name : group->name) : b->in->focus, NOTE_WIDTH, 1);
		builder_put(b, id ? "' and the links among them" : "'");
	}
	if (levels) { /* a page of part of the levels of a strand or of the whole model: docs/diagrams.md */
		char range[64];

		selection_levels_text(range, sizeof(range), levels);
		builder_putf(b, "%sat %s", id ? ",<BR/>" : ": every step ", range);
	}
	if (stubs)
		builder_putf(b, "%swith %zu step%s of other strands%s as dashed entry and exit stubs",
		             levels ? ", " : ",<BR/>", stubs, stubs == 1 ? "" : "s", levels ? " or levels" : "");
}

void titleblock_add(struct builder *b, size_t steps, size_t links)
{
	const rc_model *m = b->in->model;

	b->scratch.len = 0;
	builder_putf(b,
	             "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\"><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
	             "<FONT POINT-SIZE=\"%s\"><B>",
	             b->in->view == RC_VIEW_STRAND ? "14" : "20");
	builder_put_wrapped(b, m->title, 80, 0);
	builder_put(b, "</B></FONT></TD></TR><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
	if (steps == m->steps.len)
		builder_putf(b, "%zu step%s", steps, steps == 1 ? "" : "s");
	else
		builder_putf(b, "%zu of %zu steps", steps, m->steps.len);
	if (links == m->links.len)
		builder_putf(b, ", %zu link%s", links, links == 1 ? "" : "s");
	else
		builder_putf(b, ", %zu of %zu links drawn", links, m->links.len);
	put_view(b);
	builder_put(b, "</TD></TR>");
	put_left_out(b, links);
	if (b->in->view == RC_VIEW_STRAND) {
		put_about_model_count(b);
	} else {
		put_model_findings(b);
		put_influences(b);
	}
	builder_put(b, "</TABLE>");
	builder_set_html(b, b->g, "label");
}

/* Nonzero when the owner of a step or link annotation is drawn. */
static int owner_drawn(const struct builder *b, rc_owner_kind owner, size_t index)
{
	return owner == RC_OWNER_STEP
	               ? b->keep[index] == SELECT_STEP
	               : owner == RC_OWNER_LINK && selection_link_kept(b->in, LINK(b->in->model, index), b->keep);
}

/* One marker of the key: its position among the assumptions and then the risks, its text, and what the line skips. */
struct key_entry {
	size_t index;
	const char *text;
	size_t lead; /* the length of its lead-in, or 0 */
	size_t skip;
};

/* The length of a lead-in such as "General logic of the results chain: " (up to ": " in the first 60 bytes), or 0. */
static size_t lead_in(const char *text)
{
	const char *colon = strstr(text, ": ");

	return colon && colon - text < 60 ? (size_t)(colon - text) + 2 : 0;
}

/*
 * The short key skips a lead-in that another of the `n` entries shares: it
 * would fill the one line with the same words.
 */
static void shared_lead_ins(struct key_entry *e, size_t n)
{
	size_t k, j;

	for (k = 0; k < n; k++)
		e[k].lead = lead_in(e[k].text);
	for (k = 0; k < n; k++)
		for (j = 0; j < n && e[k].lead && !e[k].skip; j++)
			if (j != k && e[j].lead == e[k].lead && memcmp(e[j].text, e[k].text, e[k].lead) == 0)
				e[k].skip = e[k].lead;
}

/* One marker of the key and its text: whole, or cut to one line. */
static void put_key_entry(struct builder *b, const struct key_entry *e)
{
	size_t assumptions = b->in->model->assumptions.len;
	int full = b->in->key == RC_KEY_FULL;

	builder_putf(
	        b,
	        "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><B>%c%zu</B></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">",
	        e->index >= assumptions ? 'R' : 'A',
	        e->index >= assumptions ? e->index - assumptions + 1 : e->index + 1);
	builder_put_wrapped(b, e->text + e->skip, full ? KEY_WRAP : KEY_SHORT, full ? 0 : 1);
	builder_put(b, "</TD>");
}

/*
 * How many columns the key has for `n` entries: the full key up to three; the
 * short key (one line an entry) about twenty rows a column, up to four.
 */
static size_t key_columns(const struct builder *b, size_t n)
{
	if (b->in->key == RC_KEY_FULL)
		return n > 24 ? 3 : n > 8 ? 2 : 1;
	return n > 60 ? 4 : n > 40 ? 3 : n > 16 ? 2 : 1;
}

/*
 * The key: every assumption and risk marked on a drawn step or link (those
 * about the whole model are in the report), in columns filled top to bottom.
 */
static void put_key(struct builder *b)
{
	const rc_model *m = b->in->model;
	size_t total = m->assumptions.len + m->risks.len, n = 0, i, row, col, columns, rows;
	struct key_entry *shown = rc_calloc(total + 1, sizeof(struct key_entry));

	if (!shown) {
		b->failed = 1;
		return;
	}
	for (i = 0; i < total; i++) {
		const rc_assumption *a = i < m->assumptions.len ? MODEL_AT(m, assumptions, rc_assumption, i) : NULL;
		const rc_risk *r = a ? NULL : MODEL_AT(m, risks, rc_risk, i - m->assumptions.len);

		if (a ? owner_drawn(b, a->owner, a->owner_index) : owner_drawn(b, r->owner, r->owner_index)) {
			shown[n].index = i;
			shown[n++].text = a ? a->text : r->statement;
		}
	}
	if (b->in->key != RC_KEY_FULL)
		shared_lead_ins(shown, n);
	columns = key_columns(b, n);
	rows = (n + columns - 1) / columns;
	if (n)
		builder_putf(b,
		             "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" "
		             "CELLPADDING=\"1\"><TR><TD ALIGN=\"LEFT\" COLSPAN=\"%zu\"><B>Key: assumptions (A) and "
		             "risks (R)</B></TD></TR>",
		             2 * columns);
	for (row = 0; row < rows; row++) {
		builder_put(b, "<TR>");
		for (col = 0; col < columns && col * rows + row < n; col++)
			put_key_entry(b, &shown[col * rows + row]);
		builder_put(b, "</TR>");
	}
	if (n && b->in->key != RC_KEY_FULL)
		builder_putf(b,
		             "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"%zu\"><I>Each cut to one line, without a lead-in that "
		             "others share (up to its colon): the report has them in full.</I></TD></TR>",
		             2 * columns);
	if (n)
		builder_put(b, "</TABLE></TD></TR>");
	rc_free(shown);
}

static void put_legend(struct builder *b)
{
	builder_put(b,
	            "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
	            "CELLPADDING=\"3\">");
	if (b->confidence) {
		int r;

		builder_put(b, "<TR><TD ALIGN=\"LEFT\"><B>Confidence</B></TD>");
		for (r = RC_RATING_HIGH; r >= RC_RATING_NONE; r--)
			builder_putf(b, "<TD BGCOLOR=\"%s\">%s %s</TD>", style_of_rating(r)->fill,
			             style_of_rating(r)->mark, style_of_rating(r)->name);
		builder_put(b, "</TR><TR><TD></TD><TD COLSPAN=\"4\" ALIGN=\"LEFT\">unrated: dashed border, no "
		               "evidence</TD></TR>");
	}
	builder_put(b, "<TR><TD ALIGN=\"LEFT\"><B>Links</B></TD><TD>solid: causal</TD><TD>dashed: feedback</TD>"
	               "<TD>dotted: black box</TD><TD><FONT COLOR=\"" STYLE_COLUMN_COLOR "\"><B>thick blue</B></FONT>: "
	               "column link</TD></TR>");
	if (b->confidence)
		builder_put(b,
		            "<TR><TD></TD><TD COLSPAN=\"4\" ALIGN=\"LEFT\">colour and mark: link confidence</TD></TR>");
	if (b->findings && !b->in->no_findings)
		builder_put(b, "<TR><TD ALIGN=\"LEFT\"><B>Findings</B></TD><TD BGCOLOR=\"" STYLE_ERROR_COLOR
		               "\"><FONT COLOR=\"#FFFFFF\">✖ errors</FONT></TD><TD BGCOLOR=\"" STYLE_WARNING_COLOR
		               "\">▲ warnings</TD><TD COLSPAN=\"2\" ALIGN=\"LEFT\">thick vermillion border</TD></TR>");
	builder_put(b, "<TR><TD ALIGN=\"LEFT\"><B>Steps</B></TD><TD COLSPAN=\"4\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">cut "
	               "corners and ⚠ adverse or ◇ unintended: not an intended effect<BR/>↔ also in: a step of "
	               "several strands, drawn once in the first<BR/>dashed, no fill, strand in italics: a step of "
	               "another strand (entry or exit)</TD></TR>");
	if (b->confidence)
		builder_put(
		        b,
		        "<TR><TD ALIGN=\"LEFT\"><B>Stories</B></TD><TD COLSPAN=\"4\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">◆ "
		        "weakest link: the weakest step or link on an<BR/>outcome's strongest pathway (thick "
		        "black)</TD></TR>");
	if (!b->in->hide_evidence)
		builder_put(b, "<TR><TD ALIGN=\"LEFT\"><B>Evidence</B></TD><TD COLSPAN=\"4\" ALIGN=\"LEFT\">E2: two "
		               "pieces of evidence; A1, R1: see the key</TD></TR>");
	builder_put(b, "</TABLE></TD></TR>");
}

void titleblock_add_key(struct builder *b)
{
	Agnode_t *key;

	/* A strand page leaves the legend and key to the full diagram and the report: it must fit A4. */
	if (b->in->view == RC_VIEW_STRAND)
		return;
	key = builder_node(b, b->g, "key");
	if (!key)
		return;
	b->scratch.len = 0;
	builder_put(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">");
	put_legend(b);
	/* The overview's boxes carry no markers: its key would name nothing drawn. */
	if (!b->in->hide_evidence && b->in->key != RC_KEY_NONE && !b->cells)
		put_key(b);
	builder_put(b, "</TABLE>");
	builder_set_html(b, key, "label");
	builder_set(b, key, "shape", "plaintext");
	builder_set(b, key, "style", "");
	builder_set(b, key, "fontsize", "10");
	builder_set(b, key, "id", "key");
	/* The rank after the final outcomes: beside the chain, or below it from top to bottom. */
	builder_invisible_edge(b, b->level_nodes[RC_LEVEL_COUNT - 1], key, "0");
}
