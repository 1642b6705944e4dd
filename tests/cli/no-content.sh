#!/bin/sh
# Pages without article text exit 1, print nothing on stdout and one line
# on stderr.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

check_empty() {
    expect_status 1
    expect_no_stdout
    expect_one_stderr_line
}

: > "$T/empty.html"
run_pith "$T/empty.html"
check_empty
expect_stderr_has "$T/empty.html"
run_pith_in "$T/empty.html"
check_empty

printf ' \n\t\n   \r\n\n' > "$T/blank.html"
run_pith "$T/blank.html"
check_empty
run_pith_in "$T/blank.html" -
check_empty

cat > "$T/nav.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour Gazette</title></head>
<body>
<nav><ul>
<li><a href="/">Home</a></li>
<li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li>
<li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li>
</ul></nav>
</body></html>
HTML
run_pith "$T/nav.html"
check_empty
# Nothing is printed, not even the title.
run_pith --no-title "$T/nav.html"
check_empty
done_ok
