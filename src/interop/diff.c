/* Semantic diffs between two checked versions of a model, matched by ids (docs/interop.md). */
#define _GNU_SOURCE /* qsort_r; NOLINT(bugprone-reserved-identifier) */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/error.h"
#include "interop/backends.h"
#include "interop/diff_internal.h"

/*
 * Matching sorts both versions' elements by kind and key (a stable order:
 * equal keys keep the file's order) and walks the two lists together: the
 * n-th element of a kind with a key matches the n-th of the other version
 * with that kind and key. Keys are compared in the models, never copied.
 */
static int item_order(const void *a, const void *b, void *side)
{
	const struct side *s = side;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = diff_compare(s, &s->items[x], s, &s->items[y]);

	return c ? c : (x > y) - (x < y);
}

static uint32_t *sorted_items(struct side *s)
{
	uint32_t *order = rc_malloc((s->count ? s->count : 1) * sizeof(*order));
	size_t i;

	if (!order)
		return NULL;
	for (i = 0; i < s->count; i++)
		order[i] = (uint32_t)i;
	qsort_r(order, s->count, sizeof(*order), item_order, s);
	return order;
}

static int match_items(rc_diff *d)
{
	struct side *o = &d->old_side, *n = &d->new_side;
	uint32_t *a = sorted_items(o), *b = sorted_items(n);
	size_t i = 0, j = 0;
	int failed = !a || !b;

	o->item_match = failed ? NULL : rc_malloc((o->count ? o->count : 1) * sizeof(*o->item_match));
	n->item_match = failed ? NULL : rc_malloc((n->count ? n->count : 1) * sizeof(*n->item_match));
	failed = failed || !o->item_match || !n->item_match;
	for (i = 0; !failed && i < o->count; i++)
		o->item_match[i] = DIFF_UNMATCHED;
	for (j = 0; !failed && j < n->count; j++)
		n->item_match[j] = DIFF_UNMATCHED;
	for (i = 0, j = 0; !failed && i < o->count && j < n->count;) {
		int c = diff_compare(o, &o->items[a[i]], n, &n->items[b[j]]);

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			o->item_match[a[i]] = b[j];
			n->item_match[b[j]] = a[i];
			i++;
			j++;
		}
	}
	rc_free(a);
	rc_free(b);
	return failed ? -1 : 0;
}

/* Findings match by rule and message, in the same way; silenced ones take no part. */
static int finding_compare(const rc_finding *x, const rc_finding *y)
{
	int c = strcmp(x->rule->code, y->rule->code);

	return c ? c : strcmp(x->message, y->message);
}

static int finding_order(const void *a, const void *b, void *findings)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = finding_compare(rc_findings_at(findings, x), rc_findings_at(findings, y));

	return c ? c : (x > y) - (x < y);
}

static uint32_t *sorted_findings(struct side *s, size_t *count)
{
	size_t i, n = rc_findings_count(s->f);
	uint32_t *order = rc_malloc((n ? n : 1) * sizeof(*order));

	s->finding_match = rc_malloc((n ? n : 1) * sizeof(*s->finding_match));
	*count = 0;
	if (!order || !s->finding_match || n >= DIFF_UNMATCHED) {
		rc_free(order);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		s->finding_match[i] = DIFF_UNMATCHED;
		if (!rc_findings_at(s->f, i)->suppressed)
			order[(*count)++] = (uint32_t)i;
	}
	qsort_r(order, *count, sizeof(*order), finding_order, (void *)s->f);
	return order;
}

static int match_findings(rc_diff *d)
{
	struct side *o = &d->old_side, *n = &d->new_side;
	size_t na, nb, i = 0, j = 0;
	uint32_t *a = sorted_findings(o, &na), *b = sorted_findings(n, &nb);
	int failed = !a || !b;

	while (!failed && i < na && j < nb) {
		int c = finding_compare(rc_findings_at(o->f, a[i]), rc_findings_at(n->f, b[j]));

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			o->finding_match[a[i]] = b[j];
			n->finding_match[b[j]] = a[i];
			i++;
			j++;
		}
	}
	rc_free(a);
	rc_free(b);
	return failed ? -1 : 0;
}

static int values_differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

static rc_change *add_change(rc_diff *d, rc_change_kind kind, struct side *s, const struct item *it)
{
	const char *key = diff_key(d, s, it);
	rc_change *c;

	if (!key || rc_grow((void **)&d->changes, &d->change_cap, d->change_count + 1, sizeof(*d->changes)))
		return NULL;
	c = &d->changes[d->change_count++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->element = element_names[it->element];
	c->key = key;
	c->by_id = it->by_id;
	return c;
}

/* A value of `s` kept for a change: a computed field (in `s->field`) is copied, the model's text is borrowed. */
static const char *kept_value(rc_diff *d, const struct side *s, const char *value)
{
	return value && value == s->field.data ? arena_strndup(&d->arena, value, s->field.len) : value;
}

/* The fields that differ between two matched elements, as a change (none when they are alike). */
static int compare_items(rc_diff *d, const struct item *was, const struct item *now)
{
	const char *old_values[MAX_FIELDS], *new_values[MAX_FIELDS];
	rc_field_change fields[MAX_FIELDS];
	size_t i, n = 0;
	rc_change *c;
	rc_field_change *kept;

	if (diff_values(&d->old_side, was, old_values) || diff_values(&d->new_side, now, new_values))
		return -1;
	for (i = 0; i < MAX_FIELDS && diff_fields_of[now->element][i]; i++) {
		if (!values_differ(old_values[i], new_values[i]))
			continue;
		fields[n] =
		        (rc_field_change){ diff_fields_of[now->element][i], kept_value(d, &d->old_side, old_values[i]),
			                   kept_value(d, &d->new_side, new_values[i]) };
		if ((old_values[i] && !fields[n].old_value) || (new_values[i] && !fields[n].new_value))
			return -1;
		n++;
	}
	if (n == 0)
		return 0;
	kept = arena_alloc(&d->arena, n * sizeof(*kept));
	if (!kept || !(c = add_change(d, RC_CHANGE_CHANGED, &d->new_side, now)))
		return -1;
	memcpy(kept, fields, n * sizeof(*kept));
	c->old_loc = diff_loc(&d->old_side, was);
	c->new_loc = diff_loc(&d->new_side, now);
	c->fields = kept;
	c->field_count = n;
	return 0;
}

/* Per kind of element: those removed (in old order), then those added or changed (in new order). */
static int compare_elements(rc_diff *d)
{
	struct side *o = &d->old_side, *n = &d->new_side;
	size_t e, i;
	rc_change *c;

	for (e = 0; e < E_COUNT; e++) {
		if (!diff_fields_of[e][0])
			continue;
		for (i = 0; i < o->count; i++)
			if (o->items[i].element == e && o->item_match[i] == DIFF_UNMATCHED) {
				if (!(c = add_change(d, RC_CHANGE_REMOVED, o, &o->items[i])))
					return -1;
				c->old_loc = diff_loc(o, &o->items[i]);
			}
		for (i = 0; i < n->count; i++) {
			if (n->items[i].element != e)
				continue;
			if (n->item_match[i] != DIFF_UNMATCHED) {
				if (compare_items(d, &o->items[n->item_match[i]], &n->items[i]))
					return -1;
			} else {
				if (!(c = add_change(d, RC_CHANGE_ADDED, n, &n->items[i])))
					return -1;
				c->new_loc = diff_loc(n, &n->items[i]);
			}
		}
	}
	return 0;
}

/* Findings of `from` (by code and message) that the other version does not have. */
static int compare_findings(rc_diff *d, const struct side *from, int introduced)
{
	size_t i;

	for (i = 0; i < rc_findings_count(from->f); i++) {
		if (from->finding_match[i] != DIFF_UNMATCHED || rc_findings_at(from->f, i)->suppressed)
			continue;
		if (rc_grow((void **)&d->findings, &d->finding_cap, d->finding_count + 1, sizeof(*d->findings)))
			return -1;
		d->findings[d->finding_count++] = (rc_finding_change){ introduced, rc_findings_at(from->f, i) };
	}
	return 0;
}

static const char *story_confidence(const rc_story *s)
{
	return s->reached ? rc_rating_name(s->confidence) : "unreached";
}

/* The story of the outcome step called `id` in one version, or NULL. */
static const rc_story *story_of(const struct side *s, const char *id)
{
	size_t i = diff_story_index(s, id);

	return i == RC_NONE ? NULL : rc_confidence_story(s->c, i);
}

static int add_outcome(rc_diff *d, const struct side *s, const rc_story *story, int in_new)
{
	const rc_step *step = rc_model_step(s->m, story->outcome);
	const struct side *other = in_new ? &d->old_side : &d->new_side;
	const rc_story *match = story_of(other, step->id);
	rc_outcome_change *o;

	if (!in_new && match)
		return 0; /* listed with the new version's outcomes */
	if (rc_grow((void **)&d->outcomes, &d->outcome_cap, d->outcome_count + 1, sizeof(*d->outcomes)))
		return -1;
	o = &d->outcomes[d->outcome_count++];
	memset(o, 0, sizeof(*o));
	o->id = step->id;
	if (in_new) {
		o->new_confidence = story_confidence(story);
		o->new_loc = step->loc;
		if (match) {
			o->old_confidence = story_confidence(match);
			o->old_loc = rc_model_step(other->m, match->outcome)->loc;
		}
	} else {
		o->old_confidence = story_confidence(story);
		o->old_loc = step->loc;
	}
	return 0;
}

static int compare_outcomes(rc_diff *d)
{
	size_t i;

	for (i = 0; i < rc_confidence_story_count(d->new_side.c); i++)
		if (add_outcome(d, &d->new_side, rc_confidence_story(d->new_side.c, i), 1))
			return -1;
	for (i = 0; i < rc_confidence_story_count(d->old_side.c); i++)
		if (add_outcome(d, &d->old_side, rc_confidence_story(d->old_side.c, i), 0))
			return -1;
	return 0;
}

int rc_diff_new(rc_diff **out, const rc_model *old_model, const rc_findings *old_findings,
                const rc_confidence *old_confidence, const rc_model *new_model, const rc_findings *new_findings,
                const rc_confidence *new_confidence, rc_error *err)
{
	rc_diff *d = rc_calloc(1, sizeof(*d));

	*out = NULL;
	if (!d)
		return error_set(err, RC_ENOMEM, "out of memory comparing models");
	d->old_side.m = old_model;
	d->old_side.f = old_findings;
	d->new_side.m = new_model;
	d->new_side.f = new_findings;
	d->old_side.c = old_confidence;
	d->new_side.c = new_confidence;
	if (diff_collect(&d->old_side) || diff_collect(&d->new_side) || match_items(d) || match_findings(d) ||
	    compare_elements(d) || compare_findings(d, &d->old_side, 0) || compare_findings(d, &d->new_side, 1) ||
	    compare_outcomes(d) || diff_story(d)) {
		rc_diff_free(&d);
		return error_set(err, RC_ENOMEM, "out of memory comparing models");
	}
	*out = d;
	return 0;
}

static void free_side(struct side *s)
{
	rc_free(s->items);
	rc_free(s->item_match);
	rc_free(s->finding_match);
	rc_buffer_free(&s->field);
}

void rc_diff_free(rc_diff **diff)
{
	rc_diff *d = *diff;

	if (!d)
		return;
	free_side(&d->old_side);
	free_side(&d->new_side);
	rc_free(d->changes);
	rc_free(d->findings);
	rc_free(d->outcomes);
	rc_free(d->doubtful);
	rc_buffer_free(&d->scratch);
	arena_free(&d->arena);
	rc_free(d);
	*diff = NULL;
}

const rc_story_revision *rc_diff_revision(const rc_diff *d)
{
	return &d->revision;
}

size_t rc_diff_doubtful_count(const rc_diff *d)
{
	return d->doubtful_count;
}

const rc_doubtful_on_path *rc_diff_doubtful(const rc_diff *d, size_t i)
{
	return &d->doubtful[i];
}

static int outcome_changed(const rc_outcome_change *o)
{
	return values_differ(o->old_confidence, o->new_confidence);
}

int rc_diff_equal(const rc_diff *d)
{
	size_t i;

	for (i = 0; i < d->outcome_count; i++)
		if (outcome_changed(&d->outcomes[i]))
			return 0;
	return d->change_count == 0 && d->finding_count == 0;
}

size_t rc_diff_change_count(const rc_diff *d)
{
	return d->change_count;
}

const rc_change *rc_diff_change(const rc_diff *d, size_t i)
{
	return &d->changes[i];
}

size_t rc_diff_finding_count(const rc_diff *d)
{
	return d->finding_count;
}

const rc_finding_change *rc_diff_finding(const rc_diff *d, size_t i)
{
	return &d->findings[i];
}

size_t rc_diff_outcome_count(const rc_diff *d)
{
	return d->outcome_count;
}

const rc_outcome_change *rc_diff_outcome(const rc_diff *d, size_t i)
{
	return &d->outcomes[i];
}

/* ---- text: one line per difference, located in the old file, the new one, or both ---- */

static int text_loc(rc_buffer *out, rc_loc loc)
{
	return loc.line ? buffer_printf(out, "%s:%u:%u: ", loc.file, (unsigned)loc.line, (unsigned)loc.column) : 0;
}

static int text_value(rc_buffer *out, const char *value)
{
	return value ? buffer_printf(out, "\"%s\"", value) : buffer_puts(out, "(none)");
}

static int text_change(rc_buffer *out, const rc_change *c)
{
	size_t i;
	int failed = text_loc(out, c->old_loc) || text_loc(out, c->new_loc) || buffer_puts(out, c->element) ||
	             (c->by_id  ? buffer_printf(out, " '%s'", c->key)
	              : *c->key ? buffer_printf(out, " %s", c->key)
	                        : 0) ||
	             buffer_printf(out, " %s", rc_change_kind_name(c->kind));

	for (i = 0; i < c->field_count && !failed; i++)
		failed = buffer_printf(out, "%s%s ", i ? "; " : ": ", c->fields[i].name) ||
		         text_value(out, c->fields[i].old_value) || buffer_puts(out, " -> ") ||
		         text_value(out, c->fields[i].new_value);
	return failed || buffer_puts(out, "\n");
}

static int text_finding(rc_buffer *out, const rc_finding_change *fc)
{
	const rc_finding *f = fc->finding;

	return text_loc(out, f->loc) ||
	       buffer_printf(out, "%s: %s: %s [%s %s]\n", fc->introduced ? "introduced" : "fixed",
	                     rc_severity_name(f->severity), f->message, f->rule->code, f->rule->slug);
}

static int text_outcome(rc_buffer *out, const rc_outcome_change *o)
{
	return text_loc(out, o->old_loc) || text_loc(out, o->new_loc) ||
	       buffer_printf(out, "outcome '%s' confidence: %s -> %s\n", o->id,
	                     o->old_confidence ? o->old_confidence : "(absent)",
	                     o->new_confidence ? o->new_confidence : "(absent)");
}

static int text_lines(rc_buffer *out, const rc_diff *d)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < d->change_count && !failed; i++)
		failed = text_change(out, &d->changes[i]);
	for (i = 0; i < d->finding_count && !failed; i++)
		failed = text_finding(out, &d->findings[i]);
	for (i = 0; i < d->outcome_count && !failed; i++)
		failed = outcome_changed(&d->outcomes[i]) && text_outcome(out, &d->outcomes[i]);
	return failed || (!rc_diff_equal(d) && diff_story_text(out, d));
}

/* ---- JSON ---- */

static int json_loc(rc_buffer *out, const char *name, rc_loc loc)
{
	return loc.line ? buffer_printf(out, ", \"%s\": {\"line\": %u, \"column\": %u}", name, (unsigned)loc.line,
	                                (unsigned)loc.column)
	                : buffer_printf(out, ", \"%s\": null", name);
}

static int json_change(rc_buffer *out, const rc_change *c, int first)
{
	size_t i;
	int failed = buffer_printf(out, "%s\n    {\"change\": \"%s\", \"element\": \"%s\", \"key\": ", first ? "" : ",",
	                           rc_change_kind_name(c->kind), c->element) ||
	             buffer_json_string(out, c->key) ||
	             buffer_printf(out, ", \"byId\": %s", c->by_id ? "true" : "false") ||
	             json_loc(out, "old", c->old_loc) || json_loc(out, "new", c->new_loc) ||
	             buffer_puts(out, ", \"fields\": [");

	for (i = 0; i < c->field_count && !failed; i++)
		failed = buffer_printf(out, "%s{\"name\": \"%s\", \"old\": ", i ? ", " : "", c->fields[i].name) ||
		         buffer_json_string(out, c->fields[i].old_value) || buffer_puts(out, ", \"new\": ") ||
		         buffer_json_string(out, c->fields[i].new_value) || buffer_puts(out, "}");
	return failed || buffer_puts(out, "]}");
}

static int json_finding(rc_buffer *out, const rc_finding_change *fc, int first)
{
	const rc_finding *f = fc->finding;

	return buffer_printf(out, "%s\n    {\"change\": \"%s\", \"file\": ", first ? "" : ",",
	                     fc->introduced ? "introduced" : "fixed") ||
	       buffer_json_string(out, f->loc.file) ||
	       buffer_printf(
	               out,
	               ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"code\": \"%s\", \"slug\": \"%s\", "
	               "\"message\": ",
	               (unsigned)f->loc.line, (unsigned)f->loc.column, rc_severity_name(f->severity), f->rule->code,
	               f->rule->slug) ||
	       buffer_json_string(out, f->message) || buffer_puts(out, "}");
}

static int json_outcome(rc_buffer *out, const rc_outcome_change *o, int first)
{
	return buffer_printf(out, "%s\n    {\"id\": ", first ? "" : ",") || buffer_json_string(out, o->id) ||
	       buffer_puts(out, ", \"old\": ") || buffer_json_string(out, o->old_confidence) ||
	       buffer_puts(out, ", \"new\": ") || buffer_json_string(out, o->new_confidence) ||
	       buffer_printf(out, ", \"changed\": %s}", outcome_changed(o) ? "true" : "false");
}

static int json_document(rc_buffer *out, const rc_diff *d)
{
	size_t i;
	int failed = buffer_puts(out, "{\"old\": ") || buffer_json_string(out, rc_model_file(d->old_side.m)) ||
	             buffer_puts(out, ", \"new\": ") || buffer_json_string(out, rc_model_file(d->new_side.m)) ||
	             buffer_printf(out, ", \"equal\": %s,\n  \"changes\": [", rc_diff_equal(d) ? "true" : "false");

	for (i = 0; i < d->change_count && !failed; i++)
		failed = json_change(out, &d->changes[i], i == 0);
	failed = failed || buffer_puts(out, "\n  ],\n  \"findings\": [");
	for (i = 0; i < d->finding_count && !failed; i++)
		failed = json_finding(out, &d->findings[i], i == 0);
	failed = failed || buffer_puts(out, "\n  ],\n  \"outcomes\": [");
	for (i = 0; i < d->outcome_count && !failed; i++)
		failed = json_outcome(out, &d->outcomes[i], i == 0);
	return failed || buffer_puts(out, "\n  ],\n  \"story\": ") || diff_story_json(out, d) ||
	       buffer_puts(out, "\n}\n");
}

int diff_text(rc_buffer *out, const rc_diff *d, rc_error *err)
{
	return text_lines(out, d) ? error_set(err, RC_ENOMEM, "out of memory writing the diff") : 0;
}

int diff_json(rc_buffer *out, const rc_diff *d, rc_error *err)
{
	return json_document(out, d) ? error_set(err, RC_ENOMEM, "out of memory writing the diff") : 0;
}
