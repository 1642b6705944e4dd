"""One Extractor shared by 8 threads gives what one thread gives."""

import random
import sys
import time
import threading
from concurrent.futures import ThreadPoolExecutor

import pith
from conftest import FORMATS, fixture_bytes, fixture_names

THREADS = 8


def jobs():
    """(fixture, format) for every fixture and format, and some bad input."""
    out = []
    for name in fixture_names():
        for fmt in sorted(FORMATS):
            out.append((name, fmt))
    return out


def run(ex, pages, job):
    name, fmt = job
    kwargs = dict(FORMATS[fmt][1])
    try:
        return ex.extract(pages[name], output_format=fmt, **kwargs)
    except pith.Error as e:  # pragma: no cover - the fixtures all extract
        return f"error {type(e).__name__}: {e}"


def test_eight_threads_share_one_extractor():
    ex = pith.Extractor()
    pages = {name: fixture_bytes(name) for name in fixture_names()}
    work = jobs()
    single = [run(ex, pages, j) for j in work]
    assert sum(1 for s in single if s) > len(work) // 2
    # Every thread runs all the jobs, each in its own order, 3 times over,
    # starting together.
    start = threading.Barrier(THREADS)

    def worker(seed):
        order = list(range(len(work))) * 3
        random.Random(seed).shuffle(order)
        start.wait()
        return [(i, run(ex, pages, work[i])) for i in order]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))
    assert len(results) == THREADS
    for per_thread in results:
        assert len(per_thread) == 3 * len(work)
        for i, out in per_thread:
            assert out == single[i], work[i]


def test_threads_with_other_options_compile_slots_once():
    """Threads asking for different flags at once (each a new extractor in
    the shared cache) still give the single-thread outputs."""
    ex = pith.Extractor()
    page = fixture_bytes("wp-twentytwenty-blog")
    combos = [dict(output_format=f, favor_precision=p, include_links=l, include_images=i)
              for f in ("txt", "markdown", "html", "json")
              for p in (False, True) for l in (False, True) for i in (False, True)]
    want = [pith.Extractor().extract(page, **c) for c in combos]
    start = threading.Barrier(THREADS)

    def worker(seed):
        order = list(range(len(combos)))
        random.Random(seed).shuffle(order)
        start.wait()
        return [(k, ex.extract(page, **combos[k])) for k in order]

    with ThreadPoolExecutor(THREADS) as pool:
        for per_thread in pool.map(worker, range(THREADS)):
            for k, out in per_thread:
                assert out == want[k], combos[k]


def test_extraction_releases_the_gil():
    """While the main thread is inside extractions, another thread runs
    Python code. The switch interval is set to 10 s, so a thread holding
    the GIL would keep it for the whole run; the other thread sleeps a
    millisecond per loop, so it gives the GIL straight back."""
    page = fixture_bytes("longform-rate-limiting-guide") * 40
    ex = pith.Extractor()
    ex.extract(page)
    inside = [False]
    stop = threading.Event()
    ticks = [0]

    def watcher():
        while not stop.is_set():
            if inside[0]:
                ticks[0] += 1
            time.sleep(0.001)

    old = sys.getswitchinterval()
    sys.setswitchinterval(10.0)
    t = threading.Thread(target=watcher)
    try:
        t.start()
        inside[0] = True
        for _ in range(5):
            ex.extract(page)
        inside[0] = False
    finally:
        stop.set()
        t.join()
        sys.setswitchinterval(old)
    assert ticks[0] >= 5
