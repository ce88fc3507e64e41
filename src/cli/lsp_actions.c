/*
 * rchain lsp: code actions on rchain's diagnostics, as edits of the
 * document: the suggested ref (RC033, from the finding's suggested_ref), an
 * assumption placeholder (RC019), an indicator (RC017), a backward link
 * declared feedback (RC004), and a <suppress> with a reason on a step, link
 * or the model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"

static json_t *text_edit(const struct lsp_server *sv, const struct lsp_doc *d, size_t start, size_t end,
                         const char *text)
{
	return json_pack("{s:o,s:s}", "range", lsp_range_json(sv, d, start, end), "newText", text);
}

static void add_action(json_t *actions, const struct lsp_doc *d, const char *title, const json_t *diagnostic,
                       json_t *edit)
{
	if (!edit)
		return;
	json_array_append_new(actions, json_pack("{s:s,s:s,s:[O],s:{s:{s:[o]}}}", "title", title, "kind", "quickfix",
	                                         "diagnostics", diagnostic, "edit", "changes", d->uri, edit));
}

/* An edit that adds the element `child` as the last child of the element whose start tag is `tag`. */
static json_t *append_child(const struct lsp_server *sv, const struct lsp_doc *d, const struct lsp_text *t,
                            const struct lsp_tag *tag, const char *child)
{
	const struct lsp_tag *close = lsp_closing_tag(t, tag);
	size_t line = tag->start, n;
	char indent[128], *text;
	json_t *edit = NULL;

	while (line > 0 && (d->text[line - 1] == ' ' || d->text[line - 1] == '\t'))
		line--;
	n = tag->start - line < sizeof(indent) ? tag->start - line : 0;
	memcpy(indent, d->text + line, n);
	indent[n] = '\0';
	n = strlen(child) + 2 * n + tag->name_len + 16;
	if (!(text = malloc(n)))
		return NULL;
	if (tag->kind == LSP_TAG_EMPTY) {
		snprintf(text, n, ">\n%s  %s\n%s</%.*s>", indent, child, indent, (int)tag->name_len,
		         d->text + tag->name);
		edit = text_edit(sv, d, tag->end - 2, tag->end, text);
	} else if (close) {
		snprintf(text, n, "  %s\n%s", child, indent);
		edit = text_edit(sv, d, close->start, close->start, text);
	}
	free(text);
	return edit;
}

static int tag_is(const struct lsp_doc *d, const struct lsp_tag *tag, const char *name)
{
	return tag->name_len == strlen(name) && memcmp(d->text + tag->name, name, tag->name_len) == 0;
}

/* The ref the document's RC033 finding at tag `tag` suggests (borrowed from its findings), or NULL. */
static const char *suggested_ref(const struct lsp_doc *d, const struct lsp_text *t, const struct lsp_tag *tag)
{
	size_t i;

	for (i = 0; i < rc_findings_count(d->findings); i++) {
		const rc_finding *f = rc_findings_at(d->findings, i);

		if (f->suggested_ref && lsp_tag_at(t, lsp_loc_offset(d, f->loc)) == tag)
			return f->suggested_ref;
	}
	return NULL;
}

/* The code actions for one diagnostic of the rchain source, whose finding starts at the tag `tag`. */
static void actions_for(json_t *actions, const struct lsp_server *sv, const struct lsp_doc *d, const struct lsp_text *t,
                        const struct lsp_tag *tag, const json_t *diagnostic)
{
	const char *code = json_string_value(json_object_get(diagnostic, "code"));
	const char *ref = strcmp(code, "RC033") == 0 ? suggested_ref(d, t, tag) : NULL;
	char title[256], text[256];

	if (ref) {
		snprintf(title, sizeof(title), "Add ref=\"%s\"", ref);
		snprintf(text, sizeof(text), " ref=\"%s\"", ref);
		add_action(actions, d, title, diagnostic,
		           text_edit(sv, d, tag->name + tag->name_len, tag->name + tag->name_len, text));
	}
	if (strcmp(code, "RC019") == 0)
		add_action(actions, d, "Add an assumption placeholder", diagnostic,
		           append_child(sv, d, t, tag,
		                        "<assumption>What must hold for this step to lead to the next</assumption>"));
	if (strcmp(code, "RC017") == 0)
		add_action(actions, d, "Add an indicator", diagnostic,
		           append_child(sv, d, t, tag, "<indicator>How the change would be seen</indicator>"));
	if (strcmp(code, "RC004") == 0) {
		json_t *edit = NULL;
		size_t i;

		for (i = 0; i < tag->attr_count && !edit; i++) {
			const struct lsp_attr *a = &t->attrs[tag->attr + i];

			if (lsp_attr_is(d, t, a, NULL, "kind"))
				edit = text_edit(sv, d, a->value, a->value + a->value_len, "feedback");
		}
		add_action(actions, d, "Declare the link as feedback", diagnostic,
		           edit ? edit
		                : text_edit(sv, d, tag->name + tag->name_len, tag->name + tag->name_len,
		                            " kind=\"feedback\""));
	}
	if (tag_is(d, tag, "step") || tag_is(d, tag, "link") || tag_is(d, tag, "columnLink") ||
	    tag_is(d, tag, "model")) {
		snprintf(title, sizeof(title), "Suppress %s here, with a reason", code);
		snprintf(text, sizeof(text), "<suppress rule=\"%s\" reason=\"why this does not apply\"/>", code);
		add_action(actions, d, title, diagnostic, append_child(sv, d, t, tag, text));
	}
}

json_t *lsp_code_actions(struct lsp_server *sv, struct lsp_doc *d, const json_t *params)
{
	json_t *actions = json_array(), *diagnostic;
	struct lsp_text t;
	size_t i;

	if (lsp_text_scan(&t, d) != 0)
		return actions;
	json_array_foreach(json_object_get(json_object_get(params, "context"), "diagnostics"), i, diagnostic)
	{
		long off = lsp_position_offset(sv, d, json_object_get(json_object_get(diagnostic, "range"), "start"));
		const struct lsp_tag *tag = off >= 0 ? lsp_tag_at(&t, (size_t)off) : NULL;
		const char *source = json_string_value(json_object_get(diagnostic, "source"));

		if (tag && tag->kind != LSP_TAG_CLOSE && json_is_string(json_object_get(diagnostic, "code")) &&
		    source && strcmp(source, "rchain") == 0)
			actions_for(actions, sv, d, &t, tag, diagnostic);
	}
	lsp_text_free(&t);
	return actions;
}
