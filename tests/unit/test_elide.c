/* The elision pass (src/elide.c): what it leaves out, what it must keep,
 * and that Gumbo builds the same tree from both (tests/elide/domdiff.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "domdiff.h"
#include "elide.h"
#include "parse.h"
#include "rules_impl.h"

static const struct {
    const char *in, *out; /* out NULL: nothing left out */
} cases[] = {
    /* Script bodies go; the tags stay. */
    {"<p>a<script>if (a<b) x='</scrip>';</script>b", "<p>a<script></script>b"},
    {"<SCRIPT>x</sCrIpT\t>y", "<SCRIPT></sCrIpT\t>y"},
    {"<script>a</scriptx>b</script>c", "<script></script>c"},
    /* Escaped and double-escaped script data: only in the latter does
     * </script> not end the script. */
    {"<script><!--<script>x</script>y--></script>z", "<script></script>z"},
    {"<script><!--</script>z", "<script></script>z"},
    {"<script><!--<script></script>--><p></script>z", "<script></script>z"},
    /* JSON-LD stays for metadata (and any type with a reference). */
    {"<script type=\" application/LD+JSON\">{}</script><script>x</script>",
     "<script type=\" application/LD+JSON\">{}</script><script></script>"},
    {"<script type='application/ld&#43;json'>{}</script>", NULL},
    /* A '>' in a quoted value does not end a tag. */
    {"<a title=\"x>y<script>\">t</a><script>s</script>",
     "<a title=\"x>y<script>\">t</a><script></script>"},
    /* Style bodies and comment text go. */
    {"<style>p{}</style><!-- c --><!---->", "<style></style><!----><!---->"},
    {"<p>a<!-- b --!>c", "<p>a<!---->c"},
    /* Text elements hide tags: nothing to leave out. */
    {"<title><script>t</title>", NULL},
    {"<textarea><style>x</textarea><xmp><!-- y --></xmp>", NULL},
    {"<iframe><script>x</iframe><noembed><style></noembed><noframes><!-- x --></noframes>", NULL},
    /* After <plaintext> everything is text. */
    {"<plaintext><script>x</script>", NULL},
    /* In a <select> a <style> is ignored and its body is text. */
    {"<select><style>a</style></select><style>b</style>",
     "<select><style>a</style></select><style></style>"},
    /* CDATA in foreign content hides markup. */
    {"<svg><![CDATA[</svg><script>]]></svg><script>x</script>",
     "<svg><![CDATA[</svg><script>]]></svg><script></script>"},
    /* Inside <svg>, <script> and <style> are plain elements. */
    {"<svg><style>a</style><script>b</script></svg>", NULL},
    /* Gumbo closes a foreign element only by "</name>" exactly: after
     * "</svg >" the <style> is still an svg element, its text kept. */
    {"<svg></svg ><style>a</style>", NULL},
    {"<svg></svg/><style>a</style>", NULL},
    {"<svg><g\vx></g\vx><style>a</style>", NULL},
    /* Template content goes, unless something in it switches states. */
    {"<template><p>x<b>y</template><p>z", "<template></template><p>z"},
    {"<template><script>x</script></template>", NULL},
};

/* With PX_ELIDE_SVG: the tags inside an <svg> of shapes go, its white
 * space stays; any other <svg> stays whole. */
static const struct {
    const char *in, *out;
} svg_cases[] = {
    {"<p>a<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><g><circle r=\"1\"></circle></g></svg>b",
     "<p>a<svg viewBox=\"0 0 1 1\"></svg>b"},
    /* White space stays byte for byte (a <pre> prints it). */
    {"<pre><svg>\n  <path d=\"x\"/>\r\n\t<use href=\"#i\"/>\n</svg></pre>",
     "<pre><svg>\n  \r\n\t\n</svg></pre>"},
    /* Nested svg, comments, an end tag in any case, '>' and quotes in values. */
    {"<svg><svg><path/></svg><!-- c --><path/></SVG>x", "<svg></SVG>x"},
    {"<svg><path d=\"a>b</svg>\" title='\"'/></svg><script>s</script>",
     "<svg></svg><script></script>"},
    {"<svg><path><g></svg><p>", "<svg></svg><p>"},
    /* Names HTML knows, text, CDATA, microdata: the svg stays. */
    {"<svg><title>Share</title><path/></svg>", NULL},
    {"<svg><style>p{}</style><path/></svg>", NULL},
    {"<svg><a href=\"/x\"><path/></a></svg>", NULL},
    {"<svg><image href=\"i.png\"/></svg>", NULL},
    {"<svg><text>Hi</text></svg>", NULL},
    {"<svg><path/>x</svg>", NULL},
    {"<svg><path/>&#32;</svg>", NULL},
    {"<svg><path/>< </svg>", NULL},
    {"<svg><path/><![CDATA[ ]]></svg>", NULL},
    {"<svg><g itemprop=\"logo\"></g></svg>", NULL},
    {"<svg><path/><![CDATA[</svg><script>]]></svg><script>x</script>",
     "<svg><path/><![CDATA[</svg><script>]]></svg><script></script>"},
    /* A breakout tag ends the svg where the pass cannot follow: it stops. */
    {"<svg><path/><p>x<script>y</script>", NULL},
    {"<svg><path/><b>x</b></svg>", NULL},
    /* Unclosed at the end of the page. */
    {"<svg><path d=\"1\"/>", NULL},
    /* In a <title> (RCDATA) there is no svg. */
    {"<title><svg><path/></svg></title>", NULL},
    /* <math>: its text is printed. */
    {"<math><mrow><mi>x</mi></mrow></math>", NULL},
    /* An svg that is only white space has nothing to leave out. */
    {"<svg> </svg>", NULL},
    /* One that stays is read again from its start, as other foreign
     * content is: its comments go (and, with PX_ELIDE_ATTRS, attributes
     * nobody reads: test_svg). */
    {"<svg><!-- c --><path/><text>t<!-- d --></text></svg><!-- e -->",
     "<svg><!----><path/><text>t<!----></text></svg><!---->"},
};

/* With PX_ELIDE_SPACE: runs of white space in text shrink, except where
 * pith prints them as they are or the pass does not read. */
static const struct {
    const char *in, *out;
} space_cases[] = {
    {"<div>\n    <p>a  b</p>\t\t<p>c</p>  </div>", "<div>\n<p>a b</p>\t<p>c</p> </div>"},
    /* A run with a newline becomes one (CR LF too); else its first. */
    {"<p>x \r\n  y</p>\r\n<p>", "<p>x\ny</p>\n<p>"},
    {"<p>x \f  y</p>", "<p>x \f y</p>"},
    /* <pre> and <listing> keep theirs, up to their end tag. */
    {"<pre>\n\n  a  b\n</pre>  <listing> x  y</listing>  z",
     "<pre>\n\n  a  b\n</pre> <listing> x  y</listing> z"},
    {"<pre><pre>a  </pre> b  </pre>c  d", "<pre><pre>a  </pre> b  </pre>c d"},
    /* "</listing>" does not close a <pre>, nor "</pre>" a lone <listing>. */
    {"<pre></listing>  x</pre>", NULL},
    {"<listing></pre>  x</listing>", NULL},
    /* A table inside a <pre> may keep it open past "</pre>": the rest
     * of the page stays as it is. */
    {"<pre><table><td></pre>  x</table>  y</pre>  z", NULL},
    /* Text elements, attribute values, script and style are not text. */
    {"<title>a  b</title><textarea>  c  </textarea><xmp>  </xmp>", NULL},
    {"<a title=\"a  >  b\">x</a>", NULL},
    {"<style>a  b</style>  <script>x  y</script>", "<style></style> <script></script>"},
    {"<script type=\"application/ld+json\">{  }</script>", NULL},
    /* Nor are <svg>, <math> and <select> (copied as they are). */
    {"<math><mi>a  b</mi></math><svg><text>a  b</text></svg>", NULL},
    {"<select><option>a  b</option></select>", NULL},
};

/* With PX_ELIDE_ATTRS: attributes nobody reads go, with the white space
 * after them; where none is before them, only their values are emptied. */
static const struct {
    const char *in, *out;
} attr_cases[] = {
    {"<div onclick=\"go()\" data-x='{\"a\":1}' class=\"c\" title=x>t</div>",
     "<div class=\"c\" title=x>t</div>"},
    {"<a target=_blank rev=ab>t</a>", "<a >t</a>"},
    /* Without a value, or with an '=' and none. */
    {"<input type=hidden data-v-1a2b>", "<input type=hidden >"},
    {"<div x= >t</div><div y=>u</div>", "<div >t</div><div >u</div>"},
    {"<p a b=\"1\" c=d/ e/>t", "<p />t"},
    /* '>' and the other quote inside a value; any case. */
    {"<p DATA-A=\"x>y\" data-b='a\"b' TITLE=\"T\">t</p>", "<p TITLE=\"T\">t</p>"},
    /* Right after a quote or a '/', taking one out would join tokens or
     * close the tag: its value is emptied, when that is no longer. */
    {"<p a=\"1\"b=\"2\"c=xyz>t</p>", "<p b=\"\"c=\"\">t</p>"},
    {"<p/x=\"y\">t</p><p a=\"1\"b=x>u</p>", "<p/x=\"\">t</p><p b=x>u</p>"},
    /* On a <font>, color, face and size stay: in foreign content their
     * presence ends it (and then it is a formatting element, whose
     * attributes all stay, below); elsewhere only their values go. */
    {"<svg><font color=\"red\" face='x' size=3 d=\"1\">t</font></svg>", NULL},
    {"<p color=\"red\" d=\"1\">t</p>", "<p color=\"\" >t</p>"},
    /* A repeated name: Gumbo 0.10 reads the next name on after it ("el"
     * and "class" make "elclass"), so the tag stays as it is. */
    {"<p el=\"x\" El=\"y\" data-z=\"1\" class=\"c\">t</p>", NULL},
    {"<p cl=\"1\" cl=\"2\" ass=\"v\">t</p>", NULL},
    /* JSON-LD is known before its other attributes go. */
    {"<script type=\"application/ld+json\" data-hid=\"x\">{}</script><script data-a=\"b\">x</script>",
     "<script type=\"application/ld+json\" >{}</script><script ></script>"},
    /* What pith and Gumbo read stays: links in svg (xlink:href is href
     * to Gumbo), a hidden input, an isindex prompt, integration points. */
    {"<svg><a xlink:href=\"/x\"><text>t</text></a></svg><input type=hidden>"
     "<isindex prompt=\"Find\"><math><annotation-xml encoding=\"text/html\"></annotation-xml></math>", NULL},
    {"<img src=\"a.png\" alt=\"A\" style=\"x\" hidden=\"h\">", NULL},
    /* Read on some elements only: src on an <img> (or <image>) and where
     * itemprop is; an <img>'s srcset and data-srcset only when its src
     * is missing, empty, a data: URL or one the pass cannot read for sure
     * (a reference, a control); a <link>'s href for rel canonical or
     * image_src (any case, or a reference in rel), or with itemprop. */
    {"<script src=\"/a.js\" async></script><iframe src=\"/f\"></iframe><img src=\"i.png\">"
     "<image src=i><span itemprop=\"image\" src=\"s.png\"></span>",
     "<script ></script><iframe ></iframe><img src=\"i.png\"><image src=i><span itemprop=\"image\" src=\"s.png\"></span>"},
    {"<IMG SRC=x.png SRCSET=\"c 2x\" data-srcset='d 1x' data-src=\"b.png\" data-original=o "
     "data-lazy-src=l alt=a>", "<IMG SRC=x.png alt=a>"},
    {"<img src=\"data:x\" data-src=\"b.png\" data-srcset=\"d 1x\"><source srcset=\"s 1x\" data-srcset=\"t 1x\">"
     "<div srcset=\"s\" data-src=\"d\">", "<img src=\"data:x\" data-src=\"b.png\" data-srcset=\"d 1x\">"
     "<source srcset=\"s 1x\" ><div >"},
    /* href: on <a> (in an <svg> too, where Gumbo names xlink:href href),
     * <base> and where itemprop is, not on others. */
    {"<a href=\"/a\">t</a><base href=\"/b\"><div href=\"/d\" itemprop=\"url\"></div><area href=\"/r\">"
     "<svg><a xlink:href=\"/x\"><text>t</text></a><image xlink:href=\"/i.png\"/><text>u</text></svg>",
     "<a href=\"/a\">t</a><base href=\"/b\"><div href=\"/d\" itemprop=\"url\"></div><area >"
     "<svg><a xlink:href=\"/x\"><text>t</text></a><image /><text>u</text></svg>"},
    {"<img srcset=\"c 2x\" src=\"DATA:x\">", "<img src=\"DATA:x\">"},
    {"<img src=\"data:image/gif;base64,R0\" srcset=\"c 2x\" data-srcset=\"d 1x\">", NULL},
    {"<img src=\"\" srcset=\"c 2x\"><img src srcset=c><img srcset=\"c 2x\"><img src=\"&#100;ata:x\" srcset=c>"
     "<img src=\"dat\x01a:x\" srcset=c>", NULL},
    {"<image src=\"i.png\" srcset=c>", "<image src=\"i.png\" >"},
    /* pith strips a control from a name (two names may then be one) and
     * bytes past ASCII may not be UTF-8: such a tag stays as it is */
    {"<p \x10=\"a\" \x0b=\"b\" onclick=\"x\">t</p><p caf\xc3=\"1\" onclick=\"x\">u</p>", NULL},
    /* nor with '=', a quote or '<' in a name, where Gumbo 0.10 strays */
    {"<p a=\"\"=\"x\" onclick=\"y\">t</p><s/t y=\"\"=/>", NULL},
    /* nor those of formatting elements: the tree builder keeps three
     * alike at most among the open ones */
    {"<p><s><s><s><s onclick=\"x\"><p>x", NULL},
    /* Gumbo 0.10 takes a "</>" into the next tag's source text, by which
     * it closes foreign elements: the pass stops there */
    {"<script>x</script></><svg><path/></svg><script>y</script>",
     "<script></script></><svg><path/></svg><script>y</script>"},
    /* <body> and <html> keep all: a later one gives what the first lacks */
    {"<body onclick=\"x\"><p>t</p><body onload=\"y\">", NULL},
    {"<link rel=\"stylesheet\" href=\"/a.css\"><link href=\"/b\"><link rel=\"Canonical\" href=\"/c\">"
     "<link rel=\"x image_src\" href=\"/i\"><link itemprop=\"url\" href=\"/u\"><link rel=\"x&#32;y\" href=\"/r\">",
     "<link rel=\"stylesheet\" ><link ><link rel=\"Canonical\" href=\"/c\">"
     "<link rel=\"x image_src\" href=\"/i\"><link itemprop=\"url\" href=\"/u\"><link rel=\"x&#32;y\" href=\"/r\">"},
};

/* px_elide with a table of names made for the call. */
static size_t elide(char *page, size_t n, unsigned opts, const char *const *keep, size_t nkeep)
{
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_elide_names *names = px_elide_names_new(&a, NULL, keep, nkeep);
    assert_non_null(names);
    size_t len = px_elide(page, n, opts, names, NULL);
    px_elide_names_free(names);
    return len;
}

static void check_case(size_t i, const char *in, const char *out, unsigned opts)
{
    char page[256];
    size_t n = strlen(in);
    assert_true(n < sizeof page);
    memcpy(page, in, n + 1);
    size_t len = elide(page, n, opts, NULL, 0);
    if (!out) {
        if (len != n || strcmp(page, in))
            fail_msg("case %zu: left out something of %s: %.*s", i, in, (int)len, page);
    } else {
        if (len == n)
            fail_msg("case %zu: left nothing out of %s", i, in);
        if (len != strlen(out) || strcmp(page, out))
            fail_msg("case %zu: %s gave %.*s, not %s", i, in, (int)len, page, out);
    }
    char why[512];
    size_t elided;
    if (!domdiff_page(in, n, &elided, why, sizeof why))
        fail_msg("case %zu: %s: %s", i, in, why);
}

static void test_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        check_case(i, cases[i].in, cases[i].out, 0);
        check_case(i, cases[i].in, cases[i].out, PX_ELIDE_SVG);
    }
}

static void test_svg(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof svg_cases / sizeof *svg_cases; i++)
        check_case(i, svg_cases[i].in, svg_cases[i].out, PX_ELIDE_SVG);
    /* Without the option every svg stays whole. */
    check_case(0, svg_cases[0].in, NULL, PX_ELIDE_SPACE);
    check_case(0, svg_cases[0].in, NULL, 0);
    check_case(0, "<svg fill=\"x\"><path d=\"M0\" fill=\"red\"/><g id=\"g\"><text>t</text></g></svg>",
               "<svg ><path /><g id=\"g\"><text>t</text></g></svg>", PX_ELIDE_SVG | PX_ELIDE_ATTRS);
}

static void test_space(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof space_cases / sizeof *space_cases; i++)
        check_case(i, space_cases[i].in, space_cases[i].out, PX_ELIDE_SPACE);
    check_case(0, space_cases[0].in, NULL, 0);
}

/* Do Gumbo's trees of whole and elided agree, as domdiff judges? */
static bool trees_agree(const char *whole, const char *elided)
{
    GumboOutput *x = gumbo_parse(whole);
    GumboOutput *y = gumbo_parse(elided);
    char why[512];
    bool same = domdiff(x->document, y->document, why, sizeof why);
    gumbo_destroy_output(&kGumboDefaultOptions, x);
    gumbo_destroy_output(&kGumboDefaultOptions, y);
    return same;
}

/* Pairs of pages that domdiff must tell apart, and one it must not. */
static void check_pairs(const char *const (*differ)[2], size_t n, const char *agree_whole,
                        const char *agree_elided)
{
    for (size_t i = 0; i < n; i++)
        if (trees_agree(differ[i][0], differ[i][1]))
            fail_msg("pair %zu: no difference seen between %s and %s", i, differ[i][0], differ[i][1]);
    if (!trees_agree(agree_whole, agree_elided))
        fail_msg("%s and %s differ", agree_whole, agree_elided);
}

/* The check sees white space that changed where it is read as it is,
 * or text that changed beyond the length of a run. */
static void test_domdiff_space(void **state)
{
    (void)state;
    static const char *const differ[][2] = {
        {"<pre>a  b</pre>", "<pre>a b</pre>"},
        {"<pre><b>  </b></pre>", "<pre><b> </b></pre>"},
        {"<textarea>a  b</textarea>", "<textarea>a b</textarea>"},
        {"<p>a  b</p>", "<p>ab</p>"},
        {"<p>a \n b</p>", "<p>a b</p>"},
        {"<p>a  b</p>", "<p>a  c</p>"},
    };
    check_pairs(differ, sizeof differ / sizeof *differ, "<div>\n  <p>a \t b</p>  \n</div>",
                "<div>\n<p>a b</p>\n</div>");
}

static void test_attrs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof attr_cases / sizeof *attr_cases; i++)
        check_case(i, attr_cases[i].in, attr_cases[i].out, PX_ELIDE_ATTRS);
    check_case(0, attr_cases[0].in, NULL, PX_ELIDE_SVG | PX_ELIDE_SPACE);
    /* Past the attributes the pass follows, a tag stays as it is (one
     * more could repeat a name). */
    for (int n = 32; n <= 33; n++) {
        char many[256] = "<p";
        for (int i = 0; i < n; i++)
            snprintf(many + strlen(many), sizeof many - strlen(many), " a%d=1", i);
        strcat(many, ">t");
        check_case((size_t)n, many, n == 32 ? "<p >t" : NULL, PX_ELIDE_ATTRS);
    }
    /* The rules' attributes (the caller's list) stay too. */
    const char *keep[] = {"data-x", "DATA-Z"};
    char page[] = "<p data-x=\"1\" data-y=\"2\" data-z>";
    size_t n = elide(page, strlen(page), PX_ELIDE_ATTRS, keep, 2);
    assert_int_equal(n, strlen("<p data-x=\"1\" data-z>"));
    assert_string_equal(page, "<p data-x=\"1\" data-z>");
    static const char *const read[] = {"href", "HREF", "action", "xml:lang", "type", "class", "aria-hidden"};
    static const char *const unread[] = {"onclick", "d", "data-x", "hre", "hrefs", "", "zzz", "aaa"};
    for (size_t i = 0; i < sizeof read / sizeof *read; i++)
        if (!px_elide_reads_attr(read[i], strlen(read[i])))
            fail_msg("%s is read", read[i]);
    for (size_t i = 0; i < sizeof unread / sizeof *unread; i++)
        if (px_elide_reads_attr(unread[i], strlen(unread[i])))
            fail_msg("%s is not read", unread[i]);
}

/* The bundled rules' tables of names, written by rulegen, are the ones
 * px_elide_names_new builds for their keys, slot for slot; a process
 * uses them only while they hold all of its keys. */
static void test_image_names(void **state)
{
    (void)state;
    px_alloc a;
    px_alloc_init(&a, NULL);
    const px_rules_image *rules = &px_builtin_image;
    px_elide_image builtin;
    px_builtin_elide(&builtin);
    const px_elide_image *img = &builtin;
    /* the image's keys, '\0'-separated, as the rule set lists them */
    const char *keys[64];
    assert_true(rules->nkeys < 63);
    const char *k = rules->keys;
    for (int i = 0; i < rules->nkeys; i++, k += strlen(k) + 1)
        keys[i] = k;
    px_elide_names *built = px_elide_names_new(&a, NULL, keys, (size_t)rules->nkeys);
    assert_non_null(built);
    px_elide_image b;
    size_t pool_len;
    px_elide_names_image(built, &b, &pool_len);
    assert_int_equal(b.tags_mask, img->tags_mask);
    assert_int_equal(b.attrs_mask, img->attrs_mask);
    assert_memory_equal(b.tags, img->tags, (b.tags_mask + 1) * sizeof *b.tags);
    assert_memory_equal(b.attrs, img->attrs, (b.attrs_mask + 1) * sizeof *b.attrs);
    assert_memory_equal(b.pool, img->pool, pool_len);
    px_elide_names_free(built);

    /* A rule of the user's that reads an attribute no bundled rule reads
     * keeps it: the tables are built for that list, not taken as written. */
    keys[rules->nkeys] = "data-zzz";
    for (int more = 0; more <= 1; more++) {
        px_elide_names *names = px_elide_names_new(&a, img, keys, (size_t)rules->nkeys + (size_t)more);
        assert_non_null(names);
        px_elide_image now;
        px_elide_names_image(names, &now, &pool_len);
        /* (taken as written exactly when every key is in them) */
        assert_int_equal(now.tags == img->tags, !more);
        char page[] = "<p class=\"c\" data-zzz=\"1\" onclick=\"x()\">";
        size_t n = px_elide(page, strlen(page), PX_ELIDE_ATTRS, names, NULL);
        assert_string_equal(page, more ? "<p class=\"c\" data-zzz=\"1\" >" : "<p class=\"c\" >");
        assert_int_equal(n, strlen(page));
        px_elide_names_free(names);
    }
}

/* The check sees a value that changed where it is read, or that changed
 * to something other than empty; an attribute someone reads that went
 * (or one on a <font> that Gumbo reads); one that came; a new order. */
static void test_domdiff_attrs(void **state)
{
    (void)state;
    static const char *const differ[][2] = {
        {"<a href=\"x\">t</a>", "<a href=\"\">t</a>"},
        {"<a onclick=\"x\">t</a>", "<a onclick=\"y\">t</a>"},
        {"<a href=\"x\">t</a>", "<a>t</a>"},
        {"<font size=\"1\">t</font>", "<font>t</font>"},
        {"<a>t</a>", "<a onclick=\"\">t</a>"},
        {"<a href=\"x\" class=\"y\">t</a>", "<a class=\"y\" href=\"x\">t</a>"},
        /* where src, srcset and href are read */
        {"<img src=\"a.png\">", "<img>"},
        {"<p itemprop=\"image\" src=\"a.png\">t</p>", "<p itemprop=\"image\">t</p>"},
        {"<img src=\"data:x\" srcset=\"a 1x\">", "<img src=\"data:x\">"},
        {"<img src=\"\" data-src=\"data:y\" data-srcset=\"a 1x\">", "<img src=\"\" data-src=\"data:y\">"},
        {"<picture><source srcset=\"a 1x\"><img></picture>", "<picture><source><img></picture>"},
        {"<link rel=\"icon canonical\" href=\"/c\">", "<link rel=\"icon canonical\">"},
        {"<link rel=\"IMAGE_SRC\" href=\"/c\">", "<link rel=\"IMAGE_SRC\">"},
        {"<link itemprop=\"url\" href=\"/u\">", "<link itemprop=\"url\">"},
        {"<a href=\"x\">t</a>", "<a>t</a>"},
        {"<img data-src=\"b.png\">", "<img>"},
        {"<img src=\"data:x\" data-lazy-src=\"l.png\">", "<img src=\"data:x\">"},
        {"<base href=\"/b\">", "<base>"},
        {"<svg><a xlink:href=\"/x\"><text>t</text></a></svg>", "<svg><a><text>t</text></a></svg>"},
    };
    check_pairs(differ, sizeof differ / sizeof *differ,
                "<a onclick=\"x\" data-q=\"1\" href=\"h\" target=\"_blank\" size=\"2\">t</a>"
                "<script src=\"/s.js\"></script><img src=\"a.png\" srcset=\"b 2x\" data-srcset=\"c\">"
                "<img src=\"data:x\" data-lazy-src=\"l.png\" srcset=\"b 2x\">"
                "<link rel=\"stylesheet canonicalx\" href=\"/x.css\">"
                "<source data-srcset=\"a 1x\"><div href=\"/d\" srcset=\"s\"></div>"
                "<svg><image xlink:href=\"/i.png\"/><text>t</text></svg>",
                "<a data-q=\"\" href=\"h\" size=\"\">t</a>"
                "<script></script><img src=\"a.png\"><img src=\"data:x\" data-lazy-src=\"l.png\">"
                "<link rel=\"stylesheet canonicalx\" href=\"\">"
                "<source><div></div><svg><image/><text>t</text></svg>");
}

/* The check sees an svg that lost what it held. */
static void test_domdiff_svg(void **state)
{
    (void)state;
    static const char *const differ[][2] = {
        {"<svg><text>a</text></svg>", "<svg></svg>"},
        {"<svg><path/> </svg>", "<svg></svg>"},
        {"<svg> <path/>\n</svg>", "<svg>\n </svg>"},
        {"<svg><a><path/></a></svg>", "<svg></svg>"},
    };
    check_pairs(differ, sizeof differ / sizeof *differ, "<svg> <path/><!--c-->\n<g><use/></g></svg>",
                "<svg> \n</svg>");
}

/* The values of attributes that stay wait beside the page: what goes,
 * what stays, and where each went. */
static void test_values(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
        const char *values[3];
    } vcases[] = {
        {"<div class=\"post-body entry\" id='main-1'>t</div>", "<div class=\"\" id=''>t</div>",
         {"post-body entry", "main-1"}},
        /* an unquoted value is quoted empty */
        {"<a href=/news/today>t</a>", "<a href=\"\">t</a>", {"/news/today"}},
        /* UTF-8 goes as it is; tabs and newlines too */
        {"<p title=\"caf\xc3\xa9 au lait\" alt=\"a\tb\nc\">t</p>", "<p title=\"\" alt=\"\">t</p>",
         {"caf\xc3\xa9 au lait", "a\tb\nc"}},
        /* the tree builder reads type; short values are not worth it; a
         * reference, a CR, a control, a C1 control or broken UTF-8 would
         * not come back from Gumbo byte for byte */
        {"<input type=\"hidden\" title=\"a&amp;b c\" alt=\"abc\">", NULL, {NULL}},
        {"<p title=\"x\ry z\" alt=\"x\x01yz\" class=\"x\xc2\x85yz\" id=\"caf\xc3\">t</p>", NULL, {NULL}},
    };
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_elide_names *names = px_elide_names_new(&a, NULL, NULL, 0);
    assert_non_null(names);
    for (size_t i = 0; i < sizeof vcases / sizeof *vcases; i++) {
        char page[256];
        size_t n = strlen(vcases[i].in);
        memcpy(page, vcases[i].in, n + 1);
        px_elide_values v;
        assert_int_equal(px_elide_values_init(&a, &v, n), PITH_OK);
        size_t len = px_elide(page, n, PX_ELIDE_ATTRS, names, &v);
        const char *out = vcases[i].out ? vcases[i].out : vcases[i].in;
        if (len != strlen(out) || memcmp(page, out, len))
            fail_msg("case %zu: %s gave %.*s, not %s", i, vcases[i].in, (int)len, page, out);
        size_t k = 0;
        for (; k < 3 && vcases[i].values[k]; k++) {
            assert_true(k < v.n);
            /* at: where the empty value's opening quote is */
            assert_true(page[v.attrs[k].at] == '"' || page[v.attrs[k].at] == '\'');
            assert_string_equal(px_elide_value(&v, v.attrs[k].at), vcases[i].values[k]);
        }
        assert_int_equal(v.n, k);
        assert_null(px_elide_value(&v, 0));
        px_elide_values_free(&a, &v);
    }
    px_elide_names_free(names);
}

/* Put back into Gumbo's tree, the values are where they were, also on an
 * element the adoption agency cloned and on attributes a second <body>
 * gave the first. */
static void test_values_restored(void **state)
{
    (void)state;
    const char *in = "<body><a href=\"/x/y/z\" class=\"link-one\"><p>t</a>u</p>"
                     "<body class=\"late-body\" id=x><div><a href=\"/a/b/c\" class=\"\">v</a></div>";
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_elide_names *names = px_elide_names_new(&a, NULL, NULL, 0);
    px_elide_values v;
    assert_non_null(names);
    assert_int_equal(px_elide_values_init(&a, &v, strlen(in)), PITH_OK);
    char page[256];
    strcpy(page, in);
    size_t len = px_elide(page, strlen(in), PX_ELIDE_ATTRS, names, &v);
    assert_int_equal(v.n, 4);
    px_doc d;
    pith_error err;
    assert_int_equal(px_parse_elided(&d, &a, page, len, &v, 0, &err), PITH_OK);
    int links = 0, clones = 0;
    for (int i = 0; i < d.n; i++) {
        const px_node *nd = &d.nodes[i];
        if (nd->kind != PX_ELEMENT)
            continue;
        if (nd->tag == GUMBO_TAG_BODY) {
            assert_string_equal(px_attr(nd, "class"), "late-body");
        } else if (nd->tag == GUMBO_TAG_A) {
            links++;
            if (!strcmp(px_attr(nd, "href"), "/x/y/z")) {
                assert_string_equal(px_attr(nd, "class"), "link-one");
                clones++;
            } else {
                assert_string_equal(px_attr(nd, "href"), "/a/b/c");
                assert_string_equal(px_attr(nd, "class"), "");
            }
        }
    }
    /* the adoption agency's clone of the first link has its values too */
    assert_int_equal(links, 3);
    assert_int_equal(clones, 2);
    px_doc_free(&d);
    px_elide_values_free(&a, &v);
    px_elide_names_free(names);
}

/* Runs of text go too, leaving a mark; Gumbo's tree of the marked page,
 * given its text back, is the tree of the page: with text that ignored
 * end tags join, text fostered out of a table, text in the head, in a
 * <pre> after its first newline, after the body. */
static void test_runs(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "<p>first run of long text</nosuch>second run of long text</p>",
        "<p>a run of text long enough</b></i>and another one after it</p>",
        "<table>a run of text fostered out<tr><td>a cell with enough text</td></tr></table>",
        "<table><tr>  text in a row, fostered too <td>x</td></tr></table>",
        "<html><head> text in the head goes to the body</head><body>and the body text</body>",
        "<pre>\nthe first newline goes   away here</pre><pre>\n\nboth lines   stay here ok</pre>",
        "<body><p>in the body</p></body>   text after the body ends here</html>",
        "<p>text   with\t\truns   of  white\n\n space</p> \n <div>\n tail text long enough \n</div>",
        "<ul><li>short<li>an item with enough text<li>and one more with text</ul>",
        "<p>one run</p><!-- a comment -->text beside a comment",
    };
    px_alloc a;
    px_alloc_init(&a, NULL);
    px_elide_names *names = px_elide_names_new(&a, NULL, NULL, 0);
    assert_non_null(names);
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        char page[512], why[512];
        size_t n = strlen(pages[i]), elided;
        memcpy(page, pages[i], n + 1);
        px_elide_values v;
        assert_int_equal(px_elide_values_init(&a, &v, n), PITH_OK);
        size_t len = px_elide(page, n, PX_ELIDE_SPACE, names, &v);
        if (!v.nruns)
            fail_msg("case %zu: no run taken from %s", i, pages[i]);
        for (size_t k = 0; k < v.nruns; k++)
            assert_memory_equal(page + v.runs[k].at, PX_ELIDE_MARK, sizeof PX_ELIDE_MARK - 1);
        assert_true(len < n);
        px_elide_values_free(&a, &v);
        if (!domdiff_page(pages[i], n, &elided, why, sizeof why))
            fail_msg("case %zu: %s: %s", i, pages[i], why);
    }
    /* What stays: short text, a reference, a CR, white space alone, and
     * every run of a page that holds the mark or a reference that may
     * give it (one that wraps past U+10FFFF may). */
    static const char *const kept[] = {
        "<p>short</p><p>text with a &amp; in it, long</p><p>text with a CR\r in it, long</p>",
        "<p>a long enough run of text</p><p>\xf4\x8f\xbf\xbd</p>",
        "<p>a long enough run of text</p>&#x10FFFD;",
        "<p>a long enough run of text</p><a title=\"&#1114109;\">x</a>",
        "<p>a long enough run of text</p>&#4295082237;",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
        char page[512];
        size_t n = strlen(kept[i]);
        memcpy(page, kept[i], n + 1);
        px_elide_values v;
        assert_int_equal(px_elide_values_init(&a, &v, n), PITH_OK);
        px_elide(page, n, 0, names, &v);
        if (v.nruns)
            fail_msg("kept case %zu: a run taken from %s", i, kept[i]);
        px_elide_values_free(&a, &v);
    }
    px_elide_names_free(names);
}

/* The check itself must see a difference when there is one. */
static void test_domdiff_reports_a_difference(void **state)
{
    (void)state;
    GumboOutput *x = gumbo_parse("<div><p>a</p><script>s</script></div>");
    GumboOutput *y = gumbo_parse("<div><p>b</p><script></script></div>");
    GumboOutput *z = gumbo_parse("<div><p>a</p><script></script></div>");
    char why[512];
    assert_false(domdiff(x->document, y->document, why, sizeof why));
    assert_string_equal(why, "text differs at /#document[0]/html[0]/body[1]/div[0]/p[0]/#text[0]");
    assert_true(domdiff(x->document, z->document, why, sizeof why));
    gumbo_destroy_output(&kGumboDefaultOptions, x);
    gumbo_destroy_output(&kGumboDefaultOptions, y);
    gumbo_destroy_output(&kGumboDefaultOptions, z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_svg),
        cmocka_unit_test(test_domdiff_svg),
        cmocka_unit_test(test_space),
        cmocka_unit_test(test_domdiff_space),
        cmocka_unit_test(test_attrs),
        cmocka_unit_test(test_image_names),
        cmocka_unit_test(test_domdiff_attrs),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_values_restored),
        cmocka_unit_test(test_runs),
        cmocka_unit_test(test_domdiff_reports_a_difference),
    };
    return cmocka_run_group_tests_name("elide", tests, NULL, NULL);
}
