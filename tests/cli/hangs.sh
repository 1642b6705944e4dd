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

done_ok
