#!/bin/sh
# Pages that hold no article (listings, home pages, error pages) exit 1,
# print nothing on stdout and one line on stderr: fixtures/nonarticle-*.html.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

fixtures=$(cd "$(dirname "$0")/../../fixtures" && pwd)
found=0
for page in "$fixtures"/nonarticle-*.html; do
    [ -f "$page" ] || continue
    found=$((found + 1))
    run_pith "$page"
    expect_status 1
    expect_no_stdout
    expect_one_stderr_line
    run_pith --no-title "$page"
    expect_status 1
    expect_no_stdout
done
[ "$found" -ge 3 ] || { rc=0; fail "expected at least three fixtures/nonarticle-*.html, found $found"; }
done_ok
