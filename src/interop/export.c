/* Export back-ends: the classic logic-model table as CSV or Markdown, and the chain as a Kumu blueprint. */
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/error.h"
#include "interop/backends.h"
#include "interop/csv_formula.h"
#include "model/table.h"

/* ---- the classic table: one column per level, one row per strand ---- */

/*
 * RFC 4180: a field holding a comma, quote or line break is quoted, with
 * quotes doubled. A field a spreadsheet would read as a formula gets a
 * leading ' inside the quotes, as OWASP advises for CSV injection.
 */
static int csv_field(rc_buffer *out, const char *text)
{
	int guard = csv_formula_like(text);
	const char *q;
	int failed;

	if (!guard && !strpbrk(text, ",\"\r\n"))
		return buffer_puts(out, text);
	failed = buffer_puts(out, guard ? "\"'" : "\"");
	for (; (q = strchr(text, '"')) && !failed; text = q + 1)
		failed = buffer_append(out, text, (size_t)(q - text + 1)) || buffer_puts(out, "\"");
	return failed || buffer_puts(out, text) || buffer_puts(out, "\"") ? RC_ENOMEM : 0;
}

/* Several steps in one cell go on separate lines of one quoted field. */
static int csv_cell(rc_buffer *out, const rc_model *m, const char *text, const size_t *steps, size_t count)
{
	rc_buffer joined = { 0 };
	size_t i;
	int failed = 0;

	if (text)
		return csv_field(out, text);
	for (i = 0; i < count && !failed; i++)
		failed = (i && buffer_puts(&joined, "\n")) || buffer_puts(&joined, rc_model_step(m, steps[i])->title);
	failed = failed || csv_field(out, joined.data ? joined.data : "");
	rc_buffer_free(&joined);
	return failed ? RC_ENOMEM : 0;
}

/*
 * Markdown table text: `|` and `\` are escaped; `<` and `&` are written as
 * entities so no text reads as HTML, and `[` and `]` too so none forms a
 * link or an image (a backslash would leave "](" in the text for naive readers).
 */
static int markdown_text(rc_buffer *out, const char *text)
{
	static const char *const escapes[ESCAPE_TABLE_SIZE] = {
		['|'] = "\\|", ['\\'] = "\\\\", ['<'] = "&lt;", ['&'] = "&amp;", ['['] = "&#91;", [']'] = "&#93;"
	};

	return buffer_escape(out, text, strlen(text), escapes);
}

/* A Markdown cell holds one line: several steps are separated by <br>. */
static int markdown_cell(rc_buffer *out, const rc_model *m, const char *text, const size_t *steps, size_t count)
{
	size_t i;
	int failed = 0;

	if (text)
		return markdown_text(out, text);
	for (i = 0; i < count && !failed; i++)
		failed = (i && buffer_puts(out, "<br>")) || markdown_text(out, rc_model_step(m, steps[i])->title);
	return failed ? RC_ENOMEM : 0;
}

static int markdown_rule(rc_buffer *out, size_t columns)
{
	size_t i;
	int failed = buffer_puts(out, "|");

	for (i = 0; i < columns && !failed; i++)
		failed = buffer_puts(out, " --- |");
	return failed || buffer_puts(out, "\n") ? RC_ENOMEM : 0;
}

static int write_table(rc_buffer *out, const struct table_format *fmt, const rc_model *m, rc_error *err)
{
	return model_table_write(out, fmt, m) != 0 ? error_set(err, RC_ENOMEM, "out of memory writing the table") : 0;
}

int export_csv(rc_buffer *out, const rc_model *m, const rc_findings *f, const rc_confidence *c, rc_error *err)
{
	static const struct table_format csv = { "", ",", "\r\n", "", csv_cell, NULL };

	(void)f;
	(void)c;
	return write_table(out, &csv, m, err);
}

int export_markdown(rc_buffer *out, const rc_model *m, const rc_findings *f, const rc_confidence *c, rc_error *err)
{
	static const struct table_format markdown = { "| ", " | ", " |\n", "", markdown_cell, markdown_rule };

	(void)f;
	(void)c;
	return write_table(out, &markdown, m, err);
}

/* ---- Kumu blueprint: {"elements": [...], "connections": [...]} ---- */

static int json_field(rc_buffer *out, const char *name, const char *value)
{
	return buffer_printf(out, ", \"%s\": ", name) || buffer_json_string(out, value) ? RC_ENOMEM : 0;
}

/* Confidence from the evidence, and unsilenced findings by severity (the counts are "at least" counts). */
static int kumu_findings(rc_buffer *out, rc_rating confidence, size_t errors, size_t warnings, size_t notes)
{
	return json_field(out, "Confidence", rc_rating_name(confidence)) ||
	       buffer_printf(out, ", \"Errors\": %zu, \"Warnings\": %zu, \"Notes\": %zu", errors, warnings - errors,
	                     notes - warnings);
}

/* Every strand of a step in several (format 1.1), as a list of names: Kumu keeps a list field as it is. */
static int kumu_strands(rc_buffer *out, const rc_model *m, const rc_step *s)
{
	size_t k;
	int failed = buffer_puts(out, ", \"Strands\": [");

	for (k = 0; k < s->strands.count && !failed; k++) {
		const rc_membership *ms = rc_model_membership(m, s->strands.first + k);

		failed = (k && buffer_puts(out, ", ")) ||
		         buffer_json_string(out, ms->strand_index == RC_NONE
		                                         ? ms->strand
		                                         : rc_model_strand(m, ms->strand_index)->name);
	}
	return failed || buffer_puts(out, "]");
}

/* The fields of format 1.1, each only where the file gives it, so a format-1 blueprint is as before. */
static int kumu_step_v11(rc_buffer *out, const rc_model *m, const rc_step *s)
{
	return (s->strands.count > 1 && kumu_strands(out, m, s)) ||
	       (s->column_index != RC_NONE && json_field(out, "Column", rc_model_column(m, s->column_index)->name)) ||
	       (s->effect != RC_EFFECT_INTENDED && json_field(out, "Effect", rc_effect_name(s->effect))) ||
	       (s->timeframe && json_field(out, "Timeframe", s->timeframe));
}

static int kumu_step(rc_buffer *out, const rc_model *m, const rc_findings *f, const rc_confidence *c, size_t i)
{
	const rc_step *s = rc_model_step(m, i);
	int failed = buffer_puts(out, i ? ",\n    {\"id\": " : "\n    {\"id\": ") || buffer_json_string(out, s->id) ||
	             json_field(out, "label", s->title) || json_field(out, "type", rc_level_title(s->level)) ||
	             (s->description && json_field(out, "description", s->description)) ||
	             json_field(out, "Level", rc_level_name(s->level)) ||
	             json_field(out, "Strand",
	                        s->strand_index == RC_NONE ? NULL : rc_model_strand(m, s->strand_index)->name) ||
	             kumu_step_v11(out, m, s) || json_field(out, "Stated confidence", rc_rating_name(s->confidence));

	if (f && c && !failed)
		failed = kumu_findings(out, rc_confidence_step(c, i), rc_findings_count_step(f, i, RC_SEVERITY_ERROR),
		                       rc_findings_count_step(f, i, RC_SEVERITY_WARNING),
		                       rc_findings_count_step(f, i, RC_SEVERITY_NOTE));
	return failed || buffer_puts(out, "}") ? RC_ENOMEM : 0;
}

/* Whole levels are elements only when column links join them: "level:activity" (never a model id). */
static int kumu_levels(rc_buffer *out, const rc_model *m)
{
	int used[RC_LEVEL_COUNT] = { 0 };
	size_t i, first = rc_model_step_count(m) == 0;
	int failed = 0;

	for (i = 0; i < rc_model_link_count(m); i++) {
		const rc_link *l = rc_model_link(m, i);

		if (l->column)
			used[l->from_level] = used[l->to_level] = 1;
	}
	for (i = 0; i < RC_LEVEL_COUNT && !failed; i++)
		if (used[i]) {
			failed = buffer_printf(out, "%s\n    {\"id\": \"level:%s\"", first ? "" : ",",
			                       rc_level_name((rc_level)i)) ||
			         json_field(out, "label", rc_level_title((rc_level)i)) ||
			         json_field(out, "type", "Level") || buffer_puts(out, "}");
			first = 0;
		}
	return failed;
}

/* A link's end as a Kumu element id: the step's id, or "level:ID" for a column link (ids are at most 64 bytes). */
static int kumu_end(rc_buffer *out, const char *name, const rc_link *l, const char *end)
{
	char id[80];

	snprintf(id, sizeof(id), "%s%s", l->column ? "level:" : "", end);
	return json_field(out, name, id);
}

static int kumu_link(rc_buffer *out, const rc_findings *f, const rc_confidence *c, const rc_link *l, int first)
{
	int failed = buffer_puts(out, first ? "\n    {\"id\": " : ",\n    {\"id\": ") ||
	             (l->id ? buffer_json_string(out, l->id) : buffer_printf(out, "\"link:%zu\"", l->index + 1)) ||
	             kumu_end(out, "from", l, l->from) || kumu_end(out, "to", l, l->to) ||
	             json_field(out, "type", rc_link_kind_name(l->kind)) || json_field(out, "direction", "directed");

	if (f && c && !failed)
		failed = kumu_findings(out, rc_confidence_link(c, l->index),
		                       rc_findings_count_link(f, l->index, RC_SEVERITY_ERROR),
		                       rc_findings_count_link(f, l->index, RC_SEVERITY_WARNING),
		                       rc_findings_count_link(f, l->index, RC_SEVERITY_NOTE));
	return failed || buffer_puts(out, "}") ? RC_ENOMEM : 0;
}

/*
 * Steps are elements (typed by level), links are connections (typed causal
 * or feedback). Links whose ends do not resolve are left out: Kumu needs both.
 */
int export_kumu(rc_buffer *out, const rc_model *m, const rc_findings *f, const rc_confidence *c, rc_error *err)
{
	size_t i, written = 0;
	int failed = buffer_puts(out, "{\"elements\": [");

	for (i = 0; i < rc_model_step_count(m) && !failed; i++)
		failed = kumu_step(out, m, f, c, i);
	failed = failed || kumu_levels(out, m) || buffer_puts(out, "\n  ],\n  \"connections\": [");
	for (i = 0; i < rc_model_link_count(m) && !failed; i++)
		if (rc_model_link(m, i)->resolved)
			failed = kumu_link(out, f, c, rc_model_link(m, i), written++ == 0);
	failed = failed || buffer_puts(out, "\n  ]\n}\n");
	return failed ? error_set(err, RC_ENOMEM, "out of memory writing the Kumu blueprint") : 0;
}
