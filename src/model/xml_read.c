/* The safe XML reader under both loaders: refusals, schema validation in the stream, exact places. */
#include "model/xml_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "base/bidi.h"
#include "base/buffer.h"
#include "model/encoding.h"
#include "base/error.h"
#include "model/names.h"
#include "model/schema_error.h"

enum { MAX_DEPTH = 16 };

/* The stack's number for an element outside the format. */
enum { UNKNOWN = -1 };

/* More than the elements of either format (model/elements.def, the evidence base's). */
enum { MAX_ELEMENTS = 64 };

/* libxml2 2.9 checks each attribute of a start tag against all before it: a tag with many is quadratic. */
enum { MAX_ATTRIBUTES = 100 };

struct xml_reader {
	const struct xml_format *format;
	void *user;
	struct arena *arena;
	const char *file;
	xmlParserCtxtPtr parser;
	const unsigned char *data;
	size_t len;
	int release;     /* the pages of `data` behind `pos_offset` may be given back */
	size_t released; /* bytes of `data` before the first page not yet given back */
	/* The last place located, advanced monotonically: linear in the file. */
	size_t pos_offset;
	uint32_t pos_line;
	uint32_t pos_column;
	int stack[MAX_DEPTH]; /* element numbers; UNKNOWN for one the validator refuses */
	rc_loc stack_loc[MAX_DEPTH];
	int depth;
	int seen_root;
	rc_loc closed; /* the start of the element that ended last */
	/* An element outside the format, left to the validator to report (else reported at the end). */
	int unknown_seen;
	rc_loc unknown_loc;
	char unknown_name[64];
	rc_problems *problems;
	int has_schema;
	int invalid; /* a problem is recorded: the handlers are no longer called, the parse goes on for more */
	/* The place of a last '<' with no '>' after it: the file ends inside that tag. */
	int tail_open;
	rc_loc tail;
	rc_buffer text;
	rc_error *err;
	int status;
	const xmlChar *interned[MAX_ELEMENTS]; /* per element, its name as the parser's dictionary holds it */
};

void *xml_user(const struct xml_reader *r)
{
	return r->user;
}

/*
 * Moves the tracked place to the '<' of the tag the parser is in or has just
 * left. libxml2 clamps node line numbers at 65,535; the byte offset does not.
 */
static rc_loc locate(struct xml_reader *r)
{
	long consumed = xmlByteConsumed(r->parser);
	size_t at = consumed < 0 ? r->pos_offset : (size_t)consumed;
	const unsigned char *p, *end, *nl;
	rc_loc loc;

	if (at >= r->len)
		at = r->len ? r->len - 1 : 0;
	/* The last '<' after the tracked place and not after `at`, hopping from tag to tag with memchr(). */
	if (at > r->pos_offset) {
		size_t tag = r->pos_offset;
		const unsigned char *lt;

		while ((lt = memchr(r->data + tag + 1, '<', at - tag)) != NULL)
			tag = (size_t)(lt - r->data);
		at = tag;
	}
	/* Lines by memchr; characters (bytes that do not continue a UTF-8 sequence) only after the last newline. */
	p = r->data + r->pos_offset;
	end = r->data + at;
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		r->pos_line++;
		r->pos_column = 1;
		p = nl + 1;
	}
	for (; p < end; p++)
		r->pos_column += (*p & 0xC0) != 0x80;
	r->pos_offset = at;
	loc.file = r->file;
	loc.line = r->pos_line;
	loc.column = r->pos_column;
	return loc;
}

/* Stops the parse with `status`, leaving `err` to parse() (or setting it, out of memory). */
static void halt(struct xml_reader *r, int status)
{
	r->status = status;
	if (status == RC_ENOMEM)
		error_set_at(r->err, RC_ENOMEM, r->file, 0, 0, "out of memory while loading");
	/*
	 * Halt without xmlStopParser(): called from a SAX callback it frees the
	 * input buffer that libxml2 2.9 is still reading (use after free). The
	 * parser loops stop at XML_PARSER_EOF, and no callback runs after this.
	 */
	if (r->parser) {
		r->parser->disableSAX = 1;
		r->parser->instate = XML_PARSER_EOF;
	}
}

/* Records a problem; nonzero when the parse must stop (memory, or RC_PROBLEM_CAP reached). */
static int record(struct xml_reader *r, enum load_rule rule, rc_loc loc, const char *message)
{
	/* Whatever the parser makes of a tag cut short, the reason is that the file ends inside it. */
	if (r->tail_open && (loc.line > r->tail.line || (loc.line == r->tail.line && loc.column >= r->tail.column))) {
		loc = r->tail;
		message = "the file ends in the middle of a tag";
		rule = RS_NOT_WELL_FORMED;
	}
	if (problems_add(r->problems, rule, loc.line, loc.column, message) != 0) {
		halt(r, RC_ENOMEM);
		return 1;
	}
	r->invalid = 1;
	return rc_problems_count(r->problems) >= RC_PROBLEM_CAP;
}

void xml_fail(struct xml_reader *r, enum load_rule rule, int status, rc_loc loc, const char *message)
{
	if (r->status)
		return;
	record(r, rule, loc, message);
	if (!r->status)
		halt(r, status);
}

void xml_problem(struct xml_reader *r, enum load_rule rule, rc_loc loc, const char *message)
{
	if (!r->status && record(r, rule, loc, message) && !r->status)
		halt(r, RC_EINVALID);
}

void xml_fail_nomem(struct xml_reader *r)
{
	if (!r->status)
		halt(r, RC_ENOMEM);
}

void *xml_push(struct xml_reader *r, struct vec *v, size_t size)
{
	void *p = vec_push(v, size);

	if (!p)
		xml_fail_nomem(r);
	return p;
}

static void root_message(const struct xml_reader *r, char *out, size_t size)
{
	snprintf(out, size, "the root element must be <%s> in namespace %s", r->format->names[0], r->format->ns);
}

/*
 * libxml2's refusals of names and characters, in rchain's words; 0 when `msg`
 * is none of them. The limit on names is libxml2's XML_MAX_NAME_LENGTH.
 */
/* Nonzero when `msg` starts with `prefix` followed by a number in `base`, which goes to `*out`. */
static int number_after(const char *msg, const char *prefix, int base, unsigned long *out)
{
	size_t n = strlen(prefix);
	char *end;

	if (strncmp(msg, prefix, n) != 0)
		return 0;
	errno = 0;
	*out = strtoul(msg + n, &end, base);
	return end != msg + n && errno == 0;
}

static int character_message(char *out, size_t size, const char *msg)
{
	unsigned long cp;

	if (strncmp(msg, "Name too long", 13) == 0)
		snprintf(out, size,
		         "a name is over %d characters, the longest an element, attribute or entity name may be",
		         XML_MAX_NAME_LENGTH);
	else if (number_after(msg, "Char 0x", 16, &cp) && strstr(msg, " out of allowed range"))
		snprintf(out, size, "character U+%04lX%s is not allowed in XML", cp, cp == 0 ? " (NUL)" : "");
	else if (number_after(msg, "xmlParseCharRef: invalid xmlChar value ", 10, &cp))
		snprintf(out, size, "the character reference to U+%04lX%s names a character XML does not allow", cp,
		         cp == 0 ? " (NUL)" : "");
	else if (strstr(msg, "character reference out of bounds"))
		snprintf(out, size, "the character reference is beyond U+10FFFF, the last Unicode character");
	else
		return 0;
	return 1;
}

/* Rewrites a libxml2 message for people: drop the namespace noise, keep one line. */
static void clean_message(const struct xml_reader *r, char *out, size_t size, const char *msg)
{
	char ns[128];
	size_t nslen, n = 0;

	if (strstr(msg, "No matching global declaration available for the validation root")) {
		root_message(r, out, size);
		return;
	}
	if (strncmp(msg, "Input is not proper UTF-8", 25) == 0 && strstr(msg, "Bytes:")) {
		snprintf(out, size, "the file is not valid UTF-8 (bytes %.14s)", strstr(msg, "Bytes:") + 7);
		return;
	}
	if (character_message(out, size, msg))
		return;
	nslen = (size_t)snprintf(ns, sizeof(ns), "{%s}", r->format->ns);
	while (*msg && n + 1 < size) {
		if (strncmp(msg, ns, nslen) == 0) {
			msg += nslen;
			continue;
		}
		out[n++] = *msg;
		if (*msg++ == '\n')
			out[n - 1] = ' ';
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Line and column of byte `at` of the tag that starts at the tracked place `tag`. */
static rc_loc tag_offset(const struct xml_reader *r, rc_loc tag, size_t at)
{
	size_t i;

	for (i = r->pos_offset; i < at; i++) {
		if (r->data[i] == '\n') {
			tag.line++;
			tag.column = 1;
		} else if ((r->data[i] & 0xC0) != 0x80) {
			tag.column++;
		}
	}
	return tag;
}

/*
 * The place of attribute `name` in the tag at the tracked place `tag`
 * (libxml2 gives only the element's line), or `tag` when it is not written there.
 */
static rc_loc attribute_place(const struct xml_reader *r, rc_loc tag, const char *name)
{
	const unsigned char *d = r->data;
	size_t i = r->pos_offset + 1, n = strlen(name);

	while (i < r->len && !is_space(d[i]) && d[i] != '>' && d[i] != '/')
		i++;
	while (i < r->len && d[i] != '>') {
		size_t start;

		if (is_space(d[i]) || d[i] == '/') {
			i++;
			continue;
		}
		start = i;
		while (i < r->len && !is_space(d[i]) && d[i] != '=' && d[i] != '>')
			i++;
		if (i - start == n && memcmp(d + start, name, n) == 0)
			return tag_offset(r, tag, start);
		while (i < r->len && is_space(d[i]))
			i++;
		if (i < r->len && d[i] == '=') {
			const unsigned char *close;

			for (i++; i < r->len && is_space(d[i]);)
				i++;
			if (i >= r->len || (d[i] != '"' && d[i] != '\''))
				break;
			close = memchr(d + i + 1, d[i], r->len - i - 1);
			if (!close)
				break;
			i = (size_t)(close - d) + 1;
		}
	}
	return tag;
}

static const char *element_name(const struct xml_reader *r, int depth)
{
	return depth >= 0 && depth < r->depth && r->stack[depth] >= 0 ? r->format->names[r->stack[depth]] : NULL;
}

/* A schema-validity error: one problem, in plain words, at the attribute or element it is about. */
static void schema_problem(struct xml_reader *r, const char *msg)
{
	struct schema_vocabulary v = { r->format->ns, r->format->names, r->format->schema };
	struct schema_error x;
	rc_loc loc;

	/* The validator sees an element after the reader has: the element's parent is one below the top. */
	if (schema_error_explain(&v, msg, element_name(r, r->depth - 2), &x) != 0)
		clean_message(r, x.message, sizeof(x.message), msg);
	loc = locate(r);
	if (x.rule == RS_MISSING_ELEMENT && r->closed.line)
		loc = r->closed;
	else if (x.attribute[0])
		loc = attribute_place(r, loc, x.attribute);
	xml_problem(r, x.rule, loc, x.message);
}

static void on_error(void *data, xmlErrorPtr e)
{
	struct xml_reader *r = data;
	char message[1024];
	enum load_rule rule = RS_NOT_WELL_FORMED;
	rc_loc loc;

	if (e->level == XML_ERR_WARNING || r->status)
		return;
	if (e->domain == XML_FROM_SCHEMASV) {
		schema_problem(r, e->message ? e->message : "unknown schema error");
		return;
	}
	/* Fed the whole file at once, the parser calls any early end "Extra content at the end": say what is missing.
	 */
	if (e->domain == XML_FROM_PARSER && e->code == XML_ERR_DOCUMENT_END && r->depth > 0 &&
	    r->stack[r->depth - 1] >= 0)
		snprintf(message, sizeof(message), "the file ends before <%s> is closed",
		         element_name(r, r->depth - 1));
	else if (e->domain == XML_FROM_PARSER && e->code == XML_ERR_DOCUMENT_END && !r->seen_root)
		snprintf(message, sizeof(message), "the file has no <%s> element", r->format->names[0]);
	else if (e->domain == XML_FROM_PARSER && e->code == XML_ERR_DOCUMENT_EMPTY && e->message &&
	         strncmp(e->message, "Document is empty", 17) == 0)
		snprintf(message, sizeof(message), "not an XML %s file: expected the <%s> element here",
		         r->format->kind, r->format->names[0]);
	else if (e->domain == XML_FROM_PARSER && e->code == XML_ERR_INTERNAL_ERROR && e->message &&
	         strstr(e->message, "Huge input lookup")) {
		snprintf(message, sizeof(message), "a comment, tag or other piece of markup is over 10,000,000 bytes");
		rule = RS_LIMIT;
	} else {
		clean_message(r, message, sizeof(message), e->message ? e->message : "unknown XML error");
	}
	loc.file = r->file;
	loc.line = e->line > 0 ? (uint32_t)e->line : 0;
	loc.column = e->int2 > 0 ? (uint32_t)e->int2 : (loc.line ? 1 : 0);
	xml_fail(r, rule, RC_EPARSE, loc, message);
}

/* Called before the internal subset is read, so no entity is ever declared, let alone expanded. */
static void on_doctype(void *data, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	struct xml_reader *r = data;
	char message[128];

	(void)name;
	(void)external_id;
	(void)system_id;
	snprintf(message, sizeof(message), "DOCTYPE declarations are not allowed in %s files", r->format->kind);
	xml_fail(r, RS_NOT_WELL_FORMED, RC_EPARSE, locate(r), message);
}

static void on_start_document(void *data)
{
	struct xml_reader *r = data;
	const char *enc = (const char *)r->parser->encoding;
	rc_loc start = { r->file, 1, 1 };

	if (enc && !encoding_is_utf8(enc, strlen(enc))) {
		char message[512];

		encoding_message(message, sizeof(message), r->format->kind, "the file is in", enc,
		                 strlen(enc) > 64 ? 64 : strlen(enc));
		xml_fail(r, RS_NOT_WELL_FORMED, RC_EPARSE, start, message);
	}
}

static const xmlChar *find_attr(const xmlChar **atts, int count, const char *name, size_t *len)
{
	int i;

	for (i = 0; i < count; i++) {
		const xmlChar **a = atts + (ptrdiff_t)5 * i;

		/* The first letters first: a tag's attributes mostly differ there. */
		if (a[2] == NULL && a[0][0] == (xmlChar)name[0] && strcmp((const char *)a[0], name) == 0) {
			*len = (size_t)(a[4] - a[3]);
			return a[3];
		}
	}
	return NULL;
}

/* What fold_dup() makes of a byte: copied as it is, white space, or one it looks at (below). */
enum { PLAIN, SPACE, SPECIAL };

/* '&' may start "&#38;"; every bidirectional control begins with 0xD8 or 0xE2. */
static const unsigned char byte_class[256] = {
	['\t'] = SPACE,  ['\n'] = SPACE,   ['\r'] = SPACE,   [' '] = SPACE,
	['&'] = SPECIAL, [0xD8] = SPECIAL, [0xE2] = SPECIAL,
};

/*
 * Copies `len` bytes folding white space. In attribute values the parser
 * leaves '&' as "&#38;" (it does not substitute entities for SAX); undo that.
 * Runs of plain bytes and single spaces are copied whole: most text is nothing else.
 */
static const char *fold_dup(struct xml_reader *r, const char *s, size_t len, int attribute)
{
	char *out = arena_alloc_text(r->arena, len + 1);
	size_t i = 0, n = 0;
	int space = 0, lead = 0;
	uint32_t bidi = 0;

	if (!out) {
		xml_fail_nomem(r);
		return NULL;
	}
	while (i < len) {
		char c = s[i];
		unsigned char kind = byte_class[(unsigned char)c];

		if (kind == SPACE) {
			space = n > 0;
			i++;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		if (kind == PLAIN) {
			/* A run goes on over single spaces between plain bytes, which stay as they are. */
			size_t end = i + 1;

			while (end < len &&
			       (byte_class[(unsigned char)s[end]] == PLAIN ||
			        (s[end] == ' ' && end + 1 < len && byte_class[(unsigned char)s[end + 1]] == PLAIN)))
				end++;
			memcpy(out + n, s + i, end - i);
			n += end - i;
			i = end;
			continue;
		}
		if (attribute && c == '&' && len - i >= 5 && memcmp(s + i, "&#38;", 5) == 0)
			i += 4;
		/* Search only text that has a lead byte of a bidirectional control. */
		lead |= c == '\xD8' || c == '\xE2';
		out[n++] = c;
		i++;
	}
	out[n] = '\0';
	arena_trim(r->arena, len - n); /* the white space folded away */
	if (lead)
		bidi = bidi_find(out);
	if (bidi) {
		char message[160];

		snprintf(message, sizeof(message), BIDI_MESSAGE, (unsigned)bidi);
		xml_problem(r, RS_BIDI_CONTROL, locate(r), message);
		return NULL;
	}
	return out;
}

const char *xml_attr_text(struct xml_reader *r, const xmlChar **atts, int natts, const char *name)
{
	size_t len;
	const xmlChar *v = find_attr(atts, natts, name, &len);

	return v ? fold_dup(r, (const char *)v, len, 1) : NULL;
}

int xml_attr_enum(const xmlChar **atts, int natts, const char *name, const char *const *names, int dflt)
{
	size_t len;
	const xmlChar *v = find_attr(atts, natts, name, &len);
	int i = v ? name_index(names, (const char *)v, len) : -1;

	return i < 0 ? dflt : i;
}

/*
 * The format's element called `localname`, or the index of the names' NULL.
 * libxml2 gives every name from its dictionary, one pointer per name, so
 * each name is compared as text once and then by its pointer.
 */
static int element_of(struct xml_reader *r, const xmlChar *localname)
{
	const char *const *names = r->format->names;
	int e;

	for (e = 0; e < MAX_ELEMENTS && names[e]; e++)
		if (r->interned[e] == localname)
			return e;
	for (e = 0; names[e]; e++)
		if (strcmp((const char *)localname, names[e]) == 0)
			break;
	if (e < MAX_ELEMENTS && names[e])
		r->interned[e] = localname;
	return e;
}

static void on_start(void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	struct xml_reader *r = data;
	const char *const *names = r->format->names;
	rc_loc loc;
	int e;

	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (r->status)
		return;
	loc = locate(r);
	e = element_of(r, localname);
	if (!names[e] || !uri || strcmp((const char *)uri, r->format->ns) != 0 || (r->depth > 0 && e == 0))
		e = UNKNOWN;
	/* In a file already refused, nesting past the limit only ends the search for more problems. */
	if (r->depth == MAX_DEPTH && r->invalid) {
		halt(r, RC_EINVALID);
		return;
	}
	if (r->depth == MAX_DEPTH || (r->depth == 0 && e != 0) || (e == UNKNOWN && !r->has_schema)) {
		char message[256];

		if (r->depth == MAX_DEPTH)
			snprintf(message, sizeof(message), "elements nest more than %d deep", MAX_DEPTH);
		else if (r->depth == 0)
			root_message(r, message, sizeof(message));
		else
			snprintf(message, sizeof(message), "unexpected element <%.64s>", (const char *)localname);
		xml_fail(r,
		         r->depth == MAX_DEPTH ? RS_LIMIT
		         : r->depth == 0       ? RS_WRONG_ROOT
		                               : RS_UNKNOWN_ELEMENT,
		         RC_EINVALID, loc, message);
		return;
	}
	/* The validator reports an unknown element just after this; should it not, the end of the parse does. */
	if (e == UNKNOWN && !r->unknown_seen) {
		r->unknown_seen = 1;
		r->unknown_loc = loc;
		snprintf(r->unknown_name, sizeof(r->unknown_name), "%s", (const char *)localname);
	}
	if (e != UNKNOWN && !r->invalid)
		r->format->start(r, e, r->depth ? r->stack[r->depth - 1] : -1, loc, attributes, nb_attributes);
	r->seen_root = 1;
	r->stack_loc[r->depth] = loc;
	r->stack[r->depth++] = e;
	r->text.len = 0;
}

static void on_chars(void *data, const xmlChar *ch, int len)
{
	struct xml_reader *r = data;

	if (r->status || r->invalid || r->depth == 0 || r->stack[r->depth - 1] == UNKNOWN ||
	    !(r->format->text_elems & 1ul << r->stack[r->depth - 1]))
		return;
	if (buffer_append(&r->text, (const char *)ch, (size_t)len))
		xml_fail_nomem(r);
}

static void on_end(void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	struct xml_reader *r = data;
	const char *text = NULL;
	int e;

	(void)localname;
	(void)prefix;
	(void)uri;
	if (r->status || r->depth == 0)
		return;
	e = r->stack[--r->depth];
	r->closed = r->stack_loc[r->depth];
	if (r->invalid || e == UNKNOWN)
		return;
	if (r->format->text_elems & 1ul << e) {
		text = fold_dup(r, r->text.data ? r->text.data : "", r->text.len, 0);
		r->text.len = 0;
		if (!text)
			return;
	}
	r->format->end(r, e, r->depth ? r->stack[r->depth - 1] : -1, text);
}

static xmlParserInputPtr deny_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static int is_blank(const unsigned char *d, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (d[i] != ' ' && d[i] != '\t' && d[i] != '\r' && d[i] != '\n')
			return 0;
	return 1;
}

/* Line and column (in characters) of byte `at`, counting from byte `from` at line 1, column 1. */
static rc_loc place_of(const struct xml_reader *r, size_t from, size_t at)
{
	rc_loc loc = { r->file, 1, 1 };
	size_t i;

	for (i = from; i < at; i++) {
		if (r->data[i] == '\n') {
			loc.line++;
			loc.column = 1;
		} else if ((r->data[i] & 0xC0) != 0x80) {
			loc.column++;
		}
	}
	return loc;
}

/* Offset just past the first `end` at or after `i`, or `len`. */
static size_t skip_past(const unsigned char *d, size_t len, size_t i, const char *end)
{
	size_t n = strlen(end);

	while (i + n <= len) {
		const unsigned char *p = memchr(d + i, end[0], len - i);

		if (!p)
			break;
		i = (size_t)(p - d);
		if (i + n <= len && memcmp(p, end, n) == 0)
			return i + n;
		i++;
	}
	return len;
}

/* The bytes of a tag that crowded_tag() looks at; it passes over the others in a tight loop. */
static const unsigned char tag_stop[256] = { ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1, ['='] = 1 };

/*
 * One linear pass before parsing: the offset of the first start tag with more
 * than MAX_ATTRIBUTES attributes (namespace declarations included), or `len`.
 * Comments, CDATA sections, processing instructions and declarations are
 * skipped; '=' is counted outside quoted values.
 */
static size_t crowded_tag(const unsigned char *d, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const unsigned char *lt = memchr(d + i, '<', len - i);
		size_t tag, count = 0;

		if (!lt)
			break;
		tag = (size_t)(lt - d);
		i = tag + 1;
		if (len - i >= 3 && memcmp(d + i, "!--", 3) == 0) {
			i = skip_past(d, len, i + 3, "-->");
			continue;
		}
		if (len - i >= 8 && memcmp(d + i, "![CDATA[", 8) == 0) {
			i = skip_past(d, len, i + 8, "]]>");
			continue;
		}
		if (i < len && d[i] == '?') {
			i = skip_past(d, len, i + 1, "?>");
			continue;
		}
		if (i < len && (d[i] == '!' || d[i] == '/'))
			continue;
		/* A quoted value is passed over whole: its closing quote found by memchr. */
		for (; i < len; i++) {
			if (!tag_stop[d[i]])
				continue;
			if (d[i] == '>' || d[i] == '<')
				break;
			if (d[i] == '"' || d[i] == '\'') {
				const unsigned char *close = memchr(d + i + 1, d[i], len - i - 1);

				if (!close) {
					i = len;
					break;
				}
				i = (size_t)(close - d);
			} else if (++count > MAX_ATTRIBUTES) { /* an '=' */
				return tag;
			}
		}
	}
	return len;
}

/* Notes a last '<' with no '>' after it, unless it opens a comment, declaration or processing instruction. */
static void find_open_tail(struct xml_reader *r, size_t from)
{
	size_t i = r->len;

	while (i > from && r->data[i - 1] != '<' && r->data[i - 1] != '>')
		i--;
	if (i > from && r->data[i - 1] == '<' && (i >= r->len || (r->data[i] != '!' && r->data[i] != '?'))) {
		r->tail_open = 1;
		r->tail = place_of(r, from, i - 1);
	}
}

enum { CHUNK = 64 * 1024 };

/*
 * Gives back the whole pages of input before the tracked place: places only
 * move forward, and libxml2 keeps its own copy of input it has not finished
 * with, so nothing reads them again. The file and the model built from it
 * are then not both resident at the peak of a large load.
 */
static void release_parsed(struct xml_reader *r, size_t page)
{
	size_t start = (uintptr_t)r->data % page; /* where the input begins in its first page */
	size_t from = (start + r->released + page - 1) / page * page, to = (start + r->pos_offset) / page * page;

	if (to > from && madvise((void *)(r->data + (from - start)), to - from, MADV_DONTNEED) == 0)
		r->released = to - start;
}

/*
 * Feeds the file to the push parser a chunk at a time. Given more than
 * 10,000,000 bytes at once, libxml2 2.9 refuses the input ("Huge input
 * lookup") unless XML_PARSE_HUGE, which would lift its other limits too.
 */
static void feed(struct xml_reader *r)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t off = 0;

	do {
		size_t n = r->len - off < CHUNK ? r->len - off : CHUNK;

		off += n;
		xmlParseChunk(r->parser, (const char *)r->data + off - n, (int)n, off == r->len);
		if (r->release)
			release_parsed(r, page);
	} while (off < r->len && !r->status);
}

static int parse(struct xml_reader *r, xmlSchemaPtr schema)
{
	xmlSAXHandler sax;
	xmlSAXHandlerPtr saxp = &sax;
	void *user = r;
	xmlSchemaValidCtxtPtr valid = NULL;
	xmlSchemaSAXPlugPtr plug = NULL;
	xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
	rc_loc start = { r->file, 1, 1 };
	size_t bom = r->len >= 3 && memcmp(r->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t crowded, declared;
	char message[512];

	if (is_blank(r->data + bom, r->len - bom)) {
		xml_fail(r, RS_NOT_WELL_FORMED, RC_EPARSE, start, "the file is empty");
		return r->status;
	}
	if ((declared = encoding_refusal(r->data, r->len, bom, r->format->kind, message, sizeof(message))) < r->len) {
		xml_fail(r, RS_NOT_WELL_FORMED, RC_EPARSE, place_of(r, bom, declared), message);
		return r->status;
	}
	crowded = crowded_tag(r->data, r->len);
	if (crowded < r->len) {
		snprintf(message, sizeof(message), "a tag has more than %d attributes", MAX_ATTRIBUTES);
		xml_fail(r, RS_LIMIT, RC_ELIMIT, place_of(r, bom, crowded), message);
		return r->status;
	}
	find_open_tail(r, bom);
	r->pos_offset = bom; /* the byte order mark takes no column */
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startDocument = on_start_document;
	sax.internalSubset = on_doctype;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_chars;
	sax.cdataBlock = on_chars;

	r->has_schema = schema != NULL;
	if (schema) {
		valid = xmlSchemaNewValidCtxt(schema);
		if (!valid)
			goto nomem;
		xmlSchemaSetValidStructuredErrors(valid, on_error, r);
		plug = xmlSchemaSAXPlug(valid, &saxp, &user);
		if (!plug)
			goto nomem;
	}
	r->parser = xmlCreatePushParserCtxt(saxp, user, NULL, 0, r->file);
	if (!r->parser)
		goto nomem;
	xmlCtxtUseOptions(r->parser, XML_PARSE_NONET);
	xmlSetExternalEntityLoader(deny_entities);
	xmlSetStructuredErrorFunc(r, on_error);
	feed(r);
	if (!r->status && !r->parser->wellFormed)
		xml_fail(r, RS_NOT_WELL_FORMED, RC_EPARSE, start, "the file is not well-formed XML");
	if (!r->status && !r->invalid && r->unknown_seen) {
		snprintf(message, sizeof(message), "unexpected element <%s>", r->unknown_name);
		xml_problem(r, RS_UNKNOWN_ELEMENT, r->unknown_loc, message);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(old_loader);
	goto done;
nomem:
	halt(r, RC_ENOMEM);
done:
	if (r->parser)
		xmlFreeParserCtxt(r->parser);
	if (plug)
		xmlSchemaSAXUnplug(plug);
	if (valid)
		xmlSchemaFreeValidCtxt(valid);
	return r->status;
}

/* The status and message of a parse that recorded problems: the first of them in file order. */
static int first_problem(struct xml_reader *r)
{
	const rc_finding *f;

	if (r->status == RC_ENOMEM || rc_problems_count(r->problems) == 0)
		return r->status;
	problems_sort(r->problems);
	f = rc_problems_at(r->problems, 0);
	return error_set_at(r->err, r->status ? r->status : RC_EINVALID, r->file, f->loc.line, f->loc.column, "%s",
	                    f->message);
}

int xml_read(const struct xml_format *format, xmlSchemaPtr schema, const char *file, const char *data, size_t len,
             int release, struct arena *arena, void *user, rc_problems *problems, rc_error *err)
{
	struct xml_reader r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.format = format;
	r.user = user;
	r.arena = arena;
	r.file = file;
	r.data = (const unsigned char *)data;
	r.len = len;
	r.release = release;
	r.pos_line = 1;
	r.pos_column = 1;
	r.err = err;
	r.problems = problems;
	parse(&r, schema);
	rc = first_problem(&r);
	rc_buffer_free(&r.text);
	return rc;
}
