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
#include "default_extractor.h"
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
    /* a platform's name in any case (ASCII, as px_ascii_ieq folds it) */
    assert_string_equal(site("<title>Прогулка по старой Казани: old_kazan — LIVEJOURNAL</title>"
                             "<meta property=\"og:site_name\" content=\"livejournal\">",
                             "<h1 class=\"s-header-title\">Старая Казань</h1>", NULL,
                             "https://old-kazan.livejournal.com/48213.html"),
                        "Старая Казань");
    /* the platform's name beside the blog's in one field: the blog's */
    assert_string_equal(site("<meta property=\"og:site_name\" content=\"Naver Blog | Minji's Travel Notes\">", "",
                             NULL, "https://blog.naver.com/minji_trip/223187654321"),
                        "Minji's Travel Notes");
    assert_string_equal(site("<meta property=\"og:site_name\" content=\"Minji's Travel Notes - Medium\">", "",
                             NULL, "https://medium.com/minji/trip-1"),
                        "Minji's Travel Notes");
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

#define OG(name) "<meta property=\"og:site_name\" content=\"" name "\">"
#define TITLE(t) "<title>" t "</title>"

/* A markup name that is a name and a tagline keeps the part the host
 * spells or the title ends with; a name with a dash of its own stays. */
static void test_tagline_part(void **state)
{
    (void)state;
    assert_string_equal(site(TITLE("Chelsea sign a goalkeeper") OG("LinkNaija | Nigeria's popular news platform"),
                             "", NULL, "https://www.linknaija.com/2018/08/x.html"),
                        "LinkNaija");
    assert_string_equal(site(TITLE("Pour le néolibéralisme | AOC media - Analyse Opinion Critique")
                                 OG("AOC media - Analyse Opinion Critique"),
                             "", NULL, "https://aoc.media/opinion/x/"),
                        "AOC media");
    assert_string_equal(site(TITLE("Fiscal considera necesario ampliar | La Prensa Gráfica")
                                 OG("Noticias de El Salvador - La Prensa Gráfica | Informate con la verdad"),
                             "", NULL, NULL),
                        "La Prensa Gráfica");
    /* names of their own with dashes */
    assert_string_equal(site(TITLE("The quiet joy of a pen | Rock - Paper - Shotgun") OG("Rock - Paper - Shotgun"),
                             "", NULL, "https://www.rockpapershotgun.com/x"),
                        "Rock - Paper - Shotgun");
    assert_string_equal(site(TITLE("Hefezopf wie vom Bäcker | Mehl - Wasser - Zeit") OG("Mehl - Wasser - Zeit"),
                             "", NULL, NULL),
                        "Mehl - Wasser - Zeit");
    /* the title ends with the whole name: its last part is no name */
    assert_string_equal(site(TITLE("Crash on the causeway | Radio Sur | Noticias | Costa de Cádiz")
                                 OG("Radio Sur | Noticias | Costa de Cádiz"),
                             "", NULL, NULL),
                        "Radio Sur | Noticias | Costa de Cádiz");
    /* no part confirmed: the whole, as before */
    assert_string_equal(site(TITLE("Crash on the causeway") OG("Radio Sur | Noticias"), "", NULL, NULL),
                        "Radio Sur | Noticias");
}

/* The JSON-LD publisher (a wire service, an owner) gives way to a name
 * the page confirms, and to a name more fields give; unconfirmed, one
 * against one, the order of trust stands. */
static void test_markup_weighed(void **state)
{
    (void)state;
    const char *ap = LD("{\"@type\":\"NewsArticle\",\"headline\":\"Esper accuses China\","
                        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Associated Press\"}}");
    char head[2048];
    snprintf(head, sizeof head, "%s%s%s", TITLE("Esper accuses China - Harbour Chronicle"),
             OG("Harbour Chronicle"), ap);
    assert_string_equal(site(head, "", NULL, NULL), "Harbour Chronicle");
    snprintf(head, sizeof head, "%s%s%s", TITLE("Esper accuses China"), OG("Harbour Chronicle"), ap);
    assert_string_equal(site(head, "", NULL, NULL), "Associated Press");
    /* og:site_name, the WebSite and application-name against the publisher */
    snprintf(head, sizeof head,
             "%s%s<meta name=\"application-name\" content=\"Gazeta Rynkowa\">%s"
             "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"Gazeta Rynkowa\"}</script>",
             TITLE("Ceny mieszkań wzrosły"), OG("Gazeta Rynkowa"),
             LD("{\"@type\":\"NewsArticle\",\"headline\":\"Ceny mieszkań wzrosły\","
                "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Wydawnictwo Mazurskie\"}}"));
    assert_string_equal(site(head, "", NULL, NULL), "Gazeta Rynkowa");
    /* after og:site_name, fields only vote: application-name's host name
     * and a dc.publisher that spells the host do not replace it */
    assert_string_equal(site(TITLE("Brexit: Nervenkrieg") OG("Neue Zürcher Zeitung")
                                 "<meta name=\"application-name\" content=\"NZZ.ch\">",
                             "", NULL, "https://www.nzz.ch/international/x"),
                        "Neue Zürcher Zeitung");
    assert_string_equal(site(TITLE("DRESS syndrome | SpringerLink") OG("Current Rheumatology Reports")
                                 "<meta name=\"dc.publisher\" content=\"Springer\">",
                             "", NULL, "https://link.springer.com/article/x"),
                        "Current Rheumatology Reports");
}

/* A host's bare label gives way to the title's whole host; a name that
 * lost its accents takes them back from another field. */
static void test_bare_label_and_accents(void **state)
{
    (void)state;
    assert_string_equal(site(TITLE("Florida man exists - nj.com") OG("nj"), "", NULL,
                             "https://www.nj.com/entertainment/x.html"),
                        "nj.com");
    /* a name written as a name stays */
    assert_string_equal(site(TITLE("Candidatos en Eafit - Medellín - ELTIEMPO.COM") OG("El Tiempo"), "", NULL,
                             "https://www.eltiempo.com/colombia/x"),
                        "El Tiempo");
    char head[2048];
    snprintf(head, sizeof head, "%s%s%s", TITLE("Feira do livro volta à praça"),
             OG("Folha de São Bento | Notícias do Vale"),
             LD("{\"@type\":\"NewsArticle\",\"headline\":\"Feira do livro volta à praça\","
                "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Folha de Sao Bento\"}}"));
    assert_string_equal(site(head, "", NULL, "https://www.folhadesaobento.com.br/cidade/x"),
                        "Folha de São Bento");
    /* application-name without its accents confirms the title's segment,
     * which keeps them */
    assert_string_equal(site(TITLE("Feira do livro volta à praça - Folha de São Bento")
                                 "<meta name=\"application-name\" content=\"Folha de Sao Bento\">",
                             "", NULL, "https://example.org/x"),
                        "Folha de São Bento");
}

/* Without og:site_name, an end of <title> of two words or more that
 * spells the host goes before the WebSite's other name; one word is as
 * often an abbreviation or an address. */
static void test_title_end_spells_host(void **state)
{
    (void)state;
    assert_string_equal(site(TITLE("Wierer darf noch jubeln - Biathlon Antholz")
                                 "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":"
                                 "\"Biathlon Weltcup Komitee\"}</script>",
                             "", NULL, "https://www.biathlon-antholz.it/de/newsroom/x.html"),
                        "Biathlon Antholz");
    assert_string_equal(site(TITLE("Unijne fundusze coraz bliżej - Polityka - rp.pl")
                                 "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":"
                                 "\"Rzeczpospolita\"}</script>",
                             "", NULL, "https://www.rp.pl/polityka/x"),
                        "Rzeczpospolita");
    assert_true(px_site_host_exact("www.nj.com", "NJ.com", 6));
    assert_true(px_site_host_exact("www.nj.com", "nj", 2));
    assert_true(px_site_host_exact("love-hina.ch/news", "Love Hina", 9));
    assert_true(px_site_host_exact("www.laprensagrafica.com", "La Prensa Gráfica", strlen("La Prensa Gráfica")));
    assert_false(px_site_host_exact("www.nj.com", "com", 3));
    assert_false(px_site_host_exact("www.nj.com", "www", 3));
    assert_false(px_site_host_exact("www.politifact.com", "PolitiFact West Virginia", 24));
    assert_false(px_site_host_exact("WWW.nj.com", "WWW", 3));
    /* the first and last cut of a separator, which both title.c's
     * strip and the site's title ends take */
    const char *t = "Quay opens | News | Harbour Gazette", *last = NULL;
    assert_ptr_equal(px_title_sep_at(t, 0, &last), t + 10);
    assert_ptr_equal(last, t + 17);
    assert_null(px_title_sep_at(t, 1, &last));
    /* www is no label of the site's name in any case: a title segment
     * "WWW" is not confirmed by WWW.harbour-gazette.com */
    assert_string_equal(site(TITLE("Quay opens at last on the harbour - WWW"), "", NULL,
                             "https://WWW.harbour-gazette.com/x"),
                        "(none)");
    assert_string_equal(site(TITLE("Quay opens at last on the harbour - Harbour Gazette"), "", NULL,
                             "https://WWW.harbour-gazette.com/x"),
                        "Harbour Gazette");
}

/* Pages with no markup name: the title's segment around " : ", a
 * segment that spells the host before a menu's link home, the last
 * segment by the first word og:site_name's handle or the copyright line
 * gives (when the headline is the rest, and longer). */
static void test_title_segments_more(void **state)
{
    (void)state;
    assert_string_equal(site(TITLE("Les dix fromages de chèvre à goûter : Le Fromager Curieux"), "", NULL,
                             "https://www.lefromagercurieux.fr/spip.php?article212"),
                        "Le Fromager Curieux");
    assert_string_equal(site(TITLE("News - Site Update - Leseprobe Band 14 - Love Hina"),
                             "<a href=\"/\">News</a>", NULL, "http://love-hina.ch/news/0409.html"),
                        "Love Hina");
    assert_string_equal(site(TITLE("What is the value of drugs? | PolitiFact West Virginia") OG("@politifact")
                                 "<meta property=\"og:title\" content=\"What is the value of drugs?\">",
                             "", NULL, "https://www.politifact.com/west-virginia/x/"),
                        "PolitiFact West Virginia");
    assert_string_equal(site(TITLE("Configuring the cache backend — Tidewater 2.3.1 documentation"), "",
                             "<div>© Copyright 2024, the Tidewater contributors.</div>", NULL),
                        "Tidewater 2.3.1 documentation");
    /* one headline, not a name: the markup's headline is the whole title */
    assert_string_equal(site(TITLE("Take C.A.R.E. - comwrap auf der DMEXCO 2018")
                                 "<meta property=\"og:title\" content=\"Take C.A.R.E. - comwrap auf der DMEXCO 2018\">",
                             "", "<div>© comwrap</div>", NULL),
                        "(none)");
    /* a segment longer than the rest of the title is the headline */
    assert_string_equal(site(TITLE("News - Elder: Aus dem Ghetto nach Augusta"), "",
                             "<div>Foto © Elder Family</div>", NULL),
                        "(none)");
}

/* Logo alt texts without the word Logo; a masthead name by its part a
 * witness repeats, or by the words that spell the host. */
static void test_logo_and_masthead(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {{"Logo MesOpinions.com", "MesOpinions.com"}, {"comwrap GmbH Logo", "comwrap GmbH"},
                 {"nj’s Logo", "nj"},                         {"Logo de La Voz del Sur", "La Voz del Sur"},
                 {"Logotipo: Diario Sur", "Diario Sur"},      {"Логотип РБК", "РБК"},
                 {"ascom-image-Logo", "ascom-image-Logo"},    {"Logo", "Logo"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t n = strlen(cases[k].in);
        const char *p = px_site_strip_logo(cases[k].in, &n);
        assert_int_equal(n, strlen(cases[k].out));
        assert_memory_equal(p, cases[k].out, n);
    }
    assert_string_equal(site(TITLE("Nieuwe speeltuin geopend"),
                             "<div class=\"logo\"><a href=\"/\"><img src=\"/l.png\" alt=\"Logo Wijkkrant "
                             "Oosterpark\"></a></div>",
                             "<p>© 2022 Wijkkrant Oosterpark</p>", NULL),
                        "Wijkkrant Oosterpark");
    assert_string_equal(site(TITLE("Nam Nghi Phu Quoc Officially Opens"),
                             "<div class=\"logo\"><img src=\"/l.png\" alt=\"Luxury Haven | Award-winning "
                             "Singapore Lifestyle Blog\"></div>",
                             "<p>Copyright © 2013 · Luxury Haven</p>", NULL),
                        "Luxury Haven");
    assert_string_equal(site(TITLE("Das Salzkammergut bekommt ein Literaturfestival"),
                             "<div class=\"site-title\"><a href=\"/\">kulturportal.at das Magazin für Kunst "
                             "und Kultur</a></div>",
                             NULL, "https://www.kulturportal.at/literatur/x"),
                        "kulturportal.at");
    /* an address is no name */
    assert_string_equal(site(TITLE("Riesling Posts gewinnen"),
                             "<a href=\"/\">www.deutscheweine.de</a><img class=\"logo\" src=\"/l.png\" "
                             "alt=\"Logo Deutsches Weininstitut\">",
                             NULL, "https://www.deutscheweine.de/aktuelles/x/"),
                        "Deutsches Weininstitut");
}

/* The copyright line's holder: confirmed by the host, or a host's name
 * itself; never a photo's credit, a legal name, or an unconfirmed
 * holder; <meta name=copyright> counts as a line. */
static void test_copyright_holder(void **state)
{
    (void)state;
    static const struct {
        const char *line, *name;
    } cases[] = {{"©2019 Ascom", "Ascom"},
                 {"© 2019 Ascom. All rights reserved.", "Ascom"},
                 {"Copyright © 2013 · Luxury Haven", "Luxury Haven"},
                 {"© 2022, BreakingBelizeNews.com. This article is the copyrighted property", "BreakingBelizeNews.com"},
                 {"© 2019 Hearst Communications, Inc.", "Hearst Communications"},
                 {"© Copyright MesOpinions.com", "MesOpinions.com"},
                 {"Foto: privat", NULL}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t l = 0;
        const char *p = px_site_copyright_name(cases[k].line, strlen(cases[k].line), &l);
        if (!cases[k].name) {
            assert_null(p);
            continue;
        }
        assert_non_null(p);
        assert_int_equal(l, strlen(cases[k].name));
        assert_memory_equal(p, cases[k].name, l);
    }
    const char *t = TITLE("Ascom and Dräger introduce alarm management");
    assert_string_equal(site(t, "", "<p>©2019 Ascom</p>", "https://www.ascom.com/news/x.html"), "Ascom");
    assert_string_equal(site(t, "", "<p>©2019 Ascom</p>", "https://www.example.org/news/x.html"), "(none)");
    assert_string_equal(site(TITLE("Fernwärme für 300 Haushalte") "<meta name=\"copyright\" content=\"Stadtwerke Lindau\">",
                             "", NULL, "https://www.stadtwerke-lindau.de/presse/x"),
                        "Stadtwerke Lindau");
    assert_string_equal(site(TITLE("Radfahren im Salzburger Land"), "",
                             "<p>© Tourismus Salzburg / Thomas Kujat</p>", "https://www.tourismus-salzburg.at/x"),
                        "(none)");
    /* og:site_name that holds an address describes the site */
    assert_string_equal(site(TITLE("Ferry service resumes") OG("Island news and views on www.keyislander.com"), "",
                             "<p>© 2022, KeyIslander.com. This article is the copyrighted property of "
                             "KeyIslander.com.</p>",
                             NULL),
                        "KeyIslander.com");
    assert_string_equal(site(TITLE("Berne interdit le chlorothalonil") OG("tdg.ch/"), "", NULL, NULL), "(none)");
}

/* A Cyrillic name with its tagline in og:site_name, under the host that
 * transliterates the name: the name, in any common scheme. */
static void test_transliterated_host(void **state)
{
    (void)state;
    const char *head = "<title>Метеостанция » Самоделкин - журнал для мастеров</title>"
                       "<meta property=\"og:site_name\" content=\"Самоделкин - журнал для мастеров\">";
    assert_string_equal(site(head, "", NULL, "https://samodelkin-zhurnal.ru/elektronika/1874.html"), "Самоделкин");
    assert_string_equal(site("<meta property=\"og:site_name\" content=\"Вісті Полтавщини — новини Полтави та області\">",
                             "", NULL, "https://vistipoltavshchyny.com.ua/misto/mist/"),
                        "Вісті Полтавщини");
    /* a host that spells neither part: the whole name stays */
    assert_string_equal(site(head, "", NULL, "https://masterskaya-online.ru/elektronika/1874.html"),
                        "Самоделкин - журнал для мастеров");
    /* the schemes, and where they must not match */
    assert_true(px_translit_spells_host("shchyolkovo", 11, "Щёлково", strlen("Щёлково")));
    assert_true(px_translit_spells_host("schelkovo-news", 14, "Щёлково", strlen("Щёлково")));
    assert_true(px_translit_spells_host("zhytomyr", 8, "Житомир", strlen("Житомир")));
    assert_false(px_translit_spells_host("samodelkino", 11, "Самоделкин", strlen("Самоделкин")));
    assert_false(px_translit_spells_host("samodelkin", 10, "Samodelkin", 10));
    assert_false(px_translit_spells_host("abc", 3, "Абв", strlen("Абв")));
}

/* Chinese and Japanese titles join the site's name without spaces: "_",
 * "｜" (confirmed by the logo as any other segment); "_" inside a Latin
 * word is no separator. */
static void test_cjk_title_separators(void **state)
{
    (void)state;
    assert_string_equal(site("<title>江城地铁5号线南延段开通试运营_江城新闻网</title>",
                             "<a href=\"/\" class=\"logo\"><img src=\"/logo.png\" alt=\"江城新闻网\"></a>", NULL, NULL),
                        "江城新闻网");
    assert_string_equal(site("<title>放課後児童クラブの追加募集について｜岩根市</title>",
                             "<div id=\"tmp_hlogo\"><p><a href=\"/\"><span>岩根市</span></a></p></div>", NULL, NULL),
                        "岩根市");
    /* a link to the root's index page is one home (Dotclear's "/index.php?") */
    assert_string_equal(site("<title>Refaire un joint de cheminée - Les carnets de la Combe</title>",
                             "<header id=\"top\"><h1><span><a href=\"https://carnets-combe.fr/index.php?\">Les carnets de la Combe</a>"
                             "</span></h1></header>", NULL, "https://carnets-combe.fr/index.php?post/2024/03/07/joint"),
                        "Les carnets de la Combe");
    assert_string_equal(site("<title>Refaire un joint de cheminée - Les carnets de la Combe</title>",
                             "<header id=\"top\"><h1><span><a href=\"https://carnets-combe.fr/index.php?post/2024/03/01/poele\">Les carnets de la Combe</a>"
                             "</span></h1></header>", NULL, "https://carnets-combe.fr/index.php?post/2024/03/07/joint"),
                        "(none)");
    /* Joomla's home link, its title a name, a comma and a tagline */
    assert_string_equal(site("<title>Alajuelense se distancia en el liderato</title>",
                             "<ul class=\"nav menu\"><li class=\"item-101\"><a href=\"/index.php\" title=\"Everardo Herrera,  lo mejor del fútbol de Costa Rica \">"
                             "Everardo Herrera</a></li><li class=\"item-1603\"><a href=\"/index.php/futbol-costa-rica\">Futbol Nacional</a></li></ul>", NULL, "https://www.everardoherrera.com/index.php/futbol/123-momento"),
                        "Everardo Herrera");
    assert_string_equal(site("<title>Bike_lane extended</title>",
                             "<a href=\"/\" class=\"logo\"><img src=\"/logo.png\" alt=\"lane extended\"></a>", NULL, NULL),
                        "(none)");
}

/* When nothing confirms a name: the masthead logo's own alt, a
 * publisher's legal name, then a copyright's holder in the page's digits
 * or quotes; and the host's words out of a longer holder. */
static void test_last_resorts(void **state)
{
    (void)state;
    assert_string_equal(site("<title>ارتفاع منسوب النهر</title>",
                             "<header><a href=\"/\" class=\"logo\"><img src=\"/l.svg\" alt=\"بوابة الوادي\"></a></header>", NULL,
                             "https://www.bawabatalwadi.net/local/84017"),
                        "بوابة الوادي");
    /* an alt that says "logo" or "home" names nothing */
    assert_string_equal(site("<title>منصوبہ منظور</title>", "<a href=\"/\"><img src=\"/l.gif\" alt=\"لوگو\"></a>", NULL, NULL),
                        "(none)");
    assert_string_equal(site("<title>Міст</title>", "<a href=\"/\"><img src=\"/l.svg\" alt=\"Головна\"></a>",
                             "<footer><p>© 2012–2024 «Рівне Сьогодні». Усі права захищені.</p></footer>", NULL),
                        "Рівне Сьогодні");
    assert_string_equal(site("<title>انار</title>", "", "<footer>© ۱۴۰۲ باغچه سبز. کلیه حقوق محفوظ است.</footer>", NULL),
                        "باغچه سبز");
    assert_string_equal(site("<title>সূর্যমুখী</title>", "", "<footer><p>© ২০২৪ দৈনিক চরবার্তা। সর্বস্বত্ব সংরক্ষিত।</p></footer>", NULL),
                        "দৈনিক চরবার্তা");
    /* the logo's alt before a publisher's legal name; a page named home
     * (Adobe Experience Manager) is the home page */
    assert_string_equal(site(LD("{\"@type\":\"NewsArticle\",\"headline\":\"Ghat\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Kashi Darpan Media Pvt. Ltd.\"}}"),
                             "<div class=\"cmp-image\"><a class=\"cmp-image__link\" href=\"/content/kashidarpan/hi/home.html\">"
                             "<img src=\"/logo.png\" class=\"cmp-image__image\" alt=\"काशी दर्पण\"></a></div>", NULL, NULL),
                        "काशी दर्पण");
    assert_string_equal(site(LD("{\"@type\":\"NewsArticle\",\"headline\":\"Ghat\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Kashi Darpan Media Pvt. Ltd.\"}}"),
                             "", NULL, NULL),
                        "Kashi Darpan Media Pvt. Ltd.");
    assert_string_equal(site("<title>Library</title>", "", "<footer><p>© 2024 Nila Times Media. All rights reserved.</p></footer>",
                             "https://www.nilatimes.in/ta/district/library/"),
                        "Nila Times");
    /* a CJK alt glued to "home page" ("CSDN首页") */
    assert_string_equal(site("<title>Redis 分布式锁的五个坑_redis 锁续期-CSDN博客</title>",
                             "<a class=\"toolbar-logo\" href=\"https://www.csdn.net\"><img src=\"/l.png\" alt=\"CSDN首页\"></a>", NULL,
                             "https://blog.csdn.net/lin_haoyu/article/details/136521887"),
                        "CSDN");
}

/* Seventh round: a page's own header over the title's section, a logo
 * in a wrapper of the home link, a CJK alt, an alt with a description
 * after a dash, a host with Turkish letters. */
static void test_seventh_round(void **state)
{
    (void)state;
    /* the title's last segment is the section the page's header shows,
     * and the logo's alt (in a span inside the home link) names the site */
    assert_string_equal(site("<title>さくらまつりの開催について | お知らせ</title>",
                             "<header><div class=\"site-header-logo\"><a href=\"https://midori-kanko.jp/\"><span>"
                             "<img src=\"/l.png\" alt=\"みどり町観光協会\"></span></a></div></header>"
                             "<div class=\"page-header\"><div class=\"page-header-title\">お知らせ</div></div>",
                             NULL, "https://midori-kanko.jp/news/sakura2024/"),
                        "みどり町観光協会");
    assert_string_equal(site("<title>さくらまつり</title>",
                             "<a href=\"/\"><img src=\"/l.png\" alt=\"一般社団法人 みどり町観光協会\"></a>", NULL, NULL),
                        "一般社団法人 みどり町観光協会");
    /* the alt's name before a dash and a longer description */
    assert_string_equal(site("<title>הספרייה נפתחת מחדש</title>",
                             "<div class=\"imageWidget\"><a href=\"/\"><img src=\"/l.png\" alt=\"גשר לקהילה - עמותה לפיתוח קהילתי\"></a></div>",
                             NULL, NULL),
                        "גשר לקהילה");
    assert_string_equal(site("<title>Bread</title>", "<a href=\"/\"><img src=\"/l.png\" alt=\"Stadtbäckerei Huber - Startseite\"></a>",
                             NULL, NULL),
                        "Stadtbäckerei Huber - Startseite");
    /* the title's end spells the host with Turkish letters folded */
    assert_string_equal(site("<title>Hamsi sezonu kapanırken - Karadeniz Balıkçılar Forumu</title>", "", NULL,
                             "https://www.karadenizbalikcilar.com/viewtopic.php?t=4127"),
                        "Karadeniz Balıkçılar Forumu");
}

int main(void)
{
    ex = default_extractor();
    if (!ex)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_og_site_name_first),
        cmocka_unit_test(test_title_segment_masthead),
        cmocka_unit_test(test_title_segment_other_evidence),
        cmocka_unit_test(test_masthead_without_title),
        cmocka_unit_test(test_evidence_order),
        cmocka_unit_test(test_publisher_legal_name),
        cmocka_unit_test(test_platform),
        cmocka_unit_test(test_transliterated_host),
        cmocka_unit_test(test_title_not_site_name),
        cmocka_unit_test(test_tagline_part),
        cmocka_unit_test(test_markup_weighed),
        cmocka_unit_test(test_bare_label_and_accents),
        cmocka_unit_test(test_title_end_spells_host),
        cmocka_unit_test(test_title_segments_more),
        cmocka_unit_test(test_logo_and_masthead),
        cmocka_unit_test(test_copyright_holder),
        cmocka_unit_test(test_cjk_title_separators),
        cmocka_unit_test(test_last_resorts),
        cmocka_unit_test(test_seventh_round),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    pith_extractor_free(ex);
    return rc;
}
