/*
 * The pith command's batches: -o OUTDIR with files or --input-dir, and the
 * JSON Lines stream. (WARC files are in cli_warc.c.) Each mode is a reader,
 * a worker and a writer for the batch engine (batch.c).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "hash.h"
#include "jsonl.h"
#include "warc.h"

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */

/* The output paths written so far, so that two inputs with one name (a.htm
 * and a.html, or dir1/a.html and dir2/a.html) never overwrite each other. */
typedef struct nameset {
    char **slot;
    size_t cap, n;
} nameset;

static uint64_t hash(const char *s) { return px_fnv1a64(PX_FNV1A64_SEED, s, strlen(s)); }

/* Returns 1 if added, 0 if already there, -1 when out of memory. */
static int nameset_add(nameset *ns, const char *name)
{
    if (2 * (ns->n + 1) > ns->cap) {
        size_t cap = ns->cap ? 2 * ns->cap : 64;
        char **slot = calloc(cap, sizeof *slot);
        if (!slot)
            return -1;
        for (size_t i = 0; i < ns->cap; i++)
            if (ns->slot[i]) {
                size_t j = (size_t)hash(ns->slot[i]) & (cap - 1);
                while (slot[j])
                    j = (j + 1) & (cap - 1);
                slot[j] = ns->slot[i];
            }
        free(ns->slot);
        ns->slot = slot;
        ns->cap = cap;
    }
    size_t j = (size_t)hash(name) & (ns->cap - 1);
    for (; ns->slot[j]; j = (j + 1) & (ns->cap - 1))
        if (!strcmp(ns->slot[j], name))
            return 0;
    if (!(ns->slot[j] = strdup(name)))
        return -1;
    ns->n++;
    return 1;
}

static void nameset_free(nameset *ns)
{
    for (size_t i = 0; i < ns->cap; i++)
        free(ns->slot[i]);
    free(ns->slot);
}

/* ------------------------------------------------------------------ */
/* The inputs of -o: files, and the files under --input-dir             */

static const char page_exts[][8] = {".html", ".htm", ".xhtml", ".shtml"};
static const char format_exts[][8] = {".txt", ".md", ".html", ".json"};

static const char *out_ext(unsigned format)
{
    /* PITH_FORMAT_* are bits 8 (markdown), 9 (html), 10 (json); 0 is text */
    return format_exts[format ? __builtin_ctz(format) - 7 : 0];
}

/* OUTDIR/REL with a page extension of REL replaced by the format's. */
static char *out_path(const cli *c, const char *rel)
{
    size_t n = strlen(rel);
    for (size_t i = 0; i < sizeof page_exts / sizeof *page_exts; i++) {
        size_t e = strlen(page_exts[i]);
        if (n > e && !strcasecmp(rel + n - e, page_exts[i]) && rel[n - e - 1] != '/') {
            n -= e;
            break;
        }
    }
    return cli_dupf("%s/%.*s%s", c->outdir, (int)n, rel, out_ext(c->format));
}

static int add_input(cli_run *r, const char *path, const char *rel)
{
    if (r->npaths == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 64;
        char **p = realloc(r->paths, cap * sizeof *p);
        if (p)
            r->paths = p;
        char **o = p ? realloc(r->outs, cap * sizeof *o) : NULL;
        if (!o)
            return -1;
        r->outs = o;
        r->cap = cap;
    }
    if (rel && cli_inodes_add(&r->inodes, path))
        return -1;
    r->paths[r->npaths] = strdup(path);
    r->outs[r->npaths] = rel ? out_path(r->c, rel) : NULL;
    if (!r->paths[r->npaths] || (rel && !r->outs[r->npaths])) {
        free(r->paths[r->npaths]);
        free(r->outs[r->npaths]);
        return -1;
    }
    r->npaths++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the files under dir/rel in name order, skipping hidden ones. A
 * directory that cannot be read is named on stderr and skipped. As find
 * does without -L, a symbolic link to a directory is not followed (links
 * to files are read): a link to "." or a parent made the walk exponential.
 * Depth stays bounded for a tree that bind mounts make cyclic. */
static int walk(cli_run *r, const char *dir, const char *rel, int depth)
{
    char *here = rel ? cli_dupf("%s/%s", dir, rel) : strdup(dir);
    DIR *d = here ? opendir(here) : NULL;
    if (!d) {
        if (here)
            cli_fail(0, here, strerror(errno));
        free(here);
        return here ? 0 : -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **t = realloc(names, (cap = cap ? 2 * cap : 32) * sizeof *t);
            if (!t) {
                rc = -1;
                break;
            }
            names = t;
        }
        if (!(names[n] = rel ? cli_dupf("%s/%s", rel, e->d_name) : strdup(e->d_name)))
            rc = -1;
        else
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char *full = cli_dupf("%s/%s", dir, names[i]);
        struct stat st;
        if (rc == 0 && !full)
            rc = -1;
        else if (rc == 0 && lstat(full, &st) == 0) {
            bool link = S_ISLNK(st.st_mode);
            if (link && stat(full, &st))
                st.st_mode = 0; /* a dangling link */
            if (S_ISDIR(st.st_mode) && !link && depth < 64)
                rc = walk(r, dir, names[i], depth + 1);
            else if (S_ISREG(st.st_mode))
                rc = add_input(r, full, names[i]);
        }
        free(full);
        free(names[i]);
    }
    free(names);
    free(here);
    return rc;
}

static char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return (char *)(b ? b + 1 : path);
}

/* Lists the inputs of the run; returns 0 or an exit status. */
static int list_inputs(cli_run *r)
{
    const cli *c = r->c;
    for (int i = 0; i < c->ninputs; i++)
        if (add_input(r, c->inputs[i], c->mode == MODE_FILES ? base_name(c->inputs[i]) : NULL))
            return cli_fail(PITH_ERR_NOMEM, NULL, "out of memory");
    if (c->input_dir) {
        struct stat st;
        if (stat(c->input_dir, &st) || !S_ISDIR(st.st_mode))
            return cli_fail(PITH_ERR_INPUT, c->input_dir, errno ? strerror(errno) : "not a directory");
        if (walk(r, c->input_dir, NULL, 0))
            return cli_fail(PITH_ERR_NOMEM, NULL, "out of memory");
    }
    return 0;
}

static uint64_t total_size(const cli_run *r)
{
    uint64_t total = 0;
    for (size_t i = 0; i < r->npaths; i++) {
        struct stat st;
        if (!strcmp(r->paths[i], "-")) {
            if (fstat(0, &st) || !S_ISREG(st.st_mode))
                return 0; /* a pipe: unknown */
            total += (uint64_t)st.st_size;
        } else if (stat(r->paths[i], &st) == 0 && S_ISREG(st.st_mode)) {
            total += (uint64_t)st.st_size;
        }
    }
    return total;
}

/* ------------------------------------------------------------------ */
/* -o: one file per page                                                */

static int files_next(void *ctx, px_job *job)
{
    cli_run *r = ctx;
    if (r->next == r->npaths)
        return 0;
    size_t i = r->next++;
    job->name = strdup(r->paths[i]);
    job->path = strdup(r->outs[i]);
    if (!job->name || !job->path) {
        job->msg = strdup("out of memory");
        return -1;
    }
    FILE *f = fopen(r->paths[i], "rb");
    int rc = f ? cli_read(f, r->max_bytes, &job->data, &job->len) : PITH_ERR_INPUT;
    int e = errno;
    if (f)
        fclose(f);
    r->done_bytes += job->len;
    if (rc) {
        job->status = rc;
        job->msg = strdup(rc == PITH_ERR_NOMEM ? "out of memory reading the input" : strerror(e ? e : EIO));
    }
    return 1;
}

static void files_work(void *ctx, px_job *job)
{
    const cli_run *r = ctx;
    if (job->status)
        return;
    pith_result *res = cli_extract(r, job, job->data, job->len, r->c->encoding, r->c->url, r->c->date,
                                   false);
    if (!res)
        return;
    FILE *m = open_memstream(&job->out, &job->out_len);
    if (m) {
        cli_print(r->c, res, m);
        if (fclose(m))
            m = NULL;
    }
    if (!m) {
        job->status = PITH_ERR_NOMEM;
        free(job->msg);
        job->msg = strdup("out of memory");
    }
    pith_result_free(res);
}

static int files_emit(void *ctx, px_job *job)
{
    cli_run *r = ctx;
    if (!job->status) {
        int fresh = nameset_add(r->names, job->path);
        char *why = fresh < 0 ? strdup("out of memory")
                    : !fresh  ? cli_dupf("%s was written from an earlier input; skipped", job->path)
                              : cli_write_out(r->c->outdir, job->path + strlen(r->c->outdir) + 1,
                                              job->out, job->out_len, &r->inodes);
        if (why || fresh <= 0) {
            job->status = fresh < 0 ? PITH_ERR_NOMEM : PITH_ERR_INPUT;
            free(job->msg);
            job->msg = why ? why : strdup("out of memory");
        }
    }
    if (job->msg)
        cli_fail(0, job->name, job->msg);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Streams: --jsonl here, --warc in cli_warc.c                          */

static bool blank(const char *s)
{
    return s[strspn(s, " \t\r")] == '\0';
}

static int jsonl_next(void *ctx, px_job *job)
{
    cli_run *r = ctx;
    px_lines *lines = r->reader;
    for (;;) {
        if (!r->f) {
            int o = cli_open_next(r, job);
            if (o <= 0)
                return o ? 1 : 0; /* an input that cannot be opened is an error record */
            /* Escaped into JSON a page grows, rarely past twice its size. */
            size_t max = r->max_bytes && r->max_bytes < SIZE_MAX / 4 ? 2 * r->max_bytes + 65536 : SIZE_MAX;
            if (!px_lines_init(lines, r->f, max)) {
                job->msg = strdup("out of memory");
                return -1;
            }
        }
        px_line line;
        int got = px_lines_next(lines, &line);
        if (got == 1 && line.text && blank(line.text)) {
            free(line.text);
            continue;
        }
        if (got == 1) {
            job->name = cli_dupf("%s:%llu", r->fname, (unsigned long long)lines->lineno);
            job->data = line.text;
            if (!line.text) {
                job->status = PITH_ERR_LIMIT;
                job->msg = cli_dupf("line %llu is %zu bytes long, over the limit of %zu (see --max-bytes)",
                                (unsigned long long)lines->lineno, line.len, lines->max);
            } else {
                job->len = line.len;
            }
            return 1;
        }
        int e = errno;
        r->done_bytes += lines->consumed;
        px_lines_free(lines);
        cli_close_input(r);
        if (got < 0) {
            /* The rest of this input is lost: say so in a record. */
            job->status = e == ENOMEM ? PITH_ERR_NOMEM : PITH_ERR_INPUT;
            job->name = strdup(r->fname);
            job->msg = cli_dupf("%s: %s after line %llu", r->fname, strerror(e),
                            (unsigned long long)lines->lineno);
            return 1;
        }
    }
}

/* A member repeated in a record counts by its last value, as in most JSON
 * parsers (Python's, JavaScript's JSON.parse, jq). */
static const px_json *last_member(const px_json *obj, const char *key)
{
    for (size_t i = obj->n; i-- > 0;)
        if (!strcmp(obj->keys[i], key))
            return obj->items[i];
    return NULL;
}

static void jsonl_work(void *ctx, px_job *job)
{
    const cli_run *r = ctx;
    const char *hf = r->c->html_field ? r->c->html_field : "html";
    const char *uf = r->c->url_field ? r->c->url_field : "url";
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_json_doc doc = {0};
    char *error = NULL;
    const px_json *in = NULL, *html = NULL, *url = NULL, *date = NULL;
    if (!job->status) {
        int rc = px_json_parse(&doc, &a, job->data, job->len);
        if (rc == PITH_OK && doc.root->type == PX_JOBJ) {
            in = doc.root;
            html = last_member(in, hf);
            url = last_member(in, uf);
            date = last_member(in, "date");
        }
        if (rc == PITH_ERR_NOMEM)
            error = strdup("out of memory");
        else if (rc && job->len >= 3 && !memcmp(job->data, "\xef\xbb\xbf", 3))
            error = strdup("the line starts with a byte-order mark (U+FEFF), which JSON Lines does not allow");
        else if (rc && doc.too_deep)
            error = cli_dupf("JSON nested deeper than %d levels (at byte %zu)", PX_JSON_MAX_DEPTH,
                             doc.error_at);
        else if (rc)
            error = cli_dupf("not valid JSON (at byte %zu)", doc.error_at);
        else if (!in)
            error = strdup("not a JSON object");
        else if (!html || html->type != PX_JSTR)
            error = cli_dupf("no \"%s\" string member", hf);
        else if (url && url->type != PX_JSTR && url->type != PX_JNULL)
            error = cli_dupf("\"%s\" is not a string", uf);
        else if (date && date->type != PX_JSTR && date->type != PX_JNULL)
            error = strdup("\"date\" is not a string");
        if (error)
            job->status = rc == PITH_ERR_NOMEM ? rc : PITH_ERR_INPUT;
    }
    /* The page was decoded to Unicode before it became JSON, so its own
     * charset declaration no longer applies. */
    const char *enc = r->c->encoding ? r->c->encoding : "utf-8";
    cli_stream_record(r, job, in, hf, html ? html->s : NULL, html ? html->len : 0, enc,
                      url && url->type == PX_JSTR ? url->s : r->c->url,
                      date && date->type == PX_JSTR ? date->s : r->c->date, error);
    if (error) {
        free(job->msg);
        job->msg = error;
    }
    px_json_free(&doc);
    /* The input is no longer needed; the output may be held a while. */
    free(job->data);
    job->data = NULL;
}

static int stream_emit(void *ctx, px_job *job)
{
    (void)ctx;
    if (fwrite(job->out, 1, job->out_len, stdout) != job->out_len || putchar('\n') == EOF) {
        cli_write_failed();
        return -1;
    }
    return 0;
}

static uint64_t consumed(void *ctx)
{
    const cli_run *r = ctx;
    uint64_t now = r->done_bytes;
    if (r->f && r->c->mode == MODE_JSONL)
        now += ((px_lines *)r->reader)->consumed;
    else if (r->f && r->reader)
        now += px_warc_offset(r->reader);
    return now;
}

/* ------------------------------------------------------------------ */

int cli_batch(const cli *c, const pith_extractor *ex)
{
    px_lines lines = {0};
    nameset names = {0};
    cli_run r = {.c = c, .ex = ex, .max_bytes = pith_extractor_limit(ex, PITH_LIMIT_BYTES),
                 .names = &names, .reader = c->mode == MODE_JSONL ? (void *)&lines : NULL};
    int rc = list_inputs(&r);
    if (!rc && c->mode != MODE_FILES && !r.npaths && add_input(&r, "-", NULL))
        rc = cli_fail(PITH_ERR_NOMEM, NULL, "out of memory");
    if (!rc && c->outdir && mkdir(c->outdir, 0777) && errno != EEXIST)
        rc = cli_fail(PITH_ERR_INPUT, c->outdir, strerror(errno));
    if (!rc) {
        /* Progress on a terminal only: never in a pipe, a log or CI. */
        const char *ci = getenv("CI");
        px_batch_config cfg = {
            .threads = c->jobs ? c->jobs : px_batch_cores(),
            .max_inflight = 256u << 20,
            .progress = !c->quiet && isatty(2) && !(ci && *ci),
            .total = total_size(&r),
            .records = c->mode == MODE_FILES ? r.npaths : 0,
        };
        /* On the stack: a static table of function pointers is one more
         * thing the loader rewrites at every start (bench/relocs). */
        const px_batch_ops mode_ops[] = {
            [MODE_FILES] = {files_next, files_work, files_emit, consumed},
            [MODE_JSONL] = {jsonl_next, jsonl_work, stream_emit, consumed},
            [MODE_WARC] = {cli_warc_next, cli_warc_work, stream_emit, consumed},
        };
        px_batch_stats st;
        if (px_batch_run(&cfg, &mode_ops[c->mode], &r, &st))
            rc = PITH_ERR_INPUT;
        else if (r.open_failed)
            rc = PITH_ERR_INPUT;
        else if (c->mode == MODE_FILES && st.errors)
            rc = CLI_EXIT_SOME_FAILED;
        /* Files leave no record of the run on stdout, so say how it went. */
        if (c->mode == MODE_FILES && !c->quiet)
            fprintf(stderr, "pith: %llu pages, %llu failed, %.1f s\n", (unsigned long long)st.records,
                    (unsigned long long)st.errors, st.seconds);
    }
    if (c->mode == MODE_WARC && r.reader)
        px_warc_close(r.reader);
    if (r.f)
        cli_close_input(&r);
    if (c->mode == MODE_JSONL)
        px_lines_free(&lines);
    for (size_t i = 0; i < r.npaths; i++) {
        free(r.paths[i]);
        free(r.outs[i]);
    }
    free(r.paths);
    free(r.outs);
    nameset_free(&names);
    cli_inodes_free(&r.inodes);
    return rc;
}
