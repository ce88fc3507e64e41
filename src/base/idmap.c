/* Open-addressing hash map (FNV-1a, linear probing) from ids to indices. */
#include "base/idmap.h"

#include <string.h>

#include "base/alloc.h"
#include "rchain/model.h"

static size_t hash(const char *s)
{
	size_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

int idmap_init(struct idmap *map, size_t n)
{
	size_t cap = 16;

	while (cap < n * 2 + 1)
		cap *= 2;
	map->keys = rc_calloc(cap, sizeof(*map->keys));
	map->values = rc_calloc(cap, sizeof(*map->values));
	map->cap = cap;
	map->count = 0;
	if (!map->keys || !map->values) {
		idmap_free(map);
		return -1;
	}
	return 0;
}

static size_t slot_of(const struct idmap *map, const char *key)
{
	size_t i = hash(key) & (map->cap - 1);

	while (map->keys[i] && strcmp(map->keys[i], key) != 0)
		i = (i + 1) & (map->cap - 1);
	return i;
}

int idmap_reserve(struct idmap *map, size_t n)
{
	struct idmap bigger;
	size_t i;

	if (map->cap && n * 2 + 1 <= map->cap)
		return 0;
	if (idmap_init(&bigger, n > map->count * 2 ? n : map->count * 2) != 0)
		return -1;
	for (i = 0; i < map->cap; i++)
		if (map->keys[i])
			idmap_put(&bigger, map->keys[i], map->values[i]);
	idmap_free(map);
	*map = bigger;
	return 0;
}

size_t idmap_put(struct idmap *map, const char *key, size_t value)
{
	size_t i = slot_of(map, key);

	if (map->keys[i])
		return map->values[i];
	map->keys[i] = key;
	map->values[i] = value;
	map->count++;
	return RC_NONE;
}

size_t idmap_get(const struct idmap *map, const char *key)
{
	size_t i;

	if (!map->cap)
		return RC_NONE;
	i = slot_of(map, key);
	return map->keys[i] ? map->values[i] : RC_NONE;
}

void idmap_free(struct idmap *map)
{
	rc_free(map->keys);
	rc_free(map->values);
	memset(map, 0, sizeof(*map));
}
