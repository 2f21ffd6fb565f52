import CanvassCore

extension ConfigLoader {
    /// `targets: {nps: 0, csat: 60, kpi.renewal: 75, gap.service: -0.5}`: the level each metric
    /// should reach, checked against what the surveys map and the metric's range.
    func readTargets(_ node: YAMLNode, config: ProjectConfig) -> [MetricTarget] {
        guard let entries = reader.mapping(node, "`targets`") else { return [] }
        return entries.compactMap { entry in
            if Metric(entry.key)?.isSurveyFigure == false {
                reader.error("`\(entry.key)` is not monitored by survey wave", at: entry.keyNode,
                             hint: "the Service levels page shows it by month; give it as the target of an improvement action in content/actions/")
                return nil
            }
            guard let metric = MetricCheck(config: config).metric(entry.key, at: entry.keyNode, reader: reader),
                  let value = reader.number(entry.value, "the target of `\(entry.key)`") else { return nil }
            guard MetricCheck(config: config).check(value, for: metric, at: entry.value, reader: reader) else { return nil }
            return MetricTarget(metric: metric, value: value, location: reader.location(of: entry.keyNode))
        }
    }
}

/// Whether a metric exists in a study and a value lies in its range; shared by `targets:` and
/// the targets of improvement actions.
struct MetricCheck {
    let config: ProjectConfig

    var kpis: [String] { config.surveys.flatMap { $0.kpis.map(\.id) } }
    var dimensions: [String] { config.dimensions.map(\.id).filter { id in config.surveys.contains { $0.pairs.contains { $0.dimension == id } } } }

    /// The metric written `text`, or an error at `node` saying what exists.
    func metric(_ text: String, at node: YAMLNode, reader: YAMLReader) -> Metric? {
        guard let metric = Metric(text) else {
            reader.error("`\(text)` is not a metric", at: node, hint: "metrics are \(Metric.forms.joined(separator: ", "))")
            return nil
        }
        let missing: (String, [String])?
        switch metric {
        case .nps: missing = config.surveys.contains { $0.nps != nil } ? nil : ("no survey maps `nps`", [])
        case .csat: missing = config.surveys.contains { $0.csat != nil } ? nil : ("no survey maps `csat`", [])
        case .kpi(let id): missing = kpis.contains(id) ? nil : ("no survey maps KPI `\(id)` under `kpis`", kpis)
        case .gap(let id), .perception(let id):
            missing = dimensions.contains(id) ? nil : ("no survey maps dimension `\(id)` under `pairs`", dimensions)
        case .service(let priority):
            let priorities = ["all"] + config.commitments.map(\.priority)
            missing = config.records.isEmpty ? ("there are no service `records`", [])
                : priorities.contains(priority) ? nil : ("no commitment is set for priority `\(priority)`", priorities)
        }
        if let (message, names) = missing {
            // The same kind of metric with a name that exists, written out in full.
            let prefix = String(metric.id.prefix { $0 != "." })
            let known = names.map { prefix + "." + $0 }
            reader.error("metric `\(text)`: \(message)", at: node,
                         hint: Suggestion.didYouMean(text, in: known) ?? (known.isEmpty ? "map it in a survey first" : "known: \(known.joined(separator: ", "))"))
            return nil
        }
        return metric
    }

    /// The range a metric's values can take.
    func range(_ metric: Metric) -> ClosedRange<Double> {
        let points = Double(config.scale.max - config.scale.min)
        switch metric {
        case .nps: return -100...100
        case .csat, .kpi, .service: return 0...100
        case .gap: return -points...points
        case .perception: return Double(config.scale.min)...Double(config.scale.max)
        }
    }

    func check(_ value: Double, for metric: Metric, at node: YAMLNode, reader: YAMLReader) -> Bool {
        let range = range(metric)
        guard range.contains(value) else {
            reader.error("the target of `\(metric.id)` must lie between \(NumberText.plain(range.lowerBound)) and \(NumberText.plain(range.upperBound)), not \(NumberText.plain(value))",
                         at: node, hint: metric.isShare ? "shares are in percent: 75 for three in four" : nil)
            return false
        }
        return true
    }
}
