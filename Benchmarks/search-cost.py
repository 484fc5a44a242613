#!/usr/bin/env python3
"""What search costs at national scale: builds with and without the search index, side
by side, Hugo's peak memory as the yardstick, and the bytes a reader's query fetches.

Called by Benchmarks/search-cost.sh, which builds savnet and prepares the content.
Full builds alternate with and without search (--no-cache, output on a tmpfs); edit
builds alternate too, each mode in its own copy of the project (its own cache and
output), after the same edit: a member of one subdistrict network renamed. Every run
is one process measured by GNU time. Query bytes: Tests/search/run.js runs the site's
own search.js under Node for five queries taken from the content.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from compare import measure  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--savnet", required=True)
    parser.add_argument("--hugo-site", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = pathlib.Path(args.work).resolve()
    repository = pathlib.Path(__file__).resolve().parent.parent
    shm = pathlib.Path("/dev/shm")
    out = pathlib.Path(os.environ.get("BENCH_OUT") or (shm / "savnet-search-bench" if shm.is_dir() else work.parent / "search-bench"))
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    files = sum(1 for _ in (work / "content").rglob("*.md"))
    print(f"content: {files} network files; {args.runs} runs of each, alternating")

    # Two copies of the project: one with search on, one with it off; each keeps its own
    # output and build cache.
    copies = {}
    for search in (True, False):
        copy = out / ("project-with" if search else "project-without")
        copy.mkdir()
        settings = (work / "savnet.yml").read_text(encoding="utf-8")
        settings = re.sub(r"(?m)^search:.*$", "", settings) + f"search: {'on' if search else 'off'}\n"
        (copy / "savnet.yml").write_text(settings, encoding="utf-8")
        for extra in work.glob("*.tsv"):
            shutil.copy(extra, copy / extra.name)
        shutil.copytree(work / "themes", copy / "themes")
        shutil.copytree(work / "content", copy / "content")
        copies[search] = copy

    def build(search, cache):
        command = [args.savnet, "build", "--force", "--today", "2567-06-01"] + ([] if cache else ["--no-cache"])
        return measure(command, copies[search])

    # Full builds (each replaces the output whole).
    full = {True: [], False: []}
    build(True, False)
    build(False, False)
    for _ in range(args.runs):
        for search in (True, False):
            full[search].append(build(search, False))

    # Hugo's full build, for its peak memory.
    hugo = []
    for _ in range(2):
        shutil.rmtree(out / "hugo", ignore_errors=True)
        hugo.append(measure(["hugo", "--quiet", "--source", args.hugo_site, "--contentDir", str(work / "content"),
                             "--destination", str(out / "hugo")], work))

    # Edit builds, with the cache the last full build saved.
    target = sorted(p.relative_to(work / "content") for p in (work / "content").rglob("*.md")
                    if len(p.relative_to(work / "content").parts) == 3)[files // 3]
    edits = {True: [], False: []}
    for search in (True, False):
        build(search, True)
    for run in range(args.runs):
        for search in (True, False):
            path = copies[search] / "content" / target
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(\n    name: )(\S+)", lambda m: f"{m.group(1)}แก้ไข{run}{m.group(2)}", text, count=1),
                            encoding="utf-8")
            edits[search].append(build(search, True))

    def med(runs, index):
        return statistics.median(r[index] for r in runs)

    print(f"full build without search   wall {med(full[False], 0):7.2f} s   peak {med(full[False], 2) / 1024:6.0f} MiB")
    print(f"full build with search      wall {med(full[True], 0):7.2f} s   peak {med(full[True], 2) / 1024:6.0f} MiB")
    print(f"hugo full build             wall {med(hugo, 0):7.2f} s   peak {med(hugo, 2) / 1024:6.0f} MiB")
    print(f"edit build without search   wall {med(edits[False], 0):7.2f} s")
    print(f"edit build with search      wall {med(edits[True], 0):7.2f} s")
    ratios = [a[0] / b[0] for a, b in zip(full[True], full[False])]
    edit_ratios = [a[0] / b[0] for a, b in zip(edits[True], edits[False])]
    print(f"with/without search: full build wall {statistics.median(ratios):.2f}, "
          f"edit build wall {statistics.median(edit_ratios):.2f}; "
          f"peak with search / hugo peak {med(full[True], 2) / med(hugo, 2):.2f}")

    # Five queries a reader would type, from the content itself.
    site = copies[True] / "site"
    documents = []
    for chunk in sorted((site / "search" / "d").glob("*.json"), key=lambda p: int(p.stem)):
        documents += json.loads(chunk.read_text(encoding="utf-8"))
    province = next(row for row in documents if row[1].count("/") == 1)
    district = next(row for row in documents if row[1].count("/") == 2)
    sample = sorted((work / "content").rglob("*.md"))[files // 2]
    text = sample.read_text(encoding="utf-8")
    person = re.search(r"\n  - position: .+\n    title: .+\n    name: (.+)", text).group(1).strip()
    group = re.search(r"\n  - village: \d+\n    name: (.+)", text)
    queries = [province[2].split(" › ")[0], district[2].split(" › ")[0], person, person.split()[-1]]
    if group:
        queries.append(group.group(1).strip())
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as listing:
        for query in queries:
            listing.write(f"{query}\t*\n")
    result = subprocess.run(["node", str(repository / "Tests/search/run.js"), str(site), listing.name],
                            capture_output=True, text=True)
    print("query bytes (after the search page itself):")
    print(result.stdout.rstrip())


if __name__ == "__main__":
    main()
