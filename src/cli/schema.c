/* rchain schema: print the XML Schema of the model or the evidence-base format. */
#include <stdio.h>

#include "cli.h"

static void schema_help(void)
{
	fputs("usage: rchain schema [model|evidence]\n"
	      "\n"
	      "Print the XML Schema (XSD) of the model format (default) or of the\n"
	      "evidence-base format, for editors and validators.\n",
	      stdout);
}

int cmd_schema(struct session *s, int argc, char **argv)
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
