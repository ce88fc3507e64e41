/* Evidence-base coverage: which entries apply to a model and which the model addresses (docs/rules.md). */
#ifndef RC_CHECK_COVERAGE_H
#define RC_CHECK_COVERAGE_H

#include <stddef.h>

#include "rchain/evidence.h"

/* Bits of coverage.entry. */
enum { COVERAGE_APPLIES = 1, COVERAGE_ADDRESSED = 2 };

struct coverage {
	unsigned char *entry; /* per entry of the base, in its order: COVERAGE_* bits */
	size_t applicable;    /* entries that apply */
	size_t addressed;     /* entries that apply and are addressed */
};

/*
 * The coverage of `m` by `eb`. An entry applies when its applicability
 * condition holds and, for an entry about one level, the model has a step at
 * that level; it is addressed when a step, assumption or risk names it in
 * `ref`. The rules RC030 to RC032 and the report's coverage section both
 * use this. Free with coverage_free. Returns 0 or RC_ENOMEM.
 */
int coverage_find(struct coverage *out, const rc_model *m, const rc_evidence_base *eb);

/*
 * The entries of kind assumption or risk that apply and are not addressed,
 * most relevant first (docs/rules.md): high priority before normal, entries
 * about one of the model's levels before those about the whole model, then
 * base order. Their indices into `out` (room for every entry), their number
 * into `*count`.
 */
void coverage_unaddressed(const struct coverage *cov, const rc_evidence_base *eb, size_t *out, size_t *count);

/* Frees what coverage_find allocated; a zeroed coverage is allowed. */
void coverage_free(struct coverage *c);

#endif
