/*
 * The working state of one extraction, shared by the stages that run
 * after parsing. Everything here belongs to one call of pith_extract.
 */
#ifndef PITH_PAGE_H
#define PITH_PAGE_H

#include "parse.h"
#include "rules.h"

/* Why a node was dropped; kept for --explain and for tests. */
enum px_why {
    WHY_NONE, WHY_RULE, WHY_TEXT_RULE, WHY_FORM, WHY_LINKS, WHY_SCORE,
    WHY_TRAILING, WHY_OUTSIDE, WHY_VETO, WHY_HIDDEN, WHY_TITLE
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
    int drop_rule, score_rule; /* rule indices for --explain, or -1 */
    unsigned char why;
} px_info;

typedef struct px_page {
    const px_alloc *a;
    const px_ruleset *rs;
    px_scratch *scratch;
    unsigned flags;
    px_doc doc;
    px_info *info;
    int root;      /* the chosen content container, or -1 */
    int prose;     /* characters of good paragraphs on the whole page */
    bool fallback; /* no container won: keep good blocks page-wide */
    char *title;   /* UTF-8, owned */
    int title_node; /* the h1 used as title, or -1 */
    unsigned long long stage_ns[PITH_STAGE_COUNT]; /* with PITH_PROFILE */
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

/* Starts timing a stage when profiling; returns the start time. */
unsigned long long px_clock(const px_page *pg);
/* Adds the time since start to stage, and returns the time now. */
unsigned long long px_lap(px_page *pg, int stage, unsigned long long start);

/* Stage 4 (extract.c). */
int px_extract_content(px_page *pg, pith_error *err);
/* Normalised text of node i's subtree, skipping dropped nodes. */
void px_node_text(const px_page *pg, int i, px_buf *out);

/* Title (title.c). */
int px_find_title(px_page *pg);

/* The --explain trace (explain.c). */
int px_explain(const px_page *pg, px_buf *out);

/* Stage 5 (render.c): the kept content as plain text. */
int px_render_text(const px_page *pg, px_buf *out);

#endif
