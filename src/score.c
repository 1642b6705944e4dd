/*
 * Stage 3b: score every node by the text it holds.
 *
 * Each block (an element that is not phrasing content) owns the inline text
 * directly inside it. A block is worth its characters, less twice its link
 * text, with a cost for short link fragments and a small bonus for the
 * punctuation of real sentences. A subtree is worth the sum of its blocks,
 * scaled by the rule engine's score. The content container is then the
 * subtree of greatest worth: prose adds to it and menus, link lists and
 * widgets take away from it.
 */
#include "page.h"

#include <string.h>
#include "text.h"

/* Paragraphs a node must hold for the rules to be overruled (see
 * px_holds_article). */
#define MIN_VETO_PARAS 2

/* Characters that end clauses in the scripts we see most. */
static bool is_punct(unsigned cp)
{
    switch (cp) {
    case ',': case '.': case ';': case '!': case '?':
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF01: case 0xFF1F: case 0xFF1B:
    case 0x060C: case 0x0964: case 0x061F:
        return true;
    default:
        return false;
    }
}

/* What an ASCII byte counts for in count_text: bit 0 a visible
 * character, bit 1 punctuation (is_punct's ASCII: , . ; ! ?); 0 for white
 * space (tab to carriage return, space). A table, because every byte of
 * every text node comes through here. Rows of 16 bytes from 0x00. */
static const unsigned char ascii_class[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 3, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 3,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Counts visible characters and punctuation. Ideographic and syllabic
 * scripts pack a word into one or two characters, so they weigh three. */
static void count_text(const char *s, size_t n, int *chars, int *punct)
{
    int c = 0, p = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            i++;
            unsigned char k = ascii_class[b];
            c += k & 1;
            p += k >> 1;
            continue;
        }
        size_t adv;
        unsigned cp = px_utf8_next(s + i, n - i, &adv);
        i += adv;
        if (px_is_space_cp(cp))
            continue;
        c += cp >= 0x2E80 && cp < 0xFF00 ? 3 : cp >= 0xAC00 && cp < 0xD7B0 ? 2 : 1;
        p += is_punct(cp);
    }
    *chars = c;
    *punct = p;
}

float px_block_value(int chars, int link, int lead, int punct)
{
    if (chars <= 0)
        return 0;
    /* A block that opens with a long link is a teaser: a headline with its
     * summary. Prose may start with a linked name, but not a sentence. */
    float v = (float)(chars - 2 * link);
    if (lead >= 20)
        v -= 2.0f * (float)lead;
    /* Menus and teaser links are many short, mostly-linked fragments. */
    if (2 * link > chars && chars < 80)
        v -= 20;
    else if (chars < 20)
        v -= 5;
    v += (float)(punct < 10 ? punct : 10) * 3;
    return v;
}

bool px_is_good_para(int chars, int link, int punct)
{
    return chars >= 100 && punct >= 1 && link * 3 < chars;
}

static bool is_cell(const px_node *nd) { return nd->tag == GUMBO_TAG_TD || nd->tag == GUMBO_TAG_TH; }

/* Rule scores scale a subtree's worth: -50 or lower cancels it. */
static float apply_rule_score(float v, int score)
{
    if (!score || v <= 0)
        return v;
    float f = score < 0 ? 1.0f + (float)score / 50.0f : 1.0f + (float)score / 100.0f;
    return v * (f > 0 ? f : 0);
}

bool px_holds_article(const px_page *pg, int i)
{
    /* One paragraph is what an author box or a caption holds; an article
     * that a wrong class wraps holds several. */
    return pg->prose >= 400 && 100 * pg->info[i].para_chars > pg->tune->veto_percent * pg->prose &&
           pg->info[i].paras >= MIN_VETO_PARAS;
}

void px_score(px_page *pg)
{
    px_node *nodes = pg->doc.nodes;
    px_info *info = pg->info;
    int n = pg->doc.n;

    for (int i = 0; i < n; i++) {
        px_info *in = &info[i];
        in->own_chars = in->own_link = in->own_punct = in->lead_link = 0;
        in->chars = in->link = in->paras = in->para_chars = 0;
        in->own_value = in->value = 0;
        int p = nodes[i].parent;
        bool block = nodes[i].kind == PX_ELEMENT && !(nodes[i].flags & PX_INLINE);
        in->owner = block || p < 0 ? i : info[p].owner;
    }
    /* Own text, in document order; dropped subtrees are skipped whole. */
    for (int i = 0; i < n;) {
        if (nodes[i].flags & PX_DROP) {
            i = nodes[i].end;
            continue;
        }
        if (nodes[i].kind == PX_TEXT) {
            /* Each text is counted once a page: the scores are made again
             * as nodes drop, not the text. */
            px_info *tx = &info[i];
            if (!tx->counted) {
                size_t len;
                const char *t = px_text(&nodes[i], &len);
                count_text(t, len, &tx->text_chars, &tx->text_punct);
                tx->counted = true;
            }
            int c = tx->text_chars, p = tx->text_punct;
            px_info *o = &info[info[i].owner];
            o->own_chars += c;
            o->own_punct += p;
            if (nodes[i].flags & PX_IN_LINK) {
                o->own_link += c;
                if (o->lead_link >= 0)
                    o->lead_link += c;
            } else if (c && o->lead_link >= 0) {
                o->lead_link = -1 - o->lead_link; /* closed: keeps its length */
            }
        }
        i++;
    }
    /* Subtree sums: children follow their parent, so one backwards pass
     * finishes every child before its parent. */
    for (int i = n - 1; i >= 0; i--) {
        px_info *in = &info[i];
        if (nodes[i].flags & PX_DROP)
            continue;
        in->chars += in->own_chars;
        in->link += in->own_link;
        if (in->owner == i && in->own_chars) {
            int lead = in->lead_link >= 0 ? in->lead_link : -1 - in->lead_link;
            in->own_value = px_block_value(in->own_chars, in->own_link, lead, in->own_punct);
            /* A table cell is short by nature: a figure or a name is data,
             * not a fragment of a menu (linked cells still cost). */
            if (is_cell(&nodes[i]) && in->own_chars < 20 && 2 * in->own_link <= in->own_chars)
                in->own_value = (float)in->own_chars;
            /* A list of links the article gives ("apps I use", the pull
             * requests of a release) is worth nothing, and costs nothing. */
            if (in->link_list && in->own_value < 0)
                in->own_value = 0;
            in->value += in->own_value;
            if (px_is_good_para(in->own_chars, in->own_link, in->own_punct)) {
                in->paras++;
                in->para_chars += in->own_chars;
            }
        }
        if (in->rule_score >= 0 || !px_holds_article(pg, i))
            in->value = apply_rule_score(in->value, in->rule_score);
        int p = nodes[i].parent;
        if (p >= 0) {
            info[p].chars += in->chars;
            info[p].link += in->link;
            info[p].paras += in->paras;
            info[p].para_chars += in->para_chars;
            info[p].value += in->value;
        }
    }
}
