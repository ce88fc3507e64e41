/* The growable output buffer every renderer writes into. */
#include "base/buffer.h"

#include <stdio.h>
#include <string.h>

#include "base/alloc.h"

void utf8_scrub(char *s)
{
	size_t r = 0, w = 0;

	while (s[r]) {
		unsigned char c = (unsigned char)s[r];
		size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		size_t k;
		int whole = n > 0;

		/* The terminating NUL is not a continuation byte, so a sequence cut at the end is dropped. */
		for (k = 1; whole && k < n; k++)
			whole = ((unsigned char)s[r + k] & 0xC0) == 0x80;
		if (!whole) {
			r++;
			continue;
		}
		memmove(s + w, s + r, n);
		w += n;
		r += n;
	}
	s[w] = '\0';
}

void rc_buffer_free(rc_buffer *buf)
{
	rc_free(buf->data);
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
}

static int reserve(rc_buffer *buf, size_t extra)
{
	void *data = buf->data;

	if (extra >= SIZE_MAX - buf->len)
		return RC_ENOMEM;
	if (rc_grow(&data, &buf->cap, buf->len + extra + 1, 1))
		return RC_ENOMEM;
	buf->data = data;
	return 0;
}

int buffer_append(rc_buffer *buf, const char *data, size_t len)
{
	if (reserve(buf, len))
		return RC_ENOMEM;
	memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
	return 0;
}

int rc_buffer_sink(void *buffer, const char *data, size_t len)
{
	return buffer_append(buffer, data, len);
}

int buffer_puts(rc_buffer *buf, const char *s)
{
	return buffer_append(buf, s, strlen(s));
}

int buffer_vprintf(rc_buffer *buf, const char *fmt, va_list ap)
{
	size_t room = buf->data ? buf->cap - buf->len : 0;
	va_list again;
	int n;

	/* One pass into the free tail; only a piece longer than it is formatted again, after growing once. */
	va_copy(again, ap);
	n = vsnprintf(room ? buf->data + buf->len : NULL, room, fmt, again);
	va_end(again);
	if (n < 0 || ((size_t)n >= room && reserve(buf, (size_t)n))) {
		if (buf->data)
			buf->data[buf->len] = '\0'; /* the cut-short piece is not part of the text */
		return RC_ENOMEM;
	}
	if ((size_t)n >= room)
		vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
	return 0;
}

int buffer_append_number(rc_buffer *buf, unsigned long n)
{
	char digits[24];
	size_t at = sizeof(digits);

	do {
		digits[--at] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return buffer_append(buf, digits + at, sizeof(digits) - at);
}

int buffer_printf(rc_buffer *buf, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buffer_vprintf(buf, fmt, ap);
	va_end(ap);
	return rc;
}

int buffer_escape(rc_buffer *buf, const char *s, size_t len, const char *const with[ESCAPE_TABLE_SIZE])
{
	size_t start = 0, i;

	for (i = 0; i < len; i++) {
		const char *replacement = with[(unsigned char)s[i]];

		if (!replacement)
			continue;
		/* The run before it is copied in one go. */
		if (buffer_append(buf, s + start, i - start) || buffer_puts(buf, replacement))
			return RC_ENOMEM;
		start = i + 1;
	}
	return buffer_append(buf, s + start, len - start);
}

int buffer_xml_text(rc_buffer *buf, const char *s)
{
	static const char *const entities[ESCAPE_TABLE_SIZE] = {
		['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;"
	};

	return buffer_escape(buf, s, strlen(s), entities);
}

/* What a JSON string escapes: the quote, the backslash and every control character. */
static const char json_escaped[] = "\"\\\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
                                   "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f";

int buffer_json_string(rc_buffer *buf, const char *s)
{
	if (!s)
		return buffer_puts(buf, "null");
	if (buffer_puts(buf, "\""))
		return RC_ENOMEM;
	while (*s) {
		/* Copy the longest run that needs no escape in one go. */
		size_t run = strcspn(s, json_escaped);

		if (buffer_append(buf, s, run))
			return RC_ENOMEM;
		s += run;
		if (!*s)
			break;
		if ((*s == '"' || *s == '\\') ? buffer_printf(buf, "\\%c", *s) : buffer_printf(buf, "\\u%04x", *s))
			return RC_ENOMEM;
		s++;
	}
	return buffer_puts(buf, "\"");
}
