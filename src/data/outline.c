/*
 * Build tool: reads the model schema (model.xsd) and writes, as a C source,
 * its outline: for each element, the child elements and the attributes the
 * schema allows in it (rc_schema_element, rchain/schema.h). Derived at build
 * time so that it cannot drift from the schema; a construct it does not
 * understand stops the build rather than giving a wrong outline.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#define XS "http://www.w3.org/2001/XMLSchema"
#define MAX_ELEMENTS 64
#define MAX_NAMES 48

struct attribute {
	const char *name;
	int required;
};

struct element {
	const char *name;
	xmlNode *type; /* its complexType, or NULL for simple content */
	const char *children[MAX_NAMES];
	size_t child_count;
	struct attribute attrs[MAX_NAMES];
	size_t attr_count;
};

struct outline {
	xmlNode *schema;
	struct element elements[MAX_ELEMENTS];
	size_t count;
	int failed;
};

static int is_xs(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, XS) == 0 &&
	       (!name || strcmp((const char *)n->name, name) == 0);
}

/* The value of attribute `name` of `n` (kept by the document), or NULL. */
static const char *attr(xmlNode *n, const char *name)
{
	xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0 && a->children)
			return (const char *)a->children->content;
	return NULL;
}

static void fail(struct outline *o, const xmlNode *at, const char *what)
{
	fprintf(stderr, "model.xsd:%d: %s\n", at ? at->line : 0, what);
	o->failed = 1;
}

/* The top-level declaration `kind` (complexType, group) called `qname` (its prefix dropped), or NULL. */
static xmlNode *declaration(const struct outline *o, const char *kind, const char *qname)
{
	const char *local = qname ? strchr(qname, ':') : NULL;
	xmlNode *n;

	local = local ? local + 1 : qname;
	for (n = o->schema->children; local && n; n = n->next)
		if (is_xs(n, kind) && attr(n, "name") && strcmp(attr(n, "name"), local) == 0)
			return n;
	return NULL;
}

/* The element called `name` whose content is `type`, added when it is new; NULL after a failure. */
static struct element *element(struct outline *o, xmlNode *at, const char *name, xmlNode *type)
{
	size_t i;

	for (i = 0; i < o->count; i++)
		if (strcmp(o->elements[i].name, name) == 0) {
			if (o->elements[i].type != type)
				fail(o, at, "an element name with two types: the outline is by name");
			return &o->elements[i];
		}
	if (o->count == MAX_ELEMENTS) {
		fail(o, at, "too many elements for the outline");
		return NULL;
	}
	o->elements[o->count].name = name;
	o->elements[o->count].type = type;
	return &o->elements[o->count++];
}

/* The complexType an element declaration gives its content: named by `type` or written inside; NULL for text. */
static xmlNode *content_type(struct outline *o, xmlNode *decl)
{
	xmlNode *n;

	for (n = decl->children; n; n = n->next)
		if (is_xs(n, "complexType"))
			return n;
	return declaration(o, "complexType", attr(decl, "type"));
}

static void add_child(struct outline *o, struct element *e, xmlNode *decl)
{
	const char *name = attr(decl, "name");
	size_t i;

	if (!name) {
		fail(o, decl, "an element without a name (ref=) is not supported");
		return;
	}
	if (!element(o, decl, name, content_type(o, decl)))
		return;
	for (i = 0; i < e->child_count; i++)
		if (strcmp(e->children[i], name) == 0)
			return;
	if (e->child_count == MAX_NAMES)
		fail(o, decl, "too many children for the outline");
	else
		e->children[e->child_count++] = name;
}

static void add_attribute(struct outline *o, struct element *e, xmlNode *decl)
{
	const char *name = attr(decl, "name"), *use = attr(decl, "use");

	if (!name)
		fail(o, decl, "an attribute without a name (ref=) is not supported");
	else if (e->attr_count == MAX_NAMES)
		fail(o, decl, "too many attributes for the outline");
	else
		e->attrs[e->attr_count++] = (struct attribute){ name, use && strcmp(use, "required") == 0 };
}

/* Collects the children and attributes that the content model under `n` allows into `e`. */
static void walk(struct outline *o, struct element *e, xmlNode *n)
{
	for (n = n->children; n && !o->failed; n = n->next) {
		if (!is_xs(n, NULL))
			continue;
		if (is_xs(n, "sequence") || is_xs(n, "choice") || is_xs(n, "all") || is_xs(n, "simpleContent") ||
		    is_xs(n, "complexContent")) {
			walk(o, e, n);
		} else if (is_xs(n, "extension") || is_xs(n, "restriction")) {
			xmlNode *base = declaration(o, "complexType", attr(n, "base"));

			if (base)
				walk(o, e, base);
			walk(o, e, n);
		} else if (is_xs(n, "group")) {
			xmlNode *group = declaration(o, "group", attr(n, "ref"));

			if (group)
				walk(o, e, group);
			else
				fail(o, n, "a group reference to no group");
		} else if (is_xs(n, "element")) {
			add_child(o, e, n);
		} else if (is_xs(n, "attribute")) {
			add_attribute(o, e, n);
		} else if (!is_xs(n, "annotation") && !is_xs(n, "simpleType") && !is_xs(n, "pattern") &&
		           !is_xs(n, "enumeration") && !is_xs(n, "maxLength") && !is_xs(n, "minLength")) {
			fail(o, n, "a schema construct the outline does not understand");
		}
	}
}

static void write_outline(FILE *out, const struct outline *o)
{
	size_t i, j;

	fprintf(out, "/* Generated from model.xsd by src/data/outline.c at build time: do not edit. */\n"
	             "#include \"data/embedded.h\"\n\n");
	for (i = 0; i < o->count; i++) {
		const struct element *e = &o->elements[i];

		fprintf(out, "static const char *const children_%zu[] = {", i);
		for (j = 0; j < e->child_count; j++)
			fprintf(out, " \"%s\",", e->children[j]);
		fprintf(out, " 0 };\nstatic const rc_schema_attribute attributes_%zu[] = {", i);
		for (j = 0; j < e->attr_count; j++)
			fprintf(out, " { \"%s\", %d },", e->attrs[j].name, e->attrs[j].required);
		fprintf(out, " { 0, 0 } };\n");
	}
	fprintf(out, "\nconst rc_schema_element rc_embedded_outline[] = {\n");
	for (i = 0; i < o->count; i++)
		fprintf(out, "\t{ \"%s\", children_%zu, attributes_%zu },\n", o->elements[i].name, i, i);
	fprintf(out, "};\nconst size_t rc_embedded_outline_count = %zu;\n", o->count);
}

int main(int argc, char **argv)
{
	static struct outline o;
	xmlDoc *doc;
	xmlNode *n;
	size_t i;
	FILE *out;

	if (argc != 3) {
		fprintf(stderr, "usage: outline OUTPUT.c model.xsd\n");
		return 2;
	}
	doc = xmlReadFile(argv[2], NULL, XML_PARSE_NONET);
	if (!doc || !(o.schema = xmlDocGetRootElement(doc)) || !is_xs(o.schema, "schema")) {
		fprintf(stderr, "%s: not an XML Schema\n", argv[2]);
		xmlFreeDoc(doc);
		return 1;
	}
	/* The global elements are the roots a file may have; the rest are found from them, in schema order. */
	for (n = o.schema->children; n && !o.failed; n = n->next)
		if (is_xs(n, "element"))
			add_child(&o, &(struct element){ 0 }, n);
	for (i = 0; i < o.count && !o.failed; i++)
		if (o.elements[i].type)
			walk(&o, &o.elements[i], o.elements[i].type);
	out = o.failed ? NULL : fopen(argv[1], "w");
	if (out) {
		write_outline(out, &o);
		o.failed = fclose(out) != 0;
	} else if (!o.failed) {
		perror(argv[1]);
		o.failed = 1;
	}
	xmlFreeDoc(doc);
	return o.failed;
}
