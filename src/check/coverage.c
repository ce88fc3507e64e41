/* Evidence-base coverage: one definition of "applies" and "addressed" for the rules and the report. */
#include "check/coverage.h"

#include "base/alloc.h"
#include "base/error.h"
#include "base/idmap.h"
#include "evidence/refs.h"
#include "model/internal.h"
#include "rchain/check.h"

static int applies(const rc_entry *e, const rc_model *m)
{
	size_t steps = 0;

	if (!e->whole_model)
		rc_model_level_steps(m, e->level, &steps);
	return (e->whole_model || steps > 0) && rc_entry_applies(e, m);
}

int coverage_find(struct coverage *out, const rc_model *m, const rc_evidence_base *eb)
{
	size_t i, n = rc_evidence_base_entry_count(eb);
	struct idmap refs = { 0 };

	out->applicable = out->addressed = 0;
	out->entry = rc_calloc(n + 1, 1);
	if (!out->entry || model_collect_refs(m, &refs) != 0) {
		coverage_free(out);
		idmap_free(&refs);
		return RC_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, i);

		if (!applies(e, m))
			continue;
		out->entry[i] = COVERAGE_APPLIES;
		out->applicable++;
		if (evidence_entry_referred(e, &refs)) {
			out->entry[i] |= COVERAGE_ADDRESSED;
			out->addressed++;
		}
	}
	idmap_free(&refs);
	return 0;
}

/* Lower ranks first: high priority, then about a level, then base order (the index breaks every tie). */
static int relevance(const rc_entry *e)
{
	return (e->priority == RC_PRIORITY_HIGH ? 0 : 2) + (e->whole_model ? 1 : 0);
}

void coverage_unaddressed(const struct coverage *cov, const rc_evidence_base *eb, size_t *out, size_t *count)
{
	size_t n = rc_evidence_base_entry_count(eb), i;
	int rank;

	*count = 0;
	for (rank = 0; rank < 4; rank++)
		for (i = 0; i < n; i++) {
			const rc_entry *e = rc_evidence_base_entry(eb, i);

			if (cov->entry[i] == COVERAGE_APPLIES && relevance(e) == rank &&
			    (e->kind == RC_ENTRY_ASSUMPTION || e->kind == RC_ENTRY_RISK))
				out[(*count)++] = i;
		}
}

int rc_evidence_unaddressed(const rc_model *m, const rc_evidence_base *eb, size_t *out, size_t *count, rc_error *err)
{
	struct coverage cov;

	*count = 0;
	if (coverage_find(&cov, m, eb) != 0)
		return error_set(err, RC_ENOMEM, "out of memory while finding the unaddressed entries");
	coverage_unaddressed(&cov, eb, out, count);
	coverage_free(&cov);
	return 0;
}

void coverage_free(struct coverage *c)
{
	rc_free(c->entry);
	c->entry = NULL;
}
