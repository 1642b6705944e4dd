#!/bin/sh
# --warc: WARC files (plain, and gzip per record as Common Crawl ships
# them), written in the test from the fixtures by tests/data/make_warc.py.
# Only the HTML responses come out, one JSON record each, in file order,
# with their WARC fields; the HTTP charset decides the encoding; a
# truncated or corrupt record is an error record and reading goes on.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
make_warc="$root/tests/data/make_warc.py"
fx="$root/fixtures"
pages="$fx/arc-port-strike.html $fx/fr-news-mediatheque.html $fx/russia-china.html $fx/blogger-mill-trail.html"
# The same Russian page with its <meta charset> taken out: only the HTTP
# header can say it is KOI8-R.
grep -aiv 'charset' "$fx/ru-koi8r-most.html" > "$T/koi8.html"
set -- $pages
w() { python3 "$make_warc" "$@" --date 2024-05-01T10:00:00Z > /dev/null || fail "make_warc.py failed"; }
w "$T/plain.warc" "$@" --charset koi8-r "$T/koi8.html"
w "$T/gz.warc.gz" --gzip "$@" --charset koi8-r "$T/koi8.html"

# what every record must hold, page by page, against single-page runs
for f in $pages; do
    "$pith" --format json "$f" > "$T/$(basename "$f").json" || fail "pith $f failed"
done
"$pith" --format json -e koi8-r "$T/koi8.html" > "$T/koi8.html.json"
check() {
    python3 - "$T/out" "$T" $pages "$T/koi8.html" <<'PY' || fail "the records are wrong (see above)"
import json, os, sys
out, tmp, files = sys.argv[1], sys.argv[2], sys.argv[3:]
recs = [json.loads(l) for l in open(out, encoding="utf-8")]
assert len(recs) == len(files), "%d records for %d pages" % (len(recs), len(files))
for r, f in zip(recs, files):
    name = os.path.basename(f)
    assert r["WARC-Target-URI"] == "http://example.com/" + name, r["WARC-Target-URI"]
    assert r["WARC-Record-ID"].startswith("<urn:uuid:"), r["WARC-Record-ID"]
    assert r["WARC-Date"] == "2024-05-01T10:00:00Z"
    assert r["http_status"] == 200
    assert "error" not in r, r["error"]
    want = json.load(open(os.path.join(tmp, name + ".json"), encoding="utf-8"))
    assert r["text"] == want["text"], "text of %s differs" % name
    assert r["title"] == want["title"], "title of %s differs" % name
PY
    pass
}
run_pith -q --warc "$T/plain.warc"
expect_status 0
expect_no_stderr
check
run_pith -q -j 1 --warc "$T/gz.warc.gz"
expect_status 0
expect_no_stderr
check
cp "$T/out" "$T/gz.j1"
# standard input, and more threads: the same bytes
run_pith_in "$T/gz.warc.gz" -q -j 3 --warc -
expect_status 0
cmp -s "$T/out" "$T/gz.j1" || fail "-j 3 on stdin differs from -j 1"
pass

# --max-bytes 0 is no limit, as for single pages: every page still read
# (the WARC reader once took 0 as a limit of 0 bytes).
run_pith -q --max-bytes 0 --warc "$T/plain.warc"
expect_status 0
expect_no_stderr
check

# A corrupt gzip member between two good files' records: one error record
# where it was, and every record after it still read.
python3 - "$T" <<'PY' || fail "cannot build the damaged WARC"
import gzip, sys
t = sys.argv[1]
good = open(t + "/gz.warc.gz", "rb").read()
rec = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>damaged page</p>\r\n\r\n\r\n"
bad = bytearray(gzip.compress(rec))
for i in range(12, len(bad) - 10):
    bad[i] ^= 0x5A
open(t + "/damaged.warc.gz", "wb").write(good + bytes(bad) + good)
PY
run_pith -q --warc "$T/damaged.warc.gz"
expect_status 0
python3 - "$T/out" <<'PY' || fail "the damaged WARC's records are wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
errs = [i for i, r in enumerate(recs) if "error" in r]
assert len(recs) == 11 and errs == [5], (len(recs), errs, [r.get("error") for r in recs])
assert "offset" in recs[5]["error"], recs[5]["error"]
assert all("text" in r for i, r in enumerate(recs) if i != 5)
PY
pass

# A file cut in the middle of its last page: the pages before it, then an
# error record; a missing file is an error record too, and the run goes on.
size=$(wc -c < "$T/plain.warc")
head -c $((size - 900)) "$T/plain.warc" > "$T/cut.warc"
run_pith -q --warc "$T/cut.warc" "$T/missing.warc" "$T/plain.warc"
expect_status 3
python3 - "$T/out" <<'PY' || fail "the cut WARC's records are wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
kinds = ["error" if "error" in r else "page" for r in recs]
assert kinds == ["page"] * 4 + ["error", "error"] + ["page"] * 5, kinds
assert "truncated" in recs[4]["error"], recs[4]["error"]
assert "missing.warc" in recs[5]["error"], recs[5]["error"]
PY
pass

# A record whose Content-Length lies (issue 17 item 8): good, liar (5,000
# bytes too many), good, good gives 4 records, the liar an error record
# with its URI; the same when CRLFs became LFs (every length off by a few
# bytes): each record is either a page or a corrupt one, and none is lost.
python3 - "$T" <<'PY' || fail "cannot build the lying WARC"
import sys
t = sys.argv[1]
def rec(uri, extra=0, text="page"):
    page = ("<html><head><title>%s</title></head><body><article><h1>%s</h1>" % (uri, uri) +
            "<p>The harbour authority opened the new northern quay on Tuesday after three years of "
            "dredging and construction work that cost far more than anyone had planned.</p>" * 4 +
            "</article></body></html>").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (uri, len(http) + extra)).encode()
    return head + http + b"\r\n\r\n"
data = rec("http://a.example/1") + rec("http://a.example/liar", 5000) + \
       rec("http://a.example/3") + rec("http://a.example/4")
open(t + "/liar.warc", "wb").write(data)
open(t + "/lf.warc", "wb").write(b"".join(rec("http://b.example/%d" % i) for i in range(4)).replace(b"\r\n", b"\n"))
PY
run_pith -q --warc "$T/liar.warc"
expect_status 0
python3 - "$T/out" <<'PY' || fail "the lying WARC's records are wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
uris = [r.get("WARC-Target-URI") for r in recs]
assert uris == ["http://a.example/%s" % k for k in ("1", "liar", "3", "4")], uris
assert "error" in recs[1] and "truncated" in recs[1]["error"], recs[1]
assert all("text" in recs[i] for i in (0, 2, 3)), recs
PY
pass
# the same through a pipe: what the claimed block held cannot be read
# again, but the liar is reported and the record after the block is read
run_pith_in "$T/liar.warc" -q --warc
expect_status 0
grep -q 'a.example/4' "$T/out" || fail "the record after the lying block was lost (pipe)"
pass
run_pith -q --warc "$T/lf.warc"
expect_status 0
python3 - "$T/out" <<'PY' || fail "the LF-only WARC's records are wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
uris = [r.get("WARC-Target-URI") for r in recs]
assert uris == ["http://b.example/%d" % i for i in range(4)], uris
PY
pass

# not a WARC file at all: error records, no crash, no hang
head -c 100000 /dev/urandom > "$T/random.bin"
run_pith -q --warc "$T/random.bin"
expect_status 0
grep -q '"error"' "$T/out" || fail "random bytes gave no error record"
pass

# no FILE: standard input, like --jsonl
run_pith_in "$T/gz.warc.gz" -q --warc
expect_status 0
cmp -s "$T/out" "$T/gz.j1" || fail "--warc without FILE does not read standard input"
pass
run_pith --warc
expect_status 0
expect_no_stdout
done_ok
