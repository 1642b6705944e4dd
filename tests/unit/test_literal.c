/* Required literals (src/literal.c): what the prefilter may assume. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>
#include "literal.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

/* The literal set of src joined with '|', or "-" when there is none. */
static const char *lits(const char *src, char *buf, size_t cap)
{
    px_litset s;
    if (!px_literals(&A, src, false, &s))
        return "-";
    buf[0] = '\0';
    for (const char *t = s.data; *t; t += strlen(t) + 1) {
        if (buf[0])
            strncat(buf, "|", cap - strlen(buf) - 1);
        strncat(buf, t, cap - strlen(buf) - 1);
    }
    px_free(&A, s.data);
    return buf;
}

static void test_word_alternations(void **state)
{
    (void)state;
    char b[256];
    assert_string_equal(lits("(?<![^\\s_-])(?:share|sharing|Social)(?![^\\s_-])", b, sizeof b),
                        "share|sharing|social");
    assert_string_equal(lits("^also\\s+read", b, sizeof b), "also");
    assert_string_equal(lits("comments?-area", b, sizeof b), "comment");
    assert_string_equal(lits("ad(?:slot|unit)s?", b, sizeof b), "slot|unit");
    assert_string_equal(lits("foo+bar", b, sizeof b), "foo"); /* "foo" then "bar": the first of equals */
}

static void test_unreadable_or_optional_patterns_have_none(void **state)
{
    (void)state;
    char b[256];
    assert_string_equal(lits("(?:a|\\w+)", b, sizeof b), "-");   /* a branch without one */
    assert_string_equal(lits("(ab)\\1", b, sizeof b), "-");      /* back reference */
    assert_string_equal(lits("\\Qa.b\\E", b, sizeof b), "-");    /* quoting */
    assert_string_equal(lits("(?x) a b", b, sizeof b), "-");     /* extended mode */
    assert_string_equal(lits("x?y*", b, sizeof b), "-");         /* all optional */
    assert_string_equal(lits("[a-z]+", b, sizeof b), "-");
    px_litset s;
    assert_false(px_literals(&A, "abc", true, &s));
}

static void test_scanner_finds_words_any_case(void **state)
{
    (void)state;
    px_litset sets[3];
    assert_true(px_literals(&A, "share|social", false, &sets[0]));
    assert_true(px_literals(&A, "comment", false, &sets[1]));
    sets[2].data = NULL; /* a pattern with no set is never reported */
    px_scanner *sc = px_scanner_new(&A, sets, 3);
    assert_non_null(sc);
    uint64_t hits[1];
    const char *subj = "post-SHARE-bar comments";
    px_scanner_run(sc, subj, strlen(subj), hits);
    assert_int_equal(hits[0], 3u);
    subj = "entry-content";
    px_scanner_run(sc, subj, strlen(subj), hits);
    assert_int_equal(hits[0], 0u);
    subj = "sociable";
    px_scanner_run(sc, subj, strlen(subj), hits);
    assert_int_equal(hits[0], 0u);
    px_scanner_free(sc);
    px_free(&A, sets[0].data);
    px_free(&A, sets[1].data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_alternations),
        cmocka_unit_test(test_unreadable_or_optional_patterns_have_none),
        cmocka_unit_test(test_scanner_finds_words_any_case),
    };
    return cmocka_run_group_tests_name("literal", tests, setup, NULL);
}
