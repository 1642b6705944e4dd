/*
 * Catastrophic backtracking comes from a repeated group that can match one
 * text in many ways, so that a failing match tries them all: (a+)+ splits
 * "aaaa" between the inner and the outer repeat, (a|aa)+ between its
 * branches, (\w+\s?)+ between turns because \s? may match nothing. A
 * repeat is safe when what follows it inside the repeated group (and then
 * the group's next turn) can never start with a character the repeat could
 * have taken: in (\.\w+)+ a '.' stands between two turns' \w+, and in
 * (?:\s+[\w:]+(?:=[^\s>]+)?)* each turn starts with white space that the
 * repeats before it cannot match.
 *
 * So the pattern is parsed into a small tree whose atoms are sets of
 * characters, each node knows whether it can match nothing and which
 * characters can start it, and for every unbounded repeated group:
 *  - each repeat of a varying count inside it is compared with what can
 *    follow it up to and including the group's next turn;
 *  - a group that is one alternation has its branches compared pairwise:
 *    they match alike when one can start the same text as another and,
 *    where one is a prefix of the other, the group's next turn can go on
 *    with the rest ((a|ab)+ is safe, (a|aa)+ is not).
 * Character sets are over-approximated (a non-ASCII character is only a
 * word, space or other character), so the check errs towards warning.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "backtrack.h"

/* Deeper groups are not modelled (PCRE2 refuses them by default anyway). */
#define MAX_DEPTH 250

/* ---- character sets: the 128 ASCII characters and three kinds of the rest */

enum { HI_WORD = 128, HI_SPACE, HI_OTHER, NCHARS };

typedef struct cset {
    uint64_t w[3];
} cset;

static void set_add(cset *s, unsigned c)
{
    s->w[c >> 6] |= 1ull << (c & 63);
}

static void set_range(cset *s, unsigned a, unsigned b)
{
    for (unsigned c = a; c <= b && c < NCHARS; c++)
        set_add(s, c);
}

static void set_or(cset *s, const cset *t)
{
    for (int i = 0; i < 3; i++)
        s->w[i] |= t->w[i];
}

static bool set_meet(const cset *s, const cset *t)
{
    return (s->w[0] & t->w[0]) | (s->w[1] & t->w[1]) | (s->w[2] & t->w[2]);
}

static cset set_not(cset s)
{
    cset all = {{~0ull, ~0ull, (1ull << (NCHARS - 128)) - 1}};
    for (int i = 0; i < 3; i++)
        s.w[i] = ~s.w[i] & all.w[i];
    return s;
}

/* Both cases of every ASCII letter in s (the i flag). */
static void set_fold(cset *s)
{
    for (unsigned c = 'a'; c <= 'z'; c++)
        if ((s->w[c >> 6] >> (c & 63) | s->w[(c - 32) >> 6] >> ((c - 32) & 63)) & 1) {
            set_add(s, c);
            set_add(s, c - 32);
        }
}

/* The class escapes \d \w \s \h \v as under PCRE2_UCP; upper case is the
 * complement. Returns false for any other letter. full (if not NULL) gets
 * the kinds of non-ASCII characters the class holds every one of: a class
 * that holds only some of a kind (\d: some word characters) leaves that kind
 * in its complement too. */
static bool class_escape(char e, cset *s, cset *full)
{
    static const struct {
        char e;
        char ascii[64];
        unsigned hi;
        bool all; /* every character of kind hi */
    } classes[] = {
        {'d', "0123456789", HI_WORD, false},
        {'w', "0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", HI_WORD, true},
        {'s', " \t\n\v\f\r", HI_SPACE, true},
        {'h', " \t", HI_SPACE, false},
        {'v', "\n\v\f\r", HI_SPACE, false},
    };
    bool upper = e >= 'A' && e <= 'Z';
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
        if (classes[i].e != (upper ? e + 32 : e))
            continue;
        cset c = {{0}};
        set_add(&c, classes[i].hi);
        for (const char *a = classes[i].ascii; *a; a++)
            set_add(&c, (unsigned char)*a);
        cset kinds = {{0}}; /* the kinds it holds whole */
        if (classes[i].all)
            set_add(&kinds, classes[i].hi);
        if (upper) {
            kinds = set_not(kinds);
            kinds.w[0] = kinds.w[1] = 0;
            c = set_not(c);
            if (!classes[i].all) { /* the rest of a kind held in part */
                set_add(&c, classes[i].hi);
                kinds.w[2] &= ~(1ull << (classes[i].hi - 128));
            }
        }
        *s = c;
        if (full)
            *full = kinds;
        return true;
    }
    return false;
}

/* The code point of the UTF-8 sequence at p; *next is past it. */
static unsigned utf8_cp(const unsigned char *p, const unsigned char *end, const unsigned char **next)
{
    unsigned cp = *p, extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
    cp &= 0x3Fu >> extra;
    const unsigned char *q = p + 1;
    for (unsigned i = 0; i < extra && q < end && (*q & 0xC0) == 0x80; i++, q++)
        cp = cp << 6 | (*q & 0x3F);
    *next = q;
    return cp;
}

/* Adds the character cp: itself if ASCII, else its kind (a white space
 * character, or one that may be a word character or not). */
static void add_char(cset *s, unsigned cp)
{
    bool space = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
                 cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    if (cp < 128) {
        set_add(s, cp);
    } else if (space) {
        set_add(s, HI_SPACE);
    } else {
        set_add(s, HI_WORD);
        set_add(s, HI_OTHER);
    }
}

/* ---- the tree */

typedef enum kind {
    N_SET,   /* one character of a set */
    N_ZERO,  /* an anchor or a lookaround: matches no text */
    N_SEQ,   /* its children one after another */
    N_ALT,   /* one of its children (each an N_SEQ) */
    N_GROUP, /* its one child, an N_ALT */
} kind;

typedef struct node {
    kind k;
    bool atomic;      /* (?>...) or a possessive quantifier: never retried */
    int min, max;     /* its quantifier; max < 0: no bound */
    int parent, kid, last, next, prev;
    cset set;         /* N_SET */
    bool nullable;    /* can match the empty text */
    cset first;       /* the characters that can start a match */
    /* in a sequence: what the siblings after it can start with, and
     * whether they can all match nothing */
    cset rest_first;
    bool rest_open;
    int end;          /* one past its last descendant (pre-order) */
} node;

typedef struct rx {
    const unsigned char *p, *end;
    node *n;
    int nn, depth;
    bool icase, extended;
    bool unknown; /* a construct the check does not model */
} rx;

static int add(rx *r, kind k, int parent)
{
    int i = r->nn++;
    r->n[i] = (node){.k = k, .min = 1, .max = 1, .parent = parent, .kid = -1, .last = -1, .next = -1, .prev = -1};
    if (parent >= 0) {
        node *p = &r->n[parent];
        if (p->last >= 0)
            r->n[p->last].next = i;
        else
            p->kid = i;
        r->n[i].prev = p->last;
        p->last = i;
    }
    return i;
}

static int add_set(rx *r, int parent, cset s)
{
    if (r->icase)
        set_fold(&s);
    int i = add(r, N_SET, parent);
    r->n[i].set = s;
    return i;
}

/* A literal escape's character (\t, \x41, \x{e9}, \.); moves r->p past it. */
static unsigned escaped_char(rx *r)
{
    unsigned char e = *r->p++;
    static const char ctl[] = "t\tn\nr\rf\fe\033a\007";
    for (const char *c = ctl; *c; c += 2)
        if (e == (unsigned char)*c)
            return (unsigned char)c[1];
    if (e == 'x' || e == 'o' || (e >= '0' && e <= '7')) {
        bool braced = r->p < r->end && *r->p == '{';
        unsigned v = e >= '0' && e <= '7' ? e - '0' : 0, base = e == 'x' ? 16 : 8;
        r->p += braced;
        for (int i = 0; r->p < r->end && (braced || i < 2); i++, r->p++) {
            unsigned char d = *r->p;
            unsigned dv = d >= '0' && d <= '9' ? d - '0' : (d | 32) >= 'a' && (d | 32) <= 'f' ? (d | 32) - 'a' + 10 : 99;
            if (dv >= base)
                break;
            v = v > 0x10FFFF ? v : v * base + dv;
        }
        if (braced && r->p < r->end && *r->p == '}')
            r->p++;
        return v;
    }
    if (e == 'c' && r->p < r->end)
        return *r->p++ & 0x1F;
    if (e >= 0x80)
        return utf8_cp(r->p - 1, r->end, &r->p);
    return e;
}

/* \p{..} / \pL at r->p (past the 'p'): by the property's first letter
 * (letters and numbers are word characters, separators space, punctuation
 * and symbols other), any character when unknown. */
static cset property(rx *r, bool negate)
{
    char first = 0;
    if (r->p < r->end && *r->p == '{') {
        const unsigned char *c = memchr(r->p, '}', (size_t)(r->end - r->p));
        const unsigned char *name = r->p + 1;
        if (name < r->end && *name == '^') {
            negate = !negate;
            name++;
        }
        first = name < r->end ? (char)*name : 0;
        r->p = c ? c + 1 : r->end;
    } else if (r->p < r->end) {
        first = (char)*r->p++;
    }
    cset s = {{0}};
    if (first == 'L' || first == 'N') {
        class_escape('w', &s, NULL);
    } else if (first == 'Z') {
        class_escape('s', &s, NULL);
    } else if (first == 'P' || first == 'S') {
        set_range(&s, 0x21, 0x2F);
        set_range(&s, 0x3A, 0x40);
        set_range(&s, 0x5B, 0x60);
        set_range(&s, 0x7B, 0x7E);
        set_add(&s, HI_OTHER);
    } else {
        return set_not(s);
    }
    if (!negate)
        return s;
    cset n = set_not(s); /* each kind is only held in part */
    n.w[2] |= s.w[2];
    return n;
}

/* A bracketed class at r->p (past the '['). */
static cset bracket(rx *r)
{
    cset s = {{0}}, whole = {{0}}; /* the kinds of non-ASCII it holds every one of */
    bool negate = r->p < r->end && *r->p == '^';
    r->p += negate;
    bool first = true, posix = false; /* a POSIX class: any character, either way */
    while (r->p < r->end && (*r->p != ']' || first)) {
        first = false;
        unsigned c;
        if (*r->p == '[' && r->p + 1 < r->end && r->p[1] == ':') { /* [:alpha:]: anything */
            const unsigned char *e = r->p + 2;
            while (e + 1 < r->end && !(e[0] == ':' && e[1] == ']'))
                e++;
            r->p = e + 1 < r->end ? e + 2 : r->end;
            posix = true;
            continue;
        }
        if (*r->p == '\\' && r->p + 1 < r->end) {
            r->p++;
            cset cls;
            char e = (char)*r->p;
            if (e == 'p' || e == 'P') {
                r->p++;
                cls = property(r, e == 'P'); /* some of each kind it names */
                set_or(&s, &cls);
                continue;
            }
            cset kinds;
            if (class_escape(e, &cls, &kinds)) {
                r->p++;
                set_or(&s, &cls);
                set_or(&whole, &kinds);
                continue;
            }
            c = escaped_char(r);
        } else if (*r->p >= 0x80) {
            c = utf8_cp(r->p, r->end, &r->p);
        } else {
            c = *r->p++;
        }
        if (r->p + 1 < r->end && *r->p == '-' && r->p[1] != ']') { /* a range */
            r->p++;
            unsigned to;
            if (*r->p >= 0x80) {
                to = utf8_cp(r->p, r->end, &r->p);
            } else if (*r->p == '\\' && r->p + 1 < r->end) {
                r->p++;
                to = escaped_char(r);
            } else {
                to = *r->p++;
            }
            set_range(&s, c, to < 0x7F ? to : 0x7F);
            if (to >= 128) /* some of every kind, for all it knows */
                set_range(&s, HI_WORD, NCHARS - 1);
        } else {
            add_char(&s, c);
        }
    }
    r->p += r->p < r->end; /* the ']' */
    if (posix)
        return set_not((cset){{0}});
    if (r->icase)
        set_fold(&s);
    if (!negate)
        return s;
    /* a non-ASCII character named in the class stands for its kind, but
     * leaving it out leaves the rest of the kind in */
    cset named = s;
    named.w[2] &= whole.w[2];
    return set_not(named);
}

static void alternation(rx *r, int group);

/* A group at r->p (past the '('), or no node for a comment or an option
 * setting. */
static int group(rx *r, int seq)
{
    kind k = N_GROUP;
    bool atomic = false;
    if ((r->p < r->end && *r->p == '*') || r->depth >= MAX_DEPTH) {
        r->unknown = true; /* a verb, or deeper than PCRE2 nests */
        return -1;
    }
    if (r->p < r->end && *r->p == '?') {
        r->p++;
        unsigned char c = r->p < r->end ? *r->p : ')';
        if (c == '#') {
            const unsigned char *e = memchr(r->p, ')', (size_t)(r->end - r->p));
            r->p = e ? e + 1 : r->end;
            return -1;
        }
        if (c == '=' || c == '!' || (c == '<' && r->p + 1 < r->end && (r->p[1] == '=' || r->p[1] == '!'))) {
            k = N_ZERO; /* a lookaround: its text is not consumed */
            r->p += c == '<' ? 2 : 1;
        } else if (c == '>' || c == ':' || c == '|') {
            atomic = c == '>';
            r->p++;
        } else if (c == '<' || c == '\'' || (c == 'P' && r->p + 1 < r->end && r->p[1] == '<')) {
            const unsigned char *e = r->p;
            while (e < r->end && *e != '>' && (e == r->p || *e != '\''))
                e++;
            r->p = e + (e < r->end);
        } else if (c && strchr("imnsxJU-^", c)) { /* options: (?i) or (?i:...) */
            bool off = false;
            while (r->p < r->end && *r->p && strchr("imnsxJU-^", *r->p)) {
                off |= *r->p == '-';
                if (*r->p == 'i' && !off)
                    r->icase = true; /* for the rest of the pattern: errs towards warning */
                if (*r->p == 'x')
                    r->extended = !off;
                r->p++;
            }
            if (r->p < r->end && *r->p == ')') {
                r->p++;
                return -1;
            }
            r->p += r->p < r->end; /* the ':' */
        } else {
            r->unknown = true; /* recursion, a back reference by name, a condition */
            return -1;
        }
    }
    int g = add(r, k, seq);
    r->n[g].atomic = atomic;
    r->depth++;
    alternation(r, g);
    r->depth--;
    r->p += r->p < r->end; /* the ')' */
    return g;
}

/* One atom at r->p and its quantifier, added to seq. */
static void atom(rx *r, int seq)
{
    unsigned char c = *r->p++;
    int i = -1;
    cset s = {{0}};
    if (r->extended && px_ascii_is_space(c))
        return;
    if (r->extended && c == '#') {
        while (r->p < r->end && *r->p != '\n')
            r->p++;
        return;
    }
    if (c == '(') {
        i = group(r, seq);
    } else if (c == '[') {
        i = add_set(r, seq, bracket(r));
    } else if (c == '.') {
        i = add_set(r, seq, set_not(s));
    } else if (c == '^' || c == '$') {
        i = add(r, N_ZERO, seq);
    } else if (c == '\\' && r->p < r->end) {
        unsigned char e = *r->p;
        if (e && strchr("bBAzZGK", e)) {
            r->p++;
            i = add(r, N_ZERO, seq);
        } else if (e == 'Q') {
            const unsigned char *q = r->p + 1;
            while (q < r->end && !(q[0] == '\\' && q + 1 < r->end && q[1] == 'E')) {
                cset one = {{0}};
                add_char(&one, *q >= 0x80 ? utf8_cp(q, r->end, &q) : *q++);
                i = add_set(r, seq, one);
            }
            r->p = q < r->end ? q + 2 : r->end;
        } else if ((e >= '1' && e <= '9') || e == 'g' || e == 'k') { /* a back reference */
            r->p++;
            unsigned char c0 = r->p < r->end && e >= 'a' ? *r->p : 0;
            unsigned char closer = c0 == '{' ? '}' : c0 == '<' ? '>' : c0 == '\'' ? '\'' : 0;
            r->p += closer != 0;
            while (r->p < r->end && (closer ? *r->p != closer : (*r->p >= '0' && *r->p <= '9') || *r->p == '-' || *r->p == '+'))
                r->p++;
            r->p += closer && r->p < r->end;
            i = add_set(r, seq, set_not(s)); /* any text, or none */
            r->n[i].min = 0;
        } else if (e == 'R' || e == 'N') { /* a line break; anything but \n */
            r->p++;
            set_add(&s, '\n');
            if (e == 'R') {
                class_escape('v', &s, NULL);
                i = add_set(r, seq, s);
            } else {
                i = add_set(r, seq, set_not(s));
            }
        } else if (e == 'p' || e == 'P') {
            r->p++;
            i = add_set(r, seq, property(r, e == 'P'));
        } else if (e == 'X' || e == 'C') {
            r->p++;
            i = add_set(r, seq, set_not(s));
        } else if (class_escape((char)e, &s, NULL)) {
            r->p++;
            i = add_set(r, seq, s);
        } else {
            add_char(&s, escaped_char(r));
            i = add_set(r, seq, s);
        }
    } else if (c >= 0x80) {
        add_char(&s, utf8_cp(r->p - 1, r->end, &r->p));
        i = add_set(r, seq, s);
    } else {
        set_add(&s, c);
        i = add_set(r, seq, s);
    }
    if (i < 0 || r->p >= r->end)
        return;
    /* its quantifier */
    node *n = &r->n[i];
    c = *r->p;
    if (c == '?' || c == '*' || c == '+') {
        r->p++;
        n->min = c == '+';
        n->max = c == '?' ? 1 : -1;
    } else if (c == '{') {
        const unsigned char *q = r->p + 1;
        int lo = 0, hi;
        bool digits = false;
        for (; q < r->end && *q >= '0' && *q <= '9'; q++, digits = true)
            lo = lo > 100000 ? lo : lo * 10 + (*q - '0');
        hi = lo;
        if (q < r->end && *q == ',') {
            hi = -1;
            if (q + 1 < r->end && q[1] >= '0' && q[1] <= '9')
                for (hi = 0, q++; q < r->end && *q >= '0' && *q <= '9'; q++)
                    hi = hi > 100000 ? hi : hi * 10 + (*q - '0');
            else
                q++;
        }
        if (!digits || q >= r->end || *q != '}')
            return; /* a literal '{' */
        r->p = q + 1;
        n->min = lo;
        n->max = hi;
    } else {
        return;
    }
    if (r->p < r->end && *r->p == '+') {
        n->atomic = true; /* possessive */
        r->p++;
    } else if (r->p < r->end && *r->p == '?') {
        r->p++; /* lazy: it still backtracks */
    }
}

/* The branches of a group, up to its ')' or the end. */
static void alternation(rx *r, int group)
{
    int alt = add(r, N_ALT, group);
    for (;;) {
        int seq = add(r, N_SEQ, alt);
        while (r->p < r->end && *r->p != '|' && *r->p != ')' && !r->unknown)
            atom(r, seq);
        if (r->p >= r->end || *r->p != '|' || r->unknown)
            return;
        r->p++;
    }
}

/* Fills in nullable and first, children before parents. */
static void measure(rx *r, int i)
{
    node *n = &r->n[i];
    n->nullable = n->k != N_SET && n->k != N_ALT;
    if (n->k == N_SET)
        n->first = n->set;
    for (int c = n->kid; c >= 0; c = r->n[c].next) {
        measure(r, c);
        const node *m = &r->n[c];
        if (n->k == N_ZERO) {
            continue; /* what a lookaround looks at is never consumed */
        } else if (n->k == N_ALT) {
            set_or(&n->first, &m->first);
            n->nullable |= m->nullable;
        } else if (n->nullable) { /* a sequence, or a group's one child */
            set_or(&n->first, &m->first);
            n->nullable = m->nullable;
        }
    }
    if (n->min == 0)
        n->nullable = true;
    n->end = n->last >= 0 ? r->n[n->last].end : i + 1;
    if (n->k == N_SEQ) { /* the suffixes, last child first */
        cset rest = {{0}};
        bool open = true;
        for (int c = n->last; c >= 0; c = r->n[c].prev) {
            r->n[c].rest_first = rest;
            r->n[c].rest_open = open;
            if (!r->n[c].nullable) {
                rest = r->n[c].first;
                open = false;
            } else {
                set_or(&rest, &r->n[c].first);
            }
        }
    }
}

static bool varies(const node *n)
{
    return !n->atomic && (n->max < 0 || n->max > n->min);
}

/* Can what follows x inside the repeated group g, up to and including g's
 * next turn, start with a character x could have taken? */
static bool runs_on(const rx *r, int g, int x)
{
    cset f = {{0}};
    for (int cur = x;;) {
        int p = r->n[cur].parent;
        if (p == g) {
            set_or(&f, &r->n[g].first); /* the next turn */
            break;
        }
        const node *pn = &r->n[p];
        if (pn->k == N_SEQ) {
            set_or(&f, &r->n[cur].rest_first);
            if (!r->n[cur].rest_open)
                break;
        } else if (pn->k == N_GROUP && (pn->max < 0 || pn->max > 1)) {
            set_or(&f, &pn->first); /* its own next turn */
        }
        cur = p;
    }
    return set_meet(&f, &r->n[x].first);
}

static int skip_zero(const rx *r, int i)
{
    while (i >= 0 && r->n[i].k == N_ZERO)
        i = r->n[i].next;
    return i;
}

/* Can branches a and b (N_SEQ) of the repeated group g match the same
 * text, or one a prefix of the other that g's next turn goes on from? */
static bool alike(const rx *r, int g, int a, int b)
{
    int i = skip_zero(r, r->n[a].kid), j = skip_zero(r, r->n[b].kid);
    for (;;) {
        if (i < 0 && j < 0)
            return true;
        if (i < 0 || j < 0) {
            cset f = {{0}};
            bool open = true;
            for (int k = i < 0 ? j : i; k >= 0 && open; k = r->n[k].next) {
                set_or(&f, &r->n[k].first);
                open = r->n[k].nullable;
            }
            return open || set_meet(&f, &r->n[g].first);
        }
        const node *x = &r->n[i], *y = &r->n[j];
        if (!set_meet(&x->first, &y->first))
            return x->nullable || y->nullable;
        if (x->k != N_SET || y->k != N_SET || x->min != 1 || x->max != 1 || y->min != 1 || y->max != 1)
            return true; /* not one character each: assume the worst */
        i = skip_zero(r, x->next);
        j = skip_zero(r, y->next);
    }
}

/* The alternation that is g's whole body, looking through plain groups
 * around it ((?:(?:a|aa))+), or -1. */
static int body_alternation(const rx *r, int g)
{
    int alt = r->n[g].kid;
    for (;;) {
        const node *a = &r->n[alt];
        if (a->kid != a->last)
            return alt;
        const node *seq = &r->n[a->kid];
        if (seq->kid < 0 || seq->kid != seq->last)
            return -1;
        const node *only = &r->n[seq->kid];
        if (only->k != N_GROUP || only->min != 1 || only->max != 1 || only->atomic)
            return -1;
        alt = only->kid;
    }
}

static const char *loop_risk(const rx *r, int g)
{
    /* every node inside g (the tree is stored in pre-order) */
    for (int x = g + 1; x < r->n[g].end; x++) {
        bool skipped = false; /* inside an atomic group or a lookaround */
        for (int a = r->n[x].parent; a != g; a = r->n[a].parent)
            skipped |= r->n[a].atomic || r->n[a].k == N_ZERO;
        if (!skipped && r->n[x].k != N_ZERO && varies(&r->n[x]) && runs_on(r, g, x))
            return "a repeat inside a repeated group can match what follows it";
    }
    int alt = body_alternation(r, g);
    if (alt >= 0)
        for (int a = r->n[alt].kid; a >= 0; a = r->n[a].next)
            for (int b = r->n[a].next; b >= 0; b = r->n[b].next)
                if (alike(r, g, a, b))
                    return "a repeated alternation has branches that can match alike";
    return NULL;
}

const char *cli_backtrack_risk(const char *pattern, size_t n, const char *flags, size_t flen)
{
    rx r = {.p = (const unsigned char *)pattern, .end = (const unsigned char *)pattern + n};
    for (size_t i = 0; i < flen; i++) {
        r.icase |= flags[i] == 'i';
        r.extended |= flags[i] == 'x';
    }
    /* each character adds one node at most, each '(' three and each '|' one */
    r.n = malloc((3 * n + 4) * sizeof *r.n);
    if (!r.n)
        return "not checked: out of memory";
    int root = add(&r, N_GROUP, -1);
    alternation(&r, root); /* up to the end: PCRE2 refuses a stray ')' */
    const char *why = NULL;
    if (!r.unknown) {
        measure(&r, root);
        for (int g = 0; g < r.nn && !why; g++)
            if (r.n[g].k == N_GROUP && r.n[g].max < 0 && !r.n[g].atomic)
                why = loop_risk(&r, g);
    }
    free(r.n);
    return why;
}
