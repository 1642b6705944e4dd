/* Encoding detection and conversion to UTF-8.
 *
 * Detection follows the HTML and Encoding standards so pith reads a page the
 * way a browser does; conversion of legacy multi-byte encodings is left to
 * iconv, while UTF-8, UTF-16, windows-1252 and x-user-defined are done by
 * hand because they are common (or glibc disagrees with browsers on them).
 * Over 700 lines, but one idea, bytes to UTF-8: most of it is the WHATWG
 * label table, which is data. */
#include "decode.h"
#include "ascii.h"
#include "dynlib.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define REPLACEMENT_CHAR "\xEF\xBF\xBD"
#define PRESCAN_LIMIT 1024 /* bytes, as the HTML standard suggests */
/* Browsers also honour a <meta charset> the parser meets later, while the
 * encoding is still a guess ("change the encoding"): pages behind a long
 * preamble of scripts (web archives add one) declare theirs past byte 1024.
 * pith looks that far only when the bytes are not UTF-8, the guess that a
 * late declaration would most often correct. */
#define LATE_META_LIMIT 65536

/* ------------------------------------------------------------------ */
/* Encodings and labels                                                */

enum kind {
    K_UTF8,
    K_UTF16LE,
    K_UTF16BE,
    K_WIN1252,
    K_USER,        /* x-user-defined */
    K_REPLACEMENT, /* labels browsers refuse to decode, for safety */
    K_ICONV
};

/* Names as arrays, not pointers: pointers in a table are written by the
 * loader at every start, a page copied for each page they fill
 * (bench/RESULTS.md, start-up). */
#define ENC_NAME 16 /* longer than any name below */
typedef struct encoding {
    char name[ENC_NAME];     /* WHATWG canonical name */
    enum kind kind;
    char iconv[2][ENC_NAME]; /* glibc names, best match with browsers first; "": none */
    uint32_t lone80;         /* code point for a byte 0x80 iconv rejects, or 0 */
} encoding;

enum {
    E_UTF8, E_IBM866, E_ISO8859_2, E_ISO8859_3, E_ISO8859_4, E_ISO8859_5,
    E_ISO8859_6, E_ISO8859_7, E_ISO8859_8, E_ISO8859_8I, E_ISO8859_10,
    E_ISO8859_13, E_ISO8859_14, E_ISO8859_15, E_ISO8859_16, E_KOI8R, E_KOI8U,
    E_MACINTOSH, E_WIN874, E_WIN1250, E_WIN1251, E_WIN1252, E_WIN1253,
    E_WIN1254, E_WIN1255, E_WIN1256, E_WIN1257, E_WIN1258, E_MACCYR, E_GBK,
    E_GB18030, E_BIG5, E_EUCJP, E_ISO2022JP, E_SJIS, E_EUCKR, E_REPLACEMENT,
    E_UTF16BE, E_UTF16LE, E_USER
};

/* Where glibc's plain names differ from what browsers decode, a superset
 * comes first: CP932 keeps 0x5C a backslash and has the NEC/IBM rows that
 * SHIFT_JIS lacks, GB18030 is how browsers decode GBK, CP949 is what pages
 * labelled EUC-KR really use, ISO-2022-JP-3 knows the katakana escape. */
static const encoding encodings[] = {
    [E_UTF8] = {"UTF-8", K_UTF8, {"", ""}, 0},
    [E_IBM866] = {"IBM866", K_ICONV, {"CP866", ""}, 0},
    [E_ISO8859_2] = {"ISO-8859-2", K_ICONV, {"ISO-8859-2", ""}, 0},
    [E_ISO8859_3] = {"ISO-8859-3", K_ICONV, {"ISO-8859-3", ""}, 0},
    [E_ISO8859_4] = {"ISO-8859-4", K_ICONV, {"ISO-8859-4", ""}, 0},
    [E_ISO8859_5] = {"ISO-8859-5", K_ICONV, {"ISO-8859-5", ""}, 0},
    [E_ISO8859_6] = {"ISO-8859-6", K_ICONV, {"ISO-8859-6", ""}, 0},
    [E_ISO8859_7] = {"ISO-8859-7", K_ICONV, {"ISO-8859-7", ""}, 0},
    [E_ISO8859_8] = {"ISO-8859-8", K_ICONV, {"ISO-8859-8", ""}, 0},
    [E_ISO8859_8I] = {"ISO-8859-8-I", K_ICONV, {"ISO-8859-8", ""}, 0},
    [E_ISO8859_10] = {"ISO-8859-10", K_ICONV, {"ISO-8859-10", ""}, 0},
    [E_ISO8859_13] = {"ISO-8859-13", K_ICONV, {"ISO-8859-13", ""}, 0},
    [E_ISO8859_14] = {"ISO-8859-14", K_ICONV, {"ISO-8859-14", ""}, 0},
    [E_ISO8859_15] = {"ISO-8859-15", K_ICONV, {"ISO-8859-15", ""}, 0},
    [E_ISO8859_16] = {"ISO-8859-16", K_ICONV, {"ISO-8859-16", ""}, 0},
    [E_KOI8R] = {"KOI8-R", K_ICONV, {"KOI8-R", ""}, 0},
    [E_KOI8U] = {"KOI8-U", K_ICONV, {"KOI8-U", ""}, 0},
    [E_MACINTOSH] = {"macintosh", K_ICONV, {"MACINTOSH", ""}, 0},
    [E_WIN874] = {"windows-874", K_ICONV, {"CP874", ""}, 0},
    [E_WIN1250] = {"windows-1250", K_ICONV, {"CP1250", ""}, 0},
    [E_WIN1251] = {"windows-1251", K_ICONV, {"CP1251", ""}, 0},
    [E_WIN1252] = {"windows-1252", K_WIN1252, {"", ""}, 0},
    [E_WIN1253] = {"windows-1253", K_ICONV, {"CP1253", ""}, 0},
    [E_WIN1254] = {"windows-1254", K_ICONV, {"CP1254", ""}, 0},
    [E_WIN1255] = {"windows-1255", K_ICONV, {"CP1255", ""}, 0},
    [E_WIN1256] = {"windows-1256", K_ICONV, {"CP1256", ""}, 0},
    [E_WIN1257] = {"windows-1257", K_ICONV, {"CP1257", ""}, 0},
    [E_WIN1258] = {"windows-1258", K_ICONV, {"CP1258", ""}, 0},
    [E_MACCYR] = {"x-mac-cyrillic", K_ICONV, {"MAC-CYRILLIC", ""}, 0},
    [E_GBK] = {"GBK", K_ICONV, {"GB18030", "GBK"}, 0x20AC},
    [E_GB18030] = {"gb18030", K_ICONV, {"GB18030", ""}, 0x20AC},
    [E_BIG5] = {"Big5", K_ICONV, {"BIG5-HKSCS", "BIG5"}, 0},
    [E_EUCJP] = {"EUC-JP", K_ICONV, {"EUC-JP-MS", "EUC-JP"}, 0},
    [E_ISO2022JP] = {"ISO-2022-JP", K_ICONV, {"ISO-2022-JP-3", "ISO-2022-JP"}, 0},
    [E_SJIS] = {"Shift_JIS", K_ICONV, {"CP932", "SHIFT_JIS"}, 0},
    [E_EUCKR] = {"EUC-KR", K_ICONV, {"CP949", "EUC-KR"}, 0},
    [E_REPLACEMENT] = {"replacement", K_REPLACEMENT, {"", ""}, 0},
    [E_UTF16BE] = {"UTF-16BE", K_UTF16BE, {"", ""}, 0},
    [E_UTF16LE] = {"UTF-16LE", K_UTF16LE, {"", ""}, 0},
    [E_USER] = {"x-user-defined", K_USER, {"", ""}, 0},
};

#define LABEL_MAX 24 /* longer than any label below */
typedef struct label_entry {
    char label[LABEL_MAX];
    unsigned char enc;
} label_entry;

/* https://encoding.spec.whatwg.org/#names-and-labels, sorted by strcmp for
 * bsearch. */
static const label_entry labels[] = {
    {"866", E_IBM866},
    {"ansi_x3.4-1968", E_WIN1252},
    {"arabic", E_ISO8859_6},
    {"ascii", E_WIN1252},
    {"asmo-708", E_ISO8859_6},
    {"big5", E_BIG5},
    {"big5-hkscs", E_BIG5},
    {"chinese", E_GBK},
    {"cn-big5", E_BIG5},
    {"cp1250", E_WIN1250},
    {"cp1251", E_WIN1251},
    {"cp1252", E_WIN1252},
    {"cp1253", E_WIN1253},
    {"cp1254", E_WIN1254},
    {"cp1255", E_WIN1255},
    {"cp1256", E_WIN1256},
    {"cp1257", E_WIN1257},
    {"cp1258", E_WIN1258},
    {"cp819", E_WIN1252},
    {"cp866", E_IBM866},
    {"csbig5", E_BIG5},
    {"cseuckr", E_EUCKR},
    {"cseucpkdfmtjapanese", E_EUCJP},
    {"csgb2312", E_GBK},
    {"csibm866", E_IBM866},
    {"csiso2022jp", E_ISO2022JP},
    {"csiso2022kr", E_REPLACEMENT},
    {"csiso58gb231280", E_GBK},
    {"csiso88596e", E_ISO8859_6},
    {"csiso88596i", E_ISO8859_6},
    {"csiso88598e", E_ISO8859_8},
    {"csiso88598i", E_ISO8859_8I},
    {"csisolatin1", E_WIN1252},
    {"csisolatin2", E_ISO8859_2},
    {"csisolatin3", E_ISO8859_3},
    {"csisolatin4", E_ISO8859_4},
    {"csisolatin5", E_WIN1254},
    {"csisolatin6", E_ISO8859_10},
    {"csisolatin9", E_ISO8859_15},
    {"csisolatinarabic", E_ISO8859_6},
    {"csisolatincyrillic", E_ISO8859_5},
    {"csisolatingreek", E_ISO8859_7},
    {"csisolatinhebrew", E_ISO8859_8},
    {"cskoi8r", E_KOI8R},
    {"csksc56011987", E_EUCKR},
    {"csmacintosh", E_MACINTOSH},
    {"csshiftjis", E_SJIS},
    {"csunicode", E_UTF16LE},
    {"cyrillic", E_ISO8859_5},
    {"dos-874", E_WIN874},
    {"ecma-114", E_ISO8859_6},
    {"ecma-118", E_ISO8859_7},
    {"elot_928", E_ISO8859_7},
    {"euc-jp", E_EUCJP},
    {"euc-kr", E_EUCKR},
    {"gb18030", E_GB18030},
    {"gb2312", E_GBK},
    {"gb_2312", E_GBK},
    {"gb_2312-80", E_GBK},
    {"gbk", E_GBK},
    {"greek", E_ISO8859_7},
    {"greek8", E_ISO8859_7},
    {"hebrew", E_ISO8859_8},
    {"hz-gb-2312", E_REPLACEMENT},
    {"ibm819", E_WIN1252},
    {"ibm866", E_IBM866},
    {"iso-10646-ucs-2", E_UTF16LE},
    {"iso-2022-cn", E_REPLACEMENT},
    {"iso-2022-cn-ext", E_REPLACEMENT},
    {"iso-2022-jp", E_ISO2022JP},
    {"iso-2022-kr", E_REPLACEMENT},
    {"iso-8859-1", E_WIN1252},
    {"iso-8859-10", E_ISO8859_10},
    {"iso-8859-11", E_WIN874},
    {"iso-8859-13", E_ISO8859_13},
    {"iso-8859-14", E_ISO8859_14},
    {"iso-8859-15", E_ISO8859_15},
    {"iso-8859-16", E_ISO8859_16},
    {"iso-8859-2", E_ISO8859_2},
    {"iso-8859-3", E_ISO8859_3},
    {"iso-8859-4", E_ISO8859_4},
    {"iso-8859-5", E_ISO8859_5},
    {"iso-8859-6", E_ISO8859_6},
    {"iso-8859-6-e", E_ISO8859_6},
    {"iso-8859-6-i", E_ISO8859_6},
    {"iso-8859-7", E_ISO8859_7},
    {"iso-8859-8", E_ISO8859_8},
    {"iso-8859-8-e", E_ISO8859_8},
    {"iso-8859-8-i", E_ISO8859_8I},
    {"iso-8859-9", E_WIN1254},
    {"iso-ir-100", E_WIN1252},
    {"iso-ir-101", E_ISO8859_2},
    {"iso-ir-109", E_ISO8859_3},
    {"iso-ir-110", E_ISO8859_4},
    {"iso-ir-126", E_ISO8859_7},
    {"iso-ir-127", E_ISO8859_6},
    {"iso-ir-138", E_ISO8859_8},
    {"iso-ir-144", E_ISO8859_5},
    {"iso-ir-148", E_WIN1254},
    {"iso-ir-149", E_EUCKR},
    {"iso-ir-157", E_ISO8859_10},
    {"iso-ir-58", E_GBK},
    {"iso8859-1", E_WIN1252},
    {"iso8859-10", E_ISO8859_10},
    {"iso8859-11", E_WIN874},
    {"iso8859-13", E_ISO8859_13},
    {"iso8859-14", E_ISO8859_14},
    {"iso8859-15", E_ISO8859_15},
    {"iso8859-2", E_ISO8859_2},
    {"iso8859-3", E_ISO8859_3},
    {"iso8859-4", E_ISO8859_4},
    {"iso8859-5", E_ISO8859_5},
    {"iso8859-6", E_ISO8859_6},
    {"iso8859-7", E_ISO8859_7},
    {"iso8859-8", E_ISO8859_8},
    {"iso8859-9", E_WIN1254},
    {"iso88591", E_WIN1252},
    {"iso885910", E_ISO8859_10},
    {"iso885911", E_WIN874},
    {"iso885913", E_ISO8859_13},
    {"iso885914", E_ISO8859_14},
    {"iso885915", E_ISO8859_15},
    {"iso88592", E_ISO8859_2},
    {"iso88593", E_ISO8859_3},
    {"iso88594", E_ISO8859_4},
    {"iso88595", E_ISO8859_5},
    {"iso88596", E_ISO8859_6},
    {"iso88597", E_ISO8859_7},
    {"iso88598", E_ISO8859_8},
    {"iso88599", E_WIN1254},
    {"iso_8859-1", E_WIN1252},
    {"iso_8859-15", E_ISO8859_15},
    {"iso_8859-1:1987", E_WIN1252},
    {"iso_8859-2", E_ISO8859_2},
    {"iso_8859-2:1987", E_ISO8859_2},
    {"iso_8859-3", E_ISO8859_3},
    {"iso_8859-3:1988", E_ISO8859_3},
    {"iso_8859-4", E_ISO8859_4},
    {"iso_8859-4:1988", E_ISO8859_4},
    {"iso_8859-5", E_ISO8859_5},
    {"iso_8859-5:1988", E_ISO8859_5},
    {"iso_8859-6", E_ISO8859_6},
    {"iso_8859-6:1987", E_ISO8859_6},
    {"iso_8859-7", E_ISO8859_7},
    {"iso_8859-7:1987", E_ISO8859_7},
    {"iso_8859-8", E_ISO8859_8},
    {"iso_8859-8:1988", E_ISO8859_8},
    {"iso_8859-9", E_WIN1254},
    {"iso_8859-9:1989", E_WIN1254},
    {"koi", E_KOI8R},
    {"koi8", E_KOI8R},
    {"koi8-r", E_KOI8R},
    {"koi8-ru", E_KOI8U},
    {"koi8-u", E_KOI8U},
    {"koi8_r", E_KOI8R},
    {"korean", E_EUCKR},
    {"ks_c_5601-1987", E_EUCKR},
    {"ks_c_5601-1989", E_EUCKR},
    {"ksc5601", E_EUCKR},
    {"ksc_5601", E_EUCKR},
    {"l1", E_WIN1252},
    {"l2", E_ISO8859_2},
    {"l3", E_ISO8859_3},
    {"l4", E_ISO8859_4},
    {"l5", E_WIN1254},
    {"l6", E_ISO8859_10},
    {"l9", E_ISO8859_15},
    {"latin1", E_WIN1252},
    {"latin2", E_ISO8859_2},
    {"latin3", E_ISO8859_3},
    {"latin4", E_ISO8859_4},
    {"latin5", E_WIN1254},
    {"latin6", E_ISO8859_10},
    {"logical", E_ISO8859_8I},
    {"mac", E_MACINTOSH},
    {"macintosh", E_MACINTOSH},
    {"ms932", E_SJIS},
    {"ms_kanji", E_SJIS},
    {"replacement", E_REPLACEMENT},
    {"shift-jis", E_SJIS},
    {"shift_jis", E_SJIS},
    {"sjis", E_SJIS},
    {"sun_eu_greek", E_ISO8859_7},
    {"tis-620", E_WIN874},
    {"ucs-2", E_UTF16LE},
    {"unicode", E_UTF16LE},
    {"unicode-1-1-utf-8", E_UTF8},
    {"unicode11utf8", E_UTF8},
    {"unicode20utf8", E_UTF8},
    {"unicodefeff", E_UTF16LE},
    {"unicodefffe", E_UTF16BE},
    {"us-ascii", E_WIN1252},
    {"utf-16", E_UTF16LE},
    {"utf-16be", E_UTF16BE},
    {"utf-16le", E_UTF16LE},
    {"utf-8", E_UTF8},
    {"utf8", E_UTF8},
    {"visual", E_ISO8859_8},
    {"windows-1250", E_WIN1250},
    {"windows-1251", E_WIN1251},
    {"windows-1252", E_WIN1252},
    {"windows-1253", E_WIN1253},
    {"windows-1254", E_WIN1254},
    {"windows-1255", E_WIN1255},
    {"windows-1256", E_WIN1256},
    {"windows-1257", E_WIN1257},
    {"windows-1258", E_WIN1258},
    {"windows-31j", E_SJIS},
    {"windows-874", E_WIN874},
    {"windows-949", E_EUCKR},
    {"x-cp1250", E_WIN1250},
    {"x-cp1251", E_WIN1251},
    {"x-cp1252", E_WIN1252},
    {"x-cp1253", E_WIN1253},
    {"x-cp1254", E_WIN1254},
    {"x-cp1255", E_WIN1255},
    {"x-cp1256", E_WIN1256},
    {"x-cp1257", E_WIN1257},
    {"x-cp1258", E_WIN1258},
    {"x-euc-jp", E_EUCJP},
    {"x-gbk", E_GBK},
    {"x-mac-cyrillic", E_MACCYR},
    {"x-mac-roman", E_MACINTOSH},
    {"x-mac-ukrainian", E_MACCYR},
    {"x-sjis", E_SJIS},
    {"x-unicode20utf8", E_UTF8},
    {"x-user-defined", E_USER},
    {"x-x-big5", E_BIG5},
};


static bool is_ws(unsigned char c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

static int label_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const label_entry *)elem)->label);
}

static const encoding *lookup(const unsigned char *s, size_t n)
{
    char key[LABEL_MAX];
    while (n && is_ws(s[0]))
        s++, n--;
    while (n && is_ws(s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof key)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 0 || s[i] >= 0x80)
            return NULL; /* no label has them; a NUL would cut the key */
        key[i] = (char)px_ascii_lower(s[i]);
    }
    key[n] = '\0';
    const label_entry *l = bsearch(key, labels, sizeof labels / sizeof labels[0],
                             sizeof labels[0], label_cmp);
    return l ? &encodings[l->enc] : NULL;
}

const char *px_encoding_lookup(const char *label, size_t len)
{
    const encoding *e = label ? lookup((const unsigned char *)label, len) : NULL;
    return e ? e->name : NULL;
}

/* ------------------------------------------------------------------ */
/* Prescan: https://html.spec.whatwg.org/#prescan-a-byte-stream-to-determine-its-encoding */

typedef struct span {
    const unsigned char *p;
    size_t n;
} span;

typedef struct scan {
    const unsigned char *s;
    size_t pos, end;
} scan;

enum attr_result { ATTR_NONE, ATTR_FOUND, ATTR_EOF };
enum step { STEP_NEXT, STEP_FOUND, STEP_EOF };

static bool span_is(span v, const char *lit)
{
    size_t n = strlen(lit);
    if (v.n != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (px_ascii_lower(v.p[i]) != (unsigned char)lit[i])
            return false;
    return true;
}

static bool has_prefix_ci(const unsigned char *p, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && span_is((span){p, k}, lit);
}

static size_t skip_ws(const unsigned char *s, size_t i, size_t end)
{
    while (i < end && is_ws(s[i]))
        i++;
    return i;
}

/* The attribute value after '=' (and any spaces) at s[i]. */
static enum attr_result get_value(scan *sc, size_t i, span *value)
{
    const unsigned char *s = sc->s;
    if (s[i] == '"' || s[i] == '\'') {
        const unsigned char *q = memchr(s + i + 1, s[i], sc->end - i - 1);
        if (!q)
            return ATTR_EOF;
        *value = (span){s + i + 1, (size_t)(q - s) - i - 1};
        sc->pos = (size_t)(q - s) + 1;
        return ATTR_FOUND;
    }
    size_t v = i;
    if (s[i] != '>')
        while (i < sc->end && !is_ws(s[i]) && s[i] != '>')
            i++;
    if (i >= sc->end)
        return ATTR_EOF;
    *value = (span){s + v, i - v};
    sc->pos = i;
    return ATTR_FOUND;
}

/* "Get an attribute": names and values are left as spans of the input and
 * compared case-insensitively later, which is what lowercasing them amounts
 * to. */
static enum attr_result get_attr(scan *sc, span *name, span *value)
{
    const unsigned char *s = sc->s;
    size_t i = sc->pos, end = sc->end;
    while (i < end && (is_ws(s[i]) || s[i] == '/'))
        i++;
    if (i >= end)
        return ATTR_EOF;
    sc->pos = i;
    if (s[i] == '>')
        return ATTR_NONE;
    size_t n0 = i++; /* the first byte is part of the name, even '=' */
    while (i < end && s[i] != '=' && !is_ws(s[i]) && s[i] != '/' && s[i] != '>')
        i++;
    *name = (span){s + n0, i - n0};
    *value = (span){s + i, 0};
    i = skip_ws(s, i, end);
    if (i >= end)
        return ATTR_EOF;
    if (s[i] != '=') {
        sc->pos = i; /* a valueless attribute */
        return ATTR_FOUND;
    }
    i = skip_ws(s, i + 1, end);
    if (i >= end)
        return ATTR_EOF;
    return get_value(sc, i, value);
}

/* "Extracting a character encoding from a meta element". */
static const encoding *from_content(span v)
{
    const unsigned char *p = v.p;
    size_t n = v.n, i = 0;
    for (;;) {
        while (i < n && !has_prefix_ci(p + i, n - i, "charset"))
            i++;
        if (i >= n)
            return NULL;
        i = skip_ws(p, i + 7, n);
        if (i < n && p[i] == '=')
            break;
    }
    i = skip_ws(p, i + 1, n);
    if (i >= n)
        return NULL;
    if (p[i] == '"' || p[i] == '\'') {
        const unsigned char *q = memchr(p + i + 1, p[i], n - i - 1);
        return q ? lookup(p + i + 1, (size_t)(q - p) - i - 1) : NULL;
    }
    size_t j = i;
    while (j < n && !is_ws(p[j]) && p[j] != ';')
        j++;
    return lookup(p + i, j - i);
}

enum { A_HTTP_EQUIV = 1, A_CONTENT = 2, A_CHARSET = 4 };

typedef struct meta_state {
    unsigned seen;
    bool got_pragma;
    int need_pragma;        /* -1 until an attribute sets it */
    bool have_charset;      /* charset is set, possibly to failure (NULL) */
    const encoding *charset;
} meta_state;

static void meta_attr(meta_state *m, span name, span value)
{
    static const struct {
        char name[12];
        unsigned bit;
    } interesting[] = {
        {"http-equiv", A_HTTP_EQUIV}, {"content", A_CONTENT}, {"charset", A_CHARSET}};
    unsigned bit = 0;
    for (size_t k = 0; k < sizeof interesting / sizeof interesting[0]; k++)
        if (span_is(name, interesting[k].name))
            bit = interesting[k].bit;
    if (!bit || (m->seen & bit))
        return; /* only the first of duplicate attributes counts */
    m->seen |= bit;
    if (bit == A_HTTP_EQUIV) {
        m->got_pragma = span_is(value, "content-type");
    } else if (bit == A_CONTENT) {
        const encoding *e = from_content(value);
        if (e && !m->have_charset) {
            m->charset = e;
            m->have_charset = true;
            m->need_pragma = 1;
        }
    } else {
        m->charset = lookup(value.p, value.n);
        m->have_charset = true;
        m->need_pragma = 0;
    }
}

static enum step scan_meta(scan *sc, const encoding **found)
{
    meta_state m = {0, false, -1, false, NULL};
    span name, value;
    enum attr_result r;
    sc->pos += 6; /* "<meta" and the space or slash after it */
    while ((r = get_attr(sc, &name, &value)) == ATTR_FOUND)
        meta_attr(&m, name, value);
    if (r == ATTR_EOF)
        return STEP_EOF;
    if (m.need_pragma < 0 || (m.need_pragma && !m.got_pragma) || !m.charset)
        return STEP_NEXT;
    /* A page cannot really be UTF-16 if its ASCII bytes were readable. */
    if (m.charset->kind == K_UTF16LE || m.charset->kind == K_UTF16BE)
        m.charset = &encodings[E_UTF8];
    else if (m.charset->kind == K_USER)
        m.charset = &encodings[E_WIN1252];
    *found = m.charset;
    return STEP_FOUND;
}

/* A start or end tag other than <meta>: its attributes may hold a '>'. */
static enum step skip_tag(scan *sc)
{
    const unsigned char *s = sc->s;
    span name, value;
    enum attr_result r;
    while (sc->pos < sc->end && !is_ws(s[sc->pos]) && s[sc->pos] != '>')
        sc->pos++;
    while ((r = get_attr(sc, &name, &value)) == ATTR_FOUND)
        ;
    return r == ATTR_EOF ? STEP_EOF : STEP_NEXT;
}

/* Leaves pos on the '>' of the first match of stop at or after from. */
static enum step skip_past(scan *sc, size_t from, const char *stop)
{
    size_t k = strlen(stop);
    for (size_t i = from; i + k <= sc->end; i++) {
        if (memcmp(sc->s + i, stop, k) == 0) {
            sc->pos = i + k - 1;
            return STEP_NEXT;
        }
    }
    return STEP_EOF;
}

static enum step scan_at(scan *sc, const encoding **found)
{
    const unsigned char *p = sc->s + sc->pos;
    size_t left = sc->end - sc->pos;
    if (has_prefix_ci(p, left, "<!--"))
        return skip_past(sc, sc->pos + 2, "-->"); /* "<!-->" is a whole comment */
    if (has_prefix_ci(p, left, "<meta") && left > 5 && (is_ws(p[5]) || p[5] == '/'))
        return scan_meta(sc, found);
    if (left > 1 && px_ascii_is_alpha(p[1]))
        return skip_tag(sc);
    if (left > 2 && p[1] == '/' && px_ascii_is_alpha(p[2]))
        return skip_tag(sc);
    if (left > 1 && (p[1] == '!' || p[1] == '/' || p[1] == '?'))
        return skip_past(sc, sc->pos + 1, ">");
    return STEP_NEXT;
}

static const encoding *prescan(const unsigned char *s, size_t len, size_t limit)
{
    scan sc = {s, 0, len < limit ? len : limit};
    const encoding *found = NULL;
    for (;;) {
        const unsigned char *lt = memchr(s + sc.pos, '<', sc.end - sc.pos);
        if (!lt)
            return NULL;
        sc.pos = (size_t)(lt - s);
        enum step st = scan_at(&sc, &found);
        if (st != STEP_NEXT)
            return found;
        sc.pos++;
    }
}

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

/* Well-formed sequences per Unicode Table 3-7: the tight second-byte
 * ranges are what reject overlongs, surrogates and values past U+10FFFF. */
static const struct utf8_lead {
    unsigned char more, lo, hi; /* continuation bytes; range of the first */
} utf8_leads[] = {
    {0, 0, 0},       /* not a lead byte */
    {1, 0x80, 0xBF}, /* C2..DF */
    {2, 0xA0, 0xBF}, /* E0 */
    {2, 0x80, 0xBF}, /* E1..EC, EE..EF */
    {2, 0x80, 0x9F}, /* ED */
    {3, 0x90, 0xBF}, /* F0 */
    {3, 0x80, 0xBF}, /* F1..F3 */
    {3, 0x80, 0x8F}, /* F4 */
};

/* Index into utf8_leads for bytes 0x80..0xFF. */
static const unsigned char utf8_class[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 80 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 90 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* A0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* B0 */
    0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* C0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* D0 */
    2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, /* E0 */
    5, 6, 6, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* F0 */
};

/* Length of the leading run of ASCII (and, if stop_nul, non-NUL) bytes,
 * a word at a time since most of a page is ASCII markup. */
static size_t ascii_run(const unsigned char *s, size_t n, bool stop_nul)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
#ifdef __SSE2__
    /* Sixteen at a time where the compiler has SSE2 (every x86-64): the
     * byte tests of every page's every byte, once (put_utf8) or twice. */
    for (const __m128i zero = _mm_setzero_si128(); n - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        int stop = _mm_movemask_epi8(v);
        if (stop_nul)
            stop |= _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
        if (stop)
            break;
    }
#endif
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t stop = w & highs;
        if (stop_nul)
            stop |= (w - ones) & ~w & highs; /* a zero byte */
        if (stop)
            break;
    }
    while (i < n && s[i] < 0x80 && (s[i] || !stop_nul))
        i++;
    return i;
}

/* Length of the well-formed sequence at s (n > 0), or 0 with *bad set to the
 * length of its maximal ill-formed subpart, which becomes one U+FFFD. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
    if (s[0] < 0x80)
        return 1;
    const struct utf8_lead *l = &utf8_leads[utf8_class[s[0] - 0x80]];
    *bad = 1;
    if (l->more == 0 || n < 2 || s[1] < l->lo || s[1] > l->hi)
        return 0;
    for (size_t i = 2; i <= l->more; i++) {
        if (i >= n || (s[i] & 0xC0) != 0x80) {
            *bad = i;
            return 0;
        }
    }
    return (size_t)l->more + 1;
}

/* True for valid UTF-8. Also true when only the last sequence is cut short
 * and an earlier one was complete: a truncated download of a UTF-8 page
 * should not become mojibake, but "caf\xE9" alone is still latin.
 * *multibyte (may be NULL) says whether a sequence of two or more bytes
 * was seen: ASCII alone is valid in every encoding a page declares.
 * *valid (may be NULL): how many bytes from the start are well formed. */
static bool looks_utf8(const unsigned char *s, size_t n, bool *multibyte, size_t *valid)
{
    size_t i = 0, bad = 0;
    bool seen_multibyte = false, ok = true;
    while ((i += ascii_run(s + i, n - i, false)) < n) {
        size_t k = utf8_seq(s + i, n - i, &bad);
        if (!k) {
            ok = seen_multibyte && i + bad == n && utf8_class[s[i] - 0x80] != 0;
            break;
        }
        seen_multibyte = true;
        i += k;
    }
    if (multibyte)
        *multibyte = seen_multibyte;
    if (valid)
        *valid = i < n ? i : n;
    return ok;
}

/* Copies valid runs as they are; NULs and ill-formed subparts become U+FFFD. */
static void put_utf8(px_buf *b, const unsigned char *s, size_t n)
{
    size_t i = 0, run = 0;
    while ((i += ascii_run(s + i, n - i, true)) < n) {
        size_t bad = 1, k = s[i] ? utf8_seq(s + i, n - i, &bad) : 0;
        if (k) {
            i += k;
            continue;
        }
        px_buf_append(b, (const char *)s + run, i - run);
        px_buf_append(b, REPLACEMENT_CHAR, 3);
        i += bad;
        run = i;
    }
    px_buf_append(b, (const char *)s + run, n - run);
}

/* Appends UTF-8 from iconv with each NUL replaced. */
static void put_nul_safe(px_buf *b, const char *s, size_t n)
{
    const char *nul;
    while ((nul = memchr(s, '\0', n)) != NULL) {
        px_buf_append(b, s, (size_t)(nul - s));
        px_buf_append(b, REPLACEMENT_CHAR, 3);
        n -= (size_t)(nul - s) + 1;
        s = nul + 1;
    }
    px_buf_append(b, s, n);
}

/* ------------------------------------------------------------------ */
/* Hand-written decoders                                               */

/* windows-1252 0x80..0x9F per WHATWG: the five bytes Windows leaves
 * undefined map to C1 controls, where glibc's CP1252 would fail. */
static const uint16_t win1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static uint32_t map_win1252(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? win1252_c1[c - 0x80] : c;
}

static uint32_t map_user(unsigned char c)
{
    return c < 0x80 ? c : 0xF780u + c - 0x80u;
}

static void put_single_byte(px_buf *b, const unsigned char *s, size_t n,
                            uint32_t (*map)(unsigned char))
{
    size_t i = 0;
    while (i < n) {
        size_t run = ascii_run(s + i, n - i, true);
        px_buf_append(b, (const char *)s + i, run);
        i += run;
        if (i < n)
            px_buf_put_cp(b, map(s[i++]));
    }
}

static uint32_t utf16_unit(const unsigned char *p, bool be)
{
    return be ? (uint32_t)p[0] << 8 | p[1] : (uint32_t)p[1] << 8 | p[0];
}

/* The WHATWG shared UTF-16 decoder: each unpaired surrogate is an error, and
 * so is an odd byte or a lead surrogate left at the end (once). */
static void put_utf16(px_buf *b, const unsigned char *s, size_t n, bool be)
{
    uint32_t lead = 0;
    size_t i = 0;
    for (; n - i >= 2; i += 2) {
        uint32_t u = utf16_unit(s + i, be);
        bool is_trail = u >= 0xDC00 && u <= 0xDFFF;
        if (lead && is_trail) {
            px_buf_put_cp(b, 0x10000 + ((lead - 0xD800) << 10) + (u - 0xDC00));
            lead = 0;
            continue;
        }
        if (lead)
            px_buf_put_cp(b, 0xFFFD);
        lead = u >= 0xD800 && u <= 0xDBFF ? u : 0;
        if (!lead)
            px_buf_put_cp(b, is_trail ? 0xFFFD : u);
    }
    if (lead || i < n)
        px_buf_put_cp(b, 0xFFFD);
}

/* ------------------------------------------------------------------ */
/* iconv                                                               */

static iconv_t open_iconv(const encoding *e)
{
    iconv_t cd = (iconv_t)-1;
    for (size_t k = 0; k < 2 && e->iconv[k][0] && cd == (iconv_t)-1; k++)
        cd = iconv_open("UTF-8", e->iconv[k]);
    return cd;
}

/* Longest sequence any supported encoding can leave unfinished at the end;
 * an EINVAL further from the end is treated as an ordinary bad byte. */
#define MAX_TRUNCATED 4

static void run_iconv(px_buf *b, iconv_t cd, const encoding *e,
                      const unsigned char *s, size_t n)
{
    char tmp[4096];
    char *in = (char *)s; /* iconv's prototype lacks const; it only reads */
    size_t left = n;
    for (;;) {
        char *out = tmp;
        size_t room = sizeof tmp;
        size_t r = iconv(cd, &in, &left, &out, &room);
        int e_no = errno;
        put_nul_safe(b, tmp, (size_t)(out - tmp));
        if (r != (size_t)-1 || b->oom)
            break;
        if (e_no == E2BIG)
            continue;
        if (e_no == EINVAL && left <= MAX_TRUNCATED) {
            px_buf_put_cp(b, 0xFFFD); /* a sequence cut off by the end */
            break;
        }
        /* Skipping one byte lets an ASCII byte that followed a bad lead
         * byte be read again as itself, as browsers do. */
        px_buf_put_cp(b, (unsigned char)*in == 0x80 && e->lone80 ? e->lone80 : 0xFFFD);
        in++;
        left--;
    }
    for (;;) { /* flush state, e.g. a Big5-HKSCS base awaiting a combiner */
        char *out = tmp;
        size_t room = sizeof tmp;
        size_t r = iconv(cd, NULL, NULL, &out, &room);
        put_nul_safe(b, tmp, (size_t)(out - tmp));
        if (r != (size_t)-1 || errno != E2BIG || b->oom)
            break;
    }
}

/* ------------------------------------------------------------------ */
/* Choosing and running a decoder                                      */

static const encoding *sniff_bom(const unsigned char *s, size_t n, size_t *skip)
{
    static const struct {
        char bytes[4];
        size_t len;
        int enc;
    } boms[] = {
        {"\xEF\xBB\xBF", 3, E_UTF8},
        {"\xFF\xFE", 2, E_UTF16LE},
        {"\xFE\xFF", 2, E_UTF16BE},
    };
    for (size_t k = 0; k < sizeof boms / sizeof boms[0]; k++) {
        if (n >= boms[k].len && memcmp(s, boms[k].bytes, boms[k].len) == 0) {
            *skip = boms[k].len;
            return &encodings[boms[k].enc];
        }
    }
    return NULL;
}

/* Bytes of the input uchardet reads: enough text to tell the scripts
 * apart, and a bound on its cost. */
#define GUESS_LIMIT (256 * 1024)
/* Non-ASCII bytes below which a guess is noise: a "caf\xE9" could be
 * Hebrew or Greek as well as French to the statistics. */
#define GUESS_MIN_HIGH 16

/* No label and not UTF-8: uchardet guesses from the byte statistics
 * (Cyrillic, Greek, CJK...). NULL when it has no answer or names an
 * encoding the WHATWG list lacks; then windows-1252 it is, as browsers
 * in most locales do. *no_guesser is set when uchardet could not be
 * loaded (src/util/dynlib.h). */
static const encoding *guess(const unsigned char *s, size_t n, bool *no_guesser)
{
    size_t len = n < GUESS_LIMIT ? n : GUESS_LIMIT, high = 0;
    for (size_t i = ascii_run(s, len, false); i < len && high < GUESS_MIN_HIGH;
         i += 1 + ascii_run(s + i + 1, len - i - 1, false))
        high++;
    if (high < GUESS_MIN_HIGH)
        return NULL; /* too little to go on, or ASCII, which reads the same */
    const px_uchardet_api *uc = px_uchardet();
    if (!uc) {
        *no_guesser = true; /* not installed: no guess, as when it has no answer */
        return NULL;
    }
    struct uchardet *ud = uc->create();
    if (!ud)
        return NULL;
    const encoding *e = NULL;
    if (uc->handle_data(ud, (const char *)s, len) == 0) {
        uc->data_end(ud);
        const char *cs = uc->get_charset(ud);
        e = cs && *cs ? lookup((const unsigned char *)cs, strlen(cs)) : NULL;
        /* uchardet's names for encodings the WHATWG list has under others. */
        static const struct { char name[16]; int enc; } aliases[] = {
            {"UHC", E_EUCKR}, {"MAC-CYRILLIC", E_MACCYR},
        };
        for (size_t k = 0; !e && cs && k < sizeof aliases / sizeof *aliases; k++)
            if (!strcmp(cs, aliases[k].name))
                e = &encodings[aliases[k].enc];
    }
    uc->destroy(ud);
    /* A guess of UTF-8 or UTF-16 on bytes that are not: keep the default. */
    if (e && e->kind != K_ICONV && e->kind != K_WIN1252)
        e = NULL;
    return e;
}

/* *valid: bytes from the start that choose found well-formed UTF-8 when it
 * chose UTF-8 for them (0 when it did not look). */
static int choose(const unsigned char *s, size_t n, const char *hint,
                  const encoding **e, size_t *skip, size_t *valid, enum px_decode_why *why,
                  pith_error *err)
{
    *skip = 0;
    *valid = 0;
    if ((*e = sniff_bom(s, n, skip)) != NULL) {
        *why = PX_DECODE_BOM;
        return PITH_OK;
    }
    if (hint) {
        *why = PX_DECODE_HINT;
        *e = lookup((const unsigned char *)hint, strlen(hint));
        if (!*e)
            return px_error(err, PITH_ERR_INPUT, "unknown encoding '%.100s'", hint);
        /* Browsers show such pages as one U+FFFD; a user who names the
         * encoding is better served by being told pith cannot read it. */
        if ((*e)->kind == K_REPLACEMENT)
            return px_error(err, PITH_ERR_INPUT, "encoding '%.100s' is not supported",
                            hint);
        return PITH_OK;
    }
    bool multibyte = false;
    if ((*e = prescan(s, n, PRESCAN_LIMIT)) != NULL) {
        *why = PX_DECODE_META;
        /* Scrapers save pages as UTF-8 and keep the old <meta>: a whole
         * input of valid UTF-8 with multi-byte sequences in it is almost
         * never legacy text (its high bytes would have to pair up by
         * chance over the whole page), so the bytes win over the label. */
        if ((*e)->kind != K_UTF8 && looks_utf8(s, n, &multibyte, valid) && multibyte) {
            *e = &encodings[E_UTF8];
            *why = PX_DECODE_UTF8_OVER_META;
        }
        *valid = (*e)->kind == K_UTF8 && *why == PX_DECODE_UTF8_OVER_META ? *valid : 0;
        return PITH_OK;
    }
    if (looks_utf8(s, n, NULL, valid)) {
        *e = &encodings[E_UTF8];
        *why = PX_DECODE_UTF8;
        return PITH_OK;
    }
    *valid = 0;
    if ((*e = prescan(s, n, LATE_META_LIMIT)) != NULL) {
        *why = PX_DECODE_LATE_META;
        return PITH_OK;
    }
    bool no_guesser = false;
    if ((*e = guess(s, n, &no_guesser)) != NULL) {
        *why = PX_DECODE_GUESSED;
        return PITH_OK;
    }
    *e = &encodings[E_WIN1252];
    *why = no_guesser ? PX_DECODE_NO_GUESSER : PX_DECODE_DEFAULT;
    return PITH_OK;
}

static void run_builtin(px_buf *b, const encoding *e, const unsigned char *s, size_t n)
{
    switch (e->kind) {
    case K_UTF8:
        put_utf8(b, s, n);
        break;
    case K_UTF16LE:
    case K_UTF16BE:
        put_utf16(b, s, n, e->kind == K_UTF16BE);
        break;
    case K_WIN1252:
        put_single_byte(b, s, n, map_win1252);
        break;
    case K_USER:
        put_single_byte(b, s, n, map_user);
        break;
    case K_REPLACEMENT:
        if (n)
            px_buf_put_cp(b, 0xFFFD);
        break;
    case K_ICONV:
        break;
    }
}

static int convert(px_buf *b, const encoding *e, const unsigned char *s, size_t n,
                   pith_error *err)
{
    if (e->kind != K_ICONV) {
        run_builtin(b, e, s, n);
        return PITH_OK;
    }
    iconv_t cd = open_iconv(e);
    if (cd == (iconv_t)-1 && errno == ENOMEM)
        return px_error(err, PITH_ERR_NOMEM, "out of memory opening '%s'", e->name);
    if (cd == (iconv_t)-1)
        return px_error(err, PITH_ERR_INPUT, "encoding '%s' is not supported", e->name);
    run_iconv(b, cd, e, s, n);
    iconv_close(cd);
    return PITH_OK;
}

const char *px_decode_why_text(enum px_decode_why why)
{
    static const char text[][96] = {
        [PX_DECODE_BOM] = "a byte-order mark",
        [PX_DECODE_HINT] = "given by the caller (--encoding or the transport)",
        [PX_DECODE_META] = "the <meta> charset",
        [PX_DECODE_UTF8_OVER_META] = "the input is valid UTF-8 with multi-byte text, whatever its <meta> charset says",
        [PX_DECODE_UTF8] = "the input is valid UTF-8",
        [PX_DECODE_LATE_META] = "a <meta> charset past the first 1024 bytes",
        [PX_DECODE_GUESSED] = "no charset declared; guessed from the bytes (uchardet)",
        [PX_DECODE_DEFAULT] = "no charset declared and no guess; the default",
        [PX_DECODE_NO_GUESSER] = "no charset declared and no guess (uchardet is not loaded); the default",
    };
    return (unsigned)why < sizeof text / sizeof *text ? text[why] : "";
}

int px_decode(const px_alloc *a, const char *in, size_t len, const char *hint,
              char **out, size_t *out_len, const char **charset_out,
              pith_error *err)
{
    return px_decode_why(a, in, len, hint, out, out_len, charset_out, NULL, err);
}

int px_decode_why(const px_alloc *a, const char *in, size_t len, const char *hint,
                  char **out, size_t *out_len, const char **charset_out,
                  enum px_decode_why *why_out, pith_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (charset_out)
        *charset_out = NULL;
    if (!in && len)
        return px_error(err, PITH_ERR_INPUT, "no input buffer");
    const unsigned char *s = in ? (const unsigned char *)in : (const unsigned char *)"";
    const encoding *e;
    size_t skip, valid;
    enum px_decode_why why = PX_DECODE_DEFAULT;
    int rc = choose(s, len, hint, &e, &skip, &valid, &why, err);
    if (rc != PITH_OK)
        return rc;

    px_buf b;
    px_buf_init(&b, a);
    px_buf_reserve(&b, len - skip); /* the usual size; grows if needed */
    /* What choose has read as well-formed UTF-8 needs no second check:
     * only its NULs become U+FFFD (as put_utf8 makes them). */
    if (valid)
        put_nul_safe(&b, (const char *)s, valid);
    rc = convert(&b, e, s + skip + valid, len - skip - valid, err);
    if (rc != PITH_OK) {
        px_buf_free(&b);
        return rc;
    }
    *out = px_buf_detach(&b, out_len);
    if (!*out)
        return px_error(err, PITH_ERR_NOMEM, "out of memory decoding %zu bytes", len);
    if (charset_out)
        *charset_out = e->name;
    if (why_out)
        *why_out = why;
    return PITH_OK;
}
