/* Tests for the HTML output (src/render_html.c) through the public API:
 * the structures it renders, links and images only when asked for, and the
 * wrappers it leaves out. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_links_images),
        cmocka_unit_test(test_html_wrappers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
