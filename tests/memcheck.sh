#!/bin/sh
# valgrind memcheck over every golden fixture: no leak, no invalid access,
# no uninitialised read. Fails without valgrind (the README installs it);
# skipped (77) in sanitizer builds, which valgrind cannot run (the plain
# build runs it).
# Usage: memcheck.sh PITH FIXTURES_DIR
pith=$1 dir=$2
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed (Debian package valgrind, in the README's install line)" >&2; exit 1; }
if grep -q __asan_init "$pith" 2>/dev/null; then
    echo "memcheck: $pith is built with AddressSanitizer"
    exit 77
fi
log=$(mktemp) || exit 99
trap 'rm -f "$log"' EXIT
failed=0 n=0
for f in "$dir"/*.html; do
    n=$((n + 1))
    valgrind -q --error-exitcode=99 --leak-check=full --suppressions="$(dirname "$0")/valgrind.supp" \
        --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
        "$pith" "$f" >/dev/null 2>"$log"
    status=$?
    # 1 (no article text) is a verdict, not an error; any valgrind report is
    if { [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; } || grep -q '^==[0-9]*==' "$log"; then
        echo "memcheck: $f (status $status)"
        cat "$log"
        failed=$((failed + 1))
    fi
done
echo "memcheck: $n fixtures, $failed with errors"
[ "$failed" -eq 0 ]
