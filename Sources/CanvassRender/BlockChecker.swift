import CanvassCore

/// Checks what report-page blocks refer to — personas, themes, dimensions, needs, competitors,
/// attributes — once the analysis exists, so each mistake is an error at its option's line.
struct BlockChecker {
    let project: Project
    let analysis: ProjectAnalysis

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in project.pages {
            for block in page.blocks.values.sorted(by: { $0.location < $1.location }) {
                diagnostics += check(block)
            }
        }
        return diagnostics
    }

    private func check(_ block: BlockInvocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func require(_ key: String, _ value: String, in known: [String], what: String) {
            guard !known.contains(value) else { return }
            diagnostics.append(.error(
                "block `{\(block.name)}`: \(what) `\(value)` does not exist", at: block.optionLocations[key] ?? block.location,
                hint: Suggestion.didYouMean(value, in: known) ?? (known.isEmpty ? "this study has none" : "known: \(known.prefix(10).joined(separator: ", "))")))
        }
        let personas = analysis.personas?.personas.map(\.id) ?? []
        let dimensions = analysis.surveys?.dimensions.map(\.dimension.id) ?? []
        let breakdowns = project.config.breakdowns
        if let value = block.text("persona") { require("persona", value, in: personas, what: "persona") }
        if let value = block.text("theme") { require("theme", value, in: analysis.themes.map(\.theme.id), what: "theme") }
        if let value = block.text("dimension") { require("dimension", value, in: project.config.dimensions.map(\.id), what: "dimension") }
        for value in block.list("dimensions") ?? [] { require("dimensions", value, in: dimensions, what: "dimension") }
        if let value = block.text("need") { require("need", value, in: analysis.needs.map(\.id), what: "need") }
        if let value = block.text("competitor") {
            require("competitor", value, in: Array(Set(analysis.surveys?.competitors.map(\.competitor) ?? [])).sorted(), what: "competitor")
        }
        for value in block.list("priority") ?? [] { require("priority", value, in: Need.thresholds.map(\.priority), what: "priority") }
        if let value = block.text("limit"), Int(value).map({ $0 < 1 }) ?? true {
            diagnostics.append(.error("block `{\(block.name)}`: `limit` must be a whole number of 1 or more, not `\(value)`",
                                      at: block.optionLocations["limit"] ?? block.location))
        }
        switch block.name {
        case "metric": require("value", block.text("value") ?? "respondents", in: BlockCatalog.metrics, what: "value")
        case "nps": if let by = block.text("by") { require("by", by, in: ["wave", "persona"] + breakdowns, what: "breakdown") }
        case "monitoring":
            let monitored = analysis.surveys?.monitoring?.metrics.map(\.metric.id) ?? []
            if let metric = block.text("metric") { require("metric", metric, in: monitored, what: "monitored metric") }
            if analysis.surveys != nil, analysis.surveys?.hasMonitoring != true {
                diagnostics.append(.error("block `{monitoring}` needs survey waves or KPIs to follow, and this study has neither", at: block.location,
                                          hint: "give the survey a `wave` or `waveColumn`, or map `kpis`"))
            }
        case "actions":
            if analysis.actions == nil {
                diagnostics.append(.error("block `{actions}` needs improvement actions, and this study has none", at: block.location,
                                          hint: "describe each in content/actions/<id>.md with a `title` and `status`"))
            } else if let id = block.text("action") {
                require("action", id, in: analysis.actions?.actions.map(\.action.id) ?? [], what: "action")
            }
            for status in block.list("status") ?? [] {
                require("status", status, in: ImprovementAction.Status.allCases.map(\.rawValue), what: "status")
            }
        case "target-segments":
            if let of = block.text("of") { require("of", of, in: ["personas", "segments"], what: "kind of candidate") }
            if analysis.surveys != nil, analysis.surveys?.targeting == nil {
                diagnostics.append(.error("block `{target-segments}` needs `targeting:` in canvass.yml, and this study has none", at: block.location,
                                          hint: "e.g. targeting: {value: revenue, weights: {size: 1, value: 1, shortfall: 1}}"))
            }
        case "gap-table": if let by = block.text("by") { require("by", by, in: breakdowns, what: "breakdown") }
        case "service-levels": if let by = block.text("by") { require("by", by, in: ["priority", "dimension", "month"], what: "breakdown") }
        case "persona-card":
            if block.text("persona") == nil {
                diagnostics.append(.error("block `{persona-card}` needs `persona`", at: block.location, hint: "e.g. persona: \(personas.first ?? "an-id")"))
            }
        default: break
        }
        // A block about data the study does not have says so at build time, not on the page.
        let needsSurvey = ["nps", "gap-chart", "gap-table", "ipa-chart", "trend-chart", "competitor-chart", "kano-table", "target-segments", "monitoring"]
        if needsSurvey.contains(block.name) && analysis.surveys == nil {
            diagnostics.append(.error("block `{\(block.name)}` needs survey data, and this study has none", at: block.location,
                                      hint: "add a survey to canvass.yml"))
        }
        if ["persona-card", "persona-grid"].contains(block.name) && analysis.personas == nil {
            diagnostics.append(.error("block `{\(block.name)}` needs personas, and this study has none", at: block.location,
                                      hint: "add `personas:` to canvass.yml"))
        }
        if block.name == "service-levels" && analysis.service == nil {
            diagnostics.append(.error("block `{service-levels}` needs service records, and this study has none", at: block.location,
                                      hint: "add `records:` to canvass.yml"))
        }
        return diagnostics
    }
}
