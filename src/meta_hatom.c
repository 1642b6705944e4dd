/*
 * hAtom's dates, and microformats 2's: an element of class "published"
 * (h-entry's "dt-published") holds when the post was published, one of
 * class "updated" ("dt-updated") when it last changed. The systems that
 * write them:
 *   - WordPress themes: <time class="entry-date published updated"> on a
 *     post never changed (both dates are that one), and <time
 *     class="entry-date published"> followed by a <time class="updated">,
 *     hidden by the theme's CSS, on a changed post;
 *   - Blogger: <abbr class="published" title="2019-03-04T09:15:00-08:00">;
 *   - TagDiv's themes, Hatena and others: only "updated", on the one date
 *     the page shows beside the post.
 * So "updated" is the modified date, and never the published one when
 * the post has a "published". A post with only "updated": its reader
 * sees one date beside the headline, with no word saying it is an update,
 * and calls it the post's date; so it is the published date too, unless
 * the page labels it "Updated", "Aktualisiert", "Mis à jour" (then only
 * when it changed is known, and the published date is left to the other
 * sources, as for any dateline so labelled).
 */
#include "meta_impl.h"

#include <string.h>

#define MAX_TEXT 160 /* the dateline around the element */
#define MAX_NODES 24 /* nodes of an element read for its date */

static bool any_token(const char *list, px_words tokens)
{
    for (size_t k = 0; k < tokens.count; k++)
        if (px_meta_has_token(list, px_word_at(tokens, k)))
            return true;
    return false;
}

unsigned px_meta_hatom_class(const px_node *nd)
{
    static const char pub[][16] = {"published", "dt-published"};
    static const char upd[][12] = {"updated", "dt-updated"};
    const char *cls = nd->kind == PX_ELEMENT ? px_attr(nd, "class") : NULL;
    /* most classes hold neither: one search for the letters they share */
    if (!cls || (!strstr(cls, "published") && !strstr(cls, "updated")))
        return 0;
    return (any_token(cls, PX_WORDS(pub)) ? PX_HATOM_PUBLISHED : 0) |
           (any_token(cls, PX_WORDS(upd)) ? PX_HATOM_UPDATED : 0);
}

/* Is element i the post's, not a comment's or a related post's? Outside
 * what px_meta_elsewhere names, or in the footer of a post (hentry,
 * h-entry) that is itself outside it: Blogger and WordPress themes put
 * the post's date in its footer ("post-footer", "entry-footer"). */
static bool in_post(const ctx *c, int i)
{
    static const char entry[][12] = {"hentry", "h-entry"};
    static const char post_footer[][16] = {"post-footer", "entry-footer", "entry-utility",
                                           "article-footer"};
    if (!px_meta_elsewhere(c, i, 8))
        return true;
    const px_node *nodes = c->doc->nodes;
    for (int k = 0, p = i; p >= 0 && k <= 8; k++, p = nodes[p].parent) {
        const char *cls = px_attr(&nodes[p], "class");
        if (cls && any_token(cls, PX_WORDS(entry)))
            return !px_meta_elsewhere(c, p, 8);
        if (px_meta_elsewhere(c, p, 0) && !px_meta_named(c, p, 0, PX_WORDS(post_footer)))
            return false;
    }
    return false;
}

void px_meta_hatom_seen(ctx *c, int i)
{
    unsigned k = px_meta_hatom_class(&c->doc->nodes[i]);
    if (!k)
        return;
    int kind = k & PX_HATOM_PUBLISHED ? 0 : 1;
    if (c->nhatom[kind] < PX_HATOM_MAX && in_post(c, i))
        c->hatom[kind][c->nhatom[kind]++] = i;
}

static bool labelled(ctx *c, int i);

/* Of the elements of a kind, the one nearest the headline (a slider of
 * teasers above it and a list of related posts below it carry the same
 * classes), or -1. A "published" the page labels "Updated" is not. */
static int nearest(ctx *c, int kind, int h1)
{
    int best = -1, best_dist = 0;
    for (int k = 0; k < c->nhatom[kind]; k++) {
        int i = c->hatom[kind][k], d = px_meta_distance(h1, i);
        if ((best < 0 || d < best_dist) && !(kind == 0 && labelled(c, i))) {
            best = i;
            best_dist = d;
        }
    }
    return best;
}

/* The date of element i, ISO, into out: in its datetime, title or
 * content (<abbr title>), or those of a <time> or of the value-class
 * pattern's <span class="value-title" title> inside it, else in its text. */
static bool value(ctx *c, int i, char out[PX_DATE_MAX])
{
    const px_node *nodes = c->doc->nodes;
    for (int j = i; j < nodes[i].end && j < i + MAX_NODES; j++) {
        if (j > i && !px_meta_is_elem(&nodes[j], GUMBO_TAG_TIME) &&
            !px_meta_has_token(px_attr(&nodes[j], "class"), "value-title"))
            continue;
        const char *values[] = {px_attr(&nodes[j], "datetime"), px_attr(&nodes[j], "title"),
                                px_attr(&nodes[j], "content")};
        for (size_t k = 0; k < sizeof values / sizeof *values; k++)
            if (values[k] && px_date_iso(values[k], strlen(values[k]), out))
                return true;
    }
    char *t = px_meta_node_text(c, i, MAX_TEXT);
    px_date d;
    bool ok = t && px_date_find_hint(t, strlen(t), px_meta_date_hint(c), &d, NULL);
    px_free(c->a, t);
    if (ok)
        px_date_format(&d, out);
    return ok;
}

/* Do the words of node i's text (none: i is -1) say "updated" before
 * where own, the element's text, starts in it (all of them when own is
 * NULL or not in it)? */
static bool text_says(ctx *c, int i, const char *own)
{
    if (i < 0)
        return false;
    char *t = px_meta_node_text(c, i, MAX_TEXT);
    if (!t)
        return false;
    size_t before = strlen(t);
    const char *o = own && *own ? strstr(t, own) : NULL;
    if (o)
        before = (size_t)(o - t);
    bool upd = px_meta_says_updated(t, before);
    px_free(c->a, t);
    return upd;
}

/* The element before node i among its siblings, or -1. */
static int previous(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    int p = nodes[i].parent, prev = -1;
    for (int k = p >= 0 ? nodes[p].first : -1; k >= 0 && k != i; k = nodes[k].next)
        if (nodes[k].kind == PX_ELEMENT)
            prev = k;
    return prev;
}

/* Does the dateline around element i say it is an update: its own text
 * before its date ("<span class=updated>Aktualisiert am 5. Mai</span>"),
 * its parent's before it ("Last updated: <abbr class=updated>"), or the
 * term of a list before it or its parent ("<dt>Aktualisiert:</dt>
 * <dd><span class=updated>")? */
static bool labelled(ctx *c, int i)
{
    char *own = px_meta_node_text(c, i, MAX_TEXT);
    bool upd = false;
    if (own) {
        px_date d;
        size_t at = strlen(own);
        px_date_find_hint(own, strlen(own), px_meta_date_hint(c), &d, &at);
        upd = px_meta_says_updated(own, at);
    }
    int p = c->doc->nodes[i].parent;
    upd = upd || text_says(c, p, own) || text_says(c, previous(c, i), NULL) ||
          (p >= 0 && text_says(c, previous(c, p), NULL));
    px_free(c->a, own);
    return upd;
}

void px_meta_hatom_dates(ctx *c)
{
    px_meta *m = c->m;
    if (!c->nhatom[0] && !c->nhatom[1])
        return;
    /* which "updated" are updates, for the dateline reader (meta_page.c) */
    for (int k = 0; k < c->nhatom[1]; k++)
        if (c->nhatom[0] || labelled(c, c->hatom[1][k]))
            c->hatom_updates |= 1u << k;
    int h1 = px_meta_headline(c);
    int pub = nearest(c, 0, h1), upd = nearest(c, 1, h1);
    char iso[PX_DATE_MAX];
    if (pub >= 0) {
        if (upd >= 0 && value(c, upd, iso))
            px_meta_set_date(c, &m->date_modified, iso);
        if (!value(c, pub, iso))
            return;
        px_meta_set_date(c, &m->date_published, iso);
        /* "published updated": a post never changed since */
        if (px_meta_hatom_class(&c->doc->nodes[pub]) & PX_HATOM_UPDATED)
            px_meta_set_date(c, &m->date_modified, iso);
    } else if (upd >= 0 && value(c, upd, iso)) {
        /* "updated" alone: the post's date, unless the page says update */
        px_meta_set_date(c, labelled(c, upd) ? &m->date_modified : &m->date_published, iso);
    }
}
