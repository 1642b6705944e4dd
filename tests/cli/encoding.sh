#!/bin/sh
# Decoding: --encoding names the encoding of a page that declares none,
# a <meta> declaration is honoured, unknown names exit 3.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# "Привет, мир. Это проверка кодировки." in KOI8-R, three times, in a page
# without any charset declaration.
sentence='\360\322\311\327\305\324, \315\311\322. \374\324\317 \320\322\317\327\305\322\313\301 \313\317\304\311\322\317\327\313\311.'
{
    printf '<html><head><title>koi8</title></head><body><article><p>'
    # shellcheck disable=SC2059 # the octal escapes need a format string
    printf "$sentence $sentence $sentence"
    printf '</p></article></body></html>\n'
} > "$T/koi8.html"
want='Привет, мир. Это проверка кодировки. Привет, мир.'

run_pith --encoding koi8-r --no-title "$T/koi8.html"
expect_status 0
expect_no_stderr
expect_stdout_has "$want"

# Labels are case-insensitive; -e is the short form; stdin works the same.
run_pith_in "$T/koi8.html" -e KOI8-R --no-title
expect_status 0
expect_stdout_has "$want"

# Without --encoding or a declaration, and not UTF-8: uchardet guesses
# KOI8-R from the bytes, and --explain says so.
run_pith --no-title --explain "$T/koi8.html"
expect_status 0
expect_stdout_has "$want"
expect_stderr_has '# encoding=KOI8-R: no charset declared; guessed from the bytes'

# A page saved as UTF-8 that still declares its old charset is read as
# UTF-8, and --explain says why; --encoding still wins.
{
    printf '<html><head><meta charset="windows-1251"><title>u</title></head><body><article><p>'
    printf '%s %s %s' "$want" "$want" "$want"
    printf '</p></article></body></html>\n'
} > "$T/resaved.html"
run_pith --no-title --explain "$T/resaved.html"
expect_status 0
expect_stdout_has "$want"
expect_stderr_has '# encoding=UTF-8: the input is valid UTF-8 with multi-byte text'
run_pith --no-title --encoding windows-1251 "$T/resaved.html"
expect_status 0
expect_stdout_lacks 'Привет'

# The same bytes behind a <meta charset> need no option...
{
    printf '<html><head><meta charset="koi8-r"><title>koi8</title></head><body><article><p>'
    # shellcheck disable=SC2059 # the octal escapes need a format string
    printf "$sentence $sentence $sentence"
    printf '</p></article></body></html>\n'
} > "$T/koi8-meta.html"
run_pith --no-title "$T/koi8-meta.html"
expect_status 0
expect_stdout_has "$want"
# ...and --encoding overrides the declaration.
run_pith --no-title --encoding windows-1251 "$T/koi8-meta.html"
expect_status 0
expect_stdout_lacks 'Привет'

# A UTF-8 byte-order mark wins over --encoding.
{
    printf '\357\273\277<html><body><article><p>'
    printf '%s ' "$want" "$want" "$want"
    printf '</p></article></body></html>\n'
} > "$T/bom.html"
run_pith --no-title --encoding koi8-r "$T/bom.html"
expect_status 0
expect_stdout_has "$want"

# Unknown names.
run_pith --encoding koi8-q "$T/koi8.html"
expect_status 3
expect_no_stdout
expect_one_stderr_line
expect_stderr_has koi8-q
done_ok
