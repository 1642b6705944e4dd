"""A real crawl: python3 -m http.server on 127.0.0.1 serves the fixtures and
an index page that links to them; the example project's spider
(python/examples/articles) follows the links with PithPipeline on. Each
item's text must be what `pith` prints for that page, the non-article
pages must be dropped when PITH_DROP_EMPTY is on, and the server must be
stopped at the end. Loopback only: nothing leaves the machine."""

import datetime
import html
import json
import os
import shutil
import socket
import subprocess
import sys

import pytest

import pith
from conftest import ROOT, fixture_names, fixture_path, pith_output

PROJECT = os.path.join(ROOT, "python", "examples", "articles")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base URL, {page name: fixture name}) of a running server; stops it
    afterwards and checks that it is gone."""
    root = tmp_path_factory.mktemp("site")
    names = fixture_names()
    links = []
    for name in names:
        shutil.copy(fixture_path(name), root / (name + ".html"))
        links.append(f'<li><a href="{html.escape(name)}.html">{html.escape(name)}</a></li>')
    (root / "index.html").write_text(
        "<!DOCTYPE html><html><head><title>Fixtures</title></head><body><ul>\n"
        + "\n".join(links) + "\n</ul></body></html>\n", encoding="utf-8")
    # Port 0: the server picks a free port and says which.
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
         "--directory", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        assert "port" in line, f"http.server said {line!r}"
        port = int(line.split("port")[1].split()[0])
        yield f"http://127.0.0.1:{port}", names
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
    assert server.poll() is not None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def crawl(base, tmp_path, *settings, items="item"):
    """Runs the example project's spider; returns (items, log)."""
    out = tmp_path / "items.jsonl"
    env = dict(os.environ)
    # The project, and the pith package this test imported.
    env["PYTHONPATH"] = os.pathsep.join(
        [PROJECT, os.path.dirname(os.path.dirname(os.path.abspath(pith.__file__)))])
    cmd = [sys.executable, "-m", "scrapy", "crawl", "site",
           "-a", f"start_url={base}/index.html", "-a", f"items={items}",
           "-O", str(out), "-s", "LOG_LEVEL=INFO"]
    for s in settings:
        cmd += ["-s", s]
    proc = subprocess.run(cmd, cwd=PROJECT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with open(out, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return records, proc.stderr


def by_name(records, base):
    out = {}
    for r in records:
        name = r["url"][len(base) + 1:]
        assert name.endswith(".html")
        assert name[:-5] not in out, f"{name} came twice"
        out[name[:-5]] = r
    return out


def test_crawl_drops_pages_without_article(site, tmp_path):
    base, names = site
    now = lambda: datetime.datetime.now(datetime.timezone.utc)
    start = now().replace(microsecond=0)
    records, log = crawl(base, tmp_path, "PITH_DROP_EMPTY=True")
    end = now()
    # Only the fixtures' own URLs: links in them reach the server's other
    # pages too (a share link with a query string, its listing of /).
    pages = {base + "/" + n + ".html" for n in names}
    got = by_name([r for r in records if r["url"] in pages], base)
    articles = {n for n in names if pith_output([], fixture_path(n)) is not None}
    others = set(names) - articles
    assert len(articles) >= 20 and others
    assert set(got) == articles, "the items are not exactly the article pages"
    for name in sorted(articles):
        item = got[name]
        assert item["text"] == pith_output([], fixture_path(name)), name
        with open(fixture_path(name), "rb") as f:
            meta = pith.bare_extraction(f.read(), item["url"])
        assert item["title"] == meta["title"] and item["author"] == meta["author"]
        if meta["date"] is None:
            # A relative dateline ("vor 3 Stunden") counts back from the
            # response's Date header, sent during the crawl.
            with open(fixture_path(name), "rb") as f:
                page = f.read()
            early, late = (pith.bare_extraction(page, item["url"], reference_date=t.isoformat())["date"]
                           for t in (start, end))
            assert (item["date"] is None) == (early is None), name
            if early is not None:
                when = datetime.datetime.fromisoformat(item["date"])
                assert datetime.datetime.fromisoformat(early) <= when, (name, early, when)
                assert when <= datetime.datetime.fromisoformat(late), (name, when, late)
        else:
            assert item["date"] == meta["date"], name
        assert "html" not in item, "the Response was left in the item"
    # The non-article pages and the index were dropped, each logged (so
    # were other pages of the server the fixtures link to, such as its
    # directory listing of /).
    for name in sorted(others) + ["index"]:
        assert f"Dropped: pith: {base}/{name}.html: no article text found" in log, name


def test_crawl_with_dict_items_keeps_empty_pages(site, tmp_path):
    base, names = site
    records, _ = crawl(base, tmp_path, "PITH_DROP_EMPTY=False", "PITH_METADATA_FIELDS=",
                       "PITH_OUTPUT_FORMAT=markdown", items="dict")
    pages = {base + "/" + n + ".html" for n in names}
    got = by_name([r for r in records if r["url"] in pages], base)
    kept = {r["url"] for r in records}
    assert base + "/index.html" in kept, "the index page was dropped"
    assert set(got) == set(names)
    for name in names:
        assert got[name]["text"] == pith_output(["--format", "markdown"], fixture_path(name)), name
        assert set(got[name]) == {"url", "text"}
