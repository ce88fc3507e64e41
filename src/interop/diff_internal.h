/*
 * What the semantic diff keeps of two versions: shared by the matching
 * (diff.c) and the elements (diff_items.c). The models are held once, as
 * loaded: an element is its kind, its index and its key, and its fields are
 * read from the model when compared.
 */
#ifndef RC_INTEROP_DIFF_INTERNAL_H
#define RC_INTEROP_DIFF_INTERNAL_H

#include <stdint.h>

#include "base/arena.h"
#include "base/buffer.h"
#include "model/elements.h"
#include "rchain/diff.h"

#define MAX_FIELDS 11

/* The fields compared (in this order) per element of the format; elements with none are not compared. */
extern const char *const diff_fields_of[E_COUNT][MAX_FIELDS];

/* Marks an element or finding that the other version does not have. */
#define DIFF_UNMATCHED UINT32_MAX

/*
 * One element of one version: its kind and its index in the model's array
 * of that kind. Its key and fields are read from the model when needed.
 */
struct item {
	uint32_t index; /* 0 for the model itself */
	unsigned char element;
	unsigned char by_id; /* known by its id; else by a link's ends, an annotation's owner and text */
};

/* One version: its elements and findings, each with the one of the other version it matches. */
struct side {
	const rc_model *m;
	const rc_findings *f;
	const rc_confidence *c;
	struct item *items;
	size_t count;
	uint32_t *item_match;    /* per item: the item of the other version, or DIFF_UNMATCHED */
	uint32_t *finding_match; /* per finding: the finding of the other version, or DIFF_UNMATCHED (silenced too) */
	rc_buffer field;         /* the text of a computed field (indicators, an annotation's owner) */
};

struct rc_diff {
	struct arena arena;
	rc_buffer scratch;
	struct side old_side;
	struct side new_side;
	rc_change *changes;
	size_t change_count;
	size_t change_cap;
	rc_finding_change *findings;
	size_t finding_count;
	size_t finding_cap;
	rc_outcome_change *outcomes;
	size_t outcome_count;
	size_t outcome_cap;
	rc_story_revision revision;
	rc_doubtful_on_path *doubtful;
	size_t doubtful_count;
	size_t doubtful_cap;
};

/* Formats into the diff's arena; NULL when memory runs out. */
const char *diff_text_of(rc_diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Every element of one version, in the order of the format's elements; 0 or -1 when out of memory. */
int diff_collect(struct side *s);
/*
 * Orders elements of two versions by kind and key; 0 when they are the
 * same element (same kind and key), whatever their fields.
 */
int diff_compare(const struct side *sa, const struct item *a, const struct side *sb, const struct item *b);
/* The key of `it` as text: its id (borrowed), or built in the diff's arena; NULL when out of memory. */
const char *diff_key(rc_diff *d, struct side *s, const struct item *it);
/*
 * The fields of `it` in diff_fields_of order, NULL where absent, borrowed
 * from the model or (one computed field at most) from `s->field`, valid
 * until the next call for this side; 0 or -1 when out of memory.
 */
int diff_values(struct side *s, const struct item *it, const char *values[MAX_FIELDS]);
/* Where `it` is in its file. */
rc_loc diff_loc(const struct side *s, const struct item *it);
/* The index of the story of the outcome step called `id` in one version, or RC_NONE. */
size_t diff_story_index(const struct side *s, const char *id);

/* Whether the story was revised, from the changes and both versions' pathways (diff_story.c); -1 out of memory. */
int diff_story(rc_diff *d);
/* The story's lines of the text output, and its member of the JSON document; nonzero out of memory. */
int diff_story_text(rc_buffer *out, const rc_diff *d);
int diff_story_json(rc_buffer *out, const rc_diff *d);

#endif
