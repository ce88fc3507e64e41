/* The rule catalogue: one table of permanent codes, texts and the functions that run them. */
#include <string.h>

#include "check_internal.h"

/*
 * Codes are permanent: a rule that is retired keeps its code and is never
 * replaced; new rules take the next free number. Numbers carry no meaning.
 */
const struct rule rule_table[] = {
	{ { "RC001", "duplicate-id", RC_SEVERITY_ERROR, "Two elements of the model share one id.",
	    "Every id in a model names exactly one thing: links, influences and reviewers' comments point at "
	    "elements by id, so a repeated id makes every such reference ambiguous.",
	    "rchain model format (docs/format.md): one id space per model.",
	    "Rename one of the two elements, and update any link or reference that meant it." },
	  check_duplicate_id },
	{ { "RC002", "dangling-reference", RC_SEVERITY_ERROR,
	    "A reference names a step, strand, partner or rule that does not exist.",
	    "Links join steps by id, steps name their strand and partners by id, influences name the step they act "
	    "on, and suppressions name a rule code. A reference to nothing breaks the chain at that point.",
	    "rchain model format (docs/format.md).", "Correct the spelling of the id, or add the missing element." },
	  check_dangling_reference },
	{ { "RC003", "self-link", RC_SEVERITY_ERROR, "A link leads from a step (or level) to itself.",
	    "A results chain says how one step contributes to another; a step cannot be its own contribution.",
	    "Mayne, J. (2008) Contribution analysis: an approach to exploring cause and effect, ILAC Brief 16; "
	    "as applied in Cook (2015) appendix 7.3.",
	    "Point the link at the step it was meant to reach, or delete it." },
	  check_self_link },
	{ { "RC004", "undeclared-backward-link", RC_SEVERITY_ERROR,
	    "A causal link goes back to an earlier level without being declared feedback.",
	    "The chain runs from inputs to final outcomes. It is also a series of micro cycles: changes in practice "
	    "shape reactions and knowledge. Such a backward link is legitimate, but it must be declared as "
	    "feedback so that it is drawn as one and kept out of the causal pathways.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.3, "
	    "'Linking process to outcome'.",
	    "Add kind=\"feedback\" to the link if it is a micro cycle, or reverse it if it was drawn the wrong way." },
	  check_backward_link },
	{ { "RC005", "causal-cycle", RC_SEVERITY_ERROR, "Causal links form a cycle.",
	    "A pathway that returns to where it started cannot explain how an outcome came about. Loops between "
	    "steps are micro cycles and belong in feedback links, which are left out of the causal pathways.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.3.",
	    "Mark one link of the cycle kind=\"feedback\", or remove the link that closes it." },
	  check_causal_cycle },
	{ { "RC006", "orphan-step", RC_SEVERITY_WARNING, "A step has no links at all.",
	    "A step outside every pathway plays no part in the contribution story: either a link is missing or "
	    "the step does not belong in this chain.",
	    "Mayne, J. (2008) Contribution analysis, ILAC Brief 16: the theory of change sets out the links "
	    "between activities and results.",
	    "Link the step to what it contributes to and to what contributes to it, or remove it." },
	  check_orphan_step },
	{ { "RC007", "no-path-to-outcome", RC_SEVERITY_WARNING,
	    "No causal pathway leads from this step to any final outcome.",
	    "Every input, activity and intermediate result should contribute to a final outcome; a step that "
	    "leads nowhere is a dead end in the theory of change.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3: the "
	    "results chain links inputs and activities to outputs and outcomes.",
	    "Add the causal link that carries this step towards an outcome, or remove the step." },
	  check_no_path_to_outcome },
	{ { "RC008", "unreached-outcome", RC_SEVERITY_WARNING,
	    "No causal pathway from an input or activity reaches this outcome.",
	    "Contribution analysis asks how the partnership's own inputs and activities contributed to an outcome. "
	    "An outcome that none of them reaches has no contribution story.",
	    "Mayne, J. (2008) Contribution analysis, ILAC Brief 16; Cook (2015) appendix 7.3.",
	    "Link the intermediate steps that lead from the activities to this outcome." },
	  check_unreached_outcome },
	{ { "RC009", "no-activity", RC_SEVERITY_ERROR, "The chain has no activity step.",
	    "A results chain explains what the partnership does and what difference that makes; without "
	    "activities there is nothing whose contribution can be assessed.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, Diagram 1.",
	    "Add at least one step with level=\"activity\"." },
	  check_no_activity },
	{ { "RC010", "no-outcome", RC_SEVERITY_ERROR, "The chain has no final outcome step.",
	    "Contribution analysis starts from the cause-effect question: which outcome did the intervention "
	    "contribute to? A chain without outcomes cannot answer it.",
	    "Mayne, J. (2008) Contribution analysis, ILAC Brief 16, step 1.",
	    "Add at least one step with level=\"outcome\"." },
	  check_no_outcome },
	{ { "RC011", "columns-only", RC_SEVERITY_NOTE, "The model links whole columns, not steps.",
	    "A model drawn as columns says which levels lead to which, but not which step leads to which. It can "
	    "be checked level by level, but it cannot claim a pathway from a particular activity to a particular "
	    "outcome, so orphan, pathway and reachability checks are not made.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, Diagram 1 (drawn "
	    "as columns).",
	    "Add step-level <link> elements where you can say which step contributes to which." },
	  check_columns_only },
};

const size_t rule_table_len = sizeof(rule_table) / sizeof(rule_table[0]);

size_t rc_rule_count(void)
{
	return rule_table_len;
}

const rc_rule *rc_rule_at(size_t i)
{
	return i < rule_table_len ? &rule_table[i].info : NULL;
}

const rc_rule *rc_rule_find(const char *code_or_slug)
{
	size_t i;

	for (i = 0; i < rule_table_len; i++)
		if (strcmp(rule_table[i].info.code, code_or_slug) == 0 ||
		    strcmp(rule_table[i].info.slug, code_or_slug) == 0)
			return &rule_table[i].info;
	return NULL;
}
