import CanvassCore
import CanvassMarkdown

/// The analysis blocks of report pages: each block's view model, rendered through
/// `templates/blocks/<name>.mustache` (which a project may override or add to).
extension PageContext {
    /// HTML for a block; a project's own block gets its options as `options`.
    func blockHTML(_ block: BlockInvocation) -> String {
        var options: [String: Any] = [:]
        for (key, value) in block.options {
            switch value {
            case .text(let text): options[key] = text
            case .list(let list): options[key] = list
            }
        }
        let context = BlockContext(block: blockModel(block), options: options, t: strings.table, root: path.root)
        return renderer.templates.render(context, template: "blocks." + block.name) ?? ""
    }

    func limit(_ block: BlockInvocation, default value: Int) -> Int {
        block.text("limit").flatMap(Int.init).map { max(1, $0) } ?? value
    }

    func selectedDimensions(_ block: BlockInvocation, _ results: SurveyResults) -> [DimensionResult] {
        guard let ids = block.list("dimensions") else { return results.dimensions }
        return ids.compactMap { results.dimension(id: $0) }
    }

    func blockModel(_ block: BlockInvocation) -> any ViewModel {
        let results = analysis.surveys
        switch block.name {
        case "metric":
            return metric(block.text("value") ?? "respondents", label: block.text("label"))
        case "nps":
            guard let nps = results?.nps else { return EmptyBlock() }
            var rows: [(label: String, result: NPSResult)] = [(strings["all_respondents"], nps.overall)]
            switch block.text("by") {
            case "wave"?: rows += nps.byWave.map { ($0.label, $0.value) }
            case "persona"?: rows += nps.byPersona.compactMap { g in analysis.personas?.persona(id: g.label).map { (personaName($0), g.value) } }
            case let attribute?: rows += (nps.by.first { $0.attribute == attribute }?.groups ?? []).map { (project.config.label(attribute: attribute, value: $0.label), $0.value) }
            case nil: break
            }
            return ChartBlock(svg: charts.nps(rows))
        case "gap-chart":
            guard let results else { return EmptyBlock() }
            let dimensions = selectedDimensions(block, results)
            if let id = block.text("persona"), let persona = analysis.personas?.persona(id: id) {
                return ChartBlock(svg: charts.gapComparison(dimensions.map { d in
                    Charts.GapRow(label: d.dimension.label, gap: persona.gaps.first { $0.label == d.dimension.id }?.value, overall: d.gap.mean)
                }), caption: personaName(persona))
            }
            return ChartBlock(svg: charts.dumbbell(dimensions.map { Charts.DumbbellRow(label: $0.dimension.label, expectation: $0.expectation, perception: $0.perception) }, scale: surveyScale))
        case "gap-table":
            guard let results else { return EmptyBlock() }
            var rows: [GapRow] = []
            for d in selectedDimensions(block, results) {
                if let id = block.text("persona") {
                    let gap = d.byPersona.first { $0.label == id }?.value ?? PairedGap(n: 0, mean: nil, sd: nil, ci95: nil, t: nil, p: nil)
                    rows.append(gapRow(d.dimension.label, gap).linking(to: dimensionHref(d.dimension.id)))
                } else if let attribute = block.text("by") {
                    for group in d.byAttribute.first(where: { $0.attribute == attribute })?.groups ?? [] {
                        let label = "\(d.dimension.label) · \(project.config.label(attribute: attribute, value: group.label))"
                        rows.append(gapRow(label, group.value).linking(to: dimensionHref(d.dimension.id)))
                    }
                } else {
                    rows.append(dimensionRow(d))
                }
            }
            return GapTableBlock(rows: rows, hasVerdict: block.text("persona") == nil && block.text("by") == nil)
        case "ipa-chart":
            guard let results else { return EmptyBlock() }
            let svg = ipaChart(results)
            return svg.isEmpty ? EmptyBlock() : ChartBlock(svg: svg)
        case "trend-chart":
            guard let results, results.waves.count > 1 else { return EmptyBlock() }
            return ChartBlock(svg: charts.trend(selectedDimensions(block, results).map { gapSeries($0, waves: results.waves) },
                                                waves: results.waves, title: strings["chart_trend_gap_title"], zeroLine: true, yTitle: strings["chart_gap_axis"]))
        case "competitor-chart":
            guard let results else { return EmptyBlock() }
            let wanted = block.list("dimensions")
            let comparisons = results.competitors.filter { c in
                (block.text("competitor") ?? c.competitor) == c.competitor && (wanted?.contains(c.dimension) ?? true)
            }
            let names = Array(Set(comparisons.map(\.competitor))).sorted()
            return ChartsBlock(charts: names.map { name in
                ChartBlock(svg: charts.competitor(comparisons.filter { $0.competitor == name }.map { c in
                    (project.config.dimension(id: c.dimension)?.label ?? c.dimension, c.ours, c.theirs)
                }, competitor: name, scale: surveyScale))
            })
        case "persona-card":
            guard let id = block.text("persona"), let persona = analysis.personas?.persona(id: id) else { return EmptyBlock() }
            return PersonaCardBlock(card: personaCard(persona))
        case "persona-grid":
            return PersonaGridBlock(cards: (analysis.personas?.personas ?? []).prefix(limit(block, default: 6)).map(personaCard))
        case "quotes":
            return QuotesBlock(excerpts: quotes(block).map { excerpt($0, notes: notesByID) })
        case "theme-chart":
            let dimension = block.text("dimension")
            let themes = analysis.themes.filter { summary in
                !summary.excerpts.isEmpty && (dimension == nil || summary.theme.dimension == dimension)
            }.prefix(limit(block, default: 8))
            return ChartBlock(svg: charts.bars(themes.map { ($0.theme.label, Double($0.excerpts.count), strings.count("excerpts", $0.excerpts.count)) },
                                               title: strings["home_top_themes"]))
        case "kano-table":
            return TableBlock(rows: (results?.kano ?? []).map(kanoRow))
        case "service-levels":
            guard let service = analysis.service else { return EmptyBlock() }
            let levels: [ServiceLevel]
            switch block.text("by") {
            case "dimension"?: levels = service.byDimension
            case "month"?: levels = service.byMonth
            default: levels = service.byPriority
            }
            return TableBlock(rows: levels.map { serviceRow($0) }, href: path.link(to: PagePath.service.path))
        case "needs-table":
            let needs = analysis.needs.filter { n in block.list("priority").map { $0.contains(n.priority) } ?? true }.prefix(limit(block, default: 10))
            return TableBlock(rows: needs.map { need in
                NeedRow(label: need.label, href: needHref(need), priority: need.priority,
                        participants: raisedBy(need), gap: NumberFormat.signed(need.gap), commitment: need.commitment ?? "–")
            })
        case "monitoring":
            guard let results, results.hasMonitoring else { return EmptyBlock() }
            let metric = block.text("metric").flatMap(Metric.init).flatMap { m in results.monitoring?.metrics.first { $0.metric == m } }
            return MonitoringBlock(status: metric == nil ? monitoringStatus(results) : nil, metric: metric.map(monitoredMetric),
                                   href: path.link(to: PagePath.monitoring.path))
        case "actions":
            guard let actions = analysis.actions else { return EmptyBlock() }
            if let id = block.text("action"), let one = actions.action(id: id) {
                return ActionsBlock(actions: [actionRow(one)], effects: one.effects.map { effect($0) }, summary: nil,
                                    href: path.link(to: PagePath.actions.path))
            }
            let statuses = block.list("status")
            let listed = actions.actions.filter { a in statuses.map { $0.contains(a.action.status.rawValue) } ?? true }
            return ActionsBlock(actions: listed.map(actionRow), effects: [], summary: actionsSummary(actions),
                                href: path.link(to: PagePath.actions.path))
        case "target-segments":
            guard let targeting = results?.targeting else { return EmptyBlock() }
            let kind: TargetingResults.Kind = block.text("of") == "segments" ? .segment : block.text("of") == "personas" ? .persona : targeting.recommendedKind
            var table = targetingModel(targeting, kind: kind, limit: block.text("limit").flatMap(Int.init))
            table.recommendation = .some(kind == targeting.recommendedKind ? recommendation(targeting) : nil)
            return table
        default:
            return EmptyBlock()
        }
    }

    func metric(_ value: String, label: String?) -> MetricBlock {
        let results = analysis.surveys
        let figure: (String, String, String)
        switch value {
        case "nps": figure = (NumberFormat.fixed(results?.nps?.overall.score, 0), "± " + NumberFormat.fixed(results?.nps?.overall.moe95, 1), strings["figure_nps"])
        case "csat": figure = (NumberFormat.percent(results?.csat?.overall.score, 0), NumberFormat.interval(results?.csat?.overall.ci95?.lower, results?.csat?.overall.ci95?.upper, 0), strings["figure_csat"])
        case "weighted-gap": figure = (NumberFormat.signed(results?.overallGap.weighted), "", strings["figure_weighted_gap"])
        case "unweighted-gap": figure = (NumberFormat.signed(results?.overallGap.unweighted), "", strings["figure_unweighted_gap"])
        case "notes": figure = (strings.formatNumber(project.notes.count), "", strings["figure_notes"])
        case "excerpts": figure = (strings.formatNumber(project.notes.reduce(0) { $0 + $1.excerpts.count }), "", strings["figure_excerpts"])
        case "participants": figure = (strings.formatNumber(Set(project.notes.flatMap { $0.participants.map(\.id) }).count), "", strings["figure_participants"])
        case "themes": figure = (strings.formatNumber(analysis.themes.filter { !$0.excerpts.isEmpty }.count), "", strings["figure_themes"])
        case "within-commitment": figure = (NumberFormat.percent(analysis.service?.overall.within.score, 0), NumberFormat.interval(analysis.service?.overall.within.ci95?.lower, analysis.service?.overall.within.ci95?.upper, 0), strings["service_within"])
        default: figure = (strings.formatNumber(results?.respondents ?? 0), "", strings["figure_respondents"])
        }
        return MetricBlock(value: figure.0, detail: figure.1, label: label ?? figure.2)
    }

    /// Quotes first, then observations, filtered by theme, persona, dimension or need.
    func quotes(_ block: BlockInvocation) -> [Excerpt] {
        var personaOf: [String: String] = [:]
        for persona in analysis.personas?.personas ?? [] { for p in persona.participants { personaOf[p] = persona.id } }
        let dimensionThemes = block.text("dimension").map { d in Set(analysis.themeIndex.themes.filter { $0.dimension == d }.map(\.id)) }
        var chosen: [Excerpt] = []
        for note in project.notes {
            for excerpt in note.excerpts {
                let themes = Set(analysis.themeIndex.themeIDs(for: excerpt))
                if let theme = block.text("theme"), !themes.contains(theme) { continue }
                if let wanted = dimensionThemes, wanted.isDisjoint(with: themes) { continue }
                if let need = block.text("need"), !excerpt.tags.contains("need/" + need) { continue }
                if let persona = block.text("persona") {
                    guard let person = note.attributedParticipant(of: excerpt), personaOf[person] == persona else { continue }
                }
                chosen.append(excerpt)
            }
        }
        let ordered = chosen.filter { $0.kind == .quote } + chosen.filter { $0.kind != .quote }
        return Array(ordered.prefix(limit(block, default: 5)))
    }
}
