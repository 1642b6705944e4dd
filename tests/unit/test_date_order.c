/* Tests for src/date_order.c: the order of numeric dates by language and
 * region. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "date.h"

static void test_regions_first(void **state)
{
    (void)state;
    assert_int_equal(px_date_order_of("en-US"), PX_ORDER_MDY);
    assert_int_equal(px_date_order_of("en_us"), PX_ORDER_MDY);
    assert_int_equal(px_date_order_of("en-GB"), PX_ORDER_DMY);
    assert_int_equal(px_date_order_of("en-GB-oxendict"), PX_ORDER_DMY);
    assert_int_equal(px_date_order_of("EN-AU"), PX_ORDER_DMY);
    /* English alone, Canada, and a region not listed say nothing */
    assert_int_equal(px_date_order_of("en"), PX_ORDER_NONE);
    assert_int_equal(px_date_order_of("en-CA"), PX_ORDER_NONE);
    assert_int_equal(px_date_order_of("en-ZZ"), PX_ORDER_NONE);
}

static void test_languages(void **state)
{
    (void)state;
    static const char *const dmy[] = {"de", "de-AT", "fr-CA", "es-MX", "it", "pt-BR", "pt-PT",
                                      "nl-BE", "ru", "pl", "sv", "tr"};
    for (size_t k = 0; k < sizeof dmy / sizeof *dmy; k++)
        assert_int_equal(px_date_order_of(dmy[k]), PX_ORDER_DMY);
    assert_int_equal(px_date_order_of("ja"), PX_ORDER_YMD);
    assert_int_equal(px_date_order_of("zh-Hant-TW"), PX_ORDER_YMD);
    assert_int_equal(px_date_order_of("ko-KR"), PX_ORDER_YMD);
    assert_int_equal(px_date_order_of("hu"), PX_ORDER_YMD);
    assert_int_equal(px_date_order_of("xx"), PX_ORDER_NONE);
    assert_int_equal(px_date_order_of(""), PX_ORDER_NONE);
    assert_int_equal(px_date_order_of(NULL), PX_ORDER_NONE);
    /* a tag longer than any in the table is cut, not overrun */
    assert_int_equal(px_date_order_of("de-DE-1901-x-private-use-long"), PX_ORDER_DMY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regions_first),
        cmocka_unit_test(test_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
