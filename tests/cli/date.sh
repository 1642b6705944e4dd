#!/bin/sh
# --date: when the page was fetched. A relative dateline ("vor 3 Stunden")
# counts back from it, from a JSON Lines record's "date" member, and from a
# WARC record's WARC-Date; without one it gives no date. A --date that is
# no date is a usage error before any page is read.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

root=$(cd "$(dirname "$0")/../.." && pwd)
page="$root/fixtures/de-wp-vor-stunden-freibad.html"
want='"date_published": "2024-05-13T07:15:00+00:00"'

run_pith --format json "$page"
expect_status 0
expect_stdout_has '"date_published": null'

run_pith --format json --date 2024-05-13T10:15:00Z "$page"
expect_status 0
expect_stdout_has "$want"
# an HTTP Date header's form, and an offset kept as given
run_pith --format json --date "Mon, 13 May 2024 10:15:00 GMT" "$page"
expect_stdout_has "$want"
run_pith --format json --date 2024-05-13T12:15:00+02:00 "$page"
expect_stdout_has '"date_published": "2024-05-13T09:15:00+02:00"'

run_pith --format json --date yesterday "$page"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has '--date'

# JSON Lines: the record's "date", else --date; a date that is not a
# string is that record's error
python3 - "$page" > "$T/in.jsonl" <<'PY'
import json, sys
html = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"url": "https://x.example/a", "html": html, "date": "2024-05-13T10:15:00Z"}))
print(json.dumps({"url": "https://x.example/b", "html": html}))
print(json.dumps({"url": "https://x.example/c", "html": html, "date": 1715595300}))
PY
run_pith_in "$T/in.jsonl" --jsonl
expect_status 0
python3 - "$T/out" <<'PY' || fail "JSON Lines records (see above)"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r.get("date_published") for r in recs] == ["2024-05-13T07:15:00+00:00", None, None], recs
assert recs[2]["error"] == '"date" is not a string', recs[2]
PY
pass
run_pith_in "$T/in.jsonl" --jsonl --date 2024-05-14T10:15:00Z
python3 - "$T/out" <<'PY' || fail "JSON Lines records with --date (see above)"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r.get("date_published") for r in recs[:2]] == ["2024-05-13T07:15:00+00:00",
                                                       "2024-05-14T07:15:00+00:00"], recs
PY
pass

# WARC: each response's WARC-Date
python3 "$root/tests/data/make_warc.py" "$T/in.warc" --date 2024-05-13T10:15:00Z "$page" > /dev/null ||
    fail "make_warc.py failed"
run_pith --warc "$T/in.warc"
expect_status 0
expect_stdout_has '"date_published":"2024-05-13T07:15:00+00:00"'

done_ok
