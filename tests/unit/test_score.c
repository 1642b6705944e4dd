/* Tests for src/score.c: what a block is worth (prose up, link lists and
 * fragments down), what a good paragraph is, and how text and rule scores
 * are counted over a subtree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "page.h"
#include "pith.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

/* ------------------------------------------------------------------ */
/* px_block_value and px_is_good_para                                   */

/* The worth of a block with no leading link (a teaser's headline link
 * is a separate signal, tested through px_score below). */
static float value(int chars, int link, int punct)
{
    return px_block_value(chars, link, 0, punct);
}

static void test_prose_is_worth_something(void **state)
{
    (void)state;
    assert_true(value(300, 0, 8) > 0);
    assert_true(value(120, 10, 3) > 0); /* prose with a link in it */
    /* more prose is worth more */
    assert_true(value(600, 0, 8) > value(300, 0, 8));
    assert_true(value(0, 0, 0) == 0);
}

static void test_link_lists_cost(void **state)
{
    (void)state;
    /* a menu: every character linked */
    assert_true(value(60, 60, 0) < 0);
    /* a long list of links is still negative, however long */
    assert_true(value(800, 700, 2) < 0);
    /* linked text is worth less than the same text unlinked */
    assert_true(value(200, 50, 3) < value(200, 0, 3));
}

static void test_short_linked_fragment_costs(void **state)
{
    (void)state;
    /* "Home", "Next post »", a teaser headline: short and linked */
    assert_true(value(4, 4, 0) < 0);
    assert_true(value(30, 25, 0) < 0);
    assert_true(value(70, 40, 1) < 0);
    /* a short fragment is worth less than its length: a caption or a
     * label must not outweigh a sentence */
    assert_true(value(12, 0, 0) < 12);
}

static void test_punctuation_raises_value(void **state)
{
    (void)state;
    assert_true(value(200, 0, 5) > value(200, 0, 0));
    assert_true(value(200, 0, 1) > value(200, 0, 0));
    /* but a block cannot buy its worth with commas alone */
    assert_true(value(200, 0, 1000) - value(200, 0, 0) <= 50);
}

static void test_good_paragraph(void **state)
{
    (void)state;
    assert_true(px_is_good_para(150, 0, 2));
    assert_true(px_is_good_para(150, 40, 2)); /* a few links are fine */
    assert_false(px_is_good_para(60, 0, 3));  /* too short */
    assert_false(px_is_good_para(300, 0, 0)); /* no sentence: a tag cloud */
    assert_false(px_is_good_para(150, 60, 3)); /* mostly links */
    assert_false(px_is_good_para(0, 0, 0));
}

/* ------------------------------------------------------------------ */
/* px_score on parsed pages                                             */

typedef struct page {
    px_page pg;
} page;

static void page_open(page *t, const char *html)
{
    memset(t, 0, sizeof *t);
    t->pg.a = &A;
    t->pg.tune = px_tuning_for(0);
    pith_error err = {0, ""};
    assert_int_equal(px_parse(&t->pg.doc, &A, html, strlen(html), 0, &err), PITH_OK);
    t->pg.info = calloc((size_t)t->pg.doc.n, sizeof *t->pg.info);
    assert_non_null(t->pg.info);
    t->pg.root = t->pg.title_node = -1;
    for (int i = 0; i < t->pg.doc.n; i++)
        t->pg.info[i].drop_rule = t->pg.info[i].score_rule = -1;
}

static void page_close(page *t)
{
    free(t->pg.info);
    px_doc_free(&t->pg.doc);
}

static int node(const page *t, const char *id)
{
    for (int i = 0; i < t->pg.doc.n; i++) {
        const char *v = px_attr(&t->pg.doc.nodes[i], "id");
        if (v && !strcmp(v, id))
            return i;
    }
    fail_msg("no element with id '%s'", id);
    return -1;
}

static const px_info *info(const page *t, const char *id)
{
    return &t->pg.info[node(t, id)];
}

static void test_score_counts_own_text(void **state)
{
    (void)state;
    page t;
    page_open(&t, "<p id=p>Hello,  world.\n <a href=/x>link</a>&nbsp;<b>bold</b>!</p>");
    px_score(&t.pg);
    const px_info *p = info(&t, "p");
    /* white space (no-break space included) is not text; inline elements'
     * text belongs to the block around them */
    assert_int_equal(p->own_chars, 6 + 6 + 4 + 5);
    assert_int_equal(p->own_link, 4);
    assert_int_equal(p->own_punct, 3);
    assert_int_equal(p->chars, p->own_chars);
    page_close(&t);
}

static void test_score_sums_subtrees(void **state)
{
    (void)state;
    page t;
    page_open(&t, "<div id=d>intro<p id=a>aaaa.</p><div id=e><p id=b>bb <a href=/>cc</a></p></div></div>");
    px_score(&t.pg);
    assert_int_equal(info(&t, "a")->chars, 5);
    assert_int_equal(info(&t, "b")->chars, 4);
    assert_int_equal(info(&t, "b")->link, 2);
    assert_int_equal(info(&t, "e")->chars, 4);
    assert_int_equal(info(&t, "d")->own_chars, 5);
    assert_int_equal(info(&t, "d")->chars, 5 + 5 + 4);
    assert_int_equal(info(&t, "d")->link, 2);
    page_close(&t);
}

static void test_score_skips_dropped(void **state)
{
    (void)state;
    page t;
    page_open(&t, "<div id=d><p id=a>kept text.</p><p id=b>dropped text</p></div>");
    t.pg.doc.nodes[node(&t, "b")].flags |= PX_DROP;
    px_score(&t.pg);
    assert_int_equal(info(&t, "d")->chars, 9);
    page_close(&t);
}

static void test_cjk_weighs_more(void **state)
{
    (void)state;
    /* Chinese and Japanese pack a word into a character or two, Korean
     * into a syllable block or two: counted by code points they would
     * never reach the length of a Latin paragraph. */
    page t;
    page_open(&t, "<p id=zh>\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97</p>" /* 3 Han */
                  "<p id=ja>\xE3\x81\xB2\xE3\x82\x89\xE3\x81\x8C\xE3\x81\xAA</p>" /* 4 kana */
                  "<p id=ko>\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4</p>" /* 3 Hangul */
                  "<p id=la>abc</p><p id=ru>\xD0\xB0\xD0\xB1\xD0\xB2</p>");
    px_score(&t.pg);
    int zh = info(&t, "zh")->own_chars, ja = info(&t, "ja")->own_chars;
    int ko = info(&t, "ko")->own_chars, la = info(&t, "la")->own_chars;
    int ru = info(&t, "ru")->own_chars;
    assert_int_equal(la, 3);
    assert_int_equal(ru, 3); /* Cyrillic letters are letters like Latin */
    assert_true(zh > 3);
    assert_true(ja > 4);
    assert_true(ko > 3);
    assert_true(zh >= ko); /* a Han character holds more than a syllable */
    page_close(&t);
}

static void test_cjk_paragraph_is_good(void **state)
{
    (void)state;
    /* 40 Han characters and an ideographic full stop are a paragraph;
     * 40 Latin letters and a full stop are not. */
    char zh[512] = "<p id=zh>", la[256] = "<p id=la>";
    for (int i = 0; i < 40; i++)
        strcat(zh, "\xE6\x96\x87");
    strcat(zh, "\xE3\x80\x82</p>");
    for (int i = 0; i < 40; i++)
        strcat(la, "a");
    strcat(la, ".</p>");
    char html[1024];
    snprintf(html, sizeof html, "%s%s", zh, la);
    page t;
    page_open(&t, html);
    px_score(&t.pg);
    assert_int_equal(info(&t, "zh")->own_punct, 1); /* U+3002 ends a sentence */
    assert_int_equal(info(&t, "zh")->paras, 1);
    assert_int_equal(info(&t, "la")->paras, 0);
    assert_true(info(&t, "zh")->value > info(&t, "la")->value);
    page_close(&t);
}

static void test_rule_score_scales_subtree(void **state)
{
    (void)state;
    static const char html[] =
        "<div id=a><p>Some prose that is worth keeping, with commas, and a full stop.</p></div>"
        "<div id=b><p>Some prose that is worth keeping, with commas, and a full stop.</p></div>"
        "<div id=c><p>Some prose that is worth keeping, with commas, and a full stop.</p></div>";
    page t;
    page_open(&t, html);
    t.pg.info[node(&t, "b")].rule_score = -50;
    t.pg.info[node(&t, "c")].rule_score = 50;
    px_score(&t.pg);
    float a = info(&t, "a")->value;
    assert_true(a > 0);
    /* -50 cancels a subtree: a sidebar's prose cannot win */
    assert_true(info(&t, "b")->value == 0);
    assert_true(info(&t, "c")->value > a);
    page_close(&t);
}

static void test_link_list_subtree_is_negative(void **state)
{
    (void)state;
    page t;
    page_open(&t, "<ul id=menu><li><a href=/>Home</a></li><li><a href=/n>News</a></li>"
                  "<li><a href=/s>Sport</a></li><li><a href=/c>Contact us</a></li></ul>"
                  "<div id=art><p>The council voted on Tuesday to extend the harbour cycle lane, "
                  "after a year of complaints from residents, shop owners and commuters.</p></div>");
    px_score(&t.pg);
    assert_true(info(&t, "menu")->value < 0);
    assert_true(info(&t, "art")->value > 0);
    assert_int_equal(info(&t, "art")->paras, 1);
    assert_int_equal(info(&t, "menu")->paras, 0);
    page_close(&t);
}

static void test_teaser_worth_less_than_prose(void **state)
{
    (void)state;
    /* A related-story teaser opens with its headline as a link; prose may
     * link a word or a name, but later. Same words, same link length. */
    page t;
    page_open(&t, "<p id=teaser><a href=/x>Council approves new harbour bike lane</a> The vote "
                  "followed a year of complaints from residents and shop owners.</p>"
                  "<p id=prose>The vote followed a year of complaints from residents and shop "
                  "owners. <a href=/x>Council approves new harbour bike lane</a></p>");
    px_score(&t.pg);
    assert_int_equal(info(&t, "teaser")->own_chars, info(&t, "prose")->own_chars);
    assert_int_equal(info(&t, "teaser")->own_link, info(&t, "prose")->own_link);
    assert_true(info(&t, "teaser")->own_value < info(&t, "prose")->own_value);
    page_close(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prose_is_worth_something),
        cmocka_unit_test(test_link_lists_cost),
        cmocka_unit_test(test_short_linked_fragment_costs),
        cmocka_unit_test(test_punctuation_raises_value),
        cmocka_unit_test(test_good_paragraph),
        cmocka_unit_test(test_score_counts_own_text),
        cmocka_unit_test(test_score_sums_subtrees),
        cmocka_unit_test(test_score_skips_dropped),
        cmocka_unit_test(test_cjk_weighs_more),
        cmocka_unit_test(test_cjk_paragraph_is_good),
        cmocka_unit_test(test_rule_score_scales_subtree),
        cmocka_unit_test(test_link_list_subtree_is_negative),
        cmocka_unit_test(test_teaser_worth_less_than_prose),
    };
    return cmocka_run_group_tests_name("score", tests, setup, NULL);
}
