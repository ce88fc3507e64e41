/* The enumerations of the API (declared once, in rchain/enums.def) and their names. */
#ifndef RCHAIN_ENUMS_H
#define RCHAIN_ENUMS_H

#include "rchain/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * For each enumeration rc_<name> of enums.def, in the order written there:
 *
 *   typedef enum rc_<name> { ..., RC_<NAME>_COUNT } rc_<name>;
 *
 *   rc_<name>_name(value): the value's name as written in files and output
 *   ("input", "supports"...), static storage; `value` must be below the count.
 *
 *   rc_<name>_from_name(&out, text): the value whose name is `text`, in
 *   `*out`; returns 0, or RC_EARG (and leaves `*out` alone) for any other text.
 */
#define RC_ENUM(name, NAME)    \
	typedef enum rc_##name \
	{
#define RC_VALUE(constant, text) constant,
#define RC_ENUM_END(name, NAME)                               \
	RC_##NAME##_COUNT                                     \
	}                                                     \
	rc_##name;                                            \
	RC_API const char *rc_##name##_name(rc_##name value); \
	RC_API int rc_##name##_from_name(rc_##name *out, const char *text);
#include "rchain/enums.def"
#undef RC_ENUM
#undef RC_VALUE
#undef RC_ENUM_END

/** The level's heading for people ("Inputs / resources"...), static storage. */
RC_API const char *rc_level_title(rc_level level);

#ifdef __cplusplus
}
#endif

#endif
