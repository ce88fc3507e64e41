/* Appending to an rc_buffer; every function returns 0 or RC_ENOMEM. */
#ifndef RC_BUFFER_H
#define RC_BUFFER_H

#include <stdarg.h>

#include "rchain/common.h"

/*
 * Drops, in place, every byte of `s` that is not part of a complete UTF-8
 * sequence: a message cut short or echoing bad input stays valid text.
 */
void utf8_scrub(char *s);

int buffer_append(rc_buffer *buf, const char *data, size_t len);
int buffer_puts(rc_buffer *buf, const char *s);
/* Appends `n` in decimal, as "%lu" would. */
int buffer_append_number(rc_buffer *buf, unsigned long n);
int buffer_printf(rc_buffer *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buffer_vprintf(rc_buffer *buf, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The size of a table of replacements for buffer_escape(), one slot per byte value. */
#define ESCAPE_TABLE_SIZE 256
/* Appends the `len` bytes at `s`, writing each byte `b` whose `with[b]` is not NULL as that string instead. */
int buffer_escape(rc_buffer *buf, const char *s, size_t len, const char *const with[ESCAPE_TABLE_SIZE]);
/* Appends `s` as XML or HTML text, fit for content and quoted attribute values: & < > " ' become references. */
int buffer_xml_text(rc_buffer *buf, const char *s);
/* Appends `s` as a JSON string in quotes (`null` when `s` is NULL), escaping quotes, backslashes and controls. */
int buffer_json_string(rc_buffer *buf, const char *s);

#endif
