#include "elide.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "hash.h"
#include "text.h"

/* The tokenizer's white space (a CR becomes an LF before it reads). */
static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char lower(char c) { return (char)px_ascii_lower((unsigned char)c); }

/* Longer tag names matter to no rule here (SVG's longest element name,
 * fecomponenttransfer, has 19 letters). */
#define NAME_CAP 32

/* The attributes of a tag that the pass may take out; past these, the
 * rest stay. */
#define ATTRS_MAX 32

/* Shorter values are not worth a place in the table: Gumbo reads them
 * about as fast as they would be put back. */
#define VALUE_MIN 4

/* Shorter text is not worth a run: its node would take about as long to
 * find as Gumbo takes to read it. */
#define TEXT_MIN 16

/* What the pass knows of a name (px_elide_names): for an attribute, bits
 * of enum attr_bit; for a tag, bits of enum tag_bit and, above TAG_ID, a
 * number of enum tag_id for the tags it acts on one by one. */
enum attr_bit {
    A_READ = 1u << 0, /* pith, Gumbo or the rules read its value */
    A_FONT = 1u << 1, /* color, face, size: a <font> with one ends foreign content */
    A_ITEM = 1u << 2, /* itemprop, itemscope: metadata reads them on any element */
    A_TYPE = 1u << 3,
    /* Read only on some elements (read_on, thin_attrs): */
    A_SRC = 1u << 4,     /* src: on <img>, and on an element with itemprop */
    A_IMG_LATER = 1u << 5, /* data-src, data-lazy-src, data-original, data-srcset:
                          * on an <img> without a usable src */
    A_SRCSET = 1u << 6,  /* srcset: the same, and on a <source> */
    A_HREF = 1u << 7,    /* href: on <a>, <base>, an element with itemprop, and a
                          * <link> whose rel is canonical or image_src */
    A_REL = 1u << 8,
    A_TREE = 1u << 9, /* Gumbo's tree builder reads its value: it stays in the page */
};
enum tag_bit {
    K_BREAKOUT = 1u << 0,    /* ends foreign content when it starts inside it */
    K_INTEGRATION = 1u << 1, /* an SVG or MathML element whose content is HTML again */
    K_TABLE = 1u << 2,       /* inside a <select> in a table it closes the select */
    K_UNSURE = 1u << 3,      /* in a template: switches the tokenizer's state */
    K_TEXT = 1u << 4,        /* its content is text up to its end tag */
    K_SCOPE = 1u << 5,       /* stops an end tag's search for an open <pre> */
    K_FORMAT = 1u << 6,      /* a formatting element but <a>: its attributes all stay */
    K_MERGE = 1u << 7,       /* <html>, <body>: a later such tag adds the attributes it lacks */
};
#define TAG_ID 8
enum tag_id {
    T_OTHER, T_PRE, T_LISTING, T_SCRIPT, T_STYLE, T_TEMPLATE, T_SVG, T_MATH, T_SELECT,
    T_PLAINTEXT, T_FRAMESET, T_FONT, T_INPUT, T_KEYGEN, T_TEXTAREA, T_IMG, T_IMAGE, T_LINK,
    T_SOURCE, T_A, T_BASE
};

/* A tag as the tokenizer reads it. */
typedef struct tag {
    char name[NAME_CAP]; /* lower case; "" when longer than NAME_CAP - 1 */
    unsigned kind;       /* the name's bits and id (enum tag_bit, enum tag_id) */
    bool closing, self_closing;
    bool bare;           /* nothing between its name and its '>' */
    bool typed;          /* has a type attribute: type[0..type_len) is the first one's value */
    bool read_body;      /* a <script> of JSON-LD, which metadata reads */
    const char *type;
    size_t type_len;
    unsigned attr_bits;  /* of all its attributes, or'ed (enum attr_bit) */
    const char *end;     /* just past its '>' */
    int cur;             /* 1 + the index in attrs of the attribute being read; 0: none */
    int nattrs;          /* attributes read, up to ATTRS_MAX */
    bool more_attrs;     /* it has more */
    bool odd_names;      /* an attribute name holds a control, a byte past ASCII,
                          * or a character the tokenizer calls an error there */
    /* (not cleared with the rest: nattrs says how many are set) */
    struct attr {
        const char *name, *name_end;
        const char *v, *v_end; /* the value; NULL when it has none */
        const char *end;       /* where its tokens end: past its value, if any */
        bool quoted;
        unsigned bits;         /* enum attr_bit */
        uint32_t hash;         /* of its name */
    } attrs[ATTRS_MAX];
} tag;

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* The tag names the pass acts on. */
static const struct {
    char name[16];
    unsigned kind;
} tag_names[] = {
    /* Elements that end foreign content when they start inside it (and
     * <font> with color, face or size). */
    {"b", K_BREAKOUT | K_FORMAT}, {"big", K_BREAKOUT | K_FORMAT}, {"blockquote", K_BREAKOUT},
    {"body", K_BREAKOUT | K_MERGE}, {"br", K_BREAKOUT}, {"center", K_BREAKOUT},
    {"code", K_BREAKOUT | K_FORMAT}, {"dd", K_BREAKOUT}, {"div", K_BREAKOUT}, {"dl", K_BREAKOUT},
    {"dt", K_BREAKOUT}, {"em", K_BREAKOUT | K_FORMAT}, {"embed", K_BREAKOUT}, {"h1", K_BREAKOUT},
    {"h2", K_BREAKOUT}, {"h3", K_BREAKOUT}, {"h4", K_BREAKOUT}, {"h5", K_BREAKOUT},
    {"h6", K_BREAKOUT}, {"head", K_BREAKOUT}, {"hr", K_BREAKOUT}, {"i", K_BREAKOUT | K_FORMAT},
    {"img", K_BREAKOUT | T_IMG << TAG_ID}, {"li", K_BREAKOUT},
    {"listing", K_BREAKOUT | T_LISTING << TAG_ID}, {"menu", K_BREAKOUT}, {"meta", K_BREAKOUT},
    {"nobr", K_BREAKOUT | K_FORMAT}, {"ol", K_BREAKOUT}, {"p", K_BREAKOUT},
    {"pre", K_BREAKOUT | T_PRE << TAG_ID}, {"ruby", K_BREAKOUT}, {"s", K_BREAKOUT | K_FORMAT},
    {"small", K_BREAKOUT | K_FORMAT}, {"span", K_BREAKOUT}, {"strong", K_BREAKOUT | K_FORMAT},
    {"strike", K_BREAKOUT | K_FORMAT}, {"sub", K_BREAKOUT}, {"sup", K_BREAKOUT},
    {"table", K_BREAKOUT | K_TABLE | K_SCOPE}, {"tt", K_BREAKOUT | K_FORMAT},
    {"u", K_BREAKOUT | K_FORMAT}, {"ul", K_BREAKOUT}, {"var", K_BREAKOUT},
    /* SVG and MathML elements whose content is HTML again (the namespace
     * is not tracked, so a name is enough). */
    {"foreignobject", K_INTEGRATION}, {"desc", K_INTEGRATION},
    {"title", K_INTEGRATION | K_UNSURE | K_TEXT}, {"mi", K_INTEGRATION}, {"mo", K_INTEGRATION},
    {"mn", K_INTEGRATION}, {"ms", K_INTEGRATION}, {"mtext", K_INTEGRATION},
    {"annotation-xml", K_INTEGRATION},
    /* Table tags: inside a <select> in a table they close the select
     * ("table" above). */
    {"caption", K_TABLE | K_SCOPE}, {"tbody", K_TABLE}, {"tfoot", K_TABLE}, {"thead", K_TABLE},
    {"tr", K_TABLE}, {"td", K_TABLE | K_SCOPE}, {"th", K_TABLE | K_SCOPE},
    /* In a template's content, elements that switch the tokenizer's state
     * or how later tags are read: such a template is left whole. Those
     * whose content is text to their end tag. */
    {"script", K_UNSURE | T_SCRIPT << TAG_ID}, {"style", K_UNSURE | T_STYLE << TAG_ID},
    {"textarea", K_UNSURE | K_TEXT | T_TEXTAREA << TAG_ID}, {"xmp", K_UNSURE | K_TEXT},
    {"iframe", K_UNSURE | K_TEXT}, {"noembed", K_UNSURE | K_TEXT}, {"noframes", K_UNSURE | K_TEXT},
    {"plaintext", K_UNSURE | T_PLAINTEXT << TAG_ID}, {"svg", K_UNSURE | T_SVG << TAG_ID},
    {"math", K_UNSURE | T_MATH << TAG_ID}, {"template", K_UNSURE | K_SCOPE | T_TEMPLATE << TAG_ID},
    {"frameset", K_UNSURE | T_FRAMESET << TAG_ID},
    /* The rest of the elements that stop an end tag's search for an open
     * <pre> (HTML's default scope; the foreign ones end the pass before
     * it could matter), and the rest the pass acts on. */
    {"applet", K_SCOPE}, {"html", K_SCOPE | K_MERGE}, {"marquee", K_SCOPE}, {"object", K_SCOPE},
    {"select", K_SCOPE | T_SELECT << TAG_ID}, {"font", K_FORMAT | T_FONT << TAG_ID},
    {"input", T_INPUT << TAG_ID}, {"keygen", T_KEYGEN << TAG_ID},
    /* Whose src, srcset and href are read (read_on); Gumbo reads an
     * <image> in HTML as an <img>. */
    {"image", T_IMAGE << TAG_ID}, {"link", T_LINK << TAG_ID}, {"source", T_SOURCE << TAG_ID},
    {"a", T_A << TAG_ID}, {"base", T_BASE << TAG_ID},
};

/* Attributes whose values someone reads: pith (px_attr and
 * gumbo_get_attribute in src/, with the names in the tables of boxes.c
 * and render_common.c; data-testid and data-component, which
 * meta_common.c's class_and_id reads; the rules' come from the rule set) and Gumbo's
 * tree builder (script and input type, annotation-xml encoding, isindex
 * prompt and action). In foreign content Gumbo names xlink:href "href"
 * (in the XLink namespace; px_attr compares names alone), and likewise
 * xlink:role, xlink:title, xlink:type and xml:lang. Sorted (strcmp).
 * tests/cli/attr-table.sh holds src/ to it. */
static const char read_attrs[][16] = {
    "action", "alt", "aria-controls", "aria-expanded", "aria-haspopup", "aria-hidden",
    "charset", "class", "colspan", "content", "data-bs-toggle", "data-component", "data-lang",
    "data-language", "data-lazy-src", "data-original", "data-src", "data-srcset", "data-testid",
    "data-toggle", "datetime", "encoding", "hidden", "href", "http-equiv", "id", "itemprop", "itemscope", "lang", "name",
    "prompt", "property", "pubdate", "rel", "role", "src", "srcset", "start", "style", "title",
    "type", "xlink:href", "xlink:role", "xlink:title", "xlink:type", "xml:lang",
};

/* Attributes that matter to the pass itself. */
static const struct {
    char name[12];
    unsigned bits;
} pass_attrs[] = {
    {"color", A_FONT}, {"face", A_FONT}, {"size", A_FONT},
    {"itemprop", A_ITEM}, {"itemscope", A_ITEM}, {"type", A_TYPE | A_TREE}, {"rel", A_REL},
    {"encoding", A_TREE}, {"prompt", A_TREE}, {"action", A_TREE},
};

/* Names of read_attrs that pith reads on some elements only: they get
 * these bits instead of A_READ (unless the rules read them too), and
 * thin_attrs asks read_on. The readers: px_image_url (render_common.c:
 * an <img>'s src, data-src, data-lazy-src, data-original, the first that
 * is not empty nor a data: URL, else its data-srcset, srcset, else the
 * srcset of a <source> of its <picture>), the microdata's image
 * (meta_tags.c: src, content or href of an element with itemprop); href
 * on <a> (links, bylines, tags), <base>, and a <link> of rel canonical
 * or image_src (meta_tags.c). In an <svg> Gumbo names xlink:href href.
 * tests/elide/domdiff.c checks the same from Gumbo's tree. */
static const struct {
    char name[16];
    unsigned bits;
} read_on_attrs[] = {
    {"src", A_SRC}, {"data-src", A_IMG_LATER}, {"data-lazy-src", A_IMG_LATER},
    {"data-original", A_IMG_LATER}, {"data-srcset", A_IMG_LATER}, {"srcset", A_SRCSET},
    {"href", A_HREF}, {"xlink:href", A_HREF},
};

/* An open-addressing hash table of names (any case) to their bits: every
 * tag and every attribute is looked up once, where a search of the lists
 * above cost more than reading the tag. Slots hold offsets into one pool
 * of names, not pointers, so that a build can write the tables as data
 * (px_elide_image). */
_Static_assert((T_BASE << TAG_ID | 0xff) <= UINT16_MAX && A_REL <= UINT16_MAX,
               "a px_name_slot's bits are 16 bits");

typedef struct table {
    const px_name_slot *slots;
    const char *pool;
    size_t mask; /* slots - 1, a power of two less one */
} table;

struct px_elide_names {
    px_alloc a;
    table tags, attrs;
    px_name_slot *own_slots; /* the tables made here; NULL when they are an image's */
    char *own_names;
};

static uint32_t hash(const char *s, size_t n) { return px_fnv1a_caseless(PX_FNV1A_SEED, s, n); }

static unsigned lookup_hashed(const table *tb, const char *s, size_t n, uint32_t h)
{
    for (size_t i = h & tb->mask;; i = (i + 1) & tb->mask) {
        const px_name_slot *sl = &tb->slots[i];
        if (!sl->len)
            return 0;
        if (sl->len == n && px_ascii_ieq(tb->pool + sl->name, s, n))
            return sl->bits;
    }
}

static unsigned lookup(const table *tb, const char *s, size_t n)
{
    return lookup_hashed(tb, s, n, hash(s, n));
}

/* A table being filled: its slots and the pool its names are copied to. */
typedef struct filling {
    px_name_slot *slots;
    size_t mask;
    char *pool;
    size_t used;
} filling;

/* Adds bits to name's entry. The table has room: it is made at least
 * twice as large as the names it will hold, and its pool as long as all
 * of them. */
static void add(filling *f, const char *s, unsigned bits)
{
    size_t n = strlen(s);
    for (size_t i = hash(s, n) & f->mask;; i = (i + 1) & f->mask) {
        px_name_slot *sl = &f->slots[i];
        if (!sl->len) {
            memcpy(f->pool + f->used, s, n);
            *sl = (px_name_slot){(uint32_t)f->used, (uint16_t)n, 0};
            f->used += n;
        }
        if (sl->len == n && px_ascii_ieq(f->pool + sl->name, s, n)) {
            sl->bits = (uint16_t)(sl->bits | bits);
            return;
        }
    }
}

static size_t slots_for(size_t names)
{
    size_t cap = 16;
    while (cap < 2 * names)
        cap *= 2;
    return cap;
}

#define COUNT(list) (sizeof list / sizeof *list)

/* Are the caller's names all in the image's table, as names read? Then
 * the image is the table that would be built here. */
static bool image_has(const px_elide_image *img, const char *const *keep, size_t nkeep)
{
    table attrs = {img->attrs, img->pool, img->attrs_mask};
    for (size_t i = 0; i < nkeep; i++)
        if (!(lookup(&attrs, keep[i], strlen(keep[i])) & A_READ))
            return false;
    return true;
}

px_elide_names *px_elide_names_new(const px_alloc *a, const px_elide_image *img, const char *const *keep,
                                   size_t nkeep)
{
    px_elide_names *nm = px_calloc(a, 1, sizeof *nm);
    if (!nm)
        return NULL;
    nm->a = *a;
    if (img && image_has(img, keep, nkeep)) {
        nm->tags = (table){img->tags, img->pool, img->tags_mask};
        nm->attrs = (table){img->attrs, img->pool, img->attrs_mask};
        return nm;
    }
    size_t ntags = slots_for(COUNT(tag_names));
    size_t nattrs = slots_for(COUNT(read_attrs) + COUNT(pass_attrs) + nkeep);
    size_t pool = 0;
    for (size_t i = 0; i < COUNT(tag_names); i++)
        pool += strlen(tag_names[i].name);
    for (size_t i = 0; i < COUNT(read_attrs); i++)
        pool += strlen(read_attrs[i]);
    for (size_t i = 0; i < COUNT(pass_attrs); i++)
        pool += strlen(pass_attrs[i].name);
    for (size_t i = 0; i < nkeep; i++)
        pool += strlen(keep[i]);
    px_name_slot *slots = px_calloc(a, ntags + nattrs, sizeof *slots);
    char *names = px_malloc(a, pool + 1);
    if (!slots || !names) {
        px_free(a, slots);
        px_free(a, names);
        px_free(a, nm);
        return NULL;
    }
    nm->own_slots = slots;
    nm->own_names = names;
    filling tags = {slots, ntags - 1, names, 0};
    for (size_t i = 0; i < COUNT(tag_names); i++)
        add(&tags, tag_names[i].name, tag_names[i].kind);
    /* One pool for both: the attributes' names follow the tags'. */
    filling attrs = {slots + ntags, nattrs - 1, names, tags.used};
    for (size_t i = 0; i < COUNT(read_attrs); i++) {
        unsigned bits = A_READ;
        for (size_t k = 0; k < COUNT(read_on_attrs); k++)
            if (!strcmp(read_attrs[i], read_on_attrs[k].name))
                bits = read_on_attrs[k].bits;
        add(&attrs, read_attrs[i], bits);
    }
    for (size_t i = 0; i < COUNT(pass_attrs); i++)
        add(&attrs, pass_attrs[i].name, pass_attrs[i].bits);
    for (size_t i = 0; i < nkeep; i++)
        add(&attrs, keep[i], A_READ);
    names[attrs.used] = '\0';
    nm->tags = (table){tags.slots, names, tags.mask};
    nm->attrs = (table){attrs.slots, names, attrs.mask};
    return nm;
}

/* Where the last of a table's names ends in its pool. */
static size_t names_end(const table *tb)
{
    size_t end = 0;
    for (size_t i = 0; i <= tb->mask; i++)
        if (tb->slots[i].len && tb->slots[i].name + tb->slots[i].len > end)
            end = tb->slots[i].name + tb->slots[i].len;
    return end;
}

void px_elide_names_image(const px_elide_names *nm, px_elide_image *img, size_t *pool_len)
{
    *img = (px_elide_image){nm->tags.slots, nm->attrs.slots, nm->tags.pool, (uint32_t)nm->tags.mask,
                            (uint32_t)nm->attrs.mask};
    size_t tags = names_end(&nm->tags), attrs = names_end(&nm->attrs);
    *pool_len = tags > attrs ? tags : attrs;
}

void px_elide_names_free(px_elide_names *nm)
{
    if (!nm)
        return;
    px_free(&nm->a, nm->own_slots);
    px_free(&nm->a, nm->own_names);
    px_free(&nm->a, nm);
}

bool px_elide_reads_attr(const char *name, size_t n)
{
    size_t lo = 0, hi = COUNT(read_attrs);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *r = read_attrs[mid];
        size_t k = 0;
        int d = 0;
        for (; k < n && r[k]; k++) {
            d = (unsigned char)lower(name[k]) - (unsigned char)r[k];
            if (d)
                break;
        }
        if (!d)
            d = k < n ? 1 : r[k] ? -1 : 0;
        if (!d)
            return true;
        if (d < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Tags                                                                */

/* The attribute whose name s..e has been read: its bits, on the tag too.
 * Is it the first type attribute (whose value is then wanted)? */
static bool attr_named(const px_elide_names *nm, tag *t, const char *s, const char *e)
{
    uint32_t h = hash(s, (size_t)(e - s));
    unsigned bits = lookup_hashed(&nm->attrs, s, (size_t)(e - s), h);
    for (const char *p = s; p < e && !t->odd_names; p++)
        t->odd_names = (unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f || *p == '=' ||
                       *p == '"' || *p == '\'' || *p == '<';
    t->attr_bits |= bits;
    t->cur = 0;
    if (t->nattrs < ATTRS_MAX) {
        t->attrs[t->nattrs++] = (struct attr){s, e, NULL, NULL, e, false, bits, h};
        t->cur = t->nattrs;
    } else {
        t->more_attrs = true;
    }
    if (t->typed || !(bits & A_TYPE))
        return false;
    t->typed = true;
    t->type = "";
    t->type_len = 0;
    return true;
}

/* The value v..ve of the attribute just named (v NULL: an '=' and no
 * value, up to ve). */
static void attr_value(tag *t, const char *v, const char *ve, bool quoted)
{
    if (!t->cur)
        return;
    struct attr *at = &t->attrs[t->cur - 1];
    at->v = v;
    at->v_end = ve;
    at->end = ve + quoted;
    at->quoted = quoted;
    t->cur = 0;
}

enum tag_state { NAME, BEFORE_ATTR, ATTR, AFTER_ATTR, BEFORE_VALUE, UNQUOTED, AFTER_QUOTED, SOLIDUS };

/* Reads the tag whose name starts at s (just after "<" or "</"), state by
 * state as the tokenizer does, so that a '>' inside a quoted value does not
 * end it. False when the input ends inside the tag (the tokenizer then
 * drops it). */
static bool read_tag(const px_elide_names *nm, const char *s, const char *end, tag *t)
{
    enum tag_state st = NAME;
    size_t nl = 0;
    const char *an = NULL, *vs = NULL;
    bool want = false; /* the current attribute's value is the type */
    for (const char *p = s; p < end; p++) {
        char c = *p;
        switch (st) {
        case NAME:
            if (is_ws(c))
                st = BEFORE_ATTR;
            else if (c == '/')
                st = SOLIDUS;
            else if (c == '>') {
                t->bare = true;
                goto done;
            }
            else if (nl < NAME_CAP - 1)
                t->name[nl++] = c ? lower(c) : '\x01'; /* U+FFFD to Gumbo: no name of ours */
            else
                nl = NAME_CAP; /* too long: no name of interest */
            break;
        case AFTER_QUOTED:
            if (!is_ws(c) && c != '/' && c != '>') {
                p--; /* reconsumed before an attribute name */
                st = BEFORE_ATTR;
                break;
            }
            /* fall through */
        case BEFORE_ATTR:
        case AFTER_ATTR:
            if (is_ws(c))
                st = st == AFTER_ATTR ? AFTER_ATTR : BEFORE_ATTR;
            else if (c == '/')
                st = SOLIDUS;
            else if (c == '>')
                goto done;
            else if (c == '=' && st == AFTER_ATTR)
                st = BEFORE_VALUE;
            else {
                an = p;
                want = false;
                st = ATTR;
            }
            break;
        case ATTR:
            if (is_ws(c) || c == '/' || c == '=' || c == '>') {
                want = attr_named(nm, t, an, p);
                st = c == '=' ? BEFORE_VALUE : c == '/' ? SOLIDUS : AFTER_ATTR;
                if (c == '>')
                    goto done;
            }
            break;
        case BEFORE_VALUE:
            if (is_ws(c))
                break;
            if (c == '"' || c == '\'') {
                const char *q = memchr(p + 1, c, (size_t)(end - p - 1));
                if (!q)
                    return false;
                if (want) {
                    t->type = p + 1;
                    t->type_len = (size_t)(q - p - 1);
                }
                attr_value(t, p + 1, q, true);
                p = q;
                st = AFTER_QUOTED;
            } else if (c == '>') {
                attr_value(t, NULL, p, false);
                goto done;
            } else {
                vs = p;
                st = UNQUOTED;
            }
            break;
        case UNQUOTED:
            if (is_ws(c) || c == '>') {
                if (want) {
                    t->type = vs;
                    t->type_len = (size_t)(p - vs);
                }
                attr_value(t, vs, p, false);
                st = BEFORE_ATTR;
                if (c == '>')
                    goto done;
            }
            break;
        case SOLIDUS:
            if (c == '>') {
                t->self_closing = true;
                goto done;
            }
            p--; /* reconsumed before an attribute name */
            st = BEFORE_ATTR;
            break;
        }
        continue;
    done:
        if (nl >= NAME_CAP)
            nl = 0;
        t->name[nl] = '\0';
        t->kind = nl ? lookup(&nm->tags, t->name, nl) : 0;
        t->end = p + 1;
        return true;
    }
    return false;
}

/* Is there an end tag "</name" at lt that ends text of that element: the
 * name in any case, then white space, '/' or '>'? */
static bool end_tag_at(const char *lt, const char *end, const char *name, size_t n)
{
    return (size_t)(end - lt) > n + 2 && lt[1] == '/' && px_ascii_ieq(lt + 2, name, n) &&
           (is_ws(lt[2 + n]) || lt[2 + n] == '/' || lt[2 + n] == '>');
}

/* Where the RCDATA or RAWTEXT of element name, from s on, ends. */
static const char *raw_end(const char *s, const char *end, const char *name)
{
    size_t n = strlen(name);
    for (const char *lt; (lt = memchr(s, '<', (size_t)(end - s))); s = lt + 1)
        if (end_tag_at(lt, end, name, n))
            return lt;
    return end;
}

/* The length of the run of letters at s. */
static size_t letters(const char *s, const char *end)
{
    const char *p = s;
    while (p < end && is_alpha(*p))
        p++;
    return (size_t)(p - s);
}

/* Where script data from s on ends, through its escaped ("<!--") and
 * double-escaped ("<!-- <script>") states: only in the latter does a
 * "</script>" not end it. */
static const char *script_end(const char *s, const char *end)
{
    enum { DATA, ESCAPED, DOUBLE } st = DATA;
    int dashes = 0; /* '-' just read in a row, in the escaped states */
    while (s < end) {
        if (st == DATA) {
            const char *lt = memchr(s, '<', (size_t)(end - s));
            if (!lt)
                return end;
            if (end_tag_at(lt, end, "script", 6))
                return lt;
            if (end - lt >= 4 && lt[1] == '!' && lt[2] == '-' && lt[3] == '-') {
                st = ESCAPED;
                dashes = 2;
                s = lt + 4;
            } else {
                s = lt + 1;
            }
            continue;
        }
        char c = *s;
        if (c == '-') {
            dashes++;
            s++;
            continue;
        }
        if (c == '>' && dashes >= 2) {
            st = DATA;
            s++;
            continue;
        }
        dashes = 0;
        if (c != '<') {
            s++;
            continue;
        }
        if (st == ESCAPED && end_tag_at(s, end, "script", 6))
            return s;
        /* "<script" or (double-escaped) "</script", then a delimiter,
         * switches between the two escaped states; the delimiter is read
         * as text. Anything else is read again as text of the state. */
        if (st == DOUBLE && !(s + 1 < end && s[1] == '/')) {
            s++;
            continue;
        }
        const char *nm = s + 1 + (st == DOUBLE);
        if (st == ESCAPED && nm < end && *nm == '/') {
            s = nm + 1 + letters(nm + 1, end); /* an end tag other than </script> */
            continue;
        }
        size_t n = letters(nm, end);
        const char *after = nm + n;
        if (n == 6 && px_ascii_ieq(nm, "script", 6) && after < end &&
            (is_ws(*after) || *after == '/' || *after == '>')) {
            st = st == ESCAPED ? DOUBLE : ESCAPED;
            s = after + 1;
        } else {
            s = after > s + 1 ? after : s + 1;
        }
    }
    return end;
}

static unsigned tag_id(const tag *t) { return t->kind >> TAG_ID; }

/* How deep in <svg> and <math> the pass follows the tree. */
#define FOREIGN_MAX 64

/* The runs of white space an <svg> of shapes may hold between its tags. */
#define SVG_WS_MAX 256

enum mode { HTML, SELECT, FOREIGN };

typedef struct elider {
    char *page;
    const char *end;
    char *out;          /* the page is rewritten in place: the output ends here */
    const char *copied; /* input up to here is in the output, or left out */
    bool quiet;         /* reading ahead: leave nothing out */
    enum mode mode;
    unsigned opts;      /* enum px_elide_opt */
    const px_elide_names *names;
    px_elide_values *values; /* NULL: values stay */
    bool runs;               /* text may go too */
    int depth; /* open foreign elements */
    /* <pre> and <listing> print their white space: for each, start tags
     * seen less its own end tags (never fewer than are open: "</listing>"
     * does not close a <pre>). Past a table, a cell or another element
     * that ends the scope of "</pre>" while one is open, which may then
     * leave it open, white space stays as it is. */
    int pre[2];
    bool ws_kept;
    char foreign[FOREIGN_MAX][NAME_CAP];
    /* The content of the open outermost <svg>, from svg_from on, while it
     * may still go (NULL otherwise): its runs of white space so far. */
    const char *svg_from;
    /* Set when that <svg> turned out to hold more than shapes: the pass
     * reads its content again from here, leaving out what it would have
     * left out of any other foreign content (comments, attributes). */
    const char *again;
    size_t nws;
    struct { const char *s; size_t n; } ws[SVG_WS_MAX];
} elider;

/* The open <svg> holds more than shapes: it stays, and what it holds is
 * read again (once: svg_from is gone). */
static void svg_keep(elider *e)
{
    e->again = e->svg_from;
    e->svg_from = NULL;
    e->quiet = false;
}

/* Back to the start of the content of the <svg> svg_keep kept, in the
 * state its start tag left: foreign content one element deep. */
static const char *read_again(elider *e)
{
    const char *s = e->again;
    e->again = NULL;
    e->mode = FOREIGN;
    e->depth = 1;
    return s;
}

/* Leaves [from, to) out of the output, putting with (no longer) in its
 * place. The output never overtakes the input: what the pass reads later
 * is still there. */
static void omit(elider *e, const char *from, const char *to, const char *with)
{
    size_t kept = (size_t)(from - e->copied), n = strlen(with);
    if (e->out != e->copied)
        memmove(e->out, e->copied, kept);
    e->out += kept;
    memcpy(e->out, with, n);
    e->out += n;
    e->copied = to;
}

/* Outside <pre>, pith folds every run of white space in text to one
 * space (px_append_folded, the renderers' put_text) or skips it (the
 * scores): a run of two or more, in text Gumbo reads in its data state,
 * shrinks to one character, a newline if it held one. Form feeds are
 * left alone (--explain counts them as text). */
static bool folds(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/* The end of the run of white space that folds at p (before lt), and in
 * *to the character it folds to when it is two or more long. */
static const char *space_run(const char *p, const char *lt, char *to)
{
    const char *q = p + 1;
    bool nl = *p == '\n' || *p == '\r';
    while (q < lt && folds(*q)) {
        nl |= *q == '\n' || *q == '\r';
        q++;
    }
    *to = nl ? '\n' : *p;
    return q;
}

static void fold_space(elider *e, const char *s, const char *lt)
{
    for (const char *p = s; p < lt; p++) {
        if (!folds(*p))
            continue;
        char to;
        const char *q = space_run(p, lt, &to);
        if (q - p >= 2) {
            if (to != *p)
                omit(e, p, q, "\n");
            else
                omit(e, p + 1, q, "");
        }
        p = q;
    }
}

/* Copies s..lt to o as fold_space leaves it in the page (fold: it does),
 * and returns the end of the copy. */
static char *copy_folded(char *o, const char *s, const char *lt, bool fold)
{
    if (!fold) {
        memcpy(o, s, (size_t)(lt - s));
        return o + (lt - s);
    }
    for (const char *p = s; p < lt;) {
        if (!folds(*p)) {
            *o++ = *p++;
            continue;
        }
        char to;
        const char *q = space_run(p, lt, &to);
        *o++ = q - p >= 2 ? to : *p;
        p = q;
    }
    return o;
}

/* Doubles a list of size bytes a slot to hold one more than *cap. */
static bool grow(const px_alloc *a, void **list, size_t *cap, size_t size)
{
    size_t want = *cap ? 2 * *cap : 64;
    void *m = want <= SIZE_MAX / size ? px_realloc(a, *list, want * size) : NULL;
    if (!m)
        return false;
    *list = m;
    *cap = want;
    return true;
}

/* Is there room for bytes more of text and one more value (or run)? The
 * lists are read by offset until the pass ends: they may move. */
static bool room_for(px_elide_values *vs, size_t bytes, bool run)
{
    if (run ? vs->nruns == vs->runs_cap && !grow(vs->a, (void **)&vs->runs, &vs->runs_cap, sizeof *vs->runs)
            : vs->n == vs->cap && !grow(vs->a, (void **)&vs->attrs, &vs->cap, sizeof *vs->attrs))
        return false;
    if (bytes <= vs->room - vs->used)
        return true;
    size_t room = vs->room;
    while (bytes > room - vs->used)
        if (room > SIZE_MAX / 2)
            return false;
        else
            room = room ? 2 * room : 4096;
    /* Offsets are 32 bits. */
    if (room > UINT32_MAX)
        return false;
    char *t = px_realloc(vs->a, vs->text, room);
    if (!t)
        return false;
    vs->text = t;
    vs->room = room;
    return true;
}

/* The run of text s..lt, between tags in HTML content, goes to e->values
 * from its first character that is not white space to its last, leaving
 * PX_ELIDE_MARK (src/elide.h). White space around it stays, folded (fold)
 * as the rest of the page. False when the run stays as it is. */
static bool take_text(elider *e, const char *s, const char *lt, bool fold)
{
    px_elide_values *vs = e->values;
    const char *x0 = s, *x1 = lt;
    while (x0 < lt && is_ws(*x0))
        x0++;
    while (x1 > x0 && is_ws(x1[-1]))
        x1--;
    /* A form feed is white space to the tree builder, not to the fold:
     * such a run stays (the mark's neighbours could not be told). */
    if (x1 - x0 < TEXT_MIN || memchr(s, '\f', (size_t)(x0 - s)) || memchr(x1, '\f', (size_t)(lt - x1)) ||
        !px_verbatim(x0, (size_t)(x1 - x0)) || !room_for(vs, (size_t)(lt - s) + 1, true))
        return false;
    /* Copied first: the output may later overwrite the run's bytes. */
    char *o0 = vs->text + vs->used;
    char *o = copy_folded(o0, s, x0, fold);
    size_t lead = (size_t)(o - o0);
    o = copy_folded(o, x0, x1, fold);
    char *t = o;
    o = copy_folded(o, x1, lt, fold);
    *o = '\0';
    if (fold)
        fold_space(e, s, x0);
    omit(e, x0, x1, PX_ELIDE_MARK);
    px_elide_run *r = &vs->runs[vs->nruns++];
    r->at = (uint32_t)(e->out - (sizeof PX_ELIDE_MARK - 1) - e->page);
    r->off = (uint32_t)vs->used;
    r->len = (uint32_t)(o - o0);
    r->lead = (uint32_t)lead;
    r->trail = (uint32_t)(o - t);
    vs->used += r->len + 1;
    if (fold)
        fold_space(e, x1, lt);
    return true;
}

/* Text s..lt between tags, in HTML content. */
static void text(elider *e, const char *s, const char *lt)
{
    bool fold = !e->pre[0] && !e->pre[1] && !e->ws_kept;
    if (e->runs && take_text(e, s, lt, fold))
        return;
    if (fold && lt - s >= 2)
        fold_space(e, s, lt);
}

/* Does the tag repeat an attribute name? Gumbo 0.10 then reads the next
 * name on after the repeated one ("a=1 a=2 b=3" gives a and "ab"): which
 * attributes follow a repeated one matters, so none may go. */
static bool repeats_attr(const tag *t)
{
    for (int i = 1; i < t->nattrs; i++)
        for (int j = 0; j < i; j++) {
            const struct attr *x = &t->attrs[i], *y = &t->attrs[j];
            size_t n = (size_t)(x->name_end - x->name);
            if (x->hash == y->hash && n == (size_t)(y->name_end - y->name) &&
                px_ascii_ieq(x->name, y->name, n))
                return true;
        }
    return false;
}

/* The tag's (only) attribute with bit, or NULL. */
static const struct attr *attr_with(const tag *t, unsigned bit)
{
    for (int i = 0; i < t->nattrs; i++)
        if (t->attrs[i].bits & bit)
            return &t->attrs[i];
    return NULL;
}

/* Does the value v[0..n) start as Gumbo and pith will read it: up to its
 * first 5 bytes printable ASCII without a character reference, which
 * neither Gumbo nor the stripping of control characters can change? */
static bool plain_start(const char *v, size_t n)
{
    for (size_t i = 0; i < n && i < 5; i++)
        if (v[i] <= ' ' || v[i] > '~' || v[i] == '&')
            return false;
    return n > 0;
}

/* Is the rel value v[0..n) one a <link>'s href is read for (canonical,
 * image_src), or one the pass cannot be sure of (a reference, a byte
 * that is no printable ASCII: a control the stripping takes out could
 * join two words)? */
static bool rel_wanted(const char *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c == '&' || c > '~' || (c < ' ' && !is_ws((char)c)))
            return true;
        if ((n - i >= 9 && px_ascii_ieq(v + i, "canonical", 9)) ||
            (n - i >= 9 && px_ascii_ieq(v + i, "image_src", 9)))
            return true;
    }
    return false;
}

/* Does pith read attribute at of tag t (read_on_attrs says who)? */
static bool read_on(const tag *t, const struct attr *at)
{
    if (at->bits & A_READ)
        return true;
    unsigned id = tag_id(t);
    if (at->bits & A_SRC)
        return id == T_IMG || id == T_IMAGE || (t->attr_bits & A_ITEM);
    if (at->bits & (A_IMG_LATER | A_SRCSET)) {
        if ((at->bits & A_SRCSET) && id == T_SOURCE)
            return true;
        if (id != T_IMG && id != T_IMAGE)
            return false;
        /* px_image_url takes a src that is there, not empty and no data:
         * URL before all these. */
        const struct attr *src = attr_with(t, A_SRC);
        return !src || !src->v || !plain_start(src->v, (size_t)(src->v_end - src->v)) ||
               (src->v_end - src->v >= 5 && !memcmp(src->v, "data:", 5));
    }
    if (at->bits & A_HREF) {
        if (id == T_A || id == T_BASE || (t->attr_bits & A_ITEM))
            return true;
        if (id != T_LINK)
            return false;
        const struct attr *rel = attr_with(t, A_REL);
        return rel && rel->v && rel_wanted(rel->v, (size_t)(rel->v_end - rel->v));
    }
    return false;
}


/* Takes the value of attribute at (which stays) out of the page into
 * e->values, leaving "" (src/elide.h, px_elide_values). */
static void take_value(elider *e, const struct attr *at)
{
    px_elide_values *vs = e->values;
    size_t n = (size_t)(at->v_end - at->v);
    if (!px_verbatim(at->v, n) || !room_for(vs, n + 1, false))
        return;
    /* Copied first: the output may later overwrite the value's bytes. */
    memcpy(vs->text + vs->used, at->v, n);
    vs->text[vs->used + n] = '\0';
    omit(e, at->v, at->v_end, at->quoted ? "" : "\"\"");
    vs->attrs[vs->n].at = (uint32_t)(e->out - 2 + at->quoted - e->page);
    vs->attrs[vs->n++].off = (uint32_t)vs->used;
    vs->used += n + 1;
}

/* Takes out the tag's attributes that nobody reads (src/elide.h), and the
 * values of the others into e->values. Where the pass is not sure how
 * Gumbo and pith read their names (past ATTRS_MAX, a name repeated, a
 * name with a control, which pith strips so that two names may become
 * one, with bytes past ASCII, which may not be UTF-8 outside pith, or
 * with '=', a quote or '<', where Gumbo 0.10 strays from the tokenizer's
 * rules), it leaves the tag as it is. The attributes of <html> and
 * <body> all stay: a later such tag gives the element those it lacks,
 * and one left as it is would give back what went. So do those of the
 * formatting elements (but <a>, of which the list of open formatting
 * elements holds one at most): the tree builder keeps three alike at most
 * in that list, alike by their attributes and values. */
static void thin_attrs(elider *e, const tag *t)
{
    if (t->more_attrs || t->odd_names || (t->kind & K_FORMAT) || repeats_attr(t))
        return;
    bool merged = !t->closing && (t->kind & K_MERGE);
    for (int i = 0; i < t->nattrs; i++) {
        const struct attr *at = &t->attrs[i];
        if (!(e->opts & PX_ELIDE_ATTRS) || merged || read_on(t, at)) {
            if (e->values && at->v && at->v_end - at->v >= VALUE_MIN && !(at->bits & A_TREE))
                take_value(e, at);
            continue;
        }
        if (!(at->bits & A_FONT) && is_ws(at->name[-1])) {
            const char *to = at->end;
            while (to < t->end && is_ws(*to))
                to++;
            omit(e, at->name, to, "");
            continue;
        }
        /* An unquoted value becomes "": only when that is no longer. */
        if (at->v && at->v_end - at->v >= (at->quoted ? 1 : 3))
            omit(e, at->v, at->v_end, at->quoted ? "" : "\"\"");
    }
}

/* Where the bogus comment, doctype or processing instruction whose body
 * starts at s ends: just past the next '>'. */
static const char *bogus_end(const char *s, const char *end)
{
    const char *gt = memchr(s, '>', (size_t)(end - s));
    return gt ? gt + 1 : end;
}

/* Just past the comment that starts at lt ("<!--"), or end. */
static const char *comment_end(const char *lt, const char *end)
{
    const char *c = lt + 4;
    if (c < end && *c == '>')
        return c + 1;
    if (end - c >= 2 && c[0] == '-' && c[1] == '>')
        return c + 2;
    for (const char *d; (d = memchr(c, '-', (size_t)(end - c))); c = d + 1) {
        if (end - d >= 3 && d[1] == '-' && d[2] == '>')
            return d + 3;
        if (end - d >= 4 && d[1] == '-' && d[2] == '!' && d[3] == '>')
            return d + 4;
    }
    return end;
}

/* "<!" at lt: a comment (its text left out), CDATA in foreign content, or
 * a bogus comment or doctype. NULL: stop here. */
static const char *declaration(elider *e, const char *lt)
{
    const char *end = e->end;
    if (end - lt >= 4 && lt[2] == '-' && lt[3] == '-') {
        const char *ce = comment_end(lt, end);
        if (ce - lt > 7 && !e->quiet)
            omit(e, lt, ce, "<!---->");
        return ce;
    }
    if (e->mode == FOREIGN && end - lt >= 9 && !memcmp(lt + 2, "[CDATA[", 7)) {
        if (lookup(&e->names->tags, e->foreign[e->depth - 1], strlen(e->foreign[e->depth - 1])) &
            K_INTEGRATION)
            return NULL;
        svg_keep(e); /* CDATA is text */
        for (const char *c = lt + 9, *b; (b = memchr(c, ']', (size_t)(end - c))); c = b + 1)
            if (end - b >= 3 && b[1] == ']' && b[2] == '>')
                return b + 3;
        return end;
    }
    return bogus_end(lt + 2, end);
}

/* Reads the markup at lt ('<'): *t is filled when it is a tag. Returns
 * where the tokenizer goes on, *t->name "" and t->end NULL for anything
 * but a tag; NULL when the input ends inside a tag. */
static const char *markup(elider *e, const char *lt, tag *t, bool *stop)
{
    const char *end = e->end, *p = lt + 1;
    memset(t, 0, offsetof(tag, attrs));
    *stop = false;
    if (p >= end)
        return end;
    if (*p == '!') {
        const char *r = declaration(e, lt);
        *stop = !r;
        return r;
    }
    if (*p == '?')
        return bogus_end(p, end);
    t->closing = *p == '/';
    const char *nb = p + t->closing;
    if (nb >= end)
        return end;
    if (!is_alpha(*nb)) {
        if (!t->closing)
            return p; /* a '<' as text */
        /* Gumbo 0.10 takes a "</>" into the source text of the tag after
         * it, and matches foreign end tags to start tags by that text: an
         * <svg> after it, or a "</svg>", may not close. The pass stops. */
        *stop = *nb == '>';
        return *stop ? NULL : bogus_end(nb, end);
    }
    if (!read_tag(e->names, nb, end, t))
        return end;
    /* Read before anything in the tag is left out: t->type points into the
     * input, which the output may then overwrite. A type with a character
     * reference may be JSON-LD too. */
    if (t->typed)
        for (size_t i = 0; i < t->type_len && !t->read_body; i++)
            t->read_body = t->type[i] == '&' ||
                           (t->type_len - i >= 7 && px_ascii_ieq(t->type + i, "ld+json", 7));
    if (t->nattrs && ((e->opts & PX_ELIDE_ATTRS) || e->values) && !e->quiet)
        thin_attrs(e, t);
    return t->end;
}

/* The tag's content is a <script> body: left out unless metadata may read
 * it (JSON-LD: t->read_body). */
static const char *script(elider *e, const tag *t)
{
    const char *be = script_end(t->end, e->end);
    if (!t->read_body && be > t->end)
        omit(e, t->end, be, "");
    return be;
}

static bool frameset_after(const char *s, const char *end)
{
    for (const char *lt; (lt = memchr(s, '<', (size_t)(end - s))); s = lt + 1)
        if (end - lt > 9 && px_ascii_ieq(lt + 1, "frameset", 8))
            return true;
    return false;
}

/* A <template>'s content is left out when the tokenizer reads all of it in
 * its data state whatever the tree builder does: no element in it switches
 * the state. Otherwise (or when a <frameset> follows, which text in the
 * template would have kept out) the pass stops. */
static const char *template(elider *e, const tag *t)
{
    const char *s = t->end, *end = e->end;
    if (frameset_after(s, end))
        return NULL;
    const char *close = end;
    e->quiet = true;
    for (const char *lt; (lt = memchr(s, '<', (size_t)(end - s)));) {
        tag in;
        bool stop;
        const char *next = markup(e, lt, &in, &stop);
        if (stop || (in.end && !in.closing && (in.kind & K_UNSURE))) {
            close = NULL;
            break;
        }
        if (in.end && in.closing && tag_id(&in) == T_TEMPLATE) {
            close = lt;
            break;
        }
        s = next;
    }
    e->quiet = false;
    if (close && close > t->end)
        omit(e, t->end, close, "");
    return close;
}

static const char *html_tag(elider *e, const tag *t)
{
    const char *n = t->name;
    unsigned id = tag_id(t);
    int pre = id == T_PRE ? 0 : id == T_LISTING ? 1 : -1;
    if (t->closing) {
        if (pre >= 0 && e->pre[pre])
            e->pre[pre]--;
        return t->end;
    }
    if (pre >= 0)
        e->pre[pre]++;
    else if ((e->pre[0] || e->pre[1]) && (t->kind & K_SCOPE))
        e->ws_kept = true;
    if (id == T_SCRIPT)
        return script(e, t);
    if (id == T_STYLE) {
        const char *be = raw_end(t->end, e->end, "style");
        if (be > t->end)
            omit(e, t->end, be, "");
        return be;
    }
    if (t->kind & K_TEXT)
        return raw_end(t->end, e->end, n);
    if (id == T_TEMPLATE)
        return template(e, t);
    if ((id == T_SVG || id == T_MATH) && !t->self_closing) {
        e->mode = FOREIGN;
        e->depth = 1;
        memcpy(e->foreign[0], n, NAME_CAP);
        if (id == T_SVG && (e->opts & PX_ELIDE_SVG)) {
            e->svg_from = t->end;
            e->nws = 0;
            e->quiet = true; /* nothing in it goes before its end is seen */
        }
    } else if (id == T_SELECT) {
        e->mode = SELECT;
    } else if (id == T_PLAINTEXT || id == T_FRAMESET) {
        return NULL;
    }
    return t->end;
}

/* In a <select>, the tree builder ignores most start tags (a <style> is
 * not one: its content stays text of the select). */
static const char *select_tag(elider *e, const tag *t)
{
    unsigned id = tag_id(t);
    if (t->kind & K_TABLE)
        return NULL; /* a select in a table closes: not followed */
    if (t->closing) {
        if (id == T_SELECT)
            e->mode = HTML;
        return t->end;
    }
    if (id == T_SCRIPT)
        return script(e, t);
    if (id == T_TEMPLATE)
        return template(e, t);
    if (id == T_SELECT || id == T_INPUT || id == T_KEYGEN || id == T_TEXTAREA) {
        e->mode = HTML; /* they close the select */
        return id != T_TEXTAREA ? t->end : raw_end(t->end, e->end, t->name);
    }
    return t->end;
}

/* An outermost <svg> of shapes has closed at close: its tags go, its
 * white space stays, byte for byte (in a <pre> it is printed). */
static void svg_shapes(elider *e, const char *close)
{
    const char *from = e->svg_from;
    e->svg_from = NULL;
    e->quiet = false;
    size_t kept = (size_t)(from - e->copied), ws = 0;
    for (size_t i = 0; i < e->nws; i++)
        ws += e->ws[i].n;
    if (ws == (size_t)(close - from))
        return; /* white space alone */
    memmove(e->out, e->copied, kept);
    e->out += kept;
    for (size_t i = 0; i < e->nws; i++) {
        memmove(e->out, e->ws[i].s, e->ws[i].n);
        e->out += e->ws[i].n;
    }
    e->copied = close;
}

/* Text between tags in an outermost <svg> that may go: white space is
 * kept for later, anything else keeps the svg whole. */
static void svg_text(elider *e, const char *s, const char *lt)
{
    for (const char *p = s; p < lt; p++)
        if (!is_ws(*p)) {
            svg_keep(e);
            return;
        }
    if (e->nws == SVG_WS_MAX) {
        svg_keep(e);
        return;
    }
    e->ws[e->nws].s = s;
    e->ws[e->nws++].n = (size_t)(lt - s);
}

/* Can an element of this start tag inside an <svg> never be read? Names
 * HTML knows (a, style, title, image, video...) are read by tag, text
 * aside; metadata reads itemprop and itemscope on any element. */
static bool unread_shape(const tag *t)
{
    size_t n = strlen(t->name);
    return !(t->attr_bits & A_ITEM) &&
           (!strcmp(t->name, "svg") || gumbo_tagn_enum(t->name, (unsigned)n) == GUMBO_TAG_UNKNOWN);
}

/* In <svg> and <math> every tag is an element (no state switches) until an
 * end tag closes the outermost one. The pass stops where the tree builder
 * would read HTML again: a start tag in an integration point, an element
 * that breaks out, an end tag of no open foreign element. */
static const char *foreign_tag(elider *e, const char *lt, const tag *t)
{
    const char *n = t->name;
    if (!*n)
        return NULL;
    /* Gumbo 0.10 matches a foreign end tag by its text between "</" and
     * ">" against the start tag's name cut at C's isspace or '/': so
     * "</svg >" closes nothing (and goes on to the HTML rules), a name
     * with a vertical tab is cut short, and strncasecmp stops at a NUL
     * (read as \x01 here). The pass follows none of these. */
    if ((t->closing && !t->bare) || strchr(n, '\v') || strchr(n, '\x01'))
        return NULL;
    if (t->closing) {
        int k = e->depth;
        while (k > 0 && strcmp(e->foreign[k - 1], n))
            k--;
        if (!k)
            return NULL;
        e->depth = k - 1;
        if (!e->depth) {
            e->mode = HTML;
            if (e->svg_from)
                svg_shapes(e, lt);
        }
        return t->end;
    }
    const char *top = e->foreign[e->depth - 1];
    if ((lookup(&e->names->tags, top, strlen(top)) & K_INTEGRATION) || (t->kind & K_BREAKOUT) ||
        (tag_id(t) == T_FONT && (t->attr_bits & A_FONT)))
        return NULL;
    if (e->svg_from && !unread_shape(t))
        svg_keep(e);
    if (!t->self_closing) {
        if (e->depth == FOREIGN_MAX)
            return NULL;
        memcpy(e->foreign[e->depth++], n, NAME_CAP);
    }
    return t->end;
}

int px_elide_values_init(const px_alloc *a, px_elide_values *v, size_t len)
{
    memset(v, 0, sizeof *v);
    v->a = a;
    /* Offsets are 32 bits: a larger page keeps its values and text. */
    if (len >= UINT32_MAX / 2)
        return PITH_OK;
    /* The corpus pages give a fifth of their bytes to text, a value per
     * 100 bytes and a run per 400 or so. */
    v->room = len / 4 + 4096;
    v->cap = len / 64 + 64;
    v->runs_cap = len / 256 + 64;
    v->text = px_malloc(a, v->room);
    v->attrs = px_malloc(a, v->cap * sizeof *v->attrs);
    v->runs = px_malloc(a, v->runs_cap * sizeof *v->runs);
    if (!v->text || !v->attrs || !v->runs) {
        px_elide_values_free(a, v);
        return PITH_ERR_NOMEM;
    }
    return PITH_OK;
}

void px_elide_values_free(const px_alloc *a, px_elide_values *v)
{
    px_free(a, v->text);
    px_free(a, v->attrs);
    px_free(a, v->runs);
    memset(v, 0, sizeof *v);
}

const char *px_elide_value(const px_elide_values *v, size_t at)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->attrs[mid].at == at)
            return v->text + v->attrs[mid].off;
        if (v->attrs[mid].at < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void px_elide_restore(const px_elide_values *v, GumboNode *g, const char *page, size_t len)
{
    const GumboVector *attrs = &g->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        GumboAttribute *at = attrs->data[i];
        const char *o = at->original_value.data;
        if (at->value[0] || at->original_value.length != 2 || o < page || o >= page + len)
            continue;
        const char *val = px_elide_value(v, (size_t)(o - page));
        if (val)
            at->value = val;
    }
}

int px_elide_restore_text(const px_elide_values *v, GumboNode *g, const char *page, size_t len,
                          void *(*alloc)(void *ud, size_t n), void *ud)
{
    const char *o = g->v.text.original_text.data;
    if (!v->nruns || o < page || o >= page + len)
        return PITH_OK;
    size_t from = (size_t)(o - page), to = from + g->v.text.original_text.length;
    size_t lo = 0, hi = v->nruns;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->runs[mid].at < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t first = lo, last = lo;
    while (last < v->nruns && v->runs[last].at < to)
        last++;
    if (first == last)
        return PITH_OK;
    const char *t = g->v.text.text;
    const size_t mark = sizeof PX_ELIDE_MARK - 1;
    const px_elide_run *r = &v->runs[first];
    const char *run = v->text + r->off;
    /* Most nodes are one run: the text is the run as it was. */
    size_t n = strlen(t);
    if (last - first == 1 && n == r->lead + mark + r->trail && !memcmp(t, run, r->lead) &&
        !memcmp(t + r->lead, PX_ELIDE_MARK, mark) && !memcmp(t + r->lead + mark, run + r->len - r->trail, r->trail)) {
        g->v.text.text = run;
        return PITH_OK;
    }
    /* Text that ignored tags joined: each mark, in order, is its run. */
    size_t need = n + 1;
    for (size_t i = first; i < last; i++)
        need += v->runs[i].len - v->runs[i].lead - v->runs[i].trail - mark;
    char *out = alloc(ud, need), *w = out;
    if (!out)
        return PITH_ERR_NOMEM;
    size_t i = first;
    for (const char *p = t; *p;) {
        if (i < last && !memcmp(p, PX_ELIDE_MARK, mark)) {
            r = &v->runs[i++];
            size_t k = r->len - r->lead - r->trail;
            memcpy(w, v->text + r->off + r->lead, k);
            w += k;
            p += mark;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    g->v.text.text = out;
    return PITH_OK;
}

size_t px_elide(char *page, size_t len, unsigned opts, const px_elide_names *names,
                px_elide_values *values)
{
    elider e;
    e.page = page;
    e.values = values && values->text ? values : NULL;
    e.runs = e.values && !px_may_give(page, len, PX_ELIDE_MARK_CP);
    e.out = page;
    e.copied = page;
    e.end = page + len;
    e.quiet = false;
    e.mode = HTML;
    e.opts = opts;
    e.names = names;
    e.depth = 0;
    e.pre[0] = e.pre[1] = 0;
    e.ws_kept = !(opts & PX_ELIDE_SPACE);
    e.svg_from = e.again = NULL;
    const char *s = page, *end = page + len;
    /* Each step that may find an <svg> of more than shapes (svg_keep) is
     * followed by a jump back to its start: nothing of the step is kept. */
    while (s && s < end) {
        const char *lt = memchr(s, '<', (size_t)(end - s));
        if (e.svg_from && lt && lt > s)
            svg_text(&e, s, lt);
        else if (e.mode == HTML && (lt ? lt : end) > s)
            text(&e, s, lt ? lt : end);
        if (e.again) {
            s = read_again(&e);
            continue;
        }
        if (!lt)
            break;
        tag t;
        bool stop;
        s = markup(&e, lt, &t, &stop);
        if (e.svg_from && s == lt + 1)
            svg_keep(&e); /* a '<' as text */
        if (e.again) {
            s = read_again(&e);
            continue;
        }
        if (stop || !t.end)
            continue;
        s = e.mode == FOREIGN ? foreign_tag(&e, lt, &t)
          : e.mode == SELECT  ? select_tag(&e, &t)
                              : html_tag(&e, &t);
        if (e.again)
            s = read_again(&e);
    }
    if (e.copied == page)
        return len;
    size_t rest = (size_t)(end - e.copied);
    memmove(e.out, e.copied, rest);
    e.out[rest] = '\0';
    return (size_t)(e.out + rest - page);
}
