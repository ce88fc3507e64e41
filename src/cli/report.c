/* rchain report: one self-contained HTML report on a model. */
#include <stdio.h>

#include "draw.h"

static void report_help(void)
{
	printf("usage: rchain report [-o FILE] [--full] [--date YYYY-MM-DD] [--direction LR|TB]\n"
	       "                     [--focus ID] [--key STYLE] [--evidence FILE]... [--severity S]\n"
	       "                     [--watch] MODEL\n"
	       "\n"
	       "Check MODEL and write one self-contained HTML report (inline CSS and SVG, no\n"
	       "scripts, no network) to output/<model id>.html unless -o is given. By default a\n"
	       "board report: a verdict, confidence per outcome, the diagram, the weakest links,\n"
	       "the evidence gaps and the findings that matter most. It prints on A4 with the\n"
	       "model's title and date on every page.\n"
	       "\n"
	       "options:\n"
	       "  -o, --output FILE     where to write the report ('-' for standard output)\n"
	       "  --force               replace FILE even when it is read-only (keeping its mode)\n"
	       "  --full                add every finding, the contribution stories, assumptions,\n"
	       "                        risks, evidence-base coverage and the logic-model table\n"
	       "  --date YYYY-MM-DD     the report's date (default: $SOURCE_DATE_EPOCH when set,\n"
	       "                        else the model file's modification date, in UTC)\n"
	       "  --watch               draw again whenever MODEL or an evidence file changes,\n"
	       "                        with one status line per run; Ctrl-C stops (exit 0)\n"
	       "  --direction DIR       LR (default) or TB, for the diagram\n"
	       "  --focus ID            draw only step ID and the pathways into it in the diagram\n"
	       "  --key STYLE           the diagram's key of assumptions and risks: short (default),\n"
	       "                        full, or none; the full report lists them whole\n"
	       "  --evidence FILE       also check against this evidence base; repeatable\n"
	       "  --severity S          list findings of severity S (error, warning, note) and\n"
	       "                        above in the findings section; the summary counts all\n"
	       "  --max-steps N         refuse to draw more than N steps (default 5000)\n"
	       "  --max-links N         refuse to draw more than N links (default 8000)\n"
	       "  --max-file-size N     refuse model files over N bytes (default 67108864)\n"
	       "  -h, --help            show this help\n");
	print_formats("report", true);
}

int cmd_report(struct session *s, int argc, char **argv)
{
	struct drawing d = { "report", report_help, NULL, NULL, { 0 }, false };

	return run_drawing(s, &d, argc, argv);
}
