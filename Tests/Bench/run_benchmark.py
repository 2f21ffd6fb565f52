#!/usr/bin/env python3
"""Times canvass against Hugo on the seeded corpus, in one session, and prints a Markdown table
of medians. Run through `make bench` (installs Hugo and GNU time, builds canvass in release).

    python3 Tests/Bench/run_benchmark.py [--notes 10000] [--respondents 100000] [--runs 5] [--corpus DIR] [--varied]

Per run, in this order: Hugo cold builds of the bare site (a page per note and one list) and of
the fair one (what a researcher would publish with Hugo: tag pages, paginated lists, a JSON search
index; see generate_corpus.py), canvass cold build (no site, no cache), canvass rebuild with
nothing changed, canvass rebuild after a one-note edit. Every figure is given against both. With
--browser-python, then the first search on the site built last (search_benchmark.py). Then `canvass serve`
on a free port: the time from saving a note to the new text being served, over the same number
of edits. Wall time and peak memory (max RSS) come from GNU time.

Before a cold build the previous output is moved aside, not deleted, and everything moved aside
is deleted after the last run: on ext4 without a journal (this machine's disk), creating files
soon after deleting thousands costs seconds of kernel time (the inode allocator steps over
recently deleted inodes one by one), which made both tools' cold builds swing two- to threefold
with the benchmark's own deletions. For the same reason the corpus is written over in place,
and runs of this script should be a few minutes apart: the last thing it does is delete what it
moved aside. `--corpus /dev/shm/...` runs it all in memory.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CANVASS = os.path.join(REPO, ".build", "release", "canvass")


def timed(command):
    """Runs command under GNU time; returns (seconds, peak MiB)."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    seconds, kilobytes = re.findall(r"TIME ([\d.]+) (\d+)", result.stderr)[-1]
    return float(seconds), int(kilobytes) / 1024


def edit(note, run):
    with open(note, "a", encoding="utf-8") as handle:
        handle.write(f"\n- Benchmark edit {run} #support\n")
    return f"Benchmark edit {run}"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def serve_latency(project, note, page, runs):
    server = subprocess.Popen([CANVASS, "serve", project, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        port = re.search(r":(\d+)/", line).group(1)
        url = f"http://127.0.0.1:{port}/{page}"
        fetch(url)
        latencies = []
        for run in range(runs):
            token = edit(note, f"serve-{run}")
            started = time.monotonic()
            while token not in fetch(url):
                if time.monotonic() - started > 60:
                    sys.exit("serve did not show the edit within a minute")
                time.sleep(0.005)
            latencies.append(time.monotonic() - started)
            time.sleep(0.3)
        return latencies
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--respondents", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", default="/tmp/canvass-bench")
    parser.add_argument("--varied", action="store_true", help="the corpus of varied shape (generate_corpus.py --varied)")
    parser.add_argument("--browser-python", help="a Python with Selenium: then also time the first search (search_benchmark.py)")
    args = parser.parse_args()
    subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), args.corpus, "--notes", str(args.notes),
                    "--respondents", str(args.respondents)] + (["--varied"] if args.varied else []), check=True)
    project, hugo, fair = (os.path.join(args.corpus, name) for name in ("canvass", "hugo", "hugo-fair"))
    note = os.path.join(project, "content", "interviews", "2026-01", "note-00000.md")
    rows = {key: [] for key in ["cold", "nochange", "edit", "hugo", "fair"]}
    memory = {key: [] for key in rows}
    trash = os.path.join(args.corpus, "trash")
    shutil.rmtree(trash, ignore_errors=True)
    os.makedirs(trash)

    def move_aside(folder):
        if os.path.exists(folder):
            os.rename(folder, os.path.join(trash, str(len(os.listdir(trash)))))

    for run in range(args.runs):
        for key, site in [("hugo", hugo), ("fair", fair)]:
            move_aside(os.path.join(site, "public"))
            seconds, mib = timed(["hugo", "--quiet", "-s", site])
            hugo_notes = sum("index.html" in files and os.path.basename(folder).startswith("note-")
                             for folder, _, files in os.walk(os.path.join(site, "public")))
            if hugo_notes != args.notes:
                sys.exit(f"Hugo built {hugo_notes} note pages in {site}, not {args.notes}: the comparison would not be like for like")
            rows[key].append(seconds)
            memory[key].append(mib)
        move_aside(os.path.join(project, "site"))
        shutil.rmtree(os.path.join(project, ".canvass-cache"), ignore_errors=True)
        for key, prepare in [("cold", None), ("nochange", None), ("edit", lambda: edit(note, run))]:
            if prepare:
                prepare()
            seconds, mib = timed([CANVASS, "build", project, "--quiet"])
            rows[key].append(seconds)
            memory[key].append(mib)
        print(f"run {run + 1}: " + ", ".join(f"{key} {rows[key][-1]:.2f} s" for key in rows), file=sys.stderr)
    latencies = serve_latency(project, note, "notes/note-00000/", args.runs)
    shutil.rmtree(trash, ignore_errors=True)
    hugo_median, fair_median = statistics.median(rows["hugo"]), statistics.median(rows["fair"])

    def files(folder):
        return sum(len(names) for _, _, names in os.walk(folder))
    print(f"\n{args.notes} notes, {args.respondents} respondents{' (varied shape)' if args.varied else ''}, in {args.corpus}; "
          f"{args.runs} runs, medians; canvass writes {files(os.path.join(project, 'site'))} files, the bare Hugo site "
          f"{files(os.path.join(hugo, 'public'))}, the fair one {files(os.path.join(fair, 'public'))}; "
          f"Hugo {subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1]}\n")
    print("| | median | peak memory | ÷ Hugo, bare site | ÷ Hugo, fair site |")
    print("|---|---:|---:|---:|---:|")
    labels = {"cold": "canvass build, cold", "nochange": "canvass build, nothing changed",
              "edit": "canvass build, one note edited", "hugo": "Hugo, cold build of the bare site",
              "fair": "Hugo, cold build of the fair site"}
    for key, label in labels.items():
        median = statistics.median(rows[key])
        print(f"| {label} | {median:.2f} s | {statistics.median(memory[key]):.0f} MiB | {median / hugo_median:.2f} | {median / fair_median:.2f} |")
    print(f"| canvass serve, one note edited → new page served | {statistics.median(latencies) * 1000:.0f} ms | | | |")
    if args.browser_python:
        subprocess.run([args.browser_python, os.path.join(HERE, "search_benchmark.py"), os.path.join(project, "site"),
                        "reminders", "support ticket", "slow calendar week", "排班"], check=True)


if __name__ == "__main__":
    main()
