/*
 * The WARC reader's top (see warc_impl.h for the layers): the API of
 * warc.h. Each record's WARC header is read by warc.c; a response block
 * goes to warc_http.c, any other block is skipped. Being above both, this
 * file is the only one that calls into both of them.
 */
#include "warc_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int read_record(px_warc *w, px_warc_record *rec)
{
    px_warc_rd r = {.w = w, .rec = rec};
    char *warc[WF_N] = {NULL};
    int res = px_warc_read_header(&r, warc);
    if (res == R_GO) {
        bool http = px_warc_is_http_response(warc[WF_TYPE], warc[WF_CTYPE]);
        r.block_raw = px_warc_raw_pos(w);
        res = http ? px_warc_read_response(&r) : px_warc_skip_block(&r, R_SKIP);
    }
    free(r.head.p);
    for (int i = 0; i < WF_N; i++)
        free(warc[i]);
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
    w->zl = px_zlib();
    if (!w->zl || px_warc_inflate_init(w->zl, &w->z, 16 + MAX_WBITS) != Z_OK) {
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
            res = px_warc_out_of_memory(rec);
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
    uint64_t at = px_warc_raw_pos(w);
    return w->base + (at > w->high ? at : w->high);
}

uint64_t px_warc_skipped(const px_warc *w) { return w->skipped; }

void px_warc_close(px_warc *w)
{
    if (!w)
        return;
    w->zl->inflate_end(&w->z);
    free(w);
}
