/* The one table of how confidence ratings are drawn. */
#include "render/style.h"

static const struct rating_style ratings[] = {
	[RC_RATING_NONE] = { "#FFFFFF", "#999999", "○○○", "unrated", "1" },
	[RC_RATING_LOW] = { STYLE_FILL_LOW, "#CC79A7", "●○○", "low", "1.5" },
	[RC_RATING_MEDIUM] = { STYLE_FILL_MEDIUM, "#E69F00", "●●○", "medium", "2" },
	[RC_RATING_HIGH] = { STYLE_FILL_HIGH, "#009E73", "●●●", "high", "2.5" },
};

const struct rating_style *style_of_rating(rc_rating rating)
{
	return &ratings[rating];
}

const char *style_of_step(int cut_corners, int unrated)
{
	static const char *const styles[2][2] = {
		{ "rounded,filled", "rounded,filled,dashed" },
		{ "filled,diagonals", "filled,diagonals,dashed" },
	};

	return styles[cut_corners != 0][unrated != 0];
}
