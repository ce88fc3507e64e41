/* The report's contribution-story section: Mayne's four criteria per outcome, a verdict and the next evidence. */
#ifndef RC_RENDER_STORY_H
#define RC_RENDER_STORY_H

#include "base/buffer.h"
#include "rchain/confidence.h"
#include "rchain/model.h"

/* Appends the section "The contribution story, by criterion" for every outcome of `m`; 0 or RC_ENOMEM. */
int story_html(rc_buffer *out, const rc_model *m, const rc_confidence *c);

#endif
