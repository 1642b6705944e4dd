/* dynlib.c: uchardet, CLD2 and zlib loaded on demand, every function
 * resolved, and the error path of a library or symbol that is not there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <uchardet.h>
#include <zlib.h>
#include "dynlib.h"

/* dynlib.h writes uchardet's prototypes itself, so that libpith needs no
 * header of it; here they are held to the real header's. */
_Static_assert(_Generic(&uchardet_new, __typeof__(((px_uchardet_api *)0)->create): 1, default: 0),
               "uchardet_new");
_Static_assert(_Generic(&uchardet_handle_data,
                        __typeof__(((px_uchardet_api *)0)->handle_data): 1, default: 0),
               "uchardet_handle_data");
_Static_assert(_Generic(&uchardet_data_end, __typeof__(((px_uchardet_api *)0)->data_end): 1,
                        default: 0),
               "uchardet_data_end");
_Static_assert(_Generic(&uchardet_get_charset, __typeof__(((px_uchardet_api *)0)->get_charset): 1,
                        default: 0),
               "uchardet_get_charset");
_Static_assert(_Generic(&uchardet_delete, __typeof__(((px_uchardet_api *)0)->destroy): 1,
                        default: 0),
               "uchardet_delete");

/* And zlib's, to zlib.h's. */
#define SAME_TYPE(fn, member) \
    _Static_assert(_Generic(&fn, __typeof__(((px_zlib_api *)0)->member): 1, default: 0), #fn)
SAME_TYPE(inflateInit2_, inflate_init2);
SAME_TYPE(inflate, inflate);
SAME_TYPE(inflateReset, inflate_reset);
SAME_TYPE(inflateEnd, inflate_end);

/* Each library of a machine set up by the README loads, with every
 * function, and answers a call. */
static void test_uchardet_loads(void **state)
{
    (void)state;
    const px_uchardet_api *uc = px_uchardet();
    if (!uc)
        fail_msg("%s", px_dynlib_error(PX_LIB_UCHARDET));
    assert_non_null(uc->create);
    assert_non_null(uc->handle_data);
    assert_non_null(uc->data_end);
    assert_non_null(uc->get_charset);
    assert_non_null(uc->destroy);
    assert_null(px_dynlib_error(PX_LIB_UCHARDET));
    /* KOI8-R Russian: "Портовое управление открыло новый причал" twice */
    static const char koi8[] = "\xf0\xcf\xd2\xd4\xcf\xd7\xcf\xc5 \xd5\xd0\xd2\xc1\xd7\xcc\xc5\xce"
                               "\xc9\xc5 \xcf\xd4\xcb\xd2\xd9\xcc\xcf \xce\xcf\xd7\xd9\xca \xd0"
                               "\xd2\xc9\xde\xc1\xcc. \xf0\xcf\xd2\xd4\xcf\xd7\xcf\xc5 \xd5\xd0"
                               "\xd2\xc1\xd7\xcc\xc5\xce\xc9\xc5 \xcf\xd4\xcb\xd2\xd9\xcc\xcf "
                               "\xce\xcf\xd7\xd9\xca \xd0\xd2\xc9\xde\xc1\xcc.";
    struct uchardet *ud = uc->create();
    assert_non_null(ud);
    assert_int_equal(uc->handle_data(ud, koi8, sizeof koi8 - 1), 0);
    uc->data_end(ud);
    const char *cs = uc->get_charset(ud);
    assert_non_null(cs);
    assert_true(*cs != '\0');
    uc->destroy(ud);
    /* the same table every time: loaded once */
    assert_ptr_equal(px_uchardet(), uc);
}

static void test_cld2_loads(void **state)
{
    (void)state;
    const px_cld2_api *cld2 = px_cld2();
    if (!cld2)
        fail_msg("%s", px_dynlib_error(PX_LIB_CLD2));
    assert_non_null(cld2->detect_summary);
    assert_non_null(cld2->language_code);
    assert_null(px_dynlib_error(PX_LIB_CLD2));
    /* the C prototype of the C++ function: a German sentence comes back
     * as German, with its three-language summary filled in */
    static const char text[] = "Die Hafenbeh\xc3\xb6rde hat am Dienstag den neuen Nordkai er\xc3\xb6"
                               "ffnet, nach drei Jahren Bauzeit und vielen Verz\xc3\xb6gerungen.";
    int top3[3] = {-1, -1, -1}, percent3[3] = {-1, -1, -1}, text_bytes = -1;
    bool reliable = false;
    int lang = cld2->detect_summary(text, (int)strlen(text), true, top3, percent3, &text_bytes,
                                    &reliable);
    assert_true(reliable);
    assert_int_equal(top3[0], lang);
    assert_true(percent3[0] > 50 && percent3[0] <= 100);
    assert_true(text_bytes > 0);
    assert_string_equal(cld2->language_code(lang), "de");
    assert_ptr_equal(px_cld2(), cld2);
}

static void test_zlib_loads(void **state)
{
    (void)state;
    const px_zlib_api *zl = px_zlib();
    if (!zl)
        fail_msg("%s", px_dynlib_error(PX_LIB_ZLIB));
    assert_null(px_dynlib_error(PX_LIB_ZLIB));
    /* what the linked zlib compresses, the loaded one inflates, twice
     * over one stream (inflateReset between) */
    static const char text[] = "Die Hafenbeh\xc3\xb6rde hat den neuen Nordkai er\xc3\xb6""ffnet.";
    Bytef packed[256];
    uLongf packed_len = sizeof packed;
    assert_int_equal(compress(packed, &packed_len, (const Bytef *)text, sizeof text), Z_OK);
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(zl->inflate_init2(&z, MAX_WBITS, ZLIB_VERSION, (int)sizeof z), Z_OK);
    for (int round = 0; round < 2; round++) {
        char out[sizeof text + 16];
        z.next_in = packed;
        z.avail_in = (uInt)packed_len;
        z.next_out = (Bytef *)out;
        z.avail_out = sizeof out;
        assert_int_equal(zl->inflate(&z, Z_FINISH), Z_STREAM_END);
        assert_int_equal(sizeof out - z.avail_out, sizeof text);
        assert_memory_equal(out, text, sizeof text);
        assert_int_equal(zl->inflate_reset(&z), Z_OK);
    }
    assert_int_equal(zl->inflate_end(&z), Z_OK);
    assert_ptr_equal(px_zlib(), zl);
}

/* A library that is not installed, or lacks a function: false, one
 * line that names it, and the API table left as it was. */
static void test_missing(void **state)
{
    (void)state;
    px_uchardet_api api;
    memset(&api, 0, sizeof api);
    char err[256] = "";
    static const px_dynsym one[] = {{"uchardet_new", offsetof(px_uchardet_api, create)}};
    assert_false(px_dynlib_open("libpith-no-such-library.so.0", one, 1, &api, err, sizeof err));
    assert_non_null(strstr(err, "libpith-no-such-library.so.0 could not be loaded"));
    assert_null(strchr(err, '\n'));
    assert_null(api.create);

    static const px_dynsym bad[] = {
        {"uchardet_new", offsetof(px_uchardet_api, create)},
        {"uchardet_no_such_function", offsetof(px_uchardet_api, destroy)},
    };
    err[0] = '\0';
    assert_false(px_dynlib_open("libuchardet.so.0", bad, 2, &api, err, sizeof err));
    assert_string_equal(err, "libuchardet.so.0 could not be loaded: no symbol uchardet_no_such_function");
    assert_null(api.create);
    assert_null(api.destroy);

    assert_true(px_dynlib_open("libuchardet.so.0", one, 1, &api, err, sizeof err));
    assert_non_null(api.create);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uchardet_loads),
        cmocka_unit_test(test_cld2_loads),
        cmocka_unit_test(test_zlib_loads),
        cmocka_unit_test(test_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
