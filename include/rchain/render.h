/* Back-ends: diagrams and findings reports drawn from a checked model. */
#ifndef RCHAIN_RENDER_H
#define RCHAIN_RENDER_H

#include "rchain/check.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum rc_direction_of_layout { RC_LAYOUT_LR, RC_LAYOUT_TB } rc_layout_direction;

/** What a renderer draws from; every pointer is borrowed. */
typedef struct rc_render_input {
	const rc_model *model;
	const rc_findings *findings; /* may be NULL: nothing is annotated */
	rc_layout_direction direction;
} rc_render_input;

/** One back-end: its name, the file extension of its output, and the function. */
typedef struct rc_renderer {
	const char *name;
	const char *extension;
	/** Appends the rendering of `in` to `out`; returns 0 or a negative rc_status. */
	int (*render)(rc_buffer *out, const rc_render_input *in, rc_error *err);
} rc_renderer;

/** The diagram renderer called `name` ("svg", "png", "pdf", "dot"), or NULL. */
RC_API const rc_renderer *rc_diagram_renderer(const char *name);

/** Number of diagram renderers, and the i-th in table order. */
RC_API size_t rc_diagram_renderer_count(void);
RC_API const rc_renderer *rc_diagram_renderer_at(size_t i);

/**
 * Writes `len` bytes to `path` atomically: a temporary file beside it is
 * written, flushed and renamed into place, so a failure leaves any previous
 * file untouched. Returns 0, RC_EIO (with the reason in `err`).
 */
RC_API int rc_file_write_atomic(const char *path, const char *data, size_t len, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
