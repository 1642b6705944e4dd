/*
 * Stage 2: parse UTF-8 with Gumbo and flatten the tree into an array.
 *
 * Later stages walk the array by index instead of recursing over Gumbo's
 * tree: pages nest elements far deeper than a C stack allows, and a flat
 * array in document order lets a stage compute subtree sums with one
 * backwards loop.
 */
#ifndef PITH_PARSE_H
#define PITH_PARSE_H

#include <gumbo.h>
#include <stdbool.h>
#include "alloc.h"
#include "arena.h"
#include "elide.h"

enum px_node_kind { PX_ELEMENT, PX_TEXT };

/* Node flags set by the stages. */
enum {
    PX_DROP = 1u << 0,    /* removed with its subtree */
    PX_INLINE = 1u << 1,  /* phrasing content: flows inside a block */
    PX_IN_LINK = 1u << 2, /* inside an <a href> */
    PX_HAS_TEXT = 1u << 3, /* has a non-blank text child */
    PX_IN_CODE = 1u << 4,  /* inside a <pre> or <code>: verbatim, no rule applies */
    PX_HOLDS_BLOCK = 1u << 5, /* a block element lies somewhere below */
    PX_HAS_PHRASING = 1u << 6 /* has a child of a phrasing tag (a, span, em...) */
};

typedef struct px_node {
    GumboNode *g;
    int parent, first, next, last; /* indices; -1 for none */
    int end;                       /* one past the last node of the subtree */
    int depth;
    unsigned flags;
    unsigned char kind;
    unsigned short tag; /* GumboTag */
} px_node;

typedef struct px_doc {
    const px_alloc *a;
    GumboOutput *out;
    GumboOptions gopt;
    px_arena arena;
    px_node *nodes;
    int n;
    int html, head, body; /* indices or -1 */
} px_doc;

/* Parses buf (UTF-8, NUL-terminated). Gumbo's tree may take at most
 * memory_budget bytes (0 for no limit): past it, PITH_ERR_LIMIT. */
int px_parse(px_doc *doc, const px_alloc *a, const char *buf, size_t len,
             size_t memory_budget, pith_error *err);
/* The same for a page px_elide took values out of: they are put back into
 * Gumbo's tree, which then is the tree of the page before (the values
 * must outlive the document). values may be NULL. */
int px_parse_elided(px_doc *doc, const px_alloc *a, const char *buf, size_t len,
                    const px_elide_values *values, size_t memory_budget, pith_error *err);
void px_doc_free(px_doc *doc);

/* The element's lower-case tag name, also for tags Gumbo does not know. */
const char *px_tag_name(const px_node *nd, char *scratch, size_t cap);
/* The same for a tag Gumbo does not know, from its source text (an
 * element's original_tag). */
const char *px_source_tag_name(GumboStringPiece s, char *scratch, size_t cap);
/* An attribute's value, or NULL. */
const char *px_attr(const px_node *nd, const char *name);
/* The text of a text node. */
const char *px_text(const px_node *nd, size_t *len);

#endif
