/* What the pith command's files share: its parsed options, and the
 * helpers that single-page and batch runs both use. */
#ifndef PITH_CLI_H
#define PITH_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/types.h>
#include "batch.h"
#include "json.h"
#include "pith.h"


/* The exit status of a batch of files in which some pages failed (each is
 * named on stderr); the others follow pith_status. */
#define CLI_EXIT_SOME_FAILED 7

typedef enum cli_mode { MODE_PAGE, MODE_FILES, MODE_JSONL, MODE_WARC } cli_mode;

typedef struct cli {
    const char *encoding;
    const char *url;
    const char *date;       /* --date: when the page was fetched */
    const char *target_language; /* --target-language, or NULL */
    const char **rules;
    int nrules;
    const char **lists; /* --adblock; NULL for the system's list */
    int nlists;
    unsigned flags;
    int no_title;
    unsigned format;  /* PITH_FORMAT_* of --format, or 0 for text */
    bool format_given;
    unsigned include; /* PITH_FORMAT_* of --include */
    size_t limits[4];
    unsigned limits_set; /* a bit per pith_limit given on the command line */
    /* batches */
    cli_mode mode;
    char **inputs;          /* FILE arguments */
    int ninputs;
    const char *outdir;     /* -o */
    const char *input_dir;  /* --input-dir */
    const char *html_field; /* --html-field */
    const char *url_field;  /* --url-field */
    unsigned jobs;          /* -j; 0 for the number of cores */
    bool quiet;             /* -q */
} cli;

/* ---- cli_common.c: what single pages and batches share ---- */

/* Prints "pith: WHAT: MSG" (or "pith: MSG") on stderr, one line (control
 * characters escaped), and returns code. */
int cli_fail(int code, const char *what, const char *msg);
/* Says, once per run, that standard output cannot be written; returns
 * PITH_ERR_INPUT. */
int cli_write_failed(void);

/* Writes a result as --format asks: the whole document the library made
 * (title included unless --no-title), ending with a newline. */
void cli_print(const cli *c, const pith_result *res, FILE *out);

/* A formatted string from malloc, or NULL when out of memory. */
char *cli_dupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads f to its end, or to limit + 1 bytes (limit 0: no limit). Returns
 * 0, PITH_ERR_NOMEM, or PITH_ERR_INPUT with errno set. */
int cli_read(FILE *f, size_t limit, char **data, size_t *len);

/* ---- cli_check.c ---- */

/* --check-rules: loads a rule file and warns on stderr about each pattern
 * that can backtrack exponentially; returns the exit status. */
int cli_check_rules(const char *path);

/* ---- cli_batch.c ---- */

/* Runs -o, --jsonl or --warc; returns the exit status. */
int cli_batch(const cli *c, const pith_extractor *ex);

/* ---- cli_out.c: -o's writes ---- */

/* The files of the run's inputs, by device and inode, so
 * that no output replaces one. */
typedef struct cli_inode {
    dev_t dev;
    ino_t ino;
} cli_inode;
typedef struct cli_inodes {
    cli_inode *v;
    size_t n, cap;
    bool sorted;
} cli_inodes;
/* Adds the file at path (nothing when it cannot be stat'ed); -1 when out
 * of memory. */
int cli_inodes_add(cli_inodes *s, const char *path);
void cli_inodes_free(cli_inodes *s);
/* Writes data to OUTDIR/REL through a temporary file renamed into place,
 * making REL's directories; no symbolic link is followed or replaced and
 * no file of inputs is overwritten. Returns NULL, or why it did not write
 * (a malloc'd one-line message). */
char *cli_write_out(const char *outdir, const char *rel, const char *data, size_t len,
                    cli_inodes *inputs);

/* ---- cli_batch.c ---- */

/* A batch run's state: the inputs, the one open now, and what it has read.
 * Only the main thread changes it; workers read c, ex and limits. */
typedef struct cli_run {
    const cli *c;
    const pith_extractor *ex;
    size_t max_bytes;      /* --max-bytes, 0 for none */
    char **paths;          /* the inputs, in order */
    char **outs;           /* -o: each input's output path */
    size_t npaths, cap;
    size_t next;           /* the next input to open or read */
    FILE *f;               /* the input open now (--jsonl, --warc) */
    const char *fname;     /* its name in messages */
    void *reader;          /* its px_lines or px_warc */
    uint64_t done_bytes;   /* bytes of the inputs already finished */
    bool open_failed;      /* an input could not be opened */
    void *names;           /* -o: the output paths written so far */
    cli_inodes inodes;     /* -o: the inputs' files */
} cli_run;

/* ---- cli_stream.c: the record of one page in a stream ---- */

/* Runs the extraction; returns the result, or NULL with job's status and
 * message set. A warning becomes job's message. With keep_empty, a page
 * without an article keeps its result too (its JSON has the metadata). */
pith_result *cli_extract(const cli_run *r, px_job *job, const char *html, size_t len,
                         const char *encoding, const char *url, const char *date,
                         bool keep_empty);

/* Opens the next input of a stream run into r->f and r->fname. Returns 1,
 * 0 when none is left, or -1 with job filled as an error record when it
 * cannot be opened. */
int cli_open_next(cli_run *r, px_job *job);
/* Closes the input open now. */
void cli_close_input(cli_run *r);

/* Extracts a page for a stream record and writes the record into job->out:
 * in (the input's members, or NULL) and job->prefix, the extraction's
 * members, and "error" on failure. error, when not NULL, is a reason the
 * record already failed for. */
void cli_stream_record(const cli_run *r, px_job *job, const px_json *in, const char *skip,
                       const char *html, size_t len, const char *encoding,
                       const char *url, const char *date, const char *error);

/* ---- cli_warc.c ---- */

/* --warc: the px_batch_ops next and work of WARC files. */
int cli_warc_next(void *ctx, px_job *job);
void cli_warc_work(void *ctx, px_job *job);

#endif
