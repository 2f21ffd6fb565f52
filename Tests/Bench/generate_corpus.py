#!/usr/bin/env python3
"""Writes a seeded benchmark corpus: a Canvass project with N interview notes and a survey of M
respondents, and two Hugo sites holding the same Markdown notes: a bare one (a page per note and
one list) and the site a researcher using Hugo would publish.

    python3 Tests/Bench/generate_corpus.py OUT [--notes 10000] [--respondents 100000] [--seed 1] [--names]

OUT/canvass is the Canvass project; OUT/hugo the bare Hugo site; OUT/hugo-fair the fair one: a page
per note with its date and tags, the tags as a taxonomy with a page per tag listing all its notes
and a page listing the tags, the notes section paginated by 20 (Hugo's internal pagination
template), and a JSON search index of every note's title, tags and plain text as an output format of the home page.
Its notes are the same Markdown with the note's inline tags also written as `tags:` in the front
matter, as Hugo's taxonomies read them. Notes are about the size of the
example study's (2-4 KB): front matter with 1-4 participants, three sections, quotes and bullets
tagged from the example codebook; one in five is in Chinese. With --names, participants have
names (2,000 different ones) that the notes mention, for timing the public profile, which
removes them. Standard library only; the same arguments always write the same bytes.
"""
import argparse
import csv
import os
import random
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

EN_TAGS = ["scheduling", "calendar", "reminders", "no-shows", "offline", "integrations", "reporting",
           "onboarding", "support", "pricing", "per-seat", "speed", "reliability", "privacy", "mobile"]
ZH_TAGS = ["排班", "预约", "提醒", "爽约", "离线", "对接", "报表", "隐私"]
NEEDS = ["checklist", "part-time-seats", "offline-schedule", "custom-reminder-text", "status-page"]
EN_SENTENCES = [
    "It took us two weeks to get the first appointment booked and nobody called back.",
    "The reminders alone cut our no-shows from ten a week to four.",
    "When the connection drops on a home visit I cannot see the day's list at all.",
    "Paying a full seat for someone who works two mornings a week feels like a tax.",
    "The calendar is the reason we chose you, but the week view is slow on Mondays.",
    "I export the numbers every Friday and rebuild the same spreadsheet by hand.",
    "Support answered quickly once we reached a person, the ticket form was the problem.",
    "We need to know the data is stored in the country before the board signs.",
    "The app looks fine but takes a few seconds to open a patient's history.",
    "Rescheduling a whole afternoon means dragging every appointment one by one.",
]
ZH_SENTENCES = [
    "出诊的时候没信号，今天的名单就打不开，只能提前截图。",
    "病人收到提醒短信以后，迟到的明显少了。",
    "每个月导报表都要花一个下午，希望能自动发邮件。",
    "兼职医生也按整个账号收费，我们觉得不合理。",
    "系统有时候很慢，前台排队的病人就会抱怨。",
    "数据存在哪里、安不安全，院长最关心这个。",
]
FIRST_NAMES = ["Amara", "Bilal", "Carmen", "Dmitri", "Elena", "Farah", "Gustavo", "Hana", "Ines", "Jonas",
               "Keiko", "Lars", "Maya", "Nikhil", "Olivia", "Pedro", "Quentin", "Rania", "Sofia", "Tomasz",
               "Ulla", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Aoife", "Bruno", "Chiara", "Dev",
               "Emeka", "Freya", "Goran", "Helga", "Ivo", "José", "Kofi", "Léa", "Mateo", "Noor"]
LAST_NAMES = ["Abbott", "Brennan", "Castillo", "Dąbrowski", "Eriksen", "Fontaine", "García", "Haddad",
              "Ishikawa", "Jovanović", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
              "Quiroga", "Rossi", "Schäfer", "Takahashi", "Urquhart", "Varga", "Whitfield", "Xu", "Yilmaz",
              "Zielinski", "Adeyemi", "Bergström", "Costa", "Delacroix", "Eze", "Fischer", "Greco",
              "Horvat", "Ivanova", "Jensen", "Kaur", "Laine", "Mendes", "Novak"]
ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"]
ZH_GIVEN = ["志强", "秀英", "建华", "丽娟", "伟", "芳", "晓明", "海燕", "国平", "玉兰",
            "子涵", "宇轩", "欣怡", "浩然", "雨萱", "俊杰", "婷婷", "文博", "嘉怡", "明轩"]
METHODS = ["interview", "focus-group", "support", "field-note"]
PLANS = ["basic", "pro", "enterprise"]


# With --varied: tags a codebook does not name, as researchers add them while coding.
FREE_TAGS = [f"{stem}-{n}" for stem in ("workflow", "billing", "handover", "rota", "sms", "export", "login", "audit")
             for n in range(1, 26)]


def note(index, rng, respondents, names=False, varied=False):
    chinese = index % 3 == 2 if varied else index % 5 == 4
    people = [f"r-{rng.randrange(1, respondents + 1):06d}" for _ in range(rng.randint(1, 6 if varied else 4))]
    people = list(dict.fromkeys(people))
    # Drawn only with --names, so that the corpus without names stays as it was.
    named = {person: (rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN) if chinese
                      else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}") for person in people} if names else {}
    tags, sentences = (ZH_TAGS, ZH_SENTENCES) if chinese else (EN_TAGS, EN_SENTENCES)
    if varied:
        tags = tags + FREE_TAGS
    month = 1 + index % 12
    day = 1 + index % 28
    lines = ["---",
             f"title: {'访谈' if chinese else 'Interview'} {index:05d}",
             f"date: 2026-{month:02d}-{day:02d}",
             f"method: {METHODS[index % len(METHODS)]}",
             f"summary: {'关于排班和提醒的访谈。' if chinese else 'A customer on scheduling, reminders and support.'}",
             "participants:"]
    for person in people:
        plan = rng.choice(PLANS)
        name = f"name: {named[person]}, " if names else ""
        lines.append(f"  - {{id: {person}, {name}role: {'前台' if chinese else 'Receptionist'}, "
                     f"attributes: {{age: {rng.randint(22, 64)}, plan: {plan}}}}}")
    lines.append("---")
    for section in range(rng.randint(2, 4) if varied else 3):
        lines.append("")
        lines.append(f"## {'第' + str(section + 1) + '部分' if chinese else 'Part ' + str(section + 1)}")
        lines.append("")
        for _ in range(rng.randint(2, 3)):
            text = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
            tagged = " ".join("#" + tag for tag in rng.sample(tags, rng.randint(0, 2) if varied else 2))
            if rng.random() < 0.25:
                tagged += " #need/" + rng.choice(NEEDS)
            lines.append(f"> {text} {tagged}")
            lines.append(f"> — {rng.choice(people)}")
            lines.append("")
        for _ in range(rng.randint(1, 3)):
            if varied:
                lines.append(f"- {rng.choice(sentences)} " + " ".join("#" + tag for tag in rng.sample(tags, rng.randint(1, 2))))
            else:
                lines.append(f"- {rng.choice(sentences)} #{rng.choice(tags)}")
        if names:
            who = named[rng.choice(people)]
            lines.append(f"- {who}说，{rng.choice(sentences)} #{rng.choice(tags)}" if chinese
                         else f"- {who.split()[0]} showed us how {who.split()[1]} & Co. work: {rng.choice(sentences)} #{rng.choice(tags)}")
    return "\n".join(lines) + "\n"


CONFIG = """title: "Benchmark study"
language: en
baseURL: /
scale: {min: 1, max: 7}
dimensions:
  - {id: function,    label: "Product function", weight: 30}
  - {id: performance, label: "Performance",      weight: 20}
  - {id: appearance,  label: "Look and feel",    weight: 10}
  - {id: price,       label: "Price",            weight: 15}
  - {id: service,     label: "Service",          weight: 25}
surveys:
  - file: surveys/survey.csv
    id: respondent_id
    pairs:
%s
    nps: recommend
    csat: {column: satisfied, scale: {min: 1, max: 5}, top: 2}
    attributes: {age: numeric, plan: category, clinic_size: category}
    text: [comment]
breakdowns: [plan, clinic_size]
personas:
  method: k-prototypes
  attributes: [age, plan, clinic_size]
  k: auto
  seed: 42
"""
DIMENSIONS = ["function", "performance", "appearance", "price", "service"]


def survey(path, respondents, rng):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        header = ["respondent_id"]
        for dimension in DIMENSIONS:
            header += [f"exp_{dimension}", f"perc_{dimension}", f"imp_{dimension}"]
        writer.writerow(header + ["recommend", "satisfied", "age", "plan", "clinic_size", "comment"])
        for index in range(1, respondents + 1):
            group = rng.randrange(4)
            row = [f"r-{index:06d}"]
            for d in range(len(DIMENSIONS)):
                row += [min(7, max(1, round(rng.gauss(6, 0.8)))), min(7, max(1, round(rng.gauss(4.5 + (group + d) % 3 * 0.5, 1)))),
                        min(7, max(1, round(rng.gauss(5.5, 1))))]
            row += [rng.randint(0, 10), rng.randint(1, 5), min(80, max(18, round(rng.gauss(28 + group * 9, 4)))),
                    PLANS[group % 3] if rng.random() < 0.85 else rng.choice(PLANS),
                    ["small", "medium", "large"][group % 3] if rng.random() < 0.8 else "small",
                    rng.choice(EN_SENTENCES) if rng.random() < 0.1 else ""]
            writer.writerow(row)


# buildFuture: the notes are dated through 2026, and Hugo leaves out pages dated after today, so
# without it Hugo would build fewer notes than canvass as the calendar moves on.
HUGO_CONFIG = ('baseURL = "/"\ntitle = "Benchmark study"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
               'buildFuture = true\n')
HUGO_SINGLE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
               '<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n')
HUGO_LIST = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>'
             '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')


# The fair site: what a researcher publishing these notes with Hugo would write.
HUGO_FAIR_CONFIG = ('baseURL = "/"\ntitle = "Benchmark study"\nbuildFuture = true\npaginate = 20\n'
                    'disableKinds = ["RSS"]\n[taxonomies]\n  tag = "tags"\n'
                    '[outputs]\n  home = ["HTML", "JSON"]\n')
HUGO_FAIR_BASEOF = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>'
                    '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>'
                    '<nav><a href="/">{{ .Site.Title }}</a> <a href="/interviews/">Notes</a> <a href="/tags/">Tags</a></nav>'
                    '<main>{{ block "main" . }}{{ end }}</main></body></html>\n')
HUGO_FAIR_SINGLE = ('{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2 January 2006" }}</time> · '
                    '{{ .Params.method }}</p><p>{{ .Params.summary }}</p><ul class="tags">{{ range .GetTerms "tags" }}'
                    '<li><a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ .Content }}</article>{{ end }}\n')
HUGO_FAIR_LIST = ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}'
                  '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> '
                  '{{ .Params.summary }}</li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}\n')
HUGO_FAIR_TERM = ('{{ define "main" }}<h1>#{{ .Title }}</h1><p>{{ len .Pages }} notes</p><ul>{{ range .Pages.ByDate.Reverse }}'
                  '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>{{ end }}\n')
HUGO_FAIR_TERMS = ('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}'
                   '<li><a href="{{ .Page.RelPermalink }}">#{{ .Page.LinkTitle }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n')
HUGO_FAIR_HOME = ('{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 20 (where .Site.RegularPages "Section" "interviews").ByDate.Reverse }}'
                  '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
HUGO_FAIR_INDEX_JSON = ('{{- $index := slice -}}{{- range .Site.RegularPages -}}'
                        '{{- $index = $index | append (dict "title" .Title "url" .RelPermalink "tags" .Params.tags "text" .Plain) -}}'
                        '{{- end -}}{{- $index | jsonify -}}\n')


def with_tags(text):
    """The note with its inline tags (and needs) also in the front matter, for Hugo's taxonomy."""
    front, body = text.split("\n---\n", 1)
    tags = list(dict.fromkeys(re.findall(r"#([^\s#]+)", body)))
    return front + "\ntags: [" + ", ".join('"' + tag + '"' for tag in tags) + "]\n---\n" + body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--respondents", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--names", action="store_true", help="give participants names, which the notes mention")
    parser.add_argument("--varied", action="store_true",
                        help="2-4 sections, up to 6 participants, one note in three in Chinese, 0-2 tags a line from 200 more the codebook does not name")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    # A corpus made with the same settings is written over in place rather than deleted first:
    # on ext4 without a journal, files created soon after thousands were deleted cost seconds of
    # kernel time, which would land on the benchmark's first runs.
    stamp, stamp_path = f"notes={args.notes} respondents={args.respondents} seed={args.seed}{' names' if args.names else ''}{' varied' if args.varied else ''}\n", os.path.join(args.out, "corpus.txt")
    if not os.path.exists(stamp_path) or open(stamp_path, encoding="utf-8").read() != stamp:
        shutil.rmtree(args.out, ignore_errors=True)
    project, hugo = os.path.join(args.out, "canvass"), os.path.join(args.out, "hugo")
    pairs = "\n".join(f"      {d}: {{expectation: exp_{d}, perception: perc_{d}, importance: imp_{d}}}" for d in DIMENSIONS)
    write(os.path.join(project, "canvass.yml"), CONFIG % pairs)
    os.makedirs(os.path.join(project, "content", "data"), exist_ok=True)
    shutil.copy(os.path.join(REPO, "content", "data", "codebook.yml"), os.path.join(project, "content", "data", "codebook.yml"))
    os.makedirs(os.path.join(project, "content", "surveys"), exist_ok=True)
    survey(os.path.join(project, "content", "surveys", "survey.csv"), args.respondents, rng)
    write(os.path.join(hugo, "hugo.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
    write(os.path.join(hugo, "layouts", "index.html"), HUGO_LIST)
    fair = os.path.join(args.out, "hugo-fair")
    write(os.path.join(fair, "hugo.toml"), HUGO_FAIR_CONFIG)
    for name, text in [("_default/baseof.html", HUGO_FAIR_BASEOF), ("_default/single.html", HUGO_FAIR_SINGLE),
                       ("_default/list.html", HUGO_FAIR_LIST), ("_default/term.html", HUGO_FAIR_TERM),
                       ("_default/taxonomy.html", HUGO_FAIR_TERMS), ("index.html", HUGO_FAIR_HOME),
                       ("index.json", HUGO_FAIR_INDEX_JSON)]:
        write(os.path.join(fair, "layouts", name), text)
    write(os.path.join(fair, "content", "interviews", "_index.md"), "---\ntitle: Notes\n---\n")
    for index in range(args.notes):
        text = note(index, rng, args.respondents, args.names, args.varied)
        folder = f"2026-{1 + index % 12:02d}"
        write(os.path.join(project, "content", "interviews", folder, f"note-{index:05d}.md"), text)
        write(os.path.join(hugo, "content", "interviews", folder, f"note-{index:05d}.md"), text)
        write(os.path.join(fair, "content", "interviews", folder, f"note-{index:05d}.md"), with_tags(text))
    write(stamp_path, stamp)


if __name__ == "__main__":
    main()
