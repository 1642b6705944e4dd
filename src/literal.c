#include "literal.h"

#include <string.h>
#include "ascii.h"

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

static bool parse_alt(reader *r, strs *out, bool ctx);

/* (A_ASSERT: an assertion's group, whose content consumes nothing) */
enum atom { A_LIT, A_GROUP, A_ZERO, A_OTHER, A_ASSERT };

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

uint32_t px_lit_utf8(const char *s, size_t n, size_t *len)
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
    {0x00A0, 0x00BF}, /* no-break space, ¡ ¢ £ « ¬ ® ° · » ¿ (not µ, at B5) */
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

bool px_lit_space(uint32_t cp)
{
    if (cp < 0x80)
        return px_ascii_is_space((unsigned char)cp);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool px_lit_bound(uint32_t cp) { return cp == '-' || cp == '_' || px_lit_space(cp); }

bool px_lit_nocase(uint32_t cp)
{
    if (cp < 0x0590) /* (not µ, at B5, nor the letters of Latin-1) */
        return (cp >= 0x00A0 && cp <= 0x00BF && cp != 0x00B5) || cp == 0x00D7 || cp == 0x00F7;
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

/* Is the class text [b, e) (between the brackets) made of characters
 * that part words only: \s, '_', '-' (first, last or escaped), space? */
static bool bound_class(const char *b, const char *e)
{
    if (b >= e)
        return false;
    for (const char *q = b; q < e; q++) {
        if (*q == '\\' && q + 1 < e && (q[1] == 's' || q[1] == '-' || q[1] == '_' || q[1] == ' '))
            q++;
        else if (*q == '-' && (q == b || q + 1 == e))
            ;
        else if (*q != '_' && *q != ' ')
            return false;
    }
    return true;
}

/* Reads a group after '('; fills g for a capturing or plain group. ctx
 * says whether a boundary (start, white space, '_', '-') always comes
 * right before the group; *ctx_out says the same of what follows it. */
/* Reads what opens a group after its '(': A_GROUP when its content
 * follows (r->p on it) and consumes what the content does, A_ASSERT when
 * an assertion's content follows, A_ZERO for a comment
 * or an option setting (read past), A_OTHER (r->bad) for what we do not
 * read. */
static enum atom group_open(reader *r)
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
            p++, kind = A_ASSERT;
        else if (p + 1 < r->end && *p == '<' && (p[1] == '=' || p[1] == '!'))
            p += 2, kind = A_ASSERT;
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
    return kind;
}

/* Reads the ')' that closes a group; false (r->bad) without one. */
static bool group_close(reader *r)
{
    if (r->p >= r->end || *r->p != ')') {
        r->bad = true;
        return false;
    }
    r->p++;
    return true;
}

/* Reads a group after '('; fills g for a capturing or plain group. ctx
 * says whether a boundary (start, white space, '_', '-') always comes
 * right before the group; *ctx_out says the same of what follows it. */
static enum atom group(reader *r, strs *g, bool ctx, bool *ctx_out)
{
    const char *p = r->p;
    *ctx_out = ctx; /* assertions and options consume nothing */
    /* "(?<![^\s_-])": no word character before, that is a boundary. */
    if (r->end - p >= 5 && !memcmp(p, "?<![^", 5)) {
        const char *cb = p + 5, *ce = memchr(cb, ']', (size_t)(r->end - cb));
        if (ce && ce + 1 < r->end && ce[1] == ')' && bound_class(cb, ce))
            *ctx_out = true;
    }
    enum atom kind = group_open(r);
    if (kind != A_GROUP && kind != A_ASSERT)
        return kind;
    bool out = parse_alt(r, g, kind == A_GROUP ? ctx : false);
    if (kind == A_GROUP)
        *ctx_out = out;
    if (!group_close(r))
        return A_OTHER;
    return kind == A_GROUP ? A_GROUP : A_ZERO;
}

/* Reads the character at r->p as a literal: into out (*n bytes) as the
 * scanner will see it. False for the long s and the Kelvin sign, which are
 * s and k caselessly (see the scanner), and which are no literal then. */
static bool lit_char(reader *r, char *out, size_t *n)
{
    unsigned char c = (unsigned char)*r->p;
    if (c < 0x80) {
        r->p++;
        out[0] = px_lit_bound(c) ? PX_LIT_BOUND : (char)px_ascii_lower(c);
        *n = 1;
        return true;
    }
    size_t len;
    uint32_t cp = px_lit_utf8(r->p, (size_t)(r->end - r->p), &len);
    /* A character with no case variant is its own bytes; any other is the
     * wide symbol, which stands for all its variants (all beyond ASCII,
     * but for those two) as for every other such character. */
    if (px_lit_bound(cp)) {
        out[0] = PX_LIT_BOUND;
        *n = 1;
    } else if (px_lit_nocase(cp)) {
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

/* Does another string of the run lie inside string i (the earlier of two
 * equal ones counting)? A subject that holds string i then holds that one:
 * i adds nothing to the filter ("ads" next to "ad", as "ads?" reads). */
static bool run_covered(const run *rn, int i)
{
    for (int j = 0; j < rn->n; j++) {
        if (j == i || rn->len[j] > rn->len[i] || (rn->len[j] == rn->len[i] && j > i))
            continue;
        for (size_t at = 0; at + rn->len[j] <= rn->len[i]; at++)
            if (!memcmp(rn->s[i] + at, rn->s[j], rn->len[j]))
                return true;
    }
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
        if (!run_covered(rn, i))
            strs_add(&cand, rn->s[i], rn->len[i]);
    take_if_better(best, &cand);
    px_buf_free(&cand.buf);
    rn->n = 0;
}

/* Appends an atom's alternatives to every string of the run, or starts a
 * new run with them when the product would be too large. A run that starts
 * where a boundary always comes before (bound) starts with PX_LIT_BOUND. */
static void run_extend(reader *r, run *rn, const alts *al, bool bound, strs *best)
{
    bool fits = rn->n * al->n <= RUN_MAX;
    for (int i = 0; i < rn->n && fits; i++)
        fits = rn->len[i] + 4 < RUN_LEN;
    if (!fits)
        run_end(r, rn, best);
    if (!rn->n) {
        rn->n = 1;
        rn->len[0] = 0;
        /* (An atom that is itself a boundary needs no second one.) */
        if (bound && !(al->n == 1 && al->len[0] == 1 && al->s[0][0] == PX_LIT_BOUND))
            rn->s[0][rn->len[0]++] = PX_LIT_BOUND;
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

/* Appends an optional atom's alternatives to the run, keeping each string
 * without it too; false (the run unchanged) when the product would not
 * fit. */
static bool run_extend_maybe(run *rn, const alts *al)
{
    if (rn->n * (al->n + 1) > RUN_MAX)
        return false;
    for (int i = 0; i < rn->n; i++)
        if (rn->len[i] + 4 >= RUN_LEN)
            return false;
    int n = rn->n;
    for (int i = 0; i < rn->n; i++)
        for (int k = 0; k < al->n; k++) {
            memcpy(rn->s[n], rn->s[i], rn->len[i]);
            memcpy(rn->s[n] + rn->len[i], al->s[k], al->len[k]);
            rn->len[n++] = rn->len[i] + al->len[k];
        }
    rn->n = n;
    return true;
}

/* Reads an atom other than a group: a class, an escape, '.', an anchor or
 * a character; a literal's alternatives go into al. *last: the atom
 * always ends with a boundary. */
static enum atom plain_atom(reader *r, alts *al, bool *last)
{
    unsigned char c = (unsigned char)*r->p;
    enum atom at;
    *last = false;
    if (c == '[') {
        const char *cb = r->p;
        at = class_alts(r, al) ? A_LIT : A_OTHER;
        if (at == A_OTHER)
            skip_class(r);
        *last = r->p - cb >= 2 && bound_class(cb + 1, r->p - 1);
    } else if (c == '\\') {
        r->p++;
        char lit = 0;
        *last = r->p < r->end && *r->p == 's';
        at = escape(r, &lit);
        if (at == A_LIT) {
            char l = px_lit_bound((unsigned char)lit) ? PX_LIT_BOUND
                     : (char)px_ascii_lower((unsigned char)lit);
            alts_add(al, &l, 1);
            *last = l == PX_LIT_BOUND;
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
            alts_add(al, l, n);
        *last = at == A_LIT && n == 1 && l[0] == PX_LIT_BOUND;
    }
    return at;
}

/* Reads a sequence into best (its best factor). ctx says whether a
 * boundary always comes right before it; returns the same for its end. */
static bool parse_seq(reader *r, strs *best, bool ctx)
{
    run rn;
    rn.n = 0;
    while (skip_comments(r), r->p < r->end && *r->p != '|' && *r->p != ')' && !r->bad) {
        alts al;
        al.n = 0;
        enum atom at;
        strs g;
        strs_init(&g, r->a, true);
        bool last = false; /* the atom always ends with a boundary */
        bool after = ctx;  /* for an atom that consumes nothing */
        unsigned char c = (unsigned char)*r->p;
        if (c == '(') {
            r->p++;
            at = group(r, &g, ctx, &after);
            last = after;
        } else {
            at = plain_atom(r, &al, &last);
            if (c == '^')
                after = true; /* the start, or (?m) a line's */
        }
        bool quantified;
        skip_comments(r);
        bool maybe = r->p < r->end && *r->p == '?';
        long min = quantifier(r, &quantified);
        if (at == A_LIT && min >= 1)
            run_extend(r, &rn, &al, ctx, best);
        /* An optional character inside a run ("post-?nav") continues it
         * both ways ("post-nav", "postnav"): a run cut there would leave
         * two short words ("post", which most class lists hold). */
        bool both = at == A_LIT && maybe && rn.n && run_extend_maybe(&rn, &al);
        /* The run of literals ends at any other atom, and after a repeated
         * one (what follows it may come after more copies). */
        if (!both && (at != A_LIT || min < 1 || quantified))
            run_end(r, &rn, best);
        if (at == A_GROUP && min >= 1 && !g.none)
            take_if_better(best, &g);
        else
            px_buf_free(&g.buf);
        /* What comes before the next atom. A repeated group may end in
         * one of its copies, an optional atom may be absent. */
        if (at == A_ZERO)
            ctx = after;
        else if (min < 1 || (at == A_GROUP && quantified))
            ctx = ctx && last;
        else
            ctx = last;
    }
    run_end(r, &rn, best);
    return ctx;
}

/* Reads an alternation into out; returns whether a boundary always comes
 * at its end (every branch's, given ctx before it). */
static bool parse_alt(reader *r, strs *out, bool ctx)
{
    bool first = true, end = true;
    for (;;) {
        strs branch;
        strs_init(&branch, r->a, true);
        end &= parse_seq(r, &branch, ctx);
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
        return end;
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
    parse_alt(&r, &s, false);
    bool ok = !r.bad && r.p == r.end && !s.none && s.n > 0 && !s.buf.oom && s.minlen > 0;
    if (!ok) {
        px_buf_free(&s.buf);
        return false;
    }
    px_buf_putc(&s.buf, '\0');
    out->data = px_buf_detach(&s.buf, &out->len);
    return out->data != NULL;
}

/* ---- heads: where an anchored pattern's words must stand ------------- */

/* Most text patterns are anchored: "^[\s\-–—*•|:>»(]*(?:also\sread|read\s
 * more|...)...$". Their literals are often in a block's text somewhere
 * (a "read" in a sentence), so they pass the scanner and PCRE2 runs, to
 * fail at once on the first character after the decoration. A head says
 * that in advance: the characters a match may skip at the start (the skip
 * set), then the strings one of which the text there must begin with. */

/* Head strings: how many, how long (in literal bytes). */
#define HEAD_MAX 256
#define HEAD_LEN 32
#define HEAD_DEPTH 16

typedef struct hset {
    int n;
    bool open[HEAD_MAX]; /* may still grow: all of its piece was literal */
    unsigned char len[HEAD_MAX];
    char s[HEAD_MAX][HEAD_LEN];
} hset;

static void hset_one(hset *h)
{
    h->n = 1;
    h->open[0] = true;
    h->len[0] = 0;
}

static void close_all(hset *h)
{
    for (int i = 0; i < h->n; i++)
        h->open[i] = false;
}

static void hset_put(hset *h, const char *s, size_t n, bool open)
{
    memcpy(h->s[h->n], s, n);
    h->len[h->n] = (unsigned char)n;
    h->open[h->n++] = open;
}

/* cur followed by an atom that may be any string of a (min copies or
 * more; repeated: more copies may follow). */
static void hset_then(hset *cur, const hset *a, long min, bool repeated, hset *tmp)
{
    int open = 0;
    for (int i = 0; i < cur->n; i++)
        open += cur->open[i];
    if (!open)
        return;
    if (!a->n) {
        close_all(cur);
        return;
    }
    if (cur->n + open * (a->n + (min < 1)) > HEAD_MAX) {
        close_all(cur); /* a shorter prefix still holds */
        return;
    }
    tmp->n = 0;
    for (int i = 0; i < cur->n; i++) {
        if (!cur->open[i]) {
            hset_put(tmp, cur->s[i], cur->len[i], false);
            continue;
        }
        if (min < 1)
            hset_put(tmp, cur->s[i], cur->len[i], true);
        for (int k = 0; k < a->n; k++) {
            if ((size_t)cur->len[i] + a->len[k] >= HEAD_LEN) {
                hset_put(tmp, cur->s[i], cur->len[i], false);
                continue;
            }
            hset_put(tmp, cur->s[i], cur->len[i], a->open[k] && !repeated);
            memcpy(tmp->s[tmp->n - 1] + cur->len[i], a->s[k], a->len[k]);
            tmp->len[tmp->n - 1] = (unsigned char)(cur->len[i] + a->len[k]);
        }
    }
    memcpy(cur, tmp, sizeof *cur);
}

static bool head_alt(reader *r, hset *out, int depth);

/* Reads a group after '(' into g; A_GROUP when it consumes what its
 * content does, A_ZERO for an assertion, a comment or an option setting
 * (read past). */
static enum atom head_group(reader *r, hset *g, int depth)
{
    enum atom kind = group_open(r);
    if (kind == A_ASSERT) {
        strs skip; /* an assertion: its content read past */
        strs_init(&skip, r->a, true);
        parse_alt(r, &skip, false);
        px_buf_free(&skip.buf);
    } else if (kind == A_GROUP) {
        head_alt(r, g, depth + 1);
    } else {
        return kind;
    }
    if (!group_close(r))
        return A_OTHER;
    return kind == A_GROUP ? A_GROUP : A_ZERO;
}

/* Reads a sequence: cur is what every match of it starts with. */
static void head_seq(reader *r, hset *cur, int depth)
{
    hset_one(cur);
    if (depth > HEAD_DEPTH) {
        r->bad = true;
        return;
    }
    hset *a = px_malloc(r->a, 2 * sizeof *a);
    if (!a) {
        r->bad = true;
        return;
    }
    hset *tmp = a + 1;
    while (skip_comments(r), r->p < r->end && *r->p != '|' && *r->p != ')' && !r->bad) {
        enum atom at = A_OTHER;
        alts al;
        al.n = 0;
        unsigned char c = (unsigned char)*r->p;
        if (c == '(') {
            r->p++;
            at = head_group(r, a, depth);
        } else {
            bool last;
            at = plain_atom(r, &al, &last);
        }
        bool quantified;
        long min = quantifier(r, &quantified);
        if (at == A_LIT) {
            a->n = 0;
            for (int k = 0; k < al.n; k++)
                hset_put(a, al.s[k], al.len[k], true);
        }
        /* An assertion consumes nothing: what comes before it is still
         * the start of what comes after. */
        if (at == A_LIT || at == A_GROUP)
            hset_then(cur, a, min, quantified, tmp);
        else if (at != A_ZERO)
            close_all(cur);
    }
    px_free(r->a, a);
}

static bool head_alt(reader *r, hset *out, int depth)
{
    hset *b = px_malloc(r->a, sizeof *b);
    if (!b) {
        r->bad = true;
        return false;
    }
    out->n = 0;
    for (;;) {
        head_seq(r, b, depth);
        if (out->n + b->n > HEAD_MAX)
            r->bad = true;
        for (int i = 0; i < b->n && !r->bad; i++)
            hset_put(out, b->s[i], b->len[i], b->open[i]);
        if (r->p < r->end && *r->p == '|' && !r->bad) {
            r->p++;
            continue;
        }
        break;
    }
    px_free(r->a, b);
    return !r->bad;
}

/* Reads, after the '^', a character class or escape whose characters
 * may stand before the head, into skip (their UTF-8; PX_LIT_BOUND for
 * \s); false, with r->p where it was, for any other atom. Only
 * characters without case: they match themselves alone. */
static bool skip_atom(reader *r, px_buf *skip)
{
    const char *start = r->p;
    size_t len0 = skip->len;
    bool cls = *r->p == '[';
    if (cls) {
        r->p++;
        if (r->p < r->end && (*r->p == '^' || *r->p == ']'))
            goto no;
    }
    do {
        if (r->p >= r->end)
            goto no;
        unsigned char c = (unsigned char)*r->p;
        if (c == '\\') {
            if (r->p + 1 >= r->end)
                goto no;
            unsigned char e = (unsigned char)r->p[1];
            if (e == 's')
                px_buf_putc(skip, PX_LIT_BOUND);
            else if (e < 0x80 && !is_alnum((char)e))
                px_buf_putc(skip, (char)e);
            else
                goto no;
            r->p += 2;
        } else if (!cls) {
            goto no; /* a plain character outside a class: the head's */
        } else if (c == '[' || (c == '-' && r->p[-1] != '[' && r->p + 1 < r->end && r->p[1] != ']')) {
            goto no; /* a POSIX class or a range */
        } else if (c < 0x80) {
            if (is_alnum((char)c))
                goto no;
            px_buf_putc(skip, (char)c);
            r->p++;
        } else {
            size_t n;
            uint32_t cp = px_lit_utf8(r->p, (size_t)(r->end - r->p), &n);
            if (n < 2 || !px_lit_nocase(cp))
                goto no;
            px_buf_append(skip, r->p, n);
            r->p += n;
        }
    } while (cls && r->p < r->end && *r->p != ']');
    if (cls) {
        if (r->p >= r->end)
            goto no;
        r->p++;
    }
    return true;
no:
    r->p = start;
    skip->len = len0;
    return false;
}

/* Is the character that literal string h starts with in the skip set? */
static bool starts_in_skip(const char *h, const char *skip, size_t sl)
{
    unsigned char c = (unsigned char)h[0];
    if (c == (unsigned char)PX_LIT_WIDE)
        return false; /* a cased character: the set has none */
    if (c == (unsigned char)PX_LIT_BOUND)
        return sl > 0; /* white space, '-' or '_': say yes unless empty */
    if (c < 0x80)
        return memchr(skip, c, sl) != NULL || (memchr(skip, PX_LIT_BOUND, sl) && px_lit_space(c));
    size_t n;
    px_lit_utf8(h, strlen(h), &n);
    return memmem(skip, sl, h, n) != NULL;
}

bool px_lit_head(const px_alloc *a, const char *src, bool extended, char **out)
{
    *out = NULL;
    if (extended || src[0] != '^')
        return false;
    reader r = {a, src + 1, src + strlen(src), false};
    px_buf b;
    px_buf_init(&b, a);
    px_buf_putc(&b, 0); /* the skip set's length, below */
    for (;;) {
        skip_comments(&r);
        if (r.p >= r.end || !skip_atom(&r, &b))
            break;
        bool quantified;
        quantifier(&r, &quantified);
    }
    size_t sl = b.len - 1;
    unsigned char first[32] = {0};
    px_buf_append(&b, (const char *)first, sizeof first);
    hset *h = px_malloc(a, sizeof *h);
    if (h)
        head_seq(&r, h, 0);
    /* the whole pattern read, with no branch beside the anchored one */
    bool ok = h && !r.bad && r.p == r.end && h->n > 0 && sl <= 255 && !b.oom;
    for (int i = 0; ok && i < h->n; i++) {
        bool dup = false;
        for (int k = 0; k < i && !dup; k++)
            dup = h->len[k] == h->len[i] && !memcmp(h->s[k], h->s[i], h->len[i]);
        if (dup)
            continue;
        h->s[i][h->len[i]] = '\0';
        ok = h->len[i] > 0 && !starts_in_skip(h->s[i], b.data + 1, sl);
        unsigned char c = (unsigned char)h->s[i][0];
        first[c / 8] |= (unsigned char)(1u << (c % 8));
        px_buf_putc(&b, (char)h->len[i]);
        px_buf_append(&b, h->s[i], h->len[i]);
    }
    px_free(a, h);
    px_buf_putc(&b, 0);
    if (!ok || b.oom) {
        px_buf_free(&b);
        return false;
    }
    b.data[0] = (char)sl;
    memcpy(b.data + 1 + sl, first, sizeof first);
    size_t len;
    *out = px_buf_detach(&b, &len);
    return *out != NULL;
}

size_t px_lit_head_size(const char *head)
{
    const unsigned char *h = (const unsigned char *)head;
    size_t at = 1 + h[0] + 32;
    while (h[at])
        at += 1 + h[at];
    return at + 1;
}

/* The literal bytes of the subject's character at s (n bytes left), as
 * the scanner reads it (next_symbol in scanner.c): into out, their count
 * returned; *used: its bytes. */
static size_t fold_char(const char *s, size_t n, char *out, size_t *used)
{
    unsigned char c = (unsigned char)s[0];
    *used = 1;
    if (c < 0x80) {
        out[0] = px_lit_bound(c) ? PX_LIT_BOUND : (char)px_ascii_lower(c);
        return 1;
    }
    uint32_t cp = px_lit_utf8(s, n, used);
    if (cp == 0x17F || cp == 0x212A) {
        out[0] = cp == 0x17F ? 's' : 'k';
        return 1;
    }
    if (px_lit_space(cp)) {
        out[0] = PX_LIT_BOUND;
        return 1;
    }
    if (px_lit_nocase(cp)) {
        memcpy(out, s, *used);
        return *used;
    }
    out[0] = PX_LIT_WIDE;
    return 1;
}

bool px_lit_head_fits(const char *head, const char *s, size_t n)
{
    const unsigned char *h = (const unsigned char *)head;
    size_t sl = h[0];
    const char *skip = head + 1;
    bool space = sl && memchr(skip, PX_LIT_BOUND, sl) != NULL;
    size_t i = 0;
    while (i < n && sl) {
        unsigned char c = (unsigned char)s[i];
        size_t len = 1;
        if (c < 0x80) {
            if (!memchr(skip, c, sl) && !(space && px_lit_space(c)))
                break;
        } else {
            uint32_t cp = px_lit_utf8(s + i, n - i, &len);
            if (len < 2 || (!(space && px_lit_space(cp)) && !memmem(skip, sl, s + i, len)))
                break;
        }
        i += len;
    }
    /* The text there, folded: its first character says no to most. */
    char f[HEAD_LEN + 4];
    size_t used, fl = i < n ? fold_char(s + i, n - i, f, &used) : 0;
    const unsigned char *first = h + 1 + sl;
    unsigned f0 = (unsigned char)f[0];
    if (!fl || !((unsigned)first[f0 / 8] >> (f0 % 8) & 1u))
        return false;
    for (i += used; i < n && fl < HEAD_LEN; i += used)
        fl += fold_char(s + i, n - i, f + fl, &used);
    for (const unsigned char *e = first + 32; *e; e += 1 + *e)
        if (*e <= fl && !memcmp(e + 1, f, *e))
            return true;
    return false;
}
