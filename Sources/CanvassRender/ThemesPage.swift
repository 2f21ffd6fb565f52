/// The values of the themes index (`pages/themes.mustache`): every theme as a row, and the matrix
/// of themes sharing excerpts.
struct ThemesPage: ViewModel {
    let themes: [ThemeRow]
    let count: String
    /// "" when fewer than two themes have excerpts.
    let matrixSVG: String

    func child(named name: String) -> Any? {
        switch name {
        case "themes": return themes
        case "count": return count
        case "matrixSVG": return matrixSVG
        case "hasMatrix": return !matrixSVG.isEmpty
        default: return nil
        }
    }

    var names: [String] { ["count", "hasMatrix", "matrixSVG", "themes"] }
}

/// A theme as a row of the index: how much evidence, from how many notes and people, its
/// sentiment, and a bar of its excerpts against the most discussed theme's.
struct ThemeRow: ViewModel {
    let label: String
    let href: String
    let description: String
    let dimension: String
    let excerpts: String
    /// The number itself, for sorting the table.
    let excerptCount: Int
    let notes: String
    let participants: String
    let width: String
    let sentiment: String
    let sentimentValue: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "description": return description
        case "dimension": return dimension
        case "excerpts": return excerpts
        case "excerptCount": return excerptCount
        case "notes": return notes
        case "participants": return participants
        case "width": return width
        case "sentiment": return sentiment
        case "sentimentValue": return sentimentValue
        default: return nil
        }
    }

    var names: [String] {
        ["description", "dimension", "excerptCount", "excerpts", "href", "label", "notes", "participants", "sentiment", "sentimentValue", "width"]
    }
}
