/* Tests for the bundled rule files: every file in rules/ parses and
 * compiles, and rules/text.rules sorts the example blocks of
 * tests/data/text-cases.tsv into the ones it drops and the ones it keeps.
 *
 * text-cases.tsv holds one case per line, "drop<TAB>text" or
 * "keep<TAB>text"; blank lines and lines starting with '#' are ignored.
 * A failure lists every failing line, so that one run shows how much a
 * change to a pattern broke. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>

#include "parse.h"
#include "rules.h"
#include "text.h"
#include "read_file.h"

#ifndef PITH_SOURCE_ROOT
#error "PITH_SOURCE_ROOT must name the repository root"
#endif

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

/* Loads the named files into rs, failing the test with the parser's own
 * message when one is refused. */
static void load_file(px_ruleset *rs, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/rules/%s", PITH_SOURCE_ROOT, name);
    size_t len;
    char *text = px_read_file(path, &len);
    if (!text)
        fail_msg("cannot read %s", path);
    pith_error err = {0, ""};
    int rc = px_rules_parse(rs, name, text, len, &err);
    free(text);
    if (rc)
        fail_msg("%s refused: %s", name, err.message);
}

/* ------------------------------------------------------------------ */

static int cmp_names(const void *a, const void *b) { return strcmp(a, b); }

/* Names of the rule files in rules/, sorted; returns how many. */
static size_t list_rule_files(char names[][256], size_t cap)
{
    DIR *d = opendir(PITH_SOURCE_ROOT "/rules");
    if (!d)
        fail_msg("cannot open %s/rules", PITH_SOURCE_ROOT);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 6 && len < 256 && !strcmp(e->d_name + len - 6, ".rules") && n < cap)
            snprintf(names[n++], 256, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_names);
    return n;
}

static void test_bundled_files_parse_and_compile(void **state)
{
    (void)state;
    /* Every NAME.rules file in rules/, so that a new one is covered the day it
     * is added; the three the build has always shipped must be there. */
    static char files[64][256];
    size_t nfiles = list_rule_files(files, 64);
    static const char *const required[] = {"structure.rules", "boilerplate.rules", "text.rules"};
    for (size_t r = 0; r < sizeof required / sizeof *required; r++) {
        bool found = false;
        for (size_t i = 0; i < nfiles; i++)
            found |= !strcmp(files[i], required[r]);
        if (!found)
            fail_msg("rules/%s is missing", required[r]);
    }
    /* each on its own, so that a failure names the file... */
    for (size_t i = 0; i < nfiles; i++) {
        px_ruleset *rs = px_rules_new(&A);
        assert_non_null(rs);
        load_file(rs, files[i]);
        pith_error err = {0, ""};
        if (px_rules_compile(rs, &err))
            fail_msg("%s does not compile: %s", files[i], err.message);
        px_rules_free(rs);
    }
    /* ...and all together, the way the extractor loads them */
    px_ruleset *rs = px_rules_new(&A);
    for (size_t i = 0; i < nfiles; i++)
        load_file(rs, files[i]);
    pith_error err = {0, ""};
    if (px_rules_compile(rs, &err))
        fail_msg("the bundled rules do not compile together: %s", err.message);
    px_rules_free(rs);
}

static void test_text_rules_are_text_rules(void **state)
{
    (void)state;
    /* text.rules is meant for blocks' text: an empty file, or one whose
     * rules lost their text~ matchers, would pass the cases below only
     * for the keep lines. */
    px_ruleset *rs = px_rules_new(&A);
    load_file(rs, "text.rules");
    pith_error err = {0, ""};
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    assert_true(px_rules_count(rs) > 0);
    assert_true(px_rules_has_text(rs));
    px_rules_free(rs);
}

static void test_text_cases(void **state)
{
    (void)state;
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    load_file(rs, "text.rules");
    pith_error err = {0, ""};
    if (px_rules_compile(rs, &err))
        fail_msg("text.rules does not compile: %s", err.message);

    /* Text rules look only at the text, but the matcher wants the block's
     * node; any <p> will do. */
    px_doc d;
    assert_int_equal(px_parse(&d, &A, "<p>x</p>", 8, 0, &err), PITH_OK);
    const px_node *p = NULL;
    for (int i = 0; i < d.n && !p; i++)
        if (d.nodes[i].kind == PX_ELEMENT && d.nodes[i].tag == GUMBO_TAG_P)
            p = &d.nodes[i];
    assert_non_null(p);
    px_scratch *s = px_scratch_new(rs, &A);
    assert_non_null(s);

    const char *path = PITH_SOURCE_ROOT "/tests/data/text-cases.tsv";
    size_t len;
    char *data = px_read_file(path, &len);
    if (!data)
        fail_msg("cannot read %s", path);

    int cases = 0, drops = 0, keeps = 0, failures = 0;
    px_buf norm;
    px_buf_init(&norm, &A);
    int lineno = 0;
    for (char *line = data; line < data + len;) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        char *end = nl ? nl : data + len;
        char *next = nl ? nl + 1 : data + len;
        lineno++;
        if (end > line && end[-1] == '\r')
            end--;
        *end = '\0';
        if (line == end || line[0] == '#') {
            line = next;
            continue;
        }
        char *tab = strchr(line, '\t');
        bool want_drop = tab && tab - line == 4 && !memcmp(line, "drop", 4);
        bool want_keep = tab && tab - line == 4 && !memcmp(line, "keep", 4);
        if (!want_drop && !want_keep) {
            print_error("text-cases.tsv:%d: malformed line (want drop|keep, TAB, text): %s\n",
                        lineno, line);
            failures++;
            line = next;
            continue;
        }
        /* The extractor hands the rules normalised text: white space folded
         * into single spaces, none at either end. Do the same here so that
         * a stray space in the file tests what pith would see. */
        const char *text = tab + 1;
        norm.len = 0;
        bool pending = false;
        px_append_folded(&norm, text, strlen(text), &pending);
        px_buf_rtrim(&norm);
        assert_false(norm.oom);

        px_verdict v = {false, 0, -1, -1};
        px_rules_match_text(rs, s, p, norm.data ? norm.data : "", norm.len, &v);
        cases++;
        drops += want_drop;
        keeps += want_keep;
        if (v.drop != want_drop) {
            char where[256] = "-";
            if (v.drop)
                px_rules_where(rs, v.drop_rule, where, sizeof where);
            print_error("text-cases.tsv:%d: want %s, got %s%s: %s\n", lineno,
                        want_drop ? "drop" : "keep", v.drop ? "drop by " : "keep",
                        v.drop ? where : "", text);
            failures++;
        }
        line = next;
    }
    px_buf_free(&norm);
    free(data);
    px_scratch_free(s);
    px_doc_free(&d);
    px_rules_free(rs);

    print_message("text-cases.tsv: %d cases (%d drop, %d keep), %d failing\n", cases, drops,
                  keeps, failures);
    /* A file with no cases of one kind tests only half of the rules. */
    if (!drops || !keeps)
        fail_msg("text-cases.tsv needs both drop and keep cases (%d drop, %d keep)", drops, keeps);
    if (failures)
        fail_msg("%d of %d text cases failed (listed above)", failures, cases);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled_files_parse_and_compile),
        cmocka_unit_test(test_text_rules_are_text_rules),
        cmocka_unit_test(test_text_cases),
    };
    return cmocka_run_group_tests_name("patterns", tests, setup, NULL);
}
