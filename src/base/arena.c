/* Bump allocation in growing chunks; one free releases them all. */
#include "base/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "base/alloc.h"

enum { CHUNK_MIN = 64 * 1024 };

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

/* `size` bytes at the next multiple of `align` (a power of two), in a new chunk when the current one is full. */
static void *bump(struct arena *a, size_t size, size_t align)
{
	size_t start = (a->used + align - 1) & ~(align - 1);
	struct arena_chunk *chunk;
	void *p;

	if (!a->head || start > a->head->size || a->head->size - start < size) {
		size_t want = size > CHUNK_MIN ? size : CHUNK_MIN;

		if (want > SIZE_MAX - sizeof(*chunk))
			return NULL;
		chunk = rc_malloc(sizeof(*chunk) + want);
		if (!chunk)
			return NULL;
		chunk->next = a->head;
		chunk->size = want;
		a->head = chunk;
		start = 0;
	}
	p = a->head->data + start;
	a->used = start + size;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	return bump(a, size, alignof(max_align_t));
}

char *arena_alloc_text(struct arena *a, size_t size)
{
	return bump(a, size, 1);
}

void arena_trim(struct arena *a, size_t unused)
{
	a->used -= unused;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX)
		return NULL;
	copy = arena_alloc_text(a, len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *chunk = a->head;

	while (chunk) {
		struct arena_chunk *next = chunk->next;

		rc_free(chunk);
		chunk = next;
	}
	a->head = NULL;
	a->used = 0;
}

struct arena_mark arena_mark(const struct arena *a)
{
	struct arena_mark mark;

	mark.head = a->head;
	mark.used = a->used;
	return mark;
}

void arena_rewind(struct arena *a, struct arena_mark mark)
{
	while (a->head != mark.head) {
		struct arena_chunk *next = a->head->next;

		rc_free(a->head);
		a->head = next;
	}
	a->used = mark.used;
}
