/* Which steps and links a diagram draws: all, or the pathways into a focus step, within the size limits. */
#include <string.h>

#include "base/alloc.h"
#include "base/error.h"
#include "model/chain.h"
#include "model/internal.h"
#include "render/selection.h"

int selection_link_kept(const rc_link *l, const unsigned char *keep)
{
	return l->resolved && (l->column || (keep[l->from_step] && keep[l->to_step]));
}

/* Marks in `keep` (one byte per step) `step` and every step on a pathway into it, column links included. */
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
		mark[step] = 1;
		chain_spread(&g, mark, queue, 1);
		memcpy(keep, mark, m->steps.len);
	}
	rc_free(mark);
	rc_free(queue);
	chain_graph_free(&g);
	return rc;
}

/* Which steps a diagram draws, one byte each: all, or the focus and every step on a pathway into it; NULL on failure.
 */
static unsigned char *select_steps(const rc_render_input *in, rc_error *err)
{
	const rc_model *m = in->model;
	const rc_step *focus = in->focus ? rc_model_find_step(m, in->focus) : NULL;
	unsigned char *keep;

	if (in->focus && !focus) {
		error_set_at(err, RC_EARG, m->file, 0, 0, "there is no step '%s' to focus on", in->focus);
		return NULL;
	}
	keep = rc_malloc(m->steps.len + 1);
	if (keep && focus && on_pathways_into(m, focus->index, keep) != 0) {
		rc_free(keep);
		keep = NULL;
	}
	if (!keep) {
		error_set(err, RC_ENOMEM, "out of memory selecting the steps to draw");
		return NULL;
	}
	if (!focus)
		memset(keep, 1, m->steps.len);
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
		*steps += keep[i];
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
