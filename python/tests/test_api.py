"""The package's API: metadata, input types, options, bad input, errors."""

import json
import os

import pytest

import pith
from conftest import fixture_bytes, fixture_names, fixture_path, pith_output, run_pith

SEED = "russia-china"


# --- bare_extraction -------------------------------------------------------

def test_bare_extraction_gives_the_json_metadata(pith_bin):
    """The seed page: every field of bare_extraction is the command's
    --format json member (trafilatura's name on the left)."""
    cmd = json.loads(pith_output(["--format", "json"], fixture_path(SEED)))
    doc = pith.bare_extraction(fixture_bytes(SEED))
    names = {"title": "title", "date": "date_published", "date_modified": "date_modified",
             "sitename": "site_name", "url": "url", "description": "description",
             "categories": "categories", "tags": "tags", "language": "language",
             "image": "image", "text": "text"}
    for ours, theirs in names.items():
        assert doc[ours] == cmd[theirs], ours
    authors = cmd["author"] if isinstance(cmd["author"], list) else [cmd["author"]]
    assert doc["authors"] == authors
    assert doc["author"] == "; ".join(authors)
    assert doc["hostname"] == "capitalledger.example"
    # The seed page has all of them: none may come back empty.
    for key in ("title", "author", "date", "sitename", "url", "description", "categories",
                "tags", "language", "image", "text"):
        assert doc[key], key


def test_bare_extraction_holds_the_format_asked_for(pith_bin):
    doc = pith.bare_extraction(fixture_bytes(SEED), output_format="markdown",
                               include_links=True, include_images=True)
    assert doc["markdown"] == pith_output(["--format", "markdown", "--links", "--images"],
                                          fixture_path(SEED))
    assert "html" not in doc and "json" not in doc
    plain = pith.bare_extraction(fixture_bytes(SEED))
    assert set(doc) - set(plain) == {"markdown"}


def test_bare_extraction_url_argument_fills_url_and_hostname():
    page = (b"<html><head><title>A walk</title></head><body><article>"
            + b"<p>We walked along the river for a long while and talked about trees.</p>" * 8
            + b"</article></body></html>")
    doc = pith.bare_extraction(page, "https://news.example.org/walk")
    assert doc["url"] == "https://news.example.org/walk"
    assert doc["hostname"] == "news.example.org"
    assert doc["author"] is None and doc["tags"] == []


def test_bare_extraction_none_without_article():
    assert pith.bare_extraction(fixture_bytes("nonarticle-404")) is None


def test_with_metadata_adds_the_header():
    out = pith.extract(fixture_bytes(SEED), with_metadata=True)
    head, _, body = out.partition("---\n")[2].partition("---\n")
    assert "author: Ledger News Desk\n" in head
    assert "date: 2022-03-15T03:42:11+00:00\n" in head
    assert "tags: China,Russia,Ukraine\n" in head
    assert body == pith.extract(fixture_bytes(SEED))


# --- options map to the command's -----------------------------------------

@pytest.mark.parametrize("kwargs,args", [
    ({"favor_precision": True}, ["--favor", "precision"]),
    ({"favor_recall": True}, ["--favor", "recall"]),
    ({"output_format": "markdown"}, ["--format", "markdown"]),
    ({"output_format": "html", "include_title": False}, ["--format", "html", "--no-title"]),
    ({"output_format": "json", "include_links": True}, ["--format", "json"]),
    ({"url": "https://example.test/a/b.html", "output_format": "json"},
     ["--format", "json", "--url", "https://example.test/a/b.html"]),
    ({"encoding": "windows-1251"}, ["--encoding", "windows-1251"]),
])
@pytest.mark.parametrize("name", ["wp-twentytwenty-blog", "longform-rate-limiting-guide",
                                  "ru-koi8r-most"])
def test_options_equal_the_command(name, kwargs, args, pith_bin):
    kwargs = dict(kwargs)
    url = kwargs.pop("url", None)
    assert pith.extract(fixture_bytes(name), url, **kwargs) == pith_output(args, fixture_path(name))


def test_rule_files(tmp_path, pith_bin):
    rules = tmp_path / "site.rules"
    rules.write_text("drop tag=blockquote\n", encoding="utf-8")
    name = "longform-rate-limiting-guide"
    ex = pith.Extractor(rules=[str(rules)])
    got = ex.extract(fixture_bytes(name))
    assert got == pith_output(["--rules", str(rules)], fixture_path(name))
    assert got != pith.extract(fixture_bytes(name))
    only = pith.Extractor(rules=[rules], default_rules=False)
    assert only.extract(fixture_bytes(name)) == pith_output(
        ["--no-default-rules", "--rules", str(rules)], fixture_path(name))


def test_bad_rule_file_names_line_and_reason(tmp_path):
    bad = tmp_path / "bad.rules"
    bad.write_text("drop klass=ad\n", encoding="utf-8")
    with pytest.raises(pith.RulesError) as e:
        pith.Extractor(rules=[str(bad)])
    assert "bad.rules:1" in str(e.value) and e.value.code == 4
    rc, _, err = run_pith(["--rules", str(bad)], fixture_path(SEED))
    assert rc == 4 and str(e.value) in err


def test_missing_rule_file():
    with pytest.raises(pith.RulesError, match="no-such.rules"):
        pith.Extractor(rules=["/nonexistent/no-such.rules"])


def test_limits(pith_bin):
    page = fixture_bytes(SEED)
    ex = pith.Extractor(limits={"bytes": 1000})
    with pytest.raises(pith.LimitError) as e:
        ex.extract(page)
    assert e.value.code == 6
    rc, _, err = run_pith(["--max-bytes", "1000"], fixture_path(SEED))
    assert rc == 6 and str(e.value) in err
    # 0 turns a limit off; other Extractors keep theirs.
    assert pith.Extractor(limits={"bytes": 0}).extract(page) == pith.extract(page)
    with pytest.raises(pith.UsageError, match="unknown limit 'pages'"):
        pith.Extractor(limits={"pages": 3})
    with pytest.raises(pith.UsageError):
        pith.Extractor(limits={"bytes": -1})


# --- input types and bad input --------------------------------------------

def test_str_bytes_bytearray_memoryview_agree():
    raw = fixture_bytes(SEED)
    want = pith.extract(raw)
    assert pith.extract(raw.decode("utf-8")) == want
    assert pith.extract(bytearray(raw)) == want
    assert pith.extract(memoryview(raw)) == want


def test_empty_input_has_no_article():
    assert pith.extract(b"") is None
    assert pith.extract("") is None
    assert pith.bare_extraction(b"") is None


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"%PDF-1.7\n" + bytes(200), "PDF"),
    (b"\x1f\x8b\x08\x00" + bytes(200), "gzip"),
    (bytes(range(32)) * 64, "binary"),
])
def test_binary_input_is_refused(data, what, pith_bin):
    with pytest.raises(pith.InputError) as e:
        pith.extract(data)
    assert e.value.code == 3 and isinstance(e.value, pith.Error)
    rc, _, err = run_pith([], data=data)
    assert rc == 3 and str(e.value) in err


def test_over_the_byte_limit_is_refused():
    page = b"<p>" + b"word " * 300_000 + b"</p>"
    ex = pith.Extractor(limits={"bytes": 1_000_000})
    with pytest.raises(pith.LimitError):
        ex.extract(page)


def test_deep_nesting_does_not_crash():
    page = b"<div>" * 200_000 + b"<p>deep text here, and more of it, many words long.</p>"
    out = pith.extract(page)
    assert out is None or "deep text" in out


def test_lone_surrogate_str_is_bad_input():
    with pytest.raises(pith.InputError, match="surrogate"):
        pith.extract("<p>\ud800</p>")


@pytest.mark.parametrize("bad", [None, 42, ["<p>x</p>"], object()])
def test_wrong_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match="str or bytes"):
        pith.extract(bad)


def test_bad_arguments_are_usage_errors():
    page = fixture_bytes(SEED)
    with pytest.raises(pith.UsageError, match="output_format"):
        pith.extract(page, output_format="pdf")
    with pytest.raises(ValueError):
        pith.extract(page, output_format="xml")
    with pytest.raises(pith.UsageError, match="exclude"):
        pith.extract(page, favor_precision=True, favor_recall=True)
    with pytest.raises(pith.UsageError, match="encoding"):
        pith.extract(page.decode("utf-8"), encoding="koi8-r")
    with pytest.raises(TypeError):
        pith.extract(page, url=b"https://x")
    with pytest.raises(TypeError):
        pith.extract(page, "https://x", "txt")  # keyword-only, as in trafilatura


def test_unknown_encoding_label(pith_bin):
    rc, _, err = run_pith(["--encoding", "no-such-charset"], fixture_path(SEED))
    with pytest.raises(pith.Error) as e:
        pith.extract(fixture_bytes(SEED), encoding="no-such-charset")
    assert e.value.code == rc and str(e.value) in err


def test_error_hierarchy():
    for cls in (pith.UsageError, pith.InputError, pith.RulesError, pith.LimitError,
                pith.OutOfMemoryError):
        assert issubclass(cls, pith.Error)
    assert issubclass(pith.UsageError, ValueError)
    assert issubclass(pith.OutOfMemoryError, MemoryError)


def test_version_is_the_command_s(pith_bin):
    rc, out, _ = run_pith(["--version"])
    assert out.decode().split()[-1] == pith.__version__ == pith.version()


def test_typing_files_are_installed_beside_the_module():
    here = os.path.dirname(pith.__file__)
    assert os.path.exists(os.path.join(here, "py.typed"))
    assert os.path.exists(os.path.join(here, "_pith.pyi"))


def test_docstrings():
    for obj in (pith, pith.extract, pith.bare_extraction, pith.Extractor,
                pith.Extractor.extract, pith.Extractor.bare_extraction, pith.Error):
        assert obj.__doc__ and len(obj.__doc__) > 30, obj


# --- target_language (--target-language) ------------------------------------

GERMAN = "de-news-fernwaerme"


@pytest.mark.parametrize("name", [GERMAN, SEED])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_target_language_is_the_commands(pith_bin, name, lang):
    """A German and an English page asked for in German and in English:
    extract() and bare_extraction() give what `pith --target-language`
    prints, None where the command finds no article (exit 1)."""
    want = pith_output(["--target-language", lang], fixture_path(name))
    assert pith.extract(fixture_bytes(name), target_language=lang) == want
    # For a page in another language the command still prints its JSON
    # (metadata, no text) with exit status 1; Python's None is that status.
    rc, out, err = run_pith(["--target-language", lang, "--format", "json"], fixture_path(name))
    assert rc in (0, 1), err
    doc = pith.bare_extraction(fixture_bytes(name), output_format="json", target_language=lang)
    assert (doc is None) == (rc == 1) == (want is None)
    if doc:
        assert doc["json"].encode("utf-8") == out
    # Each page is kept in its own language and dropped in the other.
    assert (want is None) == ((name == GERMAN) != (lang == "de"))


def test_target_language_does_not_leak_between_calls():
    """One extractor serves every language: the per-flag extractor cache
    keys on the language too, so asking for "de" does not change a later
    call without one."""
    ex = pith.Extractor()
    page = fixture_bytes(SEED)
    plain = ex.extract(page)
    assert ex.extract(page, target_language="de") is None
    assert ex.extract(page) == plain
    assert ex.extract(page, target_language="en-GB") == plain


def test_bad_target_language():
    with pytest.raises(pith.UsageError, match="target_language"):
        pith.extract(fixture_bytes(SEED), target_language="d e")
    with pytest.raises(pith.UsageError, match="target_language"):
        pith.extract(fixture_bytes(SEED), target_language=7)


# --- reference_date (--date) ---------------------------------------------------

RELATIVE = "de-wp-vor-stunden-freibad"


def test_reference_date_is_the_commands(pith_bin):
    """The page's dateline says "vor 3 Stunden": with reference_date it is
    the date `pith --date` gives, without one there is none."""
    ref = "2024-05-13T10:15:00Z"
    rc, out, err = run_pith(["--format", "json", "--date", ref], fixture_path(RELATIVE))
    assert rc == 0, err
    cmd = json.loads(out)
    assert cmd["date_published"] == "2024-05-13T07:15:00+00:00"
    doc = pith.bare_extraction(fixture_bytes(RELATIVE), reference_date=ref)
    assert doc["date"] == cmd["date_published"]
    assert pith.extract(fixture_bytes(RELATIVE), output_format="json",
                        reference_date=ref).encode("utf-8") == out
    assert pith.bare_extraction(fixture_bytes(RELATIVE))["date"] is None


def test_bad_reference_date():
    with pytest.raises(pith.UsageError, match="not a date"):
        pith.extract(fixture_bytes(RELATIVE), reference_date="yesterday")
    with pytest.raises(pith.UsageError, match="reference_date"):
        pith.extract(fixture_bytes(RELATIVE), reference_date=1715595300)


# --- adblock (--adblock) ------------------------------------------------------

AD_PAGE = (b"<!DOCTYPE html><html lang=en><head><title>Harvest</title></head><body><article>"
           b"<h1>A record apple harvest in the valley</h1>"
           b"<p>Growers in the valley picked more apples this autumn than in any year since "
           b"the cooperative began to keep records, after a warm spring and a wet summer.</p>"
           b"<div class=qz-unit>Tractor sale this weekend only at Delmont Motors</div>"
           b"<p>Pickers from three neighbouring regions came to help, and several farms hired "
           b"twice as many workers as last year to bring the crop in before the first frost.</p>"
           b"<p>The regional council plans to open a second packing house next spring so that "
           b"the growers can sell more of their fruit fresh.</p>"
           b"</article></body></html>")
AD = "Tractor sale"
# A class no bundled rule knows (".promo-box" the bundled rules drop on
# their own), so only the list can drop it.


def test_adblock_list_drops_what_the_command_drops(pith_bin, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(AD_PAGE)
    lst = tmp_path / "list.txt"
    lst.write_text("[Adblock Plus 2.0]\n! Written for this test.\n##.qz-unit\n",
                   encoding="utf-8")
    # Without the list the advert is part of the article (so the test can fail).
    assert AD in pith.extract(AD_PAGE)
    rc, want, err = run_pith(["--adblock", str(lst)], str(page))
    assert rc == 0, err
    ex = pith.Extractor(adblock=[str(lst)])
    got = ex.extract(AD_PAGE)
    assert AD not in got and "Pickers from three" in got
    assert got.encode("utf-8") == want
    # A single path, a PathLike, and a cache directory give the same bytes.
    for other in (pith.Extractor(adblock=str(lst)),
                  pith.Extractor(adblock=[lst], adblock_cache=tmp_path / "cache")):
        assert other.extract(AD_PAGE).encode("utf-8") == want
    doc = ex.bare_extraction(AD_PAGE)
    assert AD not in doc["text"]


def test_missing_adblock_list_raises_the_commands_message(tmp_path):
    missing = str(tmp_path / "no-such-list.txt")
    with pytest.raises(pith.RulesError, match="no-such-list.txt") as e:
        pith.Extractor(adblock=[missing])
    rc, _, err = run_pith(["--adblock", missing], fixture_path(SEED))
    assert rc == e.value.code == 4 and str(e.value) in err


def test_adblock_system_is_debians_easylist(pith_bin):
    """"system" is --adblock=system: the same bytes, or the same error
    when no uBlock Origin package is installed."""
    rc, want, err = run_pith(["--adblock=system"], fixture_path(SEED))
    if rc == 0:
        got = pith.Extractor(adblock=["system"]).extract(fixture_bytes(SEED))
        assert got.encode("utf-8") == want
    else:
        with pytest.raises(pith.RulesError) as e:
            pith.Extractor(adblock="system")
        assert rc == e.value.code and str(e.value) in err
