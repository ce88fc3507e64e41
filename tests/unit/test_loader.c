/* The loader's refusals: every error path with its exact one-line message, status and place, and what loads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buffer.h"
#include "common.h"

#define FIXTURES TEST_DATA "loader/"
#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define MODEL "<model xmlns=\"urn:rchain:model:1\" id=\"m\" version=\"1\">"
#define BOM "\xEF\xBB\xBF"

/* Any non-NULL value: a failed load must overwrite it with NULL. */
static char sentinel;

/* Checks one failed load: return value, error status, *out NULL and the exact formatted line. */
static void expect_failure(const char *what, int rc, const rc_model *m, const rc_error *err, int status,
                           const char *want)
{
	char line[2200];

	if (rc != status)
		TEST_FAIL("%s: returned %d, expected %d", what, rc, status);
	if (err->status != status)
		TEST_FAIL("%s: err.status is %d, expected %d", what, err->status, status);
	if (m)
		TEST_FAIL("%s: *out is not NULL after a failed load", what);
	rc_error_format(err, line, sizeof(line));
	if (strcmp(line, want) != 0)
		TEST_FAIL("%s: got '%s', expected '%s'", what, line, want);
}

static void expect_file_error_in(rc_context *ctx, const char *path, int status, const char *want)
{
	rc_model *m = (rc_model *)(void *)&sentinel;
	rc_error err = { 0 };
	int rc = rc_model_load(&m, ctx, path, &err);

	expect_failure(path, rc, m, &err, status, want);
	if (rc == 0)
		rc_model_free(&m);
}

static void expect_file_error(const char *path, int status, const char *want)
{
	expect_file_error_in(test_context(), path, status, want);
}

static void expect_memory_error(const char *xml, size_t len, int status, const char *want)
{
	rc_model *m = (rc_model *)(void *)&sentinel;
	rc_error err = { 0 };
	int rc = rc_model_load_memory(&m, test_context(), "mem.xml", xml, len, &err);

	expect_failure("mem.xml", rc, m, &err, status, want);
	if (rc == 0)
		rc_model_free(&m);
}

/* For string literals, which may hold NUL bytes: their length without the terminator. */
#define EXPECT_MEMORY_ERROR(xml, status, want) expect_memory_error((xml), sizeof(xml) - 1, (status), (want))

static rc_model *load_memory(const char *xml, size_t len)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	if (rc_model_load_memory(&m, test_context(), "mem.xml", xml, len, &err) != 0)
		TEST_FAIL("mem.xml does not load: %u:%u: %s", err.line, err.column, err.message);
	return m;
}

static void expect_loc(const char *what, rc_loc loc, uint32_t line, uint32_t column)
{
	if (loc.line != line || loc.column != column)
		TEST_FAIL("%s at %u:%u, expected %u:%u", what, loc.line, loc.column, line, column);
}

/* --- well-formedness (RC_EPARSE) --- */

static void test_mismatched_tag(void)
{
	expect_file_error(FIXTURES "mismatched-tag.xml", RC_EPARSE,
	                  FIXTURES
	                  "mismatched-tag.xml:4:48: error: Opening and ending tag mismatch: title line 4 and step");
}

static void test_empty_file(void)
{
	expect_file_error(FIXTURES "empty.xml", RC_EPARSE, FIXTURES "empty.xml:1:1: error: the file is empty");
}

static void test_blank_file(void)
{
	expect_file_error(FIXTURES "blank.xml", RC_EPARSE, FIXTURES "blank.xml:1:1: error: the file is empty");
}

static void test_bom_only(void)
{
	EXPECT_MEMORY_ERROR(BOM, RC_EPARSE, "mem.xml:1:1: error: the file is empty");
	EXPECT_MEMORY_ERROR(BOM " \n\t\n", RC_EPARSE, "mem.xml:1:1: error: the file is empty");
}

static void test_no_root(void)
{
	EXPECT_MEMORY_ERROR(HEADER, RC_EPARSE, "mem.xml:2:1: error: the file has no <model> element");
	EXPECT_MEMORY_ERROR(HEADER "<!-- no model -->\n", RC_EPARSE,
	                    "mem.xml:3:1: error: the file has no <model> element");
}

static void test_truncated(void)
{
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T</title>\n  <step id=\"a\" level=\"activity\"><title>A",
	                    RC_EPARSE, "mem.xml:4:40: error: the file ends before <title> is closed");
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T</title>\n", RC_EPARSE,
	                    "mem.xml:3:19: error: the file ends before <model> is closed");
}

static void test_content_after_root(void)
{
	EXPECT_MEMORY_ERROR(HEADER MODEL "<title>T</title></model>\n<model/>\n", RC_EPARSE,
	                    "mem.xml:3:1: error: Extra content at the end of the document");
}

static void test_doctype_entities(void)
{
	expect_file_error(FIXTURES "doctype-entities.xml", RC_EPARSE,
	                  FIXTURES
	                  "doctype-entities.xml:2:1: error: DOCTYPE declarations are not allowed in model files");
}

static void test_doctype_external_entity(void)
{
	rc_model *m = (rc_model *)(void *)&sentinel;
	rc_error err = { 0 };

	expect_file_error(FIXTURES "doctype-external.xml", RC_EPARSE,
	                  FIXTURES
	                  "doctype-external.xml:3:1: error: DOCTYPE declarations are not allowed in model files");
	/* Nothing of the named file may reach the caller, whatever the message. */
	rc_model_load(&m, test_context(), FIXTURES "doctype-external.xml", &err);
	CU_ASSERT_PTR_NULL(strstr(err.message, "root:"));
	CU_ASSERT_PTR_NULL(m);
}

static void test_doctype_external_subset(void)
{
	EXPECT_MEMORY_ERROR(HEADER "<!DOCTYPE model SYSTEM \"file:///etc/passwd\">\n" MODEL
	                           "<title>T</title></model>\n",
	                    RC_EPARSE, "mem.xml:2:1: error: DOCTYPE declarations are not allowed in model files");
}

static void test_undeclared_entity(void)
{
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>&xxe;</title>\n</model>\n", RC_EPARSE,
	                    "mem.xml:3:15: error: Entity 'xxe' not defined");
}

static void test_utf16_with_bom(void)
{
	EXPECT_MEMORY_ERROR("\xFF\xFE<\0m\0o\0d\0e\0l\0/\0>\0", RC_EPARSE,
	                    "mem.xml:1:1: error: the file is in UTF-16, but rchain reads model files in UTF-8 only; "
	                    "convert it with "
	                    "'iconv -f UTF-16 -t UTF-8'");
	EXPECT_MEMORY_ERROR("\xFE\xFF\0<\0m\0o\0d\0e\0l\0/\0>", RC_EPARSE,
	                    "mem.xml:1:1: error: the file is in UTF-16, but rchain reads model files in UTF-8 only; "
	                    "convert it with "
	                    "'iconv -f UTF-16 -t UTF-8'");
}

static void test_utf16_without_bom(void)
{
	EXPECT_MEMORY_ERROR("<\0m\0o\0d\0e\0l\0/\0>\0", RC_EPARSE,
	                    "mem.xml:1:1: error: the file is in UTF-16, but rchain reads model files in UTF-8 only; "
	                    "convert it with "
	                    "'iconv -f UTF-16 -t UTF-8'");
}

static void test_declared_encoding(void)
{
	expect_file_error(FIXTURES "declared-latin1.xml", RC_EPARSE,
	                  FIXTURES
	                  "declared-latin1.xml:1:31: error: the file declares the encoding ISO-8859-1, but rchain "
	                  "reads model files in UTF-8 only; convert it with 'iconv -f ISO-8859-1 -t UTF-8'");
	EXPECT_MEMORY_ERROR("<?xml version='1.0'\n   encoding = 'IBM037' ?>\n<model/>\n", RC_EPARSE,
	                    "mem.xml:2:16: error: the file declares the encoding IBM037, but rchain reads model "
	                    "files in UTF-8 only; convert it with 'iconv -f IBM037 -t UTF-8'");
	/* "<?xml" in EBCDIC: libxml2 would read it, and then report what it makes of the declaration. */
	EXPECT_MEMORY_ERROR("\x4C\x6F\xA7\x94\x93\x40", RC_EPARSE,
	                    "mem.xml:1:1: error: the file is in IBM037, but rchain reads model files in UTF-8 only; "
	                    "convert it with 'iconv -f IBM037 -t UTF-8'");
	/* UTF-8 and ASCII by any of their names are read. */
	EXPECT_MEMORY_ERROR("<?xml version='1.0' encoding='us-ascii'?>\n<model/>\n", RC_EINVALID,
	                    "mem.xml:2:1: error: the root element must be <model> in namespace urn:rchain:model:1");
}

/* libxml2's refusals of long names, NUL and character references that name no XML character, in rchain's words. */
static void test_refused_characters(void)
{
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T\0</title>\n</model>\n", RC_EPARSE,
	                    "mem.xml:3:11: error: character U+0000 (NUL) is not allowed in XML");
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T&#0;</title>\n</model>\n", RC_EPARSE,
	                    "mem.xml:3:15: error: the character reference to U+0000 (NUL) names a character XML "
	                    "does not allow");
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T&#x1;</title>\n</model>\n", RC_EPARSE,
	                    "mem.xml:3:16: error: the character reference to U+0001 names a character XML does "
	                    "not allow");
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T&#x110000;</title>\n</model>\n", RC_EPARSE,
	                    "mem.xml:3:21: error: the character reference is beyond U+10FFFF, the last Unicode "
	                    "character");
}

static void test_name_too_long(void)
{
	size_t n = 50001;
	char *xml = malloc(sizeof(HEADER MODEL) + n + 16);

	CU_ASSERT_FATAL(xml != NULL);
	strcpy(xml, HEADER MODEL "<");
	memset(xml + strlen(xml), 'a', n);
	strcpy(xml + sizeof(HEADER MODEL) + n, "/>");
	expect_memory_error(xml, strlen(xml), RC_EPARSE,
	                    "mem.xml:2:55: error: a name is over 50000 characters, the longest an element, attribute "
	                    "or entity name may be");
	free(xml);
}

static void test_invalid_utf8(void)
{
	/* 0xC3 opens a two-byte sequence that '(' does not continue. */
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>ab\xC3(</title>\n</model>\n", RC_EPARSE,
	                    "mem.xml:3:12: error: the file is not valid UTF-8 (bytes 0xC3 0x28 0x3C)");
}

/* Bidirectional controls, written or as character references, are refused at the end of their element. */
static void test_bidi_controls(void)
{
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>ab\xE2\x80\xAE"
	                                 "cd</title>\n</model>\n",
	                    RC_EINVALID,
	                    "mem.xml:3:15: error: a bidirectional control character (U+202E), which can show text "
	                    "in another order than it is stored; remove it");
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T</title>\n  <strand id=\"s\">x&#x2067;y</strand>\n</model>\n",
	                    RC_EINVALID,
	                    "mem.xml:4:28: error: a bidirectional control character (U+2067), which can show text "
	                    "in another order than it is stored; remove it");
	EXPECT_MEMORY_ERROR(HEADER MODEL "\n  <title>T</title>\n  <step id=\"a\" level=\"input\">\n"
	                                 "    <title>\xD8\x9C</title>\n  </step>\n</model>\n",
	                    RC_EINVALID,
	                    "mem.xml:5:13: error: a bidirectional control character (U+061C), which can show text "
	                    "in another order than it is stored; remove it");
}

/* --- the schema (RC_EINVALID) --- */

static void test_wrong_namespace(void)
{
	expect_file_error(FIXTURES "wrong-namespace.xml", RC_EINVALID,
	                  FIXTURES "wrong-namespace.xml:2:1: error: the root element must be <model> in namespace "
	                           "urn:rchain:model:1");
}

static void test_no_namespace(void)
{
	EXPECT_MEMORY_ERROR(HEADER "<model id=\"m\" version=\"1\"><title>T</title></model>\n", RC_EINVALID,
	                    "mem.xml:2:1: error: the root element must be <model> in namespace urn:rchain:model:1");
}

static void test_wrong_root(void)
{
	expect_file_error(FIXTURES "wrong-root.xml", RC_EINVALID,
	                  FIXTURES "wrong-root.xml:2:1: error: the root element must be <model> in namespace "
	                           "urn:rchain:model:1");
}

static void test_unknown_element(void)
{
	expect_file_error(FIXTURES "unknown-element.xml", RC_EINVALID,
	                  FIXTURES "unknown-element.xml:5:3: error: unknown element <widget> inside <model>; expected "
	                           "here: <step>, <link>, <columnLink>, <assumption>, <risk>, <influence>, <suppress>");
}

static void test_unknown_attribute(void)
{
	expect_file_error(FIXTURES "unknown-attribute.xml", RC_EINVALID,
	                  FIXTURES "unknown-attribute.xml:4:33: error: <step> has no attribute 'colour'");
}

static void test_bad_enum(void)
{
	expect_file_error(FIXTURES "bad-level.xml", RC_EINVALID,
	                  FIXTURES
	                  "bad-level.xml:4:16: error: level 'output' is not one of input, activity, engagement, "
	                  "reaction, knowledge, practice, outcome");
}

static void test_missing_attribute(void)
{
	expect_file_error(FIXTURES "missing-level.xml", RC_EINVALID,
	                  FIXTURES "missing-level.xml:4:3: error: <step> needs the attribute 'level'");
}

static void test_missing_title(void)
{
	expect_file_error(
	        FIXTURES "missing-title.xml", RC_EINVALID,
	        FIXTURES "missing-title.xml:3:3: error: <step> is out of place inside <model>; expected here: <title>");
}

static void test_version(void)
{
	expect_file_error(FIXTURES "version-2.xml", RC_EINVALID,
	                  FIXTURES "version-2.xml:2:42: error: version '2' is not one of 1, 1.1");
}

static void test_id_pattern(void)
{
	expect_file_error(
	        FIXTURES "bad-id.xml", RC_EINVALID,
	        FIXTURES
	        "bad-id.xml:4:9: error: id '1st' is not an id: an id starts with a letter or '_', then letters, "
	        "digits, '_', '-' or '.'");
}

/* A model whose title is `count` copies of `unit` (caller frees `buf->data`). */
static void titled_model(rc_buffer *buf, const char *unit, size_t count)
{
	size_t i;

	CU_ASSERT_FATAL(buffer_puts(buf, HEADER MODEL "\n  <title>") == 0);
	for (i = 0; i < count; i++)
		CU_ASSERT_FATAL(buffer_puts(buf, unit) == 0);
	CU_ASSERT_FATAL(buffer_puts(buf, "</title>\n</model>\n") == 0);
}

static void test_text_too_long(void)
{
	rc_buffer buf = { 0 };

	/* Text length is known at the end tag: the error points at its '<' (2 + 7 + 4097 characters in). */
	titled_model(&buf, "x", 4097);
	expect_memory_error(
	        buf.data, buf.len, RC_EINVALID,
	        "mem.xml:3:4107: error: the text of <title> has a length of 4097; the most allowed is 4096");
	rc_buffer_free(&buf);
}

static void test_text_limit_counts_characters(void)
{
	rc_buffer buf = { 0 };
	rc_model *m;

	/* 4096 characters of two bytes each: at the limit, not over it. */
	titled_model(&buf, "\xC3\xA9", 4096);
	m = load_memory(buf.data, buf.len);
	CU_ASSERT_FATAL(m != NULL);
	CU_ASSERT_EQUAL(strlen(rc_model_title(m)), 8192);
	rc_model_free(&m);
	rc_buffer_free(&buf);
}

/* --- reading the file (RC_EIO, RC_ELIMIT) --- */

static void test_missing_file(void)
{
	expect_file_error(FIXTURES "no-such-file.xml", RC_EIO,
	                  FIXTURES "no-such-file.xml: error: cannot open: No such file or directory");
}

static void test_directory(void)
{
	expect_file_error(TEST_DATA "loader", RC_EIO, TEST_DATA "loader: error: is a directory, not a model file");
}

static long long file_size(const char *path)
{
	struct stat st;

	CU_ASSERT_FATAL(stat(path, &st) == 0);
	return (long long)st.st_size;
}

static void test_size_limit(void)
{
	const char *path = FIXTURES "valid.xml";
	long long size = file_size(path);
	rc_context *ctx = NULL;
	rc_error err = { 0 };
	rc_model *m = NULL;
	char want[512];

	CU_ASSERT_FATAL(rc_context_new(&ctx, &err) == 0);
	rc_context_limits(ctx)->max_file_bytes = (size_t)size - 1;
	snprintf(want, sizeof(want),
	         "%s: error: file is %lld bytes, over the limit of %lld bytes (raise it with --max-file-size)", path,
	         size, size - 1);
	expect_file_error_in(ctx, path, RC_ELIMIT, want);
	/* Exactly at the limit is allowed. */
	rc_context_limits(ctx)->max_file_bytes = (size_t)size;
	CU_ASSERT_EQUAL(rc_model_load(&m, ctx, path, &err), 0);
	rc_model_free(&m);
	rc_context_free(&ctx);
}

/* Makes standard input a pipe holding `data`; returns the saved descriptor for restore_stdin(). */
static int feed_stdin(const char *data)
{
	int fds[2], saved = dup(STDIN_FILENO);

	CU_ASSERT_FATAL(saved >= 0 && pipe(fds) == 0);
	CU_ASSERT_FATAL(write(fds[1], data, strlen(data)) == (ssize_t)strlen(data));
	close(fds[1]);
	CU_ASSERT_FATAL(dup2(fds[0], STDIN_FILENO) == STDIN_FILENO);
	close(fds[0]);
	return saved;
}

static void restore_stdin(int saved)
{
	dup2(saved, STDIN_FILENO);
	close(saved);
}

static void test_stdin(void)
{
	static const char xml[] = HEADER MODEL "<title>From a pipe</title></model>\n";
	rc_context *ctx = NULL;
	rc_error err = { 0 };
	rc_model *m = NULL;
	int saved;

	CU_ASSERT_FATAL(rc_context_new(&ctx, &err) == 0);
	saved = feed_stdin(xml);
	CU_ASSERT_EQUAL(rc_model_load(&m, ctx, "-", &err), 0);
	restore_stdin(saved);
	CU_ASSERT_FATAL(m != NULL);
	CU_ASSERT_STRING_EQUAL(rc_model_file(m), "<stdin>");
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "From a pipe");
	rc_model_free(&m);
	/* A pipe has no size to check first: the limit applies while reading. */
	rc_context_limits(ctx)->max_file_bytes = 64;
	saved = feed_stdin(xml);
	expect_file_error_in(ctx, "-", RC_ELIMIT,
	                     "<stdin>: error: file is over the limit of 64 bytes (raise it with --max-file-size)");
	restore_stdin(saved);
	rc_context_free(&ctx);
}

/* --- places --- */

static void test_multiline_start_tag(void)
{
	rc_model *m;

	expect_file_error(FIXTURES "multiline-tag.xml", RC_EINVALID,
	                  FIXTURES "multiline-tag.xml:6:9: error: <step> has no attribute 'colour'");
	m = test_load(FIXTURES "valid.xml");
	CU_ASSERT_FATAL(m != NULL);
	expect_loc("step o", rc_model_step(m, 1)->loc, 6, 3);
	expect_loc("link", rc_model_link(m, 0)->loc, 11, 3);
	rc_model_free(&m);
}

/* A model with `steps` valid steps, one a line from line 4, then `tail` on the next line. */
static void big_model(rc_buffer *buf, size_t steps, const char *tail)
{
	size_t i;

	CU_ASSERT_FATAL(buffer_puts(buf, HEADER MODEL "\n  <title>Big</title>\n") == 0);
	for (i = 0; i < steps; i++)
		CU_ASSERT_FATAL(
		        buffer_printf(buf, "  <step id=\"s%zu\" level=\"activity\"><title>S</title></step>\n", i) == 0);
	CU_ASSERT_FATAL(buffer_printf(buf, "%s\n</model>\n", tail) == 0);
}

static void test_far_schema_error(void)
{
	rc_buffer buf = { 0 };

	big_model(&buf, 70000,
	          "  <link from=\"s0\" to=\"s1\"/><step id=\"x\" level=\"output\"><title>X</title></step>");
	expect_memory_error(
	        buf.data, buf.len, RC_EINVALID,
	        "mem.xml:70004:41: error: level 'output' is not one of input, activity, engagement, reaction, "
	        "knowledge, practice, outcome");
	rc_buffer_free(&buf);
}

static void test_far_parse_error(void)
{
	rc_buffer buf = { 0 };

	big_model(&buf, 70000, "  <step id=\"x\" level=\"activity\"><title>X</step>");
	expect_memory_error(buf.data, buf.len, RC_EPARSE,
	                    "mem.xml:70004:48: error: Opening and ending tag mismatch: title line 70004 and step");
	rc_buffer_free(&buf);
}

/* Writes `buf` to a new temporary file, whose name goes into `path` (24 bytes). */
static void write_temporary(char *path, const rc_buffer *buf)
{
	int fd;

	snprintf(path, 24, "/tmp/rchain-test-XXXXXX");
	fd = mkstemp(path);

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, buf->data, buf->len) == (ssize_t)buf->len);
	close(fd);
}

/* A file gives its pages back as they are parsed: places, text and errors far into it are as from memory. */
static void test_far_places_from_file(void)
{
	char path[24], want[256];
	rc_buffer buf = { 0 };
	rc_model *m = NULL;
	rc_error err = { 0 };

	big_model(&buf, 70000, "  <step id=\"last\" level=\"outcome\"><title>Last</title></step>");
	write_temporary(path, &buf);
	CU_ASSERT_FATAL(rc_model_load(&m, test_context(), path, &err) == 0);
	expect_loc("step 69999", rc_model_step(m, 69999)->loc, 70003, 3);
	expect_loc("last step", rc_model_step(m, 70000)->loc, 70004, 3);
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 70000)->title, "Last");
	CU_ASSERT_STRING_EQUAL(rc_model_step(m, 1)->id, "s1");
	rc_model_free(&m);
	unlink(path);
	buf.len = 0;
	big_model(&buf, 70000, "  <step id=\"x\" level=\"activity\"><title>X</step>");
	write_temporary(path, &buf);
	snprintf(want, sizeof(want), "%s:70004:48: error: Opening and ending tag mismatch: title line 70004 and step",
	         path);
	expect_file_error(path, RC_EPARSE, want);
	unlink(path);
	rc_buffer_free(&buf);
}

static void test_columns_count_characters(void)
{
	/* "<title>Ünï 漢字</title>" is 21 characters (27 bytes) after the 53 of the model tag. */
	EXPECT_MEMORY_ERROR(HEADER MODEL
	                    "<title>Ünï 漢字</title><step id=\"a\" level=\"output\"><title>A</title></step>"
	                    "</model>\n",
	                    RC_EINVALID,
	                    "mem.xml:2:88: error: level 'output' is not one of input, activity, engagement, reaction, "
	                    "knowledge, practice, outcome");
	/* libxml2's own positions count characters too. */
	EXPECT_MEMORY_ERROR(HEADER MODEL "<title>Ünï 漢字</title></mode>\n", RC_EPARSE,
	                    "mem.xml:2:82: error: Opening and ending tag mismatch: model line 2 and mode");
}

static void test_utf8_bom(void)
{
	static const char xml[] = BOM HEADER MODEL "\n  <title>T</title>\n  <step id=\"a\" level=\"activity\"><title>"
	                                           "A</title></step>\n</model>\n";
	rc_model *m = load_memory(xml, sizeof(xml) - 1);

	CU_ASSERT_FATAL(m != NULL);
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "T");
	expect_loc("model", rc_model_loc(m), 2, 1);
	expect_loc("step", rc_model_step(m, 0)->loc, 4, 3);
	rc_model_free(&m);
	/* The BOM takes no column. */
	EXPECT_MEMORY_ERROR(BOM "<model xmlns=\"urn:rchain:model:1\" id=\"m\" version=\"2\"><title>T</title></model>",
	                    RC_EINVALID, "mem.xml:1:42: error: version '2' is not one of 1, 1.1");
}

/* --- success --- */

static void test_valid_model(void)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	CU_ASSERT_EQUAL_FATAL(rc_model_load(&m, test_context(), FIXTURES "valid.xml", &err), 0);
	CU_ASSERT_FATAL(m != NULL);
	CU_ASSERT_STRING_EQUAL(rc_model_file(m), FIXTURES "valid.xml");
	CU_ASSERT_STRING_EQUAL(rc_model_id(m), "valid");
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "A valid model");
	CU_ASSERT_EQUAL(rc_model_step_count(m), 2);
	CU_ASSERT_EQUAL(rc_model_link_count(m), 1);
	rc_model_free(&m);
	CU_ASSERT_PTR_NULL(m);
}

static void test_valid_model_memory(void)
{
	static const char xml[] = HEADER MODEL "<title>In memory</title></model>";
	rc_model *m = NULL;
	rc_error err = { 0 };

	CU_ASSERT_EQUAL_FATAL(rc_model_load_memory(&m, test_context(), "name.xml", xml, sizeof(xml) - 1, &err), 0);
	CU_ASSERT_STRING_EQUAL(rc_model_file(m), "name.xml");
	rc_model_free(&m);
}

/* --- format 1.1 --- */

static void test_format_11(void)
{
	rc_model *m = test_load(FIXTURES "format-1.1.xml");
	const rc_step *a, *p1, *p2, *x;
	const rc_strand *cook;

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_STRING_EQUAL(rc_model_version(m), "1.1");
	CU_ASSERT_EQUAL(rc_model_status_of(m), RC_MODEL_STATUS_DRAFT);
	CU_ASSERT_STRING_EQUAL(rc_model_goal(m), "Healthier families");
	CU_ASSERT_STRING_EQUAL(rc_model_context(m), "Few local services");
	CU_ASSERT_EQUAL_FATAL(rc_model_strand_group_count(m), 1);
	CU_ASSERT_STRING_EQUAL(rc_model_strand_group(m, 0)->name, "Food");
	cook = rc_model_find_strand(m, "s.cook");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cook);
	CU_ASSERT_STRING_EQUAL(cook->group, "g.food");
	CU_ASSERT_EQUAL(cook->group_index, 0);
	CU_ASSERT_EQUAL(rc_model_find_strand(m, "s.shop")->group_index, RC_NONE);
	CU_ASSERT_EQUAL_FATAL(rc_model_column_count(m), 2);
	CU_ASSERT_STRING_EQUAL(rc_model_column(m, 1)->name, "Medium-term outcomes");
	CU_ASSERT_EQUAL(rc_model_find_column(m, "c.st")->level, RC_LEVEL_PRACTICE);
	CU_ASSERT_PTR_NOT_NULL(rc_model_find_strand_group(m, "g.food"));
	a = rc_model_find_step(m, "a");
	p1 = rc_model_find_step(m, "p1");
	p2 = rc_model_find_step(m, "p2");
	x = rc_model_find_step(m, "x");
	CU_ASSERT_FATAL(a && p1 && p2 && x);
	/* A step in two strands: both memberships, drawn in the first. */
	CU_ASSERT_EQUAL_FATAL(a->strands.count, 2);
	CU_ASSERT_STRING_EQUAL(rc_model_membership(m, a->strands.first + 1)->strand, "s.shop");
	CU_ASSERT_EQUAL(rc_model_membership(m, a->strands.first + 1)->strand_index, 1);
	CU_ASSERT_EQUAL(a->strand_index, 0);
	CU_ASSERT_EQUAL(p1->strands.count, 1);
	CU_ASSERT_EQUAL(p2->strands.count, 0);
	CU_ASSERT_STRING_EQUAL(p1->column, "c.st");
	CU_ASSERT_EQUAL(p1->column_index, 0);
	CU_ASSERT_EQUAL(p2->column_index, 1);
	CU_ASSERT_EQUAL(a->column_index, RC_NONE);
	CU_ASSERT_STRING_EQUAL(p2->timeframe, "1-2 years");
	CU_ASSERT_PTR_NULL(a->timeframe);
	CU_ASSERT_EQUAL(a->effect, RC_EFFECT_INTENDED);
	CU_ASSERT_EQUAL(x->effect, RC_EFFECT_ADVERSE);
	CU_ASSERT_EQUAL(rc_model_link(m, 3)->kind, RC_LINK_BLACK_BOX);
	CU_ASSERT_EQUAL_FATAL(rc_model_evidence_count(m), 1);
	CU_ASSERT_EQUAL(rc_model_evidence(m, 0)->strength, RC_STRENGTH_UNGRADED);
	CU_ASSERT_STRING_EQUAL(rc_strength_name(RC_STRENGTH_UNGRADED), "ungraded");
	rc_model_free(&m);
}

static void test_format_1_defaults(void)
{
	rc_model *m = test_load(FIXTURES "valid.xml");

	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_STRING_EQUAL(rc_model_version(m), "1");
	CU_ASSERT_EQUAL(rc_model_status_of(m), RC_MODEL_STATUS_NONE);
	CU_ASSERT_PTR_NULL(rc_model_goal(m));
	CU_ASSERT_PTR_NULL(rc_model_context(m));
	CU_ASSERT_EQUAL(rc_model_column_count(m), 0);
	CU_ASSERT_EQUAL(rc_model_step(m, 0)->strands.count, 0);
	CU_ASSERT_EQUAL(rc_model_step(m, 0)->column_index, RC_NONE);
	CU_ASSERT_EQUAL(rc_model_step(m, 0)->effect, RC_EFFECT_INTENDED);
	rc_model_free(&m);
}

static void test_column_level(void)
{
	expect_file_error(FIXTURES "column-level.xml", RC_EINVALID,
	                  FIXTURES "column-level.xml:6:3: error: step 'p' is at level 'practice' but its column "
	                           "'c.st' is at level 'knowledge'");
}

/* Unknown strands, strand groups and columns are RC002 findings, like unknown steps in links. */
static void test_format_11_references(void)
{
	rc_model *m = test_load(FIXTURES "format-1.1-refs.xml");
	char *text = m ? test_findings_text(m) : NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, FIXTURES "format-1.1-refs.xml:6:3: error: strand 's.cook' names unknown "
	                                             "strand group 'g.fod' [RC002 dangling-reference]\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, FIXTURES "format-1.1-refs.xml:8:3: error: step 'a' names unknown strand "
	                                             "'s.grow' [RC002 dangling-reference]\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, FIXTURES "format-1.1-refs.xml:8:3: error: step 'a' names unknown strand "
	                                             "'s.shop' [RC002 dangling-reference]\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, FIXTURES "format-1.1-refs.xml:9:3: error: step 'p' names unknown column "
	                                             "'c.mt' [RC002 dangling-reference]\n"));
	/* The strand that exists is the step's strand, though an unknown one is listed first. */
	CU_ASSERT_EQUAL(rc_model_find_step(m, "a")->strand_index, 0);
	free(text);
	rc_model_free(&m);
}

/* Each feature of format 1.1 in a version="1" file stops the load, at the element that uses it. */
static void test_format_11_in_version_1(void)
{
#define V1(body) HEADER "<model xmlns=\"urn:rchain:model:1\" id=\"m\" version=\"1\"><title>T</title>\n" body "</model>"
#define STEP "<step id=\"a\" level=\"activity\" "
	EXPECT_MEMORY_ERROR(
	        HEADER "<model xmlns=\"urn:rchain:model:1\" id=\"m\" version=\"1\" status=\"draft\">"
	               "<title>T</title></model>",
	        RC_EINVALID,
	        "mem.xml:2:1: error: attribute 'status' needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(V1("<goal>G</goal>"), RC_EINVALID,
	                    "mem.xml:3:1: error: <goal> needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(V1("<context>C</context>"), RC_EINVALID,
	                    "mem.xml:3:1: error: <context> needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(V1("<strandGroup id=\"g\">G</strandGroup>"), RC_EINVALID,
	                    "mem.xml:3:1: error: <strandGroup> needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(V1("<strand id=\"s\" group=\"g\">S</strand>"), RC_EINVALID,
	                    "mem.xml:3:1: error: attribute 'group' needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(V1("<column id=\"c\" level=\"activity\">C</column>"), RC_EINVALID,
	                    "mem.xml:3:1: error: <column> needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(
	        V1(STEP "column=\"c\"><title>A</title></step>"), RC_EINVALID,
	        "mem.xml:3:1: error: attribute 'column' needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(
	        V1(STEP "effect=\"intended\"><title>A</title></step>"), RC_EINVALID,
	        "mem.xml:3:1: error: attribute 'effect' needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(V1(STEP "timeframe=\"1 year\"><title>A</title></step>"), RC_EINVALID,
	                    "mem.xml:3:1: error: attribute 'timeframe' needs format 1.1, but the model says "
	                    "version=\"1\"");
	EXPECT_MEMORY_ERROR(V1("<strand id=\"s\">S</strand><strand id=\"t\">T</strand>\n" STEP
	                       "strand=\"s t\"><title>A</title></step>"),
	                    RC_EINVALID,
	                    "mem.xml:4:1: error: a list of strands in 'strand' needs format 1.1, but the model says "
	                    "version=\"1\"");
	EXPECT_MEMORY_ERROR(
	        V1(STEP "><title>A</title></step><link from=\"a\" to=\"a\" kind=\"black-box\"/>"), RC_EINVALID,
	        "mem.xml:3:55: error: kind=\"black-box\" needs format 1.1, but the model says version=\"1\"");
	EXPECT_MEMORY_ERROR(
	        V1(STEP "><title>A</title><evidence kind=\"research\"><summary>S</summary></evidence></step>"),
	        RC_EINVALID,
	        "mem.xml:3:48: error: <evidence> without 'strength' needs format 1.1, but the model says "
	        "version=\"1\"");
#undef STEP
#undef V1
}

/* The problems of loading `len` bytes as a model, each "LINE:COL CODE" on a line (caller frees). */
static char *problem_places(const char *xml, size_t len, size_t *count)
{
	rc_model *m = NULL;
	rc_problems *p = NULL;
	rc_error err = { 0 };
	rc_buffer out = { 0 };
	size_t i;

	CU_ASSERT(rc_model_load_memory_problems(&m, &p, test_context(), "mem.xml", xml, len, &err) == RC_EINVALID);
	CU_ASSERT(m == NULL);
	*count = rc_problems_count(p);
	for (i = 0; i < *count; i++) {
		const rc_finding *f = rc_problems_at(p, i);

		CU_ASSERT(f->severity == RC_SEVERITY_ERROR && f->owner == RC_OWNER_MODEL && !f->suppressed);
		CU_ASSERT_STRING_EQUAL(f->loc.file, "mem.xml");
		CU_ASSERT(buffer_printf(&out, "%u:%u %s\n", (unsigned)f->loc.line, (unsigned)f->loc.column,
		                        f->rule->code) == 0);
	}
	if (*count)
		CU_ASSERT_STRING_EQUAL(err.message, rc_problems_at(p, 0)->message);
	rc_problems_free(&p);
	return out.data ? out.data : calloc(1, 1);
}

static void test_every_schema_error(void)
{
	static const char xml[] =
	        HEADER MODEL "\n  <title>T</title>\n"
	                     "  <step id=\"a\" level=\"practise\"><title>A</title></step>\n"
	                     "  <step id=\"b\" level=\"activity\"><titel>B</titel></step>\n"
	                     "  <link from=\"a\" to=\"b\" colour=\"red\"/>\n"
	                     "  <step level=\"activity\" id=\"9\"><title>C</title></step>\n</model>\n";
	size_t n;
	char *places = problem_places(xml, sizeof(xml) - 1, &n);

	CU_ASSERT_STRING_EQUAL(places, "4:16 RS003\n5:33 RS001\n6:25 RS002\n7:26 RS007\n");
	CU_ASSERT_EQUAL(n, 4);
	free(places);
}

static void test_problem_cap(void)
{
	rc_buffer buf = { 0 };
	size_t i, n;
	char *places;

	CU_ASSERT_FATAL(buffer_puts(&buf, HEADER MODEL "\n  <title>T</title>\n") == 0);
	for (i = 0; i < 1000; i++)
		CU_ASSERT_FATAL(
		        buffer_printf(&buf, "  <step id=\"s%zu\" level=\"output\"><title>S</title></step>\n", i) == 0);
	CU_ASSERT_FATAL(buffer_puts(&buf, "</model>\n") == 0);
	places = problem_places(buf.data, buf.len, &n);
	CU_ASSERT_EQUAL(n, RC_PROBLEM_CAP);
	CU_ASSERT(strncmp(places, "4:17 RS003\n5:17 RS003\n", 22) == 0);
	free(places);
	rc_buffer_free(&buf);
}

static void test_problems_only_on_failure(void)
{
	rc_model *m = NULL;
	rc_problems *p = (rc_problems *)&m; /* any value: the load sets it */
	rc_error err = { 0 };

	CU_ASSERT_EQUAL(rc_model_load_problems(&m, &p, test_context(), FIXTURES "valid.xml", &err), 0);
	CU_ASSERT(m != NULL && p == NULL);
	rc_model_free(&m);
	CU_ASSERT_EQUAL(rc_model_load_problems(&m, &p, test_context(), FIXTURES "no-such-file.xml", &err), RC_EIO);
	CU_ASSERT(m == NULL && p == NULL);
	CU_ASSERT_EQUAL(rc_model_load_problems(&m, NULL, test_context(), FIXTURES "bad-level.xml", &err), RC_EINVALID);
	CU_ASSERT(rc_rule_find("RS003") != NULL && strcmp(rc_rule_find("bad-value")->code, "RS003") == 0);
}

static CU_TestInfo tests[] = {
	{ "malformed XML: mismatched tag", test_mismatched_tag },
	{ "empty file", test_empty_file },
	{ "whitespace-only file", test_blank_file },
	{ "a UTF-8 BOM and nothing else is empty", test_bom_only },
	{ "no root element", test_no_root },
	{ "truncated file", test_truncated },
	{ "content after the root element", test_content_after_root },
	{ "DOCTYPE with internal entities refused", test_doctype_entities },
	{ "external entity refused, never read", test_doctype_external_entity },
	{ "external DTD refused", test_doctype_external_subset },
	{ "undeclared entity", test_undeclared_entity },
	{ "UTF-16 with a BOM", test_utf16_with_bom },
	{ "UTF-16 without a BOM", test_utf16_without_bom },
	{ "declared non-UTF-8 encoding", test_declared_encoding },
	{ "long names, NUL and bad character references", test_refused_characters },
	{ "a name over the limit", test_name_too_long },
	{ "invalid UTF-8 bytes", test_invalid_utf8 },
	{ "bidirectional control characters", test_bidi_controls },
	{ "wrong namespace", test_wrong_namespace },
	{ "no namespace", test_no_namespace },
	{ "wrong root element", test_wrong_root },
	{ "unknown element", test_unknown_element },
	{ "unknown attribute", test_unknown_attribute },
	{ "bad enumeration value", test_bad_enum },
	{ "missing required attribute", test_missing_attribute },
	{ "missing title", test_missing_title },
	{ "version other than 1 and 1.1", test_version },
	{ "id breaking the pattern", test_id_pattern },
	{ "every schema error of a file, each at its attribute or element, with its RS rule", test_every_schema_error },
	{ "schema errors stop at RC_PROBLEM_CAP", test_problem_cap },
	{ "problems only of a file that does not load for them", test_problems_only_on_failure },
	{ "text over 4096 characters", test_text_too_long },
	{ "text limit counts characters, not bytes", test_text_limit_counts_characters },
	{ "missing file", test_missing_file },
	{ "directory", test_directory },
	{ "file over the size limit", test_size_limit },
	{ "standard input, and its size limit", test_stdin },
	{ "start tag over several lines located at its '<'", test_multiline_start_tag },
	{ "schema error past line 70,000", test_far_schema_error },
	{ "parse error past line 70,000", test_far_parse_error },
	{ "places, text and errors far into a file given back as it is parsed", test_far_places_from_file },
	{ "columns count characters, not bytes", test_columns_count_characters },
	{ "UTF-8 BOM loads and takes no column", test_utf8_bom },
	{ "valid model loads from a file", test_valid_model },
	{ "valid model loads from memory", test_valid_model_memory },
	{ "format 1.1: every feature loads", test_format_11 },
	{ "format 1: the 1.1 fields take their defaults", test_format_1_defaults },
	{ "format 1.1: a step's level must be its column's", test_column_level },
	{ "format 1.1: unknown strands, strand groups and columns are RC002 findings", test_format_11_references },
	{ "format 1.1 features refused in a version 1 file", test_format_11_in_version_1 },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("loader", tests);
}
