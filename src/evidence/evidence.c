/* Evidence bases: loading the embedded default and users' files, look-ups, applicability, citations. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rchain/evidence.h"

#include "base/alloc.h"
#include "base/buffer.h"
#include "model/context.h"
#include "data/embedded.h"
#include "base/error.h"
#include "base/file.h"
#include "base/idmap.h"
#include "model/internal.h"
#include "rchain/schema.h"
#include "base/vec.h"
#include "evidence/refs.h"
#include "evidence/word_index.h"
#include "model/xml_read.h"

/* Where an entry's cites and conditions sit in the shared arrays (pointers are set once a file is in). */
struct span {
	size_t cite_first, cite_count;
	size_t alias_first, alias_count;
	size_t cond_first, cond_count;
};

struct rc_evidence_base {
	struct arena arena;
	struct vec sources;      /* rc_source */
	struct vec entries;      /* rc_entry */
	struct vec spans;        /* struct span, one per entry */
	struct vec cites;        /* rc_cite */
	struct vec aliases;      /* const char *, the ids of <alias> */
	struct vec conditions;   /* rc_condition */
	struct idmap ids;        /* entry and source ids -> index (sources offset by SOURCE_BIT) */
	struct word_index words; /* the content words of the entries, for suggested refs */
};

#define SOURCE_BIT ((size_t)1 << (sizeof(size_t) * 8 - 2))

enum elem {
	E_BASE,
	E_TITLE,
	E_DESCRIPTION,
	E_SOURCE,
	E_AUTHOR,
	E_YEAR,
	E_PUBLISHER,
	E_NOTE,
	E_ENTRY,
	E_TEXT,
	E_CITE,
	E_ALIAS,
	E_KEYWORDS,
	E_APPLIES,
	E_COUNT
};

static const char *const elem_names[E_COUNT + 1] = {
	"base",  "title", "description", "source", "author",   "year",    "publisher", "note",
	"entry", "text",  "cite",        "alias",  "keywords", "applies", NULL,
};

static const unsigned long text_elems = 1ul << E_TITLE | 1ul << E_DESCRIPTION | 1ul << E_AUTHOR | 1ul << E_YEAR |
                                        1ul << E_PUBLISHER | 1ul << E_NOTE | 1ul << E_TEXT | 1ul << E_KEYWORDS;

static size_t count_attr(struct xml_reader *r, const xmlChar **atts, int n, const char *name)
{
	const char *v = xml_attr_text(r, atts, n, name);

	return v ? (size_t)strtoull(v, NULL, 10) : 0;
}

static void on_start(struct xml_reader *r, int elem, int parent, rc_loc loc, const xmlChar **atts, int n)
{
	rc_evidence_base *eb = xml_user(r);

	(void)parent;
	if (elem == E_SOURCE) {
		rc_source *s = xml_push(r, &eb->sources, sizeof(*s));

		if (s) {
			s->id = xml_attr_text(r, atts, n, "id");
			s->loc = loc;
		}
	} else if (elem == E_ENTRY) {
		rc_entry *e = xml_push(r, &eb->entries, sizeof(*e));
		struct span *sp = xml_push(r, &eb->spans, sizeof(*sp));
		int level;

		if (!e || !sp)
			return;
		e->id = xml_attr_text(r, atts, n, "id");
		e->kind = (rc_entry_kind)xml_attr_enum(atts, n, "kind", entry_kind_names, 0);
		e->about = (rc_entry_about)xml_attr_enum(atts, n, "about", entry_about_names, RC_ABOUT_PROGRAMME);
		e->priority =
		        (rc_entry_priority)xml_attr_enum(atts, n, "priority", entry_priority_names, RC_PRIORITY_NORMAL);
		level = xml_attr_enum(atts, n, "level", level_names, RC_LEVEL_COUNT);
		e->whole_model = level == RC_LEVEL_COUNT;
		e->level = e->whole_model ? RC_LEVEL_INPUT : (rc_level)level;
		e->loc = loc;
		sp->cite_first = eb->cites.len;
		sp->alias_first = eb->aliases.len;
		sp->cond_first = eb->conditions.len;
	} else if (elem == E_CITE) {
		rc_cite *c = xml_push(r, &eb->cites, sizeof(*c));

		if (c) {
			c->source = xml_attr_text(r, atts, n, "source");
			c->section = xml_attr_text(r, atts, n, "section");
			c->page = xml_attr_text(r, atts, n, "page");
			c->refs = xml_attr_text(r, atts, n, "refs");
		}
	} else if (elem == E_ALIAS) {
		const char **id = xml_push(r, &eb->aliases, sizeof(*id));

		if (id)
			*id = xml_attr_text(r, atts, n, "id");
	} else if (elem == E_APPLIES) {
		rc_condition *c = xml_push(r, &eb->conditions, sizeof(*c));

		if (c) {
			c->formation = xml_attr_enum(atts, n, "formation", formation_names, -1);
			c->sector = xml_attr_enum(atts, n, "sector", sector_names, -1);
			c->level = xml_attr_enum(atts, n, "level", level_names, -1);
			c->min_partners = count_attr(r, atts, n, "minPartners");
			c->min_strands = count_attr(r, atts, n, "minStrands");
			c->min_steps = count_attr(r, atts, n, "minSteps");
		}
	}
}

/* Where the text of element `elem` inside `parent` goes; NULL for text the base does not keep. */
static const char **text_field(rc_evidence_base *eb, int elem, int parent)
{
	if (parent == E_SOURCE) {
		rc_source *src;

		assert(eb->sources.len > 0);
		src = MODEL_AT(eb, sources, rc_source, eb->sources.len - 1);
		switch (elem) {
		case E_TITLE: return &src->title;
		case E_AUTHOR: return &src->author;
		case E_YEAR: return &src->year;
		case E_PUBLISHER: return &src->publisher;
		case E_NOTE: return &src->note;
		default: return NULL;
		}
	}
	if (parent == E_ENTRY) {
		rc_entry *e;

		assert(eb->entries.len > 0);
		e = MODEL_AT(eb, entries, rc_entry, eb->entries.len - 1);
		return elem == E_TEXT ? &e->text : elem == E_KEYWORDS ? &e->keywords : NULL;
	}
	return NULL;
}

static void on_end(struct xml_reader *r, int elem, int parent, const char *text)
{
	rc_evidence_base *eb = xml_user(r);

	if (text) {
		const char **field = text_field(eb, elem, parent);

		if (field)
			*field = text;
	} else if (elem == E_ENTRY) {
		struct span *sp = MODEL_AT(eb, spans, struct span, eb->spans.len - 1);

		sp->cite_count = eb->cites.len - sp->cite_first;
		sp->alias_count = eb->aliases.len - sp->alias_first;
		sp->cond_count = eb->conditions.len - sp->cond_first;
	}
}

static const struct xml_format evidence_format = {
	"evidence-base", RC_EVIDENCE_NAMESPACE,
	elem_names,      (const char *)rc_embedded_evidence_xsd,
	text_elems,      on_start,
	on_end,
};

/* Points every entry at its cites and conditions (the arrays may have moved while growing). */
static void set_pointers(rc_evidence_base *eb)
{
	size_t i;

	for (i = 0; i < eb->entries.len; i++) {
		rc_entry *e = MODEL_AT(eb, entries, rc_entry, i);
		const struct span *sp = MODEL_AT(eb, spans, struct span, i);

		e->cites = MODEL_AT(eb, cites, rc_cite, sp->cite_first);
		e->cite_count = sp->cite_count;
		e->aliases = MODEL_AT(eb, aliases, const char *, sp->alias_first);
		e->alias_count = sp->alias_count;
		e->conditions = MODEL_AT(eb, conditions, rc_condition, sp->cond_first);
		e->condition_count = sp->cond_count;
	}
}

/*
 * Fills the empty id map: first the sources and entries before
 * `first_source`/`first_entry`, then those of the file being added (its
 * sources come before its entries). A clash is refused at the place of the
 * id that came later.
 */
/* Refuses the file being added for a problem of `rule` at `loc`, recorded in `p`: RC_EINVALID, or RC_ENOMEM. */
static int __attribute__((format(printf, 5, 6)))
refuse(rc_problems *p, enum load_rule rule, rc_loc loc, rc_error *err, const char *fmt, ...)
{
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (problems_add(p, rule, loc.line, loc.column, message) != 0)
		return error_set(err, RC_ENOMEM, "out of memory loading the evidence base");
	return error_set_at(err, RC_EINVALID, loc.file, loc.line, loc.column, "%s", message);
}

static int index_ids(rc_evidence_base *eb, rc_problems *p, size_t first_source, size_t first_entry, rc_error *err)
{
	const size_t source_end[2] = { first_source, eb->sources.len }, entry_end[2] = { first_entry, eb->entries.len };
	size_t si = 0, ei = 0, part;

	if (idmap_reserve(&eb->ids, eb->sources.len + eb->entries.len + eb->aliases.len) != 0)
		return error_set(err, RC_ENOMEM, "out of memory indexing the evidence base");
	for (part = 0; part < 2; part++) {
		for (; si < source_end[part]; si++) {
			const rc_source *x = MODEL_AT(eb, sources, rc_source, si);

			if (idmap_put(&eb->ids, x->id, si | SOURCE_BIT) != RC_NONE)
				return refuse(p, RS_DUPLICATE_ID, x->loc, err,
				              "id '%s' is already used in the evidence base", x->id);
		}
		for (; ei < entry_end[part]; ei++) {
			const rc_entry *x = MODEL_AT(eb, entries, rc_entry, ei);
			size_t k;

			for (k = 0; k <= x->alias_count; k++) {
				const char *id = k == 0 ? x->id : x->aliases[k - 1];

				if (idmap_put(&eb->ids, id, ei) != RC_NONE)
					return refuse(p, RS_DUPLICATE_ID, x->loc, err,
					              "id '%s' is already used in the evidence base", id);
			}
		}
	}
	return 0;
}

/* Every cite from entry `first` on must name a loaded source. */
static int check_cites(const rc_evidence_base *eb, rc_problems *p, size_t first, rc_error *err)
{
	size_t i, k;

	for (i = first; i < eb->entries.len; i++) {
		const rc_entry *e = MODEL_AT(eb, entries, rc_entry, i);

		for (k = 0; k < e->cite_count; k++)
			if (!rc_evidence_base_find_source(eb, e->cites[k].source))
				return refuse(p, RS_UNKNOWN_SOURCE, e->loc, err, "entry '%s' cites unknown source '%s'",
				              e->id, e->cites[k].source);
	}
	return 0;
}

/*
 * Adds `len` bytes named `name`, validated against `schema` unless it is
 * NULL. The id map and the word index of the base with the file in are built
 * beside the old ones, which a refusal goes back to without allocating.
 */
static int add_memory(rc_evidence_base *eb, xmlSchemaPtr schema, const char *name, const char *data, size_t len,
                      rc_problems **problems, rc_error *err)
{
	size_t sources = eb->sources.len, entries = eb->entries.len, cites = eb->cites.len, aliases = eb->aliases.len,
	       conditions = eb->conditions.len;
	struct arena_mark mark = arena_mark(&eb->arena);
	struct idmap old_ids = eb->ids;
	struct word_index words;
	const char *file = arena_strndup(&eb->arena, name, strlen(name));
	rc_problems *p = file ? problems_new(name) : NULL;
	int rc;

	if (!p)
		return error_set(err, RC_ENOMEM, "out of memory loading the evidence base");
	memset(&eb->ids, 0, sizeof(eb->ids));
	rc = xml_read(&evidence_format, schema, file, data, len, 0, &eb->arena, eb, p, err);
	if (rc == 0) {
		set_pointers(eb);
		rc = index_ids(eb, p, sources, entries, err);
	}
	if (rc == 0)
		rc = check_cites(eb, p, entries, err);
	/* The problems go to a caller who asked for them, of a failure that has them. */
	if (problems && rc != 0 && rc_problems_count(p) > 0)
		*problems = p;
	else
		rc_problems_free(&p);
	if (rc == 0 && word_index_build(&words, eb->entries.data, eb->entries.len) != 0)
		rc = error_set(err, RC_ENOMEM, "out of memory loading the evidence base");
	if (rc != 0) {
		/* Nothing of a refused file stays: back to the lengths, the arena and the id map before it. */
		eb->sources.len = sources;
		eb->entries.len = entries;
		eb->spans.len = entries;
		eb->cites.len = cites;
		eb->aliases.len = aliases;
		eb->conditions.len = conditions;
		set_pointers(eb);
		arena_rewind(&eb->arena, mark);
		idmap_free(&eb->ids);
		eb->ids = old_ids;
		return rc;
	}
	idmap_free(&old_ids);
	word_index_free(&eb->words);
	eb->words = words;
	return 0;
}

int rc_evidence_base_new(rc_evidence_base **out, rc_context *ctx, rc_error *err)
{
	rc_evidence_base *eb = rc_calloc(1, sizeof(*eb));
	int rc;

	*out = NULL;
	if (!eb)
		return error_set(err, RC_ENOMEM, "out of memory creating the evidence base");
	/*
	 * The embedded base is valid by construction (a test validates it against
	 * the schema), and validating it would cost more than parsing it: every
	 * run loads it, so a check of a small model would mostly be spent here.
	 */
	(void)ctx;
	rc = add_memory(eb, NULL, "<default evidence base>", (const char *)rc_embedded_evidence_base_xml,
	                rc_embedded_evidence_base_xml_len, NULL, err);
	if (rc != 0) {
		rc_evidence_base_free(&eb);
		return rc;
	}
	*out = eb;
	return 0;
}

int rc_evidence_base_add_problems(rc_evidence_base *eb, rc_problems **problems, rc_context *ctx, const char *path,
                                  rc_error *err)
{
	char *data;
	size_t len;
	int rc;

	if (problems)
		*problems = NULL;
	rc = file_read(&data, &len, path, "an evidence-base file", ctx->limits.max_file_bytes, err);
	if (rc != 0)
		return rc;
	rc = add_memory(eb, ctx->evidence_schema, strcmp(path, "-") == 0 ? "<stdin>" : path, data, len, problems, err);
	rc_free(data);
	return rc;
}

int rc_evidence_base_add(rc_evidence_base *eb, rc_context *ctx, const char *path, rc_error *err)
{
	return rc_evidence_base_add_problems(eb, NULL, ctx, path, err);
}

const struct word_index *evidence_word_index(const rc_evidence_base *eb)
{
	return &eb->words;
}

void rc_evidence_base_free(rc_evidence_base **eb)
{
	rc_evidence_base *b;

	if (!eb || !*eb)
		return;
	b = *eb;
	vec_free(&b->sources);
	vec_free(&b->entries);
	vec_free(&b->spans);
	vec_free(&b->cites);
	vec_free(&b->aliases);
	vec_free(&b->conditions);
	idmap_free(&b->ids);
	word_index_free(&b->words);
	arena_free(&b->arena);
	rc_free(b);
	*eb = NULL;
}

size_t rc_evidence_base_entry_count(const rc_evidence_base *eb)
{
	return eb->entries.len;
}

const rc_entry *rc_evidence_base_entry(const rc_evidence_base *eb, size_t i)
{
	return i < eb->entries.len ? MODEL_AT(eb, entries, const rc_entry, i) : NULL;
}

const rc_entry *rc_evidence_base_find_entry(const rc_evidence_base *eb, const char *id)
{
	size_t i = idmap_get(&eb->ids, id);

	return i == RC_NONE || (i & SOURCE_BIT) ? NULL : MODEL_AT(eb, entries, const rc_entry, i);
}

const rc_source *rc_evidence_base_find_source(const rc_evidence_base *eb, const char *id)
{
	size_t i = idmap_get(&eb->ids, id);

	return i == RC_NONE || !(i & SOURCE_BIT) ? NULL : MODEL_AT(eb, sources, const rc_source, i & ~SOURCE_BIT);
}

static int condition_holds(const rc_condition *c, const rc_model *m)
{
	size_t n;

	if (c->formation >= 0 && (rc_formation)c->formation != rc_model_formation(m))
		return 0;
	if (c->sector >= 0 && rc_model_sector_count(m, (rc_sector)c->sector) == 0)
		return 0;
	if (c->level >= 0) {
		rc_model_level_steps(m, (rc_level)c->level, &n);
		if (n == 0)
			return 0;
	}
	return rc_model_partner_count(m) >= c->min_partners && rc_model_strand_count(m) >= c->min_strands &&
	       rc_model_step_count(m) >= c->min_steps;
}

int rc_entry_applies(const rc_entry *entry, const rc_model *model)
{
	size_t i;

	if (entry->about == RC_ABOUT_PARTNERSHIP && !rc_model_has_partnership(model))
		return 0;
	if (entry->condition_count == 0)
		return 1;
	for (i = 0; i < entry->condition_count; i++)
		if (condition_holds(&entry->conditions[i], model))
			return 1;
	return 0;
}

int evidence_entry_referred(const rc_entry *e, const struct idmap *refs)
{
	size_t k;

	if (idmap_get(refs, e->id) != RC_NONE)
		return 1;
	for (k = 0; k < e->alias_count; k++)
		if (idmap_get(refs, e->aliases[k]) != RC_NONE)
			return 1;
	return 0;
}

int rc_cite_format(rc_buffer *out, const rc_evidence_base *eb, const rc_cite *cite)
{
	const rc_source *s = rc_evidence_base_find_source(eb, cite->source);
	int rc = 0;

	if (s && s->author)
		rc = buffer_printf(out, "%s ", s->author);
	if (!rc && s && s->year)
		rc = buffer_printf(out, "(%s) ", s->year);
	if (!rc)
		rc = buffer_printf(out, "%s, %s", s ? s->title : cite->source, cite->section);
	if (!rc && cite->page)
		rc = buffer_printf(out, ", p. %s", cite->page);
	if (!rc && cite->refs)
		rc = buffer_printf(out, " (citing %s)", cite->refs);
	return rc;
}
