/* The classic logic-model table, walked once for every format that writes it (CSV, Markdown, the report). */
#ifndef RC_MODEL_TABLE_H
#define RC_MODEL_TABLE_H

#include <stddef.h>

#include "rchain/model.h"

/* How one format writes the table's rows and cells; every function returns 0 or RC_ENOMEM. */
struct table_format {
	const char *row_start;
	const char *separator; /* between cells */
	const char *row_end;
	const char *no_strand; /* the strand cell of the row of steps in no strand */
	/* Appends one cell holding `text`, or the titles of the `count` steps in `steps` when `text` is NULL. */
	int (*cell)(rc_buffer *out, const rc_model *m, const char *text, const size_t *steps, size_t count);
	/* Appends what follows the header row (Markdown's delimiter row), given the number of columns; or NULL. */
	int (*after_header)(rc_buffer *out, size_t columns);
};

/*
 * Appends the table of `m` in `fmt`: a header row naming the levels (and
 * "Strand" first when the model has strands), then one row per strand in
 * order, and one for the steps in no strand when there are any. Returns 0 or RC_ENOMEM.
 */
int model_table_write(rc_buffer *out, const struct table_format *fmt, const rc_model *m);

#endif
