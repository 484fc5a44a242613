#!/usr/bin/env python3
"""Look at the built site in a real browser, as a reader would.

Opens the home page, a province, a district and an appointment order in headless
Chromium at phone (360 px) and desktop (1280 px) widths, saves a full-page screenshot
of each, and fails when a page logs a console error or scrolls sideways on the phone.

Usage: scripts/browser-check.sh [SITE_FOLDER] [SCREENSHOT_FOLDER]
       (defaults: site, browser-check)
"""
import base64
import functools
import http.server
import pathlib
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SITE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
OUT = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "browser-check").resolve()
PAGES = {
    "home": "index.html",
    "province": "84/index.html",
    "district": "84/8409/index.html",
    "order": "84/8409/order/index.html",
}
WIDTHS = {"phone": 360, "desktop": 1280}


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


SEARCHES = ["เหรัญญิก", "เขาวง", "ประไพ ตัวอย่างดี"]


def check_search(problems):
    """Serve the site on loopback and search it like a reader: Thai words must find pages."""
    if not (SITE / "search" / "meta.json").exists():
        print("search: the site was built without its search index (search: off); skipped")
        return
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(SITE))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = browser(1280)
    try:
        for term in SEARCHES:
            driver.get(f"http://127.0.0.1:{server.server_port}/search/")
            box = driver.find_element("css selector", "#search input")
            box.send_keys(term)
            results = []
            for _ in range(40):
                time.sleep(0.25)
                results = driver.find_elements("css selector", ".search-results li")
                if results:
                    break
            print(f"search '{term}': {len(results)} results")
            if term == SEARCHES[0]:
                picture = driver.execute_cdp_cmd("Page.captureScreenshot", {"fromSurface": True})
                (OUT / "search-desktop.png").write_bytes(base64.b64decode(picture["data"]))
            if not results:
                problems.append(f"search for '{term}' found nothing")
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        problems += [f"search: console error: {message}" for message in errors]
    finally:
        driver.quit()
        server.shutdown()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    problems = []
    for device, width in WIDTHS.items():
        driver = browser(width)
        try:
            for name, path in PAGES.items():
                page = SITE / path
                if not page.exists():
                    problems.append(f"{name}: {page} does not exist (run savnet build first)")
                    continue
                # Emulate the device: a desktop window cannot be narrower than about 500 px.
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": device == "phone"})
                driver.get(page.as_uri())
                errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
                problems += [f"{name} ({device}): console error: {message}" for message in errors]
                inner = driver.execute_script("return window.innerWidth")
                scroll = driver.execute_script("return document.documentElement.scrollWidth")
                if device == "phone" and max(scroll, inner) > width:
                    problems.append(f"{name} ({device}): scrolls sideways ({max(scroll, inner)} px wide on a {width} px screen)")
                height = driver.execute_script("return document.documentElement.scrollHeight")
                shot = OUT / f"{name}-{device}.png"
                picture = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "captureBeyondViewport": True, "fromSurface": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 12000), "scale": 1}})
                shot.write_bytes(base64.b64decode(picture["data"]))
                print(f"{shot.relative_to(OUT.parent)}: {scroll}x{height} in a {inner} px window")
        finally:
            driver.quit()
    check_search(problems)
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    print(f"{len(PAGES) * len(WIDTHS)} pages checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
