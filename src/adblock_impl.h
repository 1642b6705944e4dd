/*
 * The data behind px_adblock, shared by the parser (adblock_parse.c) and
 * the matcher (adblock_match.c). Strings live in one pool and are named by
 * offset, so the arrays can grow while a list is read.
 */
#ifndef PITH_ADBLOCK_IMPL_H
#define PITH_ADBLOCK_IMPL_H

#include <stdint.h>
#include "adblock.h"

enum ab_kind { S_TAG, S_ID, S_CLASS, S_ATTR };
enum ab_op { OP_HAS, OP_EQ, OP_PREFIX, OP_SUFFIX, OP_CONTAINS };

/* One simple selector: a tag, #id, .class or [attr op "value"]; negate
 * for one inside :not(). */
typedef struct ab_simple {
    unsigned char kind, op;
    bool negate;
    unsigned short tag; /* S_TAG: the GumboTag, or GUMBO_TAG_UNKNOWN */
    uint32_t name;      /* tag name, id, class or attribute name */
    uint32_t value, vlen; /* S_ATTR: the value */
} ab_simple;

/* Simple selectors that must all hold, and how the compound before it
 * relates: ' ' (an ancestor) or '>' (the parent); 0 for the first. */
typedef struct ab_compound {
    uint32_t first;
    unsigned short n;
    char comb;
} ab_compound;

typedef struct ab_domain {
    uint32_t name, len;
    bool negate; /* ~a.com */
} ab_domain;

typedef struct ab_rule {
    uint32_t comp;
    unsigned short ncomp;
    bool site;        /* names a domain it applies to (not only ~ ones) */
    uint32_t dom, ndom;
    uint32_t sel;     /* the selector as written: exceptions name it */
    int exc;          /* first exception with the same selector, or -1 */
    int file, line;
} ab_rule;

typedef struct ab_exception {
    uint32_t sel;
    uint32_t dom, ndom;
    int next; /* the next exception with the same selector, or -1 */
} ab_exception;

/* A site where $generichide (or $elemhide, all) turns hiding off. */
typedef struct ab_siteoff {
    uint32_t name, len;
    bool all;
} ab_siteoff;

/* Index key types: what of an element a rule's last compound needs.
 * K_TOKEN: a word of an attribute's value, for rules such as
 * a[href^="https://ads.example/"] (EasyList has hundreds; filed under
 * "href" alone, every link would try them all). */
enum { K_ID, K_CLASS, K_TOKEN, K_ATTR, K_TAG };

typedef struct ab_slot {
    uint32_t hash, key, klen; /* klen 0: empty slot */
    unsigned char type;
    bool tokens;              /* K_ATTR: some rules need words of its value */
    uint32_t first, n;        /* rule indices in px_adblock.list */
} ab_slot;

#define AB_ARRAY(T, name) T *name; size_t n##name, cap##name

struct px_adblock {
    const px_alloc *a;
    px_buf pool;
    AB_ARRAY(ab_simple, simples);
    AB_ARRAY(ab_compound, comps);
    AB_ARRAY(ab_domain, doms);
    AB_ARRAY(ab_rule, rules);
    AB_ARRAY(ab_exception, excs);
    AB_ARRAY(ab_siteoff, offs);
    AB_ARRAY(char *, files);
    AB_ARRAY(size_t, counts); /* AB_COUNT_MAX per file */
    bool oom;
    /* The index, built by px_adblock_finish. */
    ab_slot *slots;
    uint32_t mask;
    int *list;
    int *universal; /* rules whose last compound names nothing to index */
    size_t nuniversal;
};

/* Grows an AB_ARRAY by one zeroed element; NULL (and ab->oom) when out
 * of memory. */
void *px_ab_push(px_adblock *ab, void *arrp, size_t *n, size_t *cap, size_t size);
#define AB_PUSH(ab, name) \
    px_ab_push((ab), &(ab)->name, &(ab)->n##name, &(ab)->cap##name, sizeof *(ab)->name)

/* Pool string at offset off. */
#define AB_STR(ab, off) ((ab)->pool.data + (off))

/* FNV-1a over a key type and its bytes. */
uint32_t px_ab_hash(unsigned char type, const char *s, size_t n);
/* Does host (lower case) fall under domain d: itself, a subdomain, or for
 * "example.*" the same name under any suffix? */
bool px_ab_domain_match(const char *host, const char *d, size_t dlen);

#endif
