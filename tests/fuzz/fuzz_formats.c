/*
 * Fuzz target: metadata and the Markdown, HTML and JSON outputs, through
 * the public API with every format, links and images on.
 *
 * The first byte of the input chooses the page URL passed (none, an
 * absolute one, a relative one); the rest is the page. Checks: every
 * output is valid UTF-8; the JSON parses with the strict parser and is one
 * object whose members come in the documented order; no <script> or
 * <style> element reaches the HTML, which holds no attribute but href,
 * src, alt and title, and no javascript: or data: URL; every metadata
 * entry is valid UTF-8.
 */
#include "fuzz_common.h"
#include "json.h"
#include "pith.h"

static const char *const urls[4] = {NULL, "https://fuzz.example/a/b.html", "/relative/", "javascript:x"};
static const char *const members[] = {"title", "author", "date_published", "date_modified",
                                      "site_name", "url", "language", "description", "image",
                                      "categories", "tags", "text", "markdown", "html", "word_count"};

static bool attrs_ok(const char *h)
{
    /* inside a tag, every attribute name is one of the four */
    for (const char *p = strchr(h, '<'); p; p = strchr(p + 1, '<')) {
        const char *e = strchr(p, '>');
        if (!e)
            return false;
        for (const char *q = p; q < e; q++) {
            if (*q != ' ')
                continue;
            const char *n = q + 1;
            if (*n == '/')
                break;
            if (strncmp(n, "href=\"", 6) && strncmp(n, "src=\"", 5) && strncmp(n, "alt=\"", 5) &&
                strncmp(n, "title=\"", 7))
                return false;
            const char *v = strchr(n, '"');
            if (!v || v > e)
                return false;
            /* no script URL in an address (a title or an alt may say
             * "data:" or "javascript:": it is text, never followed) */
            bool address = !strncmp(n, "href=", 5) || !strncmp(n, "src=", 4);
            if (address && (!strncmp(v + 1, "javascript:", 11) || !strncmp(v + 1, "data:", 5)))
                return false;
            v = strchr(v + 1, '"');
            if (!v || v > e)
                return false;
            q = v;
        }
        p = e;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pith_extractor *ex;
    static px_alloc A;
    if (!ex) {
        px_alloc_init(&A, NULL);
        pith_options *o = pith_options_new(NULL);
        pith_options_set_flags(o, PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML | PITH_FORMAT_JSON |
                                      PITH_WITH_LINKS | PITH_WITH_IMAGES);
        pith_error err;
        ex = pith_extractor_new(o, &err);
        pith_options_free(o);
        FUZZ_CHECK(ex != NULL);
    }
    const char *url = size ? urls[data[0] & 3] : NULL;
    const char *html = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    pith_result *r = NULL;
    pith_error err = {0, ""};
    int rc = pith_extract(ex, html, len, NULL, url, &r, &err);
    if (rc != PITH_OK && rc != PITH_NO_CONTENT) {
        FUZZ_CHECK(r == NULL);
        return 0;
    }
    size_t ml, hl, jl;
    const char *md = pith_result_markdown(r, &ml);
    const char *h = pith_result_html(r, &hl);
    const char *js = pith_result_json(r, &jl);
    FUZZ_CHECK(strlen(md) == ml && strlen(h) == hl && strlen(js) == jl);
    FUZZ_CHECK(fuzz_valid_utf8(md, ml) && fuzz_valid_utf8(h, hl) && fuzz_valid_utf8(js, jl));
    /* text is escaped, so any "<script" would be an element */
    FUZZ_CHECK(!strstr(h, "<script") && !strstr(h, "<style"));
    FUZZ_CHECK(attrs_ok(h));
    /* (Markdown links are not checked here: text and code may spell
     * "](javascript:" too; tests/unit/test_render_markdown.c and test_render_html.c check the links) */
    if (rc == PITH_OK) {
        px_json_doc d;
        FUZZ_CHECK(px_json_parse(&d, &A, js, jl) == PITH_OK);
        FUZZ_CHECK(d.root->type == PX_JOBJ && d.root->n == sizeof members / sizeof *members);
        for (size_t i = 0; i < d.root->n; i++)
            FUZZ_CHECK(!strcmp(d.root->keys[i], members[i]));
        px_json_free(&d);
    } else {
        FUZZ_CHECK(!jl && !ml && !hl);
    }
    for (int f = 0; f < PITH_META_COUNT; f++)
        for (size_t i = 0;; i++) {
            const char *v = pith_result_meta(r, f, i);
            if (!v)
                break;
            FUZZ_CHECK(fuzz_valid_utf8(v, strlen(v)) && *v);
        }
    pith_result_free(r);
    return 0;
}
