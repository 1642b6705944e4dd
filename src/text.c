#include "text.h"

#include <stdint.h>
#include <string.h>

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

size_t px_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
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
            space = c == ' ' || (c >= '\t' && c <= '\r');
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
        /* Copy the run of non-space bytes in one go. */
        size_t j = i + adv;
        while (j < n) {
            unsigned char d = (unsigned char)s[j];
            if (d < 0x80) {
                if (d == ' ' || (d >= '\t' && d <= '\r'))
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
        if (*pending && b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
            px_buf_putc(b, ' ');
        *pending = false;
        px_buf_append(b, s + i, j - i);
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
