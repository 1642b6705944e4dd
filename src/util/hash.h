/* FNV-1a, written once: the small hash tables of names, words and
 * strings that pith keys by a few bytes. Fast on short keys and good
 * enough for open addressing with a power-of-two mask; not for anything
 * an attacker should not be able to collide on purpose (every table that
 * uses it bounds its probes or compares the key in full). */
#ifndef PITH_HASH_H
#define PITH_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "ascii.h"

#define PX_FNV1A_SEED 2166136261u
#define PX_FNV1A64_SEED 14695981039346656037ull

/* One byte more into h. */
static inline uint32_t px_fnv1a_byte(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

/* n bytes of s into h (PX_FNV1A_SEED to start afresh). */
static inline uint32_t px_fnv1a(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = px_fnv1a_byte(h, (unsigned char)s[i]);
    return h;
}

/* The same with ASCII letters folded to lower case, for keys that
 * compare without case (tag and attribute names). */
static inline uint32_t px_fnv1a_caseless(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = px_fnv1a_byte(h, px_ascii_lower((unsigned char)s[i]));
    return h;
}

/* The 64-bit FNV-1a of n bytes, from h (PX_FNV1A64_SEED to start). */
static inline uint64_t px_fnv1a64(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

#endif
