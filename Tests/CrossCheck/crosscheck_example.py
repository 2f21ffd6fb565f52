#!/usr/bin/env python3
"""Recomputes the example study's survey figures with numpy and scipy, independently of Canvass,
and compares them with site/data/*.json. Exit 1 on any disagreement beyond 1e-9 (relative).

Independent means: this script reads the raw CSV itself, applies the cleaning rules of SPEC §3.2
(ratings must be whole numbers on their scale, else they are excluded), and uses scipy's
`ttest_rel`, `t.ppf`, `chisquare` and `binomtest(...).proportion_ci(method="wilson")`.

The example is weighted (canvass.yml `weighting:`): this script rakes the sample to the same
margins with its own numpy loop (per wave, trimmed to the bounds and re-raked), checks the weights'
summary, then recomputes the weighted figures (mean Σwx/Σw, reliability-weight variance
Σw(x−m)²/(Σw − Σw²/Σw), Kish n_eff, t with n_eff − 1) and the unweighted ones in weights.json.

Target segments (data/targets.json) are recomputed from the same weights: each persona's and
segment's weighted share with a Wilson interval at n_eff, weighted mean revenue, the
dimension-weighted overall gap with its linearised (influence-function) interval, the scaling,
the scores and the ranks.

Monitoring (data/monitoring.json): each metric per wave (NPS, CSAT, the KPIs, every gap) with its
interval, the p-chart and X̄-chart centre and limits, and the alerts. Improvement actions
(data/actions.json): the wave before and after each start, and the difference with statsmodels —
`CompareMeans.ttest_ind(usevar="unequal")` (Welch) on `DescrStatsW` with the weights scaled to sum
to n_eff (which makes its variance and size the ones above), `proportions_ztest` and
`confint_proportions_2indep(method="newcomb")` for shares (at z = 1.96, as SPEC §4's Wilson) — and NPS from its formula.

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
# canvass.yml `weighting:` (checked against data/weights.json's population shares below).
MARGINS = {"plan": {"basic": 0.35, "pro": 0.30, "enterprise": 0.35},
           "clinic_size": {"small": 0.40, "medium": 0.30, "large": 0.30}}
TRIM = (0.3, 3.0)
# canvass.yml `targeting:`.
TARGET_WEIGHTS = {"size": 0.3, "value": 0.3, "shortfall": 0.4}
TARGET_SEGMENTS = ["plan", "clinic_size"]
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
    if isinstance(ours, (str, bool)) or isinstance(theirs, (str, bool)):
        if ours != theirs:
            failures.append(f"{label}: canvass {ours!r} vs independent {theirs!r}")
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


def rake(rows):
    """Weights with mean 1 that give `rows` the MARGINS' shares, trimmed to TRIM and re-raked."""
    w = np.ones(len(rows))
    cells = {a: np.array([r[a] or "" for r in rows]) for a in MARGINS}
    for _ in range(500):  # as many trimming rounds as Raking allows
        for _ in range(1000):
            for attribute, shares in MARGINS.items():
                has = np.isin(cells[attribute], list(shares))
                total = w[has].sum()
                for value_, share in shares.items():
                    member = cells[attribute] == value_
                    w[member] *= share * total / w[member].sum()
            miss = max(abs(w[cells[a] == v].sum() / w[np.isin(cells[a], list(sh))].sum() - share)
                       for a, sh in MARGINS.items() for v, share in sh.items())
            if miss < 1e-10:
                break
        w /= w.mean()
        if (w <= TRIM[1] * (1 + 1e-9)).all() and (w >= TRIM[0] * (1 - 1e-9)).all():
            return w
        w = np.clip(w, TRIM[0], TRIM[1])
    raise RuntimeError("trimming did not settle")


def weighted(values, weights):
    """Weighted mean, sd (reliability weights), n_eff and the t-based 95% half-width."""
    x, w = np.array(values, dtype=float), np.array(weights, dtype=float)
    mean = (w * x).sum() / w.sum()
    n_eff = w.sum() ** 2 / (w ** 2).sum()
    sd = math.sqrt((w * (x - mean) ** 2).sum() / (w.sum() - (w ** 2).sum() / w.sum()))
    return mean, sd, n_eff, stats.t.ppf(0.975, n_eff - 1) * sd / math.sqrt(n_eff)


def describe_weighted(label, pairs, ours):
    values, weights = [x for x, _ in pairs], [w for _, w in pairs]
    mean, sd, _, half = weighted(values, weights)
    agree(label + ".n", ours["n"], len(values))
    agree(label + ".mean", ours["mean"], mean)
    agree(label + ".sd", ours["sd"], sd)
    agree(label + ".ci95.lo", ours["ci95"][0], mean - half, 1e-7)
    agree(label + ".ci95.hi", ours["ci95"][1], mean + half, 1e-7)


def wilson(p, n, z=1.96):  # SPEC §4 uses z = 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def candidate(label, members, among, rows, w, ours):
    """One target candidate: `members` and `among` are row indices; `ours` its targets.json entry."""
    agree(label + ".n", ours["n"], len(members))
    wa = w[among]
    share = w[members].sum() / wa.sum()
    agree(label + ".size", ours["size"]["share"], share)
    low, high = wilson(share, wa.sum() ** 2 / (wa ** 2).sum())
    agree(label + ".size.lo", ours["size"]["ci95"][0], low, 1e-7)
    agree(label + ".size.hi", ours["size"]["ci95"][1], high, 1e-7)
    mean, _, _, half = weighted([float(rows[i]["revenue"]) for i in members], w[members])
    agree(label + ".value", ours["value"]["mean"], mean)
    agree(label + ".value.lo", ours["value"]["ci95"][0], mean - half, 1e-7)
    # Overall gap Σ Wₖ·ḡₖ and its influence-function variance.
    total = sum(WEIGHTS.values())
    theta, z, anyone = 0.0, np.zeros(len(members)), np.zeros(len(members), dtype=bool)
    for d in DIMENSIONS:
        diffs = [(j, value(rows[i]["perc_" + d], 1, 7), value(rows[i]["exp_" + d], 1, 7)) for j, i in enumerate(members)]
        diffs = [(j, p - e) for j, p, e in diffs if p is not None and e is not None]
        index = np.array([j for j, _ in diffs]); x = np.array([v for _, v in diffs]); v = w[np.array(members)][index]
        g = (v * x).sum() / v.sum()
        theta += WEIGHTS[d] / total * g
        z[index] += WEIGHTS[d] / total * v * (x - g) / v.sum()
        anyone[index] = True
    z, wn = z[anyone], w[np.array(members)][anyone]
    n = len(z)
    se = math.sqrt((z ** 2).sum() * n / (n - 1))
    n_eff = wn.sum() ** 2 / (wn ** 2).sum()
    agree(label + ".gap", ours["gap"]["mean"], theta)
    agree(label + ".gap.lo", ours["gap"]["ci95"][0], theta - stats.t.ppf(0.975, n_eff - 1) * se, 1e-7)
    agree(label + ".gap.hi", ours["gap"]["ci95"][1], theta + stats.t.ppf(0.975, n_eff - 1) * se, 1e-7)
    return {"size": share, "value": mean, "shortfall": max(0.0, -theta)}


def targets(rows, w, data):
    report = data["targets"]
    agree("targets.weights", sum(abs(c["weight"] - TARGET_WEIGHTS[c["id"]]) for c in report["criteria"]), 0.0)
    assignments = data["personas"]["assignments"]
    index_of = {r["respondent_id"]: i for i, r in enumerate(rows)}
    placed = sorted(index_of[r] for r in assignments)
    groups = {"personas": {}, "segments": {}}
    for respondent, persona in assignments.items():
        groups["personas"].setdefault(persona, []).append(index_of[respondent])
    for kind, candidates in [("personas", {p: (sorted(m), placed) for p, m in groups["personas"].items()})] + [
            ("segments", {(a, v): ([i for i, r in enumerate(rows) if r[a] == v], [i for i, r in enumerate(rows) if r[a]])
                          for a in TARGET_SEGMENTS for v in {r[a] for r in rows if r[a]}})]:
        amounts = {}
        for key, (members, among) in candidates.items():
            ours = next(c for c in report[kind] if (c["id"] if kind == "personas" else (c["attribute"], c["id"])) == key)
            amounts[key] = candidate(f"targets.{key}", members, among, rows, w, ours)
        best = {c: max(a[c] for a in amounts.values()) for c in TARGET_WEIGHTS}
        scores = {k: sum(TARGET_WEIGHTS[c] * a[c] / best[c] for c in TARGET_WEIGHTS) for k, a in amounts.items()}
        order = sorted(scores, key=lambda k: -scores[k])
        for rank, key in enumerate(order, 1):
            ours = next(c for c in report[kind] if (c["id"] if kind == "personas" else (c["attribute"], c["id"])) == key)
            agree(f"targets.{key}.score", ours["score"], scores[key])
            agree(f"targets.{key}.rank", ours["rank"], rank)
    eligible = [c["id"] for c in report["personas"] if c["n"] >= 30]
    if report["primary"] != eligible[0] or report["secondary"] != eligible[1]:
        failures.append(f"targets: recommends {report['primary']}, {report['secondary']}; expected {eligible[:2]}")
    print(f"targets: primary {report['primary']}, secondary {report['secondary']}")


# canvass.yml `kpis:` and `targets:`.
KPIS = {"renewal": lambda r: None if not r["renew"].strip() else float(r["renew"].strip().lower() == "yes"),
        "advocacy": lambda r: None if value(r["advocate"], 1, 5) is None else float(value(r["advocate"], 1, 5) >= 4)}
MONITOR_TARGETS = {"nps": -10, "csat": 55, "kpi.renewal": 72, "gap.service": -1.2}
# canvass.yml `commitments:`, in seconds.
COMMITMENTS = {"P1": 4 * 3600, "P2": 24 * 3600, "P3": 3 * 24 * 3600}


def ticket_answers(priority, first_day, last_day):
    """1/0 per ticket of `priority` ("all": any) opened during the days: answered within commitment."""
    from datetime import datetime, timedelta, timezone
    def seconds(text):
        try:
            moment = datetime.fromisoformat(text.strip().replace(" ", "T"))
        except ValueError:
            return None
        return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()
    start = datetime.fromisoformat(first_day).replace(tzinfo=timezone.utc).timestamp()
    until = (datetime.fromisoformat(last_day).replace(tzinfo=timezone.utc) + timedelta(days=1)).timestamp()
    out = []
    with open(os.path.join(ROOT, "content/records/tickets.csv"), encoding="utf-8") as handle:
        for t in csv.DictReader(handle):
            opened, responded = seconds(t["opened_at"]), seconds(t["first_response_at"])
            if (priority != "all" and t["priority"] != priority) or t["priority"] not in COMMITMENTS:
                continue
            if opened is None or responded is None or responded < opened or not (start <= opened < until):
                continue
            out.append((float(responded - opened <= COMMITMENTS[t["priority"]]), 1.0))
    return out


def answers_of(metric, rows, w):
    """(value, weight) per respondent for a metric: ±100/0 for NPS, 0/1 for shares, p − e for a gap."""
    out = []
    for r, wi in zip(rows, w):
        if metric == "nps":
            x = value(r["recommend"], 0, 10)
            x = None if x is None else (100.0 if x >= 9 else -100.0 if x <= 6 else 0.0)
        elif metric == "csat":
            x = value(r["satisfied"], 1, 5)
            x = None if x is None else float(x >= 4)
        elif metric.startswith("kpi."):
            x = KPIS[metric[4:]](r)
        else:
            kind, d = metric.split(".")
            e, p = value(r["exp_" + d], 1, 7), value(r["perc_" + d], 1, 7)
            x = (None if e is None or p is None else p - e) if kind == "gap" else p
        if x is not None:
            out.append((x, wi))
    return out


def monitoring_and_actions(rows, w, data):
    from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest
    from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

    waves = sorted({r["wave"] for r in rows})
    def wave_answers(metric, wave, keep=lambda r: True):
        index = [i for i, r in enumerate(rows) if r["wave"] == wave and keep(r)]
        return answers_of(metric, [rows[i] for i in index], w[index])

    for m in data["monitoring"]["metrics"]:
        metric, share = m["id"], m["chart"] == "p"
        stats_by_wave = []
        for point in m["waves"]:
            pairs = wave_answers(metric, point["wave"])
            x, wi = np.array([a for a, _ in pairs]), np.array([b for _, b in pairs])
            mean, sd, n_eff, half = weighted(x, wi)
            stats_by_wave.append((mean, sd, n_eff))
            agree(f"monitoring.{metric}[{point['wave']}].n", point["n"], len(x))
            agree(f"monitoring.{metric}[{point['wave']}].value", point["value"], 100 * mean if share else mean)
            if share:
                lo, hi = wilson(mean, n_eff)
                agree(f"monitoring.{metric}[{point['wave']}].ci95.lo", point["ci95"][0], 100 * lo, 1e-7)
            elif metric == "nps":
                moe = 1.96 * math.sqrt(max(0.0, (wi * x * x).sum() / wi.sum() - mean * mean) / n_eff)
                agree(f"monitoring.nps[{point['wave']}].ci95.lo", point["ci95"][0], mean - moe, 1e-7)
            else:
                agree(f"monitoring.{metric}[{point['wave']}].ci95.lo", point["ci95"][0], mean - half, 1e-7)
            target = MONITOR_TARGETS.get(metric)
            if target is not None:
                agree(f"monitoring.{metric}[{point['wave']}].targetMet", point["targetMet"], point["value"] >= target)
        total = sum(n for _, _, n in stats_by_wave)
        centre = sum(mean * n for mean, _, n in stats_by_wave) / total
        agree(f"monitoring.{metric}.centre", m["centre"], 100 * centre if share else centre)
        if share:
            for point, (_, _, n) in zip(m["waves"], stats_by_wave):
                half = 3 * math.sqrt(centre * (1 - centre) / n)
                agree(f"monitoring.{metric}[{point['wave']}].limits.hi", point["limits"][1], 100 * min(1, centre + half), 1e-7)
        else:
            sigma = math.sqrt(sum((n - 1) * sd * sd for _, sd, n in stats_by_wave) / sum(n - 1 for _, _, n in stats_by_wave))
            agree(f"monitoring.{metric}.sigma", m["sigma"], sigma, 1e-7)
            for point, (_, _, n) in zip(m["waves"], stats_by_wave):
                agree(f"monitoring.{metric}[{point['wave']}].limits.lo", point["limits"][0], centre - 3 * sigma / math.sqrt(n), 1e-7)
        for point in m["waves"]:
            agree(f"monitoring.{metric}[{point['wave']}].outside", point["outside"],
                  not (point["limits"][0] <= point["value"] <= point["limits"][1]))

    personas = data["personas"]["assignments"]
    def period(label):
        year, quarter = label.split("-Q")
        last = {1: 31, 2: 30, 3: 30, 4: 31}[int(quarter)]
        return (f"{year}-{3 * int(quarter) - 2:02d}-01", f"{year}-{3 * int(quarter):02d}-{last}")
    for action in data["actions"]["actions"]:
        for number, t in enumerate(action["targets"]):
            label = f"actions.{action['id']}[{number}]"
            start = action["start"]
            before = [wave for wave in waves if period(wave)[1] < start]
            after = [wave for wave in waves if period(wave)[0] >= start]
            agree(label + ".before", (t["before"] or {}).get("wave"), before[-1] if before else None)
            agree(label + ".after", (t["after"] or {}).get("wave"), after[-1] if after else None)
            if not before or not after:
                agree(label + ".verdict", t["verdict"], "no-wave-before" if not before else "no-wave-after")
                continue
            if "persona" in t:
                keep = lambda r, p=t["persona"]: personas.get(r["respondent_id"]) == p
            elif "segment" in t:
                (attribute, wanted), = t["segment"].items()
                keep = lambda r, a=attribute, v=wanted: r[a] == v
            else:
                keep = lambda r: True
            metric = t["metric"]
            if metric.startswith("service."):
                b, a = (ticket_answers(metric[8:], *period(wave)) for wave in (before[-1], after[-1]))
            else:
                b, a = wave_answers(metric, before[-1], keep), wave_answers(metric, after[-1], keep)
            xb, wb = np.array([x for x, _ in b]), np.array([x for _, x in b])
            xa, wa = np.array([x for x, _ in a]), np.array([x for _, x in a])
            nb, na = wb.sum() ** 2 / (wb ** 2).sum(), wa.sum() ** 2 / (wa ** 2).sum()
            mb, ma = (wb * xb).sum() / wb.sum(), (wa * xa).sum() / wa.sum()
            agree(label + ".before.n", t["before"]["n"], len(b))
            agree(label + ".after.value", t["after"]["value"], 100 * ma if metric in ("csat",) or metric.startswith(("kpi.", "service.")) else ma)
            if metric in ("csat",) or metric.startswith(("kpi.", "service.")):
                z, p = proportions_ztest([ma * na, mb * nb], [na, nb])
                lo, hi = confint_proportions_2indep(ma * na, na, mb * nb, nb, method="newcomb", compare="diff", alpha=2 * stats.norm.sf(1.96))
                difference, statistic = 100 * (ma - mb), z
                interval = (100 * lo, 100 * hi)
            elif metric == "nps":
                def variance(x, wi):
                    pr, de = wi[x > 0].sum() / wi.sum(), wi[x < 0].sum() / wi.sum()
                    return 10000 * (pr + de - (pr - de) ** 2)
                se = math.sqrt(variance(xb, wb) / nb + variance(xa, wa) / na)
                difference = ma - mb
                statistic, p = difference / se, 2 * stats.norm.sf(abs(difference / se))
                interval = (difference - 1.96 * se, difference + 1.96 * se)
            else:
                compare = CompareMeans(DescrStatsW(xa, weights=wa * na / wa.sum()), DescrStatsW(xb, weights=wb * nb / wb.sum()))
                statistic, p, df = compare.ttest_ind(usevar="unequal")
                interval = compare.tconfint_diff(usevar="unequal")
                difference = ma - mb
                agree(label + ".df", t["test"]["degreesOfFreedom"], df, 1e-7)
            agree(label + ".difference", t["difference"], difference)
            agree(label + ".statistic", t["test"]["statistic"], statistic, 1e-7)
            agree(label + ".p", t["test"]["p"], p, 1e-6)
            agree(label + ".ci95.lo", t["ci95"][0], interval[0], 1e-7)
            agree(label + ".ci95.hi", t["ci95"][1], interval[1], 1e-7)
            verdict = "too-few-answers" if min(nb, na) < 30 else "no-detectable-change" if p >= 0.05 else "improved" if difference > 0 else "worse"
            agree(label + ".verdict", t["verdict"], verdict)
            print(f"{action['id']} {metric}: {difference:+.3f} [{interval[0]:+.3f}, {interval[1]:+.3f}] p {p:.4f} → {verdict}")


def main():
    with open(os.path.join(ROOT, "content/surveys/clinic-survey.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    data = {name: json.load(open(os.path.join(ROOT, "site/data", name + ".json"), encoding="utf-8"))
            for name in ["gaps", "nps", "summary", "kano", "quality", "weights", "targets", "personas", "monitoring", "actions"]}

    # Raking, per wave, and the weights' summary.
    w = np.zeros(len(rows))
    for wave in sorted({r["wave"] for r in rows}):
        index = [i for i, r in enumerate(rows) if r["wave"] == wave]
        w[index] = rake([rows[i] for i in index])
    report = data["weights"]
    agree("weights.deff", report["summary"]["designEffect"], len(w) * (w ** 2).sum() / w.sum() ** 2, 1e-6)
    agree("weights.effectiveN", report["summary"]["effectiveN"], w.sum() ** 2 / (w ** 2).sum(), 1e-6)
    agree("weights.min", report["summary"]["min"], w.min(), 1e-6)
    agree("weights.max", report["summary"]["max"], w.max(), 1e-6)
    for margin in report["margins"]:
        attribute = margin["attribute"]
        observed = [sum(r[attribute] == c["value"] for r in rows) for c in margin["cells"]]
        expected = [len(rows) * MARGINS[attribute][c["value"]] for c in margin["cells"]]
        test = stats.chisquare(observed, expected)
        agree(f"weights.{attribute}.chiSquare", margin["chiSquare"], test.statistic)
        agree(f"weights.{attribute}.p", margin["p"], test.pvalue, 1e-7)
        for c in margin["cells"]:
            agree(f"weights.{attribute}[{c['value']}].population", c["populationShare"], MARGINS[attribute][c["value"]])
            agree(f"weights.{attribute}[{c['value']}].weighted", c["weightedShare"],
                  w[[r[attribute] == c["value"] for r in rows]].sum() / w.sum(), 1e-6)

    gaps = {}
    for entry in data["gaps"]["dimensions"]:
        d = entry["id"]
        e = [value(r["exp_" + d], 1, 7) for r in rows]
        p = [value(r["perc_" + d], 1, 7) for r in rows]
        imp = [value(r["imp_" + d], 1, 7) for r in rows]
        describe_weighted(d + ".expectation", [(x, wi) for x, wi in zip(e, w) if x is not None], entry["expectation"])
        describe_weighted(d + ".perception", [(x, wi) for x, wi in zip(p, w) if x is not None], entry["perception"])
        describe_weighted(d + ".importance", [(x, wi) for x, wi in zip(imp, w) if x is not None], entry["importance"])
        pairs = [(a, b, wi) for a, b, wi in zip(e, p, w) if a is not None and b is not None]
        before = np.array([a for a, _, _ in pairs])
        after = np.array([b for _, b, _ in pairs])
        diff = after - before
        mean, sd, n_eff, _ = weighted(diff, [wi for _, _, wi in pairs])
        t = mean / (sd / math.sqrt(n_eff))
        gaps[d] = mean
        agree(d + ".gap.n", entry["gap"]["n"], len(diff))
        agree(d + ".gap.mean", entry["gap"]["mean"], mean)
        agree(d + ".gap.sd", entry["gap"]["sd"], sd)
        agree(d + ".gap.t", entry["gap"]["t"], t, 1e-7)
        agree(d + ".gap.p", entry["gap"]["p"], 2 * stats.t.sf(abs(t), n_eff - 1), 1e-6)
        # Without weights: scipy's paired t-test, and the gap weights.json keeps.
        agree(d + ".gap.unweighted", report["unweighted"]["gaps"][d], diff.mean())
        test = stats.ttest_rel(after, before)
        print(f"{d}: unweighted gap {diff.mean():+.3f} (scipy t {test.statistic:.2f}), weighted {mean:+.3f}")
        # Per plan, the breakdown that drives price.
        for plan, gap in entry["by"]["plan"].items():
            subset = [(b - a, wi) for (a, b, wi, r) in zip(e, p, w, rows) if a is not None and b is not None and r["plan"] == plan]
            agree(f"{d}.gap.plan[{plan}].mean", gap["mean"], weighted([x for x, _ in subset], [wi for _, wi in subset])[0])

    unweighted = np.mean([gaps[d] for d in DIMENSIONS])
    dimension_weighted = sum(gaps[d] * WEIGHTS[d] for d in DIMENSIONS) / sum(WEIGHTS.values())
    agree("overall.unweighted", data["gaps"]["overall"]["unweighted"], unweighted)
    agree("overall.weighted", data["gaps"]["overall"]["weighted"], dimension_weighted)

    def nps(answers):
        scores = np.array([s for s, _ in answers]); weights = np.array([wi for _, wi in answers])
        promoters = weights[scores >= 9].sum() / weights.sum()
        detractors = weights[scores <= 6].sum() / weights.sum()
        n_eff = weights.sum() ** 2 / (weights ** 2).sum()
        return 100 * (promoters - detractors), 1.96 * 100 * math.sqrt((promoters + detractors - (promoters - detractors) ** 2) / n_eff)

    answers = [(value(r["recommend"], 0, 10), wi) for r, wi in zip(rows, w)]
    answers = [(s, wi) for s, wi in answers if s is not None]
    score, moe = nps(answers)
    agree("nps.score", data["nps"]["overall"]["score"], score)
    agree("nps.moe95", data["nps"]["overall"]["moe95"], moe)
    agree("nps.unweighted", report["unweighted"]["nps"], nps([(s, 1.0) for s, _ in answers])[0])
    for wave, result in data["nps"]["byWave"].items():
        subset = [(value(r["recommend"], 0, 10), wi) for r, wi in zip(rows, w) if r["wave"] == wave]
        agree(f"nps.byWave[{wave}]", result["score"], nps([(s, wi) for s, wi in subset if s is not None])[0])

    satisfied = [(value(r["satisfied"], 1, 5), wi) for r, wi in zip(rows, w)]
    satisfied = [(s, wi) for s, wi in satisfied if s is not None]
    hits = sum(s >= 4 for s, _ in satisfied)
    agree("csat.score", data["summary"]["csat"], 100 * sum(wi for s, wi in satisfied if s >= 4) / sum(wi for _, wi in satisfied))
    agree("csat.unweighted", report["unweighted"]["csat"], 100 * hits / len(satisfied))

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
    print(f"unweighted csat {100 * hits / len(satisfied):.2f} wilson [{100 * interval.low:.2f}, {100 * interval.high:.2f}] (scipy)")

    targets(rows, w, data)
    monitoring_and_actions(rows, w, data)

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
