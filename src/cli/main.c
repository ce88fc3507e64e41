/* rchain: the command-line tool, a thin layer over the public library API; the command table and dispatch. */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct command {
	const char *name;
	int (*run)(struct session *s, int argc, char **argv);
	int needs_session; /* loads models or evidence: compile the schemas, load the evidence base */
	const char *summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, 1, "check models against the rule catalogue and the evidence base" },
	{ "render", cmd_render, 1, "draw a model's chain as" },
	{ "report", cmd_report, 1, "write a self-contained HTML report on a model" },
	{ "evidence", cmd_evidence, 1, "list the evidence base, or explain one entry" },
	{ "schema", cmd_schema, 0, "print the XML schema of the model or evidence-base format" },
	{ "rules", cmd_rules, 0, "list the rule catalogue, or explain one rule" },
	{ "new", cmd_new, 0, "start a model from a template" },
	{ "diff", cmd_diff, 1, "compare two versions of a model" },
	{ "export", cmd_export, 1, "write a model as a CSV or Markdown table, or a Kumu blueprint" },
	{ "import", cmd_import, 1, "turn a logic-model table in CSV into a model" },
	{ "lsp", cmd_lsp, 1, "serve the Language Server Protocol to an editor on standard input and output" },
};

#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static void usage(void)
{
	char render[256];
	size_t i;

	printf("usage: rchain COMMAND [OPTIONS] [ARGS]\n"
	       "\n"
	       "Check and draw contribution-analysis results chains (logic models).\n"
	       "\n"
	       "commands:\n");
	format_names(render, sizeof(render), "render", false, false);
	for (i = 0; i < COMMAND_COUNT; i++) {
		/* The formats of render come from the output registry. */
		printf("  %-8s %s%s%s\n", commands[i].name, commands[i].summary,
		       commands[i].run == cmd_render ? " " : "", commands[i].run == cmd_render ? render : "");
	}
	printf("\n"
	       "Run 'rchain help COMMAND' or 'rchain COMMAND --help' for a command's options.\n"
	       "exit status: 0 clean, 1 findings at failing severity, 2 a file could not be processed, 3 bad usage\n");
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* An unknown command word, with the closest command when there is one; EXIT_USAGE. */
static int unknown_command(const char *word)
{
	rc_suggestion near;
	char what[400];
	size_t i;

	rc_suggestion_init(&near, word);
	for (i = 0; i < COMMAND_COUNT; i++)
		rc_suggestion_offer(&near, commands[i].name);
	snprintf(what, sizeof(what), "unknown command '%.200s'%s", word, did_you_mean(&near, ""));
	return usage_error(NULL, what);
}

static int run_command(const struct command *command, int argc, char **argv)
{
	struct session s = { NULL, NULL, NULL, 0, false };
	rc_error err = { 0 };
	int status;

	if (command->needs_session &&
	    (rc_context_new(&s.ctx, &err) != 0 || rc_evidence_base_new(&s.evidence, s.ctx, &err) != 0)) {
		print_error(&err);
		rc_context_free(&s.ctx);
		return EXIT_FAILED;
	}
	opterr = 0;
	optind = 1;
	status = command->run(&s, argc, argv);
	free(s.inputs);
	rc_evidence_base_free(&s.evidence);
	rc_context_free(&s.ctx);
	return status;
}

/* What is still buffered is written now: a full disk must not pass for success. */
static int finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (status != EXIT_FAILED)
			fprintf(stderr, "rchain: cannot write to standard output: %s\n", strerror(errno));
		return EXIT_FAILED;
	}
	return status;
}

int main(int argc, char **argv)
{
	const struct command *command;

	/*
	 * glibc raises its mmap threshold to the size of each large block freed, up
	 * to 32 MiB, and serves later large blocks from the heap, which keeps their
	 * pages after they are freed. The arrays and buffers of a large model grow
	 * by reallocation and come and go between loading, checking and output, so
	 * a fixed threshold lets each be mapped, grown in place by mremap and given
	 * back to the system when freed: peak memory stays near what is live.
	 */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	if (argc < 2)
		return usage_error(NULL, "no command given");
	if (strcmp(argv[1], "--version") == 0) {
		printf("rchain %s\n", rc_version());
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		char *help_argv[] = { NULL, "--help", NULL };

		if (argc < 3 || strcmp(argv[1], "help") != 0) {
			usage();
			return EXIT_CLEAN;
		}
		/* 'rchain help CMD' is 'rchain CMD --help', as in git. */
		if (!(command = find_command(argv[2])))
			return unknown_command(argv[2]);
		help_argv[0] = argv[2];
		return finish(run_command(command, 2, help_argv));
	}
	if (!(command = find_command(argv[1])))
		return unknown_command(argv[1]);
	return finish(run_command(command, argc - 1, argv + 1));
}
