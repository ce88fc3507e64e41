/* Formats one diagnostic line: FILE:LINE:COL: SEVERITY: MESSAGE. */
#include "diagnostic.h"

#include "buffer.h"

int diagnostic_append(rc_buffer *out, const char *file, uint32_t line, uint32_t column, const char *severity,
                      const char *message)
{
	if (file && *file && line)
		return buffer_printf(out, "%s:%lu:%lu: %s: %s", file, (unsigned long)line, (unsigned long)column,
		                     severity, message);
	if (file && *file)
		return buffer_printf(out, "%s: %s: %s", file, severity, message);
	return buffer_printf(out, "%s: %s", severity, message);
}
