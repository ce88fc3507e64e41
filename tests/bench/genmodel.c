/*
 * rchain-genmodel: writes a realistic model of STEPS steps to standard output,
 * for the benchmarks. The same STEPS and SEED always give the same bytes.
 *
 * Shape of the model. Steps are grouped in strands (one per 50 steps, at
 * most 48) and every strand has steps at all seven levels, in plausible
 * proportions. In the file, each strand's steps come level by level, followed
 * by the links that leave them. Causal links only go to a higher level, or to
 * a later step of the same level, so they can never form a cycle:
 *
 * - "spine" links join consecutive levels of a strand so that every step is
 *   linked from the level before and to the level after;
 * - extra links, up to about 1.5 causal links per step, go to the next
 *   level, to a later step of the same level, to the next level of another
 *   strand, and rarely over one level (a warning, as in real models);
 * - about one step in ten has a feedback link back to an earlier level.
 *
 * Assumptions, risks, evidence, indicators, partners and evidence-base refs
 * sit on a share of steps and links, and the model has a partnership with
 * partners of all four sectors, the Table 1 assumptions and risks of Cook
 * (2015) and a few external influences. `rchain check` reports no errors on
 * it; it does report warnings and notes, as it would on a real model.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEVELS = 7, OUTCOME = 6, STEPS_PER_STRAND = 50, MAX_STRANDS = 48 };

static const char *const level_ids[LEVELS] = {
	"input", "activity", "engagement", "reaction", "knowledge", "practice", "outcome",
};
/* Step ids start with the level's prefix: "act123". */
static const char *const level_prefix[LEVELS] = { "in", "act", "eng", "rea", "kno", "pra", "out" };
/* Share of the steps at each level, in percent. */
static const unsigned level_share[LEVELS] = { 8, 18, 14, 12, 16, 17, 15 };

/* ---- a small deterministic generator (xorshift64*, seeded through splitmix64) ---- */

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
	uint64_t z = seed + 0x9E3779B97F4A7C15u;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	rng_state = (z ^ (z >> 31)) | 1; /* never zero */
}

static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Du;
}

/* A number in [0, n); n > 0. */
static size_t pick(size_t n)
{
	return (size_t)((rng_next() >> 11) % n);
}

/* Nonzero with probability percent / 100. */
static int chance(unsigned percent)
{
	return pick(100) < percent;
}

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))
#define PICK(array) (array)[pick(COUNT(array))]

/* ---- the words of the model ---- */

static const char *const topics[] = {
	"early years",       "employability",       "health and wellbeing", "housing",
	"community safety",  "youth work",          "adult learning",       "transport",
	"digital inclusion", "unpaid carers",       "mental health",        "food insecurity",
	"green space",       "financial inclusion", "domestic abuse",       "school attainment",
	"physical activity", "loneliness",          "fuel poverty",         "alcohol and drugs",
	"care at home",      "child poverty",       "community transport",  "local democracy",
};

/* Step titles by level; '@' stands for the topic. */
static const char *const titles[LEVELS][4] = {
	{ "Dedicated staff time for @", "Pooled budget for @", "Shared data on @", "Volunteer hours given to @" },
	{ "Map local services for @", "Run joint workshops on @", "Agree shared aims for @",
	  "Train front-line staff in @" },
	{ "Residents affected by @ take part", "Front-line staff working on @ are involved",
	  "Community groups concerned with @ join in", "Young people take part in sessions on @" },
	{ "Partners see the value of joint work on @", "Residents feel listened to about @",
	  "Staff trust their partners on @", "The need for joint action on @ is recognised" },
	{ "Staff understand local needs around @", "Residents know where to get help with @",
	  "Partners gain skills in @", "Staff are confident to act on @" },
	{ "Services refer people across agencies for @", "Partners share information on @ routinely",
	  "Residents use local support for @", "Staff plan their work on @ with partners" },
	{ "Better @ for local people", "Fewer households struggling with @", "Reduced inequality in @",
	  "Improved @ in the most deprived areas" },
};

static const char *const places[] = { "ward", "locality", "neighbourhood", "school cluster", "town" };

static const char *const indicators[] = {
	"Share of residents reporting an improvement, from the annual household survey.",
	"Number of cross-agency referrals recorded each quarter.",
	"Partners' own rating of joint working, from the yearly partnership review.",
	"Take-up of services by people from the most deprived areas.",
	"Number of people supported, from partners' monitoring returns.",
};

static const char *const assumptions[] = {
	"Staff have time set aside for the work alongside their usual duties.",
	"People who take part tell others in their community about it.",
	"Partners keep funding the work for long enough to see a change.",
	"What staff learn in joint sessions carries over into their day-to-day practice.",
	"Residents trust the services enough to come forward.",
	"Managers in each partner organisation back the change.",
	"The data partners share are timely and accurate enough to act on.",
	"Local services have the capacity to meet the extra demand.",
};

static const char *const risks[] = {
	"Key staff move on and the relationships built so far are lost.",
	"Budget cuts in one partner end its part in the work.",
	"The people most affected do not take part.",
	"Partners fall back on their own targets when pressures grow.",
	"Information sharing stalls over data protection concerns.",
};

static const char *const mitigations[] = {
	"Record agreements in writing and brief new staff early.",
	"Agree a joint budget for at least three years.",
	"Work through trusted community organisations to reach people.",
	"Review progress together every quarter and agree shared priorities.",
};

static const char *const summaries[] = {
	"The partnership's monitoring shows the expected change in most sites.",
	"Participants described the change in focus groups held by the evaluators.",
	"A published review of similar partnerships found the same link.",
	"Front-line staff reported the change in the yearly practice survey.",
};

static const char *const strengths[] = { "weak", "moderate", "strong" };
static const char *const evidence_kinds[] = { "research", "monitoring", "stakeholder", "practice" };
static const char *const ratings[] = { "low", "medium", "high" };

/* Evidence-base features at each level, for steps' ref attributes. */
static const char *const features[LEVELS][3] = {
	{ "cook2015.d1.input.1", "cook2015.d1.input.2", "cook2015.d1.input.3" },
	{ "cook2015.d1.activity.1", "cook2015.d1.activity.2", "cook2015.d1.activity.3" },
	{ "cook2015.d1.engagement.1", "cook2015.d1.engagement.2", "cook2015.d1.engagement.3" },
	{ "cook2015.d1.reaction.1", "cook2015.d1.reaction.2", "cook2015.d1.reaction.3" },
	{ "cook2015.d1.knowledge.1", "cook2015.d1.knowledge.2", "cook2015.d1.knowledge.3" },
	{ "cook2015.d1.practice.1", "cook2015.d1.practice.2", "cook2015.d1.practice.3" },
	{ "cook2015.d1.outcome.1", "cook2015.d1.outcome.2", "cook2015.d1.outcome.3" },
};

/* Cook (2015) Table 1: the conditions for effective partnership working. */
static const char *const table1_assumptions[] = {
	"This is a partnership.",
	"Partnership is the appropriate form of organisation to address this issue.",
	"There is a clear need and rationale for the partnership.",
	"There are shared understandings of final outcomes.",
	"The partnership has sufficient autonomy and authority to make decisions.",
	"All partners are involved in clarifying direction and decision making.",
	"There is effective power sharing across the partnership.",
	"There are sufficient resources to deliver on objectives.",
	"Timeframes are realistic.",
};

static const char *const table1_risks[] = {
	"The term partnership is used to mask hierarchical arrangements.",
	"Partners do not share an understanding of the partnership's aims.",
	"Partners lack the autonomy to commit their organisations.",
	"The programme of work is complex and unwieldy.",
	"Some partners dominate decision making.",
	"The voluntary and community sector is excluded and marginalised.",
	"There are not enough resources to deliver on objectives.",
	"Timeframes are unrealistic.",
	"Staff turnover breaks up working relationships.",
};

static const char *const sectors[] = { "public", "public", "third", "community", "private" };
static const char *const partner_kinds[] = {
	"Council service",   "Health board team",   "Third sector interface member",
	"Community council", "Housing association", "Local employer",
	"Police division",   "College department",
};

/* ---- the shape: how many steps of each level in each strand ---- */

struct shape {
	size_t steps, strands, partners;
	size_t (*count)[LEVELS]; /* per strand and level */
	size_t (*first)[LEVELS]; /* global index of the first step of that strand and level */
	size_t(*strand_first);   /* global index of the strand's first step */
};

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p) {
		fputs("rchain-genmodel: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static void plan(struct shape *s, size_t steps)
{
	size_t per_level[LEVELS], given = 0, i, k, at = 0;
	int level;

	/* One step per level first, then the rest by share; what rounding leaves goes to activities. */
	for (level = 0; level < LEVELS; level++) {
		per_level[level] = 1 + (steps - LEVELS) * level_share[level] / 100;
		given += per_level[level];
	}
	per_level[1] += steps - given;
	s->steps = steps;
	s->strands = steps / STEPS_PER_STRAND;
	if (s->strands > MAX_STRANDS)
		s->strands = MAX_STRANDS;
	if (s->strands == 0)
		s->strands = 1;
	for (level = 0; level < LEVELS; level++) /* every strand needs a step at every level */
		if (s->strands > per_level[level])
			s->strands = per_level[level];
	s->partners = 4 + steps / 200;
	if (s->partners > 60)
		s->partners = 60;
	s->count = xcalloc(s->strands, sizeof(*s->count));
	s->first = xcalloc(s->strands, sizeof(*s->first));
	s->strand_first = xcalloc(s->strands, sizeof(*s->strand_first));
	for (i = 0; i < s->strands; i++) {
		s->strand_first[i] = at;
		for (level = 0; level < LEVELS; level++) {
			k = per_level[level];
			s->count[i][level] = k / s->strands + (i < k % s->strands);
			s->first[i][level] = at;
			at += s->count[i][level];
		}
	}
}

/* The level of global step `index`. */
static int level_of(const struct shape *s, size_t strand, size_t index)
{
	int level = LEVELS - 1;

	while (level > 0 && index < s->first[strand][level])
		level--;
	return level;
}

/* ---- links already written, so that no pair is linked twice ---- */

struct pairs {
	uint64_t *slot; /* from * 2^32 + to + 1; 0 is empty */
	size_t cap;
};

static int pair_add(struct pairs *p, size_t from, size_t to)
{
	uint64_t key = ((uint64_t)from << 32 | to) + 1;
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15u) >> 20) & (p->cap - 1);

	while (p->slot[i] && p->slot[i] != key)
		i = (i + 1) & (p->cap - 1);
	if (p->slot[i])
		return 0;
	p->slot[i] = key;
	return 1;
}

/* ---- writing ---- */

static void write_step_id(size_t index, int level)
{
	printf("%s%zu", level_prefix[level], index + 1);
}

static void write_assumption(const char *indent)
{
	const char *status = chance(85) ? NULL : chance(80) ? "holds" : "doubtful";

	printf("%s<assumption%s%s%s>%s</assumption>\n", indent, status ? " status=\"" : "", status ? status : "",
	       status ? "\"" : "", PICK(assumptions));
}

static void write_risk(const char *indent)
{
	printf("%s<risk likelihood=\"%s\" impact=\"%s\">\n", indent, PICK(ratings), PICK(ratings));
	printf("%s  <statement>%s</statement>\n", indent, PICK(risks));
	if (chance(75))
		printf("%s  <mitigation>%s</mitigation>\n", indent, PICK(mitigations));
	printf("%s</risk>\n", indent);
}

static void write_evidence(const char *indent, size_t number)
{
	printf("%s<evidence strength=\"%s\" kind=\"%s\"%s>\n", indent, PICK(strengths), PICK(evidence_kinds),
	       chance(5) ? " direction=\"challenges\"" : "");
	if (chance(96))
		printf("%s  <cite>Partnership monitoring report %zu (%zu).</cite>\n", indent, number % 400 + 1,
		       2015 + number % 9);
	printf("%s  <summary>%s</summary>\n", indent, PICK(summaries));
	printf("%s</evidence>\n", indent);
}

static void write_header(const struct shape *s, uint64_t seed)
{
	size_t i;

	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	printf("<!-- Generated by rchain-genmodel %zu %" PRIu64 " for the benchmarks. -->\n", s->steps, seed);
	printf("<model xmlns=\"urn:rchain:model:1\" id=\"generated-%zu\" version=\"1\">\n", s->steps);
	printf("  <title>Generated community planning results chain of %zu steps</title>\n", s->steps);
	printf("  <description>A synthetic results chain for a community planning partnership, with %zu\n"
	       "    strands of work. It is generated for benchmarks and says nothing about a real "
	       "place.</description>\n",
	       s->strands);
	printf("  <source>rchain-genmodel, seed %" PRIu64 ".</source>\n", seed);
	printf("  <partnership formation=\"%s\">\n", seed % 2 ? "mandated" : "voluntary");
	for (i = 0; i < s->partners; i++)
		printf("    <partner id=\"p%zu\" sector=\"%s\"%s>%s %zu</partner>\n", i + 1,
		       i < 4 ? sectors[i + 1] : PICK(sectors),
		       i == 0   ? " role=\"lead\""
		       : i == 3 ? " role=\"advisory\""
		                : "",
		       PICK(partner_kinds), i + 1);
	printf("  </partnership>\n");
	for (i = 0; i < s->strands; i++)
		printf("  <strand id=\"strand%zu\">%s</strand>\n", i + 1, topics[i % COUNT(topics)]);
	for (i = 0; i < 9; i++)
		printf("  <assumption id=\"t1.a%zu\" ref=\"cook2015.t1.a%zu\">%s</assumption>\n", i + 1, i + 1,
		       table1_assumptions[i]);
	for (i = 0; i < 9; i++) {
		printf("  <risk id=\"t1.r%zu\" ref=\"cook2015.t1.r%zu\">\n", i + 1, i + 1);
		printf("    <statement>%s</statement>\n", table1_risks[i]);
		printf("    <mitigation>%s</mitigation>\n", PICK(mitigations));
		printf("  </risk>\n");
	}
	printf("  <influence id=\"inf.policy\">National policy on public service reform.</influence>\n");
	printf("  <influence id=\"inf.austerity\">Austerity and pressure on every partner's budget.</influence>\n");
	for (i = 0; i < s->strands; i++) {
		printf("  <influence id=\"inf.rival%zu\" kind=\"rival\" on=\"", i + 1);
		write_step_id(s->first[i][OUTCOME], OUTCOME);
		printf("\">Work of single agencies on %s, apart from the partnership.</influence>\n",
		       topics[i % COUNT(topics)]);
	}
}

static void write_step(const struct shape *s, size_t strand, size_t index, int level)
{
	const char *topic = topics[(strand + pick(3)) % COUNT(topics)], *title, *at;
	size_t k, owners = 1 + pick(3);

	printf("  <step id=\"");
	write_step_id(index, level);
	printf("\" level=\"%s\" strand=\"strand%zu\"", level_ids[level], strand + 1);
	if (chance(10))
		printf(" ref=\"%s\"", PICK(features[level]));
	if (level != OUTCOME || chance(30)) {
		printf(" partners=\"");
		for (k = 0; k < owners; k++)
			printf("%sp%zu", k ? " " : "", (index * 3 + k) % s->partners + 1);
		printf("\"");
	}
	if (chance(8))
		printf(" confidence=\"%s\"", PICK(ratings));
	printf(">\n    <title>");
	title = PICK(titles[level]);
	at = strchr(title, '@');
	printf("%.*s%s%s, %s %zu</title>\n", (int)(at - title), title, topic, at + 1, PICK(places), index + 1);
	if (chance(25))
		printf("    <description>What the partnership expects to see in this area, as agreed by the\n"
		       "      partners at their planning session on %s.</description>\n",
		       topic);
	if ((level == OUTCOME || level == OUTCOME - 1) ? chance(85) : chance(10))
		printf("    <indicator>%s</indicator>\n", PICK(indicators));
	if (chance(8))
		write_assumption("    ");
	if (chance(5))
		write_risk("    ");
	if (chance(25))
		write_evidence("    ", index);
	printf("  </step>\n");
}

static void write_link(const struct shape *s, size_t from, size_t to, int feedback)
{
	size_t from_strand = 0, to_strand = 0;

	while (from_strand + 1 < s->strands && from >= s->strand_first[from_strand + 1])
		from_strand++;
	while (to_strand + 1 < s->strands && to >= s->strand_first[to_strand + 1])
		to_strand++;
	printf("  <link from=\"");
	write_step_id(from, level_of(s, from_strand, from));
	printf("\" to=\"");
	write_step_id(to, level_of(s, to_strand, to));
	printf("\"%s>\n", feedback ? " kind=\"feedback\"" : "");
	if (chance(feedback ? 50 : 65))
		write_assumption("    ");
	if (chance(8))
		write_risk("    ");
	if (!feedback && chance(15))
		write_evidence("    ", from + to);
	printf("  </link>\n");
}

/* A random step of `strand` at `level`. */
static size_t step_at(const struct shape *s, size_t strand, int level)
{
	return s->first[strand][level] + pick(s->count[strand][level]);
}

/* Links leaving the steps of one strand; returns the number of causal links written. */
static size_t write_links(const struct shape *s, struct pairs *seen, size_t strand)
{
	size_t(*count)[LEVELS] = s->count, size = 0, written = 0, target, tries, i;
	int level;

	for (level = 0; level < LEVELS; level++)
		size += count[strand][level];
	/* The spine: consecutive levels joined so that every step has a link in and out. */
	for (level = 0; level < OUTCOME; level++) {
		size_t a = count[strand][level], b = count[strand][level + 1], n = a > b ? a : b;

		for (i = 0; i < n; i++) {
			size_t from = s->first[strand][level] + i * a / n, to = s->first[strand][level + 1] + i * b / n;

			if (pair_add(seen, from, to)) {
				write_link(s, from, to, 0);
				written++;
			}
		}
	}
	/* Extra causal links, up to about 1.5 per step. */
	target = size * 3 / 2;
	for (tries = 0; written < target && tries < 4 * size; tries++) {
		size_t from = s->strand_first[strand] + pick(s->first[strand][OUTCOME] - s->strand_first[strand]);
		size_t to, r = pick(100);
		int same_level = 0;

		level = level_of(s, strand, from);
		if (r < 62) {
			to = step_at(s, strand, level + 1);
		} else if (r < 87 && level > 0) {
			to = step_at(s, strand, level);
			same_level = 1;
		} else if (r < 97 && s->strands > 1) {
			to = step_at(s, pick(s->strands), level + 1);
		} else if (level >= 1 && level + 2 <= OUTCOME) {
			to = step_at(s, strand, level + 2);
		} else {
			continue;
		}
		/* Within a level, only to a later step: causal links never close a cycle. */
		if ((!same_level || to > from) && pair_add(seen, from, to)) {
			write_link(s, from, to, 0);
			written++;
		}
	}
	/* Feedback: about one step in ten leads back to an earlier level. */
	for (i = 0; i < size / 10; i++) {
		size_t from = s->first[strand][2] + pick(s->strand_first[strand] + size - s->first[strand][2]);
		int back = level_of(s, strand, from) - 1 - (int)pick(2);
		size_t to = step_at(s, strand, back > 0 ? back : 0);

		if (pair_add(seen, from, to))
			write_link(s, from, to, 1);
	}
	return written;
}

int main(int argc, char **argv)
{
	struct shape s = { 0 };
	struct pairs seen = { 0 };
	char *end;
	unsigned long long steps, seed = 1;
	size_t strand;
	int level;

	if (argc < 2 || argc > 3) {
		fputs("usage: rchain-genmodel STEPS [SEED]\n", stderr);
		return 2;
	}
	steps = strtoull(argv[1], &end, 10);
	if (*end || argv[1][0] == '-' || steps < LEVELS || steps > 10000000) {
		fputs("rchain-genmodel: STEPS must be a number from 7 to 10000000\n", stderr);
		return 2;
	}
	if (argc == 3) {
		seed = strtoull(argv[2], &end, 10);
		if (*end || argv[2][0] == '-' || argv[2][0] == '\0') {
			fputs("rchain-genmodel: SEED must be a non-negative number\n", stderr);
			return 2;
		}
	}
	rng_seed(seed);
	plan(&s, (size_t)steps);
	for (seen.cap = 64; seen.cap < s.steps * 4; seen.cap *= 2)
		;
	seen.slot = xcalloc(seen.cap, sizeof(*seen.slot));

	write_header(&s, seed);
	for (strand = 0; strand < s.strands; strand++) {
		printf("\n  <!-- Strand %zu: %s -->\n", strand + 1, topics[strand % COUNT(topics)]);
		for (level = 0; level < LEVELS; level++) {
			size_t i;

			for (i = 0; i < s.count[strand][level]; i++)
				write_step(&s, strand, s.first[strand][level] + i, level);
		}
		write_links(&s, &seen, strand);
	}
	printf("</model>\n");

	free(seen.slot);
	free(s.count);
	free(s.first);
	free(s.strand_first);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("rchain-genmodel: cannot write the model\n", stderr);
		return 1;
	}
	return 0;
}
