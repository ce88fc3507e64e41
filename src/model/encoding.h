/* Refusing files that are not in UTF-8, in rchain's words, before libxml2 reads them. */
#ifndef RC_MODEL_ENCODING_H
#define RC_MODEL_ENCODING_H

#include <stddef.h>

/* Nonzero when the encoding name `enc` (`len` bytes) is UTF-8 or ASCII, its subset, in any case. */
int encoding_is_utf8(const char *enc, size_t len);

/*
 * Writes into `out` the one line that refuses a `kind` file ("model") in the
 * encoding `enc` (`len` bytes): `how` ("the file is in") ENC, that rchain reads
 * UTF-8 only, and the iconv command that converts it.
 */
void encoding_message(char *out, size_t size, const char *kind, const char *how, const char *enc, size_t len);

/*
 * Looks at the start of `data` (the XML declaration from byte `from`, after a
 * UTF-8 byte order mark): a UTF-16 or UTF-32 byte order mark or zero bytes,
 * EBCDIC, or a declared encoding that is not UTF-8. Returns the offset of what
 * gives the encoding away (0, or the declared name) with the message in `out`,
 * or `len` when the file may be UTF-8.
 */
size_t encoding_refusal(const unsigned char *data, size_t len, size_t from, const char *kind, char *out, size_t size);

#endif
