#!/bin/sh
# Control characters never reach the output (issue 17 item 6): ESC, BEL,
# CR and the other C0 controls but tab and newline, DEL, C1 controls, the
# noncharacters U+FFFE/U+FFFF, raw or as references, in text, title,
# links, images, code and metadata; U+2028/U+2029 become spaces. In every
# format; and --format html stays well-formed XML.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

python3 - "$T/page.html" <<'PY'
import sys
body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Quay \x1b]0;owned\x07 opens&#27;[2J</title>"
        "<meta property=\"og:title\" content=\"Quay&#7; opens\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Quay \\u001b[2J opens\",\"inLanguage\":\"en\\u0007\","
        "\"author\":{\"name\":\"Ann\\u009b Lee\"}}</script></head><body><article>"
        "<h1>Quay\u009b1m opens</h1>"
        "<p>The harbour authority opened the new northern quay \x1b[31mon Tuesday&#7;, after three "
        "years of dredging&#13;and construction work that cost far more than anyone had "
        "planned.&#x2028;Next&#xFFFF; <a href=\"/x&#27;y\" title=\"t&#8;\">link&#x81;</a> "
        "<img src=\"a&#1;.png\" alt=\"al&#7;t\">\u2029and more.</p>"
        "<pre>code\x1b[0m here &#1;\x7f</pre>"
        "<table><tr><th>Cell&#27;</th><th>B</th></tr><tr><td>1&#x9b;</td><td>2</td></tr></table>"
        "<p>Fishermen said the quay would shorten their trips to the market and let larger "
        "boats unload at low tide, which had been impossible in this town for decades.</p>"
        "</article></body></html>")
open(sys.argv[1], "wb").write(body.encode("utf-8"))
PY

# bad FILE: fails when FILE holds a byte or sequence that must not be there
bad() {
    python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
m = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbf[\xbe\xbf]", data)
if m:
    print("offset %d: %r" % (m.start(), data[max(0, m.start() - 20):m.end() + 20]))
    sys.exit(1)
PY
}

# --links and --images only where links and images are written (the
# command refuses them where they would do nothing).
for f in text markdown html json; do
    case $f in
    markdown | html) keep="--links --images" ;;
    json) keep="--include markdown --include html --links --images" ;;
    *) keep="" ;;
    esac
    # shellcheck disable=SC2086
    run_pith --format "$f" $keep "$T/page.html"
    expect_status 0
    bad "$T/out" > "$T/why" || fail "--format $f lets a control character through: $(cat "$T/why")"
    pass
    expect_stdout_has "dredging and construction"
done
run_pith --format html --links --images "$T/page.html"
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$T/out" 2> "$T/why" ||
    fail "--format html is not well-formed XML: $(tail -1 "$T/why")"
pass
# the same through the batch modes, which print the same records
run_pith -q -o "$T/res" --format html --links "$T/page.html"
bad "$T/res/page.html" > "$T/why" || fail "-o lets a control character through: $(cat "$T/why")"
pass
done_ok
