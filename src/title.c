/*
 * The title: the <h1> that best matches <title> or og:title, else og:title,
 * else <title> without its " - Site Name" suffix. Sites put their own name
 * into <title> and og:title but rarely into the article's <h1>, so an h1
 * that agrees with them is the cleanest title there is.
 */
#include <string.h>
#include <strings.h>
#include "hash.h"
#include "metadata.h"
#include "page.h"
#include "text.h"
#include "url.h"

#define MAX_WORDS 64

typedef struct words {
    unsigned h[MAX_WORDS];
    int n;
} words;

static bool is_sep(unsigned cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return px_is_space_cp(cp) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xAB || cp == 0xBB || cp == 0xB7;
}

/* Hashes of the words of s, ASCII-folded; each ideograph is a word. */
static void split_words(const char *s, size_t n, words *w)
{
    w->n = 0;
    unsigned h = 0;
    bool in = false;
    size_t i = 0;
    while (i < n && w->n < MAX_WORDS) {
        size_t adv;
        unsigned cp = px_utf8_next(s + i, n - i, &adv);
        bool cjk = cp >= 0x2E80 && cp < 0xFF00 && !is_sep(cp);
        if (is_sep(cp) || cjk) {
            if (in)
                w->h[w->n++] = h;
            in = false;
            if (cjk && w->n < MAX_WORDS)
                w->h[w->n++] = cp * 2654435761u;
        } else {
            if (!in)
                h = PX_FNV1A_SEED;
            in = true;
            h = px_fnv1a_caseless(h, s + i, adv);
        }
        i += adv;
    }
    if (in && w->n < MAX_WORDS)
        w->h[w->n++] = h;
}

/* Dice coefficient over word multisets. */
static float similarity(const words *a, const words *b)
{
    if (!a->n || !b->n)
        return 0;
    bool used[MAX_WORDS] = {0};
    int common = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            if (!used[j] && a->h[i] == b->h[j]) {
                used[j] = true;
                common++;
                break;
            }
    return 2.0f * (float)common / (float)(a->n + b->n);
}

/* Separators that put a site name after (or before) the headline; the
 * loops that split a title take them in this order. */
const char px_title_seps[][PX_TITLE_SEP_W] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "};
const size_t px_title_nseps = sizeof px_title_seps / sizeof *px_title_seps;

const char *px_title_sep_at(const char *t, size_t k, const char **last)
{
    const char *first = strstr(t, px_title_seps[k]);
    if (first) {
        *last = first;
        for (const char *p = first; (p = strstr(p + 1, px_title_seps[k]));)
            *last = p;
    }
    return first;
}

static size_t count_words(const char *s, size_t n)
{
    words w;
    split_words(s, n, &w);
    return (size_t)w.n;
}

/* Length of title once a trailing " - Site Name" is removed. */
static size_t strip_site(const char *t, size_t n)
{
    size_t cut = n;
    for (size_t k = 0; k < px_title_nseps; k++) {
        size_t sl = strlen(px_title_seps[k]);
        for (size_t i = n; i-- > 0;) {
            if (i + sl <= n && !memcmp(t + i, px_title_seps[k], sl)) {
                /* A site name is short; a longer tail is part of the
                 * headline, unless the headline is longer still. */
                if (i > 0 && i < cut && (i >= n - i - sl || count_words(t + i + sl, n - i - sl) <= 5))
                    cut = i;
                break;
            }
        }
    }
    return cut;
}

static char *fold(px_page *pg, const char *s, size_t n)
{
    px_buf b;
    px_buf_init(&b, pg->a);
    bool pending = false;
    px_append_folded(&b, s, n, &pending);
    px_buf_putc(&b, '\0');
    return px_buf_detach(&b, NULL);
}

static const char *meta_content(const px_page *pg, const char *key)
{
    const px_doc *d = &pg->doc;
    for (int i = 0; i < d->n; i++) {
        const px_node *nd = &d->nodes[i];
        if (nd->kind != PX_ELEMENT || nd->tag != GUMBO_TAG_META)
            continue;
        const char *p = px_attr(nd, "property");
        if (!p)
            p = px_attr(nd, "name");
        if (p && !strcmp(p, key))
            return px_attr(nd, "content");
    }
    return NULL;
}

char *px_doc_title(const px_doc *d, const px_alloc *a)
{
    px_buf tb;
    px_buf_init(&tb, a);
    bool pending = false;
    for (int i = 0; i < d->n; i++)
        if (d->nodes[i].kind == PX_ELEMENT && d->nodes[i].tag == GUMBO_TAG_TITLE &&
            d->nodes[i].g->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
            for (int c = d->nodes[i].first; c >= 0; c = d->nodes[c].next)
                if (d->nodes[c].kind == PX_TEXT) {
                    size_t len;
                    const char *t = px_text(&d->nodes[c], &len);
                    px_append_folded(&tb, t, len, &pending);
                }
            break;
        }
    px_buf_putc(&tb, '\0');
    return px_buf_detach(&tb, NULL);
}

/* Parts of a heading that are not the headline: its date, and a kicker
 * ("topline", "Dachzeile") set in its own element above or before it. */
static bool aside_of_headline(const px_node *nd)
{
    static const char kicker[][12] = {"kicker",   "topline",   "overline",   "dachzeile", "eyebrow",
                                      "roofline", "strapline", "supertitle", "pretitle"};
    if (nd->tag == GUMBO_TAG_TIME)
        return true;
    const char *cls = px_attr(nd, "class");
    for (const char *s = cls; s && *s; s++)
        for (size_t k = 0; k < sizeof kicker / sizeof *kicker; k++)
            if (px_ascii_ieq(s, kicker[k], strlen(kicker[k])))
                return true;
    return false;
}

/* The folded text of heading i into hb (emptied first), without what the
 * rules dropped inside it (permalink marks) even when they dropped the
 * heading itself with a header; with bare, without its date and kicker
 * too, unless nothing else is left. Returns whether a dropped node parted
 * its words. */
static bool heading_text(const px_page *pg, int i, px_buf *hb, bool bare)
{
    const px_doc *d = &pg->doc;
    hb->len = 0;
    bool pending = false, parted = false;
    for (int j = i + 1; j < d->nodes[i].end; j++) {
        bool aside = bare && d->nodes[j].kind == PX_ELEMENT && aside_of_headline(&d->nodes[j]);
        if ((d->nodes[j].flags & PX_DROP) || aside) {
            /* ...which still parts the words around it: a kicker and its
             * headline joined by a hidden dash are two phrases */
            pending = hb->len > 0;
            parted |= pending && !aside;
            j = d->nodes[j].end - 1;
            continue;
        }
        if (d->nodes[j].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&d->nodes[j], &len);
            px_append_folded(hb, t, len, &pending);
        }
    }
    if (bare && !hb->len)
        return heading_text(pg, i, hb, false);
    return parted;
}

int px_find_title(px_page *pg)
{
    const px_doc *d = &pg->doc;
    pg->title_node = -1;
    char *doc_title = px_doc_title(&pg->doc, pg->a);
    const char *og_raw = meta_content(pg, "og:title");
    char *og = og_raw ? fold(pg, og_raw, strlen(og_raw)) : NULL;
    if (!doc_title || (og_raw && !og)) {
        px_free(pg->a, doc_title);
        px_free(pg->a, og);
        return PITH_ERR_NOMEM;
    }

    words wt, wo, wh;
    size_t tlen = strlen(doc_title);
    split_words(doc_title, strip_site(doc_title, tlen), &wt);
    split_words(og ? og : "", og ? strlen(og) : 0, &wo);

    px_buf hb;
    px_buf_init(&hb, pg->a);
    float best = 0.5f;
    char *h1 = NULL;
    for (int i = 0; i < d->n; i++) {
        if (d->nodes[i].kind != PX_ELEMENT || d->nodes[i].tag != GUMBO_TAG_H1)
            continue;
        heading_text(pg, i, &hb, false);
        if (!hb.len)
            continue;
        split_words(hb.data, hb.len, &wh);
        float s1 = similarity(&wh, &wt), s2 = similarity(&wh, &wo);
        float s = s1 > s2 ? s1 : s2;
        if (s > best) {
            best = s;
            px_free(pg->a, h1);
            h1 = px_strndup(pg->a, hb.data, hb.len);
            pg->title_node = i;
        }
    }
    bool oom = hb.oom;
    px_buf_free(&hb);

    if (h1) {
        pg->title = h1;
    } else if (og && *og) {
        pg->title = og;
        og = NULL;
    } else {
        doc_title[strip_site(doc_title, tlen)] = '\0';
        pg->title = doc_title;
        doc_title = NULL;
    }
    px_free(pg->a, doc_title);
    px_free(pg->a, og);
    if (!pg->title || oom)
        return PITH_ERR_NOMEM;
    return PITH_OK;
}

/* ------------------------------------------------------------------ */
/* The site's name left in a title                                      */

/* Is the segment s[0..n) of a title the site's name: og:site_name (or a
 * segment that starts with it), or the name in the host ("La Stampa" on
 * lastampa.it, "Biathlon Antholz" on biathlon-antholz.it)? */
static bool site_like(const char *s, size_t n, const char *site, const char *host)
{
    char seg[128], name[128];
    size_t sl = px_fold_name(s, n, seg, sizeof seg, false);
    if (sl < 3 || n >= sizeof seg)
        return false;
    if (site) {
        size_t nl = px_fold_name(site, strlen(site), name, sizeof name, false);
        if (nl >= 3 && nl <= sl && !memcmp(seg, name, nl))
            return true;
    }
    if (host) {
        /* the host from its first naming label to its last */
        const char *h = NULL, *label;
        size_t hl = 0, ll;
        for (size_t pos = 0; px_url_host_label(host, &pos, &label, &ll);) {
            h = h ? h : label;
            hl = (size_t)(label + ll - h);
        }
        size_t nl = h ? px_fold_name(h, hl, name, sizeof name, false) : 0;
        if (nl >= 4 && strstr(name, seg))
            return true;
    }
    return false;
}

/* A segment that names where the post is filed, not the post: WordPress
 * Kubrick's "Site » Blog Archive » Headline". */
static bool archive_label(const char *s, size_t n)
{
    static const char labels[][16] = {"blog archive", "archives", "archive"};
    return px_word_in(s, n, PX_WORDS(labels));
}

static bool site_or_archive(const char *s, size_t n, const char *site, const char *host)
{
    return archive_label(s, n) || site_like(s, n, site, host);
}

/* Takes site segments (and an archive's label) off both ends of t, in
 * place, as long as a headline of two words or more stays; twice, for
 * a label the site's name hid ("Site » Blog Archive » Headline"). */
static void strip_site_segments(char *t, const char *site, const char *host)
{
    size_t n = strlen(t);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < px_title_nseps; k++) {
            size_t sl = strlen(px_title_seps[k]);
            const char *last, *first = px_title_sep_at(t, k, &last);
            if (!first)
                continue;
            size_t tail = n - (size_t)(last - t) - sl;
            if (site_or_archive(last + sl, tail, site, host) && count_words(t, (size_t)(last - t)) >= 2) {
                n = (size_t)(last - t);
                t[n] = '\0';
            } else if (site_or_archive(t, (size_t)(first - t), site, host) &&
                       count_words(first + sl, n - (size_t)(first - t) - sl) >= 2) {
                size_t off = (size_t)(first - t) + sl;
                memmove(t, t + off, n - off + 1);
                n -= off;
            }
        }
}

/* Is heading i somewhere a headline is not: in a <nav>, <aside> or
 * <footer>, or a logo ("site-title", "brand")? (A header the rules
 * dropped often holds the headline: that counts for nothing here.) */
static bool not_headline(const px_page *pg, int i)
{
    static const char logo[][12] = {"logo", "brand", "site-title", "site-name", "sitename",
                                    "site_title", "blog-title", "masthead"};
    const px_node *nodes = pg->doc.nodes;
    for (int p = i; p >= 0; p = nodes[p].parent)
        if (nodes[p].kind == PX_ELEMENT && (nodes[p].tag == GUMBO_TAG_NAV ||
                                            nodes[p].tag == GUMBO_TAG_ASIDE ||
                                            nodes[p].tag == GUMBO_TAG_FOOTER))
            return true;
    return px_doc_named(&pg->doc, i, 2, PX_WORDS(logo));
}

/* Text before the headline, inside the article, that still leaves it
 * the article's opening (a kicker, a date, a share bar's labels). */
#define OPENING_TEXT 300
/* Words of an h1 that reads as a headline rather than a section's name. */
#define HEADLINE_WORDS 4

/* Does h1 i open the content root: inside it, with little text before? */
static bool opens_article(const px_page *pg, int i)
{
    const px_node *nodes = pg->doc.nodes;
    int root = pg->root;
    if (root < 0 || i <= root || i >= nodes[root].end)
        return false;
    size_t before = 0;
    for (int j = root; j < i && before <= OPENING_TEXT; j++) {
        if (nodes[j].flags & PX_DROP) {
            j = nodes[j].end - 1;
            continue;
        }
        if (nodes[j].kind == PX_TEXT) {
            size_t len;
            px_text(&nodes[j], &len);
            before += len;
        }
    }
    return before <= OPENING_TEXT;
}

/* A block that a page builder gives its headline in, not a heading
 * (uCoz's <div class="eTitle">, Tilda's "t-title"): a class word that
 * holds "title". */
bool px_title_block(const px_doc *d, int i)
{
    const px_node *nd = &d->nodes[i];
    if (nd->tag != GUMBO_TAG_DIV && nd->tag != GUMBO_TAG_SPAN && nd->tag != GUMBO_TAG_P)
        return false;
    const char *cl = px_attr(nd, "class");
    bool titled = false;
    for (const char *p = cl; p && *p && !titled; p++)
        titled = (*p == 't' || *p == 'T') && !strncasecmp(p, "title", 5);
    /* a line of text, not a section that holds the title among others */
    for (int j = i + 1; titled && j < nd->end; j++)
        if (d->nodes[j].kind == PX_ELEMENT && (d->nodes[j].tag == GUMBO_TAG_DIV || d->nodes[j].tag == GUMBO_TAG_P ||
                                               d->nodes[j].tag == GUMBO_TAG_H1 || d->nodes[j].tag == GUMBO_TAG_H2 ||
                                               d->nodes[j].tag == GUMBO_TAG_UL || d->nodes[j].tag == GUMBO_TAG_TABLE))
            return false;
    return titled;
}

/* The headline inside the page when the title came from og:title or
 * <title> (no <h1> agreed with them): an <h1>, <h2> or <h3> that agrees
 * with og:title, <title> or the JSON-LD headline (9to5mac's h1 is the
 * JSON-LD headline, its og:title another wording; a logo's h1 leaves the
 * post's h2), or a page builder's title block, else the page's first <h1>
 * when it opens the article, where
 * a reader sees it above the text. Never a logo or a site name. NULL when
 * there is none. */
static int article_headline(px_page *pg, const char *site, const char *host)
{
    const px_doc *d = &pg->doc;
    const px_meta *m = pg->meta;
    char *doc = px_doc_title(&pg->doc, pg->a);
    const char *og = meta_content(pg, "og:title");
    words fields[3];
    int nf = 0;
    if (doc)
        split_words(doc, strip_site(doc, strlen(doc)), &fields[nf++]);
    if (og)
        split_words(og, strlen(og), &fields[nf++]);
    if (m->headline)
        split_words(m->headline, strlen(m->headline), &fields[nf++]);
    px_free(pg->a, doc);
    px_buf hb;
    px_buf_init(&hb, pg->a);
    /* the h1 that agrees best, else the first h2 or h3 that agrees (one
     * further down the article, a "Conclusion: …", echoes the title) */
    int best = -1, best_rank = 4, first_h1 = -1;
    float best_sim = 0.5f;
    for (int i = 0; i < d->n; i++) {
        const px_node *nd = &d->nodes[i];
        if (nd->kind != PX_ELEMENT)
            continue;
        int rank = nd->tag == GUMBO_TAG_H1                              ? 1
                   : nd->tag == GUMBO_TAG_H2 || nd->tag == GUMBO_TAG_H3 ? 2
                   : px_title_block(d, i)                               ? 3
                                                                        : 0;
        if (!rank || rank >= best_rank)
            continue;
        heading_text(pg, i, &hb, true);
        if (!hb.len || not_headline(pg, i) || site_like(hb.data, hb.len, site, host))
            continue;
        if (rank == 1 && first_h1 < 0)
            first_h1 = i;
        words wh;
        split_words(hb.data, hb.len, &wh);
        float sim = 0;
        for (int k = 0; k < nf; k++) {
            float sk = similarity(&wh, &fields[k]);
            sim = sk > sim ? sk : sim;
        }
        if (sim > best_sim || (best >= 0 && rank < best_rank && sim > 0.5f)) {
            best = i;
            best_sim = sim;
            best_rank = rank;
        }
    }
    /* Against a headline in the markup, the h1 must read as a headline
     * too, not as a section's name ("Latest news") */
    if (best < 0 && first_h1 >= 0 && opens_article(pg, first_h1)) {
        heading_text(pg, first_h1, &hb, true);
        if ((!og && !m->headline) || count_words(hb.data, hb.len) >= HEADLINE_WORDS)
            best = first_h1;
    }
    px_buf_free(&hb);
    return best;
}

/* Separators and spaces a kicker left at either end of a headline. */
static void trim_separators(px_buf *b)
{
    static const char seps[][4] = {":", "|", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\xc2\xb7", "\xe2\x80\xa2",
                                   "/", " "};
    for (bool again = true; again && b->len;) {
        again = false;
        for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
            size_t l = strlen(seps[k]);
            if (b->len > l && !memcmp(b->data, seps[k], l)) {
                memmove(b->data, b->data + l, b->len - l);
                b->len -= l;
                again = true;
            }
            if (b->len > l && !memcmp(b->data + b->len - l, seps[k], l)) {
                b->len -= l;
                again = true;
            }
        }
    }
}

/* The title from heading i, without the date and kicker set inside it. */
static void bare_title(px_page *pg, int i)
{
    px_buf hb;
    px_buf_init(&hb, pg->a);
    heading_text(pg, i, &hb, true);
    trim_separators(&hb);
    if (hb.len && !hb.oom && (hb.len != strlen(pg->title) || memcmp(hb.data, pg->title, hb.len))) {
        char *t = px_strndup(pg->a, hb.data, hb.len);
        if (t) {
            px_free(pg->a, pg->title);
            pg->title = t;
        }
    }
    px_buf_free(&hb);
}

/* Do a and b say the same words, in the same order (ASCII case folded)? */
static bool same_words(const char *a, size_t an, const char *b)
{
    words wa, wb;
    split_words(a, an, &wa);
    split_words(b, strlen(b), &wb);
    if (!wa.n || wa.n != wb.n || wa.n == MAX_WORDS)
        return false;
    for (int i = 0; i < wa.n; i++)
        if (wa.h[i] != wb.h[i])
            return false;
    return true;
}

/* Do a and b hold the same letters and digits, case and all, whatever
 * the punctuation and spaces between them? */
static bool same_letters(const char *a, const char *b)
{
    size_t i = 0, j = 0, an = strlen(a), bn = strlen(b);
    for (;;) {
        size_t ai = 0, bj = 0;
        unsigned ca = 0, cb = 0;
        while (i < an && is_sep(ca = px_utf8_next(a + i, an - i, &ai)))
            i += ai;
        while (j < bn && is_sep(cb = px_utf8_next(b + j, bn - j, &bj)))
            j += bj;
        if (i >= an || j >= bn)
            return i >= an && j >= bn;
        if (ca != cb)
            return false;
        i += ai;
        j += bj;
    }
}

/* The title h1 against the markup's headline (JSON-LD, og:title), which
 * sites write without their kicker and with the punctuation they mean:
 * a section glued into the h1 before a separator ("Politics | St. Louis
 * Park elects…" where og:title is "St. Louis Park elects…") goes; a
 * separator the rules hid inside the h1 (an aria-hidden " – " between a
 * kicker and the headline, which leaves only a space) comes back from
 * the markup when its letters are the h1's, case and all. */
static void markup_wording(px_page *pg, int node)
{
    const char *alts[2] = {pg->meta->headline, meta_content(pg, "og:title")};
    char *t = pg->title;
    size_t n = strlen(t);
    /* a kicker in the heading's first element ("<strong>Deutschlandtakt
     * </strong> Flixbus attackiert…"), which the markup leaves out */
    const px_node *nodes = pg->doc.nodes;
    int kick = nodes[node].first;
    while (kick >= 0 && nodes[kick].kind != PX_ELEMENT)
        kick = nodes[kick].next;
    if (kick >= 0) {
        px_buf kb;
        px_buf_init(&kb, pg->a);
        heading_text(pg, kick, &kb, false);
        size_t kl = kb.len;
        bool starts = kl && kl < n && !memcmp(t, kb.data, kl) && count_words(kb.data, kl) <= 3;
        px_buf_free(&kb);
        for (int a = 0; a < 2 && starts; a++)
            if (alts[a] && same_words(t + kl, n - kl, alts[a])) {
                px_buf rb;
                px_buf_init(&rb, pg->a);
                px_buf_append(&rb, t + kl, n - kl);
                trim_separators(&rb);
                px_buf_putc(&rb, '\0');
                if (!rb.oom && rb.len > 1) {
                    memcpy(t, rb.data, rb.len);
                    n = rb.len - 1;
                }
                px_buf_free(&rb);
                break;
            }
    }
    for (size_t k = 0; k < px_title_nseps; k++) {
        size_t sl = strlen(px_title_seps[k]);
        const char *first = strstr(t, px_title_seps[k]);
        if (!first)
            continue;
        size_t off = (size_t)(first - t) + sl;
        for (int a = 0; a < 2; a++)
            if (alts[a] && count_words(t, (size_t)(first - t)) <= 3 && same_words(t + off, n - off, alts[a])) {
                memmove(t, t + off, n - off + 1);
                return;
            }
    }
    px_buf hb;
    px_buf_init(&hb, pg->a);
    bool parted = heading_text(pg, node, &hb, false);
    px_buf_free(&hb);
    for (int a = 0; a < 2 && parted; a++) {
        if (!alts[a] || strlen(alts[a]) <= n || !same_letters(t, alts[a]))
            continue;
        char *f = fold(pg, alts[a], strlen(alts[a]));
        if (f) {
            px_free(pg->a, pg->title);
            pg->title = f;
        }
        return;
    }
}

/* Replaces pg->title by the first h1 of two words or more that is not
 * the site's name. */
static void other_h1(px_page *pg, const char *site, const char *host)
{
    const px_doc *d = &pg->doc;
    px_buf b;
    px_buf_init(&b, pg->a);
    for (int i = 0; i < d->n; i++) {
        if (d->nodes[i].kind != PX_ELEMENT || d->nodes[i].tag != GUMBO_TAG_H1 || i == pg->title_node)
            continue;
        b.len = 0;
        px_node_text(pg, i, &b);
        if (!b.len || count_words(b.data, b.len) < 2 || site_like(b.data, b.len, site, host))
            continue;
        char *t = px_strndup(pg->a, b.data, b.len);
        if (t) {
            px_free(pg->a, pg->title);
            pg->title = t;
        }
        break;
    }
    px_buf_free(&b);
}

int px_title_polish(px_page *pg)
{
    const px_meta *m = pg->meta;
    if (!pg->title || !*pg->title || !m)
        return PITH_OK;
    const char *site = m->site_name;
    const char *host = px_url_host(m->url ? m->url : pg->url);
    int node = pg->title_node;
    if (node < 0 || not_headline(pg, node))
        node = article_headline(pg, site, host);
    if (node >= 0) {
        bare_title(pg, node);
        markup_wording(pg, node);
    }
    strip_site_segments(pg->title, site, host);
    if (!site_like(pg->title, strlen(pg->title), site, host))
        return PITH_OK;
    /* A bare site name (a logo's h1, a title whose headline was cut off):
     * the headline of the markup or of <title> instead, when one is left
     * once the site's segments are gone. */
    char *doc = px_doc_title(&pg->doc, pg->a);
    const char *alt[2] = {m->headline, doc};
    for (int k = 0; k < 2; k++) {
        if (!alt[k])
            continue;
        char *t = px_strndup(pg->a, alt[k], strlen(alt[k]));
        if (!t)
            break;
        strip_site_segments(t, site, host);
        if (count_words(t, strlen(t)) >= 2 && !site_like(t, strlen(t), site, host)) {
            px_free(pg->a, pg->title);
            pg->title = t;
            break;
        }
        px_free(pg->a, t);
    }
    px_free(pg->a, doc);
    /* Neither has one (a <title> of the site's name alone): the first h1
     * that is not the site's name, the article's after the logo's. */
    if (site_like(pg->title, strlen(pg->title), site, host))
        other_h1(pg, site, host);
    return PITH_OK;
}
