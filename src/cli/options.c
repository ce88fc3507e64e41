/* Option parsing shared by the commands: usage errors, numbers, the common options and the output format. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int usage_error(const char *command, const char *what)
{
	fprintf(stderr, "rchain%s%s: %s (see 'rchain%s%s --help')\n", command ? " " : "", command ? command : "", what,
	        command ? " " : "", command ? command : "");
	return EXIT_USAGE;
}

const char *did_you_mean(const rc_suggestion *near, const char *prefix)
{
	static char text[300];

	if (!near->best)
		return "";
	snprintf(text, sizeof(text), "; did you mean '%s%.200s'?", prefix, near->best);
	return text;
}

int bad_option(const char *command, const struct option *options, char **argv)
{
	const char *word = argv[optind - 1];
	char what[1024], name[256];
	rc_suggestion near;
	const struct option *o;

	/* A misspelt long option is matched against this command's options: "--dissable" is "--disable". */
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(word, "="), word);
	rc_suggestion_init(&near, name + 2);
	for (o = options; strncmp(name, "--", 2) == 0 && o->name; o++)
		rc_suggestion_offer(&near, o->name);
	/* The word is an option: it lacks its value, or this command refuses it (report takes no --format). */
	if (near.best && strcmp(near.best, name + 2) == 0)
		near.best = NULL;
	snprintf(what, sizeof(what), "unknown or incomplete option '%.200s'%s", word, did_you_mean(&near, "--"));
	return usage_error(command, what);
}

int unknown_rule(const char *command, const char *what, const char *word)
{
	char line[600];
	rc_suggestion near;
	size_t i;

	rc_suggestion_init(&near, word);
	for (i = 0; i < rc_rule_count(); i++) {
		rc_suggestion_offer(&near, rc_rule_at(i)->code);
		rc_suggestion_offer(&near, rc_rule_at(i)->slug);
	}
	snprintf(line, sizeof(line), "%s '%.200s'%s", what, word, did_you_mean(&near, ""));
	return usage_error(command, line);
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

int common_option(struct session *s, const char *command, const struct option *options, int c, char **argv)
{
	switch (c) {
	case OPT_EVIDENCE: return add_evidence(s, optarg) != 0 ? EXIT_FAILED : -1;
	case OPT_MAX_FILE:
		if (parse_size(optarg, &rc_context_limits(s->ctx)->max_file_bytes) != 0)
			return usage_error(command, "--max-file-size takes a positive number of bytes");
		return -1;
	case OPT_FORCE: s->force = true; return -1;
	default: return bad_option(command, options, argv);
	}
}

bool prints_help(int argc, char **argv, void (*help)(void))
{
	if (argc < 2 || (strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--help") != 0))
		return false;
	help();
	return true;
}

const char *format_names(char *buf, size_t size, const char *command, bool bar, bool mark_default)
{
	size_t i, n = 0, count = 0, len = 0;

	for (i = 0; i < rc_output_count(); i++)
		count += strcmp(rc_output_at(i)->command, command) == 0;
	buf[0] = '\0';
	for (i = 0; i < rc_output_count() && len < size; i++) {
		const rc_output *o = rc_output_at(i);
		const char *sep = n == 0 ? "" : bar ? "|" : n + 1 == count ? " or " : ", ";

		if (strcmp(o->command, command) != 0)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s%s", sep, o->name,
		                        mark_default && n == 0 ? " (default)" : "");
		n++;
	}
	return buf;
}

void print_formats(const char *command, bool by_extension)
{
	size_t i;

	printf("\nformats%s:\n", by_extension ? " (the extension of -o FILE picks one)" : "");
	for (i = 0; i < rc_output_count(); i++) {
		const rc_output *o = rc_output_at(i);
		const char *const *e;
		char exts[64];
		size_t len = 0;

		if (strcmp(o->command, command) != 0)
			continue;
		for (e = o->extensions; *e && len < sizeof(exts); e++)
			len += (size_t)snprintf(exts + len, sizeof(exts) - len, "%s.%s", len ? ", " : "", *e);
		printf("  %-9s %-14s %-23s %s\n", o->name, exts, o->media_type, o->summary);
	}
}

/* The extension of the file name at the end of `path`, without the dot; NULL when it has none. */
static const char *extension_of(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot && dot != base && dot[1] ? dot + 1 : NULL;
}

int pick_output(const rc_output **out, const char *command, const char *format, const char *path)
{
	const char *ext = path && strcmp(path, "-") != 0 ? extension_of(path) : NULL;
	char what[1400], names[256];

	*out = rc_output_find(command, format);
	if (format && !*out) {
		snprintf(what, sizeof(what), "--format must be %s",
		         format_names(names, sizeof(names), command, false, false));
		return usage_error(command, what);
	}
	if (!ext)
		return -1;
	if (format && !rc_output_has_extension(*out, ext)) {
		snprintf(what, sizeof(what), "-o %s: the extension .%s does not match --format %s", path, ext, format);
		return usage_error(command, what);
	}
	if (!format && !(*out = rc_output_for_extension(command, ext))) {
		snprintf(what, sizeof(what), "-o %s: no %s format writes .%s files (%s)", path, command, ext,
		         format_names(names, sizeof(names), command, false, false));
		return usage_error(command, what);
	}
	return -1;
}
