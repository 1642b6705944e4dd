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

#include "pith.h"

/* A paragraph long enough that the page holds an article, so that the
 * tests below see the renderer at work rather than "no content". */
#define LEAD                                                                           \
    "The city council voted on Tuesday to extend the harbour bike lane by another "   \
    "two kilometres, after a year in which the number of riders doubled."
#define LEAD_P "<p>" LEAD "</p>"

typedef struct out {
    int rc;
    char text[16384];
    char title[512];
    pith_error err;
} out;

static void run(const char *html, unsigned flags, out *o)
{
    pith_options *opts = pith_options_new(NULL);
    assert_non_null(opts);
    pith_options_set_flags(opts, flags);
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(opts, &err);
    if (!ex)
        fail_msg("pith_extractor_new: %s", err.message);
    pith_options_free(opts);
    memset(o, 0, sizeof *o);
    pith_result *r = NULL;
    o->rc = pith_extract(ex, html, strlen(html), NULL, NULL, &r, &o->err);
    if (r) {
        size_t len = 0;
        const char *t = pith_result_text(r, &len);
        assert_int_equal(strlen(t), len);
        snprintf(o->text, sizeof o->text, "%s", t);
        snprintf(o->title, sizeof o->title, "%s", pith_result_title(r));
    }
    pith_result_free(r);
    pith_extractor_free(ex);
}

/* Fails showing both texts with their line breaks visible. */
static void same_text(const char *got, const char *want)
{
    if (strcmp(got, want))
        fail_msg("text differs\n--- want ---\n%s\n--- got ---\n%s\n---", want, got);
}

#define NO_RULES PITH_NO_DEFAULT_RULES

/* ------------------------------------------------------------------ */
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
    };
    return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
