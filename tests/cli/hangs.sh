#!/bin/sh
# Hang guards (issue 17): page shapes that once cost time quadratic in
# their size, at a size where that old cost was minutes. Each runs under
# a CPU-time limit (prlimit --cpu, so that a loaded machine does not fail
# it) about 50 times what the linear code needs, times HOSTILE_SCALE
# under AddressSanitizer. The pages come from bench/shapes (its `gen`).
#
# Usage: hangs.sh PITH SHAPES
. "$(dirname "$0")/lib.sh"
shapes=$2
command -v prlimit >/dev/null || { echo "$test_name: needs prlimit (util-linux)" >&2; exit 1; }
scale=1
grep -q __asan_init "$pith" 2>/dev/null && scale=4

# guard SHAPE MB CPU-SECONDS FORMAT: the page of SHAPE at MB megabytes
# renders in FORMAT within CPU-SECONDS (times scale) and keeps WANT.
guard() {
    python3 "$shapes" gen "$1" "$2" "$T/$1.html" || fail "bench/shapes gen $1 failed"
    what="prlimit --cpu=$(($3 * scale)) pith --format $4 $1 ($2 MB)"
    prlimit --cpu=$(($3 * scale)) "$pith" --format "$4" "$T/$1.html" > "$T/out" 2> "$T/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "$1 ($2 MB) as $4: exit status $rc (over 128: killed at the CPU limit, a hang)"
    pass
}

# item 1: a 35,000-row data table (2 MB): 83 s before, 0.6 s now; the text
# renderer rescanned the table at each <tr>.
for f in text markdown html json; do
    guard table 2 30 "$f"
    expect_stdout_has 'Row 30000'
done

# item 2: 40 <pre> under an <article> whose class is 1 MB of tokens: the
# Markdown code-language check ran strlen at every token (0.27 MB took
# 191 s before, so 1 MB about 45 minutes; 0.03 s now).
guard codelang 1 1 markdown
expect_stdout_has 'return 3.14159'

# item 5: a catastrophic user rule, /^(a|aa)+$/, over 200 blocks of
# "aaa...ab": 14.6 s of CPU before (PCRE2's default limit of 10 million
# steps per block), 0.16 s now (a limit in proportion to the subject). The
# limit hit is one warning naming the rule, and a line of --explain.
python3 - "$T/cat.html" <<'PY'
import sys
body = "".join("<p>%s</p>" % ("a" * 30 + "b") for _ in range(200))
open(sys.argv[1], "w").write("<html><body><article>" + body + "<p>The harbour authority opened "
    "the new northern quay on Tuesday after three years of dredging and construction work that "
    "cost far more than anyone had planned.</p></article></body></html>")
PY
echo 'drop text~/^(a|aa)+$/' > "$T/cat.rules"
what="prlimit --cpu=$((8 * scale)) pith -r cat.rules cat.html"
prlimit --cpu=$((8 * scale)) "$pith" -r "$T/cat.rules" "$T/cat.html" > "$T/out" 2> "$T/err"
rc=$?
expect_status 0
expect_one_stderr_line
expect_stderr_has "warning: rule $T/cat.rules:1 stopped at PCRE2's backtracking limit (taken as no match)"
expect_stdout_has "harbour authority"
prlimit --cpu=$((8 * scale)) "$pith" --explain -r "$T/cat.rules" "$T/cat.html" > "$T/out" 2> "$T/err"
rc=$?
expect_status 0
expect_stderr_has "# limit: rule $T/cat.rules:1 stopped at PCRE2's backtracking limit"
# --check-rules names the risky shapes, and not a sound one
printf 'drop text~/^(a|aa)+$/\ndrop class~/(foo|bar)+/\ndrop text~/(\\w+\\s*)*$/\ndrop id~/^x(?:\\.[a-z]+)+$/\n' > "$T/check.rules"
run_pith --check-rules "$T/check.rules"
expect_status 0
expect_no_stdout
[ "$(nlines "$T/err")" -eq 2 ] || fail "expected 2 warnings, got $(nlines "$T/err")"
pass
expect_stderr_has "check.rules:1: warning: /^(a|aa)+\$/: a repeated alternation has branches that can match alike"
expect_stderr_has "check.rules:3: warning: /(\\w+\\s*)*\$/: a repeat inside a repeated group can match what follows it"
# ... and none of the bundled rule files' patterns
n=0
for f in "$(dirname "$0")"/../../rules/*.rules; do
    run_pith --check-rules "$f"
    expect_status 0
    expect_no_stdout
    expect_no_stderr
    n=$((n + 1))
done
[ "$n" -ge 4 ] || fail "found $n bundled rule files, expected 4 or more"
echo 'drop text~/(/' > "$T/bad.rules"
run_pith --check-rules "$T/bad.rules"
expect_status 4
expect_one_stderr_line

done_ok
