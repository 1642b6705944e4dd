/* The batch engine: see batch.h. */
#include "batch.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { SLOT_QUEUED = 1, SLOT_RUNNING, SLOT_DONE };

/* Records live in a ring indexed by seq % cap: head is the oldest not yet
 * emitted, run the next to hand to a worker, tail the next to read. */
typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work_cv; /* a record was queued, or the run stops */
    pthread_cond_t done_cv; /* a record is done */
    px_job *jobs;
    unsigned char *state;
    size_t cap;
    uint64_t head, run, tail;
    size_t inflight; /* input bytes of the records in the ring */
    bool stop;
    const px_batch_ops *ops;
    void *ctx;
} pool;

void px_job_clear(px_job *job)
{
    free(job->name);
    free(job->data);
    free(job->url);
    free(job->date);
    free(job->encoding);
    free(job->prefix);
    free(job->msg);
    free(job->out);
    free(job->path);
    memset(job, 0, sizeof *job);
}

unsigned px_batch_cores(void)
{
    /* The CPUs this process may run on, which a container or taskset can
     * make fewer than the machine has. */
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->run == p->tail)
            pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->stop)
            break;
        size_t i = (size_t)(p->run++ % p->cap);
        p->state[i] = SLOT_RUNNING;
        pthread_mutex_unlock(&p->mu);
        p->ops->work(p->ctx, &p->jobs[i]);
        pthread_mutex_lock(&p->mu);
        p->state[i] = SLOT_DONE;
        pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress line: rewritten in place, at most four times a second. */
typedef struct progress {
    bool on;
    double start, last;
    uint64_t total, records;
} progress;

static void draw(progress *pr, const px_batch_stats *st, uint64_t consumed, bool final)
{
    double t = now_s();
    if (!pr->on || (!final && t - pr->last < 0.25))
        return;
    pr->last = t;
    double rate = t > pr->start ? (double)st->records / (t - pr->start) : 0;
    fprintf(stderr, "\rpith: %llu records, %.1f/s, %llu errors, %.1f MB",
            (unsigned long long)st->records, rate, (unsigned long long)st->errors,
            (double)consumed / 1e6);
    /* A count of records is the truer share where it is known: pages of
     * very different sizes make the bytes run ahead or behind. */
    if (pr->records)
        fprintf(stderr, " (%.0f%% of %llu records)", 100.0 * (double)st->records / (double)pr->records,
                (unsigned long long)pr->records);
    else if (pr->total)
        fprintf(stderr, " of %.1f MB (%.0f%%)", (double)pr->total / 1e6,
                100.0 * (double)consumed / (double)pr->total);
    fputs(final ? "\033[K\n" : "\033[K", stderr);
    fflush(stderr);
}

/* Emits the finished records at the head of the ring. Called and returns
 * with the lock held. Returns -1 if emit ended the run. */
static int drain(pool *p, px_batch_stats *st)
{
    while (p->head < p->tail && p->state[p->head % p->cap] == SLOT_DONE) {
        px_job *job = &p->jobs[p->head % p->cap];
        pthread_mutex_unlock(&p->mu);
        int rc = p->ops->emit(p->ctx, job);
        st->records++;
        if (job->status)
            st->errors++;
        size_t len = job->len;
        px_job_clear(job);
        pthread_mutex_lock(&p->mu);
        p->state[p->head % p->cap] = 0;
        p->inflight -= len;
        p->head++;
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Reads one record into the ring if there is room. Called and returns with
 * the lock held. Returns 1 if it read one, 0 at the end, -1 on failure. */
static int fill(pool *p)
{
    px_job job = {.seq = p->tail};
    pthread_mutex_unlock(&p->mu);
    int r = p->ops->next(p->ctx, &job);
    pthread_mutex_lock(&p->mu);
    if (r != 1) {
        if (r < 0 && job.msg)
            fprintf(stderr, "pith: %s\n", job.msg);
        px_job_clear(&job);
        return r;
    }
    size_t i = (size_t)(p->tail % p->cap);
    p->jobs[i] = job;
    p->state[i] = SLOT_QUEUED;
    p->inflight += job.len;
    p->tail++;
    pthread_cond_signal(&p->work_cv);
    return 1;
}

static void wait_done(pool *p, bool timed)
{
    if (!timed) {
        pthread_cond_wait(&p->done_cv, &p->mu);
        return;
    }
    /* Wake at least every quarter second to redraw the progress line. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 250000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&p->done_cv, &p->mu, &ts);
}

static int pump(pool *p, const px_batch_config *cfg, px_batch_stats *st, progress *pr)
{
    bool eof = false;
    int rc = 0;
    for (;;) {
        if (drain(p, st) < 0)
            return -1;
        size_t held = (size_t)(p->tail - p->head);
        if (!eof && held < p->cap && (held == 0 || p->inflight < cfg->max_inflight)) {
            int r = fill(p);
            if (r <= 0) {
                eof = true;
                rc = r < 0 ? -1 : 0; /* finish what is in flight, then stop */
            }
            continue;
        }
        if (eof && p->head == p->tail)
            return rc;
        pthread_mutex_unlock(&p->mu);
        draw(pr, st, p->ops->consumed ? p->ops->consumed(p->ctx) : 0, false);
        pthread_mutex_lock(&p->mu);
        if (p->head < p->tail && p->state[p->head % p->cap] != SLOT_DONE)
            wait_done(p, pr->on);
    }
}

int px_batch_run(const px_batch_config *cfg, const px_batch_ops *ops, void *ctx,
                 px_batch_stats *stats)
{
    unsigned n = cfg->threads ? cfg->threads : 1;
    pool p = {.ops = ops, .ctx = ctx};
    /* Two records per worker: one being worked on, one waiting, so that no
     * worker idles while the reader fetches the next. */
    p.cap = 2 * (size_t)n + 2;
    p.jobs = calloc(p.cap, sizeof *p.jobs);
    p.state = calloc(p.cap, 1);
    pthread_t *tids = calloc(n, sizeof *tids);
    memset(stats, 0, sizeof *stats);
    if (!p.jobs || !p.state || !tids) {
        free(p.jobs);
        free(p.state);
        free(tids);
        fputs("pith: out of memory\n", stderr);
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    unsigned started = 0;
    for (; started < n; started++)
        if (pthread_create(&tids[started], NULL, worker, &p))
            break;
    progress pr = {cfg->progress, now_s(), 0, cfg->total, cfg->records};
    int rc = -1;
    pthread_mutex_lock(&p.mu);
    if (started == 0)
        fputs("pith: cannot start a worker thread\n", stderr);
    else
        rc = pump(&p, cfg, stats, &pr);
    p.stop = true;
    pthread_cond_broadcast(&p.work_cv);
    pthread_mutex_unlock(&p.mu);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    /* After an early end, the records still in the ring are dropped. */
    for (size_t i = 0; i < p.cap; i++)
        px_job_clear(&p.jobs[i]);
    draw(&pr, stats, ops->consumed ? ops->consumed(ctx) : 0, true);
    stats->seconds = now_s() - pr.start;
    pthread_cond_destroy(&p.done_cv);
    pthread_cond_destroy(&p.work_cv);
    pthread_mutex_destroy(&p.mu);
    free(p.jobs);
    free(p.state);
    free(tids);
    return rc;
}
