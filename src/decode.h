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
 * The encoding is chosen in this order (README.md, "The encoding", says
 * the same for users):
 *  1. a byte-order mark;
 *  2. hint;
 *  3. a <meta> charset in the first 1024 bytes, unless it names a legacy
 *     encoding and the whole input is valid UTF-8 holding multi-byte
 *     sequences: then UTF-8 (a page re-saved as UTF-8 keeps its old label);
 *  4. UTF-8 if the bytes are valid UTF-8 (a sequence cut off by the end of
 *     input is tolerated);
 *  5. a <meta> charset in the first 64 KiB;
 *  6. uchardet's guess from the bytes, if it names a WHATWG encoding;
 *  7. else windows-1252.
 * Malformed input never fails: bad sequences and NUL bytes become U+FFFD.
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

/* Which step of the order above chose the encoding (for --explain). */
enum px_decode_why {
    PX_DECODE_BOM, PX_DECODE_HINT, PX_DECODE_META, PX_DECODE_UTF8_OVER_META,
    PX_DECODE_UTF8, PX_DECODE_LATE_META, PX_DECODE_GUESSED, PX_DECODE_DEFAULT,
    PX_DECODE_NO_GUESSER  /* the default, because uchardet could not be loaded */
};

/* px_decode that also says, in *why_out (if not NULL), which step chose. */
int px_decode_why(const px_alloc *a, const char *in, size_t len, const char *hint,
                  char **out, size_t *out_len, const char **charset_out,
                  enum px_decode_why *why_out, pith_error *err);

/* The reason for a step, as words for the --explain trace. */
const char *px_decode_why_text(enum px_decode_why why);

/* Maps a label to its WHATWG canonical encoding name, or NULL if unknown.
 * The label is matched ASCII case-insensitively after trimming ASCII
 * whitespace, as https://encoding.spec.whatwg.org/#concept-encoding-get
 * says. */
const char *px_encoding_lookup(const char *label, size_t len);

#endif
