/* What the renderer tests share: a page run through the public API with
 * every format asked for, its outputs kept, and comparisons that print the
 * whole text on failure. Linked into test_render_markdown, test_render_html
 * and test_render_json. */
#ifndef PITH_TEST_RENDER_OUT_H
#define PITH_TEST_RENDER_OUT_H

#include "lead.h"

#define ALL (PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML | PITH_FORMAT_JSON)

typedef struct out {
    int rc;
    char text[32768], md[32768], html[32768], json[65536];
} out;

/* Extracts html (with url, which may be NULL) under flags into o; fails the
 * test when the extractor or the extraction fails. */
void run_url(const char *html, unsigned flags, const char *url, out *o);
/* The same for an article body b, wrapped in a page titled "Test page". */
void body(const char *b, unsigned flags, out *o);

/* (cmocka cuts long messages: the texts go to stderr first) */
void same(const char *what, const char *got, const char *want);
void has(const char *what, const char *got, const char *want);
void lacks(const char *what, const char *got, const char *bad);

#endif
