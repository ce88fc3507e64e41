/* Reading input files whole, with a size cap. */
#ifndef RC_FILE_H
#define RC_FILE_H

#include "rchain/common.h"

/*
 * Reads all of `path` ("-" is standard input) into `*out` (caller frees with
 * rc_free), refusing directories (a directory is "not `what`", e.g. "a model file") and anything over `max` bytes.
 * Returns 0, RC_EIO, RC_ELIMIT or RC_ENOMEM with a located message in `err`.
 */
int file_read(char **out, size_t *len, const char *path, const char *what, size_t max, rc_error *err);

#endif
