// The C face of CLD2 (lang.h says why CLD2). No exception crosses into
// C: CLD2 throws none, and the call takes no allocator (its tables are
// static and the scan works on the stack).
#include "lang.h"

#include <cstdio> // the CLD2 header uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <climits>

// Texts beyond this are cut: a long article says its language in its
// first part, and the cost stays bounded.
static const size_t max_bytes = 64 * 1024;

extern "C" const char *px_lang_detect(const char *utf8, size_t len)
{
    if (!utf8 || !len)
        return nullptr;
    if (len > max_bytes) {
        len = max_bytes;
        while (len && (static_cast<unsigned char>(utf8[len]) & 0xC0) == 0x80)
            len--; // not inside a character
    }
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::Language lang = CLD2::ExtDetectLanguageSummary(utf8, static_cast<int>(len), true, top3,
                                                         percent3, &text_bytes, &reliable);
    if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
        return nullptr;
    return CLD2::LanguageCode(lang);
}
