#!/usr/bin/env python3
"""Times `savnet serve` from saving a file to the reloaded page.

    Benchmarks/serve-reload.sh [SCALE]     (generates the content, builds savnet, runs this)
    python3 Benchmarks/serve-reload.py SITE_FOLDER SAVNET [RUNS]

Starts `savnet serve --port 0` in SITE_FOLDER and, RUNS times, does what a browser
with an open page and an editor do: the page waits on /_savnet/wait; the editor saves a
subdistrict's file (written beside it and renamed into place, as editors save); when the
wait answers, the page is fetched again and must show the edit. Prints the median, the
fastest and the slowest save-to-reloaded-page time, and the server's start-up time.
"""
import http.client
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time
import json


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    savnet = sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    started = time.perf_counter()
    server = subprocess.Popen([savnet, "serve", "--port", "0", "--today", "2567-06-01"], cwd=site,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        if "http://" not in line:
            sys.exit(f"savnet serve did not start: {line!r}")
        address = line.split("http://")[1].split("/")[0]
        host, port = address.split(":")
        load = time.perf_counter() - started

        def get(path):
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            connection.close()
            return response.status, body

        content = site / "content"
        files = sorted(p for p in content.rglob("*.md") if len(p.relative_to(content).parts) == 3)
        target = files[len(files) // 2]
        code = target.stem
        page = f"/{code[:2]}/{code[:4]}/{code}/"
        status, _ = get(page)
        if status != 200:
            sys.exit(f"{page}: HTTP {status}")
        original = target.read_text(encoding="utf-8")
        times = []
        try:
            for run in range(runs):
                _, body = get("/_savnet/wait?v=0")
                version = json.loads(body)["version"]
                answered = {}

                def wait():
                    answered["body"] = get(f"/_savnet/wait?v={version}")[1]

                waiter = threading.Thread(target=wait)
                waiter.start()
                time.sleep(0.05)  # the page is waiting before the save
                marker = f"savnet-reload-{run}-{time.time_ns()}"
                temporary = target.with_name("." + target.name + ".tmp")
                saved = time.perf_counter()
                temporary.write_text(original + f"\n{marker}\n", encoding="utf-8")
                os.replace(temporary, target)
                waiter.join()
                status, body = get(page)
                reloaded = time.perf_counter()
                if status != 200 or marker.encode() not in body:
                    sys.exit(f"run {run}: the reloaded page does not show the edit (HTTP {status})")
                times.append((reloaded - saved) * 1000)
        finally:
            target.write_text(original, encoding="utf-8")
        files_count = len(list(content.rglob("*.md")))
        print(f"savnet serve: {files_count} network files, loaded and serving in {load:.1f} s")
        print(f"save to reloaded page ({page}, {runs} saves): median {statistics.median(times):.1f} ms "
              f"(fastest {min(times):.1f}, slowest {max(times):.1f})")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
