/* The embedded XML schemas, for editors and external validators. */
#ifndef RCHAIN_SCHEMA_H
#define RCHAIN_SCHEMA_H

#include "rchain/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The model namespace, "urn:rchain:model:1". */
#define RC_MODEL_NAMESPACE "urn:rchain:model:1"
/** The evidence-base namespace, "urn:rchain:evidence:1". */
#define RC_EVIDENCE_NAMESPACE "urn:rchain:evidence:1"

/**
 * The text of the embedded schema called `name` ("model" or "evidence"), or NULL for an
 * unknown name; static storage, `*len` receives its length.
 */
RC_API const char *rc_schema_text(const char *name, size_t *len);

/** An attribute the model schema allows on an element (static storage). */
typedef struct rc_schema_attribute {
	const char *name;
	int required; /* nonzero for one the schema requires */
} rc_schema_attribute;

/**
 * What the model schema allows in one element, derived from model.xsd at
 * build time (static storage): the elements allowed inside it and its
 * attributes, each in schema order. An element of text only has neither.
 */
typedef struct rc_schema_element {
	const char *name;
	const char *const *children;           /* NULL-terminated */
	const rc_schema_attribute *attributes; /* ended by one whose name is NULL */
} rc_schema_element;

/**
 * The elements of the model schema, the root first (i = 0, <model>), then
 * the others in the order the schema reaches them; NULL past the end.
 */
RC_API const rc_schema_element *rc_schema_element_at(size_t i);

/** The model schema's element called `name`, or NULL when the schema has none. */
RC_API const rc_schema_element *rc_schema_element_find(const char *name);

#ifdef __cplusplus
}
#endif

#endif
