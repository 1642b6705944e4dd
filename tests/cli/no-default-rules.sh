#!/bin/sh
# --no-default-rules starts from no rules: what the bundled rules drop (an
# "ADVERTISEMENT" label, a role=navigation block) comes back, and only
# --rules files apply. (Hidden elements are dropped by code, not rules.)
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
hidden='Tide-table widget fallback text'
navblock='Previous story: Ferry timetable changes.'
ad='ADVERTISEMENT'
body='The harbour authority opened the new northern quay'

run_pith "$T/a.html"
expect_status 0
expect_stdout_has "$body"
expect_stdout_lacks "$hidden"
expect_stdout_lacks "$navblock"
expect_stdout_lacks "$ad"
cp "$T/out" "$T/default.txt"

run_pith --no-default-rules "$T/a.html"
expect_status 0
expect_no_stderr
expect_stdout_has "$body"
expect_stdout_has "$navblock"
# With no rules at all, nothing drops the ad label.
expect_stdout_has "$ad"
cmp -s "$T/default.txt" "$T/out" && fail "--no-default-rules changed nothing"
pass

# Only the --rules file applies.
printf 'drop class=secret\n' > "$T/only.rules"
run_pith --no-default-rules --rules "$T/only.rules" "$T/a.html"
expect_status 0
expect_stdout_lacks 'Budget papers seen by this newspaper'
expect_stdout_has "$navblock"
expect_stdout_has "$ad"

# The order of the options does not matter.
run_pith --rules "$T/only.rules" --no-default-rules "$T/a.html"
expect_status 0
expect_stdout_lacks 'Budget papers seen by this newspaper'
expect_stdout_has "$navblock"
done_ok
