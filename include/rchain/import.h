/* Logic-model tables in: a CSV table turned into a model (the tables out are back-ends of rchain/output.h). */
#ifndef RCHAIN_IMPORT_H
#define RCHAIN_IMPORT_H

#include "rchain/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reads the logic-model table in CSV at `path` ("-" is standard input; the
 * size limit is the context's) and appends a columns-only model in XML to
 * `out` (caller-owned). Fails with RC_EIO, RC_ELIMIT, RC_ENOMEM, or
 * RC_EINVALID with `FILE:LINE:COL` and one message in `err` (docs/interop.md).
 */
RC_API int rc_import_csv(rc_buffer *out, rc_context *ctx, const char *path, rc_error *err);

/** As rc_import_csv(), from `len` bytes at `data`; `name` is the file name used in messages. */
RC_API int rc_import_csv_memory(rc_buffer *out, const char *name, const char *data, size_t len, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
