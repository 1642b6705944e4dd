/* The unit tests' allocator: it counts the blocks that are live, so a test
 * can check that nothing leaked, and it can be told to fail a given call
 * (or every call from it on), so a test can walk an allocation failure
 * through every point of a run. Linked into every unit test program. */
#ifndef PITH_TEST_COUNTING_ALLOC_H
#define PITH_TEST_COUNTING_ALLOC_H

#include <stdbool.h>
#include "pith.h"

typedef struct counter {
    long calls;   /* malloc and realloc calls made while fail_at >= 0 */
    long live;    /* blocks allocated and not yet freed */
    long fail_at; /* the call that fails, or -1 for none */
    bool sticky;  /* every call from fail_at on fails, not just that one */
    bool failed;  /* a failure was injected */
} counter;

/* Hooks that allocate with libc and keep their count in c. */
pith_allocator counting_hooks(counter *c);

#endif
