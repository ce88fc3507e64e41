/* The one declaration of each list (rchain/enums.def, model/elements.def) against the schemas, and the name look-ups.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "common.h"
#include "model/elements.h"
#include "model/names.h"

/* Which enumeration of enums.def each named enumeration type of a schema is; `from` skips values files never carry. */
static const struct {
	const char *schema;
	const char *type;
	const char *const *names;
	size_t from;
} in_schemas[] = {
	{ "model", "Level", level_names, 0 },
	{ "model", "Formation", formation_names, 0 },
	{ "model", "Sector", sector_names, 0 },
	{ "model", "Role", role_names, 0 },
	{ "model", "Rating", rating_names, RC_RATING_LOW },
	{ "model", "LinkKind", link_kind_names, 0 },
	{ "model", "Status", assumption_status_names, 0 },
	{ "model", "Direction", direction_names, 0 },
	{ "model", "Strength", strength_names, RC_STRENGTH_WEAK },
	{ "model", "EvidenceKind", evidence_kind_names, 0 },
	{ "model", "InfluenceKind", influence_kind_names, 0 },
	{ "model", "ModelStatus", model_status_names, RC_MODEL_STATUS_DRAFT },
	{ "model", "Effect", effect_names, 0 },
	{ "model", "EvidenceOf", evidence_of_names, RC_EVIDENCE_OF_OCCURRENCE },
	{ "model", "InfluenceDirection", influence_direction_names, RC_INFLUENCE_HELPS },
	{ "evidence", "Kind", entry_kind_names, 0 },
	{ "evidence", "About", entry_about_names, 0 },
	{ "evidence", "Priority", entry_priority_names, 0 },
	{ "evidence", "Level", level_names, 0 },
	{ "evidence", "Formation", formation_names, 0 },
	{ "evidence", "Sector", sector_names, 0 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static xmlDocPtr schema_doc(const char *name)
{
	size_t len;
	const char *xsd = rc_schema_text(name, &len);
	xmlDocPtr doc = xsd ? xmlReadMemory(xsd, (int)len, name, NULL, XML_PARSE_NONET) : NULL;

	if (!doc)
		TEST_FAIL("the %s schema does not parse", name);
	return doc;
}

/*
 * Counts each value of `xpath` in `doc` in `seen`, by its index in `names`
 * (NULL-terminated); reports, and returns the number of, those not in `names`.
 */
static size_t match_values(xmlDocPtr doc, const char *what, const char *xpath, const char *const *names, size_t *seen)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr found;
	size_t unknown = 0;
	int i;

	CU_ASSERT_FATAL(ctx != NULL);
	xmlXPathRegisterNs(ctx, (const xmlChar *)"xs", (const xmlChar *)"http://www.w3.org/2001/XMLSchema");
	found = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
	CU_ASSERT_FATAL(found != NULL && found->nodesetval != NULL);
	for (i = 0; i < found->nodesetval->nodeNr; i++) {
		xmlChar *value = xmlNodeGetContent(found->nodesetval->nodeTab[i]);
		int at = name_index(names, (const char *)value, strlen((const char *)value));

		if (at < 0) {
			TEST_FAIL("%s: the schema has '%s', the list has not", what, (const char *)value);
			unknown++;
		} else {
			seen[at]++;
		}
		xmlFree(value);
	}
	xmlXPathFreeObject(found);
	xmlXPathFreeContext(ctx);
	return unknown;
}

/* Each enumeration of the schemas has exactly the values of its list in enums.def. */
static void test_schema_enumerations(void)
{
	size_t i, j;

	for (i = 0; i < COUNT(in_schemas); i++) {
		xmlDocPtr doc = schema_doc(in_schemas[i].schema);
		char xpath[200], what[100];
		size_t seen[32] = { 0 };

		if (!doc)
			continue;
		snprintf(xpath, sizeof(xpath), "//xs:simpleType[@name='%s']/xs:restriction/xs:enumeration/@value",
		         in_schemas[i].type);
		snprintf(what, sizeof(what), "%s schema type %s", in_schemas[i].schema, in_schemas[i].type);
		match_values(doc, what, xpath, in_schemas[i].names, seen);
		for (j = 0; in_schemas[i].names[j]; j++)
			if (seen[j] != (j >= in_schemas[i].from))
				TEST_FAIL("%s: '%s' is %zu times in the schema, not %d", what, in_schemas[i].names[j],
				          seen[j], j >= in_schemas[i].from);
		xmlFreeDoc(doc);
	}
}

/* Every named enumeration type of the schemas is in the table above, so none can be added without a list. */
static void test_every_enumeration_listed(void)
{
	static const char *const schemas[] = { "model", "evidence" };
	size_t s, i;

	for (s = 0; s < COUNT(schemas); s++) {
		const char *types[COUNT(in_schemas) + 1] = { NULL };
		size_t seen[COUNT(in_schemas) + 1] = { 0 };
		size_t n = 0;
		xmlDocPtr doc = schema_doc(schemas[s]);

		if (!doc)
			continue;
		for (i = 0; i < COUNT(in_schemas); i++)
			if (strcmp(in_schemas[i].schema, schemas[s]) == 0)
				types[n++] = in_schemas[i].type;
		CU_ASSERT_EQUAL(match_values(doc, schemas[s],
		                             "//xs:simpleType[@name][xs:restriction/xs:enumeration]/@name", types,
		                             seen),
		                0);
		xmlFreeDoc(doc);
	}
}

/* The loader's elements are the model schema's, each declared once. */
static void test_elements(void)
{
	size_t seen[E_COUNT] = { 0 };
	xmlDocPtr doc = schema_doc("model");
	size_t e;

	if (!doc)
		return;
	CU_ASSERT_EQUAL(match_values(doc, "model schema elements", "//xs:element/@name", element_names, seen), 0);
	for (e = 0; e < E_COUNT; e++)
		if (!seen[e])
			TEST_FAIL("element <%s> is not in the model schema", element_names[e]);
	xmlFreeDoc(doc);
}

/* Both look-ups of every enumeration: each name back to its value, and other text refused, the output untouched. */
static void test_name_lookups(void)
{
#define RC_ENUM(name, NAME)                                                                                         \
	{                                                                                                           \
		rc_##name v, out;                                                                                   \
		for (v = (rc_##name)0; v < RC_##NAME##_COUNT; v = (rc_##name)(v + 1)) {                             \
			if (rc_##name##_from_name(&out, rc_##name##_name(v)) != 0 || out != v)                      \
				TEST_FAIL("rc_%s_from_name(\"%s\") is not %d", #name, rc_##name##_name(v), (int)v); \
		}                                                                                                   \
		out = RC_##NAME##_COUNT;                                                                            \
		CU_ASSERT_EQUAL(rc_##name##_from_name(&out, "no such name"), RC_EARG);                              \
		CU_ASSERT_EQUAL(rc_##name##_from_name(&out, ""), RC_EARG);                                          \
		CU_ASSERT_EQUAL(out, RC_##NAME##_COUNT);                                                            \
		CU_ASSERT_PTR_NULL(name##_names[RC_##NAME##_COUNT]);                                                \
	}
#define RC_VALUE(constant, text)
#define RC_ENUM_END(name, NAME)
#include "rchain/enums.def"
#undef RC_ENUM
#undef RC_VALUE
#undef RC_ENUM_END
	CU_ASSERT_STRING_EQUAL(rc_direction_name(RC_EVIDENCE_CHALLENGES), "challenges");
	CU_ASSERT_STRING_EQUAL(rc_entry_kind_name(RC_ENTRY_OUTCOME_TEST), "outcome-test");
	CU_ASSERT_STRING_EQUAL(rc_layout_direction_name(RC_LAYOUT_TB), "TB");
	CU_ASSERT_STRING_EQUAL(rc_rating_name(RC_RATING_NONE), "none");
}

static CU_TestInfo tests[] = {
	{ "schema_enumerations", test_schema_enumerations },
	{ "every_enumeration_listed", test_every_enumeration_listed },
	{ "elements", test_elements },
	{ "name_lookups", test_name_lookups },
	CU_TEST_INFO_NULL,
};

int main(void)
{
	return test_main("enums", tests);
}
