/* The rule tests' shared documents (rules_doc.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rules_doc.h"

px_alloc A;

int setup(void **state)
{
    (void)state;
    px_alloc_init(&A, NULL);
    return 0;
}

px_ruleset *load(const char *text)
{
    px_ruleset *rs = px_rules_new(&A);
    assert_non_null(rs);
    pith_error err = {0, ""};
    int rc = px_rules_parse(rs, "t.rules", text, strlen(text), &err);
    if (rc)
        fail_msg("rules refused: %s", err.message);
    rc = px_rules_compile(rs, &err);
    if (rc)
        fail_msg("rules do not compile: %s", err.message);
    return rs;
}

void doc_open(doc *t, const char *rules, const char *html)
{
    t->rs = load(rules);
    pith_error err = {0, ""};
    assert_int_equal(px_parse(&t->d, &A, html, strlen(html), 0, &err), PITH_OK);
    t->s = px_scratch_new(t->rs, &A);
    assert_non_null(t->s);
}

void doc_close(doc *t)
{
    px_scratch_free(t->s);
    px_doc_free(&t->d);
    px_rules_free(t->rs);
}

const px_node *by_id(const doc *t, const char *id)
{
    for (int i = 0; i < t->d.n; i++) {
        const char *v = px_attr(&t->d.nodes[i], "id");
        if (v && !strcmp(v, id))
            return &t->d.nodes[i];
    }
    fail_msg("no element with id '%s'", id);
    return NULL;
}

const px_node *by_tag(const doc *t, const char *name)
{
    for (int i = 0; i < t->d.n; i++) {
        char buf[64];
        if (t->d.nodes[i].kind == PX_ELEMENT &&
            !strcmp(px_tag_name(&t->d.nodes[i], buf, sizeof buf), name))
            return &t->d.nodes[i];
    }
    fail_msg("no <%s> element", name);
    return NULL;
}

px_verdict element_verdict(const doc *t, const px_node *nd)
{
    px_verdict v = {false, 0, -1, -1, false, false};
    px_rules_match_element(t->rs, t->s, nd, &v);
    return v;
}

bool dropped_id(const doc *t, const char *id)
{
    return element_verdict(t, by_id(t, id)).drop;
}
