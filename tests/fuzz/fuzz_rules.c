/*
 * Fuzz target: the rule engine. The input is the text of a rule file. It
 * is parsed (px_rules_parse) and compiled (px_rules_compile); when that
 * succeeds the same text is loaded through the public API as the only
 * rules and matched against a small fixed page (element rules, text
 * rules, --explain's rule locations). The page's elements, and their
 * texts as blocks, get the same verdicts with the rule index
 * (rules_index.c) as with every gate tried.
 */
#include "fuzz_common.h"
#include "alloc.h"
#include "pith.h"
#include "rules_impl.h"
#include "text.h"

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

/* The verdicts of rs on each element of doc and on its text, with the
 * index or with every gate tried, into out (2 per node). */
static void verdicts(px_ruleset *rs, const px_alloc *a, const px_doc *doc, bool indexed,
                     px_verdict *out)
{
    bool built = rs->index.built;
    rs->index.built = indexed && built;
    px_scratch *s = px_scratch_new_for(rs, a, (size_t)doc->n);
    FUZZ_CHECK(s != NULL);
    px_buf b;
    px_buf_init(&b, a);
    for (int i = 0; i < doc->n; i++) {
        const px_node *nd = &doc->nodes[i];
        px_verdict e = {false, 0, -1, -1, false, false}, t = e;
        if (nd->kind == PX_ELEMENT) {
            px_rules_match_element(rs, s, nd, &e);
            bool pending = false;
            b.len = 0;
            for (int j = i + 1; j < nd->end; j++) {
                size_t len = 0;
                const char *x = doc->nodes[j].kind == PX_TEXT ? px_text(&doc->nodes[j], &len) : NULL;
                if (x)
                    px_append_folded(&b, x, len, &pending);
                else
                    pending = true;
            }
            if (b.len)
                px_rules_match_text(rs, s, nd, b.data, b.len, &t);
        }
        out[2 * i] = e;
        out[2 * i + 1] = t;
    }
    px_buf_free(&b);
    px_scratch_free(s);
    rs->index.built = built;
}

static void index_changes_no_verdict(px_ruleset *rs, const px_alloc *a)
{
    px_doc doc;
    pith_error err = {0, ""};
    FUZZ_CHECK(px_parse(&doc, a, page, sizeof page - 1, 0, &err) == PITH_OK);
    px_verdict *with = calloc(2 * (size_t)doc.n + 1, sizeof *with);
    px_verdict *without = calloc(2 * (size_t)doc.n + 1, sizeof *without);
    FUZZ_CHECK(with && without);
    verdicts(rs, a, &doc, true, with);
    verdicts(rs, a, &doc, false, without);
    for (int i = 0; i < 2 * doc.n; i++)
        FUZZ_CHECK(with[i].drop == without[i].drop && with[i].score == without[i].score &&
                   with[i].drop_rule == without[i].drop_rule &&
                   with[i].score_rule == without[i].score_rule &&
                   with[i].force == without[i].force && with[i].box == without[i].box);
    free(with);
    free(without);
    px_doc_free(&doc);
}

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
        index_changes_no_verdict(rs, &a);
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
