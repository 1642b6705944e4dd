/*
 * pith._pith: the CPython binding of libpith.
 *
 * One type, Core, holds a pith_options built once (rule files and
 * ad-blocking lists read and checked, limits set) and compiles a
 * pith_extractor for each combination of flags and target language on
 * first use. Extractors are immutable, so threads share them;
 * the GIL is held while one is compiled (so two threads never build the
 * same one) and released while a page is extracted and rendered.
 *
 * Every output is the library's whole document (PITH_WITH_TITLE, or
 * PITH_DOCUMENT for no title), so Python prints the command's bytes by
 * construction. The keyword API, trafilatura's names and the dict of
 * bare_extraction live in pith/__init__.py: this file only moves bytes and
 * errors across.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <string.h>

#include "pith.h"

/* The output formats, in the order pith/__init__.py numbers them. */
enum { FMT_TEXT, FMT_MARKDOWN, FMT_HTML, FMT_JSON, FMT_COUNT };
static const pith_flags format_flag[FMT_COUNT] = {
    0, PITH_FORMAT_MARKDOWN, PITH_FORMAT_HTML, PITH_FORMAT_JSON,
};

/* --favor: balanced, precision, recall. */
enum { FAVOR_COUNT = 3 };
static const pith_flags favor_flag[FAVOR_COUNT] = {0, PITH_FAVOR_PRECISION, PITH_FAVOR_RECALL};

/* A target language tag with its NUL; the library refuses longer ones. */
#define LANG_CAP 16

/* One extractor per combination of flags (3 favors x links x images x 4
 * formats x title or not x with JSON or not) and target language, which
 * the caller chooses freely, hence a growing array. */
typedef struct {
    pith_flags flags;
    char lang[LANG_CAP]; /* "" for any language */
    pith_extractor *ex;
} slot;

typedef struct {
    PyObject_HEAD
    pith_options *opts; /* rules, lists and limits; flags and language are set per slot */
    pith_flags base_flags;
    int nslots, cap;
    slot *slot;
} Core;

/* pith.Error and its subclasses, by pith_status. */
static PyObject *Error;
static PyObject *status_error[PITH_ERR_LIMIT + 1];

static const struct {
    int status;
    const char *name;
    const char *doc;
    PyObject **base2; /* a builtin exception it also is, or NULL */
} error_types[] = {
    {PITH_ERR_USAGE, "UsageError", "A bad argument or option (also a ValueError).", &PyExc_ValueError},
    {PITH_ERR_INPUT, "InputError",
     "The input cannot be read or decoded, or is not HTML (an image, a PDF, binary data).", NULL},
    {PITH_ERR_RULES, "RulesError", "A rule file cannot be read or is malformed.", NULL},
    {PITH_ERR_NOMEM, "OutOfMemoryError", "An allocation failed (also a MemoryError).",
     &PyExc_MemoryError},
    {PITH_ERR_LIMIT, "LimitError", "The input exceeds a configured limit.", NULL},
};

/* Raises the exception for a failed status, with the library's message. */
static PyObject *raise_status(pith_status status, const pith_error *err)
{
    PyObject *type = status > 0 && status <= PITH_ERR_LIMIT && status_error[status]
                         ? status_error[status] : Error;
    const char *msg = err && err->message[0] ? err->message : pith_status_string(status);
    PyObject *exc = PyObject_CallFunction(type, "s", msg);
    if (!exc)
        return NULL;
    PyObject *code = PyLong_FromLong(status);
    if (!code || PyObject_SetAttrString(exc, "code", code) < 0) {
        Py_XDECREF(code);
        Py_DECREF(exc);
        return NULL;
    }
    Py_DECREF(code);
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
    return NULL;
}

/* The whole document of one format, as `pith --format FMT` prints it: the
 * library makes it (PITH_WITH_TITLE or PITH_DOCUMENT in the flags), so
 * Python prints the command's bytes by construction. */
static PyObject *document(const pith_result *r, int fmt)
{
    static const char *(*const accessor[FMT_COUNT])(const pith_result *, size_t *) = {
        pith_result_text, pith_result_markdown, pith_result_html, pith_result_json,
    };
    size_t len;
    const char *s = accessor[fmt](r, &len);
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
}

static void Core_dealloc(Core *self)
{
    for (int i = 0; i < self->nslots; i++)
        pith_extractor_free(self->slot[i].ex);
    PyMem_Free(self->slot);
    pith_options_free(self->opts);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The extractor for these flags and target language (NULL or "": any),
 * compiled on first use. Called with the GIL held, which is what keeps two
 * threads from compiling the same one. A handful of combinations is the
 * rule, so a linear search is enough. */
static const pith_extractor *get_slot(Core *self, pith_flags flags, const char *lang)
{
    flags |= self->base_flags;
    lang = lang ? lang : "";
    for (int i = 0; i < self->nslots; i++)
        if (self->slot[i].flags == flags && strcmp(self->slot[i].lang, lang) == 0)
            return self->slot[i].ex;
    if (strlen(lang) >= LANG_CAP || pith_options_set_target_language(self->opts, lang)) {
        PyErr_Format(status_error[PITH_ERR_USAGE],
                     "target_language takes a language code such as de or en-US, not '%.40s'",
                     lang);
        return NULL;
    }
    if (self->nslots == self->cap) {
        int cap = self->cap ? 2 * self->cap : 8;
        slot *grown = PyMem_Realloc(self->slot, (size_t)cap * sizeof *grown);
        if (!grown)
            return PyErr_NoMemory(), NULL;
        self->slot = grown;
        self->cap = cap;
    }
    pith_options_set_flags(self->opts, flags);
    pith_error err = {PITH_OK, ""};
    pith_extractor *ex = pith_extractor_new(self->opts, &err);
    if (!ex)
        return raise_status(err.code ? err.code : PITH_ERR_NOMEM, &err), NULL;
    slot *s = &self->slot[self->nslots++];
    s->flags = flags;
    memcpy(s->lang, lang, strlen(lang) + 1);
    s->ex = ex;
    return ex;
}

static const char *limit_names[] = {"bytes", "depth", "nodes", "memory"};

/* Adds each file of a sequence of paths with add (NULL in the sequence:
 * the file's default, for add_adblock_file the system's list). */
static bool add_files(pith_options *opts, PyObject *files, const char *what,
                      pith_status (*add)(pith_options *, const char *, pith_error *))
{
    PyObject *seq = PySequence_Fast(files, what);
    if (!seq)
        return false;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i), *path = NULL;
        if (item != Py_None && !PyUnicode_FSConverter(item, &path)) {
            Py_DECREF(seq);
            return false;
        }
        pith_error err = {PITH_OK, ""};
        pith_status rc = add(opts, path ? PyBytes_AS_STRING(path) : NULL, &err);
        Py_XDECREF(path);
        if (rc) {
            Py_DECREF(seq);
            return raise_status(rc, &err), false;
        }
    }
    Py_DECREF(seq);
    return true;
}

/* Core(rules, default_rules, limits, adblock=(), adblock_cache=None):
 * rules and adblock are sequences of paths (str or bytes; None in adblock
 * is the system's EasyList), limits a dict of the names above to sizes,
 * adblock_cache a directory or None. */
static PyObject *Core_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"rules", "default_rules", "limits", "adblock", "adblock_cache", NULL};
    PyObject *rules, *limits, *adblock = NULL, *cache = NULL;
    int default_rules;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OpO!|OO:Core", kwlist, &rules, &default_rules,
                                     &PyDict_Type, &limits, &adblock, &cache))
        return NULL;
    Core *self = (Core *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    self->opts = pith_options_new(NULL);
    if (!self->opts) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    self->base_flags = default_rules ? 0u : PITH_NO_DEFAULT_RULES;
    for (size_t i = 0; i < sizeof limit_names / sizeof *limit_names; i++) {
        PyObject *v = PyDict_GetItemString(limits, limit_names[i]);
        if (!v)
            continue;
        size_t n = PyLong_AsSize_t(v);
        if (n == (size_t)-1 && PyErr_Occurred()) {
            Py_DECREF(self);
            PyErr_Format(status_error[PITH_ERR_USAGE],
                         "limits['%s'] must be an int from 0 (no limit) up", limit_names[i]);
            return NULL;
        }
        pith_options_set_limit(self->opts, (pith_limit)i, n);
    }
    if (cache && cache != Py_None) {
        PyObject *dir = NULL;
        if (!PyUnicode_FSConverter(cache, &dir)) {
            Py_DECREF(self);
            return NULL;
        }
        pith_options_set_adblock_cache(self->opts, PyBytes_AS_STRING(dir));
        Py_DECREF(dir);
    }
    /* The cache is set first: it is consulted when a list is compiled. */
    if (!add_files(self->opts, rules, "rules must be a sequence of rule file paths",
                   pith_options_add_rules_file) ||
        (adblock && !add_files(self->opts, adblock, "adblock must be a sequence of list paths",
                               pith_options_add_adblock_file))) {
        Py_DECREF(self);
        return NULL;
    }
    /* Compile the plain slot now: a rule that does not compile fails here,
     * not on the first page. */
    if (!get_slot(self, PITH_DOCUMENT, NULL)) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* The input as bytes: a str goes in as UTF-8, with its own declaration
 * overridden (it is Unicode already, as in `pith --jsonl`). */
typedef struct {
    Py_buffer view;
    bool have_view;
    const char *data;
    size_t len;
    const char *encoding;
} input;

static bool input_get(input *in, PyObject *html, PyObject *encoding)
{
    memset(in, 0, sizeof *in);
    if (encoding != Py_None && !PyUnicode_Check(encoding)) {
        PyErr_SetString(PyExc_TypeError, "encoding must be a str or None");
        return false;
    }
    if (PyUnicode_Check(html)) {
        if (encoding != Py_None) {
            PyErr_SetString(status_error[PITH_ERR_USAGE],
                            "encoding applies to bytes input; a str is decoded already");
            return false;
        }
        Py_ssize_t n;
        in->data = PyUnicode_AsUTF8AndSize(html, &n);
        if (!in->data) {
            PyErr_Clear();
            PyErr_SetString(status_error[PITH_ERR_INPUT],
                            "the str holds lone surrogates and cannot be encoded as UTF-8");
            return false;
        }
        in->len = (size_t)n;
        in->encoding = "utf-8";
        return true;
    }
    if (PyObject_GetBuffer(html, &in->view, PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError, "html must be str or bytes, not %.80s",
                     Py_TYPE(html)->tp_name);
        return false;
    }
    in->have_view = true;
    in->data = in->view.buf;
    in->len = (size_t)in->view.len;
    if (encoding != Py_None && !(in->encoding = PyUnicode_AsUTF8(encoding))) {
        PyBuffer_Release(&in->view);
        in->have_view = false;
        return false;
    }
    return true;
}

static void input_release(input *in)
{
    if (in->have_view)
        PyBuffer_Release(&in->view);
}

/* Runs one page with the output flags of args, plus extra flags. On
 * success *out holds the result (NULL: no article) and *fmt_out the format
 * index; on failure an exception is set. */
static bool run(Core *self, PyObject *args, pith_flags extra, pith_result **out, int *fmt_out)
{
    PyObject *html, *url, *encoding;
    int fmt, favor, links, images, with_title;
    const char *lang = NULL, *date = NULL;
    if (!PyArg_ParseTuple(args, "OOOiippp|zz", &html, &url, &encoding, &fmt, &favor, &links,
                          &images, &with_title, &lang, &date))
        return false;
    if (fmt < 0 || fmt >= FMT_COUNT || favor < 0 || favor >= FAVOR_COUNT) {
        PyErr_SetString(status_error[PITH_ERR_USAGE], "bad format or favor index");
        return false;
    }
    const char *curl = NULL;
    if (url != Py_None) {
        if (!PyUnicode_Check(url)) {
            PyErr_SetString(PyExc_TypeError, "url must be a str or None");
            return false;
        }
        if (!(curl = PyUnicode_AsUTF8(url)))
            return false;
    }
    pith_flags flags = extra | favor_flag[favor] | format_flag[fmt] |
                       (links ? PITH_WITH_LINKS : 0u) | (images ? PITH_WITH_IMAGES : 0u) |
                       (with_title ? PITH_WITH_TITLE : PITH_DOCUMENT);
    const pith_extractor *ex = get_slot(self, flags, lang);
    if (!ex)
        return false;
    input in;
    if (!input_get(&in, html, encoding))
        return false;
    pith_error err = {PITH_OK, ""};
    pith_result *r = NULL;
    pith_status rc;
    Py_BEGIN_ALLOW_THREADS
    rc = pith_extract_dated(ex, in.data, in.len, in.encoding, curl, date, &r, &err);
    Py_END_ALLOW_THREADS
    input_release(&in);
    if (rc == PITH_NO_CONTENT) {
        pith_result_free(r);
        r = NULL;
    } else if (rc != PITH_OK) {
        raise_status(rc, &err);
        return false;
    }
    *out = r;
    *fmt_out = fmt;
    return true;
}

/* The document alone: nobody reads the metadata, unless it is JSON's
 * (PITH_NO_METADATA leaves it out, and is ignored for JSON). */
static PyObject *Core_extract(Core *self, PyObject *args)
{
    pith_result *r;
    int fmt;
    if (!run(self, args, PITH_NO_METADATA, &r, &fmt))
        return NULL;
    PyObject *s = r ? document(r, fmt) : Py_NewRef(Py_None);
    pith_result_free(r);
    return s;
}

/* (document, JSON document): the JSON holds the metadata and the plain
 * text, exactly as --format json gives them. */
static PyObject *Core_bare(Core *self, PyObject *args)
{
    pith_result *r;
    int fmt;
    if (!run(self, args, PITH_FORMAT_JSON, &r, &fmt))
        return NULL;
    if (!r)
        return Py_NewRef(Py_None);
    PyObject *doc = document(r, fmt);
    PyObject *json = doc ? document(r, FMT_JSON) : NULL;
    pith_result_free(r);
    PyObject *t = json ? PyTuple_Pack(2, doc, json) : NULL;
    Py_XDECREF(doc);
    Py_XDECREF(json);
    return t;
}

static PyMethodDef Core_methods[] = {
    {"extract", (PyCFunction)Core_extract, METH_VARARGS,
     "extract(html, url, encoding, fmt, favor, links, images, with_title, lang=None, date=None)"
     " -> str | None\n\n"
     "The document as `pith --format FMT` prints it; None when the page holds no article."},
    {"bare", (PyCFunction)Core_bare, METH_VARARGS,
     "bare(html, url, encoding, fmt, favor, links, images, with_title, lang=None, date=None)"
     " -> (str, str) | None\n\n"
     "The document and the --format json document; None when the page holds no article."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject CoreType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pith._pith.Core",
    .tp_basicsize = sizeof(Core),
    .tp_dealloc = (destructor)Core_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Core(rules, default_rules, limits, adblock=(), adblock_cache=None)\n\n"
              "Compiled rules, lists and limits; one libpith extractor per combination of "
              "flags and target language, "
              "built on first use and shared by every thread. See pith.Extractor.",
    .tp_methods = Core_methods,
    .tp_new = Core_new,
};

static PyObject *version(PyObject *mod, PyObject *unused)
{
    (void)mod;
    (void)unused;
    return PyUnicode_FromString(pith_version());
}

static PyMethodDef module_methods[] = {
    {"version", version, METH_NOARGS, "version() -> str: the version of libpith."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pith._pith",
    .m_doc = "The C binding of libpith; use the pith package, not this module.",
    .m_size = -1,
    .m_methods = module_methods,
};

/* Creates pith.Error and its subclasses and adds them to m. */
static int add_errors(PyObject *m)
{
    Error = PyErr_NewExceptionWithDoc("pith.Error",
                                      "Base class of every failure pith reports; .code is the "
                                      "pith_status (the command's exit status).",
                                      NULL, NULL);
    if (!Error || PyModule_AddObjectRef(m, "Error", Error) < 0)
        return -1;
    for (size_t i = 0; i < sizeof error_types / sizeof *error_types; i++) {
        char name[64];
        PyOS_snprintf(name, sizeof name, "pith.%s", error_types[i].name);
        PyObject *bases = error_types[i].base2 ? PyTuple_Pack(2, Error, *error_types[i].base2)
                                               : PyTuple_Pack(1, Error);
        if (!bases)
            return -1;
        PyObject *t = PyErr_NewExceptionWithDoc(name, error_types[i].doc, bases, NULL);
        Py_DECREF(bases);
        if (!t || PyModule_AddObjectRef(m, error_types[i].name, t) < 0) {
            Py_XDECREF(t);
            return -1;
        }
        status_error[error_types[i].status] = t;
    }
    return 0;
}

PyMODINIT_FUNC PyInit__pith(void); /* for -Wmissing-prototypes */
PyMODINIT_FUNC PyInit__pith(void)
{
    if (PyType_Ready(&CoreType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    if (add_errors(m) < 0 || PyModule_AddObjectRef(m, "Core", (PyObject *)&CoreType) < 0 ||
        PyModule_AddIntConstant(m, "NO_CONTENT", PITH_NO_CONTENT) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
