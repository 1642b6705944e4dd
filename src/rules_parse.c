/*
 * The rule engine's parser: rule files (rules/README.md) read into a rule
 * set, their patterns compiled and their literals gathered for the
 * scanner, or the bundled rules taken from their image. The matcher that
 * applies the set to a page is rules_match.c.
 */
#include "rules_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"

px_ruleset *px_rules_new(const px_alloc *a)
{
    px_ruleset *rs = px_calloc(a, 1, sizeof *rs);
    if (!rs)
        return NULL;
    rs->a = a;
    rs->gctx = px_pcre2_context(a);
    rs->spare_jit = px_malloc(a, PX_JIT_SPARES * sizeof *rs->spare_jit);
    if (!rs->gctx || !rs->spare_jit) {
        pcre2_general_context_free(rs->gctx);
        px_free(a, (void *)rs->spare_jit);
        px_free(a, rs);
        return NULL;
    }
    for (int i = 0; i < PX_JIT_SPARES; i++)
        atomic_init(&rs->spare_jit[i], NULL);
    return rs;
}

/* Frees a rule's matchers that a rule file added (never an image's:
 * those are static data); their strings are in the rule set's pool. */
static void free_matchers(const px_alloc *a, const matcher *m) { px_free(a, (void *)m); }

/* Frees pattern i's code, and its text if a rule file added it. */
static void free_pattern(px_ruleset *rs, int i)
{
    if (i >= rs->image_pats) {
        pattern_text *t = &rs->texts[i - rs->image_pats];
        px_free(rs->a, (void *)t->src);
        px_free(rs->a, (void *)t->lits);
        px_free(rs->a, (void *)t->head);
    }
    pcre2_code_free(atomic_load(&rs->pats[i].code));
    pcre2_code_free(atomic_load(&rs->pats[i].jitted));
}

void px_rules_free(px_ruleset *rs)
{
    if (!rs)
        return;
    const px_alloc *a = rs->a;
    for (int i = rs->image_rules; i < rs->nrules; i++)
        free_matchers(a, rs->rules[i].m);
    if (rs->mstr_cap)
        px_free(a, (void *)rs->mstr);
    for (int i = 0; i < rs->npats; i++)
        free_pattern(rs, i);
    px_free(a, rs->keys);
    if (!rs->image_lists) {
        px_free(a, rs->elem_list);
        px_free(a, rs->text_list);
    }
    if (!rs->image_gates)
        px_free(a, rs->gates);
    px_rules_index_free(rs);
    px_scanner_free(rs->scan);
    for (int i = rs->image_files; i < rs->nfiles; i++)
        px_free(a, (void *)rs->files[i]);
    if (rs->caprules)
        px_free(a, rs->rules);
    px_free(a, rs->pats);
    px_free(a, rs->texts);
    px_free(a, rs->files);
    for (int i = 0; i < PX_JIT_SPARES; i++)
        pcre2_jit_stack_free(atomic_load(&rs->spare_jit[i]));
    px_free(a, (void *)rs->spare_jit);
    pcre2_general_context_free(rs->gctx);
    px_free(a, rs);
}

/* ---- parsing ---------------------------------------------------------- */

typedef struct parser {
    px_ruleset *rs;
    const char *name;
    int line;
    pith_error *err;
} parser;

static int perr(parser *p, const char *fmt, const char *arg, size_t arglen)
{
    char what[200];
    snprintf(what, sizeof what, fmt, (int)(arglen > 80 ? 80 : arglen), arg);
    return px_error(p->err, PITH_ERR_RULES, "%s:%d: %s", p->name, p->line, what);
}

static bool grow(const px_alloc *a, void **arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return true;
    int nc = *cap ? *cap * 2 : 16;
    while (nc < need)
        nc *= 2;
    void *d = px_realloc(a, *arr, (size_t)nc * elem);
    if (!d)
        return false;
    *arr = d;
    *cap = nc;
    return true;
}

/* Makes rs->rules ours to add to: an image's rules are read in place
 * until a rule file adds one (their matchers stay the image's). */
static bool own_rules(px_ruleset *rs)
{
    if (rs->caprules || !rs->nrules)
        return true;
    rule *own = px_malloc(rs->a, (size_t)rs->nrules * sizeof *own);
    if (!own)
        return false;
    memcpy(own, rs->rules, (size_t)rs->nrules * sizeof *own);
    rs->rules = own;
    rs->caprules = rs->nrules;
    return true;
}

/* Adds the n bytes at s and a '\0' to the matchers' strings, at *off.
 * The pool an image brings is copied the first time: offsets into it
 * stay what they were. */
static int add_mstr(parser *p, const char *s, size_t n, uint32_t *off)
{
    px_ruleset *rs = p->rs;
    size_t len = rs->mstr_len ? rs->mstr_len : 1; /* offset 0 stays none */
    if (n >= UINT32_MAX - len)
        return perr(p, "rule strings over 4 GB at '%.*s'", s, n);
    if (len + n + 1 > rs->mstr_cap) {
        size_t cap = rs->mstr_cap ? rs->mstr_cap : 256;
        while (cap < len + n + 1)
            cap *= 2;
        char *d = rs->mstr_cap ? px_realloc(rs->a, (void *)rs->mstr, cap) : px_malloc(rs->a, cap);
        if (!d)
            return PITH_ERR_NOMEM;
        if (!rs->mstr_cap) {
            d[0] = '\0';
            if (rs->mstr_len)
                memcpy(d, rs->mstr, rs->mstr_len);
        }
        rs->mstr = d;
        rs->mstr_cap = cap;
    }
    char *w = (char *)rs->mstr;
    memcpy(w + len, s, n);
    w[len + n] = '\0';
    rs->mstr_len = len + n + 1;
    *off = (uint32_t)len;
    return PITH_OK;
}

/* The index of the pattern src with flags f, or -1. The bundled files
 * repeat the same guards ("not a post container") in rule after rule: one
 * pattern, compiled once and tested once per subject. */
static int find_pattern(const px_ruleset *rs, const char *src, size_t len, uint32_t f)
{
    for (int i = 0; i < rs->npats; i++) {
        const char *s = px_pat_src(rs, i);
        if (px_pat_flags(rs, i) == f && !strncmp(s, src, len) && s[len] == '\0')
            return i;
    }
    return -1;
}

static int add_pattern(parser *p, const char *src, size_t len, const char *flags, size_t flen,
                       int *idx)
{
    px_ruleset *rs = p->rs;
    uint32_t f = PCRE2_UTF | PCRE2_UCP;
    for (size_t i = 0; i < flen; i++) {
        if (flags[i] == 'i')
            f |= PCRE2_CASELESS;
        else if (flags[i] == 'x')
            f |= PCRE2_EXTENDED;
        else
            return perr(p, "unknown pattern flag '%.*s'", flags + i, 1);
    }
    /* Compiled now, so that an error names its line; the code is kept.
     * (The bundled rules come compiled: see px_rules_add_image.) */
    int ec = 0;
    PCRE2_SIZE off = 0;
    pcre2_compile_context *cc = pcre2_compile_context_create(rs->gctx);
    if (!cc)
        return PITH_ERR_NOMEM;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, len, f, &ec, &off, cc);
    pcre2_compile_context_free(cc);
    if (!code && ec == PCRE2_ERROR_HEAP_FAILED)
        return PITH_ERR_NOMEM;
    if (!code) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(ec, msg, sizeof msg);
        char buf[260];
        snprintf(buf, sizeof buf, "bad pattern at offset %zu: %s", (size_t)off, (char *)msg);
        return px_error(p->err, PITH_ERR_RULES, "%s:%d: %s", p->name, p->line, buf);
    }
    *idx = find_pattern(rs, src, len, f);
    if (*idx >= 0) {
        pattern *pt = &rs->pats[*idx];
        pcre2_code *none = NULL;
        if (code && !atomic_compare_exchange_strong(&pt->code, &none, code))
            pcre2_code_free(code);
        return PITH_OK;
    }
    int t = rs->npats - rs->image_pats;
    if (!grow(rs->a, (void **)&rs->pats, &rs->cappats, rs->npats + 1, sizeof *rs->pats) ||
        !grow(rs->a, (void **)&rs->texts, &rs->captexts, t + 1, sizeof *rs->texts)) {
        pcre2_code_free(code);
        return PITH_ERR_NOMEM;
    }
    pattern_text *tx = &rs->texts[t];
    memset(tx, 0, sizeof *tx);
    tx->src = px_strndup(rs->a, src, len);
    if (!tx->src) {
        pcre2_code_free(code);
        return PITH_ERR_NOMEM;
    }
    tx->flags = f;
    pattern *pt = &rs->pats[rs->npats];
    atomic_init(&pt->code, code);
    atomic_init(&pt->jitted, NULL);
    atomic_init(&pt->uses, 0);
    atomic_init(&pt->jit_claimed, false);
    *idx = rs->npats++;
    return PITH_OK;
}

/* Reads "/RE/FLAGS" at s; on success sets *end past it. */
static int read_pattern(parser *p, const char *s, const char *lim, const char **end, matcher *m)
{
    if (s >= lim || *s != '/')
        return perr(p, "expected /pattern/ after '~' in '%.*s'", s, (size_t)(lim - s));
    const char *b = ++s;
    while (s < lim && *s != '/') {
        if (*s == '\\' && s + 1 < lim)
            s++;
        s++;
    }
    if (s >= lim)
        return perr(p, "unterminated pattern '/%.*s'", b, (size_t)(lim - b));
    const char *pe = s++;
    const char *fb = s;
    while (s < lim && *s != ' ' && *s != '\t')
        s++;
    /* "\/" stands for "/" in the file; PCRE2 would accept it too, but
     * unescaping keeps the stored pattern what the author meant. */
    char stackbuf[512];
    size_t plen = (size_t)(pe - b);
    char *pat = plen < sizeof stackbuf ? stackbuf : px_malloc(p->rs->a, plen + 1);
    if (!pat)
        return PITH_ERR_NOMEM;
    size_t k = 0;
    for (const char *q = b; q < pe; q++) {
        if (q[0] == '\\' && q + 1 < pe && q[1] == '/')
            q++;
        pat[k++] = *q;
    }
    int rc = add_pattern(p, pat, k, fb, (size_t)(s - fb), &m->pat);
    if (pat != stackbuf)
        px_free(p->rs->a, pat);
    *end = s;
    return rc;
}

static int parse_tags(parser *p, matcher *m, const char *v, size_t n)
{
    px_buf unknown;
    px_buf_init(&unknown, p->rs->a);
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && v[j] != ',')
            j++;
        if (j == i) {
            px_buf_free(&unknown);
            return perr(p, "empty tag name in '%.*s'", v, n);
        }
        char name[64];
        size_t k = j - i < sizeof name - 1 ? j - i : sizeof name - 1;
        for (size_t q = 0; q < k; q++)
            name[q] = (char)px_ascii_lower((unsigned char)v[i + q]);
        name[k] = '\0';
        GumboTag t = gumbo_tag_enum(name);
        if (t == GUMBO_TAG_UNKNOWN) {
            px_buf_append(&unknown, name, k + 1);
        } else {
            m->tags[t / 32] |= 1u << (t % 32);
        }
        i = j + 1;
    }
    int rc = unknown.oom ? PITH_ERR_NOMEM : PITH_OK;
    if (!rc && unknown.len)
        rc = add_mstr(p, unknown.data, unknown.len, &m->tagnames);
    px_buf_free(&unknown);
    return rc;
}

typedef struct mdesc {
    char key[8];
    enum mkind eq;   /* kind for key=VALUE, or -1 */
    enum mkind re;   /* kind for key~/RE/, or -1 */
} mdesc;

static const mdesc mtable[] = {
    {"tag", M_TAG, (enum mkind)-1},
    {"id", M_ID, M_ID_RE},
    {"class", M_CLASS, M_CLASS_RE},
    {"idclass", (enum mkind)-1, M_IDCLASS_RE},
    {"role", M_ROLE, (enum mkind)-1},
    {"attr", M_ATTR, (enum mkind)-1}, /* patterns: attr=NAME~/RE/ */
    {"text", (enum mkind)-1, M_TEXT_RE},
    {"maxlen", M_MAXLEN, (enum mkind)-1},
};

/* Parses one matcher token starting at s. */
static int parse_matcher(parser *p, const char *s, const char *lim, const char **end, matcher *m)
{
    memset(m, 0, sizeof *m);
    m->pat = -1;
    const char *k = s;
    while (s < lim && *s != '=' && *s != '~' && *s != '!' && *s != ' ' && *s != '\t')
        s++;
    size_t klen = (size_t)(s - k);
    const mdesc *d = NULL;
    for (size_t i = 0; i < sizeof mtable / sizeof *mtable; i++)
        if (strlen(mtable[i].key) == klen && !memcmp(mtable[i].key, k, klen))
            d = &mtable[i];
    const char *tok_end = s;
    while (tok_end < lim && *tok_end != ' ' && *tok_end != '\t')
        tok_end++;
    if (!d || s >= lim || *s == ' ' || *s == '\t')
        return perr(p, "unknown matcher '%.*s'", k, (size_t)(tok_end - k));

    bool neg = false;
    if (*s == '!') {
        neg = true;
        s++;
    }
    if (s < lim && *s == '~') {
        if ((int)d->re < 0 && d->eq == M_ATTR)
            return perr(p, "'%.*s~' needs a name: write attr=NAME~/pattern/", k, klen);
        if ((int)d->re < 0)
            return perr(p, "'%.*s' takes no pattern", k, klen);
        m->kind = d->re;
        m->negate = neg;
        return read_pattern(p, s + 1, lim, end, m);
    }
    if (neg || s >= lim || *s != '=' || (int)d->eq < 0)
        return perr(p, "malformed matcher '%.*s'", k, (size_t)(tok_end - k));
    s++;
    /* attr=NAME, attr=NAME=VALUE and attr=NAME~/RE/ */
    if (d->eq == M_ATTR) {
        const char *nb = s;
        while (s < lim && *s != '=' && *s != '~' && *s != '!' && *s != ' ' && *s != '\t')
            s++;
        if (s == nb)
            return perr(p, "attr= needs a name in '%.*s'", k, (size_t)(tok_end - k));
        int rc = add_mstr(p, nb, (size_t)(s - nb), &m->name);
        if (rc)
            return rc;
        if (s < lim && (*s == '~' || (*s == '!' && s + 1 < lim && s[1] == '~'))) {
            m->negate = *s == '!';
            m->kind = M_ATTR_RE;
            return read_pattern(p, s + 1 + m->negate, lim, end, m);
        }
        if (s < lim && *s == '=') {
            const char *vb = ++s;
            while (s < lim && *s != ' ' && *s != '\t')
                s++;
            m->kind = M_ATTR_EQ;
            *end = s;
            return add_mstr(p, vb, (size_t)(s - vb), &m->value);
        }
        m->kind = M_ATTR;
        *end = s;
        return PITH_OK;
    }
    const char *vb = s;
    while (s < lim && *s != ' ' && *s != '\t')
        s++;
    size_t vlen = (size_t)(s - vb);
    *end = s;
    if (!vlen)
        return perr(p, "empty value in '%.*s'", k, (size_t)(tok_end - k));
    m->kind = d->eq;
    if (m->kind == M_TAG)
        return parse_tags(p, m, vb, vlen);
    if (m->kind == M_MAXLEN) {
        char num[24];
        if (vlen >= sizeof num)
            return perr(p, "bad maxlen '%.*s'", vb, vlen);
        memcpy(num, vb, vlen);
        num[vlen] = '\0';
        char *ep;
        long v = strtol(num, &ep, 10);
        if (*ep || v <= 0 || v > 1000000)
            return perr(p, "bad maxlen '%.*s'", vb, vlen);
        m->maxlen = (size_t)v;
        return PITH_OK;
    }
    return add_mstr(p, vb, vlen, &m->value);
}

static int parse_action(parser *p, const char *s, size_t n, rule *r)
{
    if ((n == 4 || (n == 5 && s[4] == '!')) && !memcmp(s, "drop", 4)) {
        r->drop = true;
        r->force = n == 5;
        return PITH_OK;
    }
    if (n == 8 && !memcmp(s, "drop-box", 8)) {
        r->drop = r->box = true;
        return PITH_OK;
    }
    if (n >= 2 && n <= 5 && (s[0] == '+' || s[0] == '-')) {
        int v = 0;
        for (size_t i = 1; i < n; i++) {
            if (s[i] < '0' || s[i] > '9')
                return perr(p, "unknown action '%.*s'", s, n);
            v = v * 10 + (s[i] - '0');
        }
        if (v >= 1 && v <= 1000) {
            r->score = s[0] == '-' ? -v : v;
            return PITH_OK;
        }
    }
    return perr(p, "unknown action '%.*s' (expected drop, drop!, drop-box, +N or -N)", s, n);
}

/* Cheap matchers first: a tag test settles most rules before any pattern
 * runs. */
static int cost(const matcher *m)
{
    if (m->kind == M_TAG)
        return 0;
    if (m->pat < 0)
        return 1;
    return m->negate ? 3 : 2;
}

/* Orders a rule's few matchers by cost, keeping the file's order among
 * equals (an insertion sort). */
static void sort_matchers(matcher *m, int n)
{
    for (int i = 1; i < n; i++) {
        matcher t = m[i];
        int j = i;
        for (; j > 0 && cost(&m[j - 1]) > cost(&t); j--)
            m[j] = m[j - 1];
        m[j] = t;
    }
}

static int parse_line(parser *p, const char *s, const char *lim)
{
    px_ruleset *rs = p->rs;
    const px_alloc *a = rs->a;
    while (s < lim && (*s == ' ' || *s == '\t'))
        s++;
    if (s == lim || *s == '#')
        return PITH_OK;
    const char *ab = s;
    while (s < lim && *s != ' ' && *s != '\t')
        s++;
    rule r = {0};
    r.file = rs->nfiles - 1;
    r.line = p->line;
    int rc = parse_action(p, ab, (size_t)(s - ab), &r);
    if (rc)
        return rc;
    matcher *m = NULL;
    int nm = 0, cap = 0;
    for (;;) {
        while (s < lim && (*s == ' ' || *s == '\t'))
            s++;
        if (s == lim || *s == '#')
            break;
        if (!grow(a, (void **)&m, &cap, nm + 1, sizeof *m)) {
            free_matchers(a, m);
            return PITH_ERR_NOMEM;
        }
        rc = parse_matcher(p, s, lim, &s, &m[nm]);
        nm++;
        if (rc) {
            free_matchers(a, m);
            return rc;
        }
        if (m[nm - 1].kind == M_TEXT_RE || m[nm - 1].kind == M_MAXLEN)
            r.text = true;
    }
    if (!nm || !m)
        return perr(p, "rule '%.*s' has no matcher", ab, (size_t)(lim - ab));
    if (!own_rules(rs) ||
        !grow(a, (void **)&rs->rules, &rs->caprules, rs->nrules + 1, sizeof *rs->rules)) {
        free_matchers(a, m);
        return PITH_ERR_NOMEM;
    }
    sort_matchers(m, nm);
    r.m = m;
    r.nm = nm;
    rs->rules[rs->nrules++] = r;
    return PITH_OK;
}

int px_rules_parse(px_ruleset *rs, const char *name, const char *text, size_t len,
                   pith_error *err)
{
    if (rs->compiled)
        return px_error(err, PITH_ERR_USAGE, "rules added after compilation");
    int nrules0 = rs->nrules, npats0 = rs->npats;
    size_t mstr0 = rs->mstr_len;
    const char **files = px_realloc(rs->a, rs->files, (size_t)(rs->nfiles + 1) * sizeof *files);
    if (!files)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    rs->files = files;
    rs->files[rs->nfiles] = px_strndup(rs->a, name, strlen(name));
    if (!rs->files[rs->nfiles])
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    rs->nfiles++;

    parser p = {rs, name, 0, err};
    const char *s = text, *lim = text + len;
    /* Editors on some systems start UTF-8 files with a byte-order mark. */
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        s += 3;
    int rc = PITH_OK;
    if (memchr(text, '\0', len))
        rc = px_error(err, PITH_ERR_RULES, "%s: binary data (a NUL byte) in a rule file", name);
    while (!rc && s < lim) {
        const char *e = memchr(s, '\n', (size_t)(lim - s));
        if (!e)
            e = lim;
        p.line++;
        const char *le = e;
        if (le > s && le[-1] == '\r')
            le--;
        rc = parse_line(&p, s, le);
        s = e + 1;
    }
    if (rc == PITH_ERR_NOMEM)
        px_error(err, rc, "out of memory reading rules");
    if (rc) {
        /* Roll back so that a refused file leaves nothing behind. */
        for (int i = nrules0; i < rs->nrules; i++)
            free_matchers(rs->a, rs->rules[i].m);
        for (int i = npats0; i < rs->npats; i++)
            free_pattern(rs, i);
        rs->mstr_len = mstr0;
        rs->nrules = nrules0;
        rs->npats = npats0;
    }
    return rc;
}

/* The attributes element rules read, in the order they first appear: an
 * image's list, then those of the rules added since. */
static int collect_keys(px_ruleset *rs)
{
    static const char always[][6] = {"id", "class", "role"};
    int cap = 3 + (rs->image ? rs->image->nkeys : 0);
    for (int i = rs->image_rules; i < rs->nrules; i++)
        cap += rs->rules[i].nm;
    rs->keys = px_malloc(rs->a, (size_t)cap * sizeof *rs->keys);
    if (!rs->keys)
        return PITH_ERR_NOMEM;
    rs->nkeys = 0;
    if (rs->image)
        for (const char *k = rs->image->keys; rs->nkeys < rs->image->nkeys; k += strlen(k) + 1)
            rs->keys[rs->nkeys++] = k;
    else
        for (int k = 0; k < 3; k++)
            rs->keys[rs->nkeys++] = always[k];
    for (int i = rs->image_rules; i < rs->nrules; i++)
        for (int j = 0; j < rs->rules[i].nm; j++) {
            const char *name = px_mstr(rs, rs->rules[i].m[j].name);
            bool seen = !name;
            for (int k = 0; k < rs->nkeys && !seen; k++)
                seen = !strcmp(rs->keys[k], name);
            if (!seen)
                rs->keys[rs->nkeys++] = name;
        }
    memset(rs->key_first, 0, sizeof rs->key_first);
    for (int k = 0; k < rs->nkeys && k < 32; k++)
        rs->key_first[(unsigned char)rs->keys[k][0]] |= 1u << k;
    return PITH_OK;
}

/* The literals of the patterns added since the image, and their scanner
 * (the image brings its own). */
static int build_scanner(px_ruleset *rs)
{
    if (rs->npats == rs->image_pats)
        return PITH_OK;
    px_litset *sets = px_calloc(rs->a, (size_t)rs->npats + 1, sizeof *sets);
    if (!sets)
        return PITH_ERR_NOMEM;
    for (int i = rs->image_pats; i < rs->npats; i++) {
        pattern_text *t = &rs->texts[i - rs->image_pats];
        px_litset l;
        if (px_literals(rs->a, t->src, t->flags & PCRE2_EXTENDED, &l)) {
            t->lits = l.data;
            sets[i] = l;
        }
        char *head;
        if (px_lit_head(rs->a, t->src, t->flags & PCRE2_EXTENDED, &head))
            t->head = head;
    }
    rs->scan = px_scanner_new(rs->a, sets, rs->npats);
    px_free(rs->a, sets);
    return rs->scan ? PITH_OK : PITH_ERR_NOMEM;
}

/* Adds the tags rule r (matchers m) drops every one of to drops: only a
 * rule whose one matcher is its tag list (any other matcher, a class or a
 * negated one, may spare some such element). */
static void sum_drops_every(uint32_t *drops, const rule *r, const matcher *m)
{
    if (r->drop && !r->text && r->nm == 1 && m[0].kind == M_TAG && !m[0].negate)
        for (int w = 0; w < TAG_WORDS; w++)
            drops[w] |= m[0].tags[w];
}

/* Adds rule r (matchers m) to the summary of the text rules. */
static void sum_text_rule(px_text_summary *t, const rule *r, const matcher *m)
{
    if (!r->text)
        return;
    t->has_text = true;
    size_t cap = 0;
    for (int j = 0; j < r->nm; j++) {
        if (m[j].kind == M_MAXLEN)
            cap = m[j].maxlen;
        if (m[j].kind != M_TEXT_RE && m[j].kind != M_MAXLEN)
            t->text_only = false;
    }
    if (!cap)
        t->uncapped = true;
    else if (cap > t->cap)
        t->cap = cap;
}

int px_rules_compile(px_ruleset *rs, pith_error *err)
{
    /* The patterns were compiled as they were read; the JIT comes later,
     * for the patterns that earn it (see re_find). */
    if (collect_keys(rs) || build_scanner(rs))
        return px_error(err, PITH_ERR_NOMEM, "out of memory compiling rules");
    const px_rules_image *img = rs->image;
    if (img && rs->nrules == rs->image_rules && img->gates) {
        /* the image's rules alone: its lists, gates and index, built with
         * it (a process started for one page reads none of its rules to
         * make them again) */
        rs->elem_list = (int *)img->elem_list;
        rs->text_list = (int *)img->text_list;
        rs->nelem_list = img->nelem_list;
        rs->ntext_list = img->ntext_list;
        rs->gates = (px_gate *)img->gates;
        for (int l = 0; l < 2; l++)
            rs->index.list[l] = img->index[l];
        rs->index.image = rs->index.built = rs->image_gates = rs->image_lists = true;
    } else {
        rs->elem_list = px_malloc(rs->a, ((size_t)rs->nrules + 1) * sizeof *rs->elem_list);
        rs->text_list = px_malloc(rs->a, ((size_t)rs->nrules + 1) * sizeof *rs->text_list);
        if (!rs->elem_list || !rs->text_list)
            return px_error(err, PITH_ERR_NOMEM, "out of memory compiling rules");
        /* A node meets only the rules of its kind. */
        for (int i = 0; i < rs->nrules; i++) {
            if (rs->rules[i].text)
                rs->text_list[rs->ntext_list++] = i;
            else
                rs->elem_list[rs->nelem_list++] = i;
        }
        if (px_rules_gate(rs) || px_rules_index(rs))
            return px_error(err, PITH_ERR_NOMEM, "out of memory compiling rules");
    }
    /* The image's rules are summed up in it; only the rules added to it
     * are read. */
    bool image = rs->image && rs->image_rules;
    px_text_summary *t = &rs->text;
    if (image) {
        *t = rs->image->text;
        memcpy(rs->drops_every, rs->image->drops_every, sizeof rs->drops_every);
    } else {
        *t = (px_text_summary){0, false, false, true};
        memset(rs->drops_every, 0, sizeof rs->drops_every);
    }
    for (int i = image ? rs->image_rules : 0; i < rs->nrules; i++) {
        const matcher *m = px_rule_m(rs, &rs->rules[i]);
        sum_text_rule(t, &rs->rules[i], m);
        sum_drops_every(rs->drops_every, &rs->rules[i], m);
    }
    rs->compiled = true;
    return PITH_OK;
}

int px_rules_add_image(px_ruleset *rs, const px_rules_image *img, pith_error *err)
{
    if (rs->nrules || rs->npats || rs->nfiles || rs->compiled)
        return px_error(err, PITH_ERR_USAGE, "a rule image must come first");
    rs->files = px_malloc(rs->a, (size_t)img->nfiles * sizeof *rs->files);
    rs->pats = px_calloc(rs->a, (size_t)img->npats, sizeof *rs->pats);
    if (!rs->files || !rs->pats)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    const char *f = img->files;
    for (int i = 0; i < img->nfiles; i++, f += strlen(f) + 1)
        rs->files[i] = f;
    rs->mstr = img->mstrings;
    rs->mstr_len = img->mstrings_len;
    /* read in place (own_rules copies them if a rule file adds one) */
    rs->rules = (rule *)img->rules;
    /* The patterns' texts stay in the image; their states start as
     * calloc's zeros (no code, none JIT-compiled, no uses, unclaimed: the
     * lock-free atomics here have no other state). */
    rs->nfiles = rs->image_files = img->nfiles;
    rs->nrules = rs->image_rules = img->nrules;
    rs->caprules = 0;
    rs->npats = rs->cappats = rs->image_pats = img->npats;
    rs->image_scan = img->scan;
    rs->image = img;
    return PITH_OK;
}

size_t px_image_form_len(const px_rules_image *img, int i)
{
    return px_image_blob(img, i) ? img->blob_head_len + img->pats[i].blob_len : 0;
}

void px_image_form(const px_rules_image *img, int i, unsigned char *out)
{
    memcpy(out, img->blob_head, img->blob_head_len);
    memcpy(out + img->blob_head_len, px_image_blob(img, i), img->pats[i].blob_len);
}

size_t px_rules_count(const px_ruleset *rs) { return (size_t)rs->nrules; }
bool px_rules_has_text(const px_ruleset *rs) { return rs->text.has_text; }

bool px_rules_text_only(const px_ruleset *rs) { return rs->text.text_only; }

bool px_rules_drops_every(const px_ruleset *rs, unsigned tag)
{
    return tag / 32 < TAG_WORDS && (rs->drops_every[tag / 32] >> (tag % 32) & 1);
}
size_t px_rules_text_cap(const px_ruleset *rs) { return rs->text.uncapped ? 0 : rs->text.cap; }

void px_rules_where(const px_ruleset *rs, int i, char *out, size_t cap)
{
    if (i < 0 || i >= rs->nrules) {
        snprintf(out, cap, "-");
        return;
    }
    snprintf(out, cap, "%s:%d", rs->files[rs->rules[i].file], rs->rules[i].line);
}
