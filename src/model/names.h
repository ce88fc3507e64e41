/* The name tables behind rchain/enums.h, and the one look-up of a name among them. */
#ifndef RC_MODEL_NAMES_H
#define RC_MODEL_NAMES_H

#include <stddef.h>

#include "rchain/enums.h"

/* Per enumeration of rchain/enums.def, `<name>_names`: the values' names indexed by value, NULL-terminated. */
#define RC_ENUM(name, NAME) extern const char *const name##_names[RC_##NAME##_COUNT + 1];
#define RC_VALUE(constant, text)
#define RC_ENUM_END(name, NAME)
#include "rchain/enums.def"
#undef RC_ENUM
#undef RC_VALUE
#undef RC_ENUM_END

/* The index in `names` (NULL-terminated) of the `len` bytes at `text`, or -1 when none is equal to them. */
int name_index(const char *const *names, const char *text, size_t len);

#endif
