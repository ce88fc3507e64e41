/* Tables in: a logic-model table in CSV (RFC 4180) becomes a columns-only model (docs/interop.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/bidi.h"
#include "base/buffer.h"
#include "base/error.h"
#include "base/file.h"
#include "interop/csv_formula.h"
#include "rchain/import.h"

/* The longest text the model schema accepts, in characters. */
#define MAX_TEXT 4096
/* A header cell that names the strand column rather than a level. */
#define STRAND_COLUMN (-1)

/* Column headings rchain knows besides the levels' own names, with punctuation, spaces and case removed. */
static const struct {
	const char *name;
	int level; /* an rc_level, or STRAND_COLUMN */
} headings[] = {
	{ "strand", STRAND_COLUMN },
	{ "strands", STRAND_COLUMN },
	{ "workstream", STRAND_COLUMN },
	{ "workstreams", STRAND_COLUMN },
	{ "theme", STRAND_COLUMN },
	{ "themes", STRAND_COLUMN },
	{ "inputs", RC_LEVEL_INPUT },
	{ "resources", RC_LEVEL_INPUT },
	{ "inputsresources", RC_LEVEL_INPUT },
	{ "activities", RC_LEVEL_ACTIVITY },
	{ "output", RC_LEVEL_ACTIVITY },
	{ "outputs", RC_LEVEL_ACTIVITY },
	{ "engagementinvolvementreach", RC_LEVEL_ENGAGEMENT },
	{ "involvement", RC_LEVEL_ENGAGEMENT },
	{ "reach", RC_LEVEL_ENGAGEMENT },
	{ "participation", RC_LEVEL_ENGAGEMENT },
	{ "reactions", RC_LEVEL_REACTION },
	{ "reactionsawareness", RC_LEVEL_REACTION },
	{ "awareness", RC_LEVEL_REACTION },
	{ "knowledgeattitudesskillsaspirations", RC_LEVEL_KNOWLEDGE },
	{ "learning", RC_LEVEL_KNOWLEDGE },
	{ "shortterm", RC_LEVEL_KNOWLEDGE },
	{ "shorttermoutcome", RC_LEVEL_KNOWLEDGE },
	{ "shorttermoutcomes", RC_LEVEL_KNOWLEDGE },
	{ "practices", RC_LEVEL_PRACTICE },
	{ "practicesandbehaviours", RC_LEVEL_PRACTICE },
	{ "practicesandbehaviors", RC_LEVEL_PRACTICE },
	{ "behaviour", RC_LEVEL_PRACTICE },
	{ "behaviours", RC_LEVEL_PRACTICE },
	{ "behavior", RC_LEVEL_PRACTICE },
	{ "behaviors", RC_LEVEL_PRACTICE },
	{ "mediumterm", RC_LEVEL_PRACTICE },
	{ "mediumtermoutcome", RC_LEVEL_PRACTICE },
	{ "mediumtermoutcomes", RC_LEVEL_PRACTICE },
	{ "intermediateoutcomes", RC_LEVEL_PRACTICE },
	{ "outcomes", RC_LEVEL_OUTCOME },
	{ "finaloutcome", RC_LEVEL_OUTCOME },
	{ "finaloutcomes", RC_LEVEL_OUTCOME },
	{ "longterm", RC_LEVEL_OUTCOME },
	{ "longtermoutcome", RC_LEVEL_OUTCOME },
	{ "longtermoutcomes", RC_LEVEL_OUTCOME },
	{ "impact", RC_LEVEL_OUTCOME },
	{ "impacts", RC_LEVEL_OUTCOME },
};

/* The reader: where it is in the input, in lines and characters. */
struct reader {
	const char *name;
	const char *p;
	const char *end;
	uint32_t line;
	uint32_t column;
	rc_error *err;
	char separator; /* ',', or ';' or a tab as the header row shows */
};

/* One cell of a record: its text (NUL-terminated in the record's pool) and where it starts. */
struct cell {
	size_t text; /* offset into the pool */
	uint32_t line;
	uint32_t column;
};

struct record {
	rc_buffer pool;
	struct cell *cells;
	size_t count;
	size_t cap;
};

/* What the table holds, in order: strand names and steps (offsets into `pool`). */
struct step_entry {
	rc_level level;
	size_t strand; /* index into strands, or RC_NONE */
	size_t title;
	size_t into; /* the step of the same title and level in another strand this one joins, or RC_NONE */
	size_t next; /* the next step that joins this one (a chain through `into`), or RC_NONE */
	size_t last; /* the last of that chain, or RC_NONE */
};

struct table {
	rc_buffer pool;
	size_t *strands;
	size_t strand_count;
	size_t strand_cap;
	struct step_entry *steps;
	size_t step_count;
	size_t step_cap;
};

static int fail_at(struct reader *r, uint32_t line, uint32_t column, const char *message)
{
	error_set_at(r->err, RC_EINVALID, r->name, line, column, "%s", message);
	return RC_EINVALID;
}

static int out_of_memory(struct reader *r)
{
	error_set(r->err, RC_ENOMEM, "out of memory reading %s", r->name);
	return RC_ENOMEM;
}

/*
 * Decodes the UTF-8 character at the reader's place into `*cp` and its
 * length; refuses malformed sequences and characters XML cannot hold.
 */
static int peek(struct reader *r, uint32_t *cp, size_t *len)
{
	const unsigned char *s = (const unsigned char *)r->p;
	size_t avail = (size_t)(r->end - r->p), n, k;
	uint32_t c = s[0], min;

	n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (n == 0 || n > avail)
		return fail_at(r, r->line, r->column, "invalid UTF-8 (save the table as CSV UTF-8)");
	c = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
	for (k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return fail_at(r, r->line, r->column, "invalid UTF-8 (save the table as CSV UTF-8)");
		c = (c << 6) | (s[k] & 0x3F);
	}
	min = n == 1 ? 0 : n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return fail_at(r, r->line, r->column, "invalid UTF-8 (save the table as CSV UTF-8)");
	if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
		return fail_at(r, r->line, r->column, "a control character, which a model cannot hold");
	if (bidi_control(c))
		return error_set_at(r->err, RC_EINVALID, r->name, r->line, r->column, BIDI_MESSAGE, (unsigned)c);
	*cp = c;
	*len = n;
	return 0;
}

static void advance(struct reader *r, uint32_t cp, size_t len)
{
	r->p += len;
	if (cp == '\n') {
		r->line++;
		r->column = 1;
	} else {
		r->column++;
	}
}

/* Nonzero at the end of a record: a line break (LF or CRLF) or the end of the input. */
static int at_record_end(const struct reader *r)
{
	return r->p == r->end || r->p[0] == '\n' || (r->p[0] == '\r' && r->p + 1 < r->end && r->p[1] == '\n');
}

static int pool_char(rc_buffer *pool, const struct reader *r, size_t len)
{
	return buffer_append(pool, r->p, len);
}

/* A quoted field: quotes inside are doubled; commas and line breaks are text. */
static int read_quoted(struct reader *r, rc_buffer *pool)
{
	uint32_t line = r->line, column = r->column, cp;
	size_t len;

	advance(r, '"', 1);
	for (;;) {
		if (r->p == r->end)
			return fail_at(r, line, column, "a quoted field is not closed (a quote is missing)");
		if (peek(r, &cp, &len))
			return r->err->status;
		if (cp == '"') {
			advance(r, cp, len);
			if (r->p == r->end || r->p[0] != '"')
				break;
		}
		if (pool_char(pool, r, len))
			return RC_ENOMEM;
		advance(r, cp, len);
	}
	if (r->p != r->end && r->p[0] != r->separator && !at_record_end(r))
		return fail_at(r, r->line, r->column,
		               "text after the closing quote of a field (double quotes inside quotes)");
	return 0;
}

static int read_unquoted(struct reader *r, rc_buffer *pool)
{
	uint32_t cp;
	size_t len;

	while (r->p != r->end && r->p[0] != r->separator && !at_record_end(r)) {
		if (peek(r, &cp, &len))
			return r->err->status;
		if (cp == '"')
			return fail_at(r, r->line, r->column,
			               "a quote inside an unquoted field (quote the whole field and double the quote)");
		if (cp == '\r')
			return fail_at(r, r->line, r->column, "a carriage return without a line feed");
		if (pool_char(pool, r, len))
			return RC_ENOMEM;
		advance(r, cp, len);
	}
	return 0;
}

/* Reads one record (the reader is not at the end of the input) into `rec`, and its line break. */
static int read_record(struct reader *r, struct record *rec)
{
	rec->pool.len = 0;
	rec->count = 0;
	for (;;) {
		struct cell *c;
		int rc;

		if (rc_grow((void **)&rec->cells, &rec->cap, rec->count + 1, sizeof(*rec->cells)))
			return out_of_memory(r);
		c = &rec->cells[rec->count++];
		c->text = rec->pool.len;
		c->line = r->line;
		c->column = r->column;
		rc = r->p != r->end && r->p[0] == '"' ? read_quoted(r, &rec->pool) : read_unquoted(r, &rec->pool);
		if (rc == RC_ENOMEM || (rc == 0 && buffer_append(&rec->pool, "", 1)))
			return out_of_memory(r);
		if (rc)
			return rc;
		if (r->p == r->end || r->p[0] != r->separator)
			break;
		advance(r, (uint32_t)r->separator, 1);
	}
	/* at_record_end() holds: what follows is nothing, LF or CRLF. */
	if (r->p != r->end && r->p[0] == '\r')
		advance(r, '\r', 1);
	if (r->p != r->end)
		advance(r, '\n', 1);
	return 0;
}

static const char *cell_text(const struct record *rec, size_t i)
{
	return rec->pool.data + rec->cells[i].text;
}

/* Nonzero when every cell is empty: blank lines and rows of commas are skipped. */
static int record_blank(const struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->count; i++)
		if (strspn(cell_text(rec, i), " \t\r\n") != strlen(cell_text(rec, i)))
			return 0;
	return 1;
}

/*
 * The level (or STRAND_COLUMN) a heading names, or -2. Only letters and
 * digits count, in any case: they are left in `key`, "" when over 63.
 */
static int heading_level(const char *text, char key[64])
{
	size_t n = 0, i;
	rc_level level;

	for (; *text; text++) {
		char ch = *text;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (n + 1 == 64) {
				key[0] = '\0';
				return -2;
			}
			key[n++] = ch;
		}
	}
	key[n] = '\0';
	if (rc_level_from_name(&level, key) == 0)
		return (int)level;
	for (i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
		if (strcmp(key, headings[i].name) == 0)
			return headings[i].level;
	return -2;
}

/* Refuses a heading rchain does not know, with the closest known one ("Activites": "activities"). */
static int unknown_heading(struct reader *r, const struct cell *c, const char *text, const char *key)
{
	rc_suggestion near;
	size_t i;

	rc_suggestion_init(&near, key);
	for (i = 0; *key && i < RC_LEVEL_COUNT; i++)
		rc_suggestion_offer(&near, rc_level_name((rc_level)i));
	for (i = 0; *key && i < sizeof(headings) / sizeof(headings[0]); i++)
		rc_suggestion_offer(&near, headings[i].name);
	if (near.best)
		return error_set_at(
		        r->err, RC_EINVALID, r->name, c->line, c->column,
		        "unknown column heading '%.80s'; did you mean '%s'? Otherwise name a level or Strand", text,
		        near.best);
	return error_set_at(r->err, RC_EINVALID, r->name, c->line, c->column,
	                    "unknown column heading '%.80s': name a level (such as Inputs, Activities, Outputs, "
	                    "Short-term outcomes, Final outcomes) or Strand",
	                    text);
}

/*
 * The separator of the table: whichever of ',', ';' and tab occurs most often
 * outside quotes in the first line (',' on a tie), so the default of European
 * spreadsheets (';') and tab-separated text read as they are.
 */
static char detect_separator(const char *p, const char *end)
{
	static const char candidates[] = { ',', ';', '\t' };
	size_t counts[3] = { 0, 0, 0 }, i, best = 0;
	int quoted = 0;

	for (; p != end && (quoted || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			quoted = !quoted;
		for (i = 0; !quoted && i < 3; i++)
			counts[i] += *p == candidates[i];
	}
	for (i = 1; i < 3; i++)
		if (counts[i] > counts[best])
			best = i;
	return candidates[best];
}

static int read_header(struct reader *r, const struct record *rec, int *columns)
{
	size_t i, strand_columns = 0, level_columns = 0;

	for (i = 0; i < rec->count; i++) {
		const struct cell *c = &rec->cells[i];
		char key[64];

		columns[i] = heading_level(cell_text(rec, i), key);
		if (columns[i] == -2)
			return unknown_heading(r, c, cell_text(rec, i), key);
		if (columns[i] == STRAND_COLUMN && strand_columns++)
			return fail_at(r, c->line, c->column, "a second strand column");
		level_columns += columns[i] != STRAND_COLUMN;
	}
	if (!level_columns)
		return fail_at(r, rec->cells[0].line, rec->cells[0].column, "the header row names no level");
	return 0;
}

/* Number of characters (UTF-8 code points) in `len` bytes of valid UTF-8. */
static size_t characters(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/*
 * Copies `len` bytes of `s` into the table's pool with white space folded
 * as the loader folds it (every run one space, none at the ends: so two cells
 * that load as the same title are the same title here), refusing text the
 * schema would refuse.
 */
static int keep_text(struct table *t, struct reader *r, const struct cell *c, const char *s, size_t len, size_t *out)
{
	size_t i = 0;

	*out = t->pool.len;
	while (i < len) {
		size_t run = strspn(s + i, " \t\r\n"), word;

		i += run;
		if (i >= len)
			break;
		word = strcspn(s + i, " \t\r\n"); /* a line ends at its '\n' or the cell's end */
		if ((run && t->pool.len > *out && buffer_append(&t->pool, " ", 1)) ||
		    buffer_append(&t->pool, s + i, word))
			return out_of_memory(r);
		i += word;
	}
	if (buffer_append(&t->pool, "", 1))
		return out_of_memory(r);
	if (characters(t->pool.data + *out, t->pool.len - *out - 1) > MAX_TEXT)
		return fail_at(r, c->line, c->column, "a text of more than 4096 characters");
	return 0;
}

/* The strand called `name` (kept at `text` in the pool), added when new; RC_NONE for an empty name. */
static int find_strand(struct table *t, struct reader *r, const struct cell *c, const char *name, size_t *out)
{
	size_t text, i;

	if (keep_text(t, r, c, name, strlen(name), &text))
		return r->err->status;
	*out = RC_NONE;
	if (t->pool.data[text] == '\0')
		return 0;
	for (i = 0; i < t->strand_count; i++)
		if (strcmp(t->pool.data + t->strands[i], t->pool.data + text) == 0) {
			*out = i;
			return 0;
		}
	if (rc_grow((void **)&t->strands, &t->strand_cap, t->strand_count + 1, sizeof(*t->strands)))
		return out_of_memory(r);
	t->strands[t->strand_count] = text;
	*out = t->strand_count++;
	return 0;
}

/* One step per line of the cell; empty lines are skipped. */
static int add_steps(struct table *t, struct reader *r, const struct cell *c, const char *text, rc_level level,
                     size_t strand)
{
	while (*text) {
		size_t len = strcspn(text, "\n"), title;

		if (keep_text(t, r, c, text, len, &title))
			return r->err->status;
		if (t->pool.data[title]) {
			if (rc_grow((void **)&t->steps, &t->step_cap, t->step_count + 1, sizeof(*t->steps)))
				return out_of_memory(r);
			t->steps[t->step_count++] =
			        (struct step_entry){ level, strand, title, RC_NONE, RC_NONE, RC_NONE };
		}
		text += len + (text[len] == '\n');
	}
	return 0;
}

/* A cell's text without the ' that export puts before what a spreadsheet would read as a formula. */
static const char *unguarded(const struct record *rec, size_t i)
{
	const char *text = cell_text(rec, i);

	return text + (text[0] == '\'' && csv_formula_like(text));
}

static int read_row(struct table *t, struct reader *r, const struct record *rec, const int *columns, size_t width)
{
	size_t i, strand = RC_NONE;

	if (rec->count != width) {
		const struct cell *c = &rec->cells[rec->count > width ? width : 0];

		return error_set_at(r->err, RC_EINVALID, r->name, c->line, c->column,
		                    "a row of %zu fields, but the header row has %zu", rec->count, width);
	}
	for (i = 0; i < width; i++)
		if (columns[i] == STRAND_COLUMN && find_strand(t, r, &rec->cells[i], unguarded(rec, i), &strand))
			return r->err->status;
	for (i = 0; i < width; i++)
		if (columns[i] != STRAND_COLUMN &&
		    add_steps(t, r, &rec->cells[i], unguarded(rec, i), (rc_level)columns[i], strand))
			return r->err->status;
	return 0;
}

/* Reads the whole table: a header row, then rows of the same width. */
static int read_table(struct table *t, struct reader *r)
{
	struct record rec = { { 0 }, NULL, 0, 0 };
	int *columns = NULL;
	size_t width = 0;
	int rc = 0;

	/* A byte-order mark, as spreadsheet programs write, is not part of the first heading. */
	if (r->end - r->p >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
	r->separator = detect_separator(r->p, r->end);
	while (rc == 0 && r->p != r->end) {
		rc = read_record(r, &rec);
		if (rc || record_blank(&rec))
			continue;
		if (!columns) {
			width = rec.count;
			columns = rc_calloc(width, sizeof(*columns));
			rc = columns ? read_header(r, &rec, columns) : out_of_memory(r);
		} else {
			rc = read_row(t, r, &rec, columns, width);
		}
	}
	if (rc == 0 && !columns)
		rc = error_set_at(r->err, RC_EINVALID, r->name, 1, 1, "no header row: the table is empty");
	rc_free(columns);
	rc_free(rec.cells);
	rc_buffer_free(&rec.pool);
	return rc;
}

static int ascii_letter(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* The model id from the file's base name, without its extension, reduced to the id alphabet. */
static void model_id(char *id, const char *name)
{
	const char *base = strrchr(name, '/');
	size_t n = 0;

	base = base ? base + 1 : name;
	if (strcmp(name, "<stdin>") == 0 || !*base || *base == '.')
		base = "imported";
	if (!ascii_letter(*base) && *base != '_')
		id[n++] = '_';
	/* Ids are at most 64 characters; the last extension is left out. */
	for (; *base && n < 64 && !(*base == '.' && !strchr(base + 1, '.')); base++) {
		char ch = *base;

		if (!ascii_letter(ch) && !(ch >= '0' && ch <= '9') && !strchr("_-.", ch))
			ch = '-';
		id[n++] = ch;
	}
	id[n] = '\0';
}

/* A step entry by level and title, for finding the same box in several rows. */
struct by_title {
	rc_level level;
	const char *title;
	size_t step;
};

static int compare_titles(const void *a, const void *b)
{
	const struct by_title *x = a, *y = b;
	int c = x->level != y->level ? (x->level < y->level ? -1 : 1) : strcmp(x->title, y->title);

	return c ? c : (x->step > y->step) - (x->step < y->step);
}

/* By strand (steps in none last), then in reading order: a step's title offset grows as the table is read. */
static int compare_rows(const void *a, const void *b)
{
	const struct step_entry *x = a, *y = b;

	if (x->strand != y->strand)
		return x->strand < y->strand ? -1 : 1;
	return (x->title > y->title) - (x->title < y->title);
}

/*
 * A title at one level in the rows of several strands is one step in those
 * strands (format 1.1), as logic-model tables repeat a shared box in each
 * row; steps in no strand stay apart, and so does a title repeated in one
 * strand. Returns whether any step joined another, or -1 when out of memory.
 */
static int join_strands(struct table *t)
{
	struct by_title *order = rc_calloc(t->step_count ? t->step_count : 1, sizeof(*order));
	size_t *seen = rc_calloc(t->strand_count ? t->strand_count : 1, sizeof(*seen)); /* per strand: run + 1 */
	size_t i, run = 0, first = RC_NONE;
	int joined = 0;

	if (!order || !seen) {
		rc_free(order);
		rc_free(seen);
		return -1;
	}
	/*
	 * Steps are taken strand by strand, as export writes them (a table may
	 * give a strand several rows), so that a step shared by strands stands
	 * where its first strand has it and an exported table reads back the same.
	 */
	if (t->step_count > 1)
		qsort(t->steps, t->step_count, sizeof(*t->steps), compare_rows);
	for (i = 0; i < t->step_count; i++)
		order[i] = (struct by_title){ t->steps[i].level, t->pool.data + t->steps[i].title, i };
	qsort(order, t->step_count, sizeof(*order), compare_titles);
	for (i = 0; i < t->step_count; i++) {
		struct step_entry *s = &t->steps[order[i].step];

		if (i == 0 || order[i].level != order[i - 1].level || strcmp(order[i].title, order[i - 1].title) != 0) {
			run++;
			first = RC_NONE;
		}
		if (s->strand == RC_NONE || seen[s->strand] == run)
			continue;
		seen[s->strand] = run;
		if (first == RC_NONE) {
			first = order[i].step;
			continue;
		}
		s->into = first;
		*(t->steps[first].last == RC_NONE ? &t->steps[first].next : &t->steps[t->steps[first].last].next) =
		        order[i].step;
		t->steps[first].last = order[i].step;
		joined = 1;
	}
	rc_free(order);
	rc_free(seen);
	return joined;
}

/* The strand attribute of step `first`: its strand, then those of the steps that joined it. */
static int write_strands(rc_buffer *out, const struct table *t, size_t first)
{
	size_t k;
	int failed = t->steps[first].strand == RC_NONE;

	if (failed)
		return 0;
	failed = buffer_puts(out, " strand=\"");
	for (k = first; k != RC_NONE && !failed; k = t->steps[k].next)
		failed = buffer_printf(out, "%sstrand.%zu", k == first ? "" : " ", t->steps[k].strand + 1);
	return failed || buffer_puts(out, "\"");
}

static int write_model(rc_buffer *out, const struct table *t, const char *name, int joined)
{
	int used[RC_LEVEL_COUNT] = { 0 };
	size_t count[RC_LEVEL_COUNT] = { 0 };
	size_t i, previous = RC_LEVEL_COUNT;
	char id[65];
	int failed;

	model_id(id, name);
	failed = buffer_printf(out,
	                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                       "<!-- Imported by rchain from a logic-model table: a columns-only model with "
	                       "generated ids. -->\n"
	                       "<model xmlns=\"urn:rchain:model:1\" "
	                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	                       "xsi:schemaLocation=\"urn:rchain:model:1 rchain-model.xsd\" id=\"%s\" version=\"%s\">\n"
	                       "  <title>Imported from ",
	                       id, joined ? "1.1" : "1") ||
	         buffer_xml_text(out, name) || buffer_puts(out, "</title>\n");
	for (i = 0; i < t->strand_count && !failed; i++)
		failed = buffer_printf(out, "  <strand id=\"strand.%zu\">", i + 1) ||
		         buffer_xml_text(out, t->pool.data + t->strands[i]) || buffer_puts(out, "</strand>\n");
	for (i = 0; i < t->step_count && !failed; i++) {
		const struct step_entry *s = &t->steps[i];

		if (s->into != RC_NONE)
			continue;
		used[s->level] = 1;
		failed = buffer_printf(out, "  <step id=\"%s.%zu\" level=\"%s\"", rc_level_name(s->level),
		                       ++count[s->level], rc_level_name(s->level)) ||
		         write_strands(out, t, i) || buffer_puts(out, ">\n    <title>") ||
		         buffer_xml_text(out, t->pool.data + s->title) || buffer_puts(out, "</title>\n  </step>\n");
	}
	/* Consecutive levels that hold steps are joined, in order, as in the table. */
	for (i = 0; i < RC_LEVEL_COUNT && !failed; i++)
		if (used[i]) {
			if (previous != RC_LEVEL_COUNT)
				failed = buffer_printf(out, "  <columnLink from=\"%s\" to=\"%s\"/>\n",
				                       rc_level_name((rc_level)previous), rc_level_name((rc_level)i));
			previous = i;
		}
	return failed || buffer_puts(out, "</model>\n") ? RC_ENOMEM : 0;
}

int rc_import_csv_memory(rc_buffer *out, const char *name, const char *data, size_t len, rc_error *err)
{
	struct reader r = { name, data, data + len, 1, 1, err, ',' };
	struct table t = { { 0 }, NULL, 0, 0, NULL, 0, 0 };
	int rc = read_table(&t, &r), joined = rc == 0 ? join_strands(&t) : 0;

	if (rc == 0 && (joined < 0 || write_model(out, &t, name, joined)))
		rc = error_set(err, RC_ENOMEM, "out of memory writing the model");
	rc_free(t.strands);
	rc_free(t.steps);
	rc_buffer_free(&t.pool);
	return rc;
}

int rc_import_csv(rc_buffer *out, rc_context *ctx, const char *path, rc_error *err)
{
	char *data = NULL;
	size_t len = 0;
	int rc = file_read(&data, &len, path, "a CSV file", rc_context_limits(ctx)->max_file_bytes, err);

	if (rc == 0)
		rc = rc_import_csv_memory(out, strcmp(path, "-") == 0 ? "<stdin>" : path, data, len, err);
	rc_free(data);
	return rc;
}
