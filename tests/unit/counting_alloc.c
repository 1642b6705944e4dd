#include "counting_alloc.h"

#include <stdlib.h>

/* Gumbo 0.10 itself dies on a NULL from its allocator; pith gives it an
 * arena that jumps back out instead (src/arena.h), so failures can be
 * injected everywhere, inside the parse too. */
static bool should_fail(counter *c)
{
    if (c->fail_at < 0)
        return false;
    long n = c->calls++;
    bool fail = c->sticky ? n >= c->fail_at : n == c->fail_at;
    c->failed |= fail;
    return fail;
}

static void *c_malloc(size_t n, void *ud)
{
    counter *c = ud;
    if (should_fail(c))
        return NULL;
    void *p = malloc(n);
    c->live += p != NULL;
    return p;
}

static void *c_realloc(void *p, size_t n, void *ud)
{
    counter *c = ud;
    if (should_fail(c))
        return NULL;
    void *q = realloc(p, n);
    c->live += q != NULL && p == NULL;
    return q;
}

static void c_free(void *p, void *ud)
{
    counter *c = ud;
    c->live -= p != NULL;
    free(p);
}

pith_allocator counting_hooks(counter *c)
{
    return (pith_allocator){c_malloc, c_realloc, c_free, c};
}
