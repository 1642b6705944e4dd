/*
 * pith --check-rules FILE: loads a rule file as --rules would (a syntax
 * error is reported the same way), then warns about each pattern whose
 * shape lets PCRE2 backtrack exponentially (backtrack.c: a repeated group
 * that can match one text in many ways, (a+)+, (\w+\s*)*, (a|aa)+). Such
 * a pattern stops at pith's match limits and then counts as no match (see
 * the README).
 */
#include <stdlib.h>
#include <string.h>
#include "backtrack.h"
#include "cli.h"

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
            const char *flags = p + 2 + n + (p[2 + n] == '/');
            const char *why = cli_backtrack_risk(p + 2, n, flags, strcspn(flags, " \t\r\n"));
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
