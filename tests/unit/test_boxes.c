/* Tests for src/boxes.c through the public API: calls to action go by
 * their shape in any language, content with a control in it stays, and a
 * drop-box label takes its box (but a paragraph label never takes the
 * paragraphs after it). Each page is an article of real paragraphs with
 * one box in it, and no class name says what the box is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pith.h"
#include "text_out.h"

#define P1 "<p>The town council has approved a new plan for the harbour. Work on the quays will start in the spring and should be finished within two years, the mayor said.</p>"
#define P2 "<p>Fishermen said they welcomed the plan but worried about the months of building work, when the boats will have to moor at the old pier on the north side of the bay.</p>"
#define P3 "<p>The harbour master said the new quays would let two ferries berth at once, and that the old fish market would become a covered hall for the Saturday market.</p>"

/* Extracts page (an article body) with the bundled rules, plus rules if
 * not NULL, and flags. */
static void extract(const char *body, const char *rules, unsigned flags, out *o)
{
    char page[8192];
    snprintf(page, sizeof page, "<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>%s</article></body></html>", body);
    pith_options *opts = pith_options_new(NULL);
    assert_non_null(opts);
    pith_options_set_flags(opts, flags);
    pith_error err = {0, ""};
    if (rules)
        assert_int_equal(pith_options_add_rules(opts, "test.rules", rules, strlen(rules), &err), PITH_OK);
    pith_extractor *ex = pith_extractor_new(opts, &err);
    if (!ex)
        fail_msg("pith_extractor_new: %s", err.message);
    pith_options_free(opts);
    pith_result *r = NULL;
    memset(o, 0, sizeof *o);
    o->rc = pith_extract(ex, page, strlen(page), NULL, NULL, &r, &err);
    if (r)
        snprintf(o->text, sizeof o->text, "%s", pith_result_text(r, NULL));
    pith_result_free(r);
    pith_extractor_free(ex);
}

/* A sign-up box between paragraphs, in words no rule knows. */
static void test_signup_box_goes(void **state)
{
    (void)state;
    out o;
    extract(P1 "<div class=q1><p>Zeitung am Morgen, jeden Tag frisch</p>"
               "<form><input type=email><button>OK</button></form>"
               "<p>Wir schreiben Ihnen höchstens einmal am Tag.</p></div>" P2 P3,
            NULL, 0, &o);
    assert_int_equal(o.rc, PITH_OK);
    assert_contains(&o, "Fishermen said");
    assert_lacks(&o, "Zeitung am Morgen");
    assert_lacks(&o, "höchstens einmal");
    /* --favor recall keeps it */
    extract(P1 "<div class=q1><p>Zeitung am Morgen, jeden Tag frisch</p>"
               "<form><input type=email><button>OK</button></form></div>" P2 P3,
            NULL, PITH_FAVOR_RECALL, &o);
    assert_contains(&o, "Zeitung am Morgen");
}

/* A paywall strip with a button and no field: short, no prose. */
static void test_button_strip_goes(void **state)
{
    (void)state;
    out o;
    extract(P1 P2 "<div><span>Nur mit Abo</span> <button type=button>Weiter</button></div>" P3, NULL, 0, &o);
    assert_contains(&o, "The harbour master said");
    assert_lacks(&o, "Nur mit Abo");
}

/* Controls inside content: a button in a sentence, a servings field over
 * a list of ingredients, a basket beside a product's photos and text, a
 * menu toggle, a code sample's copy button. */
static void test_content_with_controls_stays(void **state)
{
    (void)state;
    out o;
    extract(P1 "<p>Press <button>Copy</button> to copy the address of the harbour office, which is open from nine to five.</p>" P2 P3,
            NULL, 0, &o);
    assert_contains(&o, "to copy the address of the harbour office");

    extract(P1 "<section><form><input type=text name=n value=4> servings</form>"
               "<ul><li>200 g flour</li><li>2 eggs</li><li>1 pinch of salt</li></ul></section>" P2 P3,
            NULL, 0, &o);
    assert_contains(&o, "200 g flour");

    extract(P1 "<div><img src=a.jpg><img src=b.jpg><p>A sturdy hutch of pine with a pull-out floor, a ramp and a run of wire mesh for two rabbits.</p>"
               "<form><select><option>1</option></select><button type=submit>Add to basket</button></form></div>" P2 P3,
            NULL, 0, &o);
    assert_contains(&o, "A sturdy hutch of pine");

    extract(P1 "<div><span>Quays and piers</span> <button aria-expanded=false>More</button></div>" P2 P3,
            NULL, 0, &o);
    assert_contains(&o, "Quays and piers");

    extract(P1 "<div><pre>harbour --berth 2</pre><button>Copy</button></div>" P2 P3, NULL, 0, &o);
    assert_contains(&o, "harbour --berth 2");
}

/* A drop-box label takes its box; a label that is a paragraph in the
 * body takes nothing after it; a heading label takes a short run. */
static void test_labelled_box(void **state)
{
    (void)state;
    const char *rules = "drop-box text~/^Who wrote this$/\n";
    out o;
    extract(P1 P2 "<div><p>Who wrote this</p><p>Ann Lee</p><p>Ann Lee has covered the coast for the paper since 2019, from Oban to Ullapool.</p></div>" P3,
            rules, 0, &o);
    assert_contains(&o, "The harbour master said");
    assert_lacks(&o, "Who wrote this");
    assert_lacks(&o, "covered the coast");

    extract(P1 "<p>Who wrote this</p>" P2 P3, rules, 0, &o);
    assert_lacks(&o, "Who wrote this");
    assert_contains(&o, "Fishermen said");
    assert_contains(&o, "The harbour master said");

    extract(P1 P2 P3 "<h3>Who wrote this</h3><p>Ann Lee has covered the coast for the paper since 2019.</p>", rules, 0, &o);
    assert_lacks(&o, "covered the coast");
    assert_contains(&o, "The harbour master said");

    /* without the rule, the same box is text */
    extract(P1 P2 "<div><p>Who wrote this</p><p>Ann Lee has covered the coast for the paper since 2019, from Oban to Ullapool.</p></div>" P3,
            NULL, 0, &o);
    assert_contains(&o, "covered the coast");
}

/* A label never takes the article: the box must be a minor part of it. */
static void test_label_never_takes_the_article(void **state)
{
    (void)state;
    out o;
    extract("<div><p>Who wrote this</p>" P1 P2 P3 "</div>", "drop-box text~/^Who wrote this$/\n", 0, &o);
    assert_contains(&o, "The town council");
    assert_contains(&o, "The harbour master said");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signup_box_goes),
        cmocka_unit_test(test_button_strip_goes),
        cmocka_unit_test(test_content_with_controls_stays),
        cmocka_unit_test(test_labelled_box),
        cmocka_unit_test(test_label_never_takes_the_article),
    };
    return cmocka_run_group_tests_name("boxes", tests, NULL, NULL);
}
