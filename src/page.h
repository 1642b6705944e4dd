/*
 * The working state of one extraction, shared by the stages that run
 * after parsing. Everything here belongs to one call of pith_extract.
 */
#ifndef PITH_PAGE_H
#define PITH_PAGE_H

#include "parse.h"
#include "rules.h"
#include "adblock.h"

/* Why a node was dropped; kept for --explain and for tests. */
enum px_why {
    WHY_NONE, WHY_RULE, WHY_TEXT_RULE, WHY_FORM, WHY_LINKS, WHY_SCORE,
    WHY_TRAILING, WHY_OUTSIDE, WHY_VETO, WHY_HIDDEN, WHY_TITLE, WHY_BYLINE, WHY_TEASERS,
    WHY_EMPTY_SECTION, WHY_BOX_LABEL, WHY_BOX, WHY_CALL_TO_ACTION, WHY_TAIL
};

typedef struct px_info {
    int owner;                 /* nearest non-inline ancestor-or-self */
    int own_chars, own_link;   /* inline text owned by this block */
    int own_punct;
    int lead_link;             /* linked text before any unlinked text, or
                                * -1 - that once unlinked text came first */
    int chars, link;           /* visible text in the subtree */
    int paras;                 /* good paragraphs in the subtree */
    int para_chars;            /* characters in those paragraphs */
    float own_value;           /* worth of this block's own text */
    float value;               /* worth of the subtree */
    int rule_score;
    bool link_list;            /* in a list of links that is article text
                                * (extract.c): its links cost nothing */
    bool shown;                /* hidden by its own markup, brought back as
                                * the page's text (extract.c, measure) */
    int drop_rule, score_rule; /* rule indices for --explain, or -1 */
    int ab_rule;               /* the ad-blocking rule that matched, or -1 */
    unsigned char why;
    bool counted;              /* a text node: text_chars and text_punct are set */
    int text_chars, text_punct; /* its visible characters and punctuation */
} px_info;

/* The thresholds that trade junk against lost text (--favor). */
typedef struct px_tuning {
    float narrow_share;    /* narrow the root to a child holding this share */
    int drop_score;        /* inside the content, a rule score this low drops */
    int veto_percent;      /* rules never drop a node with this % of the prose */
    bool drop_trailing;    /* drop headings and labels after the last text */
    bool drop_fragments;   /* drop blocks worth less than nothing, links or not */
    bool drop_teasers;     /* drop lists of teasers inside the content */
    bool drop_boxes;       /* drop labelled boxes and calls to action (boxes.c) */
    bool trim_tail;        /* drop what is not prose after the last paragraph (tail.c) */
} px_tuning;

/* The tuning for PITH_FAVOR_PRECISION, PITH_FAVOR_RECALL, or neither. */
const px_tuning *px_tuning_for(unsigned flags);

typedef struct px_page {
    const px_alloc *a;
    const px_ruleset *rs;
    px_scratch *scratch;
    unsigned flags;
    const px_tuning *tune;
    px_doc doc;
    px_info *info;
    int root;      /* the chosen content container, or -1 */
    int prose;     /* characters of good paragraphs on the whole page */
    bool fallback; /* no container won: keep good blocks page-wide */
    char *title;   /* UTF-8, owned */
    int title_node; /* the h1 used as title, or -1 */
    unsigned long long stage_ns[PITH_STAGE_COUNT]; /* with PITH_PROFILE */
    struct px_meta *meta; /* metadata (metadata.h), read before extraction;
                           * NULL when none was read */
    const char *url;      /* the page's URL as the caller gave it, or NULL */
    const struct px_date *fetched; /* when it was fetched, or NULL */
    const px_adblock *ab; /* --adblock lists, or NULL */
    px_ab_page abp;       /* what the URL allows of them */
    int ab_prose;         /* prose characters the lists have dropped */
    const char *charset;  /* the encoding the input was read in (decode.c) */
    int charset_why;      /* and why: an enum px_decode_why */
    bool no_lang_detector; /* the language was wanted but CLD2 could not be loaded */
} px_page;

/* Stage 3b (score.c): text statistics and worth of every node. */
void px_score(px_page *pg);
/* Does node i hold most of the page's prose? Rules never drop or cancel
 * such a node: a class name is weaker evidence than the text itself. */
bool px_holds_article(const px_page *pg, int i);
/* A block's worth from its own text: positive for prose, negative for
 * link lists and fragments. Exposed for the unit tests. */
float px_block_value(int chars, int link, int lead, int punct);
/* Whether a block is a real paragraph of prose. */
bool px_is_good_para(int chars, int link, int punct);

/* Stage 3 (extract.c): the rules drop and score nodes (prune, text rules,
 * forms), and every node is scored. PITH_ERR_NOMEM or PITH_OK. */
int px_apply_rules(px_page *pg);
/* Stage 4 (extract.c), after the title: the content is chosen and
 * cleaned. PITH_OK, or PITH_NO_CONTENT for a page without an article. */
int px_extract_content(px_page *pg);
/* Inside the content root (boxes.c): boxes that a drop-box label opens,
 * and short boxes built around a form or a button (sign-up, paywall and
 * player chrome), go whole. */
void px_drop_boxes(px_page *pg, int root);
/* With --favor precision (tail.c): the blocks after the last paragraph of
 * prose that are no prose go. */
void px_trim_tail(px_page *pg, int root);
/* Normalised text of node i's subtree, skipping dropped nodes. */
void px_node_text(const px_page *pg, int i, px_buf *out);

/* Title (title.c). */
int px_find_title(px_page *pg);
/* Takes the site's name (og:site_name, or the name in the host) off
 * either end of the title; after extraction, which matches blocks
 * against the title as the page wrote it. */
int px_title_polish(px_page *pg);

/* The --explain trace (explain.c). */
int px_explain(const px_page *pg, px_buf *out);

/* Stage 5 (render.c): the kept content as plain text. */
int px_render_text(const px_page *pg, px_buf *out);

/* Shared by the renderers (render.c, render_common.c). Does table t hold
 * data (rendered as a table) rather than layout (rendered as blocks)? */
bool px_data_table(const px_page *pg, int t);
/* The text of <pre> p verbatim: <br> as line breaks, no carriage
 * returns, no trailing blanks on lines, no blank lines at either end. */
void px_pre_text(const px_page *pg, int p, px_buf *out);
/* The language of the code in <pre> p (class language-x, lang-x,
 * highlight-x, brush: x, data-lang), written to lang; "" when none.
 * memo, when not NULL, holds one int per node, zeroed before the first
 * call: it keeps each class's answer for the next <pre> under it. */
void px_code_language(const px_page *pg, int p, int *memo, char *lang, size_t cap);
/* The node the renderers start from. */
int px_render_root(const px_page *pg);
/* Is node i left out of the output (dropped, or the h1 used as title)? */
bool px_render_skip(const px_page *pg, int i);
/* The address of <img> i resolved against the page's base, allocated
 * with the page's allocator: src, the data-src of lazy loaders, else the
 * widest candidate of its srcset or data-srcset, or of a <source> of its
 * <picture>. NULL when there is none but a data: URL, when it is not safe
 * to write (px_url_is_safe), or when memory ran out (then *oom is set). */
char *px_image_url(const px_page *pg, int i, bool *oom);
/* The resolved address of a link with this href that may be written, or
 * NULL: none, an in-page anchor, an unsafe scheme, or out of memory (then
 * *oom is set). Allocated with the page's allocator. */
char *px_link_url(const px_page *pg, const char *href, bool *oom);
/* An element that starts a block of its own (not PX_INLINE). */
bool px_is_block(const px_node *nd);
/* Does element i hold an <li> anywhere below it? */
bool px_holds_li(const px_page *pg, int i);

/* The one tree walk of the text, Markdown and HTML renderers (cmark's
 * render_node in spirit): nodes in document order, enter on the way down,
 * leave on the way up; each format is its callbacks. */
typedef struct px_walk_ops {
    /* Returns false when it wrote node i whole (a <pre>, a table): its
     * subtree is not walked and leave is not called. */
    bool (*enter)(void *r, int i);
    void (*leave)(void *r, int i);
    /* Block i is left out (px_render_skip) but still separates the text
     * around it. */
    void (*skipped_block)(void *r, int i);
} px_walk_ops;
/* Walks the subtree of root from node from (root, or root + 1 to leave
 * root itself out). Returns false when memory ran out. */
bool px_walk(const px_page *pg, int root, int from, const px_walk_ops *ops, void *r);

/* What a format's whole document (PITH_DOCUMENT, PITH_WITH_TITLE) puts
 * around the article, as the pith command prints it. */
typedef struct px_frame {
    const char *title; /* "" when the page has none */
    const char *lang;  /* the page's language, or NULL */
    bool with_title;   /* PITH_WITH_TITLE: the title is shown */
} px_frame;

/* Writes the whole document of one format around body[0..len) to out
 * (render.c, render_markdown.c, render_html.c, render_json.c): the title
 * framed as that format frames it, and a final newline. */
typedef int (*px_framer)(const px_frame *f, const char *body, size_t len, px_buf *out);
int px_frame_text(const px_frame *f, const char *body, size_t len, px_buf *out);
int px_frame_markdown(const px_frame *f, const char *body, size_t len, px_buf *out);
int px_frame_html(const px_frame *f, const char *body, size_t len, px_buf *out);
int px_frame_json(const px_frame *f, const char *body, size_t len, px_buf *out);

/* The other output formats (render_markdown.c, render_html.c,
 * render_json.c), from the same kept nodes as the text. */
int px_render_markdown(const px_page *pg, px_buf *out);
int px_render_html(const px_page *pg, px_buf *out);
/* The JSON object: title and metadata, text, markdown and html when not
 * NULL, word_count. */
int px_render_json(const px_page *pg, const char *text, size_t text_len, const char *markdown,
                   const char *html, px_buf *out);

#endif
