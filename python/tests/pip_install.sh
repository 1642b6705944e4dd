#!/bin/sh
# The offline install the README documents: a venv that sees Debian's
# python3-mesonpy, and `pip install --no-build-isolation .` with no index.
# Then the installed package (imported from outside the source tree) must
# print what the command prints, and the wheel must have put the pith
# command in the venv too.
#
# Usage: pip_install.sh PYTHON SOURCE_ROOT PITH
set -eu
python=$1 root=$2
pith=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")  # absolute: we cd below
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$python" -m venv --system-site-packages "$tmp/venv"
(cd "$root" && "$tmp/venv/bin/pip" install -q --no-build-isolation --no-deps --no-index .) \
  > "$tmp/pip.log" 2>&1 || { tail -30 "$tmp/pip.log" >&2; echo "FAIL: pip install" >&2; exit 1; }
cd "$tmp"
"$tmp/venv/bin/python" - "$root/fixtures/russia-china.html" "$pith" <<'PY'
import subprocess, sys
import pith
assert "/venv/" in pith.__file__, pith.__file__
page = sys.argv[1]
for args, kwargs in (([], {}), (["--format", "json"], {"output_format": "json"})):
    want = subprocess.run([sys.argv[2], *args, page], capture_output=True, check=True).stdout
    got = pith.extract(open(page, "rb").read(), **kwargs)
    assert got.encode() == want, args
print("installed:", pith.__file__, pith.__version__)
PY
"$tmp/venv/bin/pith" --version
