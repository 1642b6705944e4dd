/* Tests for src/meta_common.c: the memo of class and id verdicts gives
 * the answers a fresh scan gives, whatever was asked before it and in
 * whatever order (families that share words, more families than it
 * keeps, the words that do not count), and the short texts of bylines
 * and datelines are the node's text, cut only when it is too long. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "meta_impl.h"

static px_alloc A;

typedef struct page {
    px_doc d;
    ctx memo, scan; /* the same page with and without the memo */
} page;

static void page_open(page *p, const char *html)
{
    pith_error err = {0, ""};
    assert_int_equal(px_parse(&p->d, &A, html, strlen(html), 0, &err), PITH_OK);
    memset(&p->memo, 0, sizeof p->memo);
    p->memo.doc = &p->d;
    p->memo.a = &A;
    p->scan = p->memo;
    p->memo.memo = px_meta_memo_new(&A, p->d.n);
    assert_non_null(p->memo.memo);
}

static void page_close(page *p)
{
    px_meta_memo_free(&A, p->memo.memo);
    px_doc_free(&p->d);
}

/* Names of every kind the readers meet: words at the start, inside and at
 * the end of a class, in capitals, in an id, the hAtom "hfeed" and
 * Blogger's "widget Blog" that wrap the article, a sidebar modifier. */
static const char *const NAMES =
    "<!DOCTYPE html><html><head><title>t</title></head><body class=\"comments\">"
    "<div class=\"hfeed site\" id=\"page\">"
    " <header class=\"site-header masthead\"><a class=\"Site-Logo\" href=\"/\">Logo</a>"
    "  <nav id=\"main-menu\"><ul><li><a href=\"/a\">A</a></li><li><a href=\"/b\">B</a></li></ul></nav>"
    " </header>"
    " <div class=\"widget Blog\" id=\"Blog1\"><article class=\"post hentry\">"
    "  <h1 class=\"entry-title\">Headline</h1>"
    "  <p class=\"byline Author-Name\"><span class=\"post-date\">3 May 2021</span></p>"
    "  <p>Body <b>text</b> here.</p>"
    "  <div class=\"gallery--wrapper__with-sidebar\"><p>Inside a sidebar modifier</p></div>"
    " </article></div>"
    " <aside class=\"Sidebar related-posts\"><div class=\"teaser\"><p class=\"date\">Yesterday</p></div></aside>"
    " <section id=\"respond\"><div class=\"comment-list\"><p class=\"reply\">Reply</p>"
    "  <div><div><div><div><div><div><div><div><div><p>deep</p></div></div></div></div></div></div></div></div></div>"
    " </div></section>"
    " <footer class=\"site-footer\"><p>&copy; 2021</p></footer>"
    "</div></body></html>";

static const char words[][8] = {"comment", "date", "sidebar", "logo"};
/* one word each, more families than the memo keeps */
static const char one[][1][8] = {{"site"},   {"post"},    {"entry"},  {"header"},  {"menu"},
                                 {"author"}, {"byline"},  {"teaser"}, {"related"}, {"footer"},
                                 {"reply"},  {"respond"}, {"blog"},   {"widget"},  {"hentry"},
                                 {"page"},   {"gallery"}, {"title"},  {"feed"},    {"list"}};
/* words k to k + n of w */
static px_words some(px_words w, size_t k, size_t n) { return px_words_first(px_words_from(w, k), n); }

/* The question answered the plain way, for words none of which starts
 * with "feed" or "sidebar" (the names that wrap the article): a word at
 * any offset of the first 4 KB of a class or id, ignoring ASCII case, of
 * node i or of up ancestors below <body>. */
static bool plain_named(const px_doc *d, int i, int up, px_words w)
{
    for (int k = 0, p = i; p >= 0 && k <= up; k++, p = d->nodes[p].parent) {
        const px_node *nd = &d->nodes[p];
        if (nd->kind != PX_ELEMENT || nd->tag == GUMBO_TAG_BODY || nd->tag == GUMBO_TAG_HTML)
            break;
        const char *attrs[2] = {px_attr(nd, "class"), px_attr(nd, "id")};
        for (int a = 0; a < 2; a++)
            for (size_t n = 0; attrs[a] && n < strlen(attrs[a]) && n < 4096; n++)
                for (size_t x = 0; x < w.count; x++) {
                    const char *wx = px_word_at(w, x);
                    if (strlen(attrs[a] + n) >= strlen(wx) && !strncasecmp(attrs[a] + n, wx, strlen(wx)))
                        return true;
                }
    }
    return false;
}

/* Asks both pages the same question about every node and checks that the
 * answers agree; returns how many nodes say yes. */
static int agree(page *p, int up, px_words w)
{
    int yes = 0;
    for (int i = 0; i < p->d.n; i++) {
        bool m = px_meta_named(&p->memo, i, up, w), s = px_meta_named(&p->scan, i, up, w);
        if (m != s)
            fail_msg("node %d, up %d, first word '%s' of %zu: memo %d, scan %d", i, up, w.at, w.count, m, s);
        yes += s;
        bool sidebar = false;
        for (size_t x = 0; x < w.count; x++)
            sidebar |= !strncmp(px_word_at(w, x), "feed", 4) || !strncmp(px_word_at(w, x), "sidebar", 7);
        if (!sidebar && plain_named(&p->d, i, up, w) != s)
            fail_msg("node %d, up %d, first word '%s' of %zu: %d, plainly %d", i, up, w.at, w.count, s, !s);
    }
    return yes;
}

static int agree_elsewhere(page *p, int up)
{
    int yes = 0;
    for (int i = 0; i < p->d.n; i++) {
        bool m = px_meta_elsewhere(&p->memo, i, up), s = px_meta_elsewhere(&p->scan, i, up);
        if (m != s)
            fail_msg("node %d, up %d, elsewhere: memo %d, scan %d", i, up, m, s);
        yes += s;
    }
    return yes;
}

/* The same words array asked with fewer words, or from its second word,
 * is another question: a memo keyed on the array alone answers it with
 * the verdicts of the first. */
static void test_families_apart(void **state)
{
    (void)state;
    page p;
    page_open(&p, NAMES);
    for (int round = 0; round < 2; round++)
        for (int up = 8; up >= 0; up -= 4) {
            int all = agree(&p, up, PX_WORDS(words));
            int first = agree(&p, up, some(PX_WORDS(words), 0, 1));
            int rest = agree(&p, up, some(PX_WORDS(words), 1, 3));
            /* the page tells them apart, so that the checks above can fail */
            assert_true(first < all);
            assert_true(rest < all);
            assert_true(first > 0 && rest > 0);
        }
    page_close(&p);
}

/* A yes found for a node as an ancestor is the same yes when the node is
 * asked about itself, and the levels a question climbs stop where a fresh
 * scan stops (at <body>, whose class "comments" never counts). */
static void test_levels(void **state)
{
    (void)state;
    page p;
    page_open(&p, NAMES);
    int deep = agree(&p, 8, some(PX_WORDS(words), 0, 1));
    int self = agree(&p, 0, some(PX_WORDS(words), 0, 1));
    assert_true(self > 0 && deep > self);
    /* nothing up to 8 levels above the deep <p> says comment: 9 would */
    int yes10 = agree(&p, 10, some(PX_WORDS(words), 0, 1));
    assert_true(yes10 >= deep);
    page_close(&p);
}

/* The words that do not count: "hfeed" holds "feed", "widget Blog" is the
 * post column, "with-sidebar" a modifier; asked before and after the same
 * words without those exceptions. */
static void test_elsewhere_exceptions(void **state)
{
    (void)state;
    page p;
    page_open(&p, NAMES);
    static const char feed[][8] = {"feed", "widget", "sidebar"};
    int plain = agree(&p, 0, PX_WORDS(feed));
    int where = agree_elsewhere(&p, 0);
    int where8 = agree_elsewhere(&p, 8);
    int plain8 = agree(&p, 8, PX_WORDS(feed));
    assert_true(where > 0 && where8 > where);
    assert_true(plain > 0 && plain8 > 0);
    /* the headline is inside hfeed and widget Blog, and not elsewhere */
    for (int i = 0; i < p.d.n; i++)
        if (px_meta_is_elem(&p.d.nodes[i], GUMBO_TAG_H1)) {
            assert_false(px_meta_elsewhere(&p.memo, i, 8));
            assert_true(px_meta_named(&p.memo, i, 8, PX_WORDS(feed)));
        }
    page_close(&p);
}

/* More families than the memo keeps: the later ones are scanned each
 * time, and the kept ones still answer right. */
static void test_many_families(void **state)
{
    (void)state;
    page p;
    page_open(&p, NAMES);
    int total = 0;
    for (int round = 0; round < 2; round++)
        for (size_t f = 0; f < sizeof one / sizeof *one; f++)
            for (int up = 0; up <= 8; up += 8)
                total += agree(&p, up, PX_WORDS(one[f]));
    assert_true(total > 0);
    agree_elsewhere(&p, 8);
    agree(&p, 8, PX_WORDS(words));
    page_close(&p);
}

/* A family of more words than are indexed by their first byte, with the
 * words that match past the index; words that share first bytes, and
 * words of other bytes than letters. */
static void test_long_family(void **state)
{
    (void)state;
    static const char many[][8] = {
        "zz0", "zz1", "zz2", "zz3", "zz4", "zz5", "zz6", "zz7", "zz8", "zz9", "zy0", "zy1",
        "zy2", "zy3", "zy4", "zy5", "zy6", "zy7", "zy8", "zy9", "zx0", "zx1", "zx2", "zx3",
        "zx4", "zx5", "zx6", "zx7", "zx8", "zx9", "-logo", "site-f", "entry", "reply", "rel", "author"};
    page p;
    page_open(&p, NAMES);
    int all = agree(&p, 8, PX_WORDS(many));
    int indexed = agree(&p, 8, some(PX_WORDS(many), 0, 32));
    int past = agree(&p, 8, some(PX_WORDS(many), 32, 4));
    assert_true(all > indexed && all >= past && past > 0 && indexed > 0);
    assert_true(agree(&p, 0, some(PX_WORDS(many), 30, 6)) > 0);
    page_close(&p);
}

/* A class is read for 4 KB: a word that starts inside them counts, even
 * when it ends past them; one that starts after them does not. */
static void test_long_class(void **state)
{
    (void)state;
    static char html[20000];
    char pad[4200];
    memset(pad, 'x', sizeof pad);
    int n = snprintf(html, sizeof html, "<html><body><div class=\"%.4090s commentary\"><p>a</p></div>"
                     "<div id=\"%.4097s-comments\"><p>b</p></div><div class=\"%.4200s\">c</div></body></html>",
                     pad, pad, pad);
    assert_true(n > 0 && (size_t)n < sizeof html);
    page p;
    page_open(&p, html);
    assert_int_equal(agree(&p, 0, some(PX_WORDS(words), 0, 1)), 1);
    assert_int_equal(agree(&p, 1, some(PX_WORDS(words), 0, 1)), 2);
    page_close(&p);
}

/* A link's path holds one of the parts at one of its slashes, in any
 * case, in the query too: as plainly compared at every slash. */
static void test_path_has(void **state)
{
    (void)state;
    static const char parts[][12] = {"/author/", "/Autor/", "/tag/", "/redactie/", "/"};
    static const char *const hrefs[] = {
        "https://news.example/AUTHOR/jane/", "/autoren/x", "/x/autor/y", "https://a.example/?u=/tag/x",
        "tag/x", "/tags/", "//redactie/", "", "no slash", "/a/b/c/d/e/f/g/h/author", "/author/",
        "/\xc3\xa9/tag/"};
    int yes = 0;
    for (size_t h = 0; h < sizeof hrefs / sizeof *hrefs; h++)
        for (size_t n = 1; n <= 4; n++) {
            bool plain = false;
            for (const char *s = hrefs[h]; *s; s++)
                for (size_t k = 0; k < n && *s == '/'; k++)
                    plain |= !strncasecmp(s, parts[k], strlen(parts[k]));
            if (px_meta_path_has(hrefs[h], some(PX_WORDS(parts), 0, n)) != plain)
                fail_msg("'%s' with %zu parts: %d", hrefs[h], n, !plain);
            yes += plain;
        }
    assert_true(yes > 0 && yes < 48);
    assert_true(px_meta_path_has("x/y", some(PX_WORDS(parts), 4, 1)));
    assert_false(px_meta_path_has("xy", some(PX_WORDS(parts), 4, 1)));
}

/* The text a byline or dateline reader gets: the node's text when it is
 * at most max bytes, else a text longer than max that starts the same. */
static void test_short_text(void **state)
{
    (void)state;
    static char html[40000], para[12000];
    size_t n = 0;
    /* words of one, two and three bytes, runs of spaces and no-break
     * spaces, zero-width spaces: a cut falls on each kind of byte */
    static const char *const bits[] = {"Publi\xc3\xa9 ", "le ", "\xe4\xb8\xad\xe6\x96\x87", "   ",
                                       "\xc2\xa0\xc2\xa0", "3", " mai ", "\xe2\x80\x8b", "2021,",
                                       "\n\t", "word"};
    for (int k = 0; n + 40 < sizeof para; k++) {
        size_t l = strlen(bits[k % 11 * 7 % 11]);
        memcpy(para + n, bits[k % 11 * 7 % 11], l);
        n += l;
    }
    para[n] = '\0';
    snprintf(html, sizeof html,
             "<html><body><div class=\"byline\"><span>By Jane Doe</span> <span>3 May 2021</span></div>"
             "<p>%s</p><div><p>short</p><p>%.300s</p><script>var x = 1;</script><p>%s</p></div>"
             "<p>   \xc2\xa0 lead spaces %.150s</p></body></html>",
             para, para + 7, para + 1000, para + 13);
    page p;
    page_open(&p, html);
    static const size_t maxes[] = {0, 10, 63, 64, 65, 80, 100, 101, 120, 160, 300, 5000};
    int cut = 0, whole = 0;
    for (int i = 0; i < p.d.n; i++)
        for (size_t k = 0; k < sizeof maxes / sizeof *maxes; k++)
            for (int apart = 0; apart < 2; apart++) {
                size_t max = maxes[k];
                char *full = apart ? px_meta_node_words(&p.scan, i, max) : px_meta_node_text(&p.scan, i, max);
                char *cut_t = apart ? px_meta_short_words(&p.scan, i, max) : px_meta_short_text(&p.scan, i, max);
                assert_non_null(full);
                assert_non_null(cut_t);
                size_t fl = strlen(full), cl = strlen(cut_t);
                if (fl <= max) {
                    assert_string_equal(cut_t, full);
                    whole++;
                } else {
                    if (cl <= max || cl > fl || memcmp(cut_t, full, cl))
                        fail_msg("node %d max %zu: '%s' is not a cut of '%s'", i, max, cut_t, full);
                    cut += cl < fl;
                }
                px_free(&A, full);
                px_free(&A, cut_t);
            }
    /* both kinds happened, so the checks above could fail */
    assert_true(cut > 0 && whole > 0);
    page_close(&p);
}

/* The memo of distances up to a named ancestor gives the answers a scan
 * gives whichever nodes are asked first: the deepest first (each walk
 * notes the nodes above it), and the levels asked in every order. */
static void test_levels_any_order(void **state)
{
    (void)state;
    static const int ups[] = {8, 1, 3, 0, 2, 9, 5, 300};
    page p;
    page_open(&p, NAMES);
    int yes = 0, no = 0;
    for (size_t u = 0; u < sizeof ups / sizeof *ups; u++)
        for (int i = p.d.n - 1; i >= 0; i--) {
            bool m = px_meta_named(&p.memo, i, ups[u], some(PX_WORDS(words), 0, 1)),
                 s = px_meta_named(&p.scan, i, ups[u], some(PX_WORDS(words), 0, 1));
            bool me = px_meta_elsewhere(&p.memo, i, ups[u]), se = px_meta_elsewhere(&p.scan, i, ups[u]);
            if (m != s || me != se)
                fail_msg("node %d, up %d: memo %d/%d, scan %d/%d", i, ups[u], m, me, s, se);
            yes += s + se;
            no += !s + !se;
        }
    assert_true(yes > 0 && no > 0);
    page_close(&p);
}

/* px_meta_has_digit says what px_meta_short_text's text would: no digit
 * in it, too long past max, or a digit when a text of at most max bytes
 * has one (a text too long may say either, having been read in part). */
static void test_has_digit(void **state)
{
    (void)state;
    static char html[4000];
    char xs[200];
    memset(xs, 'x', sizeof xs);
    /* texts of exactly max and max + 1 shown bytes, a digit last or just
     * past max, white space and non-ASCII letters that do not count, a
     * digit in a script that the text leaves out */
    int n = snprintf(html, sizeof html,
                     "<html><body><p>%.160s</p><p>%.161s</p><p>%.159s7</p><p>%.160s7</p>"
                     "<p>%.80s \n\t %.80s</p><p>%.70s<b>%.70s</b> <i>%.21s</i></p>"
                     "<p>\xc3\xa9\xc3\xa9 %.158s</p><div><script>var a = 1;</script>no digit</div>"
                     "<div>one <span>two 2</span></div><p>%.30s 3 %.200s</p></body></html>",
                     xs, xs, xs, xs, xs, xs, xs, xs, xs, xs, xs, xs);
    assert_true(n > 0 && (size_t)n < sizeof html);
    page p;
    page_open(&p, html);
    static const size_t maxes[] = {0, 7, 8, 9, 64, 159, 160, 161, 400};
    int seen[3] = {0, 0, 0};
    for (int i = 0; i < p.d.n; i++)
        for (size_t k = 0; k < sizeof maxes / sizeof *maxes; k++) {
            size_t max = maxes[k];
            px_digits d = px_meta_has_digit(&p.scan, i, max);
            char *t = px_meta_short_text(&p.scan, i, max);
            assert_non_null(t);
            size_t tl = strlen(t);
            bool digit = strpbrk(t, "0123456789") != NULL;
            if ((d == PX_NO_DIGIT && digit) || (d == PX_TOO_LONG && tl <= max) ||
                (tl <= max && (d == PX_DIGIT) != digit))
                fail_msg("node %d max %zu: %d for '%s'", i, max, (int)d, t);
            seen[d]++;
            px_free(&A, t);
        }
    assert_true(seen[PX_NO_DIGIT] > 0 && seen[PX_DIGIT] > 0 && seen[PX_TOO_LONG] > 0);
    /* the boundaries themselves, at max 160 */
    int ps[8], np = 0;
    for (int i = 0; i < p.d.n && np < 8; i++)
        if (px_meta_is_elem(&p.d.nodes[i], GUMBO_TAG_P))
            ps[np++] = i;
    assert_int_equal(np, 8);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[0], 160), PX_NO_DIGIT);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[1], 160), PX_TOO_LONG);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[2], 160), PX_DIGIT);
    /* a digit right after max bytes is seen before the text is too long */
    assert_int_equal(px_meta_has_digit(&p.scan, ps[3], 160), PX_DIGIT);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[3], 159), PX_TOO_LONG);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[4], 160), PX_NO_DIGIT);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[5], 160), PX_TOO_LONG);
    assert_int_equal(px_meta_has_digit(&p.scan, ps[6], 160), PX_NO_DIGIT);
    page_close(&p);
}

/* px_meta_text_first tells, without folding, the first byte of the text
 * px_meta_short_text would give when that byte is ASCII (0 for no text),
 * past white space, empty elements, scripts, styles and templates. The
 * author box's reader skips a line on its word, so a wrong answer loses
 * a byline. */
static void test_text_first(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><p>xxxx</p><p>  yyyy</p><p> \n <b> </b>About the author:</p>"
        "<p><script>var Z;</script>\t<i>zum</i> Autor</p><p>  </p><p><style>a{}</style></p>"
        "<p>\xc2\xa0\xc3\x9c" "ber den Autor</p><p>\xe2\x80\x94 Karin</p>"
        "<div><noscript>N</noscript><template>T</template>-- Jane</div><p>7 May 2021</p></body></html>";
    page p;
    page_open(&p, html);
    int seen = 0;
    for (int i = 0; i < p.d.n; i++) {
        char *t = px_meta_short_text(&p.scan, i, 400);
        assert_non_null(t);
        unsigned char first = px_meta_text_first(&p.scan, i);
        if (first < 0x80 && first != (unsigned char)t[0])
            fail_msg("node %d: first byte %#x for '%s'", i, first, t);
        seen += first && first < 0x80;
        px_free(&A, t);
    }
    assert_true(seen > 0);
    int ps[9], np = 0;
    for (int i = 0; i < p.d.n && np < 9; i++)
        if (px_meta_is_elem(&p.d.nodes[i], GUMBO_TAG_P))
            ps[np++] = i;
    assert_int_equal(np, 9);
    assert_int_equal(px_meta_text_first(&p.scan, ps[0]), 'x');
    assert_int_equal(px_meta_text_first(&p.scan, ps[1]), 'y');
    assert_int_equal(px_meta_text_first(&p.scan, ps[2]), 'A');
    assert_int_equal(px_meta_text_first(&p.scan, ps[3]), 'z'); /* the script's text is not shown */
    assert_int_equal(px_meta_text_first(&p.scan, ps[4]), 0);
    assert_int_equal(px_meta_text_first(&p.scan, ps[5]), 0);
    assert_int_equal(px_meta_text_first(&p.scan, ps[6]), 0xc2); /* a no-break space: not ASCII */
    assert_int_equal(px_meta_text_first(&p.scan, ps[7]), 0xe2);
    assert_int_equal(px_meta_text_first(&p.scan, ps[8]), '7');
    int div = -1;
    for (int i = 0; i < p.d.n; i++)
        if (px_meta_is_elem(&p.d.nodes[i], GUMBO_TAG_DIV))
            div = i;
    assert_int_equal(px_meta_text_first(&p.scan, div), '-'); /* noscript and template left out */
    page_close(&p);
}

int main(void)
{
    px_alloc_init(&A, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_families_apart),
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_elsewhere_exceptions),
        cmocka_unit_test(test_many_families),
        cmocka_unit_test(test_long_family),
        cmocka_unit_test(test_long_class),
        cmocka_unit_test(test_path_has),
        cmocka_unit_test(test_short_text),
        cmocka_unit_test(test_levels_any_order),
        cmocka_unit_test(test_has_digit),
        cmocka_unit_test(test_text_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
