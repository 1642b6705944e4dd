#!/bin/sh
# Hang guard (issue 17, item 3): JSON-LD @id references are resolved
# through an index of the objects, not by a scan of every object for each
# reference. 80,000 references (6 MB) took 50 s with the scan and take
# under 0.4 s with the index; the limit of 20 s (50 times that) catches
# the quadratic cost, not a slow machine. Under AddressSanitizer the
# limit is scaled by HANG_SCALE (default 4 there, else 1).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

if [ -z "${HANG_SCALE:-}" ]; then
    HANG_SCALE=1
    grep -q __asan_init "$pith" 2>/dev/null && HANG_SCALE=4
fi
python3 - "$T/ids.html" <<'PY'
import sys
N = 80000
def name(i):
    s = ''
    for _ in range(3):
        s += chr(ord('a') + i % 26)
        i //= 26
    return 'Jane ' + s.capitalize()
refs = ','.join('{"@id":"#p%d"}' % i for i in range(N))
objs = ','.join('{"@id":"#p%d","@type":"Person","name":"%s"}' % (i, name(i)) for i in range(N))
html = ('<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",'
        '"headline":"Harbour quay opens","author":[%s]},%s]}</script></head><body><article><p>%s</p>'
        '</article></body></html>') % (refs, objs, 'The harbour authority opened the new quay. ' * 20)
open(sys.argv[1], 'w').write(html)
PY
limit=$((20 * HANG_SCALE))
what="timeout $limit pith --format json ids.html"
timeout "$limit" "$pith" --format json "$T/ids.html" > "$T/out" 2> "$T/err"
rc=$?
[ "$rc" -eq 124 ] && fail "80,000 @id references took over $limit s (quadratic resolution?)"
expect_status 0
# The references resolve to the named objects: the first authors are there.
expect_stdout_has '"Jane Aaa"'
expect_stdout_has '"Jane Baa"'
done_ok
