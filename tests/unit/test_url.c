/* Tests for src/url.c: RFC 3986 reference resolution (every example of
 * section 5.4), the clean-up of attribute values, and which URLs may be
 * written out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "url.h"

static px_alloc A;

static void resolves(const char *base, const char *ref, const char *want)
{
    char *got = px_url_resolve(&A, base, ref);
    assert_non_null(got);
    if (strcmp(got, want))
        fail_msg("resolve(%s, %s) = %s, want %s", base ? base : "NULL", ref, got, want);
    px_free(&A, got);
}

#define BASE "http://a/b/c/d;p?q"

static void test_rfc3986_normal(void **state)
{
    (void)state;
    resolves(BASE, "g:h", "g:h");
    resolves(BASE, "g", "http://a/b/c/g");
    resolves(BASE, "./g", "http://a/b/c/g");
    resolves(BASE, "g/", "http://a/b/c/g/");
    resolves(BASE, "/g", "http://a/g");
    resolves(BASE, "//g", "http://g");
    resolves(BASE, "?y", "http://a/b/c/d;p?y");
    resolves(BASE, "g?y", "http://a/b/c/g?y");
    resolves(BASE, "#s", "http://a/b/c/d;p?q#s");
    resolves(BASE, "g#s", "http://a/b/c/g#s");
    resolves(BASE, "g?y#s", "http://a/b/c/g?y#s");
    resolves(BASE, ";x", "http://a/b/c/;x");
    resolves(BASE, "g;x", "http://a/b/c/g;x");
    resolves(BASE, "g;x?y#s", "http://a/b/c/g;x?y#s");
    resolves(BASE, "", "http://a/b/c/d;p?q");
    resolves(BASE, ".", "http://a/b/c/");
    resolves(BASE, "./", "http://a/b/c/");
    resolves(BASE, "..", "http://a/b/");
    resolves(BASE, "../", "http://a/b/");
    resolves(BASE, "../g", "http://a/b/g");
    resolves(BASE, "../..", "http://a/");
    resolves(BASE, "../../", "http://a/");
    resolves(BASE, "../../g", "http://a/g");
}

static void test_rfc3986_abnormal(void **state)
{
    (void)state;
    resolves(BASE, "../../../g", "http://a/g");
    resolves(BASE, "../../../../g", "http://a/g");
    resolves(BASE, "/./g", "http://a/g");
    resolves(BASE, "/../g", "http://a/g");
    resolves(BASE, "g.", "http://a/b/c/g.");
    resolves(BASE, ".g", "http://a/b/c/.g");
    resolves(BASE, "g..", "http://a/b/c/g..");
    resolves(BASE, "..g", "http://a/b/c/..g");
    resolves(BASE, "./../g", "http://a/b/g");
    resolves(BASE, "./g/.", "http://a/b/c/g/");
    resolves(BASE, "g/./h", "http://a/b/c/g/h");
    resolves(BASE, "g/../h", "http://a/b/c/h");
    resolves(BASE, "g;x=1/./y", "http://a/b/c/g;x=1/y");
    resolves(BASE, "g;x=1/../y", "http://a/b/c/y");
    resolves(BASE, "g?y/./x", "http://a/b/c/g?y/./x");
    resolves(BASE, "g?y/../x", "http://a/b/c/g?y/../x");
    resolves(BASE, "g#s/./x", "http://a/b/c/g#s/./x");
    resolves(BASE, "g#s/../x", "http://a/b/c/g#s/../x");
    resolves(BASE, "http:g", "http:g"); /* strict parsers */
}

static void test_pages(void **state)
{
    (void)state;
    /* a base with no path, and one that ends in a directory */
    resolves("https://example.com", "a.png", "https://example.com/a.png");
    resolves("https://example.com/news/", "../img/a.png", "https://example.com/img/a.png");
    resolves("https://example.com/news/story.html", "//cdn.example.net/x.js",
             "https://cdn.example.net/x.js");
    /* attribute clean-up: outer white space, tabs and line breaks */
    resolves("https://example.com/a/", "  b\n/c\t.html \n", "https://example.com/a/b/c.html");
    /* no base, or a relative one: the reference as it is */
    resolves(NULL, "/a/b", "/a/b");
    resolves("/relative/base", "c", "c");
    resolves(NULL, "https://x.example/../y", "https://x.example/../y");
    /* an absolute reference loses its dot segments */
    resolves("https://example.com/", "https://x.example/a/../b", "https://x.example/b");
    resolves("https://example.com/", "mailto:someone@example.com", "mailto:someone@example.com");
    assert_true(px_url_is_absolute("https://example.com"));
    assert_true(px_url_is_absolute("g:h"));
    assert_false(px_url_is_absolute("/a:b"));
    assert_false(px_url_is_absolute("1a:b"));
    assert_false(px_url_is_absolute(":b"));
    assert_false(px_url_is_absolute(NULL));
}

static void test_safe(void **state)
{
    (void)state;
    assert_true(px_url_is_safe("https://example.com/", false));
    assert_true(px_url_is_safe("HTTP://example.com/", false));
    assert_true(px_url_is_safe("mailto:a@example.com", false));
    assert_true(px_url_is_safe("/relative", false));
    assert_true(px_url_is_safe("relative.html", true));
    assert_false(px_url_is_safe("javascript:alert(1)", false));
    assert_false(px_url_is_safe("JavaScript:alert(1)", false));
    assert_false(px_url_is_safe("vbscript:x", false));
    assert_false(px_url_is_safe("data:text/html,<script>", false));
    assert_false(px_url_is_safe("data:image/png;base64,AAAA", true));
    assert_false(px_url_is_safe("mailto:a@example.com", true));
    assert_false(px_url_is_safe(NULL, false));
    /* what the resolver makes of an obfuscated scheme is still refused */
    char *u = px_url_resolve(&A, "https://example.com/", " java\tscript:alert(1)");
    assert_string_equal(u, "javascript:alert(1)");
    assert_false(px_url_is_safe(u, false));
    px_free(&A, u);
}

static void picks(const char *srcset, const char *want)
{
    size_t len;
    const char *u = px_srcset_best(srcset, &len);
    if (!want) {
        assert_null(u);
        return;
    }
    assert_non_null(u);
    if (len != strlen(want) || memcmp(u, want, len))
        fail_msg("srcset_best(%s) = %.*s, want %s", srcset, (int)len, u, want);
}

/* Lazy-loading pages give an image only by srcset: the widest candidate
 * is the image, commas inside a URL belong to it. */
static void test_srcset(void **state)
{
    (void)state;
    picks("a-480.jpg 480w, a-1200.jpg 1200w, a-800.jpg 800w", "a-1200.jpg");
    picks("b.jpg, b@2x.jpg 2x", "b@2x.jpg");
    picks("b@1.5x.jpg 1.5x,b@1.25x.jpg 1.25x", "b@1.5x.jpg");
    picks("  https://cdn.example/w_424,f_webp/x.jpeg 424w,\n https://cdn.example/w_848,f_webp/x.jpeg 848w ",
          "https://cdn.example/w_848,f_webp/x.jpeg");
    picks("only.jpg", "only.jpg");
    picks("first.jpg, second.jpg", "first.jpg"); /* a tie: the first */
    picks("one,two.jpg 2x", "one,two.jpg"); /* a comma inside is the URL's */
    picks("", NULL);
    picks(" , ,", NULL);
}

/* The labels of host that px_url_host_label gives, joined by '|'. */
static void labels(const char *host, const char *want)
{
    char got[256] = "";
    const char *l;
    size_t n, k = 0;
    for (size_t pos = 0; px_url_host_label(host, &pos, &l, &n);)
        k += (size_t)snprintf(got + k, sizeof got - k, "%s%.*s", k ? "|" : "", (int)n, l);
    if (strcmp(got, want))
        fail_msg("host_label(%s) = %s, want %s", host ? host : "NULL", got, want);
}

/* The labels that can name a site: not www, in any case (meta_site.c's
 * host_matches once skipped only a lower-case one, so "WWW" on
 * WWW.example.com confirmed a title segment "WWW"), nor the top-level
 * domain; the port and path are not the host's. */
static void test_host_labels(void **state)
{
    (void)state;
    labels("www.lastampa.it/x/1", "lastampa");
    labels("WWW.LaStampa.IT:8080/x", "LaStampa");
    labels("Www.bbc.co.uk", "bbc|co");
    labels("biathlon-antholz.it", "biathlon-antholz");
    labels("news.www2.example.com/", "news|www2|example");
    labels("example.com.", "example"); /* the root's empty label */
    labels("a..b.org", "a|b");
    labels("localhost/x", ""); /* a lone label is the top level */
    labels("www.com", "");
    labels("", "");
    labels(NULL, "");
}

int main(void)
{
    px_alloc_init(&A, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc3986_normal),
        cmocka_unit_test(test_rfc3986_abnormal),
        cmocka_unit_test(test_pages),
        cmocka_unit_test(test_safe),
        cmocka_unit_test(test_srcset),
        cmocka_unit_test(test_host_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
