#!/bin/sh
# --jsonl: one output record per non-blank input line, in input order, with
# the input's fields passed through, the extraction's added, and "error"
# when a record fails (malformed JSON, no html, no article, too long),
# which never stops the stream. -j 1 and -j 4 write the same bytes.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

article_page > "$T/a.html"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' > "$T/nav.html"
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
page = open(t + "/a.html", encoding="utf-8").read()
nav = open(t + "/nav.html", encoding="utf-8").read()
with open(t + "/in.jsonl", "w", encoding="utf-8") as f:
    for i in range(60):
        rec = {"id": i, "url": "https://news.example/%d" % i,
               "html": page.replace("Harbour quay", "Harbour quay %d" % i),
               "crawl": {"depth": i % 3, "tags": ["x", None, 1.5]}}
        f.write(json.dumps(rec) + "\n")
        if i == 10:
            f.write("this is not json\n")
        if i == 20:
            f.write(json.dumps({"id": "no-html", "url": "https://news.example/x"}) + "\n")
        if i == 30:
            f.write(json.dumps({"id": "nav", "html": nav}) + "\n")
        if i == 40:
            f.write("\n   \n")  # blank lines are not records
        if i == 50:
            f.write(json.dumps({"id": "big", "html": page * 40}) + "\n")
with open(t + "/fields.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"body": page, "link": "https://other.example/p"}) + "\n")
PY

run_pith -q -j 4 --max-bytes 20K --jsonl "$T/in.jsonl"
expect_status 0
expect_no_stderr
cp "$T/out" "$T/j4"
python3 - "$T/out" <<'PY' || fail "the records are wrong (see above)"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ids = [r.get("id") for r in recs]
want = []
for i in range(60):
    want.append(i)
    want += {10: [None], 20: ["no-html"], 30: ["nav"], 50: ["big"]}.get(i, [])
assert ids == want, ids
for r in recs:
    if isinstance(r.get("id"), int):
        i = r["id"]
        assert "error" not in r, r
        assert "html" not in r, "the page was echoed"
        assert r["url"] == "https://news.example/%d" % i
        assert r["crawl"] == {"depth": i % 3, "tags": ["x", None, 1.5]}
        assert r["title"].startswith("Harbour quay %d opens" % i), r["title"]
        assert "Fishermen said the quay" in r["text"]
        assert "Copyright" not in r["text"] and "ADVERTISEMENT" not in r["text"]
byid = {r.get("id"): r for r in recs}
assert "JSON" in byid[None]["error"], byid[None]
assert "html" in byid["no-html"]["error"] and byid["no-html"]["url"] == "https://news.example/x"
assert byid["nav"]["error"] == "no article text found", byid["nav"]
# no article: the record still has the metadata, with an empty text
assert byid["nav"]["text"] == "" and byid["nav"]["word_count"] == 0 and "title" in byid["nav"], byid["nav"]
assert "limit" in byid["big"]["error"] and "text" not in byid["big"], byid["big"]
PY
pass

# the same bytes on one thread
run_pith_in "$T/in.jsonl" -q -j 1 --max-bytes 20K --jsonl
expect_status 0
cmp -s "$T/out" "$T/j4" || fail "-j 1 and -j 4 differ"
pass

# The progress line: never when stderr is not a terminal ...
run_pith_in "$T/in.jsonl" --max-bytes 20K --jsonl
expect_status 0
expect_no_stderr
# ... on a terminal it counts the records, and -q silences it.
if command -v script > /dev/null; then
    env -u CI script -qec "'$pith' --jsonl --max-bytes 20K < '$T/in.jsonl' > '$T/pty.out'" /dev/null > "$T/pty.txt" 2>&1 ||
        fail "pith on a terminal failed"
    grep -q '64 records.*4 errors' "$T/pty.txt" || fail "no progress line on a terminal: $(cat "$T/pty.txt")"
    pass
    cmp -s "$T/pty.out" "$T/j4" || fail "the output on a terminal differs"
    pass
    env -u CI script -qec "'$pith' -q --jsonl --max-bytes 20K < '$T/in.jsonl' > '$T/pty.out'" /dev/null > "$T/pty.txt" 2>&1
    [ ! -s "$T/pty.txt" ] || fail "-q still shows progress: $(cat "$T/pty.txt")"
    pass
fi

# Bounded memory: 100 MB of records streamed through a pipe, never held.
# (AddressSanitizer's shadow memory and quarantine get four times the room.)
scale=1
if grep -q __asan_init "$pith" 2>/dev/null; then
    scale=4
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=16"
    export ASAN_OPTIONS
fi
if [ -x /usr/bin/time ]; then
    python3 - "$T/a.html" <<'PY' | /usr/bin/time -f %M -o "$T/rss" "$pith" -q -j 2 --jsonl > "$T/big.out" || fail "the stream failed"
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
pad = "<!-- " + "x" * 2000 + " -->"
for i in range(25000):
    sys.stdout.write(json.dumps({"id": i, "html": page + pad}) + "\n")
PY
    [ "$(wc -l < "$T/big.out")" -eq 25000 ] || fail "25000 records in, $(wc -l < "$T/big.out") out"
    pass
    [ "$(tail -n 1 "$T/big.out" | cut -c1-12)" = '{"id":24999,' ] || fail "the last record is not the last input"
    pass
    [ "$(cat "$T/rss")" -lt $((65536 * scale)) ] || fail "peak RSS $(cat "$T/rss") KB for a 100 MB stream"
    pass
fi

# other member names
run_pith -q --jsonl --html-field body --url-field link "$T/fields.jsonl"
expect_status 0
expect_stdout_has '"link":"https://other.example/p"'
expect_stdout_has '"title":"Harbour quay opens after three years of work"'
expect_stdout_lacks '"body"'
expect_stdout_lacks '"error"'

# no input, no output
run_pith -q --jsonl
expect_status 0
expect_no_stdout

# an input that cannot be opened is a record, the next input is still read
run_pith -q --jsonl "$T/missing.jsonl" "$T/fields.jsonl" --html-field body
expect_status 3
expect_no_stderr
[ "$(wc -l < "$T/out")" -eq 2 ] || fail "expected 2 records"
head -n 1 "$T/out" | grep -q '"error":".*missing.jsonl' || fail "no error record for the missing file"
pass

# usage errors
run_pith --jsonl --warc
expect_status 2
expect_one_stderr_line
run_pith --jsonl --format text
expect_status 2
expect_one_stderr_line
run_pith --html-field body
expect_status 2
expect_one_stderr_line
# issue 17: a byte-order mark and nesting past 64 levels are named for what
# they are; a repeated "html" member counts by its last value, as in most
# JSON parsers; a write error (a full disk) is said once.
python3 - "$T/odd.jsonl" <<'PY'
import json, sys
good = ("<html><body><article><p>The harbour authority opened the new northern quay on Tuesday, "
        "after three years of dredging and construction work that cost far more than planned.</p>"
        "</article></body></html>")
lines = [b"\xef\xbb\xbf" + json.dumps({"html": good}).encode(),
         b'{"html": "x", "deep": ' + b"[" * 70 + b"]" * 70 + b"}",
         ('{"html": "<p>first</p>", "html": %s}' % json.dumps(good)).encode()]
open(sys.argv[1], "wb").write(b"\n".join(lines) + b"\n")
PY
run_pith -q --jsonl "$T/odd.jsonl"
expect_status 0
python3 - "$T/out" <<'PY' || fail "BOM, depth or duplicate members handled wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(recs) == 3, recs
assert "byte-order mark" in recs[0]["error"], recs[0]
assert "nested deeper than 64" in recs[1]["error"], recs[1]
assert "harbour authority" in recs[2].get("text", ""), recs[2]
PY
pass
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do sed -n 3p "$T/odd.jsonl"; done > "$T/many.jsonl"
for j in 1 2; do
    what="pith --jsonl -j $j > /dev/full"
    "$pith" -q -j $j --jsonl "$T/many.jsonl" > /dev/full 2> "$T/err"
    rc=$?
    expect_status 3
    expect_one_stderr_line
    expect_stderr_has "cannot write the output"
done
done_ok
