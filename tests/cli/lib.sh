# Helpers for the cli test scripts; sourced, not run.
# Each script is run as: SCRIPT PITH. It builds its own inputs in a
# temporary directory ($T), calls run_pith, and checks the result with the
# expect_* functions. The first failed check prints a message and exits 1.

set -u
test_name=$(basename "$0" .sh)
if [ $# -lt 1 ]; then
    echo "usage: $0 PITH" >&2
    exit 99
fi
pith=$1
case $pith in
/*) ;;
*) pith=$PWD/$pith ;;
esac
if [ ! -x "$pith" ]; then
    echo "$test_name: $pith is not an executable" >&2
    exit 99
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/pith-cli-$test_name.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
trap 'exit 99' HUP INT TERM
checks=0
what='(nothing run yet)'

fail() {
    {
        echo "FAIL: $test_name: $*"
        echo "  command: $what"
        echo "  exit status: $rc"
        echo "  --- stdout (first 20 lines) ---"
        head -n 20 "$T/out" 2>/dev/null
        echo "  --- stderr ---"
        cat "$T/err" 2>/dev/null
    } >&2
    exit 1
}

# run_pith ARGS... : runs pith with stdin from /dev/null.
# run_pith_in FILE ARGS... : runs pith with stdin from FILE.
# Either leaves stdout in $T/out, stderr in $T/err and the status in $rc.
run_pith() {
    run_pith_in /dev/null "$@"
}
run_pith_in() {
    _in=$1
    shift
    what="pith $* < $_in"
    "$pith" "$@" < "$_in" > "$T/out" 2> "$T/err"
    rc=$?
}

# Counts lines, including a last line without its newline.
nlines() {
    awk 'END { print NR }' "$1"
}

pass() {
    checks=$((checks + 1))
}

expect_status() {
    [ "$rc" -eq "$1" ] || fail "expected exit status $1, got $rc"
    pass
}
expect_no_stdout() {
    [ ! -s "$T/out" ] || fail "expected nothing on stdout"
    pass
}
expect_no_stderr() {
    [ ! -s "$T/err" ] || fail "expected nothing on stderr"
    pass
}
# One line on stderr, starting with "pith: ", ending with a newline.
expect_one_stderr_line() {
    [ "$(nlines "$T/err")" -eq 1 ] ||
        fail "expected exactly one line on stderr, got $(nlines "$T/err")"
    [ "$(tail -c 1 "$T/err" | od -An -c | tr -d ' ')" = '\n' ] ||
        fail "the stderr line does not end with a newline"
    grep -q '^pith: ' "$T/err" || fail "the stderr line does not start with 'pith: '"
    pass
}
# expect_stdout_has TEXT / expect_stdout_lacks TEXT: a fixed string.
expect_stdout_has() {
    grep -qF -- "$1" "$T/out" || fail "stdout lacks '$1'"
    pass
}
expect_stdout_lacks() {
    ! grep -qF -- "$1" "$T/out" || fail "stdout holds '$1'"
    pass
}
expect_stderr_has() {
    grep -qF -- "$1" "$T/err" || fail "stderr lacks '$1'"
    pass
}

done_ok() {
    echo "ok: $test_name ($checks checks)"
    exit 0
}

# A plain article page: a title, a nav menu, an <article> of long
# paragraphs (one with class "secret", one an ad label) and a footer.
article_page() {
    cat <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour quay opens after three years of work</title>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour quay opens after three years of work</h1>
<p>The harbour authority opened the new northern quay on Tuesday morning, after three years of dredging and construction work that cost far more than anyone had planned.</p>
<p class="secret">Budget papers seen by this newspaper show that the overruns were approved in closed session, without a public vote, by a committee of five.</p>
<p>ADVERTISEMENT</p>
<p>Fishermen said the quay would shorten their trips to the market and let larger boats unload at low tide, which had been impossible in this town for decades.</p>
<p hidden>Tide-table widget fallback text that the reader never sees on the page itself.</p>
<div role="navigation">Previous story: Ferry timetable changes. Next story: Lighthouse repainted.</div>
<p>The authority expects the first cargo vessel to berth at the quay next month, once the cranes have been certified and the pilots have trained on the new approach.</p>
</article>
<footer><p>Copyright 2024 The Harbour Gazette. All rights reserved.</p></footer>
</body>
</html>
HTML
}
