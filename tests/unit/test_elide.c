/* The elision pass (src/elide.c): what it leaves out, what it must keep,
 * and that Gumbo builds the same tree from both (tests/elide/domdiff.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>
#include "domdiff.h"
#include "elide.h"

static const struct {
    const char *in, *out; /* out NULL: nothing left out */
} cases[] = {
    /* Script bodies go; the tags stay. */
    {"<p>a<script>if (a<b) x='</scrip>';</script>b", "<p>a<script></script>b"},
    {"<SCRIPT>x</sCrIpT\t>y", "<SCRIPT></sCrIpT\t>y"},
    {"<script>a</scriptx>b</script>c", "<script></script>c"},
    /* Escaped and double-escaped script data: only in the latter does
     * </script> not end the script. */
    {"<script><!--<script>x</script>y--></script>z", "<script></script>z"},
    {"<script><!--</script>z", "<script></script>z"},
    {"<script><!--<script></script>--><p></script>z", "<script></script>z"},
    /* JSON-LD stays for metadata (and any type with a reference). */
    {"<script type=\" application/LD+JSON\">{}</script><script>x</script>",
     "<script type=\" application/LD+JSON\">{}</script><script></script>"},
    {"<script type='application/ld&#43;json'>{}</script>", NULL},
    /* A '>' in a quoted value does not end a tag. */
    {"<a title=\"x>y<script>\">t</a><script>s</script>",
     "<a title=\"x>y<script>\">t</a><script></script>"},
    /* Style bodies and comment text go. */
    {"<style>p{}</style><!-- c --><!---->", "<style></style><!----><!---->"},
    {"<p>a<!-- b --!>c", "<p>a<!---->c"},
    /* Text elements hide tags: nothing to leave out. */
    {"<title><script>t</title>", NULL},
    {"<textarea><style>x</textarea><xmp><!-- y --></xmp>", NULL},
    {"<iframe><script>x</iframe><noembed><style></noembed><noframes><!-- x --></noframes>", NULL},
    /* After <plaintext> everything is text. */
    {"<plaintext><script>x</script>", NULL},
    /* In a <select> a <style> is ignored and its body is text. */
    {"<select><style>a</style></select><style>b</style>",
     "<select><style>a</style></select><style></style>"},
    /* CDATA in foreign content hides markup. */
    {"<svg><![CDATA[</svg><script>]]></svg><script>x</script>",
     "<svg><![CDATA[</svg><script>]]></svg><script></script>"},
    /* Inside <svg>, <script> and <style> are plain elements. */
    {"<svg><style>a</style><script>b</script></svg>", NULL},
    /* Template content goes, unless something in it switches states. */
    {"<template><p>x<b>y</template><p>z", "<template></template><p>z"},
    {"<template><script>x</script></template>", NULL},
};

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *in = cases[i].in;
        char page[256];
        size_t n = strlen(in);
        assert_true(n < sizeof page);
        memcpy(page, in, n + 1);
        size_t len = px_elide(page, n);
        if (!cases[i].out) {
            if (len != n || strcmp(page, in))
                fail_msg("case %zu: left out something of %s: %.*s", i, in, (int)len, page);
        } else {
            if (len == n)
                fail_msg("case %zu: left nothing out of %s", i, in);
            assert_int_equal(len, strlen(cases[i].out));
            assert_string_equal(page, cases[i].out);
        }
        char why[512];
        size_t elided;
        if (!domdiff_page(in, n, &elided, why, sizeof why))
            fail_msg("case %zu: %s: %s", i, in, why);
    }
}

/* The check itself must see a difference when there is one. */
static void test_domdiff_reports_a_difference(void **state)
{
    (void)state;
    GumboOutput *x = gumbo_parse("<div><p>a</p><script>s</script></div>");
    GumboOutput *y = gumbo_parse("<div><p>b</p><script></script></div>");
    GumboOutput *z = gumbo_parse("<div><p>a</p><script></script></div>");
    char why[512];
    assert_false(domdiff(x->document, y->document, why, sizeof why));
    assert_string_equal(why, "text differs at /#document[0]/html[0]/body[1]/div[0]/p[0]/#text[0]");
    assert_true(domdiff(x->document, z->document, why, sizeof why));
    gumbo_destroy_output(&kGumboDefaultOptions, x);
    gumbo_destroy_output(&kGumboDefaultOptions, y);
    gumbo_destroy_output(&kGumboDefaultOptions, z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_domdiff_reports_a_difference),
    };
    return cmocka_run_group_tests_name("elide", tests, NULL, NULL);
}
