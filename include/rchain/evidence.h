/* Evidence bases: cited assumptions, risks and features that models are checked against. */
#ifndef RCHAIN_EVIDENCE_H
#define RCHAIN_EVIDENCE_H

#include "rchain/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Read-only views; every pointer is borrowed from the evidence base. Optional text is NULL. */

typedef struct rc_source {
	const char *id;
	const char *author;
	const char *year;
	const char *title;
	const char *publisher;
	const char *note;
	rc_loc loc;
} rc_source;

typedef struct rc_cite {
	const char *source; /* source id */
	const char *section;
	const char *page;
	const char *refs; /* studies the source itself names for the point */
} rc_cite;

/** One applicability clause: every stated fact must hold. -1 or 0 mean "not stated". */
typedef struct rc_condition {
	int formation; /* an rc_formation, or -1 */
	int sector;    /* an rc_sector the partnership must include, or -1 */
	int level;     /* an rc_level the model must have a step at, or -1 */
	size_t min_partners;
	size_t min_strands;
	size_t min_steps;
} rc_condition;

typedef struct rc_entry {
	const char *id;
	rc_entry_kind kind;
	rc_entry_about about;       /* RC_ABOUT_PARTNERSHIP: only for models that declare a partnership */
	rc_entry_priority priority; /* RC_PRIORITY_HIGH: what the source ranks above the rest */
	int whole_model;            /* nonzero: about the whole model; else about `level` */
	rc_level level;
	const char *text;
	const char *keywords; /* space-separated, or NULL */
	const rc_cite *cites;
	size_t cite_count;
	const char *const *aliases; /* ids of entries merged into this one; a ref to one finds this entry */
	size_t alias_count;
	const rc_condition *conditions; /* the entry applies when any holds (or when there are none) */
	size_t condition_count;
	rc_loc loc;
} rc_entry;

/** Loaded evidence: the embedded default base and any added files. Opaque, caller-owned. */
typedef struct rc_evidence_base rc_evidence_base;

/**
 * Creates an evidence base holding the embedded default (docs/evidence.md).
 * The caller owns `*out` and frees it with rc_evidence_base_free().
 */
RC_API int rc_evidence_base_new(rc_evidence_base **out, rc_context *ctx, rc_error *err);

/**
 * Adds the evidence-base file at `path`. Fails (and adds nothing) when it
 * cannot be read, breaks the schema, cites an unknown source, or reuses an id
 * already loaded; `err` holds one located message.
 */
RC_API int rc_evidence_base_add(rc_evidence_base *eb, rc_context *ctx, const char *path, rc_error *err);

/**
 * As rc_evidence_base_add(), and when the file is refused for problems in it,
 * `*problems` (when `problems` is not NULL) receives them all (caller-owned,
 * see rc_model_load_problems()), else NULL.
 */
RC_API int rc_evidence_base_add_problems(rc_evidence_base *eb, rc_problems **problems, rc_context *ctx,
                                         const char *path, rc_error *err);

/** Frees the evidence base and sets `*eb` to NULL; NULL is allowed. */
RC_API void rc_evidence_base_free(rc_evidence_base **eb);

RC_API size_t rc_evidence_base_entry_count(const rc_evidence_base *eb);
RC_API const rc_entry *rc_evidence_base_entry(const rc_evidence_base *eb, size_t i);
/** The entry with this id or alias, or NULL. */
RC_API const rc_entry *rc_evidence_base_find_entry(const rc_evidence_base *eb, const char *id);
/** The source with this id, or NULL. */
RC_API const rc_source *rc_evidence_base_find_source(const rc_evidence_base *eb, const char *id);

/**
 * Nonzero when `entry` applies to `model`: a partnership entry needs a model
 * that declares a partnership, and one of its conditions (if it has any) must hold.
 */
RC_API int rc_entry_applies(const rc_entry *entry, const rc_model *model);

/**
 * Appends a citation for people to `out`: "Cook, A. (2015) Partnership
 * Working Across UK Public Services, section 5.4, Table 1". Returns 0 or RC_ENOMEM.
 */
RC_API int rc_cite_format(rc_buffer *out, const rc_evidence_base *eb, const rc_cite *cite);

#ifdef __cplusplus
}
#endif

#endif
