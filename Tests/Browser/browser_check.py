#!/usr/bin/env python3
"""Checks a built site in a real browser (headless Chromium driven by Selenium) — issue 8.

    python3 Tests/Browser/browser_check.py SITE_FOLDER

* every internal link and image of every page resolves, anchors included (read from the files);
* each page type, at 375 and 1280 pixels: no console errors, no sideways scrolling of the page,
  every chart drawn with a size;
* search finds results for an English and a Chinese query, from file://, its status line counts them
  ("1 result"), and "constructor" finds nothing without a script error.

Uses Debian's chromium and chromedriver directly (no driver download). Prints "N passed, N failed".
"""
import glob
import html.parser
import os
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

site = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "site")
passed, failed = 0, 0


def check(condition, message):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", message)


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.targets.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"):
            self.targets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.targets.append(attrs["href"])


def parse(path):
    parser = Links()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser


# 1. Links and images, statically, over every page.
pages = sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))
parsed = {path: parse(path) for path in pages}
for path, parser in parsed.items():
    if path.endswith("404.html"):
        continue  # links from the base URL, served from any depth
    for target in parser.targets:
        scheme = urllib.parse.urlparse(target).scheme
        if scheme in ("http", "https", "mailto") or target.startswith("#") and not target[1:]:
            continue
        file_part, _, fragment = target.partition("#")
        file_part = file_part.split("?")[0]
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
        exists = os.path.exists(resolved)
        check(exists, f"{os.path.relpath(path, site)}: broken link {target}")
        if exists and fragment and resolved.endswith(".html"):
            ids = parsed[resolved].ids if resolved in parsed else parse(resolved).ids
            check(fragment in ids, f"{os.path.relpath(path, site)}: missing anchor {target}")

# 2. Page types in the browser.
options = Options()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def first(pattern):
    found = sorted(glob.glob(os.path.join(site, pattern)))
    return os.path.relpath(found[0], site) if found else None


types = [p for p in [
    "index.html", "notes/index.html", first("notes/*/index.html"), "themes/index.html", first("themes/*/index.html"),
    "gaps/index.html", first("gaps/*/index.html"), "personas/index.html", first("personas/*/index.html"),
    "needs/index.html", "service/index.html", "quality/index.html", "methodology/index.html",
    first("pages/*/index.html"), "search/index.html", "404.html",
] if p and os.path.exists(os.path.join(site, p))]
try:
    for width in (375, 1280):
        driver.set_window_size(width, 900)
        for page in types:
            driver.get("file://" + os.path.join(site, page))
            errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
                      and not (page == "404.html" and "ERR_FILE_NOT_FOUND" in entry["message"])]
            check(not errors, f"{page} at {width}px: console errors {errors[:2]}")
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            check(overflow <= 1, f"{page} at {width}px: the page scrolls sideways by {overflow}px")
            charts = driver.execute_script(
                "return Array.from(document.querySelectorAll('svg.chart')).map(s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
            check(all(w > 0 and h > 0 for w, h in charts), f"{page} at {width}px: a chart is not drawn {charts}")
            images = driver.execute_script("return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
            check(not images, f"{page} at {width}px: images not loaded {images}")
    # 3. Search, offline, in both languages; a word every JavaScript object has a property for
    #    ("constructor") finds nothing rather than stopping the script; one result is "1 result".
    for query, found in (("reminders", True), ("培训", True), ("allergy", True), ("constructor", False), ("reminders constructor", False)):
        driver.get("file://" + os.path.join(site, "search/index.html") + "?q=" + urllib.parse.quote(query))
        time.sleep(0.3)
        results = driver.execute_script("return document.querySelectorAll('#search-results li').length")
        status = driver.execute_script(
            "var s = document.getElementById('search-status'); return [s.textContent, s.getAttribute('data-none')]")
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"search for {query!r}: console errors {errors[:2]}")
        if found:
            check(results > 0, f"search for {query!r} found nothing")
            expected = f"{results} result" + ("" if results == 1 else "s")
            check(status[0] == expected, f"search for {query!r}: status {status[0]!r}, expected {expected!r}")
        else:
            check(results == 0 and status[0] == status[1], f"search for {query!r}: {results} results, status {status[0]!r}")
        print(f"search {query!r}: {results} results")
finally:
    driver.quit()

print(f"browser: checked {len(pages)} pages' links, {len(types)} page types at two widths")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
