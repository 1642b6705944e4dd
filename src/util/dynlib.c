#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define COUNT(a) (sizeof a / sizeof *a)
#define MAX_SYMS 8

bool px_dynlib_open(const char *soname, const px_dynsym *syms, size_t n, void *api, char *err,
                    size_t errlen)
{
    /* RTLD_LOCAL: the library's symbols stay out of the process's
     * namespace, where they could clash with a host program's copy. */
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(err, errlen, "%s could not be loaded: %s", soname, why ? why : "unknown error");
        return false;
    }
    void *found[MAX_SYMS];
    for (size_t k = 0; k < n && k < MAX_SYMS; k++) {
        dlerror();
        found[k] = dlsym(h, syms[k].name);
        if (!found[k]) {
            snprintf(err, errlen, "%s could not be loaded: no symbol %s", soname, syms[k].name);
            dlclose(h);
            return false;
        }
    }
    if (n > MAX_SYMS) {
        snprintf(err, errlen, "%s could not be loaded: too many symbols", soname);
        dlclose(h);
        return false;
    }
    /* POSIX gives a function's address from dlsym as a void *, with the
     * same representation as the function pointer it is copied into. The
     * handle stays open for the life of the process. */
    for (size_t k = 0; k < n; k++)
        memcpy((char *)api + syms[k].offset, &found[k], sizeof found[k]);
    return true;
}

static const px_dynsym uchardet_syms[] = {
    {"uchardet_new", offsetof(px_uchardet_api, create)},
    {"uchardet_handle_data", offsetof(px_uchardet_api, handle_data)},
    {"uchardet_data_end", offsetof(px_uchardet_api, data_end)},
    {"uchardet_get_charset", offsetof(px_uchardet_api, get_charset)},
    {"uchardet_delete", offsetof(px_uchardet_api, destroy)},
};

/* nm -D --defined-only libcld2.so.0 | c++filt: the 7-argument
 * CLD2::ExtDetectLanguageSummary and CLD2::LanguageCode(CLD2::Language). */
static const px_dynsym cld2_syms[] = {
    {"_ZN4CLD224ExtDetectLanguageSummaryEPKcibPNS_8LanguageEPiS4_Pb",
     offsetof(px_cld2_api, detect_summary)},
    {"_ZN4CLD212LanguageCodeENS_8LanguageE", offsetof(px_cld2_api, language_code)},
};

static const px_dynsym zlib_syms[] = {
    {"inflateInit2_", offsetof(px_zlib_api, inflate_init2)},
    {"inflate", offsetof(px_zlib_api, inflate)},
    {"inflateReset", offsetof(px_zlib_api, inflate_reset)},
    {"inflateEnd", offsetof(px_zlib_api, inflate_end)},
};

/* The tables filled in, one per library. */
static struct apis {
    px_uchardet_api uchardet;
    px_cld2_api cld2;
    px_zlib_api zlib;
} apis;

/* Each library's file, and where its table is in apis: offsets, not
 * pointers, which the loader would rewrite at every start. */
static const struct {
    char soname[24];
    size_t api;
} libs[PX_LIB_COUNT] = {
    [PX_LIB_UCHARDET] = {"libuchardet.so.0", offsetof(struct apis, uchardet)},
    [PX_LIB_CLD2] = {"libcld2.so.0", offsetof(struct apis, cld2)},
    [PX_LIB_ZLIB] = {"libz.so.1", offsetof(struct apis, zlib)},
};

/* How each load went. */
static struct {
    bool ok;
    char error[256];
} loaded[PX_LIB_COUNT];

static void load(px_lib id, const px_dynsym *syms, size_t n)
{
    loaded[id].ok = px_dynlib_open(libs[id].soname, syms, n, (char *)&apis + libs[id].api, loaded[id].error,
                                   sizeof loaded[id].error);
}

/* pthread_once takes no argument: one small function per library. */
static void load_uchardet(void) { load(PX_LIB_UCHARDET, uchardet_syms, COUNT(uchardet_syms)); }
static void load_cld2(void) { load(PX_LIB_CLD2, cld2_syms, COUNT(cld2_syms)); }
static void load_zlib(void) { load(PX_LIB_ZLIB, zlib_syms, COUNT(zlib_syms)); }

static pthread_once_t once[PX_LIB_COUNT] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static const void *get(px_lib id)
{
    /* On the stack: a static table of function pointers is rewritten by
     * the loader at every start. */
    void (*const loaders[PX_LIB_COUNT])(void) = {load_uchardet, load_cld2, load_zlib};
    pthread_once(&once[id], loaders[id]);
    return loaded[id].ok ? (const char *)&apis + libs[id].api : NULL;
}

const px_uchardet_api *px_uchardet(void) { return get(PX_LIB_UCHARDET); }
const px_cld2_api *px_cld2(void) { return get(PX_LIB_CLD2); }
const px_zlib_api *px_zlib(void) { return get(PX_LIB_ZLIB); }

const char *px_dynlib_error(px_lib id)
{
    /* Through pthread_once, so that the message is read after the load
     * that wrote it, whichever thread did. */
    if (id >= PX_LIB_COUNT)
        return NULL;
    return get(id) ? NULL : loaded[id].error;
}
