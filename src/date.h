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
 *                    03/15/2022 when the day is the one above 12
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

/* Parses s[0..n). Returns false for anything malformed. */
bool px_date_parse(const char *s, size_t n, px_date *d);
/* The first date inside a longer text, such as a dateline ("Publié le
 * 3 novembre 2021 à 10h", "20.10.2021 - 10:24 | Politik"): at each word
 * start, the longest span (up to 48 bytes) that px_date_parse accepts. Its
 * offset in *at (may be NULL). False when the text holds none. */
bool px_date_find(const char *s, size_t n, px_date *d, size_t *at);
/* Writes d as ISO 8601 into out (PX_DATE_MAX bytes); returns the length. */
size_t px_date_format(const px_date *d, char out[PX_DATE_MAX]);
/* Both at once: false for a malformed date. */
bool px_date_iso(const char *s, size_t n, char out[PX_DATE_MAX]);
/* A month name or abbreviation in one of the languages above, in s[0..n)
 * (ASCII case ignored): 1 to 12, or 0. */
int px_month_name(const char *s, size_t n);

/* Relative dates (date_rel.c). */

/* Days since 1970-01-01 of a calendar day. */
long px_date_days(int year, int month, int day);
/* The first relative date in s[0..n): "2 days ago", "vor 3 Stunden",
 * "hace 2 días", "il y a 2 jours", "3 часа назад", "2 giorni fa",
 * "3 dni temu", "3天前", or "yesterday" and its kin opening the text,
 * counted back from ref (which has a time or not). Hours and minutes back
 * give a time in ref's zone when ref has one; days and longer give a day.
 * False when ref is NULL or the text holds none; its offset in *at. */
bool px_date_relative(const char *s, size_t n, const px_date *ref, px_date *out, size_t *at);

#endif
