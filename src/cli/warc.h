/*
 * A streaming reader of WARC files (ISO 28500, WARC/1.0 and 1.1), plain or
 * gzip-compressed one record per member as Common Crawl ships them. It is
 * part of the pith command, not of libpith: scrapers that link the library
 * hand it pages, not archives.
 *
 * px_warc_next yields the HTTP responses whose Content-Type is HTML, and a
 * record with an error for each record that cannot be read. It skips every
 * other record without holding its body in memory, so a run's memory is
 * bounded by max_body whatever the file holds.
 *
 * Damage costs one record: after a record that cannot be read, the reader
 * finds the next one (the next gzip member that inflates to "WARC/", or the
 * next line that starts "WARC/1.") and goes on.
 */
#ifndef PITH_WARC_H
#define PITH_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct px_warc px_warc;

typedef struct px_warc_record {
    /* The WARC headers (NUL-terminated; "" when absent). */
    char *target_uri;   /* WARC-Target-URI */
    char *record_id;    /* WARC-Record-ID */
    char *date;         /* WARC-Date */
    /* The HTTP response inside the record. */
    int http_status;    /* 0 if the status line could not be read */
    char *charset;      /* the charset parameter of the HTTP Content-Type, or "" */
    char *body;         /* the payload: de-chunked, Content-Encoding undone */
    size_t body_len;
    /* Non-NULL: this record could not be read; the reason, one line of
     * UTF-8 that names the offset, e.g. "truncated: record at offset 512
     * ends after 80 of 1200 bytes". The headers above are filled as far as
     * they were read; body is NULL. */
    char *error;
    /* Where the record starts in the file; for a gzip record, where its
     * member starts (the same place, unless a member holds many records). */
    uint64_t offset;
} px_warc_record;

/* Reads f from its current position; it is not closed by px_warc_close.
 * Bodies longer than max_body bytes become error records; 0 is no limit.
 * Returns NULL when out of memory. */
px_warc *px_warc_open(FILE *f, size_t max_body);

/* Fills rec with the next HTML response or error record. Returns 1 when a
 * record was filled, 0 at the end of the file, -1 when out of memory or on a
 * read error of the file itself (rec->error then says which, when it could
 * be allocated). rec is overwritten, not freed: the caller frees it with
 * px_warc_record_free after each call, and may take body (set it to NULL).
 * Every string of a filled record is non-NULL, and body is NUL-terminated
 * (body_len excludes the NUL). */
int px_warc_next(px_warc *w, px_warc_record *rec);
void px_warc_record_free(px_warc_record *rec);

/* Bytes of the file consumed so far (compressed), for progress reports. */
uint64_t px_warc_offset(const px_warc *w);
/* Records seen and skipped (not HTML responses), for the run's summary. */
uint64_t px_warc_skipped(const px_warc *w);

void px_warc_close(px_warc *w);

#endif
