/// A dated calendar day as written in front matter (`2026-09-14`); no time zone involved.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Accepts exactly `YYYY-MM-DD` naming a real day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// How a note's material was gathered.
public enum NoteMethod: String, Sendable, CaseIterable, Comparable {
    case interview
    case focusGroup = "focus-group"
    case support
    case fieldNote = "field-note"
    case social

    public static func < (lhs: NoteMethod, rhs: NoteMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Someone who took part in a note's session.
public struct Participant: Sendable, Hashable {
    public var id: String
    /// Private: never shown under the public profile.
    public var name: String?
    public var role: String?
    /// Attribute values as written (`age: 41` keeps "41"), joined with survey attributes later.
    public var attributes: [String: String]

    public init(id: String, name: String? = nil, role: String? = nil, attributes: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.role = role
        self.attributes = attributes
    }
}

/// One Markdown note: an interview, focus group, support call, field note or social post.
public struct Note: Sendable {
    /// URL-safe id: front matter `id`, else the file name without extension.
    public var id: String
    public var title: String
    public var date: CalendarDate?
    public var method: NoteMethod
    public var participants: [Participant]
    public var tags: [String]
    public var summary: String?
    public var draft: Bool
    /// Project-relative path, e.g. `content/interviews/onboarding.md`.
    public var file: String
    public var location: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }
    public var excerpts: [Excerpt] {
        didSet { excerptTags = Self.distinctTags(of: excerpts) }
    }
    /// The note body, parsed once, with speaker lines lifted out of quotes.
    public var body: MarkdownNode {
        didSet { entityLinks = body.entityLinks }
    }
    /// Every tag of every excerpt, sorted, unique; kept with the note so that checks ask once per
    /// note, not once per excerpt.
    public private(set) var excerptTags: [String]
    /// The body's links to the study's entities, found when the body is set.
    public private(set) var entityLinks: [EntityLinkReference]

    /// Every tag of the note: its excerpts' and its front matter's, sorted, unique.
    public var allTags: [String] { Set(excerptTags + tags).sorted() }

    public init(
        id: String, title: String, date: CalendarDate?, method: NoteMethod, participants: [Participant],
        tags: [String], summary: String?, draft: Bool, file: String, excerpts: [Excerpt], body: MarkdownNode
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.method = method
        self.participants = participants
        self.tags = tags
        self.summary = summary
        self.draft = draft
        self.file = file
        self.excerpts = excerpts
        self.body = body
        excerptTags = Self.distinctTags(of: excerpts)
        entityLinks = body.entityLinks
    }

    private static func distinctTags(of excerpts: [Excerpt]) -> [String] {
        var seen = Set<String>()
        for excerpt in excerpts { seen.formUnion(excerpt.tags) }
        return seen.sorted()
    }

    public func participant(id: String) -> Participant? {
        participants.first { $0.id == id }
    }

    /// Who an excerpt of this note is attributed to: a quote's speaker, or the sole participant of a
    /// one-to-one note. Observations in group sessions name nobody.
    public func attributedParticipant(of excerpt: Excerpt) -> String? {
        excerpt.speaker ?? (participants.count == 1 ? participants[0].id : nil)
    }
}
