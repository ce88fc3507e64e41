/* What the semantic diff keeps of two versions: shared by the matching (diff.c) and the elements (diff_items.c). */
#ifndef RC_INTEROP_DIFF_INTERNAL_H
#define RC_INTEROP_DIFF_INTERNAL_H

#include "base/arena.h"
#include "base/buffer.h"
#include "base/idmap.h"
#include "model/elements.h"
#include "rchain/diff.h"

#define MAX_FIELDS 11

/* The fields compared (in this order) per element of the format; elements with none are not compared. */
extern const char *const diff_fields_of[E_COUNT][MAX_FIELDS];

/* One element of one version, with its fields as text. */
struct item {
	enum element element;
	const char *key;
	int by_id;
	const char *match; /* key and occurrence: unique among its version's elements of its kind */
	rc_loc loc;
	const char *values[MAX_FIELDS];
};

/* One version: its elements by match, its findings by code and message, and its confidence. */
struct side {
	const rc_model *m;
	const rc_findings *f;
	const rc_confidence *c;
	struct item *items;
	size_t count;
	size_t cap;
	struct idmap items_by_match[E_COUNT]; /* per element, by key: no copy of the model's ids */
	const char **finding_matches;         /* per finding; NULL when silenced */
	struct idmap findings_by_match;
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
};

/* Formats into the diff's arena; NULL when memory runs out. */
const char *diff_text_of(rc_diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Every element of one version, in the order of the format's elements; 0 or -1 when out of memory. */
int diff_collect(rc_diff *d, struct side *s);

#endif
