/* Output files written atomically. */
#ifndef RCHAIN_FILE_H
#define RCHAIN_FILE_H

#include "rchain/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of rc_file_write_atomic(): replace a read-only file too. */
#define RC_WRITE_FORCE 1u

/**
 * Writes `len` bytes to `path` atomically: an unnamed temporary file
 * (O_TMPFILE) in its folder, or where the file system has none a named one
 * beside it, is written, flushed, and linked or renamed into place, so a
 * failure leaves any previous file untouched. A replaced file keeps its
 * permissions; a read-only one is refused unless `flags` has RC_WRITE_FORCE.
 * Temporaries of dead writers in the folder are removed first (docs/limits.md).
 * Returns 0, RC_EIO (with the reason in `err`).
 */
RC_API int rc_file_write_atomic(const char *path, const char *data, size_t len, unsigned flags, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
