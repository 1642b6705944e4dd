/*
 * pith --check-rules FILE: loads a rule file as --rules would (a syntax
 * error is reported the same way), then warns about each pattern whose
 * shape lets PCRE2 backtrack exponentially: a repeated group that holds a
 * repeat of its own ((a+)+, (\w+\s*)*), or a repeated alternation whose
 * branches can start alike ((a|aa)+). Such a pattern stops at pith's
 * match limits and then counts as no match (see the README).
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MAX_GROUPS 64

/* Does a quantifier that may repeat without bound start at p? */
static bool unbounded(const char *p, const char *end)
{
    if (p >= end)
        return false;
    if (*p == '+' || *p == '*')
        return true;
    if (*p != '{')
        return false;
    const char *c = memchr(p, '}', (size_t)(end - p));
    const char *comma = c ? memchr(p, ',', (size_t)(c - p)) : NULL;
    return comma && comma + 1 == c; /* {n,} */
}

static bool quantifier_at(const char *p, const char *end)
{
    return p < end && (*p == '?' || *p == '+' || *p == '*' || (*p == '{' && unbounded(p, end)));
}

typedef struct group {
    bool inner;       /* a branch starts with an unbounded repeat: nothing
                       * fixed stands between two of the group's turns
                       * ((\.\w+)+ is safe, (\w+\.?)+ is not) */
    int atoms;        /* atoms in the current branch */
    bool alike;       /* two branches start with the same character */
    char firsts[16];  /* the first character of each branch so far */
    int nfirst;
    bool branch_open; /* the current branch has no first character yet */
} group;

static void first_char(group *g, char c)
{
    g->atoms++;
    if (!g->branch_open)
        return;
    g->branch_open = false;
    for (int i = 0; i < g->nfirst; i++)
        if (g->firsts[i] == c)
            g->alike = true;
    if (g->nfirst < (int)sizeof g->firsts)
        g->firsts[g->nfirst++] = c;
}

/* Why pattern p[0..n) may backtrack exponentially, or NULL. */
static const char *risky(const char *p, size_t n)
{
    const char *end = p + n;
    group st[MAX_GROUPS];
    int top = 0;
    st[0] = (group){.branch_open = true};
    for (const char *q = p; q < end; q++) {
        group *g = &st[top];
        if (*q == '\\' && q + 1 < end) {
            first_char(g, q[1]);
            q++;
        } else if (*q == '[') {
            first_char(g, '[');
            const char *c = q + 1;
            if (c < end && *c == '^')
                c++;
            if (c < end && *c == ']')
                c++;
            while (c < end && *c != ']')
                c += *c == '\\' ? 2 : 1;
            q = c < end ? c : end - 1;
        } else if (*q == '(' && q + 2 < end && q[1] == '?' && q[2] == '#') {
            const char *c = memchr(q, ')', (size_t)(end - q));
            q = c ? c : end - 1;
        } else if (*q == '(') {
            first_char(g, '(');
            if (top + 1 == MAX_GROUPS)
                return NULL;
            st[++top] = (group){.branch_open = true};
            /* (?:, (?=, (?<name>, ...: the group's kind, not its text */
            if (q + 1 < end && q[1] == '?') {
                q++;
                while (q + 1 < end && !strchr(":=!>)", q[1]))
                    q++;
                if (q + 1 < end && q[1] != ')')
                    q++;
            }
        } else if (*q == '|') {
            g->branch_open = true;
            g->atoms = 0;
        } else if (*q == ')' && top > 0) {
            group in = st[top--];
            bool lead = st[top].atoms == 1;
            if (unbounded(q + 1, end)) {
                if (in.inner)
                    return "a repeated group starts with a repeat of its own";
                if (in.alike)
                    return "a repeated alternation has branches that start alike";
                st[top].inner |= lead;
            }
            st[top].inner |= lead && in.inner;
        } else if (quantifier_at(q, end)) {
            if (unbounded(q, end) && g->atoms == 1)
                g->inner = true;
            if (*q == '{')
                q = memchr(q, '}', (size_t)(end - q));
        } else {
            first_char(g, *q);
        }
    }
    return NULL;
}

/* The pattern of a "~/.../" at p (past the '/'): its length, up to the
 * closing slash that no backslash escapes. */
static size_t pattern_len(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != '/' && p[n] != '\n')
        n += p[n] == '\\' && p[n + 1] ? 2 : 1;
    return n;
}

int cli_check_rules(const char *path)
{
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    if (!o)
        return cli_fail(PITH_ERR_NOMEM, NULL, "out of memory");
    int rc = pith_options_add_rules_file(o, path, &err);
    pith_options_free(o);
    if (rc)
        return cli_fail(rc, NULL, err.message);
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0;
    rc = f ? cli_read(f, 0, &text, &len) : PITH_ERR_INPUT;
    if (f)
        fclose(f);
    if (rc)
        return cli_fail(rc, path, "cannot read the file");
    int line = 1, warnings = 0;
    for (char *p = text; p < text + len; p++) {
        if (*p == '\n')
            line++;
        else if (*p == '#' && (p == text || p[-1] == '\n'))
            p += strcspn(p, "\n") - 1; /* a comment line */
        else if (p[0] == '~' && p[1] == '/') {
            size_t n = pattern_len(p + 2);
            const char *why = risky(p + 2, n);
            if (why) {
                char *msg = cli_dupf("%s:%d: warning: /%.*s/: %s; its backtracking can take exponential "
                                     "time (pith stops it at a limit and counts no match)",
                                     path, line, n > 60 ? 60 : (int)n, p + 2, why);
                cli_fail(0, NULL, msg ? msg : "out of memory");
                free(msg);
                warnings++;
            }
            p += 1 + n;
        }
    }
    free(text);
    return 0;
}
