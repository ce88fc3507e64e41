/* The logic model: loading a model file and reading its steps, links and annotations. */
#ifndef RCHAIN_MODEL_H
#define RCHAIN_MODEL_H

#include "rchain/common.h"
#include "rchain/enums.h"
#include "rchain/finding.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A half-open range [first, first + count) of indices into one of the model's
 * arrays. 32 bits each, which halves the ranges every step and link holds: a
 * model with 2^32 elements of one kind would be a file of tens of gigabytes.
 */
typedef struct rc_range {
	uint32_t first;
	uint32_t count;
} rc_range;

/** Sentinel for an index that does not resolve (a dangling or absent reference). */
#define RC_NONE ((size_t)-1)

/*
 * Read-only views. Every pointer inside them is borrowed from the model and
 * valid until rc_model_free(); optional text is NULL when absent. Text is
 * UTF-8 with runs of white space folded to one space and the ends trimmed.
 */

typedef struct rc_partner {
	const char *id;
	rc_sector sector;
	rc_role role;
	const char *name;
	rc_loc loc;
} rc_partner;

/** A group of strands (format 1.1 <strandGroup>), such as a component of a plan. */
typedef struct rc_strand_group {
	const char *id;
	const char *name;
	rc_loc loc;
} rc_strand_group;

typedef struct rc_strand {
	const char *id;
	const char *name;
	const char *group;  /* strand group id as written (format 1.1), or NULL */
	size_t group_index; /* resolved strand group, or RC_NONE */
	rc_loc loc;
} rc_strand;

/**
 * One of the source's own columns (format 1.1 <column>), in source order:
 * declared where two columns of the source share one of rchain's levels.
 */
typedef struct rc_column {
	const char *id;
	rc_level level;
	const char *name;
	rc_loc loc;
} rc_column;

/** One strand a step names: its `strand` attribute holds one or more (format 1.1) strand ids. */
typedef struct rc_membership {
	size_t step;         /* the step's index */
	const char *strand;  /* the strand id as written */
	size_t strand_index; /* resolved strand, or RC_NONE */
} rc_membership;

typedef struct rc_step {
	size_t index; /* position in the model's step array */
	const char *id;
	rc_level level;
	rc_effect effect;      /* intended unless the file says otherwise (format 1.1) */
	rc_rating confidence;  /* the evaluator's stated judgement */
	const char *ref;       /* evidence-base entry this step realises, or NULL */
	const char *strand;    /* strand ids as written (space-separated), or NULL */
	size_t strand_index;   /* the first listed strand that resolves (the one drawn), or RC_NONE */
	rc_range strands;      /* every strand named, in order: into rc_model_membership() */
	const char *column;    /* column id as written (format 1.1), or NULL */
	size_t column_index;   /* resolved column, or RC_NONE */
	const char *timeframe; /* free text such as "3-5 years" (format 1.1), or NULL */
	const char *partners;  /* partner ids as written (space-separated), or NULL */
	const char *title;
	const char *description;
	rc_loc loc;
	rc_range indicators;   /* into rc_model_indicator() */
	rc_range assumptions;  /* into rc_model_assumption() */
	rc_range risks;        /* into rc_model_risk() */
	rc_range evidence;     /* into rc_model_evidence() */
	rc_range suppressions; /* into rc_model_suppression() */
} rc_step;

/**
 * A link between two steps, or (when `column` is set) between two whole
 * levels of a columns-only model.
 */
typedef struct rc_link {
	size_t index;
	const char *id;   /* optional */
	int column;       /* nonzero: a column-level link */
	const char *from; /* step id, or level id for a column link */
	const char *to;
	size_t from_step; /* resolved step index, or RC_NONE */
	size_t to_step;
	rc_level from_level; /* level of the source (resolved step's level, or the named level) */
	rc_level to_level;
	int resolved; /* nonzero when both ends resolve */
	rc_link_kind kind;
	rc_loc loc;
	rc_range assumptions;
	rc_range risks;
	rc_range evidence;
	rc_range suppressions;
} rc_link;

typedef struct rc_indicator {
	const char *text;
	size_t step;
	rc_loc loc;
} rc_indicator;

typedef struct rc_assumption {
	const char *id;
	const char *ref;
	const char *text;
	rc_assumption_status status;
	rc_owner_kind owner;
	size_t owner_index; /* step or link index; RC_NONE for the model */
	rc_loc loc;
} rc_assumption;

typedef struct rc_risk {
	const char *id;
	const char *ref;
	rc_rating likelihood;
	rc_rating impact;
	const char *statement;
	const char *mitigation;
	rc_owner_kind owner;
	size_t owner_index;
	rc_loc loc;
} rc_risk;

typedef struct rc_evidence {
	const char *id;
	rc_direction direction;
	rc_strength strength; /* RC_STRENGTH_UNGRADED when the file gives none (format 1.1) */
	rc_evidence_kind kind;
	rc_evidence_of of; /* as written (format 1.1); rc_evidence_shows() gives what it shows */
	const char *cite;
	const char *summary;
	rc_owner_kind owner;
	size_t owner_index;
	rc_loc loc;
} rc_evidence;

typedef struct rc_influence {
	const char *id;
	const char *on; /* step id, or NULL for the whole model */
	size_t on_step; /* resolved, or RC_NONE */
	rc_influence_kind kind;
	const char *ref;                  /* evidence-base entry it matches (format 1.1), or NULL */
	rc_rating size;                   /* assessed size (format 1.1), or RC_RATING_NONE */
	rc_influence_direction direction; /* assessed direction (format 1.1), or not assessed */
	const char *assessment;           /* how it was assessed, in words (format 1.1), or NULL */
	const char *text;
	rc_loc loc;
} rc_influence;

/** What the evidence shows: its `of`, or when unstated, mechanism for research and occurrence otherwise. */
RC_API rc_evidence_of rc_evidence_shows(const rc_evidence *v);
/** Nonzero when `v` supports its step or link and shows that it occurred here (occurrence or both). */
RC_API int rc_evidence_occurred(const rc_evidence *v);
/** Nonzero when the influence was assessed: a size, a direction or an assessment is given (format 1.1). */
RC_API int rc_influence_assessed(const rc_influence *inf);

typedef struct rc_suppression {
	const char *rule; /* rule code, e.g. "RC012" */
	const char *reason;
	rc_owner_kind owner;
	size_t owner_index;
	rc_loc loc;
} rc_suppression;

/** A loaded model; opaque, owned by whoever loaded it. */
typedef struct rc_model rc_model;

/** Process-wide state a caller creates once: the compiled schema and limits. */
typedef struct rc_context rc_context;

/**
 * Creates a context. The caller owns `*out` and frees it with
 * rc_context_free(). Fails with RC_ENOMEM.
 */
RC_API int rc_context_new(rc_context **out, rc_error *err);
/** Frees a context and sets `*ctx` to NULL; NULL is allowed. */
RC_API void rc_context_free(rc_context **ctx);

/** Size limits applied by the loader; see docs/limits.md. */
typedef struct rc_limits {
	size_t max_file_bytes;
} rc_limits;

/** The context's limits (borrowed, mutable until the next load). */
RC_API rc_limits *rc_context_limits(rc_context *ctx);

/**
 * Loads the model file at `path` ("-" reads standard input) and validates it
 * against the embedded schema. On success the caller owns `*out` (free with
 * rc_model_free()). On failure `*out` is NULL, the return value is negative
 * and `err` holds one located message.
 */
RC_API int rc_model_load(rc_model **out, rc_context *ctx, const char *path, rc_error *err);

/**
 * Loads a model from `len` bytes at `data`; `name` is the file name used in
 * locations. Same contract as rc_model_load(), and the same size limit
 * (RC_ELIMIT for more than the context's max_file_bytes).
 */
RC_API int rc_model_load_memory(rc_model **out, rc_context *ctx, const char *name, const char *data, size_t len,
                                rc_error *err);

/** The most problems a load reports for one file (docs/limits.md): the parse stops at this many. */
#define RC_PROBLEM_CAP 100

/**
 * Every problem that stopped a load, as findings of the loader's RS rules
 * (`rchain rules`, docs/rules.md), in file order: all the schema errors of
 * the file up to RC_PROBLEM_CAP, or the one error that ends the parse (XML
 * that is not well-formed). Each is an error about the whole file (owner
 * RC_OWNER_MODEL), never suppressed. Opaque, caller-owned.
 */
typedef struct rc_problems rc_problems;

/**
 * As rc_model_load(), and when the load fails with problems located in the
 * file, `*problems` (when `problems` is not NULL) receives them all, else
 * NULL (a file that cannot be read, memory): `err` then holds the first, or
 * the only, failure either way.
 */
RC_API int rc_model_load_problems(rc_model **out, rc_problems **problems, rc_context *ctx, const char *path,
                                  rc_error *err);

/** As rc_model_load_memory(), with every problem as rc_model_load_problems() gives them. */
RC_API int rc_model_load_memory_problems(rc_model **out, rc_problems **problems, rc_context *ctx, const char *name,
                                         const char *data, size_t len, rc_error *err);

/** Number of problems, and the i-th in file order (NULL past the end); borrowed from `p`. */
RC_API size_t rc_problems_count(const rc_problems *p);
RC_API const rc_finding *rc_problems_at(const rc_problems *p, size_t i);

/** Frees the problems and sets `*p` to NULL; NULL is allowed. */
RC_API void rc_problems_free(rc_problems **p);

/** Frees the model and everything borrowed from it; sets `*model` to NULL. */
RC_API void rc_model_free(rc_model **model);

/** The file name given to the loader (borrowed). */
RC_API const char *rc_model_file(const rc_model *m);
RC_API const char *rc_model_id(const rc_model *m);
RC_API const char *rc_model_title(const rc_model *m);
RC_API const char *rc_model_description(const rc_model *m); /* or NULL */
RC_API const char *rc_model_source(const rc_model *m);      /* or NULL */
RC_API rc_loc rc_model_loc(const rc_model *m);
/** The format version the file declares: "1" or "1.1" (borrowed). */
RC_API const char *rc_model_version(const rc_model *m);
/** The status the model states (format 1.1), or RC_MODEL_STATUS_NONE. */
RC_API rc_model_status rc_model_status_of(const rc_model *m);
RC_API const char *rc_model_goal(const rc_model *m);    /* format 1.1, or NULL */
RC_API const char *rc_model_context(const rc_model *m); /* format 1.1, or NULL */

/**
 * The evaluation question (format 1.1 <question>): the cause-effect issue in words, the outcome
 * step ids it is about as written (space-separated, or NULL), and the certainty needed
 * (RC_RATING_NONE when not stated). `rc_model_question` is NULL when the model states none.
 */
RC_API const char *rc_model_question(const rc_model *m);
RC_API const char *rc_model_question_outcomes(const rc_model *m);
RC_API rc_rating rc_model_question_certainty(const rc_model *m);
RC_API rc_loc rc_model_question_loc(const rc_model *m);

/** Partnership facts: whether a partnership element is present, and its formation. */
RC_API int rc_model_has_partnership(const rc_model *m);
RC_API rc_formation rc_model_formation(const rc_model *m);
/** Number of partners of the given sector. */
RC_API size_t rc_model_sector_count(const rc_model *m, rc_sector sector);

/*
 * Arrays, in document order, one pair per line of rchain/model.def:
 * rc_model_<name>_count(m) and rc_model_<name>(m, i), a borrowed rc_<name>.
 * Index arguments must be below the count.
 */
#define RC_MODEL_ARRAY(name, field, ids)                          \
	RC_API size_t rc_model_##name##_count(const rc_model *m); \
	RC_API const rc_##name *rc_model_##name(const rc_model *m, size_t i);
#include "rchain/model.def"
#undef RC_MODEL_ARRAY

/** The step with this id, or NULL. The first one wins when ids repeat. */
RC_API const rc_step *rc_model_find_step(const rc_model *m, const char *id);
/** The strand with this id, or NULL. */
RC_API const rc_strand *rc_model_find_strand(const rc_model *m, const char *id);
/** The strand group with this id, or NULL. */
RC_API const rc_strand_group *rc_model_find_strand_group(const rc_model *m, const char *id);
/** The column with this id, or NULL. */
RC_API const rc_column *rc_model_find_column(const rc_model *m, const char *id);

/**
 * Step-level links leaving (`rc_model_links_out`) or entering
 * (`rc_model_links_in`) step `step`, as link indices; `*count` receives
 * their number. The array is borrowed from the model.
 */
RC_API const size_t *rc_model_links_out(const rc_model *m, size_t step, size_t *count);
RC_API const size_t *rc_model_links_in(const rc_model *m, size_t step, size_t *count);

/**
 * Indices of the steps at `level` (borrowed): grouped by strand in strand
 * order (a step in several strands is grouped by its first, strand_index),
 * steps without a strand last, document order within each group.
 */
RC_API const size_t *rc_model_level_steps(const rc_model *m, rc_level level, size_t *count);
/**
 * Nonzero when practice or outcome step `s` of `m` has evidence but none that
 * shows it occurred here: it matters in general, not shown here (RC051).
 */
RC_API int rc_step_general_only(const rc_model *m, const rc_step *s);

/**
 * Indices of the steps at `level` in strand `strand` (a strand index, or
 * RC_NONE for steps with no resolved strand), in document order (borrowed).
 */
RC_API const size_t *rc_model_strand_steps(const rc_model *m, rc_level level, size_t strand, size_t *count);

/**
 * Indices of the steps at `level` that name strand `strand` anywhere in
 * their strand list (format 1.1: a step in several strands is in each), or
 * with RC_NONE the steps that name no strand that exists; document order
 * (borrowed).
 */
RC_API const size_t *rc_model_strand_members(const rc_model *m, rc_level level, size_t strand, size_t *count);

/** Number of step-level <link> elements, resolved or not (a columns-only model has none). */
RC_API size_t rc_model_step_link_count(const rc_model *m);

#ifdef __cplusplus
}
#endif

#endif
