#!/bin/sh
# --adblock: element-hiding lists in Adblock Plus / uBlock Origin syntax.
# A page whose adverts pith's own rules do not know, and a list written
# here: generic, site-specific (with --url and the JSON Lines url field),
# exceptions, $generichide, the guard over the article, --explain, a
# missing list, and Debian's EasyList (--adblock alone).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
XDG_CACHE_HOME=$T/cache
export XDG_CACHE_HOME

cat > "$T/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Orchard harvest</title></head>
<body>
<article>
<h1>Orchard harvest beats every forecast</h1>
<p>Growers in the valley picked more apples this autumn than in any year since records began, helped by a mild spring and a dry, warm September.</p>
<div class="qz-unit">Quince Bank: loans for growers, apply today</div>
<p>The cooperative said its cold stores were full by the middle of October, and that some of the fruit would go to juice rather than to the markets in the city.</p>
<div id="mx-slot-4">Tractor sale this weekend only at Delmont Motors</div>
<p>Pickers from three neighbouring regions came to help, and several farms hired twice as many workers as last year to bring the crop in before the first frost.</p>
<div class="zk-strip">Subscribe to Valley Weekly for only one euro</div>
<p>The regional council plans to open a second packing house next spring so that the growers can sell more of their fruit fresh.</p>
</article>
</body></html>
HTML
cat > "$T/list.txt" <<'LIST'
[Adblock Plus 2.0]
! Written for this test.
##.qz-unit
###mx-slot-4
example.org##.zk-strip
example.net#@#.qz-unit
@@||quiet.test^$generichide
||tracker.test^$third-party
##.qz-unit:has-text(Bank)
##p + .zk-strip
LIST
bank='Quince Bank'
tractor='Tractor sale'
sub='Subscribe to Valley Weekly'
prose='Pickers from three neighbouring regions'

# Without a list the adverts are part of the article.
run_pith "$T/page.html"
expect_status 0
expect_stdout_has "$bank"
expect_stdout_has "$tractor"
expect_stdout_has "$sub"

# Generic rules; both spellings of the option.
for opt in "--adblock $T/list.txt" "--adblock=$T/list.txt"; do
    # shellcheck disable=SC2086
    run_pith $opt "$T/page.html"
    expect_status 0
    expect_no_stderr
    expect_stdout_lacks "$bank"
    expect_stdout_lacks "$tractor"
    expect_stdout_has "$sub"
    expect_stdout_has "$prose"
done

# Site-specific rules need the page's URL.
run_pith --adblock "$T/list.txt" --url https://www.example.org/news/1 "$T/page.html"
expect_status 0
expect_stdout_lacks "$sub"
expect_stdout_lacks "$bank"
run_pith --adblock "$T/list.txt" --url https://example.com/news/1 "$T/page.html"
expect_status 0
expect_stdout_has "$sub"

# An exception for the site, and $generichide.
run_pith --adblock "$T/list.txt" --url https://example.net/a "$T/page.html"
expect_status 0
expect_stdout_has "$bank"
expect_stdout_lacks "$tractor"
run_pith --adblock "$T/list.txt" --url https://quiet.test/a "$T/page.html"
expect_status 0
expect_stdout_has "$bank"
expect_stdout_has "$tractor"

# Two lists add up.
printf '##.zk-strip\n' > "$T/more.txt"
run_pith --adblock "$T/list.txt" --adblock "$T/more.txt" "$T/page.html"
expect_status 0
expect_stdout_lacks "$sub"
expect_stdout_lacks "$bank"

# JSON Lines: each record's url field.
python3 - "$T/page.html" > "$T/in.jsonl" <<'PY'
import json, sys
html = open(sys.argv[1]).read()
print(json.dumps({"url": "https://example.org/x", "html": html}))
print(json.dumps({"url": "https://example.com/x", "html": html}))
PY
run_pith --jsonl --adblock "$T/list.txt" "$T/in.jsonl"
expect_status 0
[ "$(sed -n 1p "$T/out" | grep -c 'Subscribe to Valley')" = 0 ] || fail "record 1 (example.org) kept the site-specific advert"
[ "$(sed -n 2p "$T/out" | grep -c 'Subscribe to Valley')" = 1 ] || fail "record 2 (example.com) lost text a site-specific rule does not cover"
pass

# --explain names the list and line, and the counts.
run_pith --adblock "$T/list.txt" --explain "$T/page.html"
expect_status 0
expect_stderr_has "drop_by=adblock:$T/list.txt:3"
expect_stderr_has "drop_by=adblock:$T/list.txt:4"
expect_stderr_has "generic=2 site=1 exceptions=1 generichide=1 skipped: network=1 procedural=1 selector=1"

# The cache: written once read, used next time, and not when the list
# changes (same size, new content and time).
ls "$T/cache/pith/"adblock-*.bin > /dev/null 2>&1 || fail "no cache file under \$XDG_CACHE_HOME/pith"
pass
run_pith --adblock "$T/list.txt" "$T/page.html"
expect_stdout_lacks "$bank"
sed 's/^##.qz-unit$/##.qz-xxxx/' "$T/list.txt" > "$T/list2.txt"
touch -d '2001-01-01' "$T/list2.txt"
mv "$T/list2.txt" "$T/list.txt"
run_pith --adblock "$T/list.txt" "$T/page.html"
expect_status 0
expect_stdout_has "$bank"
expect_stdout_lacks "$tractor"

# A list that hides the article cannot empty it.
printf '##article\n##p\n' > "$T/bad.txt"
run_pith --adblock "$T/bad.txt" "$T/page.html"
expect_status 0
expect_stdout_has "$prose"

# A missing list: exit 4, the file named.
run_pith --adblock "$T/none.txt" "$T/page.html"
expect_status 4
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "$T/none.txt"

# A page or a directory where the list belongs: "pith --adblock page.html"
# would read the page as the list and wait for a page on stdin. A usage
# error that says what happened, however the list is given.
run_pith --adblock "$T/page.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "pith: --adblock takes a filter list, and '$T/page.html' is a page; use --adblock=system for Debian's EasyList, or --adblock FILE"
cp "$T/page.html" "$T/page.txt"
run_pith --adblock="$T/page.txt" "$T/page.html"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "'$T/page.txt' is a page"
mkdir "$T/lists"
run_pith "$T/page.html" --adblock "$T/lists"
expect_status 2
expect_no_stdout
expect_one_stderr_line
expect_stderr_has "'$T/lists' is a directory"
# A list that starts with a byte order mark and blank lines is still one.
printf '\357\273\277\n\n##.qz-unit\n' > "$T/bom.txt"
run_pith --adblock "$T/bom.txt" "$T/page.html"
expect_status 0
expect_stdout_lacks "$bank"
expect_stdout_has "$prose"

# --adblock alone: Debian's EasyList when installed (README), else a clear
# message.
easylist=
for f in /usr/share/chromium/extensions/ublock-origin/assets/thirdparties/easylist/easylist.txt \
    "/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/uBlock0@raymondhill.net/assets/thirdparties/easylist/easylist.txt"; do
    [ -r "$f" ] && { easylist=$f; break; }
done
for opt in --adblock --adblock=system; do
    run_pith "$T/page.html" --explain $opt
    if [ -n "$easylist" ]; then
        expect_status 0
        expect_stderr_has "# adblock $easylist: generic="
        expect_stdout_has "$prose"
    else
        expect_status 4
        expect_stderr_has "no system ad-blocking list: install webext-ublock-origin"
    fi
done

done_ok
