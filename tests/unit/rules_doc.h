/* What the rule tests share: the allocator and its setup, rule text that
 * must load, and a small parsed document with a ruleset to run over it,
 * whose elements the tests find by id or tag. Linked into test_rules_parse,
 * test_rules_match, test_rules_gate and test_rules_index. */
#ifndef PITH_TEST_RULES_DOC_H
#define PITH_TEST_RULES_DOC_H

#include <stdbool.h>

#include "parse.h"
#include "rules.h"

/* The allocator every rule test uses; setup readies it (a cmocka group
 * setup). */
extern px_alloc A;
int setup(void **state);

/* Parses and compiles text that must be valid; fails the test otherwise. */
px_ruleset *load(const char *text);

/* A parsed document and the ruleset to run over it. */
typedef struct doc {
    px_doc d;
    px_ruleset *rs;
    px_scratch *s;
} doc;

void doc_open(doc *t, const char *rules, const char *html);
void doc_close(doc *t);

/* The element whose id attribute is id; the tests label the elements they
 * ask about this way so that the lookup itself needs no rules. */
const px_node *by_id(const doc *t, const char *id);
/* The first element named name (custom names included). */
const px_node *by_tag(const doc *t, const char *name);

/* What the element rules say about nd, and whether they drop the element
 * with that id. */
px_verdict element_verdict(const doc *t, const px_node *nd);
bool dropped_id(const doc *t, const char *id);

/* The fixtures' pages (every .html file in fixtures), each parsed and handed to fn;
 * returns how many. The whole-page comparisons of test_rules_gate and
 * test_rules_index run over them. */
int each_fixture(void (*fn)(const char *name, const px_doc *page, void *ud), void *ud);

#endif
