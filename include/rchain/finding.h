/* Rules and findings: what the checker reports about a model, and the loader about a file it refuses. */
#ifndef RCHAIN_FINDING_H
#define RCHAIN_FINDING_H

#include "rchain/common.h"
#include "rchain/enums.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One entry of the rule catalogue (static storage). Codes are permanent. */
typedef struct rc_rule {
	const char *code; /* "RC001" */
	const char *slug; /* "duplicate-id" */
	rc_severity severity;
	const char *summary;     /* one line */
	const char *explanation; /* a paragraph: why it matters */
	const char *source;      /* where the rule comes from */
	const char *hint;        /* how to fix a finding */
} rc_rule;

/** One finding of the checker or the loader; borrowed from its rc_findings or rc_problems. */
typedef struct rc_finding {
	const rc_rule *rule;
	rc_loc loc;
	const char *message;
	const char *suppressed; /* the stated reason when silenced, else NULL */
	rc_severity severity;
	rc_owner_kind owner;       /* what the finding is about */
	size_t owner_index;        /* step or link index; RC_NONE for the model */
	const char *suggested_ref; /* RC033: the id of the evidence-base entry it suggests as `ref`, else NULL */
} rc_finding;

#ifdef __cplusplus
}
#endif

#endif
