/*
 * The words that introduce a byline, per language, and where a byline
 * starts in a short meta line ("Veröffentlicht am 5. Juni 2020 · Autor:
 * Jens Möller · Kategorie: Touren", "Postat den 28 oktober 2021 av Karin
 * Holm", "2023年05月18日 来源：南江日报 作者：李明 编辑：王芳").
 */
#include "meta_impl.h"

#include <pthread.h>
#include <string.h>
#include "date.h"
#include "text.h"

/* How a word introduces the name. A page with no lang (or a wrong one)
 * still has bylines in its own language, so every word is tried on every
 * page, and the language column is for the reader of this table; except
 * the words marked BW_OWN, which are common words of other languages
 * (Swahili's "Na", "by", is "on" in Polish, Czech and Croatian: "Na
 * Mazowszu"), and count only on pages that declare their language. */
enum {
    BW_LEAD = 1,  /* at the start of the line or of a part of it: "By X", "Von X" */
    BW_AFTER = 2, /* after a dateline: "Posted on May 3, 2021 by X", "… door X" */
    BW_LABEL = 4, /* with a colon, anywhere in the line: "Autor: X", "作者：X" */
    BW_OWN = 8,   /* only on pages of its language */
};

static const struct {
    char lang[4], word[32];
    unsigned how;
} bywords[] = {
    {"en", "by", BW_LEAD | BW_AFTER},
    {"en", "byby", BW_LEAD}, /* a template's "By" before a field that says "By" again */
    {"en", "written by", BW_LEAD},
    {"en", "posted by", BW_LEAD},
    {"en", "submitted by", BW_LEAD}, /* Drupal's "Submitted by X on …" */
    {"en", "post by", BW_LEAD},
    {"en", "published by", BW_LEAD},
    {"en", "words by", BW_LEAD},
    {"en", "story by", BW_LEAD},
    {"en", "reporting by", BW_LEAD},
    {"en", "text by", BW_LEAD},
    {"en", "author", BW_LEAD | BW_LABEL},
    {"en", "authors", BW_LABEL},
    {"en", "words", BW_LABEL},
    {"en", "text", BW_LABEL}, /* also de, sv */
    {"de", "von", BW_LEAD | BW_AFTER},
    {"de", "geschrieben von", BW_LEAD},
    {"de", "verfasst von", BW_LEAD},
    {"de", "autor", BW_LEAD | BW_LABEL}, /* also es, pt, pl */
    {"de", "autorin", BW_LABEL},
    {"fr", "par", BW_LEAD | BW_AFTER},
    {"fr", "publié par", BW_LEAD},
    {"fr", "écrit par", BW_LEAD},
    {"fr", "auteur", BW_LEAD | BW_LABEL}, /* also nl */
    {"fr", "texte", BW_LABEL},
    {"es", "por", BW_LEAD | BW_AFTER}, /* also pt */
    {"es", "escrito por", BW_LEAD},
    {"es", "publicado por", BW_LEAD},
    {"es", "autora", BW_LABEL},
    {"es", "texto", BW_LABEL},
    {"it", "di", BW_LEAD},
    {"it", "da", BW_AFTER},
    {"it", "scritto da", BW_LEAD},
    {"it", "pubblicato da", BW_LEAD},
    {"it", "autore", BW_LEAD | BW_LABEL},
    {"it", "testo", BW_LABEL},
    {"pt", "escrito por", BW_LEAD},
    {"nl", "door", BW_LEAD | BW_AFTER},
    {"nl", "geschreven door", BW_LEAD},
    {"nl", "tekst", BW_LABEL}, /* also pl */
    {"sv", "av", BW_LEAD | BW_AFTER},
    {"sv", "skriven av", BW_LEAD},
    {"sv", "publicerad av", BW_LEAD},
    {"sv", "författare", BW_LABEL},
    {"da", "af", BW_LEAD | BW_AFTER},
    {"pl", "przez", BW_LEAD | BW_AFTER},
    {"pl", "opublikowane przez", BW_LEAD},
    {"pl", "autorka", BW_LABEL},
    {"ru", "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", BW_LEAD | BW_LABEL}, /* Автор */
    {"ru", "\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80", BW_LEAD | BW_LABEL}, /* автор */
    {"ru", "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82", BW_LABEL},           /* Текст */
    {"zh", "\xe4\xbd\x9c\xe8\x80\x85", BW_LABEL},                           /* 作者 */
    {"zh", "\xe6\x92\xb0\xe6\x96\x87", BW_LABEL},                           /* 撰文 */
    {"zh", "\xe8\xae\xb0\xe8\x80\x85", BW_LEAD},                            /* 记者 */
    {"zh", "\xe8\xa8\x98\xe8\x80\x85", BW_LEAD},                            /* 記者 (also ja) */
    {"ja", "\xe6\x96\x87", BW_LABEL},                                       /* 文 (also zh) */
    {"ja", "\xe5\x9f\xb7\xe7\xad\x86\xe8\x80\x85", BW_LABEL},               /* 執筆者 */
    {"ja", "\xe5\x9f\xb7\xe7\xad\x86", BW_LABEL},                           /* 執筆 */
    {"ja", "\xe7\xad\x86\xe8\x80\x85", BW_LABEL},                           /* 筆者 */
    {"ja", "\xe8\x91\x97\xe8\x80\x85", BW_LABEL},                           /* 著者 */
    {"hu", "szerz\xc5\x91", BW_LABEL}, /* szerző */
    {"fi", "kirjoittaja", BW_LEAD | BW_LABEL}, /* also a label of its own before the name (Yle, HS) */
    {"tr", "yazar", BW_LABEL},
    {"id", "oleh", BW_LEAD | BW_AFTER},
    {"vi", "t\xc3\xa1" "c gi\xe1\xba\xa3", BW_LABEL}, /* tác giả */
    {"uk", "\xd0\x94\xd0\xbe\xd0\xb4\xd0\xb0\xd0\xb2", BW_LABEL}, /* Додав - uCoz's "Added by": the account that posted the article */
    {"ru", "\xd0\x94\xd0\xbe\xd0\xb1\xd0\xb0\xd0\xb2\xd0\xb8\xd0\xbb", BW_LABEL}, /* Добавил */
    {"ar", "\xd9\x83\xd8\xaa\xd8\xa8", BW_LEAD | BW_LABEL}, /* كتب */
    {"ar", "\xd8\xa8\xd9\x82\xd9\x84\xd9\x85", BW_LEAD}, /* بقلم */
    {"he", "\xd7\x9e\xd7\x90\xd7\xaa", BW_LEAD | BW_LABEL}, /* מאת */
    {"fa", "\xd9\x86\xd9\x88\xdb\x8c\xd8\xb3\xd9\x86\xd8\xaf\xd9\x87", BW_LEAD | BW_LABEL}, /* نویسنده */
    {"fa", "\xd8\xa8\xd9\x87\x20\xd9\x82\xd9\x84\xd9\x85", BW_LEAD}, /* به قلم */
    {"hi", "\xe0\xa4\xb2\xe0\xa5\x87\xe0\xa4\x96\xe0\xa4\x95", BW_LABEL}, /* लेखक */
    {"fa", "نوشته شده توسط", BW_LEAD}, /* "written by" */
    {"fa", "خبرنگار", BW_LEAD | BW_LABEL}, /* "reporter: X", often a line after the text */
    {"ur", "تحریر", BW_LEAD | BW_LABEL},
    {"hr", "piše", BW_LEAD | BW_LABEL}, /* also sr, bs: "Piše: Ivana Perić" */
    {"ca", "per", BW_LEAD},
    {"th", "\xe0\xb9\x82\xe0\xb8\x94\xe0\xb8\xa2", BW_LEAD}, /* โดย */
    {"th", "\xe0\xb8\x9c\xe0\xb8\xb9\xe0\xb9\x89\xe0\xb9\x80\xe0\xb8\x82\xe0\xb8\xb5\xe0\xb8\xa2\xe0\xb8\x99", BW_LABEL}, /* ผู้เขียน */
    {"ko", "\xea\xb8\x80", BW_LEAD | BW_LABEL}, /* 글: "글 한지수 · 사진 오태현" */
    {"ko", "\xea\xb8\xb0\xec\x9e\x90", BW_LABEL}, /* 기자 */
    {"fa", "نویسندگان", BW_LEAD | BW_LABEL}, /* "authors" */
    {"ur", "رپورٹ", BW_LABEL},             /* "report: X" */
    {"hi", "रिपोर्ट", BW_LABEL},           /* "report: X" */
    {"ta", "எழுதியவர்", BW_LABEL},         /* "written by" */
    {"ja", "投稿者", BW_LABEL},             /* "posted by" (Movable Type, WordPress) */
    {"ru", "Авторы", BW_LABEL},             /* "authors" */
    {"ru", "авторы", BW_LABEL},
    {"uk", "Автори", BW_LABEL},
    {"el", "Γράφει η", BW_LEAD},            /* "writes": "Γράφει η Μαρία Παπαδοπούλου", */
    {"el", "Γράφει ο", BW_LEAD},            /* the article before the name goes too */
    {"el", "Γράφει", BW_LEAD},
    {"el", "Γράφτηκε από", BW_LEAD},        /* Joomla's "written by" */
    {"el", "Συντάκτης", BW_LABEL},          /* "author" */
    {"tr", "muhabir", BW_LABEL},            /* "reporter: X" */
    {"vi", "b\xc3\xa0i", BW_LABEL},        /* bài: "Bài: X" */
    {"sr", "Аутор", BW_LEAD | BW_LABEL},    /* Serbian, Macedonian: "Аутор: Милан Јовановић" */
    {"sr", "аутор", BW_LEAD | BW_LABEL},
    {"ka", "ავტორი", BW_LEAD | BW_LABEL},   /* "author" */
    {"it", "testo di", BW_LEAD},            /* "Testo di X, foto di Y" */
    {"it", "articolo di", BW_LEAD},
    {"tr", "gönderen", BW_LABEL},           /* phpBB's "Mesaj gönderen: X » date" ("message sender") */
    {"sw", "na", BW_LEAD | BW_OWN},         /* "Na Amina Juma, Moshi" */
    {"sw", "mwandishi", BW_LABEL},          /* "writer: X" */
    {"bn", "লেখক", BW_LEAD | BW_LABEL},     /* "writer: X" */
    {"bn", "প্রতিবেদক", BW_LABEL},          /* "reporter: X" */
    {"fi", "teksti", BW_LABEL},
    {"id", "penulis", BW_LABEL},            /* "writer: X" */
    {"el", "Του", BW_LEAD},                 /* "of the": the byline's name in the genitive, */
    {"el", "Της", BW_LEAD},                 /* "Της Ελένης Νικολάου" */
    {"el", "Των", BW_LEAD},                 /* two or more */
    {"tr", "haber", BW_LABEL},              /* "news: X" */
    {"en", "reporter", BW_LABEL},           /* also id: "Reporter: X | Editor: Y" */
    {"el", "Κείμενο", BW_LABEL},            /* "text: X" */
    {"fa", "گزارش", BW_LABEL},              /* "report: X" */
    {"th", "เรื่อง", BW_LABEL},              /* "story: X" */
    {"ja", "取材・文", BW_LABEL},            /* "reporting and text: X" */
    {"ko", "글·사진", BW_LEAD},             /* "text and photos X" */
    {"it", "testo e foto di", BW_LEAD},     /* "text and photos by X" */
    {"es", "texto y fotos de", BW_LEAD},
    {"en", "text and photos by", BW_LEAD},
    {"en", "words and pictures by", BW_LEAD},
};

#define NBYWORDS (sizeof bywords / sizeof *bywords)
_Static_assert(NBYWORDS < 255, "byhead and bynext hold 1 + an index in a byte");

/* Lines are tried at every word: the words' lengths, and the words
 * chained by their first byte (ASCII lower case), so that an offset
 * whose byte begins no word goes with one table look-up and one that
 * does tries only the words that begin with it, in the table's order
 * (trying all of them at every word was 3% of a small page's start-up). */
static size_t bylen[NBYWORDS];
static unsigned char byhead[256];        /* 1 + the first word with this first byte, or 0 */
static unsigned char bynext[NBYWORDS];   /* 1 + the next word with the same first byte, or 0 */
static pthread_once_t by_once = PTHREAD_ONCE_INIT;

static void by_init(void)
{
    for (size_t k = NBYWORDS; k-- > 0;) {
        unsigned char c = px_ascii_lower((unsigned char)bywords[k].word[0]);
        bylen[k] = strlen(bywords[k].word);
        bynext[k] = byhead[c];
        byhead[c] = (unsigned char)(k + 1);
    }
}

/* The first word that may begin at byte c (either case), 1-based; 0 when
 * none does. */
static unsigned by_first(unsigned char c)
{
    return byhead[px_ascii_lower(c)];
}

/* The length of a colon at s[0..n), after an optional space: ":",
 * " :" (French), "：" and "／" (full width); 0 when there is none. */
static size_t colon(const char *s, size_t n)
{
    size_t i = n && s[0] == ' ' ? 1 : 0;
    if (i < n && s[i] == ':')
        return i + 1;
    if (i + 3 <= n && (!memcmp(s + i, "\xef\xbc\x9a", 3) || !memcmp(s + i, "\xef\xbc\x8f", 3)))
        return i + 3;
    return 0;
}

/* The words that credit the pictures, not the text. */
static const char credits[][24] = {"fotos", "foto", "photos", "photo", "photographs", "pictures",
                                   "bild", "bilder", "images", "image", "illustrations", "video",
                                   "fotograf\xc3\xad" "a", "fotografie", "fotografia", "zdj\xc4\x99" "cia",
                                   "\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe", /* фото */
                                   "\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe", /* Фото */
                                   "攝影", "摄影", "撮影", "写真", "사진", "圖", "图",
                                   "kuvat", "kuva", "kuvaaja",                        /* fi */
                                   "fotók", "fotó", "fotoğraflar", "fotoğraf", "zdjęcie", /* hu, tr, pl */
                                   "ảnh", "Ảnh",                                      /* vi */
                                   "φωτογραφίες", "Φωτογραφίες", "φωτογραφία", "Φωτογραφία", "φωτό", "Φωτό", /* el */
                                   "צילום", "عکس", "تصوير", "ภาพ"};                  /* he, fa, ar, th */

/* A label joined to a credit for the pictures: "Text & Fotos:", "Texto y
 * fotos:", "Text und Bild:", "Words and photos:" name the author once; the
 * length of the " & Fotos" part at s[0..n), or 0. */
static size_t joined_credit(const char *s, size_t n)
{
    static const char joins[][8] = {" & ", " + ", " and ", " und ", " et ", " y ", " e ", " en ", " i ", " và ",
                                    " \xd0\xb8 "}; /* и */
    for (size_t j = 0; j < sizeof joins / sizeof *joins; j++) {
        size_t jl = strlen(joins[j]);
        if (jl > n || !px_ascii_ieq(s, joins[j], jl))
            continue;
        for (size_t k = 0; k < sizeof credits / sizeof *credits; k++) {
            size_t cl = strlen(credits[k]);
            if (jl + cl <= n && px_ascii_ieq(s + jl, credits[k], cl) && colon(s + jl + cl, n - jl - cl))
                return jl + cl;
        }
    }
    return 0;
}

static const char by_credit[][8] = {"by ", "von ", "de ", "di ", "par ", "por ", "door ", "av "};

bool px_byword_credit_before(const char *s, size_t n)
{
    /* the colon or the word "by" after the credit, then the credit */
    while (n && (px_meta_is_ws((unsigned char)s[n - 1]) || s[n - 1] == ':'))
        n--;
    if (n >= 3 && (!memcmp(s + n - 3, "\xef\xbc\x9a", 3) || !memcmp(s + n - 3, "\xef\xbc\x8f", 3)))
        n -= 3;
    for (size_t b = 0; b < sizeof by_credit / sizeof *by_credit; b++) {
        size_t bl = strlen(by_credit[b]) - 1;
        if (bl < n && px_ascii_ieq(s + n - bl, by_credit[b], bl) && px_meta_is_ws((unsigned char)s[n - bl - 1])) {
            n -= bl;
            while (n && px_meta_is_ws((unsigned char)s[n - 1]))
                n--;
            break;
        }
    }
    for (size_t k = 0; k < sizeof credits / sizeof *credits; k++) {
        size_t cl = strlen(credits[k]);
        if (cl <= n && px_ascii_ieq(s + n - cl, credits[k], cl) &&
            (cl == n || px_meta_is_ws((unsigned char)s[n - cl - 1]) || (unsigned char)s[n - cl] >= 0x80))
            return true;
    }
    return false;
}

bool px_byword_credit(const char *s, size_t n)
{
    const char (*by)[8] = by_credit;
    enum { NBY = sizeof by_credit / sizeof *by_credit };
    for (size_t k = 0; k < sizeof credits / sizeof *credits; k++) {
        size_t cl = strlen(credits[k]);
        if (cl > n || !px_ascii_ieq(s, credits[k], cl))
            continue;
        if (cl < n && (unsigned char)s[cl - 1] < 0x80 && (unsigned char)s[cl] >= 0x80)
            continue; /* a longer word */
        if (colon(s + cl, n - cl))
            return true;
        /* "图/刘洋" */
        if ((unsigned char)s[0] >= 0x80 && cl < n && s[cl] == '/')
            return true;
        if (cl < n && px_meta_is_ws((unsigned char)s[cl])) {
            if ((unsigned char)s[0] >= 0x80)
                return true; /* "사진 오태현" */
            /* the label in an element of its own, with no colon, before
             * a name: "<span>Kuvat</span><span>Juha Korhonen</span>" reads
             * "Kuvat Juha Korhonen"; written as a label (a capital, then
             * lower case), a name in capitals after it */
            if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' && cl + 1 < n &&
                ((s[cl + 1] >= 'A' && s[cl + 1] <= 'Z') || (unsigned char)s[cl + 1] >= 0xC3))
                return true;
            for (size_t b = 0; b < NBY; b++) {
                size_t bl = strlen(by[b]);
                if (cl + 1 + bl <= n && px_ascii_ieq(s + cl + 1, by[b], bl))
                    return true;
            }
        }
    }
    return false;
}

/* Does entry k match at s[0..n), with what follows it (a space, or the
 * label's colon)? Its length with that, or 0. */
static size_t match(size_t k, unsigned how, const char *s, size_t n, const char *lang)
{
    size_t wl = bylen[k];
    if (!(bywords[k].how & how) || wl > n || !px_ascii_ieq(s, bywords[k].word, wl) ||
        ((bywords[k].how & BW_OWN) && (!lang || strcmp(lang, bywords[k].lang))))
        return 0;
    if (how == BW_LABEL) {
        wl += joined_credit(s + wl, n - wl);
        size_t cl = colon(s + wl, n - wl);
        /* "文/" in Chinese bylines */
        if (!cl && (unsigned char)s[0] >= 0x80 && wl < n && s[wl] == '/')
            cl = 1;
        return cl ? wl + cl : 0;
    }
    if (wl < n && px_meta_is_ws((unsigned char)s[wl]))
        return wl + 1;
    size_t cl = colon(s + wl, n - wl);
    /* "记者 李明", and "By:" */
    return cl ? wl + cl : 0;
}

size_t px_byword_lead(const char *s, size_t n, const char *lang)
{
    pthread_once(&by_once, by_init);
    size_t best = 0;
    for (unsigned k1 = n ? by_first((unsigned char)s[0]) : 0; k1; k1 = bynext[k1 - 1]) {
        size_t k = k1 - 1;
        size_t l = match(k, BW_LEAD, s, n, lang);
        if (!l)
            l = match(k, BW_LABEL, s, n, lang);
        if (l > best)
            best = l;
    }
    return best;
}

bool px_byword_is(const char *w, size_t n)
{
    pthread_once(&by_once, by_init);
    if (n && w[n - 1] == ':')
        n--;
    for (unsigned k1 = n ? by_first((unsigned char)w[0]) : 0; k1; k1 = bynext[k1 - 1])
        if (bylen[k1 - 1] == n && px_ascii_ieq(w, bywords[k1 - 1].word, n) && !(bywords[k1 - 1].how & BW_OWN))
            return true;
    return false;
}

/* The separators between the parts of a meta line. */
static size_t separator(const char *s, size_t n)
{
    static const char seps[][8] = {"|", "\xc2\xb7", "\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x80\x94",
                                   "\xc2\xbb", "\xe3\x80\x80"};
    /* asked at every byte of a line: most bytes begin no separator */
    unsigned char c = n ? (unsigned char)s[0] : 0;
    if (c != '|' && c != 0xc2 && c != 0xe2 && c != 0xe3)
        return 0;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t l = strlen(seps[k]);
        if (l <= n && !memcmp(s, seps[k], l))
            return l;
    }
    return 0;
}

/* Is s[0..n) a dateline: a month name, a numeric date or a time among
 * its words ("Posted on September 21, 2020", "Geplaatst op 14 februari
 * 2023")? A year alone is not one: "Founded in 1998 by". */
bool px_meta_dateline(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && px_meta_is_ws((unsigned char)s[i]))
            i++;
        size_t st = i;
        while (i < n && !px_meta_is_ws((unsigned char)s[i]))
            i++;
        size_t wl = i - st;
        while (wl && (s[st + wl - 1] == ',' || s[st + wl - 1] == '.'))
            wl--;
        if (wl && px_month_name(s + st, wl))
            return true;
        bool digit = false, mark = false;
        for (size_t k = st; k < st + wl; k++) {
            digit |= s[k] >= '0' && s[k] <= '9';
            mark |= digit && (s[k] == '.' || s[k] == '/' || s[k] == '-' || s[k] == ':');
        }
        if (digit && mark)
            return true;
    }
    return false;
}

/* Does the date end right before the byline word: "Posted on May 3,
 * 2021 by", "… 13:30 von", not "10-in-1 Trockenshampoos von", "September
 * 2013 „Ein Abend“ im Rahmen von"? */
static bool date_before(const char *s, size_t n)
{
    while (n && (px_meta_is_ws((unsigned char)s[n - 1]) || s[n - 1] == ','))
        n--;
    size_t st = n;
    while (st && !px_meta_is_ws((unsigned char)s[st - 1]))
        st--;
    if (st == n)
        return false;
    /* the last word is a number, a time or a month: "2021", "13:30", "Mai" */
    bool digit = false;
    for (size_t k = st; k < n; k++)
        digit |= s[k] >= '0' && s[k] <= '9';
    size_t wl = n - st;
    while (wl && s[st + wl - 1] == '.')
        wl--;
    return (digit || (wl && px_month_name(s + st, wl))) && px_meta_dateline(s, n);
}

/* Credits name a photographer or an illustrator ("Photo by", "Foto di",
 * "Bild von"), and a link's label is no byline ("View all posts by X":
 * the name is in the byline or the author's box around it). */
static bool after_credit(const char *s, size_t at)
{
    static const char labels[][16] = {"photo", "photos", "photograph", "foto", "fotos", "bild", "image",
                                       "illustration", "video", "grafik", "photographie", "fotografia",
                                       "posts", "articles", "stories", "beiträge", "artikel", "articles",
                                       "entries", "publications", "artículos", "articoli", "berichten"};
    size_t e = at;
    while (e && px_meta_is_ws((unsigned char)s[e - 1]))
        e--;
    size_t st = e;
    while (st && !px_meta_is_ws((unsigned char)s[st - 1]))
        st--;
    return px_word_in(s + st, e - st, PX_WORDS(labels));
}

/* A Korean byline puts the title after the name, in a line of its own
 * or before the reporter's address: "김민수 기자", "김민수 기자
 * minsu@…", "이지현 특파원". The name, one word of two to four Hangul
 * syllables, at s[0..*len); NULL when s is not such a line. */
static const char *title_after(const char *s, size_t n, size_t *len)
{
    static const char titles[][12] = {"\xea\xb8\xb0\xec\x9e\x90",              /* 기자 */
                                      "\xed\x8a\xb9\xed\x8c\x8c\xec\x9b\x90"}; /* 특파원 */
    size_t w = 0;
    /* Hangul syllables are three bytes, EA B0 80 (가) to ED 9E A3 (힣) */
    while (w + 3 <= n && (unsigned char)s[w] >= 0xEA && (unsigned char)s[w] <= 0xED)
        w += 3;
    if (w < 6 || w > 12 || w >= n || s[w] != ' ')
        return NULL;
    for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
        size_t tl = strlen(titles[k]);
        if (w + 1 + tl <= n && !memcmp(s + w + 1, titles[k], tl) &&
            (w + 1 + tl == n || px_meta_is_ws((unsigned char)s[w + 1 + tl]) || separator(s + w + 1 + tl, n - w - 1 - tl))) {
            *len = w;
            return s;
        }
    }
    return NULL;
}

const char *px_byword_find(const char *s, size_t n, const char *lang, size_t *len)
{
    pthread_once(&by_once, by_init);
    if (n && (unsigned char)s[0] >= 0xEA && (unsigned char)s[0] <= 0xED) {
        const char *name = title_after(s, n, len);
        if (name)
            return name;
    }
    size_t part = 0; /* where the current part of the line starts */
    for (size_t i = 0; i < n;) {
        /* most bytes begin no separator: tested here before the call */
        unsigned char b = (unsigned char)s[i];
        size_t sl = b == '|' || b >= 0xc2 ? separator(s + i, n - i) : 0;
        if (sl) {
            i += sl;
            while (i < n && px_meta_is_ws((unsigned char)s[i]))
                i++;
            part = i;
            continue;
        }
        if (by_first((unsigned char)s[i]) &&
            (i == part || px_meta_is_ws((unsigned char)s[i - 1]) || (unsigned char)s[i] >= 0x80)) {
            /* a CJK label may follow another without a space
             * ("来源：南江日报作者：李明") */
            bool glued = (unsigned char)s[i] >= 0x80 && i && !px_meta_is_ws((unsigned char)s[i - 1]);
            int dated = -1; /* date_before, read once and only when a word asks */
            size_t l = 0;
            for (unsigned k1 = by_first((unsigned char)s[i]); k1 && !l; k1 = bynext[k1 - 1]) {
                size_t k = k1 - 1;
                if ((glued && (unsigned char)bywords[k].word[0] < 0x80) || bylen[k] > n - i ||
                    !px_ascii_ieq(s + i, bywords[k].word, bylen[k]))
                    continue; /* not this word: no way of using it matches */
                l = match(k, BW_LABEL, s + i, n - i, lang);
                if (!l && i == part)
                    l = match(k, BW_LEAD, s + i, n - i, lang);
                size_t after = !l && i > part ? match(k, BW_AFTER, s + i, n - i, lang) : 0;
                if (after) {
                    if (dated < 0)
                        dated = date_before(s + part, i - part);
                    if (dated)
                        l = after;
                }
            }
            if (l && !after_credit(s, i)) {
                const char *name = s + i + l;
                size_t rest = n - i - l;
                while (rest && px_meta_is_ws((unsigned char)*name)) {
                    name++;
                    rest--;
                }
                /* the name ends at the next part or the next label:
                 * "Jens Möller · Kategorie", "李明 编辑：王芳" */
                size_t e = 0;
                while (e < rest && !separator(name + e, rest - e) &&
                       !(e && (unsigned char)name[e] >= 0xE3 && px_byword_credit(name + e, rest - e))) {
                    if (e && px_meta_is_ws((unsigned char)name[e - 1])) {
                        size_t w = e;
                        while (w < rest && !px_meta_is_ws((unsigned char)name[w]) && !colon(name + w, rest - w))
                            w++;
                        if (w > e && w < rest && colon(name + w, rest - w) && name[w] != ' ')
                            break;
                    }
                    e++;
                }
                /* a CJK label glued to the name: "鈴木 一郎写真：" */
                while (e && px_meta_is_ws((unsigned char)name[e - 1]))
                    e--;
                *len = e;
                return name;
            }
        }
        i++;
    }
    return NULL;
}
