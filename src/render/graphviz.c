/* What drawing with Graphviz 2.42 takes: deterministic ids, closing after layout, one context, its messages, label
 * escaping. */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/idmap.h"
#include "base/vec.h"
#include "render/graphviz.h"
#include "rchain/model.h"

static char message[512];

/* Graphviz hands its messages here instead of printing them; it may send a message in pieces. */
static int keep_message(char *text)
{
	size_t used = strlen(message);

	snprintf(message + used, sizeof(message) - used, "%s", text);
	return 0;
}

/*
 * Object ids in creation order. cgraph orders subgraphs by id, and by default
 * a named object's id is the address of its name, so the DOT text (and the
 * order dot stacks clusters in) would follow the allocator. Here a named
 * object gets the next even number and an anonymous one the next odd number,
 * as in cgraph. (Declining to map names would also number them in order, but
 * cgraph 2.42 never frees its own name map, so every render would leak.)
 * A name that cannot be recorded for want of memory is not declined either:
 * the object gets an odd id, which the builder takes for the failure it is
 * (graphviz_named). The state also keeps dot's fill subgraph (see graphviz_close).
 */
struct id_state {
	Agraph_t *g;         /* names are its refcounted strings: cgraph reads their header */
	struct idmap ids;    /* name -> index into `by_index` */
	struct vec by_index; /* const char *, in creation order */
	IDTYPE anonymous;
	Agraph_t *fill;    /* the subgraph named FILL_SUBGRAPH, from its creation until it is closed */
	size_t fill_attrs; /* how many graph attributes there were when it was created */
};

/* The subgraph dot puts the nodes in that fill a cluster's empty ranks when newrank=true (Graphviz 2.42). */
#define FILL_SUBGRAPH "_new_rank"

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	struct id_state *st = rc_calloc(1, sizeof(*st));

	(void)disc;
	if (st) {
		st->g = g;
		st->anonymous = 1;
	}
	return st;
}

/* The parameter types are cgraph's Agiddisc_t.map. */
/* cppcheck-suppress constParameter */
static long ids_map(void *state, int objtype, char *str, /* NOLINT(readability-non-const-parameter) */
                    IDTYPE *id, int createflag)
{
	struct id_state *st = state;
	const char **slot;
	char *copy;
	size_t i;

	(void)objtype;
	if (!st) /* its allocation failed in ids_open: cgraph then fails to open the graph */
		return 0;
	if (!str) {
		*id = st->anonymous;
		st->anonymous += 2;
		return 1;
	}
	i = idmap_get(&st->ids, str);
	if (i != RC_NONE) {
		*id = (IDTYPE)(i + 1) * 2;
		return 1;
	}
	if (!createflag)
		return 0;
	/* The copy is freed with the graph's string table. */
	copy = idmap_reserve(&st->ids, st->by_index.len + 1) == 0 ? agstrdup(st->g, str) : NULL;
	slot = copy ? vec_push(&st->by_index, sizeof(*slot)) : NULL;
	if (!slot) {
		if (copy)
			agstrfree(st->g, copy);
		*id = st->anonymous;
		st->anonymous += 2;
		return 1;
	}
	*slot = copy;
	idmap_put(&st->ids, copy, st->by_index.len - 1);
	*id = (IDTYPE)st->by_index.len * 2;
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 1;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	struct id_state *st = state;

	if (st && st->fill && objtype == AGRAPH && AGID(st->fill) == id)
		st->fill = NULL;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	struct id_state *st = state;

	(void)objtype;
	if (!st || id % 2 != 0 || id == 0 || id / 2 > st->by_index.len)
		return NULL;
	return (char *)((const char **)st->by_index.data)[id / 2 - 1];
}

static void ids_close(void *state)
{
	struct id_state *st = state;

	if (!st)
		return;
	idmap_free(&st->ids);
	vec_free(&st->by_index);
	rc_free(st);
}

static size_t graph_attributes(Agraph_t *g)
{
	Agsym_t *sym = NULL;
	size_t n = 0;

	while ((sym = agnxtattr(g, AGRAPH, sym)) != NULL)
		n++;
	return n;
}

static void ids_register(void *state, int objtype, void *obj)
{
	struct id_state *st = state;
	const char *name;

	if (!st || objtype != AGRAPH)
		return;
	name = ids_print(st, objtype, AGID((Agraph_t *)obj));
	if (name && strcmp(name, FILL_SUBGRAPH) == 0) {
		st->fill = obj;
		st->fill_attrs = graph_attributes(st->g);
	}
}

static Agiddisc_t creation_order_ids = { ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register };
static Agdisc_t graph_discipline = { &AgMemDisc, &creation_order_ids, &AgIoDisc };

Agraph_t *graphviz_open(const char *name)
{
	message[0] = '\0';
	return agopen((char *)name, Agdirected, &graph_discipline); /* cgraph copies it */
}

/*
 * The id discipline numbers names 2, 4, 6...; an odd id, or 0 (no discipline
 * state), means it could not record the name.
 */
int graphviz_named(const void *obj)
{
	return obj && AGID(obj) != 0 && AGID(obj) % 2 == 0;
}

/*
 * Closes a graph. After layout, dot takes its fill subgraph out of the root's
 * list of subgraphs (agdelsubg) without closing it, and the subgraph's
 * attribute dictionaries still view the root's: agclose(root) then stops half
 * way and the whole graph leaks, 4 of the library's allocations with it.
 * Closing the fill subgraph first ends those views. A graph attribute declared
 * after the subgraph was unlinked would be missing from its attribute record,
 * and closing it would read past the record's end (graph.c's declare_defaults
 * declares the one gvLayout adds); then the graph is left to leak instead.
 */
void graphviz_close(Agraph_t *g)
{
	struct id_state *st = g->clos->state.id;

	if (st && st->fill && graph_attributes(g) == st->fill_attrs)
		agclose(st->fill);
	agclose(g);
}

GVC_t *graphviz_context(void)
{
	static GVC_t *gvc;

	if (!gvc) {
		agseterrf(keep_message);
		gvc = gvContext();
	}
	return gvc;
}

const char *graphviz_message(void)
{
	return message;
}

/* Appends `s` escaped for an HTML-like label: markup characters and the backslash escapes of Graphviz. */
static int escape_html(rc_buffer *out, const char *s, size_t len)
{
	static const char *const escapes[ESCAPE_TABLE_SIZE] = {
		['&'] = "&amp;",
		['<'] = "&lt;",
		['>'] = "&gt;",
		['"'] = "&quot;",
		/* Graphviz decodes entities and then expands \N, \G...: only a doubled backslash stays one. */
		['\\'] = "\\\\",
	};

	return buffer_escape(out, s, len, escapes);
}

static size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Byte length of the first `chars` characters of `s`. */
static size_t utf8_prefix(const char *s, size_t chars)
{
	size_t i = 0;

	while (s[i] && chars > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars--;
	}
	return i;
}

/*
 * Appends `text` escaped and wrapped at word boundaries to `width` characters,
 * lines joined by <BR/>. With `max_lines` (0: no limit) the text is cut after
 * that many lines and ends in an ellipsis. Text with nothing to show (empty,
 * or only spaces) gives one space: Graphviz rejects an empty <B></B>,
 * <FONT></FONT> or label, and then draws the object's name instead.
 */
int graphviz_wrap_html(rc_buffer *out, const char *text, size_t width, size_t max_lines)
{
	size_t line = 0, lines = 1;
	int rc = 0;

	text += strspn(text, " ");
	if (!*text)
		return buffer_puts(out, " ");
	while (*text && !rc) {
		size_t word = strcspn(text, " ");
		size_t chars = utf8_length(text, word);

		if (line > 0 && line + 1 + chars > width) {
			if (lines == max_lines)
				return buffer_puts(out, " …");
			rc = buffer_puts(out, "<BR/>");
			lines++;
			line = 0;
		} else if (line > 0) {
			rc = buffer_puts(out, " ");
			line++;
		}
		while (!rc && chars > width) { /* a word longer than a line is split */
			size_t cut = utf8_prefix(text, width);

			rc = escape_html(out, text, cut);
			if (!rc && lines == max_lines)
				return buffer_puts(out, "…");
			if (!rc)
				rc = buffer_puts(out, "<BR/>");
			lines++;
			text += cut;
			word -= cut;
			chars -= width;
		}
		if (!rc)
			rc = escape_html(out, text, word);
		line += chars;
		text += word;
		text += strspn(text, " ");
	}
	return rc;
}

/*
 * Escapes a plain (non-HTML) Graphviz string such as a tooltip: only the
 * backslash is special, and a tooltip is unescaped twice (once as a string,
 * once for \N and friends), so each backslash becomes four.
 */
int graphviz_escape_plain(rc_buffer *out, const char *s)
{
	static const char *const escapes[ESCAPE_TABLE_SIZE] = {
		['\\'] = "\\\\\\\\", ['&'] = "&amp;", /* Graphviz keeps "&lt;" and friends as entities */
	};

	return buffer_escape(out, s, strlen(s), escapes);
}
