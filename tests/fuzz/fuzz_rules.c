/*
 * Fuzz target: the rule engine. The input is the text of a rule file. It
 * is parsed (px_rules_parse) and compiled (px_rules_compile); when that
 * succeeds the same text is loaded through the public API as the only
 * rules and matched against a small fixed page (element rules, text
 * rules, --explain's rule locations).
 */
#include "fuzz_common.h"
#include "alloc.h"
#include "pith.h"
#include "rules.h"

static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=utf-8>"
    "<title>Quay opens | The Gazette</title>"
    "<meta property=\"og:title\" content=\"Quay opens\"></head>"
    "<body class=\"home page-template\"><nav id=menu role=navigation><ul>"
    "<li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>"
    "<div id=main class=\"container layout-wide\"><article class=\"post entry-content\" "
    "itemprop=articleBody data-x=\"\xc3\xa9t\xc3\xa9\">"
    "<h1>Quay opens</h1><p class=\"byline\">By A. Writer</p>"
    "<p>The harbour authority opened the new northern quay on Tuesday, after "
    "three years of dredging and construction work.</p>"
    "<p class=\"ad ad-slot\">ADVERTISEMENT</p>"
    "<p>Fishermen said the quay would shorten their trips to the market and let "
    "larger boats unload at low tide, \xe2\x80\x9c" "at last\xe2\x80\x9d.</p>"
    "<div class=share-buttons><a href=#>Share</a> <a href=#>Tweet</a></div>"
    "<p>Read more: ferry timetable changes</p><p hidden>hidden text</p>"
    "<table><tr><td>\xe6\xb8\xaf\xe5\x8f\xa3 \xd0\xbf\xd0\xbe\xd1\x80\xd1\x82</td></tr></table>"
    "<ul><li>one item of a list</li><li>two</li></ul>"
    "</article><aside class=\"sidebar related-posts\" aria-hidden=false>"
    "<h3>Related</h3><a href=/x>Lighthouse repainted</a></aside></div>"
    "<footer id=footer><p>Copyright 2024</p></footer></body></html>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_ruleset *rs = px_rules_new(&a);
    FUZZ_CHECK(rs != NULL);
    pith_error err = {0, ""};
    int rc = px_rules_parse(rs, "fuzz.rules", text, size, &err);
    if (rc == PITH_OK)
        rc = px_rules_compile(rs, &err);
    if (rc == PITH_OK) {
        size_t n = px_rules_count(rs);
        (void)px_rules_has_text(rs);
        (void)px_rules_text_cap(rs);
        for (size_t i = 0; i < n; i++) {
            char where[64];
            px_rules_where(rs, (int)i, where, sizeof where);
            FUZZ_CHECK(strnlen(where, sizeof where) < sizeof where);
        }
    } else {
        FUZZ_CHECK(rc == PITH_ERR_RULES || rc == PITH_ERR_NOMEM);
        FUZZ_CHECK((int)err.code == rc && err.message[0]);
        FUZZ_CHECK(fuzz_one_line(err.message, sizeof err.message));
    }
    px_rules_free(rs);
    if (rc != PITH_OK)
        return 0;

    /* The same text as the only rules, through the public API. */
    pith_options *o = pith_options_new(NULL);
    FUZZ_CHECK(o != NULL);
    pith_options_set_flags(o, PITH_NO_DEFAULT_RULES | PITH_EXPLAIN);
    rc = pith_options_add_rules(o, "fuzz.rules", text, size, &err);
    FUZZ_CHECK(rc == PITH_OK);
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    FUZZ_CHECK(ex != NULL);
    pith_result *r = NULL;
    rc = pith_extract(ex, page, sizeof page - 1, NULL, NULL, &r, &err);
    FUZZ_CHECK(rc == PITH_OK || rc == PITH_NO_CONTENT);
    FUZZ_CHECK(r != NULL);
    size_t tlen;
    const char *out = pith_result_text(r, &tlen);
    FUZZ_CHECK(fuzz_valid_utf8(out, tlen));
    FUZZ_CHECK(fuzz_valid_utf8(pith_result_explain(r), strlen(pith_result_explain(r))));
    pith_result_free(r);
    pith_extractor_free(ex);
    return 0;
}
