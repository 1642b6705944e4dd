/* The bundled rules as C data (rules/rulegen.c, src/rules_impl.h): the
 * image is what parsing and compiling the files in rules/ gives, its
 * patterns load, a pattern whose compiled form PCRE2 refuses is compiled
 * from its source instead, and user rules go on top of it. */
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
#include "rules_impl.h"
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

static int cmp_names(const void *a, const void *b) { return strcmp(a, b); }

/* The bundled files parsed and compiled as a user's would be, in the
 * order and under the names the build gives them. */
static px_ruleset *parse_bundled(void)
{
    static char names[64][256];
    size_t n = 0;
    DIR *d = opendir(PITH_SOURCE_ROOT "/rules");
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 6 && len < 200 && !strcmp(e->d_name + len - 6, ".rules") && n < 64)
            snprintf(names[n++], 256, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_names);
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    for (size_t i = 0; i < n; i++) {
        char path[512], name[300];
        snprintf(path, sizeof path, "%s/rules/%s", PITH_SOURCE_ROOT, names[i]);
        snprintf(name, sizeof name, "rules/%s", names[i]);
        size_t len = 0;
        char *text = px_read_file(path, &len);
        assert_non_null(text);
        pith_error err = {0, ""};
        int rc = px_rules_parse(rs, name, text, len, &err);
        free(text);
        if (rc)
            fail_msg("%s", err.message);
    }
    pith_error err = {0, ""};
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    return rs;
}

static bool same_str(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* Two '\0'-separated lists that end with an empty string. */
static bool same_list(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    for (;;) {
        if (strcmp(a, b))
            return false;
        if (!*a)
            return true;
        a += strlen(a) + 1;
        b += strlen(b) + 1;
    }
}

/* The string at offset off of an image's matchers' pool, or NULL. */
static const char *img_str(const px_rules_image *img, uint32_t off) { return off ? img->mstrings + off : NULL; }

/* The n-th string of a '\0'-separated list. */
static const char *nth(const char *l, int n)
{
    while (n--)
        l += strlen(l) + 1;
    return l;
}

static void test_image_is_the_parsed_files(void **state)
{
    (void)state;
    px_ruleset *rs = parse_bundled();
    const px_rules_image *img = &px_builtin_image;
    assert_int_equal(img->nfiles, rs->nfiles);
    for (int i = 0; i < rs->nfiles; i++)
        assert_string_equal(nth(img->files, i), rs->files[i]);
    assert_int_equal(img->nrules, rs->nrules);
    for (int i = 0; i < rs->nrules; i++) {
        const rule *a = &img->rules[i], *b = &rs->rules[i];
        int at = a->first;
        /* no pointer in the image's rules: first says where their matchers are */
        assert_null(a->m);
        assert_true(a->drop == b->drop && a->score == b->score && a->text == b->text);
        assert_int_equal(a->file, b->file);
        assert_int_equal(a->line, b->line);
        assert_int_equal(a->nm, b->nm);
        for (int j = 0; j < a->nm; j++) {
            const matcher *x = &img->matchers[at + j], *y = &b->m[j];
            assert_int_equal(x->kind, y->kind);
            assert_true(x->negate == y->negate);
            assert_true(same_str(img_str(img, x->name), px_mstr(rs, y->name)));
            assert_true(same_str(img_str(img, x->value), px_mstr(rs, y->value)));
            assert_int_equal(x->pat, y->pat);
            assert_int_equal(x->maxlen, y->maxlen);
            assert_memory_equal(x->tags, y->tags, sizeof x->tags);
            assert_true(same_list(img_str(img, x->tagnames), px_mstr(rs, y->tagnames)));
        }
    }
    /* the pool is the parsed files' whole, offset 0 none (some matchers
     * name an attribute, a value or a tag Gumbo does not know) */
    assert_int_equal(img->mstrings_len, rs->mstr_len);
    assert_memory_equal(img->mstrings, rs->mstr, rs->mstr_len);
    assert_true(img->mstrings_len > 1 && img->mstrings[0] == '\0');
    assert_int_equal(img->npats, rs->npats);
    for (int i = 0; i < rs->npats; i++) {
        assert_string_equal(px_image_src(img, i), rs->texts[i].src);
        assert_int_equal(img->pats[i].flags, rs->texts[i].flags);
        assert_true(same_list(px_image_lits(img, i), rs->texts[i].lits));
    }
    /* the summary of the text rules that compile takes from the image */
    assert_int_equal(img->text.cap, rs->text.cap);
    assert_true(img->text.uncapped == rs->text.uncapped && img->text.has_text == rs->text.has_text &&
                img->text.text_only == rs->text.text_only);
    assert_true(img->text.has_text && img->text.cap > 0);
    /* and the tags its rules drop every one of (the pre-parse pass asks) */
    assert_memory_equal(img->drops_every, rs->drops_every, sizeof img->drops_every);
    assert_int_equal(img->nkeys, rs->nkeys);
    for (int k = 0; k < rs->nkeys; k++)
        assert_string_equal(nth(img->keys, k), rs->keys[k]);
    /* The scanner finds what one built now finds. */
    const char *subjects[] = {"post-SHARE-bar comments", "entry-content", "Реклама", "【関連記事】",
                              "Advertisement", "you might also like", "\xC5\xBFhare"};
    size_t words = (size_t)rs->npats / 64 + 1;
    uint64_t *h1 = calloc(words, sizeof *h1), *h2 = calloc(words, sizeof *h2);
    for (size_t s = 0; s < sizeof subjects / sizeof *subjects; s++) {
        memset(h1, 0, words * sizeof *h1);
        memset(h2, 0, words * sizeof *h2);
        px_scanner_run(img->scan, subjects[s], strlen(subjects[s]), h1);
        px_scanner_run(rs->scan, subjects[s], strlen(subjects[s]), h2);
        assert_memory_equal(h1, h2, words * sizeof *h1);
    }
    free(h1);
    free(h2);
    px_rules_free(rs);
}

static void test_image_patterns_load(void **state)
{
    (void)state;
    /* The build's PCRE2 is the one linked here: every compiled form reads
     * back as the same pattern. */
    const px_rules_image *img = &px_builtin_image;
    px_alloc a;
    px_alloc_init(&a, NULL);
    /* the bytes every form begins with are kept once (PCRE2's tables) */
    assert_true(img->blob_head_len > 1000);
    for (int i = 0; i < img->npats; i++) {
        pcre2_code *code = NULL;
        assert_non_null(px_image_blob(img, i));
        unsigned char *whole = px_malloc(&a, px_image_form_len(img, i));
        assert_non_null(whole);
        px_image_form(img, i, whole);
        assert_memory_equal(whole, img->blob_head, img->blob_head_len);
        assert_int_equal(pcre2_serialize_decode(&code, 1, whole, NULL), 1);
        px_free(&a, whole);
        int ec;
        PCRE2_SIZE off;
        pcre2_code *fresh = pcre2_compile((PCRE2_SPTR)px_image_src(img, i), PCRE2_ZERO_TERMINATED,
                                          img->pats[i].flags, &ec, &off, NULL);
        assert_non_null(fresh);
        size_t got = 0, want = 1;
        pcre2_pattern_info(code, PCRE2_INFO_SIZE, &got);
        pcre2_pattern_info(fresh, PCRE2_INFO_SIZE, &want);
        assert_int_equal(got, want);
        pcre2_code_free(code);
        pcre2_code_free(fresh);
    }
}

/* Every bundled pattern has words the scanner gates it on: one without
 * (words only inside look-aheads, say) runs, interpreted, on every subject
 * its rule reaches, and one such text rule made a 7 KB page 2.6 times as
 * slow to start (bench/RESULTS.md, third round). rules/README.md says how
 * to write such a pattern instead. */
static void test_image_patterns_are_gated(void **state)
{
    (void)state;
    const px_rules_image *img = &px_builtin_image;
    int ungated = 0;
    for (int i = 0; i < img->npats; i++)
        if (!px_image_lits(img, i)) {
            print_error("bundled pattern without required words: /%s/\n", px_image_src(img, i));
            ungated++;
        }
    assert_int_equal(ungated, 0);
}

/* The prefilter only rules out subjects a pattern cannot match: every
 * bundled pattern against the blocks of tests/data/text-cases.tsv, in their
 * case and in upper case, and against class names. */
static void test_prefilter_keeps_every_match(void **state)
{
    (void)state;
    size_t len = 0;
    char *data = px_read_file(PITH_SOURCE_ROOT "/tests/data/text-cases.tsv", &len);
    assert_non_null(data);
    static const char *const classes[] = {
        "post-share-buttons", "entry-content", "sidebar-widget widget_recent_entries",
        "ad ad-slot", "td-post-content tagdiv-type", "c-related__list", "Werbung", "nav-menu",
        "social-icons", "comments-area", "skip-link screen-reader-text",
    };
    const px_rules_image *img = &px_builtin_image;
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    size_t words = (size_t)img->npats / 64 + 1;
    uint64_t *hits = calloc(words, sizeof *hits);
    pcre2_code **codes = calloc((size_t)img->npats, sizeof *codes);
    assert_true(md && hits && codes);
    px_alloc a;
    px_alloc_init(&a, NULL);
    for (int i = 0; i < img->npats; i++) {
        unsigned char *whole = px_malloc(&a, px_image_form_len(img, i));
        assert_non_null(whole);
        px_image_form(img, i, whole);
        assert_int_equal(pcre2_serialize_decode(&codes[i], 1, whole, NULL), 1);
        px_free(&a, whole);
    }
    int subjects = 0, matches = 0;
    char *line = data, *end = data + len;
    size_t nclass = 0;
    while (line < end || nclass < sizeof classes / sizeof *classes) {
        char buf[2048];
        const char *subj;
        if (line < end) {
            char *nl = memchr(line, '\n', (size_t)(end - line));
            char *le = nl ? nl : end;
            char *tab = memchr(line, '\t', (size_t)(le - line));
            size_t n = tab ? (size_t)(le - tab - 1) : 0;
            line = nl ? nl + 1 : end;
            if (!tab || n >= sizeof buf)
                continue;
            memcpy(buf, tab + 1, n);
            buf[n] = '\0';
            subj = buf;
        } else {
            subj = classes[nclass++];
        }
        for (int variant = 0; variant < 2; variant++) {
            char up[2048];
            size_t n = strlen(subj);
            memcpy(up, subj, n + 1);
            for (size_t k = 0; variant && k < n; k++)
                up[k] = up[k] >= 'a' && up[k] <= 'z' ? (char)(up[k] - 32) : up[k];
            memset(hits, 0, words * sizeof *hits);
            px_scanner_run(img->scan, up, n, hits);
            subjects++;
            for (int i = 0; i < img->npats; i++) {
                if (pcre2_match(codes[i], (PCRE2_SPTR)up, n, 0, 0, md, NULL) < 0)
                    continue;
                matches++;
                if (px_image_lits(img, i) && !(hits[i / 64] >> (i % 64) & 1))
                    fail_msg("pattern %d matches \"%s\" but the prefilter rules it out", i, up);
            }
        }
    }
    print_message("%d subjects, %d matches, none ruled out\n", subjects, matches);
    assert_true(matches > 100);
    for (int i = 0; i < img->npats; i++)
        pcre2_code_free(codes[i]);
    free(codes);
    free(hits);
    pcre2_match_data_free(md);
    free(data);
}

/* An element's verdict under rs. */
static px_verdict verdict(const px_ruleset *rs, const char *html)
{
    px_doc d;
    pith_error err = {0, ""};
    assert_int_equal(px_parse(&d, &A, html, strlen(html), 0, &err), PITH_OK);
    px_scratch *s = px_scratch_new(rs, &A);
    assert_non_null(s);
    px_verdict v = {false, 0, -1, -1};
    for (int i = 0; i < d.n; i++) {
        const char *id = px_attr(&d.nodes[i], "id");
        if (id && !strcmp(id, "x"))
            px_rules_match_element(rs, s, &d.nodes[i], &v);
    }
    assert_false(px_scratch_failed(s));
    px_scratch_free(s);
    px_doc_free(&d);
    return v;
}

static void test_refused_compiled_form_falls_back_to_source(void **state)
{
    (void)state;
    /* A copy of the image whose patterns all carry a compiled form that
     * PCRE2 refuses (as one of another version would). */
    const px_rules_image *img = &px_builtin_image;
    px_image_pattern *pats = calloc((size_t)img->npats, sizeof *pats);
    assert_non_null(pats);
    static const _Alignas(16) unsigned char bad[64] = {1, 2, 3, 4};
    for (int i = 0; i < img->npats; i++) {
        pats[i] = img->pats[i];
        pats[i].blob = 0;
        pats[i].blob_len = sizeof bad;
    }
    px_rules_image copy = *img;
    copy.pats = pats;
    copy.blobs = bad;
    /* another PCRE2 refuses the header, which the forms share */
    copy.blob_head = bad;
    copy.blob_head_len = 16;
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_add_image(rs, &copy, &err), PITH_OK);
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    px_verdict v = verdict(rs, "<div id=x class='share-buttons'>Share</div>");
    assert_true(v.drop);
    v = verdict(rs, "<div id=x class='entry-content'>Text</div>");
    assert_false(v.drop);
    px_rules_free(rs);
    free(pats);
}

/* A rule file's bare tag list adds its tags to those the image's rules
 * drop every one of. */
static void test_user_drops_every_on_top(void **state)
{
    (void)state;
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_add_image(rs, &px_builtin_image, &err), PITH_OK);
    const char *mine = "drop tag=blink\n";
    assert_int_equal(px_rules_parse(rs, "mine.rules", mine, strlen(mine), &err), PITH_OK);
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    assert_false(px_builtin_image.drops_every[GUMBO_TAG_BLINK / 32] >> (GUMBO_TAG_BLINK % 32) & 1);
    assert_true(px_rules_drops_every(rs, GUMBO_TAG_BLINK));
    assert_true(px_rules_drops_every(rs, GUMBO_TAG_SVG)); /* the image's */
    px_rules_free(rs);
}

static void test_user_rules_go_on_top(void **state)
{
    (void)state;
    px_ruleset *rs = px_rules_new(&A);
    pith_error err = {0, ""};
    assert_int_equal(px_rules_add_image(rs, &px_builtin_image, &err), PITH_OK);
    /* the image's rules and their strings are read in place until a file
     * adds to them */
    assert_ptr_equal(rs->rules, px_builtin_image.rules);
    assert_ptr_equal(rs->mstr, px_builtin_image.mstrings);
    /* a new pattern, and one the image already has (shared, not copied) */
    const char *mine = "drop idclass~/(?:^|\\s)zebra-box(?:\\s|$)/\n"
                       "+5 attr=data-x~/^ok$/\n";
    assert_int_equal(px_rules_parse(rs, "mine.rules", mine, strlen(mine), &err), PITH_OK);
    assert_int_equal(px_rules_parse(rs, "again.rules", mine, strlen(mine), &err), PITH_OK);
    assert_int_equal(px_rules_count(rs), (size_t)px_builtin_image.nrules + 4);
    assert_ptr_not_equal(rs->rules, px_builtin_image.rules);
    /* the strings copied, the image's offsets still theirs, the file's after */
    assert_ptr_not_equal(rs->mstr, px_builtin_image.mstrings);
    assert_memory_equal(rs->mstr, px_builtin_image.mstrings, px_builtin_image.mstrings_len);
    const matcher *data_x = NULL;
    for (int r = px_builtin_image.nrules; r < rs->nrules && !data_x; r++)
        for (int j = 0; j < rs->rules[r].nm; j++)
            if (rs->rules[r].m[j].kind == M_ATTR_RE)
                data_x = &rs->rules[r].m[j];
    assert_non_null(data_x);
    assert_string_equal(px_mstr(rs, data_x->name), "data-x");
    assert_true(data_x->name >= px_builtin_image.mstrings_len);
    assert_ptr_equal(px_rule_m(rs, &rs->rules[0]), px_builtin_image.matchers + px_builtin_image.rules[0].first);
    /* and one written as the image has it: found there, no new pattern */
    const px_rules_image *img = &px_builtin_image;
    int same = -1;
    for (int i = 0; i < img->npats && same < 0; i++)
        if (img->pats[i].flags == (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS) &&
            !strpbrk(px_image_src(img, i), "/\n") && strlen(px_image_src(img, i)) < 200)
            same = i;
    assert_true(same >= 0);
    char theirs[256];
    snprintf(theirs, sizeof theirs, "+1 text~/%s/i\n", px_image_src(img, same));
    assert_int_equal(px_rules_parse(rs, "theirs.rules", theirs, strlen(theirs), &err), PITH_OK);
    assert_int_equal(rs->rules[rs->nrules - 1].m[0].pat, same);
    assert_int_equal(rs->npats, img->npats + 2);
    assert_int_equal(px_rules_compile(rs, &err), PITH_OK);
    /* the image's summary of its text rules, with the file's text rule
     * (no maxlen) on top: any length may now match */
    assert_true(img->text.cap > 0 && !img->text.uncapped);
    assert_true(px_rules_has_text(rs));
    assert_int_equal(px_rules_text_cap(rs), 0);
    /* the image's tags dropped whole, none of the file's (no rule of its
     * is a bare tag list) */
    assert_memory_equal(rs->drops_every, img->drops_every, sizeof img->drops_every);
    /* the image's patterns read in place, the file's from the rule set */
    for (int i = 0; i < img->npats; i++) {
        assert_ptr_equal(px_pat_src(rs, i), px_image_src(img, i));
        assert_ptr_equal(px_pat_lits(rs, i), px_image_lits(img, i));
        assert_ptr_equal(px_pat_head(rs, i), px_image_head(img, i));
        assert_ptr_equal(px_pat_blob(rs, i), px_image_blob(img, i));
        assert_int_equal(px_pat_flags(rs, i), img->pats[i].flags);
    }
    assert_string_equal(px_pat_src(rs, img->npats), "(?:^|\\s)zebra-box(?:\\s|$)");
    assert_string_equal(px_pat_src(rs, img->npats + 1), "^ok$");
    assert_null(px_pat_blob(rs, img->npats));
    assert_non_null(px_pat_lits(rs, img->npats)); /* "zebra-box", for the scanner */
    assert_non_null(px_pat_head(rs, img->npats + 1)); /* anchored */
    px_verdict v = verdict(rs, "<div id=x class='a zebra-box'>x</div>");
    assert_true(v.drop);
    char where[64];
    px_rules_where(rs, v.drop_rule, where, sizeof where);
    assert_string_equal(where, "mine.rules:1");
    v = verdict(rs, "<div id=x data-x=ok>x</div>");
    assert_int_equal(v.score, 10);
    v = verdict(rs, "<div id=x class='share-buttons'>Share</div>");
    assert_true(v.drop);
    px_rules_where(rs, v.drop_rule, where, sizeof where);
    assert_true(!strncmp(where, "rules/boilerplate.rules:", 24));
    /* an image comes first or not at all */
    assert_int_equal(px_rules_add_image(rs, &px_builtin_image, &err), PITH_ERR_USAGE);
    px_rules_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_image_is_the_parsed_files),
        cmocka_unit_test(test_image_patterns_load),
        cmocka_unit_test(test_image_patterns_are_gated),
        cmocka_unit_test(test_prefilter_keeps_every_match),
        cmocka_unit_test(test_refused_compiled_form_falls_back_to_source),
        cmocka_unit_test(test_user_rules_go_on_top),
        cmocka_unit_test(test_user_drops_every_on_top),
    };
    return cmocka_run_group_tests_name("image", tests, setup, NULL);
}
