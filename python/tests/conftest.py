"""Shared helpers of the python suite: the pith command and the fixtures.

meson test sets PITH_BIN (the command built with the package) and
PITH_SOURCE_ROOT; run by hand, the defaults assume build/ in the checkout.
"""

import glob
import os
import subprocess

import pytest

ROOT = os.environ.get("PITH_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PITH = os.environ.get("PITH_BIN") or os.path.join(ROOT, "build", "src", "pith")
FIXTURES = os.path.join(ROOT, "fixtures")

# output_format -> the command's options for the same document. Markdown
# and HTML with links and images, as the golden files are made.
FORMATS = {
    "txt": ([], {}),
    "markdown": (["--format", "markdown", "--links", "--images"],
                 {"include_links": True, "include_images": True}),
    "html": (["--format", "html", "--links", "--images"],
             {"include_links": True, "include_images": True}),
    "json": (["--format", "json"], {}),
}


def fixture_names(articles_only=False):
    """Every fixtures/NAME.html, sorted; with articles_only, those with a
    NAME.expected.txt (the golden ones)."""
    names = []
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*.html"))):
        name = os.path.basename(path)[:-5]
        if name.endswith(".expected"):
            continue  # NAME.expected.html is a golden output, not a page
        if articles_only and not os.path.exists(os.path.join(FIXTURES, name + ".expected.txt")):
            continue
        names.append(name)
    return names


def fixture_path(name):
    return os.path.join(FIXTURES, name + ".html")


def fixture_bytes(name):
    with open(fixture_path(name), "rb") as f:
        return f.read()


def run_pith(args, path=None, data=None):
    """(exit status, stdout bytes, stderr str) of the command."""
    cmd = [PITH] + list(args) + ([path] if path else [])
    proc = subprocess.run(cmd, input=data, capture_output=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def pith_output(args, path=None, data=None):
    """What the command prints, as str, or None when it finds no article."""
    rc, out, err = run_pith(args, path, data)
    if rc == 1:
        assert out == b"", "exit 1 with output"
        return None
    assert rc == 0, f"pith {' '.join(args)} {path}: exit {rc}: {err}"
    return out.decode("utf-8")


@pytest.fixture(scope="session")
def pith_bin():
    assert os.access(PITH, os.X_OK), f"{PITH} is not an executable (build first)"
    return PITH
