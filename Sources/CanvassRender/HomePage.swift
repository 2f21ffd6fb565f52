/// The values of the overview (`pages/home.mustache`): the headline figures, the survey's
/// shortfalls and NPS, what is on track, the personas, the most discussed themes, recent notes.
struct HomePage: ViewModel {
    let figures: [Figure]
    let survey: SurveyPanel?
    let hasPersonas: Bool
    /// Nil without monitored waves or KPIs.
    let monitoring: MonitoringStatus?
    /// Nil without improvement actions.
    let actions: ActionsPanel?
    let personaCards: [PersonaCard]
    let topThemes: [TopTheme]
    let recentNotes: [NoteRow]
    let hasNotes: Bool
    let methods: [LabeledCount]

    func child(named name: String) -> Any? {
        switch name {
        case "figures": return figures
        case "survey": return survey.map { $0 as Any } ?? SurveyPanel.Absent()
        case "hasPersonas": return hasPersonas
        case "monitoring": return monitoring.map { $0 as Any } ?? false
        case "actions": return actions.map { $0 as Any } ?? false
        case "onTrack": return monitoring != nil || actions != nil
        case "personaCards": return personaCards
        case "topThemes": return topThemes
        case "hasThemes": return !topThemes.isEmpty
        case "recentNotes": return recentNotes
        case "hasNotes": return hasNotes
        case "methods": return methods
        default: return nil
        }
    }

    var names: [String] {
        ["actions", "figures", "hasNotes", "hasPersonas", "hasThemes", "methods", "monitoring", "onTrack", "personaCards", "recentNotes",
         "survey", "topThemes"]
    }
}

/// A headline figure: its value, what it is, its uncertainty, and where it is explained.
struct Figure: ViewModel {
    /// Where a figure links: nowhere (no `href`), not from this figure (`false`), or a page.
    enum Target {
        case none, off
        case page(String)
    }

    let value: String
    let label: String
    var detail: String?
    var small: Bool?
    var href: Target = .none

    func child(named name: String) -> Any? {
        switch name {
        case "value": return value
        case "label": return label
        case "detail": return detail
        case "small": return small
        case "href":
            switch href {
            case .none: return nil
            case .off: return false
            case .page(let link): return link
            }
        default: return nil
        }
    }

    var names: [String] {
        (detail == nil ? [] : ["detail"]) + (href.isNone ? [] : ["href"]) + ["label"] + (small == nil ? [] : ["small"]) + ["value"]
    }
}

extension Figure.Target {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

/// The survey's part of the overview: the three largest shortfalls, and NPS by wave.
struct SurveyPanel: ViewModel {
    let shortfalls: [GapRow]
    let npsSVG: String

    /// What the overview holds without a survey: `present` alone, false.
    struct Absent: ViewModel {
        func child(named name: String) -> Any? { name == "present" ? false : nil }
        var names: [String] { ["present"] }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "present": return true
        case "shortfalls": return shortfalls
        case "hasShortfalls": return !shortfalls.isEmpty
        case "npsSVG": return npsSVG
        default: return nil
        }
    }

    var names: [String] { ["hasShortfalls", "npsSVG", "present", "shortfalls"] }
}

/// The improvement actions' line on the overview, with the overdue ones.
struct ActionsPanel: ViewModel {
    let summary: String
    let overdue: [ActionRow]
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "summary": return summary
        case "overdue": return overdue
        case "hasOverdue": return !overdue.isEmpty
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["hasOverdue", "href", "overdue", "summary"] }
}

/// A most-discussed theme, with a bar of its excerpts against the top theme's.
struct TopTheme: ViewModel {
    let label: String
    let href: String
    let count: String
    let width: String
    let dimension: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "count": return count
        case "width": return width
        case "dimension": return dimension
        default: return nil
        }
    }

    var names: [String] { ["count", "dimension", "href", "label", "width"] }
}

/// Something counted, by its label: the notes of a method of research, the findings of a kind.
struct LabeledCount: ViewModel {
    let label: String
    let count: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "count": return count
        default: return nil
        }
    }

    var names: [String] { ["count", "label"] }
}
