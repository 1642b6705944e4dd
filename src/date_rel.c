/*
 * Relative dates ("2 days ago", "vor 3 Stunden", "hace 2 días", "昨天")
 * counted back from a reference date, and the calendar arithmetic they
 * need. A relative phrase names a day only once the time the page was
 * fetched is known; without it there is nothing to count from.
 *
 * Each language's phrase is one of two shapes, a table row each:
 *   before N unit [after]   "vor 3 Stunden", "hace 2 días", "il y a 2 jours", "há 2 dias"
 *   N unit after            "2 days ago", "3 часа назад", "2 giorni fa", "3 dni temu", "3天前"
 * and a few words name a day on their own ("yesterday", "gestern", "hier").
 */
#include "date.h"

#include <string.h>
#include "text.h"

#define COUNT(a) (sizeof a / sizeof *a)

/* Days since 1970-01-01 of a calendar day (proleptic Gregorian). */
long px_date_days(int year, int month, int day)
{
    long y = year - (month <= 2), era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400, mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

int px_date_month_days(int year, int month)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return mdays[month - 1] + (month == 2 && leap);
}

void px_date_civil(long z, px_date *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    d->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d->year = (int)(yoe + era * 400 + (d->month <= 2));
}

/* Units in seconds; a month and a year count as calendar months. */
enum unit { SEC = 1, MIN = 60, HOUR = 3600, DAY = 86400, WEEK = 604800, MONTH = -1, YEAR = -12 };

/* Unit words, lower case, in every language at once: no word means two
 * units. Plural and case forms are listed whole. */
static const struct { char w[16]; int unit; } units[] = {
    /* English */
    {"second", SEC}, {"seconds", SEC}, {"sec", SEC}, {"secs", SEC}, {"minute", MIN}, {"minutes", MIN},
    {"min", MIN}, {"mins", MIN}, {"hour", HOUR}, {"hours", HOUR}, {"hr", HOUR}, {"hrs", HOUR},
    {"h", HOUR}, {"day", DAY}, {"days", DAY}, {"d", DAY}, {"week", WEEK}, {"weeks", WEEK},
    {"month", MONTH}, {"months", MONTH}, {"year", YEAR}, {"years", YEAR},
    /* German */
    {"sekunde", SEC}, {"sekunden", SEC}, {"minuten", MIN}, {"stunde", HOUR}, {"stunden", HOUR},
    {"std", HOUR}, {"tag", DAY}, {"tagen", DAY}, {"woche", WEEK}, {"wochen", WEEK}, {"monat", MONTH},
    {"monaten", MONTH}, {"jahr", YEAR}, {"jahren", YEAR},
    /* Spanish and Portuguese */
    {"segundo", SEC}, {"segundos", SEC}, {"minuto", MIN}, {"minutos", MIN}, {"hora", HOUR},
    {"horas", HOUR}, {"día", DAY}, {"días", DAY}, {"dia", DAY}, {"dias", DAY}, {"semana", WEEK},
    {"semanas", WEEK}, {"mes", MONTH}, {"meses", MONTH}, {"mês", MONTH}, {"año", YEAR},
    {"años", YEAR}, {"ano", YEAR}, {"anos", YEAR},
    /* French */
    {"seconde", SEC}, {"secondes", SEC}, {"heure", HOUR}, {"heures", HOUR}, {"jour", DAY},
    {"jours", DAY}, {"semaine", WEEK}, {"semaines", WEEK}, {"mois", MONTH}, {"an", YEAR},
    {"ans", YEAR}, {"année", YEAR}, {"années", YEAR},
    /* Italian */
    {"secondi", SEC}, {"minuti", MIN}, {"ora", HOUR}, {"ore", HOUR}, {"giorno", DAY},
    {"giorni", DAY}, {"settimana", WEEK}, {"settimane", WEEK}, {"mese", MONTH}, {"mesi", MONTH},
    {"anno", YEAR}, {"anni", YEAR},
    /* Dutch */
    {"seconden", SEC}, {"minuut", MIN}, {"uur", HOUR}, {"dag", DAY}, {"dagen", DAY}, {"week", WEEK},
    {"weken", WEEK}, {"maand", MONTH}, {"maanden", MONTH}, {"jaar", YEAR},
    /* Russian */
    {"секунду", SEC}, {"секунды", SEC}, {"секунд", SEC}, {"минуту", MIN}, {"минуты", MIN},
    {"минут", MIN}, {"час", HOUR}, {"часа", HOUR}, {"часов", HOUR}, {"день", DAY}, {"дня", DAY},
    {"дней", DAY}, {"неделю", WEEK}, {"недели", WEEK}, {"недель", WEEK}, {"месяц", MONTH},
    {"месяца", MONTH}, {"месяцев", MONTH}, {"год", YEAR}, {"года", YEAR}, {"лет", YEAR},
    /* Polish */
    {"sekundy", SEC}, {"sekund", SEC}, {"minutę", MIN}, {"minuty", MIN}, {"minut", MIN},
    {"godzinę", HOUR}, {"godziny", HOUR}, {"godzin", HOUR}, {"dzień", DAY}, {"dni", DAY},
    {"tydzień", WEEK}, {"tygodnie", WEEK}, {"tygodni", WEEK}, {"miesiąc", MONTH},
    {"miesiące", MONTH}, {"miesięcy", MONTH}, {"rok", YEAR}, {"lata", YEAR}, {"lat", YEAR},
    /* Chinese and Japanese, written without spaces: "3天前", "2時間前" */
    {"秒", SEC}, {"秒钟", SEC}, {"分钟", MIN}, {"分鐘", MIN}, {"分", MIN}, {"小时", HOUR},
    {"小時", HOUR}, {"時間", HOUR}, {"天", DAY}, {"日", DAY}, {"周", WEEK}, {"週", WEEK},
    {"週間", WEEK}, {"个月", MONTH}, {"個月", MONTH}, {"ヶ月", MONTH}, {"か月", MONTH},
    {"年", YEAR},
};

/* Words before the number ("vor", "hace", "il y a", "há") and after the
 * unit ("ago", "назад", "fa", "temu", "geleden", "前"). */
static const char before[][8] = {"vor", "hace", "il y a", "há"};
static const char after[][12] = {"ago", "назад", "fa", "temu", "geleden", "前", "atrás"};

/* Words for "one", where a phrase has no digit: "an hour ago", "vor einer Stunde". */
static const char one[][8] = {"a", "an", "one", "einer", "einem", "un", "une", "uno", "una",
                              "um", "uma", "een", "jeden", "jedną"};

/* Days named on their own, at the start of a dateline ("Gestern, 10:12
 * Uhr"; not "Today's Paper" further on): 0 today, 1 yesterday, 2 the day
 * before. French "hier" is left out: it is German for "here". */
static const struct { char w[20]; int back; } days[] = {
    {"today", 0}, {"yesterday", 1}, {"heute", 0}, {"gestern", 1}, {"vorgestern", 2},
    {"aujourd'hui", 0}, {"avant-hier", 2}, {"hoy", 0}, {"ayer", 1}, {"anteayer", 2},
    {"oggi", 0}, {"ieri", 1}, {"hoje", 0}, {"ontem", 1}, {"vandaag", 0}, {"gisteren", 1},
    {"сегодня", 0}, {"вчера", 1}, {"позавчера", 2}, {"dzisiaj", 0}, {"dziś", 0}, {"wczoraj", 1},
    {"今天", 0}, {"昨天", 1}, {"前天", 2}, {"今日", 0}, {"昨日", 1}, {"一昨日", 2},
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Is s[i] the end of a word: the end of the text, or a byte that is
 * neither an ASCII letter nor part of a non-ASCII letter? CJK words need
 * no boundary; they are matched as whole table entries. */
static bool word_end(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return true;
    unsigned char c = (unsigned char)s[i];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c < 0xE3) ||
             is_digit((char)c));
}

static size_t spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return spaces(s, n, i + 2);
    return i;
}

/* Length of the longest of words that starts at s[i] and ends a word
 * there (ASCII case ignored), 0 for none; its index in *k. Word j is at
 * words + j * stride: a table of words, or their field in a table of
 * structs. */
static size_t match(const char *s, size_t n, size_t i, const char *words, size_t stride, size_t count,
                    size_t *k)
{
    size_t best = 0;
    for (size_t j = 0; j < count; j++) {
        const char *w = words + j * stride;
        size_t l = strlen(w);
        bool cjk = (unsigned char)w[0] >= 0xE3;
        if (l > best && i + l <= n && px_ascii_ieq(s + i, w, l) && (cjk || word_end(s, n, i + l))) {
            best = l;
            *k = j;
        }
    }
    return best;
}

/* N unit at s[i]: the count in *count, the unit in *unit; the end. */
static size_t amount(const char *s, size_t n, size_t i, long *count, int *unit)
{
    size_t k, l;
    long v = 0;
    if (i < n && is_digit(s[i])) {
        size_t st = i;
        while (i < n && is_digit(s[i]) && i - st < 4)
            v = v * 10 + (s[i++] - '0');
        if (i < n && is_digit(s[i]))
            return 0;
    } else if ((l = match(s, n, i, *one, sizeof *one, COUNT(one), &k))) {
        v = 1;
        i += l;
    } else {
        return 0;
    }
    i = spaces(s, n, i);
    if (!(l = match(s, n, i, units[0].w, sizeof *units, COUNT(units), &k)))
        return 0;
    *count = v;
    *unit = units[k].unit;
    return i + l;
}

/* The reference moved back by count units, in the reference's own zone. */
static void back(const px_date *ref, long count, int unit, px_date *out)
{
    *out = *ref;
    bool timed = ref->hour >= 0;
    if (unit < 0) {
        long months = (long)ref->year * 12 + (ref->month - 1) - count * (-unit);
        out->year = (int)(months / 12);
        out->month = (int)(months % 12) + 1;
        int md = px_date_month_days(out->year, out->month);
        if (out->day > md)
            out->day = md;
        out->hour = out->min = out->sec = -1;
        return;
    }
    long secs = timed ? ref->hour * 3600L + ref->min * 60L + ref->sec : 0;
    long day = px_date_days(ref->year, ref->month, ref->day);
    long t = day * 86400 + secs - count * unit;
    long dn = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    px_date_civil(dn, out);
    /* "3 hours ago" has a time; "2 days ago" names a day only */
    if (timed && unit < DAY) {
        long s = t - dn * 86400;
        out->hour = (int)(s / 3600);
        out->min = (int)(s / 60 % 60);
        out->sec = (int)(s % 60);
    } else {
        out->hour = out->min = out->sec = -1;
    }
}

bool px_date_relative(const char *s, size_t n, const px_date *ref, px_date *out, size_t *at)
{
    if (!ref)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i && !word_end(s, n, i - 1) && (unsigned char)s[i] < 0xE3)
            continue;
        size_t k, l, e;
        long count;
        int unit;
        if ((l = match(s, n, i, *before, sizeof *before, COUNT(before), &k)) &&
            (e = amount(s, n, spaces(s, n, i + l), &count, &unit))) {
            back(ref, count, unit, out);
        } else if ((e = amount(s, n, i, &count, &unit)) &&
                   match(s, n, spaces(s, n, e), *after, sizeof *after, COUNT(after), &k)) {
            back(ref, count, unit, out);
        } else if (i == spaces(s, n, 0) &&
                   (l = match(s, n, i, days[0].w, sizeof *days, COUNT(days), &k)) &&
                   (i + l == n || s[i + l] == ' ' || s[i + l] == ',' || s[i + l] == '\n' ||
                    (unsigned char)s[i + l] == 0xC2)) {
            back(ref, days[k].back, DAY, out);
        } else {
            continue;
        }
        if (at)
            *at = i;
        return true;
    }
    return false;
}
