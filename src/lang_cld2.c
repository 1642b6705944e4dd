/* The C face of CLD2 (lang.h says why CLD2), loaded on demand
 * (src/util/dynlib.h says why). */
#include "lang.h"

#include "dynlib.h"

/* CLD2's Language values for "no answer" (cld2/internal/generated_language.h). */
#define CLD2_TG_UNKNOWN_LANGUAGE 25
#define CLD2_UNKNOWN_LANGUAGE 26

/* Texts beyond this are cut: a long article says its language in its
 * first part, and the cost stays bounded. */
#define MAX_BYTES (64 * 1024)

const char *px_lang_detect(const char *utf8, size_t len)
{
    if (!utf8 || !len)
        return NULL;
    const px_cld2_api *cld2 = px_cld2();
    if (!cld2)
        return NULL; /* not installed: no language, as for a text too short */
    if (len > MAX_BYTES) {
        len = MAX_BYTES;
        while (len && ((unsigned char)utf8[len] & 0xC0) == 0x80)
            len--; /* not inside a character */
    }
    int top3[3], percent3[3], text_bytes = 0;
    bool reliable = false;
    int lang = cld2->detect_summary(utf8, (int)len, true, top3, percent3, &text_bytes, &reliable);
    if (!reliable || lang == CLD2_UNKNOWN_LANGUAGE || lang == CLD2_TG_UNKNOWN_LANGUAGE)
        return NULL;
    return cld2->language_code(lang);
}
