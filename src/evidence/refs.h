/* Whether a model refers to an evidence-base entry, by its id or by one of its aliases. */
#ifndef RC_EVIDENCE_REFS_H
#define RC_EVIDENCE_REFS_H

#include "base/idmap.h"
#include "rchain/evidence.h"

/* Nonzero when `refs` (made by model_collect_refs()) holds the id of `e` or one of its aliases. */
int evidence_entry_referred(const rc_entry *e, const struct idmap *refs);

#endif
