/*
 * --explain: a trace of the decisions, one line per candidate block, so
 * that a user writing rules can see why a block was kept or dropped.
 */
#include <stdio.h>
#include <string.h>
#include "decode.h"
#include "dynlib.h"
#include "page.h"

static const char why_names[][28] = {
    [WHY_NONE] = "kept", [WHY_RULE] = "dropped:rule", [WHY_TEXT_RULE] = "dropped:text-rule",
    [WHY_FORM] = "dropped:form", [WHY_LINKS] = "dropped:links", [WHY_SCORE] = "dropped:score",
    [WHY_TRAILING] = "dropped:trailing-heading", [WHY_OUTSIDE] = "outside",
    [WHY_VETO] = "kept:holds-article", [WHY_HIDDEN] = "dropped:hidden",
    [WHY_TITLE] = "dropped:repeats-title", [WHY_BYLINE] = "dropped:byline",
    [WHY_TEASERS] = "dropped:teaser-list",
    [WHY_EMPTY_SECTION] = "dropped:empty-section",
    [WHY_BOX_LABEL] = "dropped:box-label", [WHY_BOX] = "dropped:labelled-box",
    [WHY_CALL_TO_ACTION] = "dropped:call-to-action", [WHY_TAIL] = "dropped:tail",
};

/* Appends at most max bytes of an attribute value: cut at a character
 * boundary, and with spaces and control characters shown as '.', so that
 * the trace stays one line of valid UTF-8 per block. */
static void put_value(px_buf *b, char sep, const char *v, size_t max)
{
    px_buf_putc(b, sep);
    size_t n = strnlen(v, max);
    while (n && n < strlen(v) && ((unsigned char)v[n] & 0xC0) == 0x80)
        n--;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)v[k];
        px_buf_putc(b, c <= ' ' || c == 0x7F ? '.' : (char)c);
    }
}

static void path(const px_page *pg, int i, px_buf *b)
{
    const px_node *nd = &pg->doc.nodes[i];
    char scratch[64];
    const char *name = px_tag_name(nd, scratch, sizeof scratch);
    for (const char *q = name; *q; q++)
        px_buf_putc(b, (unsigned char)*q < 0x21 || (unsigned char)*q >= 0x7F ? '?' : *q);
    const char *id = px_attr(nd, "id");
    if (id && *id)
        put_value(b, '#', id, 60);
    const char *cls = px_attr(nd, "class");
    if (cls && *cls)
        put_value(b, '.', cls, 80);
}

/* Is node i inside the chosen content (or kept page-wide)? */
static bool inside(const px_page *pg, int i)
{
    if (pg->root < 0)
        return pg->fallback;
    return i >= pg->root && i < pg->doc.nodes[pg->root].end;
}

/* Text bytes under a dropped node, which the scores no longer count. */
static size_t raw_text(const px_page *pg, int i)
{
    size_t n = 0;
    for (int j = i; j < pg->doc.nodes[i].end; j++)
        if (pg->doc.nodes[j].kind == PX_TEXT) {
            size_t len;
            const char *t = px_text(&pg->doc.nodes[j], &len);
            for (size_t k = 0; k < len; k++)
                n += t[k] != ' ' && t[k] != '\n' && t[k] != '\t' && t[k] != '\r';
        }
    return n;
}

/* What each ad-blocking list gave, what it skipped, and what the URL
 * allowed: a rule that did not fire may be skipped, or off for the site. */
static void explain_adblock(const px_page *pg, px_buf *out)
{
    char line[256];
    for (int f = 0; pg->ab && f < px_adblock_files(pg->ab); f++) {
        px_buf_puts(out, "# adblock ");
        px_buf_puts(out, px_adblock_file_name(pg->ab, f));
        size_t c[AB_COUNT_MAX];
        for (int k = 0; k < AB_COUNT_MAX; k++)
            c[k] = px_adblock_count(pg->ab, f, (px_ab_count)k);
        snprintf(line, sizeof line,
                 ": generic=%zu site=%zu exceptions=%zu generichide=%zu skipped: network=%zu"
                 " procedural=%zu selector=%zu\n",
                 c[AB_GENERIC], c[AB_SITE], c[AB_EXCEPTION], c[AB_GENERICHIDE], c[AB_SKIP_NETWORK],
                 c[AB_SKIP_PROCEDURAL], c[AB_SKIP_SELECTOR]);
        px_buf_puts(out, line);
    }
    if (pg->ab) {
        px_buf_puts(out, "# adblock host=");
        px_buf_puts(out, *pg->abp.host ? pg->abp.host : "(unknown)");
        px_buf_puts(out, pg->abp.all_off ? " elemhide\n" : pg->abp.generic_off ? " generichide\n" : "\n");
    }
}

static void unloaded(px_buf *out, const char *what, px_lib id)
{
    const char *why = px_dynlib_error(id);
    px_buf_puts(out, "# ");
    px_buf_puts(out, what);
    px_buf_puts(out, " skipped: ");
    px_buf_puts(out, why ? why : "the library could not be loaded");
    px_buf_putc(out, '\n');
}

int px_explain(const px_page *pg, px_buf *out)
{
    char line[256];
    if (pg->charset) {
        snprintf(line, sizeof line, "# encoding=%s: %s\n", pg->charset,
                 px_decode_why_text((enum px_decode_why)pg->charset_why));
        px_buf_puts(out, line);
    }
    /* A library loaded on demand (dynlib.h) that this page needed. */
    if (pg->charset_why == PX_DECODE_NO_GUESSER)
        unloaded(out, "charset guess", PX_LIB_UCHARDET);
    if (pg->no_lang_detector)
        unloaded(out, "language detection", PX_LIB_CLD2);
    snprintf(line, sizeof line, "# root=%d fallback=%d nodes=%d\n", pg->root, pg->fallback, pg->doc.n);
    px_buf_puts(out, line);
    explain_adblock(pg, out);
    char where[160];
    for (int r = px_scratch_limited(pg->scratch, 0, where, sizeof where); r >= 0;
         r = px_scratch_limited(pg->scratch, r + 1, where, sizeof where)) {
        px_buf_puts(out, "# limit: rule ");
        px_buf_puts(out, where);
        px_buf_puts(out, " stopped at PCRE2's backtracking limit on some block (taken as no match)\n");
    }
    for (int i = 0; i < pg->doc.n; i++) {
        const px_node *nd = &pg->doc.nodes[i];
        const px_info *in = &pg->info[i];
        if (nd->kind != PX_ELEMENT || (nd->flags & PX_INLINE) || nd->g->type == GUMBO_NODE_DOCUMENT)
            continue;
        bool ruled = in->drop_rule >= 0 || in->score_rule >= 0 || in->ab_rule >= 0;
        if (in->why == WHY_OUTSIDE || (!in->chars && !ruled))
            continue;
        snprintf(line, sizeof line, "%*s", nd->depth > 40 ? 40 : nd->depth, "");
        px_buf_puts(out, line);
        path(pg, i, out);
        snprintf(line, sizeof line,
                 " value=%.0f own=%.0f chars=%d links=%d own_chars=%d punct=%d paras=%d rule_score=%d",
                 (double)in->value, (double)in->own_value, in->chars, in->link, in->own_chars,
                 in->own_punct, in->paras, in->rule_score);
        px_buf_puts(out, line);
        if (in->drop_rule >= 0 || in->ab_rule >= 0) {
            snprintf(line, sizeof line, " dropped_text=%zu", raw_text(pg, i));
            px_buf_puts(out, line);
            if (in->ab_rule >= 0)
                px_adblock_where(pg->ab, in->ab_rule, where, sizeof where);
            else
                px_rules_where(pg->rs, in->drop_rule, where, sizeof where);
            px_buf_puts(out, in->ab_rule >= 0 ? " drop_by=adblock:" : " drop_by=");
            px_buf_puts(out, where);
        }
        if (in->score_rule >= 0) {
            px_rules_where(pg->rs, in->score_rule, where, sizeof where);
            px_buf_puts(out, " score_by=");
            px_buf_puts(out, where);
        }
        const char *verdict = why_names[in->why];
        if (in->why == WHY_NONE || in->why == WHY_VETO)
            verdict = i == pg->root ? "ROOT" : !inside(pg, i) ? "outside" : in->why == WHY_VETO ? "kept:holds-article" : "kept";
        px_buf_putc(out, ' ');
        px_buf_puts(out, verdict);
        px_buf_putc(out, '\n');
    }
    return out->oom ? PITH_ERR_NOMEM : PITH_OK;
}
