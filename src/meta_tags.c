/*
 * <meta> tags (OpenGraph, Twitter cards, Dublin Core, itemprop, names),
 * microdata on other elements, and tag and category links.
 */
#include "meta_impl.h"

#include <stdio.h>
#include <string.h>
#include "date.h"
#include "text.h"
#include "url.h"

/* ------------------------------------------------------------------ */
/* Tag and category links                                               */

/* Does a class or id of one of the six elements above link i say one of
 * words ("tags-links", "sidebar")? */
static bool ancestors_say(const ctx *c, int i, px_words words)
{
    int p = c->doc->nodes[i].parent;
    return p >= 0 && px_meta_named(c, p, 5, words);
}

static void link_terms(ctx *c, int i, px_strlist *tags, px_strlist *cats)
{
    const px_node *nd = &c->doc->nodes[i];
    const char *href = px_attr(nd, "href");
    if (!href)
        return;
    const char *rel = px_attr(nd, "rel");
    static const char noise[][12] = {"cloud", "widget", "sidebar", "menu", "nav", "crumb"};
    static const char tag_paths[][16] = {"/tag/", "/tags/", "/tagged/", "/topic/", "/topics/",
                                         "/label/", "/schlagwort/", "/stichwort/", "/keyword/"};
    static const char tag_words[][12] = {"tag", "label", "keyword", "topic", "schlagw"};
    static const char cat_paths[][16] = {"/category/", "/categories/", "/kategorie/",
                                         "/categorie/", "/categoria/", "/rubrique/"};
    static const char cat_words[][12] = {"categor", "cat-links", "post-cat", "kategor", "rubri"};
    px_strlist *to = NULL;
    if (px_meta_has_token(rel, "category"))
        to = cats;
    else if (px_meta_has_token(rel, "tag"))
        to = tags;
    else if (px_meta_path_has(href, PX_WORDS(tag_paths)) &&
             ancestors_say(c, i, PX_WORDS(tag_words)))
        to = tags;
    else if (px_meta_path_has(href, PX_WORDS(cat_paths)) &&
             ancestors_say(c, i, PX_WORDS(cat_words)))
        to = cats;
    if (!to || ancestors_say(c, i, PX_WORDS(noise)))
        return;
    char *t = px_meta_node_text(c, i, MAX_ITEM);
    if (!t)
        return;
    /* "#china" and "China (12)" are China */
    const char *s = t;
    while (*s == '#')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ')') {
        const char *open = memchr(s, '(', n);
        if (!open)
            break;
        n = (size_t)(open - s);
    }
    if (px_meta_list_add(c->a, to, s, n))
        c->rc = PITH_ERR_NOMEM;
    px_free(c->a, t);
}
/* ------------------------------------------------------------------ */
/* Microdata                                                            */

/* The value of an itemprop element: content, datetime, or its text. */
static char *item_value(ctx *c, int i)
{
    const px_node *nd = &c->doc->nodes[i];
    const char *v = px_attr(nd, "content");
    if (!v)
        v = px_attr(nd, "datetime");
    if (v)
        return px_meta_clean(c, v, false);
    return px_meta_node_text(c, i, 200);
}

/* A date's value: in content, datetime or title (hAtom's
 * <abbr class="published" title="2023-11-12T16:12:00Z">16:12</abbr>,
 * which Blogger also marks itemprop=datePublished), else in the text;
 * the first that is a date. */
static char *date_value(ctx *c, int i)
{
    const px_node *nd = &c->doc->nodes[i];
    static const char attrs[][12] = {"content", "datetime", "title"};
    px_date d;
    for (size_t k = 0; k < sizeof attrs / sizeof *attrs; k++) {
        const char *v = px_attr(nd, attrs[k]);
        if (v && px_date_parse(v, strlen(v), &d))
            return px_meta_clean(c, v, false);
    }
    return px_meta_node_text(c, i, 200);
}

/* The item (the nearest itemscope above node i) a property belongs to;
 * -1 for none. */
static int item_of(const px_node *nodes, int i)
{
    for (int p = nodes[i].parent; p >= 0; p = nodes[p].parent)
        if (px_attr(&nodes[p], "itemscope"))
            return p;
    return -1;
}

/* The name inside an itemprop=author (or publisher) element. */
static char *item_name(ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    for (int j = i + 1; j < nodes[i].end; j++)
        if (px_meta_has_token(px_attr(&nodes[j], "itemprop"), "name"))
            return item_value(c, j);
    if (px_attr(&nodes[i], "itemscope") && !px_attr(&nodes[i], "content"))
        return NULL; /* a Person without a name */
    return item_value(c, i);
}
/* ------------------------------------------------------------------ */
/* The first pass                                                       */

/* One pass over the page: the meta tags, the JSON-LD blocks parsed, and
 * where the other sources are. */
void px_meta_scan(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    c->base = c->canonical = c->image_src = c->time_pub = c->time_art = c->time_any = -1;
    c->nhatom[0] = c->nhatom[1] = 0;
    int n_scripts = 0;
    size_t cap = 0;
    for (int i = 0; i < c->doc->n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        px_meta_hatom_seen(c, i);
        if (nd->tag == GUMBO_TAG_META) {
            const char *content = px_attr(nd, "content");
            const char *keys[4] = {px_attr(nd, "property"), px_attr(nd, "name"),
                                   px_attr(nd, "itemprop"), px_attr(nd, "http-equiv")};
            for (int k = 0; k < 4 && content; k++) {
                if (!keys[k])
                    continue;
                if (c->ntags == cap) {
                    cap = cap ? cap * 2 : 64;
                    meta_tag *t = px_realloc(c->a, c->tags, cap * sizeof *t);
                    if (!t) {
                        c->rc = PITH_ERR_NOMEM;
                        return;
                    }
                    c->tags = t;
                }
                c->tags[c->ntags++] = (meta_tag){keys[k], content};
            }
        } else if (nd->tag == GUMBO_TAG_BASE && c->base < 0 && px_attr(nd, "href")) {
            c->base = i;
        } else if (nd->tag == GUMBO_TAG_LINK) {
            const char *rel = px_attr(nd, "rel");
            if (c->canonical < 0 && px_meta_has_token(rel, "canonical") && px_attr(nd, "href"))
                c->canonical = i;
            if (c->image_src < 0 && px_meta_has_token(rel, "image_src") && px_attr(nd, "href"))
                c->image_src = i;
        } else if (nd->tag == GUMBO_TAG_SCRIPT) {
            const char *type = px_attr(nd, "type");
            if (type) {
                while (px_meta_is_ws((unsigned char)*type))
                    type++;
                if (px_meta_prefix_ci(type, "application/ld+json") && n_scripts++ < 32)
                    px_meta_ld_parse(c, i);
            }
        } else if (nd->tag == GUMBO_TAG_TIME && px_attr(nd, "datetime")) {
            px_date d;
            const char *dt = px_attr(nd, "datetime");
            if (!px_date_parse(dt, strlen(dt), &d))
                continue;
            if (c->time_pub < 0 && (px_attr(nd, "pubdate") ||
                                    px_meta_has_token(px_attr(nd, "itemprop"), "datePublished")))
                c->time_pub = i;
            /* the fallbacks below take the first <time>, and a comment's
             * comes after the post's only when the post shows none */
            if ((c->time_art < 0 || c->time_any < 0) && px_meta_in_comments(c, i, 8))
                continue;
            if (c->time_any < 0)
                c->time_any = i;
            if (c->time_art < 0)
                for (int p = nd->parent; p >= 0; p = nodes[p].parent)
                    if (px_meta_is_elem(&nodes[p], GUMBO_TAG_ARTICLE)) {
                        c->time_art = i;
                        break;
                    }
        }
    }
}

/* ------------------------------------------------------------------ */
/* The tags, by source                                                  */

#define COUNT(a) (sizeof a / sizeof *a)

/* Does an author tag credit the software that made the page: its first
 * word is the generator's ("Discuz! Team and Comsenz UI Team" beside
 * <meta name="generator" content="Discuz! X3.4">)? */
static bool software_credit(const ctx *c, const char *content)
{
    const char *gen = px_meta_tag(c, "generator");
    if (!gen)
        return false;
    size_t gl = strcspn(gen, " \t\n\r");
    return gl >= 3 && strlen(content) >= gl && px_ascii_ieq(content, gen, gl) && (!content[gl] || content[gl] == ' ');
}

/* Every tag with this key: co-authors come one tag each
 * (<meta name="dc.creator"> three times). */
static void add_all_authors(ctx *c, const char *key)
{
    for (size_t i = 0; i < c->ntags && !c->rc; i++)
        if (px_meta_eq_ci(c->tags[i].key, key) && *c->tags[i].content && !software_credit(c, c->tags[i].content))
            px_meta_add_raw(c, c->tags[i].content, false);
}

void px_meta_opengraph(ctx *c)
{
    px_meta *m = c->m;
    px_meta_set_field(c, &m->headline, px_meta_tag(c, "og:title"), false);
    px_meta_set_url(c, &m->url, px_meta_tag(c, "og:url"));
    px_meta_set_field(c, &m->description, px_meta_tag(c, "og:description"), false);
    px_meta_set_url(c, &m->image, px_meta_tag(c, "og:image"));
    px_meta_set_url(c, &m->image, px_meta_tag(c, "og:image:url"));
    px_meta_set_url(c, &m->image, px_meta_tag(c, "og:image:secure_url"));
    px_meta_set_field(c, &m->language, px_meta_tag(c, "og:locale"), false);
    static const char pub_og[][28] = {"article:published_time", "og:article:published_time",
                                      "og:published_time", "article:published"};
    for (size_t k = 0; k < COUNT(pub_og); k++)
        px_meta_set_date(c, &m->date_published, px_meta_tag(c, pub_og[k]));
    static const char mod_og[][28] = {"article:modified_time", "og:article:modified_time",
                                      "og:updated_time", "article:modified"};
    for (size_t k = 0; k < COUNT(mod_og); k++)
        px_meta_set_date(c, &m->date_modified, px_meta_tag(c, mod_og[k]));
    if (!m->authors.n)
        add_all_authors(c, px_meta_tag(c, "article:author") ? "article:author" : "og:article:author");
    if (!m->categories.n)
        for (size_t i = 0; i < c->ntags; i++)
            if (px_meta_eq_ci(c->tags[i].key, "article:section"))
                px_meta_list_add_clean(c, &m->categories, c->tags[i].content, false, false);
    if (!m->tags.n)
        for (size_t i = 0; i < c->ntags; i++)
            if (px_meta_eq_ci(c->tags[i].key, "article:tag") || px_meta_eq_ci(c->tags[i].key, "og:article:tag"))
                px_meta_list_add_clean(c, &m->tags, c->tags[i].content, false, false);
}

/* Twitter cards and Dublin Core. */
void px_meta_cards(ctx *c)
{
    px_meta *m = c->m;
    px_meta_set_field(c, &m->headline, px_meta_tag(c, "twitter:title"), false);
    px_meta_set_field(c, &m->description, px_meta_tag(c, "twitter:description"), false);
    px_meta_set_url(c, &m->image, px_meta_tag(c, "twitter:image"));
    px_meta_set_url(c, &m->image, px_meta_tag(c, "twitter:image:src"));
    px_meta_set_url(c, &m->url, px_meta_tag(c, "twitter:url"));
    if (!m->authors.n)
        for (int k = 1; k <= 4; k++) {
            char lk[24], dk[24];
            snprintf(lk, sizeof lk, "twitter:label%d", k);
            snprintf(dk, sizeof dk, "twitter:data%d", k);
            const char *label = px_meta_tag(c, lk);
            if (label && (px_meta_eq_ci(label, "Written by") || px_meta_eq_ci(label, "Author") ||
                          px_meta_eq_ci(label, "Autor") || px_meta_eq_ci(label, "Auteur") || px_meta_eq_ci(label, "By")))
                px_meta_add_raw(c, px_meta_tag(c, dk), false);
        }
    static const char dc_creator[][20] = {"dc.creator", "dcterms.creator", "dc.contributor"};
    for (size_t k = 0; k < COUNT(dc_creator) && !m->authors.n; k++)
        add_all_authors(c, dc_creator[k]);
    /* issued, then available (Plone's effective date: when the item went
     * public), before created (when its draft was begun) */
    static const char dc_pub[][20] = {"dcterms.issued", "dc.date.issued", "dcterms.available", "dc.available",
                                      "dc.date.available", "dcterms.created", "dc.date.created", "dc.date",
                                      "dcterms.date"};
    for (size_t k = 0; k < COUNT(dc_pub); k++)
        px_meta_set_date(c, &m->date_published, px_meta_tag(c, dc_pub[k]));
    px_meta_set_date(c, &m->date_modified, px_meta_tag(c, "dcterms.modified"));
    px_meta_set_date(c, &m->date_modified, px_meta_tag(c, "dc.date.modified"));
    px_meta_set_field(c, &m->language, px_meta_tag(c, "dc.language"), false);
    px_meta_set_field(c, &m->language, px_meta_tag(c, "dcterms.language"), false);
    px_meta_set_field(c, &m->description, px_meta_tag(c, "dc.description"), false);
    px_meta_set_field(c, &m->description, px_meta_tag(c, "dcterms.description"), false);
    px_meta_set_field(c, &m->headline, px_meta_tag(c, "dc.title"), false);
}

/* RDFa dates on elements: Drupal writes the node's date as
 * <span property="dc:date dc:created" content="2019-02-08T00:00:00+01:00">
 * around a date in words, and the same on each comment's date. */
static void rdfa_dates(ctx *c, int i)
{
    static const char pub[][24] = {"dc:date", "dc:created", "dc:issued", "dcterms:created",
                                   "dcterms:issued", "schema:datePublished"};
    static const char mod[][24] = {"dc:modified", "dcterms:modified", "schema:dateModified"};
    const char *prop = px_attr(&c->doc->nodes[i], "property");
    char **field = NULL;
    for (size_t k = 0; k < COUNT(pub) && !field; k++)
        if (px_meta_has_token(prop, pub[k]))
            field = &c->m->date_published;
    for (size_t k = 0; k < COUNT(mod) && !field; k++)
        if (px_meta_has_token(prop, mod[k]))
            field = &c->m->date_modified;
    if (!field || *field || px_meta_elsewhere(c, i, 8))
        return;
    char *v = date_value(c, i);
    px_meta_set_date(c, field, v);
    px_free(c->a, v);
}

/* itemprop on elements other than <meta> (those are in c->tags), tag and
 * category links, then the itemprop and name tags. */
void px_meta_microdata(ctx *c)
{
    px_meta *m = c->m;
    const px_node *nodes = c->doc->nodes;
    px_strlist link_tags = {0}, link_cats = {0};
    int author_item = -1; /* the item whose itemprop=author gave the authors */
    for (int i = 0; i < c->doc->n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE || nd->tag == GUMBO_TAG_TEMPLATE) {
            i = nd->end - 1;
            continue;
        }
        const char *ip = nd->tag == GUMBO_TAG_META ? NULL : px_attr(nd, "itemprop");
        if (ip) {
            /* co-authors: each itemprop=author of the item that gave
             * the first ("Sam Lee" and "Ana Gómez" of a BlogPosting) */
            if (px_meta_has_token(ip, "author") &&
                (m->authors.n == 0 || (author_item >= 0 && item_of(nodes, i) == author_item))) {
                char *v = item_name(c, i);
                px_meta_add_raw(c, v, false);
                px_free(c->a, v);
                if (author_item < 0 && m->authors.n)
                    author_item = item_of(nodes, i);
            }
            if (px_meta_has_token(ip, "publisher") && !c->micro_publisher)
                c->micro_publisher = item_name(c, i); /* weighed in meta_site.c */
            if (px_meta_has_token(ip, "datePublished") && !m->date_published) {
                char *v = date_value(c, i);
                px_meta_set_date(c, &m->date_published, v);
                px_free(c->a, v);
            }
            if (px_meta_has_token(ip, "dateModified") && !m->date_modified) {
                char *v = date_value(c, i);
                px_meta_set_date(c, &m->date_modified, v);
                px_free(c->a, v);
            }
            if (px_meta_has_token(ip, "image") && !m->image) {
                const char *u = px_attr(nd, "src");
                if (!u)
                    u = px_attr(nd, "content");
                if (!u)
                    u = px_attr(nd, "href");
                px_meta_set_url(c, &m->image, u);
            }
        }
        if (nd->tag != GUMBO_TAG_META && px_attr(nd, "property"))
            rdfa_dates(c, i);
        if (nd->tag == GUMBO_TAG_A)
            link_terms(c, i, &link_tags, &link_cats);
    }
    /* tag and category links count only when no tag says better */
    if (!m->tags.n) {
        px_meta_list_free(c->a, &m->tags);
        m->tags = link_tags;
        memset(&link_tags, 0, sizeof link_tags);
    }
    if (!m->categories.n) {
        px_meta_list_free(c->a, &m->categories);
        m->categories = link_cats;
        memset(&link_cats, 0, sizeof link_cats);
    }
    px_meta_list_free(c->a, &link_tags);
    px_meta_list_free(c->a, &link_cats);
    /* meta itemprop was collected with the meta tags */
    if (!m->authors.n)
        add_all_authors(c, "author"); /* itemprop=author on <meta>, or name=author */
    px_meta_set_date(c, &m->date_published, px_meta_tag(c, "datePublished"));
    px_meta_set_date(c, &m->date_modified, px_meta_tag(c, "dateModified"));
    static const char author_names[][20] = {"parsely-author", "sailthru.author", "byl",
                                            "citation_author", "article.author"};
    for (size_t k = 0; k < COUNT(author_names) && !m->authors.n; k++)
        add_all_authors(c, author_names[k]);
}

/* Dates in <meta name=...> and in <time datetime>. */
void px_meta_named_dates(ctx *c)
{
    px_meta *m = c->m;
    static const char pub_names[][28] = {"date", "pubdate", "publishdate", "publish-date",
                                         "publish_date", "publication_date", "sailthru.date",
                                         "parsely-pub-date", "article.published",
                                         "citation_publication_date", "citation_date"};
    for (size_t k = 0; k < COUNT(pub_names); k++)
        px_meta_set_date(c, &m->date_published, px_meta_tag(c, pub_names[k]));
    px_meta_set_date(c, &m->date_modified, px_meta_tag(c, "last-modified"));
    px_meta_set_date(c, &m->date_modified, px_meta_tag(c, "article.updated"));
    px_meta_hatom_dates(c);
    int t = c->time_pub >= 0 ? c->time_pub : c->time_art >= 0 ? c->time_art : c->time_any;
    if (t >= 0)
        px_meta_set_date(c, &m->date_published, px_attr(&c->doc->nodes[t], "datetime"));
}

/* The least trusted tags: description, image_src, application-name and
 * news_keywords. */
void px_meta_last_tags(ctx *c)
{
    px_meta *m = c->m;
    px_meta_set_field(c, &m->description, px_meta_tag(c, "description"), false);
    if (c->image_src >= 0)
        px_meta_set_url(c, &m->image, px_attr(&c->doc->nodes[c->image_src], "href"));
    if (!m->tags.n)
        px_meta_list_add_clean(c, &m->tags, px_meta_tag(c, "news_keywords"), false, true);
}

void px_meta_page_lang(ctx *c)
{
    const char *langs[] = {c->doc->html >= 0 ? px_attr(&c->doc->nodes[c->doc->html], "lang") : NULL,
                           px_meta_tag(c, "content-language"), c->m->language};
    for (size_t k = 0; k < sizeof langs / sizeof *langs; k++) {
        const char *l = langs[k];
        size_t n = 0;
        while (l && n < sizeof c->m->lang - 1 && ((l[n] >= 'a' && l[n] <= 'z') || (l[n] >= 'A' && l[n] <= 'Z'))) {
            c->m->lang[n] = (char)(l[n] | 0x20);
            n++;
        }
        /* "en-US", "pt_BR", "sw": a primary subtag of two or three letters */
        if (n >= 2 && (!l[n] || l[n] == '-' || l[n] == '_')) {
            c->m->lang[n] = '\0';
            return;
        }
    }
    c->m->lang[0] = '\0';
}

/* <html lang>, then Content-Language; "en_US" is written en-US. */
void px_meta_language(ctx *c)
{
    px_meta *m = c->m;
    if (c->doc->html >= 0)
        px_meta_set_field(c, &m->language, px_attr(&c->doc->nodes[c->doc->html], "lang"), false);
    const char *cl = px_meta_tag(c, "content-language");
    if (cl && !m->language && !c->rc) {
        size_t n = strcspn(cl, ",");
        char *v = px_strndup(c->a, cl, n);
        if (!v)
            c->rc = PITH_ERR_NOMEM;
        px_meta_set_field(c, &m->language, v, false);
        px_free(c->a, v);
    }
    if (m->language)
        for (char *p = m->language; *p; p++)
            if (*p == '_')
                *p = '-';
}
