/*
 * Dates written in other digits and another calendar: the decimal digits
 * of the Arabic, Persian, Indian and Thai scripts ("١٢ مارس ٢٠٢٤",
 * "१२ मार्च २०२४", "๑๔ มี.ค. ๒๕๖๗"), which a page's dateline uses as often as ASCII ones,
 * and the months of the Persian (Solar Hijri, Jalali) calendar, the
 * civil calendar of Iran and Afghanistan ("۱۴ اسفند ۱۴۰۲"), converted to
 * the Gregorian day they name; full-width digits and the Japanese eras
 * ("令和6年3月1日", a city hall's notice), read as the Gregorian year.
 */
#include "date.h"

#include <string.h>

/* The scripts' digits zero to nine are consecutive code points; each
 * entry is the UTF-8 of zero's lead bytes and the last byte of zero. */
static const struct {
    unsigned char lead[2]; /* the bytes before the last; lead[1] 0 for two-byte characters */
    unsigned char zero;    /* the last byte of the digit zero */
} scripts[] = {
    {{0xD9, 0}, 0xA0},    /* U+0660 Arabic-Indic */
    {{0xDB, 0}, 0xB0},    /* U+06F0 Extended Arabic-Indic (Persian, Urdu) */
    {{0xE0, 0xA5}, 0xA6}, /* U+0966 Devanagari */
    {{0xE0, 0xA7}, 0xA6}, /* U+09E6 Bengali */
    {{0xE0, 0xA9}, 0xA6}, /* U+0A66 Gurmukhi */
    {{0xE0, 0xAB}, 0xA6}, /* U+0AE6 Gujarati */
    {{0xE0, 0xAD}, 0xA6}, /* U+0B66 Odia */
    {{0xE0, 0xAF}, 0xA6}, /* U+0BE6 Tamil */
    {{0xE0, 0xB1}, 0xA6}, /* U+0C66 Telugu */
    {{0xE0, 0xB3}, 0xA6}, /* U+0CE6 Kannada */
    {{0xE0, 0xB5}, 0xA6}, /* U+0D66 Malayalam */
    {{0xE0, 0xB9}, 0x90}, /* U+0E50 Thai ("๑๔ มี.ค. ๒๕๖๗") */
    {{0xE0, 0xBB}, 0x90}, /* U+0ED0 Lao */
    {{0xEF, 0xBC}, 0x90}, /* U+FF10 full width (Japanese, Chinese: "２０２４年３月１日") */
};

size_t px_date_native_digit(const char *s, size_t n, int *value)
{
    const unsigned char *u = (const unsigned char *)s;
    /* the scripts' first bytes: most other characters go here */
    if (!n || (u[0] != 0xD9 && u[0] != 0xDB && u[0] != 0xE0 && u[0] != 0xEF))
        return 0;
    for (size_t k = 0; k < sizeof scripts / sizeof *scripts; k++) {
        size_t len = scripts[k].lead[1] ? 3 : 2;
        if (len > n || u[0] != scripts[k].lead[0] || (len == 3 && u[1] != scripts[k].lead[1]))
            continue;
        unsigned last = u[len - 1];
        if (last >= scripts[k].zero && last <= scripts[k].zero + 9u) {
            if (value)
                *value = (int)(last - scripts[k].zero);
            return len;
        }
    }
    return 0;
}

bool px_date_has_native_digit(const char *s, size_t n)
{
    /* asked of every candidate dateline's text: memchr finds the lead
     * bytes, and most texts have none */
    static const unsigned char leads[] = {0xD9, 0xDB, 0xE0};
    const char *end = s + n;
    for (size_t k = 0; k < sizeof leads; k++)
        for (const char *p = memchr(s, leads[k], n); p; p = memchr(p + 1, leads[k], (size_t)(end - p - 1)))
            if (px_date_native_digit(p, (size_t)(end - p), NULL))
                return true;
    return false;
}

/* The Japanese eras of the years pages give ("令和6年3月1日", a city
 * hall's notice; "平成31年", "令和元年" the era's first year): the
 * Gregorian year before the era's first. */
static const struct {
    char name[8];
    int before;
} eras[] = {{"令和", 2018}, {"平成", 1988}, {"昭和", 1925}};

/* The Gregorian year an era's year at s[0..n) names ("令和6年" gives
 * 2024), and in *len the bytes of the era and its number, before 年;
 * 0 when there is none. */
static int era_year(const char *s, size_t n, size_t *len)
{
    for (size_t k = 0; k < sizeof eras / sizeof *eras; k++) {
        size_t el = strlen(eras[k].name);
        if (el > n || memcmp(s, eras[k].name, el))
            continue;
        size_t i = el;
        int y = 0, count = 0;
        if (i + 3 <= n && !memcmp(s + i, "元", 3)) { /* 元年: the first */
            y = count = 1;
            i += 3;
        } else {
            for (; count < 2; count++) {
                int v = 0;
                size_t l = i < n && s[i] >= '0' && s[i] <= '9' ? 1 : px_date_native_digit(s + i, n - i, &v);
                if (!l)
                    break;
                y = y * 10 + (l == 1 ? s[i] - '0' : v);
                i += l;
            }
        }
        if (!count || !y || i + 3 > n || memcmp(s + i, "年", 3))
            return 0;
        *len = i;
        return eras[k].before + y;
    }
    return 0;
}

size_t px_date_fold_digits(char *s, size_t n)
{
    /* up to the first byte that may begin a digit or an era, nothing
     * moves: most texts end there */
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0xD9)
        i++;
    size_t o = i;
    while (i < n) {
        if ((unsigned char)s[i] < 0xD9) { /* most bytes: ASCII, Latin, Cyrillic */
            s[o++] = s[i++];
            continue;
        }
        int v;
        size_t el = 0;
        int ey = (unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE6 ? era_year(s + i, n - i, &el) : 0;
        if (ey) { /* four digits for at least seven bytes: the text only shrinks */
            for (int p = 1000; p; p /= 10)
                s[o++] = (char)('0' + ey / p % 10);
            i += el;
            continue;
        }
        size_t l = px_date_native_digit(s + i, n - i, &v);
        if (l) {
            s[o++] = (char)('0' + v);
            i += l;
        } else {
            s[o++] = s[i++];
        }
    }
    if (o < n)
        s[o] = '\0';
    return o;
}

/* The Persian months, Farvardin first, as Iran spells them, then with
 * the Arabic yeh (ي) some keyboards type for the Persian one (ی); ""
 * where that spelling is the first row's. */
static const char jalali_months[][12][20] = {
    {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن",
     "اسفند"},
    {"فروردين", "ارديبهشت", "", "", "", "شهريور", "", "", "", "دي", "", ""},
};

int px_date_jalali_month(const char *s, size_t n)
{
    for (size_t r = 0; r < sizeof jalali_months / sizeof *jalali_months; r++)
        for (int m = 0; m < 12; m++) {
            const char *w = jalali_months[r][m];
            if (w[0] && strlen(w) == n && !memcmp(s, w, n))
                return m + 1;
        }
    return 0;
}

/* The day number of the 33-year cycle's arithmetic (the algorithm of the
 * jdf library, exact for the years pages give: 1300-1500 is 1921-2122)
 * counts from the proleptic Gregorian 0000-01-01; 719528 days before
 * 1970-01-01, the epoch of px_date_days and px_date_civil. */
bool px_date_from_jalali(int jy, int jm, int jd, px_date *d)
{
    if (jy < 1300 || jy > 1500 || jm < 1 || jm > 12 || jd < 1 || jd > (jm <= 6 ? 31 : 30))
        return false;
    long y = jy + 1595;
    long days = -355668 + 365 * y + (y / 33) * 8 + ((y % 33) + 3) / 4 + jd;
    days += jm < 7 ? (jm - 1) * 31 : (jm - 7) * 30 + 186;
    px_date_civil(days - 719528, d);
    return true;
}
