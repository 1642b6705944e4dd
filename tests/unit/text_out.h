/* What the plain-text page tests share: a page run through the public API
 * with the text, title and error kept, and comparisons that show the
 * texts on failure. Linked into test_render, test_title, test_extract and
 * test_boxes. */
#ifndef PITH_TEST_TEXT_OUT_H
#define PITH_TEST_TEXT_OUT_H

#include "lead.h"

typedef struct out {
    int rc;
    char text[16384];
    char title[512];
    pith_error err;
} out;

/* Extracts html under flags into o; o->rc and o->err say how it went
 * (a failure of pith_extractor_new fails the test). */
void run(const char *html, unsigned flags, out *o);

/* Fails showing both texts with their line breaks visible. */
void same_text(const char *got, const char *want);

/* Fail unless o's text holds s / lacks s, showing the text. */
void assert_contains(const out *o, const char *s);
void assert_lacks(const out *o, const char *s);

#endif
