/*
 * The public API: options, extractor and result, and the pipeline that runs
 * the stages in order: decode, parse, rules and scoring, extraction, render.
 */
#include "pith.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "alloc.h"
#include "decode.h"
#include "limit.h"
#include "metadata.h"
#include "page.h"
#include "text.h"
#include "rules_impl.h"
#include "sniff.h"

typedef struct rule_src {
    char *name;
    char *text;
    size_t len;
} rule_src;

#define DEFAULT_LIMITS {64u << 20, 512, 1000000, 0}

struct pith_options {
    px_alloc a;
    unsigned flags;
    px_limits limits;
    rule_src *srcs;
    size_t nsrcs;
};

struct pith_extractor {
    px_alloc a;
    unsigned flags;
    px_limits limits;
    px_ruleset *rules;
};

struct pith_result {
    px_alloc a;
    char *title;
    char *text;
    size_t text_len;
    char *explain;
    char warning[512];
    unsigned long long stage_ns[PITH_STAGE_COUNT];
    char *markdown, *html, *json; /* with PITH_FORMAT_* */
    size_t markdown_len, html_len, json_len;
    px_meta meta;
};

unsigned long long px_clock(const px_page *pg)
{
    if (!(pg->flags & PITH_PROFILE))
        return 0;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

unsigned long long px_lap(px_page *pg, int stage, unsigned long long start)
{
    if (!(pg->flags & PITH_PROFILE))
        return 0;
    unsigned long long now = px_clock(pg);
    pg->stage_ns[stage] += now - start;
    return now;
}

pith_options *pith_options_new(const pith_allocator *alloc)
{
    px_alloc a;
    px_alloc_init(&a, alloc);
    pith_options *o = px_calloc(&a, 1, sizeof *o);
    if (o) {
        o->a = a;
        o->limits = (px_limits)DEFAULT_LIMITS;
    }
    return o;
}

void pith_options_free(pith_options *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->nsrcs; i++) {
        px_free(&o->a, o->srcs[i].name);
        px_free(&o->a, o->srcs[i].text);
    }
    px_free(&o->a, o->srcs);
    px_free(&o->a, o);
}

void pith_options_set_flags(pith_options *o, unsigned flags)
{
    if (o)
        o->flags = flags;
}

int pith_options_set_limit(pith_options *o, int limit, size_t value)
{
    if (!o)
        return PITH_ERR_USAGE;
    size_t *slot[] = {&o->limits.max_bytes, &o->limits.max_depth, &o->limits.max_nodes,
                      &o->limits.max_memory};
    if (limit < 0 || (size_t)limit >= sizeof slot / sizeof *slot)
        return PITH_ERR_USAGE;
    *slot[limit] = value;
    return PITH_OK;
}

int pith_options_add_rules(pith_options *o, const char *name, const char *text,
                           size_t len, pith_error *err)
{
    if (!o || !text)
        return px_error(err, PITH_ERR_USAGE, "no options or no rule text");
    if (!name)
        name = "<rules>";
    /* Parse now so that a bad file is reported where it is added. */
    px_ruleset *check = px_rules_new(&o->a);
    if (!check)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    int rc = px_rules_parse(check, name, text, len, err);
    px_rules_free(check);
    if (rc)
        return rc;
    rule_src *s = px_realloc(&o->a, o->srcs, (o->nsrcs + 1) * sizeof *s);
    if (!s)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    o->srcs = s;
    s = &o->srcs[o->nsrcs];
    s->name = px_strndup(&o->a, name, strlen(name));
    s->text = px_strndup(&o->a, text, len);
    s->len = len;
    if (!s->name || !s->text) {
        px_free(&o->a, s->name);
        px_free(&o->a, s->text);
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading rules");
    }
    o->nsrcs++;
    return PITH_OK;
}

int pith_options_add_rules_file(pith_options *o, const char *path, pith_error *err)
{
    if (!o || !path)
        return px_error(err, PITH_ERR_USAGE, "no options or no path");
    FILE *f = fopen(path, "rb");
    if (!f)
        return px_error(err, PITH_ERR_RULES, "%s: %s", path, strerror(errno));
    px_buf b;
    px_buf_init(&b, &o->a);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        px_buf_append(&b, chunk, n);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        px_buf_free(&b);
        return px_error(err, PITH_ERR_RULES, "%s: read error", path);
    }
    if (b.oom) {
        px_buf_free(&b);
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading %s", path);
    }
    int rc = pith_options_add_rules(o, path, b.data ? b.data : "", b.len, err);
    px_buf_free(&b);
    return rc;
}

pith_extractor *pith_extractor_new(const pith_options *o, pith_error *err)
{
    px_alloc a;
    px_alloc_init(&a, NULL);
    if (o)
        a = o->a;
    pith_extractor *ex = px_calloc(&a, 1, sizeof *ex);
    if (!ex) {
        px_error(err, PITH_ERR_NOMEM, "out of memory creating the extractor");
        return NULL;
    }
    ex->a = a;
    ex->flags = o ? o->flags : 0;
    ex->limits = o ? o->limits : (px_limits)DEFAULT_LIMITS;
    ex->rules = px_rules_new(&ex->a);
    int rc = ex->rules ? PITH_OK : px_error(err, PITH_ERR_NOMEM, "out of memory creating the extractor");
    /* The bundled rules come ready to use (see rules/rulegen.c). */
    if (!rc && !(ex->flags & PITH_NO_DEFAULT_RULES))
        rc = px_rules_add_image(ex->rules, &px_builtin_image, err);
    for (size_t i = 0; o && i < o->nsrcs && !rc; i++)
        rc = px_rules_parse(ex->rules, o->srcs[i].name, o->srcs[i].text, o->srcs[i].len, err);
    if (!rc)
        rc = px_rules_compile(ex->rules, err);
    if (rc) {
        pith_extractor_free(ex);
        return NULL;
    }
    return ex;
}

size_t pith_extractor_limit(const pith_extractor *ex, int limit)
{
    if (!ex)
        return 0;
    const size_t v[] = {ex->limits.max_bytes, ex->limits.max_depth, ex->limits.max_nodes,
                        ex->limits.max_memory};
    return limit >= 0 && (size_t)limit < sizeof v / sizeof *v ? v[limit] : 0;
}

void pith_extractor_free(pith_extractor *ex)
{
    if (!ex)
        return;
    px_rules_free(ex->rules);
    px_alloc a = ex->a;
    px_free(&a, ex);
}

static void page_free(px_page *pg)
{
    px_doc_free(&pg->doc);
    px_free(pg->a, pg->info);
    px_free(pg->a, pg->title);
    px_scratch_free(pg->scratch);
}

/* Renders one more format into *dst with fn; PITH_ERR_NOMEM on failure. */
static int render_one(px_page *pg, int (*fn)(const px_page *, px_buf *), char **dst, size_t *len)
{
    px_buf b;
    px_buf_init(&b, pg->a);
    if (fn(pg, &b)) {
        px_buf_free(&b);
        return PITH_ERR_NOMEM;
    }
    *dst = px_buf_detach(&b, len);
    return *dst ? PITH_OK : PITH_ERR_NOMEM;
}

/* The outputs asked for beyond the text: Markdown, HTML, JSON. */
static int render_formats(unsigned flags, px_page *pg, pith_result *res)
{
    unsigned long long t = px_clock(pg);
    int rc = PITH_OK;
    if (flags & PITH_FORMAT_MARKDOWN)
        rc = render_one(pg, px_render_markdown, &res->markdown, &res->markdown_len);
    if (!rc && (flags & PITH_FORMAT_HTML))
        rc = render_one(pg, px_render_html, &res->html, &res->html_len);
    if (!rc && (flags & PITH_FORMAT_JSON)) {
        px_buf b;
        px_buf_init(&b, pg->a);
        rc = px_render_json(pg, res->text, res->text_len, res->markdown, res->html, &b);
        res->json = rc ? NULL : px_buf_detach(&b, &res->json_len);
        if (!res->json) {
            px_buf_free(&b);
            rc = PITH_ERR_NOMEM;
        }
    }
    px_lap(pg, PITH_STAGE_RENDER, t);
    return rc;
}


/* JSON-LD strings come through JSON escapes ("\u001b") that the parse's
 * own cleaning never saw: the same characters go from them. */
/* One warning names every rule whose pattern stopped at a PCRE2 limit on
 * this page (each once): its "no match" may be wrong. */
static void limit_warning(const px_page *pg, pith_result *res)
{
    char where[128];
    int i = px_scratch_limited(pg->scratch, 0, where, sizeof where);
    if (i < 0)
        return;
    size_t n = strlen(res->warning);
    char *w = res->warning;
    size_t cap = sizeof res->warning;
    n += (size_t)snprintf(w + n, cap - n, "%srule %s", n ? "; " : "", where);
    while (n < cap && (i = px_scratch_limited(pg->scratch, i + 1, where, sizeof where)) >= 0)
        n += (size_t)snprintf(w + n, cap - n, ", %s", where);
    if (n < cap)
        snprintf(w + n, cap - n, " stopped at PCRE2's backtracking limit (taken as no match)");
}

static void strip_list(px_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        px_strip_controls(l->v[i], strlen(l->v[i]));
}

static void strip_meta(px_meta *m)
{
    char *const one[] = {m->date_published, m->date_modified, m->site_name, m->url,
                         m->language, m->description, m->image, m->headline};
    for (size_t i = 0; i < sizeof one / sizeof *one; i++)
        if (one[i])
            px_strip_controls(one[i], strlen(one[i]));
    strip_list(&m->authors);
    strip_list(&m->categories);
    strip_list(&m->tags);
}

static int run(const pith_extractor *ex, px_page *pg, const char *utf8, size_t len,
               pith_result *res, pith_error *err)
{
    unsigned long long t = px_clock(pg);
    size_t budget = ex->limits.max_memory;
    if (!budget)
        budget = len > (SIZE_MAX - (64u << 20)) / 32 ? SIZE_MAX : (64u << 20) + 32 * len;
    int rc = px_parse(&pg->doc, pg->a, utf8, len, budget, err);
    px_lap(pg, PITH_STAGE_PARSE, t);
    if (rc)
        return rc;
    pg->info = px_calloc(pg->a, (size_t)pg->doc.n, sizeof *pg->info);
    pg->scratch = px_scratch_new_for(ex->rules, pg->a, (size_t)pg->doc.n);
    if (!pg->info || !pg->scratch)
        return px_error(err, PITH_ERR_NOMEM, "out of memory during extraction");
    pg->root = -1;
    /* Metadata first: extraction may use the byline and date it finds. */
    t = px_clock(pg);
    rc = px_meta_extract(&res->meta, &pg->doc, pg->a, pg->url);
    res->meta.a = &res->a; /* the result may outlive the extractor */
    px_lap(pg, PITH_STAGE_EXTRACT, t);
    if (rc)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading the metadata");
    pg->meta = &res->meta;
    strip_meta(&res->meta);
    rc = px_extract_content(pg, err);
    if (px_scratch_failed(pg->scratch))
        return px_error(err, PITH_ERR_NOMEM, "out of memory compiling a rule pattern");
    if (rc && rc != PITH_NO_CONTENT)
        return rc;
    int status = rc;
    limit_warning(pg, res);
    px_buf out;
    px_buf_init(&out, pg->a);
    t = px_clock(pg);
    if (status == PITH_OK && px_render_text(pg, &out)) {
        px_buf_free(&out);
        return px_error(err, PITH_ERR_NOMEM, "out of memory rendering");
    }
    px_buf_putc(&out, '\0');
    out.len = out.len ? out.len - 1 : 0;
    res->text = px_buf_detach(&out, &res->text_len);
    px_lap(pg, PITH_STAGE_RENDER, t);
    if (!res->text)
        return px_error(err, PITH_ERR_NOMEM, "out of memory rendering");
    if (status == PITH_OK && res->text_len && render_formats(ex->flags, pg, res))
        return px_error(err, PITH_ERR_NOMEM, "out of memory rendering");
    res->title = pg->title;
    pg->title = NULL;
    /* the title may come from JSON-LD, whose escapes the parse never saw */
    if (res->title)
        px_strip_controls(res->title, strlen(res->title));
    if (ex->flags & PITH_EXPLAIN) {
        px_buf eb;
        px_buf_init(&eb, pg->a);
        px_explain(pg, &eb);
        res->explain = px_buf_detach(&eb, NULL);
        if (!res->explain)
            return px_error(err, PITH_ERR_NOMEM, "out of memory writing the trace");
    }
    if (!res->text_len)
        status = PITH_NO_CONTENT;
    if (status == PITH_NO_CONTENT)
        /* A limit that cut the page may be why: say so in the one line. */
        px_error(err, status, "no article text found%s%s", *res->warning ? "; " : "", res->warning);
    return status;
}

int pith_extract(const pith_extractor *ex, const char *html, size_t len,
                 const char *encoding, const char *url, pith_result **out,
                 pith_error *err)
{
    if (out)
        *out = NULL;
    if (!ex || !out || (!html && len))
        return px_error(err, PITH_ERR_USAGE, "missing extractor, input or result pointer");
    const px_alloc *a = &ex->a;
    px_page pg;
    memset(&pg, 0, sizeof pg);
    pg.a = a;
    pg.rs = ex->rules;
    pg.flags = ex->flags;
    pg.url = url;
    pg.tune = px_tuning_for(ex->flags);
    char *utf8 = NULL;
    size_t ulen = 0;
    if (ex->limits.max_bytes && len > ex->limits.max_bytes)
        return px_error(err, PITH_ERR_LIMIT, "the input exceeds the limit of %zu bytes (--max-bytes)",
                        ex->limits.max_bytes);
    /* With an encoding given, the caller vouches for the bytes (UTF-16
     * without a byte-order mark looks like binary data). */
    const char *binary = encoding ? NULL : px_sniff_binary(html ? html : "", len);
    if (binary)
        return px_error(err, PITH_ERR_INPUT, "not HTML: the input is %s", binary);
    unsigned long long t = px_clock(&pg);
    int rc = px_decode(a, html ? html : "", len, encoding, &utf8, &ulen, NULL, err);
    px_guard_report rep = {0, false, 0};
    if (!rc) {
        char *guarded;
        size_t glen;
        rc = px_guard(a, utf8, ulen, &ex->limits, &guarded, &glen, &rep);
        if (rc)
            rc = px_error(err, rc, "out of memory");
        else if (guarded) {
            px_free(a, utf8);
            utf8 = guarded;
            ulen = glen;
        }
    }
    px_lap(&pg, PITH_STAGE_DECODE, t);
    if (rc) {
        px_free(a, utf8);
        return rc;
    }
    pith_result *res = px_calloc(a, 1, sizeof *res);
    if (!res) {
        px_free(a, utf8);
        return px_error(err, PITH_ERR_NOMEM, "out of memory");
    }
    res->a = *a;
    if (rep.truncated)
        snprintf(res->warning, sizeof res->warning,
                 "the page was cut after %zu tags (the --max-nodes limit)", ex->limits.max_nodes);
    else if (rep.attrs_cut)
        snprintf(res->warning, sizeof res->warning,
                 "attributes past the 1000th of a tag were left out (%zu tags)", rep.attrs_cut);
    else if (rep.flattened)
        snprintf(res->warning, sizeof res->warning,
                 "%zu tags nested deeper than %zu were flattened (the --max-depth limit)", rep.flattened,
                 ex->limits.max_depth);
    rc = run(ex, &pg, utf8, ulen, res, err);
    memcpy(res->stage_ns, pg.stage_ns, sizeof res->stage_ns);
    page_free(&pg);
    px_free(a, utf8);
    if (rc && rc != PITH_NO_CONTENT) {
        pith_result_free(res);
        return rc;
    }
    *out = res;
    return rc;
}

const char *pith_result_title(const pith_result *r)
{
    return r && r->title ? r->title : "";
}

const char *pith_result_text(const pith_result *r, size_t *len)
{
    if (len)
        *len = r && r->text ? r->text_len : 0;
    return r && r->text ? r->text : "";
}

unsigned long long pith_result_stage_ns(const pith_result *r, int stage)
{
    if (!r || stage < 0 || stage >= PITH_STAGE_COUNT)
        return 0;
    return r->stage_ns[stage];
}

const char *pith_result_warning(const pith_result *r) { return r ? r->warning : ""; }

const char *pith_result_explain(const pith_result *r)
{
    return r && r->explain ? r->explain : "";
}

void pith_result_free(pith_result *r)
{
    if (!r)
        return;
    px_alloc a = r->a;
    px_free(&a, r->explain);
    px_free(&a, r->title);
    px_free(&a, r->text);
    px_free(&a, r->markdown);
    px_free(&a, r->html);
    px_free(&a, r->json);
    px_meta_free(&r->meta);
    px_free(&a, r);
}

const char *pith_result_markdown(const pith_result *r, size_t *len)
{
    if (len)
        *len = r && r->markdown ? r->markdown_len : 0;
    return r && r->markdown ? r->markdown : "";
}

const char *pith_result_html(const pith_result *r, size_t *len)
{
    if (len)
        *len = r && r->html ? r->html_len : 0;
    return r && r->html ? r->html : "";
}

const char *pith_result_json(const pith_result *r, size_t *len)
{
    if (len)
        *len = r && r->json ? r->json_len : 0;
    return r && r->json ? r->json : "";
}

const char *pith_result_meta(const pith_result *r, int field, size_t index)
{
    if (!r)
        return NULL;
    const px_meta *m = &r->meta;
    const px_strlist *l = NULL;
    const char *v = NULL;
    switch (field) {
    case PITH_META_AUTHOR: l = &m->authors; break;
    case PITH_META_DATE_PUBLISHED: v = m->date_published; break;
    case PITH_META_DATE_MODIFIED: v = m->date_modified; break;
    case PITH_META_SITE_NAME: v = m->site_name; break;
    case PITH_META_URL: v = m->url; break;
    case PITH_META_LANGUAGE: v = m->language; break;
    case PITH_META_DESCRIPTION: v = m->description; break;
    case PITH_META_IMAGE: v = m->image; break;
    case PITH_META_CATEGORY: l = &m->categories; break;
    case PITH_META_TAG: l = &m->tags; break;
    default: return NULL;
    }
    if (l)
        return index < l->n ? l->v[index] : NULL;
    return index == 0 ? v : NULL;
}

static const char *const status_names[] = {
    [PITH_OK] = "ok",
    [PITH_NO_CONTENT] = "no article text found",
    [PITH_ERR_USAGE] = "usage error",
    [PITH_ERR_INPUT] = "unreadable input",
    [PITH_ERR_RULES] = "rule file error",
    [PITH_ERR_NOMEM] = "out of memory",
    [PITH_ERR_LIMIT] = "input exceeds a limit",
};

const char *pith_status_string(int status)
{
    if (status < 0 || (size_t)status >= sizeof status_names / sizeof *status_names)
        return "unknown status";
    return status_names[status];
}

const char *pith_version(void) { return PITH_VERSION; }
