import CanvassCore
import CanvassMarkdown

extension PageContext {
    func home() -> PageModel<HomePage> {
        let notes = project.notes
        let participants = Set(notes.flatMap { $0.participants.map(\.id) })
        let excerptCount = notes.reduce(0) { $0 + $1.excerpts.count }
        let themed = analysis.themes.filter { !$0.excerpts.isEmpty }
        let top = themed.prefix(8)
        let maxCount = top.first?.excerpts.count ?? 0
        var figures: [Figure] = []
        var survey: SurveyPanel?
        if let results = analysis.surveys {
            figures.append(Figure(value: strings.formatNumber(results.respondents), label: strings["figure_respondents"],
                                  href: .page(path.link(to: PagePath.methodology.path))))
            // Weighted figures say so and link to the same figures without weights.
            let weighted = results.weighting != nil
            func label(_ key: String) -> String { weighted ? strings.format("figure_weighted", ["figure": strings[key]]) : strings[key] }
            let weightsLink: Figure.Target = weighted ? .page(path.link(to: PagePath.quality.path) + "#weights-heading") : .off
            if let nps = results.nps?.overall {
                figures.append(Figure(value: NumberFormat.fixed(nps.score, 0), label: label("figure_nps"), detail: "± " + NumberFormat.fixed(nps.moe95, 1),
                                      small: nps.n < 30 && nps.n > 0, href: weightsLink))
            }
            if let csat = results.csat?.overall {
                figures.append(Figure(value: NumberFormat.percent(csat.score, 0), label: label("figure_csat"),
                                      detail: NumberFormat.interval(csat.ci95?.lower, csat.ci95?.upper, 0), href: weightsLink))
            }
            figures.append(Figure(value: NumberFormat.signed(results.overallGap.weighted), label: strings["figure_weighted_gap"],
                                  href: .page(path.link(to: PagePath.gaps.path))))
            let shortfalls = results.dimensions.filter { ($0.gap.mean ?? 0) < 0 }.sorted { $0.gap.mean! < $1.gap.mean! }.prefix(3)
            var npsRows: [(label: String, result: NPSResult)] = []
            if let nps = results.nps {
                npsRows = [(strings["all_respondents"], nps.overall)] + nps.byWave.map { ($0.label, $0.value) }
            }
            survey = SurveyPanel(shortfalls: shortfalls.map(dimensionRow), npsSVG: npsRows.isEmpty ? "" : charts.nps(npsRows))
        }
        figures += [
            Figure(value: strings.formatNumber(notes.count), label: strings["figure_notes"], href: .page(path.link(to: PagePath.notes.path))),
            Figure(value: strings.formatNumber(excerptCount), label: strings["figure_excerpts"]),
            Figure(value: strings.formatNumber(participants.count), label: strings["figure_participants"]),
            Figure(value: strings.formatNumber(themed.count), label: strings["figure_themes"], href: .page(path.link(to: PagePath.themes.path))),
        ]
        return PageModel(base: base(title: strings["home_title"], section: "home"), content: HomePage(
            figures: figures,
            survey: survey,
            hasPersonas: analysis.personas != nil,
            // What is on track and what is not: monitored figures, and the improvement actions.
            monitoring: analysis.surveys.flatMap { $0.hasMonitoring ? monitoringStatus($0) : nil },
            actions: analysis.actions.map { results in
                ActionsPanel(summary: actionsSummary(results), overdue: results.actions.filter(\.overdue).map(actionRow),
                             href: path.link(to: PagePath.actions.path))
            },
            personaCards: analysis.personas?.personas.map(personaCard) ?? [],
            topThemes: top.map { summary in
                TopTheme(
                    label: summary.theme.label,
                    href: path.link(to: PagePath.theme(summary.theme.id).path),
                    count: strings.count("excerpts", summary.excerpts.count),
                    width: barWidth(summary.excerpts.count, max: maxCount),
                    dimension: summary.theme.dimension.flatMap { project.config.dimension(id: $0)?.label } ?? "")
            },
            recentNotes: notes.prefix(6).map(noteRow),
            hasNotes: !notes.isEmpty,
            methods: NoteMethod.allCases.compactMap { method in
                let count = notes.filter { $0.method == method }.count
                return count == 0 ? nil : LabeledCount(label: methodLabel(method), count: strings.formatNumber(count))
            }))
    }

    /// A note as a row of a list: title, date, method, who, how much evidence.
    func noteRow(_ note: Note) -> NoteRow {
        NoteRow(
            title: note.title,
            href: noteHref(note.id),
            date: date(note.date),
            isoDate: note.date?.description ?? "",
            method: methodLabel(note.method),
            methodID: note.method.rawValue,
            participants: note.participants.map(displayName).joined(separator: "; "),
            participantIDs: note.participants.map(\.id).joined(separator: " "),
            tagIDs: note.allTags.joined(separator: " "),
            personaIDs: Set(note.participants.compactMap { participantPersona[$0.id] }).sorted().joined(separator: " "),
            excerpts: strings.formatNumber(note.excerpts.count))
    }

    func notesIndex() -> PageModel<NotesPage> {
        let notes = project.notes
        let methods = NoteMethod.allCases.filter { m in notes.contains { $0.method == m } }
        var people: [String: Participant] = [:]
        for note in notes { for person in note.participants where people[person.id] == nil { people[person.id] = person } }
        let tags = Set(notes.flatMap(\.allTags)).sorted()
        return PageModel(base: base(title: strings["notes_title"], section: "notes"), content: NotesPage(
            notes: notes.map(noteRow),
            count: strings.count("notes", notes.count),
            methodOptions: methods.map { Option(value: $0.rawValue, label: methodLabel($0)) },
            participantOptions: people.keys.sorted().map { Option(value: $0, label: displayName(people[$0]!)) },
            tagOptions: tags.map { Option(value: $0, label: "#" + $0) },
            personaOptions: analysis.personas?.personas.map { Option(value: $0.id, label: personaName($0)) }))
    }

    func note(_ note: Note) -> PageModel<NotePage> {
        var html = renderer(tagStyle: .link { tagHref($0) })
        for excerpt in note.excerpts {
            var footer: String?
            if let speaker = excerpt.speaker, let person = note.participant(id: speaker) {
                footer = "<footer class=\"speaker\">— " + HTMLEscaping.escape(displayName(person)) + "</footer>"
            }
            let point = SourcePoint(line: excerpt.location.line, column: excerpt.location.column)
            html.decorations[point] = .init(id: excerpt.anchor, className: "excerpt excerpt-\(excerpt.kind.rawValue)", footerHTML: footer)
        }
        let themeCounts = Dictionary(grouping: note.excerpts.flatMap { analysis.themeIndex.themeIDs(for: $0) }, by: { $0 })
        let themes = analysis.themeIndex.themes.filter { themeCounts[$0.id] != nil }.map { theme in
            ThemeCount(label: theme.label, href: path.link(to: PagePath.theme(theme.id).path), count: strings.formatNumber(themeCounts[theme.id]!.count))
        }
        return PageModel(base: base(title: note.title, section: "notes", description: note.summary), content: NotePage(note: NoteView(
            title: note.title,
            date: date(note.date),
            isoDate: note.date?.description ?? "",
            method: methodLabel(note.method),
            summary: note.summary ?? "",
            excerptCount: strings.count("excerpts", note.excerpts.count),
            source: note.file,
            bodyHTML: html.render(note.body),
            tags: tagChips(note.tags),
            participants: note.participants.map { person in
                ParticipantView(
                    name: displayName(person), id: person.id,
                    attributes: person.attributes.keys.sorted().map { KeyValue(key: $0, value: person.attributes[$0]!) })
            },
            themes: themes)))
    }

    func themesIndex() -> PageModel<ThemesPage> {
        let maxCount = analysis.themes.map(\.excerpts.count).max() ?? 0
        let rows = analysis.themes.map { summary in
            ThemeRow(
                label: summary.theme.label,
                href: path.link(to: PagePath.theme(summary.theme.id).path),
                description: summary.theme.description ?? "",
                dimension: summary.theme.dimension.flatMap { project.config.dimension(id: $0)?.label } ?? "",
                excerpts: strings.formatNumber(summary.excerpts.count),
                excerptCount: summary.excerpts.count,
                notes: strings.formatNumber(summary.noteIDs.count),
                participants: strings.formatNumber(summary.participantIDs.count),
                width: barWidth(summary.excerpts.count, max: maxCount),
                sentiment: NumberFormat.signed(summary.sentiment),
                sentimentValue: summary.sentiment.map { String($0) } ?? "")
        }
        return PageModel(base: base(title: strings["themes_title"], section: "themes"), content: ThemesPage(
            themes: rows, count: strings.count("themes", rows.count), matrixSVG: cooccurrenceSVG()))
    }

    func theme(_ summary: ThemeSummary) -> PageModel<ThemePage> {
        let listed = excerptList(summary.excerpts, notes: notesByID)
        let gap = summary.theme.dimension.flatMap { analysis.surveys?.dimension(id: $0) }?.gap
        let total = max(summary.excerpts.count, 1)
        let view = ThemeView(
            label: summary.theme.label,
            description: summary.theme.description ?? "",
            dimension: summary.theme.dimension.flatMap { project.config.dimension(id: $0) }?.label ?? "",
            tags: summary.theme.tags.map { Named(label: "#" + $0) },
            excerptCount: strings.count("excerpts", summary.excerpts.count),
            noteCount: strings.count("notes", summary.noteIDs.count),
            participantCount: strings.count("participants", summary.participantIDs.count),
            excerpts: listed.models,
            moreExcerpts: listed.more,
            hasExcerpts: !summary.excerpts.isEmpty,
            hasGap: gap != nil,
            gap: NumberFormat.signed(gap?.mean),
            gapCI: NumberFormat.interval(gap?.ci95?.lower, gap?.ci95?.upper),
            gapN: strings.formatNumber(gap?.n ?? 0),
            gapShortfall: (gap?.mean ?? 0) < 0,
            gapHref: summary.theme.dimension.map { dimensionHref($0) } ?? "",
            sentiment: sentimentLabel(summary.sentiment),
            keywords: summary.keywords.map { Named(label: $0.label) },
            cooccurring: summary.cooccurring.prefix(8).compactMap { group in
                analysis.themeIndex.theme(id: group.label).map {
                    ThemeCount(label: $0.label, href: path.link(to: PagePath.theme($0.id).path), count: strings.formatNumber(group.value))
                }
            },
            hasCooccurring: !summary.cooccurring.isEmpty,
            byMethod: summary.byMethod.compactMap { group in
                NoteMethod(rawValue: group.label).map {
                    Bar(label: methodLabel($0), href: nil, count: strings.formatNumber(group.value), width: barWidth(group.value, max: total))
                }
            },
            byPersona: summary.byPersona.compactMap { group in
                analysis.personas?.persona(id: group.label).map {
                    Bar(label: personaName($0), href: path.link(to: PagePath.persona($0.id).path), count: strings.formatNumber(group.value),
                        width: barWidth(group.value, max: total))
                }
            },
            hasPersonas: !summary.byPersona.isEmpty)
        return PageModel(base: base(title: summary.theme.label, section: "themes", description: summary.theme.description), content: ThemePage(theme: view))
    }

    func notFound() -> PageBase {
        base(title: strings["notfound_title"], section: nil)
    }
}
