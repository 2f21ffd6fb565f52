#!/usr/bin/env python3
"""Raking on a generated study with three margins and trimming, checked against numpy.

Writes a seeded survey of 2,000 respondents whose region, plan and age band are correlated and
far from the population's shares, builds it with Canvass (CANVASS, default .build/debug/canvass),
and compares data/weights.json and the weighted NPS and gap with an independent numpy raking loop
(trimmed to the bounds and re-raked). Exit 1 on a disagreement beyond 1e-6.

Run: python3 Tests/CrossCheck/crosscheck_raking.py  (make crosscheck runs it)
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CANVASS = os.environ.get("CANVASS", os.path.join(ROOT, ".build/debug/canvass"))
MARGINS = {
    "region": {"north": 0.30, "south": 0.25, "east": 0.25, "west": 0.20},
    "plan": {"basic": 0.50, "pro": 0.30, "enterprise": 0.20},
    "age_band": {"young": 0.30, "mid": 0.45, "old": 0.25},
}
TRIM = (0.3, 3.0)


def generate(rng, n=2000):
    rows = []
    for i in range(n):
        region = rng.choice(["north", "south", "east", "west"], p=[0.45, 0.25, 0.2, 0.1])
        plan = rng.choice(["basic", "pro", "enterprise"], p=[0.3, 0.5, 0.2] if region == "north" else [0.25, 0.4, 0.35])
        age = rng.choice(["young", "mid", "old"], p=[0.5, 0.35, 0.15] if plan != "enterprise" else [0.2, 0.5, 0.3])
        base = {"basic": 3.8, "pro": 4.4, "enterprise": 5.1}[plan]
        expectation = int(np.clip(round(rng.normal(5.6, 1.0)), 1, 7))
        perception = int(np.clip(round(rng.normal(base, 1.2)), 1, 7))
        nps = int(np.clip(round(rng.normal({"basic": 6.2, "pro": 7.0, "enterprise": 8.1}[plan], 2.2)), 0, 10))
        rows.append((f"r{i}", region, plan, age, expectation, perception, nps))
    return rows


def rake(rows):
    cells = {a: np.array([r[k] for r in rows]) for a, k in (("region", 1), ("plan", 2), ("age_band", 3))}
    w = np.ones(len(rows))
    for _ in range(500):
        for _ in range(1000):
            for attribute, shares in MARGINS.items():
                total = w.sum()
                for value, share in shares.items():
                    member = cells[attribute] == value
                    w[member] *= share * total / w[member].sum()
            miss = max(abs(w[cells[a] == v].sum() / w.sum() - s) for a, sh in MARGINS.items() for v, s in sh.items())
            if miss < 1e-10:
                break
        w /= w.mean()
        if (w <= TRIM[1] * (1 + 1e-9)).all() and (w >= TRIM[0] * (1 - 1e-9)).all():
            return w, cells
        w = np.clip(w, TRIM[0], TRIM[1])
    raise RuntimeError("trimming did not settle")


def main():
    rows = generate(np.random.default_rng(20261203))
    failures, checks = [], 0

    def agree(label, ours, theirs, tolerance=1e-6):
        nonlocal checks
        checks += 1
        if abs(ours - theirs) > tolerance * max(1.0, abs(theirs)):
            failures.append(f"{label}: canvass {ours!r} vs numpy {theirs!r}")

    with tempfile.TemporaryDirectory() as project:
        os.makedirs(os.path.join(project, "content/surveys"))
        with open(os.path.join(project, "content/surveys/s.csv"), "w", encoding="utf-8") as out:
            out.write("id,region,plan,age_band,e,p,nps\n")
            out.writelines(",".join(map(str, r)) + "\n" for r in rows)
        margins = "\n".join(f"    {a}: {{{', '.join(f'{v}: {s}' for v, s in sh.items())}}}" for a, sh in MARGINS.items())
        with open(os.path.join(project, "canvass.yml"), "w", encoding="utf-8") as out:
            out.write(f"""title: Raking check
dimensions: [{{id: value, label: Value}}]
surveys:
  - file: surveys/s.csv
    id: id
    pairs: {{value: {{expectation: e, perception: p}}}}
    nps: nps
    attributes: {{region: category, plan: category, age_band: category}}
weighting:
  margins:
{margins}
  trim: {{min: {TRIM[0]}, max: {TRIM[1]}}}
""")
        subprocess.run([CANVASS, "build", project, "--output", os.path.join(project, "site"), "--quiet"], check=True)
        data = {name: json.load(open(os.path.join(project, "site/data", name + ".json"), encoding="utf-8")) for name in ["weights", "nps", "gaps"]}

    w, cells = rake(rows)
    summary = data["weights"]["summary"]
    agree("deff", summary["designEffect"], len(w) * (w ** 2).sum() / w.sum() ** 2)
    agree("effectiveN", summary["effectiveN"], w.sum() ** 2 / (w ** 2).sum())
    agree("min", summary["min"], w.min())
    agree("max", summary["max"], w.max())
    agree("trimmed rows > 0", float(data["weights"]["trimmed"] > 0), 1.0)
    for margin in data["weights"]["margins"]:
        for cell in margin["cells"]:
            agree(f"{margin['attribute']}[{cell['value']}]", cell["weightedShare"], w[cells[margin["attribute"]] == cell["value"]].sum() / w.sum())
    scores = np.array([r[6] for r in rows], dtype=float)
    agree("nps", data["nps"]["overall"]["score"], 100 * (w[scores >= 9].sum() - w[scores <= 6].sum()) / w.sum())
    diff = np.array([r[5] - r[4] for r in rows], dtype=float)
    agree("gap", data["gaps"]["dimensions"][0]["gap"]["mean"], (w * diff).sum() / w.sum())
    print(f"raking: {checks} figures compared on 2,000 generated respondents, 3 margins, "
          f"{data['weights']['trimmed']} weights trimmed, {len(failures)} disagreements")
    for failure in failures:
        print("  " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
