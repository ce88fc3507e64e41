/* Findings back-ends: the text diagnostics, JSON (docs/json.md) and SARIF 2.1.0. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/error.h"
#include "config.h"
#include "model/internal.h"
#include "render/backends.h"

/* Pieces are collected up to this size, then handed to the sink. */
enum { FLUSH_AT = 64 * 1024 };

/* Writes through a buffer to the sink and remembers a failure, so emitters need not check every call. */
struct writer {
	rc_buffer out; /* what the sink has not had yet */
	rc_sink sink;
	void *user;
	int status; /* 0, or the first failure */
};

/* Notes the result of an append, and hands a full buffer (or, when `all`, what is left) to the sink. */
static void wrote(struct writer *w, int rc, int all)
{
	if (rc != 0 && !w->status)
		w->status = RC_ENOMEM;
	if (w->status || w->out.len == 0 || (!all && w->out.len < FLUSH_AT))
		return;
	w->status = w->sink(w->user, w->out.data, w->out.len);
	w->out.len = 0;
}

static void put(struct writer *w, const char *s)
{
	if (!w->status)
		wrote(w, buffer_puts(&w->out, s), 0);
}

static void __attribute__((format(printf, 2, 3))) putf(struct writer *w, const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (w->status)
		return;
	va_start(ap, fmt);
	rc = buffer_vprintf(&w->out, fmt, ap);
	va_end(ap);
	wrote(w, rc, 0);
}

static void put_json_string(struct writer *w, const char *s)
{
	if (!w->status)
		wrote(w, buffer_json_string(&w->out, s), 0);
}

/* `"name": "value"`, preceded by a comma unless it opens an object. */
static void field(struct writer *w, int first, const char *name, const char *value)
{
	putf(w, "%s\"%s\": ", first ? "" : ", ", name);
	put_json_string(w, value);
}

static void start(struct writer *w, rc_sink sink, void *user)
{
	memset(w, 0, sizeof(*w));
	w->sink = sink;
	w->user = user;
}

/* Hands the rest to the sink; returns 0 or the first failure, with its message in `err`. */
static int finish(struct writer *w, rc_error *err, const char *what)
{
	wrote(w, 0, 1);
	rc_buffer_free(&w->out);
	if (w->status == RC_ENOMEM)
		return error_set(err, RC_ENOMEM, "out of memory writing %s", what);
	return w->status ? error_set(err, w->status, "cannot write %s", what) : 0;
}

static size_t count(const rc_findings *f, rc_severity severity)
{
	return rc_findings_count_severity(f, severity);
}

/* ---- text ---- */

static void text_file(struct writer *w, const rc_checked *c, rc_severity min)
{
	const rc_findings *f = c->findings;
	size_t i, e = count(f, RC_SEVERITY_ERROR), wn = count(f, RC_SEVERITY_WARNING), n = count(f, RC_SEVERITY_NOTE);

	for (i = 0; i < rc_findings_count(f); i++) {
		const rc_finding *x = rc_findings_at(f, i);

		if (!x->suppressed && x->severity >= min && !w->status)
			wrote(w, rc_finding_format(&w->out, x), 0);
	}
	putf(w, "%s: %zu error%s, %zu warning%s, %zu note%s", c->file, e, e == 1 ? "" : "s", wn, wn == 1 ? "" : "s", n,
	     n == 1 ? "" : "s");
	for (i = 0; i < rc_confidence_story_count(c->confidence); i++) {
		const rc_story *s = rc_confidence_story(c->confidence, i);

		putf(w, "%s %s %s", i ? "," : "; outcome confidence:", rc_model_step(c->model, s->outcome)->id,
		     s->reached ? rc_rating_name(s->confidence) : "unreached");
	}
	put(w, "\n");
}

int findings_text(rc_sink sink, void *user, const rc_output_input *in, rc_error *err)
{
	struct writer w;
	size_t i;

	start(&w, sink, user);
	for (i = 0; i < in->file_count; i++)
		if (in->files[i].model)
			text_file(&w, &in->files[i], in->min_severity);
	return finish(&w, err, "findings");
}

/* ---- JSON ---- */

static void json_element(struct writer *w, const rc_model *m, rc_owner_kind owner, size_t index)
{
	put(w, "{");
	field(w, 1, "kind", rc_owner_kind_name(owner));
	if (m && owner == RC_OWNER_STEP) { /* no model: the problems of a file that does not load */
		field(w, 0, "id", MODEL_AT(m, steps, rc_step, index)->id);
	} else if (m && owner == RC_OWNER_LINK) {
		const rc_link *l = MODEL_AT(m, links, rc_link, index);

		field(w, 0, "id", l->id);
		field(w, 0, "from", l->from);
		field(w, 0, "to", l->to);
	}
	put(w, "}");
}

static void json_finding(struct writer *w, const rc_model *m, const rc_finding *f)
{
	field(w, 1, "code", f->rule->code);
	field(w, 0, "slug", f->rule->slug);
	field(w, 0, "severity", rc_severity_name(f->severity));
	field(w, 0, "file", f->loc.file);
	putf(w, ", \"line\": %lu, \"column\": %lu", (unsigned long)f->loc.line, (unsigned long)f->loc.column);
	field(w, 0, "message", f->message);
	field(w, 0, "hint", f->rule->hint);
	field(w, 0, "suppressed", f->suppressed);
	put(w, ", \"element\": ");
	json_element(w, m, f->owner, f->owner_index);
}

static void json_story(struct writer *w, const rc_model *m, const rc_confidence *c, size_t story)
{
	const rc_story *s = rc_confidence_story(c, story);
	const rc_step *outcome = rc_model_step(m, s->outcome);
	size_t *path = rc_malloc((s->path_length ? s->path_length : 1) * sizeof(*path));
	size_t i;

	if (!path) {
		wrote(w, RC_ENOMEM, 0);
		return;
	}
	rc_confidence_story_path(c, m, story, path, NULL);

	field(w, 1, "id", outcome->id);
	field(w, 0, "title", outcome->title);
	putf(w, ", \"reached\": %s", s->reached ? "true" : "false");
	field(w, 0, "level", s->column_level ? "column" : "step");
	field(w, 0, "confidence", rc_rating_name(s->confidence));
	put(w, ", \"weakest\": ");
	if (s->reached)
		json_element(w, m, s->weakest, s->weakest_index);
	else
		put(w, "null");
	put(w, ", \"pathway\": [");
	for (i = 0; i < s->path_length; i++) {
		put(w, i ? ", " : "");
		json_element(w, m, RC_OWNER_LINK, path[i]);
	}
	put(w, "]");
	rc_free(path);
}

static void json_file(struct writer *w, const rc_checked *c)
{
	const rc_findings *f = c->findings;
	size_t i;

	put(w, "{");
	field(w, 1, "file", c->file);
	if (!c->model) {
		size_t e = rc_problems_count(c->problems);

		putf(w, ", \"error\": {\"line\": %lu, \"column\": %lu", (unsigned long)c->error->line,
		     (unsigned long)c->error->column);
		field(w, 0, "message", c->error->message);
		put(w, "}");
		if (c->problems) {
			putf(w, ", \"summary\": {\"errors\": %zu, \"warnings\": 0, \"notes\": 0}, \"findings\": [", e);
			for (i = 0; i < e; i++) {
				put(w, i ? ", {" : "{");
				json_finding(w, NULL, rc_problems_at(c->problems, i));
				put(w, "}");
			}
			put(w, "]");
		}
		put(w, "}");
		return;
	}
	field(w, 0, "model", rc_model_id(c->model));
	field(w, 0, "title", rc_model_title(c->model));
	putf(w, ", \"summary\": {\"errors\": %zu, \"warnings\": %zu, \"notes\": %zu}", count(f, RC_SEVERITY_ERROR),
	     count(f, RC_SEVERITY_WARNING), count(f, RC_SEVERITY_NOTE));
	put(w, ", \"findings\": [");
	for (i = 0; i < rc_findings_count(f); i++) {
		put(w, i ? ", {" : "{");
		json_finding(w, c->model, rc_findings_at(f, i));
		put(w, "}");
	}
	put(w, "], \"outcomes\": [");
	for (i = 0; i < rc_confidence_story_count(c->confidence); i++) {
		put(w, i ? ", {" : "{");
		json_story(w, c->model, c->confidence, i);
		put(w, "}");
	}
	put(w, "]}");
}

int findings_json(rc_sink sink, void *user, const rc_output_input *in, rc_error *err)
{
	const rc_checked *files = in->files;
	size_t n = in->file_count, i;
	struct writer w;

	start(&w, sink, user);
	put(&w, "{\"tool\": {");
	field(&w, 1, "name", "rchain");
	field(&w, 0, "version", rc_version());
	put(&w, "}, \"files\": [");
	for (i = 0; i < n; i++) {
		put(&w, i ? ", " : "");
		json_file(&w, &files[i]);
	}
	put(&w, "]}\n");
	return finish(&w, err, "JSON");
}

/* ---- SARIF 2.1.0 ---- */

static const char *sarif_level(rc_severity severity)
{
	return severity == RC_SEVERITY_ERROR ? "error" : severity == RC_SEVERITY_WARNING ? "warning" : "note";
}

/*
 * The URI of a path: an absolute path as a file:// URI, a relative one as a
 * URI reference against SRCROOT, the folder rchain ran in (see
 * originalUriBaseIds). Unreserved characters and '/' are kept, the rest
 * percent-encoded.
 */
static void put_uri(struct writer *w, const char *path)
{
	static const char keep[] = "-._~/";
	char uri[4096];
	int absolute = path[0] == '/';
	size_t n = absolute ? (size_t)snprintf(uri, sizeof(uri), "file://") : 0;

	for (; *path && n + 4 < sizeof(uri); path++) {
		unsigned char ch = (unsigned char)*path;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		    strchr(keep, ch))
			uri[n++] = (char)ch;
		else
			n += (size_t)snprintf(uri + n, sizeof(uri) - n, "%%%02X", ch);
	}
	uri[n] = '\0';
	put_json_string(w, uri);
	if (!absolute)
		put(w, ", \"uriBaseId\": \"SRCROOT\"");
}

/* The full help of a rule, as 'rchain rules CODE' gives it. */
static void help_text(struct writer *w, const rc_rule *r)
{
	char *text = NULL;
	size_t len = (size_t)snprintf(NULL, 0, "%s\n\n%s\n\nHint: %s\n\nSource: %s", r->summary, r->explanation,
	                              r->hint, r->source);

	if (!w->status && !(text = rc_malloc(len + 1)))
		w->status = RC_ENOMEM;
	if (text) {
		snprintf(text, len + 1, "%s\n\n%s\n\nHint: %s\n\nSource: %s", r->summary, r->explanation, r->hint,
		         r->source);
		put_json_string(w, text);
	}
	rc_free(text);
}

static void sarif_rules(struct writer *w)
{
	size_t i;

	for (i = 0; i < rc_rule_count(); i++) {
		const rc_rule *r = rc_rule_at(i);

		put(w, i ? ", {" : "{");
		field(w, 1, "id", r->code);
		field(w, 0, "name", r->slug);
		put(w, ", \"shortDescription\": {");
		field(w, 1, "text", r->summary);
		put(w, "}, \"fullDescription\": {");
		field(w, 1, "text", r->explanation);
		/* The full help, as 'rchain rules CODE' gives it: code scanning shows it beside each result. */
		put(w, "}, \"help\": {\"text\": ");
		help_text(w, r);
		putf(w, "}, \"defaultConfiguration\": {\"level\": \"%s\"}, \"properties\": {",
		     sarif_level(r->severity));
		field(w, 1, "source", r->source);
		put(w, "}}");
	}
}

/* FNV-1a over `s`, continuing from `h`; "line N" counts as "line #", so a finding keeps its print when lines move. */
static uint64_t fingerprint_add(uint64_t h, const char *s)
{
	const char *p;

	for (p = s; p && *p; p++) {
		if (p - s >= 5 && strncmp(p - 5, "line ", 5) == 0 && *p >= '0' && *p <= '9') {
			while (p[1] >= '0' && p[1] <= '9')
				p++;
			h = (h ^ (unsigned char)'#') * 0x100000001b3ull;
			continue;
		}
		h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
	}
	return (h ^ 0xFF) * 0x100000001b3ull; /* ends each part, so "ab"+"c" differs from "a"+"bc" */
}

/*
 * partialFingerprints: the rule, the element the finding is about (its id; a
 * link by the ids at its ends) and the statement, never the place, so that a
 * code-scanning service tracks the finding across edits elsewhere in the file.
 */
static void sarif_fingerprint(struct writer *w, const rc_model *m, const rc_finding *f)
{
	uint64_t h = fingerprint_add(0xcbf29ce484222325ull, f->rule->code);

	h = fingerprint_add(h, rc_owner_kind_name(f->owner));
	if (!m)
		h = fingerprint_add(h, f->loc.file); /* a file that does not load: its problems have only their words */
	else if (f->owner == RC_OWNER_STEP && f->owner_index < m->steps.len)
		h = fingerprint_add(h, STEP(m, f->owner_index)->id);
	else if (f->owner == RC_OWNER_LINK && f->owner_index < m->links.len)
		h = fingerprint_add(fingerprint_add(h, LINK(m, f->owner_index)->from), LINK(m, f->owner_index)->to);
	else
		h = fingerprint_add(h, m->id);
	h = fingerprint_add(h, f->message);
	putf(w, ", \"partialFingerprints\": {\"rchainFinding/v1\": \"%016llx\"}", (unsigned long long)h);
}

static size_t rule_index(const rc_rule *rule)
{
	size_t i;

	for (i = 0; rc_rule_at(i) != rule; i++)
		;
	return i;
}

static void sarif_location(struct writer *w, const char *file, uint32_t line, uint32_t column)
{
	put(w, "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
	put_uri(w, file);
	put(w, "}");
	if (line)
		putf(w, ", \"region\": {\"startLine\": %lu, \"startColumn\": %lu}", (unsigned long)line,
		     (unsigned long)(column ? column : 1));
	put(w, "}}");
}

/* The findings of each file, or the problems of a file that does not load. */
static void sarif_results(struct writer *w, const rc_checked *files, size_t n)
{
	int first = 1;
	size_t i, k;

	for (i = 0; i < n; i++) {
		size_t results =
		        files[i].findings ? rc_findings_count(files[i].findings) : rc_problems_count(files[i].problems);

		for (k = 0; k < results; k++) {
			const rc_finding *f = files[i].findings ? rc_findings_at(files[i].findings, k)
			                                        : rc_problems_at(files[i].problems, k);

			put(w, first ? "{" : ", {");
			first = 0;
			field(w, 1, "ruleId", f->rule->code);
			putf(w, ", \"ruleIndex\": %zu, \"level\": \"%s\", \"message\": {", rule_index(f->rule),
			     sarif_level(f->severity));
			field(w, 1, "text", f->message);
			put(w, "}, \"locations\": [");
			sarif_location(w, f->loc.file, f->loc.line, f->loc.column);
			put(w, "]");
			sarif_fingerprint(w, files[i].model, f);
			if (f->suppressed) {
				put(w, ", \"suppressions\": [{\"kind\": \"inSource\", ");
				field(w, 1, "justification", f->suppressed);
				put(w, "}]");
			}
			put(w, "}");
		}
	}
}

/* Files that could not be processed for want of memory or input, not problems in them, become tool notifications. */
static int sarif_notifications(struct writer *w, const rc_checked *files, size_t n)
{
	int failed = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const rc_error *e = files[i].error;

		if (files[i].model || files[i].problems)
			continue;
		put(w, failed ? ", {\"level\": \"error\", \"message\": {" : "{\"level\": \"error\", \"message\": {");
		failed = 1;
		field(w, 1, "text", e->message);
		put(w, "}, \"locations\": [");
		sarif_location(w, files[i].file, e->line, e->column);
		put(w, "]}");
	}
	return failed;
}

int findings_sarif(rc_sink sink, void *user, const rc_output_input *in, rc_error *err)
{
	const rc_checked *files = in->files;
	size_t n = in->file_count;
	struct writer w;
	int failed;

	start(&w, sink, user);
	put(&w, "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\", "
	        "\"runs\": [{\"tool\": {\"driver\": {");
	field(&w, 1, "name", "rchain");
	field(&w, 0, "version", rc_version());
	field(&w, 0, "semanticVersion", rc_version());
	field(&w, 0, "informationUri", RC_HOMEPAGE);
	put(&w, ", \"rules\": [");
	sarif_rules(&w);
	put(&w, "]}}, \"invocations\": [{\"toolExecutionNotifications\": [");
	failed = sarif_notifications(&w, files, n);
	putf(&w, "], \"executionSuccessful\": %s}], ", failed ? "false" : "true");
	put(&w, "\"originalUriBaseIds\": {\"SRCROOT\": {\"description\": {\"text\": \"The folder rchain was run in; "
	        "relative paths of the command line are relative to it.\"}}}, \"results\": [");
	sarif_results(&w, files, n);
	put(&w, "]}]}\n");
	return finish(&w, err, "SARIF");
}
