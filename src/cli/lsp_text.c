/*
 * rchain lsp: a document's text as the editor sees it. Positions: LSP lines
 * and characters (UTF-16 code units, or code points when negotiated), the
 * library's locations (1-based line, column in code points) and byte offsets.
 * Tags and attributes: a forgiving scan that finds every tag and attribute of
 * a half-typed document, with their byte offsets. It checks nothing (the
 * library does): it only says where things are, for completion, hover,
 * navigation and edits.
 */
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

/* The index of the first line of `d` that starts after byte `off`. */
static size_t line_after(const struct lsp_doc *d, size_t off)
{
	size_t lo = 0, hi = d->line_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->lines[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Makes room for `n` items of `size` bytes in `*items`, of capacity `*cap`; -1 when out of memory. */
static int reserve(void **items, size_t *cap, size_t n, size_t size)
{
	size_t want = n > 2 * *cap ? n : 2 * *cap;
	void *grown;

	if (n <= *cap)
		return 0;
	if (!(grown = realloc(*items, want * size)))
		return -1;
	*items = grown;
	*cap = want;
	return 0;
}

int lsp_doc_splice(struct lsp_doc *d, size_t start, size_t end, const char *with, size_t len)
{
	size_t size = d->len - (end - start) + len, first, last, added = 0, count, i, j;

	if (!d->lines) { /* an empty document: one line */
		if (!(d->lines = malloc(sizeof(*d->lines))))
			return -1;
		d->line_cap = 1;
		d->lines[0] = 0;
		d->line_count = 1;
	}
	/* Lines that start in the bytes replaced go, the new text's come, and the later ones move. */
	first = line_after(d, start);
	last = line_after(d, end);
	for (i = 0; i < len; i++)
		added += with[i] == '\n';
	count = d->line_count - (last - first) + added;
	if (reserve((void **)&d->lines, &d->line_cap, count, sizeof(*d->lines)) != 0 ||
	    reserve((void **)&d->text, &d->cap, size + 1, 1) != 0)
		return -1;
	memmove(d->text + start + len, d->text + end, d->len - end);
	memcpy(d->text + start, with, len);
	d->text[size] = '\0';
	d->len = size;
	d->dirty = true;
	memmove(d->lines + first + added, d->lines + last, (d->line_count - last) * sizeof(*d->lines));
	for (j = first + added; j < count; j++)
		d->lines[j] = d->lines[j] + len - (end - start); /* unsigned: the sum wraps back into range */
	for (i = 0, j = first; i < len; i++)
		if (with[i] == '\n')
			d->lines[j++] = start + i + 1;
	d->line_count = count;
	return 0;
}

/* The end of line `line` of `d`, before its '\n' (and a '\r' before that). */
static size_t line_end(const struct lsp_doc *d, size_t line)
{
	size_t end = line + 1 < d->line_count ? d->lines[line + 1] - 1 : d->len;

	if (end > d->lines[line] && d->text[end - 1] == '\r' && line + 1 < d->line_count)
		end--;
	return end;
}

/* How many position units the character starting at byte `c` counts for: a code point beyond U+FFFF is two in UTF-16.
 */
static unsigned units(const struct lsp_server *sv, unsigned char c)
{
	return !sv->utf32 && c >= 0xF0 ? 2 : 1;
}

/* Advances `off` over `count` characters (code points, or units when `sv` is given) up to `end`. */
static size_t advance(const struct lsp_server *sv, const char *text, size_t off, size_t end, size_t count)
{
	size_t done = 0;

	while (off < end && done < count) {
		done += sv ? units(sv, (unsigned char)text[off]) : 1;
		off++;
		while (off < end && ((unsigned char)text[off] & 0xC0) == 0x80)
			off++;
	}
	return off;
}

long lsp_position_offset(const struct lsp_server *sv, const struct lsp_doc *d, const json_t *pos)
{
	json_t *line = json_object_get(pos, "line"), *ch = json_object_get(pos, "character");
	size_t l;

	if (!json_is_integer(line) || !json_is_integer(ch) || json_integer_value(line) < 0 ||
	    json_integer_value(ch) < 0)
		return -1;
	l = (size_t)json_integer_value(line);
	if (l >= d->line_count)
		return (long)d->len;
	return (long)advance(sv, d->text, d->lines[l], line_end(d, l), (size_t)json_integer_value(ch));
}

void lsp_position(const struct lsp_server *sv, const struct lsp_doc *d, size_t off, size_t *line, size_t *character)
{
	size_t lo = 0, hi = d->line_count, i, ch = 0;

	if (off > d->len)
		off = d->len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (i = d->lines[lo]; i < off; i++)
		if (((unsigned char)d->text[i] & 0xC0) != 0x80)
			ch += units(sv, (unsigned char)d->text[i]);
	*line = lo;
	*character = ch;
}

json_t *lsp_position_json(const struct lsp_server *sv, const struct lsp_doc *d, size_t off)
{
	size_t line, ch;

	lsp_position(sv, d, off, &line, &ch);
	return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)ch);
}

json_t *lsp_range_json(const struct lsp_server *sv, const struct lsp_doc *d, size_t start, size_t end)
{
	return json_pack("{s:o,s:o}", "start", lsp_position_json(sv, d, start), "end", lsp_position_json(sv, d, end));
}

json_t *lsp_location_json(const struct lsp_server *sv, const struct lsp_doc *d, size_t start, size_t end)
{
	return json_pack("{s:s,s:o}", "uri", d->uri, "range", lsp_range_json(sv, d, start, end));
}

size_t lsp_loc_offset(const struct lsp_doc *d, rc_loc loc)
{
	size_t line = loc.line ? loc.line - 1 : 0;

	if (line >= d->line_count)
		return d->len;
	return advance(NULL, d->text, d->lines[line], line_end(d, line), loc.column ? loc.column - 1 : 0);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Nonzero for a byte that can be part of an element or attribute name as the scan sees it. */
static int is_name(char c)
{
	return c && !is_space(c) && !strchr("<>/='\"", c);
}

/* The offset just past the first `marker` at or after `from`, or the end of the text. */
static size_t skip_past(const struct lsp_doc *d, size_t from, const char *marker)
{
	size_t n = strlen(marker);

	for (; from + n <= d->len; from++)
		if (memcmp(d->text + from, marker, n) == 0)
			return from + n;
	return d->len;
}

static int grow(void **items, size_t *cap, size_t count, size_t size)
{
	void *grown;

	if (count < *cap)
		return 0;
	grown = realloc(*items, (*cap ? *cap * 2 : 64) * size);
	if (!grown)
		return -1;
	*items = grown;
	*cap = *cap ? *cap * 2 : 64;
	return 0;
}

/* Scans the attributes of the start tag `tag` from `i`; returns the offset where the tag ends. */
static size_t scan_attributes(struct lsp_text *t, size_t *cap, const struct lsp_doc *d, struct lsp_tag *tag, size_t i)
{
	const char *s = d->text;

	tag->kind = LSP_TAG_OPEN;
	for (;;) {
		struct lsp_attr a = { 0 };

		while (i < d->len && is_space(s[i]))
			i++;
		if (i >= d->len || s[i] == '<')
			return i;
		if (s[i] == '>')
			return i + 1;
		if (s[i] == '/') {
			if (i + 1 < d->len && s[i + 1] == '>') {
				tag->kind = LSP_TAG_EMPTY;
				return i + 2;
			}
			i++;
			continue;
		}
		a.tag = t->tag_count;
		a.name = i;
		while (i < d->len && is_name(s[i]))
			i++;
		a.name_len = i - a.name;
		while (i < d->len && is_space(s[i]))
			i++;
		if (i < d->len && s[i] == '=') {
			i++;
			while (i < d->len && is_space(s[i]))
				i++;
		}
		a.value = i;
		if (i < d->len && (s[i] == '"' || s[i] == '\'')) {
			char quote = s[i++];

			a.value = i;
			while (i < d->len && s[i] != quote && s[i] != '<')
				i++;
			a.value_len = i - a.value;
			if (i < d->len && s[i] == quote)
				i++;
		}
		if (a.name_len == 0 && a.value_len == 0 && i == a.name)
			i++; /* a stray quote or '=': step over it */
		if (a.name_len == 0)
			continue;
		if (grow((void **)&t->attrs, cap, t->attr_count, sizeof(a)) != 0)
			return (size_t)-1;
		t->attrs[t->attr_count++] = a;
		tag->attr_count++;
	}
}

int lsp_text_scan(struct lsp_text *t, const struct lsp_doc *d)
{
	size_t i = 0, tag_cap = 0, attr_cap = 0;
	const char *s = d->text;

	memset(t, 0, sizeof(*t));
	while (i < d->len) {
		struct lsp_tag tag = { 0 };

		if (s[i] != '<') {
			i++;
			continue;
		}
		if (d->len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			i = skip_past(d, i + 4, "-->");
			continue;
		}
		if (d->len - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
			i = skip_past(d, i + 9, "]]>");
			continue;
		}
		if (d->len - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!')) {
			i = skip_past(d, i + 2, ">");
			continue;
		}
		tag.start = i++;
		if (i < d->len && s[i] == '/') {
			tag.kind = LSP_TAG_CLOSE;
			i++;
		}
		tag.name = i;
		while (i < d->len && is_name(s[i]))
			i++;
		tag.name_len = i - tag.name;
		tag.attr = t->attr_count;
		if (tag.kind == LSP_TAG_CLOSE) {
			while (i < d->len && s[i] != '>' && s[i] != '<')
				i++;
			i += i < d->len && s[i] == '>';
		} else if ((i = scan_attributes(t, &attr_cap, d, &tag, i)) == (size_t)-1) {
			lsp_text_free(t);
			return -1;
		}
		tag.end = i;
		if (grow((void **)&t->tags, &tag_cap, t->tag_count, sizeof(tag)) != 0) {
			lsp_text_free(t);
			return -1;
		}
		t->tags[t->tag_count++] = tag;
	}
	return 0;
}

void lsp_text_free(struct lsp_text *t)
{
	free(t->tags);
	free(t->attrs);
	memset(t, 0, sizeof(*t));
}

const struct lsp_tag *lsp_tag_at(const struct lsp_text *t, size_t off)
{
	size_t lo = 0, hi = t->tag_count;

	/* The last tag starting at or before `off`. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->tags[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || off >= t->tags[lo - 1].end)
		return NULL;
	return &t->tags[lo - 1];
}

const struct lsp_attr *lsp_attr_at(const struct lsp_text *t, size_t off)
{
	const struct lsp_tag *tag = lsp_tag_at(t, off);
	size_t i;

	if (!tag && t->tag_count && off == t->tags[t->tag_count - 1].end)
		tag = &t->tags[t->tag_count - 1];
	for (i = 0; tag && i < tag->attr_count; i++) {
		const struct lsp_attr *a = &t->attrs[tag->attr + i];

		if (a->value <= off && off <= a->value + a->value_len)
			return a;
	}
	return NULL;
}

static int span_is(const struct lsp_doc *d, size_t off, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(d->text + off, word, len) == 0;
}

int lsp_attr_is(const struct lsp_doc *d, const struct lsp_text *t, const struct lsp_attr *a, const char *element,
                const char *name)
{
	const struct lsp_tag *tag = &t->tags[a->tag];

	return span_is(d, a->name, a->name_len, name) && (!element || span_is(d, tag->name, tag->name_len, element));
}

int lsp_attr_holds_ids(const struct lsp_doc *d, const struct lsp_text *t, const struct lsp_attr *a)
{
	const struct lsp_tag *tag = &t->tags[a->tag];

	if (span_is(d, a->name, a->name_len, "id"))
		return !span_is(d, tag->name, tag->name_len, "model");
	return lsp_attr_is(d, t, a, "link", "from") || lsp_attr_is(d, t, a, "link", "to") ||
	       lsp_attr_is(d, t, a, "influence", "on") || lsp_attr_is(d, t, a, "step", "strand") ||
	       lsp_attr_is(d, t, a, "step", "partners") || lsp_attr_is(d, t, a, "step", "column") ||
	       lsp_attr_is(d, t, a, "strand", "group");
}

void lsp_word_at(const struct lsp_doc *d, const struct lsp_attr *a, size_t off, size_t *start, size_t *end)
{
	size_t s = off, e = off;

	while (s > a->value && !is_space(d->text[s - 1]))
		s--;
	while (e < a->value + a->value_len && !is_space(d->text[e]))
		e++;
	*start = s;
	*end = e;
}

const struct lsp_tag *lsp_closing_tag(const struct lsp_text *t, const struct lsp_tag *open)
{
	size_t i, depth = 0;

	if (open->kind != LSP_TAG_OPEN)
		return NULL;
	for (i = (size_t)(open - t->tags) + 1; i < t->tag_count; i++) {
		if (t->tags[i].kind == LSP_TAG_OPEN)
			depth++;
		else if (t->tags[i].kind == LSP_TAG_CLOSE && depth-- == 0)
			return &t->tags[i];
	}
	return NULL;
}

const struct lsp_tag *lsp_enclosing_tag(const struct lsp_text *t, const struct lsp_tag *tag)
{
	size_t i = (size_t)(tag - t->tags), depth = 0;

	while (i-- > 0) {
		if (t->tags[i].kind == LSP_TAG_CLOSE)
			depth++;
		else if (t->tags[i].kind == LSP_TAG_OPEN && depth-- == 0)
			return &t->tags[i];
	}
	return NULL;
}
