/// The values of a note's page (`pages/note.mustache`): the note, under `note`.
struct NotePage: ViewModel {
    let note: NoteView

    func child(named name: String) -> Any? { name == "note" ? note : nil }
    var names: [String] { ["note"] }
}

/// A note as its page shows it: the rendered body, who took part, and its themes and tags.
struct NoteView: ViewModel {
    let title: String
    let date: String
    let isoDate: String
    let method: String
    let summary: String
    let excerptCount: String
    let source: String
    let bodyHTML: String
    let tags: [TagChip]
    let participants: [ParticipantView]
    let themes: [ThemeCount]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "date": return date
        case "isoDate": return isoDate
        case "method": return method
        case "summary": return summary
        case "excerptCount": return excerptCount
        case "source": return source
        case "bodyHTML": return bodyHTML
        case "tags": return tags
        case "hasTags": return !tags.isEmpty
        case "participants": return participants
        case "hasParticipants": return !participants.isEmpty
        case "themes": return themes
        case "hasThemes": return !themes.isEmpty
        default: return nil
        }
    }

    var names: [String] {
        ["bodyHTML", "date", "excerptCount", "hasParticipants", "hasTags", "hasThemes", "isoDate", "method", "participants",
         "source", "summary", "tags", "themes", "title"]
    }
}

/// A participant of a note: how the page names them, their id, and their attributes in name order.
struct ParticipantView: ViewModel {
    let name: String
    let id: String
    let attributes: [KeyValue]

    func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "id": return id
        case "attributes": return attributes
        case "hasAttributes": return !attributes.isEmpty
        default: return nil
        }
    }

    var names: [String] { ["attributes", "hasAttributes", "id", "name"] }
}

/// A named value, as an attribute list shows it.
struct KeyValue: ViewModel {
    let key: String
    let value: String

    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "value": return value
        default: return nil
        }
    }

    var names: [String] { ["key", "value"] }
}

/// A theme a note's excerpts have, with how many of them, linking to the theme's page.
struct ThemeCount: ViewModel {
    let label: String
    let href: String
    let count: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "count": return count
        default: return nil
        }
    }

    var names: [String] { ["count", "href", "label"] }
}

/// A tag as a chip: `#tag` linking to its theme, or a `need/…` tag as the need it names, linking to
/// it; no `href` when nothing claims the tag.
struct TagChip: ViewModel {
    let label: String
    let href: String?

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        default: return nil
        }
    }

    var names: [String] { href == nil ? ["label"] : ["href", "label"] }
}
