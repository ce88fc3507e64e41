/* Data files compiled into the library by src/gen/embed.c (NUL-terminated). */
#ifndef RC_EMBEDDED_H
#define RC_EMBEDDED_H

#include <stddef.h>

#include "rchain/schema.h"

extern const unsigned char rc_embedded_model_xsd[];
extern const size_t rc_embedded_model_xsd_len;
extern const unsigned char rc_embedded_evidence_xsd[];
extern const size_t rc_embedded_evidence_xsd_len;
extern const unsigned char rc_embedded_evidence_base_xml[];
extern const size_t rc_embedded_evidence_base_xml_len;

extern const unsigned char rc_embedded_blank_xml[];
extern const size_t rc_embedded_blank_xml_len;
extern const unsigned char rc_embedded_partnership_xml[];
extern const size_t rc_embedded_partnership_xml_len;
extern const unsigned char rc_embedded_columns_xml[];
extern const size_t rc_embedded_columns_xml_len;

/* The outline of model.xsd, written by src/data/outline.c. */
extern const rc_schema_element rc_embedded_outline[];
extern const size_t rc_embedded_outline_count;

#endif
