/* Formats one diagnostic line: FILE:LINE:COL: SEVERITY: MESSAGE. */
#include "base/diagnostic.h"

#include "base/buffer.h"

/* Piece by piece rather than through printf: this runs once per finding, and a big model has many. */
int diagnostic_place(rc_buffer *out, const char *file, uint32_t line, uint32_t column)
{
	int rc = 0;

	if (file && *file) {
		rc |= buffer_puts(out, file);
		if (line) {
			rc |= buffer_append(out, ":", 1);
			rc |= buffer_append_number(out, line);
			rc |= buffer_append(out, ":", 1);
			rc |= buffer_append_number(out, column);
		}
	}
	return rc ? RC_ENOMEM : 0;
}

int diagnostic_append(rc_buffer *out, const char *file, uint32_t line, uint32_t column, const char *severity,
                      const char *message)
{
	int rc = diagnostic_place(out, file, line, column);

	if (file && *file)
		rc |= buffer_append(out, ": ", 2);
	rc |= buffer_puts(out, severity);
	rc |= buffer_append(out, ": ", 2);
	rc |= buffer_puts(out, message);
	return rc ? RC_ENOMEM : 0;
}
