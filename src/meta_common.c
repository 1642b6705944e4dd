/*
 * Helpers the metadata readers share: cleaning values, lists of names,
 * and looking at the document.
 */
#include "meta_impl.h"

#include <stdint.h>
#include <string.h>
#include "date.h"
#include "text.h"
#include "url.h"

/* ------------------------------------------------------------------ */
/* Strings                                                              */

/* Does s start with p, ignoring ASCII case? One pass over p: no strlen of
 * s, which px_meta_named() calls at every offset of a class attribute. */
bool px_meta_prefix_ci(const char *s, const char *p)
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

bool px_meta_eq_ci(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && px_ascii_ieq(a, b, n);
}

/* Named character references that JSON-LD and meta values carry over
 * from templates that escaped them once too often. */
static const struct { char name[8]; unsigned cp; } entities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"nbsp", 0xA0}, {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"laquo", 0xAB}, {"raquo", 0xBB}, {"copy", 0xA9}, {"reg", 0xAE},
    {"trade", 0x2122}, {"bull", 0x2022}, {"middot", 0xB7},
};

/* The letters of Latin-1, U+00C0 to U+00FF, by their references: the
 * names of authors in Spanish, French and German ("Redacci&oacute;n"). */
static const char latin1[][8] = {
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
    "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
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
    for (unsigned k = 0; k < sizeof latin1 / sizeof *latin1; k++) {
        size_t l = strlen(latin1[k]);
        if (l && l + 2 <= n && !memcmp(s + 1, latin1[k], l) && s[l + 1] == ';') {
            *cp = 0xC0 + k;
            return l + 2;
        }
    }
    return 0;
}

/* s folded to single spaces and trimmed; with html, also character
 * references decoded and tags removed (JSON-LD strings hold HTML). */
char *px_meta_clean(ctx *c, const char *s, bool html)
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
void px_meta_set_field(ctx *c, char **field, const char *value, bool html)
{
    if (*field || !value || c->rc)
        return;
    char *v = px_meta_clean(c, value, html);
    if (v && *v)
        *field = v;
    else
        px_free(c->a, v);
}

void px_meta_set_date(ctx *c, char **field, const char *value)
{
    if (*field || !value || c->rc)
        return;
    char iso[PX_DATE_MAX];
    if (!px_date_iso(value, strlen(value), iso))
        return;
    /* the Unix epoch is a template's zero, not a day anyone published on */
    if (!strncmp(iso, "1970-01-01", 10) || !strncmp(iso, "1969-12-31", 10))
        return;
    *field = px_strndup(c->a, iso, strlen(iso));
    if (!*field)
        c->rc = PITH_ERR_NOMEM;
}

void px_meta_set_url(ctx *c, char **field, const char *value)
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

int px_meta_list_add(const px_alloc *a, px_strlist *l, const char *s, size_t n)
{
    while (n && px_meta_is_ws((unsigned char)s[n - 1]))
        n--;
    while (n && px_meta_is_ws((unsigned char)*s)) {
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

void px_meta_list_free(const px_alloc *a, px_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        px_free(a, l->v[i]);
    px_free(a, l->v);
    memset(l, 0, sizeof *l);
}

/* Adds a cleaned value to a list, or its comma-separated parts. */
void px_meta_list_add_clean(ctx *c, px_strlist *l, const char *value, bool html, bool split_commas)
{
    if (!value || c->rc)
        return;
    char *v = px_meta_clean(c, value, html);
    if (!v)
        return;
    const char *p = v;
    while (*p && !c->rc) {
        const char *e = split_commas ? strchr(p, ',') : NULL;
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (px_meta_list_add(c->a, l, p, n))
            c->rc = PITH_ERR_NOMEM;
        p += n;
        if (*p)
            p++;
    }
    px_free(c->a, v);
}

/* ------------------------------------------------------------------ */
/* The document                                                         */

bool px_meta_holds_ci(const char *s, size_t n, px_words words)
{
    for (size_t k = 0; k < words.count; k++) {
        const char *w = px_word_at(words, k);
        size_t l = strlen(w);
        for (size_t i = 0; i + l <= n; i++)
            if (px_ascii_ieq(s + i, w, l))
                return true;
    }
    return false;
}

/* Does a space-separated attribute value hold token (ASCII case ignored)? */
bool px_meta_has_token(const char *list, const char *token)
{
    if (!list)
        return false;
    size_t tl = strlen(token);
    const char *p = list;
    while (*p) {
        while (*p && px_meta_is_ws((unsigned char)*p))
            p++;
        const char *st = p;
        while (*p && !px_meta_is_ws((unsigned char)*p))
            p++;
        if ((size_t)(p - st) == tl && px_ascii_ieq(st, token, tl))
            return true;
    }
    return false;
}

bool px_meta_paid_part(const px_meta *m, const char *cls)
{
    return m && m->paid_class && px_meta_has_token(cls, m->paid_class);
}

/* Folds t[0..len) onto b until b holds more than max bytes. Piece by
 * piece, each ended before a byte that starts a character (a piece never
 * splits one: folding the pieces in turn gives what folding the whole
 * gives), so that a dateline's or a byline's text is not folded from a
 * paragraph of kilobytes only to be found too long. */
static void fold_upto(px_buf *b, const char *t, size_t len, bool *pending, size_t max)
{
    while (len && b->len <= max && !b->oom) {
        size_t k = max + 1 - b->len;
        if (k < 64)
            k = 64;
        if (k >= len)
            k = len;
        while (k < len && ((unsigned char)t[k] & 0xC0) == 0x80)
            k++;
        px_append_folded(b, t, k, pending);
        t += k;
        len -= k;
    }
}

/* Elements whose text no reader sees: the text walks step over them. */
static bool unseen(const px_node *nd)
{
    return nd->kind == PX_ELEMENT && (nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE ||
                                      nd->tag == GUMBO_TAG_NOSCRIPT || nd->tag == GUMBO_TAG_TEMPLATE);
}

/* Folded text of node i's subtree, without script and style; with
 * apart, every element starts a new word. It stops once longer than max;
 * with cut, also inside a text node, for callers to whom a text longer
 * than max is only too long. */
static char *node_text(ctx *c, int i, size_t max, bool apart, bool cut)
{
    const px_node *nodes = c->doc->nodes;
    px_buf b;
    px_buf_init(&b, c->a);
    bool pending = false;
    for (int j = i; j < nodes[i].end && b.len <= max; j++) {
        const px_node *nd = &nodes[j];
        if (unseen(nd)) {
            j = nd->end - 1;
            continue;
        }
        if (nd->kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(nd, &len);
            if (cut)
                fold_upto(&b, t, len, &pending, max);
            else
                px_append_folded(&b, t, len, &pending);
        } else if (apart || !(nd->flags & PX_INLINE) || nd->tag == GUMBO_TAG_BR) {
            /* a line break parts words too: "Илья Смирнов<br>25 апреля" */
            pending = true;
        }
    }
    px_buf_putc(&b, '\0');
    char *r = px_buf_detach(&b, NULL);
    if (!r)
        c->rc = PITH_ERR_NOMEM;
    return r;
}

/* The bytes of t[0..n) from '!' to '~' (counted), and whether a digit
 * is among them. Eight bytes at a time: a lane's top bit says its byte
 * is below 128, above lo and below hi (exactly, with no carry between
 * lanes: the bit hack "hasbetween"). */
#define LANES(b) (0x0101010101010101ull * (b))
static uint64_t lanes_between(uint64_t x, unsigned lo, unsigned hi)
{
    uint64_t low7 = x & LANES(127);
    return (LANES(127 + hi) - low7) & ~x & (low7 + LANES(127 - lo)) & LANES(128);
}

static size_t count_shown(const char *t, size_t n, bool *digit)
{
    size_t count = 0, k = 0;
    uint64_t digits = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t x;
        memcpy(&x, t + k, 8);
        digits |= lanes_between(x, '0' - 1, '9' + 1);
        count += (size_t)(((lanes_between(x, ' ', 127) >> 7) * LANES(1)) >> 56);
    }
    for (; k < n; k++) {
        unsigned char b = (unsigned char)t[k];
        digits |= b >= '0' && b <= '9';
        count += b > ' ' && b < 127;
    }
    *digit = digits != 0;
    return count;
}

/* The walk of node_text, without folding: an ASCII byte other than
 * white space is always in the folded text, so once more than max of
 * them are seen the text is too long. A text is read in pieces that
 * cannot take the count past max + 1 before their last byte (so a digit
 * in one comes before the text is known to be too long). */
px_digits px_meta_has_digit(const ctx *c, int i, size_t max)
{
    const px_node *nodes = c->doc->nodes;
    size_t shown = 0;
    for (int j = i; j < nodes[i].end; j++) {
        const px_node *nd = &nodes[j];
        if (unseen(nd)) {
            j = nd->end - 1;
            continue;
        }
        if (nd->kind != PX_TEXT)
            continue;
        size_t len;
        const char *t = px_text(nd, &len);
        for (size_t k = 0; k < len;) {
            size_t piece = len - k < max + 1 - shown ? len - k : max + 1 - shown;
            bool digit;
            shown += count_shown(t + k, piece, &digit);
            /* or a digit of another script ("١٢ مارس", "१२ मार्च") */
            digit = digit || px_date_has_native_digit(t + k, piece);
            k += piece;
            if (digit)
                return PX_DIGIT;
            if (shown > max)
                return PX_TOO_LONG;
        }
    }
    return PX_NO_DIGIT;
}

unsigned char px_meta_text_first(const ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    for (int j = i; j < nodes[i].end; j++) {
        if (unseen(&nodes[j])) {
            j = nodes[j].end - 1;
            continue;
        }
        size_t len = 0;
        const char *t = nodes[j].kind == PX_TEXT ? px_text(&nodes[j], &len) : NULL;
        for (size_t k = 0; k < len; k++)
            if (!px_meta_is_ws((unsigned char)t[k]))
                return (unsigned char)t[k];
    }
    return 0;
}

char *px_meta_node_text(ctx *c, int i, size_t max) { return node_text(c, i, max, false, false); }
char *px_meta_node_words(ctx *c, int i, size_t max) { return node_text(c, i, max, true, false); }
char *px_meta_short_text(ctx *c, int i, size_t max) { return node_text(c, i, max, false, true); }
char *px_meta_short_words(ctx *c, int i, size_t max) { return node_text(c, i, max, true, true); }

const char *px_meta_tag(const ctx *c, const char *key)
{
    for (size_t i = 0; i < c->ntags; i++)
        if (px_meta_eq_ci(c->tags[i].key, key) && *c->tags[i].content)
            return c->tags[i].content;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Where a node is                                                      */

/* How much of a class or id px_meta_named reads. It asks about every
 * element and its ancestors, so a page whose article wrapper has a class
 * of 1 MB (bench/shapes codelang) cost nodes x 1 MB (1.5 s at 1 MB, and
 * quadratic beyond); real class lists are far shorter than this. */
#define NAMED_SCAN_MAX 4096

/* Class names that hold a word of elsewhere[] and still wrap the article:
 * hAtom's "hfeed" (the posts of a blog), layout modifiers that say the
 * page has a sidebar ("gallery--wrapper__with-sidebar", "has-sidebar"),
 * and the wrapper of a content-and-sidebar layout (Genesis themes'
 * "content-sidebar-wrap", around the post and its sidebar alike). */
static bool wraps_article(const char *attr, size_t at, const char *word)
{
    if (px_meta_prefix_ci(word, "feed"))
        return at >= 1 && (attr[at - 1] | 32) == 'h' && (at == 1 || px_meta_is_ws((unsigned char)attr[at - 2]));
    if (px_meta_prefix_ci(word, "sidebar")) {
        static const char mods[][8] = {"with-", "with_", "has-", "has_", "no-", "no_"};
        for (size_t k = 0; k < sizeof mods / sizeof *mods; k++) {
            size_t l = strlen(mods[k]);
            if (at >= l && px_meta_prefix_ci(attr + at - l, mods[k]))
                return true;
        }
        if (at >= 8 && px_meta_prefix_ci(attr + at - 8, "content-") && px_meta_prefix_ci(attr + at, "sidebar-wrap"))
            return true;
    }
    return false;
}

/* A family of words px_meta_named looks for, with the words inside which
 * one does not count (skip, may be empty). Every element of a page is
 * asked about, at every offset of its class and id, so the words are
 * indexed by their first byte: an offset whose byte begins none of them
 * costs one table look-up, and one that does tries only the words that
 * start with it (this scan was 15% of pith's instructions). */
#define FAMILY_WORDS 32      /* words chained by first byte; later ones are tried in turn */
#define HEAD_SKIP 0x80u      /* head[]: a skip word starts with this byte */
#define HEAD_MORE 0x40u      /* head[]: a word past the first FAMILY_WORDS does */
#define HEAD_WORD 0x3fu      /* head[]: 1 + the first word that does, or 0 */
typedef struct family {
    px_words words, skip;
    unsigned char head[256];          /* by the byte of the class */
    unsigned char next[FAMILY_WORDS]; /* 1 + the next word with the same first byte, or 0 */
    uint64_t need[FAMILY_WORDS];      /* the pairs of letters of each word (grams()) */
} family;

/* A set of the pairs of adjacent bytes of a class or id, ASCII case
 * ignored, hashed into 64 bits: a word whose pairs are not all there is
 * not in it. A filter that can say "maybe" wrongly, never "no". */
#define GRAM_WORD 64 /* longer words are not filtered */
static uint64_t grams(const char *s, size_t n)
{
    uint64_t g = 0;
    unsigned prev = n ? px_ascii_lower((unsigned char)s[0]) : 0;
    for (size_t k = 1; k < n; k++) {
        unsigned c = px_ascii_lower((unsigned char)s[k]);
        g |= 1ull << ((prev * 7 + c) & 63);
        prev = c;
    }
    return g;
}

/* The bytes a word can start at: its first, and that byte in capitals
 * (classes are matched ignoring ASCII case; the words are lower case). */
static void family_index(family *f, const char *word, unsigned char mark, size_t w)
{
    unsigned char b = (unsigned char)word[0], bytes[2] = {b, b >= 'a' && b <= 'z' ? (unsigned char)(b - 32) : 0};
    if (!b || (b >= 'A' && b <= 'Z')) /* a word in capitals matches nothing, as it never did */
        return;
    for (int k = 0; k < 2 && bytes[k]; k++) {
        if (mark == HEAD_WORD) {
            if (k == 0)
                f->next[w] = f->head[b] & HEAD_WORD;
            f->head[bytes[k]] = (unsigned char)((f->head[bytes[k]] & ~HEAD_WORD) | (unsigned)(w + 1));
        } else {
            f->head[bytes[k]] |= mark;
        }
    }
}

static void family_init(family *f, px_words words, px_words skip)
{
    f->words = words;
    f->skip = skip;
    memset(f->head, 0, sizeof f->head);
    for (size_t w = 0; w < words.count; w++) {
        const char *word = px_word_at(words, w);
        family_index(f, word, w < FAMILY_WORDS ? HEAD_WORD : HEAD_MORE, w);
        if (w < FAMILY_WORDS) {
            size_t l = strlen(word);
            f->need[w] = l <= GRAM_WORD ? grams(word, l) : 0;
        }
    }
    for (size_t w = 0; w < skip.count; w++)
        family_index(f, px_word_at(skip, w), HEAD_SKIP, w);
}

/* The names of an element a reader goes by, NULL where it has none: its
 * class, its id, and the test hook of a page built with styled-components
 * or CSS modules (data-testid, else data-component: "byline-contributors",
 * "headline-block"), whose classes are hashes ("sc-2b5e3b35-3") that say
 * nothing. One pass over its attributes for all of them (every element is
 * asked). elide.c's read_attrs keeps both data- names' values. */
#define NAME_ATTRS 3
static void class_and_id(const px_node *nd, const char *attrs[NAME_ATTRS])
{
    attrs[0] = attrs[1] = attrs[2] = NULL;
    if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
        return;
    const GumboVector *v = &nd->g->v.element.attributes;
    for (unsigned k = 0; k < v->length; k++) {
        const GumboAttribute *at = v->data[k];
        /* Gumbo lower-cases the names: the first byte rules out most */
        const char *nm = at->name;
        int which = nm[0] == 'c' && !strcmp(nm, "class") ? 0
                  : nm[0] == 'i' && nm[1] == 'd' && !nm[2] ? 1
                  : nm[0] == 'd' && nm[1] == 'a' && nm[2] == 't' && nm[3] == 'a' && nm[4] == '-' &&
                            ((nm[5] == 't' && !strcmp(nm + 5, "testid")) ||
                             (nm[5] == 'c' && !attrs[2] && !strcmp(nm + 5, "component")))
                        ? 2
                        : -1;
        if (which >= 0 && (!attrs[which] || which == 2) && *at->value)
            attrs[which] = at->value;
    }
}

/* Does a class or id of element nd itself hold a word of f (within its
 * first NAMED_SCAN_MAX bytes)? */
static bool own_named(const px_node *nd, const family *f)
{
    const char *attrs[NAME_ATTRS];
    class_and_id(nd, attrs);
    /* Blogger's post column is <div class="widget Blog" id="Blog1">:
     * a widget by name, the article by place */
    if (f->skip.count && attrs[0] && !strcmp(attrs[0], "widget Blog"))
        return false;
    for (int a = 0; a < NAME_ATTRS; a++)
        for (size_t n = 0; attrs[a] && n < NAMED_SCAN_MAX; n++) {
            unsigned char h = f->head[(unsigned char)attrs[a][n]];
            if (!h) {
                if (!attrs[a][n])
                    break;
                continue;
            }
            const char *s = attrs[a] + n;
            char c0 = (char)px_ascii_lower((unsigned char)*s);
            if (h & HEAD_SKIP)
                for (size_t w = 0; w < f->skip.count; w++) {
                    const char *skip = px_word_at(f->skip, w);
                    if (skip[0] == c0 && px_meta_prefix_ci(s, skip)) {
                        n += strlen(skip) - 1;
                        goto next;
                    }
                }
            for (unsigned w = h & HEAD_WORD; w; w = f->next[w - 1]) {
                const char *word = px_word_at(f->words, w - 1);
                if (px_meta_prefix_ci(s, word) && !wraps_article(attrs[a], n, word))
                    return true;
            }
            if (h & HEAD_MORE)
                for (size_t w = FAMILY_WORDS; w < f->words.count; w++) {
                    const char *word = px_word_at(f->words, w);
                    if (word[0] == c0 && px_meta_prefix_ci(s, word) && !wraps_article(attrs[a], n, word))
                        return true;
                }
        next:;
        }
    return false;
}

/* The verdicts of own_named, per element and family, each read once. The
 * readers ask about every element and up to 8 of its ancestors, pass after
 * pass (the headline, the bylines, the datelines, the masthead), so the
 * same class was scanned for the same words dozens of times: 17% of a
 * small page's instructions. Two bits per node and family (asked,
 * holds), for the first MEMO_FAMILIES families asked; others are scanned
 * each time. */
#define MEMO_FAMILIES 16
#define MEMO_SLOTS 64 /* the families by the address of their words */
struct px_meta_memo {
    family fam[MEMO_FAMILIES];
    int nfam;
    /* 1 + the family last found whose words hash to this slot, or 0: the
     * readers ask of a dozen families in turn, node after node, and a
     * scan of the families for each question cost as much as the answer */
    unsigned char slot[MEMO_SLOTS];
    uint32_t *bits;  /* per node: asked (bit f), holds (bit 16 + f); 0: never looked at;
                      * NO_NAMES: no class, no id */
    uint64_t *grams; /* per node looked at: the pairs of its class and id */
    /* Per family asked about ancestors (elsewhere(), 8 levels, of every
     * candidate, pass after pass), per node: 1 + how many levels up the
     * nearest element that holds a word is (NEAR_NONE: none before the
     * walk stops), 0 when not known yet. A question is then one look-up,
     * not a walk up 8 ancestors, and each node is walked once per family
     * (allocated on a family's first such question; NULL: walks). */
    unsigned char *near[MEMO_FAMILIES];
    int nodes;
    const px_alloc *a;
};
#define NEAR_NONE 254u
/* bits[] of an element with no class and no id, so no to every family:
 * "holds" with nothing asked, a state no question leaves (all asked and
 * none held, 0xffff, is an element with names) */
#define NO_NAMES 0xffff0000u

/* The pairs of letters of node p's class and id (the bytes a match can
 * cover); false when it has neither. */
static bool node_grams(const px_node *nd, uint64_t *g)
{
    const char *attrs[NAME_ATTRS];
    class_and_id(nd, attrs);
    *g = 0;
    for (int a = 0; a < NAME_ATTRS; a++)
        if (attrs[a])
            *g |= grams(attrs[a], strnlen(attrs[a], NAMED_SCAN_MAX + GRAM_WORD));
    return attrs[0] || attrs[1] || attrs[2];
}

/* Can one of f's words be in a class or id whose pairs are g? */
static bool family_maybe(const family *f, uint64_t g)
{
    if (f->words.count > FAMILY_WORDS)
        return true;
    for (size_t w = 0; w < f->words.count; w++)
        if (!(f->need[w] & ~g))
            return true;
    return false;
}

px_meta_memo *px_meta_memo_new(const px_alloc *a, int nodes)
{
    px_meta_memo *m = px_malloc(a, sizeof *m);
    size_t n = nodes > 0 ? (size_t)nodes : 1;
    uint32_t *bits = px_calloc(a, n, sizeof *bits);
    uint64_t *g = px_malloc(a, n * sizeof *g);
    if (!m || !bits || !g) {
        px_free(a, m);
        px_free(a, bits);
        px_free(a, g);
        return NULL;
    }
    m->nfam = 0;
    m->a = a;
    m->nodes = (int)n;
    memset(m->near, 0, sizeof m->near);
    memset(m->slot, 0, sizeof m->slot);
    m->bits = bits;
    m->grams = g;
    return m;
}

void px_meta_memo_free(const px_alloc *a, px_meta_memo *m)
{
    if (m) {
        px_free(a, m->bits);
        px_free(a, m->grams);
        for (int f = 0; f < m->nfam; f++)
            px_free(a, m->near[f]);
    }
    px_free(a, m);
}

/* The memo's number for a family, or -1 when it has no room for it. */
static bool same_words(px_words a, px_words b)
{
    return a.at == b.at && a.width == b.width && a.count == b.count;
}

static bool family_is(const family *f, px_words words, px_words skip)
{
    return same_words(f->words, words) && same_words(f->skip, skip);
}

static int memo_family(px_meta_memo *m, px_words words, px_words skip)
{
    uintptr_t h = (uintptr_t)words.at;
    unsigned s = (unsigned)((h >> 3) ^ (h >> 9)) % MEMO_SLOTS;
    if (m->slot[s] && family_is(&m->fam[m->slot[s] - 1], words, skip))
        return m->slot[s] - 1;
    for (int f = 0; f < m->nfam; f++)
        if (family_is(&m->fam[f], words, skip)) {
            m->slot[s] = (unsigned char)(f + 1);
            return f;
        }
    if (m->nfam == MEMO_FAMILIES)
        return -1;
    family_init(&m->fam[m->nfam], words, skip);
    m->slot[s] = (unsigned char)(m->nfam + 1);
    return m->nfam++;
}

/* Where a walk up from a node stops: above the elements. */
static bool walk_stops(const px_node *nodes, int p)
{
    return p < 0 || nodes[p].kind != PX_ELEMENT || nodes[p].tag == GUMBO_TAG_BODY ||
           nodes[p].tag == GUMBO_TAG_HTML;
}

/* Does a class or id of element p itself hold a word of family f? */
static bool memo_own(px_meta_memo *memo, int f, const px_node *nd, int p)
{
    uint32_t b = memo->bits[p];
    if (b == NO_NAMES || (!b && !node_grams(nd, &memo->grams[p]))) {
        memo->bits[p] = NO_NAMES;
        return false;
    }
    if (!(b >> f & 1)) {
        b |= 1u << f;
        if (family_maybe(&memo->fam[f], memo->grams[p]) && own_named(nd, &memo->fam[f]))
            b |= 1u << (16 + f);
    }
    memo->bits[p] = b;
    return b >> (16 + f) & 1;
}

/* How many levels up from node i the nearest element holding a word of
 * family f is (NEAR_NONE: none before the walk stops): up to the first
 * node already known, then down again, noting each node on the way. */
static unsigned near_of(const px_node *nodes, px_meta_memo *memo, int f, int i)
{
    unsigned char *near = memo->near[f];
    unsigned base;
    int k = 0;
    for (int p = i;; p = nodes[p].parent, k++) {
        if (walk_stops(nodes, p)) {
            base = NEAR_NONE;
            break;
        }
        if (near[p]) {
            base = near[p] - 1u;
            break;
        }
        if (memo_own(memo, f, &nodes[p], p)) {
            near[p] = 1;
            base = 0;
            break;
        }
    }
    unsigned d = base;
    for (int p = i, j = k; j > 0; p = nodes[p].parent, j--) {
        d = base + (unsigned)j < NEAR_NONE ? base + (unsigned)j : NEAR_NONE;
        near[p] = (unsigned char)(d + 1);
    }
    return k ? (unsigned)near[i] - 1u : base;
}

/* Does a class or id of node i, or of an ancestor up to up levels, hold
 * one of words (within its first NAMED_SCAN_MAX bytes)? A word inside one
 * of skip does not count (skip may be empty). memo may be NULL. */
static bool named(const px_doc *doc, px_meta_memo *memo, int i, int up, px_words words, px_words skip)
{
    const px_node *nodes = doc->nodes;
    /* An element with no class and no id, known so from an earlier
     * question: the readers ask of every element, and most have none. */
    if (memo && up == 0 && i >= 0 && i < memo->nodes && memo->bits[i] == NO_NAMES)
        return false;
    int f = memo ? memo_family(memo, words, skip) : -1;
    if (f >= 0 && up > 0 && (unsigned)up < NEAR_NONE && i >= 0 && i < memo->nodes) {
        if (!memo->near[f])
            memo->near[f] = px_calloc(memo->a, (size_t)memo->nodes, 1);
        if (memo->near[f])
            return near_of(nodes, memo, f, i) <= (unsigned)up;
    }
    family local;
    if (f < 0)
        family_init(&local, words, skip);
    for (int k = 0, p = i; k <= up && !walk_stops(nodes, p); k++, p = nodes[p].parent) {
        if (f < 0 ? own_named(&nodes[p], &local) : memo_own(memo, f, &nodes[p], p))
            return true;
    }
    return false;
}

static const px_words no_words = {NULL, 1, 0};

bool px_meta_named(const ctx *c, int i, int up, px_words words)
{
    return named(c->doc, c->memo, i, up, words, no_words);
}

bool px_doc_named(const px_doc *doc, int i, int up, px_words words)
{
    return named(doc, NULL, i, up, words, no_words);
}

/* Where the article is not, by the words of a class or id; one family,
 * read in three widths. First the comments: WordPress's "comments" and
 * "respond" (its reply form), a reply's box, Disqus's thread. Then what
 * stands beside the article: teasers, sidebars, the masthead. Last the
 * page's layout, where a post's own footer can be. */
static const char elsewhere[][12] = {"comment", "respond", "reply",  "disqus",   "related",
                                     "teaser",  "sidebar", "masthead", "recommend", "widget",
                                     "header__", "feed",   "avatar", "footer"};
#define COMMENT_WORDS 4
#define BESIDE_WORDS 9
/* Names that hold one of those words but mean the article: hAtom's
 * "hfeed" wraps the whole page of a single post on Blogger and on
 * WordPress themes built on _s, its post and dates included (and
 * Blogger's "widget Blog", above); "header-footer-group", the colour
 * group WordPress's Twenty Twenty gives its header, its footer and each
 * post's entry header, where the byline is. */
static const char not_elsewhere[][24] = {"hfeed", "header-footer-group"};
/* up, for node i, without the main column (px_meta_main_column) and what
 * is above it: the levels below it; -1 for the column itself. */
static int below_main(const ctx *c, int i, int up)
{
    int m = c->main_col1 - 1;
    const px_node *nodes = c->doc->nodes;
    if (m < 0 || i < m || i >= nodes[m].end)
        return up;
    int levels = 0;
    for (int p = i; p >= 0 && p != m; p = nodes[p].parent)
        levels++;
    return levels - 1 < up ? levels - 1 : up;
}

bool px_meta_elsewhere(const ctx *c, int i, int up)
{
    if (c->main_col1 && (up = below_main(c, i, up)) < 0)
        return false;
    return named(c->doc, c->memo, i, up, PX_WORDS(elsewhere), PX_WORDS(not_elsewhere));
}

bool px_meta_beside(const ctx *c, int i, int up)
{
    if (c->main_col1 && (up = below_main(c, i, up)) < 0)
        return false;
    return named(c->doc, c->memo, i, up, px_words_first(PX_WORDS(elsewhere), BESIDE_WORDS), no_words);
}

bool px_meta_in_comments(const ctx *c, int i, int up)
{
    return named(c->doc, c->memo, i, up, px_words_first(PX_WORDS(elsewhere), COMMENT_WORDS), no_words);
}


static unsigned char fold(char c) { return px_ascii_lower((unsigned char)c); }

bool px_meta_path_has(const char *href, px_words parts)
{
    /* Every link of a page is asked about, at each of its slashes: the
     * byte after a slash rules out most of them before any part is
     * compared (the parts' second bytes, unless a part is a bare "/"). */
    uint64_t second[4] = {0, 0, 0, 0};
    bool all = false;
    for (size_t k = 0; k < parts.count; k++) {
        const char *part = px_word_at(parts, k);
        unsigned char c = fold(part[0] ? part[1] : 0);
        all |= part[0] != '/' || !c;
        second[c >> 6] |= 1ull << (c & 63);
    }
    for (const char *s = strchr(href, '/'); s; s = strchr(s + 1, '/')) {
        unsigned char c = fold(s[1]);
        if (!all && !(second[c >> 6] >> (c & 63) & 1))
            continue;
        for (size_t k = 0; k < parts.count; k++)
            if (px_meta_prefix_ci(s, px_word_at(parts, k)))
                return true;
    }
    return false;
}
