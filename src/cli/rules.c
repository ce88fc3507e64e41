/* rchain rules: list the rule catalogue, or explain one rule. */
#include <stdio.h>

#include "cli.h"

static void rules_help(void)
{
	fputs("usage: rchain rules [CODE]\n"
	      "\n"
	      "List the rule catalogue (the checker's RC rules, then the loader's RS rules for files\n"
	      "that do not load), or explain the rule with this code or slug.\n",
	      stdout);
}

static void list_rules(void)
{
	size_t i;

	for (i = 0; i < rc_rule_count(); i++) {
		const rc_rule *rule = rc_rule_at(i);

		printf("%s  %-7s  %-26s %s\n", rule->code, rc_severity_name(rule->severity), rule->slug, rule->summary);
	}
}

int cmd_rules(struct session *s, int argc, char **argv)
{
	const rc_rule *rule;

	(void)s;
	if (prints_help(argc, argv, rules_help))
		return EXIT_CLEAN;
	if (argc > 2)
		return usage_error("rules", "give at most one rule code");
	if (argc == 1) {
		list_rules();
		return EXIT_CLEAN;
	}
	rule = rc_rule_find(argv[1]);
	if (!rule)
		return unknown_rule("rules", "unknown rule code or slug", argv[1]);
	printf("%s %s (%s)\n\n%s\n\n%s\n\nsource: %s\nhint: %s\n", rule->code, rule->slug,
	       rc_severity_name(rule->severity), rule->summary, rule->explanation, rule->source, rule->hint);
	return EXIT_CLEAN;
}
