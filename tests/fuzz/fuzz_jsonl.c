/*
 * Fuzz target: JSON Lines in the pith command (src/cli/jsonl.c): the bounded
 * line reader px_lines, and px_jsonl_record, which writes the output record
 * of each input line as cli_batch.c does.
 *
 * Byte 0 picks the reader's max (0, 1, 2, 8, 64, 256, 4096, SIZE_MAX); the
 * rest is the stream, given as a FILE from fmemopen.
 *
 * Whatever the bytes: every line comes back without its '\n', NUL-terminated,
 * or with text NULL exactly when it is longer than max; the lines and their
 * newlines add up to the stream; the reader ends. Each line is parsed with
 * px_json_parse and turned into a record with a fixed extraction result,
 * skipping "html", with an error on every second line (the line's own bytes,
 * so any bytes at all) and a prefix on every fourth. The record is one line
 * of JSON that parses back to an object; every member of the input other
 * than html (and error, when an error is given) is in it with the same
 * value; so are the result's members and the error.
 */
#include "fuzz_common.h"
#include "json.h"
#include "jsonl.h"

static px_alloc A;

static const char RESULT[] = "{\"title\":\"T\",\"text\":\"x\",\"html\":\"<p>x</p>\"}";

/* v, written as compact JSON (malloc'd by the buffer). */
static void write_value(px_buf *b, const px_json *v)
{
    px_buf_init(b, &A);
    px_json_write(b, v);
    FUZZ_CHECK(!b->oom);
}

static bool same_value(const px_json *x, const px_json *y)
{
    px_buf a, b;
    write_value(&a, x);
    write_value(&b, y);
    bool same = a.len == b.len && !memcmp(a.data, b.data, a.len);
    px_buf_free(&a);
    px_buf_free(&b);
    return same;
}

static void check_record(const char *text, size_t len, uint64_t lineno)
{
    px_json_doc in_doc;
    int prc = px_json_parse(&in_doc, &A, text, len);
    FUZZ_CHECK(prc == PITH_OK || prc == PITH_ERR_INPUT);
    const px_json *in = prc == PITH_OK && in_doc.root->type == PX_JOBJ ? in_doc.root : NULL;
    /* An error of arbitrary bytes (cut at a NUL, as a C string is). */
    const char *error = lineno % 2 == 0 ? text : NULL;
    const char *prefix = lineno % 4 == 3 ? "\"warc_offset\":12,\"n\":null" : NULL;

    px_buf out;
    px_buf_init(&out, &A);
    int rc = px_jsonl_record(&out, in, "html", prefix, RESULT, sizeof RESULT - 1, error);
    FUZZ_CHECK(rc == PITH_OK);
    FUZZ_CHECK(!memchr(out.data, '\n', out.len));
    FUZZ_CHECK(fuzz_valid_utf8(out.data, out.len));
    px_json_doc rec_doc;
    FUZZ_CHECK(px_json_parse(&rec_doc, &A, out.data, out.len) == PITH_OK);
    const px_json *rec = rec_doc.root;
    FUZZ_CHECK(rec->type == PX_JOBJ);

    /* The input's members come first and win over the result's. */
    if (in)
        for (size_t i = 0; i < in->n; i++) {
            const char *k = in->keys[i];
            if (!strcmp(k, "html") || (error && !strcmp(k, "error")))
                continue;
            const px_json *got = px_json_get(rec, k);
            FUZZ_CHECK(got);
            FUZZ_CHECK(same_value(got, px_json_get(in, k)));
        }
    FUZZ_CHECK(px_json_get(rec, "title") && px_json_get(rec, "text"));
    /* html comes from the result: skip only drops the input's. */
    FUZZ_CHECK(px_json_get(rec, "html"));
    if (prefix)
        FUZZ_CHECK(px_json_get(rec, "warc_offset"));
    if (error) {
        const px_json *e = px_json_get(rec, "error");
        FUZZ_CHECK(e && e->type == PX_JSTR);
        /* The writer keeps valid UTF-8 as it is. */
        if (fuzz_valid_utf8(error, strlen(error)))
            FUZZ_CHECK(e->len == strlen(error) && !memcmp(e->s, error, e->len));
    }
    px_json_free(&rec_doc);
    px_buf_free(&out);
    px_json_free(&in_doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t maxes[8] = {0, 1, 2, 8, 64, 256, 4096, SIZE_MAX};
    if (!A.malloc)
        px_alloc_init(&A, NULL);
    if (size < 1)
        return 0;
    size_t max = maxes[data[0] & 7];
    data++, size--;
    unsigned char *copy = malloc(size ? size : 1);
    FUZZ_CHECK(copy);
    if (size)
        memcpy(copy, data, size);
    FILE *f = size ? fmemopen(copy, size, "rb") : fopen("/dev/null", "rb");
    FUZZ_CHECK(f);

    px_lines r;
    FUZZ_CHECK(px_lines_init(&r, f, max));
    uint64_t lines = 0, total = 0, last_consumed = 0;
    size_t at = 0; /* where the line starts in copy */
    for (;;) {
        px_line line;
        int rc = px_lines_next(&r, &line);
        FUZZ_CHECK(rc == 0 || rc == 1);
        FUZZ_CHECK(r.consumed >= last_consumed && r.consumed <= size);
        last_consumed = r.consumed;
        if (rc == 0) {
            FUZZ_CHECK(!line.text);
            break;
        }
        lines++;
        FUZZ_CHECK(lines <= size);
        FUZZ_CHECK(r.lineno == lines);
        /* The line is the bytes up to the next newline (or the end). */
        FUZZ_CHECK(at + line.len <= size);
        FUZZ_CHECK(!memchr(copy + at, '\n', line.len));
        FUZZ_CHECK(at + line.len == size || copy[at + line.len] == '\n');
        if (line.len > max) {
            FUZZ_CHECK(!line.text);
        } else {
            FUZZ_CHECK(line.text);
            FUZZ_CHECK(line.text[line.len] == '\0');
            FUZZ_CHECK(!memcmp(line.text, copy + at, line.len));
            check_record(line.text, line.len, lines);
        }
        at += line.len + (at + line.len < size);
        total = at;
        FUZZ_CHECK(r.consumed == total);
        free(line.text);
    }
    FUZZ_CHECK(at == size && r.consumed == size);
    px_lines_free(&r);
    fclose(f);
    free(copy);
    return 0;
}
