import CanvassCore

/// Completes the personas with the qualitative evidence: which note participants belong to each
/// (by their survey row, else by their front-matter attributes), and so which themes, quotes and
/// needs; then applies the narratives of `content/personas/`.
struct PersonaBuilder {
    let segments: PersonaSegments
    let results: SurveyResults
    let pool: RespondentPool
    let config: PersonaConfig
    let notes: [Note]
    let themeIndex: ThemeIndex
    /// The themes of excerpt `e` of note `n` at `[n][e]`, as positions in `themeIndex.themes`.
    let themesOf: [[[Int]]]
    let narratives: [PersonaNarrative]

    static let quotesPerPersona = 6

    func build() -> (PersonaResults, [Diagnostic]) {
        // Respondent → persona, worked out with the segments (and so kept with them by `serve`).
        let personaOf = segments.personaOfRespondent
        // Note participants without a survey row are placed by their front-matter attributes.
        var participantPersona: [String: String] = [:]
        for note in notes {
            for person in note.participants where participantPersona[person.id] == nil {
                if let persona = personaOf[person.id] {
                    participantPersona[person.id] = persona
                } else if let label = segments.segmentation.place(person.attributes), let persona = segments.ids[label] {
                    participantPersona[person.id] = persona
                }
            }
        }
        // What the excerpts attributed to each persona (a quote's speaker, or the sole participant of
        // a note) add up to, by persona id.
        let ids = Array(Set(segments.ids.values)).sorted()
        let number = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var byTheme = [[Int]](repeating: [Int](repeating: 0, count: themeIndex.themes.count), count: ids.count)
        var needCounts = [[String: Int]](repeating: [:], count: ids.count)
        var quotes = [[ExcerptList.Place]](repeating: [], count: ids.count)
        for (n, note) in notes.enumerated() {
            // Most excerpts of a note are attributed to the same participant as the one before.
            var last: (person: String, persona: Int?)?
            for (e, facts) in note.excerptFacts.enumerated() {
                guard let person = facts.participant else { continue }
                if last?.person != person { last = (person, participantPersona[person].flatMap { number[$0] }) }
                guard let persona = last?.persona else { continue }
                for theme in themesOf[n][e] { byTheme[persona][theme] += 1 }
                for need in facts.needs { needCounts[persona][need, default: 0] += 1 }
                if facts.isQuote && quotes[persona].count < Self.quotesPerPersona { quotes[persona].append(ExcerptList.Place(note: n, excerpt: e)) }
            }
        }
        var members = [[String]](repeating: [], count: ids.count)
        for (person, persona) in participantPersona { members[number[persona]!].append(person) }
        let narrativeByID = Dictionary(narratives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let total = segments.sizes.values.reduce(0, +)
        // Weighted shares: the pool's weights of each persona's rows (1 each without weights).
        var weightOf: [Int: Double] = [:]
        for (index, row) in pool.rows.enumerated() { weightOf[segments.segmentation.labels[index], default: 0] += pool.weight(row) }
        let totalWeight = segments.order.reduce(0) { $0 + (weightOf[$1] ?? 0) }
        let personas = segments.order.map { label -> Persona in
            let id = segments.ids[label]!
            let k = number[id]!
            let byTheme = byTheme[k]
            let themeCounts = Dictionary(uniqueKeysWithValues: byTheme.indices.filter { byTheme[$0] > 0 }.map { (themeIndex.themes[$0].id, byTheme[$0]) })
            let sampleShare = total > 0 ? Double(segments.sizes[label]!) / Double(total) : 0
            var persona = Persona(
                id: id, size: segments.sizes[label]!, share: pool.weights == nil || totalWeight == 0 ? sampleShare : (weightOf[label] ?? 0) / totalWeight,
                traits: segments.traits[label] ?? [],
                gaps: results.dimensions.compactMap { d in d.byPersona.first { $0.label == id }.map { Group(label: d.dimension.id, value: $0.value) } },
                nps: results.nps?.byPersona.first { $0.label == id }?.value,
                csat: results.csat?.byPersona.first { $0.label == id }?.value,
                themes: Self.ranked(themeCounts), quotes: Array(ExcerptList(notes: notes, places: quotes[k])),
                needs: Self.ranked(Dictionary(uniqueKeysWithValues: needCounts[k].map { (Need.tagPrefix + $0.key, $0.value) })),
                participants: members[k].sorted(),
                narrative: narrativeByID[id])
            persona.sampleShare = sampleShare
            return persona
        }
        var diagnostics: [Diagnostic] = []
        let personaIDs = personas.map(\.id)
        for narrative in narratives where !personaIDs.contains(narrative.id) {
            diagnostics.append(.error(
                "persona narrative names `\(narrative.id)`, which is not a persona of this study",
                at: SourceLocation(file: narrative.file, line: 2, column: 1),
                hint: Suggestion.didYouMean(narrative.id, in: personaIDs) ?? "the personas are: \(personaIDs.joined(separator: ", "))"))
        }
        let segmentation = segments.segmentation
        return (PersonaResults(
            method: config.method, k: segmentation.k, seed: config.seed, attributes: config.attributes,
            silhouette: segmentation.silhouette, silhouetteByK: segmentation.silhouetteByK, stability: segmentation.stability,
            stabilityRuns: segmentation.stabilityRuns, sampleSize: segmentation.sampleSize, personas: personas,
            assignments: segments.assignments), diagnostics)
    }

    /// Counts, highest first, ties by name.
    static func ranked(_ counts: [String: Int]) -> [Group<Int>] {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { Group(label: $0.key, value: $0.value) }
    }
}
