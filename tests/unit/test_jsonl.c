/* Tests for src/cli/jsonl.c and px_json_write: the bounded line reader (a line
 * over the limit is counted, not stored, and the next line is intact; a
 * line across the reader's chunks is whole) and the output record (input
 * members pass through, html is dropped, the input wins a name both have,
 * "error" replaces the input's own). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jsonl.h"

static px_alloc A;

static FILE *stream_of(const char *s, size_t n)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    rewind(f);
    return f;
}

static void expect_line(px_lines *r, const char *text, uint64_t lineno)
{
    px_line l;
    assert_int_equal(px_lines_next(r, &l), 1);
    assert_non_null(l.text);
    assert_string_equal(l.text, text);
    assert_int_equal(l.len, strlen(text));
    assert_int_equal(r->lineno, lineno);
    free(l.text);
}

static void test_lines(void **state)
{
    (void)state;
    const char in[] = "a\nbb\n\nccc";
    FILE *f = stream_of(in, sizeof in - 1);
    px_lines r;
    assert_true(px_lines_init(&r, f, 100));
    expect_line(&r, "a", 1);
    expect_line(&r, "bb", 2);
    expect_line(&r, "", 3);
    expect_line(&r, "ccc", 4); /* the last line needs no newline */
    px_line l;
    assert_int_equal(px_lines_next(&r, &l), 0);
    assert_int_equal(r.consumed, sizeof in - 1);
    px_lines_free(&r);
    fclose(f);
}

static void test_long_lines(void **state)
{
    (void)state;
    /* 200 KB: over the limit, and across several of the reader's chunks */
    size_t big = 200000;
    char *in = malloc(big + 64);
    if (!in) {
        fail();
        return;
    }
    size_t n = 0;
    n += (size_t)sprintf(in + n, "short\n");
    memset(in + n, 'x', big);
    n += big;
    n += (size_t)sprintf(in + n, "\nafter\n");
    FILE *f = stream_of(in, n);
    px_lines r;
    assert_true(px_lines_init(&r, f, 1000));
    expect_line(&r, "short", 1);
    px_line l;
    assert_int_equal(px_lines_next(&r, &l), 1);
    assert_null(l.text);
    assert_int_equal(l.len, big);
    expect_line(&r, "after", 3);
    px_lines_free(&r);

    /* under a larger limit the same line comes back whole */
    rewind(f);
    assert_true(px_lines_init(&r, f, big));
    expect_line(&r, "short", 1);
    assert_int_equal(px_lines_next(&r, &l), 1);
    assert_non_null(l.text);
    assert_int_equal(l.len, big);
    assert_int_equal(strspn(l.text, "x"), big);
    free(l.text);
    expect_line(&r, "after", 3);
    px_lines_free(&r);
    fclose(f);
    free(in);
}

static void test_empty_stream(void **state)
{
    (void)state;
    FILE *f = stream_of("", 0);
    px_lines r;
    assert_true(px_lines_init(&r, f, 10));
    px_line l;
    assert_int_equal(px_lines_next(&r, &l), 0);
    assert_int_equal(r.lineno, 0);
    px_lines_free(&r);
    fclose(f);
}

/* The record for input and result (either may be NULL), as a string. */
static char *record(const char *input, const char *skip, const char *prefix, const char *result,
                    const char *error)
{
    px_json_doc d = {0};
    if (input)
        assert_int_equal(px_json_parse(&d, &A, input, strlen(input)), PITH_OK);
    px_buf b;
    px_buf_init(&b, &A);
    assert_int_equal(px_jsonl_record(&b, input ? d.root : NULL, skip, prefix, result,
                                     result ? strlen(result) : 0, error),
                     PITH_OK);
    px_json_free(&d);
    return px_buf_detach(&b, NULL);
}

static void expect_record(const char *want, char *got)
{
    assert_string_equal(got, want);
    free(got);
}

static void test_record(void **state)
{
    (void)state;
    const char *in = "{\"id\": 7, \"html\": \"<p>x</p>\", \"url\": \"https://a.example/\","
                     " \"n\": -1.50e+3, \"tags\": [\"a\", {\"b\": null}], \"ok\": true}";
    const char *res = "{\"title\":\"T\",\"url\":\"https://b.example/\",\"text\":\"line\\none\"}";
    /* passed through as they came; html dropped; the input's url kept */
    expect_record("{\"id\":7,\"url\":\"https://a.example/\",\"n\":-1.50e+3,"
                  "\"tags\":[\"a\",{\"b\":null}],\"ok\":true,\"title\":\"T\",\"text\":\"line\\none\"}",
                  record(in, "html", NULL, res, NULL));
    /* a failure: no extraction members, an error member at the end */
    expect_record("{\"id\":7,\"url\":\"https://a.example/\",\"n\":-1.50e+3,"
                  "\"tags\":[\"a\",{\"b\":null}],\"ok\":true,\"error\":\"no article text found\"}",
                  record(in, "html", NULL, NULL, "no article text found"));
    /* the input's own "error" gives way to pith's, once */
    expect_record("{\"id\":1,\"error\":\"bad \\\"page\\\"\"}",
                  record("{\"error\": \"old\", \"id\": 1}", NULL, NULL, NULL, "bad \"page\""));
    /* ... and passes through when there is none */
    expect_record("{\"error\":\"old\",\"id\":1,\"title\":\"T\",\"url\":\"https://b.example/\",\"text\":\"line\\none\"}",
                  record("{\"error\": \"old\", \"id\": 1}", NULL, NULL, res, NULL));
    /* no input at all (a WARC record): prefix members first */
    expect_record("{\"WARC-Date\":null,\"title\":\"T\",\"url\":\"https://b.example/\",\"text\":\"line\\none\"}",
                  record(NULL, NULL, "\"WARC-Date\":null", res, NULL));
    /* values that hold commas, brackets and quotes are copied whole */
    expect_record("{\"url\":\"u\",\"tags\":[\"a,b\",\"}\\\"\"],\"x\":{\"y\":[1,2]},\"n\":0}",
                  record("{\"url\": \"u\"}", NULL, NULL,
                         "{\"tags\":[\"a,b\",\"}\\\"\"],\"url\":\"v\",\"x\":{\"y\":[1,2]},\"n\":0}", NULL));
    /* an empty object adds nothing */
    expect_record("{\"id\":1}", record("{\"id\": 1}", NULL, NULL, "{}", NULL));
    /* a line that was not an object: only the error */
    expect_record("{\"error\":\"not a JSON object\"}", record(NULL, NULL, NULL, NULL, "not a JSON object"));
}

static void test_record_refuses_bad_result(void **state)
{
    (void)state;
    px_buf b;
    px_buf_init(&b, &A);
    assert_int_equal(px_jsonl_record(&b, NULL, NULL, NULL, "[1]", 3, NULL), PITH_ERR_INPUT);
    assert_int_equal(px_jsonl_record(&b, NULL, NULL, NULL, "{", 1, NULL), PITH_ERR_INPUT);
    /* only the compact form is spliced: white space, a bare word, a
     * member without a value or an unclosed string are refused */
    static const char *const bad[] = {"{\n  \"a\": 1\n}", "{a:1}", "{\"a\"}", "{\"a\":\"x}",
                                      "{\"a\":[1}", "{\"a\":1]}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(px_jsonl_record(&b, NULL, NULL, NULL, bad[i], strlen(bad[i]), NULL),
                         PITH_ERR_INPUT);
    px_buf_free(&b);
}

static void test_write_normalises_escapes(void **state)
{
    (void)state;
    const char *in = "{ \"a\\/b\" : \"\\u00e9\\t\\u2028\" , \"n\" : [ 0 , 1e-7 , false ] }";
    px_json_doc d;
    assert_int_equal(px_json_parse(&d, &A, in, strlen(in)), PITH_OK);
    px_buf b;
    px_buf_init(&b, &A);
    px_json_write(&b, d.root);
    char *s = px_buf_detach(&b, NULL);
    /* same values: \/ needs no escape, é is written as itself, U+2028 stays escaped */
    assert_string_equal(s, "{\"a/b\":\"\xc3\xa9\\t\\u2028\",\"n\":[0,1e-7,false]}");
    free(s);
    px_json_free(&d);
}

int main(void)
{
    px_alloc_init(&A, NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_long_lines),
        cmocka_unit_test(test_empty_stream),
        cmocka_unit_test(test_record),
        cmocka_unit_test(test_record_refuses_bad_result),
        cmocka_unit_test(test_write_normalises_escapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
