/* Tests for src/meta_authors.c (issue 16, authors): the parts of a byline
 * that are not other people, organisations held back until no person is
 * named, the names at the start of a byline's text, bylines read from the
 * text near the headline, co-authors, and the JSON-LD and markup around
 * them (through the public API, pith_result_meta). */
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
static px_alloc A;

/* ------------------------------------------------------------------ */
/* One author string                                                    */

static void check_list(const char *raw, const char *what, const px_strlist *l, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < n || i < l->n; i++) {
        const char *g = i < l->n ? l->v[i] : "(none)";
        const char *w = i < n ? want[i] : "(none)";
        if (strcmp(g, w))
            fail_msg("'%s' -> %s %zu is '%s', want '%s'", raw, what, i, g, w);
    }
}

/* The persons and the organisations px_meta_add_authors finds in raw. */
static void split(const char *site, const char *raw, const char *const *persons, const char *const *orgs)
{
    px_meta m;
    memset(&m, 0, sizeof m);
    m.a = &A;
    m.site_name = (char *)site;
    px_strlist out = {0}, org = {0};
    assert_int_equal(px_meta_add_authors(&m, &out, &org, raw), PITH_OK);
    check_list(raw, "person", &out, persons);
    check_list(raw, "organisation", &org, orgs);
    px_meta_list_free(&A, &out);
    px_meta_list_free(&A, &org);
}

#define NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NONE ((const char *const[]){NULL})

static void test_parts_after_a_name(void **state)
{
    (void)state;
    /* a place, a degree, a job title or an affiliation after a name is the
     * person's, not another person */
    split(NULL, "Markus M. Haefliger, London, Beat Bumbacher", NAMES("Markus M. Haefliger", "Beat Bumbacher"), NONE);
    split(NULL, "Lucía Fernández Ortega | Jaén | 22/01/2024 - 07:30h", NAMES("Lucía Fernández Ortega"), NONE);
    split(NULL, "Rachael Link, MS, RD", NAMES("Rachael Link"), NONE);
    split(NULL, "By ROBERT BURNS, AP National Security Writer", NAMES("Robert Burns"), NONE);
    split(NULL, "Amy Kuperinsky | NJ Advance Media for NJ.com", NAMES("Amy Kuperinsky"), NONE);
    /* after the name and the site's name, nothing more is a person */
    split("Jornal do Vale", "Renata Alves, Jornal do Vale \xe2\x80\x94 Vila Serena", NAMES("Renata Alves"), NONE);
    /* a one-word name before any person stays: an agency */
    split(NULL, "AFP/The Local", NAMES("AFP", "The Local"), NONE);
    split(NULL, "AP", NAMES("AP"), NONE);
    /* a desk's name that starts with a role stays whole */
    split(NULL, "Staff and news service reports", NAMES("Staff and news service reports"), NONE);
    /* an e-mail address goes, the name stays */
    split(NULL, "L\xc3\xbc" "der Hoppe info@buero-hoppe.de", NAMES("L\xc3\xbc" "der Hoppe"), NONE);
    /* co-authors joined by "и" (Russian "and"), only between full names */
    split(NULL, "\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0 \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0 \xd0\xb8 "
                "\xd0\x9f\xd1\x91\xd1\x82\xd1\x80 \xd0\xa1\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb2",
          NAMES("\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0 \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0",
                "\xd0\x9f\xd1\x91\xd1\x82\xd1\x80 \xd0\xa1\xd0\xbc\xd0\xb8\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb2"),
          NONE);
    split(NULL, "Laura Jord\xc3\xa1n / Javier Urbina", NAMES("Laura Jord\xc3\xa1n", "Javier Urbina"), NONE);
    /* an abbreviation alone, a URL without its scheme */
    split(NULL, "ca.", NONE, NONE);
    split(NULL, "facebook.com/vegolosi", NONE, NONE);
}

static void test_organisations(void **state)
{
    (void)state;
    /* the site's name, a name that ends with it, a host name: held back */
    split("Presse Augsburg", "Von Presse Augsburg", NONE, NAMES("Presse Augsburg"));
    split("Diario del Guadalquivir", "Redacci\xc3\xb3n Diario del Guadalquivir", NONE,
          NAMES("Redacci\xc3\xb3n Diario del Guadalquivir"));
    split(NULL, "www.portalspozywczy.pl", NONE, NAMES("www.portalspozywczy.pl"));
    split(NULL, "MesOpinions.com", NONE, NAMES("MesOpinions.com"));
    /* the site's name with its separators is one organisation, cleaned */
    split("Noticias de El Salvador - La Prensa Gr\xc3\xa1" "fica", "Noticias de El Salvador - La Prensa Gr\xc3\xa1" "fica",
          NONE, NAMES("Noticias de El Salvador", "La Prensa Gr\xc3\xa1" "fica"));
    /* places after the site's name are not persons; a person after it is */
    split("SPIEGEL ONLINE", "SPIEGEL ONLINE, Hamburg, Germany", NONE, NAMES("SPIEGEL ONLINE"));
    split("unocero", "unocero - Alberto \xc3\x81vila", NAMES("Alberto \xc3\x81vila"), NAMES("unocero"));
    /* a desk: "X staff"; a person of the site's staff is a person */
    split(NULL, "Science X staff", NONE, NAMES("Science X staff"));
    split("PhillyVoice", "By Adam Aaronson PhillyVoice Staff", NAMES("Adam Aaronson"), NONE);
    /* a site named after its author starts the byline: a person */
    split("Christoph Hein", "Christoph Hein Chefredakteur", NAMES("Christoph Hein Chefredakteur"), NONE);
}

/* The names at the start of a byline's text. */
static void names(const char *text, const char *want)
{
    size_t n = px_meta_byline_names(text, strlen(text));
    if (n != strlen(want) || memcmp(text, want, n))
        fail_msg("'%s' -> '%.*s', want '%s'", text, (int)n, text, want);
}

static void test_byline_names(void **state)
{
    (void)state;
    names("By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.", "By Matthew Digby , Minh Do");
    names("Post by weatherwill \xc2\xbb Sun Jan 14, 2024 7:22 pm", "Post by weatherwill");
    names("Northbeam Support Updated 2 months ago", "Northbeam Support");
    names("Par Matthieu Hy le 07 Mai 2020", "Par Matthieu Hy");
    names("Von Hans M\xc3\xbcller am 3. Mai 2021", "Von Hans M\xc3\xbcller");
    names("Written by Rachael Link, MS, RD on November 14, 2019", "Written by Rachael Link, MS, RD");
    names("Posted by Jane Doe | March 3, 2021", "Posted by Jane Doe");
    names("Jane Doe", "Jane Doe");
    /* capitals start names: "Le" is no date word there */
    names("Le Anh Tu", "Le Anh Tu");
    /* a label of the date, no name */
    names("En kiosques : juillet 2020", "");
    names("", "");
}

/* ------------------------------------------------------------------ */
/* Pages                                                                */

static pith_result *page(const char *head, const char *body)
{
    static char html[65536];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><head>%s</head><body>%s<article>" PARA PARA
             "</article></body></html>", head, body);
    pith_result *r = NULL;
    pith_error err = {0, ""};
    int rc = pith_extract(ex, html, strlen(html), NULL, NULL, &r, &err);
    if (rc != PITH_OK)
        fail_msg("pith_extract: %d %s", rc, err.message);
    return r;
}

static void authors_are(const char *head, const char *body, const char *const *want)
{
    pith_result *r = page(head, body);
    size_t i = 0;
    for (; want[i]; i++) {
        const char *got = pith_result_meta(r, PITH_META_AUTHOR, i);
        if (!got || strcmp(got, want[i]))
            fail_msg("%s%s: author %zu is '%s', want '%s'", head, body, i, got ? got : "(none)", want[i]);
    }
    const char *more = pith_result_meta(r, PITH_META_AUTHOR, i);
    if (more)
        fail_msg("%s%s: author %zu is '%s', want none", head, body, i, more);
    pith_result_free(r);
}

#define LD(author) \
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Lane\",\"author\":" author "}</script>"

static void test_person_before_organisation(void **state)
{
    (void)state;
    /* JSON-LD names an organisation, the byline a person: the person */
    authors_are(LD("{\"@type\":\"Organization\",\"name\":\"SPIEGEL ONLINE\"}"),
                "<h1>Lane</h1><div class=\"dig-autoren\">Von Clemens H\xc3\xb6ges</div>",
                NAMES("Clemens H\xc3\xb6ges"));
    /* the meta author is the site, the byline a person */
    authors_are("<meta property=\"og:site_name\" content=\"Diario del Guadalquivir\">"
                "<meta name=\"author\" content=\"Redacci\xc3\xb3n Diario del Guadalquivir\">",
                "<h1>Lane</h1><div class=\"firma-fecha\">Luc\xc3\xad" "a Fern\xc3\xa1ndez Ortega | Ja\xc3\xa9n | "
                "22/01/2024 - 07:30h</div>",
                NAMES("Luc\xc3\xad" "a Fern\xc3\xa1ndez Ortega"));
    /* no person anywhere: the organisation, as the markup writes it */
    authors_are(LD("{\"@type\":\"Organization\",\"name\":\"CBS News\"}"), "<h1>Lane</h1>", NAMES("CBS News"));
    authors_are("<meta property=\"og:site_name\" content=\"Presse Augsburg\">"
                "<meta name=\"author\" content=\"Presse Augsburg\">",
                "<h1>Lane</h1>", NAMES("Presse Augsburg"));
    /* a person in the text's byline replaces the organisation */
    authors_are("<meta property=\"og:site_name\" content=\"L'\xc3\x89" "cho\">"
                "<meta name=\"author\" content=\"L'\xc3\x89" "cho\">",
                "<h1>Lane</h1><p class=\"node__submitted\">Par Marie Dubois et Jean Martin, envoy\xc3\xa9s "
                "sp\xc3\xa9" "ciaux \xc3\xa0 Nantes le 7 mai 2020</p>",
                NAMES("Marie Dubois", "Jean Martin"));
    /* a Person that is also an Organization is a person */
    authors_are(LD("{\"@type\":[\"Person\",\"Organization\"],\"name\":\"Christoph Hein\"}"), "<h1>Lane</h1>",
                NAMES("Christoph Hein"));
}

static void test_logins(void **state)
{
    (void)state;
    /* a login only in hidden markup is no name */
    authors_are("<meta name=\"author\" content=\"ricsti\">", "<h1>Lane</h1>", NONE);
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"gto\"}"), "<h1>Lane</h1>", NONE);
    /* the same handle shown on the page is the poster's */
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"quietfan\"}"),
                "<h1>Lane</h1><span class=\"creator\">quietfan</span>", NAMES("quietfan"));
    /* a desk in the markup, a body in the byline */
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"Science X staff\"}"),
                "<h1>Lane</h1><p class=\"article-byline\">by European Space Agency</p>",
                NAMES("European Space Agency"));
}

static void test_jsonld_names(void **state)
{
    (void)state;
    /* a name that is an array of links: every co-author */
    authors_are(LD("{\"@type\":\"Person\",\"name\":[\"<a href=\\\"/pl/eksperci/mg\\\">Mateusz Gniazdowski</a>\","
                   "\"<a href=\\\"/pl/eksperci/mw\\\">Martyna Wasiuta</a>\"]}"),
                "<h1>Lane</h1>", NAMES("Mateusz Gniazdowski", "Martyna Wasiuta"));
    /* Latin-1 letters written as references */
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"Redacci&oacute;n Diario Pagina Siete\"}"), "<h1>Lane</h1>",
                NAMES("Redacci\xc3\xb3n Diario Pagina Siete"));
}

static void test_text_bylines(void **state)
{
    (void)state;
    /* a byline with no class, in the languages of #2 */
    authors_are("<meta property=\"og:site_name\" content=\"Jornal do Vale\">",
                "<h1>Lane</h1><p class=\"content-publication-data__from\">Por Renata Alves, Jornal do Vale "
                "\xe2\x80\x94 Vila Serena</p>",
                NAMES("Renata Alves"));
    authors_are("", "<h1>Lane</h1><p class=\"article__meta\">By Matthew Digby , Minh Do on Monday, November "
                    "18th, 2019 at 11:08 a.m.</p>",
                NAMES("Matthew Digby", "Minh Do"));
    authors_are("", "<h1>Lane</h1><div><span>2023-12-28 10:42</span> <span>\xe4\xbd\x9c\xe8\x80\x85\xef\xbc\x9a"
                    "\xe7\x8e\x8b\xe6\x99\x93</span></div>",
                NAMES("\xe7\x8e\x8b\xe6\x99\x93"));
    authors_are("", "<h1>Lane</h1><div class=\"gallery-meta\">Posted on September 21, 2020 by Adi Tzlil</div>",
                NAMES("Adi Tzlil"));
    /* prose that starts with a by-word is no byline */
    authors_are("", "<h1>Lane</h1><p>Di recente il consiglio ha votato.</p><p>By the way, it rained.</p>", NONE);
    /* a link in a menu that says "By Pamela" is no byline */
    authors_are("", "<h1>Lane</h1><nav><ul><li><a>By Pamela</a></li></ul></nav>", NONE);
    /* a byline before the headline, in the site's header, is not read */
    authors_are("", "<div class=\"top\"><p>By Jane Doe</p></div><h1>Lane</h1>", NONE);
}

static void test_class_bylines(void **state)
{
    (void)state;
    /* the date after the name is cut off, and a forum's "Post by" */
    authors_are("", "<h1>Lane</h1><div class=\"article-author\"><a href=\"/hc/profiles/1\">Northbeam Support</a>"
                    " <time>Updated 2 months ago</time></div>",
                NAMES("Northbeam Support"));
    authors_are("", "<h2>Lane</h2><p class=\"author\">Post by weatherwill \xc2\xbb Sun Jan 14, 2024 7:22 pm</p>",
                NAMES("weatherwill"));
    /* a contributor field */
    authors_are("", "<h1>Lane</h1><span class=\"field-field-contributor\">Par <a href=\"/node/matthieu-hy\">"
                    "Matthieu Hy</a></span>",
                NAMES("Matthieu Hy"));
    /* hAtom's hfeed and a layout's with-sidebar wrap the article */
    authors_are("", "<div class=\"hfeed\"><h1>Lane</h1><p>by <span class=\"author vcard fn\">oz</span></p></div>",
                NAMES("oz"));
    authors_are("", "<section class=\"wrapper__with-sidebar\"><h1>Lane</h1><div class=\"page-meta--author\">"
                    "Ann Lee</div></section>",
                NAMES("Ann Lee"));
    /* the byline under the headline, not a featured story's above it */
    authors_are("", "<div class=\"top-story\"><a href=\"/x\">Ferry fares</a><span class=\"byline\">By Bo Chen"
                    "</span></div><h1>Lane</h1><p class=\"byline\">By Ann Lee</p>",
                NAMES("Ann Lee"));
    /* prose in an element named for authors */
    authors_are("", "<h1>Lane</h1><div class=\"mo-super-contributor\">P\xc3\xa9tition soutenue par un Super "
                    "contributeur</div>",
                NONE);
    /* a label of the date in an element named for authors */
    authors_are("", "<div class=\"dates_auteurs\">En kiosques : juillet 2020</div><h1>Lane</h1>", NONE);
    /* an author's page linked from the menu is not the author */
    authors_are("", "<ul class=\"menu\"><li><a href=\"/autor/fidel/\">Reflexiones de Fidel</a></li></ul><h1>Lane</h1>",
                NONE);
}

static void test_coauthors(void **state)
{
    (void)state;
    /* the byline's links name the markup's author and one more */
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"Alberto Gonz\xc3\xa1lez\"}"),
                "<h1>Lane</h1><div class=\"autores\"><span>Publicado por <a href=\"/lista/autores/ag\">Alberto "
                "Gonz\xc3\xa1lez</a></span> <span>La informaci\xc3\xb3n es de <a href=\"/lista/autores/cc\">"
                "Cristian Cerna</a></span></div>",
                NAMES("Alberto Gonz\xc3\xa1lez", "Cristian Cerna"));
    /* links elsewhere on the page (teasers by other authors) are not */
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"Madeline Fry\"}"),
                "<h1>Lane</h1><p><a href=\"/author/madeline-fry\">Madeline Fry</a></p>" PARA
                "<div><div><div><p><a href=\"/author/rob-crilly\">Rob Crilly</a></p></div></div></div>",
                NAMES("Madeline Fry"));
    /* links that do not name the markup's author add nobody */
    authors_are(LD("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}"),
                "<h1>Lane</h1><p><a href=\"/author/a\">Ann Lee</a> <a href=\"/author/b\">Bo Chen</a></p>",
                NAMES("Jane Doe"));
}

int main(void)
{
    px_alloc_init(&A, NULL);
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    if (!ex) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts_after_a_name),
        cmocka_unit_test(test_organisations),
        cmocka_unit_test(test_byline_names),
        cmocka_unit_test(test_person_before_organisation),
        cmocka_unit_test(test_logins),
        cmocka_unit_test(test_jsonld_names),
        cmocka_unit_test(test_text_bylines),
        cmocka_unit_test(test_class_bylines),
        cmocka_unit_test(test_coauthors),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pith_extractor_free(ex);
    return rc;
}
