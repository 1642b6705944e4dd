/*
 * fuzz_elide: the elision pass (src/elide.c) against Gumbo itself. Any
 * input, parsed whole and elided, must give the same tree node by node,
 * leaving out what the pass may leave out (tests/elide/domdiff.c); the
 * elided page is never longer.
 */
#include "fuzz_common.h"
#include "domdiff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    char why[1024];
    size_t elided;
    bool same = domdiff_page((const char *)data, size, &elided, why, sizeof why);
    if (!same)
        fprintf(stderr, "%s\n", why);
    FUZZ_CHECK(same);
    FUZZ_CHECK(elided <= size);
    return 0;
}
