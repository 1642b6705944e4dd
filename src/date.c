#include "date.h"
#include "ascii.h"
#include "words.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* Month names and abbreviations by language, lower case, January first;
 * "" where a language has no such form. A name that two languages
 * share ("mar", "mai") is listed once: the first row wins. */
#define NAME_W 36 /* bytes of a month name, with its NUL (Bengali's run to 33) */
static const char month_names[][12][NAME_W] = {
    /* English */
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"},
    {"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
    {"", "", "", "", "", "", "", "", "sept", "", "", ""},
    /* German */
    {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "dezember"},
    {"jänner", "", "maerz", "", "", "", "", "", "", "okt", "", "dez"},
    {"", "", "mrz", "", "", "", "", "", "", "", "", ""},
    {"", "", "mär", "", "", "", "", "", "", "", "", ""},
    /* French */
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"},
    {"janv", "févr", "", "avr", "", "", "juil", "aout", "", "", "", "decembre"},
    {"", "fevrier", "", "", "", "", "", "", "", "", "", ""},
    {"", "fév", "", "", "", "", "", "", "", "", "", ""},
    {"", "fev", "", "", "", "", "", "", "", "", "", ""},
    /* Spanish */
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"},
    {"ene", "", "", "abr", "", "", "", "ago", "", "", "", "dic"},
    /* Italian */
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
     "settembre", "ottobre", "novembre", "dicembre"},
    {"gen", "", "", "", "mag", "giu", "lug", "", "set", "ott", "", ""},
    /* Portuguese */
    {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
     "outubro", "novembro", "dezembro"},
    {"", "", "", "", "", "", "", "", "", "out", "", ""},
    /* Dutch */
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    {"", "", "mrt", "", "", "", "", "", "", "", "", "dek"},
    /* Russian: the genitive of dates ("3 ноября"), then the nominative */
    {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
     "октября", "ноября", "декабря"},
    {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
     "октябрь", "ноябрь", "декабрь"},
    /* Polish: the genitive of dates ("3 listopada") */
    {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
     "października", "listopada", "grudnia"},
    /* Ukrainian: the genitive of dates ("12 жовтня") */
    {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
     "жовтня", "листопада", "грудня"},
    /* Czech: the genitive of dates ("4. prosince") */
    {"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
     "října", "listopadu", "prosince"},
    /* Hungarian ("2023. november 7.") */
    {"január", "február", "március", "április", "május", "június", "július", "augusztus",
     "szeptember", "október", "", ""},
    /* Turkish */
    {"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
     "kasım", "aralık"},
    /* Romanian */
    {"ianuarie", "februarie", "martie", "aprilie", "", "iunie", "iulie", "", "septembrie",
     "octombrie", "noiembrie", "decembrie"},
    /* Finnish: the partitive of dates ("8. toukokuuta") */
    {"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
     "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"},
    /* Indonesian and Danish forms the rows above lack */
    {"", "", "maret", "", "", "", "", "agustus", "", "", "", "desember"},
    {"", "", "marts", "", "maj", "", "", "", "", "", "", ""},
    /* Greek: the genitive of dates, as written (capitalised; the lookup
     * folds ASCII only) and in lower case */
    {"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου",
     "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"},
    {"ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου",
     "αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"},
    /* Arabic: the Gregorian months of Egypt and the Gulf, then the Levant's */
    {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
     "نوفمبر", "ديسمبر"},
    {"", "", "", "إبريل", "", "يونية", "يولية", "", "", "", "", ""},
    {"", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "", "", ""},
    /* Hindi */
    {"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
     "नवंबर", "दिसंबर"},
    {"", "फरवरी", "", "", "", "", "", "", "सितम्बर", "अक्तूबर", "नवम्बर", "दिसम्बर"},
    /* Bengali (with য় as one character or as য and a nukta) */
    {"জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর"},
    {"জানুয়ারি", "ফেব্রুয়ারি", "", "", "", "", "", "", "", "", "", ""},
    /* Tamil, then Marathi's Devanagari forms Hindi's rows lack */
    {"ஜனவரி", "பிப்ரவரி", "மார்ச்", "ஏப்ரல்", "மே", "ஜூன்", "ஜூலை", "ஆகஸ்ட்", "செப்டம்பர்", "அக்டோபர்",
     "நவம்பர்", "டிசம்பர்"},
    {"जानेवारी", "फेब्रुवारी", "", "एप्रिल", "मे", "", "जुलै", "ऑगस्ट", "सप्टेंबर", "ऑक्टोबर",
     "नोव्हेंबर", "डिसेंबर"},
    /* Urdu */
    {"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر",
     "دسمبر"},
    /* Croatian: the genitive of dates ("12. ožujka"); its "listopada"
     * (October) is Polish November above, and the first row wins */
    {"siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza", "rujna",
     "", "studenoga", "prosinca"},
    {"", "", "", "", "", "", "", "", "", "", "studenog", ""},
    /* Catalan ("12 de març de 2024", "3 d'abril") */
    {"gener", "febrer", "març", "", "maig", "juny", "juliol", "agost", "setembre", "octubre",
     "novembre", "desembre"},
    /* Lithuanian: the genitive of dates ("2024 m. kovo 12 d.") */
    {"sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio", "rugsėjo",
     "spalio", "lapkričio", "gruodžio"},
    /* Serbian in Cyrillic ("16. април 2024."), and the Latin forms no row
     * above has ("16. avgust") */
    {"јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар",
     "новембар", "децембар"},
    {"", "", "", "", "", "", "", "avgust", "septembar", "oktobar", "novembar", "decembar"},
    /* Turkish abbreviations ("16 Nis 2024, 21:14", phpBB's) */
    {"oca", "şub", "", "nis", "", "haz", "tem", "ağu", "eyl", "eki", "kas", "ara"},
    /* Swahili ("Aprili 16, 2024") */
    {"", "", "machi", "aprili", "", "", "julai", "agosti", "septemba", "oktoba", "novemba",
     "desemba"},
    /* Georgian ("16 აპრილი 2024") */
    {"იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი", "აგვისტო", "სექტემბერი",
     "ოქტომბერი", "ნოემბერი", "დეკემბერი"},
    /* Hebrew: a date's month takes the prefix ב ("12 במאי 2024"); then
     * without it, and March's other spelling */
    {"בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר",
     "באוקטובר", "בנובמבר", "בדצמבר"},
    {"ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר",
     "נובמבר", "דצמבר"},
    {"", "", "במרס", "", "", "", "", "", "", "", "", ""},
    /* Slovenian ("12. marec 2024"), Estonian ("12. märts 2024"), Malay
     * ("12 Mac 2024"), Tagalog ("Marso 12, 2024"): the names no row above
     * has */
    {"", "", "marec", "", "", "junij", "julij", "", "", "", "", ""},
    {"jaanuar", "veebruar", "märts", "aprill", "", "juuni", "juuli", "", "", "oktoober", "", "detsember"},
    {"", "", "mac", "", "", "", "", "ogos", "", "", "", "disember"},
    {"", "pebrero", "marso", "", "", "hunyo", "hulyo", "", "setyembre", "oktubre", "nobyembre", "disyembre"},
};

/* The same for calendars that count years from the Buddha's death: a
 * four-digit year after one of these months is of that era
 * (form_day_month). Thai, and its abbreviations with their inner dot
 * ("ธ.ค."). */
static const char buddhist_month_names[][12][NAME_W] = {
    {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
     "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"},
    {"ม.ค", "ก.พ", "มี.ค", "เม.ย", "พ.ค", "มิ.ย", "ก.ค", "ส.ค", "ก.ย", "ต.ค", "พ.ย", "ธ.ค"},
};

/* Both are looked up, in this order (a name in both: the first wins),
 * as one list of rows (calendar_name). */
#define GREGORIAN_ROWS (sizeof month_names / sizeof *month_names)
#define BUDDHIST_ROWS (sizeof buddhist_month_names / sizeof *buddhist_month_names)

static const char weekdays[][12] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
};

/* Zones by abbreviation, in minutes east of UTC. */
static const struct { char name[8]; int offset; } zones[] = {
    {"z", 0}, {"utc", 0}, {"gmt", 0}, {"ut", 0}, {"est", -300}, {"edt", -240},
    {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480},
    {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"bst", 60},
    {"cet", 60}, {"cest", 120}, {"met", 60}, {"mez", 60}, {"mesz", 120},
    {"eet", 120}, {"eest", 180}, {"wet", 0}, {"west", 60}, {"msk", 180},
    {"ist", 330}, {"pkt", 300}, {"sgt", 480}, {"hkt", 480}, {"jst", 540},
    {"kst", 540}, {"aest", 600}, {"aedt", 660}, {"acst", 570}, {"awst", 480},
    {"nzst", 720}, {"nzdt", 780}, {"brt", -180}, {"art", -180},
};

/* Case-insensitive equality of s[0..n) with a lower-case UTF-8 word. */
static bool word_is(const char *s, size_t n, const char *w)
{
    if (strlen(w) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (px_ascii_lower((unsigned char)s[i]) != (unsigned char)w[i])
            return false;
    }
    return true;
}

/* The month and weekday names indexed by their first byte (ASCII lower
 * case), so that a lookup compares a word with the few names that start
 * as it does instead of every name of every language: the date finder
 * looks up every word start of every short element of a page, and a scan
 * of the whole tables there cost more than Gumbo's parse on a small
 * page. Within a bucket the names keep the tables' order, so the first
 * row still wins. Built once, on first use, from the tables above. */
#define MONTH_ROWS (GREGORIAN_ROWS + BUDDHIST_ROWS)
#define WEEKDAYS (sizeof weekdays / sizeof *weekdays)

/* An entry: the name's place k in the flat order of the calendars' rows
 * (month (k % 12) + 1) or in weekdays[], and its length. Four bytes, not
 * a pointer and a length: the indexes are written at every start, and
 * small entries keep them to one page of memory instead of six. */
typedef struct name_entry {
    unsigned short k, len;
} name_entry;
_Static_assert(MONTH_ROWS * 12 <= 65535 && WEEKDAYS <= 65535, "a name_entry's k is 16 bits");

typedef struct name_index {
    unsigned short start[257]; /* bucket b is e[start[b]..start[b + 1]) */
    name_entry *e;
} name_index;

/* e is set when the index is built, not in the initializer: a pointer
 * in static data is written by the loader at every start. */
static name_entry month_entries[MONTH_ROWS * 12], weekday_entries[WEEKDAYS];
static name_index month_index, weekday_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static unsigned char bucket(char c)
{
    unsigned char b = (unsigned char)c;
    return px_ascii_lower(b);
}

/* The k-th month name of the calendars' rows ("": a hole), and its era. */
static const char *calendar_name(size_t k, bool *buddhist)
{
    *buddhist = k >= GREGORIAN_ROWS * 12;
    if (!*buddhist)
        return month_names[k / 12][k % 12];
    k -= GREGORIAN_ROWS * 12;
    return buddhist_month_names[k / 12][k % 12];
}

static const char *month_at(size_t k)
{
    bool era;
    return calendar_name(k, &era);
}

static const char *weekday_at(size_t k) { return weekdays[k]; }

/* A counting sort by first byte of the names (not "") of runs[0..nruns),
 * lists taken in turn; stable, as it must be. */
static void index_names(name_index *x, const px_words *runs, size_t nruns)
{
    unsigned short count[256] = {0};
    for (size_t r = 0; r < nruns; r++)
        for (size_t i = 0; i < runs[r].count; i++)
            if (px_word_at(runs[r], i)[0])
                count[bucket(px_word_at(runs[r], i)[0])]++;
    x->start[0] = 0;
    for (int b = 0; b < 256; b++)
        x->start[b + 1] = (unsigned short)(x->start[b] + count[b]);
    unsigned short at[256];
    memcpy(at, x->start, sizeof at);
    size_t k = 0;
    for (size_t r = 0; r < nruns; r++)
        for (size_t i = 0; i < runs[r].count; i++, k++) {
            const char *w = px_word_at(runs[r], i);
            if (w[0])
                x->e[at[bucket(w[0])]++] = (name_entry){(unsigned short)k, (unsigned short)strlen(w)};
        }
}

static void build_indexes(void)
{
    px_words rows[2] = {{month_names[0][0], NAME_W, GREGORIAN_ROWS * 12},
                        {buddhist_month_names[0][0], NAME_W, BUDDHIST_ROWS * 12}};
    month_index.e = month_entries;
    weekday_index.e = weekday_entries;
    index_names(&month_index, rows, 2);
    index_names(&weekday_index, &PX_WORDS(weekdays), 1);
}

/* The place k of the name s[0..n) in the index's order, or -1. */
static int lookup(const name_index *x, const char *(*word)(size_t), const char *s, size_t n)
{
    if (!n)
        return -1;
    unsigned char b = bucket(s[0]);
    for (unsigned i = x->start[b]; i < x->start[b + 1]; i++)
        if (x->e[i].len == n && word_is(s, n, word(x->e[i].k)))
            return x->e[i].k;
    return -1;
}

/* The month s[0..n) names (1 to 12; 0: none), and its era. */
static int month_entry(const char *s, size_t n, bool *buddhist)
{
    pthread_once(&index_once, build_indexes);
    int k = lookup(&month_index, month_at, s, n);
    if (k < 0)
        return 0;
    calendar_name((size_t)k, buddhist);
    return k % 12 + 1;
}

int px_month_name(const char *s, size_t n)
{
    bool era;
    return month_entry(s, n, &era);
}

static bool is_weekday(const char *s, size_t n)
{
    pthread_once(&index_once, build_indexes);
    return lookup(&weekday_index, weekday_at, s, n) >= 0;
}

/* ------------------------------------------------------------------ */
/* A tiny scanner                                                       */

typedef struct scan {
    const char *s;
    size_t n, i;
    const px_date_hint *h; /* NULL: no hint */
    bool short_year;       /* a two-digit year was read */
    bool buddhist;         /* the last month word read is of the Buddhist era */
} scan;

static bool at_end(const scan *c) { return c->i >= c->n; }
static char peek(const scan *c) { return c->i < c->n ? c->s[c->i] : '\0'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

static void skip_spaces(scan *c)
{
    while (c->i < c->n) {
        unsigned char ch = (unsigned char)c->s[c->i];
        if (px_ascii_is_space(ch))
            c->i++;
        else if (ch == 0xC2 && c->i + 1 < c->n && (unsigned char)c->s[c->i + 1] == 0xA0)
            c->i += 2; /* no-break space */
        else
            break;
    }
}

/* Reads exactly-or-up-to digits: at least min, at most max. */
static bool digits(scan *c, int min, int max, int *out)
{
    int v = 0, k = 0;
    while (k < max && c->i < c->n && is_digit(c->s[c->i])) {
        v = v * 10 + (c->s[c->i] - '0');
        c->i++;
        k++;
    }
    if (k < min)
        return false;
    *out = v;
    return true;
}

/* A run of digits; its count in *count. */
static bool number(scan *c, int *out, int *count)
{
    size_t start = c->i;
    if (!digits(c, 1, 9, out))
        return false;
    *count = (int)(c->i - start);
    return !(c->i < c->n && is_digit(c->s[c->i]));
}

/* A word of letters (ASCII or any non-ASCII byte), returned as a span. */
static bool word(scan *c, const char **w, size_t *len)
{
    size_t start = c->i;
    while (c->i < c->n && is_alpha_byte(c->s[c->i]))
        c->i++;
    *w = c->s + start;
    *len = c->i - start;
    return *len > 0;
}

static bool eat(scan *c, char ch)
{
    if (peek(c) == ch) {
        c->i++;
        return true;
    }
    return false;
}

static bool eat_str(scan *c, const char *w)
{
    size_t n = strlen(w);
    if (c->n - c->i >= n && !memcmp(c->s + c->i, w, n)) {
        c->i += n;
        return true;
    }
    return false;
}

static bool valid_date(const px_date *d)
{
    if (d->year < 1000 || d->year > 9999 || d->month < 1 || d->month > 12 || d->day < 1)
        return false;
    if (d->day > px_date_month_days(d->year, d->month))
        return false;
    if (d->hour >= 0 && (d->hour > 23 || d->min < 0 || d->min > 59 || d->sec < 0 || d->sec > 60))
        return false;
    if (d->has_zone && (d->offset < -14 * 60 || d->offset > 14 * 60))
        return false;
    return true;
}

/* A numeric offset after its sign: HH, HHMM or HH:MM. */
static bool offset_digits(scan *c, int sign, px_date *d)
{
    int h, m = 0;
    size_t start = c->i;
    if (!digits(c, 2, 2, &h))
        return false;
    if (eat(c, ':')) {
        if (!digits(c, 2, 2, &m))
            return false;
    } else if (c->i + 1 < c->n && is_digit(c->s[c->i]) && is_digit(c->s[c->i + 1])) {
        digits(c, 2, 2, &m);
    }
    if (c->i < c->n && is_digit(c->s[c->i])) {
        c->i = start;
        return false;
    }
    if (m > 59)
        return false;
    d->has_zone = true;
    d->offset = sign * (h * 60 + m);
    return true;
}

/* An optional zone: Z, +hh:mm, -hhmm, GMT, GMT+2, UTC+05:30, EST... */
static bool zone(scan *c, px_date *d)
{
    skip_spaces(c);
    if (at_end(c))
        return true;
    char ch = peek(c);
    if (ch == '+' || ch == '-') {
        c->i++;
        return offset_digits(c, ch == '+' ? 1 : -1, d);
    }
    const char *w;
    size_t wl;
    size_t save = c->i;
    if (!word(c, &w, &wl)) {
        c->i = save;
        return true;
    }
    for (size_t k = 0; k < sizeof zones / sizeof *zones; k++) {
        if (word_is(w, wl, zones[k].name)) {
            d->has_zone = true;
            d->offset = zones[k].offset;
            /* GMT+2, UTC-05:00 */
            if ((peek(c) == '+' || peek(c) == '-') && d->offset == 0) {
                int sign = peek(c) == '+' ? 1 : -1;
                c->i++;
                size_t st = c->i;
                int h;
                if (digits(c, 1, 2, &h) && !is_digit(peek(c)) && peek(c) != ':') {
                    d->offset = sign * h * 60;
                } else {
                    c->i = st;
                    if (!offset_digits(c, sign, d))
                        return false;
                }
            }
            return true;
        }
    }
    c->i = save;
    return true;
}

/* An optional time: [at|um|à|в|,] HH:MM[:SS[.fff]] [am|pm] [zone]. */
static bool time_part(scan *c, px_date *d)
{
    skip_spaces(c);
    eat(c, ',');
    skip_spaces(c);
    if (at_end(c))
        return true;
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl)) {
        if (!(word_is(w, wl, "at") || word_is(w, wl, "um") || word_is(w, wl, "à") ||
              word_is(w, wl, "a") || word_is(w, wl, "om") || word_is(w, wl, "alle") ||
              word_is(w, wl, "às") || word_is(w, wl, "las") || word_is(w, wl, "t") || word_is(w, wl, "u") ||
              word_is(w, wl, "o") || word_is(w, wl, "\xd0\xb2") || word_is(w, wl, "\xd0\xbe"))) { /* pl o, ru в, uk о */
            c->i = save;
            return zone(c, d);
        }
        skip_spaces(c);
    }
    int h, m, s = 0;
    if (!digits(c, 1, 2, &h))
        return false;
    if (!eat(c, ':') && !eat(c, '.') && !eat(c, 'h'))
        return false;
    if (!digits(c, 2, 2, &m))
        return false;
    if (eat(c, ':')) {
        if (!digits(c, 2, 2, &s))
            return false;
        if (eat(c, '.') || eat(c, ',')) {
            int frac;
            if (!digits(c, 1, 9, &frac))
                return false;
            while (is_digit(peek(c)))
                c->i++;
        }
    }
    if (is_digit(peek(c)))
        return false;
    skip_spaces(c);
    save = c->i;
    if (word(c, &w, &wl)) {
        bool am = word_is(w, wl, "am") || word_is(w, wl, "a");
        bool pm = word_is(w, wl, "pm") || word_is(w, wl, "p");
        if (wl == 1 && (am || pm) && peek(c) == '.') {
            /* a.m. / p.m. */
            c->i++;
            if (word(c, &w, &wl) && word_is(w, wl, "m"))
                eat(c, '.');
            else
                return false;
        }
        if (am || pm) {
            if (h < 1 || h > 12)
                return false;
            h = h % 12 + (pm ? 12 : 0);
        } else if (!word_is(w, wl, "uhr") && !word_is(w, wl, "h")) {
            c->i = save; /* "09:12 Uhr" is 09:12 */
        }
    }
    d->hour = h;
    d->min = m;
    d->sec = s;
    return zone(c, d);
}

/* Skips a leading weekday: "Tuesday, ", "Tue ". */
static void skip_weekday(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl) && is_weekday(w, wl)) {
        eat(c, '.');
        skip_spaces(c);
        eat(c, ',');
        skip_spaces(c);
        return;
    }
    c->i = save;
}

/* "th", "st", "nd", "rd", "er", "." after a day number. */
static void skip_ordinal(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl) && (word_is(w, wl, "st") || word_is(w, wl, "nd") || word_is(w, wl, "rd") ||
                             word_is(w, wl, "th") || word_is(w, wl, "er") || word_is(w, wl, "º")))
        return;
    c->i = save;
    eat(c, '.');
}

/* Reads a month name (with an optional trailing dot). A dot between
 * two letters of a script with no case stays inside the word: Thai
 * abbreviates months so ("ธ.ค."). */
static int month_word(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (!word(c, &w, &wl)) {
        c->i = save;
        return 0;
    }
    while (wl && (unsigned char)w[wl - 1] >= 0x80 && c->i + 1 < c->n && c->s[c->i] == '.' &&
           (unsigned char)c->s[c->i + 1] >= 0x80) {
        const char *w2;
        size_t wl2;
        c->i++;
        word(c, &w2, &wl2);
        wl = (size_t)(w2 + wl2 - w);
    }
    bool era = false;
    int month = month_entry(w, wl, &era);
    if (!month) {
        c->i = save;
        return 0;
    }
    c->buddhist = era;
    eat(c, '.');
    return month;
}

/* Reads a month of the Persian calendar (date_scripts.c). */
static int jalali_word(scan *c)
{
    size_t save = c->i;
    const char *w;
    size_t wl;
    int m = word(c, &w, &wl) ? px_date_jalali_month(w, wl) : 0;
    if (!m)
        c->i = save;
    return m;
}

static bool finish(scan *c, px_date *d)
{
    if (!time_part(c, d))
        return false;
    skip_spaces(c);
    return at_end(c) && valid_date(d);
}

/* A clock time already read, then an optional zone and nothing more. */
static bool end_clock(scan *c, px_date *d, int hh, int mm, int ss)
{
    d->hour = hh;
    d->min = mm;
    d->sec = ss;
    if (!zone(c, d))
        return false;
    skip_spaces(c);
    return at_end(c) && valid_date(d);
}

/* "de" / "of" between day, month and year: "15 de marzo de 2022". */
static void skip_filler(scan *c)
{
    skip_spaces(c);
    size_t save = c->i;
    const char *w;
    size_t wl;
    if (word(c, &w, &wl) && (word_is(w, wl, "de") || word_is(w, wl, "of") || word_is(w, wl, "del"))) {
        skip_spaces(c);
        return;
    }
    /* elided before a vowel: Catalan "3 d'abril", "d’octubre" (whose
     * quote's bytes read as letters) */
    if (wl && (*w == 'd' || *w == 'D')) {
        if (wl == 1 && eat(c, '\''))
            return;
        if (wl > 4 && !memcmp(w + 1, "\xe2\x80\x99", 3)) {
            c->i = (size_t)(w + 4 - c->s);
            return;
        }
    }
    c->i = save;
}

/* ------------------------------------------------------------------ */
/* The forms                                                            */

/* Each form reads the whole date from the scanner's position, after any
 * weekday, and says whether the text is in its form at all. */
enum form_result { NOT_THIS, MALFORMED, PARSED };

/* A clock time HH:MM[:SS[.fff]] after ISO's 'T', then the zone. */
static bool iso_clock(scan *c, px_date *d)
{
    int hh, mm, ss = 0;
    if (!digits(c, 2, 2, &hh) || !eat(c, ':') || !digits(c, 2, 2, &mm))
        return false;
    if (eat(c, ':')) {
        if (!digits(c, 2, 2, &ss))
            return false;
        /* a fraction; some pages write it after a colon
         * ("10:20:30:123Z"), which a reader takes as milliseconds */
        if (eat(c, '.') || eat(c, ',') || eat(c, ':')) {
            int f;
            if (!digits(c, 1, 9, &f))
                return false;
            while (is_digit(peek(c)))
                c->i++;
        }
    }
    return end_clock(c, d, hh, mm, ss);
}

static enum form_result result(bool ok) { return ok ? PARSED : MALFORMED; }

/* 20220315, 20220315T034211Z; eight digits of a year before 1900 are
 * an identifier ("article/details/13890112"), not a date of the Persian
 * or any other era */
static enum form_result form_basic(scan *c, px_date *d)
{
    int a, ac;
    if (!number(c, &a, &ac) || ac != 8 || !(at_end(c) || peek(c) == 'T' || peek(c) == ' '))
        return NOT_THIS;
    d->year = a / 10000;
    d->month = a / 100 % 100;
    d->day = a % 100;
    if (d->year < 1900)
        return MALFORMED;
    if (eat(c, 'T')) {
        int hh, mm, ss = 0;
        if (!digits(c, 2, 2, &hh))
            return MALFORMED;
        eat(c, ':');
        if (!digits(c, 2, 2, &mm))
            return MALFORMED;
        if ((eat(c, ':') || is_digit(peek(c))) && !digits(c, 2, 2, &ss))
            return MALFORMED;
        return result(end_clock(c, d, hh, mm, ss));
    }
    return result(finish(c, d));
}

/* 2024年3月15日 18時30分, with an optional weekday in parentheses; and
 * Korean's 2024년 3월 15일 (its year, month and day marks in Hangul) */
static enum form_result form_cjk(scan *c, px_date *d)
{
    int a, ac;
    if (!number(c, &a, &ac) || ac != 4)
        return NOT_THIS;
    bool ko = eat_str(c, "\xeb\x85\x84"); /* 년 */
    if (!ko && !eat_str(c, "\xe5\xb9\xb4"))
        return NOT_THIS;
    int m, day;
    skip_spaces(c);
    if (!digits(c, 1, 2, &m) || !eat_str(c, ko ? "\xec\x9b\x94" : "\xe6\x9c\x88")) /* 월, 月 */
        return MALFORMED;
    skip_spaces(c);
    if (!digits(c, 1, 2, &day) || !eat_str(c, ko ? "\xec\x9d\xbc" : "\xe6\x97\xa5")) /* 일, 日 */
        return MALFORMED;
    d->year = a;
    d->month = m;
    d->day = day;
    skip_spaces(c);
    /* a weekday in parentheses: （金） or (金) */
    size_t save = c->i;
    if (eat_str(c, "(") || eat_str(c, "\xef\xbc\x88")) {
        while (!at_end(c) && peek(c) != ')' && !(c->i + 3 <= c->n && !memcmp(c->s + c->i, "\xef\xbc\x89", 3)))
            c->i++;
        if (!eat_str(c, ")") && !eat_str(c, "\xef\xbc\x89"))
            c->i = save;
        skip_spaces(c);
    }
    int hh, mm;
    save = c->i;
    if (digits(c, 1, 2, &hh) && eat_str(c, "\xe6\x99\x82") && digits(c, 1, 2, &mm) &&
        eat_str(c, "\xe5\x88\x86")) {
        d->hour = hh;
        d->min = mm;
        d->sec = 0;
        skip_spaces(c);
        return result(at_end(c) && valid_date(d));
    }
    c->i = save;
    return result(finish(c, d));
}

/* The year first with a dot and a space after each part, as Hungarian
 * and Korean write dates: "2023. november 7. 14:32", "2023. 8. 21.
 * 14:30"; the year and its dot are read. */
static bool year_first_spaced(scan *c, px_date *d, int year)
{
    skip_spaces(c);
    int m = month_word(c), day;
    if (m)
        skip_spaces(c);
    else if (!digits(c, 1, 2, &m) || !eat(c, '.') || !(skip_spaces(c), true))
        return false;
    if (!digits(c, 1, 2, &day) || is_digit(peek(c)))
        return false;
    eat(c, '.');
    d->year = year;
    d->month = m;
    d->day = day;
    return finish(c, d);
}

/* Lithuanian: "2024 m. kovo 12 d." (metai, the month's genitive, diena) */
static enum form_result form_year_m(scan *c, px_date *d)
{
    int a, ac;
    if (!number(c, &a, &ac) || ac != 4 || !eat_str(c, " m."))
        return NOT_THIS;
    skip_spaces(c);
    int m = month_word(c), day;
    skip_spaces(c);
    if (!m || !digits(c, 1, 2, &day) || is_digit(peek(c)))
        return MALFORMED;
    if (!eat_str(c, " d."))
        eat_str(c, " d");
    d->year = a;
    d->month = m;
    d->day = day;
    return result(finish(c, d));
}

/* ISO: YYYY-MM-DD[THH:MM[:SS[.f]]][zone], also with / or . */
/* A numeric date's year of another era than the Common one, written in
 * the same digits: a Thai Buddhist-era year ("12/03/2567" is 2024), a
 * Persian (Jalali) one ("۱۴۰۲/۱۲/۲۲" is 12 March 2024), read as the
 * Gregorian day they name; a Hijri (Islamic) one ("1445/09/01 هـ") names
 * no Gregorian day here, and false lets the page's other date be read.
 * Years in which no page dates a story of its own. */
static bool numeric_era(px_date *d)
{
    if (d->year >= 2480 && d->year <= 2643) {
        d->year -= 543;
        return true;
    }
    if (d->year >= 1340 && d->year <= 1410)
        return px_date_from_jalali(d->year, d->month, d->day, d);
    return d->year < 1411 || d->year > 1500;
}

static enum form_result form_iso(scan *c, px_date *d)
{
    int a, ac;
    char sep;
    if (!number(c, &a, &ac) || ac != 4 || !((sep = peek(c)) == '-' || sep == '/' || sep == '.'))
        return NOT_THIS;
    c->i++;
    int m, day;
    if (sep == '.' && (peek(c) == ' ' || is_alpha_byte(peek(c))))
        return result(year_first_spaced(c, d, a));
    if (!digits(c, 1, 2, &m) || !eat(c, sep) || !digits(c, 1, 2, &day) || is_digit(peek(c)))
        return MALFORMED;
    d->year = a;
    d->month = m;
    d->day = day;
    if (!numeric_era(d))
        return MALFORMED;
    if (eat(c, 'T') || eat(c, 't'))
        return result(iso_clock(c, d));
    return result(finish(c, d));
}

/* The century of a two-digit year next to the year a page is near
 * (date.h gives the pivot), or 0 when it is too far from it. */
static int full_year(int yy, int near)
{
    if (!near)
        return yy < 70 ? 2000 + yy : 1900 + yy;
    int y = 2000 + yy;
    if (y > near + 1)
        y -= 100;
    return y >= near - 50 ? y : 0;
}

/* Day and month of a/b by the order, when b/a cannot be: a part above
 * 12 is the day. A part above 12 against the hint's order is refused for
 * a two-digit year (25/11/21 on a month-first page may be a year first). */
static bool day_month(int a, int b, px_date_order order, bool strict, px_date *d)
{
    bool dmy = a > 12 && b <= 12, mdy = b > 12 && a <= 12;
    if (!dmy && !mdy && a <= 12 && b <= 12) {
        dmy = order == PX_ORDER_DMY;
        mdy = order == PX_ORDER_MDY;
    } else if (strict && ((dmy && order != PX_ORDER_DMY) || (mdy && order != PX_ORDER_MDY))) {
        return false;
    }
    if (!dmy && !mdy)
        return false; /* 03/04/2022 and no order: ambiguous */
    d->day = dmy ? a : b;
    d->month = dmy ? b : a;
    return true;
}

/* 15.03.2022, 15-03-2022 (day first, or month first when the hint says
 * so for '-'), 15/03/2022 and 03/15/2022 when one of the two is above 12
 * or the hint gives the order; two-digit years as date.h says */
static enum form_result form_numeric(scan *c, px_date *d)
{
    int a, ac;
    char sep;
    if (!number(c, &a, &ac) || ac > 2 || !((sep = peek(c)) == '.' || sep == '/' || sep == '-'))
        return NOT_THIS;
    /* Czech and Slovak put a space after each dot: "4. 12. 2023" */
    bool spaced = sep == '.' && c->i + 2 < c->n && c->s[c->i + 1] == ' ' && is_digit(c->s[c->i + 2]);
    if (!spaced && !(c->i + 1 < c->n && is_digit(c->s[c->i + 1])))
        return NOT_THIS;
    c->i += spaced ? 2 : 1;
    int b, bc, y, yc;
    if (!number(c, &b, &bc) || bc > 2 || !eat(c, sep) || (spaced && !eat(c, ' ')) || !number(c, &y, &yc) ||
        (yc != 4 && yc != 2) || (spaced && yc != 4))
        return MALFORMED;
    eat(c, '.');
    px_date_order order = c->h ? c->h->order : PX_ORDER_NONE;
    if (yc == 2) {
        if (!c->h || sep == '-' || (sep == '.' && (ac != 2 || bc != 2)))
            return MALFORMED;
        if (sep == '.' && order != PX_ORDER_YMD)
            order = PX_ORDER_DMY; /* nobody writes a month first with dots */
        c->short_year = true;
        if (order == PX_ORDER_YMD) {
            d->year = full_year(a, c->h->year);
            d->month = b;
            d->day = y;
        } else if (!day_month(a, b, order, true, d) || !(d->year = full_year(y, c->h->year))) {
            return MALFORMED;
        }
        return result(d->year && finish(c, d));
    }
    d->year = y;
    if (sep == '.' || (sep == '-' && order != PX_ORDER_MDY)) {
        d->day = a;
        d->month = b;
    } else if (!day_month(a, b, order, false, d)) {
        return MALFORMED;
    }
    if (!numeric_era(d))
        return MALFORMED;
    return result(finish(c, d));
}

/* 15 March 2022, 15. März 2022, 15 de marzo de 2022 */
static enum form_result form_day_month(scan *c, px_date *d)
{
    int a, ac;
    if (!number(c, &a, &ac) || ac > 2)
        return NOT_THIS;
    skip_ordinal(c);
    skip_filler(c);
    int m = month_word(c), jalali = m ? 0 : jalali_word(c);
    if (!m && !jalali)
        return MALFORMED;
    skip_filler(c);
    eat(c, ',');
    skip_spaces(c);
    int y, yc;
    if (!number(c, &y, &yc) || yc != 4)
        return MALFORMED;
    eat(c, '.'); /* Croatian and Serbian end the year with a dot: "12. ožujka 2024." */
    /* Thailand counts years from the Buddha's death: 2566 is 2023 */
    if (c->buddhist && y > 2400)
        y -= 543;
    d->year = y;
    d->month = m;
    d->day = a;
    /* a Persian month: the Gregorian day it names ("۱۴ اسفند ۱۴۰۲") */
    if (jalali && !px_date_from_jalali(y, jalali, a, d))
        return MALFORMED;
    return result(finish(c, d));
}

/* March 15, 2022 / Mar. 15th 2022 */
static enum form_result form_month_day(scan *c, px_date *d)
{
    if (is_digit(peek(c)))
        return NOT_THIS;
    int m = month_word(c);
    if (!m)
        return MALFORMED;
    skip_spaces(c);
    int day, dc, y, yc;
    if (!number(c, &day, &dc) || dc > 2)
        return MALFORMED;
    skip_ordinal(c);
    skip_spaces(c);
    eat(c, ',');
    skip_spaces(c);
    if (!number(c, &y, &yc) || yc != 4)
        return MALFORMED;
    d->year = y;
    d->month = m;
    d->day = day;
    return result(finish(c, d));
}

/* What every form may have before it: white space (a no-break space
 * too, whose bytes count as letters to px_date_find) and a weekday. */
static void skip_lead(scan *c)
{
    skip_spaces(c);
    skip_weekday(c);
}

/* Form k, tried in order; the first that recognises its form decides.
 * A switch, not a table of function pointers: those the loader writes
 * at every start. */
#define FORMS 7
static enum form_result form(size_t k, scan *c, px_date *d)
{
    switch (k) {
    case 0: return form_basic(c, d);
    case 1: return form_cjk(c, d);
    case 2: return form_year_m(c, d);
    case 3: return form_iso(c, d);
    case 4: return form_numeric(c, d);
    case 5: return form_day_month(c, d);
    default: return form_month_day(c, d);
    }
}

/* px_date_parse_hint, and whether it read a two-digit year. */
static bool parse(const char *s, size_t n, const px_date_hint *h, px_date *d, bool *short_year)
{
    scan c = {s, n, 0, h, false};
    skip_lead(&c);
    *short_year = false;
    if (at_end(&c))
        return false;
    size_t start = c.i;
    for (size_t k = 0; k < FORMS; k++) {
        memset(d, 0, sizeof *d);
        d->hour = d->min = d->sec = -1;
        c.i = start;
        c.short_year = false;
        enum form_result r = form(k, &c, d);
        if (r != NOT_THIS) {
            *short_year = c.short_year;
            return r == PARSED;
        }
    }
    return false;
}

bool px_date_parse_hint(const char *s, size_t n, const px_date_hint *h, px_date *d)
{
    bool short_year;
    return parse(s, n, h, d, &short_year);
}

bool px_date_parse(const char *s, size_t n, px_date *d) { return px_date_parse_hint(s, n, NULL, d); }

/* Is the character that holds byte s[i] (non-ASCII) a space or a mark
 * of punctuation, not a letter: the full-width colon of a CJK label
 * ("發布時間：2024/04/11 18:30"), the ideographic space between two
 * labelled dates, CJK brackets and commas, the dashes, dots and spaces
 * of General Punctuation, the no-break space, the middle dot. Han 〇
 * and the iteration marks (U+3005..3007) are letters of words. */
static bool punct_char(const char *s, size_t n, size_t i)
{
    size_t b = i;
    while (b > 0 && i - b < 3 && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    unsigned char c0 = (unsigned char)s[b];
    size_t len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : c0 >= 0xC0 ? 2 : 1;
    if (len == 1 || b + len > n || i >= b + len)
        return false;
    unsigned cp = c0 & (0x3F >> (len - 1));
    for (size_t k = 1; k < len; k++)
        cp = cp << 6 | ((unsigned char)s[b + k] & 0x3F);
    return cp == 0xA0 || cp == 0xB7 || (cp >= 0x2000 && cp <= 0x206F) ||
           (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

/* Does a word end at s[i]: the end, or a byte that is no letter or
 * digit? (Non-ASCII letters count as letters: a date never ends inside
 * a word of any script; their punctuation and spaces part words.) */
static inline bool boundary(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return true;
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) /* asked at every byte of a page's short texts: ASCII first */
        return !((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'));
    return punct_char(s, n, i);
}

/* Can a date start at s[i], a word start? The spans px_date_find tries
 * never end inside a word or a run of digits, so what every form reads
 * first (a weekday, a number and the byte after it, a month word) is the
 * same in each span as in the whole text, or is cut short by the span's
 * end, which fails the form. So a start where the whole text fails the
 * first steps of every form fails every span, and most word starts of a
 * page's text do ("50,000", "2024", "November 2024"): testing them once
 * spares the parses of all their spans (the parses of every span of
 * every number were 2.6% of a small page's start-up).
 *   form_month_day: a month, then a day of one or two digits;
 *   form_basic: eight digits;
 *   form_cjk, form_iso: four, then 年, 년 or a separator;
 *   form_numeric: one or two, a separator and a digit;
 *   form_day_month: one or two, then a month after the ordinal and "de". */
static bool may_start(const char *s, size_t n, size_t i)
{
    scan c = {s, n, i};
    skip_spaces(&c);
    /* most word starts are a word that is neither a weekday nor a month:
     * it is read once and looked up in both, and let go */
    const char *w;
    size_t wl;
    if (word(&c, &w, &wl)) {
        pthread_once(&index_once, build_indexes);
        if (lookup(&weekday_index, weekday_at, w, wl) < 0 && lookup(&month_index, month_at, w, wl) < 0)
            return false;
    }
    c.i = i;
    skip_lead(&c);
    if (at_end(&c))
        return false;
    int v, count;
    if (!is_digit(peek(&c))) {
        if (!month_word(&c))
            return false;
        skip_spaces(&c);
        return number(&c, &v, &count) && count <= 2;
    }
    if (!number(&c, &v, &count))
        return false; /* ten digits or more: no form reads them */
    char x = peek(&c);
    bool sep = x == '-' || x == '/' || x == '.';
    if (count == 8)
        return true;
    if (count == 4)
        return sep || (c.i + 3 <= n && (!memcmp(s + c.i, "\xe5\xb9\xb4", 3) || !memcmp(s + c.i, "\xeb\x85\x84", 3) ||
                                        !memcmp(s + c.i, " m.", 3)));
    if (count > 2)
        return false;
    if (sep && c.i + 1 < n && is_digit(s[c.i + 1]))
        return true;
    /* "4. 12. 2023": a space after each dot (cs, hu, ko) */
    if (x == '.') {
        size_t j = c.i + 1;
        while (j < n && s[j] == ' ')
            j++;
        if (j < n && is_digit(s[j]))
            return true;
    }
    skip_ordinal(&c);
    skip_filler(&c);
    return month_word(&c) != 0 || jalali_word(&c) != 0;
}

/* Words around a two-digit-year date that make it a time or part of a
 * longer number: "um 10.05.30", "23.09.22 Uhr", "1.03.11.21",
 * "03.11.21.5", "03.11.21:45". */
static const char clock_before[][8] = {"um", "at", "klo", "kl", "alle", "ore", "om", "godz"};
static const char clock_after[][8] = {"uhr", "h", "am", "pm", "hrs", "hours", "horas", "ore"};

static bool is_sep(char ch) { return ch == '.' || ch == ':' || ch == '/' || ch == '-'; }

static bool word_in(const char *w, size_t wl, px_words list)
{
    for (size_t k = 0; k < list.count; k++)
        if (word_is(w, wl, px_word_at(list, k)))
            return true;
    return false;
}

static bool short_year_alone(const char *s, size_t n, size_t from, size_t to, const px_date *d)
{
    if (from >= 2 && is_sep(s[from - 1]) && is_digit(s[from - 2]))
        return false;
    if (to + 1 < n && is_sep(s[to]) && is_digit(s[to + 1]))
        return false;
    size_t b = from;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        b--;
    size_t e = b;
    while (b > 0 && is_alpha_byte(s[b - 1]))
        b--;
    if (word_in(s + b, e - b, PX_WORDS(clock_before)))
        return false;
    if (d->hour >= 0)
        return true; /* a time after the date: the date is no time */
    scan c = {s, n, to, NULL, false};
    skip_spaces(&c);
    const char *w;
    size_t wl;
    return !word(&c, &w, &wl) || !word_in(w, wl, PX_WORDS(clock_after));
}

/* Does an Arabic era's letter follow a year's last digit at s[i], as a
 * word's end: "12/03/2024م" (ميلادي, of the Common Era), "1445هـ" (هجري)?
 * It parts the date from it as a space would. */
static bool era_letter(const char *s, size_t n, size_t i)
{
    if (!i || !is_digit(s[i - 1]) || i + 2 > n || (unsigned char)s[i] != 0xD9)
        return false;
    unsigned char b = (unsigned char)s[i + 1];
    size_t len = b == 0x85 ? 2 : b == 0x87 ? (i + 4 <= n && !memcmp(s + i + 2, "\xd9\x80", 2) ? 4 : 2) : 0;
    return len && boundary(s, n, i + len);
}

bool px_date_find_hint(const char *s, size_t n, const px_date_hint *h, px_date *d, size_t *at)
{
    /* At each word start, the longest span that parses, up to a limit:
     * a date with its time and zone is shorter than 48 bytes. */
    for (size_t i = 0; i < n; i++) {
        if (i && !boundary(s, n, i - 1))
            continue;
        if (!is_digit(s[i]) && !is_alpha_byte(s[i]))
            continue;
        if (!may_start(s, n, i))
            continue;
        size_t max = n - i < 48 ? n - i : 48;
        for (size_t len = max; len >= 4; len--) {
            if (!(boundary(s, n, i + len) || era_letter(s, n, i + len)) || boundary(s, n, i + len - 1))
                continue; /* spans end after a letter or digit, at a boundary */
            bool short_year;
            if (parse(s + i, len, h, d, &short_year) &&
                (!short_year || short_year_alone(s, n, i, i + len, d))) {
                if (at)
                    *at = i;
                return true;
            }
        }
    }
    return false;
}

bool px_date_find(const char *s, size_t n, px_date *d, size_t *at)
{
    return px_date_find_hint(s, n, NULL, d, at);
}

size_t px_date_format(const px_date *d, char out[PX_DATE_MAX])
{
    int n;
    if (d->hour < 0)
        n = snprintf(out, PX_DATE_MAX, "%04d-%02d-%02d", d->year, d->month, d->day);
    else
        n = snprintf(out, PX_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day,
                     d->hour, d->min, d->sec);
    if (d->has_zone && d->hour >= 0) {
        int off = d->offset < 0 ? -d->offset : d->offset;
        n += snprintf(out + n, (size_t)(PX_DATE_MAX - n), "%c%02d:%02d", d->offset < 0 ? '-' : '+',
                      off / 60, off % 60);
    }
    return (size_t)n;
}

bool px_date_iso(const char *s, size_t n, char out[PX_DATE_MAX])
{
    px_date d;
    if (!px_date_parse(s, n, &d))
        return false;
    px_date_format(&d, out);
    return true;
}
