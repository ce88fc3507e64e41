/* The model as read through the public API: every field of tests/data/model/full.xml, the indexes and the defaults. */
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "common.h"

#define FULL TEST_DATA "model/full.xml"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define R(first, count)          \
	{                        \
		(first), (count) \
	}

/* Field comparisons: `what` and `i` name the field (e.g. "step title", 3) in the failure message. */
static void expect_str(const char *what, size_t i, const char *got, const char *want)
{
	if (got == want || (got && want && strcmp(got, want) == 0))
		return;
	TEST_FAIL("%s %zu: got '%s', expected '%s'", what, i, got ? got : "(null)", want ? want : "(null)");
}

static void expect_num(const char *what, size_t i, size_t got, size_t want)
{
	if (got != want)
		TEST_FAIL("%s %zu: got %zu, expected %zu", what, i, got, want);
}

static void expect_loc(const char *what, size_t i, rc_loc loc, const char *file, uint32_t line, uint32_t column)
{
	expect_str(what, i, loc.file, file);
	if (loc.line != line || loc.column != column)
		TEST_FAIL("%s %zu: at %u:%u, expected %u:%u", what, i, loc.line, loc.column, line, column);
}

static void expect_range(const char *what, size_t i, rc_range got, rc_range want)
{
	if (got.first != want.first || got.count != want.count)
		TEST_FAIL("%s %zu: range [%" PRIu32 " +%" PRIu32 "], expected [%" PRIu32 " +%" PRIu32 "]", what, i,
		          got.first, got.count, want.first, want.count);
}

static void expect_indices(const char *what, size_t i, const size_t *got, size_t n, const size_t *want, size_t wn)
{
	size_t k;

	expect_num(what, i, n, wn);
	for (k = 0; k < n && k < wn; k++)
		if (got[k] != want[k])
			TEST_FAIL("%s %zu: item %zu is %zu, expected %zu", what, i, k, got[k], want[k]);
}

static void expect_owner(const char *what, size_t i, rc_owner_kind owner, size_t index, rc_owner_kind want_owner,
                         size_t want_index)
{
	expect_num(what, i, owner, want_owner);
	expect_num(what, i, index, want_index);
}

static rc_model *load_full(void)
{
	rc_model *m = test_load(FULL);

	CU_ASSERT_FATAL(m != NULL);
	return m;
}

static rc_model *load_memory(const char *name, const char *xml)
{
	rc_model *m = NULL;
	rc_error err = { 0 };

	if (rc_model_load_memory(&m, test_context(), name, xml, strlen(xml), &err) != 0)
		TEST_FAIL("%s does not load: %u:%u: %s", name, err.line, err.column, err.message);
	CU_ASSERT_FATAL(m != NULL);
	return m;
}

static void test_model_header(void)
{
	rc_model *m = load_full();
	const char *file = rc_model_file(m);

	CU_ASSERT_STRING_EQUAL(file, test_source_path(FULL));
	CU_ASSERT_STRING_EQUAL(rc_model_id(m), "full");
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "Food and health partnership");
	CU_ASSERT_STRING_EQUAL(rc_model_description(m), "Meals & advice <for all>");
	CU_ASSERT_STRING_EQUAL(rc_model_source(m), "Cook <2015> & co");
	expect_loc("model", 0, rc_model_loc(m), file, 3, 1);
	CU_ASSERT_TRUE(rc_model_has_partnership(m));
	CU_ASSERT_EQUAL(rc_model_formation(m), RC_FORMATION_VOLUNTARY);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_PUBLIC), 2);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_THIRD), 1);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_PRIVATE), 1);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_COMMUNITY), 1);
	rc_model_free(&m);
	CU_ASSERT_PTR_NULL(m);
}

static void test_array_counts(void)
{
	rc_model *m = load_full();

	CU_ASSERT_EQUAL(rc_model_partner_count(m), 5);
	CU_ASSERT_EQUAL(rc_model_strand_count(m), 2);
	CU_ASSERT_EQUAL(rc_model_step_count(m), 9);
	CU_ASSERT_EQUAL(rc_model_link_count(m), 11);
	CU_ASSERT_EQUAL(rc_model_step_link_count(m), 9);
	CU_ASSERT_EQUAL(rc_model_indicator_count(m), 2);
	CU_ASSERT_EQUAL(rc_model_assumption_count(m), 4);
	CU_ASSERT_EQUAL(rc_model_risk_count(m), 4);
	CU_ASSERT_EQUAL(rc_model_evidence_count(m), 5);
	CU_ASSERT_EQUAL(rc_model_influence_count(m), 2);
	CU_ASSERT_EQUAL(rc_model_suppression_count(m), 4);
	rc_model_free(&m);
}

static void test_partners(void)
{
	static const struct {
		const char *id;
		rc_sector sector;
		rc_role role;
		const char *name;
	} want[] = {
		{ "council", RC_SECTOR_PUBLIC, RC_ROLE_LEAD, "City Council" },
		{ "charity", RC_SECTOR_THIRD, RC_ROLE_MEMBER, "Food Bank" },
		{ "shop", RC_SECTOR_PRIVATE, RC_ROLE_ADVISORY, "Corner Shop" },
		{ "tenants", RC_SECTOR_COMMUNITY, RC_ROLE_MEMBER, "Tenants' Forum" },
		{ "nhs", RC_SECTOR_PUBLIC, RC_ROLE_MEMBER, "Health Board" },
	};
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_partner_count(m); i++) {
		const rc_partner *p = rc_model_partner(m, i);

		expect_str("partner id", i, p->id, want[i].id);
		expect_num("partner sector", i, p->sector, want[i].sector);
		expect_num("partner role", i, p->role, want[i].role);
		expect_str("partner name", i, p->name, want[i].name);
		expect_loc("partner", i, p->loc, rc_model_file(m), (uint32_t)(10 + i), 5);
	}
	rc_model_free(&m);
}

static void test_strands(void)
{
	static const struct {
		const char *id, *name;
		uint32_t line;
	} want[] = { { "food", "Food strand", 16 }, { "health", "Health", 17 } };
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_strand_count(m); i++) {
		expect_str("strand id", i, rc_model_strand(m, i)->id, want[i].id);
		expect_str("strand name", i, rc_model_strand(m, i)->name, want[i].name);
		expect_loc("strand", i, rc_model_strand(m, i)->loc, rc_model_file(m), want[i].line, 3);
	}
	rc_model_free(&m);
}

struct want_step {
	const char *id;
	rc_level level;
	const char *strand;
	size_t strand_index;
	const char *partners;
	rc_rating confidence;
	const char *title;
	const char *description;
	uint32_t line;
	rc_range indicators, assumptions, risks, evidence, suppressions;
};

static const struct want_step want_steps[] = {
	{ "in1", RC_LEVEL_INPUT, "food", 0, "council charity", RC_RATING_HIGH, "Grant", "Three years", 18, R(0, 2),
	  R(0, 1), R(0, 1), R(0, 1), R(0, 1) },
	{ "act1", RC_LEVEL_ACTIVITY, "health", 1, NULL, RC_RATING_LOW, "Clinics", NULL, 35, R(2, 0), R(1, 1), R(1, 1),
	  R(1, 1), R(1, 0) },
	{ "act2", RC_LEVEL_ACTIVITY, NULL, RC_NONE, "shop", RC_RATING_NONE, "Pop-up stalls", NULL, 41, R(2, 0), R(2, 0),
	  R(2, 0), R(2, 0), R(1, 0) },
	{ "act3", RC_LEVEL_ACTIVITY, "food", 0, NULL, RC_RATING_MEDIUM, "Cooking classes", NULL, 44, R(2, 0), R(2, 0),
	  R(2, 0), R(2, 2), R(1, 0) },
	{ "eng1", RC_LEVEL_ENGAGEMENT, "food", 0, NULL, RC_RATING_NONE, "Families attend", NULL, 49, R(2, 0), R(2, 0),
	  R(2, 0), R(4, 0), R(1, 0) },
	{ "rea1", RC_LEVEL_REACTION, "ghost", RC_NONE, NULL, RC_RATING_NONE, "Families enjoy", NULL, 50, R(2, 0),
	  R(2, 0), R(2, 0), R(4, 0), R(1, 0) },
	{ "kno1", RC_LEVEL_KNOWLEDGE, "health", 1, NULL, RC_RATING_NONE, "Know recipes", NULL, 51, R(2, 0), R(2, 0),
	  R(2, 0), R(4, 0), R(1, 0) },
	{ "pra1", RC_LEVEL_PRACTICE, NULL, RC_NONE, NULL, RC_RATING_NONE, "Cook at home", NULL, 52, R(2, 0), R(2, 0),
	  R(2, 0), R(4, 0), R(1, 0) },
	{ "out1", RC_LEVEL_OUTCOME, "health", 1, NULL, RC_RATING_NONE, "Healthier diets", NULL, 53, R(2, 0), R(2, 0),
	  R(2, 0), R(4, 0), R(1, 0) },
};

static void test_steps(void)
{
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want_steps) && i < rc_model_step_count(m); i++) {
		const rc_step *s = rc_model_step(m, i);
		const struct want_step *w = &want_steps[i];

		expect_num("step index", i, s->index, i);
		expect_str("step id", i, s->id, w->id);
		expect_num("step level", i, s->level, w->level);
		expect_str("step strand", i, s->strand, w->strand);
		expect_num("step strand_index", i, s->strand_index, w->strand_index);
		expect_str("step partners", i, s->partners, w->partners);
		expect_num("step confidence", i, s->confidence, w->confidence);
		expect_str("step title", i, s->title, w->title);
		expect_str("step description", i, s->description, w->description);
		expect_loc("step", i, s->loc, rc_model_file(m), w->line, 3);
	}
	rc_model_free(&m);
}

static void test_step_ranges(void)
{
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want_steps) && i < rc_model_step_count(m); i++) {
		const rc_step *s = rc_model_step(m, i);
		const struct want_step *w = &want_steps[i];

		expect_range("step indicators", i, s->indicators, w->indicators);
		expect_range("step assumptions", i, s->assumptions, w->assumptions);
		expect_range("step risks", i, s->risks, w->risks);
		expect_range("step evidence", i, s->evidence, w->evidence);
		expect_range("step suppressions", i, s->suppressions, w->suppressions);
	}
	rc_model_free(&m);
}

struct want_link {
	const char *id;
	int column;
	const char *from, *to;
	size_t from_step, to_step;
	rc_level from_level, to_level; /* RC_LEVEL_COUNT: not checked (the end does not resolve) */
	int resolved;
	rc_link_kind kind;
	uint32_t line;
	rc_range assumptions, risks, evidence, suppressions;
};

static const struct want_link want_links[] = {
	{ "l1", 0, "in1", "act3", 0, 3, RC_LEVEL_INPUT, RC_LEVEL_ACTIVITY, 1, RC_LINK_CAUSAL, 54, R(2, 0), R(2, 0),
	  R(4, 0), R(1, 0) },
	{ NULL, 0, "act3", "eng1", 3, 4, RC_LEVEL_ACTIVITY, RC_LEVEL_ENGAGEMENT, 1, RC_LINK_CAUSAL, 55, R(2, 1),
	  R(2, 1), R(4, 1), R(1, 1) },
	{ NULL, 0, "eng1", "rea1", 4, 5, RC_LEVEL_ENGAGEMENT, RC_LEVEL_REACTION, 1, RC_LINK_CAUSAL, 61, R(3, 0),
	  R(3, 0), R(5, 0), R(2, 0) },
	{ NULL, 0, "rea1", "kno1", 5, 6, RC_LEVEL_REACTION, RC_LEVEL_KNOWLEDGE, 1, RC_LINK_CAUSAL, 62, R(3, 0), R(3, 0),
	  R(5, 0), R(2, 0) },
	{ NULL, 0, "kno1", "pra1", 6, 7, RC_LEVEL_KNOWLEDGE, RC_LEVEL_PRACTICE, 1, RC_LINK_CAUSAL, 63, R(3, 0), R(3, 0),
	  R(5, 0), R(2, 0) },
	{ NULL, 0, "pra1", "out1", 7, 8, RC_LEVEL_PRACTICE, RC_LEVEL_OUTCOME, 1, RC_LINK_CAUSAL, 64, R(3, 0), R(3, 0),
	  R(5, 0), R(2, 0) },
	{ "fb1", 0, "pra1", "kno1", 7, 6, RC_LEVEL_PRACTICE, RC_LEVEL_KNOWLEDGE, 1, RC_LINK_FEEDBACK, 65, R(3, 0),
	  R(3, 0), R(5, 0), R(2, 0) },
	{ NULL, 0, "act1", "out1", 1, 8, RC_LEVEL_ACTIVITY, RC_LEVEL_OUTCOME, 1, RC_LINK_CAUSAL, 66, R(3, 0), R(3, 0),
	  R(5, 0), R(2, 0) },
	{ NULL, 0, "act2", "nowhere", 2, RC_NONE, RC_LEVEL_ACTIVITY, RC_LEVEL_COUNT, 0, RC_LINK_CAUSAL, 67, R(3, 0),
	  R(3, 0), R(5, 0), R(2, 0) },
	{ "c1", 1, "input", "activity", RC_NONE, RC_NONE, RC_LEVEL_INPUT, RC_LEVEL_ACTIVITY, 1, RC_LINK_CAUSAL, 68,
	  R(3, 0), R(3, 0), R(5, 0), R(2, 1) },
	{ NULL, 1, "outcome", "practice", RC_NONE, RC_NONE, RC_LEVEL_OUTCOME, RC_LEVEL_PRACTICE, 1, RC_LINK_FEEDBACK,
	  71, R(3, 0), R(3, 0), R(5, 0), R(3, 0) },
};

static void check_link(const rc_model *m, size_t i, const struct want_link *w)
{
	const rc_link *l = rc_model_link(m, i);

	expect_num("link index", i, l->index, i);
	expect_str("link id", i, l->id, w->id);
	expect_num("link column", i, l->column != 0, w->column);
	expect_str("link from", i, l->from, w->from);
	expect_str("link to", i, l->to, w->to);
	expect_num("link from_step", i, l->from_step, w->from_step);
	expect_num("link to_step", i, l->to_step, w->to_step);
	expect_num("link from_level", i, l->from_level, w->from_level);
	if (w->to_level != RC_LEVEL_COUNT)
		expect_num("link to_level", i, l->to_level, w->to_level);
	expect_num("link resolved", i, l->resolved != 0, w->resolved);
	expect_num("link kind", i, l->kind, w->kind);
	expect_loc("link", i, l->loc, rc_model_file(m), w->line, 3);
	expect_range("link assumptions", i, l->assumptions, w->assumptions);
	expect_range("link risks", i, l->risks, w->risks);
	expect_range("link evidence", i, l->evidence, w->evidence);
	expect_range("link suppressions", i, l->suppressions, w->suppressions);
}

static void test_links(void)
{
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want_links) && i < rc_model_link_count(m); i++)
		check_link(m, i, &want_links[i]);
	rc_model_free(&m);
}

static void test_indicators(void)
{
	static const struct {
		const char *text;
		uint32_t line;
	} want[] = { { "Pounds spent", 22 }, { "Staff hours", 33 } };
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_indicator_count(m); i++) {
		expect_str("indicator text", i, rc_model_indicator(m, i)->text, want[i].text);
		expect_num("indicator step", i, rc_model_indicator(m, i)->step, 0);
		expect_loc("indicator", i, rc_model_indicator(m, i)->loc, rc_model_file(m), want[i].line, 5);
	}
	rc_model_free(&m);
}

/* Where an annotation sits: its owner and its place. */
struct want_place {
	rc_owner_kind owner;
	size_t owner_index;
	uint32_t line, column;
};

static void expect_place(const rc_model *m, const char *what, size_t i, rc_owner_kind owner, size_t index, rc_loc loc,
                         const struct want_place *w)
{
	expect_owner(what, i, owner, index, w->owner, w->owner_index);
	expect_loc(what, i, loc, rc_model_file(m), w->line, w->column);
}

static void test_assumptions(void)
{
	static const struct {
		const char *id, *ref;
		rc_assumption_status status;
		const char *text;
		struct want_place at;
	} want[] = {
		{ "as1", "inf1", RC_ASSUMPTION_HOLDS, "Funds last", { RC_OWNER_STEP, 0, 23, 5 } },
		{ NULL, NULL, RC_ASSUMPTION_UNTESTED, "Staff free", { RC_OWNER_STEP, 1, 37, 5 } },
		{ NULL, NULL, RC_ASSUMPTION_DOUBTFUL, "They come", { RC_OWNER_LINK, 1, 56, 5 } },
		{ "as9", NULL, RC_ASSUMPTION_UNTESTED, "Economy stable", { RC_OWNER_MODEL, RC_NONE, 72, 3 } },
	};
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_assumption_count(m); i++) {
		const rc_assumption *a = rc_model_assumption(m, i);

		expect_str("assumption id", i, a->id, want[i].id);
		expect_str("assumption ref", i, a->ref, want[i].ref);
		expect_num("assumption status", i, a->status, want[i].status);
		expect_str("assumption text", i, a->text, want[i].text);
		expect_place(m, "assumption", i, a->owner, a->owner_index, a->loc, &want[i].at);
	}
	rc_model_free(&m);
}

static void test_risks(void)
{
	static const struct {
		const char *id, *ref;
		rc_rating likelihood, impact;
		const char *statement, *mitigation;
		struct want_place at;
	} want[] = {
		{ "rk1", "as1", RC_RATING_LOW, RC_RATING_HIGH, "Cuts", "Other funds", { RC_OWNER_STEP, 0, 24, 5 } },
		{ NULL, NULL, RC_RATING_MEDIUM, RC_RATING_MEDIUM, "No rooms", NULL, { RC_OWNER_STEP, 1, 38, 5 } },
		{ NULL, NULL, RC_RATING_HIGH, RC_RATING_MEDIUM, "Bad weather", NULL, { RC_OWNER_LINK, 1, 57, 5 } },
		{ "rk9", NULL, RC_RATING_MEDIUM, RC_RATING_LOW, "Recession", NULL, { RC_OWNER_MODEL, RC_NONE, 73, 3 } },
	};
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_risk_count(m); i++) {
		const rc_risk *r = rc_model_risk(m, i);

		expect_str("risk id", i, r->id, want[i].id);
		expect_str("risk ref", i, r->ref, want[i].ref);
		expect_num("risk likelihood", i, r->likelihood, want[i].likelihood);
		expect_num("risk impact", i, r->impact, want[i].impact);
		expect_str("risk statement", i, r->statement, want[i].statement);
		expect_str("risk mitigation", i, r->mitigation, want[i].mitigation);
		expect_place(m, "risk", i, r->owner, r->owner_index, r->loc, &want[i].at);
	}
	rc_model_free(&m);
}

static void test_evidence(void)
{
	static const struct {
		const char *id;
		rc_direction direction;
		rc_strength strength;
		rc_evidence_kind kind;
		const char *cite, *summary;
		struct want_place at;
	} want[] = {
		{ "ev1",
		  RC_EVIDENCE_CHALLENGES,
		  RC_STRENGTH_STRONG,
		  RC_EVIDENCE_MONITORING,
		  "Annual report",
		  "Spend fell",
		  { RC_OWNER_STEP, 0, 28, 5 } },
		{ NULL,
		  RC_EVIDENCE_SUPPORTS,
		  RC_STRENGTH_WEAK,
		  RC_EVIDENCE_RESEARCH,
		  NULL,
		  "Pilot",
		  { RC_OWNER_STEP, 1, 39, 5 } },
		{ "ev2",
		  RC_EVIDENCE_SUPPORTS,
		  RC_STRENGTH_MODERATE,
		  RC_EVIDENCE_STAKEHOLDER,
		  NULL,
		  "Asked for",
		  { RC_OWNER_STEP, 3, 46, 5 } },
		{ NULL,
		  RC_EVIDENCE_SUPPORTS,
		  RC_STRENGTH_STRONG,
		  RC_EVIDENCE_PRACTICE,
		  "Guide",
		  "A <b> c",
		  { RC_OWNER_STEP, 3, 47, 5 } },
		{ NULL,
		  RC_EVIDENCE_SUPPORTS,
		  RC_STRENGTH_WEAK,
		  RC_EVIDENCE_RESEARCH,
		  NULL,
		  "Survey",
		  { RC_OWNER_LINK, 1, 58, 5 } },
	};
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_evidence_count(m); i++) {
		const rc_evidence *e = rc_model_evidence(m, i);

		expect_str("evidence id", i, e->id, want[i].id);
		expect_num("evidence direction", i, e->direction, want[i].direction);
		expect_num("evidence strength", i, e->strength, want[i].strength);
		expect_num("evidence kind", i, e->kind, want[i].kind);
		expect_str("evidence cite", i, e->cite, want[i].cite);
		expect_str("evidence summary", i, e->summary, want[i].summary);
		expect_place(m, "evidence", i, e->owner, e->owner_index, e->loc, &want[i].at);
	}
	rc_model_free(&m);
}

static void test_suppressions(void)
{
	static const struct {
		const char *rule, *reason;
		struct want_place at;
	} want[] = {
		{ "RC006", "a & b", { RC_OWNER_STEP, 0, 32, 5 } },
		{ "RC004", "link reason", { RC_OWNER_LINK, 1, 59, 5 } },
		{ "RC003", "column reason", { RC_OWNER_LINK, 9, 69, 5 } },
		{ "RC011", "model & all", { RC_OWNER_MODEL, RC_NONE, 76, 3 } },
	};
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_suppression_count(m); i++) {
		const rc_suppression *s = rc_model_suppression(m, i);

		expect_str("suppression rule", i, s->rule, want[i].rule);
		expect_str("suppression reason", i, s->reason, want[i].reason);
		expect_place(m, "suppression", i, s->owner, s->owner_index, s->loc, &want[i].at);
	}
	rc_model_free(&m);
}

static void test_influences(void)
{
	static const struct {
		const char *id, *on;
		size_t on_step;
		rc_influence_kind kind;
		const char *text;
		uint32_t line;
	} want[] = {
		{ "inf1", "out1", 8, RC_INFLUENCE_RIVAL, "School meals", 74 },
		{ NULL, NULL, RC_NONE, RC_INFLUENCE_EXTERNAL, "Prices rise", 75 },
	};
	rc_model *m = load_full();
	size_t i;

	for (i = 0; i < COUNT(want) && i < rc_model_influence_count(m); i++) {
		const rc_influence *f = rc_model_influence(m, i);

		expect_str("influence id", i, f->id, want[i].id);
		expect_str("influence on", i, f->on, want[i].on);
		expect_num("influence on_step", i, f->on_step, want[i].on_step);
		expect_num("influence kind", i, f->kind, want[i].kind);
		expect_str("influence text", i, f->text, want[i].text);
		expect_loc("influence", i, f->loc, rc_model_file(m), want[i].line, 3);
	}
	rc_model_free(&m);
}

static void test_find(void)
{
	rc_model *m = load_full();

	CU_ASSERT_PTR_EQUAL(rc_model_find_step(m, "in1"), rc_model_step(m, 0));
	CU_ASSERT_PTR_EQUAL(rc_model_find_step(m, "out1"), rc_model_step(m, 8));
	CU_ASSERT_PTR_NULL(rc_model_find_step(m, "nowhere"));
	CU_ASSERT_PTR_NULL(rc_model_find_step(m, "food"));
	CU_ASSERT_PTR_EQUAL(rc_model_find_strand(m, "health"), rc_model_strand(m, 1));
	CU_ASSERT_PTR_NULL(rc_model_find_strand(m, "ghost"));
	CU_ASSERT_PTR_NULL(rc_model_find_strand(m, "in1"));
	rc_model_free(&m);
}

static void expect_links(const rc_model *m, size_t step, const size_t *out, size_t nout, const size_t *in, size_t nin)
{
	size_t n;
	const size_t *got = rc_model_links_out(m, step, &n);

	expect_indices("links out of step", step, got, n, out, nout);
	got = rc_model_links_in(m, step, &n);
	expect_indices("links into step", step, got, n, in, nin);
}

static void test_links_out_in(void)
{
	static const size_t none[] = { 0 };
	static const size_t l0[] = { 0 }, l1[] = { 1 }, l2[] = { 2 }, l3[] = { 3 }, l4[] = { 4 }, l3_6[] = { 3, 6 },
	                    l5_6[] = { 5, 6 }, l5_7[] = { 5, 7 }, l7[] = { 7 };
	rc_model *m = load_full();

	expect_links(m, 0, l0, 1, none, 0);
	expect_links(m, 1, l7, 1, none, 0);
	expect_links(m, 2, none, 0, none, 0); /* its one link does not resolve */
	expect_links(m, 3, l1, 1, l0, 1);
	expect_links(m, 4, l2, 1, l1, 1);
	expect_links(m, 5, l3, 1, l2, 1);
	expect_links(m, 6, l4, 1, l3_6, 2);
	expect_links(m, 7, l5_6, 2, l4, 1);
	expect_links(m, 8, none, 0, l5_7, 2);
	rc_model_free(&m);
}

static void expect_steps_at(const rc_model *m, rc_level level, const size_t *want, size_t wn)
{
	size_t n;
	const size_t *got = rc_model_level_steps(m, level, &n);

	expect_indices("steps at level", level, got, n, want, wn);
}

static void expect_steps_in(const rc_model *m, rc_level level, size_t strand, const size_t *want, size_t wn)
{
	char what[64];
	size_t n;
	const size_t *got = rc_model_strand_steps(m, level, strand, &n);

	snprintf(what, sizeof(what), "steps in strand %ld at level", strand == RC_NONE ? -1L : (long)strand);
	expect_indices(what, level, got, n, want, wn);
}

static void test_steps_by_level(void)
{
	static const size_t none[] = { 0 };
	static const size_t s0[] = { 0 }, act[] = { 3, 1, 2 }, s1[] = { 1 }, s2[] = { 2 }, s3[] = { 3 }, s4[] = { 4 },
	                    s5[] = { 5 }, s6[] = { 6 }, s7[] = { 7 }, s8[] = { 8 };
	rc_model *m = load_full();

	expect_steps_at(m, RC_LEVEL_INPUT, s0, 1);
	expect_steps_at(m, RC_LEVEL_ACTIVITY, act, 3);
	expect_steps_at(m, RC_LEVEL_ENGAGEMENT, s4, 1);
	expect_steps_at(m, RC_LEVEL_REACTION, s5, 1);
	expect_steps_at(m, RC_LEVEL_KNOWLEDGE, s6, 1);
	expect_steps_at(m, RC_LEVEL_PRACTICE, s7, 1);
	expect_steps_at(m, RC_LEVEL_OUTCOME, s8, 1);
	expect_steps_in(m, RC_LEVEL_ACTIVITY, 0, s3, 1);
	expect_steps_in(m, RC_LEVEL_ACTIVITY, 1, s1, 1);
	expect_steps_in(m, RC_LEVEL_ACTIVITY, RC_NONE, s2, 1);
	expect_steps_in(m, RC_LEVEL_REACTION, RC_NONE, s5, 1); /* strand "ghost" does not resolve */
	expect_steps_in(m, RC_LEVEL_REACTION, 0, none, 0);
	expect_steps_in(m, RC_LEVEL_OUTCOME, 1, s8, 1);
	expect_steps_in(m, RC_LEVEL_OUTCOME, 0, none, 0);
	expect_steps_in(m, RC_LEVEL_PRACTICE, RC_NONE, s7, 1);
	rc_model_free(&m);
}

static void test_levels(void)
{
	static const char *const ids[] = { "input",     "activity", "engagement", "reaction",
		                           "knowledge", "practice", "outcome" };
	static const char *const titles[] = {
		"Inputs / resources",
		"Activities",
		"Engagement / involvement / reach",
		"Reactions / awareness",
		"Knowledge, attitudes, skills, aspirations",
		"Practices and behaviours",
		"Final outcomes",
	};
	size_t i;

	CU_ASSERT_EQUAL(RC_LEVEL_COUNT, COUNT(ids));
	for (i = 0; i < RC_LEVEL_COUNT; i++) {
		expect_str("level id", i, rc_level_name((rc_level)i), ids[i]);
		expect_str("level title", i, rc_level_title((rc_level)i), titles[i]);
	}
}

static const char inline_xml[] =
        "<model xmlns=\"urn:rchain:model:1\" id=\"inline\" version=\"1\"><title>Caf\xc3\xa9 &amp; bar</title>\n"
        "  <strand id=\"s\">Caf\xc3\xa9 \xc3\xbc</strand><strand id=\"t\">T</strand>\n"
        "  <step id=\"a\" level=\"activity\"><title>One</title>"
        "<suppress rule=\"RC006\" reason=\"x &amp; y &lt; z\"/></step>\n"
        "  <step id=\"a\" level=\"outcome\"><title><![CDATA[<Two>]]></title></step>\n"
        "</model>\n";

static void test_load_memory(void)
{
	rc_model *m = load_memory("inline.xml", inline_xml);
	const rc_step *first = rc_model_step(m, 0);

	CU_ASSERT_STRING_EQUAL(rc_model_file(m), "inline.xml");
	expect_loc("model", 0, rc_model_loc(m), "inline.xml", 1, 1);
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "Caf\xc3\xa9 & bar");
	CU_ASSERT_PTR_NULL(rc_model_description(m));
	CU_ASSERT_PTR_NULL(rc_model_source(m));
	CU_ASSERT_FALSE(rc_model_has_partnership(m));
	CU_ASSERT_EQUAL(rc_model_formation(m), RC_FORMATION_UNKNOWN);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_PUBLIC), 0);
	expect_str("strand name", 0, rc_model_strand(m, 0)->name, "Caf\xc3\xa9 \xc3\xbc");
	expect_loc("strand", 1, rc_model_strand(m, 1)->loc, "inline.xml", 2, 33); /* columns count characters */
	CU_ASSERT_PTR_EQUAL(rc_model_find_step(m, "a"), first);                   /* the first of two wins */
	expect_str("step title", 1, rc_model_step(m, 1)->title, "<Two>");
	expect_str("step strand", 0, first->strand, NULL);
	expect_num("step strand_index", 0, first->strand_index, RC_NONE);
	expect_str("step partners", 0, first->partners, NULL);
	expect_num("step confidence", 0, first->confidence, RC_RATING_NONE);
	expect_str("step description", 0, first->description, NULL);
	expect_str("suppression reason", 0, rc_model_suppression(m, 0)->reason, "x & y < z");
	CU_ASSERT_EQUAL(rc_model_step_link_count(m), 0);
	rc_model_free(&m);
}

static void test_partnership_defaults(void)
{
	rc_model *m = load_memory("partnership.xml",
	                          "<model xmlns=\"urn:rchain:model:1\" id=\"p\" version=\"1\"><title>P</title>"
	                          "<partnership><partner id=\"p1\" sector=\"third\">Food Bank</partner></partnership>"
	                          "</model>");

	CU_ASSERT_TRUE(rc_model_has_partnership(m));
	CU_ASSERT_EQUAL(rc_model_formation(m), RC_FORMATION_UNKNOWN);
	CU_ASSERT_EQUAL(rc_model_partner_count(m), 1);
	CU_ASSERT_EQUAL(rc_model_partner(m, 0)->role, RC_ROLE_MEMBER);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_THIRD), 1);
	CU_ASSERT_EQUAL(rc_model_sector_count(m, RC_SECTOR_PUBLIC), 0);
	rc_model_free(&m);
}

/* "&amp;#38;" is the literal text "&#38;", in element text as in attributes. */
static void test_escaped_character_reference(void)
{
	rc_model *m = load_memory("escaped.xml", "<model xmlns=\"urn:rchain:model:1\" id=\"e\" version=\"1\">"
	                                         "<title>Use &amp;#38; here</title>"
	                                         "<suppress rule=\"RC006\" reason=\"use &amp;#38; here\"/></model>");

	CU_ASSERT_STRING_EQUAL(rc_model_suppression(m, 0)->reason, "use &#38; here");
	CU_ASSERT_STRING_EQUAL(rc_model_title(m), "Use &#38; here");
	rc_model_free(&m);
}

/* The model's arena: strings packed end to end, everything else aligned, big requests in a chunk of their own. */
static void test_arena(void)
{
	struct arena a = { 0 };
	char *one = arena_alloc_text(&a, 3), *two = arena_alloc_text(&a, 5);
	void *aligned = arena_alloc(&a, sizeof(double));
	char *big = arena_alloc_text(&a, 1 << 20);
	char *after = arena_alloc_text(&a, 2);

	CU_ASSERT_FATAL(one && two && aligned && big && after);
	CU_ASSERT_PTR_EQUAL(two, one + 3);
	CU_ASSERT_EQUAL((uintptr_t)aligned % _Alignof(max_align_t), 0);
	CU_ASSERT((char *)aligned >= two + 5);
	memset(big, 'x', 1 << 20);
	/* The big chunk is full, so the next string starts a new one. */
	CU_ASSERT(after < big || after >= big + (1 << 20));
	CU_ASSERT_STRING_EQUAL(arena_strndup(&a, "abcdef", 3), "abc");
	arena_free(&a);
	CU_ASSERT_PTR_NULL(a.head);
}

/* The closest of `candidates` (NULL-terminated) to `word`, or NULL. */
static const char *suggest(const char *word, const char *const *candidates)
{
	rc_suggestion near;

	rc_suggestion_init(&near, word);
	for (; *candidates; candidates++)
		rc_suggestion_offer(&near, *candidates);
	return near.best;
}

/* "Did you mean": optimal string alignment distance, at most 2 edits and a third of the word. */
static void test_suggestions(void)
{
	static const char *const commands[] = { "check", "render", "report", "rules", "schema", NULL };
	static const char *const ids[] = { "wellbeing", "wellbeing2", "sessions", NULL };
	static const char *const words[] = { "ab", "ac", NULL };
	char long_word[200];

	CU_ASSERT_STRING_EQUAL(suggest("chek", commands), "check");
	CU_ASSERT_STRING_EQUAL(suggest("CHECK", commands), "check");
	CU_ASSERT_STRING_EQUAL(suggest("rnder", commands), "render");
	CU_ASSERT_STRING_EQUAL(suggest("reprot", commands), "report"); /* a swap of neighbours is one edit */
	CU_ASSERT_PTR_NULL(suggest("frobnicate", commands));
	CU_ASSERT_PTR_NULL(suggest("chk", commands)); /* two edits in a word of three */
	CU_ASSERT_STRING_EQUAL(suggest("wellbeeing", ids), "wellbeing");
	CU_ASSERT_STRING_EQUAL(suggest("welbeing2", ids), "wellbeing2"); /* the closer one wins */
	CU_ASSERT_STRING_EQUAL(suggest("wellbeing3", ids), "wellbeing"); /* the first of equals wins */
	CU_ASSERT_PTR_NULL(suggest("sesion", ids + 3));
	CU_ASSERT_STRING_EQUAL(suggest("ad", words), "ab");
	CU_ASSERT_PTR_NULL(suggest("cd", words));
	memset(long_word, 'a', sizeof(long_word) - 1);
	long_word[sizeof(long_word) - 1] = '\0';
	CU_ASSERT_PTR_NULL(suggest(long_word, words));
}

static CU_TestInfo tests[] = {
	{ "suggestions", test_suggestions },
	{ "model_header", test_model_header },
	{ "array_counts", test_array_counts },
	{ "partners", test_partners },
	{ "strands", test_strands },
	{ "steps", test_steps },
	{ "step_ranges", test_step_ranges },
	{ "links", test_links },
	{ "indicators", test_indicators },
	{ "assumptions", test_assumptions },
	{ "risks", test_risks },
	{ "evidence", test_evidence },
	{ "suppressions", test_suppressions },
	{ "influences", test_influences },
	{ "find_step_and_strand", test_find },
	{ "links_out_in", test_links_out_in },
	{ "steps_by_level", test_steps_by_level },
	{ "levels", test_levels },
	{ "load_memory", test_load_memory },
	{ "partnership_defaults", test_partnership_defaults },
	{ "escaped_character_reference", test_escaped_character_reference },
	{ "arena", test_arena },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("model", tests);
}
