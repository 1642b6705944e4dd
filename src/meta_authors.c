/*
 * Authors: raw author strings cleaned into one name per person, and the
 * bylines the page shows (rel=author links, author pages, byline classes).
 */
#include "meta_impl.h"

#include <string.h>
#include "text.h"

/* ------------------------------------------------------------------ */
/* Authors                                                              */

static const char *const role_words[] = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent",
    "correspondents", "editor", "editors", "contributor", "contributors",
    "contributing", "columnist", "journalist", "journalists", "photographer",
    "photographers", "photos", "photo", "senior", "chief", "associate",
    "assistant", "deputy", "special", "foreign", "freelance", "guest", "author",
    "authors", "managing", "executive", "editorial", "intern", "analyst",
    "producer", "video", "digital", "copy", "redakteur", "redakteurin",
    "korrespondent", "korrespondentin", "autor", "autorin", "journaliste",
    "rédacteur", "rédactrice", "redactor", "redactora", "redactie", "periodista",
    "giornalista", "corrispondente", "redacteur", "verslaggever", "jornalista",
    "envoyé", "envoyée", "spécial", "spéciale",
};

static const char *const by_words[] = {
    "written by", "posted by", "words by", "story by", "reporting by", "text by",
    "published by", "byby", "by", "von", "par", "por", "di", "door", "av", "af", "author", "autor",
    "auteur", "autore", "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", /* Автор */
    "\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80",                 /* автор */
};

static bool is_role_word(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof role_words / sizeof *role_words; k++)
        if (strlen(role_words[k]) == n && px_ascii_ieq(w, role_words[k], n))
            return true;
    return false;
}

/* The accounts a CMS names when no one signed: "admin", "jdadmin",
 * "Unknown", "Anonymous". */
static bool placeholder(const char *s, size_t n)
{
    static const char *const words[] = {"unknown", "anonymous", "anonym", "anonyme", "anónimo",
                                        "webmaster", "root", "guest", "user", "null", "none"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && px_ascii_ieq(s, words[k], n))
            return true;
    for (size_t i = 0; i + 5 <= n; i++)
        if (px_ascii_ieq(s + i, "admin", 5))
            return true;
    /* a user slug: "jane.doe", "jane_doe", in lower case */
    bool joined = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            return false;
        joined |= (s[i] == '.' || s[i] == '_') && i > 0 && i + 1 < n;
    }
    return joined;
}

/* A name in capitals only ("ROBERT BURNS"), with a word of three letters
 * or more: not an acronym such as "AP". ASCII and Latin-1 letters. */
static bool all_caps(const char *s, size_t n)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x9F))
            return false;
        if ((c >= 'A' && c <= 'Z') || c == 0xC3)
            run++;
        else if (!(c & 0x80) || c >= 0xC0)
            run = 0;
        if (run > longest)
            longest = run;
    }
    return longest >= 3;
}

/* "ROBERT O'NEIL-SMITH" -> "Robert O'Neil-Smith": the first letter after
 * a space, hyphen or apostrophe stays; the others go to lower case. */
static void title_case(const char *s, size_t n, char *out)
{
    bool start = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            out[i] = start ? (char)c : (char)(c + 32);
            start = false;
        } else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9E && (unsigned char)s[i + 1] != 0x97) {
            out[i] = (char)c;
            out[i + 1] = (char)(start ? s[i + 1] : (char)((unsigned char)s[i + 1] + 0x20));
            i++;
            start = false;
        } else {
            out[i] = (char)c;
            start = c == ' ' || c == '-' || c == '\'' || c == '.';
        }
    }
    out[n] = '\0';
}

/* Cleans one candidate name s[0..n) and adds it. */
static int add_name(const px_meta *m, px_strlist *out, const char *s, size_t n)
{
    /* trim white space and stray punctuation */
    for (;;) {
        while (n && (px_meta_is_ws((unsigned char)*s) || *s == ':' || *s == '-' || *s == ',' || *s == '.')) {
            s++;
            n--;
        }
        while (n && (px_meta_is_ws((unsigned char)s[n - 1]) || s[n - 1] == ':' || s[n - 1] == '-' ||
                     s[n - 1] == ','))
            n--;
        /* leading "By", "Written by", "Von", "Author:" */
        bool again = false;
        for (size_t k = 0; k < sizeof by_words / sizeof *by_words; k++) {
            size_t bl = strlen(by_words[k]);
            if (n == bl && px_ascii_ieq(s, by_words[k], bl))
                return PITH_OK; /* "By" and nothing else */
            if (n > bl && px_ascii_ieq(s, by_words[k], bl) && (px_meta_is_ws((unsigned char)s[bl]) || s[bl] == ':')) {
                s += bl;
                n -= bl;
                again = true;
                break;
            }
        }
        if (!again)
            break;
    }
    if (!n || n > 80)
        return PITH_OK;
    /* words: none may hold a digit, '@' (a handle) or "://" */
    const char *ws[16];
    size_t wl[16];
    int nw = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && px_meta_is_ws((unsigned char)s[i]))
            i++;
        if (i >= n)
            break;
        size_t st = i;
        while (i < n && !px_meta_is_ws((unsigned char)s[i]))
            i++;
        if (nw == 16)
            return PITH_OK;
        ws[nw] = s + st;
        wl[nw++] = i - st;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= '0' && ch <= '9') || ch == '@' || ch == '/' || ch == '<' || ch == '>')
            return PITH_OK;
        /* arrows and guillemets: "View Archive →", "More »" */
        if ((ch == 0xE2 && i + 1 < n && ((unsigned char)s[i + 1] == 0x86 || (unsigned char)s[i + 1] == 0x87)) ||
            (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB) ||
            (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xBA))
            return PITH_OK;
    }
    /* link labels, not names */
    static const char *const labels[] = {"view", "archive", "posts", "all", "more", "profile",
                                         "articles", "stories", "read", "see", "follow", "contact",
                                         "email", "website", "home", "bio", "click", "here",
                                         "rss", "feed", "zeige", "alle", "beiträge", "artikel",
                                         "voir", "tous", "ver", "todos", "tutti"};
    for (int k = 0; k < nw; k++)
        for (size_t l = 0; l < sizeof labels / sizeof *labels; l++)
            if (strlen(labels[l]) == wl[k] && px_ascii_ieq(ws[k], labels[l], wl[k]))
                return PITH_OK;
    /* roles before and after the name, as long as two words of a name
     * stay ("Jane Doe, Staff Writer"; but "Mary Writer" is a name) */
    int b = 0, e = nw, roles = 0;
    for (int k = 0; k < nw; k++)
        roles += is_role_word(ws[k], wl[k]);
    if (roles == nw)
        return PITH_OK;
    while (e - b > 2 && is_role_word(ws[e - 1], wl[e - 1]))
        e--;
    while (e - b > 2 && is_role_word(ws[b], wl[b]))
        b++;
    if (e - b > 6)
        return PITH_OK;
    /* the site's name after a person's: "Adam Aaronson PhillyVoice" */
    if (m && m->site_name && e - b > 2) {
        size_t sl = strlen(m->site_name);
        if (sl == wl[e - 1] && px_ascii_ieq(ws[e - 1], m->site_name, sl))
            e--;
    }
    s = ws[b];
    n = (size_t)(ws[e - 1] + wl[e - 1] - s);
    if (m && m->site_name && strlen(m->site_name) == n && px_ascii_ieq(m->site_name, s, n))
        return PITH_OK;
    if (e - b == 1 && placeholder(s, n))
        return PITH_OK;
    if (out->n >= MAX_AUTHORS)
        return PITH_OK;
    /* one space between words; capitals only become title case */
    char buf[MAX_ITEM + 1], cased[MAX_ITEM + 1];
    if (n > MAX_ITEM)
        return PITH_OK;
    size_t bn = 0;
    for (size_t i = 0; i < n; i++)
        if (!px_meta_is_ws((unsigned char)s[i]))
            buf[bn++] = s[i];
        else if (bn && buf[bn - 1] != ' ')
            buf[bn++] = ' ';
    buf[bn] = '\0';
    const char *name = buf;
    if (all_caps(buf, bn)) {
        title_case(buf, bn, cased);
        name = cased;
    }
    return px_meta_list_add(m ? m->a : NULL, out, name, bn);
}

/* Words in s[0..n), by white space. */
static size_t words(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (!px_meta_is_ws((unsigned char)s[i]) && (i == 0 || px_meta_is_ws((unsigned char)s[i - 1])))
            count++;
    return count;
}

int px_meta_add_authors(const px_meta *m, px_strlist *out, const char *raw)
{
    if (!raw)
        return PITH_OK;
    size_t n = strlen(raw);
    if (strstr(raw, "://") || px_meta_prefix_ci(raw, "www."))
        return PITH_OK;
    /* a photo credit names a photographer, not the article's author */
    static const char *const credits[] = {"foto:", "fotos:", "photo:", "photos:", "credit:",
                                          "credits:", "bild:", "image:", "picture:"};
    for (size_t k = 0; k < sizeof credits / sizeof *credits; k++)
        if (px_meta_prefix_ci(raw + strspn(raw, " \t\n"), credits[k]))
            return PITH_OK;
    /* a name in parentheses as a whole: "(Jane Doe)", "（北浜日報 社会部）" */
    while (n && px_meta_is_ws((unsigned char)*raw)) {
        raw++;
        n--;
    }
    while (n && px_meta_is_ws((unsigned char)raw[n - 1]))
        n--;
    if (n >= 2 && raw[0] == '(' && raw[n - 1] == ')') {
        raw++;
        n -= 2;
    } else if (n >= 6 && !memcmp(raw, "\xef\xbc\x88", 3) && !memcmp(raw + n - 3, "\xef\xbc\x89", 3)) {
        raw += 3;
        n -= 6;
    }
    /* Drop parenthesised parts: "Jane Doe (Reuters)". */
    char buf[512];
    size_t bn = 0;
    int depth = 0;
    for (size_t i = 0; i < n && bn + 1 < sizeof buf; i++) {
        if (raw[i] == '(' || raw[i] == '[')
            depth++;
        else if ((raw[i] == ')' || raw[i] == ']') && depth)
            depth--;
        else if (!depth)
            buf[bn++] = raw[i];
    }
    buf[bn] = '\0';
    /* Split on the separators between names. */
    enum { FIRST_CONJ = 4, LAST_CONJ = 10 }; /* " and " to " en " below */
    static const char *const seps[] = {
        ",", ";", "|", " / ", " and ", " & ", " und ", " et ", " y ", " e ", " en ",
        " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", "\xc2\xb7", "\xe2\x80\xa2",
    };
    size_t st = 0;
    for (size_t i = 0; i <= bn;) {
        size_t sl = 0;
        if (i < bn)
            for (size_t k = 0; k < sizeof seps / sizeof *seps && !sl; k++) {
                size_t l = strlen(seps[k]);
                if (i + l <= bn && px_ascii_ieq(buf + i, seps[k], l))
                    sl = l;
                /* "and" and "&" join two full names, never two words of
                 * one name: "Salt & Pepper" is one */
                if (sl && k >= FIRST_CONJ && k <= LAST_CONJ &&
                    (words(buf + st, i - st) < 2 || words(buf + i + sl, strcspn(buf + i + sl, ",;|")) < 2))
                    sl = 0;
            }
        if (i == bn || sl) {
            int rc = add_name(m, out, buf + st, i - st);
            if (rc)
                return rc;
            i += sl ? sl : 1;
            st = i;
        } else {
            i++;
        }
    }
    return PITH_OK;
}

void px_meta_add_raw(ctx *c, const char *raw, bool html)
{
    if (!raw || c->rc)
        return;
    char *v = px_meta_clean(c, raw, html);
    if (!v)
        return;
    if (px_meta_add_authors(c->m, &c->m->authors, v))
        c->rc = PITH_ERR_NOMEM;
    px_free(c->a, v);
}

/* The author's name in a link to the author's page ("/author/jane/"), or
 * in an element whose class says byline or author. */
void px_meta_visible_byline(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    static const char *const paths[] = {"/author/", "/authors/", "/autor/", "/autoren/", "/autori/",
                                        "/auteur/", "/auteurs/", "/autores/", "/redactie/"};
    static const char *const classes[] = {"byline", "author", "firma", "autor", "auteur", "writer"};
    int links = 0;
    for (int i = 0; i < c->doc->n && links < 3 && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (!px_meta_is_elem(nd, GUMBO_TAG_A) || !px_attr(nd, "href"))
            continue;
        if (!px_meta_path_has(px_attr(nd, "href"), paths, sizeof paths / sizeof *paths) || px_meta_elsewhere(c, i, 8))
            continue;
        links++;
        char *v = px_meta_node_text(c, i, 120);
        px_meta_add_raw(c, v, false);
        px_free(c->a, v);
    }
    for (int i = 0; i < c->doc->n && !c->m->authors.n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
            nd->tag == GUMBO_TAG_A || !px_meta_named(c, i, 0, classes, sizeof classes / sizeof *classes) ||
            px_meta_elsewhere(c, i, 8))
            continue;
        char *v = px_meta_node_text(c, i, 120);
        if (v && strlen(v) <= 100)
            px_meta_add_raw(c, v, false);
        px_free(c->a, v);
    }
}


/* The text of the first rel=author links. */
void px_meta_rel_authors(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    for (int i = 0, seen = 0; i < c->doc->n && seen < 4 && !c->rc; i++)
        if (px_meta_is_elem(&nodes[i], GUMBO_TAG_A) && px_meta_has_token(px_attr(&nodes[i], "rel"), "author")) {
            seen++;
            char *v = px_meta_node_text(c, i, 200);
            px_meta_add_raw(c, v, false);
            px_free(c->a, v);
        }
}
