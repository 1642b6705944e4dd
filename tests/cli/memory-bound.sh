#!/bin/sh
# Memory under --warc -j N (issue 17 item 9): the README's bound holds,
#   peak RSS <= 48 MiB + min(256 MiB, inputs) + N x (M + 6 B),
# where B is --max-bytes, M is --max-memory, and inputs the pages' bytes
# once their Content-Encoding is undone (what the 256 MiB budget counts);
# and --max-bytes applies to that inflated body: a record that inflates
# past it is an error record, not a page. Peak RSS is the child's
# getrusage, read by python3.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

python3 - "$T" <<'PY'
import gzip, sys
t = sys.argv[1]
para = (b"<p>The harbour authority opened the new northern quay on Tuesday after three "
        b"years of dredging and construction work that cost far more than planned.</p>\n")
def page(mb):
    return (b"<html><head><title>Big</title></head><body><article><h1>Big</h1>" +
            para * int(mb * 1e6 / len(para)) + b"</article></body></html>")
def rec(i, body):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Encoding: gzip\r\n\r\n" + gzip.compress(body, 6))
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://big.example/%d\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (i, len(http))) + http + b"\r\n\r\n"
small = page(7)   # 7 MB inflated, under the 8M of --max-bytes
big = page(20)    # 20 MB inflated: over it
open(t + "/big.warc", "wb").write(b"".join(rec(i, small) for i in range(6)) + rec(6, big))
PY
[ "$(wc -c < "$T/big.warc")" -lt 2000000 ] || fail "the test WARC is not small (the bodies should compress)"
pass

# peak RSS in MiB of: pith ARGS...
peak() {
    python3 - "$pith" "$@" <<'PY'
import os, subprocess, sys
with open(os.devnull, "wb") as null:
    p = subprocess.Popen(sys.argv[1:], stdout=open(os.environ["OUT"], "wb"), stderr=null)
    _, status, ru = os.wait4(p.pid, 0)
print(ru.ru_maxrss // 1024, os.waitstatus_to_exitcode(status))
PY
}
asan=0
grep -q __asan_init "$pith" 2>/dev/null && asan=1
for j in 1 2 4; do
    set -- $(OUT="$T/out" peak -q --warc -j $j --max-bytes 8M --max-memory 64M "$T/big.warc")
    rss=$1
    rc=$2
    what="pith --warc -j $j --max-bytes 8M --max-memory 64M (peak RSS $rss MiB)"
    expect_status 0
    # 6 pages of 7 MB held at most; B = 8, M = 64
    bound=$((48 + 42 + j * (64 + 6 * 8)))
    if [ "$asan" -eq 0 ]; then # ASan's shadow memory is not pith's
        [ "$rss" -le "$bound" ] || fail "peak RSS $rss MiB is over the README's bound of $bound MiB"
        pass
    fi
    echo "-j $j: peak RSS $rss MiB (bound $bound MiB)"
    [ "$(grep -c '"text"' "$T/out")" -eq 6 ] || fail "expected 6 pages"
    pass
    grep -q '"WARC-Target-URI":"http://big.example/6".*exceeds the limit of 8388608 once Content-Encoding gzip is undone' "$T/out" ||
        fail "the record inflating past --max-bytes is not an error record"
    pass
done
done_ok
