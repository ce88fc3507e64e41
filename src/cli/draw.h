/* What render and report share: their options, and drawing a checked model to a file. */
#ifndef RCHAIN_CLI_DRAW_H
#define RCHAIN_CLI_DRAW_H

#include "cli.h"

/* One drawing command: its name, its help, and what its options chose. */
struct drawing {
	const char *command; /* "render" or "report": the command of its back-ends in the registry */
	void (*help)(void);  /* prints the command's --help */
	const char *format;  /* --format, render only; NULL when not given */
	const char *output;  /* -o; NULL for output/<model id>.<extension> */
	rc_render_input in;
	bool watch; /* --watch: draw again whenever the model or an evidence file changes */
};

/* Parses the options of `d->command`, loads and checks the model, and writes the drawing; an exit status. */
int run_drawing(struct session *s, struct drawing *d, int argc, char **argv);

#endif
