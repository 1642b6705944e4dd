/*
 * Stage 5, JSON: one object with the title, the metadata, the text and,
 * when asked for, the Markdown or HTML, in a fixed order (README.md has
 * the schema). Strings go through px_json_put_string, which escapes every
 * control character and U+2028/U+2029 and never writes invalid UTF-8.
 */
#include <stdio.h>
#include <string.h>
#include "json.h"
#include "metadata.h"
#include "page.h"

/* Pretty: a member per line, indented; compact (PITH_JSON_COMPACT): no
 * white space at all, the form px_json_write gives. */
static void key(px_buf *b, bool compact, const char *k, bool first)
{
    if (!first)
        px_buf_putc(b, ',');
    if (!compact)
        px_buf_append(b, "\n  ", 3);
    px_buf_putc(b, '"');
    px_buf_puts(b, k);
    px_buf_puts(b, compact ? "\":" : "\": ");
}

static void str_or_null(px_buf *b, const char *s)
{
    if (s)
        px_json_put_string(b, s, strlen(s));
    else
        px_buf_puts(b, "null");
}

static void list(px_buf *b, bool compact, const px_strlist *l)
{
    px_buf_putc(b, '[');
    for (size_t i = 0; l && i < l->n; i++) {
        if (i)
            px_buf_puts(b, compact ? "," : ", ");
        px_json_put_string(b, l->v[i], strlen(l->v[i]));
    }
    px_buf_putc(b, ']');
}

int px_render_json(const px_page *pg, const char *text, size_t text_len, const char *markdown,
                   const char *html, px_buf *b)
{
    const px_meta *m = pg->meta;
    bool compact = (pg->flags & PITH_JSON_COMPACT) != 0;
    const char *title = pg->title && *pg->title ? pg->title : m && m->headline ? m->headline : "";
    px_buf_putc(b, '{');
    key(b, compact, "title", true);
    px_json_put_string(b, title, strlen(title));
    key(b, compact, "author", false);
    if (!m || !m->authors.n)
        px_buf_puts(b, "null");
    else if (m->authors.n == 1)
        px_json_put_string(b, m->authors.v[0], strlen(m->authors.v[0]));
    else
        list(b, compact, &m->authors);
    /* the string members, in the schema's order; null without metadata */
    static const px_meta none;
    const px_meta *s = m ? m : &none;
    const struct {
        const char *key, *value;
    } strings[] = {
        {"date_published", s->date_published}, {"date_modified", s->date_modified}, {"site_name", s->site_name},
        {"url", s->url}, {"language", s->language}, {"description", s->description}, {"image", s->image},
    };
    for (size_t k = 0; k < sizeof strings / sizeof *strings; k++) {
        key(b, compact, strings[k].key, false);
        str_or_null(b, strings[k].value);
    }
    key(b, compact, "categories", false);
    list(b, compact, m ? &m->categories : NULL);
    key(b, compact, "tags", false);
    list(b, compact, m ? &m->tags : NULL);
    key(b, compact, "text", false);
    px_json_put_string(b, text ? text : "", text ? text_len : 0);
    if (markdown) {
        key(b, compact, "markdown", false);
        px_json_put_string(b, markdown, strlen(markdown));
    }
    if (html) {
        key(b, compact, "html", false);
        px_json_put_string(b, html, strlen(html));
    }
    key(b, compact, "word_count", false);
    char num[32];
    snprintf(num, sizeof num, "%zu", text ? px_word_count(text, text_len) : (size_t)0);
    px_buf_puts(b, num);
    px_buf_puts(b, compact ? "}" : "\n}");
    return b->oom ? PITH_ERR_NOMEM : PITH_OK;
}

/* The object holds the title already: the document adds the newline. */
int px_frame_json(const px_frame *f, const char *body, size_t len, px_buf *out)
{
    (void)f;
    px_buf_append(out, body, len);
    px_buf_putc(out, '\n');
    return out->oom ? PITH_ERR_NOMEM : PITH_OK;
}
