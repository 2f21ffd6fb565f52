import CanvassCore

/// The service-levels page: commitments against actual first responses.
extension PageContext {
    /// `45m`, `3h 20m`, `1d 4h` — the two largest units, in the site's language.
    func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "–" }
        let minutes = Int((seconds / 60).rounded())
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        var parts: [String] = []
        if days > 0 { parts.append(strings.format("duration_days", ["n": String(days)])) }
        if hours > 0 && parts.count < 2 { parts.append(strings.format("duration_hours", ["n": String(hours)])) }
        if (rest > 0 || parts.isEmpty) && parts.count < 2 && days == 0 { parts.append(strings.format("duration_minutes", ["n": String(rest)])) }
        return parts.joined(separator: " ")
    }

    func serviceRow(_ level: ServiceLevel, label: String? = nil, href: String? = nil) -> ServiceRow {
        ServiceRow(
            label: label ?? level.label, committed: duration(level.committed), records: strings.formatNumber(level.records),
            responded: strings.formatNumber(level.responded),
            median: duration(level.responseMedian), p90: duration(level.responseP90),
            resolutionMedian: duration(level.resolutionMedian), resolutionP90: duration(level.resolutionP90),
            within: NumberFormat.percent(level.within.score, 0),
            withinCI: NumberFormat.interval(level.within.ci95?.lower, level.within.ci95?.upper, 0),
            withinValue: level.within.score.map { String($0) } ?? "",
            breached: (level.within.score ?? 100) < 90, small: level.within.n < 30, href: href)
    }

    func service(_ results: ServiceResults) -> PageModel<ServicePage> {
        let chartRows = results.byPriority.compactMap { level -> Charts.ServiceRow? in
            guard let committed = level.committed else { return nil }
            return Charts.ServiceRow(label: level.label, committed: committed, median: level.responseMedian, p90: level.responseP90,
                                     committedText: duration(committed), medianText: duration(level.responseMedian), p90Text: duration(level.responseP90))
        }
        let dimensionIDs = Set(project.config.dimensions.map(\.id))
        return PageModel(base: base(title: strings["service_title"], section: "service"), content: ServicePage(
            overall: serviceRow(results.overall),
            chartSVG: chartRows.isEmpty ? "" : charts.service(chartRows),
            priorities: results.byPriority.map { serviceRow($0) },
            dimensions: results.byDimension.map { level in
                serviceRow(level, label: project.config.dimension(id: level.label)?.label ?? level.label,
                           href: dimensionIDs.contains(level.label) ? dimensionHref(level.label) : nil)
            },
            months: results.byMonth.map { serviceRow($0) },
            breaches: results.breaches.map { breach in
                BreachRow(
                    place: "\(breach.file):\(breach.line)", priority: breach.priority,
                    dimension: breach.dimension.flatMap { project.config.dimension(id: $0)?.label } ?? breach.dimension ?? "–",
                    response: duration(breach.response), committed: duration(breach.committed),
                    over: NumberFormat.fixed(breach.response / breach.committed, 1) + "×")
            },
            breachCount: strings.formatNumber(results.breaches.count),
            findings: results.findings.map { f in
                ServiceFinding(
                    place: "\(f.file):\(f.line)", row: strings.formatNumber(f.row), column: f.column ?? "–",
                    kind: strings["finding_\(f.kind.rawValue.replacingOccurrences(of: "-", with: "_"))"],
                    value: f.value ?? "", message: f.message)
            }))
    }
}
