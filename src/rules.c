#include "rules_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"

/* Pages repeat the same element (a menu item, a teaser card) hundreds of
 * times, and its verdict depends only on its tag and the attributes the
 * rules read: a direct-mapped cache of verdicts, checked for equality, so a
 * collision costs a recomputation, never a wrong answer. */
#define CACHE_SLOTS 2048

typedef struct cache_entry {
    const px_node *node;
    unsigned hash;
    px_verdict v;
} cache_entry;

struct px_scratch {
    const px_alloc *a;
    cache_entry *cache;
    unsigned cache_mask;              /* slots - 1, a power of two */
    /* The node being matched: its id, class and text (the subjects of the
     * sides), read once, and per side the patterns whose literals it holds
     * and those tested on it so far, with their answers (a pattern shared
     * by several rules runs once per subject). */
    const char *subj[SIDE_COUNT];
    size_t subj_len[SIDE_COUNT];
    const char *role;
    bool scanned[SIDE_COUNT];
    uint64_t *hits[SIDE_COUNT], *known[SIDE_COUNT], *truth[SIDE_COUNT];
    uint64_t *bits;                   /* the block they all live in */
    /* Interpreted matches per pattern not yet added to the pattern's
     * shared count: threads write the shared counts once in a while, not
     * at every match (a cache line the other core reads would bounce). */
    unsigned *uses;
    /* The values of the ruleset's keys (the attributes rules read) on the
     * node matched, and on a node with the same verdict key, to compare. */
    const char **vals, **other;
    const px_ruleset *rs;
    bool failed;                      /* a pattern could not be compiled */
    pcre2_general_context *gctx;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    uint64_t *limited;                /* a bit per pattern that hit a limit */
};

static void *pc_malloc(PCRE2_SIZE n, void *ud) { return px_malloc(ud, n); }
static void pc_free(void *p, void *ud) { px_free(ud, p); }

px_ruleset *px_rules_new(const px_alloc *a)
{
    px_ruleset *rs = px_calloc(a, 1, sizeof *rs);
    if (!rs)
        return NULL;
    rs->a = a;
    rs->gctx = pcre2_general_context_create(pc_malloc, pc_free, (void *)a);
    if (!rs->gctx) {
        px_free(a, rs);
        return NULL;
    }
    return rs;
}

/* Frees what the parser allocated for a rule's matchers (never an
 * image's: those are static data). */
static void free_matchers(const px_alloc *a, const matcher *m, int n)
{
    for (int i = 0; i < n; i++) {
        px_free(a, (void *)m[i].name);
        px_free(a, (void *)m[i].value);
        px_free(a, (void *)m[i].tagnames);
    }
    px_free(a, (void *)m);
}

static void free_pattern(const px_alloc *a, pattern *pt, bool own)
{
    if (own) {
        px_free(a, (void *)pt->src);
        px_free(a, (void *)pt->lits);
    }
    pcre2_code_free(atomic_load(&pt->code));
    pcre2_code_free(atomic_load(&pt->jitted));
}

void px_rules_free(px_ruleset *rs)
{
    if (!rs)
        return;
    const px_alloc *a = rs->a;
    for (int i = rs->image_rules; i < rs->nrules; i++)
        free_matchers(a, rs->rules[i].m, rs->rules[i].nm);
    for (int i = 0; i < rs->npats; i++)
        free_pattern(a, &rs->pats[i], i >= rs->image_pats);
    px_free(a, rs->keys);
    px_free(a, rs->elem_list);
    px_free(a, rs->text_list);
    px_scanner_free(rs->scan);
    for (int i = rs->image_files; i < rs->nfiles; i++)
        px_free(a, (void *)rs->files[i]);
    px_free(a, rs->rules);
    px_free(a, rs->pats);
    px_free(a, rs->files);
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

/* The index of the pattern src with flags f, or -1. The bundled files
 * repeat the same guards ("not a post container") in rule after rule: one
 * pattern, compiled once and tested once per subject. */
static int find_pattern(const px_ruleset *rs, const char *src, size_t len, uint32_t f)
{
    for (int i = 0; i < rs->npats; i++)
        if (rs->pats[i].flags == f && !strncmp(rs->pats[i].src, src, len) &&
            rs->pats[i].src[len] == '\0')
            return i;
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
    if (!grow(rs->a, (void **)&rs->pats, &rs->cappats, rs->npats + 1, sizeof *rs->pats)) {
        pcre2_code_free(code);
        return PITH_ERR_NOMEM;
    }
    pattern *pt = &rs->pats[rs->npats];
    memset(pt, 0, sizeof *pt);
    pt->src = px_strndup(rs->a, src, len);
    if (!pt->src) {
        pcre2_code_free(code);
        return PITH_ERR_NOMEM;
    }
    pt->flags = f;
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
            name[q] = (v[i + q] >= 'A' && v[i + q] <= 'Z') ? (char)(v[i + q] + 32) : v[i + q];
        name[k] = '\0';
        GumboTag t = gumbo_tag_enum(name);
        if (t == GUMBO_TAG_UNKNOWN) {
            px_buf_append(&unknown, name, k + 1);
        } else {
            m->tags[t / 32] |= 1u << (t % 32);
        }
        i = j + 1;
    }
    if (unknown.len) {
        px_buf_putc(&unknown, '\0');
        m->tagnames = px_buf_detach(&unknown, NULL);
        if (!m->tagnames)
            return PITH_ERR_NOMEM;
    }
    return PITH_OK;
}

typedef struct mdesc {
    const char *key;
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
    const px_alloc *a = p->rs->a;
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
        m->name = px_strndup(a, nb, (size_t)(s - nb));
        if (!m->name)
            return PITH_ERR_NOMEM;
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
            m->value = px_strndup(a, vb, (size_t)(s - vb));
            *end = s;
            return m->value ? PITH_OK : PITH_ERR_NOMEM;
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
    m->value = px_strndup(a, vb, vlen);
    return m->value ? PITH_OK : PITH_ERR_NOMEM;
}

static int parse_action(parser *p, const char *s, size_t n, rule *r)
{
    if (n == 4 && !memcmp(s, "drop", 4)) {
        r->drop = true;
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
    return perr(p, "unknown action '%.*s' (expected drop, +N or -N)", s, n);
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
            free_matchers(a, m, nm);
            return PITH_ERR_NOMEM;
        }
        rc = parse_matcher(p, s, lim, &s, &m[nm]);
        nm++;
        if (rc) {
            free_matchers(a, m, nm);
            return rc;
        }
        if (m[nm - 1].kind == M_TEXT_RE || m[nm - 1].kind == M_MAXLEN)
            r.text = true;
    }
    if (!nm || !m)
        return perr(p, "rule '%.*s' has no matcher", ab, (size_t)(lim - ab));
    if (!grow(a, (void **)&rs->rules, &rs->caprules, rs->nrules + 1, sizeof *rs->rules)) {
        free_matchers(a, m, nm);
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
            free_matchers(rs->a, rs->rules[i].m, rs->rules[i].nm);
        for (int i = npats0; i < rs->npats; i++)
            free_pattern(rs->a, &rs->pats[i], true);
        rs->nrules = nrules0;
        rs->npats = npats0;
    }
    return rc;
}

/* The attributes element rules read, in the order they first appear: an
 * image's list, then those of the rules added since. */
static int collect_keys(px_ruleset *rs)
{
    static const char *const always[] = {"id", "class", "role"};
    int cap = 3 + (rs->image ? rs->image->nkeys : 0);
    for (int i = rs->image_rules; i < rs->nrules; i++)
        cap += rs->rules[i].nm;
    rs->keys = px_malloc(rs->a, (size_t)cap * sizeof *rs->keys);
    if (!rs->keys)
        return PITH_ERR_NOMEM;
    rs->nkeys = 0;
    if (rs->image)
        for (int k = 0; k < rs->image->nkeys; k++)
            rs->keys[rs->nkeys++] = rs->image->keys[k];
    else
        for (int k = 0; k < 3; k++)
            rs->keys[rs->nkeys++] = always[k];
    for (int i = rs->image_rules; i < rs->nrules; i++)
        for (int j = 0; j < rs->rules[i].nm; j++) {
            const char *name = rs->rules[i].m[j].name;
            bool seen = !name;
            for (int k = 0; k < rs->nkeys && !seen; k++)
                seen = !strcmp(rs->keys[k], name);
            if (!seen)
                rs->keys[rs->nkeys++] = name;
        }
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
        pattern *pt = &rs->pats[i];
        px_litset l;
        if (px_literals(rs->a, pt->src, pt->flags & PCRE2_EXTENDED, &l)) {
            pt->lits = l.data;
            sets[i] = l;
        }
    }
    rs->scan = px_scanner_new(rs->a, sets, rs->npats);
    px_free(rs->a, sets);
    return rs->scan ? PITH_OK : PITH_ERR_NOMEM;
}

int px_rules_compile(px_ruleset *rs, pith_error *err)
{
    /* The patterns were compiled as they were read; the JIT comes later,
     * for the patterns that earn it (see re_find). */
    rs->elem_list = px_malloc(rs->a, ((size_t)rs->nrules + 1) * sizeof *rs->elem_list);
    rs->text_list = px_malloc(rs->a, ((size_t)rs->nrules + 1) * sizeof *rs->text_list);
    if (!rs->elem_list || !rs->text_list || collect_keys(rs) || build_scanner(rs))
        return px_error(err, PITH_ERR_NOMEM, "out of memory compiling rules");
    /* A node meets only the rules of its kind. */
    for (int i = 0; i < rs->nrules; i++) {
        if (rs->rules[i].text)
            rs->text_list[rs->ntext_list++] = i;
        else
            rs->elem_list[rs->nelem_list++] = i;
    }
    rs->text_cap = 0;
    rs->text_only = true;
    for (int i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        if (!r->text)
            continue;
        rs->has_text = true;
        size_t cap = 0;
        for (int j = 0; j < r->nm; j++) {
            if (r->m[j].kind == M_MAXLEN)
                cap = r->m[j].maxlen;
            if (r->m[j].kind != M_TEXT_RE && r->m[j].kind != M_MAXLEN)
                rs->text_only = false;
        }
        if (!cap)
            rs->text_uncapped = true;
        else if (cap > rs->text_cap)
            rs->text_cap = cap;
    }
    rs->compiled = true;
    return PITH_OK;
}

int px_rules_add_image(px_ruleset *rs, const px_rules_image *img, pith_error *err)
{
    if (rs->nrules || rs->npats || rs->nfiles || rs->compiled)
        return px_error(err, PITH_ERR_USAGE, "a rule image must come first");
    rs->files = px_malloc(rs->a, (size_t)img->nfiles * sizeof *rs->files);
    rs->rules = px_malloc(rs->a, (size_t)img->nrules * sizeof *rs->rules);
    rs->pats = px_calloc(rs->a, (size_t)img->npats, sizeof *rs->pats);
    if (!rs->files || !rs->rules || !rs->pats)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    memcpy(rs->files, img->files, (size_t)img->nfiles * sizeof *rs->files);
    memcpy(rs->rules, img->rules, (size_t)img->nrules * sizeof *rs->rules);
    for (int i = 0; i < img->npats; i++) {
        pattern *pt = &rs->pats[i];
        const px_image_pattern *ip = &img->pats[i];
        pt->src = ip->src;
        pt->flags = ip->flags;
        atomic_init(&pt->code, NULL);
        atomic_init(&pt->jitted, NULL);
        atomic_init(&pt->uses, 0);
    atomic_init(&pt->jit_claimed, false);
        pt->lits = ip->lits;
        pt->blob = ip->blob;
        pt->blob_len = ip->blob_len;
    }
    rs->nfiles = rs->image_files = img->nfiles;
    rs->nrules = rs->caprules = rs->image_rules = img->nrules;
    rs->npats = rs->cappats = rs->image_pats = img->npats;
    rs->image_scan = img->scan;
    rs->image = img;
    return PITH_OK;
}

size_t px_rules_count(const px_ruleset *rs) { return (size_t)rs->nrules; }
bool px_rules_has_text(const px_ruleset *rs) { return rs->has_text; }

bool px_rules_text_only(const px_ruleset *rs) { return rs->text_only; }
size_t px_rules_text_cap(const px_ruleset *rs) { return rs->text_uncapped ? 0 : rs->text_cap; }

void px_rules_where(const px_ruleset *rs, int i, char *out, size_t cap)
{
    if (i < 0 || i >= rs->nrules) {
        snprintf(out, cap, "-");
        return;
    }
    snprintf(out, cap, "%s:%d", rs->files[rs->rules[i].file], rs->rules[i].line);
}

/* ---- matching --------------------------------------------------------- */

/* uint64_t words in a set of hits: a bit per pattern. */
static size_t hit_words(const px_ruleset *rs) { return (size_t)rs->npats / 64 + 1; }

px_scratch *px_scratch_new(const px_ruleset *rs, const px_alloc *a)
{
    return px_scratch_new_for(rs, a, CACHE_SLOTS);
}

px_scratch *px_scratch_new_for(const px_ruleset *rs, const px_alloc *a, size_t nodes)
{
    px_scratch *s = px_calloc(a, 1, sizeof *s);
    if (!s)
        return NULL;
    s->a = a;
    s->gctx = pcre2_general_context_create(pc_malloc, pc_free, (void *)a);
    if (s->gctx)
        s->md = pcre2_match_data_create(1, s->gctx);
    if (s->gctx)
        s->mctx = pcre2_match_context_create(s->gctx);
    /* A match may hold this much heap for its backtracking (KiB): PCRE2's
     * default is 20 GB. */
    if (s->mctx)
        pcre2_set_heap_limit(s->mctx, 8192);
    /* No more slots than the page has nodes (at least 64): a small page
     * then writes to a few pages of memory, not 48 KB of them. */
    size_t slots = 64;
    while (slots < nodes && slots < CACHE_SLOTS)
        slots *= 2;
    s->cache = px_calloc(a, slots, sizeof *s->cache);
    s->cache_mask = (unsigned)slots - 1;
    size_t words = hit_words(rs);
    s->bits = px_calloc(a, (3 * SIDE_COUNT + 1) * words, sizeof *s->bits);
    s->uses = px_calloc(a, (size_t)rs->npats + 1, sizeof *s->uses);
    s->vals = px_calloc(a, 2 * (size_t)rs->nkeys + 2, sizeof *s->vals);
    s->other = s->vals ? s->vals + rs->nkeys + 1 : NULL;
    s->rs = rs;
    if (!s->md || !s->mctx || !s->cache || !s->bits || !s->uses || !s->vals) {
        px_scratch_free(s);
        return NULL;
    }
    for (int k = 0; k < SIDE_COUNT; k++) {
        s->hits[k] = s->bits + (size_t)(3 * k) * words;
        s->known[k] = s->hits[k] + words;
        s->truth[k] = s->known[k] + words;
    }
    s->limited = s->bits + (size_t)(3 * SIDE_COUNT) * words;
    return s;
}

bool px_scratch_failed(const px_scratch *s) { return s->failed; }

int px_scratch_limited(const px_scratch *s, int from, char *out, size_t cap)
{
    const px_ruleset *rs = s->rs;
    for (int i = from < 0 ? 0 : from; i < rs->nrules; i++)
        for (int k = 0; k < rs->rules[i].nm; k++) {
            int pat = rs->rules[i].m[k].pat;
            if (pat >= 0 && (s->limited[pat / 64] >> (pat % 64) & 1)) {
                px_rules_where(rs, i, out, cap);
                return i;
            }
        }
    return -1;
}

static void count_uses(const px_ruleset *rs, int pat, unsigned n, bool may_jit);

void px_scratch_free(px_scratch *s)
{
    if (!s)
        return;
    if (s->uses)
        for (int i = 0; i < s->rs->npats; i++)
            if (s->uses[i])
                count_uses(s->rs, i, s->uses[i], false);
    px_free(s->a, s->uses);
    px_free(s->a, (void *)s->vals);
    px_free(s->a, s->cache);
    px_free(s->a, s->bits);
    pcre2_jit_stack_free(s->jit);
    pcre2_match_context_free(s->mctx);
    pcre2_match_data_free(s->md);
    pcre2_general_context_free(s->gctx);
    px_free(s->a, s);
}

/* Matches a pattern may run interpreted before it is JIT-compiled. Small
 * pages then never pay for the JIT of patterns they barely use (callgrind,
 * one process per page: tiny page 127M -> 36M instructions, 45 KB page
 * 141M -> 90M with JIT on first use, 115 KB page 233M -> 272M); a batch
 * has every hot pattern compiled within its first page. */
#define JIT_AFTER 100u

/* A call hands its count of a pattern's matches to the pattern after this
 * many, and the rest when it ends. */
#define USES_BATCH 16u

/* Exactly one caller (the one that claims it) gets here for each pattern,
 * so the copy is compiled once; other threads keep using the interpreted
 * code until the copy is published. On failure that code stays in use:
 * interpreted matching is slower but gives the same answers. */
static void jit_copy(pattern *pt, pcre2_code *code)
{
    pcre2_code *copy = pcre2_code_copy(code);
    if (!copy)
        return;
    if (pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) != 0) {
        pcre2_code_free(copy);
        return;
    }
    atomic_store_explicit(&pt->jitted, copy, memory_order_release);
}

/* Adds n interpreted matches to pattern pat's count, and JIT-compiles it
 * once the count reaches JIT_AFTER if may_jit (not at the end of a call: a
 * one-page process would compile for nothing). */
static void count_uses(const px_ruleset *rs, int pat, unsigned n, bool may_jit)
{
    pattern *pt = &rs->pats[pat];
    unsigned before = atomic_fetch_add_explicit(&pt->uses, n, memory_order_relaxed);
    pcre2_code *code = atomic_load_explicit(&pt->code, memory_order_acquire);
    if (may_jit && before + n >= JIT_AFTER && code &&
        !atomic_load_explicit(&pt->jit_claimed, memory_order_relaxed) &&
        !atomic_exchange_explicit(&pt->jit_claimed, true, memory_order_acq_rel))
        jit_copy(pt, code);
}

/* Readies a side of the node for its first pattern: which patterns its
 * subject holds literals of (one pass of each scanner), none tested yet. */
static void scan_side(const px_ruleset *rs, px_scratch *s, int side)
{
    size_t words = hit_words(rs);
    s->scanned[side] = true;
    memset(s->hits[side], 0, 3 * words * sizeof *s->bits); /* hits, known, truth */
    if (rs->image_scan)
        px_scanner_run(rs->image_scan, s->subj[side], s->subj_len[side], s->hits[side]);
    if (rs->scan)
        px_scanner_run(rs->scan, s->subj[side], s->subj_len[side], s->hits[side]);
}

/* The pattern's code: decoded from the form compiled at build time, or
 * compiled now (a user's pattern, or a PCRE2 at run time other than the
 * one the build had, which refuses the serialized form). */
static pcre2_code *load(const px_ruleset *rs, const pattern *pt)
{
    pcre2_code *code = NULL;
    if (pt->blob && pcre2_serialize_decode(&code, 1, pt->blob, rs->gctx) == 1)
        return code;
    int ec;
    PCRE2_SIZE off;
    pcre2_compile_context *cc = pcre2_compile_context_create(rs->gctx);
    if (!cc)
        return NULL;
    code = pcre2_compile((PCRE2_SPTR)pt->src, PCRE2_ZERO_TERMINATED, pt->flags, &ec, &off, cc);
    pcre2_compile_context_free(cc);
    return code;
}

/* The pattern's code, loaded now if no thread has yet. */
static pcre2_code *compiled(const px_ruleset *rs, pattern *pt)
{
    pcre2_code *code = atomic_load_explicit(&pt->code, memory_order_acquire);
    if (code)
        return code;
    code = load(rs, pt);
    if (!code)
        return NULL;
    pcre2_code *none = NULL;
    if (!atomic_compare_exchange_strong_explicit(&pt->code, &none, code, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        pcre2_code_free(code);
        code = none; /* another thread's copy won */
    }
    return code;
}

/* The match (and depth) limit of one subject of n bytes. A sound pattern
 * takes a few steps per byte; the base covers short subjects. */
#define MATCH_LIMIT_BASE 100000u
#define MATCH_LIMIT_PER_BYTE 64u
#define MATCH_LIMIT_MAX 10000000u

/* Does pattern pat match subj[0..n)? */
static bool run_pattern(const px_ruleset *rs, px_scratch *s, int pat, const char *subj, size_t n)
{
    /* Subjects come from Gumbo or our own folding: valid UTF-8 already. */
    pattern *pt = &rs->pats[pat];
    pcre2_code *code = atomic_load_explicit(&pt->jitted, memory_order_acquire);
    if (!code) {
        code = compiled(rs, pt);
        if (!code) {
            s->failed = true; /* out of memory: the caller reports it */
            return false;
        }
        if (++s->uses[pat] == USES_BATCH) {
            s->uses[pat] = 0;
            count_uses(rs, pat, USES_BATCH, true);
            pcre2_code *jitted = atomic_load_explicit(&pt->jitted, memory_order_acquire);
            code = jitted ? jitted : code;
        }
    }
    /* The JIT's stack, made when a call first runs JIT code: most pages of
     * a short process never do. (Without one PCRE2 would use 32 KB of the
     * machine stack and could fail where the interpreter matches.) */
    if (!s->jit && code == atomic_load_explicit(&pt->jitted, memory_order_relaxed)) {
        s->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, s->gctx);
        if (s->jit)
            pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
    }
    /* Backtracking is bounded in proportion to the subject, so that a
     * catastrophic pattern ((a|aa)+$) costs linear time, not 10 million
     * steps per block (PCRE2's default). A limit hit is no match, and is
     * remembered for a warning and --explain (px_scratch_limited). */
    uint32_t limit = n > (MATCH_LIMIT_MAX - MATCH_LIMIT_BASE) / MATCH_LIMIT_PER_BYTE
                         ? MATCH_LIMIT_MAX
                         : (uint32_t)(MATCH_LIMIT_BASE + MATCH_LIMIT_PER_BYTE * n);
    pcre2_set_match_limit(s->mctx, limit);
    pcre2_set_depth_limit(s->mctx, limit);
    int rc = pcre2_match(code, (PCRE2_SPTR)subj, n, 0, PCRE2_NO_UTF_CHECK,
                         s->md, s->mctx);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
        rc == PCRE2_ERROR_JIT_STACKLIMIT)
        s->limited[pat / 64] |= 1ull << (pat % 64);
    return rc >= 0;
}

/* Does pattern pat match the node's subject on this side (none: false)? */
static bool side_matches(const px_ruleset *rs, px_scratch *s, int pat, int side)
{
    if (!s->subj[side])
        return false;
    if (!s->scanned[side])
        scan_side(rs, s, side);
    uint64_t bit = 1ull << (pat % 64);
    size_t w = (size_t)pat / 64;
    /* A pattern without literals is never in hits: it always runs. */
    if (rs->pats[pat].lits && !(s->hits[side][w] & bit))
        return false;
    if (s->known[side][w] & bit)
        return s->truth[side][w] & bit;
    bool r = run_pattern(rs, s, pat, s->subj[side], s->subj_len[side]);
    s->known[side][w] |= bit;
    if (r)
        s->truth[side][w] |= bit;
    return r;
}

static bool has_token(const char *list, const char *tok)
{
    if (!list)
        return false;
    size_t tl = strlen(tok);
    const char *p = list;
    while (*p) {
        while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
            p++;
        const char *b = p;
        while (*p && !(*p == ' ' || (*p >= '\t' && *p <= '\r')))
            p++;
        if ((size_t)(p - b) == tl && !memcmp(b, tok, tl))
            return true;
    }
    return false;
}

static bool tag_matches(const matcher *m, const px_node *nd)
{
    if (m->tags[nd->tag / 32] & (1u << (nd->tag % 32)))
        return true;
    if (m->tagnames && nd->tag == GUMBO_TAG_UNKNOWN) {
        char buf[64];
        const char *name = px_tag_name(nd, buf, sizeof buf);
        for (const char *t = m->tagnames; *t; t += strlen(t) + 1)
            if (!strcmp(t, name))
                return true;
    }
    return false;
}

/* count caches the length of the text in characters across a node's
 * rules. */
static bool match_one(const px_ruleset *rs, px_scratch *s, const matcher *m,
                      const px_node *nd, size_t *count)
{
    bool r;
    const char *v;
    switch (m->kind) {
    case M_TAG: return tag_matches(m, nd);
    case M_ID: v = s->subj[SIDE_ID]; return v && !strcmp(v, m->value);
    case M_CLASS: return has_token(s->subj[SIDE_CLASS], m->value);
    case M_ROLE: return has_token(s->role, m->value);
    case M_ATTR: return px_attr(nd, m->name) != NULL;
    case M_ATTR_EQ: v = px_attr(nd, m->name); return v && !strcmp(v, m->value);
    case M_ID_RE: r = side_matches(rs, s, m->pat, SIDE_ID); break;
    case M_CLASS_RE: r = side_matches(rs, s, m->pat, SIDE_CLASS); break;
    case M_IDCLASS_RE:
        r = side_matches(rs, s, m->pat, SIDE_ID) || side_matches(rs, s, m->pat, SIDE_CLASS);
        break;
    case M_ATTR_RE:
        v = px_attr(nd, m->name);
        r = v && run_pattern(rs, s, m->pat, v, strlen(v));
        break;
    case M_TEXT_RE: r = side_matches(rs, s, m->pat, SIDE_TEXT); break;
    case M_MAXLEN:
        v = s->subj[SIDE_TEXT];
        if (v && *count == (size_t)-1)
            *count = px_utf8_count(v, s->subj_len[SIDE_TEXT]);
        return v && *count <= m->maxlen;
    default: return false;
    }
    return m->negate ? !r : r;
}

static void apply(const px_ruleset *rs, int i, px_verdict *v)
{
    const rule *r = &rs->rules[i];
    if (r->drop) {
        if (!v->drop)
            v->drop_rule = i;
        v->drop = true;
    } else {
        v->score += r->score;
        v->score_rule = i;
    }
}

/* Reads the values of the ruleset's keys on nd into vals (NULL where
 * absent), in one pass over its attributes; the first of a name wins, as in
 * px_attr. The keys start with id, class and role (collect_keys). */
static void read_keys(const px_ruleset *rs, const px_node *nd, const char **vals)
{
    for (int k = 0; k < rs->nkeys; k++)
        vals[k] = NULL;
    if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT)
        return;
    const GumboVector *attrs = &nd->g->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *at = attrs->data[i];
        for (int k = 0; k < rs->nkeys; k++)
            if (rs->keys[k][0] == at->name[0] && !strcmp(rs->keys[k], at->name)) {
                if (!vals[k])
                    vals[k] = at->value;
                break;
            }
    }
}

/* The node's subjects: id and class from vals (see read_keys), the text. */
static void set_subjects(px_scratch *s, const char **vals, const char *text, size_t len)
{
    memset(s->scanned, 0, sizeof s->scanned); /* a new node: new subjects */
    s->subj[SIDE_ID] = vals[0];
    s->subj[SIDE_CLASS] = vals[1];
    s->role = vals[2];
    for (int k = SIDE_ID; k <= SIDE_CLASS; k++)
        s->subj_len[k] = s->subj[k] ? strlen(s->subj[k]) : 0;
    s->subj[SIDE_TEXT] = text;
    s->subj_len[SIDE_TEXT] = len;
}

/* The rules of one kind against nd, whose subjects are set. */
static void match_rules(const px_ruleset *rs, px_scratch *s, const px_node *nd, bool want_text,
                        px_verdict *v)
{
    size_t count = (size_t)-1;
    const int *list = want_text ? rs->text_list : rs->elem_list;
    int n = want_text ? rs->ntext_list : rs->nelem_list;
    for (int k = 0; k < n; k++) {
        int i = list[k];
        const rule *r = &rs->rules[i];
        /* A drop settles it; further score rules cannot matter. */
        if (v->drop && !r->drop)
            continue;
        bool ok = true;
        for (int j = 0; j < r->nm && ok; j++)
            ok = match_one(rs, s, &r->m[j], nd, &count);
        if (ok)
            apply(rs, i, v);
    }
}

static unsigned hash_str(unsigned h, const char *v)
{
    if (!v)
        return (h ^ 0xFFu) * 16777619u;
    for (; *v; v++)
        h = (h ^ (unsigned char)*v) * 16777619u;
    return (h ^ 0xFEu) * 16777619u;
}

static bool same_str(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* An element's verdict depends on its tag and the values of the keys. */
static unsigned element_key(const px_ruleset *rs, const px_node *nd, const char **vals)
{
    char buf[64];
    unsigned h = (2166136261u ^ nd->tag) * 16777619u;
    if (nd->tag == GUMBO_TAG_UNKNOWN)
        h = hash_str(h, px_tag_name(nd, buf, sizeof buf));
    for (int k = 0; k < rs->nkeys; k++)
        h = hash_str(h, vals[k]);
    return h;
}

static bool same_element(const px_ruleset *rs, px_scratch *s, const px_node *a, const px_node *b)
{
    char ba[64], bb[64];
    if (a->tag != b->tag ||
        (a->tag == GUMBO_TAG_UNKNOWN &&
         strcmp(px_tag_name(a, ba, sizeof ba), px_tag_name(b, bb, sizeof bb))))
        return false;
    read_keys(rs, a, s->other);
    for (int k = 0; k < rs->nkeys; k++)
        if (!same_str(s->other[k], s->vals[k]))
            return false;
    return true;
}

void px_rules_match_element(const px_ruleset *rs, px_scratch *s,
                            const px_node *nd, px_verdict *v)
{
    read_keys(rs, nd, s->vals);
    unsigned h = element_key(rs, nd, s->vals);
    cache_entry *e = &s->cache[h & s->cache_mask];
    if (e->node && e->hash == h && same_element(rs, s, e->node, nd)) {
        *v = e->v;
        return;
    }
    set_subjects(s, s->vals, NULL, 0);
    match_rules(rs, s, nd, false, v);
    e->node = nd;
    e->hash = h;
    e->v = *v;
}

void px_rules_match_text(const px_ruleset *rs, px_scratch *s,
                         const px_node *nd, const char *text, size_t len,
                         px_verdict *v)
{
    read_keys(rs, nd, s->vals);
    set_subjects(s, s->vals, text, len);
    match_rules(rs, s, nd, true, v);
}
