/*
 * rchain lsp: the features answered from a document: completion, hover, go
 * to definition, references, document symbols and rename.
 * Every fact comes from the library (the model, its findings and confidence,
 * the evidence base, the rule catalogue and the enumerations); the text scan
 * of lsp_text.c only says where the cursor is and where ids are written.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

/* LSP enumerations used here. */
enum { KIND_PROPERTY = 10, KIND_VALUE = 12, KIND_ENUM = 20, KIND_REFERENCE = 18, KIND_MODULE = 9, KIND_STRUCT = 22 };
enum { SYMBOL_NAMESPACE = 3, SYMBOL_FUNCTION = 12 };

/* The name of value `i` of the enumeration called `which`, or NULL past its end. */
static const char *enum_value(const char *which, size_t i)
{
#define RC_ENUM(name, NAME)            \
	if (strcmp(which, #name) == 0) \
		return i < RC_##NAME##_COUNT ? rc_##name##_name((rc_##name)i) : NULL;
#define RC_VALUE(constant, text)
#define RC_ENUM_END(name, NAME)
#include "rchain/enums.def"
#undef RC_ENUM
#undef RC_VALUE
#undef RC_ENUM_END
	return NULL;
}

/* The attributes whose values are the names of an enumeration; `first` skips values never written in files. */
static const struct enum_attr {
	const char *element; /* NULL: any element */
	const char *attr;
	const char *which;
	size_t first;
} enum_attrs[] = {
	{ "step", "level", "level", 0 },
	{ "column", "level", "level", 0 },
	{ "columnLink", "from", "level", 0 },
	{ "columnLink", "to", "level", 0 },
	{ "step", "confidence", "rating", 1 },
	{ "risk", "likelihood", "rating", 1 },
	{ "risk", "impact", "rating", 1 },
	{ "partnership", "formation", "formation", 0 },
	{ "partner", "sector", "sector", 0 },
	{ "partner", "role", "role", 0 },
	{ "link", "kind", "link_kind", 0 },
	{ "columnLink", "kind", "link_kind", 0 },
	{ "assumption", "status", "assumption_status", 0 },
	{ "evidence", "direction", "direction", 0 },
	{ "evidence", "strength", "strength", 1 },
	{ "evidence", "kind", "evidence_kind", 0 },
	{ "influence", "kind", "influence_kind", 0 },
	{ "model", "status", "model_status", 0 },
	{ "step", "effect", "effect", 0 },
};

/* Which element's ids an id-holding attribute names, for completion. */
static const struct id_attr {
	const char *element;
	const char *attr;
	const char *target; /* the element whose ids it names */
} id_attrs[] = {
	{ "link", "from", "step" },           { "link", "to", "step" },          { "influence", "on", "step" },
	{ "step", "strand", "strand" },       { "step", "partners", "partner" }, { "step", "column", "column" },
	{ "strand", "group", "strandGroup" },
};

struct place {
	size_t off; /* the cursor, as a byte offset */
	struct lsp_text text;
	const struct lsp_attr *attr; /* the attribute value the cursor is in, or NULL */
	size_t start, end;           /* the word of that value under the cursor */
};

/* Finds where the cursor of `params` is; -1 when the params name no position or memory ran out. */
static int find_place(struct place *p, const struct lsp_server *sv, const struct lsp_doc *d, const json_t *params)
{
	long off = lsp_position_offset(sv, d, json_object_get(params, "position"));

	memset(p, 0, sizeof(*p));
	if (off < 0 || lsp_text_scan(&p->text, d) != 0)
		return -1;
	p->off = (size_t)off;
	p->attr = lsp_attr_at(&p->text, p->off);
	if (p->attr)
		lsp_word_at(d, p->attr, p->off, &p->start, &p->end);
	return 0;
}

static char *span_dup(const struct lsp_doc *d, size_t start, size_t end)
{
	return strndup(d->text + start, end - start);
}

static json_t *markdown(const char *text)
{
	return json_pack("{s:s,s:s}", "kind", "markdown", "value", text);
}

/* Adds an item that replaces the place's word with `label`; returns it (borrowed from `items`). */
static json_t *add_item(json_t *items, const struct lsp_server *sv, const struct lsp_doc *d, const struct place *p,
                        const char *label, int kind, const char *detail, const char *doc)
{
	json_t *item = json_pack("{s:s,s:i,s:{s:o,s:s}}", "label", label, "kind", kind, "textEdit", "range",
	                         lsp_range_json(sv, d, p->start, p->end), "newText", label);

	if (detail)
		json_object_set_new(item, "detail", json_string(detail));
	if (doc)
		json_object_set_new(item, "documentation", markdown(doc));
	json_array_append_new(items, item);
	return item;
}

/* An evidence-base entry for people: its text, then each citation. Caller frees. */
static char *entry_text(const rc_evidence_base *eb, const rc_entry *e)
{
	rc_buffer b = { 0 };
	size_t i;

	if (rc_buffer_sink(&b, e->text, strlen(e->text)) != 0)
		return NULL;
	for (i = 0; i < e->cite_count; i++)
		if (rc_buffer_sink(&b, "\n\n", 2) != 0 || rc_cite_format(&b, eb, &e->cites[i]) != 0) {
			rc_buffer_free(&b);
			return NULL;
		}
	return b.data;
}

static void complete_refs(json_t *items, const struct lsp_server *sv, const struct lsp_doc *d, const struct place *p)
{
	const rc_evidence_base *eb = sv->opts.evidence;
	int want = lsp_attr_is(d, &p->text, p->attr, "assumption", "ref") ? RC_ENTRY_ASSUMPTION
	           : lsp_attr_is(d, &p->text, p->attr, "risk", "ref")     ? RC_ENTRY_RISK
	                                                                  : -1;
	size_t i;

	for (i = 0; i < rc_evidence_base_entry_count(eb); i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, i);
		char *doc;

		if (want >= 0 && (int)e->kind != want)
			continue;
		doc = entry_text(eb, e);
		add_item(items, sv, d, p, e->id, KIND_REFERENCE, rc_entry_kind_name(e->kind), doc);
		free(doc);
	}
}

/* The ids the document gives to elements called `element`, from its text (so also while it does not load). */
static void complete_ids(json_t *items, const struct lsp_server *sv, const struct lsp_doc *d, const struct place *p,
                         const char *element)
{
	size_t i;

	for (i = 0; i < p->text.attr_count; i++) {
		const struct lsp_attr *a = &p->text.attrs[i];
		const rc_step *step;
		char *id;

		if (!lsp_attr_is(d, &p->text, a, element, "id") || a->value_len == 0)
			continue;
		if (!(id = span_dup(d, a->value, a->value + a->value_len)))
			return;
		step = d->model && strcmp(element, "step") == 0 ? rc_model_find_step(d->model, id) : NULL;
		add_item(items, sv, d, p, id, KIND_VALUE, step ? rc_level_title(step->level) : element,
		         step ? step->title : NULL);
		free(id);
	}
}

/* The schema's outline of the element that tag `tag` names, or NULL when the schema has no such element. */
static const rc_schema_element *schema_element(const struct lsp_doc *d, const struct lsp_tag *tag)
{
	char *name = span_dup(d, tag->name, tag->name + tag->name_len);
	const rc_schema_element *e = name ? rc_schema_element_find(name) : NULL;

	free(name);
	return e;
}

/* In the name of a start tag (just after '<'): the elements the schema allows in the enclosing element. */
static void complete_elements(json_t *items, const struct lsp_server *sv, const struct lsp_doc *d, struct place *p,
                              const struct lsp_tag *tag)
{
	const struct lsp_tag *parent = lsp_enclosing_tag(&p->text, tag);
	const rc_schema_element *e = parent ? schema_element(d, parent) : NULL;
	size_t i;

	p->start = tag->name;
	p->end = tag->name + tag->name_len;
	if (!parent) /* the top of the document: the root */
		add_item(items, sv, d, p, rc_schema_element_at(0)->name, KIND_STRUCT, "element", NULL);
	for (i = 0; e && e->children[i]; i++)
		add_item(items, sv, d, p, e->children[i], KIND_STRUCT, "element", NULL);
}

/* Nonzero when an '=' follows the name of attribute `a` (its value is written, or being written). */
static int has_equals(const struct lsp_doc *d, const struct lsp_attr *a)
{
	size_t i = a->name + a->name_len;

	while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\t' || d->text[i] == '\r' || d->text[i] == '\n'))
		i++;
	return i < d->len && d->text[i] == '=';
}

/*
 * Among the attributes of a start tag: those the schema allows on its element that it does not have yet.
 * `typed` is the attribute whose name the cursor is in (it is replaced), or NULL.
 */
static void complete_attributes(json_t *items, const struct lsp_server *sv, const struct lsp_doc *d, struct place *p,
                                const struct lsp_tag *tag, const struct lsp_attr *typed)
{
	const rc_schema_element *e = schema_element(d, tag);
	const rc_schema_attribute *sa;
	char text[80];

	p->start = typed ? typed->name : p->off;
	p->end = typed ? typed->name + typed->name_len : p->off;
	for (sa = e ? e->attributes : NULL; sa && sa->name; sa++) {
		size_t i;
		int written = 0;

		for (i = 0; i < tag->attr_count && !written; i++) {
			const struct lsp_attr *a = &p->text.attrs[tag->attr + i];

			written = a != typed && lsp_attr_is(d, &p->text, a, NULL, sa->name);
		}
		if (written)
			continue;
		snprintf(text, sizeof(text), typed && has_equals(d, typed) ? "%s" : "%s=\"\"", sa->name);
		json_object_set_new(json_object_get(add_item(items, sv, d, p, sa->name, KIND_PROPERTY,
		                                             sa->required ? "required" : "optional", NULL),
		                                    "textEdit"),
		                    "newText", json_string(text));
	}
}

/* The start tag the cursor is in, or NULL: from just after its '<' to its '>' (or the end of an unclosed tag). */
static const struct lsp_tag *start_tag_at(const struct lsp_doc *d, const struct place *p)
{
	const struct lsp_tag *tag = p->off > 0 ? lsp_tag_at(&p->text, p->off - 1) : NULL;
	size_t last;

	if (!tag || tag->kind == LSP_TAG_CLOSE)
		return NULL;
	/* The last offset inside: before "/>" or ">", or the end of a tag left open. */
	last = tag->kind == LSP_TAG_EMPTY ? tag->end - 2 : d->text[tag->end - 1] == '>' ? tag->end - 1 : tag->end;
	return p->off <= last ? tag : NULL;
}

/* The attribute of `tag` whose name holds the cursor (at its end included), or NULL. */
static const struct lsp_attr *attr_name_at(const struct place *p, const struct lsp_tag *tag)
{
	size_t i;

	for (i = 0; i < tag->attr_count; i++) {
		const struct lsp_attr *a = &p->text.attrs[tag->attr + i];

		if (a->name <= p->off && p->off <= a->name + a->name_len)
			return a;
	}
	return NULL;
}

/* In an attribute value: enumerations, ids, evidence-base refs and rule codes. */
static void complete_values(json_t *items, const struct lsp_server *sv, const struct lsp_doc *d, const struct place *p)
{
	size_t i, j;

	for (i = 0; i < sizeof(enum_attrs) / sizeof(enum_attrs[0]); i++) {
		const struct enum_attr *e = &enum_attrs[i];
		const char *name;

		if (!lsp_attr_is(d, &p->text, p->attr, e->element, e->attr))
			continue;
		for (j = e->first; (name = enum_value(e->which, j)) != NULL; j++) {
			rc_level level;

			add_item(items, sv, d, p, name, KIND_ENUM,
			         strcmp(e->which, "level") == 0 && rc_level_from_name(&level, name) == 0
			                 ? rc_level_title(level)
			                 : NULL,
			         NULL);
		}
	}
	for (i = 0; i < sizeof(id_attrs) / sizeof(id_attrs[0]); i++)
		if (lsp_attr_is(d, &p->text, p->attr, id_attrs[i].element, id_attrs[i].attr))
			complete_ids(items, sv, d, p, id_attrs[i].target);
	if (lsp_attr_is(d, &p->text, p->attr, NULL, "ref"))
		complete_refs(items, sv, d, p);
	for (i = 0; lsp_attr_is(d, &p->text, p->attr, "suppress", "rule") && i < rc_rule_count(); i++)
		add_item(items, sv, d, p, rc_rule_at(i)->code, KIND_MODULE, rc_rule_at(i)->slug,
		         rc_rule_at(i)->summary);
}

json_t *lsp_completion(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	const struct lsp_tag *tag;
	const struct lsp_attr *typed;
	json_t *items;
	struct place p;

	if (find_place(&p, sv, d, params) != 0)
		return NULL;
	items = json_array();
	tag = start_tag_at(d, &p);
	typed = tag ? attr_name_at(&p, tag) : NULL;
	if (tag && p.off <= tag->name + tag->name_len)
		complete_elements(items, sv, d, &p, tag);
	else if (tag && (typed || !p.attr))
		complete_attributes(items, sv, d, &p, tag, typed);
	else if (p.attr)
		complete_values(items, sv, d, &p);
	lsp_text_free(&p.text);
	return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
}

/* What hovering over step `s` shows: id, level, title, confidence and the findings about it. */
static int step_hover(rc_buffer *b, const struct lsp_doc *d, const rc_step *s)
{
	char line[600];
	size_t i;
	int rc;

	snprintf(line, sizeof(line), "**%s** `%s`: %s\n\nconfidence: %s", rc_level_title(s->level), s->id, s->title,
	         rc_rating_name(rc_confidence_step(d->confidence, s->index)));
	rc = rc_buffer_sink(b, line, strlen(line));
	for (i = 0; rc == 0 && i < rc_findings_count(d->findings); i++) {
		const rc_finding *f = rc_findings_at(d->findings, i);

		if (f->suppressed || f->owner != RC_OWNER_STEP || f->owner_index != s->index)
			continue;
		snprintf(line, sizeof(line), "\n\n- %s %s: ", rc_severity_name(f->severity), f->rule->code);
		if ((rc = rc_buffer_sink(b, line, strlen(line))) == 0)
			rc = rc_buffer_sink(b, f->message, strlen(f->message));
	}
	return rc;
}

static int rule_hover(rc_buffer *b, const rc_rule *r)
{
	const char *parts[] = { "**",           r->code,      " ",
		                r->slug,        "** (",       rc_severity_name(r->severity),
		                ")\n\n",        r->summary,   "\n\n",
		                r->explanation, "\n\nhint: ", r->hint,
		                "\n\nsource: ", r->source };
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (rc_buffer_sink(b, parts[i], strlen(parts[i])) != 0)
			return -1;
	return 0;
}

/* The rule whose code ("RC012") is the word of letters and digits at the cursor, anywhere in the text; NULL when none.
 */
static const rc_rule *rule_code_at(const struct lsp_doc *d, struct place *p)
{
	size_t s = p->off, e = p->off;
	const rc_rule *r;
	char code[16];

	while (s > 0 && isalnum((unsigned char)d->text[s - 1]))
		s--;
	while (e < d->len && isalnum((unsigned char)d->text[e]))
		e++;
	if (e == s || e - s >= sizeof(code))
		return NULL;
	memcpy(code, d->text + s, e - s);
	code[e - s] = '\0';
	r = rc_rule_find(code);
	if (!r || strcmp(r->code, code) != 0) /* a slug is a word like any other */
		return NULL;
	p->start = s;
	p->end = e;
	return r;
}

json_t *lsp_hover(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	json_t *result = json_null();
	const rc_rule *rule;
	rc_buffer b = { 0 };
	struct place p;
	char *word;

	if (find_place(&p, sv, d, params) != 0)
		return NULL;
	word = p.attr ? span_dup(d, p.start, p.end) : NULL;
	if (word && lsp_attr_is(d, &p.text, p.attr, NULL, "ref")) {
		const rc_entry *e = rc_evidence_base_find_entry(sv->opts.evidence, word);
		char *text = e ? entry_text(sv->opts.evidence, e) : NULL;

		if (text && rc_buffer_sink(&b, text, strlen(text)) != 0)
			rc_buffer_free(&b);
		free(text);
	} else if (word && d->model && lsp_attr_holds_ids(d, &p.text, p.attr)) {
		const rc_step *s = rc_model_find_step(d->model, word);

		if (s && step_hover(&b, d, s) != 0)
			rc_buffer_free(&b);
	} else if ((rule = rule_code_at(d, &p)) != NULL && rule_hover(&b, rule) != 0) {
		rc_buffer_free(&b);
	}
	if (b.data)
		result = json_pack("{s:o,s:o}", "contents", markdown(b.data), "range",
		                   lsp_range_json(sv, d, p.start, p.end));
	rc_buffer_free(&b);
	free(word);
	lsp_text_free(&p.text);
	return result;
}

/* Calls `fn` for each word equal to `id` in the id-holding attributes of the document (definitions only when `defs`).
 */
static void each_use(const struct lsp_doc *d, const struct lsp_text *t, const char *id, int defs_only,
                     void (*fn)(void *user, size_t start, size_t end, int is_def), void *user)
{
	size_t i, n = strlen(id);

	for (i = 0; i < t->attr_count; i++) {
		const struct lsp_attr *a = &t->attrs[i];
		int is_def = lsp_attr_is(d, t, a, NULL, "id");
		size_t w = a->value, end = a->value + a->value_len;

		if (!lsp_attr_holds_ids(d, t, a) || (defs_only && !is_def))
			continue;
		while (w < end) {
			size_t e = w;

			while (e < end && d->text[e] != ' ' && d->text[e] != '\t' && d->text[e] != '\n')
				e++;
			if (e - w == n && memcmp(d->text + w, id, n) == 0)
				fn(user, w, e, is_def);
			w = e + 1;
		}
	}
}

struct collect {
	const struct lsp_server *sv;
	const struct lsp_doc *d;
	json_t *list;
	const char *new_text; /* rename: TextEdits; else Locations */
	int with_defs;
};

static void collect_use(void *user, size_t start, size_t end, int is_def)
{
	struct collect *c = user;

	if (is_def && !c->with_defs)
		return;
	if (c->new_text)
		json_array_append_new(c->list, json_pack("{s:o,s:s}", "range", lsp_range_json(c->sv, c->d, start, end),
		                                         "newText", c->new_text));
	else
		json_array_append_new(c->list, lsp_location_json(c->sv, c->d, start, end));
}

/* The id under the cursor of `params` into `*id` (caller frees), with the scan in `p`; -1 when there is none. */
static int id_at(struct place *p, char **id, const struct lsp_server *sv, const struct lsp_doc *d, const json_t *params)
{
	*id = NULL;
	if (find_place(p, sv, d, params) != 0)
		return -1;
	if (p->attr && lsp_attr_holds_ids(d, &p->text, p->attr) && p->end > p->start)
		*id = span_dup(d, p->start, p->end);
	return *id ? 0 : -1;
}

static json_t *uses(struct lsp_server *sv, struct lsp_doc *d, const json_t *params, int defs_only, int with_defs,
                    const char *new_text)
{
	struct collect c = { sv, d, NULL, new_text, with_defs };
	struct place p;
	char *id;

	if (id_at(&p, &id, sv, d, params) != 0) {
		lsp_text_free(&p.text);
		return json_null();
	}
	c.list = json_array();
	each_use(d, &p.text, id, defs_only, collect_use, &c);
	free(id);
	lsp_text_free(&p.text);
	return c.list;
}

json_t *lsp_definition(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	return uses(sv, d, params, 1, 1, NULL);
}

json_t *lsp_references(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	json_t *with = json_object_get(json_object_get(params, "context"), "includeDeclaration");

	return uses(sv, d, params, 0, !json_is_false(with), NULL);
}

json_t *lsp_rename(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	const char *name = json_string_value(json_object_get(params, "newName"));
	json_t *edits;

	if (!name || !*name || name[strcspn(name, " \t\r\n<>&\"'")])
		return NULL;
	edits = uses(sv, d, params, 0, 1, name);
	if (json_is_null(edits))
		return edits;
	return json_pack("{s:{s:o}}", "changes", d->uri, edits);
}

/* The byte span of the element whose start tag begins at `off`: through its end tag when it has one. */
static void element_span(const struct lsp_text *t, size_t off, size_t *start, size_t *end)
{
	const struct lsp_tag *tag = lsp_tag_at(t, off), *close = tag ? lsp_closing_tag(t, tag) : NULL;

	*start = tag ? tag->start : off;
	*end = close ? close->end : tag ? tag->end : off;
}

json_t *lsp_symbols(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	json_t *symbols = json_array();
	struct lsp_text t;
	int level;

	(void)params;
	if (!d->model || lsp_text_scan(&t, d) != 0)
		return symbols;
	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t count, i, first = d->len, last = 0;
		const size_t *steps = rc_model_level_steps(d->model, (rc_level)level, &count);
		json_t *children = json_array();

		for (i = 0; i < count; i++) {
			const rc_step *s = rc_model_step(d->model, steps[i]);
			size_t start, end;

			element_span(&t, lsp_loc_offset(d, s->loc), &start, &end);
			first = start < first ? start : first;
			last = end > last ? end : last;
			json_array_append_new(children, json_pack("{s:s,s:s,s:i,s:o,s:o}", "name", s->id, "detail",
			                                          s->title, "kind", SYMBOL_FUNCTION, "range",
			                                          lsp_range_json(sv, d, start, end), "selectionRange",
			                                          lsp_range_json(sv, d, start, start)));
		}
		if (count)
			json_array_append_new(symbols,
			                      json_pack("{s:s,s:i,s:o,s:o,s:o}", "name",
			                                rc_level_title((rc_level)level), "kind", SYMBOL_NAMESPACE,
			                                "range", lsp_range_json(sv, d, first, last), "selectionRange",
			                                lsp_range_json(sv, d, first, first), "children", children));
		else
			json_decref(children);
	}
	lsp_text_free(&t);
	return symbols;
}
