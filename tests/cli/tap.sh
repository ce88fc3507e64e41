# TAP helpers shared by the command-line test scripts; sourced after $rchain, $out, $err are set.
# run ARGS... keeps rchain's stdout, stderr and exit status; each verdict prints one TAP line
# for the checks made since the last one. The script ends with: echo "1..$tests"; [ "$failures" -eq 0 ]

# Fixtures and golden files (one folder per back-end), relative to the source root, the scripts' working directory.
data=tests/data
goldens=tests/golden

status=0
tests=0
failures=0
problems=()

# run ARGS...: runs rchain here, keeping its stdout, stderr and exit status.
run() {
	"$rchain" "$@" >"$out" 2>"$err"
	status=$?
}

# verdict DESC: one TAP line for the checks made since the last verdict, with any problems as diagnostics.
verdict() {
	tests=$((tests + 1))
	if [ ${#problems[@]} -eq 0 ]; then
		echo "ok $tests - $1"
	else
		failures=$((failures + 1))
		echo "not ok $tests - $1"
		printf '#   %s\n' "${problems[@]}"
	fi
	problems=()
}

problem() {
	problems+=("$*")
}

# skip DESC REASON: one TAP line for a test that cannot run on this machine, saying why.
skip() {
	tests=$((tests + 1))
	echo "ok $tests - $1 # SKIP $2"
}

# skip_all REASON: the whole script cannot run here; meson reports it skipped, with REASON.
skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

want_status() {
	[ "$status" -eq "$1" ] || problem "exit status $status, expected $1"
}

# want_text FILE NAME TEXT: FILE holds exactly TEXT and a newline, or nothing when TEXT is empty.
want_text() {
	if [ -z "$3" ]; then
		[ ! -s "$1" ] || problem "$2 is not empty: $(head -c 300 "$1")"
	elif ! printf '%s\n' "$3" | cmp -s - "$1"; then
		problem "$2 is '$(head -c 600 "$1")', expected '$3'"
	fi
}

want_stdout() {
	want_text "$out" stdout "$1"
}

want_stderr() {
	want_text "$err" stderr "$1"
}

# want_usage_error PREFIX: exit status 3 and one stderr line starting with PREFIX, nothing on stdout.
want_usage_error() {
	want_status 3
	want_stdout ""
	[ "$(wc -l <"$err")" -eq 1 ] || problem "stderr has $(wc -l <"$err") lines, expected 1: $(cat "$err")"
	case $(cat "$err") in
	"$1"*) ;;
	*) problem "stderr is '$(cat "$err")', expected it to start with '$1'" ;;
	esac
}

# want_line FILE NAME LINE: one of FILE's lines is exactly LINE.
want_line() {
	grep -Fqx -- "$3" "$1" || problem "$2 lacks the line '$3'"
}

# want_magic FILE TEXT: FILE starts with the bytes TEXT (backslash escapes as in echo -e).
want_magic() {
	local want got
	want=$(printf '%b' "$2" | od -An -tx1 | tr -d ' \n')
	got=$(head -c "$(printf '%b' "$2" | wc -c)" "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n')
	[ "$got" = "$want" ] || problem "$1 starts with bytes $got, expected $want"
}

want_no_temporaries() {
	local left
	left=$(find "$@" -name '.rchain-*.tmp' 2>/dev/null)
	[ -z "$left" ] || problem "temporary files left: $left"
}
