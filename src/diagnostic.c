/* Formats one diagnostic line: FILE:LINE:COL: SEVERITY: MESSAGE. */
#include "diagnostic.h"

#include <stdio.h>

int diagnostic_format(char *buf, size_t size, const char *file, uint32_t line, uint32_t column, const char *severity,
                      const char *message)
{
	if (file && *file && line)
		return snprintf(buf, size, "%s:%lu:%lu: %s: %s", file, (unsigned long)line, (unsigned long)column,
		                severity, message);
	if (file && *file)
		return snprintf(buf, size, "%s: %s: %s", file, severity, message);
	return snprintf(buf, size, "%s: %s", severity, message);
}
