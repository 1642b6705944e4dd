/*
 * Ad-blocking lists, matched. As in Brave's adblock-rust, each rule is
 * filed under one thing its last compound needs (an id, else a class,
 * else an attribute name, else a tag), so an element looks up only its own
 * id, classes, attribute names and tag: a few hash probes, whatever the
 * length of the list. The few candidates found are then matched right to
 * left up the tree, within a step budget, so that no selector can cost
 * more than a bounded amount per element (a selector over budget counts
 * as no match, never as a match).
 */
#include "adblock_impl.h"

#include <stdio.h>
#include <string.h>
#include "hash.h"

/* Steps one rule may take over one element before it counts as no match:
 * far beyond what EasyList's selectors need, well below a page's cost. */
#define STEP_BUDGET 256

uint32_t px_ab_hash(unsigned char type, const char *s, size_t n)
{
    return px_fnv1a(px_fnv1a_byte(PX_FNV1A_SEED, type), s, n);
}

bool px_ab_domain_match(const char *host, const char *d, size_t dlen)
{
    size_t hlen = strlen(host);
    if (dlen >= 2 && d[dlen - 1] == '*' && d[dlen - 2] == '.') {
        /* example.*: the name "example." at a label start, followed by one
         * or two labels (example.com, example.co.uk). */
        size_t base = dlen - 1;
        for (size_t i = 0; i + base < hlen; i++) {
            if ((i && host[i - 1] != '.') || memcmp(host + i, d, base))
                continue;
            const char *rest = host + i + base;
            const char *dot = strchr(rest, '.');
            return !dot || !strchr(dot + 1, '.');
        }
        return false;
    }
    if (hlen < dlen || memcmp(host + hlen - dlen, d, dlen))
        return false;
    return hlen == dlen || host[hlen - dlen - 1] == '.';
}

/* The slot for a key: its own, or the empty one where it would go. */
static ab_slot *find_slot(const px_adblock *ab, unsigned char type, const char *s, size_t n, uint32_t h)
{
    for (uint32_t i = h & ab->mask;; i = (i + 1) & ab->mask) {
        ab_slot *sl = &ab->slots[i];
        if (!sl->klen || (sl->hash == h && sl->type == type && sl->klen == n &&
                          !memcmp(AB_STR(ab, sl->key), s, n)))
            return sl;
    }
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The longest word of an attribute selector's value that any matching
 * value holds whole (not cut by an open end: the end of ^=, the start of
 * $=, both of *=); 0 when none has three letters. */
static uint32_t value_word(const px_adblock *ab, const ab_simple *sp, uint32_t *at)
{
    const char *v = AB_STR(ab, sp->value);
    bool open_start = sp->op == OP_SUFFIX || sp->op == OP_CONTAINS;
    bool open_end = sp->op == OP_PREFIX || sp->op == OP_CONTAINS;
    uint32_t best = 0;
    for (uint32_t i = 0; i < sp->vlen;) {
        uint32_t j = i;
        while (j < sp->vlen && word_char(v[j]))
            j++;
        if (j - i > best && !(open_start && i == 0) && !(open_end && j == sp->vlen)) {
            best = j - i;
            *at = sp->value + i;
        }
        i = j + 1;
    }
    return best >= 3 ? best : 0;
}

/* The key a rule is filed under: the first of its last compound's id,
 * class, value word, attribute or tag; false for the universal list.
 * *attr is the attribute a K_TOKEN key is a word of. */
static bool rule_key(const px_adblock *ab, const ab_rule *r, unsigned char *type, uint32_t *key,
                     uint32_t *klen, uint32_t *attr)
{
    static const struct { unsigned char kind, type; } order[] = {
        {S_ID, K_ID}, {S_CLASS, K_CLASS}, {S_ATTR, K_TOKEN}, {S_ATTR, K_ATTR}, {S_TAG, K_TAG}};
    const ab_compound *c = &ab->comps[r->comp + r->ncomp - 1u];
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
        for (uint32_t j = c->first; j < c->first + c->n; j++) {
            const ab_simple *sp = &ab->simples[j];
            if (sp->kind != order[k].kind || sp->negate)
                continue;
            *type = order[k].type;
            *attr = sp->name;
            if (*type == K_TOKEN) {
                if (sp->op != OP_HAS && (*klen = value_word(ab, sp, key)))
                    return true;
                continue;
            }
            *key = sp->name;
            *klen = (uint32_t)strlen(AB_STR(ab, sp->name));
            return true;
        }
    return false;
}

/* The chain of exceptions for selector sel in an open-addressed table of
 * cap heads (-1: empty). */
static int *exc_head(const px_adblock *ab, int *heads, size_t cap, uint32_t sel)
{
    const char *s = AB_STR(ab, sel);
    size_t i = px_ab_hash(0, s, strlen(s)) & (cap - 1);
    while (heads[i] >= 0 && strcmp(AB_STR(ab, ab->excs[heads[i]].sel), s))
        i = (i + 1) & (cap - 1);
    return &heads[i];
}

/* Chains the exceptions by selector and points each rule at its chain. */
static int link_exceptions(px_adblock *ab)
{
    if (!ab->nexcs)
        return PITH_OK;
    size_t cap = 16;
    while (cap < ab->nexcs * 2)
        cap *= 2;
    int *heads = px_malloc(ab->a, cap * sizeof *heads);
    if (!heads)
        return PITH_ERR_NOMEM;
    memset(heads, 0xff, cap * sizeof *heads);
    for (size_t e = 0; e < ab->nexcs; e++) {
        int *head = exc_head(ab, heads, cap, ab->excs[e].sel);
        ab->excs[e].next = *head;
        *head = (int)e;
    }
    for (size_t r = 0; r < ab->nrules; r++)
        ab->rules[r].exc = *exc_head(ab, heads, cap, ab->rules[r].sel);
    px_free(ab->a, heads);
    return PITH_OK;
}

int px_adblock_finish(px_adblock *ab)
{
    if (ab->oom || ab->pool.oom || link_exceptions(ab))
        return PITH_ERR_NOMEM;
    size_t cap = 16;
    while (cap < ab->nrules * 4) /* a rule may add its key and a K_ATTR slot */
        cap *= 2;
    ab->slots = px_calloc(ab->a, cap, sizeof *ab->slots);
    ab->list = px_malloc(ab->a, (ab->nrules + 1) * sizeof *ab->list);
    ab->universal = px_malloc(ab->a, (ab->nrules + 1) * sizeof *ab->universal);
    if (!ab->slots || !ab->list || !ab->universal)
        return PITH_ERR_NOMEM;
    ab->mask = (uint32_t)(cap - 1);
    /* Two passes: count the rules per key, then lay the lists out. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t r = 0; r < ab->nrules; r++) {
            unsigned char type;
            uint32_t key, n, attr;
            if (!rule_key(ab, &ab->rules[r], &type, &key, &n, &attr)) {
                if (pass)
                    ab->universal[ab->nuniversal++] = (int)r;
                continue;
            }
            if (type == K_TOKEN) {
                /* The attribute's slot says its values are to be split. */
                const char *an = AB_STR(ab, attr);
                size_t al = strlen(an);
                uint32_t ah = px_ab_hash(K_ATTR, an, al);
                ab_slot *as = find_slot(ab, K_ATTR, an, al, ah);
                if (!as->klen)
                    *as = (ab_slot){ah, attr, (uint32_t)al, K_ATTR, false, 0, 0};
                as->tokens = true;
            }
            const char *s = AB_STR(ab, key);
            uint32_t h = px_ab_hash(type, s, n);
            ab_slot *sl = find_slot(ab, type, s, n, h);
            if (!sl->klen)
                *sl = (ab_slot){h, key, n, type, false, 0, 0};
            if (pass)
                ab->list[sl->first + sl->n] = (int)r;
            sl->n++;
        }
        if (pass)
            break;
        uint32_t at = 0;
        for (size_t i = 0; i < cap; i++) {
            ab->slots[i].first = at;
            at += ab->slots[i].n;
            ab->slots[i].n = 0;
        }
    }
    return PITH_OK;
}

void px_adblock_page(const px_adblock *ab, const char *url, px_ab_page *pg)
{
    memset(pg, 0, sizeof *pg);
    if (!url)
        return;
    const char *h = strstr(url, "://");
    h = h ? h + 3 : !strncmp(url, "//", 2) ? url + 2 : NULL;
    if (!h)
        return;
    size_t n = strcspn(h, "/?#");
    const char *at = memchr(h, '@', n);
    if (at) {
        n -= (size_t)(at + 1 - h);
        h = at + 1;
    }
    const char *colon = memchr(h, ':', n);
    if (colon)
        n = (size_t)(colon - h);
    while (n && h[n - 1] == '.')
        n--;
    if (!n || n >= sizeof pg->host)
        return;
    for (size_t i = 0; i < n; i++)
        pg->host[i] = (char)px_ascii_lower((unsigned char)h[i]);
    for (size_t i = 0; ab && i < ab->noffs; i++)
        if (px_ab_domain_match(pg->host, AB_STR(ab, ab->offs[i].name), ab->offs[i].len)) {
            pg->generic_off = true;
            pg->all_off |= ab->offs[i].all;
        }
}

/* Does the host fall under a domain list? With no host, only a list of
 * exclusions alone ("~a.com") holds. */
static bool domains_hold(const px_adblock *ab, const px_ab_page *pg, uint32_t dom, uint32_t ndom,
                         bool site)
{
    if (!*pg->host)
        return !site;
    bool in = !site;
    for (uint32_t k = dom; k < dom + ndom; k++) {
        const ab_domain *d = &ab->doms[k];
        if (px_ab_domain_match(pg->host, AB_STR(ab, d->name), d->len)) {
            if (d->negate)
                return false;
            in = true;
        }
    }
    return in;
}

static bool has_token(const char *list, const char *tok)
{
    size_t tl = strlen(tok);
    for (const char *p = list; *p;) {
        /* HTML's white space, which splits a class list: not C's, a \v
         * belongs to a class name */
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        const char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' && *q != '\f')
            q++;
        if ((size_t)(q - p) == tl && !memcmp(p, tok, tl))
            return true;
        p = q;
    }
    return false;
}

static bool simple_holds(const px_adblock *ab, const ab_simple *sp, const px_node *nd)
{
    const char *name = AB_STR(ab, sp->name), *v;
    bool ok;
    switch (sp->kind) {
    case S_TAG:
        if (sp->tag != GUMBO_TAG_UNKNOWN)
            ok = nd->tag == sp->tag;
        else {
            char buf[64];
            ok = nd->tag == GUMBO_TAG_UNKNOWN && !strcmp(px_tag_name(nd, buf, sizeof buf), name);
        }
        break;
    case S_ID:
        ok = (v = px_attr(nd, "id")) && !strcmp(v, name);
        break;
    case S_CLASS:
        ok = (v = px_attr(nd, "class")) && has_token(v, name);
        break;
    default: {
        if (!(v = px_attr(nd, name))) {
            ok = false;
            break;
        }
        const char *val = AB_STR(ab, sp->value);
        size_t vl = strlen(v), n = sp->vlen;
        switch (sp->op) {
        case OP_HAS: ok = true; break;
        case OP_EQ: ok = vl == n && !memcmp(v, val, n); break;
        case OP_PREFIX: ok = vl >= n && !memcmp(v, val, n); break;
        case OP_SUFFIX: ok = vl >= n && !memcmp(v + vl - n, val, n); break;
        default: ok = memmem(v, vl, val, n) != NULL; break;
        }
    }
    }
    return ok != sp->negate;
}

static bool is_element(const px_doc *doc, int i)
{
    return i >= 0 && doc->nodes[i].kind == PX_ELEMENT && doc->nodes[i].g &&
           doc->nodes[i].g->type != GUMBO_NODE_DOCUMENT;
}

/* Compound k of the rule holds at node i, and the compounds before it
 * hold up the tree as their combinators say. */
static bool chain_holds(const px_adblock *ab, const ab_rule *r, unsigned k, const px_doc *doc, int i,
                        int *budget)
{
    if (--*budget < 0)
        return false;
    const ab_compound *c = &ab->comps[r->comp + k];
    for (uint32_t j = c->first; j < c->first + c->n; j++)
        if (!simple_holds(ab, &ab->simples[j], &doc->nodes[i]))
            return false;
    if (!k)
        return true;
    int p = doc->nodes[i].parent;
    if (c->comb == '>')
        return is_element(doc, p) && chain_holds(ab, r, k - 1, doc, p, budget);
    for (; is_element(doc, p) && *budget > 0; p = doc->nodes[p].parent)
        if (chain_holds(ab, r, k - 1, doc, p, budget))
            return true;
    return false;
}

static bool excepted(const px_adblock *ab, const px_ab_page *pg, const ab_rule *r)
{
    for (int e = r->exc; e >= 0; e = ab->excs[e].next) {
        const ab_exception *x = &ab->excs[e];
        /* An exception without domains undoes the rule everywhere. */
        if (!x->ndom || (*pg->host && domains_hold(ab, pg, x->dom, x->ndom, true)))
            return true;
    }
    return false;
}

static int try_rules(const px_adblock *ab, const px_ab_page *pg, const px_doc *doc, int i,
                     const int *list, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        const ab_rule *r = &ab->rules[list[k]];
        if ((r->site || !pg->generic_off) && domains_hold(ab, pg, r->dom, r->ndom, r->site)) {
            int budget = STEP_BUDGET;
            if (chain_holds(ab, r, r->ncomp - 1u, doc, i, &budget) && !excepted(ab, pg, r))
                return list[k];
        }
    }
    return -1;
}

static int try_key(const px_adblock *ab, const px_ab_page *pg, const px_doc *doc, int i,
                   unsigned char type, const char *s, size_t n)
{
    if (!n)
        return -1;
    const ab_slot *sl = find_slot(ab, type, s, n, px_ab_hash(type, s, n));
    return sl->klen ? try_rules(ab, pg, doc, i, ab->list + sl->first, sl->n) : -1;
}

/* An attribute: the rules filed under its name, then, when some rules
 * need words of its value, those filed under each word. */
static int try_attr(const px_adblock *ab, const px_ab_page *pg, const px_doc *doc, int i,
                    const char *name, const char *v)
{
    size_t n = strlen(name);
    const ab_slot *sl = find_slot(ab, K_ATTR, name, n, px_ab_hash(K_ATTR, name, n));
    if (!sl->klen)
        return -1;
    int hit = try_rules(ab, pg, doc, i, ab->list + sl->first, sl->n);
    for (const char *p = v; sl->tokens && hit < 0 && *p;) {
        while (*p && !word_char(*p))
            p++;
        const char *q = p;
        while (word_char(*q))
            q++;
        if (q - p >= 3)
            hit = try_key(ab, pg, doc, i, K_TOKEN, p, (size_t)(q - p));
        p = q;
    }
    return hit;
}

int px_adblock_match(const px_adblock *ab, const px_ab_page *pg, const px_doc *doc, int i)
{
    if (!ab || !ab->nrules || pg->all_off || !is_element(doc, i))
        return -1;
    const px_node *nd = &doc->nodes[i];
    const GumboVector *attrs = &nd->g->v.element.attributes;
    int hit = -1;
    for (unsigned a = 0; a < attrs->length && hit < 0; a++) {
        const GumboAttribute *at = attrs->data[a];
        const char *v = at->value;
        if (!strcmp(at->name, "id"))
            hit = try_key(ab, pg, doc, i, K_ID, v, strlen(v));
        else if (!strcmp(at->name, "class"))
            for (const char *p = v; *p && hit < 0;) {
                size_t sp = strspn(p, " \t\n\r\f");
                p += sp;
                size_t tl = strcspn(p, " \t\n\r\f");
                hit = try_key(ab, pg, doc, i, K_CLASS, p, tl);
                p += tl;
            }
        if (hit < 0)
            hit = try_attr(ab, pg, doc, i, at->name, v);
    }
    if (hit < 0) {
        char buf[64];
        const char *tag = px_tag_name(nd, buf, sizeof buf);
        hit = try_key(ab, pg, doc, i, K_TAG, tag, strlen(tag));
    }
    if (hit < 0)
        hit = try_rules(ab, pg, doc, i, ab->universal, (uint32_t)ab->nuniversal);
    return hit;
}

void px_adblock_where(const px_adblock *ab, int rule, char *out, size_t cap)
{
    if (!ab || rule < 0 || (size_t)rule >= ab->nrules) {
        snprintf(out, cap, "?");
        return;
    }
    const ab_rule *r = &ab->rules[rule];
    snprintf(out, cap, "%s:%d", ab->files[r->file], r->line);
}
