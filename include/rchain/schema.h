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

#ifdef __cplusplus
}
#endif

#endif
