import CanvassCore
import CanvassSupport

/// Computes every survey statistic of SPEC §4.1–4.8 and §4.13 from the loaded surveys.
public struct SurveyAnalyzer: Sendable {
    let config: ProjectConfig
    let surveys: [SurveyData]
    /// Personas, once segmented, for the `byPersona` breakdowns.
    let personas: PersonaSegments?
    /// May give back segmentations already fitted to the same inputs.
    let memo: any AnalysisMemo

    public init(config: ProjectConfig, surveys: [SurveyData], memo: any AnalysisMemo = NoMemo()) {
        self.init(config: config, surveys: surveys, personas: nil, memo: memo)
    }

    init(config: ProjectConfig, surveys: [SurveyData], personas: PersonaSegments?, memo: any AnalysisMemo = NoMemo()) {
        self.config = config
        self.surveys = surveys
        self.personas = personas
        self.memo = memo
    }

    /// Nil when the project has no survey.
    public func analyse() -> SurveyResults? {
        analyseWithPersonas()?.results
    }

    /// The survey results and, when `personas` is configured, the segments behind them.
    func analyseWithPersonas() -> SurveyAnalysis? {
        guard !surveys.isEmpty else { return nil }
        let flags = QualityFlags(surveys: surveys, defaultScale: config.scale)
        var excluded = Set<RespondentPool.Row>()
        if config.quality.exclude.contains(.straightLiners) { excluded.formUnion(flags.straightLiners) }
        if config.quality.exclude.contains(.speeders) { excluded.formUnion(flags.speeders) }
        var pool = RespondentPool(surveys: surveys, excluding: excluded)
        let grouped = config.breakdowns + (config.targeting?.segments ?? []).filter { !config.breakdowns.contains($0) }
        pool.prepareBands(for: grouped)
        pool.preparePartitions(for: grouped)
        let (weighting, weightDiagnostics) = RespondentWeights.compute(config: config, pool: pool)
        let (personas, diagnostics) = segment(pool)
        let analyzer = SurveyAnalyzer(config: config, surveys: surveys, personas: personas)
        guard let weighting else {
            var results = analyzer.results(pool: pool, flags: flags, excludedCount: excluded.count)
            results.targeting = analyzer.targets(pool, results, personas)
            return SurveyAnalysis(results: results, personas: personas, pool: pool, diagnostics: weightDiagnostics + diagnostics)
        }
        // Weighted figures, and the unweighted headline figures beside them.
        var weighted = pool
        weighted.weights = weighting.weights
        var results = analyzer.results(pool: weighted, flags: flags, excludedCount: excluded.count)
        var report = weighting.report
        report.unweighted = analyzer.unweightedHeadlines(pool, results)
        results.weighting = report
        results.targeting = analyzer.targets(weighted, results, personas)
        return SurveyAnalysis(results: results, personas: personas, pool: weighted, diagnostics: diagnostics)
    }

    /// The target-segment ranking when `targeting` is configured, over the pool's (weighted) rows.
    func targets(_ pool: RespondentPool, _ results: SurveyResults, _ personas: PersonaSegments?) -> TargetingResults? {
        guard let targeting = config.targeting else { return nil }
        let weights = results.dimensions.compactMap { d in d.weight.map { (id: d.dimension.id, weight: $0) } }
        return TargetSelection(analyzer: self, pool: pool, config: targeting, dimensionWeights: weights).select(personas: personas)
    }

    /// The headline figures over `pool` counting each respondent once: overall NPS, CSAT and each
    /// dimension's gap, and the overall gap with the same dimension weights as `weighted`.
    func unweightedHeadlines(_ pool: RespondentPool, _ weighted: SurveyResults) -> WeightingReport.Unweighted {
        let gaps = weighted.dimensions.map { d in Group(label: d.dimension.id, value: gap(pool, pool.rows, pairColumns(d.dimension.id)).mean) }
        return WeightingReport.Unweighted(
            nps: surveys.contains { $0.config.nps != nil } ? Estimators.nps(observations(pool, pool.rows) { surveys[$0].config.nps }.values).score : nil,
            csat: csatShare(pool, pool.rows)?.score,
            overallGap: Estimators.overallGap(gaps: gaps.map(\.value), weights: weighted.dimensions.map { $0.weight ?? 0 }).weighted,
            gaps: gaps)
    }

    /// Segments the pool into personas when `personas` is configured with attributes or rules.
    func segment(_ pool: RespondentPool) -> (PersonaSegments?, [Diagnostic]) {
        guard let personas = config.personas else { return (nil, []) }
        let known = Array(Set(surveys.flatMap { $0.config.attributes.map(\.name) })).sorted()
        let segmentation: Segmentation
        switch personas.method {
        case .kPrototypes:
            guard !personas.attributes.isEmpty, !pool.rows.isEmpty else { return (nil, []) }
            segmentation = Segmentation.kPrototypes(pool: pool, config: personas, memo: memo)
        case .rules:
            segmentation = Segmentation.rules(pool: pool, config: personas, knownAttributes: known)
            if segmentation.diagnostics.hasErrors { return (nil, segmentation.diagnostics) }
        }
        let attributes = personas.attributes.isEmpty ? Array(Set(personas.segments.flatMap { $0.conditions.map(\.attribute) })).sorted() : personas.attributes
        return (PersonaSegments(segmentation: segmentation, pool: pool, attributes: attributes), segmentation.diagnostics)
    }

    func results(pool: RespondentPool, flags: QualityFlags, excludedCount: Int) -> SurveyResults {
        // The dimensions beside the other figures: this is the end of the survey analysis, which
        // the rest of a build waits for.
        let analyzer = self
        let (dimensions, (ratings, nps, csat, kano, competitors)) = ParallelMap.both(
            { analyzer.dimensionResults(pool) },
            { (analyzer.ratingItems(pool), analyzer.nps(pool), analyzer.csat(pool), analyzer.kano(pool), analyzer.competitors(pool)) })
        let (weights, source) = weights(for: dimensions)
        var withWeights = dimensions
        for index in withWeights.indices { withWeights[index].weight = weights[index] }
        let overall = Estimators.overallGap(gaps: dimensions.map(\.gap.mean), weights: weights.map { $0 ?? 0 })
        let (placed, crosshair) = placeInQuadrants(withWeights)
        let overallByWave = pool.waves.map { wave in
            Group(label: wave, value: Estimators.overallGap(
                gaps: placed.map { $0.byWave.first { $0.label == wave }?.value.mean }, weights: weights.map { $0 ?? 0 }).weighted)
        }

        var results = SurveyResults(
            respondents: pool.rows.count, respondentsInFiles: surveys.reduce(0) { $0 + $1.count }, waves: pool.waves,
            ratings: ratings, dimensions: placed, overallGap: overall, weightSource: source,
            crosshair: crosshair, overallByWave: overallByWave, nps: nps, csat: csat,
            csatScale: surveys.lazy.compactMap(\.config.csat).first, kano: kano, competitors: competitors,
            quality: flags.report(surveys: surveys, excluded: config.quality.exclude, excludedCount: excludedCount))
        results.kpis = kpis(pool)
        results.monitoring = monitoring(pool, dimensions: placed)
        return results
    }

    // MARK: - Segmenting

    /// A statistic overall, per breakdown group and per wave, over the rows it is given.
    func segmented<Value>(_ pool: RespondentPool, _ compute: ([RespondentPool.Row]) -> Value) -> SegmentedResult<Value> {
        let by = config.breakdowns.map { attribute in
            Breakdown(attribute: attribute, groups: pool.rowsByGroup(of: attribute).map { Group(label: $0.group, value: compute($0.rows)) })
        }
        let byWave = pool.rowsByWave().map { Group(label: $0.wave, value: compute($0.rows)) }
        var byPersona: [Group<Value>] = []
        if let personas {
            byPersona = personas.order.map { label in
                Group(label: personas.ids[label]!, value: compute(pool.rows.indices.filter { personas.segmentation.labels[$0] == label }.map { pool.rows[$0] }))
            }
        }
        return SegmentedResult(overall: compute(pool.rows), by: by, byPersona: byPersona, byWave: byWave)
    }

    // MARK: - Gaps

    /// The (expectation, perception, importance) columns each survey maps for a dimension.
    func pairColumns(_ dimension: String) -> [Int: SurveyConfig.Pair] {
        var map: [Int: SurveyConfig.Pair] = [:]
        for (index, survey) in surveys.enumerated() {
            if let pair = survey.config.pairs.first(where: { $0.dimension == dimension }) { map[index] = pair }
        }
        return map
    }

    func gap(_ pool: RespondentPool, _ rows: [RespondentPool.Row], _ pairs: [Int: SurveyConfig.Pair]) -> PairedGap {
        let expectations = pool.numberColumns { pairs[$0]?.expectation }, perceptions = pool.numberColumns { pairs[$0]?.perception }
        var expectation: [Double] = []
        var perception: [Double] = []
        var weights: [Double] = []
        for row in rows {
            guard let e = expectations[row.survey]?[row.row] ?? nil, let p = perceptions[row.survey]?[row.row] ?? nil else { continue }
            expectation.append(e)
            perception.append(p)
            weights.append(pool.weight(row))
        }
        guard pool.weights != nil else { return Estimators.pairedGap(expectation: expectation, perception: perception) }
        return Estimators.pairedGap(expectation: expectation, perception: perception, weights: weights)
    }

    /// The numbers of `rows` in the column `column` names for each survey (rows without one left
    /// out), with the rows' weights.
    func observations(_ pool: RespondentPool, _ rows: [RespondentPool.Row], _ column: (Int) -> String?) -> (values: [Double], weights: [Double]) {
        let columns = pool.numberColumns(column)
        var values: [Double] = [], weights: [Double] = []
        for row in rows {
            guard let value = columns[row.survey]?[row.row] ?? nil else { continue }
            values.append(value)
            weights.append(pool.weight(row))
        }
        return (values, weights)
    }

    /// Descriptives of observations, weighted when the pool is.
    func describe(_ observed: (values: [Double], weights: [Double]), _ pool: RespondentPool, scale: RatingScale?) -> Descriptives {
        pool.weights == nil ? Estimators.descriptives(observed.values, scale: scale)
            : Estimators.descriptives(observed.values, weights: observed.weights, scale: scale)
    }

    func dimensionResults(_ pool: RespondentPool) -> [DimensionResult] {
        config.dimensions.compactMap { dimension in
            let pairs = pairColumns(dimension.id)
            guard !pairs.isEmpty else { return nil }
            let scale = pairs.keys.sorted().first.map { surveys[$0].scale(default: config.scale) } ?? config.scale
            func stats(_ column: @escaping (SurveyConfig.Pair) -> String?) -> Descriptives {
                describe(observations(pool, pool.rows) { pairs[$0].flatMap(column) }, pool, scale: scale)
            }
            let hasImportance = pairs.values.contains { $0.importance != nil }
            let segments = segmented(pool) { gap(pool, $0, pairs) }
            var result = DimensionResult(
                dimension: dimension,
                expectation: stats { $0.expectation },
                perception: stats { $0.perception },
                importance: hasImportance ? stats { $0.importance } : nil,
                gap: segments.overall, weight: nil, x: nil, y: nil, quadrant: nil,
                byAttribute: segments.by, byWave: segments.byWave, byPersona: segments.byPersona)
            result.perceptionByWave = pool.rowsByWave().map { wave in
                Group(label: wave.wave, value: describe(observations(pool, wave.rows) { pairs[$0]?.perception }, pool, scale: scale))
            }
            return result
        }
    }

    /// Normalised weights (SPEC §4.3): configured weights if every dimension has one, else mean
    /// importance if every dimension has it, else equal. Dimensions without a gap weigh nothing.
    func weights(for dimensions: [DimensionResult]) -> ([Double?], WeightSource) {
        let withGap = dimensions.filter { $0.gap.mean != nil }
        let raw: [Double?]
        let source: WeightSource
        if !withGap.isEmpty, withGap.allSatisfy({ $0.dimension.weight != nil }) {
            raw = dimensions.map { $0.gap.mean == nil ? nil : $0.dimension.weight }
            source = .configured
        } else if !withGap.isEmpty, withGap.allSatisfy({ $0.importance?.mean != nil }) {
            raw = dimensions.map { $0.gap.mean == nil ? nil : $0.importance?.mean }
            source = .importance
        } else {
            raw = dimensions.map { $0.gap.mean == nil ? nil : 1 }
            source = .equal
        }
        let total = raw.compactMap { $0 }.reduce(0, +)
        guard total > 0 else { return (dimensions.map { $0.gap.mean == nil ? nil : 1 / Double(max(withGap.count, 1)) }, .equal) }
        return (raw.map { $0.map { $0 / total } }, source)
    }

    /// IPA (SPEC §4.4): x = mean importance (or expectation), y = mean perception; crosshair at
    /// the mean of the points; quadrants with ≥ as high.
    func placeInQuadrants(_ dimensions: [DimensionResult]) -> ([DimensionResult], (x: Double?, y: Double?)) {
        var placed = dimensions
        for index in placed.indices {
            placed[index].x = placed[index].importance?.mean ?? placed[index].expectation.mean
            placed[index].y = placed[index].perception.mean
        }
        let points = placed.compactMap { d in d.x.flatMap { x in d.y.map { (x, $0) } } }
        guard !points.isEmpty else { return (placed, (nil, nil)) }
        let cx = points.map(\.0).reduce(0, +) / Double(points.count)
        let cy = points.map(\.1).reduce(0, +) / Double(points.count)
        for index in placed.indices {
            if let x = placed[index].x, let y = placed[index].y {
                placed[index].quadrant = Quadrant.of(importance: x, performance: y, crosshairX: cx, crosshairY: cy)
            }
        }
        return (placed, (cx, cy))
    }

    // MARK: - Ratings, NPS, CSAT, Kano, competitors

    func ratingItems(_ pool: RespondentPool) -> [RatingItem] {
        var items: [RatingItem] = []
        let duplicated = Set(surveys.flatMap(\.config.ratings).filter { c in surveys.filter { $0.config.ratings.contains(c) }.count > 1 })
        for (s, survey) in surveys.enumerated() {
            let scale = survey.scale(default: config.scale)
            for column in survey.config.ratings {
                let segments = segmented(pool) { rows in
                    describe(observations(pool, rows) { $0 == s ? column : nil }, pool, scale: scale)
                }
                let id = duplicated.contains(column) ? Slug.make(survey.config.file) + "-" + column : column
                items.append(RatingItem(
                    id: id, column: column, survey: survey.config.file, scale: scale, overall: segments.overall,
                    by: segments.by, byWave: segments.byWave))
            }
        }
        return items
    }

    func nps(_ pool: RespondentPool) -> SegmentedResult<NPSResult>? {
        guard surveys.contains(where: { $0.config.nps != nil }) else { return nil }
        return segmented(pool) { rows in
            let answers = observations(pool, rows) { surveys[$0].config.nps }
            return pool.weights == nil ? Estimators.nps(answers.values) : Estimators.nps(answers.values, weights: answers.weights)
        }
    }

    func csat(_ pool: RespondentPool) -> SegmentedResult<ShareResult>? {
        guard surveys.contains(where: { $0.config.csat != nil }) else { return nil }
        return segmented(pool) { csatShare(pool, $0)! }
    }

    /// CSAT over `rows`, weighted when the pool is; nil when no survey maps CSAT.
    func csatShare(_ pool: RespondentPool, _ rows: [RespondentPool.Row]) -> ShareResult? {
        guard surveys.contains(where: { $0.config.csat != nil }) else { return nil }
        var hits: [Bool] = [], weights: [Double] = []
        for row in rows {
            guard let csat = surveys[row.survey].config.csat, let value = pool.number(csat.column, row) else { continue }
            hits.append(value >= Double(csat.scale.max - csat.top + 1))
            weights.append(pool.weight(row))
        }
        return pool.weights == nil ? Estimators.share(hits: hits.filter { $0 }.count, of: hits.count) : Estimators.share(hits: hits, weights: weights)
    }

    /// Every KPI the surveys map (one id may be mapped by several surveys), as shares.
    func kpis(_ pool: RespondentPool) -> [KPIResult] {
        var order: [(id: String, label: String)] = []
        for kpi in surveys.flatMap(\.config.kpis) where !order.contains(where: { $0.id == kpi.id }) { order.append((kpi.id, kpi.label)) }
        return order.map { id, label in KPIResult(id: id, label: label, share: segmented(pool) { kpiShare(id, pool, $0) }) }
    }

    /// The share of `rows` whose answer to KPI `id` counts; rows without an answer take no part.
    func kpiShare(_ id: String, _ pool: RespondentPool, _ rows: [RespondentPool.Row]) -> ShareResult {
        let (values, weights) = kpiAnswers(id, pool, rows)
        let hits = values.map { $0 == 1 }
        return pool.weights == nil ? Estimators.share(hits: hits.filter { $0 }.count, of: hits.count) : Estimators.share(hits: hits, weights: weights)
    }

    func kano(_ pool: RespondentPool) -> [KanoResult] {
        var order: [String] = []
        var pairs: [String: [(functional: Int, dysfunctional: Int)]] = [:]
        for row in pool.rows {
            for feature in surveys[row.survey].config.kano {
                if pairs[feature.id] == nil { order.append(feature.id); pairs[feature.id] = [] }
                if let f = pool.number(feature.functional, row), let d = pool.number(feature.dysfunctional, row) {
                    pairs[feature.id]!.append((Int(f), Int(d)))
                }
            }
        }
        return order.map { Estimators.kano(feature: $0, pairs: pairs[$0]!) }
    }

    func competitors(_ pool: RespondentPool) -> [CompetitorComparison] {
        var names: [String] = []
        for survey in surveys { for competitor in survey.config.competitors where !names.contains(competitor.name) { names.append(competitor.name) } }
        var results: [CompetitorComparison] = []
        for name in names {
            for dimension in config.dimensions {
                let pairs = pairColumns(dimension.id)
                var ours: [Double] = [], theirs: [Double] = [], weights: [Double] = []
                for row in pool.rows {
                    guard let column = surveys[row.survey].config.competitors.first(where: { $0.name == name })?.columns[dimension.id],
                          let pair = pairs[row.survey], let mine = pool.number(pair.perception, row), let other = pool.number(column, row)
                    else { continue }
                    ours.append(mine)
                    theirs.append(other)
                    weights.append(pool.weight(row))
                }
                guard !ours.isEmpty else { continue }
                results.append(CompetitorComparison(
                    competitor: name, dimension: dimension.id,
                    ours: describe((ours, weights), pool, scale: config.scale), theirs: describe((theirs, weights), pool, scale: config.scale),
                    difference: pool.weights == nil ? Estimators.pairedGap(expectation: theirs, perception: ours)
                        : Estimators.pairedGap(expectation: theirs, perception: ours, weights: weights)))
            }
        }
        return results
    }
}
