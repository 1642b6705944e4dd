/*
 * What the pith command's single-page run and its batches both use:
 * messages, reading an input within the byte limit, and writing a result
 * in the format asked for. It sits below cli.c and the batch files, which
 * call it and are never called by it.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int cli_fail(int code, const char *what, const char *msg)
{
    if (what)
        fprintf(stderr, "pith: %s: %s\n", what, msg);
    else
        fprintf(stderr, "pith: %s\n", msg);
    return code;
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

/* The title as the text of a Markdown heading: what could be read as
 * syntax gets a backslash. */
static void put_md_title(const char *t, FILE *out)
{
    for (const char *p = t; *p; p++) {
        if (strchr("\\`*_[]<>#~|", *p) || (*p == '&' && p[1] && (p[1] == '#' || isalnum((unsigned char)p[1]))))
            putc('\\', out);
        putc(*p, out);
    }
}

static void put_html_escaped(const char *t, FILE *out)
{
    for (const char *p = t; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: putc(*p, out);
        }
    }
}

/* A small, complete document around the article. */
static void print_html(const cli *c, const pith_result *res, FILE *out)
{
    const char *title = pith_result_title(res);
    size_t len;
    const char *html = pith_result_html(res, &len);
    const char *lang = pith_result_meta(res, PITH_META_LANGUAGE, 0);
    fputs("<!DOCTYPE html>\n<html", out);
    if (lang) {
        fputs(" lang=\"", out);
        put_html_escaped(lang, out);
        putc('"', out);
    }
    fputs(">\n<head>\n<meta charset=\"utf-8\" />\n<title>", out);
    put_html_escaped(title, out);
    fputs("</title>\n</head>\n<body>\n<article>\n", out);
    if (!c->no_title && *title) {
        fputs("<h1>", out);
        put_html_escaped(title, out);
        fputs("</h1>\n", out);
    }
    fwrite(html, 1, len, out);
    fputs("\n</article>\n</body>\n</html>\n", out);
}

void cli_print(const cli *c, const pith_result *res, FILE *out)
{
    const char *title = pith_result_title(res);
    size_t len;
    const char *body;
    switch (c->format) {
    case PITH_FORMAT_HTML:
        print_html(c, res, out);
        return;
    case PITH_FORMAT_JSON:
        body = pith_result_json(res, &len);
        break;
    case PITH_FORMAT_MARKDOWN:
        body = pith_result_markdown(res, &len);
        if (!c->no_title && *title) {
            fputs("# ", out);
            put_md_title(title, out);
            fputs("\n\n", out);
        }
        break;
    default:
        body = pith_result_text(res, &len);
        if (!c->no_title && *title)
            fprintf(out, "%s\n\n", title);
    }
    fwrite(body, 1, len, out);
    putc('\n', out);
}
