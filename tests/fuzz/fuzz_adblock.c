/*
 * Fuzz target: ad-blocking lists. The input is the text of a list. It is
 * read (px_adblock_parse, px_adblock_finish) and matched against every
 * element of a small fixed page with no URL and with one; the rule set is
 * then saved to a cache file and loaded back, and must answer the same.
 * The input is also tried as a cache file itself, which must be refused
 * or read without harm.
 */
#include <unistd.h>
#include "fuzz_common.h"
#include "adblock.h"
#include "alloc.h"
#include "parse.h"

static const char page[] =
    "<!DOCTYPE html><html><head><title>Quay</title></head>"
    "<body class=\"home page\"><div id=main class=\"wrap main\">"
    "<article class=\"post\" data-x=\"\xc3\xa9t\xc3\xa9\"><h1>Quay opens</h1>"
    "<p>The harbour authority opened the new northern quay.</p>"
    "<div class=\"ad-box big\" id=ad-1>AD</div><section><p class=promo>x</p></section>"
    "<a href=\"https://ads.example.net/click?id=1\">x</a>"
    "<img src=\"/img/banner-728.png\" alt=\"\"><my-widget>x</my-widget>"
    "<ins class=adsbygoogle data-slot=top></ins></article>"
    "<aside class=\"sidebar\"><div><div><span class=a>deep</span></div></div></aside>"
    "</div></body></html>";

static void answers(const px_adblock *ab, const px_doc *d, const char *url, int *out)
{
    px_ab_page pg;
    px_adblock_page(ab, url, &pg);
    for (int i = 0; i < d->n; i++) {
        out[i] = px_adblock_match(ab, &pg, d, i);
        if (out[i] >= 0) {
            char where[128];
            px_adblock_where(ab, out[i], where, sizeof where);
            FUZZ_CHECK(strnlen(where, sizeof where) < sizeof where);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_adblock *ab = px_adblock_new(&a);
    FUZZ_CHECK(ab != NULL);
    FUZZ_CHECK(px_adblock_parse(ab, "fuzz.txt", (const char *)data, size) == PITH_OK);
    FUZZ_CHECK(px_adblock_finish(ab) == PITH_OK);
    px_doc d;
    pith_error err = {0, ""};
    FUZZ_CHECK(px_parse(&d, &a, page, sizeof page - 1, 0, &err) == PITH_OK);
    int *one = calloc((size_t)d.n * 4, sizeof *one);
    FUZZ_CHECK(one != NULL);
    answers(ab, &d, NULL, one);
    answers(ab, &d, "https://www.a.com:8080/x", one + d.n);

    char path[] = "/tmp/pith-fuzz-adblock-XXXXXX";
    int fd = mkstemp(path);
    FUZZ_CHECK(fd >= 0);
    close(fd);
    if (px_adblock_save(ab, path, "k") == 0) {
        px_adblock *back = px_adblock_load(&a, path, "k");
        FUZZ_CHECK(back != NULL);
        answers(back, &d, NULL, one + 2 * d.n);
        answers(back, &d, "https://www.a.com:8080/x", one + 3 * d.n);
        FUZZ_CHECK(!memcmp(one, one + 2 * d.n, 2 * (size_t)d.n * sizeof *one));
        px_adblock_free(back);
    }
    /* The input as a cache file. */
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    fwrite(data, 1, size, f);
    fclose(f);
    px_adblock *any = px_adblock_load(&a, path, "k");
    if (any) {
        answers(any, &d, NULL, one);
        px_adblock_free(any);
    }
    remove(path);
    free(one);
    px_doc_free(&d);
    px_adblock_free(ab);
    return 0;
}
