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
        cmocka_unit_test(test_lenient_iso),
        cmocka_unit_test(test_find),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
