#!/bin/sh
# Usage errors exit 2 with one line on stderr and nothing on stdout.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
article_page > "$T/b.html"

run_pith --bogus "$T/a.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "'--bogus'"

run_pith -x "$T/a.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "'-x'"

# Options that need a value.
for opt in --rules -r --encoding -e --url -u; do
    run_pith "$T/a.html" "$opt"
    expect_status 2
    expect_no_stdout
    expect_one_stderr_line
done

# Two input files.
run_pith "$T/a.html" "$T/b.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line

# Two inputs, one of them stdin.
run_pith_in "$T/a.html" - "$T/b.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line
done_ok
