/*
 * Fuzz target: the JSON-LD parser (src/util/json.c) and the JSON string writer.
 *
 * Whatever the bytes: the parser returns PITH_OK or PITH_ERR_INPUT, never
 * crashes or recurses deeper than PX_JSON_MAX_DEPTH; every string it gives
 * back is valid UTF-8 without NUL; what it accepts, written back with
 * px_json_put_string, parses again to the same text; and the writer's
 * output for any bytes at all is a valid JSON string.
 */
#include "fuzz_common.h"
#include "json.h"

static px_alloc A;

static void check(const px_json *v)
{
    if (v->type == PX_JSTR) {
        FUZZ_CHECK(strlen(v->s) == v->len);
        FUZZ_CHECK(fuzz_valid_utf8(v->s, v->len));
    }
    if (v->type == PX_JARR || v->type == PX_JOBJ)
        for (size_t i = 0; i < v->n; i++) {
            if (v->type == PX_JOBJ)
                FUZZ_CHECK(fuzz_valid_utf8(v->keys[i], strlen(v->keys[i])));
            check(v->items[i]);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!A.malloc)
        px_alloc_init(&A, NULL);
    px_json_doc d;
    int rc = px_json_parse(&d, &A, (const char *)data, size);
    FUZZ_CHECK(rc == PITH_OK || rc == PITH_ERR_INPUT);
    if (rc == PITH_OK) {
        check(d.root);
        px_buf w1, w2;
        px_buf_init(&w1, &A);
        px_buf_init(&w2, &A);
        px_json_write(&w1, d.root);
        px_json_doc d2;
        FUZZ_CHECK(px_json_parse(&d2, &A, w1.data, w1.len) == PITH_OK);
        px_json_write(&w2, d2.root);
        FUZZ_CHECK(w1.len == w2.len && !memcmp(w1.data, w2.data, w1.len));
        px_json_free(&d2);
        px_buf_free(&w1);
        px_buf_free(&w2);
    }
    px_json_free(&d);
    /* the writer, on the raw bytes */
    px_buf s;
    px_buf_init(&s, &A);
    px_json_put_string(&s, (const char *)data, size);
    FUZZ_CHECK(fuzz_valid_utf8(s.data, s.len));
    px_json_doc d3;
    FUZZ_CHECK(px_json_parse(&d3, &A, s.data, s.len) == PITH_OK);
    FUZZ_CHECK(d3.root->type == PX_JSTR);
    px_json_free(&d3);
    px_buf_free(&s);
    return 0;
}
