/*
 * -o's writes. Each output goes to a hidden temporary file beside its
 * place and is renamed there only once it is whole, so a page that fails
 * (a full disk, a write error) leaves nothing that looks like a result.
 * Nothing under OUTDIR is reached through a symbolic link (each directory
 * is opened with O_NOFOLLOW), an existing link is never replaced, and no
 * input of the run is ever written over.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

static int by_inode(const void *a, const void *b)
{
    const cli_inode *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

int cli_inodes_add(cli_inodes *s, const char *path)
{
    struct stat st;
    if (stat(path, &st))
        return 0; /* it fails later, when it is read */
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        cli_inode *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = (cli_inode){st.st_dev, st.st_ino};
    s->sorted = false;
    return 0;
}

static bool is_input(cli_inodes *s, const struct stat *st)
{
    if (!s->sorted && s->n)
        qsort(s->v, s->n, sizeof *s->v, by_inode);
    s->sorted = true;
    cli_inode key = {st->st_dev, st->st_ino};
    return s->n && bsearch(&key, s->v, s->n, sizeof *s->v, by_inode);
}

void cli_inodes_free(cli_inodes *s)
{
    free(s->v);
    *s = (cli_inodes){0};
}

/* Opens directory name under dir, making it when missing, without
 * following a symbolic link; closes dir. */
static int down(int dir, const char *name)
{
    if (mkdirat(dir, name, 0777) && errno != EEXIST) {
        close(dir);
        return -1;
    }
    int d = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int e = errno;
    struct stat st;
    /* O_DIRECTORY makes Linux say ENOTDIR for a link: tell it apart */
    if (d < 0 && !fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode))
        e = ELOOP;
    close(dir);
    errno = e;
    return d;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

char *cli_write_out(const char *outdir, const char *rel, const char *data, size_t len,
                    cli_inodes *inputs)
{
    char *path = cli_dupf("%s/%s", outdir, rel);
    char *dirs = strdup(rel);
    if (!path || !dirs) {
        free(path);
        free(dirs);
        return strdup("out of memory");
    }
    char *why = NULL;
    int d = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    char *name = dirs;
    for (char *s; d >= 0 && (s = strchr(name, '/')); name = s + 1) {
        *s = '\0';
        if (*name && (d = down(d, name)) < 0 && errno == ELOOP)
            why = cli_dupf("%s/%s is a symbolic link; not followed", outdir, dirs);
        *s = '/';
    }
    struct stat st;
    bool exists = d >= 0 && fstatat(d, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
    if (d < 0) {
        if (!why)
            why = cli_dupf("cannot write %s: %s", path, strerror(errno));
    } else if (exists && S_ISLNK(st.st_mode)) {
        why = cli_dupf("%s is a symbolic link; left as it is", path);
    } else if (exists && is_input(inputs, &st)) {
        why = cli_dupf("%s is an input of this run; not overwritten", path);
    } else {
        /* hidden, so that --input-dir never takes it for a page */
        char tmp[64];
        int fd = -1;
        static unsigned seq;
        for (int tries = 0; fd < 0 && tries < 100; tries++) {
            snprintf(tmp, sizeof tmp, ".pith-%ld-%u.tmp", (long)getpid(),
                     __atomic_fetch_add(&seq, 1, __ATOMIC_RELAXED));
            fd = openat(d, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
            if (fd < 0 && errno != EEXIST)
                break;
        }
        int bad = fd < 0 || write_all(fd, data, len);
        int e = errno;
        if (fd >= 0 && close(fd) && !bad) {
            bad = 1;
            e = errno;
        }
        if (!bad && renameat(d, tmp, d, name)) {
            bad = 1;
            e = errno;
        }
        if (bad) {
            if (fd >= 0)
                unlinkat(d, tmp, 0);
            why = cli_dupf("cannot write %s: %s", path, strerror(e));
        }
    }
    if (d >= 0)
        close(d);
    free(dirs);
    free(path);
    return why;
}
