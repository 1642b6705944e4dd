#include "parse.h"

#include <limits.h>
#include <string.h>
#include "ascii.h"
#include "text.h"

/* Phrasing elements: their text flows into the enclosing block. A const
 * table, so that threads share it without a race. */
static const bool inline_tags[GUMBO_TAG_LAST + 1] = {
    [GUMBO_TAG_A] = true, [GUMBO_TAG_ABBR] = true, [GUMBO_TAG_B] = true,
    [GUMBO_TAG_BDI] = true, [GUMBO_TAG_BDO] = true, [GUMBO_TAG_BIG] = true,
    [GUMBO_TAG_CITE] = true, [GUMBO_TAG_CODE] = true, [GUMBO_TAG_DATA] = true,
    [GUMBO_TAG_DEL] = true, [GUMBO_TAG_DFN] = true, [GUMBO_TAG_EM] = true,
    [GUMBO_TAG_FONT] = true, [GUMBO_TAG_I] = true, [GUMBO_TAG_IMG] = true,
    [GUMBO_TAG_INS] = true, [GUMBO_TAG_KBD] = true, [GUMBO_TAG_LABEL] = true,
    [GUMBO_TAG_MARK] = true, [GUMBO_TAG_NOBR] = true, [GUMBO_TAG_Q] = true,
    [GUMBO_TAG_RP] = true, [GUMBO_TAG_RT] = true, [GUMBO_TAG_RUBY] = true,
    [GUMBO_TAG_S] = true, [GUMBO_TAG_SAMP] = true, [GUMBO_TAG_SMALL] = true,
    [GUMBO_TAG_SPAN] = true, [GUMBO_TAG_STRIKE] = true, [GUMBO_TAG_STRONG] = true,
    [GUMBO_TAG_SUB] = true, [GUMBO_TAG_SUP] = true, [GUMBO_TAG_TIME] = true,
    [GUMBO_TAG_TT] = true, [GUMBO_TAG_U] = true, [GUMBO_TAG_VAR] = true,
    [GUMBO_TAG_WBR] = true, [GUMBO_TAG_BR] = true, [GUMBO_TAG_ACRONYM] = true,
    [GUMBO_TAG_SOURCE] = true, [GUMBO_TAG_OUTPUT] = true, [GUMBO_TAG_METER] = true,
    [GUMBO_TAG_PROGRESS] = true, [GUMBO_TAG_BASEFONT] = true,
    [GUMBO_TAG_RTC] = true, [GUMBO_TAG_RB] = true,
};

static bool is_inline_tag(unsigned tag) { return tag <= GUMBO_TAG_LAST && inline_tags[tag]; }

static void clean(GumboNode *g);

/* Elements HTML does not define: custom elements (<mjx-container>,
 * <lite-youtube>), unknown tags, and MathML. */
static bool undefined_element(const GumboNode *g)
{
    return g->v.element.tag == GUMBO_TAG_UNKNOWN || g->v.element.tag_namespace == GUMBO_NAMESPACE_MATHML;
}

/* Browsers show an element they do not know inline, so the text after an
 * <mjx-container> goes on in the same paragraph. One that wraps blocks (a
 * fact box of a heading and a list) is a block itself, and so is one that
 * stands among blocks with no text or phrasing beside it (a "back to the
 * newsroom" link, a display formula between paragraphs). What lies below
 * is settled first (children come after their parent, so backwards), then
 * the context, from the top down. */
static void settle_undefined(px_doc *doc)
{
    for (int i = doc->n - 1; i > 0; i--) {
        const px_node *nd = &doc->nodes[i];
        bool block = nd->kind == PX_ELEMENT && nd->g->type == GUMBO_NODE_ELEMENT &&
                     !(nd->flags & PX_INLINE) && !undefined_element(nd->g);
        if (nd->parent >= 0 && (block || (nd->flags & PX_HOLDS_BLOCK)))
            doc->nodes[nd->parent].flags |= PX_HOLDS_BLOCK;
    }
    for (int i = 1; i < doc->n; i++) {
        px_node *nd = &doc->nodes[i];
        if (nd->kind == PX_ELEMENT && nd->g->type == GUMBO_NODE_ELEMENT && nd->parent >= 0 &&
            undefined_element(nd->g) && !(nd->flags & PX_HOLDS_BLOCK) &&
            (doc->nodes[nd->parent].flags & (PX_HAS_TEXT | PX_HAS_PHRASING | PX_INLINE)))
            nd->flags |= PX_INLINE;
    }
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!px_ascii_is_space((unsigned char)*s))
            return false;
    return true;
}

static GumboVector *children_of(GumboNode *g)
{
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
        return &g->v.element.children;
    if (g->type == GUMBO_NODE_DOCUMENT)
        return &g->v.document.children;
    return NULL;
}

/* Gumbo runs here, apart, so that a jump out of it leaves no local state of
 * px_parse in doubt. */
static GumboOutput *run_gumbo(px_doc *doc, const char *buf, size_t len)
{
    jmp_buf escape;
    doc->arena.escape = &escape;
    if (setjmp(escape))
        return NULL;
    return gumbo_parse_with_options(&doc->gopt, buf, len);
}

/* The arena outside Gumbo: a failure returns NULL here instead of
 * jumping out of the parser. */
static void *arena_alloc(void *ud, size_t n)
{
    px_arena *ar = ud;
    jmp_buf escape;
    ar->escape = &escape;
    if (setjmp(escape))
        return NULL;
    return px_arena_alloc(ar, n);
}

int px_parse(px_doc *doc, const px_alloc *a, const char *buf, size_t len,
             size_t memory_budget, pith_error *err)
{
    return px_parse_elided(doc, a, buf, len, NULL, memory_budget, err);
}

int px_parse_elided(px_doc *doc, const px_alloc *a, const char *buf, size_t len,
                    const px_elide_values *values, size_t memory_budget, pith_error *err)
{
    if (values && !values->n && !values->nruns)
        values = NULL;
    memset(doc, 0, sizeof *doc);
    doc->a = a;
    doc->html = doc->head = doc->body = -1;
    px_arena_init(&doc->arena, a, memory_budget);
    doc->gopt = kGumboDefaultOptions;
    doc->gopt.allocator = px_arena_alloc;
    doc->gopt.deallocator = px_arena_free;
    doc->gopt.userdata = &doc->arena;
    /* Errors are only collected for tooling; we never read them. */
    doc->gopt.max_errors = 0;
    doc->out = run_gumbo(doc, buf, len);
    if (!doc->out) {
        if (doc->arena.failure == PITH_ERR_LIMIT)
            return px_error(err, PITH_ERR_LIMIT,
                            "the page needs more than the parse memory limit of %zu bytes",
                            memory_budget);
        return px_error(err, PITH_ERR_NOMEM, "out of memory while parsing");
    }

    /* One walk over Gumbo's tree, which lies all over the arena: the array
     * grows as it fills instead of a first walk that counts the nodes
     * (that walk was half of this function's time, in cache misses). With
     * attribute values and text runs elided, the corpus pages hold a node
     * per 6 to 80 bytes of what Gumbo is handed (15 on the median page, 10
     * at the 5th percentile): 8 leaves 99 % of them unmoved, and room never
     * used is never touched. */
    size_t cap = len / 8 + 64;
    doc->nodes = px_malloc(a, cap * sizeof *doc->nodes);
    if (!doc->nodes)
        return px_error(err, PITH_ERR_NOMEM, "out of memory while parsing");
    /* Most pages hold no character that px_strip_controls removes: then
     * none of their strings needs reading for one. */
    bool strip = px_may_need_strip(buf, len);

    /* Preorder copy; the stack holds indices of open ancestors. Comments are
     * skipped. */
    GumboNode *g = doc->out->document;
    int parent = -1;
    int n = 0;
    for (;;) {
        bool keep = g->type != GUMBO_NODE_COMMENT;
        int idx = -1;
        if (keep) {
            if ((size_t)n == cap) {
                px_node *grown = cap <= (size_t)INT_MAX / 2
                                     ? px_realloc(a, doc->nodes, 2 * cap * sizeof *doc->nodes)
                                     : NULL;
                if (!grown)
                    return px_error(err, PITH_ERR_NOMEM, "out of memory while parsing");
                doc->nodes = grown;
                cap *= 2;
            }
            idx = n++;
            px_node *nd = &doc->nodes[idx];
            memset(nd, 0, sizeof *nd);
            nd->g = g;
            nd->parent = parent;
            nd->first = nd->next = nd->last = -1;
            nd->depth = parent >= 0 ? doc->nodes[parent].depth + 1 : 0;
            if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
                nd->kind = PX_ELEMENT;
                nd->tag = (unsigned short)g->v.element.tag;
                if (values)
                    px_elide_restore(values, g, buf, len);
                if (is_inline_tag(nd->tag))
                    nd->flags |= PX_INLINE;
                if (nd->tag == GUMBO_TAG_HTML && doc->html < 0)
                    doc->html = idx;
                else if (nd->tag == GUMBO_TAG_HEAD && doc->head < 0)
                    doc->head = idx;
                else if (nd->tag == GUMBO_TAG_BODY && doc->body < 0)
                    doc->body = idx;
            } else {
                nd->kind = g->type == GUMBO_NODE_DOCUMENT ? PX_ELEMENT : PX_TEXT;
                nd->tag = GUMBO_TAG_UNKNOWN;
                if (values && g->type == GUMBO_NODE_TEXT &&
                    px_elide_restore_text(values, g, buf, len, arena_alloc, &doc->arena))
                    return px_error(err, PITH_ERR_NOMEM, "out of memory while parsing");
            }
            if (strip)
                clean(g);
            if (parent >= 0) {
                px_node *p = &doc->nodes[parent];
                if (p->last >= 0)
                    doc->nodes[p->last].next = idx;
                else
                    p->first = idx;
                p->last = idx;
                if (nd->kind == PX_TEXT && !blank(g->v.text.text))
                    p->flags |= PX_HAS_TEXT;
                if (nd->flags & PX_INLINE)
                    p->flags |= PX_HAS_PHRASING;
                if ((p->flags & PX_IN_LINK) || (p->tag == GUMBO_TAG_A && p->kind == PX_ELEMENT))
                    nd->flags |= PX_IN_LINK;
                if ((p->flags & PX_IN_CODE) ||
                    (p->kind == PX_ELEMENT && (p->tag == GUMBO_TAG_PRE || p->tag == GUMBO_TAG_CODE)))
                    nd->flags |= PX_IN_CODE;
            }
        }
        GumboVector *kids = keep ? children_of(g) : NULL;
        if (kids && kids->length) {
            parent = idx;
            g = kids->data[0];
            continue;
        }
        if (idx >= 0)
            doc->nodes[idx].end = idx + 1;
        /* Climb until a next sibling exists, closing subtrees as we go. */
        for (;;) {
            if (g == doc->out->document) {
                doc->n = n;
                settle_undefined(doc);
                return PITH_OK;
            }
            GumboNode *p = g->parent;
            GumboVector *pk = children_of(p);
            size_t i = g->index_within_parent + 1;
            if (i < pk->length) {
                g = pk->data[i];
                break;
            }
            g = p;
            doc->nodes[parent].end = n;
            parent = doc->nodes[parent].parent;
        }
    }
}

void px_doc_free(px_doc *doc)
{
    /* One sweep instead of Gumbo's recursive teardown. */
    px_arena_release(&doc->arena);
    px_free(doc->a, doc->nodes);
    doc->out = NULL;
    doc->nodes = NULL;
}

const char *px_tag_name(const px_node *nd, char *scratch, size_t cap)
{
    if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
        return "";
    if (nd->tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname((GumboTag)nd->tag);
    return px_source_tag_name(nd->g->v.element.original_tag, scratch, cap);
}

const char *px_source_tag_name(GumboStringPiece s, char *scratch, size_t cap)
{
    /* Custom elements: take the name from the source, "<my-widget ...". */
    size_t i = 0, j = 0;
    if (s.length && s.data[0] == '<')
        i = 1;
    while (i < s.length && j + 1 < cap) {
        char c = s.data[i++];
        if (c == '>' || c == '/' || px_ascii_is_space((unsigned char)c))
            break;
        scratch[j++] = (char)px_ascii_lower((unsigned char)c);
    }
    scratch[j] = '\0';
    return scratch;
}

const char *px_attr(const px_node *nd, const char *name)
{
    if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
        return NULL;
    /* Gumbo lower-cases attribute names, and ours are lower case: a plain
     * comparison, first byte first, instead of gumbo_get_attribute's
     * strcasecmp on every attribute. */
    const GumboVector *attrs = &nd->g->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *at = attrs->data[i];
        if (at->name[0] == name[0] && !strcmp(at->name, name))
            return at->value;
    }
    return NULL;
}

/* Control characters, raw or as references (&#27;), would reach a terminal
 * or make the HTML output ill-formed XML: they go here, once, so that no
 * stage and no format sees them. The strings are Gumbo's, in our arena,
 * and only shrink. */
static void clean(GumboNode *g)
{
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
        const GumboVector *attrs = &g->v.element.attributes;
        for (unsigned i = 0; i < attrs->length; i++) {
            GumboAttribute *at = attrs->data[i];
            char *v = (char *)at->value;
            px_strip_controls(v, strlen(v));
        }
    } else if (g->type != GUMBO_NODE_DOCUMENT && g->type != GUMBO_NODE_COMMENT) {
        char *t = (char *)g->v.text.text;
        px_strip_controls(t, strlen(t));
    }
}

const char *px_text(const px_node *nd, size_t *len)
{
    const char *t = nd->g->v.text.text;
    *len = strlen(t);
    return t;
}
