#!/usr/bin/env bash
# The manual pages: they render without warnings, and each command's options in rchain(1) are those of its --help.
# Usage: man.sh RCHAIN, the binary to test; $RCHAIN_SOURCE_DIR is the source root. TAP output.
set -u

rchain=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=${RCHAIN_SOURCE_DIR:?RCHAIN_SOURCE_DIR must name the source root}
work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-man.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1

out=$work/stdout
err=$work/stderr

# shellcheck source=tests/cli/tap.sh
. "$src/tests/cli/tap.sh"

# Rendering needs man and groff; without them those tests are skipped and the option checks still run.
renderer_missing=
command -v groff >/dev/null || renderer_missing="groff not found (Debian package: groff-base)"
command -v man >/dev/null || renderer_missing="man not found (Debian package: man-db)"

for page in docs/man/rchain.1 docs/man/rchain-model.5; do
	if [ -n "$renderer_missing" ]; then
		skip "$page renders with man and groff, without warnings" "$renderer_missing"
		continue
	fi
	MANWIDTH=80 man --warnings -l "$page" >"$out" 2>"$err"
	status=$?
	want_status 0
	want_stderr ""
	[ -s "$out" ] || problem "man rendered nothing"
	groff -ww -z -man "$page" >"$out" 2>&1 || problem "groff failed"
	[ ! -s "$out" ] || problem "groff warns: $(head -n 3 "$out")"
	verdict "$page renders with man and groff, without warnings"
done

# options TEXT: the options named in TEXT (roff or plain), one per line, sorted.
options() {
	python3 -c '
import re, sys
text = re.sub(r"\\f[BIRP]", "", sys.stdin.read()).replace("\\-", "-")
print("\n".join(sorted(set(re.findall(r"(?<![\w-])--?[a-zA-Z][a-z-]*(?![\w-])", text)))))'
}

# The commands the binary lists in its usage, each with a section ".SS \"rchain NAME\"" in rchain.1.
commands=$("$rchain" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
[ -n "$commands" ] || problem "no commands in rchain --help"
verdict "rchain --help lists its commands"

for command in $commands; do
	awk -v want=".SS \"rchain $command\"" '$0 == want { on = 1; next } /^\.S[SH]/ { on = 0 } on' docs/man/rchain.1 >"$work/section"
	if [ ! -s "$work/section" ]; then
		problem "rchain.1 has no section .SS \"rchain $command\""
	else
		"$rchain" "$command" --help | options >"$work/help"
		options <"$work/section" >"$work/man"
		extra=$(comm -13 "$work/help" "$work/man")
		missing=$(comm -23 "$work/help" "$work/man")
		[ -z "$extra" ] || problem "rchain.1 documents options '$command --help' lacks: $(echo $extra)"
		[ -z "$missing" ] || problem "'$command --help' has options rchain.1 lacks: $(echo $missing)"
	fi
	verdict "rchain $command: the options of --help and of rchain.1 agree"
done

# formats: the back-ends of the output registry as `rchain COMMAND --help` lists them ("NAME EXTS MEDIA: SUMMARY",
# one a line, from the "formats" section), or as rchain.1 does (lines "\fBNAME\fR (\fIEXTS\fR, MEDIA): SUMMARY.").
help_formats() {
	python3 -c '
import re, sys
text = sys.stdin.read()
text = text[text.find("\nformats"):] if "\nformats" in text else ""
for line in text.split("\n"):
    m = re.match(r"^  (\S+) +(\.[^\s,]+(?:, \.[^\s,]+)*) +(\S+) +(.*)$", line)
    if m:
        print("%s %s %s: %s" % m.groups())'
}
man_formats() {
	python3 -c '
import re, sys
for line in sys.stdin.read().split("\n"):
    m = re.match(r"^\\fB(\S+)\\fR \(\\fI([^\\]+)\\fR, (\S+)\): (.*)\.$", line)
    if m:
        print("%s %s %s: %s" % m.groups())'
}

# Every command with back-ends in the registry lists them in its --help, and rchain.1 lists exactly those, in order.
for command in check render report export diff; do
	awk -v want=".SS \"rchain $command\"" '$0 == want { on = 1; next } /^\.S[SH]/ { on = 0 } on' docs/man/rchain.1 >"$work/section"
	"$rchain" "$command" --help | help_formats >"$work/help"
	man_formats <"$work/section" >"$work/man"
	[ -s "$work/help" ] || problem "'$command --help' lists no formats"
	cmp -s "$work/help" "$work/man" ||
		problem "the formats of rchain.1 and of '$command --help' differ: $(diff "$work/help" "$work/man" | grep '^[<>]' | head -n 2)"
	verdict "rchain $command: rchain.1 lists exactly the formats of the registry"
done

echo "1..$tests"
[ "$failures" -eq 0 ]
