/* Helpers shared by the Markdown and HTML renderers. */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "page.h"
#include "metadata.h"
#include "text.h"
#include "url.h"

int px_render_root(const px_page *pg)
{
    return pg->root >= 0 ? pg->root : pg->doc.body >= 0 ? pg->doc.body : 0;
}

bool px_render_skip(const px_page *pg, int i)
{
    return (pg->doc.nodes[i].flags & PX_DROP) || i == pg->title_node;
}

/* Drops the spaces that close the line being written, down to from:
 * also no-break spaces, since an editor that writes a line per element
 * writes a blank one as "&nbsp;". */
static void trim_line(px_buf *out, size_t from)
{
    for (;;) {
        if (out->len > from && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t'))
            out->len--;
        else if (out->len >= from + 2 && (unsigned char)out->data[out->len - 2] == 0xC2 &&
                 (unsigned char)out->data[out->len - 1] == 0xA0)
            out->len -= 2;
        else
            break;
    }
}

/* Does each <code> child of <pre> p hold a line of its own? Some editors
 * (WeChat's code snippets) write a listing as one <code> per line with no
 * newline between them, and their style sheet shows each as a block. One
 * <code> in a <pre> is the usual listing, lines and all. */
static bool code_lines(const px_node *nodes, int p)
{
    int codes = 0;
    for (int c = nodes[p].first; c >= 0 && codes < 2; c = nodes[c].next)
        codes += nodes[c].kind == PX_ELEMENT && nodes[c].tag == GUMBO_TAG_CODE;
    return codes >= 2;
}

void px_pre_text(const px_page *pg, int p, px_buf *out)
{
    const px_node *nodes = pg->doc.nodes;
    size_t start = out->len;
    /* Each of its <code> lines ends the line before it and its own. (Not
     * every block inside a <pre>: a results page's tables in one <pre>
     * would print a line per cell.) */
    bool lines = code_lines(nodes, p);
    int line_end = -1;      /* one past the last line element entered */
    size_t line_start = 0;  /* where its line starts in out */
    for (int i = p + 1; i < nodes[p].end; i++) {
        if (nodes[i].flags & PX_DROP) {
            i = nodes[i].end - 1;
            continue;
        }
        if (line_end >= 0 && i >= line_end) {
            /* the line element is over: its line ends, and one that held
             * only spaces is a blank line */
            bool blank = out->len > line_start;
            trim_line(out, line_start);
            if (out->len > line_start ? out->data[out->len - 1] != '\n' : blank && out->len > start)
                px_buf_putc(out, '\n');
            line_end = -1;
        }
        if (nodes[i].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&nodes[i], &len);
            for (size_t k = 0; k < len; k++) {
                if (t[k] == '\n')
                    while (out->len > start && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t'))
                        out->len--;
                if (t[k] != '\r')
                    px_buf_putc(out, t[k]);
            }
        } else if (nodes[i].tag == GUMBO_TAG_BR) {
            while (out->len > start && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\t'))
                out->len--;
            px_buf_putc(out, '\n');
        } else if (lines && nodes[i].parent == p && nodes[i].tag == GUMBO_TAG_CODE) {
            trim_line(out, start);
            if (out->len > start && out->data[out->len - 1] != '\n')
                px_buf_putc(out, '\n');
            line_start = out->len;
            line_end = nodes[i].end;
        }
    }
    while (out->len > start && (out->data[out->len - 1] == ' ' || out->data[out->len - 1] == '\n' ||
                                out->data[out->len - 1] == '\t'))
        out->len--;
    size_t b = start;
    while (b < out->len && out->data[b] == '\n')
        b++;
    if (b > start && out->data) {
        memmove(out->data + start, out->data + b, out->len - b);
        out->len -= b - start;
    }
    if (out->data)
        out->data[out->len] = '\0';
}

/* Copies a language name, keeping only the characters an info string
 * can safely hold. */
static void copy_lang(const char *s, size_t n, char *lang, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
            c == '+' || c == '#' || c == '.' || c == '-')
            lang[k++] = c;
        else
            break;
    }
    lang[k] = '\0';
}

/* Where, in a class attribute, the first language name starts
 * ("language-x", "lang-x", "highlight-x", "brush: x", ...), or -1. One
 * pass over the attribute: each prefix test reads at most its own length,
 * so a long class costs its length, not its length squared. */
static long lang_from_class(const char *cls, size_t cap)
{
    static const char prefixes[][20] = {"language-", "lang-", "highlight-source-", "highlight-", "brush:",
                                        "sourcecode "};
    if (!cls)
        return -1;
    for (const char *p = cls; *p; p++) {
        if (p != cls && p[-1] != ' ' && p[-1] != '\t')
            continue;
        for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
            size_t pl = strlen(prefixes[k]);
            if (strnlen(p, pl + 1) > pl && px_ascii_ieq(p, prefixes[k], pl)) {
                const char *v = p + pl;
                while (*v == ' ')
                    v++;
                char lang[64];
                copy_lang(v, SIZE_MAX, lang, cap < sizeof lang ? cap : sizeof lang);
                /* "highlight-default" and "lang-none" name no language */
                if (*lang && strcmp(lang, "default") && strcmp(lang, "none") && strcmp(lang, "text") &&
                    strcmp(lang, "plain") && strcmp(lang, "plaintext"))
                    return v - cls;
            }
        }
    }
    return -1;
}

void px_code_language(const px_page *pg, int p, int *memo, char *lang, size_t cap)
{
    const px_node *nodes = pg->doc.nodes;
    *lang = '\0';
    if (!cap)
        return;
    /* the <pre>, a <code> inside it, and up to three ancestors (Sphinx
     * wraps the <pre> in div.highlight-python > div.highlight) */
    int cands[6], nc = 0;
    cands[nc++] = p;
    for (int i = p + 1; i < nodes[p].end && nc < 2; i++)
        if (nodes[i].kind == PX_ELEMENT && nodes[i].tag == GUMBO_TAG_CODE)
            cands[nc++] = i;
    for (int a = nodes[p].parent, up = 0; a >= 0 && up < 3; a = nodes[a].parent, up++)
        cands[nc++] = a;
    for (int k = 0; k < nc; k++) {
        const px_node *nd = &nodes[cands[k]];
        const char *cls = px_attr(nd, "class");
        /* an ancestor's class is shared by every <pre> under it: its
         * answer is remembered (memo: offset + 1, or -1 for none) */
        int *m = memo ? &memo[cands[k]] : NULL;
        long at = m && *m ? *m - 1 : lang_from_class(cls, cap);
        if (m && !*m)
            *m = at >= 0 && at < INT_MAX ? (int)at + 1 : -1;
        if (at >= 0) {
            copy_lang(cls + at, SIZE_MAX, lang, cap);
            return;
        }
        const char *dl = px_attr(nd, "data-lang");
        if (!dl)
            dl = px_attr(nd, "data-language");
        if (dl) {
            copy_lang(dl, strnlen(dl, cap), lang, cap);
            if (*lang)
                return;
        }
    }
}

/* The widest srcset candidate of an element's srcset or data-srcset
 * attribute, or NULL. */
static const char *srcset_of(const char *srcset, size_t *len)
{
    if (!srcset)
        return NULL;
    const char *u = px_srcset_best(srcset, len);
    return u && strncmp(u, "data:", 5) ? u : NULL;
}

/* A <source srcset> of the <picture> around an <img> that has none of its
 * own (the rules drop <source>, but its address is the image's). */
static const char *picture_source(const GumboNode *img, size_t *len)
{
    const GumboNode *p = img->parent;
    /* Gumbo does not know <picture>: it is an unknown tag by that name. */
    if (!p || p->type != GUMBO_NODE_ELEMENT || p->v.element.tag != GUMBO_TAG_UNKNOWN)
        return NULL;
    GumboStringPiece name = p->v.element.original_tag;
    if (name.length < 9 || !px_ascii_ieq(name.data, "<picture", 8) ||
        (name.data[8] != '>' && !px_ascii_is_space((unsigned char)name.data[8])))
        return NULL;
    const GumboVector *kids = &p->v.element.children;
    for (unsigned k = 0; k < kids->length; k++) {
        const GumboNode *c = kids->data[k];
        if (c->type != GUMBO_NODE_ELEMENT || c->v.element.tag != GUMBO_TAG_SOURCE)
            continue;
        const GumboAttribute *at = gumbo_get_attribute(&c->v.element.attributes, "srcset");
        const char *u = at ? srcset_of(at->value, len) : NULL;
        if (u)
            return u;
    }
    return NULL;
}

static char *image_src(const px_alloc *a, const px_node *nd, bool *oom)
{
    /* Lazy-loading pages keep the real address in a data- attribute and
     * put a placeholder (often a data: URL) in src, or give only a srcset. */
    static const char keys[][16] = {"src", "data-src", "data-lazy-src", "data-original"};
    *oom = false;
    const char *u = NULL;
    size_t len = 0;
    for (size_t k = 0; k < sizeof keys / sizeof *keys && !u; k++) {
        const char *v = px_attr(nd, keys[k]);
        if (v && *v && strncmp(v, "data:", 5)) {
            u = v;
            len = strlen(v);
        }
    }
    if (!u)
        u = srcset_of(px_attr(nd, "data-srcset"), &len);
    if (!u)
        u = srcset_of(px_attr(nd, "srcset"), &len);
    if (!u)
        u = picture_source(nd->g, &len);
    if (!u)
        return NULL;
    char *copy = px_strndup(a, u, len);
    *oom = !copy;
    return copy;
}

char *px_image_url(const px_page *pg, int i, bool *oom)
{
    char *src = image_src(pg->a, &pg->doc.nodes[i], oom);
    if (!src)
        return NULL;
    char *u = px_url_resolve(pg->a, pg->meta ? pg->meta->base : NULL, src);
    px_free(pg->a, src);
    *oom = !u;
    if (u && (!*u || !px_url_is_safe(u, true))) {
        px_free(pg->a, u);
        return NULL;
    }
    return u;
}

bool px_is_block(const px_node *nd) { return nd->kind == PX_ELEMENT && !(nd->flags & PX_INLINE); }

bool px_holds_li(const px_page *pg, int i)
{
    for (int j = i + 1; j < pg->doc.nodes[i].end; j++)
        if (pg->doc.nodes[j].kind == PX_ELEMENT && pg->doc.nodes[j].tag == GUMBO_TAG_LI)
            return true;
    return false;
}

char *px_link_url(const px_page *pg, const char *href, bool *oom)
{
    *oom = false;
    if (!href)
        return NULL;
    while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
        href++;
    if (!*href || *href == '#')
        return NULL; /* in-page anchors lead nowhere outside the page */
    char *u = px_url_resolve(pg->a, pg->meta ? pg->meta->base : NULL, href);
    if (!u) {
        *oom = true;
        return NULL;
    }
    if (!*u || !px_url_is_safe(u, false)) {
        px_free(pg->a, u);
        return NULL;
    }
    return u;
}

bool px_walk(const px_page *pg, int root, int from, const px_walk_ops *ops, void *r)
{
    const px_node *nodes = pg->doc.nodes;
    int *stack = px_malloc(pg->a, (size_t)(nodes[root].end - root + 1) * sizeof *stack);
    if (!stack)
        return false;
    int top = 0;
    for (int i = from; i < nodes[root].end;) {
        while (top && i >= nodes[stack[top - 1]].end)
            ops->leave(r, stack[--top]);
        if (px_render_skip(pg, i)) {
            if (px_is_block(&nodes[i]))
                ops->skipped_block(r, i);
            i = nodes[i].end;
            continue;
        }
        if (!ops->enter(r, i)) {
            i = nodes[i].end;
            continue;
        }
        if (nodes[i].kind == PX_ELEMENT)
            stack[top++] = i;
        i++;
    }
    while (top)
        ops->leave(r, stack[--top]);
    px_free(pg->a, stack);
    return true;
}
