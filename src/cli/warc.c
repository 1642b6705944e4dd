/*
 * The WARC reader's records (see warc_impl.h for the layers): the version
 * line and header fields, the block that Content-Length frames, and error
 * records whose messages are safe to print. The HTTP response inside a
 * block is warc_http.c's, and the API of warc.h is warc_reader.c's.
 */
#include "warc_impl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "WARC/1.0" with room for stray spaces: a longer first line is not one. */
#define MAX_VERSION_LINE 256u

/* ---- small text helpers ---- */

static bool buf_add(px_warc_buf *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return false;
        b->p = p;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return true;
}

/* Trims the slice [*s, *e) of white space on both sides. */
void px_warc_trim(const char **s, const char **e)
{
    while (*s < *e && px_warc_is_space(**s))
        (*s)++;
    while (*e > *s && px_warc_is_space((*e)[-1]))
        (*e)--;
}

static char *dup_slice(const char *s, const char *e)
{
    size_t n = (size_t)(e - s);
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* The length of the well-formed UTF-8 sequence at s, or 0. s is
 * NUL-terminated, and NUL is no continuation byte, so this stops there. */
static size_t utf8_len(const unsigned char *s)
{
    size_t n;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        n = 2;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        n = 3;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        n = 4;
    else
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
        (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
        return 0; /* overlong, surrogate or past U+10FFFF */
    return n;
}

/* Error messages are one line of UTF-8 whatever the file held: controls
 * and bytes that are not UTF-8 become '?'. */
static void sanitize(char *s)
{
    unsigned char *p = (unsigned char *)s;
    while (*p) {
        size_t n = *p >= 0x80 ? utf8_len(p) : 1;
        if (n == 0 || *p < 0x20 || *p == 0x7f) {
            *p = '?';
            n = 1;
        }
        p += n;
    }
}

/* At most QUOTE_LEN bytes of input for a message, less its line end. */
void px_warc_quote(char out[QUOTE_LEN + 4], const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    bool cut = n > QUOTE_LEN;
    if (cut)
        n = QUOTE_LEN;
    if (n)
        memcpy(out, s, n);
    memcpy(out + n, cut ? "..." : "", cut ? 4 : 1);
    /* A NUL inside would end the quote early; make it visible instead. */
    for (size_t i = 0; i < n; i++)
        if (out[i] == '\0')
            out[i] = '?';
}

/* ---- records ---- */

/* The WARC header fields read (enum px_warc_field). */
static const char warc_names[WF_N][PX_WARC_NAME_W] = {
    "content-length", "warc-type", "warc-target-uri", "warc-record-id", "warc-date", "content-type",
};

__attribute__((format(printf, 2, 3))) int px_warc_set_error(px_warc_record *rec, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sanitize(msg);
    free(rec->error);
    rec->error = strdup(msg);
    return rec->error ? R_YIELD : R_FATAL;
}

int px_warc_out_of_memory(px_warc_record *rec)
{
    free(rec->error);
    rec->error = strdup("out of memory");
    return R_FATAL;
}

/* The record's error when the source failed under it: a read error ends
 * the run; a bad gzip member is skipped. */
static int source_failed(px_warc *w, px_warc_record *rec)
{
    int res;
    uint64_t member = w->base + w->member_off, here = w->base + px_warc_raw_pos(w);
    unsigned long long at = member;
    switch (w->fail) {
    case F_IO:
        px_warc_set_error(rec, "read error at offset %llu: %s", (unsigned long long)here,
                          strerror(w->io_errno));
        return R_FATAL;
    case F_NOMEM:
        return px_warc_out_of_memory(rec);
    case F_GZIP_SHORT:
        res = px_warc_set_error(rec, "truncated: gzip member at offset %llu ends early", at);
        break;
    default:
        res = px_warc_set_error(rec, "corrupt gzip member at offset %llu: %s", at, w->why);
        break;
    }
    px_warc_gzip_resync(w);
    return res;
}

/* A block that ended before its Content-Length. */
int px_warc_block_short(px_warc_rd *r)
{
    px_warc *w = r->w;
    if (w->fail == F_IO || w->fail == F_NOMEM || w->fail == F_GZIP)
        return source_failed(w, r->rec);
    /* A file that ends inside the block may hold records there that a
     * length too large swallowed: they are read again (plain files). */
    bool back = !w->fail && px_warc_src_rewind(w, r->block_raw);
    int res = px_warc_set_error(r->rec, "truncated: record at offset %llu ends after %llu of %llu bytes",
                                px_warc_rec_off(r), (unsigned long long)r->done,
                                (unsigned long long)r->length);
    if (w->fail == F_GZIP_SHORT)
        px_warc_gzip_resync(w);
    if (back)
        px_warc_text_resync(w);
    return res;
}

/* An error in a record whose length is unknown: the next one is found by
 * its version line. */
__attribute__((format(printf, 2, 3))) static int lost(px_warc_rd *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int res = px_warc_set_error(r->rec, "%s", msg);
    px_warc_text_resync(r->w);
    return res;
}

/* Appends one line (with its '\n') to b, reading at most limit bytes;
 * *used grows by what was read. */
static line_status read_line(px_warc *w, px_warc_buf *b, size_t limit, size_t *used)
{
    size_t got = 0;
    for (;;) {
        if (got == limit)
            return L_LONG;
        size_t n = px_warc_src_avail(w);
        if (n == 0)
            return L_END;
        const unsigned char *p = px_warc_src_ptr(w);
        size_t take = n < limit - got ? n : limit - got;
        const unsigned char *nl = memchr(p, '\n', take);
        if (nl)
            take = (size_t)(nl - p) + 1;
        if (!buf_add(b, p, take))
            return L_NOMEM;
        px_warc_src_consume(w, take);
        got += take;
        *used += take;
        if (nl)
            return L_OK;
    }
}

/* Appends lines to b up to and including a blank one. */
static line_status read_lines(px_warc *w, px_warc_buf *b, size_t limit, size_t *used)
{
    for (;;) {
        size_t start = b->len;
        line_status st = read_line(w, b, limit - *used, used);
        if (st != L_OK)
            return st;
        const char *line = b->p + start;
        if (strcmp(line, "\n") == 0 || strcmp(line, "\r\n") == 0)
            return L_OK;
    }
}

line_status px_warc_read_head(px_warc_rd *r, size_t limit, size_t *used)
{
    r->head.len = 0;
    if (!buf_add(&r->head, "", 0)) /* an empty block reads nothing */
        return L_NOMEM;
    line_status st = read_line(r->w, &r->head, limit, used);
    if (st == L_OK)
        st = read_lines(r->w, &r->head, limit, used);
    return st;
}

static int field_index(const char *s, const char *e, const char (*names)[PX_WARC_NAME_W], int count)
{
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == (size_t)(e - s) && strncasecmp(names[i], s, (size_t)(e - s)) == 0)
            return i;
    return -1;
}

/* Appends a folded continuation line to a field's value. */
static bool unfold(char **val, const char *s, const char *e)
{
    size_t old = strlen(*val), n = (size_t)(e - s), gap = old ? 1 : 0;
    char *p = realloc(*val, old + gap + n + 1);
    if (!p)
        return false;
    p[old] = ' ';
    memcpy(p + old + gap, s, n);
    p[old + gap + n] = '\0';
    *val = p;
    return true;
}

/* Picks the named fields out of a header block (after its first line); the
 * first of a repeated field wins. False when out of memory. */
bool px_warc_parse_fields(const char *p, const char *end, const char (*names)[PX_WARC_NAME_W], int count,
                         char **vals)
{
    int cur = -1; /* the field a continuation line belongs to */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end, *next = nl ? nl + 1 : end;
        if (p < eol && (*p == ' ' || *p == '\t')) {
            const char *s = p, *e = eol;
            px_warc_trim(&s, &e);
            if (cur >= 0 && s < e && !unfold(&vals[cur], s, e))
                return false;
        } else {
            const char *colon = memchr(p, ':', (size_t)(eol - p));
            cur = -1;
            if (colon) {
                const char *ns = p, *ne = colon, *vs = colon + 1, *ve = eol;
                px_warc_trim(&ns, &ne);
                px_warc_trim(&vs, &ve);
                int i = field_index(ns, ne, names, count);
                if (i >= 0 && !vals[i]) {
                    /* The fields found before stay in vals for the caller
                     * to free; the analyzer loses them to the store at a
                     * symbolic index (since the split, which let it follow
                     * read_record this deep). */
                    if (!(vals[i] = dup_slice(vs, ve)))
                        return false; // NOLINT(clang-analyzer-unix.Malloc): not a leak, see above
                    cur = i;
                }
            }
        }
        p = next;
    }
    return true;
}

/* Whether a Content-Type value names this media type (parameters aside). */
/* Content-Length: digits only, and small enough that sums cannot wrap. */
static bool parse_length(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_C(1) << 56))
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return true;
}

/* Reads (dst non-NULL) or skips n bytes of the block; false when it ends
 * first. */
bool px_warc_block_take(px_warc_rd *r, char *dst, uint64_t n)
{
    while (n) {
        size_t have = px_warc_src_avail(r->w);
        if (have == 0)
            return false;
        size_t take = have < n ? have : (size_t)n;
        if (dst) {
            memcpy(dst, px_warc_src_ptr(r->w), take);
            dst += take;
        }
        px_warc_src_consume(r->w, take);
        n -= take;
        r->done += take;
    }
    return true;
}

/* Consumes the two line ends after the block, either of which may be
 * missing or a bare LF. */
int px_warc_finish_block(px_warc_rd *r)
{
    px_warc *w = r->w;
    int ends = 0;
    for (; ends < 2; ends++) {
        size_t n = px_warc_src_peek(w, 2);
        const unsigned char *p = px_warc_src_ptr(w);
        if (n >= 2 && p[0] == '\r' && p[1] == '\n')
            px_warc_src_consume(w, 2);
        else if (n >= 1 && p[0] == '\n')
            px_warc_src_consume(w, 1);
        else
            break;
    }
    if (r->own_member)
        px_warc_src_end_member(w);
    if (w->fail != F_NONE)
        return source_failed(w, r->rec);
    /* The trailer is where Content-Length says when both its line ends
     * are there, or when the file (or a last line end), the next record or
     * a gzip member follows. Anything else: the length lied and the block
     * took bytes of the records after it (a length too large or too small,
     * a file whose CRLFs became LFs). Those records are read again from
     * the block's start, at its first version line. */
    size_t n = r->own_member || ends == 2 ? 0 : px_warc_src_peek(w, 2);
    const unsigned char *p = px_warc_src_ptr(w);
    if (n == 0 || (n == 1 && (p[0] == '\r' || p[0] == '\n')) || px_warc_src_at_record(w) ||
        (n >= 2 && p[0] == 0x1f && p[1] == 0x8b))
        return R_GO;
    free(r->rec->body);
    r->rec->body = NULL;
    r->rec->body_len = 0;
    bool back = px_warc_src_rewind(w, r->block_raw);
    int res = px_warc_set_error(r->rec,
                                "corrupt: record at offset %llu does not end where its Content-Length "
                                "(%llu) says%s",
                                px_warc_rec_off(r), (unsigned long long)r->length,
                                back ? "; read again from inside its block" : "");
    px_warc_text_resync(w);
    return res;
}

/* Skips the rest of the block: the record is not wanted, or has failed
 * with error already set. */
int px_warc_skip_block(px_warc_rd *r, int res)
{
    if (!px_warc_block_take(r, NULL, r->length - r->done)) {
        free(r->rec->error);
        r->rec->error = NULL;
        return px_warc_block_short(r);
    }
    int fin = px_warc_finish_block(r);
    return fin == R_GO ? res : fin;
}

/* Reads the WARC header block; the version line first, so that garbage is
 * recognised before it swallows the next record's header. */
static int read_warc_header(px_warc_rd *r, char *warc[WF_N])
{
    px_warc *w = r->w;
    size_t used = 0;
    char q[QUOTE_LEN + 4];
    line_status st = buf_add(&r->head, "", 0) ? read_line(w, &r->head, MAX_VERSION_LINE, &used) : L_NOMEM;
    if (st == L_NOMEM)
        return px_warc_out_of_memory(r->rec);
    if (w->fail && st == L_END)
        return source_failed(w, r->rec);
    const char *s = r->head.p, *e = s + r->head.len;
    px_warc_trim(&s, &e);
    if ((size_t)(e - s) != 8 || (memcmp(s, "WARC/1.0", 8) != 0 && memcmp(s, "WARC/1.1", 8) != 0)) {
        px_warc_quote(q, r->head.p, r->head.len);
        return lost(r, "bad WARC version line at offset %llu: \"%s\"", px_warc_rec_off(r), q);
    }
    size_t first = r->head.len;
    if (st == L_OK)
        st = read_lines(w, &r->head, MAX_HEADER, &used);
    if (st == L_NOMEM)
        return px_warc_out_of_memory(r->rec);
    if (st == L_END) {
        if (w->fail && w->fail != F_GZIP_SHORT)
            return source_failed(w, r->rec);
        int res = px_warc_set_error(r->rec, "truncated: WARC header at offset %llu ends after %zu bytes",
                                    px_warc_rec_off(r), used);
        if (w->fail)
            px_warc_gzip_resync(w);
        return res;
    }
    if (st == L_LONG)
        return lost(r, "WARC header at offset %llu is longer than %u bytes", px_warc_rec_off(r), MAX_HEADER);
    if (!px_warc_parse_fields(r->head.p + first, r->head.p + r->head.len, warc_names, WF_N, warc))
        return px_warc_out_of_memory(r->rec);
    return R_GO;
}

/* Moves the WARC fields a caller sees into the record. */
static void take_warc_fields(px_warc_record *rec, char *warc[WF_N])
{
    char *uri = warc[WF_URI];
    size_t n = uri ? strlen(uri) : 0;
    /* WARC/1.0 drafts wrote the URI in angle brackets. */
    if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') {
        memmove(uri, uri + 1, n - 2);
        uri[n - 2] = '\0';
    }
    rec->target_uri = uri;
    rec->record_id = warc[WF_ID];
    rec->date = warc[WF_DATE];
    warc[WF_URI] = warc[WF_ID] = warc[WF_DATE] = NULL;
}

/* Finds the next record's start (px_warc_src_begin). */
static int start_record(px_warc *w, px_warc_rd *r)
{
    bool more = px_warc_src_begin(w, &r->rec->offset, &r->own_member);
    if (w->fail)
        return source_failed(w, r->rec);
    return more ? R_GO : R_END;
}

int px_warc_read_header(px_warc_rd *r, char *warc[WF_N])
{
    int res = start_record(r->w, r);
    if (res == R_GO)
        res = read_warc_header(r, warc);
    if (res == R_GO) {
        char q[QUOTE_LEN + 4];
        const char *len = warc[WF_LENGTH];
        take_warc_fields(r->rec, warc);
        if (!len) {
            res = lost(r, "no Content-Length in the WARC header at offset %llu", px_warc_rec_off(r));
        } else if (!parse_length(len, &r->length)) {
            px_warc_quote(q, len, strlen(len));
            res = lost(r, "bad Content-Length \"%s\" in the WARC header at offset %llu", q,
                       px_warc_rec_off(r));
        }
    }
    return res;
}
