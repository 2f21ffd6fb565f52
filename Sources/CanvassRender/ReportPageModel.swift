/// The values of a report page (`pages/page.mustache`): the page, under `report`.
struct ReportPageModel: ViewModel {
    let report: ReportView

    func child(named name: String) -> Any? { name == "report" ? report : nil }
    var names: [String] { ["report"] }
}

/// A report page as written: its body with the analysis blocks rendered in, and its contents.
struct ReportView: ViewModel {
    let title: String
    let summary: String
    let bodyHTML: String
    let toc: [TocEntry]
    let source: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "summary": return summary
        case "bodyHTML": return bodyHTML
        case "toc": return toc
        // A table of contents with one entry says nothing the heading does not.
        case "hasTOC": return toc.count > 1
        case "source": return source
        default: return nil
        }
    }

    var names: [String] { ["bodyHTML", "hasTOC", "source", "summary", "title", "toc"] }
}

/// A heading of a report page in its table of contents; `sub` for a third-level one.
struct TocEntry: ViewModel {
    let text: String
    let href: String
    let sub: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "href": return href
        case "sub": return sub
        default: return nil
        }
    }

    var names: [String] { ["href", "sub", "text"] }
}

/// The values of the search page (`pages/search.mustache`): the kinds of result it can filter by.
struct SearchPage: ViewModel {
    let types: [Option]

    func child(named name: String) -> Any? { name == "types" ? types : nil }
    var names: [String] { ["types"] }
}
