/*
 * pith: extract the main article text from an HTML page.
 *
 * The API is small and stable: every type is opaque, every symbol starts
 * with pith_, and no function exits or aborts. Functions that can fail return
 * a pith_status (or NULL) and, where the caller passes one, fill a pith_error
 * with a one-line message.
 *
 * Typical use:
 *
 *   pith_options *o = pith_options_new(NULL);
 *   pith_extractor *ex = pith_extractor_new(o, &err);
 *   pith_options_free(o);
 *   pith_result *r;
 *   if (pith_extract(ex, html, len, NULL, NULL, &r, &err) == PITH_OK)
 *       puts(pith_result_text(r, NULL));
 *   pith_result_free(r);
 *   pith_extractor_free(ex);
 *
 * A pith_extractor is immutable once built: any number of threads may call
 * pith_extract on the same extractor at once.
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>
#include "pith_version.h" /* PITH_VERSION and its parts, from meson.build */

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(PITH_STATIC_ONLY)
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif

/* Status codes. The CLI uses the same numbers as its exit status. */
typedef enum pith_status {
    PITH_OK = 0,
    PITH_NO_CONTENT = 1, /* the page holds no article text */
    PITH_ERR_USAGE = 2,  /* a bad argument or option */
    PITH_ERR_INPUT = 3,  /* input cannot be read or decoded */
    PITH_ERR_RULES = 4,  /* a rule file is malformed */
    PITH_ERR_NOMEM = 5,  /* an allocation failed */
    PITH_ERR_LIMIT = 6   /* the input exceeds a configured limit */
} pith_status;

/* A one-line, NUL-terminated description of the last failure. */
typedef struct pith_error {
    pith_status code;
    char message[512];
} pith_error;

/* Allocator hooks. Any NULL member falls back to the C library. */
typedef struct pith_allocator {
    void *(*malloc)(size_t size, void *ud);
    void *(*realloc)(void *ptr, size_t size, void *ud);
    void (*free)(void *ptr, void *ud);
    void *ud;
} pith_allocator;

/* Option flags for pith_options_set_flags: an OR of the PITH_* bits below. */
typedef unsigned int pith_flags;
#define PITH_NO_DEFAULT_RULES (1u << 0) /* start from no rules at all */
#define PITH_FAVOR_PRECISION (1u << 1)  /* prefer less junk */
#define PITH_FAVOR_RECALL (1u << 2)     /* prefer losing no text */
#define PITH_EXPLAIN (1u << 3)          /* keep a trace, see pith_result_explain */
#define PITH_PROFILE (1u << 4)          /* time the stages, see pith_result_stage_ns */
/* Output formats (README.md, "Output formats"). The plain text is always
 * made; each of these adds one more output to the result. */
#define PITH_FORMAT_MARKDOWN (1u << 8) /* CommonMark + GFM: pith_result_markdown */
#define PITH_FORMAT_HTML (1u << 9)     /* minimal semantic HTML: pith_result_html */
#define PITH_FORMAT_JSON (1u << 10)    /* pith_result_json: metadata and text, and
                                        * "markdown" / "html" members when the
                                        * flags above are set too */
#define PITH_WITH_LINKS (1u << 11)     /* keep links in Markdown and HTML */
#define PITH_WITH_IMAGES (1u << 12)    /* keep images in Markdown and HTML */
/* Whole documents: pith_result_text, _markdown, _html and _json each give
 * the document exactly as `pith --format FMT` prints it, final newline
 * included: with PITH_WITH_TITLE the title is framed as that format frames
 * it (text: a first line and a blank line; Markdown: a "# " heading; HTML:
 * a complete page with <title> and <h1>; JSON: the "title" member, as
 * always), with PITH_DOCUMENT alone as `pith --no-title` prints it. So the
 * command and every binding print the same bytes. */
#define PITH_WITH_TITLE (1u << 13)
#define PITH_DOCUMENT (1u << 14)
/* pith_result_json on one line, without white space (as JSON Lines needs
 * it); the members and their order are the same. */
#define PITH_JSON_COMPACT (1u << 15)
/* The caller reads no metadata: pith_result_meta gives NULL for every
 * field, and pith leaves out what only the metadata needs (the authors and
 * dates it would read from the page's visible text), which is a fifth of
 * the work on a small page. The outputs are the same bytes, title
 * included. Ignored with PITH_FORMAT_JSON, whose object holds the
 * metadata. */
#define PITH_NO_METADATA (1u << 16)

/* Metadata fields, for pith_result_meta. */
typedef enum pith_meta_field {
    PITH_META_AUTHOR = 0,   /* one entry per author */
    PITH_META_DATE_PUBLISHED, /* ISO 8601: 2022-03-15T03:42:11+00:00 */
    PITH_META_DATE_MODIFIED,
    PITH_META_SITE_NAME,
    PITH_META_URL,          /* the canonical URL */
    PITH_META_LANGUAGE,     /* a BCP 47 tag: en-US; as the page declares it,
                             * else detected from the article text */
    PITH_META_DESCRIPTION,
    PITH_META_IMAGE,
    PITH_META_CATEGORY,     /* one entry per category */
    PITH_META_TAG,          /* one entry per tag */
    PITH_META_COUNT
} pith_meta_field;

/* The pipeline's stages, for pith_result_stage_ns. */
typedef enum pith_stage {
    PITH_STAGE_DECODE = 0,
    PITH_STAGE_PARSE,
    PITH_STAGE_RULES,   /* rules and scoring */
    PITH_STAGE_EXTRACT, /* choosing and cleaning the content */
    PITH_STAGE_RENDER,
    PITH_STAGE_COUNT
} pith_stage;

/* Limits for pith_options_set_limit. A value of 0 means "no limit". */
typedef enum pith_limit {
    PITH_LIMIT_BYTES,  /* input larger than this is refused (PITH_ERR_LIMIT);
                        * default 64 MiB */
    PITH_LIMIT_DEPTH,  /* start tags nested deeper lose their markup and keep
                        * their text; default 512, as in browsers */
    PITH_LIMIT_NODES,  /* the page is cut after this many tags; default
                        * 1,000,000 */
    PITH_LIMIT_MEMORY  /* bytes the parse tree may take, else PITH_ERR_LIMIT;
                        * default 64 MiB + 32 x the input */
} pith_limit;

typedef struct pith_options pith_options;
typedef struct pith_extractor pith_extractor;
typedef struct pith_result pith_result;

/* Options: a builder for an extractor. alloc may be NULL; it is copied. */
PITH_API pith_options *pith_options_new(const pith_allocator *alloc);
PITH_API void pith_options_free(pith_options *opts);
PITH_API void pith_options_set_flags(pith_options *opts, pith_flags flags);
/* Sets one of the limits above; PITH_ERR_USAGE for an unknown one. */
PITH_API pith_status pith_options_set_limit(pith_options *opts, pith_limit limit, size_t value);
/* Keeps only pages in one language (a BCP 47 tag such as "de" or "en-US";
 * only its primary subtag counts): any other page gives PITH_NO_CONTENT,
 * with its metadata but no text. The language is detected from the
 * article text, else taken from what the page declares; a page whose
 * language is unknown is kept. NULL or "" keeps every language. Returns
 * PITH_ERR_USAGE for a malformed tag. Without a target, the language is
 * detected only for pages that declare none (PITH_META_LANGUAGE). */
PITH_API pith_status pith_options_set_target_language(pith_options *opts, const char *lang);
/* Adds rules from text in memory; name is used in error messages. */
PITH_API pith_status pith_options_add_rules(pith_options *opts, const char *name,
                                           const char *text, size_t len, pith_error *err);
/* Adds rules from a file. */
PITH_API pith_status pith_options_add_rules_file(pith_options *opts, const char *path,
                                                pith_error *err);

/* Adds an ad-blocking list in Adblock Plus / uBlock Origin syntax, such
 * as EasyList: its element-hiding rules drop what they match (README.md,
 * "Ad-blocking lists"). Lines outside what pith matches are skipped and
 * counted, never an error. name is shown by PITH_EXPLAIN. */
PITH_API pith_status pith_options_add_adblock(pith_options *opts, const char *name,
                             const char *text, size_t len, pith_error *err);
/* The same from a file; path NULL takes the system's EasyList
 * (pith_adblock_system_list), PITH_ERR_RULES when there is none. */
PITH_API pith_status pith_options_add_adblock_file(pith_options *opts, const char *path,
                                  pith_error *err);
/* Where the lists added from files are cached once read (a directory,
 * created when missing; NULL: no cache, the default). The cache names
 * each list's path, size and modification time, so a changed list is
 * read again. */
PITH_API pith_status pith_options_set_adblock_cache(pith_options *opts, const char *dir);
/* The path of EasyList as Debian's uBlock Origin packages install it, or
 * NULL when neither is installed. */
PITH_API const char *pith_adblock_system_list(void);

/* Compiles all rules once. Returns NULL and fills err on failure. */
PITH_API pith_extractor *pith_extractor_new(const pith_options *opts, pith_error *err);
PITH_API void pith_extractor_free(pith_extractor *ex);
/* The value in force for one of the limits (0: none), e.g. so that a
 * caller need not read more input than PITH_LIMIT_BYTES allows. */
PITH_API size_t pith_extractor_limit(const pith_extractor *ex, pith_limit limit);

/*
 * Extracts the article from len bytes of HTML. encoding (a charset label)
 * overrides detection when not NULL; url may be NULL. On PITH_OK and
 * PITH_NO_CONTENT *out holds a result the caller frees; otherwise *out is
 * NULL and err says why.
 */
PITH_API pith_status pith_extract(const pith_extractor *ex, const char *html, size_t len,
                                  const char *encoding, const char *url, pith_result **out,
                                  pith_error *err);

/* The same for a page fetched at a known time: date is when (ISO 8601,
 * "2024-03-15T09:30:00Z", or an HTTP or WARC date). Relative datelines
 * ("2 days ago", "vor 3 Stunden", "hace 2 días") count back from it;
 * without it (NULL, as pith_extract passes) they give no date.
 * PITH_ERR_USAGE when date is not a date. */
PITH_API pith_status pith_extract_dated(const pith_extractor *ex, const char *html, size_t len,
                                        const char *encoding, const char *url, const char *date,
                                        pith_result **out, pith_error *err);

/* The title, or "" when the page has none. Owned by the result. */
PITH_API const char *pith_result_title(const pith_result *r);
/* The article as plain text, blocks separated by blank lines (a whole
 * document with PITH_WITH_TITLE or PITH_DOCUMENT, as below). */
PITH_API const char *pith_result_text(const pith_result *r, size_t *len);
/* With PITH_EXPLAIN: one line per candidate block (path, score, features,
 * rules that fired, kept or dropped); "" otherwise. */
PITH_API const char *pith_result_explain(const pith_result *r);
/* A one-line note when a limit changed the input (tags flattened, page
 * cut), "" otherwise. The extraction still succeeded. */
PITH_API const char *pith_result_warning(const pith_result *r);
/* With PITH_PROFILE: nanoseconds spent in a stage of this extraction; 0
 * otherwise. Without the flag no clock is read at all. */
PITH_API unsigned long long pith_result_stage_ns(const pith_result *r, pith_stage stage);
/* The article in the formats asked for with PITH_FORMAT_*, without the
 * title (the JSON holds it as a member) unless PITH_WITH_TITLE or
 * PITH_DOCUMENT asked for whole documents; "" for a format not asked for
 * or when the page holds no article. */
PITH_API const char *pith_result_markdown(const pith_result *r, size_t *len);
PITH_API const char *pith_result_html(const pith_result *r, size_t *len);
PITH_API const char *pith_result_json(const pith_result *r, size_t *len);
/* Entry index of a metadata field (index 0 for single-valued fields), or
 * NULL past the last entry or when the page does not say. Metadata is
 * read for every extraction, unless PITH_NO_METADATA (without
 * PITH_FORMAT_JSON) said that nobody reads it: then always NULL. */
PITH_API const char *pith_result_meta(const pith_result *r, pith_meta_field field,
                                      size_t index);
PITH_API void pith_result_free(pith_result *r);

/* A short name for a status code, such as "no article text found". */
PITH_API const char *pith_status_string(pith_status status);
/* The WHATWG name of a charset label, as the encoding argument of
 * pith_extract takes it ("latin1" gives "windows-1252"), or NULL when
 * pith does not know the label. */
PITH_API const char *pith_encoding_name(const char *label);
/* The library's version, "MAJOR.MINOR.PATCH": PITH_VERSION of the library
 * that runs, which may be newer than the header a program was built with. */
PITH_API const char *pith_version(void);

#ifdef __cplusplus
}
#endif
#endif
