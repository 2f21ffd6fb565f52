import CanvassCore

/// View models of the survey pages: gaps overview, one page per dimension, quality, methodology.
extension PageContext {
    var charts: Charts { Charts(strings: strings) }

    func gapRow(_ label: String, _ gap: PairedGap) -> GapRow {
        GapRow(label: label, n: strings.formatNumber(gap.n), gap: NumberFormat.signed(gap.mean), gapValue: gap.mean.map { String($0) } ?? "",
               ci: NumberFormat.interval(gap.ci95?.lower, gap.ci95?.upper), p: NumberFormat.pValue(gap.p),
               small: gap.isSmallSample && gap.n > 0, shortfall: (gap.mean ?? 0) < 0)
    }

    func statsRow(_ label: String, _ d: Descriptives, scale: RatingScale) -> StatsRow {
        StatsRow(label: label, n: strings.formatNumber(d.n), mean: NumberFormat.fixed(d.mean), sd: NumberFormat.fixed(d.sd),
                 ci: NumberFormat.interval(d.ci95?.lower, d.ci95?.upper), small: d.isSmallSample && d.n > 0,
                 counts: (scale.min...scale.max).map { CountCell(value: strings.formatNumber(d.counts[$0] ?? 0)) })
    }

    func scalePoints(_ scale: RatingScale) -> [ScalePoint] {
        (scale.min...scale.max).map { ScalePoint(point: String($0)) }
    }

    func kanoRow(_ k: KanoResult) -> KanoRow {
        KanoRow(feature: k.feature, n: strings.formatNumber(k.n), category: k.category.map { strings["kano_\($0.rawValue)"] } ?? "–",
                better: NumberFormat.fixed(k.better), worse: NumberFormat.fixed(k.worse))
    }

    func quadrantLabel(_ quadrant: Quadrant?) -> String {
        switch quadrant {
        case .concentrateHere?: return strings["quadrant_concentrate"]
        case .keepUpTheGoodWork?: return strings["quadrant_keep_up"]
        case .lowPriority?: return strings["quadrant_low_priority"]
        case .possibleOverkill?: return strings["quadrant_possible_overkill"]
        case nil: return "–"
        }
    }

    /// A dimension's gap per wave with its 95% intervals, styled by the dimension's place in the
    /// config so that it has the same colour and marker on every trend chart.
    func gapSeries(_ d: DimensionResult, waves: [String]) -> Charts.Series {
        let gaps = waves.map { w in d.byWave.first { $0.label == w }?.value }
        return Charts.Series(label: d.dimension.label, values: gaps.map { $0?.mean }, intervals: gaps.map { $0?.ci95 },
                             style: dimensionStyle(d.dimension.id))
    }

    /// The importance–performance map of every dimension, each in its own colour and marker;
    /// empty without a crosshair or a placed dimension.
    func ipaChart(_ results: SurveyResults) -> String {
        let points = results.dimensions.compactMap { d in
            d.x.flatMap { x in d.y.map { Charts.IPAPoint(label: d.dimension.label, x: x, y: $0, style: dimensionStyle(d.dimension.id)) } }
        }
        guard let cx = results.crosshair.x, let cy = results.crosshair.y, !points.isEmpty else { return "" }
        let hasImportance = results.dimensions.contains { $0.importance != nil }
        return charts.ipa(points, crosshair: (cx, cy), xLabel: strings[hasImportance ? "ipa_x_importance" : "ipa_x_expectation"])
    }

    /// A dimension's place in the config: the colour, dash and marker it has on every chart.
    func dimensionStyle(_ id: String) -> Int? {
        project.config.dimensions.firstIndex { $0.id == id }
    }

    func verdictLabel(_ verdict: Verdict?) -> String {
        switch verdict {
        case .concentrateHere?: return strings["quadrant_concentrate"]
        case .fixLater?: return strings["verdict_fix_later"]
        case .keepUpTheGoodWork?: return strings["quadrant_keep_up"]
        case .lowPriority?: return strings["quadrant_low_priority"]
        case .possibleOverkill?: return strings["quadrant_possible_overkill"]
        case nil: return "–"
        }
    }

    func dimensionRow(_ d: DimensionResult) -> GapRow {
        var row = gapRow(d.dimension.label, d.gap).linking(to: dimensionHref(d.dimension.id))
        row.measures = DimensionMeasures(
            expectation: NumberFormat.fixed(d.expectation.mean), perception: NumberFormat.fixed(d.perception.mean),
            importance: NumberFormat.fixed(d.importance?.mean), quadrant: quadrantLabel(d.quadrant), verdict: verdictLabel(d.verdict),
            weight: NumberFormat.percent(d.weight.map { $0 * 100 }, 0), weightValue: d.weight.map { String($0) } ?? "")
        return row
    }

    func dimensionHref(_ id: String) -> String {
        path.link(to: PagePath.dimension(id).path)
    }

    var surveyScale: RatingScale {
        project.surveys.first.map { $0.scale(default: project.config.scale) } ?? project.config.scale
    }

    // MARK: - Gaps overview

    func gaps(_ results: SurveyResults) -> PageModel<GapsPage> {
        let dumbbell = charts.dumbbell(results.dimensions.map {
            Charts.DumbbellRow(label: $0.dimension.label, expectation: $0.expectation, perception: $0.perception)
        }, scale: surveyScale)
        let ipa = ipaChart(results)
        var trendRows: [WaveRow] = []
        var trend = ""
        if results.waves.count > 1 {
            trend = charts.trend(results.dimensions.map { gapSeries($0, waves: results.waves) },
                                 waves: results.waves, title: strings["chart_trend_gap_title"], zeroLine: true, yTitle: strings["chart_gap_axis"])
            trendRows = results.waves.enumerated().map { index, wave in
                let nps = results.nps?.byWave.first { $0.label == wave }?.value
                let csat = results.csat?.byWave.first { $0.label == wave }?.value
                let overall = results.overallByWave.first { $0.label == wave }?.value ?? nil
                var changes = (gap: "–", nps: "–", csat: "–")
                if index > 0 {
                    let previous = results.waves[index - 1]
                    let before = results.overallByWave.first { $0.label == previous }?.value ?? nil
                    changes.gap = NumberFormat.signed(overall.flatMap { o in before.map { o - $0 } })
                    let npsBefore = results.nps?.byWave.first { $0.label == previous }?.value.score
                    changes.nps = NumberFormat.signed(nps?.score.flatMap { s in npsBefore.map { s - $0 } }, 1)
                    let csatBefore = results.csat?.byWave.first { $0.label == previous }?.value.score
                    changes.csat = NumberFormat.signed(csat?.score.flatMap { s in csatBefore.map { s - $0 } }, 1)
                }
                return WaveRow(wave: wave, n: strings.formatNumber(nps?.n ?? 0), gap: NumberFormat.signed(overall), gapChange: changes.gap,
                               nps: NumberFormat.fixed(nps?.score, 1), npsMoe: NumberFormat.fixed(nps?.moe95, 1), npsChange: changes.nps,
                               csat: NumberFormat.percent(csat?.score), csatChange: changes.csat)
            }
        }
        let ratings = results.ratings
        let ratingScale = ratings.first?.scale ?? surveyScale
        return PageModel(base: base(title: strings["gaps_title"], section: "gaps"), content: GapsPage(
            overall: OverallGap(unweighted: NumberFormat.signed(results.overallGap.unweighted),
                                weighted: NumberFormat.signed(results.overallGap.weighted),
                                weights: strings["weights_\(results.weightSource.rawValue)"]),
            respondents: strings.formatNumber(results.respondents),
            dumbbellSVG: dumbbell,
            ipaSVG: ipa,
            crosshair: "(\(NumberFormat.fixed(results.crosshair.x)), \(NumberFormat.fixed(results.crosshair.y)))",
            dimensions: results.dimensions.map(dimensionRow),
            trendSVG: trend,
            waves: trendRows,
            ratingsSVG: ratings.isEmpty ? "" : charts.distribution(ratings.map { (project.config.label(question: $0.column), $0.overall) }, scale: ratingScale),
            ratingPoints: scalePoints(ratingScale),
            ratings: ratings.map { statsRow(project.config.label(question: $0.column), $0.overall, scale: $0.scale) },
            kano: results.kano.map { k in
                var row = kanoRow(k)
                row.counts = KanoCategory.allCases.map { CountCell(value: strings.formatNumber(k.counts[$0] ?? 0)) }
                return row
            },
            kanoCategories: KanoCategory.allCases.map { KanoCategoryView(label: $0.rawValue, title: strings["kano_\($0.rawValue)"]) }))
    }

    // MARK: - One dimension

    func dimension(_ d: DimensionResult, results: SurveyResults) -> PageModel<DimensionPage> {
        let scale = surveyScale
        var distributionRows: [(String, Descriptives)] = [(strings["chart_expectation"], d.expectation), (strings["chart_perception"], d.perception)]
        if let importance = d.importance { distributionRows.append((strings["chart_importance"], importance)) }
        let breakdowns = d.byAttribute.map { breakdown in
            AttributeBreakdown(attribute: attributeLabel(breakdown.attribute),
                      groups: breakdown.groups.map { gapRow(project.config.label(attribute: breakdown.attribute, value: $0.label), $0.value) })
        }
        let competitors = results.competitors.filter { $0.dimension == d.dimension.id }
        let competitorSVGs = Dictionary(grouping: competitors, by: \.competitor).keys.sorted().map { name in
            let rows = results.competitors.filter { $0.competitor == name }.map { c in
                (project.config.dimension(id: c.dimension)?.label ?? c.dimension, c.ours, c.theirs)
            }
            return CompetitorChart(name: name, svg: charts.competitor(rows, competitor: name, scale: scale))
        }
        let themeIDs = Set(analysis.themeIndex.themes.filter { $0.dimension == d.dimension.id }.map(\.id))
        let notes = notesByID
        // The excerpts of the dimension's themes, each once, in note order.
        var places = analysis.themes.filter { themeIDs.contains($0.theme.id) }.flatMap(\.excerpts.places)
        places.sort { ($0.note, $0.excerpt) < ($1.note, $1.excerpt) }
        places.removeRepeats()
        let excerpts = ExcerptList(notes: project.notes, places: places)
        let listed = excerptList(excerpts, notes: notes)
        let themes = analysis.themeIndex.themes.filter { themeIDs.contains($0.id) }.map {
            LabelLink(label: $0.label, href: path.link(to: PagePath.theme($0.id).path))
        }
        var trend = ""
        if results.waves.count > 1 {
            trend = charts.trend([gapSeries(d, waves: results.waves)],
                                 waves: results.waves, title: strings["chart_trend_gap_title"], zeroLine: true, yTitle: strings["chart_gap_axis"])
        }
        let actions = actionLinks(analysis.actions?.addressing(.dimension, d.dimension.id) ?? [])
        return PageModel(base: base(title: d.dimension.label, section: "gaps"), content: DimensionPage(
            actionLinks: actions,
            dimension: DimensionView(
                label: d.dimension.label,
                gap: NumberFormat.signed(d.gap.mean), ci: NumberFormat.interval(d.gap.ci95?.lower, d.gap.ci95?.upper),
                n: strings.formatNumber(d.gap.n), p: NumberFormat.pValue(d.gap.p), tValue: NumberFormat.fixed(d.gap.t),
                small: d.gap.isSmallSample, shortfall: (d.gap.mean ?? 0) < 0,
                quadrant: quadrantLabel(d.quadrant), verdict: verdictLabel(d.verdict), weight: NumberFormat.percent(d.weight.map { $0 * 100 }, 0)),
            distributionSVG: charts.distribution(distributionRows, scale: scale),
            scalePoints: scalePoints(scale),
            distributions: distributionRows.map { statsRow($0.0, $0.1, scale: scale) },
            breakdowns: breakdowns,
            personaGaps: d.byPersona.compactMap { group in
                guard let persona = analysis.personas?.persona(id: group.label) else { return nil }
                return gapRow(personaName(persona), group.value).linking(to: path.link(to: PagePath.persona(persona.id).path))
            },
            hasPersonas: !d.byPersona.isEmpty,
            hasWaves: d.byWave.count > 1,
            trendSVG: trend,
            waves: d.byWave.map { gapRow($0.label, $0.value) },
            competitorCharts: competitorSVGs,
            competitors: competitors.map { c in
                CompetitorRow(name: c.competitor, n: strings.formatNumber(c.difference.n), ours: NumberFormat.fixed(c.ours.mean),
                              theirs: NumberFormat.fixed(c.theirs.mean), difference: NumberFormat.signed(c.difference.mean),
                              ci: NumberFormat.interval(c.difference.ci95?.lower, c.difference.ci95?.upper), p: NumberFormat.pValue(c.difference.p))
            },
            themes: themes,
            excerpts: listed.models,
            moreExcerpts: listed.more,
            hasExcerpts: !excerpts.isEmpty,
            excerptCount: strings.count("excerpts", excerpts.count)))
    }

    // MARK: - Quality

    func quality(_ results: SurveyResults) -> PageModel<QualityPage> {
        let report = results.quality
        let counts = Dictionary(grouping: report.findings, by: \.kind).mapValues(\.count)
        func kindLabel(_ kind: QualityFinding.Kind) -> String { strings["finding_\(kind.rawValue.replacingOccurrences(of: "-", with: "_"))"] }
        return PageModel(base: base(title: strings["quality_title"], section: "quality"), content: QualityPage(
            summary: QualityFinding.Kind.allCases.compactMap { kind in
                counts[kind].map { LabeledCount(label: kindLabel(kind), count: strings.formatNumber($0)) }
            },
            excluded: excludedSentence(report),
            findings: report.findings.map { f in
                FindingRow(place: "\(f.file):\(f.line)", row: strings.formatNumber(f.row), column: f.column ?? "–", kind: kindLabel(f.kind),
                           value: f.value ?? "", respondent: f.respondent ?? "", message: f.message)
            },
            weighting: results.weighting.map { weighting($0, results) },
            missing: report.missing.map { m in
                MissingRow(file: m.file, column: m.column, empty: strings.formatNumber(m.empty), total: strings.formatNumber(m.total),
                           rate: NumberFormat.percent(m.rate.map { $0 * 100 }), width: barWidth(m.empty, max: m.total))
            }))
    }

    /// Which flagged respondents the statistics leave out, in a sentence (quality and methodology pages).
    func excludedSentence(_ report: QualityReport) -> String {
        report.excluded.isEmpty
            ? strings["quality_nothing_excluded"]
            : strings.format("quality_excluded", ["count": strings.formatNumber(report.excludedRespondents)])
    }

    /// How the survey figures are weighted, in a sentence (quality and methodology pages).
    func weightingMethod(_ report: WeightingReport) -> String {
        switch report.method {
        case .raking: return strings[report.rakedByWave ? "weights_method_raking_by_wave" : "weights_method_raking"]
        case .column: return strings["weights_method_column"]
        }
    }

    /// The quality page's representativeness section: per margin the sample's, the population's
    /// and the weighted shares with the chi-square test; the weights' summary; and the headline
    /// figures with and without weights.
    func weighting(_ report: WeightingReport, _ results: SurveyResults) -> WeightingView {
        let summary = report.summary
        func percent(_ share: Double) -> String { NumberFormat.percent(share * 100) }
        var figures: [FigureComparison] = []
        if let unweighted = report.unweighted {
            if let nps = results.nps {
                figures.append(FigureComparison(label: strings["figure_nps"], weighted: NumberFormat.fixed(nps.overall.score, 1), unweighted: NumberFormat.fixed(unweighted.nps, 1)))
            }
            if let csat = results.csat {
                figures.append(FigureComparison(label: strings["figure_csat"], weighted: NumberFormat.percent(csat.overall.score), unweighted: NumberFormat.percent(unweighted.csat)))
            }
            figures.append(FigureComparison(label: strings["figure_weighted_gap"], weighted: NumberFormat.signed(results.overallGap.weighted), unweighted: NumberFormat.signed(unweighted.overallGap)))
            for d in results.dimensions {
                let plain = unweighted.gaps.first { $0.label == d.dimension.id }?.value ?? nil
                figures.append(FigureComparison(label: strings.format("weights_gap_of", ["dimension": d.dimension.label]), weighted: NumberFormat.signed(d.gap.mean), unweighted: NumberFormat.signed(plain)))
            }
        }
        return WeightingView(
            method: weightingMethod(report),
            summary: strings.format("weights_summary", [
                "n": strings.formatNumber(summary.n), "neff": NumberFormat.fixed(summary.effectiveN, 1),
                "deff": NumberFormat.fixed(summary.designEffect, 3), "min": NumberFormat.fixed(summary.min, 2), "max": NumberFormat.fixed(summary.max, 2),
            ]),
            trimmed: report.trim.map { strings.format(report.trimmed == 0 ? "weights_untrimmed" : "weights_trimmed", [
                "count": strings.formatNumber(report.trimmed), "min": NumberFormat.fixed($0.min, 2), "max": NumberFormat.fixed($0.max, 2)]) } ?? "",
            margins: report.margins.map { margin in
                MarginView(
                    attribute: project.config.label(attribute: margin.attribute),
                    test: margin.chiSquare.map { statistic in strings.format("weights_chi_square", [
                        "statistic": NumberFormat.fixed(statistic, 2), "df": String(margin.degreesOfFreedom ?? 0),
                        "p": margin.p.map { $0 < 0.001 ? "p < 0.001" : "p = " + NumberFormat.pValue($0) } ?? "", "n": strings.formatNumber(margin.n)]) } ?? "",
                    cells: margin.cells.map { cell in
                        MarginCell(value: project.config.label(attribute: margin.attribute, value: cell.value),
                                   count: strings.formatNumber(cell.sampleCount), sample: percent(cell.sampleShare),
                                   population: percent(cell.populationShare), difference: NumberFormat.signed((cell.sampleShare - cell.populationShare) * 100, 1),
                                   weighted: percent(cell.weightedShare), flagged: cell.flagged)
                    })
            },
            figures: figures)
    }

    // MARK: - Methodology

    func methodology() -> PageModel<MethodologyPage> {
        PageModel(base: base(title: strings["methodology_title"], section: "methodology"), content: MethodologyPage(
            notes: strings.count("notes", project.notes.count),
            excerpts: strings.count("excerpts", project.notes.reduce(0) { $0 + $1.excerpts.count }),
            personas: analysis.personas.map(personaMethod),
            survey: analysis.surveys.map(surveyMethod)))
    }

    func personaMethod(_ personas: PersonaResults) -> PersonaMethod {
        let chosen = String(personas.k)
        let stability = personas.stability ?? 0
        return PersonaMethod(
            method: strings["persona_method_\(personas.method == .rules ? "rules" : "kprototypes")"],
            attributes: personas.attributes.map(attributeLabel).joined(separator: strings["list_separator"]),
            k: chosen, seed: String(personas.seed),
            hasSilhouette: personas.silhouette != nil, silhouette: NumberFormat.fixed(personas.silhouette, 3),
            sample: strings.format("methodology_persona_sample", ["count": strings.formatNumber(personas.sampleSize)]),
            hasStability: personas.stability != nil, stability: NumberFormat.fixed(personas.stability, 3),
            runs: personas.stabilityRuns.map { NumberFormat.fixed($0, 3) }.joined(separator: strings["list_separator"]),
            stabilityVerdict: strings[stability >= 0.8 ? "stability_good" : stability >= 0.6 ? "stability_fair" : "stability_poor"],
            byK: personas.silhouetteByK.map { KChoice(k: $0.label, value: NumberFormat.fixed($0.value, 3), chosen: $0.label == chosen) })
    }

    func surveyMethod(_ results: SurveyResults) -> SurveyMethod {
        let scale = surveyScale
        return SurveyMethod(
            respondents: strings.count("respondents", results.respondents),
            inFiles: strings.formatNumber(results.respondentsInFiles),
            scale: "\(scale.min)–\(scale.max)",
            weights: strings["weights_\(results.weightSource.rawValue)"],
            waves: results.waves.map { wave in
                WaveCount(wave: wave, n: strings.formatNumber(results.nps?.byWave.first { $0.label == wave }?.value.n ?? 0))
            },
            respondentWeights: results.weighting.map { report in
                weightingMethod(report)
                    + " " + strings.format("methodology_weighted", ["neff": NumberFormat.fixed(report.summary.effectiveN, 1)])
            } ?? "",
            monitoring: results.monitoring != nil ? LinkTarget(href: path.link(to: PagePath.monitoring.path)) : nil,
            actions: analysis.actions != nil ? LinkTarget(href: path.link(to: PagePath.actions.path)) : nil,
            targeting: results.targeting.map { TargetingLink(weights: targetingWeights($0), href: path.link(to: PagePath.targets.path)) },
            files: project.surveys.map { FileRows(file: $0.path, rows: strings.formatNumber($0.count)) },
            excluded: excludedSentence(results.quality),
            dimensions: results.dimensions.map { d in
                DimensionShare(label: d.dimension.label, n: strings.formatNumber(d.gap.n), weight: NumberFormat.percent(d.weight.map { $0 * 100 }, 1))
            })
    }
}
