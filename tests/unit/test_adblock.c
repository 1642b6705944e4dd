/* Unit tests for src/adblock_parse.c and src/adblock_match.c: every line
 * form of Adblock Plus / uBlock Origin element hiding, the forms skipped
 * (and counted), the selector subset and what lies outside it, domains,
 * exceptions, $generichide and $elemhide, and through the public API the
 * drop itself, the guard over the article's prose and --explain. The lists
 * are written here; no line comes from EasyList. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "adblock.h"
#include "parse.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

static px_adblock *load(const char *list)
{
    px_adblock *ab = px_adblock_new(&A);
    assert_non_null(ab);
    assert_int_equal(px_adblock_parse(ab, "t.txt", list, strlen(list)), PITH_OK);
    assert_int_equal(px_adblock_finish(ab), PITH_OK);
    return ab;
}

/* The line of the rule in list that hides the element labelled
 * data-t=label in html on the page at url (NULL: unknown), or 0. */
static int hit_in(const px_adblock *ab, const char *html, const char *url, const char *label)
{
    px_doc d;
    pith_error err = {0, ""};
    assert_int_equal(px_parse(&d, &A, html, strlen(html), 0, &err), PITH_OK);
    int at = -1;
    for (int i = 0; i < d.n && at < 0; i++) {
        const char *v = px_attr(&d.nodes[i], "data-t");
        if (v && !strcmp(v, label))
            at = i;
    }
    if (at < 0)
        fail_msg("no element labelled '%s'", label);
    px_ab_page pg;
    px_adblock_page(ab, url, &pg);
    int r = px_adblock_match(ab, &pg, &d, at), line = 0;
    if (r >= 0) {
        char where[64];
        px_adblock_where(ab, r, where, sizeof where);
        assert_int_equal(strncmp(where, "t.txt:", 6), 0);
        line = atoi(where + 6);
    }
    px_doc_free(&d);
    return line;
}

static int hit(const char *list, const char *html, const char *url, const char *label)
{
    px_adblock *ab = load(list);
    int line = hit_in(ab, html, url, label);
    px_adblock_free(ab);
    return line;
}

static void test_counts(void **state)
{
    (void)state;
    static const char list[] =
        "[Adblock Plus 2.0]\n"
        "! a comment\n"
        "\n"
        "##.generic\n"                       /* generic */
        "###by-id\n"                         /* generic */
        "a.com,~b.a.com##.site\n"            /* site */
        "~c.com##.not-on-c\n"                /* generic with an exclusion */
        "a.com#@#.generic\n"                 /* exception */
        "#@#.everywhere\n"                   /* exception */
        "@@||quiet.org^$generichide\n"       /* generichide */
        "@@||silent.org^$elemhide\n"         /* generichide (elemhide) */
        "||ads.example.net^$third-party\n"   /* network */
        "/banner/*/img^\n"                   /* network */
        "@@||ok.com/path/x^$generichide\n"   /* network: a path, not a site */
        "a.com#?#.x:-abp-has(.y)\n"          /* procedural */
        "##.x:-abp-contains(Ad)\n"           /* procedural */
        "##.x:has-text(Sponsored)\n"         /* procedural */
        "##+js(set-constant, x, 1)\n"        /* procedural */
        "a.com#$#abort-on-property-read x\n" /* procedural */
        "##div:has(> .ad)\n"                 /* procedural */
        "##p + .adj\n"                       /* selector */
        "##div ~ .adj\n"                     /* selector */
        "##.x::before\n"                     /* selector */
        "##li:nth-child(2)\n"                /* selector */
        "##[data-x|=\"en\"]\n"               /* selector */
        "##.a, p + .b\n";                    /* selector: one bad part skips all */
    px_adblock *ab = load(list);
    const size_t want[AB_COUNT_MAX] = {
        [AB_GENERIC] = 3, [AB_SITE] = 1, [AB_EXCEPTION] = 2, [AB_GENERICHIDE] = 2,
        [AB_SKIP_NETWORK] = 3, [AB_SKIP_PROCEDURAL] = 6, [AB_SKIP_SELECTOR] = 6};
    for (int k = 0; k < AB_COUNT_MAX; k++)
        assert_int_equal(px_adblock_count(ab, -1, (px_ab_count)k), want[k]);
    assert_int_equal(px_adblock_count(ab, 0, AB_GENERIC), 3);
    assert_int_equal(px_adblock_files(ab), 1);
    assert_string_equal(px_adblock_file_name(ab, 0), "t.txt");
    px_adblock_free(ab);
}

static const char page[] =
    "<body><div class='wrap main' id=outer data-t=outer>"
    "<div class='ad-box big' data-t=box>x</div>"
    "<div id='sidebar-ad' data-t=side>x</div>"
    "<section><p class='promo' data-t=deep>x</p></section>"
    "<p class='promo keep' data-t=kept>x</p>"
    "<a href='https://ads.example.net/click?id=1' data-t=link>x</a>"
    "<a href='https://news.example.org/story' data-t=story>x</a>"
    "<img src='/img/banner-728.png' data-t=img alt=''>"
    "<ins data-slot='top' class=adsbygoogle data-t=ins>x</ins>"
    "<my-widget data-t=custom>x</my-widget>"
    "<div class='md:block' data-t=escaped>x</div>"
    "</div><div class=promo data-t=top>x</div></body>";

static void test_selectors(void **state)
{
    (void)state;
    static const char list[] =
        "##.ad-box\n"                         /* 1 one class */
        "###sidebar-ad\n"                     /* 2 one id */
        "##.wrap.main\n"                      /* 3 compound classes */
        "##a[href^=\"https://ads.\"]\n"       /* 4 ^= */
        "##img[src$=\"-728.png\"]\n"          /* 5 $= */
        "##ins[data-slot]\n"                  /* 6 bare attribute */
        "##my-widget\n"                       /* 7 a tag Gumbo does not know */
        "##.md\\:block\n"                     /* 8 an escaped identifier */
        "##.wrap section > .promo:not(.keep)\n"; /* 9 combinators and :not */
    assert_int_equal(hit(list, page, NULL, "box"), 1);
    assert_int_equal(hit(list, page, NULL, "side"), 2);
    assert_int_equal(hit(list, page, NULL, "outer"), 3);
    assert_int_equal(hit(list, page, NULL, "link"), 4);
    assert_int_equal(hit(list, page, NULL, "story"), 0);
    assert_int_equal(hit(list, page, NULL, "img"), 5);
    assert_int_equal(hit(list, page, NULL, "ins"), 6);
    assert_int_equal(hit(list, page, NULL, "custom"), 7);
    assert_int_equal(hit(list, page, NULL, "escaped"), 8);
    assert_int_equal(hit(list, page, NULL, "deep"), 9);
    /* :not(.keep), and .promo outside .wrap section, and not a child. */
    assert_int_equal(hit(list, page, NULL, "kept"), 0);
    assert_int_equal(hit(list, page, NULL, "top"), 0);
    assert_int_equal(hit("##.wrap > .promo\n", page, NULL, "deep"), 0);
    assert_int_equal(hit("##.wrap .promo\n", page, NULL, "deep"), 1);
    assert_int_equal(hit("##a[href*=\"ads.example\"]\n", page, NULL, "link"), 1);
    assert_int_equal(hit("##a[href*=\"ads.example\"]\n", page, NULL, "story"), 0);
    assert_int_equal(hit("##a[href=\"https://ads.example.net/click?id=1\"]\n", page, NULL, "link"), 1);
    assert_int_equal(hit("##a[href=\"https://ads.example.net/click\"]\n", page, NULL, "link"), 0);
    /* A selector list: either part. */
    assert_int_equal(hit("##.nothing, .ad-box\n", page, NULL, "box"), 1);
    /* Classes and ids are case-sensitive; tags are not. */
    assert_int_equal(hit("##.AD-BOX\n", page, NULL, "box"), 0);
    assert_int_equal(hit("##DIV.ad-box\n", page, NULL, "box"), 1);
    /* A class is a whole word of the attribute. */
    assert_int_equal(hit("##.ad\n", page, NULL, "box"), 0);
}

static void test_skipped_never_match(void **state)
{
    (void)state;
    static const char *const lists[] = {
        "##.ad-box:has-text(x)\n", "##.ad-box:-abp-contains(x)\n", "#?#.ad-box\n",
        "##div:nth-child(2)\n",    "##.wrap ~ .ad-box\n",          "##div + .ad-box\n",
        "##.ad-box::after\n",      "#$#.ad-box { display: none }\n", "##.ad-box, p ~ p\n",
        "##+js(nowebrtc)\n",       "##[class~=\"big\"]\n",
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        if (hit(lists[i], page, NULL, "box"))
            fail_msg("skipped form matched: %s", lists[i]);
}

static void test_domains(void **state)
{
    (void)state;
    static const char list[] =
        "a.com,~b.a.com##.ad-box\n" /* 1 */
        "~c.com##.promo\n"          /* 2 */
        "shop.*##.wrap\n";          /* 3 */
    /* Site-specific rules need the URL. */
    assert_int_equal(hit(list, page, NULL, "box"), 0);
    assert_int_equal(hit(list, page, "https://a.com/x", "box"), 1);
    assert_int_equal(hit(list, page, "https://www.A.com:8080/x", "box"), 1);
    assert_int_equal(hit(list, page, "http://user@news.a.com/", "box"), 1);
    assert_int_equal(hit(list, page, "https://b.a.com/", "box"), 0);
    assert_int_equal(hit(list, page, "https://x.b.a.com/", "box"), 0);
    assert_int_equal(hit(list, page, "https://nota.com/", "box"), 0);
    assert_int_equal(hit(list, page, "/relative/path", "box"), 0);
    /* Only exclusions: generic, except there. */
    assert_int_equal(hit(list, page, NULL, "top"), 2);
    assert_int_equal(hit(list, page, "https://d.com/", "top"), 2);
    assert_int_equal(hit(list, page, "https://www.c.com/", "top"), 0);
    /* example.*: any suffix. */
    assert_int_equal(hit(list, page, "https://shop.de/", "outer"), 3);
    assert_int_equal(hit(list, page, "https://www.shop.co.uk/", "outer"), 3);
    assert_int_equal(hit(list, page, "https://shopping.de/", "outer"), 0);
}

static void test_exceptions(void **state)
{
    (void)state;
    static const char list[] =
        "##.ad-box\n"         /* 1 */
        "a.com#@#.ad-box\n"   /* 2 */
        "###sidebar-ad\n"     /* 3 */
        "#@##sidebar-ad\n";   /* 4: everywhere */
    assert_int_equal(hit(list, page, NULL, "box"), 1);
    assert_int_equal(hit(list, page, "https://z.com/", "box"), 1);
    assert_int_equal(hit(list, page, "https://a.com/", "box"), 0);
    assert_int_equal(hit(list, page, "https://m.a.com/", "box"), 0);
    assert_int_equal(hit(list, page, NULL, "side"), 0);
    assert_int_equal(hit(list, page, "https://z.com/", "side"), 0);
}

static void test_generichide(void **state)
{
    (void)state;
    static const char list[] =
        "##.ad-box\n"                   /* 1 */
        "quiet.org##.promo\n"           /* 2 */
        "@@||quiet.org^$generichide\n"  /* 3 */
        "silent.org##.promo\n"          /* 4 */
        "@@||silent.org^$elemhide\n";   /* 5 */
    assert_int_equal(hit(list, page, "https://quiet.org/", "box"), 0);
    assert_int_equal(hit(list, page, "https://www.quiet.org/", "box"), 0);
    assert_int_equal(hit(list, page, "https://quiet.org/", "top"), 2);
    assert_int_equal(hit(list, page, "https://loud.org/", "box"), 1);
    assert_int_equal(hit(list, page, NULL, "box"), 1);
    assert_int_equal(hit(list, page, "https://silent.org/", "top"), 0);
    assert_int_equal(hit(list, page, "https://silent.org/", "box"), 0);
}

/* Descendant chains on a deep page stay within their step budget: the
 * answer comes, and it is "no match" rather than a wrong match. */
static void test_deep_chain(void **state)
{
    (void)state;
    enum { DEPTH = 400 };
    char *html = malloc(DEPTH * 40 + 64);
    assert_non_null(html);
    size_t n = 0;
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)sprintf(html + n, "<div class=a>");
    n += (size_t)sprintf(html + n, "<p class=b data-t=leaf>x</p>");
    html[n] = '\0';
    assert_int_equal(hit("##.c .a .a .a .a .a .a .b\n", html, NULL, "leaf"), 0);
    assert_int_equal(hit("##.a .a .a .b\n", html, NULL, "leaf"), 1);
    free(html);
}

/* The cache: a saved set comes back matching as the list did, under its
 * key only; a damaged or cut file is not used. */
static void test_cache(void **state)
{
    (void)state;
    static const char list[] =
        "##.ad-box\n"                      /* 1 */
        "a.com##.promo\n"                  /* 2 */
        "a.com#@#.ad-box\n"                /* 3 */
        "@@||quiet.org^$generichide\n"     /* 4 */
        "##a[href^=\"https://ads.\"]\n"    /* 5 */
        "##.wrap section > .promo:not(.keep)\n"; /* 6 */
    char path[] = "/tmp/pith-test-adblock-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    px_adblock *ab = load(list);
    assert_int_equal(px_adblock_save(ab, path, "key one"), 0);
    px_adblock *back = px_adblock_load(&A, path, "key one");
    assert_non_null(back);
    static const struct { const char *url, *label; } cases[] = {
        {NULL, "box"}, {"https://a.com/", "box"}, {"https://a.com/", "top"}, {NULL, "top"},
        {"https://quiet.org/", "box"}, {NULL, "link"}, {NULL, "deep"}, {NULL, "kept"}, {NULL, "story"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(hit_in(back, page, cases[i].url, cases[i].label),
                         hit_in(ab, page, cases[i].url, cases[i].label));
    assert_int_equal(hit_in(back, page, NULL, "link"), 5);
    assert_int_equal(px_adblock_count(back, 0, AB_GENERIC), 3);
    assert_string_equal(px_adblock_file_name(back, 0), "t.txt");
    px_adblock_free(back);
    assert_null(px_adblock_load(&A, path, "key two"));
    /* Damage one byte in the middle, then cut the file. */
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size / 2, SEEK_SET);
    int c = fgetc(f);
    fseek(f, size / 2, SEEK_SET);
    fputc(c ^ 0x5a, f);
    fclose(f);
    assert_null(px_adblock_load(&A, path, "key one"));
    assert_int_equal(px_adblock_save(ab, path, "key one"), 0);
    assert_int_equal(truncate(path, size - 3), 0);
    assert_null(px_adblock_load(&A, path, "key one"));
    assert_null(px_adblock_load(&A, "/nonexistent/cache.bin", "key one"));
    remove(path);
    px_adblock_free(ab);
}

/* Through the public API: a match is dropped from the text; a list that
 * hides the article's prose cannot empty it; --explain names the line. */
static void test_api(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><article><h1>Heading</h1>"
        "<p>The first paragraph of the story, long enough to be prose, with a few more words "
        "so that the extractor keeps it as the article.</p>"
        "<div class='xq-slot'>BUY THINGS NOW</div>"
        "<p>Readers may want the <strong><a href='https://aff.example/x'>new laptop</a></strong> "
        "that the story mentions, which is a link inside a sentence of the text.</p>"
        "<div><span class='xq-label'>QQ LABEL</span></div>"
        "<p>The second paragraph of the story, long enough to be prose as well, and again a "
        "few more words for good measure here.</p>"
        "<p>The third paragraph goes on with the story, since the guard over the prose looks "
        "only at pages with a fair amount of it, and this one should have enough by now.</p>"
        "<p>The fourth and last paragraph closes the story with a sentence or two, so that "
        "the whole of it runs well past four hundred characters of prose.</p>"
        "<p>A fifth paragraph, for safety, adds some more sentences of plain prose to the "
        "story, which now holds well over the amount the guard asks for.</p>"
        "</article></body></html>";
    static const char list[] =
        "! test\n##.xq-slot\n##article\n##a[href^=\"https://aff.example/\"]\n##.xq-label\n";
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    assert_int_equal(pith_options_add_adblock(o, "mine.txt", list, strlen(list), &err), PITH_OK);
    pith_options_set_flags(o, PITH_EXPLAIN);
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    assert_non_null(ex);
    pith_result *r = NULL;
    assert_int_equal(pith_extract(ex, html, strlen(html), NULL, NULL, &r, &err), PITH_OK);
    const char *text = pith_result_text(r, NULL);
    assert_null(strstr(text, "BUY THINGS"));
    assert_non_null(strstr(text, "The first paragraph"));
    assert_non_null(strstr(text, "The second paragraph"));
    /* A link inside a sentence stays (its words are the sentence's); a
     * label alone in its block goes. */
    assert_non_null(strstr(text, "want the new laptop that"));
    assert_null(strstr(text, "QQ LABEL"));
    const char *ex_trace = pith_result_explain(r);
    assert_non_null(strstr(ex_trace, "drop_by=adblock:mine.txt:2"));
    /* The article itself matched, and the guard kept it. */
    const char *art = strstr(ex_trace, "drop_by=adblock:mine.txt:3");
    assert_non_null(art);
    const char *eol = strchr(art, '\n');
    assert_non_null(eol);
    assert_true(eol - art > 4 && !memcmp(eol - 4, "ROOT", 4));
    assert_non_null(strstr(ex_trace, "# adblock mine.txt: generic=4"));
    pith_result_free(r);
    pith_extractor_free(ex);

    o = pith_options_new(NULL);
    assert_int_equal(pith_options_add_adblock_file(o, "/nonexistent/list.txt", &err), PITH_ERR_RULES);
    assert_non_null(strstr(err.message, "/nonexistent/list.txt"));
    pith_options_free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_counts, setup),
        cmocka_unit_test_setup(test_selectors, setup),
        cmocka_unit_test_setup(test_skipped_never_match, setup),
        cmocka_unit_test_setup(test_domains, setup),
        cmocka_unit_test_setup(test_exceptions, setup),
        cmocka_unit_test_setup(test_generichide, setup),
        cmocka_unit_test_setup(test_deep_chain, setup),
        cmocka_unit_test_setup(test_cache, setup),
        cmocka_unit_test_setup(test_api, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
