/*
 * What the pith command's single-page run and its batches both use:
 * messages, reading an input within the byte limit, and writing a result
 * in the format asked for. It sits below cli.c and the batch files, which
 * call it and are never called by it.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* Writes s with its control characters escaped (\n, \t, \xNN): a file
 * name holding a newline must not make a message two lines. */
static void put_escaped(const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n')
            fputs("\\n", stderr);
        else if (c == '\t')
            fputs("\\t", stderr);
        else if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\x%02x", c);
        else
            putc(c, stderr);
    }
}

int cli_fail(int code, const char *what, const char *msg)
{
    fputs("pith: ", stderr);
    if (what) {
        put_escaped(what);
        fputs(": ", stderr);
    }
    put_escaped(msg);
    putc('\n', stderr);
    return code;
}

int cli_write_failed(void)
{
    /* once: a batch's writer fails first, and the last flush again */
    static bool said;
    if (!said)
        cli_fail(0, NULL, "cannot write the output");
    said = true;
    return PITH_ERR_INPUT;
}

char *cli_dupf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    return s;
}

/* Reads at most limit + 1 bytes (limit 0: all): past the byte limit the
 * library refuses the page anyway, so reading a 200 MB page whole would
 * only cost memory. */
int cli_read(FILE *f, size_t limit, char **data, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    size_t want = limit && limit < SIZE_MAX ? limit + 1 : SIZE_MAX;
    char *buf = malloc(cap);
    if (!buf)
        return PITH_ERR_NOMEM;
    for (;;) {
        if (n == cap) {
            char *nb = cap < ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                return PITH_ERR_NOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t room = cap - n < want - n ? cap - n : want - n;
        size_t got = fread(buf + n, 1, room, f);
        n += got;
        if (got == 0 || n >= want)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return PITH_ERR_INPUT;
    }
    *data = buf;
    *len = n;
    return 0;
}

/* The library gives each format as a whole document (PITH_WITH_TITLE or
 * PITH_DOCUMENT, set by check_modes in cli.c), so that what the command
 * prints is what every binding gets. */
void cli_print(const cli *c, const pith_result *res, FILE *out)
{
    size_t len;
    const char *doc = c->format == PITH_FORMAT_HTML ? pith_result_html(res, &len)
                      : c->format == PITH_FORMAT_JSON ? pith_result_json(res, &len)
                      : c->format == PITH_FORMAT_MARKDOWN ? pith_result_markdown(res, &len)
                                                          : pith_result_text(res, &len);
    fwrite(doc, 1, len, out);
}
