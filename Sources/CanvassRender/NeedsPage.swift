/// The values of the needs page (`pages/needs.mustache`): every need with its priority and the
/// evidence behind it, and the score bands the priorities come from.
struct NeedsPage: ViewModel {
    let needs: [NeedView]
    let thresholds: String

    func child(named name: String) -> Any? {
        switch name {
        case "needs": return needs
        case "hasNeeds": return !needs.isEmpty
        case "thresholds": return thresholds
        default: return nil
        }
    }

    var names: [String] { ["hasNeeds", "needs", "thresholds"] }
}

/// A need: who raised it and how often, its dimension's importance and gap, its score and
/// priority, the actions about it, and its excerpts.
struct NeedView: ViewModel {
    let id: String
    let label: String
    let description: String
    let dimension: String
    let dimensionHref: String
    let participants: String
    let voices: String
    let mentions: String
    let importance: String
    let gap: String
    let shortfall: Bool
    let score: String
    let scoreValue: String
    let priority: String
    let commitment: String
    let actionLinks: [ActionLink]
    let excerpts: [ExcerptView]
    let moreExcerpts: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "label": return label
        case "description": return description
        case "dimension": return dimension
        case "dimensionHref": return dimensionHref
        case "participants": return participants
        case "voices": return voices
        case "mentions": return mentions
        case "importance": return importance
        case "gap": return gap
        case "shortfall": return shortfall
        case "score": return score
        case "scoreValue": return scoreValue
        case "priority": return priority
        case "commitment": return commitment
        case "actionLinks": return actionLinks
        case "hasActionLinks": return !actionLinks.isEmpty
        case "excerpts": return excerpts
        case "moreExcerpts": return moreExcerpts
        default: return nil
        }
    }

    var names: [String] {
        ["actionLinks", "commitment", "description", "dimension", "dimensionHref", "excerpts", "gap", "hasActionLinks", "id", "importance",
         "label", "mentions", "moreExcerpts", "participants", "priority", "score", "scoreValue", "shortfall", "voices"]
    }
}

/// A link to an improvement action about what a page shows, with its verdict and whether it is overdue.
struct ActionLink: ViewModel {
    let title: String
    let href: String
    let verdict: String
    let overdue: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "verdict": return verdict
        case "overdue": return overdue
        default: return nil
        }
    }

    var names: [String] { ["href", "overdue", "title", "verdict"] }
}
