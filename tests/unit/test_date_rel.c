/* Tests for src/date_rel.c: relative datelines in the languages of #2,
 * counted back from the time the page was fetched, and nothing without
 * one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

/* Fetched on Wednesday 2024-03-06 at 09:30 in Berlin. */
static const char *const REF = "2024-03-06T09:30:00+01:00";

static void rel(const char *text, const char *want, size_t want_at)
{
    px_date ref, d;
    char out[PX_DATE_MAX];
    size_t at = 999;
    assert_true(px_date_parse(REF, strlen(REF), &ref));
    if (!px_date_relative(text, strlen(text), &ref, &d, &at))
        fail_msg("'%s' gave no date, want %s", text, want);
    px_date_format(&d, out);
    if (strcmp(out, want) || at != want_at)
        fail_msg("'%s' gave %s at %zu, want %s at %zu", text, out, at, want, want_at);
}

static void none(const char *text)
{
    px_date ref, d;
    assert_true(px_date_parse(REF, strlen(REF), &ref));
    if (px_date_relative(text, strlen(text), &ref, &d, NULL)) {
        char out[PX_DATE_MAX];
        px_date_format(&d, out);
        fail_msg("'%s' gave %s, want none", text, out);
    }
}

static void test_languages(void **state)
{
    (void)state;
    rel("2 days ago", "2024-03-04", 0);
    rel("Posted 3 hours ago", "2024-03-06T06:30:00+01:00", 7);
    rel("an hour ago", "2024-03-06T08:30:00+01:00", 0);
    rel("vor 3 Stunden", "2024-03-06T06:30:00+01:00", 0);
    rel("Aktualisiert vor einer Woche", "2024-02-28", 13);
    rel("hace 2 días", "2024-03-04", 0);
    rel("il y a 2 jours", "2024-03-04", 0);
    rel("há 10 minutos", "2024-03-06T09:20:00+01:00", 0);
    rel("2 giorni fa", "2024-03-04", 0);
    rel("3 dagen geleden", "2024-03-03", 0);
    rel("3 часа назад", "2024-03-06T06:30:00+01:00", 0);
    rel("5 dni temu", "2024-03-01", 0);
    rel("3天前", "2024-03-03", 0);
    rel("2時間前", "2024-03-06T07:30:00+01:00", 0);
    rel("Gestern, 10:12 Uhr", "2024-03-05", 0);
    rel("昨天 14:30", "2024-03-05", 0);
    rel("ayer", "2024-03-05", 0);
}

/* Back over a month's, a year's and a leap day's end. */
static void test_calendar(void **state)
{
    (void)state;
    rel("10 hours ago", "2024-03-05T23:30:00+01:00", 0);
    rel("6 days ago", "2024-02-29", 0);
    rel("1 month ago", "2024-02-06", 0);
    rel("vor 2 Jahren", "2022-03-06", 0);
    rel("il y a 70 jours", "2023-12-27", 0);
    assert_int_equal(px_date_days(1970, 1, 1), 0);
    assert_int_equal(px_date_days(2024, 3, 1) - px_date_days(2024, 2, 28), 2);
}

/* Nothing without a reference, nor where a word only looks like one. */
static void test_not_relative(void **state)
{
    (void)state;
    px_date d;
    assert_false(px_date_relative("2 days ago", 10, NULL, &d, NULL));
    none("Hier 3 Tipps für den Garten");
    none("Today's Paper: 2 days of rain");
    none("a 3 day trip");
    none("3 days of rain ago");
    none("vorne 3 Stunden");
    none("12 dayslong");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_languages),
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_not_relative),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
