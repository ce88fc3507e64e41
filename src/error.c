/* The error object: setting it, and formatting it as one diagnostic line. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diagnostic.h"

static void set_message(rc_error *err, const char *fmt, va_list ap)
{
	char *p;

	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	/* One line, always: libxml2 messages end in newlines. */
	for (p = err->message; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	while (p > err->message && p[-1] == ' ')
		*--p = '\0';
}

int error_set(rc_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	err->file[0] = '\0';
	err->line = 0;
	err->column = 0;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return status;
}

int error_set_at(rc_error *err, int status, const char *file, uint32_t line, uint32_t column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return status;
}

void rc_error_format(const rc_error *err, char *buf, size_t size)
{
	diagnostic_format(buf, size, err->file, err->line, err->column, "error", err->message);
}
