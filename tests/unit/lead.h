/* The paragraph the page-level unit tests put around what they test: long
 * enough that the page holds an article, so that the tests see the
 * extractor and renderers at work rather than "no content". Shared by
 * render_out.h and text_out.h. */
#ifndef PITH_TEST_LEAD_H
#define PITH_TEST_LEAD_H

#include "pith.h"

#define LEAD                                                                           \
    "The city council voted on Tuesday to extend the harbour bike lane by another "   \
    "two kilometres, after a year in which the number of riders doubled."
#define LEAD_P "<p>" LEAD "</p>"
#define NO_RULES PITH_NO_DEFAULT_RULES

#endif
