#!/bin/sh
# uchardet and CLD2 are loaded on demand (src/dynlib.h). Without them (here
# hidden by the preload shim hide_libs.c, given as $2) pith still works:
# no charset guess (windows-1252, the default), no detected language (a
# page whose language cannot be told is kept by --target-language), and
# --explain says in one line which library could not be loaded. With them
# it says nothing of the kind.
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

done_ok
