#!/bin/sh
# Output format: ends with exactly one newline, no trailing white space on
# any line, no runs of blank lines, no carriage returns.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

long='and enough words after it to make this a real paragraph of article text, as the extractor wants.'
cat > "$T/ws.html" <<HTML
<html><head><title>  White   space   everywhere  </title></head><body><article>
<h1>  White   space   everywhere  </h1>
<p>   A paragraph with leading and trailing spaces,   $long   </p>
<p>A line that ends with spaces   <br>   and a second line after a break &nbsp; $long &nbsp;</p>
<p>Tabs	and	CRLF line ends	$long	</p>
<h2>  A heading with spaces   </h2>
<ul><li> First item in a list with spaces around it, $long </li><li>Second item&nbsp;$long&nbsp;</li></ul>
<p>&nbsp;</p><p>   </p><div>  </div>
<pre>int main(void) { return printf("hello, world"); }   
    /* indented line with trailing blanks */   	

</pre>
<p>The last paragraph, $long&#x2003;</p>
</article></body></html>
HTML
# Also with CRLF line ends.
sed 's/$/\r/' "$T/ws.html" > "$T/crlf.html"

check_format() {
    expect_status 0
    [ -s "$T/out" ] || fail "no output"
    [ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" = '\n' ] ||
        fail "the output does not end with a newline"
    [ "$(tail -c 2 "$T/out" | od -An -c | tr -d ' ')" != '\n\n' ] ||
        fail "the output ends with more than one newline"
    ! grep -n '[[:space:]]$' "$T/out" > "$T/bad" || fail "trailing white space on lines: $(cut -d: -f1 "$T/bad" | tr '\n' ' ')"
    ! grep -q "$(printf '\r')" "$T/out" || fail "carriage return in the output"
    awk 'prev == "" && $0 == "" && NR > 1 { bad = 1 } { prev = $0 } END { exit bad }' "$T/out" ||
        fail "two blank lines in a row"
    head -n 1 "$T/out" | grep -q . || fail "the output starts with a blank line"
    pass
}
for f in ws crlf; do
    run_pith "$T/$f.html"
    check_format
    expect_stdout_has 'White space everywhere'
    expect_stdout_has 'The last paragraph'
    run_pith --no-title "$T/$f.html"
    check_format
    run_pith --no-default-rules "$T/$f.html"
    check_format
done

# A page with no title keeps the framing: an empty title line, a blank
# line, then the article from line 3 (a script that takes line 1 as the
# title must not take the article's first paragraph instead).
cat > "$T/untitled.html" <<HTML
<html><head></head><body><article>
<p>The first paragraph of a page that has no title at all, $long</p>
<p>The second paragraph, $long</p>
</article></body></html>
HTML
run_pith "$T/untitled.html"
expect_status 0
[ "$(head -n 2 "$T/out" | tr -d '\n')" = "" ] || fail "no empty title line and blank line before the article"
sed -n 3p "$T/out" | grep -q '^The first paragraph' || fail "the article does not start on line 3"
run_pith --no-title "$T/untitled.html"
expect_status 0
head -n 1 "$T/out" | grep -q '^The first paragraph' || fail "--no-title: the article does not start on line 1"
pass
done_ok
