/* Evidence-base coverage: one definition of "applies" and "addressed" for the rules and the report. */
#include "check/coverage.h"

#include "base/alloc.h"
#include "base/idmap.h"
#include "evidence/refs.h"
#include "model/internal.h"

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

void coverage_free(struct coverage *c)
{
	rc_free(c->entry);
	c->entry = NULL;
}
