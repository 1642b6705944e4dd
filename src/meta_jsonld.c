/*
 * JSON-LD: the article (or web page) object and the WebSite, in plain
 * objects, arrays and @graph, with @id references followed.
 */
#include "meta_impl.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "text.h"

/* ------------------------------------------------------------------ */
/* JSON-LD                                                              */

static bool add_obj(ctx *c, const px_json *o)
{
    if (c->nobjs == c->capobjs) {
        size_t cap = c->capobjs ? c->capobjs * 2 : 16;
        const px_json **v = px_realloc(c->a, c->objs, cap * sizeof *v); // NOLINT(bugprone-sizeof-expression): an array of pointers
        if (!v) {
            c->rc = PITH_ERR_NOMEM;
            return false;
        }
        c->objs = v;
        c->capobjs = cap;
    }
    c->objs[c->nobjs++] = o;
    return true;
}

static void collect(ctx *c, const px_json *v, int depth)
{
    if (!v || depth > 4 || c->rc)
        return;
    if (v->type == PX_JARR) {
        for (size_t i = 0; i < v->n; i++)
            collect(c, v->items[i], depth + 1);
    } else if (v->type == PX_JOBJ) {
        if (!add_obj(c, v))
            return;
        collect(c, px_json_get(v, "@graph"), depth + 1);
    }
}

/* The last part of a type name: "http://schema.org/NewsArticle" and
 * "schema:NewsArticle" are NewsArticle. */
static bool type_is(const char *t, const char *name)
{
    const char *slash = strrchr(t, '/'), *colon = strrchr(t, ':');
    if (slash && (!colon || slash > colon))
        t = slash + 1;
    else if (colon)
        t = colon + 1;
    return !strcmp(t, name);
}

static const char article_types[][28] = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
    "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "Report", "SocialMediaPosting",
    "DiscussionForumPosting", "SatiricalArticle", "AdvertiserContentArticle", "Posting",
    "Recipe", "HowTo",
};
static const char page_types[][12] = {"WebPage", "ItemPage", "AboutPage", "QAPage", "FAQPage"};

static bool has_type(const px_json *o, px_words names)
{
    const px_json *t = px_json_get(o, "@type");
    if (!t)
        return false;
    size_t n = t->type == PX_JARR ? t->n : 1;
    for (size_t i = 0; i < n; i++) {
        const char *s = px_json_str(t->type == PX_JARR ? t->items[i] : t);
        for (size_t k = 0; s && k < names.count; k++)
            if (type_is(s, px_word_at(names, k)))
                return true;
    }
    return false;
}

#define HAS_TYPE(o, list) has_type(o, PX_WORDS(list))

static int cmp_id(const void *x, const void *y)
{
    const ld_id *a = x, *b = y;
    int r = strcmp(a->id, b->id);
    return r ? r : (a->pos > b->pos) - (a->pos < b->pos);
}

/* Sorts the objects by @id once, so that each reference is a binary
 * search: a page may hold tens of thousands of references, and a scan of
 * every object for each was quadratic. */
static void index_ids(ctx *c)
{
    if (!c->nobjs)
        return;
    c->ids = px_malloc(c->a, c->nobjs * sizeof *c->ids);
    if (!c->ids) {
        c->rc = PITH_ERR_NOMEM;
        return;
    }
    for (size_t i = 0; i < c->nobjs; i++) {
        const char *id = px_json_str(px_json_get(c->objs[i], "@id"));
        if (id)
            c->ids[c->nids++] = (ld_id){id, i};
    }
    qsort(c->ids, c->nids, sizeof *c->ids, cmp_id);
}

/* An object that only names another by @id stands for that object: the
 * first other object with that @id. */
static const px_json *deref(const ctx *c, const px_json *v)
{
    if (!v || v->type != PX_JOBJ)
        return v;
    const char *id = px_json_str(px_json_get(v, "@id"));
    if (!id || px_json_get(v, "name") || px_json_get(v, "url"))
        return v;
    size_t lo = 0, hi = c->nids;
    while (lo < hi) { /* the first entry not below id */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->ids[mid].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < c->nids && !strcmp(c->ids[k].id, id); k++)
        if (c->objs[c->ids[k].pos] != v)
            return c->objs[c->ids[k].pos];
    return v;
}

/* A value as a string: the string itself, or an object's name. */
static const char *ld_name(const ctx *c, const px_json *v)
{
    v = deref(c, v);
    if (!v)
        return NULL;
    if (v->type == PX_JSTR)
        return v->s;
    if (v->type == PX_JOBJ) {
        const px_json *n = px_json_get(v, "name");
        if (n && n->type == PX_JARR && n->n)
            n = n->items[0];
        return px_json_str(n);
    }
    return NULL;
}

/* A URL: a string, or an object's url / contentUrl / @id. */
static const char *ld_url(const ctx *c, const px_json *v)
{
    v = deref(c, v);
    if (v && v->type == PX_JARR)
        v = v->n ? deref(c, v->items[0]) : NULL;
    if (!v)
        return NULL;
    if (v->type == PX_JSTR)
        return v->s;
    const char *u = px_json_str(px_json_get(v, "url"));
    if (!u)
        u = px_json_str(px_json_get(v, "contentUrl"));
    if (!u)
        u = px_json_str(px_json_get(v, "@id"));
    return u;
}

static void ld_authors(ctx *c, const px_json *v)
{
    if (!v || c->rc)
        return;
    if (v->type == PX_JARR) {
        for (size_t i = 0; i < v->n && !c->rc; i++)
            ld_authors(c, v->items[i]);
        return;
    }
    v = deref(c, v);
    if (v->type == PX_JSTR) {
        px_meta_add_raw(c, v->s, true);
    } else if (v->type == PX_JOBJ) {
        /* an organisation is the author only when no person is named */
        static const char org_types[][28] = {"Organization", "NewsMediaOrganization",
                                             "Corporation", "NGO", "GovernmentOrganization",
                                             "EducationalOrganization", "CollegeOrUniversity",
                                             "LocalBusiness", "WebSite"};
        static const char person_types[][8] = {"Person"};
        c->as_org = HAS_TYPE(v, org_types) && !HAS_TYPE(v, person_types);
        const px_json *names = px_json_get(v, "name");
        if (names && names->type == PX_JARR) {
            /* "name": ["<a href=…>Jane Doe</a>", "<a href=…>John Roe</a>"] */
            for (size_t i = 0; i < names->n && !c->rc; i++)
                px_meta_add_raw(c, px_json_str(names->items[i]), true);
        } else if (ld_name(c, v)) {
            px_meta_add_raw(c, ld_name(c, v), true);
        } else {
            const char *g = px_json_str(px_json_get(v, "givenName"));
            const char *f = px_json_str(px_json_get(v, "familyName"));
            if (g && f) {
                char buf[256];
                size_t gl = strlen(g), fl = strlen(f);
                if (gl + fl + 2 <= sizeof buf) {
                    memcpy(buf, g, gl);
                    buf[gl] = ' ';
                    memcpy(buf + gl + 1, f, fl + 1);
                    px_meta_add_raw(c, buf, true);
                }
            }
        }
        c->as_org = false;
    }
}

static void ld_list(ctx *c, px_strlist *l, const px_json *v, bool split_commas)
{
    if (!v)
        return;
    if (v->type == PX_JARR) {
        for (size_t i = 0; i < v->n; i++)
            ld_list(c, l, v->items[i], false);
        return;
    }
    const char *s = ld_name(c, v);
    if (s)
        px_meta_list_add_clean(c, l, s, true, split_commas);
}

static void strip_wrappers(const char **s, size_t *n)
{
    static const char heads[][16] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
    static const char tails[][12] = {"-->", "//]]>", "/*]]>*/", "]]>", ";"};
    bool again = true;
    while (again) {
        again = false;
        while (*n && px_meta_is_ws((unsigned char)**s)) {
            (*s)++;
            (*n)--;
        }
        while (*n && px_meta_is_ws((unsigned char)(*s)[*n - 1]))
            (*n)--;
        for (size_t k = 0; k < sizeof heads / sizeof *heads; k++) {
            size_t l = strlen(heads[k]);
            if (*n >= l && !memcmp(*s, heads[k], l)) {
                *s += l;
                *n -= l;
                again = true;
            }
        }
        for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
            size_t l = strlen(tails[k]);
            if (*n >= l && !memcmp(*s + *n - l, tails[k], l)) {
                *n -= l;
                again = true;
            }
        }
    }
}

void px_meta_ld_parse(ctx *c, int script)
{
    const px_node *nodes = c->doc->nodes;
    px_buf b;
    px_buf_init(&b, c->a);
    for (int k = nodes[script].first; k >= 0; k = nodes[k].next)
        if (nodes[k].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&nodes[k], &len);
            px_buf_append(&b, t, len);
        }
    if (b.oom) {
        px_buf_free(&b);
        c->rc = PITH_ERR_NOMEM;
        return;
    }
    const char *s = b.data ? b.data : "";
    size_t n = b.len;
    strip_wrappers(&s, &n);
    px_json_doc *docs = px_realloc(c->a, c->ld, (c->nld + 1) * sizeof *docs);
    if (!docs) {
        px_buf_free(&b);
        c->rc = PITH_ERR_NOMEM;
        return;
    }
    c->ld = docs;
    px_json_doc *d = &c->ld[c->nld];
    int rc = px_json_parse(d, c->a, s, n);
    px_buf_free(&b);
    if (rc == PITH_ERR_NOMEM) {
        px_json_free(d);
        c->rc = rc;
        return;
    }
    if (rc) {
        px_json_free(d); /* malformed: skipped */
        return;
    }
    c->nld++;
    collect(c, d->root, 0);
}

/* Is v false, as JSON or as the string "False" that many sites write? */
static bool ld_false(const px_json *v)
{
    const char *s = px_json_str(v);
    return (v && v->type == PX_JBOOL && !v->b) || (s && !strcasecmp(s, "false"));
}

/* The part of the article a paywall hides, as Google's markup for
 * subscriber content names it: a hasPart object (or one of an array) that
 * is not free, with a cssSelector of one class (".paywall"). Its class
 * goes to m->paid_class; a selector of any other form is passed over. */
static void ld_paid_part(ctx *c, const px_json *v)
{
    if (!v || c->m->paid_class || c->rc)
        return;
    if (v->type == PX_JARR) {
        for (size_t i = 0; i < v->n; i++)
            ld_paid_part(c, v->items[i]);
        return;
    }
    v = deref(c, v);
    if (!v || v->type != PX_JOBJ || !ld_false(px_json_get(v, "isAccessibleForFree")))
        return;
    const char *sel = px_json_str(px_json_get(v, "cssSelector"));
    if (!sel || sel[0] != '.' || !sel[1])
        return;
    size_t n = strspn(sel + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
    if (sel[1 + n])
        return;
    if (!(c->m->paid_class = px_strndup(c->a, sel + 1, n)))
        c->rc = PITH_ERR_NOMEM;
}

void px_meta_from_ld(ctx *c)
{
    index_ids(c);
    if (c->rc)
        return;
    for (size_t i = 0; i < c->nobjs && !c->art; i++)
        if (HAS_TYPE(c->objs[i], article_types))
            c->art = c->objs[i];
    for (size_t i = 0; i < c->nobjs && !c->art; i++)
        if (HAS_TYPE(c->objs[i], page_types)) {
            c->art = c->objs[i];
            /* a page whose main entity is the article */
            const px_json *me = deref(c, px_json_get(c->art, "mainEntity"));
            if (me && me->type == PX_JOBJ && HAS_TYPE(me, article_types))
                c->art = me;
        }
    static const char site_types[][12] = {"WebSite"};
    for (size_t i = 0; i < c->nobjs && !c->site; i++)
        if (HAS_TYPE(c->objs[i], site_types))
            c->site = c->objs[i];
    px_meta *m = c->m;
    const px_json *a = c->art;
    if (a) {
        const px_json *h = px_json_get(a, "headline");
        px_meta_set_field(c, &m->headline, px_json_str(h ? h : px_json_get(a, "name")), true);
        const px_json *pub = deref(c, px_json_get(a, "publisher"));
        c->ld_publisher = ld_name(c, pub);
    }
    /* the name before the authors, who are told from it */
    px_meta_site_markup(c);
    if (a) {
        const px_json *au = px_json_get(a, "author");
        ld_authors(c, au ? au : px_json_get(a, "creator"));
        const char *dp = px_json_str(px_json_get(a, "datePublished"));
        px_meta_set_date(c, &m->date_published, dp ? dp : px_json_str(px_json_get(a, "dateCreated")));
        px_meta_set_date(c, &m->date_modified, px_json_str(px_json_get(a, "dateModified")));
        const char *u = px_json_str(px_json_get(a, "url"));
        if (!u)
            u = ld_url(c, px_json_get(a, "mainEntityOfPage"));
        px_meta_set_url(c, &m->url, u);
        px_meta_set_field(c, &m->language, ld_name(c, px_json_get(a, "inLanguage")), true);
        px_meta_set_field(c, &m->description, px_json_str(px_json_get(a, "description")), true);
        const px_json *img = px_json_get(a, "image");
        px_meta_set_url(c, &m->image, ld_url(c, img ? img : px_json_get(a, "thumbnailUrl")));
        ld_list(c, &m->categories, px_json_get(a, "articleSection"), false);
        ld_list(c, &m->tags, px_json_get(a, "keywords"), true);
        ld_paid_part(c, px_json_get(a, "hasPart"));
    }
    if (c->site)
        px_meta_set_field(c, &m->language, ld_name(c, px_json_get(c->site, "inLanguage")), true);
}