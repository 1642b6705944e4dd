/*
 * Required literals of a pattern, and a multi-literal scanner over them.
 *
 * Most class and id patterns are alternations of words, and most subjects
 * contain none of those words. For each pattern we work out a set of
 * lower-case ASCII strings such that every match contains at least one of
 * them; one Aho-Corasick pass over a subject then says which patterns can
 * match at all, and PCRE2 runs only for those. The analysis is
 * conservative: a pattern it cannot read exactly gets no set and always
 * runs.
 *
 * Characters beyond ASCII that have a case variant are all one symbol,
 * PX_LIT_WIDE, in patterns and subjects alike: a caseless "реклама" is
 * seven wide symbols, which any seven such characters in a row match. That
 * needs no Unicode case tables. Characters without case (punctuation,
 * CJK, Devanagari...) are their own bytes.
 */
#ifndef PITH_LITERAL_H
#define PITH_LITERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "alloc.h"

/* In a literal: any one character beyond ASCII that has a case variant.
 * (A byte that UTF-8 never uses.) */
#define PX_LIT_WIDE ((char)0xFF)
/* Does code point cp (beyond ASCII) have no case variant? */
bool px_lit_nocase(uint32_t cp);

/* A list of strings, '\0'-separated, ending with an empty string. */
typedef struct px_litset {
    char *data;
    size_t len;
} px_litset;

/* Fills out with the required literals of the pattern src; returns false
 * when it cannot tell (the pattern must then always run). */
bool px_literals(const px_alloc *a, const char *src, bool extended, px_litset *out);

/* An Aho-Corasick automaton over bytes mapped to symbols. A full table of
 * transitions would take states x symbols entries (the bundled rules: some
 * 6,000 x 110); instead most states keep only their trie edges, and a
 * missing one follows the failure link. The root and the states with many
 * edges (some 90), where a search would cost most, have a full row of
 * transitions instead. Built by px_scanner_new, or written out as C data at
 * build time for the bundled rules (rules/rulegen.c): that one has no
 * allocator and is never freed. */
/* A state of the automaton, 16 bytes: what a step reads of it together. */
typedef struct px_scan_state {
    int row;   /* its row of transitions, or -1 (the root's is row 0) */
    int edges; /* its trie edges: edge[edges] up to the next state's edges */
    int fail;  /* the state of its longest proper suffix in the trie */
    int outs;  /* its patterns, its suffixes' included: outs[outs...] up to a -1;
                * -1 for none */
} px_scan_state;

typedef struct px_scanner {
    const px_alloc *a;
    unsigned char map[256];      /* literal or subject byte -> symbol; 0 for none */
    int wide;                    /* the symbol of PX_LIT_WIDE, or 0 */
    int nsym, nstates, nrows, nedges, nouts;
    const px_scan_state *state;  /* nstates + 1: the last one ends the edges */
    const int *rows;             /* nrows x nsym */
    const unsigned *edge;        /* target state << 8 | symbol */
    const int *outs;             /* lists of patterns, each ended by -1 */
    int words;                   /* uint64_t words of a hit set */
} px_scanner;

/* Builds a scanner over sets[0..n); sets[i].data == NULL means "no set":
 * pattern i is then never reported and the caller must always run it. */
px_scanner *px_scanner_new(const px_alloc *a, const px_litset *sets, int n);
void px_scanner_free(px_scanner *sc);
/* Sets bit i of hits (px_scanner_words words; the caller clears them) for
 * each pattern i with a literal in the UTF-8 subject s[0..len), compared
 * case-insensitively. */
void px_scanner_run(const px_scanner *sc, const char *s, size_t len, uint64_t *hits);
int px_scanner_words(const px_scanner *sc);

#endif
