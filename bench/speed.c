/*
 * bench/speed: how fast pith is, measured against the cost of parsing the
 * page at all.
 *
 * Every page of every corpus is read into memory first, so that the disk and
 * the page cache play no part. Then, in one run and on the same pages:
 *
 *   (a) the floor: gumbo_parse with the default options, one walk over every
 *       node, gumbo_destroy_output. No extractor built on Gumbo can do less;
 *   (b) pith: pith_extract through the public API (PITH_PROFILE on), the
 *       text and title read, the result freed;
 *   (c) the stages of (b), from pith_result_stage_ns.
 *
 * The machine is shared and noisy, so each page is measured -r times, (a)
 * and (b) interleaved page by page (their order alternating by round) so
 * that a change of load hits both alike, and the fastest round is kept per
 * page: noise only ever adds time. Compare ratios within one run, never
 * absolute figures across runs.
 *
 * Also: -j N threads over one shared extractor (and a check that they give
 * the same output as one thread), the peak RSS of a fresh process that runs
 * every page in turn, the cost of starting a process, with --peer
 * readability-lxml on the same pages, and with --callgrind instruction
 * counts, which do not depend on the load at all. The last block lists
 * every target of issue #14 with the ratio this run measured.
 *
 * Run `speed --help` for the options.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <gumbo.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "pith.h"

/* Set by bench/meson.build; the defaults of --dir, --pith, --parse-only and
 * --startup-page. */
#ifndef BENCH_SOURCE_ROOT
#define BENCH_SOURCE_ROOT "."
#endif
#ifndef BENCH_PITH
#define BENCH_PITH "build/src/pith"
#endif
#ifndef BENCH_PARSE_ONLY
#define BENCH_PARSE_ONLY "build/bench/parse_only"
#endif

/* The targets (issue #14), as ratios of one run. */
#define TARGET_TIME 0.70    /* (b)/(a) at most */
#define TARGET_STARTUP 1.30 /* pith / parse_only start-up at most */
#define TARGET_THREADS 1.90 /* -j 2 / -j 1 at least */
#define TARGET_PEER 8.0     /* pith / readability-lxml pages/s at least */
#define TARGET_FLAT 1.10    /* us per KB of the largest pages / the smallest at most */

extern char **environ;

#define KB 1000.0 /* decimal units throughout: KB, MB, MB/s */
#define MIB (1024.0 * 1024.0)

typedef struct page {
    char *path;
    char *data; /* NULL when only the size was needed */
    size_t len;
} page;

typedef struct corpus {
    page *p;
    size_t n, cap;
    size_t bytes;
    size_t largest; /* index of the largest page */
} corpus;

typedef struct config {
    int rounds;
    int threads;
    const char **dirs;
    int ndirs;
    bool callgrind;
    int sample;
    int cg_warmup;
    const char *cg_dir;
    int startup;
    const char *startup_page;
    const char *pith;
    const char *parse_only;
    int floor_max_errors;
    bool rss;
    bool peer;
    const char *peer_python;
    char self[PATH_MAX];
} config;

/* Every figure a target is set on, for the summary at the end (0: not
 * measured in this run). */
typedef struct results {
    double time_ratio, flat_ratio, threads_ratio, startup_ratio, peer_ratio;
    double rss_pith, rss_floor; /* MiB */
    int threads;
} results;
static results R;

static const char *const stage_names[PITH_STAGE_COUNT + 1] = {
    "decode", "parse", "rules+scoring", "extract", "render", "other",
};

/* ---------------------------------------------------------------- utils */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("speed: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of n values; sorts a copy. */
static uint64_t percentile(const uint64_t *v, size_t n, double q)
{
    if (!n)
        return 0;
    uint64_t *s = xmalloc(n * sizeof *s);
    memcpy(s, v, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_u64);
    size_t k = (size_t)ceil(q * (double)n);
    uint64_t r = s[k ? k - 1 : 0];
    free(s);
    return r;
}

static double ms(uint64_t ns) { return (double)ns / 1e6; }

/* FNV-1a: a fingerprint of each output, to check that threads agree. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}

/* ---------------------------------------------------------------- pages */

static bool read_file(const char *path, char **data, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        close(fd);
        return false;
    }
    size_t n = (size_t)st.st_size, got = 0;
    char *buf = xmalloc(n + 1);
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0) {
            if (r < 0 && errno == EINTR)
                continue;
            break;
        }
        got += (size_t)r;
    }
    close(fd);
    if (got != n) {
        free(buf);
        return false;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return true;
}

static void add_page(corpus *c, const char *path, bool load)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 256;
        c->p = realloc(c->p, c->cap * sizeof *c->p);
        if (!c->p)
            die("out of memory");
    }
    page *pg = &c->p[c->n];
    memset(pg, 0, sizeof *pg);
    if (load) {
        if (!read_file(path, &pg->data, &pg->len))
            die("cannot read %s: %s", path, strerror(errno));
    } else {
        struct stat st;
        if (stat(path, &st))
            die("cannot stat %s: %s", path, strerror(errno));
        pg->len = (size_t)st.st_size;
    }
    pg->path = xstrdup(path);
    c->bytes += pg->len;
    if (pg->len > c->p[c->largest].len)
        c->largest = c->n;
    c->n++;
}

static int skip_hidden(const struct dirent *d) { return d->d_name[0] != '.'; }

/* A directory adds its regular files in name order; a file adds itself. */
static void add_path(corpus *c, const char *path, bool load)
{
    struct stat st;
    if (stat(path, &st))
        die("%s: %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        add_page(c, path, load);
        return;
    }
    struct dirent **ents;
    int n = scandir(path, &ents, skip_hidden, alphasort);
    if (n < 0)
        die("%s: %s", path, strerror(errno));
    for (int i = 0; i < n; i++) {
        char full[PATH_MAX];
        snprintf(full, sizeof full, "%s/%s", path, ents[i]->d_name);
        struct stat fs;
        if (!stat(full, &fs) && S_ISREG(fs.st_mode))
            add_page(c, full, load);
        free(ents[i]);
    }
    free(ents);
}

static void load_corpus(corpus *c, const config *cf, bool load)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < cf->ndirs; i++)
        add_path(c, cf->dirs[i], load);
    if (!c->n)
        die("no pages found");
}

/* ------------------------------------------------------- the measurements */

static GumboVector *children_of(GumboNode *g)
{
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
        return &g->v.element.children;
    if (g->type == GUMBO_NODE_DOCUMENT)
        return &g->v.document.children;
    return NULL;
}

/* Preorder walk without recursion (real pages nest thousands deep): down to
 * the first child, else to the next sibling of the nearest ancestor. It
 * reads each text node's first byte, as any extractor must look at the
 * text. */
static size_t walk(GumboNode *root)
{
    size_t n = 0;
    GumboNode *g = root;
    for (;;) {
        n++;
        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE)
            n += (unsigned char)g->v.text.text[0] & 1;
        GumboVector *kids = children_of(g);
        if (kids && kids->length) {
            g = kids->data[0];
            continue;
        }
        for (;;) {
            if (g == root)
                return n;
            GumboVector *sib = children_of(g->parent);
            size_t i = g->index_within_parent + 1;
            if (i < sib->length) {
                g = sib->data[i];
                break;
            }
            g = g->parent;
        }
    }
}

/* (a) on one page. */
static size_t floor_page(const GumboOptions *opt, const char *html, size_t len)
{
    GumboOutput *out = gumbo_parse_with_options(opt, html, len);
    if (!out)
        die("gumbo_parse failed");
    size_t n = walk(out->document);
    gumbo_destroy_output(opt, out);
    return n;
}

/* (b) on one page: extraction, reading the output, freeing the result.
 * Returns the status; fills the stage times and a fingerprint of the output
 * when asked. */
static int pith_page(const pith_extractor *ex, const char *html, size_t len,
                     uint64_t *stage_ns, uint64_t *hash)
{
    pith_result *r = NULL;
    pith_error err;
    int rc = pith_extract(ex, html, len, NULL, NULL, &r, &err);
    if (rc != PITH_OK && rc != PITH_NO_CONTENT)
        die("pith_extract: %s", err.message);
    size_t tlen;
    const char *text = pith_result_text(r, &tlen);
    const char *title = pith_result_title(r);
    /* Touch every byte of the output, as a caller writing it out would. */
    uint64_t h = fnv(0xcbf29ce484222325ull, title, strlen(title) + 1);
    h = fnv(h, text, tlen);
    if (hash)
        *hash = h;
    if (stage_ns)
        for (int s = 0; s < PITH_STAGE_COUNT; s++)
            stage_ns[s] = pith_result_stage_ns(r, s);
    pith_result_free(r);
    return rc;
}

/* The measured calls. Not inlined: --callgrind counts exactly these two
 * functions (--toggle-collect), and its warm-up pass, which calls the
 * functions above directly, not at all. */
__attribute__((noinline)) static size_t bench_floor_page(const GumboOptions *opt,
                                                         const char *html, size_t len)
{
    return floor_page(opt, html, len);
}

__attribute__((noinline)) static int bench_pith_page(const pith_extractor *ex,
                                                     const char *html, size_t len,
                                                     uint64_t *stage_ns, uint64_t *hash)
{
    return pith_page(ex, html, len, stage_ns, hash);
}

__attribute__((noinline)) static pith_extractor *bench_new_extractor(unsigned flags)
{
    pith_error err;
    pith_options *o = pith_options_new(NULL);
    if (!o)
        die("out of memory");
    pith_options_set_flags(o, flags);
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    if (!ex)
        die("pith_extractor_new: %s", err.message);
    return ex;
}

/* Per page: the best time of (a) and (b), the stages of (b) in its best
 * round, and the fingerprint of (b)'s output. */
typedef struct timing {
    uint64_t *floor_ns, *pith_ns;
    uint64_t first_pith_ns; /* (b) over every page in the first round */
    uint64_t (*stage_ns)[PITH_STAGE_COUNT + 1]; /* + "other" */
    uint64_t *hash;
    size_t no_content;
} timing;

static void measure(const corpus *c, const config *cf, const pith_extractor *ex,
                    const GumboOptions *gopt, timing *t)
{
    t->floor_ns = xcalloc(c->n, sizeof *t->floor_ns);
    t->pith_ns = xcalloc(c->n, sizeof *t->pith_ns);
    t->stage_ns = xcalloc(c->n, sizeof *t->stage_ns);
    t->hash = xcalloc(c->n, sizeof *t->hash);
    t->no_content = 0;
    t->first_pith_ns = 0;
    volatile size_t sink = 0; /* keeps the floor's walk alive */
    for (int r = 0; r < cf->rounds; r++) {
        for (size_t i = 0; i < c->n; i++) {
            const page *pg = &c->p[i];
            uint64_t st[PITH_STAGE_COUNT], h, fa = 0, fb = 0;
            int rc = 0;
            /* Alternate the order so that neither always runs with the
             * other's data warm in the cache. */
            for (int k = 0; k < 2; k++) {
                bool floor_now = (k == 0) == (r % 2 == 0);
                uint64_t t0 = now_ns();
                if (floor_now) {
                    sink += bench_floor_page(gopt, pg->data, pg->len);
                    fa = now_ns() - t0;
                } else {
                    rc = bench_pith_page(ex, pg->data, pg->len, st, &h);
                    fb = now_ns() - t0;
                }
            }
            if (r == 0) {
                t->first_pith_ns += fb;
                t->hash[i] = h;
                t->no_content += rc == PITH_NO_CONTENT;
            } else if (h != t->hash[i]) {
                fprintf(stderr, "speed: %s: output differs between rounds\n", pg->path);
            }
            if (!r || fa < t->floor_ns[i])
                t->floor_ns[i] = fa;
            if (!r || fb < t->pith_ns[i]) {
                t->pith_ns[i] = fb;
                uint64_t sum = 0;
                for (int s = 0; s < PITH_STAGE_COUNT; s++) {
                    t->stage_ns[i][s] = st[s];
                    sum += st[s];
                }
                t->stage_ns[i][PITH_STAGE_COUNT] = fb > sum ? fb - sum : 0;
            }
        }
        fprintf(stderr, "  round %d/%d done\n", r + 1, cf->rounds);
    }
    (void)sink;
}

static void report_timing(const corpus *c, const timing *t, int rounds)
{
    size_t n = c->n;
    uint64_t sa = 0, sb = 0, stage_tot[PITH_STAGE_COUNT + 1] = {0};
    for (size_t i = 0; i < n; i++) {
        sa += t->floor_ns[i];
        sb += t->pith_ns[i];
        for (int s = 0; s <= PITH_STAGE_COUNT; s++)
            stage_tot[s] += t->stage_ns[i][s];
    }
    double mb = (double)c->bytes / (KB * KB);
    printf("\nthroughput (sum over pages of the best of %d rounds)\n", rounds);
    printf("  %-14s %10s %10s %10s\n", "", "pages/s", "MB/s", "total s");
    printf("  %-14s %10.1f %10.2f %10.3f\n", "(a) floor", (double)n / (sa / 1e9), mb / (sa / 1e9), sa / 1e9);
    printf("  %-14s %10.1f %10.2f %10.3f\n", "(b) pith", (double)n / (sb / 1e9), mb / (sb / 1e9), sb / 1e9);
    R.time_ratio = (double)sb / (double)sa;
    printf("  ratio (b)/(a): %.3f   (target <= %.2f)\n", R.time_ratio, TARGET_TIME);

    printf("\nms per page       %9s %9s %9s %9s\n", "p50", "p99", "max", "mean");
    printf("  (a) floor       %9.3f %9.3f %9.3f %9.3f\n", ms(percentile(t->floor_ns, n, .50)),
           ms(percentile(t->floor_ns, n, .99)), ms(percentile(t->floor_ns, n, 1)), ms(sa) / (double)n);
    printf("  (b) pith        %9.3f %9.3f %9.3f %9.3f\n", ms(percentile(t->pith_ns, n, .50)),
           ms(percentile(t->pith_ns, n, .99)), ms(percentile(t->pith_ns, n, 1)), ms(sb) / (double)n);
    size_t worst = 0;
    double worst_ratio = 0;
    for (size_t i = 0; i < n; i++) {
        double rt = (double)t->pith_ns[i] / (double)(t->floor_ns[i] ? t->floor_ns[i] : 1);
        if (rt > worst_ratio) {
            worst_ratio = rt;
            worst = i;
        }
    }
    size_t slowest = 0;
    for (size_t i = 1; i < n; i++)
        if (t->pith_ns[i] > t->pith_ns[slowest])
            slowest = i;
    printf("  slowest page for pith: %s (%.1f KB, %.2f ms, floor %.2f ms)\n",
           c->p[slowest].path, c->p[slowest].len / KB, ms(t->pith_ns[slowest]),
           ms(t->floor_ns[slowest]));
    printf("  worst (b)/(a) page:    %s (%.1f KB, %.2f ms vs %.2f ms, %.2fx)\n",
           c->p[worst].path, c->p[worst].len / KB, ms(t->pith_ns[worst]),
           ms(t->floor_ns[worst]), worst_ratio);

    printf("\nstages of (b)      total ms   share   vs floor\n");
    for (int s = 0; s <= PITH_STAGE_COUNT; s++)
        printf("  %-15s %10.1f %6.1f%% %8.3f\n", stage_names[s], ms(stage_tot[s]),
               100.0 * (double)stage_tot[s] / (double)sb, (double)stage_tot[s] / (double)sa);
    printf("  (other = (b) minus the stages: freeing the tree and the result, setup)\n");

    /* Buckets by input size: if a stage's us/KB grows from bucket to
     * bucket, it grows faster than linearly. */
    static const double edges[] = {50 * KB, 200 * KB, 1000 * KB};
    static const char *const names[] = {"<50KB", "50-200KB", "200KB-1MB", ">1MB"};
    enum { NB = 4, NC = PITH_STAGE_COUNT + 3 }; /* floor, pith, stages, other */
    double sum[NB][NC] = {{0}}, bytes[NB] = {0};
    size_t cnt[NB] = {0};
    for (size_t i = 0; i < n; i++) {
        int b = 0;
        while (b < 3 && (double)c->p[i].len >= edges[b])
            b++;
        cnt[b]++;
        bytes[b] += (double)c->p[i].len;
        sum[b][0] += (double)t->floor_ns[i];
        sum[b][1] += (double)t->pith_ns[i];
        for (int s = 0; s <= PITH_STAGE_COUNT; s++)
            sum[b][2 + s] += (double)t->stage_ns[i][s];
    }
    const char *cols[NC] = {"floor", "pith", "decode", "parse", "rules", "extract", "render", "other"};
    for (int unit = 0; unit < 2; unit++) {
        printf(unit ? "\nby page size: us per KB of input (flat across buckets = linear)\n"
                    : "\nby page size: ms per page (mean)\n");
        printf("  %-10s %5s %8s", "bucket", "pages", "mean KB");
        for (int k = 0; k < NC; k++)
            printf(" %8s", cols[k]);
        printf(" %6s\n", "b/a");
        for (int b = 0; b < NB; b++) {
            if (!cnt[b])
                continue;
            printf("  %-10s %5zu %8.1f", names[b], cnt[b], bytes[b] / (double)cnt[b] / KB);
            for (int k = 0; k < NC; k++)
                printf(" %8.3f", unit ? sum[b][k] / 1e3 / (bytes[b] / KB)
                                      : sum[b][k] / 1e6 / (double)cnt[b]);
            printf(" %6.2f\n", sum[b][1] / sum[b][0]);
        }
    }
    int lo = 0, hi = NB - 1;
    while (lo < NB - 1 && !cnt[lo])
        lo++;
    while (hi > 0 && !cnt[hi])
        hi--;
    if (hi > lo) {
        R.flat_ratio = (sum[hi][1] / bytes[hi]) / (sum[lo][1] / bytes[lo]);
        printf("  pith us/KB, %s over %s: %.2f   (flat: target <= %.2f)\n", names[hi], names[lo],
               R.flat_ratio, TARGET_FLAT);
    }
}

/* --------------------------------------------------------------- threads */

typedef struct tjob {
    const corpus *c;
    const pith_extractor *ex;
    const uint64_t *hash; /* single-thread fingerprints */
    atomic_size_t next;
    atomic_size_t mismatches;
} tjob;

static void *tworker(void *arg)
{
    tjob *j = arg;
    size_t i;
    while ((i = atomic_fetch_add(&j->next, 1)) < j->c->n) {
        uint64_t h;
        bench_pith_page(j->ex, j->c->p[i].data, j->c->p[i].len, NULL, &h);
        if (h != j->hash[i])
            atomic_fetch_add(&j->mismatches, 1);
    }
    return NULL;
}

static uint64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One pass over every page with n threads; returns the wall time and sets
 * *cpu to the CPU time all threads used. */
static uint64_t tpass(const corpus *c, const pith_extractor *ex, const uint64_t *hash,
                      int n, size_t *mismatches, uint64_t *cpu)
{
    tjob j = {.c = c, .ex = ex, .hash = hash};
    atomic_init(&j.next, 0);
    atomic_init(&j.mismatches, 0);
    pthread_t *tid = xcalloc((size_t)n, sizeof *tid);
    uint64_t t0 = now_ns(), c0 = cpu_ns();
    for (int k = 0; k < n; k++)
        if (pthread_create(&tid[k], NULL, tworker, &j))
            die("pthread_create failed");
    for (int k = 0; k < n; k++)
        pthread_join(tid[k], NULL);
    uint64_t dt = now_ns() - t0;
    *cpu = cpu_ns() - c0;
    free(tid);
    *mismatches += atomic_load(&j.mismatches);
    return dt;
}

static void report_threads(const corpus *c, const config *cf, const pith_extractor *ex,
                           const uint64_t *hash)
{
    uint64_t best1 = UINT64_MAX, bestn = UINT64_MAX, cpu1 = UINT64_MAX, cpun = UINT64_MAX;
    size_t mism = 0;
    /* Alternate -j 1 and -j N so that a change of load hits both. */
    for (int r = 0; r < cf->rounds; r++) {
        uint64_t c1, cn;
        uint64_t t1 = tpass(c, ex, hash, 1, &mism, &c1);
        uint64_t tn = tpass(c, ex, hash, cf->threads, &mism, &cn);
        best1 = t1 < best1 ? t1 : best1;
        bestn = tn < bestn ? tn : bestn;
        cpu1 = c1 < cpu1 ? c1 : cpu1;
        cpun = cn < cpun ? cn : cpun;
        fprintf(stderr, "  threads round %d/%d done\n", r + 1, cf->rounds);
    }
    printf("\nthreads: one shared extractor, pages from an atomic counter, best wall time of %d\n",
           cf->rounds);
    printf("  -j 1: %9.1f pages/s %8.2f MB/s\n", (double)c->n / (best1 / 1e9),
           (double)c->bytes / (KB * KB) / (best1 / 1e9));
    printf("  -j %d: %9.1f pages/s %8.2f MB/s\n", cf->threads, (double)c->n / (bestn / 1e9),
           (double)c->bytes / (KB * KB) / (bestn / 1e9));
    R.threads = cf->threads;
    R.threads_ratio = (double)best1 / (double)bestn;
    printf("  speed-up: %.2fx   (target >= %.2f at -j 2, on a free core)\n", R.threads_ratio,
           TARGET_THREADS);
    /* Wall time depends on how many cores the rest of the machine leaves
     * free; CPU time per pass does not. If the threads contend (locks,
     * false sharing, allocator), the pass costs more CPU with N threads. */
    printf("  CPU time per pass: -j 1 %.2f s, -j %d %.2f s: %.2f of the -j 1 cost per page\n",
           cpu1 / 1e9, cf->threads, cpun / 1e9, (double)cpun / (double)cpu1);
    printf("  cores actually used at -j %d: %.2f (CPU time / wall time)\n", cf->threads,
           (double)cpun / (double)bestn);
    printf("  outputs equal to the single-thread run: %s\n",
           mism ? "NO" : "yes");
    if (mism)
        printf("  %zu page outputs differed: the extractor is not reentrant\n", mism);
}

/* ------------------------------------------------------------- processes */

/* Runs argv with stdout and stderr to /dev/null (or stderr kept when
 * keep_stderr); returns the exit status, fills the wall time and rusage. */
static int run_child(char *const argv[], bool keep_stderr, uint64_t *wall, struct rusage *ru)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    if (!keep_stderr)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    uint64_t t0 = now_ns();
    int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e)
        die("cannot run %s: %s", argv[0], strerror(e));
    int st;
    struct rusage dummy;
    while (wait4(pid, &st, 0, ru ? ru : &dummy) < 0)
        if (errno != EINTR)
            die("wait4: %s", strerror(errno));
    if (wall)
        *wall = now_ns() - t0;
    if (WIFSIGNALED(st))
        die("%s killed by signal %d", argv[0], WTERMSIG(st));
    return WEXITSTATUS(st);
}

/* Worker for the RSS measurement: a fresh process that reads, processes and
 * frees every page in turn, then reports its own peak RSS. Reading the pages
 * one at a time keeps the corpus out of the figure. */
static int rss_worker(const char *mode, const config *cf)
{
    corpus c;
    load_corpus(&c, cf, false);
    bool floor = !strcmp(mode, "floor");
    pith_extractor *ex = floor ? NULL : bench_new_extractor(0);
    GumboOptions gopt = kGumboDefaultOptions;
    gopt.max_errors = cf->floor_max_errors;
    size_t sink = 0;
    for (size_t i = 0; i < c.n; i++) {
        char *data;
        size_t len;
        if (!read_file(c.p[i].path, &data, &len))
            die("cannot read %s", c.p[i].path);
        if (floor)
            sink += bench_floor_page(&gopt, data, len);
        else
            bench_pith_page(ex, data, len, NULL, NULL);
        free(data);
    }
    pith_extractor_free(ex);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%ld %zu\n", ru.ru_maxrss, sink);
    return 0;
}

/* Must run before the corpus is loaded: posix_spawn shares this process's
 * memory until exec, and Linux carries that peak into the child's
 * ru_maxrss, so a big parent would mask the child's own figure. */
static void report_rss(const config *cf)
{
    corpus cs;
    load_corpus(&cs, cf, false); /* sizes only */
    const corpus *c = &cs;
    long kb[2];
    for (int k = 0; k < 2; k++) {
        const char *mode = k ? "pith" : "floor";
        char **argv = xcalloc((size_t)cf->ndirs + 4, sizeof *argv);
        int a = 0;
        argv[a++] = (char *)cf->self;
        argv[a++] = "--rss-worker";
        argv[a++] = (char *)mode;
        for (int i = 0; i < cf->ndirs; i++)
            argv[a++] = (char *)cf->dirs[i];
        struct rusage ru;
        if (run_child(argv, true, NULL, &ru))
            die("the RSS worker failed");
        kb[k] = ru.ru_maxrss;
        free(argv);
    }
    double largest = (double)c->p[c->largest].len;
    double limit = 8 * largest + 16 * MIB;
    double pith = (double)kb[1] * 1024;
    struct rusage self;
    getrusage(RUSAGE_SELF, &self);
    printf("\npeak RSS (getrusage ru_maxrss of a fresh process running every page in turn)\n");
    printf("  (measured before this process loads the corpus; its peak then: %.1f MiB)\n",
           (double)self.ru_maxrss / 1024);
    printf("  floor: %.1f MiB   pith: %.1f MiB\n", (double)kb[0] / 1024, pith / MIB);
    R.rss_floor = (double)kb[0] / 1024;
    R.rss_pith = pith / MIB;
    printf("  largest page %.2f MB (%s)\n", largest / (KB * KB), c->p[c->largest].path);
    printf("  limit 8 x largest + 16 MiB = %.1f MiB: %s (%.0f%% of the limit)\n", limit / MIB,
           pith <= limit ? "within" : "OVER", 100 * pith / limit);
    for (size_t i = 0; i < cs.n; i++)
        free(cs.p[i].path);
    free(cs.p);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Start-up: many sequential launches of pith and of parse_only on the same
 * small page, interleaved. Spawning uses posix_spawn (vfork-like), so the
 * size of this process does not matter. */
static void report_startup(const config *cf)
{
    enum { NCMD = 3 };
    char *cmds[NCMD][5] = {
        {(char *)cf->parse_only, (char *)cf->startup_page, NULL},
        {(char *)cf->pith, "--no-title", (char *)cf->startup_page, NULL},
        {(char *)cf->pith, "--no-title", "--no-default-rules", (char *)cf->startup_page, NULL},
    };
    const char *labels[NCMD] = {"parse_only", "pith --no-title",
                                "pith --no-title --no-default-rules"};
    double *t[NCMD];
    double mean[NCMD] = {0};
    for (int k = 0; k < NCMD; k++)
        t[k] = xcalloc((size_t)cf->startup, sizeof *t[k]);
    for (int i = 0; i < cf->startup; i++)
        for (int k = 0; k < NCMD; k++) {
            uint64_t w;
            int rc = run_child(cmds[k], false, &w, NULL);
            if (rc > 1)
                die("%s exited %d on %s", cmds[k][0], rc, cf->startup_page);
            t[k][i] = ms(w);
            mean[k] += t[k][i] / cf->startup;
        }
    struct stat st;
    stat(cf->startup_page, &st);
    printf("\nstart-up: %d launches of each, interleaved, on %s (%.1f KB)\n", cf->startup,
           cf->startup_page, (double)st.st_size / KB);
    printf("  %-36s %9s %9s\n", "", "median ms", "mean ms");
    double med[NCMD];
    for (int k = 0; k < NCMD; k++) {
        med[k] = median(t[k], cf->startup);
        printf("  %-36s %9.3f %9.3f\n", labels[k], med[k], mean[k]);
        free(t[k]);
    }
    R.startup_ratio = med[1] / med[0];
    printf("  ratio pith / parse_only: %.2f median, %.2f mean   (target <= %.2f)\n",
           med[1] / med[0], mean[1] / mean[0], TARGET_STARTUP);
    printf("  rule compilation (pith minus pith --no-default-rules, median): %.3f ms\n",
           med[1] - med[2]);
}

/* -------------------------------------------------------------- callgrind */

/* Worker under valgrind: the pages given run through the floor or pith,
 * `warmup` uncounted passes and then one counted pass; only bench_*_page is
 * counted (--toggle-collect), so reading the files, compiling the rules and
 * whatever the library does only on its first pages (lazy JIT compilation)
 * stay out. The steady state is what a long-running caller pays; the cost
 * of a fresh process is the start-up figure. */
static int cg_worker(const char *mode, int warmup, int argc, char **argv)
{
    bool floor = !strcmp(mode, "floor");
    pith_extractor *ex = floor ? NULL : bench_new_extractor(0);
    size_t sink = 0;
    char **data = xcalloc((size_t)argc, sizeof *data);
    size_t *len = xcalloc((size_t)argc, sizeof *len);
    for (int i = 0; i < argc; i++)
        if (!read_file(argv[i], &data[i], &len[i]))
            die("cannot read %s", argv[i]);
    for (int w = 0; w <= warmup; w++)
        for (int i = 0; i < argc; i++) {
            if (w < warmup && floor)
                sink += floor_page(&kGumboDefaultOptions, data[i], len[i]);
            else if (w < warmup)
                pith_page(ex, data[i], len[i], NULL, NULL);
            else if (floor)
                sink += bench_floor_page(&kGumboDefaultOptions, data[i], len[i]);
            else
                bench_pith_page(ex, data[i], len[i], NULL, NULL);
        }
    for (int i = 0; i < argc; i++)
        free(data[i]);
    free(data);
    free(len);
    pith_extractor_free(ex);
    printf("%zu\n", sink);
    return 0;
}

/* The event total of a callgrind out file: its "totals:" line, else the
 * "summary:" line. */
static unsigned long long cg_total(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read %s", path);
    char line[4096];
    unsigned long long total = 0, summary = 0;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "totals:", 7))
            total = strtoull(line + 7, NULL, 10);
        else if (!strncmp(line, "summary:", 8))
            summary = strtoull(line + 8, NULL, 10);
    }
    fclose(f);
    return total ? total : summary;
}

static unsigned long long cg_run(const config *cf, const char *name, const char *toggle,
                                 char **prog, int nprog)
{
    char out[PATH_MAX + 64], log[PATH_MAX + 64], outopt[PATH_MAX + 96],
        logopt[PATH_MAX + 96], togopt[128];
    snprintf(out, sizeof out, "%s/%s.out", cf->cg_dir, name);
    snprintf(log, sizeof log, "%s/%s.log", cf->cg_dir, name);
    snprintf(outopt, sizeof outopt, "--callgrind-out-file=%s", out);
    snprintf(logopt, sizeof logopt, "--log-file=%s", log);
    char **argv = xcalloc((size_t)nprog + 8, sizeof *argv);
    int a = 0;
    argv[a++] = "valgrind";
    argv[a++] = "--tool=callgrind";
    argv[a++] = outopt;
    argv[a++] = logopt;
    if (toggle) {
        snprintf(togopt, sizeof togopt, "--toggle-collect=%s", toggle);
        argv[a++] = togopt;
    }
    for (int i = 0; i < nprog; i++)
        argv[a++] = prog[i];
    fprintf(stderr, "  callgrind: %s\n", name);
    int rc = run_child(argv, false, NULL, NULL);
    free(argv);
    if (rc > 1)
        die("valgrind exited %d; see %s", rc, log);
    return cg_total(out);
}

static void report_callgrind(const config *cf)
{
    corpus c;
    load_corpus(&c, cf, false);
    int n = cf->sample < (int)c.n ? cf->sample : (int)c.n;
    /* An even stride through the name-ordered list: every corpus and every
     * size, the same pages on every run. */
    char **prog = xcalloc((size_t)n + 6, sizeof *prog);
    double bytes = 0;
    char warm[32];
    snprintf(warm, sizeof warm, "%d", cf->cg_warmup);
    prog[0] = (char *)cf->self;
    prog[1] = "--cg-worker";
    prog[3] = "--cg-warmup";
    prog[4] = warm;
    for (int i = 0; i < n; i++) {
        const page *pg = &c.p[(size_t)i * c.n / (size_t)n];
        prog[5 + i] = pg->path;
        bytes += (double)pg->len;
    }
    if (mkdir(cf->cg_dir, 0777) && errno != EEXIST)
        die("%s: %s", cf->cg_dir, strerror(errno));
    prog[2] = "floor";
    unsigned long long fl = cg_run(cf, "floor", "bench_floor_page", prog, n + 5);
    prog[2] = "pith";
    unsigned long long pi = cg_run(cf, "pith", "bench_pith_page", prog, n + 5);
    /* The same pages once more with no warm-up: what the first pages of a
     * process cost (lazily compiled patterns and the like). */
    prog[4] = "0";
    unsigned long long pc = cg_run(cf, "pith-cold", "bench_pith_page", prog, n + 5);
    char *p1[] = {(char *)cf->parse_only, (char *)cf->startup_page};
    unsigned long long s0 = cg_run(cf, "startup-parse_only", NULL, p1, 2);
    char *p2[] = {(char *)cf->pith, "--no-title", (char *)cf->startup_page};
    unsigned long long s1 = cg_run(cf, "startup-pith", NULL, p2, 3);
    printf("\ncallgrind: instructions (Ir), %d pages (every %zuth, %.1f KB mean),\n"
           "counted after %d uncounted pass(es) over them\n", n, c.n / (size_t)n, bytes / n / KB,
           cf->cg_warmup);
    printf("  %-22s %16s %12s %8s\n", "", "Ir per page", "Ir per KB", "vs (a)");
    printf("  %-22s %16.0f %12.0f %8.3f\n", "(a) floor", (double)fl / n, (double)fl / (bytes / KB), 1.0);
    printf("  %-22s %16.0f %12.0f %8.3f\n", "(b) pith", (double)pi / n, (double)pi / (bytes / KB),
           (double)pi / (double)fl);
    printf("  %-22s %16.0f %12.0f %8.3f\n", "(b) pith, no warm-up", (double)pc / n,
           (double)pc / (bytes / KB), (double)pc / (double)fl);
    printf("  ratio (b)/(a): %.3f   (target <= %.2f)\n", (double)pi / (double)fl, TARGET_TIME);
    printf("  start-up, whole process on %s:\n", cf->startup_page);
    printf("    parse_only %llu Ir, pith %llu Ir, ratio %.2f   (target <= %.2f)\n", s0, s1,
           (double)s1 / (double)s0, TARGET_STARTUP);
    printf("  profiles: callgrind_annotate %s/pith.out  (and floor, pith-cold, startup-pith)\n",
           cf->cg_dir);
}

/* ------------------------------------------------------------------- peer */

/* readability-lxml (bench/peer_readability.py) over the same pages in one
 * Python process that reads them all first, against one pass of pith over
 * them (the first round of (b): also a single pass). */
static void report_peer(const config *cf, const corpus *c, const timing *t)
{
    char list[] = "/tmp/pith-peer-XXXXXX", res[] = "/tmp/pith-peer-out-XXXXXX";
    int lfd = mkstemp(list), rfd = mkstemp(res);
    if (lfd < 0 || rfd < 0)
        die("cannot make a temporary file: %s", strerror(errno));
    FILE *f = fdopen(lfd, "w");
    for (size_t i = 0; i < c->n; i++)
        fprintf(f, "%s\n", c->p[i].path);
    fclose(f);
    close(rfd);
    char script[PATH_MAX];
    snprintf(script, sizeof script, "%s/bench/peer_readability.py", BENCH_SOURCE_ROOT);
    char *argv[] = {(char *)cf->peer_python, script, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, list, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, res, O_WRONLY | O_TRUNC, 0);
    fprintf(stderr, "  peer: readability-lxml on %zu pages\n", c->n);
    pid_t pid;
    int e = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e)
        die("cannot run %s: %s", argv[0], strerror(e));
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            die("waitpid: %s", strerror(errno));
    size_t pages = 0, failures = 0;
    double secs = 0;
    f = fopen(res, "r");
    bool ok = f && fscanf(f, "%zu %lf %zu", &pages, &secs, &failures) == 3;
    if (f)
        fclose(f);
    unlink(list);
    unlink(res);
    if (!WIFEXITED(st) || WEXITSTATUS(st) || !ok || pages != c->n || secs <= 0)
        die("the peer failed (is python3-readability installed? see bench/README.md)");
    double peer = (double)pages / secs, pith = (double)c->n / (t->first_pith_ns / 1e9);
    R.peer_ratio = pith / peer;
    printf("\npeer: readability-lxml (Debian python3-readability, in-process, pages read first)\n");
    printf("  readability-lxml: %9.1f pages/s (%.1f s; %zu pages it could not read)\n", peer, secs,
           failures);
    printf("  pith, one pass:   %9.1f pages/s (the first round of (b))\n", pith);
    printf("  pith / readability-lxml: %.1fx   (target >= %.0f)\n", R.peer_ratio, TARGET_PEER);
}

/* Every target with this run's figure: what the lead re-runs on a quiet
 * machine. */
static void report_targets(void)
{
    printf("\ntargets (issue #14; ratios of this run, 0 = not measured)\n");
    struct {
        const char *what;
        double v, target;
        bool at_most;
    } row[] = {
        {"(b)/(a) time, pith / Gumbo floor", R.time_ratio, TARGET_TIME, true},
        {"start-up, pith / parse_only (median)", R.startup_ratio, TARGET_STARTUP, true},
        {"threads, -j N / -j 1 (N below)", R.threads_ratio, TARGET_THREADS, false},
        {"pith / readability-lxml pages/s", R.peer_ratio, TARGET_PEER, false},
        {"us per KB, largest / smallest pages", R.flat_ratio, TARGET_FLAT, true},
    };
    for (size_t i = 0; i < sizeof row / sizeof *row; i++)
        printf("  %-40s %7.3f   target %s %.2f: %s\n", row[i].what, row[i].v,
               row[i].at_most ? "<=" : ">=", row[i].target,
               !row[i].v ? "not measured"
               : (row[i].at_most ? row[i].v <= row[i].target : row[i].v >= row[i].target)
                   ? "met" : "NOT met");
    if (R.threads)
        printf("  (threads: N = %d; the figure needs a free core per thread)\n", R.threads);
    if (R.rss_pith)
        printf("  peak RSS: pith %.1f MiB, floor %.1f MiB (target: no higher than before; "
               "see README)\n", R.rss_pith, R.rss_floor);
}

/* ------------------------------------------------------------------ main */

static const char usage_text[] =
    "Usage: speed [OPTIONS] [DIR|FILE...]\n"
    "Times the Gumbo floor and pith on every page of the given corpora\n"
    "(default: ../shared/corpus/{scrapinghub,trafilatura}/html).\n"
    "\n"
    "  -r, --rounds N          measure each page N times, keep the best (3)\n"
    "  -j, --threads N         also run N threads on one extractor (CPUs; 1: skip)\n"
    "      --startup N         N launches each for the start-up figure (200; 0: skip)\n"
    "      --startup-page FILE the small page for start-up (a fixture)\n"
    "      --no-rss            skip the peak-RSS worker processes\n"
    "      --callgrind         only count instructions with valgrind, on a sample\n"
    "      --sample N          pages in the callgrind sample (20)\n"
    "      --cg-dir DIR        where callgrind writes (/tmp/pith-bench-callgrind)\n"
    "      --cg-warmup N       uncounted passes over the sample first (1)\n"
    "      --pith PATH         the pith binary (the one this build made)\n"
    "      --parse-only PATH   the parse_only binary (likewise)\n"
    "      --floor-max-errors N  Gumbo's max_errors for the floor (default: Gumbo's)\n"
    "      --peer              also time readability-lxml on the same pages\n"
    "      --peer-python PATH  the Python that has python3-readability (/usr/bin/python3)\n"
    "  -h, --help              show this help\n";

int main(int argc, char **argv)
{
    enum { O_STARTUP = 256, O_STARTUP_PAGE, O_CALLGRIND, O_SAMPLE, O_CG_DIR, O_PITH,
           O_PARSE_ONLY, O_NO_RSS, O_FLOOR_ERR, O_CG_WORKER, O_RSS_WORKER, O_CG_WARMUP,
           O_PEER, O_PEER_PYTHON };
    static const struct option opts[] = {
        {"rounds", required_argument, NULL, 'r'},
        {"threads", required_argument, NULL, 'j'},
        {"startup", required_argument, NULL, O_STARTUP},
        {"startup-page", required_argument, NULL, O_STARTUP_PAGE},
        {"no-rss", no_argument, NULL, O_NO_RSS},
        {"callgrind", no_argument, NULL, O_CALLGRIND},
        {"sample", required_argument, NULL, O_SAMPLE},
        {"cg-dir", required_argument, NULL, O_CG_DIR},
        {"cg-warmup", required_argument, NULL, O_CG_WARMUP},
        {"pith", required_argument, NULL, O_PITH},
        {"parse-only", required_argument, NULL, O_PARSE_ONLY},
        {"floor-max-errors", required_argument, NULL, O_FLOOR_ERR},
        {"peer", no_argument, NULL, O_PEER},
        {"peer-python", required_argument, NULL, O_PEER_PYTHON},
        {"cg-worker", required_argument, NULL, O_CG_WORKER},   /* internal */
        {"rss-worker", required_argument, NULL, O_RSS_WORKER}, /* internal */
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    config cf = {
        .rounds = 3,
        .threads = (int)sysconf(_SC_NPROCESSORS_ONLN),
        .sample = 20,
        .cg_warmup = 1,
        .cg_dir = "/tmp/pith-bench-callgrind",
        .startup = 200,
        .startup_page = BENCH_SOURCE_ROOT "/fixtures/hidden-junk-hedgehog-survey.html",
        .pith = BENCH_PITH,
        .parse_only = BENCH_PARSE_ONLY,
        .floor_max_errors = kGumboDefaultOptions.max_errors,
        .rss = true,
        .peer_python = "/usr/bin/python3",
    };
    const char *cg_mode = NULL, *rss_mode = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "r:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'r': cf.rounds = atoi(optarg); break;
        case 'j': cf.threads = atoi(optarg); break;
        case O_STARTUP: cf.startup = atoi(optarg); break;
        case O_STARTUP_PAGE: cf.startup_page = optarg; break;
        case O_NO_RSS: cf.rss = false; break;
        case O_CALLGRIND: cf.callgrind = true; break;
        case O_SAMPLE: cf.sample = atoi(optarg); break;
        case O_CG_DIR: cf.cg_dir = optarg; break;
        case O_CG_WARMUP: cf.cg_warmup = atoi(optarg); break;
        case O_PITH: cf.pith = optarg; break;
        case O_PARSE_ONLY: cf.parse_only = optarg; break;
        case O_FLOOR_ERR: cf.floor_max_errors = atoi(optarg); break;
        case O_PEER: cf.peer = true; break;
        case O_PEER_PYTHON: cf.peer_python = optarg; break;
        case O_CG_WORKER: cg_mode = optarg; break;
        case O_RSS_WORKER: rss_mode = optarg; break;
        case 'h': fputs(usage_text, stdout); return 0;
        default: fputs(usage_text, stderr); return 2;
        }
    }
    if (cf.rounds < 1 || cf.threads < 1 || cf.sample < 1 || cf.startup < 0 || cf.cg_warmup < 0)
        die("-r, -j and --sample take a positive number, --startup and --cg-warmup zero or more");
    if (cg_mode)
        return cg_worker(cg_mode, cf.cg_warmup, argc - optind, argv + optind);

    static const char *defaults[] = {
        BENCH_SOURCE_ROOT "/../shared/corpus/scrapinghub/html",
        BENCH_SOURCE_ROOT "/../shared/corpus/trafilatura/html",
    };
    if (optind < argc) {
        cf.dirs = (const char **)argv + optind;
        cf.ndirs = argc - optind;
    } else {
        cf.dirs = defaults;
        cf.ndirs = 2;
    }
    if (rss_mode)
        return rss_worker(rss_mode, &cf);

    ssize_t sl = readlink("/proc/self/exe", cf.self, sizeof cf.self - 1);
    if (sl <= 0)
        die("cannot find my own executable");
    cf.self[sl] = '\0';

    if (cf.callgrind) {
        report_callgrind(&cf);
        return 0;
    }

    printf("pith %s, Gumbo floor with max_errors=%d\n", pith_version(), cf.floor_max_errors);
    if (cf.rss)
        report_rss(&cf);

    corpus cp;
    uint64_t t0 = now_ns();
    load_corpus(&cp, &cf, true);
    printf("\ncorpus: %zu pages, %.1f MB, read in %.2f s from", cp.n, (double)cp.bytes / (KB * KB),
           (now_ns() - t0) / 1e9);
    for (int i = 0; i < cf.ndirs; i++)
        printf(" %s", cf.dirs[i]);
    printf("\n");

    pith_extractor *ex = bench_new_extractor(PITH_PROFILE);
    GumboOptions gopt = kGumboDefaultOptions;
    gopt.max_errors = cf.floor_max_errors;
    timing t;
    measure(&cp, &cf, ex, &gopt, &t);
    report_timing(&cp, &t, cf.rounds);
    if (t.no_content)
        printf("  (%zu pages gave no article text)\n", t.no_content);
    if (cf.threads > 1)
        report_threads(&cp, &cf, ex, t.hash);
    struct rusage self;
    getrusage(RUSAGE_SELF, &self);
    printf("\nthis process's peak RSS, with the whole corpus in memory: %.1f MiB\n",
           (double)self.ru_maxrss / 1024);
    if (cf.startup)
        report_startup(&cf);
    if (cf.peer)
        report_peer(&cf, &cp, &t);
    report_targets();
    fflush(stdout);
    pith_extractor_free(ex);
    return 0;
}
