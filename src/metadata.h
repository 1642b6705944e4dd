/*
 * Metadata of the page: author, dates, site, canonical URL, language,
 * description, image, categories and tags.
 *
 * Each field is taken from the most trusted source that has it:
 *   1. JSON-LD (NewsArticle, Article, BlogPosting and their kin, else
 *      WebPage), in plain objects, arrays and @graph, with @id references
 *      followed;
 *   2. OpenGraph and article:* tags;
 *   3. Twitter cards, Dublin Core, itemprop microdata, <meta name=author>,
 *      rel=author links, <time datetime>, tag and category links;
 *   4. what the page shows: the URL's date, the dateline nearest the
 *      headline (meta_page.c);
 *   5. <html lang> and Content-Language (and, after extraction, the
 *      language of the article text: lang.h).
 * Dates are normalised to ISO 8601 (date.h); a value that does not parse
 * as a date is passed over for the next source. Authors are cleaned of
 * "By", of roles ("Staff Writer") and of the site's name, and split into
 * one entry per person. URLs are resolved against <base href> and the
 * page's URL (url.h).
 *
 * The byline and date found here are also what extraction uses to keep
 * them out of the body text: see px_meta_is_byline.
 */
#ifndef PITH_METADATA_H
#define PITH_METADATA_H

#include <stdbool.h>
#include <stddef.h>
#include "alloc.h"
#include "date.h"
#include "parse.h"
#include "words.h"

typedef struct px_strlist {
    char **v;
    size_t n, cap;
} px_strlist;

typedef struct px_meta {
    const px_alloc *a;
    px_strlist authors;
    char *date_published;  /* ISO 8601, or NULL */
    char *date_modified;
    char *site_name;
    char *url;             /* canonical URL, absolute when it could be */
    char *language;        /* BCP 47 tag: en-US */
    /* The primary subtag of the language the page declares ("sw"; "" when
     * none), read before the authors: a word that introduces a byline in
     * one language and means something else in others (Swahili's "Na")
     * counts only on pages of its language. */
    char lang[4];
    char *description;
    char *image;
    char *headline;        /* JSON-LD headline or og:title */
    px_strlist categories;
    px_strlist tags;
    char *base;            /* base for relative URLs in the article, or NULL */
    /* The class that JSON-LD names as the article's part for subscribers
     * (hasPart: isAccessibleForFree false, cssSelector ".paywall"), or
     * NULL: text in it is the article's, however the class reads. */
    char *paid_class;
    /* What px_meta_is_byline matches: the authors and dates of the markup
     * and of named bylines, not those read later from the visible text
     * and the URL (meta_page.c), so that a guess about a dateline never
     * takes text out of the article. */
    size_t byline_authors; /* the first authors */
    int byline_years[2];   /* years of the published and modified dates, or -1 */
} px_meta;

/* How much of the metadata to read. PX_META_ARTICLE reads what the
 * article and its title read (the byline and dates px_meta_is_byline
 * matches, the paid part, the URL and base, the headline, the site's name
 * and the declared language) and leaves out what only a reader of the
 * metadata sees: the authors and dates read from the visible text after
 * the byline is marked, the URL's date, and the last tags. Those take a
 * fifth of a small page's instructions. The fields it fills then hold
 * partial answers, which nobody may print. */
typedef enum px_meta_scope {
    PX_META_ALL = 0,
    PX_META_ARTICLE
} px_meta_scope;

/* Reads the metadata of a parsed page. page_url (may be NULL) is the URL
 * the page was fetched from, ref (may be NULL) when: relative datelines
 * ("2 days ago") count back from it. Returns PITH_OK or PITH_ERR_NOMEM; on failure
 * m holds what was found so far and must still be freed. A malformed
 * JSON-LD block is skipped, never an error. */
int px_meta_extract(px_meta *m, const px_doc *doc, const px_alloc *a, const char *page_url,
                    const px_date *ref, px_meta_scope scope);
void px_meta_free(px_meta *m);

/* Does the class list cls name the article's part for subscribers that
 * the page's JSON-LD gives (px_meta.paid_class)? */
bool px_meta_paid_part(const px_meta *m, const char *cls);

/* Is text[0..len), the normalised text of a block, only a byline or a
 * dateline: the author names and the date found in the metadata, joined by
 * words such as "By", "Published", "Updated", "on", reading times and
 * separators ("By Ledger News Desk - March 15, 2022", "Jane Doe | 15.03.2022
 * 09:12 IST")? False when the metadata holds no author and no date, and
 * for any block with a word that is none of those. */
bool px_meta_is_byline(const px_meta *m, const char *text, size_t len);
/* Takes the authors and dates m holds now as those px_meta_is_byline
 * matches (px_meta_extract calls it before reading the visible text). */
void px_meta_mark_byline(px_meta *m);

/* Cleans one raw author string into names appended to out: removes "By",
 * roles, places, degrees and affiliations after a name, splits "A and B" /
 * "A, B". A name that is an organisation (the site's name, or one that
 * holds it; a host name; a news desk) goes to orgs instead, or is dropped when orgs is
 * NULL. Exposed for tests. Returns PITH_OK or PITH_ERR_NOMEM. */
int px_meta_add_authors(const px_meta *m, px_strlist *out, px_strlist *orgs, const char *raw);

/* Words in s[0..n), counting each CJK character or kana as a word. */
size_t px_word_count(const char *s, size_t n);
/* Does a class or id of node i, or of an ancestor up to up levels (not
 * past <body>), hold one of words (lower case; each class and id read up
 * to 4 KB)? */
bool px_doc_named(const px_doc *doc, int i, int up, px_words words);

/* The separators between the segments of a <title> ("Headline | Site"),
 * in the order the loops that split a title try them (title.c). */
#define PX_TITLE_SEP_W 8
extern const char px_title_seps[][PX_TITLE_SEP_W];
extern const size_t px_title_nseps;
/* Where separator k of px_title_seps first stands in t, and where it
 * last does in *last ("Headline | Section | Site": the two ends' cuts);
 * NULL, *last untouched, when t holds none. */
const char *px_title_sep_at(const char *t, size_t k, const char **last);
/* The text of the page's <title>, white space folded ("" when it has
 * none); NULL when out of memory. */
char *px_doc_title(const px_doc *doc, const px_alloc *a);
/* Is node i a page builder's title block: a div, span or p whose class
 * holds "title" and which holds a line, not other blocks (title.c)? */
bool px_title_block(const px_doc *d, int i);

#endif
