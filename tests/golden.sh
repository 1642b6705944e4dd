#!/bin/sh
# Golden test: run the real binary on a fixture and compare byte for byte.
# Usage: golden.sh PITH FIXTURE.html EXPECTED [stdin] [-- EXTRA ARGS...]
pith=$1 html=$2 expected=$3
shift 3
mode=file
if [ "${1:-}" = stdin ]; then mode=stdin; shift; fi
[ "${1:-}" = -- ] && shift
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
if [ $mode = stdin ]; then
    "$pith" "$@" < "$html" > "$out"
else
    "$pith" "$@" "$html" > "$out"
fi
status=$?
if [ $status -ne 0 ]; then
    echo "pith exited with status $status for $html" >&2
    exit 1
fi
if ! cmp -s "$expected" "$out"; then
    echo "output differs from $expected:" >&2
    diff -u "$expected" "$out" >&2 | head -80
    exit 1
fi
