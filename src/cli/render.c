/* rchain render: draw a model's chain through one of the diagram back-ends. */
#include <stdio.h>

#include "draw.h"

static void render_help(void)
{
	char phrase[256];

	printf("usage: rchain render [--format FORMAT] [-o FILE] [--direction LR|TB] [--focus ID | --view VIEW]\n"
	       "                     [--key STYLE] [--hide-evidence] [--no-findings] [--evidence FILE]... [--watch] "
	       "MODEL\n"
	       "\n"
	       "Check MODEL and draw its chain with confidence, findings, assumptions and risks\n"
	       "marked, a legend and a key. The output goes to output/<model id>.<format> unless\n"
	       "-o is given ('-o -' writes to standard output); without --format, the extension\n"
	       "of -o FILE picks the format.\n"
	       "\n"
	       "options:\n"
	       "  -f, --format FORMAT   %s\n"
	       "  -o, --output FILE     where to write the drawing\n"
	       "  --force               replace FILE even when it is read-only (keeping its mode)\n"
	       "  --direction DIR       LR: levels as columns left to right (default); TB: top to bottom\n"
	       "  --focus ID            draw only step ID and the pathways into it; or, for a strand\n"
	       "                        or strand group ID, its steps and the links among them\n"
	       "  --view VIEW           chain (default); overview: one box per strand and level;\n"
	       "                        strand:ID: the page of strand or strand group ID, with the\n"
	       "                        steps it shares with other strands as entry and exit stubs;\n"
	       "                        strand:ID:FIRST-LAST: its steps at levels FIRST to LAST only\n"
	       "                        (strand:s.health:input-engagement), as the report cuts a page\n"
	       "                        page, page:FIRST-LAST: every step (at levels FIRST to LAST) in\n"
	       "                        the style of a strand page, as the report draws a small model\n"
	       "  --key STYLE           the key of assumptions and risks: short (default, one line\n"
	       "                        each), full, or none\n"
	       "  --hide-evidence       leave out evidence counts, assumption and risk markers and the key\n"
	       "  --no-findings         leave out finding borders and badges\n"
	       "  --watch               draw again whenever MODEL or an evidence file changes,\n"
	       "                        with one status line per run; Ctrl-C stops (exit 0)\n"
	       "  --evidence FILE       also check against this evidence base; repeatable\n"
	       "  --max-steps N         refuse to draw more than N steps (default 5000)\n"
	       "  --max-links N         refuse to draw more than N links (default 8000)\n"
	       "  --max-file-size N     refuse model files over N bytes (default 67108864)\n"
	       "  -h, --help            show this help\n",
	       format_names(phrase, sizeof(phrase), "render", false, true));
	print_formats("render", true);
}

int cmd_render(struct session *s, int argc, char **argv)
{
	struct drawing d = { "render", render_help, NULL, NULL, { 0 }, false };

	return run_drawing(s, &d, argc, argv);
}
