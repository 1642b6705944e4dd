/*
 * The regression driver: a main() for a fuzz target built without
 * libFuzzer. Each argument is a file or a folder; every file in it (not
 * starting with '.', not README*) is fed once to LLVMFuzzerTestOneInput. A
 * crash, a sanitizer report or a failed invariant fails the test. A folder
 * that does not exist holds no inputs.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz_common.h"
#include "read_file.h"

static int run_file(const char *path)
{
    size_t n;
    char *buf = px_read_file(path, &n);
    if (!buf) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 1;
    }
    /* Like libFuzzer, hand over a copy of exactly n bytes. */
    unsigned char *copy = malloc(n ? n : 1);
    if (!copy) {
        free(buf);
        return 1;
    }
    memcpy(copy, buf, n);
    free(buf);
    fprintf(stderr, "running %s (%zu bytes)\n", path, n);
    LLVMFuzzerTestOneInput(copy, n);
    free(copy);
    return 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(int argc, char **argv)
{
    int failed = 0, ran = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            if (errno == ENOENT)
                continue;
            fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
            failed++;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            failed += run_file(argv[i]);
            ran++;
            continue;
        }
        struct dirent **list;
        int n = scandir(argv[i], &list, NULL, NULL);
        if (n < 0) {
            fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
            failed++;
            continue;
        }
        char **names = calloc((size_t)n + 1, sizeof *names);
        int k = 0;
        for (int j = 0; j < n; j++) {
            const char *d = list[j]->d_name;
            if (names && d[0] != '.' && strncmp(d, "README", 6) != 0) {
                size_t len = strlen(argv[i]) + strlen(d) + 2;
                names[k] = malloc(len);
                if (names[k])
                    snprintf(names[k++], len, "%s/%s", argv[i], d);
            }
            free(list[j]);
        }
        free(list);
        if (!names) {
            failed++;
            continue;
        }
        qsort(names, (size_t)k, sizeof *names, by_name);
        for (int j = 0; j < k; j++) {
            failed += run_file(names[j]);
            ran++;
            free(names[j]);
        }
        free(names);
    }
    printf("%d inputs run, %d unreadable\n", ran, failed);
    return failed ? 1 : 0;
}
