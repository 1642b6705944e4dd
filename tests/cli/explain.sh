#!/bin/sh
# --explain writes a trace on stderr and changes nothing on stdout or in
# the exit status.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
run_pith "$T/a.html"
expect_status 0
cp "$T/out" "$T/plain.txt"

run_pith --explain "$T/a.html"
expect_status 0
cmp -s "$T/plain.txt" "$T/out" || fail "--explain changed stdout"
pass
[ "$(nlines "$T/err")" -gt 1 ] || fail "--explain wrote no trace on stderr"
pass
expect_stderr_has article

# No article: still exit 1 and nothing on stdout.
printf '<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n' > "$T/nav.html"
run_pith --explain "$T/nav.html"
expect_status 1
expect_no_stdout
done_ok
