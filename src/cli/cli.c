/* pith(1): the command-line filter. It uses only the public API. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "ascii.h"
#include "cli.h"

static const char usage_text[] =
    "Usage: pith [OPTIONS] [FILE]\n"
    "       pith -o OUTDIR [OPTIONS] FILE...    (or --input-dir DIR)\n"
    "       pith --jsonl [OPTIONS] [FILE...]\n"
    "       pith --warc [OPTIONS] [FILE...]\n"
    "Print the main article of an HTML page as plain text, Markdown, JSON or HTML.\n"
    "Reads FILE, or standard input when FILE is absent or '-'.\n"
    "\n"
    "Options:\n"
    "  -e, --encoding NAME    decode the input as NAME, whatever the page declares\n"
    "  -r, --rules FILE       add the rules in FILE (may be given more than once)\n"
    "      --check-rules FILE check the rules in FILE, warn about each pattern\n"
    "                         that can backtrack exponentially ((a+)+, (a|aa)+)\n"
    "                         and exit\n"
    "      --no-default-rules start from no rules (only --rules files apply)\n"
    "      --adblock [FILE]   also drop what the ad-blocking list FILE hides\n"
    "                         (EasyList syntax; may be given more than once);\n"
    "                         with no FILE, or --adblock=system, Debian's EasyList;\n"
    "                         a page or a directory as FILE is a usage error\n"
    "      --no-title         leave the title out of the output\n"
    "      --explain          trace every candidate block on stderr: its path,\n"
    "                         score, features, rules fired, kept or dropped\n"
    "      --favor WHAT       precision: less junk; recall: keep more\n"
    "                         (default: a balance of both)\n"
    "  -u, --url URL          the page's URL (resolves relative links, fills \"url\")\n"
    "      --date DATE        when the page was fetched (ISO 8601): relative\n"
    "                         datelines (\"2 days ago\") count back from it; a\n"
    "                         JSON Lines record's \"date\" member and a WARC\n"
    "                         record's WARC-Date take its place\n"
    "      --target-language L\n"
    "                         keep only pages in language L (de, en-US): any\n"
    "                         other gives no text and exit 1 (the language is\n"
    "                         detected from the text, else as the page declares)\n"
    "  -f, --format FMT       text (the default), markdown, json or html\n"
    "      --links            keep links in markdown and html\n"
    "      --images           keep images in markdown and html\n"
    "      --include FMT      with --format json: add the article as markdown or\n"
    "                         html too (may be given twice)\n"
    "      --max-bytes N      refuse input larger than N bytes (default 64M)\n"
    "      --max-depth N      flatten tags nested deeper than N (default 512)\n"
    "      --max-nodes N      cut the page after N tags (default 1000000)\n"
    "      --max-memory N     refuse pages whose tree needs more than N bytes\n"
    "                         (default 64M + 32 x the input); N may end in K, M or G,\n"
    "                         and 0 means no limit\n"
    "\n"
    "Batches (pages run on all cores; output keeps the input's order):\n"
    "  -o, --output-dir DIR   write one file per page into DIR (NAME.txt, .md,\n"
    "                         .json or .html); a failed page is named on stderr\n"
    "      --input-dir DIR    take every file under DIR, its tree kept in the output\n"
    "      --jsonl            read JSON Lines records {\"url\": ..., \"html\": ...} and\n"
    "                         write one JSON record per input line, in order, with\n"
    "                         the input's fields, the extraction's, and \"error\"\n"
    "      --html-field NAME  the member that holds the page (default html)\n"
    "      --url-field NAME   the member that holds its URL (default url)\n"
    "      --warc             read WARC files (plain or gzip) and write JSON Lines\n"
    "                         for their HTML responses\n"
    "  -j, --jobs N           worker threads (default: the number of cores)\n"
    "  -q, --quiet            no progress line (shown only on a terminal) and no\n"
    "                         summary line at the end of a -o run\n"
    "\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "Exit status:\n"
    "  0  article text was printed\n"
    "  1  the page holds no article text (nothing is printed; with\n"
    "     --format json, the object with an empty \"text\")\n"
    "  2  usage error\n"
    "  3  the input cannot be read or decoded, or is not HTML\n"
    "  4  a rule file is malformed\n"
    "  5  out of memory\n"
    "  6  the input exceeds a limit\n"
    "  7  some pages of a -o batch failed (each is named on stderr)\n"
    "With --jsonl and --warc a failed page is an output record with \"error\";\n"
    "the status is 0 unless the run itself fails (3 if an input file could\n"
    "not be opened, after the others have been read).\n";


/* The limit options, in pith_limit order. */
static const char limit_names[][12] = {"max-bytes", "max-depth", "max-nodes", "max-memory"};
#define OPT_LIMIT 512

enum { OPT_NO_DEFAULT_RULES = 256, OPT_NO_TITLE, OPT_EXPLAIN, OPT_FAVOR, OPT_LINKS, OPT_IMAGES,
       OPT_INCLUDE, OPT_INPUT_DIR, OPT_JSONL, OPT_WARC, OPT_HTML_FIELD, OPT_URL_FIELD,
       OPT_TARGET_LANGUAGE, OPT_ADBLOCK, OPT_CHECK_RULES, OPT_DATE };

/* The long options. Names as arrays, not getopt's struct option: a static
 * table of pointers is rewritten by the loader at every start; parse_args
 * builds getopt's table on the stack. */
static const struct {
    char name[20];
    int has_arg, val;
} long_opts[] = {
    {"encoding", required_argument, 'e'},
    {"rules", required_argument, 'r'},
    {"check-rules", required_argument, OPT_CHECK_RULES},
    {"no-default-rules", no_argument, OPT_NO_DEFAULT_RULES},
    {"adblock", optional_argument, OPT_ADBLOCK},
    {"no-title", no_argument, OPT_NO_TITLE},
    {"explain", no_argument, OPT_EXPLAIN},
    {"favor", required_argument, OPT_FAVOR},
    {"max-bytes", required_argument, OPT_LIMIT + PITH_LIMIT_BYTES},
    {"max-depth", required_argument, OPT_LIMIT + PITH_LIMIT_DEPTH},
    {"max-nodes", required_argument, OPT_LIMIT + PITH_LIMIT_NODES},
    {"max-memory", required_argument, OPT_LIMIT + PITH_LIMIT_MEMORY},
    {"url", required_argument, 'u'},
    {"date", required_argument, OPT_DATE},
    {"target-language", required_argument, OPT_TARGET_LANGUAGE},
    {"format", required_argument, 'f'},
    {"links", no_argument, OPT_LINKS},
    {"images", no_argument, OPT_IMAGES},
    {"include", required_argument, OPT_INCLUDE},
    {"output-dir", required_argument, 'o'},
    {"input-dir", required_argument, OPT_INPUT_DIR},
    {"jsonl", no_argument, OPT_JSONL},
    {"warc", no_argument, OPT_WARC},
    {"html-field", required_argument, OPT_HTML_FIELD},
    {"url-field", required_argument, OPT_URL_FIELD},
    {"jobs", required_argument, 'j'},
    {"quiet", no_argument, 'q'},
    {"help", no_argument, 'h'},
    {"version", no_argument, 'V'},
};
#define N_LONG_OPTS (sizeof long_opts / sizeof *long_opts)

/* Reads a size such as 1000, 64K, 2M or 1G; returns non-zero if malformed. */
static int parse_size(const char *s, size_t *out)
{
    static const struct { char suffix; unsigned shift; } units[] = {
        {'\0', 0}, {'K', 10}, {'k', 10}, {'M', 20}, {'m', 20}, {'G', 30}, {'g', 30}};
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno || *s == '-')
        return -1;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (*end == units[i].suffix && (!*end || !end[1])) {
            if (v > (SIZE_MAX >> units[i].shift))
                return -1;
            *out = (size_t)(v << units[i].shift);
            return 0;
        }
    return -1;
}

/* Names the offending option: inside a cluster such as -xy getopt has not
 * moved optind yet, so the short option itself is the one to name. */
static int bad_option(char **argv, const char *what)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    if (!strncmp(arg, "--", 2)) {
        const char *eq = strchr(arg, '=');
        size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
        for (size_t k = 0; eq && k < N_LONG_OPTS; k++)
            if (strlen(long_opts[k].name) == n - 2 && !strncmp(long_opts[k].name, arg + 2, n - 2))
                what = "takes no value";
        fprintf(stderr, "pith: option '%.*s' %s (see pith --help)\n",
                (int)n, arg, what);
    } else {
        fprintf(stderr, "pith: option '-%c' %s (see pith --help)\n", optopt, what);
    }
    return PITH_ERR_USAGE;
}

/* "pith --adblock page.html" would read the page as a filter list and then
 * wait for a page on stdin. A list is never named .html or .htm, is not a
 * directory, and never starts with '<' (EasyList opens with "[Adblock Plus
 * 2.0]" or a "!" comment); only a regular file is looked into, so that a
 * pipe is not read twice. Returns what path is instead, or NULL. */
static const char *not_a_list(const char *path)
{
    size_t n = strlen(path);
    if ((n >= 5 && px_ascii_ieq(path + n - 5, ".html", 5)) || (n >= 4 && px_ascii_ieq(path + n - 4, ".htm", 4)))
        return "a page";
    struct stat st;
    if (stat(path, &st))
        return NULL; /* the list's own reader says why it cannot be read */
    if (S_ISDIR(st.st_mode))
        return "a directory";
    FILE *f = S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
    if (!f)
        return NULL;
    unsigned char head[4096];
    size_t len = fread(head, 1, sizeof head, f), i = 0;
    fclose(f);
    if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        i = 3; /* a byte order mark */
    while (i < len && px_ascii_is_space(head[i]))
        i++;
    return i < len && head[i] == '<' ? "a page" : NULL;
}

static int check_modes(cli *c);

/* Returns 0, or -1 for --help/--version (already answered), or an exit code. */
static int parse_args(int argc, char **argv, cli *c)
{
    struct option opts[N_LONG_OPTS + 1] = {{0}};
    for (size_t k = 0; k < N_LONG_OPTS; k++)
        opts[k] = (struct option){long_opts[k].name, long_opts[k].has_arg, NULL, long_opts[k].val};
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":e:r:u:f:o:j:qhV", opts, NULL)) != -1) {
        switch (ch) {
        case 'e': c->encoding = optarg; break;
        case 'u': c->url = optarg; break;
        case OPT_DATE: c->date = optarg; break;
        case 'r': c->rules[c->nrules++] = optarg; break;
        case OPT_NO_DEFAULT_RULES: c->flags |= PITH_NO_DEFAULT_RULES; break;
        case OPT_ADBLOCK: {
            /* "--adblock FILE" as well as "--adblock=FILE": a bare
             * --adblock is one followed by an option or by nothing. */
            const char *l = optarg;
            if (!l && optind < argc && argv[optind][0] != '-')
                l = argv[optind++];
            const char *what = l && strcmp(l, "system") ? not_a_list(l) : NULL;
            if (what) {
                fprintf(stderr, "pith: --adblock takes a filter list, and '%s' is %s; use --adblock=system "
                                "for Debian's EasyList, or --adblock FILE\n", l, what);
                return PITH_ERR_USAGE;
            }
            c->lists[c->nlists++] = l && strcmp(l, "system") ? l : NULL; /* NULL: the system's */
            break;
        }
        case OPT_NO_TITLE: c->no_title = 1; break;
        case 'f':
            c->format_given = true;
            if (!strcmp(optarg, "text"))
                c->format = 0;
            else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
                c->format = PITH_FORMAT_MARKDOWN;
            else if (!strcmp(optarg, "json"))
                c->format = PITH_FORMAT_JSON;
            else if (!strcmp(optarg, "html"))
                c->format = PITH_FORMAT_HTML;
            else {
                fprintf(stderr, "pith: --format takes text, markdown, json or html, not '%s'\n", optarg);
                return PITH_ERR_USAGE;
            }
            break;
        case OPT_LINKS: c->flags |= PITH_WITH_LINKS; break;
        case OPT_IMAGES: c->flags |= PITH_WITH_IMAGES; break;
        case OPT_INCLUDE:
            if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
                c->include |= PITH_FORMAT_MARKDOWN;
            else if (!strcmp(optarg, "html"))
                c->include |= PITH_FORMAT_HTML;
            else {
                fprintf(stderr, "pith: --include takes markdown or html, not '%s'\n", optarg);
                return PITH_ERR_USAGE;
            }
            break;
        case OPT_EXPLAIN: c->flags |= PITH_EXPLAIN; break;
        case OPT_FAVOR:
            c->flags &= ~(PITH_FAVOR_PRECISION | PITH_FAVOR_RECALL);
            if (!strcmp(optarg, "precision"))
                c->flags |= PITH_FAVOR_PRECISION;
            else if (!strcmp(optarg, "recall"))
                c->flags |= PITH_FAVOR_RECALL;
            else if (strcmp(optarg, "balanced")) {
                fprintf(stderr, "pith: --favor takes precision, recall or balanced, not '%s'\n", optarg);
                return PITH_ERR_USAGE;
            }
            break;
        case OPT_LIMIT + PITH_LIMIT_BYTES: case OPT_LIMIT + PITH_LIMIT_DEPTH:
        case OPT_LIMIT + PITH_LIMIT_NODES: case OPT_LIMIT + PITH_LIMIT_MEMORY:
            if (parse_size(optarg, &c->limits[ch - OPT_LIMIT])) {
                fprintf(stderr, "pith: --%s takes a number such as 1000, 64K or 2M, not '%s'\n",
                        limit_names[ch - OPT_LIMIT], optarg);
                return PITH_ERR_USAGE;
            }
            c->limits_set |= 1u << (ch - OPT_LIMIT);
            break;
        case 'o': c->outdir = optarg; break;
        case OPT_INPUT_DIR: c->input_dir = optarg; break;
        case OPT_JSONL: case OPT_WARC: {
            cli_mode m = ch == OPT_JSONL ? MODE_JSONL : MODE_WARC;
            if (c->mode != MODE_PAGE && c->mode != m)
                return cli_fail(PITH_ERR_USAGE, NULL, "--jsonl and --warc cannot be combined (see pith --help)");
            c->mode = m;
            break;
        }
        case OPT_HTML_FIELD: c->html_field = optarg; break;
        case OPT_URL_FIELD: c->url_field = optarg; break;
        case OPT_TARGET_LANGUAGE: c->target_language = optarg; break;
        case 'q': c->quiet = true; break;
        case 'j': {
            size_t n;
            if (parse_size(optarg, &n) || n < 1 || n > 1024) {
                fprintf(stderr, "pith: --jobs takes a number from 1 to 1024, not '%s'\n", optarg);
                return PITH_ERR_USAGE;
            }
            c->jobs = (unsigned)n;
            break;
        }
        case 'h': fputs(usage_text, stdout); return -1;
        case OPT_CHECK_RULES: {
            int rc = cli_check_rules(optarg);
            return rc ? rc : -1;
        }
        case 'V': printf("pith %s\n", pith_version()); return -1;
        case ':':
            return bad_option(argv, "needs a value");
        default:
            return bad_option(argv, "is unknown");
        }
    }
    c->inputs = argv + optind;
    c->ninputs = argc - optind;
    c->flags |= c->include;
    return check_modes(c) ? PITH_ERR_USAGE : 0;
}

/* Options that only make sense together; prints the one-line reason. */
static int check_modes(cli *c)
{
    bool stream = c->mode == MODE_JSONL || c->mode == MODE_WARC;
    bool files = c->outdir || c->input_dir;
    bool has_stdin = false;
    for (int i = 0; i < c->ninputs; i++)
        has_stdin |= !strcmp(c->inputs[i], "-");
    const struct { bool bad; const char *why; } rules[] = {
        {stream && files, "-o and --input-dir write files; --jsonl and --warc write JSON Lines to stdout"},
        {c->input_dir && !c->outdir, "--input-dir needs -o DIR (see pith --help)"},
        {files && !c->ninputs && !c->input_dir, "-o needs FILE arguments or --input-dir (see pith --help)"},
        {files && has_stdin, "-o reads files, not standard input"},
        {!stream && !files && c->ninputs > 1,
         "more than one input file given; -o DIR writes one file per page (see pith --help)"},
        {stream && c->format_given && c->format != PITH_FORMAT_JSON,
         "--jsonl and --warc write JSON: --format must be json"},
        {c->mode != MODE_JSONL && (c->html_field || c->url_field), "--html-field and --url-field need --jsonl"},
        {!stream && c->include && c->format != PITH_FORMAT_JSON, "--include needs --format json (see pith --help)"},
        {(stream || files) && (c->flags & PITH_EXPLAIN), "--explain traces one page; it cannot be used with a batch"},
        {!stream && !files && (c->jobs || c->quiet), "--jobs and --quiet are for batches (-o, --jsonl, --warc)"},
        {stream && c->no_title, "--no-title does nothing with --jsonl and --warc: the title is a member of each record"},
        {(c->flags & (PITH_WITH_LINKS | PITH_WITH_IMAGES)) &&
             (stream || c->format == PITH_FORMAT_JSON ? !c->include : c->format == 0),
         "--links and --images need --format markdown or html, or --include (see pith --help)"},
    };
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        if (rules[i].bad)
            return cli_fail(PITH_ERR_USAGE, NULL, rules[i].why);
    if (stream)
        c->format = PITH_FORMAT_JSON;
    else if (files)
        c->mode = MODE_FILES;
    c->flags |= c->format;
    /* Only JSON prints the metadata: the other formats need only what the
     * article and its title read. */
    if (c->format != PITH_FORMAT_JSON)
        c->flags |= PITH_NO_METADATA;
    /* A page or a file per page is the whole document; a stream record
     * takes the members of the compact JSON object as they are. */
    c->flags |= stream ? PITH_JSON_COMPACT : c->no_title ? PITH_DOCUMENT : PITH_WITH_TITLE;
    return 0;
}

static int load_input(const char *path, size_t limit, char **data, size_t *len)
{
    bool is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f && (!strncmp(path, "http://", 7) || !strncmp(path, "https://", 8)))
        return cli_fail(PITH_ERR_INPUT, path,
                        "pith reads files, not URLs; try: curl -s URL | pith --url URL");
    if (!f)
        return cli_fail(PITH_ERR_INPUT, path, strerror(errno));
    int rc = cli_read(f, limit, data, len);
    int e = errno;
    if (!is_stdin)
        fclose(f);
    if (rc == PITH_ERR_NOMEM)
        return cli_fail(rc, is_stdin ? "stdin" : path, "out of memory reading the input");
    if (rc)
        return cli_fail(rc, is_stdin ? "stdin" : path, strerror(e ? e : EIO));
    return 0;
}

static pith_extractor *build(const cli *c, int *rc)
{
    pith_error err = {0, ""};
    pith_options *o = pith_options_new(NULL);
    if (!o) {
        *rc = cli_fail(PITH_ERR_NOMEM, NULL, "out of memory");
        return NULL;
    }
    pith_options_set_flags(o, c->flags);
    if (pith_options_set_target_language(o, c->target_language)) {
        pith_options_free(o);
        *rc = cli_fail(PITH_ERR_USAGE, NULL, "--target-language takes a language code such as de or en-US");
        return NULL;
    }
    for (int i = 0; i < 4; i++)
        if (c->limits_set & (1u << i))
            pith_options_set_limit(o, i, c->limits[i]);
    for (int i = 0; i < c->nrules; i++)
        if ((*rc = pith_options_add_rules_file(o, c->rules[i], &err))) {
            pith_options_free(o);
            cli_fail(*rc, NULL, err.message);
            return NULL;
        }
    /* Lists are cached once read: $XDG_CACHE_HOME/pith, ~/.cache/pith. */
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char cache[4096];
    if (c->nlists && ((xdg && *xdg == '/' && (size_t)snprintf(cache, sizeof cache, "%s/pith", xdg) < sizeof cache) ||
                      (home && *home == '/' && (size_t)snprintf(cache, sizeof cache, "%s/.cache/pith", home) < sizeof cache)))
        pith_options_set_adblock_cache(o, cache);
    for (int i = 0; i < c->nlists; i++)
        if ((*rc = pith_options_add_adblock_file(o, c->lists[i], &err))) {
            pith_options_free(o);
            cli_fail(*rc, NULL, err.message);
            return NULL;
        }
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    if (!ex) {
        *rc = cli_fail(err.code ? (int)err.code : PITH_ERR_NOMEM, NULL, err.message);
        return NULL;
    }
    /* A --date that is no date is a usage error before any page, not a
     * failure of each page of a batch: an empty page checks it. */
    pith_result *res = NULL;
    if (c->date && pith_extract_dated(ex, "", 0, NULL, NULL, c->date, &res, &err) == PITH_ERR_USAGE) {
        pith_extractor_free(ex);
        *rc = cli_fail(PITH_ERR_USAGE, NULL, "--date takes a date such as 2024-03-15T09:30:00Z");
        return NULL;
    }
    pith_result_free(res);
    return ex;
}

/* One page to stdout: the filter. */
static int run_page(const cli *c, const pith_extractor *ex)
{
    const char *input = c->ninputs ? c->inputs[0] : "-";
    char *data = NULL;
    size_t len = 0;
    int rc = load_input(input, pith_extractor_limit(ex, PITH_LIMIT_BYTES), &data, &len);
    if (rc)
        return rc;
    const char *name = strcmp(input, "-") ? input : "stdin";
    pith_error err = {0, ""};
    pith_result *res = NULL;
    rc = pith_extract_dated(ex, data, len, c->encoding, c->url, c->date, &res, &err);
    free(data);
    fputs(pith_result_explain(res), stderr);
    /* A warning only where the run succeeded: a failure says one line. */
    if (rc == PITH_OK && *pith_result_warning(res))
        fprintf(stderr, "pith: %s: warning: %s\n", name, pith_result_warning(res));
    /* With JSON, a page without an article still gives its metadata. */
    if (rc == PITH_OK || (rc == PITH_NO_CONTENT && c->format == PITH_FORMAT_JSON && res))
        cli_print(c, res, stdout);
    if (rc != PITH_OK)
        cli_fail(rc, name, err.message[0] ? err.message : pith_status_string(rc));
    pith_result_free(res);
    return rc;
}

int main(int argc, char **argv)
{
    /* A file-size limit (ulimit -f) is a write error to report like a
     * full disk, not a signal that kills the batch half-way. */
    signal(SIGXFSZ, SIG_IGN);
    cli c = {.mode = MODE_PAGE};
    c.rules = calloc(2 * ((size_t)argc + 1), sizeof *c.rules);
    if (!c.rules)
        return cli_fail(PITH_ERR_NOMEM, NULL, "out of memory");
    c.lists = c.rules + argc + 1;
    int rc = parse_args(argc, argv, &c);
    if (rc) {
        free(c.rules);
        return rc < 0 ? 0 : rc;
    }
    pith_extractor *ex = build(&c, &rc);
    free(c.rules);
    if (!ex)
        return rc;
    rc = c.mode == MODE_PAGE ? run_page(&c, ex) : cli_batch(&c, ex);
    pith_extractor_free(ex);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_write_failed();
    return rc;
}
