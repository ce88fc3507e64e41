/* The rule catalogue (rules.def): permanent codes and texts, and look-ups by index, code or slug. */
#include <string.h>

#include "check/internal.h"

const rc_rule rule_catalogue[] = {
#define RULE(code, slug, severity, summary, explanation, source, hint, function) \
	{ code, slug, severity, summary, explanation, source, hint },
#include "check/rules.def"
#undef RULE
};

const size_t rule_catalogue_len = sizeof(rule_catalogue) / sizeof(rule_catalogue[0]);

size_t rc_rule_count(void)
{
	return rule_catalogue_len;
}

const rc_rule *rc_rule_at(size_t i)
{
	return i < rule_catalogue_len ? &rule_catalogue[i] : NULL;
}

const rc_rule *rc_rule_find(const char *code_or_slug)
{
	size_t i;

	for (i = 0; i < rule_catalogue_len; i++)
		if (strcmp(rule_catalogue[i].code, code_or_slug) == 0 ||
		    strcmp(rule_catalogue[i].slug, code_or_slug) == 0)
			return &rule_catalogue[i];
	return NULL;
}
