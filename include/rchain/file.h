/* Output files written atomically. */
#ifndef RCHAIN_FILE_H
#define RCHAIN_FILE_H

#include "rchain/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Writes `len` bytes to `path` atomically: a temporary file beside it is
 * written, flushed and renamed into place, so a failure leaves any previous
 * file untouched. Returns 0, RC_EIO (with the reason in `err`).
 */
RC_API int rc_file_write_atomic(const char *path, const char *data, size_t len, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
