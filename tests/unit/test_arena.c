/* Unit tests for src/arena.c's chunk pool: pages parsed one after another
 * on one pool reuse its chunks instead of asking the allocator again; the
 * pool keeps no more than its bound and frees the rest; the memory budget
 * still counts pooled chunks; freeing the pool returns every block. (The
 * arena's budget jump itself is tested in test_limit.c.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "counting_alloc.h"
#include "parse.h"

static counter C;
static px_alloc A;

static int setup(void **state)
{
    (void)state;
    C = (counter){0, 0, -1, false, false};
    pith_allocator h = counting_hooks(&C);
    px_alloc_init(&A, &h);
    return 0;
}

/* A page that needs several 256 KB chunks of Gumbo's small blocks. */
static char *page(size_t paragraphs, size_t *len)
{
    px_buf b;
    px_buf_init(&b, &A);
    px_buf_puts(&b, "<html><body>");
    for (size_t i = 0; i < paragraphs; i++)
        px_buf_puts(&b, "<p class=x>a <b>short</b> paragraph</p>");
    px_buf_puts(&b, "</body></html>");
    return px_buf_detach(&b, len);
}

static void test_second_page_reuses_the_chunks(void **state)
{
    (void)state;
    px_arena_pool pool;
    assert_int_equal(px_arena_pool_init(&pool, &A, 64u << 20), 0);
    size_t len;
    char *html = page(5000, &len);
    pith_error err = {0, ""};
    px_doc d;
    assert_int_equal(px_parse_pooled(&d, &A, &pool, html, len, 0, &err), PITH_OK);
    assert_int_equal(pool.count, 0);
    px_doc_free(&d);
    size_t chunks = pool.count; /* every chunk of the page came back */
    assert_true(chunks >= 3);
    long live = C.live;
    /* The same page again: its chunks all come from the pool. */
    assert_int_equal(px_parse_pooled(&d, &A, &pool, html, len, 0, &err), PITH_OK);
    assert_int_equal(pool.count, 0);
    px_doc_free(&d);
    assert_int_equal(pool.count, chunks);
    assert_int_equal(C.live, live);
    px_arena_pool_free(&pool);
    px_free(&A, html);
    assert_int_equal(C.live, 0);
}

static void test_pool_keeps_at_most_its_bound(void **state)
{
    (void)state;
    px_arena_pool pool;
    /* room for one chunk and a half: one is kept */
    assert_int_equal(px_arena_pool_init(&pool, &A, 400u << 10), 0);
    size_t len;
    char *html = page(5000, &len);
    pith_error err = {0, ""};
    px_doc d;
    assert_int_equal(px_parse_pooled(&d, &A, &pool, html, len, 0, &err), PITH_OK);
    px_doc_free(&d);
    assert_int_equal(pool.count, 1);
    px_free(&A, html);
    assert_int_equal(C.live, 1); /* the pooled chunk, and nothing else */
    px_arena_pool_free(&pool);
    assert_int_equal(C.live, 0);
}

static void test_budget_counts_pooled_chunks(void **state)
{
    (void)state;
    px_arena_pool pool;
    assert_int_equal(px_arena_pool_init(&pool, &A, 64u << 20), 0);
    size_t len;
    char *html = page(5000, &len);
    pith_error err = {0, ""};
    px_doc d;
    assert_int_equal(px_parse_pooled(&d, &A, &pool, html, len, 0, &err), PITH_OK);
    px_doc_free(&d);
    assert_true(pool.count >= 3);
    /* The pool has chunks to spare; the budget refuses the third. */
    assert_int_equal(px_parse_pooled(&d, &A, &pool, html, len, 600u << 10, &err), PITH_ERR_LIMIT);
    assert_true(d.arena.used <= 600u << 10);
    px_doc_free(&d);
    px_arena_pool_free(&pool);
    px_free(&A, html);
    assert_int_equal(C.live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_second_page_reuses_the_chunks, setup),
        cmocka_unit_test_setup(test_pool_keeps_at_most_its_bound, setup),
        cmocka_unit_test_setup(test_budget_counts_pooled_chunks, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
