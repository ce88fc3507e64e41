/* The entry points of the export and diff back-ends, for the output registry (src/output). */
#ifndef RC_INTEROP_BACKENDS_H
#define RC_INTEROP_BACKENDS_H

#include "rchain/diff.h"

/* Append `model` as a table or blueprint to `out`, with counts from `findings` (may be NULL); 0 or RC_ENOMEM. */
int export_csv(rc_buffer *out, const rc_model *model, const rc_findings *findings, const rc_confidence *confidence,
               rc_error *err);
int export_markdown(rc_buffer *out, const rc_model *model, const rc_findings *findings, const rc_confidence *confidence,
                    rc_error *err);
int export_kumu(rc_buffer *out, const rc_model *model, const rc_findings *findings, const rc_confidence *confidence,
                rc_error *err);

/* Append the diff to `out` as located text lines or as JSON (docs/interop.md); 0 or RC_ENOMEM. */
int diff_text(rc_buffer *out, const rc_diff *d, rc_error *err);
int diff_json(rc_buffer *out, const rc_diff *d, rc_error *err);

#endif
