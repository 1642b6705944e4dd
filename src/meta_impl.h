/*
 * What the metadata readers share (metadata.c calls them in order of
 * trust; each file reads one kind of source):
 *   meta_jsonld.c   JSON-LD blocks
 *   meta_tags.c     <meta> tags, microdata, tag and category links
 *   meta_authors.c  author strings cleaned into names; visible bylines
 *   meta_byword.c   the words that introduce a byline, per language
 *   meta_unlabelled.c bylines with no word: a name alone, an author box
 *   meta_page.c     what the page shows: the dateline, the URL's date
 *   meta_common.c   the helpers below: cleaning, lists, the document
 *   meta_site.c     the site's name, from the others and the page
 * A field is set by the first source that has it (px_meta_set_*), so the
 * order of the calls in px_meta_extract is the order of trust.
 */
#ifndef PITH_META_IMPL_H
#define PITH_META_IMPL_H

#include "ascii.h"
#include "metadata.h"
#include "date.h"
#include "json.h"

#define MAX_LIST 50      /* entries kept in a list field */
#define MAX_ITEM 120     /* bytes in a tag, a category or an author */
#define MAX_AUTHORS 12
#define PX_HATOM_MAX 8   /* hAtom date elements noted of each kind */

typedef struct meta_tag {
    const char *key;     /* property, name, itemprop or http-equiv */
    const char *content;
} meta_tag;

typedef struct ld_id {
    const char *id;
    size_t pos;          /* index in objs: the first object wins ties */
} ld_id;

/* What px_meta_named has found, per element (meta_common.c). */
typedef struct px_meta_memo px_meta_memo;
px_meta_memo *px_meta_memo_new(const px_alloc *a, int nodes);
void px_meta_memo_free(const px_alloc *a, px_meta_memo *m);

typedef struct ctx {
    px_meta *m;
    const px_doc *doc;
    const px_alloc *a;
    const px_date *ref;  /* when the page was fetched, or NULL */
    const char *page_url; /* the URL it was fetched from, or NULL */
    px_date_hint hint;   /* for the visible dates: px_meta_date_hint */
    bool has_hint;
    int headline_end;    /* 1 + px_meta_headline_end's answer, 0: not asked yet */
    int main_col1;       /* 1 + a wrapper named "sidebar" that holds the only
                          * headline: the main column (px_meta_main_column); 0 none */
    int rc;
    px_meta_memo *memo;  /* may be NULL: then every question scans */
    meta_tag *tags;
    size_t ntags;
    px_json_doc *ld;     /* the parsed JSON-LD blocks */
    size_t nld;
    const px_json **objs; /* every JSON-LD object at the top of a block,
                           * of an array or of an @graph */
    size_t nobjs, capobjs;
    ld_id *ids;          /* the objects that have an @id, sorted by it */
    size_t nids;
    const px_json *art;  /* the article, or the web page */
    const px_json *site; /* the WebSite */
    /* Organisations named as the author (JSON-LD Organization, the site's
     * own name, a host name): the authors only when no source names a
     * person, so they wait here while the other sources are read. */
    px_strlist orgs;
    bool as_org;         /* px_meta_add_raw: every name is an organisation */
    bool org_authors;    /* the authors are the organisations, for want of a person */
    bool visible;        /* the author sources read now are what the page shows */
    const char *ld_publisher; /* the article's JSON-LD publisher's name */
    char *micro_publisher;    /* itemprop=publisher's name */
    /* where the other sources are, found in the first pass */
    int base, canonical, image_src, time_pub, time_art, time_any;
    /* elements of hAtom's classes outside comments and teasers, in page
     * order: [0] "published" (with "updated" or not), [1] "updated" alone
     * (meta_hatom.c) */
    int hatom[2][PX_HATOM_MAX];
    int nhatom[2];
    unsigned hatom_updates; /* bit k: hatom[1][k] is an update, not the
                             * post's date (beside a "published", or
                             * labelled so); set by px_meta_hatom_dates */
} ctx;

static inline bool px_meta_is_ws(unsigned char c) { return px_ascii_is_space(c); }

/* Strings and lists (meta_common.c). */
bool px_meta_prefix_ci(const char *s, const char *p);
bool px_meta_eq_ci(const char *a, const char *b);
/* s folded to single spaces and trimmed; with html, also character
 * references decoded and tags removed (JSON-LD strings hold HTML). */
char *px_meta_clean(ctx *c, const char *s, bool html);
/* Set *field from value when it is still empty: cleaned, as an ISO date
 * (a malformed date is passed over), or as a URL resolved and checked. */
void px_meta_set_field(ctx *c, char **field, const char *value, bool html);
void px_meta_set_date(ctx *c, char **field, const char *value);
void px_meta_set_url(ctx *c, char **field, const char *value);
int px_meta_list_add(const px_alloc *a, px_strlist *l, const char *s, size_t n);
void px_meta_list_free(const px_alloc *a, px_strlist *l);
void px_meta_list_add_clean(ctx *c, px_strlist *l, const char *value, bool html, bool split_commas);

/* The document (meta_common.c). */
/* Inline: the readers ask it of every node they walk, several times. */
static inline bool px_meta_is_elem(const px_node *nd, unsigned tag)
{
    return nd->kind == PX_ELEMENT && nd->tag == tag && nd->g && nd->g->type != GUMBO_NODE_DOCUMENT;
}
bool px_meta_has_token(const char *list, const char *token);
/* Does s[0..n) hold one of words anywhere (ASCII case ignored)? */
bool px_meta_holds_ci(const char *s, size_t n, px_words words);
char *px_meta_node_text(ctx *c, int i, size_t max);
/* The same with every element starting a new word: a byline's spans
 * ("<span>By Rosa Delgado</span><span>Published Aug. 3</span>"). */
char *px_meta_node_words(ctx *c, int i, size_t max);
/* The same two for callers that only want a text of at most max bytes:
 * a longer one comes back cut after max + 1 bytes, so that its length
 * still says it is too long, without the whole of it folded first. */
char *px_meta_short_text(ctx *c, int i, size_t max);
char *px_meta_short_words(ctx *c, int i, size_t max);
/* Is there a digit in the text px_meta_short_text(c, i, max) reads of
 * node i (PX_DIGIT), none in all of it (PX_NO_DIGIT), or is that text
 * longer than max bytes (PX_TOO_LONG: found before a digit was)? A test,
 * before folding it, for a text of no use without a digit, or too long. */
typedef enum px_digits { PX_NO_DIGIT, PX_DIGIT, PX_TOO_LONG } px_digits;
px_digits px_meta_has_digit(const ctx *c, int i, size_t max);
/* Without folding it either: the first byte of that text when that is
 * ASCII (0: the text is empty; 0x80 or more: it starts with another
 * character, which folding may drop). A test before folding, for
 * callers that want a text that starts with a known byte. */
unsigned char px_meta_text_first(const ctx *c, int i);
/* The content of the first <meta> with this key, or NULL. */
const char *px_meta_tag(const ctx *c, const char *key);
/* Does a class or id of node i, or of an ancestor up to up levels, hold
 * one of words? */
bool px_meta_named(const ctx *c, int i, int up, px_words words);
/* Is node i, or an ancestor up to up levels, outside the article: in
 * comments, teasers, sidebars and the page's layout (elsewhere); in
 * comments, teasers and sidebars only (beside: not a footer, where a
 * post's own can be); in the comments (in_comments)? One family of words
 * for the three. */
bool px_meta_elsewhere(const ctx *c, int i, int up);
bool px_meta_beside(const ctx *c, int i, int up);
bool px_meta_in_comments(const ctx *c, int i, int up);
bool px_meta_path_has(const char *href, px_words parts);

/* The sources, in order of trust. */
void px_meta_scan(ctx *c);          /* meta_tags.c: first pass, JSON-LD parsed */
void px_meta_ld_parse(ctx *c, int script); /* meta_jsonld.c */
void px_meta_from_ld(ctx *c);       /* meta_jsonld.c */
void px_meta_opengraph(ctx *c);     /* meta_tags.c */
void px_meta_cards(ctx *c);         /* meta_tags.c: Twitter, Dublin Core */
void px_meta_microdata(ctx *c);     /* meta_tags.c: itemprop, links, meta names */
void px_meta_rel_authors(ctx *c);   /* meta_authors.c */
void px_meta_visible_byline(ctx *c); /* meta_authors.c */
void px_meta_named_dates(ctx *c);   /* meta_tags.c: <meta name=date>, <time> */
void px_meta_named_date(ctx *c);    /* meta_page.c */
/* meta_page.c: the dateline nearest the headline, published and
 * modified ("" when none); a date in the URL. */
void px_meta_visible_dates(ctx *c, char pub[PX_DATE_MAX], char mod[PX_DATE_MAX]);
/* meta_page.c: how to read the page's visible numeric dates (date.h):
 * the order its language gives, else its other dates; the year of its
 * reference date, else of its URL, else of its markup. */
const px_date_hint *px_meta_date_hint(ctx *c);
/* meta_page.c: the first text node at or after node i that a reader
 * sees (none in <script>, <style>, <head>, <template>), its text in
 * text[0..len); -1 when none is left. */
int px_meta_next_text(const ctx *c, int i, const char **text, size_t *len);
/* meta_page.c: the headline's <h1> (-1: none), and how far node i is
 * from it, a node above counting double. */
int px_meta_headline(const ctx *c);
/* meta_page.c: a page whose only headline sits in a wrapper named
 * "sidebar" ("<div class="sidebar-1"><h1>…"): that wrapper is its main
 * column, and what it holds is not beside the article (sets main_col1). */
void px_meta_main_column(ctx *c);
int px_meta_distance(int h1, int i);
/* Do the words of text[0..before) say the date after them is an update
 * ("Updated", "Aktualisiert", "Mis à jour")? (meta_page.c) */
bool px_meta_says_updated(const char *text, size_t before);

/* hAtom's and h-entry's dates (meta_hatom.c): the classes of an element,
 * px_meta_scan noting the elements (hatom), and the dates they give:
 * "updated" the modified date, "published" the published. */
enum { PX_HATOM_PUBLISHED = 1, PX_HATOM_UPDATED = 2 };
unsigned px_meta_hatom_class(const px_node *nd);
void px_meta_hatom_seen(ctx *c, int i);
void px_meta_hatom_dates(ctx *c);
bool px_meta_url_date(const char *url, char out[PX_DATE_MAX]);
void px_meta_last_tags(ctx *c);     /* meta_tags.c: description, image, keywords */
void px_meta_language(ctx *c);      /* meta_tags.c: <html lang>, Content-Language */
/* meta_tags.c: px_meta.lang, from <html lang>, Content-Language, or the
 * markup's language read so far (JSON-LD's inLanguage, og:locale). */
void px_meta_page_lang(ctx *c);

/* The site's name from the sources the others found, and the page's
 * own evidence when they have none (meta_site.c). */
void px_meta_site_markup(ctx *c);  /* the markup's names, before the authors */
void px_meta_site_name(ctx *c, const char *page_url);
/* Does s end (or start) with a company form: LLC, GmbH, S.A., ООО? */
bool px_site_is_legal_name(const char *s);
/* s[0..*n) without a word "Logo" at either end ("Logo X", "X's Logo",
 * "Logo de X"); sets *n. */
const char *px_site_strip_logo(const char *s, size_t *n);
/* The holder a copyright line t[0..n) names ("© 2019 Ascom. All rights
 * reserved" gives "Ascom"), length in *len; NULL when none. */
const char *px_site_copyright_name(const char *t, size_t n, size_t *len);
/* Do the letters of s[0..n) spell a label of host, or host from a label
 * on ("NJ.com" on www.nj.com)? */
bool px_site_host_exact(const char *host, const char *s, size_t n);
/* Does the Cyrillic name s[0..n) spell host[0..hl), a host's label, or
 * its first words up to a hyphen, in a common transliteration
 * (meta_translit.c)? */
bool px_translit_spells_host(const char *host, size_t hl, const char *s, size_t n);

/* The words that introduce a byline, per language (meta_byword.c): the
 * length of the one at the start of s[0..n) with its space or colon ("By
 * ", "Autor: ", "作者："), 0 when none; whether word w is one; and in a
 * short meta line, where the name after one starts (its length in *len),
 * or NULL: "… · Autor: Jens Möller · …", "Posted on May 3, 2021 by X".
 * lang is the page's (px_meta.lang): a word of one language only counts
 * on its pages. */
size_t px_byword_lead(const char *s, size_t n, const char *lang);
/* Does s[0..n) open with a credit for the pictures ("Fotos: X", "Photos
 * by X", "攝影／X", "사진 X")? Such a part of a byline names no author. */
bool px_byword_credit(const char *s, size_t n);
/* Does s[0..n) end with a credit for the pictures, the name to follow
 * it: "· Fotografia de ", "Photos by", "圖／"? */
bool px_byword_credit_before(const char *s, size_t n);
bool px_byword_is(const char *w, size_t n);
const char *px_byword_find(const char *s, size_t n, const char *lang, size_t *len);
/* Is s[0..n) a dateline: a month name, a numeric date or a time among
 * its words? A year alone is not one ("Founded in 1998"). */
bool px_meta_dateline(const char *s, size_t n);
/* meta_authors.c: where the headline ends (the node after it), 0 when
 * there is none; whether s[0..n) cleans into a person's name (two words
 * or more, no role, organisation or label); whether node i is outside
 * the article (px_meta_elsewhere, but the post's own footer is in it). */
int px_meta_headline_end(ctx *c);
bool px_meta_person_name(const px_meta *m, const char *s, size_t n);
bool px_meta_outside(const ctx *c, int i);
/* meta_unlabelled.c: bylines with no byline word, read when no source
 * named a person: a name alone between the headline and the body, an
 * author box after the body ("About the author"), a signature that ends
 * the text ("— Karin Holm"). */
void px_meta_unlabelled(ctx *c);
/* Cleans a raw author string and adds its names (meta_authors.c). */
void px_meta_add_raw(ctx *c, const char *raw, bool html);
/* meta_authors.c: a byline in the text near the headline ("By Jane Doe",
 * "Par Matthieu Hy le 7 mai", "作者：王晓", "… · Autor: X · …"). */
void px_meta_signature(ctx *c);
/* Runs read (px_meta_signature, px_meta_unlabelled) when no source named
 * a person: the organisations named for want of one wait aside, and come
 * back when read finds no one. */
void px_meta_person_instead(ctx *c, void (*read)(ctx *));
void px_meta_full_name_instead(ctx *c);
/* A first name alone as the markup's author, while the page's byline
 * shows the full name that begins with it: the full name (meta_authors.c). */
void px_meta_first_name_instead(ctx *c);
/* Co-authors the byline credits for the pictures ("Johan Öberg (foto)")
 * leave the authors (meta_authors.c). */
void px_meta_drop_photographers(ctx *c);
/* Does the page show every author held only as the story's editor
 * ("Editör: Selin Kaya" under "Muhabir: Elif Yıldız ve Burak Aydın")?
 * (meta_authors.c) */
bool px_meta_authors_edited(const ctx *c);
/* Co-authors the markup left out that the byline names: "Par Claire
 * Dubois et Thomas Renaud" under a JSON-LD author of Claire Dubois
 * alone; the byline's names when they hold all of the markup's and more
 * (meta_authors.c). */
void px_meta_byline_coauthors(ctx *c);
/* The length of the names at the start of a byline's text, before its
 * date ("By Jane Doe on Monday, May 3" -> "By Jane Doe"). */
size_t px_meta_byline_names(const char *s, size_t n);
void px_meta_org_fallback(ctx *c);
void px_meta_link_coauthors(ctx *c);

#endif
