/*
 * Stage 3c: ad-blocking lists (Adblock Plus / uBlock Origin element-hiding
 * syntax, such as EasyList) read at run time. pith never bundles a list:
 * the community's lists change weekly and carry their own licences.
 *
 * adblock_parse.c turns list text into rules (selectors in a subset of
 * CSS, see README.md "Ad-blocking lists"); adblock_match.c indexes them by
 * the class, id, attribute or tag of their last compound, so an element
 * costs a few hash look-ups however long the list. A list set is
 * immutable once finished and shared between threads.
 */
#ifndef PITH_ADBLOCK_H
#define PITH_ADBLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include "alloc.h"
#include "parse.h"

typedef struct px_adblock px_adblock;

/* What the parser made of the lines: rules kept, and lines skipped. */
typedef enum px_ab_count {
    AB_GENERIC,      /* ##sel */
    AB_SITE,         /* a.com,~b.com##sel */
    AB_EXCEPTION,    /* #@#sel, with or without domains */
    AB_GENERICHIDE,  /* @@||a.com^$generichide (or $elemhide) */
    AB_SKIP_NETWORK, /* request-blocking rules, which pages never see */
    AB_SKIP_PROCEDURAL, /* #?#, #$#, #%#, ##+js(), :-abp-..., :has-text()... */
    AB_SKIP_SELECTOR,   /* CSS outside the subset pith matches */
    AB_COUNT_MAX
} px_ab_count;

px_adblock *px_adblock_new(const px_alloc *a);
void px_adblock_free(px_adblock *ab);
/* Adds the rules of one list; name is shown by --explain. Lines pith
 * cannot use are counted, never an error: PITH_ERR_NOMEM is the only
 * failure. */
int px_adblock_parse(px_adblock *ab, const char *name, const char *text, size_t len);
/* Builds the index. Call once, after the last list, before matching. */
int px_adblock_finish(px_adblock *ab);
/* Lines of every list (or of list `file`, when >= 0) in one class. */
size_t px_adblock_count(const px_adblock *ab, int file, px_ab_count what);
int px_adblock_files(const px_adblock *ab);
const char *px_adblock_file_name(const px_adblock *ab, int file);

/* What a page's URL allows: site-specific rules and exceptions need the
 * host; $generichide and $elemhide switch rules off for a site. */
typedef struct px_ab_page {
    char host[256]; /* lower case; "" when the URL is not known */
    bool generic_off; /* $generichide: only site-specific rules apply */
    bool all_off;     /* $elemhide: no element hiding at all */
} px_ab_page;

void px_adblock_page(const px_adblock *ab, const char *url, px_ab_page *pg);
/* The rule that hides element i of doc, or -1. */
int px_adblock_match(const px_adblock *ab, const px_ab_page *pg, const px_doc *doc, int i);
/* The finished set to a cache file (adblock_cache.c), under key: what it
 * was built from, as the caller names it. 0, or -1 when it could not be
 * written (a cache is only ever a saving). */
int px_adblock_save(px_adblock *ab, const char *path, const char *key);
/* The set saved at path under key, or NULL: no file, another key or
 * layout, or a damaged file. */
px_adblock *px_adblock_load(const px_alloc *a, const char *path, const char *key);

/* "list:line" of a rule, for --explain. */
void px_adblock_where(const px_adblock *ab, int rule, char *out, size_t cap);

#endif
