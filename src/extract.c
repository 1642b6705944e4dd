/*
 * Stages 3 and 4: the rules and scoring (px_apply_rules, steps 1-2), then,
 * once the title is known, keep the main content and clean it
 * (px_extract_content, steps 3-5). pith.c runs them in that order.
 *
 *  1. prune: the rule engine drops what never holds article text (script,
 *     nav, hidden elements, share bars...) and scores the rest;
 *  2. text rules drop blocks by their words (ad labels, teasers);
 *  3. the container of greatest worth (score.c) wins, narrowed to a child
 *     when the rest of it holds no real paragraph;
 *  4. inside it, link lists, widgets and trailing headings are dropped;
 *  5. when no container wins, the good paragraphs of the page are kept.
 *
 * Over 700 lines, but one idea: which blocks are the article. The steps
 * share their thresholds (the px_tuning table) and their measures.
 */
#include "page.h"

#include <string.h>
#include "ascii.h"
#include "metadata.h"
#include "text.h"

/* A container must be worth this much to win; below it the page-wide
 * fallback keeps whatever prose there is. */
#define MIN_ROOT_VALUE 60.0f
/* A page with this many teasers and less text of its own is a listing. */
#define MIN_TEASERS 4
#define MIN_ARTICLE_CHARS 150
/* Inside the article, this many teasers side by side are a teaser list. */
#define MIN_TEASER_LIST 2
/* The longest summary of a teaser: on a listing, and in a list of related
 * posts inside an article (whose excerpts run longer). */
#define LISTING_SUMMARY 400
#define LIST_SUMMARY 700
/* Prose the content must keep without a teaser list for the list to go. */
#define MIN_REST_PROSE 200
/* The longest average cell of a table of data; a layout table's cells
 * hold the page. */
#define MAX_DATA_CELL 80
/* The longest item of a collection's list: a title and its summary. */
#define MAX_DESCRIBED_LINK 400
/* A short reply says a sentence of at least this many characters. */
#define MIN_SENTENCE 15

static const px_tuning tunings[] = {
    /* narrow, drop score, veto %, trailing, fragments, teasers, boxes, tail */
    {0.6f, -25, 50, true, false, true, true, false},     /* balanced */
    {0.5f, -15, 70, true, true, true, true, true},       /* precision: less junk */
    {0.95f, -100, 20, false, false, false, false, false}, /* recall: no text lost */
};

const px_tuning *px_tuning_for(unsigned flags)
{
    if (flags & PITH_FAVOR_PRECISION)
        return &tunings[1];
    if (flags & PITH_FAVOR_RECALL)
        return &tunings[2];
    return &tunings[0];
}

static void drop(px_page *pg, int i, enum px_why why)
{
    pg->doc.nodes[i].flags |= PX_DROP;
    pg->info[i].why = (unsigned char)why;
}

static bool dropped(const px_page *pg, int i) { return pg->doc.nodes[i].flags & PX_DROP; }

/* Preorder over the subtree of root, skipping dropped subtrees. */
#define FOR_KEPT(pg, i, root)                                                  \
    for (int i = (root); i < (pg)->doc.nodes[root].end;                        \
         i = dropped(pg, i) ? (pg)->doc.nodes[i].end : i + 1)

/* Elements whose text is never page text, whatever the rules say. (Not
 * <noscript>: a page may wrap everything in one through an unclosed tag,
 * or serve its post there; the rules score it down instead.) */
static bool never_text(const px_node *nd)
{
    switch (nd->tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION:
        return true;
    default:
        return nd->g && nd->g->type == GUMBO_NODE_TEMPLATE;
    }
}

/* Does an inline style hide the element? Looks for "display:none" or
 * "visibility:hidden" as declarations, ignoring case and spaces. */
static bool style_hides(const char *st)
{
    static const char decl[][2][12] = {{"display", "none"}, {"visibility", "hidden"}};
    for (const char *p = st; *p; p++) {
        if (p != st && p[-1] != ';' && p[-1] != ' ' && p[-1] != '"' && p[-1] != '\t')
            continue;
        for (size_t k = 0; k < 2; k++) {
            size_t pl = strlen(decl[k][0]), vl = strlen(decl[k][1]);
            if (!px_ascii_ieq(p, decl[k][0], pl) || strnlen(p, pl) < pl)
                continue;
            const char *q = p + pl;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q++ != ':')
                continue;
            while (*q == ' ' || *q == '\t')
                q++;
            if (strnlen(q, vl) == vl && px_ascii_ieq(q, decl[k][1], vl) &&
                (q[vl] == '\0' || q[vl] == ';' || q[vl] == ' ' || q[vl] == '!'))
                return true;
        }
    }
    return false;
}

static bool hidden(const px_node *nd)
{
    const char *v;
    if (px_attr(nd, "hidden"))
        return true;
    if ((v = px_attr(nd, "aria-hidden")) && px_ascii_ieq(v, "true", 5))
        return true;
    return (v = px_attr(nd, "style")) && style_hides(v);
}

/* Drops what is never text and what the page hides, then measures the
 * prose of the page so that the rules below can be overruled where they
 * would drop the article. Hidden copies of the article (schema.org blocks)
 * are not prose; but where everything is hidden, hidden text is all
 * there is, and it comes back. */
static void measure(px_page *pg)
{
    px_node *nodes = pg->doc.nodes;
    bool any_hidden = false;
    for (int i = 0; i < pg->doc.n; i++) {
        px_info *in = &pg->info[i];
        in->drop_rule = in->score_rule = in->ab_rule = -1;
        in->rule_score = 0;
        in->link_list = in->shown = false;
        in->why = WHY_NONE;
        if (nodes[i].kind != PX_ELEMENT || (nodes[i].flags & PX_DROP))
            continue;
        if (never_text(&nodes[i]))
            drop(pg, i, WHY_RULE);
        else if (nodes[i].g->type != GUMBO_NODE_DOCUMENT && hidden(&nodes[i])) {
            drop(pg, i, WHY_HIDDEN);
            any_hidden = true;
        }
    }
    pg->prose = 0;
    px_score(pg);
    pg->prose = pg->info[0].para_chars;
    if (any_hidden && pg->prose < 200) {
        for (int i = 0; i < pg->doc.n; i++)
            if (pg->info[i].why == WHY_HIDDEN) {
                nodes[i].flags &= ~(unsigned)PX_DROP;
                pg->info[i].why = WHY_NONE;
                pg->info[i].shown = true;
            }
        px_score(pg);
        pg->prose = pg->info[0].para_chars;
    }
}

/* Is element i phrasing inside a block's text, such as a link in a
 * sentence? Lists hide affiliate links and the like, which in a browser
 * leaves a gap; in the text it would cut words out of the sentence. A
 * label standing alone in its block is not in a sentence. */
static bool in_sentence(const px_page *pg, int i)
{
    if (!(pg->doc.nodes[i].flags & PX_INLINE))
        return false;
    /* Text of its own in any element from the parent up to its block. */
    int b = pg->info[i].owner;
    for (int p = pg->doc.nodes[i].parent; p >= 0; p = pg->doc.nodes[p].parent) {
        if (pg->doc.nodes[p].flags & PX_HAS_TEXT)
            return true;
        if (p == b || !(pg->doc.nodes[p].flags & PX_INLINE))
            break;
    }
    return false;
}

/* Is element i hidden by its own markup but brought back by measure() as
 * the page's text, and does it hold most of it? A page that shows its
 * article by a script (WeChat's "#js_content" is visibility:hidden until
 * then) has nothing else to show; the rules that drop hidden elements say
 * what measure() already weighed, and a short post (under the guard's two
 * paragraphs and 400 characters) would go whole. */
static bool shown_text(const px_page *pg, int i)
{
    const px_info *in = &pg->info[i];
    return in->shown && in->paras >= 1 && 100 * in->para_chars > pg->tune->veto_percent * pg->prose;
}

static void prune(px_page *pg)
{
    px_node *nodes = pg->doc.nodes;
    for (int i = 0; i < pg->doc.n;) {
        px_node *nd = &nodes[i];
        px_info *in = &pg->info[i];
        if (nd->flags & PX_DROP) {
            i = nd->end;
            continue;
        }
        /* Code is verbatim: a highlighter's spans (hljs-comment, c1, gp)
         * are named like page furniture, but they are the code. */
        if (nd->kind == PX_ELEMENT && nd->g->type != GUMBO_NODE_DOCUMENT && !(nd->flags & PX_IN_CODE)) {
            px_verdict v = {false, 0, -1, -1, false};
            px_rules_match_element(pg->rs, pg->scratch, nd, &v);
            /* The lists only add drops, and the veto below guards the
             * prose from them as from any rule. A list is written for
             * browsers, not for pith, so its drops together may also take
             * no more of the page's prose than a single rule may. */
            bool ab = !v.drop && pg->ab && !in_sentence(pg, i) &&
                      (in->ab_rule = px_adblock_match(pg->ab, &pg->abp, &pg->doc, i)) >= 0;
            bool ab_over = ab && 100 * (pg->ab_prose + in->para_chars) > pg->tune->veto_percent * pg->prose;
            v.drop |= ab;
            in->rule_score = v.score;
            in->score_rule = v.score_rule;
            /* The guard: a class name is weaker evidence than the text,
             * unless a user's drop! says he knows better; and the part of
             * the article that the page's own markup says a paywall
             * hides is the article's, whatever its class ("paywall"). */
            if (v.drop && ((!v.force && (px_holds_article(pg, i) || shown_text(pg, i) ||
                                         px_meta_paid_part(pg->meta, px_attr(nd, "class")))) ||
                           ab_over)) {
                in->drop_rule = v.drop_rule;
                in->why = WHY_VETO;
            } else if (v.drop) {
                in->drop_rule = v.drop_rule;
                if (ab)
                    pg->ab_prose += in->para_chars;
                drop(pg, i, WHY_RULE);
                for (int j = i + 1; j < nd->end; j++) {
                    pg->info[j].drop_rule = pg->info[j].score_rule = pg->info[j].ab_rule = -1;
                    pg->info[j].rule_score = 0;
                    pg->info[j].why = WHY_OUTSIDE;
                }
                i = nd->end;
                continue;
            }
        }
        i++;
    }
}

void px_node_text(const px_page *pg, int root, px_buf *out)
{
    bool pending = false;
    FOR_KEPT(pg, i, root) {
        const px_node *nd = &pg->doc.nodes[i];
        if (dropped(pg, i))
            continue;
        if (nd->kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(nd, &len);
            px_append_folded(out, t, len, &pending);
        } else if (!(nd->flags & PX_INLINE) || nd->tag == GUMBO_TAG_BR) {
            pending = true;
        }
    }
}

/* A <pre> or <code>, or anything inside one: its text is code, which no
 * text rule reads ("# Share the cache" is a comment, not a share bar). */
static bool is_code(const px_node *nd)
{
    return (nd->flags & PX_IN_CODE) || nd->tag == GUMBO_TAG_PRE || nd->tag == GUMBO_TAG_CODE;
}

/* Is element i a block the text rules look at? Blocks, and phrasing
 * elements that stand alone in a block (an ad label in a <span>). */
static bool text_candidate(const px_page *pg, int i)
{
    const px_node *nd = &pg->doc.nodes[i];
    if (nd->kind != PX_ELEMENT || nd->g->type == GUMBO_NODE_DOCUMENT || is_code(nd))
        return false;
    if (!(nd->flags & PX_INLINE))
        return nd->tag != GUMBO_TAG_BODY && nd->tag != GUMBO_TAG_HTML;
    int p = nd->parent;
    return p >= 0 && !(pg->doc.nodes[p].flags & PX_INLINE) &&
           !(pg->doc.nodes[p].flags & PX_HAS_TEXT) && (nd->flags & PX_HAS_TEXT);
}

/* Does the subtree of each node hold a table? Filled in one pass, on the
 * first text rule that would drop a node. */
static unsigned char *tables_below(const px_page *pg)
{
    unsigned char *t = px_calloc(pg->a, (size_t)pg->doc.n, 1);
    if (!t)
        return NULL;
    for (int i = pg->doc.n - 1; i >= 0; i--) {
        t[i] |= pg->doc.nodes[i].tag == GUMBO_TAG_TABLE && pg->doc.nodes[i].kind == PX_ELEMENT;
        if (t[i] && pg->doc.nodes[i].parent >= 0)
            t[pg->doc.nodes[i].parent] = 1;
    }
    return t;
}

/* Is text node nd white space only? */
static bool blank_text(const px_node *nd)
{
    size_t len;
    const char *t = px_text(nd, &len);
    for (size_t k = 0; k < len; k++)
        if (!px_ascii_is_space((unsigned char)t[k]))
            return false;
    return true;
}

/* The longest line of a block's own words read as a block: a label, a
 * placeholder or a one-line plea. A longer line is a paragraph of the
 * text, which the rules judge with the block. */
#define MAX_WORD_LINE 100

/* In a block of running text split by <br>s (a portal's article body is
 * one), a line is what stands between two breaks, a break and a block
 * inside it (an embed), or either and the block's edge. A line made of
 * two or more elements alone, with no text of the block's own
 * ("<strong>[Related]</strong> <a>headline</a>"), of one element that
 * holds no link ("<strong>Simak Video ...</strong>"), or of the block's
 * own words alone ("[Gambas:Video 20detik]") is a block of its own to the
 * text rules: a teaser there is a line, not a paragraph. What a rule
 * drops of a line goes. A lone link on a line of its own (a list of shop
 * links) is a link and is not read, nor is a line that mixes the block's
 * words and elements (a sentence with a link in it). */
static void text_lines(px_page *pg, int blk, size_t cap, px_buf *b)
{
    const px_node *nodes = pg->doc.nodes;
    int from = -1, elems = 0;
    bool brs = false, own = false;
    for (int c = nodes[blk].first;; c = nodes[c].next) {
        bool br = c >= 0 && nodes[c].kind == PX_ELEMENT && nodes[c].tag == GUMBO_TAG_BR;
        bool edge = c >= 0 && nodes[c].kind == PX_ELEMENT && !(nodes[c].flags & PX_INLINE);
        brs |= br;
        if (c < 0 || br || edge) {
            bool words = own && !elems;
            bool label = elems == 1 && !own && nodes[from].tag != GUMBO_TAG_A && !pg->info[from].link;
            if (brs && (words || label || (elems >= 2 && !own))) {
                b->len = 0;
                for (int k = from; k != c; k = nodes[k].next)
                    if (!dropped(pg, k) && (nodes[k].kind != PX_TEXT || !blank_text(&nodes[k]))) {
                        if (b->len)
                            px_buf_append(b, " ", 1);
                        px_node_text(pg, k, b);
                    }
                if (!b->oom && b->len && b->len <= cap && (!words || px_utf8_count(b->data, b->len) <= MAX_WORD_LINE)) {
                    px_verdict v = {false, 0, -1, -1, false};
                    px_rules_match_text(pg->rs, pg->scratch, &nodes[from], b->data, b->len, &v);
                    for (int k = from; v.drop && k != c; k = nodes[k].next)
                        if (!dropped(pg, k)) {
                            pg->info[k].drop_rule = v.drop_rule;
                            drop(pg, k, WHY_TEXT_RULE);
                        }
                }
            }
            if (c < 0)
                break;
            from = -1;
            elems = 0;
            own = false;
            continue;
        }
        if (dropped(pg, c))
            continue;
        if (nodes[c].kind == PX_TEXT) {
            if (blank_text(&nodes[c]))
                continue;
            own = true;
        } else {
            elems++;
        }
        if (from < 0)
            from = c;
    }
}

/* Runs the text rules over block i as a whole. False when out of memory. */
static bool block_rules(px_page *pg, int i, size_t cap, bool text_only, px_buf *b, unsigned char **table)
{
    const px_info *in = &pg->info[i];
    /* A phrasing element standing among blocks (a stray link between
     * paragraphs: "skip past newsletter promotion") counts its own text
     * toward its block: its size is at most the blocks inside it and the
     * text its block owns. */
    bool loose = pg->doc.nodes[i].flags & PX_INLINE;
    int size = loose ? in->chars + pg->info[in->owner].own_chars : in->chars;
    if (!size || (size_t)size > cap * 3)
        return true;
    int p = pg->doc.nodes[i].parent, body = pg->doc.body;
    if (text_only && p >= 0 && p != body && text_candidate(pg, p) && pg->info[p].chars == in->chars &&
        (size_t)pg->info[p].chars <= cap * 3)
        return true;
    b->len = 0;
    px_node_text(pg, i, b);
    if (b->oom)
        return false;
    if (loose && !b->len)
        return true;
    px_verdict v = {false, 0, -1, -1, false};
    px_rules_match_text(pg->rs, pg->scratch, &pg->doc.nodes[i], b->data ? b->data : "", b->len, &v);
    pg->info[i].rule_score += v.score;
    if (v.score_rule >= 0)
        pg->info[i].score_rule = v.score_rule;
    /* A text rule names a line: a caption ("Table 1: ..."), a label.
     * Where the line and a table share an element, the rule is for the
     * line, which its own block meets; the table is data. */
    if (v.drop && pg->doc.nodes[i].tag != GUMBO_TAG_TABLE && !*table)
        *table = tables_below(pg);
    if (v.drop && (pg->doc.nodes[i].tag == GUMBO_TAG_TABLE || !*table || !(*table)[i])) {
        pg->info[i].drop_rule = v.drop_rule;
        drop(pg, i, v.box ? WHY_BOX_LABEL : WHY_TEXT_RULE);
    }
    return true;
}

static int text_rules(px_page *pg)
{
    if (!px_rules_has_text(pg->rs) || pg->doc.body < 0)
        return PITH_OK;
    size_t cap = px_rules_text_cap(pg->rs);
    /* Rules without maxlen are anchored patterns; past this size a block is
     * prose, and running them over it would only cost time. */
    if (!cap || cap > 1000)
        cap = 1000;
    px_buf b;
    px_buf_init(&b, pg->a);
    /* When the rules read only the text, a wrapper holding no text beside
     * its one child says what the child says: test the outermost only. */
    bool text_only = px_rules_text_only(pg->rs);
    unsigned char *table = NULL;
    FOR_KEPT(pg, i, pg->doc.body) {
        if (dropped(pg, i) || !text_candidate(pg, i))
            continue;
        if (!block_rules(pg, i, cap, text_only, &b, &table))
            break;
        /* the lines of a block that stays, once the block is judged whole
         * (dropping a line first would change what the block says) */
        if (!dropped(pg, i) && !(pg->doc.nodes[i].flags & PX_INLINE) && (pg->doc.nodes[i].flags & PX_HAS_TEXT))
            text_lines(pg, i, cap, &b);
    }
    px_free(pg->a, table);
    bool oom = b.oom;
    px_buf_free(&b);
    return oom ? PITH_ERR_NOMEM : PITH_OK;
}

/* Forms hold search boxes and comment fields, but some sites (ASP.NET) wrap
 * the whole page in one: keep a form only when it holds real paragraphs. */
static bool drop_forms(px_page *pg)
{
    bool any = false;
    FOR_KEPT(pg, i, 0) {
        if (!dropped(pg, i) && pg->doc.nodes[i].tag == GUMBO_TAG_FORM &&
            pg->doc.nodes[i].kind == PX_ELEMENT && pg->info[i].paras < 2) {
            drop(pg, i, WHY_FORM);
            any = true;
        }
    }
    return any;
}

/* How much a negative rule score leaves of what lies below the node (the
 * same scale as score.c): a region the rules call a gallery, a sidebar or
 * a footer discounts every container inside it, not only itself. */
static float region_factor(const px_page *pg, int i)
{
    int s = pg->info[i].rule_score;
    if (s >= 0 || px_holds_article(pg, i))
        return 1;
    float f = 1.0f + (float)s / 50.0f;
    return f > 0 ? f : 0;
}

/* Does the article go on beside node i? Its siblings that are paragraphs
 * of prose themselves (not containers, which may be sidebars of teasers),
 * or lists of links that are article text (mark_link_lists), hold a real
 * share of its prose: a wiki page whose lists of links sink the worth of
 * the whole body, an intro above a gallery, a "links of the week" post
 * whose one paragraph opens its lists (in the same element, or each under
 * its heading in a block of its own). The parent then holds the article;
 * clean() drops the other link lists inside it. */
static bool heading_like(const px_page *pg, int i);

/* The characters of the lists of links in block c, when c is a block of
 * its own around a heading and such lists and nothing else (a content
 * element of TYPO3 or Contao, seen through its wrappers), else 0. */
static int link_list_block(const px_page *pg, int c)
{
    for (;;) {
        int only = -1, lists = 0;
        bool other = false;
        for (int k = pg->doc.nodes[c].first; k >= 0; k = pg->doc.nodes[k].next) {
            if (dropped(pg, k) || !pg->info[k].chars)
                continue;
            if (pg->info[k].chars == pg->info[c].chars && pg->doc.nodes[k].kind == PX_ELEMENT)
                only = k;
            if (pg->info[k].link_list)
                lists += pg->info[k].chars;
            else if (pg->doc.nodes[k].kind != PX_ELEMENT || !heading_like(pg, k))
                other = true;
        }
        if (only >= 0 && !pg->info[only].link_list) {
            c = only;
            continue;
        }
        return other ? 0 : lists;
    }
}

static bool continued(const px_page *pg, int i)
{
    int p = pg->doc.nodes[i].parent;
    if (p < 0 || p == pg->doc.body || pg->doc.nodes[p].kind != PX_ELEMENT ||
        pg->doc.nodes[p].g->type == GUMBO_NODE_DOCUMENT)
        return false;
    int sib = 0;
    for (int c = pg->doc.nodes[p].first; c >= 0; c = pg->doc.nodes[c].next) {
        const px_info *in = &pg->info[c];
        if (c == i || dropped(pg, c))
            continue;
        if (in->link_list)
            sib += in->chars;
        else if (in->owner == c && px_is_good_para(in->own_chars, in->own_link, in->own_punct))
            sib += in->own_chars;
        else if (pg->doc.nodes[c].kind == PX_ELEMENT)
            sib += link_list_block(pg, c);
    }
    return sib >= 200 && 4 * sib >= pg->info[i].para_chars;
}

/* Does a child of p other than `keep` hold code (a <pre> with text)? The
 * subtrees read are those narrowing leaves behind, so over all the steps
 * of narrowing each node is read once. */
static bool code_beside(const px_page *pg, int p, int keep)
{
    for (int c = pg->doc.nodes[p].first; c >= 0; c = pg->doc.nodes[c].next) {
        if (c == keep || dropped(pg, c))
            continue;
        FOR_KEPT(pg, j, c) {
            if (!dropped(pg, j) && pg->doc.nodes[j].kind == PX_ELEMENT &&
                pg->doc.nodes[j].tag == GUMBO_TAG_PRE && pg->info[j].chars > 0)
                return true;
        }
    }
    return false;
}

static int choose_root(const px_page *pg)
{
    int best = -1;
    float bv = 0;
    int body = pg->doc.body >= 0 ? pg->doc.body : 0;
    /* The discount each node inherits from the regions around it, filled
     * in document order (parents first); <body> passes none down, whatever
     * its classes say. Without memory, no discount. */
    float *disc = px_malloc(pg->a, (size_t)pg->doc.n * sizeof *disc);
    for (int i = body; i < pg->doc.nodes[body].end; i = dropped(pg, i) ? pg->doc.nodes[i].end : i + 1) {
        const px_node *nd = &pg->doc.nodes[i];
        float d = 1;
        if (disc) {
            int p = nd->parent;
            d = i == body || p == body || p < 0 ? 1 : disc[p] * region_factor(pg, p);
            disc[i] = d;
        }
        if (nd->kind != PX_ELEMENT || (nd->flags & PX_INLINE) || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        float v = pg->info[i].value * d;
        /* Ties go to the deeper node: it holds the same worth with less
         * around it. */
        if (v > bv || (v == bv && best >= 0 && nd->depth > pg->doc.nodes[best].depth)) {
            bv = v;
            best = i;
        }
    }
    px_free(pg->a, disc);
    if (best < 0 || bv < MIN_ROOT_VALUE)
        return -1;
    /* Narrow down while one child holds most of the worth and its siblings
     * hold no paragraph of their own, and no code: a short page of
     * documentation is a paragraph and the code it introduces. */
    for (;;) {
        int pick = -1;
        for (int c = pg->doc.nodes[best].first; c >= 0; c = pg->doc.nodes[c].next) {
            if (dropped(pg, c) || pg->doc.nodes[c].kind != PX_ELEMENT)
                continue;
            if (pg->info[c].value >= pg->tune->narrow_share * pg->info[best].value &&
                pg->info[c].paras == pg->info[best].paras && pg->info[c].paras > 0)
                pick = c;
        }
        if (pick < 0 || (pg->doc.nodes[pick].flags & PX_INLINE) || code_beside(pg, best, pick))
            break;
        best = pick;
    }
    for (;;) {
        /* Wrappers around the root hold nothing else: look past them. */
        int top = best;
        while (pg->doc.nodes[top].parent >= 0 && pg->doc.nodes[top].parent != pg->doc.body &&
               pg->info[pg->doc.nodes[top].parent].chars == pg->info[top].chars)
            top = pg->doc.nodes[top].parent;
        if (!continued(pg, top))
            break;
        best = pg->doc.nodes[top].parent;
    }
    return best;
}

static bool is_heading(unsigned tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

/* A few words without a sentence's punctuation: a label, not prose. The
 * items of a list and the cells of a table are its content, however short
 * ("Spain: 11th entry", "1991"). */
static bool short_label(const px_page *pg, int i)
{
    const px_info *in = &pg->info[i];
    unsigned tag = pg->doc.nodes[i].tag;
    return in->own_chars < 40 && !in->own_punct && tag != GUMBO_TAG_LI && tag != GUMBO_TAG_DD &&
           tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH;
}

/* A heading that says the title again: the title is printed once. As the
 * title itself it is the headline, above the first paragraph (headline);
 * as a reply's "Re: title" (or "AW:", "Sv:"...) it heads each post of a
 * thread, wherever it stands. */
static bool repeats_title(const px_page *pg, int i, bool headline)
{
    if (!pg->title || !*pg->title || (size_t)pg->info[i].chars > 3 * strlen(pg->title))
        return false;
    px_buf b;
    px_buf_init(&b, pg->a);
    px_node_text(pg, i, &b);
    const char *t = b.data ? b.data : "";
    const char *colon = strchr(t, ':');
    bool same = (headline && !strcmp(t, pg->title)) ||
                (colon && colon - t <= 3 && colon[1] == ' ' && !strcmp(colon + 2, pg->title));
    px_buf_free(&b);
    return same;
}

/* Is node i a short phrase inside a paragraph of prose? A dateline or a
 * date in a <span> at the start of a sentence is part of the sentence: a
 * class name is no reason to cut it out. (A caption in a <span> is most of
 * its paragraph, and goes.) */
static bool inside_prose(const px_page *pg, int i)
{
    if (!(pg->doc.nodes[i].flags & PX_INLINE))
        return false;
    const px_info *o = &pg->info[pg->info[i].owner];
    int rest = o->own_chars - pg->info[i].chars;
    return o->chars == o->own_chars && px_is_good_para(rest, o->own_link, o->own_punct) &&
           rest >= 3 * pg->info[i].chars;
}

static bool good_para(const px_info *in)
{
    return px_is_good_para(in->own_chars, in->own_link, in->own_punct);
}

/* A heading or a label, which means nothing once the text after it is
 * gone. A "heading" that holds a paragraph of prose is the text itself. */
static bool trailing_label(const px_page *pg, int i)
{
    const px_info *in = &pg->info[i];
    return (is_heading(pg->doc.nodes[i].tag) && !good_para(in)) || short_label(pg, i);
}

/* The byline or dateline the metadata names ("By Jane Doe", "March 15,
 * 2022"), standing alone in the body: it is metadata, not article text. */
static bool is_byline(const px_page *pg, int i)
{
    if (!pg->meta)
        return false;
    px_buf b;
    px_buf_init(&b, pg->a);
    px_node_text(pg, i, &b);
    bool yes = !b.oom && px_meta_is_byline(pg->meta, b.data ? b.data : "", b.len);
    px_buf_free(&b);
    return yes;
}

/* Is table t a table of data: rows of short cells, some of them (or a
 * header row) plain text? Its linked cells are names and titles (of films,
 * releases, people), not a menu, so it is kept or dropped whole. A layout
 * table holds long cells or other tables; a grid of links has no text of
 * its own. */
static bool data_table(const px_page *pg, int t)
{
    int rows = 0, cells = 0;
    bool th = false;
    for (int j = t + 1; j < pg->doc.nodes[t].end; j++) {
        const px_node *nd = &pg->doc.nodes[j];
        if (nd->kind != PX_ELEMENT)
            continue;
        if (nd->tag == GUMBO_TAG_TABLE)
            return false;
        rows += nd->tag == GUMBO_TAG_TR;
        cells += nd->tag == GUMBO_TAG_TD || nd->tag == GUMBO_TAG_TH;
        th |= nd->tag == GUMBO_TAG_TH;
    }
    const px_info *in = &pg->info[t];
    return rows >= 2 && 2 * cells >= 3 * rows && in->chars <= MAX_DATA_CELL * cells &&
           (th || 3 * (in->chars - in->link) >= in->chars);
}

static bool links_away(const px_page *pg, int i);

/* Is element i a heading whose text is one link to an anchor of this
 * page: the permalink title of a forum post ("Re: subject" linking #p123)?
 * It names the post; it is not a link away. */
static bool permalink_heading(const px_page *pg, int i)
{
    const px_info *in = &pg->info[i];
    return is_heading(pg->doc.nodes[i].tag) && in->chars > 0 && in->link == in->chars && !links_away(pg, i);
}

/* The parts under each node of the content that do not count against
 * it: parts that the rules score down, which go by themselves (a post's
 * author pane, its date line), and permalink headings; their worth and
 * their linked characters. */
typedef struct set_aside {
    float worth;
    int link;
    bool sentence; /* what is not set aside holds a sentence of unlinked text */
} set_aside;

/* A forum's short last reply is a line of text beside its poster's name
 * and its permalink: without them it is text with no link, worth what it
 * says. NULL without memory. */
static set_aside *set_aside_parts(const px_page *pg, int root)
{
    set_aside *aside = px_calloc(pg->a, (size_t)pg->doc.n, sizeof *aside);
    if (!aside)
        return NULL;
    /* Backwards: each node is done before its parent takes its share. */
    for (int j = pg->doc.nodes[root].end - 1; j > root; j--) {
        const px_node *nd = &pg->doc.nodes[j];
        if (nd->kind != PX_ELEMENT || dropped(pg, j))
            continue;
        const px_info *in = &pg->info[j];
        if ((in->rule_score <= pg->tune->drop_score && !px_holds_article(pg, j)) || permalink_heading(pg, j))
            aside[j] = (set_aside){in->value, in->link, false};
        else if (in->owner == j && !is_heading(nd->tag) && in->own_chars >= MIN_SENTENCE && in->own_punct &&
                 2 * in->own_link < in->own_chars)
            aside[j].sentence = true;
        aside[nd->parent].worth += aside[j].worth;
        aside[nd->parent].link += aside[j].link;
        aside[nd->parent].sentence |= aside[j].sentence;
    }
    return aside;
}

/* Is container i worth less than nothing: links and fragments? Not when
 * what is left without its set-aside parts is unlinked text worth
 * something, with a sentence in it (a label left alone, "More videos",
 * is no reply). */
static bool worthless(const px_page *pg, const set_aside *aside, int i)
{
    const px_info *in = &pg->info[i];
    if (in->value >= 0)
        return false;
    return !aside || !aside[i].link || in->link > aside[i].link || !aside[i].sentence ||
           in->value - aside[i].worth < 0;
}

/* Inside the content: drop what the scores say is not part of it. */
static void clean(px_page *pg, int root)
{
    int table_end = -1; /* the end of the data table being walked */
    set_aside *aside = set_aside_parts(pg, root);
    /* A heading that says the title again is the headline only above the
     * article's first paragraph; below it, it names a section that happens
     * to share the title's words ("Shipping" on a help page titled
     * "Shipping"), and its section would be left without a heading. */
    bool prose_seen = false;
    FOR_KEPT(pg, i, root) {
        if (i == root || dropped(pg, i))
            continue;
        px_node *nd = &pg->doc.nodes[i];
        px_info *in = &pg->info[i];
        if (nd->kind != PX_ELEMENT)
            continue;
        if (in->rule_score <= pg->tune->drop_score && !px_holds_article(pg, i) &&
            !inside_prose(pg, i)) {
            drop(pg, i, WHY_SCORE);
            continue;
        }
        if (nd->flags & PX_INLINE)
            continue;
        if (is_heading(nd->tag) && repeats_title(pg, i, !prose_seen)) {
            drop(pg, i, WHY_TITLE);
            continue;
        }
        prose_seen |= in->own_chars > 0 && good_para(in);
        if (i >= table_end && nd->tag == GUMBO_TAG_TABLE && data_table(pg, i))
            table_end = nd->end;
        /* A data table's cell that reads as the page's date ("September
         * 2025" in a row of releases) is a value of the table, not its
         * dateline: dropping it would shift the row's columns. */
        if (i >= table_end && !is_heading(nd->tag) && in->chars > 0 && in->chars <= 250 &&
            is_byline(pg, i)) {
            drop(pg, i, WHY_BYLINE);
            continue;
        }
        if (i < table_end)
            continue;
        bool has_own = in->own_chars > 0;
        bool has_blocks = in->chars > in->own_chars;
        /* A block or a container worth less than nothing is links and
         * fragments: a share bar, a related list, a byline with links. */
        if (worthless(pg, aside, i) && (in->link > 0 || pg->tune->drop_fragments) &&
            (has_own || has_blocks) && !is_heading(nd->tag) && !(in->chars == in->own_chars && good_para(in)))
            drop(pg, i, WHY_LINKS);
    }
    px_free(pg->a, aside);
    /* What trails the last real text of the article is widget debris: a
     * heading whose widget was dropped, or labels such as "Contribute". */
    if (!pg->tune->drop_trailing)
        return;
    int last = -1;
    FOR_KEPT(pg, i, root) {
        const px_info *in = &pg->info[i];
        if (!dropped(pg, i) && in->owner == i && in->own_chars && !trailing_label(pg, i))
            last = i;
    }
    FOR_KEPT(pg, i, root) {
        const px_info *in = &pg->info[i];
        if (i > last && !dropped(pg, i) && pg->doc.nodes[i].kind == PX_ELEMENT &&
            in->owner == i && in->own_chars && trailing_label(pg, i))
            drop(pg, i, WHY_TRAILING);
    }
}

/* ---------------------------------------------------------------------
 * Lists of links that are the article's own text.
 */

/* The host of an absolute URL ("//h/..." or "scheme://h/..."), without
 * "www.", or NULL for a relative one; its length in *len. */
static const char *url_host(const char *u, size_t *len)
{
    const char *p = strstr(u, "//");
    if (!p || (p != u && (p[-1] != ':' || strcspn(u, "/?#") < (size_t)(p - u - 1))))
        return NULL;
    p += 2;
    if (px_ascii_ieq(p, "www.", 4) && strnlen(p, 4) == 4)
        p += 4;
    *len = strcspn(p, "/?#:");
    return p;
}

/* Does the path (n bytes) name a document to download, a file whose
 * extension is that of an office document, a PDF or an archive? A page's
 * list of forms and schedules links those, and they are no articles,
 * whatever their names ("/files/pokyny-zaverecna-praca.pdf"). */
static bool document_file(const char *path, size_t n)
{
    static const char exts[][6] = {"pdf", "doc",  "docx", "odt", "ods", "odp", "rtf",
                                   "xls", "xlsx", "ppt",  "pptx", "csv", "zip"};
    size_t dot = n;
    while (dot > 0 && path[dot - 1] != '.' && path[dot - 1] != '/')
        dot--;
    if (!dot || path[dot - 1] != '.')
        return false;
    for (size_t e = 0; e < sizeof exts / sizeof *exts; e++)
        if (strlen(exts[e]) == n - dot && px_ascii_ieq(path + dot, exts[e], n - dot))
            return true;
    return false;
}

/* Does href lead to another article of this site: a page of the page's
 * own host (a relative link, or the host of its canonical URL) whose path
 * ends in a slug of three words or more ("/news/virus-hits-jobs-5224") or
 * holds a year ("/2026/03/")? Related reading links there; the pull
 * requests of a release, the apps a post names, its sources and the
 * documents it offers do not. */
static bool same_site_article(const px_page *pg, const char *href)
{
    size_t hl = 0, pl = 0;
    const char *h = url_host(href, &hl);
    const char *page = pg->meta && pg->meta->url ? pg->meta->url : pg->url;
    const char *ph = page ? url_host(page, &pl) : NULL;
    if (h && (!ph || hl != pl || !px_ascii_ieq(h, ph, hl)))
        return false;
    const char *path = h ? h + hl : href;
    size_t n = strcspn(path, "?#");
    if (document_file(path, n))
        return false;
    int seps = 0, digits = 0;
    for (size_t k = 0; k < n; k++) {
        char c = path[k];
        if (c == '/') {
            if (digits == 4 || seps >= 2)
                return true;
            seps = digits = 0;
        } else if (c == '-' || c == '_') {
            seps++;
            digits = -100;
        } else {
            digits = c >= '0' && c <= '9' ? digits + 1 : -100;
        }
    }
    return seps >= 2 || digits == 4;
}

/* Does the text of element i open with a link? */
static bool opens_with_link(const px_page *pg, int i)
{
    FOR_KEPT(pg, j, i) {
        const px_node *nd = &pg->doc.nodes[j];
        if (!dropped(pg, j) && nd->kind == PX_TEXT && !blank_text(nd))
            return nd->flags & PX_IN_LINK;
    }
    return false;
}

/* Does the text of element i open with a link and then a dash or a colon
 * before the remark that follows it ("NVDA – Windows, the one I test with
 * first", "goleak: leak checks for tests")? That is how a list of
 * resources describes each of them, however long the remark. */
static bool link_then_remark(const px_page *pg, int i)
{
    bool linked = false;
    FOR_KEPT(pg, j, i) {
        const px_node *nd = &pg->doc.nodes[j];
        if (dropped(pg, j) || nd->kind != PX_TEXT || blank_text(nd))
            continue;
        if (nd->flags & PX_IN_LINK) {
            linked = true;
            continue;
        }
        if (!linked)
            return false;
        size_t len, k = 0;
        const char *t = px_text(nd, &len);
        while (k < len && px_ascii_is_space((unsigned char)t[k]))
            k++;
        static const char seps[][4] = {"-", ":", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "\xEF\xBC\x9A"};
        for (size_t s = 0; s < sizeof seps / sizeof *seps; s++) {
            size_t sl = strlen(seps[s]);
            if (len - k > sl && !memcmp(t + k, seps[s], sl) && px_ascii_is_space((unsigned char)t[k + sl]))
                return true;
        }
        /* A full-width colon needs no space after it. */
        return len - k >= 3 && !memcmp(t + k, "\xEF\xBC\x9A", 3);
    }
    return false;
}

/* Is list item i a bare link: a few words, most of them linked (or a
 * link first and a remark after it, as a "links of the week" post or a
 * list of resources gives them), with no thumbnail and no summary beside
 * it (a teaser card has both), leading off the page but not to another
 * article of the site? A link to an anchor of the page is a table of
 * contents, not text. */
static bool bare_link_item(const px_page *pg, int i)
{
    const px_info *in = &pg->info[i];
    /* A remark after the link may be a sentence of prose of its own (in
     * Chinese or Japanese 60 characters are one). */
    if (!in->chars || in->chars > 150 || (in->paras && !link_then_remark(pg, i)))
        return false;
    if (5 * in->link < 3 * in->chars && !(3 * in->link >= in->chars && opens_with_link(pg, i)) &&
        !link_then_remark(pg, i))
        return false;
    bool away = false;
    FOR_KEPT(pg, j, i) {
        const px_node *nd = &pg->doc.nodes[j];
        if (dropped(pg, j) || nd->kind != PX_ELEMENT)
            continue;
        if (nd->tag == GUMBO_TAG_IMG)
            return false;
        const char *href = nd->tag == GUMBO_TAG_A ? px_attr(nd, "href") : NULL;
        if (href && same_site_article(pg, href))
            return false;
        away |= href && *href && *href != '#';
    }
    return away;
}

/* Are the items of list l all bare links, at least min_items of them,
 * and each a link with a remark after it if `described`? In a <dl> the
 * items are the terms, and their remark is the <dd> after each. (One is enough
 * under a heading of its own, on a page whose other lists of links are
 * article text: the last heading of a "links of the month" post may give
 * a single link.) */
static bool bare_link_list(const px_page *pg, int l, int min_items, bool described)
{
    const px_node *nd = &pg->doc.nodes[l];
    if (nd->tag != GUMBO_TAG_UL && nd->tag != GUMBO_TAG_OL && nd->tag != GUMBO_TAG_DL)
        return false;
    int items = 0;
    bool term = false; /* in a <dl>: a term still waiting for its remark */
    for (int c = nd->first; c >= 0; c = pg->doc.nodes[c].next) {
        if (pg->doc.nodes[c].kind != PX_ELEMENT || dropped(pg, c))
            continue;
        unsigned tag = pg->doc.nodes[c].tag;
        if (nd->tag == GUMBO_TAG_DL && tag == GUMBO_TAG_DD) {
            term = false;
            continue;
        }
        if (tag != (nd->tag == GUMBO_TAG_DL ? GUMBO_TAG_DT : GUMBO_TAG_LI) || !bare_link_item(pg, c) ||
            (described && (nd->tag == GUMBO_TAG_DL ? term : !link_then_remark(pg, c))))
            return false;
        term = nd->tag == GUMBO_TAG_DL;
        items++;
    }
    return items >= min_items && !(described && term);
}

/* Marks element l and everything in it as a list of links that is
 * article text. */
static void mark_link_list(px_page *pg, int l)
{
    for (int j = l; j < pg->doc.nodes[l].end; j++)
        pg->info[j].link_list = true;
}

/* The one child element of i that holds all its text, or -1. */
static int only_child(const px_page *pg, int i)
{
    int only = -1;
    for (int c = pg->doc.nodes[i].first; c >= 0; c = pg->doc.nodes[c].next) {
        if (dropped(pg, c) || !pg->info[c].chars)
            continue;
        if (only >= 0 || pg->doc.nodes[c].kind != PX_ELEMENT || pg->info[c].chars != pg->info[i].chars)
            return -1;
        only = c;
    }
    return only;
}

/* Is element i a heading, or a wrapper around one and nothing else (the
 * <header> a content block of TYPO3 or Contao puts its <h2> in)? */
static bool heading_like(const px_page *pg, int i)
{
    while (i >= 0 && !is_heading(pg->doc.nodes[i].tag))
        i = only_child(pg, i);
    return i >= 0;
}

/* Is list item i a described link: one link that opens it, to another
 * page, then a summary of its own in unlinked text, a sentence at least
 * half as long as the link, and no picture? That is how a collection of
 * guides or forms lists its documents (GOV.UK's document list, the list
 * component of Adobe Experience Manager), whether its links lead to other
 * articles of the site or not. */
static bool described_link_item(const px_page *pg, int i)
{
    const px_info *in = &pg->info[i];
    int summary = in->chars - in->link;
    if (in->chars > MAX_DESCRIBED_LINK || in->link < 8 || summary < 20 || 2 * summary < in->link ||
        !opens_with_link(pg, i))
        return false;
    int links = 0, punct = 0;
    FOR_KEPT(pg, j, i) {
        const px_node *nd = &pg->doc.nodes[j];
        if (dropped(pg, j))
            continue;
        if (nd->kind == PX_TEXT) {
            if (!(nd->flags & PX_IN_LINK) && pg->info[j].counted)
                punct += pg->info[j].text_punct;
            continue;
        }
        if (nd->kind != PX_ELEMENT)
            continue;
        if (nd->tag == GUMBO_TAG_IMG)
            return false;
        const char *href = nd->tag == GUMBO_TAG_A ? px_attr(nd, "href") : NULL;
        if (href && (!*href || *href == '#'))
            return false;
        links += href != NULL;
    }
    return links == 1 && punct > 0;
}

/* The list that element c is, or wraps and holds nothing else, when its
 * items (two or more) are all described links; else -1. */
static int described_link_list(const px_page *pg, int c)
{
    while (c >= 0 && pg->doc.nodes[c].tag != GUMBO_TAG_UL && pg->doc.nodes[c].tag != GUMBO_TAG_OL)
        c = only_child(pg, c);
    if (c < 0)
        return -1;
    int items = 0;
    for (int k = pg->doc.nodes[c].first; k >= 0; k = pg->doc.nodes[k].next) {
        if (pg->doc.nodes[k].kind != PX_ELEMENT || dropped(pg, k))
            continue;
        if (pg->doc.nodes[k].tag != GUMBO_TAG_LI || !described_link_item(pg, k))
            return -1;
        items++;
    }
    return items >= 2 ? c : -1;
}

/* Is the list c, under a heading in element p, a section of a collection
 * page: in p or in one of the two elements around it, a paragraph of prose
 * before the list introduces the page, and that column holds more text
 * in lists than in prose? An article whose last heading opens a list of
 * related reading holds more prose than list; a section front has no
 * introduction. */
static bool collection_section(const px_page *pg, int p, int c)
{
    int body = pg->doc.body >= 0 ? pg->doc.body : 0;
    for (int up = 0; up < 3 && p > body; up++, p = pg->doc.nodes[p].parent) {
        FOR_KEPT(pg, j, p) {
            if (j >= c)
                break;
            const px_info *in = &pg->info[j];
            if (!dropped(pg, j) && in->owner == j && good_para(in))
                return 2 * pg->info[p].para_chars <= pg->info[p].chars;
        }
    }
    return false;
}

/* Marks the lists of links that are article text, so that scoring does
 * not count their links against the article: lists of bare links that a
 * heading or a paragraph introduces, in an element that holds a paragraph
 * of prose of its own (the list sits in the article's text, not in a
 * widget or a menu) or, where the page gives each list a block of its own
 * (TYPO3, Contao), lists under a heading whose every item is a link with a
 * remark (a menu or a widget lists bare names), and tables of data whose cells are links (a table of
 * sources, of portals, of releases: a header row or plain cells beside
 * the links say it is data, not a grid of menu links). Each element's
 * children are read twice, so the cost stays linear. Returns whether any
 * list was marked. */
static bool mark_link_lists(px_page *pg)
{
    bool any = false;
    int marked = 0;
    int body = pg->doc.body >= 0 ? pg->doc.body : 0;
    FOR_KEPT(pg, p, body) {
        const px_node *nd = &pg->doc.nodes[p];
        if (dropped(pg, p) || nd->kind != PX_ELEMENT || (nd->flags & PX_INLINE))
            continue;
        if (nd->tag == GUMBO_TAG_TABLE && pg->info[p].link && !pg->info[p].link_list && data_table(pg, p)) {
            mark_link_list(pg, p);
            any = true;
            continue;
        }
        int prose = 0;
        for (int c = nd->first; c >= 0; c = pg->doc.nodes[c].next)
            if (!dropped(pg, c) && pg->info[c].owner == c && good_para(&pg->info[c]))
                prose += pg->info[c].own_chars;
        int prev = -1;
        for (int c = nd->first; c >= 0; c = pg->doc.nodes[c].next) {
            if (pg->doc.nodes[c].kind != PX_ELEMENT || dropped(pg, c))
                continue;
            bool head = prev >= 0 && heading_like(pg, prev);
            int dl;
            if (prev >= 0 && (head || (prose && pg->doc.nodes[prev].tag == GUMBO_TAG_P)) &&
                bare_link_list(pg, c, marked && head ? 1 : 2, !prose)) {
                mark_link_list(pg, c);
                marked++;
                any = true;
            } else if (head && (dl = described_link_list(pg, c)) >= 0 && collection_section(pg, p, c)) {
                mark_link_list(pg, dl);
                marked++;
                any = true;
            }
            if (pg->info[c].chars)
                prev = c;
        }
    }
    return any;
}

/* Does the section that heading h opens keep nothing, although it held
 * something that was dropped (a related list, a widget)? The section runs
 * to the next heading of the same or a higher rank, or to the end of the
 * root. Kept text, wherever it sits, and a kept image are content. */
static bool emptied_section(const px_page *pg, int root, int h)
{
    unsigned rank = pg->doc.nodes[h].tag;
    bool lost = false;
    for (int j = pg->doc.nodes[h].end; j < pg->doc.nodes[root].end;) {
        const px_node *nd = &pg->doc.nodes[j];
        if (nd->kind == PX_ELEMENT && is_heading(nd->tag) && nd->tag <= rank)
            break;
        if (dropped(pg, j)) {
            lost |= nd->kind == PX_ELEMENT && pg->info[j].why != WHY_HIDDEN;
            j = nd->end;
            continue;
        }
        if (nd->kind == PX_TEXT ? (pg->doc.nodes[nd->parent].flags & PX_HAS_TEXT) && !blank_text(nd)
                                : nd->tag == GUMBO_TAG_IMG)
            return false;
        j++;
    }
    return lost;
}

/* Never a heading over nothing: a heading whose section was dropped goes
 * (not a "heading" that holds a paragraph of prose: that is the text).
 * Backwards, so that a subsection emptied first empties its parent. */
static void drop_empty_sections(px_page *pg, int root)
{
    int n = 0;
    FOR_KEPT(pg, i, root) {
        if (!dropped(pg, i) && pg->doc.nodes[i].kind == PX_ELEMENT && is_heading(pg->doc.nodes[i].tag))
            n++;
    }
    int *heads = n ? px_malloc(pg->a, (size_t)n * sizeof *heads) : NULL;
    if (!heads)
        return;
    n = 0;
    FOR_KEPT(pg, i, root) {
        if (!dropped(pg, i) && pg->doc.nodes[i].kind == PX_ELEMENT && is_heading(pg->doc.nodes[i].tag))
            heads[n++] = i;
    }
    while (n--)
        if (heads[n] != pg->title_node && heads[n] != root && !good_para(&pg->info[heads[n]]) &&
            emptied_section(pg, root, heads[n]))
            drop(pg, heads[n], WHY_EMPTY_SECTION);
    px_free(pg->a, heads);
}

/* No container won: keep the prose of the page, block by block. */
static bool fallback(px_page *pg)
{
    bool any = false;
    int body = pg->doc.body >= 0 ? pg->doc.body : 0;
    FOR_KEPT(pg, i, body) {
        const px_info *in = &pg->info[i];
        if (dropped(pg, i) || in->owner != i || !in->own_chars)
            continue;
        if (in->own_value > 0 && in->own_chars >= 15)
            any = true;
        else if (pg->doc.nodes[i].kind == PX_ELEMENT && i != body)
            drop(pg, i, WHY_LINKS);
    }
    return any;
}

/* ---------------------------------------------------------------------
 * Pages that hold no article: listings and error pages give nothing.
 */

/* A headline link: a block of a few words, all of it a link, or one that
 * opens with its link and adds a date or a label ("Title  2 March 2026"). */
static bool headline_link(const px_info *in)
{
    if (in->own_chars < 12 || in->own_chars > 200)
        return false;
    int lead = in->lead_link >= 0 ? in->lead_link : -1 - in->lead_link;
    return 5 * in->own_link >= 4 * in->own_chars || (lead >= 12 && 2 * lead >= in->own_chars);
}

/* Does the first link in block i lead to another page? The headings of
 * forum posts and of sections link to an anchor (#p123) of this page:
 * permalinks, not teasers. */
static bool links_away(const px_page *pg, int i)
{
    for (int j = i + 1; j < pg->doc.nodes[i].end; j++) {
        const px_node *nd = &pg->doc.nodes[j];
        if (nd->kind == PX_ELEMENT && nd->tag == GUMBO_TAG_A) {
            const char *href = px_attr(nd, "href");
            return href && !strchr(href, '#');
        }
    }
    return false;
}

/* A teaser's summary: a sentence or two of unlinked text, at most max
 * characters. */
static bool summary_shape(const px_info *in, int max)
{
    return in->own_chars >= 40 && in->own_chars <= max && 3 * in->own_link < in->own_chars &&
           in->own_punct > 0;
}

enum { NOT_TEASER, TEASER_HEADLINE, TEASER_SUMMARY };

/* Marks the teasers of the page: a headline link, and the summary of at
 * most max_summary characters that follows it past dates and labels.
 * Returns how many teasers there are. */
static int mark_teasers(const px_page *pg, unsigned char *teaser, int max_summary)
{
    int body = pg->doc.body >= 0 ? pg->doc.body : 0, teasers = 0, headline = -1;
    FOR_KEPT(pg, i, body) {
        const px_info *in = &pg->info[i];
        if (dropped(pg, i) || in->owner != i || !in->own_chars || i == body)
            continue;
        if (headline_link(in) && links_away(pg, i) && !in->link_list) {
            headline = i;
        } else if (headline >= 0 && in->own_chars >= 30) {
            if (summary_shape(in, max_summary)) {
                teaser[headline] = TEASER_HEADLINE;
                teaser[i] = TEASER_SUMMARY;
                teasers++;
            }
            headline = -1;
        }
    }
    return teasers;
}

/* The nearest common ancestor of nodes a and b. */
static int common_ancestor(const px_page *pg, int a, int b)
{
    while (a >= 0 && !(b >= a && b < pg->doc.nodes[a].end))
        a = pg->doc.nodes[a].parent;
    return a;
}

/* The element that holds one teaser: the headline h, its summary s, and
 * the labels and dates around them, climbed past wrappers that hold
 * nothing else. -1 when the pair shares its element with other text (a
 * headline and paragraph in the flow of an article), or when it is no
 * smaller than the content root. */
static int teaser_item(const px_page *pg, int root, int h, int s)
{
    int item = common_ancestor(pg, h, s);
    if (item <= root)
        return -1;
    while (pg->doc.nodes[item].parent > root &&
           pg->info[pg->doc.nodes[item].parent].chars == pg->info[item].chars)
        item = pg->doc.nodes[item].parent;
    /* Rows of a table are records: a linked name and its description. */
    switch (pg->doc.nodes[item].tag) {
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TBODY: case GUMBO_TAG_TABLE:
        return -1;
    default:
        break;
    }
    int pair = pg->info[h].chars + pg->info[s].chars;
    return 10 * pair >= 7 * pg->info[item].chars ? item : -1;
}

/* The element with text right before node p among its siblings, or -1. */
static int text_before(const px_page *pg, int p)
{
    int prev = -1, parent = pg->doc.nodes[p].parent;
    for (int c = pg->doc.nodes[parent].first; c >= 0 && c != p; c = pg->doc.nodes[c].next)
        if (pg->doc.nodes[c].kind == PX_ELEMENT && !dropped(pg, c) && pg->info[c].chars)
            prev = c;
    return prev;
}

/* Does the content root keep prose of its own without node p? Related
 * posts with long excerpts may hold more prose than a short article, so
 * the share of the page's prose says nothing here; but a list of teasers
 * that is all the content is the content (an archive page). */
static bool rest_is_article(const px_page *pg, int root, int p)
{
    return pg->info[root].para_chars - pg->info[p].para_chars >= MIN_REST_PROSE;
}

/* Teaser lists inside the content: "More from X", related stories, the
 * next story of an endless page. Two or more sibling items, each one
 * headline link with its summary, lead to other pages; the article's own
 * text never has that shape. Each item goes, and so does a heading right
 * before the first ("Top stories"). */
static void drop_teaser_lists(px_page *pg, int root, const unsigned char *teaser)
{
    int *item_of = px_calloc(pg->a, (size_t)pg->doc.n, sizeof *item_of);
    int *count = px_calloc(pg->a, (size_t)pg->doc.n, sizeof *count);
    if (!item_of || !count)
        goto out;
    int h = -1;
    FOR_KEPT(pg, i, root) {
        if (teaser[i] == TEASER_HEADLINE)
            h = i;
        else if (teaser[i] == TEASER_SUMMARY && h >= 0) {
            int item = teaser_item(pg, root, h, i);
            if (item >= 0 && !item_of[item]) {
                item_of[item] = 1;
                count[pg->doc.nodes[item].parent]++;
            }
            h = -1;
        }
    }
    for (int i = root + 1; i < pg->doc.nodes[root].end; i++) {
        int p = pg->doc.nodes[i].parent;
        if (!item_of[i] || count[p] < MIN_TEASER_LIST || dropped(pg, i) || !rest_is_article(pg, root, p))
            continue;
        /* Before the first item of the list, its heading goes with it. */
        int prev = -1;
        bool first = true;
        for (int c = pg->doc.nodes[p].first; c >= 0 && c != i; c = pg->doc.nodes[c].next) {
            first = first && !item_of[c];
            if (pg->doc.nodes[c].kind == PX_ELEMENT && !dropped(pg, c) && pg->info[c].chars)
                prev = c;
        }
        if (first && prev < 0 && p > root)
            prev = text_before(pg, p);
        if (first && prev >= 0 && is_heading(pg->doc.nodes[prev].tag) && !good_para(&pg->info[prev]))
            drop(pg, prev, WHY_TEASERS);
        drop(pg, i, WHY_TEASERS);
    }
out:
    px_free(pg->a, item_of);
    px_free(pg->a, count);
}

/* Teaser lists inside the content root, with the longer summaries that
 * related-post widgets show. */
static void drop_teasers_in(px_page *pg, int root)
{
    unsigned char *teaser = px_calloc(pg->a, (size_t)pg->doc.n, sizeof *teaser);
    if (!teaser)
        return;
    if (mark_teasers(pg, teaser, LIST_SUMMARY) >= MIN_TEASER_LIST)
        drop_teaser_lists(pg, root, teaser);
    px_free(pg->a, teaser);
}

/* Characters of the kept content that are neither teasers nor headlines:
 * the article, if there is one. */
static int article_chars(const px_page *pg, int root, const unsigned char *teaser)
{
    int n = 0;
    FOR_KEPT(pg, i, root) {
        const px_info *in = &pg->info[i];
        if (!dropped(pg, i) && in->owner == i && in->own_chars && teaser[i] == NOT_TEASER &&
            !headline_link(in))
            n += in->own_chars;
    }
    return n;
}

/* What error pages say in their title or heading, ASCII letters in lower
 * case. Each names the page, so a headline such as "Hiker not found" is
 * no error page. A page that says one and holds little text is none. */
static const char error_phrases[][40] = {
    "page not found", "page cannot be found", "page can't be found",
    "page can\xE2\x80\x99t be found", "page could not be found", "page does not exist",
    "page doesn't exist", "page you requested", "page you were looking for",
    "page you are looking for", "error 404", "404 error", "404 not found",
    "seite nicht gefunden", "seite wurde nicht gefunden", "seite existiert nicht",
    "page introuvable", "page non trouv", "p\xC3\xA1gina no encontrada", "pagina no encontrada",
    "pagina non trovata", "pagina niet gevonden",
    "\xD0\xBD\xD0\xB5 \xD0\xBD\xD0\xB0\xD0\xB9\xD0\xB4\xD0\xB5\xD0\xBD\xD0\xB0", /* (страница) не найдена */
    "\xE3\x83\x9A\xE3\x83\xBC\xE3\x82\xB8\xE3\x81\x8C\xE8\xA6\x8B\xE3\x81\xA4\xE3\x81\x8B\xE3\x82\x8A\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93", /* ページが見つかりません */
    "\xE6\x89\xBE\xE4\xB8\x8D\xE5\x88\xB0\xE9\xA1\xB5\xE9\x9D\xA2", /* 找不到页面 */
    "\xE9\xA1\xB5\xE9\x9D\xA2\xE4\xB8\x8D\xE5\xAD\x98\xE5\x9C\xA8", /* 页面不存在 */
};
/* Error pages hold a sentence or two of apology. */
#define MAX_ERROR_PAGE_CHARS 600

static bool says_error(const char *t, size_t n)
{
    for (size_t k = 0; k < sizeof error_phrases / sizeof *error_phrases; k++) {
        size_t pl = strlen(error_phrases[k]);
        for (size_t i = 0; i + pl <= n; i++)
            if (px_ascii_ieq(t + i, error_phrases[k], pl))
                return true;
    }
    /* "404" standing alone, not inside a number or a model name. */
    for (size_t i = 0; i + 3 <= n; i++)
        if (!memcmp(t + i, "404", 3) && (i == 0 || !px_ascii_is_alnum((unsigned char)t[i - 1])) &&
            (i + 3 == n || !px_ascii_is_alnum((unsigned char)t[i + 3])))
            return true;
    return false;
}

/* Does the title, or an <h1> of the page, say that the page is missing? */
static bool error_heading(const px_page *pg)
{
    if (pg->title && says_error(pg->title, strlen(pg->title)))
        return true;
    bool found = false;
    px_buf b;
    px_buf_init(&b, pg->a);
    FOR_KEPT(pg, i, 0) {
        if (found || dropped(pg, i) || pg->doc.nodes[i].kind != PX_ELEMENT ||
            pg->doc.nodes[i].tag != GUMBO_TAG_H1 || pg->info[i].chars > 200)
            continue;
        b.len = 0;
        px_node_text(pg, i, &b);
        found = b.data && says_error(b.data, b.len);
    }
    px_buf_free(&b);
    return found;
}

/* Characters of text kept under root. */
static int kept_chars(const px_page *pg, int root)
{
    int n = 0;
    FOR_KEPT(pg, i, root) {
        if (!dropped(pg, i) && pg->info[i].owner == i)
            n += pg->info[i].own_chars;
    }
    return n;
}

/* The longest note a <noscript> gives readers without scripts. */
#define MAX_SCRIPT_NOTE 300

/* Drops each <noscript> that holds a short note naming JavaScript ("This
 * site works best with JavaScript enabled", in any language: the name is
 * not translated). A page that serves its post there for such readers
 * (Blogger, Flarum) says more. */
static bool names_javascript(const px_page *pg, int i)
{
    for (int j = i + 1; j < pg->doc.nodes[i].end; j++) {
        if (pg->doc.nodes[j].kind != PX_TEXT)
            continue;
        size_t len;
        const char *t = px_text(&pg->doc.nodes[j], &len);
        for (size_t k = 0; k + 10 <= len; k++)
            if ((t[k] == 'j' || t[k] == 'J') && px_ascii_ieq(t + k, "javascript", 10))
                return true;
    }
    return false;
}

static void drop_script_notes(px_page *pg)
{
    FOR_KEPT(pg, i, 0)
        if (pg->doc.nodes[i].kind == PX_ELEMENT && pg->doc.nodes[i].tag == GUMBO_TAG_NOSCRIPT &&
            pg->info[i].chars && pg->info[i].chars <= MAX_SCRIPT_NOTE && names_javascript(pg, i))
            drop(pg, i, WHY_TEXT_RULE);
}

/* Is cp a sign a heading's permalink shows: "#", "¶", "§", "🔗", "⚓"? */
static bool anchor_sign(unsigned cp)
{
    static const unsigned signs[] = {'#', 0xB6, 0xA7, 0x1F517, 0x2693};
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++)
        if (cp == signs[k])
            return true;
    return false;
}

/* Is element a a link to an anchor of this page whose text is such a sign
 * alone, maybe with spaces or a variation selector around it? */
static bool permalink_sign(const px_page *pg, int a)
{
    const px_node *nodes = pg->doc.nodes;
    const char *href = px_attr(&nodes[a], "href");
    if (!href || href[0] != '#')
        return false;
    bool sign = false;
    for (int j = a + 1; j < nodes[a].end; j++) {
        if (nodes[j].kind != PX_TEXT)
            continue;
        size_t len, adv;
        const char *t = px_text(&nodes[j], &len);
        for (size_t k = 0; k < len; k += adv) {
            unsigned cp = px_utf8_next(t + k, len - k, &adv);
            if (anchor_sign(cp))
                sign = true;
            else if (!px_is_space_cp(cp) && cp != 0x200B && cp != 0xFE0E && cp != 0xFE0F)
                return false;
        }
    }
    return sign;
}

/* Drops the permalink mark of each heading: a link to the heading's own
 * anchor shown as a sign (Hugo themes, Docusaurus, Jekyll and many
 * generators; Sphinx's class "headerlink" says so in the rules). The sign
 * is no word of the heading's, and where the theme sets it in a block of
 * its own inside the heading it prints as a line of its own. */
static void drop_heading_anchors(px_page *pg)
{
    FOR_KEPT(pg, i, 0) {
        if (pg->doc.nodes[i].kind != PX_ELEMENT || !is_heading(pg->doc.nodes[i].tag))
            continue;
        for (int j = i + 1; j < pg->doc.nodes[i].end; j++)
            if (pg->doc.nodes[j].kind == PX_ELEMENT && pg->doc.nodes[j].tag == GUMBO_TAG_A && !dropped(pg, j) &&
                permalink_sign(pg, j))
                drop(pg, j, WHY_RULE);
    }
}

int px_apply_rules(px_page *pg)
{
    measure(pg);
    prune(pg);
    drop_script_notes(pg);
    drop_heading_anchors(pg);
    px_score(pg);
    if (text_rules(pg) != PITH_OK)
        return PITH_ERR_NOMEM;
    drop_forms(pg);
    px_score(pg);
    if (mark_link_lists(pg))
        px_score(pg);
    return PITH_OK;
}

int px_extract_content(px_page *pg)
{
    pg->root = choose_root(pg);
    pg->fallback = false;
    /* Teasers are read before cleaning, which drops their headlines. */
    unsigned char *teaser = px_calloc(pg->a, (size_t)pg->doc.n, sizeof *teaser);
    int teasers = teaser ? mark_teasers(pg, teaser, LISTING_SUMMARY) : 0;
    int rc = PITH_OK;
    if (pg->root >= 0) {
        if (pg->tune->drop_teasers)
            drop_teasers_in(pg, pg->root);
        px_drop_boxes(pg, pg->root);
        clean(pg, pg->root);
        drop_empty_sections(pg, pg->root);
        px_trim_tail(pg, pg->root);
    } else {
        pg->fallback = true;
        rc = fallback(pg) ? PITH_OK : PITH_NO_CONTENT;
    }
    /* A listing (a home page, a section front, a blog archive, search
     * results) is many teasers, a headline link and a summary each, and
     * little else: what was kept is one summary, or all of them. An
     * article keeps its own text beside whatever teasers surround it. */
    int content = pg->root >= 0 ? pg->root : pg->doc.body >= 0 ? pg->doc.body : 0;
    if (rc == PITH_OK && teasers >= MIN_TEASERS && article_chars(pg, content, teaser) < MIN_ARTICLE_CHARS)
        rc = PITH_NO_CONTENT;
    /* An error page ("Page not found") apologises in a sentence or two. */
    if (rc == PITH_OK && kept_chars(pg, content) < MAX_ERROR_PAGE_CHARS && error_heading(pg))
        rc = PITH_NO_CONTENT;
    px_free(pg->a, teaser);
    return rc;
}
