/* Whole files read into one buffer, for the programs around the library:
 * rulegen, the test drivers and the benchmarks. It is not part of libpith
 * (the library reads rule and list files through the caller's allocator,
 * src/pith.c), only compiled into those programs. */
#ifndef PITH_READ_FILE_H
#define PITH_READ_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Reads f to its end into a buffer from malloc, with a NUL after the *len
 * bytes read (so that text can be used as a string). NULL with errno set
 * (ENOMEM, or EIO for a read error) on failure. */
char *px_read_stream(FILE *f, size_t *len);

/* The same for the file at path, opened and closed here; NULL with errno
 * set when it cannot be opened or read. */
char *px_read_file(const char *path, size_t *len);

#endif
