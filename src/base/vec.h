/* A growable array of fixed-size elements, used while a model is being built. */
#ifndef RC_VEC_H
#define RC_VEC_H

#include <stddef.h>

struct vec {
	void *data;
	size_t len;
	size_t cap;
};

/* Appends one zeroed element of `size` bytes; returns it, or NULL on failure. */
void *vec_push(struct vec *v, size_t size);
void vec_free(struct vec *v);

#endif
