/* The CSV formula guard that export writes and import undoes (docs/interop.md, "Formulas"). */
#ifndef RC_CSV_FORMULA_H
#define RC_CSV_FORMULA_H

#include <string.h>

/*
 * Nonzero when `text` is a run of single quotes (possibly empty) and then a
 * character a spreadsheet reads as the start of a formula: = + - @ tab or
 * carriage return (OWASP's list). Export prefixes one quote to such a cell,
 * import removes one from a cell that starts with a quote and passes this
 * test; the quote run keeps a text that truly starts with ' exact both ways.
 */
static inline int csv_formula_like(const char *text)
{
	text += strspn(text, "'");
	return *text != '\0' && strchr("=+-@\t\r", *text) != NULL;
}

#endif
