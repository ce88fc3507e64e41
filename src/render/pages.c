/*
 * How big a page prints, estimated from what it draws without a layout:
 * the fold of its columns, the strand pages a large model is cut into, and
 * the pages of every step a smaller one is (docs/diagrams.md, "How a large model is split into pages").
 */
#include <stdint.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/error.h"
#include "model/internal.h"
#include "render/graphviz.h"
#include "render/pages.h"
#include "render/selection.h"

/*
 * What a strand page's size is estimated from, in inches: the width of the
 * row labels and margins, of a column (or sub-column; wider when rated, and
 * as wide as the line of a step whose evidence is all general research), of
 * the gap between two levels' columns where the links' labels go; the
 * height of the title block, header row and margins, of each line the title
 * block gives the links it leaves out (at most `left_out_named` named, then
 * a count), of a step's box and of each line of its label (a stub has
 * `stub_lines`); the frame it is printed in (the report's, docs/diagrams.md:
 * A4 landscape less the report's margins, 273 x 165 mm, which A4 less 10 mm
 * margins also holds); and the smallest text a strand page draws, in points.
 */
static const double page_edge_width = 2.2, page_column_width = 1.4, page_rated_width = 0.05, page_general_width = 2.6,
                    page_gap_width = 0.8, page_top_height = 2.6, page_line_height = 0.17, step_box_height = 0.25,
                    step_line_height = 0.16, frame_width = 10.75, frame_height = 6.5, page_smallest_text = 9;
enum { left_out_named = 5, stub_lines = 3 };

size_t pages_folds(size_t n, size_t most)
{
	return (n + most - 1) / most;
}

/*
 * What a page's estimate counts: the steps per row (`rows` of them) and
 * level, and the sum of their heights; the stubs per level beside them (not
 * folded); how many lines taller than a page's least its title block is; the
 * width of a column, and per level whether a step drawn there has the line of
 * general research (its columns are as wide as that line).
 */
struct page_counts {
	size_t *drawn, rows, stubs[RC_LEVEL_COUNT], lines;
	double *height, column_width;
	unsigned char general[RC_LEVEL_COUNT];
};

/*
 * The estimated scale of the page `c` counts with its columns folded into
 * sub-columns of at most `most`: every row shares a level's sub-columns, the
 * rows stack, and a sub-column is as high as its steps on average.
 */
static double page_fit(const struct page_counts *c, size_t most)
{
	size_t tallest_stubs = 0, levels = 0, row, level;
	double width = page_edge_width, height = 0, width_fit, height_fit;

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		size_t folds = c->stubs[level] != 0;

		for (row = 0; row < c->rows; row++)
			if (pages_folds(c->drawn[row * RC_LEVEL_COUNT + level], most) > folds)
				folds = pages_folds(c->drawn[row * RC_LEVEL_COUNT + level], most);
		width += (double)folds * (c->general[level] ? page_general_width : c->column_width);
		levels += folds != 0;
		tallest_stubs = c->stubs[level] > tallest_stubs ? c->stubs[level] : tallest_stubs;
	}
	for (row = 0; row < c->rows; row++) {
		double tallest = 0;

		for (level = 0; level < RC_LEVEL_COUNT; level++) {
			size_t n = c->drawn[row * RC_LEVEL_COUNT + level],
			       tall = n ? (n + pages_folds(n, most) - 1) / pages_folds(n, most) : 0;
			double h = n ? (double)tall * c->height[row * RC_LEVEL_COUNT + level] / (double)n : 0;

			tallest = h > tallest ? h : tallest;
		}
		height += tallest;
	}
	height += (double)tallest_stubs * (step_box_height + stub_lines * step_line_height);
	width += (double)(levels > 1 ? levels - 1 : 0) * page_gap_width;
	width_fit = frame_width / width;
	height_fit = frame_height / (page_top_height + (double)c->lines * page_line_height + height);
	width_fit = width_fit < height_fit ? width_fit : height_fit;
	return width_fit < 1 ? width_fit : 1;
}

/*
 * How many lines the label of step `s` has on the page `in` draws: its title
 * wrapped (`scratch` holds it), then a line for each mark it carries. 0 when
 * out of memory.
 */
static size_t step_lines(const rc_render_input *in, const rc_step *s, rc_buffer *scratch)
{
	size_t lines = 1, i, other = 0;
	const char *at;

	scratch->len = 0;
	if (graphviz_wrap_html(scratch, s->title, PAGES_WRAP, RC_RENDER_TITLE_LINES) != 0 ||
	    buffer_append(scratch, "", 1) != 0)
		return 0;
	for (at = strstr(scratch->data, "<BR/>"); at; at = strstr(at + 1, "<BR/>"))
		lines++;
	for (i = s->strands.first; i < s->strands.first + s->strands.count; i++)
		other += MODEL_AT(in->model, memberships, rc_membership, i)->strand_index != RC_NONE;
	lines += (s->effect != RC_EFFECT_INTENDED) + (rc_step_general_only(in->model, s) != 0) + (other > 1) +
	         (in->confidence != NULL) + (!in->hide_evidence && s->assumptions.count + s->risks.count > 0);
	if (in->findings && !in->no_findings)
		lines += rc_findings_count_step(in->findings, s->index, RC_SEVERITY_WARNING) > 0;
	return lines;
}

double pages_fit(const rc_render_input *in, const unsigned char *keep, const unsigned char *mask, size_t links,
                 size_t *most, size_t *lines_of)
{
	const rc_model *m = in->model;
	size_t slots = m->strands.len + 1, left_out = m->links.len - links, largest = 0, slot, i, k;
	struct page_counts c = { rc_calloc(slots * RC_LEVEL_COUNT, sizeof(size_t)),
		                 0,
		                 { 0 },
		                 !left_out || selection_levels_page(in)
		                         ? left_out != 0
		                         : 1 + (left_out < left_out_named ? left_out : left_out_named + 1),
		                 rc_calloc(slots * RC_LEVEL_COUNT, sizeof(double)),
		                 page_column_width + (in->confidence ? page_rated_width : 0),
		                 { 0 } };
	rc_buffer scratch = { 0 };
	double fit = -1;

	for (i = 0; c.drawn && c.height && i < m->steps.len; i++) { /* each row's steps and height per level */
		const rc_step *s = STEP(m, i);
		size_t home, cell, lines = 0;

		if (!keep[i])
			continue;
		home = selection_home(m, mask, s);
		cell = (home == RC_NONE ? m->strands.len : home) * RC_LEVEL_COUNT;
		if (keep[i] == SELECT_STEP) {
			lines = lines_of && lines_of[i] ? lines_of[i] : step_lines(in, s, &scratch);
			if (!lines)
				goto done;
			if (lines_of)
				lines_of[i] = lines;
		}
		c.drawn[cell + s->level] += keep[i] == SELECT_STEP;
		c.height[cell + s->level] += lines ? step_box_height + (double)lines * step_line_height : 0;
		c.stubs[s->level] += keep[i] == SELECT_STUB;
		c.general[s->level] |= keep[i] == SELECT_STEP && rc_step_general_only(m, s);
	}
	if (!c.drawn || !c.height)
		goto done;
	for (slot = 0; slot < slots; slot++) { /* the rows drawn, packed */
		size_t sum = 0, *row = c.drawn + slot * RC_LEVEL_COUNT;
		double *height = c.height + slot * RC_LEVEL_COUNT;

		for (k = 0; k < RC_LEVEL_COUNT; k++) {
			c.drawn[c.rows * RC_LEVEL_COUNT + k] = row[k];
			c.height[c.rows * RC_LEVEL_COUNT + k] = height[k];
			largest = row[k] > largest ? row[k] : largest;
			sum += row[k];
		}
		c.rows += sum != 0;
	}
	for (*most = k = largest ? largest : 1; k > 1; k--)
		if (page_fit(&c, k - 1) > page_fit(&c, *most))
			*most = k - 1;
	fit = page_fit(&c, *most);
done:
	rc_free(c.drawn);
	rc_free(c.height);
	rc_buffer_free(&scratch);
	return fit;
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

/* The pages rc_render_pages() makes, and room for the strands a page selects (a byte per strand). */
struct page_list {
	const rc_render_input *in;
	const rc_model *m;
	rc_render_page *pages;
	size_t count, room;
	unsigned char *mask;
	size_t *lines; /* each step's label lines once counted (0: not yet), for every estimate */
	rc_error *err;
};

static int page_add(struct page_list *p, const char *id, unsigned levels)
{
	if (p->count == p->room) {
		size_t room = p->room ? 2 * p->room : 16;
		rc_render_page *grown = rc_realloc(p->pages, room * sizeof(*grown));

		if (!grown)
			return RC_ENOMEM;
		p->pages = grown;
		p->room = room;
	}
	p->pages[p->count].strand = id;
	p->pages[p->count++].levels = levels;
	return 0;
}

/*
 * The steps the page of `id` at `levels` draws (0 when none), and in `*fit`
 * its estimated scale as drawn with the ratings and findings of the input
 * (pages_fit); -1 when out of memory.
 */
static long page_estimate(struct page_list *p, const char *id, unsigned levels, double *fit)
{
	rc_render_input in = *p->in;
	size_t steps, links, most;
	unsigned char *keep;

	in.view = RC_VIEW_STRAND;
	in.view_strand = id;
	in.view_levels = levels;
	in.focus = NULL;
	in.max_steps = in.max_links = SIZE_MAX; /* a page over the limits is refused when drawn, not here */
	keep = selection_of(&in, &steps, &links, p->err);
	if (!keep)
		return -1;
	*fit = pages_fit(&in, keep, id ? p->mask : NULL, links, &most, p->lines);
	rc_free(keep);
	return *fit < 0 ? -1 : (long)steps;
}

/*
 * The page of strand or group `id` (NULL: of every step); or, when its smallest text would print
 * under RC_RENDER_PAGE_POINTS, its pages by level range: the fewest ranges
 * of the levels it draws such that every range of two or more levels fits
 * (one level that does not is a page still), and of those the cut whose
 * worst page fits best.
 */
static int pages_of(struct page_list *p, const char *id)
{
	const double legible = RC_RENDER_PAGE_POINTS / page_smallest_text;
	double whole, fit[RC_LEVEL_COUNT][RC_LEVEL_COUNT], best[RC_LEVEL_COUNT + 1][RC_LEVEL_COUNT + 1];
	size_t from[RC_LEVEL_COUNT + 1][RC_LEVEL_COUNT + 1], ends[RC_LEVEL_COUNT], n = 0, ranges, i, j;
	rc_level level[RC_LEVEL_COUNT], l;
	int rc = 0;

	if (id)
		selection_strands(p->m, id, p->mask);
	if (page_estimate(p, id, 0, &whole) < 0)
		return RC_ENOMEM;
	for (l = 0; whole < legible && l < RC_LEVEL_COUNT; l++) { /* the levels it draws */
		long steps = page_estimate(p, id, selection_level_range(l, l), &fit[n][n]);

		if (steps < 0)
			return RC_ENOMEM;
		if (steps)
			level[n++] = l;
	}
	if (n < 2)
		return page_add(p, id, 0);
	for (i = 0; i < n; i++) /* a range grows level by level while it fits: one more level does not fit better */
		for (j = i + 1; j < n; j++)
			if (fit[i][j - 1] < legible && j > i + 1)
				fit[i][j] = fit[i][j - 1];
			else if (page_estimate(p, id, selection_level_range(level[i], level[j]), &fit[i][j]) < 0)
				return RC_ENOMEM;
	/* best[r][i]: of the first i levels cut into r ranges, the worst page's fit at best (-1: no such cut) */
	for (i = 0; i <= n; i++)
		best[0][i] = i ? -1 : 2;
	for (ranges = 1; ranges <= n; ranges++) {
		for (i = 0; i <= n; i++) {
			best[ranges][i] = -1;
			for (j = ranges - 1; j < i; j++) {
				double worst =
				        best[ranges - 1][j] < fit[j][i - 1] ? best[ranges - 1][j] : fit[j][i - 1];

				if (best[ranges - 1][j] >= 0 && (j == i - 1 || fit[j][i - 1] >= legible) &&
				    worst > best[ranges][i]) {
					best[ranges][i] = worst;
					from[ranges][i] = j;
				}
			}
		}
		if (best[ranges][n] >= 0)
			break;
	}
	for (i = n, j = ranges; j > 0; i = from[j][i], j--)
		ends[j - 1] = i;
	for (j = 0, l = level[0]; j < ranges && rc == 0; l = level[ends[j++] - 1] + 1) /* no level between pages */
		rc = page_add(p, id, selection_level_range(l, level[ends[j] - 1]));
	return rc;
}

/* The groups in order (whole, or strand by strand when too big), then the strands in no group. */
static int walk_pages(struct page_list *p)
{
	const rc_model *m = p->m;
	size_t g, i;
	int rc = 0;

	for (g = 0; g < m->strand_groups.len && rc == 0; g++) {
		size_t n = members(m, g, RC_NONE);

		if (n && n <= RC_RENDER_PAGE_STEPS)
			rc = pages_of(p, MODEL_AT(m, strand_groups, rc_strand_group, g)->id);
		for (i = 0; n > RC_RENDER_PAGE_STEPS && i < m->strands.len && rc == 0; i++)
			if (MODEL_AT(m, strands, rc_strand, i)->group_index == g && members(m, RC_NONE, i))
				rc = pages_of(p, MODEL_AT(m, strands, rc_strand, i)->id);
	}
	for (i = 0; i < m->strands.len && rc == 0; i++)
		if (MODEL_AT(m, strands, rc_strand, i)->group_index == RC_NONE && members(m, RC_NONE, i))
			rc = pages_of(p, MODEL_AT(m, strands, rc_strand, i)->id);
	return rc;
}

/* The strand pages, or (`whole` nonzero) the pages of every step. */
static int pages_list(rc_render_page **out, size_t *count, const rc_render_input *in, int whole, rc_error *err)
{
	struct page_list p = { in,
		               in->model,
		               NULL,
		               0,
		               0,
		               rc_malloc(in->model->strands.len + 1),
		               rc_calloc(in->model->steps.len + 1, sizeof(size_t)),
		               err };
	int rc = !p.mask || !p.lines ? RC_ENOMEM : whole ? pages_of(&p, NULL) : walk_pages(&p);

	rc_free(p.mask);
	rc_free(p.lines);
	*out = NULL;
	*count = 0;
	if (rc != 0) {
		rc_free(p.pages);
		return error_set(err, RC_ENOMEM, "out of memory cutting the model into pages");
	}
	*out = p.pages;
	*count = p.count;
	return 0;
}

int rc_render_pages(rc_render_page **out, size_t *count, const rc_render_input *in, rc_error *err)
{
	return pages_list(out, count, in, 0, err);
}

int rc_render_model_pages(rc_render_page **out, size_t *count, const rc_render_input *in, rc_error *err)
{
	return pages_list(out, count, in, 1, err);
}

void rc_render_pages_free(rc_render_page **pages)
{
	if (!pages)
		return;
	rc_free(*pages);
	*pages = NULL;
}
