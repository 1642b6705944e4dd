/* Language tags compared, and the page's language decided (lang.h). */
#include "lang.h"
#include "ascii.h"

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
    return px_ascii_ieq(a, b, n);
}
