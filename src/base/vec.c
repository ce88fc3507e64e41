/* Growable arrays of fixed-size elements. */
#include "base/vec.h"

#include <string.h>

#include "base/alloc.h"

void *vec_push(struct vec *v, size_t size)
{
	char *slot;

	if (rc_grow(&v->data, &v->cap, v->len + 1, size))
		return NULL;
	slot = (char *)v->data + v->len * size;
	memset(slot, 0, size);
	v->len++;
	return slot;
}

void vec_free(struct vec *v)
{
	rc_free(v->data);
	v->data = NULL;
	v->len = 0;
	v->cap = 0;
}
