/*
 * Bylines with no byline word, read when no source named a person: a
 * name alone between the headline and the body ("<h1>…</h1><p>Daniel
 * Okafor</p><p>March 7, 2022</p>"), an author box after the body ("About
 * the author: <strong>Mark Ellison</strong> has reviewed…"), a signature
 * that ends the text ("<p>— Lucía Fernández</p>", "…方針だ。（佐藤健）"),
 * the reporter in brackets opening it ("〔記者陳建宏／台中報導〕…"). A name-like line is
 * often someone else (a photo caption, a quoted person, a teaser, a
 * commenter), so each shape is read only where a byline sits.
 */
#include "meta_impl.h"

#include <string.h>
#include "text.h"

#define UNDER_FAR 120  /* nodes after the headline where a name alone may sit */
#define UNDER_LINES 8  /* lines read there before the body */
#define BODY_LINE 120  /* bytes of a line that is surely the body's */
#define BODY_WORDS 8   /* words of a sentence of the body */
#define DATE_LINE 80   /* bytes of a dateline beside the name */
#define NAME_MAX_BYTES 60
#define LINE_NODES 64  /* nodes of a line: more is a block of the page */

/* Words that start or make a headline's kicker, a section or a label,
 * never a person's name: "The Editors", "Local News", "Breaking News". */
static const char not_names[][16] = {
    "the", "a", "an", "our", "my", "your", "how", "why", "what", "when", "this", "new", "all",
    "der", "die", "das", "ein", "eine", "unser", "unsere", "le", "la", "les", "un", "une", "el", "los",
    "las", "il", "lo", "gli", "os", "het", "een", "news", "sport", "sports", "politics", "world",
    "business", "opinion", "local", "weather", "health", "science", "tech", "technology", "culture",
    "video", "videos", "live", "update", "updated", "exclusive", "analysis", "review", "reviews",
    "editorial", "breaking", "home", "blog", "share", "menu", "search", "subscribe", "advertisement",
    "anzeige", "nachrichten", "politik", "wirtschaft", "kultur", "lokales", "meinung", "startseite",
    "actualités", "noticias", "notizie", "nieuws", "posted", "published", "read", "more", "minutes",
    "redaktion", "team", "staff", "desk", "admin", "editor", "editors", "press", "release",
    "from", "in", "on", "at", "for", "with", "about", "aus", "vom", "im", "des", "sur", "en", "por",
};

/* Lower-case words inside names: "Vincent van Gogh", "Ana de la Cruz". */
static const char particles[][8] = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le",
                                    "dos", "das", "del", "della", "y", "ter", "ten", "bin", "al", "zu"};

/* An upper-case letter at s: ASCII, Latin-1 and Latin Extended-A
 * capitals, Greek and Cyrillic capitals. */
static bool capital(const char *s, size_t n)
{
    unsigned char c0 = (unsigned char)s[0], c1 = n > 1 ? (unsigned char)s[1] : 0;
    if (c0 >= 'A' && c0 <= 'Z')
        return true;
    if (c0 == 0xC3)
        return c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97;
    if (c0 == 0xC4 || c0 == 0xC5) {
        /* Latin Extended-A: capitals at even code points, but at odd ones
         * from Ĺ to ň and from Ź to ž (Łukasz, Žaneta) */
        unsigned cp = ((c0 & 0x1Fu) << 6) | (c1 & 0x3Fu);
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
            return false;
        bool odd_caps = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        return odd_caps ? (cp & 1) : !(cp & 1);
    }
    if (c0 == 0xD0)
        return (c1 >= 0x81 && c1 <= 0x8F) || (c1 >= 0x90 && c1 <= 0xAF);
    if (c0 == 0xCE)
        return c1 >= 0x91 && c1 <= 0xA9;
    return false;
}

/* Does s[0..n) look like a person's name: two to four words, each with a
 * capital or a particle between them, and no digit, sentence punctuation,
 * quote or label? */
static bool looks_like_name(const char *s, size_t n)
{
    if (!n || n > NAME_MAX_BYTES)
        return false;
    int count = 0, particles_seen = 0;
    bool last_particle = false;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t wl = i - st;
        for (size_t k = st; k < i; k++) {
            unsigned char ch = (unsigned char)s[k];
            if ((ch >= '0' && ch <= '9') || strchr(".,!?:;\"()[]|/@#&+=*", ch))
                return false;
            /* curly quotes, guillemets and dashes: a quote or a title;
             * but the apostrophe of O’Connell */
            if ((ch == 0xE2 && !(k + 2 < i && (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] == 0x99)) ||
                (ch == 0xC2 && k + 1 < i && ((unsigned char)s[k + 1] == 0xAB || (unsigned char)s[k + 1] == 0xBB)))
                return false;
        }
        if (px_word_in(s + st, wl, PX_WORDS(not_names)))
            return false;
        last_particle = count > 0 && px_word_in(s + st, wl, PX_WORDS(particles)) &&
                        !capital(s + st, wl);
        if (!last_particle && (!capital(s + st, wl) || wl < 2))
            return false;
        count += !last_particle;
        particles_seen += last_particle;
    }
    return count >= 2 && count <= 4 && particles_seen <= 2 && !last_particle;
}

/* A line of its own: no block element inside node i, and few nodes (a
 * bound: every element of the page may be asked). */
static bool one_line(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    if (nodes[i].end - i > LINE_NODES)
        return false;
    for (int j = i + 1; j < nodes[i].end; j++)
        if (nodes[j].kind == PX_ELEMENT && !(nodes[j].flags & PX_INLINE) && nodes[j].tag != GUMBO_TAG_BR)
            return false;
    return true;
}

/* A sentence of the body: words enough, and its end ("Nesta página você
 * terá sempre a classificação atualizada … corrida!"). */
static bool prose(const char *v, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += v[i] != ' ' && (i == 0 || v[i - 1] == ' ');
    return n >= BODY_LINE || (words >= BODY_WORDS && n && strchr(".!?:", v[n - 1]));
}

/* Does an image's alt say it is the writer's portrait ("Author", "Avatar",
 * "Profile picture", beehiiv's and Substack's writers' pictures)? */
static bool portrait_alt(const px_node *img)
{
    static const char words[][20] = {"author", "avatar", "profile picture", "profile photo", "headshot"};
    const char *alt = px_attr(img, "alt");
    return alt && px_meta_holds_ci(alt, strlen(alt), PX_WORDS(words));
}

/* A caption by its name or its place: WordPress's "wp-caption-text"
 * after the <img>, a "credit", a "legend". */
static bool caption(const ctx *c, int i)
{
    static const char words[][12] = {"caption", "credit", "legend", "bildunter", "photo", "image",
                                     "media", "figure", "gallery", "thumb"};
    if (px_meta_named(c, i, 3, PX_WORDS(words)))
        return true;
    /* but a byline's portrait ("<img class="avatar">" beside the name)
     * is the writer's */
    static const char portraits[][12] = {"avatar", "author", "byline", "headshot", "mugshot"};
    const px_node *nodes = c->doc->nodes;
    int p = nodes[i].parent;
    for (int j = p >= 0 ? p + 1 : i; j < i; j++)
        if (px_meta_is_elem(&nodes[j], GUMBO_TAG_IMG) &&
            !px_meta_named(c, j, 0, PX_WORDS(portraits)) && !portrait_alt(&nodes[j]))
            return true;
    return false;
}

/* Pictures, quotes and headings: their names are not the byline. */
static bool aside_tag(const px_node *nd)
{
    static const unsigned tags[] = {GUMBO_TAG_FIGURE, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_BLOCKQUOTE,
                                    GUMBO_TAG_Q, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                                    GUMBO_TAG_NAV, GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_SMALL,
                                    GUMBO_TAG_CITE, GUMBO_TAG_TABLE, GUMBO_TAG_FORM, GUMBO_TAG_BUTTON};
    for (size_t k = 0; k < sizeof tags / sizeof *tags; k++)
        if (px_meta_is_elem(nd, tags[k]))
            return true;
    return false;
}

/* Is v[0..n) a person's name? */
static bool one_person(ctx *c, const char *v, size_t n)
{
    return looks_like_name(v, n) && px_meta_person_name(c->m, v, n);
}

/* Is v a person's name, or two joined by "and" ("Dana Kessler and Marco
 * Ruiz", a newsletter's two writers)? */
static bool person(ctx *c, const char *v)
{
    static const char joins[][8] = {" and ", " & ", " und ", " et ", " y ", " e ", " i ", " en ",
                                    " og ", " och ", " ve ", " v\xc3\xa0 ", " \xd0\xb8 "};
    size_t n = strlen(v);
    if (one_person(c, v, n))
        return true;
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++) {
        const char *j = strstr(v, joins[k]);
        size_t jl = strlen(joins[k]);
        if (j && one_person(c, v, (size_t)(j - v)) && one_person(c, j + jl, n - (size_t)(j - v) - jl))
            return true;
    }
    return false;
}

/* Adds v as the author when it is a person's name; true when it did. */
static bool take(ctx *c, const char *v)
{
    if (!person(c, v))
        return false;
    px_meta_add_raw(c, v, false);
    return c->m->authors.n > 0;
}

/* In a list, or a link to anything but an author's page: a menu's or a
 * teaser's name ("Leichte Sprache", "Donald Trump" as a topic). */
static bool list_or_link(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    for (int p = i, k = 0; p >= 0 && k < 6; p = nodes[p].parent, k++)
        if (px_meta_is_elem(&nodes[p], GUMBO_TAG_LI) || px_meta_is_elem(&nodes[p], GUMBO_TAG_A))
            return true;
    for (int j = i + 1; j < nodes[i].end; j++)
        if (px_meta_is_elem(&nodes[j], GUMBO_TAG_A)) {
            static const char paths[][12] = {"/author/", "/authors/", "/autor/", "/about", "/ueber", "/profile/"};
            const char *href = px_attr(&nodes[j], "href");
            if (!href || !px_meta_path_has(href, PX_WORDS(paths)))
                return true;
        }
    return false;
}

/* A name alone on a line between the headline and the body, next to the
 * dateline: "<h1>…</h1><p>Daniel Okafor</p><p>March 7, 2022</p>". A
 * name-like line with no date beside it is a caption, a section or a
 * quoted person as often as a byline. */
static bool name_under_headline(ctx *c, int from)
{
    const px_node *nodes = c->doc->nodes;
    int lines = 0;
    bool prev_date = false;
    char *pending = NULL; /* a name whose next line may be the date */
    for (int i = from; i < c->doc->n && i < from + UNDER_FAR && lines < UNDER_LINES && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (aside_tag(nd) || px_meta_outside(c, i) || caption(c, i)) {
            i = nd->end - 1;
            continue;
        }
        /* the date in an inline element after the name's line
         * ("<p>Dana Kessler</p><span>Mar 14, 2024</span>") */
        if (pending && (nd->flags & PX_INLINE) && !px_meta_is_elem(nd, GUMBO_TAG_A)) {
            char *d = px_meta_short_text(c, i, DATE_LINE + 1);
            bool dated = d && strlen(d) <= DATE_LINE && px_meta_dateline(d, strlen(d));
            px_free(c->a, d);
            if (dated) {
                px_meta_add_raw(c, pending, false);
                break;
            }
        }
        if ((nd->flags & PX_INLINE) || !one_line(c, i))
            continue;
        int at = i;
        i = nd->end - 1;
        char *v = px_meta_short_text(c, at, BODY_LINE);
        if (!v)
            break;
        size_t n = strlen(v);
        if (!n) {
            px_free(c->a, v);
            continue;
        }
        lines++;
        if (prose(v, n)) {
            px_free(c->a, v);
            break;
        }
        bool date = n <= DATE_LINE && px_meta_dateline(v, n);
        if (pending && date) {
            px_meta_add_raw(c, pending, false);
            px_free(c->a, v);
            break;
        }
        px_free(c->a, pending);
        pending = NULL;
        /* the name and the date in one line: "Kevin O'Brien<br>Posted 3
         * hours ago" (a line that names and dates the post) */
        size_t nl = strpbrk(v, "0123456789") ? px_meta_byline_names(v, n) : 0;
        if (nl && nl < n && strpbrk(v + nl, "0123456789")) {
            v[nl] = '\0';
            if (!list_or_link(c, at) && person(c, v)) {
                px_meta_add_raw(c, v, false);
                px_free(c->a, v);
                break;
            }
            v[nl] = ' ';
        }
        if (!date && !list_or_link(c, at) && person(c, v)) {
            if (prev_date) {
                px_meta_add_raw(c, v, false);
                px_free(c->a, v);
                break;
            }
            pending = v;
            v = NULL;
        }
        prev_date = date;
        px_free(c->a, v);
    }
    px_free(c->a, pending);
    return c->m->authors.n > 0;
}

/* The headings of an author box, per language. */
static const char box_heads[][32] = {
    "about the author", "about the writer", "about the authors",
    "\xc3\xbc" "ber den autor", "\xc3\xbc" "ber die autorin", "zum autor", "zur autorin",
    "\xc3\x9c" "ber den autor", "\xc3\x9c" "ber die autorin", /* Über: no case folding beyond ASCII */
    "\xc3\xa0 propos de l'auteur", "\xc3\xa0 propos de l\xe2\x80\x99" "auteur",
    "\xc3\x80 propos de l'auteur", "\xc3\x80 propos de l\xe2\x80\x99" "auteur", "l'auteur", "l\xe2\x80\x99" "auteur",
    "sobre el autor", "sobre la autora", "acerca del autor", "sobre o autor", "sobre a autora",
    "l'autore", "l\xe2\x80\x99" "autore", "sull'autore", "sull\xe2\x80\x99" "autore", "over de auteur",
    "over de schrijver", "om f\xc3\xb6rfattaren", "o autorze",
    "\xd0\x9e\xd0\xb1 \xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb5",                  /* Об авторе */
    "\xd0\xbe\xd0\xb1 \xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb5",                  /* об авторе */
    "\xe5\x85\xb3\xe4\xba\x8e\xe4\xbd\x9c\xe8\x80\x85",                                   /* 关于作者 */
    "\xe4\xbd\x9c\xe8\x80\x85\xe7\xae\x80\xe4\xbb\x8b",                                   /* 作者简介 */
    "\xe8\x91\x97\xe8\x80\x85\xe3\x81\xab\xe3\x81\xa4\xe3\x81\x84\xe3\x81\xa6",           /* 著者について */
    "\xe3\x81\x93\xe3\x81\xae\xe8\xa8\x98\xe4\xba\x8b\xe3\x82\x92\xe6\x9b\xb8\xe3\x81\x84\xe3\x81\x9f\xe4\xba\xba", /* この記事を書いた人 */
};

static bool box_head(const char *v)
{
    size_t n = strlen(v);
    while (n && (v[n - 1] == ':' || v[n - 1] == ' '))
        n--;
    return px_word_in(v, n, PX_WORDS(box_heads));
}

/* Where the comments start (the author box comes before them), or the
 * end of the page. */
static int comments_start(const ctx *c, int from)
{
    for (int i = from; i < c->doc->n; i++)
        if (c->doc->nodes[i].kind == PX_ELEMENT && px_meta_in_comments(c, i, 0))
            return i;
    return c->doc->n;
}

/* The name in an author box before end (where the comments start): its
 * heading ("About the author", "Über den Autor"), then the first name in
 * bold, a link or a heading of the box. */
static bool author_box(ctx *c, int from, int end)
{
    const px_node *nodes = c->doc->nodes;
    /* Every line after the headline is asked, and few are a heading: a
     * line whose text starts with an ASCII byte that starts no heading
     * (or has no text) is passed over before its text is folded. */
    bool starts[128] = {false};
    for (size_t k = 0; k < sizeof box_heads / sizeof *box_heads; k++) {
        unsigned char b = (unsigned char)box_heads[k][0];
        if (b < 128)
            starts[px_ascii_lower(b)] = true;
    }
    for (int i = from; i < end && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT || !one_line(c, i))
            continue;
        unsigned char first = px_meta_text_first(c, i);
        if (first < 128 && !starts[px_ascii_lower(first)])
            continue;
        char *v = px_meta_short_text(c, i, 40);
        bool head = v && strlen(v) <= 40 && box_head(v);
        px_free(c->a, v);
        if (!head)
            continue;
        if (px_meta_outside(c, i))
            return false;
        int box = nd->parent;
        for (int j = nd->end; box >= 0 && j < nodes[box].end && j < end && !c->rc; j++) {
            const px_node *e = &nodes[j];
            static const unsigned tags[] = {GUMBO_TAG_STRONG, GUMBO_TAG_B, GUMBO_TAG_A, GUMBO_TAG_H2,
                                            GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6};
            bool named = false;
            for (size_t k = 0; k < sizeof tags / sizeof *tags; k++)
                named |= px_meta_is_elem(e, tags[k]);
            if (!named)
                continue;
            char *w = px_meta_short_text(c, j, NAME_MAX_BYTES + 1);
            bool got = w && take(c, w);
            px_free(c->a, w);
            if (got)
                return true;
            j = e->end - 1;
        }
        return false;
    }
    return false;
}

/* A dash before a name: "— Karin Holm", "– Jane Doe", "-- Jane". */
static size_t dash(const char *s, size_t n)
{
    if (n >= 3 && (!memcmp(s, "\xe2\x80\x94", 3) || !memcmp(s, "\xe2\x80\x93", 3)))
        return 3;
    if (n >= 2 && !memcmp(s, "--", 2))
        return 2;
    return n && s[0] == '-' ? 1 : 0;
}

/* Is node i the last text of its parent? */
static bool last_in_parent(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    int p = nodes[i].parent;
    if (p < 0)
        return false;
    /* text follows soon when there is any: a bound, as above */
    if (nodes[p].end - nodes[i].end > LINE_NODES * 4)
        return false;
    for (int j = nodes[i].end; j < nodes[p].end; j++)
        if (nodes[j].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&nodes[j], &len);
            for (size_t k = 0; k < len; k++)
                if (!px_meta_is_ws((unsigned char)t[k]))
                    return false;
        }
    return true;
}

/* Is line i set right and in bold as a whole: "<p style="text-align:
 * right"><strong>Ngọc Lan và Minh Đức</strong></p>", the signature of
 * Vietnamese news pages? */
static bool right_bold(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    /* style only: the attribute pass empties the others nobody reads
     * (elide.c), align among them */
    const char *style = px_attr(&nodes[i], "style");
    const char *ta = style ? strstr(style, "text-align") : NULL, *r = ta ? strstr(ta, "right") : NULL;
    if (!r || r - ta >= 16)
        return false;
    /* its one child element is bold and holds all its text */
    int kids = 0, bold = -1;
    for (int j = nodes[i].first; j >= 0; j = nodes[j].next) {
        if (nodes[j].kind == PX_ELEMENT) {
            kids++;
            bold = px_meta_is_elem(&nodes[j], GUMBO_TAG_STRONG) || px_meta_is_elem(&nodes[j], GUMBO_TAG_B) ? j : -1;
        } else if (nodes[j].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&nodes[j], &len);
            for (size_t k = 0; k < len; k++)
                if (!px_meta_is_ws((unsigned char)t[k]))
                    return false;
        }
    }
    return kids == 1 && bold >= 0;
}

/* A signature that ends the text, before end (where the comments
 * start): the last line of its block is a dash and a name, or a name set
 * right in bold. */
static bool end_signature(ctx *c, int from, int end)
{
    const px_node *nodes = c->doc->nodes;
    for (int i = from; i < end && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        if (aside_tag(nd)) {
            i = nd->end - 1;
            continue;
        }
        if ((nd->flags & PX_INLINE) || !one_line(c, i))
            continue;
        /* the first text of the line starts with a dash */
        int t = i + 1;
        while (t < nd->end && nodes[t].kind != PX_TEXT)
            t++;
        size_t len;
        const char *first = t < nd->end ? px_text(&nodes[t], &len) : NULL;
        while (first && len && px_meta_is_ws((unsigned char)*first)) {
            first++;
            len--;
        }
        bool right = !first || dash(first, len) ? false : right_bold(c, i);
        if (!first || (!dash(first, len) && !right) || !last_in_parent(c, i) || px_meta_outside(c, i) || caption(c, i))
            continue;
        char *v = px_meta_node_text(c, i, NAME_MAX_BYTES + 4);
        size_t dl = v ? dash(v, strlen(v)) : 0;
        bool got = false;
        if (dl || (v && right)) {
            size_t k = dl;
            while (v[k] == ' ')
                k++;
            got = take(c, v + k);
        }
        px_free(c->a, v);
        if (got)
            return true;
    }
    return false;
}

/* A CJK name of two to six characters in s[0..n): ideographs and kana,
 * with at most one space between family and given name. */
static bool cjk_name(const char *s, size_t n)
{
    size_t chars = 0, spaces = 0;
    for (size_t i = 0; i < n;) {
        size_t adv;
        unsigned cp = px_utf8_next(s + i, n - i, &adv);
        if (cp == ' ' || cp == 0x3000)
            spaces++;
        else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3041 && cp <= 0x30FA))
            chars++;
        else
            return false;
        i += adv;
    }
    return chars >= 2 && chars <= 6 && spaces <= 1;
}

/* The labels a Japanese signature may open with ("（文・写真　中村 優子）",
 * "（取材・文＝佐藤健）"), each then a space or a mark before the name. */
static const char sign_labels[][16] = {"文・写真", "写真・文", "取材・文", "文・撮影", "文と写真", "文"};
static const char sign_marks[][4] = {"\xe3\x80\x80", " ", "＝", "：", "／", "="};
/* The ends of a body's name before the person's in a signature
 * ("観光協会 中村 優子": the tourism association's). */
static const char org_ends[][8] = {"協会", "部", "課", "局", "社", "室", "会", "所"};

/* The name in a signature's s[0..*n), after its label, without the body
 * before it; NULL when it is no name or has no label (a paragraph
 * "（雨天中止）" is a remark). */
static const char *signed_name(const char *s, size_t *n)
{
    bool labelled = false;
    for (size_t k = 0; k < sizeof sign_labels / sizeof *sign_labels && !labelled; k++) {
        size_t l = strlen(sign_labels[k]);
        if (l >= *n || memcmp(s, sign_labels[k], l))
            continue;
        for (size_t m = 0; m < sizeof sign_marks / sizeof *sign_marks && !labelled; m++) {
            size_t ml = strlen(sign_marks[m]);
            if (l + ml < *n && !memcmp(s + l, sign_marks[m], ml)) {
                s += l + ml;
                *n -= l + ml;
                labelled = true;
            }
        }
    }
    if (!labelled)
        return NULL;
    if (cjk_name(s, *n))
        return s;
    /* a body's name first: "観光協会 中村 優子" */
    const char *sp = memchr(s, ' ', *n);
    if (!sp)
        return NULL;
    size_t w = (size_t)(sp - s);
    for (size_t k = 0; k < sizeof org_ends / sizeof *org_ends; k++) {
        size_t l = strlen(org_ends[k]);
        if (w > l && !memcmp(s + w - l, org_ends[k], l) && cjk_name(sp + 1, *n - w - 1)) {
            *n -= w + 1;
            return sp + 1;
        }
    }
    return NULL;
}

/* Japanese papers sign a report at the end of its last paragraph, the
 * reporter's name in parentheses after the last sentence: "…方針だ。
 * （佐藤健）", or in a paragraph of its own, with a label and the body
 * the writer is of ("（文・写真　観光協会 中村 優子）"). The last such
 * paragraph before end gives the name. */
static bool paren_signature(ctx *c, int from, int end)
{
    static const char open[] = "\xef\xbc\x88", close[] = "\xef\xbc\x89", stop[] = "\xe3\x80\x82";
    const px_node *nodes = c->doc->nodes;
    int best = -1;
    size_t bs = 0, bl = 0;
    const char *bt = NULL;
    for (int i = from; i < end; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT)
            continue;
        if (aside_tag(nd) || px_meta_outside(c, i)) {
            i = nd->end - 1;
            continue;
        }
        if (!px_meta_is_elem(nd, GUMBO_TAG_P) || !last_in_parent(c, i))
            continue;
        int t = nd->end - 1;
        while (t > i && nodes[t].kind != PX_TEXT)
            t--;
        size_t len;
        const char *txt = t > i ? px_text(&nodes[t], &len) : NULL;
        while (txt && len && px_meta_is_ws((unsigned char)txt[len - 1]))
            len--;
        if (!txt || len < 12 || memcmp(txt + len - 3, close, 3))
            continue;
        size_t o = len - 3;
        while (o >= 3 && memcmp(txt + o - 3, open, 3) && len - o < 64)
            o--;
        if (o < 3 || memcmp(txt + o - 3, open, 3))
            continue;
        size_t lead = 0; /* the paragraph's own white space before "（" */
        while (lead < o - 3 && px_meta_is_ws((unsigned char)txt[lead]))
            lead++;
        bool alone = lead == o - 3;
        if (!alone && (o < 6 || memcmp(txt + o - 6, stop, 3)))
            continue;
        size_t nl = len - 3 - o;
        const char *nm = alone ? signed_name(txt + o, &nl) : cjk_name(txt + o, nl) ? txt + o : NULL;
        if (nm) {
            best = i;
            bt = txt;
            bs = (size_t)(nm - txt);
            bl = nl;
        }
        i = nd->end - 1;
    }
    if (best < 0)
        return false;
    char name[32];
    memcpy(name, bt + bs, bl);
    name[bl] = '\0';
    px_meta_add_raw(c, name, false);
    return c->m->authors.n > 0;
}

/* Taiwanese and Chinese papers open the text with the reporter and the
 * place in brackets: "〔記者陳建宏／台中報導〕台中捷運…", "【记者李明/北京报道】".
 * The first paragraphs after the headline are read for it. */
static bool bracket_lead(ctx *c, int from, int end)
{
    static const char opens[][8] = {"〔", "【", "（", "(", "["};
    static const char reporter[][8] = {"記者", "记者"};
    const px_node *nodes = c->doc->nodes;
    int paras = 0;
    for (int i = from; i < end && paras < 3; i++) {
        const px_node *nd = &nodes[i];
        /* the text is looked at first, where the place is asked after */
        if (!px_meta_is_elem(nd, GUMBO_TAG_P))
            continue;
        paras++;
        int t = i + 1;
        while (t < nd->end && nodes[t].kind != PX_TEXT)
            t++;
        size_t len;
        const char *txt = t < nd->end ? px_text(&nodes[t], &len) : NULL;
        while (txt && len && px_meta_is_ws((unsigned char)*txt))
            txt++, len--;
        for (size_t o = 0; txt && o < sizeof opens / sizeof *opens; o++) {
            size_t ol = strlen(opens[o]);
            if (len < ol + 6 || memcmp(txt, opens[o], ol))
                continue;
            for (size_t r = 0; r < 2; r++) {
                if (memcmp(txt + ol, reporter[r], 6))
                    continue;
                /* the name runs to the slash before the place */
                const char *name = txt + ol + 6;
                size_t k = 0;
                while (k < 24 && ol + 6 + k + 3 <= len && memcmp(name + k, "／", 3) && name[k] != '/')
                    k++;
                if (k >= 24 || ol + 6 + k >= len || !cjk_name(name, k) || px_meta_outside(c, i))
                    return false;
                char buf[32];
                memcpy(buf, name, k);
                buf[k] = '\0';
                px_meta_add_raw(c, buf, false);
                return c->m->authors.n > 0;
            }
        }
        i = nd->end - 1;
    }
    return false;
}

void px_meta_unlabelled(ctx *c)
{
    int from = px_meta_headline_end(c);
    if (!from || c->m->authors.n)
        return;
    if (name_under_headline(c, from) || c->rc)
        return;
    int end = comments_start(c, from); /* one walk for the two readers */
    if (!author_box(c, from, end) && !c->rc && !end_signature(c, from, end) && !c->rc &&
        !paren_signature(c, from, end) && !c->rc)
        bracket_lead(c, from, end);
}
