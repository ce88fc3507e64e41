#!/usr/bin/env bash
# Smoke test of the benchmark generator: a 1,000-step model with seed 7 is the
# same bytes twice, passes `rchain check` (exit 0: no errors), and carries the
# features the benchmarks rely on. TAP output.
# Usage: smoke.sh RCHAIN-GENMODEL RCHAIN
set -u

genmodel=$1
rchain=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-bench-smoke.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

echo "1..4"
failed=0

# result OK DESCRIPTION: one TAP line.
result() {
	if [ "$1" = 0 ]; then
		echo "ok $2 - $3"
	else
		echo "not ok $2 - $3"
		failed=1
	fi
}

"$genmodel" 1000 7 >"$work/a.xml" && "$genmodel" 1000 7 >"$work/b.xml"
result $? 1 "rchain-genmodel 1000 7 runs twice"

cmp -s "$work/a.xml" "$work/b.xml"
result $? 2 "the same seed gives the same bytes"

"$rchain" check "$work/a.xml" >"$work/check.out" 2>&1
status=$?
result $status 3 "rchain check exits 0 on the generated model"
[ $status = 0 ] || sed -n '1,20s/^/# /p' "$work/check.out"

# Every level, feedback links, evidence and assumptions are present.
ok=0
for pattern in 'level="input"' 'level="activity"' 'level="engagement"' 'level="reaction"' \
	'level="knowledge"' 'level="practice"' 'level="outcome"' 'kind="feedback"' '<evidence ' \
	'<assumption' '<risk' '<indicator>' '<strand ' 'sector="third"'; do
	if ! grep -q "$pattern" "$work/a.xml"; then
		echo "# missing: $pattern"
		ok=1
	fi
done
result $ok 4 "the model has every level and every kind of annotation"
exit $failed
