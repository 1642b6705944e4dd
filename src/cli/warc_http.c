/*
 * The WARC reader's HTTP layer (see warc_impl.h for the layers): the
 * response inside a response record. Its status line and headers, whether
 * the body is an HTML page (by Content-Type, or sniffed when there is
 * none), and the body as the page: de-chunked, Content-Encoding undone.
 * The first two sections are helpers on plain strings and bytes; only the
 * last reads the block, through the records layer (warc.c).
 */
#include "warc_impl.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What an oversized body of unknown type is sniffed from. */
#define SNIFF_LEN 1024u

/* The HTTP header fields read. */
enum { HF_CTYPE, HF_TE, HF_CE, HF_N };
static const char http_names[HF_N][PX_WARC_NAME_W] = {"content-type", "transfer-encoding",
                                                      "content-encoding"};

/* ---- Content-Type ---- */

/* Whether a Content-Type value names this media type (parameters aside). */
static bool media_is(const char *ct, const char *type)
{
    size_t n = strlen(type);
    while (px_warc_is_space(*ct))
        ct++;
    return strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || px_warc_is_space(ct[n]));
}

/* The value of a Content-Type parameter (unquoted), as a slice; false when
 * absent. */
static bool param(const char *ct, const char *name, const char **vs, const char **ve)
{
    size_t n = strlen(name);
    for (const char *p = strchr(ct, ';'); p; p = strchr(p, ';')) {
        p++;
        while (px_warc_is_space(*p))
            p++;
        if (strncasecmp(p, name, n) != 0)
            continue;
        const char *q = p + n;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q != '=')
            continue;
        q++;
        while (*q == ' ' || *q == '\t')
            q++;
        const char *e;
        if (*q == '"') {
            e = strchr(++q, '"');
            if (!e)
                e = q + strlen(q);
        } else {
            e = q + strcspn(q, ";");
        }
        px_warc_trim(&q, &e);
        *vs = q;
        *ve = e;
        return true;
    }
    return false;
}

static bool param_is(const char *ct, const char *name, const char *value)
{
    const char *s, *e;
    if (!param(ct, name, &s, &e))
        return false;
    return strlen(value) == (size_t)(e - s) && strncasecmp(s, value, (size_t)(e - s)) == 0;
}

/* Only a response record holding an HTTP response carries a page; requests,
 * metadata, revisits, resources and the rest are skipped. */
bool px_warc_is_http_response(const char *type, const char *ct)
{
    if (!type || strcasecmp(type, "response") != 0 || !ct || !media_is(ct, "application/http"))
        return false;
    const char *s, *e;
    return !param(ct, "msgtype", &s, &e) || param_is(ct, "msgtype", "response");
}

static bool is_html_type(const char *ct)
{
    static const char *const html[] = {"text/html", "application/xhtml+xml"};
    for (size_t i = 0; i < sizeof html / sizeof *html; i++)
        if (media_is(ct, html[i]))
            return true;
    return false;
}

/* Without a Content-Type, a body is HTML when it says so at its start. */
static bool looks_html(const char *p, size_t n)
{
    static const char *const starts[] = {"<!doctype html", "<html"};
    const char *e = p + n;
    if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < e && (px_warc_is_space(*p) || *p == '\f'))
        p++;
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++) {
        size_t k = strlen(starts[i]);
        if ((size_t)(e - p) >= k && strncasecmp(p, starts[i], k) == 0)
            return true;
    }
    return false;
}

/* ---- the body's encodings ---- */

/* De-chunks b in place when write, or only checks that it parses when not.
 * A body cut inside a chunk, or missing the last chunk, still parses: Common
 * Crawl truncates long payloads. */
static bool dechunk(char *b, size_t n, size_t *out_len, bool write)
{
    size_t i = 0, o = 0;
    if (n == 0)
        return false;
    while (i < n) {
        uint64_t size = 0;
        size_t j = i;
        for (; j < n; j++) {
            int d = b[j] >= '0' && b[j] <= '9'   ? b[j] - '0'
                    : b[j] >= 'a' && b[j] <= 'f' ? b[j] - 'a' + 10
                    : b[j] >= 'A' && b[j] <= 'F' ? b[j] - 'A' + 10
                                                 : -1;
            if (d < 0)
                break;
            if (size > (UINT64_C(1) << 56))
                return false;
            size = size * 16 + (uint64_t)d;
        }
        /* digits, then a line end or a chunk extension */
        if (j == i || j == n || !(b[j] == '\r' || b[j] == '\n' || b[j] == ';' || b[j] == ' ' || b[j] == '\t'))
            return false;
        const char *nl = memchr(b + j, '\n', n - j);
        if (!nl)
            return false;
        j = (size_t)(nl - b) + 1;
        if (size == 0)
            break; /* the last chunk; trailers are of no use */
        size_t take = size < n - j ? (size_t)size : n - j;
        if (write)
            memmove(b + o, b + j, take);
        o += take;
        j += take;
        if (j < n && b[j] == '\r')
            j++;
        if (j < n && b[j] == '\n')
            j++;
        else if (j < n)
            return false; /* chunk data must end with its line end */
        i = j;
    }
    *out_len = o;
    return true;
}

enum enc { E_NONE, E_GZIP, E_DEFLATE, E_UNKNOWN };

static enum enc content_encoding(const char *ce)
{
    static const struct {
        char name[12];
        enum enc enc;
    } encs[] = {{"", E_NONE}, {"identity", E_NONE}, {"gzip", E_GZIP}, {"x-gzip", E_GZIP}, {"deflate", E_DEFLATE}};
    if (!ce)
        return E_NONE;
    for (size_t i = 0; i < sizeof encs / sizeof *encs; i++)
        if (strcasecmp(ce, encs[i].name) == 0)
            return encs[i].enc;
    return E_UNKNOWN;
}

enum { INF_OK, INF_NOMEM, INF_BAD, INF_BIG };

/* Inflates src into a new buffer of at most limit bytes (NUL-terminated). */
static int inflate_all(const px_zlib_api *zl, const char *src, size_t n, int bits, size_t limit, char **out,
                       size_t *out_len, char why[96])
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (px_warc_inflate_init(zl, &z, bits) != Z_OK)
        return INF_NOMEM;
    /* One byte past the limit tells a body of exactly limit bytes from a
     * longer one. */
    size_t most = limit < SIZE_MAX - 1 ? limit + 1 : SIZE_MAX - 1;
    size_t cap = n < most / 4 ? n * 4 + 1024 : most, len = 0;
    if (cap > most)
        cap = most;
    char *o = malloc(cap + 1);
    int res = o ? INF_BAD : INF_NOMEM, r = Z_OK;
    z.next_in = (const Bytef *)src;
    while (o) {
        if (z.avail_in == 0 && n) {
            z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
            n -= z.avail_in;
        }
        if (len > limit) {
            res = INF_BIG;
            break;
        }
        if (len == cap) {
            size_t grown = cap > most / 2 ? most : cap * 2;
            char *p = realloc(o, grown + 1);
            if (!p) {
                res = INF_NOMEM;
                break;
            }
            o = p;
            cap = grown;
        }
        size_t room = cap - len > UINT32_MAX ? UINT32_MAX : cap - len;
        z.next_out = (Bytef *)o + len;
        z.avail_out = (uInt)room;
        r = zl->inflate(&z, Z_NO_FLUSH);
        len += room - z.avail_out;
        if (r == Z_STREAM_END) {
            res = INF_OK;
            break;
        }
        if (r == Z_MEM_ERROR) {
            res = INF_NOMEM;
            break;
        }
        if (r != Z_OK && !(r == Z_BUF_ERROR && (z.avail_in || n))) {
            snprintf(why, 96, "%s", r == Z_BUF_ERROR ? "the data ends early" : z.msg ? z.msg : "inflate failed");
            break;
        }
    }
    zl->inflate_end(&z);
    if (res == INF_OK && len > limit)
        res = INF_BIG;
    if (res != INF_OK) {
        free(o);
        return res;
    }
    o[len] = '\0';
    *out = o;
    *out_len = len;
    return INF_OK;
}

/* ---- the response ---- */

/* "HTTP/1.1 200 OK": the status, or 0 when the code is not three digits. */
static int parse_status(const char *line)
{
    size_t n = strcspn(line, "\n");
    const char *p = memchr(line, ' ', n);
    if (!p)
        return 0;
    while (*p == ' ')
        p++;
    for (int i = 0; i < 3; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    if (p[3] != '\0' && !px_warc_is_space(p[3]))
        return 0;
    return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Reads the HTTP status line and headers at the block's start; a block
 * that holds nothing else is a response without a body. */
static int read_http_header(px_warc_rd *r, char *http[HF_N])
{
    uint64_t room = r->length - r->done;
    size_t cap = room < MAX_HEADER ? (size_t)room : MAX_HEADER, used = 0;
    char q[QUOTE_LEN + 4];
    line_status st = px_warc_read_head(r, cap, &used);
    r->done += used;
    if (st == L_NOMEM)
        return px_warc_out_of_memory(r->rec);
    if (st == L_END)
        return px_warc_block_short(r);
    if (strncasecmp(r->head.p, "HTTP/", 5) != 0) {
        px_warc_quote(q, r->head.p, strcspn(r->head.p, "\n"));
        px_warc_set_error(r->rec, "no HTTP status line in the response at offset %llu: \"%s\"",
                          px_warc_rec_off(r), q);
        return px_warc_skip_block(r, r->rec->error ? R_YIELD : R_FATAL);
    }
    if (st == L_LONG && used < room) {
        px_warc_set_error(r->rec, "HTTP headers longer than %u bytes in the response at offset %llu",
                          MAX_HEADER, px_warc_rec_off(r));
        return px_warc_skip_block(r, r->rec->error ? R_YIELD : R_FATAL);
    }
    r->rec->http_status = parse_status(r->head.p);
    const char *first_end = strchr(r->head.p, '\n');
    const char *from = first_end ? first_end + 1 : r->head.p + r->head.len;
    if (!px_warc_parse_fields(from, r->head.p + r->head.len, http_names, HF_N, http))
        return px_warc_out_of_memory(r->rec);
    return R_GO;
}

/* Undoes a gzip or deflate Content-Encoding. "deflate" is a zlib stream by
 * the standard and a raw one on some servers: both are tried. */
static int undo_encoding(px_warc_rd *r, enum enc enc, const char *name)
{
    px_warc_record *rec = r->rec;
    char why[96] = "";
    char *out = NULL;
    size_t len = 0;
    int res = inflate_all(r->w->zl, rec->body, rec->body_len, enc == E_GZIP ? 32 + MAX_WBITS : MAX_WBITS,
                          r->w->max_body, &out, &len, why);
    if (res == INF_BAD && enc == E_DEFLATE)
        res = inflate_all(r->w->zl, rec->body, rec->body_len, -MAX_WBITS, r->w->max_body, &out, &len, why);
    if (res == INF_NOMEM)
        return px_warc_out_of_memory(rec);
    if (res == INF_OK) {
        free(rec->body);
        rec->body = out;
        rec->body_len = len;
        return R_GO;
    }
    free(rec->body);
    rec->body = NULL;
    rec->body_len = 0;
    if (res == INF_BIG)
        return px_warc_set_error(rec,
                                 "record body exceeds the limit of %zu once Content-Encoding %s is undone "
                                 "(record at offset %llu)",
                                 r->w->max_body, name, px_warc_rec_off(r));
    return px_warc_set_error(rec, "cannot undo Content-Encoding %s: %s (record at offset %llu)", name,
                             why, px_warc_rec_off(r));
}

/* De-chunks the body when it is chunked (Common Crawl de-chunks but may
 * keep the header, so a body that does not parse as chunks stays as is),
 * then undoes its Content-Encoding. */
static int decode_body(px_warc_rd *r, const char *te, const char *ce)
{
    px_warc_record *rec = r->rec;
    size_t n;
    if (te && strcasestr(te, "chunked") && dechunk(rec->body, rec->body_len, &n, false)) {
        dechunk(rec->body, rec->body_len, &n, true);
        rec->body_len = n;
        rec->body[n] = '\0';
    }
    enum enc enc = content_encoding(ce);
    if (enc == E_NONE || rec->body_len == 0)
        return R_GO;
    char q[QUOTE_LEN + 4];
    if (enc == E_UNKNOWN) {
        px_warc_quote(q, ce, strlen(ce));
        free(rec->body);
        rec->body = NULL;
        rec->body_len = 0;
        return px_warc_set_error(rec, "unsupported Content-Encoding \"%s\" (record at offset %llu)", q,
                                 px_warc_rec_off(r));
    }
    return undo_encoding(r, enc, ce);
}

/* A body over max_body is streamed through, never stored. One whose type
 * is unknown is sniffed from its start: if it is not HTML it is only
 * skipped. */
static int body_too_big(px_warc_rd *r, uint64_t body, bool sniff, const char *te)
{
    if (sniff) {
        char head[SNIFF_LEN];
        size_t n = body < SNIFF_LEN ? (size_t)body : SNIFF_LEN;
        if (!px_warc_block_take(r, head, n))
            return px_warc_block_short(r);
        const char *p = head;
        if (te && strcasestr(te, "chunked")) { /* past the first chunk's size */
            const char *nl = memchr(head, '\n', n);
            p = nl ? nl + 1 : head;
        }
        if (!looks_html(p, n - (size_t)(p - head)))
            return px_warc_skip_block(r, R_SKIP);
    }
    if (px_warc_set_error(r->rec,
                          "record body of %llu bytes exceeds the limit of %zu (record at offset %llu)",
                          (unsigned long long)body, r->w->max_body, px_warc_rec_off(r)) == R_FATAL)
        return R_FATAL;
    return px_warc_skip_block(r, R_YIELD);
}

/* The HTTP response in a response record: an HTML page is kept, anything
 * else skipped without storing its body. */
static int response(px_warc_rd *r, char *http[HF_N])
{
    px_warc_record *rec = r->rec;
    int res = read_http_header(r, http);
    if (res != R_GO)
        return res;
    const char *ct = http[HF_CTYPE];
    bool sniff = !ct || !*ct;
    if (!sniff && !is_html_type(ct))
        return px_warc_skip_block(r, R_SKIP);
    const char *cs, *ce;
    if (!sniff && param(ct, "charset", &cs, &ce)) {
        if (!(rec->charset = strndup(cs, (size_t)(ce - cs))))
            return px_warc_out_of_memory(rec);
        for (char *p = rec->charset; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
    }
    uint64_t body = r->length - r->done;
    if (body > r->w->max_body || body >= SIZE_MAX)
        return body_too_big(r, body, sniff, http[HF_TE]);
    /* Content-Length is the file's claim, not bytes in hand: the buffer
     * grows with what arrives. Allocated at once, a 100-byte record that
     * claims terabytes under a large or no max_body fails malloc, and the
     * whole file is lost as "out of memory" (fuzz_warc). */
    size_t want = (size_t)body, cap = want < CHUNK ? want : CHUNK;
    for (size_t got = 0;;) {
        char *p = realloc(rec->body, cap + 1);
        if (!p) {
            free(rec->body);
            rec->body = NULL;
            return px_warc_out_of_memory(rec);
        }
        rec->body = p;
        if (!px_warc_block_take(r, rec->body + got, cap - got)) {
            free(rec->body);
            rec->body = NULL;
            return px_warc_block_short(r);
        }
        if (cap == want)
            break;
        got = cap;
        cap = cap < want / 2 ? cap * 2 : want;
    }
    rec->body_len = want;
    rec->body[want] = '\0';
    if ((res = px_warc_finish_block(r)) != R_GO) {
        free(rec->body); /* an error record holds no body */
        rec->body = NULL;
        rec->body_len = 0;
        return res;
    }
    if ((res = decode_body(r, http[HF_TE], http[HF_CE])) != R_GO)
        return res;
    if (sniff && !looks_html(rec->body, rec->body_len))
        return R_SKIP;
    return R_YIELD;
}

/* The HTTP header fields live only while the response is read. */
int px_warc_read_response(px_warc_rd *r)
{
    char *http[HF_N] = {NULL};
    int res = response(r, http);
    for (int i = 0; i < HF_N; i++)
        free(http[i]);
    return res;
}
