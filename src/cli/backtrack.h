/*
 * Whether a PCRE2 pattern can backtrack exponentially: the check behind
 * pith --check-rules (cli_check.c).
 */
#ifndef PITH_CLI_BACKTRACK_H
#define PITH_CLI_BACKTRACK_H

#include <stddef.h>

/* Why pattern[0..n), compiled with the rule flags flags[0..flen) ('i',
 * 'x'), may backtrack exponentially, or NULL when it has no such shape.
 * The pattern is one PCRE2 has accepted; a construct the check does not
 * model (recursion, verbs) gives NULL. */
const char *cli_backtrack_risk(const char *pattern, size_t n, const char *flags, size_t flen);

#endif
