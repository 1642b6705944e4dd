#!/bin/sh
# Reading standard input (no FILE, or "-") gives the same output as reading
# the file.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
for opts in '' --no-title --no-default-rules; do
    # shellcheck disable=SC2086
    run_pith $opts "$T/a.html"
    expect_status 0
    cp "$T/out" "$T/file.txt"
    # shellcheck disable=SC2086
    run_pith_in "$T/a.html" $opts
    expect_status 0
    expect_no_stderr
    cmp -s "$T/file.txt" "$T/out" || fail "stdin output differs from file output (options: '$opts')"
    pass
    # shellcheck disable=SC2086
    run_pith_in "$T/a.html" $opts -
    expect_status 0
    cmp -s "$T/file.txt" "$T/out" || fail "'-' output differs from file output (options: '$opts')"
    pass
done
# Through a pipe, not just a redirected file.
run_pith "$T/a.html"
cp "$T/out" "$T/file.txt"
article_page | "$pith" > "$T/out" 2> "$T/err"
rc=$?
what='article_page | pith'
expect_status 0
cmp -s "$T/file.txt" "$T/out" || fail "piped output differs from file output"
pass
done_ok
