/*
 * Fuzz target: the pattern check of pith --check-rules (src/cli/backtrack.c,
 * cli_backtrack_risk). Byte 0: bit 0 the i flag, bit 1 the x flag; the rest
 * is the pattern, any bytes at all: the command runs the check only on
 * patterns PCRE2 accepted, but it must read nothing outside the pattern and
 * end, whatever the bytes. The answer is NULL or a one-line message, and the
 * same on a second call.
 */
#include "fuzz_common.h"
#include "backtrack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char flags[2];
    size_t nflags = 0;
    if (data[0] & 1)
        flags[nflags++] = 'i';
    if (data[0] & 2)
        flags[nflags++] = 'x';
    /* a copy of exactly the pattern's size, so that ASan sees any read past it */
    char *pattern = malloc(size - 1 ? size - 1 : 1);
    FUZZ_CHECK(pattern != NULL);
    memcpy(pattern, data + 1, size - 1);
    const char *why = cli_backtrack_risk(pattern, size - 1, flags, nflags);
    FUZZ_CHECK(!why || fuzz_one_line(why, 200));
    FUZZ_CHECK(why == cli_backtrack_risk(pattern, size - 1, flags, nflags));
    free(pattern);
    return 0;
}
