/* The entry points of the render back-ends, for the output registry (src/output). */
#ifndef RC_RENDER_BACKENDS_H
#define RC_RENDER_BACKENDS_H

#include "rchain/output.h"

/* Lay out the diagram of `in` and append it to `out` as SVG, PNG or PDF. */
int diagram_svg(rc_buffer *out, const rc_render_input *in, rc_error *err);
int diagram_png(rc_buffer *out, const rc_render_input *in, rc_error *err);
int diagram_pdf(rc_buffer *out, const rc_render_input *in, rc_error *err);

/* Appends the diagram of `in` to `out` as DOT source, before layout. */
int diagram_dot(rc_buffer *out, const rc_render_input *in, rc_error *err);

/* Appends the self-contained HTML report on `in` (findings required) to `out`; nothing is left on failure. */
int report_html(rc_buffer *out, const rc_render_input *in, rc_error *err);

/*
 * The findings reports on the checked files of `in`, written to `sink` in
 * pieces as they are produced; text shows in->min_severity and above, JSON
 * and SARIF every finding.
 */
int findings_text(rc_sink sink, void *user, const rc_output_input *in, rc_error *err);
int findings_json(rc_sink sink, void *user, const rc_output_input *in, rc_error *err);
int findings_sarif(rc_sink sink, void *user, const rc_output_input *in, rc_error *err);

#endif
