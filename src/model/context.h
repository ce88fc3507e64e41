/* The process-wide context: compiled schemas and limits. */
#ifndef RC_CONTEXT_H
#define RC_CONTEXT_H

#include <libxml/xmlschemas.h>

#include "rchain/model.h"

struct rc_context {
	xmlSchemaPtr model_schema;
	xmlSchemaPtr evidence_schema;
	rc_limits limits;
};

#endif
