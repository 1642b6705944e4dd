/*
 * Stage 0, sniff: refuse input that is not text before it is decoded, so
 * that an image or an archive handed to pith gives a clear error instead
 * of a page of mojibake.
 */
#ifndef PITH_SNIFF_H
#define PITH_SNIFF_H

#include <stddef.h>

/* What s[0..n) is when it is plainly not a text document ("a PNG image",
 * "binary data"), or NULL when it may be text. Only the first kilobyte is
 * read. Input that starts with a byte-order mark is text. */
const char *px_sniff_binary(const char *s, size_t n);

#endif
