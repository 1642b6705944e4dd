#include "limit.h"

#include <string.h>
#include "text.h"

/* Elements that never stay open, and those whose end tag is implied by the
 * next sibling: neither deepens the tree for long. */
static const char *const flat_tags[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "rp", "rt", "image",
};

/* Elements whose content is text up to their end tag. */
static const char *const raw_tags[] = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
};

static bool in_list(const char *name, size_t n, const char *const *list, size_t count)
{
    /* The first letter rules out nearly every name before any strlen:
     * this runs for every tag of the page. */
    char c0 = name[0] >= 'A' && name[0] <= 'Z' ? (char)(name[0] + 32) : name[0];
    for (size_t i = 0; i < count; i++)
        if (list[i][0] == c0 && strlen(list[i]) == n && px_ascii_ieq(name, list[i], n))
            return true;
    return false;
}

/* Gumbo checks each new attribute against all earlier ones of its tag, so
 * attributes past this many are left out. */
#define MAX_ATTRS 1000

/* Position just past the '>' closing the tag that starts at s, honouring
 * quoted attribute values; lim when the tag never closes. *excess is where
 * the attribute past MAX_ATTRS starts, or NULL. */
static const char *tag_end(const char *s, const char *lim, bool *self_closing, const char **excess)
{
    bool after_eq = false; /* as in HTML, only a value may be quoted */
    size_t attrs = 0;
    *self_closing = false;
    *excess = NULL;
    for (; s < lim; s++) {
        if (after_eq && (*s == '"' || *s == '\'')) {
            /* Nothing inside a quoted value counts: on to its end at once
             * (values are most of a tag's bytes). */
            const char *q = memchr(s + 1, *s, (size_t)(lim - s - 1));
            if (!q)
                return lim;
            s = q;
            after_eq = false;
            continue;
        }
        if (*s == '=')
            after_eq = true;
        else if (!px_ascii_is_space((unsigned char)*s))
            after_eq = false;
        if (*s == '>') {
            *self_closing = s[-1] == '/';
            return s + 1;
        } else if (px_ascii_is_space((unsigned char)s[-1]) && !px_ascii_is_space((unsigned char)*s) && *s != '=' && s[-1] != '=' &&
                   ++attrs > MAX_ATTRS && !*excess) {
            *excess = s;
        }
    }
    return lim;
}

/* Finds "</name" from s on, case-insensitively; lim when absent. */
static const char *find_end_tag(const char *s, const char *lim, const char *name, size_t n)
{
    while (s < lim) {
        const char *lt = memchr(s, '<', (size_t)(lim - s));
        if (!lt)
            return lim;
        if (lt + 2 + n <= lim && lt[1] == '/' && px_ascii_ieq(lt + 2, name, n))
            return lt;
        s = lt + 1;
    }
    return lim;
}

typedef struct writer {
    const px_alloc *a;
    px_buf buf;
    const char *copied; /* input up to here is in buf (or needs no copy) */
    bool active;
} writer;

/* Leaves out in[from..to) of the output. */
static void omit(writer *w, const char *base, size_t len, const char *from, const char *to)
{
    if (!w->active) {
        w->active = true;
        px_buf_reserve(&w->buf, len);
        w->copied = base;
    }
    px_buf_append(&w->buf, w->copied, (size_t)(from - w->copied));
    w->copied = to;
}

int px_guard(const px_alloc *a, const char *in, size_t len, const px_limits *lim,
             char **out, size_t *out_len, px_guard_report *rep)
{
    *out = NULL;
    *out_len = 0;
    memset(rep, 0, sizeof *rep);
    writer w = {a, {0}, in, false};
    px_buf_init(&w.buf, a);
    const char *s = in, *end = in + len, *cut = NULL;
    size_t depth = 0, excess = 0, tags = 0;
    while (s < end) {
        const char *lt = memchr(s, '<', (size_t)(end - s));
        if (!lt)
            break;
        const char *p = lt + 1;
        bool sc;
        const char *ex;
        if (p < end && *p == '!') {
            if (end - p >= 3 && p[1] == '-' && p[2] == '-') {
                const char *c = p + 3;
                while (c + 2 < end && !(c[0] == '-' && c[1] == '-' && c[2] == '>'))
                    c++;
                s = c + 3 <= end ? c + 3 : end;
            } else {
                s = tag_end(p, end, &sc, &ex);
            }
            continue;
        }
        if (p < end && *p == '?') {
            s = tag_end(p, end, &sc, &ex);
            continue;
        }
        bool closing = p < end && *p == '/';
        const char *nb = p + closing;
        if (nb >= end || !px_ascii_is_alpha((unsigned char)*nb)) {
            s = p; /* a literal '<' */
            continue;
        }
        const char *ne = nb;
        while (ne < end && *ne != '>' && *ne != '/' && *ne != ' ' && !(*ne >= '\t' && *ne <= '\r'))
            ne++;
        size_t nl = (size_t)(ne - nb);
        const char *te = tag_end(ne, end, &sc, &ex);
        if (ex && te > ex) {
            omit(&w, in, len, ex, te[-1] == '>' ? te - 1 : te);
            rep->attrs_cut++;
        }
        if (!closing && ++tags > lim->max_nodes && lim->max_nodes) {
            cut = lt;
            break;
        }
        if (closing) {
            if (in_list(nb, nl, flat_tags, sizeof flat_tags / sizeof *flat_tags)) {
            } else if (excess) {
                excess--;
                omit(&w, in, len, lt, te);
                rep->flattened++;
            } else if (depth) {
                depth--;
            }
            s = te;
            continue;
        }
        if (in_list(nb, nl, raw_tags, sizeof raw_tags / sizeof *raw_tags)) {
            s = find_end_tag(te, end, nb, nl);
            continue;
        }
        if (sc || in_list(nb, nl, flat_tags, sizeof flat_tags / sizeof *flat_tags)) {
        } else if (depth < lim->max_depth || !lim->max_depth) {
            depth++;
        } else {
            excess++;
            omit(&w, in, len, lt, te);
            rep->flattened++;
        }
        s = te;
    }
    if (cut) {
        rep->truncated = true;
        omit(&w, in, len, cut, end);
    }
    if (!w.active)
        return PITH_OK;
    px_buf_append(&w.buf, w.copied, (size_t)(end - w.copied));
    *out = px_buf_detach(&w.buf, out_len);
    return *out ? PITH_OK : PITH_ERR_NOMEM;
}
