/* Stage 0, sniff: see sniff.h. */
#include "sniff.h"

#include <string.h>

/* File signatures (magic numbers) of the formats a scraper most often
 * saves by mistake in place of a page. */
static const struct {
    char magic[12];
    size_t len;
    char what[48];
} signatures[] = {
    {"\x89PNG\r\n\x1a\n", 8, "a PNG image"},
    {"GIF87a", 6, "a GIF image"},
    {"GIF89a", 6, "a GIF image"},
    {"\xff\xd8\xff", 3, "a JPEG image"},
    {"%PDF-", 5, "a PDF document"},
    {"\x1f\x8b", 2, "gzip-compressed data (decompress it first)"},
    {"\x28\xb5\x2f\xfd", 4, "zstd-compressed data (decompress it first)"},
    {"\xfd" "7zXZ", 6, "xz-compressed data (decompress it first)"},
    {"PK\x03\x04", 4, "a ZIP archive"},
    {"\x7f" "ELF", 4, "an executable"},
    {"wOFF", 4, "a web font"},
    {"wOF2", 4, "a web font"},
    {"\x1a\x45\xdf\xa3", 4, "a video"},
    {"OggS", 4, "an Ogg media file"},
};

/* The byte-order marks of UTF-8 and UTF-16: whatever follows is text. */
static const struct {
    char bom[4];
    size_t len;
} boms[] = {{"\xef\xbb\xbf", 3}, {"\xfe\xff", 2}, {"\xff\xfe", 2}};

/* The "binary data bytes" of the WHATWG MIME Sniffing standard: control
 * characters that no text format uses (ESC is left out: ISO-2022-JP
 * needs it). */
static int is_binary_byte(unsigned char c)
{
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F);
}

const char *px_sniff_binary(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof boms / sizeof *boms; i++)
        if (n >= boms[i].len && !memcmp(s, boms[i].bom, boms[i].len))
            return NULL;
    for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++)
        if (n >= signatures[i].len && !memcmp(s, signatures[i].magic, signatures[i].len))
            return signatures[i].what;
    /* A stray NUL in a page is damage that pith reads past; one byte in
     * twenty is no longer text (random bytes give about one in ten). */
    size_t window = n < 1024 ? n : 1024, count = 0;
    for (size_t i = 0; i < window; i++)
        count += (size_t)is_binary_byte((unsigned char)s[i]);
    return window && count * 20 > window ? "binary data" : NULL;
}
