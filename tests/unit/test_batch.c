/* Tests for src/cli/batch.c, the batch engine: records leave in the order they
 * came in whatever order the workers finish them; no more records are held
 * than the ring allows, and the byte budget holds the reader back; errors
 * are counted; a reader or writer that fails ends the run without losing
 * or repeating a record that was already emitted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "batch.h"

typedef struct run {
    uint64_t total;       /* records the reader has */
    uint64_t read, emitted;
    uint64_t max_held;    /* the most records read and not yet emitted */
    uint64_t fail_read_at, fail_emit_at; /* UINT64_MAX: never */
    size_t record_len;
    unsigned seed;
} run;

static int next(void *ctx, px_job *job)
{
    run *r = ctx;
    if (r->read == r->fail_read_at) {
        job->msg = strdup("reader failed");
        return -1;
    }
    if (r->read == r->total)
        return 0;
    job->len = r->record_len;
    job->data = malloc(job->len + 32);
    assert_non_null(job->data);
    snprintf(job->data, job->len + 32, "%llu", (unsigned long long)r->read);
    job->status = r->read % 7 == 3; /* every 7th record failed on reading */
    r->read++;
    if (r->read - r->emitted > r->max_held)
        r->max_held = r->read - r->emitted;
    return 1;
}

static void work(void *ctx, px_job *job)
{
    (void)ctx;
    /* Later records often finish first. */
    unsigned s = (unsigned)job->seq * 2654435761u;
    usleep((s >> 20) % 700);
    job->out = strdup(job->data);
    assert_non_null(job->out);
}

static int emit(void *ctx, px_job *job)
{
    run *r = ctx;
    char want[32];
    snprintf(want, sizeof want, "%llu", (unsigned long long)r->emitted);
    assert_int_equal(job->seq, r->emitted);
    assert_string_equal(job->out, want);
    if (r->emitted == r->fail_emit_at)
        return -1;
    r->emitted++;
    return 0;
}

static run new_run(uint64_t total)
{
    run r = {.total = total, .fail_read_at = UINT64_MAX, .fail_emit_at = UINT64_MAX, .record_len = 8};
    return r;
}

static const px_batch_ops ops = {next, work, emit, NULL};

static void test_order_kept(void **state)
{
    (void)state;
    for (unsigned threads = 1; threads <= 8; threads *= 2) {
        run r = new_run(300);
        px_batch_config cfg = {.threads = threads, .max_inflight = 1 << 20};
        px_batch_stats st;
        assert_int_equal(px_batch_run(&cfg, &ops, &r, &st), 0);
        assert_int_equal(r.emitted, 300);
        assert_int_equal(st.records, 300);
        assert_int_equal(st.errors, 300 / 7 + (300 % 7 > 3));
        /* the ring holds two records per worker and two more */
        assert_true(r.max_held <= 2 * threads + 2);
    }
}

static void test_byte_budget(void **state)
{
    (void)state;
    run r = new_run(50);
    r.record_len = 1000;
    /* a budget below one record: the reader waits until the ring is empty,
     * so one record is held at a time, but it is never refused */
    px_batch_config cfg = {.threads = 4, .max_inflight = 10};
    px_batch_stats st;
    assert_int_equal(px_batch_run(&cfg, &ops, &r, &st), 0);
    assert_int_equal(r.emitted, 50);
    assert_int_equal(r.max_held, 1);
}

static void test_empty_input(void **state)
{
    (void)state;
    run r = new_run(0);
    px_batch_config cfg = {.threads = 2, .max_inflight = 1 << 20};
    px_batch_stats st;
    assert_int_equal(px_batch_run(&cfg, &ops, &r, &st), 0);
    assert_int_equal(st.records, 0);
}

static void test_reader_failure_drains(void **state)
{
    (void)state;
    run r = new_run(100);
    r.fail_read_at = 40;
    px_batch_config cfg = {.threads = 3, .max_inflight = 1 << 20};
    px_batch_stats st;
    assert_int_equal(px_batch_run(&cfg, &ops, &r, &st), -1);
    /* what was read before the failure still comes out, in order */
    assert_int_equal(r.emitted, 40);
    assert_int_equal(st.records, 40);
}

static void test_writer_failure_stops(void **state)
{
    (void)state;
    run r = new_run(100);
    r.fail_emit_at = 25;
    px_batch_config cfg = {.threads = 3, .max_inflight = 1 << 20};
    px_batch_stats st;
    assert_int_equal(px_batch_run(&cfg, &ops, &r, &st), -1);
    assert_int_equal(r.emitted, 25); /* emit asserts that none came out of order */
    assert_true(r.read <= 25 + 2 * 3 + 2 + 1);
}

static void test_cores(void **state)
{
    (void)state;
    unsigned n = px_batch_cores();
    assert_true(n >= 1);
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    assert_true(online < 1 || n <= (unsigned)online);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_kept),
        cmocka_unit_test(test_byte_budget),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_reader_failure_drains),
        cmocka_unit_test(test_writer_failure_stops),
        cmocka_unit_test(test_cores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
