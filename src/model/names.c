/* The names of every enumeration, made from rchain/enums.def, and their look-ups in both directions. */
#include "model/names.h"
#include "model/elements.h"

#include <assert.h>
#include <string.h>

int name_index(const char *const *names, const char *text, size_t len)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strlen(names[i]) == len && memcmp(names[i], text, len) == 0)
			return i;
	return -1;
}

static const char *name_of(const char *const *names, size_t count, size_t value)
{
	assert(value < count);
	return names[value];
}

static int from_name(int *out, const char *const *names, const char *text)
{
	int i;

	assert(text);
	i = name_index(names, text, strlen(text));
	if (i < 0)
		return RC_EARG;
	*out = i;
	return 0;
}

/* Each enumeration's table, its NULL after the last value, and its two look-ups. */
#define RC_ENUM(name, NAME) const char *const name##_names[RC_##NAME##_COUNT + 1] = {
#define RC_VALUE(constant, text) [constant] = (text),
#define RC_ENUM_END(name, NAME)                                                 \
	NULL                                                                    \
	}                                                                       \
	;                                                                       \
	const char *rc_##name##_name(rc_##name value)                           \
	{                                                                       \
		return name_of(name##_names, RC_##NAME##_COUNT, (size_t)value); \
	}                                                                       \
	int rc_##name##_from_name(rc_##name *out, const char *text)             \
	{                                                                       \
		int value;                                                      \
		int rc = from_name(&value, name##_names, text);                 \
                                                                                \
		if (rc == 0)                                                    \
			*out = (rc_##name)value;                                \
		return rc;                                                      \
	}
#include "rchain/enums.def"
#undef RC_ENUM
#undef RC_VALUE
#undef RC_ENUM_END

static const char *const level_titles[RC_LEVEL_COUNT] = {
#define RC_ENUM(name, NAME)
#define RC_VALUE(constant, text)
#define RC_LEVEL(constant, text, title) [constant] = (title),
#define RC_ENUM_END(name, NAME)
#include "rchain/enums.def"
#undef RC_ENUM
#undef RC_VALUE
#undef RC_ENUM_END
};

const char *rc_level_title(rc_level level)
{
	return name_of(level_titles, RC_LEVEL_COUNT, level);
}

const char *const element_names[E_COUNT + 1] = {
#define ELEMENT(constant, name, text) [constant] = (name),
#include "model/elements.def"
#undef ELEMENT
	NULL,
};
