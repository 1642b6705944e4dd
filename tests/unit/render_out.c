/* The renderer tests' shared run and comparisons (render_out.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "render_out.h"

void run_url(const char *html, unsigned flags, const char *url, out *o)
{
    pith_options *opts = pith_options_new(NULL);
    pith_options_set_flags(opts, flags);
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(opts, &err);
    pith_options_free(opts);
    if (!ex)
        fail_msg("pith_extractor_new: %s", err.message);
    memset(o, 0, sizeof *o);
    pith_result *r = NULL;
    o->rc = pith_extract(ex, html, strlen(html), NULL, url, &r, &err);
    if (o->rc != PITH_OK)
        fail_msg("pith_extract: %d %s", o->rc, err.message);
    size_t len;
    snprintf(o->text, sizeof o->text, "%s", pith_result_text(r, NULL));
    snprintf(o->md, sizeof o->md, "%s", pith_result_markdown(r, &len));
    assert_int_equal(len, strlen(o->md));
    snprintf(o->html, sizeof o->html, "%s", pith_result_html(r, &len));
    assert_int_equal(len, strlen(o->html));
    snprintf(o->json, sizeof o->json, "%s", pith_result_json(r, &len));
    assert_int_equal(len, strlen(o->json));
    pith_result_free(r);
    pith_extractor_free(ex);
}

void body(const char *b, unsigned flags, out *o)
{
    static char html[32768];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><head><title>Test page</title></head><body>"
                                "<article>%s</article></body></html>", b);
    run_url(html, flags, NULL, o);
}

void same(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want)) {
        fprintf(stderr, "%s differs\n--- want ---\n%s\n--- got ---\n%s\n---\n", what, want, got);
        fail_msg("%s differs", what);
    }
}

void has(const char *what, const char *got, const char *want)
{
    if (!strstr(got, want)) {
        fprintf(stderr, "%s lacks\n%s\n--- got ---\n%s\n---\n", what, want, got);
        fail_msg("%s lacks something", what);
    }
}

void lacks(const char *what, const char *got, const char *bad)
{
    if (strstr(got, bad))
        fail_msg("%s holds\n%s\n--- got ---\n%s\n---", what, bad, got);
}
