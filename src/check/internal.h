/* What rule functions see: the checker state, the rule table and the shared chain analysis. */
#ifndef RC_CHECK_INTERNAL_H
#define RC_CHECK_INTERNAL_H

#include "model/chain.h"
#include "rchain/check.h"

struct checker;

/* A rule: its public description and the function that runs it. */
struct rule {
	rc_rule info;
	void (*run)(struct checker *c);
};

extern const struct rule rule_table[];
extern const size_t rule_table_len;

struct confidence;

struct checker {
	const rc_model *m;
	rc_findings *findings;
	const struct confidence *confidence; /* computed before the rules run */
	const rc_evidence_base *evidence;    /* or NULL: the evidence-base rules then do nothing */
	const struct rule *rule;             /* the rule running now */
	const char *model_suppression;       /* reason of a model-level <suppress> of it, or NULL */
	struct chain_analysis chain;
	int status; /* RC_ENOMEM once an allocation failed */
};

/* Records a finding of the running rule about `owner`/`index`, at `loc`. */
void report(struct checker *c, rc_loc loc, rc_owner_kind owner, size_t index, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/*
 * How messages name a link: "link 'a' (activity) -> 'b' (engagement)", or
 * "column link activity -> engagement" (levels are left out while unresolved).
 */
void link_name(const rc_link *l, char *out, size_t size);

/* Nonzero when the model has no step-level links (a columns-only model). */
int columns_only(const rc_model *m);

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
void check_level_skip(struct checker *c);
void check_miracle_leap(struct checker *c);
void check_reach_before_knowledge(struct checker *c);
void check_outcome_wording(struct checker *c);
void check_duplicate_statement(struct checker *c);
void check_missing_indicator(struct checker *c);
void check_forward_feedback(struct checker *c);
void check_link_without_assumption(struct checker *c);
void check_unmitigated_risk(struct checker *c);
void check_doubtful_assumption(struct checker *c);
void check_no_influence(struct checker *c);
void check_evidence_gap(struct checker *c);
void check_evidence_without_cite(struct checker *c);
void check_challenged(struct checker *c);
void check_overstated_confidence(struct checker *c);
void check_weakest_link(struct checker *c);
void check_unowned_step(struct checker *c);
void check_unknown_ref(struct checker *c);
void check_unaddressed_assumption(struct checker *c);
void check_unaddressed_risk(struct checker *c);
void check_triggered_entry(struct checker *c);
void check_suggest_ref(struct checker *c);

#endif
