/* The literal scanner (src/scanner.c): which patterns a subject may match. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>
#include "scanner.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

static void test_scanner_finds_words_any_case(void **state)
{
    (void)state;
    px_litset sets[3];
    assert_true(px_literals(&A, "share|social", false, &sets[0]));
    assert_true(px_literals(&A, "comment", false, &sets[1]));
    sets[2].data = NULL; /* a pattern with no set is never reported */
    px_scanner *sc = px_scanner_new(&A, sets, 3);
    assert_non_null(sc);
    uint64_t hits[1] = {0};
    const char *subj = "post-SHARE-bar comments";
    px_scanner_run(sc, subj, strlen(subj), hits);
    assert_int_equal(hits[0], 3u);
    subj = "entry-content";
    hits[0] = 0;
    px_scanner_run(sc, subj, strlen(subj), hits);
    assert_int_equal(hits[0], 0u);
    subj = "sociable";
    px_scanner_run(sc, subj, strlen(subj), hits);
    assert_int_equal(hits[0], 0u);
    px_scanner_free(sc);
    px_free(&A, sets[0].data);
    px_free(&A, sets[1].data);
}

/* Does the scanner over the one pattern src report subj? */
static bool scan_hits(const char *src, const char *subj)
{
    px_litset set;
    if (!px_literals(&A, src, false, &set))
        fail_msg("no literals for %s", src);
    px_scanner *sc = px_scanner_new(&A, &set, 1);
    assert_non_null(sc);
    uint64_t hits[1] = {0};
    px_scanner_run(sc, subj, strlen(subj), hits);
    px_scanner_free(sc);
    px_free(&A, set.data);
    return hits[0] & 1;
}

static void test_scanner_beyond_ascii(void **state)
{
    (void)state;
    /* Cased letters beyond ASCII are one symbol each, whatever the case. */
    assert_true(scan_hits("реклама", "РЕКЛАМА"));
    assert_true(scan_hits("реклама", "x ÉÉÉÉÉÉÉ y")); /* any seven: a filter, not a match */
    assert_false(scan_hits("реклама", "РЕКЛА МА"));
    assert_true(scan_hits("publicit[ée]|werbung", "Publicité"));
    assert_true(scan_hits("straße", "STRASSE straẞe"));
    assert_false(scan_hits("straße", "STRASSE"));
    /* Characters without case are their own bytes. */
    assert_true(scan_hits("関連記事", "【関連記事】"));
    assert_false(scan_hits("関連記事", "関連ニュース"));
    assert_false(scan_hits("–x", "—x"));
    assert_true(scan_hits("«ad»", "« «AD» »"));
    /* The long s and the Kelvin sign match s and k caselessly. */
    assert_true(scan_hits("share", "\xC5\xBFHARE"));
    assert_true(scan_hits("key", "\xE2\x84\xAA" "ey"));
}

static void test_scanner_boundaries(void **state)
{
    (void)state;
    /* A word wanted at the head of a token is found after the start, white
     * space (any Unicode space), '-' or '_', and nowhere else. */
    assert_true(scan_hits("(?:^|\\s)ad", "ad-slot"));
    assert_true(scan_hits("(?:^|\\s)ad", "top ad"));
    assert_true(scan_hits("(?:^|\\s)ad", "top\xC2\xA0" "AD"));         /* a no-break space */
    assert_true(scan_hits("(?:^|\\s)ad", "top\xE3\x80\x80" "ad"));    /* an ideographic space */
    assert_true(scan_hits("[_-]ad", "x_ad"));
    assert_false(scan_hits("(?:^|\\s)ad", "header shadow"));
    assert_false(scan_hits("(?:^|\\s)ad", ""));
}

/* Past PX_SCAN_ROW_STATES states the rows (16-bit states) go: every
 * step searches trie edges, and the root keeps itself on a miss. The
 * answers stay those of a plain substring search. */
static void test_scanner_without_rows(void **state)
{
    (void)state;
    enum { PATS = 128, WORDS = 60, LEN = 12 };
    px_litset sets[PATS];
    unsigned x = 2463534242u;
    for (int i = 0; i < PATS; i++) {
        sets[i].len = WORDS * (LEN + 1) + 1;
        sets[i].data = px_malloc(&A, sets[i].len);
        assert_non_null(sets[i].data);
        char *w = sets[i].data;
        for (int k = 0; k < WORDS; k++, w += LEN + 1) {
            for (int c = 0; c < LEN; c++) {
                x ^= x << 13, x ^= x >> 17, x ^= x << 5;
                w[c] = (char)('a' + x % 26);
            }
            w[LEN] = '\0';
        }
        *w = '\0';
    }
    px_scanner *sc = px_scanner_new(&A, sets, PATS);
    assert_non_null(sc);
    assert_true(sc->nstates > PX_SCAN_ROW_STATES);
    assert_int_equal(sc->nrows, 0);
    /* subjects: words of a few patterns, upper-cased, among other letters */
    for (int t = 0; t < 20; t++) {
        char subj[256] = "zz ";
        for (int k = 0; k < 3; k++) {
            const char *w = sets[(t * 37 + k * 11) % PATS].data + ((t + k) % WORDS) * (LEN + 1);
            size_t at = strlen(subj);
            for (int c = 0; c < LEN; c++)
                subj[at + (size_t)c] = (char)(w[c] - 32);
            strcpy(subj + at + LEN, k == 1 ? " qq" : "xy");
        }
        uint64_t hits[PATS / 64 + 1] = {0};
        px_scanner_run(sc, subj, strlen(subj), hits);
        char lower[256];
        for (size_t c = 0; c <= strlen(subj); c++)
            lower[c] = (char)(subj[c] >= 'A' && subj[c] <= 'Z' ? subj[c] + 32 : subj[c]);
        int found = 0;
        for (int i = 0; i < PATS; i++) {
            bool want = false;
            for (const char *w = sets[i].data; *w && !want; w += LEN + 1)
                want = strstr(lower, w) != NULL;
            found += want;
            if (want != (bool)(hits[i / 64] >> (i % 64) & 1))
                fail_msg("pattern %d on \"%s\": scanner %d, search %d", i, subj, !want, want);
        }
        assert_true(found >= 1);
    }
    px_scanner_free(sc);
    for (int i = 0; i < PATS; i++)
        px_free(&A, sets[i].data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scanner_finds_words_any_case),
        cmocka_unit_test(test_scanner_beyond_ascii),
        cmocka_unit_test(test_scanner_boundaries),
        cmocka_unit_test(test_scanner_without_rows),
    };
    return cmocka_run_group_tests_name("scanner", tests, setup, NULL);
}
