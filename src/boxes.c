/*
 * Boxes inside the article: the sign-up form between two paragraphs, the
 * paywall prompt, the author's bio, the comment list, the player's "next
 * clip in 5" strip. Their words change with every site and language, but
 * their shape does not:
 *
 *  - a box opened by a label that a drop-box rule names ("About the
 *    author", "L'autore", "3 commenti") holds nothing before the label, so
 *    the whole box goes, not only the label;
 *  - a call to action is a short box built around a form control (an
 *    e-mail field, a "Subscribe" button): a reader's text needs no button;
 *  - a plea with two or more calls ("Accept all" / "Reject", "Support us"
 *    / "Remind me in May") is one too, whether the calls are buttons or
 *    links standing alone: an article's paragraph asks for no click.
 *
 * Either way the box must be a small part of the content: it holds no
 * more than one paragraph of prose per call to action, and never the
 * article itself (px_holds_article).
 */
#include "page.h"

#include <limits.h>
#include <string.h>
#include "text.h"

/* A call to action says a sentence or three around its form. */
#define CTA_MAX_CHARS 500
/* A control inside a block with this much punctuated text of its own
 * sits in a sentence ("Press Copy to copy the address..."). */
#define IN_SENTENCE_CHARS 40
/* A labelled box with no wrapper of its own: the blocks after the label,
 * up to the next heading, when they are this short. */
#define LABEL_RUN_CHARS 600
/* A link standing alone is a call ("Support us", "Remind me later",
 * "Manage choices") when its text is this short; a headline is longer. */
#define CALL_MAX_CHARS 40

static void drop_as(px_page *pg, int i, enum px_why why)
{
    pg->doc.nodes[i].flags |= PX_DROP;
    pg->info[i].why = (unsigned char)why;
}

static bool is_heading(unsigned tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

/* Can box b go without taking the article with it? It must be a minor
 * part of the root's text, and hold no share of the prose that the guard
 * protects. */
static bool minor_part(const px_page *pg, int root, int b)
{
    const px_info *in = &pg->info[b];
    return b != root && !px_holds_article(pg, b) && 3 * in->chars <= pg->info[root].chars &&
           2 * in->para_chars <= pg->info[root].para_chars;
}

/* What the boxes are judged by, per node, filled in one pass each so
 * that a page of many controls or labels costs no more than a page of
 * few. */
typedef struct box_facts {
    int *first_text;      /* the first kept block with text in the subtree, or INT_MAX */
    unsigned char *code;  /* the subtree holds code, a table, a list or the headline */
    unsigned char *media; /* pictures and players in the subtree, at most 255 */
    unsigned char *calls; /* buttons and lone short links in the subtree, at most 255 */
    unsigned char *series; /* an item of a series: <li> or <article> beside another with text */
} box_facts;

enum control { CTL_NONE, CTL_LINK, CTL_BUTTON, CTL_FORM, CTL_FIELD };
static enum control control_kind(const px_page *pg, int i);

static bool facts_init(const px_page *pg, box_facts *f, int root)
{
    int n = pg->doc.n;
    f->first_text = px_malloc(pg->a, (size_t)n * sizeof *f->first_text);
    f->code = px_calloc(pg->a, (size_t)n, 1);
    f->media = px_calloc(pg->a, (size_t)n, 1);
    f->calls = px_calloc(pg->a, (size_t)n, 1);
    f->series = px_calloc(pg->a, (size_t)n, 1);
    if (!f->first_text || !f->code || !f->media || !f->calls || !f->series)
        return false;
    for (int i = 0; i < n; i++)
        f->first_text[i] = INT_MAX;
    const px_node *nodes = pg->doc.nodes;
    /* Preorder: the first block to reach an ancestor is its first. */
    for (int i = 0; i < n; i = nodes[i].flags & PX_DROP ? nodes[i].end : i + 1)
        if (pg->info[i].owner == i && pg->info[i].own_chars)
            for (int a = i; a >= 0 && f->first_text[a] == INT_MAX; a = nodes[a].parent)
                f->first_text[a] = i;
    for (int i = n - 1; i >= 0; i--) {
        switch (nodes[i].tag) {
        case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        case GUMBO_TAG_DL: case GUMBO_TAG_H1:
            f->code[i] = 1;
            break;
        case GUMBO_TAG_IMG: case GUMBO_TAG_VIDEO: case GUMBO_TAG_IFRAME: case GUMBO_TAG_AUDIO:
            f->media[i] = f->media[i] < 255 ? (unsigned char)(f->media[i] + 1) : 255;
            break;
        default:
            break;
        }
        /* Calls: buttons and the links a reader clicks; a form is not one. */
        enum control k = nodes[i].kind == PX_ELEMENT ? control_kind(pg, i) : CTL_NONE;
        if ((k == CTL_LINK || k == CTL_BUTTON) && f->calls[i] < 255)
            f->calls[i]++;
        int p = nodes[i].parent;
        if (nodes[i].kind == PX_ELEMENT && p >= 0) {
            f->code[p] |= f->code[i];
            unsigned m = (unsigned)f->media[p] + f->media[i];
            f->media[p] = (unsigned char)(m < 255 ? m : 255);
            m = (unsigned)f->calls[p] + f->calls[i];
            f->calls[p] = (unsigned char)(m < 255 ? m : 255);
        }
    }
    /* Each element's children in the content, read twice: count the
     * items of each kind that hold text, then mark them where there are
     * two or more. */
    for (int p = root; p < nodes[root].end; p = nodes[p].flags & PX_DROP ? nodes[p].end : p + 1) {
        int items[2] = {0, 0};
        for (int pass = 0; pass < 2; pass++)
            for (int c = nodes[p].first; c >= 0; c = nodes[c].next) {
                int k = nodes[c].tag == GUMBO_TAG_LI ? 0 : nodes[c].tag == GUMBO_TAG_ARTICLE ? 1 : -1;
                if (k < 0 || nodes[c].kind != PX_ELEMENT || (nodes[c].flags & PX_DROP) || !pg->info[c].chars)
                    continue;
                if (pass == 0)
                    items[k]++;
                else
                    f->series[c] = items[k] >= 2;
            }
    }
    return true;
}

static void facts_free(const px_page *pg, box_facts *f)
{
    px_free(pg->a, f->first_text);
    px_free(pg->a, f->code);
    px_free(pg->a, f->media);
    px_free(pg->a, f->calls);
    px_free(pg->a, f->series);
}

/* The box that label l opens: its largest ancestor below the root that
 * holds no text before it and is a minor part of the content. -1 when
 * the label stands in running text. */
static int labelled_box(const px_page *pg, const box_facts *f, int root, int l)
{
    int box = -1;
    for (int b = pg->doc.nodes[l].parent; b > root && minor_part(pg, root, b) && f->first_text[b] > l;
         b = pg->doc.nodes[b].parent)
        box = b;
    return box;
}

/* A heading with no box of its own ("About the author" as an <h3> among
 * the article's paragraphs): the short run of blocks after it, up to the
 * next heading, is what it labels. */
static void drop_label_run(px_page *pg, int root, int l)
{
    int chars = 0, last = -1;
    for (int c = pg->doc.nodes[l].next; c >= 0; c = pg->doc.nodes[c].next) {
        if (pg->doc.nodes[c].kind != PX_ELEMENT || (pg->doc.nodes[c].flags & PX_DROP))
            continue;
        if (is_heading(pg->doc.nodes[c].tag) || pg->info[c].why == WHY_BOX_LABEL)
            break;
        chars += pg->info[c].chars;
        last = c;
        if (chars > LABEL_RUN_CHARS)
            return;
    }
    if (last < 0 || 3 * chars > pg->info[root].chars)
        return;
    for (int c = pg->doc.nodes[l].next; c >= 0; c = pg->doc.nodes[c].next) {
        if (pg->doc.nodes[c].kind == PX_ELEMENT && !(pg->doc.nodes[c].flags & PX_DROP))
            drop_as(pg, c, WHY_BOX);
        if (c == last)
            break;
    }
}

/* Form controls, weakest first: a short link standing alone (a call
 * only beside another), a button alone (players and galleries have them;
 * so is a link dressed as one), a form of choices and switches (a
 * basket's quantity), and a field to type into (an e-mail address, a
 * comment). */

static enum control input_kind(const px_node *nd)
{
    static const char fields[][8] = {"email", "text", "tel", "search"};
    const char *type = px_attr(nd, "type");
    if (!type || !*type)
        return CTL_FIELD;
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (px_ascii_ieq(type, fields[k], strlen(fields[k]) + 1))
            return CTL_FIELD;
    return px_ascii_ieq(type, "hidden", 7) ? CTL_NONE : CTL_FORM;
}

/* Does a class name a button: a token with "btn" or "button" as one of
 * its parts ("btn", "t-btn", "govuk-button", "wp-block-button__link")? */
static bool button_class(const char *cls)
{
    for (const char *s = cls; *s;) {
        const char *b = s;
        while (*s && !px_ascii_is_space((unsigned char)*s) && *s != '-' && *s != '_')
            s++;
        size_t n = (size_t)(s - b);
        if ((n == 3 && px_ascii_ieq(b, "btn", 3)) || (n == 6 && px_ascii_ieq(b, "button", 6)))
            return true;
        if (*s)
            s++;
    }
    return false;
}

/* The visible characters of the text under node i, counted whether or
 * not a rule dropped it ("Support us" goes by a text rule, and is still
 * a call the reader saw). */
static int raw_chars(const px_page *pg, int i)
{
    int n = 0;
    for (int j = i; j < pg->doc.nodes[i].end; j++) {
        if (pg->doc.nodes[j].kind != PX_TEXT)
            continue;
        size_t len;
        const unsigned char *t = (const unsigned char *)px_text(&pg->doc.nodes[j], &len);
        for (size_t b = 0; b < len; b++)
            n += !px_ascii_is_space(t[b]) && (t[b] & 0xC0) != 0x80;
    }
    return n;
}

/* A link as a control: one dressed as a button is one; one with a short
 * text standing alone in a box (not in a paragraph, a list item, a
 * cell or a heading) may be a call. A link in running text, or an icon
 * with no text (a share or print icon), is neither. */
static enum control link_kind(const px_page *pg, int i)
{
    const px_node *nd = &pg->doc.nodes[i];
    if (!px_attr(nd, "href"))
        return CTL_NONE;
    int chars = raw_chars(pg, i);
    if (!chars || chars > CALL_MAX_CHARS)
        return CTL_NONE;
    const px_info *own = &pg->info[pg->info[nd->parent].owner];
    if (own->own_chars - own->own_link >= IN_SENTENCE_CHARS / 2 && own->own_punct)
        return CTL_NONE;
    const char *role = px_attr(nd, "role"), *cls = px_attr(nd, "class");
    if ((role && px_ascii_ieq(role, "button", 7)) || (cls && button_class(cls)))
        return CTL_BUTTON;
    switch (pg->doc.nodes[nd->parent].tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN: case GUMBO_TAG_SECTION: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
        return CTL_LINK;
    default:
        return CTL_NONE;
    }
}

/* What node i is as a control. A button that opens a menu, a tab or a
 * panel of the page is none. */
static enum control control_kind(const px_page *pg, int i)
{
    static const char widget[][16] = {"aria-haspopup", "aria-expanded", "aria-controls", "data-toggle",
                                      "data-bs-toggle"};
    const px_node *nd = &pg->doc.nodes[i];
    enum control k = CTL_FORM;
    switch (nd->tag) {
    case GUMBO_TAG_TEXTAREA:
        return CTL_FIELD;
    case GUMBO_TAG_SELECT:
        return CTL_FORM;
    case GUMBO_TAG_INPUT:
        return input_kind(nd);
    case GUMBO_TAG_FORM:
        /* Read whole once: the loop in px_drop_boxes goes past it. */
        for (int j = i + 1; j < nd->end && k != CTL_FIELD; j++)
            if (pg->doc.nodes[j].tag == GUMBO_TAG_TEXTAREA ||
                (pg->doc.nodes[j].tag == GUMBO_TAG_INPUT && input_kind(&pg->doc.nodes[j]) == CTL_FIELD))
                k = CTL_FIELD;
        return k;
    case GUMBO_TAG_A:
        return link_kind(pg, i);
    case GUMBO_TAG_BUTTON:
        for (size_t w = 0; w < sizeof widget / sizeof *widget; w++)
            if (px_attr(nd, widget[w]))
                return CTL_NONE;
        return CTL_BUTTON;
    default:
        return CTL_NONE;
    }
}

/* A row or cell of a table, whose links and note are a record (a name,
 * a date, a remark), or a header, whose links and deck are the article's
 * head (its section, its authors): neither is a plea. */
static bool record_or_head(const px_page *pg, int b)
{
    switch (pg->doc.nodes[b].tag) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_HEADER:
        return true;
    default:
        return false;
    }
}

/* What a box around a control of kind k must not hold: code, tables and
 * lists are content (ingredients beside a servings field); so are
 * pictures, beyond one icon beside a form (a product's photos beside its
 * basket), or any beside a button or link alone (a play button over an
 * image); and so is a paragraph of prose, unless the box asks for an
 * address (the pitch of a newsletter) or offers two calls or more (a
 * consent banner's "Accept" and "Reject", an appeal's "Support us" and
 * "Remind me later"). A basket's product text stays. */
static bool holds_content(const px_page *pg, const box_facts *f, int b, enum control k)
{
    return f->code[b] || f->media[b] > (k <= CTL_BUTTON ? 0 : 1) ||
           pg->info[b].paras > (k == CTL_FIELD || (f->calls[b] >= 2 && !record_or_head(pg, b)) ? 1 : 0);
}

/* The call to action around control c of kind k: its largest ancestor
 * below the root that is short, holds no content, and is a minor part of
 * the content. -1 when the control sits in a sentence (a "copy" button
 * in running text), in a heading, or in no such box. */
static int cta_box(const px_page *pg, const box_facts *f, int root, int c, enum control k)
{
    /* The block the control sits in (a control may parse as a block of
     * its own, but it stands in its parent's line). */
    int own = pg->info[pg->doc.nodes[c].parent].owner;
    if (own > root && !(pg->doc.nodes[own].flags & PX_DROP) &&
        pg->info[own].own_chars >= IN_SENTENCE_CHARS && pg->info[own].own_punct)
        return -1;
    int box = -1;
    for (int b = pg->doc.nodes[c].parent; b > root; b = pg->doc.nodes[b].parent) {
        /* A control inside a heading is the heading's own (the permalink
         * or copy-link button of Substack, Ghost and docs sites): the
         * heading is the article's, and so is the box around it. */
        if (is_heading(pg->doc.nodes[b].tag))
            return -1;
        /* So is a control inside one of a series of posts or entries
         * that says something (a thread's posts, each with its Quote and
         * Reply): a plea stands alone, and offers side by side ("Buy
         * this article", "Subscribe") say no paragraph. */
        if (f->series[b] && pg->info[b].paras)
            return -1;
        if (pg->info[b].chars > CTA_MAX_CHARS || !minor_part(pg, root, b) || holds_content(pg, f, b, k))
            break;
        box = b;
    }
    if (box < 0 || !pg->info[box].chars)
        return -1;
    /* A lone link is a call only in a plea with another call beside it:
     * two links with nothing to say are a menu, for the link density to
     * judge. */
    if (k == CTL_LINK && (f->calls[box] < 2 || !pg->info[box].paras))
        return -1;
    return box;
}

void px_drop_boxes(px_page *pg, int root)
{
    if (!pg->tune->drop_boxes)
        return;
    box_facts f;
    if (!facts_init(pg, &f, root)) {
        facts_free(pg, &f); /* without memory, no boxes: the text stays */
        return;
    }
    const px_node *nodes = pg->doc.nodes;
    /* A dropped node is looked at itself (a label; a form, whose box the
     * reader still sees), not inside. */
    for (int i = root + 1; i < nodes[root].end; i = nodes[i].flags & PX_DROP ? nodes[i].end : i + 1) {
        enum control k;
        int box = -1;
        enum px_why why = WHY_BOX;
        if (nodes[i].kind != PX_ELEMENT)
            continue;
        if (pg->info[i].why == WHY_BOX_LABEL) {
            box = labelled_box(pg, &f, root, i);
            /* Only a heading labels the run of blocks after it: a
             * paragraph that a rule names is one block, not a title. */
            if (box < 0 && is_heading(nodes[i].tag))
                drop_label_run(pg, root, i);
        } else if ((k = control_kind(pg, i)) != CTL_NONE) {
            box = cta_box(pg, &f, root, i, k);
            why = WHY_CALL_TO_ACTION;
        }
        if (box >= 0 && !(nodes[box].flags & PX_DROP)) {
            drop_as(pg, box, why);
            i = box; /* on past it */
        }
    }
    facts_free(pg, &f);
}
