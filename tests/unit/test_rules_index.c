/* Unit tests for src/rules_index.c: where each gate is indexed (under its
 * first pattern, or by tag and needed attribute when it waits for no
 * literal), that patterns without literals are always tried, that a
 * user's rules added to the bundled ones are indexed too, and that the
 * index changes no verdict: the bundled rules on every element and block
 * of every fixture say the same with the index as with every gate tried;
 * and that this comparison would see a rule the index dropped. */
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
#include "text.h"

#ifndef PITH_SOURCE_ROOT
#error "PITH_SOURCE_ROOT must name the repository root"
#endif

static px_ruleset *compile(px_ruleset *rs, const char *text)
{
    pith_error err = {0, ""};
    if (text && px_rules_parse(rs, "t.rules", text, strlen(text), &err))
        fail_msg("rules refused: %s", err.message);
    if (px_rules_compile(rs, &err))
        fail_msg("rules do not compile: %s", err.message);
    return rs;
}

static bool has(const uint64_t *set, int j) { return set[j / 64] >> (j % 64) & 1u; }

/* Is gate j of list l indexed under pattern pat? */
static bool under_pattern(const px_ruleset *rs, int l, int j, int pat)
{
    const px_index_list *L = &rs->index.list[l];
    for (int e = L->off[pat]; e < L->off[pat + 1]; e++)
        if (L->gate[e] == j)
            return true;
    return false;
}

/* Is gate j of list l a candidate for a node of this tag and these
 * attributes (NULL-ended name, value pairs), before any literal hit? */
static bool starts(const px_ruleset *rs, int l, int j, unsigned tag, const char *const *attrs)
{
    const char *vals[64] = {0};
    assert_true(rs->nkeys < 64);
    for (int i = 0; attrs && attrs[i]; i += 2)
        for (int k = 0; k < rs->nkeys; k++)
            if (!strcmp(rs->keys[k], attrs[i]))
                vals[k] = attrs[i + 1];
    uint64_t cand[8] = {0};
    assert_true(rs->index.list[l].words <= 8);
    px_index_start(&rs->index.list[l], tag, vals, rs->nkeys, cand);
    return has(cand, j);
}

static void test_gates_indexed_where_they_wait(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=nav\n"
                          "drop role=navigation\n"
                          "drop tag=div,aside class~/sidebar/\n"
                          "-20 idclass~/comment/\n"
                          "drop tag=amp-ad\n"
                          "drop maxlen=40 text~/share this/i\n");
    assert_true(rs->index.built);
    assert_int_equal(rs->nelem_list, 5);
    assert_int_equal(rs->ntext_list, 1);
    static const char *const role[] = {"role", "navigation", NULL};
    /* tag=nav: by its tag, whatever the attributes */
    assert_true(starts(rs, 0, 0, GUMBO_TAG_NAV, NULL));
    assert_false(starts(rs, 0, 0, GUMBO_TAG_DIV, NULL));
    /* role=: any tag, only with a role */
    assert_true(starts(rs, 0, 1, GUMBO_TAG_DIV, role));
    assert_false(starts(rs, 0, 1, GUMBO_TAG_DIV, NULL));
    /* the pattern rules wait for their literals, not for a tag */
    assert_false(starts(rs, 0, 2, GUMBO_TAG_DIV, role));
    assert_true(under_pattern(rs, 0, 2, rs->rules[2].m[1].pat));
    assert_true(under_pattern(rs, 0, 3, rs->rules[3].m[0].pat));
    assert_false(under_pattern(rs, 0, 2, rs->rules[3].m[0].pat));
    /* a name Gumbo does not know: the unknown tag's row */
    assert_true(starts(rs, 0, 4, GUMBO_TAG_UNKNOWN, NULL));
    assert_false(starts(rs, 0, 4, GUMBO_TAG_DIV, NULL));
    /* the text list has its own bits, from 0 */
    const px_index_list *T = &rs->index.list[1];
    assert_int_equal(T->first, rs->nelem_list);
    int tpat = rs->rules[5].m[0].kind == M_TEXT_RE ? rs->rules[5].m[0].pat : rs->rules[5].m[1].pat;
    assert_true(under_pattern(rs, 1, 0, tpat));
    assert_int_equal(T->sides, 1u << SIDE_TEXT);
    assert_int_equal(T->maxlen[SIDE_TEXT], 40);
    px_rules_free(rs);
}

/* A gate that wants a value (class=, role=, id=, attr=NAME=VALUE) is found
 * by the value, not by the attribute being there: a candidate only where a
 * token of class or role, or the whole id or attribute, is the one it
 * wants, in any place among the tokens and whatever separates them (the
 * white space has_token knows); and still only for its tags. Values the
 * table could not answer exactly stay with the attribute. */
static void test_gates_found_by_value(void **state)
{
    (void)state;
    px_ruleset *rs = load("drop tag=div class=share-bar\n"
                          "drop role=navigation\n"
                          "drop id=comments\n"
                          "drop attr=data-x=ad\n"
                          "drop tag=div,p class=share-bar\n");
    const px_index_list *L = &rs->index.list[0];
    assert_non_null(L->tok);
    static const char *const hit[] = {"class", "x share-bar\ty", NULL};
    static const char *const first[] = {"class", "share-bar  x", NULL};
    static const char *const alone[] = {"class", "\fshare-bar\n", NULL};
    static const char *const part[] = {"class", "share-bar-wrap x-share-bar share", NULL};
    static const char *const idv[] = {"id", "share-bar", "class", "comments", NULL};
    assert_true(starts(rs, 0, 0, GUMBO_TAG_DIV, hit));
    assert_true(starts(rs, 0, 0, GUMBO_TAG_DIV, first));
    assert_true(starts(rs, 0, 0, GUMBO_TAG_DIV, alone));
    assert_false(starts(rs, 0, 0, GUMBO_TAG_DIV, part));
    assert_false(starts(rs, 0, 0, GUMBO_TAG_SPAN, hit)); /* not its tag */
    assert_false(starts(rs, 0, 0, GUMBO_TAG_DIV, idv)); /* the id is not a class */
    /* two gates want the same token: both found */
    assert_true(starts(rs, 0, 4, GUMBO_TAG_P, hit));
    assert_true(starts(rs, 0, 4, GUMBO_TAG_DIV, first));
    static const char *const nav[] = {"role", "menu navigation", NULL};
    static const char *const navx[] = {"role", "navigations", NULL};
    assert_true(starts(rs, 0, 1, GUMBO_TAG_UL, nav));
    assert_false(starts(rs, 0, 1, GUMBO_TAG_UL, navx));
    /* an id is compared whole */
    static const char *const com[] = {"id", "comments", NULL};
    static const char *const com2[] = {"id", "comments x", NULL};
    assert_true(starts(rs, 0, 2, GUMBO_TAG_DIV, com));
    assert_false(starts(rs, 0, 2, GUMBO_TAG_DIV, com2));
    assert_false(starts(rs, 0, 2, GUMBO_TAG_DIV, idv));
    static const char *const ad[] = {"data-x", "ad", NULL};
    static const char *const ads[] = {"data-x", "ad x", NULL};
    assert_true(starts(rs, 0, 3, GUMBO_TAG_DIV, ad));
    assert_false(starts(rs, 0, 3, GUMBO_TAG_DIV, ads));
    px_rules_free(rs);
    /* a token has_token would never split out (a vertical tab in it) is
     * not in the table: asked wherever there is a class */
    rs = load("drop class=a\vb\n");
    static const char *const any[] = {"class", "x", NULL};
    assert_null(rs->index.list[0].tok);
    assert_int_equal(rs->gates[0].key, 1);
    assert_true(starts(rs, 0, 0, GUMBO_TAG_DIV, any));
    px_rules_free(rs);
}

/* What PCRE2 can match without any of the literals px_literals would name
 * (an optional word, a class, a back reference, extended mode, a negated
 * pattern) waits for no literal: such a gate is always a candidate. */
static void test_patterns_without_literals_always_tried(void **state)
{
    (void)state;
    static const char *const rules[] = {
        "drop class~/(?:ad|\\w+)/\n", "drop class~/x?y*/\n",   "drop class~/(ab)\\1/\n",
        "drop class~/(?x) a d/\n",        "drop class!~/main/\n",  "drop class~/[a-z]{3}/\n",
    };
    static const char *const cls[] = {"class", "zz", NULL};
    for (size_t k = 0; k < sizeof rules / sizeof *rules; k++) {
        px_ruleset *rs = load(rules[k]);
        if (rs->gates[0].sides)
            fail_msg("%s: waits for a literal", rules[k]);
        assert_true(starts(rs, 0, 0, GUMBO_TAG_DIV, cls));
        assert_true(starts(rs, 0, 0, GUMBO_TAG_P, NULL));
        px_rules_free(rs);
    }
}

static bool same_verdict(const px_verdict *a, const px_verdict *b)
{
    return a->drop == b->drop && a->score == b->score && a->drop_rule == b->drop_rule &&
           a->score_rule == b->score_rule && a->force == b->force && a->box == b->box;
}

/* The text of element i's subtree, folded as the extractor folds a
 * block's: a block's worth (at most 3,000 bytes), or empty. */
static void block_text(const px_doc *page, int i, px_buf *b)
{
    bool pending = false;
    b->len = 0;
    for (int j = i + 1; j < page->nodes[i].end && b->len <= 3000; j++) {
        size_t len = 0;
        const char *t = page->nodes[j].kind == PX_TEXT ? px_text(&page->nodes[j], &len) : NULL;
        if (t)
            px_append_folded(b, t, len, &pending);
        else
            pending = true;
    }
    if (b->len > 3000)
        b->len = 0;
}

/* The verdicts of rs on every element of page (out[2i]) and on its text as
 * a block (out[2i + 1]); with or without the index. Returns how many fired. */
static size_t verdicts(px_ruleset *rs, const px_doc *page, bool indexed, px_verdict *out)
{
    bool built = rs->index.built;
    rs->index.built = indexed && built;
    px_scratch *s = px_scratch_new_for(rs, &A, (size_t)page->n);
    assert_non_null(s);
    px_buf b;
    px_buf_init(&b, &A);
    size_t fired = 0;
    for (int i = 0; i < page->n; i++) {
        const px_node *nd = &page->nodes[i];
        px_verdict e = {false, 0, -1, -1, false, false}, t = e;
        if (nd->kind == PX_ELEMENT) {
            px_rules_match_element(rs, s, nd, &e);
            block_text(page, i, &b);
            if (b.len)
                px_rules_match_text(rs, s, nd, b.data, b.len, &t);
        }
        out[2 * i] = e;
        out[2 * i + 1] = t;
        fired += e.drop || e.score || t.drop || t.score;
    }
    assert_false(px_scratch_failed(s));
    px_buf_free(&b);
    px_scratch_free(s);
    rs->index.built = built;
    return fired;
}

typedef struct compare {
    px_ruleset *rs;
    size_t fired, differ;
    bool must_agree;
} compare;

static void compare_page(const char *name, const px_doc *page, void *ud)
{
    compare *c = ud;
    px_verdict *with = malloc(2 * (size_t)page->n * sizeof *with + 1);
    px_verdict *without = malloc(2 * (size_t)page->n * sizeof *without + 1);
    c->fired += verdicts(c->rs, page, true, with);
    verdicts(c->rs, page, false, without);
    for (int i = 0; i < 2 * page->n; i++) {
        if (same_verdict(&with[i], &without[i]))
            continue;
        if (c->must_agree)
            fail_msg("%s: node %d (%s): the index changed its verdict (rule %d/%d, not %d/%d)",
                     name, i / 2, i % 2 ? "text" : "element", with[i].drop_rule,
                     with[i].score_rule, without[i].drop_rule, without[i].score_rule);
        c->differ++;
    }
    free(with);
    free(without);
}

static px_ruleset *bundled(const char *user)
{
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_add_image(rs, &px_builtin_image, &err), PITH_OK);
    return compile(rs, user);
}

static void test_index_changes_no_verdict(void **state)
{
    (void)state;
    /* the bundled rules and a user's, which must be indexed as well */
    compare c = {bundled("drop class~/hedgehog/\n-30 maxlen=80 text~/survey/i\n"
                         "drop role=contentinfo\n+5 attr=itemprop~/articleBody/\n"),
                 0, 0, true};
    int pages = each_fixture(compare_page, &c);
    /* the fixtures must exercise the rules, or the comparison says nothing */
    assert_true(pages >= 10);
    assert_true(c.fired >= 200);
    px_rules_free(c.rs);
}

/* The comparison above sees a rule the index leaves out: with the gates of
 * one much-used pattern or of one tag taken out of the index, or with the
 * heads of the anchored patterns saying no, verdicts differ. (The
 * reference, without the index, checks no head either: run_pattern.) */
static void test_comparison_sees_a_dropped_rule(void **state)
{
    (void)state;
    compare c = {bundled(NULL), 0, 0, false};
    px_ruleset *rs = c.rs;
    /* (the image's index is static data: one of our own to change) */
    assert_int_equal(px_rules_index(rs), PITH_OK);
    /* the first text gate under a pattern: out of the index */
    px_index_list *T = &rs->index.list[1];
    int pat = rs->gates[T->first].pat;
    assert_true(pat >= 0 && T->off[pat + 1] > T->off[pat]);
    int keep = T->off[pat + 1];
    T->off[pat + 1] = T->off[pat]; /* gates of pat: none */
    each_fixture(compare_page, &c);
    T->off[pat + 1] = keep;
    assert_true(c.differ > 0);
    /* an element rule by tag (structure.rules: tag=nav and the like) */
    c.differ = 0;
    px_index_list *E = &rs->index.list[0];
    size_t w = (size_t)E->words;
    uint64_t saved[8];
    assert_true(w <= 8);
    memcpy(saved, E->by_tag + (size_t)GUMBO_TAG_NAV * w, w * sizeof *saved);
    memset(E->by_tag + (size_t)GUMBO_TAG_NAV * w, 0, w * sizeof *saved);
    each_fixture(compare_page, &c);
    memcpy(E->by_tag + (size_t)GUMBO_TAG_NAV * w, saved, w * sizeof *saved);
    assert_true(c.differ > 0);
    /* the anchored patterns' heads (px_lit_head), all saying no: the rule
     * set reads them from the image, so from a copy of it whose strings
     * end with a head of zeros (no skip set, no first byte) */
    c.differ = 0;
    const px_rules_image *img = rs->image;
    size_t len = 0; /* where the last of the strings ends */
    for (int p = 0; p < img->npats; p++) {
        size_t end[3] = {img->pats[p].src + strlen(px_image_src(img, p)) + 1, 0, 0};
        if (img->pats[p].head >= 0)
            end[1] = (size_t)img->pats[p].head + px_lit_head_size(px_image_head(img, p));
        if (img->pats[p].lits >= 0) {
            const char *l = px_image_lits(img, p);
            while (*l)
                l += strlen(l) + 1;
            end[2] = (size_t)(l + 1 - img->strings);
        }
        for (int k = 0; k < 3; k++)
            len = end[k] > len ? end[k] : len;
    }
    char *strings = calloc(len + 64, 1);
    px_image_pattern *pats = malloc((size_t)img->npats * sizeof *pats);
    assert_true(strings && pats);
    memcpy(strings, img->strings, len);
    for (int p = 0; p < img->npats; p++) {
        pats[p] = img->pats[p];
        if (pats[p].head >= 0)
            pats[p].head = (int32_t)len;
    }
    px_rules_image never = *img;
    never.strings = strings;
    never.pats = pats;
    rs->image = &never;
    each_fixture(compare_page, &c);
    rs->image = img;
    free(strings);
    free(pats);
    assert_true(c.differ > 0);
    px_rules_free(rs);
}

/* Which of the elements with an id a user's rule, the last, drops: the
 * ids in order, as a string ("a", "ab", ""), on markup that has the
 * rule's words in another case. */
static void user_drops(const char *text, char *out)
{
    px_ruleset *rs = bundled(text);
    int last = rs->nrules - 1;
    /* indexed like the bundled rules: under its pattern */
    int j = -1;
    for (int k = 0; k < rs->nelem_list; k++)
        if (rs->gates[k].rule == last)
            j = k;
    assert_true(j >= 0);
    assert_true(rs->gates[j].sides != 0);
    assert_true(under_pattern(rs, 0, j, rs->gates[j].pat));
    px_doc page;
    pith_error err = {0, ""};
    const char *html = "<div class='Zebra-Crossing x' id=a>t</div><div class=zebra id=b>t</div>";
    assert_int_equal(px_parse(&page, &A, html, strlen(html), 0, &err), PITH_OK);
    px_scratch *s = px_scratch_new(rs, &A);
    for (int i = 0; i < page.n; i++) {
        const char *id = px_attr(&page.nodes[i], "id");
        px_verdict v = {false, 0, -1, -1, false, false};
        px_rules_match_element(rs, s, &page.nodes[i], &v);
        if (id && v.drop && v.drop_rule == last)
            *out++ = id[0];
    }
    *out = '\0';
    px_scratch_free(s);
    px_doc_free(&page);
    px_rules_free(rs);
}

/* A user's rules added after the bundled ones are in the same index, and
 * their patterns' literals are found by the user's scanner, caselessly:
 * PCRE2 then says whether the case matters. */
static void test_user_rules_indexed(void **state)
{
    (void)state;
    char dropped[8];
    user_drops("drop class~/zebra-crossing/i\n", dropped);
    assert_string_equal(dropped, "a");
    user_drops("drop class~/zebra-crossing/\n", dropped);
    assert_string_equal(dropped, "");
    user_drops("drop class~/Zebra-Crossing/\n", dropped);
    assert_string_equal(dropped, "a");
}

static void same_bits(const uint64_t *a, const uint64_t *b, size_t n, const char *what)
{
    if ((a == NULL) != (b == NULL) || (a && memcmp(a, b, n * sizeof *a)))
        fail_msg("the image's %s differs from the one built at run time", what);
}

/* The bundled rules' gates and index come built with them (rulegen): a
 * process with no rules of its own uses them as they are. They are what
 * px_rules_gate and px_rules_index build from the same rules. */
static void test_image_index_is_the_built_one(void **state)
{
    (void)state;
    px_ruleset *rs = bundled(NULL);
    assert_true(rs->index.image && rs->image_gates && rs->index.built);
    /* and its lists of element and text rules, as compile makes them */
    assert_true(rs->image_lists && rs->elem_list == px_builtin_image.elem_list);
    for (int i = 0, e = 0, t = 0; i < rs->nrules; i++)
        if (rs->rules[i].text)
            assert_int_equal(rs->text_list[t++], i);
        else
            assert_int_equal(rs->elem_list[e++], i);
    px_ruleset *mine = bundled(NULL);
    /* built here, as for a user's rules */
    mine->image_gates = false;
    assert_int_equal(px_rules_gate(mine), PITH_OK);
    assert_int_equal(px_rules_index(mine), PITH_OK);
    assert_false(mine->index.image);
    int ngates = rs->nelem_list + rs->ntext_list;
    assert_int_equal(mine->nelem_list + mine->ntext_list, ngates);
    for (int g = 0; g < ngates; g++) {
        const px_gate *a = &rs->gates[g], *b = &mine->gates[g];
        if (a->rule != b->rule || a->pat != b->pat || a->maxlen != b->maxlen || a->sides != b->sides ||
            a->drop != b->drop || a->any_tag != b->any_tag || a->tagnames != b->tagnames ||
            a->key != b->key || a->tok != b->tok || memcmp(a->tags, b->tags, sizeof a->tags))
            fail_msg("gate %d of the image differs from the one built at run time", g);
    }
    for (int l = 0; l < 2; l++) {
        const px_index_list *A1 = &rs->index.list[l], *B1 = &mine->index.list[l];
        assert_int_equal(A1->first, B1->first);
        assert_int_equal(A1->n, B1->n);
        assert_int_equal(A1->words, B1->words);
        assert_int_equal(A1->sides, B1->sides);
        assert_memory_equal(A1->maxlen, B1->maxlen, sizeof A1->maxlen);
        size_t w = (size_t)A1->words;
        same_bits(A1->any_tag, B1->any_tag, w, "any_tag");
        same_bits(A1->no_key, B1->no_key, w, "no_key");
        same_bits(A1->by_tag, B1->by_tag, (size_t)TAG_WORDS * 32 * w, "by_tag");
        same_bits(A1->by_key, B1->by_key, (size_t)rs->nkeys * w + 1, "by_key");
        assert_memory_equal(A1->off, B1->off, ((size_t)rs->npats + 1) * sizeof *A1->off);
        assert_memory_equal(A1->gate, B1->gate, (size_t)A1->off[rs->npats] * sizeof *A1->gate);
        assert_int_equal(A1->tok_whole, B1->tok_whole);
        assert_int_equal(A1->tok_split, B1->tok_split);
        assert_int_equal(A1->tok_mask, B1->tok_mask);
        assert_true((A1->tok == NULL) == (B1->tok == NULL));
        for (unsigned i = 0; A1->tok && i <= A1->tok_mask; i++) {
            const px_tok_slot *x = &A1->tok[i], *y = &B1->tok[i];
            assert_int_equal(x->gate, y->gate);
            if (x->gate >= 0) {
                assert_int_equal(x->hash, y->hash);
                assert_int_equal(x->how, y->how);
                assert_string_equal(A1->tok_str + x->str, B1->tok_str + y->str);
            }
        }
    }
    /* a user's rule: built at run time, over the bundled rules and it */
    px_ruleset *user = bundled("drop class~/hedgehog/\n");
    assert_false(user->index.image || user->image_gates);
    assert_int_equal(user->nelem_list, rs->nelem_list + 1);
    px_rules_free(user);
    px_rules_free(mine);
    px_rules_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gates_indexed_where_they_wait),
        cmocka_unit_test(test_gates_found_by_value),
        cmocka_unit_test(test_patterns_without_literals_always_tried),
        cmocka_unit_test(test_user_rules_indexed),
        cmocka_unit_test(test_index_changes_no_verdict),
        cmocka_unit_test(test_comparison_sees_a_dropped_rule),
        cmocka_unit_test(test_image_index_is_the_built_one),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
