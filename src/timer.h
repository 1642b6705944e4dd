/*
 * The stage timers of PITH_PROFILE (pith_result_stage_ns). Without the
 * flag no clock is read at all. Inline, so that any stage can time itself
 * without calling back into pith.c.
 */
#ifndef PITH_TIMER_H
#define PITH_TIMER_H

#include <time.h>
#include "page.h"

/* Starts timing a stage when profiling; returns the start time. */
static inline unsigned long long px_clock(const px_page *pg)
{
    if (!(pg->flags & PITH_PROFILE))
        return 0;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

/* Adds the time since start to stage, and returns the time now. */
static inline unsigned long long px_lap(px_page *pg, pith_stage stage, unsigned long long start)
{
    if (!(pg->flags & PITH_PROFILE))
        return 0;
    unsigned long long now = px_clock(pg);
    pg->stage_ns[stage] += now - start;
    return now;
}

#endif
