/* Tests for the JSON output (src/render_json.c) through the public API:
 * the object and its members, the accessors of every format, and
 * allocation failures while rendering any of them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "counting_alloc.h"
#include "pith.h"
#include "render_out.h"

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static void test_json(void **state)
{
    (void)state;
    const char *page =
        "<html lang=\"en\"><head><title>Quote \" back \\ ctrl &#1; sep &#x2028; end</title>"
        "<meta name=\"author\" content=\"Ann One and Bob Two\"></head><body><article>"
        "<h1>Quote \" back \\ ctrl &#1; sep &#x2028; end</h1>" LEAD_P "<p>Tab\there &#x2029; bell &#7; " LEAD "</p>"
        "</article></body></html>";
    out o;
    run_url(page, NO_RULES | PITH_FORMAT_JSON, NULL, &o);
    same("json", o.json,
         "{\n  \"title\": \"Quote \\\" back \\\\ ctrl sep end\",\n"
         "  \"author\": [\"Ann One\", \"Bob Two\"],\n  \"date_published\": null,\n"
         "  \"date_modified\": null,\n  \"site_name\": null,\n  \"url\": null,\n"
         "  \"language\": \"en\",\n  \"description\": null,\n  \"image\": null,\n"
         "  \"categories\": [],\n  \"tags\": [],\n"
         "  \"text\": \"" LEAD "\\n\\nTab here bell " LEAD "\",\n"
         "  \"word_count\": 55\n}");
    /* with the other formats: "markdown" and "html" before word_count */
    run_url(page, NO_RULES | ALL, NULL, &o);
    has("json", o.json, "\"text\": \"" LEAD "\\n\\nTab here bell " LEAD "\",\n"
                        "  \"markdown\": \"" LEAD "\\n\\nTab here bell " LEAD "\",\n"
                        "  \"html\": \"<p>" LEAD "</p>\\n<p>Tab here bell " LEAD "</p>\",\n"
                        "  \"word_count\": 55\n}");
}

/* ------------------------------------------------------------------ */
/* The API                                                              */

static void test_accessors(void **state)
{
    (void)state;
    out o, plain;
    body(LEAD_P "<h2>Sub</h2><ul><li>x</li></ul>" LEAD_P, NO_RULES, &plain);
    /* not asked for: "" */
    assert_string_equal(plain.md, "");
    assert_string_equal(plain.html, "");
    assert_string_equal(plain.json, "");
    /* the text is the same whatever else is asked for */
    body(LEAD_P "<h2>Sub</h2><ul><li>x</li></ul>" LEAD_P,
         NO_RULES | ALL | PITH_WITH_LINKS | PITH_WITH_IMAGES, &o);
    assert_string_equal(o.text, plain.text);
    assert_true(o.md[0] && o.html[0] && o.json[0]);
    size_t len = 99;
    assert_string_equal(pith_result_markdown(NULL, &len), "");
    assert_int_equal(len, 0);
    assert_string_equal(pith_result_html(NULL, NULL), "");
    assert_string_equal(pith_result_json(NULL, NULL), "");

    /* no content: no text outputs, but the metadata is there, and the
     * JSON object carries it with an empty text */
    const char *empty = "<html><head><meta name=\"author\" content=\"Jo Ann\"></head><body></body></html>";
    pith_options *opts = pith_options_new(NULL);
    pith_options_set_flags(opts, ALL);
    pith_error err;
    pith_extractor *ex = pith_extractor_new(opts, &err);
    pith_options_free(opts);
    pith_result *r = NULL;
    assert_int_equal(pith_extract(ex, empty, strlen(empty), NULL, NULL, &r, &err), PITH_NO_CONTENT);
    assert_non_null(strstr(pith_result_json(r, NULL), "\"author\": \"Jo Ann\""));
    assert_non_null(strstr(pith_result_json(r, NULL), "\"text\": \"\""));
    assert_non_null(strstr(pith_result_json(r, NULL), "\"markdown\": \"\""));
    assert_string_equal(pith_result_markdown(r, NULL), "");
    assert_string_equal(pith_result_meta(r, PITH_META_AUTHOR, 0), "Jo Ann");
    pith_result_free(r);
    /* the result outlives its extractor */
    assert_int_equal(pith_extract(ex, empty, strlen(empty), NULL, NULL, &r, &err), PITH_NO_CONTENT);
    pith_extractor_free(ex);
    assert_string_equal(pith_result_meta(r, PITH_META_AUTHOR, 0), "Jo Ann");
    pith_result_free(r);
}

/* ------------------------------------------------------------------ */
/* Allocation failures                                                  */

static const char RICH[] =
    "<html lang=\"en\"><head><title>Rich page</title><base href=\"https://r.example/\">"
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":"
    "{\"@id\":\"#p\"},\"datePublished\":\"2022-03-15\",\"keywords\":[\"a\",\"b\"],\"image\":{\"url\":\"/i.jpg\"}},"
    "{\"@id\":\"#p\",\"@type\":\"Person\",\"name\":\"Pat Doe\"}]}</script>"
    "<meta property=\"og:site_name\" content=\"Rich\"><link rel=\"canonical\" href=\"/rich\"></head>"
    "<body><article><h1>Rich page</h1>" LEAD_P "<h2>Lists</h2><ul><li>a <a href=\"/x\">link</a></li>"
    "<li>b<ol><li>c</li></ol></li></ul><blockquote><p>Quote <em>em</em></p></blockquote>"
    "<pre class=\"language-c\">int x;</pre><table><tr><th>h</th></tr><tr><td>d</td></tr></table>"
    "<p><img src=\"p.png\" alt=\"pic\"> <code>code</code><br>line</p><a class=\"tag\" rel=\"tag\" href=\"/t\">T</a>"
    LEAD_P "</article></body></html>";

static void test_failing_allocator(void **state)
{
    (void)state;
    unsigned flags = ALL | PITH_WITH_LINKS | PITH_WITH_IMAGES;
    pith_options *o = pith_options_new(NULL);
    pith_options_set_flags(o, flags);
    pith_error err;
    pith_extractor *ref_ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    pith_result *ref = NULL;
    assert_int_equal(pith_extract(ref_ex, RICH, sizeof RICH - 1, NULL, NULL, &ref, &err), PITH_OK);
    assert_non_null(strstr(pith_result_json(ref, NULL), "\"Pat Doe\""));

    counter c = {0, 0, -1, true, false};
    pith_allocator hooks = counting_hooks(&c);
    o = pith_options_new(&hooks);
    pith_options_set_flags(o, flags);
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    /* The extractor JIT-compiles a rule's pattern after its 100th use and
     * keeps the copy: warm it up past that before taking the baseline. */
    for (int warm = 0; warm < 101; warm++) {
        pith_result *w = NULL;
        assert_int_equal(pith_extract(ex, RICH, sizeof RICH - 1, NULL, NULL, &w, &err), PITH_OK);
        pith_result_free(w);
    }
    long built = c.live, failures = 0;
    for (long n = 0;; n++) {
        c.calls = 0;
        c.fail_at = n;
        c.failed = false;
        pith_result *r = NULL;
        int rc = pith_extract(ex, RICH, sizeof RICH - 1, NULL, NULL, &r, &err);
        c.fail_at = -1;
        if (rc == PITH_ERR_NOMEM) {
            assert_null(r);
            failures++;
        } else {
            assert_int_equal(rc, PITH_OK);
            same("json after a failure", pith_result_json(r, NULL), pith_result_json(ref, NULL));
            same("markdown after a failure", pith_result_markdown(r, NULL), pith_result_markdown(ref, NULL));
            same("html after a failure", pith_result_html(r, NULL), pith_result_html(ref, NULL));
            pith_result_free(r);
        }
        if (c.live != built)
            fail_msg("allocation %ld failed: %ld blocks leaked", n, c.live - built);
        if (!c.failed)
            break;
    }
    print_message("%ld injected failures gave PITH_ERR_NOMEM\n", failures);
    assert_true(failures > 20);
    pith_extractor_free(ex);
    assert_int_equal(c.live, 0);
    pith_result_free(ref);
    pith_extractor_free(ref_ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_failing_allocator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
