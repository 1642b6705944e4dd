/* The WARC reader (src/cli/warc*.c): archives built in memory, plain and gzip,
 * read back through a temporary file (or a pipe, which cannot seek). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "warc.h"

#define MAX_BODY (1u << 20)

/* ---- building archives ---- */

typedef struct {
    char *p;
    size_t len, cap;
} bytes;

static void add(bytes *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void adds(bytes *b, const char *s) { add(b, s, strlen(s)); }

static void addf(bytes *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof tmp);
    add(b, tmp, (size_t)n);
}

/* One gzip member holding data, as Common Crawl writes each record. */
static void add_gzip(bytes *b, const void *data, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    uLong bound = deflateBound(&z, (uLong)n);
    unsigned char *out = malloc(bound);
    assert_non_null(out);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)bound;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    add(b, out, bound - z.avail_out);
    deflateEnd(&z);
    free(out);
}

/* A WARC record with its two CRLFs; id and date come from a counter n. */
static void add_record(bytes *b, int n, const char *type, const char *uri, const char *ctype,
                       const char *block, size_t len)
{
    addf(b, "WARC/1.0\r\nWARC-Type: %s\r\n", type);
    if (uri)
        addf(b, "WARC-Target-URI: %s\r\n", uri);
    addf(b, "WARC-Date: 2024-01-%02dT10:00:00Z\r\n", n);
    addf(b, "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", n);
    if (ctype)
        addf(b, "Content-Type: %s\r\n", ctype);
    addf(b, "Content-Length: %zu\r\n\r\n", len);
    add(b, block, len);
    adds(b, "\r\n\r\n");
}

/* An HTTP response: status line, header lines (each ending in CRLF), body. */
static bytes http(const char *status, const char *headers, const char *body, size_t len)
{
    bytes h = {0};
    addf(&h, "%s\r\n%s\r\n", status, headers);
    add(&h, body, len);
    return h;
}

static void add_response(bytes *b, int n, const char *uri, const char *headers, const char *body)
{
    bytes h = http("HTTP/1.1 200 OK", headers, body, strlen(body));
    add_record(b, n, "response", uri, "application/http; msgtype=response", h.p, h.len);
    free(h.p);
}

#define PAGE1 "<!DOCTYPE html><html><body><p>The first page.</p></body></html>"
#define PAGE2 "<html><body><p>Not found, but a page all the same.</p></body></html>"

/* The records of a small crawl, one string each: warcinfo, a request, an
 * HTML page, a PNG, metadata, and a 404 page. */
static int crawl(bytes recs[6])
{
    memset(recs, 0, 6 * sizeof *recs);
    const char *info = "software: test\r\nformat: WARC File Format 1.0\r\n";
    add_record(&recs[0], 1, "warcinfo", NULL, "application/warc-fields", info, strlen(info));
    const char *req = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";
    add_record(&recs[1], 2, "request", "http://example.com/", "application/http; msgtype=request", req,
               strlen(req));
    add_response(&recs[2], 3, "http://example.com/",
                 "Content-Type: text/html; charset=UTF-8\r\nServer: test\r\n", PAGE1);
    bytes png = http("HTTP/1.1 200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n\0\0\0", 11);
    add_record(&recs[3], 4, "response", "http://example.com/a.png", "application/http;msgtype=response",
               png.p, png.len);
    free(png.p);
    const char *meta = "fetchTimeMs: 12\r\n";
    add_record(&recs[4], 5, "metadata", "http://example.com/", "application/warc-fields", meta, strlen(meta));
    bytes nf = http("HTTP/1.1 404 Not Found", "content-type: text/html;charset=\"ISO-8859-1\"\r\n", PAGE2,
                    strlen(PAGE2));
    add_record(&recs[5], 6, "response", "<http://example.com/missing>", "application/http", nf.p, nf.len);
    free(nf.p);
    return 6;
}

/* The records concatenated, or each in its own gzip member; starts[i] is
 * where record i starts in the file. */
static bytes assemble(bytes *recs, int n, bool gzip, uint64_t *starts)
{
    bytes file = {0};
    for (int i = 0; i < n; i++) {
        if (starts)
            starts[i] = file.len;
        if (gzip)
            add_gzip(&file, recs[i].p, recs[i].len);
        else
            add(&file, recs[i].p, recs[i].len);
        free(recs[i].p);
        recs[i].p = NULL;
    }
    return file;
}

/* ---- reading them back ---- */

typedef struct {
    px_warc_record rec[64];
    int n;
    int last; /* px_warc_next's last return */
    uint64_t skipped, offset;
} result;

static FILE *file_of(const bytes *b)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    if (b->len)
        assert_int_equal(fwrite(b->p, 1, b->len, f), b->len);
    rewind(f);
    return f;
}

/* A pipe already holding b (which must fit in the pipe's buffer). */
static FILE *pipe_of(const bytes *b)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    assert_true(b->len < 60000);
    assert_int_equal(write(fd[1], b->p, b->len), (ssize_t)b->len);
    close(fd[1]);
    FILE *f = fdopen(fd[0], "rb");
    assert_non_null(f);
    return f;
}

/* An error message must be one line of UTF-8 that says where. */
static void assert_one_line(const px_warc_record *rec)
{
    const unsigned char *s = (const unsigned char *)rec->error;
    assert_non_null(s);
    char at[32];
    snprintf(at, sizeof at, "offset %llu", (unsigned long long)rec->offset);
    if (!strstr(rec->error, at))
        fail_msg("error without its offset (%s): %s", at, rec->error);
    assert_true(strlen(rec->error) < 400);
    for (; *s; s++) {
        assert_true(*s >= 0x20 && *s != 0x7f);
        if (*s >= 0x80) { /* a well-formed sequence (lead byte and continuations) */
            int k = *s >= 0xf0 ? 3 : *s >= 0xe0 ? 2 : 1;
            assert_true(*s >= 0xc2 && *s <= 0xf4);
            for (int i = 1; i <= k; i++)
                assert_int_equal(s[i] & 0xc0, 0x80);
            s += k;
        }
    }
}

static void read_from(FILE *f, size_t max_body, result *r)
{
    memset(r, 0, sizeof *r);
    px_warc *w = px_warc_open(f, max_body);
    assert_non_null(w);
    for (;;) {
        assert_true(r->n < 64);
        px_warc_record *rec = &r->rec[r->n];
        r->last = px_warc_next(w, rec);
        if (r->last != 1)
            break;
        if (rec->error)
            assert_one_line(rec);
        else
            assert_non_null(rec->body);
        assert_non_null(rec->target_uri);
        assert_non_null(rec->record_id);
        assert_non_null(rec->date);
        assert_non_null(rec->charset);
        r->n++;
    }
    r->skipped = px_warc_skipped(w);
    r->offset = px_warc_offset(w);
    px_warc_close(w);
    fclose(f);
}

static void read_bytes(const bytes *b, size_t max_body, result *r) { read_from(file_of(b), max_body, r); }

static void result_free(result *r)
{
    for (int i = 0; i <= r->n && i < 64; i++)
        px_warc_record_free(&r->rec[i]);
}

static void assert_page(const px_warc_record *rec, const char *uri, const char *body)
{
    if (rec->error)
        fail_msg("error record where %s was expected: %s", uri, rec->error);
    assert_string_equal(rec->target_uri, uri);
    assert_int_equal(rec->body_len, strlen(body));
    assert_memory_equal(rec->body, body, rec->body_len);
}

/* ---- the crawl, plain and gzip ---- */

static void check_crawl(const result *r, const uint64_t *starts)
{
    assert_int_equal(r->last, 0);
    assert_int_equal(r->n, 2);
    assert_int_equal(r->skipped, 4); /* warcinfo, request, PNG, metadata */
    const px_warc_record *a = &r->rec[0], *b = &r->rec[1];
    assert_page(a, "http://example.com/", PAGE1);
    assert_string_equal(a->record_id, "<urn:uuid:00000000-0000-0000-0000-000000000003>");
    assert_string_equal(a->date, "2024-01-03T10:00:00Z");
    assert_int_equal(a->http_status, 200);
    assert_string_equal(a->charset, "utf-8");
    assert_int_equal(a->offset, starts[2]);
    /* the 404 is still handed over: the command decides */
    assert_page(b, "http://example.com/missing", PAGE2);
    assert_int_equal(b->http_status, 404);
    assert_string_equal(b->charset, "iso-8859-1");
    assert_int_equal(b->offset, starts[5]);
}

static void test_plain_crawl(void **state)
{
    (void)state;
    bytes recs[6];
    uint64_t starts[6];
    bytes file = assemble(recs, crawl(recs), false, starts);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    check_crawl(&r, starts);
    assert_int_equal(r.offset, file.len);
    result_free(&r);
    free(file.p);
}

static void test_gzip_crawl(void **state)
{
    (void)state;
    bytes recs[6];
    uint64_t starts[6];
    bytes file = assemble(recs, crawl(recs), true, starts);
    assert_int_equal((unsigned char)file.p[0], 0x1f);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    check_crawl(&r, starts);
    assert_int_equal(r.offset, file.len);
    result_free(&r);
    /* the same through a pipe, which cannot seek */
    read_from(pipe_of(&file), MAX_BODY, &r);
    check_crawl(&r, starts);
    result_free(&r);
    free(file.p);
}

/* A whole plain file gzipped as one member (`gzip crawl.warc`), and a file
 * that mixes plain and gzip records. */
static void test_one_member_and_mixed(void **state)
{
    (void)state;
    bytes recs[6];
    uint64_t starts[6] = {0};
    bytes plain = assemble(recs, crawl(recs), false, NULL);
    bytes file = {0};
    add_gzip(&file, plain.p, plain.len);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.skipped, 4);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    assert_page(&r.rec[1], "http://example.com/missing", PAGE2);
    assert_int_equal(r.rec[1].offset, 0); /* the member's start */
    result_free(&r);
    free(file.p);
    free(plain.p);

    crawl(recs);
    file = (bytes){0};
    for (int i = 0; i < 6; i++) {
        starts[i] = file.len;
        if (i % 2)
            add_gzip(&file, recs[i].p, recs[i].len);
        else
            add(&file, recs[i].p, recs[i].len);
        free(recs[i].p);
    }
    read_bytes(&file, MAX_BODY, &r);
    check_crawl(&r, starts);
    result_free(&r);
    free(file.p);
}

/* A record split across two gzip members (bgzip cuts anywhere) is one. */
static void test_record_across_members(void **state)
{
    (void)state;
    bytes rec = {0}, file = {0};
    add_response(&rec, 1, "http://example.com/split", "Content-Type: text/html\r\n", PAGE1);
    add_gzip(&file, rec.p, 150);
    add_gzip(&file, rec.p + 150, rec.len - 150);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/split", PAGE1);
    result_free(&r);
    free(rec.p);
    free(file.p);
}

/* ---- the HTTP response ---- */

static void read_one(const char *headers, const char *body, size_t len, result *r)
{
    bytes file = {0};
    bytes h = http("HTTP/1.1 200 OK", headers, body, len);
    add_record(&file, 1, "response", "http://example.com/", "application/http; msgtype=response", h.p, h.len);
    free(h.p);
    read_bytes(&file, MAX_BODY, r);
    free(file.p);
}

static void test_charset(void **state)
{
    (void)state;
    static const struct {
        const char *ctype, *charset;
    } cases[] = {
        {"text/html; charset=utf-8", "utf-8"},
        {"text/html;charset=\"Windows-1251\"", "windows-1251"},
        {"TEXT/HTML ; Charset = EUC-JP", "euc-jp"},
        {"application/xhtml+xml; charset=Shift_JIS; q=1", "shift_jis"},
        {"text/html; format=flowed", ""},
        {"text/html", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char headers[200];
        snprintf(headers, sizeof headers, "Content-Type: %s\r\n", cases[i].ctype);
        result r;
        read_one(headers, PAGE1, strlen(PAGE1), &r);
        assert_int_equal(r.n, 1);
        assert_page(&r.rec[0], "http://example.com/", PAGE1);
        assert_string_equal(r.rec[0].charset, cases[i].charset);
        result_free(&r);
    }
}

static void test_not_html_skipped(void **state)
{
    (void)state;
    static const char *const types[] = {"text/plain", "application/json", "text/htmlx", "image/svg+xml"};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        char headers[200];
        snprintf(headers, sizeof headers, "Content-Type: %s\r\n", types[i]);
        result r;
        read_one(headers, PAGE1, strlen(PAGE1), &r);
        assert_int_equal(r.last, 0);
        assert_int_equal(r.n, 0);
        assert_int_equal(r.skipped, 1);
        result_free(&r);
    }
}

static void test_chunked(void **state)
{
    (void)state;
    const char *chunked = "1b\r\n<html><body><p>Hello, chunk\r\n13;ext=1\r\ned world</p></html>\r\n0\r\nX-Trailer: 1\r\n\r\n";
    result r;
    read_one("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked, strlen(chunked), &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/", "<html><body><p>Hello, chunked world</p></html>");
    result_free(&r);
    /* Common Crawl de-chunks the body but may keep the header */
    read_one("Transfer-Encoding: chunked\r\nContent-Type: text/html\r\n", PAGE1, strlen(PAGE1), &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    result_free(&r);
    /* a chunked body cut short keeps what arrived */
    const char *cut = "40\r\n<html><body><p>cut short";
    read_one("Transfer-Encoding: chunked\r\nContent-Type: text/html\r\n", cut, strlen(cut), &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/", "<html><body><p>cut short");
    result_free(&r);
}

static bytes gzipped(const char *s)
{
    bytes b = {0};
    add_gzip(&b, s, strlen(s));
    return b;
}

/* deflate as a zlib stream or a raw one (windowBits < 0). */
static bytes deflated(const char *s, int bits)
{
    bytes b = {0};
    unsigned char out[4096];
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)strlen(s);
    z.next_out = out;
    z.avail_out = sizeof out;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    add(&b, out, sizeof out - z.avail_out);
    deflateEnd(&z);
    return b;
}

static void test_content_encoding(void **state)
{
    (void)state;
    result r;
    bytes gz = gzipped(PAGE1);
    read_one("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz.p, gz.len, &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    result_free(&r);
    read_one("Content-Type: text/html\r\nContent-Encoding: X-GZIP\r\n", gz.p, gz.len, &r);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    result_free(&r);

    /* chunked and gzip: the chunks come off first */
    bytes both = {0};
    addf(&both, "%zx\r\n", gz.len / 2);
    add(&both, gz.p, gz.len / 2);
    addf(&both, "\r\n%zx\r\n", gz.len - gz.len / 2);
    add(&both, gz.p + gz.len / 2, gz.len - gz.len / 2);
    adds(&both, "\r\n0\r\n\r\n");
    read_one("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", both.p,
             both.len, &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    result_free(&r);
    free(both.p);

    for (int bits = -MAX_WBITS; bits <= MAX_WBITS; bits += 2 * MAX_WBITS) {
        bytes d = deflated(PAGE2, bits);
        read_one("Content-Type: text/html\r\nContent-Encoding: deflate\r\n", d.p, d.len, &r);
        assert_int_equal(r.n, 1);
        assert_page(&r.rec[0], "http://example.com/", PAGE2);
        result_free(&r);
        free(d.p);
    }

    /* a body that says gzip and is not: an error, not garbage */
    read_one("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", PAGE1, strlen(PAGE1), &r);
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.rec[0].error, "cannot undo Content-Encoding gzip: "));
    assert_null(r.rec[0].body);
    result_free(&r);
    read_one("Content-Type: text/html\r\nContent-Encoding: br\r\n", PAGE1, strlen(PAGE1), &r);
    assert_non_null(strstr(r.rec[0].error, "unsupported Content-Encoding \"br\""));
    result_free(&r);
    free(gz.p);
}

/* A small gzip body that inflates past max_body is refused, not stored. */
static void test_gzip_bomb(void **state)
{
    (void)state;
    size_t big = 200000;
    char *page = malloc(big + 1);
    if (!page) /* not assert_non_null: GCC then sees memset through NULL */
        abort();
    memcpy(page, "<html>", 6);
    memset(page + 6, 'a', big - 6);
    page[big] = '\0';
    bytes gz = gzipped(page), file = {0};
    bytes h = http("HTTP/1.1 200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz.p, gz.len);
    add_record(&file, 1, "response", "http://example.com/bomb", "application/http", h.p, h.len);
    add_response(&file, 2, "http://example.com/after", "Content-Type: text/html\r\n", PAGE1);
    result r;
    read_bytes(&file, 100000, &r);
    assert_int_equal(r.n, 2);
    assert_non_null(strstr(r.rec[0].error, "exceeds the limit of 100000"));
    assert_string_equal(r.rec[0].target_uri, "http://example.com/bomb");
    assert_page(&r.rec[1], "http://example.com/after", PAGE1);
    result_free(&r);
    /* exactly at the limit is fine, and so is no limit at all */
    size_t limits[] = {big, SIZE_MAX};
    for (size_t i = 0; i < 2; i++) {
        read_bytes(&file, limits[i], &r);
        assert_int_equal(r.n, 2);
        assert_null(r.rec[0].error);
        assert_int_equal(r.rec[0].body_len, big);
        assert_memory_equal(r.rec[0].body, page, big);
        result_free(&r);
    }
    free(page);
    free(gz.p);
    free(h.p);
    free(file.p);
}

static void test_sniffed(void **state)
{
    (void)state;
    result r;
    const char *bom = "\xef\xbb\xbf \r\n\t<!DOCTYPE HTML><title>x</title>";
    read_one("Server: test\r\n", bom, strlen(bom), &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/", bom);
    assert_string_equal(r.rec[0].charset, "");
    result_free(&r);
    read_one("Content-Type: \r\n", "<HTML><p>hi", 11, &r);
    assert_int_equal(r.n, 1);
    result_free(&r);
    /* no Content-Type and not HTML: skipped */
    read_one("Server: test\r\n", "{\"json\": true}", 14, &r);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.skipped, 1);
    result_free(&r);
}

/* ---- the WARC header ---- */

static void test_header_forms(void **state)
{
    (void)state;
    bytes file = {0}, h = http("HTTP/1.0 200 OK", "Content-Type: text/html\n", PAGE1, strlen(PAGE1));
    /* WARC/1.1, names in any case, a folded field, LF line ends, no
     * blank lines after the block */
    addf(&file, "WARC/1.1\nwarc-type: response\nWARC-TARGET-URI:\n  <http://example.com/folded>\n"
                "content-type: application/http;\n msgtype=response\nwarc-record-id: <urn:x>\n"
                "Content-Length: %zu\n\n",
         h.len);
    add(&file, h.p, h.len);
    add_response(&file, 2, "http://example.com/next", "Content-Type: text/html\r\n", PAGE2);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 2);
    assert_page(&r.rec[0], "http://example.com/folded", PAGE1);
    assert_string_equal(r.rec[0].record_id, "<urn:x>");
    assert_string_equal(r.rec[0].date, "");
    assert_page(&r.rec[1], "http://example.com/next", PAGE2);
    result_free(&r);
    free(file.p);
    free(h.p);
}

/* Responses that carry no page of their own: revisits, non-HTTP blocks. */
static void test_other_records_skipped(void **state)
{
    (void)state;
    bytes file = {0}, h = http("HTTP/1.1 200 OK", "Content-Type: text/html\r\n", PAGE1, strlen(PAGE1));
    add_record(&file, 1, "revisit", "http://example.com/", "application/http; msgtype=response", h.p, h.len);
    add_record(&file, 2, "response", "http://example.com/", "application/http; msgtype=request", h.p, h.len);
    add_record(&file, 3, "response", "http://example.com/", "text/html", PAGE1, strlen(PAGE1));
    add_record(&file, 4, "response", "http://example.com/", NULL, h.p, h.len);
    add_record(&file, 5, "resource", "http://example.com/", "text/html", PAGE1, strlen(PAGE1));
    add_record(&file, 6, "response", "http://example.com/yes", "application/http; msgtype=\"response\"", h.p,
               h.len);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 1);
    assert_page(&r.rec[0], "http://example.com/yes", PAGE1);
    assert_int_equal(r.skipped, 5);
    result_free(&r);
    free(file.p);
    free(h.p);
}

static void test_bad_length(void **state)
{
    (void)state;
    bytes file = {0};
    adds(&file, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/nolen\r\n\r\nbody\r\n\r\n");
    adds(&file, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nbody\r\n\r\n");
    add_response(&file, 3, "http://example.com/ok", "Content-Type: text/html\r\n", PAGE1);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 3);
    assert_non_null(strstr(r.rec[0].error, "no Content-Length"));
    assert_string_equal(r.rec[0].target_uri, "http://example.com/nolen"); /* as far as read */
    assert_non_null(strstr(r.rec[1].error, "bad Content-Length \"12x\""));
    assert_page(&r.rec[2], "http://example.com/ok", PAGE1);
    result_free(&r);
    free(file.p);
}

/* ---- limits and damage ---- */

static void test_body_over_limit(void **state)
{
    (void)state;
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    memcpy(big, "<html>", 6);
    big[sizeof big - 1] = '\0';
    bytes file = {0};
    add_response(&file, 1, "http://example.com/big", "Content-Type: text/html\r\n", big);
    size_t second = file.len;
    add_response(&file, 2, "http://example.com/small", "Content-Type: text/html\r\n", PAGE1);
    /* an oversized body of unknown type that is not HTML is only skipped */
    add_response(&file, 3, "http://example.com/blob", "X: y\r\n", big + 6);
    result r;
    read_bytes(&file, 1000, &r);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.rec[0].error,
                        "record body of 2999 bytes exceeds the limit of 1000 (record at offset 0)");
    assert_null(r.rec[0].body);
    assert_string_equal(r.rec[0].target_uri, "http://example.com/big");
    assert_page(&r.rec[1], "http://example.com/small", PAGE1);
    assert_int_equal(r.rec[1].offset, second);
    assert_int_equal(r.skipped, 1);
    result_free(&r);
    free(file.p);
}

static void test_truncated(void **state)
{
    (void)state;
    bytes file = {0}, recs[6];
    add_response(&file, 1, "http://example.com/", "Content-Type: text/html\r\n", PAGE1);
    size_t second = file.len;
    add_response(&file, 2, "http://example.com/cut", "Content-Type: text/html\r\n", PAGE2);
    file.len -= 30;
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.last, 0);
    assert_int_equal(r.n, 2);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    char want[100];
    size_t block = strlen("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n") + strlen(PAGE2);
    snprintf(want, sizeof want, "truncated: record at offset %zu ends after %zu of %zu bytes", second,
             block - 26, block);
    assert_string_equal(r.rec[1].error, want);
    assert_string_equal(r.rec[1].target_uri, "http://example.com/cut");
    result_free(&r);
    free(file.p);

    /* a gzip file cut inside its last member */
    uint64_t starts[6];
    file = assemble(recs, crawl(recs), true, starts);
    file.len -= 20;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.last, 0);
    assert_int_equal(r.n, 2);
    assert_page(&r.rec[0], "http://example.com/", PAGE1);
    assert_non_null(strstr(r.rec[1].error, "truncated"));
    assert_int_equal(r.rec[1].offset, starts[5]);
    result_free(&r);
    /* and cut inside its header */
    file.len = starts[5] + 30;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 2);
    assert_non_null(strstr(r.rec[1].error, "truncated"));
    result_free(&r);
    free(file.p);
}

/* Three gzip members, the second damaged: the first and third survive. */
static char body2[4000];

static void three_members(bytes *file, uint64_t starts[3])
{
    char *body = body2;
    size_t n = 0;
    /* text that compresses with dynamic codes, like a real page */
    for (unsigned i = 0; n < sizeof body2 - 40; i++)
        n += (size_t)snprintf(body + n, sizeof body2 - n, "<p>line %u of %u words</p>\n", i * 7919u % 1000u, i);
    bytes recs[3] = {{0}};
    add_response(&recs[0], 1, "http://example.com/1", "Content-Type: text/html\r\n", PAGE1);
    add_response(&recs[1], 2, "http://example.com/2", "Content-Type: text/html\r\n", body);
    add_response(&recs[2], 3, "http://example.com/3", "Content-Type: text/html\r\n", PAGE2);
    *file = assemble(recs, 3, true, starts);
}

static void test_corrupt_member(void **state)
{
    (void)state;
    bytes file;
    uint64_t starts[3];
    three_members(&file, starts);
    size_t mid = (size_t)(starts[1] + starts[2]) / 2;
    for (size_t i = mid; i < mid + 8; i++)
        file.p[i] = (char)(file.p[i] ^ 0x55);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.last, 0);
    assert_int_equal(r.n, 3);
    assert_page(&r.rec[0], "http://example.com/1", PAGE1);
    assert_non_null(r.rec[1].error);
    assert_int_equal(r.rec[1].offset, starts[1]);
    assert_page(&r.rec[2], "http://example.com/3", PAGE2);
    assert_int_equal(r.rec[2].offset, starts[2]);
    result_free(&r);
    free(file.p);
}

/* Whichever byte of the second member is damaged (one bit or all eight),
 * record 3 is read and no damaged page passes for a good one. */
static void test_corrupt_member_every_byte(void **state)
{
    (void)state;
    bytes file;
    uint64_t starts[3];
    three_members(&file, starts);
    for (size_t j = 0; j < 2 * (size_t)(starts[2] - starts[1]); j++) {
        size_t i = (size_t)starts[1] + j / 2;
        char mask = j % 2 ? (char)0x01 : (char)0xff;
        file.p[i] = (char)(file.p[i] ^ mask);
        result r;
        read_bytes(&file, MAX_BODY, &r);
        file.p[i] = (char)(file.p[i] ^ mask);
        assert_int_equal(r.last, 0);
        assert_true(r.n >= 2);
        assert_page(&r.rec[0], "http://example.com/1", PAGE1);
        assert_page(&r.rec[r.n - 1], "http://example.com/3", PAGE2);
        for (int k = 1; k < r.n - 1; k++)
            if (!r.rec[k].error)
                assert_page(&r.rec[k], "http://example.com/2", body2);
        result_free(&r);
    }
    free(file.p);
}

/* A file cut at any length, plain or gzip: every page before the cut is
 * read and the reader ends. */
static void test_cut_anywhere(void **state)
{
    (void)state;
    for (int gzip = 0; gzip < 2; gzip++) {
        bytes recs[6];
        uint64_t starts[6];
        bytes file = assemble(recs, crawl(recs), gzip, starts);
        size_t full = file.len;
        for (size_t len = 0; len < full; len++) {
            file.len = len;
            result r;
            read_bytes(&file, MAX_BODY, &r);
            assert_int_equal(r.last, 0);
            int pages = 0;
            for (int i = 0; i < r.n; i++)
                pages += !r.rec[i].error;
            size_t crlfs = gzip ? 0 : 4; /* a plain record may lack its CRLFs */
            int want = (len >= starts[3] - crlfs) + (len >= full - crlfs);
            assert_int_equal(pages, want);
            if (pages)
                assert_page(&r.rec[0], "http://example.com/", PAGE1);
            result_free(&r);
        }
        free(file.p);
    }
}

static void test_garbage_between_records(void **state)
{
    (void)state;
    bytes file = {0};
    add_response(&file, 1, "http://example.com/1", "Content-Type: text/html\r\n", PAGE1);
    size_t junk = file.len;
    adds(&file, "junk \x01\x02\xff\xc3\xa9 \xe2\x82 and a very long line of it that goes on and on and on\r\n");
    adds(&file, "more junk WARC/1.0 not at a line start\n\n");
    add_response(&file, 2, "http://example.com/2", "Content-Type: text/html\r\n", PAGE2);
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.n, 3);
    assert_page(&r.rec[0], "http://example.com/1", PAGE1);
    assert_int_equal(r.rec[1].offset, junk);
    char want[200];
    snprintf(want, sizeof want,
             "bad WARC version line at offset %zu: \"junk ???\xc3\xa9 ?? and a very long line of it that goes "
             "on and on...\"",
             junk);
    assert_string_equal(r.rec[1].error, want);
    assert_page(&r.rec[2], "http://example.com/2", PAGE2);
    result_free(&r);
    free(file.p);
}

static void test_empty(void **state)
{
    (void)state;
    bytes file = {0};
    result r;
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.last, 0);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.skipped, 0);
    result_free(&r);
    /* only blank lines */
    adds(&file, "\r\n\n\r\n");
    read_bytes(&file, MAX_BODY, &r);
    assert_int_equal(r.last, 0);
    assert_int_equal(r.n, 0);
    result_free(&r);
    free(file.p);
}

static uint32_t next_random(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 24;
}

/* Random bytes, and random bytes that look like gzip or hold version
 * lines: the reader ends with error records and 0. */
static void test_random_bytes(void **state)
{
    (void)state;
    static const char *const prefixes[] = {"", "\x1f\x8b\x08", "WARC/1.0\r\n", "\x1f\x8b\x08\x00"};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        uint32_t seed = (uint32_t)k + 1;
        bytes file = {0};
        adds(&file, prefixes[k]);
        for (int i = 0; i < 200000; i++) {
            char c = (char)next_random(&seed);
            add(&file, &c, 1);
            if (i % 20000 == 19999) /* records that start, then fall apart */
                adds(&file, i % 40000 ? "\nWARC/1.0\r\nContent-Length: 100000\r\n\r\n" : "\nWARC/1.1\r\n\x1f\x8b\x08");
        }
        result r;
        read_bytes(&file, MAX_BODY, &r);
        assert_int_equal(r.last, 0);
        assert_true(r.n >= 1);
        for (int i = 0; i < r.n; i++)
            assert_non_null(r.rec[i].error);
        result_free(&r);
        free(file.p);
    }
}

/* A read error of the file itself ends the run with -1. */
static void test_read_error(void **state)
{
    (void)state;
    FILE *f = fopen(".", "rb"); /* a directory: fread fails with EISDIR */
    if (!f)
        skip();
    px_warc *w = px_warc_open(f, MAX_BODY);
    px_warc_record rec;
    assert_int_equal(px_warc_next(w, &rec), -1);
    assert_non_null(rec.error);
    assert_non_null(strstr(rec.error, "read error at offset 0"));
    px_warc_record_free(&rec);
    assert_null(rec.error);
    px_warc_close(w);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_crawl),
        cmocka_unit_test(test_gzip_crawl),
        cmocka_unit_test(test_one_member_and_mixed),
        cmocka_unit_test(test_record_across_members),
        cmocka_unit_test(test_charset),
        cmocka_unit_test(test_not_html_skipped),
        cmocka_unit_test(test_chunked),
        cmocka_unit_test(test_content_encoding),
        cmocka_unit_test(test_gzip_bomb),
        cmocka_unit_test(test_sniffed),
        cmocka_unit_test(test_header_forms),
        cmocka_unit_test(test_other_records_skipped),
        cmocka_unit_test(test_bad_length),
        cmocka_unit_test(test_body_over_limit),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_corrupt_member),
        cmocka_unit_test(test_corrupt_member_every_byte),
        cmocka_unit_test(test_cut_anywhere),
        cmocka_unit_test(test_garbage_between_records),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_read_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
