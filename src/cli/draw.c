/* render and report: the options both take, and drawing a checked model through a back-end of the registry. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "draw.h"

/* Whether `s` is a date written YYYY-MM-DD (digits and dashes; the calendar is not checked). */
static bool is_date(const char *s)
{
	size_t i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return false;
	return s[10] == '\0';
}

/* An exit status, or -1 to go on with the model at argv[optind]. */
static int parse_drawing(struct session *s, struct drawing *d, int argc, char **argv)
{
	/* The first four are render's own: report takes the rest. */
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "view", required_argument, NULL, OPT_VIEW },
		{ "hide-evidence", no_argument, NULL, OPT_HIDE_EVIDENCE },
		{ "no-findings", no_argument, NULL, OPT_NO_FINDINGS },
		{ "output", required_argument, NULL, 'o' },
		{ "direction", required_argument, NULL, OPT_DIRECTION },
		{ "focus", required_argument, NULL, OPT_FOCUS },
		{ "key", required_argument, NULL, OPT_KEY },
		{ "max-steps", required_argument, NULL, OPT_MAX_STEPS },
		{ "max-links", required_argument, NULL, OPT_MAX_LINKS },
		{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "severity", required_argument, NULL, OPT_SEVERITY },
		{ "watch", no_argument, NULL, OPT_WATCH },
		{ "full", no_argument, NULL, OPT_FULL },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int report = strcmp(d->command, "report") == 0, c, status;
	const rc_output *output;

	while ((c = getopt_long(argc, argv, report ? "o:h" : "f:o:h", report ? options + 4 : options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((status = pick_output(&output, d->command, optarg, NULL)) >= 0)
				return status;
			d->format = optarg;
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
		case OPT_VIEW:
			if (rc_render_view_parse(&d->in, optarg) != 0)
				return usage_error(d->command, "--view must be chain, overview, strand:ID, "
				                               "strand:ID:FIRST-LAST, page or page:FIRST-LAST");
			break;
		case OPT_KEY:
			if (rc_key_style_from_name(&d->in.key, optarg) != 0)
				return usage_error(d->command, "--key must be short, full or none");
			break;
		case OPT_HIDE_EVIDENCE: d->in.hide_evidence = 1; break;
		case OPT_NO_FINDINGS: d->in.no_findings = 1; break;
		case OPT_SEVERITY:
			if (!report)
				return usage_error(d->command, "--severity applies to the report's findings section");
			if (rc_severity_from_name(&d->in.min_severity, optarg) != 0)
				return usage_error(d->command, "--severity must be error, warning or note");
			break;
		case OPT_MAX_STEPS:
			if (parse_size(optarg, &d->in.max_steps) != 0)
				return usage_error(d->command, "--max-steps takes a positive number");
			break;
		case OPT_MAX_LINKS:
			if (parse_size(optarg, &d->in.max_links) != 0)
				return usage_error(d->command, "--max-links takes a positive number");
			break;
		case OPT_WATCH: d->watch = true; break;
		case OPT_FULL:
		case OPT_DATE:
			/* The report's own: render refuses them as it refuses any option it does not take. */
			if (!report) {
				/* The word to name is the option, not the value it took from the next argument. */
				if (optarg && optarg == argv[optind - 1])
					optind--;
				return bad_option(d->command, options, argv);
			}
			if (c == OPT_FULL)
				d->in.full = 1;
			else if (!is_date(optarg))
				return usage_error(d->command, "--date takes a date written YYYY-MM-DD");
			else
				d->in.date = optarg;
			break;
		case 'h': d->help(); return EXIT_CLEAN;
		default:
			if ((status = common_option(s, d->command, options, c, argv)) >= 0)
				return status;
		}
	}
	if (d->in.focus && d->in.view != RC_VIEW_CHAIN)
		return usage_error(d->command, "--focus draws part of the chain: it cannot be combined with --view "
		                               "overview, strand:ID or page");
	if (argc - optind != 1)
		return usage_error(d->command, "give exactly one model file");
	if (d->watch && (strcmp(argv[optind], "-") == 0 || (d->output && strcmp(d->output, "-") == 0)))
		return usage_error(d->command,
		                   "--watch needs a model file and an output file, not standard input or output");
	return -1;
}

/*
 * The report's date when --date did not give one: SOURCE_DATE_EPOCH (seconds
 * since 1970) when set, else the model file's modification time (the time now
 * for standard input); as YYYY-MM-DD in UTC. 0, or an exit status.
 */
static int report_date(const char *path, char *date, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct stat st;
	struct tm tm;
	time_t when = time(NULL);
	char *end;

	if (epoch && *epoch) {
		long long seconds;

		errno = 0;
		seconds = strtoll(epoch, &end, 10);
		if (*end || errno || seconds < 0)
			return usage_error("report", "SOURCE_DATE_EPOCH must be a number of seconds since 1970");
		when = (time_t)seconds;
	} else if (strcmp(path, "-") != 0 && stat(path, &st) == 0) {
		when = st.st_mtime;
	}
	if (!gmtime_r(&when, &tm) || strftime(date, size, "%Y-%m-%d", &tm) == 0)
		return usage_error("report", "SOURCE_DATE_EPOCH is out of range");
	return 0;
}

static int draw(struct session *s, struct drawing *d, const rc_output *output, const char *path)
{
	rc_check_options opts = { 0 };
	rc_findings *findings = NULL;
	rc_confidence *confidence = NULL;
	rc_model *model = NULL;
	rc_buffer data = { 0 };
	rc_output_input in = { .view = &d->in };
	rc_error err = { 0 };
	char out[4096], date[32];
	int status;

	if (strcmp(d->command, "report") == 0 && !d->in.date) {
		if ((status = report_date(path, date, sizeof(date))) != 0)
			return status;
		d->in.date = date;
	}
	opts.evidence = s->evidence;
	if (load_model(s, path, &model, &err) != EXIT_CLEAN)
		return EXIT_FAILED;
	d->in.model = model;
	/*
	 * A diagram over the limits is refused before the check, which is not free
	 * on a huge model either; a report is still written, without its diagram.
	 */
	if ((strcmp(d->command, "render") == 0 && rc_diagram_fits(&d->in, &err) != 0) ||
	    rc_check_run(&findings, model, &opts, &err) != 0 || rc_confidence_new(&confidence, model, &err) != 0) {
		print_error(&err);
		rc_findings_free(&findings);
		rc_model_free(&model);
		return EXIT_FAILED;
	}
	d->in.findings = findings;
	d->in.confidence = confidence;
	d->in.evidence = s->evidence;
	status = produce(output, &in, &data);
	if (status == EXIT_CLEAN && !d->output && default_output(out, sizeof(out), model, output->extensions[0]) != 0)
		status = EXIT_FAILED;
	if (status == EXIT_CLEAN)
		status = write_output(s, d->output ? d->output : out, &data, true);
	rc_buffer_free(&data);
	rc_confidence_free(&confidence);
	rc_findings_free(&findings);
	rc_model_free(&model);
	return status;
}

/* What each run of --watch draws. */
struct watched {
	struct drawing *d;
	const rc_output *output;
	const char *path;
};

/* Loads the evidence files again (every input but the model), in case one changed; -1 (printed) when one fails. */
static int reload_evidence(struct session *s, const char *model)
{
	rc_evidence_base *eb = NULL;
	rc_error err = { 0 };
	size_t i;

	if (s->input_count < 2)
		return 0;
	if (rc_evidence_base_new(&eb, s->ctx, &err) != 0) {
		print_error(&err);
		return -1;
	}
	for (i = 0; i < s->input_count; i++)
		if (s->inputs[i] != model && rc_evidence_base_add(eb, s->ctx, s->inputs[i], &err) != 0) {
			print_error(&err);
			rc_evidence_base_free(&eb);
			return -1;
		}
	rc_evidence_base_free(&s->evidence);
	s->evidence = eb;
	return 0;
}

static int draw_again(struct session *s, void *user)
{
	struct watched *w = user;

	return reload_evidence(s, w->path) != 0 ? EXIT_FAILED : draw(s, w->d, w->output, w->path);
}

int run_drawing(struct session *s, struct drawing *d, int argc, char **argv)
{
	const rc_output *output;
	int status = parse_drawing(s, d, argc, argv);

	/* Replacing an input is refused first: it would lose data, whatever the format. */
	if (status < 0)
		status = note_input(s, argv[optind]) != EXIT_CLEAN ? EXIT_FAILED : -1;
	if (status < 0 && d->output)
		status = refuse_input(s, d->output);
	if (status < 0)
		status = pick_output(&output, d->command, d->format, d->output);
	if (status < 0 && d->watch) {
		struct watched w = { d, output, argv[optind] };

		return watch_inputs(s, draw_again, &w);
	}
	return status >= 0 ? status : draw(s, d, output, argv[optind]);
}
