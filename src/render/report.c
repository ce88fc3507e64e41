/*
 * The report back-end: one self-contained HTML file with inline CSS and the diagram as inline SVG.
 * By default a board report (docs/diagrams.md, "The report"): a verdict, confidence per outcome, the
 * diagram, the weakest links, the evidence gaps and the findings that matter most. `full` adds every
 * finding, the contribution stories, assumptions, risks, coverage and the logic-model table.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/diagnostic.h"
#include "base/error.h"
#include "check/coverage.h"
#include "model/internal.h"
#include "model/table.h"
#include "render/backends.h"
#include "render/selection.h"
#include "render/story.h"
#include "render/style.h"

/* Rows of the weakest links, evidence gaps and finding groups, strand pages and stories a board report gives; the
 * full one gives all. */
enum { BOARD_ROWS = 5, BOARD_GROUPS = 8, BOARD_PAGES = 2, BOARD_STORIES = 5, FIXES = 3, NAMED_OUTCOMES = 3 };

/* A board report cuts the example finding of a rule after this many bytes; the full report has it whole. */
enum { EXAMPLE_BYTES = 160 };

/*
 * The page's style: screen and print. Print is A4 landscape with the model's
 * title, the date and the page number in the margins of every page; the
 * diagram and each section of the full report start a page; rows never split.
 */
static const char *const style =
        "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;line-height:1.4;color:#111;margin:2em;}"
        "h1{font-size:20pt;margin:0 0 .3em}h2{font-size:15pt;border-bottom:2px solid #0072B2;margin-top:1.2em}"
        "h3{font-size:12pt;margin:1em 0 .3em}table{border-collapse:collapse;width:100%;margin:.5em 0 1em}"
        "caption{text-align:left;font-weight:bold;padding:.2em 0}"
        "th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}"
        "th{background:#E8E8E8}"
        "thead{display:table-header-group}tr,td,th,li{break-inside:avoid;page-break-inside:avoid}"
        "h2,h3,caption{break-after:avoid;page-break-after:avoid}.diagram svg{max-width:100%;height:auto}"
        ".high{background:" STYLE_FILL_HIGH "}.medium{background:" STYLE_FILL_MEDIUM "}.low{background:" STYLE_FILL_LOW
        "}.none{background:#FFF}.error{background:" STYLE_ERROR_COLOR
        ";color:#FFF}.warning{background:" STYLE_WARNING_COLOR "}.note{background:#E8E8E8}"
        "td.high,td.medium,td.low,td.none{white-space:nowrap}table.narrow{width:auto}.muted{color:#555}code{font-size:"
        "10pt}ul.cell{margin:0;padding-left:1.1em}table.overview{table-layout:fixed}"
        "table.overview th:first-child{width:16%}"
        "@media print{body{margin:0;font-size:10pt}h1{font-size:17pt}h2{font-size:13pt}"
        "section.page{break-before:page;page-break-before:always}section.page>h2{margin-top:0}"
        ".diagram svg{width:auto;height:auto;max-width:100%;max-height:150mm}section.strand .diagram svg{max-height:"
        "165mm}}";

struct report {
	rc_buffer *out;
	const rc_render_input *in;
	const rc_model *m;
	const rc_findings *f;
	const rc_confidence *c;
	rc_gaps *gaps;
	struct group *groups; /* unsilenced findings by rule and severity, most severe and most frequent first */
	size_t group_count;
	rc_buffer scratch;
	int failed;
};

/* The unsilenced findings of one rule at one severity. */
struct group {
	const rc_finding *first;
	size_t count;
};

static void put(struct report *r, const char *s)
{
	if (!r->failed && buffer_puts(r->out, s) != 0)
		r->failed = 1;
}

/* Formatted output; only numbers and fixed strings may be formatted in: user text goes through text(). */
static void putf(struct report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!r->failed && buffer_vprintf(r->out, fmt, ap) != 0)
		r->failed = 1;
	va_end(ap);
}

/* User text, escaped for HTML text and attribute values. NULL writes nothing. */
static void text(struct report *r, const char *s)
{
	if (s && !r->failed && buffer_xml_text(r->out, s) != 0)
		r->failed = 1;
}

/* User text cut at a word after at most `max` bytes (never inside a character), with "…" when cut. */
static void text_cut(struct report *r, const char *s, size_t max)
{
	size_t len = strlen(s), cut = max;

	if (len <= max) {
		text(r, s);
		return;
	}
	while (cut > max / 2 && s[cut] != ' ')
		cut--;
	if (s[cut] != ' ')
		for (cut = max; cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80; cut--)
			;
	r->scratch.len = 0;
	if (buffer_append(&r->scratch, s, cut) != 0 || buffer_append(&r->scratch, "", 1) != 0)
		r->failed = 1;
	if (!r->failed)
		text(r, r->scratch.data);
	put(r, "…");
}

/* User text as a quoted CSS string inside <style>: quotes, backslashes, '<', '>' and '&' as hex escapes. */
static void css_string(struct report *r, const char *s)
{
	static const char *const with[ESCAPE_TABLE_SIZE] = {
		['\n'] = "\\A ",  ['\t'] = " ",    ['\r'] = " ",    ['"'] = "\\22 ",
		['\\'] = "\\5C ", ['<'] = "\\3C ", ['>'] = "\\3E ", ['&'] = "\\26 ",
	};

	put(r, "\"");
	if (s && !r->failed && buffer_escape(r->out, s, strlen(s), with) != 0)
		r->failed = 1;
	put(r, "\"");
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static void rating(struct report *r, rc_rating rating)
{
	putf(r, "<td class=\"%s\">%s %s</td>", rc_rating_name(rating), style_of_rating(rating)->mark,
	     style_of_rating(rating)->name);
}

/* "title (id)" of a step. */
static void step_name(struct report *r, size_t i)
{
	text(r, STEP(r->m, i)->title);
	put(r, " <span class=\"muted\">(");
	text(r, STEP(r->m, i)->id);
	put(r, ")</span>");
}

static void link_name_html(struct report *r, size_t i)
{
	const rc_link *l = LINK(r->m, i);

	if (l->column) {
		putf(r, "column link %s → %s", rc_level_title(l->from_level), rc_level_title(l->to_level));
		return;
	}
	put(r, "link ");
	text(r, l->from);
	put(r, " → ");
	text(r, l->to);
	if (l->resolved) {
		put(r, " <span class=\"muted\">(");
		text(r, STEP(r->m, l->from_step)->title);
		put(r, " → ");
		text(r, STEP(r->m, l->to_step)->title);
		put(r, ")</span>");
	}
}

static void owner_name(struct report *r, rc_owner_kind owner, size_t index)
{
	if (owner == RC_OWNER_STEP)
		step_name(r, index);
	else if (owner == RC_OWNER_LINK)
		link_name_html(r, index);
	else
		put(r, "whole model");
}

/* Opens a section; in print, one with `page` set starts a page. */
static void section(struct report *r, const char *id, const char *title, int page)
{
	putf(r, "<section id=\"%s\"%s><h2>%s</h2>\n", id, page ? " class=\"page\"" : "", title);
}

/*
 * Opens a table captioned `caption` when it will have rows, with the column
 * headers `head` separated by '|' ("Outcome|Confidence"); otherwise says `none` (unless NULL).
 */
static void table_open(struct report *r, size_t rows, const char *none, const char *caption, const char *head)
{
	const char *p = head;

	if (rows == 0) {
		if (none)
			putf(r, "<p>%s</p>", none);
		return;
	}
	putf(r, "<table><caption>%s</caption><thead><tr>", caption);
	while (*p) {
		size_t n = strcspn(p, "|");

		putf(r, "<th scope=\"col\">%.*s</th>", (int)n, p);
		p += n + (p[n] == '|');
	}
	put(r, "</tr></thead><tbody>");
}

static void table_close(struct report *r, size_t rows)
{
	if (rows)
		put(r, "</tbody></table>");
}

/* How many rows of `total` a list shows: all in the full report, else at most `board`; says how many it leaves out. */
static size_t shown(struct report *r, size_t total, size_t board)
{
	return r->in->full || total <= board ? total : board;
}

static void more_in_full(struct report *r, size_t total, size_t listed, const char *what)
{
	if (listed < total)
		putf(r, "<p class=\"muted\">%zu more %s: <code>rchain report --full</code> lists them all.</p>",
		     total - listed, what);
}

/* ---- the finding groups ---- */

static int group_order(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (x->first->severity != y->first->severity)
		return x->first->severity > y->first->severity ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->first->rule->code, y->first->rule->code);
}

/* Groups the unsilenced findings by rule and severity; 0 or RC_ENOMEM. */
static int group_findings(struct report *r)
{
	size_t i, k, n = rc_findings_count(r->f);

	r->groups = rc_malloc((n ? n : 1) * sizeof(*r->groups));
	if (!r->groups)
		return RC_ENOMEM;
	for (i = 0; i < n; i++) {
		const rc_finding *x = rc_findings_at(r->f, i);

		if (x->suppressed || x->severity < r->in->min_severity)
			continue;
		for (k = 0; k < r->group_count; k++)
			if (r->groups[k].first->rule == x->rule && r->groups[k].first->severity == x->severity)
				break;
		if (k == r->group_count)
			r->groups[r->group_count++] = (struct group){ x, 0 };
		r->groups[k].count++;
	}
	qsort(r->groups, r->group_count, sizeof(*r->groups), group_order);
	return 0;
}

/* ---- the verdict ---- */

/* One thing to fix: a rule's findings, in the catalogue's words. */
static void fix_group(struct report *r, const struct group *g)
{
	put(r, "<li>");
	text(r, g->first->rule->summary);
	put(r, " ");
	text(r, g->first->rule->hint);
	putf(r, " <span class=\"muted\">(%zu %s%s, %s %s)</span></li>", g->count, rc_severity_name(g->first->severity),
	     plural(g->count), g->first->rule->code, g->first->rule->slug);
}

static void fix_gap(struct report *r, size_t i)
{
	const rc_gap *gap = rc_gaps_at(r->gaps, i);

	put(r, "<li>Find one strong piece of evidence for ");
	owner_name(r, gap->owner, gap->index);
	putf(r, ": it would raise the confidence of %zu outcome%s.</li>", gap->outcomes, plural(gap->outcomes));
}

/* The three things to fix first: errors, then the best evidence gap, then warnings, further gaps and notes. */
static void fixes(struct report *r)
{
	size_t n = 0, i = 0, gap = 0, gap_count = rc_gaps_count(r->gaps);

	put(r, "<h3>Three things to fix first</h3>");
	if (r->group_count == 0 && gap_count == 0) {
		put(r, "<p>Nothing stands out: the check found nothing, and no single piece of evidence would raise "
		       "an outcome's confidence.</p>");
		return;
	}
	put(r, "<ol>");
	for (; i < r->group_count && n < FIXES && r->groups[i].first->severity == RC_SEVERITY_ERROR; i++, n++)
		fix_group(r, &r->groups[i]);
	if (n < FIXES && gap < gap_count) {
		fix_gap(r, gap++);
		n++;
	}
	for (; i < r->group_count && n < FIXES && r->groups[i].first->severity == RC_SEVERITY_WARNING; i++, n++)
		fix_group(r, &r->groups[i]);
	for (; gap < gap_count && n < FIXES; gap++, n++)
		fix_gap(r, gap);
	for (; i < r->group_count && n < FIXES; i++, n++)
		fix_group(r, &r->groups[i]);
	put(r, "</ol>");
}

/* What the story claims: the final outcomes the inputs and activities lead to, the first few by name. */
static void claim(struct report *r, size_t outcomes)
{
	size_t inputs, activities, i;

	rc_model_level_steps(r->m, RC_LEVEL_INPUT, &inputs);
	rc_model_level_steps(r->m, RC_LEVEL_ACTIVITY, &activities);
	putf(r, "The model claims that its %zu input%s and %zu activit%s lead to %zu final outcome%s: ", inputs,
	     plural(inputs), activities, activities == 1 ? "y" : "ies", outcomes, plural(outcomes));
	for (i = 0; i < outcomes && i < NAMED_OUTCOMES; i++) {
		put(r, i == 0 ? "" : i + 1 == outcomes ? " and " : ", ");
		text(r, STEP(r->m, rc_confidence_story(r->c, i)->outcome)->title);
	}
	if (outcomes > NAMED_OUTCOMES)
		putf(r, " and %zu more", outcomes - NAMED_OUTCOMES);
	put(r, ". ");
}

/* How well it is evidenced: the outcomes by confidence, the steps and links with no evidence, the findings. */
static void evidenced(struct report *r, size_t outcomes)
{
	size_t by[RC_RATING_COUNT] = { 0 }, unreached = 0, bare = 0, i;

	for (i = 0; i < outcomes; i++) {
		const rc_story *s = rc_confidence_story(r->c, i);

		if (s->reached)
			by[s->confidence]++;
		else
			unreached++;
	}
	if (outcomes)
		putf(r,
		     "Confidence in them: %zu high, %zu medium, %zu low, %zu unrated, %zu unreached (no pathway "
		     "from an input or activity). ",
		     by[RC_RATING_HIGH], by[RC_RATING_MEDIUM], by[RC_RATING_LOW], by[RC_RATING_NONE], unreached);
	for (i = 0; i < r->m->steps.len; i++)
		bare += rc_confidence_step(r->c, i) == RC_RATING_NONE;
	for (i = 0; i < r->m->links.len; i++)
		bare += rc_confidence_link(r->c, i) == RC_RATING_NONE;
	putf(r, "%zu of its %zu steps and links are unrated: no evidence supports them. ", bare,
	     r->m->steps.len + r->m->links.len);
	putf(r, "The check found %zu error%s, %zu warning%s and %zu note%s.",
	     rc_findings_count_severity(r->f, RC_SEVERITY_ERROR),
	     plural(rc_findings_count_severity(r->f, RC_SEVERITY_ERROR)),
	     rc_findings_count_severity(r->f, RC_SEVERITY_WARNING),
	     plural(rc_findings_count_severity(r->f, RC_SEVERITY_WARNING)),
	     rc_findings_count_severity(r->f, RC_SEVERITY_NOTE),
	     plural(rc_findings_count_severity(r->f, RC_SEVERITY_NOTE)));
}

static void verdict(struct report *r)
{
	size_t outcomes = rc_confidence_story_count(r->c);

	section(r, "verdict", "Verdict", 0);
	put(r, "<p>");
	if (outcomes)
		claim(r, outcomes);
	else
		put(r, "The model names no final outcome, so it does not yet tell how its work leads to a result. ");
	evidenced(r, outcomes);
	put(r, "</p>");
	fixes(r);
	put(r, "</section>\n");
}

static void confidence(struct report *r)
{
	size_t i, n = rc_confidence_story_count(r->c);

	section(r, "confidence", "Confidence per outcome", 0);
	table_open(
	        r, n, "The model has no outcome step.",
	        "Each final outcome, rated by its strongest pathway (docs/confidence.md); unreached: no pathway from "
	        "an input or activity leads there",
	        "Outcome|Confidence|Weakest link");
	for (i = 0; i < n; i++) {
		const rc_story *s = rc_confidence_story(r->c, i);

		put(r, "<tr><th scope=\"row\">");
		step_name(r, s->outcome);
		put(r, "</th>");
		rating(r, s->confidence);
		put(r, "<td>");
		if (s->column_level)
			put(r, "(column level) ");
		if (s->reached)
			owner_name(r, s->weakest, s->weakest_index);
		else
			put(r, "unreached");
		put(r, "</td></tr>");
	}
	table_close(r, n);
	put(r, "</section>\n");
}

/* ---- the full report's summary ---- */

static void summary(struct report *r)
{
	const rc_model *m = r->m;
	rc_level level;

	section(r, "summary", "Summary", 1);
	if (m->description) {
		put(r, "<p>");
		text(r, m->description);
		put(r, "</p>");
	}
	if (m->source) {
		put(r, "<p class=\"muted\">Source: ");
		text(r, m->source);
		put(r, "</p>");
	}
	if (rc_model_has_partnership(m)) {
		size_t i;

		putf(r, "<h3>Partnership</h3><p>Formation: %s; %zu partner%s.</p>", rc_formation_name(m->formation),
		     m->partners.len, plural(m->partners.len));
		table_open(r, m->partners.len, NULL, "The partners", "Partner|Sector|Role");
		for (i = 0; i < m->partners.len; i++) {
			const rc_partner *p = MODEL_AT(m, partners, rc_partner, i);

			put(r, "<tr><th scope=\"row\">");
			text(r, p->name);
			putf(r, "</th><td>%s</td><td>%s</td></tr>", rc_sector_name(p->sector), rc_role_name(p->role));
		}
		table_close(r, m->partners.len);
	}
	put(r, "<h3>Counts</h3><table class=\"narrow\"><caption>What the model holds</caption><tbody>");
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t n;

		rc_model_level_steps(m, level, &n);
		putf(r, "<tr><th scope=\"row\">%s</th><td>%zu</td></tr>", rc_level_title(level), n);
	}
	putf(r,
	     "<tr><th scope=\"row\">Links</th><td>%zu</td></tr><tr><th scope=\"row\">Strands</th><td>%zu</td></tr>"
	     "<tr><th scope=\"row\">Assumptions</th><td>%zu</td></tr><tr><th scope=\"row\">Risks</th><td>%zu</td></tr>"
	     "<tr><th scope=\"row\">Pieces of evidence</th><td>%zu</td></tr><tr><th scope=\"row\">Errors</th>"
	     "<td>%zu</td></tr><tr><th scope=\"row\">Warnings</th><td>%zu</td></tr><tr><th scope=\"row\">Notes</th>"
	     "<td>%zu</td></tr></tbody></table>",
	     m->links.len, m->strands.len, m->assumptions.len, m->risks.len, m->evidence.len,
	     rc_findings_count_severity(r->f, RC_SEVERITY_ERROR), rc_findings_count_severity(r->f, RC_SEVERITY_WARNING),
	     rc_findings_count_severity(r->f, RC_SEVERITY_NOTE));
	put(r, "</section>\n");
}

/* ---- the diagram ---- */

/*
 * One view of the diagram as inline SVG, without the XML declaration and
 * DOCTYPE Graphviz puts before it. Over the size limit the renderer refuses
 * before any layout, and its message stands in for the diagram.
 */
static int view(struct report *r, const rc_render_input *in, rc_error *err)
{
	rc_buffer svg = { 0 };
	const char *start;
	int rc = diagram_svg(&svg, in, err);

	if (rc == RC_ELIMIT) {
		put(r, "<p>No diagram: ");
		text(r, err->message);
		put(r, ".</p>");
		return 0;
	}
	if (rc != 0)
		return rc;
	start = strstr(svg.data, "<svg");
	put(r, "<div class=\"diagram\">");
	if (start) {
		/* An image to a screen reader, named by the model: the sections after it say in words what it shows. */
		put(r, "<svg role=\"img\" aria-label=\"Diagram of the results chain: ");
		text(r, r->m->title);
		put(r, "\"");
		start += strlen("<svg");
	}
	if (start && !r->failed && buffer_append(r->out, start, svg.len - (size_t)(start - svg.data)) != 0)
		r->failed = 1;
	put(r, "</div>");
	rc_buffer_free(&svg);
	return 0;
}

/* One strand page, and what makes it worth a board's attention. */
struct page {
	rc_render_page page;
	size_t index;    /* in the order of rc_render_pages() */
	size_t weakest;  /* outcomes whose weakest point the page draws */
	size_t errors;   /* error findings on its steps */
	size_t warnings; /* findings of warning or error severity on its steps */
};

/* Most weakest points first, then most errors, then most warnings; then in the model's order. */
static int page_order(const void *a, const void *b)
{
	const struct page *x = a, *y = b;

	if (x->weakest != y->weakest)
		return x->weakest > y->weakest ? -1 : 1;
	if (x->errors != y->errors)
		return x->errors > y->errors ? -1 : 1;
	if (x->warnings != y->warnings)
		return x->warnings > y->warnings ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int page_index_order(const void *a, const void *b)
{
	const struct page *x = a, *y = b;

	return x->index < y->index ? -1 : x->index > y->index;
}

/* Nonzero when a page that draws the steps `keep` marks draws the step or step link `owner`, `index`. */
static int page_draws(const rc_model *m, const unsigned char *keep, rc_owner_kind owner, size_t index)
{
	const rc_link *l;

	if (owner == RC_OWNER_STEP)
		return keep[index] == SELECT_STEP;
	if (owner != RC_OWNER_LINK)
		return 0;
	l = LINK(m, index);
	return l->resolved && !l->column && (keep[l->from_step] == SELECT_STEP || keep[l->to_step] == SELECT_STEP);
}

/* Weighs strand page `p->page` (docs/diagrams.md, "Large models in the report"). */
static int page_weigh(const struct report *r, struct page *p, rc_error *err)
{
	rc_render_input in = *r->in;
	size_t steps, links, i;
	unsigned char *keep;

	in.view = RC_VIEW_STRAND;
	in.view_strand = p->page.strand;
	in.view_levels = p->page.levels;
	keep = selection_of(&in, &steps, &links, err);
	if (!keep)
		return err->status;
	/* A board gets only pages it can read: a bigger one is in the full report. */
	if (!r->in->full && steps > RC_RENDER_PAGE_STEPS) {
		rc_free(keep);
		return 0;
	}
	for (i = 0; i < rc_confidence_story_count(r->c); i++) {
		const rc_story *s = rc_confidence_story(r->c, i);

		p->weakest += s->reached && page_draws(r->m, keep, s->weakest, s->weakest_index);
	}
	for (i = 0; i < r->m->steps.len; i++) {
		if (keep[i] != SELECT_STEP)
			continue;
		p->errors += rc_findings_count_step(r->f, i, RC_SEVERITY_ERROR);
		p->warnings += rc_findings_count_step(r->f, i, RC_SEVERITY_WARNING);
	}
	rc_free(keep);
	return 0;
}

/* The heading of page `page` (of a strand, or of every step), or of the overview (NULL). */
static void page_heading(struct report *r, const rc_render_page *page)
{
	const rc_strand *s = NULL;
	const rc_strand_group *g = NULL;

	if (page && page->strand)
		selection_find(r->m, page->strand, &s, &g);
	put(r, "<h3>");
	if (page && page->strand) {
		put(r, g ? "Strand group: " : "Strand: ");
		text(r, g ? g->name : s->name);
	} else if (page) {
		put(r, "Results chain");
	} else {
		put(r, r->m->strands.len ? "Overview: each strand's steps by level" : "Overview: the steps by level");
	}
	if (page && page->levels) {
		char range[64];

		selection_levels_text(range, sizeof(range), page->levels);
		putf(r, ", %s", range);
	}
	put(r, "</h3>\n");
}

/*
 * Draws the overview, after the section's heading; or page `page` on a
 * printed page of its own, or when `first` under the section's heading
 * without a heading of its own (its title block names its levels: two
 * headings and the page would not fit one A4 page).
 */
static int page_view(struct report *r, rc_view_kind kind, const rc_render_page *page, int first, rc_error *err)
{
	rc_render_input in = *r->in;
	int rc;

	in.view = kind;
	in.view_strand = page ? page->strand : NULL;
	in.view_levels = page ? page->levels : 0;
	put(r, !page ? "<section>" : first ? "<section class=\"strand\">" : "<section class=\"page strand\">");
	if (!page || !first)
		page_heading(r, page);
	rc = view(r, &in, err);
	put(r, "</section>\n");
	return rc;
}

/* One row of the board's overview: the boxes of strand slot `strand` (RC_NONE: steps in no strand). */
static void overview_row(struct report *r, const struct overview_cell *cells, size_t strand)
{
	const rc_strand *st = strand == RC_NONE ? NULL : MODEL_AT(r->m, strands, rc_strand, strand);
	size_t steps = 0;
	rc_level level;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		steps += cells[selection_overview_slot(r->m, strand, level)].steps;
	if (!steps)
		return;
	put(r, "<tr><th scope=\"row\">");
	text(r, st ? st->name : "No strand");
	put(r, "</th>");
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		const struct overview_cell *c = &cells[selection_overview_slot(r->m, strand, level)];
		rc_rating lowest = c->rated ? c->lowest : RC_RATING_NONE;

		if (!c->steps) {
			put(r, "<td></td>");
			continue;
		}
		putf(r, "<td class=\"%s\">%zu step%s", r->c ? rc_rating_name(lowest) : "none", c->steps,
		     plural(c->steps));
		if (r->c)
			putf(r, "<br>%s %s", style_of_rating(lowest)->mark, style_of_rating(lowest)->name);
		if (c->count[0])
			putf(r, "<br>&#x2716; %zu error%s", c->count[0], plural(c->count[0]));
		if (c->count[1])
			putf(r, "<br>&#x25B2; %zu warning%s", c->count[1], plural(c->count[1]));
		put(r, "</td>");
	}
	put(r, "</tr>");
}

/*
 * The board's overview of a large model, as a table that prints legibly
 * where the overview's picture of many strands would not (the full report
 * draws the picture): each strand's steps by level, group by group, with
 * the lowest rating and the findings of each box.
 */
static int overview_table(struct report *r)
{
	const rc_model *m = r->m;
	struct overview_cell *cells = selection_overview(r->in);
	size_t g, i;
	rc_level level;

	if (!cells)
		return RC_ENOMEM;
	putf(r,
	     "<section><h3>Overview: %s steps by level</h3><table class=\"overview\"><caption>Steps, lowest rating and "
	     "findings at "
	     "each level (the picture with its pathways is in the full report)</caption><thead><tr><th "
	     "scope=\"col\">Strand</th>",
	     m->strands.len ? "each strand's" : "the");
	for (level = 0; level < RC_LEVEL_COUNT; level++)
		putf(r, "<th scope=\"col\">%s</th>", rc_level_title(level));
	put(r, "</tr></thead><tbody>");
	for (g = 0; g <= m->strand_groups.len; g++) { /* the groups in order, then the strands in none */
		const rc_strand_group *group =
		        g < m->strand_groups.len ? MODEL_AT(m, strand_groups, rc_strand_group, g) : NULL;

		if (group) {
			putf(r, "<tr><th scope=\"rowgroup\" colspan=\"%d\">Strand group: ", RC_LEVEL_COUNT + 1);
			text(r, group->name);
			put(r, "</th></tr>");
		}
		for (i = 0; i < m->strands.len; i++)
			if (MODEL_AT(m, strands, rc_strand, i)->group_index == (group ? g : RC_NONE))
				overview_row(r, cells, i);
	}
	overview_row(r, cells, RC_NONE);
	put(r, "</tbody></table></section>\n");
	rc_free(cells);
	return 0;
}

/*
 * A large model page by page: the overview, then the strand pages
 * (rc_render_pages), every one in the full report and in a board report the
 * few of at most RC_RENDER_PAGE_STEPS steps that draw the most outcomes'
 * weakest points and the worst findings.
 */
static int pages(struct report *r, rc_error *err)
{
	size_t i, n, listed = 0;
	rc_render_page *list = NULL;
	struct page *p = NULL;
	int rc = r->in->full ? page_view(r, RC_VIEW_OVERVIEW, NULL, 0, err) : overview_table(r);

	if (rc == 0)
		rc = rc_render_pages(&list, &n, r->in, err);
	if (rc != 0 || n == 0)
		goto done;
	p = rc_calloc(n, sizeof(*p));
	if (!p) {
		rc = RC_ENOMEM;
		goto done;
	}
	for (i = 0; i < n && rc == 0; i++) {
		p[i].page = list[i];
		p[i].index = i;
		rc = page_weigh(r, &p[i], err);
	}
	if (rc == 0 && !r->in->full) {
		qsort(p, n, sizeof(*p), page_order);
		while (listed < n && listed < BOARD_PAGES && (p[listed].weakest || p[listed].warnings))
			listed++;
		qsort(p, listed, sizeof(*p), page_index_order);
	} else {
		listed = n;
	}
	for (i = 0; i < listed && rc == 0; i++)
		rc = page_view(r, RC_VIEW_STRAND, &p[i].page, 0, err);
	if (rc == 0)
		more_in_full(r, n, listed, "strand pages");
done:
	rc_free(p);
	rc_render_pages_free(&list);
	return rc;
}

/*
 * A model of at most RC_RENDER_PAGE_STEPS steps: every step on pages in the
 * style of a strand page (rc_render_model_pages), the first after the
 * section's heading.
 */
static int model_pages(struct report *r, rc_error *err)
{
	size_t i, n;
	rc_render_page *list = NULL;
	int rc = rc_render_model_pages(&list, &n, r->in, err);

	for (i = 0; i < n && rc == 0; i++)
		rc = page_view(r, RC_VIEW_STRAND, &list[i], i == 0, err);
	rc_render_pages_free(&list);
	return rc;
}

/*
 * The diagram section: the view asked for, fitted to one printed page; unless
 * a view or focus is asked for, the model page by page: every step, or for a
 * model of more steps than a page holds the overview and strand pages.
 */
static int diagram(struct report *r, rc_error *err)
{
	int rc;

	section(r, "diagram", "Diagram", 1);
	if (r->in->view != RC_VIEW_CHAIN || r->in->focus)
		rc = view(r, r->in, err);
	else if (r->m->steps.len > RC_RENDER_PAGE_STEPS)
		rc = pages(r, err);
	else
		rc = model_pages(r, err);
	put(r, "</section>\n");
	return rc;
}

/* ---- weakest links and evidence gaps ---- */

/* A step or link that is the weakest point of the strongest pathway to `outcomes` outcomes. */
struct weak {
	rc_owner_kind owner;
	size_t index;
	rc_rating rating;
	size_t outcomes;
};

static int weak_order(const void *a, const void *b)
{
	const struct weak *x = a, *y = b;

	if (x->outcomes != y->outcomes)
		return x->outcomes > y->outcomes ? -1 : 1;
	if (x->rating != y->rating)
		return x->rating < y->rating ? -1 : 1;
	if (x->owner != y->owner)
		return x->owner == RC_OWNER_STEP ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The outcomes whose weakest point `w` is, by title. */
static void weak_outcomes(struct report *r, const struct weak *w)
{
	size_t i;

	put(r, "<td><ul class=\"cell\">");
	for (i = 0; i < rc_confidence_story_count(r->c); i++) {
		const rc_story *s = rc_confidence_story(r->c, i);

		if (!s->reached || s->weakest != w->owner || s->weakest_index != w->index)
			continue;
		put(r, "<li>");
		text(r, STEP(r->m, s->outcome)->title);
		put(r, "</li>");
	}
	put(r, "</ul></td>");
}

static int weakest(struct report *r)
{
	size_t i, k, n = 0, outcomes = rc_confidence_story_count(r->c), listed;
	struct weak *w = rc_malloc((outcomes ? outcomes : 1) * sizeof(*w));

	if (!w)
		return RC_ENOMEM;
	for (i = 0; i < outcomes; i++) {
		const rc_story *s = rc_confidence_story(r->c, i);

		if (!s->reached)
			continue;
		for (k = 0; k < n && (w[k].owner != s->weakest || w[k].index != s->weakest_index); k++)
			;
		if (k == n)
			w[n++] =
			        (struct weak){ s->weakest, s->weakest_index,
				               s->weakest == RC_OWNER_STEP ? rc_confidence_step(r->c, s->weakest_index)
				                                           : rc_confidence_link(r->c, s->weakest_index),
				               0 };
		w[k].outcomes++;
	}
	qsort(w, n, sizeof(*w), weak_order);
	listed = shown(r, n, BOARD_ROWS);
	section(r, "weakest", "Weakest links", 1);
	put(r, "<p>Each outcome is as strong as the weakest step or link on its strongest pathway; these hold up "
	       "the most outcomes.</p>");
	table_open(r, listed, "No pathway reaches an outcome, so no link is weakest.",
	           "The weakest points of the outcomes' pathways, most outcomes first",
	           "Step or link|Confidence|Weakest point of");
	for (i = 0; i < listed; i++) {
		put(r, "<tr><td>");
		owner_name(r, w[i].owner, w[i].index);
		put(r, "</td>");
		rating(r, w[i].rating);
		weak_outcomes(r, &w[i]);
		put(r, "</tr>");
	}
	table_close(r, listed);
	more_in_full(r, n, listed, "weakest links");
	put(r, "</section>\n");
	rc_free(w);
	return 0;
}

static void gaps(struct report *r)
{
	size_t i, k, total = rc_gaps_count(r->gaps), listed = shown(r, total, BOARD_ROWS);

	section(r, "gaps", r->in->full ? "Evidence gaps" : "Evidence gaps that matter", 0);
	put(r, "<p>Where one more strong piece of supporting evidence would raise outcomes' confidence, most gain "
	       "first (gain: rating levels gained, summed over the outcomes).</p>");
	table_open(r, listed, "No single piece of evidence would raise any outcome's confidence.",
	           "Evidence gaps, most gain first", "#|Step or link|Now|With it|Outcomes raised|Gain");
	for (i = 0; i < listed; i++) {
		const rc_gap *gap = rc_gaps_at(r->gaps, i);
		const rc_gap_effect *effects = rc_gaps_effects(r->gaps, i);

		putf(r, "<tr><td>%zu</td><td>", i + 1);
		owner_name(r, gap->owner, gap->index);
		put(r, "</td>");
		rating(r, gap->rating);
		rating(r, gap->raised);
		put(r, "<td><ul class=\"cell\">");
		for (k = 0; k < gap->outcomes; k++) {
			const rc_story *s = rc_confidence_story(r->c, effects[k].story);

			put(r, "<li>");
			text(r, STEP(r->m, s->outcome)->title);
			putf(r, ": %s → %s</li>", rc_rating_name(s->confidence), rc_rating_name(effects[k].after));
		}
		putf(r, "</ul></td><td>%zu</td></tr>", gap->gain);
	}
	table_close(r, listed);
	more_in_full(r, total, listed, "evidence gaps");
	put(r, "</section>\n");
}

/* ---- findings ---- */

/* The severity of a finding as a class (its colour) and a text twin. */
static void severity_cell(struct report *r, const rc_finding *x)
{
	putf(r, "<td class=\"%s\">%s %s<br>%s</td>", rc_severity_name(x->severity), x->rule->code,
	     rc_severity_name(x->severity), x->rule->slug);
}

/* The board's findings: the rules found most often, errors first, with an example and what to do. */
static void top_findings(struct report *r)
{
	size_t i, listed = shown(r, r->group_count, BOARD_GROUPS);

	table_open(r, listed, "The check found nothing to report.",
	           "Findings by rule, most severe and most frequent first", "Rule|Findings|For example|What to do");
	for (i = 0; i < listed; i++) {
		const struct group *g = &r->groups[i];

		put(r, "<tr>");
		severity_cell(r, g->first);
		putf(r, "<td>%zu</td><td>", g->count);
		text_cut(r, g->first->message, EXAMPLE_BYTES);
		put(r, "</td><td>");
		text(r, g->first->rule->hint);
		put(r, "</td></tr>");
	}
	table_close(r, listed);
	more_in_full(r, r->group_count, listed, "rules with findings");
	put(r, "<p class=\"muted\"><code>rchain report --full</code> and <code>rchain check</code> list every "
	       "finding with its place in the file.</p>");
}

static void findings_of(struct report *r, rc_severity severity, int silenced, const char *title)
{
	size_t i, n = 0;

	for (i = 0; i < rc_findings_count(r->f); i++) {
		const rc_finding *x = rc_findings_at(r->f, i);

		if (x->severity != severity || (x->suppressed != NULL) != silenced || severity < r->in->min_severity)
			continue;
		if (n++ == 0)
			putf(r,
			     "<h3>%s</h3><table><caption>%s, in file order</caption><thead><tr><th "
			     "scope=\"col\">Where</th>"
			     "<th scope=\"col\">Rule</th><th scope=\"col\">Finding</th><th scope=\"col\">%s</th></tr>"
			     "</thead><tbody>",
			     title, title, silenced ? "Why silenced" : "Hint");
		r->scratch.len = 0;
		if (diagnostic_place(&r->scratch, x->loc.file, x->loc.line, x->loc.column) != 0)
			r->failed = 1;
		put(r, "<tr><td><code>");
		text(r, r->scratch.data);
		put(r, "</code></td>");
		severity_cell(r, x);
		put(r, "<td>");
		text(r, x->message);
		put(r, "</td><td>");
		text(r, silenced ? x->suppressed : x->rule->hint);
		put(r, "</td></tr>");
	}
	table_close(r, n);
}

static void findings(struct report *r)
{
	section(r, "findings", r->in->full ? "Findings" : "Top findings", 0);
	if (!r->in->full) {
		top_findings(r);
		put(r, "</section>\n");
		return;
	}
	if (rc_findings_count(r->f) == 0)
		put(r, "<p>No findings.</p>");
	findings_of(r, RC_SEVERITY_ERROR, 0, "Errors");
	findings_of(r, RC_SEVERITY_WARNING, 0, "Warnings");
	findings_of(r, RC_SEVERITY_NOTE, 0, "Notes");
	findings_of(r, RC_SEVERITY_ERROR, 1, "Silenced errors");
	findings_of(r, RC_SEVERITY_WARNING, 1, "Silenced warnings");
	findings_of(r, RC_SEVERITY_NOTE, 1, "Silenced notes");
	put(r, "</section>\n");
}

/* ---- the rest of the full report ---- */

static int stories(struct report *r)
{
	size_t i, k;

	section(r, "stories", "Contribution stories", 1);
	put(r, "<p>Each outcome's strongest pathway from an input or activity, as strong as its weakest step or link "
	       "(docs/confidence.md).</p>");
	for (i = 0; i < rc_confidence_story_count(r->c); i++) {
		const rc_story *s = rc_confidence_story(r->c, i);
		size_t *path;

		put(r, "<h3>");
		step_name(r, s->outcome);
		putf(r, "</h3><p>Confidence: %s %s%s.", style_of_rating(s->confidence)->mark,
		     style_of_rating(s->confidence)->name, s->column_level ? " (column level)" : "");
		if (!s->reached) {
			put(r, " No pathway from an input or activity reaches this outcome.</p>");
			continue;
		}
		put(r, " Weakest link: ");
		owner_name(r, s->weakest, s->weakest_index);
		put(r, ".</p>");
		table_open(r, 1, NULL, "The pathway, step by step", "Pathway|Confidence");
		path = rc_malloc((2 * s->path_length + 1) * sizeof(*path));
		if (!path)
			return RC_ENOMEM;
		rc_confidence_story_path(r->c, r->m, i, path, path + s->path_length);
		for (k = 0; k <= s->path_length; k++) {
			size_t step = path[s->path_length + k];

			put(r, "<tr><td>");
			step_name(r, step);
			put(r, "</td>");
			rating(r, rc_confidence_step(r->c, step));
			put(r, "</tr>");
			if (k == s->path_length)
				break;
			put(r, "<tr><td>↓ ");
			link_name_html(r, path[k]);
			put(r, "</td>");
			rating(r, rc_confidence_link(r->c, path[k]));
			put(r, "</tr>");
		}
		rc_free(path);
		table_close(r, 1);
	}
	put(r, "</section>\n");
	return 0;
}

/* The evidence-base entry `ref` refers to, with its citation; or a note that it is unknown. */
static void entry_cell(struct report *r, const char *ref)
{
	const rc_entry *e = ref && r->in->evidence ? rc_evidence_base_find_entry(r->in->evidence, ref) : NULL;

	put(r, "<td>");
	if (ref) {
		put(r, "<code>");
		text(r, ref);
		put(r, "</code>");
	}
	if (e) {
		r->scratch.len = 0;
		if (rc_cite_format(&r->scratch, r->in->evidence, &e->cites[0]) != 0) {
			r->failed = 1;
			return;
		}
		put(r, "<br>");
		text(r, r->scratch.data);
	} else if (ref) {
		put(r, " (not in the evidence base)");
	}
	put(r, "</td>");
}

static void assumptions(struct report *r)
{
	const rc_model *m = r->m;
	size_t i;

	section(r, "assumptions", "Assumptions", 1);
	table_open(r, m->assumptions.len, "The model states no assumptions.",
	           "Every assumption, numbered as on the diagram", "Marker|Assumption|On|Status|Evidence base");
	for (i = 0; i < m->assumptions.len; i++) {
		const rc_assumption *a = MODEL_AT(m, assumptions, rc_assumption, i);

		putf(r, "<tr><td>A%zu</td><td>", i + 1);
		text(r, a->text);
		put(r, "</td><td>");
		owner_name(r, a->owner, a->owner_index);
		putf(r, "</td><td>%s</td>", rc_assumption_status_name(a->status));
		entry_cell(r, a->ref);
		put(r, "</tr>");
	}
	table_close(r, m->assumptions.len);
	put(r, "</section>\n");
}

static void risks(struct report *r)
{
	const rc_model *m = r->m;
	size_t i;

	section(r, "risks", "Risks", 1);
	table_open(r, m->risks.len, "The model states no risks.", "Every risk, numbered as on the diagram",
	           "Marker|Risk|Mitigation|On|Likelihood|Impact|Evidence base");
	for (i = 0; i < m->risks.len; i++) {
		const rc_risk *k = MODEL_AT(m, risks, rc_risk, i);

		putf(r, "<tr><td>R%zu</td><td>", i + 1);
		text(r, k->statement);
		put(r, "</td><td>");
		text(r, k->mitigation ? k->mitigation : "none stated");
		put(r, "</td><td>");
		owner_name(r, k->owner, k->owner_index);
		putf(r, "</td><td>%s</td><td>%s</td>", rc_rating_name(k->likelihood), rc_rating_name(k->impact));
		entry_cell(r, k->ref);
		put(r, "</tr>");
	}
	table_close(r, m->risks.len);
	put(r, "</section>\n");
}

/* Every entry that applies, and whether it is addressed: the coverage the rules RC030 to RC032 check. */
static int coverage(struct report *r)
{
	const rc_evidence_base *eb = r->in->evidence;
	struct coverage cov;
	size_t i;

	section(r, "coverage", "Evidence-base coverage", 1);
	if (!eb) {
		put(r, "<p>No evidence base was given.</p></section>\n");
		return 0;
	}
	if (coverage_find(&cov, r->m, eb) != 0)
		return RC_ENOMEM;
	putf(r,
	     "<p>%zu of the %zu evidence-base entries that apply to this model are addressed (a step, assumption "
	     "or risk refers to them).</p>",
	     cov.addressed, cov.applicable);
	table_open(r, cov.applicable, NULL, "The evidence-base entries that apply", "Entry|Kind|Text|Source|Addressed");
	for (i = 0; i < rc_evidence_base_entry_count(eb) && !r->failed; i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, i);
		int done = (cov.entry[i] & COVERAGE_ADDRESSED) != 0;

		if (!(cov.entry[i] & COVERAGE_APPLIES))
			continue;
		put(r, "<tr><td><code>");
		text(r, e->id);
		putf(r, "</code></td><td>%s</td><td>", rc_entry_kind_name(e->kind));
		text(r, e->text);
		put(r, "</td>");
		r->scratch.len = 0;
		if (rc_cite_format(&r->scratch, eb, &e->cites[0]) != 0)
			r->failed = 1;
		put(r, "<td>");
		text(r, r->scratch.data);
		putf(r, "</td><td class=\"%s\">%s</td></tr>", done ? "high" : "low", done ? "● yes" : "○ no");
	}
	table_close(r, cov.applicable);
	coverage_free(&cov);
	put(r, "</section>\n");
	return 0;
}

/* A header or strand cell holds text; a level's cell, the titles of its steps as a list. */
static int html_cell(rc_buffer *out, const rc_model *m, const char *text, const size_t *steps, size_t count)
{
	size_t i;
	int failed;

	if (text)
		return buffer_puts(out, "<th>") || buffer_xml_text(out, text) || buffer_puts(out, "</th>") ? RC_ENOMEM
		                                                                                           : 0;
	failed = buffer_puts(out, "<td><ul class=\"cell\">");
	for (i = 0; i < count && !failed; i++)
		failed = buffer_puts(out, "<li>") || buffer_xml_text(out, rc_model_step(m, steps[i])->title) ||
		         buffer_puts(out, "</li>");
	return failed || buffer_puts(out, "</ul></td>") ? RC_ENOMEM : 0;
}

static int html_after_header(rc_buffer *out, size_t columns)
{
	(void)columns;
	return buffer_puts(out, "</thead><tbody>");
}

/* Appends `html`, giving each header cell its scope: the columns' before `</thead>`, the rows' after. */
static void put_scoped(struct report *r, const char *html)
{
	const char *head_end = strstr(html, "</thead>"), *p = html, *th;

	while (!r->failed && (th = strstr(p, "<th>")) != NULL) {
		if (buffer_append(r->out, p, (size_t)(th - p)) != 0)
			r->failed = 1;
		put(r, head_end && th < head_end ? "<th scope=\"col\">" : "<th scope=\"row\">");
		p = th + strlen("<th>");
	}
	put(r, p);
}

/* The classic logic-model table, from the walk the CSV and Markdown exports use. */
static void logic_table(struct report *r)
{
	static const struct table_format html = { "<tr>", "", "</tr>", "No strand", html_cell, html_after_header };

	section(r, "table", "Logic-model table", 1);
	put(r, "<table><caption>The steps of each level, by strand</caption><thead>");
	r->scratch.len = 0;
	if (!r->failed && model_table_write(&r->scratch, &html, r->m) != 0)
		r->failed = 1;
	if (!r->failed)
		put_scoped(r, r->scratch.data);
	put(r, "</tbody></table></section>\n");
}

/* ---- the document ---- */

/* The head, with the print margins that carry the title, the date and the page number on every page. */
static void head(struct report *r)
{
	put(r, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	       "<meta name=\"generator\" content=\"rchain\"><title>");
	text(r, r->m->title);
	putf(r, "</title><style>%s@page{size:A4 landscape;margin:16mm 12mm 12mm;@top-left{content:", style);
	css_string(r, r->m->title);
	put(r, "; font:9pt 'DejaVu Sans',Arial,sans-serif;color:#333}@top-right{content:");
	css_string(r, r->in->date);
	put(r, "; font:9pt 'DejaVu Sans',Arial,sans-serif;color:#333}@bottom-right{content:\"page \" counter(page) \" "
	       "of \" counter(pages);"
	       "font:9pt 'DejaVu Sans',Arial,sans-serif;color:#333}}</style></head>\n<body>\n<header><h1>");
	text(r, r->m->title);
	put(r, "</h1>\n<p class=\"muted\">Model <code>");
	text(r, r->m->id);
	put(r, "</code> from <code>");
	text(r, r->m->file);
	put(r, "</code>");
	if (r->in->date) {
		put(r, ", dated ");
		text(r, r->in->date);
	}
	put(r, r->in->full ? ", checked by rchain: the full report.</p>\n</header>\n"
	                   : ", checked by rchain. <code>rchain report --full</code> adds every finding, the "
	                     "contribution stories, assumptions, risks, evidence-base coverage and the logic-model "
	                     "table.</p>\n</header>\n");
}

/* The sections in order; the board's first, then what only the full report holds. */
static int body(struct report *r, rc_error *err)
{
	int rc;

	verdict(r);
	confidence(r);
	rc = story_html(r->out, r->m, r->c, r->in->full ? SIZE_MAX : BOARD_STORIES);
	if (rc != 0)
		return rc;
	if (r->in->full)
		summary(r);
	rc = diagram(r, err);
	if (rc == 0)
		rc = weakest(r);
	if (rc != 0)
		return rc;
	gaps(r);
	findings(r);
	if (!r->in->full)
		return 0;
	rc = stories(r);
	if (rc == 0) {
		assumptions(r);
		risks(r);
		rc = coverage(r);
	}
	if (rc == 0)
		logic_table(r);
	return rc;
}

int report_html(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	struct report r = { out, in, in->model, in->findings, in->confidence, NULL, NULL, 0, { 0 }, 0 };
	size_t start = out->len;
	int rc;

	if (!in->findings || !in->confidence)
		return error_set(err, RC_EARG, "the report needs the model's findings and confidence");
	rc = rc_gaps_new(&r.gaps, r.m, r.c, err);
	if (rc == 0)
		rc = group_findings(&r);
	if (rc == 0) {
		head(&r);
		rc = body(&r, err);
	}
	if (rc == 0)
		put(&r, "</body></html>\n");
	rc_free(r.groups);
	rc_gaps_free(&r.gaps);
	rc_buffer_free(&r.scratch);
	if (rc == RC_ENOMEM || (rc == 0 && r.failed))
		rc = error_set(err, RC_ENOMEM, "out of memory writing the report");
	if (rc != 0)
		out->len = start;
	return rc;
}
