/// An excerpt as it appears outside its note (`partials/excerpt.mustache`): its text, who said
/// it, the note it comes from and a link back, and its tags.
struct ExcerptView: ViewModel {
    let html: String
    let isQuote: Bool
    /// "" under the public profile, where notes have no pages.
    let href: String
    let noteTitle: String
    let date: String
    let method: String
    let tags: [TagChip]
    let source: String
    /// Who said it; nil when no participant of the note is named.
    let speaker: String?

    func child(named name: String) -> Any? {
        switch name {
        case "html": return html
        case "isQuote": return isQuote
        case "href": return href
        case "noteTitle": return noteTitle
        case "date": return date
        case "method": return method
        case "tags": return tags
        case "source": return source
        case "speaker": return speaker
        default: return nil
        }
    }

    var names: [String] {
        ["date", "href", "html", "isQuote", "method", "noteTitle", "source"] + (speaker == nil ? [] : ["speaker"]) + ["tags"]
    }
}
