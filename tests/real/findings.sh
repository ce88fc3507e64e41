#!/bin/sh
# Lists the findings of every model in tests/real/, one line each, in a stable
# form for docs/real-models.md: MODEL<TAB>CODE<TAB>SEVERITY<TAB>LINE<TAB>MESSAGE.
# Usage: tests/real/findings.sh [RCHAIN]   (default: build/rchain)
# Run from the source root. Judgements in docs/real-models.md are keyed by
# MODEL, CODE and LINE: after a rule change, diff this list with the one the
# judgements were made on and re-judge the lines that changed.
set -eu
rchain=${1:-build/rchain}
for model in tests/real/*.xml; do
	name=$(basename "$model" .xml)
	"$rchain" check "$model" | sed -n "s|^$model:\([0-9]*\):[0-9]*: \([a-z]*\): \(.*\) \[\(RC[0-9]*\) [a-z-]*\]\$|$name	\4	\2	\1	\3|p;s|^$model: \([a-z]*\): \(.*\) \[\(RC[0-9]*\) [a-z-]*\]\$|$name	\3	\1	0	\2|p" || true
done
