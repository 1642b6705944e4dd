/*
 * bench/lib_pages: the C library's side of bench/python: every FILE
 * through one extractor (text output, as pith.extract's default), and
 * one line per page, "NS FILE", with the nanoseconds of pith_extract,
 * reading the text and freeing the result. The pages are read into
 * memory first, so no I/O is timed, and the first WARM pages go through
 * once untimed (bench/python warms its extractor the same way).
 *
 * Usage: lib_pages FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pith.h"
#include "read_file.h"

enum { WARM = 20 };

static unsigned long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    pith_error err;
    pith_extractor *ex = pith_extractor_new(NULL, &err);
    if (!ex) {
        fprintf(stderr, "lib_pages: %s\n", err.message);
        return 1;
    }
    int n = argc - 1;
    char **data = calloc((size_t)n + 1, sizeof *data);
    size_t *len = calloc((size_t)n + 1, sizeof *len);
    if (!data || !len)
        return 1;
    for (int i = 0; i < n; i++)
        if (!(data[i] = px_read_file(argv[i + 1], &len[i]))) {
            fprintf(stderr, "lib_pages: cannot read %s\n", argv[i + 1]);
            return 1;
        }
    for (int i = 0; i < n && i < WARM; i++) {
        pith_result *r = NULL;
        pith_extract(ex, data[i], len[i], NULL, NULL, &r, &err);
        pith_result_free(r);
    }
    for (int i = 0; i < n; i++) {
        unsigned long long t0 = now_ns();
        pith_result *r = NULL;
        if (pith_extract(ex, data[i], len[i], NULL, NULL, &r, &err) == PITH_OK) {
            size_t tl;
            const char *t = pith_result_text(r, &tl);
            if (tl && !t[0])
                return 1; /* keeps the read from being optimised away */
        }
        pith_result_free(r);
        printf("%llu %s\n", now_ns() - t0, argv[i + 1]);
        free(data[i]);
    }
    free(data);
    free(len);
    pith_extractor_free(ex);
    return 0;
}
