/* The error object: setting it, and formatting it as one diagnostic line. */
#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/diagnostic.h"

static void __attribute__((format(printf, 2, 0))) set_message(rc_error *err, const char *fmt, va_list ap)
{
	char *p;

	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	utf8_scrub(err->message); /* libxml2 echoes input into messages, and the buffer may cut a character */
	/* One line, always: libxml2 messages end in newlines. */
	for (p = err->message; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	while (p > err->message && p[-1] == ' ')
		*--p = '\0';
}

static int __attribute__((format(printf, 6, 0)))
set(rc_error *err, int status, const char *file, uint32_t line, uint32_t column, const char *fmt, va_list ap)
{
	if (!err)
		return status;
	err->status = status;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	set_message(err, fmt, ap);
	return status;
}

int error_set(rc_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status = set(err, status, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return status;
}

int error_set_at(rc_error *err, int status, const char *file, uint32_t line, uint32_t column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	status = set(err, status, file, line, column, fmt, ap);
	va_end(ap);
	return status;
}

void rc_error_format(const rc_error *err, char *buf, size_t size)
{
	rc_buffer line = { 0 };

	if (diagnostic_append(&line, err->file, err->line, err->column, "error", err->message) != 0)
		snprintf(buf, size, "error: %s", err->message);
	else
		snprintf(buf, size, "%s", line.data);
	rc_buffer_free(&line);
}
