/* The model's accessors and the indexing done once a file is loaded. */
#include <assert.h>
#include <string.h>

#include "base/alloc.h"
#include "model/internal.h"

rc_model *model_new(const char *file)
{
	rc_model *m = rc_calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->file = arena_strndup(&m->arena, file, strlen(file));
	if (!m->file) {
		rc_free(m);
		return NULL;
	}
	m->loc.file = m->file;
	return m;
}

void rc_model_free(rc_model **model)
{
	rc_model *m;

	if (!model || !*model)
		return;
	m = *model;
#define RC_MODEL_ARRAY(name, field, ids) vec_free(&m->field);
#include "rchain/model.def"
#undef RC_MODEL_ARRAY
	idmap_free(&m->step_ids);
	idmap_free(&m->strand_ids);
	idmap_free(&m->group_ids);
	idmap_free(&m->column_ids);
	arena_free(&m->arena);
	rc_free(m);
	*model = NULL;
}

static size_t *index_array(rc_model *m, size_t n)
{
	if (n > SIZE_MAX / sizeof(size_t))
		return NULL;
	return arena_alloc(&m->arena, n * sizeof(size_t));
}

/* Fills first[] (count + 1 offsets) and items[] from a key per link; counting sort. */
static void bucket_links(const rc_model *m, size_t *first, size_t *items, int by_target)
{
	size_t nsteps = m->steps.len;
	size_t i;

	memset(first, 0, (nsteps + 1) * sizeof(size_t));
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = MODEL_AT(m, links, rc_link, i);

		if (!l->column && l->resolved)
			first[(by_target ? l->to_step : l->from_step) + 1]++;
	}
	for (i = 0; i < nsteps; i++)
		first[i + 1] += first[i];
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = MODEL_AT(m, links, rc_link, i);
		size_t key;

		if (l->column || !l->resolved)
			continue;
		key = by_target ? l->to_step : l->from_step;
		items[first[key]++] = i;
	}
	/* first[k] now holds the end of bucket k: shift back to starts. */
	memmove(first + 1, first, nsteps * sizeof(size_t));
	first[0] = 0;
}

static int resolve_links(rc_model *m)
{
	size_t resolved = 0;
	size_t i;

	for (i = 0; i < m->links.len; i++) {
		rc_link *l = MODEL_AT(m, links, rc_link, i);

		if (l->column) {
			l->resolved = 1;
			continue;
		}
		l->from_step = idmap_get(&m->step_ids, l->from);
		l->to_step = idmap_get(&m->step_ids, l->to);
		l->resolved = l->from_step != RC_NONE && l->to_step != RC_NONE;
		m->step_link_count++;
		if (l->from_step != RC_NONE)
			l->from_level = MODEL_AT(m, steps, rc_step, l->from_step)->level;
		if (l->to_step != RC_NONE)
			l->to_level = MODEL_AT(m, steps, rc_step, l->to_step)->level;
		resolved += l->resolved;
	}
	m->out_first = index_array(m, m->steps.len + 1);
	m->in_first = index_array(m, m->steps.len + 1);
	m->out_links = index_array(m, resolved);
	m->in_links = index_array(m, resolved);
	if (!m->out_first || !m->in_first || !m->out_links || !m->in_links)
		return RC_ENOMEM;
	bucket_links(m, m->out_first, m->out_links, 0);
	bucket_links(m, m->in_first, m->in_links, 1);
	return 0;
}

static size_t cell_of(const rc_model *m, rc_level level, size_t strand)
{
	size_t slots = m->strands.len + 1;

	return (size_t)level * slots + (strand == RC_NONE ? m->strands.len : strand);
}

/*
 * Counting sort of `n` steps into `ncells` cells, stable: `cells[k]` is the
 * cell of step `items[k]`. Fills `*sorted` (n step indices) and `*first`
 * (ncells + 1 offsets), both in the arena.
 */
static int sort_cells(rc_model *m, const size_t *cells, const size_t *items, size_t n, size_t ncells, size_t **sorted,
                      size_t **first)
{
	size_t *fill = rc_calloc(ncells, sizeof(size_t));
	size_t k;

	*sorted = index_array(m, n);
	*first = index_array(m, ncells + 1);
	if (!*sorted || !*first || !fill) {
		rc_free(fill);
		return RC_ENOMEM;
	}
	memset(*first, 0, (ncells + 1) * sizeof(size_t));
	for (k = 0; k < n; k++)
		(*first)[cells[k] + 1]++;
	for (k = 0; k < ncells; k++)
		(*first)[k + 1] += (*first)[k];
	for (k = 0; k < n; k++)
		(*sorted)[(*first)[cells[k]] + fill[cells[k]]++] = items[k];
	rc_free(fill);
	return 0;
}

/*
 * Two groupings of the steps by (level, strand): by_cell by each step's
 * first strand, member_cell by every strand a step names (once each; steps
 * naming no strand that exists in the no-strand cell).
 */
static int sort_into_cells(rc_model *m)
{
	size_t ncells = RC_LEVEL_COUNT * (m->strands.len + 1);
	size_t n = m->steps.len + m->memberships.len;
	size_t *cells = rc_calloc(n ? n : 1, sizeof(size_t)), *items = rc_calloc(n ? n : 1, sizeof(size_t));
	size_t *seen = rc_calloc(m->strands.len ? m->strands.len : 1, sizeof(size_t)); /* per strand: step + 1 */
	size_t i, k, pairs = 0;
	int rc = RC_ENOMEM;

	if (!cells || !items || !seen)
		goto done;
	for (i = 0; i < m->steps.len; i++) {
		items[i] = i;
		cells[i] = cell_of(m, STEP(m, i)->level, STEP(m, i)->strand_index);
	}
	if (sort_cells(m, cells, items, m->steps.len, ncells, &m->by_cell, &m->cell_first))
		goto done;
	for (i = 0; i < m->steps.len; i++) {
		const rc_step *s = STEP(m, i);
		size_t before = pairs;

		for (k = s->strands.first; k < s->strands.first + s->strands.count; k++) {
			size_t strand = MODEL_AT(m, memberships, rc_membership, k)->strand_index;

			if (strand != RC_NONE && seen[strand] != i + 1) {
				seen[strand] = i + 1;
				items[pairs] = i;
				cells[pairs++] = cell_of(m, s->level, strand);
			}
		}
		if (pairs == before) {
			items[pairs] = i;
			cells[pairs++] = cell_of(m, s->level, RC_NONE);
		}
	}
	rc = sort_cells(m, cells, items, pairs, ncells, &m->by_member, &m->member_first);
done:
	rc_free(cells);
	rc_free(items);
	rc_free(seen);
	return rc;
}

int model_index_columns(rc_model *m)
{
	size_t i;

	if (m->column_ids_built)
		return 0;
	if (idmap_init(&m->column_ids, m->columns.len))
		return RC_ENOMEM;
	for (i = 0; i < m->columns.len; i++)
		idmap_put(&m->column_ids, MODEL_AT(m, columns, rc_column, i)->id, i);
	m->column_ids_built = 1;
	return 0;
}

/* Resolves the strands each step names; a step is drawn in the first of them that exists. */
static void resolve_memberships(rc_model *m)
{
	size_t i;

	for (i = 0; i < m->memberships.len; i++) {
		rc_membership *ms = MODEL_AT(m, memberships, rc_membership, i);
		rc_step *s = MODEL_AT(m, steps, rc_step, ms->step);

		ms->strand_index = idmap_get(&m->strand_ids, ms->strand);
		if (s->strand_index == RC_NONE)
			s->strand_index = ms->strand_index;
	}
}

int model_index(rc_model *m)
{
	size_t i;

	if (idmap_init(&m->step_ids, m->steps.len) || idmap_init(&m->strand_ids, m->strands.len) ||
	    idmap_init(&m->group_ids, m->strand_groups.len) || model_index_columns(m))
		return RC_ENOMEM;
	for (i = 0; i < m->strand_groups.len; i++)
		idmap_put(&m->group_ids, MODEL_AT(m, strand_groups, rc_strand_group, i)->id, i);
	for (i = 0; i < m->strands.len; i++) {
		rc_strand *st = MODEL_AT(m, strands, rc_strand, i);

		idmap_put(&m->strand_ids, st->id, i);
		st->group_index = st->group ? idmap_get(&m->group_ids, st->group) : RC_NONE;
	}
	for (i = 0; i < m->steps.len; i++)
		idmap_put(&m->step_ids, MODEL_AT(m, steps, rc_step, i)->id, i);
	resolve_memberships(m);
	for (i = 0; i < m->influences.len; i++) {
		rc_influence *inf = MODEL_AT(m, influences, rc_influence, i);

		inf->on_step = inf->on ? idmap_get(&m->step_ids, inf->on) : RC_NONE;
	}
	if (resolve_links(m))
		return RC_ENOMEM;
	return sort_into_cells(m);
}

const char *rc_model_file(const rc_model *m)
{
	return m->file;
}
const char *rc_model_id(const rc_model *m)
{
	return m->id;
}
const char *rc_model_title(const rc_model *m)
{
	return m->title;
}
const char *rc_model_description(const rc_model *m)
{
	return m->description;
}
const char *rc_model_source(const rc_model *m)
{
	return m->source;
}
rc_loc rc_model_loc(const rc_model *m)
{
	return m->loc;
}
const char *rc_model_version(const rc_model *m)
{
	return m->version;
}
rc_model_status rc_model_status_of(const rc_model *m)
{
	return m->status;
}
const char *rc_model_goal(const rc_model *m)
{
	return m->goal;
}
const char *rc_model_context(const rc_model *m)
{
	return m->context;
}

const char *rc_model_question(const rc_model *m)
{
	return m->question;
}

const char *rc_model_question_outcomes(const rc_model *m)
{
	return m->question_outcomes;
}

rc_rating rc_model_question_certainty(const rc_model *m)
{
	return m->question_certainty;
}

rc_loc rc_model_question_loc(const rc_model *m)
{
	return m->question_loc;
}

rc_evidence_of rc_evidence_shows(const rc_evidence *v)
{
	if (v->of != RC_EVIDENCE_OF_UNSTATED)
		return v->of;
	return v->kind == RC_EVIDENCE_RESEARCH ? RC_EVIDENCE_OF_MECHANISM : RC_EVIDENCE_OF_OCCURRENCE;
}

int rc_evidence_occurred(const rc_evidence *v)
{
	rc_evidence_of of = rc_evidence_shows(v);

	return v->direction == RC_EVIDENCE_SUPPORTS && (of == RC_EVIDENCE_OF_OCCURRENCE || of == RC_EVIDENCE_OF_BOTH);
}

int rc_step_general_only(const rc_model *m, const rc_step *s)
{
	size_t i;

	if (s->level < RC_LEVEL_PRACTICE || s->evidence.count == 0)
		return 0;
	for (i = s->evidence.first; i < s->evidence.first + s->evidence.count; i++)
		if (rc_evidence_occurred(MODEL_AT(m, evidence, const rc_evidence, i)))
			return 0;
	return 1;
}

int rc_influence_assessed(const rc_influence *inf)
{
	return inf->size != RC_RATING_NONE || inf->direction != RC_INFLUENCE_NOT_ASSESSED || inf->assessment;
}
int rc_model_has_partnership(const rc_model *m)
{
	return m->has_partnership;
}
rc_formation rc_model_formation(const rc_model *m)
{
	return m->formation;
}
size_t rc_model_step_link_count(const rc_model *m)
{
	return m->step_link_count;
}

size_t rc_model_sector_count(const rc_model *m, rc_sector sector)
{
	size_t n = 0;
	size_t i;

	for (i = 0; i < m->partners.len; i++)
		n += MODEL_AT(m, partners, rc_partner, i)->sector == sector;
	return n;
}

#define RC_MODEL_ARRAY(name, field, ids)                              \
	size_t rc_model_##name##_count(const rc_model *m)             \
	{                                                             \
		return m->field.len;                                  \
	}                                                             \
	const rc_##name *rc_model_##name(const rc_model *m, size_t i) \
	{                                                             \
		assert(i < m->field.len);                             \
		return MODEL_AT(m, field, const rc_##name, i);        \
	}
#include "rchain/model.def"
#undef RC_MODEL_ARRAY

/* The entry of `v` (entries of `size` bytes) whose id `map` holds, or NULL. */
static const void *find_entry(const struct idmap *map, const struct vec *v, size_t size, const char *id)
{
	size_t i = idmap_get(map, id);

	return i == RC_NONE ? NULL : (const char *)v->data + i * size;
}

const rc_step *rc_model_find_step(const rc_model *m, const char *id)
{
	return find_entry(&m->step_ids, &m->steps, sizeof(rc_step), id);
}

const rc_strand *rc_model_find_strand(const rc_model *m, const char *id)
{
	return find_entry(&m->strand_ids, &m->strands, sizeof(rc_strand), id);
}

const rc_strand_group *rc_model_find_strand_group(const rc_model *m, const char *id)
{
	return find_entry(&m->group_ids, &m->strand_groups, sizeof(rc_strand_group), id);
}

const rc_column *rc_model_find_column(const rc_model *m, const char *id)
{
	return find_entry(&m->column_ids, &m->columns, sizeof(rc_column), id);
}

const size_t *rc_model_links_out(const rc_model *m, size_t step, size_t *count)
{
	assert(step < m->steps.len);
	*count = m->out_first[step + 1] - m->out_first[step];
	return m->out_links + m->out_first[step];
}

const size_t *rc_model_links_in(const rc_model *m, size_t step, size_t *count)
{
	assert(step < m->steps.len);
	*count = m->in_first[step + 1] - m->in_first[step];
	return m->in_links + m->in_first[step];
}

const size_t *rc_model_level_steps(const rc_model *m, rc_level level, size_t *count)
{
	size_t slots = m->strands.len + 1;

	assert(level < RC_LEVEL_COUNT);
	*count = m->cell_first[(level + 1) * slots] - m->cell_first[level * slots];
	return m->by_cell + m->cell_first[level * slots];
}

/* The steps of one (level, strand) cell of a grouping: `items` sorted by cell, `first` its offsets. */
static const size_t *cell_steps(const rc_model *m, const size_t *items, const size_t *first, rc_level level,
                                size_t strand, size_t *count)
{
	size_t cell;

	assert(level < RC_LEVEL_COUNT);
	assert(strand == RC_NONE || strand < m->strands.len);
	cell = cell_of(m, level, strand);
	*count = first[cell + 1] - first[cell];
	return items + first[cell];
}

const size_t *rc_model_strand_steps(const rc_model *m, rc_level level, size_t strand, size_t *count)
{
	return cell_steps(m, m->by_cell, m->cell_first, level, strand, count);
}

const size_t *rc_model_strand_members(const rc_model *m, rc_level level, size_t strand, size_t *count)
{
	return cell_steps(m, m->by_member, m->member_first, level, strand, count);
}

int model_collect_refs(const rc_model *m, struct idmap *refs)
{
	size_t i;

	if (idmap_init(refs, m->assumptions.len + m->risks.len + m->steps.len + m->influences.len) != 0)
		return RC_ENOMEM;
	for (i = 0; i < m->assumptions.len; i++)
		if (MODEL_AT(m, assumptions, rc_assumption, i)->ref)
			idmap_put(refs, MODEL_AT(m, assumptions, rc_assumption, i)->ref, i);
	for (i = 0; i < m->risks.len; i++)
		if (MODEL_AT(m, risks, rc_risk, i)->ref)
			idmap_put(refs, MODEL_AT(m, risks, rc_risk, i)->ref, i);
	for (i = 0; i < m->steps.len; i++)
		if (STEP(m, i)->ref)
			idmap_put(refs, STEP(m, i)->ref, i);
	for (i = 0; i < m->influences.len; i++)
		if (MODEL_AT(m, influences, rc_influence, i)->ref)
			idmap_put(refs, MODEL_AT(m, influences, rc_influence, i)->ref, i);
	return 0;
}
