#include "arena.h"

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

static void *take(px_arena *ar, size_t n)
{
    if (ar->budget && (n > ar->budget || ar->used > ar->budget - n))
        fail(ar, PITH_ERR_LIMIT);
    /* PCRE2's JIT scans subjects with wide loads that can run past a
     * string's end: let them read zeros, never bytes nobody wrote. (A
     * fresh chunk from libc's calloc is zero without a write.) */
    void *p = px_calloc(ar->a, 1, n);
    if (!p)
        fail(ar, PITH_ERR_NOMEM);
    ar->used += n;
    return p;
}

static size_t round_up(size_t n) { return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1); }

#define HDR round_up(sizeof(header))
#define BIG_LEAD round_up(sizeof(px_big))

void *px_arena_alloc(void *ud, size_t n)
{
    px_arena *ar = ud;
    if (n >= BIG_SIZE) {
        if (n > SIZE_MAX / 2)
            fail(ar, PITH_ERR_LIMIT);
        size_t need = BIG_LEAD + HDR + round_up(n);
        px_big *b = take(ar, need);
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
    if (cls < PX_ARENA_CLASSES && ar->free[cls]) {
        void *p = ar->free[cls];
        memcpy(&ar->free[cls], p, sizeof(void *));
        return p;
    }
    size_t need = HDR + size;
    if ((size_t)(ar->end - ar->pos) < need) {
        size_t lead = round_up(sizeof(px_chunk));
        px_chunk *c = take(ar, lead + CHUNK_SIZE);
        c->next = ar->chunks;
        ar->chunks = c;
        ar->pos = (char *)c + lead;
        ar->end = (char *)c + lead + CHUNK_SIZE;
    }
    header *h = (header *)ar->pos;
    h->size = size;
    ar->pos += need;
    return (char *)h + HDR;
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
    ar->pos = ar->end = NULL;
    ar->used = 0;
    memset(ar->free, 0, sizeof ar->free);
}
