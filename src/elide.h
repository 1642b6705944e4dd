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
 * is. tests/elide/elide_check (and fuzz_elide) compare the two trees.
 *
 * With PX_ELIDE_SVG it also leaves out the tags inside an <svg> of shapes:
 * one whose content is only elements of names HTML does not know (path,
 * g, use, circle...; a nested <svg>), without itemprop or itemscope,
 * white space and comments. The <svg> stays, empty but for its white
 * space, byte for byte. Nothing reads such elements except a rule by tag
 * name; so the caller asks for this only when its rules drop every <svg>
 * (structure.rules does). Other <svg>s (a <title>, <text>, <style>, <a>,
 * CDATA inside) and <math> (its text is printed) stay whole.
 *
 * With PX_ELIDE_SPACE a run of two or more spaces, tabs and newlines in
 * text outside <pre> and <listing> (and outside <svg>, <math>, <select>
 * and the text elements, which the pass copies as they are) shrinks to
 * one character: a newline if it held one, else its first. pith folds
 * such a run to one space wherever it reads text, except in a <pre>.
 */
#ifndef PITH_ELIDE_H
#define PITH_ELIDE_H

#include <stddef.h>

/* Rewrites page[0..len) in place, without a copy: the page never grows.
 * Returns its new length (len when nothing was left out); when shorter,
 * page[new length] is '\0', so page[len] must be writable. */
enum px_elide_opt {
    PX_ELIDE_SVG = 1u << 0,  /* the tags inside an <svg> of shapes */
    PX_ELIDE_SPACE = 1u << 1 /* runs of white space in text outside <pre> */
};

size_t px_elide(char *page, size_t len, unsigned opts);

#endif
