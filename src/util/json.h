/*
 * A small strict JSON parser (RFC 8259) for the JSON-LD blocks of a page,
 * and the JSON string writer used by the json output format.
 *
 * The parser builds a tree in an arena taken from the caller's allocator;
 * freeing the document frees every node at once. It accepts exactly the
 * grammar of RFC 8259 with one leniency that pages need: a raw tab, line
 * feed or carriage return inside a string is taken as itself (CMSs paste
 * article bodies into JSON-LD without escaping them). Everything else that
 * RFC 8259 refuses is refused: trailing commas, comments, single quotes,
 * bare words, leading zeros, invalid UTF-8, other raw control characters.
 * Nesting deeper than PX_JSON_MAX_DEPTH is refused rather than recursed
 * into. \u0000 and unpaired surrogates decode to U+FFFD, so every string
 * in the tree is valid UTF-8 without NUL bytes.
 */
#ifndef PITH_JSON_H
#define PITH_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include "alloc.h"

#define PX_JSON_MAX_DEPTH 64

typedef enum px_jtype { PX_JNULL, PX_JBOOL, PX_JNUM, PX_JSTR, PX_JARR, PX_JOBJ } px_jtype;

typedef struct px_json px_json;
struct px_json {
    px_jtype type;
    bool b;            /* PX_JBOOL */
    const char *s;     /* PX_JSTR: decoded UTF-8; PX_JNUM: the number's text */
    size_t len;
    px_json **items;   /* PX_JARR: elements; PX_JOBJ: values */
    const char **keys; /* PX_JOBJ: keys, parallel to items */
    size_t n;
};

typedef struct px_json_chunk px_json_chunk;

typedef struct px_json_doc {
    const px_alloc *a;
    px_json_chunk *chunks;
    px_json *root;
    size_t error_at; /* byte offset of a syntax error */
    bool too_deep;   /* the error is nesting deeper than PX_JSON_MAX_DEPTH */
} px_json_doc;

/* Parses s[0..len). Returns PITH_OK, PITH_ERR_INPUT for malformed JSON (or
 * nesting too deep), or PITH_ERR_NOMEM. Free doc in every case. */
int px_json_parse(px_json_doc *doc, const px_alloc *a, const char *s, size_t len);
void px_json_free(px_json_doc *doc);

/* The value of key in an object (the first, if repeated), or NULL. */
const px_json *px_json_get(const px_json *obj, const char *key);
/* A string value's text, or NULL if v is not a string. */
const char *px_json_str(const px_json *v);

/* Writes s[0..n) as a JSON string literal: quotes, \" \\ \b \f \n \r \t,
 * \u00XX for other control characters and DEL, \u2028 and \u2029 escaped
 * (they end lines in JavaScript), and U+FFFD for bytes that are not UTF-8. */
void px_json_put_string(px_buf *out, const char *s, size_t n);

/* Writes v as compact JSON (no whitespace), the inverse of the parser up
 * to the form of escapes. */
void px_json_write(px_buf *out, const px_json *v);

#endif
