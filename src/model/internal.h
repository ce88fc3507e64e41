/* The loaded model's real layout, shared by the loader, the checker and the renderers. */
#ifndef RC_MODEL_INTERNAL_H
#define RC_MODEL_INTERNAL_H

#include "base/arena.h"
#include "base/idmap.h"
#include "model/names.h"
#include "rchain/model.h"
#include "base/vec.h"

struct rc_model {
	struct arena arena; /* every string and index array */
	const char *file;
	const char *id;
	const char *title;
	const char *description;
	const char *source;
	const char *version; /* "1" or "1.1" */
	int v11;             /* the file says version="1.1" */
	rc_model_status status;
	const char *goal;
	const char *context;
	const char *question;          /* <question> text (format 1.1), or NULL */
	const char *question_outcomes; /* its `outcomes`, or NULL */
	rc_rating question_certainty;
	rc_loc question_loc;
	rc_loc loc;
	int has_partnership;
	rc_formation formation;

	/* One array per line of rchain/model.def, of its rc_<name> entries. */
#define RC_MODEL_ARRAY(name, field, ids) struct vec field;
#include "rchain/model.def"
#undef RC_MODEL_ARRAY

	/* Built by model_index() once loading is done. */
	struct idmap step_ids;
	struct idmap strand_ids;
	struct idmap group_ids;
	struct idmap column_ids; /* built by the loader at the first step (columns come before steps) */
	int column_ids_built;
	size_t *out_first; /* step_count + 1 offsets into out_links */
	size_t *out_links;
	size_t *in_first;
	size_t *in_links;
	size_t *by_cell;        /* step indices sorted by (level, strand slot) */
	size_t *cell_first;     /* RC_LEVEL_COUNT * (strand_count + 1) + 1 offsets */
	size_t *by_member;      /* step indices sorted by (level, each strand the step names) */
	size_t *member_first;   /* offsets into by_member, as cell_first */
	size_t step_link_count; /* <link> elements, resolved or not */
};

/* Puts every evidence-base id the model refers to (from steps, assumptions, risks and influences) into `refs`; 0 or
 * RC_ENOMEM. */
int model_collect_refs(const rc_model *m, struct idmap *refs);

/* Creates an empty model for `file`; NULL on allocation failure. */
rc_model *model_new(const char *file);
/* Resolves references and builds the look-up tables; 0 or RC_ENOMEM. */
int model_index(rc_model *m);
/* Builds the column look-up once every column is read; 0 or RC_ENOMEM. */
int model_index_columns(rc_model *m);

#define MODEL_AT(m, field, type, i) (&((type *)(m)->field.data)[i])
#define STEP(m, i) MODEL_AT(m, steps, const rc_step, i)
#define LINK(m, i) MODEL_AT(m, links, const rc_link, i)

#endif
