/* rchain check: check models and print every finding, as text, JSON or SARIF. */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void check_help(void)
{
	char bar[128], phrase[256];

	printf("usage: rchain check [--format %s] [--evidence FILE]... [--strict] [--disable CODE]...\n"
	       "                    [--severity error|warning|note] MODEL...\n"
	       "\n"
	       "Check each MODEL ('-' reads standard input) and print every finding as\n"
	       "FILE:LINE:COL: SEVERITY: MESSAGE [CODE slug] with a hint line, then one summary\n"
	       "line per file with the confidence of each outcome.\n"
	       "\n"
	       "options:\n"
	       "  -f, --format F    %s\n"
	       "  --strict          fail (exit 1) on warnings as well as errors\n"
	       "  --severity S      print findings of severity S and above (text only; the\n"
	       "                    summary line still counts all, JSON and SARIF keep all)\n"
	       "  --disable CODE    skip a rule (code or slug); repeatable\n"
	       "  --evidence FILE   also check against this evidence base; repeatable\n"
	       "  --max-file-size N refuse model files over N bytes (default 67108864)\n"
	       "  -h, --help        show this help\n",
	       format_names(bar, sizeof(bar), "check", true, false),
	       format_names(phrase, sizeof(phrase), "check", false, true));
	print_formats("check", false);
}

/* One file of a check run; free_checked() releases what it holds. */
struct checked_file {
	rc_model *model;
	rc_findings *findings;
	rc_confidence *confidence;
	rc_problems *problems; /* of a file that does not load */
	rc_error error;
};

static void free_checked(struct checked_file *files, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		rc_confidence_free(&files[i].confidence);
		rc_findings_free(&files[i].findings);
		rc_model_free(&files[i].model);
		rc_problems_free(&files[i].problems);
	}
	free(files);
}

/* Exit status of one checked file: 2 if it could not be processed, 1 if its findings fail it. */
static int file_status(const struct checked_file *f, int strict)
{
	if (!f->model)
		return EXIT_FAILED;
	if (rc_findings_count_severity(f->findings, RC_SEVERITY_ERROR) ||
	    (strict && rc_findings_count_severity(f->findings, RC_SEVERITY_WARNING)))
		return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

/* The sink of a findings report: standard output, written as the report is produced. */
static int write_stdout(void *saved_errno, const char *data, size_t len)
{
	if (fwrite(data, 1, len, stdout) == len)
		return 0;
	*(int *)saved_errno = errno;
	return RC_EIO;
}

/* Checks every file, then writes one report in `format` to standard output. */
static int report_check(struct session *s, const rc_output *format, char **paths, size_t count,
                        const rc_check_options *opts, int strict, rc_severity min)
{
	struct checked_file *files = calloc(count, sizeof(*files));
	rc_checked *views = calloc(count, sizeof(*views));
	rc_output_input in = { 0 };
	rc_error err = { 0 };
	int status = EXIT_CLEAN, write_errno = 0;
	size_t i;

	assert(format != NULL);
	if (!files || !views) {
		fprintf(stderr, "rchain: out of memory\n");
		status = EXIT_FAILED;
		goto done;
	}
	for (i = 0; i < count; i++) {
		struct checked_file *f = &files[i];
		int one;

		/* Text leaves the problems of a file that does not load to standard error; JSON and SARIF hold them. */
		if (load_and_check(s, paths[i], opts, &f->model, &f->findings, &f->confidence,
		                   strcmp(format->name, "text") != 0 ? &f->problems : NULL, &f->error) != EXIT_CLEAN)
			views[i].error = &f->error;
		views[i].problems = f->problems;
		views[i].file = f->model ? rc_model_file(f->model) : strcmp(paths[i], "-") == 0 ? "<stdin>" : paths[i];
		views[i].model = f->model;
		views[i].findings = f->findings;
		views[i].confidence = f->confidence;
		one = file_status(f, strict);
		if (one > status)
			status = one;
	}
	in.files = views;
	in.min_severity = min;
	in.file_count = count;
	if (format->write(write_stdout, &write_errno, &in, &err) != 0 && err.status != RC_EIO) {
		print_error(&err);
		status = EXIT_FAILED;
	} else if (err.status == RC_EIO || fflush(stdout) != 0) {
		fprintf(stderr, "rchain: cannot write to standard output: %s\n",
		        strerror(err.status == RC_EIO ? write_errno : errno));
		status = EXIT_FAILED;
	}
done:
	free(views);
	if (files)
		free_checked(files, count);
	return status;
}

int cmd_check(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "disable", required_argument, NULL, OPT_DISABLE },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "severity", required_argument, NULL, OPT_SEVERITY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const rc_output *format = NULL;
	const char **disabled = calloc((size_t)argc, sizeof(*disabled));
	rc_check_options opts = { 0 };
	rc_severity min = RC_SEVERITY_NOTE;
	int strict = 0, status = -1, c;

	opts.evidence = s->evidence;

	if (!disabled)
		return EXIT_FAILED;
	while (status < 0 && (c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f': status = pick_output(&format, "check", optarg, NULL); break;
		case OPT_STRICT: strict = 1; break;
		case OPT_SEVERITY:
			if (rc_severity_from_name(&min, optarg) != 0)
				status = usage_error("check", "--severity must be error, warning or note");
			break;
		case OPT_DISABLE:
			if (rc_rule_find(optarg) && strncmp(rc_rule_find(optarg)->code, "RS", 2) == 0)
				status = usage_error("check",
				                     "--disable takes checker rules (RC), not load rules (RS): a "
				                     "file that does not load cannot be checked");
			else if (rc_rule_find(optarg))
				disabled[opts.disabled_count++] = optarg;
			else
				status = unknown_rule("check", "--disable names an unknown rule code or slug", optarg);
			break;
		case 'h':
			check_help();
			status = EXIT_CLEAN;
			break;
		default: status = common_option(s, "check", options, c, argv); break;
		}
	}
	if (status < 0 && !format)
		status = pick_output(&format, "check", NULL, NULL);
	if (status < 0 && optind >= argc)
		status = usage_error("check", "no model file given");
	opts.disabled = disabled;
	if (status < 0)
		status = report_check(s, format, argv + optind, (size_t)(argc - optind), &opts, strict, min);
	free(disabled);
	return status;
}
