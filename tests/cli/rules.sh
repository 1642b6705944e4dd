#!/bin/sh
# --rules: a malformed file exits 4 with "pith: FILE:LINE: reason"; a valid
# one adds to the bundled rules.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
secret='Budget papers seen by this newspaper'

# Without extra rules the "secret" paragraph is part of the article.
run_pith "$T/a.html"
expect_status 0
expect_stdout_has "$secret"

printf '# drop the secret paragraph\n\ndrop class=secret   # trailing comment\n' > "$T/good.rules"
run_pith --rules "$T/good.rules" "$T/a.html"
expect_status 0
expect_no_stderr
expect_stdout_lacks "$secret"
expect_stdout_has 'The harbour authority opened the new northern quay'
run_pith -r "$T/good.rules" "$T/a.html"
expect_status 0
expect_stdout_lacks "$secret"

# Several files add up.
printf 'drop text~/^Fishermen said/\n' > "$T/more.rules"
run_pith -r "$T/good.rules" -r "$T/more.rules" "$T/a.html"
expect_status 0
expect_stdout_lacks "$secret"
expect_stdout_lacks 'Fishermen said'
expect_stdout_has 'The harbour authority opened the new northern quay'

# Malformed files: the error names the file and the line.
bad() { # bad LINE CONTENT...
    line=$1
    shift
    printf '%s\n' "$@" > "$T/bad.rules"
    run_pith --rules "$T/bad.rules" "$T/a.html"
    expect_status 4
    expect_no_stdout
    expect_one_stderr_line
    grep -q "^pith: $T/bad.rules:$line: ." "$T/err" ||
        fail "expected 'pith: $T/bad.rules:$line: REASON' on stderr"
    pass
}
bad 3 '# comment' 'drop class=ok' 'drop klass=ad'
bad 1 'remove class=ad'
bad 2 '' 'drop text~/(unclosed/'
bad 1 '+5000 tag=p'
bad 1 'drop'

# A malformed file is refused even when it is not the first one.
printf 'drop class=ok\ndrop tag=p junk\n' > "$T/bad2.rules"
run_pith -r "$T/good.rules" -r "$T/bad2.rules" "$T/a.html"
expect_status 4
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$T/bad2.rules:2: "

# A rule file that does not exist.
run_pith --rules "$T/missing.rules" "$T/a.html"
expect_status 4
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$T/missing.rules"
done_ok
