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

static void parse_seq(reader *r, strs *best)
{
    char run[256];
    size_t rl = 0;
    strs cand;
    strs_init(&cand, r->a, true);
    while (r->p < r->end && *r->p != '|' && *r->p != ')' && !r->bad) {
        char lit = 0;
        enum atom at;
        strs g;
        strs_init(&g, r->a, true);
        unsigned char c = (unsigned char)*r->p;
        if (c == '(') {
            r->p++;
            at = group(r, &g);
        } else if (c == '[') {
            skip_class(r);
            at = A_OTHER;
        } else if (c == '\\') {
            r->p++;
            at = escape(r, &lit);
        } else if (c == '.') {
            r->p++;
            at = A_OTHER;
        } else if (c == '^' || c == '$') {
            r->p++;
            at = A_ZERO;
        } else if (c >= 0x80) {
            r->p++;
            while (r->p < r->end && ((unsigned char)*r->p & 0xC0) == 0x80)
                r->p++;
            at = A_OTHER;
        } else {
            r->p++;
            lit = (char)c;
            at = A_LIT;
        }
        bool quantified;
        long min = quantifier(r, &quantified);
        bool extend = at == A_LIT && min >= 1 && rl + 1 < sizeof run;
        if (extend)
            run[rl++] = (lit >= 'A' && lit <= 'Z') ? (char)(lit + 32) : lit;
        if (!extend || quantified) {
            /* The run of literals ends here. */
            if (rl) {
                strs_init(&cand, r->a, false);
                strs_add(&cand, run, rl);
                take_if_better(best, &cand);
                rl = 0;
            }
        }
        if (at == A_GROUP && min >= 1 && !g.none)
            take_if_better(best, &g);
        else
            px_buf_free(&g.buf);
    }
    if (rl) {
        strs_init(&cand, r->a, false);
        strs_add(&cand, run, rl);
        take_if_better(best, &cand);
    }
    px_buf_free(&cand.buf);
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

struct px_scanner {
    const px_alloc *a;
    unsigned char cls[256]; /* byte (lower case) -> symbol; 0 for none */
    int nsym;
    int nstates;
    int *go;                /* nstates x nsym */
    int *out_head;          /* per state: first output, or -1 */
    int *dict;              /* per state: next state with outputs, or -1 */
    int *out_pat, *out_next;
    int nout;
    int words;              /* uint64_t words of a hit set */
};

int px_scanner_words(const px_scanner *sc) { return sc->words; }

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

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
        for (const char *t = sets[i].data; t && *t; t += strlen(t) + 1) {
            total += strlen(t);
            nlit++;
            for (const char *q = t; *q; q++)
                if (!sc->cls[lower((unsigned char)*q)])
                    sc->cls[lower((unsigned char)*q)] = (unsigned char)++sc->nsym;
        }
    sc->nsym++; /* symbol 0: bytes in no literal */
    sc->go = px_malloc(a, total * (size_t)sc->nsym * sizeof *sc->go);
    sc->out_head = px_malloc(a, total * sizeof(int));
    sc->dict = px_malloc(a, total * sizeof(int));
    sc->out_pat = px_malloc(a, ((size_t)nlit + 1) * sizeof(int));
    sc->out_next = px_malloc(a, ((size_t)nlit + 1) * sizeof(int));
    int *fail = px_malloc(a, total * sizeof(int));
    int *queue = px_malloc(a, total * sizeof(int));
    if (!sc->go || !sc->out_head || !sc->dict || !sc->out_pat || !sc->out_next || !fail || !queue) {
        px_free(a, fail);
        px_free(a, queue);
        px_scanner_free(sc);
        return NULL;
    }
    /* The trie; -1 marks a missing edge until the automaton is completed. */
    sc->nstates = 1;
    for (int k = 0; k < sc->nsym; k++)
        sc->go[k] = -1;
    sc->out_head[0] = -1;
    for (int i = 0; i < n; i++)
        for (const char *t = sets[i].data; t && *t; t += strlen(t) + 1) {
            int st = 0;
            for (const char *q = t; *q; q++) {
                int sym = sc->cls[lower((unsigned char)*q)];
                int *edge = &sc->go[(size_t)st * (size_t)sc->nsym + (size_t)sym];
                if (*edge < 0) {
                    int ns = sc->nstates++;
                    for (int k = 0; k < sc->nsym; k++)
                        sc->go[(size_t)ns * (size_t)sc->nsym + (size_t)k] = -1;
                    sc->out_head[ns] = -1;
                    *edge = ns;
                }
                st = *edge;
            }
            sc->out_pat[sc->nout] = i;
            sc->out_next[sc->nout] = sc->out_head[st];
            sc->out_head[st] = sc->nout++;
        }
    /* Breadth first: failure links, then every missing edge follows the
     * failure link, which makes the automaton a plain table walk. */
    int qh = 0, qt = 0;
    for (int k = 0; k < sc->nsym; k++) {
        int *edge = &sc->go[k];
        if (*edge < 0) {
            *edge = 0;
        } else {
            fail[*edge] = 0;
            queue[qt++] = *edge;
        }
    }
    fail[0] = 0;
    sc->dict[0] = -1;
    while (qh < qt) {
        int st = queue[qh++];
        int f = fail[st];
        sc->dict[st] = sc->out_head[f] >= 0 ? f : sc->dict[f];
        for (int k = 0; k < sc->nsym; k++) {
            int *edge = &sc->go[(size_t)st * (size_t)sc->nsym + (size_t)k];
            int fk = sc->go[(size_t)f * (size_t)sc->nsym + (size_t)k];
            if (*edge < 0) {
                *edge = fk;
            } else {
                fail[*edge] = fk;
                queue[qt++] = *edge;
            }
        }
    }
    px_free(a, fail);
    px_free(a, queue);
    return sc;
}

void px_scanner_free(px_scanner *sc)
{
    if (!sc)
        return;
    px_free(sc->a, sc->go);
    px_free(sc->a, sc->out_head);
    px_free(sc->a, sc->dict);
    px_free(sc->a, sc->out_pat);
    px_free(sc->a, sc->out_next);
    px_free(sc->a, sc);
}

void px_scanner_run(const px_scanner *sc, const char *s, size_t len, uint64_t *hits)
{
    memset(hits, 0, (size_t)sc->words * sizeof *hits);
    int st = 0;
    for (size_t i = 0; i < len; i++) {
        st = sc->go[(size_t)st * (size_t)sc->nsym + sc->cls[lower((unsigned char)s[i])]];
        for (int o = sc->out_head[st] >= 0 ? st : sc->dict[st]; o >= 0; o = sc->dict[o])
            for (int e = sc->out_head[o]; e >= 0; e = sc->out_next[e])
                hits[sc->out_pat[e] / 64] |= 1ull << (sc->out_pat[e] % 64);
    }
}
