#!/usr/bin/python3
"""bench/speed --peer: readability-lxml (Debian python3-readability) on the
same pages, in one process. Reads every page named on stdin (one path a
line) into memory first, then extracts each in turn (Document(html).summary()
and its text, as a caller would), and prints one line:
"pages seconds failures" with the wall time of the extraction loop only.
"""
import sys
import time

import lxml.html
from readability import Document


def main():
    paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    pages = []
    for p in paths:
        with open(p, "rb") as f:
            pages.append(f.read())
    failures = 0
    t0 = time.perf_counter()
    for html in pages:
        try:
            summary = Document(html).summary()
            lxml.html.fromstring(summary).text_content()
        except Exception:  # readability raises on pages it cannot read
            failures += 1
    dt = time.perf_counter() - t0
    print(len(pages), f"{dt:.6f}", failures)


if __name__ == "__main__":
    main()
