/*
 * JSON Lines for the pith command: reading lines of bounded length from a
 * stream, and writing the output record of one page.
 */
#ifndef PITH_JSONL_H
#define PITH_JSONL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "alloc.h"
#include "json.h"

/* A line reader that never holds more than max bytes of one line: a longer
 * line is read through to its end and reported, not stored. */
typedef struct px_lines {
    FILE *f;
    char *buf;          /* a chunk of the stream */
    size_t start, end;
    size_t max;
    uint64_t consumed;  /* bytes read so far */
    uint64_t lineno;    /* of the last line returned, from 1 */
    bool eof;
} px_lines;

typedef struct px_line {
    char *text;   /* malloc'd, NUL-terminated, without the newline; NULL if too long */
    size_t len;   /* the line's length, also when too long */
} px_line;

/* Returns false when out of memory. */
bool px_lines_init(px_lines *r, FILE *f, size_t max);
void px_lines_free(px_lines *r);
/* Returns 1 with a line, 0 at the end of the stream, -1 on a read error or
 * when out of memory (errno says which). */
int px_lines_next(px_lines *r, px_line *line);

/* Writes one output record on one line (no newline):
 *   the members of in, except the one named skip (and "error" when error
 *   is given), as they came;
 *   then prefix, members already written as JSON text ("k":v,...);
 *   then the members of the extraction's JSON object (result, rlen: the
 *   compact form of PITH_JSON_COMPACT) whose names the record does not
 *   hold yet, copied as they are written, not parsed and written again;
 *   then "error" when error is not NULL.
 * in, skip, prefix and result may be NULL. Returns PITH_OK, PITH_ERR_NOMEM,
 * or PITH_ERR_INPUT if result is not a compact JSON object. */
int px_jsonl_record(px_buf *out, const px_json *in, const char *skip, const char *prefix,
                    const char *result, size_t rlen, const char *error);

#endif
