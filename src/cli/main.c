/* rchain: the command-line tool, a thin layer over the public library API; the command table and dispatch. */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(void)
{
	char render[256];

	printf("usage: rchain COMMAND [OPTIONS] [ARGS]\n"
	       "\n"
	       "Check and draw contribution-analysis results chains (logic models).\n"
	       "\n"
	       "commands:\n"
	       "  check    check models against the rule catalogue and the evidence base\n"
	       "  render   draw a model's chain as %s\n"
	       "  report   write a self-contained HTML report on a model\n"
	       "  evidence list the evidence base, or explain one entry\n"
	       "  schema   print the XML schema of the model or evidence-base format\n"
	       "  rules    list the rule catalogue, or explain one rule\n"
	       "  new      start a model from a template\n"
	       "  diff     compare two versions of a model\n"
	       "  export   write a model as a CSV or Markdown table, or a Kumu blueprint\n"
	       "  import   turn a logic-model table in CSV into a model\n"
	       "\n"
	       "Run 'rchain COMMAND --help' for a command's options.\n"
	       "exit status: 0 clean, 1 findings at failing severity, 2 a file could not be processed, 3 bad usage\n",
	       format_names(render, sizeof(render), "render", false, false));
}

static const struct command {
	const char *name;
	int (*run)(struct session *s, int argc, char **argv);
	int needs_session; /* loads models or evidence: compile the schemas, load the evidence base */
} commands[] = {
	{ "check", cmd_check, 1 },   { "render", cmd_render, 1 }, { "report", cmd_report, 1 },
	{ "schema", cmd_schema, 0 }, { "rules", cmd_rules, 0 },   { "evidence", cmd_evidence, 1 },
	{ "new", cmd_new, 0 },       { "diff", cmd_diff, 1 },     { "export", cmd_export, 1 },
	{ "import", cmd_import, 1 },
};

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

int main(int argc, char **argv)
{
	size_t i;

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
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage();
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("rchain %s\n", rc_version());
		return EXIT_CLEAN;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			int status = run_command(&commands[i], argc - 1, argv + 1);

			/* What is still buffered is written now: a full disk must not pass for success. */
			if (fflush(stdout) != 0 || ferror(stdout)) {
				if (status != EXIT_FAILED)
					fprintf(stderr, "rchain: cannot write to standard output: %s\n",
					        strerror(errno));
				return EXIT_FAILED;
			}
			return status;
		}
	return usage_error(NULL, "unknown command");
}
