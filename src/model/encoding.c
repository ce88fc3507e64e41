/* Refusing files that are not in UTF-8: byte order marks, EBCDIC and declared encodings. */
#include "model/encoding.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int encoding_is_utf8(const char *enc, size_t len)
{
	static const char *const names[] = { "UTF-8", "UTF8", "US-ASCII", "ASCII" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (len == strlen(names[i]) && strncasecmp(enc, names[i], len) == 0)
			return 1;
	return 0;
}

void encoding_message(char *out, size_t size, const char *kind, const char *how, const char *enc, size_t len)
{
	snprintf(out, size,
	         "%s %.*s, but rchain reads %s files in UTF-8 only; convert it with 'iconv -f %.*s -t UTF-8'", how,
	         (int)len, enc, kind, (int)len, enc);
}

/*
 * The encoding that a byte order mark, zero bytes among the first four, or
 * "<?xm" in EBCDIC give away; NULL for none.
 */
static const char *wide_encoding(const unsigned char *d, size_t len)
{
	if (len >= 4 && d[0] == 0x4C && d[1] == 0x6F && d[2] == 0xA7 && d[3] == 0x94)
		return "IBM037";
	if (len >= 4 &&
	    ((d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF) ||
	     (d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0) ||
	     (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] != 0) || (d[0] != 0 && d[1] == 0 && d[2] == 0 && d[3] == 0)))
		return "UTF-32";
	if (len >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0xFF && d[1] == 0xFE)))
		return "UTF-16";
	if (len >= 4 &&
	    ((d[0] == 0 && d[1] != 0 && d[2] == 0 && d[3] != 0) || (d[0] != 0 && d[1] == 0 && d[2] != 0 && d[3] == 0)))
		return "UTF-16";
	return NULL;
}

/*
 * The offset of the encoding name the XML declaration at `from` gives, its
 * length in `name_len`; `len` when there is none. Read before parsing: libxml2
 * switches to a declared encoding and then reports what it makes of the bytes
 * ("Blank needed here"), not the encoding.
 */
static size_t declared_encoding(const unsigned char *data, size_t len, size_t from, size_t *name_len)
{
	const char *d = (const char *)data + from, *end, *at;
	size_t rest = len - from;
	char quote;

	if (rest < 6 || memcmp(d, "<?xml", 5) != 0 || !strchr(" \t\r\n", d[5]))
		return len;
	end = memchr(d, '>', rest < 512 ? rest : 512);
	for (at = d; end && at + 8 < end && memcmp(at, "encoding", 8) != 0; at++)
		;
	if (!end || at + 8 >= end)
		return len;
	for (at += 8; at < end && strchr(" \t\r\n=", *at); at++)
		;
	quote = 0;
	if (at < end)
		quote = *at;
	if (quote != '"' && quote != '\'')
		return len;
	*name_len = strspn(++at, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");
	if (at + *name_len >= end || at[*name_len] != quote || *name_len == 0 || *name_len > 64)
		return len;
	return (size_t)(at - (const char *)data);
}

size_t encoding_refusal(const unsigned char *data, size_t len, size_t from, const char *kind, char *out, size_t size)
{
	const char *wide = wide_encoding(data, len);
	size_t at, name_len = 0;

	if (wide) {
		encoding_message(out, size, kind, "the file is in", wide, strlen(wide));
		return 0;
	}
	at = declared_encoding(data, len, from, &name_len);
	if (at == len || encoding_is_utf8((const char *)data + at, name_len))
		return len;
	encoding_message(out, size, kind, "the file declares the encoding", (const char *)data + at, name_len);
	return at;
}
