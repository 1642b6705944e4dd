/* Unit tests for src/decode.c: encoding choice, label mapping, conversion,
 * error replacement and allocation failure. Every test runs on a counting
 * allocator and checks that nothing leaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <iconv.h>

#include "counting_alloc.h"
#include "decode.h"

#define FFFD "\xEF\xBF\xBD"

static counter cnt;
static px_alloc A;

static int setup(void **state)
{
    (void)state;
    cnt = (counter){0, 0, -1, false, false};
    pith_allocator hooks = counting_hooks(&cnt);
    px_alloc_init(&A, &hooks);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_int_equal(cnt.live, 0); /* every test must free what it got */
    return 0;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* Independent of decode.c on purpose: a strict UTF-8 check with no NULs. */
static bool clean_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (c == 0 || k == 0 || n - i < k)
            return false;
        uint32_t cp = k == 1 ? c : c & (0x7Fu >> k);
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + j] & 0x3Fu);
        }
        static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += k;
    }
    return true;
}

static void check(const char *in, size_t len, const char *hint, const char *want,
                  size_t want_len, const char *want_charset)
{
    char *out = (char *)"unset";
    size_t n = 99;
    const char *cs = "unset";
    pith_error err = {0, ""};
    int rc = px_decode(&A, in, len, hint, &out, &n, &cs, &err);
    if (rc != PITH_OK)
        print_error("px_decode: %d %s\n", rc, err.message);
    assert_int_equal(rc, PITH_OK);
    assert_non_null(out);
    assert_int_equal(n, want_len);
    assert_memory_equal(out, want, want_len);
    assert_int_equal(out[n], '\0');
    assert_true(clean_utf8((const unsigned char *)out, n));
    if (want_charset)
        assert_string_equal(cs, want_charset);
    px_free(&A, out);
}

/* For string literals: lengths come from sizeof, so NULs inside count. */
#define CHECK(in, hint, want, charset) \
    check(in, sizeof(in) - 1, hint, want, sizeof(want) - 1, charset)

static void check_fails(const char *in, size_t len, const char *hint, int want_rc,
                        const char *want_in_message)
{
    char *out = (char *)"unset";
    size_t n = 99;
    const char *cs = "unset";
    pith_error err = {0, ""};
    assert_int_equal(px_decode(&A, in, len, hint, &out, &n, &cs, &err), want_rc);
    assert_int_equal(err.code, want_rc);
    assert_null(out);
    assert_int_equal(n, 0);
    assert_null(cs);
    if (want_in_message && !strstr(err.message, want_in_message))
        fail_msg("message '%s' lacks '%s'", err.message, want_in_message);
}

/* ------------------------------------------------------------------ */
/* Byte-order marks                                                     */

static void test_bom_utf8(void **state)
{
    (void)state;
    CHECK("\xEF\xBB\xBFh\xC3\xA9", NULL, "h\xC3\xA9", "UTF-8");
    CHECK("\xEF\xBB\xBF", NULL, "", "UTF-8");
}

static void test_bom_utf16le(void **state)
{
    (void)state;
    /* h, e-acute, euro, then U+1F600 as a surrogate pair */
    CHECK("\xFF\xFEh\x00\xE9\x00\xAC\x20\x3D\xD8\x00\xDE", NULL,
          "h\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", "UTF-16LE");
}

static void test_bom_utf16be(void **state)
{
    (void)state;
    CHECK("\xFE\xFF\x00h\x00\xE9\x20\xAC\xD8\x3D\xDE\x00", NULL,
          "h\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", "UTF-16BE");
}

static void test_bom_beats_hint_and_meta(void **state)
{
    (void)state;
    CHECK("\xEF\xBB\xBF<meta charset=koi8-r>\xC3\xA9", "windows-1251",
          "<meta charset=koi8-r>\xC3\xA9", "UTF-8");
    CHECK("\xFF\xFE" "a\x00", "shift_jis", "a", "UTF-16LE");
}

static void test_utf16_errors(void **state)
{
    (void)state;
    CHECK("\xD8\x00\x00" "A", "utf-16be", FFFD "A", "UTF-16BE");          /* lone lead */
    CHECK("\xDC\x00\x00" "A", "utf-16be", FFFD "A", NULL);                /* lone trail */
    CHECK("\x00" "A\xD8\x00", "utf-16be", "A" FFFD, NULL);                /* lead at end */
    CHECK("\x00" "A\x00", "utf-16be", "A" FFFD, NULL);                    /* odd byte */
    CHECK("\xD8\x00\xD8\x3D\xDE\x00", "utf-16be", FFFD "\xF0\x9F\x98\x80", NULL);
    CHECK("A\x00\x00\x00" "B\x00", "utf-16", "A" FFFD "B", "UTF-16LE");  /* NUL unit */
}

/* ------------------------------------------------------------------ */
/* Hints                                                                */

static void test_hint_overrides_meta(void **state)
{
    (void)state;
    CHECK("<meta charset=utf-8>\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r",
          "<meta charset=utf-8>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", "KOI8-R");
    /* and overrides UTF-8 detection */
    CHECK("\xC3\xA9", "windows-1252", "\xC3\x83\xC2\xA9", "windows-1252");
}

static void test_hint_label_forms(void **state)
{
    (void)state;
    CHECK("\x93\xFA", " Shift_JIS\t", "\xE6\x97\xA5", "Shift_JIS");
    CHECK("\xE9", "LATIN1", "\xC3\xA9", "windows-1252");
}

static void test_unknown_hint(void **state)
{
    (void)state;
    check_fails("abc", 3, "foo", PITH_ERR_INPUT, "unknown encoding 'foo'");
    check_fails("abc", 3, "", PITH_ERR_INPUT, "unknown encoding ''");
    check_fails("abc", 3, "utf-8x", PITH_ERR_INPUT, "'utf-8x'");
}

static void test_hint_replacement_refused(void **state)
{
    (void)state;
    check_fails("abc", 3, "iso-2022-kr", PITH_ERR_INPUT, "'iso-2022-kr' is not supported");
}

/* ------------------------------------------------------------------ */
/* <meta> prescan                                                       */

#define PRIVET "\xF0\xD2\xC9\xD7\xC5\xD4" /* "Privet" in KOI8-R */
#define PRIVET_UTF8 "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"

static void test_meta_charset_quoted(void **state)
{
    (void)state;
    CHECK("<meta charset=\"koi8-r\">" PRIVET, NULL,
          "<meta charset=\"koi8-r\">" PRIVET_UTF8, "KOI8-R");
    CHECK("<meta charset='koi8-r'>" PRIVET, NULL,
          "<meta charset='koi8-r'>" PRIVET_UTF8, "KOI8-R");
    CHECK("<meta charset = \" koi8-r \">" PRIVET, NULL,
          "<meta charset = \" koi8-r \">" PRIVET_UTF8, "KOI8-R");
}

static void test_meta_charset_unquoted(void **state)
{
    (void)state;
    CHECK("<meta charset=koi8-r>" PRIVET, NULL, "<meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
    CHECK("<meta charset=koi8-r />" PRIVET, NULL, "<meta charset=koi8-r />" PRIVET_UTF8, NULL);
    /* as in browsers, an unquoted value runs up to space or '>', so the
     * label here is "koi8-r/", unknown: detection picks windows-1252 */
    CHECK("<meta charset=koi8-r/>\xF0!", NULL, "<meta charset=koi8-r/>\xC3\xB0!",
          "windows-1252");
    CHECK("<meta/charset=koi8-r>" PRIVET, NULL, "<meta/charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
}

static void test_meta_http_equiv(void **state)
{
    (void)state;
    CHECK("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">" PRIVET,
          NULL, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">"
          PRIVET_UTF8, "KOI8-R");
    /* attribute order does not matter; the label may be quoted inside */
    CHECK("<meta content='text/html;charset=\"koi8-r\"' http-equiv=content-type>" PRIVET,
          NULL, "<meta content='text/html;charset=\"koi8-r\"' http-equiv=content-type>"
          PRIVET_UTF8, "KOI8-R");
    /* "charset" without '=' is skipped and the search goes on */
    CHECK("<meta http-equiv=content-type content=\"charset; charset=koi8-r\">" PRIVET,
          NULL, "<meta http-equiv=content-type content=\"charset; charset=koi8-r\">"
          PRIVET_UTF8, "KOI8-R");
}

static void test_meta_content_needs_pragma(void **state)
{
    (void)state;
    /* Without http-equiv=content-type the content attribute is ignored, so
     * detection sees invalid UTF-8 and falls back to windows-1252. */
    CHECK("<meta content=\"text/html; charset=koi8-r\">" PRIVET, NULL,
          "<meta content=\"text/html; charset=koi8-r\">"
          "\xC3\xB0\xC3\x92\xC3\x89\xC3\x97\xC3\x85\xC3\x94", "windows-1252");
    CHECK("<meta http-equiv=refresh content=\"text/html; charset=koi8-r\">\xF0!", NULL,
          "<meta http-equiv=refresh content=\"text/html; charset=koi8-r\">\xC3\xB0!",
          "windows-1252");
}

static void test_meta_after_comment(void **state)
{
    (void)state;
    CHECK("<!-- <meta charset=utf-8> --><meta charset=koi8-r>" PRIVET, NULL,
          "<!-- <meta charset=utf-8> --><meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
    /* "<!-->" is a complete comment */
    CHECK("<!--><meta charset=koi8-r>" PRIVET, NULL,
          "<!--><meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
    /* a meta hidden in another tag's attribute value does not count */
    CHECK("<div title='<meta charset=utf-8>'><meta charset=koi8-r>" PRIVET, NULL,
          "<div title='<meta charset=utf-8>'><meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
    CHECK("<!DOCTYPE html><?xml x?></p ><meta charset=koi8-r>" PRIVET, NULL,
          "<!DOCTYPE html><?xml x?></p ><meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
}

static void test_meta_uppercase(void **state)
{
    (void)state;
    CHECK("<META CHARSET=\"KOI8-R\">" PRIVET, NULL, "<META CHARSET=\"KOI8-R\">" PRIVET_UTF8,
          "KOI8-R");
    CHECK("<Meta HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"TEXT/HTML; CHARSET=KOI8-R\">" PRIVET,
          NULL, "<Meta HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"TEXT/HTML; CHARSET=KOI8-R\">"
          PRIVET_UTF8, "KOI8-R");
}

static void test_meta_unknown_label_ignored(void **state)
{
    (void)state;
    CHECK("<meta charset=bogus>\xC3\xA9", NULL, "<meta charset=bogus>\xC3\xA9", "UTF-8");
    CHECK("<meta charset=bogus>\xE9!", NULL, "<meta charset=bogus>\xC3\xA9!", "windows-1252");
    CHECK("<meta charset=bogus><meta charset=koi8-r>" PRIVET, NULL,
          "<meta charset=bogus><meta charset=koi8-r>" PRIVET_UTF8, "KOI8-R");
}

static void test_meta_first_attribute_wins(void **state)
{
    (void)state;
    CHECK("<meta charset=koi8-r charset=utf-8>" PRIVET, NULL,
          "<meta charset=koi8-r charset=utf-8>" PRIVET_UTF8, "KOI8-R");
}

static void test_meta_window(void **state)
{
    (void)state;
    char buf[1200];
    const char *meta = "<meta charset=koi8-r>\xE9!"; /* 21 bytes of tag */
    /* ending exactly at byte 1024 still counts... */
    memset(buf, ' ', sizeof buf);
    memcpy(buf + 1024 - 21, meta, 23);
    char *out;
    size_t n;
    const char *cs;
    assert_int_equal(px_decode(&A, buf, 1024 + 2, NULL, &out, &n, &cs, NULL), PITH_OK);
    assert_string_equal(cs, "KOI8-R");
    px_free(&A, out);
    /* ...one byte later it counts only when the bytes are not UTF-8 (the
     * late declaration browsers honour while the encoding is a guess)... */
    memset(buf, ' ', sizeof buf);
    memcpy(buf + 1024 - 20, meta, 23);
    assert_int_equal(px_decode(&A, buf, 1024 + 3, NULL, &out, &n, &cs, NULL), PITH_OK);
    assert_string_equal(cs, "KOI8-R");
    px_free(&A, out);
    /* ...and valid UTF-8 stays UTF-8 whatever it declares late */
    const char *meta8 = "<meta charset=koi8-r>\xC3\xA9";
    memset(buf, ' ', sizeof buf);
    memcpy(buf + 1024 - 20, meta8, 23);
    assert_int_equal(px_decode(&A, buf, 1024 + 3, NULL, &out, &n, &cs, NULL), PITH_OK);
    assert_string_equal(cs, "UTF-8");
    px_free(&A, out);
    /* an unfinished tag at the end of input is not used */
    CHECK("<meta charset=koi8-r", NULL, "<meta charset=koi8-r", "UTF-8");
    CHECK("<meta charset=\"koi8-r", NULL, "<meta charset=\"koi8-r", "UTF-8");
}

static void test_meta_utf16_means_utf8(void **state)
{
    (void)state;
    CHECK("<meta charset=utf-16>\xC3\xA9", NULL, "<meta charset=utf-16>\xC3\xA9", "UTF-8");
    CHECK("<meta charset=utf-16be>\xC3\xA9", NULL, "<meta charset=utf-16be>\xC3\xA9", "UTF-8");
    /* declared, so a bad byte is replaced instead of switching to windows-1252 */
    CHECK("<meta charset=utf-16le>\xE9", NULL, "<meta charset=utf-16le>" FFFD, "UTF-8");
}

static void test_meta_special_labels(void **state)
{
    (void)state;
    /* x-user-defined in a page means windows-1252 */
    CHECK("<meta charset=x-user-defined>\x80", NULL,
          "<meta charset=x-user-defined>\xE2\x82\xAC", "windows-1252");
    /* labels browsers refuse to decode: the whole page is one U+FFFD */
    CHECK("<meta charset=iso-2022-kr>abc", NULL, FFFD, "replacement");
}

/* ------------------------------------------------------------------ */
/* Label mapping and legacy encodings                                   */

static void test_latin1_is_windows1252(void **state)
{
    (void)state;
    CHECK("<meta charset=latin1>\x80\xE9", NULL,
          "<meta charset=latin1>\xE2\x82\xAC\xC3\xA9", "windows-1252");
    CHECK("\x80\x93\x94\x9F", "iso-8859-1", "\xE2\x82\xAC\xE2\x80\x9C\xE2\x80\x9D\xC5\xB8",
          "windows-1252");
    /* the five bytes Windows leaves undefined pass through as C1 controls */
    CHECK("\x81\x8D\x8F\x90\x9D", "ascii", "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D",
          "windows-1252");
}

static void test_sjis_label(void **state)
{
    (void)state;
    CHECK("<meta charset=sjis>\x93\xFA\x96\x7B\x8C\xEA", NULL,
          "<meta charset=sjis>\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "Shift_JIS");
    /* a backslash stays a backslash, not a yen sign */
    CHECK("a\\b~", "shift_jis", "a\\b~", "Shift_JIS");
}

static void test_gb2312_is_gbk(void **state)
{
    (void)state;
    CHECK("<meta charset=gb2312>\xD6\xD0\xCE\xC4", NULL,
          "<meta charset=gb2312>\xE4\xB8\xAD\xE6\x96\x87", "GBK");
    CHECK("\x80", "gbk", "\xE2\x82\xAC", "GBK"); /* 0x80 is the euro sign */
    /* GBK is decoded as gb18030, so four-byte sequences work too */
    CHECK("\x81\x30\x81\x30\x95\x32\x82\x36", "gbk", "\xC2\x80\xF0\xA0\x80\x80", "GBK");
    CHECK("\x80", "gb18030", "\xE2\x82\xAC", "gb18030");
}

static void test_shift_jis_text(void **state)
{
    (void)state;
    /* "konnichiwa, sekai" */
    CHECK("<p>\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD\x81\x41\x90\xA2\x8A\x45</p>",
          "shift_jis",
          "<p>\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF\xE3\x80\x81"
          "\xE4\xB8\x96\xE7\x95\x8C</p>", "Shift_JIS");
}

static void test_gbk_text(void **state)
{
    (void)state;
    /* "ni hao, shijie" with a fullwidth comma */
    CHECK("<meta charset=\"gbk\"><p>\xC4\xE3\xBA\xC3\xA3\xAC\xCA\xC0\xBD\xE7</p>", NULL,
          "<meta charset=\"gbk\"><p>\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C"
          "</p>", "GBK");
}

static void test_koi8r_text(void **state)
{
    (void)state;
    CHECK("<meta http-equiv=Content-Type content=\"text/html; charset=KOI8-R\">"
          "<p>\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2</p>", NULL,
          "<meta http-equiv=Content-Type content=\"text/html; charset=KOI8-R\">"
          "<p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80</p>",
          "KOI8-R");
}

static void test_other_cjk(void **state)
{
    (void)state;
    CHECK("\xA4\xA4\xA4\xE5", "big5", "\xE4\xB8\xAD\xE6\x96\x87", "Big5");
    CHECK("\xC7\xD1\xB1\xB9", "euc-kr", "\xED\x95\x9C\xEA\xB5\xAD", "EUC-KR");
    CHECK("\xC6\xFC\xCB\xDC", "euc-jp", "\xE6\x97\xA5\xE6\x9C\xAC", "EUC-JP");
    CHECK("a\x1B$B\x46\x7C\x4B\x5C\x1B(Bb", "iso-2022-jp", "a\xE6\x97\xA5\xE6\x9C\xAC" "b",
          "ISO-2022-JP");
}

static void test_x_user_defined(void **state)
{
    (void)state;
    CHECK("a\x80\xFF", "x-user-defined", "a\xEF\x9E\x80\xEF\x9F\xBF", "x-user-defined");
}

/* Every encoding in the table must open on this platform. */
static const char *const all_names[] = {
    "UTF-8", "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5",
    "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10",
    "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U",
    "macintosh", "windows-874", "windows-1250", "windows-1251", "windows-1252",
    "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
    "windows-1258", "x-mac-cyrillic", "GBK", "gb18030", "Big5", "EUC-JP", "ISO-2022-JP",
    "Shift_JIS", "EUC-KR", "UTF-16BE", "UTF-16LE", "x-user-defined",
};

static void test_every_encoding_opens(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof all_names / sizeof all_names[0]; k++) {
        bool utf16 = strncmp(all_names[k], "UTF-16", 6) == 0;
        bool be = strcmp(all_names[k], "UTF-16BE") == 0;
        const char *in = utf16 ? (be ? "\0h\0i" : "h\0i\0") : "hi";
        check(in, utf16 ? 4 : 2, all_names[k], "hi", 2, all_names[k]);
    }
}

/* ------------------------------------------------------------------ */
/* UTF-8 detection and repair                                           */

static void test_valid_utf8_detected(void **state)
{
    (void)state;
    CHECK("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", NULL,
          "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", "UTF-8");
    CHECK("<html>plain ascii</html>", NULL, "<html>plain ascii</html>", "UTF-8");
}

static void test_invalid_utf8_falls_back(void **state)
{
    (void)state;
    CHECK("caf\xE9 \x93q\x94", NULL, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", "windows-1252");
    /* overlong, surrogate and past U+10FFFF are not UTF-8 */
    CHECK("\xC0\xAF", NULL, "\xC3\x80\xC2\xAF", "windows-1252");
    CHECK("\xED\xA0\x80", NULL, "\xC3\xAD\xC2\xA0\xE2\x82\xAC", "windows-1252");
    CHECK("\xF4\x90\x80\x80", NULL, "\xC3\xB4\xC2\x90\xE2\x82\xAC\xE2\x82\xAC", "windows-1252");
    /* a stray continuation byte at the end is not a cut-off sequence */
    CHECK("abc\x80", NULL, "abc\xE2\x82\xAC", "windows-1252");
}

static void test_declared_utf8_replaces(void **state)
{
    (void)state;
    /* Unicode's example for maximal subparts (Unicode 15, section 3.9) */
    CHECK("a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d", "utf-8",
          "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", "UTF-8");
    CHECK("\xC0\xAF|\xE0\x80\xAF|\xED\xA0\x80|\xF4\x90\x80\x80|\xF0\x90\x80x", "utf8",
          FFFD FFFD "|" FFFD FFFD FFFD "|" FFFD FFFD FFFD "|" FFFD FFFD FFFD FFFD "|" FFFD "x",
          "UTF-8");
    CHECK("<meta charset=utf-8>caf\xE9", NULL, "<meta charset=utf-8>caf" FFFD, "UTF-8");
    CHECK("\xEF\xBB\xBF" "caf\xE9", NULL, "caf" FFFD, "UTF-8");
}

static void test_truncated_at_end(void **state)
{
    (void)state;
    CHECK("<meta charset=utf-8>ab\xE6\x97", NULL, "<meta charset=utf-8>ab" FFFD, "UTF-8");
    /* undeclared: a cut-off last character does not make a page that was
     * UTF-8 so far latin... */
    CHECK("caf\xC3\xA9\xE6\x97", NULL, "caf\xC3\xA9" FFFD, "UTF-8");
    /* ...but without an earlier complete sequence there is no evidence */
    CHECK("caf\xE9", NULL, "caf\xC3\xA9", "windows-1252");
    CHECK("\xF0\x9F\x98", NULL, "\xC3\xB0\xC5\xB8\xCB\x9C", "windows-1252");
    /* legacy multi-byte encodings: one U+FFFD for the unfinished character */
    CHECK("\x93\xFA\x96", "shift_jis", "\xE6\x97\xA5" FFFD, "Shift_JIS");
    CHECK("a\x81\x30\x81", "gb18030", "a" FFFD, "gb18030");
    CHECK("a\x8F\xA1", "euc-jp", "a" FFFD, "EUC-JP");
}

static void test_invalid_legacy_sequences(void **state)
{
    (void)state;
    /* a bad trail byte that is ASCII is kept as itself */
    CHECK("\x81\x20x", "shift_jis", FFFD " x", "Shift_JIS");
    CHECK("\xA0|\xFF|\x93\xFA", "shift_jis", FFFD "|" FFFD "|\xE6\x97\xA5", "Shift_JIS");
    /* a byte windows-1253 leaves undefined */
    CHECK("a\xAA" "b", "windows-1253", "a" FFFD "b", "windows-1253");
}

static void test_nul_bytes(void **state)
{
    (void)state;
    CHECK("a\0b", NULL, "a" FFFD "b", "UTF-8");
    CHECK("a\0\xC3\xA9\0", "utf-8", "a" FFFD "\xC3\xA9" FFFD, "UTF-8");
    CHECK("\xE9\0", NULL, "\xC3\xA9" FFFD, "windows-1252");
    CHECK("\xF0\0\xD2", "koi8-r", "\xD0\x9F" FFFD "\xD1\x80", "KOI8-R");
    CHECK("\x82\xA0\0\x82\xA0", "shift_jis", "\xE3\x81\x82" FFFD "\xE3\x81\x82", "Shift_JIS");
    CHECK("\0\0\0", "x-user-defined", FFFD FFFD FFFD, "x-user-defined");
    /* long ASCII runs take the word-at-a-time path */
    CHECK("0123456789abcdef\0" "0123456789abcdef", NULL,
          "0123456789abcdef" FFFD "0123456789abcdef", "UTF-8");
}

/* UTF-8 that the choice of encoding has already read whole (no <meta>
 * charset, or one the bytes overrule) is copied, not checked again: its
 * NULs still become U+FFFD wherever they are (in and past the 16- and
 * 8-byte steps of the ASCII scan, before and after a multi-byte
 * character), and a character cut off at the end does too. */
static void test_checked_utf8_copied(void **state)
{
    (void)state;
    for (size_t at = 0; at < 48; at++) {
        if (at == 20 || at == 21)
            continue; /* the multi-byte character's place */
        char in[64], want[80];
        size_t n = 0, w = 0;
        for (size_t i = 0; i < 48; i++) {
            if (i == at) {
                in[n++] = '\0';
                memcpy(want + w, FFFD, 3);
                w += 3;
            } else if (i == 20 || i == 21) {
                if (i == 20) {
                    memcpy(in + n, "\xC3\xA9", 2);
                    memcpy(want + w, "\xC3\xA9", 2);
                    n += 2;
                    w += 2;
                }
            } else {
                in[n++] = want[w++] = (char)('a' + i % 26);
            }
        }
        memcpy(in + n, "\xE6\x97", 2);
        memcpy(want + w, FFFD, 3);
        check(in, n + 2, NULL, want, w + 3, "UTF-8");
    }
    CHECK("<meta charset=iso-8859-1>caf\xC3\xA9\0\xE6\x97", NULL,
          "<meta charset=iso-8859-1>caf\xC3\xA9" FFFD FFFD, "UTF-8");
}

static void test_empty_input(void **state)
{
    (void)state;
    CHECK("", NULL, "", "UTF-8");
    CHECK("", "koi8-r", "", "KOI8-R");
    CHECK("", "iso-8859-8", "", "ISO-8859-8");
    check(NULL, 0, NULL, "", 0, "UTF-8");
    check_fails(NULL, 5, NULL, PITH_ERR_INPUT, NULL);
}

static void test_charset_out_optional(void **state)
{
    (void)state;
    char *out;
    size_t n;
    assert_int_equal(px_decode(&A, "x", 1, NULL, &out, &n, NULL, NULL), PITH_OK);
    assert_string_equal(out, "x");
    px_free(&A, out);
}

/* ------------------------------------------------------------------ */
/* Size and robustness                                                  */

static void test_large_input(void **state)
{
    (void)state;
    size_t len = (size_t)4 << 20;
    char *in = malloc(len);
    assert_non_null(in);
    memset(in, 0xE9, len); /* e-acute in windows-1252: output doubles */
    char *out;
    size_t n;
    const char *cs;
    assert_int_equal(px_decode(&A, in, len, "windows-1252", &out, &n, &cs, NULL), PITH_OK);
    assert_string_equal(cs, "windows-1252");
    assert_int_equal(n, 2 * len);
    assert_memory_equal(out + n - 4, "\xC3\xA9\xC3\xA9", 4);
    px_free(&A, out);
    /* undeclared, a guess is made from a window of the input; whatever it
     * names, every byte becomes one character */
    assert_int_equal(px_decode(&A, in, 1 << 16, NULL, &out, &n, &cs, NULL), PITH_OK);
    assert_int_equal(n, (size_t)2 << 16);
    px_free(&A, out);
    /* every byte an error: still one pass */
    memset(in, 0xFF, len);
    assert_int_equal(px_decode(&A, in, len, "shift_jis", &out, &n, &cs, NULL), PITH_OK);
    assert_int_equal(n, 3 * len);
    px_free(&A, out);
    free(in);
}

/* ------------------------------------------------------------------ */
/* UTF-8 against a declared legacy charset, and guessing               */

static void check_why(const char *in, const char *hint, const char *want_cs,
                      enum px_decode_why want_why, const char *want_text)
{
    char *out;
    size_t n;
    const char *cs;
    enum px_decode_why why = (enum px_decode_why)-1;
    assert_int_equal(px_decode_why(&A, in, strlen(in), hint, &out, &n, &cs, &why, NULL), PITH_OK);
    assert_string_equal(cs, want_cs);
    assert_int_equal(why, want_why);
    if (want_text)
        assert_non_null(strstr(out, want_text));
    px_free(&A, out);
}

#define ZH_UTF8 "\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C" /* 市政府 */

static void test_utf8_beats_legacy_meta(void **state)
{
    (void)state;
    /* a page saved as UTF-8 that still says gb2312: the bytes win */
    check_why("<meta charset=gb2312><p>" ZH_UTF8 "</p>", NULL, "UTF-8",
              PX_DECODE_UTF8_OVER_META, ZH_UTF8);
    check_why("<meta http-equiv=Content-Type content=\"text/html; charset=windows-1251\">"
              "<p>\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4</p>",
              NULL, "UTF-8", PX_DECODE_UTF8_OVER_META, "\xD0\x93\xD0\xBE\xD1\x80");
    /* ASCII alone is valid in both: the label stands */
    check_why("<meta charset=gb2312><p>plain</p>", NULL, "GBK", PX_DECODE_META, "plain");
    /* the label is right when the bytes are not UTF-8 */
    check_why("<meta charset=gb2312><p>\xCA\xD0\xD5\xFE\xB8\xAE</p>", NULL, "GBK",
              PX_DECODE_META, ZH_UTF8);
    /* --encoding (or a transport charset) and a BOM still win */
    check_why("<meta charset=gb2312><p>" ZH_UTF8 "</p>", "gbk", "GBK", PX_DECODE_HINT, NULL);
    check_why("\xEF\xBB\xBF<meta charset=gb2312><p>" ZH_UTF8 "</p>", NULL, "UTF-8",
              PX_DECODE_BOM, ZH_UTF8);
    /* a page that declares UTF-8 says so itself */
    check_why("<meta charset=utf-8><p>" ZH_UTF8 "</p>", NULL, "UTF-8", PX_DECODE_META, ZH_UTF8);
}

/* Encodes UTF-8 text as charset with the platform's iconv, so that the
 * test pages are the same sentences in every encoding. */
static char *encode(const char *utf8, const char *charset)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t inleft = strlen(utf8), cap = 4 * inleft + 1, outleft = cap - 1;
    char *buf = calloc(1, cap), *in = (char *)utf8, *o = buf;
    assert_non_null(buf);
    assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
    iconv_close(cd);
    return buf;
}

static void test_guess_undeclared(void **state)
{
    (void)state;
    static const struct {
        const char *charset, *want, *text;
    } pages[] = {
        {"WINDOWS-1251", "windows-1251",
         "\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB9 "
         "\xD1\x81\xD0\xBE\xD0\xB2\xD0\xB5\xD1\x82 \xD1\x83\xD1\x82\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB4\xD0\xB8\xD0\xBB "
         "\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 \xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD \xD1\x80\xD0\xB0\xD0\xB7\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB8\xD1\x8F "
         "\xD1\x82\xD1\x80\xD0\xB0\xD0\xBD\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80\xD1\x82\xD0\xB0 \xD0\xBD\xD0\xB0 "
         "\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xB6\xD0\xB0\xD0\xB9\xD1\x88\xD0\xB8\xD0\xB5 \xD0\xBF\xD1\x8F\xD1\x82\xD1\x8C "
         "\xD0\xBB\xD0\xB5\xD1\x82."},
        {"GBK", "gb18030",
         "\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xAE\xA3\xE5\xB8\x83\xEF\xBC\x8C"
         "\xE6\x96\xB0\xE7\x9A\x84\xE5\x9C\xB0\xE9\x93\x81\xE7\xBA\xBF\xE8\xB7\xAF\xE5\xB0\x86\xE4\xBA\x8E"
         "\xE6\x98\x8E\xE5\xB9\xB4\xE6\x98\xA5\xE5\xA4\xA9\xE6\xAD\xA3\xE5\xBC\x8F\xE5\xBC\x80\xE9\x80\x9A"
         "\xE8\xBF\x90\xE8\x90\xA5\xE3\x80\x82"},
        {"SHIFT_JIS", "Shift_JIS",
         "\xE5\xB8\x82\xE3\x81\xAF\xE4\xBB\x8A\xE6\x97\xA5\xE3\x80\x81\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84"
         "\xE3\x83\x90\xE3\x82\xB9\xE8\xB7\xAF\xE7\xB7\x9A\xE3\x82\x92\xE6\x9D\xA5\xE6\x9C\x88\xE3\x81\x8B"
         "\xE3\x82\x89\xE9\x81\x8B\xE8\xA1\x8C\xE3\x81\x99\xE3\x82\x8B\xE3\x81\xA8\xE7\x99\xBA\xE8\xA1\xA8"
         "\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82"},
        {"EUC-KR", "EUC-KR",
         "\xEC\x8B\x9C\xEC\xB2\xAD\xEC\x9D\x80 \xEC\x98\xA4\xEB\x8A\x98 \xEC\x83\x88\xEB\xA1\x9C\xEC\x9A\xB4 "
         "\xEB\xB2\x84\xEC\x8A\xA4 \xEB\x85\xB8\xEC\x84\xA0\xEC\x9D\x84 \xEB\x8B\xA4\xEC\x9D\x8C "
         "\xEB\x8B\xAC\xEB\xB6\x80\xED\x84\xB0 \xEC\x9A\xB4\xED\x96\x89\xED\x95\x9C\xEB\x8B\xA4\xEA\xB3\xA0 "
         "\xEB\xB0\x9C\xED\x91\x9C\xED\x96\x88\xEB\x8B\xA4."},
        {"ISO-8859-7", "ISO-8859-7",
         "\xCE\xA4\xCE\xBF \xCE\xB4\xCE\xB7\xCE\xBC\xCE\xBF\xCF\x84\xCE\xB9\xCE\xBA\xCF\x8C "
         "\xCF\x83\xCF\x85\xCE\xBC\xCE\xB2\xCE\xBF\xCF\x8D\xCE\xBB\xCE\xB9\xCE\xBF "
         "\xCE\xB5\xCE\xBD\xCE\xAD\xCE\xBA\xCF\x81\xCE\xB9\xCE\xBD\xCE\xB5 \xCF\x83\xCE\xAE\xCE\xBC\xCE\xB5\xCF\x81\xCE\xB1 "
         "\xCF\x84\xCE\xBF \xCE\xBD\xCE\xAD\xCE\xBF \xCF\x83\xCF\x87\xCE\xAD\xCE\xB4\xCE\xB9\xCE\xBF "
         "\xCE\xB3\xCE\xB9\xCE\xB1 \xCF\x84\xCE\xB9\xCF\x82 \xCF\x83\xCF\x85\xCE\xB3\xCE\xBA\xCE\xBF\xCE\xB9\xCE\xBD\xCF\x89\xCE\xBD\xCE\xAF\xCE\xB5\xCF\x82 "
         "\xCF\x84\xCE\xB7\xCF\x82 \xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7\xCF\x82."},
    };
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        /* the sentence twice, in a page that names no charset anywhere */
        char utf8[2048];
        snprintf(utf8, sizeof utf8, "<html><head><title>t</title></head><body><p>%s %s</p></body></html>",
                 pages[k].text, pages[k].text);
        char *legacy = encode(utf8, pages[k].charset);
        check_why(legacy, NULL, pages[k].want, PX_DECODE_GUESSED, pages[k].text);
        free(legacy);
    }
    /* too few non-ASCII bytes to guess from: windows-1252, as before */
    check_why("<p>caf\xE9 cr\xE8me</p>", NULL, "windows-1252", PX_DECODE_DEFAULT, "caf\xC3\xA9");
    check_why("<p>plain ASCII</p>", NULL, "UTF-8", PX_DECODE_UTF8, "plain");
}

/* Random bytes in every encoding must give clean UTF-8 and never fail. */
static void test_random_bytes(void **state)
{
    (void)state;
    static const char *const hints[] = {
        NULL, "utf-8", "windows-1252", "shift_jis", "gbk", "gb18030", "big5",
        "euc-jp", "iso-2022-jp", "euc-kr", "koi8-r", "utf-16le", "utf-16be",
        "x-user-defined", "iso-8859-7", "windows-1253", "macintosh", "ibm866",
    };
    uint32_t seed = 12345;
    char in[512];
    for (int round = 0; round < 40; round++) {
        for (size_t i = 0; i < sizeof in; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = (char)(seed >> 16);
        }
        for (size_t h = 0; h < sizeof hints / sizeof hints[0]; h++) {
            char *out;
            size_t n;
            size_t len = (size_t)round * 13 % sizeof in;
            assert_int_equal(px_decode(&A, in, len, hints[h], &out, &n, NULL, NULL), PITH_OK);
            assert_true(clean_utf8((const unsigned char *)out, n));
            assert_int_equal(strlen(out), n);
            px_free(&A, out);
        }
    }
}

/* Allowing 0, 1, 2... allocations must give PITH_ERR_NOMEM and free all,
 * until enough are allowed to succeed. */
static void nomem_loop(const char *in, size_t len, const char *hint)
{
    for (long allow = 0;; allow++) {
        assert_true(allow < 100);
        cnt = (counter){0, 0, allow, true, false};
        char *out = (char *)"unset";
        size_t n = 99;
        pith_error err = {0, ""};
        int rc = px_decode(&A, in, len, hint, &out, &n, NULL, &err);
        if (rc == PITH_OK) {
            assert_true(allow > 0);
            px_free(&A, out);
            assert_int_equal(cnt.live, 0);
            break;
        }
        assert_int_equal(rc, PITH_ERR_NOMEM);
        assert_int_equal(err.code, PITH_ERR_NOMEM);
        assert_null(out);
        assert_int_equal(n, 0);
        assert_int_equal(cnt.live, 0);
    }
    cnt.fail_at = -1;
}

static void test_allocation_failure(void **state)
{
    (void)state;
    char big[3000];
    memset(big, 0xF0, sizeof big); /* two output bytes per input byte */
    nomem_loop("", 0, NULL);
    nomem_loop("caf\xC3\xA9", 5, NULL);
    nomem_loop(big, sizeof big, NULL);          /* windows-1252, grows */
    nomem_loop(big, sizeof big, "koi8-r");      /* iconv, grows */
    nomem_loop(big, sizeof big, "utf-8");       /* all U+FFFD, grows */
    nomem_loop(big, sizeof big, "utf-16le");
    nomem_loop(big, sizeof big, "x-user-defined");
}

/* ------------------------------------------------------------------ */
/* px_encoding_lookup                                                   */

static const struct {
    const char *name;
    const char *labels; /* space-separated */
} label_table[] = {
    {"UTF-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 "
        "utf8 x-unicode20utf8"},
    {"IBM866", "866 cp866 csibm866 ibm866"},
    {"ISO-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 "
        "iso_8859-2 iso_8859-2:1987 l2 latin2"},
    {"ISO-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 "
        "iso_8859-3 iso_8859-3:1988 l3 latin3"},
    {"ISO-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 "
        "iso_8859-4 iso_8859-4:1988 l4 latin4"},
    {"ISO-8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 "
        "iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"},
    {"ISO-8859-6", "arabic asmo-708 csiso88596e csiso88596i "
        "csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
        "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
        "iso_8859-6:1987"},
    {"ISO-8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 "
        "iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 "
        "iso_8859-7:1987 sun_eu_greek"},
    {"ISO-8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 "
        "iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 "
        "iso_8859-8:1988 visual"},
    {"ISO-8859-8-I", "csiso88598i iso-8859-8-i logical"},
    {"ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 "
        "l6 latin6"},
    {"ISO-8859-13", "iso-8859-13 iso8859-13 iso885913"},
    {"ISO-8859-14", "iso-8859-14 iso8859-14 iso885914"},
    {"ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 "
        "iso_8859-15 l9"},
    {"ISO-8859-16", "iso-8859-16"},
    {"KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r"},
    {"KOI8-U", "koi8-ru koi8-u"},
    {"macintosh", "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 "
        "windows-874"},
    {"windows-1250", "cp1250 windows-1250 x-cp1250"},
    {"windows-1251", "cp1251 windows-1251 x-cp1251"},
    {"windows-1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 "
        "iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 "
        "iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
        "x-cp1252"},
    {"windows-1253", "cp1253 windows-1253 x-cp1253"},
    {"windows-1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 "
        "iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
        "windows-1254 x-cp1254"},
    {"windows-1255", "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"},
    {"GBK", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 "
        "gb_2312-80 gbk iso-ir-58 x-gbk"},
    {"gb18030", "gb18030"},
    {"Big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"ISO-2022-JP", "csiso2022jp iso-2022-jp"},
    {"Shift_JIS", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis "
        "windows-31j x-sjis"},
    {"EUC-KR", "cseuckr csksc56011987 euc-kr iso-ir-149 korean "
        "ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
        "windows-949"},
    {"replacement", "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext "
        "iso-2022-kr replacement"},
    {"UTF-16BE", "unicodefffe utf-16be"},
    {"UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff "
        "utf-16 utf-16le"},
    {"x-user-defined", "x-user-defined"},
};

/* Checks every WHATWG label, which also proves the table is sorted. */
static void test_lookup_all_labels(void **state)
{
    (void)state;
    size_t count = 0;
    for (size_t k = 0; k < sizeof label_table / sizeof label_table[0]; k++) {
        const char *p = label_table[k].labels;
        while (*p) {
            size_t n = strcspn(p, " ");
            const char *got = px_encoding_lookup(p, n);
            if (!got || strcmp(got, label_table[k].name) != 0)
                fail_msg("label '%.*s' gave %s, want %s", (int)n, p, got ? got : "NULL",
                         label_table[k].name);
            count++;
            p += n + (p[n] == ' ');
        }
    }
    assert_int_equal(count, 228);
}

static void test_lookup_forms(void **state)
{
    (void)state;
    assert_string_equal(px_encoding_lookup("UTF8", 4), "UTF-8");
    assert_string_equal(px_encoding_lookup("  LaTiN1\t\n", 10), "windows-1252");
    assert_string_equal(px_encoding_lookup("utf-8junk", 5), "UTF-8");
    assert_string_equal(px_encoding_lookup("ISO_8859-1:1987", 15), "windows-1252");
    assert_string_equal(px_encoding_lookup("\fKS_C_5601-1987 ", 16), "EUC-KR");
}

static void test_lookup_unknown(void **state)
{
    (void)state;
    assert_null(px_encoding_lookup("foo", 3));
    assert_null(px_encoding_lookup("", 0));
    assert_null(px_encoding_lookup("   ", 3));
    assert_null(px_encoding_lookup(NULL, 0));
    assert_null(px_encoding_lookup("utf-8x", 6));
    assert_null(px_encoding_lookup("utf\0-8", 6));
    assert_null(px_encoding_lookup("utf-8\0", 6));
    assert_null(px_encoding_lookup("utf 8", 5));
    assert_null(px_encoding_lookup("\xC3\xA9", 2));
    assert_null(px_encoding_lookup("cseucpkdfmtjapanese-and-then-some-more", 38));
    assert_null(px_encoding_lookup("utf_8", 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_bom_utf8),
        T(test_bom_utf16le),
        T(test_bom_utf16be),
        T(test_bom_beats_hint_and_meta),
        T(test_utf16_errors),
        T(test_hint_overrides_meta),
        T(test_hint_label_forms),
        T(test_unknown_hint),
        T(test_hint_replacement_refused),
        T(test_meta_charset_quoted),
        T(test_meta_charset_unquoted),
        T(test_meta_http_equiv),
        T(test_meta_content_needs_pragma),
        T(test_meta_after_comment),
        T(test_meta_uppercase),
        T(test_meta_unknown_label_ignored),
        T(test_meta_first_attribute_wins),
        T(test_meta_window),
        T(test_meta_utf16_means_utf8),
        T(test_meta_special_labels),
        T(test_latin1_is_windows1252),
        T(test_sjis_label),
        T(test_gb2312_is_gbk),
        T(test_shift_jis_text),
        T(test_gbk_text),
        T(test_koi8r_text),
        T(test_other_cjk),
        T(test_x_user_defined),
        T(test_every_encoding_opens),
        T(test_valid_utf8_detected),
        T(test_invalid_utf8_falls_back),
        T(test_declared_utf8_replaces),
        T(test_truncated_at_end),
        T(test_invalid_legacy_sequences),
        T(test_nul_bytes),
        T(test_checked_utf8_copied),
        T(test_empty_input),
        T(test_charset_out_optional),
        T(test_large_input),
        T(test_random_bytes),
        T(test_utf8_beats_legacy_meta),
        T(test_guess_undeclared),
        T(test_allocation_failure),
        T(test_lookup_all_labels),
        T(test_lookup_forms),
        T(test_lookup_unknown),
#undef T
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
