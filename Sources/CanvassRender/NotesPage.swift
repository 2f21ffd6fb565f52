/// The values of the notes index (`pages/notes.mustache`): every note as a row, and the options
/// of its filters.
struct NotesPage: ViewModel {
    let notes: [NoteRow]
    let count: String
    let methodOptions: [Option]
    let participantOptions: [Option]
    let tagOptions: [Option]
    /// Nil when the study has no personas.
    let personaOptions: [Option]?

    func child(named name: String) -> Any? {
        switch name {
        case "notes": return notes
        case "count": return count
        case "methodOptions": return methodOptions
        case "participantOptions": return participantOptions
        case "tagOptions": return tagOptions
        case "hasPersonaOptions": return personaOptions != nil
        case "personaOptions": return personaOptions ?? []
        default: return nil
        }
    }

    var names: [String] { ["count", "hasPersonaOptions", "methodOptions", "notes", "participantOptions", "personaOptions", "tagOptions"] }
}

/// A note as a row of a list: title, date, method, who, how much evidence, and the values the
/// list's filters match (`…IDs`, space-separated).
struct NoteRow: ViewModel {
    let title: String
    let href: String
    let date: String
    let isoDate: String
    let method: String
    let methodID: String
    let participants: String
    let participantIDs: String
    let tagIDs: String
    let personaIDs: String
    let excerpts: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "href": return href
        case "date": return date
        case "isoDate": return isoDate
        case "method": return method
        case "methodID": return methodID
        case "participants": return participants
        case "participantIDs": return participantIDs
        case "tagIDs": return tagIDs
        case "personaIDs": return personaIDs
        case "excerpts": return excerpts
        default: return nil
        }
    }

    var names: [String] {
        ["date", "excerpts", "href", "isoDate", "method", "methodID", "participantIDs", "participants", "personaIDs", "tagIDs", "title"]
    }
}

/// One choice of a filter: the value it matches and its label.
struct Option: ViewModel {
    let value: String
    let label: String

    func child(named name: String) -> Any? {
        switch name {
        case "value": return value
        case "label": return label
        default: return nil
        }
    }

    var names: [String] { ["label", "value"] }
}
