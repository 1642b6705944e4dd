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
 * CDATA inside) and <math> (its text is printed) stay: the pass reads
 * such an <svg> again from its start as other foreign content, and
 * leaves out only its comments' text and unread attributes.
 *
 * With PX_ELIDE_SPACE a run of two or more spaces, tabs and newlines in
 * text outside <pre> and <listing> (and outside <svg>, <math>, <select>
 * and the text elements, which the pass copies as they are) shrinks to
 * one character: a newline if it held one, else its first. pith folds
 * such a run to one space wherever it reads text, except in a <pre>.
 *
 * With PX_ELIDE_ATTRS an attribute that neither pith nor Gumbo's tree
 * builder reads (px_elide_reads_attr, and the caller's list: the rules';
 * src, srcset, the lazy loaders' data-src and data-srcset, and href are
 * read on some elements only: read_on_attrs in elide.c says which)
 * goes, name and value, with the white space after it: Gumbo need not
 * make, copy and compare it. Where the white space before it is missing
 * (name="a"b="c", <p/x="y">) taking it out could join or change other
 * tokens: then only its value is emptied (name="long value" becomes
 * name=""); likewise for color, face and size, whose mere presence ends
 * foreign content on a <font>. An ad-blocking list may select by any
 * attribute: with one loaded, the caller does not ask for this.
 */
#ifndef PITH_ELIDE_H
#define PITH_ELIDE_H

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "alloc.h"

/* The names the pass looks up for every tag and attribute, hashed: the
 * tag names it acts on and the attributes whose values are read, with
 * the caller's (keep[0..nkeep): the rules'). Made once per extractor;
 * read only, so threads share it. NULL when out of memory.
 *
 * img, when not NULL, is such tables as a build wrote them for a list of
 * names (rules/rulegen.c: the bundled rules'): when it holds every name
 * of keep, they are used in place instead of being built at every start
 * (55 K instructions and 8 KB of memory written). */
typedef struct px_name_slot {
    uint32_t name; /* offset in the pool */
    uint16_t len;  /* 0: an empty slot */
    uint16_t bits;
} px_name_slot;

typedef struct px_elide_image {
    const px_name_slot *tags, *attrs;
    const char *pool;
    uint32_t tags_mask, attrs_mask; /* slots - 1 */
} px_elide_image;

typedef struct px_elide_names px_elide_names;
px_elide_names *px_elide_names_new(const px_alloc *a, const px_elide_image *img, const char *const *keep,
                                   size_t nkeep);
void px_elide_names_free(px_elide_names *names);

/* The tables of names as an image (for rulegen to write), and the length
 * of their pool. */
void px_elide_names_image(const px_elide_names *names, px_elide_image *img, size_t *pool_len);

/* Fills img with the bundled rules' (written by rules/rulegen.c): a
 * function, not a constant, whose pointers the loader would rewrite at
 * every start. */
void px_builtin_elide(px_elide_image *img);

/* Rewrites page[0..len) in place, without a copy: the page never grows.
 * Returns its new length (len when nothing was left out); when shorter,
 * page[new length] is '\0', so page[len] must be writable. */
enum px_elide_opt {
    PX_ELIDE_SVG = 1u << 0,  /* the tags inside an <svg> of shapes */
    PX_ELIDE_SPACE = 1u << 1, /* runs of white space in text outside <pre> */
    PX_ELIDE_ATTRS = 1u << 2  /* attributes nobody reads */
};

/* What the pass took out of the page to put back into Gumbo's tree
 * after the parse (values, below). Gumbo reads every byte it is handed
 * one character at a time, and each character of text is a token the
 * tree builder handles; what is left of a page after the rest of the
 * pass is mostly the values of the attributes pith reads (class, href,
 * src, title, alt) and text. Only what Gumbo would copy byte for byte
 * goes (px_verbatim: no character reference, no CR, NUL or control,
 * well-formed UTF-8):
 *   - an attribute's value, when the tree builder never reads its name
 *     (type, encoding, prompt and action stay): "" stays in its place,
 *     which is Gumbo's original_value of the attribute (clones of the
 *     element, the adoption agency's, and attributes a second <body>
 *     moves keep it);
 *   - a run of text between tags in HTML content: from its first
 *     character that is not white space to its last, which becomes
 *     PX_ELIDE_MARK. The tree builder decides per character only whether
 *     it is white space (or NUL), so one such character in its place
 *     gives the same tree; the text node whose original text holds the
 *     mark gets the text back (text that ignored tags join holds more
 *     than one). The mark is U+10FFFD, a private-use character Gumbo
 *     reads as it is: a page in which it may be there already, as it is
 *     or from a reference (px_may_give), keeps its text.
 * The caller puts both back (px_elide_restore, px_elide_restore_text),
 * so pith reads the same tree. */
#define PX_ELIDE_MARK "\xf4\x8f\xbf\xbd"
#define PX_ELIDE_MARK_CP 0x10FFFDu

typedef struct px_elide_run {
    uint32_t at;          /* where its mark is in the elided page */
    uint32_t off, len;    /* the run in text: white space before the mark, */
    uint32_t lead, trail; /* its text, white space after, as Gumbo reads them */
} px_elide_run;

typedef struct px_elide_attr {
    uint32_t at;  /* where its "" starts in the elided page */
    uint32_t off; /* where the value starts in text */
} px_elide_attr;

/* Each list grows as the pass fills it (a page needs a fraction of what
 * it could: room for the worst case, taken every page, left the heap in
 * pieces and cost 1.6 MiB of peak RSS over the corpus); short of memory,
 * the pass takes no more. */
typedef struct px_elide_values {
    const px_alloc *a;
    char *text;          /* values and runs, each ended by a NUL */
    size_t used, room;   /* bytes of text */
    px_elide_attr *attrs; /* in page order */
    size_t n, cap;
    px_elide_run *runs;  /* in page order */
    size_t nruns, runs_cap;
} px_elide_values;

/* Room to start with for a page of len bytes. PITH_OK, or PITH_ERR_NOMEM
 * (then v holds nothing to free). a must outlive v. */
int px_elide_values_init(const px_alloc *a, px_elide_values *v, size_t len);
void px_elide_values_free(const px_alloc *a, px_elide_values *v);

/* The value taken out of the attribute whose "" starts at offset at of the
 * elided page (a Gumbo attribute's original_value), or NULL when the pass
 * left that attribute's value in place. */
const char *px_elide_value(const px_elide_values *v, size_t at);

/* Gives the values back to the attributes of element g of the tree Gumbo
 * made of the elided page[0..len). */
void px_elide_restore(const px_elide_values *v, GumboNode *g, const char *page, size_t len);

/* Gives text node g its text back. A node whose text joins several runs
 * gets a new string from alloc(ud, bytes), which may return NULL: then
 * PITH_ERR_NOMEM, else PITH_OK. */
int px_elide_restore_text(const px_elide_values *v, GumboNode *g, const char *page, size_t len,
                          void *(*alloc)(void *ud, size_t n), void *ud);

/* values (may be NULL: no value taken out) is filled when given. */
size_t px_elide(char *page, size_t len, unsigned opts, const px_elide_names *names,
                px_elide_values *values);

/* Does pith or Gumbo read the value of attribute name[0..n) (any case)? */
bool px_elide_reads_attr(const char *name, size_t n);

#endif
