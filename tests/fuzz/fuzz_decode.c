/*
 * Fuzz target: the decoder, px_decode, and the label lookup.
 *
 * Each input is decoded twice: once with no hint (BOM, <meta> prescan,
 * UTF-8 or windows-1252) and once with a hint chosen by the first byte:
 *   bit 7 clear  a label from the table below (including NULL, labels
 *                with odd case and spaces, and labels pith cannot decode)
 *   bit 7 set    the next (byte & 31) bytes of the input, verbatim, as the
 *                label
 * The rest of the input is the document. The output must be valid,
 * NUL-free UTF-8 with a NUL after it, as decode.h promises.
 */
#include "fuzz_common.h"
#include "alloc.h"
#include "decode.h"

static const char *const labels[] = {
    NULL, "utf-8", "UTF8", " unicode-1-1-utf-8\t", "utf-16le", "utf-16be",
    "utf-16", "windows-1252", "latin1", "iso-8859-2", "iso-8859-8-i",
    "windows-1251", "koi8-r", "koi8-u", "macintosh", "x-mac-cyrillic",
    "windows-874", "shift_jis", "euc-jp", "iso-2022-jp", "gbk", "gb18030",
    "big5", "euc-kr", "x-user-defined", "replacement", "iso-2022-kr",
    "hz-gb-2312", "bogus", "", "ibm866", "windows-1258",
};

static void check(const px_alloc *a, const char *in, size_t len, const char *hint)
{
    char *out = (char *)&out;
    size_t out_len = 12345;
    const char *charset = "unset";
    pith_error err = {0, ""};
    int rc = px_decode(a, in, len, hint, &out, &out_len, &charset, &err);
    if (rc == PITH_OK) {
        FUZZ_CHECK(out != NULL && charset != NULL);
        FUZZ_CHECK(out[out_len] == '\0');
        FUZZ_CHECK(memchr(out, '\0', out_len) == NULL);
        FUZZ_CHECK(fuzz_valid_utf8(out, out_len));
        /* Decoding takes at most 3 bytes of UTF-8 per input byte, plus a
         * U+FFFD for a sequence cut off by the end. */
        FUZZ_CHECK(out_len <= 3 * len + 4);
        px_free(a, out);
    } else {
        FUZZ_CHECK(rc == PITH_ERR_INPUT || rc == PITH_ERR_NOMEM);
        FUZZ_CHECK(out == NULL && out_len == 0 && charset == NULL);
        FUZZ_CHECK((int)err.code == rc && err.message[0]);
        FUZZ_CHECK(fuzz_one_line(err.message, sizeof err.message));
        /* Without a hint nothing can be refused but memory. */
        FUZZ_CHECK(hint != NULL || rc == PITH_ERR_NOMEM);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    px_alloc a;
    px_alloc_init(&a, NULL);
    if (size == 0) {
        check(&a, "", 0, NULL);
        return 0;
    }
    unsigned ctl = data[0];
    const char *in = (const char *)data + 1;
    size_t len = size - 1;
    char label[32];
    const char *hint;
    if (ctl & 0x80) {
        size_t n = ctl & 31;
        if (n > len)
            n = len;
        memcpy(label, in, n);
        label[n] = '\0';
        in += n;
        len -= n;
        hint = label;
        const char *canon = px_encoding_lookup(label, n);
        FUZZ_CHECK(canon == NULL || *canon);
    } else {
        hint = labels[ctl % (sizeof labels / sizeof *labels)];
    }
    check(&a, in, len, NULL);
    if (hint)
        check(&a, in, len, hint);
    return 0;
}
