/* Tests for src/sniff.c: images, archives and random bytes are refused by
 * name; pages are not, even with stray NUL bytes, in UTF-16 with a
 * byte-order mark, or in ISO-2022-JP (which needs ESC). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pith.h"
#include "sniff.h"

#define LIT(s) s, sizeof s - 1

static void test_signatures(void **state)
{
    (void)state;
    static const struct { const char *bytes; size_t len; const char *want; } cases[] = {
        {LIT("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "a PNG image"},
        {LIT("GIF89a\x01\0\x01\0"), "a GIF image"},
        {LIT("\xff\xd8\xff\xe0\0\x10JFIF"), "a JPEG image"},
        {LIT("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "a PDF document"},
        {LIT("\x1f\x8b\x08\0\0\0\0\0\0\x03"), "gzip-compressed data (decompress it first)"},
        {LIT("PK\x03\x04\x14\0"), "a ZIP archive"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = px_sniff_binary(cases[i].bytes, cases[i].len);
        assert_non_null(got);
        assert_string_equal(got, cases[i].want);
    }
}

static void test_random_bytes(void **state)
{
    (void)state;
    unsigned char buf[4096];
    uint32_t x = 2463534242u;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            buf[i] = (unsigned char)x;
        }
        buf[0] = 'x'; /* no signature: the byte count must decide */
        const char *got = px_sniff_binary((const char *)buf, sizeof buf);
        assert_non_null(got);
        assert_string_equal(got, "binary data");
    }
}

static void test_text_passes(void **state)
{
    (void)state;
    static const struct { const char *bytes; size_t len; } cases[] = {
        {LIT("")},
        {LIT("<!DOCTYPE html><html><head><title>x</title></head><body><p>Text</p></body></html>")},
        /* a few NUL bytes: damage, not binary */
        {LIT("<html><body><p>Harbour\0 quay\0 opens after three years of work and dredging.</p>"
             "<p>Fishermen said the quay would shorten their trips to the market.</p></body></html>")},
        /* UTF-16LE with its byte-order mark: half of it is NUL bytes */
        {LIT("\xff\xfe<\0h\0t\0m\0l\0>\0<\0p\0>\0H\0i\0<\0/\0p\0>\0")},
        {LIT("\xfe\xff\0<\0h\0t\0m\0l\0>")},
        /* ISO-2022-JP switches character sets with ESC sequences */
        {LIT("<p>\x1b$B$3$s$K$A$O\x1b(B</p><p>\x1b$B@$3&\x1b(B</p>")},
        /* windows-1252 and UTF-8 letters */
        {LIT("<p>Caf\xe9 cr\xe8me \xc3\xa9t\xc3\xa9</p>")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = px_sniff_binary(cases[i].bytes, cases[i].len);
        if (got)
            fail_msg("case %zu was taken for %s", i, got);
    }
}

/* Through the API: a one-line PITH_ERR_INPUT that names the format, and an
 * explicit encoding turns the sniffing off. */
static void test_api(void **state)
{
    (void)state;
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(NULL, &err);
    assert_non_null(ex);
    pith_result *r = NULL;
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    assert_int_equal(pith_extract(ex, png, sizeof png - 1, NULL, NULL, &r, &err), PITH_ERR_INPUT);
    assert_null(r);
    assert_string_equal(err.message, "not HTML: the input is a PNG image");
    static const char u16[] = "<\0h\0t\0m\0l\0>\0<\0b\0o\0d\0y\0>\0<\0p\0>\0"
                              "T\0h\0e\0 \0h\0a\0r\0b\0o\0u\0r\0 \0q\0u\0a\0y\0.\0<\0/\0p\0>\0";
    assert_int_equal(pith_extract(ex, u16, sizeof u16 - 1, NULL, NULL, &r, &err), PITH_ERR_INPUT);
    assert_string_equal(err.message, "not HTML: the input is binary data");
    int rc = pith_extract(ex, u16, sizeof u16 - 1, "utf-16le", NULL, &r, &err);
    assert_true(rc == PITH_OK || rc == PITH_NO_CONTENT);
    pith_result_free(r);
    pith_extractor_free(ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signatures),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_text_passes),
        cmocka_unit_test(test_api),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
