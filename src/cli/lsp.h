/* rchain lsp: what the language server's files share (the server, its documents, their text and the features). */
#ifndef RCHAIN_CLI_LSP_H
#define RCHAIN_CLI_LSP_H

#include <jansson.h>
#include <stdint.h>

#include "cli.h"

/* JSON-RPC and LSP error codes. */
enum {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_NOT_INITIALIZED = -32002,
	RPC_REQUEST_CANCELLED = -32800
};

/* One tag of a document's text, as the editor sees it: byte offsets into the text. */
struct lsp_tag {
	size_t start; /* the '<' */
	size_t end;   /* one past the '>' (or the end of the text when it is unclosed) */
	size_t name;  /* the element name, after '<' or '</' */
	size_t name_len;
	int kind;    /* LSP_TAG_OPEN, LSP_TAG_CLOSE or LSP_TAG_EMPTY */
	size_t attr; /* first of its attributes in lsp_text.attrs */
	size_t attr_count;
};

enum { LSP_TAG_OPEN, LSP_TAG_CLOSE, LSP_TAG_EMPTY };

/* One attribute of a tag: byte offsets of its name and of its value (inside the quotes). */
struct lsp_attr {
	size_t tag; /* index into lsp_text.tags */
	size_t name;
	size_t name_len;
	size_t value;
	size_t value_len;
};

/* The tags and attributes of a document, found by a forgiving scan that never fails (lsp_text_scan). */
struct lsp_text {
	struct lsp_tag *tags;
	size_t tag_count;
	struct lsp_attr *attrs;
	size_t attr_count;
};

/* One diagnostic as last published: what it is made of but its positions (lsp_diagnostics.c), and a template. */
struct lsp_published {
	uint64_t hash;
	char *key; /* NULL: a free slot */
	size_t key_len;
	char *json;   /* its JSON text without the position numbers; NULL once used again */
	size_t *cuts; /* where in `json` each number goes */
	size_t cut_count;
};

/* The diagnostics of a publish, by key: an open-addressing hash table of `cap` slots (a power of two). */
struct lsp_cache {
	struct lsp_published *slots;
	size_t cap, count;
};

/* An open document: its text, the byte offset of each line, and the result of its last check. */
struct lsp_doc {
	struct lsp_doc *next; /* the server's next open document */
	char *uri;
	char *path; /* the file name in locations: the URI's path */
	char *text;
	size_t len, cap;
	size_t *lines; /* byte offset of the start of each line */
	size_t line_count, line_cap;
	bool dirty; /* changed since its diagnostics were published */
	rc_model *model;
	rc_findings *findings;
	rc_confidence *confidence;
	rc_problems *problems;      /* every problem of a load that failed in the text, else NULL */
	rc_error error;             /* why the model did not load or check, when `model` is NULL */
	struct lsp_cache published; /* its diagnostics as last published, to be used again */
};

struct lsp_server {
	int in, out; /* the descriptors messages are read from and written to */
	bool write_failed;
	struct session *session;
	rc_check_options opts;
	bool utf32;           /* positions count code points (negotiated), else UTF-16 code units */
	int state;            /* LSP_NEW, LSP_RUNNING or LSP_SHUT_DOWN */
	struct lsp_doc *docs; /* the open documents, a list */
};

enum { LSP_NEW, LSP_RUNNING, LSP_SHUT_DOWN };

/*
 * Serves the messages read from `sv->in` until "exit" or the end of the
 * input, with messages of at most `limit` bytes; returns the exit status the
 * protocol gives (0 after shutdown then exit, else 1). `sv` holds its
 * session, descriptors and check options; the documents it leaves open are
 * the caller's to free (lsp_close_all()).
 */
int lsp_serve(struct lsp_server *sv, size_t limit);

/* Frees every document `sv` has open. */
void lsp_close_all(struct lsp_server *sv);

/* Sends the `len` bytes of JSON at `body` to the client as one message, framed (lsp.c). */
void lsp_send_text(struct lsp_server *sv, const char *body, size_t len);

/* ---- diagnostics (lsp_diagnostics.c) ---- */

/* Checks the text of `d` again and publishes its diagnostics; `d` is no longer dirty. */
void lsp_publish(struct lsp_server *sv, struct lsp_doc *d);

/* Frees what the checks of `d` kept: model, findings, confidence, problems and published diagnostics. */
void lsp_doc_forget(struct lsp_doc *d);

/* ---- text (lsp_text.c) ---- */

/*
 * Replaces bytes [start, end) of the text of `d` with the `len` bytes at `with` and moves the line starts to
 * match; `d` becomes dirty. On a document of no text yet (all zero) it makes the empty one. -1 when out of memory
 * (`d` as it was).
 */
int lsp_doc_splice(struct lsp_doc *d, size_t start, size_t end, const char *with, size_t len);

/* The byte offset of the LSP position object `pos` in `d` (clamped); -1 when it is not a position. */
long lsp_position_offset(const struct lsp_server *sv, const struct lsp_doc *d, const json_t *pos);

/* The LSP position of byte offset `off` of `d` (clamped): its line and character. */
void lsp_position(const struct lsp_server *sv, const struct lsp_doc *d, size_t off, size_t *line, size_t *character);

/* The LSP position of byte offset `off` of `d`, as a new JSON object. */
json_t *lsp_position_json(const struct lsp_server *sv, const struct lsp_doc *d, size_t off);

/* The LSP range [start, end) of `d` as a new JSON object. */
json_t *lsp_range_json(const struct lsp_server *sv, const struct lsp_doc *d, size_t start, size_t end);

/* A new LSP Location of [start, end) in `d`. */
json_t *lsp_location_json(const struct lsp_server *sv, const struct lsp_doc *d, size_t start, size_t end);

/* The byte offset of a library location (1-based line, column in characters) in `d`, clamped. */
size_t lsp_loc_offset(const struct lsp_doc *d, rc_loc loc);

/* Scans the tags and attributes of `d`; -1 when out of memory. Free with lsp_text_free(). */
int lsp_text_scan(struct lsp_text *t, const struct lsp_doc *d);
void lsp_text_free(struct lsp_text *t);

/* The tag whose '<' is at byte `off`, or the one containing `off`; NULL when none. */
const struct lsp_tag *lsp_tag_at(const struct lsp_text *t, size_t off);

/* The attribute whose value holds byte `off` (its closing quote included), or NULL. */
const struct lsp_attr *lsp_attr_at(const struct lsp_text *t, size_t off);

/* Nonzero when attribute `a` of `d` is called `name` (and, when `element` is not NULL, sits on that element). */
int lsp_attr_is(const struct lsp_doc *d, const struct lsp_text *t, const struct lsp_attr *a, const char *element,
                const char *name);

/* Nonzero when the value of `a` names ids of the model's one id space (a definition or a reference). */
int lsp_attr_holds_ids(const struct lsp_doc *d, const struct lsp_text *t, const struct lsp_attr *a);

/* The word of the space-separated value of `a` that holds byte `off`: [*start, *end). */
void lsp_word_at(const struct lsp_doc *d, const struct lsp_attr *a, size_t off, size_t *start, size_t *end);

/* The start tag of the element that holds tag `tag` (the innermost left open before it), or NULL at the top. */
const struct lsp_tag *lsp_enclosing_tag(const struct lsp_text *t, const struct lsp_tag *tag);

/* The end tag that closes the open tag `open`, or NULL. */
const struct lsp_tag *lsp_closing_tag(const struct lsp_text *t, const struct lsp_tag *open);

/* ---- features (lsp_features.c; code actions: lsp_actions.c): each takes the params, returns the result or NULL */

json_t *lsp_completion(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);
json_t *lsp_hover(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);
json_t *lsp_definition(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);
json_t *lsp_references(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);
json_t *lsp_symbols(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);
json_t *lsp_code_actions(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);
json_t *lsp_rename(struct lsp_server *sv, struct lsp_doc *d, const json_t *params);

#endif
