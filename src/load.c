/* Loads a model file: libxml2 SAX parsing with the schema validator plugged in, no tree. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "alloc.h"
#include "buffer.h"
#include "context.h"
#include "error.h"
#include "file.h"
#include "model_internal.h"
#include "rchain/schema.h"

enum elem {
	E_MODEL,
	E_TITLE,
	E_DESCRIPTION,
	E_SOURCE,
	E_PARTNERSHIP,
	E_PARTNER,
	E_STRAND,
	E_STEP,
	E_INDICATOR,
	E_LINK,
	E_COLUMN_LINK,
	E_ASSUMPTION,
	E_RISK,
	E_STATEMENT,
	E_MITIGATION,
	E_EVIDENCE,
	E_CITE,
	E_SUMMARY,
	E_INFLUENCE,
	E_SUPPRESS,
	E_COUNT
};

static const char *const elem_names[E_COUNT] = {
	"model",      "title",     "description", "source",     "partnership", "partner",  "strand",
	"step",       "indicator", "link",        "columnLink", "assumption",  "risk",     "statement",
	"mitigation", "evidence",  "cite",        "summary",    "influence",   "suppress",
};

/* Elements whose content is text the model keeps. */
static const unsigned long text_elems = 1ul << E_TITLE | 1ul << E_DESCRIPTION | 1ul << E_SOURCE | 1ul << E_PARTNER |
                                        1ul << E_STRAND | 1ul << E_INDICATOR | 1ul << E_ASSUMPTION |
                                        1ul << E_STATEMENT | 1ul << E_MITIGATION | 1ul << E_CITE | 1ul << E_SUMMARY |
                                        1ul << E_INFLUENCE;

enum { MAX_DEPTH = 8 };

struct loader {
	rc_model *m;
	xmlParserCtxtPtr parser;
	const unsigned char *data;
	size_t len;
	/* The last place located, advanced monotonically: linear in the file. */
	size_t pos_offset;
	uint32_t pos_line;
	uint32_t pos_column;
	enum elem stack[MAX_DEPTH];
	int depth;
	rc_buffer text;
	rc_error *err;
	int status;
};

static const char *const level_names[] = { "input",     "activity", "engagement", "reaction",
	                                   "knowledge", "practice", "outcome",    NULL };
static const char *const formation_names[] = { "unknown", "voluntary", "mandated", NULL };
static const char *const sector_names[] = { "public", "third", "private", "community", NULL };
static const char *const role_names[] = { "member", "lead", "advisory", NULL };
static const char *const rating_names[] = { "", "low", "medium", "high", NULL };
static const char *const link_kind_names[] = { "causal", "feedback", NULL };
static const char *const status_names[] = { "untested", "holds", "doubtful", NULL };
static const char *const direction_names[] = { "supports", "challenges", NULL };
static const char *const strength_names[] = { "weak", "moderate", "strong", NULL };
static const char *const evidence_kind_names[] = { "research", "monitoring", "stakeholder", "practice", NULL };
static const char *const influence_kind_names[] = { "external", "rival", NULL };

/* Moves the tracked place to the '<' that opens the tag the parser is in or just left. */
static rc_loc locate(struct loader *l)
{
	long consumed = xmlByteConsumed(l->parser);
	size_t at = consumed < 0 ? l->pos_offset : (size_t)consumed;
	size_t i;
	rc_loc loc;

	if (at >= l->len)
		at = l->len ? l->len - 1 : 0;
	while (at > l->pos_offset && l->data[at] != '<')
		at--;
	for (i = l->pos_offset; i < at; i++) {
		if (l->data[i] == '\n') {
			l->pos_line++;
			l->pos_column = 1;
		} else if ((l->data[i] & 0xC0) != 0x80) {
			l->pos_column++;
		}
	}
	l->pos_offset = at;
	loc.file = l->m->file;
	loc.line = l->pos_line;
	loc.column = l->pos_column;
	return loc;
}

static void fail(struct loader *l, int status, rc_loc loc, const char *message)
{
	if (l->status)
		return;
	l->status = status;
	error_set_at(l->err, status, l->m->file, loc.line, loc.column, "%s", message);
	xmlStopParser(l->parser);
}

static void fail_nomem(struct loader *l)
{
	rc_loc loc = { l->m->file, 0, 0 };

	fail(l, RC_ENOMEM, loc, "out of memory while loading");
}

/* Rewrites a libxml2 message for people: drop the namespace noise, keep one line. */
static void clean_message(char *out, size_t size, const char *msg)
{
	static const char ns[] = "{" RC_MODEL_NAMESPACE "}";
	size_t n = 0;

	if (strstr(msg, "No matching global declaration available for the validation root")) {
		snprintf(out, size, "the root element must be <model> in namespace %s", RC_MODEL_NAMESPACE);
		return;
	}
	if (strncmp(msg, "Input is not proper UTF-8", 25) == 0 && strstr(msg, "Bytes:")) {
		snprintf(out, size, "the file is not valid UTF-8 (bytes %.14s)", strstr(msg, "Bytes:") + 7);
		return;
	}
	while (*msg && n + 1 < size) {
		if (strncmp(msg, ns, sizeof(ns) - 1) == 0) {
			msg += sizeof(ns) - 1;
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

static void on_error(void *data, xmlErrorPtr e)
{
	struct loader *l = data;
	char message[1024];
	rc_loc loc;

	if (e->level == XML_ERR_WARNING || l->status)
		return;
	clean_message(message, sizeof(message), e->message ? e->message : "unknown XML error");
	if (e->domain == XML_FROM_SCHEMASV) {
		loc = locate(l);
		fail(l, RC_EINVALID, loc, message);
		return;
	}
	loc.file = l->m->file;
	loc.line = e->line > 0 ? (uint32_t)e->line : 0;
	loc.column = e->int2 > 0 ? (uint32_t)e->int2 : (loc.line ? 1 : 0);
	fail(l, RC_EPARSE, loc, message);
}

static void on_doctype(void *data, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	struct loader *l = data;

	(void)name;
	(void)external_id;
	(void)system_id;
	fail(l, RC_EPARSE, locate(l), "DOCTYPE declarations are not allowed in model files");
}

static void on_start_document(void *data)
{
	struct loader *l = data;
	const char *enc = (const char *)l->parser->encoding;
	rc_loc start = { l->m->file, 1, 1 };

	if (enc && strcasecmp(enc, "UTF-8") != 0 && strcasecmp(enc, "UTF8") != 0 && strcasecmp(enc, "US-ASCII") != 0 &&
	    strcasecmp(enc, "ASCII") != 0) {
		char message[256];

		snprintf(message, sizeof(message), "encoding '%.64s' is not supported; model files must be UTF-8", enc);
		fail(l, RC_EPARSE, start, message);
	}
}

static const xmlChar *find_attr(const xmlChar **atts, int count, const char *name, size_t *len)
{
	int i;

	for (i = 0; i < count; i++) {
		const xmlChar **a = atts + (ptrdiff_t)5 * i;

		if (a[2] == NULL && strcmp((const char *)a[0], name) == 0) {
			*len = (size_t)(a[4] - a[3]);
			return a[3];
		}
	}
	return NULL;
}

/*
 * Copies `len` bytes folding white space. In attribute values the parser
 * leaves '&' as "&#38;" (it does not substitute entities for SAX); undo that.
 */
static const char *fold_dup(struct loader *l, const char *s, size_t len, int attribute)
{
	char *out = arena_alloc(&l->m->arena, len + 1);
	size_t i, n = 0;
	int space = 0;

	if (!out) {
		fail_nomem(l);
		return NULL;
	}
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		if (attribute && c == '&' && len - i >= 5 && memcmp(s + i, "&#38;", 5) == 0)
			i += 4;
		out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

static const char *attr_text(struct loader *l, const xmlChar **atts, int count, const char *name)
{
	size_t len;
	const xmlChar *v = find_attr(atts, count, name, &len);

	return v ? fold_dup(l, (const char *)v, len, 1) : NULL;
}

static int attr_enum(const xmlChar **atts, int count, const char *name, const char *const *names, int dflt)
{
	size_t len;
	const xmlChar *v = find_attr(atts, count, name, &len);
	int i;

	if (!v)
		return dflt;
	for (i = 0; names[i]; i++)
		if (strlen(names[i]) == len && memcmp(names[i], v, len) == 0)
			return i;
	return dflt;
}

static void *push(struct loader *l, struct vec *v, size_t size)
{
	void *p = vec_push(v, size);

	if (!p)
		fail_nomem(l);
	return p;
}

/* Who an annotation belongs to: the element it sits in. */
static void owner_of(const struct loader *l, rc_owner_kind *kind, size_t *index)
{
	enum elem parent = l->stack[l->depth - 1];

	if (parent == E_STEP) {
		*kind = RC_OWNER_STEP;
		*index = l->m->steps.len - 1;
	} else if (parent == E_LINK || parent == E_COLUMN_LINK) {
		*kind = RC_OWNER_LINK;
		*index = l->m->links.len - 1;
	} else {
		*kind = RC_OWNER_MODEL;
		*index = RC_NONE;
	}
}

static void begin_ranges(rc_model *m, rc_range *assumptions, rc_range *risks, rc_range *evidence,
                         rc_range *suppressions)
{
	assumptions->first = m->assumptions.len;
	risks->first = m->risks.len;
	evidence->first = m->evidence.len;
	suppressions->first = m->suppressions.len;
}

static void end_ranges(const rc_model *m, rc_range *assumptions, rc_range *risks, rc_range *evidence,
                       rc_range *suppressions)
{
	assumptions->count = m->assumptions.len - assumptions->first;
	risks->count = m->risks.len - risks->first;
	evidence->count = m->evidence.len - evidence->first;
	suppressions->count = m->suppressions.len - suppressions->first;
}

static void start_step(struct loader *l, rc_loc loc, const xmlChar **atts, int n)
{
	rc_model *m = l->m;
	rc_step *s = push(l, &m->steps, sizeof(*s));

	if (!s)
		return;
	s->index = m->steps.len - 1;
	s->id = attr_text(l, atts, n, "id");
	s->level = (rc_level)attr_enum(atts, n, "level", level_names, 0);
	s->ref = attr_text(l, atts, n, "ref");
	s->strand = attr_text(l, atts, n, "strand");
	s->strand_index = RC_NONE;
	s->partners = attr_text(l, atts, n, "partners");
	s->confidence = (rc_rating)attr_enum(atts, n, "confidence", rating_names, RC_RATING_NONE);
	s->loc = loc;
	s->indicators.first = m->indicators.len;
	begin_ranges(m, &s->assumptions, &s->risks, &s->evidence, &s->suppressions);
}

static void start_link(struct loader *l, rc_loc loc, const xmlChar **atts, int n, int column)
{
	rc_model *m = l->m;
	rc_link *k = push(l, &m->links, sizeof(*k));

	if (!k)
		return;
	k->index = m->links.len - 1;
	k->id = attr_text(l, atts, n, "id");
	k->column = column;
	k->from = attr_text(l, atts, n, "from");
	k->to = attr_text(l, atts, n, "to");
	k->from_step = RC_NONE;
	k->to_step = RC_NONE;
	if (column) {
		k->from_level = (rc_level)attr_enum(atts, n, "from", level_names, 0);
		k->to_level = (rc_level)attr_enum(atts, n, "to", level_names, 0);
	}
	k->kind = (rc_link_kind)attr_enum(atts, n, "kind", link_kind_names, RC_LINK_CAUSAL);
	k->loc = loc;
	begin_ranges(m, &k->assumptions, &k->risks, &k->evidence, &k->suppressions);
}

static void start_annotation(struct loader *l, enum elem e, rc_loc loc, const xmlChar **atts, int n)
{
	rc_model *m = l->m;
	rc_owner_kind kind;
	size_t index;

	owner_of(l, &kind, &index);
	if (e == E_ASSUMPTION) {
		rc_assumption *a = push(l, &m->assumptions, sizeof(*a));

		if (!a)
			return;
		a->id = attr_text(l, atts, n, "id");
		a->ref = attr_text(l, atts, n, "ref");
		a->status = (rc_assumption_status)attr_enum(atts, n, "status", status_names, RC_ASSUMPTION_UNTESTED);
		a->owner = kind;
		a->owner_index = index;
		a->loc = loc;
	} else if (e == E_RISK) {
		rc_risk *r = push(l, &m->risks, sizeof(*r));

		if (!r)
			return;
		r->id = attr_text(l, atts, n, "id");
		r->ref = attr_text(l, atts, n, "ref");
		r->likelihood = (rc_rating)attr_enum(atts, n, "likelihood", rating_names, RC_RATING_MEDIUM);
		r->impact = (rc_rating)attr_enum(atts, n, "impact", rating_names, RC_RATING_MEDIUM);
		r->owner = kind;
		r->owner_index = index;
		r->loc = loc;
	} else if (e == E_EVIDENCE) {
		rc_evidence *v = push(l, &m->evidence, sizeof(*v));

		if (!v)
			return;
		v->id = attr_text(l, atts, n, "id");
		v->direction = (rc_direction)attr_enum(atts, n, "direction", direction_names, RC_EVIDENCE_SUPPORTS);
		v->strength = (rc_strength)attr_enum(atts, n, "strength", strength_names, RC_STRENGTH_WEAK);
		v->kind = (rc_evidence_kind)attr_enum(atts, n, "kind", evidence_kind_names, RC_EVIDENCE_RESEARCH);
		v->owner = kind;
		v->owner_index = index;
		v->loc = loc;
	} else {
		rc_suppression *s = push(l, &m->suppressions, sizeof(*s));

		if (!s)
			return;
		s->rule = attr_text(l, atts, n, "rule");
		s->reason = attr_text(l, atts, n, "reason");
		s->owner = kind;
		s->owner_index = index;
		s->loc = loc;
	}
}

static void start_element(struct loader *l, enum elem e, rc_loc loc, const xmlChar **atts, int n)
{
	rc_model *m = l->m;

	switch (e) {
	case E_MODEL:
		m->id = attr_text(l, atts, n, "id");
		m->loc = loc;
		break;
	case E_PARTNERSHIP:
		m->has_partnership = 1;
		m->formation = (rc_formation)attr_enum(atts, n, "formation", formation_names, RC_FORMATION_UNKNOWN);
		break;
	case E_PARTNER: {
		rc_partner *p = push(l, &m->partners, sizeof(*p));

		if (!p)
			return;
		p->id = attr_text(l, atts, n, "id");
		p->sector = (rc_sector)attr_enum(atts, n, "sector", sector_names, RC_SECTOR_PUBLIC);
		p->role = (rc_role)attr_enum(atts, n, "role", role_names, RC_ROLE_MEMBER);
		p->loc = loc;
		break;
	}
	case E_STRAND: {
		rc_strand *s = push(l, &m->strands, sizeof(*s));

		if (!s)
			return;
		s->id = attr_text(l, atts, n, "id");
		s->loc = loc;
		break;
	}
	case E_STEP: start_step(l, loc, atts, n); break;
	case E_INDICATOR: {
		rc_indicator *ind = push(l, &m->indicators, sizeof(*ind));

		if (!ind)
			return;
		ind->step = m->steps.len - 1;
		ind->loc = loc;
		break;
	}
	case E_LINK:
	case E_COLUMN_LINK: start_link(l, loc, atts, n, e == E_COLUMN_LINK); break;
	case E_ASSUMPTION:
	case E_RISK:
	case E_EVIDENCE:
	case E_SUPPRESS: start_annotation(l, e, loc, atts, n); break;
	case E_INFLUENCE: {
		rc_influence *inf = push(l, &m->influences, sizeof(*inf));

		if (!inf)
			return;
		inf->id = attr_text(l, atts, n, "id");
		inf->on = attr_text(l, atts, n, "on");
		inf->on_step = RC_NONE;
		inf->kind = (rc_influence_kind)attr_enum(atts, n, "kind", influence_kind_names, RC_INFLUENCE_EXTERNAL);
		inf->loc = loc;
		break;
	}
	default: break;
	}
}

static void on_start(void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                     const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	struct loader *l = data;
	rc_loc loc;
	int e;

	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (l->status)
		return;
	loc = locate(l);
	for (e = 0; e < E_COUNT; e++)
		if (strcmp((const char *)localname, elem_names[e]) == 0)
			break;
	/* The validator has already refused anything else; this guards the stack. */
	if (e == E_COUNT || !uri || strcmp((const char *)uri, RC_MODEL_NAMESPACE) != 0 || l->depth == MAX_DEPTH ||
	    (l->depth == 0) != (e == E_MODEL)) {
		char message[256];

		if (l->depth == 0)
			snprintf(message, sizeof(message), "the root element must be <model> in namespace %s",
			         RC_MODEL_NAMESPACE);
		else
			snprintf(message, sizeof(message), "unexpected element <%.64s>", (const char *)localname);
		fail(l, RC_EINVALID, loc, message);
		return;
	}
	start_element(l, (enum elem)e, loc, attributes, nb_attributes);
	l->stack[l->depth++] = (enum elem)e;
	l->text.len = 0;
}

static void on_chars(void *data, const xmlChar *ch, int len)
{
	struct loader *l = data;

	if (l->status || l->depth == 0 || !(text_elems & 1ul << l->stack[l->depth - 1]))
		return;
	if (buffer_append(&l->text, (const char *)ch, (size_t)len))
		fail_nomem(l);
}

/* Stores the finished text of element `e` (whose parent is `parent`) in its field. */
static void store_text(struct loader *l, enum elem e, enum elem parent, const char *text)
{
	rc_model *m = l->m;

	switch (e) {
	case E_TITLE:
	case E_DESCRIPTION:
		if (parent == E_STEP) {
			rc_step *s = MODEL_AT(m, steps, rc_step, m->steps.len - 1);

			*(e == E_TITLE ? &s->title : &s->description) = text;
		} else {
			*(e == E_TITLE ? &m->title : &m->description) = text;
		}
		break;
	case E_SOURCE: m->source = text; break;
	case E_PARTNER: MODEL_AT(m, partners, rc_partner, m->partners.len - 1)->name = text; break;
	case E_STRAND: MODEL_AT(m, strands, rc_strand, m->strands.len - 1)->name = text; break;
	case E_INDICATOR: MODEL_AT(m, indicators, rc_indicator, m->indicators.len - 1)->text = text; break;
	case E_ASSUMPTION: MODEL_AT(m, assumptions, rc_assumption, m->assumptions.len - 1)->text = text; break;
	case E_STATEMENT: MODEL_AT(m, risks, rc_risk, m->risks.len - 1)->statement = text; break;
	case E_MITIGATION: MODEL_AT(m, risks, rc_risk, m->risks.len - 1)->mitigation = text; break;
	case E_CITE: MODEL_AT(m, evidence, rc_evidence, m->evidence.len - 1)->cite = text; break;
	case E_SUMMARY: MODEL_AT(m, evidence, rc_evidence, m->evidence.len - 1)->summary = text; break;
	case E_INFLUENCE: MODEL_AT(m, influences, rc_influence, m->influences.len - 1)->text = text; break;
	default: break;
	}
}

static void on_end(void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	struct loader *l = data;
	rc_model *m = l->m;
	enum elem e;

	(void)localname;
	(void)prefix;
	(void)uri;
	if (l->status || l->depth == 0)
		return;
	e = l->stack[--l->depth];
	if (text_elems & 1ul << e) {
		const char *text = fold_dup(l, l->text.data ? l->text.data : "", l->text.len, 0);

		if (!text)
			return;
		store_text(l, e, l->depth ? l->stack[l->depth - 1] : E_MODEL, text);
		l->text.len = 0;
	} else if (e == E_STEP) {
		rc_step *s = MODEL_AT(m, steps, rc_step, m->steps.len - 1);

		s->indicators.count = m->indicators.len - s->indicators.first;
		end_ranges(m, &s->assumptions, &s->risks, &s->evidence, &s->suppressions);
	} else if (e == E_LINK || e == E_COLUMN_LINK) {
		rc_link *k = MODEL_AT(m, links, rc_link, m->links.len - 1);

		end_ranges(m, &k->assumptions, &k->risks, &k->evidence, &k->suppressions);
	}
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

static int looks_utf16(const unsigned char *d, size_t len)
{
	return len >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0xFF && d[1] == 0xFE) || d[0] == 0 || d[1] == 0);
}

static int parse(struct loader *l, rc_context *ctx)
{
	xmlSAXHandler sax;
	xmlSAXHandlerPtr saxp = &sax;
	void *user = l;
	xmlSchemaValidCtxtPtr valid = NULL;
	xmlSchemaSAXPlugPtr plug = NULL;
	xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
	rc_loc start = { l->m->file, 1, 1 };

	if (is_blank(l->data, l->len)) {
		error_set_at(l->err, RC_EPARSE, l->m->file, 1, 1, "the file is empty");
		return RC_EPARSE;
	}
	if (looks_utf16(l->data, l->len)) {
		error_set_at(l->err, RC_EPARSE, l->m->file, 1, 1, "the file is UTF-16; model files must be UTF-8");
		return RC_EPARSE;
	}
	if (l->len > 3 && memcmp(l->data, "\xEF\xBB\xBF", 3) == 0)
		l->pos_offset = 3;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startDocument = on_start_document;
	sax.internalSubset = on_doctype;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_chars;
	sax.cdataBlock = on_chars;

	valid = xmlSchemaNewValidCtxt(ctx->model_schema);
	if (!valid)
		goto nomem;
	xmlSchemaSetValidStructuredErrors(valid, on_error, l);
	plug = xmlSchemaSAXPlug(valid, &saxp, &user);
	if (!plug)
		goto nomem;
	l->parser = xmlCreatePushParserCtxt(saxp, user, NULL, 0, l->m->file);
	if (!l->parser)
		goto nomem;
	xmlCtxtUseOptions(l->parser, XML_PARSE_NONET);
	xmlSetExternalEntityLoader(deny_entities);
	xmlSetStructuredErrorFunc(l, on_error);
	if (l->len > (size_t)INT32_MAX) {
		fail(l, RC_ELIMIT, start, "file too large to parse");
	} else {
		xmlParseChunk(l->parser, (const char *)l->data, (int)l->len, 1);
		if (!l->status && !l->parser->wellFormed)
			fail(l, RC_EPARSE, start, "the file is not well-formed XML");
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(old_loader);
	goto done;
nomem:
	error_set_at(l->err, RC_ENOMEM, l->m->file, 0, 0, "out of memory while loading");
	l->status = RC_ENOMEM;
done:
	if (l->parser)
		xmlFreeParserCtxt(l->parser);
	if (plug)
		xmlSchemaSAXUnplug(plug);
	if (valid)
		xmlSchemaFreeValidCtxt(valid);
	return l->status;
}

int rc_model_load_memory(rc_model **out, rc_context *ctx, const char *name, const char *data, size_t len, rc_error *err)
{
	struct loader l;
	int rc;

	*out = NULL;
	memset(&l, 0, sizeof(l));
	l.m = model_new(name);
	if (!l.m)
		return error_set_at(err, RC_ENOMEM, name, 0, 0, "out of memory while loading");
	l.data = (const unsigned char *)data;
	l.len = len;
	l.pos_line = 1;
	l.pos_column = 1;
	l.err = err;
	rc = parse(&l, ctx);
	rc_buffer_free(&l.text);
	if (rc == 0 && model_index(l.m) != 0)
		rc = error_set_at(err, RC_ENOMEM, name, 0, 0, "out of memory while indexing the model");
	if (rc != 0) {
		rc_model_free(&l.m);
		return rc;
	}
	*out = l.m;
	return 0;
}

int rc_model_load(rc_model **out, rc_context *ctx, const char *path, rc_error *err)
{
	char *data;
	size_t len;
	int rc;

	*out = NULL;
	rc = file_read(&data, &len, path, ctx->limits.max_file_bytes, err);
	if (rc != 0)
		return rc;
	rc = rc_model_load_memory(out, ctx, strcmp(path, "-") == 0 ? "<stdin>" : path, data, len, err);
	rc_free(data);
	return rc;
}
