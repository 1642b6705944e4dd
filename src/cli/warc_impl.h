/*
 * The WARC reader's insides, shared by its three files and by nothing else.
 * Each file is one layer and knows nothing of the one above it:
 *
 *  - warc_source.c: the file in 64 KiB chunks, read forward only (a pipe is
 *    fine), and the bytes of the records in it, inflating a gzip member
 *    wherever one starts a record and passing plain bytes through
 *    everywhere else; and the way back to the next record after damage;
 *  - warc.c: the records: the WARC header block, the block that
 *    Content-Length frames, error records;
 *  - warc_http.c: the HTTP response inside a response record: status line,
 *    headers, which bodies are HTML, de-chunking, Content-Encoding;
 *  - warc_reader.c: the public API (warc.h), which reads each record's
 *    header with warc.c and hands a response block to warc_http.c.
 *
 * Offsets are kept relative to where reading began and reported from the
 * file's start (base).
 */
#ifndef PITH_WARC_IMPL_H
#define PITH_WARC_IMPL_H

#define ZLIB_CONST
#include "warc.h"

#include <zlib.h>
#include "dynlib.h"

#define CHUNK (64u * 1024u)
/* One header block, WARC or HTTP; real ones are a few KiB. */
#define MAX_HEADER (256u * 1024u)
/* How much of the input an error message quotes. */
#define QUOTE_LEN 60u

enum mode { M_NONE, M_PLAIN, M_GZIP };
enum fail { F_NONE, F_IO, F_NOMEM, F_GZIP, F_GZIP_SHORT };

/* The reader. The source (warc_source.c) moves the buffers and the zlib
 * stream; the records layer reads fail, why and the offsets to say what
 * went wrong where. */
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
    const px_zlib_api *zl; /* zlib, loaded when the first reader opens */
    z_stream z;
    unsigned char in[CHUNK];
    unsigned char out[CHUNK];
};

/* inflateInit2 (a macro of zlib.h) through the loaded zlib. */
static inline int px_warc_inflate_init(const px_zlib_api *zl, z_stream *z, int window_bits)
{
    return zl->inflate_init2(z, window_bits, ZLIB_VERSION, (int)sizeof *z);
}

/* ---- the source (warc_source.c) ---- */

/* The raw position: offset of the next compressed byte, from base. */
uint64_t px_warc_raw_pos(const px_warc *w);

/* Goes to the next record's start: a member left behind is done with,
 * blank lines between records are skipped. Sets where the record starts
 * (from the file's start) and whether it begins its own gzip member; false
 * when no byte is there (the end, or a failure that w->fail says). */
bool px_warc_src_begin(px_warc *w, uint64_t *offset, bool *own_member);
/* The decoded bytes at hand inside a record, at px_warc_src_ptr; 0 at the
 * end of the file, on a failure, or where the next record begins. */
size_t px_warc_src_avail(px_warc *w);
/* Makes want (<= 16) decoded bytes contiguous if the member or file holds
 * them; returns how many there are. */
size_t px_warc_src_peek(px_warc *w, size_t want);
const unsigned char *px_warc_src_ptr(const px_warc *w);
void px_warc_src_consume(px_warc *w, size_t n);
/* After a record that began its own gzip member: the rest of the member. */
void px_warc_src_end_member(px_warc *w);

/* The ways back to a record: after a gzip member that would not inflate,
 * and after a record that could not be parsed. */
void px_warc_gzip_resync(px_warc *w);
void px_warc_text_resync(px_warc *w);
/* Goes back to raw position raw of a plain (not gzip) source: in the
 * buffer, or by seeking a file; false when it cannot (a pipe, gzip). */
bool px_warc_src_rewind(px_warc *w, uint64_t raw);
/* Whether a version line "WARC/1." starts at the current position. */
bool px_warc_src_at_record(px_warc *w);

/* ---- records (warc.c), for the HTTP layer ---- */

/* What a step of reading a record says next. */
enum { R_FATAL = -1, R_END = 0, R_YIELD = 1, R_SKIP = 2, R_GO = 3 };

typedef struct {
    char *p;
    size_t len, cap;
} px_warc_buf;

/* One record being read: its block of length bytes, done of them read. */
typedef struct {
    px_warc *w;
    px_warc_record *rec;
    uint64_t length; /* the block's Content-Length */
    uint64_t done;   /* bytes of the block read */
    bool own_member; /* the record began a gzip member */
    uint64_t block_raw; /* raw position of the block's first byte */
    px_warc_buf head; /* the header block being read */
} px_warc_rd;

typedef enum { L_OK, L_END, L_LONG, L_NOMEM } line_status;

/* Sets rec->error (sanitised) and returns R_YIELD, or R_FATAL when out of
 * memory. */
__attribute__((format(printf, 2, 3))) int px_warc_set_error(px_warc_record *rec, const char *fmt, ...);
int px_warc_out_of_memory(px_warc_record *rec);
/* At most QUOTE_LEN bytes of input for a message, less its line end. */
void px_warc_quote(char out[QUOTE_LEN + 4], const char *s, size_t n);

/* HTTP's and WARC's white space about header fields and lines: no \f or \v. */
static inline bool px_warc_is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static inline unsigned long long px_warc_rec_off(const px_warc_rd *r)
{
    return (unsigned long long)r->rec->offset;
}
void px_warc_trim(const char **s, const char **e);

/* Reads a header block at the block's start into r->head: a first line,
 * then lines up to and including a blank one, at most limit bytes in all;
 * *used grows by what was read. */
line_status px_warc_read_head(px_warc_rd *r, size_t limit, size_t *used);
/* The room for a header field's name in the tables of names. */
#define PX_WARC_NAME_W 24
/* Picks the named fields out of header lines; false when out of memory. */
bool px_warc_parse_fields(const char *p, const char *end, const char (*names)[PX_WARC_NAME_W], int count,
                          char **vals);

/* Reads (dst non-NULL) or skips n bytes of the block; false when it ends
 * first, which px_warc_block_short then reports. */
bool px_warc_block_take(px_warc_rd *r, char *dst, uint64_t n);
int px_warc_block_short(px_warc_rd *r);
/* After the block: its line ends, and the rest of a member it began. */
int px_warc_finish_block(px_warc_rd *r);
/* Skips the rest of the block and returns res, or the block's error. */
int px_warc_skip_block(px_warc_rd *r, int res);

/* The WARC header fields that warc.c reads. */
enum px_warc_field { WF_LENGTH, WF_TYPE, WF_URI, WF_ID, WF_DATE, WF_CTYPE, WF_N };

/* Finds the next record and reads its WARC header: R_GO with the fields in
 * warc (the caller frees them; target URI, record ID and date already
 * moved into r->rec) and r->length set, R_END, or an error. The caller
 * frees r->head.p in every case. */
int px_warc_read_header(px_warc_rd *r, char *warc[WF_N]);

/* ---- the HTTP response (warc_http.c) ---- */

/* Whether a record of this WARC-Type and Content-Type (either NULL when
 * absent) holds an HTTP response. */
bool px_warc_is_http_response(const char *type, const char *ct);
/* Reads the response in r's block: R_YIELD with rec->body set for an HTML
 * page, R_SKIP for anything else, or an error. */
int px_warc_read_response(px_warc_rd *r);

#endif
