/* Tests for src/title.c through the public API: the title pith picks (the
 * <h1> that matches <title> or og:title, the site suffix removed, none when
 * nothing matches, never an SVG's title). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_out.h"

/* ------------------------------------------------------------------ */
/* The title                                                            */

static void page(const char *head, const char *b, out *o)
{
    static char html[16384];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><head>%s</head><body>%s</body></html>", head, b);
    run(html, 0, o);
    if (o->rc != PITH_OK)
        fail_msg("pith_extract: %d %s", o->rc, o->err.message);
}

static void test_title_h1_matching_title(void **state)
{
    (void)state;
    out o;
    /* two h1s: the one that agrees with <title> is the title, the other
     * stays in the text */
    page("<title>Harbour bike lane to be extended - Daily Harbour</title>",
         "<article><h1>Welcome</h1><h1>Harbour <em>bike lane</em> to be extended</h1>"
         LEAD_P LEAD_P "</article>", &o);
    assert_string_equal(o.title, "Harbour bike lane to be extended");
    assert_null(strstr(o.text, "to be extended"));
    same_text(o.text, "Welcome\n\n" LEAD "\n\n" LEAD);
}

static void test_title_h1_differs_slightly(void **state)
{
    (void)state;
    /* the h1 may word it a little differently from <title>: it is still
     * the article's headline, and it is taken as written */
    out o;
    page("<title>Council extends harbour bike lane | Daily Harbour</title>",
         "<article><h1>Council extends the harbour bike lane</h1>" LEAD_P LEAD_P "</article>", &o);
    assert_string_equal(o.title, "Council extends the harbour bike lane");
    same_text(o.text, LEAD "\n\n" LEAD);
}

static void test_title_og_when_no_h1_matches(void **state)
{
    (void)state;
    out o;
    page("<title>Daily Harbour</title>"
         "<meta property=\"og:title\" content=\"Council extends the  harbour bike lane\">",
         "<article><h1>Latest news</h1>" LEAD_P LEAD_P "</article>", &o);
    assert_string_equal(o.title, "Council extends the harbour bike lane");
    /* the h1 was not the title, so it is part of the text */
    same_text(o.text, "Latest news\n\n" LEAD "\n\n" LEAD);
}

static void test_title_h1_matching_og(void **state)
{
    (void)state;
    out o;
    page("<title>Daily Harbour</title>"
         "<meta property=\"og:title\" content=\"Council extends harbour bike lane\">",
         "<article><h1>The council extends harbour bike lane</h1>" LEAD_P LEAD_P "</article>", &o);
    assert_string_equal(o.title, "The council extends harbour bike lane");
    same_text(o.text, LEAD "\n\n" LEAD);
}

static void test_title_site_suffix_removed(void **state)
{
    (void)state;
    static const struct {
        const char *title, *want;
    } cases[] = {
        {"Harbour bike lane to be extended - Daily Harbour", "Harbour bike lane to be extended"},
        {"Harbour bike lane to be extended | Daily Harbour", "Harbour bike lane to be extended"},
        {"Harbour bike lane to be extended \xE2\x80\x94 Daily Harbour",
         "Harbour bike lane to be extended"},
        {"Harbour bike lane to be extended", "Harbour bike lane to be extended"},
        /* a hyphen inside the headline is not a separator */
        {"Harbour bike-lane plan approved", "Harbour bike-lane plan approved"},
        /* entities and white space are cleaned */
        {"Fish &amp; chips\n  return - Daily Harbour", "Fish & chips return"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char head[512];
        snprintf(head, sizeof head, "<title>%s</title>", cases[i].title);
        out o;
        page(head, "<article>" LEAD_P LEAD_P "</article>", &o);
        if (strcmp(o.title, cases[i].want))
            fail_msg("<title>%s</title>: want '%s', got '%s'", cases[i].title, cases[i].want,
                     o.title);
    }
}

static void test_no_title(void **state)
{
    (void)state;
    out o;
    page("", "<article>" LEAD_P LEAD_P "</article>", &o);
    assert_string_equal(o.title, "");
}

static void test_svg_title_is_not_page_title(void **state)
{
    (void)state;
    out o;
    page("", "<header><a href=/share><svg><title>Facebook</title><path d=''/></svg></a></header>"
             "<article>" LEAD_P LEAD_P "</article>", &o);
    assert_string_equal(o.title, "");
}

/* ------------------------------------------------------------------ */
/* The site's name taken off the title (issue 16)                       */

#define PARA "<p>The harbour authority opened the new northern quay on Tuesday, after three years " \
             "of dredging and construction work that cost far more than anyone had planned.</p>"

static void title_is(const char *head, const char *body, const char *url, const char *want)
{
    static char html[8192];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><head>%s</head><body>%s<article>" PARA PARA
             "</article></body></html>", head, body);
    pith_extractor *ex = pith_extractor_new(NULL, NULL);
    assert_non_null(ex);
    pith_result *r = NULL;
    assert_int_equal(pith_extract(ex, html, strlen(html), NULL, url, &r, NULL), PITH_OK);
    if (strcmp(pith_result_title(r), want))
        fail_msg("title '%s', want '%s'", pith_result_title(r), want);
    pith_result_free(r);
    pith_extractor_free(ex);
}

/* og:site_name, at the end or the start, also as the head of a longer
 * segment ("AOC media - Analyse Opinion Critique"). */
static void test_site_name(void **state)
{
    (void)state;
    title_is("<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
             "<meta property=\"og:title\" content=\"Quay opens at last - Harbour Gazette\">", "", NULL,
             "Quay opens at last");
    title_is("<meta property=\"og:site_name\" content=\"AOC media\">"
             "<title>Quay opens at last | AOC media - Analyse Opinion Critique</title>", "", NULL,
             "Quay opens at last");
    title_is("<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
             "<title>Harbour Gazette | Quay opens at last</title>", "", NULL, "Quay opens at last");
    /* WordPress Kubrick: the blog's name, then its archive's label */
    title_is("<title>Millbrook Model Railway Club &raquo; Blog Archive &raquo; Layout open day raises &pound;640</title>",
             "<h1><a href=\"http://millbrookmrc.org.uk/\">Millbrook Model Railway Club</a></h1>",
             "http://millbrookmrc.org.uk/2024/03/12/layout-open-day/", "Layout open day raises \xc2\xa3" "640");
    title_is("<title>Archive</title>", "", NULL, "Archive");
}

/* The name in the host when the page gives no site name. */
static void test_host(void **state)
{
    (void)state;
    title_is("<title>Quay opens at last - La Stampa</title>", "", "https://www.lastampa.it/x/1",
             "Quay opens at last");
    title_is("<title>Quay opens at last - La Stampa</title>", "", "https://WWW.LaStampa.IT/x/1",
             "Quay opens at last");
    /* accents folded as the host writes them */
    title_is("<title>Quay opens at last - Erzbistum Köln</title>", "", "https://www.erzbistum-koeln.de/x",
             "Quay opens at last");
    /* neither www nor the top-level domain is the site's name */
    title_is("<meta property=\"og:title\" content=\"Quay opens - Www\">", "", "https://www.harbour.it/",
             "Quay opens - Www");
    title_is("<meta property=\"og:title\" content=\"Quay opens - Italia\">", "", "https://harbour.it/",
             "Quay opens - Italia");
    title_is("<meta property=\"og:title\" content=\"Quay opens - Biathlon Antholz\">", "",
             "https://biathlon-antholz.it/news", "Quay opens");
    /* a segment that is not the site stays */
    title_is("<meta property=\"og:title\" content=\"Quay opens - a long wait ends\">", "",
             "https://harbour.example/news", "Quay opens - a long wait ends");
    /* the site's name alone is left as it is: nothing better is known */
    title_is("<meta property=\"og:title\" content=\"La Stampa\">", "", "https://www.lastampa.it/",
             "La Stampa");
}

/* A kicker and its headline parted by a hidden dash stay two phrases. */
static void test_kicker(void **state)
{
    (void)state;
    title_is("<title>Zoonosen: wie Epidemien entstehen</title>",
             "<h1><span>Zoonosen</span><span aria-hidden=\"true\"> – </span>"
             "<span>wie Epidemien entstehen</span></h1>", NULL, "Zoonosen wie Epidemien entstehen");
}

/* ------------------------------------------------------------------ */
/* The headline inside the article when the title fields disagree       */

/* An h1 that is the JSON-LD headline, where og:title and <title> word it
 * otherwise (9to5mac); an h2 that agrees with <title> under a logo's h1
 * (muffinrezept.net: "Muffin Grundrezept : Muffin Rezepte"). */
static void test_heading_agrees_with_a_field(void **state)
{
    (void)state;
    title_is("<title>Quay sale from $700 - Harbour Gazette</title>"
             "<meta property=\"og:title\" content=\"Quay sale from $700\">"
             "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
             "\"Harbour discounts quay berths from $700, cranes and more\"}</script>",
             "<h1 class=\"post-title\">Harbour discounts quay berths from $700, cranes and more</h1>",
             NULL, "Harbour discounts quay berths from $700, cranes and more");
    title_is("<title>Muffin Grundrezept : Muffin Rezepte</title>",
             "<h1 class=\"logo\">Muffin Rezepte</h1><h2>Muffin Grundrezept</h2>", NULL,
             "Muffin Grundrezept");
    /* a date inside the heading is not part of the headline */
    title_is("<meta property=\"og:title\" content=\"Montauk at the end of the world\">",
             "<h1>Blog</h1><h2 class=\"entry-title\"><time datetime=\"2019-06-17\">Jun 17 </time>"
             "Montauk, at the end of the world</h2>", NULL, "Montauk, at the end of the world");
}

/* A page builder's title block, no heading: the block's line of text,
 * not <title> with its section and catalogue (uCoz's "eTitle"); never a
 * section that holds the title among other lines. */
static void test_title_block(void **state)
{
    (void)state;
    title_is("<title>Winter pike on the lake - Ice fishing - Articles - Lake Anglers</title>",
             "<div class=\"eTitle\">Winter pike on the lake</div>", NULL, "Winter pike on the lake");
    title_is("<title>Winter pike on the lake - Ice fishing - Articles - Lake Anglers</title>"
             "<meta property=\"og:title\" content=\"Winter pike on the lake\">",
             "<div class=\"section-documentTitle\"><div>Trips</div><div>Winter pike on the lake</div>"
             "<div>Mia, 2023</div></div>",
             NULL, "Winter pike on the lake");
}

/* No field agrees: the h1 that opens the article is what a reader sees
 * (chorknaben-ulm.de: "Chorgeschichte" under <title>"Geschichte - …"),
 * against og:title only when it reads as a headline (slate.com), never a
 * section's name ("Latest news", test_title_og_when_no_h1_matches). */
static void test_h1_opening_the_article(void **state)
{
    (void)state;
    title_is("<title>Geschichte - St. Georgs Chorknaben</title>",
             "<nav><a href=\"/\">Start</a></nav><article><h1>Chorgeschichte</h1>" PARA PARA "</article>",
             NULL, "Chorgeschichte");
    title_is("<title>Ford's books are back, but how did he fall into obscurity?</title>"
             "<meta property=\"og:title\" content=\"The resurrection of a writer you never read\">",
             "<article><p class=\"kicker\">Wide Angle</p><h1>The Disappearance of John M. Ford</h1>"
             PARA PARA "</article>", NULL, "The Disappearance of John M. Ford");
    /* an h1 far down the article is one of its headings */
    title_is("<title>Home</title>", "<article>" PARA PARA PARA "<h1>Opening hours</h1>" PARA "</article>",
             NULL, "Home");
}

/* A kicker in the headline goes: a section glued before a separator that
 * the markup's headline leaves out (twincities.com), a "topline" element
 * (hessenschau.de); a separator the rules hid comes back from the markup
 * (tagesanzeiger.ch). */
static void test_kicker_goes(void **state)
{
    (void)state;
    title_is("<meta property=\"og:title\" content=\"St. Louis Park elects a new mayor\">",
             "<h1 class=\"entry-title\"><div class=\"entry-section\"><a href=\"/news/politics/\">"
             "Politics | </a></div><span>St. Louis Park elects a new mayor</span></h1>",
             NULL, "St. Louis Park elects a new mayor");
    title_is("<meta property=\"og:title\" content=\"Mint as a comfort \xe2\x80\x93 a report from prison\">",
             "<nav><h1>Mint as a comfort \xe2\x80\x93 a report from prison</h1></nav><article><h2>"
             "<span class=\"c-contentHeader__topline\">At the book fair</span> <span>Mint as a "
             "comfort \xe2\x80\x93 a report from prison</span></h2>" PARA "</article>",
             NULL, "Mint as a comfort \xe2\x80\x93 a report from prison");
    title_is("<meta property=\"og:title\" content=\"Zoonosen \xe2\x80\x93 wie Epidemien entstehen\">",
             "<h1><span>Zoonosen</span><span aria-hidden=\"true\"> \xe2\x80\x93 </span>"
             "<span>wie Epidemien entstehen</span></h1>", NULL,
             "Zoonosen \xe2\x80\x93 wie Epidemien entstehen");
    /* the same words in another case are the markup's, not the page's */
    title_is("<meta property=\"og:title\" content=\"ZOONOSEN \xe2\x80\x93 WIE EPIDEMIEN ENTSTEHEN\">",
             "<h1><span>Zoonosen</span><span aria-hidden=\"true\"> \xe2\x80\x93 </span>"
             "<span>wie Epidemien entstehen</span></h1>", NULL, "Zoonosen wie Epidemien entstehen");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_h1_matching_title),
        cmocka_unit_test(test_title_h1_differs_slightly),
        cmocka_unit_test(test_title_og_when_no_h1_matches),
        cmocka_unit_test(test_title_h1_matching_og),
        cmocka_unit_test(test_title_site_suffix_removed),
        cmocka_unit_test(test_no_title),
        cmocka_unit_test(test_svg_title_is_not_page_title),
        cmocka_unit_test(test_site_name),
        cmocka_unit_test(test_host),
        cmocka_unit_test(test_kicker),
        cmocka_unit_test(test_heading_agrees_with_a_field),
        cmocka_unit_test(test_title_block),
        cmocka_unit_test(test_h1_opening_the_article),
        cmocka_unit_test(test_kicker_goes),
    };
    return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
