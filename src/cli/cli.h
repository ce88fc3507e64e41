/* What the commands of the rchain tool share: exit codes, the session, option parsing and output. */
#ifndef RCHAIN_CLI_H
#define RCHAIN_CLI_H

#include <stdbool.h>

#include "rchain/rchain.h"

/* Exit status, after ShellCheck: the tool failing is kept apart from the model having findings. */
enum exit_status { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_FAILED = 2, EXIT_USAGE = 3 };

/* Long options without a short form, shared so that one name means one thing in every command. */
enum {
	OPT_STRICT = 256,
	OPT_DISABLE,
	OPT_DIRECTION,
	OPT_MAX_FILE,
	OPT_EVIDENCE,
	OPT_MAX_STEPS,
	OPT_MAX_LINKS,
	OPT_FOCUS,
	OPT_HIDE_EVIDENCE,
	OPT_NO_FINDINGS,
	OPT_KEY,
	OPT_FORCE,
	OPT_BOM,
	OPT_UNADDRESSED,
	OPT_SEVERITY,
	OPT_VIEW,
	OPT_WATCH,
	OPT_FULL,
	OPT_DATE
};

/*
 * What every command works with: the library context, the evidence base
 * (default plus --evidence files), and the files read so far, which no output may replace.
 */
struct session {
	rc_context *ctx;
	rc_evidence_base *evidence;
	const char **inputs;
	size_t input_count;
	bool force; /* --force: replace a read-only output too */
};

/* The commands, one file each; each returns an exit status. */
int cmd_check(struct session *s, int argc, char **argv);
int cmd_render(struct session *s, int argc, char **argv);
int cmd_report(struct session *s, int argc, char **argv);
int cmd_schema(struct session *s, int argc, char **argv);
int cmd_rules(struct session *s, int argc, char **argv);
int cmd_evidence(struct session *s, int argc, char **argv);
int cmd_new(struct session *s, int argc, char **argv);
int cmd_diff(struct session *s, int argc, char **argv);
int cmd_export(struct session *s, int argc, char **argv);
int cmd_import(struct session *s, int argc, char **argv);
int cmd_lsp(struct session *s, int argc, char **argv);

/* ---- options (options.c) ---- */

/* Reports a usage error in one line and returns EXIT_USAGE; `command` may be NULL. */
int usage_error(const char *command, const char *what);

/*
 * "; did you mean 'PREFIX WORD'?" for the suggestion of `near`, or "" when it
 * has none (static storage, until the next call).
 */
const char *did_you_mean(const rc_suggestion *near, const char *prefix);

struct option;

/*
 * Reports the option getopt_long() just refused and returns EXIT_USAGE; a
 * misspelt long option gets the closest of `options` (the command's table).
 */
int bad_option(const char *command, const struct option *options, char **argv);

/* Reports `what` about the unknown rule `word`, with the closest code or slug; EXIT_USAGE. */
int unknown_rule(const char *command, const char *what, const char *word);

/* Parses a positive decimal number into `out`; -1 when `text` is not one. */
int parse_size(const char *text, size_t *out);

/* Handles --evidence FILE, --max-file-size N and --force, and refuses other options; an exit status, or -1 to go on. */
int common_option(struct session *s, const char *command, const struct option *options, int c, char **argv);

/* For the commands without options: -h or --help as the first word prints `help` and returns true. */
bool prints_help(int argc, char **argv, void (*help)(void));

/*
 * The formats of `command` from the output registry, into `buf`: joined by
 * '|' ("svg|png|pdf|dot") when `bar`, else as a phrase ("svg (default), png,
 * pdf or dot", the default marked when `mark_default`). Returns `buf`.
 */
const char *format_names(char *buf, size_t size, const char *command, bool bar, bool mark_default);

/* Prints the "formats:" section of the help of `command`: name, extensions, media type and summary of each. */
void print_formats(const char *command, bool by_extension);

/*
 * Picks the back-end of `command` for --format `format` (NULL when not
 * given) and -o `path` (NULL or "-": none): the format named, else the one
 * the extension of `path` names, else the default. An unknown format, an
 * extension no back-end of `command` writes, or one that `format` does not
 * write is a usage error. Returns -1 with `*out` set, or an exit status.
 */
int pick_output(const rc_output **out, const char *command, const char *format, const char *path);

/* ---- files (cli.c) ---- */

/* Prints `err` as one line on standard error. */
void print_error(const rc_error *err);

/* Prints the problems of a file that does not load on standard error, one line each with its rule, and frees them. */
void print_problems(rc_problems **problems);

/* Adds an evidence-base file to the session; prints the error and returns -1 on failure. */
int add_evidence(struct session *s, const char *path);

/*
 * Loads, checks and rates one model; on failure returns EXIT_FAILED, with
 * the error kept in `err`. Problems of a file that does not load go to
 * `*problems` when `problems` is not NULL, else they are printed; any other
 * error is printed.
 */
int load_and_check(struct session *s, const char *path, const rc_check_options *opts, rc_model **model,
                   rc_findings **findings, rc_confidence **confidence, rc_problems **problems, rc_error *err);

/* Loads one model; on failure prints the error and returns EXIT_FAILED. */
int load_model(struct session *s, const char *path, rc_model **model, rc_error *err);

/* Notes `path` as an input of the command, so that no output replaces it; EXIT_FAILED when out of memory. */
int note_input(struct session *s, const char *path);

/*
 * Refuses `path` when it is the same file (same device and inode, so also
 * through links) as an input noted so far: prints one line and returns
 * EXIT_FAILED. Returns -1 otherwise, and for "-".
 */
int refuse_input(const struct session *s, const char *path);

/* Writes output/<model id>.<ext> into `path`, creating output/ when it is missing; -1 with a message on failure. */
int default_output(char *path, size_t size, const rc_model *model, const char *ext);

/*
 * Writes `data` atomically to `path` ('-' is standard output) and returns an
 * exit status. A path that is the same file as an input is refused, and so is
 * any existing file unless `replace`.
 */
int write_output(const struct session *s, const char *path, const rc_buffer *data, bool replace);

/* ---- watch (watch.c) ---- */

/*
 * Runs `once` (with `user`), then again each time an input noted in the
 * session is written or replaced, printing one status line on standard error
 * after each run, until SIGINT or SIGTERM; returns EXIT_CLEAN then, or
 * EXIT_FAILED when the inputs cannot be watched.
 */
int watch_inputs(struct session *s, int (*once)(struct session *s, void *user), void *user);

/* Appends the output of `in` through the back-end `output` to `data`, or prints the error; an exit status. */
int produce(const rc_output *output, const rc_output_input *in, rc_buffer *data);

#endif
