/* The report back-end: one self-contained HTML file with inline CSS and the diagram as inline SVG. */
#include <stdarg.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/diagnostic.h"
#include "base/error.h"
#include "check/coverage.h"
#include "model/internal.h"
#include "model/table.h"
#include "render/backends.h"
#include "render/story.h"
#include "render/style.h"

/* The page's style: screen and print (A4 landscape, a page per section, table rows never split). */
static const char *const style =
        "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;line-height:1.4;color:#111;margin:2em;}"
        "h1{font-size:20pt;margin:0 0 .3em}h2{font-size:15pt;border-bottom:2px solid #0072B2;margin-top:1.5em}"
        "h3{font-size:12pt;margin:1em 0 .3em}table{border-collapse:collapse;width:100%;margin:.5em 0 1em}"
        "th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}th{background:#E8E8E8}"
        "thead{display:table-header-group}tr,td,th,li{break-inside:avoid;page-break-inside:avoid}"
        "h2,h3{break-after:avoid;page-break-after:avoid}.diagram svg{max-width:100%;height:auto}"
        ".high{background:" STYLE_FILL_HIGH "}.medium{background:" STYLE_FILL_MEDIUM "}.low{background:" STYLE_FILL_LOW
        "}.none{background:#FFF}.error{background:" STYLE_ERROR_COLOR
        ";color:#FFF}.warning{background:" STYLE_WARNING_COLOR "}.note{background:#E8E8E8}"
        "table.narrow{width:auto}.muted{color:#555}code{font-size:10pt}ul.cell{margin:0;padding-left:1.1em}"
        "@page{size:A4 landscape;margin:12mm}"
        "@media print{body{margin:0}section{break-before:page;page-break-before:always}"
        ".diagram svg{width:auto;height:auto;max-width:100%;max-height:160mm}"
        "section#summary{break-before:auto;page-break-before:auto}}";

struct report {
	rc_buffer *out;
	const rc_render_input *in;
	const rc_model *m;
	const rc_findings *f;
	const rc_confidence *c;
	rc_buffer scratch;
	int failed;
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

static void section(struct report *r, const char *id, const char *title)
{
	putf(r, "<section id=\"%s\"><h2>%s</h2>\n", id, title);
}

/* Opens a table with the header row `head` when it will have rows; otherwise says `none`. */
static void table_open(struct report *r, size_t rows, const char *none, const char *head)
{
	if (rows == 0) {
		putf(r, "<p>%s</p>", none);
		return;
	}
	putf(r, "<table><thead><tr>%s</tr></thead><tbody>", head);
}

static void table_close(struct report *r, size_t rows)
{
	if (rows)
		put(r, "</tbody></table>");
}

static void summary(struct report *r)
{
	const rc_model *m = r->m;
	rc_level level;
	size_t i;

	section(r, "summary", "Summary");
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
		putf(r, "<h3>Partnership</h3><p>Formation: %s; %zu partner%s.</p>", rc_formation_name(m->formation),
		     m->partners.len, m->partners.len == 1 ? "" : "s");
		if (m->partners.len)
			put(r, "<table><thead><tr><th>Partner</th><th>Sector</th><th>Role</th></tr></thead><tbody>");
		for (i = 0; i < m->partners.len; i++) {
			const rc_partner *p = MODEL_AT(m, partners, rc_partner, i);

			put(r, "<tr><td>");
			text(r, p->name);
			putf(r, "</td><td>%s</td><td>%s</td></tr>", rc_sector_name(p->sector), rc_role_name(p->role));
		}
		if (m->partners.len)
			put(r, "</tbody></table>");
	}
	put(r, "<h3>Counts</h3><table class=\"narrow\"><tbody>");
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t n;

		rc_model_level_steps(m, level, &n);
		putf(r, "<tr><th>%s</th><td>%zu</td></tr>", rc_level_title(level), n);
	}
	putf(r,
	     "<tr><th>Links</th><td>%zu</td></tr><tr><th>Strands</th><td>%zu</td></tr><tr><th>Assumptions</th>"
	     "<td>%zu</td></tr><tr><th>Risks</th><td>%zu</td></tr><tr><th>Pieces of evidence</th><td>%zu</td></tr>"
	     "<tr><th>Errors</th><td>%zu</td></tr><tr><th>Warnings</th><td>%zu</td></tr><tr><th>Notes</th>"
	     "<td>%zu</td></tr></tbody></table>",
	     m->links.len, m->strands.len, m->assumptions.len, m->risks.len, m->evidence.len,
	     rc_findings_count_severity(r->f, RC_SEVERITY_ERROR), rc_findings_count_severity(r->f, RC_SEVERITY_WARNING),
	     rc_findings_count_severity(r->f, RC_SEVERITY_NOTE));
	put(r, "<h3>Confidence per outcome</h3>");
	table_open(r, rc_confidence_story_count(r->c), "The model has no outcome step.",
	           "<th>Outcome</th><th>Confidence</th><th>Weakest link</th>");
	for (i = 0; i < rc_confidence_story_count(r->c); i++) {
		const rc_story *s = rc_confidence_story(r->c, i);

		put(r, "<tr><td>");
		step_name(r, s->outcome);
		put(r, "</td>");
		rating(r, s->confidence);
		put(r, "<td>");
		if (s->reached)
			owner_name(r, s->weakest, s->weakest_index);
		else
			put(r, "unreached: no pathway from an input or activity");
		put(r, "</td></tr>");
	}
	table_close(r, rc_confidence_story_count(r->c));
	put(r, "</section>\n");
}

/*
 * The diagram as inline SVG, without the XML declaration and DOCTYPE Graphviz
 * puts before it. Over the size limit the renderer refuses before any layout,
 * and its message stands in for the diagram.
 */
static int diagram(struct report *r, rc_error *err)
{
	rc_buffer svg = { 0 };
	const char *start;
	int rc = diagram_svg(&svg, r->in, err);

	section(r, "diagram", "Diagram");
	if (rc == RC_ELIMIT) {
		put(r, "<p>No diagram: ");
		text(r, err->message);
		put(r, ".</p></section>\n");
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
	put(r, "</div></section>\n");
	rc_buffer_free(&svg);
	return 0;
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
			     "<h3>%s</h3><table><thead><tr><th>Where</th><th>Rule</th><th>Finding</th><th>%s</th></tr>"
			     "</thead><tbody>",
			     title, silenced ? "Why silenced" : "Hint");
		r->scratch.len = 0;
		if (diagnostic_place(&r->scratch, x->loc.file, x->loc.line, x->loc.column) != 0)
			r->failed = 1;
		put(r, "<tr><td><code>");
		text(r, r->scratch.data);
		putf(r, "</code></td><td class=\"%s\">%s %s<br>%s</td><td>", rc_severity_name(x->severity),
		     x->rule->code, rc_severity_name(x->severity), x->rule->slug);
		text(r, x->message);
		put(r, "</td><td>");
		text(r, silenced ? x->suppressed : x->rule->hint);
		put(r, "</td></tr>");
	}
	table_close(r, n);
}

static void findings(struct report *r)
{
	section(r, "findings", "Findings");
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

static int stories(struct report *r)
{
	size_t i, k;

	section(r, "stories", "Contribution stories");
	put(r, "<p>Each outcome's strongest pathway from an input or activity, as strong as its weakest step or link "
	       "(docs/confidence.md).</p>");
	for (i = 0; i < rc_confidence_story_count(r->c); i++) {
		const rc_story *s = rc_confidence_story(r->c, i);
		size_t *path;

		put(r, "<h3>");
		step_name(r, s->outcome);
		putf(r, "</h3><p>Confidence: %s %s.", style_of_rating(s->confidence)->mark,
		     s->reached ? rc_rating_name(s->confidence) : "unrated");
		if (!s->reached) {
			put(r, " No pathway from an input or activity reaches this outcome.</p>");
			continue;
		}
		put(r, " Weakest link: ");
		owner_name(r, s->weakest, s->weakest_index);
		put(r, ".</p><table><thead><tr><th>Pathway</th><th>Confidence</th></tr></thead><tbody>");
		path = rc_malloc(s->path_length * sizeof(*path) + 1);
		if (!path)
			return RC_ENOMEM;
		rc_confidence_story_path(r->c, r->m, i, path);
		for (k = 0; k <= s->path_length; k++) {
			size_t step = k < s->path_length ? LINK(r->m, path[k])->from_step : s->outcome;

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
		put(r, "</tbody></table>");
	}
	put(r, "</section>\n");
	return 0;
}

static int gaps(struct report *r, rc_error *err)
{
	rc_gaps *g;
	size_t i, k;
	int rc = rc_gaps_new(&g, r->m, r->c, err);

	if (rc != 0)
		return rc;
	section(r, "gaps", "Evidence gaps");
	put(r, "<p>Where one more strong piece of supporting evidence would raise outcomes' confidence, most gain "
	       "first (gain: rating levels gained, summed over the outcomes).</p>");
	table_open(r, rc_gaps_count(g), "No single piece of evidence would raise any outcome's confidence.",
	           "<th>#</th><th>Step or link</th><th>Now</th><th>With it</th><th>Outcomes raised</th><th>Gain</th>");
	for (i = 0; i < rc_gaps_count(g); i++) {
		const rc_gap *gap = rc_gaps_at(g, i);
		const rc_gap_effect *effects = rc_gaps_effects(g, i);

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
	table_close(r, rc_gaps_count(g));
	put(r, "</section>\n");
	rc_gaps_free(&g);
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

	section(r, "assumptions", "Assumptions");
	table_open(r, m->assumptions.len, "The model states no assumptions.",
	           "<th>Marker</th><th>Assumption</th><th>On</th><th>Status</th><th>Evidence base</th>");
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

	section(r, "risks", "Risks");
	table_open(r, m->risks.len, "The model states no risks.",
	           "<th>Marker</th><th>Risk</th><th>Mitigation</th><th>On</th><th>Likelihood</th><th>Impact</"
	           "th><th>Evidence base</th>");
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

	section(r, "coverage", "Evidence-base coverage");
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
	if (cov.applicable)
		put(r,
		    "<table><thead><tr><th>Entry</th><th>Kind</th><th>Text</th><th>Source</th><th>Addressed</th></tr>"
		    "</thead><tbody>");
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

/* The classic logic-model table, from the walk the CSV and Markdown exports use. */
static void logic_table(struct report *r)
{
	static const struct table_format html = { "<tr>", "", "</tr>", "No strand", html_cell, html_after_header };

	section(r, "table", "Logic-model table");
	put(r, "<table><thead>");
	if (!r->failed && model_table_write(r->out, &html, r->m) != 0)
		r->failed = 1;
	put(r, "</tbody></table></section>\n");
}

int report_html(rc_buffer *out, const rc_render_input *in, rc_error *err)
{
	struct report r = { out, in, in->model, in->findings, in->confidence, { 0 }, 0 };
	size_t start = out->len;
	int rc;

	if (!in->findings || !in->confidence)
		return error_set(err, RC_EARG, "the report needs the model's findings and confidence");
	put(&r, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	        "<meta name=\"generator\" content=\"rchain\"><title>");
	text(&r, r.m->title);
	putf(&r, "</title><style>%s</style></head>\n<body>\n<h1>", style);
	text(&r, r.m->title);
	put(&r, "</h1>\n<p class=\"muted\">Model <code>");
	text(&r, r.m->id);
	put(&r, "</code> from <code>");
	text(&r, r.m->file);
	put(&r, "</code>, checked by rchain.</p>\n");
	summary(&r);
	rc = diagram(&r, err);
	if (rc == 0) {
		findings(&r);
		rc = stories(&r);
	}
	if (rc == 0)
		rc = story_html(r.out, r.m, r.c);
	if (rc == 0)
		rc = gaps(&r, err);
	if (rc == 0) {
		assumptions(&r);
		risks(&r);
		rc = coverage(&r);
	}
	if (rc == 0) {
		logic_table(&r);
		put(&r, "</body></html>\n");
	}
	rc_buffer_free(&r.scratch);
	if (rc == RC_ENOMEM || (rc == 0 && r.failed))
		rc = error_set(err, RC_ENOMEM, "out of memory writing the report");
	if (rc != 0)
		out->len = start;
	return rc;
}
