/* The loader's rule catalogue and the list of problems a failed load hands out. */
#include "model/problems.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

#define LOAD_SOURCE                                                                                     \
	"rchain model and evidence-base formats (docs/format.md, docs/evidence.md) and their embedded " \
	"schemas ('rchain schema')."

const rc_rule load_rules[RS_COUNT] = {
#define LOAD_RULE(constant, code, slug, summary, explanation, hint) \
	{ code, slug, RC_SEVERITY_ERROR, summary, explanation, LOAD_SOURCE, hint },
#include "model/load_rules.def"
#undef LOAD_RULE
};

rc_problems *problems_new(const char *file)
{
	rc_problems *p = rc_calloc(1, sizeof(*p));

	if (p && !(p->file = arena_strndup(&p->arena, file, strlen(file))))
		rc_problems_free(&p);
	return p;
}

int problems_add(rc_problems *p, enum load_rule rule, uint32_t line, uint32_t column, const char *message)
{
	char *text = arena_strndup(&p->arena, message, strlen(message));
	rc_finding *f = text ? vec_push(&p->items, sizeof(*f)) : NULL;

	if (!f)
		return RC_ENOMEM;
	f->rule = &load_rules[rule];
	f->severity = RC_SEVERITY_ERROR;
	f->loc.file = p->file;
	f->loc.line = line;
	f->loc.column = column;
	f->message = text;
	f->owner = RC_OWNER_MODEL;
	f->owner_index = RC_NONE;
	return 0;
}

int finding_order(const void *pa, const void *pb)
{
	const rc_finding *a = pa, *b = pb;

	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.column != b->loc.column)
		return a->loc.column < b->loc.column ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return strcmp(a->message, b->message);
}

void problems_sort(rc_problems *p)
{
	if (p->items.len > 1)
		qsort(p->items.data, p->items.len, sizeof(rc_finding), finding_order);
}

size_t rc_problems_count(const rc_problems *p)
{
	return p ? p->items.len : 0;
}

const rc_finding *rc_problems_at(const rc_problems *p, size_t i)
{
	return p && i < p->items.len ? (const rc_finding *)p->items.data + i : NULL;
}

void rc_problems_free(rc_problems **p)
{
	if (!p || !*p)
		return;
	arena_free(&(*p)->arena);
	vec_free(&(*p)->items);
	rc_free(*p);
	*p = NULL;
}
