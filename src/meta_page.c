/*
 * What the page shows: the dateline. A date a reader sees next to the
 * headline ("Publié le 3 novembre 2021", "20.10.2021 - 10:24", a <time>
 * without datetime, an <abbr title="2006-12-04">) is the article's; the
 * same kind of date in a sidebar, a teaser or a comment is not. So every
 * short element that holds a date is a candidate, and the one nearest
 * after the headline wins, an element whose class says date or time
 * counting as nearer. A label before the date ("Updated", "Aktualisiert",
 * "Mis à jour") makes it the modified date.
 */
#include "meta_impl.h"

#include <stdio.h>
#include <string.h>
#include "text.h"

#define COUNT(a) (sizeof a / sizeof *a)
#define MAX_TEXT 160  /* a dateline is short; longer blocks are prose */
#define MAX_NODES 24  /* nodes in a candidate's subtree */
#define UNNAMED 40    /* the distance an unnamed element adds */
#define FAR 400       /* nodes from the headline beyond which an unnamed date is not counted */

static bool in_tag(const ctx *c, int i, unsigned tag)
{
    for (int p = c->doc->nodes[i].parent; p >= 0; p = c->doc->nodes[p].parent)
        if (px_meta_is_elem(&c->doc->nodes[p], tag))
            return true;
    return false;
}

/* Is node i somewhere a page's own dateline never is: in a <header>
 * that ends before the headline h1 (the site's masthead, whose date is
 * today's: "Mittwoch, 10. November 2021" beside the logo), or in an
 * <aside> or a <nav> outside the headline's <article> that does not hold
 * the headline either (teasers of other articles; some sites wrap the
 * article in an <aside>, others put its dates in an <aside> under the
 * headline)? Without a headline, nowhere. */
static bool off_article(const ctx *c, int i, int h1, int art)
{
    const px_node *nodes = c->doc->nodes;
    if (h1 < 0 || (art >= 0 && i > art && i < nodes[art].end))
        return false;
    for (int p = nodes[i].parent; p >= 0; p = nodes[p].parent) {
        if (px_meta_is_elem(&nodes[p], GUMBO_TAG_HEADER) && nodes[p].end <= h1)
            return true;
        if ((px_meta_is_elem(&nodes[p], GUMBO_TAG_ASIDE) || px_meta_is_elem(&nodes[p], GUMBO_TAG_NAV)) &&
            (h1 < p || h1 >= nodes[p].end))
            return true;
    }
    return false;
}

/* The <article> that holds the headline h1, or -1. */
static int article_of(const ctx *c, int h1)
{
    int art = h1 >= 0 ? c->doc->nodes[h1].parent : -1;
    while (art >= 0 && !px_meta_is_elem(&c->doc->nodes[art], GUMBO_TAG_ARTICLE))
        art = c->doc->nodes[art].parent;
    return art;
}

/* The headline's <h1>: the first inside <article> or <main>, else the
 * first outside <header> and <nav> (where logos sit), else none. */
int px_meta_headline(const ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    int outside = -1;
    for (int i = 0; i < c->doc->n; i++) {
        if (!px_meta_is_elem(&nodes[i], GUMBO_TAG_H1) || px_meta_elsewhere(c, i, 8))
            continue;
        if (in_tag(c, i, GUMBO_TAG_ARTICLE) || in_tag(c, i, GUMBO_TAG_MAIN))
            return i;
        if (outside < 0 && !in_tag(c, i, GUMBO_TAG_HEADER) && !in_tag(c, i, GUMBO_TAG_NAV))
            outside = i;
    }
    return outside;
}

void px_meta_main_column(ctx *c)
{
    static const char side[][12] = {"sidebar"};
    const px_node *nodes = c->doc->nodes;
    if (px_meta_headline(c) >= 0)
        return;
    for (int i = 0, tries = 0; i < c->doc->n && tries < 4; i++) {
        if (!px_meta_is_elem(&nodes[i], GUMBO_TAG_H1))
            continue;
        tries++; /* each try reads the page again */
        for (int p = nodes[i].parent, k = 0; p >= 0 && k < 8; p = nodes[p].parent, k++)
            if (px_meta_named(c, p, 0, PX_WORDS(side))) {
                c->main_col1 = p + 1;
                if (px_meta_headline(c) == i)
                    return;
                c->main_col1 = 0;
                break;
            }
    }
}

/* How far node i is from the headline h1 (-1: none, then from the top):
 * a date above the headline counts double, the byline being below it. */
int px_meta_distance(int h1, int i)
{
    return h1 < 0 ? i : i >= h1 ? i - h1 : 2 * (h1 - i);
}

int px_meta_next_text(const ctx *c, int i, const char **text, size_t *len)
{
    const px_node *nodes = c->doc->nodes;
    for (; i < c->doc->n; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind == PX_ELEMENT && (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE ||
                                       nd->tag == GUMBO_TAG_HEAD || nd->tag == GUMBO_TAG_TEMPLATE)) {
            i = nd->end - 1;
            continue;
        }
        if (nd->kind == PX_TEXT) {
            *text = px_text(nd, len);
            if (*text)
                return i;
        }
    }
    return -1;
}

/* The order the page's own numeric dates show: a date of the text with
 * a day above 12 ("25/06/2020": day first; "06/25/2020": month first),
 * when all such dates agree. Only a/b/yyyy and a-b-yyyy count, the same
 * separator twice and a four-digit year (vBulletin's "03-13-2024"): '-'
 * also joins scores, ranges and telephone numbers, which have no year of
 * four digits after two parts of one or two. */
/* The a<sep>b<sep>yyyy dates of t[0..n): whether one has its day first
 * (*dmy) or its month first (*mdy). */
static void text_order(const char *t, size_t n, char sep, bool *dmy, bool *mdy)
{
    for (const char *p = memchr(t, sep, n); p; p = memchr(p + 1, sep, n - (size_t)(p + 1 - t))) {
        /* a/b/yyyy around the first separator at p */
        const char *q = p;
        int a = 0, b = 0, k = 0, y = 0;
        while (q > t && k < 3 && q[-1] >= '0' && q[-1] <= '9')
            q--, k++;
        if (k < 1 || k > 2 || (q > t && (q[-1] == sep || (q[-1] >= '0' && q[-1] <= '9'))))
            continue;
        for (; q < p; q++)
            a = a * 10 + (*q - '0');
        q = p + 1;
        for (k = 0; q < t + n && k < 3 && *q >= '0' && *q <= '9'; q++, k++)
            b = b * 10 + (*q - '0');
        if (k < 1 || k > 2 || q >= t + n || *q != sep)
            continue;
        for (q++, k = 0; q < t + n && k < 5 && *q >= '0' && *q <= '9'; q++, k++)
            y = y * 10 + (*q - '0');
        if (k != 4 || y < 1900 || y > 2099 || (q < t + n && (*q == sep || (*q >= '0' && *q <= '9'))))
            continue;
        if (a > 12 && a <= 31 && b >= 1 && b <= 12)
            *dmy = true;
        else if (b > 12 && b <= 31 && a >= 1 && a <= 12)
            *mdy = true;
    }
}

static px_date_order page_order(const ctx *c)
{
    bool dmy = false, mdy = false;
    size_t n;
    const char *t;
    for (int i = 0; !(dmy && mdy) && (i = px_meta_next_text(c, i, &t, &n)) >= 0; i++) {
        text_order(t, n, '/', &dmy, &mdy);
        text_order(t, n, '-', &dmy, &mdy);
    }
    return dmy == mdy ? PX_ORDER_NONE : dmy ? PX_ORDER_DMY : PX_ORDER_MDY;
}

static int year_of(const char *iso)
{
    px_date d;
    return iso && px_date_parse(iso, strlen(iso), &d) ? d.year : 0;
}

const px_date_hint *px_meta_date_hint(ctx *c)
{
    if (c->has_hint)
        return &c->hint;
    c->has_hint = true;
    /* The page's language: JSON-LD's inLanguage (read by now), <html
     * lang>, Content-Language, og:locale; the first that settles the
     * order ("en" alone does not: og:locale en_GB may). */
    const char *langs[] = {c->m->language,
                           c->doc->html >= 0 ? px_attr(&c->doc->nodes[c->doc->html], "lang") : NULL,
                           px_meta_tag(c, "content-language"), px_meta_tag(c, "og:locale")};
    c->hint.order = PX_ORDER_NONE;
    for (size_t k = 0; k < COUNT(langs) && c->hint.order == PX_ORDER_NONE; k++)
        c->hint.order = px_date_order_of(langs[k]);
    if (c->hint.order == PX_ORDER_NONE)
        c->hint.order = page_order(c);
    char url[PX_DATE_MAX];
    c->hint.year = c->ref ? c->ref->year
                   : px_meta_url_date(c->page_url, url) || px_meta_url_date(c->m->url, url)
                       ? year_of(url)
                       : year_of(c->m->date_published);
    return &c->hint;
}

/* Words before a date that make it the modified date, lower case. */
static const char updated[][60] = {
    "updated", "update", "last modified", "modified", "aktualisiert", "geändert", "mis à jour",
    "modifié", "actualizado", "actualización", "aggiornato", "atualizado", "bijgewerkt",
    "обновлено", "zaktualizowano", "更新",
    "\xec\x88\x98\xec\xa0\x95", /* 수정 (ko: "입력 2024.03.07 14:10 수정 2024.03.08 05:21") */
    /* ASCII case only is ignored: the capitals of other scripts are spelt */
    "Обновлено", "Оновлено", "оновлено", "aktualizováno", "aktualizované", "opdateret", "oppdatert",
    "uppdaterad", "päivitetty", "frissítve", "actualitzat", "güncelleme", "güncellendi",
    "cập nhật", "C\xe1\xba\xadp nh\xe1\xba\xadt", "ενημέρωση", "Ενημέρωση", "ενημερώθηκε",
    "עודכן", "تحديث", "به‌روزرسانی", "بروزرسانی", "اپ ڈیٹ", "अपडेट", "আপডেট", "புதுப்பிக்கப்பட்டது",
    "แก้ไขล่าสุด", "อัปเดต",
    "aktualizacja", "Ενημερώθηκε", "diperbarui", "diperbaharui", "imesasishwa", "actualizat", "actualizată",
};

/* Words right after a date that make it the modified date, in the
 * languages that put the verb last: "已于 2024-03-08 09:02:47 修改"
 * (zh), "2024年3月8日 更新" (ja), "2024.03.08 수정" (ko). */
static const char updated_after[][8] = {
    "修改", "更新", "编辑", "編輯", "編集",
};

/* Does the date at t[at..n) stand before one of updated_after? The date
 * is its digits, separators and the CJK units of a date and a time. */
static bool updated_behind(const char *t, size_t n, size_t at)
{
    static const char units[][8] = {"年", "月", "日", "時", "时", "分", "秒", "\xc2\xa0"};
    size_t i = at;
    for (bool more = true; more && i < n;) {
        more = false;
        char ch = t[i];
        if ((ch >= '0' && ch <= '9') || ch == '-' || ch == ':' || ch == '.' || ch == '/' || ch == ' ' || ch == 'T') {
            i++;
            more = true;
            continue;
        }
        for (size_t k = 0; k < COUNT(units) && !more; k++) {
            size_t l = strlen(units[k]);
            if (i + l <= n && !memcmp(t + i, units[k], l)) {
                i += l;
                more = true;
            }
        }
    }
    for (size_t k = 0; k < COUNT(updated_after); k++) {
        size_t l = strlen(updated_after[k]);
        if (i + l > n || memcmp(t + i, updated_after[k], l))
            continue;
        /* not the label of the next date: "公開日 2024年3月1日 更新日
         * 2024年3月8日", "… 更新：2024-03-08", "… 更新 2024-03-08" */
        size_t j = i + l;
        if (j + 3 <= n && (!memcmp(t + j, "日", 3) || !memcmp(t + j, "：", 3) || !memcmp(t + j, "時", 3)))
            return false;
        while (j < n && (t[j] == ' ' || t[j] == ':'))
            j++;
        return j >= n || !(t[j] >= '0' && t[j] <= '9');
    }
    return false;
}

bool px_meta_says_updated(const char *text, size_t before)
{
    return px_meta_holds_ci(text, before, PX_WORDS(updated));
}

/* Words before a date that make it a member's joining date, on the
 * profile beside a forum post ("Kayıt: 03 Oca 2019, 18:22", "Joined:
 * Mon Jan 7, 2019"): the post's date is not it. Lower case. */
static const char joined[][32] = {
    "joined", "registered", "member since", "kayıt", "registriert", "mitglied seit", "inscrit le",
    "inscription", "registrado", "iscritto", "зарегистрирован", "регистрация", "注册时间", "註冊時間",
    "加入时间", "登録日", "가입일",
};

static bool says_joined(const char *text, size_t before)
{
    return px_meta_holds_ci(text, before, PX_WORDS(joined));
}

/* Is element i an hAtom "updated" that is not the post's date
 * (px_meta_hatom_dates says which)? */
static bool hatom_update(const ctx *c, int i)
{
    for (int k = 0; k < c->nhatom[1]; k++)
        if (c->hatom[1][k] == i)
            return c->hatom_updates >> k & 1;
    return false;
}

typedef struct best {
    int dist;
    px_date d;
} best;

static void consider(best *b, int dist, const px_date *d)
{
    if (b->dist < 0 || dist < b->dist) {
        b->dist = dist;
        b->d = *d;
    }
}

/* Does a long text t[0..n) open with the words that say a post's date
 * follows ("This entry was posted on", "Posted on", "Published on")? */
#define POSTED_LEAD 48 /* bytes before the date */
static bool posted_lead(const char *t, size_t n)
{
    static const char leads[][28] = {"this entry was posted on ", "posted on ", "published on "};
    for (size_t k = 0; k < COUNT(leads); k++) {
        size_t l = strlen(leads[k]);
        if (l <= n && px_ascii_ieq(t, leads[k], l))
            return true;
    }
    return false;
}

/* The dates of node i, published and modified: in its title attribute
 * (abbr, span), else in its text, where a label before each date says
 * which it is ("PUBLISHED: November 8, 2023 | UPDATED: November 9, 2023",
 * "Aktualisiert am 5. Mai, veröffentlicht am 1. Mai"). Returns false when
 * it holds none. The nodes before *plain are inside an element whose
 * text has no digit (set here). */
static bool node_dates(ctx *c, int i, px_date *pub, bool *has_pub, px_date *mod, bool *has_mod, int *plain)
{
    const px_node *nd = &c->doc->nodes[i];
    const char *title = px_attr(nd, "title");
    *has_pub = *has_mod = false;
    const px_date_hint *h = px_meta_date_hint(c);
    if (title && px_date_parse_hint(title, strlen(title), h, pub))
        return *has_pub = true;
    /* Below, a date is read from a text with a digit, or counted back
     * from the reference date: without one, a subtree with no digit in
     * its text holds none, nor do the elements inside it, and most
     * candidates are such (a page's labels, links and buttons); their
     * texts are not folded, and those inside not read again. */
    if (!c->ref) {
        if (i < *plain)
            return false;
        px_digits d = px_meta_has_digit(c, i, MAX_TEXT);
        if (d == PX_NO_DIGIT)
            *plain = nd->end;
        if (d != PX_DIGIT)
            return false;
    }
    char *t = px_meta_short_text(c, i, MAX_TEXT);
    if (!t)
        return false;
    /* "١٢ مارس ٢٠٢٤", "१२ मार्च": the date reader reads ASCII digits */
    size_t n = px_date_fold_digits(t, strlen(t)), from = 0, label = 0;
    if (n <= MAX_TEXT && strpbrk(t, "0123456789")) {
        /* the first date, and a later one whose label differs */
        px_date d;
        size_t at;
        for (int k = 0; k < 4 && from < n && px_date_find_hint(t + from, n - from, h, &d, &at); k++) {
            at += from;
            bool upd = px_meta_says_updated(t + label, at - label) || updated_behind(t, n, at);
            if (says_joined(t + label, at - label))
                ; /* neither */
            else if (upd && !*has_mod) {
                *mod = d;
                *has_mod = true;
            } else if (!upd && !*has_pub) {
                *pub = d;
                *has_pub = true;
            }
            /* past this date's first word: the next find is a later date */
            label = at;
            from = at + strcspn(t + at, " ,.");
        }
    }
    /* A longer block that opens with the post's dateline: WordPress
     * Kubrick's footer, "This entry was posted on Tuesday, March 12th,
     * 2024 at 9:14 pm and is filed under … You can follow any responses
     * …": a date the first words say was posted, read in the first
     * MAX_TEXT bytes; prose that starts with a date does not say so. */
    else if (n > MAX_TEXT && strpbrk(t, "0123456789")) {
        px_date d;
        size_t at;
        if (posted_lead(t, MAX_TEXT) && px_date_find_hint(t, MAX_TEXT, h, &d, &at) && at <= POSTED_LEAD) {
            *pub = d;
            *has_pub = true;
        }
    }
    if (!*has_pub && !*has_mod && n <= MAX_TEXT && px_date_relative(t, n, c->ref, pub, &label)) {
        bool upd = px_meta_says_updated(t, label);
        if (upd)
            *mod = *pub;
        *has_pub = !upd;
        *has_mod = upd;
    }
    px_free(c->a, t);
    return *has_pub || *has_mod;
}

/* An element whose class says date or time and whose whole text is a
 * date: the surest dateline, read before the others (and before
 * px_meta_mark_byline, so that extraction takes it out of the text). */
/* Is there an article's text between nodes a and b: paragraphs of
 * PROSE_BETWEEN bytes or more? */
#define PROSE_BETWEEN 400
static bool prose_between(const ctx *c, int a, int b)
{
    const px_node *nodes = c->doc->nodes;
    size_t bytes = 0;
    const char *t;
    size_t len;
    for (int i = a; (i = px_meta_next_text(c, i, &t, &len)) >= 0 && i < b; i++)
        if (nodes[i].parent >= 0 && px_meta_is_elem(&nodes[nodes[i].parent], GUMBO_TAG_P) &&
            (bytes += len) >= PROSE_BETWEEN)
            return true;
    return false;
}

void px_meta_named_date(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    static const char classes[][12] = {"date", "time", "fecha", "datum", "publish", "posted",
                                       "dateline"};
    static const char not_this[][12] = {"update", "modif", "readtime", "read-time"};
    /* the one nearest the headline, as for the dateline below: a page's
     * print header ("Wydrukowano: 2021-05-11") or a "today" widget comes
     * before the article's date */
    int h1 = px_meta_headline(c), art = article_of(c, h1), near = -1, near_dist = 0;
    px_date bd;
    for (int i = 0; i < c->doc->n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
            nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE ||
            !px_meta_named(c, i, 0, PX_WORDS(classes)) ||
            px_meta_named(c, i, 0, PX_WORDS(not_this)) || px_meta_elsewhere(c, i, 8))
            continue;
        int dist = px_meta_distance(h1, i);
        if ((near >= 0 && dist >= near_dist) || off_article(c, i, h1, art))
            continue;
        /* hAtom's <abbr class="published" title="2023-11-12T16:12:00Z"> */
        const char *title = px_attr(nd, "title");
        const px_date_hint *h = px_meta_date_hint(c);
        px_date d;
        bool ok = title && px_date_parse_hint(title, strlen(title), h, &d);
        if (!ok) {
            char *v = px_meta_node_text(c, i, 80);
            ok = v && px_date_parse_hint(v, px_date_fold_digits(v, strlen(v)), h, &d);
            px_free(c->a, v);
        }
        if (ok && !(d.year == 1970 && d.month == 1 && d.day == 1)) {
            near = i;
            near_dist = dist;
            bd = d;
        }
    }
    /* after the article's paragraphs, the date is a teaser's ("Читайте
     * также" under the text, each item's news-date-time): the datelines
     * nearer the headline decide (px_meta_visible_dates, the nearest) */
    if (near >= 0 && !(h1 >= 0 && near > h1 && prose_between(c, h1, near))) {
        char iso[PX_DATE_MAX];
        px_date_format(&bd, iso);
        px_meta_set_date(c, &c->m->date_published, iso);
    }
}

void px_meta_visible_dates(ctx *c, char pub[PX_DATE_MAX], char mod[PX_DATE_MAX])
{
    const px_node *nodes = c->doc->nodes;
    static const char classes[][12] = {"date", "time", "fecha", "datum", "publish", "posted",
                                       "dateline", "timestamp", "byline", "meta", "info"};
    pub[0] = mod[0] = '\0';
    int h1 = px_meta_headline(c), art = article_of(c, h1);
    best bp = {-1, {0}}, bm = {-1, {0}};
    int plain = 0;
    for (int i = 0; i < c->doc->n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE || nd->tag == GUMBO_TAG_HEAD ||
            nd->tag == GUMBO_TAG_TEMPLATE || nd->tag == GUMBO_TAG_NOSCRIPT) {
            i = nd->end - 1;
            continue;
        }
        if (nd->end - i > MAX_NODES)
            continue;
        bool named = px_meta_named(c, i, 0, PX_WORDS(classes)) || nd->tag == GUMBO_TAG_TIME;
        int dist = px_meta_distance(h1, i);
        if (!named)
            dist += UNNAMED;
        if ((!named && dist > FAR) || (bp.dist >= 0 && dist >= bp.dist && bm.dist >= 0 && dist >= bm.dist))
            continue;
        if (px_meta_elsewhere(c, i, 8) || off_article(c, i, h1, art))
            continue;
        px_date dp, dm;
        bool has_pub, has_mod;
        if (!node_dates(c, i, &dp, &has_pub, &dm, &has_mod, &plain))
            continue;
        /* hAtom's "updated" beside a "published", or labelled, is the
         * modified date */
        if (has_pub && hatom_update(c, i)) {
            if (!has_mod)
                dm = dp;
            has_mod = true;
            has_pub = false;
        }
        if (has_pub)
            consider(&bp, dist, &dp);
        if (has_mod)
            consider(&bm, dist, &dm);
        i = nd->end - 1; /* the elements inside say the same, further on */
    }
    if (bp.dist >= 0)
        px_date_format(&bp.d, pub);
    if (bm.dist >= 0)
        px_date_format(&bm.d, mod);
}

/* /2021/11/03/, /2021-11-03/, /20211103- in the page's URL. */
bool px_meta_url_date(const char *url, char out[PX_DATE_MAX])
{
    if (!url)
        return false;
    const char *q = url + strcspn(url, "?#");
    for (const char *s = url; s < q; s++) {
        if (*s != '/' && *s != '-' && *s != '_')
            continue;
        const char *p = s + 1;
        int v[3] = {0, 0, 0}, k = 0;
        size_t lens[3] = {4, 2, 2};
        const char *e = p;
        for (; k < 3; k++) {
            for (size_t j = 0; j < lens[k]; j++, e++) {
                if (e >= q || *e < '0' || *e > '9')
                    goto next;
                v[k] = v[k] * 10 + (*e - '0');
            }
            if (k < 2 && (*e == '/' || *e == '-'))
                e++;
        }
        /* the date ends the segment: "/20211103-title", "/2021/11/03/" */
        if (e < q && *e != '/' && *e != '-' && *e != '_' && *e != '.')
            continue;
        if (v[0] < 1995 || v[0] > 2099 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
            continue;
        px_date d = {v[0], v[1], v[2], -1, -1, -1, false, 0};
        char buf[16];
        int n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
        if (n > 0 && px_date_iso(buf, (size_t)n, out))
            return true;
    next:;
    }
    return false;
}
