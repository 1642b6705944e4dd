/*
 * The rules' index: which gates (rules_gate.c) a node can open, found
 * without reading every gate. A block of text used to meet all 220 text
 * gates and an element all 120 element gates, one by one, though almost
 * every gate stays shut: most wait for a literal of their pattern that the
 * node's text, id or class does not hold. The literal scanner already
 * reads each of those subjects once and reports the patterns whose
 * literals it holds; the index turns that report into the gates waiting
 * for those patterns. The gates that wait for no literal are indexed by
 * what they do test before any pattern runs: the tag, and an attribute
 * the rule needs (attr=NAME, attr=NAME~); or, when that test wants a value
 * (class=share-bar, role=navigation, id=toc, attr=NAME=VALUE), by the
 * value, in a small hash table each token of the node's class and role
 * (and its whole id) is looked up in once.
 *
 * What the index yields is a superset of the gates that open, in their
 * order; the matcher still asks each one (gate_open), so a rule the index
 * lets through is judged as before, and a rule it leaves out is one whose
 * gate would have stayed shut: one that ran no pattern either. Built with
 * the gates, for the bundled rules and the user's alike.
 */
#include "rules_impl.h"

#include <string.h>

/* The rows of a table by tag: every GumboTag a gate's tag bits can name. */
#define TAG_ROWS (TAG_WORDS * 32)

static void set_bit(uint64_t *set, int j) { set[j / 64] |= 1ull << (j % 64); }

/* How gate g waits for a value (see px_tok_slot), and the value; -1 when
 * it does not, or the table could not answer exactly: a key past 31, a
 * token the matcher's has_token would never split out (empty, or with a
 * space in it: it may still match, oddly, and is left to the key). */
static int tok_how(const px_ruleset *rs, const px_gate *g, const char **value)
{
    if (g->sides || g->tok < 0 || g->key < 0 || g->key >= 32)
        return -1;
    const matcher *m = &px_rule_m(rs, &rs->rules[g->rule])[g->tok];
    const char *v = *value = px_mstr(rs, m->value);
    if (!v)
        return -1;
    bool split = m->kind == M_CLASS || m->kind == M_ROLE;
    if (split) {
        if (!*v)
            return -1;
        for (const char *c = v; *c; c++)
            if (px_ascii_is_space((unsigned char)*c))
                return -1;
    }
    return 2 * g->key + split;
}

/* Fills in L's table of wanted values from gates [first, first + n). */
static int build_tok(const px_ruleset *rs, px_index_list *L, int first, int n)
{
    const px_alloc *a = rs->a;
    int count = 0;
    size_t chars = 0;
    for (int j = 0; j < n; j++) {
        const char *v;
        if (tok_how(rs, &rs->gates[first + j], &v) >= 0) {
            count++;
            chars += strlen(v) + 1;
        }
    }
    if (!count)
        return PITH_OK;
    size_t slots = 4;
    while (slots < 2 * (size_t)count)
        slots *= 2;
    L->tok = px_malloc(a, slots * sizeof *L->tok);
    L->tok_str = px_malloc(a, chars);
    if (!L->tok || !L->tok_str)
        return PITH_ERR_NOMEM;
    L->tok_mask = (unsigned)slots - 1;
    for (size_t i = 0; i < slots; i++)
        L->tok[i] = (px_tok_slot){0, 0, 0, -1};
    size_t at = 0;
    for (int j = 0; j < n; j++) {
        const char *v;
        int how = tok_how(rs, &rs->gates[first + j], &v);
        if (how < 0)
            continue;
        size_t len = strlen(v);
        uint32_t h = px_tok_hash(how, v, len);
        size_t i = h & L->tok_mask;
        while (L->tok[i].gate >= 0)
            i = (i + 1) & L->tok_mask;
        L->tok[i] = (px_tok_slot){h, how, (int32_t)at, j};
        memcpy(L->tok_str + at, v, len + 1);
        at += len + 1;
        if (how & 1)
            L->tok_split |= 1u << (how / 2);
        else
            L->tok_whole |= 1u << (how / 2);
    }
    return PITH_OK;
}

/* Fills in list l of ix: gates [first, first + n) of rs. */
static int build_list(const px_ruleset *rs, px_rule_index *ix, int l, int first, int n)
{
    px_index_list *L = &ix->list[l];
    const px_alloc *a = rs->a;
    L->first = first;
    L->n = n;
    L->words = n / 64 + 1;
    size_t w = (size_t)L->words;
    L->any_tag = px_calloc(a, w, sizeof *L->any_tag);
    L->no_key = px_calloc(a, w, sizeof *L->no_key);
    /* A row per tag, only if some gate without a literal tests the tag
     * (the bundled text rules test none) */
    bool tagged = false;
    for (int j = 0; j < n && !tagged; j++)
        tagged = !rs->gates[first + j].sides && !rs->gates[first + j].any_tag;
    L->by_tag = tagged ? px_calloc(a, TAG_ROWS * w, sizeof *L->by_tag) : NULL;
    L->by_key = px_calloc(a, (size_t)rs->nkeys * w + 1, sizeof *L->by_key);
    L->off = px_calloc(a, (size_t)rs->npats + 1, sizeof *L->off);
    L->gate = px_malloc(a, ((size_t)n + 1) * sizeof *L->gate);
    if (!L->any_tag || !L->no_key || (tagged && !L->by_tag) || !L->by_key || !L->off || !L->gate)
        return PITH_ERR_NOMEM;
    for (int s = 0; s < SIDE_COUNT; s++)
        L->maxlen[s] = 0;
    /* Counting sort of the literal gates by pattern: off[p] counts, then
     * starts, gate[] holds them in list order within a pattern. */
    for (int j = 0; j < n; j++) {
        const px_gate *g = &rs->gates[first + j];
        if (g->sides) {
            L->off[g->pat]++;
            L->sides |= g->sides;
            for (int s = 0; s < SIDE_COUNT; s++)
                if ((g->sides >> s & 1u) && g->maxlen > L->maxlen[s])
                    L->maxlen[s] = g->maxlen;
            continue;
        }
        /* A gate without a literal passes where its tag test does and its
         * key is present: indexed twice, the candidates being both. */
        if (g->any_tag) {
            set_bit(L->any_tag, j);
        } else {
            for (int tw = 0; tw < TAG_WORDS; tw++)
                for (uint32_t b = g->tags[tw]; b; b &= b - 1)
                    set_bit(L->by_tag + (size_t)(tw * 32 + __builtin_ctz(b)) * w, j);
            if (g->tagnames)
                set_bit(L->by_tag + (size_t)GUMBO_TAG_UNKNOWN * w, j);
        }
        const char *v;
        if (tok_how(rs, g, &v) >= 0)
            continue; /* in the table of values (build_tok) */
        if (g->key < 0)
            set_bit(L->no_key, j);
        else
            set_bit(L->by_key + (size_t)g->key * w, j);
    }
    int at = 0;
    for (int p = 0; p <= rs->npats; p++) {
        int c = L->off[p];
        L->off[p] = at;
        at += c;
    }
    int *fill = L->off; /* off[p] walks to off[p + 1], then is put back */
    for (int j = 0; j < n; j++) {
        const px_gate *g = &rs->gates[first + j];
        if (g->sides)
            L->gate[fill[g->pat]++] = j;
    }
    for (int p = rs->npats; p > 0; p--)
        L->off[p] = L->off[p - 1];
    L->off[0] = 0;
    return build_tok(rs, L, first, n);
}

static void free_list(const px_alloc *a, px_index_list *L)
{
    px_free(a, L->any_tag);
    px_free(a, L->no_key);
    px_free(a, L->by_tag);
    px_free(a, L->by_key);
    px_free(a, L->off);
    px_free(a, L->gate);
    px_free(a, L->tok);
    px_free(a, L->tok_str);
    memset(L, 0, sizeof *L);
}

void px_rules_index_free(px_ruleset *rs)
{
    for (int l = 0; l < 2; l++)
        if (rs->index.image)
            memset(&rs->index.list[l], 0, sizeof rs->index.list[l]);
        else
            free_list(rs->a, &rs->index.list[l]);
    rs->index.built = false;
    rs->index.image = false;
}

int px_rules_index(px_ruleset *rs)
{
    px_rules_index_free(rs);
    if (build_list(rs, &rs->index, 0, 0, rs->nelem_list) ||
        build_list(rs, &rs->index, 1, rs->nelem_list, rs->ntext_list)) {
        px_rules_index_free(rs);
        return PITH_ERR_NOMEM;
    }
    rs->index.built = true;
    return PITH_OK;
}

/* Adds to cand the gates of L that want s[0..n) as how says. */
static void probe(const px_index_list *L, int how, const char *s, size_t n, uint64_t *cand)
{
    uint32_t h = px_tok_hash(how, s, n);
    for (size_t i = h & L->tok_mask; L->tok[i].gate >= 0; i = (i + 1) & L->tok_mask) {
        const px_tok_slot *e = &L->tok[i];
        const char *t = L->tok_str + e->str;
        if (e->hash == h && e->how == how && !memcmp(t, s, n) && !t[n])
            set_bit(cand, e->gate);
    }
}

/* Adds to cand the gates of L that want a value the node has: its whole
 * value, or each of its tokens (px_tok_next, as has_token splits them). */
static void wanted(const px_index_list *L, const char *const *vals, int nkeys, uint64_t *cand)
{
    for (uint32_t keys = L->tok_whole | L->tok_split; keys; keys &= keys - 1) {
        int k = __builtin_ctz(keys);
        const char *v = k < nkeys ? vals[k] : NULL;
        if (!v)
            continue;
        if (L->tok_whole >> k & 1u)
            probe(L, 2 * k, v, strlen(v), cand);
        if (!(L->tok_split >> k & 1u))
            continue;
        size_t n;
        for (const char *p = v, *t; (t = px_tok_next(&p, &n)) != NULL;)
            probe(L, 2 * k + 1, t, n, cand);
    }
}

void px_index_start(const px_index_list *L, unsigned tag, const char *const *vals, int nkeys,
                    uint64_t *cand)
{
    size_t w = (size_t)L->words;
    for (size_t i = 0; i < w; i++)
        cand[i] = L->no_key[i];
    for (int k = 0; k < nkeys; k++)
        if (vals[k])
            for (size_t i = 0; i < w; i++)
                cand[i] |= L->by_key[(size_t)k * w + i];
    if (L->tok)
        wanted(L, vals, nkeys, cand);
    if (!L->by_tag) {
        for (size_t i = 0; i < w; i++)
            cand[i] &= L->any_tag[i];
        return;
    }
    const uint64_t *row = L->by_tag + (size_t)(tag < TAG_ROWS ? tag : GUMBO_TAG_UNKNOWN) * w;
    for (size_t i = 0; i < w; i++)
        cand[i] &= L->any_tag[i] | row[i];
}

void px_index_hits(const px_index_list *L, const uint64_t *hits, int hit_words, uint64_t *cand)
{
    for (int w = 0; w < hit_words; w++)
        for (uint64_t m = hits[w]; m; m &= m - 1) {
            int p = w * 64 + __builtin_ctzll(m);
            for (int e = L->off[p]; e < L->off[p + 1]; e++)
                set_bit(cand, L->gate[e]);
        }
}
