import Mustache

/// A view model the templates read: each value by the name the templates use, through
/// swift-mustache's own custom lookup (`MustacheParent.child(named:)`), rather than a dictionary
/// of `Any` built per page. `names` lists every name the model answers, sorted, for the model
/// digest (page reuse) and the test that every name a template uses is provided.
protocol ViewModel: MustacheParent {
    var names: [String] { get }
}

/// A page's model: what every page has (`PageBase`), and the page's own values, which win.
struct PageModel<Content: ViewModel>: ViewModel {
    let base: PageBase
    var content: Content

    func child(named name: String) -> Any? {
        content.child(named: name) ?? base.child(named: name)
    }

    var names: [String] { Array(Set(base.names).union(content.names)).sorted() }
}

/// What every page has: the chrome of its section (the same on every page of a section at one
/// folder depth), its title and description, and whether its survey figures are weighted.
struct PageBase: ViewModel {
    let chrome: Chrome
    let page: PageInfo
    let weightedFigures: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "page": return page
        case "weightedFigures": return weightedFigures
        default: return chrome.child(named: name)
        }
    }

    var names: [String] { (["page", "weightedFigures"] + chrome.names).sorted() }
}

/// A page's title, and its description for search engines and link previews.
struct PageInfo: ViewModel {
    let title: String
    let description: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        default: return nil
        }
    }

    var names: [String] { ["description", "title"] }
}

/// The layout's values but the page's own: the site, the UI strings (`t`), the way to the site's
/// root, the navigation and report pages, and `siteHeader`, the header rendered once with them.
struct Chrome: ViewModel {
    let site: SiteInfo
    let t: [String: String]
    let root: String
    let nav: [NavLink]
    let reportPages: [NavLink]
    let searchHref: String
    var siteHeader = ""

    var hasReportPages: Bool { !reportPages.isEmpty }

    func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "t": return t
        case "root": return root
        case "nav": return nav
        case "reportPages": return reportPages
        case "hasReportPages": return hasReportPages
        case "searchHref": return searchHref
        case "siteHeader": return siteHeader
        default: return nil
        }
    }

    var names: [String] { ["hasReportPages", "nav", "reportPages", "root", "searchHref", "site", "siteHeader", "t"] }
}

/// The study as the layout names it: title, language, and the privacy profile it was built with.
struct SiteInfo: ViewModel {
    let title: String
    let lang: String
    let profile: String
    let profileNotice: String
    let isPublic: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "lang": return lang
        case "profile": return profile
        case "profileNotice": return profileNotice
        case "isPublic": return isPublic
        default: return nil
        }
    }

    var names: [String] { ["isPublic", "lang", "profile", "profileNotice", "title"] }
}

/// A link of the navigation or of the report pages, and whether it is the page being read.
struct NavLink: ViewModel {
    let label: String
    let href: String
    let current: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "href": return href
        case "current": return current
        default: return nil
        }
    }

    var names: [String] { ["current", "href", "label"] }
}
