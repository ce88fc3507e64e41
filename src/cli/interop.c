/* The authoring and interop commands of the rchain tool: new, diff, export and import. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char *const new_help = "usage: rchain new [--template NAME] [-o FILE]\n"
                                    "\n"
                                    "Start a model from a template: blank (all seven levels, one example step\n"
                                    "each), partnership (one pathway of the What Works Scotland chain) or columns\n"
                                    "(a columns-only table). It goes to standard output unless -o is given; -o\n"
                                    "never replaces an existing file.\n"
                                    "\n"
                                    "options:\n"
                                    "  -t, --template NAME   blank (default), partnership or columns\n"
                                    "  -o, --output FILE     where to write the model\n"
                                    "  -h, --help            show this help\n";

static const char *const diff_help =
        "usage: rchain diff [--format text|json] [--evidence FILE]... OLD NEW\n"
        "\n"
        "Compare two versions of a model, matching elements by id: steps, links,\n"
        "assumptions, risks, evidence and influences added, removed or changed, the\n"
        "findings introduced and fixed, and each outcome's confidence before and after.\n"
        "exit status: 0 no differences, 1 differences, 2 a file could not be processed, 3 bad usage\n"
        "\n"
        "options:\n"
        "  -f, --format F    text (default) or json\n"
        "  --evidence FILE   also check against this evidence base; repeatable\n"
        "  --max-file-size N refuse model files over N bytes (default 67108864)\n"
        "  -h, --help        show this help\n";

static const char *const export_help =
        "usage: rchain export [--format csv|markdown|kumu] [-o FILE] [--evidence FILE]... MODEL\n"
        "\n"
        "Write MODEL as the classic logic-model table (one column per level, one row\n"
        "per strand) in CSV or Markdown, or as a Kumu JSON blueprint. The output goes to\n"
        "standard output unless -o is given.\n"
        "\n"
        "options:\n"
        "  -f, --format F        csv (default), markdown or kumu\n"
        "  -o, --output FILE     where to write the export\n"
        "  --evidence FILE       also check against this evidence base; repeatable\n"
        "  --max-file-size N     refuse model files over N bytes (default 67108864)\n"
        "  -h, --help            show this help\n";

static const char *const import_help =
        "usage: rchain import csv [-o FILE] [--max-file-size N] TABLE\n"
        "\n"
        "Turn a logic-model table in CSV (a header row naming levels, one step per line\n"
        "of a cell, an optional strand column) into a columns-only model with generated\n"
        "ids. It goes to standard output unless -o is given; -o never replaces an\n"
        "existing file.\n"
        "\n"
        "options:\n"
        "  -o, --output FILE     where to write the model\n"
        "  --max-file-size N     refuse table files over N bytes (default 67108864)\n"
        "  -h, --help            show this help\n";

/* Model files are edited by hand: writing one never replaces a file that exists. */
static int write_new_file(const char *path, const rc_buffer *data)
{
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0) {
		fprintf(stderr, "%s: error: already exists; remove it or choose another name\n", path);
		return EXIT_FAILED;
	}
	return write_output(path, data);
}

int cmd_new(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "template", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = "blank", *output = "-";
	rc_buffer data = { 0 };
	size_t len;
	int c;

	(void)s;
	while ((c = getopt_long(argc, argv, "t:o:h", options, NULL)) != -1) {
		switch (c) {
		case 't': name = optarg; break;
		case 'o':
			if (!*optarg)
				return usage_error("new", "-o needs a file name ('-' for standard output)");
			output = optarg;
			break;
		case 'h': fputs(new_help, stdout); return EXIT_CLEAN;
		default: return bad_option("new", argv);
		}
	}
	if (optind != argc)
		return usage_error("new", "takes no arguments besides its options");
	data.data = (char *)rc_template_text(name, &len);
	if (!data.data)
		return usage_error("new", "--template must be blank, partnership or columns");
	data.len = len;
	return write_new_file(output, &data);
}

/* Handles --evidence FILE and --max-file-size N, and refuses other options; an exit status, or -1 to go on. */
static int common_option(struct session *s, const char *command, int c, char **argv)
{
	switch (c) {
	case OPT_EVIDENCE: return add_evidence(s, optarg) != 0 ? EXIT_FAILED : -1;
	case OPT_MAX_FILE:
		if (parse_size(optarg, &rc_context_limits(s->ctx)->max_file_bytes) != 0)
			return usage_error(command, "--max-file-size takes a positive number of bytes");
		return -1;
	default: return bad_option(command, argv);
	}
}

static int show_diff(struct session *s, const char *format, const char *old_path, const char *new_path)
{
	rc_check_options opts = { 0 };
	rc_model *old_model = NULL, *new_model = NULL;
	rc_findings *old_findings = NULL, *new_findings = NULL;
	rc_confidence *old_confidence = NULL, *new_confidence = NULL;
	rc_diff *diff = NULL;
	rc_buffer out = { 0 };
	rc_error err = { 0 };
	int status;

	opts.evidence = s->evidence;
	status = load_and_check(s, old_path, &opts, &old_model, &old_findings, &old_confidence, &err);
	if (status == EXIT_CLEAN)
		status = load_and_check(s, new_path, &opts, &new_model, &new_findings, &new_confidence, &err);
	if (status == EXIT_CLEAN) {
		if (rc_diff_new(&diff, old_model, old_findings, old_confidence, new_model, new_findings, new_confidence,
		                &err) != 0 ||
		    rc_diff_format(&out, diff, format, &err) != 0) {
			print_error(&err);
			status = EXIT_FAILED;
		} else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
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
	const char *format = "text";
	int c, status;

	while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
				return usage_error("diff", "--format must be text or json");
			break;
		case 'h': fputs(diff_help, stdout); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, "diff", c, argv)) >= 0)
				return status;
		}
	}
	if (argc - optind != 2)
		return usage_error("diff", "give two model files, the old version and the new");
	return show_diff(s, format, argv[optind], argv[optind + 1]);
}

int cmd_export(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const rc_exporter *exporter = rc_exporter_find("csv");
	rc_check_options opts = { 0 };
	const char *output = "-";
	rc_findings *findings = NULL;
	rc_confidence *confidence = NULL;
	rc_model *model = NULL;
	rc_buffer data = { 0 };
	rc_error err = { 0 };
	int c, status;

	while ((c = getopt_long(argc, argv, "f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			exporter = rc_exporter_find(optarg);
			if (!exporter)
				return usage_error("export", "--format must be csv, markdown or kumu");
			break;
		case 'o':
			if (!*optarg)
				return usage_error("export", "-o needs a file name ('-' for standard output)");
			output = optarg;
			break;
		case 'h': fputs(export_help, stdout); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, "export", c, argv)) >= 0)
				return status;
		}
	}
	if (argc - optind != 1)
		return usage_error("export", "give exactly one model file");
	opts.evidence = s->evidence;
	status = load_and_check(s, argv[optind], &opts, &model, &findings, &confidence, &err);
	if (status == EXIT_CLEAN) {
		if (exporter->write(&data, model, findings, confidence, &err) != 0) {
			print_error(&err);
			status = EXIT_FAILED;
		} else {
			status = write_output(output, &data);
		}
	}
	rc_buffer_free(&data);
	rc_confidence_free(&confidence);
	rc_findings_free(&findings);
	rc_model_free(&model);
	return status;
}

int cmd_import(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = "-";
	rc_buffer data = { 0 };
	rc_error err = { 0 };
	int c, status;

	while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (!*optarg)
				return usage_error("import", "-o needs a file name ('-' for standard output)");
			output = optarg;
			break;
		case 'h': fputs(import_help, stdout); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, "import", c, argv)) >= 0)
				return status;
		}
	}
	if (argc - optind != 2 || strcmp(argv[optind], "csv") != 0)
		return usage_error("import", "give the table's format, csv, and one table file");
	if (rc_import_csv(&data, s->ctx, argv[optind + 1], &err) != 0) {
		print_error(&err);
		status = EXIT_FAILED;
	} else {
		status = write_new_file(output, &data);
	}
	rc_buffer_free(&data);
	return status;
}
