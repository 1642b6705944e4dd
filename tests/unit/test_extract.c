/* Tests for src/extract.c through the public API: which part of a page is
 * kept (the container that wins, every section of a split article), what
 * is dropped (comments, author boxes, menus), and the page-wide fallback. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "page.h"
#include "pith.h"
#include "text_out.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

/* ------------------------------------------------------------------ */
/* px_block_value and px_is_good_para                                   */

/* ------------------------------------------------------------------ */
/* px_score on parsed pages                                             */

typedef struct page {
    px_page pg;
} page;

/* ------------------------------------------------------------------ */
/* The container choice, through the public API                         */

static const char *const PARAS[] = {
    "The city council voted on Tuesday to extend the harbour bike lane by another "
    "two kilometres, after a year in which the number of cyclists on the route doubled.",
    "Residents along the waterfront had asked for the extension since the first section "
    "opened, saying that riders were forced onto a busy road where the lane ended abruptly.",
    "Shop owners were divided: some feared the loss of parking spaces, while others said "
    "that cyclists stopped more often than drivers and spent more money in local stores.",
    "Construction is expected to start in the spring and to take about four months, "
    "during which the road will be narrowed to one lane in each direction.",
    "The council will publish the final plans next month, and residents will have six "
    "weeks to comment before work begins, the transport department said in a statement.",
};
#define NPARAS (sizeof PARAS / sizeof *PARAS)

/* Words from the boilerplate: none of them may reach the output. */
static const char *const LINKS_HTML =
    "<ul><li><a href=/a>Weather forecast for the weekend</a></li>"
    "<li><a href=/b>Top ten beaches in the region</a></li>"
    "<li><a href=/c>Mayor opens new library wing</a></li>"
    "<li><a href=/d>Local team wins the derby</a></li>"
    "<li><a href=/e>Traffic alert for the ring road</a></li></ul>";
static const char *const LINK_WORDS[] = {
    "Weather forecast", "Top ten beaches", "library wing", "derby", "ring road",
};

/* The page's text, title and status with the bundled rules. */
static void extract(const char *html, out *o)
{
    run(html, 0, o);
}

/* The same for a page built around PARAS, every one of which must be in
 * the text. */
static void extract_article(const char *html, out *o)
{
    extract(html, o);
    assert_int_equal(o->rc, PITH_OK);
    for (size_t i = 0; i < NPARAS; i++)
        assert_contains(o, PARAS[i]);
}

/* Appends printf output to a fixed page buffer. */
static void cat(char *buf, size_t cap, const char *fmt, ...)
{
    size_t n = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf + n, cap - n, fmt, ap);
    va_end(ap);
    assert_true(k >= 0 && (size_t)k < cap - n);
}

static void test_article_beats_sidebar_and_nav(void **state)
{
    (void)state;
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<!DOCTYPE html><html><head><title>Bike lanes</title></head><body>"
                           "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a>"
                           " <a href=/about>About us</a></nav>"
                           "<div class=layout><div id=article>");
    for (size_t i = 0; i < NPARAS; i++)
        cat(html, sizeof html, "<p>%s</p>", PARAS[i]);
    cat(html, sizeof html, "</div><div id=side><h3>Most popular</h3>%s</div></div></body></html>",
        LINKS_HTML);
    out o;
    extract_article(html, &o);
    for (size_t i = 0; i < sizeof LINK_WORDS / sizeof *LINK_WORDS; i++)
        assert_lacks(&o, LINK_WORDS[i]);
    assert_lacks(&o, "About us");
    assert_lacks(&o, "Most popular");
}

static void test_plain_link_list_is_not_content(void **state)
{
    (void)state;
    /* Same page, but the sidebar carries no telling class or tag: the
     * scores alone must keep it out. */
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<html><body><div><div>");
    for (size_t i = 0; i < NPARAS; i++)
        cat(html, sizeof html, "<p>%s</p>", PARAS[i]);
    cat(html, sizeof html, "</div><div>%s</div></div></body></html>", LINKS_HTML);
    out o;
    extract_article(html, &o);
    for (size_t i = 0; i < sizeof LINK_WORDS / sizeof *LINK_WORDS; i++)
        assert_lacks(&o, LINK_WORDS[i]);
}

/* A page's lists of documents under its headings (forms, schedules) are
 * its text, however their files are named: a PDF or a DOCX is no article
 * of the site. The same lists leading to pages with slugs are related
 * reading, and go. */
static void document_lists(const char *ext, out *o)
{
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<html><body><nav><a href=/>Home</a> <a href=/students/>Students</a></nav>"
                           "<div class=row><div class=col-md-9><h1>Exam entries</h1><p>%s</p>",
        PARAS[0]);
    cat(html, sizeof html,
        "<h2>Guidance</h2><ul><li><a href=/files/summer-series-key-dates%s>Summer series key dates</a></li>"
        "<li><a href=/files/rules-for-candidates-2027%s>Rules for candidates</a></li></ul>"
        "<h2>Forms</h2><ul><li><a href=/files/late-entry-request-form%s>Late entry request form</a></li>"
        "<li><a href=/files/special-consideration-form%s>Special consideration form</a></li></ul>"
        "<p>%s</p></div></div></body></html>",
        ext, ext, ext, ext, PARAS[1]);
    extract(html, o);
    assert_int_equal(o->rc, PITH_OK);
}

static void test_document_lists_are_content(void **state)
{
    (void)state;
    static const char *const docs[] = {"Summer series key dates", "Rules for candidates",
                                       "Late entry request form", "Special consideration form"};
    out o;
    document_lists(".pdf", &o);
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        assert_contains(&o, docs[i]);
    document_lists(".DOCX", &o);
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        assert_contains(&o, docs[i]);
    document_lists("/", &o);
    assert_contains(&o, PARAS[1]);
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        assert_lacks(&o, docs[i]);
}

/* The part of the article for subscribers that the page's JSON-LD names
 * (hasPart, not free, a cssSelector of one class) is text, though the
 * paywall rule drops its class; named any other way, or free, it goes. */
static void paid_part(const char *part, out *o)
{
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html,
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Bike lanes\",\"hasPart\":%s}</script></head>"
        "<body><article><h1>Bike lanes</h1><div class=story-body><p>%s</p><p>%s</p></div>"
        "<div class=paywall><p>%s</p></div></article></body></html>",
        part, PARAS[0], PARAS[1], PARAS[2]);
    extract(html, o);
    assert_int_equal(o->rc, PITH_OK);
    assert_contains(o, PARAS[0]);
}

static void test_paid_part_is_content(void **state)
{
    (void)state;
    out o;
    paid_part("{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":false,\"cssSelector\":\".paywall\"}", &o);
    assert_contains(&o, PARAS[2]);
    paid_part("[{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":\"False\",\"cssSelector\":\".paywall\"}]", &o);
    assert_contains(&o, PARAS[2]);
    paid_part("{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":true,\"cssSelector\":\".paywall\"}", &o);
    assert_lacks(&o, PARAS[2]);
    paid_part("{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":false,\"cssSelector\":\"div.paywall\"}", &o);
    assert_lacks(&o, PARAS[2]);
}

/* In running text split by <br>s, a line of elements alone is read by
 * the text rules as a block: a teaser line ("Also read:" and a linked
 * headline) goes, a line of the block's own words and a lone link stay. */
static void test_teaser_line_in_running_text(void **state)
{
    (void)state;
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<html><body><article id=dic_area>%s<br><br>%s<br><br>", PARAS[0], PARAS[1]);
    cat(html, sizeof html,
        "<strong>Also read:</strong> <a href=https://news.example/a/5521>Ferry fares rise in spring</a><br><br>"
        "<strong>Note:</strong> <em>the reading room is open to readers over fourteen</em><br><br>"
        "<a href=https://library.example/hours>library.example/hours</a><br><br>%s<br><br></article></body></html>",
        PARAS[2]);
    out o;
    extract(html, &o);
    assert_int_equal(o.rc, PITH_OK);
    for (size_t i = 0; i < 3; i++)
        assert_contains(&o, PARAS[i]);
    assert_lacks(&o, "Also read");
    assert_lacks(&o, "Ferry fares rise in spring");
    assert_contains(&o, "Note: the reading room is open to readers over fourteen");
    assert_contains(&o, "library.example/hours");
}

static void test_label_and_placeholder_lines_in_running_text(void **state)
{
    (void)state;
    /* A portal's <br>-split body: a bold teaser line of one element, the
     * placeholder of an embed standing after the embed's block, and the
     * editors' initials are lines of their own to the text rules; a bold
     * line of the text and a long line of its words stay. */
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<html><body><article id=detail>%s<br><br>%s<br><br>", PARAS[0], PARAS[1]);
    cat(html, sizeof html,
        "<strong>Read more: Ferry fares rise in spring</strong><br>"
        "<div class=embed><iframe src=https://video.example/e/1></iframe></div>\n"
        "[Gambas:Video 20detik]<br><br>"
        "<strong>The reading room is open to readers over fourteen.</strong><br><br>"
        "%s<br><br><strong>(riz/imk)</strong></article></body></html>",
        PARAS[2]);
    out o;
    extract(html, &o);
    assert_int_equal(o.rc, PITH_OK);
    for (size_t i = 0; i < 3; i++)
        assert_contains(&o, PARAS[i]);
    assert_lacks(&o, "Ferry fares rise in spring");
    assert_lacks(&o, "Gambas");
    assert_lacks(&o, "riz/imk");
    assert_contains(&o, "The reading room is open to readers over fourteen.");
}

static void test_split_article_keeps_every_section(void **state)
{
    (void)state;
    /* The article's sections are siblings with ad slots between them: no
     * one section holds the article, so the choice must take them all. */
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<html><body><header><a href=/>Daily Harbour</a></header><main>"
                           "<h1>Harbour bike lane to be extended</h1>");
    cat(html, sizeof html, "<section><p>%s</p><p>%s</p></section>", PARAS[0], PARAS[1]);
    cat(html, sizeof html, "<div class=ad-slot><span>Advertisement</span>"
                           "<a href=//ads.example/x>Cheap flights to the sun</a></div>");
    cat(html, sizeof html, "<section><p>%s</p><p>%s</p></section>", PARAS[2], PARAS[3]);
    cat(html, sizeof html, "<div class=advert><p>Advertisement</p></div>");
    cat(html, sizeof html, "<section><p>%s</p></section>", PARAS[4]);
    cat(html, sizeof html, "</main><aside>%s</aside></body></html>", LINKS_HTML);
    out o;
    extract_article(html, &o);
    assert_lacks(&o, "Advertisement");
    assert_lacks(&o, "Cheap flights");
    for (size_t i = 0; i < sizeof LINK_WORDS / sizeof *LINK_WORDS; i++)
        assert_lacks(&o, LINK_WORDS[i]);
    /* and in the order of the page */
    const char *p0 = strstr(o.text, PARAS[0]), *p2 = strstr(o.text, PARAS[2]);
    const char *p4 = strstr(o.text, PARAS[4]);
    assert_true(p0 < p2 && p2 < p4);
}

static void test_comments_are_dropped(void **state)
{
    (void)state;
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html, "<html><body><div class=page><article><h1>Harbour bike lane</h1>");
    for (size_t i = 0; i < NPARAS; i++)
        cat(html, sizeof html, "<p>%s</p>", PARAS[i]);
    cat(html, sizeof html,
        "</article><div class=comments><h3>2 comments</h3>"
        "<div class=comment><p>Finally! I have been riding this route to work for years, and "
        "the last stretch by the fish market is frankly dangerous at rush hour.</p></div>"
        "<div class=comment><p>What about the parking? Nobody asked the people who actually "
        "live on the waterfront, as usual, and now we will pay for it.</p></div>"
        "</div></div></body></html>");
    out o;
    extract_article(html, &o);
    assert_lacks(&o, "2 comments");
    assert_lacks(&o, "fish market");
    assert_lacks(&o, "parking?");
}

/* A short post whose author box holds more prose than the post: the box
 * is still an author box. Rules give way only to a node of several
 * paragraphs (an article under a wrong class), not to one bio paragraph. */
static void test_author_box_longer_than_post_is_dropped(void **state)
{
    (void)state;
    static char html[32768];
    html[0] = '\0';
    cat(html, sizeof html,
        "<html><body><article><h1>Episode 39</h1>"
        "<div class=entry-content><p>%s</p>"
        "<div class=author-box><p>Jane Roe has hosted the harbour podcast since 2015, "
        "after twenty years as a ferry captain, a harbour pilot and, for one short summer, the "
        "keeper of the north pier light. She writes about ships, tides and the people who work "
        "on the water, and she lives in the old town with two cats and a very old boat. Her "
        "first book, a history of the harbour's lighthouses, came out last spring and is "
        "sold in every bookshop along the quay.</p></div>"
        "</div></article></body></html>",
        PARAS[0]);
    out o;
    extract(html, &o);
    assert_int_equal(o.rc, PITH_OK);
    assert_contains(&o, PARAS[0]);
    assert_lacks(&o, "ferry captain");
}

static void test_menu_only_page_has_no_content(void **state)
{
    (void)state;
    static char html[8192];
    html[0] = '\0';
    cat(html, sizeof html, "<html><head><title>Daily Harbour</title></head><body>"
                           "<div><a href=/>Home</a> | <a href=/news>News</a> | "
                           "<a href=/sport>Sport</a> | <a href=/contact>Contact</a></div>"
                           "<div>%s</div></body></html>", LINKS_HTML);
    out o;
    extract(html, &o);
    assert_int_equal(o.rc, PITH_NO_CONTENT);
    assert_string_equal(o.text, "");
    assert_int_equal(o.err.code, PITH_NO_CONTENT);

    /* and a page that is nothing but a <nav> */
    extract("<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/a>About</a></li>"
            "</ul></nav></body></html>", &o);
    assert_int_equal(o.rc, PITH_NO_CONTENT);
    assert_string_equal(o.text, "");

    /* and an empty one */
    extract("", &o);
    assert_int_equal(o.rc, PITH_NO_CONTENT);
}

static void test_single_short_paragraph_fallback(void **state)
{
    (void)state;
    /* Too little text for any container to win: the page-wide fallback
     * still returns the one sentence, and not the links beside it. */
    out o;
    extract("<html><body><div><a href=/>Home</a> <a href=/about>About</a></div>"
            "<p>The meeting was moved to Thursday at noon.</p></body></html>", &o);
    assert_int_equal(o.rc, PITH_OK);
    assert_string_equal(o.text, "The meeting was moved to Thursday at noon.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_beats_sidebar_and_nav),
        cmocka_unit_test(test_plain_link_list_is_not_content),
        cmocka_unit_test(test_document_lists_are_content),
        cmocka_unit_test(test_paid_part_is_content),
        cmocka_unit_test(test_teaser_line_in_running_text),
        cmocka_unit_test(test_label_and_placeholder_lines_in_running_text),
        cmocka_unit_test(test_split_article_keeps_every_section),
        cmocka_unit_test(test_comments_are_dropped),
        cmocka_unit_test(test_author_box_longer_than_post_is_dropped),
        cmocka_unit_test(test_menu_only_page_has_no_content),
        cmocka_unit_test(test_single_short_paragraph_fallback),
    };
    return cmocka_run_group_tests_name("score", tests, setup, NULL);
}
