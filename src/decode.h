/* Input decoding: turns the bytes of an HTML document into UTF-8 the way a
 * browser would pick the encoding (BOM, user hint, <meta> prescan, then
 * sniffing), so the parser only ever sees valid, NUL-free UTF-8. */
#ifndef PITH_DECODE_H
#define PITH_DECODE_H

#include <stddef.h>
#include "alloc.h"

/*
 * Decodes len bytes of an HTML document to UTF-8. hint is a charset label
 * given by the user (e.g. --encoding) or transport layer, or NULL.
 *
 * The encoding is chosen in this order: a byte-order mark, then hint, then a
 * <meta> charset in the first 1024 bytes, then UTF-8 if the bytes are valid
 * UTF-8 (a sequence cut off by the end of input is tolerated), then a
 * <meta> charset in the first 64 KiB, else windows-1252. Malformed input never fails: bad sequences and NUL bytes
 * become U+FFFD.
 *
 * On success returns PITH_OK, *out is a NUL-terminated UTF-8 buffer allocated
 * with a (the caller frees it with px_free), *out_len its length, and if
 * charset_out is not NULL it receives a static string with the canonical
 * encoding name used (e.g. "UTF-8", "windows-1252", "Shift_JIS").
 *
 * Errors: PITH_ERR_INPUT for an unknown hint, a hint naming an encoding
 * pith cannot decode, or an encoding the platform's iconv lacks;
 * PITH_ERR_NOMEM when an allocation fails. On error *out is NULL, *out_len
 * is 0, *charset_out is NULL and err (which may be NULL) says why.
 */
int px_decode(const px_alloc *a, const char *in, size_t len, const char *hint,
              char **out, size_t *out_len, const char **charset_out,
              pith_error *err);

/* Maps a label to its WHATWG canonical encoding name, or NULL if unknown.
 * The label is matched ASCII case-insensitively after trimming ASCII
 * whitespace, as https://encoding.spec.whatwg.org/#concept-encoding-get
 * says. */
const char *px_encoding_lookup(const char *label, size_t len);

#endif
