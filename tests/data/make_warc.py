#!/usr/bin/env python3
"""Builds a WARC file from HTML files, for tests of `pith --warc`.

usage: make_warc.py OUT.warc[.gz] [--gzip] [--url-prefix URL] [--date DATE]
                    [--charset CS] FILE [[--charset CS] FILE...]

The file holds a warcinfo record, then for each FILE a request, the
response (HTTP/1.1 200, Content-Type: text/html; charset=CS), a metadata
record and a PNG response: so of 1 + 4 * N records, N are pages and the
rest must be skipped. The URL of FILE is URL-PREFIX followed by its base
name (default prefix http://example.com/).

--gzip (or an OUT ending in .gz) writes each record as its own gzip member,
as Common Crawl does. --charset applies to the FILEs after it (default
utf-8; the bytes are written as they are, not converted). --date sets
WARC-Date (default: now); record IDs are derived from the URLs, so with
--date the output is the same from run to run.
"""
import datetime
import gzip
import os
import sys
import uuid

# The smallest valid PNG: 1x1, transparent.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def usage(msg):
    sys.exit(f"make_warc.py: {msg}\n{__doc__.split(chr(10) + chr(10))[1]}")


def parse_args(argv):
    opts = {"gzip": False, "prefix": "http://example.com/", "date": None}
    files, charset = [], "utf-8"
    it = iter(argv)
    out = next(it, None)
    if out is None or out.startswith("--"):
        usage("the output file comes first")
    for arg in it:
        if arg == "--gzip":
            opts["gzip"] = True
        elif arg in ("--url-prefix", "--date", "--charset"):
            value = next(it, None)
            if value is None:
                usage(f"{arg} needs a value")
            if arg == "--charset":
                charset = value
            else:
                opts["prefix" if arg == "--url-prefix" else "date"] = value
        elif arg.startswith("--"):
            usage(f"unknown option {arg}")
        else:
            files.append((arg, charset))
    if not files:
        usage("no HTML files given")
    opts["gzip"] = opts["gzip"] or out.endswith(".gz")
    return out, files, opts


class Writer:
    def __init__(self, out, use_gzip, date):
        self.out, self.gzip, self.date = out, use_gzip, date
        self.count = 0

    def record(self, kind, uri, content_type, block, extra=()):
        # Derived, not random: the same inputs give the same file.
        self.count += 1
        rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{self.count} {kind} {uri}")
        head = [
            "WARC/1.0",
            f"WARC-Type: {kind}",
            f"WARC-Date: {self.date}",
            f"WARC-Record-ID: <urn:uuid:{rid}>",
        ]
        if uri:
            head.append(f"WARC-Target-URI: {uri}")
        head += list(extra)
        head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
        self.out.write(gzip.compress(data, mtime=0) if self.gzip else data)
        return rid


def http_response(content_type, body):
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def main():
    out_path, files, opts = parse_args(sys.argv[1:])
    date = opts["date"] or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    pages = []
    for path, charset in files:
        with open(path, "rb") as f:
            pages.append((path, charset, f.read()))
    with open(out_path, "wb") as out:
        w = Writer(out, opts["gzip"], date)
        info = f"software: make_warc.py (pith tests)\r\nformat: WARC File Format 1.0\r\n"
        w.record("warcinfo", None, "application/warc-fields", info.encode(),
                 [f"WARC-Filename: {os.path.basename(out_path)}"])
        for path, charset, body in pages:
            url = opts["prefix"] + os.path.basename(path)
            host = url.split("/")[2] if url.count("/") >= 2 else "example.com"
            request = f"GET /{os.path.basename(path)} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
            req_id = w.record("request", url, "application/http; msgtype=request", request)
            w.record("response", url, "application/http; msgtype=response",
                     http_response(f"text/html; charset={charset}", body),
                     [f"WARC-Concurrent-To: <urn:uuid:{req_id}>"])
            w.record("metadata", url, "application/warc-fields", b"fetchTimeMs: 42\r\n")
            w.record("response", url + ".png", "application/http; msgtype=response",
                     http_response("image/png", PNG))


if __name__ == "__main__":
    main()
