#!/usr/bin/env python3
"""tests/table_width.py SOURCE_ROOT BUILD_ROOT: no string fills its char [W].

pith writes its tables of names as char arrays, not pointers, so that the
loader has nothing to rewrite at start (bench/README.md, bench/relocs).
C accepts a string of exactly W bytes in a char [W] and drops its
NUL without a word; GCC says so only under -Wc++-compat ("initializer-string
for array of 'char' is too long for C++"), which also warns about much that
is fine in C, so the build cannot turn it on. This compiles every C file of
src/ (and the generated rules, rules/builtin_rules.c) as the build compiles
it (compile_commands.json: the same compiler, include directories and
dependencies' flags), with -fsyntax-only -Wc++-compat, and fails on that
warning alone, naming the file and line.

It first checks that the compiler reports a full array at all, so that a
compiler without the warning fails here instead of passing unseen.
"""
import concurrent.futures
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

# GCC 12-14 under -Wc++-compat; GCC 15 also under
# -Wunterminated-string-initialization (in -Wextra).
FULL = re.compile(r"initializer-string for array of .*(too long for C\+\+|truncates NUL terminator)")
# Flags of a build command that do not belong to a syntax check: outputs,
# dependency files, colour, and -Werror (every C++ remark would stop it).
DROP_WITH_ARG = {"-o", "-MQ", "-MF", "-MT"}
DROP = {"-c", "-MD", "-MMD", "-Werror", "-fdiagnostics-color=always"}


def check_command(command, source):
    """The build's command for one file, turned into the check."""
    args = shlex.split(command)
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
        elif a in DROP_WITH_ARG:
            skip = True
        elif a not in DROP and a != source:
            out.append(a)
    return out + ["-fsyntax-only", "-Wc++-compat", "-fdiagnostics-color=never", source]


def run(cmd, directory):
    # The messages in English, as FULL reads them.
    env = dict(os.environ, LC_ALL="C")
    p = subprocess.run(cmd, cwd=directory, capture_output=True, text=True, env=env)
    return p.returncode, p.stderr


def full_strings(stderr, directory, root):
    """file:line of each string that fills its array, relative to root."""
    found = []
    for line in stderr.splitlines():
        m = re.match(r"([^:]+):(\d+):\d+: (?:warning|error): (.*)", line)
        if m and FULL.search(m.group(3)):
            path = os.path.relpath(os.path.normpath(os.path.join(directory, m.group(1))), root)
            found.append(f"{path}:{m.group(2)}: {m.group(3)}")
    return found


def main():
    root, build = (os.path.realpath(a) for a in sys.argv[1:3])
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    src = os.path.join(root, "src") + os.sep
    files = {}
    for e in entries:
        path = os.path.realpath(os.path.join(e["directory"], e["file"]))
        # src/ itself, and generated sources the library compiles (the rules).
        mine = path.startswith(src) or (path.startswith(build + os.sep) and e.get("output", "").startswith("src" + os.sep))
        if mine and path not in files:
            files[path] = e
    on_disk = {os.path.join(d, n) for d, _, ns in os.walk(src) for n in ns if n.endswith(".c")}
    missing = sorted(os.path.relpath(p, root) for p in on_disk - set(files))
    if missing:
        print("not compiled by this build, so not checked: " + " ".join(missing))
        return 1

    # The compiler must see a full array: one command of the build, on a
    # file that holds one.
    some = next(iter(files.values()))
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "full.c")
        with open(probe, "w") as f:
            f.write('extern const char px_probe[][2];\nconst char px_probe[][2] = {"ab"};\n')
        rc, err = run(check_command(some["command"], some["file"])[:-1] + [probe], some["directory"])
        if not full_strings(err, some["directory"], tmp):
            print("the compiler does not report a string that fills its char array "
                  "(-Wc++-compat); this check cannot run with it:\n" + err)
            return 1

    bad, broken = [], []
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        jobs = {pool.submit(run, check_command(e["command"], e["file"]), e["directory"]): (p, e)
                for p, e in files.items()}
        for job in concurrent.futures.as_completed(jobs):
            path, e = jobs[job]
            rc, err = job.result()
            bad += full_strings(err, e["directory"], root)
            if rc:
                broken.append(f"{os.path.relpath(path, root)} does not compile for the check:\n{err}")
    for b in broken:
        print(b)
    for b in sorted(bad):
        print(b)
    if bad:
        print("a string of exactly W bytes in a char [W] has no NUL: make W larger")
    print(f"{len(files)} files checked")
    return 1 if bad or broken else 0


if __name__ == "__main__":
    sys.exit(main())
