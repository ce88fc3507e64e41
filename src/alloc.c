/* Allocation wrappers with a failure-injection hook for the allocation-failure tests. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>

static long fail_after = -1;
static int fail_once; /* only the one allocation fails, the ones after it succeed */
static long made;

static int allocation_allowed(void)
{
	if (fail_after == 0) {
		if (fail_once)
			fail_after = -1;
		return 0;
	}
	if (fail_after > 0)
		fail_after--;
	made++;
	return 1;
}

static long set_failure(long n, int once)
{
	long count = made;

	fail_after = n;
	fail_once = once;
	made = 0;
	return count;
}

long rc_alloc_fail_after(long n)
{
	return set_failure(n, 0);
}

long rc_alloc_fail_once(long n)
{
	return set_failure(n, 1);
}

void *rc_malloc(size_t size)
{
	return allocation_allowed() ? malloc(size ? size : 1) : NULL;
}

void *rc_calloc(size_t count, size_t size)
{
	return allocation_allowed() ? calloc(count ? count : 1, size ? size : 1) : NULL;
}

void *rc_realloc(void *ptr, size_t size)
{
	return allocation_allowed() ? realloc(ptr, size ? size : 1) : NULL;
}

int rc_grow(void **array, size_t *cap, size_t need, size_t size)
{
	size_t cap2 = *cap ? *cap : 8;
	void *p;

	if (need <= *cap)
		return 0;
	while (cap2 < need) {
		if (cap2 > SIZE_MAX / 2)
			return -1;
		cap2 *= 2;
	}
	if (cap2 > SIZE_MAX / size)
		return -1;
	p = rc_realloc(*array, cap2 * size);
	if (!p)
		return -1;
	*array = p;
	*cap = cap2;
	return 0;
}

void rc_free(void *ptr)
{
	free(ptr);
}
