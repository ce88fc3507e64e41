#!/usr/bin/env bash
# Reports in headless Chromium: the board report of each bundled model and of the largest real model
# (tests/real/reach-riverside.xml: 250 steps, 16 strategies), and one full report. Each has its sections
# in the DOM and in reading order, its diagrams as named images, a screenshot that is not blank, an A4
# PDF print (at most 12 pages for a board report) with the title and date atop every page and text of
# at least 8 pt on every page but the overview's, and makes no request to the network. A control page that does
# fetch an image proves the network check can fail. TAP output.
# Usage: browser.sh RCHAIN; $RCHAIN_SOURCE_DIR is the source root. Chromium (chromium or chromium-browser),
# pdftotext and pdfinfo come from PATH; without them the suite is skipped, saying which is missing.
set -u

rchain=$1
src=${RCHAIN_SOURCE_DIR:?RCHAIN_SOURCE_DIR must name the source root}
# shellcheck source=tests/cli/tap.sh
. "$src/tests/cli/tap.sh"
chromium=$(command -v chromium chromium-browser | head -n 1)
[ -n "$chromium" ] || skip_all "chromium not found (Debian package: chromium)"
for tool in pdftotext pdfinfo; do
	command -v "$tool" >/dev/null || skip_all "$tool not found (Debian package: poppler-utils)"
done
work=$(mktemp -d "${TMPDIR:-/tmp}/rchain-browser.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
check="python3 $src/tests/browser/browser.py"

# browse HTML NAME: DOM, screenshot, PDF print and network log of HTML under $work/NAME.*
browse() {
	local flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --disable-sync
		--disable-background-networking --disable-component-update --user-data-dir="$work/profile")
	timeout 60 "$chromium" "${flags[@]}" --log-net-log="$work/$2.1.net" --dump-dom "file://$1" \
		>"$work/$2.dom" 2>/dev/null &&
		timeout 60 "$chromium" "${flags[@]}" --log-net-log="$work/$2.2.net" --window-size=1280,1600 \
			--screenshot="$work/$2.png" "file://$1" >/dev/null 2>&1 &&
		timeout 60 "$chromium" "${flags[@]}" --log-net-log="$work/$2.3.net" --no-pdf-header-footer \
			--print-to-pdf="$work/$2.pdf" "file://$1" >/dev/null 2>&1
}

n=0
failed=0
# report KIND MODEL [OPTION]: one TAP line for the report of MODEL, read by browser.py as KIND.
report() {
	local kind=$1 model=$2 name found
	name=$kind-$(basename "$model" .xml)
	shift 2
	n=$((n + 1))
	if ! "$rchain" report "$@" --date 2026-12-02 -o "$work/$name.html" "$model" 2>"$work/err" ||
		! browse "$work/$name.html" "$name"; then
		echo "not ok $n - $name: report or browser failed: $(head -c 300 "$work/err")"
		failed=$((failed + 1))
	elif found=$($check "$kind" "$work/$name.dom" "$work/$name.png" "$work/$name.pdf" "$work/$name".?.net); then
		echo "ok $n - $name: offline, every section, A4 with title and date on each page"
		printf '%s\n' "$found"
	else
		echo "not ok $n - $name"
		printf '%s\n' "$found" | sed 's/^\([^#]\)/#   \1/'
		failed=$((failed + 1))
	fi
}

for model in "$src"/models/*.xml "$src/tests/real/reach-riverside.xml"; do
	report board "$model"
done
report full "$src/models/columns-strands.xml" --full
name=board-$(basename "$model" .xml)

# The control: the same report with an image fetched from the network must be caught.
n=$((n + 1))
sed 's|<body>|<body><img src="http://127.0.0.1:9/pixel.png" alt="">|' "$work/$name.html" >"$work/control.html"
browse "$work/control.html" control
$check board "$work/control.dom" "$work/control.png" "$work/control.pdf" "$work"/control.?.net >"$work/control.out"
if grep -q '^network request: http://127.0.0.1:9/pixel.png$' "$work/control.out"; then
	echo "ok $n - a report that fetches an image is caught"
else
	echo "not ok $n - the network check missed a request to http://127.0.0.1:9/pixel.png"
	failed=$((failed + 1))
fi
echo "1..$n"
[ "$failed" -eq 0 ]
