/* A hash map from id strings (borrowed) to indices, for linear-time reference resolution. */
#ifndef RC_IDMAP_H
#define RC_IDMAP_H

#include <stddef.h>

struct idmap {
	const char **keys;
	size_t *values;
	size_t cap; /* a power of two, or 0 */
	size_t count;
};

/* Sizes the map for `n` entries; 0 or -1. */
int idmap_init(struct idmap *map, size_t n);
/* Makes room for `n` entries in all, rehashing when needed; 0 or -1. */
int idmap_reserve(struct idmap *map, size_t n);
/*
 * Inserts `key` -> `value` unless `key` is present (the map must have room:
 * see idmap_init and idmap_reserve). Returns the index already
 * stored for `key`, or RC_NONE when it was inserted.
 */
size_t idmap_put(struct idmap *map, const char *key, size_t value);
/* The index stored for `key`, or RC_NONE. */
size_t idmap_get(const struct idmap *map, const char *key);
void idmap_free(struct idmap *map);

#endif
