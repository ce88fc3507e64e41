/*
 * Which steps and links a diagram draws: all, the pathways into a focus step,
 * a strand's steps (with stubs for the steps it shares), or those of a page's
 * level range, within the size limits; and the --view names of strand pages.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/error.h"
#include "model/chain.h"
#include "model/internal.h"
#include "render/selection.h"

int selection_level_drawn(const rc_model *m, rc_level level, const unsigned char *keep)
{
	size_t i, n;
	const size_t *steps = rc_model_level_steps(m, level, &n);

	for (i = 0; i < n; i++)
		if (keep[steps[i]])
			return 1;
	return 0;
}

int selection_link_kept(const rc_render_input *in, const rc_link *l, const unsigned char *keep)
{
	if (!l->resolved)
		return 0;
	if (l->column)
		return in->view != RC_VIEW_STRAND || (selection_level_drawn(in->model, l->from_level, keep) &&
		                                      selection_level_drawn(in->model, l->to_level, keep));
	return keep[l->from_step] && keep[l->to_step] &&
	       (keep[l->from_step] == SELECT_STEP || keep[l->to_step] == SELECT_STEP);
}

unsigned selection_level_range(rc_level first, rc_level last)
{
	return ((2u << last) - 1) & ~((1u << first) - 1);
}

/* The levels "FIRST-LAST" names by their names, FIRST not after LAST; 0 when it names none. */
static unsigned levels_named(const char *text)
{
	const char *dash = strchr(text, '-');
	char first[16];
	rc_level from, to;

	if (!dash || (size_t)(dash - text) >= sizeof(first))
		return 0;
	memcpy(first, text, (size_t)(dash - text));
	first[dash - text] = '\0';
	if (rc_level_from_name(&from, first) != 0 || rc_level_from_name(&to, dash + 1) != 0 || from > to)
		return 0;
	return selection_level_range(from, to);
}

/* The first and the last of the levels `levels` (not 0) holds. */
static rc_level first_level(unsigned levels)
{
	rc_level level = 0;

	while (level + 1 < RC_LEVEL_COUNT && !(levels >> level & 1u))
		level++;
	return level;
}

static rc_level last_level(unsigned levels)
{
	rc_level level = RC_LEVEL_COUNT - 1;

	while (level > 0 && !(levels >> level & 1u))
		level--;
	return level;
}

void selection_levels_text(char *buf, size_t size, unsigned levels)
{
	rc_level first = first_level(levels), last = last_level(levels);

	if (first == last)
		snprintf(buf, size, "level %s", rc_level_name(first));
	else
		snprintf(buf, size, "levels %s to %s", rc_level_name(first), rc_level_name(last));
}

void rc_render_page_view(char *buf, size_t size, const rc_render_page *page)
{
	int n = page->strand ? snprintf(buf, size, "strand:%s", page->strand) : snprintf(buf, size, "page");

	if (page->levels && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ":%s-%s", rc_level_name(first_level(page->levels)),
		         rc_level_name(last_level(page->levels)));
}

int rc_render_view_parse(rc_render_input *in, const char *text)
{
	rc_view_kind kind;

	int whole = strcmp(text, "page") == 0 || strncmp(text, "page:", 5) == 0;

	if (whole || (strncmp(text, "strand:", 7) == 0 && text[7] && text[7] != ':')) {
		const char *range = strchr(whole ? text : text + 7, ':');
		unsigned levels = range ? levels_named(range + 1) : 0;

		if (range && !levels)
			return RC_EARG;
		in->view = RC_VIEW_STRAND;
		in->view_strand = whole ? NULL : text + 7;
		in->view_levels = levels;
		return 0;
	}
	if (strchr(text, ':') || rc_view_kind_from_name(&kind, text) != 0 || kind == RC_VIEW_STRAND)
		return RC_EARG;
	in->view = kind;
	in->view_strand = NULL;
	in->view_levels = 0;
	return 0;
}

/* Whether `candidate` is the `len` bytes at `id`. */
static int same_id(const char *candidate, const char *id, size_t len)
{
	return strncmp(candidate, id, len) == 0 && !candidate[len];
}

int selection_find(const rc_model *m, const char *id, const rc_strand **strand, const rc_strand_group **group)
{
	size_t i, len = strcspn(id, ":");

	*strand = NULL;
	*group = NULL;
	for (i = 0; i < m->strands.len && !*strand; i++)
		if (same_id(MODEL_AT(m, strands, rc_strand, i)->id, id, len))
			*strand = MODEL_AT(m, strands, rc_strand, i);
	for (i = 0; i < m->strand_groups.len && !*strand && !*group; i++)
		if (same_id(MODEL_AT(m, strand_groups, rc_strand_group, i)->id, id, len))
			*group = MODEL_AT(m, strand_groups, rc_strand_group, i);
	return *strand || *group ? 0 : -1;
}

int selection_strands(const rc_model *m, const char *id, unsigned char *mask)
{
	const rc_strand *strand;
	const rc_strand_group *group;
	size_t i, group_index;

	if (selection_find(m, id, &strand, &group) != 0)
		return -1;
	group_index = group ? (size_t)(group - (const rc_strand_group *)m->strand_groups.data) : RC_NONE;
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

int selection_levels_page(const rc_render_input *in)
{
	return in->view == RC_VIEW_STRAND && !in->view_strand && in->view_levels;
}

/*
 * Marks the members of the strands in `mask` (on a strand page, those at its
 * levels), then (on a strand page) the steps linked to them as stubs; with no
 * mask, every step at the levels of a page of every step, without stubs (the
 * title block lists the links to other levels among those not drawn).
 */
static void select_members(const rc_render_input *in, const unsigned char *mask, unsigned char *keep)
{
	const rc_model *m = in->model;
	unsigned levels = in->view == RC_VIEW_STRAND ? in->view_levels : 0;
	size_t i;
	int stubs, passes = in->view == RC_VIEW_STRAND ? 2 : 1;

	for (i = 0; !mask && i < m->steps.len; i++)
		keep[i] = !levels || (levels >> STEP(m, i)->level & 1u) ? SELECT_STEP : 0;
	/* The members first, then (on a strand page) the ends of their links that are not members. */
	for (stubs = 0; mask && stubs < passes; stubs++) {
		size_t k, j, n, count;
		rc_level level;

		for (k = 0; k < m->strands.len; k++)
			for (level = 0; mask[k] && level < RC_LEVEL_COUNT; level++) {
				const size_t *members = rc_model_strand_members(m, level, k, &n);

				for (i = 0; (!levels || (levels >> level & 1u)) && i < n; i++) {
					const size_t *out = rc_model_links_out(m, members[i], &count);

					keep[members[i]] = SELECT_STEP;
					for (j = 0; stubs && j < count; j++)
						if (!keep[LINK(m, out[j])->to_step])
							keep[LINK(m, out[j])->to_step] = SELECT_STUB;
					out = rc_model_links_in(m, members[i], &count);
					for (j = 0; stubs && j < count; j++)
						if (!keep[LINK(m, out[j])->from_step])
							keep[LINK(m, out[j])->from_step] = SELECT_STUB;
				}
			}
	}
}

/* Refuses a focus on something that is not there, and a focus together with another view. */
static int check_view(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	const rc_strand *strand;
	const rc_strand_group *group;

	if (in->focus && in->view != RC_VIEW_CHAIN)
		return error_set_at(err, RC_EARG, m->file, 0, 0,
		                    "a focus draws part of the chain: it cannot be "
		                    "combined with the %s view",
		                    rc_view_kind_name(in->view));
	if (in->view == RC_VIEW_STRAND && in->view_strand && selection_find(m, in->view_strand, &strand, &group) != 0)
		return error_set_at(err, RC_EARG, m->file, 0, 0, "there is no strand or strand group '%.*s' to draw",
		                    (int)strcspn(in->view_strand, ":"), in->view_strand);
	if (in->focus && !rc_model_find_step(m, in->focus) && !rc_model_find_strand(m, in->focus) &&
	    !rc_model_find_strand_group(m, in->focus))
		return error_set_at(err, RC_EARG, m->file, 0, 0,
		                    "there is no step, strand or strand group '%s' to focus on", in->focus);
	return 0;
}

/* Marks in `keep` (one byte per step, SELECT_STEP or 0) `step` and every step on a pathway into it, column links
 * included. */
static int on_pathways_into(const rc_model *m, size_t step, unsigned char *keep)
{
	struct chain_graph g;
	unsigned char *mark = NULL;
	size_t *queue = NULL;
	int rc = chain_graph_build(&g, m);

	if (rc == 0) {
		mark = rc_calloc(g.nodes + 1, 1);
		queue = rc_malloc(g.nodes * sizeof(size_t) + 1);
		rc = mark && queue ? 0 : RC_ENOMEM;
	}
	if (rc == 0) {
		mark[step] = SELECT_STEP;
		chain_spread(&g, mark, queue, 1); /* marks with 1: SELECT_STEP */
		memcpy(keep, mark, m->steps.len);
	}
	rc_free(mark);
	rc_free(queue);
	chain_graph_free(&g);
	return rc;
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

	if (check_view(in, err) != 0)
		return NULL;
	keep = rc_malloc(m->steps.len + 1);
	mask = strands ? rc_malloc(m->strands.len + 1) : NULL;
	if (!keep || (strands && !mask) || (focus && on_pathways_into(m, focus->index, keep) != 0)) {
		rc_free(keep);
		rc_free(mask);
		error_set(err, RC_ENOMEM, "out of memory selecting the steps to draw");
		return NULL;
	}
	if (!focus)
		memset(keep, strands ? 0 : SELECT_STEP, m->steps.len);
	if (!focus && (strands ? selection_strands(m, strands, mask) == 0 : in->view == RC_VIEW_STRAND))
		select_members(in, mask, keep);
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
	/* A step link is kept with both ends and one a step: counted from its source, or from its target under a stub.
	 */
	for (i = 0; i < m->steps.len; i++) {
		const size_t *out, *into;
		size_t n_out, n_in, j;

		if (keep[i] != SELECT_STEP)
			continue;
		(*steps)++;
		out = rc_model_links_out(m, i, &n_out);
		into = rc_model_links_in(m, i, &n_in);
		for (j = 0; j < n_out; j++)
			*links += keep[LINK(m, out[j])->to_step] != 0;
		for (j = 0; j < n_in; j++)
			*links += keep[LINK(m, into[j])->from_step] == SELECT_STUB;
	}
	for (i = 0; m->links.len > m->step_link_count && i < m->links.len; i++) /* column links, if any */
		*links += LINK(m, i)->column && selection_link_kept(in, LINK(m, i), keep);
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

size_t selection_home(const rc_model *m, const unsigned char *mask, const rc_step *s)
{
	size_t i;

	for (i = s->strands.first; mask && i < s->strands.first + s->strands.count; i++) {
		size_t k = MODEL_AT(m, memberships, rc_membership, i)->strand_index;

		if (k != RC_NONE && mask[k])
			return k;
	}
	return s->strand_index;
}

void selection_finding_counts(const rc_render_input *in, int is_step, size_t index, size_t count[2])
{
	size_t (*of)(const rc_findings *, size_t, rc_severity) =
	        is_step ? rc_findings_count_step : rc_findings_count_link;

	count[0] = count[1] = 0;
	if (!in->findings || in->no_findings)
		return;
	count[0] = of(in->findings, index, RC_SEVERITY_ERROR);
	count[1] = of(in->findings, index, RC_SEVERITY_WARNING) - count[0];
}

size_t selection_overview_slot(const rc_model *m, size_t strand, rc_level level)
{
	return (strand == RC_NONE ? m->strands.len : strand) * RC_LEVEL_COUNT + level;
}

struct overview_cell *selection_overview(const rc_render_input *in)
{
	const rc_model *m = in->model;
	struct overview_cell *cells = rc_calloc((m->strands.len + 1) * RC_LEVEL_COUNT, sizeof(*cells));
	size_t i;

	for (i = 0; cells && i < m->steps.len; i++) {
		const rc_step *s = STEP(m, i);
		struct overview_cell *c = cells + selection_overview_slot(m, s->strand_index, s->level);
		rc_rating r = in->confidence ? rc_confidence_step(in->confidence, i) : RC_RATING_NONE;

		size_t count[2];

		selection_finding_counts(in, 1, i, count);
		c->steps++;
		c->count[0] += count[0];
		c->count[1] += count[1];
		if (r != RC_RATING_NONE && (!c->rated || r < c->lowest)) {
			c->lowest = r;
			c->rated = 1;
		}
	}
	return cells;
}
