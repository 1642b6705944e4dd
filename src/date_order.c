/*
 * The order of day, month and year in a language's numeric dates: what a
 * reader of the page takes "03/04/2022" and "21/11/03" to mean. A table,
 * regions first (English is month first in the United States and day
 * first in Britain), then primary subtags. A language that writes both
 * orders, or one not listed, gives none: the caller then looks at the
 * page's other dates, or leaves an ambiguous date out.
 */
#include "date.h"
#include "ascii.h"

#include <string.h>

static const struct {
    char tag[8]; /* lower case, '-' between subtags */
    px_date_order order;
} orders[] = {
    /* regions whose order differs from their language's, or settles it */
    {"en-us", PX_ORDER_MDY}, {"en-ph", PX_ORDER_MDY}, {"en-fm", PX_ORDER_MDY},
    {"en-mh", PX_ORDER_MDY}, {"en-pw", PX_ORDER_MDY}, {"en-um", PX_ORDER_MDY},
    {"en-as", PX_ORDER_MDY}, {"en-gu", PX_ORDER_MDY}, {"en-vi", PX_ORDER_MDY},
    {"en-mp", PX_ORDER_MDY}, {"en-pr", PX_ORDER_MDY},
    {"en-gb", PX_ORDER_DMY}, {"en-ie", PX_ORDER_DMY}, {"en-au", PX_ORDER_DMY},
    {"en-nz", PX_ORDER_DMY}, {"en-in", PX_ORDER_DMY}, {"en-za", PX_ORDER_DMY},
    {"en-sg", PX_ORDER_DMY}, {"en-my", PX_ORDER_DMY}, {"en-ng", PX_ORDER_DMY},
    {"en-ke", PX_ORDER_DMY}, {"en-pk", PX_ORDER_DMY}, {"en-hk", PX_ORDER_DMY},
    {"en-ca", PX_ORDER_NONE}, /* Canada writes all three */
    {"en", PX_ORDER_NONE},
    /* day first */
    {"de", PX_ORDER_DMY}, {"fr", PX_ORDER_DMY}, {"es", PX_ORDER_DMY}, {"it", PX_ORDER_DMY},
    {"pt", PX_ORDER_DMY}, {"nl", PX_ORDER_DMY}, {"ru", PX_ORDER_DMY}, {"pl", PX_ORDER_DMY},
    {"uk", PX_ORDER_DMY}, {"be", PX_ORDER_DMY}, {"bg", PX_ORDER_DMY}, {"cs", PX_ORDER_DMY},
    {"sk", PX_ORDER_DMY}, {"sl", PX_ORDER_DMY}, {"hr", PX_ORDER_DMY}, {"sr", PX_ORDER_DMY},
    {"bs", PX_ORDER_DMY}, {"mk", PX_ORDER_DMY}, {"ro", PX_ORDER_DMY}, {"el", PX_ORDER_DMY},
    {"tr", PX_ORDER_DMY}, {"da", PX_ORDER_DMY}, {"nb", PX_ORDER_DMY}, {"nn", PX_ORDER_DMY},
    {"no", PX_ORDER_DMY}, {"sv", PX_ORDER_DMY}, {"fi", PX_ORDER_DMY}, {"et", PX_ORDER_DMY},
    {"lv", PX_ORDER_DMY}, {"is", PX_ORDER_DMY}, {"ga", PX_ORDER_DMY}, {"cy", PX_ORDER_DMY},
    {"ca", PX_ORDER_DMY}, {"gl", PX_ORDER_DMY}, {"eu", PX_ORDER_DMY}, {"id", PX_ORDER_DMY},
    {"ms", PX_ORDER_DMY}, {"vi", PX_ORDER_DMY}, {"th", PX_ORDER_DMY}, {"ar", PX_ORDER_DMY},
    {"he", PX_ORDER_DMY}, {"fa", PX_ORDER_DMY}, {"hi", PX_ORDER_DMY}, {"ur", PX_ORDER_DMY},
    {"bn", PX_ORDER_DMY}, {"sw", PX_ORDER_DMY}, {"az", PX_ORDER_DMY}, {"ka", PX_ORDER_DMY},
    {"hy", PX_ORDER_DMY}, {"kk", PX_ORDER_DMY}, {"sq", PX_ORDER_DMY}, {"mt", PX_ORDER_DMY},
    /* year first */
    {"zh", PX_ORDER_YMD}, {"ja", PX_ORDER_YMD}, {"ko", PX_ORDER_YMD}, {"hu", PX_ORDER_YMD},
    {"lt", PX_ORDER_YMD}, {"mn", PX_ORDER_YMD},
};

px_date_order px_date_order_of(const char *lang)
{
    if (!lang)
        return PX_ORDER_NONE;
    char tag[16];
    size_t n = 0;
    for (; lang[n] && n + 1 < sizeof tag; n++) {
        char ch = lang[n] == '_' ? '-' : lang[n];
        tag[n] = (char)px_ascii_lower((unsigned char)ch);
    }
    tag[n] = '\0';
    /* the language and region ("en-gb" of "en-GB-oxendict"), then the
     * language alone */
    size_t primary = strcspn(tag, "-");
    size_t region = primary < n ? primary + 1 + strcspn(tag + primary + 1, "-") : primary;
    for (int pass = 0; pass < 2; pass++) {
        size_t len = pass ? primary : region;
        for (size_t k = 0; k < sizeof orders / sizeof *orders; k++)
            if (strlen(orders[k].tag) == len && !memcmp(orders[k].tag, tag, len))
                return orders[k].order;
    }
    return PX_ORDER_NONE;
}
