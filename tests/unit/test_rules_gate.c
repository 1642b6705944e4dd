/* Unit tests for src/rules_gate.c: what each rule's gate tests (tag,
 * maxlen, the first pattern's literals and sides, never past a pattern that
 * would run), and that the gates change no verdict: the bundled rules on
 * every element and text node of the fixtures give the same verdicts with
 * the gates as with every gate open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"
#include "rules_doc.h"
#include "rules_impl.h"

#ifndef PITH_SOURCE_ROOT
#error "PITH_SOURCE_ROOT must name the repository root"
#endif

static bool has_tag(const px_gate *g, GumboTag t) { return g->tags[t / 32] >> (t % 32) & 1u; }

static void test_tag_and_first_pattern(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=div,aside class~/sidebar/ id~/widget/\n");
    assert_int_equal(rs->nelem_list, 1);
    const px_gate *g = &rs->gates[0];
    assert_int_equal(g->rule, 0);
    assert_true(g->drop);
    assert_false(g->any_tag);
    assert_true(has_tag(g, GUMBO_TAG_DIV));
    assert_true(has_tag(g, GUMBO_TAG_ASIDE));
    assert_false(has_tag(g, GUMBO_TAG_P));
    assert_false(g->tagnames);
    /* the class pattern, the first; the id pattern is left to the rule */
    assert_int_equal(g->pat, rs->rules[0].m[1].pat);
    assert_int_equal(g->sides, 1u << SIDE_CLASS);
    assert_int_equal(g->maxlen, UINT32_MAX);
    px_rules_free(rs);
}

static void test_idclass_tries_both_sides(void **state)
{
    (void)state;
    px_ruleset *rs = load("-20 idclass~/comment/\n");
    const px_gate *g = &rs->gates[0];
    assert_false(g->drop);
    assert_true(g->any_tag);
    assert_true(g->pat >= 0);
    assert_int_equal(g->sides, (1u << SIDE_ID) | (1u << SIDE_CLASS));
    px_rules_free(rs);
}

static void test_unknown_tag_names_pass(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=amp-ad\n");
    const px_gate *g = &rs->gates[0];
    assert_false(g->any_tag);
    assert_true(g->tagnames);
    px_rules_free(rs);
}

static void test_text_rule_maxlen_and_pattern(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=p class~/x/\ndrop maxlen=40 text~/share this/i\n");
    assert_int_equal(rs->nelem_list, 1);
    assert_int_equal(rs->ntext_list, 1);
    /* the text list's gates follow the element list's */
    const px_gate *g = &rs->gates[rs->nelem_list];
    assert_int_equal(g->rule, 1);
    assert_int_equal(g->maxlen, 40);
    assert_int_equal(g->sides, 1u << SIDE_TEXT);
    px_rules_free(rs);
}

/* A pattern that runs whatever the literals (attr~, negated) ends the gate
 * before any later pattern: skipping the rule would skip its run. (The
 * rule's matchers are in cost order: tag, then patterns in file order,
 * negated ones last.) */
static void test_gate_stops_at_a_pattern_that_runs(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=div attr=data-role~/promo/ class~/teaser/\n"
                          "drop class!~/main/ id!~/sidebar/\n");
    for (int k = 0; k < 2; k++) {
        assert_int_equal(rs->gates[k].pat, -1);
        assert_int_equal(rs->gates[k].sides, 0);
    }
    assert_false(rs->gates[0].any_tag);
    assert_true(rs->gates[1].any_tag);
    px_rules_free(rs);
}

/* The attribute a rule needs before its first pattern runs: role=, attr=,
 * id=, class= and a plain attr=NAME~ need theirs present; a negated
 * attr!~ matches where the attribute is absent, so it needs nothing. */
static void test_key_is_a_needed_attribute(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop role=navigation\n"
                          "drop tag=div attr=data-ad-slot\n"
                          "drop attr=itemtype~/breadcrumb/i\n"
                          "drop attr=itemtype!~/article/i\n"
                          "drop class=share\n"
                          "drop tag=aside\n");
    const char *want[] = {"role", "data-ad-slot", "itemtype", NULL, "class", NULL};
    for (int k = 0; k < 6; k++) {
        int key = rs->gates[k].key;
        if (!want[k]) {
            assert_int_equal(key, -1);
            continue;
        }
        assert_true(key >= 0 && key < rs->nkeys);
        assert_string_equal(rs->keys[key], want[k]);
    }
    px_rules_free(rs);
}

/* A block of maxlen characters (not bytes) meets the rule, one more does
 * not, and one without the pattern's literal does not either. */
static void test_maxlen_gate_at_the_boundary(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop maxlen=13 text~/teilen/\n");
    pith_error err = {0, ""};
    px_doc page;
    const char *html = "<p>x</p>";
    assert_int_equal(px_parse(&page, &A, html, strlen(html), 0, &err), PITH_OK);
    px_scratch *s = px_scratch_new(rs, &A);
    const char *texts[] = {"\xc3\xa4\xc3\xb6\xc3\xbc teilen \xc3\x9f!", /* 13 characters */
                           "\xc3\xa4\xc3\xb6\xc3\xbc teilen \xc3\x9f!!", "abcdefghijkl"};
    const bool dropped[] = {true, false, false};
    for (int k = 0; k < 3; k++) {
        px_verdict v = {false, 0, -1, -1, false, false};
        px_rules_match_text(rs, s, &page.nodes[page.body], texts[k], strlen(texts[k]), &v);
        assert_int_equal(v.drop, dropped[k]);
    }
    px_scratch_free(s);
    px_doc_free(&page);
    px_rules_free(rs);
}

/* ---- the gates change no verdict ------------------------------------- */

static bool same_verdict(const px_verdict *a, const px_verdict *b)
{
    return a->drop == b->drop && a->score == b->score && a->drop_rule == b->drop_rule &&
           a->score_rule == b->score_rule && a->force == b->force && a->box == b->box;
}

/* Verdicts of every node of page by rs; texts: the text rules on each text
 * node's text, as a block. Returns the number of verdicts written. */
static size_t verdicts(const px_ruleset *rs, const px_doc *page, px_verdict *out)
{
    px_scratch *s = px_scratch_new_for(rs, &A, (size_t)page->n);
    assert_non_null(s);
    size_t k = 0;
    for (int i = 0; i < page->n; i++) {
        const px_node *nd = &page->nodes[i];
        px_verdict v = {false, 0, -1, -1, false, false};
        if (nd->kind == PX_ELEMENT) {
            px_rules_match_element(rs, s, nd, &v);
        } else {
            size_t len = 0;
            const char *t = px_text(nd, &len);
            px_rules_match_text(rs, s, nd, t ? t : "", t ? len : 0, &v);
        }
        out[k++] = v;
    }
    px_scratch_free(s);
    return k;
}

typedef struct gate_run {
    px_ruleset *rs;
    const px_gate *real; /* the gates as built */
    size_t ngates, fired;
} gate_run;

/* One page's verdicts with the gates as built and with every gate open
 * (and so no rule left out by the index) must be the same. */
static void gates_on_page(const char *name, const px_doc *page, void *ud)
{
    gate_run *g = ud;
    px_ruleset *rs = g->rs;
    px_verdict *gated = malloc((size_t)page->n * sizeof *gated);
    px_verdict *open = malloc((size_t)page->n * sizeof *open);
    size_t n = verdicts(rs, page, gated);
    for (size_t k = 0; k < g->ngates; k++) {
        rs->gates[k].any_tag = true;
        rs->gates[k].maxlen = UINT32_MAX;
        rs->gates[k].sides = 0;
        rs->gates[k].key = -1;
    }
    assert_int_equal(px_rules_index(rs), PITH_OK);
    assert_int_equal(verdicts(rs, page, open), n);
    memcpy(rs->gates, g->real, g->ngates * sizeof *g->real);
    assert_int_equal(px_rules_index(rs), PITH_OK);
    for (size_t i = 0; i < n; i++) {
        if (!same_verdict(&gated[i], &open[i]))
            fail_msg("%s: node %zu: the gates changed its verdict", name, i);
        g->fired += gated[i].drop || gated[i].score;
    }
    free(gated);
    free(open);
}

static void test_gates_change_no_verdict(void **state)
{
    (void)state;
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_add_image(rs, &px_builtin_image, &err), PITH_OK);
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    size_t ngates = (size_t)rs->nelem_list + (size_t)rs->ntext_list;
    /* (the image's gates and index are static data: ours to change) */
    px_gate *own = px_malloc(&A, ngates * sizeof *own);
    memcpy(own, rs->gates, ngates * sizeof *own);
    rs->gates = own;
    rs->image_gates = false;
    assert_int_equal(px_rules_index(rs), PITH_OK);
    px_gate *real = malloc(ngates * sizeof *real);
    memcpy(real, rs->gates, ngates * sizeof *real);
    gate_run run = {rs, real, ngates, 0};
    int pages = each_fixture(gates_on_page, &run);
    size_t fired = run.fired;
    /* the fixtures must exercise the rules, or the comparison says nothing */
    assert_true(pages >= 10);
    assert_true(fired >= 100);
    free(real);
    px_rules_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_and_first_pattern),
        cmocka_unit_test(test_idclass_tries_both_sides),
        cmocka_unit_test(test_unknown_tag_names_pass),
        cmocka_unit_test(test_text_rule_maxlen_and_pattern),
        cmocka_unit_test(test_gate_stops_at_a_pattern_that_runs),
        cmocka_unit_test(test_key_is_a_needed_attribute),
        cmocka_unit_test(test_maxlen_gate_at_the_boundary),
        cmocka_unit_test(test_gates_change_no_verdict),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
