/* rchain export: write a model as a logic-model table or a Kumu blueprint. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void export_help(void)
{
	char bar[128], phrase[256];

	printf("usage: rchain export [--format %s] [-o FILE] [--bom] [--evidence FILE]... MODEL\n"
	       "\n"
	       "Write MODEL as the classic logic-model table (one column per level, one row\n"
	       "per strand) in CSV or Markdown, or as a Kumu JSON blueprint. The output goes to\n"
	       "standard output unless -o is given; without --format, the extension of -o FILE\n"
	       "picks the format.\n"
	       "\n"
	       "options:\n"
	       "  -f, --format F        %s\n"
	       "  -o, --output FILE     where to write the export\n"
	       "  --bom                 start a CSV export with a UTF-8 byte order mark (for Excel)\n"
	       "  --force               replace FILE even when it is read-only (keeping its mode)\n"
	       "  --evidence FILE       also check against this evidence base; repeatable\n"
	       "  --max-file-size N     refuse model files over N bytes (default 67108864)\n"
	       "  -h, --help            show this help\n",
	       format_names(bar, sizeof(bar), "export", true, false),
	       format_names(phrase, sizeof(phrase), "export", false, true));
	print_formats("export", true);
}

int cmd_export(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const rc_output *output;
	const char *format = NULL, *path = "-";
	rc_check_options opts = { 0 };
	rc_render_input view = { 0 };
	rc_output_input in = { 0 };
	rc_findings *findings = NULL;
	rc_confidence *confidence = NULL;
	rc_model *model = NULL;
	rc_buffer data = { 0 };
	rc_error err = { 0 };
	int c, status;
	bool bom = false;

	while ((c = getopt_long(argc, argv, "f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((status = pick_output(&output, "export", optarg, NULL)) >= 0)
				return status;
			format = optarg;
			break;
		case 'o':
			if (!*optarg)
				return usage_error("export", "-o needs a file name ('-' for standard output)");
			path = optarg;
			break;
		case OPT_BOM: bom = true; break;
		case 'h': export_help(); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, "export", options, c, argv)) >= 0)
				return status;
		}
	}
	if (argc - optind != 1)
		return usage_error("export", "give exactly one model file");
	/* Replacing an input is refused first: it would lose data, whatever the format. */
	if (note_input(s, argv[optind]) != EXIT_CLEAN)
		return EXIT_FAILED;
	if ((status = refuse_input(s, path)) >= 0 || (status = pick_output(&output, "export", format, path)) >= 0)
		return status;
	if (bom && strcmp(output->name, "csv") != 0)
		return usage_error("export", "--bom is for --format csv only");
	opts.evidence = s->evidence;
	status = load_and_check(s, argv[optind], &opts, &model, &findings, &confidence, NULL, &err);
	view.model = model;
	view.findings = findings;
	view.confidence = confidence;
	in.view = &view;
	/* Excel on Windows reads a CSV file as UTF-8 only when it starts with a byte order mark. */
	if (status == EXIT_CLEAN && bom && rc_buffer_sink(&data, "\xEF\xBB\xBF", 3) != 0) {
		fprintf(stderr, "rchain: out of memory\n");
		status = EXIT_FAILED;
	}
	if (status == EXIT_CLEAN)
		status = produce(output, &in, &data);
	if (status == EXIT_CLEAN)
		status = write_output(s, path, &data, true);
	rc_buffer_free(&data);
	rc_confidence_free(&confidence);
	rc_findings_free(&findings);
	rc_model_free(&model);
	return status;
}
