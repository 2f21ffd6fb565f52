/// The values of a persona's page (`pages/persona.mustache`): the card with its detail, traits
/// with their evidence, gaps against everyone's, themes and needs, quotes and survey answers.
struct PersonaPage: ViewModel {
    let persona: PersonaCard
    let actionLinks: [ActionLink]
    let traits: [TraitView]
    let gapSVG: String
    /// Each dimension's gap row (as the gaps page shows it), with the overall gap and a link.
    let gaps: [GapRow]
    let themes: [ThemeCount]
    let needs: [ThemeCount]
    let hasNeeds: Bool
    let quotes: [ExcerptView]
    let participants: String
    let answers: [AnswerGroup]
    let hasAnswers: Bool
    let notesHref: String

    func child(named name: String) -> Any? {
        switch name {
        case "persona": return persona
        case "actionLinks": return actionLinks
        case "hasActionLinks": return !actionLinks.isEmpty
        case "traits": return traits
        case "gapSVG": return gapSVG
        case "gaps": return gaps
        case "themes": return themes
        case "hasThemes": return !themes.isEmpty
        case "needs": return needs
        case "hasNeeds": return hasNeeds
        case "quotes": return quotes
        case "hasQuotes": return !quotes.isEmpty
        case "participants": return participants
        case "answers": return answers
        case "hasAnswers": return hasAnswers
        case "notesHref": return notesHref
        default: return nil
        }
    }

    var names: [String] {
        ["actionLinks", "answers", "gapSVG", "gaps", "hasActionLinks", "hasAnswers", "hasNeeds", "hasQuotes", "hasThemes", "needs",
         "notesHref", "participants", "persona", "quotes", "themes", "traits"]
    }
}

/// A trait of a persona in words, whether it sets the persona apart, and the way to its notes.
struct TraitView: ViewModel {
    let text: String
    let distinguishing: Bool
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "distinguishing": return distinguishing
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { ["distinguishing", "href", "text"] }
}

/// A free-text survey answer of a persona's respondents, with how many gave the same answer.
struct AnswerGroup: ViewModel {
    let text: String
    let sentiment: String
    let respondent: String
    let place: String
    let repeated: Bool
    let count: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "sentiment": return sentiment
        case "respondent": return respondent
        case "place": return place
        case "repeated": return repeated
        case "count": return count
        default: return nil
        }
    }

    var names: [String] { ["count", "place", "repeated", "respondent", "sentiment", "text"] }
}

/// The values of the personas index (`pages/personas.mustache`): the cards, and a table of each
/// persona's size, NPS, CSAT and gaps beside everyone's.
struct PersonasPage: ViewModel {
    let cards: [PersonaCard]
    let dimensions: [Named]
    let rows: [PersonaRow]
    let overall: PersonaRow
    let method: String

    func child(named name: String) -> Any? {
        switch name {
        case "cards": return cards
        case "dimensions": return dimensions
        case "rows": return rows
        case "overall": return overall
        case "method": return method
        default: return nil
        }
    }

    var names: [String] { ["cards", "dimensions", "method", "overall", "rows"] }
}

/// A row of the personas table: a persona (or, with no name, everyone) with its figures.
struct PersonaRow: ViewModel {
    /// Nil for the row of all respondents.
    let name: String?
    let href: String?
    let size: String
    let share: String?
    let nps: String
    let csat: String
    let gaps: [GapCell]

    func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "href": return href
        case "size": return size
        case "share": return share
        case "nps": return nps
        case "csat": return csat
        case "gaps": return gaps
        default: return nil
        }
    }

    var names: [String] {
        ["csat", "gaps"] + (href == nil ? [] : ["href"]) + (name == nil ? [] : ["name"]) + ["nps"] + (share == nil ? [] : ["share"]) + ["size"]
    }
}

/// A gap in a table cell; `shortfall` and `small` only where the cell can be marked.
struct GapCell: ViewModel {
    let gap: String
    let label: String
    let marks: (shortfall: Bool, small: Bool)?

    func child(named name: String) -> Any? {
        switch name {
        case "gap": return gap
        case "label": return label
        case "shortfall": return marks?.shortfall
        case "small": return marks?.small
        default: return nil
        }
    }

    var names: [String] { marks == nil ? ["gap", "label"] : ["gap", "label", "shortfall", "small"] }
}
