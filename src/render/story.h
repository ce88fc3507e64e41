/* The report's contribution-story section: Mayne's four criteria per outcome, a verdict and the next evidence. */
#ifndef RC_RENDER_STORY_H
#define RC_RENDER_STORY_H

#include "base/buffer.h"
#include "rchain/confidence.h"
#include "rchain/model.h"

/*
 * Appends the section "The contribution story, by criterion": the stories of at most `limit` outcomes of `m`
 * (SIZE_MAX: all), those at the latest level first, in the model's order; 0 or RC_ENOMEM.
 */
int story_html(rc_buffer *out, const rc_model *m, const rc_confidence *c, size_t limit);

#endif
