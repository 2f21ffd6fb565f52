/// The values of a persona's page (`pages/persona.mustache`): the card with its detail, traits
/// with their evidence, gaps against everyone's, themes and needs, quotes and survey answers.
struct PersonaPage: ViewModel {
    let persona: PersonaCard
    let actionLinks: [ActionLink]
    let traits: [TraitView]
    let gapSVG: String
    /// Each dimension's gap row (as the gaps page shows it), with the overall gap and a link.
    let gaps: [[String: Any]]
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
