/*
 * Fuzz target: the literal prefilter (src/literal.c) against PCRE2 itself.
 * Byte 0 holds flags (bit 0: caseless), then comes a pattern up to the
 * first newline, then a subject. When the pattern compiles as the rule
 * engine compiles it (UTF, UCP) and the subject is valid UTF-8, a subject
 * PCRE2 matches must be one the scanner reports, and one that the
 * pattern's head (px_lit_head) lets through: the prefilters may only rule
 * out subjects that cannot match.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "fuzz_common.h"
#include "alloc.h"
#include "scanner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    const char *nl = memchr(in, '\n', n);
    if (!nl)
        return 0;
    size_t plen = (size_t)(nl - in);
    const char *subj = nl + 1;
    size_t slen = n - plen - 1;
    if (memchr(in, '\0', plen) || !fuzz_valid_utf8(subj, slen))
        return 0;
    uint32_t flags = PCRE2_UTF | PCRE2_UCP | (data[0] & 1 ? PCRE2_CASELESS : 0);
    int ec;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)in, plen, flags, &ec, &off, NULL);
    if (!re)
        return 0;
    px_alloc a;
    px_alloc_init(&a, NULL);
    char *src = px_strndup(&a, in, plen);
    FUZZ_CHECK(src != NULL);
    char *head;
    if (px_lit_head(&a, src, false, &head)) {
        pcre2_match_data *md = pcre2_match_data_create(1, NULL);
        FUZZ_CHECK(md != NULL);
        int rc = pcre2_match(re, (PCRE2_SPTR)subj, slen, 0, 0, md, NULL);
        /* A match at a start the head says cannot be. */
        FUZZ_CHECK(rc < 0 || px_lit_head_fits(head, subj, slen));
        pcre2_match_data_free(md);
        px_free(&a, head);
    }
    px_litset set;
    if (px_literals(&a, src, false, &set)) {
        px_scanner *sc = px_scanner_new(&a, &set, 1);
        FUZZ_CHECK(sc != NULL);
        uint64_t hits[1] = {0};
        px_scanner_run(sc, subj, slen, hits);
        pcre2_match_data *md = pcre2_match_data_create(1, NULL);
        FUZZ_CHECK(md != NULL);
        int rc = pcre2_match(re, (PCRE2_SPTR)subj, slen, 0, 0, md, NULL);
        /* A match the scanner did not see: the prefilter would drop it. */
        FUZZ_CHECK(rc < 0 || (hits[0] & 1));
        pcre2_match_data_free(md);
        px_scanner_free(sc);
        px_free(&a, set.data);
    }
    px_free(&a, src);
    pcre2_code_free(re);
    return 0;
}
