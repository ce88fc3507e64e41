/* Rules against the evidence base: unknown refs, applicable entries not addressed, suggested refs. */

#include <ctype.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buffer.h"
#include "base/idmap.h"
#include "check/coverage.h"
#include "check/internal.h"
#include "model/internal.h"
#include "evidence/refs.h"
#include "evidence/word_index.h"

void check_unknown_ref(struct checker *c)
{
	const rc_model *m = c->m;
	char near[256];
	size_t i;

	if (!c->evidence)
		return;
	for (i = 0; i < m->assumptions.len; i++) {
		const rc_assumption *a = MODEL_AT(m, assumptions, rc_assumption, i);

		if (a->ref && !rc_evidence_base_find_entry(c->evidence, a->ref))
			report(c, a->loc, a->owner, a->owner_index,
			       "assumption refers to unknown evidence-base entry '%s'%s", a->ref,
			       near_id(c, NEAR_ENTRY, a->ref, near, sizeof(near)));
	}
	for (i = 0; i < m->risks.len; i++) {
		const rc_risk *r = MODEL_AT(m, risks, rc_risk, i);

		if (r->ref && !rc_evidence_base_find_entry(c->evidence, r->ref))
			report(c, r->loc, r->owner, r->owner_index, "risk refers to unknown evidence-base entry '%s'%s",
			       r->ref, near_id(c, NEAR_ENTRY, r->ref, near, sizeof(near)));
	}
	for (i = 0; i < m->steps.len; i++)
		if (STEP(m, i)->ref && !rc_evidence_base_find_entry(c->evidence, STEP(m, i)->ref))
			report(c, STEP(m, i)->loc, RC_OWNER_STEP, i,
			       "step '%s' refers to unknown evidence-base entry '%s'%s", STEP(m, i)->id,
			       STEP(m, i)->ref, near_id(c, NEAR_ENTRY, STEP(m, i)->ref, near, sizeof(near)));
	for (i = 0; i < m->influences.len; i++) {
		const rc_influence *inf = MODEL_AT(m, influences, rc_influence, i);

		if (inf->ref && !rc_evidence_base_find_entry(c->evidence, inf->ref))
			report(c, inf->loc, RC_OWNER_MODEL, RC_NONE,
			       "influence refers to unknown evidence-base entry '%s'%s", inf->ref,
			       near_id(c, NEAR_ENTRY, inf->ref, near, sizeof(near)));
	}
}

/* The earliest step of each level in the file, where missing entries about that level are reported. */
static void first_steps(const rc_model *m, const rc_step *first[RC_LEVEL_COUNT])
{
	size_t i;
	int level;

	for (level = 0; level < RC_LEVEL_COUNT; level++)
		first[level] = NULL;
	for (i = m->steps.len; i-- > 0;)
		first[STEP(m, i)->level] = STEP(m, i);
}

/* Sets `out` to every citation of `e`, separated by "; " (a merged entry cites each source it rests on). */
static int cite_all(rc_buffer *out, const rc_evidence_base *eb, const rc_entry *e)
{
	size_t k;
	int rc = 0;

	out->len = 0;
	for (k = 0; k < e->cite_count && !rc; k++) {
		if (k > 0)
			rc = buffer_printf(out, "; ");
		if (!rc)
			rc = rc_cite_format(out, eb, &e->cites[k]);
	}
	return rc;
}

/* Nonzero when the space-separated `keywords` hold `word`. */
static int has_keyword(const char *keywords, const char *word)
{
	size_t len = strlen(word);
	const char *p;

	for (p = keywords ? strstr(keywords, word) : NULL; p; p = strstr(p + 1, word))
		if ((p == keywords || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
			return 1;
	return 0;
}

/* The entries a summary names: the most relevant few (docs/rules.md). */
enum { SUMMARY_NAMES = 5 };

/*
 * One finding for the model: how many applicable entries of `kind` without
 * an applicability condition nothing refers to, the most relevant of them,
 * and the command that lists them all.
 */
static void summarise_unaddressed(struct checker *c, const struct coverage *cov, rc_entry_kind kind)
{
	const rc_evidence_base *eb = c->evidence;
	size_t *order = rc_malloc((rc_evidence_base_entry_count(eb) + 1) * sizeof(*order));
	rc_buffer names = { 0 };
	size_t count, shown = 0, total = 0, i;
	int rc = 0;

	if (!order) {
		c->status = RC_ENOMEM;
		return;
	}
	coverage_unaddressed(cov, eb, order, &count);
	for (i = 0; i < count; i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, order[i]);

		if (e->kind != kind || e->condition_count > 0)
			continue;
		total++;
		if (shown++ < SUMMARY_NAMES)
			rc |= buffer_printf(&names, "%s'%s' (%s%s)", shown > 1 ? ", " : "", e->id,
			                    e->priority == RC_PRIORITY_HIGH ? "high priority, " : "",
			                    e->whole_model ? "model" : rc_level_name(e->level));
	}
	if (rc)
		c->status = RC_ENOMEM;
	else if (total > 0)
		report(c, c->m->loc, RC_OWNER_MODEL, RC_NONE,
		       "%zu evidence-based %s%s that apply to this model %s not addressed; %s: %s; 'rchain "
		       "evidence --unaddressed MODEL' lists them all",
		       total, rc_entry_kind_name(kind), total == 1 ? "" : "s", total == 1 ? "is" : "are",
		       total > SUMMARY_NAMES ? "the most relevant" : "they are", names.data);
	rc_buffer_free(&names);
	rc_free(order);
}

/*
 * RC030 and RC031 summarise the entries of their kind that apply to every
 * model of the entry's kind; RC032 reports, one by one, the entries that
 * apply because of this partnership's own facts (their conditions).
 */
static void report_unaddressed(struct checker *c, rc_entry_kind kind, int conditional)
{
	const rc_model *m = c->m;
	const rc_step *first[RC_LEVEL_COUNT];
	struct coverage cov;
	rc_buffer cite = { 0 };
	size_t i;

	if (!c->evidence)
		return;
	first_steps(m, first);
	if (coverage_find(&cov, m, c->evidence) != 0) {
		c->status = RC_ENOMEM;
		return;
	}
	if (!conditional)
		summarise_unaddressed(c, &cov, kind);
	for (i = 0; conditional && i < rc_evidence_base_entry_count(c->evidence) && !c->status; i++) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, i);
		const rc_step *at = e->whole_model ? NULL : first[e->level]; /* an entry that applies has one */

		/* Power between partners is RC045's one finding. */
		if ((e->kind != RC_ENTRY_ASSUMPTION && e->kind != RC_ENTRY_RISK) || e->condition_count == 0 ||
		    cov.entry[i] != COVERAGE_APPLIES || has_keyword(e->keywords, "power"))
			continue;
		if (cite_all(&cite, c->evidence, e) != 0) {
			c->status = RC_ENOMEM;
			break;
		}
		report(c, at ? at->loc : m->loc, at ? RC_OWNER_STEP : RC_OWNER_MODEL, at ? at->index : RC_NONE,
		       "this partnership's %s '%s' is not addressed: \"%s\" (%s)", rc_entry_kind_name(e->kind), e->id,
		       e->text, cite.data);
	}
	rc_buffer_free(&cite);
	coverage_free(&cov);
}

void check_unaddressed_assumption(struct checker *c)
{
	report_unaddressed(c, RC_ENTRY_ASSUMPTION, 0);
}

void check_unaddressed_risk(struct checker *c)
{
	report_unaddressed(c, RC_ENTRY_RISK, 0);
}

void check_triggered_entry(struct checker *c)
{
	report_unaddressed(c, RC_ENTRY_ASSUMPTION, 1);
}

/* ---- suggested refs: word overlap (docs/rules.md) ---- */

/*
 * Models repeat statements (the same assumption on many links), and the best
 * entry of a statement depends only on its kind and its text, so the first
 * SEEN_MAX texts of each kind keep theirs. The texts are the model's own
 * (borrowed): memory stays bounded however many different statements a model has.
 */
enum { SEEN_MAX = 256 };

/* What check_suggest_ref() looks up with: the index, the scratch for a look-up, and the words of a statement. */
struct suggester {
	const struct word_index *ix;
	struct word_tally tally;
	struct words said;
	/* Per kind (assumption, risk), text -> one more than its best entry: RC_NONE, no entry, is kept as 0. */
	struct idmap seen[2];
};

/* The entry of `kind` that `text` resembles most, or RC_NONE (also out of memory, in c->status). */
static size_t best_entry(struct checker *c, struct suggester *s, rc_entry_kind kind, const char *text)
{
	struct idmap *seen = &s->seen[kind == RC_ENTRY_RISK];
	size_t best = idmap_get(seen, text);

	if (best != RC_NONE)
		return best - 1;
	words_clear(&s->said);
	if (words_add(&s->said, text) != 0) {
		c->status = RC_ENOMEM;
		return RC_NONE;
	}
	words_finish(&s->said);
	best = word_index_best(s->ix, &s->tally, kind, &s->said);
	if (seen->count < SEEN_MAX)
		idmap_put(seen, text, best + 1);
	return best;
}

static void suggest(struct checker *c, struct suggester *s, rc_entry_kind kind, const char *text, rc_loc loc,
                    rc_owner_kind owner, size_t index)
{
	size_t best = best_entry(c, s, kind, text);

	if (best != RC_NONE) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, best);

		rc_finding *f = report(c, loc, owner, index,
		                       "%s resembles evidence-base entry '%s' (\"%s\"): add ref=\"%s\" if it makes the "
		                       "same point",
		                       kind == RC_ENTRY_RISK ? "risk" : "assumption", e->id, e->text, e->id);

		report_suggested_ref(c, f, e->id);
	}
}

void check_suggest_ref(struct checker *c)
{
	const rc_model *m = c->m;
	struct suggester s = { 0 };
	size_t i;

	if (!c->evidence)
		return;
	s.ix = evidence_word_index(c->evidence);
	if (word_tally_init(&s.tally, s.ix) != 0 || idmap_init(&s.seen[0], SEEN_MAX) != 0 ||
	    idmap_init(&s.seen[1], SEEN_MAX) != 0) {
		c->status = RC_ENOMEM;
		goto done;
	}
	for (i = 0; i < m->assumptions.len && !c->status; i++) {
		const rc_assumption *x = MODEL_AT(m, assumptions, rc_assumption, i);

		if (!x->ref)
			suggest(c, &s, RC_ENTRY_ASSUMPTION, x->text, x->loc, x->owner, x->owner_index);
	}
	for (i = 0; i < m->risks.len && !c->status; i++) {
		const rc_risk *x = MODEL_AT(m, risks, rc_risk, i);

		if (!x->ref)
			suggest(c, &s, RC_ENTRY_RISK, x->statement, x->loc, x->owner, x->owner_index);
	}
done:
	idmap_free(&s.seen[0]);
	idmap_free(&s.seen[1]);
	words_free(&s.said);
	word_tally_free(&s.tally);
}

/* ---- partnership facts the evidence depends on ---- */

void check_unknown_formation(struct checker *c)
{
	const rc_model *m = c->m;
	size_t count = 0, first = RC_NONE, i, k;

	if (!c->evidence || !rc_model_has_partnership(m) || m->partners.len == 0 ||
	    rc_model_formation(m) != RC_FORMATION_UNKNOWN)
		return;
	for (i = 0; i < rc_evidence_base_entry_count(c->evidence); i++) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, i);
		int on_formation = 0;

		for (k = 0; k < e->condition_count; k++)
			on_formation |= e->conditions[k].formation >= 0;
		if (on_formation && count++ == 0)
			first = i;
	}
	if (count > 0)
		report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
		       "the partnership's formation is unknown, but %zu evidence-base entr%s depend%s on it (such as "
		       "'%s'): say whether it was formed voluntarily or by mandate",
		       count, count == 1 ? "y" : "ies", count == 1 ? "s" : "",
		       rc_evidence_base_entry(c->evidence, first)->id);
}

/* Nonzero when the assumption or risk text `text`, or the entry it refers to, is about power. */
static int about_power(const struct checker *c, const char *text, const char *ref)
{
	const rc_entry *e = ref && c->evidence ? rc_evidence_base_find_entry(c->evidence, ref) : NULL;
	const char *p;

	if (e && has_keyword(e->keywords, "power"))
		return 1;
	for (p = text ? strstr(text, "power") : NULL; p; p = strstr(p + 1, "power"))
		if ((p == text || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[5]))
			return 1;
	return 0;
}

void check_unaddressed_power(struct checker *c)
{
	const rc_model *m = c->m;
	const rc_entry *cited = NULL;
	size_t sectors = 0, i;
	int s;

	for (s = 0; s < RC_SECTOR_COUNT; s++)
		sectors += rc_model_sector_count(m, (rc_sector)s) > 0;
	if (m->partners.len < 2 || sectors < 2)
		return;
	for (i = 0; i < m->assumptions.len; i++) {
		const rc_assumption *a = MODEL_AT(m, assumptions, rc_assumption, i);

		if (about_power(c, a->text, a->ref))
			return;
	}
	for (i = 0; i < m->risks.len; i++) {
		const rc_risk *r = MODEL_AT(m, risks, rc_risk, i);

		if (about_power(c, r->statement, r->ref))
			return;
	}
	for (i = 0; c->evidence && i < rc_evidence_base_entry_count(c->evidence) && !cited; i++) {
		const rc_entry *e = rc_evidence_base_entry(c->evidence, i);

		if (e->priority == RC_PRIORITY_HIGH && has_keyword(e->keywords, "power"))
			cited = e;
	}
	report(c, m->loc, RC_OWNER_MODEL, RC_NONE,
	       "%zu partners from %zu sectors, and no assumption or risk about power between them%s%s%s",
	       m->partners.len, sectors, cited ? " (see evidence-base entry '" : "", cited ? cited->id : "",
	       cited ? "')" : "");
}
