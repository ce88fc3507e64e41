/* The loader's rules (load_rules.def) and the problems of a file that does not load. */
#ifndef RC_MODEL_PROBLEMS_H
#define RC_MODEL_PROBLEMS_H

#include "base/arena.h"
#include "base/vec.h"
#include "rchain/model.h"

enum load_rule {
#define LOAD_RULE(constant, code, slug, summary, explanation, hint) constant,
#include "model/load_rules.def"
#undef LOAD_RULE
	RS_COUNT
};

/* The catalogue of load_rules.def, in its order. */
extern const rc_rule load_rules[RS_COUNT];

struct rc_problems {
	struct arena arena; /* the file name and the messages */
	struct vec items;   /* rc_finding */
	const char *file;
};

/* An empty list of the problems of `file` (copied); NULL when out of memory. */
rc_problems *problems_new(const char *file);

/* Records a problem of `rule` at `line`:`column` of the list's file; 0 or RC_ENOMEM. */
int problems_add(rc_problems *p, enum load_rule rule, uint32_t line, uint32_t column, const char *message);

/* qsort's order of two rc_finding: place, then catalogue order, then message (problems and findings alike). */
int finding_order(const void *pa, const void *pb);

/* Puts the problems in file order (place, then catalogue order). */
void problems_sort(rc_problems *p);

#endif
