/* A bump allocator: everything a loaded model owns is freed by one arena_free(). */
#ifndef RC_ARENA_H
#define RC_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t used;
};

/* Where an arena stands: arena_rewind() frees everything allocated after it. */
struct arena_mark {
	struct arena_chunk *head;
	size_t used;
};

/* `size` bytes aligned for any type; NULL on failure. */
void *arena_alloc(struct arena *a, size_t size);
/* `size` bytes for characters, not aligned: strings are packed end to end; NULL on failure. */
char *arena_alloc_text(struct arena *a, size_t size);
/* Gives back the last `unused` bytes of the latest allocation, which has at least that many. */
void arena_trim(struct arena *a, size_t unused);
/* Copies `len` bytes of `s` and a terminating NUL; NULL on failure. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
void arena_free(struct arena *a);
struct arena_mark arena_mark(const struct arena *a);
/* Frees what was allocated since `mark` was taken, which must be a mark of `a`. */
void arena_rewind(struct arena *a, struct arena_mark mark);

#endif
