#!/bin/sh
# bench/metadata-score counts right what it is given: a tiny labelled set of
# two fixtures whose metadata the golden JSON pins down, one labelled as the
# page gives it (with the variants the scorer must forgive) and one labelled
# wrong on every field. Then "-" (skipped), "(none)", --verbose, and the
# exit status for a missing page and a bad option.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

score=$(cd "$(dirname "$0")/../../bench" && pwd)/metadata-score
tab=$(printf '\t')

# run_score ARGS... : like run_pith, for the scorer.
run_score() {
    what="metadata-score $*"
    "$score" "$pith" --labels "$T/labels.tsv" --shared "$T" "$@" \
        > "$T/out" 2> "$T/err"
    rc=$?
}
# expect_row FIELD RIGHT PAGES : the summary line of FIELD.
expect_row() {
    awk -v f="$1" -v r="$2" -v n="$3" \
        '$1 == f && $2 == r && $3 == n { found = 1 } END { exit !found }' \
        "$T/out" || fail "want $1 $2 right of $3"
    pass
}

# Right, written the way a labeller may write it: other spacing and case in
# the name, a time in another zone on the same day, a regional language tag.
# Wrong: another headline, author, day and language.
cat > "$T/labels.tsv" <<EOF
# comment lines are skipped
fixtures/de-news-fernwaerme.html${tab}-${tab}Stadtwerke  Lindenau erhöhen Fernwärmepreise ab Januar deutlich${tab}katrin   VOGEL${tab}2024-11-06T23:59-09:00${tab}de-CH
fixtures/news-itemprop-coffee-prices.html${tab}https://marketswire.example/a${tab}Coffee prices fall${tab}John Roe;Jane Doe${tab}2024-03-05${tab}fr
EOF
run_score
expect_status 0
expect_row title 1 2
expect_row authors 1 2
expect_row date 1 2
expect_row language 1 2
expect_stdout_lacks 'MISS'

run_score --verbose --jobs 1
expect_status 0
[ "$(grep -c '^MISS ' "$T/out")" -eq 4 ] || fail "--verbose does not list the 4 misses"
pass
expect_stdout_has 'MISS authors fixtures/news-itemprop-coffee-prices.html'
expect_stdout_has 'label: John Roe;Jane Doe'
expect_stdout_has 'pith:  Jane Doe'
cp "$T/out" "$T/one.txt"
run_score --verbose --jobs 4
cmp -s "$T/out" "$T/one.txt" || fail "the output depends on --jobs"
pass

# "-" leaves the field out; "(none)" wants no value, so a page with a date
# and an author misses both.
cat > "$T/labels.tsv" <<EOF
fixtures/de-news-fernwaerme.html${tab}-${tab}-${tab}-${tab}-${tab}-
fixtures/news-itemprop-coffee-prices.html${tab}-${tab}-${tab}(none)${tab}(none)${tab}en
EOF
run_score
expect_status 0
expect_row title 0 0
expect_row authors 0 1
expect_row date 0 1
expect_row language 1 1

# The site column (a 7th; lines of 6 have none, as above): any one of the
# names between '||' counts, without case and spacing; another name misses.
# A title label may give forms too ('||'), any one counts.
# --only scores the pages under a prefix.
cat > "$T/labels.tsv" <<EOF
fixtures/de-news-fernwaerme.html${tab}-${tab}Fernwärme: Preise steigen||Stadtwerke Lindenau erhöhen Fernwärmepreise ab Januar deutlich${tab}-${tab}-${tab}-${tab}lindenauer  RUNDSCHAU
fixtures/news-itemprop-coffee-prices.html${tab}-${tab}-${tab}-${tab}-${tab}-${tab}WMW||World Markets Wire
EOF
run_score
expect_status 0
expect_row title 1 1
expect_row site 2 2
sed -i "s/WMW||World Markets Wire/Markets Wire/" "$T/labels.tsv"
run_score --verbose
expect_row site 1 2
expect_stdout_has 'MISS site fixtures/news-itemprop-coffee-prices.html'
expect_stdout_has 'pith:  World Markets Wire'
run_score --only fixtures/de-
expect_status 0
expect_row site 1 1
run_score --only nowhere/
[ "$rc" -eq 2 ] || fail "want status 2 for --only matching nothing, got $rc"
pass

# A labelled page that is not there is an error, named on stderr; so is a
# date that is not one, and an unknown option.
printf 'nowhere/x.html\t-\tT\tA\t2024-01-01\ten\n' > "$T/labels.tsv"
run_score
[ "$rc" -eq 2 ] || fail "want status 2 for a missing corpus/, got $rc"
pass
mkdir "$T/corpus"
run_score
[ "$rc" -eq 3 ] || fail "want status 3 for a missing page, got $rc"
pass
grep -q 'nowhere/x.html' "$T/err" || fail "the missing page is not named"
pass
printf 'fixtures/de-news-fernwaerme.html\t-\tT\tA\t6.11.2024\tde\n' > "$T/labels.tsv"
run_score
[ "$rc" -eq 2 ] || fail "want status 2 for a malformed date, got $rc"
pass
run_score --bogus
[ "$rc" -eq 2 ] || fail "want status 2 for an unknown option, got $rc"
pass
done_ok
