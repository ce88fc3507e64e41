/* The diagram back-ends: golden DOT for every bundled model, the output registry, formats, escaping, atomic writes. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "common.h"

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* --- helpers --- */

/* A sorted list of file names (free with free_names()). */
struct names {
	char **items;
	size_t count;
};

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Names of the files in `dir` ending in `suffix`, sorted. */
static struct names list_dir(const char *dir, const char *suffix)
{
	struct names list = { NULL, 0 };
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return list;
	while ((e = readdir(d)) != NULL) {
		char **grown;

		if (e->d_name[0] == '.' || !has_suffix(e->d_name, suffix))
			continue;
		grown = realloc(list.items, (list.count + 1) * sizeof(*grown));
		CU_ASSERT_FATAL(grown != NULL);
		list.items = grown;
		list.items[list.count] = strdup(e->d_name);
		CU_ASSERT_FATAL(list.items[list.count] != NULL);
		list.count++;
	}
	closedir(d);
	if (list.count)
		qsort(list.items, list.count, sizeof(*list.items), compare_names);
	return list;
}

static void free_names(struct names *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		free(list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

static rc_evidence_base *default_evidence;

/* The default evidence base, which the command line checks against (created on first use). */
static const rc_evidence_base *evidence(void)
{
	rc_error err = { 0 };

	if (!default_evidence && rc_evidence_base_new(&default_evidence, test_context(), &err) != 0)
		TEST_FAIL("cannot load the default evidence base: %s", err.message);
	return default_evidence;
}

/* Checks `m` as the command line does, with only the rules whose codes are in `keep` (NULL: every rule). */
static rc_findings *check_keeping(const rc_model *m, const char *const *keep, size_t keep_count)
{
	const char *disabled[256];
	rc_check_options opts = { .disabled = disabled, .evidence = evidence() };
	rc_findings *f = NULL;
	rc_error err = { 0 };
	size_t i, k;

	for (i = 0; keep && i < rc_rule_count(); i++) {
		const char *code = rc_rule_at(i)->code;
		int kept = 0;

		for (k = 0; k < keep_count; k++)
			kept |= strcmp(keep[k], code) == 0;
		if (!kept && opts.disabled_count < sizeof(disabled) / sizeof(disabled[0]))
			disabled[opts.disabled_count++] = code;
	}
	if (rc_check_run(&f, m, &opts, &err) != 0)
		TEST_FAIL("check failed: %s", err.message);
	return f;
}

/* Ends the text in `buf` with a NUL byte, not counted in its length, for string searches. */
static void terminate(rc_buffer *buf)
{
	CU_ASSERT_FATAL(buffer_append(buf, "", 1) == 0);
	buf->len--;
}

/*
 * Renders `given` with the back-end `format` ("html": the report) into `out`, failing the test on error.
 * As on the command line, a checked model is drawn with its confidence.
 */
static void render_input(rc_buffer *out, const char *format, const rc_render_input *given)
{
	const rc_output *o = rc_output_find(strcmp(format, "html") == 0 ? "report" : "render", format);
	rc_render_input in = *given;
	rc_output_input input = { .view = &in };
	rc_confidence *confidence = NULL;
	rc_error err = { 0 };
	int rc;

	out->len = 0;
	if (in.findings && rc_confidence_new(&confidence, in.model, &err) != 0)
		TEST_FAIL("confidence failed: %s", err.message);
	in.confidence = confidence;
	rc = o ? o->write(rc_buffer_sink, out, &input, &err) : -1;
	rc_confidence_free(&confidence);
	if (rc != 0)
		TEST_FAIL("render %s failed: %s", format, err.message);
	terminate(out);
}

static void render(rc_buffer *out, const char *format, const rc_model *m, const rc_findings *f,
                   rc_layout_direction direction)
{
	rc_render_input in = { .model = m, .findings = f, .evidence = evidence(), .direction = direction };

	render_input(out, format, &in);
}

/* The report of `m`: the board report, or with `full` the full one, dated as the command line would date it. */
static void report(rc_buffer *out, const rc_model *m, const rc_findings *f, int full)
{
	rc_render_input in = { .model = m, .findings = f, .evidence = evidence(), .full = full, .date = "2026-12-02" };

	render_input(out, "html", &in);
}

static rc_model *load_memory(const char *xml)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	if (rc_model_load_memory(&m, test_context(), "mem.xml", xml, strlen(xml), &err) != 0)
		TEST_FAIL("mem.xml does not load: %u:%u: %s", err.line, err.column, err.message);
	CU_ASSERT_FATAL(m != NULL);
	return m;
}

/* Loads models/`name` and checks it with every rule, as the command line does before drawing. */
static rc_model *load_checked(const char *name, rc_findings **f)
{
	char path[512];
	rc_model *m;

	snprintf(path, sizeof(path), "models/%s", name);
	m = test_load(path);
	CU_ASSERT_FATAL(m != NULL);
	*f = check_keeping(m, NULL, 0);
	return m;
}

/* The first bundled model (models/ sorted by name), with its findings. */
static rc_model *load_bundled(rc_findings **f)
{
	struct names models = list_dir("models", ".xml");
	rc_model *m;

	if (models.count == 0)
		TEST_FAIL("no model files in models/");
	CU_ASSERT_FATAL(models.count > 0);
	m = load_checked(models.items[0], f);
	free_names(&models);
	return m;
}

static void expect_contains(const char *what, const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		TEST_FAIL("%s does not contain '%s'", what, needle);
}

/* Occurrences of `needle` in `hay`. */
static size_t occurrences(const char *hay, const char *needle)
{
	size_t n = 0;

	for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
		n++;
	return n;
}

static void expect_lacks(const char *what, const char *haystack, const char *needle)
{
	if (strstr(haystack, needle))
		TEST_FAIL("%s contains '%s'", what, needle);
}

static void expect_contains_each(const char *what, const char *haystack, const char *const *needles, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		expect_contains(what, haystack, needles[i]);
}

static void expect_lacks_each(const char *what, const char *haystack, const char *const *needles, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		expect_lacks(what, haystack, needles[i]);
}

/* `s` escaped as Graphviz writes text into SVG. */
static void svg_escape(rc_buffer *out, const char *s)
{
	out->len = 0;
	for (; *s; s++) {
		switch (*s) {
		case '&': buffer_puts(out, "&amp;"); break;
		case '<': buffer_puts(out, "&lt;"); break;
		case '>': buffer_puts(out, "&gt;"); break;
		case '"': buffer_puts(out, "&quot;"); break;
		case '\'': buffer_puts(out, "&#39;"); break;
		case '-': buffer_puts(out, "&#45;"); break;
		default: buffer_append(out, s, 1); break;
		}
	}
	terminate(out);
}

/* The attribute statement of node `name` in DOT text ("\tNAME\t[...];" and a newline), copied into `out`. */
static void dot_node(rc_buffer *out, const char *dot, const char *name)
{
	char key[64];
	const char *start, *end;

	snprintf(key, sizeof(key), "\t%s\t[", name);
	start = strstr(dot, key);
	if (!start) {
		TEST_FAIL("no attribute statement for node %s", name);
		start = dot + strlen(dot);
	}
	end = strstr(start, "];\n");
	end = end ? end + 3 : start + strlen(start);
	out->len = 0;
	buffer_append(out, start, (size_t)(end - start));
	terminate(out);
}

/* --- golden DOT for every bundled model --- */

static void golden_path(char *out, size_t size, const char *model_file)
{
	size_t stem = strlen(model_file) - strlen(".xml");

	snprintf(out, size, TEST_GOLDEN "dot/%.*s.dot", (int)stem, model_file);
}

static void test_golden_dot(void)
{
	struct names models = list_dir("models", ".xml");
	rc_buffer out = { 0 };
	size_t i;

	if (models.count == 0)
		TEST_FAIL("no model files in models/");
	for (i = 0; i < models.count; i++) {
		char golden[512];
		rc_findings *f;
		rc_model *m = load_checked(models.items[i], &f);

		render(&out, "dot", m, f, RC_LAYOUT_LR);
		golden_path(golden, sizeof(golden), models.items[i]);
		if (!test_golden(golden, out.data, out.len))
			TEST_FAIL("%s: DOT differs from %s", rc_model_file(m), golden);
		rc_findings_free(&f);
		rc_model_free(&m);
	}
	rc_buffer_free(&out);
	free_names(&models);
}

/* Each DOT golden is of a bundled model (NAME.dot) or of a view of a render fixture (FIXTURE[-VIEW].dot). */
static void test_no_stale_golden(void)
{
	struct names goldens = list_dir(TEST_GOLDEN "dot", ".dot");
	size_t i;

	for (i = 0; i < goldens.count; i++) {
		char model[512], fixture[512];
		struct stat st;

		snprintf(model, sizeof(model), "models/%.*s.xml", (int)(strlen(goldens.items[i]) - strlen(".dot")),
		         goldens.items[i]);
		snprintf(fixture, sizeof(fixture), TEST_DATA "render/%.*s.xml", (int)strcspn(goldens.items[i], "-."),
		         goldens.items[i]);
		if (stat(model, &st) != 0 && stat(fixture, &st) != 0)
			TEST_FAIL(TEST_GOLDEN "dot/%s has no model %s nor fixture %s", goldens.items[i], model,
			          fixture);
	}
	free_names(&goldens);
}

/* cgraph orders subgraphs by id; the DOT text must not depend on where the allocator put things. */
static void test_dot_independent_of_memory_layout(void)
{
#ifdef __GLIBC__
	rc_buffer first = { 0 }, second = { 0 };
	rc_findings *f;
	rc_model *m = load_bundled(&f);

	render(&first, "dot", m, f, RC_LAYOUT_LR);
	/* Every allocation from mmap: addresses now fall, where the heap's rose. */
	mallopt(M_MMAP_THRESHOLD, 0);
	render(&second, "dot", m, f, RC_LAYOUT_LR);
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0)
		TEST_FAIL("the DOT of %s changed with the memory layout", rc_model_file(m));
	rc_buffer_free(&first);
	rc_buffer_free(&second);
	rc_findings_free(&f);
	rc_model_free(&m);
#endif
}

/* --- the output registry --- */

/* "name:ext,ext" for each back-end of `command`, in table order, joined by spaces. */
static void registry_of(rc_buffer *out, const char *command)
{
	size_t i;

	out->len = 0;
	for (i = 0; i < rc_output_count(); i++) {
		const rc_output *o = rc_output_at(i);
		const char *const *e;

		if (strcmp(o->command, command) != 0)
			continue;
		CU_ASSERT(buffer_printf(out, "%s%s:", out->len ? " " : "", o->name) == 0);
		for (e = o->extensions; *e; e++)
			CU_ASSERT(buffer_printf(out, "%s%s", e == o->extensions ? "" : ",", *e) == 0);
		CU_ASSERT_PTR_NOT_NULL(o->write);
		CU_ASSERT(o->needs & RC_OUTPUT_MODEL);
		CU_ASSERT(strchr(o->media_type, '/') != NULL);
	}
	terminate(out);
}

static void test_output_registry(void)
{
	static const char *const want[][2] = {
		{ "render", "svg:svg png:png pdf:pdf dot:dot,gv" },
		{ "report", "html:html,htm" },
		{ "check", "text:txt json:json sarif:sarif" },
		{ "export", "csv:csv markdown:md,markdown kumu:json" },
		{ "diff", "text:diff,txt json:json" },
	};
	rc_buffer got = { 0 };
	size_t i;

	CU_ASSERT_EQUAL(rc_output_count(), 13);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		registry_of(&got, want[i][0]);
		CU_ASSERT_STRING_EQUAL(got.data, want[i][1]);
	}
	CU_ASSERT_PTR_NULL(rc_output_at(13));
	CU_ASSERT_PTR_EQUAL(rc_output_find("render", NULL), rc_output_at(0));
	CU_ASSERT_STRING_EQUAL(rc_output_find("render", "pdf")->media_type, "application/pdf");
	CU_ASSERT_EQUAL(rc_output_find("render", "dot")->needs & RC_OUTPUT_LAYOUT, 0);
	CU_ASSERT(rc_output_find("report", "html")->needs & RC_OUTPUT_LAYOUT);
	CU_ASSERT_STRING_EQUAL(rc_output_find("check", NULL)->name, "text");
	CU_ASSERT_STRING_EQUAL(rc_output_find("diff", "json")->command, "diff");
	CU_ASSERT_PTR_EQUAL(rc_output_for_extension("render", "PNG"), rc_output_find("render", "png"));
	CU_ASSERT_PTR_EQUAL(rc_output_for_extension("render", "gv"), rc_output_find("render", "dot"));
	CU_ASSERT_PTR_EQUAL(rc_output_for_extension("export", "json"), rc_output_find("export", "kumu"));
	CU_ASSERT_PTR_EQUAL(rc_output_for_extension("check", "json"), rc_output_find("check", "json"));
	CU_ASSERT_PTR_NULL(rc_output_for_extension("render", "jpg"));
	CU_ASSERT_PTR_NULL(rc_output_for_extension("report", "svg"));
	CU_ASSERT_PTR_NULL(rc_output_find("render", "jpg"));
	CU_ASSERT_PTR_NULL(rc_output_find("render", "SVG"));
	CU_ASSERT_PTR_NULL(rc_output_find("render", ""));
	CU_ASSERT_PTR_NULL(rc_output_find("import", NULL));
	CU_ASSERT(rc_output_has_extension(rc_output_find("export", "markdown"), "Markdown"));
	CU_ASSERT(!rc_output_has_extension(rc_output_find("export", "markdown"), "mdx"));
	rc_buffer_free(&got);
}

/* A back-end given an input without what it reads fails with RC_EARG and writes nothing. */
static void test_output_missing_input(void)
{
	rc_output_input none = { 0 };
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	size_t i;

	for (i = 0; i < rc_output_count(); i++) {
		const rc_output *o = rc_output_at(i);

		if (strcmp(o->command, "check") == 0)
			continue; /* no files is a report on no files */
		memset(&err, 0, sizeof(err));
		CU_ASSERT_EQUAL(o->write(rc_buffer_sink, &out, &none, &err), RC_EARG);
		CU_ASSERT_STRING_EQUAL(err.message, strcmp(o->command, "diff") == 0 ? "the output needs a diff"
		                                                                    : "the output needs a model");
		CU_ASSERT_EQUAL(out.len, 0);
	}
	rc_buffer_free(&out);
}

/* --- formats --- */

static void test_svg(void)
{
	rc_buffer out = { 0 }, want = { 0 };
	rc_findings *f;
	rc_model *m = load_bundled(&f);
	size_t i;

	render(&out, "svg", m, f, RC_LAYOUT_LR);
	CU_ASSERT_EQUAL(strncmp(out.data, "<?xml", 5), 0);
	expect_contains("SVG", out.data, "</svg>");
	/* The model title in the graph label, each step's full title in its tooltip. */
	svg_escape(&want, rc_model_title(m));
	expect_contains("SVG", out.data, want.data);
	for (i = 0; i < rc_model_step_count(m); i++) {
		rc_buffer title = { 0 };

		svg_escape(&want, rc_model_step(m, i)->title);
		buffer_printf(&title, "xlink:title=\"%s\"", want.data);
		expect_contains("SVG", out.data, title.data);
		rc_buffer_free(&title);
	}
	rc_buffer_free(&want);
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

static void expect_magic(const char *format, const char *magic, size_t len)
{
	rc_buffer out = { 0 };
	rc_findings *f;
	rc_model *m = load_bundled(&f);

	render(&out, format, m, f, RC_LAYOUT_LR);
	if (out.len < len || memcmp(out.data, magic, len) != 0)
		TEST_FAIL("%s output does not start with its signature", format);
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

static void test_png(void)
{
	expect_magic("png", "\x89PNG\r\n\x1a\n", 8);
}

static void test_pdf(void)
{
	expect_magic("pdf", "%PDF", 4);
}

static void test_direction(void)
{
	rc_buffer out = { 0 };
	rc_findings *f;
	rc_model *m = load_bundled(&f);

	render(&out, "dot", m, f, RC_LAYOUT_TB);
	expect_contains("DOT", out.data, "rankdir=TB");
	expect_lacks("DOT", out.data, "rankdir=LR");
	render(&out, "dot", m, f, RC_LAYOUT_LR);
	expect_contains("DOT", out.data, "rankdir=LR");
	expect_lacks("DOT", out.data, "rankdir=TB");
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* --- escaping --- */

/* Titles short enough not to wrap; markup, quotes, Graphviz escapes and DOT syntax must all stay text. */
static const char escaping_model[] =
        HEADER "<model xmlns=\"urn:rchain:model:1\" id=\"esc\" version=\"1\">\n"
               "  <title>Model &lt;b&gt; &amp; \"q\" \\G</title>\n"
               "  <step id=\"a\" level=\"activity\"><title>&lt;script&gt; &amp; \"q\"</title>\n"
               "    <assumption>&lt;script&gt; \\N ]; x [label= &amp;</assumption>\n"
               "    <risk><statement>&lt;/TD&gt;&lt;b&gt; \"r\" \xC3\xA9</statement></risk></step>\n"
               "  <step id=\"b\" level=\"outcome\"><title>\\N ]; x [label= \xC3\xA9 \xE6\xBC\xA2</title></step>\n"
               "  <link from=\"a\" to=\"b\"/>\n"
               "</model>\n";

/* Lays out DOT text with Graphviz and renders it as SVG: what a user running dot on the file would see. */
static void dot_to_svg(rc_buffer *svg, const char *dot)
{
	static GVC_t *gvc;
	Agraph_t *g;
	char *data = NULL;
	unsigned int len = 0;

	if (!gvc)
		gvc = gvContext();
	g = agmemread(dot);
	CU_ASSERT_FATAL(gvc != NULL && g != NULL);
	CU_ASSERT_FATAL(gvLayout(gvc, g, "dot") == 0);
	CU_ASSERT_FATAL(gvRenderData(gvc, g, "svg", &data, &len) == 0);
	svg->len = 0;
	buffer_append(svg, data, len);
	terminate(svg);
	gvFreeRenderData(data);
	gvFreeLayout(gvc, g);
	agclose(g);
}

/* `b_line`: the first line of step b's title as drawn (a page of the report wraps it). */
static void expect_escaped_svg(const char *what, const char *svg, const char *b_line)
{
	expect_contains(what, svg, ">Model &lt;b&gt; &amp; &quot;q&quot; \\G</text>");
	expect_contains(what, svg, ">&lt;script&gt; &amp; &quot;q&quot;</text>");
	expect_contains(what, svg, b_line);
	expect_contains(what, svg, "xlink:title=\"&lt;script&gt; &amp; &quot;q&quot;\"");
	expect_contains(what, svg, "xlink:title=\"\\N ]; x [label= \xC3\xA9 \xE6\xBC\xA2\"");
	expect_lacks(what, svg, "<script>");
	/* Neither a label nor a tooltip fell back to, or expanded into, the node name. */
	expect_lacks(what, svg, ">s0</text>");
	expect_lacks(what, svg, ">s1</text>");
	expect_lacks(what, svg, "s1 ]; x");
	expect_lacks(what, svg, ">rchain</text>");
}

static void test_escaping(void)
{
	rc_model *m = load_memory(escaping_model);
	rc_buffer dot = { 0 }, svg = { 0 }, node = { 0 }, html = { 0 };
	rc_findings *f;

	render(&dot, "dot", m, NULL, RC_LAYOUT_LR);
	dot_node(&node, dot.data, "s0");
	/* Markup escaped in the HTML-like label; the tooltip is a quoted string, where only '"' is special. */
	expect_contains("DOT node s0", node.data, "<TD>&lt;script&gt; &amp; &quot;q&quot;</TD>");
	expect_contains("DOT node s0", node.data, "tooltip=\"<script> &amp; \\\"q\\\"\"");
	dot_node(&node, dot.data, "s1");
	expect_contains("DOT node s1", node.data, " ]; x [label= \xC3\xA9 \xE6\xBC\xA2</TD>");
	render(&svg, "svg", m, NULL, RC_LAYOUT_LR);
	expect_escaped_svg("SVG", svg.data, ">\\N ]; x [label= \xC3\xA9 \xE6\xBC\xA2</text>");
	/* The DOT file says the same as the SVG when laid out again. */
	dot_to_svg(&svg, dot.data);
	expect_escaped_svg("SVG of the DOT", svg.data, ">\\N ]; x [label= \xC3\xA9 \xE6\xBC\xA2</text>");
	/* In the key, with the markers. */
	expect_contains("SVG", svg.data, ">&lt;script&gt; \\N ]; x [label= &amp;</text>");
	expect_contains("SVG", svg.data, ">&lt;/TD&gt;&lt;b&gt; &quot;r&quot; \xC3\xA9</text>");
	/* The report: every title and annotation is text, in the HTML and in its inline SVG. */
	f = check_keeping(m, NULL, 0);
	report(&html, m, f, 1);
	expect_contains("HTML", html.data, "<title>Model &lt;b&gt; &amp; &quot;q&quot; \\G</title>");
	/* In the page header of the print, a CSS string: nothing in it can end the string or the style. */
	expect_contains("HTML", html.data, "@top-left{content:\"Model \\3C b\\3E  \\26  \\22 q\\22  \\5C G\";");
	expect_contains("HTML", html.data, "<h1>Model &lt;b&gt; &amp; &quot;q&quot; \\G</h1>");
	expect_contains("HTML", html.data, "<li>&lt;script&gt; &amp; &quot;q&quot;</li>");
	expect_contains("HTML", html.data, "<li>\\N ]; x [label= \xC3\xA9 \xE6\xBC\xA2</li>");
	expect_contains("HTML", html.data, "<td>&lt;script&gt; \\N ]; x [label= &amp;</td>");
	expect_contains("HTML", html.data, "<td>&lt;/TD&gt;&lt;b&gt; &quot;r&quot; \xC3\xA9</td>");
	expect_escaped_svg("SVG in the report", strstr(html.data, "<svg"), ">[label= \xC3\xA9 \xE6\xBC\xA2</text>");
	expect_lacks("HTML", html.data, "<script");
	expect_lacks("HTML", html.data, "<b>");
	rc_findings_free(&f);
	rc_buffer_free(&html);
	rc_buffer_free(&node);
	rc_buffer_free(&svg);
	rc_buffer_free(&dot);
	rc_model_free(&m);
}

/* --- findings on the diagram --- */

/* Step p is an orphan (RC006) practice step without an indicator (RC017). */
static const char findings_model[] =
        HEADER "<model xmlns=\"urn:rchain:model:1\" id=\"fx\" version=\"1\">\n"
               "  <title>Findings</title>\n"
               "  <step id=\"a\" level=\"activity\"><title>Run</title></step>\n"
               "  <step id=\"p\" level=\"practice\"><title>Cook</title></step>\n"
               "  <step id=\"o\" level=\"outcome\"><title>Eat</title><indicator>Meals</indicator></step>\n"
               "  <link from=\"a\" to=\"o\"/>\n"
               "</model>\n";

static void expect_marked(const rc_model *m, const char *const *keep, size_t keep_count, const char *label)
{
	rc_findings *f = check_keeping(m, keep, keep_count);
	rc_buffer dot = { 0 }, node = { 0 };

	render(&dot, "dot", m, f, RC_LAYOUT_LR);
	dot_node(&node, dot.data, "s1");
	expect_contains("DOT node s1", node.data, label);
	expect_contains("DOT node s1", node.data, "penwidth=3");
	expect_contains("DOT node s1", node.data, "color=\"#D55E00\"");
	dot_node(&node, dot.data, "s0");
	expect_lacks("DOT node s0", node.data, "warning");
	expect_lacks("DOT node s0", node.data, "#D55E00");
	rc_buffer_free(&node);
	rc_buffer_free(&dot);
	rc_findings_free(&f);
}

static void test_findings_marked(void)
{
	static const char *const orphan[] = { "RC006" };
	static const char *const both[] = { "RC006", "RC017" };
	rc_model *m = load_memory(findings_model);
	rc_buffer dot = { 0 };

	expect_marked(m, orphan, 1,
	              "<TD BGCOLOR=\"#F0E442\"><FONT POINT-SIZE=\"9\" COLOR=\"#000000\">▲ 1 warning</FONT>");
	expect_marked(m, both, 2,
	              "<TD BGCOLOR=\"#F0E442\"><FONT POINT-SIZE=\"9\" COLOR=\"#000000\">▲ 2 warnings</FONT>");
	/* Without findings nothing is marked. */
	render(&dot, "dot", m, NULL, RC_LAYOUT_LR);
	expect_lacks("DOT", dot.data, "▲");
	expect_lacks("DOT", dot.data, "#D55E00\"");
	rc_buffer_free(&dot);
	rc_model_free(&m);
}

/* --- annotations: golden DOT of a fixture with every kind of mark, in each view --- */

#define ANNOTATED TEST_DATA "render/annotated.xml"

static void test_annotated_golden(void)
{
	static const struct {
		const char *golden;
		rc_layout_direction direction;
		const char *focus;
		int clean;
	} views[] = {
		{ TEST_GOLDEN "dot/annotated.dot", RC_LAYOUT_LR, NULL, 0 },
		{ TEST_GOLDEN "dot/annotated-tb.dot", RC_LAYOUT_TB, NULL, 0 },
		{ TEST_GOLDEN "dot/annotated-focus.dot", RC_LAYOUT_LR, "p1", 0 },
		{ TEST_GOLDEN "dot/annotated-clean.dot", RC_LAYOUT_LR, NULL, 1 },
	};
	rc_model *m = test_load(ANNOTATED);
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_buffer out = { 0 };
	size_t i;

	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		rc_render_input in = { .model = m,
			               .findings = f,
			               .direction = views[i].direction,
			               .focus = views[i].focus,
			               .hide_evidence = views[i].clean,
			               .no_findings = views[i].clean };

		render_input(&out, "dot", &in);
		if (!test_golden(views[i].golden, out.data, out.len))
			TEST_FAIL("DOT differs from %s", views[i].golden);
	}
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* The SVG carries the title, the legend, confidence marks, markers with their key, badges and the weakest link. */
static void test_svg_annotations(void)
{
	static const char *const present[] = {
		">Annotated fixture</text>",
		">Confidence</text>",
		">●●● high</text>",
		">○○○ unrated</text>",
		">dashed: feedback</text>",
		">Key: assumptions (A) and risks (R)</text>",
		">Workshops can be staffed.</text>",
		">Teams have no time to listen.</text>",
		">✖ 1 error · ▲ 1 warning</text>",
		">▲ 2 warnings</text>",
		">◆ weakest link (1 outcome)</text>",
		">●○○ low · E1</text>",
		"> A2 R1</text>",
		"> R2</text>",
	};
	rc_model *m = test_load(ANNOTATED);
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_render_input in = { .model = m, .findings = f };
	rc_buffer svg = { 0 };
	size_t i;

	render_input(&svg, "svg", &in);
	expect_contains_each("SVG", svg.data, present, sizeof(present) / sizeof(present[0]));
	/* The whole-model assumption has no marker on the diagram: it is listed in the report. */
	expect_lacks("SVG", svg.data, "The partners agree on the aim.");
	/* The board-meeting view: confidence stays, evidence marks and findings go. */
	in.hide_evidence = in.no_findings = 1;
	render_input(&svg, "svg", &in);
	expect_contains("clean SVG", svg.data, ">Annotated fixture</text>");
	expect_contains("clean SVG", svg.data, ">●●● high</text>");
	for (i = 5; i < 10; i++)
		expect_lacks("clean SVG", svg.data, present[i]);
	expect_contains("clean SVG", svg.data, present[10]);
	expect_lacks("clean SVG", svg.data, "E1</text>");
	rc_buffer_free(&svg);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* Every step an outcome's pathways start from, found here without the library: causal links to a level not before. */
static void ancestors(const rc_model *m, size_t step, unsigned char *mark)
{
	size_t count, k;
	const size_t *in = rc_model_links_in(m, step, &count);

	mark[step] = 1;
	for (k = 0; k < count; k++) {
		const rc_link *l = rc_model_link(m, in[k]);

		if (l->resolved && l->kind == RC_LINK_CAUSAL && l->from_step != l->to_step &&
		    l->to_level >= l->from_level && !mark[l->from_step])
			ancestors(m, l->from_step, mark);
	}
}

/* --focus on each outcome of the WWS model draws exactly the steps on pathways into it. */
static void test_focus(void)
{
	rc_model *m = test_load("models/wws-partnership.xml");
	rc_findings *f = check_keeping(m, NULL, 0);
	unsigned char *mark = calloc(rc_model_step_count(m), 1);
	rc_buffer dot = { 0 }, id = { 0 };
	size_t i, k, outcomes = 0;

	CU_ASSERT_FATAL(mark != NULL);
	for (i = 0; i < rc_model_step_count(m); i++) {
		const rc_step *o = rc_model_step(m, i);
		rc_render_input in = { .model = m, .findings = f, .focus = o->id };
		size_t drawn = 0, steps = 0;

		if (o->level != RC_LEVEL_OUTCOME)
			continue;
		outcomes++;
		memset(mark, 0, rc_model_step_count(m));
		ancestors(m, i, mark);
		render_input(&dot, "dot", &in);
		for (k = 0; k < rc_model_step_count(m); k++) {
			id.len = 0;
			buffer_printf(&id, "id=\"step-%s\"", rc_model_step(m, k)->id);
			if ((strstr(dot.data, id.data) != NULL) != mark[k])
				TEST_FAIL("focus %s: step %s is %s", o->id, rc_model_step(m, k)->id,
				          mark[k] ? "missing" : "drawn but not on a pathway into it");
			drawn += mark[k];
		}
		for (k = 0; k < rc_model_step_count(m); k++)
			steps += mark[k];
		CU_ASSERT(drawn == steps && steps < rc_model_step_count(m));
	}
	CU_ASSERT(outcomes > 0);
	rc_buffer_free(&id);
	rc_buffer_free(&dot);
	free(mark);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* Over the limit: refused with a message naming --focus; a focus that fits is drawn; an unknown focus is an error. */
static void test_limits_and_focus(void)
{
	rc_model *m = test_load("models/wws-partnership.xml");
	rc_render_input in = { .model = m, .max_steps = 5 };
	rc_error err = { 0 };
	rc_buffer out = { 0 };

	CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), RC_ELIMIT);
	CU_ASSERT_STRING_EQUAL(err.message,
	                       "36 steps is over the diagram limit of 5 (layout would take too long); draw "
	                       "part of the model with --focus STEP, or raise the limit with --max-steps");
	CU_ASSERT_EQUAL(
	        rc_output_find("render", "svg")->write(rc_buffer_sink, &out, &(rc_output_input){ .view = &in }, &err),
	        RC_ELIMIT);
	CU_ASSERT_EQUAL(out.len, 0);
	in.focus = "eng.staff"; /* inputs and activities that lead to it: more than 5 */
	CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), RC_ELIMIT);
	in.focus = "act.aims";
	CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), 0);
	in.focus = "no.such";
	CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), RC_EARG);
	CU_ASSERT_STRING_EQUAL(err.message, "there is no step, strand or strand group 'no.such' to focus on");
	rc_buffer_free(&out);
	rc_model_free(&m);
}

/* Removes every feedback <link> element from the model text in `xml`, in place. */
static void drop_feedback_links(char *xml)
{
	char *kind;

	while ((kind = strstr(xml, "kind=\"feedback\"")) != NULL) {
		char *start = kind, *end = strchr(kind, '>');

		while (start > xml && strncmp(start, "<link", 5) != 0)
			start--;
		CU_ASSERT_FATAL(end != NULL && strncmp(start, "<link", 5) == 0);
		end = end[-1] == '/' ? end + 1 : strstr(end, "</link>") + strlen("</link>");
		memmove(start, end, strlen(end) + 1);
	}
}

/* The x of node `name` in Graphviz's plain output. */
static double plain_x(const char *plain, const char *name)
{
	char key[80];
	const char *line;

	snprintf(key, sizeof(key), "\nnode %s ", name);
	line = strstr(plain, key);
	if (!line) {
		TEST_FAIL("no node %s in the layout", name);
		return -1;
	}
	return strtod(line + strlen(key), NULL);
}

/* The column of every step: the level whose header shares its x when `dot` is laid out left to right. */
static void step_columns(const char *dot, const rc_model *m, int *column)
{
	static GVC_t *gvc;
	Agraph_t *g = agmemread(dot);
	double header[RC_LEVEL_COUNT];
	char *plain = NULL, name[64];
	unsigned int len = 0;
	size_t i;
	int level;

	if (!gvc)
		gvc = gvContext();
	CU_ASSERT_FATAL(g != NULL && gvLayout(gvc, g, "dot") == 0 && gvRenderData(gvc, g, "plain", &plain, &len) == 0);
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		snprintf(name, sizeof(name), "level_%s", rc_level_name((rc_level)level));
		header[level] = plain_x(plain, name);
	}
	for (i = 0; i < rc_model_step_count(m); i++) {
		double x;

		snprintf(name, sizeof(name), "s%zu", i);
		x = plain_x(plain, name);
		column[i] = -1;
		for (level = 0; level < RC_LEVEL_COUNT; level++)
			if (x > header[level] - 0.01 && x < header[level] + 0.01)
				column[i] = level;
	}
	gvFreeRenderData(plain);
	gvFreeLayout(gvc, g);
	agclose(g);
}

/* Every step sits in the column of its level, with its feedback links and without them. */
static void test_feedback_keeps_columns(void)
{
	static const char *const files[] = { ANNOTATED, "models/wws-partnership.xml" };
	size_t i, k;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		rc_buffer text = { 0 }, dot = { 0 };
		rc_model *with = test_load(files[i]), *without = NULL;
		rc_error err = { 0 };
		size_t n = rc_model_step_count(with);
		int *column = calloc(2 * n, sizeof(int));
		FILE *in = fopen(files[i], "rb");
		char chunk[4096];
		size_t got;

		CU_ASSERT_FATAL(column != NULL && in != NULL);
		while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
			buffer_append(&text, chunk, got);
		fclose(in);
		terminate(&text);
		drop_feedback_links(text.data);
		text.len = strlen(text.data);
		CU_ASSERT_FATAL(rc_model_load_memory(&without, test_context(), files[i], text.data, text.len, &err) ==
		                0);
		CU_ASSERT_FATAL(rc_model_link_count(without) < rc_model_link_count(with));
		render(&dot, "dot", with, NULL, RC_LAYOUT_LR);
		step_columns(dot.data, with, column);
		render(&dot, "dot", without, NULL, RC_LAYOUT_LR);
		step_columns(dot.data, without, column + n);
		for (k = 0; k < n; k++)
			if (column[k] != (int)rc_model_step(with, k)->level || column[n + k] != column[k])
				TEST_FAIL(
				        "%s: step %s is in column %d with its feedback links, %d without, of level %d",
				        files[i], rc_model_step(with, k)->id, column[k], column[n + k],
				        (int)rc_model_step(with, k)->level);
		free(column);
		rc_buffer_free(&dot);
		rc_buffer_free(&text);
		rc_model_free(&without);
		rc_model_free(&with);
	}
}

/* The fields after "node NAME " in plain output (x, y, width, height, in inches); 0 when there is no such node. */
static int plain_node(const char *plain, const char *name, double box[4])
{
	char key[80];
	const char *line;
	char *end;
	int i;

	snprintf(key, sizeof(key), "\nnode %s ", name);
	line = strstr(plain, key);
	if (!line)
		return 0;
	line += strlen(key);
	for (i = 0; i < 4; i++, line = end)
		box[i] = strtod(line, &end);
	return 1;
}

/* Lays out DOT text and returns its plain output (gvFreeRenderData it). */
static char *lay_out_plain(const char *dot)
{
	static GVC_t *gvc;
	Agraph_t *g = agmemread(dot);
	char *plain = NULL;
	unsigned int len = 0;

	if (!gvc)
		gvc = gvContext();
	CU_ASSERT_FATAL(g != NULL && gvLayout(gvc, g, "dot") == 0 && gvRenderData(gvc, g, "plain", &plain, &len) == 0);
	gvFreeLayout(gvc, g);
	agclose(g);
	return plain;
}

/*
 * Default renders of the bundled models, both directions: the legend and key
 * (the node "key") take at most a quarter of the laid-out graph's area, and
 * every strand's row label has one width, so the rows start in line.
 */
static void test_key_area(void)
{
	struct names models = list_dir("models", ".xml");
	rc_buffer dot = { 0 };
	size_t i;
	int d;

	if (models.count == 0)
		TEST_FAIL("no model files in models/");
	for (i = 0; i < models.count; i++)
		for (d = 0; d < RC_LAYOUT_DIRECTION_COUNT; d++) {
			rc_findings *f;
			rc_model *m = load_checked(models.items[i], &f);
			double scale, width, height, key[4], row[4], first_row = -1;
			char *plain, name[32];
			size_t s;

			render(&dot, "dot", m, f, (rc_layout_direction)d);
			plain = lay_out_plain(dot.data);
			CU_ASSERT_FATAL(sscanf(plain, "graph %lf %lf %lf", &scale, &width, &height) == 3);
			if (!plain_node(plain, "key", key))
				TEST_FAIL("%s: no key node", models.items[i]);
			else if (key[2] * key[3] > 0.25 * width * height)
				TEST_FAIL("%s %s: the key is %.1f%% of the image", models.items[i],
				          rc_layout_direction_name((rc_layout_direction)d),
				          100 * key[2] * key[3] / (width * height));
			for (s = 0; s < rc_model_strand_count(m); s++) {
				snprintf(name, sizeof(name), "row_%zu", s);
				CU_ASSERT_FATAL(plain_node(plain, name, row));
				if (first_row < 0)
					first_row = row[2];
				else if (row[2] != first_row)
					TEST_FAIL("%s: row %zu is %.2f in wide, row 0 %.2f", models.items[i], s, row[2],
					          first_row);
			}
			gvFreeRenderData(plain);
			rc_findings_free(&f);
			rc_model_free(&m);
		}
	rc_buffer_free(&dot);
	free_names(&models);
}

/* --key: short cuts each statement to one line (after a shared lead-in), full keeps it whole, none leaves the key out
 * (the legend stays). */
static void test_key_styles(void)
{
	static const char *const whole = "General logic of the results chain: each task's activities reach";
	rc_findings *f;
	rc_model *m = load_checked("columns-strands.xml", &f);
	rc_render_input in = { .model = m, .findings = f, .evidence = evidence() };
	rc_buffer dot = { 0 };

	render_input(&dot, "dot", &in);
	expect_contains("short key", dot.data, "<B>A1</B>");
	expect_contains("short key", dot.data, "General logic of the results chain: each …");
	/* A3 and A5 share the lead-in "General logic of the results chain, not a stated finding: ", A1 has its own. */
	expect_contains("short key", dot.data,
	                "<B>A3</B></TD><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">people "
	                "who are aware of the messages and …");
	expect_contains("short key", dot.data, "BALIGN=\"LEFT\">the changed practice is taken to …");
	expect_lacks("short key", dot.data, whole);
	in.key = RC_KEY_FULL;
	render_input(&dot, "dot", &in);
	expect_contains("full key", dot.data, whole);
	in.key = RC_KEY_NONE;
	render_input(&dot, "dot", &in);
	expect_lacks("no key", dot.data, "<B>A1</B>");
	expect_contains("no key", dot.data, "<B>Confidence</B>");
	rc_buffer_free(&dot);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* --- the report --- */

/* The sections of today's full report (and of the report before the board report), each id with its heading. */
static const char *const full_sections[][2] = {
	{ "summary", "Summary" },
	{ "diagram", "Diagram" },
	{ "findings", "Findings" },
	{ "stories", "Contribution stories" },
	{ "gaps", "Evidence gaps" },
	{ "assumptions", "Assumptions" },
	{ "risks", "Risks" },
	{ "coverage", "Evidence-base coverage" },
	{ "table", "Logic-model table" },
};

/* The board report's sections, in order. */
static const char *const board_sections[][2] = {
	{ "verdict", "Verdict" },       { "confidence", "Confidence per outcome" }, { "diagram", "Diagram" },
	{ "weakest", "Weakest links" }, { "gaps", "Evidence gaps that matter" },    { "findings", "Top findings" },
};

/* The heading of section `id` in `html`, "" when there is no such section. */
static const char *section_heading(const char *html, const char *id, char *heading, size_t size)
{
	char open[64];
	const char *at, *h2, *end;

	snprintf(open, sizeof(open), "<section id=\"%s\"", id);
	at = strstr(html, open);
	h2 = at ? strstr(at, "<h2>") : NULL;
	end = h2 ? strstr(h2, "</h2>") : NULL;
	heading[0] = '\0';
	if (end && (size_t)(end - h2) - 4 < size)
		snprintf(heading, size, "%.*s", (int)(end - h2 - 4), h2 + 4);
	return heading;
}

/*
 * What a screen reader needs: headings that never skip a level (h1, then h2,
 * then h3), and every table with a caption and each header cell with a scope.
 */
static void expect_reading_order(const char *what, const char *html)
{
	const char *p;
	int level = 0;

	for (p = strstr(html, "<body>"); p && (p = strstr(p, "<h")) != NULL; p++)
		if (p[2] >= '1' && p[2] <= '6' && p[3] == '>') {
			if (p[2] - '0' > level + 1)
				TEST_FAIL("%s: h%c after h%d: %.60s", what, p[2], level, p);
			level = p[2] - '0';
		}
	for (p = html; (p = strstr(p, "<table")) != NULL; p++)
		if (!strstr(p, "<caption>") || strstr(p, "<caption>") > strstr(p, "</table>"))
			TEST_FAIL("%s: a table without a caption: %.80s", what, p);
	for (p = html; (p = strstr(p, "<th")) != NULL; p++)
		if (p[3] == '>' || (p[3] == ' ' && strncmp(p + 4, "scope=", 6) != 0))
			TEST_FAIL("%s: a header cell without a scope: %.60s", what, p);
}

/*
 * Every bundled model's board report has the board's sections in order and
 * none of the full report's own; the full report holds every section the
 * report had before the board report, with the board's. Each has one inline
 * SVG, nothing to fetch or run, and reads in order.
 */
static void test_report_sections(void)
{
	static const char *const fetched_or_run[] = {
		"<script", "<?xml", "<!DOCTYPE svg", "src=", "href=\"http", "url("
	};
	struct names models = list_dir("models", ".xml");
	rc_buffer html = { 0 };
	char heading[128];
	size_t i, k;
	int full;

	for (i = 0; i < models.count; i++) {
		rc_findings *f;
		rc_model *m = load_checked(models.items[i], &f);
		const char *at;

		for (full = 0; full <= 1; full++) {
			report(&html, m, f, full);
			CU_ASSERT_EQUAL(strncmp(html.data, "<!DOCTYPE html>\n", 16), 0);
			for (k = 0, at = html.data; k < sizeof(board_sections) / sizeof(board_sections[0]); k++) {
				const char *next = strstr(at, board_sections[k][0]);

				section_heading(at, board_sections[k][0], heading, sizeof(heading));
				if (!next || (!full && strcmp(heading, board_sections[k][1]) != 0))
					TEST_FAIL("%s: board report lacks '%s' after the previous section",
					          models.items[i], board_sections[k][1]);
				at = next ? next : at;
			}
			for (k = 0; k < sizeof(full_sections) / sizeof(full_sections[0]); k++) {
				section_heading(html.data, full_sections[k][0], heading, sizeof(heading));
				if (full && strcmp(heading, full_sections[k][1]) != 0)
					TEST_FAIL("%s: --full lacks '%s' (has '%s')", models.items[i],
					          full_sections[k][1], heading);
				if (!full && strcmp(heading, full_sections[k][1]) == 0 && k != 1)
					TEST_FAIL("%s: the board report holds '%s'", models.items[i],
					          full_sections[k][1]);
			}
			/* Every step on the pages of rc_render_model_pages(), an image each, the first under "Diagram".
			 */
			CU_ASSERT(occurrences(html.data, "<svg") >= 1);
			CU_ASSERT_EQUAL(occurrences(html.data, "<svg"),
			                1 + occurrences(html.data, "<h3>Results chain"));
			expect_contains("report", html.data,
			                "<h2>Diagram</h2>\n<section class=\"strand\"><div class=\"diagram\">");
			expect_lacks_each("report", html.data, fetched_or_run,
			                  sizeof(fetched_or_run) / sizeof(fetched_or_run[0]));
			expect_reading_order(models.items[i], html.data);
			expect_contains("report", html.data, "@top-right{content:\"2026-12-02\";");
		}
		rc_findings_free(&f);
		rc_model_free(&m);
	}
	CU_ASSERT(models.count > 0);
	rc_buffer_free(&html);
	free_names(&models);
}

/* The board report of the fixture: the verdict in plain words, the three things to fix first, the top findings. */
static void test_report_board(void)
{
	static const char *const present[] = {
		("<p>The model claims that its 0 inputs and 2 activities lead to 2 final outcomes: Better support for "
		 "carers and Fewer crises. Confidence in them: 0 high, 0 medium, 0 low, 2 unrated, 0 unreached (no "
		 "pathway from an input or activity). 11 of its 17 steps and links are unrated: no evidence supports "
		 "them. The check found 1 error, 12 warnings and 19 notes.</p>"),
		("<h3>Three things to fix first</h3><ol><li>An input or activity links straight to a final outcome. "
		 "Replace the link with a pathway through engagement, reaction, knowledge and practice steps. <span "
		 "class=\"muted\">(1 error, RC013 miracle-leap)</span></li><li>A causal link states no assumption."),
		"<span class=\"muted\">(6 warnings, RC019 link-without-assumption)</span></li><li>",
		"<span class=\"muted\">(1 warning, RC006 orphan-step)</span></li></ol>",
		"<tr><td class=\"error\">RC013 error<br>miracle-leap</td><td>1</td><td>",
		"<td class=\"warning\">RC019 warning<br>link-without-assumption</td><td>6</td>",
		"more rules with findings: <code>rchain report --full</code> lists them all.</p>",
		", dated 2026-12-02, checked by rchain.",
	};
	rc_model *m = test_load(ANNOTATED);
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_buffer html = { 0 };

	report(&html, m, f, 0);
	expect_contains_each("board report", html.data, present, sizeof(present) / sizeof(present[0]));
	expect_lacks("board report", html.data, "<code>" TEST_DATA "render/annotated.xml:54:3</code>");
	rc_findings_free(&f);
	rc_model_free(&m);
	/* An example finding is cut at a word after 160 bytes; the full report has it whole. */
	m = load_checked("carers-act.xml", &f);
	report(&html, m, f, 0);
	expect_contains(
	        "board report", html.data,
	        "<td>1</td><td>this partnership&#39;s risk &#39;regenconflict.r7&#39; is not addressed: &quot;The "
	        "public sector agencies within a partnership do not share the same organisational and "
	        "cultural…</td>");
	report(&html, m, f, 1);
	expect_contains("full report", html.data, "do not share the same organisational and cultural norms;");
	rc_buffer_free(&html);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* The report names the fixture's findings, stories, markers and logic-model cells. */
static void test_report_content(void)
{
	static const char *const present[] = {
		"<title>Annotated fixture</title>",
		"<td class=\"error\">RC013 error<br>miracle-leap</td>",
		"<code>" TEST_DATA "render/annotated.xml:54:3</code>",
		("<tr><td>A2</td><td>Workshops can be staffed.</td><td>Run workshops <span "
		 "class=\"muted\">(a1)</span></td><td>holds</td>"),
		"<tr><td>A1</td><td>The partners agree on the aim.</td><td>whole model</td>",
		"<tr><td>R2</td><td>Teams have no time to listen.</td><td>none stated</td><td>link k1 → k2",
		("<th scope=\"row\">Strand A</th><td><ul class=\"cell\"></ul></td><td><ul class=\"cell\"><li>Run "
		 "workshops</li></ul></td>"),
		"<th scope=\"row\">No strand</th>",
		"No single piece of evidence would raise any outcome's confidence.",
	};
	rc_model *m = test_load(ANNOTATED);
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_buffer html = { 0 };

	report(&html, m, f, 1);
	expect_contains_each("report", html.data, present, sizeof(present) / sizeof(present[0]));
	rc_buffer_free(&html);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/*
 * The report's coverage and the rules RC030 to RC032 agree: the assumptions
 * and risks the report lists as applying and not addressed are exactly those
 * the rules summarise (rc_evidence_unaddressed, which 'rchain evidence
 * --unaddressed' lists). columns-strands has no input step; the report used to
 * count the entries about inputs as applying (cook2016.innovation.9 among
 * them, which `rchain check` leaves out). It declares no partnership, so no
 * partnership entry (regenconflict.r13, for one) applies either.
 */
static void test_report_coverage_agrees(void)
{
	rc_findings *f;
	rc_model *m = load_checked("columns-strands.xml", &f);
	rc_buffer html = { 0 };
	const char *row;
	size_t i, reported = 0, listed = 0, *order;
	rc_error err = { 0 };
	char cell[256];

	report(&html, m, f, 1);
	expect_contains("report", html.data, "<p>0 of the 35 evidence-base entries that apply to this model");
	expect_lacks("report", html.data, "<code>cook2016.innovation.9</code>");
	expect_lacks("report", html.data, "<code>regenconflict.r13</code>");
	order = calloc(rc_evidence_base_entry_count(evidence()) + 1, sizeof(*order));
	CU_ASSERT_FATAL(order != NULL);
	CU_ASSERT_EQUAL(rc_evidence_unaddressed(m, evidence(), order, &reported, &err), 0);
	for (i = 0; i < reported; i++) {
		const rc_entry *entry = rc_evidence_base_entry(evidence(), order[i]);

		snprintf(cell, sizeof(cell), "<tr><td><code>%s</code></td><td>%s</td>", entry->id,
		         rc_entry_kind_name(entry->kind));
		row = strstr(html.data, cell);
		if (!row || !strstr(row, "○ no") || strstr(row, "○ no") > strstr(row, "</tr>"))
			TEST_FAIL("the report does not list %s as not addressed", entry->id);
	}
	free(order);
	for (row = strstr(html.data, "<section id=\"coverage\""); row && (row = strstr(row, "<tr><td><code>")); row++) {
		const char *end = strstr(row, "</tr>");
		const char *kind = strstr(row, "</code></td><td>") + strlen("</code></td><td>");

		if ((strncmp(kind, "assumption<", 11) == 0 || strncmp(kind, "risk<", 5) == 0) && strstr(row, "○ no") &&
		    strstr(row, "○ no") < end)
			listed++;
	}
	CU_ASSERT(reported > 0);
	CU_ASSERT_EQUAL(listed, reported);
	rc_buffer_free(&html);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* Empty titles still give valid labels: Graphviz would draw the graph's and the nodes' names instead. */
static void test_empty_titles(void)
{
	static const char *const names_drawn[] = { ">rchain</text>", ">row_0</text>", ">row_1</text>", ">s0</text>" };
	rc_model *m = test_load(TEST_DATA "render/empty-titles.xml");
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_render_input in = { .model = m, .findings = f };
	rc_buffer svg = { 0 };

	render_input(&svg, "svg", &in);
	expect_contains("SVG", svg.data, ">2 steps, 1 link</text>");
	expect_lacks_each("SVG", svg.data, names_drawn, sizeof(names_drawn) / sizeof(names_drawn[0]));
	rc_buffer_free(&svg);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* A render of `path` into each back-end gives back every allocation the library made for it. */
static void expect_renders_free(const char *path)
{
	static const char *const formats[] = { "dot", "svg", "png", "pdf", "html" };
	rc_model *m = test_load(path);
	rc_findings *f = check_keeping(m, NULL, 0);
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		rc_buffer out = { 0 };
		long before = rc_alloc_live();

		render(&out, formats[i], m, f, RC_LAYOUT_LR);
		rc_buffer_free(&out);
		if (rc_alloc_live() != before)
			TEST_FAIL("%s: the %s render kept %ld allocations", path, formats[i], rc_alloc_live() - before);
	}
	rc_findings_free(&f);
	rc_model_free(&m);
}

/*
 * Nothing a render allocates outlives it. The fixture and columns-strands
 * have clusters whose ranks dot fills with a subgraph of its own, which
 * Graphviz 2.42 leaves behind (see graphviz_close in src/render/graphviz.c).
 */
static void test_renders_free(void)
{
	struct names models = list_dir("models", ".xml");
	char path[512];
	size_t i;

	for (i = 0; i < models.count; i++) {
		snprintf(path, sizeof(path), "models/%s", models.items[i]);
		expect_renders_free(path);
	}
	expect_renders_free(ANNOTATED);
	CU_ASSERT(models.count > 0);
	free_names(&models);
}

/* --- rc_file_write_atomic --- */

static char scratch[64];

static int make_scratch(void)
{
	snprintf(scratch, sizeof(scratch), "/tmp/rchain-render-XXXXXX");
	return mkdtemp(scratch) ? 0 : -1;
}

/* Removes `path` and, for a directory, everything in it. */
static int remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char inner[512];

	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(inner, sizeof(inner), "%s/%s", path, e->d_name);
			remove_tree(inner);
		}
	}
	if (d)
		closedir(d);
	return remove(path);
}

static const char *in_scratch(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", scratch, name);
	return buf;
}

/* Number of rchain temporaries (.rchain-*.tmp) left in `dir`. */
static size_t temporaries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while (d && (e = readdir(d)) != NULL)
		n += strncmp(e->d_name, ".rchain-", 8) == 0 && has_suffix(e->d_name, ".tmp");
	if (d)
		closedir(d);
	return n;
}

static void expect_file(const char *path, const char *content)
{
	size_t len = 0;
	char *data = test_read(path, &len);

	if (!data || len != strlen(content) || memcmp(data, content, len) != 0)
		TEST_FAIL("%s does not hold '%s'", path, content);
	free(data);
}

static void put(const char *path, const char *content)
{
	rc_error err = { 0 };

	if (rc_file_write_atomic(path, content, strlen(content), 0, &err) != 0)
		TEST_FAIL("cannot write %s: %s", path, err.message);
}

static void expect_write_error(const char *path, const char *data, size_t len, const char *want)
{
	rc_error err = { 0 };
	char line[2200];
	int rc = rc_file_write_atomic(path, data, len, 0, &err);

	CU_ASSERT_EQUAL(rc, RC_EIO);
	CU_ASSERT_EQUAL(err.status, RC_EIO);
	rc_error_format(&err, line, sizeof(line));
	if (strcmp(line, want) != 0)
		TEST_FAIL("got '%s', expected '%s'", line, want);
}

static void test_write_creates_and_replaces(void)
{
	char path[128];
	struct stat st;
	mode_t mask = umask(022);

	in_scratch(path, sizeof(path), "out.svg");
	put(path, "first");
	expect_file(path, "first");
	CU_ASSERT_EQUAL(stat(path, &st), 0);
	/* An ordinary new file's mode, not mkstemp's 0600. */
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0644);
	put(path, "second, longer than the first");
	expect_file(path, "second, longer than the first");
	put(path, "");
	expect_file(path, "");
	CU_ASSERT_EQUAL(temporaries(scratch), 0);
	umask(mask);
}

static void test_write_bare_name(void)
{
	char here[4096], path[128];

	/* A name without a directory: the temporary goes in the working directory. */
	CU_ASSERT_FATAL(getcwd(here, sizeof(here)) != NULL);
	CU_ASSERT_FATAL(chdir(scratch) == 0);
	put("bare.dot", "bare");
	CU_ASSERT_EQUAL(temporaries("."), 0);
	CU_ASSERT_FATAL(chdir(here) == 0);
	expect_file(in_scratch(path, sizeof(path), "bare.dot"), "bare");
}

static void test_write_to_directory(void)
{
	char dir[128], want[300], kept[160];

	in_scratch(dir, sizeof(dir), "a-dir");
	CU_ASSERT_FATAL(mkdir(dir, 0777) == 0);
	snprintf(kept, sizeof(kept), "%s/keep", dir);
	put(kept, "kept");
	snprintf(want, sizeof(want), "%s: error: cannot write: is a directory", dir);
	expect_write_error(dir, "x", 1, want);
	expect_file(kept, "kept");
	CU_ASSERT_EQUAL(temporaries(dir), 0);
	CU_ASSERT_EQUAL(temporaries(scratch), 0);
}

static void test_write_to_missing_directory(void)
{
	char path[128], want[300];

	in_scratch(path, sizeof(path), "missing/out.svg");
	snprintf(want, sizeof(want), "%s: error: cannot write: No such file or directory", path);
	expect_write_error(path, "x", 1, want);
	CU_ASSERT_EQUAL(temporaries(scratch), 0);
}

static void test_write_failure_keeps_previous(void)
{
	static char big[4096];
	struct rlimit old, small;
	char path[128], want[300];
	void (*old_handler)(int);

	in_scratch(path, sizeof(path), "previous.svg");
	put(path, "previous content");
	memset(big, 'x', sizeof(big));
	/* A write that fails midway (EFBIG past the file size limit), as on a full disk. */
	CU_ASSERT_FATAL(getrlimit(RLIMIT_FSIZE, &old) == 0);
	small = old;
	small.rlim_cur = 1024;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	CU_ASSERT_FATAL(setrlimit(RLIMIT_FSIZE, &small) == 0);
	snprintf(want, sizeof(want), "%s: error: cannot write: %s", path, strerror(EFBIG));
	expect_write_error(path, big, sizeof(big), want);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, old_handler);
	expect_file(path, "previous content");
	CU_ASSERT_EQUAL(temporaries(scratch), 0);
}

static void test_write_keeps_mode(void)
{
	char path[128], want[300];
	struct stat st;
	rc_error err = { 0 };

	in_scratch(path, sizeof(path), "mode.svg");
	put(path, "first");
	CU_ASSERT_FATAL(chmod(path, 0604) == 0);
	put(path, "second");
	CU_ASSERT(stat(path, &st) == 0 && (st.st_mode & 0777) == 0604);
	/* Read-only: refused (even for root, whose access() says yes), then replaced when forced, mode kept. */
	CU_ASSERT_FATAL(chmod(path, 0444) == 0);
	snprintf(want, sizeof(want), "%s: error: cannot write: the file is read-only; make it writable to replace it",
	         path);
	expect_write_error(path, "third", 5, want);
	expect_file(path, "second");
	CU_ASSERT_EQUAL(rc_file_write_atomic(path, "forced", 6, RC_WRITE_FORCE, &err), 0);
	expect_file(path, "forced");
	CU_ASSERT(stat(path, &st) == 0 && (st.st_mode & 0777) == 0444);
	CU_ASSERT_EQUAL(temporaries(scratch), 0);
}

/* Creates an empty file called `name` in the scratch folder. */
static void touch(const char *name)
{
	char path[160];
	FILE *f = fopen(in_scratch(path, sizeof(path), name), "w");

	CU_ASSERT_FATAL(f != NULL);
	fclose(f);
}

static int exists(const char *name)
{
	char path[160];

	return access(in_scratch(path, sizeof(path), name), F_OK) == 0;
}

/* A write removes the temporaries of dead writers in its folder, and nothing else. */
static void test_write_removes_stale(void)
{
	char dead[64], live[64], path[128];
	pid_t child;

	/* The child must not write out the TAP lines still buffered (valgrind flushes them at its exit). */
	fflush(stdout);
	child = fork();

	CU_ASSERT_FATAL(child >= 0);
	if (child == 0)
		_exit(0);
	CU_ASSERT_FATAL(waitpid(child, NULL, 0) == child);
	snprintf(dead, sizeof(dead), ".rchain-%ld-3.tmp", (long)child);
	snprintf(live, sizeof(live), ".rchain-%ld-3.tmp", (long)getppid());
	touch(dead);
	touch(live);
	touch(".rchain-x-1.tmp");
	touch(".rchain-1-.tmp");
	touch("keep.tmp");
	put(in_scratch(path, sizeof(path), "stale.svg"), "new");
	CU_ASSERT(!exists(dead));
	CU_ASSERT(exists(live));
	CU_ASSERT(exists(".rchain-x-1.tmp") && exists(".rchain-1-.tmp") && exists("keep.tmp"));
	CU_ASSERT(remove(in_scratch(path, sizeof(path), live)) == 0);
	CU_ASSERT(remove(in_scratch(path, sizeof(path), ".rchain-x-1.tmp")) == 0);
	CU_ASSERT(remove(in_scratch(path, sizeof(path), ".rchain-1-.tmp")) == 0);
	CU_ASSERT_EQUAL(temporaries(scratch), 0);
}

/* Format 1.1: a step in several strands is drawn once (in its first strand); a black-box link is dotted. */
static void test_format_11_diagram(void)
{
	rc_model *m = test_load(TEST_DATA "export/strands-1.1.xml");
	rc_findings *f = m ? check_keeping(m, NULL, 0) : NULL;
	rc_buffer out = { 0 };
	const char *label, *edge;

	CU_ASSERT_FATAL(m != NULL && f != NULL);
	render(&out, "dot", m, f, RC_LAYOUT_LR);
	label = strstr(out.data, "<TD>Community cafes</TD>");
	CU_ASSERT_PTR_NOT_NULL_FATAL(label);
	expect_lacks("the DOT after the first 'Community cafes'", label + 1, "<TD>Community cafes</TD>");
	edge = strstr(out.data, "\ts1 -> s4\t[arrowhead=onormal,");
	CU_ASSERT_PTR_NOT_NULL_FATAL(edge);
	/* The edge's attributes run to the first "];". */
	CU_ASSERT_PTR_NOT_NULL_FATAL(strstr(edge, "];"));
	label = strstr(edge, "id=\"link-3\"");
	CU_ASSERT(label != NULL && label < strstr(edge, "];"));
	CU_ASSERT_EQUAL(strstr(edge, "style=dotted];"), strstr(edge, "];") - strlen("style=dotted"));
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* --- format 1.1 in the diagram, the views, and strand pages --- */

#define V11 TEST_DATA "render/v11.xml"

/* Golden DOT of the format 1.1 fixture in each view: the chain, a strand focus, the overview, strand pages. */
static void test_v11_golden(void)
{
	static const struct {
		const char *golden;
		const char *view;
		const char *focus;
		rc_layout_direction direction;
	} views[] = {
		{ TEST_GOLDEN "dot/v11.dot", "chain", NULL, RC_LAYOUT_LR },
		{ TEST_GOLDEN "dot/v11-tb.dot", "chain", NULL, RC_LAYOUT_TB },
		{ TEST_GOLDEN "dot/v11-focus-strand.dot", "chain", "s.shop", RC_LAYOUT_LR },
		{ TEST_GOLDEN "dot/v11-focus-group.dot", "chain", "g.food", RC_LAYOUT_LR },
		{ TEST_GOLDEN "dot/v11-overview.dot", "overview", NULL, RC_LAYOUT_LR },
		{ TEST_GOLDEN "dot/v11-strand-group.dot", "strand:g.food", NULL, RC_LAYOUT_LR },
		{ TEST_GOLDEN "dot/v11-strand.dot", "strand:s.grow", NULL, RC_LAYOUT_LR },
	};
	rc_model *m = test_load(V11);
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_buffer out = { 0 };
	size_t i;

	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		rc_render_input in = {
			.model = m, .findings = f, .focus = views[i].focus, .direction = views[i].direction
		};

		CU_ASSERT_EQUAL_FATAL(rc_render_view_parse(&in, views[i].view), 0);
		render_input(&out, "dot", &in);
		if (!test_golden(views[i].golden, out.data, out.len))
			TEST_FAIL("DOT differs from %s", views[i].golden);
	}
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/*
 * A step in three strands is drawn once, in every view that draws it, with
 * "also in" naming the strands it is not drawn in; a strand focus draws only
 * that strand's members; unintended and adverse steps have cut corners and a mark.
 */
static void test_strands_drawn_once(void)
{
	static const char *const views[] = { NULL, "s.cook", "s.shop", "s.grow", "g.food" };
	rc_model *m = test_load(V11);
	rc_buffer dot = { 0 };
	size_t i;

	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		rc_render_input in = { .model = m, .focus = views[i] };

		render_input(&dot, "dot", &in);
		CU_ASSERT_EQUAL(occurrences(dot.data, "id=\"step-a1\""), 1);
		CU_ASSERT_EQUAL(occurrences(dot.data, "Run community cafes"), 2); /* label and tooltip */
	}
	/* Focus on Growing: its members a1, a4, p3 only, a1 in its Growing row, naming Cooking and Shopping. */
	{
		rc_render_input in = { .model = m, .focus = "s.grow" };

		render_input(&dot, "dot", &in);
		CU_ASSERT_EQUAL(occurrences(dot.data, "id=\"step-"), 3);
		CU_ASSERT_PTR_NOT_NULL(strstr(dot.data, "↔ also in: Cooking<BR/>Shopping"));
		CU_ASSERT_PTR_NOT_NULL(strstr(dot.data,
		                              "3 of 10 steps, 1 of 9 links drawn:<BR/>the steps of strand 'Growing' "
		                              "and the links among them"));
	}
	{
		rc_render_input in = { .model = m };

		render_input(&dot, "dot", &in);
		CU_ASSERT_PTR_NOT_NULL(strstr(dot.data, "⚠ adverse effect"));
		CU_ASSERT_PTR_NOT_NULL(strstr(dot.data, "◇ unintended effect"));
		CU_ASSERT_EQUAL(occurrences(dot.data, "style=\"filled,diagonals"), 2);
		CU_ASSERT_PTR_NOT_NULL(strstr(dot.data, "Strand group: Food"));
	}
	rc_buffer_free(&dot);
	rc_model_free(&m);
}

/* Bad views and focuses are refused with their message; the view names parse. */
static void test_view_errors(void)
{
	static const struct {
		const char *view, *focus, *message;
	} bad[] = {
		{ "strand:s.none", NULL, "there is no strand or strand group 's.none' to draw" },
		{ "strand:a1", NULL, "there is no strand or strand group 'a1' to draw" },
		{ "chain", "nothing", "there is no step, strand or strand group 'nothing' to focus on" },
		{ "overview", "a1", "a focus draws part of the chain: it cannot be combined with the overview view" },
	};
	rc_model *m = test_load(V11);
	rc_render_input in = { .model = m };
	rc_error err = { 0 };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CU_ASSERT_EQUAL_FATAL(rc_render_view_parse(&in, bad[i].view), 0);
		in.focus = bad[i].focus;
		CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), RC_EARG);
		CU_ASSERT_STRING_EQUAL(err.message, bad[i].message);
	}
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand:"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "overview:x"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "board"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand:s.grow:outcome-input"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand:s.grow:input"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand:s.grow:input-nowhere"), RC_EARG);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand::input-activity"), RC_EARG);
	in.focus = NULL;
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand:s.grow:input-activity"), 0);
	CU_ASSERT_EQUAL(in.view_levels, 1u << RC_LEVEL_INPUT | 1u << RC_LEVEL_ACTIVITY);
	CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), 0);
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "strand:s.none:input-activity"), 0);
	CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), RC_EARG);
	CU_ASSERT_STRING_EQUAL(err.message, "there is no strand or strand group 's.none' to draw");
	CU_ASSERT_EQUAL(rc_render_view_parse(&in, "overview"), 0);
	CU_ASSERT_EQUAL(in.view, RC_VIEW_OVERVIEW);
	CU_ASSERT_EQUAL(in.view_levels, 0);
	rc_model_free(&m);
}

/*
 * The strand pages of `m` (rc_render_pages), or with `whole` its pages of
 * every step (rc_render_model_pages), as drawn with findings `f` and their
 * confidence (`f` NULL: neither), failing the test on error; caller-owned
 * (rc_render_pages_free).
 */
static rc_render_page *model_pages(const rc_model *m, const rc_findings *f, int whole, size_t *count)
{
	rc_confidence *confidence = NULL;
	rc_render_page *pages = NULL;
	rc_error err = { 0 };
	rc_render_input in = { .model = m, .findings = f };

	if (f && rc_confidence_new(&confidence, m, &err) != 0)
		TEST_FAIL("confidence failed: %s", err.message);
	in.confidence = confidence;
	if ((whole ? rc_render_model_pages : rc_render_pages)(&pages, count, &in, &err) != 0)
		TEST_FAIL("cutting into pages failed: %s", err.message);
	rc_confidence_free(&confidence);
	return pages;
}

/*
 * The pages a report draws: a group that fits is one page; strands in no
 * group one each; a page too big to print legibly is cut into consecutive
 * level ranges of one strand, and each page's --view text draws that page;
 * the same for the pages of every step of a small model.
 */
static void test_pages(void)
{
	rc_model *m = test_load(V11);
	rc_model *big = test_load("tests/real/reach-riverside.xml");
	rc_findings *f = check_keeping(big, NULL, 0);
	rc_render_page *pages;
	size_t i, n, strands = 0;
	char view[256];

	pages = model_pages(m, NULL, 0, &n);
	CU_ASSERT_EQUAL_FATAL(n, 2);
	CU_ASSERT_STRING_EQUAL(pages[0].strand, "g.food");
	CU_ASSERT_STRING_EQUAL(pages[1].strand, "s.grow");
	CU_ASSERT(pages[0].levels == 0 && pages[1].levels == 0);
	rc_render_pages_free(&pages);
	CU_ASSERT_PTR_NULL(pages);
	/* 16 strategies in 4 components, each component over 40 steps: one page per strategy, or its level ranges. */
	pages = model_pages(big, f, 0, &n);
	for (i = 0; i < n; i++) {
		rc_render_input in = { .model = big };
		rc_error err = { 0 };

		CU_ASSERT_PTR_NOT_NULL(rc_model_find_strand(big, pages[i].strand));
		strands += i == 0 || strcmp(pages[i].strand, pages[i - 1].strand) != 0;
		if (i > 0 && strcmp(pages[i].strand, pages[i - 1].strand) == 0) /* the next levels, no gap */
			CU_ASSERT(pages[i - 1].levels && (pages[i].levels & pages[i - 1].levels) == 0 &&
			          (pages[i].levels & (pages[i - 1].levels << 1)) != 0);
		rc_render_page_view(view, sizeof(view), &pages[i]);
		CU_ASSERT_EQUAL_FATAL(rc_render_view_parse(&in, view), 0);
		CU_ASSERT_EQUAL(in.view_levels, pages[i].levels);
		CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), 0);
	}
	CU_ASSERT_EQUAL(strands, 16);
	CU_ASSERT(n > strands);
	rc_render_pages_free(&pages);
	/* A bundled model's pages of every step: consecutive level ranges, each drawable by its --view text. */
	rc_model_free(&m);
	m = test_load("models/wws-partnership.xml");
	pages = model_pages(m, NULL, 1, &n);
	CU_ASSERT_FATAL(n >= 2);
	for (i = 0; i < n; i++) {
		rc_render_input in = { .model = m };
		rc_error err = { 0 };

		CU_ASSERT_PTR_NULL(pages[i].strand);
		CU_ASSERT(i == 0 || (pages[i].levels & (pages[i - 1].levels << 1)) != 0);
		rc_render_page_view(view, sizeof(view), &pages[i]);
		CU_ASSERT_EQUAL(strncmp(view, "page", 4), 0);
		CU_ASSERT_EQUAL_FATAL(rc_render_view_parse(&in, view), 0);
		CU_ASSERT(in.view == RC_VIEW_STRAND && in.view_strand == NULL && in.view_levels == pages[i].levels);
		CU_ASSERT_EQUAL(rc_diagram_fits(&in, &err), 0);
	}
	rc_render_pages_free(&pages);
	rc_findings_free(&f);
	rc_model_free(&big);
	rc_model_free(&m);
}

/* The smallest font size in DOT text: fontsize= and POINT-SIZE= values. */
static double smallest_font(const char *dot)
{
	static const char *const keys[] = { "fontsize=", "POINT-SIZE=\"" };
	double smallest = 1e9;
	size_t k;

	for (k = 0; k < 2; k++) {
		const char *at;

		for (at = strstr(dot, keys[k]); at; at = strstr(at + 1, keys[k])) {
			double size = strtod(at + strlen(keys[k]) + (at[strlen(keys[k])] == '"'), NULL);

			if (size > 0 && size < smallest)
				smallest = size;
		}
	}
	return smallest;
}

/*
 * The smallest text, in points, of a page laid out `width` x `height` in
 * whose smallest font is `font` pt, printed fitted into `paper_width` x
 * `paper_height` in (never enlarged).
 */
static double printed_size(double font, double width, double height, double paper_width, double paper_height)
{
	double fit = paper_width / width < paper_height / height ? paper_width / width : paper_height / height;

	return font * (fit > 1 ? 1 : fit);
}

/*
 * How legible each strand page, and each page of every step of a bundled
 * model, is printed, drawn as `rchain render --view`
 * and the report draw it (checked against the default evidence base: rated
 * and with its findings): the smallest font scaled with the page fitted to
 * A4 landscape less 10 mm margins (10.9 x 7.5 in), and to the report's frame
 * for a strand page (A4 landscape less the @page margins, 273 mm wide, and
 * the 165 mm its diagram may be high: 10.75 x 6.5 in), computed from the
 * size of its SVG (the image the report holds). The numbers are a golden
 * file (docs/diagrams.md says what they show).
 */
static void test_page_legibility(void)
{
	static const char *const files[] = { V11,
		                             "models/columns-strands.xml",
		                             "tests/real/dundee-pathfinder-toc.xml",
		                             "tests/real/reach-riverside.xml",
		                             "models/carers-act.xml",
		                             "models/columns-strands.xml",
		                             "models/wws-partnership.xml" };
	const size_t first_whole = 4; /* the bundled models' pages of every step, as their reports draw them */
	rc_buffer dot = { 0 }, svg = { 0 }, table = { 0 };
	size_t i, p, n;
	char view[256];

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		rc_model *m = test_load(files[i]);
		rc_findings *f = check_keeping(m, NULL, 0);
		rc_render_page *pages = model_pages(m, f, i >= first_whole, &n);

		for (p = 0; p < n; p++) {
			rc_render_input in = { .model = m,
				               .findings = f,
				               .evidence = evidence(),
				               .view = RC_VIEW_STRAND,
				               .view_strand = pages[p].strand,
				               .view_levels = pages[p].levels };
			double width, height, alone, framed;
			size_t steps = 0;
			const char *at;

			rc_render_page_view(view, sizeof(view), &pages[p]);
			render_input(&svg, "svg", &in);
			at = strstr(svg.data, "<svg width=\"");
			CU_ASSERT_FATAL(at &&
			                sscanf(at, "<svg width=\"%lfpt\" height=\"%lfpt\"", &width, &height) == 2);
			width /= 72;
			height /= 72;
			render_input(&dot, "dot", &in);
			for (at = strstr(dot.data, "id=\"step-"); at; at = strstr(at + 1, "id=\"step-"))
				steps++;
			alone = printed_size(smallest_font(dot.data), width, height, 10.9, 7.5);
			framed = printed_size(smallest_font(dot.data), width, height, 10.75, 6.5);
			/* issue 19: at least 8 pt on every page (docs/diagrams.md) */
			CU_ASSERT(alone >= 8.0);
			CU_ASSERT(framed >= 8.0);
			CU_ASSERT_EQUAL_FATAL(buffer_printf(&table,
			                                    "%s %s: %zu steps, %.1f x %.1f in, smallest text %.1f pt "
			                                    "on A4, %.1f pt in the report\n",
			                                    strrchr(files[i], '/') + 1, view, steps, width, height,
			                                    alone, framed),
			                      0);
		}
		rc_render_pages_free(&pages);
		rc_findings_free(&f);
		rc_model_free(&m);
	}
	if (!test_golden(TEST_GOLDEN "text/page-legibility.txt", table.data, table.len))
		TEST_FAIL("page legibility differs from " TEST_GOLDEN "text/page-legibility.txt");
	rc_buffer_free(&table);
	rc_buffer_free(&svg);
	rc_buffer_free(&dot);
}

/*
 * A model of more steps than a strand page holds is drawn page by page in the
 * report: the overview (a table on the board, the picture in the full
 * report), then in the board report the two strand pages that draw the most
 * outcomes' weakest points (docs/diagrams.md), in the full one every page;
 * the board tells the stories of five final outcomes.
 */
static void test_report_pages(void)
{
	static const char *const board[] = {
		"<section><h3>Overview: each strand's steps by level</h3><table class=\"overview\">",
		"<tr><th scope=\"rowgroup\" colspan=\"8\">Strand group: Redevelopment</th></tr>",
		("<tr><th scope=\"row\">Health Access and Resource Coordination</th><td class=\"none\">4 steps<br>○○○ "
		 "unrated</td><td class=\"none\">9 steps<br>○○○ unrated<br>&#x25B2; 3 warnings</td>"),
		"<section class=\"page strand\"><h3>Strand: Mixed-income Rental Housing Development, levels input "
		"to activity</h3>",
		"<section class=\"page strand\"><h3>Strand: Health Access and Resource Coordination, level "
		"activity</h3>",
		"35 more strand pages: <code>rchain report --full</code> lists them all.",
		"The stories of 15 more outcomes: <code>rchain report --full</code> tells them all.",
	};
	rc_model *m = test_load("tests/real/reach-riverside.xml");
	rc_findings *f = check_keeping(m, NULL, 0);
	rc_buffer html = { 0 };
	size_t n;
	rc_render_page *pages = model_pages(m, f, 0, &n);

	rc_render_pages_free(&pages);
	report(&html, m, f, 0);
	expect_contains_each("board report", html.data, board, sizeof(board) / sizeof(board[0]));
	CU_ASSERT_EQUAL(occurrences(html.data, "<svg role=\"img\""), 2); /* the overview is a table on the board */
	CU_ASSERT_EQUAL(occurrences(html.data, "<h3>Strand"), 2);
	report(&html, m, f, 1);
	CU_ASSERT_EQUAL(occurrences(html.data, "<svg role=\"img\""), 1 + n);
	CU_ASSERT_EQUAL(occurrences(html.data, "<h3>Strand"), n);
	expect_lacks("full report", html.data, "more strand pages");
	expect_lacks("full report", html.data, "more outcomes:");
	rc_buffer_free(&html);
	rc_findings_free(&f);
	rc_model_free(&m);
}

static CU_TestInfo tests[] = {
	{ "golden DOT of every bundled model", test_golden_dot },
	{ "every golden DOT has its model", test_no_stale_golden },
	{ "DOT does not depend on the memory layout", test_dot_independent_of_memory_layout },
	{ "output registry", test_output_registry },
	{ "output without its input", test_output_missing_input },
	{ "SVG: header, model title and step titles", test_svg },
	{ "PNG signature", test_png },
	{ "PDF signature", test_pdf },
	{ "direction TB and LR", test_direction },
	{ "format 1.1: a multi-strand step drawn once, a black-box link dotted", test_format_11_diagram },
	{ "format 1.1 fixture: golden DOT of each view", test_v11_golden },
	{ "a step of several strands drawn once; strand focus; effects marked", test_strands_drawn_once },
	{ "bad views and focuses refused", test_view_errors },
	{ "strand pages of a model", test_pages },
	{ "strand pages and pages of every step printed on A4: smallest text", test_page_legibility },
	{ "titles escaped in DOT and SVG", test_escaping },
	{ "findings marked on their step", test_findings_marked },
	{ "annotated fixture: golden DOT of each view", test_annotated_golden },
	{ "SVG: title, legend, marks, markers, key, badges", test_svg_annotations },
	{ "focus draws the pathways into each outcome", test_focus },
	{ "size limit names --focus; focus fits", test_limits_and_focus },
	{ "feedback links keep every step in its column", test_feedback_keeps_columns },
	{ "the key takes at most a quarter of the image", test_key_area },
	{ "--key short, full and none", test_key_styles },
	{ "report: board and full sections of every bundled model, in reading order", test_report_sections },
	{ "report: a large model page by page, the board's pages chosen", test_report_pages },
	{ "report: the board's verdict, fixes and top findings", test_report_board },
	{ "report: findings, markers, table of the fixture", test_report_content },
	{ "report: coverage agrees with RC030 to RC032", test_report_coverage_agrees },
	{ "empty titles still draw their labels", test_empty_titles },
	{ "every render frees what it allocates", test_renders_free },
	{ "atomic write creates and replaces", test_write_creates_and_replaces },
	{ "atomic write to a bare file name", test_write_bare_name },
	{ "atomic write to a directory fails", test_write_to_directory },
	{ "atomic write into a missing directory fails", test_write_to_missing_directory },
	{ "failed atomic write keeps the previous file", test_write_failure_keeps_previous },
	{ "atomic write keeps the mode and refuses a read-only file unless forced", test_write_keeps_mode },
	{ "atomic write removes the temporaries of dead writers only", test_write_removes_stale },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	int status;

	if (make_scratch() != 0) {
		printf("Bail out! cannot create a scratch directory\n");
		return 1;
	}
	status = test_main("render", tests);
	rc_evidence_base_free(&default_evidence);
	if (remove_tree(scratch) != 0)
		fprintf(stderr, "cannot remove %s\n", scratch);
	return status;
}
