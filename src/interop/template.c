/* The model templates of `rchain new`, compiled into the library from src/templates/. */
#include <string.h>

#include "data/embedded.h"
#include "rchain/template.h"

static const struct {
	const char *name;
	const unsigned char *text;
	const size_t *len;
} templates[] = {
	{ "blank", rc_embedded_blank_xml, &rc_embedded_blank_xml_len },
	{ "partnership", rc_embedded_partnership_xml, &rc_embedded_partnership_xml_len },
	{ "columns", rc_embedded_columns_xml, &rc_embedded_columns_xml_len },
};

size_t rc_template_count(void)
{
	return sizeof(templates) / sizeof(templates[0]);
}

const char *rc_template_name(size_t i)
{
	return i < rc_template_count() ? templates[i].name : NULL;
}

const char *rc_template_text(const char *name, size_t *len)
{
	size_t i;

	for (i = 0; i < rc_template_count(); i++)
		if (strcmp(name, templates[i].name) == 0) {
			*len = *templates[i].len;
			return (const char *)templates[i].text;
		}
	return NULL;
}
