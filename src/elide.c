#include "elide.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include "text.h"

/* The tokenizer's white space (a CR becomes an LF before it reads). */
static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Longer tag names matter to no rule here (SVG's longest element name,
 * fecomponenttransfer, has 19 letters). */
#define NAME_CAP 32

/* The attribute values of a tag that the pass may empty; past these, the
 * rest stay. */
#define VALUES_MAX 24

/* A tag as the tokenizer reads it. */
typedef struct tag {
    char name[NAME_CAP]; /* lower case; "" when longer than NAME_CAP - 1 */
    bool closing, self_closing;
    bool bare;           /* nothing between its name and its '>' */
    bool typed;          /* has a type attribute: type[0..type_len) is the first one's value */
    bool read_body;      /* a <script> of JSON-LD, which metadata reads */
    const char *type;
    size_t type_len;
    bool font_attr;      /* a color, face or size attribute */
    bool item_attr;      /* itemprop or itemscope: metadata reads them on any element */
    const char *end;     /* just past its '>' */
    int nvals;           /* attribute values read, up to VALUES_MAX */
    /* (not cleared with the rest: nvals says how many are set) */
    struct value {
        const char *name, *name_end, *v, *v_end;
        bool quoted;
    } vals[VALUES_MAX];
} tag;

/* Is s..e the name lit, in any case? The length is a constant: most names
 * are ruled out without a comparison (this runs for every attribute). */
#define NAME_IS(s, e, lit) \
    ((size_t)((e) - (s)) == sizeof lit - 1 && px_ascii_ieq((s), lit, sizeof lit - 1))

/* An attribute name s..e has been read; is it the first type attribute
 * (whose value is then wanted)? */
static bool attr_named(tag *t, const char *s, const char *e)
{
    if (NAME_IS(s, e, "color") || NAME_IS(s, e, "face") || NAME_IS(s, e, "size"))
        t->font_attr = true;
    if (NAME_IS(s, e, "itemprop") || NAME_IS(s, e, "itemscope"))
        t->item_attr = true;
    if (t->typed || !NAME_IS(s, e, "type"))
        return false;
    t->typed = true;
    t->type = "";
    t->type_len = 0;
    return true;
}

enum tag_state { NAME, BEFORE_ATTR, ATTR, AFTER_ATTR, BEFORE_VALUE, UNQUOTED, AFTER_QUOTED, SOLIDUS };

/* Reads the tag whose name starts at s (just after "<" or "</"), state by
 * state as the tokenizer does, so that a '>' inside a quoted value does not
 * end it. False when the input ends inside the tag (the tokenizer then
 * drops it). */
static bool read_tag(const char *s, const char *end, tag *t)
{
    enum tag_state st = NAME;
    size_t nl = 0;
    const char *an = NULL, *ae = NULL, *vs = NULL;
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
                want = attr_named(t, an, p);
                ae = p;
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
                if (t->nvals < VALUES_MAX)
                    t->vals[t->nvals++] = (struct value){an, ae, p + 1, q, true};
                p = q;
                st = AFTER_QUOTED;
            } else if (c == '>') {
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
                if (t->nvals < VALUES_MAX)
                    t->vals[t->nvals++] = (struct value){an, ae, vs, p, false};
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

/* Elements that end foreign content when they start inside it (and
 * <font> with color, face or size). */
static const char *const breakout[] = {
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
    "sub", "sup", "table", "tt", "u", "ul", "var",
};

/* SVG and MathML elements whose content is HTML again (the namespace is
 * not tracked, so a name is enough). */
static const char *const integration[] = {
    "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
};

/* Table tags: inside a <select> in a table they close the select. */
static const char *const table_tags[] = {
    "caption", "table", "tbody", "tfoot", "thead", "tr", "td", "th",
};

/* In a template's content, elements that switch the tokenizer's state or
 * how later tags are read: such a template is left whole. */
static const char *const template_unsure[] = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "plaintext", "svg", "math", "template", "frameset",
};

/* Elements whose content is text to their end tag. */
static const char *const text_tags[] = {
    "textarea", "title", "xmp", "iframe", "noembed", "noframes",
};

#define IN(name, list) in_list(name, list, sizeof list / sizeof *list)

static bool in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == name[0] && !strcmp(list[i], name))
            return true;
    return false;
}

/* How deep in <svg> and <math> the pass follows the tree. */
#define FOREIGN_MAX 64

/* The runs of white space an <svg> of shapes may hold between its tags. */
#define SVG_WS_MAX 256

enum mode { HTML, SELECT, FOREIGN };

typedef struct elider {
    const char *end;
    char *out;          /* the page is rewritten in place: the output ends here */
    const char *copied; /* input up to here is in the output, or left out */
    bool quiet;         /* reading ahead: leave nothing out */
    enum mode mode;
    unsigned opts;      /* enum px_elide_opt */
    const char *const *keep; /* attributes the rules read */
    size_t nkeep;
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
    size_t nws;
    struct { const char *s; size_t n; } ws[SVG_WS_MAX];
} elider;

/* Elements that stop an end tag's search for an open <pre> (HTML's
 * default scope; the foreign ones end the pass before it could matter). */
static const char *const scope_tags[] = {
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    "select",
};

/* The open <svg> holds more than shapes: it stays whole. */
static void svg_keep(elider *e)
{
    e->svg_from = NULL;
    e->quiet = false;
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
static void fold_space(elider *e, const char *s, const char *lt)
{
    for (const char *p = s; p < lt; p++) {
        if (!(*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
            continue;
        const char *q = p + 1;
        bool nl = *p == '\n' || *p == '\r';
        while (q < lt && (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')) {
            nl |= *q == '\n' || *q == '\r';
            q++;
        }
        if (q - p >= 2) {
            if (nl && *p != '\n')
                omit(e, p, q, "\n");
            else
                omit(e, p + 1, q, "");
        }
        p = q;
    }
}

/* Attributes whose values someone reads: pith (px_attr and
 * gumbo_get_attribute in src/, with the names in the tables of boxes.c
 * and render_common.c; the rules' come from the rule set) and Gumbo's
 * tree builder (script and input type, annotation-xml encoding, isindex
 * prompt and action). In foreign content Gumbo names xlink:href "href"
 * (in the XLink namespace; px_attr compares names alone), and likewise
 * xlink:role, xlink:title, xlink:type and xml:lang. Sorted (strcmp).
 * tests/cli/attr-table.sh holds src/ to it. */
static const char *const read_attrs[] = {
    "action", "alt", "aria-controls", "aria-expanded", "aria-haspopup", "aria-hidden",
    "charset", "class", "colspan", "content", "data-bs-toggle", "data-lang", "data-language",
    "data-lazy-src", "data-original", "data-src", "data-srcset", "data-toggle", "datetime",
    "encoding", "hidden", "href", "http-equiv", "id", "itemprop", "itemscope", "lang", "name",
    "prompt", "property", "pubdate", "rel", "role", "src", "srcset", "start", "style", "title",
    "type", "xlink:href", "xlink:role", "xlink:title", "xlink:type", "xml:lang",
};

bool px_elide_reads_attr(const char *name, size_t n)
{
    size_t lo = 0, hi = sizeof read_attrs / sizeof *read_attrs;
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

/* Empties the values of the tag's attributes that nobody reads: name=""
 * stays, so that a selector for the attribute's presence still holds. */
static void empty_values(elider *e, const tag *t)
{
    for (int i = 0; i < t->nvals; i++) {
        const struct value *v = &t->vals[i];
        size_t n = (size_t)(v->name_end - v->name);
        /* An unquoted value becomes "": only when that is no longer. */
        if (v->v_end - v->v < (v->quoted ? 1 : 3) || px_elide_reads_attr(v->name, n))
            continue;
        bool kept = false;
        for (size_t k = 0; k < e->nkeep && !kept; k++)
            kept = strlen(e->keep[k]) == n && px_ascii_ieq(v->name, e->keep[k], n);
        if (!kept)
            omit(e, v->v, v->v_end, v->quoted ? "" : "\"\"");
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
        if (IN(e->foreign[e->depth - 1], integration))
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
    memset(t, 0, offsetof(tag, vals));
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
        return *nb == '>' ? nb + 1 : bogus_end(nb, end);
    }
    if (!read_tag(nb, end, t))
        return end;
    /* Read before anything in the tag is left out: t->type points into the
     * input, which the output may then overwrite. A type with a character
     * reference may be JSON-LD too. */
    if (t->typed)
        for (size_t i = 0; i < t->type_len && !t->read_body; i++)
            t->read_body = t->type[i] == '&' ||
                           (t->type_len - i >= 7 && px_ascii_ieq(t->type + i, "ld+json", 7));
    if (t->nvals && (e->opts & PX_ELIDE_ATTRS) && !e->quiet)
        empty_values(e, t);
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
        if (stop || (in.end && !in.closing && IN(in.name, template_unsure))) {
            close = NULL;
            break;
        }
        if (in.end && in.closing && !strcmp(in.name, "template")) {
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
    int pre = !strcmp(n, "pre") ? 0 : !strcmp(n, "listing") ? 1 : -1;
    if (t->closing) {
        if (pre >= 0 && e->pre[pre])
            e->pre[pre]--;
        return t->end;
    }
    if (pre >= 0)
        e->pre[pre]++;
    else if ((e->pre[0] || e->pre[1]) && IN(n, scope_tags))
        e->ws_kept = true;
    if (!strcmp(n, "script"))
        return script(e, t);
    if (!strcmp(n, "style")) {
        const char *be = raw_end(t->end, e->end, "style");
        if (be > t->end)
            omit(e, t->end, be, "");
        return be;
    }
    if (IN(n, text_tags))
        return raw_end(t->end, e->end, n);
    if (!strcmp(n, "template"))
        return template(e, t);
    if ((!strcmp(n, "svg") || !strcmp(n, "math")) && !t->self_closing) {
        e->mode = FOREIGN;
        e->depth = 1;
        memcpy(e->foreign[0], n, NAME_CAP);
        if (*n == 's' && (e->opts & PX_ELIDE_SVG)) {
            e->svg_from = t->end;
            e->nws = 0;
            e->quiet = true; /* nothing in it goes before its end is seen */
        }
    } else if (!strcmp(n, "select")) {
        e->mode = SELECT;
    } else if (!strcmp(n, "plaintext") || !strcmp(n, "frameset")) {
        return NULL;
    }
    return t->end;
}

/* In a <select>, the tree builder ignores most start tags (a <style> is
 * not one: its content stays text of the select). */
static const char *select_tag(elider *e, const tag *t)
{
    const char *n = t->name;
    if (IN(n, table_tags))
        return NULL; /* a select in a table closes: not followed */
    if (t->closing) {
        if (!strcmp(n, "select"))
            e->mode = HTML;
        return t->end;
    }
    if (!strcmp(n, "script"))
        return script(e, t);
    if (!strcmp(n, "template"))
        return template(e, t);
    if (!strcmp(n, "select") || !strcmp(n, "input") || !strcmp(n, "keygen") ||
        !strcmp(n, "textarea")) {
        e->mode = HTML; /* they close the select */
        return strcmp(n, "textarea") ? t->end : raw_end(t->end, e->end, n);
    }
    return t->end;
}

/* An outermost <svg> of shapes has closed at close: its tags go, its
 * white space stays, byte for byte (in a <pre> it is printed). */
static void svg_shapes(elider *e, const char *close)
{
    const char *from = e->svg_from;
    svg_keep(e);
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
    return !t->item_attr &&
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
    if (IN(e->foreign[e->depth - 1], integration) || IN(n, breakout) ||
        (!strcmp(n, "font") && t->font_attr))
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

size_t px_elide(char *page, size_t len, unsigned opts, const char *const *keep, size_t nkeep)
{
    elider e;
    e.out = page;
    e.copied = page;
    e.end = page + len;
    e.quiet = false;
    e.mode = HTML;
    e.opts = opts;
    e.keep = keep;
    e.nkeep = nkeep;
    e.depth = 0;
    e.pre[0] = e.pre[1] = 0;
    e.ws_kept = !(opts & PX_ELIDE_SPACE);
    e.svg_from = NULL;
    const char *s = page, *end = page + len;
    while (s && s < end) {
        const char *lt = memchr(s, '<', (size_t)(end - s));
        if (e.svg_from && lt && lt > s)
            svg_text(&e, s, lt);
        else if ((lt ? lt : end) - s >= 2 && e.mode == HTML && !e.pre[0] && !e.pre[1] &&
                 !e.ws_kept)
            fold_space(&e, s, lt ? lt : end);
        if (!lt)
            break;
        tag t;
        bool stop;
        s = markup(&e, lt, &t, &stop);
        if (e.svg_from && s == lt + 1)
            svg_keep(&e); /* a '<' as text */
        if (stop || !t.end)
            continue;
        s = e.mode == FOREIGN ? foreign_tag(&e, lt, &t)
          : e.mode == SELECT  ? select_tag(&e, &t)
                              : html_tag(&e, &t);
    }
    if (e.copied == page)
        return len;
    size_t rest = (size_t)(end - e.copied);
    memmove(e.out, e.copied, rest);
    e.out[rest] = '\0';
    return (size_t)(e.out + rest - page);
}
