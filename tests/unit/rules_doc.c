/* The rule tests' shared documents (rules_doc.h). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

int each_fixture(void (*fn)(const char *name, const px_doc *page, void *ud), void *ud)
{
    DIR *d = opendir(PITH_SOURCE_ROOT "/fixtures");
    assert_non_null(d);
    struct dirent *e;
    int pages = 0;
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 6 || strcmp(e->d_name + nl - 5, ".html"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/fixtures/%s", PITH_SOURCE_ROOT, e->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *html = malloc((size_t)n + 1);
        size_t len = fread(html, 1, (size_t)n, f);
        html[len] = '\0';
        fclose(f);
        px_doc page;
        pith_error err = {0, ""};
        assert_int_equal(px_parse(&page, &A, html, len, 0, &err), PITH_OK);
        fn(e->d_name, &page, ud);
        px_doc_free(&page);
        free(html);
        pages++;
    }
    closedir(d);
    return pages;
}
