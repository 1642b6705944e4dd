#include "json.h"
#include "ascii.h"
#include "utf8.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Arena                                                                */

struct px_json_chunk {
    px_json_chunk *next;
    size_t used, cap;
    _Alignas(max_align_t) unsigned char data[];
};

static void *arena_alloc(px_json_doc *d, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    px_json_chunk *c = d->chunks;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 8192 ? n : 8192;
        if (cap > (size_t)-1 - sizeof *c)
            return NULL;
        c = px_malloc(d->a, sizeof *c + cap);
        if (!c)
            return NULL;
        c->used = 0;
        c->cap = cap;
        c->next = d->chunks;
        d->chunks = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

void px_json_free(px_json_doc *d)
{
    px_json_chunk *c = d->chunks;
    while (c) {
        px_json_chunk *next = c->next;
        px_free(d->a, c);
        c = next;
    }
    d->chunks = NULL;
    d->root = NULL;
}

/* ------------------------------------------------------------------ */
/* Parser                                                               */

typedef struct parser {
    px_json_doc *d;
    const unsigned char *s;
    size_t len, pos;
    int rc;              /* PITH_ERR_INPUT or PITH_ERR_NOMEM once failed */
    px_json **stack;     /* children of the arrays and objects being read */
    const char **kstack; /* keys, parallel to stack */
    size_t top, cap;
} parser;

static void *bad(parser *p)
{
    if (!p->rc) {
        p->rc = PITH_ERR_INPUT;
        p->d->error_at = p->pos;
    }
    return NULL;
}

static void *nomem(parser *p)
{
    p->rc = PITH_ERR_NOMEM;
    return NULL;
}

static void skip_ws(parser *p)
{
    while (p->pos < p->len) {
        unsigned char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

static bool push(parser *p, px_json *v, const char *key)
{
    if (p->top == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        px_json **s = px_realloc(p->d->a, p->stack, cap * sizeof *s); // NOLINT(bugprone-sizeof-expression): an array of pointers
        if (!s)
            return false;
        p->stack = s;
        const char **k = px_realloc(p->d->a, p->kstack, cap * sizeof *k);
        if (!k)
            return false;
        p->kstack = k;
        p->cap = cap;
    }
    p->stack[p->top] = v;
    p->kstack[p->top] = key;
    p->top++;
    return true;
}

static int hex4(const unsigned char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Reads a string at p->pos (on the opening quote). The decoded text is
 * never longer than its source, so one allocation of the source's length
 * holds it. */
static const char *parse_string(parser *p, size_t *out_len)
{
    size_t start = ++p->pos;
    /* Find the closing quote, checking the bytes on the way. */
    size_t i = start;
    for (;;) {
        if (i >= p->len)
            return bad(p);
        unsigned char c = p->s[i];
        if (c == '"')
            break;
        if (c == '\\') {
            if (i + 1 >= p->len)
                return bad(p);
            i += 2;
            continue;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            p->pos = i;
            return bad(p);
        }
        size_t l = px_utf8_valid(p->s + i, p->len - i);
        if (!l) {
            p->pos = i;
            return bad(p);
        }
        i += l;
    }
    size_t end = i;
    char *o = arena_alloc(p->d, end - start + 1);
    if (!o)
        return nomem(p);
    size_t n = 0;
    for (i = start; i < end;) {
        unsigned char c = p->s[i];
        if (c != '\\') {
            o[n++] = (char)c;
            i++;
            continue;
        }
        unsigned char e = p->s[i + 1];
        i += 2;
        switch (e) {
        case '"': o[n++] = '"'; break;
        case '\\': o[n++] = '\\'; break;
        case '/': o[n++] = '/'; break;
        case 'b': o[n++] = '\b'; break;
        case 'f': o[n++] = '\f'; break;
        case 'n': o[n++] = '\n'; break;
        case 'r': o[n++] = '\r'; break;
        case 't': o[n++] = '\t'; break;
        case 'u': {
            int u = i + 4 <= end ? hex4(p->s + i) : -1;
            if (u < 0) {
                p->pos = i;
                return bad(p);
            }
            i += 4;
            unsigned cp = (unsigned)u;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int lo = i + 6 <= end && p->s[i] == '\\' && p->s[i + 1] == 'u' ? hex4(p->s + i + 2) : -1;
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
                    i += 6;
                } else {
                    cp = 0xFFFD;
                }
            } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
                cp = 0xFFFD;
            }
            n += px_utf8_encode(cp, o + n);
            break;
        }
        default:
            p->pos = i - 1;
            return bad(p);
        }
    }
    o[n] = '\0';
    p->pos = end + 1;
    *out_len = n;
    return o;
}


static px_json *parse_value(parser *p, int depth);

static px_json *new_node(parser *p, px_jtype t)
{
    px_json *v = arena_alloc(p->d, sizeof *v);
    if (!v)
        return nomem(p);
    memset(v, 0, sizeof *v);
    v->type = t;
    return v;
}

/* Moves the children pushed since base into v. */
static bool collect(parser *p, px_json *v, size_t base, bool keys)
{
    v->n = p->top - base;
    if (v->n) {
        v->items = arena_alloc(p->d, v->n * sizeof *v->items); // NOLINT(bugprone-sizeof-expression): an array of pointers
        if (!v->items)
            return false;
        memcpy(v->items, p->stack + base, v->n * sizeof *v->items); // NOLINT(bugprone-sizeof-expression): an array of pointers
        if (keys) {
            v->keys = arena_alloc(p->d, v->n * sizeof *v->keys);
            if (!v->keys)
                return false;
            memcpy(v->keys, p->kstack + base, v->n * sizeof *v->keys);
        }
    }
    p->top = base;
    return true;
}

static px_json *parse_container(parser *p, int depth, bool obj)
{
    if (depth >= PX_JSON_MAX_DEPTH) {
        p->d->too_deep = !p->rc;
        return bad(p);
    }
    px_json *v = new_node(p, obj ? PX_JOBJ : PX_JARR);
    if (!v)
        return NULL;
    unsigned char close = obj ? '}' : ']';
    size_t base = p->top;
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return v;
    }
    for (;;) {
        const char *key = NULL;
        if (obj) {
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != '"')
                return bad(p);
            size_t kl;
            key = parse_string(p, &kl);
            if (!key)
                return NULL;
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != ':')
                return bad(p);
            p->pos++;
        }
        px_json *item = parse_value(p, depth + 1);
        if (!item)
            return NULL;
        if (!push(p, item, key))
            return nomem(p);
        skip_ws(p);
        if (p->pos >= p->len)
            return bad(p);
        if (p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->s[p->pos] != close)
            return bad(p);
        p->pos++;
        break;
    }
    if (!collect(p, v, base, obj))
        return nomem(p);
    return v;
}

/* Moves *i past the one or more digits that must start at j; when there
 * are none, leaves the parser at j for the error and returns false. */
static bool digit_run(parser *p, size_t *i, size_t j)
{
    if (j >= p->len || !px_ascii_is_digit(p->s[j])) {
        p->pos = j;
        return false;
    }
    while (j < p->len && px_ascii_is_digit(p->s[j]))
        j++;
    *i = j;
    return true;
}

static px_json *parse_number(parser *p)
{
    size_t start = p->pos, i = p->pos;
    const unsigned char *s = p->s;
    if (i < p->len && s[i] == '-')
        i++;
    if (i < p->len && s[i] == '0') {
        i++;
    } else if (i < p->len && s[i] >= '1' && s[i] <= '9') {
        while (i < p->len && px_ascii_is_digit(s[i]))
            i++;
    } else {
        p->pos = i;
        return bad(p);
    }
    if (i < p->len && s[i] == '.' && !digit_run(p, &i, i + 1))
        return bad(p);
    if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < p->len && (s[j] == '+' || s[j] == '-'))
            j++;
        if (!digit_run(p, &i, j))
            return bad(p);
    }
    px_json *v = new_node(p, PX_JNUM);
    if (!v)
        return NULL;
    char *t = arena_alloc(p->d, i - start + 1);
    if (!t)
        return nomem(p);
    memcpy(t, s + start, i - start);
    t[i - start] = '\0';
    v->s = t;
    v->len = i - start;
    p->pos = i;
    return v;
}

static px_json *parse_word(parser *p, const char *w, px_jtype t, bool b)
{
    size_t n = strlen(w);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, w, n))
        return bad(p);
    p->pos += n;
    px_json *v = new_node(p, t);
    if (v)
        v->b = b;
    return v;
}

static px_json *parse_value(parser *p, int depth)
{
    skip_ws(p);
    if (p->pos >= p->len)
        return bad(p);
    switch (p->s[p->pos]) {
    case '{':
        return parse_container(p, depth, true);
    case '[':
        return parse_container(p, depth, false);
    case '"': {
        px_json *v = new_node(p, PX_JSTR);
        if (!v)
            return NULL;
        v->s = parse_string(p, &v->len);
        return v->s ? v : NULL;
    }
    case 't':
        return parse_word(p, "true", PX_JBOOL, true);
    case 'f':
        return parse_word(p, "false", PX_JBOOL, false);
    case 'n':
        return parse_word(p, "null", PX_JNULL, false);
    default:
        return parse_number(p);
    }
}

int px_json_parse(px_json_doc *doc, const px_alloc *a, const char *s, size_t len)
{
    memset(doc, 0, sizeof *doc);
    doc->a = a;
    parser p = {doc, (const unsigned char *)s, len, 0, 0, NULL, NULL, 0, 0};
    px_json *root = parse_value(&p, 0);
    if (root) {
        skip_ws(&p);
        if (p.pos != p.len)
            bad(&p);
    }
    px_free(a, p.stack);
    px_free(a, p.kstack);
    if (p.rc)
        return p.rc;
    doc->root = root;
    return PITH_OK;
}

const px_json *px_json_get(const px_json *obj, const char *key)
{
    if (!obj || obj->type != PX_JOBJ)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (!strcmp(obj->keys[i], key))
            return obj->items[i];
    return NULL;
}

const char *px_json_str(const px_json *v)
{
    return v && v->type == PX_JSTR ? v->s : NULL;
}

/* ------------------------------------------------------------------ */
/* Writer                                                               */

void px_json_put_string(px_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    px_buf_putc(out, '"');
    size_t run = 0; /* start of the run of bytes copied as they are */
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        char esc[8];
        size_t el = 0, adv = 1;
        if (c < 0x80) {
            switch (c) {
            case '"': esc[0] = '\\'; esc[1] = '"'; el = 2; break;
            case '\\': esc[0] = '\\'; esc[1] = '\\'; el = 2; break;
            case '\b': esc[0] = '\\'; esc[1] = 'b'; el = 2; break;
            case '\f': esc[0] = '\\'; esc[1] = 'f'; el = 2; break;
            case '\n': esc[0] = '\\'; esc[1] = 'n'; el = 2; break;
            case '\r': esc[0] = '\\'; esc[1] = 'r'; el = 2; break;
            case '\t': esc[0] = '\\'; esc[1] = 't'; el = 2; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    memcpy(esc, "\\u00", 4);
                    esc[4] = hex[c >> 4];
                    esc[5] = hex[c & 15];
                    el = 6;
                }
            }
        } else {
            adv = px_utf8_valid(u + i, n - i);
            if (!adv) {
                memcpy(esc, "\\ufffd", 6);
                el = 6;
                adv = 1;
            } else if (adv == 3 && c == 0xE2 && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
                memcpy(esc, u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                el = 6;
            }
        }
        if (el) {
            px_buf_append(out, s + run, i - run);
            px_buf_append(out, esc, el);
            run = i + adv;
        }
        i += adv;
    }
    px_buf_append(out, s + run, n - run);
    px_buf_putc(out, '"');
}

/* Compact, on one line, so that a value can go into a JSON Lines record.
 * Numbers keep their text; strings are written from their decoded value,
 * so an input's escapes may change form but never meaning. */
void px_json_write(px_buf *out, const px_json *v)
{
    switch (v->type) {
    case PX_JNULL: px_buf_puts(out, "null"); break;
    case PX_JBOOL: px_buf_puts(out, v->b ? "true" : "false"); break;
    case PX_JNUM: px_buf_append(out, v->s, v->len); break;
    case PX_JSTR: px_json_put_string(out, v->s, v->len); break;
    case PX_JARR:
    case PX_JOBJ:
        px_buf_putc(out, v->type == PX_JOBJ ? '{' : '[');
        for (size_t i = 0; i < v->n; i++) {
            if (i)
                px_buf_putc(out, ',');
            if (v->type == PX_JOBJ) {
                px_json_put_string(out, v->keys[i], strlen(v->keys[i]));
                px_buf_putc(out, ':');
            }
            px_json_write(out, v->items[i]);
        }
        px_buf_putc(out, v->type == PX_JOBJ ? '}' : ']');
        break;
    }
}
