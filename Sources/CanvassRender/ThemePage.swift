/// The values of a theme's page (`pages/theme.mustache`): the theme, under `theme`.
struct ThemePage: ViewModel {
    let theme: ThemeView

    func child(named name: String) -> Any? { name == "theme" ? theme : nil }
    var names: [String] { ["theme"] }
}

/// A theme with its evidence: how much there is, the survey gap of its dimension, the sentiment,
/// keywords and themes it shares excerpts with, the methods and personas it comes from.
struct ThemeView: ViewModel {
    let label: String
    let description: String
    let dimension: String
    let tags: [Named]
    let excerptCount: String
    let noteCount: String
    let participantCount: String
    let excerpts: [ExcerptView]
    let moreExcerpts: String
    let hasExcerpts: Bool
    /// The survey gap of the theme's dimension, when it has one: its estimate, interval, n, and link.
    let hasGap: Bool
    let gap: String
    let gapCI: String
    let gapN: String
    let gapShortfall: Bool
    let gapHref: String
    let sentiment: String
    let keywords: [Named]
    let cooccurring: [ThemeCount]
    /// Whether the theme shares excerpts with others, and is discussed by personas (counted before
    /// the lists drop what has no page).
    let hasCooccurring: Bool
    let byMethod: [Bar]
    let byPersona: [Bar]
    let hasPersonas: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "description": return description
        case "dimension": return dimension
        case "tags": return tags
        case "excerptCount": return excerptCount
        case "noteCount": return noteCount
        case "participantCount": return participantCount
        case "excerpts": return excerpts
        case "moreExcerpts": return moreExcerpts
        case "hasExcerpts": return hasExcerpts
        case "hasGap": return hasGap
        case "gap": return gap
        case "gapCI": return gapCI
        case "gapN": return gapN
        case "gapShortfall": return gapShortfall
        case "gapHref": return gapHref
        case "sentiment": return sentiment
        case "keywords": return keywords
        case "hasKeywords": return !keywords.isEmpty
        case "cooccurring": return cooccurring
        case "hasCooccurring": return hasCooccurring
        case "byMethod": return byMethod
        case "byPersona": return byPersona
        case "hasPersonas": return hasPersonas
        default: return nil
        }
    }

    var names: [String] {
        ["byMethod", "byPersona", "cooccurring", "description", "dimension", "excerptCount", "excerpts", "gap", "gapCI", "gapHref",
         "gapN", "gapShortfall", "hasCooccurring", "hasExcerpts", "hasGap", "hasKeywords", "hasPersonas", "keywords", "label",
         "moreExcerpts", "noteCount", "participantCount", "sentiment", "tags"]
    }
}

/// A bar of a list of counts: what is counted (linking to it, when it has a page), how many, and
/// the bar's width in percent.
struct Bar: ViewModel {
    let label: String
    let href: String?
    let count: String
    let width: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "count": return count
        case "width": return width
        default: return nil
        }
    }

    var names: [String] { (href == nil ? [] : ["href"]) + ["count", "label", "width"] }
}

/// Something shown by its label alone: a tag of a theme, a keyword.
struct Named: ViewModel {
    let label: String

    func child(named name: String) -> Any? { name == "label" ? label : nil }
    var names: [String] { ["label"] }
}
