import CanvassSupport
import Foundation
import CanvassCore

/// Counts the evidence behind each theme.
public enum ThemeAnalysis {
    /// Summarises every theme of the index over the notes; themes with no excerpts are kept (count 0),
    /// sorted by excerpt count, then label. `themesOf[n][e]` holds the themes of excerpt `e` of
    /// note `n`, as positions in `index.themes`.
    static func summarize(notes: [Note], index: ThemeIndex, themesOf: [[[Int]]]) -> [ThemeSummary] {
        let themes = index.themes
        // Participants by rank in name order, so that each theme gathers numbers, and sorting and
        // removing repeats of numbers gives its participants in order (hashing and sorting names
        // per excerpt was most of this pass on a large study).
        let people = Self.people(notes)
        let rank = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1, Int32($0)) })
        var places = [[ExcerptList.Place]](repeating: [], count: themes.count)
        var noteIDs = [[String]](repeating: [], count: themes.count)
        var ranks = [[Int32]](repeating: [], count: themes.count)
        // The note last counted for each theme.
        var lastNote = [Int](repeating: -1, count: themes.count)
        for (n, themesOfNote) in themesOf.enumerated() {
            let facts = notes[n].excerptFacts
            var last: (person: String?, rank: Int32?) = (nil, nil)
            for (e, themesOfExcerpt) in themesOfNote.enumerated() where !themesOfExcerpt.isEmpty {
                let person = facts[e].participant
                if person != last.person { last = (person, person.flatMap { rank[$0] }) }
                for theme in themesOfExcerpt {
                    places[theme].append(ExcerptList.Place(note: n, excerpt: e))
                    if lastNote[theme] != n {
                        noteIDs[theme].append(notes[n].id)
                        lastNote[theme] = n
                    }
                    if let rank = last.rank, ranks[theme].last != rank { ranks[theme].append(rank) }
                }
            }
        }
        var marked = [Bool](repeating: false, count: people.count)
        return themes.indices.map { theme in
            let distinct = Self.distinctSorted(ranks[theme], below: people.count, scratch: &marked)
            return ThemeSummary(
                theme: themes[theme], excerpts: ExcerptList(notes: notes, places: places[theme]), noteIDs: noteIDs[theme],
                participantIDs: distinct.map { people[Int($0)] })
        }
        .sorted { ($0.excerpts.count, $1.theme.label) > ($1.excerpts.count, $0.theme.label) }
    }

    /// The distinct numbers of `ranks` (each below `limit`), ascending: by marking them in
    /// `scratch` (all false, and left so) when they are many, else by sorting.
    static func distinctSorted(_ ranks: [Int32], below limit: Int, scratch: inout [Bool]) -> [Int32] {
        guard ranks.count > limit / 16 else {
            var sorted = ranks.sorted()
            sorted.removeRepeats()
            return sorted
        }
        for rank in ranks { scratch[Int(rank)] = true }
        var distinct: [Int32] = []
        for rank in 0..<limit where scratch[rank] {
            distinct.append(Int32(rank))
            scratch[rank] = false
        }
        return distinct
    }

    /// Every participant an excerpt of `notes` is attributed to, sorted, unique.
    static func people(_ notes: [Note]) -> [String] {
        var seen = Set<String>()
        for note in notes {
            var last: String?
            for facts in note.excerptFacts where facts.participant != last {
                last = facts.participant
                if let person = last { seen.insert(person) }
            }
        }
        return seen.sorted()
    }

    /// The themes of each excerpt of each note (`[n][e]`), as positions in `index.themes`.
    static func themesOfExcerpts(_ notes: [Note], index: ThemeIndex, memo: any AnalysisMemo) -> [[[Int]]] {
        let position = Dictionary(index.themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return memo.excerptThemes(of: notes, index: index) { notes in
            excerptValues(of: notes, key: \.tags) { tags in index.themeIDs(forTags: tags).compactMap { position[$0] } }
        }
    }
}

extension ThemeAnalysis {
    /// The keyword terms of each excerpt of each note (`[n][e]`), as numbers of the vocabulary
    /// returned with them.
    static func terms(of notes: [Note], stopwords: [String], memo: any AnalysisMemo) -> ExcerptTerms {
        let extractor = KeywordExtractor(extraStopwords: stopwords)
        return memo.excerptTerms(of: notes, stopwords: stopwords) { notes in
            excerptValues(of: notes, key: \.text) { extractor.terms($0) }
        }
    }

    /// What `enrich` counts per theme, over a run of notes.
    private struct Tally {
        var documents: [[[Int32]]]
        var byMethod: [[Int]]
        /// Excerpts by persona, as positions in the personas.
        var byPersona: [[Int]]
        var scores: [[Double]]
        var cooccurrence: [[Int: Int]]

        init(themes: Int, methods: Int, personas: Int) {
            documents = Array(repeating: [], count: themes)
            byMethod = Array(repeating: Array(repeating: 0, count: methods), count: themes)
            byPersona = Array(repeating: Array(repeating: 0, count: personas), count: themes)
            scores = Array(repeating: [], count: themes)
            cooccurrence = Array(repeating: [:], count: themes)
        }

        /// This tally followed by `later`, which counted the notes after this one's.
        func followed(by later: Tally) -> Tally {
            var joined = self
            for theme in documents.indices {
                joined.documents[theme] += later.documents[theme]
                for method in byMethod[theme].indices { joined.byMethod[theme][method] += later.byMethod[theme][method] }
                for persona in byPersona[theme].indices { joined.byPersona[theme][persona] += later.byPersona[theme][persona] }
                joined.scores[theme] += later.scores[theme]
                joined.cooccurrence[theme].merge(later.cooccurrence[theme], uniquingKeysWith: +)
            }
            return joined
        }
    }

    /// Adds to each theme what needs the whole analysis: personas, sentiment, co-occurring themes,
    /// methods and keywords. `themesOf`, `scores` and `terms` hold the themes (positions in
    /// `index.themes`), sentiment and numbered terms of each excerpt of each note (`[n][e]`). The
    /// first and second half of the notes are counted at once, then joined in order, so each theme's
    /// excerpts keep note order.
    static func enrich(
        _ summaries: [ThemeSummary], notes: [Note], index: ThemeIndex, themesOf: [[[Int]]], personas: PersonaResults?, scores: [[Double]],
        terms: ExcerptTerms
    ) -> [ThemeSummary] {
        let personaIDs = (personas?.personas ?? []).map(\.id)
        let personaOf = Dictionary(
            (personas?.personas ?? []).enumerated().flatMap { number, persona in persona.participants.map { ($0, number) } },
            uniquingKeysWith: { _, last in last })
        // Position in `summaries` of each theme of the index.
        let position = Dictionary(summaries.enumerated().map { ($1.theme.id, $0) }, uniquingKeysWith: { first, _ in first })
        let summaryOf = index.themes.map { position[$0.id] }
        let methods = NoteMethod.allCases

        @Sendable func tally(_ range: Range<Int>) -> Tally {
            var tally = Tally(themes: summaries.count, methods: methods.count, personas: personaIDs.count)
            for n in range {
                let note = notes[n]
                let method = methods.firstIndex(of: note.method)!
                let facts = note.excerptFacts
                // Most excerpts of a note are attributed to the same participant as the one before.
                var last: (person: String?, persona: Int?) = (nil, nil)
                for (e, themesOfExcerpt) in themesOf[n].enumerated() where !themesOfExcerpt.isEmpty {
                    let themes = themesOfExcerpt.compactMap { summaryOf[$0] }
                    guard !themes.isEmpty else { continue }
                    let person = facts[e].participant
                    if person != last.person { last = (person, person.flatMap { personaOf[$0] }) }
                    let persona = last.persona
                    for theme in themes {
                        tally.documents[theme].append(terms.terms[n][e])
                        tally.byMethod[theme][method] += 1
                        if let persona { tally.byPersona[theme][persona] += 1 }
                        tally.scores[theme].append(scores[n][e])
                        for other in themes where other != theme { tally.cooccurrence[theme][other, default: 0] += 1 }
                    }
                }
            }
            return tally
        }
        let middle = notes.count / 2
        let (first, second) = ParallelMap.both({ tally(0..<middle) }, { tally(middle..<notes.count) })
        let counted = first.followed(by: second)

        let keywords = KeywordExtractor.keywords(documents: counted.documents, vocabulary: terms.vocabulary)
        return summaries.enumerated().map { theme, summary in
            var enriched = summary
            enriched.byPersona = PersonaBuilder.ranked(Dictionary(
                personaIDs.indices.filter { counted.byPersona[theme][$0] > 0 }.map { (personaIDs[$0], counted.byPersona[theme][$0]) },
                uniquingKeysWith: +))
            enriched.byMethod = methods.indices.compactMap {
                counted.byMethod[theme][$0] > 0 ? Group(label: methods[$0].rawValue, value: counted.byMethod[theme][$0]) : nil
            }
            enriched.cooccurring = PersonaBuilder.ranked(
                Dictionary(uniqueKeysWithValues: counted.cooccurrence[theme].map { (summaries[$0.key].theme.id, $0.value) }))
            let themeScores = counted.scores[theme]
            enriched.sentiment = themeScores.isEmpty ? nil : themeScores.reduce(0, +) / Double(themeScores.count)
            enriched.keywords = keywords[theme]
            return enriched
        }
    }
}
