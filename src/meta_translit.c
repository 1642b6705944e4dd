/*
 * Does a Cyrillic name spell a host written in Latin letters? Sites in
 * Russian and Ukrainian take a transliterated host ("Самоделкин" on
 * samodelkin-zhurnal.ru, "Вісті Полтавщини" on vistipoltavshchyny.com.ua),
 * in whichever of the common schemes the owner chose, so each letter may
 * be written several ways (х: kh, h, x; щ: shch, sch). Read as a dynamic
 * program over (letter of the name, byte of the host): linear in each,
 * whatever the number of ways.
 */
#include "meta_impl.h"

#include <stdbool.h>
#include <string.h>
#include "text.h"

/* The Latin forms of the lower-case letters а..я (U+0430..U+044F), each
 * list ended by "" or its fifth; ъ and ь are spelled as nothing. */
#define WAY 6 /* bytes of a form, with its NUL */
static const char cyr[32][5][WAY] = {
    {"a"}, {"b"}, {"v", "w"}, {"g", "h"}, {"d"}, {"e", "ye", "je"}, {"zh", "j", "z"}, {"z"},
    {"i", "y"}, {"y", "i", "j"}, {"k"}, {"l"}, {"m"}, {"n"}, {"o"}, {"p"},
    {"r"}, {"s"}, {"t"}, {"u"}, {"f"}, {"kh", "h", "x"}, {"ts", "c", "tz"}, {"ch"},
    {"sh"}, {"shch", "sch", "sh"}, {""}, {"y", "i"}, {""}, {"e"}, {"yu", "ju", "iu", "u"}, {"ya", "ja", "ia"},
};

/* Ukrainian and Russian letters outside а..я: ё і ї є ґ. */
static const struct {
    unsigned cp;
    char ways[4][WAY];
} extra[] = {
    {0x451, {"yo", "jo", "e", "io"}}, {0x456, {"i"}}, {0x457, {"yi", "i", "ji"}}, {0x454, {"ye", "ie", "je", "e"}},
    {0x491, {"g"}},
};

/* The lower-case code point of the Cyrillic letter at s[0..n) (2 bytes),
 * or 0. */
static unsigned letter(const unsigned char *s, size_t n)
{
    if (n < 2 || (s[0] != 0xD0 && s[0] != 0xD1 && s[0] != 0xD2) || (s[1] & 0xC0) != 0x80)
        return 0;
    unsigned cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    else if (cp == 0x490)
        cp = 0x491;
    return cp;
}

/* The forms of a list up to its first "" (one, "", for a letter spelled
 * as nothing). */
static px_words ways_in(const char (*w)[WAY], unsigned max)
{
    unsigned k = 0;
    while (k < max && w[k][0])
        k++;
    return (px_words){w[0], WAY, k ? k : 1};
}

/* The Latin forms of letter cp; no words (at NULL) for another letter. */
static px_words ways_of(unsigned cp)
{
    if (cp >= 0x430 && cp <= 0x44F)
        return ways_in(cyr[cp - 0x430], 5);
    for (size_t k = 0; k < sizeof extra / sizeof *extra; k++)
        if (extra[k].cp == cp)
            return ways_in(extra[k].ways, 4);
    return (px_words){NULL, WAY, 0};
}

#define TL_MAX 96

bool px_translit_spells_host(const char *host, size_t hl, const char *name, size_t n)
{
    if (!n || n > TL_MAX || !hl || hl > TL_MAX)
        return false;
    /* reach[i][j]: name[0..i) can spell host[0..j) */
    bool reach[TL_MAX + 1][TL_MAX + 1];
    for (size_t i = 0; i <= n; i++)
        memset(reach[i], 0, hl + 1);
    reach[0][0] = true;
    size_t letters = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)name + i;
        size_t step;
        if (u[0] == ' ' || u[0] == '-') {
            /* between words: a hyphen of the host, or nothing */
            step = 1;
            for (size_t j = 0; j <= hl; j++)
                if (reach[i][j]) {
                    reach[i + 1][j] = true;
                    if (j < hl && host[j] == '-')
                        reach[i + 1][j + 1] = true;
                }
        } else {
            unsigned cp = letter(u, n - i);
            px_words w = cp ? ways_of(cp) : (px_words){NULL, WAY, 0};
            if (!w.at)
                return false; /* not a Cyrillic name */
            step = 2;
            letters++;
            for (size_t j = 0; j <= hl; j++) {
                if (!reach[i][j])
                    continue;
                for (size_t k = 0; k < w.count; k++) {
                    const char *way = px_word_at(w, k);
                    size_t l = strlen(way);
                    if (j + l <= hl && px_ascii_ieq(host + j, way, l))
                        reach[i + step][j + l] = true;
                }
            }
        }
        i += step;
    }
    if (letters < 4)
        return false;
    /* the whole host label, or its first words up to a hyphen */
    for (size_t j = 1; j <= hl; j++)
        if (reach[n][j] && (j == hl || host[j] == '-'))
            return true;
    return false;
}
