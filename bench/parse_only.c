/*
 * bench/parse_only: the start-up baseline for bench/speed.
 *
 * One process that does the least any extractor must do with a page: read
 * it, parse it with Gumbo (default options), walk every node once and free
 * the tree. `speed` launches it and `pith` on the same small page many
 * times; the difference is what pith adds per process (mostly building the
 * extractor, that is compiling the rules).
 *
 * Usage: parse_only [FILE]   (standard input when FILE is absent or "-")
 * Prints the number of nodes, so that the walk cannot be optimised away and
 * both programs write some output.
 */
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_file.h"

static GumboVector *children_of(GumboNode *g)
{
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
        return &g->v.element.children;
    if (g->type == GUMBO_NODE_DOCUMENT)
        return &g->v.document.children;
    return NULL;
}

/* Preorder walk without recursion (real pages nest thousands deep): down to
 * the first child, else to the next sibling of the nearest ancestor. */
static size_t walk(GumboNode *root)
{
    size_t n = 0;
    GumboNode *g = root;
    for (;;) {
        n++;
        GumboVector *kids = children_of(g);
        if (kids && kids->length) {
            g = kids->data[0];
            continue;
        }
        for (;;) {
            if (g == root)
                return n;
            GumboVector *sib = children_of(g->parent);
            size_t i = g->index_within_parent + 1;
            if (i < sib->length) {
                g = sib->data[i];
                break;
            }
            g = g->parent;
        }
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "-";
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        perror(path);
        return 3;
    }
    size_t len;
    char *html = px_read_stream(f, &len);
    if (f != stdin)
        fclose(f);
    if (!html) {
        fprintf(stderr, "parse_only: cannot read %s\n", path);
        return 3;
    }
    GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    if (!out) {
        free(html);
        return 5;
    }
    size_t nodes = walk(out->document);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    free(html);
    printf("%zu nodes\n", nodes);
    return 0;
}
