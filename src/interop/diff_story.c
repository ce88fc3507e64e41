/*
 * Whether the contribution story was revised between two versions
 * (contribution analysis step 6: revise and strengthen the story), told from
 * the changes the diff found and the strongest pathways of both versions
 * (docs/interop.md).
 */
#include <string.h>

#include "base/alloc.h"
#include "interop/diff_internal.h"

/* The counts of evidence and assumption changes, and the verdict they give. */
static void count_changes(rc_diff *d)
{
	rc_story_revision *r = &d->revision;
	size_t i, j;

	for (i = 0; i < d->change_count; i++) {
		const rc_change *c = &d->changes[i];

		if (c->element == element_names[E_EVIDENCE]) {
			r->evidence_added += c->kind == RC_CHANGE_ADDED;
			r->evidence_removed += c->kind == RC_CHANGE_REMOVED;
			r->evidence_changed += c->kind == RC_CHANGE_CHANGED;
		} else if (c->element == element_names[E_ASSUMPTION]) {
			r->assumptions_added += c->kind == RC_CHANGE_ADDED;
			r->assumptions_removed += c->kind == RC_CHANGE_REMOVED;
			for (j = 0; j < c->field_count; j++)
				r->statuses_changed += strcmp(c->fields[j].name, "status") == 0;
		}
	}
	if (r->statuses_changed || r->assumptions_added || r->assumptions_removed)
		r->verdict = RC_REVISION_REVISED;
	else if (r->evidence_added || r->evidence_removed || r->evidence_changed)
		r->verdict = RC_REVISION_NOT_REVISED;
	else
		r->verdict = RC_REVISION_UNCHANGED;
}

/* The item of the first assumption of a version: the items of a kind follow one another in index order. */
static size_t first_assumption(const struct side *s)
{
	size_t i = 0;

	while (i < s->count && s->items[i].element != E_ASSUMPTION)
		i++;
	return i;
}

/* The strongest pathway of a story: room for its links and steps, as many as either version has links, plus one. */
struct path {
	size_t *links;
	size_t *steps;
};

/* Calls `each` on every doubtful assumption on the pathway in `p` of `length` links; nonzero stops. */
static int each_doubtful(const rc_model *m, const struct path *p, size_t length,
                         int (*each)(void *user, size_t assumption), void *user)
{
	size_t i, k;

	for (i = 0; i <= length; i++) {
		rc_range on = rc_model_step(m, p->steps[i])->assumptions;

		if (i < length) {
			rc_range via = rc_model_link(m, p->links[i])->assumptions;

			for (k = via.first; k < via.first + via.count; k++)
				if (rc_model_assumption(m, k)->status == RC_ASSUMPTION_DOUBTFUL && each(user, k))
					return -1;
		}
		for (k = on.first; k < on.first + on.count; k++)
			if (rc_model_assumption(m, k)->status == RC_ASSUMPTION_DOUBTFUL && each(user, k))
				return -1;
	}
	return 0;
}

/* What walking one outcome's pathways needs: the marks of the old version's doubtful assumptions on it. */
struct walk {
	rc_diff *d;
	size_t old_first, new_first; /* items of the first assumption */
	uint32_t *marks;             /* per old assumption: the new story's number + 1 when on the old pathway */
	uint32_t stamp;
	const char *outcome;
};

static int mark_old(void *user, size_t assumption)
{
	struct walk *w = user;

	w->marks[assumption] = w->stamp;
	return 0;
}

static int add_doubtful(void *user, size_t assumption)
{
	struct walk *w = user;
	rc_diff *d = w->d;
	struct side *n = &d->new_side;
	const struct item *it = &n->items[w->new_first + assumption];
	uint32_t was = n->item_match[w->new_first + assumption];
	rc_doubtful_on_path *p;

	if (rc_grow((void **)&d->doubtful, &d->doubtful_cap, d->doubtful_count + 1, sizeof(*d->doubtful)))
		return -1;
	p = &d->doubtful[d->doubtful_count];
	p->outcome = w->outcome;
	p->assumption = diff_key(d, n, it);
	p->by_id = it->by_id;
	p->still = was != DIFF_UNMATCHED && w->marks[was - w->old_first] == w->stamp;
	p->loc = diff_loc(n, it);
	if (!p->assumption)
		return -1;
	d->doubtful_count++;
	return 0;
}

/*
 * For each outcome of the new version, the doubtful assumptions on its
 * strongest pathway, each "still" there when the old version's strongest
 * pathway to that outcome carried it, doubtful, too. Time: the pathways'
 * lengths summed over the outcomes.
 */
static int find_doubtful(rc_diff *d)
{
	struct side *o = &d->old_side, *n = &d->new_side;
	struct walk w = { d, first_assumption(o), first_assumption(n), NULL, 0, NULL };
	size_t i, count = rc_model_assumption_count(o->m);
	size_t room = 1 + (rc_model_link_count(o->m) > rc_model_link_count(n->m) ? rc_model_link_count(o->m)
	                                                                         : rc_model_link_count(n->m));
	struct path p = { rc_malloc(room * sizeof(size_t)), rc_malloc(room * sizeof(size_t)) };
	int failed;

	w.marks = rc_calloc(count ? count : 1, sizeof(*w.marks));
	failed = !w.marks || !p.links || !p.steps;
	for (i = 0; !failed && i < rc_confidence_story_count(n->c); i++) {
		const rc_story *now = rc_confidence_story(n->c, i);
		size_t k;
		const rc_story *then;

		if (!now->reached)
			continue;
		w.stamp = (uint32_t)i + 1;
		w.outcome = rc_model_step(n->m, now->outcome)->id;
		k = diff_story_index(o, w.outcome);
		then = k == RC_NONE ? NULL : rc_confidence_story(o->c, k);
		if (then && then->reached) {
			rc_confidence_story_path(o->c, o->m, k, p.links, p.steps);
			each_doubtful(o->m, &p, then->path_length, mark_old, &w);
		}
		rc_confidence_story_path(n->c, n->m, i, p.links, p.steps);
		failed = each_doubtful(n->m, &p, now->path_length, add_doubtful, &w);
	}
	rc_free(w.marks);
	rc_free(p.links);
	rc_free(p.steps);
	return failed ? -1 : 0;
}

int diff_story(rc_diff *d)
{
	count_changes(d);
	return find_doubtful(d);
}

/* ---- output ---- */

/* ", 2 evidence items added": a count in words, when not zero. */
static int text_count(rc_buffer *out, int *first, size_t n, const char *what, const char *whats, const char *done)
{
	int failed;

	if (!n)
		return 0;
	failed = buffer_printf(out, "%s%zu %s %s", *first ? "" : ", ", n, n == 1 ? what : whats, done);
	*first = 0;
	return failed;
}

static int text_counts(rc_buffer *out, const rc_story_revision *r)
{
	int first = 1;

	return text_count(out, &first, r->statuses_changed, "assumption status", "assumption statuses", "changed") ||
	       text_count(out, &first, r->assumptions_added, "assumption", "assumptions", "added") ||
	       text_count(out, &first, r->assumptions_removed, "assumption", "assumptions", "removed") ||
	       text_count(out, &first, r->evidence_added, "evidence item", "evidence items", "added") ||
	       text_count(out, &first, r->evidence_removed, "evidence item", "evidence items", "removed") ||
	       text_count(out, &first, r->evidence_changed, "evidence item", "evidence items", "changed");
}

static int text_verdict(rc_buffer *out, const rc_diff *d)
{
	const rc_story_revision *r = &d->revision;
	rc_loc loc = diff_loc(&d->new_side, &d->new_side.items[0]);

	if (buffer_printf(out, "%s:%u:%u: story %s: ", loc.file, (unsigned)loc.line, (unsigned)loc.column,
	                  rc_revision_name(r->verdict)))
		return -1;
	switch (r->verdict) {
	case RC_REVISION_REVISED: return text_counts(out, r) || buffer_puts(out, "\n");
	case RC_REVISION_NOT_REVISED:
		return text_counts(out, r) || buffer_puts(out, " but no assumption status changed\n");
	default: return buffer_puts(out, "no evidence or assumption changed\n");
	}
}

int diff_story_text(rc_buffer *out, const rc_diff *d)
{
	size_t i;
	int failed = text_verdict(out, d);

	for (i = 0; i < d->doubtful_count && !failed; i++) {
		const rc_doubtful_on_path *p = &d->doubtful[i];

		failed = buffer_printf(out, "%s:%u:%u: assumption ", p->loc.file, (unsigned)p->loc.line,
		                       (unsigned)p->loc.column) ||
		         (p->by_id ? buffer_printf(out, "'%s'", p->assumption) : buffer_puts(out, p->assumption)) ||
		         buffer_printf(out, " is %sdoubtful on the strongest pathway of outcome '%s'\n",
		                       p->still ? "still " : "", p->outcome);
	}
	return failed;
}

int diff_story_json(rc_buffer *out, const rc_diff *d)
{
	const rc_story_revision *r = &d->revision;
	size_t i;
	int failed = buffer_printf(out,
	                           "{\"verdict\": \"%s\", \"statusesChanged\": %zu, \"assumptionsAdded\": %zu, "
	                           "\"assumptionsRemoved\": %zu, \"evidenceAdded\": %zu, \"evidenceRemoved\": %zu, "
	                           "\"evidenceChanged\": %zu,\n    \"doubtful\": [",
	                           rc_revision_name(r->verdict), r->statuses_changed, r->assumptions_added,
	                           r->assumptions_removed, r->evidence_added, r->evidence_removed, r->evidence_changed);

	for (i = 0; i < d->doubtful_count && !failed; i++) {
		const rc_doubtful_on_path *p = &d->doubtful[i];

		failed = buffer_printf(out, "%s\n      {\"outcome\": ", i ? "," : "") ||
		         buffer_json_string(out, p->outcome) || buffer_puts(out, ", \"assumption\": ") ||
		         buffer_json_string(out, p->assumption) ||
		         buffer_printf(out, ", \"byId\": %s, \"still\": %s, \"line\": %u, \"column\": %u}",
		                       p->by_id ? "true" : "false", p->still ? "true" : "false", (unsigned)p->loc.line,
		                       (unsigned)p->loc.column);
	}
	return failed || buffer_puts(out, d->doubtful_count ? "\n    ]}" : "]}");
}
