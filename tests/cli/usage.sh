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
# A URL where a file goes: pith says it reads files and how to feed it one.
run_pith https://example.com/news/1
expect_status 3
expect_no_stdout
expect_one_stderr_line
expect_stderr_has 'pith reads files, not URLs; try: curl -s URL | pith --url URL'

# An option that does nothing in the chosen mode is refused, the same way
# (exit 2, one line, nothing on stdout) for each.
for args in "-q $T/a.html" "-j 2 $T/a.html" "--jsonl --no-title" "--warc --no-title" \
            "--links $T/a.html" "--images --format json $T/a.html" "--jsonl --links" \
            "--html-field x $T/a.html" "--include html $T/a.html" "-o $T/o --explain $T/a.html"; do
    # shellcheck disable=SC2086
    run_pith $args
    expect_status 2
    expect_no_stdout
    expect_one_stderr_line
done
done_ok
