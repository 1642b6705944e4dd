/* Tests for src/render.c through the public API: the plain text a user
 * reads (blocks, lists, tables, line breaks, pre, white space, entities). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_out.h"

/* The article text of <body>body</body>, with rules or without. */
static void body(const char *b, unsigned flags, out *o)
{
    static char html[16384];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><head><title>Test</title></head><body>"
                                "<article>%s</article></body></html>", b);
    run(html, flags, o);
    if (o->rc != PITH_OK)
        fail_msg("pith_extract: %d %s", o->rc, o->err.message);
}

static void contains(const char *got, const char *want)
{
    if (!strstr(got, want))
        fail_msg("text lacks\n%s\n--- got ---\n%s\n---", want, got);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                               */

static void test_paragraphs_one_blank_line(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<p>Second paragraph.</p>\n\n\n<p>Third paragraph.</p>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nSecond paragraph.\n\nThird paragraph.\n\n" LEAD);
    /* the same with the default rules on */
    body(LEAD_P "<p>Second paragraph.</p>\n\n\n<p>Third paragraph.</p>" LEAD_P, 0, &o);
    same_text(o.text, LEAD "\n\nSecond paragraph.\n\nThird paragraph.\n\n" LEAD);
}

static void test_divs_and_empty_blocks(void **state)
{
    (void)state;
    /* text directly in divs is a block too; empty blocks add no lines */
    out o;
    body(LEAD_P "<div>Text in a div.</div><p></p><div> </div><div><div>Nested div text.</div></div>"
         LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nText in a div.\n\nNested div text.\n\n" LEAD);
}

static void test_headings(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<h2>Background of the plan</h2><p>Earlier text here.</p>"
         "<h3>What <em>happens</em> next</h3>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nBackground of the plan\n\nEarlier text here.\n\n"
                      "What happens next\n\n" LEAD);
}

static void test_trailing_heading_dropped(void **state)
{
    (void)state;
    /* A heading with nothing after it introduced a widget that was
     * dropped ("Related stories"): it must not end the article. */
    out o;
    body(LEAD_P "<h2>Background</h2>" LEAD_P "<h3>Related stories</h3>", NO_RULES, &o);
    same_text(o.text, LEAD "\n\nBackground\n\n" LEAD);
}

static void test_unordered_list(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<ul><li>apples and pears</li><li>bananas, <b>ripe</b> ones</li></ul>" LEAD_P,
         NO_RULES, &o);
    same_text(o.text, LEAD "\n\n- apples and pears\n\n- bananas, ripe ones\n\n" LEAD);
}

static void test_ordered_and_nested_lists(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<ol><li>first step taken</li><li>second step taken<ul>"
         "<li>a nested item</li><li><p>nested in a paragraph</p></li></ul></li></ol>" LEAD_P,
         NO_RULES, &o);
    same_text(o.text, LEAD "\n\n- first step taken\n\n- second step taken\n\n- a nested item\n\n"
                      "- nested in a paragraph\n\n" LEAD);
}

static void test_short_list_items(void **state)
{
    (void)state;
    /* A list of short items without any link (an ingredient list) is
     * content: short blocks cost a little, but only link-bearing ones are
     * dropped as link lists. */
    out o;
    body(LEAD_P "<p>You will need:</p><ul><li>Salt</li><li>Flour</li><li>Eggs</li>"
         "<li>Milk</li></ul>" LEAD_P, 0, &o);
    same_text(o.text, LEAD "\n\nYou will need:\n\n- Salt\n\n- Flour\n\n- Eggs\n\n- Milk\n\n" LEAD);
}

static void test_data_table_rows(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<table><thead><tr><th>Route section</th><th>Length in metres</th></tr></thead>"
         "<tbody><tr><td>Fish market to ferry pier</td><td>850 metres of lane</td></tr>"
         "<tr><td>Ferry pier to old lighthouse</td><td>1,150 metres of lane</td></tr></tbody>"
         "</table>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nRoute section | Length in metres\n\n"
                      "Fish market to ferry pier | 850 metres of lane\n\n"
                      "Ferry pier to old lighthouse | 1,150 metres of lane\n\n" LEAD);
}

static void test_data_table_short_cells(void **state)
{
    (void)state;
    /* Short cells ("Year", "2023") are data: no column may go missing,
     * with the default rules or without. */
    out o;
    body(LEAD_P "<table><tr><th>Year</th><th>Riders</th></tr><tr><td>2023</td><td>1,200</td></tr>"
         "<tr><td>2024</td><td>2,450</td></tr></table>" LEAD_P, 0, &o);
    same_text(o.text, LEAD "\n\nYear | Riders\n\n2023 | 1,200\n\n2024 | 2,450\n\n" LEAD);
    body(LEAD_P "<table><tr><th>Year</th><th>Riders</th></tr><tr><td>2023</td><td>1,200</td></tr>"
         "<tr><td>2024</td><td>2,450</td></tr></table>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nYear | Riders\n\n2023 | 1,200\n\n2024 | 2,450\n\n" LEAD);
}

static void test_layout_table_as_blocks(void **state)
{
    (void)state;
    /* An old-style page laid out with a table: the article is one cell of
     * paragraphs, too long to be a datum. Its paragraphs are blocks, not
     * one row joined with " | ". */
    out o;
    body("<table><tr><td>" LEAD_P LEAD_P "<p>Second paragraph in the cell.</p>" LEAD_P "</td>"
         "<td>" LEAD_P "<p>Another cell's paragraph.</p></td></tr></table>", NO_RULES, &o);
    same_text(o.text, LEAD "\n\n" LEAD "\n\nSecond paragraph in the cell.\n\n" LEAD "\n\n"
                      LEAD "\n\nAnother cell's paragraph.");
    /* so is a short cell holding several paragraphs... */
    body(LEAD_P "<table><tr><td><p>First paragraph here.</p><p>Second paragraph here.</p></td>"
         "<td><p>Other cell's paragraph.</p></td></tr></table>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nFirst paragraph here.\n\nSecond paragraph here.\n\n"
                      "Other cell's paragraph.\n\n" LEAD);
    /* ...but a CMS that wraps each datum in one <p> still makes rows */
    body(LEAD_P "<table><tr><td><p>Fish market to ferry pier</p></td><td><p>850 metres</p></td>"
         "</tr><tr><td><p>Ferry pier to lighthouse</p></td><td><p>1,150 metres</p></td></tr>"
         "</table>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nFish market to ferry pier | 850 metres\n\n"
                      "Ferry pier to lighthouse | 1,150 metres\n\n" LEAD);
    /* a cell holding a <div> is layout too, however short */
    body(LEAD_P "<table><tr><td><div>Left column text.</div></td><td><div>Right column text.</div>"
         "</td></tr></table>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nLeft column text.\n\nRight column text.\n\n" LEAD);
}

static void test_line_breaks(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<p>Harbour Road 12   <br>\n   Portville<br/>  <br><br>Northshire </p>" LEAD_P,
         NO_RULES, &o);
    /* no space before a break, none at the start of the next line, and at
     * most one blank line from a run of <br>s */
    same_text(o.text, LEAD "\n\nHarbour Road 12\nPortville\n\nNorthshire\n\n" LEAD);
}

static void test_pre_verbatim(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<pre>\nint main(void)\n{\n    if (x)   \n\tputs(\"a  b\");\n\n    return 0;\n}\n</pre>"
         LEAD_P, NO_RULES, &o);
    /* indentation, inner spaces, tabs and blank lines stay; trailing
     * spaces on a line go */
    same_text(o.text, LEAD "\n\nint main(void)\n{\n    if (x)\n\tputs(\"a  b\");\n\n    return 0;\n}\n\n"
                      LEAD);
}

static void test_pre_with_markup(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<pre><code>  <b>x</b> = 1;<br>  y &lt; 2;</code></pre>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\n  x = 1;\n  y < 2;\n\n" LEAD);
}

static void test_pre_lines_as_elements(void **state)
{
    (void)state;
    out o;
    /* WeChat's code snippets: one <code> per line, no newline between
     * them, a blank line written as "&nbsp;": each is a line of its own */
    body(LEAD_P "<pre><code>import os</code><code>&nbsp;</code><code># list the files</code>"
         "<code>print(os.listdir())  # here</code></pre>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nimport os\n\n# list the files\nprint(os.listdir())  # here\n\n" LEAD);
    /* one <code> is the usual listing: its newlines are its lines */
    body(LEAD_P "<pre><code>x = 1\ny = 2</code></pre>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nx = 1\ny = 2\n\n" LEAD);
}

static void test_blockquote(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<blockquote><p>We waited for years, and it was worth it.</p></blockquote>"
         "<p>She added that more was needed.</p>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nWe waited for years, and it was worth it.\n\n"
                      "She added that more was needed.\n\n" LEAD);
}

static void test_entities(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<p>Fish &amp; chips &#8217;n&#x2019; peas &lt;3 &copy; &eacute;t&eacute;</p>" LEAD_P,
         NO_RULES, &o);
    contains(o.text, "\n\nFish & chips \xE2\x80\x99n\xE2\x80\x99 peas <3 \xC2\xA9 \xC3\xA9t\xC3\xA9\n\n");
}

static void test_whitespace_collapse(void **state)
{
    (void)state;
    out o;
    body(LEAD_P "<p>\n   Tabs\tand\n\nnewlines &nbsp;and&nbsp;&nbsp;no-break \xC2\xA0 spaces   </p>"
         "<p>un<em>believ</em>able, <b>bold</b><i>italic</i> and <a href=/x>a link</a>.</p>"
         LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nTabs and newlines and no-break spaces\n\n"
                      "unbelievable, bolditalic and a link.\n\n" LEAD);
}

static void test_words_in_adjacent_blocks_stay_apart(void **state)
{
    (void)state;
    /* a word in one block and the next block's first word never run
     * together, even with no white space between the tags */
    out o;
    body(LEAD_P "<div>end of one<div>start of two</div>tail of one</div>" LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD "\n\nend of one\n\nstart of two\n\ntail of one\n\n" LEAD);
}

static void test_no_trailing_newline(void **state)
{
    (void)state;
    out o;
    body(LEAD_P, NO_RULES, &o);
    same_text(o.text, LEAD);
}

/* ------------------------------------------------------------------ */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs_one_blank_line),
        cmocka_unit_test(test_divs_and_empty_blocks),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_trailing_heading_dropped),
        cmocka_unit_test(test_unordered_list),
        cmocka_unit_test(test_ordered_and_nested_lists),
        cmocka_unit_test(test_short_list_items),
        cmocka_unit_test(test_data_table_rows),
        cmocka_unit_test(test_data_table_short_cells),
        cmocka_unit_test(test_layout_table_as_blocks),
        cmocka_unit_test(test_line_breaks),
        cmocka_unit_test(test_pre_verbatim),
        cmocka_unit_test(test_pre_with_markup),
        cmocka_unit_test(test_pre_lines_as_elements),
        cmocka_unit_test(test_blockquote),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_whitespace_collapse),
        cmocka_unit_test(test_words_in_adjacent_blocks_stay_apart),
        cmocka_unit_test(test_no_trailing_newline),
    };
    return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
