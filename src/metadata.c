#include "metadata.h"

#include <stdio.h>
#include <string.h>
#include "date.h"
#include "json.h"
#include "text.h"
#include "url.h"

#define MAX_LIST 50      /* entries kept in a list field */
#define MAX_ITEM 120     /* bytes in a tag, a category or an author */
#define MAX_AUTHORS 12

typedef struct meta_tag {
    const char *key;     /* property, name, itemprop or http-equiv */
    const char *content;
} meta_tag;

typedef struct ctx {
    px_meta *m;
    const px_doc *doc;
    const px_alloc *a;
    int rc;
    meta_tag *tags;
    size_t ntags;
    px_json_doc *ld;     /* the parsed JSON-LD blocks */
    size_t nld;
    const px_json **objs; /* every JSON-LD object at the top of a block,
                           * of an array or of an @graph */
    size_t nobjs, capobjs;
    const px_json *art;  /* the article, or the web page */
    const px_json *site; /* the WebSite */
} ctx;

/* ------------------------------------------------------------------ */
/* Strings                                                              */

static bool is_ws(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Does s start with p, ignoring ASCII case? One pass over p: no strlen of
 * s, which named() calls at every offset of a class attribute. */
static bool has_prefix_ci(const char *s, const char *p)
{
    for (; *p; s++, p++) {
        unsigned char x = (unsigned char)*s, y = (unsigned char)*p;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y) /* the end of s too: y is never NUL here */
            return false;
    }
    return true;
}

static bool eq_ci(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && px_ascii_ieq(a, b, n);
}

/* Named character references that JSON-LD and meta values carry over
 * from templates that escaped them once too often. */
static const struct { const char *name; unsigned cp; } entities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"nbsp", 0xA0}, {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"copy", 0xA9}, {"reg", 0xAE},
    {"trade", 0x2122}, {"bull", 0x2022}, {"middot", 0xB7}, {"eacute", 0xE9},
};

/* Length of a character reference at s ("&#8217;", "&amp;"), its code
 * point in *cp; 0 when there is none. */
static size_t entity(const char *s, size_t n, unsigned *cp)
{
    if (n < 3 || s[0] != '&')
        return 0;
    if (s[1] == '#') {
        size_t i = 2;
        bool hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        unsigned v = 0;
        size_t st = i;
        while (i < n && i - st < 8) {
            char c = s[i];
            int d = c >= '0' && c <= '9' ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + (unsigned)d;
            i++;
        }
        if (i == st || i >= n || s[i] != ';')
            return 0;
        *cp = v;
        return i + 1;
    }
    for (size_t k = 0; k < sizeof entities / sizeof *entities; k++) {
        size_t l = strlen(entities[k].name);
        if (l + 2 <= n && !memcmp(s + 1, entities[k].name, l) && s[l + 1] == ';') {
            *cp = entities[k].cp;
            return l + 2;
        }
    }
    return 0;
}

/* s folded to single spaces and trimmed; with html, also character
 * references decoded and tags removed (JSON-LD strings hold HTML). */
static char *clean(ctx *c, const char *s, bool html)
{
    if (!s)
        return NULL;
    px_buf raw, out;
    px_buf_init(&raw, c->a);
    px_buf_init(&out, c->a);
    size_t n = strlen(s);
    if (html) {
        for (size_t i = 0; i < n;) {
            unsigned cp;
            size_t el = entity(s + i, n - i, &cp);
            if (el) {
                px_buf_put_cp(&raw, cp);
                i += el;
            } else if (s[i] == '<' && i + 1 < n &&
                       (((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z') || s[i + 1] == '/')) {
                const char *gt = memchr(s + i, '>', n - i);
                if (!gt) {
                    px_buf_putc(&raw, s[i++]);
                    continue;
                }
                px_buf_putc(&raw, ' ');
                i = (size_t)(gt - s) + 1;
            } else {
                px_buf_putc(&raw, s[i++]);
            }
        }
        s = raw.data ? raw.data : "";
        n = raw.len;
    }
    bool pending = false;
    px_append_folded(&out, s, n, &pending);
    bool oom = raw.oom || out.oom;
    px_buf_free(&raw);
    char *r = px_buf_detach(&out, NULL);
    if (oom || !r) {
        px_free(c->a, r);
        c->rc = PITH_ERR_NOMEM;
        return NULL;
    }
    return r;
}

/* Sets *field to the cleaned value when it is still empty. */
static void set_field(ctx *c, char **field, const char *value, bool html)
{
    if (*field || !value || c->rc)
        return;
    char *v = clean(c, value, html);
    if (v && *v)
        *field = v;
    else
        px_free(c->a, v);
}

static void set_date(ctx *c, char **field, const char *value)
{
    if (*field || !value || c->rc)
        return;
    char iso[PX_DATE_MAX];
    if (!px_date_iso(value, strlen(value), iso))
        return;
    *field = px_strndup(c->a, iso, strlen(iso));
    if (!*field)
        c->rc = PITH_ERR_NOMEM;
}

static void set_url(ctx *c, char **field, const char *value)
{
    if (*field || !value || c->rc)
        return;
    char *u = px_url_resolve(c->a, c->m->base, value);
    if (!u) {
        c->rc = PITH_ERR_NOMEM;
        return;
    }
    if (*u && px_url_is_safe(u, false))
        *field = u;
    else
        px_free(c->a, u);
}

static int list_add(const px_alloc *a, px_strlist *l, const char *s, size_t n)
{
    while (n && is_ws((unsigned char)s[n - 1]))
        n--;
    while (n && is_ws((unsigned char)*s)) {
        s++;
        n--;
    }
    if (!n || n > MAX_ITEM || l->n >= MAX_LIST)
        return PITH_OK;
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->v[i]) == n && px_ascii_ieq(l->v[i], s, n))
            return PITH_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **v = px_realloc(a, l->v, cap * sizeof *v);
        if (!v)
            return PITH_ERR_NOMEM;
        l->v = v;
        l->cap = cap;
    }
    char *d = px_strndup(a, s, n);
    if (!d)
        return PITH_ERR_NOMEM;
    l->v[l->n++] = d;
    return PITH_OK;
}

static void list_free(const px_alloc *a, px_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        px_free(a, l->v[i]);
    px_free(a, l->v);
    memset(l, 0, sizeof *l);
}

/* Adds a cleaned value to a list, or its comma-separated parts. */
static void list_add_clean(ctx *c, px_strlist *l, const char *value, bool html, bool split_commas)
{
    if (!value || c->rc)
        return;
    char *v = clean(c, value, html);
    if (!v)
        return;
    const char *p = v;
    while (*p && !c->rc) {
        const char *e = split_commas ? strchr(p, ',') : NULL;
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (list_add(c->a, l, p, n))
            c->rc = PITH_ERR_NOMEM;
        p += n;
        if (*p)
            p++;
    }
    px_free(c->a, v);
}

/* ------------------------------------------------------------------ */
/* Authors                                                              */

static const char *const role_words[] = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent",
    "correspondents", "editor", "editors", "contributor", "contributors",
    "contributing", "columnist", "journalist", "journalists", "photographer",
    "photographers", "photos", "photo", "senior", "chief", "associate",
    "assistant", "deputy", "special", "foreign", "freelance", "guest", "author",
    "authors", "managing", "executive", "editorial", "intern", "analyst",
    "producer", "video", "digital", "copy", "redakteur", "redakteurin",
    "korrespondent", "korrespondentin", "autor", "autorin", "journaliste",
    "rédacteur", "rédactrice", "redactor", "redactora", "redactie", "periodista",
    "giornalista", "corrispondente", "redacteur", "verslaggever", "jornalista",
    "envoyé", "envoyée", "spécial", "spéciale",
};

static const char *const by_words[] = {
    "written by", "posted by", "words by", "story by", "reporting by", "text by",
    "published by", "by", "von", "par", "por", "di", "door", "av", "af", "author", "autor",
    "auteur", "autore", "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", /* Автор */
    "\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80",                 /* автор */
};

static bool is_role_word(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof role_words / sizeof *role_words; k++)
        if (strlen(role_words[k]) == n && px_ascii_ieq(w, role_words[k], n))
            return true;
    return false;
}

/* Cleans one candidate name s[0..n) and adds it. */
static int add_name(const px_meta *m, px_strlist *out, const char *s, size_t n)
{
    /* trim white space and stray punctuation */
    for (;;) {
        while (n && (is_ws((unsigned char)*s) || *s == ':' || *s == '-' || *s == ',' || *s == '.')) {
            s++;
            n--;
        }
        while (n && (is_ws((unsigned char)s[n - 1]) || s[n - 1] == ':' || s[n - 1] == '-' ||
                     s[n - 1] == ','))
            n--;
        /* leading "By", "Written by", "Von", "Author:" */
        bool again = false;
        for (size_t k = 0; k < sizeof by_words / sizeof *by_words; k++) {
            size_t bl = strlen(by_words[k]);
            if (n == bl && px_ascii_ieq(s, by_words[k], bl))
                return PITH_OK; /* "By" and nothing else */
            if (n > bl && px_ascii_ieq(s, by_words[k], bl) && (is_ws((unsigned char)s[bl]) || s[bl] == ':')) {
                s += bl;
                n -= bl;
                again = true;
                break;
            }
        }
        if (!again)
            break;
    }
    if (!n || n > 80)
        return PITH_OK;
    /* words: none may hold a digit, '@' (a handle) or "://" */
    const char *ws[16];
    size_t wl[16];
    int nw = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && is_ws((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        size_t st = i;
        while (i < n && !is_ws((unsigned char)s[i]))
            i++;
        if (nw == 16)
            return PITH_OK;
        ws[nw] = s + st;
        wl[nw++] = i - st;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= '0' && ch <= '9') || ch == '@' || ch == '/' || ch == '<' || ch == '>')
            return PITH_OK;
        /* arrows and guillemets: "View Archive →", "More »" */
        if ((ch == 0xE2 && i + 1 < n && ((unsigned char)s[i + 1] == 0x86 || (unsigned char)s[i + 1] == 0x87)) ||
            (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB) ||
            (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xBA))
            return PITH_OK;
    }
    /* link labels, not names */
    static const char *const labels[] = {"view", "archive", "posts", "all", "more", "profile",
                                         "articles", "stories", "read", "see", "follow", "contact",
                                         "email", "website", "home", "bio", "click", "here"};
    for (int k = 0; k < nw; k++)
        for (size_t l = 0; l < sizeof labels / sizeof *labels; l++)
            if (strlen(labels[l]) == wl[k] && px_ascii_ieq(ws[k], labels[l], wl[k]))
                return PITH_OK;
    /* roles before and after the name, as long as two words of a name
     * stay ("Jane Doe, Staff Writer"; but "Mary Writer" is a name) */
    int b = 0, e = nw, roles = 0;
    for (int k = 0; k < nw; k++)
        roles += is_role_word(ws[k], wl[k]);
    if (roles == nw)
        return PITH_OK;
    while (e - b > 2 && is_role_word(ws[e - 1], wl[e - 1]))
        e--;
    while (e - b > 2 && is_role_word(ws[b], wl[b]))
        b++;
    if (e - b > 6)
        return PITH_OK;
    s = ws[b];
    n = (size_t)(ws[e - 1] + wl[e - 1] - s);
    if (m && m->site_name && strlen(m->site_name) == n && px_ascii_ieq(m->site_name, s, n))
        return PITH_OK;
    if (out->n >= MAX_AUTHORS)
        return PITH_OK;
    return list_add(m ? m->a : NULL, out, s, n);
}

int px_meta_add_authors(const px_meta *m, px_strlist *out, const char *raw)
{
    if (!raw)
        return PITH_OK;
    size_t n = strlen(raw);
    if (strstr(raw, "://") || has_prefix_ci(raw, "www."))
        return PITH_OK;
    /* a name in parentheses as a whole: "(Jane Doe)", "（北浜日報 社会部）" */
    while (n && is_ws((unsigned char)*raw)) {
        raw++;
        n--;
    }
    while (n && is_ws((unsigned char)raw[n - 1]))
        n--;
    if (n >= 2 && raw[0] == '(' && raw[n - 1] == ')') {
        raw++;
        n -= 2;
    } else if (n >= 6 && !memcmp(raw, "\xef\xbc\x88", 3) && !memcmp(raw + n - 3, "\xef\xbc\x89", 3)) {
        raw += 3;
        n -= 6;
    }
    /* Drop parenthesised parts: "Jane Doe (Reuters)". */
    char buf[512];
    size_t bn = 0;
    int depth = 0;
    for (size_t i = 0; i < n && bn + 1 < sizeof buf; i++) {
        if (raw[i] == '(' || raw[i] == '[')
            depth++;
        else if ((raw[i] == ')' || raw[i] == ']') && depth)
            depth--;
        else if (!depth)
            buf[bn++] = raw[i];
    }
    buf[bn] = '\0';
    /* Split on the separators between names. */
    static const char *const seps[] = {
        ",", ";", "|", " / ", " and ", " & ", " und ", " et ", " y ", " e ", " en ",
        " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", "\xc2\xb7", "\xe2\x80\xa2",
    };
    size_t st = 0;
    for (size_t i = 0; i <= bn;) {
        size_t sl = 0;
        if (i < bn)
            for (size_t k = 0; k < sizeof seps / sizeof *seps && !sl; k++) {
                size_t l = strlen(seps[k]);
                if (i + l <= bn && px_ascii_ieq(buf + i, seps[k], l))
                    sl = l;
            }
        if (i == bn || sl) {
            int rc = add_name(m, out, buf + st, i - st);
            if (rc)
                return rc;
            i += sl ? sl : 1;
            st = i;
        } else {
            i++;
        }
    }
    return PITH_OK;
}

static void add_authors(ctx *c, const char *raw, bool html)
{
    if (!raw || c->rc)
        return;
    char *v = clean(c, raw, html);
    if (!v)
        return;
    if (px_meta_add_authors(c->m, &c->m->authors, v))
        c->rc = PITH_ERR_NOMEM;
    px_free(c->a, v);
}

/* ------------------------------------------------------------------ */
/* The document                                                         */

static bool is_elem(const px_node *nd, unsigned tag)
{
    return nd->kind == PX_ELEMENT && nd->tag == tag && nd->g && nd->g->type != GUMBO_NODE_DOCUMENT;
}

/* Does a space-separated attribute value hold token (ASCII case ignored)? */
static bool has_token(const char *list, const char *token)
{
    if (!list)
        return false;
    size_t tl = strlen(token);
    const char *p = list;
    while (*p) {
        while (*p && is_ws((unsigned char)*p))
            p++;
        const char *st = p;
        while (*p && !is_ws((unsigned char)*p))
            p++;
        if ((size_t)(p - st) == tl && px_ascii_ieq(st, token, tl))
            return true;
    }
    return false;
}

/* Folded text of node i's subtree, without script and style. */
static char *node_text(ctx *c, int i, size_t max)
{
    const px_node *nodes = c->doc->nodes;
    px_buf b;
    px_buf_init(&b, c->a);
    bool pending = false;
    for (int j = i; j < nodes[i].end && b.len <= max; j++) {
        const px_node *nd = &nodes[j];
        if (nd->kind == PX_ELEMENT && (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE ||
                                      nd->tag == GUMBO_TAG_NOSCRIPT || nd->tag == GUMBO_TAG_TEMPLATE)) {
            j = nd->end - 1;
            continue;
        }
        if (nd->kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(nd, &len);
            px_append_folded(&b, t, len, &pending);
        } else if (!(nd->flags & PX_INLINE)) {
            pending = true;
        }
    }
    px_buf_putc(&b, '\0');
    char *r = px_buf_detach(&b, NULL);
    if (!r)
        c->rc = PITH_ERR_NOMEM;
    return r;
}

static const char *meta(const ctx *c, const char *key)
{
    for (size_t i = 0; i < c->ntags; i++)
        if (eq_ci(c->tags[i].key, key) && *c->tags[i].content)
            return c->tags[i].content;
    return NULL;
}

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

static const char *const article_types[] = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
    "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "Report", "SocialMediaPosting",
    "DiscussionForumPosting", "SatiricalArticle", "AdvertiserContentArticle", "Posting",
    "Recipe", "HowTo",
};
static const char *const page_types[] = {"WebPage", "ItemPage", "AboutPage", "QAPage", "FAQPage"};

static bool has_type(const px_json *o, const char *const *names, size_t count)
{
    const px_json *t = px_json_get(o, "@type");
    if (!t)
        return false;
    size_t n = t->type == PX_JARR ? t->n : 1;
    for (size_t i = 0; i < n; i++) {
        const char *s = px_json_str(t->type == PX_JARR ? t->items[i] : t);
        for (size_t k = 0; s && k < count; k++)
            if (type_is(s, names[k]))
                return true;
    }
    return false;
}

#define HAS_TYPE(o, list) has_type(o, list, sizeof list / sizeof *list)

/* An object that only names another by @id stands for that object. */
static const px_json *deref(const ctx *c, const px_json *v)
{
    if (!v || v->type != PX_JOBJ)
        return v;
    const char *id = px_json_str(px_json_get(v, "@id"));
    if (!id || px_json_get(v, "name") || px_json_get(v, "url"))
        return v;
    for (size_t i = 0; i < c->nobjs; i++) {
        const char *oid = px_json_str(px_json_get(c->objs[i], "@id"));
        if (c->objs[i] != v && oid && !strcmp(id, oid))
            return c->objs[i];
    }
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
        add_authors(c, v->s, true);
    } else if (v->type == PX_JOBJ) {
        const char *name = ld_name(c, v);
        if (name) {
            add_authors(c, name, true);
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
                    add_authors(c, buf, true);
                }
            }
        }
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
        list_add_clean(c, l, s, true, split_commas);
}

static void strip_wrappers(const char **s, size_t *n)
{
    static const char *const heads[] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
    static const char *const tails[] = {"-->", "//]]>", "/*]]>*/", "]]>", ";"};
    bool again = true;
    while (again) {
        again = false;
        while (*n && is_ws((unsigned char)**s)) {
            (*s)++;
            (*n)--;
        }
        while (*n && is_ws((unsigned char)(*s)[*n - 1]))
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

static void parse_ld(ctx *c, int script)
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

static void from_json_ld(ctx *c)
{
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
    static const char *const site_types[] = {"WebSite"};
    for (size_t i = 0; i < c->nobjs && !c->site; i++)
        if (HAS_TYPE(c->objs[i], site_types))
            c->site = c->objs[i];
    px_meta *m = c->m;
    const px_json *a = c->art;
    if (a) {
        const px_json *h = px_json_get(a, "headline");
        set_field(c, &m->headline, px_json_str(h ? h : px_json_get(a, "name")), true);
        const px_json *pub = deref(c, px_json_get(a, "publisher"));
        set_field(c, &m->site_name, ld_name(c, pub), true);
    }
    if (c->site)
        set_field(c, &m->site_name, ld_name(c, c->site), true);
    if (a) {
        const px_json *au = px_json_get(a, "author");
        ld_authors(c, au ? au : px_json_get(a, "creator"));
        const char *dp = px_json_str(px_json_get(a, "datePublished"));
        set_date(c, &m->date_published, dp ? dp : px_json_str(px_json_get(a, "dateCreated")));
        set_date(c, &m->date_modified, px_json_str(px_json_get(a, "dateModified")));
        const char *u = px_json_str(px_json_get(a, "url"));
        if (!u)
            u = ld_url(c, px_json_get(a, "mainEntityOfPage"));
        set_url(c, &m->url, u);
        set_field(c, &m->language, ld_name(c, px_json_get(a, "inLanguage")), true);
        set_field(c, &m->description, px_json_str(px_json_get(a, "description")), true);
        const px_json *img = px_json_get(a, "image");
        set_url(c, &m->image, ld_url(c, img ? img : px_json_get(a, "thumbnailUrl")));
        ld_list(c, &m->categories, px_json_get(a, "articleSection"), false);
        ld_list(c, &m->tags, px_json_get(a, "keywords"), true);
    }
    if (c->site)
        set_field(c, &m->language, ld_name(c, px_json_get(c->site, "inLanguage")), true);
}

/* ------------------------------------------------------------------ */
/* Tag and category links                                               */

static bool ancestors_say(const ctx *c, int i, const char *const *words, size_t count)
{
    const px_node *nodes = c->doc->nodes;
    int p = nodes[i].parent;
    for (int up = 0; p >= 0 && up < 6; up++, p = nodes[p].parent) {
        const px_node *nd = &nodes[p];
        if (nd->kind != PX_ELEMENT || nd->tag == GUMBO_TAG_BODY || nd->tag == GUMBO_TAG_HTML)
            break;
        const char *attrs[2] = {px_attr(nd, "class"), px_attr(nd, "id")};
        for (int k = 0; k < 2; k++) {
            if (!attrs[k])
                continue;
            for (const char *s = attrs[k]; *s; s++)
                for (size_t w = 0; w < count; w++)
                    if (has_prefix_ci(s, words[w]))
                        return true;
        }
    }
    return false;
}

static bool path_has(const char *href, const char *const *parts, size_t count)
{
    for (const char *s = href; *s; s++) {
        if (*s != '/')
            continue;
        for (size_t k = 0; k < count; k++)
            if (has_prefix_ci(s, parts[k]))
                return true;
        if (*s == '?' || *s == '#')
            break;
    }
    return false;
}

static void link_terms(ctx *c, int i, px_strlist *tags, px_strlist *cats)
{
    const px_node *nd = &c->doc->nodes[i];
    const char *href = px_attr(nd, "href");
    if (!href)
        return;
    const char *rel = px_attr(nd, "rel");
    static const char *const noise[] = {"cloud", "widget", "sidebar", "menu", "nav", "crumb"};
    static const char *const tag_paths[] = {"/tag/", "/tags/", "/tagged/", "/topic/", "/topics/",
                                            "/label/", "/schlagwort/", "/stichwort/", "/keyword/"};
    static const char *const tag_words[] = {"tag", "label", "keyword", "topic", "schlagw"};
    static const char *const cat_paths[] = {"/category/", "/categories/", "/kategorie/",
                                            "/categorie/", "/categoria/", "/rubrique/"};
    static const char *const cat_words[] = {"categor", "cat-links", "post-cat", "kategor", "rubri"};
    px_strlist *to = NULL;
    if (has_token(rel, "category"))
        to = cats;
    else if (has_token(rel, "tag"))
        to = tags;
    else if (path_has(href, tag_paths, sizeof tag_paths / sizeof *tag_paths) &&
             ancestors_say(c, i, tag_words, sizeof tag_words / sizeof *tag_words))
        to = tags;
    else if (path_has(href, cat_paths, sizeof cat_paths / sizeof *cat_paths) &&
             ancestors_say(c, i, cat_words, sizeof cat_words / sizeof *cat_words))
        to = cats;
    if (!to || ancestors_say(c, i, noise, sizeof noise / sizeof *noise))
        return;
    char *t = node_text(c, i, MAX_ITEM);
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
    if (list_add(c->a, to, s, n))
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
        return clean(c, v, false);
    return node_text(c, i, 200);
}

/* The name inside an itemprop=author (or publisher) element. */
static char *item_name(ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    for (int j = i + 1; j < nodes[i].end; j++)
        if (has_token(px_attr(&nodes[j], "itemprop"), "name"))
            return item_value(c, j);
    if (px_attr(&nodes[i], "itemscope") && !px_attr(&nodes[i], "content"))
        return NULL; /* a Person without a name */
    return item_value(c, i);
}

/* ------------------------------------------------------------------ */
/* What the page shows: bylines and dates in elements named for them     */

/* Does a class or id of node i, or of an ancestor up to up levels, hold
 * one of words? */
static bool named(const ctx *c, int i, int up, const char *const *words, size_t count)
{
    const px_node *nodes = c->doc->nodes;
    for (int k = 0, p = i; p >= 0 && k <= up; k++, p = nodes[p].parent) {
        const px_node *nd = &nodes[p];
        if (nd->kind != PX_ELEMENT || nd->tag == GUMBO_TAG_BODY || nd->tag == GUMBO_TAG_HTML)
            break;
        const char *attrs[2] = {px_attr(nd, "class"), px_attr(nd, "id")};
        for (int a = 0; a < 2; a++)
            for (const char *s = attrs[a]; s && *s; s++) {
                /* The words are lower case: most offsets fail at once. */
                char c0 = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
                for (size_t w = 0; w < count; w++)
                    if (words[w][0] == c0 && has_prefix_ci(s, words[w]))
                        return true;
            }
    }
    return false;
}

static const char *const elsewhere[] = {"comment", "reply", "related", "teaser", "sidebar",
                                        "widget", "footer", "masthead", "header__", "feed",
                                        "recommend", "avatar", "respond"};
#define ELSEWHERE(c, i, up) named(c, i, up, elsewhere, sizeof elsewhere / sizeof *elsewhere)

/* The author's name in a link to the author's page ("/author/jane/"), or
 * in an element whose class says byline or author. */
static void visible_byline(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    static const char *const paths[] = {"/author/", "/authors/", "/autor/", "/autoren/", "/autori/",
                                        "/auteur/", "/auteurs/", "/autores/", "/redactie/"};
    static const char *const classes[] = {"byline", "author", "firma", "autor", "auteur", "writer"};
    int links = 0;
    for (int i = 0; i < c->doc->n && links < 3 && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (!is_elem(nd, GUMBO_TAG_A) || !px_attr(nd, "href"))
            continue;
        if (!path_has(px_attr(nd, "href"), paths, sizeof paths / sizeof *paths) || ELSEWHERE(c, i, 8))
            continue;
        links++;
        char *v = node_text(c, i, 120);
        add_authors(c, v, false);
        px_free(c->a, v);
    }
    for (int i = 0; i < c->doc->n && !c->m->authors.n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
            nd->tag == GUMBO_TAG_A || !named(c, i, 0, classes, sizeof classes / sizeof *classes) ||
            ELSEWHERE(c, i, 8))
            continue;
        char *v = node_text(c, i, 120);
        if (v && strlen(v) <= 100)
            add_authors(c, v, false);
        px_free(c->a, v);
    }
}

/* A date in an element whose class says date or time. */
static void visible_date(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    static const char *const classes[] = {"date", "time", "fecha", "datum", "publish", "posted",
                                          "dateline"};
    static const char *const not_this[] = {"update", "modif", "readtime", "read-time"};
    for (int i = 0; i < c->doc->n && !c->m->date_published && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
            nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE ||
            !named(c, i, 0, classes, sizeof classes / sizeof *classes) ||
            named(c, i, 0, not_this, sizeof not_this / sizeof *not_this) || ELSEWHERE(c, i, 8))
            continue;
        char *v = node_text(c, i, 80);
        set_date(c, &c->m->date_published, v);
        px_free(c->a, v);
    }
}

/* ------------------------------------------------------------------ */

int px_meta_extract(px_meta *m, const px_doc *doc, const px_alloc *a, const char *page_url)
{
    memset(m, 0, sizeof *m);
    m->a = a;
    ctx c = {0};
    c.m = m;
    c.doc = doc;
    c.a = a;
    const px_node *nodes = doc->nodes;

    /* One pass: the meta tags, and where the other sources are. */
    int base = -1, canonical = -1, image_src = -1, time_pub = -1, time_art = -1, time_any = -1;
    int n_scripts = 0;
    size_t cap = 0;
    for (int i = 0; i < doc->n; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (nd->tag == GUMBO_TAG_META) {
            const char *content = px_attr(nd, "content");
            const char *keys[4] = {px_attr(nd, "property"), px_attr(nd, "name"),
                                   px_attr(nd, "itemprop"), px_attr(nd, "http-equiv")};
            for (int k = 0; k < 4 && content; k++) {
                if (!keys[k])
                    continue;
                if (c.ntags == cap) {
                    cap = cap ? cap * 2 : 64;
                    meta_tag *t = px_realloc(a, c.tags, cap * sizeof *t);
                    if (!t) {
                        c.rc = PITH_ERR_NOMEM;
                        goto done;
                    }
                    c.tags = t;
                }
                c.tags[c.ntags++] = (meta_tag){keys[k], content};
            }
        } else if (nd->tag == GUMBO_TAG_BASE && base < 0 && px_attr(nd, "href")) {
            base = i;
        } else if (nd->tag == GUMBO_TAG_LINK) {
            const char *rel = px_attr(nd, "rel");
            if (canonical < 0 && has_token(rel, "canonical") && px_attr(nd, "href"))
                canonical = i;
            if (image_src < 0 && has_token(rel, "image_src") && px_attr(nd, "href"))
                image_src = i;
        } else if (nd->tag == GUMBO_TAG_SCRIPT) {
            const char *type = px_attr(nd, "type");
            if (type) {
                while (is_ws((unsigned char)*type))
                    type++;
                if (has_prefix_ci(type, "application/ld+json") && n_scripts++ < 32) {
                    parse_ld(&c, i);
                    if (c.rc)
                        goto done;
                }
            }
        } else if (nd->tag == GUMBO_TAG_TIME && px_attr(nd, "datetime")) {
            px_date d;
            const char *dt = px_attr(nd, "datetime");
            if (!px_date_parse(dt, strlen(dt), &d))
                continue;
            if (time_pub < 0 && (px_attr(nd, "pubdate") ||
                                 has_token(px_attr(nd, "itemprop"), "datePublished")))
                time_pub = i;
            if (time_any < 0)
                time_any = i;
            if (time_art < 0)
                for (int p = nd->parent; p >= 0; p = nodes[p].parent)
                    if (is_elem(&nodes[p], GUMBO_TAG_ARTICLE)) {
                        time_art = i;
                        break;
                    }
        }
    }

    /* The base for relative URLs. */
    if (base >= 0) {
        m->base = px_url_resolve(a, page_url, px_attr(&nodes[base], "href"));
        if (!m->base) {
            c.rc = PITH_ERR_NOMEM;
            goto done;
        }
    } else if (page_url && *page_url) {
        m->base = px_url_resolve(a, NULL, page_url);
        if (!m->base) {
            c.rc = PITH_ERR_NOMEM;
            goto done;
        }
    }

    /* 1. JSON-LD */
    if (canonical >= 0)
        set_url(&c, &m->url, px_attr(&nodes[canonical], "href"));
    from_json_ld(&c);

    /* 2. OpenGraph and article:* */
    set_field(&c, &m->headline, meta(&c, "og:title"), false);
    set_field(&c, &m->site_name, meta(&c, "og:site_name"), false);
    set_url(&c, &m->url, meta(&c, "og:url"));
    set_field(&c, &m->description, meta(&c, "og:description"), false);
    set_url(&c, &m->image, meta(&c, "og:image"));
    set_url(&c, &m->image, meta(&c, "og:image:url"));
    set_url(&c, &m->image, meta(&c, "og:image:secure_url"));
    set_field(&c, &m->language, meta(&c, "og:locale"), false);
    static const char *const pub_og[] = {"article:published_time", "og:article:published_time",
                                         "og:published_time", "article:published"};
    for (size_t k = 0; k < sizeof pub_og / sizeof *pub_og; k++)
        set_date(&c, &m->date_published, meta(&c, pub_og[k]));
    static const char *const mod_og[] = {"article:modified_time", "og:article:modified_time",
                                         "og:updated_time", "article:modified"};
    for (size_t k = 0; k < sizeof mod_og / sizeof *mod_og; k++)
        set_date(&c, &m->date_modified, meta(&c, mod_og[k]));
    if (!m->authors.n) {
        const char *aa = meta(&c, "article:author");
        if (!aa)
            aa = meta(&c, "og:article:author");
        add_authors(&c, aa, false);
    }
    if (!m->categories.n)
        for (size_t i = 0; i < c.ntags; i++)
            if (eq_ci(c.tags[i].key, "article:section"))
                list_add_clean(&c, &m->categories, c.tags[i].content, false, false);
    if (!m->tags.n)
        for (size_t i = 0; i < c.ntags; i++)
            if (eq_ci(c.tags[i].key, "article:tag") || eq_ci(c.tags[i].key, "og:article:tag"))
                list_add_clean(&c, &m->tags, c.tags[i].content, false, false);

    /* 3. Twitter cards, Dublin Core, microdata, meta author, rel=author,
     *    <time datetime>, tag and category links. */
    set_field(&c, &m->headline, meta(&c, "twitter:title"), false);
    set_field(&c, &m->description, meta(&c, "twitter:description"), false);
    set_url(&c, &m->image, meta(&c, "twitter:image"));
    set_url(&c, &m->image, meta(&c, "twitter:image:src"));
    set_url(&c, &m->url, meta(&c, "twitter:url"));
    if (!m->authors.n)
        for (int k = 1; k <= 4; k++) {
            char lk[24], dk[24];
            snprintf(lk, sizeof lk, "twitter:label%d", k);
            snprintf(dk, sizeof dk, "twitter:data%d", k);
            const char *label = meta(&c, lk);
            if (label && (eq_ci(label, "Written by") || eq_ci(label, "Author") ||
                          eq_ci(label, "Autor") || eq_ci(label, "Auteur") || eq_ci(label, "By")))
                add_authors(&c, meta(&c, dk), false);
        }
    static const char *const dc_creator[] = {"dc.creator", "dcterms.creator", "dc.contributor"};
    for (size_t k = 0; k < 3 && !m->authors.n; k++)
        add_authors(&c, meta(&c, dc_creator[k]), false);
    static const char *const dc_pub[] = {"dcterms.issued", "dc.date.issued", "dcterms.created",
                                         "dc.date.created", "dc.date", "dcterms.date"};
    for (size_t k = 0; k < sizeof dc_pub / sizeof *dc_pub; k++)
        set_date(&c, &m->date_published, meta(&c, dc_pub[k]));
    set_date(&c, &m->date_modified, meta(&c, "dcterms.modified"));
    set_date(&c, &m->date_modified, meta(&c, "dc.date.modified"));
    set_field(&c, &m->site_name, meta(&c, "dc.publisher"), false);
    set_field(&c, &m->site_name, meta(&c, "dcterms.publisher"), false);
    set_field(&c, &m->language, meta(&c, "dc.language"), false);
    set_field(&c, &m->language, meta(&c, "dcterms.language"), false);
    set_field(&c, &m->description, meta(&c, "dc.description"), false);
    set_field(&c, &m->description, meta(&c, "dcterms.description"), false);
    set_field(&c, &m->headline, meta(&c, "dc.title"), false);

    /* microdata on elements other than <meta> (those are in c.tags) */
    int rel_authors = 0;
    px_strlist link_tags = {0}, link_cats = {0};
    for (int i = 0; i < doc->n && !c.rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE || nd->tag == GUMBO_TAG_TEMPLATE) {
            i = nd->end - 1;
            continue;
        }
        const char *ip = nd->tag == GUMBO_TAG_META ? NULL : px_attr(nd, "itemprop");
        if (ip) {
            if (has_token(ip, "author") && m->authors.n == 0) {
                char *v = item_name(&c, i);
                add_authors(&c, v, false);
                px_free(a, v);
            }
            if (has_token(ip, "publisher") && !m->site_name) {
                char *v = item_name(&c, i);
                set_field(&c, &m->site_name, v, false);
                px_free(a, v);
            }
            if (has_token(ip, "datePublished") && !m->date_published) {
                char *v = item_value(&c, i);
                set_date(&c, &m->date_published, v);
                px_free(a, v);
            }
            if (has_token(ip, "dateModified") && !m->date_modified) {
                char *v = item_value(&c, i);
                set_date(&c, &m->date_modified, v);
                px_free(a, v);
            }
            if (has_token(ip, "image") && !m->image) {
                const char *u = px_attr(nd, "src");
                if (!u)
                    u = px_attr(nd, "content");
                if (!u)
                    u = px_attr(nd, "href");
                set_url(&c, &m->image, u);
            }
        }
        if (nd->tag == GUMBO_TAG_A) {
            rel_authors += has_token(px_attr(nd, "rel"), "author");
            link_terms(&c, i, &link_tags, &link_cats);
        }
    }
    /* tag and category links count only when no tag says better */
    if (!m->tags.n) {
        list_free(a, &m->tags);
        m->tags = link_tags;
        memset(&link_tags, 0, sizeof link_tags);
    }
    if (!m->categories.n) {
        list_free(a, &m->categories);
        m->categories = link_cats;
        memset(&link_cats, 0, sizeof link_cats);
    }
    list_free(a, &link_tags);
    list_free(a, &link_cats);
    /* meta itemprop was collected with the meta tags */
    if (!m->authors.n)
        add_authors(&c, meta(&c, "author"), false); /* itemprop=author on <meta>, or name=author */
    set_date(&c, &m->date_published, meta(&c, "datePublished"));
    set_date(&c, &m->date_modified, meta(&c, "dateModified"));
    static const char *const author_names[] = {"parsely-author", "sailthru.author", "byl",
                                               "citation_author", "article.author"};
    for (size_t k = 0; k < sizeof author_names / sizeof *author_names && !m->authors.n; k++)
        add_authors(&c, meta(&c, author_names[k]), false);
    if (!m->authors.n && rel_authors)
        for (int i = 0, seen = 0; i < doc->n && seen < 4 && !c.rc; i++)
            if (is_elem(&nodes[i], GUMBO_TAG_A) && has_token(px_attr(&nodes[i], "rel"), "author")) {
                seen++;
                char *v = node_text(&c, i, 200);
                add_authors(&c, v, false);
                px_free(a, v);
            }
    if (!m->authors.n)
        visible_byline(&c);
    static const char *const pub_names[] = {"date", "pubdate", "publishdate", "publish-date",
                                            "publish_date", "publication_date", "sailthru.date",
                                            "parsely-pub-date", "article.published",
                                            "citation_publication_date", "citation_date"};
    for (size_t k = 0; k < sizeof pub_names / sizeof *pub_names; k++)
        set_date(&c, &m->date_published, meta(&c, pub_names[k]));
    set_date(&c, &m->date_modified, meta(&c, "last-modified"));
    set_date(&c, &m->date_modified, meta(&c, "article.updated"));
    int t = time_pub >= 0 ? time_pub : time_art >= 0 ? time_art : time_any;
    if (t >= 0)
        set_date(&c, &m->date_published, px_attr(&nodes[t], "datetime"));
    if (!m->date_published)
        visible_date(&c);
    set_field(&c, &m->description, meta(&c, "description"), false);
    if (image_src >= 0)
        set_url(&c, &m->image, px_attr(&nodes[image_src], "href"));
    set_field(&c, &m->site_name, meta(&c, "application-name"), false);
    if (!m->tags.n) {
        list_add_clean(&c, &m->tags, meta(&c, "news_keywords"), false, true);
    }

    /* 4. <html lang>, Content-Language */
    if (doc->html >= 0)
        set_field(&c, &m->language, px_attr(&nodes[doc->html], "lang"), false);
    const char *cl = meta(&c, "content-language");
    if (cl && !m->language && !c.rc) {
        size_t n = strcspn(cl, ",");
        char *v = px_strndup(a, cl, n);
        if (!v)
            c.rc = PITH_ERR_NOMEM;
        set_field(&c, &m->language, v, false);
        px_free(a, v);
    }
    if (m->language)
        for (char *p = m->language; *p; p++)
            if (*p == '_')
                *p = '-';

    /* The page's own URL when nothing names a canonical one. */
    if (page_url && *page_url)
        set_url(&c, &m->url, page_url);

done:
    for (size_t i = 0; i < c.nld; i++)
        px_json_free(&c.ld[i]);
    px_free(a, c.ld);
    px_free(a, c.objs);
    px_free(a, c.tags);
    return c.rc;
}

void px_meta_free(px_meta *m)
{
    if (!m || !m->a)
        return;
    const px_alloc *a = m->a;
    list_free(a, &m->authors);
    list_free(a, &m->categories);
    list_free(a, &m->tags);
    char **fields[] = {&m->date_published, &m->date_modified, &m->site_name, &m->url,
                       &m->language, &m->description, &m->image, &m->headline, &m->base};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
        px_free(a, *fields[k]);
        *fields[k] = NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Bylines                                                              */

static const char *const byline_fillers[] = {
    "by", "posted", "published", "updated", "update", "on", "at", "written", "and", "last",
    "modified", "read", "reading", "min", "mins", "minute", "minutes", "time", "views",
    "comments", "comment", "von", "am", "um", "aktualisiert", "veröffentlicht", "par",
    "publié", "le", "mis", "à", "jour", "por", "publicado", "el", "actualizado", "di",
    "pubblicato", "il", "aggiornato", "door", "gepubliceerd", "op", "bijgewerkt", "em",
    "atualizado", "de", "da", "du", "st", "nd", "rd", "th", "pm", "am", "a", "p", "m",
    "utc", "gmt", "ist", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "jst", "h",
    "uhr", "share", "author", "autor", "auteur", "date", "datum", "fecha", "data",
};

static bool filler(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof byline_fillers / sizeof *byline_fillers; k++)
        if (strlen(byline_fillers[k]) == n && px_ascii_ieq(w, byline_fillers[k], n))
            return true;
    return false;
}

static bool word_char(const char *s, size_t n, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *adv = 1;
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    unsigned cp = px_utf8_next(s + i, n - i, adv);
    if (px_is_space_cp(cp))
        return false;
    /* punctuation and symbols: general punctuation, Latin-1 signs, CJK
     * punctuation, full-width forms */
    return !((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 ||
             cp == 0xF7 || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
             (cp >= 0x2190 && cp <= 0x2BFF));
}

static int year_of(const char *iso)
{
    if (!iso || strlen(iso) < 4)
        return -1;
    return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
}

bool px_meta_is_byline(const px_meta *m, const char *text, size_t len)
{
    if (!m || !text || !len || len > 250)
        return false;
    if (!m->authors.n && !m->date_published && !m->date_modified)
        return false;
    bool used[256] = {0};
    bool found_author = false;
    for (size_t k = 0; k < m->authors.n; k++) {
        const char *name = m->authors.v[k];
        size_t nl = strlen(name);
        if (!nl || nl > len)
            continue;
        for (size_t i = 0; i + nl <= len; i++) {
            if (!px_ascii_ieq(text + i, name, nl))
                continue;
            size_t adv, p = i;
            while (p > 0 && ((unsigned char)text[p - 1] & 0xC0) == 0x80)
                p--; /* back to the start of the character before */
            bool left_ok = i == 0 || (p > 0 && !word_char(text, len, p - 1, &adv));
            bool right_ok = i + nl == len || !word_char(text, len, i + nl, &adv);
            if (left_ok && right_ok) {
                for (size_t j = i; j < i + nl; j++)
                    used[j] = true;
                found_author = true;
            }
        }
    }
    int y1 = year_of(m->date_published), y2 = year_of(m->date_modified);
    bool year = false, month = false;
    int numbers = 0;
    for (size_t i = 0; i < len;) {
        size_t adv;
        if (used[i] || !word_char(text, len, i, &adv)) {
            i += used[i] ? 1 : adv;
            continue;
        }
        size_t st = i;
        bool digits = true;
        while (i < len && !used[i] && word_char(text, len, i, &adv)) {
            if (text[i] < '0' || text[i] > '9')
                digits = false;
            i += adv;
        }
        const char *w = text + st;
        size_t wl = i - st;
        if (digits) {
            if (wl > 4)
                return false;
            numbers++;
            int v = 0;
            for (size_t k = 0; k < wl; k++)
                v = v * 10 + (w[k] - '0');
            if (wl == 4 && (v == y1 || v == y2))
                year = true;
            continue;
        }
        /* 15th, 1st */
        size_t dl = 0;
        while (dl < wl && w[dl] >= '0' && w[dl] <= '9')
            dl++;
        if (dl && dl <= 2 && filler(w + dl, wl - dl))
            continue;
        if (px_month_name(w, wl)) {
            month = true;
            continue;
        }
        if (filler(w, wl))
            continue;
        static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                           "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
                                           "sat", "sun"};
        bool day = false;
        for (size_t k = 0; k < sizeof days / sizeof *days && !day; k++)
            day = strlen(days[k]) == wl && px_ascii_ieq(w, days[k], wl);
        if (day)
            continue;
        return false;
    }
    bool found_date = year && (month || numbers >= 3);
    return found_author || found_date;
}

/* ------------------------------------------------------------------ */

size_t px_word_count(const char *s, size_t n)
{
    size_t count = 0;
    bool in = false, counted = false;
    for (size_t i = 0; i < n;) {
        size_t adv;
        unsigned cp = px_utf8_next(s + i, n - i, &adv);
        bool cjk = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                   (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0x20000 && cp <= 0x2FFFF);
        if (px_is_space_cp(cp) || cjk) {
            in = false;
            if (cjk)
                count++;
        } else {
            size_t a2;
            bool wc = word_char(s, n, i, &a2);
            if (!in) {
                in = true;
                counted = false;
            }
            if (wc && !counted) {
                count++;
                counted = true;
            }
        }
        i += adv;
    }
    return count;
}
