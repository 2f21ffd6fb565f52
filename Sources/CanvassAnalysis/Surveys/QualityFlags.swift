import CanvassCore

/// Straight-liners and speeders (SPEC §4.7): flagged, and excluded only on request.
struct QualityFlags {
    /// ≥ 5 rating answers, all equal.
    private(set) var straightLiners = Set<RespondentPool.Row>()
    /// Completion time under half the survey's median.
    private(set) var speeders = Set<RespondentPool.Row>()
    private(set) var findings: [QualityFinding] = []

    static let minimumAnswersForStraightLining = 5

    init(surveys: [SurveyData], defaultScale: RatingScale) {
        for (s, survey) in surveys.enumerated() {
            let ratingColumns = survey.config.pairs.flatMap { [$0.expectation, $0.perception] + ($0.importance.map { [$0] } ?? []) } + survey.config.ratings
            // Each column's values, looked up once rather than once per row.
            let ratings = ratingColumns.compactMap { survey.numbers[$0] }
            for row in 0..<survey.count {
                let answers = ratings.compactMap { $0[row] }
                if answers.count >= Self.minimumAnswersForStraightLining, answers.allSatisfy({ $0 == answers[0] }) {
                    straightLiners.insert(RespondentPool.Row(survey: s, row: row))
                    findings.append(QualityFinding(
                        kind: .straightLiner, file: survey.path, row: row + 1, line: survey.lines[row], column: nil,
                        value: RespondentPool.format(answers[0]), respondent: survey.ids[row],
                        message: "all \(answers.count) rating answers are \(RespondentPool.format(answers[0]))"))
                }
            }
            guard let column = survey.config.duration, let durations = survey.numbers[column] else { continue }
            guard let median = Estimators.quantile(durations.compactMap { $0 }, 0.5) else { continue }
            for (row, duration) in durations.enumerated() {
                guard let duration, duration < median / 2 else { continue }
                speeders.insert(RespondentPool.Row(survey: s, row: row))
                findings.append(QualityFinding(
                    kind: .speeder, file: survey.path, row: row + 1, line: survey.lines[row], column: column,
                    value: RespondentPool.format(duration), respondent: survey.ids[row],
                    message: "completed in \(RespondentPool.format(duration)), under half the median of \(RespondentPool.format(median))"))
            }
        }
    }

    func report(surveys: [SurveyData], excluded: [QualityConfig.Exclusion], excludedCount: Int) -> QualityReport {
        let all = (surveys.flatMap(\.findings) + findings).sorted {
            ($0.file, $0.row, $0.column ?? "", $0.kind.rawValue) < ($1.file, $1.row, $1.column ?? "", $1.kind.rawValue)
        }
        let missing = surveys.flatMap { survey in
            survey.mappedColumns.map { MissingRate(file: survey.path, column: $0, empty: survey.emptyCounts[$0] ?? 0, total: survey.count) }
        }
        return QualityReport(
            findings: all, missing: missing, straightLiners: straightLiners.count, speeders: speeders.count,
            excluded: excluded, excludedRespondents: excludedCount)
    }
}
