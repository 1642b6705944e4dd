/*
 * The rule engine's data: shared by rules_parse.c (the parser) and
 * rules_match.c (the matcher), the build-time generator
 * (rules/rulegen.c) and the C file it writes, which holds the bundled rules
 * already parsed, their literal scanner built and their patterns compiled
 * (PCRE2's serialized form). A process then starts without reading a rule.
 */
#ifndef PITH_RULES_IMPL_H
#define PITH_RULES_IMPL_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stdatomic.h>
#include <stdint.h>
#include "scanner.h"
#include "rules.h"
#include "util/hash.h"

enum mkind {
    M_TAG, M_ID, M_CLASS, M_ROLE, M_ATTR, M_ATTR_EQ,
    M_ID_RE, M_CLASS_RE, M_IDCLASS_RE, M_ATTR_RE, M_TEXT_RE, M_MAXLEN
};

#define TAG_WORDS ((GUMBO_TAG_LAST + 32) / 32)

/* A matcher's strings are offsets into its rule set's pool (px_mstr), 0
 * for none: an image's matchers then hold no pointer for the loader to
 * write at every start (bench/relocs; bench/RESULTS.md, "Sixth round"). */
typedef struct matcher {
    enum mkind kind;
    bool negate;
    uint32_t name;  /* attribute name */
    uint32_t value; /* literal to compare */
    int pat;        /* index into patterns, or -1 */
    size_t maxlen;
    uint32_t tags[TAG_WORDS]; /* a bit per GumboTag */
    uint32_t tagnames;        /* names Gumbo does not know, '\0'-separated,
                               * ending with an empty one */
} matcher;

typedef struct rule {
    bool drop;
    int score;
    bool text;
    const matcher *m; /* cheapest first (see cost in rules_parse.c); NULL in
                       * an image's rules (no pointer to relocate): theirs
                       * are the image's matchers[first...] (px_rule_m) */
    int first;
    int nm;
    int file; /* index into files */
    int line;
    bool force; /* drop!: overrides the guard of px_holds_article (users'
                 * rules only; rulegen refuses it in the bundled files) */
    bool box;   /* drop-box: the block is the label of a box (boxes.c) */
} rule;

/* A pattern as a rule file wrote it, with what the scanner knows of it.
 * An image's patterns are described by the image (px_image_pattern) and
 * have none of these: px_pat_src and the others below read either. */
typedef struct pattern_text {
    const char *src;
    uint32_t flags;
    const char *lits; /* required literals (px_litset); NULL: none known */
    const char *head; /* where they must stand (px_lit_head); NULL: anywhere */
} pattern_text;

/* What a rule set writes of a pattern as it runs. Kept apart from the
 * pattern's text so that the bundled rules' patterns cost a process 24
 * bytes each (zeros from calloc), not a copy of their description
 * (bench/RESULTS.md, start-up faults). */
typedef struct pattern {
    /* Compiled at once for a rule file's patterns; for an image's, read
     * from its blob when first needed and published with a
     * compare-and-swap, so threads may race to load it and one copy wins. */
    _Atomic(pcre2_code *) code;
    /* The JIT costs more than a page's worth of matching, so a pattern is
     * JIT-compiled only once it has run often: a copy is compiled and
     * published here, and the interpreter serves until then. */
    _Atomic(pcre2_code *) jitted;
    atomic_uint uses;         /* interpreted matches so far */
    atomic_bool jit_claimed;  /* a thread is compiling (or compiled) the copy */
} pattern;

/* A pattern in a rule set image. Offsets, not pointers: each pointer in
 * the data of a position-independent program is written by the loader at
 * every start, and a page written is a page copied (bench/RESULTS.md,
 * start-up outside extraction). */
typedef struct px_image_pattern {
    uint32_t src;  /* into the image's strings */
    uint32_t flags;
    int32_t lits;  /* into strings (a px_litset), or -1: none known */
    int32_t head;  /* into strings (px_lit_head's), or -1: none */
    int32_t blob;  /* into blobs, or -1: none (what follows blob_head) */
    uint32_t blob_len;
} px_image_pattern;

/* The text rules, summed up: the longest maxlen among them, whether one
 * has none (any length may match), whether there are any, whether they
 * test nothing but the text. */
typedef struct px_text_summary {
    size_t cap;
    bool uncapped, has_text, text_only;
} px_text_summary;

/* Rules ready to use: what px_rules_parse and px_rules_compile make of
 * rule files, as static data. */
typedef struct px_rules_image {
    const char *files; /* their names, '\0'-separated */
    int nfiles;
    /* Their m is NULL (no pointer to relocate): rule i's nm matchers are
     * matchers[rules[i].first...]. The rules whose matchers name a string
     * (an attribute, a value, a tag Gumbo does not know) have theirs last,
     * so that the loader's writes of those pointers fall on as few pages
     * as they can (bench/RESULTS.md, start-up faults). A rule set of the
     * image alone reads them in place. */
    const rule *rules;
    const matcher *matchers;
    int nrules;
    /* The element rules and the text rules, in order (as px_rules_compile
     * lists them) */
    const int *elem_list, *text_list;
    int nelem_list, ntext_list;
    const px_image_pattern *pats;
    int npats;
    const char *strings;        /* the patterns' sources and literals */
    const unsigned char *blobs; /* their compiled forms */
    const px_scanner *scan; /* over the patterns' literals */
    const char *keys; /* as collect_keys finds them, '\0'-separated */
    int nkeys;
    /* The matchers' strings (px_mstr): offset 0 is none */
    const char *mstrings;
    uint32_t mstrings_len;
    /* The gates and the index of these rules alone, as px_rules_gate and
     * px_rules_index build them: a process that adds no rules of its own
     * uses them as they are. */
    const struct px_gate *gates;
    const struct px_index_list *index; /* the element list's, the text list's */
    /* The bytes every pattern's serialized form begins with (PCRE2's
     * header and character tables, 1 KB), kept once instead of in each
     * of some 300 forms: px_image_serialized puts them back. */
    const unsigned char *blob_head;
    uint32_t blob_head_len;
    /* What px_rules_compile learns of the text rules (px_text_summary),
     * so that a process does not read every text rule's matchers to
     * learn it again. */
    px_text_summary text;
    /* The tags every one of which some rule drops (px_rules_drops_every) */
    uint32_t drops_every[TAG_WORDS];
} px_rules_image;

/* Pattern i of an image: its source, its literals (NULL: none known) and
 * its compiled form (NULL: none). */
static inline const char *px_image_src(const px_rules_image *img, int i)
{
    return img->strings + img->pats[i].src;
}
static inline const char *px_image_lits(const px_rules_image *img, int i)
{
    return img->pats[i].lits < 0 ? NULL : img->strings + img->pats[i].lits;
}
static inline const char *px_image_head(const px_rules_image *img, int i)
{
    return img->pats[i].head < 0 ? NULL : img->strings + img->pats[i].head;
}
static inline const unsigned char *px_image_blob(const px_rules_image *img, int i)
{
    return img->pats[i].blob < 0 ? NULL : img->blobs + img->pats[i].blob;
}

/* Pattern i's serialized form, whole: blob_head, then its blob. Its
 * length (0: it has none), and the form written to out, which has that
 * many bytes (aligned for the 32-bit fields of its header, which PCRE2
 * reads in place). */
size_t px_image_form_len(const px_rules_image *img, int i);
void px_image_form(const px_rules_image *img, int i, unsigned char *out);

/* The bundled rules (the .rules files in rules/), written by rules/rulegen.c. */
extern const px_rules_image px_builtin_image;

/* The subjects the literal scanner runs on, once per node each. */
enum { SIDE_ID, SIDE_CLASS, SIDE_TEXT, SIDE_COUNT, SIDE_NONE = SIDE_COUNT };

/* What a rule's first matchers test before any pattern runs (rules_gate.c):
 * a node that fails it cannot meet the rule. */
typedef struct px_gate {
    int rule;            /* index into rules */
    int pat;             /* the first pattern, when it has literals; or -1 */
    uint32_t maxlen;     /* the text's most characters; UINT32_MAX: any */
    unsigned char sides; /* a bit per side (SIDE_*) pat is tried on; 0: no pat */
    bool drop;           /* the rule drops (after a drop only drops count) */
    bool any_tag;        /* no tag= matcher */
    bool tagnames;       /* the tag= names some tag Gumbo does not know */
    int key;             /* an attribute the rule needs present (index into
                          * keys, read before its first pattern), or -1 */
    uint32_t tags[TAG_WORDS];
    int tok;             /* the rule's matcher that set key, when it wants a
                          * value (id=, class=, role=, attr=NAME=VALUE); or -1 */
} px_gate;

/* A slot of an index list's table of wanted values: the gate that waits
 * for key's whole value (how = 2 * key) or one of its space-separated
 * tokens (how = 2 * key + 1) to be the string at str. gate < 0: empty. */
typedef struct px_tok_slot {
    uint32_t hash; /* px_tok_hash(how, the string) */
    int32_t how;
    int32_t str;   /* into the list's tok_str */
    int32_t gate;
} px_tok_slot;

/* One list's index (rules_index.c): which of its gates a node may open,
 * from its tag, the attributes it has and the patterns whose literals its
 * subjects hold. Bit j of a set of gates is gate first + j. */
typedef struct px_index_list {
    int first, n, words;
    /* The gates that wait for no literal: they pass where their tag test
     * passes (any_tag, or the tag's row of by_tag) and their key is present
     * (no_key, or the key's row of by_key). */
    uint64_t *any_tag, *by_tag, *no_key, *by_key;
    /* The gates that wait for pattern p's literals: gate[off[p]..off[p+1]). */
    int *off, *gate;
    unsigned sides;               /* the sides some gate waits on */
    uint32_t maxlen[SIDE_COUNT];  /* per side, the longest maxlen of those */
    /* The gates that wait for a value (class=share-bar): in neither no_key
     * nor by_key, but in an open-addressed table of what they want, found
     * with one probe per token of the node's value instead of being asked
     * one by one wherever the attribute is present. whole and split say
     * which keys (bit k, k < 32) some such gate reads; tok_mask is the
     * table's slots - 1. */
    uint32_t tok_whole, tok_split;
    unsigned tok_mask;
    px_tok_slot *tok; /* NULL: no such gate */
    char *tok_str;
} px_index_list;

typedef struct px_rule_index {
    bool built;
    bool image; /* list[]'s arrays are an image's static data */
    px_index_list list[2]; /* the element list's, the text list's */
} px_rule_index;

struct px_ruleset {
    const px_alloc *a;
    pcre2_general_context *gctx;
    rule *rules; /* an image's own, until a rule file adds to them (caprules 0) */
    int nrules, caprules;
    pattern *pats;       /* every pattern's state, the image's first */
    int npats, cappats;
    pattern_text *texts; /* the patterns after the image's: texts[i - image_pats] */
    int captexts;
    const char **files;
    int nfiles;
    /* The first rules, patterns and files may come from an image: those
     * are static data, not ours to free. */
    int image_rules, image_pats, image_files;
    const px_rules_image *image;
    bool compiled;
    const px_scanner *image_scan; /* literals of patterns [0, image_pats) */
    px_scanner *scan;             /* literals of the others, or NULL */
    /* The matchers' strings: an image's (mstr_cap 0) until a rule file
     * adds one, then a copy of them that grows (offsets stay valid) */
    const char *mstr;
    size_t mstr_len, mstr_cap;
    const char **keys; /* attributes element rules read: an element's verdict
                        * depends on its tag and these alone */
    int nkeys;
    /* Bit k set in the row of a byte: key k < 32 starts with it (read_keys
     * tries only those on each attribute). */
    uint32_t key_first[256];
    int *elem_list, *text_list; /* the element rules and the text rules, in order */
    int nelem_list, ntext_list;
    bool image_lists; /* the two lists are an image's static data */
    px_gate *gates; /* the element list's rules' gates, then the text list's */
    bool image_gates; /* gates is an image's static data, not ours to free */
    /* JIT stacks that ended calls leave for later ones (rules_match.c):
     * PX_JIT_SPARES slots, each empty (NULL) or holding one. */
    _Atomic(pcre2_jit_stack *) *spare_jit;
    px_rule_index index; /* over the gates */
    px_text_summary text;
    uint32_t drops_every[TAG_WORDS]; /* a bit per tag, px_rules_drops_every */
};

/* A matcher's string at offset off in rs's pool, or NULL (0: none). */
static inline const char *px_mstr(const px_ruleset *rs, uint32_t off)
{
    return off ? rs->mstr + off : NULL;
}

/* Rule r's matchers (r->nm of them). */
static inline const matcher *px_rule_m(const px_ruleset *rs, const rule *r)
{
    return r->m ? r->m : rs->image->matchers + r->first;
}

/* Pattern i's source, flags, literals (NULL: none known), place of its
 * literals (NULL: anywhere) and compiled form (NULL: none), from the image
 * or from the rule file that added it. */
static inline const char *px_pat_src(const px_ruleset *rs, int i)
{
    return i < rs->image_pats ? px_image_src(rs->image, i) : rs->texts[i - rs->image_pats].src;
}
static inline uint32_t px_pat_flags(const px_ruleset *rs, int i)
{
    return i < rs->image_pats ? rs->image->pats[i].flags : rs->texts[i - rs->image_pats].flags;
}
static inline const char *px_pat_lits(const px_ruleset *rs, int i)
{
    return i < rs->image_pats ? px_image_lits(rs->image, i) : rs->texts[i - rs->image_pats].lits;
}
static inline const char *px_pat_head(const px_ruleset *rs, int i)
{
    return i < rs->image_pats ? px_image_head(rs->image, i) : rs->texts[i - rs->image_pats].head;
}
static inline const unsigned char *px_pat_blob(const px_ruleset *rs, int i)
{
    return i < rs->image_pats ? px_image_blob(rs->image, i) : NULL;
}

/* PCRE2 allocating through the caller's allocator, for the rule set
 * (rules_parse.c) and for each matching call's scratch (rules_match.c). */
static inline void *px_pcre2_malloc(PCRE2_SIZE n, void *ud) { return px_malloc(ud, n); }
static inline void px_pcre2_free(void *p, void *ud) { px_free(ud, p); }
static inline pcre2_general_context *px_pcre2_context(const px_alloc *a)
{
    return pcre2_general_context_create(px_pcre2_malloc, px_pcre2_free, (void *)a);
}

/* Slots for spare JIT stacks: as many as a batch has threads, on most
 * machines; a call that finds them full frees its stack. */
#define PX_JIT_SPARES 16

/* Hands a call's JIT stack on to a later call, or frees it (rules_match.c). */
void px_rules_give_jit_stack(const px_ruleset *rs, pcre2_jit_stack *j);

/* Builds rs->gates from the element and text lists (rules_gate.c). */
int px_rules_gate(px_ruleset *rs);

/* Builds rs->index from rs->gates, or again after a change to them
 * (rules_index.c); frees it. */
int px_rules_index(px_ruleset *rs);
void px_rules_index_free(px_ruleset *rs);
/* Sets cand to the gates of L that wait for no literal and whose tag and
 * key tests a node of that tag with these key values (read_keys) passes. */
void px_index_start(const px_index_list *L, unsigned tag, const char *const *vals, int nkeys,
                    uint64_t *cand);
/* The hash of a wanted value (see px_tok_slot): FNV-1a over how (a
 * small enum, one byte), then the n bytes of s. */
static inline uint32_t px_tok_hash(int how, const char *s, size_t n)
{
    return px_fnv1a(px_fnv1a_byte(PX_FNV1A_SEED, (unsigned char)how), s, n);
}
/* The next token from *p of a list split at white space (class, role):
 * its start, its length in *len, and *p moved past it; NULL when none is
 * left. has_token and the index's value table split alike through it, so
 * that the table finds exactly the tokens a matcher would. */
static inline const char *px_tok_next(const char **p, size_t *len)
{
    const char *s = *p;
    while (px_ascii_is_space((unsigned char)*s))
        s++;
    const char *b = s;
    while (*s && !px_ascii_is_space((unsigned char)*s))
        s++;
    *p = s;
    *len = (size_t)(s - b);
    return *len ? b : NULL;
}
/* Adds to cand the gates of L that wait for a pattern in hits. */
void px_index_hits(const px_index_list *L, const uint64_t *hits, int hit_words, uint64_t *cand);

/* Adds the rules of img to rs, which must be empty; they come first. */
int px_rules_add_image(px_ruleset *rs, const px_rules_image *img, pith_error *err);

#endif
