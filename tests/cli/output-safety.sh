#!/bin/sh
# -o writes safely (issue 17 items 4, 7): an output never replaces an input
# or anything reached through a symbolic link; a page that cannot be
# written (a full disk) leaves no file that looks like a result, and no
# temporary file; --input-dir does not follow links to directories, so a
# link cycle neither loops nor writes a page twice.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# the input itself: `--format html -o .` would write a.html over a.html
mkdir -p "$T/same"
article_page > "$T/same/a.html"
cp "$T/same/a.html" "$T/orig.html"
(cd "$T/same" && "$pith" -q --format html -o . a.html > "$T/out" 2> "$T/err")
rc=$?
what="pith --format html -o . a.html (in its own directory)"
expect_status 7
expect_one_stderr_line
expect_stderr_has "is an input of this run; not overwritten"
cmp -s "$T/orig.html" "$T/same/a.html" || fail "the input page was overwritten"
pass
# another input's output name: a.htm would become a.html, an input too
cp "$T/orig.html" "$T/same/a.htm"
(cd "$T/same" && "$pith" -q --format html -o . a.htm a.html > "$T/out" 2> "$T/err")
rc=$?
cmp -s "$T/orig.html" "$T/same/a.html" || fail "a.htm's output replaced the input a.html"
pass

# a symbolic link already in OUTDIR is neither followed nor replaced
mkdir -p "$T/res" "$T/elsewhere"
echo precious > "$T/elsewhere/target.txt"
ln -s "$T/elsewhere/target.txt" "$T/res/a.txt"
run_pith -q -o "$T/res" "$T/orig.html" "$T/same/a.htm"
cp "$T/orig.html" "$T/a.html"
run_pith -q -o "$T/res" "$T/a.html"
expect_status 7
expect_one_stderr_line
expect_stderr_has "is a symbolic link"
[ "$(cat "$T/elsewhere/target.txt")" = precious ] || fail "the link's target was overwritten"
[ -L "$T/res/a.txt" ] || fail "the link was replaced"
pass
# ... nor is a link to a directory on the way to an output
mkdir -p "$T/tree/sub" "$T/res2"
cp "$T/orig.html" "$T/tree/sub/b.html"
ln -s "$T/elsewhere" "$T/res2/sub"
run_pith -q -o "$T/res2" --input-dir "$T/tree"
expect_status 7
expect_stderr_has "sub is a symbolic link; not followed"
[ ! -e "$T/elsewhere/b.txt" ] || fail "written through a link to a directory"
pass

# --input-dir with two links to "." and one to a parent: each page once
mkdir -p "$T/cyc/d"
cp "$T/orig.html" "$T/cyc/a.html"
cp "$T/orig.html" "$T/cyc/d/b.html"
ln -s . "$T/cyc/l1"
ln -s . "$T/cyc/l2"
ln -s .. "$T/cyc/d/up"
ln -s ../a.html "$T/cyc/d/alias.html"
what="pith -o res3 --input-dir cyc (links to . and ..)"
prlimit --cpu=10 "$pith" -q -o "$T/res3" --input-dir "$T/cyc" > "$T/out" 2> "$T/err"
rc=$?
expect_status 0
[ "$(find "$T/res3" -type f | sort | tr '\n' ' ')" = "$T/res3/a.txt $T/res3/d/alias.txt $T/res3/d/b.txt " ] ||
    fail "expected a.txt, d/alias.txt and d/b.txt, got: $(find "$T/res3" | tr '\n' ' ')"
pass

# a full disk: a small tmpfs when this machine lets the test mount one,
# else a file-size limit (RLIMIT_FSIZE). Either way some pages fail, and
# each failed page has no output file at all, and no temporary is left.
python3 - "$T/big" <<'PY'
import sys
para = "<p>" + ("The harbour authority opened the new northern quay on Tuesday, after three years of work. " * 40) + "</p>"
for i in range(6):
    open("%s%d.html" % (sys.argv[1], i), "w").write(
        "<html><body><article><h1>Quay %d</h1>%s</article></body></html>" % (i, para * 6))
PY
full=$T/full
mkdir -p "$full"
if mount -t tmpfs -o size=64k tmpfs "$full" 2>/dev/null; then
    how=tmpfs
    trap 'umount "$full" 2>/dev/null; rm -rf "$T"' EXIT
    "$pith" -q -o "$full" "$T"/big?.html > "$T/out" 2> "$T/err"
    rc=$?
else
    how=RLIMIT_FSIZE
    prlimit --fsize=10000 "$pith" -q -o "$full" "$T"/big?.html > "$T/out" 2> "$T/err"
    rc=$?
fi
what="pith -o full (a full disk, by $how)"
expect_status 7
nfail=$(grep -c 'cannot write' "$T/err")
[ "$nfail" -ge 1 ] || fail "no page failed to write ($how)"
pass
[ "$(wc -l < "$T/err")" -eq "$nfail" ] || fail "other messages than one per failed page"
pass
for i in 0 1 2 3 4 5; do
    if grep -q "big$i.html" "$T/err"; then
        [ ! -e "$full/big$i.txt" ] || fail "big$i.txt failed but a file is there ($how)"
    else
        "$pith" "$T/big$i.html" | cmp -s - "$full/big$i.txt" || fail "big$i.txt is not whole"
    fi
    pass
done
[ -z "$(find "$full" -name '.pith-*')" ] || fail "a temporary file was left ($how)"
pass
if [ "$how" = tmpfs ]; then umount "$full"; fi
echo "full disk simulated with $how"
done_ok
