import CanvassCore

/// The monitoring page, its home-page panel and the `{monitoring}` block: every metric across
/// waves against its target on a control chart, the alerts, and the KPIs.
extension PageContext {
    func monitoring(_ results: SurveyResults) -> PageModel<MonitoringPage> {
        PageModel(base: base(title: strings["monitoring_title"], section: "monitoring"), content: MonitoringPage(
            status: monitoringStatus(results),
            metrics: (results.monitoring?.metrics ?? []).map(monitoredMetric),
            kpis: results.kpis.map { kpiModel($0) }))
    }

    /// What the home page and the page's top say: the alerts, and how many targets the latest wave meets.
    func monitoringStatus(_ results: SurveyResults) -> MonitoringStatus {
        let metrics = results.monitoring?.metrics ?? []
        let page = path.link(to: PagePath.monitoring.path)
        let targeted = metrics.filter { $0.onTrack != nil }
        let off = targeted.filter { $0.onTrack == false }, on = targeted.filter { $0.onTrack == true }
        return MonitoringStatus(
            alerts: (results.monitoring?.alerts ?? []).map { item in
                AlertLink(text: alertText(item.alert, metric: item.metric, target: metrics.first { $0.metric == item.metric }?.target),
                          href: page + "#" + metricAnchor(item.metric))
            },
            noAlerts: strings["monitoring_no_alerts"],
            targets: targeted.isEmpty ? "" : strings.format("monitoring_targets_met", [
                "met": String(targeted.filter { $0.onTrack == true }.count), "count": String(targeted.count),
            ]),
            onTrack: on.map { LabelLink(label: metricLabel($0.metric), href: page + "#" + metricAnchor($0.metric)) },
            offTrack: off.map { LabelLink(label: metricLabel($0.metric), href: page + "#" + metricAnchor($0.metric)) },
            href: page)
    }

    func alertText(_ alert: MonitoredMetric.Alert, metric: Metric, target: Double?) -> String {
        switch alert {
        case .outsideLimits(let wave, let above):
            return strings.format(above ? "monitoring_alert_above" : "monitoring_alert_below", ["metric": metricLabel(metric), "wave": wave])
        case .targetMissed(let waves):
            return strings.format("monitoring_alert_missed", [
                "metric": metricLabel(metric), "target": metricValue(target, metric), "waves": waves.joined(separator: strings["list_separator"]),
            ])
        }
    }

    func monitoredMetric(_ m: MonitoredMetric) -> MetricView {
        let svg = charts.control(
            m.points.map { Charts.ControlPoint(wave: $0.wave, value: $0.value, interval: $0.ci95, limits: $0.limits, outside: $0.outside) },
            centre: m.centre, target: m.target, title: strings.format("chart_control_title", ["metric": metricLabel(m.metric)]),
            yTitle: metricLabel(m.metric), digits: metricDigits(m.metric))
        return MetricView(
            id: metricAnchor(m.metric), label: metricLabel(m.metric), svg: svg,
            chart: strings[m.metric.isShare ? "monitoring_p_chart" : "monitoring_xbar_chart"],
            target: m.target.map { strings.format("monitoring_target", ["value": metricValue($0, m.metric)]) } ?? strings["monitoring_no_target"],
            onTrack: m.onTrack == true, offTrack: m.onTrack == false,
            alerts: m.alerts.map { alertText($0, metric: m.metric, target: m.target) },
            rows: m.points.map { p in
                MetricWave(
                    wave: p.wave, n: strings.formatNumber(p.n), value: metricValue(p.value, m.metric),
                    ci: NumberFormat.interval(p.ci95?.lower, p.ci95?.upper, metricDigits(m.metric)),
                    limits: NumberFormat.interval(p.limits?.lower, p.limits?.upper, metricDigits(m.metric)),
                    outside: p.outside, small: p.n > 0 && p.n < 30, met: p.targetMet == true, missed: p.targetMet == false)
            })
    }

    /// A KPI overall, by wave, persona and breakdown.
    func kpiModel(_ k: KPIResult) -> KPIView {
        func row(_ label: String, _ s: ShareResult) -> ShareRow {
            ShareRow(label: label, n: strings.formatNumber(s.n), share: NumberFormat.percent(s.score, 0),
                     ci: NumberFormat.interval(s.ci95?.lower, s.ci95?.upper, 0), small: s.n > 0 && s.n < 30)
        }
        var groups: [ShareGroup] = []
        if !k.share.byWave.isEmpty {
            groups.append(ShareGroup(heading: strings["col_wave"], rows: k.share.byWave.map { row($0.label, $0.value) }))
        }
        if !k.share.byPersona.isEmpty {
            groups.append(ShareGroup(heading: strings["col_persona"], rows: k.share.byPersona.map { g in
                row(analysis.personas?.persona(id: g.label).map(personaName) ?? g.label, g.value)
            }))
        }
        for breakdown in k.share.by {
            groups.append(ShareGroup(heading: capitalised(attributeLabel(breakdown.attribute)), rows: breakdown.groups.map {
                row(project.config.label(attribute: breakdown.attribute, value: $0.label), $0.value)
            }))
        }
        return KPIView(id: "kpi-" + k.id, label: k.label, overall: row(strings["all_respondents"], k.share.overall), groups: groups)
    }

    func metricAnchor(_ metric: Metric) -> String {
        "metric-" + metric.id.replacingOccurrences(of: ".", with: "-")
    }

    func metricLabel(_ metric: Metric) -> String {
        switch metric {
        case .nps: return "NPS"
        case .csat: return "CSAT"
        case .kpi(let id): return analysis.surveys?.kpis.first { $0.id == id }?.label ?? id
        case .gap(let id): return strings.format("metric_gap", ["dimension": project.config.dimension(id: id)?.label ?? id])
        case .perception(let id): return strings.format("metric_perception", ["dimension": project.config.dimension(id: id)?.label ?? id])
        case .service(let priority): return priority == "all" ? strings["metric_service_all"] : strings.format("metric_service", ["priority": priority])
        }
    }

    func metricDigits(_ metric: Metric) -> Int {
        switch metric {
        case .nps, .csat, .kpi, .service: return 0
        case .gap, .perception: return 2
        }
    }

    /// A metric's value as pages show it: `52%`, `−7`, `−0.84`, `5.31`.
    func metricValue(_ value: Double?, _ metric: Metric) -> String {
        switch metric {
        case .csat, .kpi, .service: return NumberFormat.percent(value, 0)
        case .nps: return NumberFormat.fixed(value, 0)
        case .gap: return NumberFormat.signed(value)
        case .perception: return NumberFormat.fixed(value)
        }
    }
}
