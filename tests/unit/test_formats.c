/* Tests for the Markdown, HTML and JSON outputs (src/render_markdown.c,
 * src/render_html.c, src/render_json.c) through the public API: the
 * structures each renders, escaping, links and images only when asked
 * for, the JSON object, the accessors, and allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pith.h"

#define LEAD                                                                           \
    "The city council voted on Tuesday to extend the harbour bike lane by another "   \
    "two kilometres, after a year in which the number of riders doubled."
#define LEAD_P "<p>" LEAD "</p>"
#define NO_RULES PITH_NO_DEFAULT_RULES
#define ALL (PITH_FORMAT_MARKDOWN | PITH_FORMAT_HTML | PITH_FORMAT_JSON)

typedef struct out {
    int rc;
    char text[32768], md[32768], html[32768], json[65536];
} out;

static void run_url(const char *html, unsigned flags, const char *url, out *o)
{
    pith_options *opts = pith_options_new(NULL);
    pith_options_set_flags(opts, flags);
    pith_error err = {0, ""};
    pith_extractor *ex = pith_extractor_new(opts, &err);
    pith_options_free(opts);
    if (!ex)
        fail_msg("pith_extractor_new: %s", err.message);
    memset(o, 0, sizeof *o);
    pith_result *r = NULL;
    o->rc = pith_extract(ex, html, strlen(html), NULL, url, &r, &err);
    if (o->rc != PITH_OK)
        fail_msg("pith_extract: %d %s", o->rc, err.message);
    size_t len;
    snprintf(o->text, sizeof o->text, "%s", pith_result_text(r, NULL));
    snprintf(o->md, sizeof o->md, "%s", pith_result_markdown(r, &len));
    assert_int_equal(len, strlen(o->md));
    snprintf(o->html, sizeof o->html, "%s", pith_result_html(r, &len));
    assert_int_equal(len, strlen(o->html));
    snprintf(o->json, sizeof o->json, "%s", pith_result_json(r, &len));
    assert_int_equal(len, strlen(o->json));
    pith_result_free(r);
    pith_extractor_free(ex);
}

static void body(const char *b, unsigned flags, out *o)
{
    static char html[32768];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><head><title>Test page</title></head><body>"
                                "<article>%s</article></body></html>", b);
    run_url(html, flags, NULL, o);
}

/* (cmocka cuts long messages: the texts go to stderr first) */
static void same(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want)) {
        fprintf(stderr, "%s differs\n--- want ---\n%s\n--- got ---\n%s\n---\n", what, want, got);
        fail_msg("%s differs", what);
    }
}

static void has(const char *what, const char *got, const char *want)
{
    if (!strstr(got, want)) {
        fprintf(stderr, "%s lacks\n%s\n--- got ---\n%s\n---\n", what, want, got);
        fail_msg("%s lacks something", what);
    }
}

static void lacks(const char *what, const char *got, const char *bad)
{
    if (strstr(got, bad))
        fail_msg("%s holds\n%s\n--- got ---\n%s\n---", what, bad, got);
}

/* ------------------------------------------------------------------ */
/* Markdown                                                             */

static void test_md_blocks(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<h2>Background <em>of</em> it</h2><p>Some <em>emphasis</em>, <strong>strong</strong>,"
         " <i>i</i> <b>b</b> and <del>gone</del> text.</p><h3>Third</h3><hr>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md,
         LEAD "\n\n## Background *of* it\n\nSome *emphasis*, **strong**, *i* **b** and ~~gone~~ text."
         "\n\n### Third\n\n---\n\n" LEAD);
}

static void test_md_lists(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<ul><li>apples</li><li>pears<ul><li>green</li><li>red<ol><li>one</li>"
         "<li>two</li></ol></li></ul></li><li>plums</li></ul>"
         "<ol start=\"9\"><li>nine</li><li>ten</li><li>eleven</li></ol>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md,
         LEAD "\n\n- apples\n- pears\n  - green\n  - red\n    1. one\n    2. two\n- plums\n\n"
         "9. nine\n10. ten\n11. eleven\n\n" LEAD);
    /* two lists in a row stay two lists: the bullet changes */
    body(LEAD_P "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md, LEAD "\n\n- a\n\n* b\n\n1. c\n\n1) d\n\n" LEAD);
    /* an item of several paragraphs */
    body(LEAD_P "<ul><li><p>first para</p><p>second para</p></li><li>next</li></ul>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md, LEAD "\n\n- first para\n\n  second para\n- next\n\n" LEAD);
}

static void test_md_quotes_and_breaks(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<blockquote><p>One.</p><p>Two<br>lines.</p><blockquote>Inner.</blockquote>"
         "</blockquote><p>a<br>b<br><br>c</p>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md,
         LEAD "\n\n> One.\n>\n> Two\\\n> lines.\n>\n> > Inner.\n\na\\\nb\n\nc\n\n" LEAD);
}

static void test_md_code(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<pre class=\"language-python\">def f():\n    return 1\n</pre>"
         "<pre><code class=\"lang-js\">let x = 1;</code></pre>"
         "<div class=\"highlight-rust notranslate\"><div class=\"highlight\"><pre>fn main() {}</pre></div></div>"
         "<pre class=\"brush: bash; gutter: false\">ls</pre>"
         "<pre>no ``` language\n\n  indented</pre>"
         "<p>Use <code>a*b</code> and <kbd>Ctrl</kbd> and <code>x `y` z</code>.</p>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md,
         LEAD "\n\n```python\ndef f():\n    return 1\n```\n\n```js\nlet x = 1;\n```\n\n"
         "```rust\nfn main() {}\n```\n\n```bash\nls\n```\n\n````\nno ``` language\n\n  indented\n````"
         "\n\nUse `a*b` and `Ctrl` and ``x `y` z``.\n\n" LEAD);
    /* code in a list item is indented with it */
    body(LEAD_P "<ol><li>Run:<pre>make\n\nmake install</pre></li></ol>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md, LEAD "\n\n1. Run:\n\n   ```\n   make\n\n   make install\n   ```\n\n" LEAD);
}

static void test_md_table(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<table><caption>Lengths</caption><thead><tr><th>Route | section</th><th>Metres</th>"
         "</tr></thead><tbody><tr><td>North <b>quay</b></td><td>1200</td></tr><tr><td></td><td></td></tr>"
         "<tr><td colspan=\"2\">Total: <p>far</p></td></tr><tr><td>short</td></tr></tbody></table>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md,
         LEAD "\n\nLengths\n\n| Route \\| section | Metres |\n| --- | --- |\n| North **quay** | 1200 |\n"
         "| Total: far |  |\n| short |  |\n\n" LEAD);
    /* a layout table is blocks */
    body("<table><tr><td>" LEAD_P LEAD_P "</td><td><p>Side: " LEAD "</p></td></tr></table>",
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md, LEAD "\n\n" LEAD "\n\nSide: " LEAD);
}

static void test_md_escaping(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<p>*stars* _under_ snake_case [x](y) `tick` &lt;b&gt; AT&amp;T &amp;amp; ~t~ back\\slash | pipe!</p>"
         "<p># hash</p><p>&gt; quote</p><p>- dash</p><p>+ plus</p><p>1984. Year</p><p>12) Twelve</p>"
         "<p>= equals</p><p>Line<br>- dash after break</p>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    same("markdown", o.md,
         LEAD "\n\n\\*stars\\* \\_under\\_ snake_case \\[x\\](y) \\`tick\\` \\<b> AT&T \\&amp; \\~t\\~ "
         "back\\\\slash | pipe!\n\n\\# hash\n\n\\> quote\n\n\\- dash\n\n\\+ plus\n\n1984\\. Year\n\n"
         "12\\) Twelve\n\n\\= equals\n\nLine\\\n\\- dash after break\n\n" LEAD);
    /* emphasis that would not open or close in CommonMark is left out */
    body(LEAD_P "<p>foo<em>(bar)</em>baz and <em>a</em><em>b</em> and x<em>y.</em>z</p>" LEAD_P,
         NO_RULES | PITH_FORMAT_MARKDOWN, &o);
    has("markdown", o.md, "foo(bar)baz and *ab* and xy.z");
}

static void test_md_links_images(void **state)
{
    (void)state;
    const char *page =
        "<html><head><title>T</title><base href=\"https://news.example/a/\"></head><body><article>" LEAD_P
        "<p>See <a href=\"b c.html\">the (story)</a>, <a href=\"javascript:x()\">no</a>, "
        "<a href=\"#top\">top</a>, <a href=\"mailto:x@example.com\">mail</a> and wow!<a href=\"/d\">d</a>. "
        LEAD "</p>"
        "<p><a href=\"/big.jpg\"><img src=\"small.jpg\" alt=\"A [b] c\"></a> "
        "<img src=\"data:image/gif;base64,AAAA\" alt=\"data\"><img data-src=\"/lazy.png\" alt=\"\"> " LEAD "</p>"
        LEAD_P "</article></body></html>";
    out o;
    run_url(page, NO_RULES | PITH_FORMAT_MARKDOWN, NULL, &o);
    has("markdown", o.md, "See the (story), no, top, mail and wow!d.");
    lacks("markdown", o.md, "](");
    lacks("markdown", o.md, "![");
    run_url(page, NO_RULES | PITH_FORMAT_MARKDOWN | PITH_WITH_LINKS | PITH_WITH_IMAGES, NULL, &o);
    has("markdown", o.md, "See [the (story)](https://news.example/a/b%20c.html), no, top, "
                          "[mail](mailto:x@example.com) and wow\\![d](https://news.example/d).");
    has("markdown", o.md, "[![A \\[b\\] c](https://news.example/a/small.jpg)](https://news.example/big.jpg) "
                          "![](https://news.example/lazy.png)");
    lacks("markdown", o.md, "data:");
    lacks("markdown", o.md, "javascript");
    /* --url is the base when the page has none */
    const char *nobase = "<html><body><article>" LEAD_P "<p>" LEAD " <a href=\"../x\">x</a> " LEAD "</p>"
                         "</article></body></html>";
    run_url(nobase, NO_RULES | PITH_FORMAT_MARKDOWN | PITH_WITH_LINKS, "https://site.example/a/b/c", &o);
    has("markdown", o.md, "[x](https://site.example/a/x)");
}

/* ------------------------------------------------------------------ */
/* HTML                                                                 */

static void test_html(void **state)
{
    (void)state;
    out o;
    body("<div class=\"x\" onclick=\"evil()\" style=\"color:red\">" LEAD "</div>"
         "<section><h2 id=\"h\">Head &amp; more</h2><p>A <span>span</span> <em>em</em> "
         "<font color=red>font</font> <b>b</b>.</p></section>"
         "<ul><li>one</li><li>two<ol><li>deep</li></ol></li></ul>"
         "<blockquote>Quoted <em>text</em><p>para</p></blockquote>"
         "<pre class=\"language-c\">if (a &lt; b) {}\n</pre>"
         "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td></td></tr></table>"
         "<script>alert(1)</script><style>p{}</style>"
         "<p><a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\" title=\"T&quot;\" onclick=\"x\">link</a> "
         LEAD "</p>" LEAD_P,
         NO_RULES | PITH_FORMAT_HTML | PITH_WITH_LINKS, &o);
    same("html", o.html,
         "<p>" LEAD "</p>\n<h2>Head &amp; more</h2>\n<p>A span <em>em</em> font <strong>b</strong>.</p>\n"
         "<ul>\n<li>one</li>\n<li>two\n<ol>\n<li>deep</li>\n</ol>\n</li>\n</ul>\n"
         "<blockquote>\n<p>Quoted <em>text</em></p>\n<p>para</p>\n</blockquote>\n"
         "<pre><code>if (a &lt; b) {}</code></pre>\n"
         "<table>\n<tbody>\n<tr>\n<th>k</th>\n<th>v</th>\n</tr>\n<tr>\n<td>a</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"
         "<p><a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\" title=\"T&quot;\">link</a> " LEAD "</p>\n"
         "<p>" LEAD "</p>");
    lacks("html", o.html, "onclick");
    lacks("html", o.html, "style");
    lacks("html", o.html, "alert");
    lacks("html", o.html, "class");
}

static void test_html_links_images(void **state)
{
    (void)state;
    const char *page = "<html><body><article>" LEAD_P
                       "<p><a href=\"javascript:alert(1)\">js</a> <a href=\"/r\">rel</a> "
                       "<img src=\"/i.png\" alt=\"a &quot;b&quot;\" title=\"t\" onerror=\"x()\"> "
                       "<img src=\"javascript:x\" alt=\"bad\"> " LEAD "</p>" LEAD_P "</article></body></html>";
    out o;
    run_url(page, NO_RULES | PITH_FORMAT_HTML, "https://s.example/p/q", &o);
    has("html", o.html, "<p>js rel " LEAD "</p>");
    run_url(page, NO_RULES | PITH_FORMAT_HTML | PITH_WITH_LINKS | PITH_WITH_IMAGES, "https://s.example/p/q", &o);
    has("html", o.html, "<p>js <a href=\"https://s.example/r\">rel</a> "
                        "<img src=\"https://s.example/i.png\" alt=\"a &quot;b&quot;\" title=\"t\" /> " LEAD "</p>");
    lacks("html", o.html, "javascript");
    lacks("html", o.html, "onerror");
}

static void test_html_wrappers(void **state)
{
    (void)state;
    out o;
    /* text straight in a list */
    body(LEAD_P "<ul>stray <li>item</li><div>div in list</div></ul>" LEAD_P,
         NO_RULES | PITH_FORMAT_HTML | PITH_FORMAT_MARKDOWN, &o);
    same("html", o.html,
         "<p>" LEAD "</p>\n<ul>\n<li>stray</li>\n<li>item</li>\n<li>div in list</li>\n</ul>\n"
         "<p>" LEAD "</p>");
    same("markdown", o.md, LEAD "\n\n- stray\n- item\n- div in list\n\n" LEAD);
    /* blocks inside a heading; emphasis around blocks */
    body(LEAD_P "<h3>Head<div>with div</div></h3><p>x</p><em><div>one " LEAD "</div><div>two " LEAD "</div></em>" LEAD_P,
         NO_RULES | PITH_FORMAT_HTML | PITH_FORMAT_MARKDOWN, &o);
    same("html", o.html,
         "<p>" LEAD "</p>\n<h3>Head with div</h3>\n<p>x</p>\n<p><em>one " LEAD "</em></p>\n"
         "<p><em>two " LEAD "</em></p>\n<p>" LEAD "</p>");
    same("markdown", o.md,
         LEAD "\n\n### Head with div\n\nx\n\n*one " LEAD "*\n\n*two " LEAD "*\n\n" LEAD);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static void test_json(void **state)
{
    (void)state;
    const char *page =
        "<html lang=\"en\"><head><title>Quote \" back \\ ctrl &#1; sep &#x2028; end</title>"
        "<meta name=\"author\" content=\"Ann One and Bob Two\"></head><body><article>"
        "<h1>Quote \" back \\ ctrl &#1; sep &#x2028; end</h1>" LEAD_P "<p>Tab\there &#x2029; bell &#7; " LEAD "</p>"
        "</article></body></html>";
    out o;
    /* control characters and the line separators are gone (issue 17):
     * what the JSON writer escapes is what remains, quotes and backslashes */
    run_url(page, NO_RULES | PITH_FORMAT_JSON, NULL, &o);
    same("json", o.json,
         "{\n  \"title\": \"Quote \\\" back \\\\ ctrl sep end\",\n"
         "  \"author\": [\"Ann One\", \"Bob Two\"],\n  \"date_published\": null,\n"
         "  \"date_modified\": null,\n  \"site_name\": null,\n  \"url\": null,\n"
         "  \"language\": \"en\",\n  \"description\": null,\n  \"image\": null,\n"
         "  \"categories\": [],\n  \"tags\": [],\n"
         "  \"text\": \"" LEAD "\\n\\nTab here bell " LEAD "\",\n"
         "  \"word_count\": 55\n}");
    /* with the other formats: "markdown" and "html" before word_count */
    run_url(page, NO_RULES | ALL, NULL, &o);
    has("json", o.json, "\"text\": \"" LEAD "\\n\\nTab here bell " LEAD "\",\n"
                        "  \"markdown\": \"" LEAD "\\n\\nTab here bell " LEAD "\",\n"
                        "  \"html\": \"<p>" LEAD "</p>\\n<p>Tab here bell " LEAD "</p>\",\n"
                        "  \"word_count\": 55\n}");
}

/* ------------------------------------------------------------------ */
/* The API                                                              */

static void test_accessors(void **state)
{
    (void)state;
    out o, plain;
    body(LEAD_P "<h2>Sub</h2><ul><li>x</li></ul>" LEAD_P, NO_RULES, &plain);
    /* not asked for: "" */
    assert_string_equal(plain.md, "");
    assert_string_equal(plain.html, "");
    assert_string_equal(plain.json, "");
    /* the text is the same whatever else is asked for */
    body(LEAD_P "<h2>Sub</h2><ul><li>x</li></ul>" LEAD_P,
         NO_RULES | ALL | PITH_WITH_LINKS | PITH_WITH_IMAGES, &o);
    assert_string_equal(o.text, plain.text);
    assert_true(o.md[0] && o.html[0] && o.json[0]);
    size_t len = 99;
    assert_string_equal(pith_result_markdown(NULL, &len), "");
    assert_int_equal(len, 0);
    assert_string_equal(pith_result_html(NULL, NULL), "");
    assert_string_equal(pith_result_json(NULL, NULL), "");

    /* no content: no outputs, but the metadata is there */
    const char *empty = "<html><head><meta name=\"author\" content=\"Jo Ann\"></head><body></body></html>";
    pith_options *opts = pith_options_new(NULL);
    pith_options_set_flags(opts, ALL);
    pith_error err;
    pith_extractor *ex = pith_extractor_new(opts, &err);
    pith_options_free(opts);
    pith_result *r = NULL;
    assert_int_equal(pith_extract(ex, empty, strlen(empty), NULL, NULL, &r, &err), PITH_NO_CONTENT);
    assert_string_equal(pith_result_json(r, NULL), "");
    assert_string_equal(pith_result_markdown(r, NULL), "");
    assert_string_equal(pith_result_meta(r, PITH_META_AUTHOR, 0), "Jo Ann");
    pith_result_free(r);
    /* the result outlives its extractor */
    assert_int_equal(pith_extract(ex, empty, strlen(empty), NULL, NULL, &r, &err), PITH_NO_CONTENT);
    pith_extractor_free(ex);
    assert_string_equal(pith_result_meta(r, PITH_META_AUTHOR, 0), "Jo Ann");
    pith_result_free(r);
}

/* ------------------------------------------------------------------ */
/* Allocation failures                                                  */

typedef struct counter {
    long calls, live, fail_at;
    bool failed;
} counter;

static void *c_malloc(size_t n, void *ud)
{
    counter *c = ud;
    if (c->fail_at >= 0 && c->calls++ >= c->fail_at) {
        c->failed = true;
        return NULL;
    }
    void *p = malloc(n);
    c->live += p != NULL;
    return p;
}

static void *c_realloc(void *p, size_t n, void *ud)
{
    counter *c = ud;
    if (c->fail_at >= 0 && c->calls++ >= c->fail_at) {
        c->failed = true;
        return NULL;
    }
    void *q = realloc(p, n);
    c->live += q != NULL && p == NULL;
    return q;
}

static void c_free(void *p, void *ud)
{
    counter *c = ud;
    c->live -= p != NULL;
    free(p);
}

static const char RICH[] =
    "<html lang=\"en\"><head><title>Rich page</title><base href=\"https://r.example/\">"
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":"
    "{\"@id\":\"#p\"},\"datePublished\":\"2022-03-15\",\"keywords\":[\"a\",\"b\"],\"image\":{\"url\":\"/i.jpg\"}},"
    "{\"@id\":\"#p\",\"@type\":\"Person\",\"name\":\"Pat Doe\"}]}</script>"
    "<meta property=\"og:site_name\" content=\"Rich\"><link rel=\"canonical\" href=\"/rich\"></head>"
    "<body><article><h1>Rich page</h1>" LEAD_P "<h2>Lists</h2><ul><li>a <a href=\"/x\">link</a></li>"
    "<li>b<ol><li>c</li></ol></li></ul><blockquote><p>Quote <em>em</em></p></blockquote>"
    "<pre class=\"language-c\">int x;</pre><table><tr><th>h</th></tr><tr><td>d</td></tr></table>"
    "<p><img src=\"p.png\" alt=\"pic\"> <code>code</code><br>line</p><a class=\"tag\" rel=\"tag\" href=\"/t\">T</a>"
    LEAD_P "</article></body></html>";

static void test_failing_allocator(void **state)
{
    (void)state;
    unsigned flags = ALL | PITH_WITH_LINKS | PITH_WITH_IMAGES;
    pith_options *o = pith_options_new(NULL);
    pith_options_set_flags(o, flags);
    pith_error err;
    pith_extractor *ref_ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    pith_result *ref = NULL;
    assert_int_equal(pith_extract(ref_ex, RICH, sizeof RICH - 1, NULL, NULL, &ref, &err), PITH_OK);
    assert_non_null(strstr(pith_result_json(ref, NULL), "\"Pat Doe\""));

    counter c = {0, 0, -1, false};
    pith_allocator hooks = {c_malloc, c_realloc, c_free, &c};
    o = pith_options_new(&hooks);
    pith_options_set_flags(o, flags);
    pith_extractor *ex = pith_extractor_new(o, &err);
    pith_options_free(o);
    /* The extractor JIT-compiles a rule's pattern after its 100th use and
     * keeps the copy: warm it up past that before taking the baseline. */
    for (int warm = 0; warm < 101; warm++) {
        pith_result *w = NULL;
        assert_int_equal(pith_extract(ex, RICH, sizeof RICH - 1, NULL, NULL, &w, &err), PITH_OK);
        pith_result_free(w);
    }
    long built = c.live, failures = 0;
    for (long n = 0;; n++) {
        c.calls = 0;
        c.fail_at = n;
        c.failed = false;
        pith_result *r = NULL;
        int rc = pith_extract(ex, RICH, sizeof RICH - 1, NULL, NULL, &r, &err);
        c.fail_at = -1;
        if (rc == PITH_ERR_NOMEM) {
            assert_null(r);
            failures++;
        } else {
            assert_int_equal(rc, PITH_OK);
            same("json after a failure", pith_result_json(r, NULL), pith_result_json(ref, NULL));
            same("markdown after a failure", pith_result_markdown(r, NULL), pith_result_markdown(ref, NULL));
            same("html after a failure", pith_result_html(r, NULL), pith_result_html(ref, NULL));
            pith_result_free(r);
        }
        if (c.live != built)
            fail_msg("allocation %ld failed: %ld blocks leaked", n, c.live - built);
        if (!c.failed)
            break;
    }
    print_message("%ld injected failures gave PITH_ERR_NOMEM\n", failures);
    assert_true(failures > 20);
    pith_extractor_free(ex);
    assert_int_equal(c.live, 0);
    pith_result_free(ref);
    pith_extractor_free(ref_ex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_md_blocks),
        cmocka_unit_test(test_md_lists),
        cmocka_unit_test(test_md_quotes_and_breaks),
        cmocka_unit_test(test_md_code),
        cmocka_unit_test(test_md_table),
        cmocka_unit_test(test_md_escaping),
        cmocka_unit_test(test_md_links_images),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_links_images),
        cmocka_unit_test(test_html_wrappers),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_failing_allocator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
