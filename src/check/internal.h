/* What rule functions see: the checker state, the rule catalogue, the findings store and the shared chain analysis. */
#ifndef RC_CHECK_INTERNAL_H
#define RC_CHECK_INTERNAL_H

#include <stdint.h>

#include "model/chain.h"
#include "rchain/check.h"

struct checker;

/* The catalogue of rules.def, in its order (rules.c). */
extern const rc_rule rule_catalogue[];
extern const size_t rule_catalogue_len;

struct rc_confidence;

struct checker {
	const rc_model *m;
	rc_findings *findings;
	const struct rc_confidence *confidence; /* computed before the rules run */
	const rc_evidence_base *evidence;       /* or NULL: the evidence-base rules then do nothing */
	const rc_rule *rule;                    /* the rule running now */
	const char *model_suppression;          /* reason of a model-level <suppress> of it, or NULL */
	struct chain_analysis chain;
	int status;         /* RC_ENOMEM once an allocation failed */
	size_t suggestions; /* "did you mean" searches so far, up to SUGGESTION_CAP */
};

/* The unknown references of a run that get a "did you mean": the search is linear in the model's ids. */
#define SUGGESTION_CAP 100

/* The kinds of id a reference names, for near_id(). */
enum near_kind { NEAR_STEP, NEAR_STRAND, NEAR_PARTNER, NEAR_RULE, NEAR_ENTRY };

/*
 * "; did you mean 'ID'?" with the id of `kind` closest to the unknown `word`,
 * into `out` (returned); "" when none is close or SUGGESTION_CAP searches are done.
 */
const char *near_id(struct checker *c, enum near_kind kind, const char *word, char *out, size_t size);

/* Records a finding of the running rule about `owner`/`index`, at `loc`; returns it, or NULL when out of memory. */
rc_finding *report(struct checker *c, rc_loc loc, rc_owner_kind owner, size_t index, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

/* Gives finding `f` (just reported) a copy of `ref` as its suggested ref; sets c->status when out of memory. */
void report_suggested_ref(struct checker *c, rc_finding *f, const char *ref);

/*
 * How messages name a link: "link 'a' (activity) -> 'b' (engagement)", or
 * "column link activity -> engagement" (levels are left out while unresolved).
 */
void link_name(const rc_link *l, char *out, size_t size);

/* Nonzero when step `i` repeats the id of an earlier step: RC001 reports it, the rules it cascades to do not. */
int repeated_step(const rc_model *m, size_t i);

/*
 * The first letters of the words of the NULL-terminated `list`, a bit each:
 * bit (c & 31) for letter c, the same in either case. A word whose first
 * letter's bit is clear is none of them and starts none of them.
 */
uint32_t first_letters(const char *const *list);

/*
 * The first of the NULL-terminated `phrases` that occurs in `text` as whole
 * words (all normalised), in the order of `phrases`; NULL when none does.
 */
const char *first_phrase(const char *text, const char *const *phrases);

/*
 * `text` with ASCII letters lower-cased and every run of other characters
 * that are not letters or digits folded to one space, in `b` (its earlier
 * content replaced, so one buffer serves a whole walk); NULL on failure.
 * (Never longer than the text, so no limit is needed.)
 */
const char *normalised(rc_buffer *b, const char *text);

/* The names a grouped finding lists; the rest are counted. */
enum { GROUP_NAMES = 8 };

/*
 * The steps of `level` that `pick` selects, for one finding about them all:
 * their ids quoted into `names` (up to GROUP_NAMES, then "and N more"), the
 * first in `*first`. Returns how many; 0 with c->status set when out of memory.
 */
size_t step_group(struct checker *c, rc_level level, int (*pick)(const rc_model *m, const rc_step *s), rc_buffer *names,
                  size_t *first);

/* Nonzero when the model has no step-level links (a columns-only model). */
int columns_only(const rc_model *m);

/* The rule functions (structure.c, logic.c, evidence.c, evidence_base.c, story.c). */
#define RULE(code, slug, severity, summary, explanation, source, hint, function) void function(struct checker *c);
#include "check/rules.def"
#undef RULE

/* The findings store (store.c): an empty one, its reason for a model-level <suppress> of `rule`, and the
 * finishing sort and counts once every rule has run (0 or RC_ENOMEM). */
rc_findings *findings_new(void);
const char *model_suppression(const rc_model *m, const rc_rule *rule);
int findings_finish(rc_findings *f, const rc_model *m);

#endif
