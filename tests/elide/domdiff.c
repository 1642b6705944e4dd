#include "domdiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "ascii.h"
#include "elide.h"
#include "parse.h"
#include "text.h"

/* JSON-LD, as metadata recognises it: its body is kept. */
static bool json_ld(const GumboNode *n)
{
    const GumboAttribute *t = gumbo_get_attribute(&n->v.element.attributes, "type");
    if (!t)
        return false;
    const char *v = t->value;
    while (px_ascii_is_space((unsigned char)*v))
        v++;
    return !strncasecmp(v, "application/ld+json", 19);
}

/* The children the check compares: none for an elided element. */
static const GumboVector *kids(const GumboNode *n)
{
    if (n->type == GUMBO_NODE_DOCUMENT)
        return &n->v.document.children;
    if (n->type == GUMBO_NODE_TEMPLATE)
        return NULL;
    if (n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    if (n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML &&
        (n->v.element.tag == GUMBO_TAG_STYLE || (n->v.element.tag == GUMBO_TAG_SCRIPT && !json_ld(n))))
        return NULL;
    return &n->v.element.children;
}

static const char *name_of(const GumboNode *n, char *buf, size_t cap)
{
    switch (n->type) {
    case GUMBO_NODE_DOCUMENT: return "#document";
    case GUMBO_NODE_TEXT: return "#text";
    case GUMBO_NODE_WHITESPACE: return "#whitespace";
    case GUMBO_NODE_CDATA: return "#cdata";
    case GUMBO_NODE_COMMENT: return "#comment";
    default: break;
    }
    if (n->v.element.tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname(n->v.element.tag);
    /* as pith reads it (Gumbo 0.10 takes a "</>" before a tag into its
     * source text: both then name it "") */
    return px_source_tag_name(n->v.element.original_tag, buf, cap);
}

/* Elements whose text is read as it is: a <pre> is printed verbatim,
 * the text elements are copied by the pass as they are. */
static bool verbatim(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return false;
    switch (n->v.element.tag) {
    case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
        return true;
    default:
        return false;
    }
}

/* The white space elide.c's fold_space folds: no form feed (it leaves
 * those alone) and no \v (HTML's tokenizer reads it as text). */
static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* The next character of s as the pass may leave it: a run of two or more
 * spaces, tabs and newlines reads as one, a newline if it holds one. */
static char folded(const char **s)
{
    const char *p = *s;
    if (!is_space(*p) || !is_space(p[1])) {
        *s = p + 1;
        return *p;
    }
    bool nl = false;
    const char *q = p;
    for (; is_space(*q); q++)
        nl |= *q == '\n' || *q == '\r';
    *s = q;
    return nl ? '\n' : *p;
}

/* Outside the elements above, pith folds every run of white space in
 * text to one space or skips it (px_append_folded, the renderers'
 * put_text, count_text): two texts agree when they agree so folded. */
static bool same_text(const char *a, const char *b, bool exact)
{
    if (exact)
        return !strcmp(a, b);
    while (*a && *b)
        if (folded(&a) != folded(&b))
            return false;
    return !*a && !*b;
}

/* A copy of el's attribute name as pith reads it (its control characters
 * stripped, as px_parse does), to free; NULL when absent (or out of
 * memory: the callers then take the attribute as read). */
static char *value_of(const GumboElement *el, const char *name)
{
    const GumboAttribute *at = gumbo_get_attribute(&el->attributes, name);
    char *v = at ? strdup(at->value) : NULL;
    if (v)
        px_strip_controls(v, strlen(v));
    return v;
}

/* Is token one of the white-space separated words of list (any case)? */
static bool has_token(const char *list, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = list; *p;) {
        while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
            p++;
        const char *w = p;
        while (*p && !(*p == ' ' || (*p >= '\t' && *p <= '\r')))
            p++;
        if ((size_t)(p - w) == n && !strncasecmp(w, token, n))
            return true;
    }
    return false;
}

/* Does pith read attribute at of element el? The names px_elide_reads_attr
 * lists, except where the reader looks at some elements only: src on an
 * <img> (px_image_url) and on an element with itemprop (the microdata's
 * image); an <img>'s data-src, data-lazy-src, data-original, data-srcset
 * and srcset only when no key before it in that order is there, not empty
 * and no data: URL; srcset on a <source> too; href on <a>, <base>, an
 * element with itemprop, and a <link> whose rel says canonical or
 * image_src. */
static bool value_read(const GumboElement *el, const GumboAttribute *at)
{
    const char *name = at->name;
    if (!px_elide_reads_attr(name, strlen(name)))
        return false;
    bool item = gumbo_get_attribute(&el->attributes, "itemprop") != NULL;
    if (!strcmp(name, "src"))
        return el->tag == GUMBO_TAG_IMG || item;
    static const char *const keys[] = {"src", "data-src", "data-lazy-src", "data-original",
                                       "data-srcset", "srcset"};
    size_t key = 1;
    while (key < sizeof keys / sizeof *keys && strcmp(name, keys[key]))
        key++;
    if (key < sizeof keys / sizeof *keys) {
        if (!strcmp(name, "srcset") && el->tag == GUMBO_TAG_SOURCE)
            return true;
        if (el->tag != GUMBO_TAG_IMG)
            return false;
        bool read = true;
        for (size_t k = 0; k < key && k < 4 && read; k++) {
            char *v = value_of(el, keys[k]);
            read = !(v && *v && strncmp(v, "data:", 5));
            free(v);
        }
        return read;
    }
    if (!strcmp(name, "href") || !strcmp(name, "xlink:href")) {
        if (el->tag == GUMBO_TAG_A || el->tag == GUMBO_TAG_BASE || item)
            return true;
        if (el->tag != GUMBO_TAG_LINK)
            return false;
        if (!gumbo_get_attribute(&el->attributes, "rel"))
            return false;
        char *r = value_of(el, "rel");
        if (!r)
            return true;
        bool read = has_token(r, "canonical") || has_token(r, "image_src");
        free(r);
        return read;
    }
    return true;
}

/* May the pass take this attribute out? Nobody reads it, and it is none
 * of color, face and size, whose presence Gumbo reads on a <font> in
 * foreign content. */
static bool unread(const GumboElement *el, const GumboAttribute *at)
{
    return !value_read(el, at) && strcmp(at->name, "color") && strcmp(at->name, "face") &&
           strcmp(at->name, "size");
}

/* The attributes of element el whole (w) and elided (e): the elided ones
 * are the whole ones in the same order, less some that nobody reads; a
 * value nobody reads may be emptied. NULL when they agree. */
static const char *same_attrs(const GumboElement *el, const GumboVector *w, const GumboVector *e)
{
    unsigned j = 0;
    for (unsigned i = 0; i < w->length; i++) {
        const GumboAttribute *s = w->data[i];
        const GumboAttribute *t = j < e->length ? e->data[j] : NULL;
        if (!t || s->attr_namespace != t->attr_namespace || strcmp(s->name, t->name)) {
            if (!unread(el, s))
                return t ? "attribute" : "attribute missing";
            continue; /* taken out */
        }
        j++;
        if (strcmp(s->value, t->value) && (*t->value || value_read(el, s)))
            return "attribute value";
    }
    return j < e->length ? "attribute added" : NULL;
}

/* Do the two nodes themselves (not their children) agree? exact: inside
 * an element that reads its text as it is. */
static const char *node_differs(const GumboNode *a, const GumboNode *b, bool exact)
{
    if (a->type != b->type)
        return "node type";
    char x[48], y[48];
    switch (a->type) {
    case GUMBO_NODE_DOCUMENT: {
        const GumboDocument *p = &a->v.document, *q = &b->v.document;
        if (p->has_doctype != q->has_doctype || strcmp(p->name, q->name) ||
            strcmp(p->public_identifier, q->public_identifier) ||
            strcmp(p->system_identifier, q->system_identifier) ||
            p->doc_type_quirks_mode != q->doc_type_quirks_mode)
            return "doctype";
        return NULL;
    }
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        return same_text(a->v.text.text, b->v.text.text, exact || a->type == GUMBO_NODE_CDATA)
                   ? NULL
                   : "text";
    case GUMBO_NODE_COMMENT:
        return NULL; /* its text may be left out */
    default:
        break;
    }
    const GumboElement *p = &a->v.element, *q = &b->v.element;
    if (p->tag != q->tag || p->tag_namespace != q->tag_namespace ||
        strcmp(name_of(a, x, sizeof x), name_of(b, y, sizeof y)))
        return "element name";
    return same_attrs(p, &p->attributes, &q->attributes);
}

static bool is_svg(const GumboNode *n)
{
    return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_SVG &&
           n->v.element.tag_namespace == GUMBO_NAMESPACE_SVG;
}

/* Does an element of an <svg> escape every reader? pith reads elements
 * by tag (a, style, title, video... each has a GumboTag), never one whose
 * name HTML does not know, except a rule by name, and the elision of
 * shapes is asked for only when the rules drop every <svg>; metadata reads
 * itemprop and itemscope on any element. */
static bool unread_shape(const GumboNode *n)
{
    const GumboElement *e = &n->v.element;
    return e->tag_namespace == GUMBO_NAMESPACE_SVG &&
           (e->tag == GUMBO_TAG_UNKNOWN || e->tag == GUMBO_TAG_SVG) &&
           !gumbo_get_attribute(&e->attributes, "itemprop") &&
           !gumbo_get_attribute(&e->attributes, "itemscope");
}

/* The rule for an <svg> of shapes: the elided one holds nothing but its
 * white space; the whole one only unread elements, white space and
 * comments (parse.c skips comments), and the same white space in the same
 * order, so that a <pre> around it prints the same. NULL when they agree;
 * "" when the rule does not apply (b holds elements: compare as usual). */
static const char *svg_shapes(const GumboNode *a, const GumboNode *b)
{
    const GumboVector *kb = &b->v.element.children, *ka = &a->v.element.children;
    size_t want = 0;
    for (unsigned i = 0; i < kb->length; i++) {
        const GumboNode *c = kb->data[i];
        if (c->type != GUMBO_NODE_WHITESPACE)
            return "";
        want += strlen(c->v.text.text);
    }
    bool any = false;
    for (unsigned i = 0; i < ka->length && !any; i++)
        any = ((const GumboNode *)ka->data[i])->type == GUMBO_NODE_ELEMENT ||
              ((const GumboNode *)ka->data[i])->type == GUMBO_NODE_COMMENT;
    if (!any)
        return ""; /* nothing was left out: compared as usual */
    /* b's white space, one string; then a's, node by node, against it. */
    char *ws = malloc(want + 1);
    if (!ws)
        return "(out of memory)";
    size_t k = 0;
    for (unsigned i = 0; i < kb->length; i++) {
        const char *t = ((const GumboNode *)kb->data[i])->v.text.text;
        memcpy(ws + k, t, strlen(t));
        k += strlen(t);
    }
    const char *d = NULL;
    size_t at = 0;
    /* Preorder below a, by parent links (no recursion). */
    const GumboNode *n = ka->data[0];
    while (n && !d) {
        if (n->type == GUMBO_NODE_WHITESPACE) {
            size_t l = strlen(n->v.text.text);
            if (at + l > want || memcmp(ws + at, n->v.text.text, l))
                d = "svg white space";
            at += l;
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            if (!unread_shape(n))
                d = "svg element left out";
            else if (n->v.element.children.length) {
                n = n->v.element.children.data[0];
                continue;
            }
        } else if (n->type != GUMBO_NODE_COMMENT) {
            d = "svg text left out";
        }
        /* the next sibling, climbing back towards a */
        while (n != a) {
            const GumboVector *pk = &n->parent->v.element.children;
            if (n->index_within_parent + 1 < pk->length) {
                n = pk->data[n->index_within_parent + 1];
                break;
            }
            n = n->parent;
        }
        if (n == a)
            n = NULL;
    }
    if (!d && at != want)
        d = "svg white space";
    free(ws);
    return d;
}

typedef struct frame {
    const GumboNode *a, *b;
    unsigned next; /* the next child to compare */
    bool exact;    /* in an element whose text is read as it is */
} frame;

static void path(const frame *st, size_t n, const char *what, char *why, size_t cap)
{
    size_t k = (size_t)snprintf(why, cap, "%s differs at ", what);
    char buf[48];
    for (size_t i = 0; i < n && k < cap; i++) {
        const GumboNode *g = st[i].a;
        k += (size_t)snprintf(why + k, cap - k, "/%s[%u]", name_of(g, buf, sizeof buf),
                              i ? (unsigned)g->index_within_parent : 0u);
    }
}

bool domdiff(const GumboNode *whole, const GumboNode *elided, char *why, size_t cap)
{
    size_t n = 0, room = 64;
    frame *st = malloc(room * sizeof *st);
    if (!st) {
        snprintf(why, cap, "out of memory");
        return false;
    }
    const char *d = node_differs(whole, elided, false);
    st[n++] = (frame){whole, elided, 0, false};
    bool ok = true;
    while (n && !d) {
        frame *f = &st[n - 1];
        const GumboVector *ka = kids(f->a), *kb = kids(f->b);
        if (!ka || !kb) {
            n--;
            continue;
        }
        if (f->next == 0 && is_svg(f->a) && is_svg(f->b)) {
            const char *r = svg_shapes(f->a, f->b);
            if (r && *r) {
                d = r;
                break;
            }
            if (!r) {
                n--;
                continue;
            }
        }
        if (ka->length != kb->length) {
            d = "child count";
            break;
        }
        if (f->next == ka->length) {
            n--;
            continue;
        }
        const GumboNode *a = ka->data[f->next], *b = kb->data[f->next];
        f->next++;
        bool exact = f->exact || verbatim(f->a); /* before a realloc moves f */
        if (n == room) {
            frame *m = realloc(st, 2 * room * sizeof *st);
            if (!m) {
                d = "(out of memory)";
                break;
            }
            st = m;
            room *= 2;
        }
        st[n++] = (frame){a, b, 0, exact};
        d = node_differs(a, b, exact);
    }
    if (d) {
        path(st, n, d, why, cap);
        ok = false;
    }
    free(st);
    return ok;
}

/* Gumbo's allocator for the elided tree: strings px_elide_restore
 * replaces are never freed by Gumbo, and those it puts in are the pass's.
 * So every block is kept here and freed at the end. */
typedef struct blocks {
    void **p;
    size_t n, cap;
} blocks;

static void *gumbo_alloc(void *ud, size_t n)
{
    blocks *b = ud;
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 1024;
        void **m = realloc(b->p, cap * sizeof *m);
        if (!m)
            return NULL;
        b->p = m;
        b->cap = cap;
    }
    void *q = malloc(n);
    if (q)
        b->p[b->n++] = q;
    return q;
}

static void gumbo_free(void *ud, void *p)
{
    (void)ud;
    (void)p;
}

static void blocks_free(blocks *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->p[i]);
    free(b->p);
}

static const GumboVector *all_kids(const GumboNode *n)
{
    if (n->type == GUMBO_NODE_DOCUMENT)
        return &n->v.document.children;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return &n->v.element.children;
    return NULL;
}

/* Puts the values back into every element of the elided tree, as
 * px_parse_elided does (without recursion: trees may be deep). */
static bool restore_all(const px_elide_values *v, GumboNode *root, const char *page, size_t len,
                        blocks *b)
{
    GumboNode *g = root;
    for (;;) {
        const GumboVector *k = all_kids(g);
        if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
            px_elide_restore(v, g, page, len);
        else if (g->type == GUMBO_NODE_TEXT && px_elide_restore_text(v, g, page, len, gumbo_alloc, b))
            return false;
        if (k && k->length) {
            g = k->data[0];
            continue;
        }
        for (;;) {
            if (g == root)
                return true;
            const GumboVector *pk = all_kids(g->parent);
            size_t i = g->index_within_parent + 1;
            if (i < pk->length) {
                g = pk->data[i];
                break;
            }
            g = g->parent;
        }
    }
}

bool domdiff_page(const char *whole, size_t len, size_t *elided_len, char *why, size_t cap)
{
    char *e = malloc(len + 1);
    if (!e) {
        snprintf(why, cap, "out of memory");
        return false;
    }
    memcpy(e, whole, len);
    e[len] = '\0';
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_elide_names *names = px_elide_names_new(&a, NULL, NULL, 0);
    px_elide_values values;
    if (!names || px_elide_values_init(&a, &values, len)) {
        px_elide_names_free(names);
        free(e);
        snprintf(why, cap, "out of memory");
        return false;
    }
    size_t elen =
        px_elide(e, len, PX_ELIDE_SVG | PX_ELIDE_SPACE | PX_ELIDE_ATTRS, names, &values);
    px_elide_names_free(names);
    *elided_len = elen;
    bool ok = true;
    if (elen < len) {
        GumboOptions opt = kGumboDefaultOptions;
        opt.max_errors = 0;
        GumboOutput *x = gumbo_parse_with_options(&opt, whole, len);
        blocks b = {NULL, 0, 0};
        GumboOptions eopt = opt;
        eopt.allocator = gumbo_alloc;
        eopt.deallocator = gumbo_free;
        eopt.userdata = &b;
        GumboOutput *y = gumbo_parse_with_options(&eopt, e, elen);
        if (!restore_all(&values, y->document, e, elen, &b)) {
            snprintf(why, cap, "out of memory");
            ok = false;
        } else {
            ok = domdiff(x->document, y->document, why, cap);
        }
        gumbo_destroy_output(&opt, x);
        blocks_free(&b);
    }
    px_elide_values_free(&a, &values);
    free(e);
    return ok;
}
