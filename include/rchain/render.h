/* Back-ends: diagrams and findings reports drawn from a checked model. */
#ifndef RCHAIN_RENDER_H
#define RCHAIN_RENDER_H

#include "rchain/check.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a renderer draws from; every pointer is borrowed. */
typedef struct rc_render_input {
	const rc_model *model;
	const rc_findings *findings;      /* may be NULL: nothing is annotated */
	const rc_evidence_base *evidence; /* cited by the report; may be NULL */
	rc_layout_direction direction;
	const char *focus; /* a step id: draw only the pathways into that step; NULL draws everything */
	int hide_evidence; /* nonzero: no assumption and risk markers, key or evidence counts */
	int no_findings;   /* nonzero: no finding borders or badges (weakest links stay marked) */
	size_t max_steps;  /* refuse to lay out more steps than this; 0 means RC_RENDER_MAX_STEPS */
	size_t max_links;  /* refuse to lay out more links than this; 0 means RC_RENDER_MAX_LINKS */
} rc_render_input;

/** Default limit on the steps of one diagram: Graphviz's layout grows much faster than linearly. */
#define RC_RENDER_MAX_STEPS 2500

/** Default limit on the links (step and column links) of one diagram. */
#define RC_RENDER_MAX_LINKS 2500

/** Title lines wrap at this many characters; a title is cut after RC_RENDER_TITLE_LINES lines (see docs/diagrams.md).
 */
#define RC_RENDER_WRAP 28
#define RC_RENDER_TITLE_LINES 4

/**
 * 0 when the diagram of `in` (its model, or the part `in->focus` selects) is
 * within the limits of `in->max_steps` steps and `in->max_links` links;
 * otherwise RC_ELIMIT (or RC_EARG for a focus that names no step), with the
 * message in `err`. Needs only the model: call it before checking a big one.
 */
RC_API int rc_diagram_fits(const rc_render_input *in, rc_error *err);

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
 * Appends the report on `in` to `out`: one self-contained HTML document with
 * inline CSS and SVG (summary, diagram, findings, contribution stories,
 * evidence gaps, assumptions, risks, evidence-base coverage and the
 * logic-model table). `in->findings` must be set. Returns 0 or a negative
 * rc_status, with the message in `err`.
 */
RC_API int rc_report_html(rc_buffer *out, const rc_render_input *in, rc_error *err);

/** One checked file for a findings report: the model and its findings, or the error that stopped it. */
typedef struct rc_checked {
	const char *file;            /* as given on the command line */
	const rc_model *model;       /* NULL when the file could not be processed */
	const rc_findings *findings; /* NULL when the file could not be processed */
	const rc_error *error;       /* why it could not, or NULL */
} rc_checked;

/** A findings back-end: "text", "json" or "sarif". */
typedef struct rc_findings_format {
	const char *name;
	/**
	 * Writes the report on `count` checked files to `sink` (with `user`) in
	 * pieces of up to about 64 KiB as it goes, so a large report is never
	 * whole in memory (rc_buffer_sink collects it). Returns 0, RC_ENOMEM, or
	 * the sink's failure; the sink may then have had part of the report.
	 */
	int (*render)(rc_sink sink, void *user, const rc_checked *files, size_t count, rc_error *err);
} rc_findings_format;

/** The findings back-end called `name`, or NULL. */
RC_API const rc_findings_format *rc_findings_format_find(const char *name);

/** Flags of rc_file_write_atomic(): replace a read-only file too. */
#define RC_WRITE_FORCE 1u

/**
 * Writes `len` bytes to `path` atomically: an unnamed temporary file
 * (O_TMPFILE) in its folder, or where the file system has none a named one
 * beside it, is written, flushed, and linked or renamed into place, so a
 * failure leaves any previous file untouched. A replaced file keeps its
 * permissions; a read-only one is refused unless `flags` has RC_WRITE_FORCE.
 * Temporaries of dead writers in the folder are removed first (docs/limits.md).
 * Returns 0, RC_EIO (with the reason in `err`).
 */
RC_API int rc_file_write_atomic(const char *path, const char *data, size_t len, unsigned flags, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
