/* Safe streaming XML: libxml2 SAX2 with a schema plugged in, exact places, one located error. */
#ifndef RC_XML_READ_H
#define RC_XML_READ_H

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "base/arena.h"
#include "base/vec.h"
#include "model/problems.h"
#include "rchain/common.h"

struct xml_reader;

/* What a document looks like and what to do with its elements. */
struct xml_format {
	const char *kind;         /* "model", in messages: "... in model files" */
	const char *ns;           /* the one namespace */
	const char *const *names; /* element names, NULL-terminated; an element's number is its index */
	const char *schema;       /* the XSD text, for the words of schema errors */
	unsigned long text_elems; /* bit per element number whose text is collected */
	/* An element starts: `elem` is its number, `parent` that of the enclosing element (-1 at the root). */
	void (*start)(struct xml_reader *r, int elem, int parent, rc_loc loc, const xmlChar **atts, int natts);
	/* An element ends; `text` is its folded text for text elements, else NULL. */
	void (*end)(struct xml_reader *r, int elem, int parent, const char *text);
};

/*
 * Parses `len` bytes named `file` against `schema` (NULL: trusted input, not
 * validated), calling the format's
 * handlers with `user` reachable through xml_user(). Strings go into
 * `arena`. With `release`, the caller will not read `data` again but only
 * free it: the whole pages of it already parsed are then given back to the
 * system (they read as zeros afterwards). Every problem goes into
 * `problems`: after the first, the handlers are no longer called, and the
 * parse goes on (up to RC_PROBLEM_CAP) only to find the schema's other
 * errors. Returns 0 or a negative rc_status with the first problem in file
 * order (or the failure that has no place) in `err`.
 */
int xml_read(const struct xml_format *format, xmlSchemaPtr schema, const char *file, const char *data, size_t len,
             int release, struct arena *arena, void *user, rc_problems *problems, rc_error *err);

void *xml_user(const struct xml_reader *r);

/* An attribute's value folded and copied into the arena; NULL when absent, or on failure (the parse then stops). */
const char *xml_attr_text(struct xml_reader *r, const xmlChar **atts, int natts, const char *name);
/* The index of an attribute's value in `names` (NULL-terminated), or `dflt` when absent or unknown. */
int xml_attr_enum(const xmlChar **atts, int natts, const char *name, const char *const *names, int dflt);

/* Records a problem of `rule` at `loc` and stops the parse with `status`. */
void xml_fail(struct xml_reader *r, enum load_rule rule, int status, rc_loc loc, const char *message);
/* Records a problem of `rule` at `loc`; the model is no longer built, but the parse goes on to find more. */
void xml_problem(struct xml_reader *r, enum load_rule rule, rc_loc loc, const char *message);
void xml_fail_nomem(struct xml_reader *r);

/* Appends a zeroed element of `size` bytes to `v`; on failure stops the parse and returns NULL. */
void *xml_push(struct xml_reader *r, struct vec *v, size_t size);

#endif
