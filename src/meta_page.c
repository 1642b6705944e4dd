/*
 * What the page shows: dates in the visible text.
 */
#include "meta_impl.h"

#include <string.h>

/* A date in an element whose class says date or time. */
void px_meta_visible_date(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    static const char *const classes[] = {"date", "time", "fecha", "datum", "publish", "posted",
                                          "dateline"};
    static const char *const not_this[] = {"update", "modif", "readtime", "read-time"};
    for (int i = 0; i < c->doc->n && !c->m->date_published && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
            nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE ||
            !px_meta_named(c, i, 0, classes, sizeof classes / sizeof *classes) ||
            px_meta_named(c, i, 0, not_this, sizeof not_this / sizeof *not_this) || px_meta_elsewhere(c, i, 8))
            continue;
        char *v = px_meta_node_text(c, i, 80);
        px_meta_set_date(c, &c->m->date_published, v);
        px_free(c->a, v);
    }
}