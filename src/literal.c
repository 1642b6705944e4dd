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

/* Skips comments, "(?#...)": PCRE2 ignores them, so that a quantifier
 * after one applies to what came before it. */
static void skip_comments(reader *r)
{
    while (r->end - r->p >= 3 && r->p[0] == '(' && r->p[1] == '?' && r->p[2] == '#') {
        const char *e = memchr(r->p, ')', (size_t)(r->end - r->p));
        if (!e) {
            r->bad = true;
            return;
        }
        r->p = e + 1;
    }
}

/* Reads a quantifier if there is one; returns its minimum count (1 when
 * there is none). */
static long quantifier(reader *r, bool *present)
{
    *present = false;
    skip_comments(r);
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
    /* a comment may stand between a quantifier and its lazy or
     * possessive mark: PCRE2 reads "Q?(?#c)?" as "Q??" */
    skip_comments(r);
    if (r->p < r->end && (*r->p == '?' || *r->p == '+'))
        r->p++;
    return min;
}

/* Where a class member starting with "[:" (or "[." or "[=") at p ends:
 * past its ":]" if PCRE2 reads it as a POSIX class, else past the '['
 * alone, which is then a member. (As PCRE2's check_posix_syntax: a ']' or
 * another "[:" before the ":]" means it is not one.) */
static const char *posix_end(const char *p, const char *end)
{
    char term = p[1];
    for (const char *q = p + 2; end - q >= 2; q++) {
        if (*q == '\\' && (q[1] == ']' || q[1] == '\\'))
            q++;
        else if ((*q == '[' && q[1] == term) || *q == ']')
            return p + 1;
        else if (*q == term && q[1] == ']')
            return q + 2;
    }
    return p + 1;
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
        else if (*r->p == '[' && r->p + 1 < r->end &&
                 (r->p[1] == ':' || r->p[1] == '.' || r->p[1] == '='))
            r->p = posix_end(r->p, r->end);
        else
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
            /* A named group: the name is a word. Anything else here (the
             * non-atomic lookbehind "(?<*", say) is not read. */
            char close = *p == '\'' ? '\'' : '>';
            p += *p == 'P' ? 2 : 1;
            const char *name = p;
            while (p < r->end && (is_alnum(*p) || *p == '_'))
                p++;
            if (p == name || is_digit(*name) || p >= r->end || *p != close) {
                r->bad = true;
                return A_OTHER;
            }
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
    while (skip_comments(r), r->p < r->end && *r->p != '|' && *r->p != ')' && !r->bad) {
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
/* States with this many trie edges or more get a full row. */
#define ROW_EDGES 4

/* What px_scanner_new builds on the way to the scanner's tables. */
typedef struct work {
    int *go;               /* states x symbols, completed (see build) */
    int *parent;           /* per state: the state its trie edge leaves */
    unsigned char *sym_in; /* per state: the symbol of that edge */
    int *fail, *queue;
    int *out_head;         /* per state: its own first literal, or -1 */
    int *out_pat, *out_next;
    int nout;
} work;

/* The trie of every literal, in the full table w->go (-1: no edge), with
 * each literal's pattern on the state where it ends. */
static void trie(px_scanner *sc, work *w, const px_litset *sets, int n)
{
    size_t nsym = (size_t)sc->nsym;
    sc->nstates = 1;
    for (size_t k = 0; k < nsym; k++)
        w->go[k] = -1;
    w->out_head[0] = -1;
    w->parent[0] = -1;
    for (int i = 0; i < n; i++)
        for (const char *lit = sets[i].data; lit && *lit; lit += strlen(lit) + 1) {
            int st = 0;
            for (const char *q = lit; *q; q++) {
                int sym = symbol(sc, (unsigned char)*q);
                int *edge = &w->go[(size_t)st * nsym + (size_t)sym];
                if (*edge < 0) {
                    int ns = sc->nstates++;
                    for (size_t k = 0; k < nsym; k++)
                        w->go[(size_t)ns * nsym + k] = -1;
                    w->out_head[ns] = -1;
                    w->parent[ns] = st;
                    w->sym_in[ns] = (unsigned char)sym;
                    *edge = ns;
                }
                st = *edge;
            }
            w->out_pat[w->nout] = i;
            w->out_next[w->nout] = w->out_head[st];
            w->out_head[st] = w->nout++;
        }
}

/* Failure links, breadth first, completing the table as it goes: a missing
 * edge becomes the failure link's edge. w->queue ends up holding the states
 * in breadth-first order (the root excepted). */
static void links(px_scanner *sc, work *w)
{
    size_t nsym = (size_t)sc->nsym;
    int qh = 0, qt = 0;
    for (size_t k = 0; k < nsym; k++) {
        if (w->go[k] < 0) {
            w->go[k] = 0;
        } else {
            w->fail[w->go[k]] = 0;
            w->queue[qt++] = w->go[k];
        }
    }
    w->fail[0] = 0;
    while (qh < qt) {
        int st = w->queue[qh++];
        int f = w->fail[st];
        for (size_t k = 0; k < nsym; k++) {
            int *edge = &w->go[(size_t)st * nsym + k];
            int fk = w->go[(size_t)f * nsym + k];
            if (*edge < 0) {
                *edge = fk;
            } else {
                w->fail[*edge] = fk;
                w->queue[qt++] = *edge;
            }
        }
    }
}

/* The scanner's tables from the work: states, rows, edges, and each
 * state's patterns with its suffixes' (a suffix comes before the states
 * it ends, breadth first, so its list is done when a state needs it). */
static bool tables(px_scanner *sc, work *w, px_scan_state *state)
{
    const px_alloc *a = sc->a;
    size_t nsym = (size_t)sc->nsym;
    int nst = sc->nstates;
    /* Edges grouped by the state they leave; then rows. */
    for (int st = 0; st <= nst; st++)
        state[st].edges = 0;
    for (int st = 1; st < nst; st++)
        state[w->parent[st] + 1].edges++;
    for (int st = 0; st < nst; st++)
        state[st + 1].edges += state[st].edges;
    unsigned *edge = px_calloc(a, (size_t)nst, sizeof *edge);
    int *fill = px_malloc(a, (size_t)nst * sizeof *fill);
    if (!edge || !fill) {
        px_free(a, edge);
        px_free(a, fill);
        return false;
    }
    for (int st = 0; st < nst; st++)
        fill[st] = state[st].edges;
    for (int st = 1; st < nst; st++)
        edge[fill[w->parent[st]]++] = (unsigned)st << 8 | w->sym_in[st];
    px_free(a, fill);
    sc->edge = edge;
    sc->nedges = nst - 1;
    sc->nrows = 0;
    for (int st = 0; st < nst; st++) {
        state[st].fail = w->fail[st];
        state[st].row = !st || state[st + 1].edges - state[st].edges >= ROW_EDGES ? sc->nrows++ : -1;
    }
    state[nst].row = state[nst].fail = state[nst].outs = -1;
    int *rows = px_malloc(a, (size_t)sc->nrows * nsym * sizeof *rows);
    /* At most every literal on every state along its suffix chain: bound
     * the lists by what they come to, counted first. */
    size_t *len = px_calloc(a, (size_t)nst, sizeof *len);
    if (!rows || !len) {
        px_free(a, rows);
        px_free(a, len);
        return false;
    }
    sc->rows = rows;
    for (int st = 0; st < nst; st++)
        if (state[st].row >= 0)
            memcpy(rows + (size_t)state[st].row * nsym, w->go + (size_t)st * nsym,
                   nsym * sizeof *rows);
    size_t total = 0;
    for (int q = 0; q < nst - 1; q++) {
        int st = w->queue[q];
        for (int e = w->out_head[st]; e >= 0; e = w->out_next[e])
            len[st]++;
        len[st] += len[w->fail[st]];
        total += len[st] ? len[st] + 1 : 0;
    }
    int *outs = px_malloc(a, (total + 1) * sizeof *outs);
    if (!outs) {
        px_free(a, len);
        return false;
    }
    sc->outs = outs;
    int at = 0;
    state[0].outs = -1;
    for (int q = 0; q < nst - 1; q++) {
        int st = w->queue[q];
        state[st].outs = -1;
        if (!len[st])
            continue;
        state[st].outs = at;
        int start = at;
        for (int e = w->out_head[st]; e >= 0; e = w->out_next[e])
            outs[at++] = w->out_pat[e];
        int f = state[w->fail[st]].outs;
        for (; f >= 0 && outs[f] >= 0; f++)
            outs[at++] = outs[f];
        /* A pattern once per state (two of its literals may end there). */
        int kept = start;
        for (int i = start; i < at; i++) {
            bool dup = false;
            for (int j = start; j < kept && !dup; j++)
                dup = outs[j] == outs[i];
            if (!dup)
                outs[kept++] = outs[i];
        }
        at = kept;
        outs[at++] = -1;
    }
    sc->nouts = at;
    px_free(a, len);
    return true;
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
        for (const char *lit = sets[i].data; lit && *lit; lit += strlen(lit) + 1) {
            total += strlen(lit);
            nlit++;
            for (const char *q = lit; *q; q++) {
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
    work w = {0};
    w.go = px_malloc(a, total * (size_t)sc->nsym * sizeof *w.go);
    w.parent = px_malloc(a, total * sizeof *w.parent);
    w.sym_in = px_malloc(a, total);
    w.fail = px_malloc(a, total * sizeof *w.fail);
    w.queue = px_malloc(a, total * sizeof *w.queue);
    w.out_head = px_malloc(a, total * sizeof *w.out_head);
    w.out_pat = px_malloc(a, ((size_t)nlit + 1) * sizeof *w.out_pat);
    w.out_next = px_malloc(a, ((size_t)nlit + 1) * sizeof *w.out_next);
    px_scan_state *state = px_malloc(a, (total + 1) * sizeof *state);
    bool ok = w.go && w.parent && w.sym_in && w.fail && w.queue && w.out_head && w.out_pat &&
              w.out_next && state;
    if (ok) {
        trie(sc, &w, sets, n);
        links(sc, &w);
        sc->state = state;
        ok = tables(sc, &w, state);
    }
    px_free(a, w.go);
    px_free(a, w.parent);
    px_free(a, w.sym_in);
    px_free(a, w.fail);
    px_free(a, w.queue);
    px_free(a, w.out_head);
    px_free(a, w.out_pat);
    px_free(a, w.out_next);
    if (!ok) {
        sc->state = state;
        px_scanner_free(sc);
        return NULL;
    }
    return sc;
}

void px_scanner_free(px_scanner *sc)
{
    if (!sc || !sc->a)
        return; /* the built-in one is static data */
    /* The tables are read-only once built, and ours to free. */
    px_free(sc->a, (void *)sc->state);
    px_free(sc->a, (void *)sc->rows);
    px_free(sc->a, (void *)sc->edge);
    px_free(sc->a, (void *)sc->outs);
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
            const px_scan_state *q = &sc->state[st];
            if (q->row >= 0) {
                st = sc->rows[(size_t)q->row * nsym + (size_t)sym];
                break;
            }
            int e = q->edges, end = q[1].edges;
            while (e < end && (int)(sc->edge[e] & 0xFF) != sym)
                e++;
            if (e < end) {
                st = (int)(sc->edge[e] >> 8);
                break;
            }
            st = q->fail;
        }
        int o = sc->state[st].outs;
        if (o >= 0)
            for (const int *p = sc->outs + o; *p >= 0; p++)
                hits[*p / 64] |= 1ull << (*p % 64);
    }
}
