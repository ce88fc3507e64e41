/* The findings store: records findings with their suppressions, sorts and counts them, and hands them out. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buffer.h"
#include "base/diagnostic.h"
#include "base/vec.h"
#include "check/internal.h"
#include "model/internal.h"
#include "model/problems.h"

struct rc_findings {
	struct arena arena;         /* messages */
	struct vec items;           /* rc_finding */
	uint32_t (*step_counts)[3]; /* per step, per severity: 32 bits, like the model's ranges */
	uint32_t (*link_counts)[3];
	size_t severity_counts[3];
};

void link_name(const rc_link *l, char *out, size_t size)
{
	if (l->column)
		snprintf(out, size, "column link %s -> %s", l->from, l->to);
	else if (l->resolved)
		snprintf(out, size, "link '%s' (%s) -> '%s' (%s)", l->from, rc_level_name(l->from_level), l->to,
		         rc_level_name(l->to_level));
	else
		snprintf(out, size, "link '%s' -> '%s'", l->from, l->to);
}

int repeated_step(const rc_model *m, size_t i)
{
	const rc_step *s = MODEL_AT(m, steps, rc_step, i);

	return s->id && rc_model_find_step(m, s->id) != s;
}

int columns_only(const rc_model *m)
{
	return rc_model_step_link_count(m) == 0;
}

/* The reason of the first <suppress> of `rule` in `range`, or of a model-level one when `range` is NULL. */
static const char *suppression_reason(const rc_model *m, const rc_rule *rule, const rc_range *range)
{
	size_t first = range ? range->first : 0;
	size_t end = range ? range->first + range->count : m->suppressions.len;
	size_t i;

	for (i = first; i < end; i++) {
		const rc_suppression *s = MODEL_AT(m, suppressions, rc_suppression, i);

		if ((range || s->owner == RC_OWNER_MODEL) && strcmp(s->rule, rule->code) == 0)
			return s->reason;
	}
	return NULL;
}

static const char *owner_suppression(const rc_model *m, const rc_rule *rule, rc_owner_kind owner, size_t index)
{
	if (owner == RC_OWNER_STEP)
		return suppression_reason(m, rule, &MODEL_AT(m, steps, rc_step, index)->suppressions);
	if (owner == RC_OWNER_LINK)
		return suppression_reason(m, rule, &MODEL_AT(m, links, rc_link, index)->suppressions);
	return NULL;
}

rc_finding *report(struct checker *c, rc_loc loc, rc_owner_kind owner, size_t index, const char *fmt, ...)
{
	rc_findings *f = c->findings;
	rc_finding *item;
	char first[512];
	char *message;
	va_list ap;
	int n;

	if (c->status)
		return NULL;
	/* Most messages fit the stack buffer; the rest (they quote evidence-base text) are formatted again at length.
	 */
	va_start(ap, fmt);
	n = vsnprintf(first, sizeof(first), fmt, ap);
	va_end(ap);
	message = n < 0 ? NULL : arena_alloc_text(&f->arena, (size_t)n + 1);
	item = message ? vec_push(&f->items, sizeof(*item)) : NULL;
	if (!item) {
		c->status = RC_ENOMEM;
		return NULL;
	}
	if ((size_t)n < sizeof(first)) {
		memcpy(message, first, (size_t)n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(message, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	item->message = message;
	item->rule = c->rule;
	item->severity = c->rule->severity;
	item->loc = loc;
	item->owner = owner;
	item->owner_index = index;
	item->suppressed =
	        c->model_suppression ? c->model_suppression : owner_suppression(c->m, item->rule, owner, index);
	return item;
}

void report_suggested_ref(struct checker *c, rc_finding *f, const char *ref)
{
	size_t n = strlen(ref) + 1;
	char *copy = f ? arena_alloc_text(&c->findings->arena, n) : NULL;

	if (!copy) {
		c->status = f ? RC_ENOMEM : c->status;
		return;
	}
	memcpy(copy, ref, n);
	f->suggested_ref = copy;
}

static int count_findings(rc_findings *f, const rc_model *m)
{
	size_t i;

	f->step_counts = rc_calloc(m->steps.len, sizeof(*f->step_counts));
	f->link_counts = rc_calloc(m->links.len, sizeof(*f->link_counts));
	if (!f->step_counts || !f->link_counts)
		return RC_ENOMEM;
	for (i = 0; i < f->items.len; i++) {
		const rc_finding *x = (const rc_finding *)f->items.data + i;

		if (x->suppressed)
			continue;
		f->severity_counts[x->severity]++;
		if (x->owner == RC_OWNER_STEP)
			f->step_counts[x->owner_index][x->severity]++;
		else if (x->owner == RC_OWNER_LINK)
			f->link_counts[x->owner_index][x->severity]++;
	}
	return 0;
}

rc_findings *findings_new(void)
{
	return rc_calloc(1, sizeof(rc_findings));
}

const char *model_suppression(const rc_model *m, const rc_rule *rule)
{
	return suppression_reason(m, rule, NULL);
}

int findings_finish(rc_findings *f, const rc_model *m)
{
	if (f->items.len > 1)
		qsort(f->items.data, f->items.len, sizeof(rc_finding), finding_order);
	return count_findings(f, m);
}

void rc_findings_free(rc_findings **findings)
{
	rc_findings *f;

	if (!findings || !*findings)
		return;
	f = *findings;
	arena_free(&f->arena);
	vec_free(&f->items);
	rc_free(f->step_counts);
	rc_free(f->link_counts);
	rc_free(f);
	*findings = NULL;
}

size_t rc_findings_count(const rc_findings *f)
{
	return f->items.len;
}

const rc_finding *rc_findings_at(const rc_findings *f, size_t i)
{
	return i < f->items.len ? (const rc_finding *)f->items.data + i : NULL;
}

size_t rc_findings_count_severity(const rc_findings *f, rc_severity severity)
{
	return f->severity_counts[severity];
}

static size_t at_least(const uint32_t counts[3], rc_severity severity)
{
	size_t n = 0;
	int s;

	for (s = (int)severity; s <= RC_SEVERITY_ERROR; s++)
		n += counts[s];
	return n;
}

size_t rc_findings_count_step(const rc_findings *f, size_t step, rc_severity severity)
{
	return at_least(f->step_counts[step], severity);
}

size_t rc_findings_count_link(const rc_findings *f, size_t link, rc_severity severity)
{
	return at_least(f->link_counts[link], severity);
}

int rc_finding_format(rc_buffer *out, const rc_finding *x)
{
	const rc_rule *r = x->rule;
	int rc = diagnostic_append(out, x->loc.file, x->loc.line, x->loc.column, rc_severity_name(x->severity),
	                           x->message);

	rc |= buffer_append(out, " [", 2);
	rc |= buffer_puts(out, r->code);
	rc |= buffer_append(out, " ", 1);
	rc |= buffer_puts(out, r->slug);
	rc |= buffer_append(out, "]\n  hint: ", 10);
	rc |= buffer_puts(out, r->hint);
	rc |= buffer_append(out, "\n", 1);
	return rc ? RC_ENOMEM : 0;
}
size_t step_group(struct checker *c, rc_level level, int (*pick)(const rc_model *m, const rc_step *s), rc_buffer *names,
                  size_t *first)
{
	size_t count = 0, n, i;
	const size_t *steps = rc_model_level_steps(c->m, level, &n);
	int rc = 0;

	for (i = 0; i < n && !rc; i++) {
		if (!pick(c->m, STEP(c->m, steps[i])))
			continue;
		if (count++ == 0)
			*first = steps[i];
		if (count <= GROUP_NAMES)
			rc = buffer_printf(names, "%s'%s'", count > 1 ? ", " : "", STEP(c->m, steps[i])->id);
	}
	if (!rc && count > GROUP_NAMES)
		rc = buffer_printf(names, " and %zu more", count - GROUP_NAMES);
	if (rc) {
		c->status = RC_ENOMEM;
		return 0;
	}
	return count;
}
