/*
 * Whether a block of the article is only its byline or dateline, and
 * word counts.
 */
#include "meta_impl.h"

#include <string.h>
#include "date.h"
#include "text.h"

/* ------------------------------------------------------------------ */
/* Bylines                                                              */

static const char byline_fillers[][20] = {
    "by", "posted", "published", "updated", "update", "on", "at", "written", "and", "last",
    "modified", "read", "reading", "min", "mins", "minute", "minutes", "time", "views",
    "comments", "comment", "von", "am", "um", "aktualisiert", "veröffentlicht", "par",
    "publié", "le", "mis", "à", "jour", "por", "publicado", "el", "actualizado", "di",
    "pubblicato", "il", "aggiornato", "door", "gepubliceerd", "op", "bijgewerkt", "em",
    "atualizado", "de", "da", "du", "st", "nd", "rd", "th", "pm", "am", "a", "p", "m",
    "utc", "gmt", "ist", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "jst", "h",
    "uhr", "share", "author", "autor", "auteur", "date", "datum", "fecha", "data",
};

static bool filler(const char *w, size_t n)
{
    return px_word_in(w, n, PX_WORDS(byline_fillers));
}

static bool word_char(const char *s, size_t n, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *adv = 1;
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    unsigned cp = px_utf8_next(s + i, n - i, adv);
    if (px_is_space_cp(cp))
        return false;
    /* punctuation and symbols: general punctuation, Latin-1 signs, CJK
     * punctuation, full-width forms */
    return !((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 ||
             cp == 0xF7 || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
             (cp >= 0x2190 && cp <= 0x2BFF));
}

static int year_of(const char *iso)
{
    if (!iso || strlen(iso) < 4)
        return -1;
    return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
}

void px_meta_mark_byline(px_meta *m)
{
    m->byline_authors = m->authors.n;
    m->byline_years[0] = year_of(m->date_published);
    m->byline_years[1] = year_of(m->date_modified);
}

bool px_meta_is_byline(const px_meta *m, const char *text, size_t len)
{
    if (!m || !text || !len || len > 250)
        return false;
    if (!m->byline_authors && m->byline_years[0] < 0 && m->byline_years[1] < 0)
        return false;
    bool used[256] = {0};
    bool found_author = false;
    for (size_t k = 0; k < m->byline_authors && k < m->authors.n; k++) {
        const char *name = m->authors.v[k];
        size_t nl = strlen(name);
        if (!nl || nl > len)
            continue;
        for (size_t i = 0; i + nl <= len; i++) {
            if (!px_ascii_ieq(text + i, name, nl))
                continue;
            size_t adv, p = i;
            while (p > 0 && ((unsigned char)text[p - 1] & 0xC0) == 0x80)
                p--; /* back to the start of the character before */
            bool left_ok = i == 0 || (p > 0 && !word_char(text, len, p - 1, &adv));
            bool right_ok = i + nl == len || !word_char(text, len, i + nl, &adv);
            if (left_ok && right_ok) {
                for (size_t j = i; j < i + nl; j++)
                    used[j] = true;
                found_author = true;
            }
        }
    }
    int y1 = m->byline_years[0], y2 = m->byline_years[1];
    bool year = false, month = false;
    int numbers = 0;
    for (size_t i = 0; i < len;) {
        size_t adv;
        if (used[i] || !word_char(text, len, i, &adv)) {
            i += used[i] ? 1 : adv;
            continue;
        }
        size_t st = i;
        bool digits = true;
        while (i < len && !used[i] && word_char(text, len, i, &adv)) {
            if (text[i] < '0' || text[i] > '9')
                digits = false;
            i += adv;
        }
        const char *w = text + st;
        size_t wl = i - st;
        if (digits) {
            if (wl > 4)
                return false;
            numbers++;
            int v = 0;
            for (size_t k = 0; k < wl; k++)
                v = v * 10 + (w[k] - '0');
            if (wl == 4 && (v == y1 || v == y2))
                year = true;
            continue;
        }
        /* 15th, 1st */
        size_t dl = 0;
        while (dl < wl && w[dl] >= '0' && w[dl] <= '9')
            dl++;
        if (dl && dl <= 2 && filler(w + dl, wl - dl))
            continue;
        if (px_month_name(w, wl)) {
            month = true;
            continue;
        }
        if (filler(w, wl))
            continue;
        static const char days[][12] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
                                        "sat", "sun"};
        bool day = false;
        for (size_t k = 0; k < sizeof days / sizeof *days && !day; k++)
            day = strlen(days[k]) == wl && px_ascii_ieq(w, days[k], wl);
        if (day)
            continue;
        return false;
    }
    bool found_date = year && (month || numbers >= 3);
    return found_author || found_date;
}

/* ------------------------------------------------------------------ */

size_t px_word_count(const char *s, size_t n)
{
    size_t count = 0;
    bool in = false, counted = false;
    for (size_t i = 0; i < n;) {
        size_t adv;
        unsigned cp = px_utf8_next(s + i, n - i, &adv);
        bool cjk = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                   (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0x20000 && cp <= 0x2FFFF);
        if (px_is_space_cp(cp) || cjk) {
            in = false;
            if (cjk)
                count++;
        } else {
            size_t a2;
            bool wc = word_char(s, n, i, &a2);
            if (!in) {
                in = true;
                counted = false;
            }
            if (wc && !counted) {
                count++;
                counted = true;
            }
        }
        i += adv;
    }
    return count;
}