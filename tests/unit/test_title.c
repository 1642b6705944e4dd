/* title.c: the title, and the site's name taken off it (issue 16). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "pith.h"

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
}

/* The name in the host when the page gives no site name. */
static void test_host(void **state)
{
    (void)state;
    title_is("<title>Quay opens at last - La Stampa</title>", "", "https://www.lastampa.it/x/1",
             "Quay opens at last");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_site_name),
        cmocka_unit_test(test_host),
        cmocka_unit_test(test_kicker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
