/* Files shared by the commands of the rchain tool: inputs noted, models loaded, outputs produced and written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

void print_error(const rc_error *err)
{
	char line[2200];

	rc_error_format(err, line, sizeof(line));
	fprintf(stderr, "%s\n", line);
}

void print_problems(rc_problems **problems)
{
	size_t i;

	for (i = 0; i < rc_problems_count(*problems); i++) {
		const rc_finding *f = rc_problems_at(*problems, i);
		rc_error line = { 0 };

		/* One line each, in the one diagnostic format, with the rule that explains it. */
		line.status = RC_EINVALID;
		snprintf(line.file, sizeof(line.file), "%s", f->loc.file);
		line.line = f->loc.line;
		line.column = f->loc.column;
		snprintf(line.message, sizeof(line.message), "%.900s [%s %s]", f->message, f->rule->code,
		         f->rule->slug);
		print_error(&line);
	}
	rc_problems_free(problems);
}

int note_input(struct session *s, const char *path)
{
	const char **grown = realloc(s->inputs, (s->input_count + 1) * sizeof(*grown));

	if (!grown) {
		fprintf(stderr, "rchain: out of memory\n");
		return EXIT_FAILED;
	}
	s->inputs = grown;
	s->inputs[s->input_count++] = path;
	return EXIT_CLEAN;
}

int add_evidence(struct session *s, const char *path)
{
	rc_error err = { 0 };
	rc_problems *problems;

	if (note_input(s, path) != EXIT_CLEAN)
		return -1;
	if (rc_evidence_base_add_problems(s->evidence, &problems, s->ctx, path, &err) == 0)
		return 0;
	if (problems)
		print_problems(&problems);
	else
		print_error(&err);
	return -1;
}

/* Loads one model; problems go to `*problems` when it is not NULL, else they and any error are printed. */
static int load(struct session *s, const char *path, rc_model **model, rc_problems **problems, rc_error *err)
{
	rc_problems *found;

	if (rc_model_load_problems(model, &found, s->ctx, path, err) == 0)
		return EXIT_CLEAN;
	if (found && problems)
		*problems = found;
	else if (found)
		print_problems(&found);
	else
		print_error(err);
	return EXIT_FAILED;
}

int load_model(struct session *s, const char *path, rc_model **model, rc_error *err)
{
	return load(s, path, model, NULL, err);
}

int load_and_check(struct session *s, const char *path, const rc_check_options *opts, rc_model **model,
                   rc_findings **findings, rc_confidence **confidence, rc_problems **problems, rc_error *err)
{
	if (load(s, path, model, problems, err) != EXIT_CLEAN)
		return EXIT_FAILED;
	if (rc_check_run(findings, *model, opts, err) != 0 || rc_confidence_new(confidence, *model, err) != 0) {
		print_error(err);
		rc_findings_free(findings);
		rc_model_free(model);
		return EXIT_FAILED;
	}
	return EXIT_CLEAN;
}

int default_output(char *path, size_t size, const rc_model *model, const char *ext)
{
	if (mkdir("output", 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "rchain: cannot create output/: %s\n", strerror(errno));
		return -1;
	}
	snprintf(path, size, "output/%s.%s", rc_model_id(model), ext);
	return 0;
}

int refuse_input(const struct session *s, const char *path)
{
	struct stat out, in;
	size_t i;

	if (strcmp(path, "-") == 0 || stat(path, &out) != 0)
		return -1;
	for (i = 0; i < s->input_count; i++)
		if (strcmp(s->inputs[i], "-") != 0 && stat(s->inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino) {
			fprintf(stderr,
			        "%s: error: is the same file as the input %s; write the output to another file\n", path,
			        s->inputs[i]);
			return EXIT_FAILED;
		}
	return -1;
}

int write_output(const struct session *s, const char *path, const rc_buffer *data, bool replace)
{
	rc_error err = { 0 };
	struct stat st;
	int status;

	if (strcmp(path, "-") == 0) {
		if (fwrite(data->data, 1, data->len, stdout) != data->len || fflush(stdout) != 0) {
			fprintf(stderr, "rchain: cannot write to standard output\n");
			return EXIT_FAILED;
		}
		return EXIT_CLEAN;
	}
	if ((status = refuse_input(s, path)) >= 0)
		return status;
	if (!replace && stat(path, &st) == 0) {
		fprintf(stderr, "%s: error: already exists; remove it or choose another name\n", path);
		return EXIT_FAILED;
	}
	if (rc_file_write_atomic(path, data->data, data->len, s->force ? RC_WRITE_FORCE : 0, &err) != 0) {
		print_error(&err);
		return EXIT_FAILED;
	}
	fprintf(stderr, "rchain: wrote %s\n", path);
	return EXIT_CLEAN;
}

int produce(const rc_output *output, const rc_output_input *in, rc_buffer *data)
{
	rc_error err = { 0 };

	if (output->write(rc_buffer_sink, data, in, &err) != 0) {
		print_error(&err);
		return EXIT_FAILED;
	}
	return EXIT_CLEAN;
}
