/// Where a page lives in the site and how it links to others: relative links, so the site works
/// from `file://` and from any sub-path.
public struct PagePath: Sendable, Hashable {
    /// Path inside the site, e.g. `notes/onboarding-call/index.html`.
    public let path: String
    /// `../` once per folder the page sits in; worked out once, as every link on the page starts with it.
    public let root: String

    public init(_ path: String) {
        self.path = path
        // The folders above the page: its non-empty path components but the last, counted on the
        // bytes, as most paths are made only to be linked to.
        var components = 0
        var inComponent = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                inComponent = false
            } else if !inComponent {
                inComponent = true
                components += 1
            }
        }
        root = String(repeating: "../", count: max(components - 1, 0))
    }

    /// A relative link from this page to another site path.
    public func link(to target: String) -> String {
        root + target
    }

    public static let home = PagePath("index.html")
    public static let notes = PagePath("notes/index.html")
    public static let themes = PagePath("themes/index.html")
    public static let notFound = PagePath("404.html")
    public static let gaps = PagePath("gaps/index.html")
    public static let quality = PagePath("quality/index.html")
    public static let methodology = PagePath("methodology/index.html")
    public static let personas = PagePath("personas/index.html")
    public static let targets = PagePath("targets/index.html")
    public static let monitoring = PagePath("monitoring/index.html")
    public static let service = PagePath("service/index.html")
    public static let needs = PagePath("needs/index.html")
    public static let actions = PagePath("actions/index.html")

    public static func note(_ id: String) -> PagePath { PagePath("notes/\(id)/index.html") }
    public static func theme(_ id: String) -> PagePath { PagePath("themes/\(id)/index.html") }
    public static func dimension(_ id: String) -> PagePath { PagePath("gaps/\(id)/index.html") }
    public static func persona(_ id: String) -> PagePath { PagePath("personas/\(id)/index.html") }
    public static func page(_ id: String) -> PagePath { PagePath("pages/\(id)/index.html") }
    public static func action(_ id: String) -> PagePath { PagePath("actions/\(id)/index.html") }
    public static let search = PagePath("search/index.html")
}
