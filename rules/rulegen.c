/*
 * rulegen: writes the bundled rules as C data, ready to use, so that a pith
 * process starts without parsing a rule file, reading a pattern for its
 * literals, building the literal scanner or compiling a pattern. All of
 * that is done here, at build time, by the library's own code (rules_parse.c,
 * literal.c), which therefore cannot disagree with it; the patterns are
 * kept in PCRE2's serialized form, which a PCRE2 of another version refuses
 * at run time (the pattern is then compiled from its source, as before).
 *
 * Usage: rulegen OUT.c FILE.rules...   (files are ordered by base name and
 * named "rules/BASE" in messages and --explain, as the build always did)
 *
 * A rule file that does not parse, or a pattern that does not compile,
 * fails the build with the parser's message.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "elide.h"
#include "rules_impl.h"
#include "read_file.h"

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static int by_base(const void *a, const void *b)
{
    return strcmp(base_name(*(const char *const *)a), base_name(*(const char *const *)b));
}

/* A C string literal of s[0..n), any byte: octal escapes for all but
 * printable ASCII ('?' too: no trigraphs), broken into lines. */
static void put_str(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    int col = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (col >= 96) {
            fputs("\"\n    \"", out);
            col = 0;
        }
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
            fputc(c, out);
            col++;
        } else {
            fprintf(out, "\\%03o", c);
            col += 4;
        }
    }
    fputc('"', out);
}

/* The length of a '\0'-separated list that ends with an empty string,
 * without that last terminator. */
static size_t list_len(const char *l)
{
    const char *t = l;
    while (*t)
        t += strlen(t) + 1;
    return (size_t)(t - l);
}

/* The separator before the i-th number of a list, per_line to a line. */
static const char *sep(int i, int per_line)
{
    return !i ? "\n    " : i % per_line ? "," : ",\n    ";
}

static void put_ints(FILE *out, const char *name, const int *v, int n)
{
    fprintf(out, "static const int %s[] = {", name);
    for (int i = 0; i < n; i++)
        fprintf(out, "%s%d", sep(i, 20), v[i]);
    fprintf(out, "%s};\n", n ? "\n" : "0");
}

/* Bytes gathered for one array of the image, whose entries are offsets
 * into it (rules_impl.h says why). */
typedef struct pool {
    char *p;
    size_t len, cap;
} pool;

/* Appends s[0..n) at an offset that is a multiple of align; returns the
 * offset, or -1 when out of memory or past what an offset holds. */
static long pool_add(pool *pl, const void *s, size_t n, size_t align)
{
    size_t at = (pl->len + align - 1) / align * align;
    if (at + n > INT32_MAX)
        return -1;
    if (at + n > pl->cap) {
        size_t cap = (at + n) * 2;
        char *p = realloc(pl->p, cap);
        if (!p)
            return -1;
        pl->p = p;
        pl->cap = cap;
    }
    memset(pl->p + pl->len, 0, at - pl->len);
    memcpy(pl->p + at, s, n);
    pl->len = at + n;
    return (long)at;
}

/* Serializes pattern i's code; its form in *out (malloc'd: the caller
 * frees it) and its length, or false if PCRE2 cannot, or if what it
 * wrote does not read back. */
static bool serialize(const px_ruleset *rs, int i, unsigned char **out, size_t *len)
{
    pcre2_code *code = atomic_load(&rs->pats[i].code);
    const pcre2_code *codes[1] = {code};
    uint8_t *bytes = NULL;
    PCRE2_SIZE size = 0;
    if (!code || pcre2_serialize_encode(codes, 1, &bytes, &size, NULL) != 1)
        return -1;
    pcre2_code *back = NULL;
    size_t a = 0, b = 1;
    if (pcre2_serialize_decode(&back, 1, bytes, NULL) == 1) {
        pcre2_pattern_info(code, PCRE2_INFO_SIZE, &a);
        pcre2_pattern_info(back, PCRE2_INFO_SIZE, &b);
    }
    pcre2_code_free(back);
    *out = a == b ? malloc(size) : NULL;
    if (*out)
        memcpy(*out, bytes, size);
    *len = size;
    pcre2_serialize_free(bytes);
    return *out != NULL;
}

static void put_scanner(FILE *out, const px_scanner *sc)
{
    fprintf(out, "static const px_scan_state scan_state[] = {");
    for (int i = 0; i <= sc->nstates; i++)
        fprintf(out, "%s{%d,%uu}", sep(i, 8), sc->state[i].kids, sc->state[i].link);
    fprintf(out, "\n};\n");
    fprintf(out, "static const uint16_t scan_rows[] = {");
    for (int i = 0; i < sc->nrows * sc->nsym; i++)
        fprintf(out, "%s%u", sep(i, 20), sc->rows[i]);
    fprintf(out, "%s};\n", sc->nrows ? "\n" : "0");
    fprintf(out, "static const unsigned char scan_sym[] = {");
    for (int i = 0; i < sc->nstates; i++)
        fprintf(out, "%s%d", sep(i, 24), sc->sym[i]);
    fprintf(out, "\n};\n");
    put_ints(out, "scan_outs_at", sc->outs_at, sc->nstates);
    put_ints(out, "scan_outs", sc->outs, sc->nouts);
    fprintf(out, "static const px_scanner scan = {\n    NULL,\n    {");
    for (int i = 0; i < 256; i++)
        fprintf(out, "%s%d", sep(i, 32), sc->map[i]);
    fprintf(out, "},\n    %d, %d, %d, %d, %d, %d,\n", sc->wide, sc->bound, sc->nsym,
            sc->nstates, sc->nrows, sc->nouts);
    fprintf(out, "    scan_state, scan_rows, scan_sym, scan_outs_at, scan_outs, %d,\n};\n\n",
            sc->words);
}

static void put_u64s(FILE *out, const char *name, const uint64_t *v, size_t n)
{
    fprintf(out, "static const uint64_t %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s0x%llxu", sep((int)i, 6), (unsigned long long)v[i]);
    fprintf(out, "%s};\n", n ? "\n" : "0");
}

/* The gates and the index, as px_rules_gate and px_rules_index built them
 * for these rules (a process adds to them only its user's rules). */
static void put_index(FILE *out, const px_ruleset *rs)
{
    int ngates = rs->nelem_list + rs->ntext_list;
    fprintf(out, "static const px_gate gates[] = {\n");
    for (int i = 0; i < ngates; i++) {
        const px_gate *g = &rs->gates[i];
        fprintf(out, "    {%d, %d, %uu, %u, %d, %d, %d, %d, {", g->rule, g->pat, (unsigned)g->maxlen,
                (unsigned)g->sides, g->drop, g->any_tag, g->tagnames, g->key);
        for (int k = 0; k < TAG_WORDS; k++)
            fprintf(out, "%s0x%xu", k ? "," : "", (unsigned)g->tags[k]);
        fprintf(out, "}, %d},\n", g->tok);
    }
    fprintf(out, "%s};\n\n", ngates ? "" : "    {0}\n");
    for (int l = 0; l < 2; l++) {
        const px_index_list *L = &rs->index.list[l];
        size_t w = (size_t)L->words;
        char name[32];
        snprintf(name, sizeof name, "index%d_any_tag", l);
        put_u64s(out, name, L->any_tag, w);
        snprintf(name, sizeof name, "index%d_no_key", l);
        put_u64s(out, name, L->no_key, w);
        if (L->by_tag) {
            snprintf(name, sizeof name, "index%d_by_tag", l);
            put_u64s(out, name, L->by_tag, (size_t)TAG_WORDS * 32 * w);
        }
        snprintf(name, sizeof name, "index%d_by_key", l);
        put_u64s(out, name, L->by_key, (size_t)rs->nkeys * w + 1);
        snprintf(name, sizeof name, "index%d_off", l);
        put_ints(out, name, L->off, rs->npats + 1);
        snprintf(name, sizeof name, "index%d_gate", l);
        put_ints(out, name, L->gate, L->off[rs->npats]);
        if (L->tok) {
            fprintf(out, "static const px_tok_slot index%d_tok[] = {", l);
            size_t chars = 0;
            for (unsigned i = 0; i <= L->tok_mask; i++) {
                const px_tok_slot *e = &L->tok[i];
                fprintf(out, "%s{%uu, %d, %d, %d}", sep((int)i, 4), (unsigned)e->hash, (int)e->how,
                        (int)e->str, (int)e->gate);
                if (e->gate >= 0) /* the strings, one after another */
                    chars += strlen(L->tok_str + e->str) + 1;
            }
            fprintf(out, "\n};\nstatic const char index%d_tok_str[] = {", l);
            for (size_t i = 0; i < chars; i++)
                fprintf(out, "%s%d", sep((int)i, 16), L->tok_str[i]);
            fputs("\n};\n", out);
        }
    }
    /* (The arrays are never written: the pointers are not const only
     * because a built index's are its own.) */
    fprintf(out, "static const px_index_list index_lists[2] = {\n");
    for (int l = 0; l < 2; l++) {
        const px_index_list *L = &rs->index.list[l];
        fprintf(out, "    {%d, %d, %d, (uint64_t *)index%d_any_tag, ", L->first, L->n, L->words, l);
        if (L->by_tag)
            fprintf(out, "(uint64_t *)index%d_by_tag, ", l);
        else
            fputs("NULL, ", out);
        fprintf(out, "(uint64_t *)index%d_no_key, (uint64_t *)index%d_by_key,\n", l, l);
        fprintf(out, "     (int *)index%d_off, (int *)index%d_gate, %uu, {", l, l, L->sides);
        for (int s = 0; s < SIDE_COUNT; s++)
            fprintf(out, "%s%uu", s ? ", " : "", (unsigned)L->maxlen[s]);
        fprintf(out, "},\n     %uu, %uu, %uu, ", (unsigned)L->tok_whole, (unsigned)L->tok_split, L->tok_mask);
        if (L->tok)
            fprintf(out, "(px_tok_slot *)index%d_tok, (char *)index%d_tok_str},\n", l, l);
        else
            fputs("NULL, NULL},\n", out);
    }
    fputs("};\n\n", out);
}

/* A matcher as it is, its strings' offsets included: the image carries
 * the rule set's pool of them (mstrings) whole. */
static void put_matcher(FILE *out, const matcher *m)
{
    fprintf(out, "    {(enum mkind)%d, %s, %uu, %uu, %d, %zu, {", (int)m->kind,
            m->negate ? "true" : "false", (unsigned)m->name, (unsigned)m->value, m->pat, m->maxlen);
    for (int k = 0; k < TAG_WORDS; k++)
        fprintf(out, "%s0x%xu", k ? "," : "", (unsigned)m->tags[k]);
    fprintf(out, "}, %uu},\n", (unsigned)m->tagnames);
}

/* Writes strings v[0..n) as one C string, each ended by its '\0' (one
 * literal per string: C joins adjacent literals). */
static void put_list(FILE *out, const char *name, const char *const *v, int n)
{
    fprintf(out, "static const char %s[] =", name);
    for (int i = 0; i < n; i++) {
        fputs("\n    ", out);
        put_str(out, v[i], strlen(v[i]) + 1);
    }
    fputs(n ? ";\n\n" : " \"\";\n\n", out);
}

/* Writes the image; false when out of memory. */
static bool put_image(FILE *out, const px_ruleset *rs)
{
    /* The patterns' compiled forms, sources and literals first: each
     * entry of pats is offsets into them. */
    pool blobs = {0}, strings = {0};
    long *at = calloc(4 * (size_t)rs->npats + 1, sizeof *at);
    size_t *blob_len = calloc((size_t)rs->npats + 1, sizeof *blob_len);
    unsigned char **form = calloc((size_t)rs->npats + 1, sizeof *form);
    int *first = calloc((size_t)rs->nrules + 1, sizeof *first); /* rules_impl.h */
    bool ok = at && blob_len && form && first;
    /* The serialized forms all begin with the same bytes (PCRE2's header
     * and its character tables): those are written once, as blob_head,
     * and each blob is the rest. */
    const unsigned char *head = NULL;
    size_t head_len = 0;
    for (int i = 0; i < rs->npats && ok; i++) {
        if (!serialize(rs, i, &form[i], &blob_len[i]))
            continue;
        if (!head) {
            head = form[i];
            head_len = blob_len[i];
        }
        size_t k = 0;
        while (k < head_len && k < blob_len[i] && form[i][k] == head[k])
            k++;
        head_len = k;
    }
    /* (a form that is only the head would leave a blob of no bytes) */
    for (int i = 0; i < rs->npats && ok; i++)
        if (form[i] && blob_len[i] == head_len && head_len)
            head_len--;
    for (int i = 0; i < rs->npats && ok; i++) {
        const pattern_text *pt = &rs->texts[i]; /* no image here: every pattern has one */
        at[4 * i] = form[i] ? pool_add(&blobs, form[i] + head_len, blob_len[i] - head_len, 1) : -1;
        if (form[i])
            blob_len[i] -= head_len;
        at[4 * i + 1] = pool_add(&strings, pt->src, strlen(pt->src) + 1, 1);
        /* a px_litset ends with an empty string */
        at[4 * i + 2] = pt->lits ? pool_add(&strings, pt->lits, list_len(pt->lits) + 1, 1) : -1;
        at[4 * i + 3] = pt->head ? pool_add(&strings, pt->head, px_lit_head_size(pt->head), 1) : -1;
        ok = at[4 * i + 1] >= 0 && (!pt->lits || at[4 * i + 2] >= 0) && (!pt->head || at[4 * i + 3] >= 0);
    }
    if (ok) {
        fprintf(out, "static const unsigned char blob_head[] =\n    ");
        put_str(out, head ? (const char *)head : "", head_len);
        fprintf(out, ";\n\nstatic const unsigned char blobs[] =\n    ");
        put_str(out, blobs.p ? blobs.p : "", blobs.len);
        fprintf(out, ";\n\nstatic const char strings[] =\n    ");
        put_str(out, strings.p ? strings.p : "", strings.len);
        fputs(";\n\n", out);
    }
    free(blobs.p);
    free(strings.p);
    for (int i = 0; form && i < rs->npats; i++)
        free(form[i]);
    free(form);
    if (!ok) {
        free(at);
        free(blob_len);
        free(first);
        return false;
    }

    put_list(out, "files", (const char *const *)rs->files, rs->nfiles);
    fprintf(out, "static const char mstrings[] =\n    ");
    put_str(out, rs->mstr_len ? rs->mstr : "", rs->mstr_len);
    fprintf(out, ";\n\nstatic const matcher matchers[] = {\n");
    int nm = 0;
    for (int i = 0; i < rs->nrules; i++) {
        first[i] = nm;
        nm += rs->rules[i].nm;
        for (int j = 0; j < rs->rules[i].nm; j++)
            put_matcher(out, &rs->rules[i].m[j]);
    }
    fprintf(out, "};\n\n");
    fprintf(out, "static const rule rules[] = {\n");
    for (int i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        fprintf(out, "    {%s, %d, %s, NULL, %d, %d, %d, %d, false, %s},\n", r->drop ? "true" : "false",
                r->score, r->text ? "true" : "false", first[i], r->nm, r->file, r->line,
                r->box ? "true" : "false");
    }
    free(first);
    fprintf(out, "};\n\n");
    put_ints(out, "elem_list", rs->elem_list, rs->nelem_list);
    put_ints(out, "text_list", rs->text_list, rs->ntext_list);
    fprintf(out, "\n");
    fprintf(out, "static const px_image_pattern pats[] = {\n");
    for (int i = 0; i < rs->npats; i++)
        fprintf(out, "    {%ld, 0x%xu, %ld, %ld, %ld, %zu},\n", at[4 * i + 1],
                (unsigned)rs->texts[i].flags, at[4 * i + 2], at[4 * i + 3], at[4 * i],
                at[4 * i] >= 0 ? blob_len[i] : 0);
    free(at);
    free(blob_len);
    fprintf(out, "};\n\n");
    put_list(out, "keys", rs->keys, rs->nkeys);
    put_scanner(out, rs->scan);
    put_index(out, rs);
    fprintf(out,
            "const px_rules_image px_builtin_image = {\n"
            "    files, %d, rules, matchers, %d, elem_list, text_list, %d, %d,\n"
            "    pats, %d, strings, blobs, &scan, keys, %d, mstrings, %zuu,\n"
            "    gates, index_lists, blob_head, %zu,\n    {%zu, %s, %s, %s},\n    {",
            rs->nfiles, rs->nrules, rs->nelem_list, rs->ntext_list, rs->npats, rs->nkeys,
            rs->mstr_len, head_len,
            rs->text.cap,
            rs->text.uncapped ? "true" : "false", rs->text.has_text ? "true" : "false",
            rs->text.text_only ? "true" : "false");
    for (int w = 0; w < TAG_WORDS; w++)
        fprintf(out, "%s0x%xu", w ? ", " : "", rs->drops_every[w]);
    fprintf(out, "},\n};\n");
    return true;
}

/* The pre-parse pass's tables of names for the rules' keys, as
 * px_elide_names_new builds them (elide.h: a process with only the
 * bundled rules uses them as they are); false when out of memory. */
static bool put_elide(FILE *out, const px_ruleset *rs)
{
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_elide_names *nm = px_elide_names_new(&a, NULL, (const char *const *)rs->keys, (size_t)rs->nkeys);
    if (!nm)
        return false;
    px_elide_image img;
    size_t pool_len;
    px_elide_names_image(nm, &img, &pool_len);
    size_t ntags = (size_t)img.tags_mask + 1, nslots = ntags + img.attrs_mask + 1;
    fprintf(out, "\nstatic const px_name_slot elide_slots[] = {");
    for (size_t i = 0; i < nslots; i++) {
        const px_name_slot *sl = i < ntags ? &img.tags[i] : &img.attrs[i - ntags];
        fprintf(out, "%s{%uu, %u, %u}", sep((int)i, 6), (unsigned)sl->name, (unsigned)sl->len,
                (unsigned)sl->bits);
    }
    fprintf(out, "\n};\n\nstatic const char elide_pool[] =\n    ");
    put_str(out, img.pool, pool_len);
    fprintf(out,
            ";\n\nvoid px_builtin_elide(px_elide_image *img)\n{\n"
            "    *img = (px_elide_image){elide_slots, elide_slots + %zu, elide_pool, %uu, %uu};\n}\n",
            ntags, (unsigned)img.tags_mask, (unsigned)img.attrs_mask);
    px_elide_names_free(nm);
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: rulegen OUT.c FILE.rules...\n");
        return 2;
    }
    const char *outpath = argv[1];
    const char **paths = (const char **)argv + 2;
    int npaths = argc - 2;
    qsort(paths, (size_t)npaths, sizeof *paths, by_base);

    px_alloc a;
    px_alloc_init(&a, NULL);
    px_ruleset *rs = px_rules_new(&a);
    if (!rs)
        return 1;
    pith_error err = {0, ""};
    int rc = 0;
    for (int i = 0; i < npaths && !rc; i++) {
        size_t len;
        char *text = px_read_file(paths[i], &len);
        if (!text) {
            fprintf(stderr, "rulegen: %s: %s\n", paths[i], strerror(errno));
            rc = 1;
            break;
        }
        char name[512];
        snprintf(name, sizeof name, "rules/%s", base_name(paths[i]));
        /* As a user's file: every pattern compiled now, errors reported. */
        if (px_rules_parse(rs, name, text, len, &err)) {
            fprintf(stderr, "rulegen: %s\n", err.message);
            rc = 1;
        }
        free(text);
    }
    /* drop! overrides the guard that keeps the article (extract.c): a
     * user may know that a class is junk on his site, but no bundled rule
     * is that sure, so the image has no field for it. */
    for (int i = 0; i < rs->nrules && !rc; i++)
        if (rs->rules[i].force) {
            fprintf(stderr, "rulegen: %s:%d: drop! is for users' rules, not bundled ones\n",
                    rs->files[rs->rules[i].file], rs->rules[i].line);
            rc = 1;
        }
    if (!rc && px_rules_compile(rs, &err)) {
        fprintf(stderr, "rulegen: %s\n", err.message);
        rc = 1;
    }
    FILE *out = rc ? NULL : fopen(outpath, "w");
    if (!rc && !out) {
        fprintf(stderr, "rulegen: %s: %s\n", outpath, strerror(errno));
        rc = 1;
    }
    if (out) {
        fprintf(out, "/* Generated by rules/rulegen.c from the bundled rule files: parsed, their\n"
                     " * literal scanner built, their patterns compiled by PCRE2 %d.%d and\n"
                     " * serialized. Do not edit. */\n"
                     "#include \"elide.h\"\n#include \"rules_impl.h\"\n\n",
                PCRE2_MAJOR, PCRE2_MINOR);
        if (!put_image(out, rs) || !put_elide(out, rs))
            rc = 1;
        if (ferror(out) | fclose(out)) {
            fprintf(stderr, "rulegen: cannot write %s\n", outpath);
            rc = 1;
        }
        if (rc)
            remove(outpath);
    }
    px_rules_free(rs);
    return rc;
}
