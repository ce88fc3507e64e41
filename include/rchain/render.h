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
	rc_view_kind view; /* RC_VIEW_CHAIN (the default), the overview, or the page of `view_strand` */
	/* RC_VIEW_STRAND: the strand or strand group id the page draws (to a ':' or the end); NULL: every step */
	const char *view_strand;
	unsigned view_levels;     /* RC_VIEW_STRAND: the levels whose steps it draws, bit 1u << level each; 0: all */
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

/** A strand page (RC_VIEW_STRAND) is meant to hold at most this many steps: see rc_render_pages(). */
#define RC_RENDER_PAGE_STEPS 40

/** A strand page is laid out to print its smallest text at least this large (in points): see rc_render_pages(). */
#define RC_RENDER_PAGE_POINTS 8

/**
 * Sets `in->view`, `in->view_strand` and `in->view_levels` from a --view
 * argument: "chain", "overview", "strand:ID" (every level) or
 * "strand:ID:FIRST-LAST" (the levels FIRST to LAST, by name:
 * "strand:s.health:input-engagement"), or "page" and "page:FIRST-LAST":
 * every step (of those levels) in the style of a strand page, `view_strand`
 * NULL. `view_strand` otherwise points into `text`, which must outlive `in`. Returns 0, or RC_EARG for any other text.
 * Whether ID names a strand or strand group is checked when drawing.
 */
RC_API int rc_render_view_parse(rc_render_input *in, const char *text);

/** One page: draw it with `view = RC_VIEW_STRAND`, `view_strand = strand`, `view_levels = levels`. */
typedef struct rc_render_page {
	const char *strand; /* the strand or strand group id, borrowed from the model; NULL: every step */
	unsigned levels;    /* the levels whose steps it draws (bit 1u << level each), consecutive; 0: all */
} rc_render_page;

/**
 * The strand pages of `in->model` as drawn with `in->findings` and
 * `in->confidence` (either may be NULL: unmarked, unrated), for a report that
 * draws a large model page by page, into `*out` (caller-owned:
 * rc_render_pages_free) and their number into `*count`; the view and focus
 * of `in` are ignored. A strand group is one page when at most
 * RC_RENDER_PAGE_STEPS steps belong to its strands, and otherwise one page
 * per strand of it; a strand in no group is one page; strands without steps
 * have none. A page whose estimated layout would print its smallest text
 * under RC_RENDER_PAGE_POINTS in the report's frame is cut into consecutive
 * level ranges, each of as many levels as still fit (docs/diagrams.md). A
 * model without strands has no strand pages. RC_ENOMEM with `err` set.
 */
RC_API int rc_render_pages(rc_render_page **out, size_t *count, const rc_render_input *in, rc_error *err);

/**
 * The pages of every step of `in->model` (`strand` NULL), as rc_render_pages()
 * makes them for a strand: one page, or when its estimated layout would print
 * its smallest text under RC_RENDER_PAGE_POINTS in the report's frame,
 * consecutive level ranges. The report draws a model of at most
 * RC_RENDER_PAGE_STEPS steps so. RC_ENOMEM with `err` set.
 */
RC_API int rc_render_model_pages(rc_render_page **out, size_t *count, const rc_render_input *in, rc_error *err);

/**
 * The --view text that draws `page` into `buf` (`size` bytes, cut to fit):
 * "strand:ID", or "strand:ID:FIRST-LAST" for a page of a level range; "page"
 * or "page:FIRST-LAST" for a page of every step.
 */
RC_API void rc_render_page_view(char *buf, size_t size, const rc_render_page *page);

/** Frees the pages of rc_render_pages() or rc_render_model_pages() and sets `*pages` to NULL; NULL is a no-op. */
RC_API void rc_render_pages_free(rc_render_page **pages);

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
