/*
 * The rule engine's matcher: the verdict of the rules on an element or a
 * block of text, with a per-call scratch (subjects, literal hits, a cache
 * of verdicts, PCRE2 match data). The rule set it reads is built by
 * rules_parse.c (rule files) or comes from the bundled image.
 */
#include "rules_impl.h"

#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "text.h"

/* Pages repeat the same element (a menu item, a teaser card) hundreds of
 * times, and its verdict depends only on its tag and the attributes the
 * rules read: a direct-mapped cache of verdicts, checked for equality, so a
 * collision costs a recomputation, never a wrong answer. */
#define CACHE_SLOTS 2048

typedef struct subject_memo {
    const char *str; /* an id or class value of the page, or NULL */
    size_t len;
    unsigned hash;
} subject_memo;

/* Blocks repeat their text too ("Read more", a table's "Yes" and "No"):
 * when the text rules read the text alone, its verdict is cached by the
 * text, kept here when short (text rules are for short blocks). */
#define TEXT_MEMO_LEN 120

/* Pages with fewer nodes than this have no memos (see px_scratch_new_for). */
#define MEMO_MIN_NODES 1024

typedef struct text_entry {
    unsigned hash;
    unsigned char len; /* 0: empty slot (an empty text is not cached) */
    char text[TEXT_MEMO_LEN];
    px_verdict v;
} text_entry;

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
    uint64_t *bits;                   /* each side's own, 3 x words each */
    /* The same per id or class string, across the page: nodes that share
     * a class (every paragraph of a CMS, each with its own id, so no
     * verdict in common) share its scan and its patterns' answers. A
     * direct-mapped table; a collision costs a new scan, never a wrong
     * answer. */
    struct subject_memo *memo;
    uint64_t *memo_bits;              /* 3 x words per entry */
    unsigned memo_mask;
    long memo_slot[SIDE_COUNT];       /* the entry a side uses, or -1: its own */
    text_entry *texts;
    unsigned texts_mask;
    /* Interpreted matches per pattern not yet added to the pattern's
     * shared count: threads write the shared counts once in a while, not
     * at every match (a cache line the other core reads would bounce). */
    unsigned *uses;
    /* The values of the ruleset's keys (the attributes rules read) on the
     * node matched, and on a node with the same verdict key, to compare. */
    const char **vals, **other;
    uint64_t *cand; /* the gates the index lets through (rules_index.c) */
    const px_ruleset *rs;
    bool failed;                      /* a pattern could not be compiled */
    pcre2_general_context *gctx;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    uint64_t *limited;                /* a bit per pattern that hit a limit */
    bool any_limited;                 /* some bit of limited is set */
};

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
    s->gctx = px_pcre2_context(a);
    if (s->gctx)
        s->md = pcre2_match_data_create(1, s->gctx);
    if (s->gctx)
        s->mctx = pcre2_match_context_create(s->gctx);
    /* A match may hold this much heap for its backtracking (KiB): PCRE2's
     * default is 20 GB. */
    if (s->mctx)
        pcre2_set_heap_limit(s->mctx, 8192);
    /* A slot per two nodes of the page (at least 64): only elements are
     * cached, and a small page then writes to a few pages of memory, not
     * 48 KB of them (bench/RESULTS.md, start-up faults). */
    size_t slots = 64;
    while (2 * slots < nodes && slots < CACHE_SLOTS)
        slots *= 2;
    s->cache = px_calloc(a, slots, sizeof *s->cache);
    s->cache_mask = (unsigned)slots - 1;
    size_t words = hit_words(rs);
    s->bits = px_calloc(a, (3 * SIDE_COUNT + 1) * words, sizeof *s->bits);
    /* The memos pay where strings repeat, on pages of many nodes; a small
     * page (a process started for one) would only pay to fill them. */
    bool memos = nodes >= MEMO_MIN_NODES;
    size_t memo_slots = slots / 8, text_slots = slots / 16;
    if (memos) {
        s->memo = px_calloc(a, memo_slots, sizeof *s->memo);
        s->memo_bits = px_malloc(a, memo_slots * 3 * words * sizeof *s->memo_bits);
        s->memo_mask = (unsigned)memo_slots - 1;
        s->texts = px_calloc(a, text_slots, sizeof *s->texts);
        s->texts_mask = (unsigned)text_slots - 1;
    }
    s->uses = px_calloc(a, (size_t)rs->npats + 1, sizeof *s->uses);
    s->vals = px_calloc(a, 2 * (size_t)rs->nkeys + 2, sizeof *s->vals);
    s->other = s->vals ? s->vals + rs->nkeys + 1 : NULL;
    int most = rs->nelem_list > rs->ntext_list ? rs->nelem_list : rs->ntext_list;
    s->cand = px_calloc(a, (size_t)most / 64 + 1, sizeof *s->cand);
    s->rs = rs;
    if (!s->md || !s->mctx || !s->cache || !s->bits || !s->uses || !s->vals || !s->cand ||
        (memos && (!s->memo || !s->memo_bits || !s->texts))) {
        px_scratch_free(s);
        return NULL;
    }
    s->limited = s->bits + (size_t)(3 * SIDE_COUNT) * words;
    return s;
}

bool px_scratch_failed(const px_scratch *s) { return s->failed; }

int px_scratch_limited(const px_scratch *s, int from, char *out, size_t cap)
{
    const px_ruleset *rs = s->rs;
    /* Nearly every page: no walk of the rules, whose matchers a process
     * started for one page has not otherwise read. */
    if (!s->any_limited)
        return -1;
    for (int i = from < 0 ? 0 : from; i < rs->nrules; i++) {
        const matcher *m = px_rule_m(rs, &rs->rules[i]);
        for (int k = 0; k < rs->rules[i].nm; k++) {
            int pat = m[k].pat;
            if (pat >= 0 && (s->limited[pat / 64] >> (pat % 64) & 1)) {
                px_rules_where(rs, i, out, cap);
                return i;
            }
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
    px_free(s->a, s->cand);
    px_free(s->a, s->cache);
    px_free(s->a, s->bits);
    px_free(s->a, s->memo);
    px_free(s->a, s->memo_bits);
    px_free(s->a, s->texts);
    px_rules_give_jit_stack(s->rs, s->jit);
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
    const char *v = s->subj[side];
    size_t n = s->subj_len[side];
    s->scanned[side] = true;
    uint64_t *bits = s->bits + (size_t)side * 3 * words;
    s->memo_slot[side] = -1;
    if (side != SIDE_TEXT && s->memo) {
        /* An id or a class: the page's memo of that string, if it has one
         * and the node's other side does not use the entry for another
         * string. */
        unsigned h = px_fnv1a(PX_FNV1A_SEED, v, n);
        long slot = (long)(h & s->memo_mask);
        subject_memo *e = &s->memo[slot];
        bool same = e->str && e->hash == h && e->len == n && (e->str == v || !memcmp(e->str, v, n));
        int other = side == SIDE_ID ? SIDE_CLASS : SIDE_ID;
        if (same || !s->scanned[other] || s->memo_slot[other] != slot) {
            bits = s->memo_bits + (size_t)slot * 3 * words;
            s->memo_slot[side] = slot;
        }
        s->hits[side] = bits;
        s->known[side] = bits + words;
        s->truth[side] = bits + 2 * words;
        if (same)
            return;
        if (s->memo_slot[side] >= 0) {
            e->str = v;
            e->len = n;
            e->hash = h;
        }
    } else {
        s->hits[side] = bits;
        s->known[side] = bits + words;
        s->truth[side] = bits + 2 * words;
    }
    memset(bits, 0, 3 * words * sizeof *bits); /* hits, known, truth */
    if (rs->image_scan)
        px_scanner_run(rs->image_scan, v, n, bits);
    if (rs->scan)
        px_scanner_run(rs->scan, v, n, bits);
}

/* The pattern's code: decoded from the form compiled at build time, or
 * compiled now (a user's pattern, or a PCRE2 at run time other than the
 * one the build had, which refuses the serialized form). */
static pcre2_code *load(const px_ruleset *rs, int pat)
{
    pcre2_code *code = NULL;
    /* Most forms are 1-3 KB: on the stack, whose pages the pre-parse
     * pass has already touched (a heap block costs a malloc and a free). */
    _Alignas(16) unsigned char stack[4096];
    size_t n = pat < rs->image_pats ? px_image_form_len(rs->image, pat) : 0;
    unsigned char *form = n <= sizeof stack ? stack : px_malloc(rs->a, n);
    if (n && form) {
        px_image_form(rs->image, pat, form);
        int decoded = pcre2_serialize_decode(&code, 1, form, rs->gctx);
        if (form != stack)
            px_free(rs->a, form);
        if (decoded == 1)
            return code;
    }
    int ec;
    PCRE2_SIZE off;
    pcre2_compile_context *cc = pcre2_compile_context_create(rs->gctx);
    if (!cc)
        return NULL;
    code = pcre2_compile((PCRE2_SPTR)px_pat_src(rs, pat), PCRE2_ZERO_TERMINATED, px_pat_flags(rs, pat),
                         &ec, &off, cc);
    pcre2_compile_context_free(cc);
    return code;
}

/* The pattern's code, loaded now if no thread has yet. */
static pcre2_code *compiled(const px_ruleset *rs, int pat)
{
    pattern *pt = &rs->pats[pat];
    pcre2_code *code = atomic_load_explicit(&pt->code, memory_order_acquire);
    if (code)
        return code;
    code = load(rs, pat);
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

/* A JIT stack is an mmap of its largest size (512 KB), unmapped when
 * freed: one per call cost every page of a batch a map, an unmap (which at
 * -j N interrupts the other threads' cores to flush their TLBs) and fresh
 * page faults. A call takes a stack an earlier call left, if any. The
 * stacks belong to the rule set (its allocator), not to the call's. */
static pcre2_jit_stack *take_jit_stack(const px_ruleset *rs)
{
    for (int i = 0; i < PX_JIT_SPARES; i++)
        if (atomic_load_explicit(&rs->spare_jit[i], memory_order_relaxed)) {
            pcre2_jit_stack *j = atomic_exchange_explicit(&rs->spare_jit[i], NULL, memory_order_acquire);
            if (j)
                return j;
        }
    return pcre2_jit_stack_create(32 * 1024, 512 * 1024, rs->gctx);
}

void px_rules_give_jit_stack(const px_ruleset *rs, pcre2_jit_stack *j)
{
    if (!j)
        return;
    for (int i = 0; i < PX_JIT_SPARES; i++) {
        pcre2_jit_stack *none = NULL;
        if (atomic_compare_exchange_strong_explicit(&rs->spare_jit[i], &none, j, memory_order_release,
                                                    memory_order_relaxed))
            return;
    }
    pcre2_jit_stack_free(j);
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
    /* An anchored pattern whose words are not where it wants them cannot
     * match: no run, and no use counted. (Not without the index: that is
     * a test's reference, every rule tried.) */
    const char *head = px_pat_head(rs, pat);
    if (head && rs->index.built && !px_lit_head_fits(head, subj, n))
        return false;
    pcre2_code *code = atomic_load_explicit(&pt->jitted, memory_order_acquire);
    if (!code) {
        code = compiled(rs, pat);
        if (!code) {
            s->failed = true; /* out of memory: the caller reports it */
            return false;
        }
        /* A pattern tried at every offset costs the more, interpreted, the
         * longer the subject: it counts a use per 16 bytes. (The heavy ones
         * of boilerplate.rules cost some 2,400 instructions a byte, their
         * JIT compilation 1.5 M.) One anchored at the start costs about the
         * same whatever the length. */
        uint32_t opts = 0;
        pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &opts);
        s->uses[pat] += opts & PCRE2_ANCHORED ? 1u : 1u + (unsigned)(n / 16);
        /* Handed on every USES_BATCH, or as soon as the count with the
         * shared one reaches JIT_AFTER: a pattern a batch runs a few times
         * a page (a text rule's) would otherwise reach USES_BATCH on no
         * page and stay interpreted for the whole batch (on the corpora,
         * 23 patterns run 100 to 570 times each, never compiled). */
        if (s->uses[pat] >= USES_BATCH ||
            atomic_load_explicit(&pt->uses, memory_order_relaxed) + s->uses[pat] >= JIT_AFTER) {
            count_uses(rs, pat, s->uses[pat], true);
            s->uses[pat] = 0;
            pcre2_code *jitted = atomic_load_explicit(&pt->jitted, memory_order_acquire);
            code = jitted ? jitted : code;
        }
    }
    /* The JIT's stack, made when a call first runs JIT code: most pages of
     * a short process never do. (Without one PCRE2 would use 32 KB of the
     * machine stack and could fail where the interpreter matches.) */
    if (!s->jit && code == atomic_load_explicit(&pt->jitted, memory_order_relaxed)) {
        s->jit = take_jit_stack(rs);
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
        rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        s->limited[pat / 64] |= 1ull << (pat % 64);
        s->any_limited = true;
    }
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
    if (px_pat_lits(rs, pat) && !(s->hits[side][w] & bit))
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
    size_t tl = strlen(tok), n;
    for (const char *p = list, *t; (t = px_tok_next(&p, &n)) != NULL;)
        if (n == tl && !memcmp(t, tok, tl))
            return true;
    return false;
}

static bool tag_matches(const px_ruleset *rs, const matcher *m, const px_node *nd)
{
    if (m->tags[nd->tag / 32] & (1u << (nd->tag % 32)))
        return true;
    if (m->tagnames && nd->tag == GUMBO_TAG_UNKNOWN) {
        char buf[64];
        const char *name = px_tag_name(nd, buf, sizeof buf);
        for (const char *t = px_mstr(rs, m->tagnames); *t; t += strlen(t) + 1)
            if (!strcmp(t, name))
                return true;
    }
    return false;
}

/* Is the node's text at most maxlen characters long (no text: no)? count
 * caches its length in characters across the node's rules; a text of at
 * most maxlen bytes, or of more than 4 bytes per allowed character, needs
 * no count (valid UTF-8, as run_pattern assumes, takes 1 to 4 bytes a
 * character). */
static bool within(const px_scratch *s, size_t maxlen, size_t *count)
{
    const char *t = s->subj[SIDE_TEXT];
    size_t n = s->subj_len[SIDE_TEXT];
    if (!t)
        return false;
    if (*count == (size_t)-1) {
        if (n <= maxlen)
            return true;
        if (n / 4 > maxlen)
            return false;
        *count = px_utf8_count(t, n);
    }
    return *count <= maxlen;
}

/* count: see within. */
static bool match_one(const px_ruleset *rs, px_scratch *s, const matcher *m,
                      const px_node *nd, size_t *count)
{
    bool r;
    const char *v;
    switch (m->kind) {
    case M_TAG: return tag_matches(rs, m, nd);
    case M_ID: v = s->subj[SIDE_ID]; return v && !strcmp(v, px_mstr(rs, m->value));
    case M_CLASS: return has_token(s->subj[SIDE_CLASS], px_mstr(rs, m->value));
    case M_ROLE: return has_token(s->role, px_mstr(rs, m->value));
    case M_ATTR: return px_attr(nd, px_mstr(rs, m->name)) != NULL;
    case M_ATTR_EQ: v = px_attr(nd, px_mstr(rs, m->name)); return v && !strcmp(v, px_mstr(rs, m->value));
    case M_ID_RE: r = side_matches(rs, s, m->pat, SIDE_ID); break;
    case M_CLASS_RE: r = side_matches(rs, s, m->pat, SIDE_CLASS); break;
    case M_IDCLASS_RE:
        r = side_matches(rs, s, m->pat, SIDE_ID) || side_matches(rs, s, m->pat, SIDE_CLASS);
        break;
    case M_ATTR_RE:
        v = px_attr(nd, px_mstr(rs, m->name));
        r = v && run_pattern(rs, s, m->pat, v, strlen(v));
        break;
    case M_TEXT_RE: r = side_matches(rs, s, m->pat, SIDE_TEXT); break;
    case M_MAXLEN:
        return within(s, m->maxlen, count);
    default: return false;
    }
    return m->negate ? !r : r;
}

static void apply(const px_ruleset *rs, int i, px_verdict *v)
{
    const rule *r = &rs->rules[i];
    if (r->drop) {
        if (!v->drop || (r->force && !v->force))
            v->drop_rule = i;
        v->drop = true;
        v->force = v->force || r->force;
        v->box = v->box || r->box;
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
        int k = -1;
        for (uint32_t m = rs->key_first[(unsigned char)at->name[0]]; m && k < 0; m &= m - 1)
            if (!strcmp(rs->keys[__builtin_ctz(m)], at->name))
                k = __builtin_ctz(m);
        for (int j = 32; j < rs->nkeys && k < 0; j++)
            if (rs->keys[j][0] == at->name[0] && !strcmp(rs->keys[j], at->name))
                k = j;
        if (k >= 0 && !vals[k])
            vals[k] = at->value;
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

/* Can nd meet the rule of gate g (rules_gate.c)? Its tag, its text's
 * length, and a literal of the first pattern on one of the pattern's
 * sides: what the rule's matchers would look at first, read from the
 * gate alone. */
static bool gate_open(const px_ruleset *rs, px_scratch *s, const px_gate *g, const px_node *nd,
                      size_t *count)
{
    if (!g->any_tag && !(g->tags[nd->tag / 32] & (1u << (nd->tag % 32))) &&
        !(g->tagnames && nd->tag == GUMBO_TAG_UNKNOWN))
        return false;
    if (g->key >= 0 && !s->vals[g->key])
        return false;
    if (g->maxlen != UINT32_MAX && !within(s, g->maxlen, count))
        return false;
    if (!g->sides)
        return true;
    uint64_t bit = 1ull << (g->pat % 64);
    size_t w = (size_t)g->pat / 64;
    for (int side = SIDE_ID; side < SIDE_COUNT; side++) {
        if (!(g->sides & (1u << side)) || !s->subj[side])
            continue;
        if (!s->scanned[side])
            scan_side(rs, s, side);
        if (s->hits[side][w] & bit)
            return true;
    }
    return false;
}

/* Sets s->cand to the gates of list L that nd may open: those that wait
 * for no literal and pass its tag and key tests, and those that wait for a
 * pattern whose literals one of its subjects holds. A side is scanned only
 * if some gate waits on it and its maxlen lets the text through. Without an
 * index (a test's reference), every gate. */
static void candidates(const px_ruleset *rs, px_scratch *s, const px_index_list *L, int n,
                       const px_node *nd, size_t *count)
{
    if (!rs->index.built) {
        for (int j = 0; j < n; j++)
            s->cand[j / 64] |= 1ull << (j % 64);
        return;
    }
    px_index_start(L, nd->tag, s->vals, rs->nkeys, s->cand);
    for (int side = SIDE_ID; side < SIDE_COUNT; side++) {
        if (!(L->sides >> side & 1u) || !s->subj[side])
            continue;
        if (L->maxlen[side] != UINT32_MAX && !within(s, L->maxlen[side], count))
            continue;
        if (!s->scanned[side])
            scan_side(rs, s, side);
        px_index_hits(L, s->hits[side], (int)hit_words(rs), s->cand);
    }
}

/* The rules of one kind against nd, whose subjects are set: those of the
 * gates the index lets through, in order, each asked again. */
static void match_rules(const px_ruleset *rs, px_scratch *s, const px_node *nd, bool want_text,
                        px_verdict *v)
{
    size_t count = (size_t)-1;
    const px_index_list *L = &rs->index.list[want_text];
    const px_gate *gates = want_text ? rs->gates + rs->nelem_list : rs->gates;
    int n = want_text ? rs->ntext_list : rs->nelem_list;
    int words = n / 64 + 1;
    memset(s->cand, 0, (size_t)words * sizeof *s->cand);
    candidates(rs, s, L, n, nd, &count);
    for (int w = 0; w < words; w++)
        for (uint64_t bits = s->cand[w]; bits; bits &= bits - 1) {
            const px_gate *g = &gates[w * 64 + __builtin_ctzll(bits)];
            /* A drop settles it; further score rules cannot matter. */
            if (v->drop && !g->drop)
                continue;
            if (!gate_open(rs, s, g, nd, &count))
                continue;
            int i = g->rule;
            const rule *r = &rs->rules[i];
            const matcher *m = px_rule_m(rs, r);
            bool ok = true;
            for (int j = 0; j < r->nm && ok; j++)
                ok = match_one(rs, s, &m[j], nd, &count);
            if (ok)
                apply(rs, i, v);
        }
}

static unsigned hash_str(unsigned h, const char *v)
{
    if (!v)
        return px_fnv1a_byte(h, 0xFF);
    for (; *v; v++)
        h = px_fnv1a_byte(h, (unsigned char)*v);
    return px_fnv1a_byte(h, 0xFE);
}

static bool same_str(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* An element's verdict depends on its tag and the values of the keys. */
static unsigned element_key(const px_ruleset *rs, const px_node *nd, const char **vals)
{
    char buf[64];
    unsigned h = px_fnv1a_byte(PX_FNV1A_SEED, (unsigned char)nd->tag); /* GumboTags < 256 */
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
    text_entry *e = NULL;
    unsigned h = PX_FNV1A_SEED;
    if (s->texts && rs->text.text_only && len && len <= TEXT_MEMO_LEN) {
        h = px_fnv1a(h, text, len);
        e = &s->texts[h & s->texts_mask];
        if (e->len == len && e->hash == h && !memcmp(e->text, text, len)) {
            *v = e->v;
            return;
        }
    }
    read_keys(rs, nd, s->vals);
    set_subjects(s, s->vals, text, len);
    match_rules(rs, s, nd, true, v);
    if (e) {
        e->hash = h;
        e->len = (unsigned char)len;
        memcpy(e->text, text, len);
        e->v = *v;
    }
}
