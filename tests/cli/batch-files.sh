#!/bin/sh
# -o OUTDIR: one output file per page, for FILE arguments and for
# --input-dir (its tree kept). Each output equals a single-page run; a
# failed page is named on stderr and does not stop the others (exit 7);
# two inputs that would write one output file never overwrite each other.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/in/sub/deeper" "$T/in/.hidden"
article_page > "$T/in/a.html"
sed 's/Harbour quay opens/Ferry route returns/g' "$T/in/a.html" > "$T/in/sub/b.htm"
sed 's/Harbour quay opens/Bridge repairs end/g' "$T/in/a.html" > "$T/in/sub/deeper/c.page"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' > "$T/in/sub/empty.html"
article_page > "$T/in/.hidden/skip.html"
article_page > "$T/in/.dotfile.html"

# --input-dir: every file, in name order, hidden ones skipped
run_pith -q -j 2 -o "$T/res" --input-dir "$T/in"
expect_status 7
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "empty.html: no article text found"
for pair in a.html:a.txt sub/b.htm:sub/b.txt sub/deeper/c.page:sub/deeper/c.page.txt; do
    src=${pair%%:*}
    dst=${pair#*:}
    [ -f "$T/res/$dst" ] || fail "no output $dst for $src"
    "$pith" "$T/in/$src" | cmp -s - "$T/res/$dst" || fail "$dst differs from a single-page run"
    pass
done
[ ! -e "$T/res/sub/empty.txt" ] || fail "a page without an article got an output file"
[ ! -e "$T/res/.hidden" ] && [ ! -e "$T/res/.dotfile.txt" ] || fail "hidden files were read"
pass
[ "$(find "$T/res" -type f | wc -l)" -eq 3 ] || fail "expected 3 output files"
pass

# FILE arguments, other formats; a missing file is logged, the rest written
run_pith -q -o "$T/md" --format markdown "$T/in/a.html" "$T/missing.html" "$T/in/sub/b.htm"
expect_status 7
expect_one_stderr_line
expect_stderr_has "missing.html"
"$pith" --format markdown "$T/in/sub/b.htm" | cmp -s - "$T/md/b.md" || fail "b.md differs"
pass
run_pith -q -o "$T/json" --format json "$T/in/a.html"
expect_status 0
expect_no_stderr
python3 -m json.tool "$T/json/a.json" > /dev/null || fail "a.json is not JSON"
pass

# the same output name twice: the second is refused, not overwritten
run_pith -q -o "$T/dup" "$T/in/a.html" "$T/in/sub/../a.html"
expect_status 7
expect_one_stderr_line
expect_stderr_has "earlier input"

# usage errors
run_pith --input-dir "$T/in"
expect_status 2
expect_one_stderr_line
run_pith -o "$T/x"
expect_status 2
expect_one_stderr_line
run_pith -o "$T/x" -
expect_status 2
expect_one_stderr_line
run_pith -o "$T/x" --jsonl "$T/in/a.html"
expect_status 2
expect_one_stderr_line
run_pith -j 0 -o "$T/x" "$T/in/a.html"
expect_status 2
expect_one_stderr_line
run_pith --explain -o "$T/x" "$T/in/a.html"
expect_status 2
expect_one_stderr_line

# an output directory that cannot be created
: > "$T/plainfile"
run_pith -q -o "$T/plainfile/out" "$T/in/a.html"
expect_status 3
expect_one_stderr_line
# Without -q a batch ends with one summary line on stderr: pages, failures,
# seconds; with -q it prints nothing there for a clean run.
run_pith -o "$T/sum" "$T/in/a.html" "$T/in/sub/empty.html"
expect_status 7
grep -q '^pith: 2 pages, 1 failed, [0-9.]* s$' "$T/err" || fail "no summary line 'pith: 2 pages, 1 failed, N s'"
pass
run_pith -q -o "$T/sum2" "$T/in/a.html"
expect_status 0
expect_no_stderr
run_pith -o "$T/sum3" "$T/in/a.html"
expect_status 0
expect_one_stderr_line
expect_stderr_has 'pith: 1 pages, 0 failed'
done_ok
