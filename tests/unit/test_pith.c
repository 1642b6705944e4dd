/* Tests for the public API (include/pith.h): the life cycle of options,
 * extractors and results, error reporting, argument checking, and memory:
 * every block pith takes from the caller's allocator is given back, and an
 * allocation failure at any point is reported as PITH_ERR_NOMEM without a
 * crash, a leak or a silently different result. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <gumbo.h>
#include <unistd.h>

#include "counting_alloc.h"
#include "json.h"
#include "pith.h"

/* ------------------------------------------------------------------ */
/* Pages                                                                */

#define PARA1                                                                            \
    "The city council voted on Tuesday to extend the harbour bike lane by another "     \
    "two kilometres, after a year in which the number of riders doubled."
#define PARA2                                                                            \
    "Residents along the waterfront had asked for the extension since the first "       \
    "section opened, saying that riders were forced onto a busy road."

static const char SIMPLE[] = "<html><head><title>Bike lane - Daily Harbour</title></head><body>"
                             "<article><p>" PARA1 "</p><p>" PARA2 "</p></article></body></html>";
static const char SIMPLE_TEXT[] = PARA1 "\n\n" PARA2;

/* A small page with what real pages carry around an article: scripts,
 * styles, menus, share bars, ads, a sidebar, comments and a footer, and
 * text outside ASCII. */
static const char REALISTIC[] =
    "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>\n"
    "<title>Harbour bike lane to be extended \xE2\x80\x93 Daily Harbour</title>\n"
    "<meta property=\"og:title\" content=\"Harbour bike lane to be extended\">\n"
    "<style>body{font:16px serif}.ad{display:block}</style>\n"
    "<script>window.dataLayer=[];function track(e){dataLayer.push(e)}</script>\n"
    "</head><body class=\"single post-template\">\n"
    "<header class=site-header><a href=/ class=logo>Daily Harbour</a>\n"
    "<nav><ul><li><a href=/news>News</a></li><li><a href=/sport>Sport</a></li>"
    "<li><a href=/culture>Culture</a></li><li><a href=/opinion>Opinion</a></li></ul></nav>"
    "<form class=search action=/s><input name=q placeholder=Search></form></header>\n"
    "<main><article class=\"post type-post\">\n"
    "<h1 class=entry-title>Harbour bike lane to be extended</h1>\n"
    "<div class=entry-meta><span class=byline>By <a href=/a/jo>Jo Fenwick</a></span> "
    "<time datetime=2026-03-03>3 March 2026</time></div>\n"
    "<div class=\"share-buttons\"><a href=#f>Facebook</a> <a href=#t>Twitter</a> "
    "<a href=#m>Email</a></div>\n"
    "<div class=entry-content>\n"
    "<p>" PARA1 "</p>\n"
    "<p>" PARA2 "</p>\n"
    "<figure><img src=/lane.jpg alt=\"The lane by the fish market\">"
    "<figcaption>The lane by the fish market. <span class=credit>Photo: A. Berg</span>"
    "</figcaption></figure>\n"
    "<p>Shop owners were divided: some feared the loss of parking spaces, while others "
    "said that cyclists stopped more often than drivers and spent more money in the "
    "caf\xC3\xA9s and stores of the old town.</p>\n"
    "<div class=\"ad ad-slot\"><span>Advertisement</span><ins data-ad-client=ca-pub-1>"
    "</ins></div>\n"
    "<h2>What happens next</h2>\n"
    "<p>Construction is expected to start in the spring and to take about four months, "
    "during which the road will be narrowed to one lane in each direction.</p>\n"
    "<ul><li>Phase one: the fish market to the ferry pier</li>"
    "<li>Phase two: the ferry pier to the old lighthouse</li></ul>\n"
    "<table><tr><th>Section</th><th>Length</th></tr>"
    "<tr><td>Fish market to ferry pier</td><td>850 m</td></tr>"
    "<tr><td>Ferry pier to lighthouse</td><td>1,150 m</td></tr></table>\n"
    "<blockquote><p>\xE2\x80\x9CWe waited for years, and it was worth it,\xE2\x80\x9D "
    "said Maria Lund, who rides the route every day.</p></blockquote>\n"
    "<p>The council will publish the final plans next month, and residents will have six "
    "weeks to comment before work begins, the transport department said.</p>\n"
    "</div>\n"
    "<div class=related-posts><h3>Related stories</h3><ul>"
    "<li><a href=/1>Ferry fares to rise in May</a></li>"
    "<li><a href=/2>New library wing opens on the quay</a></li>"
    "<li><a href=/3>Harbour festival returns this summer</a></li></ul></div>\n"
    "</article>\n"
    "<section id=comments class=comments><h3>2 comments</h3>"
    "<div class=comment><p>Finally! The last stretch by the fish market is dangerous "
    "at rush hour.</p></div>"
    "<div class=comment><p>What about parking? Nobody asked the people who live "
    "there.</p></div></section>\n"
    "</main>\n"
    "<aside class=sidebar><h3>Most read</h3><ol>"
    "<li><a href=/4>Storm closes the coastal road</a></li>"
    "<li><a href=/5>Local team wins the derby</a></li>"
    "<li><a href=/6>Ten beaches for the weekend</a></li></ol>"
    "<div class=newsletter><p>Get the Daily Harbour in your inbox.</p>"
    "<form><input type=email><button>Subscribe</button></form></div></aside>\n"
    "<footer class=site-footer><p>\xC2\xA9 2026 Daily Harbour. All rights reserved.</p>"
    "<a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer>\n"
    "<script>track({page:'article'})</script>\n"
    "</body></html>\n";

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

static pith_extractor *new_extractor(const pith_allocator *alloc, unsigned flags)
{
    pith_options *o = pith_options_new(alloc);
    assert_non_null(o);
    pith_options_set_flags(o, flags);
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(o, &err);
    if (!ex)
        fail_msg("pith_extractor_new: %s", err.message);
    pith_options_free(o);
    return ex;
}

/* Extracts html and returns the text (malloc'ed copy), or NULL with *rc
 * set when extraction gave no result. */
static char *extract_text(const pith_extractor *ex, const char *html, size_t len,
                          const char *encoding, int *rc, pith_error *err)
{
    pith_result *r = (pith_result *)(uintptr_t)1; /* must be overwritten */
    *rc = pith_extract(ex, html, len, encoding, NULL, &r, err);
    if (*rc != PITH_OK && *rc != PITH_NO_CONTENT) {
        assert_null(r);
        return NULL;
    }
    assert_non_null(r);
    size_t n = 0;
    const char *t = pith_result_text(r, &n);
    assert_int_equal(strlen(t), n);
    char *copy = strdup(t);
    pith_result_free(r);
    return copy;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                           */

static void test_lifecycle(void **state)
{
    (void)state;
    pith_options *o = pith_options_new(NULL);
    assert_non_null(o);
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(o, &err);
    assert_non_null(ex);
    /* the extractor needs nothing from the options once built */
    pith_options_free(o);

    pith_result *r1 = NULL, *r2 = NULL;
    assert_int_equal(pith_extract(ex, SIMPLE, sizeof SIMPLE - 1, NULL, NULL, &r1, &err), PITH_OK);
    /* the same extractor serves any number of pages */
    assert_int_equal(pith_extract(ex, SIMPLE, sizeof SIMPLE - 1, NULL, "https://example.org/x",
                                  &r2, &err), PITH_OK);
    size_t len = 0;
    assert_string_equal(pith_result_text(r1, &len), SIMPLE_TEXT);
    assert_int_equal(len, strlen(SIMPLE_TEXT));
    assert_string_equal(pith_result_title(r1), "Bike lane");
    assert_string_equal(pith_result_text(r2, NULL), SIMPLE_TEXT);
    /* results stand alone: they outlive the extractor */
    pith_extractor_free(ex);
    assert_string_equal(pith_result_text(r2, NULL), SIMPLE_TEXT);
    pith_result_free(r1);
    pith_result_free(r2);
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(pith_version(), PITH_VERSION);
    /* the parts say the same as the string (both come from meson.build) */
    char parts[64];
    snprintf(parts, sizeof parts, "%d.%d.%d", PITH_VERSION_MAJOR, PITH_VERSION_MINOR,
             PITH_VERSION_PATCH);
    assert_string_equal(parts, PITH_VERSION);
}

/* The command's WARC reader asks this before it trusts an HTTP charset. */
static void test_encoding_name(void **state)
{
    (void)state;
    assert_string_equal(pith_encoding_name("latin1"), "windows-1252");
    assert_string_equal(pith_encoding_name(" utf8 "), "UTF-8");
    assert_string_equal(pith_encoding_name("csKOI8R"), "KOI8-R");
    assert_null(pith_encoding_name("no-such-charset"));
    assert_null(pith_encoding_name(""));
    assert_null(pith_encoding_name(NULL));
}

/* The result of extracting html with flags; fails the test on an error. */
static pith_result *extract_ok(unsigned flags, const char *html)
{
    pith_extractor *ex = new_extractor(NULL, flags);
    pith_result *r = NULL;
    pith_error err = {0, ""};
    assert_int_equal(pith_extract(ex, html, strlen(html), NULL, NULL, &r, &err), PITH_OK);
    pith_extractor_free(ex);
    return r;
}

/* s1 then s2 then s3, malloc'ed. */
static char *cat3(const char *s1, const char *s2, const char *s3)
{
    size_t n1 = strlen(s1), n2 = strlen(s2), n3 = strlen(s3);
    char *s = malloc(n1 + n2 + n3 + 1);
    assert_non_null(s);
    memcpy(s, s1, n1);
    memcpy(s + n1, s2, n2);
    memcpy(s + n1 + n2, s3, n3 + 1);
    return s;
}

typedef const char *(*getter)(const pith_result *, size_t *);

/* get's output of r is s1 s2 s3, and its length says so. */
static void expect_doc(getter get, const pith_result *r, const char *s1, const char *s2, const char *s3)
{
    size_t len;
    const char *got = get(r, &len);
    char *want = cat3(s1, s2, s3);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    free(want);
}

/* PITH_WITH_TITLE and PITH_DOCUMENT: every format as the command prints
 * it, the title framed as the format frames it (or left out), a final
 * newline; the article itself is the one of a plain extraction. */
static void test_documents(void **state)
{
    (void)state;
    static const char page[] =
        "<html lang=en-GB><head><title>Fish &amp; *chips* #1 &amp;co &lt;3</title></head><body><article>"
        "<h1>Fish &amp; *chips* #1 &amp;co &lt;3</h1><p>" PARA1 "</p><p>" PARA2 "</p>"
        "</article></body></html>";
    const unsigned formats = PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML | PITH_FORMAT_JSON;
    pith_result *plain = extract_ok(formats, page);
    pith_result *with = extract_ok(formats | PITH_WITH_TITLE, page);
    pith_result *doc = extract_ok(formats | PITH_DOCUMENT, page);
    const char *title = "Fish & *chips* #1 &co <3";
    assert_string_equal(pith_result_title(plain), title);
    const char *text = pith_result_text(plain, NULL), *md = pith_result_markdown(plain, NULL);
    const char *html = pith_result_html(plain, NULL), *json = pith_result_json(plain, NULL);

    expect_doc(pith_result_text, with, "Fish & *chips* #1 &co <3\n\n", text, "\n");
    expect_doc(pith_result_text, doc, "", text, "\n");
    /* what Markdown would read as syntax is escaped in the heading */
    expect_doc(pith_result_markdown, with, "# Fish & \\*chips\\* \\#1 \\&co \\<3\n\n", md, "\n");
    expect_doc(pith_result_markdown, doc, "", md, "\n");
    const char *head = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\" />\n"
                       "<title>Fish &amp; *chips* #1 &amp;co &lt;3</title>\n</head>\n<body>\n<article>\n";
    char *h1 = cat3(head, "<h1>Fish &amp; *chips* #1 &amp;co &lt;3</h1>\n", html);
    expect_doc(pith_result_html, with, h1, "", "\n</article>\n</body>\n</html>\n");
    free(h1);
    expect_doc(pith_result_html, doc, head, html, "\n</article>\n</body>\n</html>\n");
    /* the JSON holds the title as a member either way */
    expect_doc(pith_result_json, with, "", json, "\n");
    expect_doc(pith_result_json, doc, "", json, "\n");
    pith_result_free(plain);
    pith_result_free(with);
    pith_result_free(doc);

    /* no article: no document either */
    pith_extractor *ex = new_extractor(NULL, formats | PITH_WITH_TITLE);
    pith_result *r = NULL;
    pith_error err = {0, ""};
    static const char empty[] = "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>";
    assert_int_equal(pith_extract(ex, empty, sizeof empty - 1, NULL, NULL, &r, &err), PITH_NO_CONTENT);
    assert_string_equal(pith_result_text(r, NULL), "");
    assert_string_equal(pith_result_html(r, NULL), "");
    pith_result_free(r);
    pith_extractor_free(ex);
}

/* PITH_NO_METADATA: every document is the same bytes, the title
 * included, and pith_result_meta answers nothing; with PITH_FORMAT_JSON
 * the flag is ignored, as the object holds the metadata. */
static void test_no_metadata(void **state)
{
    (void)state;
    static const char page[] =
        "<html lang=en-GB><head><title>Harbour lane extended | Harbour Gazette</title>"
        "<meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article>"
        "<h1>Harbour lane extended</h1><p class=\"byline\">By Jane Doe</p><p>" PARA1 "</p><p>" PARA2 "</p>"
        "<p>\xe2\x80\x94 Dana Whitfield</p></article></body></html>";
    const unsigned formats = PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML;
    const getter outputs[] = {pith_result_text, pith_result_markdown, pith_result_html};
    for (unsigned frame = 0; frame < 2; frame++) {
        unsigned flags = formats | (frame ? PITH_WITH_TITLE : PITH_DOCUMENT);
        pith_result *full = extract_ok(flags, page);
        pith_result *lean = extract_ok(flags | PITH_NO_METADATA, page);
        for (size_t i = 0; i < sizeof outputs / sizeof *outputs; i++)
            assert_string_equal(outputs[i](lean, NULL), outputs[i](full, NULL));
        assert_string_equal(pith_result_title(lean), pith_result_title(full));
        assert_string_equal(pith_result_meta(full, PITH_META_AUTHOR, 0), "Jane Doe");
        assert_string_equal(pith_result_meta(full, PITH_META_SITE_NAME, 0), "Harbour Gazette");
        for (int f = 0; f < PITH_META_COUNT; f++)
            assert_null(pith_result_meta(lean, (pith_meta_field)f, 0));
        pith_result_free(full);
        pith_result_free(lean);
    }
    pith_result *json = extract_ok(PITH_FORMAT_JSON, page);
    pith_result *json_flag = extract_ok(PITH_FORMAT_JSON | PITH_NO_METADATA, page);
    assert_string_equal(pith_result_json(json_flag, NULL), pith_result_json(json, NULL));
    assert_string_equal(pith_result_meta(json_flag, PITH_META_AUTHOR, 0), "Jane Doe");
    assert_string_equal(pith_result_meta(json_flag, PITH_META_LANGUAGE, 0), "en-GB");
    pith_result_free(json);
    pith_result_free(json_flag);
}

/* PITH_JSON_COMPACT: the same object on one line, exactly as the JSON
 * writer puts the pretty one (which the batches used to parse back). */
static void test_json_compact(void **state)
{
    (void)state;
    const unsigned formats = PITH_FORMAT_JSON | PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML;
    pith_result *pretty = extract_ok(formats, REALISTIC);
    pith_result *compact = extract_ok(formats | PITH_JSON_COMPACT, REALISTIC);
    size_t n;
    const char *p = pith_result_json(pretty, &n);
    assert_non_null(strchr(p, '\n'));
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_json_doc doc;
    assert_int_equal(px_json_parse(&doc, &a, p, n), PITH_OK);
    px_buf b;
    px_buf_init(&b, &a);
    px_json_write(&b, doc.root);
    px_buf_putc(&b, '\0');
    assert_string_equal(pith_result_json(compact, &n), b.data);
    assert_int_equal(n, b.len - 1);
    assert_null(memchr(b.data, '\n', n));
    px_buf_free(&b);
    px_json_free(&doc);
    pith_result_free(pretty);
    pith_result_free(compact);
}

static void test_status_strings(void **state)
{
    (void)state;
    assert_string_equal(pith_status_string(PITH_OK), "ok");
    assert_string_equal(pith_status_string(PITH_NO_CONTENT), "no article text found");
    assert_string_equal(pith_status_string(PITH_ERR_USAGE), "usage error");
    assert_string_equal(pith_status_string(PITH_ERR_INPUT), "unreadable input");
    assert_string_equal(pith_status_string(PITH_ERR_RULES), "rule file error");
    assert_string_equal(pith_status_string(PITH_ERR_NOMEM), "out of memory");
    assert_string_equal(pith_status_string(PITH_ERR_LIMIT), "input exceeds a limit");
    /* codes pith never returns still get a string, not a crash or NULL */
    assert_string_equal(pith_status_string(-1), "unknown status");
    assert_string_equal(pith_status_string(PITH_ERR_LIMIT + 1), "unknown status");
    assert_string_equal(pith_status_string(1 << 30), "unknown status");
}

/* ------------------------------------------------------------------ */
/* Rules through the API                                                */

static void test_add_rules_error(void **state)
{
    (void)state;
    pith_options *o = pith_options_new(NULL);
    pith_error err = {0, ""};
    const char *bad = "# my rules\ndrop klass=ad\n";
    assert_int_equal(pith_options_add_rules(o, "my.rules", bad, strlen(bad), &err), PITH_ERR_RULES);
    assert_int_equal(err.code, PITH_ERR_RULES);
    assert_string_equal(err.message, "my.rules:2: unknown matcher 'klass=ad'");
    /* without a name the message still says where */
    assert_int_equal(pith_options_add_rules(o, NULL, bad, strlen(bad), &err), PITH_ERR_RULES);
    assert_string_equal(err.message, "<rules>:2: unknown matcher 'klass=ad'");
    /* and without an error struct the code is the same */
    assert_int_equal(pith_options_add_rules(o, "my.rules", bad, strlen(bad), NULL), PITH_ERR_RULES);
    /* the options stay usable, and nothing of the bad text was kept */
    const char *good = "drop class=secret\n";
    assert_int_equal(pith_options_add_rules(o, "good.rules", good, strlen(good), &err), PITH_OK);
    pith_extractor *ex = pith_extractor_new(o, &err);
    assert_non_null(ex);
    pith_options_free(o);
    static const char html[] = "<body><article><p>" PARA1 "</p><p class=secret>" PARA2 "</p>"
                               "</article></body>";
    int rc;
    char *t = extract_text(ex, html, sizeof html - 1, NULL, &rc, &err);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, PARA1); /* the added rule applied */
    free(t);
    pith_extractor_free(ex);
}

static void test_add_rules_file(void **state)
{
    (void)state;
    char path[] = "/tmp/pith-test-rules-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "# a local rule file\r\ndrop class=secret\r\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);

    pith_options *o = pith_options_new(NULL);
    pith_error err = {0, ""};
    int rc = pith_options_add_rules_file(o, path, &err);
    if (rc)
        fail_msg("pith_options_add_rules_file: %s", err.message);
    pith_extractor *ex = pith_extractor_new(o, &err);
    assert_non_null(ex);
    static const char html[] = "<body><article><p>" PARA1 "</p><p class=secret>" PARA2 "</p>"
                               "</article></body>";
    char *t = extract_text(ex, html, sizeof html - 1, NULL, &rc, &err);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, PARA1);
    free(t);
    pith_extractor_free(ex);

    /* a bad file is named by its path and line */
    fd = open(path, O_WRONLY | O_TRUNC);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "drop tag=p\n+5\n", 14), 14);
    close(fd);
    assert_int_equal(pith_options_add_rules_file(o, path, &err), PITH_ERR_RULES);
    char want[256];
    snprintf(want, sizeof want, "%s:2: rule '+5' has no matcher", path);
    assert_string_equal(err.message, want);
    unlink(path);

    /* a file that does not exist is an error naming it */
    assert_int_not_equal(pith_options_add_rules_file(o, path, &err), PITH_OK);
    assert_true(err.code == PITH_ERR_RULES || err.code == PITH_ERR_INPUT);
    assert_non_null(strstr(err.message, path));
    pith_options_free(o);
}

static void test_no_default_rules(void **state)
{
    (void)state;
    /* The default rules drop an ad label and a share bar; without them the
     * same page keeps both, and only rules added by hand apply. */
    static const char html[] =
        "<body><article><p>" PARA1 "</p><p>Advertisement</p>"
        "<div class=share-buttons>Share this story with your friends</div><p>" PARA2 "</p>"
        "</article></body>";
    int rc;
    pith_error err = {0, ""};

    pith_extractor *ex = new_extractor(NULL, 0);
    char *t = extract_text(ex, html, sizeof html - 1, NULL, &rc, &err);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, PARA1 "\n\n" PARA2);
    free(t);
    pith_extractor_free(ex);

    ex = new_extractor(NULL, PITH_NO_DEFAULT_RULES);
    t = extract_text(ex, html, sizeof html - 1, NULL, &rc, &err);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, PARA1 "\n\nAdvertisement\n\nShare this story with your friends\n\n" PARA2);
    free(t);
    pith_extractor_free(ex);

    pith_options *o = pith_options_new(NULL);
    pith_options_set_flags(o, PITH_NO_DEFAULT_RULES);
    const char *mine = "drop text~/^Advertisement$/\n";
    assert_int_equal(pith_options_add_rules(o, "mine", mine, strlen(mine), &err), PITH_OK);
    ex = pith_extractor_new(o, &err);
    assert_non_null(ex);
    pith_options_free(o);
    t = extract_text(ex, html, sizeof html - 1, NULL, &rc, &err);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, PARA1 "\n\nShare this story with your friends\n\n" PARA2);
    free(t);
    pith_extractor_free(ex);
}

/* ------------------------------------------------------------------ */
/* Bad arguments and bad input                                          */

static void test_null_arguments(void **state)
{
    (void)state;
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    pith_extractor *ex = new_extractor(NULL, 0);
    pith_result *r = (pith_result *)(uintptr_t)1;

    /* freeing nothing is allowed, like free(NULL) */
    pith_options_free(NULL);
    pith_extractor_free(NULL);
    pith_result_free(NULL);
    pith_options_set_flags(NULL, PITH_NO_DEFAULT_RULES);

    assert_int_equal(pith_options_add_rules(NULL, "n", "drop tag=p", 10, &err), PITH_ERR_USAGE);
    assert_int_equal(err.code, PITH_ERR_USAGE);
    assert_true(err.message[0] != '\0');
    assert_int_equal(pith_options_add_rules(o, "n", NULL, 0, &err), PITH_ERR_USAGE);
    assert_int_equal(pith_options_add_rules(NULL, "n", NULL, 0, NULL), PITH_ERR_USAGE);
    assert_int_equal(pith_options_add_rules_file(NULL, "/dev/null", &err), PITH_ERR_USAGE);
    assert_int_equal(pith_options_add_rules_file(o, NULL, &err), PITH_ERR_USAGE);
    assert_int_equal(pith_options_add_rules_file(o, NULL, NULL), PITH_ERR_USAGE);

    err.code = 0;
    assert_int_equal(pith_extract(NULL, SIMPLE, sizeof SIMPLE - 1, NULL, NULL, &r, &err),
                     PITH_ERR_USAGE);
    assert_int_equal(err.code, PITH_ERR_USAGE);
    assert_null(r); /* *out is cleared even on a usage error */
    assert_int_equal(pith_extract(ex, SIMPLE, sizeof SIMPLE - 1, NULL, NULL, NULL, &err),
                     PITH_ERR_USAGE);
    r = (pith_result *)(uintptr_t)1;
    assert_int_equal(pith_extract(ex, NULL, 10, NULL, NULL, &r, &err), PITH_ERR_USAGE);
    assert_null(r);
    assert_int_equal(pith_extract(NULL, NULL, 10, NULL, NULL, NULL, NULL), PITH_ERR_USAGE);

    /* no input at all is an empty page, not a usage error */
    assert_int_equal(pith_extract(ex, NULL, 0, NULL, NULL, &r, &err), PITH_NO_CONTENT);
    assert_non_null(r);
    assert_string_equal(pith_result_text(r, NULL), "");
    pith_result_free(r);

    /* the result getters accept NULL */
    size_t len = 99;
    assert_string_equal(pith_result_text(NULL, &len), "");
    assert_int_equal(len, 0);
    assert_string_equal(pith_result_title(NULL), "");
    assert_string_equal(pith_result_text(NULL, NULL), "");

    /* without options an extractor has the defaults */
    pith_extractor *ex2 = pith_extractor_new(NULL, &err);
    assert_non_null(ex2);
    int rc;
    char *t = extract_text(ex2, SIMPLE, sizeof SIMPLE - 1, NULL, &rc, NULL);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, SIMPLE_TEXT);
    free(t);
    pith_extractor_free(ex2);

    pith_extractor_free(ex);
    pith_options_free(o);
}

static void test_unknown_encoding(void **state)
{
    (void)state;
    pith_extractor *ex = new_extractor(NULL, 0);
    pith_error err = {0, ""};
    pith_result *r = (pith_result *)(uintptr_t)1;
    assert_int_equal(pith_extract(ex, SIMPLE, sizeof SIMPLE - 1, "klingon", NULL, &r, &err),
                     PITH_ERR_INPUT);
    assert_null(r);
    assert_int_equal(err.code, PITH_ERR_INPUT);
    assert_non_null(strstr(err.message, "klingon"));
    assert_int_equal(pith_extract(ex, SIMPLE, sizeof SIMPLE - 1, "klingon", NULL, &r, NULL),
                     PITH_ERR_INPUT);

    /* a known label is used, whatever the page says */
    static const char latin1[] = "<meta charset=utf-8><article><p>" PARA1 " Caf\xE9.</p></article>";
    int rc;
    char *t = extract_text(ex, latin1, sizeof latin1 - 1, "windows-1252", &rc, &err);
    assert_int_equal(rc, PITH_OK);
    assert_string_equal(t, PARA1 " Caf\xC3\xA9.");
    free(t);
    pith_extractor_free(ex);
}

static void test_no_content_result(void **state)
{
    (void)state;
    /* PITH_NO_CONTENT still hands back a result: the title is known */
    pith_extractor *ex = new_extractor(NULL, 0);
    static const char html[] = "<html><head><title>Site map</title></head><body>"
                               "<ul><li><a href=/a>Home</a></li><li><a href=/b>News</a></li></ul>"
                               "</body></html>";
    pith_error err = {0, ""};
    pith_result *r = NULL;
    assert_int_equal(pith_extract(ex, html, sizeof html - 1, NULL, NULL, &r, &err), PITH_NO_CONTENT);
    assert_non_null(r);
    assert_int_equal(err.code, PITH_NO_CONTENT);
    assert_string_equal(err.message, "no article text found");
    size_t len = 99;
    assert_string_equal(pith_result_text(r, &len), "");
    assert_int_equal(len, 0);
    assert_string_equal(pith_result_title(r), "Site map");
    pith_result_free(r);
    pith_extractor_free(ex);
}

/* ------------------------------------------------------------------ */
/* Memory                                                               */

static void test_counting_allocator(void **state)
{
    (void)state;
    counter c = {0, 0, -1, false, false};
    pith_allocator hooks = counting_hooks(&c);
    pith_options *o = pith_options_new(&hooks);
    assert_non_null(o);
    pith_error err = {0, ""};
    const char *mine = "drop class=secret\n";
    assert_int_equal(pith_options_add_rules(o, "mine", mine, strlen(mine), &err), PITH_OK);
    pith_extractor *ex = pith_extractor_new(o, &err);
    assert_non_null(ex);
    pith_options_free(o);
    assert_true(c.live > 0); /* the hooks are really used */
    /* The extractor compiles its bundled patterns when first needed, and
     * JIT-compiles them after their 100th use, and keeps both: warm it up,
     * then it must not grow any more. */
    pith_result *r = NULL;
    for (int warm = 0; warm < 101; warm++) {
        assert_int_equal(pith_extract(ex, REALISTIC, sizeof REALISTIC - 1, NULL, NULL, &r, &err),
                         PITH_OK);
        pith_result_free(r);
    }
    long built = c.live;

    assert_int_equal(pith_extract(ex, REALISTIC, sizeof REALISTIC - 1, NULL, NULL, &r, &err),
                     PITH_OK);
    assert_true(c.live > built); /* the result is the caller's */
    pith_result_free(r);
    /* an extraction leaves nothing behind in the extractor */
    assert_int_equal(c.live, built);

    /* a failed one neither */
    assert_int_equal(pith_extract(ex, REALISTIC, sizeof REALISTIC - 1, "klingon", NULL, &r, &err),
                     PITH_ERR_INPUT);
    assert_int_equal(c.live, built);

    pith_extractor_free(ex);
    assert_int_equal(c.live, 0);

    /* refused rules leave nothing either */
    o = pith_options_new(&hooks);
    const char *bad = "drop class=a id~/x/\ndrop tag=p text~/(/\n";
    assert_int_equal(pith_options_add_rules(o, "bad", bad, strlen(bad), &err), PITH_ERR_RULES);
    pith_options_free(o);
    assert_int_equal(c.live, 0);
}

/* Runs the realistic page with a failure injected at every allocation
 * pith makes while extracting, first one failure at a time, then with
 * every allocation failing from some point on. */
static void failing_extract(unsigned flags)
{
    /* the answer when nothing fails */
    pith_extractor *ref_ex = new_extractor(NULL, flags);
    pith_result *ref = NULL;
    pith_error err = {0, ""};
    assert_int_equal(pith_extract(ref_ex, REALISTIC, sizeof REALISTIC - 1, NULL, NULL, &ref, &err),
                     PITH_OK);
    assert_true(strlen(pith_result_text(ref, NULL)) > 500);

    counter c = {0, 0, -1, false, false};
    pith_allocator hooks = counting_hooks(&c);
    pith_extractor *ex = new_extractor(&hooks, flags);
    /* The extractor JIT-compiles a pattern after its 100th use and keeps
     * the copy: warm it up past that before taking the baseline. */
    for (int warm = 0; warm < 101; warm++) {
        pith_result *w = NULL;
        assert_int_equal(pith_extract(ex, REALISTIC, sizeof REALISTIC - 1, NULL, NULL, &w, &err),
                         PITH_OK);
        pith_result_free(w);
    }
    long built = c.live;
    long failures = 0, calls = 0;
    for (int sticky = 0; sticky < 2; sticky++) {
        for (long n = 0;; n++) {
            c.calls = 0;
            c.fail_at = n;
            c.sticky = sticky;
            c.failed = false;
            pith_result *r = (pith_result *)(uintptr_t)1;
            err = (pith_error){0, ""};
            int rc = pith_extract(ex, REALISTIC, sizeof REALISTIC - 1, NULL, NULL, &r, &err);
            c.fail_at = -1;
            if (rc == PITH_ERR_NOMEM) {
                if (!c.failed)
                    fail_msg("call %ld: PITH_ERR_NOMEM without a failed allocation", n);
                assert_null(r);
                assert_int_equal(err.code, PITH_ERR_NOMEM);
                assert_true(err.message[0] != '\0');
                failures++;
            } else if (rc == PITH_OK) {
                /* a failure pith could work around (the JIT stack) must
                 * not change what the user gets */
                assert_non_null(r);
                if (strcmp(pith_result_text(r, NULL), pith_result_text(ref, NULL)))
                    fail_msg("call %ld failed, the text changed:\n%s", n, pith_result_text(r, NULL));
                assert_string_equal(pith_result_title(r), pith_result_title(ref));
                if (flags & PITH_EXPLAIN)
                    assert_string_equal(pith_result_explain(r), pith_result_explain(ref));
                pith_result_free(r);
            } else {
                fail_msg("call %ld failed: status %d (%s), want PITH_ERR_NOMEM", n, rc, err.message);
            }
            if (c.live != built)
                fail_msg("call %ld failed%s: %ld blocks leaked", n, sticky ? " (and all after)" : "",
                         c.live - built);
            if (!c.failed) {
                calls = c.calls;
                break; /* n is past the last allocation: done */
            }
        }
    }
    print_message("%s: %ld allocations, %ld injected failures gave PITH_ERR_NOMEM\n",
                  flags & PITH_EXPLAIN ? "with trace" : "plain", calls, failures);
    assert_true(failures > 10); /* the loop did reach pith's allocations */
    pith_extractor_free(ex);
    assert_int_equal(c.live, 0);
    pith_result_free(ref);
    pith_extractor_free(ref_ex);
}

static void test_failing_allocator_extract(void **state)
{
    (void)state;
    failing_extract(0);
}

static void test_failing_allocator_extract_explain(void **state)
{
    (void)state;
    failing_extract(PITH_EXPLAIN);
}

/* Whole documents in every format: the framing allocates too. */
static void test_failing_allocator_extract_documents(void **state)
{
    (void)state;
    failing_extract(PITH_WITH_TITLE | PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML | PITH_FORMAT_JSON);
}

static void test_failing_allocator_build(void **state)
{
    (void)state;
    for (long n = 0;; n++) {
        counter c = {0, 0, n, false, false};
        pith_allocator hooks = counting_hooks(&c);
        pith_error err = {0, ""};
        int rc = PITH_OK;
        pith_options *o = pith_options_new(&hooks);
        if (!o) {
            rc = PITH_ERR_NOMEM;
        } else {
            /* Own rules only, so that the loop stays short: the bundled
             * ones go through the same parser and compiler. */
            pith_options_set_flags(o, PITH_NO_DEFAULT_RULES);
            const char *mine = "drop class=secret\n+20 id~/^story/i\n"
                               "drop tag=nav,my-widget attr=data-x!~/keep/\n"
                               "drop text~/^advertisement$/i maxlen=20\n";
            rc = pith_options_add_rules(o, "mine", mine, strlen(mine), &err);
            if (!rc) {
                pith_extractor *ex = pith_extractor_new(o, &err);
                rc = ex ? PITH_OK : (int)err.code;
                if (ex) {
                    /* only the JIT may fail quietly: the extractor built
                     * despite a failure must still give the right text */
                    bool failed = c.failed;
                    c.fail_at = -1;
                    int xrc;
                    char *t = extract_text(ex, SIMPLE, sizeof SIMPLE - 1, NULL, &xrc, &err);
                    assert_int_equal(xrc, PITH_OK);
                    if (strcmp(t, SIMPLE_TEXT))
                        fail_msg("allocation %ld failed%s, the text changed: %s", n,
                                 failed ? "" : " (none)", t);
                    free(t);
                    c.failed = failed;
                }
                pith_extractor_free(ex);
            }
            pith_options_free(o);
        }
        if (rc != PITH_OK && rc != PITH_ERR_NOMEM)
            fail_msg("allocation %ld failed: status %d (%s), want PITH_ERR_NOMEM", n, rc,
                     err.message);
        if (c.live)
            fail_msg("allocation %ld failed: %ld blocks leaked", n, c.live);
        if (!c.failed)
            break;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lifecycle),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_status_strings),
        cmocka_unit_test(test_encoding_name),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_no_metadata),
        cmocka_unit_test(test_json_compact),
        cmocka_unit_test(test_add_rules_error),
        cmocka_unit_test(test_add_rules_file),
        cmocka_unit_test(test_no_default_rules),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_unknown_encoding),
        cmocka_unit_test(test_no_content_result),
        cmocka_unit_test(test_counting_allocator),
        cmocka_unit_test(test_failing_allocator_extract),
        cmocka_unit_test(test_failing_allocator_extract_explain),
        cmocka_unit_test(test_failing_allocator_extract_documents),
        cmocka_unit_test(test_failing_allocator_build),
    };
    return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
