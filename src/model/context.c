/* The context: the embedded schema compiled once, the default limits, the schema text for users. */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "base/alloc.h"
#include "config.h"
#include "model/context.h"
#include "data/embedded.h"
#include "base/error.h"
#include "rchain/schema.h"

enum { DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024 };

static void ignore_error(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

static xmlSchemaPtr compile_schema(const unsigned char *text, size_t len)
{
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewMemParserCtxt((const char *)text, (int)len);
	xmlSchemaPtr schema = NULL;

	if (!pctx)
		return NULL;
	xmlSchemaSetParserStructuredErrors(pctx, ignore_error, NULL);
	schema = xmlSchemaParse(pctx);
	xmlSchemaFreeParserCtxt(pctx);
	return schema;
}

int rc_context_new(rc_context **out, rc_error *err)
{
	rc_context *ctx = rc_calloc(1, sizeof(*ctx));

	*out = NULL;
	if (!ctx)
		return error_set(err, RC_ENOMEM, "out of memory creating the context");
	xmlInitParser();
	ctx->limits.max_file_bytes = DEFAULT_MAX_FILE_BYTES;
	/* The embedded schema is valid by construction (a test compiles it), so failure means memory. */
	ctx->model_schema = compile_schema(rc_embedded_model_xsd, rc_embedded_model_xsd_len);
	ctx->evidence_schema = compile_schema(rc_embedded_evidence_xsd, rc_embedded_evidence_xsd_len);
	if (!ctx->model_schema || !ctx->evidence_schema) {
		rc_context_free(&ctx);
		return error_set(err, RC_ENOMEM, "out of memory compiling the schemas");
	}
	*out = ctx;
	return 0;
}

void rc_context_free(rc_context **ctx)
{
	if (!ctx || !*ctx)
		return;
	if ((*ctx)->model_schema)
		xmlSchemaFree((*ctx)->model_schema);
	if ((*ctx)->evidence_schema)
		xmlSchemaFree((*ctx)->evidence_schema);
	rc_free(*ctx);
	*ctx = NULL;
}

rc_limits *rc_context_limits(rc_context *ctx)
{
	return &ctx->limits;
}

const char *rc_schema_text(const char *name, size_t *len)
{
	if (strcmp(name, "model") == 0) {
		*len = rc_embedded_model_xsd_len;
		return (const char *)rc_embedded_model_xsd;
	}
	if (strcmp(name, "evidence") == 0) {
		*len = rc_embedded_evidence_xsd_len;
		return (const char *)rc_embedded_evidence_xsd;
	}
	return NULL;
}

const rc_schema_element *rc_schema_element_at(size_t i)
{
	return i < rc_embedded_outline_count ? &rc_embedded_outline[i] : NULL;
}

const rc_schema_element *rc_schema_element_find(const char *name)
{
	size_t i;

	for (i = 0; i < rc_embedded_outline_count; i++)
		if (strcmp(rc_embedded_outline[i].name, name) == 0)
			return &rc_embedded_outline[i];
	return NULL;
}

const char *rc_version(void)
{
	return RC_VERSION;
}
