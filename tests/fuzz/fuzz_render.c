/*
 * libFuzzer target: load and check as fuzz_load_check does (without
 * formatting the findings), then render the diagram as DOT and the HTML
 * report, whose diagram is the SVG renderer's (Graphviz layout), into memory.
 * Diagrams are kept small (max_steps, max_links) so that layout stays fast;
 * larger models must be refused with RC_ELIMIT.
 */
#define _GNU_SOURCE /* memmem */
#include <stddef.h>
#include <stdint.h>

#include <graphviz/cgraph.h>

#include "base/alloc.h"
#include "fuzz_common.h"

enum { FUZZ_MAX_STEPS = 200, FUZZ_MAX_LINKS = 400 };

/* Everything Graphviz says about one input's graphs (it may send a message in pieces). */
static char graphviz_said[4096];

static int hear_graphviz(char *text)
{
	size_t used = strlen(graphviz_said);

	snprintf(graphviz_said + used, sizeof(graphviz_said) - used, "%s", text);
	return 0;
}

static void render(const char *name, const rc_model *model, const rc_findings *findings, rc_layout_direction dir);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char xml[] = "<model xmlns='urn:rchain:model:1' id='m' version='1'><title>T</title></model>";
	rc_model *model = NULL;
	rc_error err;

	(void)argc;
	(void)argv;
	fuzz_setup();
	/*
	 * One SVG first, so that the library has started Graphviz and set its own
	 * message handler; then Graphviz's messages come here instead, and any
	 * message about a graph rchain built is a broken contract (rchain must
	 * escape what it gives Graphviz: a bad HTML label is silently replaced).
	 */
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(rc_model_load_memory(&model, fuzz_context, "init.xml", xml, sizeof(xml) - 1, &err) == 0,
	           "the set-up model loads");
	render("svg", model, NULL, RC_LAYOUT_LR);
	rc_model_free(&model);
	agseterrf(hear_graphviz);
	return 0;
}

static void render(const char *name, const rc_model *model, const rc_findings *findings, rc_layout_direction dir)
{
	int report = strcmp(name, "html") == 0;
	const rc_output *r = rc_output_find(report ? "report" : "render", name);
	rc_render_input in;
	rc_output_input input = { &in, NULL, 0, NULL };
	rc_buffer out = { 0 };
	rc_confidence *confidence = NULL;
	rc_error err;
	int rc;

	FUZZ_CHECK(r != NULL, "renderer exists");
	memset(&in, 0, sizeof(in));
	in.model = model;
	in.findings = findings;
	memset(&err, 0, sizeof(err));
	FUZZ_CHECK(!findings || rc_confidence_new(&confidence, model, &err) == 0, "confidence is computed");
	in.confidence = confidence;
	in.evidence = fuzz_evidence;
	in.direction = dir;
	in.max_steps = FUZZ_MAX_STEPS;
	in.max_links = FUZZ_MAX_LINKS;
	memset(&err, 0, sizeof(err));
	graphviz_said[0] = '\0';
	rc = r->write(rc_buffer_sink, &out, &input, &err);
	if (graphviz_said[0]) {
		fprintf(stderr, "Graphviz said: %s\n", graphviz_said);
		FUZZ_CHECK(0, "Graphviz has nothing to say about a graph rchain built");
	}
	if (report) {
		/* A report is written past the diagram limit too, and is valid UTF-8 with no script in it. */
		FUZZ_CHECK(rc == 0 || rc == RC_ERENDER, "a report is written unless Graphviz fails");
		if (rc == 0) {
			FUZZ_CHECK(fuzz_valid_utf8(out.data, out.len), "the report is valid UTF-8");
			FUZZ_CHECK(!memmem(out.data, out.len, "<script", 7), "the report has no script");
		} else {
			fuzz_check_error(rc, &err);
		}
	} else if (rc_model_step_count(model) > FUZZ_MAX_STEPS || rc_model_link_count(model) > FUZZ_MAX_LINKS) {
		FUZZ_CHECK(rc == RC_ELIMIT, "a model over max_steps or max_links is refused with RC_ELIMIT");
		fuzz_check_error(rc, &err);
	} else if (rc == 0) {
		FUZZ_CHECK(out.data != NULL && out.len > 0, "a rendering has content");
	} else {
		fuzz_check_error(rc, &err);
		/* Only layout or rendering inside Graphviz may fail on a loaded model. */
		FUZZ_CHECK(rc == RC_ERENDER, "rendering a loaded model fails only in Graphviz");
	}
	rc_confidence_free(&confidence);
	rc_buffer_free(&out);
}

/*
 * Leak detection here excuses Graphviz's own leaks, and with them whatever a
 * leaked Graphviz block still points to, rchain's included (docs/fuzzing.md);
 * so each input must also give back every allocation the library made for it.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long live = rc_alloc_live();
	rc_findings *findings;
	/* The findings formats are fuzz_load_check's: here the time goes to rendering. */
	rc_model *model = fuzz_load_and_check(data, size, 0, &findings);
	rc_layout_direction direction = size && (data[size - 1] & 1) ? RC_LAYOUT_TB : RC_LAYOUT_LR;

	if (model) {
		/* Both directions change the cluster order; the last input byte picks one, cheaply. */
		render("dot", model, findings, direction);
		render("html", model, findings, direction);
		rc_findings_free(&findings);
		rc_model_free(&model);
	}
	FUZZ_CHECK(rc_alloc_live() == live, "every library allocation is freed");
	return 0;
}
