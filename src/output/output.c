/* The output registry: one table of every back-end, and the adapters that give them one signature. */
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "interop/backends.h"
#include "render/backends.h"
#include "rchain/output.h"

/*
 * Most back-ends append to a buffer. When the caller's sink is itself
 * rc_buffer_sink they append straight into the caller's buffer, so a large
 * output is never held twice; any other sink gets the output in one piece.
 */
struct staging {
	rc_sink sink;
	void *user;
	rc_buffer own;
};

static rc_buffer *stage(struct staging *s, rc_sink sink, void *user)
{
	s->sink = sink;
	s->user = user;
	memset(&s->own, 0, sizeof(s->own));
	return sink == rc_buffer_sink ? (rc_buffer *)user : &s->own;
}

/* Hands what the back-end wrote (its result `rc`) to the sink, and returns the first failure. */
static int unstage(struct staging *s, int rc, rc_error *err)
{
	if (rc == 0 && s->sink != rc_buffer_sink && s->own.len) {
		rc = s->sink(s->user, s->own.data, s->own.len);
		if (rc != 0)
			rc = error_set(err, rc, "cannot write the output");
	}
	rc_buffer_free(&s->own);
	return rc;
}

/* 0 when `in` has the view a back-end of render, report or export draws from, else RC_EARG. */
static int need_view(const rc_output_input *in, rc_error *err)
{
	return in->view && in->view->model ? 0 : error_set(err, RC_EARG, "the output needs a model");
}

/* The families of back-ends, by what their entry points take. */
typedef int (*view_backend)(rc_buffer *out, const rc_render_input *in, rc_error *err);
typedef int (*table_backend)(rc_buffer *out, const rc_model *m, const rc_findings *f, const rc_confidence *c,
                             rc_error *err);
typedef int (*diff_backend)(rc_buffer *out, const rc_diff *d, rc_error *err);
typedef int (*findings_backend)(rc_sink sink, void *user, const rc_output_input *in, rc_error *err);

static int drawn(rc_sink sink, void *user, const rc_output_input *in, view_backend write, rc_error *err)
{
	struct staging s;
	rc_buffer *out = stage(&s, sink, user);
	int rc = need_view(in, err);

	return unstage(&s, rc ? rc : write(out, in->view, err), err);
}

static int table(rc_sink sink, void *user, const rc_output_input *in, table_backend write, rc_error *err)
{
	struct staging s;
	rc_buffer *out = stage(&s, sink, user);
	int rc = need_view(in, err);

	return unstage(&s, rc ? rc : write(out, in->view->model, in->view->findings, in->view->confidence, err), err);
}

static int changes(rc_sink sink, void *user, const rc_output_input *in, diff_backend write, rc_error *err)
{
	struct staging s;
	rc_buffer *out = stage(&s, sink, user);
	int rc = in->diff ? 0 : error_set(err, RC_EARG, "the output needs a diff");

	return unstage(&s, rc ? rc : write(out, in->diff, err), err);
}

/* Findings back-ends write to the sink themselves, in pieces. */
static int findings(rc_sink sink, void *user, const rc_output_input *in, findings_backend write, rc_error *err)
{
	if (!in->files && in->file_count)
		return error_set(err, RC_EARG, "the output needs the checked files");
	return write(sink, user, in, err);
}

/* The write function of one entry: hands the input to `family` with the back-end's entry point `backend`. */
#define ADAPTER(name, family, backend)                                                      \
	static int name(rc_sink sink, void *user, const rc_output_input *in, rc_error *err) \
	{                                                                                   \
		return family(sink, user, in, backend, err);                                \
	}

ADAPTER(write_svg, drawn, diagram_svg)
ADAPTER(write_png, drawn, diagram_png)
ADAPTER(write_pdf, drawn, diagram_pdf)
ADAPTER(write_dot, drawn, diagram_dot)
ADAPTER(write_html, drawn, report_html)
ADAPTER(write_text, findings, findings_text)
ADAPTER(write_json, findings, findings_json)
ADAPTER(write_sarif, findings, findings_sarif)
ADAPTER(write_csv, table, export_csv)
ADAPTER(write_markdown, table, export_markdown)
ADAPTER(write_kumu, table, export_kumu)
ADAPTER(write_diff_text, changes, diff_text)
ADAPTER(write_diff_json, changes, diff_json)

static const char *const ext_svg[] = { "svg", NULL };
static const char *const ext_png[] = { "png", NULL };
static const char *const ext_pdf[] = { "pdf", NULL };
static const char *const ext_dot[] = { "dot", "gv", NULL };
static const char *const ext_html[] = { "html", "htm", NULL };
static const char *const ext_txt[] = { "txt", NULL };
static const char *const ext_json[] = { "json", NULL };
static const char *const ext_sarif[] = { "sarif", NULL };
static const char *const ext_csv[] = { "csv", NULL };
static const char *const ext_md[] = { "md", "markdown", NULL };
static const char *const ext_diff[] = { "diff", "txt", NULL };

enum {
	DRAWN = RC_OUTPUT_MODEL | RC_OUTPUT_FINDINGS | RC_OUTPUT_CONFIDENCE | RC_OUTPUT_LAYOUT,
	CHECKED = RC_OUTPUT_MODEL | RC_OUTPUT_FINDINGS | RC_OUTPUT_CONFIDENCE,
	TABLED = RC_OUTPUT_MODEL | RC_OUTPUT_FINDINGS
};

/* Each command's default first; the CLI's --format lists, help and the man page follow this order. */
static const rc_output outputs[] = {
	{ "svg", "render", ext_svg, "image/svg+xml", DRAWN, "scalable vector graphics", write_svg },
	{ "png", "render", ext_png, "image/png", DRAWN, "bitmap image", write_png },
	{ "pdf", "render", ext_pdf, "application/pdf", DRAWN, "printable document", write_pdf },
	{ "dot", "render", ext_dot, "text/vnd.graphviz", CHECKED, "Graphviz source, before layout", write_dot },
	{ "html", "report", ext_html, "text/html", DRAWN, "self-contained HTML report", write_html },
	{ "text", "check", ext_txt, "text/plain", CHECKED, "located diagnostics and summary lines", write_text },
	{ "json", "check", ext_json, "application/json", CHECKED, "findings as JSON (docs/json.md)", write_json },
	{ "sarif", "check", ext_sarif, "application/sarif+json", CHECKED, "SARIF 2.1.0", write_sarif },
	{ "csv", "export", ext_csv, "text/csv", TABLED, "logic-model table", write_csv },
	{ "markdown", "export", ext_md, "text/markdown", TABLED, "logic-model table", write_markdown },
	{ "kumu", "export", ext_json, "application/json", TABLED, "Kumu blueprint", write_kumu },
	{ "text", "diff", ext_diff, "text/plain", CHECKED, "one located line per difference", write_diff_text },
	{ "json", "diff", ext_json, "application/json", CHECKED, "the changes as JSON (docs/interop.md)",
	  write_diff_json },
};

size_t rc_output_count(void)
{
	return sizeof(outputs) / sizeof(outputs[0]);
}

const rc_output *rc_output_at(size_t i)
{
	return i < rc_output_count() ? &outputs[i] : NULL;
}

const rc_output *rc_output_find(const char *command, const char *name)
{
	size_t i;

	for (i = 0; i < rc_output_count(); i++)
		if (strcmp(outputs[i].command, command) == 0 && (!name || strcmp(outputs[i].name, name) == 0))
			return &outputs[i];
	return NULL;
}

int rc_output_has_extension(const rc_output *output, const char *extension)
{
	const char *const *e;

	for (e = output->extensions; *e; e++)
		if (strcasecmp(*e, extension) == 0)
			return 1;
	return 0;
}

const rc_output *rc_output_for_extension(const char *command, const char *extension)
{
	size_t i;

	for (i = 0; i < rc_output_count(); i++)
		if (strcmp(outputs[i].command, command) == 0 && rc_output_has_extension(&outputs[i], extension))
			return &outputs[i];
	return NULL;
}
