"""pith.scrapy.PithPipeline without a crawl: items, settings, drops."""

import datetime
import os
import sys

import pytest
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from twisted.internet.defer import Deferred

import pith
from pith.scrapy import PithPipeline
from conftest import ROOT, fixture_bytes, fixture_path, pith_output

# The example project's item (url, html, text, title, author, date).
sys.path.insert(0, os.path.join(ROOT, "python", "examples", "articles"))
from articles.items import Article as Page  # noqa: E402

SEED = "russia-china"


def pipeline(**settings):
    return PithPipeline(Settings(settings))


def test_dict_and_item_alike(pith_bin):
    want = pith_output([], fixture_path(SEED))
    d = pipeline().extract_item({"url": "https://x.test/a", "html": fixture_bytes(SEED)})
    assert d["text"] == want and d["html"] == fixture_bytes(SEED)
    it = pipeline().extract_item(Page(url="https://x.test/a", html=fixture_bytes(SEED)))
    assert isinstance(it, Page) and it["text"] == want


def test_str_html_and_response_body(pith_bin):
    raw = fixture_bytes("ru-koi8r-most")
    want = pith_output([], fixture_path("ru-koi8r-most"))
    resp = HtmlResponse("https://x.test/most", body=raw)
    item = pipeline().extract_item({"html": resp})
    assert item["text"] == want
    assert "html" not in item, "a Response must not stay in the item"
    # The HTTP charset outranks the page's own declaration, as in browsers.
    resp = HtmlResponse("https://x.test/most", body=raw,
                        headers={"Content-Type": "text/html; charset=windows-1251"})
    item = pipeline().extract_item({"html": resp})
    assert item["text"] == pith_output(["--encoding", "windows-1251"],
                                       fixture_path("ru-koi8r-most"))
    text = fixture_bytes(SEED).decode("utf-8")
    assert pipeline().extract_item({"html": text})["text"] == pith.extract(text)


def test_settings_map_to_the_options(pith_bin):
    item = pipeline(PITH_HTML_FIELD="body", PITH_TEXT_FIELD="html", PITH_OUTPUT_FORMAT="markdown",
                    PITH_FAVOR="precision", PITH_INCLUDE_LINKS=True
                    ).extract_item({"body": fixture_bytes(SEED)})
    assert item["html"] == pith_output(["--format", "markdown", "--favor", "precision",
                                        "--links"], fixture_path(SEED))
    item = pipeline(PITH_OUTPUT_FORMAT="json", PITH_INCLUDE_TITLE=False).extract_item(
        {"html": fixture_bytes(SEED)})
    assert item["text"] == pith_output(["--format", "json", "--no-title"], fixture_path(SEED))
    # The seed page is in English: asked for German it holds no article.
    assert pipeline(PITH_TARGET_LANGUAGE="de").extract_item(
        {"html": fixture_bytes(SEED)})["text"] is None
    assert pipeline(PITH_TARGET_LANGUAGE="en").extract_item(
        {"html": fixture_bytes(SEED)})["text"] == pith_output([], fixture_path(SEED))


def test_metadata_fields(pith_bin):
    meta = pith.bare_extraction(fixture_bytes(SEED))
    item = pipeline(PITH_METADATA_FIELDS=["title", "author", "date"]).extract_item(
        Page(html=fixture_bytes(SEED)))
    assert item["text"] == pith_output([], fixture_path(SEED))
    assert (item["title"], item["author"], item["date"]) == (
        meta["title"], meta["author"], meta["date"])
    everything = pipeline(PITH_METADATA_FIELDS=True).extract_item({"html": fixture_bytes(SEED)})
    assert everything["tags"] == ["China", "Russia", "Ukraine"]
    assert everything["hostname"] == "capitalledger.example"
    with pytest.raises(KeyError):  # a scrapy.Item must declare its fields
        pipeline(PITH_METADATA_FIELDS=["tags"]).extract_item(Page(html=fixture_bytes(SEED)))


def test_empty_pages_kept_or_dropped():
    page = {"url": "https://x.test/404", "html": fixture_bytes("nonarticle-404")}
    kept = pipeline().extract_item(dict(page))
    assert kept["text"] is None
    with pytest.raises(DropItem, match="https://x.test/404: no article text found"):
        pipeline(PITH_DROP_EMPTY=True).extract_item(dict(page))
    # A page pith refuses is dropped with its reason.
    with pytest.raises(DropItem, match="not HTML: the input is a PNG image"):
        pipeline(PITH_DROP_EMPTY=True).extract_item({"html": b"\x89PNG\r\n\x1a\n" + bytes(99)})
    with pytest.raises(DropItem, match="no 'html' field"):
        pipeline().extract_item({"url": "https://x.test/"})


def test_keep_html_off_removes_the_page():
    item = pipeline(PITH_KEEP_HTML=False).extract_item({"html": fixture_bytes(SEED)})
    assert set(item) == {"text"}


@pytest.mark.parametrize("settings,what", [
    ({"PITH_FAVOR": "speed"}, "PITH_FAVOR"),
    ({"PITH_OUTPUT_FORMAT": "pdf"}, "output_format"),
    ({"PITH_METADATA_FIELDS": ["titel"]}, "titel"),
    ({"PITH_RULES": ["/nonexistent/site.rules"]}, "site.rules"),
    ({"PITH_ADBLOCK": ["/nonexistent/easylist.txt"]}, "easylist.txt"),
    ({"PITH_TARGET_LANGUAGE": "d e"}, "target_language"),
])
def test_bad_settings_fail_at_start(settings, what):
    with pytest.raises(NotConfigured, match=what):
        pipeline(**settings)


def test_process_item_runs_in_a_thread():
    d = pipeline().process_item({"html": fixture_bytes(SEED)}, None)
    assert isinstance(d, Deferred)
    d.cancel()  # no reactor runs here; the crawl test runs one


# A WordPress page whose only dateline is "vor 3 Stunden" (3 hours ago).
RELATIVE = "de-wp-vor-stunden-freibad"


def relative_date(**settings):
    """The date the pipeline gives the relative page, with these settings
    and item fields (keys in lower case)."""
    fields = {k: v for k, v in settings.items() if k.islower()}
    conf = {k: v for k, v in settings.items() if k.isupper()}
    item = pipeline(PITH_METADATA_FIELDS=["date"], **conf).extract_item(
        dict(html=fixture_bytes(RELATIVE), **fields))
    return item["date"]


def test_reference_date_from_an_item_field():
    assert relative_date(PITH_REFERENCE_DATE_FIELD="fetched",
                         fetched="2024-03-06T09:30:00+01:00") == "2024-03-06T06:30:00+01:00"
    fetched = datetime.datetime(2024, 3, 6, 9, 30, tzinfo=datetime.timezone.utc)
    assert relative_date(PITH_REFERENCE_DATE_FIELD="fetched",
                         fetched=fetched) == "2024-03-06T06:30:00+00:00"
    # An HTTP date, as a spider stores response.headers["Date"]
    assert relative_date(PITH_REFERENCE_DATE_FIELD="fetched",
                         fetched=b"Wed, 06 Mar 2024 09:30:00 GMT") == "2024-03-06T06:30:00+00:00"


def test_reference_date_from_the_response():
    resp = HtmlResponse("https://x.test/freibad", body=fixture_bytes(RELATIVE),
                        headers={"Date": "Wed, 06 Mar 2024 09:30:00 GMT"})
    item = pipeline(PITH_METADATA_FIELDS=["date"]).extract_item({"html": resp})
    assert item["date"] == "2024-03-06T06:30:00+00:00"
    # the item's field comes first
    resp = HtmlResponse("https://x.test/freibad", body=fixture_bytes(RELATIVE),
                        headers={"Date": "Wed, 06 Mar 2024 09:30:00 GMT"})
    item = pipeline(PITH_METADATA_FIELDS=["date"], PITH_REFERENCE_DATE_FIELD="crawled").extract_item(
        {"html": resp, "crawled": "2024-03-07T12:00:00Z"})
    assert item["date"] == "2024-03-07T09:00:00+00:00"


def test_reference_date_now_or_none(caplog):
    def three_hours_before(lo, hi, got):
        assert got is not None
        when = datetime.datetime.fromisoformat(got)
        hours = datetime.timedelta(hours=3)
        assert lo.replace(microsecond=0) - hours <= when <= hi - hours, (lo, got, hi)

    now = lambda: datetime.datetime.now(datetime.timezone.utc)
    lo = now()
    got = relative_date()
    three_hours_before(lo, now(), got)
    # an empty field is no reference; one that is no date is logged
    lo = now()
    got = relative_date(PITH_REFERENCE_DATE_FIELD="fetched", fetched="")
    three_hours_before(lo, now(), got)
    lo = now()
    with caplog.at_level("WARNING", logger="pith.scrapy"):
        got = relative_date(PITH_REFERENCE_DATE_FIELD="fetched", fetched="last Tuesday")
    three_hours_before(lo, now(), got)
    assert "not a date: 'last Tuesday'" in caplog.text
    # switched off: a relative dateline gives no date
    assert relative_date(PITH_REFERENCE_DATE_NOW=False) is None
    assert relative_date(PITH_REFERENCE_DATE_NOW=False, PITH_REFERENCE_DATE_FIELD="fetched",
                         fetched="last Tuesday") is None
