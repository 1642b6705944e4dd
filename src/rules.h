/*
 * Stage 3a: the rule engine. Rules are data (see rules/README.md): a file
 * is parsed into rules whose patterns are compiled at once (the bundled
 * ones at build time: rules_impl.h) and JIT-compiled once they have run
 * often. Matching shares the rule set between threads (patterns are loaded
 * and JIT-compiled on first need, published atomically); each call brings
 * its own scratch.
 */
#ifndef PITH_RULES_H
#define PITH_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include "alloc.h"
#include "parse.h"

typedef struct px_ruleset px_ruleset;
typedef struct px_scratch px_scratch;

/* What the rules said about one node. */
typedef struct px_verdict {
    bool drop;
    int score;
    int drop_rule;  /* index of the rule that dropped it, or -1 */
    int score_rule; /* index of the last scoring rule that fired, or -1 */
    bool force;     /* a drop! rule fired: drop even what holds the article */
    bool box;       /* a drop-box rule fired: the block labels a box */
} px_verdict;

px_ruleset *px_rules_new(const px_alloc *a);
void px_rules_free(px_ruleset *rs);
/* Parses rule text; name is used in messages ("name:line: reason"). On
 * error nothing from this text is kept. */
int px_rules_parse(px_ruleset *rs, const char *name, const char *text,
                   size_t len, pith_error *err);
/* Compiles every pattern added so far. Call once, before matching. */
int px_rules_compile(px_ruleset *rs, pith_error *err);

size_t px_rules_count(const px_ruleset *rs);
bool px_rules_has_text(const px_ruleset *rs);
/* Do the text rules look at the text alone (no tag, class...)? */
bool px_rules_text_only(const px_ruleset *rs);
/* Does some element rule drop every element of this GumboTag, whatever
 * its attributes? (The guard of px_holds_article may still keep one that
 * holds prose.) */
bool px_rules_drops_every(const px_ruleset *rs, unsigned tag);
/* Longest maxlen of any text rule, or 0 when some text rule has none. */
size_t px_rules_text_cap(const px_ruleset *rs);
/* "file:line" of rule i. */
void px_rules_where(const px_ruleset *rs, int i, char *out, size_t cap);

px_scratch *px_scratch_new(const px_ruleset *rs, const px_alloc *a);
/* The same for a page of that many nodes (sizes the verdict cache). */
px_scratch *px_scratch_new_for(const px_ruleset *rs, const px_alloc *a, size_t nodes);
void px_scratch_free(px_scratch *s);
/* Did matching run out of memory (compiling a pattern on first use)? The
 * verdicts since are then not to be trusted. */
bool px_scratch_failed(const px_scratch *s);
/* The first rule from rule index from on whose pattern stopped at a PCRE2
 * limit (match, depth, heap) on this scratch, with its "file:line" in
 * out; -1 when none. A limit hit counts as no match. */
int px_scratch_limited(const px_scratch *s, int from, char *out, size_t cap);

/* Element rules against one element. A match error counts as no match. */
void px_rules_match_element(const px_ruleset *rs, px_scratch *s,
                            const px_node *nd, px_verdict *v);
/* Text rules against one block whose normalised text is text[0..len). */
void px_rules_match_text(const px_ruleset *rs, px_scratch *s,
                         const px_node *nd, const char *text, size_t len,
                         px_verdict *v);

#endif
