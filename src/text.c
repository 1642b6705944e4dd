#include "text.h"

#include <stdint.h>
#include <string.h>
#include "utf8.h"

size_t px_utf8_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

unsigned px_utf8_next(const char *s, size_t n, size_t *adv)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = px_utf8_len(u[0]);
    if (len > n)
        len = 1;
    unsigned cp = len == 1 ? u[0] : (unsigned)(u[0] & (0xFF >> (len + 1)));
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *adv = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    *adv = len;
    return cp;
}

/* Counts the bytes that start a character: all but 10xxxxxx. Eight at a
 * time (the rules' maxlen asks this of blocks of a few hundred bytes, a
 * byte at a time 1,200 instructions each): a continuation byte is one
 * whose top bit is set and whose next bit, shifted up into the top, is
 * not. (A multiply adds the eight flags: x86-64 without -mpopcnt would
 * call libgcc for a popcount.) */
size_t px_utf8_count(const char *s, size_t n)
{
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t t = (x & ~(x << 1) & 0x8080808080808080ull) >> 7; /* 0 or 1 a byte */
        cont += (size_t)((t * 0x0101010101010101ull) >> 56);        /* their sum */
    }
    for (; i < n; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

bool px_is_space_cp(unsigned cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

/* Characters with no width that only hint at breaks: a zero-width space, a
 * byte-order mark, a word joiner. They go, without leaving a space: they
 * sit inside words. (Soft hyphens stay: they are part of the text as
 * written, and the corpora's truth keeps them.) */
static bool invisible(unsigned cp)
{
    return cp == 0x200B || cp == 0xFEFF || cp == 0x2060;
}

void px_append_folded(px_buf *b, const char *s, size_t n, bool *pending)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t adv = 1;
        bool space;
        if (c < 0x80)
            space = px_ascii_is_space(c);
        else {
            unsigned cp = px_utf8_next(s + i, n - i, &adv);
            if (invisible(cp)) {
                i += adv;
                continue;
            }
            space = px_is_space_cp(cp);
        }
        if (space) {
            *pending = true;
            i += adv;
            continue;
        }
        /* Copy the run of non-space bytes in one go, and the words after
         * it that one plain space sets apart (prose): that space is the
         * one folding writes. */
        size_t j = i + adv;
        while (j < n) {
            unsigned char d = (unsigned char)s[j];
            if (d < 0x80) {
                if (d > ' ') {
                    j++;
                    continue;
                }
                if (d == ' ' && j + 1 < n && (unsigned char)s[j + 1] > ' ' && (unsigned char)s[j + 1] < 0x80) {
                    j += 2;
                    continue;
                }
                if (px_ascii_is_space(d))
                    break;
                j++;
                continue;
            }
            size_t a2;
            unsigned cp = px_utf8_next(s + j, n - j, &a2);
            if (px_is_space_cp(cp) || invisible(cp))
                break;
            j += a2;
        }
        /* written in place: a call to px_buf_putc and px_buf_append per
         * word was most of the cost of folding short texts */
        bool gap = *pending && b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n';
        *pending = false;
        size_t need = j - i + gap;
        if (!b->oom && (b->len + need + 1 <= b->cap || px_buf_reserve(b, need))) {
            if (gap)
                b->data[b->len++] = ' ';
            memcpy(b->data + b->len, s + i, j - i);
            b->len += j - i;
            b->data[b->len] = '\0';
        }
        i = j;
    }
}

void px_buf_rtrim(px_buf *b)
{
    while (b->len && b->data[b->len - 1] == ' ')
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
}

/* Does s[i..n) start with a byte px_strip_controls changes? */
static bool unsafe_at(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i], c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0,
                  c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
    if (c < 0x20)
        return c != '\t' && c != '\n';
    /* exactly: curly quotes and dashes (E2 80 xx) are common, and safe */
    return c == 0x7f || (c == 0xc2 && c1 >= 0x80 && c1 <= 0x9f) ||
           (c == 0xe2 && c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9)) ||
           (c == 0xef && c1 == 0xbf && (c2 == 0xbe || c2 == 0xbf));
}

size_t px_strip_controls(char *s, size_t n)
{
    /* Most strings hold nothing to remove and are not written at all
     * (some of Gumbo's are shared constants). */
    size_t o = 0;
    for (;;) {
        /* Eight bytes of printable ASCII, most of most pages, at a time:
         * none below 0x20, none at 0x7f or above. */
        const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        uint64_t w;
        while (n - o >= 8) {
            memcpy(&w, s + o, 8);
            if ((((w - 0x20 * ones) & ~w) | (((w & ~highs) + ones) | w)) & highs)
                break;
            o += 8;
        }
        if (o == n || unsafe_at(s, o, n))
            break;
        o++;
    }
    if (o == n)
        return n;
    for (size_t i = o; i < n;) {
        unsigned char c = (unsigned char)s[i], c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0,
                      c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
        if (c < 0x20 || c == 0x7f) {
            if (c == '\t' || c == '\n')
                s[o++] = (char)c;
            else if (c == '\r' || c == '\f' || c == '\v')
                s[o++] = ' ';
            i++;
        } else if (c == 0xc2 && c1 >= 0x80 && c1 <= 0x9f) {
            i += 2;
        } else if (c == 0xe2 && c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9)) {
            s[o++] = ' ';
            i += 3;
        } else if (c == 0xef && c1 == 0xbf && (c2 == 0xbe || c2 == 0xbf)) {
            i += 3;
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    return o;
}

/* Is code point cp one that px_strip_controls removes or replaces? */
static bool stripped_cp(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0xfffe || cp == 0xffff;
}

/* The value of the numeric reference whose digits start at u[i] (after
 * "&#"), or REF_ANY: no digits, NO_REF. Parsers add up the digits in a
 * machine word that can wrap ("&#4294967309;" is 13 in Gumbo), so a
 * value past the last code point may be any. */
#define NO_REF UINT32_MAX
#define REF_ANY (UINT32_MAX - 1)
static uint32_t ref_value(const unsigned char *u, size_t i, size_t n)
{
    bool hex = i < n && (u[i] == 'x' || u[i] == 'X');
    uint32_t v = 0;
    size_t digits = 0;
    for (i += hex; i < n; i++, digits++) {
        unsigned c = u[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            break;
        v = v * (hex ? 16 : 10) + d;
        if (v > 0x10FFFF)
            return REF_ANY;
    }
    return digits ? v : NO_REF;
}

/* Could the numeric reference whose digits start at u[i] give a
 * character that px_strip_controls removes? */
static bool stripped_ref(const unsigned char *u, size_t i, size_t n)
{
    uint32_t v = ref_value(u, i, n);
    return v == REF_ANY || (v != NO_REF && stripped_cp(v));
}

bool px_may_give(const char *s, size_t n, uint32_t cp)
{
    char enc[4];
    size_t k = px_utf8_encode(cp, enc);
    const unsigned char *u = (const unsigned char *)s;
    for (const char *p = s, *end = s + n; (p = memchr(p, enc[0], (size_t)(end - p))); p++)
        if ((size_t)(end - p) >= k && !memcmp(p, enc, k))
            return true;
    for (const char *p = s, *end = s + n; (p = memchr(p, '&', (size_t)(end - p))); p++) {
        size_t i = (size_t)(p - s);
        if (i + 1 < n && u[i + 1] == '#') {
            uint32_t v = ref_value(u, i + 2, n);
            if (v == REF_ANY || v == cp)
                return true;
        }
    }
    return false;
}

/* Does the character or reference that starts at u[i] give one? */
static bool stripped_at(const unsigned char *u, size_t i, size_t n)
{
    unsigned c = u[i], c1 = i + 1 < n ? u[i + 1] : 0, c2 = i + 2 < n ? u[i + 2] : 0;
    if (c < 0x20)
        return c != '\t' && c != '\n' && c != '\r';
    switch (c) {
    case '&': return c1 == '#' && stripped_ref(u, i + 2, n);
    case 0x7f: return true;
    case 0xc2: return c1 >= 0x80 && c1 <= 0x9f;
    case 0xe2: return c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9);
    case 0xef: return c1 == 0xbf && (c2 == 0xbe || c2 == 0xbf);
    default: return false;
    }
}

/* The bytes that can start one: C0 controls but tab, newline and CR, '&'
 * (of a numeric reference), DEL, and the lead bytes of C1 controls,
 * U+2028/9 and U+FFFE/F. */
static const bool may_start[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1,
    [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1,
    [0x1F] = 1, ['&'] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1, [0xEF] = 1,
};

/* Are the eight bytes at u all printable ASCII but '&' (no byte below
 * 0x20, no '&', no DEL, none past ASCII)? */
static bool plain8(const unsigned char *u)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t w, amp, del;
    memcpy(&w, u, 8);
    amp = w ^ (ones * '&');
    del = w ^ (ones * 0x7f);
    return !((((w - ones * 0x20) & ~w) | ((amp - ones) & ~amp) | ((del - ones) & ~del) | w) & highs);
}

bool px_may_need_strip(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    /* Eight bytes at a time over markup and ASCII text: a plain8 word
     * holds no start of one. Any other word is read byte by byte (tabs,
     * newlines and letters past ASCII stop the fast path, but only for
     * their word). */
    for (; n - i >= 8; i += 8) {
        if (plain8(u + i))
            continue;
        for (size_t j = i; j < i + 8; j++)
            if (may_start[u[j]] && stripped_at(u, j, n))
                return true;
    }
    for (; i < n; i++)
        if (may_start[u[i]] && stripped_at(u, i, n))
            return true;
    return false;
}

bool px_verbatim(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (n - i >= 8 && plain8(u + i)) {
            i += 8;
            continue;
        }
        if (u[i] == '&' || unsafe_at(s, i, n))
            return false;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = px_utf8_valid(u + i, n - i);
        if (!k)
            return false;
        /* Gumbo reads a noncharacter (U+FDD0-FDEF, U+xFFFE, U+xFFFF) as
         * U+FFFD */
        uint32_t cp = k == 3 ? (uint32_t)(u[i] & 0x0f) << 12 | (uint32_t)(u[i + 1] & 0x3f) << 6 | (u[i + 2] & 0x3f)
                    : k == 4 ? (uint32_t)(u[i] & 0x07) << 18 | (uint32_t)(u[i + 1] & 0x3f) << 12 |
                                   (uint32_t)(u[i + 2] & 0x3f) << 6 | (u[i + 3] & 0x3f)
                             : 0;
        if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
            return false;
        i += k;
    }
    return true;
}

/* Letters folded for comparison: Latin letters with accents written as
 * the host writes them ("Küchenbuch" ~ kuechenbuch, "Bajío" ~ bajio). */
typedef struct fold_pair {
    char from[4], to[4];
} fold_pair;
static const fold_pair folds[] = {
    {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"},
    {"à", "a"},  {"á", "a"},  {"â", "a"},  {"ã", "a"},  {"å", "a"},  {"ç", "c"},  {"è", "e"},
    {"é", "e"},  {"ê", "e"},  {"ë", "e"},  {"ì", "i"},  {"í", "i"},  {"î", "i"},  {"ï", "i"},
    {"ñ", "n"},  {"ò", "o"},  {"ó", "o"},  {"ô", "o"},  {"õ", "o"},  {"ø", "o"},  {"ù", "u"},
    {"ú", "u"},  {"û", "u"},  {"É", "e"},  {"Á", "a"},  {"Í", "i"},  {"Ó", "o"},  {"Ú", "u"},
    {"Ø", "o"},  {"ł", "l"},  {"ś", "s"},  {"ż", "z"},  {"ź", "z"},  {"ę", "e"},  {"ą", "a"},
    {"ć", "c"},  {"ń", "n"},  {"ı", "i"},  {"ş", "s"},  {"ğ", "g"},  {"İ", "i"},  {"Ş", "s"},
    {"č", "c"},  {"š", "s"},  {"ž", "z"},  {"ř", "r"},  {"ě", "e"},  {"ů", "u"},  {"ý", "y"},
    {"ő", "o"},  {"ű", "u"},  {"ă", "a"},  {"ș", "s"},  {"ț", "t"},  {"đ", "d"}};

/* The ASCII letters fold_pair gives for the letter at s[0..n), its length
 * in *len; NULL for a letter it does not fold. */
static const char *fold_accent(const char *s, size_t n, size_t *len)
{
    for (size_t f = 0; f < sizeof folds / sizeof *folds; f++) {
        size_t fl = strlen(folds[f].from);
        if (fl <= n && !memcmp(s, folds[f].from, fl)) {
            *len = fl;
            return folds[f].to;
        }
    }
    return NULL;
}

size_t px_fold_name(const char *s, size_t n, char *out, size_t cap, bool words)
{
    size_t k = 0;
    bool space = false;
    /* k + 3 < cap: room for a space, a two-letter fold ("ae") and the NUL */
    for (size_t i = 0; i < n && k + 3 < cap;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80 && !px_ascii_is_alnum(ch)) {
            space |= words && ch != '\'' && ch != '.';
            i++;
            continue;
        }
        if (space && k)
            out[k++] = ' ';
        space = false;
        size_t len = 1;
        const char *to = ch >= 0x80 ? fold_accent(s + i, n - i, &len) : NULL;
        if (to)
            while (*to)
                out[k++] = *to++;
        else
            out[k++] = (char)px_ascii_lower(ch);
        i += len;
    }
    out[k] = '\0';
    return k;
}
