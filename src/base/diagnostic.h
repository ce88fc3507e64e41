/* The one diagnostic line format shared by load errors and findings. */
#ifndef RC_DIAGNOSTIC_H
#define RC_DIAGNOSTIC_H

#include "rchain/common.h"

/* Appends the place of a diagnostic, `FILE:LINE:COL`, `FILE` or nothing, to `out`. Returns 0 or RC_ENOMEM. */
int diagnostic_place(rc_buffer *out, const char *file, uint32_t line, uint32_t column);

/*
 * Appends `FILE:LINE:COL: SEVERITY: MESSAGE` to `out` (no newline); the place
 * shrinks to `FILE:` or nothing when unknown. Returns 0 or RC_ENOMEM.
 */
int diagnostic_append(rc_buffer *out, const char *file, uint32_t line, uint32_t column, const char *severity,
                      const char *message);

#endif
