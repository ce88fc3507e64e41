/* Bidirectional control characters, which rchain refuses in its inputs (docs/format.md, section 6). */
#ifndef RC_BIDI_H
#define RC_BIDI_H

#include <stddef.h>
#include <stdint.h>

/*
 * Nonzero for the embeddings and overrides U+202A-U+202E, the isolates
 * U+2066-U+2069, the marks U+200E, U+200F and U+061C: characters that make
 * text display in another order than it is stored ("Trojan Source").
 */
static inline int bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
	       cp == 0x061C;
}

/* The refusal, for snprintf with the character as an unsigned int. */
#define BIDI_MESSAGE                                                                                                  \
	"a bidirectional control character (U+%04X), which can show text in another order than it is stored; remove " \
	"it"

/* The first bidirectional control character in the valid UTF-8 string `s` (0 when none). */
static inline uint32_t bidi_find(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		uint32_t cp = 0;

		if (p[0] == 0xD8 && p[1] == 0x9C)
			cp = 0x061C;
		else if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2] >= 0x80)
			cp = 0x2000u | (uint32_t)(p[1] & 0x3F) << 6 | (uint32_t)(p[2] & 0x3F);
		if (cp && bidi_control(cp))
			return cp;
	}
	return 0;
}

#endif
