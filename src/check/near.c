/* "Did you mean" for the references a model makes to ids it does not have. */
#include <stdio.h>

#include "check/internal.h"
#include "model/internal.h"

const char *near_id(struct checker *c, enum near_kind kind, const char *word, char *out, size_t size)
{
	const rc_model *m = c->m;
	rc_suggestion near;
	size_t i;

	out[0] = '\0';
	if (c->suggestions >= SUGGESTION_CAP)
		return out;
	c->suggestions++;
	rc_suggestion_init(&near, word);
	switch (kind) {
	case NEAR_STEP:
		for (i = 0; i < m->steps.len; i++)
			rc_suggestion_offer(&near, STEP(m, i)->id);
		break;
	case NEAR_STRAND:
		for (i = 0; i < m->strands.len; i++)
			rc_suggestion_offer(&near, MODEL_AT(m, strands, rc_strand, i)->id);
		break;
	case NEAR_PARTNER:
		for (i = 0; i < m->partners.len; i++)
			rc_suggestion_offer(&near, MODEL_AT(m, partners, rc_partner, i)->id);
		break;
	case NEAR_RULE:
		for (i = 0; i < rule_catalogue_len; i++) {
			rc_suggestion_offer(&near, rule_catalogue[i].code);
			rc_suggestion_offer(&near, rule_catalogue[i].slug);
		}
		break;
	case NEAR_ENTRY:
		for (i = 0; c->evidence && i < rc_evidence_base_entry_count(c->evidence); i++)
			rc_suggestion_offer(&near, rc_evidence_base_entry(c->evidence, i)->id);
		break;
	}
	if (near.best)
		snprintf(out, size, "; did you mean '%.200s'?", near.best);
	return out;
}
