/*
 * The pith command's batch engine: one reader, N workers, one writer, and
 * records leave in the order they came in.
 *
 * The caller's main thread reads records (next) and writes results (emit);
 * worker threads run the extraction (work). At most a fixed number of
 * records are in flight, and while their input bytes pass a budget the
 * reader waits, so memory stays bounded whatever the size of the input:
 * nothing is ever read ahead of what the workers can take.
 */
#ifndef PITH_BATCH_H
#define PITH_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One record on its way through. The engine frees every pointer member
 * (with free) once the record has been emitted. */
typedef struct px_job {
    uint64_t seq;       /* 0, 1, 2 ... in input order */
    char *name;         /* what messages call it: a path, "line 12" */
    char *data;         /* the input: a page, or a JSON Lines record */
    size_t len;
    char *url;          /* the page's URL, or NULL */
    char *encoding;     /* the transport layer's charset, or NULL */
    char *date;         /* when the page was fetched (WARC-Date), or NULL */
    char *prefix;       /* source fields for the output record, or NULL */
    int status;         /* set by next when the record failed on reading */
    char *msg;          /* why it failed (one line), or NULL */
    char *out;          /* set by work: what emit writes */
    size_t out_len;
    char *path;         /* set by work or next: where emit writes, or NULL */
} px_job;

typedef struct px_batch_ops {
    /* Main thread. Fills job and returns 1, returns 0 at the end of the
     * input, or -1 on a failure that ends the run (msg says why). */
    int (*next)(void *ctx, px_job *job);
    /* Worker threads, any number at once. */
    void (*work)(void *ctx, px_job *job);
    /* Main thread, in input order. Returns 0, or -1 to end the run. */
    int (*emit)(void *ctx, px_job *job);
    /* Main thread: input bytes consumed so far, for the progress line. */
    uint64_t (*consumed)(void *ctx);
} px_batch_ops;

typedef struct px_batch_stats {
    uint64_t records;  /* emitted */
    uint64_t errors;   /* emitted with a non-zero status */
    double seconds;    /* wall time of the run */
} px_batch_stats;

typedef struct px_batch_config {
    unsigned threads;    /* workers; at least 1 */
    size_t max_inflight; /* input bytes held at once (one record always fits) */
    bool progress;       /* draw a progress line on stderr */
    uint64_t total;      /* input bytes in all, or 0 when unknown */
    uint64_t records;    /* records in all, or 0 until known (-o knows it
                          * before it starts; a stream never does) */
} px_batch_config;

/* Runs the batch to its end. Returns 0, or -1 when next or emit ended it
 * early or a thread could not start (the message is already printed). */
int px_batch_run(const px_batch_config *cfg, const px_batch_ops *ops, void *ctx,
                 px_batch_stats *stats);

/* Frees the members of job and zeroes it. */
void px_job_clear(px_job *job);

/* The number of online processors, at least 1: the default for -j. */
unsigned px_batch_cores(void);

#endif
