/* Structure rules: ids, references, link direction, cycles and reachability of the chain. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "check/internal.h"
#include "base/idmap.h"
#include "model/internal.h"

struct named {
	const char *id;
	rc_loc loc;
	rc_owner_kind owner;
	size_t index;
};

static int compare_places(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;

	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.column != b->loc.column)
		return a->loc.column < b->loc.column ? -1 : 1;
	return 0;
}

static void add_named(struct named *all, size_t *n, const char *id, rc_loc loc, rc_owner_kind owner, size_t index)
{
	if (!id)
		return;
	all[*n].id = id;
	all[*n].loc = loc;
	all[*n].owner = owner;
	all[*n].index = index;
	(*n)++;
}

/* What an entry of each kind of rchain/model.def `ids` is about, as an owner kind and index. */
#define ABOUT_MODEL(x, i) RC_OWNER_MODEL, RC_NONE
#define ABOUT_STEP(x, i) RC_OWNER_STEP, i
#define ABOUT_LINK(x, i) RC_OWNER_LINK, i
#define ABOUT_OWNER(x, i) (x)->owner, (x)->owner_index

#define HAS_IDS_NONE 0
#define HAS_IDS_MODEL 1
#define HAS_IDS_STEP 1
#define HAS_IDS_LINK 1
#define HAS_IDS_OWNER 1

/* Adds the ids of one array of the model; arrays without ids (NONE) add nothing. */
#define ADD_IDS_NONE(name, field)
#define ADD_IDS(name, field, ids)                                      \
	for (i = 0; i < m->field.len; i++) {                           \
		const rc_##name *x = MODEL_AT(m, field, rc_##name, i); \
                                                                       \
		add_named(all, &n, x->id, x->loc, ABOUT_##ids(x, i));  \
	}
#define ADD_IDS_MODEL(name, field) ADD_IDS(name, field, MODEL)
#define ADD_IDS_STEP(name, field) ADD_IDS(name, field, STEP)
#define ADD_IDS_LINK(name, field) ADD_IDS(name, field, LINK)
#define ADD_IDS_OWNER(name, field) ADD_IDS(name, field, OWNER)

/* Every id-bearing element (the model's one id space), in document order. */
static struct named *collect_ids(const rc_model *m, size_t *count)
{
	size_t cap = 0;
	struct named *all;
	size_t n = 0, i;

#define RC_MODEL_ARRAY(name, field, ids) cap += HAS_IDS_##ids * m->field.len;
#include "rchain/model.def"
#undef RC_MODEL_ARRAY
	all = rc_malloc(cap * sizeof(*all));
	if (!all)
		return NULL;
#define RC_MODEL_ARRAY(name, field, ids) ADD_IDS_##ids(name, field)
#include "rchain/model.def"
#undef RC_MODEL_ARRAY
	qsort(all, n, sizeof(*all), compare_places);
	*count = n;
	return all;
}

void check_duplicate_id(struct checker *c)
{
	struct idmap seen = { 0 };
	size_t n = 0, i;
	struct named *all = collect_ids(c->m, &n);

	if (!all || idmap_init(&seen, n)) {
		rc_free(all);
		c->status = RC_ENOMEM;
		return;
	}
	for (i = 0; i < n; i++) {
		size_t first = idmap_put(&seen, all[i].id, i);

		if (first != RC_NONE)
			report(c, all[i].loc, all[i].owner, all[i].index, "duplicate id '%s' (first used at line %lu)",
			       all[i].id, (unsigned long)all[first].loc.line);
	}
	idmap_free(&seen);
	rc_free(all);
}

/* Reports each id in the space-separated `list` that is not a partner. */
static void check_partner_list(struct checker *c, const rc_step *s, const struct idmap *partners)
{
	const char *p = s->partners;

	while (p && *p) {
		size_t len = strcspn(p, " ");
		char id[128];

		if (len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = '\0';
			if (idmap_get(partners, id) == RC_NONE) {
				char near[256];

				report(c, s->loc, RC_OWNER_STEP, s->index, "step '%s' names unknown partner '%s'%s",
				       s->id, id, near_id(c, NEAR_PARTNER, id, near, sizeof(near)));
			}
		}
		p += len;
		p += strspn(p, " ");
	}
}

void check_dangling_reference(struct checker *c)
{
	const rc_model *m = c->m;
	struct idmap partners = { 0 };
	char near[256];
	size_t i, k;

	if (idmap_init(&partners, m->partners.len)) {
		c->status = RC_ENOMEM;
		return;
	}
	for (i = 0; i < m->partners.len; i++)
		idmap_put(&partners, MODEL_AT(m, partners, rc_partner, i)->id, i);
	for (i = 0; i < m->steps.len; i++) {
		const rc_step *s = STEP(m, i);

		for (k = s->strands.first; k < s->strands.first + s->strands.count; k++) {
			const rc_membership *ms = MODEL_AT(m, memberships, rc_membership, k);

			if (ms->strand_index == RC_NONE)
				report(c, s->loc, RC_OWNER_STEP, i, "step '%s' names unknown strand '%s'%s", s->id,
				       ms->strand, near_id(c, NEAR_STRAND, ms->strand, near, sizeof(near)));
		}
		if (s->column && s->column_index == RC_NONE)
			report(c, s->loc, RC_OWNER_STEP, i, "step '%s' names unknown column '%s'", s->id, s->column);
		check_partner_list(c, s, &partners);
	}
	for (i = 0; i < m->strands.len; i++) {
		const rc_strand *st = MODEL_AT(m, strands, rc_strand, i);

		if (st->group && st->group_index == RC_NONE)
			report(c, st->loc, RC_OWNER_MODEL, RC_NONE, "strand '%s' names unknown strand group '%s'",
			       st->id, st->group);
	}
	for (i = 0; i < m->links.len; i++) {
		const rc_link *l = LINK(m, i);

		if (l->column)
			continue;
		if (l->from_step == RC_NONE)
			report(c, l->loc, RC_OWNER_LINK, i, "link from unknown step '%s'%s", l->from,
			       near_id(c, NEAR_STEP, l->from, near, sizeof(near)));
		if (l->to_step == RC_NONE)
			report(c, l->loc, RC_OWNER_LINK, i, "link to unknown step '%s'%s", l->to,
			       near_id(c, NEAR_STEP, l->to, near, sizeof(near)));
	}
	for (i = 0; i < m->influences.len; i++) {
		const rc_influence *f = MODEL_AT(m, influences, rc_influence, i);

		if (f->on && f->on_step == RC_NONE)
			report(c, f->loc, RC_OWNER_MODEL, RC_NONE, "influence on unknown step '%s'%s", f->on,
			       near_id(c, NEAR_STEP, f->on, near, sizeof(near)));
	}
	for (i = 0; i < m->suppressions.len; i++) {
		const rc_suppression *s = MODEL_AT(m, suppressions, rc_suppression, i);

		if (!rc_rule_find(s->rule))
			report(c, s->loc, s->owner, s->owner_index, "suppression of unknown rule '%s'%s", s->rule,
			       near_id(c, NEAR_RULE, s->rule, near, sizeof(near)));
	}
	idmap_free(&partners);
}

void check_self_link(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);

		if (l->column && l->from_level == l->to_level)
			report(c, l->loc, RC_OWNER_LINK, i, "column link from level '%s' to itself", l->from);
		else if (!l->column && l->resolved && l->from_step == l->to_step)
			report(c, l->loc, RC_OWNER_LINK, i, "link from step '%s' to itself", l->from);
	}
}

void check_backward_link(struct checker *c)
{
	size_t i;

	for (i = 0; i < c->m->links.len; i++) {
		const rc_link *l = LINK(c->m, i);
		char name[300];

		if (!l->resolved || l->kind == RC_LINK_FEEDBACK || l->to_level >= l->from_level)
			continue;
		link_name(l, name, sizeof(name));
		report(c, l->loc, RC_OWNER_LINK, i, "causal %s goes back a level and is not declared feedback", name);
	}
}

/* Tarjan's strongly connected components, iteratively (no recursion depth to exhaust). */
struct tarjan {
	const rc_model *m;
	size_t *index; /* discovery order + 1; 0 = unvisited */
	size_t *low;
	size_t *comp;   /* component id, RC_NONE while on the stack */
	size_t *stack;  /* the component stack */
	size_t *frames; /* DFS: the step of each frame */
	size_t *edge;   /* DFS: the next out-link position of each frame */
	size_t depth, top, counter, ncomp;
};

static void tarjan_visit(struct tarjan *t, size_t root)
{
	t->frames[0] = root;
	t->edge[0] = 0;
	t->depth = 1;
	t->index[root] = t->low[root] = ++t->counter;
	t->stack[t->top++] = root;
	while (t->depth) {
		size_t v = t->frames[t->depth - 1];
		size_t n;
		const size_t *out = rc_model_links_out(t->m, v, &n);

		if (t->edge[t->depth - 1] < n) {
			const rc_link *l = LINK(t->m, out[t->edge[t->depth - 1]++]);
			size_t w = l->to_step;

			if (!chain_is_pathway(l))
				continue;
			if (!t->index[w]) {
				t->index[w] = t->low[w] = ++t->counter;
				t->stack[t->top++] = w;
				t->frames[t->depth] = w;
				t->edge[t->depth] = 0;
				t->depth++;
			} else if (t->comp[w] == RC_NONE && t->index[w] < t->low[v]) {
				t->low[v] = t->index[w];
			}
			continue;
		}
		if (t->low[v] == t->index[v]) {
			size_t w;

			do {
				w = t->stack[--t->top];
				t->comp[w] = t->ncomp;
			} while (w != v);
			t->ncomp++;
		}
		t->depth--;
		if (t->depth && t->low[v] < t->low[t->frames[t->depth - 1]])
			t->low[t->frames[t->depth - 1]] = t->low[v];
	}
}

enum { CYCLE_NAMES_SHOWN = 12 };

/* Finds a shortest cycle through `root` inside its component and reports it at its first link. */
static void report_cycle(struct checker *c, const struct tarjan *t, size_t root, size_t *parent_link, size_t *queue)
{
	const rc_model *m = c->m;
	size_t head = 0, tail = 0, closing = RC_NONE;
	size_t *path = t->frames; /* free again once the search is done */
	size_t len = 0, v, i;
	rc_buffer names = { 0 };

	parent_link[root] = RC_NONE;
	queue[tail++] = root;
	while (head < tail && closing == RC_NONE) {
		size_t n, k;
		const size_t *out = rc_model_links_out(m, queue[head++], &n);

		for (k = 0; k < n; k++) {
			const rc_link *l = LINK(m, out[k]);

			if (!chain_is_pathway(l) || t->comp[l->to_step] != t->comp[root])
				continue;
			if (l->to_step == root) {
				closing = out[k];
				break;
			}
			if (parent_link[l->to_step] == RC_NONE && l->to_step != root) {
				parent_link[l->to_step] = out[k];
				queue[tail++] = l->to_step;
			}
		}
	}
	for (v = LINK(m, closing)->from_step;; v = LINK(m, parent_link[v])->from_step) {
		path[len++] = v;
		if (v == root)
			break;
	}
	for (i = len; i-- > 0;) {
		if (len - 1 - i == CYCLE_NAMES_SHOWN) {
			buffer_puts(&names, "... -> ");
			i = 0;
		}
		buffer_printf(&names, "%s -> ", STEP(m, path[i])->id);
	}
	if (buffer_puts(&names, STEP(m, root)->id) != 0) {
		c->status = RC_ENOMEM;
	} else {
		size_t first = len > 1 ? parent_link[path[len - 2]] : closing;

		report(c, LINK(m, first)->loc, RC_OWNER_LINK, first, "causal cycle through %zu steps: %s", len,
		       names.data);
	}
	rc_buffer_free(&names);
	for (i = 0; i < tail; i++)
		parent_link[queue[i]] = RC_NONE;
}

void check_causal_cycle(struct checker *c)
{
	const rc_model *m = c->m;
	size_t n = m->steps.len;
	struct tarjan t = { 0 };
	size_t *seen_size = NULL;
	size_t i;

	t.m = m;
	t.index = rc_calloc(n, sizeof(size_t));
	t.low = rc_calloc(n, sizeof(size_t));
	t.comp = rc_malloc(n * sizeof(size_t));
	t.stack = rc_malloc(n * sizeof(size_t));
	t.frames = rc_malloc(n * sizeof(size_t));
	t.edge = rc_malloc(n * sizeof(size_t));
	seen_size = rc_calloc(n, sizeof(size_t));
	if (!t.index || !t.low || !t.comp || !t.stack || !t.frames || !t.edge || !seen_size) {
		c->status = RC_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++)
		t.comp[i] = RC_NONE;
	for (i = 0; i < n; i++)
		if (!t.index[i])
			tarjan_visit(&t, i);
	/* Component sizes; then one report per cyclic component, rooted at its first step. */
	for (i = 0; i < n; i++)
		seen_size[t.comp[i]]++;
	/* Reuse index[] as parent links and low[] as the queue of the cycle search. */
	for (i = 0; i < n; i++)
		t.index[i] = RC_NONE;
	for (i = 0; i < n && !c->status; i++) {
		if (seen_size[t.comp[i]] > 1) {
			seen_size[t.comp[i]] = 0;
			report_cycle(c, &t, i, t.index, t.low);
		}
	}
done:
	rc_free(t.index);
	rc_free(t.low);
	rc_free(t.comp);
	rc_free(t.stack);
	rc_free(t.frames);
	rc_free(t.edge);
	rc_free(seen_size);
}

void check_orphan_step(struct checker *c)
{
	size_t i;

	if (c->m->links.len == 0)
		return;
	for (i = 0; i < c->m->steps.len; i++)
		if (!c->chain.linked[i] && !repeated_step(c->m, i))
			report(c, STEP(c->m, i)->loc, RC_OWNER_STEP, i, "step '%s' has no links", STEP(c->m, i)->id);
}

/* Nonzero when the model has a step at `level` (without one, RC009 or RC010 says so once). */
static int has_level(const rc_model *m, rc_level level)
{
	size_t n;

	rc_model_level_steps(m, level, &n);
	return n > 0;
}

void check_no_path_to_outcome(struct checker *c)
{
	size_t i;

	if (c->m->links.len == 0 || !has_level(c->m, RC_LEVEL_OUTCOME))
		return;
	for (i = 0; i < c->m->steps.len; i++) {
		const rc_step *s = STEP(c->m, i);

		if (c->chain.linked[i] && s->level != RC_LEVEL_OUTCOME && !c->chain.reaches_outcome[i])
			report(c, s->loc, RC_OWNER_STEP, i, "no causal pathway leads from step '%s' to an outcome",
			       s->id);
	}
}

void check_unreached_outcome(struct checker *c)
{
	size_t i;

	if (c->m->links.len == 0 || (!has_level(c->m, RC_LEVEL_INPUT) && !has_level(c->m, RC_LEVEL_ACTIVITY)))
		return;
	for (i = 0; i < c->m->steps.len; i++) {
		const rc_step *s = STEP(c->m, i);

		if (c->chain.linked[i] && s->level == RC_LEVEL_OUTCOME && s->effect == RC_EFFECT_INTENDED &&
		    !c->chain.reached[i])
			report(c, s->loc, RC_OWNER_STEP, i, "outcome '%s' is not reached from any input or activity",
			       s->id);
	}
}

static void check_level_present(struct checker *c, rc_level level, const char *message)
{
	if (!has_level(c->m, level))
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE, "%s", message);
}

void check_no_activity(struct checker *c)
{
	check_level_present(c, RC_LEVEL_ACTIVITY, "the chain has no activity step");
}

void check_no_outcome(struct checker *c)
{
	check_level_present(c, RC_LEVEL_OUTCOME, "the chain has no outcome step");
}

void check_columns_only(struct checker *c)
{
	if (!columns_only(c->m) || c->m->steps.len == 0)
		return;
	if (c->m->links.len)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "columns-only model: no step-level links, so pathways, reachability and confidence are at "
		       "column "
		       "level");
	else
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the model has no links at all, so orphan, pathway and reachability checks are not made");
}
