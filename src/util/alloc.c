#include "alloc.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *libc_malloc(size_t n, void *ud) { (void)ud; return malloc(n); }
static void *libc_realloc(void *p, size_t n, void *ud) { (void)ud; return realloc(p, n); }
static void libc_free(void *p, void *ud) { (void)ud; free(p); }

void px_alloc_init(px_alloc *a, const pith_allocator *user)
{
    a->malloc = user && user->malloc ? user->malloc : libc_malloc;
    a->realloc = user && user->realloc ? user->realloc : libc_realloc;
    a->free = user && user->free ? user->free : libc_free;
    a->ud = user ? user->ud : NULL;
}

void *px_malloc(const px_alloc *a, size_t n) { return a->malloc(n ? n : 1, a->ud); }

void *px_calloc(const px_alloc *a, size_t count, size_t size)
{
    /* libc's calloc knows when its memory is fresh from the kernel, and
     * so zero already: a large block then costs no write at all. */
    if (a->malloc == libc_malloc && a->free == libc_free)
        return calloc(count ? count : 1, size ? size : 1);
    if (size && count > (size_t)-1 / size)
        return NULL;
    void *p = px_malloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *px_realloc(const px_alloc *a, void *p, size_t n) { return a->realloc(p, n ? n : 1, a->ud); }

void px_free(const px_alloc *a, void *p)
{
    if (p)
        a->free(p, a->ud);
}

char *px_strndup(const px_alloc *a, const char *s, size_t n)
{
    char *d = px_malloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void px_buf_init(px_buf *b, const px_alloc *a)
{
    b->a = a;
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

bool px_buf_reserve(px_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > (size_t)-1 / 2) {
            b->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *d = px_realloc(b->a, b->data, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void px_buf_append(px_buf *b, const char *s, size_t n)
{
    if (!n || !px_buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void px_buf_putc(px_buf *b, char c) { px_buf_append(b, &c, 1); }
void px_buf_puts(px_buf *b, const char *s) { px_buf_append(b, s, strlen(s)); }

char *px_buf_detach(px_buf *b, size_t *len)
{
    if (b->oom || !px_buf_reserve(b, 0)) {
        px_buf_free(b);
        return NULL;
    }
    char *d = b->data;
    d[b->len] = '\0';
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void px_buf_put_cp(px_buf *b, unsigned cp)
{
    char o[4];
    px_buf_append(b, o, px_utf8_encode(cp, o));
}

void px_buf_free(px_buf *b)
{
    px_free(b->a, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* Messages quote what the user gave (an encoding label, a file name): keep
 * them to one line of valid UTF-8 whatever that was, and whatever
 * vsnprintf's truncation cut in half. */
static void one_line(char *m)
{
    size_t n = strlen(m), o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = px_utf8_valid((const unsigned char *)m + i, n - i);
        if (!len || (unsigned char)m[i] < 0x20 || m[i] == 0x7F) {
            m[o++] = '?';
            i += len ? len : 1;
            continue;
        }
        memmove(m + o, m + i, len);
        o += len;
        i += len;
    }
    m[o] = '\0';
}

int px_error(pith_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = (pith_status)code;
        /* GCC 12 with -fsanitize=undefined claims a null format here: the
         * format is always a literal of ours. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif
        vsnprintf(err->message, sizeof err->message, fmt, ap);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
        va_end(ap);
        one_line(err->message);
    }
    return code;
}
