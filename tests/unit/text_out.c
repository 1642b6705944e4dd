/* The plain-text page tests' shared run and comparison (text_out.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "text_out.h"

void run(const char *html, unsigned flags, out *o)
{
    pith_options *opts = pith_options_new(NULL);
    assert_non_null(opts);
    pith_options_set_flags(opts, flags);
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(opts, &err);
    if (!ex)
        fail_msg("pith_extractor_new: %s", err.message);
    pith_options_free(opts);
    memset(o, 0, sizeof *o);
    pith_result *r = NULL;
    o->rc = pith_extract(ex, html, strlen(html), NULL, NULL, &r, &o->err);
    if (r) {
        size_t len = 0;
        const char *t = pith_result_text(r, &len);
        assert_int_equal(strlen(t), len);
        snprintf(o->text, sizeof o->text, "%s", t);
        snprintf(o->title, sizeof o->title, "%s", pith_result_title(r));
    }
    pith_result_free(r);
    pith_extractor_free(ex);
}

void same_text(const char *got, const char *want)
{
    if (strcmp(got, want))
        fail_msg("text differs\n--- want ---\n%s\n--- got ---\n%s\n---", want, got);
}

void assert_contains(const out *o, const char *s)
{
    if (!strstr(o->text, s))
        fail_msg("output lacks '%s'; output:\n%s", s, o->text);
}

void assert_lacks(const out *o, const char *s)
{
    if (strstr(o->text, s))
        fail_msg("output holds '%s'; output:\n%s", s, o->text);
}
