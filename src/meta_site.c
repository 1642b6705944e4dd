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
#include "text.h"
#include "url.h"

#define COUNT(a) (sizeof a / sizeof *a)
#define NAME_MAX_BYTES 120 /* a longer segment or masthead is no name */
#define MAX_SEGS 8
#define MAX_MASTHEAD 32    /* named elements read: each reads its subtree */
#define MAX_FOOT_LINES 8   /* copyright lines of the footer kept */

/* Hosted-blog platforms: their name in og:site_name belongs to the
 * platform, not to the journal the page shows. */
static const char platforms[][28] = {
    "Blogger", "Blogspot", "LiveJournal", "Живой Журнал", "WordPress", "WordPress.com",
    "Tumblr", "Medium", "Substack", "Hatena Blog", "はてなブログ", "Tistory", "티스토리",
    "livedoor Blog", "Ameba", "Ameba Blog", "アメーバブログ", "Over-blog", "Canalblog",
    "Typepad", "Wix", "Weebly", "Jimdo", "Blogger.com", "Dreamwidth", "Naver Blog",
    "네이버 블로그", "Xanga", "Diary.ru", "LiveInternet"};

/* Class or id words of the masthead's name and logo. */
static const char masthead_words[][16] = {"logo",       "brand",     "site-title", "site-name",
                                          "sitename",   "site_name", "masthead",   "blog-title",
                                          "header-title", "blogtitle", "header-name"};

/* Company forms that mark a legal name. */
static const char legal_forms[][16] = {
    "LLC", "L.L.C.", "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "GmbH", "AG", "S.A.", "SA",
    "S.L.", "SL", "S.p.A.", "SpA", "S.r.l.", "Srl", "B.V.", "BV", "N.V.", "SAS", "SARL",
    "Sp. z o.o.", "Corp", "Corp.", "Corporation", "PLC", "plc", "Pty", "KG", "e.V.", "AB", "AS",
    "Oy", "ООО", "ОАО", "АО", "ЗАО", "株式会社", "有限公司", "Group", "Holding", "Holdings", "Pvt", "Pvt.",
    "Grupo", "Groupe", "Gruppo", "Mediengruppe", "Verlagsgruppe"};

/* The length of w when s[0..n) starts with it, in any ASCII case; 0 when
 * it does not. */
static size_t starts_ci(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    return wl <= n && px_ascii_ieq(s, w, wl) ? wl : 0;
}

/* Is s[0..n) a platform's name, in any case? */
static bool platform_in(const char *s, size_t n)
{
    for (size_t k = 0; k < COUNT(platforms); k++)
        if (strlen(platforms[k]) == n && px_ascii_ieq(s, platforms[k], n))
            return true;
    return false;
}

static bool is_platform(const char *s) { return platform_in(s, strlen(s)); }

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

/* An address, a handle or a list is no name, nor a text that holds an
 * address. */
static bool sane_n(const char *s, size_t n)
{
    if (!n || n > NAME_MAX_BYTES || *s == '@')
        return false;
    /* "Belize News and Opinion on www.breakingbelizenews.com" describes
     * the site; its name is elsewhere */
    for (size_t i = 0; i + 4 <= n; i++)
        if ((!i || s[i - 1] == ' ') && (starts_ci(s + i, n - i, "www.") || starts_ci(s + i, n - i, "http:") ||
                                        starts_ci(s + i, n - i, "https:")))
            return false;
    return s[n - 1] != '/'; /* "tdg.ch/" */
}

static bool sane(const char *s)
{
    return s && sane_n(s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* Names as pages write them                                            */

/* The word that says an image or a heading is a logo, in the languages
 * of the pages ("Logo MesOpinions.com", "comwrap GmbH Logo", "Логотип
 * РБК"); and the little words that tie it to the name ("Logo de X",
 * "Logo von X", "nj's Logo"). */
static const char logo_words[][20] = {"logo", "logotipo", "logotype", "logotyp", "logotip",
                                      "Логотип", "логотип", "Лого", "лого", "ロゴ", "로고",
                                      "标志", "標誌", "لوگو", "شعار", "לוגו", "โลโก้", "लोगो",
                                      "লোগো", "Λογότυπο", "λογότυπο"};
static const char logo_ties[][8] = {"of", "de", "del", "da", "do", "di", "du", "des", "von",
                                    "der", "van", "het", "för", "för"};

/* s[0..*n) without a logo word at its start or end (and the tie after
 * it, and the "'s" before it); a word only when a space parts it from
 * the name ("ascom-image-Logo" is a file's name, not "ascom-image"). */
const char *px_site_strip_logo(const char *s, size_t *n)
{
    size_t len = *n, wl;
    for (size_t k = 0; k < COUNT(logo_words); k++)
        if ((wl = starts_ci(s, len, logo_words[k])) && wl < len && (s[wl] == ' ' || s[wl] == ':')) {
            s += wl + 1, len -= wl + 1;
            while (len && (*s == ' ' || *s == ':'))
                s++, len--;
            for (size_t t = 0; t < COUNT(logo_ties); t++)
                if ((wl = starts_ci(s, len, logo_ties[t])) && wl < len && s[wl] == ' ') {
                    s += wl + 1, len -= wl + 1;
                    break;
                }
            break;
        }
    for (size_t k = 0; k < COUNT(logo_words); k++) {
        size_t ll = strlen(logo_words[k]);
        if (len > ll + 1 && px_ascii_ieq(s + len - ll, logo_words[k], ll) && s[len - ll - 1] == ' ') {
            len -= ll + 1;
            static const char poss[][8] = {"\xe2\x80\x99s", "'s"};
            for (size_t q = 0; q < COUNT(poss); q++) {
                size_t pl = strlen(poss[q]);
                if (len > pl && !memcmp(s + len - pl, poss[q], pl)) {
                    len -= pl;
                    break;
                }
            }
            break;
        }
    }
    while (len && px_meta_is_ws((unsigned char)s[len - 1]))
        len--;
    *n = len;
    return s;
}

/* Where a copyright line stops naming its holder: "© 2019 Ascom. All
 * rights reserved", "Copyright © 2013 · Luxury Haven", "© 2022,
 * BreakingBelizeNews.com. This article…". */
static const char rights[][20] = {"all rights", "alle rechte", "todos los derechos",
                                  "tous droits", "tutti i diritti", "todos os direitos",
                                  "wszelkie prawa", "alle rettigheter", "alla rättigheter"};

/* The holder's name in a copyright line t[0..n): after the sign, the
 * word Copyright and the years, up to a full stop, a comma, a separator,
 * a year or "All rights reserved". Sets *len; NULL when there is none
 * or it is longer than a name. */
const char *px_site_copyright_name(const char *t, size_t n, size_t *len)
{
    const char *sign = memmem(t, n, "\xc2\xa9", 2);
    const char *word = NULL;
    for (size_t i = 0; i + 9 <= n && !word; i++)
        if (px_ascii_ieq(t + i, "copyright", 9))
            word = t + i;
    const char *p = sign && (!word || sign < word) ? sign : word;
    if (!p)
        return NULL;
    const char *end = t + n;
    /* the sign, the word, the years and the separators between them */
    for (bool more = true; more && p < end;) {
        more = false;
        static const char lead[][12] = {"\xc2\xa9", "copyright", "(c)", "\xe2\x80\x93", "\xc2\xb7",
                                        "\xe2\x80\xa2", "by "};
        for (size_t k = 0; k < COUNT(lead); k++) {
            size_t l = starts_ci(p, (size_t)(end - p), lead[k]);
            if (l) {
                p += l;
                more = true;
            }
        }
        while (p < end && (px_meta_is_ws((unsigned char)*p) || (*p >= '0' && *p <= '9') || *p == '-' ||
                           *p == ',' || *p == '|' || *p == ':'))
            p++, more = true;
        if (p + 2 <= end && !memcmp(p, "\xc2\xa0", 2))
            p += 2, more = true;
        /* a year in the page's digits: "© ۱۴۰۲", "© ২০২৪" */
        for (size_t dl; p < end && (dl = px_date_native_digit(p, (size_t)(end - p), NULL));)
            p += dl, more = true;
    }
    const char *q = p;
    while (q < end) {
        if ((*q == '.' && (q + 1 == end || px_meta_is_ws((unsigned char)q[1]))) || *q == ',' || *q == '|' ||
            *q == '(' || *q == '\n' || (*q >= '0' && *q <= '9' && (q == p || q[-1] == ' ')))
            break;
        /* the full stops of Indian scripts and of Urdu: "।", "۔" */
        if ((end - q >= 3 && !memcmp(q, "\xe0\xa5\xa4", 3)) || (end - q >= 2 && !memcmp(q, "\xdb\x94", 2)))
            break;
        if (*q == ' ' && q + 2 < end && (q[1] == '-' || !memcmp(q + 1, "\xc2\xb7", 2) ||
                                         !memcmp(q + 1, "\xe2\x80", 2)))
            break;
        bool stop = false;
        for (size_t k = 0; k < COUNT(rights) && !stop; k++) {
            stop = starts_ci(q, (size_t)(end - q), rights[k]);
        }
        if (stop)
            break;
        q++;
    }
    while (q > p && (px_meta_is_ws((unsigned char)q[-1]) || q[-1] == '-'))
        q--;
    /* the name in quotes: "© 2012–2024 «Рівне Сьогодні»" */
    static const char quotes[][2][4] = {{"\xc2\xab", "\xc2\xbb"}, {"\xe2\x80\x9c", "\xe2\x80\x9d"},
                                        {"\xe2\x80\x9e", "\xe2\x80\x9c"}, {"\"", "\""}};
    for (size_t k = 0; k < COUNT(quotes); k++) {
        size_t ol = strlen(quotes[k][0]), cl = strlen(quotes[k][1]);
        if ((size_t)(q - p) > ol + cl && !memcmp(p, quotes[k][0], ol) && !memcmp(q - cl, quotes[k][1], cl)) {
            p += ol;
            q -= cl;
            break;
        }
    }
    size_t l = (size_t)(q - p);
    if (l < 2 || l > 60 || px_word_count(p, l) > 6)
        return NULL;
    *len = l;
    return p;
}

/* Does the name s[0..n) spell the host, letter for letter: one of its
 * labels ("LinkNaija" on www.linknaija.com; not www nor the top-level
 * domain), or the host from one of its labels on ("NJ.com", "rtl.de",
 * "AOC media" on aoc.media)? */
bool px_site_host_exact(const char *host, const char *s, size_t n)
{
    char sc[NAME_MAX_BYTES * 2 + 8], lc[256];
    if (!host || n > NAME_MAX_BYTES * 2)
        return false;
    size_t sl = px_fold_name(s, n, sc, sizeof sc, false);
    size_t hl = strcspn(host, "/:");
    if (sl < 2 || hl >= sizeof lc)
        return false;
    const char *label;
    size_t ll;
    for (size_t pos = 0; px_url_host_label(host, &pos, &label, &ll);) {
        size_t k = px_fold_name(label, ll, lc, sizeof lc, false);
        if (k == sl && !memcmp(lc, sc, k))
            return true;
        k = px_fold_name(label, hl - (size_t)(label - host), lc, sizeof lc, false);
        if (k == sl && !memcmp(lc, sc, k))
            return true;
    }
    return false;
}

/* The evidence that names the site, by the trust the segment it confirms
 * earns. Best first: the masthead and logo are what the reader sees as
 * the site's name; application-name and the WebSite's name are markup
 * that names the site as such, but apps and themes leave defaults in them;
 * the copyright line names the owner, often a company; the host only
 * matches letters, so it says nothing of spaces and case, and a headline
 * can hold a word of it. A segment that spells the host, every letter
 * ("Love Hina" on love-hina.ch), comes next to the masthead: a menu's
 * "News" link to the home page is no match for it. Weakest, for the title's last
 * segment only: its first word is the handle og:site_name gives in place
 * of a name or a word of the copyright line ("PolitiFact West Virginia"
 * under og:site_name "@politifact"; "Tidewater 2.3.1 documentation"
 * under "© 2024, the Tidewater contributors"). */
enum evidence { EV_MASTHEAD, EV_HOST_EXACT, EV_HOME, EV_MARKUP, EV_COPYRIGHT, EV_HOST, EV_FIRST_WORD, EV_NONE };

typedef struct site_ctx {
    ctx *c;
    px_buf masthead;  /* normalised names, '\n' after each */
    px_buf homes;     /* normalised names of links home, '\n' after each */
    px_buf copyright; /* normalised copyright lines, '\n' after each */
    px_buf raw;       /* the masthead's names as written, '\n' after each */
    px_buf raw_copy;  /* the copyright lines as written, '\n' after each */
    px_buf logos;     /* the logos' alt texts, without "Logo", '\n' after each */
    px_buf alts;      /* the masthead logos' alt texts as they are, '\n' after each */
    px_buf foot_copy; /* the copyright lines of the page's footer, as written */
    int foot_lines;   /* lines in foot_copy */
    const char *host; /* without the scheme */
    char *strong;     /* the first masthead name itself */
    const char *title;          /* <title>, folded */
    const char *ends[MAX_SEGS]; /* the ends of <title> (title_ends) */
    size_t endl[MAX_SEGS], nends;
} site_ctx;

static void add_name(site_ctx *s, px_buf *b, const char *t, size_t n)
{
    char norm[NAME_MAX_BYTES * 2 + 8];
    if (n == 0 || n > NAME_MAX_BYTES * 2)
        return;
    size_t k = px_fold_name(t, n, norm, sizeof norm, true);
    if (k) {
        px_buf_append(b, norm, k);
        px_buf_putc(b, '\n');
    }
    (void)s;
}

/* t[0..n) as one line of b, its own line breaks made spaces. */
static void add_line(px_buf *b, const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        px_buf_putc(b, t[i] == '\n' || t[i] == '\r' ? ' ' : t[i]);
    px_buf_putc(b, '\n');
}

/* A masthead name, kept both ways: normalised to confirm a title's
 * segment (apart when only a link to the home page gives it: a menu's
 * "News"), and as written for a page whose title holds no name. */
static void add_masthead(site_ctx *s, const char *t, size_t n, bool home)
{
    t = px_site_strip_logo(t, &n);
    add_name(s, home ? &s->homes : &s->masthead, t, n);
    if (n == 0 || n > NAME_MAX_BYTES || memchr(t, '\n', n))
        return;
    px_buf_append(&s->raw, t, n);
    px_buf_putc(&s->raw, '\n');
}

/* Is path the root's index page, with an empty query or none
 * ("/index.php?", Dotclear's home; "/index.html")? */
static bool root_index(const char *path)
{
    static const char pages[][16] = {"/index.php", "/index.html", "/index.htm"};
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++) {
        size_t l = strlen(pages[k]);
        if (!strncmp(path, pages[k], l) && (!path[l] || (path[l] == '?' && !path[l + 1])))
            return true;
    }
    /* a page named home at any depth: Adobe Experience Manager's
     * "/content/site/en/home.html" */
    size_t pl = strcspn(path, "?#");
    static const char homes[][12] = {"/home.html", "/home.htm"};
    for (size_t k = 0; k < sizeof homes / sizeof *homes; k++) {
        size_t l = strlen(homes[k]);
        if (pl >= l && !strncmp(path + pl - l, homes[k], l) && !path[pl])
            return true;
    }
    return false;
}

/* Is the link at node i one to the home page ("/", the host's root, its
 * index page, rel=home)? */
static bool home_link(const site_ctx *s, const px_node *nd)
{
    const char *rel = px_attr(nd, "rel");
    if (rel && px_meta_has_token(rel, "home"))
        return true;
    const char *h = px_attr(nd, "href");
    if (!h)
        return false;
    if (!strcmp(h, "/") || !strcmp(h, "./") || root_index(h))
        return true;
    const char *p = strstr(h, "://");
    if (!p || !s->host)
        return false;
    p += 3;
    size_t hl = strcspn(s->host, "/:");
    return !strncmp(p, s->host, hl) && (p[hl] == '\0' || (p[hl] == '/' && p[hl + 1] == '\0') || root_index(p + hl));
}

/* Does s hold w, in any ASCII case, in its first CLASS_SCAN bytes (a
 * class of a megabyte is read no further, as px_meta_named does)? */
#define CLASS_SCAN 4096
static bool holds_ci(const char *s, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; s && s[i] && i < CLASS_SCAN; i++)
        if (px_ascii_ieq(s + i, w, wl))
            return true;
    return false;
}

/* Is node i in the page's footer (<footer>, or an element whose class or
 * id says footer)? Asked of copyright lines only: their ancestors are
 * read here, not through a memo of every element. */
static bool in_footer(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    for (int p = nodes[i].parent, k = 0; p >= 0 && k < 12; p = nodes[p].parent, k++)
        if (nodes[p].kind == PX_ELEMENT && (nodes[p].tag == GUMBO_TAG_FOOTER || holds_ci(px_attr(&nodes[p], "class"), "footer") ||
                                            holds_ci(px_attr(&nodes[p], "id"), "footer")))
            return true;
    return false;
}

/* An alt or a link's text that names the home page, not the site:
 * "Home", "Startseite", "Головна", "الرئيسية". */
static bool home_word(const char *s, size_t n)
{
    static const char words[][20] = {"home", "homepage", "home page", "startseite", "accueil", "inicio",
                                     "início", "главная", "Главная", "головна", "Головна", "الرئيسية",
                                     "首页", "首頁", "ホーム", "홈", "ראשי", "דף הבית", "Αρχική", "anasayfa",
                                     "ana sayfa", "trang chủ", "Trang chủ", "strona główna", "Strona główna"};
    return px_word_in(s, n, PX_WORDS(words));
}

/* The length of a home page's word glued to the end of a CJK alt
 * ("CSDN首页": CSDN's home page), 0 when there is none. */
static size_t home_suffix(const char *s, size_t n)
{
    static const char words[][12] = {"首页", "首頁", "ホーム", "홈"};
    for (size_t k = 0; k < COUNT(words); k++) {
        size_t l = strlen(words[k]);
        if (n > l && !memcmp(s + n - l, words[k], l) && s[n - l - 1] != ' ')
            return l;
    }
    return 0;
}

/* Is image i in a link to the home page, directly or in a wrapper of
 * its own ("<a href="/"><span><img></span></a>", "<a><picture><img>")? */
static bool in_home_link(const site_ctx *s, int i)
{
    const px_node *nodes = s->c->doc->nodes;
    for (int p = nodes[i].parent, k = 0; p >= 0 && k < 2; p = nodes[p].parent, k++) {
        if (nodes[p].tag == GUMBO_TAG_A)
            return home_link(s, &nodes[p]);
        if (nodes[p].kind != PX_ELEMENT || nodes[p].end - p > 3)
            return false; /* a wrapper of the image alone */
    }
    return false;
}

/* One pass over the body: the masthead's names (the text, title and
 * logo alt of elements named logo, brand, site-title..., and of links to
 * the home page) and the copyright lines. */
static void collect(site_ctx *s)
{
    ctx *c = s->c;
    const px_node *nodes = c->doc->nodes;
    int named_left = MAX_MASTHEAD;
    /* <meta name=copyright> is a copyright line the page does not show */
    const char *mc = px_meta_tag(c, "copyright");
    if (mc && strlen(mc) < 400) {
        add_name(s, &s->copyright, mc, strlen(mc));
        px_buf_append(&s->raw_copy, "\xc2\xa9 ", 3);
        add_line(&s->raw_copy, mc, strlen(mc));
    }
    for (int i = 0; i < c->doc->n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(nd, &len);
            if (len < 400 && (memmem(t, len, "©", strlen("©")) || memmem(t, len, "Copyright", 9))) {
                add_name(s, &s->copyright, t, len);
                add_line(&s->raw_copy, t, len);
                if (s->foot_lines < MAX_FOOT_LINES && in_footer(c, i)) {
                    add_line(&s->foot_copy, t, len);
                    s->foot_lines++;
                }
            }
            continue;
        }
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE || nd->tag == GUMBO_TAG_TEMPLATE ||
            nd->tag == GUMBO_TAG_HEAD) {
            i = nd->end - 1;
            continue;
        }
        /* a page's own header names its section ("<div
         * class="page-header-title">お知らせ</div>", WordPress themes'
         * archive and post headers), not the site */
        const char *cls = px_attr(nd, "class");
        bool named = nd->tag != GUMBO_TAG_BODY && nd->tag != GUMBO_TAG_HTML &&
                     px_meta_named(c, i, 0, PX_WORDS(masthead_words)) &&
                     !holds_ci(cls, "page-header") && !holds_ci(cls, "page-title");
        bool home = nd->tag == GUMBO_TAG_A && home_link(s, nd);
        bool logo_img = nd->tag == GUMBO_TAG_IMG &&
                        (px_meta_named(c, i, 2, PX_WORDS(masthead_words)) || in_home_link(s, i));
        if (logo_img) {
            const char *alt = px_attr(nd, "alt");
            if (alt) {
                add_masthead(s, alt, strlen(alt), false);
                /* an alt that says whose logo it is ("Logo Deutsches
                 * Weininstitut"), not one that says what it shows */
                size_t al = strlen(alt);
                const char *a = px_site_strip_logo(alt, &al);
                if (al && al < strlen(alt) && al <= NAME_MAX_BYTES)
                    add_line(&s->logos, a, al);
                else if (al && al <= NAME_MAX_BYTES && !home_word(a, al) &&
                         !px_word_in(a, al, PX_WORDS(logo_words)))
                    add_line(&s->alts, a, al - home_suffix(a, al));
            }
        }
        if ((!named && !home) || named_left-- <= 0)
            continue;
        const char *title = px_attr(nd, "title");
        if (title)
            add_masthead(s, title, strlen(title), !named);
        char *t = px_meta_short_text(c, i, NAME_MAX_BYTES * 2);
        if (t) {
            size_t tl = strlen(t);
            if (tl && tl <= NAME_MAX_BYTES) {
                add_masthead(s, t, tl, !named);
                /* the first title-like name, for a blog on a platform */
                if (!s->strong && named && nd->tag != GUMBO_TAG_A && nd->tag != GUMBO_TAG_IMG &&
                    px_meta_named(c, i, 0, px_words_from(PX_WORDS(masthead_words), 2)))
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
    size_t sl = px_fold_name(seg, n, sc, sizeof sc, false);
    if (!host || sl < 3)
        return false;
    const char *label;
    size_t ll;
    for (size_t pos = 0; px_url_host_label(host, &pos, &label, &ll);) {
        if (ll >= sizeof lc)
            continue;
        size_t k = px_fold_name(label, ll, lc, sizeof lc, false);
        size_t lo = k < sl ? k : sl, hi = k < sl ? sl : k;
        if (lo >= 3 && lo * 2 >= hi && (k < sl ? strstr(sc, lc) : strstr(lc, sc)))
            return true;
    }
    return false;
}

static enum evidence confirm(const site_ctx *s, const char *seg, size_t n)
{
    char norm[NAME_MAX_BYTES * 2 + 8];
    if (n > NAME_MAX_BYTES)
        return EV_NONE;
    size_t k = px_fold_name(seg, n, norm, sizeof norm, true);
    if (k < 2)
        return EV_NONE;
    if (in_lines(&s->masthead, norm, k, false))
        return EV_MASTHEAD;
    if (px_site_host_exact(s->host, seg, n))
        return EV_HOST_EXACT;
    if (in_lines(&s->homes, norm, k, false))
        return EV_HOME;
    const px_json *site = s->c->site ? px_json_get(s->c->site, "name") : NULL;
    const char *markup[] = {px_meta_tag(s->c, "application-name"), px_json_str(site)};
    for (size_t m = 0; m < COUNT(markup); m++) {
        char mn[NAME_MAX_BYTES * 2 + 8];
        if (markup[m] && strlen(markup[m]) <= NAME_MAX_BYTES &&
            px_fold_name(markup[m], strlen(markup[m]), mn, sizeof mn, true) == k && !memcmp(mn, norm, k))
            return EV_MARKUP;
    }
    if (in_lines(&s->copyright, norm, k, true))
        return EV_COPYRIGHT;
    if (host_matches(s->host, seg, n))
        return EV_HOST;
    return EV_NONE;
}

/* EV_FIRST_WORD for seg[0..n), or EV_NONE. */
static enum evidence first_word(const site_ctx *s, const char *seg, size_t n)
{
    size_t w = 0;
    while (w < n && seg[w] != ' ')
        w++;
    char norm[NAME_MAX_BYTES * 2 + 8];
    size_t k = w < n && w <= NAME_MAX_BYTES ? px_fold_name(seg, w, norm, sizeof norm, true) : 0;
    if (k < 4 || memchr(norm, ' ', k))
        return EV_NONE;
    const char *handle = px_meta_tag(s->c, "og:site_name");
    char hn[NAME_MAX_BYTES * 2 + 8];
    if (handle && *handle == '@' && strlen(handle) <= NAME_MAX_BYTES &&
        px_fold_name(handle + 1, strlen(handle + 1), hn, sizeof hn, true) == k && !memcmp(hn, norm, k))
        return EV_FIRST_WORD;
    return in_lines(&s->copyright, norm, k, true) ? EV_FIRST_WORD : EV_NONE;
}

/* *p[0..*n) without white space at either end. */
static void trim(const char **p, size_t *n)
{
    while (*n && px_meta_is_ws((unsigned char)(*p)[*n - 1]))
        (*n)--;
    while (*n && px_meta_is_ws((unsigned char)**p))
        (*p)++, (*n)--;
}

/* The lines of b ('\n' after each), one by one: *p at the start of the
 * next (NULL to begin), *n its length. Returns false after the last. */
static bool next_line(const px_buf *b, const char **p, size_t *n)
{
    const char *end = b->data + b->len;
    *p = *p ? *p + *n + 1 : b->data;
    if (!b->data || *p >= end)
        return false;
    *n = (size_t)((const char *)memchr(*p, '\n', (size_t)(end - *p)) - *p);
    return true;
}

/* The candidate segments of a <title>, trimmed, into bs/bl: its ends
 * by the first separator that occurs (the middle holds sections); the
 * part before ": " ("Blog Name: Post", Blogger's default); with no
 * separator, the ends around " : " ("Post : Blog Name", French spacing),
 * else the whole title. Returns how many. */
static size_t title_ends(const char *title, const char **bs, size_t *bl)
{
    size_t n = strlen(title), nb = 0;
    for (size_t k = 0; k < px_title_nseps && nb < 2; k++) {
        size_t sl = strlen(px_title_seps[k]);
        const char *last, *first = px_title_sep_at(title, k, &last);
        if (!first)
            continue;
        nb = 0;
        bs[nb] = last + sl, bl[nb++] = n - (size_t)(last + sl - title);
        bs[nb] = title, bl[nb++] = (size_t)(first - title);
    }
    /* Chinese and Japanese titles join their parts without spaces:
     * "江城地铁5号线南延段开通试运营_江城新闻网", "…について｜岩根市" */
    static const char cjk_seps[][8] = {"_", "\xef\xbd\x9c" /* ｜ */, "\xe4\xb8\xa8" /* 丨 */};
    for (size_t k = 0; k < sizeof cjk_seps / sizeof *cjk_seps && !nb; k++) {
        const char *first = strstr(title, cjk_seps[k]), *last = first;
        size_t sl = strlen(cjk_seps[k]);
        /* "_" only between CJK characters, never in a Latin word */
        if (!first || (sl == 1 && (first == title || (unsigned char)first[-1] < 0x80 || (unsigned char)first[1] < 0xE3)))
            continue;
        for (const char *p = first; (p = strstr(p + 1, cjk_seps[k]));)
            last = p;
        bs[nb] = last + sl, bl[nb++] = n - (size_t)(last + sl - title);
        bs[nb] = title, bl[nb++] = (size_t)(first - title);
    }
    const char *spaced = nb ? NULL : strstr(title, " : ");
    if (spaced) {
        const char *last = spaced;
        for (const char *p = spaced; (p = strstr(p + 1, " : "));)
            last = p;
        bs[nb] = last + 3, bl[nb++] = n - (size_t)(last + 3 - title);
    }
    const char *colon = strstr(title, ": ");
    if (colon)
        bs[nb] = title, bl[nb++] = (size_t)(colon - title);
    if (!nb)
        bs[nb] = title, bl[nb++] = n;
    for (size_t k = 0; k < nb; k++)
        trim(&bs[k], &bl[k]);
    return nb;
}

/* Is s[0..n) the headline (JSON-LD or og:title), by its words? */
static bool is_headline(const ctx *c, const char *s, size_t n)
{
    char hn[NAME_MAX_BYTES * 2 + 8], sn[NAME_MAX_BYTES * 2 + 8];
    const char *hd = c->m->headline;
    if (!hd || strlen(hd) > NAME_MAX_BYTES || n > NAME_MAX_BYTES)
        return false;
    size_t hk = px_fold_name(hd, strlen(hd), hn, sizeof hn, true);
    return hk && px_fold_name(s, n, sn, sizeof sn, true) == hk && !memcmp(sn, hn, hk);
}

/* The segment of title that evidence confirms best, copied; NULL when
 * none. Never the headline itself. */
static char *title_segment(site_ctx *s, const char *title)
{
    ctx *c = s->c;
    const char *bs[MAX_SEGS];
    size_t bl[MAX_SEGS], nb = title_ends(title, bs, bl);
    enum evidence best = EV_NONE;
    size_t pick = 0;
    for (size_t k = 0; k < nb; k++) {
        if (bl[k] > NAME_MAX_BYTES || is_headline(c, bs[k], bl[k]) || platform_in(bs[k], bl[k]))
            continue;
        enum evidence e = confirm(s, bs[k], bl[k]);
        /* ...when the headline, if known, is the rest of the title ("Take
         * C.A.R.E. - comwrap auf der DMEXCO 2018" is one headline), and
         * is longer than the name ("News - Elder: Aus dem Ghetto…") */
        if (e == EV_NONE && k == 0 && nb > 1 && (!c->m->headline || is_headline(c, bs[1], bl[1])) &&
            px_word_count(bs[0], bl[0]) < px_word_count(bs[1], bl[1]))
            e = first_word(s, bs[k], bl[k]);
        if (e < best)
            best = e, pick = k;
    }
    return best == EV_NONE ? NULL : px_strndup(c->a, bs[pick], bl[pick]);
}

/* Splits a name at the title separators ("Luxury Haven | Award-winning
 * Singapore Lifestyle Blog"): the parts, trimmed, into ps/pl (at most
 * MAX_SEGS). Returns how many (1 when there is no separator). */
static size_t name_parts(const char *s, size_t n, const char **ps, size_t *pl)
{
    size_t np = 0;
    const char *b = s, *end = s + n;
    for (const char *p = s; p < end && np + 1 < MAX_SEGS;) {
        size_t sl = 0;
        for (size_t k = 0; k < px_title_nseps && !sl; k++) {
            size_t l = strlen(px_title_seps[k]);
            if ((size_t)(end - p) >= l && !memcmp(p, px_title_seps[k], l))
                sl = l;
        }
        if (!sl) {
            p++;
            continue;
        }
        ps[np] = b, pl[np++] = (size_t)(p - b);
        p += sl;
        b = p;
    }
    ps[np] = b, pl[np++] = (size_t)(end - b);
    for (size_t k = 0; k < np; k++)
        trim(&ps[k], &pl[k]);
    return np;
}

/* Is the masthead's or copyright's name p[0..n) one the page confirms:
 * in a copyright line, or in the host's letters? */
static bool witnessed(const site_ctx *s, const char *p, size_t n)
{
    char norm[NAME_MAX_BYTES * 2 + 8];
    size_t k = px_fold_name(p, n, norm, sizeof norm, true);
    if (k < 3 || is_headline(s->c, p, n) || platform_in(p, n))
        return false;
    return in_lines(&s->copyright, norm, k, true) || host_matches(s->host, p, n) ||
           px_site_host_exact(s->host, p, n);
}

/* A title that holds no name: the first masthead name that a second,
 * independent witness repeats, the copyright line or the host ("Pedalritter"
 * in the blog's heading, in "© 2020 Pedalritter" and in
 * pedalritter-blog.de). One alone is not enough: a masthead holds menus'
 * "Home" links and taglines as well. A name with a tagline counts by its
 * part the witness repeats ("Luxury Haven | Award-winning Singapore
 * Lifestyle Blog"), and one that runs on into its tagline with no
 * separator by the words that spell the host ("wPolityce.pl wiadomości
 * z Polski i ze świata" on wpolityce.pl). An address is no name. */
static char *masthead_name(site_ctx *s)
{
    const char *p = NULL;
    size_t n = 0;
    while (next_line(&s->raw, &p, &n)) {
        if (!sane_n(p, n))
            continue;
        if (witnessed(s, p, n))
            return px_strndup(s->c->a, p, n);
        const char *ps[MAX_SEGS];
        size_t pl[MAX_SEGS], np = name_parts(p, n, ps, pl);
        for (size_t k = 0; k < np && np > 1; k++)
            if (witnessed(s, ps[k], pl[k]))
                return px_strndup(s->c->a, ps[k], pl[k]);
        for (size_t i = 1; i < n; i++)
            if (p[i] == ' ' && px_site_host_exact(s->host, p, i))
                return px_strndup(s->c->a, p, i);
    }
    return NULL;
}

/* Which holders copyright_holder takes: one whose letters the host
 * confirms, a host's name ("BreakingBelizeNews.com"), or any name. */
typedef enum holder {
    HOLDER_HOST,     /* confirmed by the host */
    HOLDER_HOSTNAME, /* a host's name */
    HOLDER_ANY,      /* any name, in the page's footer, that the title does not hold */
} holder;

/* Does the page's <title> hold the name p[0..n), as folded letters?
 * ("Ascom and Dräger introduce …" holds "Ascom": a line "© Ascom" is
 * then as likely a photo's credit.) */
static bool title_holds(const site_ctx *s, const char *p, size_t n)
{
    char a[NAME_MAX_BYTES * 2 + 8], b[1024];
    size_t al = px_fold_name(p, n, a, sizeof a, false);
    size_t bl = px_fold_name(s->title, strlen(s->title), b, sizeof b, false);
    if (!al || al >= sizeof a || bl >= sizeof b)
        return !al;
    a[al] = '\0';
    b[bl] = '\0';
    return strstr(b, a) != NULL;
}

/* The holder a copyright line names ("© 2019 Ascom"), of the kind want
 * says; never a company's legal name or a credit ("Foto: X/Shutterstock"). */
static char *copyright_holder(site_ctx *s, holder want)
{
    bool host = want == HOLDER_HOST;
    const char *p = NULL;
    size_t n = 0, l;
    while (next_line(want == HOLDER_ANY ? &s->foot_copy : &s->raw_copy, &p, &n)) {
        const char *name = px_site_copyright_name(p, n, &l);
        if (!name || !sane_n(name, l) || memchr(name, '/', l) || is_headline(s->c, name, l) ||
            platform_in(name, l) || (want == HOLDER_ANY && title_holds(s, name, l)))
            continue;
        /* unconfirmed, only a name that is a host ("BreakingBelizeNews.com"):
         * a copyright line is as often a photo's credit */
        const char *dot = memchr(name, '.', l);
        if (want == HOLDER_HOSTNAME && (memchr(name, ' ', l) || !dot || dot == name || dot + 2 >= name + l))
            continue;
        /* the legal form after a comma: "© 2019 Hearst Communications, Inc." */
        size_t rest = l;
        while (name + rest < p + n && name[rest] != '\n' && rest < NAME_MAX_BYTES &&
               !(name[rest] == '.' && (name + rest + 1 == p + n || name[rest + 1] == ' ')))
            rest++;
        if (name + rest < p + n && name[rest] == '.')
            rest++;
        char *full = px_strndup(s->c->a, name, rest);
        bool legal = full && px_site_is_legal_name(full);
        px_free(s->c->a, full);
        if (legal || (host && !host_matches(s->host, name, l) && !px_site_host_exact(s->host, name, l)))
            continue;
        /* the words that spell the host, without the company's others:
         * "© 2024 Nila Times Media" on nilatimes.in */
        for (size_t w = l; host && w > 0 && !px_site_host_exact(s->host, name, l); w--)
            if (name[w] == ' ' && px_site_host_exact(s->host, name, w)) {
                l = w;
                break;
            }
        return px_strndup(s->c->a, name, l);
    }
    return NULL;
}

/* Words between spaces in s[0..n): a CJK name is one or two such words
 * ("一般社団法人 みどり町観光協会"), of as many characters as px_word_count
 * counts words. */
static size_t spaced_words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return w;
}

/* The last resort: a logo's alt text that reads as a name ("Logo
 * Deutsches Weininstitut"; from alts, the masthead logo's own "بوابة
 * الوادي"): capitalised, six words at most (of a CJK name, sixteen
 * characters in two words). */
static char *logo_alt(site_ctx *s, const px_buf *alts)
{
    const char *p = NULL;
    size_t n = 0;
    while (next_line(alts, &p, &n)) {
        size_t words = px_word_count(p, n);
        if (!sane_n(p, n) || !((*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC0) ||
            (words > 6 && (words > 16 || spaced_words(p, n) > 2)) || is_headline(s->c, p, n) ||
            platform_in(p, n))
            continue;
        char norm[NAME_MAX_BYTES * 2 + 8];
        if (px_fold_name(p, n, norm, sizeof norm, true) < 3)
            continue;
        /* the name, then after a dash what the site is: "גשר לקהילה -
         * עמותה לפיתוח קהילתי", "Acme - Fresh bread since 1920" */
        const char *ps[MAX_SEGS];
        size_t pl[MAX_SEGS];
        if (name_parts(p, n, ps, pl) == 2 && spaced_words(ps[0], pl[0]) < spaced_words(ps[1], pl[1]) &&
            px_fold_name(ps[0], pl[0], norm, sizeof norm, true) >= 3)
            return px_strndup(s->c->a, ps[0], pl[0]);
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

/* ------------------------------------------------------------------ */
/* The markup's names weighed against the page                          */

/* Is s[0..n) one of the ends of <title> (not the headline)? */
static bool title_end(const site_ctx *s, const char *p, size_t n)
{
    char a[NAME_MAX_BYTES * 2 + 8], b[NAME_MAX_BYTES * 2 + 8];
    if (n > NAME_MAX_BYTES)
        return false;
    size_t k = px_fold_name(p, n, a, sizeof a, true);
    for (size_t e = 0; e < s->nends && k; e++)
        if (s->endl[e] <= NAME_MAX_BYTES && !is_headline(s->c, s->ends[e], s->endl[e]) &&
            px_fold_name(s->ends[e], s->endl[e], b, sizeof b, true) == k && !memcmp(a, b, k))
            return true;
    return false;
}

/* The part of a markup name that names the site when the name is a name
 * and a tagline joined by a separator ("LinkNaija | Nigeria's popular
 * news platform", "AOC media - Analyse Opinion Critique" on aoc.media,
 * "Noticias de El Salvador - La Prensa Gráfica | Informate con la
 * verdad" under a title "… | La Prensa Gráfica"): the part that spells
 * the host, else the part of two words or more that is an end of
 * <title>. The whole name stays when it spells the host or is that end
 * itself ("Rock - Paper - Shotgun"), and when no part is confirmed. */
static void name_part(const site_ctx *s, const char **p, size_t *n)
{
    const char *ps[MAX_SEGS];
    size_t pl[MAX_SEGS], np = name_parts(*p, *n, ps, pl);
    if (np < 2 || px_site_host_exact(s->host, *p, *n))
        return;
    /* a platform's name beside the blog's: "네이버 블로그 | 민지의 여행노트" */
    if (np == 2 && (platform_in(ps[0], pl[0]) || platform_in(ps[1], pl[1]))) {
        size_t k = platform_in(ps[0], pl[0]) ? 1 : 0;
        *p = ps[k], *n = pl[k];
        return;
    }
    for (size_t k = 0; k < np; k++)
        if (px_site_host_exact(s->host, ps[k], pl[k])) {
            *p = ps[k], *n = pl[k];
            return;
        }
    /* a Cyrillic name under its transliterated host: "Самоделкин -
     * журнал для мастеров" on samodelkin-zhurnal.ru */
    if (s->host) {
        const char *h = s->host;
        if (!strncmp(h, "www.", 4))
            h += 4;
        size_t hl = strcspn(h, ".:/");
        for (size_t k = 0; k < np; k++)
            if (px_translit_spells_host(h, hl, ps[k], pl[k])) {
                *p = ps[k], *n = pl[k];
                return;
            }
    }
    /* "WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale" ends
     * the title whole: its last part ends it too, and is no name */
    if (title_end(s, *p, *n) || (s->title && memmem(s->title, strlen(s->title), *p, *n)))
        return;
    for (size_t k = 0; k < np; k++)
        if (px_word_count(ps[k], pl[k]) >= 2 && title_end(s, ps[k], pl[k])) {
            *p = ps[k], *n = pl[k];
            return;
        }
}

typedef struct cand {
    const char *s;
    size_t n;
    int votes;      /* markup fields that give this name */
    bool confirmed; /* it spells the host or ends <title> */
    bool html;      /* JSON-LD: may hold character references */
} cand;

/* Accented letters a name lost ("Osrodek Studiow Wschodnich" against an
 * og:site_name "OSW Ośrodek Studiów Wschodnich"): the words of another
 * field whose letters fold to the name's, when they hold any. */
static bool accented_form(const char *name, size_t nl, const char *x, size_t xl, const char **out,
                          size_t *ol)
{
    char want[NAME_MAX_BYTES * 2 + 8], got[NAME_MAX_BYTES * 2 + 8];
    if (nl > NAME_MAX_BYTES || xl > NAME_MAX_BYTES)
        return false;
    for (size_t i = 0; i < nl; i++)
        if ((unsigned char)name[i] >= 0x80)
            return false;
    size_t wk = px_fold_name(name, nl, want, sizeof want, false);
    for (size_t i = 0; i < xl && wk; i++) {
        if (i && x[i - 1] != ' ')
            continue;
        for (size_t j = i + 1; j <= xl; j++) {
            if (j < xl && x[j] != ' ')
                continue;
            size_t gk = px_fold_name(x + i, j - i, got, sizeof got, false);
            if (gk > wk)
                break;
            bool accents = false;
            for (size_t t = i; t < j; t++)
                accents |= (unsigned char)x[t] >= 0x80;
            if (gk == wk && !memcmp(got, want, wk) && accents) {
                *out = x + i, *ol = j - i;
                return true;
            }
        }
    }
    return false;
}

/* The markup named the site (px_meta_site_markup took its first name,
 * for the authors). Weighed against the <title> and the host, which cost
 * no walk over the page: each name cut to the part that names the site;
 * a name the page confirms (it spells the host or ends <title>) before
 * one it does not, as a wire service's or an owner's name in the
 * JSON-LD publisher ("Associated Press" on the Houston Chronicle, "DH
 * News Service") is not; then the name more fields give ("Do Rzeczy" in
 * og:site_name, the WebSite and application-name over the publisher's
 * "DoRzeczy.pl"); then the order of trust. Without og:site_name, an end
 * of <title> that spells the host is a candidate too. A host's bare
 * label ("nj") gives way to the end of <title> that spells the whole
 * host ("nj.com"), and a name written without its accents takes them
 * back from another field. */
static void weigh_markup(site_ctx *s)
{
    ctx *c = s->c;
    const char *names[9];
    size_t nn = markup_names(c, names);
    names[nn++] = px_meta_tag(c, "application-name");
    cand cands[12];
    size_t nc = 0;
    const char *og = px_meta_tag(c, "og:site_name");
    bool has_og = sane(og) && !is_platform(og);
    for (size_t k = 0; k < nn; k++) {
        if (!sane(names[k]) || is_platform(names[k]) || strlen(names[k]) > NAME_MAX_BYTES)
            continue;
        const char *p = names[k];
        size_t n = strlen(p);
        trim(&p, &n);
        name_part(s, &p, &n);
        char a[NAME_MAX_BYTES * 2 + 8], b[NAME_MAX_BYTES * 2 + 8];
        size_t ak = px_fold_name(p, n, a, sizeof a, true), j;
        if (!ak)
            continue;
        for (j = 0; j < nc; j++)
            if (px_fold_name(cands[j].s, cands[j].n, b, sizeof b, true) == ak && !memcmp(a, b, ak))
                break;
        if (j < nc) {
            cands[j].votes++;
            continue;
        }
        /* after og:site_name, the fields only vote for it or for a name
         * before it: application-name's "NZZ.ch" against "Neue Zürcher
         * Zeitung", the publisher "Springer" against the journal */
        if (k > 2 && has_og)
            continue;
        bool conf = px_site_host_exact(s->host, p, n) || host_matches(s->host, p, n) || title_end(s, p, n);
        cands[nc++] = (cand){p, n, 1, conf, k < 2};
    }
    /* Without og:site_name, an end of <title> of two words or more that
     * spells the host ("Biathlon Antholz" against the WebSite's "Biathlon
     * Weltcup Komitee"); one word is as often an abbreviation or an
     * address ("EKD", "rp.pl") of the name the markup writes out. */
    for (size_t e = 0; e < s->nends && !has_og && nc < COUNT(cands); e++)
        if (s->endl[e] <= NAME_MAX_BYTES && px_word_count(s->ends[e], s->endl[e]) >= 2 &&
            !is_headline(c, s->ends[e], s->endl[e]) && !platform_in(s->ends[e], s->endl[e]) &&
            px_site_host_exact(s->host, s->ends[e], s->endl[e]))
            cands[nc++] = (cand){s->ends[e], s->endl[e], 1, true, false};
    if (!nc)
        return;
    size_t best = 0;
    for (size_t j = 1; j < nc; j++)
        if (cands[j].confirmed > cands[best].confirmed ||
            (cands[j].confirmed == cands[best].confirmed && cands[j].votes > cands[best].votes))
            best = j;
    cand pick = cands[best];
    /* the host's bare label, written as the host writes it ("nj"),
     * against the whole host ("nj.com") */
    char a[NAME_MAX_BYTES * 2 + 8], b[NAME_MAX_BYTES * 2 + 8];
    size_t ak = px_fold_name(pick.s, pick.n, a, sizeof a, false);
    for (size_t i = 0; i < pick.n && ak; i++)
        if (!((pick.s[i] >= 'a' && pick.s[i] <= 'z') || (pick.s[i] >= '0' && pick.s[i] <= '9') || pick.s[i] == '-'))
            ak = 0;
    for (size_t e = 0; e < s->nends && ak; e++) {
        size_t bk = s->endl[e] <= NAME_MAX_BYTES ? px_fold_name(s->ends[e], s->endl[e], b, sizeof b, false) : 0;
        if (bk > ak && !memcmp(a, b, ak) && !is_headline(c, s->ends[e], s->endl[e]) &&
            px_site_host_exact(s->host, s->ends[e], s->endl[e]) && px_site_host_exact(s->host, pick.s, pick.n)) {
            pick = (cand){s->ends[e], s->endl[e], 1, true, false};
            break;
        }
    }
    /* the accents another field writes */
    for (size_t k = 0; k < nn; k++) {
        const char *acc;
        size_t al;
        if (names[k] && accented_form(pick.s, pick.n, names[k], strlen(names[k]), &acc, &al)) {
            pick = (cand){acc, al, 1, false, k < 2};
            break;
        }
    }
    if (pick.s == names[0] && pick.n == strlen(names[0]))
        return; /* the name px_meta_site_markup took */
    char *v = px_strndup(c->a, pick.s, pick.n);
    if (!v) {
        c->rc = PITH_ERR_NOMEM;
        return;
    }
    char *old = c->m->site_name;
    c->m->site_name = NULL;
    px_meta_set_field(c, &c->m->site_name, v, pick.html);
    if (c->m->site_name)
        px_free(c->a, old);
    else
        c->m->site_name = old;
    px_free(c->a, v);
}

void px_meta_site_name(ctx *c, const char *page_url)
{
    px_meta *m = c->m;
    if (c->rc)
        return;
    const char *platform = m->site_name ? NULL : from_markup(c);
    if (c->rc)
        return;
    site_ctx s = {.c = c, .host = px_url_host(m->url ? m->url : page_url)};
    char *title = px_doc_title(c->doc, c->a);
    if (!title) {
        c->rc = PITH_ERR_NOMEM;
        return;
    }
    s.title = title;
    s.nends = title_ends(title, s.ends, s.endl);
    if (m->site_name) {
        weigh_markup(&s);
        px_free(c->a, title);
        return;
    }
    /* The page's own evidence: the title's segment it confirms, or for a
     * blog on a platform the masthead's name. */
    px_buf_init(&s.masthead, c->a);
    px_buf_init(&s.homes, c->a);
    px_buf_init(&s.copyright, c->a);
    px_buf_init(&s.raw, c->a);
    px_buf_init(&s.raw_copy, c->a);
    px_buf_init(&s.logos, c->a);
    px_buf_init(&s.alts, c->a);
    px_buf_init(&s.foot_copy, c->a);
    collect(&s);
    char *seg = c->rc ? NULL : title_segment(&s, title);
    if (!seg && !c->rc)
        seg = masthead_name(&s);
    if (!seg && !c->rc)
        seg = copyright_holder(&s, HOLDER_HOST);
    /* a name cut from the text before its tagline keeps no comma:
     * "Everardo Herrera,  lo mejor del fútbol" */
    for (size_t n = seg ? strlen(seg) : 0; n && (seg[n - 1] == ',' || seg[n - 1] == ';' || seg[n - 1] == ' ');)
        seg[--n] = '\0';
    if (seg && *seg)
        px_meta_set_field(c, &m->site_name, seg, false);
    else if (platform && s.strong && !is_platform(s.strong))
        px_meta_set_field(c, &m->site_name, s.strong, false);
    px_free(c->a, seg);
    px_meta_set_field(c, &m->site_name, px_meta_tag(c, "application-name"), false);
    /* a publisher's legal name ("Kashi Darpan Media Pvt. Ltd.") waits
     * for the masthead logo's name below */
    bool legal_publisher = sane(c->ld_publisher) && px_site_is_legal_name(c->ld_publisher);
    if (sane(c->ld_publisher) && !legal_publisher)
        px_meta_set_field(c, &m->site_name, c->ld_publisher, true);
    px_meta_set_field(c, &m->site_name, platform, false);
    /* Nothing else: the copyright's holder, else a logo's alt text. */
    if (!m->site_name && !c->rc) {
        seg = copyright_holder(&s, HOLDER_HOSTNAME);
        if (!seg && !c->rc)
            seg = logo_alt(&s, &s.logos);
        /* a masthead logo's plain alt, then a copyright's holder that no
         * witness confirms ("© ۱۴۰۲ باغچه سبز.", "© 2012–2024 «Рівне
         * Сьогодні»"): a name is better than none */
        if (!seg && !c->rc)
            seg = logo_alt(&s, &s.alts);
        if (!seg && legal_publisher)
            px_meta_set_field(c, &m->site_name, c->ld_publisher, true);
        if (!seg && !m->site_name && !c->rc)
            seg = copyright_holder(&s, HOLDER_ANY);
        px_meta_set_field(c, &m->site_name, seg, false);
        px_free(c->a, seg);
    }
    px_free(c->a, title);
    px_free(c->a, s.strong);
    px_buf_free(&s.masthead);
    px_buf_free(&s.homes);
    px_buf_free(&s.copyright);
    px_buf_free(&s.raw);
    px_buf_free(&s.raw_copy);
    px_buf_free(&s.logos);
    px_buf_free(&s.alts);
    px_buf_free(&s.foot_copy);
}
