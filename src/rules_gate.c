/*
 * The rules' gates: for each rule of the element list and of the text
 * list, the cheap tests its first matchers make, packed into one small
 * array that the matcher scans instead of the rules. A page's blocks each
 * meet the 220 text rules, most of which fail at once (the text is too
 * long, or holds none of the pattern's literals); reading each rule, its
 * matchers and its pattern to learn that cost more in cache misses than in
 * instructions (callgrind --cache-sim: match_rules had 28% of all the
 * first-level misses of a page for 3% of its instructions).
 *
 * A gate only tests what the rule's own matchers would test before they
 * run a pattern: the tag, maxlen, and whether the subject of the first
 * pattern matcher holds one of the pattern's required literals (without
 * one, that matcher is false without running). A rule a gate stops would
 * thus have run no pattern either: skipping it changes nothing, not even
 * the count of a pattern's uses or its limit hits.
 */
#include "rules_impl.h"

#include <string.h>

/* The index of attribute name among the keys the matcher reads on each
 * node (collect_keys has them all), or -1. */
static int key_of(const px_ruleset *rs, const char *name)
{
    for (int k = 0; k < rs->nkeys; k++)
        if (!strcmp(rs->keys[k], name))
            return k;
    return -1;
}

/* The gate of rule i. */
static px_gate gate_of(const px_ruleset *rs, int i)
{
    const rule *r = &rs->rules[i];
    px_gate g;
    memset(&g, 0, sizeof g);
    g.rule = i;
    g.drop = r->drop;
    g.any_tag = true;
    g.maxlen = UINT32_MAX;
    g.pat = -1;
    g.key = -1;
    g.tok = -1;
    const matcher *ms = px_rule_m(rs, r);
    for (int j = 0; j < r->nm; j++) {
        const matcher *m = &ms[j];
        switch (m->kind) {
        case M_TAG:
            if (g.any_tag) {
                memcpy(g.tags, m->tags, sizeof g.tags);
                g.tagnames = m->tagnames != 0;
                g.any_tag = false;
            }
            continue;
        case M_MAXLEN:
            if (m->maxlen < g.maxlen)
                g.maxlen = (uint32_t)m->maxlen;
            continue;
        case M_ID_RE:
        case M_CLASS_RE:
        case M_IDCLASS_RE:
        case M_TEXT_RE:
            /* The first pattern ends the gate: a pattern that runs has
             * effects (its uses, a limit hit) the gate must not skip. */
            if (!m->negate && px_pat_lits(rs, m->pat)) {
                g.pat = m->pat;
                g.sides = m->kind == M_ID_RE      ? 1u << SIDE_ID
                          : m->kind == M_CLASS_RE ? 1u << SIDE_CLASS
                          : m->kind == M_TEXT_RE  ? 1u << SIDE_TEXT
                                                  : (1u << SIDE_ID) | (1u << SIDE_CLASS);
            }
            return g;
        case M_ATTR_RE:
            /* attr=NAME~: no match where NAME is absent, and no run */
            if (!m->negate && g.key < 0)
                g.key = key_of(rs, px_mstr(rs, m->name));
            return g;
        case M_ID:
        case M_CLASS:
        case M_ROLE:
        case M_ATTR:
        case M_ATTR_EQ:
            /* no pattern, nothing to skip; but false where the attribute
             * is absent */
            /* (the keys start with id, class and role: collect_keys) */
            if (g.key < 0) {
                g.key = m->kind == M_ID      ? 0
                        : m->kind == M_CLASS ? 1
                        : m->kind == M_ROLE  ? 2
                                             : key_of(rs, px_mstr(rs, m->name));
                /* a value wanted before any pattern: the index may look
                 * it up (rules_index.c) */
                if (m->kind != M_ATTR && g.key >= 0)
                    g.tok = j;
            }
            continue;
        default:
            continue;
        }
    }
    return g;
}

int px_rules_gate(px_ruleset *rs)
{
    size_t n = (size_t)rs->nelem_list + (size_t)rs->ntext_list;
    rs->gates = px_malloc(rs->a, (n ? n : 1) * sizeof *rs->gates);
    if (!rs->gates)
        return PITH_ERR_NOMEM;
    for (int k = 0; k < rs->nelem_list; k++)
        rs->gates[k] = gate_of(rs, rs->elem_list[k]);
    for (int k = 0; k < rs->ntext_list; k++)
        rs->gates[rs->nelem_list + k] = gate_of(rs, rs->text_list[k]);
    return PITH_OK;
}
