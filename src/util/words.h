/*
 * A list of words written without pointers, `static const char t[][W]`,
 * passed to the functions that search one: its first byte, its width W
 * and its count. pith is position-independent, and a table of pointers
 * (`const char *const t[]`) is rewritten by the loader at every start,
 * one copied page and one cold cache line per few words (bench/relocs);
 * an array of characters costs nothing until it is read.
 */
#ifndef PITH_WORDS_H
#define PITH_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "ascii.h"

/* Sixteen bytes, so that it is passed in two registers. */
typedef struct px_words {
    const char *at; /* word k is at + k * width */
    unsigned width, count;
} px_words;

/* The px_words of an array t[][W]. A table of pointers passed by mistake
 * does not compile (its words would be read as the bytes of pointers). */
#define PX_WORDS(t)                                                                                \
    ((px_words){_Generic(&(t)[0], const char *const *: (void)0, char *const *: (void)0,           \
                         const char **: (void)0, char **: (void)0, default: (const char *)(t)),   \
                (unsigned)sizeof *(t), (unsigned)(sizeof(t) / sizeof *(t))})

static inline const char *px_word_at(px_words w, size_t k) { return w.at + k * w.width; }

/* The first n words of w, and the words of w from the k-th on. */
static inline px_words px_words_first(px_words w, size_t n)
{
    return (px_words){w.at, w.width, n < w.count ? (unsigned)n : w.count};
}
static inline px_words px_words_from(px_words w, size_t k)
{
    return k < w.count ? (px_words){w.at + k * w.width, w.width, w.count - (unsigned)k}
                       : (px_words){w.at, w.width, 0};
}

/* Is w[0..n) one of the words of list, ASCII case ignored? */
static inline bool px_word_in(const char *w, size_t n, px_words list)
{
    /* the first byte before the length: most words differ there */
    unsigned char w0 = n ? px_ascii_lower((unsigned char)w[0]) : 0;
    for (size_t k = 0; k < list.count; k++) {
        const char *l = px_word_at(list, k);
        if (px_ascii_lower((unsigned char)l[0]) == w0 && strlen(l) == n && px_ascii_ieq(w, l, n))
            return true;
    }
    return false;
}

#endif
