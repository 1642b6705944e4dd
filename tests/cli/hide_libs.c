/* An LD_PRELOAD shim for tests/cli/missing-libs.sh: dlopen of a file
 * named in PITH_TEST_HIDE_LIBS (comma separated) fails as it does on a
 * machine without that library, with the loader's own error message, so
 * that pith's path for a library loaded on demand but not installed
 * (src/util/dynlib.h) runs for real. Every other dlopen goes through. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

static int hidden(const char *file)
{
    const char *list = getenv("PITH_TEST_HIDE_LIBS");
    size_t n = file ? strlen(file) : 0;
    for (const char *p = list; p && *p && n;) {
        size_t len = strcspn(p, ",");
        if (len == n && !memcmp(p, file, n))
            return 1;
        p += len + (p[len] == ',');
    }
    return 0;
}

/* default visibility: the project builds with -fvisibility=hidden */
__attribute__((visibility("default"))) void *dlopen(const char *file, int mode)
{
    void *(*real)(const char *, int);
    void *sym = dlsym(RTLD_NEXT, "dlopen");
    memcpy(&real, &sym, sizeof sym);
    if (hidden(file))
        return real("/nonexistent/pith-hidden-library.so", mode);
    return real(file, mode);
}
