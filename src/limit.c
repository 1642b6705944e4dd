#include "limit.h"

#include <gumbo.h>
#include <string.h>
#include "text.h"

/* What the guard needs to know of a tag, by Gumbo's number for its name
 * (one hash of the name, where a list would be searched for every tag). */
enum { OTHER, FLAT, RAW };
static const unsigned char kind_of[GUMBO_TAG_LAST] = {
    /* Elements that never stay open, and those whose end tag is implied by
     * the next sibling: neither deepens the tree for long. */
    [GUMBO_TAG_AREA] = FLAT, [GUMBO_TAG_BASE] = FLAT, [GUMBO_TAG_BR] = FLAT,
    [GUMBO_TAG_COL] = FLAT, [GUMBO_TAG_EMBED] = FLAT, [GUMBO_TAG_HR] = FLAT,
    [GUMBO_TAG_IMG] = FLAT, [GUMBO_TAG_INPUT] = FLAT, [GUMBO_TAG_LINK] = FLAT,
    [GUMBO_TAG_META] = FLAT, [GUMBO_TAG_PARAM] = FLAT, [GUMBO_TAG_SOURCE] = FLAT,
    [GUMBO_TAG_TRACK] = FLAT, [GUMBO_TAG_WBR] = FLAT, [GUMBO_TAG_KEYGEN] = FLAT,
    [GUMBO_TAG_BASEFONT] = FLAT, [GUMBO_TAG_BGSOUND] = FLAT, [GUMBO_TAG_FRAME] = FLAT,
    [GUMBO_TAG_P] = FLAT, [GUMBO_TAG_LI] = FLAT, [GUMBO_TAG_DT] = FLAT, [GUMBO_TAG_DD] = FLAT,
    [GUMBO_TAG_OPTION] = FLAT, [GUMBO_TAG_OPTGROUP] = FLAT, [GUMBO_TAG_TR] = FLAT,
    [GUMBO_TAG_TD] = FLAT, [GUMBO_TAG_TH] = FLAT, [GUMBO_TAG_TBODY] = FLAT,
    [GUMBO_TAG_THEAD] = FLAT, [GUMBO_TAG_TFOOT] = FLAT, [GUMBO_TAG_COLGROUP] = FLAT,
    [GUMBO_TAG_RP] = FLAT, [GUMBO_TAG_RT] = FLAT, [GUMBO_TAG_IMAGE] = FLAT,
    /* Elements whose content is text up to their end tag. */
    [GUMBO_TAG_SCRIPT] = RAW, [GUMBO_TAG_STYLE] = RAW, [GUMBO_TAG_TEXTAREA] = RAW,
    [GUMBO_TAG_TITLE] = RAW, [GUMBO_TAG_XMP] = RAW, [GUMBO_TAG_IFRAME] = RAW,
    [GUMBO_TAG_NOEMBED] = RAW, [GUMBO_TAG_NOFRAMES] = RAW,
};

static int kind(const char *name, size_t n)
{
    GumboTag t = gumbo_tagn_enum(name, (unsigned)n);
    return t < GUMBO_TAG_LAST ? kind_of[t] : OTHER;
}

/* Gumbo checks each new attribute against all earlier ones of its tag, so
 * attributes past this many are left out. */
#define MAX_ATTRS 1000

/* What tag_end reads of a byte of a tag: a quote is one only where a
 * value may start (after '='), elsewhere a byte like a name's. */
enum { B_NAME, B_QUOTE, B_SPACE, B_EQ, B_GT };
static const unsigned char tag_byte[256] = {
    ['\t'] = B_SPACE, ['\n'] = B_SPACE, ['\v'] = B_SPACE, ['\f'] = B_SPACE, ['\r'] = B_SPACE,
    [' '] = B_SPACE,   ['='] = B_EQ,     ['>'] = B_GT,     ['"'] = B_QUOTE, ['\''] = B_QUOTE,
};

/* Position just past the '>' closing the tag that starts at s, honouring
 * quoted attribute values; lim when the tag never closes. *excess is where
 * the attribute past MAX_ATTRS starts, or NULL. An attribute starts at a
 * byte of a name after white space; the rest of a name is passed over in
 * one loop (names and values are most of a tag's bytes). */
static const char *tag_end(const char *s, const char *lim, bool *self_closing, const char **excess)
{
    bool after_eq = false; /* as in HTML, only a value may be quoted */
    size_t attrs = 0;
    *self_closing = false;
    *excess = NULL;
    while (s < lim) {
        switch (tag_byte[(unsigned char)*s]) {
        case B_QUOTE:
            if (after_eq) {
                /* Nothing inside a quoted value counts: on to its end at
                 * once. */
                const char *q = memchr(s + 1, *s, (size_t)(lim - s - 1));
                if (!q)
                    return lim;
                s = q + 1;
                after_eq = false;
                break;
            }
            /* fall through */
        case B_NAME:
            after_eq = false;
            if (px_ascii_is_space((unsigned char)s[-1]) && ++attrs > MAX_ATTRS && !*excess)
                *excess = s;
            do
                s++;
            while (s < lim && tag_byte[(unsigned char)*s] <= B_QUOTE);
            break;
        case B_SPACE:
            s++;
            break;
        case B_EQ:
            after_eq = true;
            s++;
            break;
        default: /* B_GT */
            *self_closing = s[-1] == '/';
            return s + 1;
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
        while (ne < end && *ne != '>' && *ne != '/' && !px_ascii_is_space((unsigned char)*ne))
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
        int k = kind(nb, nl);
        if (closing) {
            if (k == FLAT) {
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
        if (k == RAW) {
            s = find_end_tag(te, end, nb, nl);
            continue;
        }
        if (sc || k == FLAT) {
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
