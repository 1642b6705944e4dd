/* Unit tests for src/rules_parse.c: the rule-file parser (every matcher
 * kind, the exact error messages a rule author sees, all-or-nothing
 * loading). The format is described in rules/README.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "counting_alloc.h"
#include "rules_doc.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* Number of rules text yields, which must parse. */
static size_t count_rules(const char *text, size_t len)
{
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    pith_error err = {0, ""};
    int rc = px_rules_parse(rs, "t.rules", text, len, &err);
    if (rc)
        fail_msg("rules refused: %s", err.message);
    size_t n = px_rules_count(rs);
    px_rules_free(rs);
    return n;
}
#define COUNT(lit) count_rules(lit, sizeof(lit) - 1)

/* Checks that text is refused with exactly want as the message, and that
 * the rules loaded before it survive untouched. */
static void refused(const char *text, size_t len, const char *want)
{
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_parse(rs, "good.rules", "drop tag=p\n", 11, &err), PITH_OK);
    assert_int_equal(px_rules_count(rs), 1);
    int rc = px_rules_parse(rs, "bad.rules", text, len, &err);
    assert_int_equal(rc, PITH_ERR_RULES);
    assert_int_equal(err.code, PITH_ERR_RULES);
    assert_string_equal(err.message, want);
    assert_int_equal(px_rules_count(rs), 1); /* nothing from bad.rules kept */
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    px_rules_free(rs);
}
#define REFUSED(lit, want) refused(lit, sizeof(lit) - 1, want)

/* ------------------------------------------------------------------ */
/* Parsing valid rules                                                  */

static void test_parse_every_matcher_kind(void **state)
{
    (void)state;
    /* One line per matcher kind; each must load as one rule. */
    static const char *const lines[] = {
        "drop tag=script",
        "drop tag=h1,h2,H3",
        "drop id=sidebar",
        "drop class=ad",
        "drop role=navigation",
        "drop attr=hidden",
        "drop attr=aria-hidden=true",
        "drop id~/^side/i",
        "drop class~/share|social/",
        "drop idclass~/comment/ix",
        "drop attr=style~/display\\s*:\\s*none/i",
        "drop text~/^advertisement$/i maxlen=20",
        "drop maxlen=5",
        "drop id!~/keep/",
        "drop attr=data-x!~/^a/",
        "+25 tag=article",
        "-1000 class=x",
        "+1 class=a tag=div id=b role=c attr=d attr=e=f",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        px_ruleset *rs = px_rules_new(&A);
        pith_error err = {0, ""};
        int rc = px_rules_parse(rs, "t.rules", lines[i], strlen(lines[i]), &err);
        if (rc)
            fail_msg("'%s' refused: %s", lines[i], err.message);
        assert_int_equal(px_rules_count(rs), 1);
        assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
        px_rules_free(rs);
    }
}

static void test_parse_comments_blank_lines(void **state)
{
    (void)state;
    assert_int_equal(COUNT(""), 0);
    assert_int_equal(COUNT("\n\n   \n\t\n"), 0);
    assert_int_equal(COUNT("# a comment\n   # an indented comment\n"), 0);
    assert_int_equal(COUNT("drop tag=p # a trailing comment\n"), 1);
    assert_int_equal(COUNT("# c\n\ndrop tag=p\n\n+5 class=x\n# c\n"), 2);
    /* no newline at the end of the last line */
    assert_int_equal(COUNT("drop tag=p\n+5 class=x"), 2);
}

static void test_parse_crlf(void **state)
{
    (void)state;
    assert_int_equal(COUNT("# c\r\ndrop tag=p\r\n\r\n+5 class=x\r\n"), 2);
    assert_int_equal(COUNT("drop tag=p\r\n+5 class=x\r"), 2);
    /* The \r must not stick to the last token: a value would then never
     * match and a flag would be refused. */
    doc t;
    doc_open(&t, "drop class=ad\r\ndrop id~/^BOX$/i\r\n",
             "<div id=a class=ad></div><div id=box></div>");
    assert_true(dropped_id(&t, "a"));
    assert_true(dropped_id(&t, "box"));
    doc_close(&t);
    /* and line numbers in messages count CRLF lines as lines */
    REFUSED("drop tag=p\r\ndrop tag=p\r\ndrop klass=x\r\n",
            "bad.rules:3: unknown matcher 'klass=x'");
}

static void test_parse_byte_order_mark(void **state)
{
    (void)state;
    /* Editors on some systems start UTF-8 files with a BOM: it is not part
     * of the first rule's action, and the line numbers do not move. */
    assert_int_equal(COUNT("\xEF\xBB\xBF" "drop tag=p\n"), 1);
    assert_int_equal(COUNT("\xEF\xBB\xBF" "# comment\n+5 class=x\n"), 1);
    REFUSED("\xEF\xBB\xBF" "drop tag=p\nfoo tag=p\n",
            "bad.rules:2: unknown action 'foo' (expected drop, drop!, drop-box, +N or -N)");
    /* only at the very start */
    REFUSED("drop tag=p\n\xEF\xBB\xBF" "drop tag=p\n",
            "bad.rules:2: unknown action '\xEF\xBB\xBF" "drop' (expected drop, drop!, drop-box, +N or -N)");
}

static void test_where_names_file_and_line(void **state)
{
    (void)state;
    px_ruleset *rs = load("# header\n\ndrop tag=p\n+5 class=x\n");
    char where[64];
    px_rules_where(rs, 0, where, sizeof where);
    assert_string_equal(where, "t.rules:3");
    px_rules_where(rs, 1, where, sizeof where);
    assert_string_equal(where, "t.rules:4");
    px_rules_free(rs);
}

static void test_several_texts_accumulate(void **state)
{
    (void)state;
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_parse(rs, "a.rules", "drop tag=p\n", 11, &err), PITH_OK);
    assert_int_equal(px_rules_parse(rs, "b.rules", "\n+5 tag=div\n", 12, &err), PITH_OK);
    assert_int_equal(px_rules_count(rs), 2);
    char where[64];
    px_rules_where(rs, 1, where, sizeof where);
    assert_string_equal(where, "b.rules:2");
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    /* rules cannot be added once compiled */
    assert_int_equal(px_rules_parse(rs, "c.rules", "drop tag=a\n", 11, &err), PITH_ERR_USAGE);
    assert_int_equal(px_rules_count(rs), 2);
    px_rules_free(rs);
}

static void test_text_rule_bookkeeping(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=p\n");
    assert_false(px_rules_has_text(rs));
    px_rules_free(rs);

    /* the text cap is the longest maxlen, so blocks longer than it are
     * never worth matching */
    rs = load("drop text~/a/ maxlen=5\ndrop maxlen=30 text~/b/\ndrop class=x\n");
    assert_true(px_rules_has_text(rs));
    assert_int_equal(px_rules_text_cap(rs), 30);
    px_rules_free(rs);

    /* one text rule without maxlen means any length may match */
    rs = load("drop text~/a/ maxlen=5\ndrop text~/^b/\n");
    assert_true(px_rules_has_text(rs));
    assert_int_equal(px_rules_text_cap(rs), 0);
    px_rules_free(rs);
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */

static void test_error_unknown_action(void **state)
{
    (void)state;
    REFUSED("remove tag=p\n",
            "bad.rules:1: unknown action 'remove' (expected drop, drop!, drop-box, +N or -N)");
    REFUSED("# c\n+0 tag=p\n", "bad.rules:2: unknown action '+0' (expected drop, drop!, drop-box, +N or -N)");
    REFUSED("+1001 tag=p\n",
            "bad.rules:1: unknown action '+1001' (expected drop, drop!, drop-box, +N or -N)");
    REFUSED("5 tag=p\n", "bad.rules:1: unknown action '5' (expected drop, drop!, drop-box, +N or -N)");
    REFUSED("DROP tag=p\n", "bad.rules:1: unknown action 'DROP' (expected drop, drop!, drop-box, +N or -N)");
    /* a sign with junk after it names the action too */
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_parse(rs, "bad.rules", "+1x tag=p", 9, &err), PITH_ERR_RULES);
    assert_non_null(strstr(err.message, "bad.rules:1: unknown action '+1x'"));
    px_rules_free(rs);
}

/* drop! marks the verdict as forced, whichever rule dropped first. */
static void test_forced_drop(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop class=a\ndrop! class=b\n+5 class=a\n",
             "<div id=plain class=a></div><div id=forced class='a b'></div>"
             "<div id=only class=b></div><div id=none></div>");
    px_verdict v = element_verdict(&t, by_id(&t, "plain"));
    assert_true(v.drop);
    assert_false(v.force);
    v = element_verdict(&t, by_id(&t, "forced"));
    assert_true(v.drop);
    assert_true(v.force);
    assert_int_equal(v.drop_rule, 1); /* the rule that forced it */
    v = element_verdict(&t, by_id(&t, "only"));
    assert_true(v.drop && v.force);
    v = element_verdict(&t, by_id(&t, "none"));
    assert_false(v.drop || v.force);
    doc_close(&t);
    REFUSED("drop!! tag=p\n", "bad.rules:1: unknown action 'drop!!' (expected drop, drop!, drop-box, +N or -N)");
    REFUSED("drop ! tag=p\n", "bad.rules:1: unknown matcher '!'");
}

static void test_error_unknown_matcher(void **state)
{
    (void)state;
    REFUSED("drop klass=ad\n", "bad.rules:1: unknown matcher 'klass=ad'");
    REFUSED("drop tag=p\ndrop foo\n", "bad.rules:2: unknown matcher 'foo'");
    /* a known key without '=' or '~' */
    REFUSED("drop tag\n", "bad.rules:1: unknown matcher 'tag'");
    /* keys that take no pattern, or only a pattern */
    REFUSED("drop tag~/p/\n", "bad.rules:1: 'tag' takes no pattern");
    REFUSED("drop text=foo\n", "bad.rules:1: malformed matcher 'text=foo'");
    REFUSED("drop id!=x\n", "bad.rules:1: malformed matcher 'id!=x'");
    REFUSED("drop class=\n", "bad.rules:1: empty value in 'class='");
    REFUSED("drop tag=p,,div\n", "bad.rules:1: empty tag name in 'p,,div'");
}

static void test_error_bad_pattern(void **state)
{
    (void)state;
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    const char *text = "drop tag=p\n\ndrop text~/a(b/\n";
    assert_int_equal(px_rules_parse(rs, "bad.rules", text, strlen(text), &err), PITH_ERR_RULES);
    assert_int_equal(err.code, PITH_ERR_RULES);
    /* checked while parsing, so the message names the line of the pattern */
    const char *prefix = "bad.rules:3: bad pattern at offset ";
    if (strncmp(err.message, prefix, strlen(prefix)))
        fail_msg("message '%s' does not start with '%s'", err.message, prefix);
    assert_non_null(strstr(err.message, "parenthesis"));
    assert_int_equal(px_rules_count(rs), 0);
    px_rules_free(rs);
}

static void test_error_unterminated_pattern(void **state)
{
    (void)state;
    REFUSED("drop text~/abc\n", "bad.rules:1: unterminated pattern '/abc'");
    /* an escaped slash does not end the pattern */
    REFUSED("drop text~/a\\/\n", "bad.rules:1: unterminated pattern '/a\\/'");
    REFUSED("drop id~abc/\n", "bad.rules:1: expected /pattern/ after '~' in 'abc/'");
}

static void test_error_missing_matcher(void **state)
{
    (void)state;
    REFUSED("drop\n", "bad.rules:1: rule 'drop' has no matcher");
    REFUSED("drop tag=p\n+5\n", "bad.rules:2: rule '+5' has no matcher");
}

static void test_error_bad_maxlen(void **state)
{
    (void)state;
    REFUSED("drop maxlen=abc\n", "bad.rules:1: bad maxlen 'abc'");
    REFUSED("drop maxlen=0\n", "bad.rules:1: bad maxlen '0'");
    REFUSED("drop maxlen=-3\n", "bad.rules:1: bad maxlen '-3'");
    REFUSED("drop maxlen=12x\n", "bad.rules:1: bad maxlen '12x'");
    REFUSED("drop maxlen=99999999999999999999999999\n",
            "bad.rules:1: bad maxlen '99999999999999999999999999'");
}

static void test_error_unknown_flag(void **state)
{
    (void)state;
    REFUSED("drop text~/x/g\n", "bad.rules:1: unknown pattern flag 'g'");
    REFUSED("drop id~/x/iI\n", "bad.rules:1: unknown pattern flag 'I'");
}

static void test_error_nul_byte(void **state)
{
    (void)state;
    /* The NUL message carries no line number (unlike the others): it says
     * the file is binary, which is all a user needs to know. */
    REFUSED("drop tag=p\n\0drop tag=div\n",
            "bad.rules: binary data (a NUL byte) in a rule file");
}

static void test_refused_text_adds_nothing(void **state)
{
    (void)state;
    /* Lines 1 and 2 are fine; the error on line 3 must take them back, and
     * their patterns too: a later rule's pattern must still be its own. */
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    const char *a = "drop id~/^aaa$/\n";
    const char *b = "drop id~/^bbb$/\n+5 class~/bbb/\ndrop nonsense\n";
    const char *c = "drop id~/^ccc$/\n";
    assert_int_equal(px_rules_parse(rs, "a", a, strlen(a), &err), PITH_OK);
    assert_int_equal(px_rules_parse(rs, "b", b, strlen(b), &err), PITH_ERR_RULES);
    assert_string_equal(err.message, "b:3: unknown matcher 'nonsense'");
    assert_int_equal(px_rules_count(rs), 1);
    assert_int_equal(px_rules_parse(rs, "c", c, strlen(c), &err), PITH_OK);
    assert_int_equal(px_rules_count(rs), 2);
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    char where[64];
    px_rules_where(rs, 1, where, sizeof where);
    assert_string_equal(where, "c:1");

    doc t = {.rs = rs};
    assert_int_equal(px_parse(&t.d, &A, "<i id=aaa></i><i id=bbb class=bbb></i><i id=ccc></i>",
                              52, 0, &err), PITH_OK);
    t.s = px_scratch_new(rs, &A);
    assert_true(dropped_id(&t, "aaa"));
    px_verdict v = element_verdict(&t, by_id(&t, "bbb"));
    assert_false(v.drop);
    assert_int_equal(v.score, 0);
    v = element_verdict(&t, by_id(&t, "ccc"));
    assert_true(v.drop);
    assert_int_equal(v.drop_rule, 1);
    doc_close(&t);
}

/* ------------------------------------------------------------------ */
/* Error paths must free what they allocated                          */

static long live_after_refusal(const char *text)
{
    counter c = {0, 0, -1, false, false};
    pith_allocator hooks = counting_hooks(&c);
    px_alloc ca;
    px_alloc_init(&ca, &hooks);
    px_ruleset *rs = px_rules_new(&ca);
    assert_non_null(rs);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_parse(rs, "bad.rules", text, strlen(text), &err), PITH_ERR_RULES);
    px_rules_free(rs);
    return c.live;
}

static void test_refusal_frees_everything(void **state)
{
    (void)state;
    /* Errors after values, names and patterns were already allocated. */
    static const char *const bad[] = {
        "drop class=ad id~/x/ attr=data-a=b bogus\n",
        "drop attr=data-a~/x/ maxlen=0\n",
        "drop tag=p,div,my-widget text~/(/\n",
        "drop id~/a/ id~/b/ id~/c\n",
        "drop tag=p\n+5 class=x\nremove tag=p\n",
        "drop text~/ok/ text~/x/q\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        long live = live_after_refusal(bad[i]);
        if (live)
            fail_msg("%ld blocks leaked refusing '%s'", live, bad[i]);
    }
}

static void test_refusal_frees_custom_tag_names(void **state)
{
    (void)state;
    long live = live_after_refusal("drop tag=my-widget,\n");
    if (live)
        fail_msg("%ld blocks leaked refusing a custom tag list", live);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_every_matcher_kind),
        cmocka_unit_test(test_parse_comments_blank_lines),
        cmocka_unit_test(test_parse_crlf),
        cmocka_unit_test(test_parse_byte_order_mark),
        cmocka_unit_test(test_where_names_file_and_line),
        cmocka_unit_test(test_several_texts_accumulate),
        cmocka_unit_test(test_text_rule_bookkeeping),
        cmocka_unit_test(test_error_unknown_action),
        cmocka_unit_test(test_forced_drop),
        cmocka_unit_test(test_error_unknown_matcher),
        cmocka_unit_test(test_error_bad_pattern),
        cmocka_unit_test(test_error_unterminated_pattern),
        cmocka_unit_test(test_error_missing_matcher),
        cmocka_unit_test(test_error_bad_maxlen),
        cmocka_unit_test(test_error_unknown_flag),
        cmocka_unit_test(test_error_nul_byte),
        cmocka_unit_test(test_refused_text_adds_nothing),
        cmocka_unit_test(test_refusal_frees_everything),
        cmocka_unit_test(test_refusal_frees_custom_tag_names),
    };
    return cmocka_run_group_tests_name("rules", tests, setup, NULL);
}
