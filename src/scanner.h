/*
 * A multi-literal scanner: one Aho-Corasick pass over a subject says which
 * patterns' required literals (literal.h) it contains, read with the same
 * symbols (case folded; PX_LIT_WIDE for any cased character beyond ASCII).
 */
#ifndef PITH_SCANNER_H
#define PITH_SCANNER_H

#include <stdint.h>
#include "literal.h"

/* An Aho-Corasick automaton over bytes mapped to symbols. A full table of
 * transitions would take states x symbols entries (the bundled rules: some
 * 14,000 x 127); instead most states keep only their trie edges, and a
 * missing one follows the failure link. The root and the states with many
 * edges (some 390), where a search would cost most, have a full row of
 * transitions instead. Built by px_scanner_new, or written out as C data at
 * build time for the bundled rules (rules/rulegen.c): that one has no
 * allocator and is never freed. */
/* A state of the automaton, 8 bytes: each step waits on loading one, and
 * at 8 bytes twice as many share a cache line (the start-up page's scan
 * touched 629 -> 526 lines of tables; bench/RESULTS.md, fifth round). */
typedef struct px_scan_state {
    int32_t kids;  /* its children in the trie, states kids up to the next
                    * state's kids (states are numbered breadth first) */
    uint32_t link; /* with PX_SCAN_ROW: its row of transitions << 2; else the
                    * state of its longest proper suffix in the trie << 2.
                    * PX_SCAN_OUTS: it ends literals (outs_at) */
} px_scan_state;

#define PX_SCAN_OUTS 1u
#define PX_SCAN_ROW 2u
/* Rows hold states in 16 bits: a scanner of more states has none (its
 * steps search the trie edges, and the root keeps itself on a miss). */
#define PX_SCAN_ROW_STATES 65536

typedef struct px_scanner {
    const px_alloc *a;
    unsigned char map[256];      /* literal or subject byte -> symbol; 0 for none */
    int wide;                    /* the symbol of PX_LIT_WIDE, or 0 */
    int bound;                   /* the symbol of PX_LIT_BOUND, or 0 */
    int nsym, nstates, nrows, nouts;
    const px_scan_state *state;  /* nstates + 1: the last one ends the edges */
    const uint16_t *rows;        /* nrows x nsym */
    const unsigned char *sym;    /* per state: the symbol of its trie edge */
    const int *outs_at;          /* per state: its patterns, its suffixes'
                                  * included, outs[outs_at...] up to a -1 */
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
