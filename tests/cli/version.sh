#!/bin/sh
# --version and -V: exit 0, one line "pith X.Y.Z" on stdout.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

for opt in --version -V; do
    run_pith "$opt"
    expect_status 0
    expect_no_stderr
    [ "$(nlines "$T/out")" -eq 1 ] || fail "$opt: expected one line"
    grep -Eq '^pith [0-9]+\.[0-9]+\.[0-9]+$' "$T/out" || fail "$opt: expected 'pith X.Y.Z'"
    pass
done
done_ok
