/* rchain new: start a model from a template. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static void new_help(void)
{
	fputs("usage: rchain new [--template NAME] [-o FILE]\n"
	      "\n"
	      "Start a model from a template: blank (all seven levels, one example step\n"
	      "each), partnership (one pathway of the What Works Scotland chain) or columns\n"
	      "(a columns-only table). It goes to standard output unless -o is given; -o\n"
	      "never replaces an existing file.\n"
	      "\n"
	      "options:\n"
	      "  -t, --template NAME   blank (default), partnership or columns\n"
	      "  -o, --output FILE     where to write the model\n"
	      "  -h, --help            show this help\n",
	      stdout);
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

	while ((c = getopt_long(argc, argv, "t:o:h", options, NULL)) != -1) {
		switch (c) {
		case 't': name = optarg; break;
		case 'o':
			if (!*optarg)
				return usage_error("new", "-o needs a file name ('-' for standard output)");
			output = optarg;
			break;
		case 'h': new_help(); return EXIT_CLEAN;
		default: return bad_option("new", options, argv);
		}
	}
	if (optind != argc)
		return usage_error("new", "takes no arguments besides its options");
	data.data = (char *)rc_template_text(name, &len);
	if (!data.data)
		return usage_error("new", "--template must be blank, partnership or columns");
	data.len = len;
	/* Model files are edited by hand: writing one never replaces a file that exists. */
	return write_output(s, output, &data, false);
}
