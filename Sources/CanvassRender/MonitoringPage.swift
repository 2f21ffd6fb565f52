/// The values of the monitoring page (`pages/monitoring.mustache`): the status line, every
/// monitored metric on its control chart, and the KPIs.
struct MonitoringPage: ViewModel {
    let status: MonitoringStatus
    let metrics: [MetricView]
    let kpis: [KPIView]

    func child(named name: String) -> Any? {
        switch name {
        case "status": return status
        case "metrics": return metrics
        case "hasMetrics": return !metrics.isEmpty
        case "kpis": return kpis
        case "hasKPIs": return !kpis.isEmpty
        default: return nil
        }
    }

    var names: [String] { ["hasKPIs", "hasMetrics", "kpis", "metrics", "status"] }
}

/// What is on track and what is not (`partials/monitoring-status.mustache`): the alerts, how many
/// targets the latest wave meets, and the metrics on and off track.
struct MonitoringStatus: ViewModel {
    let alerts: [AlertLink]
    let noAlerts: String
    /// "" when no metric has a target.
    let targets: String
    let onTrack: [LabelLink]
    let offTrack: [LabelLink]
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "alerts": return alerts
        case "hasAlerts": return !alerts.isEmpty
        case "noAlerts": return noAlerts
        case "targets": return targets
        case "onTrack": return onTrack
        case "hasOnTrack": return !onTrack.isEmpty
        case "offTrack": return offTrack
        case "hasOffTrack": return !offTrack.isEmpty
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["alerts", "hasAlerts", "hasOffTrack", "hasOnTrack", "href", "noAlerts", "offTrack", "onTrack", "targets"] }
}

/// An alert, linking to the metric it is about.
struct AlertLink: ViewModel {
    let text: String
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["href", "text"] }
}

/// A label linking to what it names: a metric on or off track, a theme behind a dimension.
struct LabelLink: ViewModel {
    let label: String
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["href", "label"] }
}

/// A monitored metric: its control chart, target, whether it is on track, its alerts and a row per wave.
struct MetricView: ViewModel {
    let id: String
    let label: String
    let svg: String
    let chart: String
    let target: String
    let onTrack: Bool
    let offTrack: Bool
    let alerts: [String]
    let rows: [MetricWave]

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "label": return label
        case "svg": return svg
        case "chart": return chart
        case "target": return target
        case "onTrack": return onTrack
        case "offTrack": return offTrack
        case "alerts": return alerts
        case "hasAlerts": return !alerts.isEmpty
        case "rows": return rows
        default: return nil
        }
    }

    var names: [String] { ["alerts", "chart", "hasAlerts", "id", "label", "offTrack", "onTrack", "rows", "svg", "target"] }
}

/// A metric in one wave: n, value with its interval, the control limits, and the marks.
struct MetricWave: ViewModel {
    let wave: String
    let n: String
    let value: String
    let ci: String
    let limits: String
    let outside: Bool
    let small: Bool
    let met: Bool
    let missed: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "wave": return wave
        case "n": return n
        case "value": return value
        case "ci": return ci
        case "limits": return limits
        case "outside": return outside
        case "small": return small
        case "met": return met
        case "missed": return missed
        default: return nil
        }
    }

    var names: [String] { ["ci", "limits", "met", "missed", "n", "outside", "small", "value", "wave"] }
}

/// A KPI overall, and grouped by wave, persona and breakdown.
struct KPIView: ViewModel {
    let id: String
    let label: String
    let overall: ShareRow
    let groups: [ShareGroup]

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "label": return label
        case "overall": return overall
        case "groups": return groups
        default: return nil
        }
    }

    var names: [String] { ["groups", "id", "label", "overall"] }
}

/// Shares by one grouping (wave, persona, an attribute), under its heading.
struct ShareGroup: ViewModel {
    let heading: String
    let rows: [ShareRow]

    func child(named name: String) -> Any? {
        switch name {
        case "heading": return heading
        case "rows": return rows
        default: return nil
        }
    }

    var names: [String] { ["heading", "rows"] }
}

/// A share with its n and interval.
struct ShareRow: ViewModel {
    let label: String
    let n: String
    let share: String
    let ci: String
    let small: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "n": return n
        case "share": return share
        case "ci": return ci
        case "small": return small
        default: return nil
        }
    }

    var names: [String] { ["ci", "label", "n", "share", "small"] }
}
