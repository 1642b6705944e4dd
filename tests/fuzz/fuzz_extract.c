/*
 * Fuzz target: the whole pipeline through the public API, pith_extract.
 *
 * The first byte of the input chooses how to run, the rest is the page:
 *   bits 0-2  the extractor: 0 and 6 default rules; 1 with PITH_EXPLAIN;
 *             2 explain, profile and favor-precision under tight depth and
 *             node limits; 3 favor-recall, no default rules, tiny limits
 *             and a small parse-memory budget; 4 every output format with
 *             links and images; 5 JSON and Markdown, explain, favor-recall;
 *             7 HTML with links, favor-precision (4, 5 and 7 are the
 *             default extractor where pith.h has no PITH_FORMAT_* flags)
 *   bits 3-5  the encoding passed to pith_extract (0-3: none, detect it)
 */
#include "fuzz_common.h"
#include "pith.h"

static const char *const hints[8] = {
    NULL, NULL, NULL, NULL, "utf-8", "windows-1252", "utf-16le", "shift_jis",
};

static pith_extractor *make(int variant)
{
    pith_options *o = pith_options_new(NULL);
    FUZZ_CHECK(o != NULL);
    switch (variant) {
    case 1:
        pith_options_set_flags(o, PITH_EXPLAIN);
        break;
    case 2:
        pith_options_set_flags(o, PITH_EXPLAIN | PITH_PROFILE | PITH_FAVOR_PRECISION);
        pith_options_set_limit(o, PITH_LIMIT_DEPTH, 16);
        pith_options_set_limit(o, PITH_LIMIT_NODES, 300);
        break;
#ifdef PITH_FORMAT_JSON
    case 4:
        pith_options_set_flags(o, PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML | PITH_FORMAT_JSON |
                                      PITH_WITH_LINKS | PITH_WITH_IMAGES);
        break;
    case 5:
        pith_options_set_flags(o, PITH_FORMAT_JSON | PITH_FORMAT_MARKDOWN | PITH_EXPLAIN |
                                      PITH_FAVOR_RECALL);
        break;
    case 7:
        pith_options_set_flags(o, PITH_FORMAT_HTML | PITH_WITH_LINKS | PITH_FAVOR_PRECISION);
        break;
#endif
    case 3: {
        static const char rules[] =
            "drop class=ad\n-60 idclass~/side|nav/i\n+30 tag=article\n"
            "drop text~/^Read more/i maxlen=200\n";
        pith_error err;
        pith_options_set_flags(o, PITH_NO_DEFAULT_RULES | PITH_FAVOR_RECALL | PITH_EXPLAIN);
        pith_options_set_limit(o, PITH_LIMIT_DEPTH, 3);
        pith_options_set_limit(o, PITH_LIMIT_NODES, 40);
        pith_options_set_limit(o, PITH_LIMIT_MEMORY, 64 << 10);
        FUZZ_CHECK(pith_options_add_rules(o, "fuzz", rules, sizeof rules - 1, &err) == PITH_OK);
        break;
    }
    default:
        break;
    }
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    if (!ex)
        fprintf(stderr, "extractor: %s\n", err.message);
    FUZZ_CHECK(ex != NULL);
    return ex;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pith_extractor *ex[8];
    unsigned ctl = size ? data[0] : 0;
    const char *html = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    int variant = (int)(ctl & 7);
    const char *hint = hints[(ctl >> 3) & 7];
    if (!ex[variant])
        ex[variant] = make(variant);

    pith_result *r = (pith_result *)&r; /* must be overwritten */
    pith_error err = {0, ""};
    pith_status rc = pith_extract(ex[variant], html, len, hint, NULL, &r, &err);

    if (rc == PITH_OK || rc == PITH_NO_CONTENT) {
        FUZZ_CHECK(r != NULL);
        size_t tlen = 0;
        const char *text = pith_result_text(r, &tlen);
        const char *title = pith_result_title(r);
        const char *trace = pith_result_explain(r);
        const char *warning = pith_result_warning(r);
        FUZZ_CHECK(text && title && trace && warning);
        FUZZ_CHECK(strlen(text) == tlen);
        FUZZ_CHECK(rc != PITH_OK || tlen > 0);
        FUZZ_CHECK(fuzz_valid_utf8(text, tlen));
        FUZZ_CHECK(fuzz_valid_utf8(title, strlen(title)));
        FUZZ_CHECK(!strchr(title, '\n'));
        FUZZ_CHECK(fuzz_valid_utf8(trace, strlen(trace)));
        FUZZ_CHECK(!strchr(warning, '\n'));
        FUZZ_CHECK(variant != 0 || !*trace);
#ifdef PITH_FORMAT_JSON
        const char *(*const formats[])(const pith_result *, size_t *) = {
            pith_result_markdown, pith_result_html, pith_result_json};
        for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
            size_t flen = 0;
            const char *doc = formats[f](r, &flen);
            FUZZ_CHECK(doc != NULL && strlen(doc) == flen);
            FUZZ_CHECK(fuzz_valid_utf8(doc, flen));
        }
        for (int field = 0; field < PITH_META_COUNT; field++)
            for (size_t i = 0; i < 1000; i++) {
                const char *v = pith_result_meta(r, field, i);
                if (!v)
                    break;
                FUZZ_CHECK(fuzz_valid_utf8(v, strlen(v)));
            }
#endif
        for (int s = 0; s < PITH_STAGE_COUNT; s++)
            (void)pith_result_stage_ns(r, s);
        pith_result_free(r);
    } else {
        FUZZ_CHECK(r == NULL);
        /* An unknown hint is not possible here, so only these: */
        FUZZ_CHECK(rc == PITH_ERR_INPUT || rc == PITH_ERR_NOMEM || rc == PITH_ERR_LIMIT);
        FUZZ_CHECK(err.code == rc);
        FUZZ_CHECK(err.message[0] != '\0');
        FUZZ_CHECK(fuzz_one_line(err.message, sizeof err.message));
    }
    return 0;
}
