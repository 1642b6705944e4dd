/*
 * Stage 1c: elision. A third or more of a page's bytes are script and
 * style bodies, which can never be article text, yet Gumbo would tokenize
 * each of them character by character. Before parsing, one pass follows
 * the HTML tokenizer's states and leaves out:
 *   - the bodies of <script> elements, except JSON-LD (metadata reads it);
 *   - the bodies of <style> and <template> elements;
 *   - the text of comments (an empty "<!---->" stays in its place).
 * Start and end tags stay, so the tree Gumbo builds has the same shape
 * node for node; only the left-out contents are missing. Where the pass
 * cannot be sure how the tree builder will tokenize what follows (inside
 * <svg> or <math> past what it can follow, a <select> holding table tags,
 * a <frameset>, <plaintext>), it stops eliding and copies the rest as it
 * is. bench/elide_check (and fuzz_elide) compare the two trees.
 */
#ifndef PITH_ELIDE_H
#define PITH_ELIDE_H

#include <stddef.h>
#include "alloc.h"

/* Returns PITH_OK and either *out == NULL (nothing to leave out: use the
 * input) or a shorter copy (px_free it) in *out, *out_len. */
int px_elide(const px_alloc *a, const char *in, size_t len, char **out, size_t *out_len);

#endif
