/* rchain import: turn a logic-model table in CSV into a model. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void import_help(void)
{
	fputs("usage: rchain import csv [-o FILE] [--max-file-size N] TABLE\n"
	      "\n"
	      "Turn a logic-model table in CSV (a header row naming levels, one step per line\n"
	      "of a cell, an optional strand column) into a columns-only model with generated\n"
	      "ids. It goes to standard output unless -o is given; -o never replaces an\n"
	      "existing file.\n"
	      "\n"
	      "options:\n"
	      "  -o, --output FILE     where to write the model\n"
	      "  --max-file-size N     refuse table files over N bytes (default 67108864)\n"
	      "  -h, --help            show this help\n",
	      stdout);
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
		case 'h': import_help(); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, "import", options, c, argv)) >= 0)
				return status;
		}
	}
	if (argc - optind != 2 || strcmp(argv[optind], "csv") != 0)
		return usage_error("import", "give the table's format, csv, and one table file");
	if (note_input(s, argv[optind + 1]) != EXIT_CLEAN)
		return EXIT_FAILED;
	if (rc_import_csv(&data, s->ctx, argv[optind + 1], &err) != 0) {
		print_error(&err);
		status = EXIT_FAILED;
	} else {
		status = write_output(s, output, &data, false);
	}
	rc_buffer_free(&data);
	return status;
}
