/*
 * URL references resolved against a base, as RFC 3986 section 5 says
 * (strict: a reference with a scheme is absolute even when the scheme is
 * the base's), after the clean-up browsers make to attribute values:
 * leading and trailing white space removed, tabs and line breaks dropped.
 */
#ifndef PITH_URL_H
#define PITH_URL_H

#include <stdbool.h>
#include <stddef.h>
#include "alloc.h"

/* The reference resolved against base, allocated with a; a copy of the
 * cleaned reference when base is NULL or not absolute. NULL only when out
 * of memory. */
char *px_url_resolve(const px_alloc *a, const char *base, const char *ref);
/* Does url start with a scheme ("http:", "mailto:")? */
bool px_url_is_absolute(const char *url);
/* What follows the first "://" of url (its host, port and path), or NULL
 * when url is NULL or has none. */
const char *px_url_host(const char *url);
/* The labels of host (as px_url_host gives it: up to the first '/' or
 * ':') that can name its site, one a call: every label but "www" and the
 * last one, the top-level domain ("lastampa" of www.lastampa.it; "bbc" and
 * "co" of bbc.co.uk). "www" is matched without case, as hosts are. Start
 * with *pos = 0; the label's start and length go to *label and *len, and
 * false means no label is left. */
bool px_url_host_label(const char *host, size_t *pos, const char **label, size_t *len);
/* May url appear in the output? Relative references and http, https,
 * mailto, ftp and tel links pass (images: http and https only); the rest,
 * javascript:, data:, vbscript: and the like, do not. */
bool px_url_is_safe(const char *url, bool image);
/* The widest candidate of a srcset attribute ("a.jpg 480w, b.jpg 1200w",
 * or 1x/2x densities): its URL's start, its length in *len. The first
 * candidate wins a tie and one without a descriptor counts as 1x. NULL
 * when the attribute holds no URL. */
const char *px_srcset_best(const char *srcset, size_t *len);

#endif
