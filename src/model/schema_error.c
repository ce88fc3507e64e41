/*
 * libxml2's schema-validity errors in plain words. libxml2 2.9 words each
 * error "Element '{NS}name'[, attribute 'a']: BODY"; the body has a few
 * fixed shapes, read here, and the rest is left to the caller.
 */
#include "model/schema_error.h"

#include <stdio.h>
#include <string.h>

/* Reads the text between the quote at `p` and the next one into `out`; returns what follows it, or NULL. */
static const char *quoted(const char *p, char quote, char *out, size_t size)
{
	const char *end;
	size_t n;

	if (*p != quote || !(end = strchr(p + 1, quote)))
		return NULL;
	n = (size_t)(end - p - 1);
	if (n >= size)
		n = size - 1;
	memcpy(out, p + 1, n);
	out[n] = '\0';
	return end + 1;
}

/* Drops the format's own namespace from "{NS}name" in place. */
static void local_name(const struct schema_vocabulary *v, char *name)
{
	size_t n = strlen(v->ns);

	if (name[0] == '{' && strncmp(name + 1, v->ns, n) == 0 && name[n + 1] == '}')
		memmove(name, name + n + 2, strlen(name + n + 2) + 1);
}

static int is_format_element(const struct schema_vocabulary *v, const char *name)
{
	const char *const *e;

	for (e = v->names; *e; e++)
		if (strcmp(*e, name) == 0)
			return 1;
	return 0;
}

/* Appends `text` to the message (cut at its size). */
static void add(struct schema_error *out, const char *text)
{
	size_t n = strlen(out->message);

	snprintf(out->message + n, sizeof(out->message) - n, "%s", text);
}

/*
 * Reads the list after "Expected is ( " or "Expected is one of ( " into the
 * message as "<a>, <b>", offering each to `near`; libxml2 ends the list with " )".
 */
static void expected_list(const struct schema_vocabulary *v, const char *p, struct schema_error *out,
                          rc_suggestion *near, char names[][64], size_t max)
{
	size_t count = 0;

	while (*p == ' ' || *p == ',')
		p++;
	while (*p && *p != ')' && count < max) {
		char name[160];
		size_t n = strcspn(p, ", )");

		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, p, n);
		name[n] = '\0';
		local_name(v, name);
		add(out, count ? ", <" : "<");
		add(out, name);
		add(out, ">");
		snprintf(names[count], 64, "%.63s", name);
		if (near)
			rc_suggestion_offer(near, names[count]);
		count++;
		p += n;
		while (*p == ' ' || *p == ',')
			p++;
	}
}

/*
 * Offers `candidate`, a buffer the caller reuses, to `near`; when it becomes
 * the best, it is copied to `best`, which `near` then points at.
 */
static void keep_best(rc_suggestion *near, const char *candidate, char *best, size_t size)
{
	rc_suggestion_offer(near, candidate);
	if (near->best == candidate) {
		snprintf(best, size, "%s", candidate);
		near->best = best;
	}
}

enum { MAX_EXPECTED = 32 };

/* "This element is not expected. Expected is ( ... )." and "Missing child element(s). Expected is ...". */
static void content_error(const struct schema_vocabulary *v, const char *body, const char *parent,
                          struct schema_error *out)
{
	char names[MAX_EXPECTED][64];
	const char *list = strstr(body, "Expected is ");
	const char *inside = parent ? parent : "the file";
	rc_suggestion near;
	char line[512];

	if (list)
		list = strchr(list, '(');
	if (strncmp(body, "Missing child element", 21) == 0) {
		out->rule = RS_MISSING_ELEMENT;
		snprintf(line, sizeof(line), "<%s> lacks a child element: it needs ", out->element);
		add(out, line);
		if (list)
			expected_list(v, list + 1, out, NULL, names, MAX_EXPECTED);
		add(out, list && strstr(list, ",") ? " (one of them) next" : " next");
		return;
	}
	rc_suggestion_init(&near, out->element);
	if (is_format_element(v, out->element)) {
		out->rule = RS_MISPLACED_ELEMENT;
		snprintf(line, sizeof(line), "<%s> is out of place inside <%s>", out->element, inside);
	} else {
		out->rule = RS_UNKNOWN_ELEMENT;
		snprintf(line, sizeof(line), "unknown element <%s> inside <%s>", out->element, inside);
	}
	add(out, line);
	if (!list)
		return;
	/* The expected elements are the candidates: list them aside first, then say the suggestion before them. */
	{
		struct schema_error listed = *out;

		listed.message[0] = '\0';
		expected_list(v, list + 1, &listed, out->rule == RS_UNKNOWN_ELEMENT ? &near : NULL, names,
		              MAX_EXPECTED);
		if (near.best) {
			snprintf(line, sizeof(line), "; did you mean <%s>?", near.best);
			add(out, line);
		}
		add(out, near.best ? " Expected here: " : "; expected here: ");
		add(out, listed.message);
	}
}

/* The words for the patterns of the embedded schemas: the form a value must have. */
static const struct {
	const char *pattern;
	enum load_rule rule;
	const char *form;
} forms[] = {
	{ "[A-Za-z_][A-Za-z0-9_.\\-]*", RS_BAD_ID,
	  "an id starts with a letter or '_', then letters, digits, '_', '-' or '.'" },
	{ "[a-z0-9][a-z0-9_.\\-]*", RS_BAD_ID,
	  "an evidence-base id starts with a lower-case letter or a digit, then lower-case letters, digits, '_', "
	  "'-' or '.'" },
	{ "RC[0-9]{3}", RS_BAD_VALUE, "a rule code is RC and three digits, such as RC012" },
	{ "[0-9]{4}", RS_BAD_VALUE, "a year is four digits" },
	{ "[\\s\\S]*\\S[\\s\\S]*", RS_BAD_VALUE, "it must say something: it is empty or only white space" },
	{ "[a-z0-9]+(-[a-z0-9]+)*", RS_BAD_VALUE,
	  "a keyword is lower-case letters and digits, in words joined by '-'" },
};

/* How the message names the value: "level 'practise'", "the text of <year> '20x'" (libxml2 leaves out long ones). */
static void what(const struct schema_error *out, const char *value, char *buf, size_t size)
{
	if (out->attribute[0] && value[0])
		snprintf(buf, size, "%.100s '%.200s'", out->attribute, value);
	else if (out->attribute[0])
		snprintf(buf, size, "attribute '%.100s'", out->attribute);
	else if (value[0])
		snprintf(buf, size, "the text of <%.100s> '%.200s'", out->element, value);
	else
		snprintf(buf, size, "the text of <%.100s>", out->element);
}

/* "[facet 'enumeration'] The value 'x' is not an element of the set {'a', 'b'}." */
static void enumeration_error(const char *p, struct schema_error *out)
{
	char value[256], item[256], best[256], line[600];
	rc_suggestion near;
	int first = 1;

	out->rule = RS_BAD_VALUE;
	p = strstr(p, "The value ");
	p = p ? quoted(p + 10, '\'', value, sizeof(value)) : NULL;
	p = p ? strchr(p, '{') : NULL;
	if (!p)
		return;
	what(out, value, line, sizeof(line));
	add(out, line);
	add(out, " is not one of ");
	rc_suggestion_init(&near, value);
	for (p++; *p == '\'' || *p == ',' || *p == ' ';) {
		const char *next = *p == '\'' ? quoted(p, '\'', item, sizeof(item)) : NULL;

		if (!next) {
			p++;
			continue;
		}
		add(out, first ? "" : ", ");
		add(out, item);
		first = 0;
		keep_best(&near, item, best, sizeof(best));
		p = next;
	}
	/* A value of one or two characters is too short to be a recognisable typo of another. */
	if (near.best && strlen(value) >= 3) {
		snprintf(line, sizeof(line), "; did you mean '%s'?", best);
		add(out, line);
	}
}

/* "[facet 'pattern'] The value 'x' is not accepted by the pattern 'P'." */
static void pattern_error(const char *p, struct schema_error *out)
{
	char value[256], pattern[256], line[600];
	const char *at = strstr(p, "The value ");
	size_t i;

	out->rule = RS_BAD_VALUE;
	at = at ? quoted(at + 10, '\'', value, sizeof(value)) : NULL;
	at = at ? strstr(at, "pattern ") : NULL;
	if (!at || !quoted(at + 8, '\'', pattern, sizeof(pattern))) {
		out->message[0] = '\0';
		return;
	}
	what(out, value, line, sizeof(line));
	add(out, line);
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strcmp(forms[i].pattern, pattern) == 0) {
			out->rule = forms[i].rule;
			add(out, out->rule == RS_BAD_ID ? " is not an id: " : " does not have the right form: ");
			add(out, forms[i].form);
			return;
		}
	add(out, " does not have the right form (the pattern ");
	add(out, pattern);
	add(out, ")");
}

/* "[facet 'maxLength'] The value 'x' has a length of 'N'; this exceeds the allowed maximum length of 'M'." */
static void length_error(const char *p, int longest, struct schema_error *out)
{
	char value[256], length[32], limit[32], line[800];
	const char *at = strstr(p, "length of ");
	const char *lim = strstr(p, longest ? "maximum length of " : "minimum length of ");

	out->rule = longest && out->attribute[0] && strcmp(out->attribute, "keywords") != 0 ? RS_BAD_ID : RS_BAD_VALUE;
	if (!at || !lim || !quoted(at + 10, '\'', length, sizeof(length)) ||
	    !quoted(lim + 18, '\'', limit, sizeof(limit))) {
		out->message[0] = '\0';
		return;
	}
	at = strstr(p, "The value ");
	if (!at || !quoted(at + 10, '\'', value, sizeof(value)))
		snprintf(value, sizeof(value), "%s", "");
	what(out, value, line, sizeof(line));
	add(out, line);
	snprintf(line, sizeof(line), " has a length of %s; %s %s", length,
	         longest ? "the most allowed is" : "it needs at least", limit);
	add(out, line);
}

/* Reads the attributes the schema text gives element `element`: the first <xs:element name=...> gives its type. */
static void suggest_attribute(const struct schema_vocabulary *v, const char *element, rc_suggestion *near, char *best,
                              size_t size)
{
	char key[192], type[128], attr[128];
	const char *p, *end;

	snprintf(key, sizeof(key), "<xs:element name=\"%s\" type=\"", element);
	p = strstr(v->schema, key);
	if (!p)
		return;
	/* The type is written with the schema's prefix, "m:Step": its name follows the ':'. */
	p = strchr(p + strlen(key), ':');
	end = p ? strchr(p, '"') : NULL;
	if (!end || (size_t)(end - p) >= sizeof(type))
		return;
	memcpy(type, p + 1, (size_t)(end - p - 1));
	type[end - p - 1] = '\0';
	snprintf(key, sizeof(key), "<xs:complexType name=\"%s\"", type);
	if (!(p = strstr(v->schema, key)) || !(end = strstr(p, "</xs:complexType>")))
		return;
	while ((p = strstr(p, "<xs:attribute name=")) != NULL && p < end) {
		p += 19;
		if (!quoted(p, '"', attr, sizeof(attr)))
			return;
		keep_best(near, attr, best, size);
	}
}

int schema_error_explain(const struct schema_vocabulary *v, const char *msg, const char *parent,
                         struct schema_error *out)
{
	const char *p = msg, *body;
	char line[600];

	memset(out, 0, sizeof(*out));
	out->rule = RS_SCHEMA;
	if (strncmp(p, "Element ", 8) != 0 || !(p = quoted(p + 8, '\'', out->element, sizeof(out->element))))
		return -1;
	local_name(v, out->element);
	if (strncmp(p, ", attribute ", 12) == 0 && !(p = quoted(p + 12, '\'', out->attribute, sizeof(out->attribute))))
		return -1;
	if (strncmp(p, ": ", 2) != 0)
		return -1;
	body = p + 2;
	if (strstr(body, "This element is not expected") == body || strstr(body, "Missing child element") == body) {
		content_error(v, body, parent, out);
	} else if (strncmp(body, "[facet 'enumeration']", 21) == 0) {
		enumeration_error(body, out);
	} else if (strncmp(body, "[facet 'pattern']", 17) == 0) {
		pattern_error(body, out);
	} else if (strncmp(body, "[facet 'maxLength']", 19) == 0 || strncmp(body, "[facet 'minLength']", 19) == 0) {
		length_error(body, body[9] == 'a', out);
	} else if (strncmp(body, "The attribute ", 14) == 0 && strstr(body, "is not allowed")) {
		char name[128], best[128];
		rc_suggestion near;

		out->rule = RS_UNKNOWN_ATTRIBUTE;
		if (!quoted(body + 14, '\'', name, sizeof(name)))
			return -1;
		local_name(v, name);
		snprintf(out->attribute, sizeof(out->attribute), "%s", name);
		snprintf(line, sizeof(line), "<%s> has no attribute '%s'", out->element, name);
		add(out, line);
		rc_suggestion_init(&near, out->attribute);
		suggest_attribute(v, out->element, &near, best, sizeof(best));
		if (near.best) {
			snprintf(line, sizeof(line), "; did you mean '%s'?", near.best);
			add(out, line);
		}
	} else if (strncmp(body, "The attribute ", 14) == 0 && strstr(body, "is required but missing")) {
		char name[128];

		out->rule = RS_MISSING_ATTRIBUTE;
		if (!quoted(body + 14, '\'', name, sizeof(name)))
			return -1;
		snprintf(line, sizeof(line), "<%s> needs the attribute '%s'", out->element, name);
		add(out, line);
	} else if (strncmp(body, "Character content other than whitespace is not allowed", 54) == 0) {
		out->rule = RS_TEXT_NOT_ALLOWED;
		snprintf(line, sizeof(line), "<%s> holds text, but only elements may go inside it", out->element);
		add(out, line);
	} else if (strncmp(body, "Element content is not allowed", 30) == 0) {
		out->rule = RS_TEXT_NOT_ALLOWED;
		snprintf(line, sizeof(line), "<%s> holds only text: no element may go inside it", out->element);
		add(out, line);
	} else if (strstr(body, "is not a valid value of")) {
		char value[256];

		out->rule = out->attribute[0] && strstr(body, "Id'") ? RS_BAD_ID : RS_BAD_VALUE;
		if (!quoted(body, '\'', value, sizeof(value)))
			return -1;
		what(out, value, line, sizeof(line));
		add(out, line);
		add(out, " is not a valid value here");
	}
	return out->message[0] ? 0 : -1;
}
