#!/usr/bin/env bash
# Hostile inputs: every case of cases.tsv run against rchain, with TAP output.
# Usage: run.sh RCHAIN [CASES]. RCHAIN is the binary to test; CASES defaults to cases.tsv beside this script.
#
# Each case runs in a fresh temporary directory, under `timeout 60` ($RCHAIN_HOSTILE_TIME_LIMIT seconds if set; a bound that catches hangs, not a speed test),
# with its input copied or generated there as NAME.xml, so that messages name short relative paths, and with that
# file as standard input. A case passes when it finishes in time with the expected exit status and:
#   err  stderr is exactly one line matching PATTERN (a whole-line extended regex) and stdout is empty;
#   out  stdout has a line matching PATTERN and stderr is empty;
# and when every check of its CHECKS column holds (see the check_ functions and the preparations in run_case):
#   nopasswd, mem=MB, svgsafe, dotsafe, tooltip, nowrite=FILE, chardev=FILE  properties of the result;
#   stdout=full, fsize=BLOCKS          run with stdout on /dev/full, or under ulimit -f BLOCKS;
#   readable, mknod=FILE, sysfs        preparations: the case is skipped when they cannot be made;
#   todo=WHY (last in the column)      a known bug: the case is a TAP TODO.
# Time and peak memory are measured for every case (memory only with GNU time) and the slowest listed at the end.
# Big inputs (10 MB titles, 50,000 steps, 200,000 links, billion laughs) are generated, never committed.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rchain=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cases=${2:-$here/cases.tsv}
work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-hostile.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT

time_limit=${RCHAIN_HOSTILE_TIME_LIMIT:-60}
# Sanitizers multiply memory use; their builds set a factor for the memory caps.
memory_factor=${RCHAIN_HOSTILE_MEMORY_FACTOR:-1}
gnu_time=
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && gnu_time=/usr/bin/time

tests=0
failures=0
problems=()
timings=()

# problem TEXT: notes a failed check, as one TAP diagnostic line.
problem() {
	local text="$*"
	problems+=("${text//$'\n'/ | }")
}

# ---- generated inputs: gen_NAME FILE writes the input to FILE ----

model_head() {
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="urn:rchain:model:1" id="%s" version="1">\n' "$1"
}

# The classic "billion laughs": ten levels of ten references, 10^9 copies of "lol" if expanded.
gen_billion_laughs() {
	{
		printf '<?xml version="1.0"?>\n<!DOCTYPE model [\n  <!ENTITY lol "lol">\n'
		printf '  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
		for i in 2 3 4 5 6 7 8 9; do
			printf '  <!ENTITY lol%d "' "$i"
			for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%d;' $((i - 1)); done
			printf '">\n'
		done
		printf ']>\n<model xmlns="urn:rchain:model:1" id="lol" version="1"><title>&lol9;</title></model>\n'
	} >"$1"
}

# Quadratic blow-up: one 100,000-character entity referenced 100,000 times (10^10 characters if expanded).
gen_quadratic_blowup() {
	local big refs
	big=$(head -c 100000 /dev/zero | tr '\0' 'a')
	refs=$(head -c 100000 /dev/zero | tr '\0' 'x' | sed 's/x/\&a;/g')
	printf '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY a "%s">]>\n<model xmlns="urn:rchain:model:1" id="q" version="1"><title>%s</title></model>\n' \
		"$big" "$refs" >"$1"
}

# Billion laughs again, as an evidence-base file.
gen_evidence_laughs() {
	gen_billion_laughs "$1"
	sed -i 's|<model xmlns="urn:rchain:model:1" id="lol" version="1"><title>&lol9;</title></model>|<base xmlns="urn:rchain:evidence:1" id="lol" version="1"><title>\&lol9;</title></base>|; s/DOCTYPE model/DOCTYPE base/' "$1"
}

# 10,000 steps, each nested in the one before.
gen_deep_steps() {
	{
		model_head deep
		printf '  <title>Deep nesting</title>\n'
		awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<step id=\"s%d\" level=\"activity\"><title>Step %d</title>", i, i;
			for (i = 0; i < 10000; i++) printf "</step>"; print "" }'
		printf '</model>\n'
	} >"$1"
}

# 10,000 nested elements of no namespace, with no model at all.
gen_deep_foreign() {
	awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<a>"; for (i = 0; i < 10000; i++) printf "</a>"; print "" }' >"$1"
}

# A title of N characters (default 10 MiB), each character CHAR (default a).
gen_title() {
	{
		model_head title
		printf '  <title>'
		head -c "${2:-10485760}" /dev/zero | tr '\0' 'a'
		printf '</title>\n</model>\n'
	} >"$1"
}

gen_title_4097() {
	gen_title "$1" 4097
}

# 4,096 two-byte characters: at the limit, which counts characters, not bytes.
gen_title_4096_multibyte() {
	{
		model_head title
		printf '  <title>'
		head -c 4096 /dev/zero | tr '\0' 'a' | sed 's/a/é/g'
		printf '</title>\n'
		printf '  <step id="a" level="activity"><title>Run sessions</title></step>\n'
		printf '  <step id="o" level="outcome"><title>Healthier diets</title><indicator>Meals</indicator></step>\n'
		printf '</model>\n'
	} >"$1"
}

# A suppress reason of 10 MiB: an attribute value over libxml2's own limit.
gen_attribute_10mb() {
	{
		model_head attr
		printf '  <title>A long reason</title>\n  <suppress rule="RC022" reason="'
		head -c 10485760 /dev/zero | tr '\0' 'r'
		printf '"/>\n</model>\n'
	} >"$1"
}

# A comment of 10 MiB.
gen_comment_10mb() {
	{
		model_head comment
		printf '  <title>A long comment</title>\n  <!--'
		head -c 10485760 /dev/zero | tr '\0' 'c'
		printf -- '-->\n</model>\n'
	} >"$1"
}

# 100,000 attributes on one start tag (libxml2 2.9 compares each with all before it).
# 100,000 steps each with a schema error: the loader reports the first RC_PROBLEM_CAP (100) and stops.
gen_schema_errors() {
	{
		model_head errors
		printf '  <title>Schema errors</title>\n'
		awk 'BEGIN { for (i = 0; i < 100000; i++) printf "  <step id=\"s%d\" level=\"practise\"><title>S</title></step>\n", i }'
		printf '</model>\n'
	} >"$1"
}

gen_many_attributes() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="urn:rchain:model:1" id="attrs" version="1"'
		awk 'BEGIN { for (i = 0; i < 100000; i++) printf " a%d=\"x\"", i }'
		printf '>\n  <title>Many attributes</title>\n</model>\n'
	} >"$1"
}

# 100,000 namespace declarations on one start tag: attributes the schema never sees.
gen_many_namespaces() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="urn:rchain:model:1" id="ns" version="1"'
		awk 'BEGIN { for (i = 0; i < 100000; i++) printf " xmlns:n%d=\"urn:n%d\"", i, i }'
		printf '>\n  <title>Many namespaces</title>\n</model>\n'
	} >"$1"
}

# A sound model padded with 70,000 comment lines, so that its one dangling link sits past line 65,535.
gen_lines_70000() {
	{
		model_head lines
		printf '  <title>Seventy thousand lines</title>\n'
		printf '  <step id="a" level="activity"><title>Run sessions</title></step>\n'
		awk 'BEGIN { for (i = 0; i < 70000; i++) print "  <!-- padding -->" }'
		printf '  <link from="a" to="nowhere"/>\n</model>\n'
	} >"$1"
}

# 200,000 links between three steps.
gen_links_200k() {
	{
		model_head links
		printf '  <title>Two hundred thousand links</title>\n'
		printf '  <step id="a" level="activity"><title>Run sessions</title></step>\n'
		printf '  <step id="e" level="engagement"><title>Families attend</title></step>\n'
		printf '  <step id="o" level="outcome"><title>Healthier diets</title><indicator>Meals</indicator></step>\n'
		awk 'BEGIN { for (i = 0; i < 100000; i++) print "  <link from=\"a\" to=\"e\"/>\n  <link from=\"e\" to=\"o\"/>" }'
		printf '</model>\n'
	} >"$1"
}

# 50,000 steps as 7,143 short chains, one step per level: the shape of a big but ordinary model.
gen_steps_50k() {
	{
		model_head steps
		printf '  <title>Fifty thousand steps</title>\n'
		awk 'BEGIN { split("input activity engagement reaction knowledge practice outcome", level, " ");
			for (i = 0; i < 50000; i++)
				printf "  <step id=\"s%d\" level=\"%s\"><title>Step %d</title></step>\n", i, level[1 + i % 7], i;
			for (i = 1; i < 50000; i++)
				if (i % 7) printf "  <link from=\"s%d\" to=\"s%d\"/>\n", i - 1, i }'
		printf '</model>\n'
	} >"$1"
}

# 50,000 steps in one chain through the levels: 7,143 outcomes, each at the end of a pathway of some 46,000 links.
gen_chain_50k() {
	{
		model_head chain
		printf '  <title>One chain of fifty thousand steps</title>\n'
		awk 'BEGIN { split("input activity engagement reaction knowledge practice outcome", level, " ");
			for (i = 0; i < 50000; i++)
				printf "  <step id=\"s%d\" level=\"%s\"><title>Step %d</title></step>\n", i, level[1 + int(i * 7 / 50000)], i;
			for (i = 1; i < 50000; i++) printf "  <link from=\"s%d\" to=\"s%d\"/>\n", i - 1, i }'
		printf '</model>\n'
	} >"$1"
}

# 300 steps and 2,991 forward links drawn at random (Park-Miller, so every awk draws the same): crossings everywhere.
gen_dense() {
	{
		model_head dense
		printf '  <title>Dense links</title>\n'
		awk 'BEGIN { split("input activity engagement reaction knowledge practice outcome", level, " ");
			for (i = 0; i < 300; i++)
				printf "  <step id=\"s%d\" level=\"%s\"><title>Step %d</title></step>\n", i, level[1 + int(i * 7 / 300)], i;
			x = 7;
			for (k = 0; k < 3000; k++) {
				x = (x * 16807) % 2147483647; a = x % 300;
				x = (x * 16807) % 2147483647; b = x % 300;
				if (a > b) { t = a; a = b; b = t }
				if (a != b) printf "  <link from=\"s%d\" to=\"s%d\"/>\n", a, b
			} }'
		printf '</model>\n'
	} >"$1"
}

gen_invalid_utf8() {
	{
		model_head utf8
		printf '  <title>Caf\xff\xfe</title>\n</model>\n'
	} >"$1"
}

# A two-byte sequence cut short by the next '<'.
gen_truncated_utf8() {
	{
		model_head utf8
		printf '  <title>Caf\xc3</title>\n</model>\n'
	} >"$1"
}

# "/" written in two bytes (an overlong form, invalid UTF-8).
gen_overlong_utf8() {
	{
		model_head utf8
		printf '  <title>a\xc0\xafb</title>\n</model>\n'
	} >"$1"
}

# A UTF-16 surrogate written as UTF-8 (invalid).
gen_surrogate_utf8() {
	{
		model_head utf8
		printf '  <title>a\xed\xa0\x80b</title>\n</model>\n'
	} >"$1"
}

gen_nul_byte() {
	{
		model_head nul
		printf '  <title>before\0after</title>\n</model>\n'
	} >"$1"
}

# A NUL byte, then an ordinary UTF-8 model: not UTF-16.
gen_nul_first() {
	{
		printf '\0'
		cat "$here/inputs/good.xml"
	} >"$1"
}

gen_utf16le() {
	iconv -f UTF-8 -t UTF-16LE "$here/inputs/good.xml" >"$1"
}

gen_utf16be() {
	iconv -f UTF-8 -t UTF-16BE "$here/inputs/good.xml" >"$1"
}

gen_utf16le_bom() {
	{
		printf '\xff\xfe'
		iconv -f UTF-8 -t UTF-16LE "$here/inputs/good.xml"
	} >"$1"
}

gen_utf16be_bom() {
	{
		printf '\xfe\xff'
		iconv -f UTF-8 -t UTF-16BE "$here/inputs/good.xml"
	} >"$1"
}

gen_utf8_bom() {
	{
		printf '\xef\xbb\xbf'
		cat "$here/inputs/good.xml"
	} >"$1"
}

gen_bom_only() {
	printf '\xef\xbb\xbf' >"$1"
}

# Bytes in another encoding, declared as such.
gen_declared_latin1() {
	{
		printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<model xmlns="urn:rchain:model:1" id="latin1" version="1">\n'
		printf '  <title>Caf\xe9</title>\n</model>\n'
	} >"$1"
}

# The head of a real executable.
gen_binary() {
	local exe=/bin/true
	[ -f "$exe" ] || exe=/usr/bin/true
	head -c 4096 "$exe" >"$1"
}

gen_directory() {
	mkdir "$1"
}

gen_unreadable() {
	cp "$here/inputs/good.xml" "$1"
	chmod 000 "$1"
}

# ---- checks named in the CHECKS column ----

# nopasswd: nothing of /etc/passwd reaches either stream.
check_nopasswd() {
	! grep -q 'root:x:0:0' "$1.out" "$1.err" || problem "the content of /etc/passwd was output"
}

# svgsafe: the drawing on stdout is one well-formed SVG in which no injected markup survives unescaped.
check_svgsafe() {
	[ "$(tail -n 1 "$1.out")" = "</svg>" ] || problem "stdout does not end with </svg>"
	! grep -qi '<script' "$1.out" || problem "raw <script> in the SVG"
	! grep -qF '"]; x [label="' "$1.out" || problem "an injected quote reached the SVG unescaped"
	grep -qF '&lt;/title&gt;&lt;script&gt;alert(8)' "$1.out" || problem "the step title is not shown escaped"
	grep -qF '\N' "$1.out" || problem "a literal \\N was expanded by Graphviz"
	if command -v xmllint >/dev/null; then
		xmllint --noout --nonet "$1.out" 2>/dev/null || problem "the SVG is not well-formed XML"
	fi
}

# dotsafe: the DOT on stdout parses, and its only nodes are the ones rchain generates.
check_dotsafe() {
	local names
	command -v gvpr >/dev/null || return 0
	names=$(gvpr 'N { print($.name) }' "$1.out" 2>&1) || {
		problem "the DOT does not parse: $names"
		return
	}
	names=$(grep -Ev '^(s[0-9]+|level_[a-z]+|row_[a-z0-9]+|rows|key)$' <<<"$names")
	[ -z "$names" ] || problem "nodes that rchain did not create: $names"
}

# tooltip: entity-like user text ("&lt;" written as &amp;lt;) is not decoded into markup in SVG tooltips.
check_tooltip() {
	! grep -qF '\N &lt; ]]&gt;' "$1.out" || problem "the text '&lt;' is shown as '<' in a tooltip"
}

# mem=MB: the peak memory stayed under MB megabytes.
check_mem() {
	[ -z "$peak_kb" ] || [ "$peak_kb" -lt $(($2 * 1024 * memory_factor)) ] ||
		problem "peak memory $peak_kb kB, not under $(($2 * memory_factor)) MB"
}

# nowrite=FILE: FILE was not created, and no temporary file was left behind.
check_nowrite() {
	[ ! -e "$2" ] || problem "$2 was written"
	[ -z "$(find . -name '.rchain-*.tmp')" ] || problem "temporary files left: $(find . -name '.rchain-*.tmp')"
}

# chardev=FILE: FILE is still the character device it was.
check_chardev() {
	[ -c "$2" ] || problem "$2 is no longer a character device"
}

# ---- running one case ----

# run_case NAME INPUT ARGS EXIT WHERE PATTERN CHECKS
run_case() {
	local name=$1 input=$2 args=$3 want_exit=$4 where=$5 pattern=$6 checks=$7
	local in=$name.xml dir=$work/$name base=$work/$name/.result todo='' skip='' status lines check arg
	local -a argv=() opts=() list=()
	local stdin=/dev/null stdout fsize=

	elapsed=
	peak_kb=
	mkdir "$dir" && cd "$dir" || exit 1
	case $input in
	gen:*) "gen_${input#gen:}" "$in" ;;
	none) ;;
	*) cp "$here/$input" "$in" ;;
	esac
	cp "$here/inputs/good.xml" good.xml
	stdout=$base.out
	# todo=WHY comes last and takes the rest of the column, commas and all.
	if [[ $checks == *todo=* ]]; then
		todo=${checks#*todo=}
		checks=${checks%%todo=*}
	fi
	IFS=, read -ra list <<<"$checks"
	for check in "${list[@]}"; do
		case $check in
		stdout=full) [ -c /dev/full ] && stdout=/dev/full || skip="/dev/full is not a character device" ;;
		fsize=*) fsize=${check#fsize=} ;;
		readable) head -c 1 "$in" >/dev/null 2>&1 && skip="running as root: a mode-000 file can still be read" ;;
		mknod=*) mknod "${check#mknod=}" c 1 7 2>/dev/null && [ -c "${check#mknod=}" ] ||
			skip="cannot create a device node here" ;;
		sysfs) [ -d /sys/kernel ] || skip="no sysfs at /sys" ;;
		esac
	done
	for arg in $args; do
		case $arg in
		@IN) argv+=("$in") ;;
		@EMPTY) argv+=("") ;;
		*) argv+=("$arg") ;;
		esac
	done
	[ -f "$in" ] && [ -r "$in" ] && stdin=$in
	tests=$((tests + 1))
	if [ -n "$skip" ]; then
		echo "ok $tests - $name # SKIP $skip"
		cd "$work" || exit 1
		rm -rf "$dir"
		return
	fi

	[ -n "$gnu_time" ] && opts=("$gnu_time" -f '%e %M' -o "$base.time")
	local start=$EPOCHREALTIME
	(
		trap '' XFSZ
		[ -z "$fsize" ] || ulimit -f "$fsize"
		exec "${opts[@]}" timeout "$time_limit" "$rchain" "${argv[@]}"
	) <"$stdin" >"$stdout" 2>"$base.err"
	status=$?
	elapsed=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
	if [ -n "$gnu_time" ] && [ -s "$base.time" ]; then
		peak_kb=$(tail -n 1 "$base.time" | awk '{ print $2 }')
		# GNU time reports its own messages in the same file; keep the status it passes on.
		grep -q '^Command terminated by signal' "$base.time" && status=$((128 + $(sed -n 's/^Command terminated by signal //p' "$base.time")))
	fi
	[ "$stdout" = /dev/full ] && : >"$base.out"

	if [ "$status" -eq 124 ]; then
		problem "timed out after $time_limit s"
	elif [ "$status" -gt 128 ]; then
		problem "killed by signal $((status - 128)) (expected exit status $want_exit)"
	elif [ "$status" -ne "$want_exit" ]; then
		problem "exit status $status, expected $want_exit"
	fi
	case $where in
	err)
		lines=$(wc -l <"$base.err")
		[ "$lines" -eq 1 ] || problem "stderr has $lines lines, expected 1: $(head -c 300 "$base.err")"
		grep -Eqx -- "$pattern" "$base.err" || problem "stderr '$(head -c 300 "$base.err")' does not match '$pattern'"
		# Under a file size limit, what fitted before the limit may stay on stdout.
		[ ! -s "$base.out" ] || [ -n "$fsize" ] || problem "stdout is not empty: $(head -c 200 "$base.out")"
		;;
	out)
		[ ! -s "$base.err" ] || problem "stderr is not empty: $(head -c 300 "$base.err")"
		grep -Eqx -- "$pattern" "$base.out" || problem "stdout has no line matching '$pattern': $(tail -c 300 "$base.out")"
		;;
	*) problem "bad WHERE column '$where'" ;;
	esac
	for check in "${list[@]}"; do
		case $check in
		nopasswd | svgsafe | dotsafe | tooltip) "check_$check" "$base" ;;
		nowrite=* | chardev=* | mem=*) "check_${check%%=*}" "$base" "${check#*=}" ;;
		stdout=full | fsize=* | readable | mknod=* | sysfs | -) ;;
		*) problem "unknown check '$check'" ;;
		esac
	done

	timings+=("$elapsed $name ${peak_kb:-?}")
	local verdict="ok" directive=
	if [ ${#problems[@]} -gt 0 ]; then
		verdict="not ok"
		[ -n "$todo" ] || failures=$((failures + 1))
	fi
	[ -z "$todo" ] || directive=" # TODO known bug: $todo"
	echo "$verdict $tests - $name: exit $want_exit in ${elapsed} s, peak ${peak_kb:-?} kB$directive"
	[ ${#problems[@]} -eq 0 ] || printf '#   %s\n' "${problems[@]}"
	problems=()
	cd "$work" || exit 1
	rm -rf "$dir"
}

# ---- the manifest ----

while IFS=$'\t' read -r name input args want_exit where pattern checks; do
	case $name in '' | '#'*) continue ;; esac
	run_case "$name" "$input" "$args" "$want_exit" "$where" "$pattern" "${checks:--}"
done <"$cases"

echo "# slowest cases (seconds, name, peak kB):"
printf '%s\n' "${timings[@]}" | sort -rn | head -n 8 | sed 's/^/#   /'
echo "1..$tests"
[ "$failures" -eq 0 ]
