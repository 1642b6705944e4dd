"""10,000 calls leak nothing: reference counts, Python allocations
(tracemalloc) and the process's resident memory (the C side) stay flat."""

import gc
import sys
import tracemalloc

import pith
from conftest import fixture_bytes

CALLS = 10_000


def rss_kib():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * 4  # Linux pages of 4 KiB


def one_round(ex, article, article_str, empty, binary):
    """Every path through the binding once: text, str input, a format,
    bare_extraction, no article, and an error."""
    assert ex.extract(article) is not None
    assert ex.extract(article_str, output_format="markdown") is not None
    assert ex.bare_extraction(article, "https://example.test/a", output_format="json")
    assert ex.extract(empty) is None
    try:
        ex.extract(binary)
    except pith.InputError:
        pass
    else:  # pragma: no cover
        raise AssertionError("binary input was not refused")


def test_no_leaks_over_ten_thousand_calls():
    ex = pith.Extractor()
    article = fixture_bytes("news-teaser-list-ferry")
    article_str = article.decode("utf-8")
    empty = fixture_bytes("nonarticle-de-404")
    binary = b"\x89PNG\r\n\x1a\n" + bytes(64)
    rounds = CALLS // 5
    for _ in range(200):  # warm-up: caches, slots, interned strings
        one_round(ex, article, article_str, empty, binary)
    gc.collect()
    refs = [sys.getrefcount(o) for o in (ex, article, article_str, empty, binary, None)]
    tracemalloc.start()
    gc.collect()
    traced0 = tracemalloc.get_traced_memory()[0]
    rss0 = rss_kib()
    for _ in range(rounds):
        one_round(ex, article, article_str, empty, binary)
    gc.collect()
    traced1 = tracemalloc.get_traced_memory()[0]
    rss1 = rss_kib()
    tracemalloc.stop()
    after = [sys.getrefcount(o) for o in (ex, article, article_str, empty, binary, None)]
    assert after[:5] == refs[:5]
    # None's count moves with unrelated objects; a leaked None per call
    # would add 10,000.
    assert abs(after[5] - refs[5]) < 100
    # One leaked object per call would be over 100 KiB of Python memory, and
    # one leaked result (a few KiB of C memory) over 20 MiB of RSS.
    assert traced1 - traced0 < 64 * 1024, f"Python memory grew by {traced1 - traced0} bytes"
    assert rss1 - rss0 < 4 * 1024, f"resident memory grew by {rss1 - rss0} KiB"
