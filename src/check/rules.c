/* The rule catalogue (rules.def): permanent codes and texts, and look-ups by index, code or slug. */
#include <string.h>

#include "check/internal.h"
#include "model/problems.h"

const rc_rule rule_catalogue[] = {
#define RULE(code, slug, severity, summary, explanation, source, hint, function) \
	{ code, slug, severity, summary, explanation, source, hint },
#include "check/rules.def"
#undef RULE
};

const size_t rule_catalogue_len = sizeof(rule_catalogue) / sizeof(rule_catalogue[0]);

/* The checker's rules, then the loader's (model/load_rules.def). */
size_t rc_rule_count(void)
{
	return rule_catalogue_len + RS_COUNT;
}

const rc_rule *rc_rule_at(size_t i)
{
	if (i < rule_catalogue_len)
		return &rule_catalogue[i];
	return i - rule_catalogue_len < RS_COUNT ? &load_rules[i - rule_catalogue_len] : NULL;
}

static int is_named(const rc_rule *rule, const char *code_or_slug)
{
	return strcmp(rule->code, code_or_slug) == 0 || strcmp(rule->slug, code_or_slug) == 0;
}

const rc_rule *rc_rule_find(const char *code_or_slug)
{
	size_t i;

	for (i = 0; i < rule_catalogue_len; i++)
		if (is_named(&rule_catalogue[i], code_or_slug))
			return &rule_catalogue[i];
	for (i = 0; i < RS_COUNT; i++)
		if (is_named(&load_rules[i], code_or_slug))
			return &load_rules[i];
	return NULL;
}
