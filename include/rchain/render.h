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
	/*
	 * A step id: draw only the pathways into that step; a strand or strand
	 * group id: draw its steps and the links among them; NULL draws everything.
	 */
	const char *focus;
	rc_view_kind view;        /* RC_VIEW_CHAIN (the default), the overview, or the page of `view_strand` */
	const char *view_strand;  /* RC_VIEW_STRAND: the strand or strand group id the page draws */
	int hide_evidence;        /* nonzero: no assumption and risk markers, key or evidence counts */
	int no_findings;          /* nonzero: no finding borders or badges (weakest links stay marked) */
	rc_severity min_severity; /* the report's findings section lists this severity and above (zero: all) */
	rc_key_style key;         /* the key of assumptions and risks: RC_KEY_SHORT (the default), full or none */
	size_t max_steps;         /* refuse to lay out more steps than this; 0 means RC_RENDER_MAX_STEPS */
	size_t max_links;         /* refuse to lay out more links than this; 0 means RC_RENDER_MAX_LINKS */
	int full;         /* report: nonzero for the full report; zero for the board report (docs/diagrams.md) */
	const char *date; /* report: the date on every printed page, as given ("2026-12-02"); NULL for none */
} rc_render_input;

/** Default limit on the steps of one diagram: Graphviz's layout grows much faster than linearly. */
#define RC_RENDER_MAX_STEPS 5000

/** Default limit on the links (step and column links) of one diagram. */
#define RC_RENDER_MAX_LINKS 8000

/** Title lines wrap at this many characters; a title is cut after RC_RENDER_TITLE_LINES lines (see docs/diagrams.md).
 */
#define RC_RENDER_WRAP 28
#define RC_RENDER_TITLE_LINES 4

/** A strand page (RC_VIEW_STRAND) is meant to hold at most this many steps: see rc_render_page(). */
#define RC_RENDER_PAGE_STEPS 40

/**
 * Sets `in->view` and `in->view_strand` from a --view argument: "chain",
 * "overview" or "strand:ID" (`view_strand` then points into `text`, which
 * must outlive `in`). Returns 0, or RC_EARG for any other text. Whether ID
 * names a strand or strand group is checked when drawing.
 */
RC_API int rc_render_view_parse(rc_render_input *in, const char *text);

/**
 * The strand pages of `m`, for a report that draws a large model page by
 * page: the number of pages, and the strand or strand group id of page `i`
 * (borrowed from the model; `i` must be below the count), to draw with
 * `view = RC_VIEW_STRAND, view_strand = id`. A strand group is one page when
 * at most RC_RENDER_PAGE_STEPS steps belong to its strands, and otherwise one
 * page per strand of it; a strand in no group is one page; strands without
 * steps have none. A model without strands has no strand pages.
 */
RC_API size_t rc_render_page_count(const rc_model *m);
RC_API const char *rc_render_page(const rc_model *m, size_t i);

/**
 * 0 when the diagram of `in` (its model, or the part `in->focus` selects) is
 * within the limits of `in->max_steps` steps and `in->max_links` links;
 * otherwise RC_ELIMIT (or RC_EARG for a focus or a strand view that names
 * nothing it can draw, or both a focus and another view), with the
 * message in `err`. Needs only the model: call it before checking a big one.
 */
RC_API int rc_diagram_fits(const rc_render_input *in, rc_error *err);

#ifdef __cplusplus
}
#endif

#endif
