/* text.c: px_strip_controls, whose scan reads eight bytes at a time, held
 * to a byte-by-byte reading of what it removes, with each byte it changes
 * at every offset of strings around the eight-byte boundaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "text.h"

/* The rules of text.h, one byte at a time: C0 controls go, but tab and
 * newline stay and CR, FF and VT become spaces; DEL and the C1 controls
 * (C2 80..C2 9F) go; U+2028 and U+2029 become spaces; U+FFFE and U+FFFF
 * go. */
static size_t reference(const char *in, size_t n, char *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i], c1 = i + 1 < n ? s[i + 1] : 0, c2 = i + 2 < n ? s[i + 2] : 0;
        if (c == '\t' || c == '\n') {
            out[o++] = (char)c;
            i++;
        } else if (c == '\r' || c == '\f' || c == '\v') {
            out[o++] = ' ';
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            i++;
        } else if (c == 0xc2 && c1 >= 0x80 && c1 <= 0x9f) {
            i += 2;
        } else if (c == 0xe2 && c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9)) {
            out[o++] = ' ';
            i += 3;
        } else if (c == 0xef && c1 == 0xbf && (c2 == 0xbe || c2 == 0xbf)) {
            i += 3;
        } else {
            out[o++] = (char)c;
            i++;
        }
    }
    out[o] = '\0';
    return o;
}

/* What is put into plain text: each byte or sequence the pass treats
 * specially, and near misses that it must leave alone. */
static const char *const pieces[] = {
    "\x01", "\x1f", "\t", "\n", "\r", "\f", "\v", "\x7f", "\x1b[31m",
    "\xc2\x80", "\xc2\x9f", "\xc2\xa0", "\xc2\xad",
    "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\x94", "\xe2\x80",
    "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd", "\xc3\xa9", " ", "~",
};

static void check(const char *in, size_t n)
{
    char got[64], want[64];
    memcpy(got, in, n);
    got[n] = '\0';
    size_t wn = reference(in, n, want);
    size_t gn = px_strip_controls(got, n);
    assert_int_equal(gn, wn);
    assert_memory_equal(got, want, wn + 1);
}

static void test_strip_controls_every_offset(void **state)
{
    (void)state;
    static const char text[] = "The hedgehog count rose again this year, volunteers said.";
    for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++) {
        size_t pl = strlen(pieces[p]);
        for (size_t len = 0; len <= 24; len++)
            for (size_t at = 0; at <= len; at++) {
                char in[64];
                memcpy(in, text, at);
                memcpy(in + at, pieces[p], pl);
                memcpy(in + at + pl, text + at, len - at);
                check(in, len + pl);
                /* cut short: a sequence that the end splits */
                check(in, at + pl - 1);
            }
    }
}

/* Most strings have nothing to remove: they are returned as they are,
 * and not written (Gumbo shares some constant ones). */
static void test_strip_controls_clean(void **state)
{
    (void)state;
    /* (a write to this read-only literal would crash) */
    static const char clean[] = "Plain text, \xc3\xa9t\xc3\xa9 and \xe2\x80\x94 dashes\tand\nlines.";
    assert_int_equal(px_strip_controls((char *)clean, sizeof clean - 1), sizeof clean - 1);
    char all[97];
    for (int i = 0; i < 95; i++)
        all[i] = (char)(0x20 + i);
    all[95] = '\n';
    all[96] = '\0';
    assert_int_equal(px_strip_controls(all, 96), 96);
    assert_int_equal(all[94], '~');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strip_controls_every_offset),
        cmocka_unit_test(test_strip_controls_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
