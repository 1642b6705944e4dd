/*
 * Authors: raw author strings cleaned into one name per person, and the
 * bylines the page shows (rel=author links, author pages, byline classes).
 */
#include "meta_impl.h"

#include <string.h>
#include "date.h"
#include "text.h"

/* ------------------------------------------------------------------ */
/* Authors                                                              */

static const char role_words[][36] = {
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
    "envoyé", "envoyée", "envoyés", "envoyées", "spécial", "spéciale", "spéciaux", "spéciales",
    "kontributor", "koresponden", "wartawan", "penulis", /* id: "Kontributor Sleman, Dimas Prasetyo" */
    "\xea\xb8\xb0\xec\x9e\x90",             /* 기자 (ko: reporter) */
    "\xed\x8a\xb9\xed\x8c\x8c\xec\x9b\x90", /* 특파원 (ko: correspondent) */
    "\xe8\xa8\x98\xe8\x80\x85", "\xe8\xae\xb0\xe8\x80\x85", /* 記者 记者 */
    "כתב", "כתבת", "כתבנו", "כתבתנו",     /* he: reporter, our reporter */
    "مراسل", "مراسلة",                    /* ar: correspondent */
    "संवाददाता",                          /* hi: correspondent */
    "প্রতিবেদক",                          /* bn: reporter */
    "செய்தியாளர்", "சிறப்புச்",            /* ta: reporter, special */
    "ผู้สื่อข่าว",                           /* th: reporter */
    "корреспондент", "корреспондентка", "кореспондент", "кореспондентка",
    "muhabir", "muhabiri",                /* tr */
    "δημοσιογράφος",                      /* el: journalist */
    "professor", "lecturer", "researcher", "postdoctoral", "director",
};

/* The words that tie a role to its field: "Professor of Hydrology",
 * "Redactora de Sociedad", "Redakteurin im Ressort Politik". */
static const char role_ties[][4] = {"of", "at", "in", "de", "del", "di", "da", "du", "au", "à", "im", "bei", "en", "van", "bij"};

static bool is_role_word(const char *w, size_t n)
{
    return px_word_in(w, n, PX_WORDS(role_words));
}

/* Academic titles before or after a name: "Mgr. Jana Nováková, Ph.D.",
 * "Prof. Dr. Anna Weber", "dott.ssa Giulia Neri". */
static bool is_academic_title(const char *w, size_t n)
{
    static const char titles[][16] = {
        "dr.", "prof.", "mgr.", "ing.", "bc.", "phdr.", "rndr.", "mudr.", "judr.", "paeddr.", "mvdr.",
        "doc.", "dipl.-ing.", "mag.", "dott.", "dott.ssa", "ph.d.", "phd", "csc.", "drsc.", "dr.-ing.",
        "univ.-prof.", "priv.-doz.", "dipl.", "hab.", "inż.", "lic.",
    };
    return px_word_in(w, n, PX_WORDS(titles));
}

/* The accounts a CMS names when no one signed: "admin", "jdadmin",
 * "Unknown", "Anonymous". */
static bool placeholder(const char *s, size_t n)
{
    static const char words[][28] = {"unknown", "anonymous", "anonym", "anonyme", "anónimo",
                                     "webmaster", "root", "guest", "user", "null", "none",
                                     /* "Administrator" in Cyrillic and Greek scripts */
                                     "Администратор", "администратор", "Адміністратор",
                                     "адміністратор", "Διαχειριστής", "διαχειριστής"};
    if (px_word_in(s, n, PX_WORDS(words)))
        return true;
    for (size_t i = 0; i + 5 <= n; i++)
        if (px_ascii_ieq(s + i, "admin", 5))
            return true;
    return false;
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

/* The next word of s[0..n) from *i on, by white space: its start in
 * *st, *i after its end. False when there is none. */
static bool next_word(const char *s, size_t n, size_t *i, size_t *st)
{
    while (*i < n && px_meta_is_ws((unsigned char)s[*i]))
        (*i)++;
    *st = *i;
    while (*i < n && !px_meta_is_ws((unsigned char)s[*i]))
        (*i)++;
    return *i > *st;
}

/* One word of letters with digits, '_' or '.' in it: a handle. */
static bool handle(const char *s, size_t n)
{
    size_t letters = 0, marks = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
            letters++;
        else if ((ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-')
            marks++;
        else
            return false;
    }
    return letters >= 2 && marks && ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z');
}

/* What one part of an author string is. */
typedef enum {
    PART_NONE,   /* nothing to keep: a label, a date, a role alone */
    PART_PERSON, /* a name of two words or more */
    PART_WORD,   /* one word: a handle, an agency ("AP"), or a place or a
                  * degree when it follows a name ("London", "MS") */
    PART_ROLE,   /* a name with a role in it: "AP National Security Writer" */
    PART_AFFIL,  /* "NJ Advance Media for NJ.com": the byline's affiliation */
    PART_ORG,    /* the site's name, a name that holds it, a host name */
} part_kind;

/* A host name alone: "MesOpinions.com", "www.portalspozywczy.pl". */
static bool host_name(const char *s, size_t n)
{
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        if (px_meta_is_ws((unsigned char)s[i]))
            return false;
        if (s[i] == '.')
            dot = s + i;
    }
    if (!dot || dot == s)
        return false;
    size_t tld = (size_t)(s + n - dot - 1);
    for (size_t i = 1; i <= tld; i++) {
        char ch = dot[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            return false;
    }
    return tld >= 2 && tld <= 6;
}

/* Does s[0..n) end with the site's name, as whole words ("Redacción
 * Diario del Guadalquivir" on Diario del Guadalquivir, "Zespół
 * wPolityce.pl")? A site named after its author starts the author's
 * byline instead ("Christoph Hein Chefredakteur"). */
static bool holds_site(const px_meta *m, const char *s, size_t n)
{
    if (!m || !m->site_name)
        return false;
    size_t sl = strlen(m->site_name);
    return sl && sl <= n && px_ascii_ieq(s + n - sl, m->site_name, sl) &&
           (sl == n || px_meta_is_ws((unsigned char)s[n - sl - 1]));
}

/* A news desk or an editorial team signs for no one: the newsroom's name
 * is an organisation's even where the markup types it a Person (a CMS
 * user named "Redação"), and a person who signs the text replaces it.
 * Whole words, any case; the CJK ones also at the end of a word
 * ("本报编辑部"). */
static const char desk_words[][20] = {
    "newsroom", "news desk", "newsdesk", "web desk", "editorial team", "editorial staff",
    "editorial board", "editorial desk", "staff reports",
    "reda\xc3\xa7\xc3\xa3o", "redacao", "REDA\xc3\x87\xc3\x83O",             /* pt: Redação */
    "redacci\xc3\xb3n", "redaccion", "REDACCI\xc3\x93N",                       /* es: Redacción */
    "redazione", "r\xc3\xa9" "daction", "R\xc3\x89" "DACTION", "redaction", /* it, fr */
    "redaktion", "redaktionsteam", "redactie", "redakcja", "redakce", "redakcia",
    "haber merkezi", "haber masas\xc4\xb1",                                   /* tr: Haber Merkezi, Haber Masası */
    "\xd0\xa0\xd0\xb5\xd0\xb4\xd0\xb0\xd0\xba\xd1\x86\xd0\xb8\xd1\x8f", /* ru: Редакция */
    "\xd1\x80\xd0\xb5\xd0\xb4\xd0\xb0\xd0\xba\xd1\x86\xd0\xb8\xd1\x8f", /* ru: редакция */
    "\xd0\xa0\xd0\x95\xd0\x94\xd0\x90\xd0\x9a\xd0\xa6\xd0\x98\xd0\xaf", /* ru: РЕДАКЦИЯ */
    "\xd0\xa0\xd0\xb5\xd0\xb4\xd0\xb0\xd0\xba\xd1\x86\xd1\x96\xd1\x8f", /* uk: Редакція */
    "\xe7\xbc\x96\xe8\xbe\x91\xe9\x83\xa8",                             /* zh: 编辑部 */
    "\xe7\xb7\xa8\xe8\xbc\xaf\xe9\x83\xa8",                             /* zh-Hant: 編輯部 */
    "\xe7\xb7\xa8\xe9\x9b\x86\xe9\x83\xa8",                             /* ja: 編集部 */
    "\xed\x8e\xb8\xec\xa7\x91\xeb\xb6\x80",                             /* ko: 편집부 */
    "편집국", "보도국", "편집팀", "취재팀",                                /* ko: editorial and news bureaus, desks */
    "編集局", "编辑中心", "新闻中心",                                      /* ja, zh */
};

/* Nouns that name a public body or an institution: "U.S. Customs and
 * Border Protection", "Lakeland County Parks and Recreation Department",
 * "Department of Health and Human Services" are one organisation, not
 * two names joined by "and". */
static const char body_words[][16] = {
    "department", "agency", "office", "ministry", "bureau", "administration", "authority",
    "commission", "council", "county", "police", "university", "institute", "association",
    "foundation", "society", "corporation", "committee", "customs", "protection", "services",
    "affairs", "recreation", "division", "federation", "laboratory", "hospital", "government",
    "municipality", "agencies", "departments", "ministerium", "amt", "behörde", "universität",
    "ministère", "ministerio", "ministero", "agencia", "agenzia", "université", "universidad",
    "college", "school", "faculty", "fakultät", "faculté", "facultad", "facoltà",
};

/* Does s[0..n) hold one of body_words as a whole word? */
static bool names_body(const char *s, size_t n)
{
    for (size_t i = 0, st; next_word(s, n, &i, &st);) {
        size_t w = i - st;
        while (w && (s[st + w - 1] == ',' || s[st + w - 1] == '.'))
            w--;
        if (px_word_in(s + st, w, PX_WORDS(body_words)))
            return true;
    }
    return false;
}

/* The wire services whose name follows a reporter's in a byline
 * ("MARCUS FLEMING Associated Press"). */
static const char wire_words[][28] = {
    "associated press", "the associated press", "ap", "reuters", "thomson reuters", "afp",
    "agence france-presse", "agence france presse", "dpa", "efe", "agencia efe", "ansa", "pap",
    "bloomberg", "bloomberg news", "upi", "united press international", "kyodo", "kyodo news",
    "xinhua", "tass", "ria novosti", "apa", "sda", "keystone-sda", "belga", "anp", "tt", "ntb",
    "ritzau", "ctk", "\xc4\x8dtk", "lusa", "agência lusa", "europa press", "yonhap", "pti", "ians",
    "cnn wire", "canadian press", "the canadian press", "aap", "kna", "epd",
};

/* Do the words ws/wl hold an entry of table as whole words? The index
 * of its first word in *first, of the word after it in *after. */
static bool holds_words(px_words table, const char *const *ws, const size_t *wl, int nw, int *first, int *after)
{
    for (int k = 0; k < nw; k++)
        for (size_t t = 0; t < table.count; t++) {
            const char *e = px_word_at(table, t);
            size_t el = strlen(e);
            /* the entry's words, one by one against the name's */
            int j = k;
            size_t at = 0;
            while (j < nw && at < el) {
                size_t l = strcspn(e + at, " ");
                size_t w = wl[j];
                while (w && (ws[j][w - 1] == ',' || ws[j][w - 1] == '.' || ws[j][w - 1] == ':'))
                    w--;
                bool cjk = (unsigned char)e[0] >= 0xE3 && w > l;
                if (cjk ? memcmp(ws[j] + w - l, e + at, l) != 0 : (l != w || !px_ascii_ieq(ws[j], e + at, l)))
                    break;
                j++;
                at += l;
                at += e[at] == ' ';
            }
            if (at >= el) {
                *first = k;
                *after = j;
                return true;
            }
        }
    return false;
}

static size_t words(const char *s, size_t n);

/* The length of a conjunction and its space opening s[0..n), with more
 * after it: a list's last part ("Jane Doe, John Roe, and Mary Poe"), or a
 * prefixed "and" set apart from a name in its own element ("…, ו<span>יואב
 * כהן</span>"). Lower case only: "E. Lind" and "I Wayan" are names. */
static size_t conjunction(const char *s, size_t n)
{
    static const char conj[][12] = {"and", "und", "et", "y", "e", "i", "&", "og", "ve", "v\xc3\xa0", "dan",
                                    "\xd7\x95", "\xd9\x88", "\xd0\xb8", "και", "और", "اور", "ও", "และ"};
    size_t w = 0;
    while (w < n && !px_meta_is_ws((unsigned char)s[w]))
        w++;
    if (w == n)
        return 0;
    for (size_t k = 0; k < sizeof conj / sizeof *conj; k++)
        if (strlen(conj[k]) == w && !memcmp(s, conj[k], w))
            return w + 1;
    return 0;
}

static bool editor_lead(const char *s, size_t n);
static bool editor_before(const char *text, size_t at);

/* Cleans one candidate name s[0..n) into out (MAX_ITEM + 1 bytes) and
 * says what it is. */
static part_kind clean_name(const px_meta *m, const char *s, size_t n, char *out)
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
        /* leading "By", "Written by", "Von", "Author:" (meta_byword.c) */
        size_t bl = px_byword_lead(s, n, m ? m->lang : NULL);
        if (!bl && (px_byword_is(s, n) || px_byword_credit(s, n) || editor_lead(s, n)))
            return PART_NONE; /* "By" and nothing else; "Fotos: Álvaro Benítez"; "संपादन: नेहा सिंह" */
        if (!bl)
            break;
        s += bl;
        n -= bl;
    }
    size_t conj = conjunction(s, n);
    s += conj;
    n -= conj;
    if (!n || n > 80)
        return PART_NONE;
    if (host_name(s, n))
        goto org;
    /* words, without e-mail addresses ("Lüder Hoppe info@buero-hoppe.de");
     * none may hold a digit, a handle's '@' or a path */
    const char *ws[16];
    size_t wl[16];
    int nw = 0;
    for (size_t i = 0, st; next_word(s, n, &i, &st);) {
        const char *at = memchr(s + st, '@', i - st);
        if (at && at > s + st && memchr(at, '.', (size_t)(s + i - at)))
            continue;
        if (nw == 16)
            return PART_NONE;
        ws[nw] = s + st;
        wl[nw++] = i - st;
    }
    if (!nw)
        return PART_NONE;
    for (int k = 0; k < nw; k++)
        for (size_t i = 0; i < wl[k]; i++) {
            const char *w = ws[k];
            unsigned char ch = (unsigned char)w[i];
            if ((ch >= '0' && ch <= '9' && !(nw == 1 && handle(w, wl[k]))) || ch == '@' || ch == '/' || ch == '<' || ch == '>')
                return PART_NONE;
            /* arrows and guillemets: "View Archive →", "More »" */
            if ((ch == 0xE2 && i + 1 < wl[k] && ((unsigned char)w[i + 1] == 0x86 || (unsigned char)w[i + 1] == 0x87)) ||
                (ch == 0xC2 && i + 1 < wl[k] && (unsigned char)w[i + 1] == 0xBB) ||
                (ch == 0xE2 && i + 2 < wl[k] && (unsigned char)w[i + 1] == 0x80 && (unsigned char)w[i + 2] == 0xBA))
                return PART_NONE;
        }
    /* link labels, not names */
    static const char labels[][16] = {"view", "archive", "posts", "all", "more", "profile",
                                      "articles", "stories", "read", "see", "follow", "contact",
                                      "email", "website", "home", "bio", "click", "here",
                                      "rss", "feed", "zeige", "alle", "beiträge", "artikel",
                                      "voir", "tous", "ver", "todos", "tutti", "mehr", "más", "meer",
                                      "altri", "المزيد", "مقالات", "更多", "더보기",
                                      /* "posted at": a forum's post time, its id "authorposton…" */
                                      "发表于", "發表於", "发布于", "發佈於", "發表"};
    for (int k = 0; k < nw; k++)
        for (size_t l = 0; l < sizeof labels / sizeof *labels; l++)
            if (strlen(labels[l]) == wl[k] && px_ascii_ieq(ws[k], labels[l], wl[k]))
                return PART_NONE;
    /* an affiliation: "NJ Advance Media for NJ.com", "Special to The Times" */
    static const char affil[][8] = {"for", "für", "pour", "para", "per", "voor", "to"};
    for (int k = 1; k < nw; k++)
        for (size_t l = 0; l < sizeof affil / sizeof *affil; l++)
            if (strlen(affil[l]) == wl[k] && !memcmp(ws[k], affil[l], wl[k]))
                return PART_AFFIL;
    /* roles before and after the name, as long as two words of a name
     * stay ("Jane Doe, Staff Writer"; but "Mary Writer" is a name); a
     * role before a word in lower case is the start of a desk's name
     * ("Staff and news service reports") */
    int b = 0, e = nw, roles = 0, first, after;
    if (holds_words(PX_WORDS(desk_words), ws, wl, nw, &first, &after))
        goto org;
    /* a wire service after the reporter's name is the reporter's
     * affiliation; alone it is the byline ("EFE", "AFP") as before */
    if (holds_words(PX_WORDS(wire_words), ws, wl, nw, &first, &after) &&
        after == nw && first >= 2)
        e = nw = first;
    for (int k = 0; k < nw; k++)
        roles += is_role_word(ws[k], wl[k]);
    if (roles == nw)
        return PART_NONE;
    /* a title after a one-word name in Korean, Chinese or Japanese: "김민수 기자" */
    while ((e - b > 2 || (e - b == 2 && (unsigned char)ws[e - 1][0] >= 0x80)) && is_role_word(ws[e - 1], wl[e - 1]))
        e--;
    while (e - b > 2 && is_role_word(ws[b], wl[b]) && !(ws[b + 1][0] >= 'a' && ws[b + 1][0] <= 'z'))
        b++;
    /* a role that runs on after the name, its field after "of", "at" or
     * "in": "Priya Natarajan Professor of Hydrology" (the name and the
     * role in two elements), with the role's own words before it: "Jane
     * Doe Senior Reporter at The Times" */
    bool role_cut = false; /* then the words left are a person's name */
    for (int k = b + 2; k + 1 < e; k++)
        if (is_role_word(ws[k], wl[k]) && px_word_in(ws[k + 1], wl[k + 1], PX_WORDS(role_ties))) {
            e = k;
            while (e - b > 2 && is_role_word(ws[e - 1], wl[e - 1]))
                e--;
            role_cut = true;
            break;
        }
    /* a role and one word is a role and a place, with the name in another
     * part: "Kontributor Sleman, Dimas Prasetyo", "Correspondent London" */
    if (e - b == 2 && nw == 2 && is_role_word(ws[0], wl[0]) && !is_role_word(ws[1], wl[1]))
        return PART_NONE;
    /* academic titles, as long as two words stay: "Dr. Oetker" is a brand */
    while (e - b > 2 && is_academic_title(ws[b], wl[b]))
        b++;
    while (e - b > 2 && is_academic_title(ws[e - 1], wl[e - 1]))
        e--;
    if (e - b > 6)
        return PART_NONE;
    /* the site's name after a person's: "Adam Aaronson PhillyVoice" */
    bool site_after = false;
    if (m && m->site_name && e - b > 2) {
        /* of one word or more ("Imogen Price ABN News"): two words of
         * the name stay */
        size_t sl = strlen(m->site_name), sw = words(m->site_name, sl);
        if (sw && e - b >= (int)sw + 2) {
            const char *from = ws[e - (int)sw];
            size_t fl = (size_t)(ws[e - 1] + wl[e - 1] - from);
            if (fl == sl && px_ascii_ieq(from, m->site_name, sl)) {
                e -= (int)sw;
                site_after = true;
            }
        }
    }
    /* a desk: "Science X staff"; but "Adam Aaronson PhillyVoice Staff" is
     * a person of the site's staff */
    if (nw >= 2 && wl[nw - 1] == 5 && px_ascii_ieq(ws[nw - 1], "staff", 5) && !site_after) {
        s = ws[0];
        n = (size_t)(ws[nw - 1] + wl[nw - 1] - s);
        goto org;
    }
    s = ws[b];
    n = (size_t)(ws[e - 1] + wl[e - 1] - s);
    if (holds_site(m, s, n))
        goto org;
    /* an account, or an abbreviation alone: "ca.", "red." */
    if (e - b == 1 && (placeholder(s, n) || s[n - 1] == '.'))
        return PART_NONE;
    part_kind kind = roles && !role_cut ? PART_ROLE : e - b == 1 ? PART_WORD : PART_PERSON;
    if (0) {
org:
        kind = PART_ORG;
    }
    if (n > MAX_ITEM)
        return PART_NONE;
    /* one space between words; capitals only become title case */
    char buf[MAX_ITEM + 1];
    size_t bn = 0;
    for (size_t i = 0; i < n; i++)
        if (!px_meta_is_ws((unsigned char)s[i]))
            buf[bn++] = s[i];
        else if (bn && buf[bn - 1] != ' ')
            buf[bn++] = ' ';
    buf[bn] = '\0';
    /* one word in capitals is an acronym: "AFP", "PTI" */
    if (kind != PART_ORG && memchr(buf, ' ', bn) && all_caps(buf, bn))
        title_case(buf, bn, out);
    else
        memcpy(out, buf, bn + 1);
    return kind;
}

bool px_meta_person_name(const px_meta *m, const char *s, size_t n)
{
    char out[MAX_ITEM + 1];
    return clean_name(m, s, n, out) == PART_PERSON;
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

/* Parts of a byline after a person's name are the person's, not other
 * people: "Jane Doe, London", "Rachael Link, MS, RD", "Robert Burns, AP
 * National Security Writer", "Amy Kuperinsky | NJ Advance Media for
 * NJ.com"; after a name and an affiliation or the site's name every
 * part is ("Renata Alves, Jornal do Vale — Vila Serena"); after the
 * site's name, all but other names are ("SPIEGEL ONLINE, Hamburg,
 * Germany", but "unocero - Alberto Ávila"). */
typedef struct parts {
    const px_meta *m;
    px_strlist *out, *orgs;
    bool person, org, closed;
    bool site; /* the whole string is the site's name: every part is an organisation */
} parts;

static int add_part(parts *p, const char *s, size_t n)
{
    char name[MAX_ITEM + 1];
    part_kind k = clean_name(p->m, s, n, name);
    if (p->site && k != PART_NONE)
        k = PART_ORG;
    /* a unit of an institution after a person's name is the person's
     * affiliation, not a second author: "Priya Anand, College of
     * Engineering", "Jan Novák, Department of Physics" */
    if (k == PART_PERSON && p->person && names_body(s, n))
        k = PART_AFFIL;
    if (k == PART_NONE || p->closed)
        return PITH_OK;
    if (k == PART_AFFIL || k == PART_ORG) {
        p->closed = p->person;
        p->org = true;
    }
    if ((p->person && k != PART_PERSON) || (p->org && k != PART_PERSON && k != PART_ORG))
        return PITH_OK;
    if (k == PART_PERSON)
        p->person = true;
    px_strlist *l = k == PART_ORG ? p->orgs : p->out;
    if (!l || l->n >= MAX_AUTHORS)
        return PITH_OK;
    return px_meta_list_add(p->m ? p->m->a : NULL, l, name, strlen(name));
}

/* Chinese names, in a byline's list, apart by spaces: "作者：周晓雯 刘志强".
 * A Chinese name has no space inside and mostly three characters; a
 * Japanese one has a space between its two parts, the family name mostly
 * of two ("佐藤 由美", "山田 花子"), and a desk four ("北浜日報 社会部").
 * So: two words or more of two or three Han characters, the first of
 * three; on a page that declares Chinese, of two too ("记者 王磊 刘洋"). */
static bool han_names(const char *s, size_t n, const char *lang)
{
    bool zh = lang && !strcmp(lang, "zh");
    int nw = 0;
    for (size_t i = 0; i < n;) {
        size_t chars = 0;
        while (i < n && (unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9 && i + 3 <= n) {
            i += 3;
            chars++;
        }
        if (chars < 2 || chars > 3 || (nw == 0 && chars != 3 && !zh))
            return false;
        nw++;
        if (i < n && s[i] != ' ')
            return false;
        i += i < n;
    }
    return nw >= 2;
}

int px_meta_add_authors(const px_meta *m, px_strlist *out, px_strlist *orgs, const char *raw)
{
    if (!raw)
        return PITH_OK;
    size_t n = strlen(raw);
    if (strstr(raw, "://"))
        return PITH_OK;
    /* a URL without its scheme: "facebook.com/vegolosi" */
    for (const char *w = raw; *w; w++)
        if (*w == '/' && w > raw) {
            const char *st = w;
            while (st > raw && !px_meta_is_ws((unsigned char)st[-1]))
                st--;
            if (host_name(st, (size_t)(w - st)))
                return PITH_OK;
        }
    /* a photo credit names a photographer, not the article's author */
    static const char credits[][12] = {"foto:", "fotos:", "photo:", "photos:", "credit:",
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
    parts p = {m, out, orgs, false, false, false, false};
    /* the site's name as a whole, separators and all: "Noticias de El
     * Salvador - La Prensa Gráfica | Informate con la verdad" */
    p.site = m && m->site_name && strlen(m->site_name) == n && px_ascii_ieq(raw, m->site_name, n);
    /* Drop parenthesised parts: "Jane Doe (Reuters)". */
    char buf[512];
    size_t bn = 0;
    int depth = 0;
    for (size_t i = 0; i < n && bn + 1 < sizeof buf; i++) {
        if (raw[i] == '(' || raw[i] == '[' || (i + 3 <= n && !memcmp(raw + i, "\xef\xbc\x88", 3)))
            depth++;
        else if ((raw[i] == ')' || raw[i] == ']') && depth)
            depth--;
        else if (i + 3 <= n && !memcmp(raw + i, "\xef\xbc\x89", 3) && depth) {
            depth--;
            i += 2;
        } else if (!depth)
            buf[bn++] = raw[i];
    }
    buf[bn] = '\0';
    /* The byline's word first: one that joins the pictures' credit to the
     * text's ("Testo e foto di X", "Texto y fotos de X") holds a credit
     * and an "and" that must not cut or split the names after it */
    size_t lead = px_byword_lead(buf, bn, m ? m->lang : NULL);
    if (lead) {
        memmove(buf, buf + lead, bn - lead + 1);
        bn -= lead;
    }
    /* A credit for the pictures inside the line ends the writers' names:
     * "Дмитрий Ковалёв<br>Фото: Анна Лисицына", "Inês Carvalho e Tiago
     * Mendes Fotografia de Rui Lopes", "林怡君　圖／陳建宏" (a line
     * whose parts have no separator, or the credit in its own element) */
    for (size_t i = 1; i < bn; i++)
        if ((px_meta_is_ws((unsigned char)buf[i - 1]) || (unsigned char)buf[i] >= 0xE3) &&
            (unsigned char)buf[i] != 0x80 && px_byword_credit(buf + i, bn - i)) {
            bn = i;
            buf[bn] = '\0';
            break;
        }
    /* Split on the separators between names. A conjunction joins two
     * full names, never two words of one name ("Salt & Pepper" is one); a
     * word of one language only counts on the pages that declare it. */
    static const struct {
        char sep[16];
        char lang[4]; /* "": every page */
        bool conj;
    } seps[] = {
        {",", "", false}, {";", "", false}, {"|", "", false}, {" / ", "", false}, {"/", "", false},
        {" and ", "", true}, {" & ", "", true}, {" und ", "", true}, {" et ", "", true}, {" y ", "", true},
        {" e ", "", true}, {" en ", "", true},
        {" i ", "", true},         /* ca, pl, hr, cs: "Per Jordi Puig i Marta Vidal" */
        {" \xd7\x95", "", true},   /* Hebrew's "and" is a prefix: "יוסי כהן ורונית לוי" */
        {" و ", "", true},         /* fa, ur (and ar, apart): "سارا کریمی و علی محمدی" */
        {" اور ", "", true},       /* ur */
        {" और ", "", true},        /* hi */
        {" ও ", "", true},         /* bn */
        {" และ ", "", true},       /* th */
        {" ve ", "", true},        /* tr */
        {" v\xc3\xa0 ", "", true}, /* vi: và */
        {" dan ", "", true},       /* id, ms */
        {" na ", "sw", true},      /* "on" in Polish and Czech */
        {" og ", "", true},        /* da, no */
        {" και ", "", true},       /* el */
        {"\xd8\x8c", "", false},   /* the Arabic comma (ar, fa, ur) */
        {" - ", "", false}, {" \xe2\x80\x93 ", "", false}, {" \xe2\x80\x94 ", "", false}, {"\xc2\xb7", "", false},
        {"\xe2\x80\xa2", "", false},
        {" \xd0\xb8 ", "", true}, /* и */
    };
    bool han = han_names(buf, bn, m ? m->lang : NULL);
    size_t st = 0;
    for (size_t i = 0; i <= bn;) {
        size_t sl = han && buf[i] == ' ' ? 1 : 0;
        if (i < bn && !sl)
            for (size_t k = 0; k < sizeof seps / sizeof *seps && !sl; k++) {
                size_t l = strlen(seps[k].sep);
                if (i + l <= bn && px_ascii_ieq(buf + i, seps[k].sep, l) &&
                    (!seps[k].lang[0] || (m && !strcmp(m->lang, seps[k].lang))))
                    sl = l;
                if (sl && seps[k].conj &&
                    (words(buf + st, i - st) < 2 || words(buf + i + sl, strcspn(buf + i + sl, ",;|")) < 2 ||
                     names_body(buf + st, i - st) || names_body(buf + i + sl, strcspn(buf + i + sl, ",;|"))))
                    sl = 0;
            }
        if (i == bn || sl) {
            int rc = add_part(&p, buf + st, i - st);
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

/* A name with digits in hidden markup ("link78", "user5105", "TAG24") is
 * an account or a brand, even when the page shows it (a commenter's, a
 * forum's user); in a byline the page shows, it is the author's handle. */
static bool digits(const char *s)
{
    return strpbrk(s, "0123456789") != NULL;
}

/* One word in lower case: a login or a user slug ("jane.doe"), unless
 * the page shows it as a word of its own (a handle the page presents as
 * its author: "tozan_taro", "velo_paris75"). */
static bool login(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
            return false;
    return true;
}

static bool word_byte(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

/* Does the page's text show word w as a word of its own? */
static bool shown(const ctx *c, const char *w)
{
    size_t wl = strlen(w), len;
    const char *t;
    for (int i = 0; (i = px_meta_next_text(c, i, &t, &len)) >= 0; i++) {
        for (size_t k = 0; k + wl <= len; k++)
            if (!memcmp(t + k, w, wl) && (k == 0 || !word_byte(t[k - 1])) &&
                (k + wl == len || !word_byte(t[k + wl])))
                return true;
    }
    return false;
}

/* Does name end with one of the organisations held, as whole words, or
 * is it one ("Kabar Borneo" in <meta name=author> under JSON-LD's
 * Organization "Kabar Borneo")? */
static bool ends_with_org(const ctx *c, const char *name)
{
    size_t n = strlen(name);
    for (size_t k = 0; k < c->orgs.n; k++) {
        size_t l = strlen(c->orgs.v[k]);
        if (l && l <= n && (l == n || name[n - l - 1] == ' ') && px_ascii_ieq(name + n - l, c->orgs.v[k], l))
            return true;
    }
    return false;
}

void px_meta_add_raw(ctx *c, const char *raw, bool html)
{
    if (!raw || c->rc)
        return;
    char *v = px_meta_clean(c, raw, html);
    if (!v)
        return;
    /* the organisations of the first source that names one */
    px_strlist orgs = {0};
    size_t had = c->m->authors.n;
    int rc = c->as_org ? px_meta_add_authors(c->m, &orgs, &orgs, v)
                       : px_meta_add_authors(c->m, &c->m->authors, &orgs, v);
    /* a login in hidden markup ("ricsti"): one word in lower case that
     * the page does not show (a forum shows its posters' handles); a
     * byline that names an organisation already held ("Da Redação") */
    for (size_t i = had; i < c->m->authors.n;) {
        const char *a = c->m->authors.v[i];
        /* a public body or an office as hidden markup's author ("Office of
         * Communications and Marketing" in DC.creator) is an organisation:
         * a person in the page's byline can still replace it */
        bool body = !c->visible && words(a, strlen(a)) >= 2 && names_body(a, strlen(a));
        if (body && px_meta_list_add(c->a, &orgs, a, strlen(a)))
            rc = PITH_ERR_NOMEM;
        if (body || (!c->visible && (digits(a) || (login(a) && !shown(c, a)))) || ends_with_org(c, a)) {
            px_free(c->a, c->m->authors.v[i]);
            memmove(&c->m->authors.v[i], &c->m->authors.v[i + 1], (c->m->authors.n - i - 1) * sizeof *c->m->authors.v);
            c->m->authors.n--;
        } else {
            i++;
        }
    }
    /* a brand with digits in hidden markup ("TAG24") is no byline either;
     * a host name ("oe24.at") is the site's */
    for (size_t i = 0; i < orgs.n;) {
        if (!c->visible && digits(orgs.v[i]) && !host_name(orgs.v[i], strlen(orgs.v[i]))) {
            px_free(c->a, orgs.v[i]);
            memmove(&orgs.v[i], &orgs.v[i + 1], (orgs.n - i - 1) * sizeof *orgs.v);
            orgs.n--;
        } else {
            i++;
        }
    }
    if (!rc && !c->orgs.n) {
        px_meta_list_free(c->a, &c->orgs);
        c->orgs = orgs;
    } else {
        px_meta_list_free(c->a, &orgs);
    }
    if (rc)
        c->rc = PITH_ERR_NOMEM;
    px_free(c->a, v);
}

/* Words that end the names of a byline: the date and its labels follow
 * ("By Jane Doe on Monday, …", "Par Matthieu Hy le 07 Mai 2020", "Northbeam
 * Support Updated 2 months ago", "Autor: X Data: 28-04-2021"). Lower-case
 * ones count only in lower case: "Le" and "Am" start names. */
static const char date_words[][8] = {
    "on", "at", "le", "am", "um", "el", "il", "em", "op", "|", "\xc2\xbb", "\xc2\xb7",
    "\xe2\x80\xa2", "-", "\xe2\x80\x93", "\xe2\x80\x94",
};
static const char date_labels[][20] = {
    "updated", "published", "posted", "last", "date", "date:", "data:", "datum:", "fecha:",
    "aktualisiert", "veröffentlicht", "publié", "mis", "publicado", "actualizado", "atualizado",
    "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt", "opublikowano",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
};

/* Words that lead from the names to the post's category: "Publié par
 * Mamie Lou dans Tartes salées", "Posted by Jane Doe in News". Lower case
 * only. */
static const char category_words[][8] = {"in", "IN", "dans", "nella", "nel", "w", "under", "filed"};
/* Words of a picture's credit after the name: "von Olga Symbolbild imago". */
static const char credit_words[][12] = {"foto", "fotos", "photo", "photos", "bild", "symbolbild", "image", "credit"};

static bool in_list(const char *w, size_t n, px_words list, bool exact)
{
    if (!exact)
        return px_word_in(w, n, list);
    for (size_t k = 0; k < list.count; k++)
        if (strlen(px_word_at(list, k)) == n && !memcmp(w, px_word_at(list, k), n))
            return true;
    return false;
}

/* Is w[0..wl) (core: without its trailing punctuation) a word of a date:
 * a number, a month, a weekday or a date's label? *digit: it holds a digit. */
static bool date_word(const char *w, size_t wl, size_t core, bool *digit)
{
    *digit = false;
    for (size_t k = 0; k < wl; k++)
        *digit |= w[k] >= '0' && w[k] <= '9';
    return *digit || px_month_name(w, core) ||
           in_list(w, core, PX_WORDS(date_labels), false);
}

/* The length of the names at the start of a byline's text: up to the
 * first word of its date, without the words that lead to it. */
size_t px_meta_byline_names(const char *s, size_t n)
{
    /* after the byline's word: "Testo e foto di X" holds a credit */
    size_t lead = px_byword_lead(s, n, NULL);
    size_t end = n, last = lead; /* the end of the last word kept */
    bool named = false;
    for (size_t i = lead, st; next_word(s, n, &i, &st);) {
        const char *w = s + st;
        size_t wl = i - st, core = wl;
        while (core && (w[core - 1] == ',' || w[core - 1] == '.' || w[core - 1] == ';'))
            core--;
        bool digit;
        bool dateish = date_word(w, wl, core, &digit);
        /* "Posted by", "Published by": a label of the name, not of a date */
        if (dateish && !named && !digit) {
            size_t j = i;
            while (j < n && px_meta_is_ws((unsigned char)s[j]))
                j++;
            if (j + 2 <= n && px_ascii_ieq(s + j, "by", 2) && (j + 2 == n || px_meta_is_ws((unsigned char)s[j + 2])))
                dateish = false;
        }
        if (named && (dateish || in_list(w, wl, PX_WORDS(category_words), true) ||
                      in_list(w, core, PX_WORDS(credit_words), false))) {
            end = last;
            break;
        }
        if (in_list(w, wl, PX_WORDS(date_words), true))
            continue;
        if (!px_byword_is(w, core) && !dateish)
            named = true;
        last = i;
    }
    /* the words that led to the date: "on", "|", "-" */
    for (bool again = true; again && end;) {
        again = false;
        while (end && (px_meta_is_ws((unsigned char)s[end - 1]) || s[end - 1] == ','))
            end--;
        size_t st = end;
        while (st && !px_meta_is_ws((unsigned char)s[st - 1]))
            st--;
        if (st < end && in_list(s + st, end - st, PX_WORDS(date_words), true)) {
            end = st;
            again = true;
        }
    }
    /* "En kiosques : juillet 2020": a label of the date, no name */
    while (end && px_meta_is_ws((unsigned char)s[end - 1]))
        end--;
    return end && s[end - 1] == ':' ? 0 : end;
}

/* Adds the names at the start of byline text v. */
static void add_byline_text(ctx *c, char *v)
{
    if (!v)
        return;
    size_t n = px_meta_byline_names(v, strlen(v));
    v[n] = '\0';
    /* a block that shows the date before the name ("4 March 2024 Imogen
     * Price"): the names start after its last number ("May Johnson" and
     * "June 5, 2024 April Ryan" keep their months) */
    size_t from = 0;
    for (size_t i = 0, st; next_word(v, n, &i, &st);) {
        size_t wl = i - st, core = wl;
        while (core && (v[st + core - 1] == ',' || v[st + core - 1] == '.'))
            core--;
        bool digit;
        if (!date_word(v + st, wl, core, &digit) &&
            !in_list(v + st, wl, PX_WORDS(date_words), true))
            break;
        if (digit)
            from = i;
    }
    if (from && from < n) {
        while (px_meta_is_ws((unsigned char)v[from]))
            from++;
        memmove(v, v + from, n - from + 1);
        n -= from;
    }
    /* a label with its colon inside the line: the names follow it, and
     * the words before it are the element's other text (phpBB's "<span
     * class=sr-only>Mesaj</span> Mesaj gönderen: kaptan_rize »") */
    size_t len;
    const char *name = px_byword_find(v, n, c->m->lang, &len);
    if (name && len && name > v + 1) {
        size_t b = (size_t)(name - v);
        while (b && px_meta_is_ws((unsigned char)v[b - 1]))
            b--;
        if (b && v[b - 1] == ':' && (size_t)(name - v) + len <= n) {
            memmove(v, name, len);
            v[len] = '\0';
            n = len;
        }
    }
    /* prose, not names: of three words or more, more in lower case than
     * in capitals ("Pétition soutenue par un Super contributeur"); a
     * handle alone ("oz", "weatherwill") is a name */
    int lower = 0, upper = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || v[i - 1] == ' ') {
            size_t wl = strcspn(v + i, " ");
            if (px_byword_is(v + i, wl))
                continue;
            lower += v[i] >= 'a' && v[i] <= 'z';
            upper += (v[i] >= 'A' && v[i] <= 'Z') || (unsigned char)v[i] >= 0xC0;
        }
    if (lower + upper >= 3 && lower > upper)
        return;
    px_meta_add_raw(c, v, false);
}

/* In a menu or the navigation: "Reflexiones de Fidel" links to an
 * author's page from the site's menu. */
static bool in_menu(const ctx *c, int i)
{
    static const char menus[][8] = {"menu"};
    for (int p = i; p >= 0; p = c->doc->nodes[p].parent)
        if (px_meta_is_elem(&c->doc->nodes[p], GUMBO_TAG_NAV))
            return true;
    return px_meta_named(c, i, 8, PX_WORDS(menus));
}

#define AUTHOR_LINKS 3 /* links to authors' pages read */

/* Is node i a link to an author's page ("/author/jane/")? */
static bool author_href(const ctx *c, int i)
{
    static const char paths[][12] = {"/author/", "/authors/", "/autor/", "/autoren/", "/autori/",
                                     "/auteur/", "/auteurs/", "/autores/", "/redactie/"};
    const px_node *nd = &c->doc->nodes[i];
    const char *href = px_meta_is_elem(nd, GUMBO_TAG_A) ? px_attr(nd, "href") : NULL;
    return href && px_meta_path_has(href, PX_WORDS(paths));
}

/* The next link to an author's page from node i on, outside comments,
 * teasers and menus; -1 when there is none. */
static int author_link(const ctx *c, int i)
{
    for (; i < c->doc->n; i++)
        if (author_href(c, i) && !px_meta_elsewhere(c, i, 8) && !in_menu(c, i))
            return i;
    return -1;
}

/* Does l hold name, in any ASCII case? */
static bool list_holds(const px_strlist *l, const char *name)
{
    for (size_t k = 0; k < l->n; k++)
        if (px_meta_eq_ci(l->v[k], name))
            return true;
    return false;
}

/* Does wider hold every name of held, and more? */
static bool holds_more(const px_strlist *wider, const px_strlist *held)
{
    if (wider->n <= held->n)
        return false;
    for (size_t a = 0; a < held->n; a++)
        if (!list_holds(wider, held->v[a]))
            return false;
    return true;
}

/* Is name an author held, or the login or first name that starts one
 * ("rina" and "Rina Wulandari", two links to the same author's page)? */
static bool same_person(const px_meta *m, const char *name)
{
    size_t nl = strlen(name);
    for (size_t a = 0; a < m->authors.n; a++) {
        const char *v = m->authors.v[a];
        if (px_meta_eq_ci(v, name) || (strlen(v) > nl && v[nl] == ' ' && px_ascii_ieq(v, name, nl)))
            return true;
    }
    return false;
}

/* Does the text before link i (in its parent) credit the pictures or the
 * editing to it: "Texto de <a>X</a> · Fotografia de <a>Y</a>", "रिपोर्ट:
 * <a>X</a> | संपादन: <a>Y</a>"? Y is no co-author. */
static bool credited_link(const ctx *c, int i)
{
    const char *t, *prev = NULL;
    size_t len, plen = 0;
    int box = c->doc->nodes[i].parent;
    if (box < 0)
        return false;
    for (int j = box; (j = px_meta_next_text(c, j, &t, &len)) >= 0 && j < i; j++) {
        prev = t;
        plen = len;
    }
    return prev && (px_byword_credit_before(prev, plen) || editor_before(prev, plen));
}

/* Co-authors the markup left out: when the links to authors' pages name
 * every author found so far and more ("Publicado por Alberto González · La
 * información es de Cristian Cerna"), the others are co-authors too. */
void px_meta_link_coauthors(ctx *c)
{
    px_meta *m = c->m;
    if (!m->authors.n || c->rc)
        return;
    px_strlist l = {0};
    /* the links of one byline: within a few levels of the first */
    int first = author_link(c, 0), box = first;
    if (first < 0)
        return;
    for (int up = 0; up < 3; up++) {
        int parent = c->doc->nodes[box].parent;
        if (parent < 0 || px_meta_is_elem(&c->doc->nodes[parent], GUMBO_TAG_BODY) ||
            px_meta_is_elem(&c->doc->nodes[parent], GUMBO_TAG_HTML))
            break;
        box = parent;
    }
    for (int i = first, k = 0; i >= 0 && i < c->doc->nodes[box].end && k < AUTHOR_LINKS && !c->rc;
         i = author_link(c, i + 1), k++) {
        if (credited_link(c, i))
            continue;
        char *v = px_meta_node_text(c, i, 120);
        if (v && px_meta_add_authors(m, &l, NULL, v))
            c->rc = PITH_ERR_NOMEM;
        px_free(c->a, v);
    }
    bool all = holds_more(&l, &m->authors);
    for (size_t k = 0; k < l.n && all && !c->rc; k++)
        if (!same_person(m, l.v[k]) && px_meta_list_add(c->a, &m->authors, l.v[k], strlen(l.v[k])))
            c->rc = PITH_ERR_NOMEM;
    px_meta_list_free(c->a, &l);
}

#define BYLINE_FAR 300 /* nodes after the headline where its byline is */

/* Outside the article: in comments, teasers, sidebars. The post's own
 * footer ("post-footer", "entry-footer") is the article's: its "Publié
 * par Mamie Lou dans Tartes" is the byline. */
bool px_meta_outside(const ctx *c, int i)
{
    static const char own[][20] = {"post-footer", "entry-footer", "article-footer", "post__footer",
                                   "entry__footer", "article__footer", "postfooter"};
    return px_meta_elsewhere(c, i, 8) &&
           !(px_meta_named(c, i, 8, PX_WORDS(own)) && !px_meta_beside(c, i, 8));
}

/* Does the text of node i start the page's <title> ("Headline | Blog")? */
static bool starts_title(ctx *c, int i, const char *title)
{
    char *v = px_meta_short_text(c, i, 300);
    size_t n = v ? strlen(v) : 0;
    bool r = n >= 8 && n <= 300 && px_meta_prefix_ci(title, v);
    px_free(c->a, v);
    return r;
}

/* Where the headline ends: after the first <h1> outside comments,
 * teasers and sidebars; on a page with no such <h1> (old blog themes put
 * the post's title in an <h2> or <h3>), after the first <h2> or <h3>
 * whose text starts the page's <title>; 0 when there is none. */
static int headline_end(ctx *c)
{
    int title = -1;
    for (int i = 0; i < c->doc->n; i++) {
        if (px_meta_is_elem(&c->doc->nodes[i], GUMBO_TAG_H1) && !px_meta_elsewhere(c, i, 8))
            return c->doc->nodes[i].end;
        if (title < 0 && px_meta_is_elem(&c->doc->nodes[i], GUMBO_TAG_TITLE))
            title = i;
    }
    char *t = title >= 0 ? px_meta_node_text(c, title, 300) : NULL;
    int end = 0;
    for (int i = 0; t && *t && i < c->doc->n && !end; i++) {
        const px_node *nd = &c->doc->nodes[i];
        if ((px_meta_is_elem(nd, GUMBO_TAG_H2) || px_meta_is_elem(nd, GUMBO_TAG_H3) || px_title_block(c->doc, i)) &&
            !px_meta_elsewhere(c, i, 8) && starts_title(c, i, t))
            end = nd->end;
    }
    px_free(c->a, t);
    return end;
}

int px_meta_headline_end(ctx *c)
{
    /* three readers ask, and the answer depends on the document alone */
    if (c->headline_end)
        return c->headline_end - 1;
    int end = headline_end(c);
    c->headline_end = end + 1;
    return end;
}

/* The author's name in a link to the author's page ("/author/jane/"), or
 * in an element whose class says byline or author. */
/* v, the words of byline i, without the place an element of its own ends
 * it with: "<span class="contributor-name">তানিয়া রহমান</span><span
 * class="location">রাজশাহী</span>" (a script with no capitals shows no
 * place apart from the name). */
static void without_place(ctx *c, int i, char *v)
{
    static const char places[][12] = {"location", "place", "city", "dateline"};
    const px_node *nodes = c->doc->nodes;
    for (int j = i + 1; j < nodes[i].end && !c->rc; j++) {
        if (nodes[j].kind != PX_ELEMENT || !px_meta_named(c, j, 0, PX_WORDS(places)))
            continue;
        char *t = px_meta_short_words(c, j, 60);
        size_t vl = strlen(v), tl = t ? strlen(t) : 0;
        if (tl && tl + 1 < vl && v[vl - tl - 1] == ' ' && !memcmp(v + vl - tl, t, tl))
            v[vl - tl - 1] = '\0';
        px_free(c->a, t);
        j = nodes[j].end - 1;
    }
}

/* The authors' cards after the first one that named a person: its next
 * siblings of the same tag and class ("<li class="author">" each, with
 * a name and a role). */
#define AUTHOR_CARDS 8
static void alike_siblings(ctx *c, int i)
{
    const px_node *nodes = c->doc->nodes;
    const char *cls = px_attr(&nodes[i], "class");
    if (!cls)
        return;
    int k = 0;
    for (int j = nodes[i].next; j >= 0 && k < AUTHOR_CARDS && !c->rc; j = nodes[j].next) {
        if (nodes[j].kind != PX_ELEMENT)
            continue;
        const char *jc = px_attr(&nodes[j], "class");
        if (nodes[j].tag != nodes[i].tag || !jc || strcmp(jc, cls))
            break;
        k++;
        char *v = px_meta_short_words(c, j, 120);
        if (v && strlen(v) <= 100)
            add_byline_text(c, v);
        px_free(c->a, v);
    }
}

void px_meta_visible_byline(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    c->visible = true;  /* when rel=author was not read */
    /* the last ones are a forum's poster ("username_container",
     * vBulletin's first post): only under the headline, where a page's
     * account widget is not */
    static const char classes[][16] = {"byline", "author", "firma", "autor", "auteur", "writer",
                                       "contributor", "authi" /* Discuz!'s poster box */,
                                       "username", "postauthor", "poster-name",
                                       "nickname" /* CSDN's "follow-nickName" */};
    enum { POSTER_WORDS = 4 };
    for (int i = author_link(c, 0), k = 0; i >= 0 && k < AUTHOR_LINKS && !c->rc; i = author_link(c, i + 1), k++) {
        if (credited_link(c, i))
            continue;
        char *v = px_meta_node_text(c, i, 120);
        px_meta_add_raw(c, v, false);
        px_free(c->a, v);
    }
    /* the byline under the headline first, then any in page order */
    int h = px_meta_headline_end(c);
    int ranges[2][2] = {{h, h > 0 ? h + BYLINE_FAR : 0}, {0, c->doc->n}};
    px_words all = PX_WORDS(classes), bylines = px_words_first(all, all.count - POSTER_WORDS);
    for (int r = 0; r < 2; r++)
        for (int i = ranges[r][0]; i < ranges[r][1] && i < c->doc->n && !c->m->authors.n && !c->rc; i++) {
            const px_node *nd = &nodes[i];
            if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
                !px_meta_named(c, i, 0, all) || (r == 1 && !px_meta_named(c, i, 0, bylines)) ||
                px_meta_elsewhere(c, i, 8))
                continue;
            /* a link is a byline only as a poster's name under the
             * headline (CSDN's "<a class="follow-nickName">") */
            if (nd->tag == GUMBO_TAG_A && (r == 1 || px_meta_named(c, i, 0, bylines)))
                continue;
            char *v = px_meta_short_words(c, i, 120);
            if (v && strlen(v) <= 100) {
                without_place(c, i, v);
                add_byline_text(c, v);
            }
            px_free(c->a, v);
            if (c->m->authors.n)
                alike_siblings(c, i);
        }
}

/* A byline in the text: a short element near the headline with a byline
 * word and a name after it (meta_byword.c: "By Jane Doe", "Publié par
 * X", "… · Autor: X · …", "Posted on September 21, 2020 by Adi Tzlil",
 * "作者：王晓"). The name starts with a capital: "Di recente", "By the
 * way" are prose; a handle ("velo_paris75") is a name. */
/* Characters, not bytes: a Devanagari or Tamil byline takes three bytes
 * a letter ("रिपोर्ट: अनुराधा मिश्रा और विकास त्रिपाठी, वाराणसी"). */
#define SIGNATURE_MAX 100 /* characters of a byline's text */
#define SIGNATURE_BYTES (3 * SIGNATURE_MAX)

/* Is s[0..n) ASCII alone? */
static bool ascii_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* The labels of a book's or a product's data sheet ("Titel: … | Autorin:
 * Alys Arden | Verlag: …"): the "Autorin:" there wrote the book, not the
 * review. Lower case, matched at a word start, any case. */
static const char sheet_labels[][28] = {
    "titel:", "title:", "verlag:", "publisher:", "seiten:", "pages:", "isbn", "erschienen:", "preis:",
    "genre:", "übersetzung:", "übersetzer:", "editorial:", "editora:", "éditeur:", "editore:", "wydawnictwo:",
    "\xd0\xb8\xd0\xb7\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd1\x81\xd1\x82\xd0\xb2\xd0\xbe:", /* издательство: */
};

static bool holds_sheet_label(const char *t)
{
    for (const char *w = t; t && *w; w++) {
        if (w > t && !px_meta_is_ws((unsigned char)w[-1]))
            continue;
        for (size_t k = 0; k < sizeof sheet_labels / sizeof *sheet_labels; k++)
            if (px_meta_prefix_ci(w, sheet_labels[k]))
                return true;
    }
    return false;
}

/* Is line i (its text v) part of a data sheet: a sheet's label in it or
 * in the line before or after it? */
static bool in_data_sheet(ctx *c, int i, const char *v)
{
    if (holds_sheet_label(v))
        return true;
    const px_node *nodes = c->doc->nodes;
    int parent = nodes[i].parent, prev = -1;
    if (parent < 0)
        return false;
    for (int j = nodes[parent].first; j >= 0 && j != i; j = nodes[j].next)
        if (nodes[j].kind == PX_ELEMENT)
            prev = j;
    int next = nodes[i].next;
    while (next >= 0 && nodes[next].kind != PX_ELEMENT)
        next = nodes[next].next;
    int around[2] = {prev, next};
    for (int k = 0; k < 2; k++) {
        if (around[k] < 0)
            continue;
        char *t = px_meta_short_text(c, around[k], 80);
        bool sheet = t && holds_sheet_label(t);
        px_free(c->a, t);
        if (sheet)
            return true;
    }
    return false;
}

void px_meta_signature(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    int from = px_meta_headline_end(c);
    px_meta *m = c->m;
    if (!from || m->authors.n)
        return;
    for (int i = from; i < c->doc->n && i < from + BYLINE_FAR && !m->authors.n && !c->rc; i++) {
        const px_node *nd = &nodes[i];
        /* a caption's "Photo by" or name is the picture's */
        if (px_meta_is_elem(nd, GUMBO_TAG_FIGCAPTION)) {
            i = nd->end - 1;
            continue;
        }
        if (nd->kind != PX_ELEMENT || !nd->g || nd->g->type == GUMBO_NODE_DOCUMENT ||
            nd->tag == GUMBO_TAG_SCRIPT || nd->tag == GUMBO_TAG_STYLE || nd->tag == GUMBO_TAG_A ||
            px_meta_outside(c, i) || in_menu(c, i))
            continue;
        /* one line: the lines of a block of lines are read one by one
         * ("Autor: Tomasz Nowak" | "Data publikacji: 12.05.2023") */
        bool lines = false;
        for (int j = i + 1; j < nd->end && j < i + BYLINE_FAR && !lines; j++)
            lines = nodes[j].kind == PX_ELEMENT && !(nodes[j].flags & PX_INLINE) && nodes[j].tag != GUMBO_TAG_BR;
        if (lines)
            continue;
        /* bytes enough for SIGNATURE_MAX letters of ASCII, read again
         * for as many of another script: most texts are one or the other */
        char *v = px_meta_short_words(c, i, SIGNATURE_MAX + 1);
        bool other = v && strlen(v) > SIGNATURE_MAX && !ascii_only(v, SIGNATURE_MAX);
        if (other) {
            px_free(c->a, v);
            v = px_meta_short_words(c, i, SIGNATURE_BYTES + 1);
        }
        if (!v)
            return;
        size_t n = strlen(v), nl = 0;
        bool fits = n <= SIGNATURE_MAX || (other && n <= SIGNATURE_BYTES && px_utf8_count(v, n) <= SIGNATURE_MAX);
        const char *name = fits ? px_byword_find(v, n, m->lang, &nl) : NULL;
        /* a label with nothing after it ("Авторы:") is the word alone */
        if ((name && in_data_sheet(c, i, v)) || (name && !nl))
            name = NULL;
        /* the word alone, the name in the next element: a page builder's
         * label and field ("<div>Written by</div><div>Dana Whitfield</div>",
         * "<td>Авторы:</td><td>Ирина Соколова и Павел Гречко</td>") */
        if (!name && px_byword_is(v, n) && (n < 40 || px_utf8_count(v, n) < 40)) {
            int j = nodes[i].next;
            while (j >= 0 && nodes[j].kind != PX_ELEMENT)
                j = nodes[j].next;
            char *w = j >= 0 ? px_meta_short_text(c, j, SIGNATURE_BYTES + 1) : NULL;
            if (w && (strlen(w) <= 60 || px_utf8_count(w, strlen(w)) <= 60) && !px_meta_dateline(w, strlen(w))) {
                px_free(c->a, v);
                v = w;
                n = strlen(v);
                name = v;
                nl = n;
            } else {
                px_free(c->a, w);
            }
        }
        if (name) {
            nl = px_meta_byline_names(name, nl);
            if (nl && (!(name[0] >= 'a' && name[0] <= 'z') || handle(name, nl))) {
                memmove(v, name, nl);
                v[nl] = '\0';
                px_meta_add_raw(c, v, false);
            }
        }
        px_free(c->a, v);
    }
}

void px_meta_person_instead(ctx *c, void (*read)(ctx *))
{
    /* the organisations given for want of a person wait aside */
    px_meta *m = c->m;
    px_strlist held = {0};
    if (c->org_authors) {
        held = m->authors;
        memset(&m->authors, 0, sizeof m->authors);
    } else if (m->authors.n || c->rc) {
        return;
    }
    read(c);
    if (!m->authors.n) {
        px_meta_list_free(c->a, &m->authors);
        m->authors = held;
    } else {
        px_meta_list_free(c->a, &held);
        c->org_authors = false;
        /* the byline marked for extraction was the organisations' */
        m->byline_authors = 0;
    }
}

/* A login as the markup's only author ("rina") while a link to the
 * author's page shows the person's full name that begins with it ("oleh
 * <a href="/author/rina/">Rina Wulandari</a>"): the full name. */
void px_meta_full_name_instead(ctx *c)
{
    px_meta *m = c->m;
    if (c->rc || m->authors.n != 1 || !login(m->authors.v[0]))
        return;
    const char *who = m->authors.v[0];
    size_t hl = strlen(who);
    /* any link to an author's page: author_link's test of where the link
     * stands would pass over a byline in a theme's "sidebar" wrapper */
    for (int i = 0; i < c->doc->n; i++) {
        if (!author_href(c, i))
            continue;
        char *t = px_meta_node_text(c, i, 200);
        if (!t)
            continue;
        size_t tl = strlen(t);
        if (tl > hl + 1 && t[hl] == ' ' && px_ascii_ieq(t, who, hl) && words(t, tl) <= 4) {
            px_strlist full = {0};
            px_meta_add_authors(c->m, &full, NULL, t);
            if (full.n == 1) {
                px_meta_list_free(c->a, &m->authors);
                m->authors = full;
                px_free(c->a, t);
                return;
            }
            px_meta_list_free(c->a, &full);
        }
        px_free(c->a, t);
    }
}

/* A first name alone as the markup's author (<meta name="author"
 * content="Sébastien">, a blog's display name) while the page's byline
 * shows the person's full name that begins with it ("Par Sébastien
 * Jeunet, le jeudi 7 mars 2024"): the full name. */
void px_meta_first_name_instead(ctx *c)
{
    px_meta *m = c->m;
    /* a word in capitals is an agency's ("EFE" over "EFE Madrid") */
    if (c->rc || c->org_authors || m->authors.n != 1 || strchr(m->authors.v[0], ' ') || login(m->authors.v[0]) ||
        all_caps(m->authors.v[0], strlen(m->authors.v[0])))
        return;
    px_strlist held = m->authors;
    memset(&m->authors, 0, sizeof m->authors);
    px_meta_visible_byline(c);
    if (!m->authors.n)
        px_meta_signature(c);
    const char *who = held.v[0];
    size_t hl = strlen(who);
    if (m->authors.n == 1 && strlen(m->authors.v[0]) > hl + 1 && m->authors.v[0][hl] == ' ' &&
        px_ascii_ieq(m->authors.v[0], who, hl) && words(m->authors.v[0], strlen(m->authors.v[0])) <= 4) {
        px_meta_list_free(c->a, &held);
        m->byline_authors = 0;
        return;
    }
    px_meta_list_free(c->a, &m->authors);
    m->authors = held;
}

/* Does t[0..n) open with a role in parentheses that credits the pictures:
 * "(foto)", "(Photo)", "(fotos)", "(bild)"? */
static bool photo_role(const char *t, size_t n)
{
    static const char roles[][12] = {"(foto)", "(fotos)", "(photo)", "(photos)", "(bild)", "(bilder)"};
    while (n && px_meta_is_ws((unsigned char)*t))
        t++, n--;
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
        size_t l = strlen(roles[k]);
        if (l <= n && px_ascii_ieq(t, roles[k], l))
            return true;
    }
    return false;
}

#define PHOTO_TEXTS 40 /* text nodes after the headline where the byline is */

/* Co-authors from the markup (JSON-LD lists the photographer too) whom
 * the byline under the headline credits for the pictures: "Av Elin
 * Lindqvist, <span>Johan Öberg</span> (foto)" names one author. */
void px_meta_drop_photographers(ctx *c)
{
    px_meta *m = c->m;
    int from = m->authors.n >= 2 ? px_meta_headline_end(c) : 0;
    const char *t, *prev = NULL;
    size_t len, plen = 0;
    for (int i = from, k = 0; from && k < PHOTO_TEXTS && (i = px_meta_next_text(c, i, &t, &len)) >= 0; i++, k++) {
        if (prev && photo_role(t, len))
            for (size_t a = 0; a < m->authors.n; a++) {
                const char *who = m->authors.v[a];
                size_t wl = strlen(who), e = plen;
                while (e && px_meta_is_ws((unsigned char)prev[e - 1]))
                    e--;
                if (wl <= e && !memcmp(prev + e - wl, who, wl) && (wl == e || !word_byte(prev[e - wl - 1]))) {
                    px_free(c->a, m->authors.v[a]);
                    memmove(&m->authors.v[a], &m->authors.v[a + 1], (m->authors.n - a - 1) * sizeof *m->authors.v);
                    m->authors.n--;
                    break;
                }
            }
        prev = t;
        plen = len;
    }
}

/* The labels of the person who edited a story, not the one who wrote
 * it: "Editör: Selin Kaya", "Edited by", "责任编辑：". */
static const char editor_labels[][28] = {
    "editor", "edited by", "editör", "editora", "editado por", "edición", "edição", "redaktor", "redaktorka",
    "redaktör", "redigerad av", "bewerkt door", "eindredactie", "a cura di", "düzenleyen", "biên tập",
    "Редактор", "редактор", "Επιμέλεια", "επιμέλεια", "编辑", "編輯", "责任编辑", "責任編輯", "編集",
    "편집", "ویرایش", "المحرر", "עריכה", "संपादक", "संपादन", "সম্পাদনা",
};

/* Does s[0..n) open with an editor's label and a colon: "संपादन: नेहा
 * सिंह", "Edited by: Jane Doe", "编辑：王芳" (a byline's other part)? */
static bool editor_lead(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof editor_labels / sizeof *editor_labels; k++) {
        size_t l = strlen(editor_labels[k]);
        if (l >= n || !px_ascii_ieq(s, editor_labels[k], l))
            continue;
        size_t i = l;
        while (i < n && s[i] == ' ')
            i++;
        if (i < n && (s[i] == ':' || (i + 3 <= n && !memcmp(s + i, "\xef\xbc\x9a", 3))))
            return true;
    }
    return false;
}

/* Does text[0..at) end with an editor's label and its colon, if any? */
static bool editor_before(const char *text, size_t at)
{
    while (at && (px_meta_is_ws((unsigned char)text[at - 1]) || text[at - 1] == ':'))
        at--;
    if (at >= 3 && !memcmp(text + at - 3, "\xef\xbc\x9a", 3)) /* full-width colon */
        at -= 3;
    for (size_t k = 0; k < sizeof editor_labels / sizeof *editor_labels; k++) {
        size_t l = strlen(editor_labels[k]);
        if (l <= at && px_ascii_ieq(text + at - l, editor_labels[k], l) &&
            (l == at || !word_byte(text[at - l - 1])))
            return true;
    }
    return false;
}

/* Is name shown after an editor's label, in its text or at the end of
 * the text before it ("<span>Editör:</span> <a>Selin Kaya</a>")? */
static bool shown_as_editor(const ctx *c, const char *name)
{
    size_t nl = strlen(name), len, plen = 0;
    const char *t, *prev = NULL;
    for (int i = 0; (i = px_meta_next_text(c, i, &t, &len)) >= 0; i++) {
        for (const char *hit = len >= nl ? memmem(t, len, name, nl) : NULL; hit;
             hit = (size_t)(t + len - hit) > nl ? memmem(hit + 1, (size_t)(t + len - hit - 1), name, nl) : NULL) {
            size_t at = (size_t)(hit - t), lead = 0;
            while (lead < at && px_meta_is_ws((unsigned char)t[lead]))
                lead++;
            if (editor_before(t, at) || (lead == at && prev && editor_before(prev, plen)))
                return true;
        }
        prev = t;
        plen = len;
    }
    return false;
}

bool px_meta_authors_edited(const ctx *c)
{
    const px_meta *m = c->m;
    if (c->rc || c->org_authors || !m->authors.n)
        return false;
    for (size_t a = 0; a < m->authors.n; a++)
        if (!shown_as_editor(c, m->authors.v[a]))
            return false;
    return true;
}

/* Does the page's text join name a to name b with "and" ("Claire Dubois
 * et Thomas Renaud"), the two in one text or in texts that follow each
 * other ("<a>Claire Dubois</a> et <a>Thomas Renaud</a>")? A byline's
 * other parts ("…, Portal Paulista Campinas", "… no Porto") are not
 * joined so. */
static bool joined_names(const ctx *c, const char *a, const char *b)
{
    static const char conj[][16] = {" and ", " & ", " und ", " et ", " y ", " e ", " i ", " en ", " og ",
                                    " och ", " ve ", " v\xc3\xa0 ", " \xd0\xb8 ", " και ", " و ", " और ", " ও ", " และ "};
    char win[512];
    size_t wn = 0, len;
    const char *t;
    size_t al = strlen(a), bl = strlen(b);
    for (int i = 0; (i = px_meta_next_text(c, i, &t, &len)) >= 0; i++) {
        /* the window: this text after the end of the ones before it */
        if (len >= sizeof win / 2)
            wn = 0;
        else if (wn + len + 1 >= sizeof win) {
            size_t keep = sizeof win / 2 - 1;
            memmove(win, win + wn - keep, keep);
            wn = keep;
        }
        if (len < sizeof win / 2) {
            memcpy(win + wn, t, len);
            wn += len;
            win[wn] = '\0';
        }
        const char *at = wn >= al + bl ? memmem(win, wn, a, al) : NULL;
        for (; at; at = memmem(at + 1, (size_t)(win + wn - at - 1), a, al)) {
            const char *after = at + al;
            for (size_t k = 0; k < sizeof conj / sizeof *conj; k++) {
                size_t cl = strlen(conj[k]);
                if ((size_t)(win + wn - after) >= cl + bl && !memcmp(after, conj[k], cl) && !memcmp(after + cl, b, bl))
                    return true;
            }
            if ((size_t)(win + wn - at) <= al + 1)
                break;
        }
    }
    return false;
}

void px_meta_byline_coauthors(ctx *c)
{
    px_meta *m = c->m;
    if (c->rc || c->org_authors || !m->authors.n)
        return;
    px_strlist held = m->authors;
    memset(&m->authors, 0, sizeof m->authors);
    px_meta_signature(c);
    bool more = holds_more(&m->authors, &held);
    /* each name the markup left out is joined to the one before it */
    for (size_t k = 1; k < m->authors.n && more; k++)
        more = list_holds(&held, m->authors.v[k]) || joined_names(c, m->authors.v[k - 1], m->authors.v[k]);
    if (more) {
        px_meta_list_free(c->a, &held);
    } else {
        px_meta_list_free(c->a, &m->authors);
        m->authors = held;
    }
}

/* The organisations, when no source named a person; a person in the
 * text's byline (px_meta_signature) can still replace them. */
void px_meta_org_fallback(ctx *c)
{
    px_meta *m = c->m;
    if (m->authors.n)
        return;
    for (size_t i = 0; i < c->orgs.n && !c->rc; i++)
        if (px_meta_list_add(c->a, &m->authors, c->orgs.v[i], strlen(c->orgs.v[i])))
            c->rc = PITH_ERR_NOMEM;
    c->org_authors = m->authors.n > 0;
}

/* A link to the site's home page: "<a class="site-title" rel="author"
 * href="/">Small Fixes</a>" (Jekyll's theme) names the site, not the
 * article's author. */
static bool home_link(const char *href)
{
    if (!href)
        return false;
    const char *p = strstr(href, "://");
    if (p) {
        p += 3;
        while (*p && *p != '/' && *p != '?' && *p != '#')
            p++;
    } else {
        p = href;
    }
    if (*p == '/')
        p++;
    return !*p || *p == '?' || *p == '#';
}

/* The text of the first rel=author links. */
void px_meta_rel_authors(ctx *c)
{
    const px_node *nodes = c->doc->nodes;
    c->visible = true; /* from here on, the sources are what the page shows */
    for (int i = 0, seen = 0; i < c->doc->n && seen < 4 && !c->rc; i++)
        if (px_meta_is_elem(&nodes[i], GUMBO_TAG_A) && px_meta_has_token(px_attr(&nodes[i], "rel"), "author") &&
            !home_link(px_attr(&nodes[i], "href"))) {
            seen++;
            char *v = px_meta_node_text(c, i, 200);
            px_meta_add_raw(c, v, false);
            px_free(c->a, v);
        }
}
