/* Tests for src/text.c: px_strip_controls and px_may_need_strip, the
 * page-wide answer px_parse uses to skip stripping every string. The
 * claim checked is the one the parse relies on: when px_may_need_strip
 * says no for a page, no string Gumbo makes of that page is changed by
 * px_strip_controls.
 * Also px_strip_controls itself, whose scan reads eight bytes at a time,
 * held to a byte-by-byte reading of what it removes, with each byte it
 * changes at every offset of strings around the eight-byte boundaries.
 * And px_append_folded, which every stage uses to turn a page's text into
 * words with single spaces, against folding done one character at a
 * time, on random text cut into random pieces (the calls that a text
 * split over several nodes makes). And px_fold_name, the one fold by
 * which names are compared (the site's name, the title's site segment). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <gumbo.h>

#include "text.h"

static bool may(const char *s) { return px_may_need_strip(s, strlen(s)); }

/* Would px_strip_controls change the string s? */
static bool strip_changes_str(const char *s)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, s, n + 1);
    bool changed = px_strip_controls(copy, n) != n || memcmp(copy, s, n);
    free(copy);
    return changed;
}

/* Would px_strip_controls change any text or attribute value of s's tree? */
static bool strip_changes(const GumboNode *g)
{
    const GumboVector *kids = NULL;
    if (g->type == GUMBO_NODE_DOCUMENT)
        kids = &g->v.document.children;
    else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
        kids = &g->v.element.children;
        const GumboVector *at = &g->v.element.attributes;
        for (unsigned i = 0; i < at->length; i++)
            if (strip_changes_str(((const GumboAttribute *)at->data[i])->value))
                return true;
    } else if (g->type != GUMBO_NODE_COMMENT && strip_changes_str(g->v.text.text))
        return true;
    for (unsigned i = 0; kids && i < kids->length; i++)
        if (strip_changes(kids->data[i]))
            return true;
    return false;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A page with the character in text and in an attribute, in one of the
 * forms a page can write it; returns whether px_may_need_strip was wrong
 * (said no while Gumbo's strings need stripping). */
static bool missed(uint32_t cp, int form)
{
    char ch[32];
    size_t n;
    switch (form) {
    case 0: n = put_utf8(ch, cp); ch[n] = '\0'; break;
    case 1: snprintf(ch, sizeof ch, "&#%u;", (unsigned)cp); break;
    case 2: snprintf(ch, sizeof ch, "&#x%X;", (unsigned)cp); break;
    default: snprintf(ch, sizeof ch, "&#000%u ", (unsigned)cp); break; /* no semicolon */
    }
    char page[256];
    snprintf(page, sizeof page, "<title>t%s</title><p title=\"a%sb\">x%sy<textarea>%s</textarea>", ch,
             ch, ch, ch);
    GumboOutput *out = gumbo_parse(page);
    assert_non_null(out);
    bool changes = strip_changes(out->document);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return changes && !may(page);
}

/* Every code point of the ranges where the stripped ones and Gumbo's
 * replacements lie, raw and as references. */
static void test_no_stripped_character_is_missed(void **state)
{
    (void)state;
    static const uint32_t ranges[][2] = {
        {0x01, 0x2FF}, {0x2000, 0x206F}, {0xD7F0, 0xD7FF}, {0xFDD0, 0xFDEF}, {0xFFF0, 0xFFFF},
        {0x1FFFE, 0x1FFFF}, {0x10FFFE, 0x10FFFF},
    };
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++)
            for (int form = 0; form < 4; form++) {
                if (missed(cp, form))
                    fail_msg("U+%04X in form %d reaches a string unstripped", (unsigned)cp, form);
            }
}

/* What pages are full of says no: markup, tabs, newlines, CR and CRLF
 * (the parser makes them newlines), entities, curly quotes, U+FFFD. */
static void test_ordinary_pages_need_no_strip(void **state)
{
    (void)state;
    assert_false(may(""));
    assert_false(may("<html><body>\r\n\t<p class=\"a\">Hello &amp; welcome</p>\r\n</body></html>"));
    assert_false(may("<p>It\xE2\x80\x99s &#8217;quoted&#x2019; &#39;x&#39; &#9;&#10; &lt;b&gt;</p>"));
    assert_false(may("<p>caf\xC3\xA9 \xEF\xBF\xBD \xE2\x80\xA6x \xC2\xA0 \xE2\x82\xAC</p>"));
    assert_false(may("<a href=\"?a=1&b=2&#\">&#; &#x; &#xZZ;</a>"));
}

/* Each stripped character is found at every offset, whatever part of an
 * eight-byte word it starts or ends in. */
static void test_found_at_every_offset(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\x01", "\x0B", "\x0C", "\x7F", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
        "\xEF\xBF\xBE", "\xEF\xBF\xBF", "&#13;", "&#x7f;", "&#0000159;", "&#x2028", "&#4294967309;",
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        for (size_t at = 0; at < 20; at++) {
            char page[64];
            memset(page, 'a', at);
            size_t n = strlen(bad[k]);
            memcpy(page + at, bad[k], n);
            memset(page + at + n, 'b', 20);
            page[at + n + 20] = '\0';
            if (!px_may_need_strip(page, at + n + 20))
                fail_msg("'%s' at offset %zu not found", bad[k], at);
            /* cut short: a sequence the end breaks off is not one */
            if (n > 1 && bad[k][0] != '&' && px_may_need_strip(page, at + n - 1) &&
                (unsigned char)bad[k][0] >= 0x80)
                fail_msg("'%s' cut at offset %zu counted", bad[k], at);
        }
}

/* A raw CR is no reason to strip (Gumbo turns it into a newline), but a
 * reference to one is: Gumbo keeps it. */
static void test_carriage_return(void **state)
{
    (void)state;
    assert_false(may("a\rb\r\nc"));
    assert_true(may("a&#13;b"));
    assert_true(may("a&#xD;b"));
}

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

/* px_utf8_count counts the bytes that start a character, eight at a time
 * and then one by one: the same as a byte at a time on the bits of text
 * above (broken UTF-8 too), at every length and alignment. */
static void test_utf8_count(void **state)
{
    (void)state;
    srand(15);
    char s[512];
    for (int round = 0; round < 5000; round++) {
        size_t n = 0;
        int parts = rand() % 60;
        for (int k = 0; k < parts; k++) {
            const char *p = bits[rand() % (int)(sizeof bits / sizeof *bits)];
            memcpy(s + n, p, strlen(p));
            n += strlen(p);
        }
        size_t from = n ? (size_t)rand() % (n + 1) : 0, want = 0;
        for (size_t i = from; i < n; i++)
            want += ((unsigned char)s[i] & 0xC0) != 0x80;
        if (px_utf8_count(s + from, n - from) != want)
            fail_msg("round %d: %zu characters counted in '%.*s', want %zu", round,
                     px_utf8_count(s + from, n - from), (int)(n - from), s + from, want);
    }
    assert_int_equal(px_utf8_count("\xe4\xb8\xad\xe6\x96\x87 text \xc3\xa9t\xc3\xa9", 17), 11);
    assert_int_equal(px_utf8_count("", 0), 0);
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

static void folds_to(const char *s, bool words, const char *want)
{
    char out[64];
    size_t k = px_fold_name(s, strlen(s), out, sizeof out, words);
    assert_string_equal(out, want);
    assert_int_equal(k, strlen(want));
}

/* One fold for every name compared: accents as a host writes them in
 * both forms (title.c once kept "ö", so "Erzbistum Köln" was not the
 * site of erzbistum-koeln.de, and the spaced form kept "ã"). */
static void test_fold_name(void **state)
{
    (void)state;
    folds_to("Erzbistum Köln", false, "erzbistumkoeln");
    folds_to("Riverside Ledger", false, "riversideledger");
    folds_to("La Prensa Gráfica", false, "laprensagrafica");
    folds_to("Folha de São Bento", true, "folha de sao bento");
    folds_to("Tom's  News-Desk.com", true, "toms news deskcom");
    folds_to("de Ésta", true, "de esta"); /* the space before a folded letter stays */
    folds_to("Живой Журнал", true, "Живой Журнал"); /* other letters kept as they are */
    folds_to("Живой Журнал", false, "ЖивойЖурнал");
    folds_to("-- ", true, "");
    char out[8];
    /* a short buffer: whole folds only, and always a NUL */
    assert_int_equal(px_fold_name("Müüüüü", strlen("Müüüüü"), out, sizeof out, false), 5);
    assert_string_equal(out, "mueue");
}

/* px_verbatim says yes only for a value Gumbo hands back byte for byte
 * and px_strip_controls leaves as it is (the elision pass puts such values
 * back in Gumbo's place), on random values of pieces that are and are not
 * so; and it says yes to plain ones. */
static void test_verbatim(void **state)
{
    (void)state;
    static const char *const vpieces[] = {
        "a", "news-item", " ", "\t", "\n", "\r", "\f", "\x01", "\x7f", "&", "&amp;", "/", "=",
        "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80", "\xc2\x85", "\xc2\xa0", "\xe2\x80\xa8",
        "\xef\xbf\xbe", "\xc3", "\xe2\x80", "\x80", "\xed\xa0\x80", "\xc0\xaf", "'", "<", ">",
        "\xef\xb7\x90", "\xf4\x8f\xbf\xbf", "\xf0\x9f\xbf\xbe", "\xef\xb7\xb0",
    };
    srand(7);
    int yes = 0;
    for (int round = 0; round < 3000; round++) {
        char value[64] = "";
        int k = 1 + rand() % 6;
        for (int j = 0; j < k; j++) {
            /* mostly plain pieces, so that yes comes up often */
            size_t p = rand() % 3 ? (size_t)(rand() % 3) : (size_t)rand() % (sizeof pieces / sizeof *vpieces);
            strcat(value, vpieces[p]);
        }
        size_t n = strlen(value);
        if (!px_verbatim(value, n))
            continue;
        yes++;
        char page[128];
        snprintf(page, sizeof page, "<p title=\"%s\">", value);
        GumboOutput *g = gumbo_parse(page);
        const GumboNode *body = g->root->v.element.children.data[1];
        const GumboNode *para = body->v.element.children.data[0];
        const GumboAttribute *at = para->v.element.attributes.data[0];
        if (strcmp(at->value, value))
            fail_msg("round %d: Gumbo gave another value for a verbatim one", round);
        assert_false(strip_changes_str(value));
        gumbo_destroy_output(&kGumboDefaultOptions, g);
    }
    assert_true(yes > 500);
    assert_true(px_verbatim("post-body entry-content", 23));
    assert_true(px_verbatim("caf\xc3\xa9 \xe2\x80\x99n", 10));
    assert_false(px_verbatim("a&amp;b", 7));
    assert_false(px_verbatim("a\rb", 3));
    assert_false(px_verbatim("a\xc3", 2));
}

/* px_may_give: the character as it is, and the numeric references that
 * give it, decimal or hex, or may (past U+10FFFF, where parsers wrap). */
static void test_may_give(void **state)
{
    (void)state;
    const uint32_t cp = 0x10FFFD;
    assert_false(px_may_give("plain text &amp; &#65; &#x41; \xf4\x8f\xbf\xbc", 32, cp));
    assert_true(px_may_give("a \xf4\x8f\xbf\xbd b", 8, cp));
    assert_true(px_may_give("a &#1114109; b", 14, cp));
    assert_true(px_may_give("a &#x10fffd b", 13, cp));
    assert_true(px_may_give("a &#99999999999; b", 18, cp));
    assert_false(px_may_give("a &#; &# b", 10, cp));
    assert_false(px_may_give("cut \xf4\x8f\xbf", 7, cp));
}

int main(void)
{
    px_alloc_init(&A, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_stripped_character_is_missed),
        cmocka_unit_test(test_verbatim),
        cmocka_unit_test(test_may_give),
        cmocka_unit_test(test_ordinary_pages_need_no_strip),
        cmocka_unit_test(test_found_at_every_offset),
        cmocka_unit_test(test_carriage_return),
        cmocka_unit_test(test_strip_controls_every_offset),
        cmocka_unit_test(test_strip_controls_clean),
        cmocka_unit_test(test_fold_matches_slow_fold),
        cmocka_unit_test(test_utf8_count),
        cmocka_unit_test(test_fold_prose),
        cmocka_unit_test(test_fold_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
