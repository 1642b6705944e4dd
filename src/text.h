/* UTF-8 text helpers shared by the stages that look at or write text. */
#ifndef PITH_TEXT_H
#define PITH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "alloc.h"
#include "ascii.h"

/* Length in bytes of the UTF-8 sequence starting with byte c (1 for junk). */
size_t px_utf8_len(unsigned char c);
/* Decodes one code point at s (n bytes available); sets *adv. */
unsigned px_utf8_next(const char *s, size_t n, size_t *adv);
/* Number of code points in s[0..n). */
size_t px_utf8_count(const char *s, size_t n);

/* White space as HTML folds it, plus U+00A0 and the other Unicode spaces
 * that pages use to pad text: they never separate words differently. */
bool px_is_space_cp(unsigned cp);
/* Is there such white space at s (n > 0 bytes available)? *adv: the
 * length of the character there, space or not. ASCII is tested without
 * decoding: that is most of the text. */
static inline bool px_space_at(const char *s, size_t n, size_t *adv)
{
    unsigned char c = (unsigned char)*s;
    *adv = 1;
    return c < 0x80 ? px_ascii_is_space(c) : px_is_space_cp(px_utf8_next(s, n, adv));
}

/* Appends s[0..n) to b with white space folded: runs become one space, and
 * a space is not written at the start of b or after another space. *pending
 * carries "a space is owed" across calls so that words in adjacent text
 * nodes stay apart. */
void px_append_folded(px_buf *b, const char *s, size_t n, bool *pending);

/* Removes trailing spaces from b. */
void px_buf_rtrim(px_buf *b);

/* Removes, in place, what must never reach a terminal or an XML parser:
 * C0 controls but tab and newline (CR, FF and VT become spaces), DEL, C1
 * controls and the noncharacters U+FFFE and U+FFFF; U+2028 and U+2029
 * become spaces. s holds n bytes of valid UTF-8 and one more writable
 * byte, set to NUL. Returns the new length. */
size_t px_strip_controls(char *s, size_t n);

/* Could an HTML parser, reading the n bytes of UTF-8 at s, hand back a
 * string that px_strip_controls would change? False only when no such
 * character is in s, raw or as a numeric reference (a raw CR does not
 * count: the parser turns it into a newline). A page that answers no
 * needs no stripping of its strings at all. */
bool px_may_need_strip(const char *s, size_t n);
/* Could an HTML parser, reading the n bytes at s, hand back the
 * character cp: is it there as it is, or may a numeric reference give it
 * (one past U+10FFFF may: parsers let the value wrap)? */
bool px_may_give(const char *s, size_t n, uint32_t cp);

/* Does an HTML parser hand back the n bytes at s as they are, and
 * px_strip_controls leave them so: well-formed UTF-8 without '&' (no
 * character reference), CR, NUL, a noncharacter (Gumbo reads it as
 * U+FFFD) or anything else px_strip_controls changes? */
bool px_verbatim(const char *s, size_t n);


/* s[0..n) written into out for comparing names: ASCII letters in lower
 * case, Latin letters with accents as a host writes them ("Küchenbuch" ~
 * kuechenbuch, "São" ~ sao), other bytes kept; punctuation and spaces as
 * one space between words (words = true) or dropped (words = false,
 * "Riverside Ledger" ~ riversideledger). At most cap - 3 bytes and a NUL;
 * returns the length. */
size_t px_fold_name(const char *s, size_t n, char *out, size_t cap, bool words);

#endif
