/* Required literals (src/literal.c): what the prefilter may assume. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "literal.h"

static px_alloc A;

static int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}


/* The literal set of src joined with '|', or "-" when there is none. */
static const char *lits(const char *src, char *buf, size_t cap)
{
    px_litset s;
    if (!px_literals(&A, src, false, &s))
        return "-";
    /* The two special symbols shown as "~" (a character with case beyond
     * ASCII) and "^" (a boundary). */
    buf[0] = '\0';
    for (const char *t = s.data; *t; t += strlen(t) + 1) {
        if (buf[0])
            strncat(buf, "|", cap - strlen(buf) - 1);
        for (const char *q = t; *q; q++) {
            char one[2] = {*q == PX_LIT_WIDE ? '~' : *q == PX_LIT_BOUND ? '^' : *q, '\0'};
            strncat(buf, one, cap - strlen(buf) - 1);
        }
    }
    px_free(&A, s.data);
    return buf;
}

static void test_word_alternations(void **state)
{
    (void)state;
    char b[256];
    /* What follows "(?<![^\s_-])" is at the head of a token. */
    assert_string_equal(lits("(?<![^\\s_-])(?:share|sharing|Social)(?![^\\s_-])", b, sizeof b),
                        "^share|^sharing|^social");
    assert_string_equal(lits("^also\\s+read", b, sizeof b), "^also");
    /* An optional character inside a run continues it both ways. */
    assert_string_equal(lits("comments?-area", b, sizeof b), "comment^area|comments^area");
    assert_string_equal(lits("(?:^|\\s)(?:post-?nav|x)", b, sizeof b), "^postnav|^post^nav|^x");
    assert_string_equal(lits("ab-??cd", b, sizeof b), "abcd|ab^cd"); /* lazy, the same */
    /* At the end of a run it adds nothing: "ads" holds "ad". */
    assert_string_equal(lits("ads?", b, sizeof b), "ad");
    assert_string_equal(lits("xy[ab]?", b, sizeof b), "xy");
    assert_string_equal(lits("ad(?:slot|unit)s?", b, sizeof b), "slot|unit");
    assert_string_equal(lits("foo+bar", b, sizeof b), "foo"); /* "foo" then "bar": the first of equals */
}

static void test_classes_of_plain_characters(void **state)
{
    (void)state;
    char b[256];
    /* A class of a few characters multiplies the run it is in. */
    assert_string_equal(lits("^[Pp]revious\\s", b, sizeof b), "^previous");
    assert_string_equal(lits("^r[ée]agir$", b, sizeof b), "^r~agir|^reagir");
    assert_string_equal(lits("[评評][论論]", b, sizeof b), "评论|评論|評论|評論");
    assert_string_equal(lits("x[-_]y", b, sizeof b), "x^y");
    /* Ranges, escapes and negation are not read: the run ends there. */
    assert_string_equal(lits("abc[a-z]de", b, sizeof b), "abc");
    assert_string_equal(lits("ab[\\s.]cde", b, sizeof b), "cde");
    assert_string_equal(lits("ab[^x]cde", b, sizeof b), "cde");
    /* Past 16 strings a new run starts at the class: "[ij]k" here, which
     * is shorter than the 16 before it. */
    assert_string_equal(lits("[ab][cd][ef][gh][ij]k", b, sizeof b),
                        "aceg|aceh|acfg|acfh|adeg|adeh|adfg|adfh|bceg|bceh|bcfg|bcfh|bdeg|bdeh|"
                        "bdfg|bdfh");
}

static void test_boundaries(void **state)
{
    (void)state;
    char b[256];
    /* The vocabulary patterns of boilerplate.rules: a word at the head of
     * a token, or after a '-' or '_' inside one. */
    assert_string_equal(lits("(?:^|\\s)(?:\\S*?[_-])?(?<!no-)(?:ads?|promo)(?=\\s|$)", b, sizeof b),
                        "^ad|^promo");
    assert_string_equal(lits("x(?:^|\\s)?ad", b, sizeof b), "ad");  /* optional: no */
    assert_string_equal(lits("(?:^|a)ad", b, sizeof b), "ad");         /* one branch: no */
    assert_string_equal(lits("\\sad|x-y|a b", b, sizeof b), "^ad|x^y|a^b");
    assert_string_equal(lits("(?<![^a-z])ad", b, sizeof b), "ad");     /* not a boundary class */
}

static void test_unreadable_or_optional_patterns_have_none(void **state)
{
    (void)state;
    char b[256];
    assert_string_equal(lits("(?:a|\\w+)", b, sizeof b), "-");   /* a branch without one */
    assert_string_equal(lits("(ab)\\1", b, sizeof b), "-");      /* back reference */
    assert_string_equal(lits("\\Qa.b\\E", b, sizeof b), "-");    /* quoting */
    assert_string_equal(lits("(?x) a b", b, sizeof b), "-");     /* extended mode */
    assert_string_equal(lits("x?y*", b, sizeof b), "-");         /* all optional */
    assert_string_equal(lits("(?<*x)abc", b, sizeof b), "-");    /* non-atomic lookbehind */
    /* A comment is nothing: the quantifier after it is the atom's. */
    assert_string_equal(lits("ab](?#c)?", b, sizeof b), "ab");
    /* "[:" is a POSIX class only if ":]" comes before any ']' */
    assert_string_equal(lits("[[:]ab", b, sizeof b), "ab");
    assert_string_equal(lits("[[:alpha:]]ab", b, sizeof b), "ab");
    assert_string_equal(lits("[a-z]+", b, sizeof b), "-");
    px_litset s;
    assert_false(px_literals(&A, "abc", true, &s));
}


/* ---- what the scanner assumes of PCRE2's caseless matching ----------- */

static int utf8_put(uint32_t c, unsigned char *o)
{
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 63));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | (c >> 6 & 63));
        o[2] = (unsigned char)(0x80 | (c & 63));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | (c >> 12 & 63));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 63));
    o[3] = (unsigned char)(0x80 | (c & 63));
    return 4;
}

static pcre2_code *compile_ucp(const char *src, bool caseless)
{
    int ec;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0), &ec,
                                   &off, NULL);
    if (!re)
        fail_msg("cannot compile %.60s (error %d at %zu)", src, ec, (size_t)off);
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* only faster; fine if absent */
    return re;
}

static bool matches_cp(const pcre2_code *re, pcre2_match_data *md, uint32_t c)
{
    unsigned char b[4];
    int n = utf8_put(c, b);
    return pcre2_match(re, b, (PCRE2_SIZE)n, 0, 0, md, NULL) >= 0;
}

static bool surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

/* The characters px_lit_nocase names as a PCRE2 class, "[\x{lo}-\x{hi}...]". */
static char *nocase_class(void)
{
    static char buf[4096];
    size_t n = (size_t)snprintf(buf, sizeof buf, "^[");
    for (uint32_t c = 0x80; c <= 0x10FFFF; c++) {
        if (surrogate(c) || !px_lit_nocase(c))
            continue;
        uint32_t e = c;
        while (e < 0x10FFFF && !surrogate(e + 1) && px_lit_nocase(e + 1))
            e++;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "\\x{%X}-\\x{%X}", (unsigned)c, (unsigned)e);
        assert_true(n < sizeof buf - 8);
        c = e;
    }
    snprintf(buf + n, sizeof buf - n, "]$");
    return buf;
}

static void test_nocase_characters_have_no_case_variant(void **state)
{
    (void)state;
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    /* A caseless class holds the case variants of its characters: if one
     * of ours had a variant elsewhere, some other character would match. */
    pcre2_code *re = compile_ucp(nocase_class(), true);
    int bad = 0;
    for (uint32_t c = 0x80; c <= 0x10FFFF; c++)
        if (!surrogate(c) && !px_lit_nocase(c) && matches_cp(re, md, c) && bad++ < 10)
            print_error("U+%04X is a case variant of a 'no case' character\n", (unsigned)c);
    pcre2_code_free(re);
    /* ...and none of ours is a cased letter, nor one of the few others
     * with a case mapping (ypogegrammeni, Roman numerals, circled
     * letters), so no two of them are variants of each other either. */
    re = compile_ucp("^[\\p{Lu}\\p{Ll}\\p{Lt}\\x{345}\\x{2160}-\\x{2188}\\x{24B6}-\\x{24E9}]$", false);
    for (uint32_t c = 0x80; c <= 0x10FFFF; c++)
        if (!surrogate(c) && px_lit_nocase(c) && matches_cp(re, md, c) && bad++ < 10)
            print_error("U+%04X has case but is called 'no case'\n", (unsigned)c);
    pcre2_code_free(re);
    pcre2_match_data_free(md);
    assert_int_equal(bad, 0);
}

static void test_only_two_characters_are_caselessly_ascii(void **state)
{
    (void)state;
    /* The scanner reads the long s as s and the Kelvin sign as k, and every
     * other character beyond ASCII as something no ASCII letter matches. */
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_code *re = compile_ucp("^[a-z]$", true);
    uint32_t found[8];
    int n = 0;
    for (uint32_t c = 0x80; c <= 0x10FFFF; c++)
        if (!surrogate(c) && matches_cp(re, md, c) && n < 8)
            found[n++] = c;
    pcre2_code_free(re);
    pcre2_match_data_free(md);
    assert_int_equal(n, 2);
    assert_int_equal(found[0], 0x17F);
    assert_int_equal(found[1], 0x212A);
}

static void test_space_is_pcre2_space(void **state)
{
    (void)state;
    /* The scanner reads these as boundaries: every character \s matches
     * must be among them (or a "\s" before a word would go unseen). */
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_code *re = compile_ucp("^\\s$", false);
    int bad = 0;
    for (uint32_t c = 0; c <= 0x10FFFF; c++)
        if (!surrogate(c) && matches_cp(re, md, c) != px_lit_space(c) && bad++ < 10)
            print_error("U+%04X: \\s %s, px_lit_space %s\n", (unsigned)c,
                        matches_cp(re, md, c) ? "yes" : "no", px_lit_space(c) ? "yes" : "no");
    pcre2_code_free(re);
    pcre2_match_data_free(md);
    assert_int_equal(bad, 0);
}

static void test_literals_beyond_ascii(void **state)
{
    (void)state;
    char b[256];
    /* Cased letters beyond ASCII are one symbol each, whatever the case;
     * characters without case are their own bytes; the long s and the
     * Kelvin sign, caselessly s and k, end a literal. */
    assert_string_equal(lits("^(?:реклама|ad)$", b, sizeof b), "^~~~~~~~|^ad");
    assert_string_equal(lits("関連記事|–x", b, sizeof b), "関連記事|–x");
    assert_string_equal(lits("(?:\xC5\xBFhare|x\xE2\x84\xAAy)", b, sizeof b), "hare|x");
}

/* Does pattern src (caseless) match subj, by PCRE2 as the rules use it? */
static bool pcre2_says(const char *src, const char *subj)
{
    int ec;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &off, NULL);
    assert_non_null(re);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)subj, strlen(subj), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return rc >= 0;
}

/* Does the head of src let subj through ("-": src has no head)? Checked
 * against PCRE2: a subject it matches must always pass. */
static const char *head_fits(const char *src, const char *subj)
{
    char *head;
    if (!px_lit_head(&A, src, false, &head))
        return "-";
    bool fits = px_lit_head_fits(head, subj, strlen(subj));
    px_free(&A, head);
    if (pcre2_says(src, subj) && !fits)
        fail_msg("/%s/ matches '%s', but its head says it cannot", src, subj);
    return fits ? "fits" : "no";
}

static void test_heads_of_anchored_patterns(void **state)
{
    (void)state;
    const char *deco = "^[\\s\\-–—_*•·|:>»(\\[]*(?:read\\smore|see\\salso|(?:skip\\s)?ads?)[\\s.:]*$";
    /* the word after the decoration, in any case, through spaces of any
     * script; not the same word further on */
    assert_string_equal(head_fits(deco, "Read more"), "fits");
    assert_string_equal(head_fits(deco, " — » READ\xC2\xA0MORE:"), "fits");
    assert_string_equal(head_fits(deco, "· Skip ad"), "fits");
    assert_string_equal(head_fits(deco, "[ads]"), "fits"); /* fits, though PCRE2 says no */
    assert_string_equal(head_fits(deco, "We read more"), "no");
    assert_string_equal(head_fits(deco, "Please see also"), "no");
    assert_string_equal(head_fits(deco, "— —"), "no");
    assert_string_equal(head_fits(deco, ""), "no");
    /* no decoration: the word at the start; an optional group adds its
     * own start; the long s is an s */
    assert_string_equal(head_fits("^(?:photo|image)s?\\s(?:by|credit)", "Photos by X"), "fits");
    assert_string_equal(head_fits("^(?:photo|image)s?\\s(?:by|credit)", " Photo by X"), "no");
    assert_string_equal(head_fits("^(?:additional\\s)?reporting\\sby", "additional reporting by"), "fits");
    assert_string_equal(head_fits("^(?:additional\\s)?reporting\\sby", "Reporting by"), "fits");
    assert_string_equal(head_fits("^(?:additional\\s)?reporting\\sby", "by"), "no");
    assert_string_equal(head_fits("^\xC5\xBFhare", "\xC5\xBFhare"), "-");
    assert_string_equal(head_fits("^share", "\xC5\xBFHARE"), "fits");
    /* escapes before the words: "(" then spaces */
    assert_string_equal(head_fits("^\\(\\s*(?:photo|foto)", "( Foto: X)"), "fits");
    assert_string_equal(head_fits("^\\(\\s*(?:photo|foto)", "(x) photo"), "no");
    /* no head: not anchored, a branch beside the anchored one, a
     * decoration that may also start the words ("(" and "\\(?"), a class
     * with cased letters or ranges, a start that names no string */
    assert_string_equal(head_fits("read\\smore", "read more"), "-");
    assert_string_equal(head_fits("^read|more", "more"), "-");
    assert_string_equal(head_fits("^[\\s(]*(?:\\(?opens|x)", "(opens"), "-");
    assert_string_equal(head_fits("^[\\s(]*\\(?opens", "( (opens"), "fits");
    assert_string_equal(head_fits("^[\\sa]*read", "aread"), "-");
    assert_string_equal(head_fits("^[!-/]*read", "!read"), "-");
    assert_string_equal(head_fits("^.{1,30}read", "xread"), "-");
    assert_string_equal(head_fits("^(?:read)?\\s*more", "more"), "-");
    char *head;
    assert_false(px_lit_head(&A, "^read", true, &head)); /* extended */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_alternations),
        cmocka_unit_test(test_classes_of_plain_characters),
        cmocka_unit_test(test_boundaries),
        cmocka_unit_test(test_unreadable_or_optional_patterns_have_none),
        cmocka_unit_test(test_nocase_characters_have_no_case_variant),
        cmocka_unit_test(test_only_two_characters_are_caselessly_ascii),
        cmocka_unit_test(test_literals_beyond_ascii),
        cmocka_unit_test(test_space_is_pcre2_space),
        cmocka_unit_test(test_heads_of_anchored_patterns),
    };
    return cmocka_run_group_tests_name("literal", tests, setup, NULL);
}
