/*
 * elide_check FILE|DIR...: the differential check of the elision pass.
 * Every page (a directory: every *.html file in it, recursively) is decoded to
 * UTF-8 as pith does, parsed by Gumbo whole and elided, and the two trees
 * compared node by node (tests/elide/domdiff.c). Prints each page that
 * differs with the path of the first difference, then a summary line;
 * exits 1 if any page differs, 2 when a file cannot be read.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "decode.h"
#include "domdiff.h"
#include "read_file.h"

typedef struct tally {
    size_t pages, differ, unread;
    double bytes, elided;
} tally;

static void check_file(const char *path, tally *t)
{
    size_t len;
    char *raw = px_read_file(path, &len);
    if (!raw) {
        fprintf(stderr, "elide_check: cannot read %s\n", path);
        t->unread++;
        return;
    }
    px_alloc a;
    px_alloc_init(&a, NULL);
    char *utf8 = NULL;
    size_t ulen = 0;
    pith_error err;
    if (px_decode(&a, raw, len, NULL, &utf8, &ulen, NULL, &err)) {
        fprintf(stderr, "elide_check: %s: %s\n", path, err.message);
        t->unread++;
        free(raw);
        return;
    }
    free(raw);
    char why[1024];
    size_t elen;
    t->pages++;
    t->bytes += (double)ulen;
    if (!domdiff_page(utf8, ulen, &elen, why, sizeof why)) {
        printf("%s: %s\n", path, why);
        t->differ++;
    }
    t->elided += (double)elen;
    px_free(&a, utf8);
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void check_path(const char *path, tally *t)
{
    struct stat sb;
    if (stat(path, &sb) || !S_ISDIR(sb.st_mode)) {
        check_file(path, t);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "elide_check: cannot read %s\n", path);
        t->unread++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t dl = strlen(de->d_name);
        if (de->d_name[0] == '.' ||
            (de->d_type != DT_DIR && (dl < 5 || strcmp(de->d_name + dl - 5, ".html"))))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            char **m = realloc(names, cap * sizeof *names);
            if (!m)
                break;
            names = m;
        }
        size_t l = strlen(path) + strlen(de->d_name) + 2;
        if (!(names[n] = malloc(l)))
            break;
        snprintf(names[n++], l, "%s/%s", path, de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        check_path(names[i], t);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: elide_check FILE|DIR...\n");
        return 2;
    }
    tally t = {0};
    for (int i = 1; i < argc; i++)
        check_path(argv[i], &t);
    printf("%zu pages, %zu differ; %.1f MB whole, %.1f MB elided (%.1f%% left out)\n", t.pages,
           t.differ, t.bytes / 1e6, t.elided / 1e6,
           t.bytes ? 100.0 * (t.bytes - t.elided) / t.bytes : 0.0);
    return t.differ ? 1 : t.unread ? 2 : 0;
}
