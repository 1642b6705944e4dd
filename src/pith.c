/*
 * The public API: options, extractor and result, and the pipeline that runs
 * the stages in order: decode, parse, rules and scoring, extraction, render.
 * Over 700 lines, but one idea: the public API and nothing else (each
 * function is a thin front on a stage).
 */
#include "pith.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "adblock.h"
#include "alloc.h"
#include "date.h"
#include "decode.h"
#include "dynlib.h"
#include "elide.h"
#include "hash.h"
#include "limit.h"
#include "lang.h"
#include "metadata.h"
#include "page.h"
#include "text.h"
#include "rules_impl.h"
#include "sniff.h"
#include "timer.h"

typedef struct rule_src {
    char *name;
    char *text;
    size_t len;
    char *stamp; /* a list read from a file: "path size mtime", for the cache */
} rule_src;

#define DEFAULT_LIMITS {64u << 20, 512, 1000000, 0}

#define LANG_MAX 16 /* a language tag for --target-language, with its NUL */

struct pith_options {
    px_alloc a;
    unsigned flags;
    char target_lang[LANG_MAX]; /* "" for any language */
    px_limits limits;
    rule_src *srcs;
    size_t nsrcs;
    rule_src *lists; /* ad-blocking lists, read when the extractor is built */
    size_t nlists;
    char *cache_dir; /* where read lists are cached, or NULL */
};

struct pith_extractor {
    px_alloc a;
    unsigned flags;
    char target_lang[LANG_MAX];
    px_limits limits;
    px_ruleset *rules;
    px_adblock *adblock; /* NULL without lists */
    px_elide_names *elide; /* what the elision pass looks up, the rules' attributes too */
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
    bool meta_hidden; /* PITH_NO_METADATA: meta holds partial answers */
};

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
    for (size_t i = 0; i < o->nlists; i++) {
        px_free(&o->a, o->lists[i].name);
        px_free(&o->a, o->lists[i].text);
        px_free(&o->a, o->lists[i].stamp);
    }
    px_free(&o->a, o->cache_dir);
    px_free(&o->a, o->srcs);
    px_free(&o->a, o->lists);
    px_free(&o->a, o);
}

void pith_options_set_flags(pith_options *o, pith_flags flags)
{
    if (o)
        o->flags = flags;
}

pith_status pith_options_set_target_language(pith_options *o, const char *lang)
{
    if (!o)
        return PITH_ERR_USAGE;
    size_t n = lang ? strlen(lang) : 0;
    if (n >= LANG_MAX)
        return PITH_ERR_USAGE;
    for (size_t i = 0; i < n; i++) {
        char c = lang[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i && (c == '-' || c == '_' ||
                                                                          (c >= '0' && c <= '9')))))
            return PITH_ERR_USAGE;
    }
    memcpy(o->target_lang, lang ? lang : "", n + 1);
    return PITH_OK;
}

pith_status pith_options_set_limit(pith_options *o, pith_limit limit, size_t value)
{
    if (!o)
        return PITH_ERR_USAGE;
    size_t *slot[] = {&o->limits.max_bytes, &o->limits.max_depth, &o->limits.max_nodes,
                      &o->limits.max_memory};
    /* unsigned: a binding may pass any int */
    if ((unsigned)limit >= sizeof slot / sizeof *slot)
        return PITH_ERR_USAGE;
    *slot[limit] = value;
    return PITH_OK;
}

/* Keeps a copy of name and text in (*srcs)[*n]. */
static int keep_src(pith_options *o, rule_src **srcs, size_t *n, const char *name, const char *text,
                    size_t len, pith_error *err)
{
    rule_src *s = px_realloc(&o->a, *srcs, (*n + 1) * sizeof *s);
    if (!s)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading %s", name);
    *srcs = s;
    s = &s[*n];
    s->name = px_strndup(&o->a, name, strlen(name));
    s->text = px_strndup(&o->a, text, len);
    s->len = len;
    s->stamp = NULL;
    if (!s->name || !s->text) {
        px_free(&o->a, s->name);
        px_free(&o->a, s->text);
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading %s", name);
    }
    (*n)++;
    return PITH_OK;
}

pith_status pith_options_add_rules(pith_options *o, const char *name, const char *text,
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
    return keep_src(o, &o->srcs, &o->nsrcs, name, text, len, err);
}

/* Reads the file at path into b; a failure is PITH_ERR_RULES. */
static int read_whole(pith_options *o, const char *path, px_buf *b, pith_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return px_error(err, PITH_ERR_RULES, "%s: %s", path, strerror(errno));
    px_buf_init(b, &o->a);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        px_buf_append(b, chunk, n);
    bool bad = ferror(f);
    fclose(f);
    int rc = bad ? px_error(err, PITH_ERR_RULES, "%s: read error", path)
             : b->oom ? px_error(err, PITH_ERR_NOMEM, "out of memory reading %s", path) : PITH_OK;
    if (rc)
        px_buf_free(b);
    return rc;
}

/* Reads the file at path and hands its text to add (named by the path). */
static int add_file(pith_options *o, const char *path, pith_error *err,
                    pith_status (*add)(pith_options *, const char *, const char *, size_t, pith_error *))
{
    px_buf b;
    int rc = read_whole(o, path, &b, err);
    if (rc)
        return rc;
    rc = add(o, path, b.data ? b.data : "", b.len, err);
    px_buf_free(&b);
    return rc;
}

pith_status pith_options_add_rules_file(pith_options *o, const char *path, pith_error *err)
{
    if (!o || !path)
        return px_error(err, PITH_ERR_USAGE, "no options or no path");
    return add_file(o, path, err, pith_options_add_rules);
}

pith_status pith_options_add_adblock(pith_options *o, const char *name, const char *text, size_t len,
                             pith_error *err)
{
    if (!o || (!text && len))
        return px_error(err, PITH_ERR_USAGE, "no options or no list text");
    /* Nothing in a list is an error (lines pith cannot use are counted),
     * so it is read once, when the extractor is built. */
    return keep_src(o, &o->lists, &o->nlists, name ? name : "<adblock>", text ? text : "", len, err);
}

/* Where Debian's uBlock Origin packages put EasyList. */
static const char *const system_lists[] = {
    "/usr/share/chromium/extensions/ublock-origin/assets/thirdparties/easylist/easylist.txt",
    "/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/uBlock0@raymondhill.net/"
    "assets/thirdparties/easylist/easylist.txt",
};

const char *pith_adblock_system_list(void)
{
    for (size_t i = 0; i < sizeof system_lists / sizeof *system_lists; i++) {
        FILE *f = fopen(system_lists[i], "rb");
        if (f) {
            fclose(f);
            return system_lists[i];
        }
    }
    return NULL;
}

pith_status pith_options_add_adblock_file(pith_options *o, const char *path, pith_error *err)
{
    if (!o)
        return px_error(err, PITH_ERR_USAGE, "no options");
    if (!path && !(path = pith_adblock_system_list()))
        return px_error(err, PITH_ERR_RULES,
                        "no system ad-blocking list: install webext-ublock-origin-firefox or "
                        "webext-ublock-origin-chromium, or give --adblock FILE");
    /* Stat first: a list changed while it is read is then read again
     * next time, never served stale from the cache. */
    struct stat st;
    bool stated = !stat(path, &st);
    int rc = add_file(o, path, err, pith_options_add_adblock);
    if (!rc && stated) {
        char stamp[4200];
        snprintf(stamp, sizeof stamp, "%s\t%llu\t%lld.%09ld", path, (unsigned long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
        rule_src *s = &o->lists[o->nlists - 1];
        if (!(s->stamp = px_strndup(&o->a, stamp, strlen(stamp))))
            rc = px_error(err, PITH_ERR_NOMEM, "out of memory reading %s", path);
    }
    return rc;
}

pith_status pith_options_set_adblock_cache(pith_options *o, const char *dir)
{
    if (!o)
        return PITH_ERR_USAGE;
    px_free(&o->a, o->cache_dir);
    o->cache_dir = dir ? px_strndup(&o->a, dir, strlen(dir)) : NULL;
    return dir && !o->cache_dir ? PITH_ERR_NOMEM : PITH_OK;
}

/* The cache file for the lists of o, and the key that says what it was
 * built from; false when a list did not come from a file (or there is no
 * cache directory), or out of memory. */
static bool cache_file(const pith_options *o, char *path, size_t cap, px_buf *key)
{
    if (!o->cache_dir)
        return false;
    for (size_t i = 0; i < o->nlists; i++) {
        if (!o->lists[i].stamp)
            return false;
        px_buf_puts(key, o->lists[i].stamp);
        px_buf_putc(key, '\n');
    }
    px_buf_putc(key, '\0');
    if (key->oom)
        return false;
    uint64_t h = px_fnv1a64(PX_FNV1A64_SEED, key->data, key->len - 1); /* less the NUL */
    return (size_t)snprintf(path, cap, "%s/adblock-%016llx.bin", o->cache_dir, (unsigned long long)h) < cap;
}

/* Creates dir and its parents, as far as they do not exist. */
static void make_dirs(const char *dir)
{
    char p[4096];
    size_t n = strlen(dir);
    if (n >= sizeof p)
        return;
    memcpy(p, dir, n + 1);
    for (size_t i = 1; i <= n; i++)
        if (p[i] == '/' || p[i] == '\0') {
            char c = p[i];
            p[i] = '\0';
            mkdir(p, 0777);
            p[i] = c;
        }
}

/* The extractor's ad-blocking lists: from the cache when it holds them,
 * else read (and the cache written). */
static int build_adblock(pith_extractor *ex, const pith_options *o, pith_error *err)
{
    char path[4200];
    px_buf key;
    px_buf_init(&key, &ex->a);
    bool cached = cache_file(o, path, sizeof path, &key);
    if (cached && (ex->adblock = px_adblock_load(&ex->a, path, key.data))) {
        px_buf_free(&key);
        return PITH_OK;
    }
    int rc = (ex->adblock = px_adblock_new(&ex->a)) ? PITH_OK : PITH_ERR_NOMEM;
    for (size_t i = 0; i < o->nlists && !rc; i++)
        rc = px_adblock_parse(ex->adblock, o->lists[i].name, o->lists[i].text, o->lists[i].len);
    if (!rc)
        rc = px_adblock_finish(ex->adblock);
    if (!rc && cached) {
        make_dirs(o->cache_dir);
        px_adblock_save(ex->adblock, path, key.data);
    }
    px_buf_free(&key);
    return rc ? px_error(err, PITH_ERR_NOMEM, "out of memory reading the ad-blocking lists") : PITH_OK;
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
    if (o)
        memcpy(ex->target_lang, o->target_lang, LANG_MAX);
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
    if (!rc && o && o->nlists)
        rc = build_adblock(ex, o, err);
    /* (the bundled rules' tables of names come written by rulegen) */
    px_elide_image builtin;
    px_builtin_elide(&builtin);
    const px_elide_image *names = ex->flags & PITH_NO_DEFAULT_RULES ? NULL : &builtin;
    if (!rc && !(ex->elide = px_elide_names_new(&ex->a, names, (const char *const *)ex->rules->keys,
                                                (size_t)ex->rules->nkeys)))
        rc = px_error(err, PITH_ERR_NOMEM, "out of memory creating the extractor");
    if (rc) {
        pith_extractor_free(ex);
        return NULL;
    }
    return ex;
}

size_t pith_extractor_limit(const pith_extractor *ex, pith_limit limit)
{
    if (!ex)
        return 0;
    const size_t v[] = {ex->limits.max_bytes, ex->limits.max_depth, ex->limits.max_nodes,
                        ex->limits.max_memory};
    return (unsigned)limit < sizeof v / sizeof *v ? v[limit] : 0;
}

void pith_extractor_free(pith_extractor *ex)
{
    if (!ex)
        return;
    px_rules_free(ex->rules);
    px_adblock_free(ex->adblock);
    px_elide_names_free(ex->elide);
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

/* The language: detected from the article when the page declares none,
 * and checked against --target-language, where the text says more than a
 * declaration (templates declare their default language on every page).
 * A page in another language keeps its metadata but loses its text. */
static int page_language(const pith_extractor *ex, px_page *pg, pith_result *res, int *status,
                         bool *foreign, pith_error *err)
{
    px_meta *m = &res->meta;
    bool target = ex->target_lang[0] != '\0';
    if (m->language && !target)
        return PITH_OK;
    const char *found = px_lang_detect(res->text, res->text_len);
    /* for --explain; px_cld2 is cheap once px_lang_detect has asked */
    pg->no_lang_detector = !found && res->text_len && !px_cld2();
    if (!m->language && found) {
        m->language = px_strndup(&res->a, found, strlen(found));
        if (!m->language)
            return PITH_ERR_NOMEM;
    }
    const char *lang = found ? found : m->language;
    if (target && *status == PITH_OK && lang && !px_lang_same(lang, ex->target_lang)) {
        res->text[0] = '\0';
        res->text_len = 0;
        *status = PITH_NO_CONTENT;
        *foreign = true;
        px_error(err, PITH_NO_CONTENT, "the page is in %s, not %s (--target-language)", lang,
                 ex->target_lang);
    }
    return PITH_OK;
}

/* PITH_WITH_TITLE, PITH_DOCUMENT: each output made becomes the whole
 * document, as the command prints it. */
static int frame_documents(unsigned flags, px_page *pg, pith_result *res)
{
    const px_frame f = {
        .title = pith_result_title(res),
        .lang = res->meta.language,
        .with_title = (flags & PITH_WITH_TITLE) != 0,
    };
    const struct { char **s; size_t *len; px_framer frame; } outs[] = {
        {&res->text, &res->text_len, px_frame_text},
        {&res->markdown, &res->markdown_len, px_frame_markdown},
        {&res->html, &res->html_len, px_frame_html},
        {&res->json, &res->json_len, px_frame_json},
    };
    for (size_t i = 0; i < sizeof outs / sizeof *outs; i++) {
        if (!*outs[i].s)
            continue;
        px_buf b;
        px_buf_init(&b, pg->a);
        char *doc = outs[i].frame(&f, *outs[i].s, *outs[i].len, &b) ? NULL : px_buf_detach(&b, outs[i].len);
        if (!doc) {
            px_buf_free(&b);
            return PITH_ERR_NOMEM;
        }
        px_free(pg->a, *outs[i].s);
        *outs[i].s = doc;
    }
    return PITH_OK;
}

/* The JSON object of a page without an article. */
static int no_article_json(unsigned flags, px_page *pg, pith_result *res)
{
    unsigned long long t = px_clock(pg);
    px_buf b;
    px_buf_init(&b, pg->a);
    int rc = px_render_json(pg, "", 0, (flags & PITH_FORMAT_MARKDOWN) ? "" : NULL,
                            (flags & PITH_FORMAT_HTML) ? "" : NULL, &b);
    res->json = rc ? NULL : px_buf_detach(&b, &res->json_len);
    if (!res->json)
        px_buf_free(&b);
    px_lap(pg, PITH_STAGE_RENDER, t);
    return res->json ? PITH_OK : PITH_ERR_NOMEM;
}

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

/* JSON-LD strings come through JSON escapes ("\u001b") that the parse's
 * own cleaning never saw: the same characters go from them. */
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
               const px_elide_values *values, pith_result *res, pith_error *err)
{
    unsigned long long t = px_clock(pg);
    size_t budget = ex->limits.max_memory;
    if (!budget)
        budget = len > (SIZE_MAX - (64u << 20)) / 32 ? SIZE_MAX : (64u << 20) + 32 * len;
    int rc = px_parse_elided(&pg->doc, pg->a, utf8, len, values, budget, err);
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
    res->meta_hidden = (ex->flags & (PITH_NO_METADATA | PITH_FORMAT_JSON)) == PITH_NO_METADATA;
    rc = px_meta_extract(&res->meta, &pg->doc, pg->a, pg->url, pg->fetched,
                         res->meta_hidden ? PX_META_ARTICLE : PX_META_ALL);
    res->meta.a = &res->a; /* the result may outlive the extractor */
    px_lap(pg, PITH_STAGE_EXTRACT, t);
    if (rc)
        return px_error(err, PITH_ERR_NOMEM, "out of memory reading the metadata");
    pg->meta = &res->meta;
    strip_meta(&res->meta);
    /* The rules and scoring, the title, then the content. */
    t = px_clock(pg);
    rc = px_apply_rules(pg) ? px_error(err, PITH_ERR_NOMEM, "out of memory during extraction") : PITH_OK;
    t = px_lap(pg, PITH_STAGE_RULES, t);
    if (!rc && px_find_title(pg))
        rc = px_error(err, PITH_ERR_NOMEM, "out of memory finding the title");
    if (!rc)
        rc = px_extract_content(pg);
    px_lap(pg, PITH_STAGE_EXTRACT, t);
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
    bool foreign = false;
    if (page_language(ex, pg, res, &status, &foreign, err))
        return px_error(err, PITH_ERR_NOMEM, "out of memory");
    px_title_polish(pg);
    /* the title may come from JSON-LD, whose escapes the parse never saw */
    if (pg->title)
        px_strip_controls(pg->title, strlen(pg->title));
    if (status == PITH_OK && res->text_len && render_formats(ex->flags, pg, res))
        return px_error(err, PITH_ERR_NOMEM, "out of memory rendering");
    /* No article, but the metadata still serves an index: the JSON object
     * with an empty text (and empty markdown and html when asked for). */
    if ((ex->flags & PITH_FORMAT_JSON) && !res->json && no_article_json(ex->flags, pg, res))
        return px_error(err, PITH_ERR_NOMEM, "out of memory rendering");
    res->title = pg->title;
    pg->title = NULL;
    if (status == PITH_OK && res->text_len && (ex->flags & (PITH_WITH_TITLE | PITH_DOCUMENT))) {
        t = px_clock(pg);
        rc = frame_documents(ex->flags, pg, res);
        px_lap(pg, PITH_STAGE_RENDER, t);
        if (rc)
            return px_error(err, PITH_ERR_NOMEM, "out of memory rendering");
    }
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
    if (status == PITH_NO_CONTENT && !foreign)
        /* A limit that cut the page may be why: say so in the one line. */
        px_error(err, status, "no article text found%s%s", *res->warning ? "; " : "", res->warning);
    return status;
}

pith_status pith_extract(const pith_extractor *ex, const char *html, size_t len,
                         const char *encoding, const char *url, pith_result **out,
                         pith_error *err)
{
    return pith_extract_dated(ex, html, len, encoding, url, NULL, out, err);
}

pith_status pith_extract_dated(const pith_extractor *ex, const char *html, size_t len,
                               const char *encoding, const char *url, const char *date,
                               pith_result **out, pith_error *err)
{
    if (out)
        *out = NULL;
    if (!ex || !out || (!html && len))
        return px_error(err, PITH_ERR_USAGE, "missing extractor, input or result pointer");
    px_date fetched;
    if (date && !px_date_parse(date, strlen(date), &fetched))
        return px_error(err, PITH_ERR_USAGE, "not a date: '%.64s' (ISO 8601, such as 2024-03-15T09:30:00Z)",
                        date);
    const px_alloc *a = &ex->a;
    px_page pg;
    memset(&pg, 0, sizeof pg);
    pg.a = a;
    pg.rs = ex->rules;
    pg.flags = ex->flags;
    pg.url = url;
    pg.fetched = date ? &fetched : NULL;
    pg.ab = ex->adblock;
    if (pg.ab)
        px_adblock_page(pg.ab, url, &pg.abp);
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
    enum px_decode_why why = PX_DECODE_DEFAULT;
    int rc = px_decode_why(a, html ? html : "", len, encoding, &utf8, &ulen, &pg.charset, &why, err);
    pg.charset_why = (int)why;
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
    /* Script, style and template bodies and comment text never reach the
     * article: Gumbo need not tokenize them (src/elide.h). In place: the
     * page is ours. The shapes inside an <svg> go when the rules drop
     * every <svg>: then nothing reads them; attributes nobody reads go
     * unless an ad-blocking list, which may select by any, is loaded. The
     * values of the attributes that stay wait beside the page and go back
     * into the tree after the parse (px_elide_values); short of memory
     * for them, they stay in the page. */
    px_elide_values values;
    bool with_values = false;
    if (!rc) {
        unsigned opts = PX_ELIDE_SPACE;
        if (px_rules_drops_every(ex->rules, GUMBO_TAG_SVG))
            opts |= PX_ELIDE_SVG;
        if (!ex->adblock)
            opts |= PX_ELIDE_ATTRS;
        with_values = px_elide_values_init(a, &values, ulen) == PITH_OK;
        ulen = px_elide(utf8, ulen, opts, ex->elide, with_values ? &values : NULL);
    }
    px_lap(&pg, PITH_STAGE_DECODE, t);
    if (rc) {
        px_free(a, utf8);
        return rc;
    }
    pith_result *res = px_calloc(a, 1, sizeof *res);
    if (!res) {
        px_free(a, utf8);
        if (with_values)
            px_elide_values_free(a, &values);
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
    rc = run(ex, &pg, utf8, ulen, with_values ? &values : NULL, res, err);
    memcpy(res->stage_ns, pg.stage_ns, sizeof res->stage_ns);
    page_free(&pg);
    px_free(a, utf8);
    if (with_values)
        px_elide_values_free(a, &values);
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

unsigned long long pith_result_stage_ns(const pith_result *r, pith_stage stage)
{
    if (!r || (unsigned)stage >= PITH_STAGE_COUNT)
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

const char *pith_result_meta(const pith_result *r, pith_meta_field field, size_t index)
{
    if (!r || r->meta_hidden)
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

static const char status_names[][24] = {
    [PITH_OK] = "ok",
    [PITH_NO_CONTENT] = "no article text found",
    [PITH_ERR_USAGE] = "usage error",
    [PITH_ERR_INPUT] = "unreadable input",
    [PITH_ERR_RULES] = "rule file error",
    [PITH_ERR_NOMEM] = "out of memory",
    [PITH_ERR_LIMIT] = "input exceeds a limit",
};

const char *pith_status_string(pith_status status)
{
    if ((unsigned)status >= sizeof status_names / sizeof *status_names)
        return "unknown status";
    return status_names[status];
}

const char *pith_encoding_name(const char *label)
{
    return label ? px_encoding_lookup(label, strlen(label)) : NULL;
}

const char *pith_version(void) { return PITH_VERSION; }
