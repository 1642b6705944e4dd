#include "default_extractor.h"

#include <stdio.h>

pith_extractor *default_extractor(void)
{
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    pith_extractor *ex = o ? pith_extractor_new(o, &err) : NULL;
    pith_options_free(o);
    if (!ex)
        fprintf(stderr, "pith_extractor_new: %s\n", o ? err.message : "no memory for the options");
    return ex;
}
