/*
 * The record of one page in a stream (--jsonl, --warc): the extraction,
 * and the inputs opened one after the other. cli_batch.c (JSON Lines) and
 * cli_warc.c (WARC) both build on it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "jsonl.h"

/* Runs the extraction; returns the result, or NULL with job's status and
 * message set. With keep_empty, a page without an article fails too but
 * keeps its result: a JSON record still carries the metadata. */
pith_result *cli_extract(const cli_run *r, px_job *job, const char *html, size_t len,
                          const char *encoding, const char *url, const char *date, bool keep_empty)
{
    pith_error err = {0, ""};
    pith_result *res = NULL;
    int rc = pith_extract_dated(r->ex, html, len, encoding, url, date, &res, &err);
    if (rc == PITH_OK) {
        if (*pith_result_warning(res))
            job->msg = cli_dupf("warning: %s", pith_result_warning(res));
        return res;
    }
    job->status = rc;
    job->msg = strdup(err.message[0] ? err.message : pith_status_string(rc));
    if (keep_empty && rc == PITH_NO_CONTENT)
        return res;
    pith_result_free(res);
    return NULL;
}

int cli_open_next(cli_run *r, px_job *job)
{
    if (r->next == r->npaths)
        return 0;
    const char *path = r->paths[r->next++];
    bool is_stdin = !strcmp(path, "-");
    r->fname = is_stdin ? "stdin" : path;
    r->f = is_stdin ? stdin : fopen(path, "rb");
    if (r->f)
        return 1;
    r->open_failed = true;
    job->status = PITH_ERR_INPUT;
    job->name = strdup(path);
    job->msg = cli_dupf("%s: %s", path, strerror(errno));
    return -1;
}

void cli_close_input(cli_run *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
}

void cli_stream_record(const cli_run *r, px_job *job, const px_json *in, const char *skip,
                       const char *html, size_t len, const char *encoding,
                       const char *url, const char *date, const char *error)
{
    pith_result *res = NULL;
    if (!error && !job->status) {
        res = cli_extract(r, job, html, len, encoding, url, date, true);
        if (res && !job->status) {
            free(job->msg); /* a warning: the record has no place for it */
            job->msg = NULL;
        }
    }
    if (!error && job->status)
        error = job->msg;
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_buf out;
    px_buf_init(&out, &a);
    size_t rlen = 0;
    const char *json = res ? pith_result_json(res, &rlen) : NULL;
    int rc = px_jsonl_record(&out, in, skip, job->prefix, json, rlen, error);
    pith_result_free(res);
    if (rc == PITH_OK) {
        job->out = px_buf_detach(&out, &job->out_len);
        return;
    }
    px_buf_free(&out);
    job->status = rc;
    free(job->msg);
    job->msg = strdup(pith_status_string(rc));
    /* Even now the record must not go missing. */
    job->out = cli_dupf("{\"error\":\"%s\"}", rc == PITH_ERR_NOMEM ? "out of memory" : "internal error");
    job->out_len = job->out ? strlen(job->out) : 0;
}
