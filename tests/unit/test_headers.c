/* Each public header compiled alone (see meson.build); linking them proves each is self-contained. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int header_common(void);
int header_finding(void);
int header_model(void);
int header_evidence(void);
int header_check(void);
int header_render(void);
int header_schema(void);
int header_template(void);
int header_import(void);
int header_diff(void);
int header_file(void);
int header_output(void);
int header_enums(void);
int header_confidence(void);
int header_rchain(void);

static const struct {
	const char *name;
	int (*compiled)(void);
} headers[] = {
	{ "common", header_common },     { "model", header_model },           { "evidence", header_evidence },
	{ "check", header_check },       { "render", header_render },         { "schema", header_schema },
	{ "template", header_template }, { "import", header_import },         { "diff", header_diff },
	{ "file", header_file },         { "output", header_output },         { "rchain", header_rchain },
	{ "enums", header_enums },       { "confidence", header_confidence }, { "finding", header_finding },
};

enum { HEADER_COUNT = sizeof(headers) / sizeof(headers[0]) };

/* The public header called `file` ("model.h") is in the table above; prints a line when it is not. */
static int listed(const char *file)
{
	size_t i, len = strlen(file);

	for (i = 0; i < HEADER_COUNT; i++)
		if (len == strlen(headers[i].name) + 2 && strncmp(file, headers[i].name, len - 2) == 0)
			return 1;
	printf("# include/rchain/%s is not compiled alone: add it to tests/unit/meson.build and "
	       "tests/unit/test_headers.c\n",
	       file);
	return 0;
}

/* Every header of include/rchain is in the table: none is left out of the test. */
static int all_listed(void)
{
	const char *src = getenv("RCHAIN_SOURCE_DIR");
	char path[4096];
	struct dirent *e;
	DIR *dir;
	int ok = 1;

	snprintf(path, sizeof(path), "%s/include/rchain", src ? src : ".");
	dir = opendir(path);
	if (!dir) {
		printf("# cannot open %s\n", path);
		return 0;
	}
	while ((e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len > 2 && strcmp(e->d_name + len - 2, ".h") == 0)
			ok &= listed(e->d_name);
	}
	closedir(dir);
	return ok;
}

int main(void)
{
	size_t i;

	for (i = 0; i < HEADER_COUNT; i++)
		printf("%s %zu - rchain/%s.h compiles on its own\n", headers[i].compiled() == 0 ? "ok" : "not ok",
		       i + 1, headers[i].name);
	printf("%s %zu - every header of include/rchain is compiled on its own\n", all_listed() ? "ok" : "not ok",
	       i + 1);
	printf("1..%zu\n", i + 1);
	return 0;
}
