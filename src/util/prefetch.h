/*
 * Reading tables ahead. A process started for one page walks the rule
 * image's automaton and gates in chains of loads, each waiting on a cache
 * line no earlier load brought in; asking for every line of them at once,
 * while nothing waits on the answers, costs a fraction of that wait
 * (bench/RESULTS.md, start-up: the scanner's first page).
 */
#ifndef PITH_PREFETCH_H
#define PITH_PREFETCH_H

#include <stddef.h>

/* Asks for the cache lines of p[0..n) to be read; changes nothing. The
 * processor drops a prefetch from a page the process has not mapped yet,
 * so one byte of each page is read outright first (the kernel maps the
 * pages around it with it). */
static inline void px_prefetch(const void *p, size_t n)
{
    const volatile unsigned char *c = p;
    for (size_t i = 0; i < n; i += 4096)
        (void)c[i];
    for (size_t i = 0; i < n; i += 64)
        __builtin_prefetch((const char *)p + i);
}

#endif
