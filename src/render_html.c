/*
 * Stage 5, HTML: the kept content as minimal, well-formed HTML.
 *
 * Only semantic elements are written (paragraphs, headings, lists, quotes,
 * code, data tables, figures, definition lists, emphasis, links, images);
 * containers such as div, section and span are unwrapped. The only
 * attributes are href, src, alt and title, and only http(s), mailto, ftp
 * and tel URLs (images: http and https) are written, so no script, style
 * or event handler can appear. Text and attributes are escaped. Void
 * elements are written as <br />, <hr />, <img ... />, so the output also
 * parses as XML.
 *
 * Elements open lazily, when their first visible content arrives, so that
 * empty ones leave nothing. Text that stands directly in the article, a
 * blockquote or a figure is wrapped in <p>; content that stands directly
 * in a list is wrapped in <li>. Inside a paragraph, a heading or a table
 * cell, blocks that the page nests there are flattened to their text.
 */
#include <string.h>
#include "metadata.h"
#include "page.h"
#include "text.h"
#include "url.h"

#define MAX_FRAMES 64

enum { F_BLOCK, F_INLINE, F_WRAP };

typedef struct frame {
    int node;           /* source node; -1 for an implied <p> or <li> */
    const char *tag;
    unsigned char kind;
    bool emitted;
    bool phrasing;      /* blocks inside are flattened */
    bool wrap;          /* inline content directly inside goes in a <p> */
    bool list;          /* content directly inside goes in an <li> */
} frame;

typedef struct hr {
    const px_page *pg;
    px_buf *out;
    frame fs[MAX_FRAMES];
    int nf;
    int phr;            /* phrasing frames on the stack */
    bool pending;       /* a space is owed */
    bool fresh;         /* nothing visible since the last block tag */
    int table;          /* the data table being written, or -1 */
    bool links, images;
    bool oom;
} hr;

static void put_escaped(px_buf *b, const char *s, size_t n, bool attr)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *e = NULL;
        switch (s[i]) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = attr ? "&quot;" : NULL; break;
        default: break;
        }
        if (e) {
            px_buf_append(b, s + run, i - run);
            px_buf_puts(b, e);
            run = i + 1;
        }
    }
    px_buf_append(b, s + run, n - run);
}

static void put_attr(px_buf *b, const char *name, const char *v)
{
    px_buf_putc(b, ' ');
    px_buf_puts(b, name);
    px_buf_append(b, "=\"", 2);
    put_escaped(b, v, strlen(v), true);
    px_buf_putc(b, '"');
}

static bool block_tag(const frame *f) { return f->kind != F_INLINE; }

static void newline_before_block(hr *h)
{
    px_buf *o = h->out;
    if (o->len && o->data[o->len - 1] != '\n')
        px_buf_putc(o, '\n');
}

/* The resolved URL of a link that may be written (owned), or NULL. */
static char *link_url(hr *h, int node)
{
    if (!h->links || node < 0)
        return NULL;
    bool oom;
    char *u = px_link_url(h->pg, px_attr(&h->pg->doc.nodes[node], "href"), &oom);
    h->oom |= oom;
    return u;
}

static void emit_open(hr *h, frame *f)
{
    px_buf *o = h->out;
    if (block_tag(f))
        newline_before_block(h);
    px_buf_putc(o, '<');
    px_buf_puts(o, f->tag);
    if (f->node >= 0) {
        const px_node *nd = &h->pg->doc.nodes[f->node];
        if (!strcmp(f->tag, "a")) {
            char *u = link_url(h, f->node);
            if (u)
                put_attr(o, "href", u);
            px_free(h->pg->a, u);
        }
        if (!strcmp(f->tag, "a") || !strcmp(f->tag, "abbr")) {
            const char *t = px_attr(nd, "title");
            if (t && *t)
                put_attr(o, "title", t);
        }
    }
    px_buf_putc(o, '>');
    f->emitted = true;
    if (block_tag(f))
        h->fresh = true;
}

static void emit_close(hr *h, frame *f)
{
    if (!f->emitted)
        return;
    px_buf_append(h->out, "</", 2);
    px_buf_puts(h->out, f->tag);
    px_buf_putc(h->out, '>');
    f->emitted = false;
    if (block_tag(f)) {
        px_buf_putc(h->out, '\n');
        h->fresh = true;
    }
}

/* Opens what is not open yet before visible content: the block elements,
 * then the owed space, then the inline elements. */
static void before_visible(hr *h)
{
    /* content straight in the article, a quote or a figure goes in a
     * <p>; straight in a list, in an <li> */
    int b = h->nf - 1;
    while (b >= 0 && h->fs[b].kind == F_INLINE)
        b--;
    bool wrap_p = b < 0 || h->fs[b].wrap;
    bool wrap_li = b >= 0 && h->fs[b].list;
    if ((wrap_p || wrap_li) && h->nf < MAX_FRAMES) {
        memmove(&h->fs[b + 2], &h->fs[b + 1], (size_t)(h->nf - b - 1) * sizeof *h->fs);
        h->fs[b + 1] = (frame){-1, wrap_li ? "li" : "p", F_WRAP, false, false, false, false};
        h->nf++;
    }
    int hb = -1;
    for (int k = 0; k < h->nf; k++)
        if (!h->fs[k].emitted && block_tag(&h->fs[k]))
            hb = k;
    for (int k = 0; k <= hb; k++)
        if (!h->fs[k].emitted)
            emit_open(h, &h->fs[k]);
    if (h->pending && !h->fresh)
        px_buf_putc(h->out, ' ');
    h->pending = false;
    for (int k = 0; k < h->nf; k++)
        if (!h->fs[k].emitted)
            emit_open(h, &h->fs[k]);
    h->fresh = false;
}

/* A block boundary: inside phrasing content a space; elsewhere the end
 * of an implied <p> or <li>. */
static void boundary(hr *h)
{
    if (h->phr > 0) {
        h->pending = true;
        return;
    }
    for (int w = h->nf - 1; w >= 0; w--) {
        if (h->fs[w].kind != F_WRAP)
            continue;
        for (int k = h->nf - 1; k > w; k--)
            emit_close(h, &h->fs[k]);
        emit_close(h, &h->fs[w]);
        memmove(&h->fs[w], &h->fs[w + 1], (size_t)(h->nf - w - 1) * sizeof *h->fs);
        h->nf--;
        break;
    }
    h->pending = false;
}

static frame *push(hr *h, int node, const char *tag, unsigned char kind)
{
    if (h->nf >= MAX_FRAMES)
        return NULL;
    frame *f = &h->fs[h->nf++];
    *f = (frame){node, tag, kind, false, false, false, false};
    return f;
}

static void put_text(hr *h, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t adv;
        if (px_space_at(s + i, n - i, &adv)) {
            h->pending = true;
            i += adv;
            continue;
        }
        size_t j = i + adv;
        while (j < n) {
            size_t a2;
            if (px_space_at(s + j, n - j, &a2))
                break;
            j += a2;
        }
        before_visible(h);
        put_escaped(h->out, s + i, j - i, false);
        i = j;
    }
}

static int innermost_block(const hr *h)
{
    int b = h->nf - 1;
    while (b >= 0 && h->fs[b].kind == F_INLINE)
        b--;
    return b;
}

/* A row with nothing visible in it is left out, as in the other formats. */
static bool row_blank(const hr *h, int r)
{
    const px_node *nodes = h->pg->doc.nodes;
    for (int i = r + 1; i < nodes[r].end; i++) {
        if (px_render_skip(h->pg, i)) {
            i = nodes[i].end - 1;
            continue;
        }
        if (nodes[i].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&nodes[i], &len);
            for (size_t k = 0; k < len;) {
                size_t adv;
                if (!px_is_space_cp(px_utf8_next(t + k, len - k, &adv)))
                    return false;
                k += adv;
            }
        } else if (nodes[i].tag == GUMBO_TAG_IMG && h->images) {
            return false;
        }
    }
    return true;
}

static void render_img(hr *h, int i)
{
    const px_node *nd = &h->pg->doc.nodes[i];
    bool oom;
    char *u = px_image_url(h->pg, i, &oom);
    if (!u) {
        h->oom |= oom;
        return;
    }
    before_visible(h);
    px_buf_append(h->out, "<img", 4);
    put_attr(h->out, "src", u);
    const char *alt = px_attr(nd, "alt");
    put_attr(h->out, "alt", alt ? alt : "");
    const char *t = px_attr(nd, "title");
    if (t && *t)
        put_attr(h->out, "title", t);
    px_buf_append(h->out, " />", 3);
    px_free(h->pg->a, u);
}

static void render_pre(hr *h, int p)
{
    boundary(h);
    px_buf code;
    px_buf_init(&code, h->pg->a);
    px_pre_text(h->pg, p, &code);
    if (code.len) {
        /* the blocks around it first */
        int b = innermost_block(h);
        bool wrap_li = b >= 0 && h->fs[b].list;
        if (wrap_li && h->nf < MAX_FRAMES) {
            push(h, -1, "li", F_WRAP);
        }
        for (int k = 0; k < h->nf; k++)
            if (!h->fs[k].emitted && block_tag(&h->fs[k]))
                emit_open(h, &h->fs[k]);
        newline_before_block(h);
        px_buf_puts(h->out, "<pre><code>");
        put_escaped(h->out, code.data, code.len, false);
        px_buf_puts(h->out, "</code></pre>\n");
        h->fresh = true;
        h->pending = false;
        if (wrap_li)
            boundary(h);
    }
    h->oom |= code.oom;
    px_buf_free(&code);
}

static const char *inline_tag(unsigned tag)
{
    switch (tag) {
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_DFN: case GUMBO_TAG_VAR: return "em";
    case GUMBO_TAG_STRONG: case GUMBO_TAG_B: return "strong";
    case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TT: return "code";
    case GUMBO_TAG_DEL: case GUMBO_TAG_S: case GUMBO_TAG_STRIKE: return "del";
    case GUMBO_TAG_SUB: return "sub";
    case GUMBO_TAG_SUP: return "sup";
    case GUMBO_TAG_Q: return "q";
    case GUMBO_TAG_CITE: return "cite";
    case GUMBO_TAG_MARK: return "mark";
    case GUMBO_TAG_ABBR: return "abbr";
    default: return NULL;
    }
}

/* Enters node i; returns false when its subtree was written whole. */
static bool enter(void *ctx, int i)
{
    hr *h = ctx;
    const px_node *nd = &h->pg->doc.nodes[i];
    if (nd->kind == PX_TEXT) {
        size_t len;
        const char *t = px_text(nd, &len);
        put_text(h, t, len);
        return true;
    }
    unsigned tag = nd->tag;
    if (tag == GUMBO_TAG_BR) {
        if (!h->fresh) {
            before_visible(h);
            px_buf_puts(h->out, "<br />");
        }
        h->pending = false;
        return true;
    }
    if (tag == GUMBO_TAG_IMG) {
        if (h->images)
            render_img(h, i);
        return true;
    }
    if (!px_is_block(nd)) {
        const char *t = inline_tag(tag);
        if (tag == GUMBO_TAG_A) {
            char *u = link_url(h, i);
            if (u)
                t = "a";
            px_free(h->pg->a, u);
        }
        if (t)
            push(h, i, t, F_INLINE);
        return true;
    }
    if (h->phr > 0) {
        /* a block inside a paragraph, a heading or a cell: its text */
        h->pending = true;
        return true;
    }
    if (tag == GUMBO_TAG_PRE) {
        render_pre(h, i);
        return false;
    }
    boundary(h);
    bool in_table = h->table >= 0;
    frame *f = NULL;
    switch (tag) {
    case GUMBO_TAG_P:
        f = push(h, i, "p", F_BLOCK);
        break;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: {
        static const char hs[][4] = {"h1", "h2", "h3", "h4", "h5", "h6"};
        f = push(h, i, hs[tag - GUMBO_TAG_H1], F_BLOCK);
        break;
    }
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_MENU: {
        int b = innermost_block(h);
        if (b >= 0 && h->fs[b].list)
            push(h, i, "li", F_BLOCK);
        f = push(h, i, tag == GUMBO_TAG_OL ? "ol" : "ul", F_BLOCK);
        if (f)
            f->list = true;
        return true;
    }
    case GUMBO_TAG_LI: {
        int b = innermost_block(h);
        if (b >= 0 && h->fs[b].list)
            push(h, i, "li", F_BLOCK);
        return true;
    }
    case GUMBO_TAG_BLOCKQUOTE:
        f = push(h, i, "blockquote", F_BLOCK);
        if (f)
            f->wrap = true;
        return true;
    case GUMBO_TAG_FIGURE:
        f = push(h, i, "figure", F_BLOCK);
        if (f)
            f->wrap = true;
        return true;
    case GUMBO_TAG_FIGCAPTION:
        push(h, i, "figcaption", F_BLOCK);
        return true;
    case GUMBO_TAG_DL:
        push(h, i, "dl", F_BLOCK);
        return true;
    case GUMBO_TAG_DT:
        push(h, i, "dt", F_BLOCK);
        return true;
    case GUMBO_TAG_DD:
        push(h, i, "dd", F_BLOCK);
        return true;
    case GUMBO_TAG_HR:
        if (h->nf && innermost_block(h) >= 0 && h->fs[innermost_block(h)].list)
            return true;
        for (int k = 0; k < h->nf; k++)
            if (!h->fs[k].emitted)
                emit_open(h, &h->fs[k]);
        newline_before_block(h);
        px_buf_puts(h->out, "<hr />\n");
        h->fresh = true;
        return true;
    case GUMBO_TAG_TABLE:
        if (px_data_table(h->pg, i)) {
            h->table = i;
            push(h, i, "table", F_BLOCK);
        }
        return true;
    case GUMBO_TAG_CAPTION:
        if (in_table)
            f = push(h, i, "caption", F_BLOCK);
        break;
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
        if (in_table)
            push(h, i, tag == GUMBO_TAG_THEAD ? "thead" : tag == GUMBO_TAG_TBODY ? "tbody" : "tfoot", F_BLOCK);
        return true;
    case GUMBO_TAG_TR:
        if (in_table) {
            if (row_blank(h, i))
                return false;
            push(h, i, "tr", F_BLOCK);
        }
        return true;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (in_table) {
            f = push(h, i, tag == GUMBO_TAG_TD ? "td" : "th", F_BLOCK);
            if (f) {
                /* an empty cell still holds its column */
                for (int k = 0; k < h->nf; k++)
                    if (!h->fs[k].emitted)
                        emit_open(h, &h->fs[k]);
            }
        }
        break;
    case GUMBO_TAG_COLGROUP: case GUMBO_TAG_COL:
        return false;
    default: {
        int b = innermost_block(h);
        if (b >= 0 && h->fs[b].list && !px_holds_li(h->pg, i))
            push(h, i, "li", F_BLOCK); /* a block right inside a list */
        return true;
    }
    }
    if (f) {
        f->phrasing = true;
        h->phr++;
    }
    return true;
}

static void leave(void *ctx, int i)
{
    hr *h = ctx;
    const px_node *nd = &h->pg->doc.nodes[i];
    if (!px_is_block(nd)) {
        if (h->nf && h->fs[h->nf - 1].node == i && h->fs[h->nf - 1].kind == F_INLINE) {
            emit_close(h, &h->fs[h->nf - 1]);
            h->nf--;
        }
        return;
    }
    bool mine = false;
    for (int k = h->nf - 1; k >= 0 && !mine; k--)
        mine = h->fs[k].node == i;
    if (!mine) {
        boundary(h);
        return;
    }
    /* close implied wrappers and what is left above this node's frames */
    boundary(h);
    while (h->nf && h->fs[h->nf - 1].node != i) {
        frame *f = &h->fs[--h->nf];
        emit_close(h, f);
        if (f->phrasing)
            h->phr--;
    }
    while (h->nf && h->fs[h->nf - 1].node == i) {
        frame *f = &h->fs[--h->nf];
        emit_close(h, f);
        if (f->phrasing)
            h->phr--;
    }
    if (h->table == i)
        h->table = -1;
    h->pending = false;
}

/* A dropped block still ends the text before it. */
static void skipped_block(void *ctx, int i)
{
    (void)i;
    boundary(ctx);
}

int px_render_html(const px_page *pg, px_buf *out)
{
    hr h;
    memset(&h, 0, sizeof h);
    h.pg = pg;
    h.out = out;
    h.table = -1;
    h.fresh = true;
    h.links = pg->flags & PITH_WITH_LINKS;
    h.images = pg->flags & PITH_WITH_IMAGES;
    const px_walk_ops ops = {enter, leave, skipped_block};
    int root = px_render_root(pg);
    if (!px_walk(pg, root, root, &ops, &h))
        return PITH_ERR_NOMEM;
    boundary(&h);
    while (h.nf)
        emit_close(&h, &h.fs[--h.nf]);
    /* no final newline, like the text */
    while (out->len && out->data[out->len - 1] == '\n')
        out->len--;
    if (out->data)
        out->data[out->len] = '\0';
    return h.oom || out->oom ? PITH_ERR_NOMEM : PITH_OK;
}

/* A small, complete document around the article: the title in <head>
 * always, and as an <h1> when shown. */
int px_frame_html(const px_frame *f, const char *body, size_t len, px_buf *out)
{
    px_buf_puts(out, "<!DOCTYPE html>\n<html");
    if (f->lang)
        put_attr(out, "lang", f->lang);
    px_buf_puts(out, ">\n<head>\n<meta charset=\"utf-8\" />\n<title>");
    put_escaped(out, f->title, strlen(f->title), true);
    px_buf_puts(out, "</title>\n</head>\n<body>\n<article>\n");
    if (f->with_title && *f->title) {
        px_buf_puts(out, "<h1>");
        put_escaped(out, f->title, strlen(f->title), true);
        px_buf_puts(out, "</h1>\n");
    }
    px_buf_append(out, body, len);
    px_buf_puts(out, "\n</article>\n</body>\n</html>\n");
    return out->oom ? PITH_ERR_NOMEM : PITH_OK;
}
