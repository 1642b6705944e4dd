/*
 * Stage 1b: the input guard. Gumbo 0.10 has no depth limit and checks
 * element scopes by walking the stack of open elements, so a page of a
 * million nested <div>s takes hours. Before parsing, one pass over the
 * bytes estimates the nesting depth the way the parser will see it; start
 * tags past the limit lose their markup but keep their text (as browsers
 * flatten over-deep trees), and a page with more tags than the node limit
 * is cut after the last one it may keep.
 */
#ifndef PITH_LIMIT_H
#define PITH_LIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include "alloc.h"

typedef struct px_limits {
    size_t max_bytes;  /* larger input is refused */
    size_t max_depth;  /* deeper start tags are flattened */
    size_t max_nodes;  /* tags past this many are cut off */
    size_t max_memory; /* parse tree budget; 0 = derived from the input */
} px_limits;

/* What the guard did, for the caller's warning. */
typedef struct px_guard_report {
    size_t flattened; /* start and end tags whose markup was removed */
    bool truncated;   /* input was cut at the node limit */
    size_t attrs_cut; /* tags that lost attributes past MAX_ATTRS */
} px_guard_report;

/* Returns PITH_OK and either *out == NULL (use the input as it is) or a
 * rewritten copy (px_free it) in *out, *out_len. */
int px_guard(const px_alloc *a, const char *in, size_t len, const px_limits *lim,
             char **out, size_t *out_len, px_guard_report *rep);

#endif
