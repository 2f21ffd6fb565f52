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

    private struct Fields: Sendable {
        var kind: Kind
        var noteID: String
        var location: SourceLocation
        var content: MarkdownNode
        var text: String
        var tags: [String]
        var speaker: String?
        var anchor: String
    }

    private var fields: CopyOnWrite<Fields>

    public var kind: Kind {
        get { fields.value.kind }
        set { fields.value.kind = newValue }
    }

    public var noteID: String {
        get { fields.value.noteID }
        set { fields.value.noteID = newValue }
    }

    /// Where the excerpt's block starts in its note file.
    public var location: SourceLocation {
        get { fields.value.location }
        set { fields.value.location = newValue }
    }

    /// The excerpt's block, speaker line removed.
    public var content: MarkdownNode {
        get { fields.value.content }
        set { fields.value.content = newValue }
    }

    /// Plain text with tags left out, for search, sentiment and previews.
    public var text: String {
        get { fields.value.text }
        set { fields.value.text = newValue }
    }

    /// Tags written on the excerpt and in the note's front matter; lower-cased, sorted, unique.
    public var tags: [String] {
        get { fields.value.tags }
        set { fields.value.tags = newValue }
    }

    /// The participant id named by a quote's `— id` line.
    public var speaker: String? {
        get { fields.value.speaker }
        set { fields.value.speaker = newValue }
    }

    /// Anchor inside the note page (`L12`), unique within the note.
    public var anchor: String {
        get { fields.value.anchor }
        set { fields.value.anchor = newValue }
    }

    public init(
        kind: Kind, noteID: String, location: SourceLocation, content: MarkdownNode, text: String,
        tags: [String], speaker: String?, anchor: String
    ) {
        fields = CopyOnWrite(Fields(kind: kind, noteID: noteID, location: location, content: content, text: text, tags: tags, speaker: speaker, anchor: anchor))
    }

    public static func == (lhs: Excerpt, rhs: Excerpt) -> Bool {
        if lhs.fields.sharesStorage(with: rhs.fields) { return true }
        let a = lhs.fields.value, b = rhs.fields.value
        return a.kind == b.kind && a.noteID == b.noteID && a.location == b.location && a.anchor == b.anchor && a.text == b.text
            && a.tags == b.tags && a.speaker == b.speaker && a.content == b.content
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.value.noteID)
        hasher.combine(fields.value.anchor)
        hasher.combine(fields.value.location)
        hasher.combine(fields.value.text)
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
