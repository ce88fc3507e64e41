/* The one diagnostic line format shared by load errors and findings. */
#ifndef RC_DIAGNOSTIC_H
#define RC_DIAGNOSTIC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes `FILE:LINE:COL: SEVERITY: MESSAGE` into `buf` (NUL-terminated,
 * truncated to `size`); the place shrinks to `FILE:` or nothing when unknown.
 * Returns the length the full line needs, as snprintf does.
 */
int diagnostic_format(char *buf, size_t size, const char *file, uint32_t line, uint32_t column, const char *severity,
                      const char *message);

#endif
