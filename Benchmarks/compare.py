#!/usr/bin/env python3
"""Runs savnet and Hugo alternately on the same content and prints medians and ratios.

Called by Benchmarks/compare-hugo.sh, which prepares the content and the tools.
Each run is one whole process measured by GNU time (wall, user + system CPU, peak
resident memory). Runs alternate A B A B ... so that drift in the machine's speed
affects both; the ratio is taken run by run and its median reported.
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def measure(command, cwd):
    """(wall seconds, cpu seconds, peak KiB) of one run; stops on failure."""
    with tempfile.NamedTemporaryFile("r") as report:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
        wall, user, system, peak = report.read().split()[-4:]
        return float(wall), float(user) + float(system), int(peak)


def median_row(name, runs):
    walls, cpus, peaks = zip(*runs)
    return f"{name:<34} wall {statistics.median(walls):7.2f} s   cpu {statistics.median(cpus):7.2f} s   " \
           f"peak {statistics.median(peaks) / 1024:7.0f} MiB   (min–max wall {min(walls):.2f}–{max(walls):.2f})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--savnet", required=True)
    parser.add_argument("--hugo-site", required=True)
    parser.add_argument("--rebuild-benchmark")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = pathlib.Path(args.work).resolve()
    shm = pathlib.Path("/dev/shm")
    out = pathlib.Path(os.environ.get("BENCH_OUT") or (shm / "savnet-bench" if shm.is_dir() else work / "out"))
    out.mkdir(parents=True, exist_ok=True)
    files = sum(1 for _ in (work / "content").rglob("*.md"))
    print(f"content: {files} network files in {work}; output in {out}; {args.runs} runs each, alternating")

    savnet_out, hugo_out = out / "savnet", out / "hugo"
    report = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
    version = next((line.strip() for line in report.splitlines() if line.startswith("hugo v")), "hugo (version unknown)")
    print(f"measured against: {version}")
    savnet_build = [args.savnet, "build", "--no-search", "--output", str(savnet_out)]
    hugo_build = ["hugo", "--quiet", "--source", args.hugo_site, "--contentDir", str(work / "content"),
                  "--destination", str(hugo_out)]

    def fresh(path):
        shutil.rmtree(path, ignore_errors=True)
        if path == savnet_out:
            # A full build starts without savnet's build cache too (it writes one).
            shutil.rmtree(work / ".savnet", ignore_errors=True)

    # Warm-up: one run of each, not counted.
    fresh(savnet_out); measure(savnet_build, work)
    fresh(hugo_out); measure(hugo_build, work)

    savnet_runs, hugo_runs, ratios_wall, ratios_peak = [], [], [], []
    for _ in range(args.runs):
        fresh(savnet_out)
        a = measure(savnet_build, work)
        fresh(hugo_out)
        b = measure(hugo_build, work)
        savnet_runs.append(a)
        hugo_runs.append(b)
        ratios_wall.append(a[0] / b[0])
        ratios_peak.append(a[2] / b[2])

    # After the builds: `check` reads the cache the last one wrote (the content is
    # unchanged); `check --no-cache` parses and checks everything, as on a fresh clone.
    check = [measure([args.savnet, "check"], work) for _ in range(args.runs)]
    check_cold = [measure([args.savnet, "check", "--no-cache"], work) for _ in range(args.runs)]

    # The floor: copying savnet's own output tree on the same disk, the cost of writing
    # its bytes and files with nothing computed.
    floor_out = out / "floor"
    floors = []
    for _ in range(args.runs):
        shutil.rmtree(floor_out, ignore_errors=True)
        floors.append(measure(["cp", "-r", str(savnet_out), str(floor_out)], work))
    shutil.rmtree(floor_out, ignore_errors=True)

    # One file edited, then the same build again over the existing output, with the
    # build cache the last full build wrote (each edit build updates it).
    target = sorted((work / "content").rglob("*.md"))[100]
    original = target.read_text(encoding="utf-8")
    edits = []
    for run in range(args.runs):
        # The body and a committee member's name (which shows on several pages, the
        # documents and directory.json).
        edited = original.replace("ข้อมูลสังเคราะห์", f"ข้อมูลสังเคราะห์ (แก้ไขครั้งที่ {run + 1})")
        edited = re.sub(r"(\n    name: [^\n]+)", rf"\1 แก้ไข{run + 1}", edited, count=1)
        assert edited != original
        target.write_text(edited, encoding="utf-8")
        edits.append(measure(savnet_build, work))
    target.write_text(original, encoding="utf-8")

    print(median_row("savnet build (full, fresh output)", savnet_runs))
    print(median_row("hugo (full, fresh output)", hugo_runs))
    print(median_row("floor: cp -r of savnet's output", floors))
    print(median_row("savnet check (after the build, its cache)", check))
    print(median_row("savnet check --no-cache (from scratch)", check_cold))
    print(median_row("savnet build after a one-file edit", edits))
    cache = work / ".savnet" / "cache"
    if cache.is_dir():
        sizes = {path.name: path.stat().st_size / 2**20 for path in cache.iterdir() if path.is_file()}
        print("build cache: " + ", ".join(f"{name} {size:.0f} MiB" for name, size in sorted(sizes.items())))
    if args.rebuild_benchmark:
        engine = subprocess.run([args.rebuild_benchmark, str(work), "20"], capture_output=True, text=True, check=True)
        for line in engine.stdout.splitlines():
            print("engine: " + line)
    floor = statistics.median(f[0] for f in floors)
    print(f"savnet full build / floor = {statistics.median(r[0] for r in savnet_runs) / floor:.1f}; "
          f"hugo / floor = {statistics.median(r[0] for r in hugo_runs) / floor:.1f}")
    hugo_wall = statistics.median(r[0] for r in hugo_runs)
    print(f"check / hugo full build: {statistics.median(r[0] for r in check) / hugo_wall:.3f} with the cache, "
          f"{statistics.median(r[0] for r in check_cold) / hugo_wall:.3f} from scratch; "
          f"edit build / hugo full build: {statistics.median(r[0] for r in edits) / hugo_wall:.3f}")
    print(f"ratios per pair (savnet/hugo): wall {', '.join(f'{r:.2f}' for r in ratios_wall)}")
    print(f"savnet/hugo wall={statistics.median(ratios_wall):.2f} peak={statistics.median(ratios_peak):.2f}")


if __name__ == "__main__":
    main()
