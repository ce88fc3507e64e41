#!/usr/bin/env bash
# A generated model over 10 MB (20,000 steps) loads and checks cleanly: libxml2 refuses a push
# parser more than 10,000,000 bytes ahead of itself, so the loader must feed it in pieces.
# Usage: large.sh RCHAIN-GENMODEL RCHAIN. TAP output.
set -u

work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-bench-large.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

echo "1..1"
"$1" 20000 7 >"$work/model.xml" || { echo "not ok 1 - rchain-genmodel 20000 7 failed"; exit 1; }
size=$(wc -c <"$work/model.xml")
if "$2" check "$work/model.xml" >/dev/null 2>"$work/err"; then
	echo "ok 1 - rchain check exits 0 on a $size-byte model"
else
	echo "not ok 1 - rchain check fails on a $size-byte model"
	sed 's/^/# /' "$work/err"
	exit 1
fi
