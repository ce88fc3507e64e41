/*
 * Which steps and links a diagram draws: all, the pathways into a focus step,
 * a strand's steps (with stubs for the steps it shares), within the size
 * limits; and how a large model is cut into strand pages.
 */
#include <string.h>

#include "base/alloc.h"
#include "base/error.h"
#include "model/chain.h"
#include "model/internal.h"
#include "render/selection.h"

int selection_link_kept(const rc_link *l, const unsigned char *keep)
{
	return l->resolved && (l->column || (keep[l->from_step] && keep[l->to_step] &&
	                                     (keep[l->from_step] == SELECT_STEP || keep[l->to_step] == SELECT_STEP)));
}

int rc_render_view_parse(rc_render_input *in, const char *text)
{
	const char *colon = strchr(text, ':');
	rc_view_kind kind;

	if (colon && strncmp(text, "strand:", 7) == 0 && colon[1]) {
		in->view = RC_VIEW_STRAND;
		in->view_strand = colon + 1;
		return 0;
	}
	if (colon || rc_view_kind_from_name(&kind, text) != 0 || kind == RC_VIEW_STRAND)
		return RC_EARG;
	in->view = kind;
	in->view_strand = NULL;
	return 0;
}

int selection_strands(const rc_model *m, const char *id, unsigned char *mask)
{
	const rc_strand *strand = rc_model_find_strand(m, id);
	const rc_strand_group *group = strand ? NULL : rc_model_find_strand_group(m, id);
	size_t i, group_index = group ? (size_t)(group - (const rc_strand_group *)m->strand_groups.data) : RC_NONE;

	if (!strand && !group)
		return -1;
	for (i = 0; i < m->strands.len; i++) {
		const rc_strand *s = MODEL_AT(m, strands, rc_strand, i);

		mask[i] = strand ? s == strand : s->group_index == group_index;
	}
	return 0;
}

const char *selection_strand_id(const rc_render_input *in)
{
	if (in->view == RC_VIEW_STRAND)
		return in->view_strand;
	return in->focus && !rc_model_find_step(in->model, in->focus) ? in->focus : NULL;
}

/* Marks the members of the strands in `mask`, then (on a strand page) the steps linked to them as stubs. */
static void select_members(const rc_render_input *in, const unsigned char *mask, unsigned char *keep)
{
	const rc_model *m = in->model;
	size_t i;

	for (i = 0; i < m->memberships.len; i++) {
		const rc_membership *ms = MODEL_AT(m, memberships, rc_membership, i);

		if (ms->strand_index != RC_NONE && mask[ms->strand_index])
			keep[ms->step] = SELECT_STEP;
	}
	if (in->view != RC_VIEW_STRAND)
		return;
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);

		if (!l->resolved || l->column)
			continue;
		if (keep[l->from_step] == SELECT_STEP && !keep[l->to_step])
			keep[l->to_step] = SELECT_STUB;
		else if (keep[l->to_step] == SELECT_STEP && !keep[l->from_step])
			keep[l->from_step] = SELECT_STUB;
	}
}

/* Refuses a focus on something that is not there, and a focus together with another view. */
static int check_view(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;

	if (in->focus && in->view != RC_VIEW_CHAIN)
		return error_set_at(err, RC_EARG, m->file, 0, 0,
		                    "a focus draws part of the chain: it cannot be "
		                    "combined with the %s view",
		                    rc_view_kind_name(in->view));
	if (in->view == RC_VIEW_STRAND && (!in->view_strand || (!rc_model_find_strand(m, in->view_strand) &&
	                                                        !rc_model_find_strand_group(m, in->view_strand))))
		return error_set_at(err, RC_EARG, m->file, 0, 0, "there is no strand or strand group '%s' to draw",
		                    in->view_strand ? in->view_strand : "");
	if (in->focus && !rc_model_find_step(m, in->focus) && !rc_model_find_strand(m, in->focus) &&
	    !rc_model_find_strand_group(m, in->focus))
		return error_set_at(err, RC_EARG, m->file, 0, 0,
		                    "there is no step, strand or strand group '%s' to focus on", in->focus);
	return 0;
}

/*
 * Which steps a diagram draws, one byte each (SELECT_STEP, SELECT_STUB or 0):
 * all, the focus and every step on a pathway into it, or the members of a
 * strand or group (and their stubs); NULL on failure.
 */
static unsigned char *select_steps(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	const rc_step *focus = in->focus ? rc_model_find_step(m, in->focus) : NULL;
	const char *strands = selection_strand_id(in);
	unsigned char *keep, *mask;
	size_t *queue;

	if (check_view(in, err) != 0)
		return NULL;
	keep = rc_malloc(m->steps.len + 1);
	queue = focus ? rc_malloc(m->steps.len * sizeof(size_t)) : NULL;
	mask = strands ? rc_malloc(m->strands.len + 1) : NULL;
	if (!keep || (focus && !queue) || (strands && !mask)) {
		rc_free(keep);
		rc_free(queue);
		rc_free(mask);
		error_set(err, RC_ENOMEM, "out of memory selecting the steps to draw");
		return NULL;
	}
	memset(keep, focus || strands ? 0 : SELECT_STEP, m->steps.len);
	if (focus) {
		keep[focus->index] = SELECT_STEP;
		chain_spread(m, keep, queue, 1); /* marks with 1: SELECT_STEP */
	} else if (strands && selection_strands(m, strands, mask) == 0) {
		select_members(in, mask, keep);
	}
	rc_free(queue);
	rc_free(mask);
	return keep;
}

/* Counts what `keep` draws and refuses a diagram over the limits of `in`. */
static int within_limits(const rc_render_input *in, const unsigned char *keep, size_t *steps, size_t *links,
                         rc_error *err)
{
	const rc_model *m = in->model;
	size_t max_steps = in->max_steps ? in->max_steps : RC_RENDER_MAX_STEPS;
	size_t max_links = in->max_links ? in->max_links : RC_RENDER_MAX_LINKS;
	size_t i;

	*steps = *links = 0;
	for (i = 0; i < m->steps.len; i++)
		*steps += keep[i] == SELECT_STEP;
	for (i = 0; i < m->links.len; i++)
		*links += selection_link_kept(LINK(m, i), keep) != 0;
	if (*steps > max_steps)
		return error_set_at(
		        err, RC_ELIMIT, m->file, 0, 0,
		        "%zu steps is over the diagram limit of %zu (layout would take too long); draw part "
		        "of the model with --focus STEP, or raise the limit with --max-steps",
		        *steps, max_steps);
	if (*links > max_links)
		return error_set_at(
		        err, RC_ELIMIT, m->file, 0, 0,
		        "%zu links is over the diagram limit of %zu (layout would take too long); draw part "
		        "of the model with --focus STEP, or raise the limit with --max-links",
		        *links, max_links);
	return 0;
}

/* The steps to draw (see select_steps) when they are within the limits; NULL with the reason in `err`. */
unsigned char *selection_of(const rc_render_input *in, size_t *steps, size_t *links, rc_error *err)
{
	unsigned char *keep = select_steps(in, err);

	if (!keep)
		return NULL;
	if (within_limits(in, keep, steps, links, err) != 0) {
		rc_free(keep);
		return NULL;
	}
	return keep;
}

/* Whether step `s` has a membership in a strand of `group` (RC_NONE: in `strand`). */
static int member_of(const rc_model *m, const rc_step *s, size_t group, size_t strand)
{
	size_t i;

	for (i = s->strands.first; i < s->strands.first + s->strands.count; i++) {
		size_t k = MODEL_AT(m, memberships, rc_membership, i)->strand_index;

		if (k != RC_NONE &&
		    (group == RC_NONE ? k == strand : MODEL_AT(m, strands, rc_strand, k)->group_index == group))
			return 1;
	}
	return 0;
}

/* The steps that belong to a strand of `group`, or (group RC_NONE) to `strand`. */
static size_t members(const rc_model *m, size_t group, size_t strand)
{
	size_t i, n = 0;

	for (i = 0; i < m->steps.len; i++)
		n += (size_t)member_of(m, STEP(m, i), group, strand);
	return n;
}

/*
 * Walks the pages of rc_render_page(): the groups in order (whole, or strand
 * by strand when too big), then the strands in no group. Returns the number
 * of pages, and in `*id` the id of page `want` (when there is one).
 */
static size_t walk_pages(const rc_model *m, size_t want, const char **id)
{
	size_t pages = 0, g, i;

	for (g = 0; g < m->strand_groups.len; g++) {
		size_t n = members(m, g, RC_NONE);

		if (n == 0)
			continue;
		if (n <= RC_RENDER_PAGE_STEPS) {
			if (pages++ == want)
				*id = MODEL_AT(m, strand_groups, rc_strand_group, g)->id;
			continue;
		}
		for (i = 0; i < m->strands.len; i++)
			if (MODEL_AT(m, strands, rc_strand, i)->group_index == g && members(m, RC_NONE, i) &&
			    pages++ == want)
				*id = MODEL_AT(m, strands, rc_strand, i)->id;
	}
	for (i = 0; i < m->strands.len; i++)
		if (MODEL_AT(m, strands, rc_strand, i)->group_index == RC_NONE && members(m, RC_NONE, i) &&
		    pages++ == want)
			*id = MODEL_AT(m, strands, rc_strand, i)->id;
	return pages;
}

size_t rc_render_page_count(const rc_model *m)
{
	const char *id = NULL;

	return walk_pages(m, RC_NONE, &id);
}

const char *rc_render_page(const rc_model *m, size_t i)
{
	const char *id = NULL;

	walk_pages(m, i, &id);
	return id;
}
