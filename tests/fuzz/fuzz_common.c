/*
 * What the libFuzzer targets check besides the sanitizers. Built without
 * coverage instrumentation: the harness's own branches are not the code under
 * test, and tracing every comparison of a JSON check cost more than the formats.
 */
#define _GNU_SOURCE /* memmem */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rc_context *fuzz_context;
rc_evidence_base *fuzz_evidence;

void fuzz_setup(void)
{
	rc_error err;

	memset(&err, 0, sizeof(err));
	if (rc_context_new(&fuzz_context, &err) != 0 || rc_evidence_base_new(&fuzz_evidence, fuzz_context, &err) != 0) {
		fprintf(stderr, "fuzz set-up failed: %s\n", err.message);
		abort();
	}
}

/* A failed call must say why: a negative rc_status in the return value and in err, and a message. */
void fuzz_check_error(int rc, const rc_error *err)
{
	FUZZ_CHECK(rc < 0 && rc >= RC_ERENDER, "status is a negative rc_status");
	FUZZ_CHECK(err->status == rc, "err->status matches the return value");
	FUZZ_CHECK(err->message[0] != '\0', "a failure has a message");
	FUZZ_CHECK(memchr(err->message, '\0', sizeof(err->message)) != NULL, "message is terminated");
	FUZZ_CHECK(strchr(err->message, '\n') == NULL, "message is one line");
}

/* Length of the valid UTF-8 sequence at `s` (no overlongs, surrogates or code points past U+10FFFF), or 0. */
static size_t fuzz_utf8_char(const unsigned char *s, size_t left)
{
	size_t n, i;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (left < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

int fuzz_valid_utf8(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;

	while (i < len) {
		n = fuzz_utf8_char(s + i, len - i);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

/* A small strict JSON syntax check (RFC 8259) of the findings reports. */
struct fuzz_json {
	const char *p, *end;
	int depth;
};

static void fuzz_json_space(struct fuzz_json *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int fuzz_json_value(struct fuzz_json *j);

static int fuzz_json_string(struct fuzz_json *j)
{
	if (j->p >= j->end || *j->p != '"')
		return 0;
	for (j->p++; j->p < j->end && *j->p != '"'; j->p++) {
		unsigned char ch = (unsigned char)*j->p;

		if (ch < 0x20)
			return 0;
		if (ch == '\\') {
			j->p++;
			if (j->p >= j->end)
				return 0;
			if (*j->p == 'u') {
				int k;

				for (k = 1; k <= 4; k++)
					if (j->p + k >= j->end || !strchr("0123456789abcdefABCDEF", j->p[k]) ||
					    !j->p[k])
						return 0;
				j->p += 4;
			} else if (!strchr("\"\\/bfnrt", *j->p) || !*j->p) {
				return 0;
			}
		}
	}
	if (j->p >= j->end)
		return 0;
	j->p++;
	return 1;
}

static int fuzz_json_number(struct fuzz_json *j)
{
	const char *start = j->p;

	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end || *j->p < '0' || *j->p > '9')
		return 0;
	if (*j->p == '0')
		j->p++;
	else
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return 0;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return 0;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	return j->p > start;
}

static int fuzz_json_container(struct fuzz_json *j, char close)
{
	int first = 1;

	if (++j->depth > 64)
		return 0;
	j->p++;
	for (;;) {
		fuzz_json_space(j);
		if (j->p < j->end && *j->p == close && first) {
			j->p++;
			break;
		}
		if (close == '}') {
			if (!fuzz_json_string(j))
				return 0;
			fuzz_json_space(j);
			if (j->p >= j->end || *j->p++ != ':')
				return 0;
		}
		if (!fuzz_json_value(j))
			return 0;
		fuzz_json_space(j);
		first = 0;
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			break;
		}
		return 0;
	}
	j->depth--;
	return 1;
}

static int fuzz_json_value(struct fuzz_json *j)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t i;

	fuzz_json_space(j);
	if (j->p >= j->end)
		return 0;
	if (*j->p == '{')
		return fuzz_json_container(j, '}');
	if (*j->p == '[')
		return fuzz_json_container(j, ']');
	if (*j->p == '"')
		return fuzz_json_string(j);
	for (i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);

		if ((size_t)(j->end - j->p) >= n && memcmp(j->p, words[i], n) == 0) {
			j->p += n;
			return 1;
		}
	}
	return fuzz_json_number(j);
}

int fuzz_valid_json(const char *text, size_t len)
{
	struct fuzz_json j = { text, text + len, 0 };

	if (!fuzz_json_value(&j))
		return 0;
	fuzz_json_space(&j);
	return j.p == j.end;
}

/* What the findings promise about themselves and the model they borrow from. */
void fuzz_check_findings(const rc_model *m, const rc_findings *f, const uint8_t *data, size_t size)
{
	size_t lines = 1, i, k, total[3] = { 0, 0, 0 };
	rc_confidence *c = NULL;
	rc_error err = { 0 };

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	for (i = 0; i < rc_findings_count(f); i++) {
		const rc_finding *x = rc_findings_at(f, i);

		FUZZ_CHECK(x->rule && rc_rule_find(x->rule->code) == x->rule,
		           "a finding names a rule of the catalogue");
		FUZZ_CHECK(x->severity == x->rule->severity, "a finding has its rule's severity");
		FUZZ_CHECK(x->message && x->message[0] && fuzz_valid_utf8(x->message, strlen(x->message)),
		           "a finding has a message in UTF-8");
		FUZZ_CHECK(x->loc.line <= lines, "a finding's line is in the file");
		FUZZ_CHECK(x->owner != RC_OWNER_STEP || x->owner_index < rc_model_step_count(m),
		           "a finding about a step names one");
		FUZZ_CHECK(x->owner != RC_OWNER_LINK || x->owner_index < rc_model_link_count(m),
		           "a finding about a link names one");
		FUZZ_CHECK(x->owner != RC_OWNER_MODEL || x->owner_index == RC_NONE,
		           "a finding about the model has no index");
		if (i > 0) {
			const rc_finding *p = rc_findings_at(f, i - 1);

			FUZZ_CHECK(p->loc.line < x->loc.line ||
			                   (p->loc.line == x->loc.line && p->loc.column <= x->loc.column),
			           "findings are sorted by place");
		}
		if (!x->suppressed)
			total[x->severity]++;
	}
	for (k = 0; k < 3; k++)
		FUZZ_CHECK(rc_findings_count_severity(f, (rc_severity)k) == total[k], "severity counts add up");
	FUZZ_CHECK(rc_confidence_new(&c, m, &err) == 0, "confidence is computed");
	for (i = 0; i < rc_confidence_story_count(c); i++) {
		const rc_story *s = rc_confidence_story(c, i);
		size_t *path = NULL;
		size_t at;

		FUZZ_CHECK(s->outcome < rc_model_step_count(m) &&
		                   rc_model_step(m, s->outcome)->level == RC_LEVEL_OUTCOME,
		           "a story is about an outcome");
		if (!s->reached) {
			FUZZ_CHECK(s->path_length == 0 && s->weakest == RC_OWNER_MODEL,
			           "an unreached outcome has no pathway");
			continue;
		}
		/*
		 * The pathway runs link by link from an input or activity to the
		 * outcome: an item link joins its own steps, a column link (at
		 * column level) a step of its first level to one of its second.
		 */
		path = malloc((2 * s->path_length + 1) * sizeof(*path));
		FUZZ_CHECK(path != NULL, "memory for a pathway");
		rc_confidence_story_path(c, m, i, path, path + s->path_length);
		at = path[s->path_length];
		FUZZ_CHECK(at < rc_model_step_count(m), "a pathway starts at a step");
		FUZZ_CHECK(rc_model_step(m, at)->level <= RC_LEVEL_ACTIVITY,
		           "a pathway starts at an input or activity");
		for (k = 0; k < s->path_length; k++) {
			const rc_link *l;
			size_t next = path[s->path_length + k + 1];

			FUZZ_CHECK(path[k] < rc_model_link_count(m), "a pathway is made of links of the model");
			FUZZ_CHECK(next < rc_model_step_count(m), "a pathway's steps are steps of the model");
			l = rc_model_link(m, path[k]);
			FUZZ_CHECK(l->resolved && (l->column ? rc_model_step(m, at)->level == l->from_level &&
			                                               rc_model_step(m, next)->level == l->to_level
			                                     : l->from_step == at && l->to_step == next),
			           "a pathway's links join up");
			at = next;
		}
		FUZZ_CHECK(at == s->outcome, "a pathway ends at its outcome");
		FUZZ_CHECK(s->column_level == 0 || s->path_length > 0, "a column-level story runs through a link");
		free(path);
		FUZZ_CHECK(s->weakest != RC_OWNER_STEP || s->weakest_index < rc_model_step_count(m),
		           "the weakest element is a step of the model");
		FUZZ_CHECK(s->weakest != RC_OWNER_LINK || s->weakest_index < rc_model_link_count(m),
		           "the weakest element is a link of the model");
	}
	rc_confidence_free(&c);
}

/* Formats `findings` (or the load error when `model` is NULL) in every findings format. */
void fuzz_format_findings(const rc_model *model, const rc_findings *findings, const rc_error *load_err)
{
	static const char *const names[] = { "text", "json", "sarif" };
	rc_confidence *confidence = NULL;
	rc_checked checked = { 0 };
	rc_output_input in = { .files = &checked, .file_count = 1 };
	rc_error rate_err = { 0 };
	size_t i;

	FUZZ_CHECK(!model || rc_confidence_new(&confidence, model, &rate_err) == 0, "confidence is computed");
	checked.file = "fuzz.xml";
	checked.model = model;
	checked.findings = findings;
	checked.confidence = confidence;
	checked.error = model ? NULL : load_err;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const rc_output *fmt = rc_output_find("check", names[i]);
		rc_buffer out = { 0 };
		rc_error err;
		int rc;

		FUZZ_CHECK(fmt != NULL, "findings format exists");
		memset(&err, 0, sizeof(err));
		rc = fmt->write(rc_buffer_sink, &out, &in, &err);
		FUZZ_CHECK(rc == 0, "findings format succeeds");
		/* The text format writes nothing for a file that could not be loaded. */
		FUZZ_CHECK(out.data ? strlen(out.data) == out.len : out.len == 0,
		           "output is one NUL-terminated string");
		FUZZ_CHECK(fuzz_valid_utf8(out.data, out.len), "a findings report is valid UTF-8");
		if (i > 0)
			FUZZ_CHECK(fuzz_valid_json(out.data, out.len), "a JSON or SARIF report is valid JSON");
		rc_buffer_free(&out);
	}
	rc_confidence_free(&confidence);
}

rc_model *fuzz_load_and_check(const uint8_t *data, size_t size, int format, rc_findings **findings)
{
	rc_check_options opts = { NULL, 0, NULL };
	rc_model *model = NULL;
	rc_error err;
	int rc;

	*findings = NULL;
	memset(&err, 0, sizeof(err));
	rc = rc_model_load_memory(&model, fuzz_context, "fuzz.xml", (const char *)data, size, &err);
	if (rc != 0) {
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(model == NULL, "a failed load leaves *out NULL");
		if (format)
			fuzz_format_findings(NULL, NULL, &err);
		return NULL;
	}
	FUZZ_CHECK(model != NULL, "a load that succeeds gives a model");
	opts.evidence = fuzz_evidence;
	rc = rc_check_run(findings, model, &opts, &err);
	FUZZ_CHECK(rc == 0 && *findings != NULL, "checking a loaded model succeeds");
	fuzz_check_findings(model, *findings, data, size);
	if (format)
		fuzz_format_findings(model, *findings, NULL);
	return model;
}

/* No cell of a CSV export starts what a spreadsheet takes for a formula (docs/interop.md). */
static void fuzz_check_csv_cells(const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		/* At the start of a cell. */
		if (text[i] == '"') {
			i++;
			FUZZ_CHECK(i >= len || !strchr("=+-@\t\r", text[i]) || text[i] == '\0',
			           "a quoted CSV cell does not start a formula");
			for (; i < len; i++)
				if (text[i] == '"' && !(i + 1 < len && text[i + 1] == '"'))
					break;
				else if (text[i] == '"')
					i++;
			i++;
		} else {
			FUZZ_CHECK(!strchr("=+-@\t", text[i]) || text[i] == '\0',
			           "a CSV cell does not start a formula");
			while (i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
				i++;
		}
		/* The separator or the end of the record. */
		if (i < len && text[i] == '\r')
			i++;
		if (i < len && (text[i] == ',' || text[i] == '\n'))
			i++;
	}
}

/* A Markdown export holds no link or image and no HTML but its line breaks. */
static void fuzz_check_markdown(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	FUZZ_CHECK(!memmem(text, len, "](", 2), "a Markdown export forms no link or image");
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		FUZZ_CHECK((size_t)(end - p) >= 4 && memcmp(p, "<br>", 4) == 0, "the only HTML in Markdown is <br>");
		p++;
	}
}

void fuzz_export(const char *name, const rc_model *model, rc_buffer *out)
{
	const rc_output *fmt = rc_output_find("export", name);
	rc_render_input view;
	rc_output_input in = { &view, NULL, 0, NULL };
	rc_error err;
	int rc;

	FUZZ_CHECK(fmt != NULL, "export format exists");
	memset(&view, 0, sizeof(view));
	view.model = model;
	memset(&err, 0, sizeof(err));
	out->len = 0;
	rc = fmt->write(rc_buffer_sink, out, &in, &err);
	FUZZ_CHECK(rc == 0, "exporting a loaded model succeeds");
	FUZZ_CHECK(out->data != NULL && out->len > 0, "an export has content");
	FUZZ_CHECK(fuzz_valid_utf8(out->data, out->len), "an export is valid UTF-8");
	if (strcmp(name, "csv") == 0)
		fuzz_check_csv_cells(out->data, out->len);
	else if (strcmp(name, "markdown") == 0)
		fuzz_check_markdown(out->data, out->len);
	else
		FUZZ_CHECK(fuzz_valid_json(out->data, out->len), "a Kumu export is valid JSON");
}

rc_model *fuzz_import(const char *csv, size_t len)
{
	rc_buffer xml = { 0 };
	rc_model *model = NULL;
	rc_error err;
	int rc;

	memset(&err, 0, sizeof(err));
	rc = rc_import_csv_memory(&xml, "fuzz.csv", csv, len, &err);
	if (rc != 0) {
		fuzz_check_error(rc, &err);
		FUZZ_CHECK(rc != RC_ENOMEM, "an import is refused for what the table holds, not memory");
		rc_buffer_free(&xml);
		return NULL;
	}
	memset(&err, 0, sizeof(err));
	rc = rc_model_load_memory(&model, fuzz_context, "imported.xml", xml.data, xml.len, &err);
	if (rc != 0)
		fprintf(stderr, "the imported model does not load: %s\n", err.message);
	FUZZ_CHECK(rc == 0, "an imported table loads");
	rc_buffer_free(&xml);
	return model;
}

/* The CSV export of `model` imported and exported again, into `again`. */
static void fuzz_reexport(const rc_buffer *csv, rc_buffer *again)
{
	rc_model *model = fuzz_import(csv->data, csv->len);

	FUZZ_CHECK(model != NULL, "an export imports");
	fuzz_export("csv", model, again);
	rc_model_free(&model);
}

/*
 * Nonzero when a step of `model` belongs to several strands: one title in
 * several strands' rows, joined by the import. The joined step stands where
 * its title first appears, which a second import may read in another order.
 */
static int fuzz_has_joined_step(const rc_model *model)
{
	size_t i;

	for (i = 0; i < rc_model_step_count(model); i++)
		if (rc_model_step(model, i)->strand && strchr(rc_model_step(model, i)->strand, ' '))
			return 1;
	return 0;
}

void fuzz_check_round_trip(const rc_model *model, int imported)
{
	rc_buffer first = { 0 }, second = { 0 }, third = { 0 };

	fuzz_export("csv", model, &first);
	fuzz_reexport(&first, &second);
	fuzz_reexport(&second, &third);
	/*
	 * A table keeps no ids, links or annotations: only an imported model
	 * comes back whole at once, and only without joined steps.
	 */
	FUZZ_CHECK(!imported || fuzz_has_joined_step(model) ||
	                   (second.len == first.len && memcmp(second.data, first.data, first.len) == 0),
	           "an imported model exported, imported and exported again gives the same bytes");
	FUZZ_CHECK(third.len == second.len && memcmp(third.data, second.data, second.len) == 0,
	           "an export imported and exported again gives the same bytes");
	rc_buffer_free(&first);
	rc_buffer_free(&second);
	rc_buffer_free(&third);
}
