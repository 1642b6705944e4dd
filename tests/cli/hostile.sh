#!/bin/sh
# Hostile input (issue 5): broken, binary, enormous and malicious pages
# through the real binary. Every input is made here, in $T, and removed
# after its case. Each case asserts:
#   - an allowed exit status (see pith --help), never a signal;
#   - exactly one line on stderr, starting "pith: ", when the status is
#     not 0 (at most one, a warning, when it is 0);
#   - stdout is valid UTF-8 without NUL bytes;
#   - a time ceiling (timeout; generous, against hangs, not a benchmark);
#   - a peak-RSS ceiling (/usr/bin/time -f %M).
# For the giant inputs either status is allowed: 0 or 1 (extracted from
# what is within the limits) or 6 (refused: the input exceeds a limit).
# Every case runs even when one fails; a summary closes the output.
#
# Under AddressSanitizer the time and memory ceilings are multiplied by
# HOSTILE_SCALE (default 4 when the binary is built with ASan, else 1).
. "$(dirname "$0")/lib.sh"

GTIME=/usr/bin/time
if [ ! -x "$GTIME" ]; then
    echo "$test_name: $GTIME is missing (Debian package 'time', in the README's install line)" >&2
    exit 1
fi
if ! command -v timeout >/dev/null || ! command -v python3 >/dev/null; then
    echo "$test_name: needs timeout and python3" >&2
    exit 1
fi
if [ -z "${HOSTILE_SCALE:-}" ]; then
    HOSTILE_SCALE=1
    grep -q __asan_init "$pith" 2>/dev/null && HOSTILE_SCALE=4
fi

MiB=1024 # peak RSS is measured in KiB
passed=0
failed=0
failures=''

# gen KIND FILE: writes the input KIND to FILE (deterministic: seeded).
gen() {
    python3 - "$1" "$2" <<'EOF'
import random, sys
kind, path = sys.argv[1], sys.argv[2]
rnd = random.Random(20261127)
PARA = ("The harbour authority opened the new northern quay on Tuesday, "
        "after three years of dredging and construction work that cost far "
        "more than anyone had planned, and fishermen welcomed it. ")
def page(body, head="<meta charset=\"utf-8\">"):
    return ("<!DOCTYPE html><html><head>" + head +
            "<title>Harbour quay opens</title></head><body><article>"
            "<h1>Harbour quay opens</h1>" + body + "</article></body></html>")
def article(n=4):
    return "".join("<p>%s%s</p>\n" % (PARA, PARA) for _ in range(n))
with open(path, "wb") as f:
    w = f.write
    if kind == "empty":
        pass
    elif kind == "whitespace":
        w(b" \t\r\n\f" * 20000)
    elif kind == "lone-html":
        w(b"<html>")
    elif kind == "png":
        w(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
        w(rnd.randbytes(256 << 10))
        w(b"\x00\x00\x00\x00IEND\xaeB`\x82")
    elif kind == "gzip":
        w(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")
        w(rnd.randbytes(256 << 10))
    elif kind == "pdf":
        w(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
        w(b"4 0 obj\n<< /Length 262144 /Filter /FlateDecode >>\nstream\n")
        w(rnd.randbytes(256 << 10))
        w(b"\nendstream\nendobj\nxref\n0 5\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    elif kind == "random":
        w(rnd.randbytes(1 << 20))
    elif kind == "bad-utf8":
        bad = [b"\xff", b"\xfe", b"\xc0\x80", b"\x80", b"\xbf", b"\xe2\x82",
               b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xc3"]
        out = bytearray(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        b"<title>Harbour \xff quay</title></head><body>"
                        b"<article><h1>Harbour \xff quay</h1>")
        for i in range(400):
            out += b"<p class=\"\xff\xc3\">"
            for word in PARA.encode().split(b" "):
                out += word + bad[rnd.randrange(len(bad))] + b" "
            out += b"</p>\n"
        out += b"</article></body></html>"
        w(bytes(out))
    elif kind == "nul":
        w(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Harbour\x00 quay</title></head>"
          b"<bo\x00dy><art\x00icle cla\x00ss=\"po\x00st\" \x00=\"x\">")
        for i in range(20):
            w(b"<p>" + PARA.encode().replace(b" ", b" \x00", 5) + b"\x00\x00</p\x00>\n")
            w(b"<d\x00iv i\x00d=\x00>" + PARA.encode() + b"</div>\n")
        w(b"<\x00>\x00</\x00></article></body></html>")
    elif kind in ("utf16le", "utf16be"):
        text = page("<p>Zürich café — 港口 порт. " + PARA + "</p>" + article(), head="")
        bom, enc = ((b"\xff\xfe", "utf-16-le") if kind == "utf16le"
                    else (b"\xfe\xff", "utf-16-be"))
        w(bom + text.encode(enc))
    elif kind == "unknown-charset":
        w(page("<p>Caf\u00e9 cr\u00e8me. " + PARA + "</p>" + article(),
               head="<meta charset=\"x-klingon-42\">").encode("utf-8"))
    elif kind == "huge-page":  # 200 MB of paragraphs in sections
        head = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Big</title>"
                "</head><body><article><h1>Big</h1>").encode()
        chunk = ("<section>" + article(40) + "</section>\n").encode()
        w(head)
        n = len(head)
        while n < 200_000_000:
            w(chunk)
            n += len(chunk)
        w(b"</article></body></html>")
    elif kind == "nested-divs":
        w(b"<!DOCTYPE html><html><body>")
        w(b"<div>" * 1_000_000)
        w(article().encode())
        w(b"</div>" * 1_000_000)
        w(b"</body></html>")
    elif kind == "unclosed-b":
        w(b"<!DOCTYPE html><html><body><article><p>")
        w(b"<b>bold " * 100_000)
        w(article().encode())
        w(b"</article></body></html>")
    elif kind == "many-attrs":
        w(b"<!DOCTYPE html><html><body><article><div ")
        w(b"".join(b"a%d=\"v%d\" " % (i, i) for i in range(100_000)))
        w(b">")
        w(article().encode())
        w(b"</div></article></body></html>")
    elif kind == "huge-text":  # one text node of 50 MB
        w(b"<!DOCTYPE html><html><body><article><p>")
        words = PARA.encode()
        n = 0
        while n < 50_000_000:
            w(words)
            n += len(words)
        w(b"</p></article></body></html>")
    else:
        sys.exit("unknown kind " + kind)
EOF
}

# check NAME STATUSES SECONDS RSS_MIB [PITH ARGS...]: runs pith on $T/in
# and checks the result against the allowed statuses (space-separated),
# the time ceiling and the peak-RSS ceiling, and that stdout holds $want
# and stderr $want_err when they are set. Prints one line per case.
check() {
    _name=$1 _allowed=$2 _secs=$(($3 * HOSTILE_SCALE)) _rss=$(($4 * HOSTILE_SCALE * MiB))
    shift 4
    what="pith $* $T/in"
    _start=$(date +%s.%N)
    "$GTIME" -f %M -o "$T/rss" timeout -k 5 "$_secs" "$pith" "$@" "$T/in" \
        > "$T/out" 2> "$T/err"
    rc=$?
    _elapsed=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" \
        "$_start" "$(date +%s.%N)")
    _kib=$(tail -n 1 "$T/rss" 2>/dev/null)
    case $_kib in '' | *[!0-9]*) _kib=0 ;; esac
    _why=''
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        _why="timed out after ${_secs}s"
    elif [ "$rc" -ge 128 ]; then
        _why="killed by signal $((rc - 128))"
    else
        case " $_allowed " in
        *" $rc "*) ;;
        *) _why="exit status $rc, expected one of: $_allowed" ;;
        esac
    fi
    _lines=$(nlines "$T/err")
    if [ -z "$_why" ] && [ "$rc" -ne 0 ]; then
        if [ "$_lines" -ne 1 ] || ! grep -q '^pith: ' "$T/err" ||
            [ "$(tail -c 1 "$T/err" | od -An -c | tr -d ' ')" != '\n' ]; then
            _why="status $rc with $_lines lines on stderr, not one 'pith: ' line"
        fi
    elif [ -z "$_why" ] && [ "$_lines" -gt 1 ]; then
        _why="status 0 with $_lines lines on stderr"
    fi
    if [ -z "$_why" ] && [ "$_kib" -gt "$_rss" ]; then
        _why="peak RSS $((_kib / MiB)) MiB over the ceiling of $((_rss / MiB)) MiB"
    fi
    if [ -z "$_why" ] && ! python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
d.decode("utf-8")
sys.exit(1 if b"\0" in d else 0)' "$T/out" 2>/dev/null; then
        _why="stdout is not valid UTF-8 or holds a NUL byte"
    fi
    if [ -z "$_why" ] && [ -n "$want" ] && ! grep -qF -- "$want" "$T/out"; then
        _why="stdout lacks '$want'"
    fi
    if [ -z "$_why" ] && [ -n "$want_err" ] && ! grep -qF -- "$want_err" "$T/err"; then
        _why="stderr lacks '$want_err'"
    fi
    _facts="status $rc, ${_elapsed}s, $((_kib / MiB)) MiB, $(wc -c < "$T/out") bytes out"
    if [ -z "$_why" ]; then
        passed=$((passed + 1))
        echo "ok   $_name ($_facts)"
        if [ -s "$T/err" ]; then echo "     stderr: $(head -c 200 "$T/err")"; fi
    else
        failed=$((failed + 1))
        failures="$failures $_name"
        echo "FAIL $_name: $_why ($_facts)"
        echo "     command: $what"
        if [ -s "$T/err" ]; then
            echo "     stderr (first 5 lines):"
            head -n 5 "$T/err" | cut -c1-200 | sed 's/^/       /'
        fi
    fi
    rm -f "$T/in" "$T/out" "$T/err" "$T/rss"
}

# run_case NAME KIND STATUSES SECONDS RSS_MIB [ARGS...]
run_case() {
    _n=$1 _k=$2
    shift 2
    if ! gen "$_k" "$T/in"; then
        failed=$((failed + 1))
        failures="$failures $_n"
        echo "FAIL $_n: could not make the input"
        return
    fi
    check "$_n" "$@"
    want='' want_err=''
}
want='' want_err=''


# Small inputs: 20 s and 512 MiB. Giant ones: 60 s; 1.5 GiB for the 200 MB
# page, 512 MiB for the rest. The statuses of the giant ones are those the
# README's "Limits" section gives: past --max-bytes (64M) a page is refused
# (6); tags deeper than --max-depth are flattened and keep their text, a
# page is cut after --max-nodes tags, attributes past the 1000th are left
# out, each with a warning on stderr, and extraction goes on (0, or 1 when
# nothing is left); only --max-memory may still refuse (6).
article='The harbour authority opened the new northern quay on Tuesday'
case_empty()           { run_case empty empty "1" 20 512; }
case_whitespace()      { run_case whitespace whitespace "1" 20 512; }
case_lone_html()       { run_case lone-html lone-html "1" 20 512; }
# Files that are not text are refused by name (exit 3), never printed.
case_png()             { want_err='a PNG image'; run_case png png "3" 20 512; }
case_gzip()            { want_err='gzip-compressed'; run_case gzip gzip "3" 20 512; }
case_pdf()             { want_err='a PDF document'; run_case pdf pdf "3" 20 512; }
case_random()          { want_err='binary data'; run_case random-1mib random "3" 20 512; }
case_bad_utf8()        { want=quay; run_case invalid-utf8 bad-utf8 "0" 20 512; }
case_nul()             { want=quay; run_case nul-bytes nul "0" 20 512; }
case_utf16le()         { want='Zürich café — 港口 порт.'; run_case utf16le-bom utf16le "0" 20 512; }
case_utf16be()         { want='Zürich café — 港口 порт.'; run_case utf16be-bom utf16be "0" 20 512; }
case_unknown_charset() { want='Café crème.'; run_case unknown-charset unknown-charset "0" 20 512; }
case_huge_page()       { want_err=limit; run_case page-200mb huge-page "6" 60 1536; }
# The article comes after the millionth tag: cut, so nothing is left (1),
# and the one line on stderr should say that a limit cut the page.
case_nested_divs()     { want_err=limit; run_case nested-divs-1m nested-divs "0 1 6" 60 512; }
case_unclosed_b()      { want="$article" want_err=limit; run_case unclosed-b-100k unclosed-b "0 6" 60 512; }
case_many_attrs()      { want="$article" want_err=attribute; run_case attributes-100k many-attrs "0 6" 60 512; }
case_huge_text()       { want="$article"; run_case text-node-50mb huge-text "0" 60 512; }

for c in empty whitespace lone_html png gzip pdf random bad_utf8 nul utf16le \
    utf16be unknown_charset huge_page nested_divs unclosed_b many_attrs huge_text; do
    "case_$c"
done

echo "$test_name: $passed passed, $failed failed${failures:+ (failed:$failures)}"
[ "$failed" -eq 0 ]
