/* Internal allocation: every byte pith owns goes through the user's hooks. */
#ifndef PITH_ALLOC_H
#define PITH_ALLOC_H

#include <stddef.h>
#include <stdbool.h>
#include "pith.h"

typedef struct px_alloc {
    void *(*malloc)(size_t size, void *ud);
    void *(*realloc)(void *ptr, size_t size, void *ud);
    void (*free)(void *ptr, void *ud);
    void *ud;
} px_alloc;

/* Fills a with the hooks in user, defaulting each NULL member to libc. */
void px_alloc_init(px_alloc *a, const pith_allocator *user);

void *px_malloc(const px_alloc *a, size_t n);
void *px_calloc(const px_alloc *a, size_t count, size_t size);
void *px_realloc(const px_alloc *a, void *p, size_t n);
void px_free(const px_alloc *a, void *p);
char *px_strndup(const px_alloc *a, const char *s, size_t n);

/* A growable byte buffer. On allocation failure it sets oom and stops
 * growing, so callers check once at the end instead of after every append. */
typedef struct px_buf {
    const px_alloc *a;
    char *data;
    size_t len, cap;
    bool oom;
} px_buf;

void px_buf_init(px_buf *b, const px_alloc *a);
bool px_buf_reserve(px_buf *b, size_t extra);
void px_buf_append(px_buf *b, const char *s, size_t n);
void px_buf_putc(px_buf *b, char c);
void px_buf_puts(px_buf *b, const char *s);
/* Appends code point cp as UTF-8 (px_utf8_encode: NUL and non-characters
 * become U+FFFD). */
void px_buf_put_cp(px_buf *b, unsigned cp);
/* Returns the NUL-terminated contents and hands ownership to the caller. */
char *px_buf_detach(px_buf *b, size_t *len);
void px_buf_free(px_buf *b);

/* Formats into err (which may be NULL) and returns code. */
int px_error(pith_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
