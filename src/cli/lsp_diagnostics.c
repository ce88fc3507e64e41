/*
 * rchain lsp: diagnostics. A document is loaded and checked by the library;
 * its findings, or the problems of a load that failed, become the LSP
 * diagnostics of one publishDiagnostics notification, each with its rule's
 * hint and the other places it is about as related information.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

void lsp_doc_forget(struct lsp_doc *d)
{
	rc_confidence_free(&d->confidence);
	rc_findings_free(&d->findings);
	rc_model_free(&d->model);
	rc_problems_free(&d->problems);
}

/* Loads and checks the text of `d`, keeping the model, findings and confidence, or the load's problems and error. */
static void doc_check(struct lsp_server *sv, struct lsp_doc *d)
{
	lsp_doc_forget(d);
	memset(&d->error, 0, sizeof(d->error));
	if (rc_model_load_memory_problems(&d->model, &d->problems, sv->session->ctx, d->path, d->text, d->len,
	                                  &d->error) != 0)
		return;
	if (rc_check_run(&d->findings, d->model, &sv->opts, &d->error) != 0 ||
	    rc_confidence_new(&d->confidence, d->model, &d->error) != 0)
		lsp_doc_forget(d);
}

/* The range a finding or load problem at `loc` is shown on: its tag's name, else the rest of the word. */
static void loc_span(const struct lsp_doc *d, rc_loc loc, size_t *start, size_t *end)
{
	size_t s = lsp_loc_offset(d, loc), e = s;

	if (s < d->len && d->text[s] == '<') {
		e++;
		while (e < d->len && !strchr(" \t\r\n/>", d->text[e]))
			e++;
	} else {
		while (e < d->len && !strchr(" \t\r\n<>", d->text[e]))
			e++;
		if (e == s && e < d->len && d->text[e] != '\n')
			e++;
	}
	*start = s;
	*end = e;
}

static void add_related(json_t *list, const struct lsp_server *sv, const struct lsp_doc *d, rc_loc loc,
                        const char *what)
{
	size_t start, end;

	loc_span(d, loc, &start, &end);
	json_array_append_new(
	        list, json_pack("{s:o,s:s}", "location", lsp_location_json(sv, d, start, end), "message", what));
}

/* For a duplicate id ("duplicate id 'X' ..."): every other element that gives itself the id. */
static void other_uses(json_t *list, const struct lsp_server *sv, const struct lsp_doc *d, const rc_finding *f)
{
	const char *id = strchr(f->message, '\'');
	size_t n = id ? strcspn(id + 1, "'") : 0, at = lsp_loc_offset(d, f->loc), i;
	struct lsp_text t;

	if (!id || lsp_text_scan(&t, d) != 0)
		return;
	for (i = 0; i < t.attr_count; i++) {
		const struct lsp_attr *a = &t.attrs[i];

		if (a->value_len == n && memcmp(d->text + a->value, id + 1, n) == 0 && t.tags[a->tag].start != at &&
		    lsp_attr_is(d, &t, a, NULL, "id") && lsp_attr_holds_ids(d, &t, a))
			json_array_append_new(list, json_pack("{s:o,s:s}", "location",
			                                      lsp_location_json(sv, d, a->value, a->value + n),
			                                      "message", "another element with this id"));
	}
	lsp_text_free(&t);
}

/* The other places a finding is about: the ends of a link, the first use of a duplicate id, the steps of a cycle. */
static void related_places(json_t *list, const struct lsp_server *sv, const struct lsp_doc *d, const rc_finding *f)
{
	const rc_model *m = d->model;

	if (f->owner == RC_OWNER_LINK) {
		const rc_link *link = rc_model_link(m, f->owner_index);

		if (link->from_step != RC_NONE)
			add_related(list, sv, d, rc_model_step(m, link->from_step)->loc, "the link's source");
		if (link->to_step != RC_NONE)
			add_related(list, sv, d, rc_model_step(m, link->to_step)->loc, "the link's target");
	}
	if (strcmp(f->rule->code, "RC005") == 0) {
		const char *names = strstr(f->message, ": ");

		/* "causal cycle through N steps: a -> b -> a": each step once. */
		while (names) {
			char id[128];
			const char *next = strstr(names + 2, " -> ");
			size_t n = next ? (size_t)(next - names - 2) : strlen(names + 2);
			const rc_step *step;

			snprintf(id, sizeof(id), "%.*s", (int)(n < sizeof(id) ? n : sizeof(id) - 1), names + 2);
			if (next && (step = rc_model_find_step(m, id)) != NULL) {
				char what[160];

				snprintf(what, sizeof(what), "step '%s' of the cycle", id);
				add_related(list, sv, d, step->loc, what);
			}
			names = next ? next + 2 : NULL;
		}
	}
	if (strcmp(f->rule->code, "RC001") == 0)
		other_uses(list, sv, d, f);
}

static int severity_code(rc_severity s)
{
	return s == RC_SEVERITY_ERROR ? 1 : s == RC_SEVERITY_WARNING ? 2 : 3;
}

static json_t *finding_diagnostic(const struct lsp_server *sv, const struct lsp_doc *d, const rc_finding *f)
{
	char hint[1200];
	size_t start, end;
	json_t *related, *range;

	loc_span(d, f->loc, &start, &end);
	snprintf(hint, sizeof(hint), "hint: %s", f->rule->hint);
	/* The hint sits at the finding's own place: one range object serves both (jansson counts references). */
	range = lsp_range_json(sv, d, start, end);
	related = json_pack("[{s:{s:s,s:O},s:s}]", "location", "uri", d->uri, "range", range, "message", hint);
	if (d->model) /* a load problem is about the file: no model to find other places in */
		related_places(related, sv, d, f);
	return json_pack("{s:o,s:i,s:s,s:s,s:s,s:o}", "range", range, "severity", severity_code(f->severity), "code",
	                 f->rule->code, "source", "rchain", "message", f->message, "relatedInformation", related);
}

void lsp_publish(struct lsp_server *sv, struct lsp_doc *d)
{
	json_t *list = json_array();
	size_t i, start, end;

	doc_check(sv, d);
	d->dirty = false;
	for (i = 0; i < rc_problems_count(d->problems); i++)
		json_array_append_new(list, finding_diagnostic(sv, d, rc_problems_at(d->problems, i)));
	if (!d->model && !d->problems) {
		rc_loc loc = { d->path, d->error.line, d->error.column };

		loc_span(d, loc, &start, &end);
		json_array_append_new(list, json_pack("{s:o,s:i,s:s,s:s}", "range", lsp_range_json(sv, d, start, end),
		                                      "severity", 1, "source", "rchain", "message", d->error.message));
	}
	for (i = 0; d->findings && i < rc_findings_count(d->findings); i++) {
		const rc_finding *f = rc_findings_at(d->findings, i);

		if (!f->suppressed)
			json_array_append_new(list, finding_diagnostic(sv, d, f));
	}
	lsp_send_notification(sv, "textDocument/publishDiagnostics",
	                      json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", list));
}
