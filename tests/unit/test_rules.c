/* Unit tests for src/rules.c: the rule-file parser (every matcher kind, the
 * exact error messages a rule author sees, all-or-nothing loading) and the
 * matcher (verdicts on elements of small parsed documents, text rules and
 * maxlen). The format is described in rules/README.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"
#include "rules.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* Parses and compiles text that must be valid; fails the test otherwise. */
static px_ruleset *load(const char *text)
{
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    pith_error err = {0, ""};
    int rc = px_rules_parse(rs, "t.rules", text, strlen(text), &err);
    if (rc)
        fail_msg("rules refused: %s", err.message);
    rc = px_rules_compile(rs, &err);
    if (rc)
        fail_msg("rules do not compile: %s", err.message);
    return rs;
}

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

/* A parsed document and the ruleset to run over it. */
typedef struct doc {
    px_doc d;
    px_ruleset *rs;
    px_scratch *s;
} doc;

static void doc_open(doc *t, const char *rules, const char *html)
{
    t->rs = load(rules);
    pith_error err = {0, ""};
    assert_int_equal(px_parse(&t->d, &A, html, strlen(html), 0, &err), PITH_OK);
    t->s = px_scratch_new(t->rs, &A);
    assert_non_null(t->s);
}

static void doc_close(doc *t)
{
    px_scratch_free(t->s);
    px_doc_free(&t->d);
    px_rules_free(t->rs);
}

/* The element whose id attribute is id; the tests label the elements they
 * ask about this way so that the lookup itself needs no rules. */
static const px_node *by_id(const doc *t, const char *id)
{
    for (int i = 0; i < t->d.n; i++) {
        const char *v = px_attr(&t->d.nodes[i], "id");
        if (v && !strcmp(v, id))
            return &t->d.nodes[i];
    }
    fail_msg("no element with id '%s'", id);
    return NULL;
}

/* The first element named name (custom names included). */
static const px_node *by_tag(const doc *t, const char *name)
{
    for (int i = 0; i < t->d.n; i++) {
        char buf[64];
        if (t->d.nodes[i].kind == PX_ELEMENT &&
            !strcmp(px_tag_name(&t->d.nodes[i], buf, sizeof buf), name))
            return &t->d.nodes[i];
    }
    fail_msg("no <%s> element", name);
    return NULL;
}

static px_verdict element_verdict(const doc *t, const px_node *nd)
{
    px_verdict v = {false, 0, -1, -1, false};
    px_rules_match_element(t->rs, t->s, nd, &v);
    return v;
}

static bool dropped_id(const doc *t, const char *id)
{
    return element_verdict(t, by_id(t, id)).drop;
}

/* The verdict of the text rules on text, as if a <p> held it. */
static px_verdict text_verdict(const char *rules, const char *text)
{
    doc t;
    doc_open(&t, rules, "<p>x</p>");
    px_verdict v = {false, 0, -1, -1, false};
    px_rules_match_text(t.rs, t.s, by_tag(&t, "p"), text, strlen(text), &v);
    doc_close(&t);
    return v;
}

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
/* A counting allocator: error paths must free what they allocated      */

typedef struct counter {
    long live;
} counter;

static void *c_malloc(size_t n, void *ud)
{
    void *p = malloc(n);
    ((counter *)ud)->live += p != NULL;
    return p;
}

static void *c_realloc(void *p, size_t n, void *ud)
{
    void *q = realloc(p, n);
    ((counter *)ud)->live += q != NULL && p == NULL;
    return q;
}

static void c_free(void *p, void *ud)
{
    ((counter *)ud)->live -= p != NULL;
    free(p);
}

static long live_after_refusal(const char *text)
{
    counter c = {0};
    pith_allocator hooks = {c_malloc, c_realloc, c_free, &c};
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

/* ------------------------------------------------------------------ */
/* Element matching                                                     */

static void test_match_tag(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop tag=h1,H2\n", "<h1 id=a>x</h1><h2 id=b>x</h2><h3 id=c>x</h3><p id=d>x</p>");
    assert_true(dropped_id(&t, "a"));
    assert_true(dropped_id(&t, "b"));
    assert_false(dropped_id(&t, "c"));
    assert_false(dropped_id(&t, "d"));
    doc_close(&t);
}

static void test_match_custom_tag(void **state)
{
    (void)state;
    /* Names Gumbo does not know are compared by their source name. */
    doc t;
    doc_open(&t, "drop tag=p,my-widget\n",
             "<my-widget id=a>x</my-widget><MY-WIDGET id=b>x</MY-WIDGET>"
             "<my-widgets id=c>x</my-widgets><other-widget id=d>x</other-widget>"
             "<p id=e>x</p><div id=f>x</div>");
    assert_true(dropped_id(&t, "a"));
    assert_true(dropped_id(&t, "b"));
    assert_false(dropped_id(&t, "c"));
    assert_false(dropped_id(&t, "d"));
    assert_true(dropped_id(&t, "e"));
    assert_false(dropped_id(&t, "f"));
    doc_close(&t);

    /* and a list of only custom names never matches known elements */
    doc_open(&t, "drop tag=amp-ad\n", "<amp-ad id=a></amp-ad><div id=b></div><span id=c></span>");
    assert_true(dropped_id(&t, "a"));
    assert_false(dropped_id(&t, "b"));
    assert_false(dropped_id(&t, "c"));
    doc_close(&t);
}

static void test_match_id_class_role(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop id=main\n-7 class=ad\n+3 role=note\n",
             "<div id=main></div><div id=main2></div>"
             "<div id=a class='x ad y'></div><div id=b class=head></div>"
             "<div id=c class=ad-slot></div><div id=d class='\tad\n'></div>"
             "<div id=e role='note navigation'></div><div id=f role=notes></div>");
    assert_true(dropped_id(&t, "main"));
    assert_false(dropped_id(&t, "main2")); /* id= is equality */
    /* class= compares whole tokens */
    assert_int_equal(element_verdict(&t, by_id(&t, "a")).score, -7);
    assert_int_equal(element_verdict(&t, by_id(&t, "b")).score, 0);
    assert_int_equal(element_verdict(&t, by_id(&t, "c")).score, 0);
    assert_int_equal(element_verdict(&t, by_id(&t, "d")).score, -7);
    /* so does role= */
    assert_int_equal(element_verdict(&t, by_id(&t, "e")).score, 3);
    assert_int_equal(element_verdict(&t, by_id(&t, "f")).score, 0);
    doc_close(&t);
}

static void test_match_class_pattern_is_substring(void **state)
{
    (void)state;
    /* class~ searches the whole attribute, unlike the token match above */
    doc t;
    doc_open(&t, "drop class~/ad/\n",
             "<div id=a class=head></div><div id=b class='x ad'></div><div id=c></div>");
    assert_true(dropped_id(&t, "a"));
    assert_true(dropped_id(&t, "b"));
    assert_false(dropped_id(&t, "c"));
    doc_close(&t);
}

static void test_match_attributes(void **state)
{
    (void)state;
    doc t;
    doc_open(&t,
             "drop attr=hidden\n"
             "drop attr=data-x=1\n"
             "drop attr=style~/display\\s*:\\s*none/i\n"
             "drop attr=href~/^https?:\\/\\/ads\\./\n",
             "<div id=a hidden></div><div id=b data-x=1></div><div id=c data-x=10></div>"
             "<div id=d data-x></div><div id=e style='color:red; DISPLAY: none'></div>"
             "<div id=f style='display:block'></div>"
             "<a id=g href='https://ads.example.com/x'>x</a>"
             "<a id=h href='https://example.com/ads./'>x</a><a id=i>x</a>");
    assert_true(dropped_id(&t, "a"));
    assert_true(dropped_id(&t, "b"));
    assert_false(dropped_id(&t, "c")); /* attr=N=V is equality */
    assert_false(dropped_id(&t, "d"));
    assert_true(dropped_id(&t, "e"));
    assert_false(dropped_id(&t, "f"));
    assert_true(dropped_id(&t, "g")); /* "\/" in a pattern is a slash */
    assert_false(dropped_id(&t, "h"));
    assert_false(dropped_id(&t, "i"));
    doc_close(&t);
}

static void test_match_id_and_idclass_patterns(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop id~/^main/i\n-20 idclass~/sidebar/\n",
             "<div id=MainContent></div><div id=remain></div>"
             "<div id=side class='sidebar'></div><div id=sidebar-2></div><div id=x></div>");
    assert_true(dropped_id(&t, "MainContent"));
    assert_false(dropped_id(&t, "remain"));
    assert_int_equal(element_verdict(&t, by_id(&t, "side")).score, -20);      /* by class */
    assert_int_equal(element_verdict(&t, by_id(&t, "sidebar-2")).score, -20); /* by id */
    assert_int_equal(element_verdict(&t, by_id(&t, "x")).score, 0);
    doc_close(&t);
}

static void test_match_negation(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop tag=div id!~/keep/\n+9 tag=span class!~/x/ attr=data-a!~/^no/\n",
             "<div id=keep-me></div><div id=drop-me></div>"
             "<span id=s1 class=x></span><span id=s2 class=y></span>"
             "<span id=s3></span><span id=s4 data-a=nope></span><span id=s5 data-a=yes></span>");
    assert_false(dropped_id(&t, "keep-me"));
    assert_true(dropped_id(&t, "drop-me"));
    /* an absent attribute never matches ~ and always matches !~ */
    assert_int_equal(element_verdict(&t, by_id(&t, "s1")).score, 0);
    assert_int_equal(element_verdict(&t, by_id(&t, "s2")).score, 9);
    assert_int_equal(element_verdict(&t, by_id(&t, "s3")).score, 9);
    assert_int_equal(element_verdict(&t, by_id(&t, "s4")).score, 0);
    assert_int_equal(element_verdict(&t, by_id(&t, "s5")).score, 9);
    doc_close(&t);

    /* a div with no id at all is dropped by id!~ */
    doc_open(&t, "drop tag=div id!~/keep/\n", "<section><div>x</div></section>");
    assert_true(element_verdict(&t, by_tag(&t, "div")).drop);
    assert_false(element_verdict(&t, by_tag(&t, "section")).drop);
    doc_close(&t);
}

static void test_match_all_matchers_must_hold(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop tag=div class=ad\n",
             "<div id=a class=ad></div><p id=b class=ad></p><div id=c class=x></div>");
    assert_true(dropped_id(&t, "a"));
    assert_false(dropped_id(&t, "b"));
    assert_false(dropped_id(&t, "c"));
    doc_close(&t);
}

static void test_match_scores_sum(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "+10 tag=div\n-3 class=x\n+25 id=a\ndrop class=gone\n-40 class=gone\n",
             "<div id=a class=x></div><div id=b></div><p id=c class=x></p>"
             "<div id=d class='x gone'></div>");
    px_verdict v = element_verdict(&t, by_id(&t, "a"));
    assert_false(v.drop);
    assert_int_equal(v.score, 32);
    assert_int_equal(v.score_rule, 2); /* the last scoring rule that fired */
    assert_int_equal(v.drop_rule, -1);
    assert_int_equal(element_verdict(&t, by_id(&t, "b")).score, 10);
    v = element_verdict(&t, by_id(&t, "c"));
    assert_int_equal(v.score, -3);
    assert_int_equal(v.score_rule, 1);
    v = element_verdict(&t, by_id(&t, "d"));
    assert_true(v.drop);
    assert_int_equal(v.drop_rule, 3);
    doc_close(&t);

    /* nothing matched: the verdict is left as it was */
    doc_open(&t, "drop tag=p\n", "<div id=a></div>");
    v = element_verdict(&t, by_id(&t, "a"));
    assert_false(v.drop);
    assert_int_equal(v.score, 0);
    assert_int_equal(v.drop_rule, -1);
    assert_int_equal(v.score_rule, -1);
    doc_close(&t);
}

static void test_match_comment_and_hash_in_value(void **state)
{
    (void)state;
    /* '#' starts a comment only at the start of a word */
    doc t;
    doc_open(&t, "drop class=a#b # the rest is a comment class=zzz\n",
             "<div id=x class='a#b'></div><div id=y class=a></div>");
    assert_true(dropped_id(&t, "x"));
    assert_false(dropped_id(&t, "y"));
    doc_close(&t);
}

static void test_element_and_text_rules_are_separate(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop text~/x/\n+5 maxlen=100\n-2 tag=p\n", "<p id=p>x</p>");
    const px_node *p = by_id(&t, "p");
    /* text rules never fire on elements... */
    px_verdict v = element_verdict(&t, p);
    assert_false(v.drop);
    assert_int_equal(v.score, -2);
    /* ...and element rules never fire on text */
    v = (px_verdict){false, 0, -1, -1};
    px_rules_match_text(t.rs, t.s, p, "x", 1, &v);
    assert_true(v.drop);
    assert_int_equal(v.drop_rule, 0);
    assert_int_equal(v.score, 0); /* score rules do not run after a drop */
    v = (px_verdict){false, 0, -1, -1};
    px_rules_match_text(t.rs, t.s, p, "y", 1, &v);
    assert_false(v.drop);
    assert_int_equal(v.score, 5);
    doc_close(&t);
}

/* ------------------------------------------------------------------ */
/* Text matching                                                        */

static void test_text_pattern(void **state)
{
    (void)state;
    const char *r = "drop text~/^advertisement$/i\n";
    assert_true(text_verdict(r, "Advertisement").drop);
    assert_true(text_verdict(r, "ADVERTISEMENT").drop);
    assert_false(text_verdict(r, "Advertisement for cheese").drop);
    assert_false(text_verdict(r, "").drop);
    /* patterns may hold spaces */
    r = "drop text~/sponsored content/i\n";
    assert_true(text_verdict(r, "This is Sponsored Content").drop);
    assert_false(text_verdict(r, "sponsored-content").drop);
}

static void test_text_pattern_is_unicode(void **state)
{
    (void)state;
    /* \w and case folding work beyond ASCII (UTF + UCP mode) */
    const char *r = "drop text~/^\\w+$/\n";
    assert_true(text_verdict(r, "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0").drop);
    assert_true(text_verdict(r, "Gr\xC3\xBC\xC3\x9F" "e").drop);
    assert_false(text_verdict(r, "two words").drop);
    r = "drop text~/^\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0$/i\n";
    assert_true(text_verdict(r, "\xD0\xA0\xD0\x95\xD0\x9A\xD0\x9B\xD0\x90\xD0\x9C\xD0\x90").drop);
    /* '.' is one character, not one byte */
    r = "drop text~/^.{3}$/\n";
    assert_true(text_verdict(r, "\xE5\xBA\x83\xE5\x91\x8A\xE3\x81\xA7").drop);
}

static void test_text_with_element_matcher(void **state)
{
    (void)state;
    doc t;
    doc_open(&t, "drop tag=span text~/^ad$/i\n", "<p>x</p><span>y</span>");
    px_verdict v = {false, 0, -1, -1, false};
    px_rules_match_text(t.rs, t.s, by_tag(&t, "p"), "Ad", 2, &v);
    assert_false(v.drop);
    px_rules_match_text(t.rs, t.s, by_tag(&t, "span"), "Ad", 2, &v);
    assert_true(v.drop);
    doc_close(&t);
}

static void test_maxlen_counts_characters(void **state)
{
    (void)state;
    const char *r = "drop maxlen=5\n";
    assert_true(text_verdict(r, "abcde").drop);
    assert_false(text_verdict(r, "abcdef").drop);
    /* five e-acutes are ten bytes but five characters */
    assert_true(text_verdict(r, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9").drop);
    assert_false(text_verdict(r, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9").drop);
    /* five CJK characters are fifteen bytes; an emoji is four */
    assert_true(text_verdict(r, "\xE5\xBA\x83\xE5\x91\x8A\xE5\xBA\x83\xE5\x91\x8A\xE5\xBA\x83").drop);
    assert_true(text_verdict(r, "\xF0\x9F\x98\x80\xF0\x9F\x98\x80xyz").drop);

    /* with a pattern, both must hold */
    r = "-30 text~/^ad/i maxlen=4\n";
    assert_int_equal(text_verdict(r, "Ad").score, -30);
    assert_int_equal(text_verdict(r, "Ad \xC3\xA9").score, -30);
    assert_int_equal(text_verdict(r, "Adverts").score, 0);
    assert_int_equal(text_verdict(r, "No ad").score, 0);
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
        cmocka_unit_test(test_match_tag),
        cmocka_unit_test(test_match_custom_tag),
        cmocka_unit_test(test_match_id_class_role),
        cmocka_unit_test(test_match_class_pattern_is_substring),
        cmocka_unit_test(test_match_attributes),
        cmocka_unit_test(test_match_id_and_idclass_patterns),
        cmocka_unit_test(test_match_negation),
        cmocka_unit_test(test_match_all_matchers_must_hold),
        cmocka_unit_test(test_match_scores_sum),
        cmocka_unit_test(test_match_comment_and_hash_in_value),
        cmocka_unit_test(test_element_and_text_rules_are_separate),
        cmocka_unit_test(test_text_pattern),
        cmocka_unit_test(test_text_pattern_is_unicode),
        cmocka_unit_test(test_text_with_element_matcher),
        cmocka_unit_test(test_maxlen_counts_characters),
    };
    return cmocka_run_group_tests_name("rules", tests, setup, NULL);
}
