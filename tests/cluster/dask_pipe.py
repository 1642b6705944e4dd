#!/usr/bin/env python3
"""Runs pith's JSON Lines mode under a real Dask cluster, one process per partition.

Usage: dask_pipe.py PITH FIXTURES_DIR

Builds a JSON Lines file from the fixtures (about 200 records
{"id": N, "url": ..., "html": ...} plus a few edge lines: one that is not
JSON, one without html, a blank line, one whose "title" collides with an
extraction field), runs `PITH --jsonl -j 1 -q` over the whole file in one
process as the reference, then starts a distributed.LocalCluster (2 worker
processes, 1 thread each), reads the file as a dask bag of at least 4
partitions and pipes every partition through `PITH --jsonl -q -j 1` with
map_partitions + subprocess.run, as docs/scale-out.md shows.

Checks: the concatenated partition outputs equal the reference line for
line (so every record is back once, in its place, errors included); every
id comes back exactly once with the reference's text; the edge lines give
the expected error records. Exit 0 on success, 1 on a failure (with a
message), and 1 too when dask or distributed cannot be imported: the README
installs both, so a machine set up by it must run this test.
Everything runs under a watchdog: a hung worker or pith process fails the
test instead of hanging it, and all temporary files are removed.
"""

import collections
import contextlib
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TARGET_RECORDS = 200
MIN_PARTITIONS = 4
PARTITIONS = 6
PIPE_TIMEOUT = 60        # seconds for one pith process (one partition)
COMPUTE_TIMEOUT = 120    # seconds for the whole dask computation
WATCHDOG = 170           # seconds for the whole test, cluster start and stop included
REEXEC_ENV = "PITH_DASK_PIPE_REEXEC"


def import_dask():
    """Imports dask.bag and distributed, or fails.

    Debian's python3-dask lives in /usr/bin/python3's dist-packages; when
    this script runs under another python3 (a pyenv or venv first in PATH),
    it starts itself again under /usr/bin/python3 before giving up."""
    try:
        import dask  # noqa: F401
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
        return
    except ImportError as e:
        reason = str(e)
    system = "/usr/bin/python3"
    if (os.environ.get(REEXEC_ENV) is None and os.path.exists(system)
            and os.path.realpath(sys.executable) != os.path.realpath(system)):
        os.environ[REEXEC_ENV] = "1"
        sys.stdout.flush()
        os.execv(system, [system, os.path.abspath(__file__)] + sys.argv[1:])
    print(f"FAIL: dask/distributed cannot be imported ({reason}); "
          "apt-get install python3-dask python3-distributed", flush=True)
    sys.exit(1)


# ---------------------------------------------------------------------------
# The pipe, as documented in docs/scale-out.md: one pith process per
# partition, its stdin the partition's lines, its stdout one record per
# non-blank line, in the same order.

def pith_partition(lines, pith, timeout=PIPE_TIMEOUT):
    data = "".join(l if l.endswith("\n") else l + "\n" for l in lines)
    proc = subprocess.run([pith, "--jsonl", "-q", "-j", "1"],
                          input=data.encode("utf-8"), capture_output=True,
                          timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"pith exited with {proc.returncode}: "
                           f"{proc.stderr.decode('utf-8', 'replace')[:500]}")
    return proc.stdout.decode("utf-8").splitlines()


# ---------------------------------------------------------------------------

class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def utf8_fixtures(fixtures_dir):
    """(name, text) of the fixtures that decode as UTF-8, sorted by name."""
    pages = []
    for path in sorted(glob.glob(os.path.join(fixtures_dir, "*.html"))):
        raw = open(path, "rb").read()
        try:
            pages.append((os.path.basename(path)[:-5], raw.decode("utf-8")))
        except UnicodeDecodeError:
            continue  # legacy-charset pages: their bytes don't fit a JSON string
    return pages


def build_input(path, pages):
    """Writes the JSON Lines input; returns (ids, edge) where edge names the
    special records' ids."""
    ids = []
    edge = {}
    lines = []
    n = 0
    rounds = max(1, -(-TARGET_RECORDS // len(pages)))
    for r in range(rounds):
        for name, html in pages:
            rec = {"id": n, "url": f"https://example.test/{r}/{name}.html",
                   "html": html, "batch": r}
            # Half the lines raw UTF-8, half \u-escaped: both must work.
            lines.append(json.dumps(rec, ensure_ascii=(n % 2 == 0)))
            ids.append(n)
            n += 1
            if n == 37:
                lines.append("this line is not JSON {")
                edge["bad_json_index"] = len(lines) - 1
            if n == 81:
                lines.append(json.dumps({"id": n, "url": "https://example.test/nohtml"}))
                edge["no_html"] = n
                ids.append(n)
                n += 1
            if n == 120:
                lines.append("")  # a blank line: no output record
            if n == 150:
                lines.append(json.dumps({"id": n, "url": "https://example.test/t",
                                         "title": "the input's title",
                                         "html": pages[0][1]}))
                edge["collision"] = n
                ids.append(n)
                n += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return ids, edge, len([l for l in lines if l.strip()])


def run_reference(pith, path):
    proc = subprocess.run([pith, "--jsonl", "-j", "1", "-q", path],
                          capture_output=True, timeout=PIPE_TIMEOUT * 2)
    check(proc.returncode == 0,
          f"reference run exited with {proc.returncode}: "
          f"{proc.stderr.decode('utf-8', 'replace')[:500]}")
    return proc.stdout.decode("utf-8").splitlines()


def check_reference(ref, ids, edge, nonblank, pages):
    check(len(ref) == nonblank,
          f"reference: {len(ref)} output lines for {nonblank} non-blank input lines")
    recs = [json.loads(l) for l in ref]
    bad = recs[edge["bad_json_index"]]
    check("error" in bad and "id" not in bad,
          f"reference: the non-JSON line gave {bad!r}, expected an error record")
    by_id = {r["id"]: r for r in recs if "id" in r}
    check(sorted(by_id) == sorted(ids), "reference: ids missing or repeated")
    check("error" in by_id[edge["no_html"]] and "text" not in by_id[edge["no_html"]],
          f"reference: the record without html gave {by_id[edge['no_html']]!r}")
    col = by_id[edge["collision"]]
    check(col.get("title") == "the input's title" and "text" in col,
          f"reference: the input's title did not win: {col.get('title')!r}")
    check(all("html" not in r for r in recs), "reference: an html member came back")
    names = [name for name, _ in pages]
    texts = 0
    for i, r in enumerate(recs):
        if "text" in r and "error" not in r:
            texts += 1
            check(r["text"].strip() and r["word_count"] > 0,
                  f"reference: empty text in {r.get('id')}")
        elif "id" in r and r["id"] not in (edge["no_html"],):
            # A page without an article keeps its metadata, with no text.
            check(r.get("text", "") == "", f"reference: text and error in {r.get('id')}")
            # Only the non-article fixtures may fail.
            name = r["url"].rsplit("/", 1)[-1][:-5]
            check(name.startswith("nonarticle-") and "error" in r,
                  f"reference: {name} (id {r['id']}) gave no text: {r.get('error')!r}")
    articles = sum(1 for n in names if not n.startswith("nonarticle-"))
    check(texts >= articles, f"reference: only {texts} records with text")
    return recs


@contextlib.contextmanager
def local_cluster(tmp):
    """A Client on a LocalCluster of 2 worker processes with 1 thread each,
    on the loopback interface, its files in tmp."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"temporary-directory": tmp,
                          "distributed.comm.timeouts.connect": "30s",
                          "distributed.scheduler.allowed-failures": 2}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address="127.0.0.1:0",
                          scheduler_kwargs={"dashboard": False},
                          worker_dashboard_address="127.0.0.1:0",
                          local_directory=tmp, memory_limit="2GiB",
                          death_timeout=30) as cluster, \
                Client(cluster, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            yield client


def run_dask(pith, path, tmp):
    import dask.bag as db
    from distributed import wait

    size = os.path.getsize(path)
    blocksize = -(-size // PARTITIONS)
    t0 = time.monotonic()
    with local_cluster(tmp) as client:
        started = time.monotonic() - t0
        bag = db.read_text(path, blocksize=blocksize, encoding="utf-8")
        check(bag.npartitions >= MIN_PARTITIONS,
              f"the bag has {bag.npartitions} partitions, expected at least {MIN_PARTITIONS}")
        out = bag.map_partitions(pith_partition, pith)
        # One future per partition, so that we can tell where each ran.
        futures = client.compute(out.to_delayed())
        wait(futures, timeout=COMPUTE_TIMEOUT)
        parts = client.gather(futures)
        where = client.who_has(futures)
        workers = {w for ws in where.values() for w in ws}
        t1 = time.monotonic() - t0
    print(f"dask: {bag.npartitions} partitions on {len(workers)} worker(s), "
          f"cluster up in {started:.1f}s, done in {t1:.1f}s", flush=True)
    return parts


def compare(parts, ref, ids):
    lines = [l for part in parts for l in part]
    recs = []
    for i, l in enumerate(lines):
        try:
            recs.append(json.loads(l))
        except ValueError as e:
            raise Failure(f"dask: output line {i + 1} is not JSON ({e}): {l[:200]}")
    counts = collections.Counter(r["id"] for r in recs if "id" in r)
    missing = [i for i in ids if counts[i] == 0]
    twice = [i for i, c in counts.items() if c > 1]
    check(not missing, f"dask: ids never came back: {missing[:20]}")
    check(not twice, f"dask: ids came back more than once: {twice[:20]}")
    check(set(counts) == set(ids), "dask: unknown ids came back")
    check(len(lines) == len(ref),
          f"dask: {len(lines)} output lines, the reference has {len(ref)}")
    ref_recs = [json.loads(l) for l in ref]
    for i, (a, b) in enumerate(zip(recs, ref_recs)):
        check(a.get("id") == b.get("id"),
              f"dask: line {i + 1} is id {a.get('id')}, the reference has {b.get('id')}")
        check(a.get("text") == b.get("text"),
              f"dask: id {a.get('id')}: text differs from the reference")
        check(a == b, f"dask: line {i + 1} (id {a.get('id')}) differs from the reference:\n"
                      f"  dask:      {lines[i][:300]}\n  reference: {ref[i][:300]}")
    # Byte for byte too (same key order, same number formatting).
    for i, (a, b) in enumerate(zip(lines, ref)):
        check(a == b, f"dask: line {i + 1} is not byte-identical to the reference")


def kill_children():
    try:
        import psutil
        procs = psutil.Process().children(recursive=True)
        for p in procs:
            try:
                p.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(procs, timeout=5)
    except Exception:  # pragma: no cover - best effort on the way out
        pass


def main():
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pith, fixtures_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    if not os.access(pith, os.X_OK):
        print(f"FAIL: {pith} is not an executable", file=sys.stderr)
        return 1
    import_dask()

    def body(tmp):
        pages = utf8_fixtures(fixtures_dir)
        if not pages:
            raise Failure(f"no UTF-8 fixtures in {fixtures_dir}")
        path = os.path.join(tmp, "pages.jsonl")
        ids, edge, nonblank = build_input(path, pages)
        print(f"input: {len(ids)} records from {len(pages)} fixtures, "
              f"{nonblank} non-blank lines, {os.path.getsize(path)} bytes", flush=True)
        ref = run_reference(pith, path)
        check_reference(ref, ids, edge, nonblank, pages)
        errors = sum(1 for l in ref if '"error"' in l)
        print(f"reference: {len(ref)} lines, {errors} error records", flush=True)
        parts = run_dask(pith, path, tmp)
        compare(parts, ref, ids)
        return f"{len(ids)} records through dask match the single-process run"

    return guarded("pith-dask-", WATCHDOG, body)


def guarded(prefix, seconds, body):
    """Runs body(tmp) in a fresh temporary directory under a watchdog: a
    hung worker or pith process fails the test instead of hanging it, and
    the directory is removed whatever happens. body returns the OK line
    or raises Failure. Returns the exit status."""
    tmp = tempfile.mkdtemp(prefix=prefix)

    def watchdog():
        print(f"FAIL: the test did not finish in {seconds}s (a hung worker?)",
              file=sys.stderr, flush=True)
        kill_children()
        shutil.rmtree(tmp, ignore_errors=True)
        os._exit(1)

    timer = threading.Timer(seconds, watchdog)
    timer.daemon = True
    timer.start()
    start = time.monotonic()
    try:
        ok = body(tmp)
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr, flush=True)
        return 1
    except Exception as e:
        print(f"FAIL: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        return 1
    finally:
        timer.cancel()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"OK: {ok} ({time.monotonic() - start:.1f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
