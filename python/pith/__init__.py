"""pith: extract the main article text from HTML pages.

The Python binding of libpith, the library of the pith command. The functions
take trafilatura's names wherever the meaning is the same, so that

    from trafilatura import extract, bare_extraction

becomes

    from pith import extract, bare_extraction

The outputs are the bytes the ``pith`` command prints: ``extract(html)`` is
``pith page.html``, ``extract(html, output_format="markdown",
include_links=True)`` is ``pith --format markdown --links page.html``, and so
on. ``None`` means the page holds no article (the command's exit status 1);
every other failure raises a subclass of :class:`pith.Error`.

Extraction releases the GIL, and an :class:`Extractor` may be shared by any
number of threads.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.parse
from typing import Any, Dict, Iterable, Mapping, Optional, Union

from . import _pith
from ._pith import (  # noqa: F401  (re-exported)
    Error,
    InputError,
    LimitError,
    OutOfMemoryError,
    RulesError,
    UsageError,
)

__all__ = [
    "extract", "bare_extraction", "Extractor", "version",
    "Error", "InputError", "LimitError", "OutOfMemoryError", "RulesError", "UsageError",
]

__version__ = _pith.version()

HTML = Union[str, bytes, bytearray, memoryview]

# output_format -> the index _pith uses; trafilatura's names and pith's.
_FORMATS = {"txt": 0, "text": 0, "markdown": 1, "md": 1, "html": 2, "json": 3}
_FORMAT_KEY = {0: None, 1: "markdown", 2: "html", 3: "json"}
_LIMITS = ("bytes", "depth", "nodes", "memory")


def version() -> str:
    """The version of libpith this module is built on."""
    return __version__


def _favor(favor_precision: bool, favor_recall: bool) -> int:
    if favor_precision and favor_recall:
        raise UsageError("favor_precision and favor_recall exclude each other")
    return 1 if favor_precision else 2 if favor_recall else 0


def _format(output_format: str) -> int:
    try:
        return _FORMATS[output_format]
    except (KeyError, TypeError):
        raise UsageError(f"output_format must be txt, markdown, json or html, "
                         f"not {output_format!r}") from None


def _language(target_language: Optional[str]) -> Optional[str]:
    if target_language is not None and not isinstance(target_language, str):
        raise UsageError(f"target_language must be a str such as 'de' or None, "
                         f"not {type(target_language).__name__}")
    return target_language


def _list(path: Union[str, os.PathLike]) -> Optional[Union[str, os.PathLike]]:
    # "system" is Debian's EasyList, as in --adblock=system; _pith takes None.
    return None if path == "system" else path


def _reference(reference_date: Optional[str]) -> Optional[str]:
    if reference_date is not None and not isinstance(reference_date, str):
        raise UsageError(f"reference_date must be a str such as '2024-05-13T10:15:00Z' or None, "
                         f"not {type(reference_date).__name__}")
    return reference_date


def _hostname(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    return host or None


def _metadata_header(meta: Mapping[str, Any]) -> str:
    """trafilatura's header for txt and markdown with with_metadata=True."""
    lines = ["---"]
    for key in ("title", "author", "url", "hostname", "description", "sitename", "date",
                "categories", "tags"):
        value = meta.get(key)
        if isinstance(value, list):
            value = ",".join(value)
        if value:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


class Extractor:
    """Compiled rules and limits, reused for every page.

    ``rules`` are rule files (rules/README.md) added to the bundled rules, or
    used alone with ``default_rules=False``. ``limits`` maps ``"bytes"``,
    ``"depth"``, ``"nodes"`` and ``"memory"`` to sizes (0: no limit), as
    ``--max-bytes`` etc. do. ``adblock`` are ad-blocking lists in Adblock
    Plus / uBlock Origin syntax, such as EasyList, whose element-hiding
    rules drop what they match (``--adblock FILE``); ``"system"`` is the
    EasyList of Debian's uBlock Origin packages (``--adblock=system``).
    ``adblock_cache`` is a directory where lists are cached once compiled
    (None, the default: no cache). A rule file or list that cannot be read
    or compiled raises :class:`RulesError` here, not on the first page.

    One Extractor is safe to share across threads; extraction releases the
    GIL, so threads run pages in parallel.
    """

    def __init__(self, rules: Iterable[Union[str, os.PathLike]] = (), default_rules: bool = True,
                 limits: Optional[Mapping[str, int]] = None,
                 adblock: Iterable[Union[str, os.PathLike]] = (),
                 adblock_cache: Optional[Union[str, os.PathLike]] = None) -> None:
        if isinstance(rules, (str, bytes, os.PathLike)):
            rules = [rules]
        if isinstance(adblock, (str, bytes, os.PathLike)):
            adblock = [adblock]
        limits = dict(limits or {})
        unknown = sorted(set(limits) - set(_LIMITS))
        if unknown:
            raise UsageError(f"unknown limit {unknown[0]!r}; the limits are {', '.join(_LIMITS)}")
        self._core = _pith.Core(list(rules), bool(default_rules), limits,
                                [_list(a) for a in adblock], adblock_cache)

    def extract(self, html: HTML, url: Optional[str] = None, *, output_format: str = "txt",
                favor_precision: bool = False, favor_recall: bool = False,
                include_links: bool = False, include_images: bool = False,
                include_title: bool = True, with_metadata: bool = False,
                target_language: Optional[str] = None,
                encoding: Optional[str] = None,
                reference_date: Optional[str] = None) -> Optional[str]:
        """The article as ``pith --format FORMAT`` prints it, or None.

        ``html`` is a str (Unicode already: the page's charset declaration no
        longer applies) or bytes (pith detects the encoding as browsers do;
        ``encoding`` overrides it). ``url`` is the base for relative links
        and the JSON ``url`` when the page names no canonical one.
        ``output_format`` is ``"txt"``, ``"markdown"``, ``"json"`` or
        ``"html"``; ``include_links`` and ``include_images`` keep links and
        images in Markdown and HTML; ``include_title=False`` is
        ``--no-title``. ``with_metadata`` adds trafilatura's ``---`` header of
        metadata to txt and markdown (JSON always holds the metadata).
        ``target_language`` (a tag such as ``"de"`` or ``"en-US"``) is
        ``--target-language``: a page in another language gives None.
        ``reference_date`` is ``--date``: when the page was fetched (ISO
        8601, such as ``"2024-05-13T10:15:00Z"``, or an HTTP date); a
        relative dateline ("2 days ago", "vor 3 Stunden") counts back from
        it, and gives no date without it.
        """
        fmt = _format(output_format)
        lang = _language(target_language)
        ref = _reference(reference_date)
        if not with_metadata or fmt in (2, 3):
            return self._core.extract(html, url, encoding, fmt,
                                      _favor(favor_precision, favor_recall),
                                      include_links, include_images, include_title, lang, ref)
        doc = self._bare(html, url, encoding, fmt, favor_precision, favor_recall,
                         include_links, include_images, include_title, lang, ref)
        if doc is None:
            return None
        return _metadata_header(doc) + doc["output"]

    def bare_extraction(self, html: HTML, url: Optional[str] = None, *,
                        output_format: str = "txt", favor_precision: bool = False,
                        favor_recall: bool = False, include_links: bool = False,
                        include_images: bool = False, include_title: bool = True,
                        with_metadata: bool = True, target_language: Optional[str] = None,
                        encoding: Optional[str] = None,
                        reference_date: Optional[str] = None) -> Optional[Dict[str, Any]]:
        """The article and its metadata as a dict, or None.

        Keys: ``title``, ``author`` (authors joined by ``"; "``, as
        trafilatura does; ``authors`` holds the list), ``date`` (published),
        ``date_modified``, ``sitename``, ``hostname``, ``url``,
        ``description``, ``categories``, ``tags`` (lists), ``language``,
        ``image``, ``text`` (plain text without the title), and, for an
        output_format other than txt, ``markdown``, ``html`` or ``json``:
        the document :meth:`extract` returns. Missing values are None.
        ``with_metadata`` is accepted for trafilatura's sake: the metadata
        is always read. ``target_language`` and ``reference_date`` are as
        in :meth:`extract`.
        """
        del with_metadata
        fmt = _format(output_format)
        doc = self._bare(html, url, encoding, fmt, favor_precision, favor_recall,
                         include_links, include_images, include_title,
                         _language(target_language), _reference(reference_date))
        if doc is None:
            return None
        output = doc.pop("output")
        if _FORMAT_KEY[fmt]:
            doc[_FORMAT_KEY[fmt]] = output
        return doc

    def _document(self, html: HTML, url: Optional[str] = None, *, encoding: Optional[str] = None,
                  output_format: str = "txt", favor_precision: bool = False,
                  favor_recall: bool = False, include_links: bool = False,
                  include_images: bool = False, include_title: bool = True,
                  target_language: Optional[str] = None,
                  reference_date: Optional[str] = None) -> Optional[Dict[str, Any]]:
        """bare_extraction's dict with "output", the document extract()
        returns, whatever the format (for pith.scrapy)."""
        return self._bare(html, url, encoding, _format(output_format), favor_precision,
                          favor_recall, include_links, include_images, include_title,
                          _language(target_language), _reference(reference_date))

    def _bare(self, html: HTML, url: Optional[str], encoding: Optional[str], fmt: int,
              favor_precision: bool, favor_recall: bool, include_links: bool,
              include_images: bool, include_title: bool,
              lang: Optional[str] = None,
              ref: Optional[str] = None) -> Optional[Dict[str, Any]]:
        got = self._core.bare(html, url, encoding, fmt, _favor(favor_precision, favor_recall),
                              include_links, include_images, include_title, lang, ref)
        if got is None:
            return None
        output, js = got
        # The metadata and the plain text come from the --format json
        # document of the same extraction, so they are the command's.
        raw = json.loads(js)
        authors = raw["author"]
        if authors is None:
            authors = []
        elif isinstance(authors, str):
            authors = [authors]
        page_url = raw["url"] or url
        return {
            "title": raw["title"] or None,
            "author": "; ".join(authors) if authors else None,
            "authors": authors,
            "date": raw["date_published"],
            "date_modified": raw["date_modified"],
            "sitename": raw["site_name"],
            "hostname": _hostname(page_url),
            "url": page_url,
            "description": raw["description"],
            "categories": raw["categories"],
            "tags": raw["tags"],
            "language": raw["language"],
            "image": raw["image"],
            "text": raw["text"],
            "output": output,
        }


_default: Optional[Extractor] = None
_default_lock = threading.Lock()


def _default_extractor() -> Extractor:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract(html: HTML, url: Optional[str] = None, *, output_format: str = "txt",
            favor_precision: bool = False, favor_recall: bool = False,
            include_links: bool = False, include_images: bool = False,
            include_title: bool = True, with_metadata: bool = False,
            target_language: Optional[str] = None,
            encoding: Optional[str] = None,
            reference_date: Optional[str] = None) -> Optional[str]:
    """:meth:`Extractor.extract` with the bundled rules and default limits."""
    return _default_extractor().extract(
        html, url, output_format=output_format, favor_precision=favor_precision,
        favor_recall=favor_recall, include_links=include_links, include_images=include_images,
        include_title=include_title, with_metadata=with_metadata,
        target_language=target_language, encoding=encoding, reference_date=reference_date)


def bare_extraction(html: HTML, url: Optional[str] = None, *, output_format: str = "txt",
                    favor_precision: bool = False, favor_recall: bool = False,
                    include_links: bool = False, include_images: bool = False,
                    include_title: bool = True, with_metadata: bool = True,
                    target_language: Optional[str] = None,
                    encoding: Optional[str] = None,
                    reference_date: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """:meth:`Extractor.bare_extraction` with the bundled rules and default limits."""
    return _default_extractor().bare_extraction(
        html, url, output_format=output_format, favor_precision=favor_precision,
        favor_recall=favor_recall, include_links=include_links, include_images=include_images,
        include_title=include_title, with_metadata=with_metadata,
        target_language=target_language, encoding=encoding, reference_date=reference_date)
