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
 */
#ifndef PITH_LITERAL_H
#define PITH_LITERAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "alloc.h"

/* A list of strings, '\0'-separated, ending with an empty string. */
typedef struct px_litset {
    char *data;
    size_t len;
} px_litset;

/* Fills out with the required literals of the pattern src; returns false
 * when it cannot tell (the pattern must then always run). */
bool px_literals(const px_alloc *a, const char *src, bool extended, px_litset *out);

typedef struct px_scanner px_scanner;

/* Builds a scanner over sets[0..n); sets[i].data == NULL means "no set":
 * pattern i is then never reported and the caller must always run it. */
px_scanner *px_scanner_new(const px_alloc *a, const px_litset *sets, int n);
void px_scanner_free(px_scanner *sc);
/* Sets bit i of hits (n bits, cleared first) for each pattern i with a
 * literal in the ASCII subject s[0..len), compared case-insensitively. */
void px_scanner_run(const px_scanner *sc, const char *s, size_t len, uint64_t *hits);
int px_scanner_words(const px_scanner *sc);

#endif
