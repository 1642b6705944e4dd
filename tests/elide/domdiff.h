/*
 * The differential check of the elision pass (src/elide.c): two Gumbo
 * trees, of a page whole and of the same page elided, must agree node by
 * node, leaving out what the pass may leave out: the children of <style>,
 * of <template> and of <script> other than JSON-LD, the text of
 * comments, and the shapes inside an <svg> (its white space stays; see
 * svg_shapes); text outside <pre> and the text elements is compared with
 * its runs of white space folded, and attribute values only where someone
 * reads them (px_elide_reads_attr) or where the elided one is not empty;
 * an attribute nobody reads may be missing from the elided element, but
 * the others keep their order (see same_attrs).
 * Shared by tests/elide/elide_check.c and tests/fuzz/fuzz_elide.c.
 */
#ifndef PITH_DOMDIFF_H
#define PITH_DOMDIFF_H

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>

/* Returns true when the trees agree; else false, with the path of the
 * first difference and what differs in why[0..cap). */
bool domdiff(const GumboNode *whole, const GumboNode *elided, char *why, size_t cap);

/* Parses whole[0..len) as it is and through px_elide (every option on), and compares the
 * trees. *elided_len gets the elided length (len when nothing was left
 * out). False, with why, on a difference or a failure. */
bool domdiff_page(const char *whole, size_t len, size_t *elided_len, char *why, size_t cap);

#endif
