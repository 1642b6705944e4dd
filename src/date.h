/*
 * Dates as pages write them, normalised to ISO 8601.
 *
 * Accepted forms (surrounding white space is ignored; anything else left
 * over makes the date malformed):
 *   ISO 8601         2022-03-15, 2022-03-15T03:42, 2022-03-15 03:42:11.5Z,
 *                    2022-03-15T03:42:11+05:30, +0530, +05, 20220315,
 *                    2022/03/15; leniently, 2022-03-15T03:42:11:123Z
 *   CJK              2022年3月15日 18時30分 (Chinese and Japanese)
 *   RFC 2822         Tue, 15 Mar 2022 03:42:11 +0000 (or GMT, UT, EST...)
 *   month names      March 15, 2022; Mar. 15th 2022 3:42 PM; 15 March 2022;
 *                    Tuesday, 15 March 2022, 09:12 IST (English, German,
 *                    French, Spanish, Italian, Portuguese, Dutch, Russian and
 *                    Polish names)
 *   numeric          15.03.2022, 15-03-2022 (day first), 15/03/2022 and
 *                    03/15/2022 when the day is the one above 12; with a
 *                    hint (below), 03/04/2022 in the page's order and
 *                    two-digit years (03.11.21, 11/3/21, 21/11/03)
 * A time may follow the date, with or without seconds, as 24-hour or
 * 12-hour (am/pm) time, and then a zone: Z, an offset or a common
 * abbreviation. Out-of-range fields (Feb 30, 25:00, month 13, an offset
 * past 14 hours) make the date malformed.
 *
 * The output is YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when a time was given,
 * followed by +HH:MM or -HH:MM when a zone was given (UTC is +00:00).
 */
#ifndef PITH_DATE_H
#define PITH_DATE_H

#include <stdbool.h>
#include <stddef.h>

#define PX_DATE_MAX 32

typedef struct px_date {
    int year, month, day;
    int hour, min, sec;    /* -1 when no time was given */
    bool has_zone;
    int offset;            /* minutes east of UTC */
} px_date;

/* The order of day, month and year in the numeric dates a page writes
 * ("03/04/2022": 3 April or March 4), from its language (date_order.c)
 * or its other dates. NONE: the page does not say. */
typedef enum px_date_order { PX_ORDER_NONE, PX_ORDER_DMY, PX_ORDER_MDY, PX_ORDER_YMD } px_date_order;

/* What the text around a date tells about it: a page's visible dates are
 * read with one, markup values (ISO by standard) without.
 *   order  settles a numeric date whose day and month are both 12 or
 *          less ("03/04/2022"), which is refused without one; a part
 *          above 12 settles it whatever the order says.
 *   year   the year the page is near (its reference date, its URL), 0
 *          when unknown: the century of a two-digit year.
 * A two-digit year is read only with a hint, only after '.' or '/'
 * (never '-' or ':', the separators of scores and times), with two-digit
 * day and month after a '.' (1.10.22 is a version), in the hint's order
 * ('.' is day first in every order but YMD; '/' needs the order), and
 * never next to more digits and separators ("1.03.11.21", "03.11.21.5")
 * or before a clock word ("23.09.22 Uhr"). The pivot: the latest of 19yy
 * and 20yy that is at most year + 1, and not before year - 50; without
 * a year, 00-69 is 20yy and 70-99 is 19yy (POSIX's %y). */
typedef struct px_date_hint {
    px_date_order order;
    int year;
} px_date_hint;

/* Parses s[0..n). Returns false for anything malformed. */
bool px_date_parse(const char *s, size_t n, px_date *d);
/* The same with a hint (NULL: none). */
bool px_date_parse_hint(const char *s, size_t n, const px_date_hint *h, px_date *d);
/* The first date inside a longer text, such as a dateline ("Publié le
 * 3 novembre 2021 à 10h", "20.10.2021 - 10:24 | Politik"): at each word
 * start, the longest span (up to 48 bytes) that px_date_parse accepts. Its
 * offset in *at (may be NULL). False when the text holds none. */
bool px_date_find(const char *s, size_t n, px_date *d, size_t *at);
bool px_date_find_hint(const char *s, size_t n, const px_date_hint *h, px_date *d, size_t *at);
/* The order of numeric dates in a language ("de", "en-US", "pt_BR"; case
 * ignored): a table of regions, then of primary subtags (date_order.c).
 * PX_ORDER_NONE for a language that writes both orders ("en" alone,
 * "en-CA") or one not in the table. */
px_date_order px_date_order_of(const char *lang);
/* Writes d as ISO 8601 into out (PX_DATE_MAX bytes); returns the length. */
size_t px_date_format(const px_date *d, char out[PX_DATE_MAX]);
/* Both at once: false for a malformed date. */
bool px_date_iso(const char *s, size_t n, char out[PX_DATE_MAX]);
/* A month name or abbreviation in one of the languages above, in s[0..n)
 * (ASCII case ignored): 1 to 12, or 0. */
int px_month_name(const char *s, size_t n);

/* Other scripts and calendars (date_scripts.c). */

/* The length of a decimal digit of the Arabic-Indic, Persian, Devanagari, full-width
 * or Bengali script at s[0..n), its value in *value (may be NULL); 0 when
 * s does not start with one. */
size_t px_date_native_digit(const char *s, size_t n, int *value);
/* Whether s[0..n) holds such a digit. */
bool px_date_has_native_digit(const char *s, size_t n);
/* Writes those digits of s[0..n) as ASCII ones in place ("١٢" -> "12",
 * full-width "２０２４" -> "2024"), and a Japanese era's year as the
 * Gregorian one ("令和6年" -> "2024年"); the new length (NUL-terminated
 * when shorter). */
size_t px_date_fold_digits(char *s, size_t n);
/* A month of the Persian (Jalali) calendar in s[0..n): 1 (Farvardin) to
 * 12 (Esfand), or 0. */
int px_date_jalali_month(const char *s, size_t n);
/* The Gregorian day of a Jalali one (years 1300-1500) into d's year,
 * month and day; false when out of range. */
bool px_date_from_jalali(int jy, int jm, int jd, px_date *d);

/* Relative dates (date_rel.c). */

/* Days since 1970-01-01 of a calendar day (proleptic Gregorian), and
 * the calendar day (year, month, day; the rest untouched) of such a day
 * number. */
long px_date_days(int year, int month, int day);
void px_date_civil(long days, px_date *d);
/* The days of month 1-12 of a (proleptic Gregorian) year. */
int px_date_month_days(int year, int month);
/* The first relative date in s[0..n): "2 days ago", "vor 3 Stunden",
 * "hace 2 días", "il y a 2 jours", "3 часа назад", "2 giorni fa",
 * "3 dni temu", "3天前", or "yesterday" and its kin opening the text,
 * counted back from ref (which has a time or not). Hours and minutes back
 * give a time in ref's zone when ref has one; days and longer give a day.
 * False when ref is NULL or the text holds none; its offset in *at. */
bool px_date_relative(const char *s, size_t n, const px_date *ref, px_date *out, size_t *at);

#endif
