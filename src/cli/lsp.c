/*
 * rchain lsp: a Language Server Protocol 3.17 server on standard input and
 * output. JSON-RPC messages are framed by Content-Length headers and parsed
 * and written with jansson. Standard output carries protocol messages only;
 * anything else goes to standard error.
 *
 * Messages are read as they arrive and queued; a request is answered only
 * when no further input is waiting to be queued, so a $/cancelRequest that
 * follows it is seen first, and documents are re-checked only when the queue
 * is empty, so a burst of changes costs one check (docs/editors.md).
 */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lsp.h"

/* The headers of one message may not be longer than this. */
#define HEADER_MAX 4096
/* A message may exceed the document size limit by this much: the JSON around the text. */
#define MESSAGE_SLACK ((size_t)1 << 20)

static void lsp_help(void)
{
	printf("usage: rchain lsp [--evidence FILE]... [--max-file-size N]\n"
	       "\n"
	       "Run a Language Server Protocol server on standard input and output, for\n"
	       "editors: findings as you type, completion, hover, navigation, code actions\n"
	       "and rename in model files (docs/editors.md).\n"
	       "\n"
	       "options:\n"
	       "  --evidence FILE   also check against this evidence base; repeatable\n"
	       "  --max-file-size N the largest document checked, in bytes (default 67108864);\n"
	       "                    a message may be 1 MiB larger\n"
	       "  -h, --help        show this help\n");
}

/* ---- framing: reading messages ---- */

struct reader {
	int fd;
	char *buf;
	size_t len, cap;
	size_t skip; /* bytes of an oversized message still to drop */
	size_t limit;
	bool eof;
};

enum { READ_NONE, READ_MESSAGE, READ_EOF, READ_BAD_HEADER, READ_TOO_LARGE };

/* Reads what standard input has, waiting for it when `block`; 0, or -1 when nothing came without waiting. */
static int fill(struct reader *r, bool block)
{
	struct pollfd p = { r->fd, POLLIN, 0 };
	ssize_t n;

	if (!block && poll(&p, 1, 0) <= 0)
		return -1;
	if (r->cap - r->len < 65536) {
		size_t cap = r->cap ? r->cap * 2 : 131072;
		char *grown = realloc(r->buf, cap);

		if (!grown) {
			r->eof = true;
			return 0;
		}
		r->buf = grown;
		r->cap = cap;
	}
	do
		n = read(r->fd, r->buf + r->len, r->cap - r->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		r->eof = true;
	else
		r->len += (size_t)n;
	return 0;
}

static void drop(struct reader *r, size_t n)
{
	if (n == 0 || !r->buf)
		return;
	memmove(r->buf, r->buf + n, r->len - n);
	r->len -= n;
}

/* The value of the Content-Length header in the `len` bytes of headers at `h`; -1 when there is none. */
static long long content_length(const char *h, size_t len)
{
	static const char name[] = "content-length:";
	size_t i = 0;

	while (i < len) {
		size_t end = i;

		while (end < len && h[end] != '\n')
			end++;
		if (end - i > sizeof(name) - 1 && strncasecmp(h + i, name, sizeof(name) - 1) == 0) {
			long long v = 0;
			size_t j = i + sizeof(name) - 1;

			while (j < end && h[j] == ' ')
				j++;
			if (j == end || h[j] < '0' || h[j] > '9')
				return -1;
			for (; j < end && h[j] >= '0' && h[j] <= '9'; j++)
				if ((v = v * 10 + (h[j] - '0')) > (1LL << 50))
					return -1;
			return v;
		}
		i = end + 1;
	}
	return -1;
}

/* The end of the headers in the buffer: the offset just past "\r\n\r\n", or 0 when they are not all in. */
static size_t headers_end(const struct reader *r)
{
	size_t i;

	for (i = 0; i + 4 <= r->len; i++)
		if (memcmp(r->buf + i, "\r\n\r\n", 4) == 0)
			return i + 4;
	return 0;
}

/* The next message's body, into `*body` and `*size` (the caller frees it); one of the READ_ results. */
static int next_message(struct reader *r, bool block, char **body, size_t *size, size_t *refused)
{
	for (;;) {
		size_t header;

		if (r->skip) {
			size_t n = r->skip < r->len ? r->skip : r->len;

			drop(r, n);
			r->skip -= n;
		}
		header = r->skip || !r->buf ? 0 : headers_end(r);
		if (header) {
			long long length = content_length(r->buf, header);

			if (length < 0) {
				drop(r, header);
				return READ_BAD_HEADER;
			}
			if ((unsigned long long)length > r->limit) {
				drop(r, header);
				r->skip = (size_t)length;
				*refused = (size_t)length;
				return READ_TOO_LARGE;
			}
			if (r->len - header >= (size_t)length) {
				*body = malloc((size_t)length + 1);
				if (!*body)
					return READ_EOF;
				memcpy(*body, r->buf + header, (size_t)length);
				*size = (size_t)length;
				drop(r, header + (size_t)length);
				return READ_MESSAGE;
			}
		} else if (!r->skip && r->len > HEADER_MAX) {
			drop(r, r->len);
			return READ_BAD_HEADER;
		}
		if (r->eof)
			return READ_EOF;
		if (fill(r, block) != 0)
			return READ_NONE;
	}
}

/* ---- framing: writing messages ---- */

void lsp_send_text(struct lsp_server *sv, const char *body, size_t len)
{
	char header[64];
	size_t done = 0;
	int n = snprintf(header, sizeof(header), "Content-Length: %zu\r\n\r\n", len);

	while (!sv->write_failed && done < (size_t)n + len) {
		const char *from = done < (size_t)n ? header + done : body + (done - (size_t)n);
		size_t left = done < (size_t)n ? (size_t)n - done : len - (done - (size_t)n);
		ssize_t w = write(sv->out, from, left);

		if (w > 0)
			done += (size_t)w;
		else if (w < 0 && errno != EINTR)
			sv->write_failed = true;
	}
}

/* Writes one message to standard output, framed; consumes `msg`. */
static void send_message(struct lsp_server *sv, json_t *msg)
{
	char *body = msg ? json_dumps(msg, JSON_COMPACT) : NULL;

	json_decref(msg);
	if (!body) {
		fprintf(stderr, "rchain lsp: out of memory writing a message\n");
		return;
	}
	lsp_send_text(sv, body, strlen(body));
	free(body);
}

static void send_result(struct lsp_server *sv, json_t *id, json_t *result)
{
	send_message(sv, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
	                           result ? result : json_null()));
}

static void send_error(struct lsp_server *sv, json_t *id, int code, const char *message)
{
	send_message(sv, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error",
	                           "code", code, "message", message));
}

static void send_notification(struct lsp_server *sv, const char *method, json_t *params)
{
	send_message(sv, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

/* ---- documents ---- */

static void doc_free(struct lsp_doc *d)
{
	lsp_doc_forget(d);
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d->lines);
	free(d);
}

static struct lsp_doc *find_doc(struct lsp_server *sv, const char *uri)
{
	struct lsp_doc *d;

	for (d = sv->docs; uri && d; d = d->next)
		if (strcmp(d->uri, uri) == 0)
			return d;
	return NULL;
}

static int hex(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* The file name of a URI for locations: the path of a file: URI, percent-decoded; else the URI itself. */
static char *uri_path(const char *uri)
{
	const char *p = strncmp(uri, "file://", 7) == 0 ? uri + 7 : uri;
	char *out = malloc(strlen(p) + 1), *o = out;

	if (!out)
		return NULL;
	for (; *p; p++) {
		if (p[0] == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0 && (hex(p[1]) || hex(p[2]))) {
			*o++ = (char)(hex(p[1]) * 16 + hex(p[2]));
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* ---- the protocol's methods ---- */

/* What a handler reports back when it fails: the code and message of the JSON-RPC error. */
struct failure {
	int code;
	const char *message;
};

static json_t *fail(struct failure *why, int code, const char *message)
{
	why->code = code;
	why->message = message;
	return NULL;
}

static json_t *on_initialize(struct lsp_server *sv, const json_t *params, struct failure *why)
{
	json_t *encodings = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
	                                    "positionEncodings");
	json_t *e;
	size_t i;

	if (sv->state != LSP_NEW)
		return fail(why, RPC_INVALID_REQUEST, "the server is already initialized");
	json_array_foreach(encodings, i, e) if (json_is_string(e) && strcmp(json_string_value(e), "utf-32") == 0)
	        sv->utf32 = true;
	sv->state = LSP_RUNNING;
	return json_pack("{s:{s:s,s:{s:b,s:i},s:{s:[s,s,s,s]},s:b,s:b,s:b,s:b,s:b,s:{s:b}},s:{s:s,s:s}}",
	                 "capabilities", "positionEncoding", sv->utf32 ? "utf-32" : "utf-16", "textDocumentSync",
	                 "openClose", 1, "change", 2, "completionProvider", "triggerCharacters", "\"", "'", " ", "<",
	                 "hoverProvider", 1, "definitionProvider", 1, "referencesProvider", 1, "documentSymbolProvider",
	                 1, "codeActionProvider", 1, "renameProvider", "prepareProvider", 0, "serverInfo", "name",
	                 "rchain", "version", rc_version());
}

static json_t *on_shutdown(struct lsp_server *sv, const json_t *params, struct failure *why)
{
	(void)params;
	(void)why;
	sv->state = LSP_SHUT_DOWN;
	return json_null();
}

/* The open document a request's params name, or NULL with the failure set. */
static struct lsp_doc *params_doc(struct lsp_server *sv, const json_t *params, struct failure *why)
{
	json_t *uri = json_object_get(json_object_get(params, "textDocument"), "uri");
	struct lsp_doc *d = find_doc(sv, json_string_value(uri));

	if (!d)
		fail(why, RPC_INVALID_PARAMS,
		     json_is_string(uri) ? "the document is not open" : "textDocument.uri is missing");
	return d;
}

typedef json_t *(*feature_fn)(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);

static const struct feature {
	const char *method;
	feature_fn fn;
} features[] = {
	{ "textDocument/completion", lsp_completion },  { "textDocument/hover", lsp_hover },
	{ "textDocument/definition", lsp_definition },  { "textDocument/references", lsp_references },
	{ "textDocument/documentSymbol", lsp_symbols }, { "textDocument/codeAction", lsp_code_actions },
	{ "textDocument/rename", lsp_rename },
};

static void on_did_open(struct lsp_server *sv, const json_t *params)
{
	json_t *item = json_object_get(params, "textDocument");
	const char *uri = json_string_value(json_object_get(item, "uri"));
	json_t *text = json_object_get(item, "text");
	struct lsp_doc *d;

	if (!uri || !json_is_string(text))
		return;
	if ((d = find_doc(sv, uri)) == NULL) {
		if (!(d = calloc(1, sizeof(*d))))
			return;
		d->uri = strdup(uri);
		d->path = uri_path(uri);
		if (!d->uri || !d->path || lsp_doc_splice(d, 0, 0, "", 0) != 0) {
			doc_free(d);
			return;
		}
		d->next = sv->docs;
		sv->docs = d;
	}
	if (lsp_doc_splice(d, 0, d->len, json_string_value(text), json_string_length(text)) != 0)
		fprintf(stderr, "rchain lsp: out of memory opening %s\n", uri);
}

static void on_did_change(struct lsp_server *sv, const json_t *params)
{
	struct failure why;
	struct lsp_doc *d = params_doc(sv, params, &why);
	json_t *change;
	size_t i;

	if (!d)
		return;
	json_array_foreach(json_object_get(params, "contentChanges"), i, change)
	{
		json_t *range = json_object_get(change, "range"), *text = json_object_get(change, "text");
		long start = 0, end = (long)d->len;

		if (!json_is_string(text))
			continue;
		if (range) {
			start = lsp_position_offset(sv, d, json_object_get(range, "start"));
			end = lsp_position_offset(sv, d, json_object_get(range, "end"));
			if (start < 0 || end < start)
				continue;
		}
		if (lsp_doc_splice(d, (size_t)start, (size_t)end, json_string_value(text), json_string_length(text)) !=
		    0)
			fprintf(stderr, "rchain lsp: out of memory changing %s\n", d->uri);
	}
}

static void on_did_close(struct lsp_server *sv, const json_t *params)
{
	struct failure why;
	struct lsp_doc *d = params_doc(sv, params, &why), **at = &sv->docs;

	if (!d)
		return;
	while (*at != d)
		at = &(*at)->next;
	*at = d->next;
	send_notification(sv, "textDocument/publishDiagnostics", json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
	doc_free(d);
}

void lsp_close_all(struct lsp_server *sv)
{
	while (sv->docs) {
		struct lsp_doc *next = sv->docs->next;

		doc_free(sv->docs);
		sv->docs = next;
	}
}

/* ---- the message loop ---- */

/* One queued message (a struct, so that the queue is an array of values). */
struct queued {
	json_t *msg;
};

struct queue {
	struct queued *items;
	size_t head, count, cap;
};

static int queue_push(struct queue *q, json_t *msg)
{
	if (q->head + q->count == q->cap && q->head) {
		memmove(q->items, q->items + q->head, q->count * sizeof(*q->items));
		q->head = 0;
	}
	if (q->count == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 16;
		struct queued *grown = realloc(q->items, cap * sizeof(*grown));

		if (!grown)
			return -1;
		q->items = grown;
		q->cap = cap;
	}
	q->items[q->head + q->count++].msg = msg;
	return 0;
}

/* Marks the queued request `id` names as cancelled: it will be answered RequestCancelled. */
static void cancel(struct queue *q, const json_t *id)
{
	size_t i;

	for (i = q->head; id && i < q->head + q->count; i++) {
		json_t *msg = q->items[i].msg;

		if (json_is_object(msg) && json_object_get(msg, "method") && json_equal(json_object_get(msg, "id"), id))
			json_object_set_new(msg, "cancelled", json_true());
	}
}

/* Parses one body into the queue; a body that is not JSON is answered at once. */
static void enqueue(struct lsp_server *sv, struct queue *q, char *body, size_t size)
{
	json_error_t err;
	json_t *msg = json_loadb(body, size, JSON_REJECT_DUPLICATES, &err);

	free(body);
	if (!msg) {
		char what[300];

		snprintf(what, sizeof(what), "parse error at line %d, column %d: %s", err.line, err.column, err.text);
		send_error(sv, NULL, RPC_PARSE_ERROR, what);
		return;
	}
	if (json_is_object(msg) && json_is_string(json_object_get(msg, "method")) &&
	    strcmp(json_string_value(json_object_get(msg, "method")), "$/cancelRequest") == 0) {
		cancel(q, json_object_get(json_object_get(msg, "params"), "id"));
		json_decref(msg);
		return;
	}
	if (queue_push(q, msg) != 0) {
		send_error(sv, json_object_get(msg, "id"), RPC_INTERNAL_ERROR, "out of memory");
		json_decref(msg);
	}
}

/* Handles a request (with an id) or a notification; returns the exit status after "exit", else -1. */
static int dispatch(struct lsp_server *sv, json_t *msg)
{
	json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
	const char *method = json_string_value(json_object_get(msg, "method"));
	struct failure why = { RPC_METHOD_NOT_FOUND, "method not found" };
	json_t *result = NULL;
	size_t i;

	if (!json_is_object(msg) || (!method && !json_object_get(msg, "result") && !json_object_get(msg, "error"))) {
		send_error(sv, json_is_object(msg) ? id : NULL, RPC_INVALID_REQUEST,
		           "not a JSON-RPC request or notification");
		return -1;
	}
	if (!method)
		return -1; /* a response to a request of ours: the server sends none */
	if (strcmp(method, "exit") == 0)
		return sv->state == LSP_SHUT_DOWN ? EXIT_CLEAN : EXIT_FINDINGS;
	if (!id) {
		if (sv->state != LSP_RUNNING)
			return -1;
		if (strcmp(method, "textDocument/didOpen") == 0)
			on_did_open(sv, params);
		else if (strcmp(method, "textDocument/didChange") == 0)
			on_did_change(sv, params);
		else if (strcmp(method, "textDocument/didClose") == 0)
			on_did_close(sv, params);
		return -1;
	}
	if (json_is_true(json_object_get(msg, "cancelled"))) {
		send_error(sv, id, RPC_REQUEST_CANCELLED, "the request was cancelled");
		return -1;
	}
	if (strcmp(method, "initialize") == 0) {
		result = on_initialize(sv, params, &why);
	} else if (sv->state == LSP_NEW) {
		why.code = RPC_NOT_INITIALIZED;
		why.message = "the server is not initialized";
	} else if (sv->state == LSP_SHUT_DOWN) {
		why.code = RPC_INVALID_REQUEST;
		why.message = "the server is shut down: only exit is accepted";
	} else if (strcmp(method, "shutdown") == 0) {
		result = on_shutdown(sv, params, &why);
	} else {
		for (i = 0; i < sizeof(features) / sizeof(features[0]); i++)
			if (strcmp(method, features[i].method) == 0) {
				struct lsp_doc *d = params_doc(sv, params, &why);

				/* Answers come from the text as it is now, checked if it changed. */
				if (d && d->dirty)
					lsp_publish(sv, d);
				if (d && !(result = features[i].fn(sv, d, params)))
					fail(&why, RPC_INVALID_PARAMS,
					     "the params do not name a place in the document");
				break;
			}
	}
	if (result)
		send_result(sv, id, result);
	else
		send_error(sv, id, why.code, why.message);
	return -1;
}

int lsp_serve(struct lsp_server *sv, size_t limit)
{
	struct reader r = { sv->in, NULL, 0, 0, 0, limit, false };
	struct queue q = { NULL, 0, 0, 0 };
	int status = -1;

	while (status < 0 && !sv->write_failed) {
		char *body = NULL;
		size_t size = 0, refused = 0;
		struct lsp_doc *d;
		bool dirty = false;
		int got;

		for (d = sv->docs; d; d = d->next)
			dirty |= d->dirty;
		got = next_message(&r, q.count == 0 && !dirty, &body, &size, &refused);

		if (got == READ_MESSAGE) {
			enqueue(sv, &q, body, size);
			continue;
		}
		if (got == READ_BAD_HEADER) {
			send_error(sv, NULL, RPC_PARSE_ERROR, "a message without a Content-Length header was dropped");
			continue;
		}
		if (got == READ_TOO_LARGE) {
			char what[160];

			snprintf(what, sizeof(what), "a message of %zu bytes was dropped: the limit is %zu bytes",
			         refused, limit);
			send_error(sv, NULL, RPC_INVALID_REQUEST, what);
			continue;
		}
		if (q.count) {
			json_t *msg = q.items[q.head++].msg;

			q.count--;
			status = dispatch(sv, msg);
			json_decref(msg);
			continue;
		}
		for (d = sv->docs; d; d = d->next)
			if (d->dirty)
				lsp_publish(sv, d);
		if (got == READ_EOF)
			break;
	}
	while (q.count)
		json_decref(q.items[q.head + --q.count].msg);
	free(q.items);
	free(r.buf);
	/* The input ended without exit: as the protocol says, that is a failure. */
	return status < 0 ? EXIT_FINDINGS : status;
}

int cmd_lsp(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct lsp_server sv = { 0 };
	int c, status = -1;

	while (status < 0 && (c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if (c == 'h') {
			lsp_help();
			status = EXIT_CLEAN;
		} else {
			status = common_option(s, "lsp", options, c, argv);
		}
	}
	if (status < 0 && optind < argc)
		status = usage_error("lsp", "takes no files: the editor sends the documents");
	if (status >= 0)
		return status;
	signal(SIGPIPE, SIG_IGN);
	sv.session = s;
	sv.opts.evidence = s->evidence;
	sv.out = 1;
	status = lsp_serve(&sv, rc_context_limits(s->ctx)->max_file_bytes + MESSAGE_SLACK);
	lsp_close_all(&sv);
	return status;
}
