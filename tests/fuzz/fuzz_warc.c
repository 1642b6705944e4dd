/*
 * Fuzz target: the WARC reader of the pith command (src/cli/warc*.c).
 *
 * Byte 0 is a control byte:
 *   bits 0-2  max_body: 0 (no limit), 1, 16, 64, 256, 4096, 1 MiB, SIZE_MAX
 *   bit 3     gzip the rest in the harness first, so that the fuzzer reaches
 *             the reader's gzip paths with valid members
 *   bits 4-5  how many members (1-3; 0 counts as 1); bytes 1 and 2 then say
 *             where the rest is cut between them (a fraction of 256)
 * The rest (after the cut bytes, when gzipped) is the file, given to
 * px_warc_open as a FILE from fmemopen.
 *
 * Whatever the bytes, px_warc_next returns 1 or 0 (never -1: a small file
 * can neither fail to read nor use up memory) and the reader ends; a
 * record's strings are non-NULL; its error is one line of valid UTF-8
 * without control characters; an error record has no body; a body is
 * NUL-terminated and at most max_body bytes (unless 0); record offsets
 * never go backwards nor past the end of the file, nor does
 * px_warc_offset; the records yielded and skipped are fewer than the bytes
 * that hold them; and the WARC fields make the JSON members the CLI writes
 * (cli_warc.c), which parse as JSON.
 */
#include <zlib.h>
#include "fuzz_common.h"
#include "json.h"
#include "warc.h"

static px_alloc A;

/* One line of valid UTF-8 without control characters (nor DEL). */
static bool clean_line(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return false;
    return fuzz_valid_utf8(s, n);
}

/* The WARC members of the CLI's output record, as cli_warc.c writes them,
 * must parse as a JSON object. */
static void check_members(const px_warc_record *rec)
{
    const char *vals[] = {rec->target_uri, rec->record_id, rec->date};
    px_buf b;
    px_buf_init(&b, &A);
    px_buf_putc(&b, '{');
    for (size_t i = 0; i < 3; i++) {
        if (i)
            px_buf_putc(&b, ',');
        px_buf_puts(&b, "\"k\":");
        px_json_put_string(&b, vals[i], strlen(vals[i]));
    }
    if (rec->error) {
        px_buf_puts(&b, ",\"error\":");
        px_json_put_string(&b, rec->error, strlen(rec->error));
    }
    px_buf_putc(&b, '}');
    FUZZ_CHECK(!b.oom);
    FUZZ_CHECK(!memchr(b.data, '\n', b.len));
    px_json_doc d;
    FUZZ_CHECK(px_json_parse(&d, &A, b.data, b.len) == PITH_OK);
    FUZZ_CHECK(d.root->type == PX_JOBJ);
    px_json_free(&d);
    px_buf_free(&b);
}

/* Gzips data into n members cut at the given points; returns the
 * concatenation (malloc'd) and its size. */
static unsigned char *gzip_members(const uint8_t *data, const size_t *cuts, int n, size_t *out_len)
{
    size_t cap = 0, len = 0;
    for (int i = 0; i < n; i++)
        cap += compressBound((uLong)(cuts[i + 1] - cuts[i])) + 32;
    unsigned char *out = malloc(cap);
    FUZZ_CHECK(out);
    for (int i = 0; i < n; i++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        FUZZ_CHECK(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
        z.next_in = (Bytef *)(uintptr_t)(data + cuts[i]);
        z.avail_in = (uInt)(cuts[i + 1] - cuts[i]);
        z.next_out = out + len;
        z.avail_out = (uInt)(cap - len);
        FUZZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
        len += z.total_out;
        deflateEnd(&z);
    }
    *out_len = len;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t maxes[8] = {0, 1, 16, 64, 256, 4096, 1u << 20, SIZE_MAX};
    if (!A.malloc)
        px_alloc_init(&A, NULL);
    if (size < 1)
        return 0;
    unsigned ctl = data[0];
    size_t max_body = maxes[ctl & 7];
    data++, size--;

    unsigned char *file = NULL;
    size_t file_len = size;
    size_t plain_len = size;
    if (ctl & 8) {
        int n = (int)((ctl >> 4) & 3);
        if (n == 0)
            n = 1;
        if (size < 2)
            return 0;
        size_t a = data[0], b = data[1];
        data += 2, size -= 2;
        plain_len = size;
        /* cuts[0..n]: member i holds data[cuts[i]..cuts[i + 1]) */
        size_t c1 = size * a / 256, c2 = size * b / 256;
        if (c1 > c2) {
            size_t t = c1;
            c1 = c2;
            c2 = t;
        }
        size_t cuts[4] = {0, size, size, size};
        if (n == 2)
            cuts[1] = c1;
        if (n == 3)
            cuts[1] = c1, cuts[2] = c2;
        file = gzip_members(data, cuts, n, &file_len);
    } else {
        file = malloc(size ? size : 1);
        FUZZ_CHECK(file);
        if (size)
            memcpy(file, data, size);
    }

    /* fmemopen refuses an empty buffer on some systems: nothing to read. */
    if (file_len == 0) {
        free(file);
        return 0;
    }
    FILE *f = fmemopen(file, file_len, "rb");
    FUZZ_CHECK(f);
    px_warc *w = px_warc_open(f, max_body);
    FUZZ_CHECK(w);

    /* Every record, yielded or skipped, consumes at least one byte of the
     * file or of what its members inflate to. */
    uint64_t bound = (uint64_t)file_len + (uint64_t)plain_len + 1;
    uint64_t yielded = 0, last_off = 0, last_pos = 0;
    for (;;) {
        px_warc_record rec;
        int rc = px_warc_next(w, &rec);
        /* -1 is a read error or no memory: neither can happen to a buffer
         * of a few KiB, unless the reader trusts a length it read. */
        FUZZ_CHECK(rc == 1 || rc == 0);
        if (rec.error)
            FUZZ_CHECK(clean_line(rec.error));
        uint64_t pos = px_warc_offset(w);
        FUZZ_CHECK(pos >= last_pos);
        FUZZ_CHECK(pos <= file_len);
        last_pos = pos;
        if (rc != 1) {
            if (rc == 0)
                FUZZ_CHECK(!rec.error && !rec.body);
            px_warc_record_free(&rec);
            break;
        }
        yielded++;
        FUZZ_CHECK(yielded + px_warc_skipped(w) <= bound);
        FUZZ_CHECK(rec.target_uri && rec.record_id && rec.date && rec.charset);
        FUZZ_CHECK(rec.http_status >= 0 && rec.http_status <= 999);
        FUZZ_CHECK(rec.offset >= last_off);
        FUZZ_CHECK(rec.offset <= file_len);
        last_off = rec.offset;
        if (rec.error) {
            FUZZ_CHECK(!rec.body && rec.body_len == 0);
        } else {
            FUZZ_CHECK(rec.body);
            FUZZ_CHECK(rec.body[rec.body_len] == '\0');
            /* 0 is no limit, as for every limit of pith */
            FUZZ_CHECK(max_body == 0 || rec.body_len <= max_body);
        }
        check_members(&rec);
        px_warc_record_free(&rec);
    }
    FUZZ_CHECK(yielded + px_warc_skipped(w) <= bound);
    px_warc_close(w);
    fclose(f);
    free(file);
    return 0;
}
