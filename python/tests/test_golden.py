"""Every fixture through pith.extract gives the command's bytes, in all
four formats."""

import pytest

import pith
from conftest import FORMATS, fixture_bytes, fixture_names, fixture_path, pith_output

GOLDEN = fixture_names(articles_only=True)


def _is_utf8(name):
    try:
        fixture_bytes(name).decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


UTF8_GOLDEN = [n for n in GOLDEN if _is_utf8(n)]


def test_there_are_golden_fixtures():
    assert len(GOLDEN) >= 20


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", GOLDEN)
def test_golden_fixture_equals_command(name, fmt, pith_bin):
    args, kwargs = FORMATS[fmt]
    expected = pith_output(args, fixture_path(name))
    assert expected, f"the command found no article in {name}"
    got = pith.extract(fixture_bytes(name), output_format=fmt, **kwargs)
    assert got == expected


@pytest.mark.parametrize("name", GOLDEN)
def test_no_title_equals_command(name, pith_bin):
    expected = pith_output(["--no-title"], fixture_path(name))
    assert pith.extract(fixture_bytes(name), include_title=False) == expected


@pytest.mark.parametrize("name", fixture_names())
def test_every_fixture_agrees_on_no_article(name, pith_bin):
    """Non-article pages: None where the command exits 1."""
    expected = pith_output([], fixture_path(name))
    assert pith.extract(fixture_bytes(name)) == expected


def test_golden_text_is_the_expected_file():
    """The txt output is the checked-in golden file, not only the command's."""
    for name in GOLDEN:
        with open(fixture_path(name)[:-5] + ".expected.txt", encoding="utf-8") as f:
            assert pith.extract(fixture_bytes(name)) == f.read(), name


@pytest.mark.parametrize("name", UTF8_GOLDEN)
def test_str_input_is_unicode_already(name, pith_bin):
    """A str goes in as UTF-8 whatever the page declares: the command with
    --encoding utf-8 on the page's UTF-8 bytes."""
    text = fixture_bytes(name).decode("utf-8")
    expected = pith_output(["--encoding", "utf-8", "--format", "markdown"], fixture_path(name))
    assert pith.extract(text, output_format="markdown") == expected
