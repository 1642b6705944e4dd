/* The input guard (src/limit.c) and the parse arena (src/arena.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "limit.h"
#include "parse.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

/* Runs the guard; returns the (possibly rewritten) text, owned by the
 * caller, and the report. */
static char *guard(const char *in, size_t depth, size_t nodes, px_guard_report *rep)
{
    px_limits lim = {0, depth, nodes, 0};
    char *out;
    size_t len;
    assert_int_equal(px_guard(&A, in, strlen(in), &lim, &out, &len, rep), PITH_OK);
    return out ? out : px_strndup(&A, in, strlen(in));
}

static void test_shallow_page_untouched(void **state)
{
    (void)state;
    px_guard_report rep;
    const char *page = "<html><body><div><p>one<p>two<ul><li>a<li>b</ul><br><img src=x></div>"
                       "<script>if (a<b && c<d) x()</script><!-- <div><div> --></body></html>";
    char *out = guard(page, 4, 0, &rep);
    assert_string_equal(out, page);
    assert_int_equal(rep.flattened, 0);
    assert_false(rep.truncated);
    px_free(&A, out);
}

static void test_deep_tags_flattened_text_kept(void **state)
{
    (void)state;
    px_guard_report rep;
    char *out = guard("<div><div><div><b>deep</b> text</div></div></div>after", 2, 0, &rep);
    /* the third <div> and the <b> past depth 2 lose their markup, and so
     * do their end tags; every word stays */
    assert_string_equal(out, "<div><div>deep text</div></div>after");
    assert_int_equal(rep.flattened, 4);
    px_free(&A, out);
}

static void test_node_limit_cuts(void **state)
{
    (void)state;
    px_guard_report rep;
    char *out = guard("<p>a</p><p>b</p><p>c</p>", 0, 2, &rep);
    assert_string_equal(out, "<p>a</p><p>b</p>");
    assert_true(rep.truncated);
    px_free(&A, out);
}

static void test_attribute_flood_capped(void **state)
{
    (void)state;
    size_t n = 3000;
    char *page = malloc(n * 8 + 64);
    char *p = page + sprintf(page, "<div");
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, " a%zu=1", i);
    strcpy(p, ">text</div>");
    px_guard_report rep;
    char *out = guard(page, 0, 0, &rep);
    assert_non_null(strstr(out, " a999=1"));
    assert_null(strstr(out, " a1000=1"));
    assert_non_null(strstr(out, ">text</div>"));
    px_free(&A, out);
    free(page);
}

static void test_quoted_gt_is_not_tag_end(void **state)
{
    (void)state;
    px_guard_report rep;
    char *out = guard("<div title='a>b'><div><div>x</div></div></div>", 1, 0, &rep);
    assert_string_equal(out, "<div title='a>b'>x</div>");
    px_free(&A, out);
}

/* A quote opens a value only right after '=': a stray quote (pages write
 * curly quotes with one straight one) must not swallow the page. */
static void test_stray_quote_does_not_swallow(void **state)
{
    (void)state;
    px_guard_report rep;
    const char *page = "<meta name=\u201cv\u201d content=\u201cab\"/><div><div>x</div></div>"
                       "<p>rest of the page</p>";
    char *out = guard(page, 1, 0, &rep);
    assert_int_equal(rep.attrs_cut, 0);
    assert_non_null(strstr(out, "<p>rest of the page</p>"));
    px_free(&A, out);
}

/* The arena hands back a jump, not NULL, when the budget is spent. */
static void test_arena_budget_jumps(void **state)
{
    (void)state;
    px_arena ar;
    px_arena_init(&ar, &A, 100000);
    jmp_buf escape;
    ar.escape = &escape;
    volatile int rounds = 0;
    if (!setjmp(escape)) {
        for (;;) {
            px_arena_alloc(&ar, 20000);
            rounds++;
        }
    }
    assert_int_equal(ar.failure, PITH_ERR_LIMIT);
    assert_true(rounds >= 3 && rounds < 6);
    px_arena_release(&ar);
}

/* An allocator whose fresh memory is never zero, as reused heap is not. */
static void *dirty_malloc(size_t n, void *ud)
{
    (void)ud;
    void *p = malloc(n);
    if (p)
        memset(p, 0xA5, n);
    return p;
}
static void *plain_realloc(void *p, size_t n, void *ud) { (void)ud; return realloc(p, n); }
static void plain_free(void *p, void *ud) { (void)ud; free(p); }

/* PCRE2's JIT may read past the end of a string Gumbo made in the arena:
 * every block handed out fresh is zero, and so are the 64 bytes after the
 * last one (as far as its chunk goes), however dirty the memory the arena
 * got. Blocks of many sizes fill more than one chunk; a large one comes
 * whole. */
static void test_arena_blocks_read_zeros_past_their_end(void **state)
{
    (void)state;
    pith_allocator dirty = {dirty_malloc, plain_realloc, plain_free, NULL};
    px_alloc a;
    px_alloc_init(&a, &dirty);
    px_arena ar;
    jmp_buf escape;
    if (setjmp(escape))
        fail_msg("the arena failed");
    /* The process's first chunk comes from calloc (arena.c): take it. */
    px_arena_init(&ar, &a, 0);
    ar.escape = &escape;
    px_arena_alloc(&ar, 8);
    px_arena_release(&ar);
    px_arena_init(&ar, &a, 0);
    ar.escape = &escape;
    size_t total = 0;
    for (int i = 0; total < 700u * 1024u; i++) {
        size_t n = i % 97 == 96 ? 20000 : 1 + (size_t)(i * 37 % 300);
        unsigned char *p = px_arena_alloc(&ar, n);
        total += n;
        for (size_t k = 0; k < n; k++)
            if (p[k])
                fail_msg("block %d (%zu bytes): byte %zu is %d", i, n, k, p[k]);
        if (n >= 16384)
            continue;
        for (const unsigned char *q = p + n; q < p + n + 64 && (const char *)q < ar.end; q++)
            if (*q)
                fail_msg("block %d: byte %td past its end is %d", i, q - (p + n), *q);
        memset(p, 0x5A, n); /* what Gumbo writes */
    }
    px_arena_release(&ar);
}

static void test_parse_over_budget_is_limit(void **state)
{
    (void)state;
    px_doc d;
    pith_error err = {0, ""};
    const char *page = "<html><body><p>some text</p></body></html>";
    assert_int_equal(px_parse(&d, &A, page, strlen(page), 1000, &err), PITH_ERR_LIMIT);
    assert_non_null(strstr(err.message, "memory limit"));
    px_doc_free(&d);
    assert_int_equal(px_parse(&d, &A, page, strlen(page), 0, &err), PITH_OK);
    px_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shallow_page_untouched),
        cmocka_unit_test(test_deep_tags_flattened_text_kept),
        cmocka_unit_test(test_node_limit_cuts),
        cmocka_unit_test(test_attribute_flood_capped),
        cmocka_unit_test(test_quoted_gt_is_not_tag_end),
        cmocka_unit_test(test_stray_quote_does_not_swallow),
        cmocka_unit_test(test_arena_budget_jumps),
        cmocka_unit_test(test_arena_blocks_read_zeros_past_their_end),
        cmocka_unit_test(test_parse_over_budget_is_limit),
    };
    return cmocka_run_group_tests_name("limit", tests, setup, NULL);
}
