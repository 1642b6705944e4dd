#!/usr/bin/env python3
"""The in-process form of docs/scale-out.md on a real Dask cluster.

Usage: dask_inprocess.py PITH FIXTURES_DIR   (with the pith package importable)

Builds the same JSON Lines input as dask_pipe.py, runs `PITH --jsonl` over
it in one process (the pipe form's records), then starts a
distributed.LocalCluster (2 worker processes, 1 thread each) and maps
extract_records, the function docs/scale-out.md shows (taken from the
document itself, so the document cannot drift), over the partitions of a
dask.bag. Every record with an id must equal the pipe's, member for
member and in the same order. Like dask_pipe.py this test fails, not
skips, when Dask or the package is missing: the README installs both.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dask_pipe  # noqa: E402  (the input and the reference run)

DOC = os.path.join(HERE, "..", "..", "docs", "scale-out.md")
WATCHDOG = 240


def documented_function():
    """extract_records as docs/scale-out.md writes it."""
    text = open(DOC, encoding="utf-8").read()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    code = [b for b in blocks if "def extract_records" in b]
    dask_pipe.check(len(code) == 1, "docs/scale-out.md: no single extract_records block")
    namespace = {"__name__": "scale_out_doc"}
    exec(compile(code[0], DOC, "exec"), namespace)
    return namespace["extract_records"]


def run_dask(path, tmp, extract_records):
    import dask.bag as db

    def loads(line):
        try:
            rec = json.loads(line)
        except ValueError:
            return None  # the edge line that is not JSON: the pipe's own error
        return rec if isinstance(rec, dict) else None

    blocksize = -(-os.path.getsize(path) // dask_pipe.PARTITIONS)
    with dask_pipe.local_cluster(tmp):
        bag = db.read_text(path, blocksize=blocksize, encoding="utf-8")
        dask_pipe.check(bag.npartitions >= dask_pipe.MIN_PARTITIONS,
                        f"only {bag.npartitions} partitions")
        records = (bag.map(loads).filter(lambda r: r is not None)
                      .map_partitions(lambda part: list(extract_records(part))))
        return records.compute(), bag.npartitions


def main():
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pith_bin, fixtures = os.path.abspath(sys.argv[1]), sys.argv[2]
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
        import pith  # noqa: F401
    except ImportError as e:
        print(f"FAIL: {e}: apt-get install python3-dask python3-distributed, and build "
              "the pith package (README, Quick start)", file=sys.stderr)
        return 1
    def body(tmp):
        extract_records = documented_function()
        pages = dask_pipe.utf8_fixtures(fixtures)
        path = os.path.join(tmp, "pages.jsonl")
        ids, edge, _ = dask_pipe.build_input(path, pages)
        ref = [json.loads(l) for l in dask_pipe.run_reference(pith_bin, path)]
        pipe = [r for r in ref if "id" in r]
        got, nparts = run_dask(path, tmp, extract_records)
        dask_pipe.check(len(got) == len(pipe),
                        f"{len(got)} records in-process, {len(pipe)} through the pipe")
        texts = 0
        for a, b in zip(got, pipe):
            dask_pipe.check(a.get("id") == b.get("id"),
                            f"record {a.get('id')} where the pipe has {b.get('id')}")
            if "error" in b:
                # The reasons are the library's own except for input the
                # pipe refuses before extraction (no html member).
                dask_pipe.check("error" in a and "text" not in a,
                                f"id {a['id']}: the pipe failed ({b['error']}), in-process gave {a}")
                continue
            dask_pipe.check(list(a.items()) == list(b.items()),
                            f"id {a['id']} differs:\n  in-process: {json.dumps(a)[:300]}\n"
                            f"  pipe:       {json.dumps(b)[:300]}")
            texts += 1
        dask_pipe.check(texts > len(pipe) // 2, f"only {texts} records with text")
        dask_pipe.check(sorted(r["id"] for r in got) == sorted(ids), "ids lost or repeated")
        return (f"{len(got)} records from {nparts} partitions in-process equal the pipe's "
                f"({texts} with text)")

    return dask_pipe.guarded("pith-dask-inproc-", WATCHDOG, body)


if __name__ == "__main__":
    sys.exit(main())
