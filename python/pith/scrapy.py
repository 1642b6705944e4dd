"""pith.scrapy: an item pipeline that puts the article of each page in the item.

Enable it with one line in the project's settings::

    ITEM_PIPELINES = {"pith.scrapy.PithPipeline": 300}

The spider yields items (dicts or ``scrapy.Item``) whose ``html`` field holds
the page: a str, bytes, or the ``Response`` itself (then its body is used
with the HTTP charset, if any, and its URL; the Response is removed from the
item). The pipeline extracts in a thread of the reactor's pool
(``deferToThread``), so the crawl never waits for it, and writes the article
to ``text``.

Settings (defaults in brackets):

- ``PITH_HTML_FIELD`` [``"html"``]: the field that holds the page.
- ``PITH_URL_FIELD`` [``"url"``]: the field with the page's URL, if any.
- ``PITH_TEXT_FIELD`` [``"text"``]: the field the article goes to.
- ``PITH_OUTPUT_FORMAT`` [``"txt"``]: ``txt``, ``markdown``, ``json`` or ``html``.
- ``PITH_FAVOR`` [``"balanced"``]: ``precision``, ``recall`` or ``balanced``.
- ``PITH_INCLUDE_TITLE`` [True], ``PITH_INCLUDE_LINKS`` [False],
  ``PITH_INCLUDE_IMAGES`` [False]: as in :func:`pith.extract`.
- ``PITH_DROP_EMPTY`` [False]: drop items whose page holds no article (or
  cannot be read) with ``DropItem``; otherwise they are kept with the text
  field set to None.
- ``PITH_METADATA_FIELDS`` [()]: metadata of :func:`pith.bare_extraction`
  to copy into the item, e.g. ``["title", "author", "date"]``, or ``True``
  for all of them. A ``scrapy.Item`` must declare these fields.
- ``PITH_KEEP_HTML`` [True]: False removes the html field once extracted.
- ``PITH_RULES`` [()]: rule files added to the bundled rules.
- ``PITH_ADBLOCK`` [()]: ad-blocking lists (paths, or ``"system"``), as the
  ``adblock`` of :class:`pith.Extractor`.
- ``PITH_TARGET_LANGUAGE`` [None]: e.g. ``"de"``: a page in another
  language holds no article (``--target-language``).
- ``PITH_REFERENCE_DATE_FIELD`` [None]: the item field that says when the
  page was fetched (a ``datetime``, or a str in ISO 8601 or an HTTP date,
  such as the response's ``Date`` header the spider stored). Relative
  datelines ("vor 3 Stunden", "2 days ago") count back from it, as with
  ``reference_date`` of :func:`pith.extract`; it also sets the century of
  two-digit years. When the field is missing or empty, the ``Date``
  header of a ``Response`` in the html field is used.
- ``PITH_REFERENCE_DATE_NOW`` [True]: with neither, the time the item is
  processed (UTC) is the reference; False gives relative dates no date.
  A reference the item gives that is not a date is logged and replaced
  by this one.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any, Dict, Optional, Tuple

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http import Response
from twisted.internet.threads import deferToThread
from w3lib.encoding import http_content_type_encoding

import pith

logger = logging.getLogger(__name__)

METADATA = ("title", "author", "date", "date_modified", "sitename", "hostname", "url",
            "description", "categories", "tags", "language", "image")
_FAVOR = {"balanced": {}, "precision": {"favor_precision": True},
          "recall": {"favor_recall": True}}


class PithPipeline:
    """Extracts the article of each item's page; see the module's doc."""

    def __init__(self, settings: Any) -> None:
        self.html_field = settings.get("PITH_HTML_FIELD", "html")
        self.url_field = settings.get("PITH_URL_FIELD", "url")
        self.text_field = settings.get("PITH_TEXT_FIELD", "text")
        self.drop_empty = settings.getbool("PITH_DROP_EMPTY", False)
        self.keep_html = settings.getbool("PITH_KEEP_HTML", True)
        favor = settings.get("PITH_FAVOR", "balanced")
        if favor not in _FAVOR:
            raise NotConfigured(f"PITH_FAVOR must be precision, recall or balanced, not {favor!r}")
        fmt = settings.get("PITH_OUTPUT_FORMAT", "txt")
        self.options: Dict[str, Any] = dict(
            output_format=fmt,
            include_title=settings.getbool("PITH_INCLUDE_TITLE", True),
            include_links=settings.getbool("PITH_INCLUDE_LINKS", False),
            include_images=settings.getbool("PITH_INCLUDE_IMAGES", False),
            target_language=settings.get("PITH_TARGET_LANGUAGE") or None,
            **_FAVOR[favor])
        meta = settings.get("PITH_METADATA_FIELDS", ())
        if meta is True or (isinstance(meta, str) and meta.lower() in ("true", "all", "1")):
            meta = METADATA
        elif isinstance(meta, str):
            meta = [m.strip() for m in meta.split(",") if m.strip()]
        unknown = [m for m in meta if m not in METADATA]
        if unknown:
            raise NotConfigured(f"PITH_METADATA_FIELDS: unknown field {unknown[0]!r}; "
                                f"the fields are {', '.join(METADATA)}")
        self.metadata = tuple(meta)
        self.reference_field = settings.get("PITH_REFERENCE_DATE_FIELD") or None
        self.reference_now = settings.getbool("PITH_REFERENCE_DATE_NOW", True)
        try:
            self.extractor = pith.Extractor(rules=settings.getlist("PITH_RULES"),
                                            adblock=settings.getlist("PITH_ADBLOCK"))
            # A bad format, favor or language fails at start-up, not on the first item.
            self.extractor.extract(b"", **self.options)
        except pith.Error as e:
            raise NotConfigured(f"pith: {e}") from e

    @classmethod
    def from_crawler(cls, crawler: Any) -> "PithPipeline":
        return cls(crawler.settings)

    def process_item(self, item: Any, spider: Any) -> Any:
        """Extracts in a thread of the reactor's pool; the Deferred fires
        with the item, or fails with DropItem."""
        return deferToThread(self.extract_item, item, spider)

    def _extract(self, html: Any, url: Optional[str], encoding: Optional[str],
                 ref: Optional[str]) -> Tuple[Optional[Dict[str, Any]], Optional[str]]:
        """(the document with its metadata or None, the text)."""
        if self.metadata:
            # One extraction gives both: the metadata and the document.
            doc = self.extractor._document(html, url, encoding=encoding, reference_date=ref,
                                           **self.options)
            return doc, doc["output"] if doc else None
        return None, self.extractor.extract(html, url, encoding=encoding, reference_date=ref,
                                            **self.options)

    def _page(self, adapter: ItemAdapter) -> Tuple[Any, Optional[str], Optional[str]]:
        """(html, url, encoding) of an item."""
        value = adapter.get(self.html_field)
        url = adapter.get(self.url_field) if self.url_field else None
        if isinstance(value, Response):
            # The HTTP charset outranks the page's <meta> (as in browsers);
            # without one pith detects the encoding from the body.
            ctype = value.headers.get(b"Content-Type")
            encoding = http_content_type_encoding(ctype.decode("latin-1")) if ctype else None
            return value.body, url or value.url, encoding
        return value, url, None

    @staticmethod
    def _date_str(value: Any) -> Optional[str]:
        """A reference date as pith takes it: ISO 8601 or an HTTP date."""
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if isinstance(value, str) and value.strip():
            return value.strip()
        return None

    def _reference(self, adapter: ItemAdapter) -> Tuple[Optional[str], Optional[str]]:
        """(the item's reference date, the fallback: now or None)."""
        ref = None
        if self.reference_field:
            ref = self._date_str(adapter.get(self.reference_field))
        page = adapter.get(self.html_field)
        if ref is None and isinstance(page, Response):
            ref = self._date_str(page.headers.get(b"Date"))
        now = None
        if self.reference_now:
            now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
        return ref, now

    def extract_item(self, item: Any, spider: Any = None) -> Any:
        """The work of process_item, in the calling thread."""
        adapter = ItemAdapter(item)
        html, url, encoding = self._page(adapter)
        ref, now = self._reference(adapter)
        if html is None:
            raise DropItem(f"pith: the item has no {self.html_field!r} field")
        if isinstance(adapter.get(self.html_field), Response) or not self.keep_html:
            del adapter[self.html_field]
        if not isinstance(url, str):
            url = None
        reason = "no article text found"
        doc = None
        try:
            try:
                doc, text = self._extract(html, url, encoding, ref or now)
            except pith.UsageError as e:
                # Only the item's reference can be wrong here: the options
                # were checked at start-up.
                if ref is None:
                    raise
                logger.warning("pith: %s: %s; the reference date is %s", url or "the item", e,
                               now or "none")
                doc, text = self._extract(html, url, encoding, now)
        except pith.Error as e:
            text, reason = None, str(e)
        if text is None:
            where = url or "the item"
            if self.drop_empty:
                raise DropItem(f"pith: {where}: {reason}")
            logger.info("pith: %s: %s; kept without text", where, reason)
        adapter[self.text_field] = text
        for field in self.metadata:
            adapter[field] = doc.get(field) if doc else None
        return item
