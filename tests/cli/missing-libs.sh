#!/bin/sh
# uchardet, CLD2 and zlib are loaded on demand (src/util/dynlib.h).
# Without the first two (here hidden by the preload shim hide_libs.c,
# given as $2) pith still works: no charset guess (windows-1252, the
# default), no detected language (a page whose language cannot be told is
# kept by --target-language), and --explain says in one line which library
# could not be loaded. With them it says nothing of the kind. zlib is
# needed by --warc alone: without it --warc fails with one line that names
# it, and a page never loads it.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
shim=$2
[ -f "$shim" ] || { echo "$test_name: no shim $shim" >&2; exit 99; }

body='<article><h1>Neuer Kai</h1><p>Die Hafenbehörde hat am Dienstag den neuen Nordkai eröffnet, nach drei Jahren Bauzeit und vielen Verzögerungen, die niemand vorhergesehen hatte.</p><p>Die Fischer begrüßten die neue Kaimauer, die deutlich mehr gekostet hat als ursprünglich geplant.</p></article>'
printf '<html><head><meta charset="utf-8"><title>Neuer Kai</title></head><body>%s</body></html>' "$body" > "$T/de.html"
sentence='\360\322\311\327\305\324, \315\311\322. \374\324\317 \320\322\317\327\305\322\313\301 \313\317\304\311\322\317\327\313\311.'
{
    printf '<html><head><title>koi8</title></head><body><article><p>'
    # shellcheck disable=SC2059 # the octal escapes need a format string
    printf "$sentence $sentence $sentence"
    printf '</p></article></body></html>\n'
} > "$T/koi8.html"

language() {
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["language"])' "$T/out"
}

# With both libraries: no such line.
run_pith --explain --format json "$T/de.html"
expect_status 0
[ "$(language)" = de ] || fail "expected the detected language de"
pass
! grep -q 'could not be loaded' "$T/err" || fail 'a library was said missing'
pass
run_pith --explain --no-title "$T/koi8.html"
expect_status 0
expect_stdout_has 'Привет, мир.'
! grep -q 'could not be loaded' "$T/err" || fail 'a library was said missing'
pass

# A page that needs none of them (its charset and language declared)
# loads none: each is start-up time.
printf '<html lang="de"><head><meta charset="utf-8"><title>Neuer Kai</title></head><body>%s</body></html>' "$body" > "$T/declared.html"
run_pith --no-title "$T/declared.html"
expect_status 0
expect_stdout_has 'Nordkai'
LD_DEBUG=files "$pith" --no-title "$T/declared.html" > /dev/null 2> "$T/loads" || fail "pith failed under LD_DEBUG"
grep -q 'file=libgumbo' "$T/loads" || fail 'LD_DEBUG=files lists no libraries: the check proves nothing'
! grep -E 'file=(libz|libuchardet|libcld2)' "$T/loads" || fail 'a page loaded a library it does not need'
pass
# A WARC does load zlib, and reads a gzip member with it.
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s' "$(cat "$T/de.html")" > "$T/http"
{
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/kai\r\n'
    printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' "$(wc -c < "$T/http")"
    cat "$T/http"
    printf '\r\n\r\n'
} | gzip -c > "$T/kai.warc.gz"
run_pith --warc "$T/kai.warc.gz"
expect_status 0
expect_stdout_has 'Nordkai'
pass

# The shim needs to come first; an ASan runtime would want to.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
LD_PRELOAD=$shim
export ASAN_OPTIONS LD_PRELOAD

# No CLD2: the undeclared page has no language, and says why.
PITH_TEST_HIDE_LIBS=libcld2.so.0
export PITH_TEST_HIDE_LIBS
run_pith --explain --format json "$T/de.html"
expect_status 0
[ "$(language)" = None ] || fail "expected no language without CLD2, got $(language)"
pass
expect_stderr_has '# language detection skipped: libcld2.so.0 could not be loaded: '
[ "$(grep -c 'could not be loaded' "$T/err")" = 1 ] || fail "expected one line about the library"
pass
# --target-language: a page whose language cannot be told is kept.
run_pith --target-language en --no-title "$T/de.html"
expect_status 0
expect_stdout_has 'Nordkai'
expect_no_stderr
# The charset guess still works.
run_pith --no-title "$T/koi8.html"
expect_status 0
expect_stdout_has 'Привет, мир.'

# No uchardet: the undeclared KOI8-R page is read as windows-1252.
PITH_TEST_HIDE_LIBS=libuchardet.so.0
run_pith --explain --no-title "$T/koi8.html"
expect_status 0
expect_stdout_lacks 'Привет'
expect_stderr_has '# encoding=windows-1252: no charset declared and no guess (uchardet is not loaded); the default'
expect_stderr_has '# charset guess skipped: libuchardet.so.0 could not be loaded: '
[ "$(grep -c 'could not be loaded' "$T/err")" = 1 ] || fail "expected one line about the library"
pass
# Language detection still works.
run_pith --format json "$T/de.html"
expect_status 0
[ "$(language)" = de ] || fail "expected the detected language de"
pass

# No zlib: --warc says so in one line, and pages still run.
PITH_TEST_HIDE_LIBS=libz.so.1
run_pith --warc "$T/kai.warc.gz"
expect_status 3
expect_no_stdout
expect_one_stderr_line
expect_stderr_has 'pith: libz.so.1 could not be loaded: '
run_pith --no-title "$T/de.html"
expect_status 0
expect_stdout_has 'Nordkai'

done_ok
