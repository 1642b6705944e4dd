#include "literal.h"

#include <string.h>

/* ---- analysis --------------------------------------------------------- */

/* A set of strings, or "none": the piece may match without any literal. */
typedef struct strs {
    px_buf buf; /* '\0'-separated */
    int n;
    size_t minlen;
    bool none;
    bool bad; /* the pattern uses syntax we do not read: give up */
} strs;

typedef struct reader {
    const px_alloc *a;
    const char *p, *end;
    bool bad;
} reader;

static void strs_init(strs *s, const px_alloc *a, bool none)
{
    px_buf_init(&s->buf, a);
    s->n = 0;
    s->minlen = (size_t)-1;
    s->none = none;
    s->bad = false;
}

static void strs_add(strs *s, const char *t, size_t n)
{
    px_buf_append(&s->buf, t, n);
    px_buf_putc(&s->buf, '\0');
    s->n++;
    if (n < s->minlen)
        s->minlen = n;
}

static void strs_union(strs *into, strs *from)
{
    if (from->none || into->none) {
        into->none = true;
        return;
    }
    if (from->buf.len)
        px_buf_append(&into->buf, from->buf.data, from->buf.len);
    into->n += from->n;
    if (from->minlen < into->minlen)
        into->minlen = from->minlen;
}

/* Is a better than b as the one factor a sequence is filtered on? Longer
 * shortest strings rule out more subjects; fewer strings are cheaper. */
static bool better(const strs *a, const strs *b)
{
    if (a->none)
        return false;
    if (b->none)
        return true;
    if (a->minlen != b->minlen)
        return a->minlen > b->minlen;
    return a->n < b->n;
}

static void take_if_better(strs *best, strs *cand)
{
    if (better(cand, best)) {
        px_buf_free(&best->buf);
        *best = *cand;
        strs_init(cand, best->buf.a, true);
    } else {
        px_buf_free(&cand->buf);
        strs_init(cand, best->buf.a, true);
    }
}

static void parse_alt(reader *r, strs *out);

enum atom { A_LIT, A_GROUP, A_ZERO, A_OTHER };

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The code point of the UTF-8 character at s (n bytes left), and its
 * length in *len (1 for a stray byte, read as itself). */
static uint32_t utf8_char(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t want = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
    if (want > n)
        want = 1;
    for (size_t k = 1; k < want; k++)
        if ((u[k] & 0xC0) != 0x80)
            want = 1;
    *len = want;
    static const unsigned char lead_mask[] = {0, 0xFF, 0x1F, 0x0F, 0x07};
    uint32_t cp = u[0] & lead_mask[want];
    for (size_t k = 1; k < want; k++)
        cp = cp << 6 | (u[k] & 0x3Fu);
    return cp;
}

/* Blocks of characters none of which has a case variant (PCRE2's caseless
 * matching takes each only as itself): punctuation, symbols, and the
 * scripts without case. test_literal checks the claim against PCRE2. */
static const struct nocase_range {
    uint32_t lo, hi;
} nocase_ranges[] = {
    {0x00A0, 0x00AF}, /* no-break space, ¡ ¢ £ « ¬ ® (not µ, at B5) */
    {0x0590, 0x06FF}, /* Hebrew, Arabic */
    {0x0900, 0x0E7F}, /* Devanagari ... Sinhala, Thai */
    {0x2000, 0x206F}, /* general punctuation: – — ‘ ’ “ ” • … ‹ › */
    {0x20A0, 0x20CF}, /* currency signs */
    {0x2190, 0x23FF}, /* arrows, mathematical operators, technical */
    {0x2500, 0x2BFF}, /* box drawing, shapes, symbols, dingbats, arrows */
    {0x2E80, 0x2FDF}, /* CJK radicals */
    {0x3000, 0x9FFF}, /* CJK punctuation, kana, CJK ideographs */
    {0xAC00, 0xD7AF}, /* Hangul syllables */
    {0xFF00, 0xFF1F}, /* fullwidth punctuation and digits */
    {0xFF60, 0xFFEF}, /* halfwidth kana and Hangul, fullwidth signs */
    {0x1F200, 0x1FAFF}, /* pictographs and emoji */
};

bool px_lit_nocase(uint32_t cp)
{
    if (cp < 0x0590)
        return cp >= 0x00A0 && cp <= 0x00AF;
    size_t lo = 1, hi = sizeof nocase_ranges / sizeof *nocase_ranges;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp > nocase_ranges[mid].hi)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof nocase_ranges / sizeof *nocase_ranges && cp >= nocase_ranges[lo].lo;
}

/* Reads a quantifier if there is one; returns its minimum count (1 when
 * there is none). */
static long quantifier(reader *r, bool *present)
{
    *present = false;
    if (r->p >= r->end)
        return 1;
    long min = 1;
    char c = *r->p;
    if (c == '?' || c == '*' || c == '+') {
        min = c == '+' ? 1 : 0;
        r->p++;
    } else if (c == '{') {
        const char *q = r->p + 1;
        long n = 0;
        bool digits = false;
        while (q < r->end && is_digit(*q)) {
            n = n * 10 + (*q++ - '0');
            digits = true;
            if (n > 100000)
                n = 100000;
        }
        if (q < r->end && *q == ',') {
            q++;
            while (q < r->end && is_digit(*q))
                q++;
        }
        if (!digits || q >= r->end || *q != '}')
            return 1; /* a literal '{' */
        min = n;
        r->p = q + 1;
    } else {
        return 1;
    }
    *present = true;
    if (r->p < r->end && (*r->p == '?' || *r->p == '+'))
        r->p++;
    return min;
}

static void skip_class(reader *r)
{
    r->p++; /* '[' */
    if (r->p < r->end && *r->p == '^')
        r->p++;
    if (r->p < r->end && *r->p == ']')
        r->p++;
    while (r->p < r->end && *r->p != ']') {
        if (*r->p == '\\' && r->p + 1 < r->end)
            r->p += 2;
        else if (*r->p == '[' && r->p + 1 < r->end && r->p[1] == ':') {
            const char *e = strstr(r->p + 2, ":]");
            r->p = e && e < r->end ? e + 2 : r->p + 1;
        } else
            r->p++;
    }
    if (r->p < r->end)
        r->p++;
    else
        r->bad = true;
}

static void skip_braced(reader *r)
{
    if (r->p < r->end && *r->p == '{') {
        while (r->p < r->end && *r->p != '}')
            r->p++;
        if (r->p < r->end)
            r->p++;
    }
}

/* Reads one escape after the backslash. */
static enum atom escape(reader *r, char *lit)
{
    if (r->p >= r->end) {
        r->bad = true;
        return A_OTHER;
    }
    unsigned char c = (unsigned char)*r->p++;
    if (c >= 0x80) {
        while (r->p < r->end && ((unsigned char)*r->p & 0xC0) == 0x80)
            r->p++;
        return A_OTHER;
    }
    if (!is_alnum((char)c)) {
        *lit = (char)c;
        return A_LIT;
    }
    switch (c) {
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
        return A_ZERO;
    case 'x':
        if (r->p < r->end && *r->p == '{')
            skip_braced(r);
        else
            for (int k = 0; k < 2 && r->p < r->end && is_alnum(*r->p); k++)
                r->p++;
        return A_OTHER;
    case 'p': case 'P': case 'o':
        if (r->p < r->end && *r->p == '{')
            skip_braced(r);
        else if (c != 'o' && r->p < r->end)
            r->p++;
        return A_OTHER;
    case 'c':
        if (r->p < r->end)
            r->p++;
        return A_OTHER;
    case 'd': case 'D': case 'w': case 'W': case 's': case 'S': case 'h': case 'H':
    case 'v': case 'V': case 'R': case 'X': case 'n': case 'r': case 't': case 'f':
    case 'e': case 'a': case 'C':
        return A_OTHER;
    default: /* \Q, \g, \k, back references, \N...: not read */
        r->bad = true;
        return A_OTHER;
    }
}

/* Reads a group after '('; fills g for a capturing or plain group. */
static enum atom group(reader *r, strs *g)
{
    const char *p = r->p;
    enum atom kind = A_GROUP;
    if (p < r->end && *p == '*') {
        r->bad = true;
        return A_OTHER;
    }
    if (p < r->end && *p == '?') {
        p++;
        if (p < r->end && *p == '#') {
            while (p < r->end && *p != ')')
                p++;
            r->p = p < r->end ? p + 1 : p;
            return A_ZERO;
        }
        if (p < r->end && (*p == '=' || *p == '!'))
            p++, kind = A_ZERO;
        else if (p + 1 < r->end && *p == '<' && (p[1] == '=' || p[1] == '!'))
            p += 2, kind = A_ZERO;
        else if (p < r->end && (*p == ':' || *p == '>' || *p == '|'))
            p++;
        else if (p < r->end && (*p == '<' || *p == '\'' || (*p == 'P' && p + 1 < r->end && p[1] == '<'))) {
            char close = *p == '\'' ? '\'' : '>';
            while (p < r->end && *p != close)
                p++;
            p++;
        } else {
            /* Option letters: "(?i)" sets them for the rest, "(?i:" opens a
             * group. Extended mode changes what spaces mean: not read. */
            while (p < r->end && (*p == '-' || *p == '^' || (*p >= 'a' && *p <= 'z'))) {
                if (*p == 'x')
                    r->bad = true;
                p++;
            }
            if (p < r->end && *p == ')') {
                r->p = p + 1;
                return A_ZERO;
            }
            if (p >= r->end || *p != ':') {
                r->bad = true;
                return A_OTHER;
            }
            p++;
        }
    }
    r->p = p;
    parse_alt(r, g);
    if (r->p >= r->end || *r->p != ')') {
        r->bad = true;
        return A_OTHER;
    }
    r->p++;
    return kind;
}

/* Reads the character at r->p as a literal: into out (*n bytes) as the
 * scanner will see it. False for the long s and the Kelvin sign, which are
 * s and k caselessly (see the scanner), and which are no literal then. */
static bool lit_char(reader *r, char *out, size_t *n)
{
    unsigned char c = (unsigned char)*r->p;
    if (c < 0x80) {
        r->p++;
        out[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        *n = 1;
        return true;
    }
    size_t len;
    uint32_t cp = utf8_char(r->p, (size_t)(r->end - r->p), &len);
    /* A character with no case variant is its own bytes; any other is the
     * wide symbol, which stands for all its variants (all beyond ASCII,
     * but for those two) as for every other such character. */
    if (px_lit_nocase(cp)) {
        memcpy(out, r->p, len);
        *n = len;
    } else {
        out[0] = PX_LIT_WIDE;
        *n = 1;
    }
    r->p += len;
    return cp != 0x17F && cp != 0x212A;
}

/* The strings a run of literals may be: a class multiplies them. */
#define RUN_MAX 16
#define RUN_LEN 128

typedef struct run {
    char s[RUN_MAX][RUN_LEN];
    size_t len[RUN_MAX];
    int n; /* 0: no run */
} run;

/* One atom's alternatives: a literal character, or each of a class's. */
typedef struct alts {
    char s[RUN_MAX][4];
    size_t len[RUN_MAX];
    int n;
} alts;

static void alts_add(alts *al, const char *c, size_t n)
{
    for (int i = 0; i < al->n; i++)
        if (al->len[i] == n && !memcmp(al->s[i], c, n))
            return;
    memcpy(al->s[al->n], c, n);
    al->len[al->n++] = n;
}

/* Reads a class of plain characters ("[ée]", "[评評]") into al; false, with
 * r->p where it was, for any other (ranges, escapes, negation, many
 * members), which the caller skips as an unknown atom. */
static bool class_alts(reader *r, alts *al)
{
    const char *start = r->p;
    r->p++; /* '[' */
    al->n = 0;
    bool ok = r->p < r->end && *r->p != '^' && *r->p != ']';
    while (ok && r->p < r->end && *r->p != ']') {
        char c[4];
        size_t n;
        if (*r->p == '\\' && r->p + 1 < r->end && (unsigned char)r->p[1] < 0x80 &&
            !is_alnum(r->p[1])) {
            r->p++; /* an escaped punctuation mark is itself */
        } else if (*r->p == '\\' || *r->p == '[') {
            ok = false;
            break;
        }
        ok = lit_char(r, c, &n) && al->n < RUN_MAX &&
             !(r->p + 1 < r->end && *r->p == '-' && r->p[1] != ']');
        if (ok)
            alts_add(al, c, n);
    }
    if (ok && r->p < r->end) {
        r->p++;
        return true;
    }
    r->p = start;
    return false;
}

/* Ends the run: its strings are one candidate factor of the sequence. */
static void run_end(reader *r, run *rn, strs *best)
{
    if (!rn->n)
        return;
    strs cand;
    strs_init(&cand, r->a, false);
    for (int i = 0; i < rn->n; i++)
        strs_add(&cand, rn->s[i], rn->len[i]);
    take_if_better(best, &cand);
    px_buf_free(&cand.buf);
    rn->n = 0;
}

/* Appends an atom's alternatives to every string of the run, or starts a
 * new run with them when the product would be too large. */
static void run_extend(reader *r, run *rn, const alts *al, strs *best)
{
    bool fits = rn->n * al->n <= RUN_MAX;
    for (int i = 0; i < rn->n && fits; i++)
        fits = rn->len[i] + 4 < RUN_LEN;
    if (!fits)
        run_end(r, rn, best);
    if (!rn->n) {
        rn->n = 1;
        rn->len[0] = 0;
    }
    int n = 0;
    run next;
    for (int i = 0; i < rn->n; i++)
        for (int k = 0; k < al->n; k++) {
            memcpy(next.s[n], rn->s[i], rn->len[i]);
            memcpy(next.s[n] + rn->len[i], al->s[k], al->len[k]);
            next.len[n++] = rn->len[i] + al->len[k];
        }
    for (int i = 0; i < n; i++) {
        memcpy(rn->s[i], next.s[i], next.len[i]);
        rn->len[i] = next.len[i];
    }
    rn->n = n;
}

static void parse_seq(reader *r, strs *best)
{
    run rn;
    rn.n = 0;
    while (r->p < r->end && *r->p != '|' && *r->p != ')' && !r->bad) {
        alts al;
        al.n = 0;
        enum atom at;
        strs g;
        strs_init(&g, r->a, true);
        unsigned char c = (unsigned char)*r->p;
        if (c == '(') {
            r->p++;
            at = group(r, &g);
        } else if (c == '[') {
            at = class_alts(r, &al) ? A_LIT : A_OTHER;
            if (at == A_OTHER)
                skip_class(r);
        } else if (c == '\\') {
            r->p++;
            char lit = 0;
            at = escape(r, &lit);
            if (at == A_LIT) {
                char l = lit >= 'A' && lit <= 'Z' ? (char)(lit + 32) : lit;
                alts_add(&al, &l, 1);
            }
        } else if (c == '.') {
            r->p++;
            at = A_OTHER;
        } else if (c == '^' || c == '$') {
            r->p++;
            at = A_ZERO;
        } else {
            char l[4];
            size_t n;
            at = lit_char(r, l, &n) ? A_LIT : A_OTHER;
            if (at == A_LIT)
                alts_add(&al, l, n);
        }
        bool quantified;
        long min = quantifier(r, &quantified);
        if (at == A_LIT && min >= 1)
            run_extend(r, &rn, &al, best);
        /* The run of literals ends at any other atom, and after a repeated
         * one (what follows it may come after more copies). */
        if (at != A_LIT || min < 1 || quantified)
            run_end(r, &rn, best);
        if (at == A_GROUP && min >= 1 && !g.none)
            take_if_better(best, &g);
        else
            px_buf_free(&g.buf);
    }
    run_end(r, &rn, best);
}

static void parse_alt(reader *r, strs *out)
{
    bool first = true;
    for (;;) {
        strs branch;
        strs_init(&branch, r->a, true);
        parse_seq(r, &branch);
        if (first) {
            px_buf_free(&out->buf);
            *out = branch;
            first = false;
        } else {
            strs_union(out, &branch);
            px_buf_free(&branch.buf);
        }
        if (r->p < r->end && *r->p == '|' && !r->bad) {
            r->p++;
            continue;
        }
        return;
    }
}

bool px_literals(const px_alloc *a, const char *src, bool extended, px_litset *out)
{
    out->data = NULL;
    out->len = 0;
    if (extended)
        return false;
    reader r = {a, src, src + strlen(src), false};
    strs s;
    strs_init(&s, a, true);
    parse_alt(&r, &s);
    bool ok = !r.bad && r.p == r.end && !s.none && s.n > 0 && !s.buf.oom && s.minlen > 0;
    if (!ok) {
        px_buf_free(&s.buf);
        return false;
    }
    px_buf_putc(&s.buf, '\0');
    out->data = px_buf_detach(&s.buf, &out->len);
    return out->data != NULL;
}

/* ---- scanner ------------------------------------------------------------ */

int px_scanner_words(const px_scanner *sc) { return sc->words; }

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

/* The symbol of literal byte c. */
static int symbol(const px_scanner *sc, unsigned char c)
{
    return c == (unsigned char)PX_LIT_WIDE ? sc->wide : sc->map[c];
}

/* Builds the trie and its links in a full table (go: nstates x nsym,
 * completed: every missing edge follows the failure link), then keeps the
 * trie edges (parent and symbol of each state) and the root's row. */
/* The arrays px_scanner_new fills, before they become the read-only
 * tables of the scanner. */
typedef struct tables {
    int *row_of, *rows, *edge_start, *edge_to, *fail, *out_head, *dict, *out_pat, *out_next;
    unsigned char *edge_sym;
} tables;

/* States with this many trie edges or more get a full row. */
#define ROW_EDGES 4

/* Builds the trie and its links in a full table (go: states x symbols,
 * completed breadth first: a missing edge follows the failure link), then
 * keeps of it the trie edges (the parent and symbol of each state) and the
 * root's row. */
static bool build(px_scanner *sc, tables *t, const px_litset *sets, int n, int *go, int *parent,
                  unsigned char *sym_in, int *queue)
{
    size_t nsym = (size_t)sc->nsym;
    sc->nstates = 1;
    for (size_t k = 0; k < nsym; k++)
        go[k] = -1;
    t->out_head[0] = -1;
    parent[0] = -1;
    for (int i = 0; i < n; i++)
        for (const char *w = sets[i].data; w && *w; w += strlen(w) + 1) {
            int st = 0;
            for (const char *q = w; *q; q++) {
                int *edge = &go[(size_t)st * nsym + (size_t)symbol(sc, (unsigned char)*q)];
                if (*edge < 0) {
                    int ns = sc->nstates++;
                    for (size_t k = 0; k < nsym; k++)
                        go[(size_t)ns * nsym + k] = -1;
                    t->out_head[ns] = -1;
                    parent[ns] = st;
                    sym_in[ns] = (unsigned char)symbol(sc, (unsigned char)*q);
                    *edge = ns;
                }
                st = *edge;
            }
            t->out_pat[sc->nout] = i;
            t->out_next[sc->nout] = t->out_head[st];
            t->out_head[st] = sc->nout++;
        }
    int qh = 0, qt = 0;
    for (size_t k = 0; k < nsym; k++) {
        if (go[k] < 0) {
            go[k] = 0;
        } else {
            t->fail[go[k]] = 0;
            queue[qt++] = go[k];
        }
    }
    t->fail[0] = 0;
    t->dict[0] = -1;
    while (qh < qt) {
        int st = queue[qh++];
        int f = t->fail[st];
        t->dict[st] = t->out_head[f] >= 0 ? f : t->dict[f];
        for (size_t k = 0; k < nsym; k++) {
            int *edge = &go[(size_t)st * nsym + k];
            int fk = go[(size_t)f * nsym + k];
            if (*edge < 0) {
                *edge = fk;
            } else {
                t->fail[*edge] = fk;
                queue[qt++] = *edge;
            }
        }
    }
    /* The trie edges, grouped by the state they leave. */
    t->edge_start = px_calloc(sc->a, (size_t)sc->nstates + 1, sizeof *t->edge_start);
    t->edge_sym = px_calloc(sc->a, (size_t)sc->nstates, 1);
    t->edge_to = px_calloc(sc->a, (size_t)sc->nstates, sizeof *t->edge_to);
    if (!t->edge_start || !t->edge_sym || !t->edge_to)
        return false;
    for (int st = 1; st < sc->nstates; st++)
        t->edge_start[parent[st] + 1]++;
    for (int st = 0; st < sc->nstates; st++)
        t->edge_start[st + 1] += t->edge_start[st];
    int *fill = queue; /* reused: the next free edge of each state */
    memcpy(fill, t->edge_start, (size_t)sc->nstates * sizeof *fill);
    for (int st = 1; st < sc->nstates; st++) {
        int e = fill[parent[st]]++;
        t->edge_sym[e] = sym_in[st];
        t->edge_to[e] = st;
    }
    /* Full rows: the root's, and those of the states with many edges. */
    t->row_of = px_malloc(sc->a, (size_t)sc->nstates * sizeof *t->row_of);
    if (!t->row_of)
        return false;
    sc->nrows = 0;
    for (int st = 0; st < sc->nstates; st++)
        t->row_of[st] = !st || t->edge_start[st + 1] - t->edge_start[st] >= ROW_EDGES
                            ? sc->nrows++ : -1;
    t->rows = px_malloc(sc->a, (size_t)sc->nrows * nsym * sizeof *t->rows);
    if (!t->rows)
        return false;
    for (int st = 0; st < sc->nstates; st++)
        if (t->row_of[st] >= 0)
            memcpy(t->rows + (size_t)t->row_of[st] * nsym, go + (size_t)st * nsym,
                   nsym * sizeof *t->rows);
    return true;
}

static void free_tables(const px_alloc *a, tables *t)
{
    px_free(a, t->row_of);
    px_free(a, t->rows);
    px_free(a, t->edge_start);
    px_free(a, t->edge_sym);
    px_free(a, t->edge_to);
    px_free(a, t->fail);
    px_free(a, t->out_head);
    px_free(a, t->dict);
    px_free(a, t->out_pat);
    px_free(a, t->out_next);
}

px_scanner *px_scanner_new(const px_alloc *a, const px_litset *sets, int n)
{
    px_scanner *sc = px_calloc(a, 1, sizeof *sc);
    if (!sc)
        return NULL;
    sc->a = a;
    sc->words = (n + 63) / 64;
    size_t total = 1;
    int nlit = 0;
    for (int i = 0; i < n; i++)
        for (const char *w = sets[i].data; w && *w; w += strlen(w) + 1) {
            total += strlen(w);
            nlit++;
            for (const char *q = w; *q; q++) {
                unsigned char c = (unsigned char)*q;
                if (c == (unsigned char)PX_LIT_WIDE && !sc->wide)
                    sc->wide = ++sc->nsym;
                else if (c != (unsigned char)PX_LIT_WIDE && !sc->map[lower(c)])
                    sc->map[lower(c)] = (unsigned char)++sc->nsym;
            }
        }
    /* Subjects are read in either case. (At most 255 symbols: the bytes
     * of literals, which are lower case, and the wide one.) */
    for (int c = 'A'; c <= 'Z'; c++)
        sc->map[c] = sc->map[c + 32];
    sc->nsym++; /* symbol 0: bytes in no literal */
    tables t = {0};
    t.fail = px_malloc(a, total * sizeof(int));
    t.out_head = px_malloc(a, total * sizeof(int));
    t.dict = px_malloc(a, total * sizeof(int));
    t.out_pat = px_malloc(a, ((size_t)nlit + 1) * sizeof(int));
    t.out_next = px_malloc(a, ((size_t)nlit + 1) * sizeof(int));
    int *go = px_malloc(a, total * (size_t)sc->nsym * sizeof *go);
    int *parent = px_malloc(a, total * sizeof(int));
    unsigned char *sym_in = px_malloc(a, total);
    int *queue = px_malloc(a, total * sizeof(int));
    bool ok = t.fail && t.out_head && t.dict && t.out_pat && t.out_next && go &&
              parent && sym_in && queue && build(sc, &t, sets, n, go, parent, sym_in, queue);
    px_free(a, go);
    px_free(a, parent);
    px_free(a, sym_in);
    px_free(a, queue);
    if (!ok) {
        free_tables(a, &t);
        px_free(a, sc);
        return NULL;
    }
    sc->row_of = t.row_of;
    sc->rows = t.rows;
    sc->edge_start = t.edge_start;
    sc->edge_sym = t.edge_sym;
    sc->edge_to = t.edge_to;
    sc->fail = t.fail;
    sc->out_head = t.out_head;
    sc->dict = t.dict;
    sc->out_pat = t.out_pat;
    sc->out_next = t.out_next;
    return sc;
}

void px_scanner_free(px_scanner *sc)
{
    if (!sc || !sc->a)
        return; /* the built-in one is static data */
    /* The tables are read-only only once built: they are ours to free. */
    tables t = {(int *)sc->row_of, (int *)sc->rows, (int *)sc->edge_start, (int *)sc->edge_to, (int *)sc->fail,
                (int *)sc->out_head, (int *)sc->dict, (int *)sc->out_pat, (int *)sc->out_next,
                (unsigned char *)sc->edge_sym};
    free_tables(sc->a, &t);
    px_free(sc->a, sc);
}

/* The symbol of the character at s[i] (*n bytes), read as the literals
 * were (see lit_char), or -1 for a byte that only continues it: a
 * character without case is its bytes, one step each. */
static int next_symbol(const px_scanner *sc, const unsigned char *s, size_t i, size_t len,
                       size_t *n, size_t *rest)
{
    *n = 1;
    if (*rest) {
        (*rest)--;
        return sc->map[s[i]];
    }
    if (s[i] < 0x80)
        return sc->map[s[i]];
    uint32_t cp = utf8_char((const char *)s + i, len - i, n);
    if (cp == 0x17F || cp == 0x212A)
        return sc->map[cp == 0x17F ? 's' : 'k'];
    if (px_lit_nocase(cp)) {
        *rest = *n - 1;
        *n = 1;
        return sc->map[s[i]];
    }
    return sc->wide;
}

void px_scanner_run(const px_scanner *sc, const char *subject, size_t len, uint64_t *hits)
{
    const unsigned char *s = (const unsigned char *)subject;
    size_t nsym = (size_t)sc->nsym, rest = 0;
    int st = 0;
    for (size_t i = 0, n; i < len; i += n) {
        int sym = next_symbol(sc, s, i, len, &n, &rest);
        /* The next state: from a full row, a trie edge, or else the same
         * question one failure link down (the root has a row). */
        for (;;) {
            int r = sc->row_of[st];
            if (r >= 0) {
                st = sc->rows[(size_t)r * nsym + (size_t)sym];
                break;
            }
            int e = sc->edge_start[st], end = sc->edge_start[st + 1];
            while (e < end && sc->edge_sym[e] != sym)
                e++;
            if (e < end) {
                st = sc->edge_to[e];
                break;
            }
            st = sc->fail[st];
        }
        for (int o = sc->out_head[st] >= 0 ? st : sc->dict[st]; o >= 0; o = sc->dict[o])
            for (int e = sc->out_head[o]; e >= 0; e = sc->out_next[e])
                hits[sc->out_pat[e] / 64] |= 1ull << (sc->out_pat[e] % 64);
    }
}
