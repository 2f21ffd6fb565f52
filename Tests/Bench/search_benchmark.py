#!/usr/bin/env python3
"""The first search on a built site, in headless Chromium from file:// (run by run_benchmark.py).

    python3 Tests/Bench/search_benchmark.py SITE QUERY...

For each query, five times from a blank page: how many of the index's files the search page
loaded and their size, and the time from navigation to the results being shown (the page marks
its form with the query once they are; polled every 5 ms, so an upper bound). Medians.
"""
import os
import statistics
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
site = sys.argv[1]
options = Options()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
total = sum(os.path.getsize(os.path.join(folder, name)) for folder, _, names in os.walk(os.path.join(site, "search")) for name in names)
print(f"\nFirst search, headless Chromium, file://, five loads each, medians; the whole index is {total / 1e6:.1f} MB\n")
print("| query | results | index files loaded | their size | shown after |")
print("|---|---|---:|---:|---:|")
for query in sys.argv[2:]:
    times = []
    for _ in range(5):
        driver.get("about:blank")
        driver.get("file://" + os.path.join(site, "search/index.html") + "?q=" + urllib.parse.quote(query))
        while True:
            t = driver.execute_script("return document.querySelector('form[data-search]').getAttribute('data-shown') === arguments[0] ? performance.now() : null", query)
            if t is not None: break
            time.sleep(0.005)
        times.append(t)
        scripts = driver.execute_script("return Array.from(document.scripts).map(function(s){return s.src})")
    files = [urllib.parse.unquote(s[len("file://"):]) for s in scripts if "/search/" in s and s.endswith(".js")]
    size = sum(os.path.getsize(f) for f in files)
    status = driver.execute_script("return document.getElementById('search-status').textContent")
    print(f"| {query} | {status} | {len(files)} | {size / 1e6:.2f} MB | {statistics.median(times):.0f} ms |")
driver.quit()
