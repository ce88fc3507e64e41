/* rchain diff: compare two versions of a model. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static void diff_help(void)
{
	char bar[128], phrase[256];

	printf("usage: rchain diff [--format %s] [--evidence FILE]... OLD NEW\n"
	       "\n"
	       "Compare two versions of a model, matching elements by id: steps, links,\n"
	       "assumptions, risks, evidence and influences added, removed or changed, the\n"
	       "findings introduced and fixed, and each outcome's confidence before and after.\n"
	       "exit status: 0 no differences, 1 differences, 2 a file could not be processed, 3 bad usage\n"
	       "\n"
	       "options:\n"
	       "  -f, --format F    %s\n"
	       "  --evidence FILE   also check against this evidence base; repeatable\n"
	       "  --max-file-size N refuse model files over N bytes (default 67108864)\n"
	       "  -h, --help        show this help\n",
	       format_names(bar, sizeof(bar), "diff", true, false),
	       format_names(phrase, sizeof(phrase), "diff", false, true));
	print_formats("diff", false);
}

static int show_diff(struct session *s, const rc_output *format, const char *old_path, const char *new_path)
{
	rc_check_options opts = { 0 };
	rc_model *old_model = NULL, *new_model = NULL;
	rc_findings *old_findings = NULL, *new_findings = NULL;
	rc_confidence *old_confidence = NULL, *new_confidence = NULL;
	rc_output_input in = { 0 };
	rc_diff *diff = NULL;
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	int status;

	opts.evidence = s->evidence;
	status = load_and_check(s, old_path, &opts, &old_model, &old_findings, &old_confidence, NULL, &err);
	if (status == EXIT_CLEAN)
		status = load_and_check(s, new_path, &opts, &new_model, &new_findings, &new_confidence, NULL, &err);
	if (status == EXIT_CLEAN && rc_diff_new(&diff, old_model, old_findings, old_confidence, new_model, new_findings,
	                                        new_confidence, &err) != 0) {
		print_error(&err);
		status = EXIT_FAILED;
	}
	in.diff = diff;
	if (status == EXIT_CLEAN)
		status = produce(format, &in, &out);
	if (status == EXIT_CLEAN) {
		if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
			fprintf(stderr, "rchain: cannot write to standard output\n");
			status = EXIT_FAILED;
		} else {
			/* As diff(1): 0 when the versions are alike, 1 when they differ. */
			status = rc_diff_equal(diff) ? EXIT_CLEAN : EXIT_FINDINGS;
		}
	}
	rc_diff_free(&diff);
	rc_buffer_free(&out);
	rc_confidence_free(&new_confidence);
	rc_confidence_free(&old_confidence);
	rc_findings_free(&new_findings);
	rc_findings_free(&old_findings);
	rc_model_free(&new_model);
	rc_model_free(&old_model);
	return status;
}

int cmd_diff(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const rc_output *format = NULL;
	int c, status;

	while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((status = pick_output(&format, "diff", optarg, NULL)) >= 0)
				return status;
			break;
		case 'h': diff_help(); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, "diff", options, c, argv)) >= 0)
				return status;
		}
	}
	if (!format && (status = pick_output(&format, "diff", NULL, NULL)) >= 0)
		return status;
	if (argc - optind != 2)
		return usage_error("diff", "give two model files, the old version and the new");
	return show_diff(s, format, argv[optind], argv[optind + 1]);
}
