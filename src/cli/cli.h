/* What the commands of the rchain tool share: exit codes, the session and the error and output helpers. */
#ifndef RCHAIN_CLI_H
#define RCHAIN_CLI_H

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
	OPT_NO_FINDINGS
};

/* What every command works with: the library context and the evidence base (default plus --evidence files). */
struct session {
	rc_context *ctx;
	rc_evidence_base *evidence;
};

/* The authoring and interop commands (interop.c); each returns an exit status. */
int cmd_new(struct session *s, int argc, char **argv);
int cmd_diff(struct session *s, int argc, char **argv);
int cmd_export(struct session *s, int argc, char **argv);
int cmd_import(struct session *s, int argc, char **argv);

/* Reports a usage error in one line and returns EXIT_USAGE; `command` may be NULL. */
int usage_error(const char *command, const char *what);

/* Reports the option getopt_long() just refused and returns EXIT_USAGE. */
int bad_option(const char *command, char **argv);

/* Prints `err` as one line on standard error. */
void print_error(const rc_error *err);

/* Parses a positive decimal number into `out`; -1 when `text` is not one. */
int parse_size(const char *text, size_t *out);

/* Adds an evidence-base file to the session; prints the error and returns -1 on failure. */
int add_evidence(struct session *s, const char *path);

/* Loads, checks and rates one model; on failure prints the error (kept in `err`) and returns EXIT_FAILED. */
int load_and_check(struct session *s, const char *path, const rc_check_options *opts, rc_model **model,
                   rc_findings **findings, rc_confidence **confidence, rc_error *err);

/* Writes output/<model id>.<ext> into `path`, creating output/ when it is missing; -1 with a message on failure. */
int default_output(char *path, size_t size, const rc_model *model, const char *ext);

/* Writes `data` atomically to `path` ('-' is standard output) and returns an exit status. */
int write_output(const char *path, const rc_buffer *data);

#endif
