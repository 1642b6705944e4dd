/*
 * --favor precision: the tail of the article. What comes after its last
 * paragraph of prose is where a page puts credits, source and wire lines,
 * prompts, labels and links to elsewhere. With precision favoured, every
 * block there that is not prose goes, even where no rule or score names
 * it; an article that ends on a short line loses it. That is the trade the
 * option asks for (bench/RESULTS.md has its figures).
 */
#include "page.h"

/* A closing sentence is kept when it is this long, unlinked and
 * punctuated; the labels and credit lines of a tail are shorter. */
#define SENTENCE_CHARS 60

/* Subtrees kept whatever their place: code, tables and lists are
 * content by their shape (an article may end with a list), and a heading
 * after the last text is clean()'s to judge. */
static bool tail_exempt(const px_node *nd)
{
    switch (nd->tag) {
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
        return true;
    default:
        return nd->tag >= GUMBO_TAG_H1 && nd->tag <= GUMBO_TAG_H6;
    }
}

static bool prose(const px_info *in) { return px_is_good_para(in->own_chars, in->own_link, in->own_punct); }

/* A sentence of the article's own: unlinked, punctuated, not a label. */
static bool sentence(const px_info *in)
{
    return in->own_chars >= SENTENCE_CHARS && !in->own_link && in->own_punct;
}

void px_trim_tail(px_page *pg, int root)
{
    if (!pg->tune->trim_tail)
        return;
    px_node *nodes = pg->doc.nodes;
    int last = -1;
    for (int i = root; i < nodes[root].end; i = nodes[i].flags & PX_DROP ? nodes[i].end : i + 1)
        if (pg->info[i].owner == i && pg->info[i].own_chars && prose(&pg->info[i]))
            last = i;
    if (last < 0)
        return; /* no prose to measure the tail by */
    for (int i = nodes[last].end; i < nodes[root].end;) {
        const px_info *in = &pg->info[i];
        if ((nodes[i].flags & PX_DROP) || (nodes[i].kind == PX_ELEMENT && tail_exempt(&nodes[i]))) {
            i = nodes[i].end;
            continue;
        }
        if (in->owner == i && in->own_chars && nodes[i].kind == PX_ELEMENT && !prose(in) &&
            !sentence(in)) {
            nodes[i].flags |= PX_DROP;
            pg->info[i].why = WHY_TAIL;
            i = nodes[i].end;
            continue;
        }
        i++;
    }
}
