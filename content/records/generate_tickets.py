#!/usr/bin/env python3
"""Generates the example study's support tickets, content/records/tickets.csv, reproducibly.

Run: `python3 content/records/generate_tickets.py`. Standard library only; the seed fixes every value.

Plausible patterns: P1 tickets are usually answered within the 4-hour commitment, P2 often slip past
a day, and October is slower than September as onboarding requests pile up on the service desk.
Timestamps mix UTC (`Z`) and Central European Summer Time (`+02:00`). Deliberate problems: a date that
does not exist, a response logged before the ticket was opened, a priority with no commitment, and
tickets still waiting for a first response.
"""
import csv
import datetime as dt
import os
import random

SEED = 2027
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tickets.csv")
PRIORITIES = {"P1": (10, 1.6), "P2": (35, 14.0), "P3": (55, 40.0)}   # share, median first response (hours)
DIMENSIONS = {"service": 40, "performance": 25, "function": 20, "price": 10, "appearance": 5}
CHANNELS = ["phone", "e-mail", "chat"]


def stamp(moment, rng):
    if rng.random() < 0.5:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    local = moment + dt.timedelta(hours=2)
    return local.strftime("%Y-%m-%dT%H:%M:%S+02:00")


def main():
    rng = random.Random(SEED)
    start = dt.datetime(2026, 9, 1, 7, 0)
    rows = []
    for number in range(1, 331):
        opened = start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60))
        priority = rng.choices(list(PRIORITIES), weights=[v[0] for v in PRIORITIES.values()])[0]
        median = PRIORITIES[priority][1] * (1.35 if opened.month == 10 else 1.0)
        response = opened + dt.timedelta(hours=rng.lognormvariate(0, 0.8) * median)
        resolution = response + dt.timedelta(hours=rng.lognormvariate(1.5, 0.9) * (2 if priority == "P3" else 1))
        row = {
            "ticket": f"T-{20800 + number}",
            "priority": priority,
            "opened_at": stamp(opened, rng),
            "first_response_at": stamp(response, rng),
            "resolved_at": stamp(resolution, rng),
            "dimension": rng.choices(list(DIMENSIONS), weights=list(DIMENSIONS.values()))[0],
            "channel": rng.choice(CHANNELS),
        }
        if rng.random() < 0.03:              # still waiting for a first response
            row["first_response_at"] = ""
            row["resolved_at"] = ""
        rows.append(row)
    rows.sort(key=lambda r: r["ticket"])
    rows[40]["opened_at"] = "2026-09-31T09:15:00Z"                 # not a date
    rows[77]["first_response_at"] = "2026-09-01T06:00:00Z"         # before it was opened
    rows[123]["priority"] = "P4"                                    # no commitment for P4
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} tickets to {OUT}")


if __name__ == "__main__":
    main()
