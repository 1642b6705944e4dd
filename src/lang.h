/*
 * The language of a text, for pages that declare none and for
 * --target-language.
 *
 * The detector is CLD2 (Debian's libcld2-dev), not exttextcat
 * (libexttextcat-dev). Both are packaged; CLD2 won on each point that
 * matters here:
 *   - short texts: CLD2 scores quadgrams and words against tables built
 *     from web pages and says whether its answer is reliable; exttextcat's
 *     rank-order n-gram profiles (Cavnar and Trenkle) need a few hundred
 *     characters and answer "unknown" or several languages below that;
 *   - speed: CLD2 scans a text once (it was written for Chrome, at about a
 *     gigabyte per second); exttextcat compares a profile of the text with
 *     each of its ~160 fingerprints;
 *   - threads: CLD2 keeps no state between calls, so concurrent extractions
 *     need no lock; an exttextcat handle is not safe to share, and it must
 *     load its fingerprint files (libexttextcat-data) from a path at run
 *     time, where CLD2's tables are inside the library.
 * CLD2's API is C++ only (namespace CLD2, no C header in the Debian
 * package); lang_cld2.c reaches two of its free functions through
 * dlopen, which keeps libstdc++ out of pith's start-up (src/util/dynlib.h).
 */
#ifndef PITH_LANG_H
#define PITH_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* The language of utf8[0..len) as an ISO 639-1 code where there is one
 * ("en", "de", "zh", "zh-Hant"), or NULL when the text is too short or too
 * mixed for a reliable answer. The string is static. */
const char *px_lang_detect(const char *utf8, size_t len);

/* Do two language tags name the same language? Only the primary subtag
 * counts, ASCII case ignored: "en-US" is "en", "zh-Hant" is "zh". */
bool px_lang_same(const char *a, const char *b);

#endif
