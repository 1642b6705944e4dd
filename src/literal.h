/*
 * Required literals of a pattern (the scanner over them is scanner.h).
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
/* In a literal: any character that parts words in a class or id: white
 * space, '_' or '-' (and, first in a literal, the start of the subject: a
 * word the pattern wants at the head of a token is looked for only
 * there). (A byte that UTF-8 never uses.) */
#define PX_LIT_BOUND ((char)0xFE)
/* Does code point cp (beyond ASCII) have no case variant? */
bool px_lit_nocase(uint32_t cp);
/* The code point of the UTF-8 character at s (n bytes left), and its
 * length in *len (1 for a stray byte, read as itself). */
uint32_t px_lit_utf8(const char *s, size_t n, size_t *len);
/* Is cp white space, as PCRE2's \s has it with Unicode properties? */
bool px_lit_space(uint32_t cp);
/* The characters that part the words of a class or id (and white space in
 * text): all one symbol, PX_LIT_BOUND, in literals and subjects. */
bool px_lit_bound(uint32_t cp);

/* A list of strings, '\0'-separated, ending with an empty string. */
typedef struct px_litset {
    char *data;
    size_t len;
} px_litset;

/* Fills out with the required literals of the pattern src; returns false
 * when it cannot tell (the pattern must then always run). */
bool px_literals(const px_alloc *a, const char *src, bool extended, px_litset *out);

/* The head of an anchored pattern ("^[\s(]*(?:read\smore|see\salso)..."):
 * the characters a match may pass over at the start of the subject (no
 * cased ones; PX_LIT_BOUND for \s), and strings one of which, compared as
 * the literals are, the subject must begin with right after the longest
 * run of those. Into *out (px_lit_head_size bytes): the skip set's length
 * and bytes, a bitmap of the strings' first bytes, then each string's
 * length and bytes, and a 0. False (and NULL) when the pattern has no
 * head we can read: not anchored, or starting with what no string names. */
bool px_lit_head(const px_alloc *a, const char *src, bool extended, char **out);
size_t px_lit_head_size(const char *head);
/* Can a pattern with this head match the UTF-8 subject s[0..n)? False
 * only when it cannot. */
bool px_lit_head_fits(const char *head, const char *s, size_t n);

#endif
