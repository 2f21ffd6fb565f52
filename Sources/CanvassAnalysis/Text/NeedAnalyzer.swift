import CanvassCore

/// Needs and their priorities (SPEC §4.10).
///
/// A need is a `#need/<id>` tag (the codebook may name and place it). Its priority score is
///     score = 0.5 · reach + 0.25 · importance + 0.25 · shortfall
/// where reach = voices raising it ÷ the most voices raising any need (a voice is a participant, or
/// a note with several participants where no speaker is named); importance =
/// the dimension's mean importance rescaled to 0–1 on the survey scale (0.5 when unknown); and
/// shortfall = −gap ÷ half the scale range, clamped to 0–1 (0 when unknown or not a shortfall).
/// P1 from 0.6 with at least three voices, P2 from 0.4 with at least two, P3 otherwise; each
/// priority's committed response time comes from `commitments`.
public enum NeedAnalyzer {
    /// `themesOf[n][e]` holds the themes of excerpt `e` of note `n`, as positions in `index.themes`.
    static func analyse(_ project: Project, index: ThemeIndex, themesOf: [[[Int]]], surveys: SurveyResults?) -> [Need] {
        var places: [String: [ExcerptList.Place]] = [:]
        var themes: [String: [Int]] = [:]
        var people: [String: Set<String>] = [:]
        var groupNotes: [String: Set<Int>] = [:]
        for (n, note) in project.notes.enumerated() where note.excerptTags.contains(where: { $0.hasPrefix(Need.tagPrefix) }) {
            for (e, facts) in note.excerptFacts.enumerated() {
                for id in facts.needs {
                    places[id, default: []].append(ExcerptList.Place(note: n, excerpt: e))
                    themes[id, default: []] += themesOf[n][e]
                    if let person = facts.participant {
                        people[id, default: []].insert(person)
                    } else if note.participants.count > 1 {
                        groupNotes[id, default: []].insert(n)
                    }
                }
            }
        }
        let definitions = Dictionary((project.codebook?.needs ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = Set(places.keys).union(definitions.keys).sorted()
        let voices = Dictionary(uniqueKeysWithValues: Set(places.keys).map { id in
            (id, (people[id]?.count ?? 0) + (groupNotes[id]?.count ?? 0))
        })
        let mostVoices = max(1, voices.values.max() ?? 1)
        let scale = project.surveys.first.map { $0.scale(default: project.config.scale) } ?? project.config.scale
        let range = Double(scale.max - scale.min)
        let commitments = Dictionary(uniqueKeysWithValues: project.config.commitments.map { ($0.priority, $0.text) })
        let needs = ids.map { id -> Need in
            let evidence = ExcerptList(notes: project.notes, places: places[id] ?? [])
            let dimension = definitions[id]?.dimension ?? dominantDimension(themes[id] ?? [], index: index)
            let result = dimension.flatMap { surveys?.dimension(id: $0) }
            let importance = result.flatMap { $0.importance?.mean ?? $0.expectation.mean }
            let gap = result?.gap.mean
            let reach = Double(voices[id] ?? 0) / Double(mostVoices)
            let importanceShare = importance.map { range > 0 ? ($0 - Double(scale.min)) / range : 0.5 } ?? 0.5
            let shortfall = gap.map { range > 0 ? min(1, max(0, -$0 / (range / 2))) : 0 } ?? 0
            let score = 0.5 * reach + 0.25 * importanceShare + 0.25 * shortfall
            let priority = Need.priority(score: score, voices: voices[id] ?? 0)
            return Need(
                id: id, label: definitions[id]?.label ?? id.replacingOccurrences(of: "-", with: " "),
                description: definitions[id]?.description, dimension: dimension, participants: (people[id] ?? []).sorted(),
                groupNotes: groupNotes[id]?.count ?? 0,
                excerpts: evidence, importance: importance, gap: gap, score: score, priority: priority, commitment: commitments[priority])
        }
        return needs.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
    }

    /// The dimension most of the evidence's themes (positions in `index.themes`) belong to.
    static func dominantDimension(_ themes: [Int], index: ThemeIndex) -> String? {
        var counts: [String: Int] = [:]
        for theme in themes {
            if let dimension = index.themes[theme].dimension { counts[dimension, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
