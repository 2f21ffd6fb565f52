#!/usr/bin/env python3
"""Generates the example study's survey, content/surveys/clinic-survey.csv, reproducibly.

Run from anywhere: `python3 content/surveys/generate_example.py`. Standard library only; the
seed fixes every value, so the CSV (and so site/) only changes when this script does.

The patterns are meant to be plausible for a clinic-booking product. Respondents come from four
kinds of customer, each with its own attributes and experience: owners of small practices on the
basic plan (price falls furthest short), busy front desks of mid-size practices (performance falls
short), operations staff of multi-site groups on enterprise plans (service and reporting fall
short), and clinicians who use the product away from the desk. Appearance slightly exceeds
expectations, and service got worse between the first two waves as onboarding slowed down, then
recovered in the third (2026-Q4) once every new clinic got an onboarding call.
Respondents who appear in the interview notes keep the attributes the notes give them. Each
row carries the customer's annual revenue (from the CRM), which grows with plan and clinic size,
and two loyalty KPIs that follow the respondent's experience: renewal intention and advocacy.
A few deliberate quality problems are planted: straight-liners (one with a near-duplicate id),
a speeder, an out-of-range rating and a non-numeric answer.
"""
import csv
import math
import os
import random

SEED = 2026
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clinic-survey.csv")

DIMENSIONS = {
    #             expectation, perception, importance (means on 1-7)
    "function":    (6.0, 5.3, 6.3),
    "performance": (6.2, 4.8, 6.0),
    "appearance":  (5.0, 5.3, 4.5),
    "price":       (5.7, 4.7, 5.6),
    "service":     (6.3, 4.9, 6.2),
}
PLAN_PRICE_SHIFT = {"basic": -0.8, "pro": 0.0, "enterprise": 0.6}
# Kinds of customer: share, plan weights, clinic sizes, age (mean, sd), weekly visits (log mean),
# and how their perception of each dimension departs from everyone's.
SEGMENTS = {
    "small-practice owner": dict(share=34, plans={"basic": 92, "pro": 8}, sizes={"small": 95, "medium": 5},
                                 age=(57, 3), visits=0.7, shift={"price": -0.5, "service": 0.2}),
    "busy front desk":      dict(share=32, plans={"pro": 90, "basic": 10}, sizes={"medium": 85, "small": 15},
                                 age=(27, 3), visits=1.6, shift={"performance": -0.6, "appearance": -0.2}),
    "multi-site operations": dict(share=16, plans={"enterprise": 90, "pro": 10}, sizes={"large": 80, "medium": 20},
                                  age=(45, 3), visits=1.2, shift={"service": -0.5, "function": -0.3, "price": 0.3}),
    "clinician on the move": dict(share=18, plans={"pro": 85, "basic": 15}, sizes={"small": 85, "medium": 15},
                                  age=(37, 3), visits=1.0, shift={"function": -0.4, "appearance": 0.3}),
}
# Q4: the onboarding calls (content/actions/) lifted service; faster search did not move performance.
WAVE_SERVICE_SHIFT = {"2026-Q2": 0.35, "2026-Q3": -0.3, "2026-Q4": 0.25}
WAVE_PERFORMANCE_SHIFT = {"2026-Q2": -0.15, "2026-Q3": 0.15, "2026-Q4": 0.15}

# Participants of the notes, with the attributes their notes give them.
KNOWN = {
    "r-0012": dict(age=46, plan="basic", gender="female", visits=2),
    "r-0042": dict(age=41, plan="pro", gender="female", visits=6),
    "r-0107": dict(age=29, plan="pro", gender="male", visits=9),
    "r-0121": dict(age=34, plan="basic", gender="female"),
    "r-0133": dict(age=57, plan="pro", gender="female"),
    "r-0148": dict(age=24, plan="basic", gender="male"),
    "r-0155": dict(age=38, plan="pro", gender="female", visits=4),
    "r-0162": dict(age=45, plan="enterprise", gender="female"),
    "r-0230": dict(age=52, plan="enterprise", gender="male", visits=14),
    "r-0276": dict(age=61, plan="pro", gender="male"),
    "r-0281": dict(age=39, plan="basic", gender="female"),
    "r-0290": dict(age=50, plan="pro", gender="male"),
    "r-0311": dict(age=43, plan="basic", gender="female", visits=3),
    "r-0318": dict(age=51, plan="pro", gender="male", visits=7),
    "r-0325": dict(age=27, plan="basic", gender="male"),
    "r-0331": dict(age=35, plan="pro", gender="female"),
    "r-0339": dict(age=48, plan="pro", gender="male"),
    "r-0350": dict(age=36, plan="basic", gender="female"),
    "r-0351": dict(age=55, plan="pro", gender="male"),
    "r-0360": dict(age=48, plan="pro", gender="female"),
    "r-0361": dict(age=31, plan="pro", gender="female"),
    "r-0362": dict(age=26, plan="basic", gender="male"),
    "r-0363": dict(age=39, plan="basic", gender="female"),
    "r-0402": dict(age=44, plan="enterprise", gender="male", visits=3),
}

COMMENTS = [
    "Search is too slow in the morning rush.",
    "Reminders have really cut our no-shows.",
    "Onboarding took far too long and nobody called back.",
    "Great calendar, but the per-seat price hurts part-time staff.",
    "Support is friendly but problems are not solved.",
    "The tablet app keeps logging us out.",
    "Please let us change the reminder text.",
    "Good value for a busy practice.",
    "Reporting across sites is missing.",
    "Works well, no complaints.",
    "系统早上很卡，搜索病人要等很久。",
    "短信提醒很好用，爽约少了很多。",
    "培训太少，前台不会用。",
    "价格对小诊所来说偏高。",
    "客服态度好，但是问题解决得慢。",
]


# Annual subscription revenue (EUR) by plan, and how it grows with the size of the clinic.
PLAN_REVENUE = {"basic": 1800, "pro": 5400, "enterprise": 16000}
SIZE_REVENUE = {"small": 1.0, "medium": 1.7, "large": 2.9}


def clamp(value, low, high):
    return max(low, min(high, value))


def rating(rng, mean, sd=1.0):
    return int(clamp(round(rng.gauss(mean, sd)), 1, 7))


def respondent(rng, number, wave):
    """One respondent's answers, drawn from `rng` in a fixed order."""
    rid = f"r-{number:04d}"
    segment = SEGMENTS[rng.choices(list(SEGMENTS), weights=[v["share"] for v in SEGMENTS.values()])[0]]
    plan = rng.choices(list(segment["plans"]), weights=list(segment["plans"].values()))[0]
    clinic_size = rng.choices(list(segment["sizes"]), weights=list(segment["sizes"].values()))[0]
    gender = rng.choices(["female", "male", "non-binary"], weights=[62, 35, 3])[0]
    age = int(clamp(round(rng.gauss(*segment["age"])), 22, 68))
    visits = int(clamp(round(rng.lognormvariate(segment["visits"], 0.2)), 1, 30))
    known = KNOWN.get(rid, {})
    plan = known.get("plan", plan)
    gender = known.get("gender", gender)
    age = known.get("age", age)
    visits = known.get("visits", visits)

    # A respondent's general mood moves all their perceptions together.
    mood = rng.gauss(0, 0.6)
    row = {"respondent_id": rid, "wave": wave}
    perceptions = {}
    for dimension, (exp, perc, imp) in DIMENSIONS.items():
        shift = 0.0
        if dimension == "price":
            shift += PLAN_PRICE_SHIFT[plan]
        if dimension == "service":
            shift += WAVE_SERVICE_SHIFT[wave]
        if dimension == "performance":
            shift += WAVE_PERFORMANCE_SHIFT[wave]
        shift += segment["shift"].get(dimension, 0.0)
        row[f"exp_{dimension}"] = rating(rng, exp, 0.8)
        perceptions[dimension] = rating(rng, perc + shift + mood, 1.1)
        row[f"perc_{dimension}"] = perceptions[dimension]
        row[f"imp_{dimension}"] = rating(rng, imp, 0.8)
    row["q_ease"] = rating(rng, 5.0 + mood, 1.1)
    row["q_speed"] = rating(rng, 4.3 + mood + WAVE_PERFORMANCE_SHIFT[wave], 1.2)
    satisfaction = sum(perceptions.values()) / len(perceptions)
    row["recommend"] = int(clamp(round(rng.gauss(1.6 * satisfaction - 0.5, 1.6)), 0, 10))
    row["satisfied"] = int(clamp(round(rng.gauss(satisfaction * 0.72, 0.8)), 1, 5))
    row["age"] = age
    row["gender"] = gender
    row["plan"] = plan
    row["clinic_size"] = clinic_size
    row["visits"] = visits
    row["seconds"] = int(clamp(rng.lognormvariate(6.0, 0.25), 150, 2400))
    row["comment"] = rng.choice(COMMENTS) if rng.random() < 0.35 else ""
    # About half know Acme well enough to rate it.
    if rng.random() < 0.5:
        row["acme_function"] = rating(rng, 5.0, 1.0)
        row["acme_price"] = rating(rng, 5.2 + (0.4 if plan == "basic" else 0), 1.0)
        row["acme_service"] = rating(rng, 4.6, 1.1)
    else:
        row["acme_function"] = row["acme_price"] = row["acme_service"] = ""
    # Kano: offline mode delights home-visit teams; bulk rescheduling is expected.
    offline_functional = rng.choices([1, 2, 3, 4], weights=[50, 10, 30, 10])[0]
    offline_dysfunctional = rng.choices([3, 4, 5, 2], weights=[45, 25, 20, 10])[0]
    bulk_functional = rng.choices([1, 2, 3], weights=[40, 45, 15])[0]
    bulk_dysfunctional = rng.choices([5, 4, 3], weights=[65, 20, 15])[0]
    row["kano_offline_f"], row["kano_offline_d"] = offline_functional, offline_dysfunctional
    row["kano_bulk_f"], row["kano_bulk_d"] = bulk_functional, bulk_dysfunctional
    # Some skip the importance block.
    if rng.random() < 0.06:
        for dimension in DIMENSIONS:
            row[f"imp_{dimension}"] = ""
    return row


def main():
    rng = random.Random(SEED)
    rows = [respondent(rng, number, "2026-Q2" if number <= 200 else "2026-Q3") for number in range(1, 421)]
    # The third wave, with its own seeded generator so that the first two stayed as they were.
    wave_rng = random.Random(SEED + 3)
    rows += [respondent(wave_rng, number, "2026-Q4") for number in range(421, 621)]

    # Annual revenue per customer from the CRM, by plan and clinic size, with its own seeded
    # generator so that adding it left every other answer as it was.
    value_rng = random.Random(SEED + 1)
    for row in rows:
        base = PLAN_REVENUE[row["plan"]] * SIZE_REVENUE[row["clinic_size"]]
        row["revenue"] = int(round(value_rng.lognormvariate(0, 0.3) * base, -2))

    # Loyalty KPIs, from the respondent's experience, with their own seeded generator too: will
    # they renew (yes / no / unsure, some skip it) and would they speak up for the product (1-5).
    kpi_rng = random.Random(SEED + 2)
    for row in rows:
        experience = sum(row[f"perc_{d}"] for d in DIMENSIONS) / len(DIMENSIONS)
        renew = 1 / (1 + math.exp(-1.6 * (experience - 4.3)))
        draw = kpi_rng.random()
        if kpi_rng.random() < 0.05:
            row["renew"] = ""
        elif draw < renew:
            row["renew"] = "yes"
        else:
            row["renew"] = "unsure" if kpi_rng.random() < 0.35 else "no"
        row["advocate"] = int(clamp(round(kpi_rng.gauss(0.8 * experience - 0.6, 0.9)), 1, 5))

    # Deliberate quality problems.
    straight = rows[204]
    for key in list(straight):
        if key.startswith(("exp_", "perc_", "imp_")) or key in ("q_ease", "q_speed"):
            straight[key] = 4
    duplicate = dict(straight)
    duplicate["respondent_id"] = straight["respondent_id"] + "b"
    duplicate["seconds"] = 95
    rows.insert(205, duplicate)
    rows[57]["seconds"] = 88               # a speeder
    rows[131]["perc_price"] = 9            # outside the 1-7 scale
    rows[302]["q_ease"] = "n/a"            # not a number

    columns = [key for key in rows[0] if key not in ("revenue", "renew", "advocate")]
    columns.insert(columns.index("visits") + 1, "revenue")
    columns[columns.index("satisfied") + 1:columns.index("satisfied") + 1] = ["renew", "advocate"]
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} respondents to {OUT}")


if __name__ == "__main__":
    main()
