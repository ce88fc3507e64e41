/* Diagrams of a checked model: the drawing options and limits (the back-ends are in rchain/output.h). */
#ifndef RCHAIN_RENDER_H
#define RCHAIN_RENDER_H

#include "rchain/check.h"
#include "rchain/confidence.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a renderer draws from; every pointer is borrowed. */
typedef struct rc_render_input {
	const rc_model *model;
	const rc_findings *findings;      /* may be NULL: nothing is annotated */
	const rc_confidence *confidence;  /* of `model`; may be NULL: nothing is rated */
	const rc_evidence_base *evidence; /* cited by the report; may be NULL */
	rc_layout_direction direction;
	const char *focus; /* a step id: draw only the pathways into that step; NULL draws everything */
	int hide_evidence; /* nonzero: no assumption and risk markers, key or evidence counts */
	int no_findings;   /* nonzero: no finding borders or badges (weakest links stay marked) */
	rc_severity min_severity; /* the report's findings section lists this severity and above (zero: all) */
	rc_key_style key;  /* the key of assumptions and risks: RC_KEY_SHORT (the default), full or none */
	size_t max_steps;  /* refuse to lay out more steps than this; 0 means RC_RENDER_MAX_STEPS */
	size_t max_links;  /* refuse to lay out more links than this; 0 means RC_RENDER_MAX_LINKS */
} rc_render_input;

/** Default limit on the steps of one diagram: Graphviz's layout grows much faster than linearly. */
#define RC_RENDER_MAX_STEPS 5000

/** Default limit on the links (step and column links) of one diagram. */
#define RC_RENDER_MAX_LINKS 8000

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

#ifdef __cplusplus
}
#endif

#endif
