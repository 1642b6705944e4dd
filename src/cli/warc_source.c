/*
 * The WARC reader's source: the bytes of the records. The file is read in
 * chunks, forward only; a gzip member is inflated wherever one starts a
 * record, and plain bytes pass through everywhere else. After damage, the
 * resynchronisation here finds the next record. See warc_impl.h for the
 * layers.
 */
#include "warc_impl.h"

#include <errno.h>
#include <string.h>

/* ---- raw: the file, forward only ---- */

uint64_t px_warc_raw_pos(const px_warc *w) { return w->in_off + w->in_pos; }

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

const unsigned char *px_warc_src_ptr(const px_warc *w)
{
    return w->mode == M_GZIP ? w->out + w->out_pos : w->in + w->in_pos;
}

static size_t src_buffered(const px_warc *w)
{
    if (w->mode == M_GZIP)
        return w->out_len - w->out_pos;
    return w->mode == M_PLAIN ? w->in_len - w->in_pos : 0;
}

void px_warc_src_consume(px_warc *w, size_t n)
{
    if (n == 0)
        return;
    w->line_start = px_warc_src_ptr(w)[n - 1] == '\n';
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
        w->zl->inflate_reset(&w->z);
        w->member_off = px_warc_raw_pos(w);
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
        int r = w->zl->inflate(&w->z, Z_NO_FLUSH);
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

/* Makes decoded bytes available at px_warc_src_ptr; 0 at the end of the file, at
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
size_t px_warc_src_peek(px_warc *w, size_t want)
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
size_t px_warc_src_avail(px_warc *w)
{
    size_t n = src_fill(w);
    if (n || !src_at_member_end(w))
        return n;
    src_next_member(w);
    n = px_warc_src_peek(w, 5);
    if (n >= 5 && memcmp(px_warc_src_ptr(w), "WARC/", 5) == 0)
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
    w->zl->inflate_reset(&w->z);
    w->z.next_in = w->in + w->in_pos;
    w->z.avail_in = (uInt)(w->in_len - w->in_pos);
    w->z.next_out = head;
    w->z.avail_out = sizeof head;
    int r = w->zl->inflate(&w->z, Z_NO_FLUSH);
    bool ok = (r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR) && w->z.avail_out == 0 &&
              memcmp(head, "WARC/", 5) == 0;
    w->zl->inflate_reset(&w->z);
    return ok;
}

/* After a gzip member that would not inflate: scans the compressed bytes
 * for the next member that holds a record. The scan starts just after the
 * bad member's start when that is still in the buffer, since inflate may
 * have read past the member's end into the next one before it choked. */
void px_warc_gzip_resync(px_warc *w)
{
    if (w->fail == F_IO || w->fail == F_NOMEM)
        return;
    if (px_warc_raw_pos(w) > w->high)
        w->high = px_warc_raw_pos(w);
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
bool px_warc_src_at_record(px_warc *w)
{
    size_t n = px_warc_src_peek(w, 7);
    return n >= 7 && memcmp(px_warc_src_ptr(w), "WARC/1.", 7) == 0;
}

/* Whether a gzip member that holds a record starts at the raw position. */
static bool at_member(px_warc *w)
{
    if (raw_want(w, 3) < 3)
        return false;
    const unsigned char *p = w->in + w->in_pos;
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && member_starts_record(w);
}

bool px_warc_src_rewind(px_warc *w, uint64_t raw)
{
    if (w->mode != M_PLAIN || w->fail || raw > px_warc_raw_pos(w))
        return false;
    if (raw >= w->in_off) {
        w->in_pos = (size_t)(raw - w->in_off); /* still in the buffer */
    } else {
        /* a pipe cannot go back: the records in the block are lost */
        if (fseeko(w->f, (off_t)(w->base + raw), SEEK_SET))
            return false;
        w->in_off = raw;
        w->in_pos = w->in_len = 0;
        w->in_eof = false;
    }
    w->line_start = true;
    return true;
}

/* After a record that could not be parsed: skips to the next line that
 * starts one. A member's end counts as a line end, so in a file of one
 * member per record this skips the rest of the bad member. Plain data is
 * also searched for a gzip member anywhere, not only at a line start: a
 * member whose magic was damaged reads as plain bytes, and the next
 * member follows it directly. */
void px_warc_text_resync(px_warc *w)
{
    for (;;) {
        if (src_fill(w) == 0) {
            if (src_at_member_end(w)) {
                src_next_member(w);
                continue;
            }
            if (w->fail == F_GZIP || w->fail == F_GZIP_SHORT)
                px_warc_gzip_resync(w);
            return;
        }
        if (w->line_start && px_warc_src_at_record(w))
            return;
        size_t n = src_buffered(w);
        if (n == 0)
            continue; /* at_record met a failure; src_fill reports it */
        const unsigned char *p = px_warc_src_ptr(w);
        const unsigned char *gz = w->mode == M_PLAIN ? memchr(p, 0x1f, line_len(p, n)) : NULL;
        if (gz) {
            px_warc_src_consume(w, (size_t)(gz - p));
            if (at_member(w))
                return;
            px_warc_src_consume(w, 1);
            continue;
        }
        px_warc_src_consume(w, line_len(p, n));
    }
}

/* ---- between records ---- */

bool px_warc_src_begin(px_warc *w, uint64_t *offset, bool *own_member)
{
    if (w->mode == M_PLAIN || src_at_member_end(w))
        src_next_member(w);
    for (;;) {
        if (src_fill(w) == 0) {
            if (!src_at_member_end(w))
                break;
            src_next_member(w); /* a member that held only line ends */
            continue;
        }
        unsigned char c = *px_warc_src_ptr(w);
        if (c != '\r' && c != '\n')
            break;
        px_warc_src_consume(w, 1);
        if (w->mode == M_PLAIN)
            src_next_member(w); /* a gzip member may follow the blank line */
    }
    *offset = w->base + (w->mode == M_GZIP ? w->member_off : px_warc_raw_pos(w));
    *own_member = w->mode == M_GZIP && w->fresh;
    w->fresh = false;
    return src_buffered(w) > 0;
}

/* Inflates on to the member's end, where zlib checks the CRC, so that a
 * damaged member is this record's error and not a damaged page passed on.
 * Whatever follows the record in the member is dropped, unless it is
 * another record (a member may hold many: a whole file gzipped). */
void px_warc_src_end_member(px_warc *w)
{
    if (w->mode != M_GZIP)
        return;
    while (src_fill(w) > 0 && !(w->line_start && px_warc_src_at_record(w)))
        px_warc_src_consume(w, line_len(px_warc_src_ptr(w), src_buffered(w)));
}
