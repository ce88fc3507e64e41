/* Status codes, source locations and the error object shared by all of rchain. */
#ifndef RCHAIN_COMMON_H
#define RCHAIN_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(RCHAIN_BUILDING) && defined(__GNUC__)
#define RC_API __attribute__((visibility("default")))
#else
#define RC_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Return codes: 0 on success, a negative rc_status on failure. */
typedef enum rc_status {
	RC_OK = 0,
	RC_ENOMEM = -1,   /* an allocation failed */
	RC_EIO = -2,      /* a file could not be read or written */
	RC_EPARSE = -3,   /* the input is not well-formed XML */
	RC_EINVALID = -4, /* the input breaks the schema */
	RC_ELIMIT = -5,   /* the input exceeds a documented limit */
	RC_EARG = -6,     /* an argument is unknown or out of range */
	RC_ERENDER = -7   /* Graphviz failed to lay out or render */
} rc_status;

/** A place in a source file: 1-based line and column (in characters). */
typedef struct rc_loc {
	const char *file; /* borrowed from the owning model */
	uint32_t line;
	uint32_t column;
} rc_loc;

/**
 * Detail of a failure, filled by any function that takes an `rc_error *`.
 * Caller-owned (usually on the stack); `file` is empty and `line` 0 when the
 * failure has no place.
 */
typedef struct rc_error {
	int status;
	char file[1024];
	uint32_t line;
	uint32_t column;
	char message[1024];
} rc_error;

/**
 * Formats `err` as one line, `FILE:LINE:COL: error: MESSAGE` (the place is
 * left out when unknown), into `buf` of `size` bytes, always NUL-terminated.
 */
RC_API void rc_error_format(const rc_error *err, char *buf, size_t size);

/** A growable byte buffer; the caller owns `data` and frees it with rc_buffer_free(). */
typedef struct rc_buffer {
	char *data;
	size_t len;
	size_t cap;
} rc_buffer;

/** Releases the buffer's memory and resets it to empty. */
RC_API void rc_buffer_free(rc_buffer *buf);

/**
 * Where output goes when it is written as it is produced: called with each
 * piece in order (`data` is borrowed for the call). Returns 0, or a negative
 * rc_status that stops the output and is passed up (RC_EIO: it could not be written).
 */
typedef int (*rc_sink)(void *user, const char *data, size_t len);

/** An rc_sink that appends to the rc_buffer `buffer`; 0 or RC_ENOMEM. */
RC_API int rc_buffer_sink(void *buffer, const char *data, size_t len);

/** The most edits rc_suggestion_offer() accepts between a word and a suggestion for it. */
#define RC_SUGGEST_MAX_EDITS 2

/**
 * "Did you mean": the closest known word to a misspelt one. Distance is the
 * optimal string alignment distance (insertions, deletions, substitutions and
 * swaps of two neighbouring bytes; ASCII letters compared without case). A
 * candidate is kept when it is at most RC_SUGGEST_MAX_EDITS edits away and no
 * more than a third of the word's length (rounded down, at least 1), and
 * closer than any offered before it (the first of equals wins); words over 128
 * bytes get none. `word` and `best` are borrowed.
 */
typedef struct rc_suggestion {
	const char *word;
	const char *best; /* the suggestion so far, or NULL */
	size_t distance;  /* internal: one more than the edits still accepted */
} rc_suggestion;

/** Starts a search for a suggestion for `word`, which must outlive `s`. */
RC_API void rc_suggestion_init(rc_suggestion *s, const char *word);

/** Offers `candidate` (borrowed until `s` is done with) as a suggestion for the word of `s`. */
RC_API void rc_suggestion_offer(rc_suggestion *s, const char *candidate);

/**
 * The first bidirectional control character in `text` (U+202A-U+202E,
 * U+2066-U+2069, U+200E, U+200F, U+061C: text shown in another order than
 * it is stored), or 0 when there is none. rchain refuses them in its inputs.
 */
RC_API unsigned long rc_bidi_control_in(const char *text);

/** The library version, "MAJOR.MINOR.PATCH" (static storage). */
RC_API const char *rc_version(void);

#ifdef __cplusplus
}
#endif

#endif
