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

static void put_opt_str(FILE *out, const char *s)
{
    if (s)
        put_str(out, s, strlen(s));
    else
        fputs("NULL", out);
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

/* Serializes pattern i's code into out as blob_i; false if PCRE2 cannot,
 * or if what it wrote does not read back. */
static bool put_blob(FILE *out, const px_ruleset *rs, int i, size_t *len)
{
    pcre2_code *code = atomic_load(&rs->pats[i].code);
    const pcre2_code *codes[1] = {code};
    uint8_t *bytes = NULL;
    PCRE2_SIZE size = 0;
    if (!code || pcre2_serialize_encode(codes, 1, &bytes, &size, NULL) != 1)
        return false;
    pcre2_code *back = NULL;
    size_t a = 0, b = 1;
    if (pcre2_serialize_decode(&back, 1, bytes, NULL) == 1) {
        pcre2_pattern_info(code, PCRE2_INFO_SIZE, &a);
        pcre2_pattern_info(back, PCRE2_INFO_SIZE, &b);
    }
    pcre2_code_free(back);
    if (a == b) {
        /* Aligned: PCRE2 reads the header of the serialized form in place. */
        fprintf(out, "static _Alignas(16) const unsigned char blob_%d[] =\n    ", i);
        put_str(out, (const char *)bytes, size);
        fputs(";\n", out);
        *len = size;
    }
    pcre2_serialize_free(bytes);
    return a == b;
}

static void put_scanner(FILE *out, const px_scanner *sc)
{
    fprintf(out, "static const px_scan_state scan_state[] = {");
    for (int i = 0; i <= sc->nstates; i++) {
        const px_scan_state *q = &sc->state[i];
        fprintf(out, "%s{%d,%d,%d,%d}", sep(i, 6), q->row, q->edges, q->fail, q->outs);
    }
    fprintf(out, "\n};\n");
    put_ints(out, "scan_rows", sc->rows, sc->nrows * sc->nsym);
    fprintf(out, "static const unsigned scan_edge[] = {");
    for (int i = 0; i < sc->nedges; i++)
        fprintf(out, "%s%uu", sep(i, 12), sc->edge[i]);
    fprintf(out, "%s};\n", sc->nedges ? "\n" : "0");
    put_ints(out, "scan_outs", sc->outs, sc->nouts);
    fprintf(out, "static const px_scanner scan = {\n    NULL,\n    {");
    for (int i = 0; i < 256; i++)
        fprintf(out, "%s%d", sep(i, 32), sc->map[i]);
    fprintf(out, "},\n    %d, %d, %d, %d, %d, %d, %d,\n", sc->wide, sc->bound, sc->nsym,
            sc->nstates, sc->nrows, sc->nedges, sc->nouts);
    fprintf(out, "    scan_state, scan_rows, scan_edge, scan_outs, %d,\n};\n\n", sc->words);
}

static void put_image(FILE *out, const px_ruleset *rs, size_t *blob_len, bool *has_blob)
{
    fprintf(out, "static const char *const files[] = {\n");
    for (int i = 0; i < rs->nfiles; i++) {
        fputs("    ", out);
        put_str(out, rs->files[i], strlen(rs->files[i]));
        fputs(",\n", out);
    }
    fprintf(out, "};\n\nstatic const matcher matchers[] = {\n");
    for (int i = 0; i < rs->nrules; i++)
        for (int j = 0; j < rs->rules[i].nm; j++) {
            const matcher *m = &rs->rules[i].m[j];
            fprintf(out, "    {(enum mkind)%d, %s, ", (int)m->kind, m->negate ? "true" : "false");
            put_opt_str(out, m->name);
            fputs(", ", out);
            put_opt_str(out, m->value);
            fprintf(out, ", %d, %zu, {", m->pat, m->maxlen);
            for (int k = 0; k < TAG_WORDS; k++)
                fprintf(out, "%s0x%xu", k ? "," : "", (unsigned)m->tags[k]);
            fputs("}, ", out);
            if (m->tagnames)
                put_str(out, m->tagnames, list_len(m->tagnames));
            else
                fputs("NULL", out);
            fputs("},\n", out);
        }
    fprintf(out, "};\n\nstatic const rule rules[] = {\n");
    int at = 0;
    for (int i = 0; i < rs->nrules; i++) {
        const rule *r = &rs->rules[i];
        fprintf(out, "    {%s, %d, %s, &matchers[%d], %d, %d, %d, false, %s},\n",
                r->drop ? "true" : "false", r->score, r->text ? "true" : "false", at, r->nm,
                r->file, r->line, r->box ? "true" : "false");
        at += r->nm;
    }
    fprintf(out, "};\n\nstatic const px_image_pattern pats[] = {\n");
    for (int i = 0; i < rs->npats; i++) {
        const pattern *pt = &rs->pats[i];
        fputs("    {", out);
        put_str(out, pt->src, strlen(pt->src));
        fprintf(out, ",\n     0x%xu, ", (unsigned)pt->flags);
        if (pt->lits)
            put_str(out, pt->lits, list_len(pt->lits));
        else
            fputs("NULL", out);
        if (has_blob[i])
            fprintf(out, ",\n     blob_%d, %zu},\n", i, blob_len[i]);
        else
            fputs(", NULL, 0},\n", out);
    }
    fprintf(out, "};\n\nstatic const char *const keys[] = {\n");
    for (int k = 0; k < rs->nkeys; k++) {
        fputs("    ", out);
        put_str(out, rs->keys[k], strlen(rs->keys[k]));
        fputs(",\n", out);
    }
    fprintf(out, "};\n\n");
    put_scanner(out, rs->scan);
    fprintf(out,
            "const px_rules_image px_builtin_image = {\n"
            "    files, %d, rules, %d, pats, %d, &scan, keys, %d,\n};\n",
            rs->nfiles, rs->nrules, rs->npats, rs->nkeys);
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
                     "#include \"rules_impl.h\"\n\n",
                PCRE2_MAJOR, PCRE2_MINOR);
        size_t *blob_len = calloc((size_t)rs->npats + 1, sizeof *blob_len);
        bool *has_blob = calloc((size_t)rs->npats + 1, sizeof *has_blob);
        if (!blob_len || !has_blob)
            rc = 1;
        for (int i = 0; i < rs->npats && !rc; i++)
            has_blob[i] = put_blob(out, rs, i, &blob_len[i]);
        if (!rc)
            put_image(out, rs, blob_len, has_blob);
        free(blob_len);
        free(has_blob);
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
