#!/usr/bin/env bash
# The rchain command line: exit statuses, exact messages and the files it writes. TAP output.
# Usage: cli.sh RCHAIN, the binary to test; $RCHAIN_SOURCE_DIR is the source root.
set -u

rchain=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=${RCHAIN_SOURCE_DIR:?RCHAIN_SOURCE_DIR must name the source root}
work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-cli.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1

out=$work/stdout
err=$work/stderr

# shellcheck source=tests/cli/tap.sh
. "$src/tests/cli/tap.sh"

# Every checker rule (RC) but the codes given, disabled: a model then shows exactly the findings of those rules.
all_codes=$("$rchain" rules | awk '$1 ~ /^RC/ { print $1 }')
only=()
keep_only() {
	local code
	only=()
	for code in $all_codes; do
		case " $* " in
		*" $code "*) ;;
		*) only+=(--disable "$code") ;;
		esac
	done
}

models=(models/*.xml)
[ -e "${models[0]}" ] || models=()
# Render tests draw the first bundled model (or, without one, a fixture, so that they still run).
model=${models[0]:-$data/cli/orphan.xml}
model_id=$(xmllint --xpath 'string(/*/@id)' "$model")

# ---- general options ----

run --version
want_status 0
want_stdout "rchain 0.1.0"
want_stderr ""
verdict "--version prints the version"

for help in --help -h help; do
	run "$help"
	want_status 0
	want_stderr ""
	head -n 1 "$out" | grep -q '^usage: rchain COMMAND' || problem "no usage line: $(head -n 1 "$out")"
	verdict "$help prints the usage"
done
cp "$out" "$work/help-general"

for command in check render report schema rules evidence; do
	run "$command" --help
	want_status 0
	want_stderr ""
	head -n 1 "$out" | grep -q "^usage: rchain $command" || problem "no usage line: $(head -n 1 "$out")"
	verdict "$command --help prints its usage"
done

run
want_usage_error "rchain: no command given (see 'rchain --help')"
verdict "no command: exit 3"

run frobnicate
want_usage_error "rchain: unknown command 'frobnicate' (see 'rchain --help')"
verdict "unknown command: exit 3, the word named"

run chek "$data/cli/orphan.xml"
want_usage_error "rchain: unknown command 'chek'; did you mean 'check'? (see 'rchain --help')"
verdict "misspelt command: exit 3 and the command meant"

run check --dissable RC012 "$data/cli/orphan.xml"
want_usage_error "rchain check: unknown or incomplete option '--dissable'; did you mean '--disable'? (see 'rchain check --help')"
verdict "misspelt option: exit 3 and the option meant"

run check --disable RS003 "$data/cli/orphan.xml"
want_usage_error "rchain check: --disable takes checker rules (RC), not load rules (RS): a file that does not load cannot be checked (see 'rchain check --help')"
verdict "--disable of a load rule: usage error"

run render --max-stepz=3 "$data/cli/orphan.xml"
want_usage_error "rchain render: unknown or incomplete option '--max-stepz=3'; did you mean '--max-steps'? (see 'rchain render --help')"
verdict "misspelt option with its value: the option meant"

run help check
cp "$out" "$work/help-check"
want_status 0
want_stderr ""
run check --help
cmp -s "$out" "$work/help-check" || problem "rchain help check differs from rchain check --help"
grep -q "^usage: rchain check " "$out" || problem "no usage line: $(head -n 1 "$out")"
verdict "rchain help check is rchain check --help"

for name in check render report evidence schema rules new diff export import; do
	run help "$name"
	cp "$out" "$work/help-$name"
	run "$name" --help
	cmp -s "$out" "$work/help-$name" || problem "rchain help $name differs from rchain $name --help"
	grep -q "^  $name " "$work/help-general" || problem "rchain --help has no line for $name"
done
verdict "rchain help CMD is rchain CMD --help for every command, each listed in rchain --help"

run help chek
want_usage_error "rchain: unknown command 'chek'; did you mean 'check'? (see 'rchain --help')"
verdict "help of a misspelt command: exit 3 and the command meant"

run check --bogus "$data/cli/orphan.xml"
want_usage_error "rchain check: unknown or incomplete option '--bogus' (see 'rchain check --help')"
verdict "unknown option of check: exit 3, one line"

run render --bogus "$model"
want_usage_error "rchain render: unknown or incomplete option '--bogus' (see 'rchain render --help')"
verdict "unknown option of render: exit 3, one line"

run check "$data/cli/orphan.xml" --disable
want_usage_error "rchain check: unknown or incomplete option '--disable' (see 'rchain check --help')"
verdict "option without its argument: exit 3"

run check
want_usage_error "rchain check: no model file given"
verdict "check without a file: exit 3"

# ---- check ----

if [ ${#models[@]} -gt 0 ]; then
	run check "${models[@]}"
	want_status 0
	want_stderr ""
	for m in "${models[@]}"; do
		grep -q "^$m: 0 errors, " "$out" || problem "no summary without errors for $m"
	done
else
	problem "no model files in models/"
fi
verdict "check models/*.xml: exit 0"

keep_only RC002
run check "${only[@]}" "$data/cli/dangling.xml"
want_status 1
want_stderr ""
want_stdout "$data/cli/dangling.xml:6:3: error: link to unknown step 'nowhere' [RC002 dangling-reference]
  hint: Correct the spelling of the id, or add the missing element.
$data/cli/dangling.xml: 1 error, 0 warnings, 0 notes"
verdict "dangling link: exit 1, the finding, its hint and the summary"

run check "$data/cli/dangling.xml"
want_status 1
want_line "$out" stdout "$data/cli/dangling.xml:6:3: error: link to unknown step 'nowhere' [RC002 dangling-reference]"
verdict "dangling link with every rule: exit 1 and the finding"

# A link the diagram cannot draw is named in its title block, and the diagram, the report and check
# agree: the links of the model, and how many are left out (each one an RC002 dangling reference).
run render -f svg -o - "$data/cli/dangling.xml"
want_status 0
svg_drawn=$(sed -n 's|.*>\([0-9]*\) step[s]*, \([0-9]*\) of \([0-9]*\) links drawn</text>|\2 \3|p' "$out")
grep -qF '>• a → nowhere (line 6): no step &#39;nowhere&#39;</text>' "$out" || problem "the title block does not name a → nowhere"
grep -q '>Not drawn: 1 link</text>' "$out" || problem "the title block does not count the link left out"
run report --full -o - "$data/cli/dangling.xml"
report_links=$(grep -o '<tr><th scope="row">Links</th><td>[0-9]*</td></tr>' "$out" | grep -o '[0-9]\+')
run check "$data/cli/dangling.xml"
dangling=$(grep -c '\[RC002 dangling-reference\]$' "$out")
read -r drawn links <<<"$svg_drawn"
[ "${links:-x}" = "$report_links" ] || problem "the diagram has ${links:-no} links, the report $report_links"
[ $((links - drawn)) = "$dangling" ] || problem "the diagram leaves out $((links - drawn)) links, check finds $dangling"
[ "$report_links" = 1 ] || problem "the report counts $report_links links, the model has 1"
verdict "dangling link: the diagram names it, its counts agree with the report and check"

"$rchain" check "${only[@]}" - <"$data/cli/dangling.xml" >"$out" 2>"$err"
status=$?
want_status 1
want_stderr ""
want_line "$out" stdout "<stdin>:6:3: error: link to unknown step 'nowhere' [RC002 dangling-reference]"
want_line "$out" stdout "<stdin>: 1 error, 0 warnings, 0 notes"
verdict "check - reads standard input"

run check "$data/cli/malformed.xml"
want_status 2
want_stdout ""
want_stderr "$data/cli/malformed.xml:5:59: error: Opening and ending tag mismatch: title line 5 and step [RS010 not-well-formed]"
verdict "malformed XML: exit 2, one line on stderr"

run check "$data/cli/no-such-model.xml"
want_status 2
want_stdout ""
want_stderr "$data/cli/no-such-model.xml: error: cannot open: No such file or directory"
verdict "missing file: exit 2"

keep_only RC006
run check "${only[@]}" --strict "$data/cli/no-such-model.xml" "$data/cli/orphan.xml"
want_status 2
want_stderr "$data/cli/no-such-model.xml: error: cannot open: No such file or directory"
want_line "$out" stdout "$data/cli/orphan.xml:17:3: warning: step 'x' has no links [RC006 orphan-step]"
verdict "a file that cannot be processed outranks findings in the others: exit 2"

size=$(wc -c <"$data/cli/orphan.xml")
run check --max-file-size 100 "$data/cli/orphan.xml"
want_status 2
want_stdout ""
want_stderr "$data/cli/orphan.xml: error: file is $size bytes, over the limit of 100 bytes (raise it with --max-file-size)"
verdict "--max-file-size refuses a larger file: exit 2"

run check --max-file-size 0 "$data/cli/orphan.xml"
want_usage_error "rchain check: --max-file-size takes a positive number of bytes"
verdict "--max-file-size 0: exit 3"

run check "$data/cli/orphan.xml"
want_status 0
want_stderr ""
want_line "$out" stdout "$data/cli/orphan.xml:17:3: warning: step 'x' has no links [RC006 orphan-step]"
grep -q "^$data/cli/orphan.xml: 0 errors, " "$out" || problem "no summary without errors"
verdict "warnings only: exit 0"

run check --strict "$data/cli/orphan.xml"
want_status 1
want_stderr ""
verdict "warnings only with --strict: exit 1"

run check "${only[@]}" "$data/cli/orphan.xml"
want_status 0
want_line "$out" stdout "$data/cli/orphan.xml:17:3: warning: step 'x' has no links [RC006 orphan-step]"
want_line "$out" stdout "  hint: Link the step to what it contributes to and to what contributes to it, or remove it."
grep -q "^$data/cli/orphan.xml: 0 errors, 1 warning, 0 notes" "$out" || problem "summary: $(tail -n 1 "$out")"
run check "${only[@]}" --strict "$data/cli/orphan.xml"
want_status 1
verdict "an orphan step alone: exit 0, with --strict exit 1"

for name in RC006 orphan-step; do
	run check "${only[@]}" --disable "$name" --strict "$data/cli/orphan.xml"
	want_status 0
	want_stderr ""
	grep -q 'RC006' "$out" && problem "RC006 still reported: $(cat "$out")"
	grep -q "^$data/cli/orphan.xml: 0 errors, 0 warnings, 0 notes" "$out" || problem "summary: $(tail -n 1 "$out")"
	verdict "--disable $name silences the rule"
done

run check --disable RC999 "$data/cli/orphan.xml"
want_usage_error "rchain check: --disable names an unknown rule code or slug 'RC999' (see 'rchain check --help')"
verdict "--disable of an unknown rule: exit 3"

run check --disable RC12 "$data/cli/orphan.xml"
want_usage_error "rchain check: --disable names an unknown rule code or slug 'RC12'; did you mean 'RC012'? (see 'rchain check --help')"
verdict "--disable of a misspelt code: exit 3 and the code meant"

run check --disable orphan-stepp "$data/cli/orphan.xml"
want_usage_error "rchain check: --disable names an unknown rule code or slug 'orphan-stepp'; did you mean 'orphan-step'? (see 'rchain check --help')"
verdict "--disable of a misspelt slug: exit 3 and the slug meant"

keep_only RC002 RC029
run check "${only[@]}" "$data/cli/typos.xml"
want_status 1
want_stderr ""
want_stdout "$data/cli/typos.xml:9:3: error: step 'sessions' names unknown partner 'councel'; did you mean 'council'? [RC002 dangling-reference]
  hint: Correct the spelling of the id, or add the missing element.
$data/cli/typos.xml:9:3: error: step 'sessions' names unknown strand 'heath'; did you mean 'health'? [RC002 dangling-reference]
  hint: Correct the spelling of the id, or add the missing element.
$data/cli/typos.xml:11:3: error: link to unknown step 'wellbeeing'; did you mean 'wellbeing'? [RC002 dangling-reference]
  hint: Correct the spelling of the id, or add the missing element.
$data/cli/typos.xml:13:5: error: assumption refers to unknown evidence-base entry 'cook2015.t1.a99'; did you mean 'cook2015.t1.a9'? [RC029 unknown-ref]
  hint: Correct the id (see 'rchain evidence'), load the base that defines it with --evidence, or remove the ref.
$data/cli/typos.xml:15:3: error: suppression of unknown rule 'RC330'; did you mean 'RC030'? [RC002 dangling-reference]
  hint: Correct the spelling of the id, or add the missing element.
$data/cli/typos.xml: 5 errors, 0 warnings, 0 notes; outcome confidence: wellbeing none"
verdict "misspelt partner, strand, step, evidence ref and rule: each finding says which was meant"

# ---- schema and rules ----

run schema
want_status 0
want_stderr ""
cp "$out" "$work/model.xsd"
cmp -s "$work/model.xsd" src/data/model.xsd || problem "schema output differs from src/data/model.xsd"
for m in "${models[@]}" "$data/cli/orphan.xml" "$data/cli/dangling.xml"; do
	xmllint --noout --schema "$work/model.xsd" "$m" 2>"$work/xmllint" ||
		problem "xmllint rejects $m: $(cat "$work/xmllint")"
done
xmllint --noout --schema "$work/model.xsd" "$data/loader/bad-level.xml" 2>/dev/null &&
	problem "xmllint accepts $data/loader/bad-level.xml"
verdict "schema validates the models with xmllint"

run schema nonsense
want_usage_error "rchain schema: unknown schema"
verdict "schema of an unknown name: exit 3"

run rules
want_status 0
want_stderr ""
[ "$(wc -l <"$out")" -ge 11 ] || problem "only $(wc -l <"$out") rules listed"
form='^R[CS][0-9]{3}  (error|warning|note) +[a-z-]+ +[^ ]'
grep -Evq "$form" "$out" && problem "a line out of form: $(grep -Ev "$form" "$out" | head -n 1)"
grep -q '^RC001  error    duplicate-id ' "$out" || problem "RC001 not listed as an error"
verdict "rules lists the catalogue"

run rules RC001
want_status 0
want_stderr ""
[ "$(head -n 1 "$out")" = "RC001 duplicate-id (error)" ] || problem "first line: $(head -n 1 "$out")"
grep -q '^source: .' "$out" || problem "no source line"
grep -q '^hint: .' "$out" || problem "no hint line"
cp "$out" "$work/rc001"
run rules duplicate-id
cmp -s "$out" "$work/rc001" || problem "rules duplicate-id differs from rules RC001"
verdict "rules RC001 explains the rule, also by slug"

run rules RC999
want_usage_error "rchain rules: unknown rule code or slug 'RC999' (see 'rchain rules --help')"
verdict "rules of an unknown code: exit 3"

run rules unkown-ref
want_usage_error "rchain rules: unknown rule code or slug 'unkown-ref'; did you mean 'unknown-ref'? (see 'rchain rules --help')"
verdict "rules of a misspelt slug: exit 3 and the slug meant"

# ---- shell completion: the bash script, sourced with COMP_WORDS as bash-completion sets it ----

# complete_words WORD...: what completion offers for the last WORD (rchain first), one a line.
complete_words() {
	PATH="$(dirname "$rchain"):$PATH" bash -c 'source "$1" && shift && COMP_WORDS=("$@") &&
		COMP_CWORD=$(($# - 1)) && _rchain && printf "%s\n" "${COMPREPLY[@]}"' _ "$src/src/cli/completions/rchain.bash" "$@"
}

[ "$(complete_words rchain ch)" = check ] || problem "rchain ch<TAB>: '$(complete_words rchain ch)'"
[ "$(complete_words rchain help re | tr '\n' ' ')" = "render report " ] || problem "rchain help re<TAB>"
[ "$(complete_words rchain check --dis)" = --disable ] || problem "rchain check --dis<TAB>: '$(complete_words rchain check --dis)'"
[ "$(complete_words rchain check --disable RC00 | wc -l)" -eq 9 ] || problem "rchain check --disable RC00<TAB>"
[ "$(complete_words rchain render --format p | tr '\n' ' ')" = "png pdf " ] || problem "render --format p<TAB>"
[ "$(complete_words rchain render "$data/cli/typos.xml" --focus well)" = wellbeing ] ||
	problem "render MODEL --focus well<TAB>: '$(complete_words rchain render "$data/cli/typos.xml" --focus well)'"
[ "$(complete_words rchain render "$data/cli/typos.xml" --focus "" | tr '\n' ' ')" = "sessions wellbeing " ] ||
	problem "render MODEL --focus <TAB>: '$(complete_words rchain render "$data/cli/typos.xml" --focus "")'"
[ "$(complete_words rchain new --template c)" = columns ] || problem "new --template c<TAB>"
verdict "bash completion: commands, options, rule codes, formats, templates and the step ids of the model"

# ---- encodings: one line naming the file, the encoding and UTF-8, with the command that converts ----

for enc in IBM037 UTF-32 UCS-4 EBCDIC-US ISO-8859-1 X-NO-SUCH UTF-16 UTF-16LE UTF-32BE UCS-2 ISO-8859-15 \
	WINDOWS-1252 SHIFT_JIS EUC-JP KOI8-R GB2312 ISO-2022-JP; do
	printf '<?xml version="1.0" encoding="%s"?>\n<model xmlns="urn:rchain:model:1" id="e" version="1"/>\n' \
		"$enc" >"$work/$enc.xml"
	run check "$work/$enc.xml"
	want_status 2
	want_stdout ""
	want_stderr "$work/$enc.xml:1:31: error: the file declares the encoding $enc, but rchain reads model files in UTF-8 only; convert it with 'iconv -f $enc -t UTF-8' [RS010 not-well-formed]"
done
verdict "17 declared encodings other than UTF-8: exit 2 and one line each"

if command -v iconv >/dev/null 2>&1; then
	printf '<?xml version="1.0" encoding="IBM037"?>\n<model/>\n' | iconv -f UTF-8 -t IBM037 >"$work/ebcdic.xml"
	run check "$work/ebcdic.xml"
	want_status 2
	want_stderr "$work/ebcdic.xml:1:1: error: the file is in IBM037, but rchain reads model files in UTF-8 only; convert it with 'iconv -f IBM037 -t UTF-8' [RS010 not-well-formed]"
	verdict "a file in EBCDIC: exit 2 and one line"
else
	skip "a file in EBCDIC: exit 2 and one line" "iconv is not installed"
fi

# ---- render ----

for m in "${models[@]}"; do
	golden=$goldens/dot/$(basename "$m" .xml).dot
	run render -f dot -o - "$m"
	want_status 0
	want_stderr ""
	cmp -s "$out" "$golden" || problem "differs from $golden"
	verdict "render -f dot $m gives $golden"
done

run render -f dot -o - --view strand:s.health-access-resource-coordination:engagement-knowledge \
	"$src/tests/real/reach-riverside.xml"
want_status 0
want_stderr ""
[ "$(grep -c 'id="step-' "$out")" -eq 13 ] || problem "not the 13 steps of levels engagement to knowledge"
grep -q 'at levels engagement to knowledge' "$out" || problem "the title block does not name the levels"
verdict "render --view strand:ID:FIRST-LAST draws one page of a level range"

run render -f dot -o - --view page:engagement-knowledge "$src/models/wws-partnership.xml"
want_status 0
want_stderr ""
[ "$(grep -c 'id="step-' "$out")" -eq 12 ] || problem "not the 12 steps of levels engagement to knowledge"
grep -q 'every step at levels engagement to knowledge' "$out" || problem "the title block does not name the levels"
verdict "render --view page:FIRST-LAST draws every step of a level range"

run render --view strand:s.x:outcome-input "$data/cli/orphan.xml"
want_usage_error "rchain render: --view must be chain, overview, strand:ID, strand:ID:FIRST-LAST, page or page:FIRST-LAST (see 'rchain render --help')"
verdict "render --view with levels out of order: usage error"

mkdir -p "$work/render"
cp "$model" "$work/render/model.xml"
cd "$work/render" || exit 1

run render model.xml
want_status 0
want_stdout ""
want_stderr "rchain: wrote output/$model_id.svg"
want_magic "output/$model_id.svg" '<?xml'
grep -q '</svg>' "output/$model_id.svg" 2>/dev/null || problem "output/$model_id.svg is not a whole SVG"
verdict "render writes output/<id>.svg"

run render -f dot model.xml
want_status 0
want_stderr "rchain: wrote output/$model_id.dot"
want_magic "output/$model_id.dot" 'digraph'
verdict "render -f dot writes output/<id>.dot"

# With -f, and without it from the extension of -o FILE: the file signature shows the format written.
for format in svg png pdf dot; do
	case $format in
	svg) magic='<?xml' ;;
	png) magic='\x89PNG\r\n\x1a\n' ;;
	pdf) magic='%PDF-' ;;
	dot) magic='digraph "' ;; # named by the model's title
	esac
	run render -f "$format" -o "drawing.$format" model.xml
	want_status 0
	want_stdout ""
	want_stderr "rchain: wrote drawing.$format"
	want_magic "drawing.$format" "$magic"
	verdict "render -f $format -o FILE writes $format"
	run render -o "picked.$format" model.xml
	want_status 0
	want_stdout ""
	want_stderr "rchain: wrote picked.$format"
	want_magic "picked.$format" "$magic"
	verdict "render -o x.$format writes $format"
done
run render -o picked.GV model.xml
want_status 0
want_magic picked.GV 'digraph "'
verdict "render -o x.GV: extensions are matched whatever their case, .gv is DOT"

run render --format svg -o x.png model.xml
want_status 3
want_stdout ""
want_stderr "rchain render: -o x.png: the extension .png does not match --format svg (see 'rchain render --help')"
[ ! -e x.png ] || problem "x.png written"
verdict "render --format svg -o x.png: exit 3, naming both"

run render -o x.jpg model.xml
want_status 3
want_stdout ""
want_stderr "rchain render: -o x.jpg: no render format writes .jpg files (svg, png, pdf or dot) (see 'rchain render --help')"
[ ! -e x.jpg ] || problem "x.jpg written"
verdict "render -o x.jpg: exit 3, naming the extension"

run render -f dot -o drawing.svg model.xml
want_status 3
want_stderr "rchain render: -o drawing.svg: the extension .svg does not match --format dot (see 'rchain render --help')"
run render -o no-extension model.xml
want_status 0
want_magic no-extension '<?xml'
run render -o .hidden model.xml
want_status 0
want_magic .hidden '<?xml'
verdict "render -o FILE without an extension keeps the default format"

for ext in html htm HTML; do
	run report -o "report.$ext" model.xml
	want_status 0
	want_stderr "rchain: wrote report.$ext"
	want_magic "report.$ext" '<!DOCTYPE html>'
done
run report -o report.svg model.xml
want_status 3
want_stdout ""
want_stderr "rchain report: -o report.svg: no report format writes .svg files (html) (see 'rchain report --help')"
[ ! -e report.svg ] || problem "report.svg written"
verdict "report -o: .html and .htm (any case), nothing else (exit 3)"

# Never overwrite an input: the same file by name, through a symbolic link or a hard link, or an evidence file.
cp model.xml input.xml
cp input.xml "$work/input.orig"
cp "$src/tests/data/evidence/user-base.xml" evidence.xml
cp evidence.xml "$work/evidence.orig"
ln -s input.xml input-symlink.xml
ln input.xml input-hardlink.xml
# same_file_refused OUTPUT INPUT ARGS...: rchain ARGS exits 2, naming OUTPUT as the input INPUT; nothing changes.
same_file_refused() {
	local output=$1 input=$2
	shift 2
	run "$@"
	want_status 2
	want_stdout ""
	want_stderr "$output: error: is the same file as the input $input; write the output to another file"
	cmp -s input.xml "$work/input.orig" || problem "the model changed"
	cmp -s evidence.xml "$work/evidence.orig" || problem "the evidence base changed"
	[ -L input-symlink.xml ] || problem "the link was replaced"
	want_no_temporaries . "$work"
	verdict "$*: exit 2, the input byte-identical"
}
same_file_refused input.xml input.xml render -o input.xml input.xml
same_file_refused input-symlink.xml input.xml render -f dot -o input-symlink.xml input.xml
same_file_refused input-hardlink.xml input.xml render -o input-hardlink.xml input.xml
same_file_refused input.xml input-symlink.xml render -o input.xml input-symlink.xml
same_file_refused input.xml input.xml report -o input.xml input.xml
same_file_refused input-symlink.xml input.xml report -o input-symlink.xml input.xml
same_file_refused input-hardlink.xml input.xml report -o input-hardlink.xml input.xml
same_file_refused evidence.xml evidence.xml render --evidence evidence.xml -o evidence.xml input.xml
same_file_refused evidence.xml evidence.xml report --evidence evidence.xml -o evidence.xml input.xml

rm -rf output
run render -o - model.xml
want_status 0
want_stderr ""
want_magic "$out" '<?xml'
[ "$(tail -n 1 "$out")" = "</svg>" ] || problem "stdout does not end with </svg>"
[ ! -e output ] || problem "output/ created"
verdict "render -o - writes SVG to standard output"

# ---- atomic output: killed mid-write, a replaced file's mode, read-only files ----

# killed SYSCALLS FILE: renders model.xml to FILE with strace killing rchain at its first call of SYSCALLS.
killed() {
	strace -f -o /dev/null -e inject="$1":signal=SIGKILL:when=1 "$rchain" render -f dot -o "$2" model.xml >"$out" 2>"$err"
	status=$?
}
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
	tests=$((tests + 1))
	echo "ok $tests - atomic output under fault injection # SKIP strace is missing or cannot trace here"
else
	mkdir -p "$work/kill"
	for call in fsync /^linkat; do
		rm -f "$work/kill/"* "$work/kill/".rchain-*
		killed "$call" "$work/kill/new.dot"
		[ "$status" -eq 137 ] || problem "$call: exit status $status, expected 137 (killed)"
		[ -z "$(ls -A "$work/kill")" ] || problem "killed at $call, a new output left: $(ls -A "$work/kill")"
		printf 'old\n' >"$work/kill/old.dot"
		killed "$call" "$work/kill/old.dot"
		[ "$(cat "$work/kill/old.dot")" = old ] || problem "killed at $call, the old output changed"
		[ "$(ls -A "$work/kill")" = old.dot ] || problem "killed at $call, a file left: $(ls -A "$work/kill")"
	done
	verdict "killed at fsync or at the link, no file is left and the old output survives"

	# Replacing links the data at a temporary name, then renames it: killed between, the name stays until the next write.
	rm -f "$work/kill/"* "$work/kill/".rchain-*
	printf 'old\n' >"$work/kill/old.dot"
	killed /^rename "$work/kill/old.dot"
	[ "$status" -eq 137 ] || problem "exit status $status, expected 137 (killed)"
	[ "$(cat "$work/kill/old.dot")" = old ] || problem "the old output changed"
	ls -A "$work/kill" | grep -Eqx '\.rchain-[0-9]+-[0-9]+\.tmp' || problem "no temporary of the killed writer"
	run render -f dot -o "$work/kill/other.dot" model.xml
	want_status 0
	[ "$(ls -A "$work/kill" | tr '\n' ' ')" = "old.dot other.dot " ] || problem "left: $(ls -A "$work/kill")"
	verdict "killed at the rename, the old output survives and the next write removes the dead writer's temporary"
fi

printf 'old\n' >"$work/mode.dot"
chmod 0640 "$work/mode.dot"
run render -f dot -o "$work/mode.dot" model.xml
want_status 0
[ "$(stat -c %a "$work/mode.dot")" = 640 ] || problem "mode $(stat -c %a "$work/mode.dot"), expected 640"
printf 'kept\n' >"$work/readonly.dot"
chmod 0444 "$work/readonly.dot"
run render -f dot -o "$work/readonly.dot" model.xml
want_status 2
want_stdout ""
want_stderr "$work/readonly.dot: error: cannot write: the file is read-only; make it writable to replace it"
[ "$(cat "$work/readonly.dot")" = kept ] || problem "the read-only file changed"
[ "$(stat -c %a "$work/readonly.dot")" = 444 ] || problem "the read-only file's mode changed"
verdict "render -o keeps the mode of a replaced file and refuses a read-only one"

run render -f dot --force -o "$work/readonly.dot" model.xml
want_status 0
want_stderr "rchain: wrote $work/readonly.dot"
head -c 7 "$work/readonly.dot" | grep -q '^digraph' || problem "--force did not replace the read-only file"
[ "$(stat -c %a "$work/readonly.dot")" = 444 ] || problem "--force changed the mode to $(stat -c %a "$work/readonly.dot")"
run export --force -o "$work/readonly.dot" model.xml
want_status 3
verdict "render --force replaces a read-only file and keeps its mode"

run render -f dot --direction TB -o - model.xml
want_status 0
grep -q 'rankdir=TB' "$out" || problem "no rankdir=TB"
run render -f dot --direction LR -o - model.xml
want_status 0
grep -q 'rankdir=LR' "$out" || problem "no rankdir=LR"
verdict "--direction TB and LR accepted"

run render --direction XX model.xml
want_usage_error "rchain render: --direction must be LR or TB"
verdict "--direction XX: exit 3"

run render --format xx model.xml
want_usage_error "rchain render: --format must be svg, png, pdf or dot"
verdict "--format xx: exit 3"

run render
want_usage_error "rchain render: give exactly one model file"
run render model.xml model.xml
want_usage_error "rchain render: give exactly one model file"
verdict "render needs exactly one model: exit 3"

run render "$src/$data/cli/malformed.xml"
want_status 2
want_stdout ""
[ "$(wc -l <"$err")" -eq 1 ] || problem "stderr: $(cat "$err")"
verdict "render of a malformed model: exit 2"

# A drawing at the default path, to be kept byte for byte through every failed render.
run render model.xml
cp "output/$model_id.svg" "$work/previous.svg"

mkdir -p a-dir
run render -o a-dir model.xml
want_status 2
want_stdout ""
want_stderr "a-dir: error: cannot write: is a directory"
want_no_temporaries . "$work"
verdict "render -o DIRECTORY: exit 2, nothing left behind"

run render -o missing/drawing.svg model.xml
want_status 2
want_stdout ""
want_stderr "missing/drawing.svg: error: cannot write: No such file or directory"
want_no_temporaries . "$work"
[ ! -e missing ] || problem "missing/ created"
verdict "render into a missing directory: exit 2, nothing left behind"

# The write itself fails (past the file size limit, as on a full disk): the previous drawing stays.
(
	trap '' XFSZ
	ulimit -f 1
	exec "$rchain" render model.xml
) >"$out" 2>"$err"
status=$?
want_status 2
want_stdout ""
want_stderr "output/$model_id.svg: error: cannot write: File too large"
cmp -s "output/$model_id.svg" "$work/previous.svg" || problem "output/$model_id.svg changed"
want_no_temporaries . "$work"
verdict "a failed write keeps the previous drawing byte for byte"

# ---- views and the report ----

run render -f dot --focus nope -o - model.xml
want_status 2
want_stdout ""
want_stderr "model.xml: error: there is no step, strand or strand group 'nope' to focus on"
verdict "render --focus on an unknown step: exit 2, one line"

focus=$(xmllint --xpath 'string((//*[local-name()="step"][@level="outcome"])[1]/@id)' model.xml)
run render -f dot --focus "$focus" -o - model.xml
want_status 0
grep -q "the pathways into step '$focus'" "$out" || problem "no focus line in the title"
grep -q "id=\"step-$focus\"" "$out" || problem "the focus step is not drawn"
verdict "render --focus OUTCOME draws its pathways"

run render -f dot --hide-evidence --no-findings -o - model.xml
want_status 0
grep -q 'Key: assumptions' "$out" && problem "the key is drawn"
grep -q '▲\|✖' "$out" && problem "a finding badge is drawn"
grep -q '●●● high' "$out" || problem "the confidence legend is missing"
verdict "render --hide-evidence --no-findings: no key, no badges, confidence kept"

run render -f dot --key none -o - model.xml
want_status 0
grep -q 'Key: assumptions' "$out" && problem "the key is drawn"
grep -q '<B>Confidence</B>' "$out" || problem "the legend is missing"
run render -f dot --key full -o - model.xml
want_status 0
grep -q 'Key: assumptions' "$out" || problem "--key full draws no key"
grep -q 'Each cut to one line' "$out" && problem "--key full cuts the statements"
run report --key bad model.xml
want_usage_error "rchain report: --key must be short, full or none (see 'rchain report --help')"
verdict "render --key none and full; report --key bad: exit 3"

run report model.xml
want_status 0
want_stdout ""
want_stderr "rchain: wrote output/$model_id.html"
head -c 16 "output/$model_id.html" | grep -q '^<!DOCTYPE html>' || problem "output/$model_id.html is not HTML"
verdict "report writes output/<id>.html"

run report -o - model.xml
want_status 0
want_stderr ""
cmp -s "$out" "output/$model_id.html" || problem "report -o - differs from the file"
verdict "report -o - writes the same HTML to standard output"

run report --format svg model.xml
want_usage_error "rchain report: unknown or incomplete option '--format' (see 'rchain report --help')"
verdict "report takes no --format: exit 3"

# The board report by default; --full adds what only it holds. render takes neither --full nor --date.
run report -o - model.xml
want_status 0
grep -q '<section id="verdict"><h2>Verdict</h2>' "$out" || problem "the board report has no verdict"
grep -q '<section id="stories"' "$out" && problem "the board report holds the contribution stories"
run report --full -o - model.xml
want_status 0
for id in verdict confidence summary diagram weakest gaps findings stories assumptions risks coverage table; do
	grep -q "<section id=\"$id\"" "$out" || problem "report --full has no section $id"
done
run render --full -f dot -o - model.xml
want_usage_error "rchain render: unknown or incomplete option '--full' (see 'rchain render --help')"
run render --date 2031-04-05 -f dot -o - model.xml
want_usage_error "rchain render: unknown or incomplete option '--date' (see 'rchain render --help')"
verdict "report is the board report, --full adds the rest; render refuses both: exit 3"

# The date on every printed page: --date, else SOURCE_DATE_EPOCH, else the model file's date (UTC).
cp model.xml dated.xml
touch -d '2020-02-29 12:00 UTC' dated.xml
run report --date 2031-04-05 -o - dated.xml
grep -qF '@top-right{content:"2031-04-05";' "$out" || problem "--date is not the page header's date"
grep -qF ', dated 2031-04-05, ' "$out" || problem "--date is not under the title"
SOURCE_DATE_EPOCH=86400 "$rchain" report -o - dated.xml >"$out" 2>"$err"
grep -qF '@top-right{content:"1970-01-02";' "$out" || problem "SOURCE_DATE_EPOCH is not the date"
SOURCE_DATE_EPOCH= "$rchain" report -o - dated.xml >"$out" 2>"$err"
grep -qF '@top-right{content:"2020-02-29";' "$out" || problem "the model file's date is not the date"
run report --date 5.4.2031 dated.xml
want_usage_error "rchain report: --date takes a date written YYYY-MM-DD (see 'rchain report --help')"
SOURCE_DATE_EPOCH=soon "$rchain" report -o - dated.xml >"$out" 2>"$err"
status=$?
want_usage_error "rchain report: SOURCE_DATE_EPOCH must be a number of seconds since 1970 (see 'rchain report --help')"
verdict "report date: --date, SOURCE_DATE_EPOCH, the file's date; bad dates: exit 3"

run report "$src/$data/cli/malformed.xml"
want_status 2
want_stdout ""
[ "$(wc -l <"$err")" -eq 1 ] || problem "stderr: $(cat "$err")"
verdict "report of a malformed model: exit 2, one line"

# A report is still written past the diagram limit, saying why it has no diagram.
run report --max-steps 2 -o - model.xml
want_status 0
grep -q 'No diagram: .* over the diagram limit of 2 .*--focus STEP' "$out" || problem "no note on the missing diagram"
grep -q '<svg' "$out" && problem "a diagram was drawn"
verdict "report over the diagram limit: written, with a note instead of the diagram"

# ---- machine-readable findings, read back by a real JSON parser ----

cd "$src" || exit 1

run check --format json models/wws-partnership.xml "$data/cli/malformed.xml"
want_status 2
python3 - "$out" "$data" <<'PY' || problem "the JSON is not what docs/json.md describes"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["tool"]["name"] == "rchain"
wws, bad = doc["files"]
assert wws["file"] == "models/wws-partnership.xml" and wws["summary"]["errors"] == 0
assert len(wws["findings"]) == sum(1 for f in wws["findings"] if f["suppressed"] is None) + sum(
    1 for f in wws["findings"] if f["suppressed"] is not None)
assert all(f["line"] > 0 and f["column"] > 0 and f["code"].startswith("RC") for f in wws["findings"])
assert any(f["suppressed"] for f in wws["findings"]), "the suppressed findings stay, with their reason"
assert {f["element"]["kind"] for f in wws["findings"]} == {"model", "step", "link"}
assert all(("id" in f["element"]) == (f["element"]["kind"] != "model") for f in wws["findings"])
assert len(wws["outcomes"]) == 7 and all(o["confidence"] in ("none", "low", "medium", "high") for o in wws["outcomes"])
assert bad["file"] == sys.argv[2] + "/cli/malformed.xml" and bad["error"]["line"] > 0
assert [f["code"] for f in bad["findings"]] == ["RS010"] and bad["summary"]["errors"] == 1
assert bad["findings"][0]["line"] == bad["error"]["line"] and bad["findings"][0]["element"] == {"kind": "model"}
PY
verdict "check --format json parses, with summary, findings, outcomes and the failed file"

run check --format sarif models/carers-act.xml "$data/cli/malformed.xml"
want_status 2
python3 - "$out" <<'PY' || problem "the SARIF is not valid 2.1.0 as rchain writes it"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0"
run = doc["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert len(rules) >= 30 and all(r["id"] and r["name"] and r["shortDescription"]["text"] and
                                r["fullDescription"]["text"] and r["help"]["text"] for r in rules)
assert run["results"], "carers-act has findings"
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"] and r["level"] in ("error", "warning", "note")
    loc = r["locations"][0]["physicalLocation"]
    uri = "models/carers-act.xml" if r["ruleId"].startswith("RC") else "cli/malformed.xml"
    assert loc["artifactLocation"]["uri"].endswith(uri), loc
    assert loc["region"]["startLine"] > 0 and loc["region"]["startColumn"] > 0
assert [r["ruleId"] for r in run["results"] if r["ruleId"].startswith("RS")] == ["RS010"]
inv = run["invocations"][0]
assert inv["executionSuccessful"] is True and inv["toolExecutionNotifications"] == []
PY
verdict "check --format sarif: version 2.1.0, the catalogue, a located result for every finding and load problem"

# Schema errors are findings: every one of a file, located at the attribute or element, with a code and a hint.
schema_errors="$data/cli/schema-errors.xml"
run check "$schema_errors"
want_status 2
want_stdout ""
want_stderr "$schema_errors:6:16: error: level 'practise' is not one of input, activity, engagement, reaction, knowledge, practice, outcome; did you mean 'practice'? [RS003 bad-value]
$schema_errors:7:32: error: unknown element <titel> inside <step>; did you mean <title>? Expected here: <title> [RS001 unknown-element]
$schema_errors:8:25: error: <link> has no attribute 'colour' [RS002 unknown-attribute]"
verdict "check of a file with three schema errors: three located lines with their codes, exit 2"

run check --format json "$schema_errors"
want_status 2
python3 - "$out" <<'PY' || problem "the JSON does not hold the three schema errors"
import json, sys
bad = json.load(open(sys.argv[1]))["files"][0]
got = [(f["code"], f["line"], f["column"]) for f in bad["findings"]]
assert got == [("RS003", 6, 16), ("RS001", 7, 32), ("RS002", 8, 25)], got
assert "did you mean 'practice'?" in bad["findings"][0]["message"] and all(f["hint"] for f in bad["findings"])
assert bad["summary"]["errors"] == 3 and bad["error"]["line"] == 6
PY
verdict "check --format json of three schema errors: each a finding with code, place and hint"

run check --format sarif "$schema_errors"
want_status 2
python3 - "$out" <<'PY' || problem "the SARIF does not hold the three schema errors"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]]
assert got == [("RS003", 6), ("RS001", 7), ("RS002", 8)], got
assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
assert "did you mean 'practice'?" in run["results"][0]["message"]["text"]
PY
verdict "check --format sarif of three schema errors: each a result of its RS rule"

run rules RS003
want_status 0
grep -q '^RS003 bad-value (error)$' "$out" || problem "rules RS003 does not explain the rule: $(head -n 1 "$out")"
verdict "rules RS003 explains a loader rule"

# The SARIF of every bundled model (and of a file that fails) against the OASIS schema (tests/data/cli/sarif).
if python3 -c 'import jsonschema' 2>/dev/null; then
	for m in "${models[@]}" "$data/cli/malformed.xml" "$data/cli/schema-errors.xml"; do
		run check --format sarif "$m"
		python3 - "$out" "$data/cli/sarif/sarif-schema-2.1.0.json" <<'PY' || problem "the SARIF of $m does not validate"
import json, sys, jsonschema
schema = json.load(open(sys.argv[2]))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[1]))), key=str)
for e in errors[:5]:
    print("# ", "/".join(map(str, e.absolute_path)), e.message[:200])
sys.exit(1 if errors else 0)
PY
	done
	verdict "check --format sarif of every bundled model validates against the SARIF 2.1.0 schema"
else
	skip "check --format sarif validates against the SARIF 2.1.0 schema" "python3-jsonschema is not installed"
fi

# A code-scanning service tracks a finding by its partialFingerprints: a line inserted above moves it, no more.
run check --format sarif models/wws-partnership.xml
cp "$out" "$work/before.sarif"
sed '2i <!-- a line inserted above every element -->' models/wws-partnership.xml >"$work/wws-partnership.xml"
run check --format sarif "$work/wws-partnership.xml"
python3 - "$work/before.sarif" "$out" "$work/wws-partnership.xml" <<'PY' || problem "the fingerprints changed"
import json, sys
def prints(path):
    run = json.load(open(path))["runs"][0]
    return [(r["partialFingerprints"]["rchainFinding/v1"], r["locations"][0]["physicalLocation"]) for r in run["results"]]
before, after = prints(sys.argv[1]), prints(sys.argv[2])
assert len(before) == len(after) > 0
assert [b[0] for b in before] == [a[0] for a in after], "fingerprints differ"
assert len({b[0] for b in before}) > len(before) // 2, "fingerprints do not tell findings apart"
assert all(a[1]["region"]["startLine"] == b[1]["region"]["startLine"] + 1 for a, b in zip(after, before) if "region" in b)
assert before[0][1]["artifactLocation"] == {"uri": "models/wws-partnership.xml", "uriBaseId": "SRCROOT"}
assert after[0][1]["artifactLocation"] == {"uri": "file://" + sys.argv[3]}, after[0][1]
PY
verdict "a line inserted above: every finding keeps its fingerprint, moves one line, and an absolute path is a file:// URI"

run check --format sarif "$data/cli/orphan.xml"
python3 - "$out" <<'PY' || problem "the driver lacks what code scanning reads"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
driver = run["tool"]["driver"]
assert driver["semanticVersion"] == driver["version"] and driver["informationUri"].split(":")[0] in ("file", "https")
assert "SRCROOT" in run["originalUriBaseIds"]
rc001 = driver["rules"][0]
assert rc001["help"]["text"].startswith(rc001["shortDescription"]["text"] + "\n\n" + rc001["fullDescription"]["text"])
assert "\n\nHint: " in rc001["help"]["text"] and "\n\nSource: " in rc001["help"]["text"]
PY
verdict "check --format sarif: semanticVersion, informationUri, SRCROOT and the full help of each rule"

run check --format yaml models/wws-partnership.xml
want_usage_error "rchain check: --format must be text, json or sarif"
verdict "check --format yaml: usage error"

run evidence
want_status 0
for id in cook2015.t1.a1 cook2015.t1.r9 cook2015.d1.practice.9 cook2016.partnership.4 briefing2009 cookseditas2016 regenconflict; do
	grep -q "$id" "$out" || problem "rchain evidence does not list $id"
done
grep -q '^cook2015.t1.a4  assumption  model  There are shared understandings of final outcomes  \[Cook, A. (2015) Partnership Working Across UK Public Services, 5.4, Table 1, p. 11-13\]$' "$out" ||
	problem "Table 1 a4 is not listed with its citation"
verdict "evidence lists the seed entries with their citations"

run evidence cook2015.s54.1
want_status 0
want_line "$out" stdout "applies when: formation is mandated;"
want_line "$out" stdout "about: partnership; priority: normal"
verdict "evidence ID explains one entry with its condition"

run evidence cook2016.partnership.3
want_status 0
[ "$(head -n 1 "$out")" = "cook2015.s54.1 (risk, model)" ] || problem "a merged-away id does not explain the entry it was merged into"
want_line "$out" stdout "also known as: cook2016.partnership.3"
verdict "evidence with a merged-away id explains the merged entry"

run evidence cook2015.t1.a7
want_status 0
want_line "$out" stdout "about: partnership; priority: high"
want_line "$out" stdout "also known as: cook2015.s54.9"
want_line "$out" stdout "applies to every model that declares a partnership"
verdict "evidence ID: the power entry ranks high"

run evidence cook2016.monitoring.4
want_status 0
want_line "$out" stdout "about: programme; priority: normal"
want_line "$out" stdout "applies to every model"
verdict "evidence ID: a programme entry applies to every model"

run evidence no.such.entry
want_usage_error "rchain evidence: unknown entry id"
verdict "evidence with an unknown id: usage error"

run check --evidence "$data/evidence/clash.xml" models/wws-partnership.xml
want_status 2
want_stderr "$data/evidence/clash.xml:9:3: error: id 'cook2015.t1.a1' is already used in the evidence base [RS016 evidence-duplicate-id]"
verdict "check --evidence with a clashing id: exit 2, located"

run check --evidence "$data/evidence/user-base.xml" models/wws-partnership.xml
want_status 0
grep -q "note: 17 evidence-based assumptions that apply to this model are not addressed" "$out" ||
	problem "the user's entry is not counted"
run evidence --evidence "$data/evidence/user-base.xml" --unaddressed models/wws-partnership.xml
want_status 0
grep -q "^local.a1  assumption  model  Partners answer the annual survey" "$out" ||
	problem "the user's entry is not listed as unaddressed"
verdict "check --evidence adds the user's entries; evidence --unaddressed lists them"

run evidence --unaddressed models/wws-partnership.xml cook2015.t1.a1
want_usage_error "rchain evidence: --unaddressed takes no entry id"
verdict "evidence --unaddressed with an entry id: usage error"

run check --severity warning models/wws-partnership.xml
want_status 0
grep -q ": note: " "$out" && problem "--severity warning printed a note"
grep -q "0 errors, 4 warnings, [1-9][0-9]* notes" "$out" || problem "the summary line does not count every finding"
run check --severity warning --format json models/wws-partnership.xml
grep -q '"severity": "note"' "$out" || problem "JSON lost the notes"
verdict "check --severity warning: no note printed, all counted, JSON keeps every finding"

run check --severity loud models/wws-partnership.xml
want_usage_error "rchain check: --severity must be error, warning or note"
verdict "check --severity with an unknown severity: usage error"

run render --max-steps 3 -o "$work/limit.svg" models/wws-partnership.xml
want_status 2
want_stderr "models/wws-partnership.xml: error: 36 steps is over the diagram limit of 3 (layout would take too long); draw part of the model with --focus STEP, or raise the limit with --max-steps"
[ ! -e "$work/limit.svg" ] || problem "a drawing was written over the limit"
verdict "render over the step limit: exit 2, one line, nothing written"

run render --max-steps 0 models/wws-partnership.xml
want_usage_error "rchain render: --max-steps takes a positive number"
verdict "render --max-steps 0: usage error"

# ---- a render killed in the middle leaves the previous drawing as it was ----

python3 - "$work/slow.xml" <<'PY'
import sys
levels = ["input", "activity", "engagement", "reaction", "knowledge", "practice", "outcome"]
n = 20000  # about 6 s of layout on an idle machine, killed after 1 s
lines = ["<model xmlns='urn:rchain:model:1' id='slow' version='1'><title>Slow to lay out</title>"]
lines += [f"<step id='s{i}' level='{levels[i * 7 // n]}'><title>Step {i}</title></step>" for i in range(n)]
lines += [f"<link from='s{i}' to='s{j}'/>" for i in range(n - 1) for j in (i + 1, i + 7) if j < n]
lines.append("</model>")
open(sys.argv[1], "w").write("\n".join(lines))
PY
printf 'the previous drawing\n' >"$work/killed.svg"
cp "$work/killed.svg" "$work/killed.before"
"$rchain" render --max-steps 20000 --max-links 50000 -o "$work/killed.svg" "$work/slow.xml" >"$out" 2>"$err" &
pid=$!
sleep 1
kill -9 "$pid" 2>/dev/null
wait "$pid"
status=$?
[ "$status" -eq 137 ] || problem "the render was not killed mid-way (exit status $status): the model lays out too fast"
cmp -s "$work/killed.svg" "$work/killed.before" || problem "the previous drawing changed"
for tmp in "$work"/.rchain-*.tmp; do
	[ -e "$tmp" ] && case $tmp in *.svg) problem "a temporary file looks like a drawing: $tmp" ;; esac
done
verdict "render killed with SIGKILL: the previous drawing is intact, no temporary passes for output"

echo "1..$tests"
[ "$failures" -eq 0 ]
