/* UTF-8 written and checked in one place (below alloc.c, which uses it): the decoder, the meta-tag cleaner
 * and the JSON parser all turn code points into bytes, and error messages
 * and the JSON writer both need to know where a valid sequence ends. */
#ifndef PITH_UTF8_H
#define PITH_UTF8_H

#include <stddef.h>

/* Writes cp as UTF-8 into o (room for 4 bytes) and returns the length. NUL,
 * surrogates and values past U+10FFFF become U+FFFD: C strings and Gumbo
 * cannot hold NUL, and the others are not characters. */
size_t px_utf8_encode(unsigned cp, char o[4]);

/* Length of the well-formed UTF-8 sequence at s (n bytes left), or 0 for an
 * ill-formed one (overlong, surrogate, past U+10FFFF, cut off). */
size_t px_utf8_valid(const unsigned char *s, size_t n);

#endif
