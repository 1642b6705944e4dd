#!/bin/sh
# The options and exit statuses are documented three times (--help, the man
# page, the README): each copy must name the same long options, the same
# exit statuses with "not HTML" under 3, and the man page must list every
# bundled rule file and the real drop threshold. A new option documented in
# only one place fails here.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)

run_pith --help
expect_status 0
# --help: the option column of each entry line.
grep -E '^  +-' "$T/out" | cut -c1-26 | grep -oE -- '--[a-z][a-z-]*' | sort -u > "$T/help.opts"
# pith.1: the tag line after each .TP in OPTIONS.
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$root/pith.1" | awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' |
    grep -oE -- '\\-\\-[a-z][a-z\\-]*' | sed 's/\\//g' | sort -u > "$T/man.opts"
# README: the first cell of each option table row.
grep -E '^\| `-' "$root/README.md" | cut -d'|' -f2 | grep -oE -- '--[a-z][a-z-]*' | sort -u > "$T/readme.opts"
[ -s "$T/help.opts" ] || fail "no options found in --help"
for doc in man readme; do
    if ! cmp -s "$T/help.opts" "$T/$doc.opts"; then
        diff "$T/help.opts" "$T/$doc.opts" >&2
        fail "--help and $doc name different options (< only in --help, > only in $doc)"
    fi
    pass
done

# Exit statuses: the same numbers in all three, and 3 says "not HTML".
grep -oE '^  [0-9]  ' "$T/out" | tr -d ' ' > "$T/help.codes"
sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$root/pith.1" | grep -E '^\.B [0-9]$' | cut -c4 > "$T/man.codes"
sed -n '/^### Exit codes/,/^#/p' "$root/README.md" | grep -oE '^\| [0-9] ' | tr -d '| ' > "$T/readme.codes"
for doc in man readme; do
    cmp -s "$T/help.codes" "$T/$doc.codes" || fail "--help and $doc list different exit statuses"
    pass
done
grep -q '^  3  .*not HTML' "$T/out" || fail "--help leaves 'not HTML' out of exit status 3"
pass

# Every bundled rule file is named in the man page.
for f in "$root"/rules/*.rules; do
    b=$(basename "$f")
    sed -n '/^\.SH RULES/,/^\.SH /p' "$root/pith.1" | grep -qF "$b" || fail "pith.1 does not list the bundled $b"
    pass
done
# The man page's drop threshold is the balanced tuning's (src/extract.c).
t=$(sed -n 's/^ *{[0-9.]*f, \(-[0-9]*\), .*balanced.*/\1/p' "$root/src/extract.c")
[ -n "$t" ] || fail "no balanced drop score found in src/extract.c"
grep -q "block scored \\\\$t or lower is dropped" "$root/pith.1" || fail "pith.1 does not give the drop score $t"
pass
done_ok
