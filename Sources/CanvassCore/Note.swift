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
///
/// A value like any other, but its fields live in one shared box that is copied only when a copy
/// is changed, as `Excerpt`'s do: every pass over a large study copies each note it walks, and a
/// copy is then one reference rather than a dozen.
public struct Note: Sendable {
    private struct Fields: Sendable {
        var id: String
        var title: String
        var date: CalendarDate?
        var method: NoteMethod
        var participants: [Participant]
        var tags: [String]
        var summary: String?
        var draft: Bool
        var file: String
        var excerpts: [Excerpt]
        var body: MarkdownNode
        var excerptTags: [String] = []
        var entityLinks: [EntityLinkReference]
        var excerptFacts: [ExcerptFacts] = []

        /// Works out what is kept with the note from its excerpts and participants.
        mutating func deriveFromExcerpts() {
            var seen = Set<String>()
            for excerpt in excerpts { seen.formUnion(excerpt.tags) }
            excerptTags = seen.sorted()
            excerptFacts = excerpts.map { excerpt in
                ExcerptFacts(
                    participant: Note.attributedParticipant(of: excerpt, participants: participants), isQuote: excerpt.kind == .quote,
                    needs: excerpt.tags.compactMap { tag in
                        tag.hasPrefix(Need.tagPrefix) && tag.count > Need.tagPrefix.count ? String(tag.dropFirst(Need.tagPrefix.count)) : nil
                    })
            }
        }
    }

    private var fields: CopyOnWrite<Fields>

    /// URL-safe id: front matter `id`, else the file name without extension.
    public var id: String {
        get { fields.value.id }
        set { fields.value.id = newValue }
    }

    public var title: String {
        get { fields.value.title }
        set { fields.value.title = newValue }
    }

    public var date: CalendarDate? {
        get { fields.value.date }
        set { fields.value.date = newValue }
    }

    public var method: NoteMethod {
        get { fields.value.method }
        set { fields.value.method = newValue }
    }

    public var participants: [Participant] {
        get { fields.value.participants }
        set {
            fields.value.participants = newValue
            fields.value.deriveFromExcerpts()
        }
    }

    public var tags: [String] {
        get { fields.value.tags }
        set { fields.value.tags = newValue }
    }

    public var summary: String? {
        get { fields.value.summary }
        set { fields.value.summary = newValue }
    }

    public var draft: Bool {
        get { fields.value.draft }
        set { fields.value.draft = newValue }
    }

    /// Project-relative path, e.g. `content/interviews/onboarding.md`.
    public var file: String {
        get { fields.value.file }
        set { fields.value.file = newValue }
    }

    public var location: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    public var excerpts: [Excerpt] {
        get { fields.value.excerpts }
        set {
            fields.value.excerpts = newValue
            fields.value.deriveFromExcerpts()
        }
    }

    /// The note body, parsed once, with speaker lines lifted out of quotes.
    public var body: MarkdownNode {
        get { fields.value.body }
        set {
            fields.value.body = newValue
            fields.value.entityLinks = newValue.entityLinks
        }
    }

    /// Every tag of every excerpt, sorted, unique; kept with the note so that checks ask once per
    /// note, not once per excerpt. Set with `excerpts`.
    public var excerptTags: [String] { fields.value.excerptTags }
    /// What analysis reads of each excerpt, in excerpt order; set with `excerpts` and `participants`.
    public var excerptFacts: [ExcerptFacts] { fields.value.excerptFacts }
    /// The body's links to the study's entities, found when the body is set.
    public var entityLinks: [EntityLinkReference] { fields.value.entityLinks }

    /// Every tag of the note: its excerpts' and its front matter's, sorted, unique.
    public var allTags: [String] { Set(excerptTags + tags).sorted() }

    public init(
        id: String, title: String, date: CalendarDate?, method: NoteMethod, participants: [Participant],
        tags: [String], summary: String?, draft: Bool, file: String, excerpts: [Excerpt], body: MarkdownNode
    ) {
        var stored = Fields(
            id: id, title: title, date: date, method: method, participants: participants, tags: tags, summary: summary, draft: draft,
            file: file, excerpts: excerpts, body: body, entityLinks: body.entityLinks)
        stored.deriveFromExcerpts()
        fields = CopyOnWrite(stored)
    }

    public func participant(id: String) -> Participant? {
        participants.first { $0.id == id }
    }

    /// Whether `other` is this very note rather than an equal one: a copy shares its fields until
    /// either is changed, so this is never true of two notes that differ, and costs nothing.
    public func isSameValue(as other: Note) -> Bool {
        fields.sharesStorage(with: other.fields)
    }

    /// Who an excerpt of this note is attributed to: a quote's speaker, or the sole participant of a
    /// one-to-one note. Observations in group sessions name nobody.
    public func attributedParticipant(of excerpt: Excerpt) -> String? {
        Self.attributedParticipant(of: excerpt, participants: participants)
    }

    private static func attributedParticipant(of excerpt: Excerpt, participants: [Participant]) -> String? {
        excerpt.speaker ?? (participants.count == 1 ? participants[0].id : nil)
    }
}

/// What the passes over every excerpt of a study read of one excerpt, kept with its note so that
/// they need not read the excerpt itself.
public struct ExcerptFacts: Sendable, Equatable {
    /// `Note.attributedParticipant(of:)` of the excerpt.
    public let participant: String?
    public let isQuote: Bool
    /// The ids of its `need/…` tags (`checklist` for `need/checklist`), in tag order.
    public let needs: [String]
}
