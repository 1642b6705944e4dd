/* Unit tests for src/rules_match.c: the matcher's verdicts on elements of
 * small parsed documents (tags, ids, classes, attributes, negation, scores),
 * text rules and maxlen. The format is described in rules/README.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rules_doc.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

/* The verdict of the text rules on text, as if a <p> held it. */
static px_verdict text_verdict(const char *rules, const char *text)
{
    doc t;
    doc_open(&t, rules, "<p>x</p>");
    px_verdict v = {false, 0, -1, -1};
    px_rules_match_text(t.rs, t.s, by_tag(&t, "p"), text, strlen(text), &v);
    doc_close(&t);
    return v;
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
    px_verdict v = {false, 0, -1, -1};
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
