/* Tests for src/util/json.c: the strict JSON parser used for JSON-LD (RFC 8259
 * accepted, everything else refused, deep nesting refused without
 * recursing), the string writer (escapes for every control character and
 * U+2028/2029, U+FFFD for bytes that are not UTF-8), and a deterministic
 * mutation fuzz: whatever the bytes, the parser never crashes, every string
 * it returns is valid UTF-8 without NUL, and what it accepts survives a
 * round trip through the writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"

static px_alloc A;

static int parse(const char *s, px_json_doc *d)
{
    return px_json_parse(d, &A, s, strlen(s));
}

static void accepts(const char *s)
{
    px_json_doc d;
    int rc = parse(s, &d);
    if (rc)
        fail_msg("refused (%d at %zu): %s", rc, d.error_at, s);
    px_json_free(&d);
}

static void refuses(const char *s)
{
    px_json_doc d;
    int rc = parse(s, &d);
    px_json_free(&d);
    if (rc != PITH_ERR_INPUT)
        fail_msg("accepted (%d): %s", rc, s);
}

static void test_grammar(void **state)
{
    (void)state;
    accepts("{}");
    accepts("[]");
    accepts(" \t\r\n{ \"a\" : [ 1 , -0.5e+3 , 0 , 1E9 , true , false , null , \"x\" ] } \n");
    accepts("\"just a string\"");
    accepts("0");
    accepts("-0");
    accepts("[[[[]]]]");
    accepts("{\"a\":{\"b\":{\"c\":[]}}}");
    accepts("\"tab\tand\nline breaks\rraw\""); /* the one leniency */
    refuses("");
    refuses("   ");
    refuses("{");
    refuses("[1,]");
    refuses("{\"a\":1,}");
    refuses("[1 2]");
    refuses("{a:1}");
    refuses("{'a':1}");
    refuses("['a']");
    refuses("[01]");
    refuses("[1.]");
    refuses("[.5]");
    refuses("[+1]");
    refuses("[1e]");
    refuses("[-]");
    refuses("[NaN]");
    refuses("[Infinity]");
    refuses("[tru]");
    refuses("[nul]");
    refuses("[True]");
    refuses("{} {}");
    refuses("{}x");
    refuses("// comment\n{}");
    refuses("{\"a\" 1}");
    refuses("\"unterminated");
    refuses("\"bad escape \\x\"");
    refuses("\"bad unicode \\u12G4\"");
    refuses("\"short unicode \\u12\"");
    refuses("\"ctrl \x01 char\"");
    refuses("\"invalid \xff utf8\"");
    refuses("\"overlong \xc0\xaf\"");
    refuses("\"surrogate \xed\xa0\x80 encoded\"");
    refuses("\"truncated \xe2\x82\"");
}

static void test_strings(void **state)
{
    (void)state;
    px_json_doc d;
    assert_int_equal(parse("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC\", "
                           "\"\\ud83d\\ude00\", \"\\ud83d x\", \"\\ude00\", \"a\\u0000b\"]", &d),
                     PITH_OK);
    const px_json *r = d.root;
    assert_int_equal(r->type, PX_JARR);
    assert_int_equal(r->n, 6);
    assert_string_equal(r->items[0]->s, "a\"b\\c/d\b\f\n\r\t");
    assert_string_equal(r->items[1]->s, "\xc3\xa9\xe2\x82\xac");
    assert_string_equal(r->items[2]->s, "\xf0\x9f\x98\x80");   /* a pair */
    assert_string_equal(r->items[3]->s, "\xef\xbf\xbd x");      /* a lone high */
    assert_string_equal(r->items[4]->s, "\xef\xbf\xbd");        /* a lone low */
    assert_string_equal(r->items[5]->s, "a\xef\xbf\xbd" "b");    /* no NUL */
    assert_int_equal(r->items[5]->len, 5);
    px_json_free(&d);
}

static void test_objects(void **state)
{
    (void)state;
    px_json_doc d;
    assert_int_equal(parse("{\"@type\":\"NewsArticle\",\"n\":12.5,\"t\":true,\"z\":null,"
                           "\"a\":{\"name\":\"X\"},\"@type\":\"dup\"}", &d), PITH_OK);
    const px_json *o = d.root;
    assert_int_equal(o->type, PX_JOBJ);
    assert_int_equal(o->n, 6);
    assert_string_equal(px_json_str(px_json_get(o, "@type")), "NewsArticle"); /* the first */
    assert_int_equal(px_json_get(o, "n")->type, PX_JNUM);
    assert_string_equal(px_json_get(o, "n")->s, "12.5");
    assert_true(px_json_get(o, "t")->b);
    assert_int_equal(px_json_get(o, "z")->type, PX_JNULL);
    assert_string_equal(px_json_str(px_json_get(px_json_get(o, "a"), "name")), "X");
    assert_null(px_json_get(o, "missing"));
    assert_null(px_json_str(px_json_get(o, "n")));
    assert_null(px_json_get(NULL, "a"));
    px_json_free(&d);
}

static void test_depth(void **state)
{
    (void)state;
    char buf[400];
    /* PX_JSON_MAX_DEPTH levels are fine, one more is refused */
    memset(buf, '[', PX_JSON_MAX_DEPTH);
    memset(buf + PX_JSON_MAX_DEPTH, ']', PX_JSON_MAX_DEPTH);
    buf[2 * PX_JSON_MAX_DEPTH] = '\0';
    accepts(buf);
    memset(buf, '[', PX_JSON_MAX_DEPTH + 1);
    memset(buf + PX_JSON_MAX_DEPTH + 1, ']', PX_JSON_MAX_DEPTH + 1);
    buf[2 * PX_JSON_MAX_DEPTH + 2] = '\0';
    refuses(buf);
    /* a huge nesting is refused at once, not recursed into */
    size_t n = 1 << 20;
    char *deep = malloc(n + 1);
    memset(deep, '[', n);
    deep[n] = '\0';
    px_json_doc d;
    assert_int_equal(px_json_parse(&d, &A, deep, n), PITH_ERR_INPUT);
    px_json_free(&d);
    for (size_t i = 0; i < n; i += 2)
        memcpy(deep + i, "{\"", 2);
    assert_int_equal(px_json_parse(&d, &A, deep, n), PITH_ERR_INPUT);
    px_json_free(&d);
    free(deep);
}

static char *escaped(const char *s, size_t n)
{
    px_buf b;
    px_buf_init(&b, &A);
    px_json_put_string(&b, s, n);
    return px_buf_detach(&b, NULL);
}

static void test_writer(void **state)
{
    (void)state;
    char *e = escaped("a\"b\\c\b\f\n\r\t\x01\x1f\x7f", 13);
    assert_string_equal(e, "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\"");
    px_free(&A, e);
    e = escaped("x\xe2\x80\xa8y\xe2\x80\xa9z", 9);
    assert_string_equal(e, "\"x\\u2028y\\u2029z\"");
    px_free(&A, e);
    e = escaped("caf\xc3\xa9 \xf0\x9f\x98\x80", 10);
    assert_string_equal(e, "\"caf\xc3\xa9 \xf0\x9f\x98\x80\"");
    px_free(&A, e);
    /* not UTF-8: each bad byte is U+FFFD */
    e = escaped("a\xff" "b\xc3", 4);
    assert_string_equal(e, "\"a\\ufffdb\\ufffd\"");
    px_free(&A, e);
    e = escaped("nul\0byte", 8);
    assert_string_equal(e, "\"nul\\u0000byte\"");
    px_free(&A, e);
    e = escaped("\xed\xa0\x80", 3); /* an encoded surrogate */
    assert_string_equal(e, "\"\\ufffd\\ufffd\\ufffd\"");
    px_free(&A, e);
}

/* ------------------------------------------------------------------ */
/* Mutation fuzz                                                        */

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static bool valid_utf8_no_nul(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        size_t l;
        unsigned cp;
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { l = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { l = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { l = 4; cp = c & 0x07; }
        else return false;
        if (i + l > n)
            return false;
        for (size_t k = 1; k < l; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if ((l == 3 && cp < 0x800) || (l == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += l;
    }
    return true;
}

static void check_tree(const px_json *v)
{
    if (v->type == PX_JSTR)
        assert_true(valid_utf8_no_nul(v->s, v->len) && strlen(v->s) == v->len);
    for (size_t i = 0; (v->type == PX_JARR || v->type == PX_JOBJ) && i < v->n; i++) {
        if (v->type == PX_JOBJ)
            assert_true(valid_utf8_no_nul(v->keys[i], strlen(v->keys[i])));
        check_tree(v->items[i]);
    }
}

static const char *const seeds[] = {
    "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":"
    "\"A \\u2018quoted\\u2019 title\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}],"
    "\"datePublished\":\"2022-03-15T03:42:11+00:00\",\"keywords\":[\"a\",\"b\"],\"n\":-1.5e-7}]}",
    "[true,false,null,0,\"\\ud83d\\ude00\",{\"k\":[[],{}]}]",
    "\"caf\xc3\xa9 \\n \\t\"",
    "{\"a\":{\"b\":{\"c\":{\"d\":[1,2,3,{\"e\":\"\\\"\"}]}}}}",
};

static void test_fuzz(void **state)
{
    (void)state;
    static const char alphabet[] = "{}[],:\"\\ tfnu0123456789.eE+-abcdx\x00\x01\x7f\xc3\xa9\xe2\x80\xa8\xed\xf0\xff";
    char buf[600];
    long accepted = 0;
    for (int iter = 0; iter < 200000; iter++) {
        const char *seed = seeds[rnd(sizeof seeds / sizeof *seeds)];
        size_t n = strlen(seed);
        memcpy(buf, seed, n);
        int muts = 1 + (int)rnd(6);
        for (int k = 0; k < muts; k++) {
            unsigned op = rnd(4), pos = n ? rnd((unsigned)n) : 0;
            char c = alphabet[rnd(sizeof alphabet - 1)];
            if (op == 0 && n) {
                buf[pos] = c;                         /* replace */
            } else if (op == 1 && n + 1 < sizeof buf) {
                memmove(buf + pos + 1, buf + pos, n - pos); /* insert */
                buf[pos] = c;
                n++;
            } else if (op == 2 && n) {
                memmove(buf + pos, buf + pos + 1, n - pos - 1); /* delete */
                n--;
            } else if (n) {
                n = pos;                              /* truncate */
            }
        }
        px_json_doc d;
        int rc = px_json_parse(&d, &A, buf, n);
        assert_true(rc == PITH_OK || rc == PITH_ERR_INPUT);
        if (rc == PITH_OK) {
            accepted++;
            check_tree(d.root);
            /* a round trip gives the same text again */
            px_buf w1, w2;
            px_buf_init(&w1, &A);
            px_buf_init(&w2, &A);
            px_json_write(&w1, d.root);
            px_json_doc d2;
            assert_int_equal(px_json_parse(&d2, &A, w1.data, w1.len), PITH_OK);
            px_json_write(&w2, d2.root);
            assert_int_equal(w1.len, w2.len);
            assert_memory_equal(w1.data, w2.data, w1.len);
            px_json_free(&d2);
            px_buf_free(&w1);
            px_buf_free(&w2);
        }
        px_json_free(&d);
    }
    print_message("fuzz: 200000 inputs, %ld accepted\n", accepted);
    assert_true(accepted > 1000);
}

int main(void)
{
    px_alloc_init(&A, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grammar),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_objects),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_writer),
        cmocka_unit_test(test_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
