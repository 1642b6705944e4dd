/*
 * Stage 5, Markdown: the kept content as CommonMark with GFM tables and
 * strikethrough.
 *
 * Over 700 lines, but one idea: CommonMark's escaping and container
 * prefixes have to be known together, so they stay in one file.
 *
 * The walk is px_walk (render_common.c), shared with the text and HTML
 * renderers, over the same kept nodes; this file is its callbacks. Inline content of the block being built collects in
 * cur; a block is written when it ends, each line behind the prefixes of
 * the containers it sits in ("> " for a blockquote, the list marker or its
 * indentation for a list item). Emphasis, strikethrough and links open
 * lazily, just before their first visible character, so that empty ones
 * leave nothing behind and one that spans blocks closes at the end of each
 * block and opens again in the next. Text is escaped so that it renders as
 * the page did: every character that could start Markdown syntax gets a
 * backslash where it could.
 */
#include <stdio.h>
#include <string.h>
#include "metadata.h"
#include "page.h"
#include "text.h"
#include "url.h"

#define MAX_NEST 32   /* containers (quotes, lists, items) tracked */
#define MAX_STYLE 32  /* inline styles tracked */
#define MAX_COLS 64   /* table columns */

enum { C_QUOTE, C_LIST, C_ITEM };
enum { S_EM, S_STRONG, S_DEL, S_LINK };
enum { OPEN_NOT, OPEN_YES, OPEN_SUPPRESSED };

typedef struct container {
    int node;
    unsigned char kind;
    bool started;     /* a line has been written inside */
    bool ordered;     /* lists */
    char bullet;      /* lists: '-' or '*'; ordered: '.' or ')' */
    int next;         /* ordered lists: the next item's number */
    int items;        /* lists: items written */
    bool marker_done; /* items: the marker has been written */
    int width;        /* items: the marker's width */
    char marker[16];
} container;

typedef struct style {
    int node;
    unsigned char kind;
    unsigned char open;
    char *href;       /* links: the URL, resolved (owned) */
    size_t open_pos;  /* where its delimiter was written, or -1 */
} style;

typedef struct md {
    const px_page *pg;
    px_buf *out;
    px_buf cur;
    bool pending;      /* a space is owed before the next visible character */
    int heading;       /* level of the heading being built */
    int heading_node;
    bool cell;         /* rendering a table cell: one line, pipes escaped */
    bool links, images;
    container cs[MAX_NEST];
    int nc;
    style ss[MAX_STYLE];
    int ns;
    int prev_list_depth; /* container depth where a list just ended, or -1 */
    char prev_bullet;
    size_t close_end;    /* cur.len right after the last closing delimiter */
    int close_kind;      /* its style kind, or -1 */
    /* The last closing delimiter came after punctuation: if a letter
     * follows it, it cannot close, so both delimiters go. */
    bool fragile;
    size_t fragile_open, fragile_close, fragile_len;
    int *lang_memo;      /* px_code_language's memo, made at the first <pre> */
    bool oom;
} md;

static bool ascii_punct(unsigned char c)
{
    return c > ' ' && c < 0x7F && !px_ascii_is_alnum(c);
}

static const char *delim(int kind)
{
    switch (kind) {
    case S_EM: return "*";
    case S_STRONG: return "**";
    case S_DEL: return "~~";
    default: return "";
    }
}

/* ------------------------------------------------------------------ */
/* Inline content                                                       */

/* Writes a link destination: spaces, parentheses, angle brackets and
 * control characters percent-encoded so that it stays one token. */
static void put_dest(px_buf *b, const char *u)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
        unsigned char c = *p;
        if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || c == 0x7F) {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            px_buf_append(b, e, 3);
        } else {
            px_buf_putc(b, (char)c);
        }
    }
}

/* A style's opening delimiter, unless it would not open (after a letter
 * and before punctuation) or would merge with the one just closed. */
static void open_style(md *m, style *s, unsigned char next)
{
    px_buf *c = &m->cur;
    if (s->kind == S_LINK) {
        /* "!" before "[" would make an image */
        if (c->len && c->data[c->len - 1] == '!' && !(c->len > 1 && c->data[c->len - 2] == '\\')) {
            c->len--;
            px_buf_append(c, "\\!", 2);
        }
        px_buf_putc(c, '[');
        s->open = OPEN_YES;
        return;
    }
    const char *d = delim(s->kind);
    size_t dl = strlen(d);
    if (m->close_kind == s->kind && m->close_end == c->len && c->len >= dl) {
        /* <em>a</em><em>b</em>: one span */
        c->len -= dl;
        m->close_kind = -1;
        m->fragile = false;
        s->open = OPEN_YES;
        s->open_pos = (size_t)-1;
        return;
    }
    unsigned char prev = c->len ? (unsigned char)c->data[c->len - 1] : ' ';
    if (px_ascii_is_alnum(prev) && ascii_punct(next)) {
        /* after a letter and before punctuation it would not open */
        s->open = OPEN_SUPPRESSED;
        return;
    }
    s->open_pos = c->len;
    px_buf_append(c, d, dl);
    s->open = OPEN_YES;
}

static void close_style(md *m, style *s)
{
    if (s->open == OPEN_YES) {
        px_buf *c = &m->cur;
        if (s->kind == S_LINK) {
            px_buf_append(c, "](", 2);
            put_dest(c, s->href);
            px_buf_putc(c, ')');
            m->close_kind = -1;
        } else {
            const char *d = delim(s->kind);
            size_t dl = strlen(d);
            m->fragile = c->len && ascii_punct((unsigned char)c->data[c->len - 1]) &&
                         s->open_pos != (size_t)-1;
            m->fragile_open = s->open_pos;
            m->fragile_close = c->len;
            m->fragile_len = dl;
            px_buf_append(c, d, dl);
            m->close_end = c->len;
            m->close_kind = s->kind;
        }
    }
    s->open = OPEN_NOT;
}

static container *push(md *m, int node, unsigned char kind);

/* Before a visible character: the owed space, then the styles that are
 * not open yet. */
static void before_visible(md *m, unsigned char next)
{
    px_buf *c = &m->cur;
    if (m->fragile) {
        m->fragile = false;
        if (!m->pending && c->len == m->close_end && px_ascii_is_alnum(next) && !c->oom &&
            m->fragile_open + m->fragile_len <= m->fragile_close) {
            size_t dl = m->fragile_len;
            c->len = m->fragile_close;
            memmove(c->data + m->fragile_open, c->data + m->fragile_open + dl,
                    c->len - m->fragile_open - dl);
            c->len -= dl;
            c->data[c->len] = '\0';
            m->close_kind = -1;
        }
    }
    /* text straight inside a list is an item of its own */
    if (!m->cell && !m->heading && m->nc && m->cs[m->nc - 1].kind == C_LIST)
        push(m, -1, C_ITEM);
    if (m->pending && c->len && c->data[c->len - 1] != ' ' && c->data[c->len - 1] != '\n')
        px_buf_putc(c, ' ');
    m->pending = false;
    for (int k = 0; k < m->ns; k++)
        if (m->ss[k].open == OPEN_NOT)
            open_style(m, &m->ss[k], next);
}

/* Would s ("&...") be read as a character reference: &name; or &#123; or
 * &#x1F; ? */
static bool entity_like(const char *s, size_t n)
{
    size_t j = 1;
    bool num = j < n && s[j] == '#';
    if (num) {
        j++;
        if (j < n && (s[j] == 'x' || s[j] == 'X'))
            j++;
    }
    size_t st = j;
    while (j < n && j - st < 32 && px_ascii_is_alnum((unsigned char)s[j]))
        j++;
    return j > st && j < n && s[j] == ';';
}

/* Appends text with white space folded and Markdown escaped. */
static void put_text(md *m, const char *s, size_t n)
{
    px_buf *c = &m->cur;
    size_t i = 0;
    while (i < n) {
        size_t adv;
        unsigned char ch = (unsigned char)s[i];
        if (px_space_at(s + i, n - i, &adv)) {
            m->pending = true;
            i += adv;
            continue;
        }
        before_visible(m, ch);
        if (ch >= 0x80) {
            /* copy the non-ASCII run up to the next space */
            size_t j = i;
            while (j < n && (unsigned char)s[j] >= 0x80) {
                size_t a2;
                if (px_is_space_cp(px_utf8_next(s + j, n - j, &a2)))
                    break;
                j += a2;
            }
            px_buf_append(c, s + i, j - i);
            i = j;
            continue;
        }
        bool esc;
        switch (ch) {
        case '\\': case '`': case '*': case '[': case ']': case '<': case '~':
            esc = true;
            break;
        case '_': {
            /* snake_case stays as it is: an underscore between letters
             * never opens or closes emphasis */
            unsigned char prev = c->len ? (unsigned char)c->data[c->len - 1] : ' ';
            unsigned char next = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
            esc = !(px_ascii_is_alnum(prev) && px_ascii_is_alnum(next));
            break;
        }
        case '&':
            esc = entity_like(s + i, n - i);
            break;
        case '#':
            esc = m->heading > 0;
            break;
        case '|':
            esc = m->cell;
            break;
        default:
            esc = false;
        }
        if (esc)
            px_buf_putc(c, '\\');
        px_buf_putc(c, (char)ch);
        i++;
    }
}

/* An inline atom (image, code span) that must not be split. */
static void put_atom(md *m, const char *s, size_t n)
{
    if (!n)
        return;
    before_visible(m, (unsigned char)s[0]);
    px_buf_append(&m->cur, s, n);
}

static void flush(md *m);

static void hard_break(md *m)
{
    px_buf *c = &m->cur;
    if (m->heading || m->cell) {
        m->pending = true;
        return;
    }
    while (c->len && c->data[c->len - 1] == ' ')
        c->len--;
    if (!c->len)
        return;
    if (c->data[c->len - 1] == '\n') {
        /* a second break in a row ends the paragraph */
        c->len -= 2;
        flush(m);
        return;
    }
    /* close and reopen the styles around the break: a delimiter run
     * cannot span it on its own */
    for (int k = m->ns; k-- > 0;)
        close_style(m, &m->ss[k]);
    px_buf_append(c, "\\\n", 2);
    m->pending = false;
    m->close_kind = -1;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                               */

/* The prefix of the containers that have written a line, for a blank
 * line: trailing spaces removed. */
static void blank_prefix(md *m)
{
    size_t st = m->out->len;
    for (int k = 0; k < m->nc; k++) {
        container *c = &m->cs[k];
        if (!c->started)
            break;
        if (c->kind == C_QUOTE)
            px_buf_append(m->out, "> ", 2);
        else if (c->kind == C_ITEM)
            for (int w = 0; w < c->width; w++)
                px_buf_putc(m->out, ' ');
    }
    while (m->out->len > st && m->out->data[m->out->len - 1] == ' ')
        m->out->len--;
}

/* The prefix of a line with text on it. */
static void line_prefix(md *m)
{
    for (int k = 0; k < m->nc; k++) {
        container *c = &m->cs[k];
        if (c->kind == C_QUOTE) {
            px_buf_append(m->out, "> ", 2);
        } else if (c->kind == C_ITEM) {
            if (!c->marker_done) {
                container *l = k > 0 && m->cs[k - 1].kind == C_LIST ? &m->cs[k - 1] : NULL;
                if (l && l->ordered)
                    snprintf(c->marker, sizeof c->marker, "%d%c ", l->next++, l->bullet);
                else
                    snprintf(c->marker, sizeof c->marker, "%c ", l ? l->bullet : '-');
                c->width = (int)strlen(c->marker);
                c->marker_done = true;
                if (l)
                    l->items++;
                px_buf_puts(m->out, c->marker);
            } else {
                for (int w = 0; w < c->width; w++)
                    px_buf_putc(m->out, ' ');
            }
        }
        c->started = true;
    }
}

/* The separator before a new block: a line break between the items of a
 * list (and before a list nested in an item that has text), so that lists
 * stay tight; a blank line everywhere else. */
static void separator(md *m)
{
    if (!m->out->len)
        return;
    bool tight = false;
    for (int k = 0; k < m->nc; k++) {
        container *c = &m->cs[k];
        if (c->kind != C_ITEM || c->marker_done)
            continue;
        container *l = k > 0 && m->cs[k - 1].kind == C_LIST ? &m->cs[k - 1] : NULL;
        if (l && l->items)
            tight = true;
        else if (l && k > 1 && m->cs[k - 2].kind == C_ITEM && m->cs[k - 2].marker_done &&
                 (!l->ordered || l->next == 1))
            tight = true;
        break;
    }
    px_buf_putc(m->out, '\n');
    if (!tight) {
        blank_prefix(m);
        px_buf_putc(m->out, '\n');
    }
}

/* Escapes what would start a block at the start of a line of text: a
 * heading, a quote, a list item, a setext underline. Returns how many
 * bytes of the line it wrote itself. */
static size_t line_start_escape(md *m, const char *line, size_t n)
{
    if (!n)
        return 0;
    char c = line[0];
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
        px_buf_putc(m->out, '\\');
        return 0;
    }
    size_t d = 0;
    while (d < n && d < 10 && line[d] >= '0' && line[d] <= '9')
        d++;
    if (d && d < 10 && d < n && (line[d] == '.' || line[d] == ')') && (d + 1 == n || line[d + 1] == ' ')) {
        px_buf_append(m->out, line, d);
        px_buf_putc(m->out, '\\');
        return d;
    }
    return 0;
}

/* Writes a block of lines behind the container prefixes. raw: verbatim
 * lines (code, tables) that need no escaping at their start. */
static void write_block(md *m, const char *s, size_t n, bool raw)
{
    separator(m);
    m->prev_list_depth = -1;
    size_t i = 0;
    bool first = true;
    while (i <= n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        if (!first)
            px_buf_putc(m->out, '\n');
        if (e == i && !first) {
            blank_prefix(m); /* an empty line inside a code block */
        } else {
            line_prefix(m);
            if (first && m->heading) {
                for (int h = 0; h < m->heading; h++)
                    px_buf_putc(m->out, '#');
                px_buf_putc(m->out, ' ');
            }
            size_t skip = raw || (first && m->heading) ? 0 : line_start_escape(m, s + i, e - i);
            px_buf_append(m->out, s + i + skip, e - i - skip);
        }
        first = false;
        if (!nl)
            break;
        i = e + 1;
    }
}

/* Ends the block being built and writes it. */
static void flush(md *m)
{
    for (int k = m->ns; k-- > 0;)
        close_style(m, &m->ss[k]);
    px_buf *c = &m->cur;
    size_t b = 0, e = c->len;
    while (b < e && (c->data[b] == ' ' || c->data[b] == '\n'))
        b++;
    /* a trailing hard break is no break */
    for (;;) {
        while (e > b && (c->data[e - 1] == ' ' || c->data[e - 1] == '\n'))
            e--;
        if (e > b && c->data[e - 1] == '\\' && e < c->len && c->data[e] == '\n') {
            e--;
            continue;
        }
        break;
    }
    if (e > b)
        write_block(m, c->data + b, e - b, false);
    if (m->nc && m->cs[m->nc - 1].node == -1)
        m->nc--; /* the item implied by text straight in a list ends */
    c->len = 0;
    m->pending = false;
    m->close_kind = -1;
    m->fragile = false;
}

static container *push(md *m, int node, unsigned char kind)
{
    if (m->nc >= MAX_NEST)
        return NULL;
    container *c = &m->cs[m->nc++];
    memset(c, 0, sizeof *c);
    c->node = node;
    c->kind = kind;
    return c;
}

static void enter_list(md *m, int i, bool ordered)
{
    const px_node *nd = &m->pg->doc.nodes[i];
    container *l = push(m, i, C_LIST);
    if (!l)
        return;
    l->ordered = ordered;
    l->next = 1;
    if (ordered) {
        const char *st = px_attr(nd, "start");
        if (st) {
            long v = 0;
            int k = 0;
            while (st[k] >= '0' && st[k] <= '9' && k < 9)
                v = v * 10 + (st[k++] - '0');
            if (k && !st[k])
                l->next = (int)v;
        }
    }
    /* Two lists in a row would merge into one: change the bullet. */
    char first = ordered ? '.' : '-', other = ordered ? ')' : '*';
    l->bullet = m->prev_list_depth == m->nc - 1 && m->prev_bullet == first ? other : first;
}

/* ------------------------------------------------------------------ */
/* Tables, code                                                         */

static void walk(md *m, int root, bool skip_root_block);

/* A cell's content on one line. */
static void cell_text(md *parent, int cell, px_buf *out)
{
    md m;
    memset(&m, 0, sizeof m);
    m.pg = parent->pg;
    m.out = out;
    px_buf_init(&m.cur, parent->pg->a);
    m.cell = true;
    m.links = parent->links;
    m.images = parent->images;
    m.prev_list_depth = -1;
    m.close_kind = -1;
    walk(&m, cell, true);
    for (int k = m.ns; k-- > 0;)
        close_style(&m, &m.ss[k]);
    size_t b = 0, e = m.cur.len;
    while (b < e && m.cur.data[b] == ' ')
        b++;
    while (e > b && m.cur.data[e - 1] == ' ')
        e--;
    if (e > b)
        px_buf_append(out, m.cur.data + b, e - b);
    if (m.cur.oom || m.oom)
        parent->oom = true;
    px_buf_free(&m.cur);
}

static int colspan(const px_node *nd)
{
    const char *s = px_attr(nd, "colspan");
    int v = 0;
    for (int k = 0; s && s[k] >= '0' && s[k] <= '9' && k < 3; k++)
        v = v * 10 + (s[k] - '0');
    return v < 1 ? 1 : v > MAX_COLS ? MAX_COLS : v;
}

static void render_table(md *m, int t)
{
    const px_page *pg = m->pg;
    const px_node *nodes = pg->doc.nodes;
    flush(m);
    /* the caption first, as a paragraph */
    for (int i = t + 1; i < nodes[t].end; i++)
        if (nodes[i].kind == PX_ELEMENT && nodes[i].tag == GUMBO_TAG_CAPTION && !px_render_skip(pg, i)) {
            px_buf cap;
            px_buf_init(&cap, pg->a);
            cell_text(m, i, &cap);
            if (cap.len)
                write_block(m, cap.data, cap.len, false);
            m->oom |= cap.oom;
            px_buf_free(&cap);
            break;
        }
    /* the rows: count the columns, then write */
    px_buf rows, cell;
    px_buf_init(&rows, pg->a);
    px_buf_init(&cell, pg->a);
    int ncols = 0, nrows = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int r = t + 1; r < nodes[t].end; r++) {
            if (px_render_skip(pg, r)) {
                r = nodes[r].end - 1;
                continue;
            }
            if (nodes[r].kind != PX_ELEMENT || nodes[r].tag != GUMBO_TAG_TR)
                continue;
            int cols = 0;
            bool blank = true;
            size_t row_start = rows.len;
            if (pass)
                px_buf_putc(&rows, '|');
            for (int c = nodes[r].first; c >= 0; c = nodes[c].next) {
                if (nodes[c].kind != PX_ELEMENT || px_render_skip(pg, c) ||
                    (nodes[c].tag != GUMBO_TAG_TD && nodes[c].tag != GUMBO_TAG_TH))
                    continue;
                int span = colspan(&nodes[c]);
                if (pass) {
                    cell.len = 0;
                    cell_text(m, c, &cell);
                    if (cell.len)
                        blank = false;
                    for (int s = 0; s < span && cols + s < ncols; s++) {
                        px_buf_putc(&rows, ' ');
                        if (!s)
                            px_buf_append(&rows, cell.data, cell.len);
                        px_buf_append(&rows, " |", 2);
                    }
                }
                cols += span;
                if (cols > MAX_COLS)
                    cols = MAX_COLS;
            }
            if (!pass) {
                if (cols > ncols)
                    ncols = cols;
                continue;
            }
            if (blank || !cols) {
                rows.len = row_start;
                continue;
            }
            for (int s = cols; s < ncols; s++)
                px_buf_append(&rows, "  |", 3);
            px_buf_putc(&rows, '\n');
            if (nrows++ == 0) {
                /* the first row is the header */
                px_buf_putc(&rows, '|');
                for (int s = 0; s < ncols; s++)
                    px_buf_append(&rows, " --- |", 6);
                px_buf_putc(&rows, '\n');
            }
        }
    }
    if (rows.len) {
        rows.len--; /* the last newline */
        write_block(m, rows.data, rows.len, true);
    }
    m->oom |= rows.oom || cell.oom;
    px_buf_free(&rows);
    px_buf_free(&cell);
}

static void render_pre(md *m, int p)
{
    const px_page *pg = m->pg;
    flush(m);
    px_buf code;
    px_buf_init(&code, pg->a);
    px_pre_text(pg, p, &code);
    if (!code.len) {
        m->oom |= code.oom;
        px_buf_free(&code);
        return;
    }
    /* the fence: longer than any run of backticks in the code */
    int run = 0, best = 0;
    for (size_t k = 0; k < code.len; k++) {
        run = code.data[k] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    int fl = best >= 3 ? best + 1 : 3;
    char lang[32];
    if (!m->lang_memo)
        m->lang_memo = px_calloc(pg->a, (size_t)pg->doc.n + 1, sizeof *m->lang_memo);
    m->oom |= !m->lang_memo;
    px_code_language(pg, p, m->lang_memo, lang, sizeof lang);
    px_buf blk;
    px_buf_init(&blk, pg->a);
    for (int k = 0; k < fl; k++)
        px_buf_putc(&blk, '`');
    px_buf_puts(&blk, lang);
    px_buf_putc(&blk, '\n');
    px_buf_append(&blk, code.data, code.len);
    px_buf_putc(&blk, '\n');
    for (int k = 0; k < fl; k++)
        px_buf_putc(&blk, '`');
    if (!blk.oom)
        write_block(m, blk.data, blk.len, true);
    m->oom |= code.oom || blk.oom;
    px_buf_free(&code);
    px_buf_free(&blk);
}

/* Inline code: the text as it is, between enough backticks. */
static void render_code(md *m, int i)
{
    px_buf t;
    px_buf_init(&t, m->pg->a);
    px_node_text(m->pg, i, &t);
    if (t.len) {
        int run = 0, best = 0;
        for (size_t k = 0; k < t.len; k++) {
            run = t.data[k] == '`' ? run + 1 : 0;
            if (run > best)
                best = run;
        }
        px_buf span;
        px_buf_init(&span, m->pg->a);
        for (int k = 0; k <= best; k++)
            px_buf_putc(&span, '`');
        bool pad = t.data[0] == '`' || t.data[t.len - 1] == '`' ||
                   (t.data[0] == ' ' && t.data[t.len - 1] == ' ');
        if (pad)
            px_buf_putc(&span, ' ');
        px_buf_append(&span, t.data, t.len);
        if (pad)
            px_buf_putc(&span, ' ');
        for (int k = 0; k <= best; k++)
            px_buf_putc(&span, '`');
        if (!span.oom)
            put_atom(m, span.data, span.len);
        m->oom |= span.oom;
        px_buf_free(&span);
    }
    m->oom |= t.oom;
    px_buf_free(&t);
}

static void render_img(md *m, int i)
{
    const px_node *nd = &m->pg->doc.nodes[i];
    bool oom;
    char *u = px_image_url(m->pg, i, &oom);
    if (!u) {
        m->oom |= oom;
        return;
    }
    /* the alt text, escaped like other text, inside ![...] */
    md alt;
    memset(&alt, 0, sizeof alt);
    alt.pg = m->pg;
    px_buf_init(&alt.cur, m->pg->a);
    alt.cell = m->cell;
    alt.close_kind = -1;
    const char *a = px_attr(nd, "alt");
    if (a)
        put_text(&alt, a, strlen(a));
    px_buf img;
    px_buf_init(&img, m->pg->a);
    px_buf_append(&img, "![", 2);
    px_buf_append(&img, alt.cur.data, alt.cur.len);
    px_buf_append(&img, "](", 2);
    put_dest(&img, u);
    px_buf_putc(&img, ')');
    if (!img.oom && !alt.cur.oom)
        put_atom(m, img.data, img.len);
    m->oom |= img.oom || alt.cur.oom;
    px_buf_free(&img);
    px_buf_free(&alt.cur);
    px_free(m->pg->a, u);
}

/* ------------------------------------------------------------------ */
/* The walk                                                             */

/* The resolved URL of a link that may be written, or NULL. */
static char *link_url(md *m, const char *href)
{
    if (!m->links)
        return NULL;
    bool oom;
    char *u = px_link_url(m->pg, href, &oom);
    m->oom |= oom;
    return u;
}

static int style_kind(unsigned tag)
{
    switch (tag) {
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_CITE: case GUMBO_TAG_DFN: case GUMBO_TAG_VAR:
        return S_EM;
    case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
        return S_STRONG;
    case GUMBO_TAG_DEL: case GUMBO_TAG_S: case GUMBO_TAG_STRIKE:
        return S_DEL;
    default:
        return -1;
    }
}

static bool is_code_tag(unsigned tag)
{
    return tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_KBD || tag == GUMBO_TAG_SAMP || tag == GUMBO_TAG_TT;
}

/* Enters element i; returns false when its subtree was rendered whole. */
static bool enter(void *ctx, int i)
{
    md *m = ctx;
    const px_node *nd = &m->pg->doc.nodes[i];
    if (nd->kind == PX_TEXT) {
        size_t len;
        const char *t = px_text(nd, &len);
        put_text(m, t, len);
        return true;
    }
    unsigned tag = nd->tag;
    if (tag == GUMBO_TAG_BR) {
        hard_break(m);
        return true;
    }
    if (tag == GUMBO_TAG_IMG) {
        if (m->images)
            render_img(m, i);
        return true;
    }
    if (is_code_tag(tag)) {
        render_code(m, i);
        return false;
    }
    if (!px_is_block(nd)) {
        int k = style_kind(tag);
        char *href = NULL;
        if (tag == GUMBO_TAG_A && m->ns < MAX_STYLE) {
            bool nested = false; /* a link inside a link is text */
            for (int s = 0; s < m->ns; s++)
                nested |= m->ss[s].kind == S_LINK;
            href = nested ? NULL : link_url(m, px_attr(nd, "href"));
            if (href)
                k = S_LINK;
        }
        if (k >= 0 && m->ns < MAX_STYLE)
            m->ss[m->ns++] = (style){i, (unsigned char)k, OPEN_NOT, href, (size_t)-1};
        return true;
    }
    /* a block; inside a cell or a heading, only its text */
    if (m->cell || m->heading) {
        m->pending = true;
        return true;
    }
    if (tag == GUMBO_TAG_PRE) {
        render_pre(m, i);
        return false;
    }
    if (tag == GUMBO_TAG_TABLE && px_data_table(m->pg, i)) {
        render_table(m, i);
        return false;
    }
    flush(m);
    if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) {
        m->heading = (int)(tag - GUMBO_TAG_H1) + 1;
        m->heading_node = i;
    } else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_MENU) {
        if (m->nc && m->cs[m->nc - 1].kind == C_LIST)
            push(m, i, C_ITEM); /* a list right inside a list: an item of its own */
        enter_list(m, i, tag == GUMBO_TAG_OL);
    } else if (tag == GUMBO_TAG_LI) {
        if (m->nc && m->cs[m->nc - 1].kind == C_LIST)
            push(m, i, C_ITEM);
    } else if (tag == GUMBO_TAG_BLOCKQUOTE) {
        push(m, i, C_QUOTE);
    } else if (tag == GUMBO_TAG_HR) {
        write_block(m, "---", 3, true);
    } else if (m->nc && m->cs[m->nc - 1].kind == C_LIST && !px_holds_li(m->pg, i)) {
        push(m, i, C_ITEM); /* a block right inside a list is an item */
    }
    return true;
}

static void leave(void *ctx, int i)
{
    md *m = ctx;
    const px_node *nd = &m->pg->doc.nodes[i];
    if (!px_is_block(nd)) {
        if (m->ns && m->ss[m->ns - 1].node == i) {
            close_style(m, &m->ss[m->ns - 1]);
            px_free(m->pg->a, m->ss[m->ns - 1].href);
            m->ns--;
        }
        return;
    }
    if (m->cell || (m->heading && i != m->heading_node)) {
        m->pending = true;
        return;
    }
    flush(m);
    m->heading = 0;
    /* pop what this node pushed: an item it implied, then its own */
    while (m->nc && m->cs[m->nc - 1].node == i) {
        container *c = &m->cs[--m->nc];
        if (c->kind == C_LIST) {
            m->prev_list_depth = m->nc;
            m->prev_bullet = c->bullet;
        }
    }
}

/* A dropped block still separates the text around it. */
static void skipped_block(void *ctx, int i)
{
    (void)i;
    ((md *)ctx)->pending = true;
}

static void walk(md *m, int root, bool skip_root_block)
{
    const px_walk_ops ops = {enter, leave, skipped_block};
    if (!px_walk(m->pg, root, skip_root_block ? root + 1 : root, &ops, m))
        m->oom = true;
}

int px_render_markdown(const px_page *pg, px_buf *out)
{
    md m;
    memset(&m, 0, sizeof m);
    m.pg = pg;
    m.out = out;
    px_buf_init(&m.cur, pg->a);
    m.links = pg->flags & PITH_WITH_LINKS;
    m.images = pg->flags & PITH_WITH_IMAGES;
    m.prev_list_depth = -1;
    m.close_kind = -1;
    walk(&m, px_render_root(pg), false);
    flush(&m);
    bool oom = m.oom || m.cur.oom || out->oom;
    px_buf_free(&m.cur);
    px_free(pg->a, m.lang_memo);
    return oom ? PITH_ERR_NOMEM : PITH_OK;
}

/* The title as a level-1 heading whose text is the title itself: what
 * could be read as Markdown syntax gets a backslash. */
int px_frame_markdown(const px_frame *f, const char *body, size_t len, px_buf *out)
{
    if (f->with_title && *f->title) {
        px_buf_append(out, "# ", 2);
        for (const char *p = f->title; *p; p++) {
            unsigned char next = (unsigned char)p[1];
            bool entity = *p == '&' && (next == '#' || (next >= '0' && next <= '9') ||
                                        ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'));
            if (strchr("\\`*_[]<>#~|", *p) || entity)
                px_buf_putc(out, '\\');
            px_buf_putc(out, *p);
        }
        px_buf_append(out, "\n\n", 2);
    }
    px_buf_append(out, body, len);
    px_buf_putc(out, '\n');
    return out->oom ? PITH_ERR_NOMEM : PITH_OK;
}
