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
    /// Each excerpt's themes, in note order, as positions in `themeIndex.themes`.
    let themesOf: [[Int]]
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
        // Excerpts attributed to a persona: a quote's speaker, or the sole participant of a note.
        var excerpts: [String: [(excerpt: Excerpt, themes: [Int])]] = [:]
        var next = 0
        for note in notes {
            for excerpt in note.excerpts {
                if let person = note.attributedParticipant(of: excerpt), let persona = participantPersona[person] {
                    excerpts[persona, default: []].append((excerpt, themesOf[next]))
                }
                next += 1
            }
        }
        let narrativeByID = Dictionary(narratives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let total = segments.sizes.values.reduce(0, +)
        let personas = segments.order.map { label -> Persona in
            let id = segments.ids[label]!
            let own = excerpts[id] ?? []
            var byTheme = [Int](repeating: 0, count: themeIndex.themes.count)
            var needCounts: [String: Int] = [:]
            for (excerpt, themes) in own {
                for theme in themes { byTheme[theme] += 1 }
                for tag in excerpt.tags where tag.hasPrefix("need/") { needCounts[tag, default: 0] += 1 }
            }
            let themeCounts = Dictionary(uniqueKeysWithValues: byTheme.indices.filter { byTheme[$0] > 0 }.map { (themeIndex.themes[$0].id, byTheme[$0]) })
            return Persona(
                id: id, size: segments.sizes[label]!, share: total > 0 ? Double(segments.sizes[label]!) / Double(total) : 0,
                traits: segments.traits[label] ?? [],
                gaps: results.dimensions.compactMap { d in d.byPersona.first { $0.label == id }.map { Group(label: d.dimension.id, value: $0.value) } },
                nps: results.nps?.byPersona.first { $0.label == id }?.value,
                csat: results.csat?.byPersona.first { $0.label == id }?.value,
                themes: Self.ranked(themeCounts), quotes: Array(own.lazy.map(\.excerpt).filter { $0.kind == .quote }.prefix(Self.quotesPerPersona)),
                needs: Self.ranked(needCounts),
                participants: participantPersona.filter { $0.value == id }.keys.sorted(),
                narrative: narrativeByID[id])
        }
        var diagnostics: [Diagnostic] = []
        let ids = personas.map(\.id)
        for narrative in narratives where !ids.contains(narrative.id) {
            diagnostics.append(.error(
                "persona narrative names `\(narrative.id)`, which is not a persona of this study",
                at: SourceLocation(file: narrative.file, line: 2, column: 1),
                hint: Suggestion.didYouMean(narrative.id, in: ids) ?? "the personas are: \(ids.joined(separator: ", "))"))
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
