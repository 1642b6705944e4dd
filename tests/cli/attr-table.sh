#!/bin/sh
# Before parsing, pith empties the values of attributes nobody reads
# (src/elide.c, read_attrs; the rules' own names come from the rule set).
# So every attribute src/ reads by name must be in that table: a px_attr or
# gumbo_get_attribute with a new literal name fails here, and so does a new
# call that takes its name from somewhere else, until this list knows where.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
rc=0 # no pith run here
cd "$root" || fail "no source tree at $root"

sed -n '/^static const char read_attrs\[\]\[[0-9]*\] = {/,/^};/p' src/elide.c |
    grep -oE '"[^"]*"' | tr -d '"' | sort -u > "$T/table"
[ -s "$T/table" ] || fail "no read_attrs table in src/elide.c"
# px_elide_reads_attr searches it by halves: it must stay in strcmp order.
sed -n '/^static const char read_attrs\[\]\[[0-9]*\] = {/,/^};/p' src/elide.c |
    grep -oE '"[^"]*"' | tr -d '"' | LC_ALL=C sort -c || fail "read_attrs is not in strcmp order"
pass

# The literal names.
grep -ohE '(px_attr|gumbo_get_attribute)\([^")]*"[^"]*"' src/*.c src/cli/*.c |
    grep -oE '"[^"]*"$' | tr -d '"' | sort -u > "$T/literal"
[ -s "$T/literal" ] || fail "found no px_attr calls in src/"
missing=$(comm -23 "$T/literal" "$T/table")
[ -z "$missing" ] || fail "src/ reads attributes not in read_attrs: $missing"
pass

# The calls whose name is a variable: each is one of these, whose names are
# the table's (boxes.c widget[], render_common.c keys[], meta_tags.c attrs[]), the rules' (passed
# to px_elide) or an ad-blocking list's (no values are emptied with one).
grep -noE '(px_attr|gumbo_get_attribute)\([^")]*\)' src/*.c src/cli/*.c | grep -v '^src/parse\.c:' |
    sed 's/:[0-9]*:/: /' | sort -u > "$T/calls"
cat > "$T/known" <<'KNOWN'
src/adblock_match.c: px_attr(nd, name)
src/boxes.c: px_attr(nd, widget[w])
src/meta_tags.c: px_attr(nd, attrs[k])
src/render_common.c: px_attr(nd, keys[k])
src/rules_match.c: px_attr(nd, px_mstr(rs, m->name)
KNOWN
unknown=$(comm -23 "$T/calls" "$T/known")
[ -z "$unknown" ] || fail "attribute reads by a name from elsewhere: $unknown"
pass
for arr in 'src/boxes.c widget' 'src/render_common.c keys' 'src/meta_tags.c attrs'; do
    set -- $arr
    awk -v a="$2" '$0 ~ ("[ *]" a "\\[\\](\\[[0-9]+\\])? = [{]") { on = 1 } on { print } on && /};/ { exit }' "$1" |
        grep -oE '"[^"]*"' | tr -d '"' | sort -u > "$T/arr"
    [ -s "$T/arr" ] || fail "no table $2 in $1"
    missing=$(comm -23 "$T/arr" "$T/table")
    [ -z "$missing" ] || fail "$1 $2 reads attributes not in read_attrs: $missing"
    pass
done
done_ok
