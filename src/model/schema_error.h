/* libxml2's schema-validity errors in plain words: the loader rule, what the error is about, a suggestion. */
#ifndef RC_SCHEMA_ERROR_H
#define RC_SCHEMA_ERROR_H

#include "model/problems.h"

/* What the validator complains about, for the words and the suggestions. */
struct schema_vocabulary {
	const char *ns;           /* the format's namespace, left out of element names */
	const char *const *names; /* the format's elements, NULL-terminated */
	const char *schema;       /* the XSD text: the attributes of each element are read from it */
};

/* One error explained. */
struct schema_error {
	enum load_rule rule;
	char element[128];   /* the element it is about, without the namespace */
	char attribute[128]; /* the attribute it is about, or "" */
	char message[1024];
};

/*
 * Explains libxml2's message `msg` of a schema-validity error about an
 * element inside `parent` (its name, or NULL at the root) into `out`.
 * Returns 0, or -1 when the message is not one of the shapes it knows (then
 * `out->rule` is RS_SCHEMA and `out->message` empty: the caller words it).
 */
int schema_error_explain(const struct schema_vocabulary *v, const char *msg, const char *parent,
                         struct schema_error *out);

#endif
