/* lang.c and lang_cld2.c (CLD2 through src/util/dynlib.c): the language of a text, and tags compared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "lang.h"

static const char *detect(const char *s) { return px_lang_detect(s, strlen(s)); }

/* Two or three sentences, as a short news item gives: the ten languages
 * of the boilerplate work and more. */
static void test_short_texts(void **state)
{
    (void)state;
    static const struct { const char *text, *lang; } cases[] = {
        {"The harbour authority opened the new northern quay on Tuesday, after three years of "
         "dredging and construction work.", "en"},
        {"Die Hafenbehörde hat am Dienstag den neuen Nordkai eröffnet, nach drei Jahren Bauzeit "
         "und vielen Verzögerungen.", "de"},
        {"L'autorité portuaire a inauguré mardi le nouveau quai nord, après trois années de "
         "dragage et de travaux.", "fr"},
        {"La autoridad portuaria inauguró el martes el nuevo muelle norte, tras tres años de "
         "dragado y obras de construcción.", "es"},
        {"L'autorità portuale ha inaugurato martedì il nuovo molo nord, dopo tre anni di lavori "
         "di dragaggio e costruzione.", "it"},
        {"A autoridade portuária inaugurou na terça-feira o novo cais norte, depois de três anos "
         "de dragagem e obras.", "pt"},
        {"Het havenbedrijf heeft dinsdag de nieuwe noordkade geopend, na drie jaar baggeren en "
         "bouwwerkzaamheden.", "nl"},
        {"Портовое управление во вторник открыло новый северный причал после трёх лет "
         "дноуглубительных и строительных работ.", "ru"},
        {"港务局周二启用了新的北码头，此前经过了三年的疏浚和建设工程，费用远超预期。", "zh"},
        {"港湾当局は火曜日、3年間にわたるしゅんせつと建設工事を経て、新しい北岸壁を開設した。", "ja"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *got = detect(cases[i].text);
        assert_non_null(got);
        assert_true(px_lang_same(got, cases[i].lang));
    }
}

/* Too little to tell, or nothing: no answer rather than a guess. */
static void test_unknown(void **state)
{
    (void)state;
    assert_null(detect(""));
    assert_null(px_lang_detect(NULL, 0));
    assert_null(detect("12 345 678 !!! ???"));
}

/* A long text is cut inside the limit without splitting a character. */
static void test_long_text(void **state)
{
    (void)state;
    const char *s = "Die Hafenbehörde hat am Dienstag den neuen Nordkai eröffnet. ";
    size_t n = strlen(s), total = 0;
    char *big = malloc(200 * 1024);
    assert_non_null(big);
    while (total + n < 200 * 1024) {
        memcpy(big + total, s, n);
        total += n;
    }
    const char *got = px_lang_detect(big, total);
    free(big);
    assert_non_null(got);
    assert_string_equal(got, "de");
}

static void test_same(void **state)
{
    (void)state;
    assert_true(px_lang_same("en-US", "en"));
    assert_true(px_lang_same("EN_gb", "en-AU"));
    assert_true(px_lang_same("zh-Hant", "zh"));
    assert_false(px_lang_same("en", "eng"));
    assert_false(px_lang_same("de", "en"));
    assert_false(px_lang_same("", ""));
    assert_false(px_lang_same(NULL, "en"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_texts),
        cmocka_unit_test(test_unknown),
        cmocka_unit_test(test_long_text),
        cmocka_unit_test(test_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
