#!/bin/sh
# Input that cannot be read exits 3 with one stderr line naming the input.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

missing="$T/no such page.html"
run_pith "$missing"
expect_status 3
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$missing"

# A directory is not a page.
mkdir "$T/dir"
run_pith "$T/dir"
expect_status 3
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$T/dir"

# An unknown --encoding is an input error too.
article_page > "$T/a.html"
run_pith --encoding no-such-charset "$T/a.html"
expect_status 3
expect_no_stdout
expect_one_stderr_line
expect_stderr_has no-such-charset
# a file name with a newline (issue 17): still one line, the newline escaped
nl="$T/two
lines.html"
run_pith "$nl"
expect_status 3
expect_one_stderr_line
expect_stderr_has 'two\nlines.html'
done_ok
