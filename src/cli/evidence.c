/* rchain evidence: list the evidence base, or explain one entry. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void evidence_help(void)
{
	fputs("usage: rchain evidence [--evidence FILE]... [ID | --unaddressed MODEL]\n"
	      "\n"
	      "List the evidence base (the default one built from the seed reviews, plus any\n"
	      "--evidence files) with the citation of each entry, or explain the entry ID.\n"
	      "With --unaddressed, list the assumptions and risks that apply to MODEL and that\n"
	      "it does not address (rules RC030 to RC032), most relevant first.\n",
	      stdout);
}

static const char *level_of(const rc_entry *e)
{
	return e->whole_model ? "model" : rc_level_name(e->level);
}

static void print_condition(const rc_condition *c)
{
	fputs("applies when:", stdout);
	if (c->formation >= 0)
		printf(" formation is %s;", rc_formation_name((rc_formation)c->formation));
	if (c->sector >= 0)
		printf(" a partner is %s-sector;", rc_sector_name((rc_sector)c->sector));
	if (c->level >= 0)
		printf(" the model has a %s step;", rc_level_name((rc_level)c->level));
	if (c->min_partners)
		printf(" at least %zu partners;", c->min_partners);
	if (c->min_strands)
		printf(" at least %zu strands;", c->min_strands);
	if (c->min_steps)
		printf(" at least %zu steps;", c->min_steps);
	fputs("\n", stdout);
}

static int explain_entry(const rc_evidence_base *eb, const rc_entry *e)
{
	rc_buffer cite = { 0 };
	size_t i;

	printf("%s (%s, %s)\n\n%s\n\n", e->id, rc_entry_kind_name(e->kind), level_of(e), e->text);
	for (i = 0; i < e->cite_count; i++) {
		cite.len = 0;
		if (rc_cite_format(&cite, eb, &e->cites[i]) != 0) {
			rc_buffer_free(&cite);
			return EXIT_FAILED;
		}
		printf("source: %s\n", cite.data);
	}
	for (i = 0; i < e->alias_count; i++)
		printf("also known as: %s\n", e->aliases[i]);
	if (e->keywords)
		printf("keywords: %s\n", e->keywords);
	printf("about: %s; priority: %s\n", rc_entry_about_name(e->about), rc_entry_priority_name(e->priority));
	for (i = 0; i < e->condition_count; i++)
		print_condition(&e->conditions[i]);
	if (e->condition_count == 0)
		fputs(e->about == RC_ABOUT_PARTNERSHIP ? "applies to every model that declares a partnership\n"
		                                       : "applies to every model\n",
		      stdout);
	rc_buffer_free(&cite);
	return EXIT_CLEAN;
}

/* One line per entry: id, kind, level, text and first citation. */
static int list_entries(const rc_evidence_base *eb, const size_t *which, size_t count)
{
	rc_buffer cite = { 0 };
	size_t i;

	for (i = 0; i < count; i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, which ? which[i] : i);

		cite.len = 0;
		if (rc_cite_format(&cite, eb, &e->cites[0]) != 0) {
			rc_buffer_free(&cite);
			return EXIT_FAILED;
		}
		printf("%s  %s  %s  %s  [%s]\n", e->id, rc_entry_kind_name(e->kind), level_of(e), e->text, cite.data);
	}
	rc_buffer_free(&cite);
	return EXIT_CLEAN;
}

static int list_unaddressed(struct session *s, const char *path)
{
	size_t *which = malloc((rc_evidence_base_entry_count(s->evidence) + 1) * sizeof(*which));
	rc_model *m = NULL;
	rc_error err = { 0 };
	size_t count = 0;
	int status = EXIT_FAILED;

	if (!which) {
		fprintf(stderr, "rchain: out of memory\n");
		return EXIT_FAILED;
	}
	if (load_model(s, path, &m, &err) == EXIT_CLEAN) {
		if (rc_evidence_unaddressed(m, s->evidence, which, &count, &err) != 0)
			print_error(&err);
		else
			status = list_entries(s->evidence, which, count);
	}
	rc_model_free(&m);
	free(which);
	return status;
}

int cmd_evidence(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "unaddressed", required_argument, NULL, OPT_UNADDRESSED },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *model = NULL;
	const rc_entry *e;
	int c;

	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case OPT_EVIDENCE:
			if (add_evidence(s, optarg) != 0)
				return EXIT_FAILED;
			break;
		case OPT_UNADDRESSED: model = optarg; break;
		case 'h': evidence_help(); return EXIT_CLEAN;
		default: return bad_option("evidence", options, argv);
		}
	}
	if (argc - optind > (model ? 0 : 1))
		return usage_error("evidence", model ? "--unaddressed takes no entry id" : "give at most one entry id");
	if (model)
		return list_unaddressed(s, model);
	if (argc == optind)
		return list_entries(s->evidence, NULL, rc_evidence_base_entry_count(s->evidence));
	e = rc_evidence_base_find_entry(s->evidence, argv[optind]);
	if (!e)
		return usage_error("evidence", "unknown entry id (run 'rchain evidence' for the list)");
	return explain_entry(s->evidence, e);
}
