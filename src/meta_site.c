/*
 * The site's name. The markup's own fields come first, as before: a
 * reader who checks a page with og:site_name finds it right nearly always.
 * They are passed over only when they cannot be the site's name: an
 * address or a handle, or the hosting platform of a blog whose own name
 * the page shows. Without them the name is the segment of <title> that
 * other evidence on the page confirms; a publisher's legal name comes
 * last, since "Riverside Ledger Media LLC" owns the site but is not what
 * a reader calls it.
 */
#include "meta_impl.h"

#include <string.h>
#include <strings.h>
#include "url.h"

#define COUNT(a) (sizeof a / sizeof *a)
#define NAME_MAX_BYTES 120 /* a longer segment or masthead is no name */
#define MAX_SEGS 8
#define MAX_MASTHEAD 32    /* named elements read: each reads its subtree */

/* Hosted-blog platforms: their name in og:site_name belongs to the
 * platform, not to the journal the page shows. */
static const char *const platforms[] = {
    "Blogger", "Blogspot", "LiveJournal", "Живой Журнал", "WordPress", "WordPress.com",
    "Tumblr", "Medium", "Substack", "Hatena Blog", "はてなブログ", "Tistory", "티스토리",
    "livedoor Blog", "Ameba", "Ameba Blog", "アメーバブログ", "Over-blog", "Canalblog",
    "Typepad", "Wix", "Weebly", "Jimdo", "Blogger.com", "Dreamwidth", "Naver Blog",
    "네이버 블로그", "Xanga", "Diary.ru", "LiveInternet"};

/* Class or id words of the masthead's name and logo. */
static const char *const masthead_words[] = {"logo",       "brand",     "site-title", "site-name",
                                             "sitename",   "site_name", "masthead",   "blog-title",
                                             "header-title", "blogtitle"};

/* Company forms that mark a legal name. */
static const char *const legal_forms[] = {
    "LLC", "L.L.C.", "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "GmbH", "AG", "S.A.", "SA",
    "S.L.", "SL", "S.p.A.", "SpA", "S.r.l.", "Srl", "B.V.", "BV", "N.V.", "SAS", "SARL",
    "Sp. z o.o.", "Corp", "Corp.", "Corporation", "PLC", "plc", "Pty", "KG", "e.V.", "AB", "AS",
    "Oy", "ООО", "ОАО", "АО", "ЗАО", "株式会社", "有限公司", "Group", "Holding", "Holdings",
    "Grupo", "Groupe", "Gruppo", "Mediengruppe", "Verlagsgruppe"};

/* Letters folded for comparison: Latin letters with accents written as
 * the host writes them ("Küchenbuch" ~ kuechenbuch, "Bajío" ~ bajio). */
typedef struct fold_pair {
    const char *from, *to;
} fold_pair;
static const fold_pair folds[] = {
    {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"},
    {"à", "a"},  {"á", "a"},  {"â", "a"},  {"ã", "a"},  {"å", "a"},  {"ç", "c"},  {"è", "e"},
    {"é", "e"},  {"ê", "e"},  {"ë", "e"},  {"ì", "i"},  {"í", "i"},  {"î", "i"},  {"ï", "i"},
    {"ñ", "n"},  {"ò", "o"},  {"ó", "o"},  {"ô", "o"},  {"õ", "o"},  {"ø", "o"},  {"ù", "u"},
    {"ú", "u"},  {"û", "u"},  {"É", "e"},  {"Á", "a"},  {"Í", "i"},  {"Ó", "o"},  {"Ú", "u"},
    {"Ø", "o"},  {"ł", "l"},  {"ś", "s"},  {"ż", "z"},  {"ź", "z"},  {"ę", "e"},  {"ą", "a"},
    {"ć", "c"},  {"ń", "n"}};

/* s[0..n) written for comparison into out: ASCII letters lower case,
 * other bytes kept, punctuation and spaces as one space (words = true) or
 * dropped (words = false, "Riverside Ledger" ~ riversideledger). */
size_t px_site_norm(const char *s, size_t n, char *out, size_t cap, bool words)
{
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n && k + 3 < cap;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80) {
            bool folded = false;
            for (size_t f = 0; f < COUNT(folds) && !words; f++) {
                size_t fl = strlen(folds[f].from);
                if (i + fl <= n && !memcmp(s + i, folds[f].from, fl)) {
                    for (const char *t = folds[f].to; *t && k + 3 < cap; t++)
                        out[k++] = *t;
                    i += fl;
                    folded = true;
                    break;
                }
            }
            if (folded)
                continue;
            if (space && k)
                out[k++] = ' ';
            space = false;
            out[k++] = (char)ch;
            i++;
            continue;
        }
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z')) {
            if (space && k)
                out[k++] = ' ';
            space = false;
            out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        } else if (words && ch != '\'' && ch != '.') {
            space = true;
        }
        i++;
    }
    out[k] = '\0';
    return k;
}

static bool is_platform(const char *s)
{
    for (size_t k = 0; k < COUNT(platforms); k++)
        if (px_meta_eq_ci(s, platforms[k]))
            return true;
    return false;
}

static bool platform_in(const char *s, size_t n)
{
    for (size_t k = 0; k < COUNT(platforms); k++)
        if (strlen(platforms[k]) == n && !strncasecmp(s, platforms[k], n))
            return true;
    return false;
}

bool px_site_is_legal_name(const char *s)
{
    /* the last word (or the first: "ООО «…»") is a company form */
    size_t n = strlen(s);
    for (size_t k = 0; k < COUNT(legal_forms); k++) {
        size_t fl = strlen(legal_forms[k]);
        if (n > fl + 1 && !strcmp(s + n - fl, legal_forms[k]) &&
            (s[n - fl - 1] == ' ' || s[n - fl - 1] == ','))
            return true;
        if (n > fl + 1 && !strncmp(s, legal_forms[k], fl) && s[fl] == ' ')
            return true;
    }
    return false;
}

/* An address, a handle or a list is no name. */
static bool sane(const char *s)
{
    if (!s || !*s || strlen(s) > NAME_MAX_BYTES)
        return false;
    if (*s == '@' || px_meta_prefix_ci(s, "http:") || px_meta_prefix_ci(s, "https:") ||
        px_meta_prefix_ci(s, "www."))
        return false;
    return true;
}

/* The evidence that names the site, by the trust the segment it confirms
 * earns. Best first: the masthead and logo are what the reader sees as
 * the site's name; application-name and the WebSite's name are markup
 * that names the site as such, but apps and themes leave defaults in them;
 * the copyright line names the owner, often a company; the host only
 * matches letters, so it says nothing of spaces and case, and a headline
 * can hold a word of it. */
enum evidence { EV_MASTHEAD, EV_MARKUP, EV_COPYRIGHT, EV_HOST, EV_NONE };

typedef struct site_ctx {
    ctx *c;
    px_buf masthead;  /* normalised names, '\n' after each */
    px_buf copyright; /* normalised copyright lines, '\n' after each */
    px_buf raw;       /* the masthead's names as written, '\n' after each */
    const char *host; /* without the scheme */
    char *strong;     /* the first masthead name itself */
} site_ctx;

static void add_name(site_ctx *s, px_buf *b, const char *t, size_t n)
{
    char norm[NAME_MAX_BYTES * 2 + 8];
    if (n == 0 || n > NAME_MAX_BYTES * 2)
        return;
    size_t k = px_site_norm(t, n, norm, sizeof norm, true);
    if (k) {
        px_buf_append(b, norm, k);
        px_buf_putc(b, '\n');
    }
    (void)s;
}

/* A masthead name, kept both ways: normalised to confirm a title's
 * segment, and as written for a page whose title holds no name. */
static void add_masthead(site_ctx *s, const char *t, size_t n)
{
    add_name(s, &s->masthead, t, n);
    if (n == 0 || n > NAME_MAX_BYTES || memchr(t, '\n', n))
        return;
    px_buf_append(&s->raw, t, n);
    px_buf_putc(&s->raw, '\n');
}

/* Is the link at node i one to the home page ("/", the host's root,
 * rel=home)? */
static bool home_link(const site_ctx *s, const px_node *nd)
{
    const char *rel = px_attr(nd, "rel");
    if (rel && px_meta_has_token(rel, "home"))
        return true;
    const char *h = px_attr(nd, "href");
    if (!h)
        return false;
    if (!strcmp(h, "/") || !strcmp(h, "./"))
        return true;
    const char *p = strstr(h, "://");
    if (!p || !s->host)
        return false;
    p += 3;
    size_t hl = strcspn(s->host, "/:");
    return !strncmp(p, s->host, hl) && (p[hl] == '\0' || (p[hl] == '/' && p[hl + 1] == '\0'));
}

/* One pass over the body: the masthead's names (the text, title and
 * logo alt of elements named logo, brand, site-title..., and of links to
 * the home page) and the copyright lines. */
static void collect(site_ctx *s)
{
    ctx *c = s->c;
    const px_node *nodes = c->doc->nodes;
    int named_left = MAX_MASTHEAD;
    for (int i = 0; i < c->doc->n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(nd, &len);
            if (len < 400 && (memmem(t, len, "©", strlen("©")) || memmem(t, len, "Copyright", 9)))
                add_name(s, &s->copyright, t, len);
            continue;
        }
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE || nd->tag == GUMBO_TAG_TEMPLATE ||
            nd->tag == GUMBO_TAG_HEAD) {
            i = nd->end - 1;
            continue;
        }
        bool named = nd->tag != GUMBO_TAG_BODY && nd->tag != GUMBO_TAG_HTML &&
                     px_meta_named(c, i, 0, masthead_words, COUNT(masthead_words));
        bool home = nd->tag == GUMBO_TAG_A && home_link(s, nd);
        bool logo_img = nd->tag == GUMBO_TAG_IMG &&
                        (px_meta_named(c, i, 2, masthead_words, COUNT(masthead_words)) ||
                         (nd->parent >= 0 && nodes[nd->parent].tag == GUMBO_TAG_A &&
                          home_link(s, &nodes[nd->parent])));
        if (logo_img) {
            const char *alt = px_attr(nd, "alt");
            if (alt)
                add_masthead(s, alt, strlen(alt));
        }
        if ((!named && !home) || named_left-- <= 0)
            continue;
        const char *title = px_attr(nd, "title");
        if (title)
            add_masthead(s, title, strlen(title));
        char *t = px_meta_node_text(c, i, NAME_MAX_BYTES * 2);
        if (t) {
            size_t tl = strlen(t);
            if (tl && tl <= NAME_MAX_BYTES) {
                add_masthead(s, t, tl);
                /* the first title-like name, for a blog on a platform */
                if (!s->strong && named && nd->tag != GUMBO_TAG_A && nd->tag != GUMBO_TAG_IMG &&
                    px_meta_named(c, i, 0, masthead_words + 2, COUNT(masthead_words) - 2))
                    s->strong = px_strndup(c->a, t, tl);
            }
            px_free(c->a, t);
        }
    }
}

/* Does one of the lines of list hold the name norm[0..n) as whole words
 * (the line is the name, or starts with it, or holds it: "© 2021 Name.
 * All rights reserved")? */
static bool in_lines(const px_buf *list, const char *norm, size_t n, bool anywhere)
{
    if (!list->data || !n)
        return false;
    const char *p = list->data, *end = list->data + list->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = (size_t)(nl - p);
        for (size_t off = 0; off + n <= ll; off++) {
            if ((off && p[off - 1] != ' ') || memcmp(p + off, norm, n) ||
                (off + n < ll && p[off + n] != ' '))
                continue;
            if (anywhere || off == 0)
                return true;
        }
        p = nl + 1;
    }
    return false;
}

/* The letters of seg against the host's labels: one holds the other, and
 * the shorter is at least half of the longer ("Hollybank Residents'
 * Association" on hollybank-residents.org.uk; not "Tesla stock falls" on
 * tesla.com). */
static bool host_matches(const char *host, const char *seg, size_t n)
{
    char sc[NAME_MAX_BYTES * 2 + 8], lc[128];
    size_t sl = px_site_norm(seg, n, sc, sizeof sc, false);
    if (!host || sl < 3)
        return false;
    size_t hl = strcspn(host, "/:");
    for (size_t b = 0; b < hl;) {
        size_t e = b;
        while (e < hl && host[e] != '.')
            e++;
        size_t ll = e - b;
        bool last = e >= hl;
        if (!last && ll < sizeof lc && !(ll == 3 && !strncmp(host + b, "www", 3))) {
            size_t k = px_site_norm(host + b, ll, lc, sizeof lc, false);
            size_t lo = k < sl ? k : sl, hi = k < sl ? sl : k;
            if (lo >= 3 && lo * 2 >= hi && (k < sl ? strstr(sc, lc) : strstr(lc, sc)))
                return true;
        }
        b = e + 1;
    }
    return false;
}

static enum evidence confirm(const site_ctx *s, const char *seg, size_t n)
{
    char norm[NAME_MAX_BYTES * 2 + 8];
    if (n > NAME_MAX_BYTES)
        return EV_NONE;
    size_t k = px_site_norm(seg, n, norm, sizeof norm, true);
    if (k < 2)
        return EV_NONE;
    if (in_lines(&s->masthead, norm, k, false))
        return EV_MASTHEAD;
    const px_json *site = s->c->site ? px_json_get(s->c->site, "name") : NULL;
    const char *markup[] = {px_meta_tag(s->c, "application-name"), px_json_str(site)};
    for (size_t m = 0; m < COUNT(markup); m++) {
        char mn[NAME_MAX_BYTES * 2 + 8];
        if (markup[m] && strlen(markup[m]) <= NAME_MAX_BYTES &&
            px_site_norm(markup[m], strlen(markup[m]), mn, sizeof mn, true) == k && !memcmp(mn, norm, k))
            return EV_MARKUP;
    }
    if (in_lines(&s->copyright, norm, k, true))
        return EV_COPYRIGHT;
    if (host_matches(s->host, seg, n))
        return EV_HOST;
    return EV_NONE;
}

/* The segment of title that evidence confirms best, copied; NULL when
 * none. Only the ends are candidates (the middle holds sections), and
 * never the headline itself. */
static char *title_segment(site_ctx *s, const char *title)
{
    ctx *c = s->c;
    size_t n = strlen(title);
    const char *bs[MAX_SEGS];
    size_t bl[MAX_SEGS], nb = 0;
    /* the first separator that occurs splits the title; ": " only
     * after the first segment ("Blog Name: Post", Blogger's default) */
    for (size_t k = 0; k < px_title_nseps && nb < 2; k++) {
        size_t sl = strlen(px_title_seps[k]);
        const char *first = strstr(title, px_title_seps[k]);
        if (!first)
            continue;
        const char *last = first;
        for (const char *p = first; (p = strstr(p + 1, px_title_seps[k]));)
            last = p;
        nb = 0;
        bs[nb] = last + sl, bl[nb++] = n - (size_t)(last + sl - title);
        bs[nb] = title, bl[nb++] = (size_t)(first - title);
    }
    const char *colon = strstr(title, ": ");
    if (colon && nb < MAX_SEGS)
        bs[nb] = title, bl[nb++] = (size_t)(colon - title);
    if (!nb)
        bs[nb] = title, bl[nb++] = n;
    char hn[NAME_MAX_BYTES * 2 + 8], sn[NAME_MAX_BYTES * 2 + 8];
    const char *hd = c->m->headline;
    size_t hk = hd && strlen(hd) <= NAME_MAX_BYTES ? px_site_norm(hd, strlen(hd), hn, sizeof hn, true) : 0;
    enum evidence best = EV_NONE;
    size_t pick = 0;
    for (size_t k = 0; k < nb; k++) {
        while (bl[k] && px_meta_is_ws((unsigned char)bs[k][bl[k] - 1]))
            bl[k]--;
        while (bl[k] && px_meta_is_ws((unsigned char)*bs[k]))
            bs[k]++, bl[k]--;
        if (bl[k] > NAME_MAX_BYTES)
            continue;
        size_t sk = px_site_norm(bs[k], bl[k], sn, sizeof sn, true);
        if ((hk && sk == hk && !memcmp(sn, hn, hk)) || platform_in(bs[k], bl[k]))
            continue;
        enum evidence e = confirm(s, bs[k], bl[k]);
        if (e < best)
            best = e, pick = k;
    }
    return best == EV_NONE ? NULL : px_strndup(c->a, bs[pick], bl[pick]);
}

/* A title that holds no name: the first masthead name that a second,
 * independent witness repeats, the copyright line or the host ("Pedalritter"
 * in the blog's heading, in "© 2020 Pedalritter" and in
 * pedalritter-blog.de). One alone is not enough: a masthead holds menus'
 * "Home" links and taglines as well. */
static char *masthead_name(site_ctx *s)
{
    const char *p = s->raw.data, *end = p ? p + s->raw.len : NULL;
    char norm[NAME_MAX_BYTES * 2 + 8], hn[NAME_MAX_BYTES * 2 + 8];
    const char *hd = s->c->m->headline;
    size_t hk = hd && strlen(hd) <= NAME_MAX_BYTES ? px_site_norm(hd, strlen(hd), hn, sizeof hn, true) : 0;
    for (; p && p < end; p = (const char *)memchr(p, '\n', (size_t)(end - p)) + 1) {
        size_t n = (size_t)((const char *)memchr(p, '\n', (size_t)(end - p)) - p);
        size_t k = px_site_norm(p, n, norm, sizeof norm, true);
        if (k < 3 || (hk == k && !memcmp(norm, hn, k)) || platform_in(p, n))
            continue;
        if (in_lines(&s->copyright, norm, k, true) || host_matches(s->host, p, n))
            return px_strndup(s->c->a, p, n);
    }
    return NULL;
}

/* The markup's names in the order they were trusted before; a
 * publisher's legal name is left out, to wait until the page's own
 * evidence has been heard. */
static size_t markup_names(const ctx *c, const char **out)
{
    const char *pub = c->ld_publisher;
    size_t n = 0;
    out[n++] = sane(pub) && !px_site_is_legal_name(pub) ? pub : NULL;
    out[n++] = px_json_str(c->site ? px_json_get(c->site, "name") : NULL);
    out[n++] = px_meta_tag(c, "og:site_name");
    out[n++] = px_meta_tag(c, "dc.publisher");
    out[n++] = px_meta_tag(c, "dcterms.publisher");
    out[n++] = c->micro_publisher;
    return n;
}

/* Sets the name from the markup; returns a platform's name met there. */
static const char *from_markup(ctx *c)
{
    const char *names[8], *platform = NULL;
    size_t n = markup_names(c, names);
    for (size_t k = 0; k < n && !c->m->site_name; k++) {
        if (!sane(names[k]))
            continue;
        if (is_platform(names[k])) {
            if (!platform)
                platform = names[k];
            continue;
        }
        px_meta_set_field(c, &c->m->site_name, names[k], k < 2);
    }
    return platform;
}

void px_meta_site_markup(ctx *c)
{
    if (!c->rc)
        from_markup(c);
}

void px_meta_site_name(ctx *c, const char *page_url)
{
    px_meta *m = c->m;
    if (c->rc || m->site_name)
        return;
    const char *platform = from_markup(c);
    if (m->site_name || c->rc)
        return;
    /* The page's own evidence: the title's segment it confirms, or for a
     * blog on a platform the masthead's name. */
    site_ctx s = {c, {0}, {0}, {0}, px_url_host(m->url ? m->url : page_url), NULL};
    px_buf_init(&s.masthead, c->a);
    px_buf_init(&s.copyright, c->a);
    px_buf_init(&s.raw, c->a);
    collect(&s);
    char *title = NULL;
    if (!c->rc && !(title = px_doc_title(c->doc, c->a)))
        c->rc = PITH_ERR_NOMEM;
    char *seg = title ? title_segment(&s, title) : NULL;
    if (!seg && !c->rc)
        seg = masthead_name(&s);
    if (seg)
        px_meta_set_field(c, &m->site_name, seg, false);
    else if (platform && s.strong && !is_platform(s.strong))
        px_meta_set_field(c, &m->site_name, s.strong, false);
    px_free(c->a, seg);
    px_free(c->a, title);
    px_free(c->a, s.strong);
    px_buf_free(&s.masthead);
    px_buf_free(&s.copyright);
    px_buf_free(&s.raw);
    px_meta_set_field(c, &m->site_name, px_meta_tag(c, "application-name"), false);
    if (sane(c->ld_publisher))
        px_meta_set_field(c, &m->site_name, c->ld_publisher, true);
    px_meta_set_field(c, &m->site_name, platform, false);
}
