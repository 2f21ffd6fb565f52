import CanvassCore

/// The effect of each improvement action (issue: close the loop): for each of its targets, the
/// figure in the wave before the action started against the latest wave after it, with a test
/// fit for the metric; whether the target is met; whether the action is overdue. Respondent
/// weights, when the study has them, weigh every figure and give the effective sizes.
///
/// A wave is before an action when its period (from its label, `WavePeriod`) ends before the
/// start, after it when its period begins on the start or later; a wave in progress on the
/// start day is neither. A verdict needs a wave on each side with at least
/// `ActionEffect.minimumN` effective answers; it is improved or worse when the test's two-sided
/// p is under 0.05, by the sign of the difference (higher is better for every metric).
struct ActionAnalyzer {
    let project: Project
    let survey: SurveyAnalysis?
    let needs: [Need]
    let personas: PersonaResults?

    func analyse() -> (ActionResults?, [Diagnostic]) {
        guard !project.actions.isEmpty else { return (nil, []) }
        let diagnostics = check()
        let asOf = project.config.asOf ?? latestDate()
        let waves = datedWaves()
        let results = project.actions.map { action in
            ActionResult(action: action, effects: action.targets.map { effect($0, of: action, waves: waves) }, overdue: isOverdue(action, asOf: asOf))
        }
        return (ActionResults(asOf: asOf, actions: results), diagnostics)
    }

    /// The study's latest date, when `asOf` is not given: its newest note or the end of its latest dated wave.
    func latestDate() -> CalendarDate? {
        (project.notes.compactMap(\.date) + (survey?.results.waves ?? []).compactMap { WavePeriod(label: $0)?.end }).max()
    }

    // MARK: - Checks that need the analysis

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let needIDs = Set(needs.map(\.id) + (project.codebook?.needs.map(\.id) ?? []))
        let themeIDs = project.codebook?.themes.map(\.id) ?? []
        let dimensionIDs = project.config.dimensions.map(\.id)
        for action in project.actions {
            for item in action.addresses {
                let known: [String]
                switch item.kind {
                case .need: known = needIDs.sorted()
                case .theme: known = themeIDs
                case .dimension: known = dimensionIDs
                }
                guard !known.contains(item.id) else { continue }
                diagnostics.append(.error(
                    "action `\(action.id)` addresses \(item.kind.rawValue) `\(item.id)`, which does not exist", at: item.location,
                    hint: Suggestion.closest(to: item.id, in: known).map { "did you mean `\(item.kind.rawValue):\($0)`?" }
                        ?? (known.isEmpty ? "this study has no \(item.kind.rawValue)s" : "known: \(known.prefix(8).joined(separator: ", "))")))
            }
            for target in action.targets {
                switch target.segment {
                case .persona(let id):
                    let known = personas?.personas.map(\.id) ?? []
                    if !known.contains(id) {
                        diagnostics.append(.error(
                            "target `\(target.metric.id)` of action `\(action.id)` is for persona `\(id)`, which does not exist", at: target.location,
                            hint: known.isEmpty ? "this study has no personas" : Suggestion.didYouMean(id, in: known) ?? "known: \(known.joined(separator: ", "))"))
                    }
                case .group(let attribute, let value):
                    guard let pool = survey?.pool else { break }
                    let values = Array(Set(pool.rows.compactMap { pool.group(attribute, $0) })).sorted()
                    if !values.contains(value) {
                        diagnostics.append(.error(
                            "target `\(target.metric.id)` of action `\(action.id)` is for `\(attribute): \(value)`, which no respondent has", at: target.location,
                            hint: Suggestion.didYouMean(value, in: values) ?? "values of \(attribute): \(values.prefix(8).joined(separator: ", "))"))
                    }
                case nil: break
                }
            }
            if !action.targets.isEmpty, action.start != nil, let waves = survey?.results.waves,
               let undated = waves.first(where: { WavePeriod(label: $0) == nil }) {
                diagnostics.append(.error(
                    "action `\(action.id)` has targets, but wave `\(undated)` names no dates, so no wave can be placed before or after its start",
                    at: action.targets[0].location,
                    hint: "name waves as periods: 2026-Q2, 2026-H1, 2026-05, 2026-05-14 or 2026"))
            }
        }
        return diagnostics
    }

    /// Due before `asOf`, and neither done nor dropped.
    func isOverdue(_ action: ImprovementAction, asOf: CalendarDate?) -> Bool {
        guard let due = action.due, let asOf else { return false }
        return due < asOf && action.status != .done && action.status != .dropped
    }

    // MARK: - Effects

    typealias DatedWave = (wave: String, period: WavePeriod, rows: [RespondentPool.Row])

    /// The survey waves whose labels name their days, with their rows, in wave order.
    func datedWaves() -> [DatedWave] {
        (survey?.pool.rowsByWave() ?? []).compactMap { wave in WavePeriod(label: wave.wave).map { (wave: wave.wave, period: $0, rows: wave.rows) } }
    }

    func effect(_ target: ImprovementAction.Target, of action: ImprovementAction, waves dated: [DatedWave]) -> ActionEffect {
        guard let survey, let start = action.start else {
            return ActionEffect(target: target, before: nil, after: nil, difference: nil, ci95: nil, test: nil, verdict: .noWaveAfter, targetMet: nil)
        }
        let pool = survey.pool
        let analyzer = SurveyAnalyzer(config: project.config, surveys: project.surveys, personas: survey.personas)
        let members = segmentRows(target.segment, pool: pool, personas: survey.personas)
        func side(_ wave: DatedWave?) -> (ActionEffect.Side, answers: (values: [Double], weights: [Double]))? {
            guard let wave else { return nil }
            let answers: (values: [Double], weights: [Double])
            if case .service(let priority) = target.metric {
                answers = serviceAnswers(priority, during: wave.period)
            } else {
                let rows = members.map { members in wave.rows.filter { members.contains($0) } } ?? wave.rows
                answers = analyzer.answers(target.metric, pool, rows)
            }
            let figure = analyzer.figure(target.metric, answers)
            return (ActionEffect.Side(wave: wave.wave, n: answers.values.count, effectiveN: figure.effectiveN, value: figure.value, ci95: figure.ci95), answers)
        }
        let before = side(dated.last { $0.period.end < start }), after = side(dated.last { $0.period.start >= start })
        let met = after?.0.value.map { $0 >= target.value }
        guard let before, let after else {
            return ActionEffect(target: target, before: before?.0, after: after?.0, difference: nil, ci95: nil, test: nil,
                                verdict: before == nil ? .noWaveBefore : .noWaveAfter, targetMet: met)
        }
        let result = difference(target.metric, before.answers, after.answers)
        var verdict = EffectVerdict.tooFewAnswers
        if let result, min(before.0.effectiveN, after.0.effectiveN) >= ActionEffect.minimumN {
            verdict = result.p >= 0.05 ? .noDetectableChange : (result.difference > 0 ? .improved : .worse)
        }
        let scale = target.metric.isShare ? 100.0 : 1
        return ActionEffect(
            target: target, before: before.0, after: after.0, difference: result.map { $0.difference * scale },
            ci95: result.map { Interval($0.ci95.lower * scale, $0.ci95.upper * scale) },
            test: result.map { ActionEffect.Test(kind: testKind(target.metric), statistic: $0.statistic, degreesOfFreedom: $0.degreesOfFreedom, p: $0.p) },
            verdict: verdict, targetMet: met)
    }

    /// Service records of `priority` (`all`: any) opened during `period` (UTC days), each 1 when
    /// first answered within its priority's commitment and 0 when not, each of weight 1; records
    /// without a response or a commitment take no part, as on the Service levels page.
    func serviceAnswers(_ priority: String, during period: WavePeriod) -> (values: [Double], weights: [Double]) {
        let committed = Dictionary(project.config.commitments.map { ($0.priority, Double($0.seconds)) }) { first, _ in first }
        let from = period.start.secondsSince1970, until = period.end.secondsSince1970 + 86_400
        var values: [Double] = []
        for record in project.records.flatMap(\.records) where priority == "all" || record.priority == priority {
            guard let opened = record.opened, opened >= from, opened < until, let response = record.responseSeconds,
                  let limit = record.priority.flatMap({ committed[$0] }) else { continue }
            values.append(response <= limit ? 1 : 0)
        }
        return (values, values.map { _ in 1 })
    }

    func testKind(_ metric: Metric) -> ActionEffect.Test.Kind {
        metric == .nps ? .nps : metric.isShare ? .twoProportions : .welch
    }

    /// After − before for `metric` (shares as proportions, NPS in points).
    func difference(_ metric: Metric, _ before: (values: [Double], weights: [Double]), _ after: (values: [Double], weights: [Double])) -> Differences.Result? {
        let b = Estimators.meanAndInterval(before.values, weights: before.weights), a = Estimators.meanAndInterval(after.values, weights: after.weights)
        guard let bMean = b.mean, let aMean = a.mean else { return nil }
        if metric == .nps {
            func shares(_ answers: (values: [Double], weights: [Double])) -> (Double, Double) {
                let total = answers.weights.reduce(0, +)
                var promoters = 0.0, detractors = 0.0
                for (value, weight) in zip(answers.values, answers.weights) {
                    if value > 0 { promoters += weight } else if value < 0 { detractors += weight }
                }
                return (promoters / total, detractors / total)
            }
            let (bp, bd) = shares(before), (ap, ad) = shares(after)
            return Differences.nps(before: (bp, bd, b.effectiveN), after: (ap, ad, a.effectiveN))
        }
        if metric.isShare { return Differences.proportions(before: (bMean, b.effectiveN), after: (aMean, a.effectiveN)) }
        guard let bSD = b.sd, let aSD = a.sd else { return nil }
        return Differences.welch(before: (bMean, bSD, b.effectiveN), after: (aMean, aSD, a.effectiveN))
    }

    /// The rows a target's segment holds; nil for everyone.
    func segmentRows(_ segment: ImprovementAction.Segment?, pool: RespondentPool, personas: PersonaSegments?) -> Set<RespondentPool.Row>? {
        switch segment {
        case nil: return nil
        case .group(let attribute, let value): return Set(pool.rows.filter { pool.group(attribute, $0) == value })
        case .persona(let id):
            guard let personas else { return [] }
            return Set(pool.rows.indices.filter { personas.ids[personas.segmentation.labels[$0]] == id }.map { pool.rows[$0] })
        }
    }
}
