/* Tests for src/date.c: dates in the forms pages write them, normalised to
 * ISO 8601, and the malformed ones refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

static void ok(const char *in, const char *want)
{
    char out[PX_DATE_MAX];
    memset(out, 'x', sizeof out);
    if (!px_date_iso(in, strlen(in), out))
        fail_msg("'%s' was refused, want %s", in, want);
    if (strcmp(out, want))
        fail_msg("'%s' gave %s, want %s", in, out, want);
}

static void bad(const char *in)
{
    char out[PX_DATE_MAX];
    if (px_date_iso(in, strlen(in), out))
        fail_msg("'%s' was accepted as %s", in, out);
}

static void test_iso(void **state)
{
    (void)state;
    ok("2022-03-15", "2022-03-15");
    ok("2022-03-15T03:42:11+00:00", "2022-03-15T03:42:11+00:00");
    ok("2022-03-15T09:12:11+05:30", "2022-03-15T09:12:11+05:30");
    ok("2022-03-15T03:42:11Z", "2022-03-15T03:42:11+00:00");
    ok("2022-03-15t03:42:11z", "2022-03-15T03:42:11+00:00");
    ok("2022-03-15T03:42Z", "2022-03-15T03:42:00+00:00");
    ok("2022-03-15T03:42:11.123456-0700", "2022-03-15T03:42:11-07:00");
    ok("2022-03-15T03:42:11,5+01", "2022-03-15T03:42:11+01:00");
    ok("2022-03-15T03:42:11", "2022-03-15T03:42:11");
    ok("2022-03-15 03:42:11", "2022-03-15T03:42:11");
    ok("2022-03-15 03:42:11 +0100", "2022-03-15T03:42:11+01:00");
    ok("  2022-03-15T03:42:11+00:00\n", "2022-03-15T03:42:11+00:00");
    ok("20220315", "2022-03-15");
    ok("20220315T034211Z", "2022-03-15T03:42:11+00:00");
    ok("2022/03/15", "2022-03-15");
    ok("2022-3-5", "2022-03-05");
    ok("2024-02-29", "2024-02-29"); /* a leap year */
    ok("2000-02-29", "2000-02-29");
}

static void test_rfc2822(void **state)
{
    (void)state;
    ok("Tue, 15 Mar 2022 03:42:11 +0000", "2022-03-15T03:42:11+00:00");
    ok("Tue, 15 Mar 2022 03:42:11 GMT", "2022-03-15T03:42:11+00:00");
    ok("15 Mar 2022 03:42 EST", "2022-03-15T03:42:00-05:00");
    ok("Tue, 1 Mar 2022 23:59:59 -0800", "2022-03-01T23:59:59-08:00");
    ok("Tue, 15 Mar 2022 03:42:11 UT", "2022-03-15T03:42:11+00:00");
}

static void test_month_names(void **state)
{
    (void)state;
    ok("March 15, 2022", "2022-03-15");
    ok("Mar 15, 2022", "2022-03-15");
    ok("Mar. 15, 2022", "2022-03-15");
    ok("March 15 2022", "2022-03-15");
    ok("March 15th, 2022", "2022-03-15");
    ok("march 1st 2022", "2022-03-01");
    ok("Tuesday, March 15, 2022", "2022-03-15");
    ok("March 15, 2022 3:42 PM", "2022-03-15T15:42:00");
    ok("March 15, 2022 at 3:42 pm EDT", "2022-03-15T15:42:00-04:00");
    ok("March 15, 2022, 12:05 a.m.", "2022-03-15T00:05:00");
    ok("March 15, 2022 12:05 p.m.", "2022-03-15T12:05:00");
    ok("15 March 2022", "2022-03-15");
    ok("15th March 2022", "2022-03-15");
    ok("Tuesday 15 March 2022, 09:12 IST", "2022-03-15T09:12:00+05:30");
    ok("15. März 2022", "2022-03-15");
    ok("15. März 2022, 09:12 Uhr", "2022-03-15T09:12:00");
    ok("15 mars 2022 à 09h12", "2022-03-15T09:12:00");
    ok("15 de marzo de 2022", "2022-03-15");
    ok("15 ottobre 2022", "2022-10-15");
    ok("15 december 2022", "2022-12-15");
    ok("3 oktober 2022", "2022-10-03");
    ok("15 Sept 2022", "2022-09-15");
}

static void test_numeric(void **state)
{
    (void)state;
    ok("15.03.2022", "2022-03-15");
    ok("15.03.2022 09:12", "2022-03-15T09:12:00");
    ok("15.03.2022, 09:12:30", "2022-03-15T09:12:30");
    ok("5.3.2022", "2022-03-05");
    ok("15-03-2022", "2022-03-15");
    ok("15/03/2022", "2022-03-15"); /* the day is the one above 12 */
    ok("03/15/2022", "2022-03-15");
    ok("31/12/2022 23:59", "2022-12-31T23:59:00");
    ok("2024年3月15日", "2024-03-15");
    ok("2024年3月15日 18時30分", "2024-03-15T18:30:00");
    ok("2024年3月15日（金） 18:30", "2024-03-15T18:30:00");
    bad("2024年13月15日");
    bad("2024年3月");
}

static void test_malformed(void **state)
{
    (void)state;
    bad("");
    bad("   ");
    bad("yesterday");
    bad("2022");
    bad("2022-03");
    bad("March 2022");
    bad("2022-13-01");         /* month 13 */
    bad("2022-00-10");
    bad("2022-02-30");         /* no Feb 30 */
    bad("2023-02-29");         /* not a leap year */
    bad("1900-02-29");
    bad("2022-04-31");
    bad("2022-03-15T25:00:00"); /* hour 25 */
    bad("2022-03-15T12:60:00");
    bad("2022-03-15T12:00:61");
    bad("2022-03-15T12");
    bad("2022-03-15T12:00+15:00"); /* offset past 14 hours */
    bad("2022-03-15T12:00+05:75");
    bad("2022-03-15T12:00:00+0");
    bad("2022-03-15T12:00:00 garbage");
    bad("2022-03-15 and more");
    bad("03/04/2022");          /* ambiguous */
    bad("13/13/2022");
    bad("15.03.22");            /* two-digit years */
    bad("32.03.2022");
    bad("Smarch 15, 2022");
    bad("March 32, 2022");
    bad("March 15, 22");
    bad("March 15, 2022 13:00 PM");
    bad("March 15, 2022 0:30 am");
    bad("0999-01-01");
    bad("99999-01-01");
    bad("2022--03-15");
    bad("2022-03-15T");
    bad("Tue, 15 Mar 2022 03:42:11 +00000");
    bad("-2022-03-15");
    bad("2022-03-15\xff");
    bad("15 March");
}

static void test_parse_fields(void **state)
{
    (void)state;
    px_date d;
    assert_true(px_date_parse("2022-03-15T09:12:11+05:30", 25, &d));
    assert_int_equal(d.year, 2022);
    assert_int_equal(d.month, 3);
    assert_int_equal(d.day, 15);
    assert_int_equal(d.hour, 9);
    assert_int_equal(d.min, 12);
    assert_int_equal(d.sec, 11);
    assert_true(d.has_zone);
    assert_int_equal(d.offset, 330);
    assert_true(px_date_parse("2022-03-15", 10, &d));
    assert_int_equal(d.hour, -1);
    assert_false(d.has_zone);
    /* the length is honoured: no read past n */
    assert_true(px_date_parse("2022-03-15XYZ", 10, &d));
    assert_int_equal(px_month_name("Mar", 3), 3);
    assert_int_equal(px_month_name("décembre", strlen("décembre")), 12);
    assert_int_equal(px_month_name("Marc", 4), 0);
}


/* Month names of Russian and Polish (their genitive, as dates write
 * them), beside the languages that were there. */
static void test_more_languages(void **state)
{
    (void)state;
    ok("3 ноября 2021", "2021-11-03");
    ok("3 ноябрь 2021", "2021-11-03");
    ok("28 kwietnia 2021", "2021-04-28");
    ok("15 de março de 2022", "2022-03-15");
    ok("3. November 2021", "2021-11-03");
    ok("2021年11月3日", "2021-11-03");
}

/* Milliseconds after a colon instead of a dot: read, not rejected. */
static void test_lenient_iso(void **state)
{
    (void)state;
    ok("2021-11-03T10:20:30:123Z", "2021-11-03T10:20:30+00:00");
    ok("2021-11-03T10:20:30:5+01:00", "2021-11-03T10:20:30+01:00");
    bad("2021-11-03T10:20:30:Z");
}

static void hinted(const char *in, px_date_order order, int year, const char *want)
{
    px_date_hint h = {order, year};
    px_date d;
    char out[PX_DATE_MAX];
    if (!px_date_parse_hint(in, strlen(in), &h, &d)) {
        if (want)
            fail_msg("'%s' (order %d, year %d) was refused, want %s", in, order, year, want);
        return;
    }
    px_date_format(&d, out);
    if (!want)
        fail_msg("'%s' (order %d, year %d) was accepted as %s", in, order, year, out);
    if (strcmp(out, want))
        fail_msg("'%s' (order %d, year %d) gave %s, want %s", in, order, year, out, want);
}

/* 03/04/2022 in the page's order; a part above 12 settles it anyway. */
static void test_order_hint(void **state)
{
    (void)state;
    hinted("03/04/2022", PX_ORDER_DMY, 0, "2022-04-03");
    hinted("03/04/2022", PX_ORDER_MDY, 0, "2022-03-04");
    hinted("03/04/2022", PX_ORDER_NONE, 0, NULL);
    hinted("03/04/2022", PX_ORDER_YMD, 0, NULL);
    hinted("25/06/2020", PX_ORDER_MDY, 0, "2020-06-25");
    hinted("06/25/2020", PX_ORDER_DMY, 0, "2020-06-25");
    hinted("3/5/2022 22:41", PX_ORDER_DMY, 0, "2022-05-03T22:41:00");
    /* '-' is day first but where months come first */
    hinted("03-04-2022", PX_ORDER_NONE, 0, "2022-04-03");
    hinted("03-04-2022", PX_ORDER_MDY, 0, "2022-03-04");
    /* dots are day first in every order */
    hinted("03.04.2022", PX_ORDER_MDY, 0, "2022-04-03");
    hinted("13/13/2022", PX_ORDER_DMY, 0, NULL);
}

/* Two-digit years: only with a hint, after '.' or '/', in the hint's
 * order, and in the century of the page's year. */
static void test_two_digit_years(void **state)
{
    (void)state;
    hinted("03.11.21", PX_ORDER_DMY, 0, "2021-11-03");
    hinted("03.11.21", PX_ORDER_NONE, 0, "2021-11-03"); /* dots: day first */
    hinted("23.09.22", PX_ORDER_MDY, 2022, "2022-09-23");
    hinted("11/3/21", PX_ORDER_MDY, 2021, "2021-11-03");
    hinted("11/3/21", PX_ORDER_DMY, 2021, "2021-03-11");
    hinted("11/3/21 8:15 PM", PX_ORDER_MDY, 0, "2021-11-03T20:15:00");
    hinted("21/11/03", PX_ORDER_YMD, 2022, "2021-11-03");
    hinted("21.11.03", PX_ORDER_YMD, 2022, "2021-11-03");
    hinted("11/3/21", PX_ORDER_NONE, 0, NULL);      /* '/' needs the order */
    hinted("25/11/21", PX_ORDER_MDY, 0, NULL);      /* against the order */
    hinted("03-11-21", PX_ORDER_DMY, 0, NULL);      /* '-': scores, ranges */
    hinted("3.11.21", PX_ORDER_DMY, 0, NULL);       /* a version */
    hinted("03.11.2", PX_ORDER_DMY, 0, NULL);
    hinted("03:11:21", PX_ORDER_DMY, 0, NULL);      /* a time */
    bad("03.11.21");                                 /* no hint */
    /* the pivot: the latest century at most a year after the page's */
    hinted("03.11.98", PX_ORDER_DMY, 2021, "1998-11-03");
    hinted("03.11.22", PX_ORDER_DMY, 2021, "2022-11-03");
    hinted("03.11.23", PX_ORDER_DMY, 2021, NULL);   /* 1923: too far back */
    hinted("03.11.69", PX_ORDER_DMY, 0, "2069-11-03");
    hinted("03.11.70", PX_ORDER_DMY, 0, "1970-11-03");
}

static void found(const char *in, const char *want, size_t want_at)
{
    px_date d;
    size_t at = 99;
    char out[PX_DATE_MAX];
    if (!px_date_find(in, strlen(in), &d, &at))
        fail_msg("no date found in '%s'", in);
    px_date_format(&d, out);
    if (strcmp(out, want) || at != want_at)
        fail_msg("'%s': found '%s' at %zu, want '%s' at %zu", in, out, at, want, want_at);
}

/* A date inside a dateline: labels before it, separators after it. */
static void test_find(void **state)
{
    (void)state;
    found("Publié le 3 novembre 2021 à 10h12", "2021-11-03T10:12:00", 11);
    found("20.10.2021 - 10:24 | Politik", "2021-10-20", 0);
    found("Datum: 03.11.2021", "2021-11-03", 7);
    found("Written by Jane Doe on November 14, 2019", "2019-11-14", 23);
    found("2021年11月3日 発表", "2021-11-03", 0);
    found("Опубликовано 3 ноября 2021 г.", "2021-11-03", strlen("Опубликовано "));
    /* a weekday or a no-break space before the date: the finder passes
     * over a word start only when no form could begin there */
    found("Posted Tuesday, 15 March 2022 at 9:12", "2022-03-15T09:12:00", 7);
    found("Le \xc2\xa0" "15 mars 2022", "2022-03-15", 3);
    found("Updated: Mar. 15th, 2022", "2022-03-15", 9);
    px_date d;
    assert_false(px_date_find("Chapter 12, page 2021", 21, &d, NULL));
    assert_false(px_date_find("", 0, &d, NULL));
    /* no date starts inside a word or a number */
    assert_false(px_date_find("x2021-11-03", 11, &d, NULL));
}

/* Month names of more languages and scripts, a Thai month's Buddhist
 * year, and the year first or a space after each dot (hu, ko, cs). */
static void test_more_scripts(void **state)
{
    (void)state;
    ok("12 жовтня 2023", "2023-10-12");
    ok("4. prosince 2023", "2023-12-04");
    ok("7 Kasım 2023", "2023-11-07");
    ok("2 octombrie 2023", "2023-10-02");
    ok("8. toukokuuta 2023", "2023-05-08");
    ok("18 Σεπτεμβρίου 2023", "2023-09-18");
    ok("24 مارس 2024", "2024-03-24");
    ok("15 जनवरी 2024", "2024-01-15");
    ok("3 Agustus 2023", "2023-08-03");
    /* Thai: full and abbreviated months, the year of the Buddhist era */
    ok("15 ธ.ค. 2566 10:30", "2023-12-15T10:30:00");
    ok("15 ธันวาคม 2566", "2023-12-15");
    /* a Gregorian year after a Thai month stays */
    ok("15 ธันวาคม 2023", "2023-12-15");
    /* the year first, with a dot and a space after each part */
    ok("2023. november 7. 14:32", "2023-11-07T14:32:00");
    ok("2023. 8. 21. 14:30", "2023-08-21T14:30:00");
    ok("4. 12. 2023", "2023-12-04");
    bad("2023. 8.");
    bad("4. 12. 23");
    found("Autor: Jana, 4. 12. 2023", "2023-12-04", 13);
    /* "3. März" is still a day and a month name, not a spaced number */
    ok("3. März 2022", "2022-03-03");
}

/* Months of more languages (bn, ur, hr, ca, lt), the Persian calendar,
 * and the digits of other scripts (date_scripts.c). */
static void test_other_calendars_and_digits(void **state)
{
    (void)state;
    ok("12 মার্চ 2024", "2024-03-12");
    ok("12 مارچ 2024", "2024-03-12");
    ok("12. ožujka 2024. u 14:05", "2024-03-12T14:05:00");
    found("Objavljeno: 12. ožujka 2024.", "2024-03-12", 12);
    ok("12 de març de 2024, 14:05", "2024-03-12T14:05:00");
    ok("3 d'abril de 2024", "2024-04-03");
    ok("3 d\xe2\x80\x99octubre de 2024", "2024-10-03");
    ok("2024 m. kovo 12 d. 14:05", "2024-03-12T14:05:00");
    found("Paskelbta 2024 m. kovo 12 d.", "2024-03-12", 10);
    /* a Jalali day is the Gregorian day it names: 14 Esfand 1402 is
     * 4 March 2024, 14 Aban 1402 is 5 November 2023, and Nowruz 1403 */
    ok("14 اسفند 1402", "2024-03-04");
    found("یکشنبه 14 آبان 1402 - 10:25", "2023-11-05", strlen("یکشنبه "));
    ok("1 فروردین 1403", "2024-03-20");
    ok("30 اسفند 1403", "2025-03-20");
    bad("14 اسفند 2024");
    /* native digits, folded before the date is read */
    char s[] = "\xd9\xa1\xd9\xa2 مارس \xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4"; /* ١٢ مارس ٢٠٢٤ */
    size_t n = px_date_fold_digits(s, strlen(s));
    assert_int_equal(n, strlen("12 مارس 2024"));
    assert_string_equal(s, "12 مارس 2024");
    char hi[] = "१२ मार्च २०२४, १४:०५";
    px_date_fold_digits(hi, strlen(hi));
    assert_string_equal(hi, "12 मार्च 2024, 14:05");
    char bn[] = "১২ মার্চ ২০২৪";
    px_date_fold_digits(bn, strlen(bn));
    assert_string_equal(bn, "12 মার্চ 2024");
    char fa[] = "۱۴ اسفند ۱۴۰۲";
    px_date_fold_digits(fa, strlen(fa));
    ok(fa, "2024-03-04");
    assert_true(px_date_has_native_digit("x ۱", strlen("x ۱")));
    assert_false(px_date_has_native_digit("مارس", strlen("مارس")));
}

/* The finder lets a word start go when the whole text fails the first
 * steps of every form there; a date that each form alone can read still
 * starts where it did, after numbers and months that start none. */
static void test_find_first_steps(void **state)
{
    (void)state;
    found("Stand: 20220315T034211Z", "2022-03-15T03:42:11+00:00", 7);     /* eight digits */
    found("Stand: 2024\xe5\xb9\xb4" "3\xe6\x9c\x88" "15\xe6\x97\xa5", "2024-03-15", 7); /* four, 年 */
    found("am 2024-03-15 um 9:12", "2024-03-15T09:12:00", 3);            /* four, a separator */
    found("on 15/03/2022", "2022-03-15", 3);                             /* two, a separator, a digit */
    found("am 5. Juni 2020", "2020-06-05", 3);                           /* one, '.' as an ordinal */
    found("the 15th of March 2022", "2022-03-15", 4);                    /* ordinal and filler */
    found("el 15\xc2\xba de marzo de 2022", "2022-03-15", 3);
    found("March 5, 2022", "2022-03-05", 0);                             /* a month, a day */
    found("Tue, Mar 15 2022", "2022-03-15", 0);                          /* a weekday first */
    /* numbers and months that start no date come before the one found */
    found("50,000 readers, 2024 edition, 123 pages, 1234567 views, 9999999999 hits: 3 May 2021",
          "2021-05-03", strlen("50,000 readers, 2024 edition, 123 pages, 1234567 views, 9999999999 hits: "));
    found("November 2024 issue, May 2021 recap, 4 May 2021", "2021-05-04",
          strlen("November 2024 issue, May 2021 recap, "));
    px_date d;
    assert_false(px_date_find("Hedgehog survey 2024", 20, &d, NULL));
    assert_false(px_date_find("November 2024", 13, &d, NULL));
    assert_false(px_date_find("Join 50,000 supporters every month.", 35, &d, NULL));
}

static void found_hint(const char *in, px_date_order order, const char *want)
{
    px_date_hint h = {order, 2021};
    px_date d;
    char out[PX_DATE_MAX];
    bool got = px_date_find_hint(in, strlen(in), &h, &d, NULL);
    if (got)
        px_date_format(&d, out);
    if (!want && got)
        fail_msg("'%s': found '%s', want none", in, out);
    if (want && (!got || strcmp(out, want)))
        fail_msg("'%s': found '%s', want '%s'", in, got ? out : "(none)", want);
}

/* A two-digit year in a dateline, but not where it is a time or part
 * of a longer number. */
static void test_find_two_digit_years(void **state)
{
    (void)state;
    found_hint("Von: Björn Jahner | 31.10.21", PX_ORDER_DMY, "2021-10-31");
    found_hint("Posted 11/3/21 at 8:15 pm", PX_ORDER_MDY, "2021-11-03T20:15:00");
    found_hint("28.01.21 / 0 Kommentare", PX_ORDER_DMY, "2021-01-28");
    found_hint("Treffen um 10.05.21", PX_ORDER_DMY, NULL);
    found_hint("Ende 23.09.21 Uhr", PX_ORDER_DMY, NULL);
    found_hint("Version 1.03.11.21", PX_ORDER_DMY, NULL);
    found_hint("build 03.11.21.5", PX_ORDER_DMY, NULL);
    found_hint("Final score 3-1-21", PX_ORDER_DMY, NULL);
    /* without a hint, as before */
    px_date d;
    assert_false(px_date_find("31.10.21", 8, &d, NULL));
}

/* Japanese eras and full-width digits, folded before the date is read:
 * a city hall's notice dated "令和6年3月1日 掲載" is 2024-03-01. */
static void test_japanese_eras(void **state)
{
    (void)state;
    struct { const char *in, *want; } cases[] = {
        {"令和6年3月1日 掲載", "2024年3月1日 掲載"},
        {"令和元年5月1日", "2019年5月1日"},
        {"平成31年4月30日", "2019年4月30日"},
        {"令和１０年１月２日", "2028年1月2日"},
        {"２０２４年３月１日", "2024年3月1日"},
        {"令和の時代", "令和の時代"},   /* no year: left alone */
        {"令和6月", "令和6月"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char buf[64];
        strcpy(buf, cases[k].in);
        size_t n = px_date_fold_digits(buf, strlen(buf));
        buf[n] = '\0';
        assert_string_equal(buf, cases[k].want);
    }
    char t[] = "令和6年3月1日";
    size_t n = px_date_fold_digits(t, strlen(t));
    px_date d;
    assert_true(px_date_parse(t, n, &d));
    assert_int_equal(d.year, 2024);
    assert_int_equal(d.month, 3);
    assert_int_equal(d.day, 1);
}

/* Thai digits and a Buddhist-era year; the digits of the Indian
 * scripts; the Tamil months and Marathi's. */
static void test_thai_indic_digits_tamil_months(void **state)
{
    (void)state;
    char t[] = "เผยแพร่: ๑๔ มี.ค. ๒๕๖๗ ๐๙:๓๐ น.";
    size_t n = px_date_fold_digits(t, strlen(t));
    px_date d;
    size_t at;
    assert_true(px_date_find(t, n, &d, &at));
    assert_int_equal(d.year, 2024);
    assert_int_equal(d.month, 3);
    assert_int_equal(d.day, 14);
    assert_int_equal(d.hour, 9);
    assert_int_equal(d.min, 30);
    char g[] = "૧૪ ௨௦ ౨౦ ೨೦ ൨൦ ੨੦ ୨୦ ໑";
    n = px_date_fold_digits(g, strlen(g));
    g[n] = '\0';
    assert_string_equal(g, "14 20 20 20 20 20 20 1");
    ok("14 மார்ச் 2024", "2024-03-14");
    ok("2 டிசம்பர் 2023", "2023-12-02");
    ok("14 फेब्रुवारी 2024", "2024-02-14");
}

/* Seventh round: months of Serbian (Cyrillic and Latin), Swahili,
 * Georgian and Hebrew (with its prefix ב), Turkish abbreviations, and a
 * date right after CJK punctuation or an ideographic space. */
static void test_seventh_round(void **state)
{
    (void)state;
    ok("16. април 2024.", "2024-04-16");
    ok("3. avgust 2023.", "2023-08-03");
    ok("Aprili 16, 2024", "2024-04-16");
    ok("16 Desemba 2023", "2023-12-16");
    ok("16 აპრილი 2024, 12:40", "2024-04-16T12:40:00");
    ok("12 במאי 2024", "2024-05-12");
    ok("12 מאי 2024", "2024-05-12");
    ok("16 Nis 2024, 21:14", "2024-04-16T21:14:00");
    ok("03 Oca 2019", "2019-01-03");
    /* the full-width colon, the ideographic space and 【】 part words */
    found("發布時間：2024/04/11 18:30", "2024-04-11T18:30:00", strlen("發布時間："));
    found("文／林怡君　2024/04/11", "2024-04-11", strlen("文／林怡君　"));
    found("【2024-04-11】", "2024-04-11", strlen("【"));
    /* a letter of any script still does not: a date does not start
     * inside a word */
    px_date d;
    assert_false(px_date_find("時間2024/04/11", strlen("時間2024/04/11"), &d, NULL));
}

/* Eighth round (holdout8 and its probes): numeric dates of other eras in
 * the same digits, Korean's year, month and day marks, an Arabic era's
 * letter glued to the year, and eight digits that are an identifier */
static void test_numeric_eras(void **state)
{
    (void)state;
    /* a Thai Buddhist-era year, a Persian (Jalali) one */
    ok("25/03/2567", "2024-03-25");
    ok("25/03/2567 10:30", "2024-03-25T10:30:00");
    found_hint("12/03/2567 10:30 น.", PX_ORDER_DMY, "2024-03-12T10:30:00");
    ok("1402/12/22", "2024-03-12");
    ok("1402-12-22", "2024-03-12");
    ok("1403/01/01", "2024-03-20");
    /* a Hijri year names no Gregorian day: refused, the next date read */
    bad("1445/09/01");
    bad("01/09/1445");
    /* eight digits of a year before 1900: an article's number */
    bad("13890112");
    ok("20240312", "2024-03-12");
}

/* months of Slovenian, Estonian, Malay and Tagalog */
static void test_more_months_eighth_round(void **state)
{
    (void)state;
    ok("12. marec 2024", "2024-03-12");
    ok("3. julij 2023", "2023-07-03");
    ok("12. märts 2024", "2024-03-12");
    ok("5. detsember 2023", "2023-12-05");
    ok("12 Mac 2024", "2024-03-12");
    ok("12 Ogos 2024", "2024-08-12");
    ok("Marso 12, 2024", "2024-03-12");
    ok("Hunyo 5, 2023", "2023-06-05");
}

static void test_korean_marks(void **state)
{
    (void)state;
    ok("2024년 3월 12일", "2024-03-12");
    ok("2024년 03월 12일 10:30", "2024-03-12T10:30:00");
    found("입력 2024년 3월 12일 (화) 오후 3:20", "2024-03-12", strlen("입력 "));
    found("2025년 8월 3일 · ☕️ 5분", "2025-08-03", 0);
}

static void test_arabic_era_letter(void **state)
{
    (void)state;
    found("الثلاثاء 01/09/1445هـ الموافق 25/03/2024م", "2024-03-25", strlen("الثلاثاء 01/09/1445هـ الموافق "));
    found_hint("الثلاثاء 01/09/1445هـ الموافق 12/03/2024م", PX_ORDER_DMY, "2024-03-12");
    found("12 مارس 2024م", "2024-03-12", 0);
    /* another letter after the digits is still inside a word */
    px_date d;
    assert_false(px_date_find("12/03/2024ب", strlen("12/03/2024ب"), &d, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iso),
        cmocka_unit_test(test_rfc2822),
        cmocka_unit_test(test_month_names),
        cmocka_unit_test(test_numeric),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_parse_fields),
        cmocka_unit_test(test_more_languages),
        cmocka_unit_test(test_more_scripts),
        cmocka_unit_test(test_other_calendars_and_digits),
        cmocka_unit_test(test_japanese_eras),
        cmocka_unit_test(test_thai_indic_digits_tamil_months),
        cmocka_unit_test(test_lenient_iso),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_find_first_steps),
        cmocka_unit_test(test_order_hint),
        cmocka_unit_test(test_two_digit_years),
        cmocka_unit_test(test_find_two_digit_years),
        cmocka_unit_test(test_seventh_round),
        cmocka_unit_test(test_numeric_eras),
        cmocka_unit_test(test_korean_marks),
        cmocka_unit_test(test_more_months_eighth_round),
        cmocka_unit_test(test_arabic_era_letter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
