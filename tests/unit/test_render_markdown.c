/* Tests for the Markdown output (src/render_markdown.c) through the public
 * API: the structures it renders, escaping, code, tables, and links and
 * images only when asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pith.h"
#include "render_out.h"

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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
