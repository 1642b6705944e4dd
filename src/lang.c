/* Language tags compared, and the page's language decided (lang.h). */
#include "lang.h"

#include <string.h>

static size_t primary_len(const char *t)
{
    return strcspn(t, "-_");
}

bool px_lang_same(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    size_t n = primary_len(a);
    if (!n || n != primary_len(b))
        return false;
    for (size_t i = 0; i < n; i++) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] + 32) : b[i];
        if (x != y)
            return false;
    }
    return true;
}
