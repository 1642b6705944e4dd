#include "arena.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Every block starts with a header: its size, rounded up, with the low bit
 * set for a large block, which has its list entry right before the header.
 * Small blocks that Gumbo frees (the old copy of every buffer it grows,
 * its tokens' scratch) go on a free list by size and are handed out again:
 * a page then touches less memory (a 7 KB page: 2,300 blocks of which
 * 1,300 are freed). */
typedef struct header {
    size_t size;
} header;

struct px_chunk {
    px_chunk *next;
};

struct px_big {
    px_big *prev, *next;
    size_t size;
};

#define CHUNK_SIZE (256u * 1024u)
/* Larger requests get blocks of their own: Gumbo grows text buffers by
 * doubling, and an arena would keep every old copy. */
#define BIG_SIZE (16u * 1024u)
/* Gumbo's structures hold pointers and integers, nothing wider: 8 bytes
 * of alignment is what they need. */
#define ALIGN 8u
#define BIG_FLAG 1u

void px_arena_init(px_arena *ar, const px_alloc *a, size_t budget)
{
    memset(ar, 0, sizeof *ar);
    ar->a = a;
    ar->budget = budget;
}

static void fail(px_arena *ar, int code)
{
    ar->failure = code;
    longjmp(*ar->escape, 1);
}

/* PCRE2's JIT scans subjects with wide loads that can run past a
 * string's end: they must read zeros, never bytes nobody wrote. A large
 * block comes zeroed (calloc: free when libc has it fresh from the
 * kernel), and so does the process's first chunk (fresh too: a process
 * started for one page writes no zeros). Other chunks are reused heap,
 * which calloc would clear whole: they are zeroed as the blocks reach
 * them, ZERO_STEP bytes at a time, always ZERO_SLACK bytes past the last
 * block (a small page uses a tenth of its one chunk). */
static void *take(px_arena *ar, size_t n, bool zeroed)
{
    if (ar->budget && (n > ar->budget || ar->used > ar->budget - n))
        fail(ar, PITH_ERR_LIMIT);
    void *p = zeroed ? px_calloc(ar->a, 1, n) : px_malloc(ar->a, n);
    if (!p)
        fail(ar, PITH_ERR_NOMEM);
    ar->used += n;
    return p;
}

#define ZERO_SLACK 64u
#define ZERO_STEP 4096u

/* Zeroes the current chunk from ar->zeroed on, to ZERO_SLACK bytes past
 * ar->pos and then to the next ZERO_STEP (or the chunk's end); blocks
 * may then reach ar->zero_limit before it is called again. */
static void zero_ahead(px_arena *ar)
{
    size_t left = (size_t)(ar->end - ar->zeroed);
    size_t want = (ar->pos > ar->zeroed ? (size_t)(ar->pos - ar->zeroed) : 0) + ZERO_SLACK + ZERO_STEP;
    size_t n = want < left ? want : left;
    memset(ar->zeroed, 0, n);
    ar->zeroed += n;
    ar->zero_limit = ar->zeroed == ar->end ? ar->end : ar->zeroed - ZERO_SLACK;
}

static size_t round_up(size_t n) { return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

#define HDR round_up(sizeof(header))
#define BIG_LEAD round_up(sizeof(px_big))

/* The first block on size class cls's free list, taken off it. */
static inline void *from_free(px_arena *ar, size_t cls)
{
    void *p = ar->free[cls];
    memcpy(&ar->free[cls], p, sizeof(void *));
    return p;
}

/* The next size bytes of the chunk (the caller knows they fit), with
 * their header. */
static inline void *carve(px_arena *ar, size_t size)
{
    header *h = (header *)ar->pos;
    ar->pos += HDR + size;
    h->size = size;
    return (char *)h + HDR;
}

/* Any request: a large block, a block from the free lists, or the next
 * in the chunk, which may need a new chunk or more zeros. */
__attribute__((noinline)) static void *alloc_any(px_arena *ar, size_t n)
{
    if (n >= BIG_SIZE) {
        if (n > SIZE_MAX / 2)
            fail(ar, PITH_ERR_LIMIT);
        size_t need = BIG_LEAD + HDR + round_up(n);
        px_big *b = take(ar, need, true);
        b->prev = NULL;
        b->next = ar->bigs;
        b->size = need;
        if (ar->bigs)
            ar->bigs->prev = b;
        ar->bigs = b;
        header *h = (header *)((char *)b + BIG_LEAD);
        h->size = round_up(n) | BIG_FLAG;
        return (char *)h + HDR;
    }
    size_t size = round_up(n ? n : 1);
    size_t cls = size / ALIGN;
    if (cls < PX_ARENA_CLASSES && ar->free[cls])
        return from_free(ar, cls);
    if ((size_t)(ar->end - ar->pos) < HDR + size) {
        size_t lead = round_up(sizeof(px_chunk));
        static atomic_flag taken = ATOMIC_FLAG_INIT;
        bool first = !atomic_flag_test_and_set_explicit(&taken, memory_order_relaxed);
        px_chunk *c = take(ar, lead + CHUNK_SIZE, first);
        c->next = ar->chunks;
        ar->chunks = c;
        ar->pos = (char *)c + lead;
        ar->end = (char *)c + lead + CHUNK_SIZE;
        ar->zeroed = first ? ar->end : ar->pos;
        zero_ahead(ar);
    }
    /* (the header lies below what zero_ahead clears: the chunk is zero up
     * to ar->zeroed, past the old ar->pos) */
    void *p = carve(ar, size);
    if (ar->pos > ar->zero_limit)
        zero_ahead(ar);
    return p;
}

/* Gumbo asks some 38,000 times a page, nearly always for a small block
 * that a free list or the zeroed part of the chunk has: that way takes no
 * call, so no registers to save (alloc_any takes the rest, the same way
 * as before). */
void *px_arena_alloc(void *ud, size_t n)
{
    px_arena *ar = ud;
    if (n && n < BIG_SIZE) {
        size_t size = round_up(n), cls = size / ALIGN;
        if (cls < PX_ARENA_CLASSES && ar->free[cls])
            return from_free(ar, cls);
        size_t need = HDR + size;
        if ((size_t)(ar->end - ar->pos) >= need && ar->pos + need <= ar->zero_limit)
            return carve(ar, size);
    }
    return alloc_any(ar, n);
}

void px_arena_free(void *ud, void *p)
{
    px_arena *ar = ud;
    if (!p)
        return;
    header *h = (header *)((char *)p - HDR);
    if (h->size & BIG_FLAG) {
        px_big *b = (px_big *)((char *)h - BIG_LEAD);
        if (b->prev)
            b->prev->next = b->next;
        else
            ar->bigs = b->next;
        if (b->next)
            b->next->prev = b->prev;
        ar->used -= b->size;
        px_free(ar->a, b);
        return;
    }
    /* The last block handed out is taken back: Gumbo frees the old copy
     * right after growing a small vector or buffer. Others wait on their
     * size's list. */
    if ((char *)p + h->size == ar->pos) {
        ar->pos = (char *)h;
        return;
    }
    size_t cls = h->size / ALIGN;
    if (cls < PX_ARENA_CLASSES) {
        memcpy(p, &ar->free[cls], sizeof(void *));
        ar->free[cls] = p;
    }
}

void px_arena_release(px_arena *ar)
{
    for (px_chunk *c = ar->chunks, *n; c; c = n) {
        n = c->next;
        px_free(ar->a, c);
    }
    for (px_big *b = ar->bigs, *n; b; b = n) {
        n = b->next;
        px_free(ar->a, b);
    }
    ar->chunks = NULL;
    ar->bigs = NULL;
    ar->pos = ar->end = ar->zeroed = ar->zero_limit = NULL;
    ar->used = 0;
    memset(ar->free, 0, sizeof ar->free);
}
