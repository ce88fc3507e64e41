/* Allocation wrappers with a failure-injection hook for the allocation-failure tests. */
#include "base/alloc.h"

#include <stdint.h>
#include <stdlib.h>

static long fail_after = -1;
static int fail_once; /* only the one allocation fails, the ones after it succeed */
static long made;
static long live; /* allocations not yet freed */

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

/* Counts `p` as a new allocation when it is one (`fresh`: not a resized block). */
static void *counted(void *p, int fresh)
{
	if (p && fresh)
		live++;
	return p;
}

void *rc_malloc(size_t size)
{
	return allocation_allowed() ? counted(malloc(size ? size : 1), 1) : NULL;
}

void *rc_calloc(size_t count, size_t size)
{
	return allocation_allowed() ? counted(calloc(count ? count : 1, size ? size : 1), 1) : NULL;
}

void *rc_realloc(void *ptr, size_t size)
{
	int fresh = ptr == NULL; /* read before realloc: after it, `ptr` may be freed */

	return allocation_allowed() ? counted(realloc(ptr, size ? size : 1), fresh) : NULL;
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
	if (ptr)
		live--;
	free(ptr);
}

long rc_alloc_live(void)
{
	return live;
}
