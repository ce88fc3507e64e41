/* Runs every rule of the catalogue over a model into a findings store. */
#include <string.h>

#include "base/error.h"
#include "check/confidence.h"
#include "check/internal.h"

/* The function of each rule, in catalogue order. */
static void (*const rule_functions[])(struct checker *c) = {
#define RULE(code, slug, severity, summary, explanation, source, hint, function) function,
#include "check/rules.def"
#undef RULE
};

static int is_disabled(const rc_rule *rule, const rc_check_options *opts)
{
	size_t i;

	for (i = 0; opts && i < opts->disabled_count; i++)
		if (rc_rule_find(opts->disabled[i]) == rule)
			return 1;
	return 0;
}

int rc_check_run(rc_findings **out, const rc_model *model, const rc_check_options *opts, rc_error *err)
{
	struct rc_confidence confidence = { 0 };
	struct checker c;
	size_t i;

	*out = NULL;
	for (i = 0; opts && i < opts->disabled_count; i++)
		if (!rc_rule_find(opts->disabled[i]))
			return error_set(err, RC_EARG, "unknown rule '%s' (see 'rchain rules')", opts->disabled[i]);
	memset(&c, 0, sizeof(c));
	c.m = model;
	c.findings = findings_new();
	if (!c.findings || confidence_compute(&confidence, model) != 0 ||
	    chain_analyse(&c.chain, model, &confidence.graph) != 0) {
		c.status = RC_ENOMEM;
		goto done;
	}
	c.confidence = &confidence;
	c.evidence = opts ? opts->evidence : NULL;
	for (i = 0; i < rule_catalogue_len && !c.status; i++) {
		if (is_disabled(&rule_catalogue[i], opts))
			continue;
		c.rule = &rule_catalogue[i];
		c.model_suppression = model_suppression(model, c.rule);
		rule_functions[i](&c);
	}
done:
	/* Freed first: sorting and counting the findings needs neither, and the peak of memory is lower. */
	chain_analysis_free(&c.chain);
	confidence_free(&confidence);
	if (!c.status)
		c.status = findings_finish(c.findings, model);
	if (c.status) {
		rc_findings_free(&c.findings);
		return error_set(err, c.status, "out of memory while checking");
	}
	*out = c.findings;
	return 0;
}
