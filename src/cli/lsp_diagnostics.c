/*
 * rchain lsp: diagnostics. A document is loaded and checked by the library;
 * its findings, or the problems of a load that failed, become the LSP
 * diagnostics of one publishDiagnostics notification, each with its rule's
 * hint and the other places it is about as related information.
 *
 * Building and writing that JSON cost the server more than the check
 * (docs/editors.md), and after an edit most diagnostics are what they were.
 * So each diagnostic is first drafted (its finding, its range and related
 * places), the draft made a key of all but its positions, and the JSON text
 * jansson wrote for the same key at the last publish is used again, with the
 * draft's position numbers put in where that text had its own (after
 * "line": and "character":, keys no string can hold unescaped): only new
 * diagnostics are built and written by jansson, and a line put in above
 * them does not make them new. The notification is jansson's text of its
 * envelope with the diagnostics' texts put in its empty list.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

static void forget_check(struct lsp_doc *d)
{
	rc_confidence_free(&d->confidence);
	rc_findings_free(&d->findings);
	rc_model_free(&d->model);
	rc_problems_free(&d->problems);
}

/* Loads and checks the text of `d`, keeping the model, findings and confidence, or the load's problems and error. */
static void doc_check(struct lsp_server *sv, struct lsp_doc *d)
{
	forget_check(d);
	memset(&d->error, 0, sizeof(d->error));
	if (rc_model_load_memory_problems(&d->model, &d->problems, sv->session->ctx, d->path, d->text, d->len,
	                                  &d->error) != 0)
		return;
	if (rc_check_run(&d->findings, d->model, &sv->opts, &d->error) != 0 ||
	    rc_confidence_new(&d->confidence, d->model, &d->error) != 0)
		forget_check(d);
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

/* ---- drafts: what a diagnostic is made of ---- */

/* A place a diagnostic is about besides its own. */
struct related {
	size_t start, end; /* byte offsets */
	char message[160];
};

struct draft {
	const rc_finding *f;
	size_t start, end; /* the finding's range, byte offsets */
	struct related *related;
	size_t count, cap;
	bool failed;      /* out of memory */
	size_t *numbers;  /* its position numbers, in the order of its JSON (draft_numbers()) */
	size_t n_numbers; /* 4 a range: the finding's, the hint's (the same) and each related place's */
};

static void add_place(struct draft *dr, size_t start, size_t end, const char *message)
{
	if (dr->count == dr->cap) {
		size_t cap = dr->cap ? dr->cap * 2 : 4;
		struct related *grown = realloc(dr->related, cap * sizeof(*grown));

		if (!grown) {
			dr->failed = true;
			return;
		}
		dr->related = grown;
		dr->cap = cap;
	}
	dr->related[dr->count].start = start;
	dr->related[dr->count].end = end;
	snprintf(dr->related[dr->count++].message, sizeof(dr->related[0].message), "%s", message);
}

static void add_related(struct draft *dr, const struct lsp_doc *d, rc_loc loc, const char *message)
{
	size_t start, end;

	loc_span(d, loc, &start, &end);
	add_place(dr, start, end, message);
}

/* For a duplicate id ("duplicate id 'X' ..."): every other element that gives itself the id. */
static void other_uses(struct draft *dr, const struct lsp_doc *d)
{
	const char *id = strchr(dr->f->message, '\'');
	size_t n = id ? strcspn(id + 1, "'") : 0, at = lsp_loc_offset(d, dr->f->loc), i;
	struct lsp_text t;

	if (!id || lsp_text_scan(&t, d) != 0)
		return;
	for (i = 0; i < t.attr_count; i++) {
		const struct lsp_attr *a = &t.attrs[i];

		if (a->value_len == n && memcmp(d->text + a->value, id + 1, n) == 0 && t.tags[a->tag].start != at &&
		    lsp_attr_is(d, &t, a, NULL, "id") && lsp_attr_holds_ids(d, &t, a))
			add_place(dr, a->value, a->value + n, "another element with this id");
	}
	lsp_text_free(&t);
}

/* The other places a finding is about: the ends of a link, the first use of a duplicate id, the steps of a cycle. */
static void related_places(struct draft *dr, const struct lsp_doc *d)
{
	const rc_model *m = d->model;
	const rc_finding *f = dr->f;

	if (f->owner == RC_OWNER_LINK) {
		const rc_link *link = rc_model_link(m, f->owner_index);

		if (link->from_step != RC_NONE)
			add_related(dr, d, rc_model_step(m, link->from_step)->loc, "the link's source");
		if (link->to_step != RC_NONE)
			add_related(dr, d, rc_model_step(m, link->to_step)->loc, "the link's target");
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
				add_related(dr, d, step->loc, what);
			}
			names = next ? next + 2 : NULL;
		}
	}
	if (strcmp(f->rule->code, "RC001") == 0)
		other_uses(dr, d);
}

/* The line and character of the start and of the end of [start, end) in `d`, into `at`. */
static void range_numbers(size_t *at, const struct lsp_server *sv, const struct lsp_doc *d, size_t start, size_t end)
{
	lsp_position(sv, d, start, &at[0], &at[1]);
	lsp_position(sv, d, end, &at[2], &at[3]);
}

/* Fills the position numbers of `dr`; -1 when out of memory. */
static int draft_numbers(struct draft *dr, const struct lsp_server *sv, const struct lsp_doc *d)
{
	size_t i;

	dr->n_numbers = 4 * (2 + dr->count);
	if (!(dr->numbers = malloc(dr->n_numbers * sizeof(*dr->numbers))))
		return -1;
	range_numbers(dr->numbers, sv, d, dr->start, dr->end);
	for (i = 0; i < 4; i++) /* the hint's range */
		dr->numbers[4 + i] = dr->numbers[i];
	for (i = 0; i < dr->count; i++)
		range_numbers(dr->numbers + 8 + 4 * i, sv, d, dr->related[i].start, dr->related[i].end);
	return 0;
}

/*
 * What the JSON of draft `dr` is made of but for its positions, as one
 * string: its code, severity and message, then each related place's
 * message. (The hint follows from the code; the URI and encoding are the
 * document's and the session's.)
 */
static int draft_key(rc_buffer *key, const struct draft *dr)
{
	char severity = (char)('0' + dr->f->severity);
	size_t i;
	int rc = rc_buffer_sink(key, dr->f->rule->code, strlen(dr->f->rule->code) + 1);

	if (rc == 0)
		rc = rc_buffer_sink(key, &severity, 1);
	if (rc == 0)
		rc = rc_buffer_sink(key, dr->f->message, strlen(dr->f->message) + 1);
	for (i = 0; rc == 0 && i < dr->count; i++)
		rc = rc_buffer_sink(key, dr->related[i].message, strlen(dr->related[i].message) + 1);
	return rc;
}

static int severity_code(rc_severity s)
{
	return s == RC_SEVERITY_ERROR ? 1 : s == RC_SEVERITY_WARNING ? 2 : 3;
}

/* The diagnostic of a draft, as jansson's compact text; NULL when out of memory. */
static char *draft_json(const struct lsp_server *sv, const struct lsp_doc *d, const struct draft *dr)
{
	const rc_finding *f = dr->f;
	char hint[1200], *text;
	json_t *related, *range, *diagnostic;
	size_t i;

	snprintf(hint, sizeof(hint), "hint: %s", f->rule->hint);
	/* The hint sits at the finding's own place: one range object serves both (jansson counts references). */
	range = lsp_range_json(sv, d, dr->start, dr->end);
	related = json_pack("[{s:{s:s,s:O},s:s}]", "location", "uri", d->uri, "range", range, "message", hint);
	for (i = 0; i < dr->count; i++)
		json_array_append_new(related,
		                      json_pack("{s:o,s:s}", "location",
		                                lsp_location_json(sv, d, dr->related[i].start, dr->related[i].end),
		                                "message", dr->related[i].message));
	diagnostic =
	        json_pack("{s:o,s:i,s:s,s:s,s:s,s:o}", "range", range, "severity", severity_code(f->severity), "code",
	                  f->rule->code, "source", "rchain", "message", f->message, "relatedInformation", related);
	text = diagnostic ? json_dumps(diagnostic, JSON_COMPACT) : NULL;
	json_decref(diagnostic);
	return text;
}

/* ---- templates: a diagnostic's JSON text without its position numbers ---- */

/* The length of the position key ("line": or "character":) at `p`, or 0 when there is none. */
static size_t position_key(const char *p)
{
	return strncmp(p, "\"line\":", 7) == 0 ? 7 : strncmp(p, "\"character\":", 12) == 0 ? 12 : 0;
}

/*
 * Makes `text` (jansson's) the template of `p`: the text without its numbers, and where each was. -1 when out
 * of memory, or when the text does not hold the `n_numbers` positions of its draft (it always does).
 */
static int template_make(struct lsp_published *p, const char *text, size_t n_numbers)
{
	size_t n = strlen(text), i = 0, o = 0;

	p->json = malloc(n + 1);
	p->cuts = malloc(n_numbers * sizeof(*p->cuts));
	p->cut_count = 0;
	if (!p->json || !p->cuts)
		return -1;
	while (i < n) {
		size_t k = position_key(text + i);

		if (k != 0) {
			memcpy(p->json + o, text + i, k);
			o += k;
			i += k;
			if (p->cut_count == n_numbers)
				return -1;
			p->cuts[p->cut_count++] = o;
			while (text[i] >= '0' && text[i] <= '9')
				i++;
		} else {
			p->json[o++] = text[i++];
		}
	}
	p->json[o] = '\0';
	return p->cut_count == n_numbers ? 0 : -1;
}

/* Appends template `p` to `body` with `numbers` put in. */
static int template_write(rc_buffer *body, const struct lsp_published *p, const size_t *numbers)
{
	size_t i, from = 0;
	int rc = 0;

	for (i = 0; rc == 0 && i < p->cut_count; i++) {
		char digits[24];
		int len = snprintf(digits, sizeof(digits), "%zu", numbers[i]);

		rc = rc_buffer_sink(body, p->json + from, p->cuts[i] - from);
		if (rc == 0)
			rc = rc_buffer_sink(body, digits, (size_t)len);
		from = p->cuts[i];
	}
	return rc == 0 ? rc_buffer_sink(body, p->json + from, strlen(p->json + from)) : rc;
}

/* ---- the published diagnostics: a hash table from key to template ---- */

static uint64_t key_hash(const rc_buffer *key)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */
	size_t i;

	for (i = 0; i < key->len; i++)
		h = (h ^ (unsigned char)key->data[i]) * 1099511628211ULL;
	return h;
}

static struct lsp_published *slot_of(const struct lsp_cache *c, uint64_t hash, size_t probe)
{
	return &c->slots[(hash + probe) & (c->cap - 1)];
}

static void cache_free(struct lsp_cache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++) {
		free(c->slots[i].key);
		free(c->slots[i].json);
		free(c->slots[i].cuts);
	}
	free(c->slots);
	memset(c, 0, sizeof(*c));
}

/* Takes the template published for `key` out of `c` into `*out` (the caller owns it); 0, or -1 when there is none. */
static int cache_take(struct lsp_published *out, struct lsp_cache *c, uint64_t hash, const rc_buffer *key)
{
	size_t probe;

	for (probe = 0; probe < c->cap; probe++) {
		struct lsp_published *p = slot_of(c, hash, probe);

		if (!p->key)
			return -1;
		if (p->json && p->hash == hash && p->key_len == key->len && memcmp(p->key, key->data, key->len) == 0) {
			*out = *p;
			out->key = NULL;
			p->json = NULL;
			p->cuts = NULL;
			return 0;
		}
	}
	return -1;
}

/* Keeps template `t` under `key` in `c`; both are taken over (freed on failure). 0, or -1 out of memory. */
static int cache_put(struct lsp_cache *c, uint64_t hash, rc_buffer *key, struct lsp_published *t)
{
	struct lsp_published *p;
	size_t probe = 0;

	if (2 * (c->count + 1) > c->cap) {
		struct lsp_cache grown = { calloc(c->cap ? c->cap * 2 : 64, sizeof(*p)), c->cap ? c->cap * 2 : 64, 0 };
		size_t i;

		if (!grown.slots) {
			rc_buffer_free(key);
			free(t->json);
			free(t->cuts);
			return -1;
		}
		for (i = 0; i < c->cap; i++)
			if (c->slots[i].key) {
				for (probe = 0; slot_of(&grown, c->slots[i].hash, probe)->key; probe++)
					;
				*slot_of(&grown, c->slots[i].hash, probe) = c->slots[i];
			}
		grown.count = c->count;
		free(c->slots);
		*c = grown;
	}
	for (probe = 0; slot_of(c, hash, probe)->key; probe++)
		;
	p = slot_of(c, hash, probe);
	*p = *t;
	p->hash = hash;
	p->key = key->data;
	p->key_len = key->len;
	memset(key, 0, sizeof(*key));
	c->count++;
	return 0;
}

/* ---- publishing ---- */

/* Appends the diagnostic of finding `f` to `body`: the template published before for it, else a new text. */
static int add_diagnostic(rc_buffer *body, struct lsp_cache *fresh, const struct lsp_server *sv, struct lsp_doc *d,
                          const rc_finding *f)
{
	struct draft dr = { f, 0, 0, NULL, 0, 0, false, NULL, 0 };
	struct lsp_published t = { 0 };
	rc_buffer key = { 0 };
	uint64_t hash = 0;
	char *text = NULL;
	int rc;

	loc_span(d, f->loc, &dr.start, &dr.end);
	if (d->model) /* a load problem is about the file: no model to find other places in */
		related_places(&dr, d);
	rc = dr.failed || draft_numbers(&dr, sv, d) != 0 ? -1 : draft_key(&key, &dr);
	if (rc == 0 && body->data[body->len - 1] != '[')
		rc = rc_buffer_sink(body, ",", 1);
	if (rc == 0) {
		hash = key_hash(&key);
		if (cache_take(&t, &d->published, hash, &key) == 0) {
			rc = template_write(body, &t, dr.numbers);
		} else if ((text = draft_json(sv, d, &dr)) != NULL) {
			rc = rc_buffer_sink(body, text, strlen(text));
			if (rc == 0)
				rc = template_make(&t, text, dr.n_numbers);
		} else {
			rc = -1;
		}
	}
	if (rc == 0)
		rc = cache_put(fresh, hash, &key, &t);
	else {
		free(t.json);
		free(t.cuts);
	}
	free(text);
	rc_buffer_free(&key);
	free(dr.related);
	free(dr.numbers);
	return rc;
}

/* The one diagnostic of a document that did not load and has no problems to show (too large, say). */
static int add_load_error(rc_buffer *body, const struct lsp_server *sv, const struct lsp_doc *d)
{
	rc_loc loc = { d->path, d->error.line, d->error.column };
	size_t start, end;
	json_t *diagnostic;
	char *json;
	int rc;

	loc_span(d, loc, &start, &end);
	diagnostic = json_pack("{s:o,s:i,s:s,s:s}", "range", lsp_range_json(sv, d, start, end), "severity", 1, "source",
	                       "rchain", "message", d->error.message);
	json = diagnostic ? json_dumps(diagnostic, JSON_COMPACT) : NULL;
	json_decref(diagnostic);
	rc = json ? rc_buffer_sink(body, json, strlen(json)) : -1;
	free(json);
	return rc;
}

/* Starts the notification in `body`: its envelope, as jansson writes it, up to the '[' of the empty list. */
static int envelope_open(rc_buffer *body, const struct lsp_doc *d)
{
	json_t *msg = json_pack("{s:s,s:s,s:{s:s,s:[]}}", "jsonrpc", "2.0", "method", "textDocument/publishDiagnostics",
	                        "params", "uri", d->uri, "diagnostics");
	char *text = msg ? json_dumps(msg, JSON_COMPACT) : NULL;
	size_t n = text ? strlen(text) : 0;
	int rc = -1;

	/* "diagnostics" is the last member, so the text ends in "[]}}". */
	if (n >= 4 && strcmp(text + n - 4, "[]}}") == 0)
		rc = rc_buffer_sink(body, text, n - 3);
	free(text);
	json_decref(msg);
	return rc;
}

void lsp_publish(struct lsp_server *sv, struct lsp_doc *d)
{
	struct lsp_cache fresh = { NULL, 0, 0 };
	rc_buffer body = { 0 };
	size_t i;
	int rc;

	doc_check(sv, d);
	d->dirty = false;
	rc = envelope_open(&body, d);
	for (i = 0; rc == 0 && i < rc_problems_count(d->problems); i++)
		rc = add_diagnostic(&body, &fresh, sv, d, rc_problems_at(d->problems, i));
	if (rc == 0 && !d->model && !d->problems)
		rc = add_load_error(&body, sv, d);
	for (i = 0; rc == 0 && d->findings && i < rc_findings_count(d->findings); i++) {
		const rc_finding *f = rc_findings_at(d->findings, i);

		if (!f->suppressed)
			rc = add_diagnostic(&body, &fresh, sv, d, f);
	}
	if (rc == 0)
		rc = rc_buffer_sink(&body, "]}}", 3);
	if (rc == 0)
		lsp_send_text(sv, body.data, body.len);
	else
		fprintf(stderr, "rchain lsp: could not publish the diagnostics of %s (out of memory)\n", d->uri);
	rc_buffer_free(&body);
	cache_free(&d->published);
	d->published = fresh;
}

void lsp_doc_forget(struct lsp_doc *d)
{
	forget_check(d);
	cache_free(&d->published);
}
