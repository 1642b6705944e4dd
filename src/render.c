/*
 * Stage 5: write the kept content as plain text.
 *
 * One block per paragraph, heading, list item, table row, blockquote or
 * pre, separated by blank lines. The walk is px_walk (render_common.c),
 * shared with the Markdown and HTML renderers; this file is its callbacks.
 */
#include <string.h>
#include "page.h"
#include "text.h"

typedef struct renderer {
    const px_page *pg;
    px_buf *out;
    px_buf cur;        /* the block being built */
    bool pending;      /* a space is owed before the next word */
    bool bullet;       /* the next block is a list item */
    int row;           /* the data-table row being built, or -1 */
    int cells;         /* cells written in that row */
    /* px_data_table of each table met so far (0 unknown, 1 data, 2
     * layout): every <tr> asks about its table, and rescanning the table
     * at each row made long tables quadratic. */
    unsigned char *data;
} renderer;

static void flush(renderer *r)
{
    px_buf *c = &r->cur;
    /* Trim blank lines and spaces at both ends; lines inside stay. */
    size_t b = 0;
    while (b < c->len && (c->data[b] == ' ' || c->data[b] == '\n'))
        b++;
    size_t e = c->len;
    while (e > b && (c->data[e - 1] == ' ' || c->data[e - 1] == '\n'))
        e--;
    if (e > b) {
        if (r->out->len)
            px_buf_append(r->out, "\n\n", 2);
        if (r->bullet)
            px_buf_append(r->out, "- ", 2);
        px_buf_append(r->out, c->data + b, e - b);
        r->bullet = false;
    }
    c->len = 0;
    r->pending = false;
}

/* A line break inside a block; at most one blank line in a row. */
static void newline(renderer *r)
{
    px_buf_rtrim(&r->cur);
    px_buf *c = &r->cur;
    if (c->len >= 2 && c->data[c->len - 1] == '\n' && c->data[c->len - 2] == '\n')
        return;
    px_buf_putc(c, '\n');
    r->pending = false;
}

/* A table holds data, not layout, when no cell holds a table, block
 * content of its own, more than one paragraph or a page of text: layout
 * tables are rendered like divs. */
bool px_data_table(const px_page *pg, int t)
{
    const px_node *nodes = pg->doc.nodes;
    int cell_end = -1, paras = 0;
    for (int i = t + 1; i < nodes[t].end; i++) {
        if (nodes[i].flags & PX_DROP) {
            i = nodes[i].end - 1;
            continue;
        }
        if (nodes[i].kind != PX_ELEMENT)
            continue;
        switch (nodes[i].tag) {
        case GUMBO_TAG_TABLE: case GUMBO_TAG_DIV: case GUMBO_TAG_UL:
        case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
            return false;
        case GUMBO_TAG_P:
            if (i < cell_end && ++paras > 1)
                return false;
            break;
        case GUMBO_TAG_TD: case GUMBO_TAG_TH:
            if (pg->info[i].chars > 400)
                return false;
            cell_end = nodes[i].end;
            paras = 0;
            break;
        default:
            break;
        }
    }
    return true;
}

/* <pre>: its text verbatim, as the other renderers write it (px_pre_text). */
static void render_pre(renderer *r, int p)
{
    flush(r);
    px_buf *c = &r->cur;
    px_pre_text(r->pg, p, c);
    if (c->len) {
        if (r->out->len)
            px_buf_append(r->out, "\n\n", 2);
        px_buf_append(r->out, c->data, c->len);
    }
    c->len = 0;
}

static bool enter(void *ctx, int i)
{
    renderer *r = ctx;
    const px_node *nd = &r->pg->doc.nodes[i];
    if (nd->kind == PX_TEXT) {
        size_t len;
        const char *t = px_text(nd, &len);
        px_append_folded(&r->cur, t, len, &r->pending);
        return true;
    }
    if (nd->tag == GUMBO_TAG_PRE && r->row < 0) {
        render_pre(r, i);
        return false;
    }
    if (nd->tag == GUMBO_TAG_BR) {
        newline(r);
        return true;
    }
    if (r->row >= 0) {
        /* Inside a data-table row every block is part of a cell. */
        if (nd->tag == GUMBO_TAG_TD || nd->tag == GUMBO_TAG_TH) {
            px_buf_rtrim(&r->cur);
            if (r->cells++)
                px_buf_append(&r->cur, " | ", 3);
            r->pending = false;
        } else if (px_is_block(nd)) {
            r->pending = true;
        }
        return true;
    }
    if (!px_is_block(nd))
        return true;
    flush(r);
    if (nd->tag == GUMBO_TAG_LI)
        r->bullet = true;
    else if (nd->tag == GUMBO_TAG_TR && nd->parent >= 0) {
        int t = nd->parent;
        while (t >= 0 && r->pg->doc.nodes[t].tag != GUMBO_TAG_TABLE)
            t = r->pg->doc.nodes[t].parent;
        if (t >= 0 && r->data && !r->data[t])
            r->data[t] = px_data_table(r->pg, t) ? 1 : 2;
        if (t >= 0 && r->data && r->data[t] == 1) {
            r->row = i;
            r->cells = 0;
        }
    }
    return true;
}

static void leave(void *ctx, int i)
{
    renderer *r = ctx;
    const px_node *nd = &r->pg->doc.nodes[i];
    if (r->row == i) {
        r->row = -1;
        /* A row of empty cells is no row at all. */
        bool blank = true;
        for (size_t k = 0; k < r->cur.len && blank; k++)
            blank = r->cur.data[k] == ' ' || r->cur.data[k] == '|';
        if (blank)
            r->cur.len = 0;
        flush(r);
        return;
    }
    if (r->row >= 0 || !px_is_block(nd))
        return;
    flush(r);
    if (nd->tag == GUMBO_TAG_LI)
        r->bullet = false;
}

/* A dropped block still separates the text around it. */
static void skipped_block(void *ctx, int i)
{
    (void)i;
    ((renderer *)ctx)->pending = true;
}

int px_render_text(const px_page *pg, px_buf *out)
{
    const px_walk_ops ops = {enter, leave, skipped_block};
    renderer r = {pg, out, {0}, false, false, -1, 0, NULL};
    r.data = px_calloc(pg->a, (size_t)pg->doc.n + 1, 1);
    if (!r.data)
        return PITH_ERR_NOMEM;
    px_buf_init(&r.cur, pg->a);
    int root = px_render_root(pg);
    bool ok = px_walk(pg, root, root, &ops, &r);
    flush(&r);
    px_free(pg->a, r.data);
    bool oom = !ok || r.cur.oom || out->oom;
    px_buf_free(&r.cur);
    return oom ? PITH_ERR_NOMEM : PITH_OK;
}

/* The title on the first line and a blank line, then the text. */
int px_frame_text(const px_frame *f, const char *body, size_t len, px_buf *out)
{
    /* The first line is always the title line, empty when the page has
     * none, so that a script can take line 1 as the title and line 3 on
     * as the article whatever the page. */
    if (f->with_title) {
        px_buf_puts(out, f->title);
        px_buf_append(out, "\n\n", 2);
    }
    px_buf_append(out, body, len);
    px_buf_putc(out, '\n');
    return out->oom ? PITH_ERR_NOMEM : PITH_OK;
}
