/* Model templates: the starting points of `rchain new`. */
#ifndef RCHAIN_TEMPLATE_H
#define RCHAIN_TEMPLATE_H

#include "rchain/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of model templates, and the name of the i-th ("blank", "partnership", "columns"; static storage). */
RC_API size_t rc_template_count(void);
RC_API const char *rc_template_name(size_t i);

/** The model text of the template called `name`, or NULL; static storage, `*len` receives its length. */
RC_API const char *rc_template_text(const char *name, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
