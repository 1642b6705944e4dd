#include "date.h"

#include <stdio.h>
#include <string.h>

/* Month names and abbreviations, lower case, by month. */
static const char *const months[][8] = {
    {"january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio"},
    {"february", "feb", "februar", "février", "févr", "fevrier", "febrero", "febbraio"},
    {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart"},
    {"april", "apr", "avril", "avr", "abril", "abr", "aprile", NULL},
    {"may", "mai", "mayo", "maggio", "maio", "mei", "mag", NULL},
    {"june", "jun", "juni", "juin", "junio", "giugno", "junho", "giu"},
    {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho"},
    {"august", "aug", "août", "aout", "agosto", "ago", "augustus", NULL},
    {"september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "set"},
    {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"},
    {"november", "nov", "novembre", "noviembre", "novembro", NULL, NULL, NULL},
    {"december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre"},
};
/* A few more that did not fit the table above. */
static const struct { const char *name; int month; } more_months[] = {
    {"jänner", 1}, {"janeiro", 1}, {"januari", 1}, {"gen", 1}, {"fév", 2}, {"fev", 2},
    {"fevereiro", 2}, {"februari", 2}, {"feb", 2}, {"mrz", 3}, {"mär", 3}, {"mrt", 3},
    {"juin", 6}, {"lug", 7}, {"dezembro", 12}, {"dic", 12}, {"out", 10}, {"ott", 10},
    {"okt", 10}, {"dek", 12},
};

static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
};

/* Zones by abbreviation, in minutes east of UTC. */
static const struct { const char *name; int offset; } zones[] = {
    {"z", 0}, {"utc", 0}, {"gmt", 0}, {"ut", 0}, {"est", -300}, {"edt", -240},
    {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480},
    {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"bst", 60},
    {"cet", 60}, {"cest", 120}, {"met", 60}, {"mez", 60}, {"mesz", 120},
    {"eet", 120}, {"eest", 180}, {"wet", 0}, {"west", 60}, {"msk", 180},
    {"ist", 330}, {"pkt", 300}, {"sgt", 480}, {"hkt", 480}, {"jst", 540},
    {"kst", 540}, {"aest", 600}, {"aedt", 660}, {"acst", 570}, {"awst", 480},
    {"nzst", 720}, {"nzdt", 780}, {"brt", -180}, {"art", -180},
};

/* Case-insensitive equality of s[0..n) with a lower-case UTF-8 word. */
static bool word_is(const char *s, size_t n, const char *w)
{
    if (strlen(w) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)w[i])
            return false;
    }
    return true;
}

int px_month_name(const char *s, size_t n)
{
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 8 && months[m][k]; k++)
            if (word_is(s, n, months[m][k]))
                return m + 1;
    for (size_t k = 0; k < sizeof more_months / sizeof *more_months; k++)
        if (word_is(s, n, more_months[k].name))
            return more_months[k].month;
    return 0;
}

static bool is_weekday(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof weekdays / sizeof *weekdays; k++)
        if (word_is(s, n, weekdays[k]))
            return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* A tiny scanner                                                       */

typedef struct scan {
    const char *s;
    size_t n, i;
} scan;

static bool at_end(const scan *c) { return c->i >= c->n; }
static char peek(const scan *c) { return c->i < c->n ? c->s[c->i] : '\0'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

static void skip_spaces(scan *c)
{
    while (c->i < c->n) {
        unsigned char ch = (unsigned char)c->s[c->i];
        if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
            c->i++;
        else if (ch == 0xC2 && c->i + 1 < c->n && (unsigned char)c->s[c->i + 1] == 0xA0)
            c->i += 2; /* no-break space */
        else
            break;
    }
}

/* Reads exactly-or-up-to digits: at least min, at most max. */
static bool digits(scan *c, int min, int max, int *out)
{
    int v = 0, k = 0;
    while (k < max && c->i < c->n && is_digit(c->s[c->i])) {
        v = v * 10 + (c->s[c->i] - '0');
        c->i++;
        k++;
    }
    if (k < min)
        return false;
    *out = v;
    return true;
}

/* A run of digits; its count in *count. */
static bool number(scan *c, int *out, int *count)
{
    size_t start = c->i;
    if (!digits(c, 1, 9, out))
        return false;
    *count = (int)(c->i - start);
    return !(c->i < c->n && is_digit(c->s[c->i]));
}

/* A word of letters (ASCII or any non-ASCII byte), returned as a span. */
static bool word(scan *c, const char **w, size_t *len)
{
    size_t start = c->i;
    while (c->i < c->n && is_alpha_byte(c->s[c->i]))
        c->i++;
    *w = c->s + start;
    *len = c->i - start;
    return *len > 0;
}

static bool eat(scan *c, char ch)
{
    if (peek(c) == ch) {
        c->i++;
        return true;
    }
    return false;
}

static bool eat_str(scan *c, const char *w)
{
    size_t n = strlen(w);
    if (c->n - c->i >= n && !memcmp(c->s + c->i, w, n)) {
        c->i += n;
        return true;
    }
    return false;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool valid_date(const px_date *d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d->year < 1000 || d->year > 9999 || d->month < 1 || d->month > 12 || d->day < 1)
        return false;
    int md = mdays[d->month - 1] + (d->month == 2 && leap(d->year));
    if (d->day > md)
        return false;
    if (d->hour >= 0 && (d->hour > 23 || d->min < 0 || d->min > 59 || d->sec < 0 || d->sec > 60))
        return false;
    if (d->has_zone && (d->offset < -14 * 60 || d->offset > 14 * 60))
        return false;
    return true;
}

/* A numeric offset after its sign: HH, HHMM or HH:MM. */
static bool offset_digits(scan *c, int sign, px_date *d)
{
    int h, m = 0;
    size_t start = c->i;
    if (!digits(c, 2, 2, &h))
        return false;
    if (eat(c, ':')) {
        if (!digits(c, 2, 2, &m))
            return false;
    } else if (c->i + 1 < c->n && is_digit(c->s[c->i]) && is_digit(c->s[c->i + 1])) {
        digits(c, 2, 2, &m);
    }
    if (c->i < c->n && is_digit(c->s[c->i])) {
        c->i = start;
        return false;
    }
    if (m > 59)
        return false;
    d->has_zone = true;
    d->offset = sign * (h * 60 + m);
    return true;
}

/* An optional zone: Z, +hh:mm, -hhmm, GMT, GMT+2, UTC+05:30, EST... */
static bool zone(scan *c, px_date *d)
{
    skip_spaces(c);
    if (at_end(c))
        return true;
    char ch = peek(c);
    if (ch == '+' || ch == '-') {
        c->i++;
        return offset_digits(c, ch == '+' ? 1 : -1, d);
    }
    const char *w;
    size_t wl;
    size_t save = c->i;
    if (!word(c, &w, &wl)) {
        c->i = save;
        return true;
    }
    for (size_t k = 0; k < sizeof zones / sizeof *zones; k++) {
        if (word_is(w, wl, zones[k].name)) {
            d->has_zone = true;
            d->offset = zones[k].offset;
            /* GMT+2, UTC-05:00 */
            if ((peek(c) == '+' || peek(c) == '-') && d->offset == 0) {
                int sign = peek(c) == '+' ? 1 : -1;
                c->i++;
                size_t st = c->i;
                int h;
                if (digits(c, 1, 2, &h) && !is_digit(peek(c)) && peek(c) != ':') {
                    d->offset = sign * h * 60;
                } else {
                    c->i = st;
                    if (!offset_digits(c, sign, d))
                        return false;
                }
            }
            return true;
        }
    }
    c->i = save;
    return true;
}

/* An optional time: [at|um|à|,] HH:MM[:SS[.fff]] [am|pm] [zone]. */
static bool time_part(scan *c, px_date *d)
{
    skip_spaces(c);
    eat(c, ',');
    skip_spaces(c);
    if (at_end(c))
        return true;
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl)) {
        if (!(word_is(w, wl, "at") || word_is(w, wl, "um") || word_is(w, wl, "à") ||
              word_is(w, wl, "a") || word_is(w, wl, "om") || word_is(w, wl, "alle") ||
              word_is(w, wl, "às") || word_is(w, wl, "las") || word_is(w, wl, "t"))) {
            c->i = save;
            return zone(c, d);
        }
        skip_spaces(c);
    }
    int h, m, s = 0;
    if (!digits(c, 1, 2, &h))
        return false;
    if (!eat(c, ':') && !eat(c, '.') && !eat(c, 'h'))
        return false;
    if (!digits(c, 2, 2, &m))
        return false;
    if (eat(c, ':')) {
        if (!digits(c, 2, 2, &s))
            return false;
        if (eat(c, '.') || eat(c, ',')) {
            int frac;
            if (!digits(c, 1, 9, &frac))
                return false;
            while (is_digit(peek(c)))
                c->i++;
        }
    }
    if (is_digit(peek(c)))
        return false;
    skip_spaces(c);
    save = c->i;
    if (word(c, &w, &wl)) {
        bool am = word_is(w, wl, "am") || word_is(w, wl, "a");
        bool pm = word_is(w, wl, "pm") || word_is(w, wl, "p");
        if (wl == 1 && (am || pm) && peek(c) == '.') {
            /* a.m. / p.m. */
            c->i++;
            if (word(c, &w, &wl) && word_is(w, wl, "m"))
                eat(c, '.');
            else
                return false;
        }
        if (am || pm) {
            if (h < 1 || h > 12)
                return false;
            h = h % 12 + (pm ? 12 : 0);
        } else if (!word_is(w, wl, "uhr") && !word_is(w, wl, "h")) {
            c->i = save; /* "09:12 Uhr" is 09:12 */
        }
    }
    d->hour = h;
    d->min = m;
    d->sec = s;
    return zone(c, d);
}

/* Skips a leading weekday: "Tuesday, ", "Tue ". */
static void skip_weekday(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl) && is_weekday(w, wl)) {
        eat(c, '.');
        skip_spaces(c);
        eat(c, ',');
        skip_spaces(c);
        return;
    }
    c->i = save;
}

/* "th", "st", "nd", "rd", "er", "." after a day number. */
static void skip_ordinal(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl) && (word_is(w, wl, "st") || word_is(w, wl, "nd") || word_is(w, wl, "rd") ||
                             word_is(w, wl, "th") || word_is(w, wl, "er") || word_is(w, wl, "º")))
        return;
    c->i = save;
    eat(c, '.');
}

/* Reads a month name (with an optional trailing dot). */
static int month_word(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (!word(c, &w, &wl)) {
        c->i = save;
        return 0;
    }
    int m = px_month_name(w, wl);
    if (!m) {
        c->i = save;
        return 0;
    }
    eat(c, '.');
    return m;
}

static bool finish(scan *c, px_date *d)
{
    if (!time_part(c, d))
        return false;
    skip_spaces(c);
    return at_end(c) && valid_date(d);
}

/* A clock time already read, then an optional zone and nothing more. */
static bool end_clock(scan *c, px_date *d, int hh, int mm, int ss)
{
    d->hour = hh;
    d->min = mm;
    d->sec = ss;
    if (!zone(c, d))
        return false;
    skip_spaces(c);
    return at_end(c) && valid_date(d);
}

/* "de" / "of" between day, month and year: "15 de marzo de 2022". */
static void skip_filler(scan *c)
{
    skip_spaces(c);
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl) && (word_is(w, wl, "de") || word_is(w, wl, "of") || word_is(w, wl, "del"))) {
        skip_spaces(c);
        return;
    }
    c->i = save;
}

bool px_date_parse(const char *s, size_t n, px_date *d)
{
    memset(d, 0, sizeof *d);
    d->hour = d->min = d->sec = -1;
    scan c = {s, n, 0};
    skip_spaces(&c);
    skip_weekday(&c);
    if (at_end(&c))
        return false;

    int a, ac;
    size_t start = c.i;
    if (is_digit(peek(&c)) && number(&c, &a, &ac)) {
        char sep = peek(&c);
        if (ac == 8 && (at_end(&c) || sep == 'T' || sep == ' ')) {
            /* 20220315 */
            d->year = a / 10000;
            d->month = a / 100 % 100;
            d->day = a % 100;
            if (eat(&c, 'T')) {
                /* basic format: 20220315T034211Z */
                int hh, mm, ss = 0;
                if (!digits(&c, 2, 2, &hh))
                    return false;
                eat(&c, ':');
                if (!digits(&c, 2, 2, &mm))
                    return false;
                if ((eat(&c, ':') || is_digit(peek(&c))) && !digits(&c, 2, 2, &ss))
                    return false;
                return end_clock(&c, d, hh, mm, ss);
            }
            return finish(&c, d);
        }
        if (ac == 4 && eat_str(&c, "\xe5\xb9\xb4")) {
            /* 2024年3月15日 18時30分 */
            int m, day;
            skip_spaces(&c);
            if (!digits(&c, 1, 2, &m) || !eat_str(&c, "\xe6\x9c\x88"))
                return false;
            skip_spaces(&c);
            if (!digits(&c, 1, 2, &day) || !eat_str(&c, "\xe6\x97\xa5"))
                return false;
            d->year = a;
            d->month = m;
            d->day = day;
            skip_spaces(&c);
            /* a weekday in parentheses: （金） or (金) */
            size_t save = c.i;
            if (eat_str(&c, "(") || eat_str(&c, "\xef\xbc\x88")) {
                while (!at_end(&c) && peek(&c) != ')' && !(c.i + 3 <= c.n && !memcmp(c.s + c.i, "\xef\xbc\x89", 3)))
                    c.i++;
                if (!eat_str(&c, ")") && !eat_str(&c, "\xef\xbc\x89"))
                    c.i = save;
                skip_spaces(&c);
            }
            int hh, mm;
            save = c.i;
            if (digits(&c, 1, 2, &hh) && eat_str(&c, "\xe6\x99\x82") && digits(&c, 1, 2, &mm) &&
                eat_str(&c, "\xe5\x88\x86")) {
                d->hour = hh;
                d->min = mm;
                d->sec = 0;
                skip_spaces(&c);
                return at_end(&c) && valid_date(d);
            }
            c.i = save;
            return finish(&c, d);
        }
        if (ac == 4 && (sep == '-' || sep == '/' || sep == '.')) {
            /* ISO: YYYY-MM-DD[THH:MM[:SS[.f]]][zone] */
            c.i++;
            int m, day;
            if (!digits(&c, 1, 2, &m) || !eat(&c, sep) || !digits(&c, 1, 2, &day) || is_digit(peek(&c)))
                return false;
            d->year = a;
            d->month = m;
            d->day = day;
            if (eat(&c, 'T') || eat(&c, 't')) {
                int hh, mm, ss = 0;
                if (!digits(&c, 2, 2, &hh) || !eat(&c, ':') || !digits(&c, 2, 2, &mm))
                    return false;
                if (eat(&c, ':')) {
                    if (!digits(&c, 2, 2, &ss))
                        return false;
                    if (eat(&c, '.') || eat(&c, ',')) {
                        int f;
                        if (!digits(&c, 1, 9, &f))
                            return false;
                        while (is_digit(peek(&c)))
                            c.i++;
                    }
                }
                return end_clock(&c, d, hh, mm, ss);
            }
            return finish(&c, d);
        }
        if (ac <= 2 && (sep == '.' || sep == '/' || sep == '-') && c.i + 1 < c.n && is_digit(c.s[c.i + 1])) {
            /* 15.03.2022, 15-03-2022, 15/03/2022, 03/15/2022 */
            c.i++;
            int b, bc, y, yc;
            if (!number(&c, &b, &bc) || bc > 2 || !eat(&c, sep) || !number(&c, &y, &yc) || yc != 4)
                return false;
            eat(&c, '.');
            d->year = y;
            if (sep == '/') {
                if (a > 12 && b <= 12) {
                    d->day = a;
                    d->month = b;
                } else if (b > 12 && a <= 12) {
                    d->month = a;
                    d->day = b;
                } else {
                    return false; /* 03/04/2022: ambiguous */
                }
            } else {
                d->day = a;
                d->month = b;
            }
            return finish(&c, d);
        }
        if (ac <= 2) {
            /* 15 March 2022, 15. März 2022, 15 de marzo de 2022 */
            c.i = start;
            number(&c, &a, &ac);
            skip_ordinal(&c);
            skip_filler(&c);
            int m = month_word(&c);
            if (!m)
                return false;
            skip_filler(&c);
            eat(&c, ',');
            skip_spaces(&c);
            int y, yc;
            if (!number(&c, &y, &yc) || yc != 4)
                return false;
            d->year = y;
            d->month = m;
            d->day = a;
            return finish(&c, d);
        }
        return false;
    }
    /* March 15, 2022 / Mar. 15th 2022 */
    int m = month_word(&c);
    if (!m)
        return false;
    skip_spaces(&c);
    int day, dc, y, yc;
    if (!number(&c, &day, &dc) || dc > 2)
        return false;
    skip_ordinal(&c);
    skip_spaces(&c);
    eat(&c, ',');
    skip_spaces(&c);
    if (!number(&c, &y, &yc) || yc != 4)
        return false;
    d->year = y;
    d->month = m;
    d->day = day;
    return finish(&c, d);
}

size_t px_date_format(const px_date *d, char out[PX_DATE_MAX])
{
    int n;
    if (d->hour < 0)
        n = snprintf(out, PX_DATE_MAX, "%04d-%02d-%02d", d->year, d->month, d->day);
    else
        n = snprintf(out, PX_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day,
                     d->hour, d->min, d->sec);
    if (d->has_zone && d->hour >= 0) {
        int off = d->offset < 0 ? -d->offset : d->offset;
        n += snprintf(out + n, (size_t)(PX_DATE_MAX - n), "%c%02d:%02d", d->offset < 0 ? '-' : '+',
                      off / 60, off % 60);
    }
    return (size_t)n;
}

bool px_date_iso(const char *s, size_t n, char out[PX_DATE_MAX])
{
    px_date d;
    if (!px_date_parse(s, n, &d))
        return false;
    px_date_format(&d, out);
    return true;
}
