#!/bin/sh
# The title line: first, followed by one blank line; --no-title leaves both
# out and changes nothing else.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
title='Harbour quay opens after three years of work'

run_pith "$T/a.html"
expect_status 0
[ "$(sed -n 1p "$T/out")" = "$title" ] || fail "the first line is not the title"
[ -z "$(sed -n 2p "$T/out")" ] || fail "the second line is not blank"
[ -n "$(sed -n 3p "$T/out")" ] || fail "the third line is blank"
pass
cp "$T/out" "$T/with.txt"

run_pith --no-title "$T/a.html"
expect_status 0
expect_no_stderr
expect_stdout_lacks "$title"
[ "$(sed -n 1p "$T/out")" = "$(sed -n 3p "$T/with.txt")" ] ||
    fail "--no-title does not start with the first block of the text"
# Everything but the first two lines is the same.
tail -n +3 "$T/with.txt" | cmp -s - "$T/out" || fail "--no-title changed the text"
pass

# The <title> never leaks into the text, also when no <h1> matches it and
# no paragraph is long (the root then could be <html>, <head> included).
short='A short paragraph of article text, under a hundred letters long.'
cat > "$T/short.html" <<HTML
<html><head><title>Harbour briefs for Tuesday</title><style>p { margin: 0 }</style></head>
<body><p>$short</p><p>$short</p><p>$short</p><p>$short</p></body></html>
HTML
run_pith "$T/short.html"
expect_status 0
[ "$(grep -c 'Harbour briefs' "$T/out")" -eq 1 ] || fail "the title is printed more than once"
pass
expect_stdout_lacks 'margin'
run_pith --no-title "$T/short.html"
expect_status 0
expect_stdout_has "$short"
expect_stdout_lacks 'Harbour briefs'
done_ok
