/* JSON Lines in and out: see jsonl.h. */
#include "jsonl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (64 * 1024)

bool px_lines_init(px_lines *r, FILE *f, size_t max)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    r->max = max;
    r->buf = malloc(CHUNK);
    return r->buf != NULL;
}

void px_lines_free(px_lines *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Appends n bytes to the line, doubling its buffer; false when out of memory. */
static bool grow(px_line *line, size_t *cap, const char *s, size_t n)
{
    if (line->len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 256;
        while (c < line->len + n + 1)
            c *= 2;
        char *t = realloc(line->text, c);
        if (!t)
            return false;
        line->text = t;
        *cap = c;
    }
    memcpy(line->text + line->len, s, n);
    line->len += n;
    line->text[line->len] = '\0';
    return true;
}

int px_lines_next(px_lines *r, px_line *line)
{
    memset(line, 0, sizeof *line);
    size_t cap = 0;
    bool any = false, over = false;
    for (;;) {
        if (r->start == r->end) {
            size_t got = r->eof ? 0 : fread(r->buf, 1, CHUNK, r->f);
            if (got == 0) {
                r->eof = true;
                if (ferror(r->f))
                    goto fail;
                break;
            }
            r->start = 0;
            r->end = got;
        }
        any = true;
        char *p = r->buf + r->start;
        char *nl = memchr(p, '\n', r->end - r->start);
        size_t take = nl ? (size_t)(nl - p) : r->end - r->start;
        r->start += take + (nl != NULL);
        r->consumed += take + (nl != NULL);
        if (!over && line->len + take > r->max) {
            /* Too long: count the rest of it, keep none of it. */
            over = true;
            free(line->text);
            line->text = NULL;
        }
        if (over)
            line->len += take;
        else if (!grow(line, &cap, p, take)) {
            errno = ENOMEM;
            goto fail;
        }
        if (nl)
            break;
    }
    if (!any)
        return 0;
    r->lineno++;
    if (!over && !line->text && !grow(line, &cap, "", 0)) {
        errno = ENOMEM;
        goto fail;
    }
    return 1;
fail:
    free(line->text);
    line->text = NULL;
    return -1;
}

static void member(px_buf *out, bool *first, const char *key, const px_json *v)
{
    if (!*first)
        px_buf_putc(out, ',');
    *first = false;
    px_json_put_string(out, key, strlen(key));
    px_buf_putc(out, ':');
    px_json_write(out, v);
}

/* Whether the input's member named key goes into the record. */
static bool passes(const char *key, const char *skip, const char *error)
{
    return !(skip && !strcmp(key, skip)) && !(error && !strcmp(key, "error"));
}

/* Whether the record holds a member named k[0..n) from the input. */
static bool held(const px_json *in, const char *skip, const char *error, const char *k, size_t n)
{
    for (size_t i = 0; in && in->type == PX_JOBJ && i < in->n; i++)
        if (strlen(in->keys[i]) == n && !memcmp(in->keys[i], k, n))
            return passes(in->keys[i], skip, error);
    return false;
}

/* The end of the JSON string whose opening quote is at p: past its
 * closing quote, or NULL when end comes first. */
static const char *string_end(const char *p, const char *end)
{
    for (p++; p < end; p++) {
        if (*p == '\\')
            p++;
        else if (*p == '"')
            return p + 1;
    }
    return NULL;
}

/* The end of the member of a compact object that starts at p (its key):
 * the ',' or the end of the object's inside that follows its value, at
 * depth 0 and outside strings. The object is the library's own
 * (PITH_JSON_COMPACT), so this scan finds the members without building a
 * tree; NULL when it is not well formed after all. */
static const char *member_end(const char *p, const char *end)
{
    int depth = 0;
    while (p < end) {
        switch (*p) {
        case '"':
            if (!(p = string_end(p, end)))
                return NULL;
            continue;
        case '{': case '[': depth++; break;
        case '}': case ']':
            if (--depth < 0)
                return NULL;
            break;
        case ',':
            if (!depth)
                return p;
            break;
        default: break;
        }
        p++;
    }
    return depth ? NULL : p;
}

/* Splices the members of the compact object result[0..rlen) into out, as
 * they are written, but those the record holds from the input. */
static int splice(px_buf *out, bool *first, const char *result, size_t rlen, const px_json *in,
                  const char *skip, const char *error)
{
    if (rlen < 2 || result[0] != '{' || result[rlen - 1] != '}')
        return PITH_ERR_INPUT;
    const char *p = result + 1, *end = result + rlen - 1;
    while (p < end) {
        const char *key_end = *p == '"' ? string_end(p, end) : NULL;
        const char *m_end = key_end && key_end < end && *key_end == ':' ? member_end(key_end + 1, end)
                                                                        : NULL;
        if (!m_end)
            return PITH_ERR_INPUT;
        if (!held(in, skip, error, p + 1, (size_t)(key_end - p - 2))) {
            if (!*first)
                px_buf_putc(out, ',');
            *first = false;
            px_buf_append(out, p, (size_t)(m_end - p));
        }
        p = m_end < end ? m_end + 1 : end;
    }
    return PITH_OK;
}

int px_jsonl_record(px_buf *out, const px_json *in, const char *skip, const char *prefix,
                    const char *result, size_t rlen, const char *error)
{
    bool first = true;
    px_buf_putc(out, '{');
    if (in && in->type == PX_JOBJ)
        for (size_t i = 0; i < in->n; i++)
            if (passes(in->keys[i], skip, error))
                member(out, &first, in->keys[i], in->items[i]);
    if (prefix && *prefix) {
        if (!first)
            px_buf_putc(out, ',');
        px_buf_puts(out, prefix);
        first = false;
    }
    int rc = result ? splice(out, &first, result, rlen, in, skip, error) : PITH_OK;
    if (error) {
        if (!first)
            px_buf_putc(out, ',');
        px_buf_puts(out, "\"error\":");
        px_json_put_string(out, error, strlen(error));
    }
    px_buf_putc(out, '}');
    if (rc == PITH_OK && out->oom)
        rc = PITH_ERR_NOMEM;
    return rc;
}
