#include "scanner.h"

#include <string.h>
#include "ascii.h"

int px_scanner_words(const px_scanner *sc) { return sc->words; }

/* The symbol of literal byte c. */
static int symbol(const px_scanner *sc, unsigned char c)
{
    return c == (unsigned char)PX_LIT_WIDE ? sc->wide
           : c == (unsigned char)PX_LIT_BOUND ? sc->bound : sc->map[c];
}

/* Builds the trie and its links in a full table (go: nstates x nsym,
 * completed: every missing edge follows the failure link), then keeps the
 * trie edges (parent and symbol of each state) and the root's row. */
/* States with this many trie edges or more get a full row: a step from
 * one is a load, not a search whose branches a first page cannot predict
 * (3 rather than 4: 8% fewer instructions scanning the start-up page, rows
 * of 53 -> 99 KB). */
#define ROW_EDGES 3

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

/* Renumbers the states breadth first: the root, then w->queue's order.
 * Every subject walks the states near the root, which then share a few
 * pages instead of lying among the deep states of the literals they
 * begin (a process started for one small page touched every page of the
 * bundled tables); and the children of each state are consecutive, so an
 * edge needs no target (see px_scan_state). */
static bool renumber(px_scanner *sc, work *w)
{
    const px_alloc *a = sc->a;
    size_t nsym = (size_t)sc->nsym;
    int nst = sc->nstates;
    int *perm = px_malloc(a, (size_t)nst * sizeof *perm);
    int *go = px_malloc(a, (size_t)nst * nsym * sizeof *go);
    int *ints = px_malloc(a, (size_t)nst * 3 * sizeof *ints);
    unsigned char *sym = px_malloc(a, (size_t)nst);
    bool ok = perm && go && ints && sym;
    if (ok) {
        perm[0] = 0;
        for (int q = 0; q < nst - 1; q++)
            perm[w->queue[q]] = q + 1;
        int *parent = ints, *fail = ints + nst, *head = ints + 2 * nst;
        for (int st = 0; st < nst; st++) {
            int to = perm[st];
            for (size_t k = 0; k < nsym; k++)
                go[(size_t)to * nsym + k] = perm[w->go[(size_t)st * nsym + k]];
            parent[to] = st ? perm[w->parent[st]] : -1;
            sym[to] = w->sym_in[st];
            fail[to] = perm[w->fail[st]];
            head[to] = w->out_head[st];
        }
        memcpy(w->go, go, (size_t)nst * nsym * sizeof *go);
        memcpy(w->parent, parent, (size_t)nst * sizeof *parent);
        memcpy(w->sym_in, sym, (size_t)nst);
        memcpy(w->fail, fail, (size_t)nst * sizeof *fail);
        memcpy(w->out_head, head, (size_t)nst * sizeof *head);
        for (int q = 0; q < nst - 1; q++)
            w->queue[q] = q + 1;
    }
    px_free(a, perm);
    px_free(a, go);
    px_free(a, ints);
    px_free(a, sym);
    return ok;
}

/* The scanner's tables from the (renumbered) work: states, rows, the
 * symbols of the edges, and each state's patterns with its suffixes' (a
 * suffix comes before the states it ends, breadth first, so its list is
 * done when a state needs it). */
static bool tables(px_scanner *sc, work *w, px_scan_state *state)
{
    const px_alloc *a = sc->a;
    size_t nsym = (size_t)sc->nsym;
    int nst = sc->nstates;
    /* A state's children begin after every child of the states before
     * it (parents are non-decreasing, breadth first). */
    int c = 1;
    for (int st = 0; st <= nst; st++) {
        while (c < nst && w->parent[c] < st)
            c++;
        state[st].kids = c;
    }
    unsigned char *sym = px_malloc(a, (size_t)nst);
    if (!sym)
        return false;
    memcpy(sym, w->sym_in, (size_t)nst);
    sym[0] = 0;
    sc->sym = sym;
    /* Rows and lists of patterns first, in work arrays: the states pack
     * either a row or a failure link, and a flag for the lists. */
    bool rows_ok = nst <= PX_SCAN_ROW_STATES;
    int *row_of = px_malloc(a, (size_t)nst * sizeof *row_of);
    int *outs_at = px_malloc(a, (size_t)nst * sizeof *outs_at);
    /* At most every literal on every state along its suffix chain: bound
     * the lists by what they come to, counted first. */
    size_t *len = px_calloc(a, (size_t)nst, sizeof *len);
    if (!row_of || !outs_at || !len) {
        px_free(a, row_of);
        px_free(a, outs_at);
        px_free(a, len);
        return false;
    }
    sc->outs_at = outs_at;
    sc->nrows = 0;
    for (int st = 0; st < nst; st++)
        row_of[st] = rows_ok && (!st || state[st + 1].kids - state[st].kids >= ROW_EDGES)
                         ? sc->nrows++
                         : -1;
    uint16_t *rows = px_malloc(a, ((size_t)sc->nrows * nsym + 1) * sizeof *rows);
    if (!rows) {
        px_free(a, row_of);
        px_free(a, len);
        return false;
    }
    sc->rows = rows;
    for (int st = 0; st < nst; st++)
        if (row_of[st] >= 0)
            for (size_t k = 0; k < nsym; k++)
                rows[(size_t)row_of[st] * nsym + k] = (uint16_t)w->go[(size_t)st * nsym + k];
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
        px_free(a, row_of);
        px_free(a, len);
        return false;
    }
    sc->outs = outs;
    int at = 0;
    outs_at[0] = -1;
    for (int q = 0; q < nst - 1; q++) {
        int st = w->queue[q];
        outs_at[st] = -1;
        if (!len[st])
            continue;
        outs_at[st] = at;
        int start = at;
        for (int e = w->out_head[st]; e >= 0; e = w->out_next[e])
            outs[at++] = w->out_pat[e];
        int f = outs_at[w->fail[st]];
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
    for (int st = 0; st < nst; st++)
        state[st].link = (row_of[st] >= 0 ? (uint32_t)row_of[st] << 2 | PX_SCAN_ROW
                                          : (uint32_t)w->fail[st] << 2) |
                         (outs_at[st] >= 0 ? PX_SCAN_OUTS : 0u);
    state[nst].link = 0;
    px_free(a, row_of);
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
                if (c == (unsigned char)PX_LIT_WIDE) {
                    if (!sc->wide)
                        sc->wide = ++sc->nsym;
                } else if (c == (unsigned char)PX_LIT_BOUND) {
                    if (!sc->bound)
                        sc->bound = ++sc->nsym;
                } else if (!sc->map[px_ascii_lower(c)]) {
                    sc->map[px_ascii_lower(c)] = (unsigned char)++sc->nsym;
                }
            }
        }
    /* Subjects are read in either case, and every character that parts
     * words as the one symbol (literals never hold them as themselves).
     * (At most 255 symbols: the bytes of literals, which are lower case,
     * the wide one and the boundary.) */
    for (int c = 'A'; c <= 'Z'; c++)
        sc->map[c] = sc->map[c + 32];
    for (int c = 0; c < 0x80; c++)
        if (px_lit_bound((uint32_t)c))
            sc->map[c] = (unsigned char)sc->bound;
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
        ok = renumber(sc, &w) && tables(sc, &w, state);
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
    px_free(sc->a, (void *)sc->sym);
    px_free(sc->a, (void *)sc->outs_at);
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
    uint32_t cp = px_lit_utf8((const char *)s + i, len - i, n);
    if (cp == 0x17F || cp == 0x212A)
        return sc->map[cp == 0x17F ? 's' : 'k'];
    if (px_lit_space(cp))
        return sc->bound;
    if (px_lit_nocase(cp)) {
        *rest = *n - 1;
        *n = 1;
        return sc->map[s[i]];
    }
    return sc->wide;
}

/* The state after st on symbol sym, with the hits of the literals that
 * end there. */
static inline int advance(const px_scanner *sc, int st, int sym, uint64_t *hits)
{
    /* From a full row, a trie edge, or else the same question one failure
     * link down (the root, without a row, keeps itself). */
    for (;;) {
        const px_scan_state *q = &sc->state[st];
        if (q->link & PX_SCAN_ROW) {
            st = sc->rows[(size_t)(q->link >> 2) * (size_t)sc->nsym + (size_t)sym];
            break;
        }
        int c = q->kids, end = q[1].kids;
        while (c < end && sc->sym[c] != sym)
            c++;
        if (c < end) {
            st = c;
            break;
        }
        if (!st)
            break;
        st = (int)(q->link >> 2);
    }
    if (sc->state[st].link & PX_SCAN_OUTS)
        for (const int *p = sc->outs + sc->outs_at[st]; *p >= 0; p++)
            hits[*p / 64] |= 1ull << (*p % 64);
    return st;
}

void px_scanner_run(const px_scanner *sc, const char *subject, size_t len, uint64_t *hits)
{
    const unsigned char *s = (const unsigned char *)subject;
    size_t rest = 0;
    /* The start of the subject is a boundary. */
    int st = sc->bound ? advance(sc, 0, sc->bound, hits) : 0;
    for (size_t i = 0, n; i < len; i += n)
        st = advance(sc, st, next_symbol(sc, s, i, len, &n, &rest), hits);
}
