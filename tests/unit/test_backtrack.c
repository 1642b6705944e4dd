/* Unit tests for src/cli/backtrack.c, the check behind pith --check-rules:
 * the classic patterns that backtrack exponentially are named, and sound
 * patterns of a similar look (the bundled rules among them) are not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "backtrack.h"

typedef struct pattern {
    const char *re, *flags;
} pattern;

static const char *risk(const pattern *p)
{
    return cli_backtrack_risk(p->re, strlen(p->re), p->flags, strlen(p->flags));
}

/* Each of these can match one text in exponentially many ways. */
static void test_dangerous(void **state)
{
    (void)state;
    static const pattern cases[] = {
        {"(a+)+", ""},
        {"^(a|aa)+$", ""},
        {"(\\w+\\s?)+", ""},
        {"(\\w+\\s*)*$", ""},
        {"(\\d+)*x", ""},
        {"(a*)*b", ""},
        {"(x+x+)+y", ""},
        {"(.*a)+", ""},
        {"(a?a)+$", ""},
        {"^(\\w+|-)+$", ""},
        {"(\\w|a)+", ""},
        {"(a|ab|b)+", ""},
        {"(?:(?:a|aa))+", ""},
        {"(\\w+\\d)+", ""},
        {"(A+a)+", "i"},
        {"(?i)(A+a)+", ""},
        {"(?:x?y+)+", ""},
        {"((ab)+)+", ""},
        {"(?=(\\w+)+$)", ""},
        {"(\\p{L}+\\s?)+", ""},
        {"(\\xe9+\\x{e9})+", ""},
        {"(\\S+\\s?)+\\.", ""},
        {"^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$", ""},
        {"(\\.\\w+)+ # (a+)+", ""}, /* without x the comment is pattern */
        /* \D, [^\d] and \P{L} hold the non-ASCII letters and dashes */
        {"(\\D+\\x{e9})+", ""},
        {"([^\\d]+\xc3\xa9)+", ""},
        {"(\\P{L}+\\x{2014})+", ""},
        /* the bundled rule below (test_safe) with \s* for \s+: nothing
         * then stands between two names */
        {"^<\\/?(?:img|div)(?:\\s*[\\w:\\-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*\\s*\\/?>$", "i"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (!risk(&cases[i]))
            fail_msg("/%s/%s not flagged", cases[i].re, cases[i].flags);
}

/* These only look alike: what stands between two turns of the repeat can
 * never be taken by the repeat itself, or the branches part at once. */
static void test_safe(void **state)
{
    (void)state;
    static const pattern cases[] = {
        {"(\\.\\w+)+", ""},
        {"(\\w+\\s)+", ""},
        {"^x(?:\\.[a-z]+)+$", ""},
        {"(foo|bar)+", ""},
        {"(a|ab)+", ""},
        {"(ab|ac)+", ""},
        {"(\\d{1,3},)+", ""},
        {"(A+a)+", ""},
        {"(?>\\w+\\s?)+", ""},
        {"(\\w++\\s?)+", ""},
        {"(\\w+\\s?)", ""},
        {"(\\w+\\s?){3}", ""},
        {"(\\.\\w+)+ # (a+)+", "x"},
        /* \S and [^\s] hold no white space, a no-break space included */
        {"(\\S+\\x{a0})+", ""},
        {"([^\\s]+\\s)+", ""},
        {"[\\w.+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+", ""},
        {"(?:[^,]+,)+", ""},
        /* rules/text.rules: markup shown as text */
        {"^<\\/?(?:img|iframe|script|noscript|style|div|span|a|p|br|hr|input|link|meta|source|video|"
         "audio|embed|object|ins|amp-img|amp-pixel)(?:\\s+[\\w:\\-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*"
         "\\s*\\/?>$",
         "i"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *why = risk(&cases[i]);
        if (why)
            fail_msg("/%s/%s flagged: %s", cases[i].re, cases[i].flags, why);
    }
}

/* The two kinds of risk are told apart in the message. */
static void test_messages(void **state)
{
    (void)state;
    assert_string_equal(cli_backtrack_risk("(a+)+", 5, "", 0),
                        "a repeat inside a repeated group can match what follows it");
    assert_string_equal(cli_backtrack_risk("(a|aa)+", 7, "", 0),
                        "a repeated alternation has branches that can match alike");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dangerous),
        cmocka_unit_test(test_safe),
        cmocka_unit_test(test_messages),
    };
    return cmocka_run_group_tests_name("backtrack", tests, NULL, NULL);
}
