/* The rule catalogue: a failing and a passing fixture per rule, suppressions, options, order and format. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

/* The fixture files of one rule, relative to the source root. */
struct fixtures {
	char fail[64];
	char pass[64];
	char expected[64];
};

static struct fixtures fixtures_of(const rc_rule *rule)
{
	struct fixtures p;

	snprintf(p.fail, sizeof(p.fail), TEST_DATA "rules/%s-fail.xml", rule->code);
	snprintf(p.pass, sizeof(p.pass), TEST_DATA "rules/%s-pass.xml", rule->code);
	snprintf(p.expected, sizeof(p.expected), TEST_GOLDEN "text/%s-fail.expected", rule->code);
	return p;
}

/* Loads `rel` by its relative path (the working directory is the source root), so locations stay relative. */
static rc_model *load(const char *rel)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	if (rc_model_load(&m, test_context(), rel, &err) != 0)
		TEST_FAIL("%s does not load: %s", rel, err.message);
	return m;
}

static rc_findings *check(const rc_model *m, const rc_check_options *opts)
{
	rc_findings *f = NULL;
	rc_error err = { 0 };

	CU_ASSERT_EQUAL(rc_check_run(&f, m, opts, &err), 0);
	CU_ASSERT_PTR_NOT_NULL(f);
	return f;
}

/* Checks `m` with the structure family only (RC001-RC011), whose findings these fixtures were written for. */
static rc_findings *check_structure(const rc_model *m)
{
	const char *later[64];
	rc_check_options opts = { .disabled = later };
	size_t i;

	for (i = 0; i < rc_rule_count() && opts.disabled_count < 64; i++)
		if (strcmp(rc_rule_at(i)->code, "RC011") > 0)
			later[opts.disabled_count++] = rc_rule_at(i)->code;
	return check(m, &opts);
}

/* The unsilenced findings of `f` in the diagnostic format (caller frees). */
static char *unsilenced_text(const rc_findings *f)
{
	rc_buffer out = { 0 };
	size_t i;

	for (i = 0; i < rc_findings_count(f); i++)
		if (!rc_findings_at(f, i)->suppressed)
			CU_ASSERT_EQUAL(rc_finding_format(&out, rc_findings_at(f, i)), 0);
	return out.data ? out.data : calloc(1, 1);
}

/* Every finding of `rule` (silenced or not) in the diagnostic format; "" when there is none. */
static char *rule_findings_text(const rc_findings *f, const rc_rule *rule)
{
	rc_buffer out = { 0 };
	size_t i;

	for (i = 0; i < rc_findings_count(f); i++)
		if (rc_findings_at(f, i)->rule == rule)
			CU_ASSERT_EQUAL(rc_finding_format(&out, rc_findings_at(f, i)), 0);
	return out.data ? out.data : calloc(1, 1);
}

/* Nonzero for the loader's rules (RS), whose fixtures are files that do not load. */
static int is_load_rule(const rc_rule *rule)
{
	return strncmp(rule->code, "RS", 2) == 0;
}

/* The problems of `rule` when the file at `rel` is loaded: as an evidence base if it is one, else as a model. */
static char *fixture_problems(const char *rel, const rc_rule *rule)
{
	rc_problems *p = NULL;
	rc_error err = { 0 };
	rc_buffer out = { 0 };
	FILE *in = fopen(rel, "rb");
	char head[512] = "";
	size_t i, got = in ? fread(head, 1, sizeof(head) - 1, in) : 0;

	if (in)
		fclose(in);
	head[got] = '\0';
	if (strstr(head, RC_EVIDENCE_NAMESPACE)) {
		rc_evidence_base *eb = NULL;

		CU_ASSERT_EQUAL(rc_evidence_base_new(&eb, test_context(), &err), 0);
		if (eb)
			rc_evidence_base_add_problems(eb, &p, test_context(), rel, &err);
		rc_evidence_base_free(&eb);
	} else {
		rc_model *m = NULL;

		rc_model_load_problems(&m, &p, test_context(), rel, &err);
		rc_model_free(&m);
	}
	for (i = 0; i < rc_problems_count(p); i++)
		if (rc_problems_at(p, i)->rule == rule)
			CU_ASSERT_EQUAL(rc_finding_format(&out, rc_problems_at(p, i)), 0);
	rc_problems_free(&p);
	return out.data ? out.data : calloc(1, 1);
}

/* The text of the findings of `rule` in the model at `rel`, or NULL if it does not load. */

static char *fixture_findings(const char *rel, const rc_rule *rule)
{
	rc_model *m;
	rc_findings *f;
	char *text;

	if (is_load_rule(rule))
		return fixture_problems(rel, rule);
	m = load(rel);
	if (!m)
		return NULL;
	/* Checked against the default evidence base, as the CLI does. */
	f = check(m, &(rc_check_options){ .evidence = test_evidence_base() });
	text = f ? rule_findings_text(f, rule) : NULL;
	rc_findings_free(&f);
	rc_model_free(&m);
	return text;
}

static void expect_readable(const rc_rule *rule, const char *path)
{
	if (access(path, R_OK) != 0)
		TEST_FAIL("rule %s has no fixture %s", rule->code, path);
}

static void test_catalogue_has_fixtures(void)
{
	size_t i;

	CU_ASSERT(rc_rule_count() >= 11);
	for (i = 0; i < rc_rule_count(); i++) {
		struct fixtures p = fixtures_of(rc_rule_at(i));

		expect_readable(rc_rule_at(i), p.fail);
		expect_readable(rc_rule_at(i), p.pass);
		expect_readable(rc_rule_at(i), p.expected);
	}
}

/* The fail fixture's findings of `rule` must be non-empty and equal its .expected golden file. */
static void check_fail_fixture(const rc_rule *rule)
{
	struct fixtures p = fixtures_of(rule);
	char *actual = fixture_findings(p.fail, rule);

	if (!actual)
		TEST_FAIL("%s: cannot check %s", rule->code, p.fail);
	else if (!*actual)
		TEST_FAIL("%s: %s does not trigger the rule", rule->code, p.fail);
	else if (!test_golden(p.expected, actual, strlen(actual)))
		TEST_FAIL("%s: the findings of %s differ from %s", rule->code, p.fail, p.expected);
	free(actual);
}

static void test_fail_fixtures(void)
{
	size_t i;

	for (i = 0; i < rc_rule_count(); i++)
		check_fail_fixture(rc_rule_at(i));
}

static void test_pass_fixtures(void)
{
	size_t i;

	for (i = 0; i < rc_rule_count(); i++) {
		const rc_rule *rule = rc_rule_at(i);
		struct fixtures p = fixtures_of(rule);
		char *actual = fixture_findings(p.pass, rule);

		if (!actual)
			TEST_FAIL("%s: %s cannot be checked", rule->code, p.pass);
		else if (*actual)
			TEST_FAIL("%s: %s has findings of the rule, first: %.*s", rule->code, p.pass,
			          (int)strcspn(actual, "\n"), actual);
		free(actual);
	}
}

static int is_code(const char *s)
{
	return strlen(s) == 5 && (strncmp(s, "RC", 2) == 0 || strncmp(s, "RS", 2) == 0) &&
	       isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]);
}

/* Lower-case words joined by single hyphens. */
static int is_slug(const char *s)
{
	size_t i;

	if (!islower((unsigned char)s[0]))
		return 0;
	for (i = 1; s[i]; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || (s[i] == '-' && s[i - 1] != '-')))
			return 0;
	return s[i - 1] != '-';
}

static void check_rule_fields(const rc_rule *r)
{
	if (!is_code(r->code))
		TEST_FAIL("rule code '%s' does not match R[CS][0-9]{3}", r->code);
	if (!is_slug(r->slug))
		TEST_FAIL("%s: slug '%s' is not lower-case words joined by hyphens", r->code, r->slug);
	if (!*r->summary || !*r->explanation || !*r->source || !*r->hint)
		TEST_FAIL("%s: a text field is empty", r->code);
	if (r->severity != RC_SEVERITY_NOTE && r->severity != RC_SEVERITY_WARNING && r->severity != RC_SEVERITY_ERROR)
		TEST_FAIL("%s: severity %d is out of range", r->code, (int)r->severity);
	if (rc_rule_find(r->code) != r || rc_rule_find(r->slug) != r)
		TEST_FAIL("%s: rc_rule_find by code or slug does not give the rule back", r->code);
}

static void test_catalogue_integrity(void)
{
	size_t i, k;

	for (i = 0; i < rc_rule_count(); i++) {
		check_rule_fields(rc_rule_at(i));
		for (k = 0; k < i; k++) {
			if (strcmp(rc_rule_at(i)->code, rc_rule_at(k)->code) == 0)
				TEST_FAIL("code %s is used twice", rc_rule_at(i)->code);
			if (strcmp(rc_rule_at(i)->slug, rc_rule_at(k)->slug) == 0)
				TEST_FAIL("slug %s is used twice", rc_rule_at(i)->slug);
		}
	}
	CU_ASSERT_STRING_EQUAL(rc_rule_at(0)->code, "RC001");
	CU_ASSERT_PTR_EQUAL(rc_rule_find("orphan-step"), rc_rule_find("RC006"));
	CU_ASSERT_PTR_NULL(rc_rule_find("RC999"));
	CU_ASSERT_PTR_NULL(rc_rule_find("no-such-rule"));
	CU_ASSERT_PTR_NULL(rc_rule_find("rc006"));
	CU_ASSERT_PTR_NULL(rc_rule_find(""));
	CU_ASSERT_STRING_EQUAL(rc_severity_name(RC_SEVERITY_NOTE), "note");
	CU_ASSERT_STRING_EQUAL(rc_severity_name(RC_SEVERITY_WARNING), "warning");
	CU_ASSERT_STRING_EQUAL(rc_severity_name(RC_SEVERITY_ERROR), "error");
}

/* The finding of rule `code` about `owner`/`index`; fails the test and returns NULL when there is none. */
static const rc_finding *find(const rc_findings *f, const char *code, rc_owner_kind owner, size_t index)
{
	size_t i;

	for (i = 0; i < rc_findings_count(f); i++) {
		const rc_finding *x = rc_findings_at(f, i);

		if (strcmp(x->rule->code, code) == 0 && x->owner == owner && x->owner_index == index)
			return x;
	}
	TEST_FAIL("no %s finding about owner %d index %zu", code, (int)owner, index);
	return NULL;
}

static void expect_suppressed(const rc_finding *x, const char *reason)
{
	const char *got = x ? x->suppressed : NULL;

	if (x && (reason ? !got || strcmp(got, reason) != 0 : got != NULL))
		TEST_FAIL("%s: suppressed by '%s', expected '%s'", x->message, got ? got : "(none)",
		          reason ? reason : "(none)");
}

static void expect_severity_counts(const rc_findings *f, size_t errors, size_t warnings, size_t notes)
{
	CU_ASSERT_EQUAL(rc_findings_count_severity(f, RC_SEVERITY_ERROR), errors);
	CU_ASSERT_EQUAL(rc_findings_count_severity(f, RC_SEVERITY_WARNING), warnings);
	CU_ASSERT_EQUAL(rc_findings_count_severity(f, RC_SEVERITY_NOTE), notes);
}

static void test_suppress_on_step_and_link(void)
{
	rc_model *m = load(TEST_DATA "rules/suppress-step.xml");
	rc_findings *f = m ? check_structure(m) : NULL;
	char *text;

	if (!f)
		goto done;
	CU_ASSERT_EQUAL(rc_findings_count(f), 3);
	expect_suppressed(find(f, "RC006", RC_OWNER_STEP, 1), "linked in phase two");
	expect_suppressed(find(f, "RC006", RC_OWNER_STEP, 2), NULL);
	expect_suppressed(find(f, "RC004", RC_OWNER_LINK, 1), "a micro cycle");
	expect_severity_counts(f, 0, 1, 0);
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 1, RC_SEVERITY_NOTE), 0);
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 2, RC_SEVERITY_NOTE), 1);
	CU_ASSERT_EQUAL(rc_findings_count_link(f, 1, RC_SEVERITY_NOTE), 0);
	text = unsilenced_text(f);
	CU_ASSERT_STRING_EQUAL(text, TEST_DATA
	                       "rules/suppress-step.xml:11:3: warning: step 'y' has no links [RC006 orphan-step]\n"
	                       "  hint: Link the step to what it contributes to and to what contributes to it, or "
	                       "remove it.\n");
	free(text);
done:
	rc_findings_free(&f);
	rc_model_free(&m);
}

static void test_suppress_on_model(void)
{
	rc_model *m = load(TEST_DATA "rules/suppress-model.xml");
	rc_findings *f = m ? check_structure(m) : NULL;

	if (f) {
		CU_ASSERT_EQUAL(rc_findings_count(f), 2);
		expect_suppressed(find(f, "RC006", RC_OWNER_STEP, 1), "draft model");
		expect_suppressed(find(f, "RC006", RC_OWNER_STEP, 2), "draft model");
		expect_severity_counts(f, 0, 0, 0);
		CU_ASSERT_EQUAL(rc_findings_count_step(f, 1, RC_SEVERITY_NOTE), 0);
		CU_ASSERT_EQUAL(rc_findings_count_step(f, 2, RC_SEVERITY_NOTE), 0);
	}
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* Checks `m` with `disabled` skipped; returns how many findings of `code` remain. */
static size_t count_with_disabled(const rc_model *m, const char *disabled, const char *code)
{
	const char *list[] = { disabled };
	rc_check_options opts = { .disabled = list, .disabled_count = 1 };
	rc_findings *f = check(m, &opts);
	size_t n = 0, i;

	for (i = 0; f && i < rc_findings_count(f); i++)
		n += strcmp(rc_findings_at(f, i)->rule->code, code) == 0;
	rc_findings_free(&f);
	return n;
}

static void test_disabled_rules(void)
{
	rc_model *m = load(TEST_DATA "rules/suppress-step.xml");

	if (!m)
		return;
	CU_ASSERT_EQUAL(count_with_disabled(m, "RC004", "RC006"), 2);
	CU_ASSERT_EQUAL(count_with_disabled(m, "RC004", "RC004"), 0);
	CU_ASSERT_EQUAL(count_with_disabled(m, "RC006", "RC006"), 0);
	CU_ASSERT_EQUAL(count_with_disabled(m, "orphan-step", "RC006"), 0);
	CU_ASSERT_EQUAL(count_with_disabled(m, "orphan-step", "RC004"), 1);
	rc_model_free(&m);
}

static void test_disabled_unknown_rule(void)
{
	rc_model *m = load(TEST_DATA "rules/suppress-step.xml");
	const char *list[] = { "RC006", "RC999" };
	rc_check_options opts = { .disabled = list, .disabled_count = 2 };
	rc_findings *f = (rc_findings *)&opts; /* any non-NULL value: the call must reset it */
	rc_error err = { 0 };

	if (!m)
		return;
	CU_ASSERT_EQUAL(rc_check_run(&f, m, &opts, &err), RC_EARG);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL(err.status, RC_EARG);
	CU_ASSERT_STRING_EQUAL(err.message, "unknown rule 'RC999' (see 'rchain rules')");
	rc_model_free(&m);
}

struct place {
	const char *code;
	uint32_t line, column;
	rc_owner_kind owner;
	size_t index;
};

static void test_sorted_by_place(void)
{
	static const struct place want[] = {
		/* No RC007: without an outcome step (RC010) no step can lead to one. */
		{ "RC009", 3, 1, RC_OWNER_MODEL, RC_NONE }, { "RC010", 3, 1, RC_OWNER_MODEL, RC_NONE },
		{ "RC006", 5, 60, RC_OWNER_STEP, 1 },       { "RC002", 7, 3, RC_OWNER_LINK, 0 },
		{ "RC001", 8, 3, RC_OWNER_STEP, 3 },
	};
	size_t n = sizeof(want) / sizeof(want[0]), i;
	rc_model *m = load(TEST_DATA "rules/sorting.xml");
	rc_findings *f = m ? check_structure(m) : NULL;

	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(rc_findings_count(f), n);
	for (i = 0; i < n && i < rc_findings_count(f); i++) {
		const rc_finding *x = rc_findings_at(f, i);

		if (strcmp(x->rule->code, want[i].code) != 0 || x->loc.line != want[i].line ||
		    x->loc.column != want[i].column || x->owner != want[i].owner || x->owner_index != want[i].index)
			TEST_FAIL("finding %zu is %s at %u:%u, expected %s at %u:%u", i, x->rule->code, x->loc.line,
			          x->loc.column, want[i].code, want[i].line, want[i].column);
	}
	rc_findings_free(&f);
	rc_model_free(&m);
}

static void test_counters_add_up(void)
{
	rc_model *m = load(TEST_DATA "rules/sorting.xml");
	rc_findings *f = m ? check_structure(m) : NULL;

	CU_ASSERT_FATAL(f != NULL);
	expect_severity_counts(f, 4, 1, 0);
	CU_ASSERT_EQUAL(rc_findings_count_severity(f, RC_SEVERITY_ERROR) +
	                        rc_findings_count_severity(f, RC_SEVERITY_WARNING) +
	                        rc_findings_count_severity(f, RC_SEVERITY_NOTE),
	                rc_findings_count(f));
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 0, RC_SEVERITY_NOTE), 0);
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 1, RC_SEVERITY_NOTE), 1);
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 2, RC_SEVERITY_NOTE), 0);
	/* Step 3 repeats an id: RC001 alone, not RC006 as well (one mistake, one finding). */
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 3, RC_SEVERITY_NOTE), 1);
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 3, RC_SEVERITY_WARNING), 1);
	CU_ASSERT_EQUAL(rc_findings_count_step(f, 3, RC_SEVERITY_ERROR), 1);
	CU_ASSERT_EQUAL(rc_findings_count_link(f, 0, RC_SEVERITY_NOTE), 1);
	CU_ASSERT_EQUAL(rc_findings_count_link(f, 1, RC_SEVERITY_NOTE), 0);
	rc_findings_free(&f);
	rc_model_free(&m);
}

static void test_clean_model(void)
{
	rc_model *m = load(TEST_DATA "rules/clean.xml");
	rc_findings *f = m ? check_structure(m) : NULL;
	char *text;
	size_t i;

	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT_EQUAL(rc_findings_count(f), 0);
	expect_severity_counts(f, 0, 0, 0);
	for (i = 0; i < rc_model_step_count(m); i++)
		CU_ASSERT_EQUAL(rc_findings_count_step(f, i, RC_SEVERITY_NOTE), 0);
	for (i = 0; i < rc_model_link_count(m); i++)
		CU_ASSERT_EQUAL(rc_findings_count_link(f, i, RC_SEVERITY_NOTE), 0);
	text = test_findings_text(m);
	CU_ASSERT_STRING_EQUAL(text, TEST_DATA
	                       "rules/clean.xml:13:3: note: outcome 's6': confidence high; every step and link of its "
	                       "strongest pathway is rated high [RC027 weakest-link]\n"
	                       "  hint: Seek evidence for this step or link first.\n");
	free(text);
	rc_findings_free(&f);
	rc_model_free(&m);
}

/* Formats one hand-made finding after `before` in the buffer and compares the whole buffer with `want`. */
static void expect_format(const char *code, rc_loc loc, const char *before, const char *want)
{
	rc_finding x = { 0 };
	rc_buffer out = { 0 };

	x.rule = rc_rule_find(code);
	CU_ASSERT_FATAL(x.rule != NULL);
	x.severity = x.rule->severity;
	x.loc = loc;
	x.message = "a hand-made message";
	x.owner = RC_OWNER_MODEL;
	x.owner_index = RC_NONE;
	if (*before)
		CU_ASSERT_EQUAL(rc_finding_format(&out, &x), 0);
	CU_ASSERT_EQUAL(rc_finding_format(&out, &x), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out.data);
	CU_ASSERT_EQUAL(out.len, strlen(before) + strlen(want));
	CU_ASSERT_NSTRING_EQUAL(out.data, before, strlen(before));
	CU_ASSERT_STRING_EQUAL(out.data + strlen(before), want);
	rc_buffer_free(&out);
	CU_ASSERT_PTR_NULL(out.data);
}

static void test_finding_format(void)
{
	static const char backward[] = "m.xml:12:5: error: a hand-made message [RC004 undeclared-backward-link]\n"
	                               "  hint: Add kind=\"feedback\" to the link if it is a micro cycle, or reverse "
	                               "it if it was drawn the wrong way.\n";
	rc_loc placed = { "m.xml", 12, 5 };
	rc_loc file_only = { "m.xml", 0, 0 };
	rc_loc nowhere = { NULL, 0, 0 };

	expect_format("RC004", placed, "", backward);
	expect_format("RC004", placed, backward, backward);
	expect_format("columns-only", file_only, "",
	              "m.xml: note: a hand-made message [RC011 columns-only]\n"
	              "  hint: Add step-level <link> elements where you can say which step contributes to which.\n");
	expect_format("RC006", nowhere, "",
	              "warning: a hand-made message [RC006 orphan-step]\n"
	              "  hint: Link the step to what it contributes to and to what contributes to it, or remove it.\n");
}

static CU_TestInfo tests[] = {
	{ "catalogue_has_fixtures", test_catalogue_has_fixtures },
	{ "fail_fixtures_match_expected", test_fail_fixtures },
	{ "pass_fixtures_have_no_finding", test_pass_fixtures },
	{ "catalogue_integrity", test_catalogue_integrity },
	{ "suppress_on_step_and_link", test_suppress_on_step_and_link },
	{ "suppress_on_model", test_suppress_on_model },
	{ "disabled_rules", test_disabled_rules },
	{ "disabled_unknown_rule", test_disabled_unknown_rule },
	{ "sorted_by_place", test_sorted_by_place },
	{ "counters_add_up", test_counters_add_up },
	{ "clean_model", test_clean_model },
	{ "finding_format", test_finding_format },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("rules", tests);
}
