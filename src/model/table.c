/* The walk over the classic logic-model table that the CSV and Markdown exports and the report share. */
#include "model/table.h"

#include "base/buffer.h"

/* One row: the strand's name (when the table has a strand column), then the steps of each level that serve it. */
static int table_row(rc_buffer *out, const struct table_format *fmt, const rc_model *m, int strand_column,
                     size_t strand)
{
	int failed = buffer_puts(out, fmt->row_start);
	size_t level, count;

	if (strand_column)
		failed = failed ||
		         fmt->cell(out, m, strand == RC_NONE ? fmt->no_strand : rc_model_strand(m, strand)->name, NULL,
		                   0) ||
		         buffer_puts(out, fmt->separator);
	for (level = 0; level < RC_LEVEL_COUNT && !failed; level++) {
		const size_t *steps = rc_model_strand_members(m, (rc_level)level, strand, &count);

		failed = (level && buffer_puts(out, fmt->separator)) || fmt->cell(out, m, NULL, steps, count);
	}
	return failed || buffer_puts(out, fmt->row_end) ? RC_ENOMEM : 0;
}

/* Steps with no resolved strand, at every level. */
static size_t unstranded_steps(const rc_model *m)
{
	size_t level, count, total = 0;

	for (level = 0; level < RC_LEVEL_COUNT; level++) {
		rc_model_strand_members(m, (rc_level)level, RC_NONE, &count);
		total += count;
	}
	return total;
}

int model_table_write(rc_buffer *out, const struct table_format *fmt, const rc_model *m)
{
	int strand_column = rc_model_strand_count(m) > 0;
	size_t level, i;
	int failed = buffer_puts(out, fmt->row_start);

	if (strand_column)
		failed = failed || fmt->cell(out, m, "Strand", NULL, 0) || buffer_puts(out, fmt->separator);
	for (level = 0; level < RC_LEVEL_COUNT && !failed; level++)
		failed = (level && buffer_puts(out, fmt->separator)) ||
		         fmt->cell(out, m, rc_level_title((rc_level)level), NULL, 0);
	failed = failed || buffer_puts(out, fmt->row_end) ||
	         (fmt->after_header && fmt->after_header(out, RC_LEVEL_COUNT + (size_t)strand_column));
	for (i = 0; i < rc_model_strand_count(m) && !failed; i++)
		failed = table_row(out, fmt, m, strand_column, i);
	if (!failed && unstranded_steps(m))
		failed = table_row(out, fmt, m, strand_column, RC_NONE);
	return failed ? RC_ENOMEM : 0;
}
