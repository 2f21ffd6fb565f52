import CanvassCore
import CanvassSupport

/// What the analysis may take from an earlier build instead of working it out again. The analysis
/// stays a function of the project: at each point where it could reuse work it says what the work
/// depends on and how to do it, and the memo answers, either with what it kept for the same
/// inputs or by doing the work (and keeping the answer). `NoMemo` keeps nothing; the build session
/// (CanvassSite) answers from what `build` keeps in `.canvass-cache/` and `serve` keeps in memory.
///
/// A memo must answer exactly what the work would: everything a build writes is the same with or
/// without one.
public protocol AnalysisMemo: Sendable {
    /// The survey analysis and persona segmentation of `config` over surveys whose contents have
    /// `digests` (an empty digest stands for a survey not read from a file: never the same as another).
    func surveyAnalysis(config: ProjectConfig, digests: [String], analyse: () -> SurveyAnalysis?) -> SurveyAnalysis?

    /// The surveys' free-text answers scored, as `score` scores them from `inputs`.
    func scoredAnswers(_ inputs: AnswerInputs, score: () -> [SurveyAnswer]) -> [SurveyAnswer]

    /// The sentiment of each excerpt of each note (`[n][e]`) with `lexicon`: `score` works out
    /// those of the notes it is given, in order.
    func excerptSentiment(of notes: [Note], lexicon: UserLexicon, score: ([Note]) -> [[Double]]) -> [[Double]]

    /// The themes of each excerpt of each note (positions in `index.themes`), as `find` finds them.
    func excerptThemes(of notes: [Note], index: ThemeIndex, find: ([Note]) -> [[[Int]]]) -> [[[Int]]]

    /// The keyword terms of each excerpt of each note without `stopwords`, as `extract` extracts
    /// them, numbered by the vocabulary returned with them.
    func excerptTerms(of notes: [Note], stopwords: [String], extract: ([Note]) -> [[[String]]]) -> ExcerptTerms

    /// The persona segmentation `fit` fits to data whose digest `key` gives (worked out only by a
    /// memo that keeps segmentations), for `rows` respondents.
    func segmentation(key: () -> UInt64, rows: Int, fit: () -> SegmentationStore.Record) -> SegmentationStore.Record

    /// The public profile's redaction of `notes` under `inputs`: `redact` redacts the notes it is given.
    func redactedNotes(_ notes: [Note], inputs: PublicProfile.Inputs, redact: ([Note]) -> [Note]) -> [Note]
}

/// Each answer worked out, nothing kept: what a memo does with a question it does not keep.
extension AnalysisMemo {
    public func surveyAnalysis(config: ProjectConfig, digests: [String], analyse: () -> SurveyAnalysis?) -> SurveyAnalysis? {
        analyse()
    }

    public func scoredAnswers(_ inputs: AnswerInputs, score: () -> [SurveyAnswer]) -> [SurveyAnswer] {
        score()
    }

    public func excerptSentiment(of notes: [Note], lexicon: UserLexicon, score: ([Note]) -> [[Double]]) -> [[Double]] {
        score(notes)
    }

    public func excerptThemes(of notes: [Note], index: ThemeIndex, find: ([Note]) -> [[[Int]]]) -> [[[Int]]] {
        find(notes)
    }

    public func excerptTerms(of notes: [Note], stopwords: [String], extract: ([Note]) -> [[[String]]]) -> ExcerptTerms {
        var vocabulary = Vocabulary()
        let terms = vocabulary.number(extract(notes))
        return ExcerptTerms(terms: terms, vocabulary: vocabulary)
    }

    public func segmentation(key: () -> UInt64, rows: Int, fit: () -> SegmentationStore.Record) -> SegmentationStore.Record {
        fit()
    }

    public func redactedNotes(_ notes: [Note], inputs: PublicProfile.Inputs, redact: ([Note]) -> [Note]) -> [Note] {
        redact(notes)
    }
}

/// Keeps nothing: every answer is worked out.
public struct NoMemo: AnalysisMemo {
    public init() {}
}

/// The survey analysis: the results, and what personas are built from.
public struct SurveyAnalysis: Sendable {
    let results: SurveyResults
    let personas: PersonaSegments?
    let pool: RespondentPool
    let diagnostics: [Diagnostic]
}

/// The numbered keyword terms of each excerpt of each note (`terms[n][e]`), and their vocabulary.
public struct ExcerptTerms: Sendable {
    public internal(set) var terms: [[[Int32]]]
    public internal(set) var vocabulary: Vocabulary
}

/// What the scored answers are worked out from: the lexicon and each survey's respondents, lines
/// and free-text columns, as loaded (and, under the public profile, redacted).
public struct AnswerInputs: Equatable, Sendable {
    struct Survey: Equatable, Sendable {
        var path: String
        var ids: [String]
        var lines: [Int]
        var columns: [String]
        var texts: [[String?]]
    }
    var lexicon: UserLexicon
    var surveys: [Survey]

    init(lexicon: UserLexicon, surveys: [SurveyData]) {
        self.lexicon = lexicon
        self.surveys = surveys.map { survey in
            Survey(path: survey.path, ids: survey.ids, lines: survey.lines, columns: survey.config.text,
                   texts: survey.config.text.map { survey.texts[$0] ?? [] })
        }
    }
}

/// One value per excerpt of each note, from each excerpt's `key` (its text, its tags): computed
/// on every core, once per distinct key.
func excerptValues<Key: Hashable & Sendable, Value: Sendable>(
    of notes: [Note], key: (Excerpt) -> Key, compute: @Sendable (Key) -> Value
) -> [[Value]] {
    var slot: [Key: Int] = [:]
    var distinct: [Key] = []
    let slots = notes.map { note in
        note.excerpts.map { excerpt in
            let key = key(excerpt)
            if let known = slot[key] { return known }
            slot[key] = distinct.count
            distinct.append(key)
            return distinct.count - 1
        }
    }
    let values = ParallelMap.map(distinct, chunk: 256, compute)
    return slots.map { $0.map { values[$0] } }
}
