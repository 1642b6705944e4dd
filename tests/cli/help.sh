#!/bin/sh
# --help and -h: exit 0, usage and the exit-status table on stdout, nothing
# on stderr.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

for opt in --help -h; do
    run_pith "$opt"
    expect_status 0
    expect_no_stderr
    head -n 1 "$T/out" | grep -q '^Usage: pith ' || fail "$opt: the first line is not 'Usage: pith ...'"
    for o in --encoding --rules --no-default-rules --no-title --explain --url --help --version \
             --output-dir --input-dir --jsonl --warc --html-field --url-field --jobs --quiet; do
        expect_stdout_has "$o"
    done
    expect_stdout_has 'Exit status:'
    for code in 0 1 2 3 4 5 6 7; do
        grep -q "^  $code  [a-z]" "$T/out" || fail "$opt: no line for exit status $code"
        pass
    done
    cp "$T/out" "$T/help$opt"
done
cmp -s "$T/help--help" "$T/help-h" || fail "--help and -h print different text"
pass
# --help wins even after other options, and reads no input.
run_pith --no-title --help
expect_status 0
expect_stdout_has 'Usage: pith'
done_ok
