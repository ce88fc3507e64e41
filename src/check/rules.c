/* The rule catalogue: one table of permanent codes, texts and the functions that run them. */
#include <string.h>

#include "check/internal.h"

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
	{ { "RC012", "level-skip", RC_SEVERITY_WARNING, "A causal link skips one or more levels of the chain.",
	    "The results chain runs through inputs, activities, engagement, reactions, knowledge and practice to final "
	    "outcomes. A link that jumps over a level assumes the change at the skipped levels happens by itself; "
	    "naming those steps is where most of the explaining is done.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3 and "
	    "Diagram 1.",
	    "Add the intermediate steps (who is reached, how they react, what they learn or do differently) and link "
	    "through them." },
	  check_level_skip },
	{ { "RC013", "miracle-leap", RC_SEVERITY_ERROR, "An input or activity links straight to a final outcome.",
	    "A link from what the partnership puts in or does straight to a final outcome leaves out every step "
	    "through which change happens: the reach, reactions, learning and changed practice that a contribution "
	    "story has to show. It is the widest gap a chain can have.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3: the "
	    "results chain explicitly includes the reactions, knowledge and attitudes of those involved.",
	    "Replace the link with a pathway through engagement, reaction, knowledge and practice steps." },
	  check_miracle_leap },
	{ { "RC014", "reach-before-knowledge", RC_SEVERITY_WARNING,
	    "A knowledge or practice change has no engagement step before it.",
	    "People change what they know and do only after the partnership has reached and involved them. A knowledge "
	    "or practice step with no engagement step upstream assumes a reach the chain does not show. Only the first "
	    "such step of a pathway is reported.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, Diagram 1: "
	    "engagement, involvement and reach come before stakeholder reactions, knowledge and practice.",
	    "Add the engagement step (who is involved, and how) and link it to the change." },
	  check_reach_before_knowledge },
	{ { "RC015", "outcome-worded-as-activity", RC_SEVERITY_WARNING,
	    "An outcome is worded as an activity or an output.",
	    "A final outcome says what difference is made for people, not what the partnership does. rchain flags an "
	    "outcome whose title starts with an activity verb (deliver, develop, establish, produce, hold, run, set up "
	    "and the like, in any tense) or names partnership process or outputs (working together, partnership "
	    "working, a strategy, an action plan). The list is in docs/rules.md.",
	    "Health, Social Care and Housing Partnership Working: Briefing Notes for Practitioners and Managers "
	    "(2009), chapter 5, 'Picture the future': \"Working well together or producing a strategy is not "
	    "outcomes.\"",
	    "Reword the outcome as the change for service users, patients or citizens, and move the activity to the "
	    "activity level." },
	  check_outcome_wording },
	{ { "RC016", "duplicate-statement", RC_SEVERITY_WARNING, "Two steps make the same statement.",
	    "Two steps with the same title (ignoring case, spacing and punctuation) cannot be told apart on the "
	    "diagram or in a review, and usually mean one step was copied and not edited, or the same change was "
	    "entered twice.",
	    "rchain model hygiene (docs/rules.md).",
	    "Merge the two steps, or reword one so that each says what is different about it." },
	  check_duplicate_statement },
	{ { "RC017", "missing-indicator", RC_SEVERITY_WARNING, "An outcome or practice step has no indicator.",
	    "Without an indicator nobody can tell whether the change happened, so the step cannot be evidenced by "
	    "monitoring.",
	    "Health, Social Care and Housing Partnership Working: Briefing Notes for Practitioners and Managers "
	    "(2009), chapter 5, 'Monitor for outcomes': partnerships should derive clear indicators and targets from "
	    "shared vision and outcome priorities.",
	    "Add an <indicator> saying how the change would be seen." },
	  check_missing_indicator },
	{ { "RC018", "forward-feedback", RC_SEVERITY_WARNING, "A link declared feedback goes forward to a later level.",
	    "Feedback links are the micro cycles of the chain, where later changes shape earlier ones, so they point "
	    "back. A feedback link that points forward is left out of every causal pathway, which is rarely what was "
	    "meant.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.3, 'Linking "
	    "process to outcome'.",
	    "Remove kind=\"feedback\" if the link is causal, or reverse it if it is a micro cycle." },
	  check_forward_feedback },
	{ { "RC019", "link-without-assumption", RC_SEVERITY_WARNING, "A causal link states no assumption.",
	    "Each step of a results chain holds only under conditions: the assumptions. A link with none stated cannot "
	    "be tested or challenged, and is where reviewers look first for a missing assumption.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3: the "
	    "risks and assumptions associated with each step in the chain are explored.",
	    "Add an <assumption> to the link saying what must hold for the first step to lead to the second." },
	  check_link_without_assumption },
	{ { "RC020", "unmitigated-risk", RC_SEVERITY_WARNING,
	    "A risk of high likelihood or high impact has no mitigation.",
	    "A serious risk that nobody plans for can break the chain; the evidence stresses leadership, governance "
	    "and performance management that respond to the risks partnerships face.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.4, Table 1 "
	    "and 'Practical implications: leadership, governance and performance management'.",
	    "Add a <mitigation> to the risk, or lower its likelihood or impact if the rating was too high." },
	  check_unmitigated_risk },
	{ { "RC021", "doubtful-assumption", RC_SEVERITY_WARNING,
	    "A step or link rests on an assumption marked doubtful.",
	    "A doubtful assumption is a challenge to the contribution story: the link may not hold. Contribution "
	    "analysis asks that such challenges are assessed and that more evidence is sought where the story is weak.",
	    "Mayne, J. (2008) Contribution analysis: an approach to exploring cause and effect, ILAC Brief 16, as "
	    "cited in Cook (2015) appendix 7.3.",
	    "Seek evidence on the assumption and set status=\"holds\" when it is confirmed, or revise the chain." },
	  check_doubtful_assumption },
	{ { "RC022", "no-influence", RC_SEVERITY_WARNING, "No external influence or rival explanation is named.",
	    "Outcomes are not the result of any one feature or intervention but arise from a range of factors. A "
	    "contribution story has to name the other influences and rival explanations, or it over-claims.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3; Mayne, "
	    "J. (2008) Contribution analysis: an approach to exploring cause and effect, ILAC Brief 16, as cited in "
	    "Cook (2015) appendix 7.3.",
	    "Add <influence> elements for the external factors and rival explanations (for example national policy, "
	    "funding, other programmes)." },
	  check_no_influence },
	{ { "RC023", "evidence-gap", RC_SEVERITY_NOTE, "A step or causal link has no evidence.",
	    "The contribution story is built from evidence gathered for each step and link. Those without any are the "
	    "evidence gaps: where the next piece of evidence should be sought.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3: "
	    "evidence from a range of sources is gathered together to develop a results chain.",
	    "Attach <evidence> (research, monitoring data, stakeholder feedback or practice) to the step or link." },
	  check_evidence_gap },
	{ { "RC024", "evidence-without-cite", RC_SEVERITY_WARNING, "A piece of evidence has no citation.",
	    "Evidence that cannot be traced to its source cannot be checked by a reviewer or weighed by a board.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, appendix 7.3.",
	    "Add a <cite> naming the source: author, year, title, and section or page." },
	  check_evidence_without_cite },
	{ { "RC025", "challenged-by-evidence", RC_SEVERITY_WARNING, "Evidence challenges a step or link.",
	    "Evidence that challenges part of the chain has to be weighed in the contribution story, not left out of "
	    "it; it lowers the confidence computed for that step or link.",
	    "Mayne, J. (2008) Contribution analysis: an approach to exploring cause and effect, ILAC Brief 16, as "
	    "cited in Cook (2015) appendix 7.3.",
	    "Weigh the challenge: revise the step or link, add the evidence that answers it, or record why it does not "
	    "apply." },
	  check_challenged },
	{ { "RC026", "overstated-confidence", RC_SEVERITY_WARNING,
	    "A stated confidence is higher than the evidence supports.",
	    "rchain rates each step from its evidence (docs/confidence.md). An evaluator may state a judgement, but a "
	    "judgement above what the attached evidence supports needs that evidence attached.",
	    "rchain confidence rating (docs/confidence.md), after Mayne, J. (2008) Contribution analysis: an approach "
	    "to exploring cause and effect, ILAC Brief 16, as cited in Cook (2015) appendix 7.3.",
	    "Attach the evidence the judgement rests on, or lower the stated confidence." },
	  check_overstated_confidence },
	{ { "RC027", "weakest-link", RC_SEVERITY_NOTE, "The weakest element of an outcome's strongest pathway.",
	    "The confidence of an outcome's contribution story is that of its strongest pathway, and a pathway is only "
	    "as strong as its weakest step or link. That weakest element is where new evidence would raise the "
	    "outcome's confidence most.",
	    "rchain confidence rating (docs/confidence.md), after Mayne, J. (2008) Contribution analysis: an approach "
	    "to exploring cause and effect, ILAC Brief 16, as cited in Cook (2015) appendix 7.3.",
	    "Seek evidence for this step or link first." },
	  check_weakest_link },
	{ { "RC028", "unowned-step", RC_SEVERITY_NOTE, "No partner is named as owning a step.",
	    "Effective partnerships clarify roles, responsibilities and lines of accountability; a step that no "
	    "partner owns is one nobody is accountable for. Outcomes are shared and are not flagged.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, Diagram 1 "
	    "(activities); Health, Social Care and Housing Partnership Working: Briefing Notes for Practitioners and "
	    "Managers (2009), chapter 5, review questions.",
	    "Name the partners who own the step in its partners attribute." },
	  check_unowned_step },
	{ { "RC029", "unknown-ref", RC_SEVERITY_ERROR, "A ref names no entry of the evidence base.",
	    "An assumption, risk or step that refers to the evidence base claims the support of a cited entry. A ref "
	    "to an entry that does not exist claims support that is not there.",
	    "rchain evidence base (docs/evidence.md).",
	    "Correct the id (see 'rchain evidence'), load the base that defines it with --evidence, or remove the "
	    "ref." },
	  check_unknown_ref },
	{ { "RC030", "unaddressed-assumption", RC_SEVERITY_NOTE,
	    "An evidence-based assumption that applies to the model is not addressed.",
	    "The evidence base holds the conditions that research found effective partnerships rest on. An applicable "
	    "one that no assumption, risk or step of the model refers to is a missing assumption: the model may rely "
	    "on it without saying so.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.4, Table 1 "
	    "and appendix 7.3; the other sources of docs/evidence.md.",
	    "State the assumption in the model where it belongs, with ref=\"ID\", or suppress the finding with a "
	    "reason if it does not apply." },
	  check_unaddressed_assumption },
	{ { "RC031", "unaddressed-risk", RC_SEVERITY_NOTE,
	    "An evidence-based risk that applies to the model is not addressed.",
	    "The evidence base holds the risks that research found to break partnerships. An applicable one that "
	    "nothing in the model refers to is a risk nobody has weighed.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.4, Table 1; "
	    "the other sources of docs/evidence.md.",
	    "Add the risk, with ref=\"ID\", its likelihood, impact and mitigation, or suppress the finding with a "
	    "reason." },
	  check_unaddressed_risk },
	{ { "RC032", "triggered-evidence", RC_SEVERITY_WARNING,
	    "Evidence that applies because of this partnership's own facts is not addressed.",
	    "Some evidence applies only to some partnerships: partnerships formed in response to a mandate or policy "
	    "directive have been found less robust than those the partners formed themselves; power between statutory "
	    "and third-sector partners has to be managed explicitly. When the "
	    "model's own facts (formation, partners' sectors, levels, size) make such an entry apply and the model "
	    "does not address it, the gap is specific to this partnership.",
	    "Cook, A. (2015) Partnership Working Across UK Public Services, What Works Scotland, section 5.4, "
	    "Motivation for establishing the partnership; Cook, A. (2016) Review of Research Evidence to Inform the "
	    "Implementation of the Carers (Scotland) Act 2016, section 2, implementation tasks table; the other "
	    "sources "
	    "of docs/evidence.md.",
	    "Address the entry in the model with ref=\"ID\" (an assumption, or a risk with a mitigation)." },
	  check_triggered_entry },
	{ { "RC033", "suggest-ref", RC_SEVERITY_NOTE,
	    "A statement resembles an evidence-base entry but does not refer to it.",
	    "An assumption or risk worded like an entry of the evidence base probably makes the same point; referring "
	    "to the entry links the model to its evidence and citation. Resemblance is word overlap: the content words "
	    "(three letters or more, common words left out) shared with the entry's text and keywords must be at least "
	    "two and at least half of the shorter statement's words (docs/rules.md).",
	    "rchain evidence base (docs/evidence.md).",
	    "Add ref=\"ID\" to the statement if it makes the entry's point." },
	  check_suggest_ref },
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
