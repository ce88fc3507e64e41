/* Helpers shared by the commands of the rchain tool. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int usage_error(const char *command, const char *what)
{
	fprintf(stderr, "rchain%s%s: %s (see 'rchain%s%s --help')\n", command ? " " : "", command ? command : "", what,
	        command ? " " : "", command ? command : "");
	return EXIT_USAGE;
}

int bad_option(const char *command, char **argv)
{
	char what[512];

	snprintf(what, sizeof(what), "unknown or incomplete option '%s'", argv[optind - 1]);
	return usage_error(command, what);
}

void print_error(const rc_error *err)
{
	char line[2200];

	rc_error_format(err, line, sizeof(line));
	fprintf(stderr, "%s\n", line);
}

int parse_size(const char *text, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || end == text || *end || v == 0 || text[0] == '-')
		return -1;
	*out = (size_t)v;
	return 0;
}

int add_evidence(struct session *s, const char *path)
{
	rc_error err = { 0 };

	if (rc_evidence_base_add(s->evidence, s->ctx, path, &err) == 0)
		return 0;
	print_error(&err);
	return -1;
}

int load_and_check(struct session *s, const char *path, const rc_check_options *opts, rc_model **model,
                   rc_findings **findings, rc_error *err)
{
	if (rc_model_load(model, s->ctx, path, err) != 0 || rc_check_run(findings, *model, opts, err) != 0) {
		print_error(err);
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

int write_output(const char *path, const rc_buffer *data)
{
	rc_error err = { 0 };

	if (strcmp(path, "-") == 0) {
		if (fwrite(data->data, 1, data->len, stdout) != data->len || fflush(stdout) != 0) {
			fprintf(stderr, "rchain: cannot write to standard output\n");
			return EXIT_FAILED;
		}
		return EXIT_CLEAN;
	}
	if (rc_file_write_atomic(path, data->data, data->len, 0, &err) != 0) {
		print_error(&err);
		return EXIT_FAILED;
	}
	fprintf(stderr, "rchain: wrote %s\n", path);
	return EXIT_CLEAN;
}
