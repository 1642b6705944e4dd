#include "arena.h"

#include <stdint.h>
#include <string.h>

/* Every block starts with a header: small blocks carry their size (so that
 * a free of the last block can give its space back), large ones point to
 * their list entry. */
typedef struct header {
    px_big *big;
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
#define ALIGN 16u

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

void *px_arena_alloc(void *ud, size_t n)
{
    px_arena *ar = ud;
    size_t need = round_up(sizeof(header)) + round_up(n);
    if (n >= BIG_SIZE) {
        if (n > SIZE_MAX / 2)
            fail(ar, PITH_ERR_LIMIT);
        size_t lead = round_up(sizeof(px_big));
        px_big *b = take(ar, lead + need);
        b->prev = NULL;
        b->next = ar->bigs;
        b->size = lead + need;
        if (ar->bigs)
            ar->bigs->prev = b;
        ar->bigs = b;
        header *h = (header *)((char *)b + lead);
        h->big = b;
        h->size = n;
        return (char *)h + round_up(sizeof(header));
    }
    if ((size_t)(ar->end - ar->pos) < need) {
        size_t lead = round_up(sizeof(px_chunk));
        px_chunk *c = take(ar, lead + CHUNK_SIZE);
        c->next = ar->chunks;
        ar->chunks = c;
        ar->pos = (char *)c + lead;
        ar->end = (char *)c + lead + CHUNK_SIZE;
    }
    header *h = (header *)ar->pos;
    h->big = NULL;
    h->size = round_up(n);
    ar->pos += need;
    return (char *)h + round_up(sizeof(header));
}

void px_arena_free(void *ud, void *p)
{
    px_arena *ar = ud;
    if (!p)
        return;
    header *h = (header *)((char *)p - round_up(sizeof(header)));
    if (h->big) {
        px_big *b = h->big;
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
    /* The last block handed out can be taken back: Gumbo frees the old
     * copy right after growing a small vector or buffer. */
    if ((char *)p + h->size == ar->pos)
        ar->pos = (char *)h;
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
}
