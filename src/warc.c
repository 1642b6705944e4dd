/*
 * The WARC reader, in three layers that each know nothing of the one above:
 *
 *  - raw: the file in 64 KiB chunks, read forward only (a pipe is fine);
 *  - source: the bytes of the records, inflating a gzip member wherever one
 *    starts a record, passing plain bytes through everywhere else;
 *  - records: the WARC header block, the HTTP response inside, and the way
 *    back to the next record after an error.
 *
 * Offsets are kept relative to where reading began and reported from the
 * file's start (base).
 */
#define ZLIB_CONST
#include "warc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define CHUNK (64u * 1024u)
/* One header block, WARC or HTTP; real ones are a few KiB. */
#define MAX_HEADER (256u * 1024u)
/* "WARC/1.0" with room for stray spaces: a longer first line is not one. */
#define MAX_VERSION_LINE 256u
/* What an oversized body of unknown type is sniffed from. */
#define SNIFF_LEN 1024u
/* How much of the input an error message quotes. */
#define QUOTE_LEN 60u

enum mode { M_NONE, M_PLAIN, M_GZIP };
enum fail { F_NONE, F_IO, F_NOMEM, F_GZIP, F_GZIP_SHORT };

struct px_warc {
    FILE *f;
    size_t max_body;
    uint64_t base;       /* the file's position when opened */
    uint64_t in_off;     /* offset of in[0] */
    uint64_t high;       /* furthest offset read: a gzip resync steps back */
    uint64_t member_off; /* where the current gzip member starts */
    uint64_t skipped;
    size_t in_pos, in_len;
    size_t out_pos, out_len;
    bool in_eof;
    bool z_done;     /* the member's end has been inflated */
    bool line_start; /* the last byte consumed ended a line */
    bool fresh;      /* no record has begun in the current gzip member */
    enum mode mode;
    enum fail fail;
    int io_errno;
    char why[96]; /* zlib's complaint, for F_GZIP */
    z_stream z;
    unsigned char in[CHUNK];
    unsigned char out[CHUNK];
};

/* ---- raw: the file, forward only ---- */

static uint64_t raw_pos(const px_warc *w) { return w->in_off + w->in_pos; }

/* Makes at least want (<= CHUNK) unread bytes contiguous at in_pos unless
 * the file ends first; returns how many there are. */
static size_t raw_want(px_warc *w, size_t want)
{
    size_t have = w->in_len - w->in_pos;
    if (have >= want || w->in_eof)
        return have;
    memmove(w->in, w->in + w->in_pos, have);
    w->in_off += w->in_pos;
    w->in_pos = 0;
    size_t room = CHUNK - have;
    size_t n = fread(w->in + have, 1, room, w->f);
    w->in_len = have + n;
    /* fread only comes back short at the end or on an error; either way
     * asking again would not help. */
    if (n < room) {
        w->in_eof = true;
        if (ferror(w->f)) {
            w->io_errno = errno;
            w->fail = F_IO;
        }
    }
    return w->in_len;
}

/* ---- source: record bytes, inflated where a gzip member starts ---- */

static const unsigned char *src_ptr(const px_warc *w)
{
    return w->mode == M_GZIP ? w->out + w->out_pos : w->in + w->in_pos;
}

static size_t src_buffered(const px_warc *w)
{
    if (w->mode == M_GZIP)
        return w->out_len - w->out_pos;
    return w->mode == M_PLAIN ? w->in_len - w->in_pos : 0;
}

static void src_consume(px_warc *w, size_t n)
{
    if (n == 0)
        return;
    w->line_start = src_ptr(w)[n - 1] == '\n';
    if (w->mode == M_GZIP)
        w->out_pos += n;
    else
        w->in_pos += n;
}

static void gzip_failed(px_warc *w, enum fail f, const char *why)
{
    w->fail = f;
    snprintf(w->why, sizeof w->why, "%s", why);
}

/* Decides, at the raw position, whether a gzip member starts there. */
static bool src_detect(px_warc *w)
{
    size_t have = raw_want(w, 2);
    if (have == 0)
        return false;
    const unsigned char *p = w->in + w->in_pos;
    if (have >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
        inflateReset(&w->z);
        w->member_off = raw_pos(w);
        w->z_done = false;
        w->fresh = true;
        w->out_pos = w->out_len = 0;
        w->mode = M_GZIP;
    } else {
        w->mode = M_PLAIN;
    }
    return true;
}

/* Inflates more of the member after what out holds; false when nothing
 * more comes (w->fail says whether that is an error). */
static bool src_inflate(px_warc *w)
{
    if (w->out_pos == w->out_len)
        w->out_pos = w->out_len = 0;
    while (w->out_len < CHUNK) {
        if (w->in_pos == w->in_len && raw_want(w, 1) == 0) {
            if (w->fail == F_NONE)
                gzip_failed(w, F_GZIP_SHORT, "the file ends inside the member");
            return false;
        }
        size_t in_before = w->in_len - w->in_pos;
        w->z.next_in = w->in + w->in_pos;
        w->z.avail_in = (uInt)in_before;
        w->z.next_out = w->out + w->out_len;
        w->z.avail_out = (uInt)(CHUNK - w->out_len);
        int r = inflate(&w->z, Z_NO_FLUSH);
        size_t used = in_before - w->z.avail_in;
        size_t made = CHUNK - w->out_len - w->z.avail_out;
        w->in_pos += used;
        w->out_len += made;
        if (r == Z_STREAM_END) {
            w->z_done = true;
            return true;
        }
        if (r == Z_MEM_ERROR) {
            w->fail = F_NOMEM;
            return false;
        }
        /* Z_BUF_ERROR only means "give me input"; with input to spare and
         * no progress, it would loop. */
        if ((r != Z_OK && r != Z_BUF_ERROR) || (used == 0 && made == 0 && w->z.avail_in)) {
            gzip_failed(w, F_GZIP, w->z.msg ? w->z.msg : "inflate made no progress");
            return false;
        }
        if (made)
            return true;
    }
    return true;
}

/* Makes decoded bytes available at src_ptr; 0 at the end of the file, at
 * the end of a gzip member (src_at_member_end) or on a failure (w->fail). */
static size_t src_fill(px_warc *w)
{
    for (;;) {
        size_t n = src_buffered(w);
        if (n || w->fail)
            return n;
        if (w->mode == M_NONE) {
            if (!src_detect(w))
                return 0;
        } else if (w->mode == M_PLAIN) {
            if (raw_want(w, 1) == 0)
                return 0;
        } else if (w->z_done || !src_inflate(w)) {
            return src_buffered(w);
        }
    }
}

static bool src_at_member_end(const px_warc *w)
{
    return w->mode == M_GZIP && w->z_done && w->out_pos == w->out_len && !w->fail;
}

/* Lets the next bytes decide again between gzip and plain: at a record's
 * start, or where a member ended. */
static void src_next_member(px_warc *w)
{
    w->mode = M_NONE;
    w->out_pos = w->out_len = 0;
    w->line_start = true;
}

/* Makes want (<= 16) decoded bytes contiguous if the member or file holds
 * them; returns how many there are. */
static size_t src_peek(px_warc *w, size_t want)
{
    size_t have = src_fill(w);
    if (have >= want || have == 0)
        return have;
    if (w->mode == M_PLAIN)
        return raw_want(w, want);
    memmove(w->out, w->out + w->out_pos, have);
    w->out_pos = 0;
    w->out_len = have;
    while (w->out_len < want && !w->z_done && src_inflate(w)) {
    }
    return w->out_len;
}

/* src_fill inside a record: a member that ends mid-record is followed into
 * the next (bgzip splits a stream anywhere), unless that one starts a new
 * record, which leaves this one truncated. */
static size_t src_avail(px_warc *w)
{
    size_t n = src_fill(w);
    if (n || !src_at_member_end(w))
        return n;
    src_next_member(w);
    n = src_peek(w, 5);
    if (n >= 5 && memcmp(src_ptr(w), "WARC/", 5) == 0)
        return 0;
    return n;
}

/* ---- resynchronisation ---- */

/* Whether the gzip member at in_pos inflates to text beginning "WARC/". It
 * tries as much of the member as one chunk holds, which is far more than
 * five bytes of output need. */
static bool member_starts_record(px_warc *w)
{
    unsigned char head[5];
    raw_want(w, CHUNK);
    inflateReset(&w->z);
    w->z.next_in = w->in + w->in_pos;
    w->z.avail_in = (uInt)(w->in_len - w->in_pos);
    w->z.next_out = head;
    w->z.avail_out = sizeof head;
    int r = inflate(&w->z, Z_NO_FLUSH);
    bool ok = (r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR) && w->z.avail_out == 0 &&
              memcmp(head, "WARC/", 5) == 0;
    inflateReset(&w->z);
    return ok;
}

/* After a gzip member that would not inflate: scans the compressed bytes
 * for the next member that holds a record. The scan starts just after the
 * bad member's start when that is still in the buffer, since inflate may
 * have read past the member's end into the next one before it choked. */
static void gzip_resync(px_warc *w)
{
    if (w->fail == F_IO || w->fail == F_NOMEM)
        return;
    if (raw_pos(w) > w->high)
        w->high = raw_pos(w);
    uint64_t from = w->member_off + 1;
    if (from < w->in_off)
        from = w->in_off;
    if (from > w->in_off + w->in_len)
        from = w->in_off + w->in_len;
    w->in_pos = (size_t)(from - w->in_off);
    w->fail = F_NONE;
    src_next_member(w);
    while (raw_want(w, 3) >= 3 && w->fail == F_NONE) {
        const unsigned char *p = w->in + w->in_pos;
        const unsigned char *hit = memchr(p, 0x1f, w->in_len - w->in_pos);
        if (!hit) {
            w->in_pos = w->in_len;
            continue;
        }
        w->in_pos = (size_t)(hit - w->in);
        if (w->in_len - w->in_pos < 3)
            continue; /* raw_want brings the rest of the candidate */
        if (hit[1] == 0x8b && hit[2] == 8 && member_starts_record(w))
            return;
        w->in_pos++;
    }
    w->in_pos = w->in_len; /* too few bytes left to hold a member */
}

/* The rest of the line in the n bytes at p, with its '\n'. */
static size_t line_len(const unsigned char *p, size_t n)
{
    const unsigned char *nl = memchr(p, '\n', n);
    return nl ? (size_t)(nl - p) + 1 : n;
}

/* Whether a plain record starts at the current line start. */
static bool at_record(px_warc *w)
{
    size_t n = src_peek(w, 7);
    return n >= 7 && memcmp(src_ptr(w), "WARC/1.", 7) == 0;
}

/* Whether a gzip member that holds a record starts at the raw position. */
static bool at_member(px_warc *w)
{
    if (raw_want(w, 3) < 3)
        return false;
    const unsigned char *p = w->in + w->in_pos;
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && member_starts_record(w);
}

/* After a record that could not be parsed: skips to the next line that
 * starts one. A member's end counts as a line end, so in a file of one
 * member per record this skips the rest of the bad member. Plain data is
 * also searched for a gzip member anywhere, not only at a line start: a
 * member whose magic was damaged reads as plain bytes, and the next
 * member follows it directly. */
static void text_resync(px_warc *w)
{
    for (;;) {
        if (src_fill(w) == 0) {
            if (src_at_member_end(w)) {
                src_next_member(w);
                continue;
            }
            if (w->fail == F_GZIP || w->fail == F_GZIP_SHORT)
                gzip_resync(w);
            return;
        }
        if (w->line_start && at_record(w))
            return;
        size_t n = src_buffered(w);
        if (n == 0)
            continue; /* at_record met a failure; src_fill reports it */
        const unsigned char *p = src_ptr(w);
        const unsigned char *gz = w->mode == M_PLAIN ? memchr(p, 0x1f, line_len(p, n)) : NULL;
        if (gz) {
            src_consume(w, (size_t)(gz - p));
            if (at_member(w))
                return;
            src_consume(w, 1);
            continue;
        }
        src_consume(w, line_len(p, n));
    }
}

/* ---- small text helpers ---- */

typedef struct {
    char *p;
    size_t len, cap;
} buf;

static bool buf_add(buf *b, const void *s, size_t n)
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

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Trims the slice [*s, *e) of white space on both sides. */
static void trim(const char **s, const char **e)
{
    while (*s < *e && is_space(**s))
        (*s)++;
    while (*e > *s && is_space((*e)[-1]))
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
static void quote(char out[QUOTE_LEN + 4], const char *s, size_t n)
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

enum { R_FATAL = -1, R_END = 0, R_YIELD = 1, R_SKIP = 2, R_GO = 3 };

/* The WARC header fields read, and the HTTP ones. */
enum { WF_LENGTH, WF_TYPE, WF_URI, WF_ID, WF_DATE, WF_CTYPE, WF_N };
static const char *const warc_names[WF_N] = {
    "content-length", "warc-type", "warc-target-uri", "warc-record-id", "warc-date", "content-type",
};
enum { HF_CTYPE, HF_TE, HF_CE, HF_N };
static const char *const http_names[HF_N] = {"content-type", "transfer-encoding", "content-encoding"};

/* One record being read. */
typedef struct {
    px_warc *w;
    px_warc_record *rec;
    uint64_t length; /* the block's Content-Length */
    uint64_t done;   /* bytes of the block read */
    bool own_member; /* the record began a gzip member */
    buf head;        /* the header block being read */
    char *warc[WF_N];
    char *http[HF_N];
} rd;

__attribute__((format(printf, 2, 3))) static int set_error(px_warc_record *rec, const char *fmt, ...)
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

static int out_of_memory(px_warc_record *rec)
{
    free(rec->error);
    rec->error = strdup("out of memory");
    return R_FATAL;
}

static unsigned long long rec_off(const rd *r) { return (unsigned long long)r->rec->offset; }

/* The record's error when the source failed under it: a read error ends
 * the run; a bad gzip member is skipped. */
static int source_failed(px_warc *w, px_warc_record *rec)
{
    int res;
    uint64_t member = w->base + w->member_off, here = w->base + raw_pos(w);
    unsigned long long at = member;
    switch (w->fail) {
    case F_IO:
        set_error(rec, "read error at offset %llu: %s", (unsigned long long)here, strerror(w->io_errno));
        return R_FATAL;
    case F_NOMEM:
        return out_of_memory(rec);
    case F_GZIP_SHORT:
        res = set_error(rec, "truncated: gzip member at offset %llu ends early", at);
        break;
    default:
        res = set_error(rec, "corrupt gzip member at offset %llu: %s", at, w->why);
        break;
    }
    gzip_resync(w);
    return res;
}

/* A block that ended before its Content-Length. */
static int block_short(rd *r)
{
    px_warc *w = r->w;
    if (w->fail == F_IO || w->fail == F_NOMEM || w->fail == F_GZIP)
        return source_failed(w, r->rec);
    int res = set_error(r->rec, "truncated: record at offset %llu ends after %llu of %llu bytes",
                        rec_off(r), (unsigned long long)r->done, (unsigned long long)r->length);
    if (w->fail == F_GZIP_SHORT)
        gzip_resync(w);
    return res;
}

/* An error in a record whose length is unknown: the next one is found by
 * its version line. */
__attribute__((format(printf, 2, 3))) static int lost(rd *r, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int res = set_error(r->rec, "%s", msg);
    text_resync(r->w);
    return res;
}

typedef enum { L_OK, L_END, L_LONG, L_NOMEM } line_status;

/* Appends one line (with its '\n') to b, reading at most limit bytes;
 * *used grows by what was read. */
static line_status read_line(px_warc *w, buf *b, size_t limit, size_t *used)
{
    size_t got = 0;
    for (;;) {
        if (got == limit)
            return L_LONG;
        size_t n = src_avail(w);
        if (n == 0)
            return L_END;
        const unsigned char *p = src_ptr(w);
        size_t take = n < limit - got ? n : limit - got;
        const unsigned char *nl = memchr(p, '\n', take);
        if (nl)
            take = (size_t)(nl - p) + 1;
        if (!buf_add(b, p, take))
            return L_NOMEM;
        src_consume(w, take);
        got += take;
        *used += take;
        if (nl)
            return L_OK;
    }
}

/* Appends lines to b up to and including a blank one. */
static line_status read_lines(px_warc *w, buf *b, size_t limit, size_t *used)
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

static int field_index(const char *s, const char *e, const char *const *names, int count)
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
static bool parse_fields(const char *p, const char *end, const char *const *names, int count,
                         char **vals)
{
    int cur = -1; /* the field a continuation line belongs to */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end, *next = nl ? nl + 1 : end;
        if (p < eol && (*p == ' ' || *p == '\t')) {
            const char *s = p, *e = eol;
            trim(&s, &e);
            if (cur >= 0 && s < e && !unfold(&vals[cur], s, e))
                return false;
        } else {
            const char *colon = memchr(p, ':', (size_t)(eol - p));
            cur = -1;
            if (colon) {
                const char *ns = p, *ne = colon, *vs = colon + 1, *ve = eol;
                trim(&ns, &ne);
                trim(&vs, &ve);
                int i = field_index(ns, ne, names, count);
                if (i >= 0 && !vals[i]) {
                    if (!(vals[i] = dup_slice(vs, ve)))
                        return false;
                    cur = i;
                }
            }
        }
        p = next;
    }
    return true;
}

/* Whether a Content-Type value names this media type (parameters aside). */
static bool media_is(const char *ct, const char *type)
{
    size_t n = strlen(type);
    while (is_space(*ct))
        ct++;
    return strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || is_space(ct[n]));
}

/* The value of a Content-Type parameter (unquoted), as a slice; false when
 * absent. */
static bool param(const char *ct, const char *name, const char **vs, const char **ve)
{
    size_t n = strlen(name);
    for (const char *p = strchr(ct, ';'); p; p = strchr(p, ';')) {
        p++;
        while (is_space(*p))
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
        trim(&q, &e);
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
static bool is_http_response(const rd *r)
{
    const char *type = r->warc[WF_TYPE], *ct = r->warc[WF_CTYPE];
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
    while (p < e && (is_space(*p) || *p == '\f'))
        p++;
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++) {
        size_t k = strlen(starts[i]);
        if ((size_t)(e - p) >= k && strncasecmp(p, starts[i], k) == 0)
            return true;
    }
    return false;
}

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
static bool block_take(rd *r, char *dst, uint64_t n)
{
    while (n) {
        size_t have = src_avail(r->w);
        if (have == 0)
            return false;
        size_t take = have < n ? have : (size_t)n;
        if (dst) {
            memcpy(dst, src_ptr(r->w), take);
            dst += take;
        }
        src_consume(r->w, take);
        n -= take;
        r->done += take;
    }
    return true;
}

/* After a record that began its own gzip member: inflates on to the
 * member's end, where zlib checks the CRC, so that a damaged member is this
 * record's error and not a damaged page passed on. Whatever follows the
 * record in the member is dropped, unless it is another record (a member
 * may hold many: a whole file gzipped). */
static void finish_member(px_warc *w)
{
    while (src_fill(w) > 0 && !(w->line_start && at_record(w)))
        src_consume(w, line_len(src_ptr(w), src_buffered(w)));
}

/* Consumes the two line ends after the block, either of which may be
 * missing or a bare LF. */
static int finish_block(rd *r)
{
    px_warc *w = r->w;
    for (int i = 0; i < 2; i++) {
        size_t n = src_peek(w, 2);
        const unsigned char *p = src_ptr(w);
        if (n >= 2 && p[0] == '\r' && p[1] == '\n')
            src_consume(w, 2);
        else if (n >= 1 && p[0] == '\n')
            src_consume(w, 1);
        else
            break;
    }
    if (w->mode == M_GZIP && r->own_member)
        finish_member(w);
    return w->fail != F_NONE ? source_failed(w, r->rec) : R_GO;
}

/* Skips the rest of the block: the record is not wanted, or has failed
 * with error already set. */
static int skip_block(rd *r, int res)
{
    if (!block_take(r, NULL, r->length - r->done)) {
        free(r->rec->error);
        r->rec->error = NULL;
        return block_short(r);
    }
    int fin = finish_block(r);
    return fin == R_GO ? res : fin;
}

/* Reads the WARC header block; the version line first, so that garbage is
 * recognised before it swallows the next record's header. */
static int read_warc_header(rd *r)
{
    px_warc *w = r->w;
    size_t used = 0;
    char q[QUOTE_LEN + 4];
    line_status st = buf_add(&r->head, "", 0) ? read_line(w, &r->head, MAX_VERSION_LINE, &used) : L_NOMEM;
    if (st == L_NOMEM)
        return out_of_memory(r->rec);
    if (w->fail && st == L_END)
        return source_failed(w, r->rec);
    const char *s = r->head.p, *e = s + r->head.len;
    trim(&s, &e);
    if ((size_t)(e - s) != 8 || (memcmp(s, "WARC/1.0", 8) != 0 && memcmp(s, "WARC/1.1", 8) != 0)) {
        quote(q, r->head.p, r->head.len);
        return lost(r, "bad WARC version line at offset %llu: \"%s\"", rec_off(r), q);
    }
    size_t first = r->head.len;
    if (st == L_OK)
        st = read_lines(w, &r->head, MAX_HEADER, &used);
    if (st == L_NOMEM)
        return out_of_memory(r->rec);
    if (st == L_END) {
        if (w->fail && w->fail != F_GZIP_SHORT)
            return source_failed(w, r->rec);
        int res = set_error(r->rec, "truncated: WARC header at offset %llu ends after %zu bytes",
                            rec_off(r), used);
        if (w->fail)
            gzip_resync(w);
        return res;
    }
    if (st == L_LONG)
        return lost(r, "WARC header at offset %llu is longer than %u bytes", rec_off(r), MAX_HEADER);
    if (!parse_fields(r->head.p + first, r->head.p + r->head.len, warc_names, WF_N, r->warc))
        return out_of_memory(r->rec);
    return R_GO;
}

/* Moves the WARC fields a caller sees into the record. */
static void take_warc_fields(rd *r)
{
    char *uri = r->warc[WF_URI];
    size_t n = uri ? strlen(uri) : 0;
    /* WARC/1.0 drafts wrote the URI in angle brackets. */
    if (n >= 2 && uri[0] == '<' && uri[n - 1] == '>') {
        memmove(uri, uri + 1, n - 2);
        uri[n - 2] = '\0';
    }
    r->rec->target_uri = uri;
    r->rec->record_id = r->warc[WF_ID];
    r->rec->date = r->warc[WF_DATE];
    r->warc[WF_URI] = r->warc[WF_ID] = r->warc[WF_DATE] = NULL;
}

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
    if (p[3] != '\0' && !is_space(p[3]))
        return 0;
    return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Reads the HTTP status line and headers at the block's start; a block
 * that holds nothing else is a response without a body. */
static int read_http_header(rd *r)
{
    px_warc *w = r->w;
    uint64_t room = r->length - r->done;
    size_t cap = room < MAX_HEADER ? (size_t)room : MAX_HEADER, used = 0;
    char q[QUOTE_LEN + 4];
    r->head.len = 0;
    if (!buf_add(&r->head, "", 0)) /* an empty block reads nothing */
        return out_of_memory(r->rec);
    line_status st = read_line(w, &r->head, cap, &used);
    if (st == L_OK)
        st = read_lines(w, &r->head, cap, &used);
    r->done += used;
    if (st == L_NOMEM)
        return out_of_memory(r->rec);
    if (st == L_END)
        return block_short(r);
    if (strncasecmp(r->head.p, "HTTP/", 5) != 0) {
        quote(q, r->head.p, strcspn(r->head.p, "\n"));
        set_error(r->rec, "no HTTP status line in the response at offset %llu: \"%s\"", rec_off(r), q);
        return skip_block(r, r->rec->error ? R_YIELD : R_FATAL);
    }
    if (st == L_LONG && used < room) {
        set_error(r->rec, "HTTP headers longer than %u bytes in the response at offset %llu",
                  MAX_HEADER, rec_off(r));
        return skip_block(r, r->rec->error ? R_YIELD : R_FATAL);
    }
    r->rec->http_status = parse_status(r->head.p);
    const char *first_end = strchr(r->head.p, '\n');
    const char *from = first_end ? first_end + 1 : r->head.p + r->head.len;
    if (!parse_fields(from, r->head.p + r->head.len, http_names, HF_N, r->http))
        return out_of_memory(r->rec);
    return R_GO;
}

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
        const char *name;
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
static int inflate_all(const char *src, size_t n, int bits, size_t limit, char **out, size_t *out_len,
                       char why[96])
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, bits) != Z_OK)
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
        r = inflate(&z, Z_NO_FLUSH);
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
    inflateEnd(&z);
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

/* Undoes a gzip or deflate Content-Encoding. "deflate" is a zlib stream by
 * the standard and a raw one on some servers: both are tried. */
static int undo_encoding(rd *r, enum enc enc, const char *name)
{
    px_warc_record *rec = r->rec;
    char why[96] = "";
    char *out = NULL;
    size_t len = 0;
    int res = inflate_all(rec->body, rec->body_len, enc == E_GZIP ? 32 + MAX_WBITS : MAX_WBITS,
                          r->w->max_body, &out, &len, why);
    if (res == INF_BAD && enc == E_DEFLATE)
        res = inflate_all(rec->body, rec->body_len, -MAX_WBITS, r->w->max_body, &out, &len, why);
    if (res == INF_NOMEM)
        return out_of_memory(rec);
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
        return set_error(rec, "record body exceeds the limit of %zu once Content-Encoding %s is undone "
                         "(record at offset %llu)", r->w->max_body, name, rec_off(r));
    return set_error(rec, "cannot undo Content-Encoding %s: %s (record at offset %llu)", name, why,
                     rec_off(r));
}

/* De-chunks the body when it is chunked (Common Crawl de-chunks but may
 * keep the header, so a body that does not parse as chunks stays as is),
 * then undoes its Content-Encoding. */
static int decode_body(rd *r)
{
    px_warc_record *rec = r->rec;
    const char *te = r->http[HF_TE], *ce = r->http[HF_CE];
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
        quote(q, ce, strlen(ce));
        free(rec->body);
        rec->body = NULL;
        rec->body_len = 0;
        return set_error(rec, "unsupported Content-Encoding \"%s\" (record at offset %llu)", q, rec_off(r));
    }
    return undo_encoding(r, enc, ce);
}

/* A body over max_body is streamed through, never stored. One whose type
 * is unknown is sniffed from its start: if it is not HTML it is only
 * skipped. */
static int body_too_big(rd *r, uint64_t body, bool sniff)
{
    if (sniff) {
        char head[SNIFF_LEN];
        size_t n = body < SNIFF_LEN ? (size_t)body : SNIFF_LEN;
        if (!block_take(r, head, n))
            return block_short(r);
        const char *p = head;
        const char *te = r->http[HF_TE];
        if (te && strcasestr(te, "chunked")) { /* past the first chunk's size */
            const char *nl = memchr(head, '\n', n);
            p = nl ? nl + 1 : head;
        }
        if (!looks_html(p, n - (size_t)(p - head)))
            return skip_block(r, R_SKIP);
    }
    if (set_error(r->rec, "record body of %llu bytes exceeds the limit of %zu (record at offset %llu)",
                  (unsigned long long)body, r->w->max_body, rec_off(r)) == R_FATAL)
        return R_FATAL;
    return skip_block(r, R_YIELD);
}

/* The HTTP response in a response record: an HTML page is kept, anything
 * else skipped without storing its body. */
static int read_response(rd *r)
{
    px_warc_record *rec = r->rec;
    int res = read_http_header(r);
    if (res != R_GO)
        return res;
    const char *ct = r->http[HF_CTYPE];
    bool sniff = !ct || !*ct;
    if (!sniff && !is_html_type(ct))
        return skip_block(r, R_SKIP);
    const char *cs, *ce;
    if (!sniff && param(ct, "charset", &cs, &ce)) {
        if (!(rec->charset = dup_slice(cs, ce)))
            return out_of_memory(rec);
        for (char *p = rec->charset; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
    }
    uint64_t body = r->length - r->done;
    if (body > r->w->max_body || body >= SIZE_MAX)
        return body_too_big(r, body, sniff);
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
            return out_of_memory(rec);
        }
        rec->body = p;
        if (!block_take(r, rec->body + got, cap - got)) {
            free(rec->body);
            rec->body = NULL;
            return block_short(r);
        }
        if (cap == want)
            break;
        got = cap;
        cap = cap < want / 2 ? cap * 2 : want;
    }
    rec->body_len = want;
    rec->body[want] = '\0';
    if ((res = finish_block(r)) != R_GO) {
        free(rec->body); /* an error record holds no body */
        rec->body = NULL;
        rec->body_len = 0;
        return res;
    }
    if ((res = decode_body(r)) != R_GO)
        return res;
    if (sniff && !looks_html(rec->body, rec->body_len))
        return R_SKIP;
    return R_YIELD;
}

/* Finds the next record's start: a member left behind is done with, blank
 * lines between records are skipped. */
static int start_record(px_warc *w, rd *r)
{
    px_warc_record *rec = r->rec;
    if (w->mode == M_PLAIN || src_at_member_end(w))
        src_next_member(w);
    for (;;) {
        if (src_fill(w) == 0) {
            if (!src_at_member_end(w))
                break;
            src_next_member(w); /* a member that held only line ends */
            continue;
        }
        unsigned char c = *src_ptr(w);
        if (c != '\r' && c != '\n')
            break;
        src_consume(w, 1);
        if (w->mode == M_PLAIN)
            src_next_member(w); /* a gzip member may follow the blank line */
    }
    rec->offset = w->base + (w->mode == M_GZIP ? w->member_off : raw_pos(w));
    r->own_member = w->mode == M_GZIP && w->fresh;
    w->fresh = false;
    if (w->fail)
        return source_failed(w, rec);
    return src_buffered(w) ? R_GO : R_END;
}

static int read_record(px_warc *w, px_warc_record *rec)
{
    rd r = {.w = w, .rec = rec};
    int res = start_record(w, &r);
    if (res == R_GO)
        res = read_warc_header(&r);
    if (res == R_GO) {
        char q[QUOTE_LEN + 4];
        const char *len = r.warc[WF_LENGTH];
        take_warc_fields(&r);
        if (!len) {
            res = lost(&r, "no Content-Length in the WARC header at offset %llu", rec_off(&r));
        } else if (!parse_length(len, &r.length)) {
            quote(q, len, strlen(len));
            res = lost(&r, "bad Content-Length \"%s\" in the WARC header at offset %llu", q, rec_off(&r));
        } else {
            res = is_http_response(&r) ? read_response(&r) : skip_block(&r, R_SKIP);
        }
    }
    free(r.head.p);
    for (int i = 0; i < WF_N; i++)
        free(r.warc[i]);
    for (int i = 0; i < HF_N; i++)
        free(r.http[i]);
    return res;
}

/* A record handed out has every string set, "" when absent. */
static bool fill_strings(px_warc_record *rec)
{
    char **s[] = {&rec->target_uri, &rec->record_id, &rec->date, &rec->charset};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (!*s[i] && !(*s[i] = strdup("")))
            return false;
    return true;
}

px_warc *px_warc_open(FILE *f, size_t max_body)
{
    px_warc *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    if (inflateInit2(&w->z, 16 + MAX_WBITS) != Z_OK) {
        free(w);
        return NULL;
    }
    w->f = f;
    /* 0 is no limit, as for every limit of pith (PITH_LIMIT_BYTES, and
     * --max-bytes 0 which the CLI passes on): taken as a limit of 0 bytes,
     * it made every page an error record. */
    w->max_body = max_body ? max_body : SIZE_MAX;
    w->line_start = true;
    /* Offsets count from the file's start when it has one (a pipe has not). */
    int saved = errno;
    off_t at = ftello(f);
    errno = saved;
    w->base = at > 0 ? (uint64_t)at : 0;
    return w;
}

int px_warc_next(px_warc *w, px_warc_record *rec)
{
    memset(rec, 0, sizeof *rec);
    for (;;) {
        int res = read_record(w, rec);
        if (res == R_SKIP) {
            w->skipped++;
            px_warc_record_free(rec);
            continue;
        }
        if (res == R_YIELD && !fill_strings(rec))
            res = out_of_memory(rec);
        if (res == R_END)
            px_warc_record_free(rec);
        return res;
    }
}

void px_warc_record_free(px_warc_record *rec)
{
    if (!rec)
        return;
    free(rec->target_uri);
    free(rec->record_id);
    free(rec->date);
    free(rec->charset);
    free(rec->body);
    free(rec->error);
    memset(rec, 0, sizeof *rec);
}

uint64_t px_warc_offset(const px_warc *w)
{
    uint64_t at = raw_pos(w);
    return w->base + (at > w->high ? at : w->high);
}

uint64_t px_warc_skipped(const px_warc *w) { return w->skipped; }

void px_warc_close(px_warc *w)
{
    if (!w)
        return;
    inflateEnd(&w->z);
    free(w);
}
