/*
 * An arena for Gumbo's tree. Gumbo 0.10 frees node by node, recursively
 * (a stack overflow on deep pages), and crashes when its allocator returns
 * NULL. With the arena, the whole tree is freed in one sweep without
 * calling Gumbo, and a failed allocation (or a spent memory budget) jumps
 * back out of the parser instead of returning NULL into it: Gumbo's
 * memory all lives in the arena, so nothing leaks.
 */
#ifndef PITH_ARENA_H
#define PITH_ARENA_H

#include <setjmp.h>
#include <stddef.h>
#include "alloc.h"

typedef struct px_chunk px_chunk;
typedef struct px_big px_big;

/* Freed small blocks wait for reuse on a list per size (8, 16, ... bytes). */
#define PX_ARENA_CLASSES 129

typedef struct px_arena {
    const px_alloc *a;
    px_chunk *chunks;
    px_big *bigs;      /* large blocks, freed for real when Gumbo frees them */
    void *free[PX_ARENA_CLASSES]; /* by size / 8: the first free block */
    char *pos, *end;   /* free space in the current chunk */
    char *zeroed;      /* the current chunk is zero from here to end */
    char *zero_limit;  /* blocks may reach this far before more is zeroed */
    size_t used, budget; /* bytes taken from the allocator; 0 = no budget */
    jmp_buf *escape;   /* where a failure jumps to */
    int failure;       /* PITH_ERR_NOMEM or PITH_ERR_LIMIT after a jump */
} px_arena;

void px_arena_init(px_arena *ar, const px_alloc *a, size_t budget);
/* Gumbo's hooks; ud is the arena. */
void *px_arena_alloc(void *ud, size_t n);
void px_arena_free(void *ud, void *p);
void px_arena_release(px_arena *ar);

#endif
