/*
 * Ad-blocking lists, read: each line of Adblock Plus / uBlock Origin
 * syntax becomes an element-hiding rule, an exception, a site where
 * hiding is off, or a count of what was skipped. Nothing in a list is an
 * error: lists are written for browsers, which skip what they do not know,
 * and pith does the same, but counts it (--explain prints the counts).
 *
 * Selectors are taken only in the subset pith matches exactly (README.md,
 * "Ad-blocking lists"); a line with anything else is skipped whole, so a
 * rule is never matched more widely than its author meant.
 */
#include "adblock_impl.h"
#include "ascii.h"

#include <string.h>

/* The longest chain of compounds taken (EasyList's longest is shorter). */
#define MAX_COMPOUNDS 8

void *px_ab_push(px_adblock *ab, void *arrp, size_t *n, size_t *cap, size_t size)
{
    char *arr;
    memcpy(&arr, arrp, sizeof arr);
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        char *na = px_realloc(ab->a, arr, nc * size);
        if (!na) {
            ab->oom = true;
            return NULL;
        }
        arr = na;
        *cap = nc;
        memcpy(arrp, &arr, sizeof arr);
    }
    char *slot = arr + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

px_adblock *px_adblock_new(const px_alloc *a)
{
    px_adblock *ab = px_calloc(a, 1, sizeof *ab);
    if (ab) {
        ab->a = a;
        px_buf_init(&ab->pool, a);
        px_buf_putc(&ab->pool, '\0'); /* offset 0 is "" */
    }
    return ab;
}

void px_adblock_free(px_adblock *ab)
{
    if (!ab)
        return;
    const px_alloc *a = ab->a;
    for (size_t i = 0; i < ab->nfiles; i++)
        px_free(a, ab->files[i]);
    void *arrays[] = {ab->simples, ab->comps, ab->doms, ab->rules, ab->excs, ab->offs,
                      ab->files, ab->counts, ab->slots, ab->list, ab->universal};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        px_free(a, arrays[i]);
    px_buf_free(&ab->pool);
    px_free(a, ab);
}

/* Appends n bytes and a NUL to the pool; returns their offset. */
static uint32_t pool_add(px_adblock *ab, const char *s, size_t n, bool lower)
{
    uint32_t off = (uint32_t)ab->pool.len;
    px_buf_append(&ab->pool, s, n);
    px_buf_putc(&ab->pool, '\0');
    for (char *p = ab->pool.data + off; lower && !ab->pool.oom && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    if (ab->pool.oom || ab->pool.len > UINT32_MAX)
        ab->oom = true;
    return off;
}

/* CSS's white space within one line of a list (the lines are split at
 * \n before): no \v, which CSS takes as part of a name. */
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

static bool ident_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c >= 0x80;
}

static bool hex_digit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* A selector being read: the text and where the reader stands. */
typedef struct cursor {
    const char *s;
    size_t i, n;
} cursor;

/* Narrows [*a, *b) of s to leave out white space at both ends. */
static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && is_space(s[*a]))
        (*a)++;
    while (*b > *a && is_space(s[*b - 1]))
        (*b)--;
}

static void skip_space(cursor *c)
{
    while (c->i < c->n && is_space(c->s[c->i]))
        c->i++;
}

/* Reads a CSS identifier into the pool. A backslash escapes one
 * character ("md\:block"); hex escapes are left to the skipped lines, as
 * EasyList hardly uses them. Returns false when there is none. */
static bool read_ident(px_adblock *ab, cursor *c, bool lower, uint32_t *off, uint32_t *len)
{
    size_t start = ab->pool.len;
    *off = (uint32_t)start;
    /* The common case, no escapes: one append. */
    size_t e = c->i;
    while (e < c->n && ident_char((unsigned char)c->s[e]))
        e++;
    if (e > c->i && (e == c->n || c->s[e] != '\\')) {
        *off = pool_add(ab, c->s + c->i, e - c->i, lower);
        *len = (uint32_t)(e - c->i);
        c->i = e;
        return true;
    }
    while (c->i < c->n) {
        char ch = c->s[c->i];
        if (ch == '\\' && c->i + 1 < c->n && !hex_digit(c->s[c->i + 1]) && c->s[c->i + 1] != '\n') {
            px_buf_putc(&ab->pool, c->s[c->i + 1]);
            c->i += 2;
        } else if (ident_char((unsigned char)ch)) {
            px_buf_putc(&ab->pool, lower ? (char)px_ascii_lower((unsigned char)ch) : ch);
            c->i++;
        } else
            break;
    }
    *len = (uint32_t)(ab->pool.len - start);
    px_buf_putc(&ab->pool, '\0');
    if (ab->pool.oom)
        ab->oom = true;
    return *len > 0 && (c->i >= c->n || c->s[c->i] != '\\');
}

/* [name], [name=v], [name^=v], [name$=v], [name*=v]; v quoted or an
 * identifier. Case flags (i, s) and the other operators are outside the
 * subset. */
static bool read_attr(px_adblock *ab, cursor *c, ab_simple *sp)
{
    static const struct { char lead; unsigned char op; } ops[] = {
        {'^', OP_PREFIX}, {'$', OP_SUFFIX}, {'*', OP_CONTAINS}};
    c->i++; /* [ */
    skip_space(c);
    uint32_t len;
    if (!read_ident(ab, c, true, &sp->name, &len))
        return false;
    sp->kind = S_ATTR;
    skip_space(c);
    if (c->i < c->n && c->s[c->i] == ']') {
        c->i++;
        sp->op = OP_HAS;
        return true;
    }
    sp->op = OP_EQ;
    for (size_t k = 0; k < sizeof ops / sizeof *ops; k++)
        if (c->i < c->n && c->s[c->i] == ops[k].lead) {
            sp->op = ops[k].op;
            c->i++;
        }
    if (c->i >= c->n || c->s[c->i] != '=')
        return false;
    c->i++;
    skip_space(c);
    if (c->i < c->n && (c->s[c->i] == '"' || c->s[c->i] == '\'')) {
        char q = c->s[c->i++];
        size_t start = ab->pool.len;
        sp->value = (uint32_t)start;
        while (c->i < c->n && c->s[c->i] != q) {
            if (c->s[c->i] == '\\') {
                if (c->i + 1 >= c->n || hex_digit(c->s[c->i + 1]))
                    return false;
                c->i++;
            }
            px_buf_putc(&ab->pool, c->s[c->i++]);
        }
        if (c->i >= c->n)
            return false;
        c->i++;
        sp->vlen = (uint32_t)(ab->pool.len - start);
        px_buf_putc(&ab->pool, '\0');
    } else if (!read_ident(ab, c, false, &sp->value, &sp->vlen))
        return false;
    skip_space(c);
    if (c->i >= c->n || c->s[c->i] != ']')
        return false;
    c->i++;
    /* An empty value never matches with ^= $= *= in CSS: keep the rule
     * exact by refusing it rather than matching everything. */
    return sp->op == OP_EQ || sp->vlen > 0;
}

/* One simple selector, after its tag: .class, #id, [attr] or :not(x). */
static bool read_simple(px_adblock *ab, cursor *c, bool in_not)
{
    ab_simple *sp = AB_PUSH(ab, simples);
    if (!sp)
        return false;
    uint32_t len;
    char ch = c->s[c->i];
    if (ch == '.' || ch == '#') {
        c->i++;
        sp->kind = ch == '.' ? S_CLASS : S_ID;
        return read_ident(ab, c, false, &sp->name, &len);
    }
    if (ch == '[')
        return read_attr(ab, c, sp);
    if (in_not && ident_char((unsigned char)ch)) {
        sp->kind = S_TAG;
        if (!read_ident(ab, c, true, &sp->name, &len))
            return false;
        sp->tag = (unsigned short)gumbo_tag_enum(AB_STR(ab, sp->name));
        return true;
    }
    if (ch == ':' && !in_not && c->n - c->i > 5 && !strncmp(c->s + c->i, ":not(", 5)) {
        ab->nsimples--; /* the simple inside stands for it */
        c->i += 5;
        skip_space(c);
        if (c->i >= c->n || !read_simple(ab, c, true))
            return false;
        ab->simples[ab->nsimples - 1].negate = true;
        skip_space(c);
        if (c->i >= c->n || c->s[c->i] != ')')
            return false;
        c->i++;
        return true;
    }
    return false; /* other pseudo-classes, pseudo-elements, namespaces... */
}

/* A compound: an optional tag (or *) and simple selectors. */
static bool read_compound(px_adblock *ab, cursor *c, char comb)
{
    ab_compound *cp = AB_PUSH(ab, comps);
    if (!cp)
        return false;
    cp->first = (uint32_t)ab->nsimples;
    cp->comb = comb;
    size_t start = c->i;
    if (c->i < c->n && c->s[c->i] == '*')
        c->i++;
    else if (c->i < c->n && ident_char((unsigned char)c->s[c->i])) {
        ab_simple *sp = AB_PUSH(ab, simples);
        uint32_t len;
        if (!sp || !read_ident(ab, c, true, &sp->name, &len))
            return false;
        sp->kind = S_TAG;
        sp->tag = (unsigned short)gumbo_tag_enum(AB_STR(ab, sp->name));
    }
    while (c->i < c->n && strchr(".#[:", c->s[c->i]))
        if (!read_simple(ab, c, false))
            return false;
    ab->comps[ab->ncomps - 1].n = (unsigned short)(ab->nsimples - ab->comps[ab->ncomps - 1].first);
    return c->i > start && !ab->oom;
}

/* One complex selector (no commas) into compounds; returns the index of
 * its first compound and sets *ncomp, or false outside the subset. */
static bool read_complex(px_adblock *ab, cursor *c, size_t *ncomp)
{
    size_t first = ab->ncomps;
    char comb = 0;
    skip_space(c);
    for (;;) {
        if (!read_compound(ab, c, comb))
            return false;
        size_t before = c->i;
        skip_space(c);
        if (c->i >= c->n)
            break;
        if (c->s[c->i] == '>') {
            comb = '>';
            c->i++;
            skip_space(c);
        } else if (c->i > before)
            comb = ' ';
        else
            return false; /* + ~ ) and the like */
        if (ab->ncomps - first >= MAX_COMPOUNDS)
            return false;
    }
    *ncomp = ab->ncomps - first;
    return true;
}

/* Functions of uBlock Origin and Adblock Plus that run scripts or read
 * text and style: pith does not run them, and says so in the counts. */
static bool procedural(const char *s, size_t n)
{
    static const char marks[][20] = {
        ":-abp-", ":has-text(", ":has(", ":xpath(", ":upward(", ":remove(", ":style(",
        ":matches-", ":min-text-length(", ":watch-attr(", ":others(", ":if(", ":if-not(",
        ":nth-ancestor(", ":contains(", ":remove-attr(", ":remove-class(", ":shadow(",
    };
    if (n >= 4 && !strncmp(s, "+js(", 4))
        return true;
    for (const char *p = s; (p = memchr(p, ':', (size_t)(s + n - p))); p++)
        for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
            size_t ml = strlen(marks[k]);
            if ((size_t)(s + n - p) >= ml && !memcmp(p, marks[k], ml))
                return true;
        }
    return false;
}

/* Reads "a.com,~b.com" into domains; returns whether one is not negated
 * (the rule is then site-specific). */
static bool read_domains(px_adblock *ab, const char *s, size_t n, char sep, uint32_t *first,
                         uint32_t *count)
{
    bool site = false;
    *first = (uint32_t)ab->ndoms;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != sep)
            j++;
        size_t a = i, b = j;
        trim(s, &a, &b);
        bool neg = a < b && s[a] == '~';
        a += neg;
        if (a < b) {
            ab_domain *d = AB_PUSH(ab, doms);
            if (!d)
                break;
            d->name = pool_add(ab, s + a, b - a, true);
            d->len = (uint32_t)(b - a);
            d->negate = neg;
            site |= !neg;
        }
        i = j + 1;
    }
    *count = (uint32_t)(ab->ndoms - *first);
    return site;
}

/* Where the selector part starts: the separator ##, #@#, #?#, #$#, #%#
 * (and their #@ forms) after a domain list, or NULL for a network rule. */
static const char *separator(const char *s, size_t n, size_t *dlen, bool *exception, bool *proc)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '#') {
            size_t j = i + 1;
            *exception = j < n && s[j] == '@';
            j += *exception;
            *proc = j < n && (s[j] == '?' || s[j] == '$' || s[j] == '%');
            j += *proc;
            if (j < n && s[j] == '#') {
                *dlen = i;
                return s + j + 1;
            }
            return NULL;
        }
        if (!(ident_char(c) || c == '.' || c == ',' || c == '~' || c == '*' || is_space(s[i])))
            return NULL;
    }
    return NULL;
}

/* @@||a.com^$generichide: hiding rules switched off for a site. */
static bool read_siteoff(px_adblock *ab, const char *s, size_t n)
{
    if (n < 4 || strncmp(s, "@@||", 4))
        return false;
    const char *dollar = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '$')
            dollar = s + i;
    if (!dollar)
        return false;
    bool generic = false, all = false;
    for (const char *p = dollar + 1; p < s + n;) {
        const char *q = p;
        while (q < s + n && *q != ',')
            q++;
        size_t l = (size_t)(q - p);
        generic |= (l == 11 && !strncmp(p, "generichide", 11)) || (l == 5 && !strncmp(p, "ghide", 5));
        all |= (l == 8 && !strncmp(p, "elemhide", 8)) || (l == 5 && !strncmp(p, "ehide", 5));
        p = q + 1;
    }
    const char *h = s + 4, *e = h;
    while (e < dollar && (ident_char((unsigned char)*e) || *e == '.'))
        e++;
    /* Only a whole host: "@@||a.com^" or "@@||a.com/" or "$" right after. */
    if (!(generic || all) || e == h || (e < dollar && *e != '^' && *e != '/'))
        return false;
    if (e < dollar && *e == '/' && e + 1 < dollar)
        return false; /* a path: pith does not know which page that is */
    ab_siteoff *o = AB_PUSH(ab, offs);
    if (!o)
        return false;
    o->name = pool_add(ab, h, (size_t)(e - h), true);
    o->len = (uint32_t)(e - h);
    o->all = all;
    return true;
}

/* Splits a selector list at its top-level commas and reads each part;
 * nothing is kept unless every part is in the subset. */
static bool read_selector_list(px_adblock *ab, const char *s, size_t n, int file, int line,
                               uint32_t sel, bool site, uint32_t dom, uint32_t ndom)
{
    size_t start = 0;
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i <= n; i++) {
        char ch = i < n ? s[i] : ',';
        if (quote) {
            if (ch == '\\')
                i++;
            else if (ch == quote)
                quote = 0;
            continue;
        }
        if (ch == '"' || ch == '\'')
            quote = ch;
        else if (ch == '[' || ch == '(')
            depth++;
        else if (ch == ']' || ch == ')')
            depth--;
        if (ch != ',' || depth)
            continue;
        cursor c = {s + start, 0, i - start};
        size_t first = ab->ncomps, ncomp;
        if (!read_complex(ab, &c, &ncomp))
            return false;
        ab_rule *r = AB_PUSH(ab, rules);
        if (!r)
            return false;
        *r = (ab_rule){(uint32_t)first, (unsigned short)ncomp, site, dom, ndom, sel, -1, file, line};
        start = i + 1;
    }
    return !quote && !depth;
}

static void parse_line(px_adblock *ab, int file, int line, const char *s, size_t n)
{
    size_t *count = &ab->counts[(size_t)file * AB_COUNT_MAX];
    size_t dlen;
    bool exception, proc;
    const char *sel = separator(s, n, &dlen, &exception, &proc);
    if (!sel) {
        count[read_siteoff(ab, s, n) ? AB_GENERICHIDE : AB_SKIP_NETWORK]++;
        return;
    }
    size_t slen = (size_t)(s + n - sel);
    while (slen && is_space(*sel)) {
        sel++;
        slen--;
    }
    if (proc || procedural(sel, slen)) {
        count[AB_SKIP_PROCEDURAL]++;
        return;
    }
    /* Marks to roll back to when the selector is outside the subset. */
    size_t marks[] = {ab->nsimples, ab->ncomps, ab->ndoms, ab->nrules, ab->pool.len};
    uint32_t dom, ndom;
    bool site = read_domains(ab, s, dlen, ',', &dom, &ndom);
    uint32_t seloff = pool_add(ab, sel, slen, false);
    if (exception) {
        ab_exception *e = AB_PUSH(ab, excs);
        if (e) {
            *e = (ab_exception){seloff, dom, ndom, -1};
            count[AB_EXCEPTION]++;
        }
        return;
    }
    if (slen && read_selector_list(ab, sel, slen, file, line, seloff, site, dom, ndom)) {
        count[site ? AB_SITE : AB_GENERIC]++;
        return;
    }
    ab->nsimples = marks[0];
    ab->ncomps = marks[1];
    ab->ndoms = marks[2];
    ab->nrules = marks[3];
    ab->pool.len = marks[4];
    count[AB_SKIP_SELECTOR]++;
}

int px_adblock_parse(px_adblock *ab, const char *name, const char *text, size_t len)
{
    char **f = AB_PUSH(ab, files);
    if (!f)
        return PITH_ERR_NOMEM;
    *f = px_strndup(ab->a, name, strlen(name));
    for (int k = 0; k < AB_COUNT_MAX; k++)
        AB_PUSH(ab, counts);
    if (!*f || ab->oom)
        return PITH_ERR_NOMEM;
    int file = (int)ab->nfiles - 1, line = 0;
    for (size_t i = 0; i < len && !ab->oom;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t j = nl ? (size_t)(nl - text) : len;
        line++;
        size_t a = i, b = j;
        trim(text, &a, &b);
        /* Blank lines, "! comments" and the "[Adblock Plus 2.0]" header. */
        if (a < b && text[a] != '!' && text[a] != '[')
            parse_line(ab, file, line, text + a, b - a);
        i = j + 1;
    }
    return ab->oom ? PITH_ERR_NOMEM : PITH_OK;
}

size_t px_adblock_count(const px_adblock *ab, int file, px_ab_count what)
{
    size_t n = 0;
    for (size_t f = 0; f < ab->nfiles; f++)
        if (file < 0 || (size_t)file == f)
            n += ab->counts[f * AB_COUNT_MAX + what];
    return n;
}

int px_adblock_files(const px_adblock *ab) { return (int)ab->nfiles; }

const char *px_adblock_file_name(const px_adblock *ab, int file)
{
    return file >= 0 && (size_t)file < ab->nfiles ? ab->files[file] : "";
}
