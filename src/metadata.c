/*
 * The metadata of a page, read from each kind of source in order of
 * trust (meta_impl.h lists the files). A field keeps the first value a
 * source gives it, so the order of the calls below is the whole policy.
 */
#include "meta_impl.h"

#include <string.h>
#include "url.h"

/* Days since 1970-01-01 of an ISO date's calendar day. */
static long day_number(const char *iso)
{
    px_date d;
    return px_date_parse(iso, strlen(iso), &d) ? px_date_days(d.year, d.month, d.day) : 0;
}

/* Do ISO dates a and b name the same day, hour and minute, as each
 * writes them (the page's local time; a time is needed on both)? */
static bool same_minute(const char *a, const char *b)
{
    px_date x, y;
    return px_date_parse(a, strlen(a), &x) && px_date_parse(b, strlen(b), &y) && x.hour >= 0 && y.hour >= 0 &&
           x.year == y.year && x.month == y.month && x.day == y.day && x.hour == y.hour && x.min == y.min;
}

/* Is ISO date a before b, by their local day and time? */
static bool earlier(const char *a, const char *b)
{
    px_date x, y;
    if (!px_date_parse(a, strlen(a), &x) || !px_date_parse(b, strlen(b), &y))
        return false;
    long dx = px_date_days(x.year, x.month, x.day), dy = px_date_days(y.year, y.month, y.day);
    return dx < dy || (dx == dy && x.hour >= 0 && y.hour >= 0 && x.hour * 60 + x.min < y.hour * 60 + y.min);
}

/* Dates from what the page shows, after the markup's: the URL's date,
 * then the dateline. A UTC instant in the markup names the day in
 * Greenwich; when the dateline shows the day before or after, that is
 * the page's local day, and the reader's. */
static void page_dates(ctx *c, const char *page_url)
{
    px_meta *m = c->m;
    char pub[PX_DATE_MAX], mod[PX_DATE_MAX], url[PX_DATE_MAX];
    bool has_url = px_meta_url_date(page_url, url) || px_meta_url_date(m->url, url);
    if (!m->date_published && has_url)
        px_meta_set_date(c, &m->date_published, url);
    px_meta_visible_dates(c, pub, mod);
    const char *p = m->date_published;
    size_t pl = p ? strlen(p) : 0;
    /* The URL's date is the day the CMS filed the post under, in the
     * site's own zone: with no dateline to say it, it names the local
     * day of a UTC instant that fell on the next or previous day
     * (/2019/11/18/ for 2019-11-19T04:58:46Z, 20:58 in California). */
    const char *local = *pub ? pub : has_url ? url : NULL;
    if (local && p && pl > 6 && !strcmp(p + pl - 6, "+00:00")) {
        long diff = day_number(local) - day_number(p);
        if (diff == 1 || diff == -1) {
            px_free(c->a, m->date_published);
            m->date_published = NULL;
            if (!*pub)
                px_meta_set_date(c, &m->date_published, url);
        }
    }
    /* A CMS that writes its last change as the published time: the
     * markup's published time is, to the minute, the one the page shows
     * as updated, and the page shows an earlier published one ("Publié
     * le 3 mars à 07h30, mis à jour le 5 mars à 16h22" under a
     * datePublished of 5 March 16:22; "입력 03.07 14:10 수정 03.08 05:21"
     * under an article:published_time of 8 March 05:21). */
    if (m->date_published && *pub && *mod && same_minute(m->date_published, mod) && earlier(pub, mod)) {
        px_free(c->a, m->date_published);
        m->date_published = NULL;
    }
    px_meta_set_date(c, &m->date_published, *pub ? pub : NULL);
    px_meta_set_date(c, &m->date_modified, *mod ? mod : NULL);
}

/* The site's name as the markup's only author (<meta name=author
 * content="江城新闻网">, a CMS that signs every page with the site) is an
 * organisation's, known as the site's only once its name is: a person
 * the page's byline names replaces it, as for the organisations found
 * before (px_meta_person_instead). */
static void site_not_author(ctx *c)
{
    px_meta *m = c->m;
    if (c->rc || c->org_authors || m->authors.n != 1 || !m->site_name || !px_meta_eq_ci(m->authors.v[0], m->site_name))
        return;
    c->org_authors = true;
    px_meta_person_instead(c, px_meta_signature);
    px_meta_person_instead(c, px_meta_unlabelled);
}

/* The markup's authors whom the page shows only as the story's editor
 * give way to the byline it shows; held aside as organisations are, they
 * come back when no byline names anyone. */
static void editor_not_author(ctx *c)
{
    if (!px_meta_authors_edited(c))
        return;
    c->org_authors = true;
    px_meta_person_instead(c, px_meta_signature);
    px_meta_person_instead(c, px_meta_unlabelled);
    c->org_authors = false;
}

int px_meta_extract(px_meta *m, const px_doc *doc, const px_alloc *a, const char *page_url,
                    const px_date *ref, px_meta_scope scope)
{
    memset(m, 0, sizeof *m);
    m->a = a;
    ctx c = {0};
    c.ref = ref;
    c.page_url = page_url;
    c.m = m;
    c.doc = doc;
    c.a = a;
    /* without memory for it, the same answers, more slowly */
    c.memo = px_meta_memo_new(a, doc->n);

    /* One pass: the meta tags, JSON-LD, and where the other sources are. */
    px_meta_scan(&c);
    if (c.rc)
        goto done;
    px_meta_main_column(&c);

    /* The base for relative URLs. */
    if (c.base >= 0 || (page_url && *page_url)) {
        m->base = c.base >= 0 ? px_url_resolve(a, page_url, px_attr(&doc->nodes[c.base], "href"))
                              : px_url_resolve(a, NULL, page_url);
        if (!m->base) {
            c.rc = PITH_ERR_NOMEM;
            goto done;
        }
    }

    /* 1. JSON-LD, and the canonical link before any other URL */
    if (c.canonical >= 0)
        px_meta_set_url(&c, &m->url, px_attr(&doc->nodes[c.canonical], "href"));
    px_meta_from_ld(&c);
    /* 2. OpenGraph and article:* */
    px_meta_opengraph(&c);
    px_meta_page_lang(&c);
    /* 3. Twitter cards, Dublin Core, microdata, meta author, rel=author,
     *    bylines, <time datetime>, dates the page shows */
    px_meta_cards(&c);
    px_meta_microdata(&c);
    if (!m->authors.n)
        px_meta_rel_authors(&c);
    if (!m->authors.n)
        px_meta_visible_byline(&c);
    else
        px_meta_full_name_instead(&c);
    px_meta_org_fallback(&c);
    px_meta_named_dates(&c);
    if (!m->date_published)
        px_meta_named_date(&c);
    px_meta_mark_byline(m);
    /* After the mark: a byline read from the text is a guess, and must
     * not take text out of the article. The steps below change only the
     * authors, except that they may replace or reword the marked ones
     * (a first name by the full one, an organisation by a person): with
     * authors marked, the article reads what they leave. */
    bool authors = scope == PX_META_ALL || m->byline_authors;
    if (authors) {
        px_meta_person_instead(&c, px_meta_signature);
        px_meta_person_instead(&c, px_meta_unlabelled);
        px_meta_first_name_instead(&c);
        editor_not_author(&c);
        px_meta_byline_coauthors(&c);
        px_meta_drop_photographers(&c);
        px_meta_link_coauthors(&c);
    }
    if (scope == PX_META_ALL) {
        page_dates(&c, page_url);
        px_meta_last_tags(&c);
    }
    /* the title reads the site's name */
    px_meta_site_name(&c, page_url);
    if (authors)
        site_not_author(&c);
    /* 4. <html lang>, Content-Language */
    px_meta_language(&c);
    /* The page's own URL when nothing names a canonical one. */
    if (page_url && *page_url)
        px_meta_set_url(&c, &m->url, page_url);

done:
    for (size_t i = 0; i < c.nld; i++)
        px_json_free(&c.ld[i]);
    px_free(a, c.micro_publisher);
    px_free(a, c.ld);
    px_free(a, c.objs);
    px_free(a, c.ids);
    px_free(a, c.tags);
    px_meta_memo_free(a, c.memo);
    px_meta_list_free(a, &c.orgs);
    return c.rc;
}

void px_meta_free(px_meta *m)
{
    if (!m || !m->a)
        return;
    const px_alloc *a = m->a;
    px_meta_list_free(a, &m->authors);
    px_meta_list_free(a, &m->categories);
    px_meta_list_free(a, &m->tags);
    char **fields[] = {&m->date_published, &m->date_modified, &m->site_name, &m->url,
                       &m->language, &m->description, &m->image, &m->headline, &m->base,
                       &m->paid_class};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
        px_free(a, *fields[k]);
        *fields[k] = NULL;
    }
}