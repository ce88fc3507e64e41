/* How ratings and findings look, in the diagram and in the report (docs/diagrams.md). */
#ifndef RC_RENDER_STYLE_H
#define RC_RENDER_STYLE_H

#include "rchain/check.h"

/* Fills of the confidence ratings: Okabe-Ito colours, tinted (the report's CSS uses them too). */
#define STYLE_FILL_LOW "#F0D7E5"
#define STYLE_FILL_MEDIUM "#F8E2B3"
#define STYLE_FILL_HIGH "#B3E2D5"
/* Errors, warnings, and column links. */
#define STYLE_ERROR_COLOR "#D55E00"
#define STYLE_WARNING_COLOR "#F0E442"
#define STYLE_COLUMN_COLOR "#0072B2"

/* How one confidence rating is drawn: colour is never the only signal, there is a text mark too. */
struct rating_style {
	const char *fill;     /* a step's fill */
	const char *line;     /* a link's colour */
	const char *mark;     /* "●●○" */
	const char *name;     /* "medium", or "unrated" */
	const char *penwidth; /* a link's width */
};

/* The style of `rating` (static storage). */
const struct rating_style *style_of_rating(rc_rating rating);

/*
 * A step's node style: rounded, or with cut corners (an unintended or
 * adverse effect); dashed when it is unrated. Static storage.
 */
const char *style_of_step(int cut_corners, int unrated);

#endif
