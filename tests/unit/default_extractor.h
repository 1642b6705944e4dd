/* The extractor with the bundled rules and default options that the
 * metadata tests run their pages through, made once in their main(). */
#ifndef PITH_TEST_DEFAULT_EXTRACTOR_H
#define PITH_TEST_DEFAULT_EXTRACTOR_H

#include "pith.h"

/* A new default extractor, or NULL after printing why to stderr (the
 * test program then exits non-zero: without it no test could run). */
pith_extractor *default_extractor(void);

#endif
