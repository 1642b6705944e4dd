#!/bin/sh
# An unknown short option inside a cluster of options ("-xy") or after the
# file name is named in the error message, not some other argument.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
run_pith -xy "$T/a.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "'-x'"

run_pith "$T/a.html" -Q
expect_status 2
expect_one_stderr_line
expect_stderr_has "'-Q'"

run_pith --no-title -Vq
expect_status 0
done_ok
