/* Tests for src/meta_site.c: the site's name from the markup, from the
 * <title> segment the page confirms (masthead and logo, application-name,
 * the copyright line, the host), a publisher's legal name after them, a
 * blog platform's name only when the page names nothing else; and the
 * title that is not the site's name (title.c's check). Through the public
 * API, as a user gets them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "meta_impl.h"
#include "pith.h"

#define PARA                                                                            \
    "<p>The city council voted on Tuesday to extend the harbour bike lane by another "  \
    "two kilometres, after a year in which the number of riders doubled.</p>"

static pith_extractor *ex;

/* The site name pith gives for a page made of head and body (an article
 * is added after body, footer after it), at url (or none); the title
 * into title when asked. */
static const char *site_of(const char *head, const char *body, const char *footer, const char *url,
                           char *title, size_t tcap)
{
    static char html[65536], got[512];
    snprintf(html, sizeof html,
             "<!DOCTYPE html><html><head>%s</head><body>%s<article>" PARA PARA PARA
             "</article>%s</body></html>",
             head, body, footer ? footer : "");
    pith_result *r = NULL;
    pith_error err = {0, ""};
    int rc = pith_extract(ex, html, strlen(html), NULL, url, &r, &err);
    if (rc != PITH_OK)
        fail_msg("pith_extract: %d %s", rc, err.message);
    const char *s = pith_result_meta(r, PITH_META_SITE_NAME, 0);
    snprintf(got, sizeof got, "%s", s ? s : "(none)");
    if (title)
        snprintf(title, tcap, "%s", pith_result_title(r) ? pith_result_title(r) : "(none)");
    pith_result_free(r);
    return got;
}

static const char *site(const char *head, const char *body, const char *footer, const char *url)
{
    return site_of(head, body, footer, url, NULL, 0);
}

#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

/* og:site_name stays the answer, whatever the title and masthead say. */
static void test_og_site_name_first(void **state)
{
    (void)state;
    assert_string_equal(site("<title>Bike lane extended | Harbour Gazette</title>"
                             "<meta property=\"og:site_name\" content=\"The Harbour Gazette\">",
                             "<p class=\"site-title\">Harbour Gazette</p>", NULL, NULL),
                        "The Harbour Gazette");
    /* an address or a handle is no name: the page's evidence instead */
    assert_string_equal(site("<title>Bike lane extended | Harbour Gazette</title>"
                             "<meta property=\"og:site_name\" content=\"https://harbourgazette.com/\">",
                             "<p class=\"site-title\">Harbour Gazette</p>", NULL, NULL),
                        "Harbour Gazette");
}

/* The title's suffix or prefix, confirmed by the masthead. */
static void test_title_segment_masthead(void **state)
{
    (void)state;
    assert_string_equal(site("<title>Bike lane extended by two kilometres | Two Stroke Diaries</title>",
                             "<a class=\"site-title\" href=\"/\">Two Stroke Diaries</a>", NULL, NULL),
                        "Two Stroke Diaries");
    /* the logo image's alt in a link to the home page */
    assert_string_equal(site("<title>Bike lane extended - The Cedar Falls Courier</title>",
                             "<div id=\"top\"><a href=\"/\"><img src=\"/m.png\" "
                             "alt=\"The Cedar Falls Courier\"></a></div>",
                             NULL, NULL),
                        "The Cedar Falls Courier");
    /* a prefix: "Blog Name: Post" */
    assert_string_equal(site("<title>Kitchen Table Chronicles: Sourdough starter, week two</title>",
                             "<div class=\"blog-title\">Kitchen Table Chronicles</div>", NULL, NULL),
                        "Kitchen Table Chronicles");
    /* a segment nothing confirms is not taken */
    assert_string_equal(site("<title>Bike lane extended | Harbour Gazette</title>",
                             "<p class=\"intro\">Harbour Gazette</p>", NULL, NULL),
                        "(none)");
}

/* The other evidence: application-name, the copyright line, the host. */
static void test_title_segment_other_evidence(void **state)
{
    (void)state;
    assert_string_equal(site("<title>Bike lane extended :: The Harbor Times</title>", "",
                             "<div class=\"legal\">Copyright &copy; 2017 The Harbor Times. "
                             "All rights reserved.</div>",
                             NULL),
                        "The Harbor Times");
    assert_string_equal(site("<title>Surdegsbröd med råg – mitt bästa recept | Brödbloggen</title>", "",
                             "<div>Brödbloggen © 2021</div>", NULL),
                        "Brödbloggen");
    assert_string_equal(site("<title>Bike lane extended | Riverside Ledger</title>", "", NULL,
                             "https://www.riversideledger.com/news/lane"),
                        "Riverside Ledger");
    /* the host as a blog's label, with an umlaut the host spells out */
    assert_string_equal(site("<title>Omas Küchenbuch: Zwetschgendatschi vom Blech</title>", "", NULL,
                             "https://omaskuechenbuch.blogspot.com/2021/09/z.html"),
                        "Omas Küchenbuch");
    /* a word of the host in a headline is not enough */
    assert_string_equal(site("<title>Tesla stock falls after recall | Markets</title>", "", NULL,
                             "https://www.tesla.com/news/x"),
                        "(none)");
}

/* A title that holds no name: the masthead's name when a second witness
 * (the copyright line, the host) repeats it; one alone is not enough. */
static void test_masthead_without_title(void **state)
{
    (void)state;
    const char *head = "<title>Fahrradtour an der Lahn: von Marburg nach Limburg</title>";
    const char *body = "<div id=\"kopf\"><h2 class=\"blogname\"><a href=\"/\">Pedalritter</a></h2>"
                       "<a href=\"/\">Start</a></div>";
    assert_string_equal(site(head, body, "<div>&copy; 2020 Pedalritter</div>", NULL), "Pedalritter");
    assert_string_equal(site(head, body, NULL, "https://www.pedalritter-blog.de/touren/x.html"),
                        "Pedalritter");
    assert_string_equal(site(head, body, NULL, NULL), "(none)");
}

/* The masthead outranks the host when the two ends disagree, and the
 * headline itself is never the site's name. */
static void test_evidence_order(void **state)
{
    (void)state;
    assert_string_equal(site("<title>Harbour News - The Courier</title>",
                             "<h1 class=\"logo\">The Courier</h1>", NULL,
                             "https://www.harbournews.com/x"),
                        "The Courier");
    assert_string_equal(site("<title>Harbour Gazette | Bike lane extended</title>"
                             "<meta property=\"og:title\" content=\"Harbour Gazette\">",
                             "<div class=\"logo\">Harbour Gazette</div>", NULL, NULL),
                        "(none)");
}

/* A publisher's legal name waits for the page's evidence; any other
 * publisher keeps its place before og:site_name. */
static void test_publisher_legal_name(void **state)
{
    (void)state;
    const char *ld = LD("{\"@type\":\"NewsArticle\",\"headline\":\"Bike lane extended\","
                        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Riverside Ledger Media LLC\"}}");
    char head[2048];
    snprintf(head, sizeof head, "<title>Bike lane extended - Riverside Ledger</title>%s", ld);
    assert_string_equal(site(head, "<p class=\"site-title\">Riverside Ledger</p>", NULL, NULL),
                        "Riverside Ledger");
    snprintf(head, sizeof head,
             "<title>Bike lane extended</title>%s<meta property=\"og:site_name\" content=\"Riverside Ledger\">",
             ld);
    assert_string_equal(site(head, "", NULL, NULL), "Riverside Ledger");
    /* nothing better: the legal name still */
    snprintf(head, sizeof head, "<title>Bike lane extended</title>%s", ld);
    assert_string_equal(site(head, "", NULL, NULL), "Riverside Ledger Media LLC");
    assert_true(px_site_is_legal_name("ООО «Сибирь-Медиа»"));
    assert_true(px_site_is_legal_name("Kurier Mediengruppe GmbH"));
    assert_true(px_site_is_legal_name("Grupo Editorial Bajío"));
    assert_false(px_site_is_legal_name("Harbour Gazette"));
    assert_false(px_site_is_legal_name("Saga"));
}

/* A hosted blog's platform in og:site_name gives way to the blog's own
 * name in the masthead, never to its own segment of the title. */
static void test_platform(void **state)
{
    (void)state;
    const char *head = "<title>Прогулка по старой Казани: old_kazan — LiveJournal</title>"
                       "<meta property=\"og:site_name\" content=\"LiveJournal\">";
    assert_string_equal(site(head, "<h1 class=\"s-header-title\">Старая Казань</h1>", NULL,
                             "https://old-kazan.livejournal.com/48213.html"),
                        "Старая Казань");
    assert_string_equal(site(head, "", NULL, "https://old-kazan.livejournal.com/48213.html"),
                        "LiveJournal");
}

/* A logo h1 with a <title> of the site's name alone: the article's h1 is
 * the title, not the name. */
static void test_title_not_site_name(void **state)
{
    (void)state;
    char title[512];
    const char *got = site_of("<title>The Dockside Review</title>",
                              "<div class=\"header\"><h1 class=\"logo\"><a href=\"/\">The Dockside "
                              "Review</a></h1></div><h1>A mural festival turns warehouse walls into a "
                              "gallery</h1>",
                              NULL, NULL, title, sizeof title);
    assert_string_equal(got, "The Dockside Review");
    assert_string_equal(title, "A mural festival turns warehouse walls into a gallery");
}

int main(void)
{
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    if (!ex) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_og_site_name_first),
        cmocka_unit_test(test_title_segment_masthead),
        cmocka_unit_test(test_title_segment_other_evidence),
        cmocka_unit_test(test_masthead_without_title),
        cmocka_unit_test(test_evidence_order),
        cmocka_unit_test(test_publisher_legal_name),
        cmocka_unit_test(test_platform),
        cmocka_unit_test(test_title_not_site_name),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pith_extractor_free(ex);
    return rc;
}
