/* rchain: the command-line tool, a thin layer over the public library API. */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const usage_text =
        "usage: rchain COMMAND [OPTIONS] [ARGS]\n"
        "\n"
        "Check and draw contribution-analysis results chains (logic models).\n"
        "\n"
        "commands:\n"
        "  check    check models against the rule catalogue and the evidence base\n"
        "  render   draw a model's chain as svg, png, pdf or dot\n"
        "  report   write a self-contained HTML report on a model\n"
        "  evidence list the evidence base, or explain one entry\n"
        "  schema   print the XML schema of the model or evidence-base format\n"
        "  rules    list the rule catalogue, or explain one rule\n"
        "  new      start a model from a template\n"
        "  diff     compare two versions of a model\n"
        "  export   write a model as a CSV or Markdown table, or a Kumu blueprint\n"
        "  import   turn a logic-model table in CSV into a model\n"
        "\n"
        "Run 'rchain COMMAND --help' for a command's options.\n"
        "exit status: 0 clean, 1 findings at failing severity, 2 a file could not be processed, 3 bad usage\n";

static const char *const check_help =
        "usage: rchain check [--format text|json|sarif] [--evidence FILE]... [--strict] [--disable CODE]... MODEL...\n"
        "\n"
        "Check each MODEL ('-' reads standard input) and print every finding as\n"
        "FILE:LINE:COL: SEVERITY: MESSAGE [CODE slug] with a hint line, then one summary\n"
        "line per file with the confidence of each outcome.\n"
        "\n"
        "options:\n"
        "  -f, --format F    text (default), json or sarif (SARIF 2.1.0)\n"
        "  --strict          fail (exit 1) on warnings as well as errors\n"
        "  --disable CODE    skip a rule (code or slug); repeatable\n"
        "  --evidence FILE   also check against this evidence base; repeatable\n"
        "  --max-file-size N refuse model files over N bytes (default 67108864)\n"
        "  -h, --help        show this help\n";

static const char *const render_help =
        "usage: rchain render [--format FORMAT] [-o FILE] [--direction LR|TB] [--focus ID] [--hide-evidence]\n"
        "                     [--no-findings] [--evidence FILE]... MODEL\n"
        "\n"
        "Check MODEL and draw its chain with confidence, findings, assumptions and risks\n"
        "marked, a legend and a key. The output goes to output/<model id>.<format> unless\n"
        "-o is given ('-o -' writes to standard output).\n"
        "\n"
        "options:\n"
        "  -f, --format FORMAT   svg (default), png, pdf or dot\n"
        "  -o, --output FILE     where to write the drawing\n"
        "  --direction DIR       LR: levels as columns left to right (default); TB: top to bottom\n"
        "  --focus ID            draw only step ID and the pathways into it\n"
        "  --hide-evidence       leave out evidence counts, assumption and risk markers and the key\n"
        "  --no-findings         leave out finding borders and badges\n"
        "  --evidence FILE       also check against this evidence base; repeatable\n"
        "  --max-steps N         refuse to draw more than N steps (default 2500)\n"
        "  --max-links N         refuse to draw more than N links (default 2500)\n"
        "  --max-file-size N     refuse model files over N bytes (default 67108864)\n"
        "  -h, --help            show this help\n";

static const char *const report_help =
        "usage: rchain report [-o FILE] [--direction LR|TB] [--focus ID] [--evidence FILE]... MODEL\n"
        "\n"
        "Check MODEL and write one self-contained HTML report (inline CSS and SVG, no\n"
        "scripts, no network) to output/<model id>.html unless -o is given: summary,\n"
        "diagram, findings, contribution stories, evidence gaps, assumptions, risks,\n"
        "evidence-base coverage and the logic-model table.\n"
        "\n"
        "options:\n"
        "  -o, --output FILE     where to write the report ('-' for standard output)\n"
        "  --direction DIR       LR (default) or TB, for the diagram\n"
        "  --focus ID            draw only step ID and the pathways into it in the diagram\n"
        "  --evidence FILE       also check against this evidence base; repeatable\n"
        "  --max-steps N         refuse to draw more than N steps (default 2500)\n"
        "  --max-links N         refuse to draw more than N links (default 2500)\n"
        "  --max-file-size N     refuse model files over N bytes (default 67108864)\n"
        "  -h, --help            show this help\n";

static const char *const schema_help = "usage: rchain schema [model|evidence]\n"
                                       "\n"
                                       "Print the XML Schema (XSD) of the model format (default) or of the\n"
                                       "evidence-base format, for editors and validators.\n";

static const char *const evidence_help =
        "usage: rchain evidence [--evidence FILE]... [ID]\n"
        "\n"
        "List the evidence base (the default one built from the seed reviews, plus any\n"
        "--evidence files) with the citation of each entry, or explain the entry ID.\n";

static const char *const rules_help = "usage: rchain rules [CODE]\n"
                                      "\n"
                                      "List the rule catalogue, or explain the rule with this code or slug.\n";

/* One file of a check run; free_checked() releases what it holds. */
struct checked_file {
	rc_model *model;
	rc_findings *findings;
	rc_error error;
};

static void free_checked(struct checked_file *files, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		rc_findings_free(&files[i].findings);
		rc_model_free(&files[i].model);
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
static int report_check(struct session *s, const rc_findings_format *format, char **paths, size_t count,
                        const rc_check_options *opts, int strict)
{
	struct checked_file *files = calloc(count, sizeof(*files));
	rc_checked *views = calloc(count, sizeof(*views));
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

		if (load_and_check(s, paths[i], opts, &f->model, &f->findings, &f->error) != EXIT_CLEAN)
			views[i].error = &f->error;
		views[i].file = f->model ? rc_model_file(f->model) : strcmp(paths[i], "-") == 0 ? "<stdin>" : paths[i];
		views[i].model = f->model;
		views[i].findings = f->findings;
		one = file_status(f, strict);
		if (one > status)
			status = one;
	}
	if (format->render(write_stdout, &write_errno, views, count, &err) != 0 && err.status != RC_EIO) {
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

static int cmd_check(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "disable", required_argument, NULL, OPT_DISABLE },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const rc_findings_format *format = rc_findings_format_find("text");
	const char **disabled = calloc((size_t)argc, sizeof(*disabled));
	rc_check_options opts = { 0 };
	int strict = 0, status = -1, c;

	opts.evidence = s->evidence;

	if (!disabled)
		return EXIT_FAILED;
	while (status < 0 && (c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = rc_findings_format_find(optarg);
			if (!format)
				status = usage_error("check", "--format must be text, json or sarif");
			break;
		case OPT_STRICT: strict = 1; break;
		case OPT_DISABLE:
			if (rc_rule_find(optarg))
				disabled[opts.disabled_count++] = optarg;
			else
				status = usage_error("check", "--disable names an unknown rule code or slug");
			break;
		case OPT_MAX_FILE:
			if (parse_size(optarg, &rc_context_limits(s->ctx)->max_file_bytes) != 0)
				status = usage_error("check", "--max-file-size takes a positive number of bytes");
			break;
		case OPT_EVIDENCE:
			if (add_evidence(s, optarg) != 0)
				status = EXIT_FAILED;
			break;
		case 'h':
			fputs(check_help, stdout);
			status = EXIT_CLEAN;
			break;
		default: status = bad_option("check", argv); break;
		}
	}
	if (status < 0 && optind >= argc)
		status = usage_error("check", "no model file given");
	opts.disabled = disabled;
	if (status < 0)
		status = report_check(s, format, argv + optind, (size_t)(argc - optind), &opts, strict);
	free(disabled);
	return status;
}

/*
 * render and report: parse the options both share, load the model, check it
 * against the diagram limits, check it, and hand it to `draw`.
 */
struct drawing {
	const char *command;
	const rc_renderer *renderer; /* render only */
	const char *output;
	rc_render_input in;
};

static int parse_drawing(struct session *s, struct drawing *d, int argc, char **argv, const char *help)
{
	/* The first three are render's own: report takes the rest. */
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "hide-evidence", no_argument, NULL, OPT_HIDE_EVIDENCE },
		{ "no-findings", no_argument, NULL, OPT_NO_FINDINGS },
		{ "output", required_argument, NULL, 'o' },
		{ "direction", required_argument, NULL, OPT_DIRECTION },
		{ "focus", required_argument, NULL, OPT_FOCUS },
		{ "max-steps", required_argument, NULL, OPT_MAX_STEPS },
		{ "max-links", required_argument, NULL, OPT_MAX_LINKS },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int report = d->renderer == NULL, c;

	while ((c = getopt_long(argc, argv, report ? "o:h" : "f:o:h", report ? options + 3 : options, NULL)) != -1) {
		switch (c) {
		case 'f':
			d->renderer = rc_diagram_renderer(optarg);
			if (!d->renderer)
				return usage_error(d->command, "--format must be svg, png, pdf or dot");
			break;
		case 'o':
			if (!*optarg)
				return usage_error(d->command, "-o needs a file name ('-' for standard output)");
			d->output = optarg;
			break;
		case OPT_DIRECTION:
			if (rc_layout_direction_from_name(&d->in.direction, optarg) != 0)
				return usage_error(d->command, "--direction must be LR or TB");
			break;
		case OPT_FOCUS: d->in.focus = optarg; break;
		case OPT_HIDE_EVIDENCE: d->in.hide_evidence = 1; break;
		case OPT_NO_FINDINGS: d->in.no_findings = 1; break;
		case OPT_MAX_FILE:
			if (parse_size(optarg, &rc_context_limits(s->ctx)->max_file_bytes) != 0)
				return usage_error(d->command, "--max-file-size takes a positive number of bytes");
			break;
		case OPT_MAX_STEPS:
			if (parse_size(optarg, &d->in.max_steps) != 0)
				return usage_error(d->command, "--max-steps takes a positive number");
			break;
		case OPT_MAX_LINKS:
			if (parse_size(optarg, &d->in.max_links) != 0)
				return usage_error(d->command, "--max-links takes a positive number");
			break;
		case OPT_EVIDENCE:
			if (add_evidence(s, optarg) != 0)
				return EXIT_FAILED;
			break;
		case 'h': fputs(help, stdout); return EXIT_CLEAN;
		default: return bad_option(d->command, argv);
		}
	}
	if (argc - optind != 1)
		return usage_error(d->command, "give exactly one model file");
	return -1;
}

static int draw(struct session *s, struct drawing *d, const char *path)
{
	rc_check_options opts = { 0 };
	rc_findings *findings = NULL;
	rc_model *model = NULL;
	rc_buffer data = { 0 };
	rc_error err = { 0 };
	char out[4096];
	int rc, status;

	opts.evidence = s->evidence;
	if (rc_model_load(&model, s->ctx, path, &err) != 0) {
		print_error(&err);
		return EXIT_FAILED;
	}
	d->in.model = model;
	/*
	 * A diagram over the limits is refused before the check, which is not free
	 * on a huge model either; a report is still written, without its diagram.
	 */
	if ((d->renderer && rc_diagram_fits(&d->in, &err) != 0) || rc_check_run(&findings, model, &opts, &err) != 0) {
		print_error(&err);
		rc_model_free(&model);
		return EXIT_FAILED;
	}
	d->in.findings = findings;
	d->in.evidence = s->evidence;
	rc = d->renderer ? d->renderer->render(&data, &d->in, &err) : rc_report_html(&data, &d->in, &err);
	if (rc != 0) {
		print_error(&err);
		status = EXIT_FAILED;
	} else if (!d->output &&
	           default_output(out, sizeof(out), model, d->renderer ? d->renderer->extension : "html") != 0) {
		status = EXIT_FAILED;
	} else {
		status = write_output(d->output ? d->output : out, &data);
	}
	rc_buffer_free(&data);
	rc_findings_free(&findings);
	rc_model_free(&model);
	return status;
}

/* render, or report when `renderer` is NULL. */
static int run_drawing(struct session *s, int argc, char **argv, const char *command, const rc_renderer *renderer,
                       const char *help)
{
	struct drawing d = { command, renderer, NULL, { 0 } };
	int status = parse_drawing(s, &d, argc, argv, help);

	return status >= 0 ? status : draw(s, &d, argv[optind]);
}

static int cmd_render(struct session *s, int argc, char **argv)
{
	return run_drawing(s, argc, argv, "render", rc_diagram_renderer("svg"), render_help);
}

static int cmd_report(struct session *s, int argc, char **argv)
{
	return run_drawing(s, argc, argv, "report", NULL, report_help);
}

/* For the commands without options: -h or --help as the first word prints HELP. */
static bool prints_help(int argc, char **argv, const char *help)
{
	if (argc < 2 || (strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--help") != 0))
		return false;
	fputs(help, stdout);
	return true;
}

static int cmd_schema(struct session *s, int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "model";
	const char *text;
	size_t len;

	(void)s;
	if (prints_help(argc, argv, schema_help))
		return EXIT_CLEAN;
	if (argc > 2)
		return usage_error("schema", "give at most one schema name");
	text = rc_schema_text(name, &len);
	if (!text)
		return usage_error("schema", "unknown schema (try 'model' or 'evidence')");
	fwrite(text, 1, len, stdout);
	return EXIT_CLEAN;
}

static void list_rules(void)
{
	size_t i;

	for (i = 0; i < rc_rule_count(); i++) {
		const rc_rule *rule = rc_rule_at(i);

		printf("%s  %-7s  %-26s %s\n", rule->code, rc_severity_name(rule->severity), rule->slug, rule->summary);
	}
}

static int cmd_rules(struct session *s, int argc, char **argv)
{
	const rc_rule *rule;

	(void)s;
	if (prints_help(argc, argv, rules_help))
		return EXIT_CLEAN;
	if (argc > 2)
		return usage_error("rules", "give at most one rule code");
	if (argc == 1) {
		list_rules();
		return EXIT_CLEAN;
	}
	rule = rc_rule_find(argv[1]);
	if (!rule)
		return usage_error("rules", "unknown rule code or slug");
	printf("%s %s (%s)\n\n%s\n\n%s\n\nsource: %s\nhint: %s\n", rule->code, rule->slug,
	       rc_severity_name(rule->severity), rule->summary, rule->explanation, rule->source, rule->hint);
	return EXIT_CLEAN;
}

static const char *level_of(const rc_entry *e)
{
	return e->whole_model ? "model" : rc_level_name(e->level);
}

static void print_condition(const rc_condition *c)
{
	fputs("applies when:", stdout);
	if (c->formation >= 0)
		printf(" formation is %s;", rc_formation_name((rc_formation)c->formation));
	if (c->sector >= 0)
		printf(" a partner is %s-sector;", rc_sector_name((rc_sector)c->sector));
	if (c->level >= 0)
		printf(" the model has a %s step;", rc_level_name((rc_level)c->level));
	if (c->min_partners)
		printf(" at least %zu partners;", c->min_partners);
	if (c->min_strands)
		printf(" at least %zu strands;", c->min_strands);
	if (c->min_steps)
		printf(" at least %zu steps;", c->min_steps);
	fputs("\n", stdout);
}

static int explain_entry(const rc_evidence_base *eb, const rc_entry *e)
{
	rc_buffer cite = { 0 };
	size_t i;

	printf("%s (%s, %s)\n\n%s\n\n", e->id, rc_entry_kind_name(e->kind), level_of(e), e->text);
	for (i = 0; i < e->cite_count; i++) {
		cite.len = 0;
		if (rc_cite_format(&cite, eb, &e->cites[i]) != 0) {
			rc_buffer_free(&cite);
			return EXIT_FAILED;
		}
		printf("source: %s\n", cite.data);
	}
	if (e->keywords)
		printf("keywords: %s\n", e->keywords);
	for (i = 0; i < e->condition_count; i++)
		print_condition(&e->conditions[i]);
	if (e->condition_count == 0)
		fputs("applies to every model\n", stdout);
	rc_buffer_free(&cite);
	return EXIT_CLEAN;
}

static int list_evidence(const rc_evidence_base *eb)
{
	rc_buffer cite = { 0 };
	size_t i;

	for (i = 0; i < rc_evidence_base_count(eb); i++) {
		const rc_entry *e = rc_evidence_base_entry(eb, i);

		cite.len = 0;
		if (rc_cite_format(&cite, eb, &e->cites[0]) != 0) {
			rc_buffer_free(&cite);
			return EXIT_FAILED;
		}
		printf("%s  %s  %s  %s  [%s]\n", e->id, rc_entry_kind_name(e->kind), level_of(e), e->text, cite.data);
	}
	rc_buffer_free(&cite);
	return EXIT_CLEAN;
}

static int cmd_evidence(struct session *s, int argc, char **argv)
{
	static const struct option options[] = {
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const rc_entry *e;
	int c;

	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case OPT_EVIDENCE:
			if (add_evidence(s, optarg) != 0)
				return EXIT_FAILED;
			break;
		case 'h': fputs(evidence_help, stdout); return EXIT_CLEAN;
		default: return bad_option("evidence", argv);
		}
	}
	if (argc - optind > 1)
		return usage_error("evidence", "give at most one entry id");
	if (argc == optind)
		return list_evidence(s->evidence);
	e = rc_evidence_base_find(s->evidence, argv[optind]);
	if (!e)
		return usage_error("evidence", "unknown entry id (run 'rchain evidence' for the list)");
	return explain_entry(s->evidence, e);
}

static const struct command {
	const char *name;
	int (*run)(struct session *s, int argc, char **argv);
	int needs_session; /* loads models or evidence: compile the schemas, load the evidence base */
} commands[] = {
	{ "check", cmd_check, 1 },   { "render", cmd_render, 1 }, { "report", cmd_report, 1 },
	{ "schema", cmd_schema, 0 }, { "rules", cmd_rules, 0 },   { "evidence", cmd_evidence, 1 },
	{ "new", cmd_new, 0 },       { "diff", cmd_diff, 1 },     { "export", cmd_export, 1 },
	{ "import", cmd_import, 1 },
};

static int run_command(const struct command *command, int argc, char **argv)
{
	struct session s = { NULL, NULL };
	rc_error err = { 0 };
	int status;

	if (command->needs_session &&
	    (rc_context_new(&s.ctx, &err) != 0 || rc_evidence_base_new(&s.evidence, s.ctx, &err) != 0)) {
		print_error(&err);
		rc_context_free(&s.ctx);
		return EXIT_FAILED;
	}
	opterr = 0;
	optind = 1;
	status = command->run(&s, argc, argv);
	rc_evidence_base_free(&s.evidence);
	rc_context_free(&s.ctx);
	return status;
}

int main(int argc, char **argv)
{
	size_t i;

	/*
	 * glibc raises its mmap threshold to the size of each large block freed, up
	 * to 32 MiB, and serves later large blocks from the heap, which keeps their
	 * pages after they are freed. The arrays and buffers of a large model grow
	 * by reallocation and come and go between loading, checking and output, so
	 * a fixed threshold lets each be mapped, grown in place by mremap and given
	 * back to the system when freed: peak memory stays near what is live.
	 */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	if (argc < 2)
		return usage_error(NULL, "no command given");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		fputs(usage_text, stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("rchain %s\n", rc_version());
		return EXIT_CLEAN;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			int status = run_command(&commands[i], argc - 1, argv + 1);

			/* What is still buffered is written now: a full disk must not pass for success. */
			if (fflush(stdout) != 0 || ferror(stdout)) {
				if (status != EXIT_FAILED)
					fprintf(stderr, "rchain: cannot write to standard output: %s\n",
					        strerror(errno));
				return EXIT_FAILED;
			}
			return status;
		}
	return usage_error(NULL, "unknown command");
}
