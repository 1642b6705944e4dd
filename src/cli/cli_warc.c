/* pith --warc: the HTML responses of WARC files as JSON Lines records. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dynlib.h"
#include "warc.h"

/* The record's WARC fields, as JSON members that lead its output record. */
static char *warc_members(const px_warc_record *rec)
{
    const struct { const char *key, *value; } fields[] = {
        {"WARC-Target-URI", rec->target_uri},
        {"WARC-Record-ID", rec->record_id},
        {"WARC-Date", rec->date},
    };
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_buf b;
    px_buf_init(&b, &a);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (i)
            px_buf_putc(&b, ',');
        px_json_put_string(&b, fields[i].key, strlen(fields[i].key));
        px_buf_putc(&b, ':');
        if (fields[i].value && *fields[i].value)
            px_json_put_string(&b, fields[i].value, strlen(fields[i].value));
        else
            px_buf_puts(&b, "null");
    }
    if (rec->http_status) {
        char num[32];
        snprintf(num, sizeof num, ",\"http_status\":%d", rec->http_status);
        px_buf_puts(&b, num);
    }
    if (b.oom) {
        px_buf_free(&b);
        return NULL;
    }
    return px_buf_detach(&b, NULL);
}

/* Ends the WARC file open now. */
static void finish(cli_run *r)
{
    r->done_bytes += px_warc_offset(r->reader);
    px_warc_close(r->reader);
    r->reader = NULL;
    cli_close_input(r);
}

int cli_warc_next(void *ctx, px_job *job)
{
    cli_run *r = ctx;
    for (;;) {
        if (!r->f) {
            int o = cli_open_next(r, job);
            if (o <= 0)
                return o ? 1 : 0; /* a file that cannot be opened is an error record */
            if (!(r->reader = px_warc_open(r->f, r->max_bytes))) {
                /* zlib is loaded with the first reader (dynlib.h) */
                const char *why = px_dynlib_error(PX_LIB_ZLIB);
                job->msg = strdup(why ? why : "out of memory");
                return -1;
            }
        }
        px_warc_record rec = {0};
        int got = px_warc_next(r->reader, &rec);
        const char *fname = r->fname;
        if (got <= 0) {
            uint64_t at = px_warc_offset(r->reader);
            finish(r);
            if (got == 0) {
                px_warc_record_free(&rec);
                continue;
            }
            /* The rest of this file cannot be read: one record says so. */
            job->status = PITH_ERR_INPUT;
            job->name = strdup(fname);
            job->msg = cli_dupf("%s: %s", fname, rec.error ? rec.error : "read error");
            job->prefix = cli_dupf("\"warc_offset\":%llu", (unsigned long long)at);
            px_warc_record_free(&rec);
            return 1;
        }
        job->name = cli_dupf("%s@%llu", fname, (unsigned long long)rec.offset);
        job->prefix = warc_members(&rec);
        if (rec.error) {
            job->status = PITH_ERR_INPUT;
            job->msg = cli_dupf("%s: %s", fname, rec.error);
        } else {
            job->data = rec.body;
            job->len = rec.body_len;
            rec.body = NULL;
            if (*rec.target_uri)
                job->url = strdup(rec.target_uri);
            /* the crawl's time: relative datelines count back from it */
            if (*rec.date)
                job->date = strdup(rec.date);
            /* A charset the transport names but nobody knows is no charset:
             * the page's own declaration, or sniffing, decides instead. */
            if (*rec.charset && pith_encoding_name(rec.charset))
                job->encoding = strdup(rec.charset);
        }
        px_warc_record_free(&rec);
        return 1;
    }
}

void cli_warc_work(void *ctx, px_job *job)
{
    const cli_run *r = ctx;
    const char *enc = r->c->encoding ? r->c->encoding : job->encoding;
    cli_stream_record(r, job, NULL, NULL, job->data, job->len, enc, job->url,
                      job->date ? job->date : r->c->date, NULL);
    free(job->data);
    job->data = NULL;
}
