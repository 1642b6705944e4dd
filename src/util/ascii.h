/* ASCII byte classes, written once. Pages are UTF-8, and every test here
 * is false for bytes >= 0x80, so a multi-byte character is never taken
 * for a letter, digit or space by accident. */
#ifndef PITH_ASCII_H
#define PITH_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline bool px_ascii_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool px_ascii_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool px_ascii_is_alnum(unsigned char c) { return px_ascii_is_digit(c) || px_ascii_is_alpha(c); }
/* C's isspace in the "C" locale: space and \t \n \v \f \r. */
static inline bool px_ascii_is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline unsigned char px_ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* ASCII case-insensitive comparison of n bytes. */
static inline bool px_ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (px_ascii_lower((unsigned char)a[i]) != px_ascii_lower((unsigned char)b[i]))
            return false;
    return true;
}

#endif
