/* Tests for src/text.c: px_strip_controls, whose scan reads eight bytes
 * at a time, held to a byte-by-byte reading of what it removes, with each
 * byte it changes at every offset of strings around the eight-byte
 * boundaries; and px_append_folded, which every stage uses to turn a
 * page's text into words with single spaces, against folding done one
 * character at a time, on random text cut into random pieces (the calls
 * that a text split over several nodes makes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

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

static px_alloc A;

/* Folding, character by character: white space (Unicode's too) becomes
 * one space before the next word, none at the start of the buffer or
 * after a space or line break already there; zero-width characters go. */
static void fold_slowly(px_buf *b, const char *s, size_t n, bool *pending)
{
    for (size_t i = 0; i < n;) {
        size_t adv;
        unsigned cp = px_utf8_next(s + i, n - i, &adv);
        if (cp == 0x200B || cp == 0xFEFF || cp == 0x2060) {
            i += adv;
            continue;
        }
        if (px_is_space_cp(cp)) {
            *pending = true;
            i += adv;
            continue;
        }
        if (*pending && b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
            px_buf_putc(b, ' ');
        *pending = false;
        px_buf_append(b, s + i, adv);
        i += adv;
    }
}

/* Bits of text: words, every kind of white space, zero-width characters,
 * control bytes, multibyte letters, broken UTF-8. */
static const char *const bits[] = {
    "a", "Bc", "word.", "!", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\x01", "\x7f", "\xc2\xa0",
    "\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x81\xa0", "\xe4\xb8\xad", "\xc3\xa9t\xc3\xa9", "\xe3\x80\x80",
    "\xe2\x80\x83", "\xe2\x80", "\xff", "\xc3", "x y", "x  y", " z",
};

static void test_fold_matches_slow_fold(void **state)
{
    (void)state;
    srand(14);
    static const char *const starts[] = {"", "x", "x ", "x\n", " "};
    char s[512];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        int parts = rand() % 40;
        for (int k = 0; k < parts; k++) {
            const char *p = bits[rand() % (int)(sizeof bits / sizeof *bits)];
            size_t l = strlen(p);
            memcpy(s + n, p, l);
            n += l;
        }
        const char *start = starts[round % 5];
        px_buf fast, slow;
        px_buf_init(&fast, &A);
        px_buf_init(&slow, &A);
        px_buf_puts(&fast, start);
        px_buf_puts(&slow, start);
        bool pf = round % 3 == 0, ps = pf;
        fold_slowly(&slow, s, n, &ps);
        /* the same text in pieces that end before a byte that starts a
         * character, as the nodes of a page do */
        for (size_t i = 0; i < n;) {
            size_t k = i + 1 + (size_t)(rand() % 12);
            if (k > n || rand() % 4 == 0)
                k = n;
            while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
                k++;
            px_append_folded(&fast, s + i, k - i, &pf);
            i = k;
        }
        assert_false(fast.oom || slow.oom);
        if (fast.len != slow.len || (fast.len && memcmp(fast.data, slow.data, fast.len)) || pf != ps)
            fail_msg("round %d: '%.*s' folded to '%.*s', want '%.*s'", round, (int)n, s, (int)fast.len,
                     fast.data, (int)slow.len, slow.data);
        if (fast.data)
            assert_int_equal(fast.data[fast.len], 0);
        px_buf_free(&fast);
        px_buf_free(&slow);
    }
}

/* Prose keeps its single spaces; runs of white space fold to one. */
static void test_fold_prose(void **state)
{
    (void)state;
    px_buf b;
    px_buf_init(&b, &A);
    bool pending = false;
    const char *t = "  The city\tcouncil  voted\n on \xc2\xa0Tuesday. ";
    px_append_folded(&b, t, strlen(t), &pending);
    assert_string_equal(b.data, "The city council voted on Tuesday.");
    assert_true(pending);
    px_append_folded(&b, "Next", 4, &pending);
    assert_string_equal(b.data, "The city council voted on Tuesday. Next");
    px_buf_free(&b);
}

int main(void)
{
    px_alloc_init(&A, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strip_controls_every_offset),
        cmocka_unit_test(test_strip_controls_clean),
        cmocka_unit_test(test_fold_matches_slow_fold),
        cmocka_unit_test(test_fold_prose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
