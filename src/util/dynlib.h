/*
 * Libraries loaded on demand: uchardet (the charset guess of src/decode.c),
 * CLD2 (the language of src/lang_cld2.c) and zlib (the command's WARC
 * reader, src/cli/warc*.c). The command reaches this file as part of the
 * base layer.
 *
 * Why not link them: a process that links a shared library pays for
 * loading it at start-up, whether the page needs it or not, and pith is
 * often started once per page. Measured with empty programs, linking
 * libstdc++ (which CLD2 pulls in), libcld2 and libuchardet took a process
 * from 0.7 ms to 1.8 ms, when Gumbo's parse of a small page is 1.2 ms in
 * all. Most pages declare their charset and their language, so most
 * processes need neither library. zlib is smaller (an empty program that
 * links it starts 0.045 ms later, measured likewise) but only --warc reads
 * gzip, and a process per page pays it for nothing. So each is opened with dlopen the first
 * time a page needs it, once per process, and its functions are reached
 * through a table of pointers.
 *
 * When a library cannot be loaded (not installed), the caller goes on as
 * if the library had no answer, and px_dynlib_error says why for
 * --explain. Both calls are safe from any thread: the first use loads
 * the library under pthread_once.
 */
#ifndef PITH_DYNLIB_H
#define PITH_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

typedef enum px_lib {
    PX_LIB_UCHARDET,
    PX_LIB_CLD2,
    PX_LIB_ZLIB,
    PX_LIB_COUNT
} px_lib;

/* uchardet's C API (uchardet/uchardet.h), the functions decode.c uses. */
struct uchardet;
typedef struct px_uchardet_api {
    struct uchardet *(*create)(void);
    int (*handle_data)(struct uchardet *ud, const char *data, size_t len);
    void (*data_end)(struct uchardet *ud);
    const char *(*get_charset)(struct uchardet *ud);
    void (*destroy)(struct uchardet *ud);
} px_uchardet_api;

/* Two free functions of CLD2's C++ API (cld2/public/compact_lang_det.h,
 * namespace CLD2), reached by their Itanium-mangled names. Both take and
 * return only scalars and pointers, which the x86-64 and AArch64 C++ ABIs
 * pass exactly as C does: bool as _Bool, and CLD2::Language, an unscoped
 * enum of values 0 to 645, as a 4-byte integer (an int here; its
 * language3 array is 3 of them). Nothing else of C++ crosses: no class,
 * no reference, no exception (CLD2 throws none).
 *   Language ExtDetectLanguageSummary(const char *buffer, int buffer_length,
 *       bool is_plain_text, Language *language3, int *percent3,
 *       int *text_bytes, bool *is_reliable);
 *   const char *LanguageCode(Language lang); */
typedef struct px_cld2_api {
    int (*detect_summary)(const char *buffer, int buffer_length, bool is_plain_text, int *language3,
                          int *percent3, int *text_bytes, bool *is_reliable);
    const char *(*language_code)(int lang);
} px_cld2_api;

/* The four functions of zlib (zlib.h) the WARC reader calls: inflateInit2
 * is a macro that passes zlib.h's version and stream size to
 * inflateInit2_ (as a caller must do too). */
struct z_stream_s;
typedef struct px_zlib_api {
    int (*inflate_init2)(struct z_stream_s *strm, int window_bits, const char *version,
                         int stream_size);
    int (*inflate)(struct z_stream_s *strm, int flush);
    int (*inflate_reset)(struct z_stream_s *strm);
    int (*inflate_end)(struct z_stream_s *strm);
} px_zlib_api;

/* The library's functions, every one resolved; NULL when the library or
 * one of its functions could not be loaded. Loads it on the first call. */
const px_uchardet_api *px_uchardet(void);
const px_cld2_api *px_cld2(void);
const px_zlib_api *px_zlib(void);

/* Why library id could not be loaded (one line: its file name and
 * dlerror's words), or NULL when it is loaded. Tries to load it first if
 * no call above has. */
const char *px_dynlib_error(px_lib id);

/* One symbol to resolve: its name in the library and where its pointer
 * goes in the API structure. The name is an array, not a pointer, so
 * that the tables of symbols hold nothing the loader must rewrite at
 * start (bench/relocs). */
typedef struct px_dynsym {
    char name[72];
    size_t offset;
} px_dynsym;

/* The loader itself, for the two above and for the unit test: opens
 * soname, stores the address of each of syms[0..n) at api + offset.
 * Returns true when all resolved; else false with a one-line reason in
 * err (errlen bytes), api untouched and the library closed. */
bool px_dynlib_open(const char *soname, const px_dynsym *syms, size_t n, void *api, char *err,
                    size_t errlen);

#endif
