#!/bin/sh
# --favor recall loses no text: on every fixture, each block of the
# expected article (fixtures/NAME.expected.txt, blocks split at blank
# lines) is in the --favor recall output, and so is each block that the
# default (balanced) output keeps.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

fixtures=$(cd "$(dirname "$0")/../../fixtures" && pwd)

# missing_blocks BLOCKS OUTPUT: prints the first block of BLOCKS (a file
# whose blocks are separated by blank lines) that OUTPUT does not hold.
missing_blocks() {
    awk -v out="$2" '
        BEGIN { while ((getline line < out) > 0) text = text line "\n" }
        { if (!index(text, $0)) { print; exit } }
    ' RS= "$1"
}

found=0
for expected in "$fixtures"/*.expected.txt; do
    page=${expected%.expected.txt}.html
    [ -f "$page" ] || continue
    found=$((found + 1))
    run_pith "$page"
    expect_status 0
    cp "$T/out" "$T/balanced"
    run_pith --favor recall "$page"
    expect_status 0
    lost=$(missing_blocks "$expected" "$T/out")
    [ -z "$lost" ] || fail "$(basename "$page"): --favor recall lost an expected block: $lost"
    lost=$(missing_blocks "$T/balanced" "$T/out")
    [ -z "$lost" ] || fail "$(basename "$page"): --favor recall lost a block the default keeps: $lost"
    pass
done
[ "$found" -ge 30 ] || fail "expected at least 30 fixtures with an expected text, found $found"
done_ok
