/* Which steps and links a diagram draws (the focus and the size limits). */
#ifndef RC_RENDER_SELECTION_H
#define RC_RENDER_SELECTION_H

#include "rchain/render.h"

/* What a diagram draws of a step: nothing (0), the step, or a stub (a step of another strand on a strand page). */
enum { SELECT_STEP = 1, SELECT_STUB = 2 };

/*
 * Sets `mask` (one byte per strand) to the strands `id` names: a strand, or
 * every strand of a strand group. -1 when `id` names neither.
 */
int selection_strands(const rc_model *m, const char *id, unsigned char *mask);

/*
 * The strand or strand group `id` names, up to a ':' (a page's level range
 * follows it) or its end, into `*strand` or `*group` (the other NULL); -1
 * when it names neither.
 */
int selection_find(const rc_model *m, const char *id, const rc_strand **strand, const rc_strand_group **group);

/* The levels `first` to `last`, a bit each (rc_render_input.view_levels). */
unsigned selection_level_range(rc_level first, rc_level last);

/* "level NAME" or "levels FIRST to LAST" of `levels` (not 0), into `buf` of `size` bytes. */
void selection_levels_text(char *buf, size_t size, unsigned levels);

/* The strand of `s` whose row draws it: its first in `mask` (one byte per strand; NULL: none), or its own. */
size_t selection_home(const rc_model *m, const unsigned char *mask, const rc_step *s);

/* The strand or strand group id a strand focus or strand page selects by, or NULL. */
const char *selection_strand_id(const rc_render_input *in);

/* Nonzero for a page of every step at some levels: the links it leaves out are mostly those of the other pages. */
int selection_levels_page(const rc_render_input *in);

/* Nonzero when `keep` draws a step or stub of `level`. */
int selection_level_drawn(const rc_model *m, rc_level level, const unsigned char *keep);

/*
 * Nonzero when `in` draws link `l`: both ends resolve; for a step link, both steps are in `keep`, not both as
 * stubs; for a column link on a strand page, both its levels draw a step.
 */
int selection_link_kept(const rc_render_input *in, const rc_link *l, const unsigned char *keep);

/*
 * The steps `in` draws, one byte each (SELECT_STEP or SELECT_STUB: see select_steps), with how many steps and links
 * that draws, when they are within the limits of `in`. Caller-owned (rc_free); NULL with the reason in `err`.
 */
unsigned char *selection_of(const rc_render_input *in, size_t *steps, size_t *links, rc_error *err);

/* The errors and warnings (not silenced) about step or link `index` that `in` marks: none with `no_findings`. */
void selection_finding_counts(const rc_render_input *in, int is_step, size_t index, size_t count[2]);

/* One box of the overview: the steps of one strand (or of none) at one level. */
struct overview_cell {
	size_t steps;
	size_t count[2];  /* errors and warnings about its steps (none with `no_findings`) */
	rc_rating lowest; /* the lowest rating of its rated steps */
	int rated;        /* nonzero when any of its steps is rated */
};

/*
 * The overview's boxes for `in` (its model, findings and confidence), one
 * per strand slot (each strand, then none) and level, each step counted
 * once, in its first strand; caller frees. NULL when out of memory.
 */
struct overview_cell *selection_overview(const rc_render_input *in);
/* Where the box of `strand` (RC_NONE: none) at `level` is in selection_overview()'s array. */
size_t selection_overview_slot(const rc_model *m, size_t strand, rc_level level);

#endif
