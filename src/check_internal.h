/* What rule functions see: the checker state, the rule table and the shared chain analysis. */
#ifndef RC_CHECK_INTERNAL_H
#define RC_CHECK_INTERNAL_H

#include "rchain/check.h"

struct checker;

/* A rule: its public description and the function that runs it. */
struct rule {
	rc_rule info;
	void (*run)(struct checker *c);
};

extern const struct rule rule_table[];
extern const size_t rule_table_len;

/* Facts about the causal graph, computed once before the rules run. */
struct chain_analysis {
	unsigned char *linked;          /* per step: named by any step-level link */
	unsigned char *reaches_outcome; /* per step: a causal path leads to an outcome */
	unsigned char *reached;         /* per step: reached from an input or activity */
};

struct checker {
	const rc_model *m;
	rc_findings *findings;
	const struct rule *rule;       /* the rule running now */
	const char *model_suppression; /* reason of a model-level <suppress> of it, or NULL */
	struct chain_analysis chain;
	int status; /* RC_ENOMEM once an allocation failed */
};

/* Records a finding of the running rule about `owner`/`index`, at `loc`. */
void report(struct checker *c, rc_loc loc, rc_owner_kind owner, size_t index, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/* Nonzero when the model has no step-level links (a columns-only model). */
int columns_only(const rc_model *m);

int chain_analyse(struct chain_analysis *a, const rc_model *m);
void chain_analysis_free(struct chain_analysis *a);

void check_duplicate_id(struct checker *c);
void check_dangling_reference(struct checker *c);
void check_self_link(struct checker *c);
void check_backward_link(struct checker *c);
void check_causal_cycle(struct checker *c);
void check_orphan_step(struct checker *c);
void check_no_path_to_outcome(struct checker *c);
void check_unreached_outcome(struct checker *c);
void check_no_activity(struct checker *c);
void check_no_outcome(struct checker *c);
void check_columns_only(struct checker *c);

#endif
