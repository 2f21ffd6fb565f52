#!/usr/bin/env python3
"""Recomputes the example study's survey figures with numpy and scipy, independently of Canvass,
and compares them with site/data/*.json. Exit 1 on any disagreement beyond 1e-9 (relative).

Independent means: this script reads the raw CSV itself, applies the cleaning rules of SPEC §3.2
(ratings must be whole numbers on their scale, else they are excluded), and uses scipy's
`ttest_rel`, `t.ppf` and `binomtest(...).proportion_ci(method="wilson")`.

Run: python3 Tests/CrossCheck/crosscheck_example.py  (after `make site`)
"""
import csv
import json
import math
import os
import sys

import numpy as np
from scipy import stats

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DIMENSIONS = ["function", "performance", "appearance", "price", "service"]
WEIGHTS = {"function": 30, "performance": 20, "appearance": 10, "price": 15, "service": 25}
failures = []
checks = 0


def value(cell, low, high):
    try:
        number = float(cell)
    except ValueError:
        return None
    if not math.isfinite(number) or number != round(number) or number < low or number > high:
        return None
    return number


def agree(label, ours, theirs, tolerance=1e-9):
    global checks
    checks += 1
    if ours is None or theirs is None:
        if ours is not theirs:
            failures.append(f"{label}: canvass {ours} vs independent {theirs}")
        return
    if abs(ours - theirs) > tolerance * max(1.0, abs(theirs)):
        failures.append(f"{label}: canvass {ours!r} vs independent {theirs!r}")


def describe(label, values, ours):
    values = np.array(values, dtype=float)
    agree(label + ".n", ours["n"], len(values))
    agree(label + ".mean", ours["mean"], values.mean())
    agree(label + ".sd", ours["sd"], values.std(ddof=1))
    half = stats.t.ppf(0.975, len(values) - 1) * values.std(ddof=1) / math.sqrt(len(values))
    agree(label + ".ci95.lo", ours["ci95"][0], values.mean() - half, 1e-7)
    agree(label + ".ci95.hi", ours["ci95"][1], values.mean() + half, 1e-7)


def main():
    with open(os.path.join(ROOT, "content/surveys/clinic-survey.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    data = {name: json.load(open(os.path.join(ROOT, "site/data", name + ".json"), encoding="utf-8"))
            for name in ["gaps", "nps", "summary", "kano", "quality"]}

    gaps = {}
    for entry in data["gaps"]["dimensions"]:
        d = entry["id"]
        e = [value(r["exp_" + d], 1, 7) for r in rows]
        p = [value(r["perc_" + d], 1, 7) for r in rows]
        imp = [value(r["imp_" + d], 1, 7) for r in rows]
        describe(d + ".expectation", [x for x in e if x is not None], entry["expectation"])
        describe(d + ".perception", [x for x in p if x is not None], entry["perception"])
        describe(d + ".importance", [x for x in imp if x is not None], entry["importance"])
        pairs = [(a, b) for a, b in zip(e, p) if a is not None and b is not None]
        before = np.array([a for a, _ in pairs])
        after = np.array([b for _, b in pairs])
        test = stats.ttest_rel(after, before)
        diff = after - before
        gaps[d] = diff.mean()
        agree(d + ".gap.n", entry["gap"]["n"], len(diff))
        agree(d + ".gap.mean", entry["gap"]["mean"], diff.mean())
        agree(d + ".gap.sd", entry["gap"]["sd"], diff.std(ddof=1))
        agree(d + ".gap.t", entry["gap"]["t"], test.statistic, 1e-7)
        agree(d + ".gap.p", entry["gap"]["p"], test.pvalue, 1e-6)
        # Per plan, the breakdown that drives price.
        for plan, gap in entry["by"]["plan"].items():
            subset = [(a, b) for (a, b, r) in zip(e, p, rows) if a is not None and b is not None and r["plan"] == plan]
            agree(f"{d}.gap.plan[{plan}].mean", gap["mean"], np.mean([b - a for a, b in subset]))

    unweighted = np.mean([gaps[d] for d in DIMENSIONS])
    weighted = sum(gaps[d] * WEIGHTS[d] for d in DIMENSIONS) / sum(WEIGHTS.values())
    agree("overall.unweighted", data["gaps"]["overall"]["unweighted"], unweighted)
    agree("overall.weighted", data["gaps"]["overall"]["weighted"], weighted)

    scores = [value(r["recommend"], 0, 10) for r in rows]
    scores = [s for s in scores if s is not None]
    promoters = sum(s >= 9 for s in scores) / len(scores)
    detractors = sum(s <= 6 for s in scores) / len(scores)
    agree("nps.score", data["nps"]["overall"]["score"], 100 * (promoters - detractors))
    agree("nps.moe95", data["nps"]["overall"]["moe95"],
          1.96 * 100 * math.sqrt((promoters + detractors - (promoters - detractors) ** 2) / len(scores)))
    for wave, result in data["nps"]["byWave"].items():
        subset = [value(r["recommend"], 0, 10) for r in rows if r["wave"] == wave]
        subset = [s for s in subset if s is not None]
        agree(f"nps.byWave[{wave}]", result["score"], 100 * (sum(s >= 9 for s in subset) - sum(s <= 6 for s in subset)) / len(subset))

    satisfied = [value(r["satisfied"], 1, 5) for r in rows]
    satisfied = [s for s in satisfied if s is not None]
    hits = sum(s >= 4 for s in satisfied)
    agree("csat.score", data["summary"]["csat"], 100 * hits / len(satisfied))

    table = {(1, 5): "O", (1, 2): "A", (1, 3): "A", (1, 4): "A", (1, 1): "Q", (5, 5): "Q"}
    for f in range(2, 5):
        table[(f, 5)] = "M"
        for d in range(2, 5):
            table[(f, d)] = "I"
    for f, d in [(2, 1), (3, 1), (4, 1), (5, 1), (5, 2), (5, 3), (5, 4)]:
        table[(f, d)] = "R"
    for feature, f_col, d_col in [("offline-mode", "kano_offline_f", "kano_offline_d"), ("bulk-reschedule", "kano_bulk_f", "kano_bulk_d")]:
        counts = {k: 0 for k in "AOMIRQ"}
        for r in rows:
            f, d = value(r[f_col], 1, 5), value(r[d_col], 1, 5)
            if f is not None and d is not None:
                counts[table[(int(f), int(d))]] += 1
        ours = next(x for x in data["kano"]["features"] if x["id"] == feature)
        denominator = counts["A"] + counts["O"] + counts["M"] + counts["I"]
        agree(feature + ".better", ours["better"], (counts["A"] + counts["O"]) / denominator)
        agree(feature + ".worse", ours["worse"], -(counts["O"] + counts["M"]) / denominator)

    # Wilson interval with scipy, on the CSAT share.
    interval = stats.binomtest(hits, len(satisfied)).proportion_ci(confidence_level=0.95, method="wilson")
    print(f"csat {100 * hits / len(satisfied):.2f} wilson [{100 * interval.low:.2f}, {100 * interval.high:.2f}] (scipy)")

    kinds = {}
    for finding in data["quality"]["findings"]:
        kinds[finding["kind"]] = kinds.get(finding["kind"], 0) + 1
    print("quality findings:", kinds)
    print(f"{checks} figures compared, {len(failures)} disagreements")
    for failure in failures:
        print("  " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
