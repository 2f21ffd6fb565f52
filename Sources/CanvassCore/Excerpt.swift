/// The unit of evidence (SPEC §3.1): a verbatim quote, or a tagged observation.
///
/// A value like any other, but its fields live in one shared box that is copied only when a copy
/// is changed: analysis files each excerpt under several themes, needs and personas, and copying
/// eight fields each time dominated a rebuild of a large study.
public struct Excerpt: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case quote
        case observation
    }

    fileprivate final class Fields: @unchecked Sendable {
        var kind: Kind
        var noteID: String
        var location: SourceLocation
        var content: MarkdownNode
        var text: String
        var tags: [String]
        var speaker: String?
        var anchor: String

        init(kind: Kind, noteID: String, location: SourceLocation, content: MarkdownNode, text: String, tags: [String], speaker: String?, anchor: String) {
            self.kind = kind
            self.noteID = noteID
            self.location = location
            self.content = content
            self.text = text
            self.tags = tags
            self.speaker = speaker
            self.anchor = anchor
        }

        func copy() -> Fields {
            Fields(kind: kind, noteID: noteID, location: location, content: content, text: text, tags: tags, speaker: speaker, anchor: anchor)
        }
    }

    private var fields: Fields

    /// The box, copied first if another excerpt shares it: call before changing a field.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public var kind: Kind {
        get { fields.kind }
        set { unique().kind = newValue }
    }

    public var noteID: String {
        get { fields.noteID }
        set { unique().noteID = newValue }
    }

    /// Where the excerpt's block starts in its note file.
    public var location: SourceLocation {
        get { fields.location }
        set { unique().location = newValue }
    }

    /// The excerpt's block, speaker line removed.
    public var content: MarkdownNode {
        get { fields.content }
        set { unique().content = newValue }
    }

    /// Plain text with tags left out, for search, sentiment and previews.
    public var text: String {
        get { fields.text }
        set { unique().text = newValue }
    }

    /// Tags written on the excerpt and in the note's front matter; lower-cased, sorted, unique.
    public var tags: [String] {
        get { fields.tags }
        set { unique().tags = newValue }
    }

    /// The participant id named by a quote's `— id` line.
    public var speaker: String? {
        get { fields.speaker }
        set { unique().speaker = newValue }
    }

    /// Anchor inside the note page (`L12`), unique within the note.
    public var anchor: String {
        get { fields.anchor }
        set { unique().anchor = newValue }
    }

    public init(
        kind: Kind, noteID: String, location: SourceLocation, content: MarkdownNode, text: String,
        tags: [String], speaker: String?, anchor: String
    ) {
        fields = Fields(kind: kind, noteID: noteID, location: location, content: content, text: text, tags: tags, speaker: speaker, anchor: anchor)
    }

    public static func == (lhs: Excerpt, rhs: Excerpt) -> Bool {
        if lhs.fields === rhs.fields { return true }
        let a = lhs.fields, b = rhs.fields
        return a.kind == b.kind && a.noteID == b.noteID && a.location == b.location && a.anchor == b.anchor && a.text == b.text
            && a.tags == b.tags && a.speaker == b.speaker && a.content == b.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.noteID)
        hasher.combine(fields.anchor)
        hasher.combine(fields.location)
        hasher.combine(fields.text)
    }
}

/// Tag paths nest with `/`: `need/checklist` is also under `need`.
public enum TagPath {
    /// The tag and every ancestor, most specific first: `a/b/c` → `a/b/c`, `a/b`, `a`.
    public static func lineage(of tag: String) -> [String] {
        var result = [tag]
        var current = Substring(tag)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            if !current.isEmpty { result.append(String(current)) }
        }
        return result
    }
}
