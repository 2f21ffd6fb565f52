/// What a block's template (`blocks/<name>.mustache`) reads: the block's model as `block`, the
/// options it was written with (a project's own block reads them), the UI strings and the way to
/// the site's root.
struct BlockContext: ViewModel {
    let block: any ViewModel
    let options: [String: Any]
    let t: [String: String]
    let root: String

    func child(named name: String) -> Any? {
        switch name {
        case "block": return block
        case "options": return options
        case "t": return t
        case "root": return root
        default: return nil
        }
    }

    var names: [String] { ["block", "options", "root", "t"] }
}

/// The model of a block with nothing to show — the study has no such data, or a project's own
/// block: the template's section renders once, with nothing of its own to read.
struct EmptyBlock: ViewModel {
    func child(named name: String) -> Any? { nil }
    var names: [String] { [] }
}

/// A block that is one chart, with a caption when it compares one persona.
struct ChartBlock: ViewModel {
    let svg: String
    var caption: String?

    func child(named name: String) -> Any? {
        switch name {
        case "svg": return svg
        case "caption": return caption
        default: return nil
        }
    }

    var names: [String] { (caption == nil ? [] : ["caption"]) + ["svg"] }
}

/// A block of one chart per competitor.
struct ChartsBlock: ViewModel {
    let charts: [ChartBlock]

    func child(named name: String) -> Any? { name == "charts" ? charts : nil }
    var names: [String] { ["charts"] }
}

/// A block that is a table, with a link to the page of the whole table when there is one.
struct TableBlock<Row: ViewModel>: ViewModel {
    let rows: [Row]
    var href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "rows": return rows
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { (href == nil ? [] : ["href"]) + ["rows"] }
}

/// The gap table: its rows, and whether they are whole dimensions with a verdict.
struct GapTableBlock: ViewModel {
    let rows: [GapRow]
    let hasVerdict: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "rows": return rows
        case "hasVerdict": return hasVerdict
        default: return nil
        }
    }

    var names: [String] { ["hasVerdict", "rows"] }
}

/// One headline figure, its interval or margin, and its label.
struct MetricBlock: ViewModel {
    let value: String
    let detail: String
    let label: String

    func child(named name: String) -> Any? {
        switch name {
        case "value": return value
        case "detail": return detail
        case "label": return label
        default: return nil
        }
    }

    var names: [String] { ["detail", "label", "value"] }
}

/// One persona's card.
struct PersonaCardBlock: ViewModel {
    let card: PersonaCard

    func child(named name: String) -> Any? { name == "card" ? card : nil }
    var names: [String] { ["card"] }
}

/// The cards of the first personas.
struct PersonaGridBlock: ViewModel {
    let cards: [PersonaCard]

    func child(named name: String) -> Any? { name == "cards" ? cards : nil }
    var names: [String] { ["cards"] }
}

/// The chosen excerpts.
struct QuotesBlock: ViewModel {
    let excerpts: [ExcerptView]

    func child(named name: String) -> Any? { name == "excerpts" ? excerpts : nil }
    var names: [String] { ["excerpts"] }
}

/// A need as a row of the needs table.
struct NeedRow: ViewModel {
    let label: String
    let href: String
    let priority: String
    let participants: String
    let gap: String
    let commitment: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "priority": return priority
        case "participants": return participants
        case "gap": return gap
        case "commitment": return commitment
        default: return nil
        }
    }

    var names: [String] { ["commitment", "gap", "href", "label", "participants", "priority"] }
}

/// The monitoring block: the study's status, or one metric by wave, and the monitoring page.
struct MonitoringBlock: ViewModel {
    /// Exactly one of the two is set.
    let status: MonitoringStatus?
    let metric: MetricView?
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "status": return status.map { $0 as Any } ?? false
        case "metric": return metric.map { $0 as Any } ?? false
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["href", "metric", "status"] }
}

/// The actions block: the actions listed, one action's effects, or the summary of all, and the
/// actions page.
struct ActionsBlock: ViewModel {
    let actions: [ActionRow]
    let effects: [EffectView]
    /// Nil for a single action.
    let summary: String?
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "actions": return actions
        case "hasActions": return !actions.isEmpty
        case "effects": return effects
        case "summary": return summary.map { $0 as Any } ?? false
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["actions", "effects", "hasActions", "href", "summary"] }
}
