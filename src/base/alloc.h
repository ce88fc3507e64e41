/* The one place the library allocates from, so tests can make the n-th allocation fail. */
#ifndef RC_ALLOC_H
#define RC_ALLOC_H

#include <stddef.h>

void *rc_malloc(size_t size);
void *rc_calloc(size_t count, size_t size);
void *rc_realloc(void *ptr, size_t size);
/* Grows an array of `*cap` elements of `size` bytes to hold `need`; 0 or -1. */
int rc_grow(void **array, size_t *cap, size_t need, size_t size);
void rc_free(void *ptr);

/*
 * Test hook: after `n` more successful allocations, every allocation fails
 * (n < 0 disables). Returns the number of allocations made since the last call.
 */
long rc_alloc_fail_after(long n);
/* The same, but only that one allocation fails: the ones after it succeed again (a passing shortage). */
long rc_alloc_fail_once(long n);
/* Test hook: how many of the library's allocations are not freed yet. */
long rc_alloc_live(void);

#endif
