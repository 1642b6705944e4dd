#!/usr/bin/env python3
"""Checks pith's Markdown, HTML and JSON outputs of one page with real parsers.

Usage: check_formats.py PITH PAGE.html [EXTRA PITH ARGS...]

- JSON: parsed strictly (json.loads, as `python3 -m json.tool` does); the
  members are the documented ones, in the documented order, with the
  documented types; no raw U+2028/U+2029 or control characters in the
  bytes; "text" is the text output; "markdown"/"html" are there only when
  asked for.
- HTML: parses as XML (so it is well-formed), uses only the allowed
  elements and the attributes href, src, alt and title, with no
  javascript: or data: URL.
- Markdown: rendered to HTML by cmark-gfm (Debian's cmark-gfm, with the
  table and strikethrough extensions); its structure (headings and their
  text, lists and their nesting, items, quotes, code blocks and their
  text, tables, rows and cells) and its whole text must equal those of
  pith's own HTML output. So the Markdown renders as the page did.

Exits 0 when every check passes, 1 otherwise (77 when cmark-gfm is
missing, which meson counts as a skip).
"""
import html.parser
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

MEMBERS = ["title", "author", "date_published", "date_modified", "site_name", "url",
           "language", "description", "image", "categories", "tags", "text"]
ALLOWED_TAGS = {"html", "head", "meta", "title", "body", "article", "p", "h1", "h2", "h3",
                "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em",
                "strong", "del", "sub", "sup", "q", "cite", "mark", "abbr", "a", "img", "br",
                "hr", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                "figure", "figcaption", "dl", "dt", "dd"}
ALLOWED_ATTRS = {"href", "src", "alt", "title"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$")

failures = []


def fail(msg):
    failures.append(msg)


def run(pith, args, page):
    p = subprocess.run([pith] + args + [page], capture_output=True)
    if p.returncode != 0:
        fail(f"pith {' '.join(args)} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
        return None
    return p.stdout


class Skeleton(html.parser.HTMLParser):
    """The block structure and text of an HTML fragment, normalised so that
    two renderings of the same article compare equal: paragraphs, thead and
    tbody, th and td, and inline markup are ignored; headings, lists,
    items, quotes, code blocks, tables, rows and cells are kept."""

    KEEP = {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
            "table", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []
        self.text = []
        self.cell = None  # the text of the cell being read

    def handle_starttag(self, tag, attrs):
        if tag in self.KEEP:
            self.events.append("<" + tag)
        elif tag in ("td", "th"):
            self.cell = []  # GFM pads short rows with empty cells: only
            # cells with text count
        if tag in ("br", "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                   "blockquote", "pre", "dt", "dd", "figcaption", "caption"):
            self.text.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            if "".join(self.cell).strip():
                self.events.append("<cell")
            self.cell = None
        if tag in self.KEEP:
            self.events.append(">" + tag)
        self.text.append(" ") if tag in ("p", "li", "td", "th", "pre") else None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def skeleton(fragment):
    s = Skeleton()
    s.feed(fragment)
    s.close()
    text = " ".join("".join(s.text).split())
    return s.events, text


def check_json(pith, page, extra):
    out = run(pith, ["--format", "json"] + extra, page)
    text_out = run(pith, ["--no-title"] + extra, page)
    if out is None or text_out is None:
        return
    raw = out.decode("utf-8")
    if "\u2028" in raw or "\u2029" in raw:
        fail("json: raw U+2028/U+2029 in the output")
    if any(ord(c) < 0x20 and c not in "\n" for c in raw):
        fail("json: a raw control character in the output")
    try:
        obj = json.loads(raw)
    except ValueError as e:
        fail(f"json: does not parse: {e}")
        return
    if list(obj.keys()) != MEMBERS + ["word_count"]:
        fail(f"json: members {list(obj.keys())}")
    for k in ("title", "text"):
        if not isinstance(obj.get(k), str):
            fail(f"json: {k} is not a string")
    a = obj.get("author")
    if not (a is None or isinstance(a, str) or (isinstance(a, list) and len(a) > 1 and
                                                all(isinstance(x, str) for x in a))):
        fail(f"json: author {a!r}")
    for k in ("date_published", "date_modified"):
        if obj.get(k) is not None and not ISO.match(obj[k]):
            fail(f"json: {k} {obj[k]!r} is not ISO 8601")
    for k in ("categories", "tags"):
        if not isinstance(obj.get(k), list):
            fail(f"json: {k} is not a list")
    if not isinstance(obj.get("word_count"), int) or obj["word_count"] <= 0:
        fail("json: word_count")
    if obj.get("text", "") + "\n" != text_out.decode("utf-8"):
        fail("json: text differs from the text output")
    # with the other formats asked for
    out = run(pith, ["--format", "json", "--include", "markdown", "--include", "html"] + extra, page)
    if out is not None:
        obj = json.loads(out.decode("utf-8"))
        if list(obj.keys()) != MEMBERS + ["markdown", "html", "word_count"]:
            fail(f"json --include: members {list(obj.keys())}")


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.bad.append(f"element <{tag}>")
        for k, v in attrs:
            if tag == "meta" and k == "charset":
                continue
            if tag == "html" and k == "lang":
                continue
            if k not in ALLOWED_ATTRS:
                self.bad.append(f"attribute {k} on <{tag}>")
            if k in ("href", "src") and v and re.match(r"\s*(javascript|data|vbscript):", v, re.I):
                self.bad.append(f"URL {v[:40]}")

    handle_startendtag = handle_starttag


def check_html(pith, page, extra):
    out = run(pith, ["--format", "html", "--links", "--images", "--no-title"] + extra, page)
    if out is None:
        return None
    doc = out.decode("utf-8")
    try:
        ET.fromstring(doc.replace("<!DOCTYPE html>", "", 1))
    except ET.ParseError as e:
        fail(f"html: not well-formed: {e}")
    c = Checker()
    c.feed(doc)
    for b in c.bad:
        fail("html: " + b)
    m = re.search(r"<article>\n(.*)\n</article>", doc, re.S)
    return m.group(1) if m else ""


def check_markdown(pith, page, extra, html_fragment):
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        print("cmark-gfm is missing: install it (apt-get install cmark-gfm)", file=sys.stderr)
        sys.exit(77)
    # without the title: the html fragment compared with has none
    out = run(pith, ["--format", "markdown", "--links", "--images", "--no-title"] + extra, page)
    if out is None or html_fragment is None:
        return
    p = subprocess.run([cmark, "-e", "table", "-e", "strikethrough"], input=out,
                       capture_output=True)
    if p.returncode:
        fail("cmark-gfm failed")
        return
    rendered = p.stdout.decode("utf-8")
    ev_md, text_md = skeleton(rendered)
    ev_html, text_html = skeleton(html_fragment)
    if ev_md != ev_html:
        import difflib
        d = "\n".join(difflib.unified_diff(ev_html, ev_md, "html", "markdown", lineterm="", n=2))
        fail("markdown: structure differs from the html output:\n" + d[:3000])
    if text_md != text_html:
        i = next((k for k in range(min(len(text_md), len(text_html))) if text_md[k] != text_html[k]),
                 min(len(text_md), len(text_html)))
        fail(f"markdown: rendered text differs from the html output at {i}:\n"
             f"  html:     ...{text_html[max(0, i - 60):i + 60]!r}\n"
             f"  markdown: ...{text_md[max(0, i - 60):i + 60]!r}")


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 99
    pith, page, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    p = subprocess.run([pith] + extra + [page], capture_output=True)
    if p.returncode == 1:
        # no article: every format prints nothing and exits 1 too
        for fmt in ("markdown", "json", "html"):
            q = subprocess.run([pith, "--format", fmt] + extra + [page], capture_output=True)
            if q.returncode != 1 or q.stdout:
                fail(f"--format {fmt} on a page without article: status {q.returncode}, "
                     f"{len(q.stdout)} bytes out")
        for f in failures:
            print(f"FAIL: {page}: {f}", file=sys.stderr)
        if not failures:
            print(f"ok: {page} (no article)")
        return 1 if failures else 0
    check_json(pith, page, extra)
    frag = check_html(pith, page, extra)
    check_markdown(pith, page, extra, frag)
    for f in failures:
        print(f"FAIL: {page}: {f}", file=sys.stderr)
    if not failures:
        print(f"ok: {page}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
