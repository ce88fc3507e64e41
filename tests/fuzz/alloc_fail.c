/*
 * Allocation-failure test: runs the whole pipeline on a bundled model with
 * the n-th allocation of the library failing, for n = 0, 1, 2... until a run
 * makes every allocation it asks for, in two ways: the n-th allocation and
 * every one after it fail (memory has run out), and only the n-th fails (a
 * passing shortage: the code that goes on after the failure runs too). TAP
 * output.
 *
 * The pipeline: create a context, the default evidence base, add a user's
 * evidence base, load the model (the load path); check it (the check path);
 * render it as DOT and as SVG, which lays it out (the render path); and
 * format the findings as text, JSON and SARIF. A reference run without
 * failures counts the allocations each step makes. Then every run in which
 * an allocation failed must either stop at the step that made that
 * allocation, with a clean error (RC_ENOMEM, the same status in the error, a
 * one-line message, *out NULL), or succeed with exactly the output of the
 * reference run. Nothing may leak: every allocation the library made must
 * be freed by the end of the run (rc_alloc_live), and under ASan
 * LeakSanitizer checks after every run (Graphviz's own leaks are suppressed
 * by lsan.supp, which names only Graphviz and font-library frames).
 *
 * Usage: alloc-fail [-m after|once|both] MODEL EVIDENCE-BASE [N]
 * (-m: the ways allocations fail, default both; N: reproduce the run in which
 * allocation N fails, with -m after or once)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "rchain/rchain.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_LSAN 1
#endif
#endif
#if !defined(HAVE_LSAN) && defined(__SANITIZE_ADDRESS__)
#define HAVE_LSAN 1
#endif
#ifdef HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#endif

enum stage {
	S_CONTEXT,
	S_DEFAULT_BASE,
	S_USER_BASE,
	S_LOAD,
	S_CHECK,
	S_CONFIDENCE,
	S_DOT,
	S_SVG,
	S_HTML,
	S_TEXT,
	S_JSON,
	S_SARIF,
	S_DONE,
	S_COUNT
};

static const char *const stage_names[S_COUNT] = {
	"rc_context_new", "rc_evidence_base_new", "rc_evidence_base_add", "rc_model_load",
	"rc_check_run",   "rc_confidence_new",    "render dot",           "render svg",
	"render html",    "findings text",        "findings json",        "findings sarif",
	"done",
};

/* The paths the allocation points are counted by: each is a range of stages. */
static const struct path {
	const char *name;
	enum stage first, last;
} paths[] = {
	{ "load (context, evidence bases, model)", S_CONTEXT, S_LOAD },
	{ "check and confidence", S_CHECK, S_CONFIDENCE },
	{ "render (dot, svg, html report)", S_DOT, S_HTML },
	{ "findings formats (text, json, sarif)", S_TEXT, S_SARIF },
};

/* How the allocations fail: from the n-th on, or only the n-th. */
static const struct mode {
	const char *name;
	long (*fail)(long n);
} modes[] = {
	{ "from allocation n on", rc_alloc_fail_after },
	{ "only allocation n", rc_alloc_fail_once },
};

struct result {
	enum stage stopped; /* the step that failed, or S_DONE */
	int status;
	char problem[1200]; /* empty when the run kept the contract */
	rc_buffer dot, svg, html, text, json, sarif;
	int counting;         /* reference run: count the allocations of each step */
	long allocs[S_COUNT]; /* what each step allocated, when counting */
};

static const char *model_path, *base_path;

/* The end of step `s`: in the reference run, the allocations it made (the counter restarts). */
static void step_done(struct result *r, enum stage s)
{
	if (r->counting)
		r->allocs[s] = rc_alloc_fail_after(-1);
}

static void problem(struct result *r, const char *what, const rc_error *err)
{
	if (!r->problem[0])
		snprintf(r->problem, sizeof(r->problem), "%s: %s (status %d, message '%s')", stage_names[r->stopped],
		         what, err ? err->status : 0, err ? err->message : "");
}

/* Checks the error of a step that failed: RC_ENOMEM, stated in err, one line, and *out NULL. */
static void failed(struct result *r, enum stage s, int rc, const rc_error *err, int out_null)
{
	r->stopped = s;
	r->status = rc;
	if (rc >= 0)
		problem(r, "failure with a non-negative status", err);
	else if (rc != RC_ENOMEM)
		problem(r, "an allocation failure reported as another status", err);
	else if (err->status != rc)
		problem(r, "err->status differs from the return value", err);
	else if (!err->message[0])
		problem(r, "empty message", err);
	else if (strchr(err->message, '\n'))
		problem(r, "message of more than one line", err);
	else if (!out_null)
		problem(r, "*out not NULL after a failure", err);
}

/* Renders with the diagram back-end `name`, or the HTML report for "html". */
static int render_diagram(struct result *r, enum stage s, const char *name, rc_buffer *out, const rc_model *m,
                          const rc_findings *f, const rc_confidence *c, const rc_evidence_base *eb)
{
	rc_render_input in;
	rc_output_input input = { .view = &in };
	rc_error err;
	int rc;

	memset(&in, 0, sizeof(in));
	in.model = m;
	in.findings = f;
	in.confidence = c;
	in.evidence = eb;
	in.direction = RC_LAYOUT_LR;
	memset(&err, 0, sizeof(err));
	rc = rc_output_find(strcmp(name, "html") == 0 ? "report" : "render", name)
	             ->write(rc_buffer_sink, out, &input, &err);
	if (rc != 0) {
		failed(r, s, rc, &err, 1);
		rc_buffer_free(out);
		return rc;
	}
	step_done(r, s);
	return 0;
}

static void render_findings(struct result *r, enum stage s, const char *name, rc_buffer *out, const rc_checked *c)
{
	rc_output_input input = { NULL, c, 1, NULL };
	rc_error err;
	int rc;

	memset(&err, 0, sizeof(err));
	rc = rc_output_find("check", name)->write(rc_buffer_sink, out, &input, &err);
	if (rc != 0) {
		failed(r, s, rc, &err, 1);
		rc_buffer_free(out);
		return;
	}
	step_done(r, s);
}

static void run(struct result *r)
{
	rc_context *ctx = (rc_context *)r; /* poison: must be overwritten with NULL or a context */
	rc_evidence_base *eb = (rc_evidence_base *)r;
	rc_model *m = (rc_model *)r;
	rc_findings *f = (rc_findings *)r;
	rc_confidence *c = (rc_confidence *)r;
	rc_check_options opts = { NULL, 0, NULL };
	rc_checked checked;
	rc_error err;
	int rc;
	size_t before;

	r->stopped = S_DONE;
	memset(&err, 0, sizeof(err));
	rc = rc_context_new(&ctx, &err);
	if (rc != 0) {
		failed(r, S_CONTEXT, rc, &err, ctx == NULL);
		return;
	}
	step_done(r, S_CONTEXT);
	rc = rc_evidence_base_new(&eb, ctx, &err);
	if (rc != 0) {
		failed(r, S_DEFAULT_BASE, rc, &err, eb == NULL);
		goto done;
	}
	step_done(r, S_DEFAULT_BASE);
	before = rc_evidence_base_entry_count(eb);
	rc = rc_evidence_base_add(eb, ctx, base_path, &err);
	if (rc != 0) {
		failed(r, S_USER_BASE, rc, &err, 1);
		if (rc_evidence_base_entry_count(eb) != before)
			problem(r, "a refused evidence file left entries behind", &err);
		goto done;
	}
	step_done(r, S_USER_BASE);
	rc = rc_model_load(&m, ctx, model_path, &err);
	if (rc != 0) {
		failed(r, S_LOAD, rc, &err, m == NULL);
		goto done;
	}
	step_done(r, S_LOAD);
	opts.evidence = eb;
	rc = rc_check_run(&f, m, &opts, &err);
	if (rc != 0) {
		failed(r, S_CHECK, rc, &err, f == NULL);
		goto done;
	}
	step_done(r, S_CHECK);
	rc = rc_confidence_new(&c, m, &err);
	if (rc != 0) {
		failed(r, S_CONFIDENCE, rc, &err, c == NULL);
		goto done;
	}
	step_done(r, S_CONFIDENCE);
	if (render_diagram(r, S_DOT, "dot", &r->dot, m, f, c, eb) != 0 ||
	    render_diagram(r, S_SVG, "svg", &r->svg, m, f, c, eb) != 0 ||
	    render_diagram(r, S_HTML, "html", &r->html, m, f, c, eb) != 0)
		goto done;
	checked.file = model_path;
	checked.model = m;
	checked.findings = f;
	checked.confidence = c;
	checked.error = NULL;
	render_findings(r, S_TEXT, "text", &r->text, &checked);
	if (r->stopped == S_DONE)
		render_findings(r, S_JSON, "json", &r->json, &checked);
	if (r->stopped == S_DONE)
		render_findings(r, S_SARIF, "sarif", &r->sarif, &checked);
done:
	if (c != (rc_confidence *)r)
		rc_confidence_free(&c);
	if (f != (rc_findings *)r)
		rc_findings_free(&f);
	if (m != (rc_model *)r)
		rc_model_free(&m);
	if (eb != (rc_evidence_base *)r)
		rc_evidence_base_free(&eb);
	rc_context_free(&ctx);
}

static void free_result(struct result *r)
{
	rc_buffer_free(&r->dot);
	rc_buffer_free(&r->svg);
	rc_buffer_free(&r->html);
	rc_buffer_free(&r->text);
	rc_buffer_free(&r->json);
	rc_buffer_free(&r->sarif);
}

static int same(const rc_buffer *a, const rc_buffer *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

static int same_output(const struct result *a, const struct result *b)
{
	return same(&a->dot, &b->dot) && same(&a->svg, &b->svg) && same(&a->html, &b->html) &&
	       same(&a->text, &b->text) && same(&a->json, &b->json) && same(&a->sarif, &b->sarif);
}

/* The step of the reference run that made allocation `n` (counting from 0), or S_DONE past the last. */
static enum stage stage_of(const struct result *reference, long n)
{
	enum stage s;

	for (s = 0; s < S_DONE; s++) {
		if (n < reference->allocs[s])
			return s;
		n -= reference->allocs[s];
	}
	return S_DONE;
}

/*
 * One run with allocation `n` and all after it failing; returns nonzero when
 * it broke the contract (and says so in TAP). Counts the runs that kept it,
 * by the step that made the allocation.
 */
static int run_failing(const struct mode *mode, long n, long allocations, const struct result *reference, long *clean,
                       int *tests)
{
	static struct result r;
	enum stage expected = stage_of(reference, n);
	long live = rc_alloc_live();
	long made;

	memset(&r, 0, sizeof(r));
	mode->fail(n);
	run(&r);
	made = rc_alloc_fail_after(-1);
	if (!r.problem[0] && r.stopped == S_DONE && !same_output(&r, reference))
		snprintf(r.problem, sizeof(r.problem),
		         "succeeded despite the failed allocation, with different output");
	/* Only when every allocation after the failed one fails too is the count known. */
	if (!r.problem[0] && mode == &modes[0] && n < allocations && made != n)
		snprintf(r.problem, sizeof(r.problem),
		         "made %ld allocations, not %ld: the pipeline is not deterministic", made, n);
	if (!r.problem[0] && r.stopped != S_DONE && r.stopped != expected)
		snprintf(r.problem, sizeof(r.problem), "the allocation was made by %s, but %s failed",
		         stage_names[expected], stage_names[r.stopped]);
	if (!r.problem[0] && n >= allocations && r.stopped != S_DONE)
		snprintf(r.problem, sizeof(r.problem), "failed at %s although no allocation failed",
		         stage_names[r.stopped]);
	free_result(&r);
	/* LeakSanitizer excuses what an excused Graphviz block points to: count the library's own blocks too. */
	if (!r.problem[0] && rc_alloc_live() != live)
		snprintf(r.problem, sizeof(r.problem), "kept %ld of the library's allocations", rc_alloc_live() - live);
#ifdef HAVE_LSAN
	if (!r.problem[0] && __lsan_do_recoverable_leak_check() != 0)
		snprintf(r.problem, sizeof(r.problem), "memory leaked (LeakSanitizer's report above)");
#endif
	if (!r.problem[0]) {
		clean[expected]++;
		return 0;
	}
	printf("not ok %d - %s fails, n = %ld (made by %s): %s\n", ++*tests, mode->name, n, stage_names[expected],
	       r.problem);
	fflush(stdout);
	return 1;
}

/* One TAP line per path: how many allocation points it has, and that each failed cleanly. */
static int report_paths(const struct mode *mode, const struct result *reference, const long *clean, int *tests)
{
	size_t p;
	int failures = 0;

	for (p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
		long points = 0, kept = 0;
		enum stage s;
		char detail[256];
		size_t used = 0;

		detail[0] = '\0';
		for (s = paths[p].first; s <= paths[p].last; s++) {
			points += reference->allocs[s];
			kept += clean[s];
			used += (size_t)snprintf(detail + used, sizeof(detail) - used, "%s%s %ld",
			                         s == paths[p].first ? "" : ", ", stage_names[s], reference->allocs[s]);
		}
		failures += kept != points;
		printf("%s %d - %s path: %ld allocation points (%s); %s fails: %ld clean, without a leak\n",
		       kept == points ? "ok" : "not ok", ++*tests, paths[p].name, points, detail, mode->name, kept);
	}
	return failures;
}

static int usage(const char *argv0)
{
	fprintf(stderr, "usage: %s [-m after|once|both] MODEL EVIDENCE-BASE [N]\n", argv0);
	return 2;
}

int main(int argc, char **argv)
{
	static struct result reference;
	long clean[2][S_COUNT] = { { 0 } };
	long n, allocations = 0, only = -1;
	int failures = 0, tests = 0, arg = 1;
	size_t k, first_mode = 0, last_mode = 1;
	enum stage s;

	if (argc > 2 && strcmp(argv[1], "-m") == 0) {
		if (strcmp(argv[2], "after") == 0)
			last_mode = 0;
		else if (strcmp(argv[2], "once") == 0)
			first_mode = 1;
		else if (strcmp(argv[2], "both") != 0)
			return usage(argv[0]);
		arg = 3;
	}
	if (argc - arg < 2 || argc - arg > 3 || (argc - arg == 3 && first_mode != last_mode))
		return usage(argv[0]);
	model_path = argv[arg];
	base_path = argv[arg + 1];
	if (argc - arg == 3)
		only = strtol(argv[arg + 2], NULL, 10);

	/* The reference run, with no failure: it must succeed, and counts each step's allocations. */
	rc_alloc_fail_after(-1);
	reference.counting = 1;
	run(&reference);
	for (s = 0; s < S_DONE; s++)
		allocations += reference.allocs[s];
	tests++;
	if (reference.stopped != S_DONE || reference.problem[0]) {
		printf("not ok %d - reference run: stopped at %s: %s\n", tests, stage_names[reference.stopped],
		       reference.problem);
		printf("1..%d\n", tests);
		return 1;
	}
	printf("ok %d - reference run: %ld allocations\n", tests, allocations);
	fflush(stdout);

	if (only >= 0) {
		failures = run_failing(&modes[first_mode], only, allocations, &reference, clean[first_mode], &tests);
		if (!failures)
			printf("ok %d - %s fails, n = %ld: clean\n", ++tests, modes[first_mode].name, only);
		free_result(&reference);
		printf("1..%d\n", tests);
		return failures ? 1 : 0;
	}
	/* In each mode, allocation n fails for each of the reference run's allocations; then one run where none fails.
	 */
	for (k = first_mode; k <= last_mode; k++) {
		int broken = 0;

		for (n = 0; n <= allocations && broken < 20; n++)
			broken += run_failing(&modes[k], n, allocations, &reference, clean[k], &tests);
		if (broken >= 20)
			printf("# %s: stopped after 20 failures, at n = %ld of %ld\n", modes[k].name, n - 1,
			       allocations);
		failures += broken + report_paths(&modes[k], &reference, clean[k], &tests);
		printf("%s %d - %s: a run without failure after the %ld failing ones\n",
		       clean[k][S_DONE] == 1 ? "ok" : "not ok", ++tests, modes[k].name, allocations);
		failures += clean[k][S_DONE] != 1;
	}
	free_result(&reference);
	printf("1..%d\n", tests);
	printf("# allocation points covered: %ld, each failed in %zu way%s\n", allocations, last_mode - first_mode + 1,
	       last_mode > first_mode ? "s" : "");
	return failures ? 1 : 0;
}
