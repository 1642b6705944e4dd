#include "url.h"

#include <string.h>
#include "text.h"
#include "ascii.h"

/* The five components of RFC 3986 appendix B; a NULL pointer is an
 * undefined component, as distinct from an empty one. */
typedef struct parts {
    const char *scheme, *auth, *path, *query, *frag;
    size_t scheme_n, auth_n, path_n, query_n, frag_n;
} parts;

static bool scheme_char(char c, bool first)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return !first && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
}

/* Length of a scheme followed by ':' at the start of s, or 0. */
static size_t scheme_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && scheme_char(s[i], i == 0))
        i++;
    return i > 0 && i < n && s[i] == ':' ? i : 0;
}

static void split(const char *s, size_t n, parts *p)
{
    memset(p, 0, sizeof *p);
    size_t i = 0, sl = scheme_len(s, n);
    if (sl) {
        p->scheme = s;
        p->scheme_n = sl;
        i = sl + 1;
    }
    if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
        i += 2;
        size_t st = i;
        while (i < n && s[i] != '/' && s[i] != '?' && s[i] != '#')
            i++;
        p->auth = s + st;
        p->auth_n = i - st;
    }
    size_t st = i;
    while (i < n && s[i] != '?' && s[i] != '#')
        i++;
    p->path = s + st;
    p->path_n = i - st;
    if (i < n && s[i] == '?') {
        st = ++i;
        while (i < n && s[i] != '#')
            i++;
        p->query = s + st;
        p->query_n = i - st;
    }
    if (i < n && s[i] == '#') {
        p->frag = s + i + 1;
        p->frag_n = n - i - 1;
    }
}

/* RFC 3986 5.2.4: appends path with its dot segments removed to out. */
static void remove_dots(px_buf *out, const char *in, size_t n)
{
    size_t base = out->len;
    size_t i = 0;
    while (i < n) {
        const char *s = in + i;
        size_t left = n - i;
        /* A: "../" or "./" prefix */
        if (left >= 3 && !memcmp(s, "../", 3)) {
            i += 3;
        } else if (left >= 2 && !memcmp(s, "./", 2)) {
            i += 2;
        /* B: "/./" or "/." at the end */
        } else if (left >= 3 && !memcmp(s, "/./", 3)) {
            i += 2;
        } else if (left == 2 && !memcmp(s, "/.", 2)) {
            /* leaves "/" as the last segment */
            px_buf_putc(out, '/');
            i = n;
        /* C: "/../" or "/.." at the end: drop the last output segment */
        } else if ((left >= 4 && !memcmp(s, "/../", 4)) || (left == 3 && !memcmp(s, "/..", 3))) {
            while (out->len > base && out->data[out->len - 1] != '/')
                out->len--;
            if (out->len > base)
                out->len--;
            if (left == 3) {
                px_buf_putc(out, '/');
                i = n;
            } else {
                i += 3;
            }
        /* D: "." or ".." alone */
        } else if ((left == 1 && s[0] == '.') || (left == 2 && !memcmp(s, "..", 2))) {
            i = n;
        /* E: move the first segment (with its leading "/") to the output */
        } else {
            size_t j = s[0] == '/' ? 1 : 0;
            while (j < left && s[j] != '/')
                j++;
            px_buf_append(out, s, j);
            i += j;
        }
    }
    if (out->data)
        out->data[out->len] = '\0';
}

static void put(px_buf *b, const char *s, size_t n) { px_buf_append(b, s, n); }

const char *px_url_host(const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    return p ? p + 3 : NULL;
}

bool px_url_host_label(const char *host, size_t *pos, const char **label, size_t *len)
{
    if (!host)
        return false;
    size_t hl = strcspn(host, "/:");
    if (hl && host[hl - 1] == '.')
        hl--; /* the root's empty label: "example.com." */
    for (size_t b = *pos; b < hl;) {
        size_t e = b;
        while (e < hl && host[e] != '.')
            e++;
        if (e >= hl)
            break; /* the top-level domain */
        *pos = e + 1;
        if (e > b && !(e - b == 3 && px_ascii_ieq(host + b, "www", 3))) {
            *label = host + b;
            *len = e - b;
            return true;
        }
        b = e + 1;
    }
    *pos = hl;
    return false;
}

bool px_url_is_absolute(const char *url)
{
    return url && scheme_len(url, strlen(url)) > 0;
}

char *px_url_resolve(const px_alloc *a, const char *base, const char *ref)
{
    /* Clean the reference as browsers do. */
    px_buf r;
    px_buf_init(&r, a);
    const char *s = ref ? ref : "";
    size_t n = strlen(s);
    while (n && (unsigned char)s[0] <= ' ') {
        s++;
        n--;
    }
    while (n && (unsigned char)s[n - 1] <= ' ')
        n--;
    px_buf_reserve(&r, n);
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            px_buf_putc(&r, s[i]);
    if (r.oom) {
        px_buf_free(&r);
        return NULL;
    }
    if (r.data)
        r.data[r.len] = '\0'; /* reserved above, also when nothing was put */
    const char *rs = r.data ? r.data : "";
    if (!base || !px_url_is_absolute(base) || px_url_is_absolute(rs)) {
        /* Nothing to resolve against, or already absolute: only the dot
         * segments of an absolute reference go. */
        if (!px_url_is_absolute(rs) || !base) {
            char *copy = px_strndup(a, rs, r.len);
            px_buf_free(&r);
            return copy;
        }
    }
    parts R, B, T;
    split(rs, r.len, &R);
    split(base, strlen(base), &B);
    memset(&T, 0, sizeof T);
    px_buf out;
    px_buf_init(&out, a);
    px_buf path;
    px_buf_init(&path, a);
    if (R.scheme) {
        T = R;
        remove_dots(&path, R.path, R.path_n);
    } else {
        if (R.auth) {
            T.auth = R.auth;
            T.auth_n = R.auth_n;
            remove_dots(&path, R.path, R.path_n);
            T.query = R.query;
            T.query_n = R.query_n;
        } else {
            if (!R.path_n) {
                put(&path, B.path, B.path_n);
                if (R.query) {
                    T.query = R.query;
                    T.query_n = R.query_n;
                } else {
                    T.query = B.query;
                    T.query_n = B.query_n;
                }
            } else {
                if (R.path[0] == '/') {
                    remove_dots(&path, R.path, R.path_n);
                } else {
                    /* 5.2.3 merge */
                    px_buf m;
                    px_buf_init(&m, a);
                    if (B.auth && !B.path_n) {
                        px_buf_putc(&m, '/');
                    } else {
                        size_t k = B.path_n;
                        while (k && B.path[k - 1] != '/')
                            k--;
                        put(&m, B.path, k);
                    }
                    put(&m, R.path, R.path_n);
                    if (m.oom)
                        path.oom = true;
                    else
                        remove_dots(&path, m.data ? m.data : "", m.len);
                    px_buf_free(&m);
                }
                T.query = R.query;
                T.query_n = R.query_n;
            }
            T.auth = B.auth;
            T.auth_n = B.auth_n;
        }
        T.scheme = B.scheme;
        T.scheme_n = B.scheme_n;
    }
    T.frag = R.frag;
    T.frag_n = R.frag_n;

    put(&out, T.scheme, T.scheme_n);
    px_buf_putc(&out, ':');
    if (T.auth) {
        put(&out, "//", 2);
        put(&out, T.auth, T.auth_n);
    }
    put(&out, path.data ? path.data : "", path.len);
    if (T.query) {
        px_buf_putc(&out, '?');
        put(&out, T.query, T.query_n);
    }
    if (T.frag) {
        px_buf_putc(&out, '#');
        put(&out, T.frag, T.frag_n);
    }
    bool oom = path.oom;
    px_buf_free(&path);
    px_buf_free(&r);
    if (oom) {
        px_buf_free(&out);
        return NULL;
    }
    return px_buf_detach(&out, NULL);
}

bool px_url_is_safe(const char *url, bool image)
{
    if (!url)
        return false;
    size_t n = strlen(url), sl = scheme_len(url, n);
    if (!sl)
        return true;
    static const char ok[][8] = {"http", "https", "mailto", "ftp", "tel"};
    size_t count = image ? 2 : sizeof ok / sizeof *ok;
    for (size_t k = 0; k < count; k++)
        if (strlen(ok[k]) == sl && px_ascii_ieq(url, ok[k], sl))
            return true;
    return false;
}


const char *px_srcset_best(const char *s, size_t *len)
{
    const char *best = NULL;
    double best_size = 0;
    *len = 0;
    while (*s) {
        while (px_ascii_is_space((unsigned char)*s) || *s == ',')
            s++;
        if (!*s)
            break;
        /* The URL runs to white space; commas at its end separate it from
         * the next candidate (commas inside it are part of it). */
        const char *u = s;
        while (*s && !px_ascii_is_space((unsigned char)*s))
            s++;
        size_t ul = (size_t)(s - u);
        bool ended = false;
        while (ul && u[ul - 1] == ',') {
            ul--;
            ended = true;
        }
        double size = 1;
        if (!ended) {
            while (px_ascii_is_space((unsigned char)*s))
                s++;
            /* The descriptor: a number and w or x ("800w", "1.5x"). */
            double v = 0, scale = 0;
            bool digits = false;
            for (; (*s >= '0' && *s <= '9') || *s == '.'; s++) {
                if (*s == '.') {
                    scale = scale ? scale : 1;
                    continue;
                }
                digits = true;
                if (scale)
                    v += (*s - '0') * (scale /= 10);
                else
                    v = v * 10 + (*s - '0');
            }
            if (digits && (*s == 'w' || *s == 'x'))
                size = v;
            while (*s && *s != ',')
                s++;
        }
        if (ul && (!best || size > best_size)) {
            best = u;
            best_size = size;
            *len = ul;
        }
    }
    return best;
}
